#include "stub/embedded_gateway.h"

#include "stub/gateway_server.h"

#include "core/thread_priority.h"

#include <QHostAddress>
#include <QMetaObject>
#include <QThread>

namespace bw::stub {

EmbeddedGateway::EmbeddedGateway(StubConfig config, std::shared_ptr<Clock> clock)
    : m_config(std::move(config))
    , m_clock(std::move(clock))
{}

EmbeddedGateway::~EmbeddedGateway()
{
    stop();
}

QUrl EmbeddedGateway::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

quint16 EmbeddedGateway::start(QString *error, quint16 port)
{
    if (m_thread)
        return m_port;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("bw-gateway-stub"));
    m_threadContext = std::make_unique<QObject>();
    m_threadContext->moveToThread(m_thread.get());
    // The bank's side of the app's own requests: it must not take the app's window's core from it.
    QObject::connect(
        m_thread.get(), &QThread::started, m_threadContext.get(), [] { core::lowerCurrentThreadPriority(); },
        Qt::DirectConnection);
    m_thread->start();

    QString failure;
    quint16 listening = 0;
    QMetaObject::invokeMethod(
        m_threadContext.get(),
        [&] {
            auto server = std::make_unique<GatewayServer>(m_config, m_clock);
            if (!server->open(&failure))
                return;
            listening = server->listen(QHostAddress::LocalHost, port, &failure);
            if (listening == 0)
                return;
            m_routes = server->routes();
            m_server = server.release();
        },
        Qt::BlockingQueuedConnection);
    if (listening == 0) {
        if (error)
            *error = failure;
        stop();
        return 0;
    }
    m_port = listening;
    return m_port;
}

void EmbeddedGateway::stop()
{
    if (!m_thread)
        return;
    if (m_server) {
        QMetaObject::invokeMethod(
            m_threadContext.get(),
            [this] {
                m_server->shutdown();
                delete m_server;
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    m_thread->quit();
    m_thread->wait();
    m_threadContext.reset();
    m_thread.reset();
    m_port = 0;
}

} // namespace bw::stub
