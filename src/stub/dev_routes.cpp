// /v1/dev/… — demo and staff endpoints (gateway-api.md, "Demo and staff endpoints"). GatewayServer
// answers 404 resource_missing for every /v1/dev path unless the server runs with --demo, so these
// handlers never check the flag themselves.
//
// POST /v1/dev/reset goes back to the seeded demo bank: every customer row (wallets, devices, sessions,
// nonces, enrollments, OTPs, password resets) is deleted and the demo outbox emptied; the seeded data
// (banks, sanctions list) lives in resources, not in these tables. The audit log is KEPT, with a
// "demo.reset" row: an audit trail is append-only, even in a demo. Tables added later that hold customer
// data must be added to kResetTables (children before parents: foreign keys are on). The ledger goes too
// (entries, accounts, holds, the balance cache): with every wallet gone, a ledger left behind would hold
// money of nobody, and the check would no longer reconcile.
//
// Money (issue 4), decisions where the contract is silent:
// - POST /v1/dev/wallets/{id}/incoming {"amount": CNY money > 0, "from_name"} → 201 with the payment
//   (kind "incoming", counterparty {"name", "type": "external", "id": "ext_…"}, the id a keyed hash of the
//   normalized name so one sender has one id). Checks: body (400/422; a currency other than CNY →
//   parameter_invalid "amount.currency", an amount ≤ 0 → parameter_invalid "amount.amount", the name rule →
//   invalid_name "from_name"), unknown wallet → 404 (param "id"). Then, first match wins: sanctions match →
//   rejected / sanctions_match (no money moves); available + pending + amount over the tier's balance cap →
//   rejected / limit_exceeded (no money moves; pending counts because a held transfer may still arrive);
//   similar name → pending_review, the money held (Ledger::hold external:incoming → hold:wallet:<id>,
//   shown as `pending`); else succeeded (external:incoming → wallet:<id>). One feed entry either way.
//   A frozen wallet (PIN lockout) still receives money: the freeze stops outgoing payments only.
//   Optional "count" (1..100000, default 1; else parameter_invalid "count"): records that many such
//   transfers, each decided as above against the balance the ones before it left, in ONE store transaction
//   (a demo or benchmark of a long feed without 100,000 requests), created one a second with the last one
//   now (count - 1 seconds back for the first); the answer is the last one.
// - POST /v1/dev/reviews/{payment_id} {"decision"} (decideReview, payment_records.h): any pending_review
//   payment, incoming or outgoing; approve → succeeded, reject → rejected / review_rejected; 200 with the
//   payment; not in review → 409 invalid_request_error `review_not_pending`; unknown → 404. An approved
//   incoming transfer is not checked against the balance cap again: staff decided with the cap already
//   counting it as pending.
//   For an outgoing payment or transfer, settleReviewedPayment() (payment_routes.cpp) then updates what
//   lives beside the ledger: a rejected one stops counting against the daily/annual limits, an approved one
//   makes its payee known, and an approved transfer reaches the recipient (their "incoming" payment and
//   feed entry).
// - GET /v1/dev/ledger/check → LedgerCheck::toJson() (ledger.h): "balanced", "entries", "sum" plus per-
//   currency sums, unbalanced journals, reconciliation of wallet_balances and of open holds.
#include "core/name_validator.h"
#include "core/phone_validator.h"
#include "crypto/encoding.h"
#include "stub/api_error.h"
#include "stub/gateway_context.h"
#include "stub/ids.h"
#include "stub/json_fields.h"
#include "stub/ledger.h"
#include "stub/payment_records.h"
#include "stub/router.h"
#include "stub/routes.h"
#include "stub/tier_limits.h"
#include "stub/transaction_feed.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bw::stub {

namespace {
// The most transfers one POST /v1/dev/wallets/{id}/incoming may record ("count").
constexpr qint64 kMaxIncomingCount = 100'000;

const QStringList kResetTables = {
    QStringLiteral("wallet_usage"),     QStringLiteral("wallet_payees"),   QStringLiteral("transactions"),
    QStringLiteral("idempotency_keys"), QStringLiteral("payments"),        QStringLiteral("quotes"),
    QStringLiteral("ledger_holds"),     QStringLiteral("ledger_entries"),  QStringLiteral("ledger_accounts"),
    QStringLiteral("wallet_balances"),  QStringLiteral("payment_methods"), QStringLiteral("sessions"),
    QStringLiteral("nonces"),           QStringLiteral("devices"),         QStringLiteral("otps"),
    QStringLiteral("password_resets"),  QStringLiteral("enrollments"),     QStringLiteral("wallets"),
};

// POST /v1/dev/wallets/{id}/incoming — see the header comment for the rules.
Response receiveIncoming(GatewayContext &ctx, const Request &req)
{
    const QString walletId = req.param(QStringLiteral("id"));
    const JsonFields body(req.json);
    const core::Money amount = body.requireMoney(QStringLiteral("amount"));
    const QString fromName = body.requireString(QStringLiteral("from_name"));
    if (amount.currency().code() != QLatin1String("CNY"))
        throw ApiError::parameterInvalid(QStringLiteral("amount.currency"),
                                         QStringLiteral("Wallets receive CNY."));
    if (!amount.isPositive())
        throw ApiError::parameterInvalid(QStringLiteral("amount.amount"),
                                         QStringLiteral("An incoming amount is positive."));
    const auto name = core::NameValidator::validate(fromName);
    if (!name)
        throw ApiError::invalidField(name.codeString(), QStringLiteral("from_name"),
                                     QStringLiteral("A name has 1 to 100 characters and no digits."));

    // Optional (added for the history benchmark): that many transfers in ONE store transaction.
    const std::optional<qint64> count = body.optionalInteger(QStringLiteral("count"));
    if (count && (*count < 1 || *count > kMaxIncomingCount))
        throw ApiError::parameterInvalid(QStringLiteral("count"), QStringLiteral("count is 1 to 100000."));

    StubStore &store = ctx.store();
    StubStore::Transaction tx(store);
    const QVariant tier = store.scalar(QStringLiteral("SELECT tier FROM wallets WHERE id = ?"), {walletId});
    if (!tier.isValid())
        throw ApiError::resourceMissing(QStringLiteral("No such wallet."), QStringLiteral("id"));

    Ledger ledger(store);
    const qint64 value = amount.minorUnits();
    const ScreeningResult screening = ctx.sanctions().screen(name.value());
    const std::optional<qint64> cap = TierLimits::forTier(tier.toInt()).balanceCap;
    const qint64 now = ctx.nowSecs();
    const QString senderId = QStringLiteral("ext_") +
                             crypto::base32Encode(ctx.key()
                                                      .mac(QStringLiteral("counterparty"),
                                                           SanctionsList::normalize(name.value()).toUtf8())
                                                      .left(10),
                                                  crypto::Padding::Without)
                                 .toLower();
    const QJsonObject counterparty{{QStringLiteral("name"), name.value()},
                                   {QStringLiteral("type"), QStringLiteral("external")},
                                   {QStringLiteral("id"), senderId}};
    const QString counterpartyText =
        QString::fromUtf8(QJsonDocument(counterparty).toJson(QJsonDocument::Compact));
    const QString wallet = Ledger::walletAccount(walletId);
    TransactionFeed feed(store, ctx.key());
    QString paymentId;
    // Each transfer is decided on its own, against the balance the ones before it left (the cap).
    const qint64 n = count.value_or(1);
    for (qint64 i = 0; i < n; ++i) {
        // One a second, the last one now: a day of transfers, not 100,000 in the same instant.
        const qint64 createdAt = now - (n - 1 - i);
        const WalletBalance before = ledger.balance(walletId);
        const ArrivalVerdict arrival = decideArrival(screening, before, cap, value);
        const QString status = arrival.status;
        const QString failureCode = arrival.failureCode;
        paymentId = newOrderedId(QStringLiteral("pay_"));
        store.exec(
            QStringLiteral("INSERT INTO payments (id, wallet_id, kind, status, failure_code, debit_amount, "
                           "debit_currency, credit_amount, credit_currency, principal_cny, fees_json, "
                           "counterparty_json, receipt_no, created_at, updated_at) VALUES (?, ?, 'incoming', "
                           "?, ?, ?, 'CNY', ?, 'CNY', ?, '[]', ?, ?, ?, ?)"),
            {paymentId, walletId, status,
             failureCode.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(failureCode), value,
             value, value, counterpartyText, newReceiptNo(ctx.now()), createdAt, createdAt});
        if (status == QLatin1String("succeeded"))
            ledger.post(paymentId, {{Ledger::kIncoming, -value}, {wallet, value}}, now);
        else if (status == QLatin1String("pending_review"))
            ledger.hold(paymentId, walletId, value, QStringLiteral("CNY"), {{Ledger::kIncoming, -value}},
                        {{wallet, value}}, now);
        const qint64 delta = ledger.balance(walletId).available - before.available;
        feed.appendForPayment(paymentId, delta, now);
        QJsonObject details{{QStringLiteral("wallet_id"), walletId}, {QStringLiteral("status"), status}};
        if (!screening.entryId.isEmpty())
            details.insert(QStringLiteral("sanctions_entry"), screening.entryId);
        store.audit(now, QStringLiteral("payment.incoming"), paymentId, details);
    }
    tx.commit();
    return Response::created(*paymentJson(ctx, paymentId));
}
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

    router.add("POST", QStringLiteral("/v1/dev/wallets/{id}/incoming"), Access::Public,
               [&ctx](const Request &req) { return receiveIncoming(ctx, req); });

    router.add("POST", QStringLiteral("/v1/dev/reviews/{id}"), Access::Public, [&ctx](const Request &req) {
        const QString decision = JsonFields(req.json).requireEnum(
            QStringLiteral("decision"), {QStringLiteral("approve"), QStringLiteral("reject")});
        StubStore::Transaction tx(ctx.store());
        const bool approve = decision == QLatin1String("approve");
        const QJsonObject payment = decideReview(ctx, req.param(QStringLiteral("id")), approve);
        // Outgoing payments: usage counters, known payees, a transfer's recipient (payment_routes.cpp).
        settleReviewedPayment(ctx, req.param(QStringLiteral("id")), approve);
        tx.commit();
        return Response::ok(payment);
    });

    router.add("GET", QStringLiteral("/v1/dev/ledger/check"), Access::Public,
               [&ctx](const Request &) { return Response::ok(Ledger(ctx.store()).check().toJson()); });

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
