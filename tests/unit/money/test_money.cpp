// Unit tests for bw::core::Currency, DecimalRate and Money: table lookups, checked arithmetic, comparison,
// FX conversion with half-even rounding, locale parsing (including hostile input) and locale formatting.

#include "core/currency.h"
#include "core/money.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QVariant>

#include <limits>

using namespace bw::core;

namespace bw::core {
// Readable QCOMPARE failures.
char *toString(const Money &m)
{
    const QString s = (m.isValid() ? m.currency().code() : QStringLiteral("<none>")) + QLatin1Char(' ') +
                      m.toDecimalString();
    return qstrdup(s.toUtf8().constData());
}
} // namespace bw::core

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr int kOk = 0; // MoneyError::None / MoneyParseError::None as a data column value

Currency cur(const QString &code)
{
    const std::optional<Currency> c = Currency::fromCode(code);
    if (!c)
        qFatal("unknown currency in test data: %s", qPrintable(code));
    return *c;
}

Money money(qint64 minor, const QString &code)
{
    return Money(minor, cur(code));
}

QLocale loc(const QString &name)
{
    return QLocale(name);
}

QString withNul()
{
    QString s = QStringLiteral("12");
    s.append(QChar(0));
    s.append(QStringLiteral("34"));
    return s;
}

// The data columns of convertMultiply and convertDivide; error is a MoneyError as int (kOk for none).
void addConversionColumns()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("rate");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("expected");
}

enum class Conversion { Multiply, Divide };

// The body of convertMultiply and convertDivide: the rate-string overload gives the expected error or
// amount, and the pre-parsed DecimalRate overload agrees with it.
void checkConversion(Conversion conversion)
{
    QFETCH(qint64, amount);
    QFETCH(QString, from);
    QFETCH(QString, rate);
    QFETCH(QString, to);
    QFETCH(int, error);
    QFETCH(qint64, expected);

    const Currency target = to.isEmpty() ? Currency() : cur(to);
    const auto convert = [&](const auto &r) {
        return conversion == Conversion::Multiply ? money(amount, from).convertedByMultiplying(r, target)
                                                  : money(amount, from).convertedByDividing(r, target);
    };
    const MoneyResult r = convert(QStringView(rate));
    QCOMPARE(int(r.error()), error);
    if (r.ok())
        QCOMPARE(r.value(), Money(expected, target));
    const RateResult parsed = DecimalRate::parse(rate);
    if (parsed.ok()) {
        const MoneyResult r2 = convert(parsed.value());
        QCOMPARE(int(r2.error()), error);
        if (r2.ok())
            QCOMPARE(r2.value(), r.value());
    }
}

} // namespace

class TestMoney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Currency
    void currencyTable_data();
    void currencyTable();
    void currencyLookupRejects_data();
    void currencyLookupRejects();
    void currencyAllConsistent();
    void currencyInvalidHandle();
    void currencySymbolPerLocale_data();
    void currencySymbolPerLocale();

    // Arithmetic and comparison
    void addSubtract_data();
    void addSubtract();
    void negateAbs_data();
    void negateAbs();
    void multipliedBy_data();
    void multipliedBy();
    void comparison();
    void gatewayBound();

    // Rates and conversion
    void rateParse_data();
    void rateParse();
    void rateParseHuge();
    void convertMultiply_data();
    void convertMultiply();
    void convertDivide_data();
    void convertDivide();
    void convertHalfEvenProperty();
    void feeRate_data();
    void feeRate();

    // Parsing
    void parse_data();
    void parse();
    void parseHugeInputIsFast_data();
    void parseHugeInputIsFast();
    void fromDecimalString_data();
    void fromDecimalString();
    void decimalStringRoundTrip();

    // Formatting
    void format_data();
    void format();
    void formatAmount_data();
    void formatAmount();
    void formatParseRoundTrip();

    // Error codes, messages, metatype
    void errorCodesAndMessages();
    void metaTypeAndDebug();
};

// ---------------------------------------------------------------- Currency

void TestMoney::currencyTable_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("numeric");
    QTest::addColumn<int>("digits");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<QString>("name");

    // ISO 4217 list one: numeric codes and minor units.
    QTest::newRow("CNY") << "CNY" << 156 << 2 << QStringLiteral("¥") << "Chinese Yuan";
    QTest::newRow("USD") << "USD" << 840 << 2 << QStringLiteral("US$") << "US Dollar";
    QTest::newRow("EUR") << "EUR" << 978 << 2 << QStringLiteral("€") << "Euro";
    QTest::newRow("GBP") << "GBP" << 826 << 2 << QStringLiteral("£") << "British Pound";
    QTest::newRow("JPY") << "JPY" << 392 << 0 << QStringLiteral("JP¥") << "Japanese Yen";
    QTest::newRow("HKD") << "HKD" << 344 << 2 << QStringLiteral("HK$") << "Hong Kong Dollar";
    QTest::newRow("KRW") << "KRW" << 410 << 0 << QStringLiteral("₩") << "South Korean Won";
    QTest::newRow("SGD") << "SGD" << 702 << 2 << QStringLiteral("S$") << "Singapore Dollar";
    QTest::newRow("AUD") << "AUD" << 36 << 2 << QStringLiteral("A$") << "Australian Dollar";
    QTest::newRow("CAD") << "CAD" << 124 << 2 << QStringLiteral("CA$") << "Canadian Dollar";
    QTest::newRow("CHF") << "CHF" << 756 << 2 << QStringLiteral("CHF") << "Swiss Franc";
    QTest::newRow("KWD") << "KWD" << 414 << 3 << QStringLiteral("KWD") << "Kuwaiti Dinar";
    QTest::newRow("BHD") << "BHD" << 48 << 3 << QStringLiteral("BHD") << "Bahraini Dinar";
}

void TestMoney::currencyTable()
{
    QFETCH(QString, code);
    QFETCH(int, numeric);
    QFETCH(int, digits);
    QFETCH(QString, symbol);
    QFETCH(QString, name);

    const std::optional<Currency> c = Currency::fromCode(code);
    QVERIFY(c.has_value());
    QVERIFY(c->isValid());
    QCOMPARE(c->code(), code);
    QCOMPARE(c->numericCode(), numeric);
    QCOMPARE(c->minorDigits(), digits);
    qint64 perMajor = 1;
    for (int i = 0; i < digits; ++i)
        perMajor *= 10;
    QCOMPARE(c->minorPerMajor(), perMajor);
    QCOMPARE(c->symbol(), symbol);
    QCOMPARE(c->englishName(), name);
    // No translator installed: the display name is the English source text.
    QCOMPARE(c->displayName(), name);

    const std::optional<Currency> byNumber = Currency::fromNumericCode(numeric);
    QVERIFY(byNumber.has_value());
    QVERIFY(*byNumber == *c);
    QVERIFY(c->inputMarkers(QLocale::c()).contains(code));
}

void TestMoney::currencyLookupRejects_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString();
    QTest::newRow("lower case") << "cny";
    QTest::newRow("mixed case") << "Cny";
    QTest::newRow("too short") << "CN";
    QTest::newRow("too long") << "CNYY";
    QTest::newRow("leading space") << " CNY";
    QTest::newRow("trailing space") << "CNY ";
    QTest::newRow("unknown") << "XXX";
    QTest::newRow("numeric text") << "156";
    QTest::newRow("full-width") << QStringLiteral("ＣＮＹ");
    QTest::newRow("embedded NUL") << QString(QStringLiteral("CN") + QChar(0) + QStringLiteral("Y"));
    QTest::newRow("trailing NUL") << QString(QStringLiteral("CNY") + QChar(0));
    QTest::newRow("symbol") << QStringLiteral("¥");
}

void TestMoney::currencyLookupRejects()
{
    QFETCH(QString, code);
    QVERIFY(!Currency::fromCode(code).has_value());
}

void TestMoney::currencyAllConsistent()
{
    const QList<Currency> all = Currency::all();
    QVERIFY(all.size() >= 13);
    QSet<QString> codes;
    QSet<int> numerics;
    QString previous;
    for (const Currency &c : all) {
        QVERIFY(c.isValid());
        QCOMPARE(c.code().size(), 3);
        for (QChar ch : c.code())
            QVERIFY(ch >= QLatin1Char('A') && ch <= QLatin1Char('Z'));
        QVERIFY2(previous < c.code(), qPrintable(c.code())); // sorted, no duplicates
        previous = c.code();
        codes.insert(c.code());
        numerics.insert(c.numericCode());
        QVERIFY(c.numericCode() > 0 && c.numericCode() < 1000);
        QVERIFY(c.minorDigits() >= 0 && c.minorDigits() <= 3);
        QVERIFY(!c.symbol().isEmpty());
        QVERIFY(!c.englishName().isEmpty());
        QVERIFY(Currency::fromCode(c.code()) == c);
        QVERIFY(Currency::fromNumericCode(c.numericCode()) == c);
    }
    QCOMPARE(codes.size(), all.size());
    QCOMPARE(numerics.size(), all.size());
    QVERIFY(!Currency::fromNumericCode(0).has_value());
    QVERIFY(!Currency::fromNumericCode(-156).has_value());
    QVERIFY(!Currency::fromNumericCode(999).has_value());
}

void TestMoney::currencyInvalidHandle()
{
    const Currency none;
    QVERIFY(!none.isValid());
    QVERIFY(none.code().isEmpty());
    QCOMPARE(none.numericCode(), 0);
    QCOMPARE(none.minorDigits(), 0);
    QVERIFY(none.symbol().isEmpty());
    QVERIFY(none.symbol(QLocale(QStringLiteral("en_US"))).isEmpty());
    QVERIFY(none.inputMarkers(QLocale::c()).isEmpty());
    QVERIFY(!(none == cur(QStringLiteral("CNY"))));
    QVERIFY(none == Currency());
}

void TestMoney::currencySymbolPerLocale_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("symbol");

    QTest::newRow("CNY en_US") << "CNY"
                               << "en_US" << QStringLiteral("¥");
    QTest::newRow("CNY zh_CN") << "CNY"
                               << "zh_CN" << QStringLiteral("¥");
    QTest::newRow("CNY de_DE") << "CNY"
                               << "de_DE" << QStringLiteral("¥");
    QTest::newRow("CNY ja_JP (would read as yen)") << "CNY"
                                                   << "ja_JP" << QStringLiteral("CN¥");
    QTest::newRow("JPY ja_JP") << "JPY"
                               << "ja_JP" << QStringLiteral("¥");
    QTest::newRow("JPY en_US") << "JPY"
                               << "en_US" << QStringLiteral("JP¥");
    QTest::newRow("JPY zh_CN") << "JPY"
                               << "zh_CN" << QStringLiteral("JP¥");
    QTest::newRow("USD en_US") << "USD"
                               << "en_US" << QStringLiteral("$");
    QTest::newRow("USD zh_CN") << "USD"
                               << "zh_CN" << QStringLiteral("US$");
    QTest::newRow("USD en_AU") << "USD"
                               << "en_AU" << QStringLiteral("US$");
    QTest::newRow("AUD en_AU") << "AUD"
                               << "en_AU" << QStringLiteral("$");
    QTest::newRow("AUD en_US") << "AUD"
                               << "en_US" << QStringLiteral("A$");
    QTest::newRow("HKD zh_HK") << "HKD"
                               << "zh_HK" << QStringLiteral("HK$");
    QTest::newRow("EUR de_DE") << "EUR"
                               << "de_DE" << QStringLiteral("€");
    QTest::newRow("GBP en_GB") << "GBP"
                               << "en_GB" << QStringLiteral("£");
    QTest::newRow("KRW ko_KR") << "KRW"
                               << "ko_KR" << QStringLiteral("₩");
    QTest::newRow("KWD en_US") << "KWD"
                               << "en_US" << QStringLiteral("KWD");
    QTest::newRow("CHF de_CH") << "CHF"
                               << "de_CH" << QStringLiteral("CHF");
    QTest::newRow("SGD C locale") << "SGD"
                                  << "C" << QStringLiteral("S$");
}

void TestMoney::currencySymbolPerLocale()
{
    QFETCH(QString, code);
    QFETCH(QString, locale);
    QFETCH(QString, symbol);
    QCOMPARE(cur(code).symbol(loc(locale)), symbol);
    QVERIFY(cur(code).inputMarkers(loc(locale)).contains(symbol));
}

// ---------------------------------------------------------------- arithmetic

void TestMoney::addSubtract_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<QString>("ca");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<QString>("cb");
    QTest::addColumn<bool>("subtract");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("expected");

    const int overflow = int(MoneyError::Overflow);
    const int mismatch = int(MoneyError::CurrencyMismatch);
    QTest::newRow("add") << qint64(123450) << "CNY" << qint64(50) << "CNY" << false << kOk << qint64(123500);
    QTest::newRow("add negative") << qint64(100) << "CNY" << qint64(-250) << "CNY" << false << kOk
                                  << qint64(-150);
    QTest::newRow("sub") << qint64(100) << "USD" << qint64(250) << "USD" << true << kOk << qint64(-150);
    QTest::newRow("add to max") << kMax - 1 << "JPY" << qint64(1) << "JPY" << false << kOk << kMax;
    QTest::newRow("add past max") << kMax << "JPY" << qint64(1) << "JPY" << false << overflow << qint64(0);
    QTest::newRow("add max+max") << kMax << "CNY" << kMax << "CNY" << false << overflow << qint64(0);
    QTest::newRow("add past min") << kMin << "CNY" << qint64(-1) << "CNY" << false << overflow << qint64(0);
    QTest::newRow("add min+max") << kMin << "CNY" << kMax << "CNY" << false << kOk << qint64(-1);
    QTest::newRow("sub past min") << kMin << "CNY" << qint64(1) << "CNY" << true << overflow << qint64(0);
    QTest::newRow("sub min from 0") << qint64(0) << "CNY" << kMin << "CNY" << true << overflow << qint64(0);
    QTest::newRow("sub min from -1") << qint64(-1) << "CNY" << kMin << "CNY" << true << kOk << kMax;
    QTest::newRow("sub past max") << kMax << "CNY" << qint64(-1) << "CNY" << true << overflow << qint64(0);
    QTest::newRow("add CNY+USD") << qint64(100) << "CNY" << qint64(100) << "USD" << false << mismatch
                                 << qint64(0);
    QTest::newRow("sub JPY-KRW") << qint64(100) << "JPY" << qint64(1) << "KRW" << true << mismatch
                                 << qint64(0);
    QTest::newRow("mismatch beats overflow")
        << kMax << "CNY" << kMax << "HKD" << false << mismatch << qint64(0);
}

void TestMoney::addSubtract()
{
    QFETCH(qint64, a);
    QFETCH(QString, ca);
    QFETCH(qint64, b);
    QFETCH(QString, cb);
    QFETCH(bool, subtract);
    QFETCH(int, error);
    QFETCH(qint64, expected);

    const Money x = money(a, ca);
    const Money y = money(b, cb);
    const MoneyResult r = subtract ? x.subtracted(y) : x.added(y);
    QCOMPARE(int(r.error()), error);
    QCOMPARE(r.ok(), error == kOk);
    if (r.ok())
        QCOMPARE(r.value(), money(expected, ca));
    // The operands are unchanged (value type).
    QCOMPARE(x.minorUnits(), a);
    QCOMPARE(y.minorUnits(), b);
}

void TestMoney::negateAbs_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<int>("negError");
    QTest::addColumn<qint64>("negated");
    QTest::addColumn<int>("absError");
    QTest::addColumn<qint64>("absolute");

    const int overflow = int(MoneyError::Overflow);
    QTest::newRow("zero") << qint64(0) << kOk << qint64(0) << kOk << qint64(0);
    QTest::newRow("positive") << qint64(1234) << kOk << qint64(-1234) << kOk << qint64(1234);
    QTest::newRow("negative") << qint64(-1234) << kOk << qint64(1234) << kOk << qint64(1234);
    QTest::newRow("max") << kMax << kOk << -kMax << kOk << kMax;
    QTest::newRow("min+1") << kMin + 1 << kOk << kMax << kOk << kMax;
    QTest::newRow("min") << kMin << overflow << qint64(0) << overflow << qint64(0);
}

void TestMoney::negateAbs()
{
    QFETCH(qint64, a);
    QFETCH(int, negError);
    QFETCH(qint64, negated);
    QFETCH(int, absError);
    QFETCH(qint64, absolute);

    const Money m = money(a, QStringLiteral("EUR"));
    const MoneyResult n = m.negated();
    QCOMPARE(int(n.error()), negError);
    if (n.ok())
        QCOMPARE(n.value(), money(negated, QStringLiteral("EUR")));
    const MoneyResult b = m.abs();
    QCOMPARE(int(b.error()), absError);
    if (b.ok())
        QCOMPARE(b.value(), money(absolute, QStringLiteral("EUR")));
    QCOMPARE(int(Money().negated().error()), int(MoneyError::InvalidCurrency));
    QCOMPARE(int(Money().abs().error()), int(MoneyError::InvalidCurrency));
}

void TestMoney::multipliedBy_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("factor");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("expected");

    const int overflow = int(MoneyError::Overflow);
    QTest::newRow("3 x 1234") << qint64(1234) << qint64(3) << kOk << qint64(3702);
    QTest::newRow("by zero") << kMax << qint64(0) << kOk << qint64(0);
    QTest::newRow("by -1") << kMax << qint64(-1) << kOk << -kMax;
    QTest::newRow("min by -1") << kMin << qint64(-1) << overflow << qint64(0);
    QTest::newRow("max by 2") << kMax << qint64(2) << overflow << qint64(0);
    QTest::newRow("half max by 2") << kMax / 2 << qint64(2) << kOk << kMax - 1;
}

void TestMoney::multipliedBy()
{
    QFETCH(qint64, a);
    QFETCH(qint64, factor);
    QFETCH(int, error);
    QFETCH(qint64, expected);
    const MoneyResult r = money(a, QStringLiteral("CNY")).multipliedBy(factor);
    QCOMPARE(int(r.error()), error);
    if (r.ok())
        QCOMPARE(r.value(), money(expected, QStringLiteral("CNY")));
}

void TestMoney::comparison()
{
    const Money cny1 = money(100, QStringLiteral("CNY"));
    const Money cny2 = money(200, QStringLiteral("CNY"));
    const Money usd1 = money(100, QStringLiteral("USD"));

    QVERIFY(cny1.isComparableTo(cny2));
    QCOMPARE(cny1.compare(cny2), std::optional(std::strong_ordering::less));
    QCOMPARE(cny2.compare(cny1), std::optional(std::strong_ordering::greater));
    QCOMPARE(cny1.compare(money(100, QStringLiteral("CNY"))), std::optional(std::strong_ordering::equal));
    QCOMPARE(money(kMin, QStringLiteral("CNY")).compare(money(kMax, QStringLiteral("CNY"))),
             std::optional(std::strong_ordering::less));

    // Across currencies there is no answer, not a silent "equal".
    QVERIFY(!cny1.isComparableTo(usd1));
    QVERIFY(!cny1.compare(usd1).has_value());
    QVERIFY(!usd1.compare(cny1).has_value());
    QVERIFY(!(cny1 == usd1));
    QVERIFY(cny1 != usd1);
    QVERIFY(cny1 == money(100, QStringLiteral("CNY")));
    QVERIFY(cny1 != cny2);

    // Invalid (no currency) is comparable to nothing, not even another invalid value.
    QVERIFY(!Money().isComparableTo(Money()));
    QVERIFY(!Money().compare(Money()).has_value());
    QVERIFY(!Money().compare(cny1).has_value());
    QVERIFY(!cny1.compare(Money()).has_value());
    QVERIFY(!Money().isValid());
    QCOMPARE(int(Money().added(cny1).error()), int(MoneyError::InvalidCurrency));
    QCOMPARE(int(cny1.subtracted(Money()).error()), int(MoneyError::InvalidCurrency));

    QVERIFY(money(0, QStringLiteral("CNY")).isZero());
    QVERIFY(money(-1, QStringLiteral("CNY")).isNegative());
    QVERIFY(money(1, QStringLiteral("CNY")).isPositive());
    QCOMPARE(Money::zero(cur(QStringLiteral("KWD"))), money(0, QStringLiteral("KWD")));
}

void TestMoney::gatewayBound()
{
    QCOMPARE(Money::kMaxAbsGatewayMinorUnits, qint64(9'000'000'000'000'000));
    QVERIFY(money(9'000'000'000'000'000, QStringLiteral("CNY")).isWithinGatewayBound());
    QVERIFY(money(-9'000'000'000'000'000, QStringLiteral("CNY")).isWithinGatewayBound());
    QVERIFY(!money(9'000'000'000'000'001, QStringLiteral("CNY")).isWithinGatewayBound());
    QVERIFY(!money(-9'000'000'000'000'001, QStringLiteral("CNY")).isWithinGatewayBound());
    QVERIFY(!money(kMin, QStringLiteral("CNY")).isWithinGatewayBound());
}

// ---------------------------------------------------------------- rates and conversion

void TestMoney::rateParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("mantissa");
    QTest::addColumn<int>("scale");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("7.2345") << "7.2345" << kOk << qint64(72345) << 4 << "7.2345";
    QTest::newRow("0.1381") << "0.1381" << kOk << qint64(1381) << 4 << "0.1381";
    QTest::newRow("0.006") << "0.006" << kOk << qint64(6) << 3 << "0.006";
    QTest::newRow("integer") << "150" << kOk << qint64(150) << 0 << "150";
    QTest::newRow("zero") << "0" << kOk << qint64(0) << 0 << "0";
    QTest::newRow("zero with fraction") << "0.000" << kOk << qint64(0) << 3 << "0.000";
    QTest::newRow("trailing zeros kept") << "7.2300" << kOk << qint64(72300) << 4 << "7.2300";
    QTest::newRow("leading zeros") << "007.5" << kOk << qint64(75) << 1 << "7.5";
    QTest::newRow("12 fraction digits") << "0.000000000001" << kOk << qint64(1) << 12 << "0.000000000001";
    QTest::newRow("18 significant") << "123456.789012345678" << kOk << qint64(123456789012345678) << 12
                                    << "123456.789012345678";
    QTest::newRow("leading zeros do not count")
        << "0000000000000000000001.5" << kOk << qint64(15) << 1 << "1.5";

    const int empty = int(MoneyError::RateEmpty);
    const int malformed = int(MoneyError::RateMalformed);
    const int negative = int(MoneyError::RateNegative);
    const int precise = int(MoneyError::RateTooPrecise);
    auto bad = [](const char *name, const QString &text, int error) {
        QTest::newRow(name) << text << error << qint64(0) << 0 << QString();
    };
    bad("empty", QString(), empty);
    bad("leading space", QStringLiteral(" 7.2"), malformed);
    bad("trailing space", QStringLiteral("7.2 "), malformed);
    bad("comma", QStringLiteral("7,2"), malformed);
    bad("plus", QStringLiteral("+1"), malformed);
    bad("exponent", QStringLiteral("1e3"), malformed);
    bad("hex", QStringLiteral("0x10"), malformed);
    bad("trailing dot", QStringLiteral("7."), malformed);
    bad("leading dot", QStringLiteral(".5"), malformed);
    bad("two dots", QStringLiteral("1.2.3"), malformed);
    bad("dot only", QStringLiteral("."), malformed);
    bad("minus only", QStringLiteral("-"), malformed);
    bad("double minus", QStringLiteral("--1"), malformed);
    bad("full-width", QStringLiteral("７.２"), malformed);
    bad("arabic-indic", QStringLiteral("٧.٢"), malformed);
    bad("embedded NUL", withNul(), malformed);
    bad("nan", QStringLiteral("NaN"), malformed);
    bad("negative", QStringLiteral("-7.2"), negative);
    bad("negative zero", QStringLiteral("-0"), negative);
    bad("13 fraction digits", QStringLiteral("1.0000000000001"), precise);
    bad("13 fraction zeros", QStringLiteral("1.0000000000000"), precise);
    bad("19 significant", QStringLiteral("1234567890123456789"), precise);
    bad("malformed beats negative", QStringLiteral("-7.2x"), malformed);
    bad("negative beats precision", QStringLiteral("-1.0000000000001"), negative);
}

void TestMoney::rateParse()
{
    QFETCH(QString, text);
    QFETCH(int, error);
    QFETCH(qint64, mantissa);
    QFETCH(int, scale);
    QFETCH(QString, canonical);

    const RateResult r = DecimalRate::parse(text);
    QCOMPARE(int(r.error()), error);
    if (r.ok()) {
        QCOMPARE(r->mantissa(), mantissa);
        QCOMPARE(r->scale(), scale);
        QCOMPARE(r->toString(), canonical);
        QCOMPARE(r->isZero(), mantissa == 0);
        // The canonical text reads back as the same rate.
        QVERIFY(DecimalRate::parse(r->toString()).value() == r.value());
    }
}

void TestMoney::rateParseHuge()
{
    const QString digits(1 << 20, QLatin1Char('7'));
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(int(DecimalRate::parse(digits).error()), int(MoneyError::RateTooPrecise));
    QCOMPARE(int(DecimalRate::parse(QStringLiteral("1.") + digits).error()), int(MoneyError::RateTooPrecise));
    QCOMPARE(int(DecimalRate::parse(digits + QLatin1Char('x')).error()), int(MoneyError::RateMalformed));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestMoney::convertMultiply_data()
{
    addConversionColumns();

    // Exact.
    QTest::newRow("CNY 100 x 0.1381") << qint64(10000) << "CNY"
                                      << "0.1381"
                                      << "USD" << kOk << qint64(1381);
    QTest::newRow("CNY 100 x 7") << qint64(10000) << "CNY"
                                 << "7"
                                 << "HKD" << kOk << qint64(70000);
    QTest::newRow("zero rate") << qint64(10000) << "CNY"
                               << "0"
                               << "USD" << kOk << qint64(0);
    QTest::newRow("zero amount") << qint64(0) << "CNY"
                                 << "7.2345"
                                 << "USD" << kOk << qint64(0);
    // Exactly half: to the even neighbour, both ways and for negative amounts.
    QTest::newRow("0.005 -> 0.00") << qint64(1) << "CNY"
                                   << "0.5"
                                   << "USD" << kOk << qint64(0);
    QTest::newRow("0.015 -> 0.02") << qint64(3) << "CNY"
                                   << "0.5"
                                   << "USD" << kOk << qint64(2);
    QTest::newRow("0.025 -> 0.02") << qint64(5) << "CNY"
                                   << "0.5"
                                   << "USD" << kOk << qint64(2);
    QTest::newRow("0.035 -> 0.04") << qint64(7) << "CNY"
                                   << "0.5"
                                   << "USD" << kOk << qint64(4);
    QTest::newRow("-0.005 -> 0.00") << qint64(-1) << "CNY"
                                    << "0.5"
                                    << "USD" << kOk << qint64(0);
    QTest::newRow("-0.015 -> -0.02") << qint64(-3) << "CNY"
                                     << "0.5"
                                     << "USD" << kOk << qint64(-2);
    QTest::newRow("-0.025 -> -0.02") << qint64(-5) << "CNY"
                                     << "0.5"
                                     << "USD" << kOk << qint64(-2);
    QTest::newRow("-0.035 -> -0.04") << qint64(-7) << "CNY"
                                     << "0.5"
                                     << "USD" << kOk << qint64(-4);
    // Just off half: ordinary rounding.
    QTest::newRow("0.02501 -> 0.03") << qint64(5) << "CNY"
                                     << "0.5002"
                                     << "USD" << kOk << qint64(3);
    QTest::newRow("0.02499 -> 0.02") << qint64(5) << "CNY"
                                     << "0.4998"
                                     << "USD" << kOk << qint64(2);
    QTest::newRow("-0.02501 -> -0.03") << qint64(-5) << "CNY"
                                       << "0.5002"
                                       << "USD" << kOk << qint64(-3);
    // Different minor digits on each side.
    QTest::newRow("JPY 1000 -> KWD") << qint64(1000) << "JPY"
                                     << "0.00201"
                                     << "KWD" << kOk << qint64(2010);
    QTest::newRow("JPY 1 -> KWD 2.5 fils -> 2") << qint64(1) << "JPY"
                                                << "0.0025"
                                                << "KWD" << kOk << qint64(2);
    QTest::newRow("JPY 3 -> KWD 7.5 fils -> 8") << qint64(3) << "JPY"
                                                << "0.0025"
                                                << "KWD" << kOk << qint64(8);
    QTest::newRow("KWD 1 -> JPY 497.5 -> 498") << qint64(1000) << "KWD"
                                               << "497.5"
                                               << "JPY" << kOk << qint64(498);
    QTest::newRow("KWD 1 -> JPY 496.5 -> 496") << qint64(1000) << "KWD"
                                               << "496.5"
                                               << "JPY" << kOk << qint64(496);
    QTest::newRow("CNY 1 -> KRW") << qint64(100) << "CNY"
                                  << "190.123"
                                  << "KRW" << kOk << qint64(190);
    QTest::newRow("JPY 1 -> KWD integer rate") << qint64(1) << "JPY"
                                               << "2"
                                               << "KWD" << kOk << qint64(2000);
    QTest::newRow("12-digit rate") << qint64(100000000) << "CNY"
                                   << "0.138123456789"
                                   << "USD" << kOk << qint64(13812346);
    // Extremes.
    QTest::newRow("max x 1") << kMax << "CNY"
                             << "1"
                             << "USD" << kOk << kMax;
    QTest::newRow("min x 1") << kMin << "JPY"
                             << "1"
                             << "KRW" << kOk << kMin;
    QTest::newRow("max x 1.0000") << kMax << "CNY"
                                  << "1.0000"
                                  << "USD" << kOk << kMax;
    QTest::newRow("max x 0.5") << kMax << "CNY"
                               << "0.5"
                               << "USD" << kOk << qint64(4611686018427387904);
    QTest::newRow("max x 2") << kMax << "CNY"
                             << "2"
                             << "USD" << int(MoneyError::Overflow) << qint64(0);
    QTest::newRow("min x 2") << kMin << "CNY"
                             << "2"
                             << "USD" << int(MoneyError::Overflow) << qint64(0);
    QTest::newRow("JPY max -> KWD") << kMax << "JPY"
                                    << "1"
                                    << "KWD" << int(MoneyError::Overflow) << qint64(0);
    QTest::newRow("beyond 128 bits") << kMax << "JPY"
                                     << "999999999999999999"
                                     << "KWD" << int(MoneyError::Overflow) << qint64(0);
    // Rate errors pass through.
    QTest::newRow("rate empty") << qint64(100) << "CNY"
                                << ""
                                << "USD" << int(MoneyError::RateEmpty) << qint64(0);
    QTest::newRow("rate malformed") << qint64(100) << "CNY"
                                    << "7,2"
                                    << "USD" << int(MoneyError::RateMalformed) << qint64(0);
    QTest::newRow("rate negative") << qint64(100) << "CNY"
                                   << "-7.2"
                                   << "USD" << int(MoneyError::RateNegative) << qint64(0);
    QTest::newRow("rate too precise") << qint64(100) << "CNY"
                                      << "0.1381000000001"
                                      << "USD" << int(MoneyError::RateTooPrecise) << qint64(0);
    QTest::newRow("invalid target") << qint64(100) << "CNY"
                                    << "7.2"
                                    << "" << int(MoneyError::InvalidCurrency) << qint64(0);
}

void TestMoney::convertMultiply()
{
    checkConversion(Conversion::Multiply);
}

void TestMoney::convertDivide_data()
{
    addConversionColumns();

    // The gateway's principal (CNY) = half-even(credit ÷ rate), rates in units per 1 CNY.
    QTest::newRow("USD 13.81 / 0.1381") << qint64(1381) << "USD"
                                        << "0.1381"
                                        << "CNY" << kOk << qint64(10000);
    QTest::newRow("USD 10 / 0.1381") << qint64(1000) << "USD"
                                     << "0.1381"
                                     << "CNY" << kOk << qint64(7241);
    QTest::newRow("JPY 1000 / 21.5") << qint64(1000) << "JPY"
                                     << "21.5"
                                     << "CNY" << kOk << qint64(4651);
    QTest::newRow("EUR 99.99 / 0.1276") << qint64(9999) << "EUR"
                                        << "0.1276"
                                        << "CNY" << kOk << qint64(78362);
    // Exactly half.
    QTest::newRow("0.005 -> 0.00") << qint64(1) << "USD"
                                   << "2"
                                   << "CNY" << kOk << qint64(0);
    QTest::newRow("0.015 -> 0.02") << qint64(3) << "USD"
                                   << "2"
                                   << "CNY" << kOk << qint64(2);
    QTest::newRow("0.025 -> 0.02") << qint64(5) << "USD"
                                   << "2"
                                   << "CNY" << kOk << qint64(2);
    QTest::newRow("-0.015 -> -0.02") << qint64(-3) << "USD"
                                     << "2"
                                     << "CNY" << kOk << qint64(-2);
    QTest::newRow("-0.025 -> -0.02") << qint64(-5) << "USD"
                                     << "2"
                                     << "CNY" << kOk << qint64(-2);
    QTest::newRow("-0.035 -> -0.04") << qint64(-7) << "USD"
                                     << "2"
                                     << "CNY" << kOk << qint64(-4);
    // Different minor digits.
    QTest::newRow("JPY 1000 / 497.5 -> KWD") << qint64(1000) << "JPY"
                                             << "497.5"
                                             << "KWD" << kOk << qint64(2010);
    QTest::newRow("KWD 1 / 0.002 -> JPY") << qint64(1000) << "KWD"
                                          << "0.002"
                                          << "JPY" << kOk << qint64(500);
    QTest::newRow("KWD 0.001 / 0.002 -> JPY 0.5 -> 0") << qint64(1) << "KWD"
                                                       << "0.002"
                                                       << "JPY" << kOk << qint64(0);
    QTest::newRow("KWD 0.003 / 0.002 -> JPY 1.5 -> 2") << qint64(3) << "KWD"
                                                       << "0.002"
                                                       << "JPY" << kOk << qint64(2);
    // Zero rate and other rate errors.
    QTest::newRow("zero") << qint64(100) << "USD"
                          << "0"
                          << "CNY" << int(MoneyError::RateZero) << qint64(0);
    QTest::newRow("zero with fraction") << qint64(100) << "USD"
                                        << "0.000000"
                                        << "CNY" << int(MoneyError::RateZero) << qint64(0);
    QTest::newRow("empty") << qint64(100) << "USD"
                           << ""
                           << "CNY" << int(MoneyError::RateEmpty) << qint64(0);
    QTest::newRow("negative") << qint64(100) << "USD"
                              << "-0.1381"
                              << "CNY" << int(MoneyError::RateNegative) << qint64(0);
    QTest::newRow("malformed") << qint64(100) << "USD"
                               << "0.13 81"
                               << "CNY" << int(MoneyError::RateMalformed) << qint64(0);
    // Overflow.
    QTest::newRow("max / tiny") << kMax << "CNY"
                                << "0.000000000001"
                                << "USD" << int(MoneyError::Overflow) << qint64(0);
    QTest::newRow("max / 1") << kMax << "CNY"
                             << "1"
                             << "USD" << kOk << kMax;
    QTest::newRow("min / 1") << kMin << "CNY"
                             << "1"
                             << "USD" << kOk << kMin;
    QTest::newRow("min / 0.5") << kMin << "CNY"
                               << "0.5"
                               << "USD" << int(MoneyError::Overflow) << qint64(0);
    QTest::newRow("invalid target") << qint64(100) << "USD"
                                    << "2"
                                    << "" << int(MoneyError::InvalidCurrency) << qint64(0);
}

void TestMoney::convertDivide()
{
    checkConversion(Conversion::Divide);
}

// For many amounts and rates, check the defining property of half-even rounding against the exact value
// a·m / 10^s (computed here with plain int64, small enough not to overflow): the result is within half a
// unit, and exactly half a unit away only when the result is even.
void TestMoney::convertHalfEvenProperty()
{
    const QStringList rates{QStringLiteral("0.5"),    QStringLiteral("0.25"),  QStringLiteral("0.125"),
                            QStringLiteral("1.5"),    QStringLiteral("0.006"), QStringLiteral("0.1381"),
                            QStringLiteral("7.2345"), QStringLiteral("2.5")};
    int ties = 0;
    for (const QString &rateText : rates) {
        const DecimalRate rate = DecimalRate::parse(rateText).value();
        qint64 scalePow = 1;
        for (int i = 0; i < rate.scale(); ++i)
            scalePow *= 10;
        for (qint64 a = -3000; a <= 3000; ++a) {
            const MoneyResult r = money(a, QStringLiteral("CNY")).multipliedByRate(rate);
            QVERIFY(r.ok());
            const qint64 exactScaled = a * rate.mantissa(); // value × 10^scale
            const qint64 diff = exactScaled - r->minorUnits() * scalePow;
            const qint64 twiceAbs = 2 * (diff < 0 ? -diff : diff);
            QVERIFY2(twiceAbs <= scalePow, qPrintable(QStringLiteral("%1 x %2").arg(a).arg(rateText)));
            if (twiceAbs == scalePow) {
                ++ties;
                QVERIFY2(r->minorUnits() % 2 == 0,
                         qPrintable(QStringLiteral("%1 x %2").arg(a).arg(rateText)));
            }
            // Dividing by the same rate is the inverse up to rounding: check the same property.
            if (!rate.isZero()) {
                const MoneyResult d =
                    money(a, QStringLiteral("CNY")).convertedByDividing(rate, cur(QStringLiteral("CNY")));
                QVERIFY(d.ok());
                // a / (m / 10^s) = a·10^s / m
                const qint64 num = a * scalePow;
                const qint64 ddiff = num - d->minorUnits() * rate.mantissa();
                const qint64 dtwice = 2 * (ddiff < 0 ? -ddiff : ddiff);
                QVERIFY(dtwice <= rate.mantissa());
                if (dtwice == rate.mantissa())
                    QVERIFY(d->minorUnits() % 2 == 0);
            }
        }
    }
    QVERIFY(ties > 100); // the property was exercised on real ties
}

void TestMoney::feeRate_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("rate");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("0.6% of 100.00") << qint64(10000) << "CNY"
                                    << "0.006" << kOk << qint64(60);
    QTest::newRow("0.6% of 0.10") << qint64(10) << "CNY"
                                  << "0.006" << kOk << qint64(0);
    QTest::newRow("1% of 12.50 tie -> 0.12") << qint64(1250) << "CNY"
                                             << "0.01" << kOk << qint64(12);
    QTest::newRow("1% of 13.50 tie -> 0.14") << qint64(1350) << "CNY"
                                             << "0.01" << kOk << qint64(14);
    QTest::newRow("0.5% of 1234.56") << qint64(123456) << "CNY"
                                     << "0.005" << kOk << qint64(617);
    QTest::newRow("1% of -12.50") << qint64(-1250) << "CNY"
                                  << "0.01" << kOk << qint64(-12);
    QTest::newRow("0.1% of JPY 1500 tie -> 2") << qint64(1500) << "JPY"
                                               << "0.001" << kOk << qint64(2);
    QTest::newRow("0.1% of JPY 2500 tie -> 2") << qint64(2500) << "JPY"
                                               << "0.001" << kOk << qint64(2);
    QTest::newRow("1.5% of KWD 1.001") << qint64(1001) << "KWD"
                                       << "0.015" << kOk << qint64(15);
    QTest::newRow("zero") << qint64(10000) << "CNY"
                          << "0" << kOk << qint64(0);
    QTest::newRow("200% overflow") << kMax << "CNY"
                                   << "2" << int(MoneyError::Overflow) << qint64(0);
    QTest::newRow("bad rate") << qint64(100) << "CNY"
                              << "0.6%" << int(MoneyError::RateMalformed) << qint64(0);
    QTest::newRow("negative rate") << qint64(100) << "CNY"
                                   << "-0.006" << int(MoneyError::RateNegative) << qint64(0);
}

void TestMoney::feeRate()
{
    QFETCH(qint64, amount);
    QFETCH(QString, code);
    QFETCH(QString, rate);
    QFETCH(int, error);
    QFETCH(qint64, expected);

    const MoneyResult r = money(amount, code).multipliedByRate(rate);
    QCOMPARE(int(r.error()), error);
    if (r.ok())
        QCOMPARE(r.value(), money(expected, code));
    QCOMPARE(int(Money().multipliedByRate(QStringLiteral("0.006")).error()),
             int(MoneyError::InvalidCurrency));
}

// ---------------------------------------------------------------- parsing

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("expected");

    auto ok = [](const char *name, const QString &text, const char *code, const char *locale, qint64 minor) {
        QTest::newRow(name) << text << QString::fromLatin1(code) << QString::fromLatin1(locale) << kOk
                            << minor;
    };
    auto bad = [](const char *name, const QString &text, const char *code, const char *locale,
                  MoneyParseError error) {
        QTest::newRow(name) << text << QString::fromLatin1(code) << QString::fromLatin1(locale) << int(error)
                            << qint64(0);
    };

    // English (US)
    ok("en grouped", QStringLiteral("1,234.50"), "CNY", "en_US", 123450);
    ok("en plain one decimal", QStringLiteral("1234.5"), "CNY", "en_US", 123450);
    ok("en yen sign", QStringLiteral("¥12"), "CNY", "en_US", 1200);
    ok("en trailing point", QStringLiteral("12."), "CNY", "en_US", 1200);
    ok("en leading point", QStringLiteral(".5"), "CNY", "en_US", 50);
    ok("en spaces around", QStringLiteral("   12   "), "CNY", "en_US", 1200);
    ok("en tab and newline around", QStringLiteral("\t12\n"), "CNY", "en_US", 1200);
    ok("en symbol space", QStringLiteral("¥ 1,234.50"), "CNY", "en_US", 123450);
    ok("en symbol after", QStringLiteral("1,234.50 ¥"), "CNY", "en_US", 123450);
    ok("en code before", QStringLiteral("CNY 12"), "CNY", "en_US", 1200);
    ok("en code after", QStringLiteral("12 CNY"), "CNY", "en_US", 1200);
    ok("en code lower case", QStringLiteral("cny12"), "CNY", "en_US", 1200);
    ok("en RMB", QStringLiteral("RMB 5"), "CNY", "en_US", 500);
    ok("en yuan character", QStringLiteral("12元"), "CNY", "en_US", 1200);
    ok("en full-width yen sign", QStringLiteral("￥12"), "CNY", "en_US", 1200);
    ok("en zero", QStringLiteral("0"), "CNY", "en_US", 0);
    ok("en zero decimals", QStringLiteral("0.00"), "CNY", "en_US", 0);
    ok("en extra zero decimals", QStringLiteral("1.230"), "CNY", "en_US", 123);
    ok("en leading zeros", QStringLiteral("000012"), "CNY", "en_US", 1200);
    ok("en millions", QStringLiteral("1,234,567.89"), "CNY", "en_US", 123456789);
    ok("en plus sign", QStringLiteral("+12"), "CNY", "en_US", 1200);
    ok("en em space", QStringLiteral("\u2003¥\u200312\u2003"), "CNY", "en_US", 1200);
    ok("en no-break space", QStringLiteral("¥\u00A012"), "CNY", "en_US", 1200);
    ok("USD dollar", QStringLiteral("$12"), "USD", "en_US", 1200);
    ok("USD US$", QStringLiteral("US$12.99"), "USD", "en_US", 1299);
    ok("USD in zh", QStringLiteral("US$ 12.99"), "USD", "zh_CN", 1299);
    ok("JPY yen", QStringLiteral("¥1,235"), "JPY", "en_US", 1235);
    ok("JPY JP yen", QStringLiteral("JP¥12"), "JPY", "en_US", 12);
    ok("JPY en character", QStringLiteral("1,235円"), "JPY", "en_US", 1235);
    ok("JPY trailing point", QStringLiteral("12."), "JPY", "en_US", 12);
    ok("JPY zero fraction", QStringLiteral("12.0"), "JPY", "en_US", 12);
    ok("KWD three decimals", QStringLiteral("1.234"), "KWD", "en_US", 1234);
    ok("KWD one fils", QStringLiteral("KWD 0.001"), "KWD", "en_US", 1);
    ok("KWD KD", QStringLiteral("KD 1"), "KWD", "en_US", 1000);
    ok("BHD", QStringLiteral("BHD 2.5"), "BHD", "en_US", 2500);
    ok("KRW", QStringLiteral("₩50,000"), "KRW", "ko_KR", 50000);
    ok("gateway bound CNY", QStringLiteral("90,000,000,000,000.00"), "CNY", "en_US", 9'000'000'000'000'000);
    ok("gateway bound JPY", QStringLiteral("9000000000000000"), "JPY", "en_US", 9'000'000'000'000'000);
    ok("leading zeros do not overflow", QString(5000, QLatin1Char('0')) + QLatin1Char('7'), "JPY", "en_US",
       7);
    ok("long zero fraction", QStringLiteral("1.") + QString(5000, QLatin1Char('0')), "CNY", "en_US", 100);

    // Chinese: full-width digits and punctuation from input methods.
    ok("zh full-width", QStringLiteral("１２３４．５"), "CNY", "zh_CN", 123450);
    ok("zh full-width grouped", QStringLiteral("１，２３４．５０"), "CNY", "zh_CN", 123450);
    ok("zh full-width comma only", QStringLiteral("1，234.50"), "CNY", "zh_CN", 123450);
    ok("zh full-width yen", QStringLiteral("￥１２"), "CNY", "zh_CN", 1200);
    ok("zh ideographic spaces", QStringLiteral("\u3000１２\u3000"), "CNY", "zh_CN", 1200);
    ok("zh yuan", QStringLiteral("12.5 元"), "CNY", "zh_CN", 1250);
    ok("zh renminbi", QStringLiteral("人民币100"), "CNY", "zh_CN", 10000);
    ok("zh ascii", QStringLiteral("¥1,234.50"), "CNY", "zh_CN", 123450);

    // German: '.' groups, ',' is the decimal point.
    ok("de grouped", QStringLiteral("1.234,50"), "CNY", "de_DE", 123450);
    ok("de plain", QStringLiteral("1234,5"), "CNY", "de_DE", 123450);
    ok("de trailing comma", QStringLiteral("12,"), "CNY", "de_DE", 1200);
    ok("de euro after", QStringLiteral("1.234,50 €"), "EUR", "de_DE", 123450);
    ok("de euro before", QStringLiteral("€1.234,50"), "EUR", "de_DE", 123450);
    ok("de three groups", QStringLiteral("1.234.567"), "JPY", "de_DE", 1234567);
    // French: narrow no-break space groups (or a plain space typed by hand).
    ok("fr narrow nbsp", QStringLiteral("1\u202F234,50"), "EUR", "fr_FR", 123450);
    ok("fr other space kinds", QStringLiteral("1\u2003234\u00A0567,50"), "EUR", "fr_FR", 123456750);
    ok("fr space", QStringLiteral("1 234,50 €"), "EUR", "fr_FR", 123450);
    // Swiss: typographic or typed apostrophe.
    ok("ch apostrophe", QStringLiteral("1’234.50"), "CHF", "de_CH", 123450);
    ok("ch typed apostrophe", QStringLiteral("CHF 1'234.50"), "CHF", "de_CH", 123450);
    // Indian grouping.
    ok("hi lakh grouping", QStringLiteral("12,34,567.00"), "INR", "hi_IN", 123456700);
    // Arabic-Indic digits in an Arabic locale.
    ok("ar digits", QStringLiteral("١٢٫٥"), "KWD", "ar_KW", 12500);
    ok("ar ascii digits", QStringLiteral("12"), "KWD", "ar_KW", 12000);
    ok("ar with marks", QStringLiteral("\u200F١٢ KWD"), "KWD", "ar_KW", 12000);
    // Japanese locale: CNY must be marked CN¥ but a plain number is fine.
    ok("ja CNY", QStringLiteral("CN¥1,234.50"), "CNY", "ja_JP", 123450);
    ok("ja JPY yen", QStringLiteral("¥1,235"), "JPY", "ja_JP", 1235);

    // Empty.
    bad("empty", QString(), "CNY", "en_US", MoneyParseError::Empty);
    bad("spaces", QStringLiteral("    "), "CNY", "en_US", MoneyParseError::Empty);
    bad("ideographic space", QStringLiteral("\u3000"), "CNY", "zh_CN", MoneyParseError::Empty);
    bad("tab", QStringLiteral("\t"), "CNY", "en_US", MoneyParseError::Empty);

    // Not a number.
    bad("letters", QStringLiteral("abc"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("symbol only", QStringLiteral("¥"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("minus only", QStringLiteral("-"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("point only", QStringLiteral("."), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("trailing letter", QStringLiteral("12a"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("letter inside", QStringLiteral("1a2"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("en comma decimal", QStringLiteral("1,5"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("en short last group", QStringLiteral("1,23"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("en long last group", QStringLiteral("1,2345"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("en leading separator", QStringLiteral(",123"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("en trailing separator", QStringLiteral("123,"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("en double separator", QStringLiteral("1,,234"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("en separator after point", QStringLiteral("1.234,5"), "KWD", "en_US", MoneyParseError::NotANumber);
    bad("en two points", QStringLiteral("1.2.3"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("en space inside", QStringLiteral("1 234"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("de point decimal", QStringLiteral("1.5"), "CNY", "de_DE", MoneyParseError::NotANumber);
    bad("de two commas", QStringLiteral("1,2,3"), "CNY", "de_DE", MoneyParseError::NotANumber);
    bad("parentheses", QStringLiteral("(12)"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("trailing minus", QStringLiteral("12-"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("double minus", QStringLiteral("--12"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("two markers", QStringLiteral("¥12 CNY"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("two symbols", QStringLiteral("¥¥12"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("unknown marker", QStringLiteral("12 XYZ"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("exponent", QStringLiteral("1e3"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("hex", QStringLiteral("0x10"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("NaN", QStringLiteral("NaN"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("infinity", QStringLiteral("∞"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("embedded NUL", withNul(), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("trailing NUL", QString(QStringLiteral("12") + QChar(0)), "CNY", "en_US",
        MoneyParseError::NotANumber);
    bad("control char", QStringLiteral("\u000112"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("escape", QStringLiteral("12\u001B[0m"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("DEL", QStringLiteral("12\u007F"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("zero-width space", QStringLiteral("1\u200B2"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("BOM", QStringLiteral("\uFEFF12"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("private use", QStringLiteral("12\uE000"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("lone surrogate", QString(QStringLiteral("12") + QChar(0xD800)), "CNY", "en_US",
        MoneyParseError::NotANumber);
    bad("superscript", QStringLiteral("1²"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("vulgar fraction", QStringLiteral("1½"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("math digits", QStringLiteral("𝟏𝟐"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("arabic digits in en", QStringLiteral("١٢"), "CNY", "en_US", MoneyParseError::NotANumber);
    bad("mixed digit scripts", QStringLiteral("١2"), "KWD", "ar_KW", MoneyParseError::NotANumber);
    bad("devanagari in zh", QStringLiteral("१२"), "CNY", "zh_CN", MoneyParseError::NotANumber);
    bad("chinese numerals", QStringLiteral("十二"), "CNY", "zh_CN", MoneyParseError::NotANumber);
    bad("cyrillic lookalike", QStringLiteral("12О"), "CNY", "en_US", MoneyParseError::NotANumber);

    // Another currency's marker.
    bad("dollar for CNY", QStringLiteral("$12"), "CNY", "en_US", MoneyParseError::CurrencyMismatch);
    bad("USD code for CNY", QStringLiteral("12 USD"), "CNY", "en_US", MoneyParseError::CurrencyMismatch);
    bad("euro for CNY", QStringLiteral("€5"), "CNY", "de_DE", MoneyParseError::CurrencyMismatch);
    bad("yen character for CNY", QStringLiteral("12円"), "CNY", "zh_CN", MoneyParseError::CurrencyMismatch);
    bad("yuan for JPY", QStringLiteral("12元"), "JPY", "zh_CN", MoneyParseError::CurrencyMismatch);
    bad("A$ for USD", QStringLiteral("A$12"), "USD", "en_US", MoneyParseError::CurrencyMismatch);

    // Negative.
    bad("minus", QStringLiteral("-12"), "CNY", "en_US", MoneyParseError::Negative);
    bad("minus before symbol", QStringLiteral("-¥12"), "CNY", "en_US", MoneyParseError::Negative);
    bad("minus after symbol", QStringLiteral("¥-12"), "CNY", "en_US", MoneyParseError::Negative);
    bad("minus space", QStringLiteral("- 12"), "CNY", "en_US", MoneyParseError::Negative);
    bad("unicode minus", QStringLiteral("−12"), "EUR", "sv_SE", MoneyParseError::Negative);
    bad("full-width minus", QStringLiteral("－１２"), "CNY", "zh_CN", MoneyParseError::Negative);
    bad("minus zero", QStringLiteral("-0"), "CNY", "en_US", MoneyParseError::Negative);
    bad("minus with yuan", QStringLiteral("-12 元"), "CNY", "zh_CN", MoneyParseError::Negative);
    bad("negative beats decimals", QStringLiteral("-1.234"), "CNY", "en_US", MoneyParseError::Negative);
    bad("negative beats overflow", QStringLiteral("-99999999999999999999"), "CNY", "en_US",
        MoneyParseError::Negative);
    bad("mismatch beats negative", QStringLiteral("-$12"), "CNY", "en_US", MoneyParseError::CurrencyMismatch);

    // Too many decimals for the currency.
    bad("CNY 3 decimals", QStringLiteral("1.234"), "CNY", "en_US", MoneyParseError::TooManyDecimals);
    bad("CNY 0.001", QStringLiteral("0.001"), "CNY", "en_US", MoneyParseError::TooManyDecimals);
    bad("JPY 1.5", QStringLiteral("1.5"), "JPY", "en_US", MoneyParseError::TooManyDecimals);
    bad("JPY de 1,5", QStringLiteral("1,5"), "JPY", "de_DE", MoneyParseError::TooManyDecimals);
    bad("KRW", QStringLiteral("₩10.01"), "KRW", "ko_KR", MoneyParseError::TooManyDecimals);
    bad("KWD 4 decimals", QStringLiteral("1.0001"), "KWD", "en_US", MoneyParseError::TooManyDecimals);
    bad("zh full-width", QStringLiteral("１．２３４"), "CNY", "zh_CN", MoneyParseError::TooManyDecimals);
    bad("decimals beat overflow", QStringLiteral("99999999999999999999.999"), "CNY", "en_US",
        MoneyParseError::TooManyDecimals);

    // Overflow: beyond the gateway's ±9×10^15 minor units.
    bad("JPY bound + 1", QStringLiteral("9000000000000001"), "JPY", "en_US", MoneyParseError::Overflow);
    bad("CNY bound + 0.01", QStringLiteral("90000000000000.01"), "CNY", "en_US", MoneyParseError::Overflow);
    bad("CNY int64 max", QStringLiteral("92233720368547758.07"), "CNY", "en_US", MoneyParseError::Overflow);
    bad("20 digits", QStringLiteral("99999999999999999999"), "CNY", "en_US", MoneyParseError::Overflow);
    bad("KWD", QStringLiteral("9,000,000,000,000.001"), "KWD", "en_US", MoneyParseError::Overflow);
    bad("full-width huge", QString(40, QChar(0xFF19)), "CNY", "zh_CN", MoneyParseError::Overflow);

    // No currency.
    QTest::newRow("invalid currency") << QStringLiteral("12") << QString() << QStringLiteral("en_US")
                                      << int(MoneyParseError::InvalidCurrency) << qint64(0);
}

void TestMoney::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(QString, locale);
    QFETCH(int, error);
    QFETCH(qint64, expected);

    const Currency currency = code.isEmpty() ? Currency() : cur(code);
    const MoneyParseResult r = Money::parse(text, currency, loc(locale));
    QCOMPARE(int(r.error()), error);
    QCOMPARE(r.ok(), error == kOk);
    if (r.ok()) {
        QCOMPARE(r.value(), Money(expected, currency));
        QVERIFY(r->isWithinGatewayBound());
    }
}

void TestMoney::parseHugeInputIsFast_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("error");

    const qsizetype mb = 1 << 20;
    QTest::newRow("1 MB digits") << QString(mb, QLatin1Char('9')) << int(MoneyParseError::Overflow);
    QTest::newRow("1 MB grouped digits")
        << (QStringLiteral("1") + QStringLiteral(",000").repeated(mb / 4)) << int(MoneyParseError::Overflow);
    QTest::newRow("1 MB full-width digits") << QString(mb, QChar(0xFF11)) << int(MoneyParseError::Overflow);
    QTest::newRow("1 MB letters") << QString(mb, QLatin1Char('a')) << int(MoneyParseError::NotANumber);
    QTest::newRow("1 MB spaces") << QString(mb, QLatin1Char(' ')) << int(MoneyParseError::Empty);
    QTest::newRow("1 MB NULs") << QString(mb, QChar(0)) << int(MoneyParseError::NotANumber);
    QTest::newRow("1 MB digits then letter")
        << (QString(mb, QLatin1Char('9')) + QLatin1Char('x')) << int(MoneyParseError::NotANumber);
    QTest::newRow("1 MB fraction digits")
        << (QStringLiteral("1.") + QString(mb, QLatin1Char('1'))) << int(MoneyParseError::TooManyDecimals);
    QTest::newRow("1 MB minus signs") << QString(mb, QLatin1Char('-')) << int(MoneyParseError::NotANumber);
    QTest::newRow("1 MB yen signs then 1")
        << (QString(mb, QChar(0x00A5)) + QLatin1Char('1')) << int(MoneyParseError::NotANumber);
}

void TestMoney::parseHugeInputIsFast()
{
    QFETCH(QString, text);
    QFETCH(int, error);
    QElapsedTimer timer;
    timer.start();
    const MoneyParseResult r = Money::parse(text, cur(QStringLiteral("CNY")), loc(QStringLiteral("zh_CN")));
    const qint64 elapsed = timer.elapsed();
    QCOMPARE(int(r.error()), error);
    // Generous for sanitizer builds on a slow machine; a quadratic parser takes minutes here.
    QVERIFY2(elapsed < 2000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
}

void TestMoney::fromDecimalString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("error");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("1234.50") << "1234.50"
                             << "CNY" << kOk << qint64(123450);
    QTest::newRow("-12.00") << "-12.00"
                            << "USD" << kOk << qint64(-1200);
    QTest::newRow("12") << "12"
                        << "CNY" << kOk << qint64(1200);
    QTest::newRow("12.5") << "12.5"
                          << "CNY" << kOk << qint64(1250);
    QTest::newRow("1.230") << "1.230"
                           << "CNY" << kOk << qint64(123);
    QTest::newRow("0") << "0"
                       << "JPY" << kOk << qint64(0);
    QTest::newRow("-0") << "-0"
                        << "JPY" << kOk << qint64(0);
    QTest::newRow("KWD") << "1.000"
                         << "KWD" << kOk << qint64(1000);
    QTest::newRow("JPY max") << "9223372036854775807"
                             << "JPY" << kOk << kMax;
    QTest::newRow("JPY min") << "-9223372036854775808"
                             << "JPY" << kOk << kMin;
    QTest::newRow("CNY max") << "92233720368547758.07"
                             << "CNY" << kOk << kMax;
    QTest::newRow("CNY min") << "-92233720368547758.08"
                             << "CNY" << kOk << kMin;
    QTest::newRow("CNY max via padding") << "92233720368547758.0"
                                         << "CNY" << kOk << qint64(9223372036854775800);
    QTest::newRow("JPY max + 1") << "9223372036854775808"
                                 << "JPY" << int(MoneyParseError::Overflow) << qint64(0);
    QTest::newRow("JPY min - 1") << "-9223372036854775809"
                                 << "JPY" << int(MoneyParseError::Overflow) << qint64(0);
    QTest::newRow("CNY max + 0.01") << "92233720368547758.08"
                                    << "CNY" << int(MoneyParseError::Overflow) << qint64(0);
    QTest::newRow("CNY padding overflows") << "92233720368547759"
                                           << "CNY" << int(MoneyParseError::Overflow) << qint64(0);
    QTest::newRow("huge") << QString(1 << 20, QLatin1Char('9')) << "JPY" << int(MoneyParseError::Overflow)
                          << qint64(0);
    QTest::newRow("too many decimals") << "1.234"
                                       << "CNY" << int(MoneyParseError::TooManyDecimals) << qint64(0);
    QTest::newRow("JPY decimals") << "1.5"
                                  << "JPY" << int(MoneyParseError::TooManyDecimals) << qint64(0);
    QTest::newRow("empty") << ""
                           << "CNY" << int(MoneyParseError::Empty) << qint64(0);
    const int nan = int(MoneyParseError::NotANumber);
    QTest::newRow("grouped") << "1,234.50"
                             << "CNY" << nan << qint64(0);
    QTest::newRow("space") << " 1"
                           << "CNY" << nan << qint64(0);
    QTest::newRow("plus") << "+1"
                          << "CNY" << nan << qint64(0);
    QTest::newRow("exponent") << "1e3"
                              << "CNY" << nan << qint64(0);
    QTest::newRow("leading point") << ".5"
                                   << "CNY" << nan << qint64(0);
    QTest::newRow("trailing point") << "12."
                                    << "CNY" << nan << qint64(0);
    QTest::newRow("double minus") << "--1"
                                  << "CNY" << nan << qint64(0);
    QTest::newRow("minus only") << "-"
                                << "CNY" << nan << qint64(0);
    QTest::newRow("full-width") << QStringLiteral("１２") << "CNY" << nan << qint64(0);
    QTest::newRow("embedded NUL") << withNul() << "CNY" << nan << qint64(0);
    QTest::newRow("symbol") << QStringLiteral("¥12") << "CNY" << nan << qint64(0);
}

void TestMoney::fromDecimalString()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    QFETCH(int, error);
    QFETCH(qint64, expected);
    const MoneyParseResult r = Money::fromDecimalString(text, cur(code));
    QCOMPARE(int(r.error()), error);
    if (r.ok())
        QCOMPARE(r.value(), money(expected, code));
    QCOMPARE(int(Money::fromDecimalString(QStringLiteral("1"), Currency()).error()),
             int(MoneyParseError::InvalidCurrency));
}

void TestMoney::decimalStringRoundTrip()
{
    const QList<qint64> values{0,   1,      -1,      5,         10,   99,   100,
                               101, 123450, -123450, 999999999, kMax, kMin, kMin + 1};
    for (const Currency &c : Currency::all()) {
        for (qint64 v : values) {
            const Money m(v, c);
            const QString text = m.toDecimalString();
            const MoneyParseResult back = Money::fromDecimalString(text, c);
            QVERIFY2(back.ok(), qPrintable(text));
            QCOMPARE(back.value(), m);
        }
    }
    QCOMPARE(money(123450, QStringLiteral("CNY")).toDecimalString(), QStringLiteral("1234.50"));
    QCOMPARE(money(-1200, QStringLiteral("USD")).toDecimalString(), QStringLiteral("-12.00"));
    QCOMPARE(money(1235, QStringLiteral("JPY")).toDecimalString(), QStringLiteral("1235"));
    QCOMPARE(money(1000, QStringLiteral("KWD")).toDecimalString(), QStringLiteral("1.000"));
    QCOMPARE(money(5, QStringLiteral("BHD")).toDecimalString(), QStringLiteral("0.005"));
    QCOMPARE(money(-5, QStringLiteral("CNY")).toDecimalString(), QStringLiteral("-0.05"));
    QCOMPARE(money(kMin, QStringLiteral("CNY")).toDecimalString(), QStringLiteral("-92233720368547758.08"));
    QCOMPARE(money(kMax, QStringLiteral("KWD")).toDecimalString(), QStringLiteral("9223372036854775.807"));
}

// ---------------------------------------------------------------- formatting

void TestMoney::format_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("formatted");
    QTest::addColumn<QString>("withCode");

    const QString nb(QChar(0x00A0));
    // English (US)
    QTest::newRow("en CNY") << qint64(123450) << "CNY"
                            << "en_US" << QStringLiteral("¥1,234.50")
                            << QString(QStringLiteral("CNY") + nb + QStringLiteral("1,234.50"));
    QTest::newRow("en CNY zero") << qint64(0) << "CNY"
                                 << "en_US" << QStringLiteral("¥0.00")
                                 << QString(QStringLiteral("CNY") + nb + QStringLiteral("0.00"));
    QTest::newRow("en CNY one fen") << qint64(1) << "CNY"
                                    << "en_US" << QStringLiteral("¥0.01")
                                    << QString(QStringLiteral("CNY") + nb + QStringLiteral("0.01"));
    QTest::newRow("en USD negative") << qint64(-1200) << "USD"
                                     << "en_US" << QStringLiteral("-$12.00")
                                     << QString(QStringLiteral("-USD") + nb + QStringLiteral("12.00"));
    QTest::newRow("en JPY") << qint64(123456) << "JPY"
                            << "en_US" << QStringLiteral("JP¥123,456")
                            << QString(QStringLiteral("JPY") + nb + QStringLiteral("123,456"));
    QTest::newRow("en KWD") << qint64(1234) << "KWD"
                            << "en_US" << QString(QStringLiteral("KWD") + nb + QStringLiteral("1.234"))
                            << QString(QStringLiteral("KWD") + nb + QStringLiteral("1.234"));
    QTest::newRow("en KWD negative fils")
        << qint64(-5) << "KWD"
        << "en_US" << QString(QStringLiteral("-KWD") + nb + QStringLiteral("0.005"))
        << QString(QStringLiteral("-KWD") + nb + QStringLiteral("0.005"));
    QTest::newRow("en CNY max") << kMax << "CNY"
                                << "en_US" << QStringLiteral("¥92,233,720,368,547,758.07")
                                << QString(QStringLiteral("CNY") + nb +
                                           QStringLiteral("92,233,720,368,547,758.07"));
    QTest::newRow("en CNY min") << kMin << "CNY"
                                << "en_US" << QStringLiteral("-¥92,233,720,368,547,758.08")
                                << QString(QStringLiteral("-CNY") + nb +
                                           QStringLiteral("92,233,720,368,547,758.08"));
    QTest::newRow("en JPY min") << kMin << "JPY"
                                << "en_US" << QStringLiteral("-JP¥9,223,372,036,854,775,808")
                                << QString(QStringLiteral("-JPY") + nb +
                                           QStringLiteral("9,223,372,036,854,775,808"));
    QTest::newRow("en KWD max")
        << kMax << "KWD"
        << "en_US" << QString(QStringLiteral("KWD") + nb + QStringLiteral("9,223,372,036,854,775.807"))
        << QString(QStringLiteral("KWD") + nb + QStringLiteral("9,223,372,036,854,775.807"));
    // Chinese
    QTest::newRow("zh CNY") << qint64(123450) << "CNY"
                            << "zh_CN" << QStringLiteral("¥1,234.50")
                            << QString(QStringLiteral("CNY") + nb + QStringLiteral("1,234.50"));
    QTest::newRow("zh CNY negative") << qint64(-123450) << "CNY"
                                     << "zh_CN" << QStringLiteral("-¥1,234.50")
                                     << QString(QStringLiteral("-CNY") + nb + QStringLiteral("1,234.50"));
    QTest::newRow("zh USD") << qint64(1200) << "USD"
                            << "zh_CN" << QStringLiteral("US$12.00")
                            << QString(QStringLiteral("USD") + nb + QStringLiteral("12.00"));
    QTest::newRow("zh JPY") << qint64(1235) << "JPY"
                            << "zh_CN" << QStringLiteral("JP¥1,235")
                            << QString(QStringLiteral("JPY") + nb + QStringLiteral("1,235"));
    QTest::newRow("zh KWD") << qint64(1000) << "KWD"
                            << "zh_CN" << QString(QStringLiteral("KWD") + nb + QStringLiteral("1.000"))
                            << QString(QStringLiteral("KWD") + nb + QStringLiteral("1.000"));
    QTest::newRow("zh CNY max") << kMax << "CNY"
                                << "zh_CN" << QStringLiteral("¥92,233,720,368,547,758.07")
                                << QString(QStringLiteral("CNY") + nb +
                                           QStringLiteral("92,233,720,368,547,758.07"));
    // German: symbol after, '.' groups, ',' decimal point.
    QTest::newRow("de CNY") << qint64(123450) << "CNY"
                            << "de_DE" << QString(QStringLiteral("1.234,50") + nb + QStringLiteral("¥"))
                            << QString(QStringLiteral("1.234,50") + nb + QStringLiteral("CNY"));
    QTest::newRow("de EUR negative") << qint64(-123450) << "EUR"
                                     << "de_DE"
                                     << QString(QStringLiteral("-1.234,50") + nb + QStringLiteral("€"))
                                     << QString(QStringLiteral("-1.234,50") + nb + QStringLiteral("EUR"));
    QTest::newRow("de JPY") << qint64(1235) << "JPY"
                            << "de_DE" << QString(QStringLiteral("1.235") + nb + QStringLiteral("JP¥"))
                            << QString(QStringLiteral("1.235") + nb + QStringLiteral("JPY"));
    QTest::newRow("de KWD negative") << qint64(-1234567) << "KWD"
                                     << "de_DE"
                                     << QString(QStringLiteral("-1.234,567") + nb + QStringLiteral("KWD"))
                                     << QString(QStringLiteral("-1.234,567") + nb + QStringLiteral("KWD"));
    QTest::newRow("de JPY max")
        << kMax << "JPY"
        << "de_DE" << QString(QStringLiteral("9.223.372.036.854.775.807") + nb + QStringLiteral("JP¥"))
        << QString(QStringLiteral("9.223.372.036.854.775.807") + nb + QStringLiteral("JPY"));
    QTest::newRow("de CNY min")
        << kMin << "CNY"
        << "de_DE" << QString(QStringLiteral("-92.233.720.368.547.758,08") + nb + QStringLiteral("¥"))
        << QString(QStringLiteral("-92.233.720.368.547.758,08") + nb + QStringLiteral("CNY"));
    // Others
    QTest::newRow("ja JPY") << qint64(1235) << "JPY"
                            << "ja_JP" << QStringLiteral("¥1,235")
                            << QString(QStringLiteral("JPY") + nb + QStringLiteral("1,235"));
    QTest::newRow("ja CNY") << qint64(100) << "CNY"
                            << "ja_JP" << QStringLiteral("CN¥1.00")
                            << QString(QStringLiteral("CNY") + nb + QStringLiteral("1.00"));
    QTest::newRow("sv EUR negative (unicode minus)")
        << qint64(-5) << "EUR"
        << "sv_SE" << QString(QStringLiteral("−0,05") + nb + QStringLiteral("€"))
        << QString(QStringLiteral("−0,05") + nb + QStringLiteral("EUR"));
    QTest::newRow("hi INR lakh") << qint64(123456789) << "INR"
                                 << "hi_IN" << QStringLiteral("₹12,34,567.89")
                                 << QString(QStringLiteral("INR") + nb + QStringLiteral("12,34,567.89"));
    QTest::newRow("ar KWD arabic digits")
        << qint64(12500) << "KWD"
        << "ar_KW" << QString(QStringLiteral("١٢٫٥٠٠") + nb + QStringLiteral("KWD"))
        << QString(QStringLiteral("١٢٫٥٠٠") + nb + QStringLiteral("KWD"));
}

void TestMoney::format()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, locale);
    QFETCH(QString, formatted);
    QFETCH(QString, withCode);
    const Money m = money(minor, code);
    QCOMPARE(m.format(loc(locale)), formatted);
    QCOMPARE(m.formatWithCode(loc(locale)), withCode);
}

void TestMoney::formatAmount_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("grouped");
    QTest::addColumn<QString>("plain");

    QTest::newRow("en CNY") << qint64(123450) << "CNY"
                            << "en_US"
                            << "1,234.50"
                            << "1234.50";
    QTest::newRow("en CNY negative") << qint64(-1200) << "CNY"
                                     << "en_US"
                                     << "-12.00"
                                     << "-12.00";
    QTest::newRow("en JPY") << qint64(1235) << "JPY"
                            << "en_US"
                            << "1,235"
                            << "1235";
    QTest::newRow("en KWD") << qint64(1234567) << "KWD"
                            << "en_US"
                            << "1,234.567"
                            << "1234.567";
    QTest::newRow("zh CNY") << qint64(123450) << "CNY"
                            << "zh_CN"
                            << "1,234.50"
                            << "1234.50";
    QTest::newRow("de CNY") << qint64(123450) << "CNY"
                            << "de_DE"
                            << "1.234,50"
                            << "1234,50";
    QTest::newRow("de JPY min") << kMin << "JPY"
                                << "de_DE"
                                << "-9.223.372.036.854.775.808"
                                << "-9223372036854775808";
    QTest::newRow("C locale") << qint64(123450) << "CNY"
                              << "C"
                              << "1234.50"
                              << "1234.50";
}

void TestMoney::formatAmount()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, locale);
    QFETCH(QString, grouped);
    QFETCH(QString, plain);
    const Money m = money(minor, code);
    QCOMPARE(m.formatAmount(loc(locale)), grouped);
    QCOMPARE(m.formatAmount(loc(locale), Money::Grouping::Plain), plain);
}

// What the app shows must read back as the same amount in the same locale (input fields are pre-filled
// with formatted amounts).
void TestMoney::formatParseRoundTrip()
{
    const QStringList locales{QStringLiteral("en_US"), QStringLiteral("zh_CN"), QStringLiteral("de_DE"),
                              QStringLiteral("fr_FR"), QStringLiteral("de_CH"), QStringLiteral("ja_JP"),
                              QStringLiteral("hi_IN"), QStringLiteral("ar_KW"), QStringLiteral("sv_SE"),
                              QStringLiteral("es_ES"), QStringLiteral("ko_KR"), QStringLiteral("en_AU"),
                              QStringLiteral("pt_BR"), QStringLiteral("zh_HK")};
    const QList<qint64> values{
        0,     1,      9,       10,        99,         100,         1234,
        12345, 123456, 1234567, 100000000, 1234567891, 98765432101, Money::kMaxAbsGatewayMinorUnits};
    int checked = 0;
    for (const QString &name : locales) {
        const QLocale l(name);
        for (const Currency &c : Currency::all()) {
            for (qint64 v : values) {
                const Money m(v, c);
                for (const QString &text : {m.format(l), m.formatWithCode(l), m.formatAmount(l),
                                            m.formatAmount(l, Money::Grouping::Plain)}) {
                    const MoneyParseResult back = Money::parse(text, c, l);
                    QVERIFY2(back.ok(),
                             qPrintable(QStringLiteral("%1 %2 [%3] -> %4")
                                            .arg(name, c.code(), text, moneyParseErrorCode(back.error()))));
                    QCOMPARE(back.value(), m);
                    ++checked;
                }
            }
        }
    }
    QVERIFY(checked > 1000);
}

// ---------------------------------------------------------------- errors, metatype

void TestMoney::errorCodesAndMessages()
{
    const QList<MoneyError> errors{MoneyError::InvalidCurrency, MoneyError::CurrencyMismatch,
                                   MoneyError::Overflow,        MoneyError::RateEmpty,
                                   MoneyError::RateMalformed,   MoneyError::RateNegative,
                                   MoneyError::RateZero,        MoneyError::RateTooPrecise};
    QSet<QString> codes;
    for (MoneyError e : errors) {
        const QString code = moneyErrorCode(e);
        QVERIFY(!code.isEmpty());
        QVERIFY(!moneyErrorMessage(e).isEmpty());
        codes.insert(code);
    }
    QCOMPARE(codes.size(), errors.size());
    QVERIFY(moneyErrorCode(MoneyError::None).isEmpty());
    QVERIFY(moneyErrorMessage(MoneyError::None).isEmpty());
    QCOMPARE(moneyErrorCode(MoneyError::CurrencyMismatch), QStringLiteral("currency_mismatch"));
    QCOMPARE(moneyErrorCode(MoneyError::RateZero), QStringLiteral("rate_zero"));

    const QList<MoneyParseError> parseErrors{
        MoneyParseError::Empty,           MoneyParseError::NotANumber, MoneyParseError::Negative,
        MoneyParseError::TooManyDecimals, MoneyParseError::Overflow,   MoneyParseError::CurrencyMismatch,
        MoneyParseError::InvalidCurrency};
    QSet<QString> parseCodes;
    for (MoneyParseError e : parseErrors) {
        const QString code = moneyParseErrorCode(e);
        QVERIFY(!code.isEmpty());
        QVERIFY(!moneyParseErrorMessage(e, cur(QStringLiteral("CNY"))).isEmpty());
        QVERIFY(!moneyParseErrorMessage(e).isEmpty());
        parseCodes.insert(code);
    }
    QCOMPARE(parseCodes.size(), parseErrors.size());
    QCOMPARE(moneyParseErrorCode(MoneyParseError::TooManyDecimals), QStringLiteral("too_many_decimals"));
    QCOMPARE(moneyParseErrorCode(MoneyParseError::NotANumber), QStringLiteral("not_a_number"));
    QVERIFY(moneyParseErrorCode(MoneyParseError::None).isEmpty());
    // The message tells the person what the currency allows.
    QVERIFY(moneyParseErrorMessage(MoneyParseError::TooManyDecimals, cur(QStringLiteral("JPY")))
                .contains(QStringLiteral("JPY")));
    QVERIFY(moneyParseErrorMessage(MoneyParseError::TooManyDecimals, cur(QStringLiteral("KWD")))
                .contains(QStringLiteral("3")));
    QVERIFY(moneyParseErrorMessage(MoneyParseError::CurrencyMismatch, cur(QStringLiteral("CNY")))
                .contains(QStringLiteral("CNY")));
}

void TestMoney::metaTypeAndDebug()
{
    const Money m = money(123450, QStringLiteral("CNY"));
    const QVariant v = QVariant::fromValue(m);
    QCOMPARE(v.value<Money>(), m);
    const QVariant cv = QVariant::fromValue(cur(QStringLiteral("KWD")));
    QVERIFY(cv.value<Currency>() == cur(QStringLiteral("KWD")));

    QString out;
    QDebug(&out) << m;
    QCOMPARE(out.trimmed(), QStringLiteral("Money(CNY 1234.50)")); // QDebug appends a space

    // MoneyExpected: value or error, never both.
    const MoneyResult good(m);
    QVERIFY(good.ok());
    QCOMPARE(*good, m);
    QCOMPARE(good.valueOr(Money()), m);
    const MoneyResult badResult(MoneyError::Overflow);
    QVERIFY(!badResult);
    QCOMPARE(int(badResult.error()), int(MoneyError::Overflow));
    QCOMPARE(badResult.valueOr(money(1, QStringLiteral("USD"))), money(1, QStringLiteral("USD")));
}

QTEST_GUILESS_MAIN(TestMoney)
#include "test_money.moc"
