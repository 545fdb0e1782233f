#include "core/money.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace bw::core {

namespace {

// 128-bit intermediates make every conversion exact before the one rounding step; GCC/Clang builtin,
// __extension__ keeps -Wpedantic quiet.
__extension__ typedef __int128 Int128;

constexpr qint64 kInt64Max = std::numeric_limits<qint64>::max();
constexpr qint64 kInt64Min = std::numeric_limits<qint64>::min();

Int128 pow10(int exponent)
{
    Int128 p = 1;
    for (int i = 0; i < exponent; ++i)
        p *= 10;
    return p;
}

bool fitsInt64(Int128 v)
{
    return v >= Int128(kInt64Min) && v <= Int128(kInt64Max);
}

// numerator / denominator rounded to the nearest integer, ties to the even neighbour (banker's rounding,
// symmetric for negative values). denominator > 0.
Int128 divideHalfEven(Int128 numerator, Int128 denominator)
{
    Int128 quotient = numerator / denominator; // truncates toward zero
    const Int128 remainder = numerator % denominator;
    if (remainder == 0)
        return quotient;
    const Int128 twice = (remainder < 0 ? -remainder : remainder) * 2;
    if (twice > denominator || (twice == denominator && quotient % 2 != 0))
        quotient += numerator < 0 ? -1 : 1;
    return quotient;
}

MoneyResult convert(const Money &amount, const DecimalRate &rate, const Currency &to, bool divide)
{
    if (!amount.isValid() || !to.isValid())
        return MoneyError::InvalidCurrency;
    const int fromDigits = amount.currency().minorDigits();
    const int toDigits = to.minorDigits();
    const int scale = rate.scale();
    const Int128 a = amount.minorUnits();
    const Int128 m = rate.mantissa();

    Int128 numerator = 0;
    Int128 denominator = 1;
    if (!divide) {
        // a·10^-fromDigits × m·10^-scale = r·10^-toDigits  ⇒  r = a·m·10^(toDigits - fromDigits - scale)
        if (__builtin_mul_overflow(a, m, &numerator))
            return MoneyError::Overflow;
        const int exponent = toDigits - fromDigits - scale;
        if (exponent >= 0) {
            if (__builtin_mul_overflow(numerator, pow10(exponent), &numerator))
                return MoneyError::Overflow;
        } else {
            denominator = pow10(-exponent);
        }
    } else {
        if (rate.isZero())
            return MoneyError::RateZero;
        // a·10^-fromDigits ÷ (m·10^-scale) = r·10^-toDigits  ⇒  r = a·10^(scale + toDigits) /
        // (m·10^fromDigits)
        if (__builtin_mul_overflow(a, pow10(scale + toDigits), &numerator))
            return MoneyError::Overflow;
        if (__builtin_mul_overflow(m, pow10(fromDigits), &denominator))
            return MoneyError::Overflow;
    }
    const Int128 result = divideHalfEven(numerator, denominator);
    if (!fitsInt64(result))
        return MoneyError::Overflow;
    return Money(qint64(result), to);
}

quint64 magnitude(qint64 v)
{
    // Unsigned negation is defined for INT64_MIN, where -v would not be.
    return v < 0 ? quint64(0) - quint64(v) : quint64(v);
}

// ---- parsing helpers ----

bool isBidiMark(char16_t u)
{
    return u == 0x200E || u == 0x200F || u == 0x061C || (u >= 0x202A && u <= 0x202E) ||
           (u >= 0x2066 && u <= 0x2069);
}

// Folds what people type into the characters the grammar knows: full-width, half-width, small and no-break
// forms to their plain forms (the width part of NFKC, so "１２３４．５" becomes "1234.5" and "，" becomes
// ","), every kind of space to ' ', and drops the invisible direction marks that right-to-left locales put
// around numbers. Full NFKC is not used on purpose: it would turn "²" or "¹" into digits.
// Returns false for a character no amount can contain: control and format characters (NUL included),
// private-use, unassigned code points and broken surrogates.
bool foldForParsing(QStringView in, QString *out)
{
    out->reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const QChar c = in[i];
        const char16_t u = c.unicode();
        if (u < 0x80) {
            if (u == '\t' || u == '\n' || u == '\r' || u == '\v' || u == '\f')
                out->append(QLatin1Char(' '));
            else if (u < 0x20 || u == 0x7F)
                return false;
            else
                out->append(c);
            continue;
        }
        if (c.isHighSurrogate()) {
            if (i + 1 >= in.size() || !in[i + 1].isLowSurrogate())
                return false;
            const char32_t cp = QChar::surrogateToUcs4(c, in[i + 1]);
            const QChar::Category cat = QChar::category(cp);
            if (cat == QChar::Other_Format || cat == QChar::Other_NotAssigned ||
                cat == QChar::Other_PrivateUse)
                return false;
            out->append(c);
            out->append(in[i + 1]);
            ++i;
            continue;
        }
        if (c.isLowSurrogate())
            return false;
        if (isBidiMark(u))
            continue;
        const QChar::Category cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Other_Format || cat == QChar::Other_NotAssigned ||
            cat == QChar::Other_PrivateUse)
            return false;
        if (c.isSpace()) {
            out->append(QLatin1Char(' '));
            continue;
        }
        if (u >= 0xFF01 && u <= 0xFF5E) { // full-width ASCII, the common case in Chinese input methods
            out->append(QChar(char16_t(u - 0xFEE0)));
            continue;
        }
        switch (c.decompositionTag()) {
        case QChar::Wide:
        case QChar::Narrow:
        case QChar::Small:
        case QChar::NoBreak:
            out->append(c.decomposition());
            break;
        default:
            out->append(c);
            break;
        }
    }
    return true;
}

QString folded(const QString &s)
{
    QString out;
    if (!foldForParsing(s, &out))
        return QString();
    return out.trimmed();
}

// The pieces of a locale's number syntax, folded like the input.
struct NumberSyntax
{
    QChar decimalPoint = QLatin1Char('.');
    QChar groupSeparator;    // null when the locale has none
    QChar altGroupSeparator; // what people type instead: "'" for the Swiss "’"
    char16_t localZero = 0;  // the locale's zero digit when it is not ASCII '0' (Arabic-Indic, ...)
    QString minusSign;
};

NumberSyntax syntaxOf(const QLocale &locale)
{
    NumberSyntax syn;
    const QString dp = folded(locale.decimalPoint());
    if (dp.size() == 1)
        syn.decimalPoint = dp.at(0);
    QString gs;
    (void)foldForParsing(locale.groupSeparator(), &gs); // not trimmed: a space separator must stay a space
    if (gs.size() == 1 && gs.at(0) != syn.decimalPoint)
        syn.groupSeparator = gs.at(0);
    if (syn.groupSeparator == QChar(0x2019))
        syn.altGroupSeparator = QLatin1Char('\'');
    const QString zero = locale.zeroDigit();
    if (zero.size() == 1 && zero.at(0) != QLatin1Char('0'))
        syn.localZero = zero.at(0).unicode();
    syn.minusSign = folded(locale.negativeSign());
    return syn;
}

// 0..9 for an ASCII or locale digit, -1 otherwise; `local` says which.
int digitValue(QChar c, const NumberSyntax &syn, bool *local)
{
    const char16_t u = c.unicode();
    if (u >= '0' && u <= '9') {
        *local = false;
        return u - '0';
    }
    if (syn.localZero && u >= syn.localZero && u <= syn.localZero + 9) {
        *local = true;
        return u - syn.localZero;
    }
    return -1;
}

bool containsMarker(const QStringList &markers, const QString &text)
{
    for (const QString &m : markers) {
        if (m.compare(text, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

enum class AffixStatus { Ok, Invalid, OtherCurrency };

struct Affix
{
    AffixStatus status = AffixStatus::Ok;
    bool negative = false;
    bool hasMarker = false;
};

bool isMinus(QChar c, const NumberSyntax &syn)
{
    return c == QLatin1Char('-') || c == QChar(0x2212) || c == QChar(0x2010) ||
           (syn.minusSign.size() == 1 && c == syn.minusSign.at(0));
}

// A prefix or suffix around the number: an optional sign (prefix only) and an optional currency marker,
// in either order, with spaces anywhere between.
Affix parseAffix(QString text, bool allowSign, const Currency &currency, const QLocale &locale,
                 const NumberSyntax &syn)
{
    Affix affix;
    text = text.trimmed();
    if (allowSign && !text.isEmpty()) {
        const QChar head = text.front();
        const QChar tail = text.back();
        if (isMinus(head, syn) || head == QLatin1Char('+')) {
            affix.negative = head != QLatin1Char('+');
            text = text.mid(1).trimmed();
        } else if (isMinus(tail, syn) || tail == QLatin1Char('+')) {
            affix.negative = tail != QLatin1Char('+');
            text.chop(1);
            text = text.trimmed();
        }
    }
    if (text.isEmpty())
        return affix;
    if (containsMarker(currency.inputMarkers(locale), text)) {
        affix.hasMarker = true;
        return affix;
    }
    for (const Currency &other : Currency::all()) {
        if (other != currency && containsMarker(other.inputMarkers(locale), text)) {
            affix.status = AffixStatus::OtherCurrency;
            return affix;
        }
    }
    affix.status = AffixStatus::Invalid;
    return affix;
}

// Grouping check, lenient enough for every locale Qt formats (3-digit groups, Indian 2-digit secondary
// groups, Spanish 4-digit leading group) yet strict where it matters: the last group must have exactly
// three digits, so "1,5" in English or "1.5" in German is refused instead of being read as 15.
bool groupLengthOk(int index, qsizetype length, bool last)
{
    if (last)
        return length == 3;
    if (index == 0)
        return length >= 1 && length <= 4;
    return length == 2 || length == 3;
}

// Locale digits for the ASCII digits in `ascii` (the fraction part of a formatted amount).
QString localizeDigits(const QString &ascii, const QLocale &locale)
{
    const QString zero = locale.zeroDigit();
    if (zero == QLatin1String("0"))
        return ascii;
    const QList<uint> zeroCp = zero.toUcs4();
    if (zeroCp.size() != 1)
        return ascii;
    QString out;
    for (QChar c : ascii) {
        const char32_t cp = char32_t(zeroCp.front()) + char32_t(c.unicode() - '0');
        out.append(QString::fromUcs4(&cp, 1));
    }
    return out;
}

QString formatMagnitude(quint64 mag, int digits, const QLocale &locale)
{
    quint64 perMajor = 1;
    for (int i = 0; i < digits; ++i)
        perMajor *= 10;
    QString out = locale.toString(qulonglong(mag / perMajor));
    if (digits > 0) {
        const QString fraction = QString::number(mag % perMajor).rightJustified(digits, QLatin1Char('0'));
        out += locale.decimalPoint();
        out += localizeDigits(fraction, locale);
    }
    return out;
}

} // namespace

// ---- error text ----

QString moneyErrorCode(MoneyError error)
{
    switch (error) {
    case MoneyError::None:
        return QString();
    case MoneyError::InvalidCurrency:
        return QStringLiteral("invalid_currency");
    case MoneyError::CurrencyMismatch:
        return QStringLiteral("currency_mismatch");
    case MoneyError::Overflow:
        return QStringLiteral("overflow");
    case MoneyError::RateEmpty:
        return QStringLiteral("rate_empty");
    case MoneyError::RateMalformed:
        return QStringLiteral("rate_malformed");
    case MoneyError::RateNegative:
        return QStringLiteral("rate_negative");
    case MoneyError::RateZero:
        return QStringLiteral("rate_zero");
    case MoneyError::RateTooPrecise:
        return QStringLiteral("rate_too_precise");
    }
    return QStringLiteral("unknown");
}

QString moneyParseErrorCode(MoneyParseError error)
{
    switch (error) {
    case MoneyParseError::None:
        return QString();
    case MoneyParseError::Empty:
        return QStringLiteral("empty");
    case MoneyParseError::NotANumber:
        return QStringLiteral("not_a_number");
    case MoneyParseError::Negative:
        return QStringLiteral("negative");
    case MoneyParseError::TooManyDecimals:
        return QStringLiteral("too_many_decimals");
    case MoneyParseError::Overflow:
        return QStringLiteral("overflow");
    case MoneyParseError::CurrencyMismatch:
        return QStringLiteral("currency_mismatch");
    case MoneyParseError::InvalidCurrency:
        return QStringLiteral("invalid_currency");
    }
    return QStringLiteral("unknown");
}

QString moneyErrorMessage(MoneyError error)
{
    switch (error) {
    case MoneyError::None:
        return QString();
    case MoneyError::InvalidCurrency:
        return QCoreApplication::translate("bw::core::Money", "No currency was chosen for this amount.");
    case MoneyError::CurrencyMismatch:
        //: Adding or comparing, e.g., yuan and dollars without converting first.
        return QCoreApplication::translate("bw::core::Money", "These amounts are in different currencies.");
    case MoneyError::Overflow:
        return QCoreApplication::translate("bw::core::Money", "The amount is too large.");
    case MoneyError::RateEmpty:
    case MoneyError::RateMalformed:
    case MoneyError::RateNegative:
    case MoneyError::RateZero:
    case MoneyError::RateTooPrecise:
        //: An exchange rate or fee rate received from the bank could not be used.
        return QCoreApplication::translate("bw::core::Money",
                                           "The bank sent an exchange or fee rate that cannot be used. Try "
                                           "again later.");
    }
    return QString();
}

QString moneyParseErrorMessage(MoneyParseError error, const Currency &currency)
{
    switch (error) {
    case MoneyParseError::None:
        return QString();
    case MoneyParseError::Empty:
        return QCoreApplication::translate("bw::core::Money", "Enter an amount.");
    case MoneyParseError::NotANumber:
        return QCoreApplication::translate("bw::core::Money",
                                           "Enter the amount as a number, for example 1,234.50.");
    case MoneyParseError::Negative:
        return QCoreApplication::translate("bw::core::Money", "The amount cannot be negative.");
    case MoneyParseError::TooManyDecimals:
        if (!currency.isValid())
            return QCoreApplication::translate("bw::core::Money", "The amount has too many decimal places.");
        if (currency.minorDigits() == 0) {
            //: %1 is a currency code such as JPY.
            return QCoreApplication::translate("bw::core::Money", "Amounts in %1 have no decimal places.")
                .arg(currency.code());
        }
        //: %1 is a currency code such as CNY; %2 is the number of decimal places allowed.
        return QCoreApplication::translate("bw::core::Money", "Decimal places allowed in %1 amounts: %2.")
            .arg(currency.code())
            .arg(currency.minorDigits());
    case MoneyParseError::Overflow:
        return QCoreApplication::translate("bw::core::Money", "The amount is too large.");
    case MoneyParseError::CurrencyMismatch:
        //: %1 is a currency code such as CNY.
        return QCoreApplication::translate("bw::core::Money", "Enter an amount in %1.").arg(currency.code());
    case MoneyParseError::InvalidCurrency:
        return QCoreApplication::translate("bw::core::Money", "No currency was chosen for this amount.");
    }
    return QString();
}

// ---- DecimalRate ----

RateResult DecimalRate::parse(QStringView text)
{
    if (text.isEmpty())
        return MoneyError::RateEmpty;
    qsizetype i = 0;
    bool negative = false;
    if (text.front() == QLatin1Char('-')) {
        negative = true;
        i = 1;
    }
    int intDigits = 0;
    int fracDigits = 0;
    int significant = 0;
    bool sawDot = false;
    qint64 mantissa = 0;
    for (; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (u >= '0' && u <= '9') {
            (sawDot ? fracDigits : intDigits) += 1;
            if (significant > 0 || u != '0')
                ++significant;
            // Stop accumulating once too long (the error is reported below) so huge input cannot overflow.
            if (significant <= kMaxSignificantDigits)
                mantissa = mantissa * 10 + (u - '0');
        } else if (u == '.' && !sawDot) {
            sawDot = true;
        } else {
            return MoneyError::RateMalformed;
        }
        // Cap the counters (not the scan) so a megabyte of digits cannot overflow an int.
        intDigits = std::min(intDigits, 1 << 20);
        fracDigits = std::min(fracDigits, 1 << 20);
        significant = std::min(significant, 1 << 20);
    }
    if (intDigits == 0 || (sawDot && fracDigits == 0))
        return MoneyError::RateMalformed;
    if (negative)
        return MoneyError::RateNegative;
    if (fracDigits > kMaxFractionDigits || significant > kMaxSignificantDigits)
        return MoneyError::RateTooPrecise;
    DecimalRate rate;
    rate.m_mantissa = mantissa;
    rate.m_scale = fracDigits;
    return rate;
}

QString DecimalRate::toString() const
{
    QString digits = QString::number(m_mantissa).rightJustified(m_scale + 1, QLatin1Char('0'));
    if (m_scale > 0)
        digits.insert(digits.size() - m_scale, QLatin1Char('.'));
    return digits;
}

// ---- Money arithmetic ----

MoneyResult Money::added(const Money &other) const
{
    if (!isValid() || !other.isValid())
        return MoneyError::InvalidCurrency;
    if (m_currency != other.m_currency)
        return MoneyError::CurrencyMismatch;
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return MoneyError::Overflow;
    return Money(sum, m_currency);
}

MoneyResult Money::subtracted(const Money &other) const
{
    if (!isValid() || !other.isValid())
        return MoneyError::InvalidCurrency;
    if (m_currency != other.m_currency)
        return MoneyError::CurrencyMismatch;
    qint64 difference = 0;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &difference))
        return MoneyError::Overflow;
    return Money(difference, m_currency);
}

MoneyResult Money::negated() const
{
    if (!isValid())
        return MoneyError::InvalidCurrency;
    qint64 result = 0;
    if (__builtin_sub_overflow(qint64(0), m_minor, &result))
        return MoneyError::Overflow;
    return Money(result, m_currency);
}

MoneyResult Money::abs() const
{
    if (!isValid())
        return MoneyError::InvalidCurrency;
    return m_minor < 0 ? negated() : MoneyResult(*this);
}

MoneyResult Money::multipliedBy(qint64 factor) const
{
    if (!isValid())
        return MoneyError::InvalidCurrency;
    qint64 product = 0;
    if (__builtin_mul_overflow(m_minor, factor, &product))
        return MoneyError::Overflow;
    return Money(product, m_currency);
}

MoneyResult Money::convertedByMultiplying(const DecimalRate &rate, const Currency &to) const
{
    return convert(*this, rate, to, false);
}

MoneyResult Money::convertedByMultiplying(QStringView rate, const Currency &to) const
{
    const RateResult parsed = DecimalRate::parse(rate);
    if (!parsed)
        return parsed.error();
    return convert(*this, parsed.value(), to, false);
}

MoneyResult Money::convertedByDividing(const DecimalRate &rate, const Currency &to) const
{
    return convert(*this, rate, to, true);
}

MoneyResult Money::convertedByDividing(QStringView rate, const Currency &to) const
{
    const RateResult parsed = DecimalRate::parse(rate);
    if (!parsed)
        return parsed.error();
    return convert(*this, parsed.value(), to, true);
}

MoneyResult Money::multipliedByRate(const DecimalRate &rate) const
{
    return convert(*this, rate, m_currency, false);
}

MoneyResult Money::multipliedByRate(QStringView rate) const
{
    return convertedByMultiplying(rate, m_currency);
}

bool Money::isComparableTo(const Money &other) const
{
    return isValid() && m_currency == other.m_currency;
}

std::optional<std::strong_ordering> Money::compare(const Money &other) const
{
    if (!isComparableTo(other))
        return std::nullopt;
    return m_minor <=> other.m_minor;
}

// ---- parsing ----

// Grammar, after folding (see foldForParsing) and trimming:
//   input  := prefix number suffix
//   number := digits of one script (ASCII, or the locale's own digits), the locale's group separator only
//             between integer digits (see groupLengthOk), at most one locale decimal point; "12." and ".5"
//             are allowed, "." is not
//   prefix := [sign] [marker] | [marker] [sign]     sign: '-', '−', the locale's minus, or '+'
//   suffix := [marker]                               at most one marker in total
//   marker := one of Currency::inputMarkers() (case-insensitive): code, symbols, "元", "RMB", ...
// Fraction digits beyond the currency's minor digits must be zeros ("1.230" is CNY 1.23). Errors are
// reported in this order: NotANumber, CurrencyMismatch, Negative, TooManyDecimals, Overflow. One pass,
// linear in the input, so a megabyte of digits returns Overflow at once.
MoneyParseResult Money::parse(QStringView text, const Currency &currency, const QLocale &locale)
{
    if (!currency.isValid())
        return MoneyParseError::InvalidCurrency;
    QString foldedText;
    if (!foldForParsing(text, &foldedText))
        return MoneyParseError::NotANumber;
    const QString s = foldedText.trimmed();
    if (s.isEmpty())
        return MoneyParseError::Empty;

    const NumberSyntax syn = syntaxOf(locale);
    bool local = false;
    auto isNumberEdge = [&](QChar c) { return digitValue(c, syn, &local) >= 0 || c == syn.decimalPoint; };

    qsizetype first = 0;
    while (first < s.size() && !isNumberEdge(s.at(first)))
        ++first;
    if (first == s.size())
        return MoneyParseError::NotANumber;
    qsizetype last = s.size() - 1;
    while (!isNumberEdge(s.at(last)))
        --last;

    // The number itself.
    const int digits = currency.minorDigits();
    bool sawDigit = false;
    bool sawAscii = false;
    bool sawLocal = false;
    bool sawDot = false;
    bool overflow = false;
    bool tooManyDecimals = false;
    quint64 intValue = 0;
    quint64 fracValue = 0;
    int fracKept = 0;
    int groupIndex = 0;
    qsizetype runLength = 0;
    bool grouped = false;
    for (qsizetype i = first; i <= last; ++i) {
        const QChar c = s.at(i);
        const int d = digitValue(c, syn, &local);
        if (d >= 0) {
            sawDigit = true;
            (local ? sawLocal : sawAscii) = true;
            if (!sawDot) {
                ++runLength;
                if (!overflow) {
                    intValue = intValue * 10 + quint64(d);
                    overflow = intValue > quint64(kMaxAbsGatewayMinorUnits);
                }
            } else if (fracKept < digits) {
                fracValue = fracValue * 10 + quint64(d);
                ++fracKept;
            } else if (d != 0) {
                tooManyDecimals = true;
            }
        } else if (c == syn.decimalPoint && !sawDot) {
            if (grouped && !groupLengthOk(groupIndex, runLength, true))
                return MoneyParseError::NotANumber;
            sawDot = true;
        } else if (!sawDot && !syn.groupSeparator.isNull() &&
                   (c == syn.groupSeparator ||
                    (!syn.altGroupSeparator.isNull() && c == syn.altGroupSeparator))) {
            if (runLength == 0 || !groupLengthOk(groupIndex, runLength, false))
                return MoneyParseError::NotANumber;
            grouped = true;
            ++groupIndex;
            runLength = 0;
        } else {
            return MoneyParseError::NotANumber;
        }
    }
    if (!sawDigit || (sawAscii && sawLocal))
        return MoneyParseError::NotANumber;
    if (grouped && !sawDot && !groupLengthOk(groupIndex, runLength, true))
        return MoneyParseError::NotANumber;

    const Affix prefix = parseAffix(s.left(first), true, currency, locale, syn);
    const Affix suffix = parseAffix(s.mid(last + 1), false, currency, locale, syn);
    if (prefix.status == AffixStatus::Invalid || suffix.status == AffixStatus::Invalid ||
        (prefix.hasMarker && suffix.hasMarker))
        return MoneyParseError::NotANumber;
    if (prefix.status == AffixStatus::OtherCurrency || suffix.status == AffixStatus::OtherCurrency)
        return MoneyParseError::CurrencyMismatch;
    if (prefix.negative)
        return MoneyParseError::Negative;
    if (tooManyDecimals)
        return MoneyParseError::TooManyDecimals;
    if (overflow)
        return MoneyParseError::Overflow;

    for (int i = fracKept; i < digits; ++i)
        fracValue *= 10;
    // intValue <= 9e15 here, so intValue * 1000 still fits in quint64.
    const quint64 minor = intValue * quint64(currency.minorPerMajor()) + fracValue;
    if (minor > quint64(kMaxAbsGatewayMinorUnits))
        return MoneyParseError::Overflow;
    return Money(qint64(minor), currency);
}

MoneyParseResult Money::fromDecimalString(QStringView text, const Currency &currency)
{
    if (!currency.isValid())
        return MoneyParseError::InvalidCurrency;
    if (text.isEmpty())
        return MoneyParseError::Empty;
    qsizetype i = 0;
    const bool negative = text.front() == QLatin1Char('-');
    if (negative)
        i = 1;
    const int digits = currency.minorDigits();
    const Int128 limit = negative ? -Int128(kInt64Min) : Int128(kInt64Max);
    Int128 value = 0;
    bool overflow = false;
    bool tooManyDecimals = false;
    bool sawDot = false;
    int intDigits = 0;
    int fracDigits = 0;
    for (; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (u >= '0' && u <= '9') {
            const int d = u - '0';
            if (!sawDot) {
                intDigits = std::min(intDigits + 1, 1 << 20);
            } else {
                fracDigits = std::min(fracDigits + 1, 1 << 20);
                if (fracDigits > digits) {
                    tooManyDecimals = tooManyDecimals || d != 0;
                    continue;
                }
            }
            if (!overflow) {
                value = value * 10 + d;
                // Compare against the bound scaled to the digits still to come at most (checked at the end).
                overflow = value > limit;
            }
        } else if (u == '.' && !sawDot) {
            sawDot = true;
        } else {
            return MoneyParseError::NotANumber;
        }
    }
    if (intDigits == 0 || (sawDot && fracDigits == 0))
        return MoneyParseError::NotANumber;
    if (tooManyDecimals)
        return MoneyParseError::TooManyDecimals;
    for (int k = std::min(fracDigits, digits); k < digits && !overflow; ++k) {
        value *= 10;
        overflow = value > limit;
    }
    if (overflow)
        return MoneyParseError::Overflow;
    return Money(qint64(negative ? -value : value), currency);
}

// ---- formatting ----

QString Money::formatAmount(const QLocale &locale, Grouping grouping) const
{
    QLocale loc(locale);
    if (grouping == Grouping::Plain)
        loc.setNumberOptions(locale.numberOptions() | QLocale::OmitGroupSeparator);
    const QString number = formatMagnitude(magnitude(m_minor), m_currency.minorDigits(), loc);
    return m_minor < 0 ? loc.negativeSign() + number : number;
}

QString Money::formatWithMarker(const QLocale &locale, const QString &marker) const
{
    const QChar markerSlot(0xE000); // private-use placeholders: never produced by QLocale
    const QChar numberSlot(0xE001);
    // Borrow the locale's currency pattern (symbol before or after, spacing) from a one-unit sample;
    // Qt's own negative pattern is the accounting "(…)" in some locales, so the sign is added by us.
    QString pattern = locale.toCurrencyString(qlonglong(1), QString(markerSlot));
    const QString one = locale.toString(qlonglong(1));
    const qsizetype oneAt = pattern.indexOf(one);
    if (oneAt < 0 || !pattern.contains(markerSlot))
        pattern = QString(markerSlot) + numberSlot;
    else
        pattern.replace(oneAt, one.size(), numberSlot);

    // A marker that ends in a letter ("CHF", "CNY") would run into the digits: keep them apart with a
    // no-break space, as CLDR's currency spacing rule does.
    if (!marker.isEmpty()) {
        if (marker.back().isLetter())
            pattern.replace(QString(markerSlot) + numberSlot,
                            QString(markerSlot) + QChar(0x00A0) + numberSlot);
        if (marker.front().isLetter())
            pattern.replace(QString(numberSlot) + markerSlot,
                            QString(numberSlot) + QChar(0x00A0) + markerSlot);
    }
    const QString number = formatMagnitude(magnitude(m_minor), m_currency.minorDigits(), locale);
    QString out;
    out.reserve(pattern.size() + marker.size() + number.size() + 2);
    for (QChar c : pattern) {
        if (c == markerSlot)
            out += marker;
        else if (c == numberSlot)
            out += number;
        else
            out += c;
    }
    return m_minor < 0 ? locale.negativeSign() + out : out;
}

QString Money::format(const QLocale &locale) const
{
    return formatWithMarker(locale, m_currency.symbol(locale));
}

QString Money::formatWithCode(const QLocale &locale) const
{
    return formatWithMarker(locale, m_currency.code());
}

QString Money::toDecimalString() const
{
    const QString number = formatMagnitude(magnitude(m_minor), m_currency.minorDigits(), QLocale::c());
    return m_minor < 0 ? QLatin1Char('-') + number : number;
}

QDebug operator<<(QDebug debug, const Money &money)
{
    const QDebugStateSaver saver(debug);
    debug.nospace().noquote() << "Money("
                              << (money.isValid() ? money.currency().code() : QStringLiteral("???")) << ' '
                              << money.toDecimalString() << ')';
    return debug;
}

} // namespace bw::core
