// Directory: the gateway stub's seeded reference data for money — merchants, mid-market FX rates and the
// fee schedule (resources/stub/merchants.json, fx_rates.json, fees.json, compiled in under :/stub/). It is
// what GET /v1/merchants, GET /v1/fx-rates and GET /v1/fees serve, and what the quote code prices with.
//
// Loaded once and immutable afterwards (Directory::seeded() is a thread-safe function-local static), so any
// thread may read it without locking. Validated at load, failing closed: one bad entry (unknown currency,
// a rate that is not a strict decimal string, a currency of bw::core::Currency::all() without a rate, a
// duplicate id, a fee line without its description, ...) makes the WHOLE directory invalid, with an
// English errorString() naming the file and the entry; an invalid directory has no data at all, so nothing
// prices with half a schedule. The routes answer 500 internal_error while it is invalid (a broken seed is
// a bug, not the customer's fault).
//
// API for the quote and payment code (all lookups are exact, no floating point anywhere):
//   const Directory &dir = Directory::seeded();
//   if (!dir.isValid()) throw ApiError::internalError();
//   dir.merchant("mer_…")            → std::optional<Merchant> (id, names, category, country, currency)
//   merchant->isCrossBorder()        → country != "CN" (the contract's definition of cross-border)
//   dir.rate(currency)               → std::optional<core::DecimalRate>: units of `currency` per 1 CNY,
//                                      mid-market; CNY itself is "1". nullopt only for an invalid Currency
//                                      (every known currency has a rate, checked at load).
//       principal CNY = Money(credit, cur).convertedByDividing(*rate, CNY)   // half-even, as the contract
//   dir.fee("top_up", "credit")      → std::optional<FeeRule>: the line of that kind whose funding equals
//                                      the given funding; when none does, the line of that kind without a
//                                      funding; nullopt when the kind has no line.
//       fee = max(principal.multipliedByRate(rule.rate), rule.min)  — rule.min is CNY minor units; a
//       rule.rate of 0 means free (min is 0 on those lines, so the max stays 0).
//   Kinds and fundings in the seeded schedule (fees.json, DESIGN.md "Fees"):
//     payment, transfer            rate 0 (domestic; cross-border adds the two lines below)
//     top_up credit                rate 0.006, min CNY 0.10
//     top_up debit / bank_account  rate 0
//     withdrawal                   rate 0.001, min CNY 0.10, free_allowance CNY 1,000.00 per Asia/Shanghai
//                                  calendar month; the rate applies to the part of the amount above what is
//                                  left of the allowance this month (as the description says)
//     fx_margin                    rate 0.010 of the CNY principal at the mid rate
//     cross_border                 rate 0.005 of the CNY principal at the mid rate
//   dir.searchMerchants(q)           → merchants whose name, name_zh or category contains q (trimmed,
//                                      case-insensitive); every merchant for an empty q. File order.
#pragma once

#include "core/currency.h"
#include "core/money.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace bw::stub {

struct Merchant
{
    QString id; // "mer_…"
    QString name;
    QString nameZh;
    QString category; // lower-case slug: "coffee", "groceries", ...
    QString country;  // ISO 3166-1 alpha-2
    core::Currency currency;

    // The contract: a merchant outside mainland China is a cross-border payee.
    bool isCrossBorder() const { return country != QLatin1String("CN"); }
    // {"id", "name", "name_zh", "category", "country", "currency"}
    QJsonObject toJson() const;
};

// One line of the fee schedule (gateway-api.md, GET /v1/fees).
struct FeeRule
{
    QString kind;                   // "top_up", "withdrawal", "fx_margin", "cross_border", "payment", ...
    std::optional<QString> funding; // "credit" | "debit" | "bank_account" when the line depends on it
    core::DecimalRate rate;         // a fraction of the amount: "0.006" = 0.6 %
    core::Money min;                // the least fee when the rate applies (CNY)
    std::optional<core::Money> freeAllowance; // free amount per calendar month (withdrawal)
    QString description;
    QString descriptionZh;

    // {"kind", "funding"?, "rate", "min", "free_allowance"?, "description", "description_zh"}
    QJsonObject toJson() const;
};

class Directory
{
public:
    static constexpr const char *kMerchantsResource = ":/stub/merchants.json";
    static constexpr const char *kFxRatesResource = ":/stub/fx_rates.json";
    static constexpr const char *kFeesResource = ":/stub/fees.json";

    // The seeded directory, loaded from the resources on first use (thread-safe), logged loudly when
    // invalid.
    static const Directory &seeded();

    // From JSON texts (tests): merchants {"data": [...]}, FX {"base": "CNY", "as_of", "rates": {...}},
    // fees {"data": [...]}.
    Directory(const QByteArray &merchantsJson, const QByteArray &fxRatesJson, const QByteArray &feesJson);

    bool isValid() const { return m_error.isEmpty(); }
    // Why loading failed (English, for logs); empty when valid.
    QString errorString() const { return m_error; }

    // Merchants.
    const QList<Merchant> &merchants() const { return m_merchants; }
    std::optional<Merchant> merchant(const QString &id) const;
    QList<Merchant> searchMerchants(QStringView query) const;

    // FX: units of the currency per 1 CNY (mid-market).
    std::optional<core::DecimalRate> rate(const core::Currency &currency) const;
    std::optional<core::DecimalRate> rate(QStringView currencyCode) const;
    QDateTime fxAsOf() const { return m_fxAsOf; }
    // {"base": "CNY", "as_of", "rates": {"USD": "0.1412", ...}}
    QJsonObject fxRatesJson() const;

    // Fees.
    const QList<FeeRule> &fees() const { return m_fees; }
    std::optional<FeeRule> fee(QStringView kind, QStringView funding = {}) const;
    // {"data": [fee lines in file order]}
    QJsonObject feesJson() const;

private:
    bool loadMerchants(const QByteArray &json);
    bool loadFxRates(const QByteArray &json);
    bool loadFees(const QByteArray &json);
    void fail(const QString &error);

    QList<Merchant> m_merchants;
    QList<QPair<QString, core::DecimalRate>> m_rates; // sorted by code
    QDateTime m_fxAsOf;
    QList<FeeRule> m_fees;
    QString m_error;
};

} // namespace bw::stub
