// Password and PIN policy, and the shared codes and messages of every validator.

#include "core/password_policy.h"
#include "core/pin_policy.h"
#include "core/validation.h"
#include "hostile_input.h"

#include <QFile>
#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>
#include <vector>

using namespace bw::core;
using namespace bw::test;

class TestPolicyValidators : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commonListIsShipped();
    void passwordValid_data();
    void passwordValid();
    void passwordWeak_data();
    void passwordWeak();
    void passwordHugeInputIsFast();
    void passwordListLookupIsThreadSafe();
    void pinValid_data();
    void pinValid();
    void pinWeak_data();
    void pinWeak();
    void everySequentialPinIsRefused();
    void codeStrings();
    void everyCodeAndReasonHasAMessage();
};

void TestPolicyValidators::commonListIsShipped()
{
    QVERIFY2(PasswordPolicy::commonPasswordCount() >= 10000,
             qPrintable(QString::number(PasswordPolicy::commonPasswordCount())));
    QVERIFY(QFile::exists(QStringLiteral(":/bw/policy/common_passwords.txt")));
    QVERIFY(PasswordPolicy::isCommon(u"password"));
    QVERIFY(PasswordPolicy::isCommon(u"PassWord"));
    QVERIFY(PasswordPolicy::isCommon(u"iloveyou"));
    QVERIFY(PasswordPolicy::isCommon(u"qwertyuiop"));
    QVERIFY(PasswordPolicy::isCommon(u"p@ssw0rd"));
    QVERIFY(PasswordPolicy::isCommon(QStringLiteral("ｐａｓｓｗｏｒｄ"))); // full-width, NFKC → password
    QVERIFY(!PasswordPolicy::isCommon(u"Tr0ub4dour&3-horse-staple"));
    QVERIFY(!PasswordPolicy::isCommon(u"# Common passwords")); // the file's comment line is not an entry
    QVERIFY(!PasswordPolicy::isCommon(u""));
}

void TestPolicyValidators::passwordValid_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("8 characters") << "vN3#kq8Z"
                                  << ""
                                  << ""
                                  << "vN3#kq8Z";
    QTest::newRow("passphrase") << "correct horse battery staple 42"
                                << "+8613800138000"
                                << "Li Na"
                                << "correct horse battery staple 42";
    QTest::newRow("128 characters") << QString(128, u'x') << ""
                                    << "" << QString(128, u'x');
    QTest::newRow("chinese 8 characters") << "我的钱包很安全啊"
                                          << ""
                                          << ""
                                          << "我的钱包很安全啊";
    QTest::newRow("astral characters count once") << QStringLiteral("😀").repeated(8) << ""
                                                  << "" << QStringLiteral("😀").repeated(8);
    QTest::newRow("full-width normalized") << QStringLiteral("Ｗａｌｌｅｔ＃２０２５") << ""
                                           << ""
                                           << "Wallet#2025";
    QTest::newRow("6 phone digits are fine") << "xx138001yy"
                                             << "+8613800138000"
                                             << ""
                                             << "xx138001yy";
    QTest::newRow("phone digits split") << "138001-38000"
                                        << "+8613800138000"
                                        << ""
                                        << "138001-38000";
    QTest::newRow("empty name ignored") << "vN3#kq8Z"
                                        << ""
                                        << "   "
                                        << "vN3#kq8Z";
    QTest::newRow("part of name only") << "zhangwei-wallet"
                                       << ""
                                       << "Zhang San"
                                       << "zhangwei-wallet";
}

void TestPolicyValidators::passwordValid()
{
    QFETCH(QString, password);
    QFETCH(QString, phone);
    QFETCH(QString, name);
    QFETCH(QString, normalized);

    const auto result = PasswordPolicy::check(password, phone, name);
    QVERIFY2(result.ok(), qPrintable(validationReasonString(result.reason())));
    QCOMPARE(result.value(), normalized);
}

void TestPolicyValidators::passwordWeak_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("name");
    QTest::addColumn<ValidationReason>("reason");

    QTest::newRow("empty") << ""
                           << ""
                           << "" << ValidationReason::Empty;
    QTest::newRow("7 characters") << "vN3#kq8"
                                  << ""
                                  << "" << ValidationReason::TooShort;
    QTest::newRow("7 astral characters") << QStringLiteral("😀").repeated(7) << ""
                                         << "" << ValidationReason::TooShort;
    // "e" + COMBINING ACUTE composes to one "é" under NFKC: 8 UTF-16 units, but 7 characters after it.
    QTest::newRow("7 after NFKC") << QStringLiteral("abcdefe\u0301") << ""
                                  << "" << ValidationReason::TooShort;
    QTest::newRow("129 characters") << QString(129, u'x') << ""
                                    << "" << ValidationReason::TooLong;
    // U+FDFA expands to 18 characters under NFKC: 8 code points in, 144 out.
    QTest::newRow("129+ after NFKC") << QStringLiteral("\uFDFA").repeated(8) << ""
                                     << "" << ValidationReason::TooLong;
    QTest::newRow("common") << "password"
                            << ""
                            << "" << ValidationReason::Common;
    QTest::newRow("common upper case") << "PASSWORD1"
                                       << ""
                                       << "" << ValidationReason::Common;
    QTest::newRow("common 12345678") << "12345678"
                                     << ""
                                     << "" << ValidationReason::Common;
    QTest::newRow("common full-width") << fullWidth("12345678") << ""
                                       << "" << ValidationReason::Common;
    QTest::newRow("common iloveyou") << "IloveYou"
                                     << ""
                                     << "" << ValidationReason::Common;
    QTest::newRow("phone 7 digits") << "pw1380013!"
                                    << "+8613800138000"
                                    << "" << ValidationReason::ContainsPhoneDigits;
    QTest::newRow("phone last 7") << "0138000zz"
                                  << "+86 138 0013 8000"
                                  << "" << ValidationReason::ContainsPhoneDigits;
    QTest::newRow("whole phone") << "my13800138000"
                                 << "0086 13800138000"
                                 << "" << ValidationReason::ContainsPhoneDigits;
    QTest::newRow("phone full-width digits")
        << QStringLiteral("pw") + fullWidth("1380013") + u'!' << "+8613800138000"
        << "" << ValidationReason::ContainsPhoneDigits;
    QTest::newRow("unparsable phone digits") << "ab5550100cd"
                                             << "202-555-0100"
                                             << "" << ValidationReason::ContainsPhoneDigits;
    QTest::newRow("name") << "LiNa2025!"
                          << ""
                          << "Li Na" << ValidationReason::ContainsName;
    QTest::newRow("name different case") << "xxZHANGSANxx"
                                         << ""
                                         << "Zhang San" << ValidationReason::ContainsName;
    QTest::newRow("name with spaces in password") << "zhang san 99!"
                                                  << ""
                                                  << "Zhang San" << ValidationReason::ContainsName;
    QTest::newRow("chinese name") << "我是张三哈哈哈" + QStringLiteral("!") << ""
                                  << "张三" << ValidationReason::ContainsName;
    QTest::newRow("full-width name") << QStringLiteral("xxＬＩＮＡ2025") << ""
                                     << "li na" << ValidationReason::ContainsName;
    QTest::newRow("order: short before common") << "1234567"
                                                << ""
                                                << "" << ValidationReason::TooShort;
    // 1234567890 is on the list and holds 7 digits of the phone: the list is checked first.
    QTest::newRow("order: common before phone") << "1234567890"
                                                << "+8612345678901"
                                                << "" << ValidationReason::Common;
    QTest::newRow("order: phone before name") << "ab1380013lina"
                                              << "+8613800138000"
                                              << "Li Na" << ValidationReason::ContainsPhoneDigits;
    QTest::newRow("megabyte") << megabyteOf(u'a') << ""
                              << "" << ValidationReason::TooLong;
    // Control characters: HMAC pads the password (its key) with zero bytes, so a trailing NUL would verify
    // like the password without it; nobody types the others on purpose.
    QTest::newRow("embedded NUL") << withNul("vN3#kq8Z", "x") << ""
                                  << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("trailing NUL") << withNul("vN3#kq8Z-wallet", "") << ""
                                  << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("tab") << "vN3#\tkq8Z"
                         << ""
                         << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("trailing newline") << "vN3#kq8Z-wallet\n"
                                      << ""
                                      << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("carriage return") << "vN3#kq8Z\r-wallet"
                                     << ""
                                     << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("escape") << "vN3#kq8Z\x1B[0m"
                            << ""
                            << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("DEL") << "vN3#kq8Z\x7F"
                         << ""
                         << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("C1 control NEL") << QStringLiteral("vN3#kq8Z\u0085") << ""
                                    << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("lone high surrogate") << QStringLiteral("vN3#kq8Z") + QChar(0xD800) + u'x' << ""
                                         << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("lone low surrogate at end") << QStringLiteral("vN3#kq8Z") + QChar(0xDC00) << ""
                                               << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("order: control before short") << withNul("pw", "") << ""
                                                 << "" << ValidationReason::InvalidCharacters;
    QTest::newRow("order: control before common") << "password\t"
                                                  << ""
                                                  << "" << ValidationReason::InvalidCharacters;
}

void TestPolicyValidators::passwordWeak()
{
    QFETCH(QString, password);
    QFETCH(QString, phone);
    QFETCH(QString, name);
    QFETCH(ValidationReason, reason);

    BW_EXPECT_REFUSED(PasswordPolicy::check(password, phone, name), ValidationCode::WeakPassword,
                      "weak_password", reason);
}

void TestPolicyValidators::passwordHugeInputIsFast()
{
    const QString huge = megabyteOf(QChar(0xFDFA)); // would expand 18-fold if normalized
    ValidationReason reason = ValidationReason::None;
    const qint64 ms =
        elapsedMs([&] { reason = PasswordPolicy::check(huge, megabyteOf(u'1'), megabyteOf(u'a')).reason(); });
    QCOMPARE(reason, ValidationReason::TooLong);
    QVERIFY2(ms < 500, qPrintable(QString::number(ms)));
    // Huge phone and name with an acceptable password: ignored quickly, not scanned for ever.
    const qint64 ms2 = elapsedMs(
        [&] { QVERIFY(PasswordPolicy::check(u"vN3#kq8Z-wallet", megabyteOf(u'9'), megabyteOf(u'z')).ok()); });
    QVERIFY2(ms2 < 2000, qPrintable(QString::number(ms2)));
    // A megabyte of NULs is refused as too long, unread.
    QCOMPARE(PasswordPolicy::check(megabyteOf(QChar(u'\0'))).reason(), ValidationReason::TooLong);
    // Format characters (Cf) are not control characters: an RTL mark is allowed, like any other character.
    QVERIFY(PasswordPolicy::check(withRtlMarks("vN3#kq8Z"), {}, {}).ok());
}

void TestPolicyValidators::passwordListLookupIsThreadSafe()
{
    // The list is loaded lazily on first use; the policy's static-local initialization must be safe when
    // several threads (the stub's and the UI's) get there at once. Run under ThreadSanitizer/ASan in CI.
    std::atomic<int> failures{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back(QThread::create([&failures] {
            for (int j = 0; j < 200; ++j) {
                if (!PasswordPolicy::isCommon(u"dragon") || PasswordPolicy::isCommon(u"vN3#kq8Z-wallet")) {
                    ++failures;
                }
            }
        }));
    }
    for (auto &t : threads) {
        t->start();
    }
    for (auto &t : threads) {
        QVERIFY(t->wait(30000));
    }
    QCOMPARE(failures.load(), 0);
}

void TestPolicyValidators::pinValid_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QDate>("birth");

    QTest::newRow("random") << "480937" << QDate();
    QTest::newRow("with birth date known") << "480937" << QDate(1990, 7, 14);
    QTest::newRow("almost a run") << "123457" << QDate();
    QTest::newRow("run of five") << "123450" << QDate();
    QTest::newRow("step of two") << "135791" << QDate();
    QTest::newRow("five same") << "111112" << QDate();
    QTest::newRow("birth date as YYYYMM is allowed") << "199007" << QDate(1990, 7, 14);
    QTest::newRow("birth date form, date unknown") << "900714" << QDate();
    QTest::newRow("other birth date") << "900714" << QDate(1990, 7, 15);
}

void TestPolicyValidators::pinValid()
{
    QFETCH(QString, pin);
    QFETCH(QDate, birth);
    const auto result = PinPolicy::check(pin, birth);
    QVERIFY2(result.ok(), qPrintable(validationReasonString(result.reason())));
    QCOMPARE(result.value(), pin);
}

void TestPolicyValidators::pinWeak_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QDate>("birth");
    QTest::addColumn<ValidationReason>("reason");

    QTest::newRow("empty") << "" << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("5 digits") << "48093" << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("7 digits") << "4809371" << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("letter") << "48093a" << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("space") << "480 93" << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("surrounding space") << " 480937" << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("full-width digits") << fullWidth("480937") << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("arabic-indic digits")
        << QStringLiteral("٤٨٠٩٣٧") << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("embedded NUL") << withNul("480", "93") << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("RTL marks") << withRtlMarks("4809") << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("megabyte") << megabyteOf(u'4') << QDate() << ValidationReason::NotSixDigits;
    QTest::newRow("000000") << "000000" << QDate() << ValidationReason::AllSame;
    QTest::newRow("888888") << "888888" << QDate() << ValidationReason::AllSame;
    QTest::newRow("123456") << "123456" << QDate() << ValidationReason::Sequential;
    QTest::newRow("654321") << "654321" << QDate() << ValidationReason::Sequential;
    QTest::newRow("012345") << "012345" << QDate() << ValidationReason::Sequential;
    QTest::newRow("987654") << "987654" << QDate() << ValidationReason::Sequential;
    QTest::newRow("wraparound 890123") << "890123" << QDate() << ValidationReason::Sequential;
    QTest::newRow("wraparound 210987") << "210987" << QDate() << ValidationReason::Sequential;
    QTest::newRow("YYMMDD") << "900714" << QDate(1990, 7, 14) << ValidationReason::BirthDate;
    QTest::newRow("DDMMYY") << "140790" << QDate(1990, 7, 14) << ValidationReason::BirthDate;
    QTest::newRow("MMDDYY") << "071490" << QDate(1990, 7, 14) << ValidationReason::BirthDate;
    QTest::newRow("2000s YYMMDD") << "050302" << QDate(2005, 3, 2) << ValidationReason::BirthDate;
    QTest::newRow("1949 DDMMYY") << "311249" << QDate(1949, 12, 31) << ValidationReason::BirthDate;
}

void TestPolicyValidators::pinWeak()
{
    QFETCH(QString, pin);
    QFETCH(QDate, birth);
    QFETCH(ValidationReason, reason);

    BW_EXPECT_REFUSED(PinPolicy::check(pin, birth), ValidationCode::WeakPin, "weak_pin", reason);
}

void TestPolicyValidators::everySequentialPinIsRefused()
{
    // Exactly 20 sequential PINs (10 ascending, 10 descending, modulo 10) and 10 all-same ones among the
    // million; every other PIN passes when no birth date is given.
    int sequential = 0;
    int allSame = 0;
    int passed = 0;
    for (int i = 0; i < 1000000; ++i) {
        const auto result = PinPolicy::check(QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0')));
        if (result.ok()) {
            ++passed;
        } else if (result.reason() == ValidationReason::Sequential) {
            ++sequential;
        } else if (result.reason() == ValidationReason::AllSame) {
            ++allSame;
        }
    }
    QCOMPARE(sequential, 20);
    QCOMPARE(allSame, 10);
    QCOMPARE(passed, 1000000 - 30);
}

void TestPolicyValidators::codeStrings()
{
    const QList<QPair<ValidationCode, QString>> expected{
        {ValidationCode::InvalidCardNumber, "invalid_card_number"},
        {ValidationCode::UnsupportedBrand, "unsupported_brand"},
        {ValidationCode::CardExpired, "card_expired"},
        {ValidationCode::InvalidExpiryMonth, "invalid_expiry_month"},
        {ValidationCode::InvalidExpiryYear, "invalid_expiry_year"},
        {ValidationCode::InvalidCvc, "invalid_cvc"},
        {ValidationCode::InvalidIban, "invalid_iban"},
        {ValidationCode::InvalidAccountNumber, "invalid_account_number"},
        {ValidationCode::InvalidDocumentNumber, "invalid_document_number"},
        {ValidationCode::DocumentMismatch, "document_mismatch"},
        {ValidationCode::InvalidPhone, "invalid_phone"},
        {ValidationCode::InvalidEmail, "invalid_email"},
        {ValidationCode::InvalidName, "invalid_name"},
        {ValidationCode::WeakPassword, "weak_password"},
        {ValidationCode::WeakPin, "weak_pin"},
    };
    for (const auto &[code, name] : expected) {
        QCOMPARE(validationCodeString(code), name);
        QCOMPARE(validationCodeFromString(name), std::optional<ValidationCode>(code));
    }
    QCOMPARE(validationCodeString(ValidationCode::None), QString());
    QVERIFY(!validationCodeFromString(u"").has_value());
    QVERIFY(!validationCodeFromString(u"INVALID_PHONE").has_value());
    QVERIFY(!validationCodeFromString(u"parameter_invalid").has_value());
    QCOMPARE(validationReasonString(ValidationReason::BadLuhn), QStringLiteral("bad_luhn"));
    QCOMPARE(validationReasonString(ValidationReason::None), QString());
}

void TestPolicyValidators::everyCodeAndReasonHasAMessage()
{
    // Every (code, reason) pair gives a sentence; the reason-specific ones differ from the generic one
    // where the UI needs to say something different.
    for (int c = int(ValidationCode::InvalidCardNumber); c <= int(ValidationCode::WeakPin); ++c) {
        QVERIFY(!validationCodeString(ValidationCode(c)).isEmpty());
        for (int r = int(ValidationReason::None); r <= int(ValidationReason::BirthDate); ++r) {
            QVERIFY(!validationMessage(ValidationCode(c), ValidationReason(r)).isEmpty());
        }
    }
    for (int r = int(ValidationReason::Empty); r <= int(ValidationReason::BirthDate); ++r) {
        QVERIFY2(!validationReasonString(ValidationReason(r)).isEmpty(), qPrintable(QString::number(r)));
    }
    QVERIFY(validationMessage(ValidationCode::None).isEmpty());
    const QSet<QString> passwordMessages{
        validationMessage(ValidationCode::WeakPassword, ValidationReason::TooShort),
        validationMessage(ValidationCode::WeakPassword, ValidationReason::TooLong),
        validationMessage(ValidationCode::WeakPassword, ValidationReason::Common),
        validationMessage(ValidationCode::WeakPassword, ValidationReason::ContainsPhoneDigits),
        validationMessage(ValidationCode::WeakPassword, ValidationReason::ContainsName),
        validationMessage(ValidationCode::WeakPassword, ValidationReason::InvalidCharacters),
    };
    QCOMPARE(passwordMessages.size(), 6);
    const QSet<QString> pinMessages{
        validationMessage(ValidationCode::WeakPin, ValidationReason::NotSixDigits),
        validationMessage(ValidationCode::WeakPin, ValidationReason::AllSame),
        validationMessage(ValidationCode::WeakPin, ValidationReason::Sequential),
        validationMessage(ValidationCode::WeakPin, ValidationReason::BirthDate),
    };
    QCOMPARE(pinMessages.size(), 4);
    QVERIFY(validationMessage(ValidationCode::InvalidCardNumber, ValidationReason::BadLuhn) !=
            validationMessage(ValidationCode::InvalidCardNumber, ValidationReason::InvalidCharacters));
    QVERIFY(validationMessage(ValidationCode::InvalidPhone, ValidationReason::NotMobile)
                .contains(QStringLiteral("11")));
}

QTEST_GUILESS_MAIN(TestPolicyValidators)
#include "test_policy_validators.moc"
