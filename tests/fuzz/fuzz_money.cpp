// fuzz_money: bw::core::Money parsing, formatting and checked arithmetic (src/core/money.h).
//
// Input: byte 0 picks the currency, byte 1 the locale (en_US, zh_CN, de_DE, ja_JP) and an arithmetic
// factor, the rest is UTF-8 text. Properties:
// - Money::parse (what a person types): a result is non-negative, within the gateway bound, of the asked
//   currency; every display form of it (formatAmount grouped and plain, format, formatWithCode) parses back
//   to the same value in the same locale, and toDecimalString() reads back through fromDecimalString();
// - Money::fromDecimalString (the machine form): toDecimalString() of a result reads back equal;
// - DecimalRate::parse: toString() reads back equal;
// - checked arithmetic on a parsed value (add, subtract, negate, multiply, FX conversion, fees) never
//   overflows silently (UBSan watches) and add/subtract undo each other when both succeed.
#include "fuzz_support.h"

#include "core/money.h"

#include <QLocale>

using bw::core::Currency;
using bw::core::DecimalRate;
using bw::core::Money;

namespace {

QString show(const Money &money)
{
    return money.currency().code() + QLatin1Char(' ') + money.toDecimalString();
}

void checkReadsBack(const QString &form, const Money &money, const QLocale &locale, const char *what)
{
    const auto again = Money::parse(form, money.currency(), locale);
    BW_FUZZ_CHECK(again.ok() && again.value() == money,
                  QStringLiteral("%1 \"%2\" of %3 in %4 reads back as %5")
                      .arg(QLatin1String(what), form, show(money), locale.name(),
                           again.ok() ? show(again.value()) : bw::core::moneyParseErrorCode(again.error())));
}

void checkArithmetic(const Money &money, qint64 factor, const QString &text)
{
    const Money other(factor, money.currency());
    const auto sum = money.added(other);
    if (sum.ok()) {
        const auto back = sum.value().subtracted(other);
        BW_FUZZ_CHECK(back.ok() && back.value() == money, show(money));
    }
    (void)money.negated();
    (void)money.abs();
    (void)money.multipliedBy(factor);
    (void)money.compare(other);
    const auto rate = DecimalRate::parse(text);
    if (rate.ok()) {
        static const QList<Currency> currencies = Currency::all();
        const Currency &to = currencies.at(qsizetype(quint64(factor) % quint64(currencies.size())));
        (void)money.convertedByMultiplying(rate.value(), to);
        (void)money.convertedByDividing(rate.value(), to);
        (void)money.multipliedByRate(rate.value());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bw::fuzz::init();
    static const QList<Currency> currencies = Currency::all();
    static const QLocale locales[] = {
        QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::Chinese, QLocale::China),
        QLocale(QLocale::German, QLocale::Germany), QLocale(QLocale::Japanese, QLocale::Japan)};

    bw::fuzz::FuzzInput input(data, size);
    const Currency &currency = currencies.at(input.takeByte() % currencies.size());
    const uint8_t selector = input.takeByte();
    const QLocale &locale = locales[selector % 4];
    // Small, negative and huge factors all matter for overflow.
    const qint64 factors[] = {1, -1, 7, 100, -123456789, 1'000'000'007LL, INT64_MAX, INT64_MIN};
    const qint64 factor = factors[(selector >> 2) % 8];
    const QString text = QString::fromUtf8(input.rest());

    const auto typed = Money::parse(text, currency, locale);
    if (typed.ok()) {
        const Money &money = typed.value();
        BW_FUZZ_CHECK(money.currency() == currency, show(money));
        BW_FUZZ_CHECK(!money.isNegative() && money.isWithinGatewayBound(), show(money));
        checkReadsBack(money.formatAmount(locale, Money::Grouping::Grouped), money, locale, "formatAmount");
        checkReadsBack(money.formatAmount(locale, Money::Grouping::Plain), money, locale,
                       "plain formatAmount");
        checkReadsBack(money.format(locale), money, locale, "format");
        checkReadsBack(money.formatWithCode(locale), money, locale, "formatWithCode");
        const auto machine = Money::fromDecimalString(money.toDecimalString(), currency);
        BW_FUZZ_CHECK(machine.ok() && machine.value() == money, show(money));
        checkArithmetic(money, factor, text);
    } else {
        BW_FUZZ_CHECK(!bw::core::moneyParseErrorMessage(typed.error(), currency).isEmpty(), text);
    }

    const auto decimal = Money::fromDecimalString(text, currency);
    if (decimal.ok()) {
        const Money &money = decimal.value();
        const auto again = Money::fromDecimalString(money.toDecimalString(), currency);
        BW_FUZZ_CHECK(again.ok() && again.value() == money, show(money));
        (void)money.format(locale);
        (void)money.formatWithCode(locale);
        checkArithmetic(money, factor, text);
    }

    const auto rate = DecimalRate::parse(text);
    if (rate.ok()) {
        const auto again = DecimalRate::parse(rate.value().toString());
        BW_FUZZ_CHECK(again.ok() && again.value() == rate.value(), rate.value().toString());
    }
    return 0;
}
