// EmbeddedGateway: the stub inside another process (the bankwallet app, tests) — a GatewayServer on its
// own QThread, listening on 127.0.0.1 with an ephemeral port. The server object is created, used and
// destroyed on that thread (its Qt SQL connection is bound to it); start() and stop() block until the
// thread has done the work. Call them from one thread that is not the server's.
#pragma once

#include "stub/clock.h"
#include "stub/router.h"
#include "stub/stub_config.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QObject;
class QThread;
QT_END_NAMESPACE

namespace bw::stub {

class GatewayServer;

class EmbeddedGateway
{
public:
    // clock: nullptr means the system clock (tests pass a ManualClock).
    explicit EmbeddedGateway(StubConfig config, std::shared_ptr<Clock> clock = {});
    ~EmbeddedGateway(); // stop()
    EmbeddedGateway(const EmbeddedGateway &) = delete;
    EmbeddedGateway &operator=(const EmbeddedGateway &) = delete;

    // Opens the database and listens on 127.0.0.1:port (0 = ephemeral). Returns the port once listening,
    // or 0 with *error (database, key file or socket failure); the thread is then already stopped.
    quint16 start(QString *error = nullptr, quint16 port = 0);
    // Stops accepting, answers or closes in-flight requests, closes the database, joins the thread.
    void stop();

    bool isRunning() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:<port>
    QList<RouteInfo> routes() const { return m_routes; }

private:
    StubConfig m_config;
    std::shared_ptr<Clock> m_clock;
    std::unique_ptr<QThread> m_thread;
    std::unique_ptr<QObject> m_threadContext; // lives on m_thread; target of the blocking calls
    GatewayServer *m_server = nullptr;        // created and deleted on m_thread
    quint16 m_port = 0;
    QList<RouteInfo> m_routes;
};

} // namespace bw::stub
