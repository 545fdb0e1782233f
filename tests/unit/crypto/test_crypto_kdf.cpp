// Tests for scrypt (RFC 7914 §12), PBKDF2-HMAC-SHA256 (RFC 7914 §11), parameter validation and the
// self-describing password hash record.
#include "crypto/encoding.h"
#include "crypto/kdf.h"
#include "crypto/password_hash.h"

#include "crypto_test_util.h"

#include <QElapsedTimer>
#include <QRegularExpression>

using namespace bw::crypto;

namespace {

// Cheap enough for many test runs under sanitizers, still a real scrypt.
ScryptParams cheapParams()
{
    return ScryptParams{1024, 8, 1};
}

const QByteArray kVector3 =
    QByteArray::fromHex("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
                        "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");

} // namespace

class TestCryptoKdf : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scryptRfc7914_data();
    void scryptRfc7914();
    void scryptRfc7914Vector4();
    void scryptDefaultsNeedRaisedMemoryLimit();
    void scryptParameterErrors_data();
    void scryptParameterErrors();
    void scryptPasswordBytesMatter();

    void pbkdf2Rfc7914_data();
    void pbkdf2Rfc7914();
    void pbkdf2Errors();

    void recordFormatAndRoundTrip();
    void recordFromPublishedVector();
    void recordPbkdf2();
    void recordSaltIsRandom();
    void recordHostilePasswords_data();
    void recordHostilePasswords();
    void recordParseErrors_data();
    void recordParseErrors();
    void recordMemoryCapAppliesOnVerify();
    void recordCreateErrors();
    void needsRehash();
};

void TestCryptoKdf::scryptRfc7914_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("vector 1") << QByteArray() << QByteArray() << quint64(16) << quint32(1) << quint32(1)
                              << QByteArray::fromHex(
                                     "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                                     "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
    QTest::newRow("vector 2") << QByteArray("password") << QByteArray("NaCl") << quint64(1024) << quint32(8)
                              << quint32(16)
                              << QByteArray::fromHex(
                                     "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                                     "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    QTest::newRow("vector 3") << QByteArray("pleaseletmein") << QByteArray("SodiumChloride") << quint64(16384)
                              << quint32(8) << quint32(1) << kVector3;
}

void TestCryptoKdf::scryptRfc7914()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(QByteArray, expected);
    ScryptParams params{n, r, p};
    params.keyLength = 64;
    const Result<SecretBytes> key = scrypt(password, salt, params);
    BW_EXPECT_OK(key);
    QCOMPARE(key.value().toByteArray().toHex(), expected.toHex());
}

void TestCryptoKdf::scryptRfc7914Vector4()
{
    // N=2^20, r=8 needs 1 GiB. The scrypt loops run inside (uninstrumented) libcrypto, so this takes a
    // few seconds even under ASan; it also proves that a caller can raise the memory cap.
    ScryptParams params;
    params.n = quint64(1) << 20;
    params.keyLength = 64;
    BW_EXPECT_ERROR(scrypt("pleaseletmein", "SodiumChloride", params), CryptoError::KdfMemoryLimitExceeded);
    QElapsedTimer timer;
    timer.start();
    const Result<SecretBytes> key = scrypt("pleaseletmein", "SodiumChloride", params, 1100ull * 1024 * 1024);
    BW_EXPECT_OK(key);
    QCOMPARE(key.value().toByteArray().toHex(),
             QByteArray("2101cb9b6a511aaeaddbbe09cf70f881ec568d574a2ffd4dabe5ee9820adaa47"
                        "8e56fd8f4ba5d09ffa1c6d927c40f4c337304049e8a952fbcbf45c6fa77a41a4"));
    qInfo("scrypt N=2^20 r=8 p=1 took %lld ms", static_cast<long long>(timer.elapsed()));
}

void TestCryptoKdf::scryptDefaultsNeedRaisedMemoryLimit()
{
    const ScryptParams defaults;
    QCOMPARE(defaults.n, quint64(131072));
    QCOMPARE(defaults.r, quint32(8));
    QCOMPARE(defaults.p, quint32(1));
    QCOMPARE(defaults.saltLength, 16);
    QCOMPARE(defaults.keyLength, 32);
    // 128 MiB and a little: more than OpenSSL's built-in 32 MiB, less than our cap.
    QVERIFY(defaults.memoryNeeded() > 128ull * 1024 * 1024);
    QVERIFY(defaults.memoryNeeded() <= kScryptDefaultMaxMemory);
    BW_EXPECT_OK(defaults.validate());
    BW_EXPECT_ERROR(defaults.validate(32ull * 1024 * 1024), CryptoError::KdfMemoryLimitExceeded);

    // A real derivation with the production setting.
    const Result<SecretBytes> key = scrypt("correct horse", "0123456789abcdef", defaults);
    BW_EXPECT_OK(key);
    QCOMPARE(key.value().size(), 32);
}

void TestCryptoKdf::scryptParameterErrors_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<quint32>("r");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<qsizetype>("keyLength");
    QTest::addColumn<qsizetype>("saltLength");
    QTest::addColumn<CryptoError>("error");
    const auto bad = CryptoError::InvalidKdfParameters;
    QTest::newRow("n 0") << quint64(0) << quint32(8) << quint32(1) << qsizetype(32) << qsizetype(16) << bad;
    QTest::newRow("n 1") << quint64(1) << quint32(8) << quint32(1) << qsizetype(32) << qsizetype(16) << bad;
    QTest::newRow("n not power of two")
        << quint64(1000) << quint32(8) << quint32(1) << qsizetype(32) << qsizetype(16) << bad;
    QTest::newRow("n too big for r=1")
        << quint64(65536) << quint32(1) << quint32(1) << qsizetype(32) << qsizetype(16) << bad;
    QTest::newRow("r 0") << quint64(1024) << quint32(0) << quint32(1) << qsizetype(32) << qsizetype(16)
                         << bad;
    QTest::newRow("p 0") << quint64(1024) << quint32(8) << quint32(0) << qsizetype(32) << qsizetype(16)
                         << bad;
    QTest::newRow("r*p >= 2^30") << quint64(1024) << quint32(1 << 15) << quint32(1 << 15) << qsizetype(32)
                                 << qsizetype(16) << bad;
    QTest::newRow("key length 0") << quint64(1024) << quint32(8) << quint32(1) << qsizetype(0)
                                  << qsizetype(16) << bad;
    QTest::newRow("key length 1025") << quint64(1024) << quint32(8) << quint32(1) << qsizetype(1025)
                                     << qsizetype(16) << bad;
    QTest::newRow("salt length 0") << quint64(1024) << quint32(8) << quint32(1) << qsizetype(32)
                                   << qsizetype(0) << bad;
    QTest::newRow("n 2^20 over default cap")
        << (quint64(1) << 20) << quint32(8) << quint32(1) << qsizetype(32) << qsizetype(16)
        << CryptoError::KdfMemoryLimitExceeded;
    QTest::newRow("memory overflows 64 bits")
        << (quint64(1) << 62) << quint32(8) << quint32(1) << qsizetype(32) << qsizetype(16)
        << CryptoError::KdfMemoryLimitExceeded;
    QTest::newRow("huge p") << quint64(1024) << quint32(1) << quint32((1u << 30) - 1) << qsizetype(32)
                            << qsizetype(16) << CryptoError::KdfMemoryLimitExceeded;
}

void TestCryptoKdf::scryptParameterErrors()
{
    QFETCH(quint64, n);
    QFETCH(quint32, r);
    QFETCH(quint32, p);
    QFETCH(qsizetype, keyLength);
    QFETCH(qsizetype, saltLength);
    QFETCH(CryptoError, error);
    ScryptParams params{n, r, p};
    params.keyLength = keyLength;
    params.saltLength = saltLength;
    BW_EXPECT_ERROR(params.validate(), error);
    BW_EXPECT_ERROR(scrypt("password", "salt", params), error);
}

void TestCryptoKdf::scryptPasswordBytesMatter()
{
    const ScryptParams params = cheapParams();
    const Result<SecretBytes> withNul = scrypt(QByteArray("pass\0word", 9), "saltsalt", params);
    const Result<SecretBytes> truncated = scrypt("pass", "saltsalt", params);
    const Result<SecretBytes> again = scrypt(QByteArray("pass\0word", 9), "saltsalt", params);
    const Result<SecretBytes> otherSalt = scrypt(QByteArray("pass\0word", 9), "saltsalT", params);
    BW_EXPECT_OK(withNul);
    BW_EXPECT_OK(truncated);
    BW_EXPECT_OK(again);
    BW_EXPECT_OK(otherSalt);
    QVERIFY(!(withNul.value() == truncated.value()));
    QVERIFY(withNul.value() == again.value());
    QVERIFY(!(withNul.value() == otherSalt.value()));
}

void TestCryptoKdf::pbkdf2Rfc7914_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("salt");
    QTest::addColumn<quint64>("iterations");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("c=1") << QByteArray("passwd") << QByteArray("salt") << quint64(1)
                         << QByteArray::fromHex(
                                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                                "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
    QTest::newRow("c=80000") << QByteArray("Password") << QByteArray("NaCl") << quint64(80000)
                             << QByteArray::fromHex(
                                    "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                                    "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
}

void TestCryptoKdf::pbkdf2Rfc7914()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, salt);
    QFETCH(quint64, iterations);
    QFETCH(QByteArray, expected);
    const Result<SecretBytes> key = pbkdf2HmacSha256(password, salt, iterations, 64);
    BW_EXPECT_OK(key);
    QCOMPARE(key.value().toByteArray().toHex(), expected.toHex());
}

void TestCryptoKdf::pbkdf2Errors()
{
    BW_EXPECT_ERROR(pbkdf2HmacSha256("pw", "saltsalt", 0, 32), CryptoError::InvalidKdfParameters);
    BW_EXPECT_ERROR(pbkdf2HmacSha256("pw", "saltsalt", kPbkdf2MaxIterations + 1, 32),
                    CryptoError::InvalidKdfParameters);
    BW_EXPECT_ERROR(pbkdf2HmacSha256("pw", "saltsalt", 1, 0), CryptoError::InvalidKdfParameters);
    BW_EXPECT_ERROR(pbkdf2HmacSha256("pw", "saltsalt", 1, -1), CryptoError::InvalidKdfParameters);
    BW_EXPECT_ERROR(pbkdf2HmacSha256("pw", "saltsalt", 1, kKdfMaxOutputLength + 1),
                    CryptoError::InvalidKdfParameters);
    // Empty password and salt are valid inputs, not errors.
    const Result<SecretBytes> empty = pbkdf2HmacSha256({}, {}, 1, 32);
    BW_EXPECT_OK(empty);
    QCOMPARE(empty.value().size(), 32);
}

void TestCryptoKdf::recordFormatAndRoundTrip()
{
    const Result<PasswordHash> created = PasswordHash::createScrypt("correct horse battery", cheapParams());
    BW_EXPECT_OK(created);
    const QString text = created.value().toString();
    static const QRegularExpression format(
        QStringLiteral(R"(^scrypt\$v1\$1024\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$)"));
    QVERIFY2(format.match(text).hasMatch(), qPrintable(text));

    const Result<PasswordHash> parsed = PasswordHash::parse(text);
    BW_EXPECT_OK(parsed);
    QCOMPARE(parsed.value().toString(), text);
    QCOMPARE(parsed.value().algorithm(), PasswordHash::Algorithm::Scrypt);
    QCOMPARE(parsed.value().scryptParams().n, quint64(1024));
    QCOMPARE(parsed.value().salt().size(), 16);
    QCOMPARE(parsed.value().hash().size(), 32);

    const Result<PasswordVerdict> good = PasswordHash::verify("correct horse battery", text);
    const Result<PasswordVerdict> bad = PasswordHash::verify("correct horse batterY", text);
    const Result<PasswordVerdict> empty = PasswordHash::verify("", text);
    BW_EXPECT_OK(good);
    BW_EXPECT_OK(bad);
    BW_EXPECT_OK(empty);
    QCOMPARE(good.value(), PasswordVerdict::Match);
    QCOMPARE(bad.value(), PasswordVerdict::Mismatch);
    QCOMPARE(empty.value(), PasswordVerdict::Mismatch);
}

void TestCryptoKdf::recordFromPublishedVector()
{
    // RFC 7914 vector 3 written as a record: the record format feeds scrypt exactly these bytes.
    const QString record = QStringLiteral("scrypt$v1$16384$8$1$") + base64Encode("SodiumChloride") +
                           QLatin1Char('$') + base64Encode(kVector3);
    const Result<PasswordVerdict> match = PasswordHash::verify("pleaseletmein", record);
    BW_EXPECT_OK(match);
    QCOMPARE(match.value(), PasswordVerdict::Match);
    const Result<PasswordVerdict> mismatch = PasswordHash::verify("pleaseletmeiN", record);
    BW_EXPECT_OK(mismatch);
    QCOMPARE(mismatch.value(), PasswordVerdict::Mismatch);
}

void TestCryptoKdf::recordPbkdf2()
{
    const Result<PasswordHash> created = PasswordHash::createPbkdf2("hunter2", 1000);
    BW_EXPECT_OK(created);
    const QString text = created.value().toString();
    QVERIFY2(text.startsWith(QLatin1String("pbkdf2-sha256$v1$1000$")), qPrintable(text));
    QCOMPARE(text.count(QLatin1Char('$')), 4);
    const Result<PasswordVerdict> good = PasswordHash::verify("hunter2", text);
    const Result<PasswordVerdict> bad = PasswordHash::verify("hunter3", text);
    BW_EXPECT_OK(good);
    BW_EXPECT_OK(bad);
    QCOMPARE(good.value(), PasswordVerdict::Match);
    QCOMPARE(bad.value(), PasswordVerdict::Mismatch);
    BW_EXPECT_ERROR(PasswordHash::createPbkdf2("x", 0), CryptoError::InvalidKdfParameters);
}

void TestCryptoKdf::recordSaltIsRandom()
{
    const Result<PasswordHash> a = PasswordHash::createScrypt("same password", cheapParams());
    const Result<PasswordHash> b = PasswordHash::createScrypt("same password", cheapParams());
    BW_EXPECT_OK(a);
    BW_EXPECT_OK(b);
    QVERIFY(a.value().salt() != b.value().salt());
    QVERIFY(a.value().hash() != b.value().hash());
}

void TestCryptoKdf::recordHostilePasswords_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("nearMiss");
    QTest::newRow("empty") << QByteArray() << QByteArray(" ");
    QTest::newRow("embedded NUL") << QByteArray("abc\0def", 7) << QByteArray("abc");
    QTest::newRow("Chinese UTF-8") << QStringLiteral("我的密码很长很安全").toUtf8()
                                   << QStringLiteral("我的密码很长很安").toUtf8();
    QTest::newRow("1 MB") << QByteArray(1024 * 1024, 'x') << QByteArray(1024 * 1024 - 1, 'x');
}

void TestCryptoKdf::recordHostilePasswords()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, nearMiss);
    const Result<PasswordHash> created = PasswordHash::createScrypt(password, cheapParams());
    BW_EXPECT_OK(created);
    const Result<PasswordVerdict> good = created.value().verify(password);
    const Result<PasswordVerdict> bad = created.value().verify(nearMiss);
    BW_EXPECT_OK(good);
    BW_EXPECT_OK(bad);
    QCOMPARE(good.value(), PasswordVerdict::Match);
    QCOMPARE(bad.value(), PasswordVerdict::Mismatch);
}

void TestCryptoKdf::recordParseErrors_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<CryptoError>("error");
    const QString salt = base64Encode("0123456789abcdef");
    const QString hash = base64Encode(QByteArray(32, 'h'));
    const QString tail = QLatin1Char('$') + salt + QLatin1Char('$') + hash;
    const auto malformed = CryptoError::MalformedPasswordHash;
    QTest::newRow("empty") << QString() << malformed;
    QTest::newRow("algorithm only") << QStringLiteral("scrypt") << malformed;
    QTest::newRow("unknown algorithm")
        << QStringLiteral("argon2id$v1$19456$2$1") + tail << CryptoError::UnsupportedAlgorithm;
    QTest::newRow("case matters") << QStringLiteral("SCRYPT$v1$1024$8$1") + tail
                                  << CryptoError::UnsupportedAlgorithm;
    QTest::newRow("future version") << QStringLiteral("scrypt$v2$1024$8$1") + tail
                                    << CryptoError::UnsupportedVersion;
    QTest::newRow("pbkdf2 future version")
        << QStringLiteral("pbkdf2-sha256$v9$1000") + tail << CryptoError::UnsupportedVersion;
    QTest::newRow("missing field") << QStringLiteral("scrypt$v1$1024$8") + tail << malformed;
    QTest::newRow("extra field") << QStringLiteral("scrypt$v1$1024$8$1") + tail + QStringLiteral("$x")
                                 << malformed;
    QTest::newRow("n not power of two") << QStringLiteral("scrypt$v1$1000$8$1") + tail << malformed;
    QTest::newRow("n leading zero") << QStringLiteral("scrypt$v1$01024$8$1") + tail << malformed;
    QTest::newRow("n with sign") << QStringLiteral("scrypt$v1$+1024$8$1") + tail << malformed;
    QTest::newRow("n with space") << QStringLiteral("scrypt$v1$1024 $8$1") + tail << malformed;
    QTest::newRow("n overflows") << QStringLiteral("scrypt$v1$99999999999999999999999$8$1") + tail
                                 << malformed;
    QTest::newRow("n full-width digits") << QStringLiteral("scrypt$v1$１０２４$8$1") + tail << malformed;
    QTest::newRow("n empty") << QStringLiteral("scrypt$v1$$8$1") + tail << malformed;
    QTest::newRow("r zero") << QStringLiteral("scrypt$v1$1024$0$1") + tail << malformed;
    QTest::newRow("r over 32 bits") << QStringLiteral("scrypt$v1$1024$4294967296$1") + tail << malformed;
    QTest::newRow("p zero") << QStringLiteral("scrypt$v1$1024$8$0") + tail << malformed;
    QTest::newRow("bad salt base64") << QStringLiteral("scrypt$v1$1024$8$1$***$") + hash << malformed;
    QTest::newRow("salt too short") << QStringLiteral("scrypt$v1$1024$8$1$") + base64Encode("NaCl") +
                                           QLatin1Char('$') + hash
                                    << malformed;
    QTest::newRow("hash too short") << QStringLiteral("scrypt$v1$1024$8$1$") + salt + QLatin1Char('$') +
                                           base64Encode("12345678")
                                    << malformed;
    QTest::newRow("embedded NUL") << QStringLiteral("scrypt$v1$1024$8$1") + tail + QChar(u'\0') << malformed;
    QTest::newRow("pbkdf2 zero iterations") << QStringLiteral("pbkdf2-sha256$v1$0") + tail << malformed;
    QTest::newRow("pbkdf2 too many iterations")
        << QStringLiteral("pbkdf2-sha256$v1$100000001") + tail << malformed;
}

void TestCryptoKdf::recordParseErrors()
{
    QFETCH(QString, record);
    QFETCH(CryptoError, error);
    BW_EXPECT_ERROR(PasswordHash::parse(record), error);
    BW_EXPECT_ERROR(PasswordHash::verify("password", record), error);
}

void TestCryptoKdf::recordMemoryCapAppliesOnVerify()
{
    // A record asking for 1 GiB parses (it is well formed) but is not run under the default cap.
    const QString record = QStringLiteral("scrypt$v1$1048576$8$1$") + base64Encode("SodiumChloride") +
                           QLatin1Char('$') + base64Encode(QByteArray(64, 'x'));
    const Result<PasswordHash> parsed = PasswordHash::parse(record);
    BW_EXPECT_OK(parsed);
    QElapsedTimer timer;
    timer.start();
    BW_EXPECT_ERROR(parsed.value().verify("pleaseletmein"), CryptoError::KdfMemoryLimitExceeded);
    QVERIFY(timer.elapsed() < 1000); // refused up front, not after allocating
}

void TestCryptoKdf::recordCreateErrors()
{
    ScryptParams shortSalt = cheapParams();
    shortSalt.saltLength = 4;
    BW_EXPECT_ERROR(PasswordHash::createScrypt("pw", shortSalt), CryptoError::InvalidKdfParameters);
    ScryptParams shortHash = cheapParams();
    shortHash.keyLength = 8;
    BW_EXPECT_ERROR(PasswordHash::createScrypt("pw", shortHash), CryptoError::InvalidKdfParameters);
    ScryptParams badN = cheapParams();
    badN.n = 1000;
    BW_EXPECT_ERROR(PasswordHash::createScrypt("pw", badN), CryptoError::InvalidKdfParameters);
    ScryptParams tooBig = cheapParams();
    tooBig.n = quint64(1) << 20;
    BW_EXPECT_ERROR(PasswordHash::createScrypt("pw", tooBig), CryptoError::KdfMemoryLimitExceeded);
}

void TestCryptoKdf::needsRehash()
{
    const Result<PasswordHash> cheap = PasswordHash::createScrypt("pw", cheapParams());
    const Result<PasswordHash> pbkdf2 = PasswordHash::createPbkdf2("pw", 1000);
    BW_EXPECT_OK(cheap);
    BW_EXPECT_OK(pbkdf2);
    QVERIFY(cheap.value().needsRehash(ScryptParams{}));
    QVERIFY(!cheap.value().needsRehash(cheapParams()));
    QVERIFY(pbkdf2.value().needsRehash(cheapParams()));
    ScryptParams moreParallel = cheapParams();
    moreParallel.p = 2;
    QVERIFY(cheap.value().needsRehash(moreParallel));
}

QTEST_GUILESS_MAIN(TestCryptoKdf)
#include "test_crypto_kdf.moc"
