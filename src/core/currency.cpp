#include "core/currency.h"

#include <QCoreApplication>

#include <array>

namespace bw::core {

namespace detail {

// One row of the ISO 4217 table. Plain data so the table is built at compile time.
struct CurrencyEntry
{
    const char16_t *code;
    int numeric;
    int digits;
    const char *englishName;    // also the translation source text
    const char16_t *symbol;     // default, unambiguous among our currencies (CNY excepted, see currency.h)
    const char16_t *homeSymbol; // used in a locale of one of the home territories
    const char16_t *prefixedSymbol;          // used where the default would read as the locale's own currency
    std::array<QLocale::Territory, 3> home;  // AnyTerritory = unused slot
    std::array<const char16_t *, 4> markers; // extra things people type next to an amount; nullptr = unused
};

} // namespace detail

namespace {

using detail::CurrencyEntry;
using T = QLocale::Territory;
constexpr T None = QLocale::AnyTerritory;

// Ordered by code. Numeric codes and minor digits from ISO 4217 (list one, as published by SIX).
constexpr std::array kTable = {
    CurrencyEntry{u"AUD",
                  36,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Australian Dollar"),
                  u"A$",
                  u"$",
                  u"A$",
                  {QLocale::Australia, None, None},
                  {u"AU$", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"BHD",
                  48,
                  3,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Bahraini Dinar"),
                  u"BHD",
                  u"BHD",
                  u"BHD",
                  {QLocale::Bahrain, None, None},
                  {u"BD", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"CAD",
                  124,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Canadian Dollar"),
                  u"CA$",
                  u"$",
                  u"CA$",
                  {QLocale::Canada, None, None},
                  {u"C$", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"CHF",
                  756,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Swiss Franc"),
                  u"CHF",
                  u"CHF",
                  u"CHF",
                  {QLocale::Switzerland, QLocale::Liechtenstein, None},
                  {u"SFr", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"CNY",
                  156,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Chinese Yuan"),
                  u"¥",
                  u"¥",
                  u"CN¥",
                  {QLocale::China, None, None},
                  {u"元", u"RMB", u"人民币", nullptr}},
    CurrencyEntry{u"EUR",
                  978,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Euro"),
                  u"€",
                  u"€",
                  u"€",
                  {None, None, None},
                  {u"欧元", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"GBP",
                  826,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "British Pound"),
                  u"£",
                  u"£",
                  u"£",
                  {QLocale::UnitedKingdom, None, None},
                  {u"英镑", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"HKD",
                  344,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Hong Kong Dollar"),
                  u"HK$",
                  u"HK$",
                  u"HK$",
                  {QLocale::HongKong, None, None},
                  {u"港元", u"港币", nullptr, nullptr}},
    CurrencyEntry{u"INR",
                  356,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Indian Rupee"),
                  u"₹",
                  u"₹",
                  u"₹",
                  {QLocale::India, None, None},
                  {u"Rs", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"JPY",
                  392,
                  0,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Japanese Yen"),
                  u"JP¥",
                  u"¥",
                  u"JP¥",
                  {QLocale::Japan, None, None},
                  {u"¥", u"円", u"日元", nullptr}},
    CurrencyEntry{u"KRW",
                  410,
                  0,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "South Korean Won"),
                  u"₩",
                  u"₩",
                  u"₩",
                  {QLocale::SouthKorea, None, None},
                  {u"원", u"韩元", nullptr, nullptr}},
    CurrencyEntry{u"KWD",
                  414,
                  3,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Kuwaiti Dinar"),
                  u"KWD",
                  u"KWD",
                  u"KWD",
                  {QLocale::Kuwait, None, None},
                  {u"KD", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"MOP",
                  446,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Macanese Pataca"),
                  u"MOP$",
                  u"MOP$",
                  u"MOP$",
                  {QLocale::Macao, None, None},
                  {u"澳门元", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"MYR",
                  458,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Malaysian Ringgit"),
                  u"RM",
                  u"RM",
                  u"RM",
                  {QLocale::Malaysia, None, None},
                  {nullptr, nullptr, nullptr, nullptr}},
    CurrencyEntry{u"NZD",
                  554,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "New Zealand Dollar"),
                  u"NZ$",
                  u"$",
                  u"NZ$",
                  {QLocale::NewZealand, None, None},
                  {nullptr, nullptr, nullptr, nullptr}},
    CurrencyEntry{u"SGD",
                  702,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Singapore Dollar"),
                  u"S$",
                  u"$",
                  u"S$",
                  {QLocale::Singapore, None, None},
                  {u"新加坡元", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"THB",
                  764,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "Thai Baht"),
                  u"฿",
                  u"฿",
                  u"฿",
                  {QLocale::Thailand, None, None},
                  {nullptr, nullptr, nullptr, nullptr}},
    CurrencyEntry{u"TWD",
                  901,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "New Taiwan Dollar"),
                  u"NT$",
                  u"$",
                  u"NT$",
                  {QLocale::Taiwan, None, None},
                  {u"新台币", nullptr, nullptr, nullptr}},
    CurrencyEntry{u"USD",
                  840,
                  2,
                  QT_TRANSLATE_NOOP("bw::core::Currency", "US Dollar"),
                  u"US$",
                  u"$",
                  u"US$",
                  {QLocale::UnitedStates, QLocale::PuertoRico, QLocale::Ecuador},
                  {u"$", u"美元", nullptr, nullptr}},
};

QString str(const char16_t *s)
{
    return s ? QString::fromUtf16(s) : QString();
}

bool isHome(const CurrencyEntry &e, QLocale::Territory territory)
{
    if (territory == QLocale::AnyTerritory)
        return false;
    for (T t : e.home) {
        if (t == territory)
            return true;
    }
    return false;
}

} // namespace

std::optional<Currency> Currency::fromCode(QStringView isoCode)
{
    for (const CurrencyEntry &e : kTable) {
        if (isoCode == QStringView(e.code))
            return Currency(&e);
    }
    return std::nullopt;
}

std::optional<Currency> Currency::fromNumericCode(int numericCode)
{
    for (const CurrencyEntry &e : kTable) {
        if (e.numeric == numericCode)
            return Currency(&e);
    }
    return std::nullopt;
}

QList<Currency> Currency::all()
{
    QList<Currency> result;
    result.reserve(qsizetype(kTable.size()));
    for (const CurrencyEntry &e : kTable)
        result.append(Currency(&e));
    return result;
}

QString Currency::code() const
{
    return m_entry ? str(m_entry->code) : QString();
}

int Currency::numericCode() const
{
    return m_entry ? m_entry->numeric : 0;
}

int Currency::minorDigits() const
{
    return m_entry ? m_entry->digits : 0;
}

qint64 Currency::minorPerMajor() const
{
    qint64 p = 1;
    for (int i = 0; i < minorDigits(); ++i)
        p *= 10;
    return p;
}

QString Currency::englishName() const
{
    return m_entry ? QString::fromLatin1(m_entry->englishName) : QString();
}

QString Currency::displayName() const
{
    return m_entry ? QCoreApplication::translate("bw::core::Currency", m_entry->englishName) : QString();
}

QString Currency::symbol() const
{
    return m_entry ? str(m_entry->symbol) : QString();
}

QString Currency::symbol(const QLocale &locale) const
{
    if (!m_entry)
        return QString();
    const QLocale::Territory territory = locale.territory();
    if (isHome(*m_entry, territory))
        return str(m_entry->homeSymbol);
    // Would our default symbol be read as the locale's own currency? (CNY "¥" in Japan.)
    const QStringView ours(m_entry->symbol);
    for (const CurrencyEntry &other : kTable) {
        if (&other != m_entry && isHome(other, territory) && QStringView(other.homeSymbol) == ours)
            return str(m_entry->prefixedSymbol);
    }
    return str(m_entry->symbol);
}

QStringList Currency::inputMarkers(const QLocale &locale) const
{
    if (!m_entry)
        return {};
    QStringList markers{code(), symbol(), symbol(locale), str(m_entry->prefixedSymbol)};
    for (const char16_t *m : m_entry->markers) {
        if (m)
            markers.append(str(m));
    }
    markers.removeDuplicates();
    return markers;
}

} // namespace bw::core
