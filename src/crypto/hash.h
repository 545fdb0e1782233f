// Message digests and HMAC through OpenSSL's EVP interfaces: SHA-256 for request body hashes,
// HMAC-SHA256 for request signatures and PIN verifiers, HMAC over SHA-1/256/512 for HOTP/TOTP.
#pragma once

#include "crypto/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace bw::crypto {

enum class HashAlgorithm { Sha1, Sha256, Sha512 };

// Output size in bytes: 20, 32, 64.
qsizetype digestLength(HashAlgorithm algorithm);

// Raw digest bytes (use QByteArray::toHex() for the hex form the gateway signs).
Result<QByteArray> digest(HashAlgorithm algorithm, QByteArrayView data);
Result<QByteArray> sha256(QByteArrayView data);

// Raw HMAC bytes. Any key length is allowed (keys longer than the hash block are hashed first, as
// RFC 2104 says). Pass a SecretBytes key as secret.view().
Result<QByteArray> hmac(HashAlgorithm algorithm, QByteArrayView key, QByteArrayView data);
Result<QByteArray> hmacSha256(QByteArrayView key, QByteArrayView data);

} // namespace bw::crypto
