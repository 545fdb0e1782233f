#pragma once

#include "core/currency.h"

#include <QDebug>
#include <QLocale>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>
#include <utility>

namespace bw::core {

// Why an arithmetic or conversion step on Money failed. The string forms (moneyErrorCode) are stable;
// never renumber or rename.
enum class MoneyError {
    None,
    InvalidCurrency,  // an operand or the target has no currency
    CurrencyMismatch, // adding, subtracting or comparing two currencies
    Overflow,         // the exact result does not fit in int64 minor units
    RateEmpty,        // the decimal rate string is empty
    RateMalformed,    // not digits with at most one '.', e.g. "1e3", " 7.2", "7,2", "+1", "0x10"
    RateNegative,     // "-7.2"
    RateZero,         // zero rate used as a divisor
    RateTooPrecise,   // more than DecimalRate::kMaxFractionDigits or kMaxSignificantDigits digits
};

// Why a typed or machine amount could not be read. Stable; never renumber or rename.
enum class MoneyParseError {
    None,
    Empty,            // nothing but spaces
    NotANumber,       // anything that is not an amount in this locale (letters, control characters, ...)
    Negative,         // a minus sign ("-0" included: people do not pay negative amounts)
    TooManyDecimals,  // more fraction digits than the currency has ("1.234" CNY, "1.5" JPY)
    Overflow,         // beyond Money::kMaxAbsGatewayMinorUnits (user input) or int64 (machine form)
    CurrencyMismatch, // a marker of another currency: "$12" typed for CNY
    InvalidCurrency,  // the target currency is invalid
};

// Stable snake_case identifiers for logs, tests and APIs, e.g. "currency_mismatch"; empty for None.
QString moneyErrorCode(MoneyError error);
QString moneyParseErrorCode(MoneyParseError error);
// Translated sentences saying what to do (context "bw::core::Money"); empty for None. The currency, when
// given, lets TooManyDecimals say how many decimals are allowed.
QString moneyErrorMessage(MoneyError error);
QString moneyParseErrorMessage(MoneyParseError error, const Currency &currency = Currency());

// Either a value or an error code (the error is never None when there is no value).
template<typename T, typename E>
class [[nodiscard]] MoneyExpected
{
public:
    MoneyExpected(T value)
        : m_value(std::move(value))
    {}
    MoneyExpected(E error)
        : m_error(error)
    {
        Q_ASSERT(error != E::None);
    }

    bool ok() const { return m_error == E::None; }
    explicit operator bool() const { return ok(); }
    E error() const { return m_error; }

    // Only meaningful when ok(); asserts in debug builds, default-constructed T otherwise.
    const T &value() const
    {
        Q_ASSERT(ok());
        return m_value;
    }
    const T *operator->() const { return &value(); }
    const T &operator*() const { return value(); }
    T valueOr(T fallback) const { return ok() ? m_value : std::move(fallback); }

private:
    T m_value{};
    E m_error = E::None;
};

// A non-negative decimal number written as a string ("7.2345", "0.006"), held exactly as
// mantissa / 10^scale. Used for FX rates and percentage fees, so no floating point ever touches money.
class DecimalRate
{
public:
    static constexpr int kMaxFractionDigits = 12;
    // Significant digits (leading zeros do not count) so the mantissa fits in int64 with room to spare.
    static constexpr int kMaxSignificantDigits = 18;

    DecimalRate() = default;

    // Strict machine grammar: ASCII digits, optionally '.' followed by 1..12 digits ("7.", ".5", spaces,
    // signs and exponents are RateMalformed; a leading '-' with a valid number is RateNegative).
    // Fraction digits are counted as written ("7.2300" has four).
    static MoneyExpected<DecimalRate, MoneyError> parse(QStringView text);

    qint64 mantissa() const { return m_mantissa; }
    int scale() const { return m_scale; }
    bool isZero() const { return m_mantissa == 0; }
    // Canonical text: no superfluous leading zeros, the fraction as written ("007.50" -> "7.50").
    QString toString() const;

    friend bool operator==(const DecimalRate &, const DecimalRate &) = default;

private:
    qint64 m_mantissa = 0;
    int m_scale = 0;
};

class Money;
using MoneyResult = MoneyExpected<Money, MoneyError>;
using MoneyParseResult = MoneyExpected<Money, MoneyParseError>;
using RateResult = MoneyExpected<DecimalRate, MoneyError>;

// An amount of money: int64 minor units (fen, cents, yen, fils) and an ISO 4217 currency.
// Value type, immutable. Every operation that can overflow or mix currencies returns a MoneyResult
// instead of wrapping or throwing. `==` is identity (same currency and amount, so CNY 1 != USD 1); there is
// deliberately no operator<: ordering is only defined within a currency, through compare().
class Money
{
public:
    // The gateway refuses amounts beyond ±9×10^15 minor units (gateway-api.md); parse() of user input
    // uses the same bound so whatever a person types can be sent. Arithmetic uses the full int64 range.
    static constexpr qint64 kMaxAbsGatewayMinorUnits = 9'000'000'000'000'000;

    // Whether formatAmount() puts the locale's group separators in.
    enum class Grouping { Grouped, Plain };

    Money() = default; // invalid: no currency, zero
    Money(qint64 minorUnits, const Currency &currency)
        : m_minor(minorUnits)
        , m_currency(currency)
    {}
    static Money zero(const Currency &currency) { return Money(0, currency); }

    bool isValid() const { return m_currency.isValid(); }
    qint64 minorUnits() const { return m_minor; }
    const Currency &currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }
    bool isPositive() const { return m_minor > 0; }
    bool isWithinGatewayBound() const
    {
        return m_minor >= -kMaxAbsGatewayMinorUnits && m_minor <= kMaxAbsGatewayMinorUnits;
    }

    // Checked arithmetic (InvalidCurrency, CurrencyMismatch, Overflow).
    MoneyResult added(const Money &other) const;
    MoneyResult subtracted(const Money &other) const;
    MoneyResult negated() const; // Overflow for INT64_MIN
    MoneyResult abs() const;     // Overflow for INT64_MIN
    MoneyResult multipliedBy(qint64 factor) const;

    // FX conversion into `to`, rounding half-even to `to`'s minor unit, exact otherwise.
    // Multiplying: result = amount × rate, where rate is units of `to` per one unit of this currency.
    // Dividing:    result = amount ÷ rate, where rate is units of this currency per one unit of `to`
    //              (the gateway's principal = half-even(credit ÷ rate) with rates quoted per CNY).
    MoneyResult convertedByMultiplying(const DecimalRate &rate, const Currency &to) const;
    MoneyResult convertedByMultiplying(QStringView rate, const Currency &to) const;
    MoneyResult convertedByDividing(const DecimalRate &rate, const Currency &to) const; // RateZero for 0
    MoneyResult convertedByDividing(QStringView rate, const Currency &to) const;
    // The same currency times a decimal fraction, rounded half-even: fees ("0.006" = 0.6 %).
    MoneyResult multipliedByRate(const DecimalRate &rate) const;
    MoneyResult multipliedByRate(QStringView rate) const;

    // Ordering within one currency; nullopt when the currencies differ or either is invalid.
    bool isComparableTo(const Money &other) const;
    std::optional<std::strong_ordering> compare(const Money &other) const;
    friend bool operator==(const Money &a, const Money &b)
    {
        return a.m_currency == b.m_currency && a.m_minor == b.m_minor;
    }

    // What a person typed in `locale`: "1,234.50", "1234.5", "¥12", "12.", "12 元", "CNY 12", full-width
    // "１２３４．５", German "1.234,50". Never negative. See money.cpp for the exact grammar.
    static MoneyParseResult parse(QStringView text, const Currency &currency, const QLocale &locale);
    // The machine form written by toDecimalString(): ASCII, optional '-', '.' decimal point, no grouping;
    // the full int64 range.
    static MoneyParseResult fromDecimalString(QStringView text, const Currency &currency);

    // For display: the locale's currency pattern and digits with the currency's symbol(locale), e.g.
    // "¥1,234.50", "-$12.00", "1.234,50 €", "JP¥1,235"; negative amounts get the locale's minus sign in
    // front (never the accounting "(…)").
    QString format(const QLocale &locale) const;
    // As format() with the ISO code instead of the symbol: "CNY 1,234.50", "1.234,50 CNY".
    QString formatWithCode(const QLocale &locale) const;
    // The number only, for input fields: "1,234.50" (Grouped) or "1234.50" (Plain), locale digits.
    QString formatAmount(const QLocale &locale, Grouping grouping = Grouping::Grouped) const;
    // Locale-independent: "1234.50", "-12.00", "1235" (JPY), "1.000" (KWD).
    QString toDecimalString() const;

private:
    QString formatWithMarker(const QLocale &locale, const QString &marker) const;

    qint64 m_minor = 0;
    Currency m_currency;
};

// "CNY 1234.50" in debug output and QCOMPARE failure messages.
QDebug operator<<(QDebug debug, const Money &money);

} // namespace bw::core

Q_DECLARE_METATYPE(bw::core::Money)
