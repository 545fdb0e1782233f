// Tests for base32, base64 and base64url: RFC 4648 §10 vectors, leniency where people type base32 keys,
// and a typed error for every malformed input.
#include "crypto/encoding.h"
#include "crypto/random.h"

#include "crypto_test_util.h"

using namespace bw::crypto;

class TestCryptoEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc4648_data();
    void rfc4648();
    void base32Lenient_data();
    void base32Lenient();
    void base32Errors_data();
    void base32Errors();
    void base64Errors_data();
    void base64Errors();
    void base64UrlAlphabet();
    void base64UrlErrors_data();
    void base64UrlErrors();
    void byteArrayOverloads();
    void roundTripEveryLength();
    void roundTripHuge();
};

void TestCryptoEncoding::rfc4648_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("base64");
    QTest::addColumn<QString>("base32");
    QTest::newRow("empty") << QByteArray() << QString() << QString();
    QTest::newRow("f") << QByteArray("f") << QStringLiteral("Zg==") << QStringLiteral("MY======");
    QTest::newRow("fo") << QByteArray("fo") << QStringLiteral("Zm8=") << QStringLiteral("MZXQ====");
    QTest::newRow("foo") << QByteArray("foo") << QStringLiteral("Zm9v") << QStringLiteral("MZXW6===");
    QTest::newRow("foob") << QByteArray("foob") << QStringLiteral("Zm9vYg==") << QStringLiteral("MZXW6YQ=");
    QTest::newRow("fooba") << QByteArray("fooba") << QStringLiteral("Zm9vYmE=") << QStringLiteral("MZXW6YTB");
    QTest::newRow("foobar") << QByteArray("foobar") << QStringLiteral("Zm9vYmFy")
                            << QStringLiteral("MZXW6YTBOI======");
}

void TestCryptoEncoding::rfc4648()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, base64);
    QFETCH(QString, base32);

    QCOMPARE(base64Encode(data), base64);
    QCOMPARE(base32Encode(data), base32);
    QString unpadded32 = base32;
    unpadded32.remove(QLatin1Char('='));
    QString unpadded64 = base64;
    unpadded64.remove(QLatin1Char('='));
    QCOMPARE(base32Encode(data, Padding::Without), unpadded32);
    QCOMPARE(base64UrlEncode(data), unpadded64); // no '+' or '/' in these vectors

    const Result<QByteArray> from64 = base64Decode(base64);
    BW_EXPECT_OK(from64);
    QCOMPARE(from64.value(), data);
    const Result<QByteArray> from32 = base32Decode(base32);
    BW_EXPECT_OK(from32);
    QCOMPARE(from32.value(), data);
    const Result<QByteArray> from32Unpadded = base32Decode(unpadded32);
    BW_EXPECT_OK(from32Unpadded);
    QCOMPARE(from32Unpadded.value(), data);
    const Result<QByteArray> fromUrl = base64UrlDecode(unpadded64);
    BW_EXPECT_OK(fromUrl);
    QCOMPARE(fromUrl.value(), data);
}

void TestCryptoEncoding::base32Lenient_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("lower case") << QStringLiteral("mzxw6ytboi") << QByteArray("foobar");
    QTest::newRow("mixed case padded") << QStringLiteral("MzXw6yTbOi======") << QByteArray("foobar");
    QTest::newRow("groups of four") << QStringLiteral("mzxw 6ytb oi") << QByteArray("foobar");
    QTest::newRow("leading/trailing spaces") << QStringLiteral("  MZXW6YTBOI  ") << QByteArray("foobar");
    QTest::newRow("spaces in padding") << QStringLiteral("MY== ====") << QByteArray("f");
    QTest::newRow("only spaces") << QStringLiteral("    ") << QByteArray();
    QTest::newRow("RFC 6238 seed") << QStringLiteral("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ")
                                   << QByteArray("12345678901234567890");
}

void TestCryptoEncoding::base32Lenient()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    const Result<QByteArray> decoded = base32Decode(text);
    BW_EXPECT_OK(decoded);
    QCOMPARE(decoded.value(), expected);
}

void TestCryptoEncoding::base32Errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<CryptoError>("error");
    QTest::newRow("digit 1") << QStringLiteral("MZXW6YT1") << CryptoError::InvalidCharacter;
    QTest::newRow("digit 8") << QStringLiteral("MZXW6YT8") << CryptoError::InvalidCharacter;
    QTest::newRow("digit 0") << QStringLiteral("MZXW6YT0") << CryptoError::InvalidCharacter;
    QTest::newRow("hyphen") << QStringLiteral("MZXW-6YTB") << CryptoError::InvalidCharacter;
    QTest::newRow("tab") << QStringLiteral("MZXW\t6YTB") << CryptoError::InvalidCharacter;
    QTest::newRow("newline") << QStringLiteral("MZXW6YTB\n") << CryptoError::InvalidCharacter;
    QTest::newRow("embedded NUL") << QString::fromUtf16(u"MZ\0XW6YTB", 9) << CryptoError::InvalidCharacter;
    QTest::newRow("non-ASCII letter") << QStringLiteral("MZXWÄYTB") << CryptoError::InvalidCharacter;
    QTest::newRow("full-width letters")
        << QStringLiteral("ＭＺＸＷ６ＹＴＢ") << CryptoError::InvalidCharacter;
    QTest::newRow("Chinese") << QStringLiteral("密钥") << CryptoError::InvalidCharacter;
    QTest::newRow("1 char") << QStringLiteral("M") << CryptoError::InvalidEncodingLength;
    QTest::newRow("3 chars") << QStringLiteral("MZX") << CryptoError::InvalidEncodingLength;
    QTest::newRow("6 chars") << QStringLiteral("MZXW6Y") << CryptoError::InvalidEncodingLength;
    QTest::newRow("9 chars") << QStringLiteral("MZXW6YTBO") << CryptoError::InvalidEncodingLength;
    QTest::newRow("too little padding") << QStringLiteral("MY=====") << CryptoError::InvalidPadding;
    QTest::newRow("too much padding") << QStringLiteral("MY=======") << CryptoError::InvalidPadding;
    QTest::newRow("padding alone") << QStringLiteral("=") << CryptoError::InvalidPadding;
    QTest::newRow("padding after full group")
        << QStringLiteral("MZXW6YTB========") << CryptoError::InvalidPadding;
    QTest::newRow("data after padding") << QStringLiteral("MY======MY") << CryptoError::InvalidPadding;
    QTest::newRow("non-zero unused bits") << QStringLiteral("MZ") << CryptoError::InvalidPadding;
}

void TestCryptoEncoding::base32Errors()
{
    QFETCH(QString, text);
    QFETCH(CryptoError, error);
    BW_EXPECT_ERROR(base32Decode(text), error);
}

void TestCryptoEncoding::base64Errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<CryptoError>("error");
    QTest::newRow("space") << QStringLiteral("Zm9v YmFy") << CryptoError::InvalidCharacter;
    QTest::newRow("newline") << QStringLiteral("Zm9v\nYmFy") << CryptoError::InvalidCharacter;
    QTest::newRow("url alphabet -") << QStringLiteral("Zm-v") << CryptoError::InvalidCharacter;
    QTest::newRow("url alphabet _") << QStringLiteral("Zm_v") << CryptoError::InvalidCharacter;
    QTest::newRow("embedded NUL") << QString::fromUtf16(u"Zm\0v", 4) << CryptoError::InvalidCharacter;
    QTest::newRow("non-ASCII") << QStringLiteral("Zm9é") << CryptoError::InvalidCharacter;
    QTest::newRow("1 char") << QStringLiteral("Z") << CryptoError::InvalidEncodingLength;
    QTest::newRow("5 chars") << QStringLiteral("Zm9vY") << CryptoError::InvalidEncodingLength;
    QTest::newRow("missing padding") << QStringLiteral("Zg") << CryptoError::InvalidPadding;
    QTest::newRow("short padding") << QStringLiteral("Zg=") << CryptoError::InvalidPadding;
    QTest::newRow("extra padding") << QStringLiteral("Zm8==") << CryptoError::InvalidPadding;
    QTest::newRow("padding alone") << QStringLiteral("====") << CryptoError::InvalidPadding;
    QTest::newRow("data after padding") << QStringLiteral("Zg==Zg==") << CryptoError::InvalidPadding;
    QTest::newRow("non-zero unused bits") << QStringLiteral("Zh==") << CryptoError::InvalidPadding;
}

void TestCryptoEncoding::base64Errors()
{
    QFETCH(QString, text);
    QFETCH(CryptoError, error);
    BW_EXPECT_ERROR(base64Decode(text), error);
}

void TestCryptoEncoding::base64UrlAlphabet()
{
    const QByteArray data = QByteArray::fromHex("fbff");
    QCOMPARE(base64Encode(data), QStringLiteral("+/8="));
    QCOMPARE(base64UrlEncode(data), QStringLiteral("-_8"));
    const Result<QByteArray> decoded = base64UrlDecode(QStringLiteral("-_8"));
    BW_EXPECT_OK(decoded);
    QCOMPARE(decoded.value(), data);
    const Result<QByteArray> standard = base64Decode(QStringLiteral("+/8="));
    BW_EXPECT_OK(standard);
    QCOMPARE(standard.value(), data);
}

void TestCryptoEncoding::base64UrlErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<CryptoError>("error");
    QTest::newRow("padding") << QStringLiteral("Zg==") << CryptoError::InvalidPadding;
    QTest::newRow("plus") << QStringLiteral("Zm+v") << CryptoError::InvalidCharacter;
    QTest::newRow("slash") << QStringLiteral("Zm/v") << CryptoError::InvalidCharacter;
    QTest::newRow("space") << QStringLiteral("Zm9v ") << CryptoError::InvalidCharacter;
    QTest::newRow("1 char") << QStringLiteral("Z") << CryptoError::InvalidEncodingLength;
    QTest::newRow("non-zero unused bits") << QStringLiteral("Zh") << CryptoError::InvalidPadding;
}

void TestCryptoEncoding::base64UrlErrors()
{
    QFETCH(QString, text);
    QFETCH(CryptoError, error);
    BW_EXPECT_ERROR(base64UrlDecode(text), error);
}

void TestCryptoEncoding::byteArrayOverloads()
{
    const Result<QByteArray> a = base64Decode(QByteArrayView("Zm9vYmFy"));
    BW_EXPECT_OK(a);
    QCOMPARE(a.value(), QByteArray("foobar"));
    const Result<QByteArray> b = base64UrlDecode(QByteArrayView("Zm9vYmE"));
    BW_EXPECT_OK(b);
    QCOMPARE(b.value(), QByteArray("fooba"));
    // A UTF-8 byte is not a base64 character, whatever Latin-1 makes of it.
    BW_EXPECT_ERROR(base64Decode(QByteArrayView("Zm9\xc3\xa9")), CryptoError::InvalidCharacter);
    BW_EXPECT_ERROR(base64UrlDecode(QByteArrayView("Zm\0v", 4)), CryptoError::InvalidCharacter);
}

void TestCryptoEncoding::roundTripEveryLength()
{
    for (int length = 0; length <= 70; ++length) {
        const Result<QByteArray> data = randomBytes(length);
        BW_EXPECT_OK(data);
        const QByteArray &bytes = data.value();
        const Result<QByteArray> b32 = base32Decode(base32Encode(bytes));
        const Result<QByteArray> b32u = base32Decode(base32Encode(bytes, Padding::Without).toLower());
        const Result<QByteArray> b64 = base64Decode(base64Encode(bytes));
        const Result<QByteArray> b64u = base64UrlDecode(base64UrlEncode(bytes));
        BW_EXPECT_OK(b32);
        BW_EXPECT_OK(b32u);
        BW_EXPECT_OK(b64);
        BW_EXPECT_OK(b64u);
        QCOMPARE(b32.value(), bytes);
        QCOMPARE(b32u.value(), bytes);
        QCOMPARE(b64.value(), bytes);
        QCOMPARE(b64u.value(), bytes);
        // Qt's own encoder agrees with ours for standard base64 and base64url.
        QCOMPARE(base64Encode(bytes), QString::fromLatin1(bytes.toBase64()));
        QCOMPARE(base64UrlEncode(bytes), QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding |
                                                                            QByteArray::OmitTrailingEquals)));
    }
}

void TestCryptoEncoding::roundTripHuge()
{
    const Result<QByteArray> data = randomBytes(10 * 1024 * 1024);
    BW_EXPECT_OK(data);
    const QString b32 = base32Encode(data.value());
    QCOMPARE(b32.size(), (data.value().size() + 4) / 5 * 8);
    const Result<QByteArray> back32 = base32Decode(b32);
    BW_EXPECT_OK(back32);
    QCOMPARE(back32.value(), data.value());
    const Result<QByteArray> back64 = base64Decode(base64Encode(data.value()));
    BW_EXPECT_OK(back64);
    QCOMPARE(back64.value(), data.value());
}

QTEST_GUILESS_MAIN(TestCryptoEncoding)
#include "test_crypto_encoding.moc"
