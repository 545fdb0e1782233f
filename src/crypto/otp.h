// One-time passwords: HOTP (RFC 4226) and TOTP (RFC 6238) with SHA-1, SHA-256 or SHA-512 and 6–8
// digits, verification within ±window time steps that refuses steps already used (a code works
// once), and the otpauth:// URI authenticator apps read from a QR code.
#pragma once

#include "crypto/hash.h"
#include "crypto/result.h"
#include "crypto/secret_bytes.h"

#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace bw::crypto {

// RFC 4226 R6: a shared secret of at least 128 bits; BankWallet generates 160 bits (the HMAC-SHA-1 size).
inline constexpr qsizetype kOtpMinSecretLength = 16;
inline constexpr qsizetype kOtpDefaultSecretLength = 20;

struct TotpParams
{
    HashAlgorithm algorithm = HashAlgorithm::Sha1;
    int digits = 6;     // 6, 7 or 8
    qint64 period = 30; // seconds per time step, > 0
    qint64 t0 = 0;      // Unix time at which step 0 starts
    int window = 1;     // steps accepted before and after the current one, 0..10

    // InvalidOtpParameters when a field is out of range.
    Result<void> validate() const;
};

// A code a verifier accepted, with the step (TOTP) or counter (HOTP) it belongs to. Store the step
// and pass it as lastUsedStep next time, so the same code cannot be used twice.
struct OtpMatch
{
    quint64 step = 0;
};

// A new random secret of kOtpDefaultSecretLength bytes. Errors: RandomFailure.
Result<SecretBytes> generateOtpSecret();

// HOTP value for counter, zero-padded to digits. Errors: InvalidOtpSecret (shorter than
// kOtpMinSecretLength), InvalidOtpParameters (digits outside 6..8), InternalError.
Result<QString> hotp(QByteArrayView secret, quint64 counter, int digits = 6,
                     HashAlgorithm algorithm = HashAlgorithm::Sha1);

// The TOTP step that contains unixTime. Errors: InvalidOtpParameters (also when unixTime < t0).
Result<quint64> totpStep(qint64 unixTime, const TotpParams &params = {});

// TOTP value at unixTime. Errors: those of hotp() and totpStep().
Result<QString> totp(QByteArrayView secret, qint64 unixTime, const TotpParams &params = {});

// Checks code against the steps current-window .. current+window. Steps <= *lastUsedStep are never
// accepted. Every candidate is computed and compared in constant time.
// Errors: InvalidOtpSecret, InvalidOtpParameters, MalformedOtpCode (not exactly params.digits ASCII
// digits), OtpReplayed (right code, but its step was already used), OtpMismatch.
Result<OtpMatch> verifyTotp(QByteArrayView secret, QStringView code, qint64 unixTime,
                            std::optional<quint64> lastUsedStep, const TotpParams &params = {});

// Checks an HOTP code for counters counter .. counter+lookAhead (lookAhead 0..100).
// Errors: as verifyTotp, except OtpReplayed (the counter itself encodes use).
Result<OtpMatch> verifyHotp(QByteArrayView secret, QStringView code, quint64 counter, int lookAhead = 0,
                            int digits = 6, HashAlgorithm algorithm = HashAlgorithm::Sha1);

// otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30
// (Key Uri Format); issuer and account are percent-encoded UTF-8. Errors: InvalidOtpSecret,
// InvalidOtpParameters, InvalidArgument (empty issuer or account, or a ':' in either, which the label
// syntax cannot carry).
Result<QString> otpauthUri(QStringView issuer, QStringView account, QByteArrayView secret,
                           const TotpParams &params = {});

} // namespace bw::crypto
