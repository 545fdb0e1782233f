// Tests for HOTP (RFC 4226 Appendix D), TOTP (RFC 6238 Appendix B, SHA-1/256/512), the ±1 step window,
// replay refusal, malformed codes and the otpauth:// URI.
#include "crypto/encoding.h"
#include "crypto/otp.h"

#include "crypto_test_util.h"

#include <QUrl>
#include <QUrlQuery>

using namespace bw::crypto;

Q_DECLARE_METATYPE(bw::crypto::HashAlgorithm)

namespace {

const QByteArray kSeed20("12345678901234567890");
const QByteArray kSeed32("12345678901234567890123456789012");
const QByteArray kSeed64("1234567890123456789012345678901234567890123456789012345678901234");

constexpr qint64 kNow = 1'700'000'000; // a fixed "now"; step 56666666 starts at 1699999980

} // namespace

class TestCryptoOtp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hotpRfc4226_data();
    void hotpRfc4226();
    void hotpDigits();
    void totpRfc6238_data();
    void totpRfc6238();
    void totpStepBoundaries();

    void verifyWindow_data();
    void verifyWindow();
    void verifyReturnsStepAndRefusesReplay();
    void verifyReplayOfEarlierStep();
    void verifyOtherAlgorithms();
    void verifyMalformedCodes_data();
    void verifyMalformedCodes();
    void parameterErrors();
    void secretErrors();
    void verifyHotpLookAhead();

    void generatedSecret();
    void otpauthUri();
    void otpauthUriEncodesNames();
    void otpauthUriErrors();
};

void TestCryptoOtp::hotpRfc4226_data()
{
    QTest::addColumn<quint64>("counter");
    QTest::addColumn<QString>("expected");
    const char *values[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
    for (quint64 i = 0; i < 10; ++i)
        QTest::addRow("counter %llu", static_cast<unsigned long long>(i))
            << i << QString::fromLatin1(values[i]);
}

void TestCryptoOtp::hotpRfc4226()
{
    QFETCH(quint64, counter);
    QFETCH(QString, expected);
    const Result<QString> code = hotp(kSeed20, counter);
    BW_EXPECT_OK(code);
    QCOMPARE(code.value(), expected);
    const Result<OtpMatch> match = verifyHotp(kSeed20, expected, counter);
    BW_EXPECT_OK(match);
    QCOMPARE(match.value().step, counter);
}

void TestCryptoOtp::hotpDigits()
{
    // RFC 4226 Appendix D lists the truncated decimal 1284755224 for counter 0 and 1094287082 for 1.
    const Result<QString> seven = hotp(kSeed20, 0, 7);
    const Result<QString> eight = hotp(kSeed20, 0, 8);
    const Result<QString> eight1 = hotp(kSeed20, 1, 8);
    BW_EXPECT_OK(seven);
    BW_EXPECT_OK(eight);
    BW_EXPECT_OK(eight1);
    QCOMPARE(seven.value(), QStringLiteral("4755224"));
    QCOMPARE(eight.value(), QStringLiteral("84755224"));
    QCOMPARE(eight1.value(), QStringLiteral("94287082"));
}

void TestCryptoOtp::totpRfc6238_data()
{
    QTest::addColumn<qint64>("time");
    QTest::addColumn<quint64>("step");
    QTest::addColumn<HashAlgorithm>("algorithm");
    QTest::addColumn<QByteArray>("seed");
    QTest::addColumn<QString>("expected");
    struct Row
    {
        qint64 time;
        quint64 step;
        const char *sha1;
        const char *sha256;
        const char *sha512;
    };
    const Row rows[] = {
        {59, 0x1, "94287082", "46119246", "90693936"},
        {1111111109, 0x23523EC, "07081804", "68084774", "25091201"},
        {1111111111, 0x23523ED, "14050471", "67062674", "99943326"},
        {1234567890, 0x273EF07, "89005924", "91819424", "93441116"},
        {2000000000, 0x3F940AA, "69279037", "90698825", "38618901"},
        {20000000000, 0x27BC86AA, "65353130", "77737706", "47863826"},
    };
    for (const Row &row : rows) {
        const auto t = static_cast<long long>(row.time);
        QTest::addRow("%lld SHA1", t)
            << row.time << row.step << HashAlgorithm::Sha1 << kSeed20 << QString::fromLatin1(row.sha1);
        QTest::addRow("%lld SHA256", t)
            << row.time << row.step << HashAlgorithm::Sha256 << kSeed32 << QString::fromLatin1(row.sha256);
        QTest::addRow("%lld SHA512", t)
            << row.time << row.step << HashAlgorithm::Sha512 << kSeed64 << QString::fromLatin1(row.sha512);
    }
}

void TestCryptoOtp::totpRfc6238()
{
    QFETCH(qint64, time);
    QFETCH(quint64, step);
    QFETCH(HashAlgorithm, algorithm);
    QFETCH(QByteArray, seed);
    QFETCH(QString, expected);
    TotpParams params;
    params.algorithm = algorithm;
    params.digits = 8;
    const Result<quint64> computedStep = totpStep(time, params);
    BW_EXPECT_OK(computedStep);
    QCOMPARE(computedStep.value(), step);
    const Result<QString> code = totp(seed, time, params);
    BW_EXPECT_OK(code);
    QCOMPARE(code.value(), expected);
    const Result<OtpMatch> match = verifyTotp(seed, expected, time, std::nullopt, params);
    BW_EXPECT_OK(match);
    QCOMPARE(match.value().step, step);
}

void TestCryptoOtp::totpStepBoundaries()
{
    QCOMPARE(totpStep(0).value(), quint64(0));
    QCOMPARE(totpStep(29).value(), quint64(0));
    QCOMPARE(totpStep(30).value(), quint64(1));
    TotpParams sixty;
    sixty.period = 60;
    sixty.t0 = 100;
    QCOMPARE(totpStep(159, sixty).value(), quint64(0));
    QCOMPARE(totpStep(160, sixty).value(), quint64(1));
    BW_EXPECT_ERROR(totpStep(99, sixty), CryptoError::InvalidOtpParameters);
    BW_EXPECT_ERROR(totpStep(-1), CryptoError::InvalidOtpParameters);
}

void TestCryptoOtp::verifyWindow_data()
{
    // The code shown at kNow, entered with the verifier's clock offset by `skew` seconds.
    QTest::addColumn<qint64>("skew");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("same moment") << qint64(0) << true;
    QTest::newRow("end of the same step") << qint64(9) << true;
    QTest::newRow("one step later") << qint64(30) << true;
    QTest::newRow("one step earlier") << qint64(-30) << true;
    QTest::newRow("edge of next step") << qint64(39) << true;
    QTest::newRow("two steps later") << qint64(40) << false;
    QTest::newRow("edge of previous step") << qint64(-50) << true;
    QTest::newRow("two steps earlier") << qint64(-51) << false;
    QTest::newRow("an hour later") << qint64(3600) << false;
}

void TestCryptoOtp::verifyWindow()
{
    QFETCH(qint64, skew);
    QFETCH(bool, accepted);
    const Result<QString> code = totp(kSeed20, kNow);
    BW_EXPECT_OK(code);
    const Result<OtpMatch> match = verifyTotp(kSeed20, code.value(), kNow + skew, std::nullopt);
    if (accepted) {
        BW_EXPECT_OK(match);
        QCOMPARE(match.value().step, totpStep(kNow).value());
    } else {
        BW_EXPECT_ERROR(match, CryptoError::OtpMismatch);
    }
}

void TestCryptoOtp::verifyReturnsStepAndRefusesReplay()
{
    const quint64 step = totpStep(kNow).value();
    const QString code = totp(kSeed20, kNow).value();
    const Result<OtpMatch> first = verifyTotp(kSeed20, code, kNow, std::nullopt);
    BW_EXPECT_OK(first);
    QCOMPARE(first.value().step, step);
    // The caller stores the step; the same code again is refused, now and a few seconds later.
    BW_EXPECT_ERROR(verifyTotp(kSeed20, code, kNow, first.value().step), CryptoError::OtpReplayed);
    BW_EXPECT_ERROR(verifyTotp(kSeed20, code, kNow + 25, first.value().step), CryptoError::OtpReplayed);
    // The next code is fine.
    const QString next = totp(kSeed20, kNow + 30).value();
    const Result<OtpMatch> second = verifyTotp(kSeed20, next, kNow + 30, first.value().step);
    BW_EXPECT_OK(second);
    QCOMPARE(second.value().step, step + 1);
    // A wrong code stays a mismatch, not a replay.
    // (Fixed seed and time: "000000" is none of the codes in this window.)
    BW_EXPECT_ERROR(verifyTotp(kSeed20, QStringLiteral("000000"), kNow, first.value().step),
                    CryptoError::OtpMismatch);
}

void TestCryptoOtp::verifyReplayOfEarlierStep()
{
    const quint64 step = totpStep(kNow).value();
    const QString previous = totp(kSeed20, kNow - 30).value();
    // Inside the window and never used: accepted, with its own (earlier) step.
    const Result<OtpMatch> late = verifyTotp(kSeed20, previous, kNow, step - 2);
    BW_EXPECT_OK(late);
    QCOMPARE(late.value().step, step - 1);
    // Once the current step has been used, an older code cannot be used any more.
    BW_EXPECT_ERROR(verifyTotp(kSeed20, previous, kNow, step), CryptoError::OtpReplayed);
}

void TestCryptoOtp::verifyOtherAlgorithms()
{
    TotpParams params;
    params.algorithm = HashAlgorithm::Sha256;
    params.digits = 7;
    params.period = 60;
    const QString code = totp(kSeed32, kNow, params).value();
    QCOMPARE(code.size(), 7);
    BW_EXPECT_OK(verifyTotp(kSeed32, code, kNow + 60, std::nullopt, params));
    // Same secret, other hash: a different code.
    TotpParams sha1 = params;
    sha1.algorithm = HashAlgorithm::Sha1;
    BW_EXPECT_ERROR(verifyTotp(kSeed32, code, kNow, std::nullopt, sha1), CryptoError::OtpMismatch);
    params.window = 0;
    BW_EXPECT_ERROR(verifyTotp(kSeed32, code, kNow + 60, std::nullopt, params), CryptoError::OtpMismatch);
}

void TestCryptoOtp::verifyMalformedCodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString();
    QTest::newRow("five digits") << QStringLiteral("12345");
    QTest::newRow("seven digits") << QStringLiteral("1234567");
    QTest::newRow("letter") << QStringLiteral("12a456");
    QTest::newRow("leading space") << QStringLiteral(" 23456");
    QTest::newRow("trailing space") << QStringLiteral("12345 ");
    QTest::newRow("embedded NUL") << QString::fromUtf16(u"123\0"
                                                        u"56",
                                                        6);
    QTest::newRow("full-width digits") << QStringLiteral("１２３４５６");
    QTest::newRow("Arabic-Indic digits") << QStringLiteral("١٢٣٤٥٦");
    QTest::newRow("sign") << QStringLiteral("-12345");
    QTest::newRow("huge") << QString(1'000'000, QLatin1Char('1'));
}

void TestCryptoOtp::verifyMalformedCodes()
{
    QFETCH(QString, code);
    BW_EXPECT_ERROR(verifyTotp(kSeed20, code, kNow, std::nullopt), CryptoError::MalformedOtpCode);
    BW_EXPECT_ERROR(verifyHotp(kSeed20, code, 0), CryptoError::MalformedOtpCode);
}

void TestCryptoOtp::parameterErrors()
{
    const auto expectInvalid = [](TotpParams params) {
        BW_EXPECT_ERROR(params.validate(), CryptoError::InvalidOtpParameters);
        BW_EXPECT_ERROR(totp(kSeed20, kNow, params), CryptoError::InvalidOtpParameters);
        BW_EXPECT_ERROR(verifyTotp(kSeed20, QStringLiteral("123456"), kNow, std::nullopt, params),
                        CryptoError::InvalidOtpParameters);
    };
    TotpParams p;
    p.digits = 5;
    expectInvalid(p);
    p = {};
    p.digits = 9;
    expectInvalid(p);
    p = {};
    p.period = 0;
    expectInvalid(p);
    p = {};
    p.period = -30;
    expectInvalid(p);
    p = {};
    p.window = -1;
    expectInvalid(p);
    p = {};
    p.window = 11;
    expectInvalid(p);
    p = {};
    p.t0 = -1;
    expectInvalid(p);
    p = {};
    p.t0 = kNow + 1; // now is before T0
    BW_EXPECT_ERROR(totp(kSeed20, kNow, p), CryptoError::InvalidOtpParameters);
    BW_EXPECT_ERROR(hotp(kSeed20, 0, 5), CryptoError::InvalidOtpParameters);
    BW_EXPECT_ERROR(hotp(kSeed20, 0, 10), CryptoError::InvalidOtpParameters);
    BW_EXPECT_OK(TotpParams{}.validate());
}

void TestCryptoOtp::secretErrors()
{
    const QByteArray shortSecret(kOtpMinSecretLength - 1, 's');
    BW_EXPECT_ERROR(hotp(shortSecret, 0), CryptoError::InvalidOtpSecret);
    BW_EXPECT_ERROR(hotp(QByteArray(), 0), CryptoError::InvalidOtpSecret);
    BW_EXPECT_ERROR(totp(shortSecret, kNow), CryptoError::InvalidOtpSecret);
    BW_EXPECT_ERROR(verifyTotp(shortSecret, QStringLiteral("123456"), kNow, std::nullopt),
                    CryptoError::InvalidOtpSecret);
    BW_EXPECT_ERROR(verifyHotp(shortSecret, QStringLiteral("123456"), 0), CryptoError::InvalidOtpSecret);
    // 16 bytes, even with NULs, is enough.
    BW_EXPECT_OK(hotp(QByteArray(kOtpMinSecretLength, '\0'), 0));
}

void TestCryptoOtp::verifyHotpLookAhead()
{
    const QString third = QStringLiteral("969429"); // RFC 4226, counter 3
    const Result<OtpMatch> found = verifyHotp(kSeed20, third, 0, 5);
    BW_EXPECT_OK(found);
    QCOMPARE(found.value().step, quint64(3));
    BW_EXPECT_ERROR(verifyHotp(kSeed20, third, 0, 2), CryptoError::OtpMismatch);
    BW_EXPECT_ERROR(verifyHotp(kSeed20, third, 4, 5), CryptoError::OtpMismatch);
    BW_EXPECT_ERROR(verifyHotp(kSeed20, third, 0, 101), CryptoError::InvalidOtpParameters);
    BW_EXPECT_ERROR(verifyHotp(kSeed20, third, 0, -1), CryptoError::InvalidOtpParameters);
    BW_EXPECT_ERROR(verifyHotp(kSeed20, third, ~quint64(0), 1), CryptoError::InvalidOtpParameters);
    BW_EXPECT_ERROR(verifyHotp(kSeed20, third, 0, 0, 5), CryptoError::InvalidOtpParameters);
}

void TestCryptoOtp::generatedSecret()
{
    const Result<SecretBytes> secret = generateOtpSecret();
    BW_EXPECT_OK(secret);
    QCOMPARE(secret.value().size(), 20);
    const QString shown = base32Encode(secret.value().view(), Padding::Without);
    QCOMPARE(shown.size(), 32);
    // What a person types from the grouped display decodes to the same key.
    QString typed;
    for (qsizetype i = 0; i < shown.size(); i += 4)
        typed += shown.mid(i, 4).toLower() + QLatin1Char(' ');
    const Result<QByteArray> decoded = base32Decode(typed);
    BW_EXPECT_OK(decoded);
    QVERIFY(decoded.value() == secret.value().toByteArray());
    const Result<SecretBytes> other = generateOtpSecret();
    BW_EXPECT_OK(other);
    QVERIFY(!(other.value() == secret.value()));
}

void TestCryptoOtp::otpauthUri()
{
    const Result<QString> uri = bw::crypto::otpauthUri(u"BankWallet", u"alice@example.com", kSeed20);
    BW_EXPECT_OK(uri);
    QCOMPARE(uri.value(), QStringLiteral("otpauth://totp/BankWallet:alice%40example.com?"
                                         "secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=BankWallet"
                                         "&algorithm=SHA1&digits=6&period=30"));
    TotpParams params;
    params.algorithm = HashAlgorithm::Sha512;
    params.digits = 8;
    params.period = 60;
    const Result<QString> strong = bw::crypto::otpauthUri(u"BankWallet", u"bob", kSeed64, params);
    BW_EXPECT_OK(strong);
    QVERIFY2(strong.value().endsWith(QLatin1String("&algorithm=SHA512&digits=8&period=60")),
             qPrintable(strong.value()));
}

void TestCryptoOtp::otpauthUriEncodesNames()
{
    // Non-ASCII, spaces, '%', '&' and control characters must not break the URI or its query.
    const QString issuer = QStringLiteral("中国银行 & Co %03");
    const QString account = QStringLiteral("张伟 +86\x01");
    const Result<QString> uri = bw::crypto::otpauthUri(issuer, account, kSeed20);
    BW_EXPECT_OK(uri);
    const QUrl url(uri.value(), QUrl::StrictMode);
    QVERIFY2(url.isValid(), qPrintable(url.errorString()));
    QCOMPARE(url.scheme(), QStringLiteral("otpauth"));
    QCOMPARE(url.host(), QStringLiteral("totp"));
    QCOMPARE(url.path(QUrl::FullyDecoded), QLatin1Char('/') + issuer + QLatin1Char(':') + account);
    const QUrlQuery query(url);
    QCOMPARE(query.queryItemValue(QStringLiteral("issuer"), QUrl::FullyDecoded), issuer);
    QCOMPARE(query.queryItemValue(QStringLiteral("secret")),
             QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    QCOMPARE(query.queryItemValue(QStringLiteral("digits")), QStringLiteral("6"));
}

void TestCryptoOtp::otpauthUriErrors()
{
    BW_EXPECT_ERROR(bw::crypto::otpauthUri(u"", u"alice", kSeed20), CryptoError::InvalidArgument);
    BW_EXPECT_ERROR(bw::crypto::otpauthUri(u"  ", u"alice", kSeed20), CryptoError::InvalidArgument);
    BW_EXPECT_ERROR(bw::crypto::otpauthUri(u"Bank", u"", kSeed20), CryptoError::InvalidArgument);
    BW_EXPECT_ERROR(bw::crypto::otpauthUri(u"Bank:Evil", u"alice", kSeed20), CryptoError::InvalidArgument);
    BW_EXPECT_ERROR(bw::crypto::otpauthUri(u"Bank", u"a:b", kSeed20), CryptoError::InvalidArgument);
    BW_EXPECT_ERROR(bw::crypto::otpauthUri(u"Bank", u"alice", QByteArray(10, 's')),
                    CryptoError::InvalidOtpSecret);
    TotpParams params;
    params.digits = 4;
    BW_EXPECT_ERROR(bw::crypto::otpauthUri(u"Bank", u"alice", kSeed20, params),
                    CryptoError::InvalidOtpParameters);
}

QTEST_GUILESS_MAIN(TestCryptoOtp)
#include "test_crypto_otp.moc"
