// MoneyRules: THE place for the rules of money movements (gateway-api.md "Quotes and payments", DESIGN.md
// "Wallet tiers and limits", "AML and compliance rules", "Fees") — pricing (fees, FX), limits, tier
// restrictions, the second-factor rule, the AML flags — shared by POST /v1/quotes (quote_routes.cpp), which
// explains every problem before the PIN is asked, and POST /v1/payments (payment_routes.cpp), which
// re-evaluates the same rules with the same functions at payment time and refuses with the first problem.
//
// Pricing (price()): `amount` is what the payee receives (the credit). Wallet balances are CNY.
//   - cross-border (a merchant whose country is not CN): fx_rate = the directory's mid rate (units of the
//     currency per 1 CNY), principal = half-even(credit ÷ rate) (Money::convertedByDividing); fee lines
//     fx_margin and cross_border = the schedule's rates of the principal, each half-even to the fen;
//   - domestic payment and transfer: the schedule's payment/transfer lines (free in the seed);
//   - top_up: the schedule's top_up line for the method's funding (credit card 0.6 %, min CNY 0.10);
//   - withdrawal: free up to the schedule's free_allowance per Asia/Shanghai calendar month (counted on the
//     amounts withdrawn, i.e. credited to the bank account); above what is left of it, the rate applies to
//     the part above the allowance, with the line's minimum (a withdrawal of CNY 1,200.00 with the whole
//     allowance left pays max(0.1 % × 200.00, 0.10) = CNY 0.20).
//   A domestic fee line of amount 0 is not listed; cross-border always lists both lines; debit = principal
//   + fees (CNY). Every fee comes from the
//   directory's fee schedule, none is written here.
//
// Limits (evaluate()), in the payment's check order: tier_not_allowed (tier 4: no transfer, no top-up from
// a card), limit_exceeded (payment/transfer: per_payment, then daily, then annual on the CNY principal,
// fees excluded; top_up: balance_cap on available + pending + credit), balance_insufficient (source
// "balance": available < debit), travel_rule_incomplete (cross-border at USD or EUR 1,000 or more
// equivalent, and the wallet's identity is not verified or no identity document is on file — the record
// carries the originator's document country; with the default limits only tier 1–3 wallets can reach this
// size, so it is a tier-1 wallet verified in person without a document that meets it). pin_locked comes first
// in the quote's warnings when payments are frozen. remaining_today = daily limit − used today, never below
// 0; nullopt (JSON null) for no limit. Second factor: OTP when the principal exceeds CNY 1,000.00, when the
// payment or transfer goes to a payee the wallet has no succeeded payment or transfer to yet (top-ups and
// withdrawals go to the customer's own method and never count as a new payee), or cross-border. AML flags:
// structuring — the payment's principal is within 90–100 % of the tier's per-payment limit and two or more
// earlier payments or transfers in the last 24 h (not rejected) were too → this one is held for review
// (pending_review); large-value — a domestic transfer taking the day's domestic transfers to CNY 500,000.00
// or more, or a cross-border payment taking the day's cross-border payments to CNY 200,000.00 or more or USD
// 10,000 equivalent → "large_value_report": true on the payment, not blocked.
//
// Usage counters (wallet_usage, schema v3): running sums per wallet and period, written in the payment's
// transaction (recordUsage) and taken back when staff reject a held payment — one indexed read per quote
// or payment instead of summing the wallet's history. Periods (Asia/Shanghai calendar):
//   day/<yyyy-MM-dd>, year/<yyyy>         payment + transfer principal (daily and annual limits)
//   withdrawal_month/<yyyy-MM>            withdrawals credited (the monthly free allowance)
//   transfer_day/<yyyy-MM-dd>             domestic transfers (large-value flag)
//   cross_border_day/<yyyy-MM-dd>         cross-border payments (large-value flag)
// Known payees (wallet_payees): added when a payment or transfer to them succeeds.
#pragma once

#include "core/money.h"
#include "stub/api_error.h"
#include "stub/ledger.h"
#include "stub/stub_store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bw::stub {

namespace money_kind {
inline const QString kPayment = QStringLiteral("payment");
inline const QString kTransfer = QStringLiteral("transfer");
inline const QString kTopUp = QStringLiteral("top_up");
inline const QString kWithdrawal = QStringLiteral("withdrawal");
} // namespace money_kind

// The OtpService purpose of a quote's SMS code (subject: the quote id).
inline const QString kQuoteOtpPurpose = QStringLiteral("quote");

struct FeeLine
{
    QString kind;      // fx_margin | cross_border | top_up | withdrawal | payment | transfer
    qint64 amount = 0; // CNY minor units
};

// Who receives the money, as the quote route resolved it.
struct Payee
{
    QString type;    // merchant | wallet | bank_account (withdrawal) | card / bank_account (top-up source)
    QString id;      // mer_… | wal_… | pm_…
    QString name;    // merchant name, the wallet's full name, or "Visa •••• 4242"
    QString country; // merchants (ISO 3166-1), "CN" otherwise
    core::Currency currency; // what the payee takes
    // Travel rule: the merchant's account as the beneficiary's account reference.
    QJsonObject counterpartyJson() const; // {"name", "type", "id"}
};

// A quote's price and route of money: stored with the quote, executed by the payment.
struct Terms
{
    QString kind;
    QString source; // "balance" or pm_…
    bool sourceIsCard = false;
    QString sourceFunding; // "credit" | "debit" | "bank_account" for a method; empty for the balance
    Payee payee;
    core::Money credit; // what the payee receives
    qint64 principalCny = 0;
    QList<FeeLine> fees;
    qint64 debitCny = 0; // principal + fees, what leaves the source
    std::optional<QString> fxRate;
    bool crossBorder = false;

    qint64 feeTotal() const;
    QJsonArray feesJson() const; // [{"kind", "amount": money}]
};

// The wallet as the rules see it.
struct WalletFacts
{
    QString id;
    int tier = 4;
    QString kycStatus; // none | verified | review | rejected
    QString fullName;
    QString phone;
    QString documentCountry;
    bool frozen = false;
    int pinFailures = 0;
    QByteArray pinSalt;
    QByteArray pinVerifier;
    bool totpEnabled = false;
    QByteArray totpSecretSealed;
    std::optional<quint64> totpLastStep;

    // nullopt when there is no such wallet.
    static std::optional<WalletFacts> load(StubStore &store, const QString &walletId);
};

// The wallet's running sums for the periods that contain `now` (see the header comment).
struct Usage
{
    qint64 today = 0;
    qint64 year = 0;
    qint64 withdrawnThisMonth = 0;
    qint64 domesticTransfersToday = 0;
    qint64 crossBorderToday = 0;
};

// A quote as stored (quotes table): its terms, whether it asked for a second factor, and its life. The
// source method's card/funding flags are not stored: the payment looks the method up again (it may have
// been deleted meanwhile).
struct Quote
{
    QString id; // quo_…
    QString walletId;
    Terms terms;
    bool requiresOtp = false;
    qint64 createdAt = 0;
    qint64 expiresAt = 0;
    std::optional<qint64> usedAt;

    static constexpr qint64 kLifetimeSecs = 60;
    bool expired(qint64 now) const { return now >= expiresAt; }

    // nullopt when there is no such quote.
    static std::optional<Quote> find(StubStore &store, const QString &id);
    void insert(StubStore &store, const QJsonObject &destination) const;
};

// What the rules say about a quote or payment.
struct Verdict
{
    QStringList warnings;                 // contract codes in the payment's check order
    std::optional<QString> limit;         // per_payment | daily | annual | balance_cap (limit_exceeded)
    bool limitsOk = true;                 // false when a limit or the balance is the cause
    std::optional<qint64> remainingToday; // nullopt: no daily limit
    bool requiresOtp = false;
    bool knownPayee = false;  // the wallet has a succeeded payment or transfer to the payee
    bool travelRule = false;  // the payment carries originator/beneficiary data
    bool largeValue = false;  // large_value_report
    bool structuring = false; // the payment is held for review

    // The 403 the payment answers for a business warning (tier, limit, balance, travel rule); nullopt when
    // there is none. pin_locked is not included (the payment checks it before the PIN).
    std::optional<ApiError> firstError() const;
    QJsonObject limitsJson() const; // {"ok", "remaining_today", "limit"?}
};

class MoneyRules
{
public:
    static constexpr qint64 kOtpAboveCny = 100'000;                 // CNY 1,000.00
    static constexpr qint64 kLargeValueDomesticCny = 50'000'000;    // CNY 500,000.00 a day
    static constexpr qint64 kLargeValueCrossBorderCny = 20'000'000; // CNY 200,000.00 a day
    static constexpr qint64 kLargeValueCrossBorderUsd = 10'000;     // USD 10,000 equivalent (major units)
    static constexpr qint64 kTravelRuleMajorUnits = 1'000;          // USD or EUR 1,000 equivalent
    static constexpr int kStructuringCount = 3;                     // the third near-limit payment in 24 h
    static constexpr qint64 kStructuringWindowSecs = 24 * 3600;

    explicit MoneyRules(StubStore &store);

    // The price of moving `amount` to `payee` (see the header comment). Throws ApiError 422 for input a
    // quote refuses: a currency the payee does not take (parameter_invalid amount.currency), an amount that
    // is not positive or too small to convert (parameter_invalid amount.amount); 500 for a broken directory.
    static Terms price(const QString &kind, const core::Money &amount, const QString &source,
                       bool sourceIsCard, const QString &sourceFunding, const Payee &payee,
                       qint64 withdrawnThisMonth);

    Usage usage(const QString &walletId, qint64 now);
    bool knownPayee(const QString &walletId, const QString &payeeId);

    // Every rule for this wallet, these terms and this moment. `balance` is the wallet's CNY balance.
    Verdict evaluate(const WalletFacts &wallet, const Terms &terms, const Usage &usage,
                     const WalletBalance &balance, qint64 now);

    // Bookkeeping inside the payment's transaction: adds (sign +1) or takes back (−1, a rejected review)
    // a payment's principal to the counters of the periods of `createdAt`.
    void recordUsage(const QString &walletId, const QString &kind, qint64 principalCny, bool crossBorder,
                     qint64 createdAt, int sign = 1);
    void recordPayee(const QString &walletId, const QString &payeeId, qint64 now);

    // Travel-rule data: {"originator": {"name", "wallet_id", "document_country"}, "beneficiary": {"name",
    // "account", "country"}}.
    static QJsonObject travelRuleJson(const WalletFacts &wallet, const Terms &terms);

    // "day/2025-03-01" etc. for `unixSeconds` in Asia/Shanghai.
    static QString period(const QString &name, qint64 unixSeconds);

private:
    StubStore &m_store;
};

} // namespace bw::stub
