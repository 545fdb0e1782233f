// Tests for SHA-256/1/512, HMAC (RFC 4231 and RFC 2202 vectors), random bytes, SecretBytes,
// constant-time comparison and the error code table.
#include "crypto/constant_time.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "crypto/secret_bytes.h"
#include "crypto/version.h"

#include "crypto_test_util.h"

#include <QSet>

using namespace bw::crypto;

class TestCryptoHash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256Fips180_data();
    void sha256Fips180();
    void sha256EmbeddedNulIsHashed();
    void otherDigests();
    void hmacSha256Rfc4231_data();
    void hmacSha256Rfc4231();
    void hmacEmptyKeyAndData();
    void hmacSha1AndSha512();
    void hmacKeyDecides();

    void randomBytesSizes();
    void randomBytesRejectNegative();
    void randomBytesDiffer();
    void randomHuge();

    void secretBytesBasics();
    void secretBytesMoveAndClone();
    void secretBytesTakeFromWipesSource();
    void secretBytesEquality();
    void secureWipeStrings();

    void constantTimeEquals_data();
    void constantTimeEquals();

    void errorCodesAreDistinctAndTranslated();
    void libraryVersionIsOpenSsl3();
};

void TestCryptoHash::sha256Fips180_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expectedHex");
    QTest::newRow("empty") << QByteArray()
                           << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc") << QByteArray("abc")
                         << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << QByteArray(
                                     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::newRow("million a") << QByteArray(1'000'000, 'a')
                               << QByteArray(
                                      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void TestCryptoHash::sha256Fips180()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expectedHex);
    const Result<QByteArray> digest = sha256(message);
    BW_EXPECT_OK(digest);
    QCOMPARE(digest.value().toHex(), expectedHex);
    QCOMPARE(digest.value().size(), digestLength(HashAlgorithm::Sha256));
}

void TestCryptoHash::sha256EmbeddedNulIsHashed()
{
    // A C-string API would stop at the NUL and hash "a" both times.
    const QByteArray withNul("a\0b", 3);
    const Result<QByteArray> full = sha256(withNul);
    const Result<QByteArray> prefix = sha256(QByteArray("a"));
    BW_EXPECT_OK(full);
    BW_EXPECT_OK(prefix);
    QVERIFY(full.value() != prefix.value());
}

void TestCryptoHash::otherDigests()
{
    const Result<QByteArray> sha1 = digest(HashAlgorithm::Sha1, "abc");
    const Result<QByteArray> sha512 = digest(HashAlgorithm::Sha512, "abc");
    BW_EXPECT_OK(sha1);
    BW_EXPECT_OK(sha512);
    QCOMPARE(sha1.value().toHex(), QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d"));
    QCOMPARE(sha512.value().toHex(),
             QByteArray("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                        "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
    QCOMPARE(digestLength(HashAlgorithm::Sha1), 20);
    QCOMPARE(digestLength(HashAlgorithm::Sha512), 64);
}

void TestCryptoHash::hmacSha256Rfc4231_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("expectedHex");
    const QByteArray key131(131, '\xaa');
    QTest::newRow("case 1") << QByteArray(20, '\x0b') << QByteArray("Hi There")
                            << QByteArray("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    QTest::newRow("case 2") << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
                            << QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    QTest::newRow("case 3") << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
                            << QByteArray("773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    QTest::newRow("case 4") << QByteArray::fromHex("0102030405060708090a0b0c0d0e0f10111213141516171819")
                            << QByteArray(50, '\xcd')
                            << QByteArray("82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    // RFC 4231 publishes only the first 128 bits for case 5.
    QTest::newRow("case 5 (truncated)") << QByteArray(20, '\x0c') << QByteArray("Test With Truncation")
                                        << QByteArray("a3b6167473100ee06e0c796c2955552b");
    QTest::newRow("case 6") << key131 << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
                            << QByteArray("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    QTest::newRow("case 7") << key131
                            << QByteArray(
                                   "This is a test using a larger than block-size key and a larger than "
                                   "block-size data. The key needs to be hashed before being used by the "
                                   "HMAC algorithm.")
                            << QByteArray("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

void TestCryptoHash::hmacSha256Rfc4231()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, expectedHex);
    const Result<QByteArray> mac = hmacSha256(key, data);
    BW_EXPECT_OK(mac);
    QCOMPARE(mac.value().size(), 32);
    QCOMPARE(mac.value().first(expectedHex.size() / 2).toHex(), expectedHex);
}

void TestCryptoHash::hmacEmptyKeyAndData()
{
    // OpenSSL reads a NULL key as "keep the previous key"; an empty key must still work.
    const Result<QByteArray> mac = hmacSha256(QByteArrayView(), QByteArrayView());
    BW_EXPECT_OK(mac);
    QCOMPARE(mac.value().toHex(),
             QByteArray("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"));
}

void TestCryptoHash::hmacSha1AndSha512()
{
    const QByteArray key(20, '\x0b');
    const Result<QByteArray> sha1 = hmac(HashAlgorithm::Sha1, key, "Hi There");     // RFC 2202 case 1
    const Result<QByteArray> sha512 = hmac(HashAlgorithm::Sha512, key, "Hi There"); // RFC 4231 case 1
    BW_EXPECT_OK(sha1);
    BW_EXPECT_OK(sha512);
    QCOMPARE(sha1.value().toHex(), QByteArray("b617318655057264e28bc0b6fb378c8ef146be00"));
    QCOMPARE(sha512.value().toHex(),
             QByteArray("87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
                        "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854"));
}

void TestCryptoHash::hmacKeyDecides()
{
    const SecretBytes key = SecretBytes::copyOf(QByteArray("k\0ey", 4));
    const Result<QByteArray> a = hmacSha256(key.view(), "message");
    const Result<QByteArray> b = hmacSha256(QByteArray("k"), "message");
    const Result<QByteArray> again = hmacSha256(key.view(), "message");
    BW_EXPECT_OK(a);
    BW_EXPECT_OK(b);
    BW_EXPECT_OK(again);
    QVERIFY(a.value() != b.value()); // the bytes after the NUL count
    QCOMPARE(a.value(), again.value());
}

void TestCryptoHash::randomBytesSizes()
{
    const Result<QByteArray> none = randomBytes(0);
    BW_EXPECT_OK(none);
    QVERIFY(none.value().isEmpty());
    const Result<QByteArray> some = randomBytes(33);
    BW_EXPECT_OK(some);
    QCOMPARE(some.value().size(), 33);
    const Result<QByteArray> sixteen = random16();
    BW_EXPECT_OK(sixteen);
    QCOMPARE(sixteen.value().size(), 16);
    const Result<SecretBytes> key = randomKey32();
    BW_EXPECT_OK(key);
    QCOMPARE(key.value().size(), 32);
    const Result<SecretBytes> secret = randomSecret(7);
    BW_EXPECT_OK(secret);
    QCOMPARE(secret.value().size(), 7);
}

void TestCryptoHash::randomBytesRejectNegative()
{
    BW_EXPECT_ERROR(randomBytes(-1), CryptoError::InvalidArgument);
    BW_EXPECT_ERROR(randomSecret(-100), CryptoError::InvalidArgument);
}

void TestCryptoHash::randomBytesDiffer()
{
    // 100 keys of 256 bits: any repeat means the generator is broken.
    QSet<QByteArray> seen;
    for (int i = 0; i < 100; ++i) {
        const Result<SecretBytes> key = randomKey32();
        BW_EXPECT_OK(key);
        seen.insert(key.value().toByteArray());
    }
    QCOMPARE(seen.size(), 100);
}

void TestCryptoHash::randomHuge()
{
    const Result<QByteArray> big = randomBytes(10 * 1024 * 1024);
    BW_EXPECT_OK(big);
    QCOMPARE(big.value().size(), 10 * 1024 * 1024);
    // A filled buffer has every byte value; an unfilled (zeroed) one has one.
    QSet<char> values;
    for (const char c : big.value().first(100'000))
        values.insert(c);
    QCOMPARE(values.size(), 256);
}

void TestCryptoHash::secretBytesBasics()
{
    const SecretBytes empty;
    QVERIFY(empty.isEmpty());
    QCOMPARE(empty.size(), 0);
    QVERIFY(empty.view().isEmpty());

    const SecretBytes zeros(5);
    QCOMPARE(zeros.size(), 5);
    QCOMPARE(zeros.toByteArray(), QByteArray(5, '\0'));
    QVERIFY(SecretBytes(-3).isEmpty());

    const QByteArray withNul("se\0cr\xe5t", 7);
    SecretBytes secret = SecretBytes::copyOf(withNul);
    QCOMPARE(secret.size(), 7);
    QCOMPARE(secret.toByteArray(), withNul);
    QCOMPARE(secret.view(), QByteArrayView(withNul));
    secret.data()[0] = 'S';
    QCOMPARE(secret.constData()[0], 'S');
    secret.clear();
    QVERIFY(secret.isEmpty());
    QCOMPARE(secret.toByteArray(), QByteArray());
}

void TestCryptoHash::secretBytesMoveAndClone()
{
    SecretBytes a = SecretBytes::copyOf("key material");
    SecretBytes b = std::move(a);
    QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): moved-from state is specified
    QCOMPARE(b.toByteArray(), QByteArray("key material"));

    SecretBytes c = b.clone();
    QCOMPARE(c.toByteArray(), b.toByteArray());
    c.data()[0] = 'K';
    QCOMPARE(b.toByteArray(), QByteArray("key material")); // the clone owns its own bytes

    SecretBytes d = SecretBytes::copyOf("old");
    d = std::move(c);
    QCOMPARE(d.toByteArray(), QByteArray("Key material"));
    QVERIFY(c.isEmpty()); // NOLINT(bugprone-use-after-move)
}

void TestCryptoHash::secretBytesTakeFromWipesSource()
{
    QByteArray source("device secret\0tail", 18);
    const SecretBytes secret = SecretBytes::takeFrom(source);
    QVERIFY(source.isEmpty());
    QCOMPARE(secret.toByteArray(), QByteArray("device secret\0tail", 18));
}

void TestCryptoHash::secretBytesEquality()
{
    QVERIFY(SecretBytes::copyOf("abc") == SecretBytes::copyOf("abc"));
    QVERIFY(!(SecretBytes::copyOf("abc") == SecretBytes::copyOf("abd")));
    QVERIFY(!(SecretBytes::copyOf("abc") == SecretBytes::copyOf("abcd")));
    QVERIFY(SecretBytes() == SecretBytes());
    QVERIFY(!(SecretBytes() == SecretBytes(1)));
    QVERIFY(!(SecretBytes::copyOf(QByteArray("a\0b", 3)) == SecretBytes::copyOf(QByteArray("a\0c", 3))));
}

void TestCryptoHash::secureWipeStrings()
{
    QByteArray bytes("secret");
    QByteArray sharedCopy = bytes; // implicitly shared with `bytes`
    secureWipe(bytes);
    QVERIFY(bytes.isEmpty());
    // Documented limit: another QByteArray sharing the data keeps its copy.
    QCOMPARE(sharedCopy, QByteArray("secret"));

    QString password = QStringLiteral("pässwörd 密码");
    secureWipe(password);
    QVERIFY(password.isEmpty());

    QByteArray empty;
    secureWipe(empty);
    QVERIFY(empty.isEmpty());
}

void TestCryptoHash::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("0123456789abcdef") << QByteArray("0123456789abcdef") << true;
    QTest::newRow("last byte differs")
        << QByteArray("0123456789abcdef") << QByteArray("0123456789abcdeF") << false;
    QTest::newRow("first byte differs") << QByteArray("x123") << QByteArray("0123") << false;
    QTest::newRow("prefix") << QByteArray("0123") << QByteArray("012") << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("empty vs one") << QByteArray() << QByteArray("a") << false;
    QTest::newRow("after NUL differs") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
    QTest::newRow("high bytes") << QByteArray("\xff\x80") << QByteArray("\xff\x80") << true;
}

void TestCryptoHash::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(bw::crypto::constantTimeEquals(a, b), equal);
    QCOMPARE(bw::crypto::constantTimeEquals(b, a), equal);
}

void TestCryptoHash::errorCodesAreDistinctAndTranslated()
{
    QSet<QString> names;
    QSet<QString> messages;
    const int count = int(CryptoError::OtpReplayed) + 1;
    for (int i = 0; i < count; ++i) {
        const auto error = static_cast<CryptoError>(i);
        const QString name = errorCodeName(error);
        QVERIFY2(name.startsWith(QLatin1String("crypto.")) && name != QLatin1String("crypto.unknown"),
                 qPrintable(name));
        QVERIFY(!errorMessage(error).isEmpty());
        names.insert(name);
        messages.insert(errorMessage(error));
    }
    QCOMPARE(names.size(), count);
    QCOMPARE(messages.size(), count);
    QCOMPARE(errorCodeName(CryptoError::AuthenticationFailed),
             QStringLiteral("crypto.authentication_failed"));
}

void TestCryptoHash::libraryVersionIsOpenSsl3()
{
    // What Help → About shows: the library loaded at run time.
    const QString version = libraryVersion();
    QVERIFY2(version.startsWith(QLatin1String("OpenSSL 3.")), qPrintable(version));
}

QTEST_GUILESS_MAIN(TestCryptoHash)
#include "test_crypto_hash.moc"
