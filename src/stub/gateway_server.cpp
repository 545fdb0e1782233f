#include "stub/gateway_server.h"

#include "stub/api_error.h"
#include "stub/routes.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <exception>

namespace bw::stub {

Q_LOGGING_CATEGORY(lcGateway, "bw.stub.gateway", QtInfoMsg)

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

bool hasPrefix(const QString &path, QLatin1String prefix)
{
    return path == prefix || path.startsWith(prefix + QLatin1Char('/'));
}

} // namespace

Response errorResponse(const ApiError &error)
{
    Response response{error.status(), error.toJson(), {}, {}};
    for (const auto &header : error.headers())
        response.headers.append(header);
    return response;
}

GatewayServer::GatewayServer(StubConfig config, std::shared_ptr<Clock> clock, QObject *parent)
    : QObject(parent)
    , m_context(std::move(config), std::move(clock))
    , m_rng(m_context.config().seed ? *m_context.config().seed : std::random_device{}())
    , m_commits(m_context.store())
{
    registerRoutes();
}

GatewayServer::~GatewayServer()
{
    shutdown();
}

void GatewayServer::registerRoutes()
{
    addSystemRoutes(m_router, m_context);
    addBankRoutes(m_router, m_context);
    addEnrollmentRoutes(m_router, m_context);
    addSessionRoutes(m_router, m_context);
    addWalletRoutes(m_router, m_context);
    addDeviceRoutes(m_router, m_context);
    addPasswordResetRoutes(m_router, m_context);
    addDevRoutes(m_router, m_context);
    addTransactionRoutes(m_router, m_context);
    addDirectoryRoutes(m_router, m_context);
    addPaymentMethodRoutes(m_router, m_context);
    addQuoteRoutes(m_router, m_context);
    addPaymentRoutes(m_router, m_context);
}

bool GatewayServer::open(QString *error)
{
    return m_context.open(error);
}

quint16 GatewayServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_context.store().isOpen()) {
        if (error)
            *error = QStringLiteral("the database is not open");
        return 0;
    }
    if (!m_http) {
        m_http = std::make_unique<QHttpServer>();
        m_http->setMissingHandler(
            [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                onRequest(request, std::move(responder));
            });
    }
    // QAbstractHttpServer::listen() hides the reason for a failure; listen ourselves and bind() instead.
    // With a certificate and key configured, a QSslServer (sslSetup() only affects listen(), not bind()).
    std::unique_ptr<QTcpServer> tcp = std::make_unique<QTcpServer>();
    const StubConfig &config = m_context.config();
    if (!config.tlsCertificatePath.isEmpty() && !config.tlsKeyPath.isEmpty()) {
        QFile certFile(config.tlsCertificatePath), keyFile(config.tlsKeyPath);
        const QSslCertificate cert(certFile.open(QIODevice::ReadOnly) ? certFile.readAll() : QByteArray());
        const QSslKey key(keyFile.open(QIODevice::ReadOnly) ? keyFile.readAll() : QByteArray(), QSsl::Rsa);
        if (cert.isNull() || key.isNull()) {
            if (error)
                *error = QStringLiteral("cannot read the TLS certificate or key (PEM, RSA)");
            return 0;
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificate(cert);
        ssl.setPrivateKey(key);
        auto sslServer = std::make_unique<QSslServer>();
        sslServer->setSslConfiguration(ssl);
        tcp = std::move(sslServer);
    }
    if (!tcp->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(tcp->errorString());
        return 0;
    }
    const quint16 actual = tcp->serverPort();
    m_http->bind(tcp.release());
    return actual;
}

void GatewayServer::shutdown()
{
    if (m_http) {
        for (QTcpServer *server : m_http->servers())
            server->close();
        // The open batch: commit it and answer (or fail) its requests.
        m_commits.flush();
        // Answers waiting for their latency are already committed: deliver them now rather than lose them.
        while (!m_pending.empty())
            finish(m_pending.begin()->first);
        for (QTcpServer *server : m_http->servers()) {
            for (QTcpSocket *socket : server->findChildren<QTcpSocket *>()) {
                socket->flush();
                socket->disconnectFromHost();
                if (socket->state() != QAbstractSocket::UnconnectedState)
                    socket->waitForDisconnected(200);
            }
        }
        m_http.reset();
        const CommitGroup::Stats stats = m_commits.stats();
        qCDebug(lcGateway, "group commit: %llu requests in %llu batches (largest %d, %llu failed)",
                static_cast<unsigned long long>(stats.requests),
                static_cast<unsigned long long>(stats.batches), stats.largestBatch,
                static_cast<unsigned long long>(stats.failedBatches));
    }
    m_context.close();
}

bool GatewayServer::roll(double rate)
{
    if (rate <= 0)
        return false;
    if (rate >= 1)
        return true;
    return std::uniform_real_distribution<double>(0.0, 1.0)(m_rng) < rate;
}

Response GatewayServer::dispatch(Request &request, bool *drop)
{
    *drop = false;
    const StubConfig &config = m_context.config();
    try {
        const bool v1 = hasPrefix(request.path, QLatin1String("/v1"));
        const bool dev = hasPrefix(request.path, QLatin1String("/v1/dev"));
        if (dev && !config.demo)
            throw ApiError::resourceMissing();
        if (request.body.size() > StubConfig::kMaxBodyBytes)
            throw ApiError::bodyTooLarge();
        if (v1 && !dev && roll(config.failRate))
            throw ApiError::injectedFault();

        const Router::Match match = m_router.match(request.method, request.path);
        if (match.outcome == Router::Outcome::NotFound)
            throw ApiError::resourceMissing();
        if (match.outcome == Router::Outcome::MethodNotAllowed)
            throw ApiError::methodNotAllowed();
        request.pathParams = match.params;

        if (match.route->access != Access::Public)
            m_context.auth().verifySignature(request);
        if (match.route->access == Access::Authenticated)
            m_context.auth().verifySession(request);

        if (request.method != "GET" && request.method != "HEAD" && !request.body.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject())
                throw ApiError::invalidJson();
            request.json = document.object();
        }

        // Decided before the handler runs so that the roll does not depend on its outcome.
        *drop = v1 && !dev && request.method != "GET" && roll(config.dropAfterCommitRate);
        return (*match.handler)(request);
    } catch (const ApiError &error) {
        return errorResponse(error);
    } catch (const std::exception &e) {
        qCCritical(lcGateway, "%s %s failed: %s", request.method.constData(), qPrintable(request.path),
                   e.what());
    } catch (...) {
        qCCritical(lcGateway, "%s %s failed with an unknown exception", request.method.constData(),
                   qPrintable(request.path));
    }
    return errorResponse(ApiError::internalError());
}

void GatewayServer::onRequest(const QHttpServerRequest &httpRequest, QHttpServerResponder &&responder)
{
    Request request;
    Response response;
    bool drop = false;
    m_commits.enter(); // false: no batch, the handler's transactions commit on their own
    try {
        request.method = methodName(httpRequest.method());
        const QUrl url = httpRequest.url();
        request.path = url.path(QUrl::FullyEncoded);
        request.pathWithQuery = request.path.toUtf8();
        if (url.hasQuery())
            request.pathWithQuery += '?' + url.query(QUrl::FullyEncoded).toUtf8();
        request.query = QUrlQuery(url);
        for (const auto &header : httpRequest.headers())
            request.headers.insert(header.first.toLower(), header.second);
        request.body = httpRequest.body();
        response = dispatch(request, &drop);
    } catch (...) {
        // dispatch() catches everything; this guards the copying above (e.g. out of memory).
        response = errorResponse(ApiError::internalError());
        drop = false;
    }
    // An answer to HEAD has no body (RFC 9110 §9.3.2): bytes after its headers would be read by a keep-alive
    // client as the start of the next answer. No route takes HEAD, so this is always a 404 or 405.
    if (request.method == "HEAD") {
        response.json.reset();
        response.body.clear();
    }
    qCDebug(lcGateway, "%s %s -> %d%s", request.method.constData(), qPrintable(request.path), response.status,
            drop ? " (dropped)" : "");

    QTcpSocket *socket = responder.socket();
    Pending pending{std::make_shared<QHttpServerResponder>(std::move(responder)), QPointer(socket),
                    std::move(response), drop};
    // Nothing is written before the batch holding this request's changes is durable.
    m_commits.defer([this, pending = std::move(pending)](bool durable) { deliver(pending, durable); });
}

void GatewayServer::deliver(Pending pending, bool durable)
{
    if (!durable) {
        // The COMMIT failed: nothing of this request stayed, whatever the handler answered.
        pending.response = errorResponse(ApiError::internalError());
        pending.drop = false;
    }
    const int latency = m_context.config().latencyMs;
    if (latency <= 0) {
        if (pending.socket)
            write(*pending.responder, pending.socket.data(), pending.response, pending.drop);
        return;
    }
    const quint64 id = ++m_nextPending;
    m_pending.emplace(id, std::move(pending));
    QTimer::singleShot(latency, this, [this, id] { finish(id); });
}

void GatewayServer::finish(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    // The client may have gone while we waited: then the socket is deleted and there is nobody to answer.
    if (pending.socket)
        write(*pending.responder, pending.socket.data(), pending.response, pending.drop);
}

void GatewayServer::write(QHttpServerResponder &responder, QTcpSocket *socket, const Response &response,
                          bool drop)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (drop) {
        socket->abort();
        return;
    }
    QByteArray body = response.body;
    if (body.isEmpty() && response.json)
        body = QJsonDocument(*response.json).toJson(QJsonDocument::Compact);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    if (response.hasBody())
        responder.writeHeader("Content-Type", "application/json");
    if (response.status != 204)
        responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeHeader("Cache-Control", "no-store");
    for (const auto &header : response.headers)
        responder.writeHeader(header.first, header.second);
    responder.writeBody(body);
}

} // namespace bw::stub
