#include "crypto/encoding.h"

#include <array>
#include <string_view>

namespace bw::crypto {

namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBase64UrlAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

enum class PadRule { Required, Optional, Forbidden };

// One RFC 4648 alphabet: bitsPerChar 5 (base32, groups of 8 characters) or 6 (base64, groups of 4).
struct Codec
{
    std::string_view alphabet;
    int bitsPerChar;
    int groupChars;
    PadRule padRule;
    bool lenient; // accept lower case and skip spaces (base32 keys typed by people)
};

constexpr Codec kBase32{kBase32Alphabet, 5, 8, PadRule::Optional, true};
constexpr Codec kBase64{kBase64Alphabet, 6, 4, PadRule::Required, false};
constexpr Codec kBase64Url{kBase64UrlAlphabet, 6, 4, PadRule::Forbidden, false};

QString encode(const Codec &codec, QByteArrayView data, bool pad)
{
    QString out;
    out.reserve((data.size() * 8 + codec.bitsPerChar - 1) / codec.bitsPerChar + codec.groupChars);
    const unsigned mask = (1u << codec.bitsPerChar) - 1;
    unsigned buffer = 0;
    int bits = 0;
    for (const char byte : data) {
        buffer = (buffer << 8) | static_cast<unsigned char>(byte);
        bits += 8;
        while (bits >= codec.bitsPerChar) {
            bits -= codec.bitsPerChar;
            out.append(QLatin1Char(codec.alphabet[(buffer >> bits) & mask]));
        }
    }
    if (bits > 0)
        out.append(QLatin1Char(codec.alphabet[(buffer << (codec.bitsPerChar - bits)) & mask]));
    if (pad) {
        while (out.size() % codec.groupChars != 0)
            out.append(QLatin1Char('='));
    }
    return out;
}

// Whether a final group of `remainder` characters can come from whole bytes.
bool validRemainder(const Codec &codec, qsizetype remainder)
{
    if (remainder == 0)
        return true;
    const qsizetype bits = remainder * codec.bitsPerChar;
    // Valid when the characters carry at least one more byte and fewer than a whole character of
    // leftover bits: e.g. base32 2, 4, 5, 7 and base64 2, 3.
    return bits % 8 < codec.bitsPerChar && bits >= 8;
}

Result<QByteArray> decode(const Codec &codec, QStringView text)
{
    std::array<int, 128> value;
    value.fill(-1);
    for (std::size_t i = 0; i < codec.alphabet.size(); ++i)
        value[static_cast<unsigned char>(codec.alphabet[i])] = static_cast<int>(i);

    QByteArray out;
    out.reserve(text.size() * codec.bitsPerChar / 8 + 1);
    unsigned buffer = 0;
    int bits = 0;
    qsizetype dataChars = 0;
    qsizetype padChars = 0;
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if (codec.lenient && c == u' ')
            continue;
        if (c >= 128)
            return CryptoError::InvalidCharacter;
        char ch = static_cast<char>(c);
        if (codec.lenient && ch >= 'a' && ch <= 'z')
            ch = static_cast<char>(ch - 'a' + 'A');
        if (ch == '=') {
            ++padChars;
            continue;
        }
        const int v = value[static_cast<unsigned char>(ch)];
        if (v < 0)
            return CryptoError::InvalidCharacter;
        if (padChars > 0)
            return CryptoError::InvalidPadding; // data after padding
        ++dataChars;
        buffer = (buffer << codec.bitsPerChar) | static_cast<unsigned>(v);
        bits += codec.bitsPerChar;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((buffer >> bits) & 0xFF));
        }
        buffer &= (1u << bits) - 1; // keep only the bits not yet emitted
    }

    const qsizetype remainder = dataChars % codec.groupChars;
    if (!validRemainder(codec, remainder))
        return CryptoError::InvalidEncodingLength;
    if (padChars > 0) {
        if (codec.padRule == PadRule::Forbidden)
            return CryptoError::InvalidPadding;
        if (remainder == 0 || padChars != codec.groupChars - remainder)
            return CryptoError::InvalidPadding;
    } else if (remainder != 0 && codec.padRule == PadRule::Required) {
        return CryptoError::InvalidPadding;
    }
    // Canonical encodings leave the unused low bits of the last character zero (RFC 4648 §3.5);
    // rejecting others keeps one text per value, so decoded values can be compared as text.
    if (buffer != 0)
        return CryptoError::InvalidPadding;
    return out;
}

} // namespace

QString base32Encode(QByteArrayView data, Padding padding)
{
    return encode(kBase32, data, padding == Padding::With);
}

Result<QByteArray> base32Decode(QStringView text)
{
    return decode(kBase32, text);
}

QString base64Encode(QByteArrayView data)
{
    return encode(kBase64, data, true);
}

Result<QByteArray> base64Decode(QStringView text)
{
    return decode(kBase64, text);
}

Result<QByteArray> base64Decode(QByteArrayView text)
{
    return decode(kBase64, QString::fromLatin1(text));
}

QString base64UrlEncode(QByteArrayView data)
{
    return encode(kBase64Url, data, false);
}

Result<QByteArray> base64UrlDecode(QStringView text)
{
    return decode(kBase64Url, text);
}

Result<QByteArray> base64UrlDecode(QByteArrayView text)
{
    return decode(kBase64Url, QString::fromLatin1(text));
}

} // namespace bw::crypto
