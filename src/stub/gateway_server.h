// GatewayServer: the bank gateway stub's HTTP server — Qt HttpServer underneath, our own Router on top.
//
// How a request flows (dispatch() in gateway_server.cpp):
//   QHttpServer::setMissingHandler receives EVERY request (no Qt routes are registered)
//   → copy into a Request (method, path, query, headers, body)
//   → /v1/dev/... when not in demo mode: 404 resource_missing
//   → body over 64 KiB: 413 body_too_large
//   → --fail-rate: 503 injected_fault for /v1 (not /v1/dev), before anything changes
//   → Router: 404 resource_missing / 405 method_not_allowed
//   → auth wrapper by the route's Access: Signed = RequestAuth::verifySignature, Authenticated = that plus
//     RequestAuth::verifySession (401s in the contract's order)
//   → body parsed for every method but GET/HEAD: not a JSON object → 400 invalid_json ({} when empty)
//   → the handler: Response handler(const Request &)
//   (onRequest() runs dispatch() inside the open group-commit batch, see CommitGroup: the answer waits until
//    the batch's COMMIT is durable — a failed COMMIT turns every answer of the batch into 500)
//   → --drop-after-commit-rate (non-GET /v1, not /v1/dev): the connection is aborted with no answer, after
//     the commit
//   → --latency-ms: the answer is written later by a QTimer, never by blocking the thread; the socket is
//     guarded with QPointer (returning QFuture from a Qt 6.4.2 handler crashes, see CONVENTIONS.md).
// Errors: handlers THROW ApiError (validation helpers in JsonFields do too). The throw never crosses the
// event loop: dispatch() catches every exception right around the synchronous handler call and renders
// it with ApiError::toJson(), the one error renderer. Anything that is not an ApiError (StoreError, a
// std::exception, ...) is a bug: logged, answered 500 internal_error. No input may cause a 5xx.
//
// HOW TO ADD A ROUTE
//   1. Pick (or create) the area's file, e.g. src/stub/wallet_routes.cpp, with a registration function
//      declared in src/stub/routes.h: void addWalletRoutes(Router &router, GatewayContext &ctx);
//      (a new file: also list it in src/stub/CMakeLists.txt and call it from
//      GatewayServer::registerRoutes()).
//   2. Register it with the contract's method, path pattern and access level:
//        router.add("POST", QStringLiteral("/v1/wallet/pin"), Access::Authenticated,
//                   [&ctx](const Request &req) {
//                       const JsonFields body(req.json);
//                       const QString pin = body.requireString(QStringLiteral("new_pin")); // 400/422
//                       StubStore::Transaction tx(ctx.store());
//                       ... ctx.store().exec("UPDATE wallets ... WHERE id = ?", {req.walletId});
//                       ctx.store().audit(ctx.nowSecs(), "wallet.pin_changed", req.walletId);
//                       tx.commit();
//                       return Response::noContent();
//                   });
//      Path parameters: "/v1/devices/{id}" → req.param("id"). Authenticated routes get req.walletId,
//      req.deviceId and req.sessionId filled in. Errors: throw ApiError::invalidField("weak_pin", "new_pin",
//      "...") etc. An error that must keep a change (a counted wrong try) commits first, then throws.
//   3. Add it to docs/gateway-openapi.yaml (a test compares routes() with that file) and write a contract
//      test in tests/stub/ with StubTestClient (tests/stub/stub_test_client.h).
#pragma once

#include "stub/commit_group.h"
#include "stub/gateway_context.h"
#include "stub/router.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <map>
#include <memory>
#include <random>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
QT_END_NAMESPACE

namespace bw::stub {

class GatewayServer : public QObject
{
    Q_OBJECT

public:
    // clock: nullptr means the system clock.
    explicit GatewayServer(StubConfig config, std::shared_ptr<Clock> clock = {}, QObject *parent = nullptr);
    ~GatewayServer() override;

    // Opens the database and the server key. False with *error on failure.
    bool open(QString *error);
    // Starts listening; returns the port (port 0 → an ephemeral one), 0 with *error on failure.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    // Stops accepting, writes the answers still waiting for their latency, closes every connection and
    // the database. Safe to call twice.
    void shutdown();

    // Every registered route (method, pattern, access), in registration order.
    QList<RouteInfo> routes() const { return m_router.routes(); }
    GatewayContext &context() { return m_context; }

    // The whole pipeline without HTTP (tests, fuzzing). *drop is set when the answer must be dropped.
    // Without an open batch each Transaction of the handler commits on its own.
    Response dispatch(Request &request, bool *drop);

    // How group commit has batched the requests over HTTP so far (tests, benchmarks).
    CommitGroup::Stats commitStats() const { return m_commits.stats(); }

private:
    void registerRoutes();
    void onRequest(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    bool roll(double rate);

    struct Pending
    {
        std::shared_ptr<QHttpServerResponder> responder;
        QPointer<QTcpSocket> socket;
        Response response;
        bool drop = false;
    };
    // Once the request's batch is committed (durable) or failed: answer now or after --latency-ms.
    void deliver(Pending pending, bool durable);
    void finish(quint64 id);
    static void write(QHttpServerResponder &responder, QTcpSocket *socket, const Response &response,
                      bool drop);

    GatewayContext m_context;
    Router m_router;
    std::unique_ptr<QHttpServer> m_http;
    std::mt19937_64 m_rng;
    CommitGroup m_commits; // after m_context: it uses the store
    std::map<quint64, Pending> m_pending;
    quint64 m_nextPending = 0;
};

// The response for an error: its status, envelope and headers.
Response errorResponse(const ApiError &error);

} // namespace bw::stub
