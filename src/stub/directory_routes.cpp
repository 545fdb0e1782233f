// GET /v1/fees, GET /v1/fx-rates, GET /v1/merchants?q= (public) — the seeded reference data of Directory
// (gateway-api.md, "Bank directory, fees, FX, merchants"). Read-only: no database, no audit rows.
//
// Decisions where the contract is silent:
// - ?q= is matched as a substring of name, name_zh or category, case-insensitively, after trimming
//   whitespace; an absent or empty q lists every merchant. Results keep the seeded order. No paging: the
//   seeded list is small.
// - A directory that failed to load (a broken seed file) answers 500 internal_error: never a partial fee
//   schedule or rate table.
#include "stub/api_error.h"
#include "stub/directory.h"
#include "stub/gateway_context.h"
#include "stub/router.h"
#include "stub/routes.h"

#include <QJsonArray>

namespace bw::stub {

namespace {

const Directory &directory()
{
    const Directory &dir = Directory::seeded();
    if (!dir.isValid())
        throw ApiError::internalError();
    return dir;
}

} // namespace

void addDirectoryRoutes(Router &router, GatewayContext &ctx)
{
    Q_UNUSED(ctx)
    router.add("GET", QStringLiteral("/v1/fees"), Access::Public,
               [](const Request &) { return Response::ok(directory().feesJson()); });
    router.add("GET", QStringLiteral("/v1/fx-rates"), Access::Public,
               [](const Request &) { return Response::ok(directory().fxRatesJson()); });
    router.add("GET", QStringLiteral("/v1/merchants"), Access::Public, [](const Request &req) {
        const QString q = req.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        QJsonArray data;
        for (const Merchant &merchant : directory().searchMerchants(q))
            data.append(merchant.toJson());
        return Response::ok(QJsonObject{{QStringLiteral("data"), data}});
    });
}

} // namespace bw::stub
