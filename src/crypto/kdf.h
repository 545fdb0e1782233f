// Password-based key derivation: scrypt (RFC 7914) for password verifiers and PBKDF2-HMAC-SHA256
// (RFC 8018) where a standard demands it. Both are slow on purpose: call them off the GUI thread.
#pragma once

#include "crypto/result.h"
#include "crypto/secret_bytes.h"

#include <QByteArrayView>

namespace bw::crypto {

// Memory scrypt may use unless the caller allows more: enough for the defaults (N=2^17, r=8 needs
// 128 MiB; OpenSSL's own default of 32 MiB is not), small enough that a damaged or hostile stored
// record cannot make the process allocate gigabytes.
inline constexpr quint64 kScryptDefaultMaxMemory = 256ull * 1024 * 1024;
// Output lengths accepted by both KDFs.
inline constexpr qsizetype kKdfMaxOutputLength = 1024;
// PBKDF2 iteration cap, again so that a stored record cannot hang a verifier.
inline constexpr quint64 kPbkdf2MaxIterations = 100'000'000;

// scrypt cost parameters. The defaults are BankWallet's password setting.
struct ScryptParams
{
    quint64 n = quint64(1) << 17; // CPU/memory cost: a power of two > 1
    quint32 r = 8;                // block size
    quint32 p = 1;                // parallelism
    qsizetype saltLength = 16;    // used when a salt is generated
    qsizetype keyLength = 32;     // derived key length

    // Memory scrypt needs with these parameters, in bytes (as OpenSSL counts it); 0 on overflow.
    quint64 memoryNeeded() const;
    // InvalidKdfParameters: n not a power of two > 1, n >= 2^(16 r), r or p zero, r*p >= 2^30, key
    // length outside 1..kKdfMaxOutputLength, salt length outside 1..1024.
    // KdfMemoryLimitExceeded: memoryNeeded() > maxMemory.
    Result<void> validate(quint64 maxMemory = kScryptDefaultMaxMemory) const;

    friend bool operator==(const ScryptParams &, const ScryptParams &) = default;
};

// scrypt(password, salt). The salt may be any length here (the RFC vectors use an empty salt);
// params.saltLength is not checked against it. Errors: those of validate(), InternalError.
Result<SecretBytes> scrypt(QByteArrayView password, QByteArrayView salt, const ScryptParams &params,
                           quint64 maxMemory = kScryptDefaultMaxMemory);

// PBKDF2-HMAC-SHA256. Errors: InvalidKdfParameters (iterations 0 or > kPbkdf2MaxIterations, key length
// outside 1..kKdfMaxOutputLength), InternalError.
Result<SecretBytes> pbkdf2HmacSha256(QByteArrayView password, QByteArrayView salt, quint64 iterations,
                                     qsizetype keyLength);

} // namespace bw::crypto
