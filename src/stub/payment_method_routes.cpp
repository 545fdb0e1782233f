// /v1/payment-methods… (authenticated) — linking cards and bank accounts (gateway-api.md, "Payment
// methods"). Input is validated with src/core (CardValidator, IbanValidator, NameValidator); what is stored
// is a random processor token, last4, brand, funding and expiry. The full card number, the CVC and the full
// account number or IBAN never reach the database, an audit row, a log line or an error message.
//
// Check order of POST /v1/payment-methods, first failure wins:
//   type (400 parameter_missing / 422 parameter_invalid) → every field of that type present and of the
//   right JSON type (400 parameter_missing / 422 parameter_invalid, in the order the contract lists them)
//   → card: number (invalid_card_number, unsupported_brand) → expiry → cvc (invalid_cvc)
//     account: bank_id → account_number (invalid_account_number) or iban (invalid_iban)
//   → holder_name (invalid_name) → holder_name_mismatch.
// Decisions where the contract is silent (listed again in tests/stub/test_stub_methods.cpp):
// - Expiry: core's invalid_expiry_month / invalid_expiry_year are not contract codes: they answer 422
//   parameter_invalid with param exp_month / exp_year (month outside 1..12; year not 2 or 4 digits or more
//   than 20 years ahead). An expired card is 422 card_expired with param exp_year. A two-digit year means
//   20yy and is returned as four digits.
// - bank_id: an id that is not in GET /v1/banks → 422 parameter_invalid (param bank_id); a listed bank that
//   does not offer the wallet → 422 bank_not_supported (param bank_id), the code enrollment uses for the
//   same fact. account_number and iban: exactly one; neither → 400 parameter_missing (param
//   account_number); both → 422 parameter_invalid (param iban). An IBAN must be of the bank's country
//   (an IBAN names its bank), else 422 invalid_iban. The account's country is the bank's.
// - holder_name: the name rule of enrollment (invalid_name, 422). For a wallet with verified identity it
//   must equal the wallet's name after the sanctions normalization (SanctionsList::normalize: NFKC,
//   diacritics dropped, punctuation removed, lower case) with spaces ignored: "LI LEI", "Li-Lei" and
//   "li lei" match "Li Lei"; "Lei Li" does not. Wallets without verified identity (tier 4) may link any
//   holder's method: they stay tier 4, and the payment code keeps its own rules for them.
// - Funding: the contract's test cards as listed; any other card of a supported brand succeeds, debit for
//   UnionPay and credit otherwise (so 4000000000000002, …9995 and …0127 are Visa credit cards).
// - Tier: a debit card or a bank account linked by a tier-3 wallet raises it to tier 2 in the same SQL
//   transaction. Removing the method later does not lower the tier again (a tier records what was verified).
// - The same card may be linked twice (the stub keeps no fingerprint of the number).
// - Default: the first method linked becomes the default. Deleting the default makes the most recently
//   linked remaining method the default (none when it was the last). POST …/{id}/default → 200 with the
//   method. DELETE is a soft delete (deleted_at): the row stays for receipts and quotes that name it.
//   An unknown, deleted or other wallet's id → 404 resource_missing (param id), the same answer for all.
#include "core/card_validator.h"
#include "core/iban_validator.h"
#include "core/name_validator.h"
#include "stub/api_error.h"
#include "stub/clock.h"
#include "stub/gateway_context.h"
#include "stub/ids.h"
#include "stub/json_fields.h"
#include "stub/payment_method.h"
#include "stub/router.h"
#include "stub/routes.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace bw::stub {

namespace {

const QString kId = QStringLiteral("id");

ApiError noSuchMethod()
{
    return ApiError::resourceMissing(QStringLiteral("No such payment method."), kId);
}

// The sanctions normalization without spaces: how two spellings of one holder's name are compared.
QString holderKey(const QString &name)
{
    QString key = SanctionsList::normalize(name);
    key.remove(u' ');
    return key;
}

// The card network's behaviour of a test number (gateway-api.md, "Test cards").
struct CardProfile
{
    QString funding;
    QString behaviour;
};

CardProfile cardProfile(const core::CardNumber &card)
{
    const QString &n = card.digits;
    const QString credit = QStringLiteral("credit");
    if (n == QLatin1String("4000000000000002"))
        return {credit, QString::fromLatin1(PaymentMethod::kDecline)};
    if (n == QLatin1String("4000000000009995"))
        return {credit, QString::fromLatin1(PaymentMethod::kInsufficientFunds)};
    if (n == QLatin1String("4000000000000127"))
        return {credit, QString::fromLatin1(PaymentMethod::kIncorrectCvcOnce)};
    // 4242424242424242 (Visa credit), 5555555555554444 (Mastercard credit) and 6212345678901232 (UnionPay
    // debit) follow the general rule.
    return {card.brand == core::CardBrand::UnionPay ? QStringLiteral("debit") : credit,
            QString::fromLatin1(PaymentMethod::kSucceed)};
}

struct WalletIdentity
{
    QString fullName;
    int tier = 4;
    bool verified = false;
};

WalletIdentity loadIdentity(GatewayContext &ctx, const QString &walletId)
{
    QSqlQuery row = ctx.store().exec(
        QStringLiteral("SELECT full_name, tier, kyc_status FROM wallets WHERE id = ?"), {walletId});
    if (!row.next())
        throw ApiError::resourceMissing(QStringLiteral("No such wallet."));
    return {row.value(0).toString(), row.value(1).toInt(),
            row.value(2).toString() == QLatin1String("verified")};
}

// holder_name: the name rule, then (verified identity) equal to the wallet's name.
QString checkHolder(const QString &holderName, const WalletIdentity &wallet)
{
    const auto name = core::NameValidator::validate(holderName);
    if (!name)
        throw ApiError::invalidField(name.codeString(), QStringLiteral("holder_name"),
                                     QStringLiteral("The holder's name is not a valid name."));
    if (wallet.verified && holderKey(name.value()) != holderKey(wallet.fullName))
        throw ApiError::invalidField(QStringLiteral("holder_name_mismatch"), QStringLiteral("holder_name"),
                                     QStringLiteral("The holder must be the wallet's verified owner."));
    return name.value();
}

// A value of a JSON integer field reduced to int for the core validator: anything outside ±10^6 is
// certainly invalid and becomes -1 (refused by the validator like any other bad month or year).
int smallInt(qint64 value)
{
    return value < -1000000 || value > 1000000 ? -1 : int(value);
}

// The reduced card: what may be stored. Built before anything is written, so nothing else can leak.
PaymentMethod reduceCard(GatewayContext &ctx, const JsonFields &body, const WalletIdentity &wallet)
{
    const QString numberText = body.requireString(QStringLiteral("number"));
    const qint64 expMonth = body.requireInteger(QStringLiteral("exp_month"));
    const qint64 expYear = body.requireInteger(QStringLiteral("exp_year"));
    const QString cvcText = body.requireString(QStringLiteral("cvc"));
    const QString holderText = body.requireString(QStringLiteral("holder_name"));

    const auto number = core::CardValidator::validateNumber(numberText);
    if (!number)
        throw ApiError::invalidField(number.codeString(), QStringLiteral("number"),
                                     number.code() == core::ValidationCode::UnsupportedBrand
                                         ? QStringLiteral("This card network is not supported.")
                                         : QStringLiteral("The card number is not valid."));
    const auto expiry =
        core::CardValidator::validateExpiry(smallInt(expMonth), smallInt(expYear), shanghaiDate(ctx.now()));
    if (!expiry) {
        switch (expiry.code()) {
        case core::ValidationCode::InvalidExpiryMonth:
            throw ApiError::parameterInvalid(QStringLiteral("exp_month"),
                                             QStringLiteral("exp_month must be 1 to 12."));
        case core::ValidationCode::CardExpired:
            throw ApiError::invalidField(expiry.codeString(), QStringLiteral("exp_year"),
                                         QStringLiteral("The card has expired."));
        default:
            throw ApiError::parameterInvalid(QStringLiteral("exp_year"),
                                             QStringLiteral("exp_year is not a valid expiry year."));
        }
    }
    const auto cvc = core::CardValidator::validateCvc(cvcText, number->brand);
    if (!cvc)
        throw ApiError::invalidField(cvc.codeString(), QStringLiteral("cvc"),
                                     number->brand == core::CardBrand::Amex
                                         ? QStringLiteral("The CVC is 4 digits for this card.")
                                         : QStringLiteral("The CVC is 3 digits."));
    // The CVC is checked and forgotten: a processor would verify it once, nothing keeps it.
    PaymentMethod pm;
    pm.holderName = checkHolder(holderText, wallet);
    pm.type = QStringLiteral("card");
    pm.brand = core::cardBrandCode(number->brand);
    const CardProfile profile = cardProfile(number.value());
    pm.funding = profile.funding;
    pm.testBehaviour = profile.behaviour;
    pm.last4 = number->last4();
    pm.expMonth = expiry->month;
    pm.expYear = expiry->year;
    return pm;
}

PaymentMethod reduceAccount(GatewayContext &ctx, const JsonFields &body, const WalletIdentity &wallet)
{
    const QString bankId = body.requireString(QStringLiteral("bank_id"));
    const bool hasNumber = body.has(QStringLiteral("account_number"));
    const bool hasIban = body.has(QStringLiteral("iban"));
    if (!hasNumber && !hasIban)
        throw ApiError::parameterMissing(QStringLiteral("account_number"));
    if (hasNumber && hasIban)
        throw ApiError::parameterInvalid(QStringLiteral("iban"),
                                         QStringLiteral("Give account_number or iban, not both."));
    const QString accountText =
        body.requireString(hasNumber ? QStringLiteral("account_number") : QStringLiteral("iban"));
    const QString holderText = body.requireString(QStringLiteral("holder_name"));

    const auto bank = ctx.banks().find(bankId);
    if (!bank)
        throw ApiError::parameterInvalid(QStringLiteral("bank_id"),
                                         QStringLiteral("No such bank (see GET /v1/banks)."));
    if (!bank->walletSupported)
        throw ApiError::invalidField(QStringLiteral("bank_not_supported"), QStringLiteral("bank_id"),
                                     QStringLiteral("This bank does not offer the wallet."));
    PaymentMethod pm;
    if (hasNumber) {
        const auto account = core::IbanValidator::validateAccountNumber(accountText);
        if (!account)
            throw ApiError::invalidField(account.codeString(), QStringLiteral("account_number"),
                                         QStringLiteral("An account number is 8 to 30 digits."));
        pm.last4 = account->last4();
    } else {
        const auto iban = core::IbanValidator::validate(accountText);
        if (!iban)
            throw ApiError::invalidField(iban.codeString(), QStringLiteral("iban"),
                                         QStringLiteral("The IBAN is not valid."));
        if (iban->countryCode() != bank->country)
            throw ApiError::invalidField(QStringLiteral("invalid_iban"), QStringLiteral("iban"),
                                         QStringLiteral("The IBAN is not of the bank's country."));
        pm.last4 = iban->last4();
    }
    pm.holderName = checkHolder(holderText, wallet);
    pm.type = QStringLiteral("bank_account");
    pm.bankId = bank->id;
    pm.bankName = bank->name;
    pm.country = bank->country;
    return pm;
}

// POST /v1/payment-methods → 201 with the method.
Response createMethod(GatewayContext &ctx, const Request &req)
{
    const JsonFields body(req.json);
    const QString type =
        body.requireEnum(QStringLiteral("type"), {QStringLiteral("card"), QStringLiteral("bank_account")});
    const WalletIdentity wallet = loadIdentity(ctx, req.walletId);
    PaymentMethod pm =
        type == QLatin1String("card") ? reduceCard(ctx, body, wallet) : reduceAccount(ctx, body, wallet);
    pm.id = newId(QStringLiteral("pm_"));
    pm.walletId = req.walletId;
    pm.createdAt = ctx.nowSecs();
    // The processor's stand-in for the card or account: random, says nothing about the number.
    const QString token = newId(QStringLiteral("tok_"));

    StubStore::Transaction tx(ctx.store());
    pm.isDefault = ctx.store()
                       .scalar(QStringLiteral("SELECT COUNT(*) FROM payment_methods WHERE wallet_id = ? AND "
                                              "deleted_at IS NULL"),
                               {pm.walletId})
                       .toLongLong() == 0;
    const auto orNull = [](const QString &text) { return text.isEmpty() ? QVariant() : QVariant(text); };
    ctx.store().exec(
        QStringLiteral("INSERT INTO payment_methods (id, wallet_id, type, token, brand, funding, last4, "
                       "exp_month, exp_year, bank_id, bank_name, country, holder_name, test_behaviour, "
                       "is_default, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {pm.id, pm.walletId, pm.type, token, orNull(pm.brand), orNull(pm.funding), pm.last4,
         pm.isCard() ? QVariant(pm.expMonth) : QVariant(), pm.isCard() ? QVariant(pm.expYear) : QVariant(),
         orNull(pm.bankId), orNull(pm.bankName), orNull(pm.country), pm.holderName, pm.testBehaviour,
         pm.isDefault ? 1 : 0, pm.createdAt});
    QJsonObject details{{QStringLiteral("payment_method"), pm.id},
                        {QStringLiteral("type"), pm.type},
                        {QStringLiteral("last4"), pm.last4}};
    if (pm.isCard()) {
        details.insert(QStringLiteral("brand"), pm.brand);
        details.insert(QStringLiteral("funding"), pm.funding);
    } else {
        details.insert(QStringLiteral("bank_id"), pm.bankId);
    }
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("payment_method.linked"), pm.walletId, details);
    // Tier 3 → 2: the wallet's verified owner now has a debit card or bank account linked (DESIGN.md).
    const bool debitOrAccount = !pm.isCard() || pm.funding == QLatin1String("debit");
    if (debitOrAccount && wallet.tier == 3 && wallet.verified) {
        ctx.store().exec(QStringLiteral("UPDATE wallets SET tier = 2 WHERE id = ? AND tier = 3"),
                         {pm.walletId});
        ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.tier_set"), pm.walletId,
                          {{QStringLiteral("from"), 3},
                           {QStringLiteral("to"), 2},
                           {QStringLiteral("by"), QStringLiteral("payment_method")},
                           {QStringLiteral("payment_method"), pm.id}});
    }
    tx.commit();
    return Response::created(pm.toJson());
}

Response listMethods(GatewayContext &ctx, const Request &req)
{
    QJsonArray data;
    for (const PaymentMethod &pm : PaymentMethod::list(ctx.store(), req.walletId))
        data.append(pm.toJson());
    return Response::ok(QJsonObject{{QStringLiteral("data"), data}});
}

// DELETE /v1/payment-methods/{id} → 204 (soft delete; see the file comment for the new default).
Response deleteMethod(GatewayContext &ctx, const Request &req)
{
    StubStore::Transaction tx(ctx.store());
    const auto pm = PaymentMethod::find(ctx.store(), req.walletId, req.param(kId));
    if (!pm)
        throw noSuchMethod();
    ctx.store().exec(QStringLiteral("UPDATE payment_methods SET deleted_at = ?, is_default = 0 WHERE id = ?"),
                     {ctx.nowSecs(), pm->id});
    QString newDefault;
    if (pm->isDefault) {
        newDefault = ctx.store()
                         .scalar(QStringLiteral("SELECT id FROM payment_methods WHERE wallet_id = ? AND "
                                                "deleted_at IS NULL ORDER BY created_at DESC, rowid DESC "
                                                "LIMIT 1"),
                                 {req.walletId})
                         .toString();
        if (!newDefault.isEmpty())
            ctx.store().exec(QStringLiteral("UPDATE payment_methods SET is_default = 1 WHERE id = ?"),
                             {newDefault});
    }
    QJsonObject details{{QStringLiteral("payment_method"), pm->id}};
    if (!newDefault.isEmpty())
        details.insert(QStringLiteral("new_default"), newDefault);
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("payment_method.deleted"), req.walletId, details);
    tx.commit();
    return Response::noContent();
}

// POST /v1/payment-methods/{id}/default → 200 with the method.
Response makeDefault(GatewayContext &ctx, const Request &req)
{
    StubStore::Transaction tx(ctx.store());
    auto pm = PaymentMethod::find(ctx.store(), req.walletId, req.param(kId));
    if (!pm)
        throw noSuchMethod();
    ctx.store().exec(
        QStringLiteral("UPDATE payment_methods SET is_default = (id = ?) WHERE wallet_id = ? AND "
                       "deleted_at IS NULL"),
        {pm->id, req.walletId});
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("payment_method.default_set"), req.walletId,
                      {{QStringLiteral("payment_method"), pm->id}});
    tx.commit();
    pm->isDefault = true;
    return Response::ok(pm->toJson());
}

} // namespace

void addPaymentMethodRoutes(Router &router, GatewayContext &ctx)
{
    const auto route = [&](const QByteArray &method, const QString &path,
                           Response (*handler)(GatewayContext &, const Request &)) {
        router.add(method, path, Access::Authenticated,
                   [&ctx, handler](const Request &req) { return handler(ctx, req); });
    };
    route("POST", QStringLiteral("/v1/payment-methods"), createMethod);
    route("GET", QStringLiteral("/v1/payment-methods"), listMethods);
    route("DELETE", QStringLiteral("/v1/payment-methods/{id}"), deleteMethod);
    route("POST", QStringLiteral("/v1/payment-methods/{id}/default"), makeDefault);
}

} // namespace bw::stub
