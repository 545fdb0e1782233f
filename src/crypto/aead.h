// AES-256-GCM authenticated encryption for local fields and other secrets at rest.
//
// sealEnvelope() produces a self-describing envelope:
//   byte 0       version (1)
//   bytes 1..12  random 96-bit nonce
//   then         ciphertext (as long as the plaintext)
//   last 16      GCM tag
// The tag covers the version byte as well as the caller's associated data (GCM AAD = version byte ‖
// associatedData), so the version cannot be swapped without detection. Pass something that ties the
// value to its place, e.g. the table, column and row id, as associated data: a value copied to
// another row then fails to open.
//
// aes256GcmSeal()/aes256GcmOpen() are the raw primitive with a caller-chosen nonce, for the published
// test vectors. A nonce must never repeat under one key: outside tests use the envelope functions.
#pragma once

#include "crypto/result.h"
#include "crypto/secret_bytes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace bw::crypto {

inline constexpr qsizetype kAeadKeyLength = 32;
inline constexpr qsizetype kAeadNonceLength = 12;
inline constexpr qsizetype kAeadTagLength = 16;
inline constexpr char kEnvelopeVersion = 1;
// Envelope size = plaintext size + kEnvelopeOverhead.
inline constexpr qsizetype kEnvelopeOverhead = 1 + kAeadNonceLength + kAeadTagLength;

// Errors: InvalidKeyLength (key not 32 bytes), RandomFailure, InternalError.
Result<QByteArray> sealEnvelope(QByteArrayView key, QByteArrayView plaintext,
                                QByteArrayView associatedData = {});

// Errors: InvalidKeyLength, MalformedEnvelope (shorter than kEnvelopeOverhead), UnsupportedVersion,
// AuthenticationFailed (wrong key, or any byte of nonce, ciphertext, tag or associated data changed),
// InternalError. The plaintext comes back as SecretBytes because it is usually personal data.
Result<SecretBytes> openEnvelope(QByteArrayView key, QByteArrayView envelope,
                                 QByteArrayView associatedData = {});

struct GcmSealed
{
    QByteArray ciphertext;
    QByteArray tag; // 16 bytes
};

// Errors: InvalidKeyLength, InvalidNonceLength (not 12 bytes), InternalError.
Result<GcmSealed> aes256GcmSeal(QByteArrayView key, QByteArrayView nonce, QByteArrayView plaintext,
                                QByteArrayView associatedData);
// Errors: InvalidKeyLength, InvalidNonceLength, InvalidTagLength (not 16 bytes), AuthenticationFailed,
// InternalError.
Result<SecretBytes> aes256GcmOpen(QByteArrayView key, QByteArrayView nonce, QByteArrayView ciphertext,
                                  QByteArrayView tag, QByteArrayView associatedData);

} // namespace bw::crypto
