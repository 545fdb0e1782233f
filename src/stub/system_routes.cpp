// Routes outside /v1 and the public directory: GET /healthz and GET /v1/banks.
#include "stub/gateway_context.h"
#include "stub/router.h"
#include "stub/routes.h"

#include <QJsonArray>

namespace bw::stub {

void addSystemRoutes(Router &router, GatewayContext &)
{
    router.add("GET", QStringLiteral("/healthz"), Access::Public, [](const Request &) {
        return Response::ok(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
}

void addBankRoutes(Router &router, GatewayContext &ctx)
{
    router.add("GET", QStringLiteral("/v1/banks"), Access::Public, [&ctx](const Request &) {
        QJsonArray data;
        for (const Bank &bank : ctx.banks().banks())
            data.append(bank.toJson());
        return Response::ok(QJsonObject{{QStringLiteral("data"), data}});
    });
}

} // namespace bw::stub
