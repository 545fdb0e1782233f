// /v1/dev/… — demo and staff endpoints (gateway-api.md, "Demo and staff endpoints"). GatewayServer
// answers 404 resource_missing for every /v1/dev path unless the server runs with --demo, so these
// handlers never check the flag themselves.
//
// POST /v1/dev/reset goes back to the seeded demo bank: every customer row (wallets, devices, sessions,
// nonces, enrollments, OTPs, password resets) is deleted and the demo outbox emptied; the seeded data
// (banks, sanctions list) lives in resources, not in these tables. The audit log is KEPT, with a
// "demo.reset" row: an audit trail is append-only, even in a demo. Tables added later that hold customer
// data must be added to kResetTables (children before parents: foreign keys are on).
#include "core/phone_validator.h"
#include "stub/api_error.h"
#include "stub/gateway_context.h"
#include "stub/json_fields.h"
#include "stub/router.h"
#include "stub/routes.h"

#include <QJsonArray>

namespace bw::stub {

namespace {
const QStringList kResetTables = {
    QStringLiteral("sessions"), QStringLiteral("nonces"),          QStringLiteral("devices"),
    QStringLiteral("otps"),     QStringLiteral("password_resets"), QStringLiteral("enrollments"),
    QStringLiteral("wallets"),
};
} // namespace

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

    // In-branch verification: staff set the tier (1..4) after checking the customer in person. Tiers 1..3
    // mean the identity was verified.
    router.add(
        "POST", QStringLiteral("/v1/dev/wallets/{id}/tier"), Access::Public, [&ctx](const Request &req) {
            const QString walletId = req.param(QStringLiteral("id"));
            const qint64 tier = JsonFields(req.json).requireInteger(QStringLiteral("tier"));
            if (tier < 1 || tier > 4)
                throw ApiError::parameterInvalid(QStringLiteral("tier"),
                                                 QStringLiteral("A tier is 1, 2, 3 or 4."));
            StubStore::Transaction tx(ctx.store());
            const QVariant oldTier =
                ctx.store().scalar(QStringLiteral("SELECT tier FROM wallets WHERE id = ?"), {walletId});
            if (!oldTier.isValid())
                throw ApiError::resourceMissing(QStringLiteral("No such wallet."), QStringLiteral("id"));
            ctx.store().exec(QStringLiteral("UPDATE wallets SET tier = ? WHERE id = ?"), {tier, walletId});
            if (tier <= 3)
                ctx.store().exec(QStringLiteral("UPDATE wallets SET kyc_status = 'verified' WHERE id = ?"),
                                 {walletId});
            ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.tier_set"), walletId,
                              {{QStringLiteral("from"), oldTier.toInt()},
                               {QStringLiteral("to"), tier},
                               {QStringLiteral("by"), QStringLiteral("demo")}});
            tx.commit();
            return Response::ok(
                QJsonObject{{QStringLiteral("wallet_id"), walletId}, {QStringLiteral("tier"), tier}});
        });

    router.add("POST", QStringLiteral("/v1/dev/reset"), Access::Public, [&ctx](const Request &) {
        StubStore::Transaction tx(ctx.store());
        for (const QString &table : kResetTables)
            ctx.store().exec(QStringLiteral("DELETE FROM ") + table);
        ctx.store().audit(ctx.nowSecs(), QStringLiteral("demo.reset"), QStringLiteral("demo"));
        tx.commit();
        ctx.outbox().clear();
        return Response::noContent();
    });
}

} // namespace bw::stub
