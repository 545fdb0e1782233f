// POST /v1/quotes and POST /v1/quotes/{id}/otp (authenticated) — gateway-api.md, "Quotes and payments".
// The rules (fees, FX, limits, second factor) are in money_rules.h; this file reads the request, resolves
// the source and the payee, asks MoneyRules, and stores the quote (60 s) for POST /v1/payments.
//
// Input, in order, first failure wins (400 parameter_missing / 422 with `param`):
//   kind (payment | transfer | top_up | withdrawal), amount (money), source ("balance" or "pm_…"), then per
//   kind the source and destination:
//   - payment: source "balance" or a card of this wallet; destination {"merchant_id"} of a seeded merchant;
//   - transfer: source "balance"; destination {"phone"}: malformed → invalid_phone; no wallet has it →
//     parameter_invalid (a transfer has to name its recipient, so the sender learns that the phone has a
//     wallet, as in every P2P app); the wallet's own phone → parameter_invalid;
//   - top_up: source a card or bank account of this wallet; no destination (present → parameter_invalid);
//   - withdrawal: source "balance"; destination {"payment_method_id"} of a bank account of this wallet.
//   Unknown, deleted or another wallet's method → parameter_invalid (`source` or
//   `destination.payment_method_id`); the wrong kind of source or destination → parameter_invalid; unknown
//   merchant → parameter_invalid (`destination.merchant_id`); a currency the payee does not take →
//   parameter_invalid (`amount.currency`); an amount that is not positive → parameter_invalid
//   (`amount.amount`). Keys of another kind's destination → parameter_invalid (`destination`).
// Everything else (tier, limits, balance, frozen payments, travel rule) answers 201 with `warnings` and
// `limits` {"ok", "remaining_today" (null: no daily limit), "limit"? (which limit is exceeded)}.
// Extra fields beyond the contract: "principal" (CNY money), "travel_rule" (bool, cross-border at
// USD/EUR 1,000 or more), "large_value_report" (bool).
//
// POST /v1/quotes/{id}/otp → 202 {"otp": {...}}: an SMS code for the quote (OtpService purpose "quote", 5
// minute life, 60 s resend cooldown → 429 otp_resend_too_soon). Another wallet's or unknown quote → 404;
// used → 409 quote_used; expired → 409 quote_expired.
#include "core/phone_validator.h"
#include "stub/api_error.h"
#include "stub/clock.h"
#include "stub/directory.h"
#include "stub/gateway_context.h"
#include "stub/ids.h"
#include "stub/json_fields.h"
#include "stub/ledger.h"
#include "stub/money_rules.h"
#include "stub/payment_method.h"
#include "stub/router.h"
#include "stub/routes.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace bw::stub {

namespace {

const QString kBalance = QStringLiteral("balance");

const core::Currency &cnyCurrency()
{
    static const core::Currency currency = *core::Currency::fromCode(u"CNY");
    return currency;
}

// "Visa •••• 4242", "Bank of Demo •••• 6789": how a method appears as a counterparty.
QString methodName(const PaymentMethod &pm)
{
    QString head = pm.isCard() ? pm.brand : pm.bankName;
    if (pm.isCard() && !head.isEmpty())
        head[0] = head[0].toUpper();
    if (head == QLatin1String("Unionpay"))
        head = QStringLiteral("UnionPay");
    return head + QStringLiteral(" •••• ") + pm.last4;
}

Payee methodPayee(const PaymentMethod &pm)
{
    return {pm.isCard() ? QStringLiteral("card") : QStringLiteral("bank_account"), pm.id, methodName(pm),
            QStringLiteral("CN"), cnyCurrency()};
}

void refuseKeys(const QJsonObject &destination, const QString &allowed)
{
    for (auto it = destination.begin(); it != destination.end(); ++it)
        if (it.key() != allowed)
            throw ApiError::parameterInvalid(
                QStringLiteral("destination"),
                QStringLiteral("This kind of payment takes a destination with \"%1\".").arg(allowed));
}

// A quote request with its source and payee resolved (see the file comment for the codes).
struct QuoteRequest
{
    QString kind;
    core::Money amount;
    QString source;
    std::optional<PaymentMethod> sourceMethod;
    QJsonObject destination;
    Payee payee;
};

QuoteRequest readQuoteRequest(GatewayContext &ctx, const Request &req, const WalletFacts &wallet)
{
    const JsonFields body(req.json);
    QuoteRequest q;
    q.kind = body.requireEnum(QStringLiteral("kind"), {money_kind::kPayment, money_kind::kTransfer,
                                                       money_kind::kTopUp, money_kind::kWithdrawal});
    q.amount = body.requireMoney(QStringLiteral("amount"));
    q.source = body.requireString(QStringLiteral("source"));
    if (q.source != kBalance) {
        if (!q.source.startsWith(QLatin1String("pm_")) ||
            !(q.sourceMethod = PaymentMethod::find(ctx.store(), wallet.id, q.source)))
            throw ApiError::parameterInvalid(QStringLiteral("source"),
                                             QStringLiteral("No payment method of this wallet has this id."));
    }
    const bool needsDestination = q.kind != money_kind::kTopUp;
    if (needsDestination)
        q.destination = body.requireObject(QStringLiteral("destination"));
    else if (body.has(QStringLiteral("destination")))
        throw ApiError::parameterInvalid(
            QStringLiteral("destination"),
            QStringLiteral("A top-up goes to the wallet itself: no destination."));
    const JsonFields destination(q.destination, QStringLiteral("destination"));

    if (q.kind == money_kind::kPayment) {
        if (q.sourceMethod && !q.sourceMethod->isCard())
            throw ApiError::parameterInvalid(QStringLiteral("source"),
                                             QStringLiteral("A payment is made from the balance or a card."));
        const QString merchantId = destination.requireString(QStringLiteral("merchant_id"));
        refuseKeys(q.destination, QStringLiteral("merchant_id"));
        const Directory &dir = Directory::seeded();
        if (!dir.isValid())
            throw ApiError::internalError();
        const auto merchant = dir.merchant(merchantId);
        if (!merchant)
            throw ApiError::parameterInvalid(QStringLiteral("destination.merchant_id"),
                                             QStringLiteral("No merchant has this id."));
        q.payee = {QStringLiteral("merchant"), merchant->id, merchant->name, merchant->country,
                   merchant->currency};
    } else if (q.kind == money_kind::kTransfer) {
        if (q.source != kBalance)
            throw ApiError::parameterInvalid(QStringLiteral("source"),
                                             QStringLiteral("A transfer is made from the balance."));
        const QString phoneText = destination.requireString(QStringLiteral("phone"));
        refuseKeys(q.destination, QStringLiteral("phone"));
        const auto phone = core::PhoneValidator::validate(phoneText);
        if (!phone)
            throw ApiError::invalidField(phone.codeString(), QStringLiteral("destination.phone"),
                                         QStringLiteral("Not a phone number in E.164 form."));
        StubStore::Query row = ctx.store().query(
            QStringLiteral("SELECT id, full_name FROM wallets WHERE phone = ?"), {phone->e164()});
        if (!row.next())
            throw ApiError::parameterInvalid(QStringLiteral("destination.phone"),
                                             QStringLiteral("No wallet has this phone number."));
        if (row.value(0).toString() == wallet.id)
            throw ApiError::parameterInvalid(QStringLiteral("destination.phone"),
                                             QStringLiteral("A transfer goes to another wallet."));
        q.payee = {QStringLiteral("wallet"), row.value(0).toString(), row.value(1).toString(),
                   QStringLiteral("CN"), cnyCurrency()};
    } else if (q.kind == money_kind::kTopUp) {
        if (!q.sourceMethod)
            throw ApiError::parameterInvalid(QStringLiteral("source"),
                                             QStringLiteral("A top-up comes from a card or bank account."));
        q.payee = methodPayee(*q.sourceMethod);
    } else { // withdrawal
        if (q.source != kBalance)
            throw ApiError::parameterInvalid(QStringLiteral("source"),
                                             QStringLiteral("A withdrawal is made from the balance."));
        const QString methodId = destination.requireString(QStringLiteral("payment_method_id"));
        refuseKeys(q.destination, QStringLiteral("payment_method_id"));
        const auto account = PaymentMethod::find(ctx.store(), wallet.id, methodId);
        if (!account || account->isCard())
            throw ApiError::parameterInvalid(
                QStringLiteral("destination.payment_method_id"),
                QStringLiteral("A withdrawal goes to a bank account of this wallet."));
        q.payee = methodPayee(*account);
    }
    return q;
}

Response createQuote(GatewayContext &ctx, const Request &req)
{
    const auto wallet = WalletFacts::load(ctx.store(), req.walletId);
    if (!wallet)
        throw ApiError::resourceMissing(QStringLiteral("No such wallet."));
    const QuoteRequest q = readQuoteRequest(ctx, req, *wallet);

    const qint64 now = ctx.nowSecs();
    MoneyRules rules(ctx.store());
    const Usage usage = rules.usage(wallet->id, now);
    const Terms terms = MoneyRules::price(
        q.kind, q.amount, q.source, q.sourceMethod && q.sourceMethod->isCard(),
        q.sourceMethod ? q.sourceMethod->feeFunding() : QString(), q.payee, usage.withdrawnThisMonth);
    const Verdict verdict =
        rules.evaluate(*wallet, terms, usage, Ledger(ctx.store()).balance(wallet->id), now);

    Quote quote;
    quote.id = newOrderedId(QStringLiteral("quo_"));
    quote.walletId = wallet->id;
    quote.terms = terms;
    quote.requiresOtp = verdict.requiresOtp;
    quote.createdAt = now;
    quote.expiresAt = now + Quote::kLifetimeSecs;
    quote.insert(ctx.store(), q.destination);

    // Written directly (JsonWriter), keys sorted: the quote is half of every payment's work.
    JsonWriter json;
    json.beginObject();
    json.key(QLatin1StringView("credit")).money(terms.credit.minorUnits(), terms.credit.currency().code());
    json.key(QLatin1StringView("debit")).money(terms.debitCny, QStringLiteral("CNY"));
    json.key(QLatin1StringView("expires_at")).string(toRfc3339(quote.expiresAt));
    json.key(QLatin1StringView("fees")).beginArray();
    for (const FeeLine &line : terms.fees) {
        json.beginObject().key(QLatin1StringView("amount")).money(line.amount, QStringLiteral("CNY"));
        json.key(QLatin1StringView("kind")).string(line.kind).endObject();
    }
    json.endArray();
    if (terms.fxRate)
        json.key(QLatin1StringView("fx_rate")).string(*terms.fxRate);
    json.key(QLatin1StringView("kind")).string(terms.kind);
    json.key(QLatin1StringView("large_value_report")).boolean(verdict.largeValue);
    json.key(QLatin1StringView("limits")).beginObject();
    if (verdict.limit)
        json.key(QLatin1StringView("limit")).string(*verdict.limit);
    json.key(QLatin1StringView("ok")).boolean(verdict.limitsOk);
    json.key(QLatin1StringView("remaining_today"));
    if (verdict.remainingToday)
        json.money(*verdict.remainingToday, QStringLiteral("CNY"));
    else
        json.null();
    json.endObject();
    json.key(QLatin1StringView("principal")).money(terms.principalCny, QStringLiteral("CNY"));
    json.key(QLatin1StringView("quote_id")).string(quote.id);
    json.key(QLatin1StringView("requires")).beginArray().string(u"pin");
    if (verdict.requiresOtp)
        json.string(u"otp");
    json.endArray();
    json.key(QLatin1StringView("travel_rule")).boolean(verdict.travelRule);
    json.key(QLatin1StringView("warnings")).beginArray();
    for (const QString &warning : verdict.warnings)
        json.string(warning);
    json.endArray();
    json.endObject();
    return Response::jsonText(201, json.take());
}

Response sendQuoteOtp(GatewayContext &ctx, const Request &req)
{
    const auto quote = Quote::find(ctx.store(), req.param(QStringLiteral("id")));
    if (!quote || quote->walletId != req.walletId)
        throw ApiError::resourceMissing(QStringLiteral("No such quote."), QStringLiteral("id"));
    if (quote->usedAt)
        throw ApiError::conflict(QStringLiteral("quote_used"), QStringLiteral("The quote was used."));
    if (quote->expired(ctx.nowSecs()))
        throw ApiError::conflict(QStringLiteral("quote_expired"), QStringLiteral("The quote has expired."));
    const auto wallet = WalletFacts::load(ctx.store(), req.walletId);
    if (!wallet)
        throw ApiError::resourceMissing(QStringLiteral("No such wallet."));
    StubStore::Transaction tx(ctx.store());
    const auto state = ctx.otp().state(kQuoteOtpPurpose, quote->id);
    const OtpChallenge challenge = state && state->sent
                                       ? ctx.otp().resend(kQuoteOtpPurpose, quote->id)
                                       : ctx.otp().issue(kQuoteOtpPurpose, quote->id, wallet->phone);
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("quote.otp_sent"), quote->id,
                      {{QStringLiteral("wallet_id"), wallet->id}});
    tx.commit();
    return Response::accepted(QJsonObject{{QStringLiteral("otp"), challenge.toJson()}});
}

} // namespace

void addQuoteRoutes(Router &router, GatewayContext &ctx)
{
    router.add("POST", QStringLiteral("/v1/quotes"), Access::Authenticated,
               [&ctx](const Request &req) { return createQuote(ctx, req); });
    router.add("POST", QStringLiteral("/v1/quotes/{id}/otp"), Access::Authenticated,
               [&ctx](const Request &req) { return sendQuoteOtp(ctx, req); });
}

} // namespace bw::stub
