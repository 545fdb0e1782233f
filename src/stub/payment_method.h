// PaymentMethod: a card or bank account linked to a wallet, as the stub keeps it in payment_methods (schema
// v2) — a processor token, last4, brand, funding and expiry, never the full number or the CVC (those are
// reduced away before anything touches the database or a log; see payment_method_routes.cpp).
//
// For the quote and payment code:
//   const auto pm = PaymentMethod::find(ctx.store(), req.walletId, id);  // not deleted, this wallet only
//   if (!pm) → the contract's unknown-method error
//   pm->isCard(), pm->funding ("debit" | "credit" | "" for accounts), pm->feeFunding() ("credit" | "debit" |
//   "bank_account": the funding key of GET /v1/fees), pm->testBehaviour, pm->charges (charge attempts
//   so far: incorrect_cvc_once declines only when it is 0 — the payment code increments it).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace bw::stub {

class StubStore;

struct PaymentMethod
{
    // test_behaviour values (the contract's test cards).
    static constexpr const char *kSucceed = "succeed";
    static constexpr const char *kDecline = "decline";
    static constexpr const char *kInsufficientFunds = "insufficient_funds";
    static constexpr const char *kIncorrectCvcOnce = "incorrect_cvc_once";

    QString id; // "pm_…"
    QString walletId;
    QString type;    // "card" | "bank_account"
    QString brand;   // cards: visa | mastercard | unionpay | amex | jcb
    QString funding; // cards: debit | credit; empty for accounts
    QString last4;
    int expMonth = 0; // cards
    int expYear = 0;  // cards, four digits
    QString bankId;   // accounts
    QString bankName; // accounts
    QString country;  // accounts: the bank's country
    QString holderName;
    QString testBehaviour = QString::fromLatin1(kSucceed);
    int charges = 0;
    bool isDefault = false;
    qint64 createdAt = 0;

    bool isCard() const { return type == QLatin1String("card"); }
    // The fee schedule's funding key: the card's funding, or "bank_account".
    QString feeFunding() const { return isCard() ? funding : QStringLiteral("bank_account"); }

    // The contract's shape: a card {"id", "type", "brand", "funding", "last4", "exp_month", "exp_year",
    // "holder_name", "is_default"}; an account {"id", "type", "bank_id", "bank_name", "last4", "country",
    // "holder_name", "is_default"}.
    QJsonObject toJson() const;

    // The wallet's method with this id, not deleted; nullopt otherwise (another wallet's id included).
    static std::optional<PaymentMethod> find(StubStore &store, const QString &walletId, const QString &id);
    // The wallet's methods that are not deleted, oldest first.
    static QList<PaymentMethod> list(StubStore &store, const QString &walletId);
};

} // namespace bw::stub
