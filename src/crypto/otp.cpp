#include "crypto/otp.h"

#include "crypto/constant_time.h"
#include "crypto/encoding.h"
#include "crypto/openssl_p.h"
#include "crypto/random.h"

#include <QUrl>

#include <array>

namespace bw::crypto {

namespace {

constexpr int kMaxWindow = 10;
constexpr int kMaxLookAhead = 100;

bool validDigits(int digits)
{
    return digits >= 6 && digits <= 8;
}

bool wellFormedCode(QStringView code, int digits)
{
    if (code.size() != digits)
        return false;
    for (const QChar c : code) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Computes the code for each candidate step and compares all of them, so timing does not reveal which
// step (if any) matched. Returns the first unused matching step, or a typed error.
Result<OtpMatch> matchSteps(QByteArrayView secret, QStringView code, quint64 first, quint64 last,
                            std::optional<quint64> lastUsed, int digits, HashAlgorithm algorithm)
{
    if (!wellFormedCode(code, digits))
        return CryptoError::MalformedOtpCode;
    const QByteArray given = code.toLatin1();
    std::optional<quint64> accepted;
    bool replayed = false;
    for (quint64 step = first;; ++step) {
        Result<QString> expected = hotp(secret, step, digits, algorithm);
        if (!expected)
            return expected.error();
        const bool equal = constantTimeEquals(expected.value().toLatin1(), given);
        const bool used = lastUsed && step <= *lastUsed;
        if (equal && used)
            replayed = true;
        else if (equal && !accepted)
            accepted = step;
        if (step == last)
            break;
    }
    if (accepted)
        return OtpMatch{*accepted};
    return replayed ? CryptoError::OtpReplayed : CryptoError::OtpMismatch;
}

} // namespace

Result<void> TotpParams::validate() const
{
    if (!validDigits(digits) || period <= 0 || window < 0 || window > kMaxWindow || t0 < 0)
        return CryptoError::InvalidOtpParameters;
    return {};
}

Result<SecretBytes> generateOtpSecret()
{
    return randomSecret(kOtpDefaultSecretLength);
}

Result<QString> hotp(QByteArrayView secret, quint64 counter, int digits, HashAlgorithm algorithm)
{
    if (secret.size() < kOtpMinSecretLength)
        return CryptoError::InvalidOtpSecret;
    if (!validDigits(digits))
        return CryptoError::InvalidOtpParameters;
    std::array<char, 8> message;
    for (int i = 7; i >= 0; --i) {
        message[static_cast<std::size_t>(i)] = static_cast<char>(counter & 0xFF);
        counter >>= 8;
    }
    Result<QByteArray> mac = hmac(algorithm, secret, QByteArrayView(message.data(), 8));
    if (!mac)
        return mac.error();
    const QByteArray &h = mac.value();
    // RFC 4226 §5.3 dynamic truncation: the low nibble of the last byte picks 4 bytes; drop the top bit.
    const int offset = h.back() & 0x0F;
    const quint32 binary = (quint32(static_cast<unsigned char>(h[offset]) & 0x7F) << 24) |
                           (quint32(static_cast<unsigned char>(h[offset + 1])) << 16) |
                           (quint32(static_cast<unsigned char>(h[offset + 2])) << 8) |
                           quint32(static_cast<unsigned char>(h[offset + 3]));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

Result<quint64> totpStep(qint64 unixTime, const TotpParams &params)
{
    if (const Result<void> valid = params.validate(); !valid)
        return valid.error();
    if (unixTime < params.t0)
        return CryptoError::InvalidOtpParameters;
    return static_cast<quint64>((unixTime - params.t0) / params.period);
}

Result<QString> totp(QByteArrayView secret, qint64 unixTime, const TotpParams &params)
{
    Result<quint64> step = totpStep(unixTime, params);
    if (!step)
        return step.error();
    return hotp(secret, step.value(), params.digits, params.algorithm);
}

Result<OtpMatch> verifyTotp(QByteArrayView secret, QStringView code, qint64 unixTime,
                            std::optional<quint64> lastUsedStep, const TotpParams &params)
{
    if (secret.size() < kOtpMinSecretLength)
        return CryptoError::InvalidOtpSecret;
    Result<quint64> current = totpStep(unixTime, params);
    if (!current)
        return current.error();
    const quint64 window = static_cast<quint64>(params.window);
    const quint64 first = current.value() >= window ? current.value() - window : 0;
    const quint64 last = current.value() + window;
    return matchSteps(secret, code, first, last, lastUsedStep, params.digits, params.algorithm);
}

Result<OtpMatch> verifyHotp(QByteArrayView secret, QStringView code, quint64 counter, int lookAhead,
                            int digits, HashAlgorithm algorithm)
{
    if (secret.size() < kOtpMinSecretLength)
        return CryptoError::InvalidOtpSecret;
    if (!validDigits(digits) || lookAhead < 0 || lookAhead > kMaxLookAhead ||
        counter > ~quint64(0) - static_cast<quint64>(lookAhead))
        return CryptoError::InvalidOtpParameters;
    return matchSteps(secret, code, counter, counter + static_cast<quint64>(lookAhead), std::nullopt, digits,
                      algorithm);
}

Result<QString> otpauthUri(QStringView issuer, QStringView account, QByteArrayView secret,
                           const TotpParams &params)
{
    if (secret.size() < kOtpMinSecretLength)
        return CryptoError::InvalidOtpSecret;
    if (const Result<void> valid = params.validate(); !valid)
        return valid.error();
    if (issuer.trimmed().isEmpty() || account.trimmed().isEmpty() || issuer.contains(u':') ||
        account.contains(u':'))
        return CryptoError::InvalidArgument;
    // Concatenated rather than QString::arg(): percent escapes such as "%03" would look like arg markers.
    const QString issuerEncoded = QString::fromLatin1(QUrl::toPercentEncoding(issuer.toString()));
    const QString accountEncoded = QString::fromLatin1(QUrl::toPercentEncoding(account.toString()));
    return QStringLiteral("otpauth://totp/") + issuerEncoded + u':' + accountEncoded +
           QStringLiteral("?secret=") + base32Encode(secret, Padding::Without) + QStringLiteral("&issuer=") +
           issuerEncoded + QStringLiteral("&algorithm=") +
           QLatin1String(detail::digestName(params.algorithm)) + QStringLiteral("&digits=") +
           QString::number(params.digits) + QStringLiteral("&period=") + QString::number(params.period);
}

} // namespace bw::crypto
