// Tests for AES-256-GCM: McGrew–Viega (NIST GCM spec) test cases 13–16, the versioned envelope,
// tampering with every region, wrong keys and sizes, and large or odd plaintexts.
#include "crypto/aead.h"
#include "crypto/random.h"

#include "crypto_test_util.h"

using namespace bw::crypto;

namespace {

QByteArray key32()
{
    return QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
}

const QByteArray kAad("wallet_profile.name#42");

} // namespace

class TestCryptoAead : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gcmSpecVectors_data();
    void gcmSpecVectors();
    void rawErrors();
    void rawTamper();

    void envelopeRoundTrip_data();
    void envelopeRoundTrip();
    void envelopeLayout();
    void envelopeNonceIsFresh();
    void envelopeTamper_data();
    void envelopeTamper();
    void envelopeWrongAssociatedData_data();
    void envelopeWrongAssociatedData();
    void envelopeWrongKey();
    void envelopeTruncated();
    void envelopeVersions_data();
    void envelopeVersions();
    void keyLengths_data();
    void keyLengths();
    void hugeRoundTrip();
};

void TestCryptoAead::gcmSpecVectors_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("iv");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("aad");
    QTest::addColumn<QByteArray>("ciphertext");
    QTest::addColumn<QByteArray>("tag");
    const QByteArray zeroKey(32, '\0');
    const QByteArray key =
        QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    const QByteArray iv = QByteArray::fromHex("cafebabefacedbaddecaf888");
    const QByteArray p64 =
        QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                            "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
    const QByteArray c64 =
        QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                            "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad");
    QTest::newRow("test case 13") << zeroKey << QByteArray(12, '\0') << QByteArray() << QByteArray()
                                  << QByteArray() << QByteArray::fromHex("530f8afbc74536b9a963b4f1c4cb738b");
    QTest::newRow("test case 14") << zeroKey << QByteArray(12, '\0') << QByteArray(16, '\0') << QByteArray()
                                  << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18")
                                  << QByteArray::fromHex("d0d1c8a799996bf0265b98b5d48ab919");
    QTest::newRow("test case 15") << key << iv << p64 << QByteArray() << c64
                                  << QByteArray::fromHex("b094dac5d93471bdec1a502270e3cc6c");
    QTest::newRow("test case 16") << key << iv << p64.first(60)
                                  << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
                                  << c64.first(60) << QByteArray::fromHex("76fc6ece0f4e1768cddf8853bb2d551b");
}

void TestCryptoAead::gcmSpecVectors()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, iv);
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, aad);
    QFETCH(QByteArray, ciphertext);
    QFETCH(QByteArray, tag);
    const Result<GcmSealed> sealed = aes256GcmSeal(key, iv, plaintext, aad);
    BW_EXPECT_OK(sealed);
    QCOMPARE(sealed.value().ciphertext.toHex(), ciphertext.toHex());
    QCOMPARE(sealed.value().tag.toHex(), tag.toHex());
    const Result<SecretBytes> opened = aes256GcmOpen(key, iv, ciphertext, tag, aad);
    BW_EXPECT_OK(opened);
    QCOMPARE(opened.value().toByteArray().toHex(), plaintext.toHex());
}

void TestCryptoAead::rawErrors()
{
    const QByteArray nonce(12, 'n');
    const QByteArray tag(16, 't');
    BW_EXPECT_ERROR(aes256GcmSeal(QByteArray(16, 'k'), nonce, "p", {}), CryptoError::InvalidKeyLength);
    BW_EXPECT_ERROR(aes256GcmSeal(key32(), QByteArray(), "p", {}), CryptoError::InvalidNonceLength);
    BW_EXPECT_ERROR(aes256GcmSeal(key32(), QByteArray(8, 'n'), "p", {}), CryptoError::InvalidNonceLength);
    BW_EXPECT_ERROR(aes256GcmSeal(key32(), QByteArray(16, 'n'), "p", {}), CryptoError::InvalidNonceLength);
    BW_EXPECT_ERROR(aes256GcmOpen(QByteArray(33, 'k'), nonce, "c", tag, {}), CryptoError::InvalidKeyLength);
    BW_EXPECT_ERROR(aes256GcmOpen(key32(), QByteArray(11, 'n'), "c", tag, {}),
                    CryptoError::InvalidNonceLength);
    BW_EXPECT_ERROR(aes256GcmOpen(key32(), nonce, "c", QByteArray(12, 't'), {}),
                    CryptoError::InvalidTagLength);
    BW_EXPECT_ERROR(aes256GcmOpen(key32(), nonce, "c", QByteArray(), {}), CryptoError::InvalidTagLength);
}

void TestCryptoAead::rawTamper()
{
    const QByteArray nonce(12, 'n');
    const Result<GcmSealed> sealed = aes256GcmSeal(key32(), nonce, "attack at dawn", kAad);
    BW_EXPECT_OK(sealed);
    QByteArray ciphertext = sealed.value().ciphertext;
    QByteArray tag = sealed.value().tag;
    ciphertext[3] = char(ciphertext[3] ^ 0x01);
    BW_EXPECT_ERROR(aes256GcmOpen(key32(), nonce, ciphertext, tag, kAad), CryptoError::AuthenticationFailed);
    ciphertext = sealed.value().ciphertext;
    tag[15] = char(tag[15] ^ 0x80);
    BW_EXPECT_ERROR(aes256GcmOpen(key32(), nonce, ciphertext, tag, kAad), CryptoError::AuthenticationFailed);
    BW_EXPECT_ERROR(aes256GcmOpen(key32(), QByteArray(12, 'N'), ciphertext, sealed.value().tag, kAad),
                    CryptoError::AuthenticationFailed);
}

void TestCryptoAead::envelopeRoundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("aad");
    QTest::newRow("empty, no AAD") << QByteArray() << QByteArray();
    QTest::newRow("empty with AAD") << QByteArray() << kAad;
    QTest::newRow("one byte") << QByteArray("x") << kAad;
    QTest::newRow("embedded NULs") << QByteArray("\0name\0\0", 7) << QByteArray("row\0id", 6);
    QTest::newRow("Chinese UTF-8") << QStringLiteral("张伟 +86 138 0013 8000").toUtf8() << kAad;
    QTest::newRow("one block") << QByteArray(16, 'b') << kAad;
    QTest::newRow("block plus one") << QByteArray(17, 'b') << kAad;
    QTest::newRow("64 KiB AAD") << QByteArray("v") << QByteArray(65536, 'a');
}

void TestCryptoAead::envelopeRoundTrip()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, aad);
    const Result<QByteArray> envelope = sealEnvelope(key32(), plaintext, aad);
    BW_EXPECT_OK(envelope);
    QCOMPARE(envelope.value().size(), plaintext.size() + kEnvelopeOverhead);
    const Result<SecretBytes> opened = openEnvelope(key32(), envelope.value(), aad);
    BW_EXPECT_OK(opened);
    QCOMPARE(opened.value().toByteArray(), plaintext);
}

void TestCryptoAead::envelopeLayout()
{
    // The documented layout, checked with the raw primitive: version ‖ nonce ‖ ciphertext ‖ tag, and the
    // GCM AAD is the version byte followed by the caller's associated data.
    const QByteArray plaintext("layout check");
    const Result<QByteArray> envelope = sealEnvelope(key32(), plaintext, kAad);
    BW_EXPECT_OK(envelope);
    const QByteArray &e = envelope.value();
    QCOMPARE(int(e[0]), 1);
    QCOMPARE(kEnvelopeOverhead, 29);
    const Result<SecretBytes> opened = aes256GcmOpen(key32(), e.sliced(1, 12), e.sliced(13, plaintext.size()),
                                                     e.sliced(e.size() - 16), QByteArray(1, '\x01') + kAad);
    BW_EXPECT_OK(opened);
    QCOMPARE(opened.value().toByteArray(), plaintext);
    QVERIFY(!e.contains(plaintext));
}

void TestCryptoAead::envelopeNonceIsFresh()
{
    const Result<QByteArray> a = sealEnvelope(key32(), "same", kAad);
    const Result<QByteArray> b = sealEnvelope(key32(), "same", kAad);
    BW_EXPECT_OK(a);
    BW_EXPECT_OK(b);
    QVERIFY(a.value().sliced(1, 12) != b.value().sliced(1, 12));
    QVERIFY(a.value() != b.value());
}

void TestCryptoAead::envelopeTamper_data()
{
    // Every byte of every region, each with a single flipped bit.
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("bit");
    QTest::addColumn<CryptoError>("error");
    const int plaintextLength = 20;
    const int size = plaintextLength + int(kEnvelopeOverhead);
    for (int bit : {0, 7}) {
        QTest::addRow("version bit %d", bit) << 0 << bit << CryptoError::UnsupportedVersion;
        for (int i = 1; i < size; ++i) {
            const char *region = i < 13 ? "nonce" : i < 13 + plaintextLength ? "ciphertext" : "tag";
            QTest::addRow("%s byte %d bit %d", region, i, bit)
                << i << bit << CryptoError::AuthenticationFailed;
        }
    }
}

void TestCryptoAead::envelopeTamper()
{
    QFETCH(int, index);
    QFETCH(int, bit);
    QFETCH(CryptoError, error);
    const Result<QByteArray> sealed = sealEnvelope(key32(), "twenty bytes of text", kAad);
    BW_EXPECT_OK(sealed);
    QByteArray envelope = sealed.value();
    QCOMPARE(envelope.size(), 20 + kEnvelopeOverhead);
    envelope[index] = char(envelope[index] ^ (1 << bit));
    BW_EXPECT_ERROR(openEnvelope(key32(), envelope, kAad), error);
}

void TestCryptoAead::envelopeWrongAssociatedData_data()
{
    QTest::addColumn<QByteArray>("aad");
    QByteArray flipped = kAad;
    flipped[flipped.size() - 1] = '3';
    QTest::newRow("last byte changed") << flipped;
    QTest::newRow("byte appended") << kAad + "0";
    QTest::newRow("byte removed") << kAad.chopped(1);
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("NUL appended") << kAad + QByteArray(1, '\0');
    QTest::newRow("version byte prepended") << QByteArray(1, '\x01') + kAad;
}

void TestCryptoAead::envelopeWrongAssociatedData()
{
    QFETCH(QByteArray, aad);
    const Result<QByteArray> sealed = sealEnvelope(key32(), "secret note", kAad);
    BW_EXPECT_OK(sealed);
    BW_EXPECT_ERROR(openEnvelope(key32(), sealed.value(), aad), CryptoError::AuthenticationFailed);
    // And sealed without AAD, opened with some:
    const Result<QByteArray> noAad = sealEnvelope(key32(), "secret note");
    BW_EXPECT_OK(noAad);
    BW_EXPECT_ERROR(openEnvelope(key32(), noAad.value(), kAad), CryptoError::AuthenticationFailed);
}

void TestCryptoAead::envelopeWrongKey()
{
    const Result<QByteArray> sealed = sealEnvelope(key32(), "secret", kAad);
    BW_EXPECT_OK(sealed);
    QByteArray otherKey = key32();
    otherKey[31] = char(otherKey[31] ^ 1);
    BW_EXPECT_ERROR(openEnvelope(otherKey, sealed.value(), kAad), CryptoError::AuthenticationFailed);
    const Result<SecretBytes> randomKey = randomKey32();
    BW_EXPECT_OK(randomKey);
    BW_EXPECT_ERROR(openEnvelope(randomKey.value().view(), sealed.value(), kAad),
                    CryptoError::AuthenticationFailed);
}

void TestCryptoAead::envelopeTruncated()
{
    const Result<QByteArray> sealed = sealEnvelope(key32(), "0123456789", kAad);
    BW_EXPECT_OK(sealed);
    const QByteArray &envelope = sealed.value();
    // Too short to hold version, nonce and tag: malformed, whatever the bytes.
    for (qsizetype length = 0; length < kEnvelopeOverhead; ++length)
        BW_EXPECT_ERROR(openEnvelope(key32(), envelope.first(length), kAad), CryptoError::MalformedEnvelope);
    // Long enough but cut or extended: the tag no longer matches.
    for (qsizetype length = kEnvelopeOverhead; length < envelope.size(); ++length)
        BW_EXPECT_ERROR(openEnvelope(key32(), envelope.first(length), kAad),
                        CryptoError::AuthenticationFailed);
    BW_EXPECT_ERROR(openEnvelope(key32(), envelope + "x", kAad), CryptoError::AuthenticationFailed);
}

void TestCryptoAead::envelopeVersions_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("0") << 0;
    QTest::newRow("2") << 2;
    QTest::newRow("255") << 255;
}

void TestCryptoAead::envelopeVersions()
{
    QFETCH(int, version);
    const Result<QByteArray> sealed = sealEnvelope(key32(), "value", kAad);
    BW_EXPECT_OK(sealed);
    QByteArray envelope = sealed.value();
    envelope[0] = char(version);
    BW_EXPECT_ERROR(openEnvelope(key32(), envelope, kAad), CryptoError::UnsupportedVersion);
}

void TestCryptoAead::keyLengths_data()
{
    QTest::addColumn<int>("length");
    for (int length : {0, 1, 16, 24, 31, 33, 64})
        QTest::addRow("%d bytes", length) << length;
}

void TestCryptoAead::keyLengths()
{
    QFETCH(int, length);
    const QByteArray key(length, 'k');
    BW_EXPECT_ERROR(sealEnvelope(key, "value", kAad), CryptoError::InvalidKeyLength);
    const Result<QByteArray> sealed = sealEnvelope(key32(), "value", kAad);
    BW_EXPECT_OK(sealed);
    BW_EXPECT_ERROR(openEnvelope(key, sealed.value(), kAad), CryptoError::InvalidKeyLength);
    // The key length is checked before anything about the envelope.
    BW_EXPECT_ERROR(openEnvelope(key, QByteArray(), kAad), CryptoError::InvalidKeyLength);
}

void TestCryptoAead::hugeRoundTrip()
{
    const Result<QByteArray> plaintext = randomBytes(10 * 1024 * 1024);
    BW_EXPECT_OK(plaintext);
    const Result<QByteArray> sealed = sealEnvelope(key32(), plaintext.value(), kAad);
    BW_EXPECT_OK(sealed);
    QCOMPARE(sealed.value().size(), plaintext.value().size() + kEnvelopeOverhead);
    const Result<SecretBytes> opened = openEnvelope(key32(), sealed.value(), kAad);
    BW_EXPECT_OK(opened);
    QVERIFY(opened.value().toByteArray() == plaintext.value());
    QByteArray tampered = sealed.value();
    tampered[5 * 1024 * 1024] = char(tampered[5 * 1024 * 1024] ^ 0x40);
    BW_EXPECT_ERROR(openEnvelope(key32(), tampered, kAad), CryptoError::AuthenticationFailed);
}

QTEST_GUILESS_MAIN(TestCryptoAead)
#include "test_crypto_aead.moc"
