#pragma once

#include <QList>
#include <QLocale>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace bw::core {

namespace detail {
struct CurrencyEntry;
}

// An ISO 4217 currency the wallet knows: alphabetic and numeric code, minor digits, English name and the
// symbols used to show and to read amounts. A cheap handle into a static table (copy it by value); a
// default-constructed Currency is invalid and only ever used as "no currency".
//
// Symbol choice (documented because amounts are ambiguous without it):
// - every currency has a default symbol that is unambiguous across the currencies we carry, except CNY,
//   whose default is "¥" because this is a Chinese bank's wallet: CNY "¥", JPY "JP¥", USD "US$",
//   HKD "HK$", SGD "S$", AUD "A$", CAD "CA$", EUR "€", GBP "£", KRW "₩", CHF/KWD/BHD their codes;
// - in a locale of the currency's home territory the local symbol is used instead: USD "$" in the US,
//   JPY "¥" in Japan, AUD "$" in Australia, ...;
// - when the default symbol would read as the locale's own currency (CNY "¥" in Japan), the prefixed form
//   is used instead ("CN¥").
class Currency
{
public:
    Currency() = default;

    // Case-sensitive upper-case ISO 4217 code ("CNY"); nullopt for an unknown code.
    static std::optional<Currency> fromCode(QStringView isoCode);
    // ISO 4217 numeric code (156 for CNY); nullopt for an unknown one.
    static std::optional<Currency> fromNumericCode(int numericCode);
    // Every currency in the table, ordered by code.
    static QList<Currency> all();

    bool isValid() const { return m_entry != nullptr; }

    // All accessors return empty/zero values for an invalid Currency.
    QString code() const;
    int numericCode() const;
    // Digits after the decimal point of the minor unit: CNY 2, JPY 0, KWD 3.
    int minorDigits() const;
    // 10^minorDigits(): minor units in one major unit.
    qint64 minorPerMajor() const;
    QString englishName() const;
    // The name translated into the current UI language (context "bw::core::Currency").
    QString displayName() const;

    // The default symbol (see the class comment).
    QString symbol() const;
    // The symbol to show to a person using `locale` (see the class comment).
    QString symbol(const QLocale &locale) const;
    // Everything a person may type next to an amount of this currency in `locale`: the code, the
    // symbols and common local markers such as "元", "RMB" or "円". Used by the parser.
    QStringList inputMarkers(const QLocale &locale) const;

    friend bool operator==(const Currency &a, const Currency &b) { return a.m_entry == b.m_entry; }

private:
    explicit Currency(const detail::CurrencyEntry *entry)
        : m_entry(entry)
    {}

    const detail::CurrencyEntry *m_entry = nullptr;
};

} // namespace bw::core

Q_DECLARE_METATYPE(bw::core::Currency)
