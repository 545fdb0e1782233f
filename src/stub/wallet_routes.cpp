// /v1/wallet… (authenticated) — the customer's wallet. GET /v1/wallet for now; TOTP, PIN, password and
// the money fields come with later issues (balances read zero until the ledger exists).
#include "core/phone_validator.h"
#include "stub/api_error.h"
#include "stub/gateway_context.h"
#include "stub/json_fields.h"
#include "stub/router.h"
#include "stub/routes.h"
#include "stub/tier_limits.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace bw::stub {

void addWalletRoutes(Router &router, GatewayContext &ctx)
{
    router.add("GET", QStringLiteral("/v1/wallet"), Access::Authenticated, [&ctx](const Request &req) {
        QSqlQuery row =
            ctx.store().exec(QStringLiteral("SELECT full_name, phone, tier, kyc_status, totp_enabled, "
                                            "payments_frozen FROM wallets WHERE id = ?"),
                             {req.walletId});
        if (!row.next())
            throw ApiError::resourceMissing(QStringLiteral("No such wallet."));
        const int tier = row.value(2).toInt();
        const auto phone = core::PhoneValidator::validate(row.value(1).toString());
        QJsonObject limits = TierLimits::forTier(tier).toJson();
        limits.insert(QStringLiteral("used_today"), moneyJson(0));
        limits.insert(QStringLiteral("used_this_year"), moneyJson(0));
        const QJsonObject balance{{QStringLiteral("currency"), QStringLiteral("CNY")},
                                  {QStringLiteral("available"), moneyJson(0)},
                                  {QStringLiteral("pending"), moneyJson(0)}};
        return Response::ok(
            QJsonObject{{QStringLiteral("wallet_id"), req.walletId},
                        {QStringLiteral("full_name"), row.value(0).toString()},
                        {QStringLiteral("phone_masked"), phone ? phone->masked() : QStringLiteral("****")},
                        {QStringLiteral("tier"), tier},
                        {QStringLiteral("kyc_status"), row.value(3).toString()},
                        {QStringLiteral("balances"), QJsonArray{balance}},
                        {QStringLiteral("limits"), limits},
                        {QStringLiteral("totp_enabled"), row.value(4).toInt() != 0},
                        {QStringLiteral("payments_frozen"), row.value(5).toInt() != 0}});
    });
}

} // namespace bw::stub
