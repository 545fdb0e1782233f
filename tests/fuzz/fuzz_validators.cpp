// fuzz_validators: every validator of src/core — card number, expiry and CVC, IBAN and account number,
// e-mail, name, phone, resident identity number, password and PIN policy — and the CSV reader.
//
// Input: byte 0 picks the check, the rest is UTF-8 text (a second field, where a check takes one, follows
// a 0x1F unit separator). Properties: no crash or UB on anything; a refusal has a contract code, a reason
// and a translated message; an accepted value is normalized, so validating its normalized form again
// accepts it unchanged (idempotence), and the derived forms (masked, grouped, formatted, last4) can be
// computed. CSV: a parsed table written back with csvQuote reads back as the same table.
#include "fuzz_support.h"

#include "core/card_validator.h"
#include "core/csv.h"
#include "core/email_validator.h"
#include "core/iban_validator.h"
#include "core/name_validator.h"
#include "core/password_policy.h"
#include "core/phone_validator.h"
#include "core/pin_policy.h"
#include "core/resident_id_validator.h"

#include <QDate>
#include <QStringList>

using namespace bw::core;

namespace {

const QDate kToday(2026, 11, 27);

template<typename T>
void checkRefusal(const ValidationResult<T> &result, const QString &input)
{
    if (result.ok())
        return;
    BW_FUZZ_CHECK(result.code() != ValidationCode::None, input);
    BW_FUZZ_CHECK(!result.codeString().isEmpty() && !result.message().isEmpty(), input);
    BW_FUZZ_CHECK(validationCodeFromString(result.codeString()) == result.code(), result.codeString());
}

void cardNumber(const QString &text)
{
    const auto result = CardValidator::validateNumber(text);
    checkRefusal(result, text);
    (void)CardValidator::detectBrand(text);
    (void)CardValidator::luhnValid(text);
    if (!result.ok())
        return;
    const CardNumber &card = result.value();
    BW_FUZZ_CHECK(CardValidator::luhnValid(card.digits), card.digits);
    const auto again = CardValidator::validateNumber(card.grouped());
    BW_FUZZ_CHECK(again.ok() && again.value().digits == card.digits && again.value().brand == card.brand,
                  card.grouped());
    BW_FUZZ_CHECK(card.masked().endsWith(card.last4()), card.masked());
    BW_FUZZ_CHECK(!cardBrandCode(card.brand).isEmpty() && !cardBrandDisplayName(card.brand).isEmpty(), text);
}

void cardExpiry(const QString &text, const QString &second)
{
    checkRefusal(CardValidator::validateExpiry(text, kToday), text);
    checkRefusal(CardValidator::validateExpiry(text, second, kToday), text);
    const QByteArray bytes = text.toUtf8();
    if (bytes.size() >= 2) {
        // Whole int range, so the year arithmetic (2000 + yy) is exercised near overflow.
        const int month = int(qint8(bytes.at(0))) * (bytes.size() > 2 ? 1 << 24 : 1);
        const int year = int(quint8(bytes.at(1))) * (bytes.size() > 3 ? -(1 << 23) : 16);
        const auto result = CardValidator::validateExpiry(month, year, kToday);
        checkRefusal(result, text);
        if (result.ok())
            BW_FUZZ_CHECK(result.value().month >= 1 && result.value().month <= 12, text);
    }
}

void cvc(const QString &text, uint8_t selector)
{
    const CardBrand brands[] = {CardBrand::Visa, CardBrand::Mastercard, CardBrand::UnionPay, CardBrand::Amex,
                                CardBrand::Jcb};
    const auto result = CardValidator::validateCvc(text, brands[selector % 5]);
    checkRefusal(result, text);
}

void iban(const QString &text)
{
    const auto result = IbanValidator::validate(text);
    checkRefusal(result, text);
    (void)IbanValidator::format(text);
    (void)IbanValidator::expectedLength(text);
    if (!result.ok())
        return;
    const Iban &value = result.value();
    BW_FUZZ_CHECK(value.compact.size() == IbanValidator::expectedLength(value.countryCode()), value.compact);
    const auto again = IbanValidator::validate(value.formatted());
    BW_FUZZ_CHECK(again.ok() && again.value().compact == value.compact, value.formatted());
    (void)value.last4();
}

void accountNumber(const QString &text)
{
    const auto result = IbanValidator::validateAccountNumber(text);
    checkRefusal(result, text);
    if (!result.ok())
        return;
    const auto again = IbanValidator::validateAccountNumber(result.value().digits);
    BW_FUZZ_CHECK(again.ok() && again.value().digits == result.value().digits, text);
    (void)result.value().last4();
}

void email(const QString &text)
{
    const auto result = EmailValidator::validate(text);
    checkRefusal(result, text);
    if (!result.ok())
        return;
    const QString address = result.value().address();
    const auto again = EmailValidator::validate(address);
    BW_FUZZ_CHECK(again.ok() && again.value().address() == address, address);
}

void name(const QString &text)
{
    const auto result = NameValidator::validate(text);
    checkRefusal(result, text);
    if (!result.ok())
        return;
    const auto again = NameValidator::validate(result.value());
    BW_FUZZ_CHECK(again.ok() && again.value() == result.value(), result.value());
}

void phone(const QString &text, const QString &defaultCountry)
{
    (void)PhoneValidator::countryCodeLength(text);
    (void)PhoneValidator::maskNationalNumber(text);
    for (const QString &country : {QString(), defaultCountry}) {
        const auto result = PhoneValidator::validate(text, country);
        checkRefusal(result, text);
        if (!result.ok())
            continue;
        const PhoneNumber &number = result.value();
        const auto again = PhoneValidator::validate(number.e164());
        BW_FUZZ_CHECK(again.ok() && again.value().e164() == number.e164(), number.e164());
        const QString masked = number.masked();
        BW_FUZZ_CHECK(!masked.contains(number.nationalNumber) || number.nationalNumber.isEmpty(), masked);
    }
}

void residentId(const QString &text, const QString &dateOfBirth)
{
    (void)ResidentIdValidator::checkCharacter(text);
    const QDate parsed = ResidentIdValidator::parseIsoDate(dateOfBirth);
    (void)ResidentIdValidator::ageAt(parsed, kToday);
    checkRefusal(ResidentIdValidator::validate(text, dateOfBirth, kToday), text);
    const auto result = ResidentIdValidator::validate(text, kToday);
    checkRefusal(result, text);
    if (!result.ok())
        return;
    const ResidentId &id = result.value();
    const auto again = ResidentIdValidator::validate(id.number, id.birthDate, kToday);
    BW_FUZZ_CHECK(again.ok() && again.value().number == id.number, id.number);
    BW_FUZZ_CHECK(id.ageAt(kToday) >= 0, id.number);
    (void)id.isMale();
    (void)id.regionCode();
    BW_FUZZ_CHECK(id.masked().size() == id.number.size(), id.masked());
}

void password(const QString &text, const QString &second)
{
    const QStringList extra = second.split(QChar(0x1f));
    const QString phone = extra.value(0);
    const QString fullName = extra.value(1);
    const auto result = PasswordPolicy::check(text, phone, fullName);
    checkRefusal(result, text);
    (void)PasswordPolicy::isCommon(text);
    if (!result.ok())
        return;
    // What the gateway hashes is the normalized form: it must pass the same policy.
    const auto again = PasswordPolicy::check(result.value(), phone, fullName);
    BW_FUZZ_CHECK(again.ok() && again.value() == result.value(), result.value());
}

void pin(const QString &text, const QString &birth)
{
    const QDate birthDate = ResidentIdValidator::parseIsoDate(birth);
    const auto result = PinPolicy::check(text, birthDate);
    checkRefusal(result, text);
    if (result.ok())
        BW_FUZZ_CHECK(result.value() == text && text.size() == 6, text);
}

void csv(const QByteArray &bytes)
{
    const CsvResult result = parseCsv(bytes);
    if (!result.ok()) {
        BW_FUZZ_CHECK(!result.error().summary().isEmpty(), QString());
        return;
    }
    const CsvTable &table = result.value();
    // Always after a byte-order mark, so a first field starting with U+FEFF survives.
    QByteArray written = csvByteOrderMark();
    for (const QStringList &record : table.records) {
        QStringList quoted;
        for (const QString &field : record)
            quoted.append(csvQuote(field));
        written += quoted.join(QLatin1Char(',')).toUtf8() + "\r\n";
        (void)csvTextRecord(record);
    }
    const CsvResult again = parseCsv(written);
    BW_FUZZ_CHECK(again.ok(), again.error().summary());
    BW_FUZZ_CHECK(again.value().records == table.records, QString::fromUtf8(written));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bw::fuzz::init();
    bw::fuzz::FuzzInput input(data, size);
    const uint8_t selector = input.takeByte();
    const QByteArray payload = input.rest();
    if (selector % 12 == 11) {
        csv(payload);
        return 0;
    }
    const QString all = QString::fromUtf8(payload);
    const qsizetype split = all.indexOf(QChar(0x1f));
    const QString text = split < 0 ? all : all.left(split);
    const QString second = split < 0 ? QString() : all.mid(split + 1);
    switch (selector % 12) {
    case 0:
        cardNumber(text);
        break;
    case 1:
        cardExpiry(text, second);
        break;
    case 2:
        cvc(text, selector / 12);
        break;
    case 3:
        iban(text);
        break;
    case 4:
        accountNumber(text);
        break;
    case 5:
        email(text);
        break;
    case 6:
        name(text);
        break;
    case 7:
        phone(text, second);
        break;
    case 8:
        residentId(text, second);
        break;
    case 9:
        password(text, second);
        break;
    case 10:
        pin(text, second);
        break;
    }
    return 0;
}
