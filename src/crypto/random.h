// Cryptographically secure random bytes from OpenSSL's DRBG (RAND_bytes), for keys, salts, nonces,
// idempotency keys and OTP secrets. Never use QRandomGenerator or rand() for anything secret.
#pragma once

#include "crypto/result.h"
#include "crypto/secret_bytes.h"

#include <QByteArray>

namespace bw::crypto {

// count random bytes (0 gives an empty array). Errors: InvalidArgument (count < 0), RandomFailure.
Result<QByteArray> randomBytes(qsizetype count);
// The same into a SecretBytes, for keys and secrets.
Result<SecretBytes> randomSecret(qsizetype count);

// 16 random bytes: salts, nonces for request signing, identifiers.
Result<QByteArray> random16();
// A 32-byte random key (AES-256, HMAC-SHA256).
Result<SecretBytes> randomKey32();

} // namespace bw::crypto
