// Resident identity number, phone, e-mail and name validators.

#include "core/email_validator.h"
#include "core/name_validator.h"
#include "core/phone_validator.h"
#include "core/resident_id_validator.h"
#include "hostile_input.h"

#include <QTest>

using namespace bw::core;
using namespace bw::test;

namespace {
const QDate kToday(2025, 6, 15);
}

class TestIdentityValidators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void residentIdValid_data();
    void residentIdValid();
    void residentIdInvalid_data();
    void residentIdInvalid();
    void residentIdCheckCharacter();
    void residentIdDateOfBirth_data();
    void residentIdDateOfBirth();
    void age_data();
    void age();
    void phoneValid_data();
    void phoneValid();
    void phoneInvalid_data();
    void phoneInvalid();
    void phoneDefaultCountry();
    void phoneMasking_data();
    void phoneMasking();
    void emailValid_data();
    void emailValid();
    void emailInvalid_data();
    void emailInvalid();
    void nameValid_data();
    void nameValid();
    void nameInvalid_data();
    void nameInvalid();
    void hugeInputsAreRefusedQuickly();
};

void TestIdentityValidators::residentIdValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<bool>("male");

    // The standard's well-known example, then numbers whose check characters were computed once and are kept
    // as literals (so a change to the algorithm cannot silently change the expectation).
    QTest::newRow("GB 11643 example") << "11010519491231002X"
                                      << "11010519491231002X" << QDate(1949, 12, 31) << false;
    QTest::newRow("lower-case x") << "11010519491231002x"
                                  << "11010519491231002X" << QDate(1949, 12, 31) << false;
    QTest::newRow("surrounding spaces") << " 11010519491231002X\n"
                                        << "11010519491231002X" << QDate(1949, 12, 31) << false;
    QTest::newRow("check 2") << "440308199901010012"
                             << "440308199901010012" << QDate(1999, 1, 1) << true;
    QTest::newRow("leap day 2000") << "310115200002291235"
                                   << "310115200002291235" << QDate(2000, 2, 29) << true;
    QTest::newRow("check 9") << "320102201006150039"
                             << "320102201006150039" << QDate(2010, 6, 15) << true;
    QTest::newRow("check 9 male") << "510107198001017899"
                                  << "510107198001017899" << QDate(1980, 1, 1) << true;
    QTest::newRow("check 8") << "440308200906150028"
                             << "440308200906150028" << QDate(2009, 6, 15) << false;
    QTest::newRow("check 0 under 16") << "110105201003010006"
                                      << "110105201003010006" << QDate(2010, 3, 1) << false;
    QTest::newRow("check 4") << "110105201002280004"
                             << "110105201002280004" << QDate(2010, 2, 28) << false;
}

void TestIdentityValidators::residentIdValid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);
    QFETCH(QDate, birth);
    QFETCH(bool, male);

    const auto result = ResidentIdValidator::validate(input, kToday);
    QVERIFY2(result.ok(), qPrintable(validationReasonString(result.reason())));
    QCOMPARE(result->number, normalized);
    QCOMPARE(result->birthDate, birth);
    QCOMPARE(result->isMale(), male);
    QCOMPARE(result->regionCode(), normalized.left(6));
    QCOMPARE(result->masked(), normalized.left(1) + QString(16, u'*') + normalized.right(1));
}

void TestIdentityValidators::residentIdInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<ValidationReason>("reason");

    QTest::newRow("empty") << "" << ValidationReason::Empty;
    QTest::newRow("blank") << "  " << ValidationReason::Empty;
    QTest::newRow("17 characters") << "11010519491231002" << ValidationReason::BadLength;
    QTest::newRow("19 characters") << "11010519491231002X0" << ValidationReason::BadLength;
    QTest::newRow("15-digit first generation") << "110105491231002" << ValidationReason::BadLength;
    QTest::newRow("inner space") << "110105 19491231002X" << ValidationReason::BadLength;
    QTest::newRow("wrong check digit") << "110105194912310021" << ValidationReason::BadChecksum;
    QTest::newRow("X where digit belongs") << "44030819990101001X" << ValidationReason::BadChecksum;
    QTest::newRow("transposed digits") << "11010519491213002X" << ValidationReason::BadChecksum;
    QTest::newRow("letter inside") << "1101051949123100AX" << ValidationReason::InvalidCharacters;
    QTest::newRow("Y as check") << "11010519491231002Y" << ValidationReason::InvalidCharacters;
    QTest::newRow("full-width digits")
        << fullWidth("11010519491231002") + u'X' << ValidationReason::InvalidCharacters;
    QTest::newRow("full-width X") << QStringLiteral("11010519491231002Ｘ")
                                  << ValidationReason::InvalidCharacters;
    QTest::newRow("embedded NUL") << withNul("1101051949123100", "X") << ValidationReason::InvalidCharacters;
    QTest::newRow("RTL marks") << withRtlMarks("1101051949123100") << ValidationReason::InvalidCharacters;
    // Check characters computed for the bad dates, so only the date is wrong.
    QTest::newRow("30 February") << "11010519900230001X" << ValidationReason::BadBirthDate;
    QTest::newRow("born tomorrow") << "440308200906160023" << ValidationReason::FutureBirthDate;
    QTest::newRow("born 2025-06-16") << "110105202506160019" << ValidationReason::FutureBirthDate;
    QTest::newRow("megabyte") << megabyteOf(u'1') << ValidationReason::TooLong;
}

void TestIdentityValidators::residentIdInvalid()
{
    QFETCH(QString, input);
    QFETCH(ValidationReason, reason);

    // "today" is 2009-06-15 for the birthday rows, 2025-06-15 otherwise: both fixed, never the clock.
    const QDate today = QString::fromLatin1(QTest::currentDataTag()) == QLatin1StringView("born tomorrow")
                            ? QDate(2009, 6, 15)
                            : kToday;
    BW_EXPECT_REFUSED(ResidentIdValidator::validate(input, today), ValidationCode::InvalidDocumentNumber,
                      "invalid_document_number", reason);
}

void TestIdentityValidators::residentIdCheckCharacter()
{
    QCOMPARE(ResidentIdValidator::checkCharacter(u"11010519491231002"), QChar(u'X'));
    QCOMPARE(ResidentIdValidator::checkCharacter(u"44030819990101001"), QChar(u'2'));
    QCOMPARE(ResidentIdValidator::checkCharacter(u"11010520100301000"), QChar(u'6'));
    QCOMPARE(ResidentIdValidator::checkCharacter(u"1101051949123100"), QChar());
    QCOMPARE(ResidentIdValidator::checkCharacter(u"1101051949123100A"), QChar());
    // The born-today number is valid on its birthday and was refused the day before.
    QVERIFY(ResidentIdValidator::validate(u"440308200906150028", QDate(2009, 6, 15)).ok());
    QCOMPARE(ResidentIdValidator::validate(u"440308200906150028", QDate(2009, 6, 14)).reason(),
             ValidationReason::FutureBirthDate);
    // A default-constructed value (no number) answers without reading past the end of its empty number.
    QVERIFY(!ResidentId().isMale());
    QCOMPARE(ResidentId().masked(), QString());
}

void TestIdentityValidators::residentIdDateOfBirth_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("dateOfBirth");
    QTest::addColumn<ValidationCode>("code");
    QTest::addColumn<ValidationReason>("reason");

    QTest::newRow("matches") << "11010519491231002X"
                             << "1949-12-31" << ValidationCode::None << ValidationReason::None;
    QTest::newRow("different day") << "11010519491231002X"
                                   << "1949-12-30" << ValidationCode::DocumentMismatch
                                   << ValidationReason::BirthDateMismatch;
    QTest::newRow("not a real date") << "11010519491231002X"
                                     << "1949-02-30" << ValidationCode::DocumentMismatch
                                     << ValidationReason::BadBirthDate;
    QTest::newRow("wrong format") << "11010519491231002X"
                                  << "31/12/1949" << ValidationCode::DocumentMismatch
                                  << ValidationReason::BadBirthDate;
    QTest::newRow("no leading zeros")
        << "11010519491231002X"
        << "1949-12-3" << ValidationCode::DocumentMismatch << ValidationReason::BadBirthDate;
    QTest::newRow("empty date") << "11010519491231002X"
                                << "" << ValidationCode::DocumentMismatch << ValidationReason::BadBirthDate;
    QTest::newRow("full-width date") << "11010519491231002X" << fullWidth("1949-12-31")
                                     << ValidationCode::DocumentMismatch << ValidationReason::BadBirthDate;
    QTest::newRow("year 0000") << "11010519491231002X"
                               << "0000-12-31" << ValidationCode::DocumentMismatch
                               << ValidationReason::BadBirthDate;
    // The contract's order: a bad number wins over a bad date of birth.
    QTest::newRow("bad number first")
        << "110105194912310021"
        << "1900-01-01" << ValidationCode::InvalidDocumentNumber << ValidationReason::BadChecksum;
}

void TestIdentityValidators::residentIdDateOfBirth()
{
    QFETCH(QString, number);
    QFETCH(QString, dateOfBirth);
    QFETCH(ValidationCode, code);
    QFETCH(ValidationReason, reason);

    const auto result = ResidentIdValidator::validate(number, QStringView(dateOfBirth), kToday);
    QCOMPARE(result.code(), code);
    QCOMPARE(result.reason(), reason);
    if (code == ValidationCode::DocumentMismatch) {
        QCOMPARE(result.codeString(), QStringLiteral("document_mismatch"));
        QVERIFY(!result.message().isEmpty());
    }
}

void TestIdentityValidators::age_data()
{
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<QDate>("at");
    QTest::addColumn<int>("age");

    QTest::newRow("day before 16th birthday") << QDate(2009, 6, 15) << QDate(2025, 6, 14) << 15;
    QTest::newRow("16th birthday") << QDate(2009, 6, 15) << QDate(2025, 6, 15) << 16;
    QTest::newRow("born today") << QDate(2025, 6, 15) << QDate(2025, 6, 15) << 0;
    QTest::newRow("1949") << QDate(1949, 12, 31) << QDate(2025, 6, 15) << 75;
    QTest::newRow("leap day, common year Feb 28") << QDate(2000, 2, 29) << QDate(2021, 2, 28) << 20;
    QTest::newRow("leap day, common year Mar 1") << QDate(2000, 2, 29) << QDate(2021, 3, 1) << 21;
    QTest::newRow("leap day, leap year") << QDate(2000, 2, 29) << QDate(2024, 2, 29) << 24;
    QTest::newRow("before birth") << QDate(2025, 6, 16) << QDate(2025, 6, 15) << -1;
    QTest::newRow("invalid") << QDate() << QDate(2025, 6, 15) << -1;
}

void TestIdentityValidators::age()
{
    QFETCH(QDate, birth);
    QFETCH(QDate, at);
    QFETCH(int, age);
    QCOMPARE(ResidentIdValidator::ageAt(birth, at), age);
}

void TestIdentityValidators::phoneValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("countryCode");
    QTest::addColumn<QString>("national");

    QTest::newRow("+86 compact") << "+8613800138000"
                                 << "+8613800138000"
                                 << "86"
                                 << "13800138000";
    QTest::newRow("+86 spaced") << "+86 138 0013 8000"
                                << "+8613800138000"
                                << "86"
                                << "13800138000";
    QTest::newRow("+86 dashes") << "+86-138-0013-8000"
                                << "+8613800138000"
                                << "86"
                                << "13800138000";
    QTest::newRow("0086") << "0086 138 0013 8000"
                          << "+8613800138000"
                          << "86"
                          << "13800138000";
    QTest::newRow("0086 compact") << "008619912345678"
                                  << "+8619912345678"
                                  << "86"
                                  << "19912345678";
    QTest::newRow("surrounding whitespace") << "  +8613800138000 "
                                            << "+8613800138000"
                                            << "86"
                                            << "13800138000";
    QTest::newRow("US") << "+1 202-555-0100"
                        << "+12025550100"
                        << "1"
                        << "2025550100";
    QTest::newRow("UK") << "+44 7911 123456"
                        << "+447911123456"
                        << "44"
                        << "7911123456";
    QTest::newRow("Hong Kong") << "+852 5123 4567"
                               << "+85251234567"
                               << "852"
                               << "51234567";
    QTest::newRow("Germany 0049") << "0049 1512 3456789"
                                  << "+4915123456789"
                                  << "49"
                                  << "15123456789";
    QTest::newRow("Russia") << "+7 912 345 67 89"
                            << "+79123456789"
                            << "7"
                            << "9123456789";
    QTest::newRow("Niue 4 digits") << "+683 4002"
                                   << "+6834002"
                                   << "683"
                                   << "4002";
    QTest::newRow("15 digits geographic") << "+49 1234 5678 9012 3"
                                          << "+491234567890123"
                                          << "49"
                                          << "1234567890123";
}

void TestIdentityValidators::phoneValid()
{
    QFETCH(QString, input);
    QFETCH(QString, e164);
    QFETCH(QString, countryCode);
    QFETCH(QString, national);

    const auto result = PhoneValidator::validate(input);
    QVERIFY2(result.ok(), qPrintable(validationReasonString(result.reason())));
    QCOMPARE(result->e164(), e164);
    QCOMPARE(result->countryCode, countryCode);
    QCOMPARE(result->nationalNumber, national);
}

void TestIdentityValidators::phoneInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<ValidationReason>("reason");

    QTest::newRow("empty") << "" << ValidationReason::Empty;
    QTest::newRow("blank") << "   " << ValidationReason::Empty;
    QTest::newRow("plus only") << "+" << ValidationReason::InvalidCharacters;
    QTest::newRow("national only") << "13800138000" << ValidationReason::MissingCountryCode;
    QTest::newRow("single 0 prefix") << "086 13800138000" << ValidationReason::MissingCountryCode;
    QTest::newRow("+86 10 digits") << "+86 138 0013 800" << ValidationReason::NotMobile;
    QTest::newRow("+86 12 digits") << "+86 138 0013 80000" << ValidationReason::NotMobile;
    QTest::newRow("+86 landline") << "+86 10 6552 9988" << ValidationReason::NotMobile;
    QTest::newRow("+86 11 digits not 1") << "+86 238 0013 8000" << ValidationReason::NotMobile;
    QTest::newRow("0086 not mobile") << "0086 010 65529988" << ValidationReason::NotMobile;
    QTest::newRow("16 digits") << "+49 1234 5678 9012 34" << ValidationReason::TooLong;
    QTest::newRow("unknown code 999") << "+999 1234 5678" << ValidationReason::UnknownCountryCode;
    QTest::newRow("unknown code 0") << "+0 1234 5678" << ValidationReason::UnknownCountryCode;
    QTest::newRow("non-geographic 882") << "+882 1234 5678 901" << ValidationReason::UnknownCountryCode;
    QTest::newRow("+0086") << "+0086 13800138000" << ValidationReason::UnknownCountryCode;
    QTest::newRow("national too short") << "+44 123" << ValidationReason::TooShort;
    QTest::newRow("two digits") << "+2" << ValidationReason::TooShort;
    QTest::newRow("plus inside") << "86+13800138000" << ValidationReason::InvalidCharacters;
    QTest::newRow("parentheses") << "+1 (202) 555-0100" << ValidationReason::InvalidCharacters;
    QTest::newRow("dots") << "+86.138.0013.8000" << ValidationReason::InvalidCharacters;
    QTest::newRow("letters") << "+86 138 OO13 8000" << ValidationReason::InvalidCharacters;
    QTest::newRow("full-width digits")
        << QStringLiteral("+") + fullWidth("8613800138000") << ValidationReason::InvalidCharacters;
    QTest::newRow("full-width plus") << QStringLiteral("＋8613800138000")
                                     << ValidationReason::InvalidCharacters;
    QTest::newRow("embedded NUL") << withNul("+86138", "00138000") << ValidationReason::InvalidCharacters;
    QTest::newRow("RTL marks") << withRtlMarks("+8613800138000") << ValidationReason::InvalidCharacters;
    QTest::newRow("too long input") << QStringLiteral("+86") + QString(62, u' ') << ValidationReason::TooLong;
}

void TestIdentityValidators::phoneInvalid()
{
    QFETCH(QString, input);
    QFETCH(ValidationReason, reason);

    BW_EXPECT_REFUSED(PhoneValidator::validate(input), ValidationCode::InvalidPhone, "invalid_phone", reason);
}

void TestIdentityValidators::phoneDefaultCountry()
{
    auto r = PhoneValidator::validate(u"138 0013 8000", u"86");
    QVERIFY(r.ok());
    QCOMPARE(r->e164(), QStringLiteral("+8613800138000"));
    r = PhoneValidator::validate(u"07911 123456", u"44"); // the UK trunk 0 is dropped
    QVERIFY(r.ok());
    QCOMPARE(r->e164(), QStringLiteral("+447911123456"));
    r = PhoneValidator::validate(u"+1 202 555 0100", u"86"); // an explicit code wins
    QVERIFY(r.ok());
    QCOMPARE(r->countryCode, QStringLiteral("1"));
    QCOMPARE(PhoneValidator::validate(u"238 0013 8000", u"86").reason(), ValidationReason::NotMobile);
    QCOMPARE(PhoneValidator::validate(u"13800138000", u"999").reason(), ValidationReason::MissingCountryCode);
    QCOMPARE(PhoneValidator::validate(u"13800138000", u"8").reason(), ValidationReason::MissingCountryCode);
    QCOMPARE(PhoneValidator::countryCodeLength(u"8613800138000"), 2);
    QCOMPARE(PhoneValidator::countryCodeLength(u"12025550100"), 1);
    QCOMPARE(PhoneValidator::countryCodeLength(u"85251234567"), 3);
    QCOMPARE(PhoneValidator::countryCodeLength(u"0"), 0);
    QCOMPARE(PhoneValidator::countryCodeLength(u""), 0);
    QCOMPARE(PhoneValidator::countryCodeLength(u"8x"), 0);
}

void TestIdentityValidators::phoneMasking_data()
{
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("masked");

    QTest::newRow("contract example") << "+8613801381234"
                                      << "+86 138****1234";
    QTest::newRow("US 10 digits") << "+12025550100"
                                  << "+1 202****100";
    QTest::newRow("UK 10 digits") << "+447911123456"
                                  << "+44 791****456";
    QTest::newRow("HK 8 digits") << "+85251234567"
                                 << "+852 51****67";
    QTest::newRow("Niue 4 digits") << "+6834002"
                                   << "+683 ****";
    QTest::newRow("13 digits") << "+491234567890123"
                               << "+49 123******0123";
}

void TestIdentityValidators::phoneMasking()
{
    QFETCH(QString, e164);
    QFETCH(QString, masked);

    const auto result = PhoneValidator::validate(e164);
    QVERIFY(result.ok());
    QCOMPARE(result->masked(), masked);
    const QString national = result->nationalNumber;
    const QString shown = PhoneValidator::maskNationalNumber(national);
    QCOMPARE(shown.size(), national.size());
    QVERIFY(shown.count(u'*') >= 4 || shown.count(u'*') == national.size());
}

void TestIdentityValidators::emailValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("plain") << "li.na@example.com"
                           << "li.na@example.com";
    QTest::newRow("domain lower-cased") << "Li.Na@Example.COM"
                                        << "Li.Na@example.com";
    QTest::newRow("plus tag") << "user+wallet@mail.example.cn"
                              << "user+wallet@mail.example.cn";
    QTest::newRow("hyphen and digits") << "a@my-bank-2.example"
                                       << "a@my-bank-2.example";
    QTest::newRow("one-char local") << "x@y.z"
                                    << "x@y.z";
    QTest::newRow("quote-like chars") << "o'neil!#$%&*/=?^_`{|}~@example.com"
                                      << "o'neil!#$%&*/=?^_`{|}~@example.com";
    QTest::newRow("unicode local") << "张三@example.com"
                                   << "张三@example.com";
    QTest::newRow("unicode domain") << "info@例子.中国"
                                    << "info@例子.中国";
    QTest::newRow("punycode domain") << "info@xn--fsqu00a.xn--fiqs8s"
                                     << "info@xn--fsqu00a.xn--fiqs8s";
    QTest::newRow("64-char local") << QString(64, u'a') + "@example.com"
                                   << QString(64, u'a') + "@example.com";
    QTest::newRow("254 characters") << QString(64, u'a') + u'@' + QString(185, u'b') + ".com"
                                    << QString(64, u'a') + u'@' + QString(185, u'b') + ".com";
    QTest::newRow("emoji local counts once")
        << QString(32, u'a') + QStringLiteral("😀").repeated(32) + "@example.com"
        << QString(32, u'a') + QStringLiteral("😀").repeated(32) + "@example.com";
}

void TestIdentityValidators::emailValid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);

    const auto result = EmailValidator::validate(input);
    QVERIFY2(result.ok(), qPrintable(validationReasonString(result.reason())));
    QCOMPARE(result->address(), normalized);
}

void TestIdentityValidators::emailInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<ValidationReason>("reason");

    QTest::newRow("empty") << "" << ValidationReason::Empty;
    QTest::newRow("no at") << "li.na.example.com" << ValidationReason::MissingAt;
    QTest::newRow("two ats") << "li@na@example.com" << ValidationReason::MultipleAt;
    QTest::newRow("empty local") << "@example.com" << ValidationReason::BadLocalPart;
    QTest::newRow("65-char local") << QString(65, u'a') + "@example.com" << ValidationReason::BadLocalPart;
    QTest::newRow("no dot in domain") << "li@localhost" << ValidationReason::BadDomain;
    QTest::newRow("empty domain") << "li@" << ValidationReason::BadDomain;
    QTest::newRow("leading dot") << "li@.example.com" << ValidationReason::BadDomain;
    QTest::newRow("trailing dot") << "li@example.com." << ValidationReason::BadDomain;
    QTest::newRow("double dot") << "li@example..com" << ValidationReason::BadDomain;
    QTest::newRow("underscore in domain") << "li@ex_ample.com" << ValidationReason::BadDomain;
    QTest::newRow("ip literal") << "li@[127.0.0.1]" << ValidationReason::BadDomain;
    QTest::newRow("full-width digit in domain")
        << QStringLiteral("li@example１.com") << ValidationReason::BadDomain;
    QTest::newRow("ideographic full stop") << QStringLiteral("li@例子。中国") << ValidationReason::BadDomain;
    QTest::newRow("255 characters") << QString(64, u'a') + u'@' + QString(186, u'b') + ".com"
                                    << ValidationReason::TooLong;
    QTest::newRow("space inside") << "li na@example.com" << ValidationReason::InvalidCharacters;
    QTest::newRow("leading space") << " li@example.com" << ValidationReason::InvalidCharacters;
    QTest::newRow("trailing newline") << "li@example.com\n" << ValidationReason::InvalidCharacters;
    QTest::newRow("tab") << "li\t@example.com" << ValidationReason::InvalidCharacters;
    QTest::newRow("no-break space") << QStringLiteral("li\u00A0na@example.com")
                                    << ValidationReason::InvalidCharacters;
    QTest::newRow("ideographic space")
        << QStringLiteral("li\u3000na@example.com") << ValidationReason::InvalidCharacters;
    QTest::newRow("embedded NUL") << withNul("li", "@example.com") << ValidationReason::InvalidCharacters;
    QTest::newRow("RTL marks") << withRtlMarks("li@example.com") << ValidationReason::InvalidCharacters;
    QTest::newRow("zero-width space")
        << QStringLiteral("li\u200B@example.com") << ValidationReason::InvalidCharacters;
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) + "li@example.com"
                                    << ValidationReason::InvalidCharacters;
    QTest::newRow("megabyte") << megabyteOf(u'a') << ValidationReason::TooLong;
}

void TestIdentityValidators::emailInvalid()
{
    QFETCH(QString, input);
    QFETCH(ValidationReason, reason);

    BW_EXPECT_REFUSED(EmailValidator::validate(input), ValidationCode::InvalidEmail, "invalid_email", reason);
}

void TestIdentityValidators::nameValid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("latin") << "Li Na"
                           << "Li Na";
    QTest::newRow("chinese") << "张三"
                             << "张三";
    QTest::newRow("one character") << "王"
                                   << "王";
    QTest::newRow("trimmed") << "  Li Na  "
                             << "Li Na";
    QTest::newRow("inner spaces collapsed") << "Li    Na"
                                            << "Li Na";
    QTest::newRow("ideographic space") << QStringLiteral("张\u3000三") << "张 三";
    QTest::newRow("hyphen apostrophe dot") << "Jean-Luc O'Neil Jr."
                                           << "Jean-Luc O'Neil Jr.";
    QTest::newRow("diacritics") << "José Ångström"
                                << "José Ångström";
    QTest::newRow("uyghur") << "ئەخمەت"
                            << "ئەخمەت";
    QTest::newRow("persian with ZWNJ") << QStringLiteral("می\u200Cخواهم") << QStringLiteral("می\u200Cخواهم");
    QTest::newRow("devanagari with ZWJ") << QStringLiteral("क्\u200Dष") << QStringLiteral("क्\u200Dष");
    QTest::newRow("chinese numerals are letters") << "王一二"
                                                  << "王一二";
    QTest::newRow("100 characters") << QString(100, u'a') << QString(100, u'a');
    QTest::newRow("100 astral characters")
        << QStringLiteral("𠀀").repeated(100) << QStringLiteral("𠀀").repeated(100);
    QTest::newRow("sanctions test name") << "Ivan Petrovich Sidorov"
                                         << "Ivan Petrovich Sidorov";
}

void TestIdentityValidators::nameValid()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);

    const auto result = NameValidator::validate(input);
    QVERIFY2(result.ok(), qPrintable(validationReasonString(result.reason())));
    QCOMPARE(result.value(), normalized);
}

void TestIdentityValidators::nameInvalid_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<ValidationReason>("reason");

    QTest::newRow("empty") << "" << ValidationReason::Empty;
    QTest::newRow("spaces") << "   " << ValidationReason::Empty;
    QTest::newRow("ideographic space only") << QStringLiteral("\u3000") << ValidationReason::Empty;
    QTest::newRow("101 characters") << QString(101, u'a') << ValidationReason::TooLong;
    QTest::newRow("101 after collapsing")
        << QString(50, u'a') + "     " + QString(50, u'b') << ValidationReason::TooLong;
    QTest::newRow("digit") << "Li Na 2" << ValidationReason::ContainsDigits;
    QTest::newRow("full-width digit") << QStringLiteral("李娜２") << ValidationReason::ContainsDigits;
    QTest::newRow("circled digit") << QStringLiteral("李娜①") << ValidationReason::ContainsDigits;
    QTest::newRow("roman numeral") << QStringLiteral("Henry Ⅷ") << ValidationReason::ContainsDigits;
    QTest::newRow("arabic-indic digit") << QStringLiteral("علي٣") << ValidationReason::ContainsDigits;
    QTest::newRow("tab") << "Li\tNa" << ValidationReason::InvalidCharacters;
    QTest::newRow("newline") << "Li\nNa" << ValidationReason::InvalidCharacters;
    QTest::newRow("trailing newline") << "Li Na\n" << ValidationReason::InvalidCharacters;
    QTest::newRow("embedded NUL") << withNul("Li", "Na") << ValidationReason::InvalidCharacters;
    QTest::newRow("DEL") << "Li\x7FNa" << ValidationReason::InvalidCharacters;
    QTest::newRow("RTL marks") << withRtlMarks("Li Na") << ValidationReason::InvalidCharacters;
    QTest::newRow("RLO override") << QStringLiteral("Li\u202ENa") << ValidationReason::InvalidCharacters;
    QTest::newRow("lone surrogate") << QString(QChar(0xDC00)) + "Li" << ValidationReason::InvalidCharacters;
    // Invisible format characters make a name that looks like another compare unequal to it.
    QTest::newRow("zero-width space")
        << QStringLiteral("Iv\u200Ban Sidorov") << ValidationReason::InvalidCharacters;
    QTest::newRow("soft hyphen") << QStringLiteral("Si\u00ADdorov") << ValidationReason::InvalidCharacters;
    QTest::newRow("word joiner") << QStringLiteral("远东\u2060黑鹰") << ValidationReason::InvalidCharacters;
    QTest::newRow("BOM") << QStringLiteral("\uFEFFLi Na") << ValidationReason::InvalidCharacters;
    QTest::newRow("language tag") << QStringLiteral("Li Na") + QString::fromUcs4(U"\U000E0041", 1)
                                  << ValidationReason::InvalidCharacters;
    QTest::newRow("megabyte") << megabyteOf(u'a') << ValidationReason::TooLong;
}

void TestIdentityValidators::nameInvalid()
{
    QFETCH(QString, input);
    QFETCH(ValidationReason, reason);

    BW_EXPECT_REFUSED(NameValidator::validate(input), ValidationCode::InvalidName, "invalid_name", reason);
}

void TestIdentityValidators::hugeInputsAreRefusedQuickly()
{
    const QString huge = megabyteOf(u'1');
    const QString hugeText = megabyteOf(u'a');
    const qint64 ms = elapsedMs([&] {
        QCOMPARE(ResidentIdValidator::validate(huge, kToday).reason(), ValidationReason::TooLong);
        QCOMPARE(PhoneValidator::validate(huge).reason(), ValidationReason::TooLong);
        QCOMPARE(EmailValidator::validate(hugeText).reason(), ValidationReason::TooLong);
        QCOMPARE(NameValidator::validate(hugeText).reason(), ValidationReason::TooLong);
        QCOMPARE(ResidentIdValidator::validate(u"11010519491231002X", QStringView(huge), kToday).reason(),
                 ValidationReason::BadBirthDate);
    });
    QVERIFY2(ms < 500, qPrintable(QString::number(ms)));
}

QTEST_GUILESS_MAIN(TestIdentityValidators)
#include "test_identity_validators.moc"
