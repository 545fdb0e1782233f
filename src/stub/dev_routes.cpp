// /v1/dev/… — demo and staff endpoints (gateway-api.md, "Demo and staff endpoints"). GatewayServer
// answers 404 resource_missing for every /v1/dev path unless the server runs with --demo, so these
// handlers never check the flag themselves.
#include "core/phone_validator.h"
#include "stub/gateway_context.h"
#include "stub/router.h"
#include "stub/routes.h"

#include <QJsonArray>

namespace bw::stub {

void addDevRoutes(Router &router, GatewayContext &ctx)
{
    // ?to= a phone (any form the phone rule accepts) or an e-mail address; absent → every message.
    router.add("GET", QStringLiteral("/v1/dev/outbox"), Access::Public, [&ctx](const Request &req) {
        QString to = req.query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded).trimmed();
        if (const auto phone = core::PhoneValidator::validate(to))
            to = phone->e164();
        QJsonArray data;
        for (const OutboxMessage &message : ctx.outbox().messagesTo(to))
            data.append(message.toJson());
        return Response::ok(QJsonObject{{QStringLiteral("data"), data}});
    });
}

} // namespace bw::stub
