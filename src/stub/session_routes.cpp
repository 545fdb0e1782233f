// /v1/sessions — sign-in with the password (signed by a registered device) and sign-out
// (gateway-api.md, "Sessions"). Tokens and the lockout: RequestAuth and checkPasswordWithLockout().
#include "stub/api_error.h"
#include "stub/credentials.h"
#include "stub/gateway_context.h"
#include "stub/json_fields.h"
#include "stub/router.h"
#include "stub/routes.h"

namespace bw::stub {

void addSessionRoutes(Router &router, GatewayContext &ctx)
{
    router.add("POST", QStringLiteral("/v1/sessions"), Access::Signed, [&ctx](const Request &req) {
        const QString password = JsonFields(req.json).requireString(QStringLiteral("password"));
        checkPasswordWithLockout(ctx, req.walletId, password);
        StubStore::Transaction tx(ctx.store());
        QString sessionId;
        const QString token = ctx.auth().createSession(req.walletId, req.deviceId, &sessionId);
        ctx.store().audit(
            ctx.nowSecs(), QStringLiteral("session.created"), req.walletId,
            {{QStringLiteral("session_id"), sessionId}, {QStringLiteral("device_id"), req.deviceId}});
        tx.commit();
        return Response::created(
            QJsonObject{{QStringLiteral("access_token"), token},
                        {QStringLiteral("expires_in"), RequestAuth::kSessionLifetimeSecs},
                        {QStringLiteral("idle_timeout"), RequestAuth::kSessionIdleSecs},
                        {QStringLiteral("wallet_id"), req.walletId}});
    });

    router.add(
        "DELETE", QStringLiteral("/v1/sessions/current"), Access::Authenticated, [&ctx](const Request &req) {
            StubStore::Transaction tx(ctx.store());
            ctx.store().exec(QStringLiteral("UPDATE sessions SET ended = 1 WHERE id = ?"), {req.sessionId});
            ctx.store().audit(ctx.nowSecs(), QStringLiteral("session.ended"), req.walletId,
                              {{QStringLiteral("session_id"), req.sessionId}});
            tx.commit();
            return Response::noContent();
        });
}

} // namespace bw::stub
