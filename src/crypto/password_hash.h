// PasswordHash: a password verifier that carries its own algorithm, parameters and salt, so the cost can
// be raised later (and lowered in tests) without breaking stored records. Text forms, version 1:
//   scrypt$v1$<N>$<r>$<p>$<salt base64>$<hash base64>
//   pbkdf2-sha256$v1$<iterations>$<salt base64>$<hash base64>
// Decimal numbers without sign or leading zeros; standard base64 with padding.
// Passwords are bytes: callers pass the UTF-8 of the NFKC-normalized password. Both KDFs key HMAC
// with the password, and HMAC pads short keys with zero bytes, so trailing NUL bytes do not change
// the hash ("pw" and "pw\0" verify alike): reject control characters before hashing.
#pragma once

#include "crypto/kdf.h"
#include "crypto/result.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace bw::crypto {

enum class PasswordVerdict { Match, Mismatch };

class PasswordHash
{
public:
    enum class Algorithm { Scrypt, Pbkdf2Sha256 };

    // A new record with a random salt of params.saltLength bytes. Errors: those of scrypt(),
    // RandomFailure.
    static Result<PasswordHash> createScrypt(QByteArrayView password, const ScryptParams &params = {});
    // PBKDF2-HMAC-SHA256 with a 16-byte random salt and a 32-byte hash.
    static Result<PasswordHash> createPbkdf2(QByteArrayView password, quint64 iterations = 600'000);

    // Parses a stored record. Errors: MalformedPasswordHash (wrong field count, bad number, bad base64,
    // salt or hash length out of range, parameters that fail validation), UnsupportedAlgorithm,
    // UnsupportedVersion.
    static Result<PasswordHash> parse(QStringView record);

    QString toString() const;

    // Recomputes the hash and compares in constant time. Errors: those of scrypt()/pbkdf2 (notably
    // KdfMemoryLimitExceeded for a record asking for more than maxMemory).
    Result<PasswordVerdict> verify(QByteArrayView password,
                                   quint64 maxMemory = kScryptDefaultMaxMemory) const;

    // Parses and verifies in one step.
    static Result<PasswordVerdict> verify(QByteArrayView password, QStringView record,
                                          quint64 maxMemory = kScryptDefaultMaxMemory);

    // True when the record is not scrypt with exactly these parameters: rehash after a successful login.
    bool needsRehash(const ScryptParams &wanted) const;

    Algorithm algorithm() const { return m_algorithm; }
    const ScryptParams &scryptParams() const { return m_scrypt; }
    quint64 iterations() const { return m_iterations; }
    const QByteArray &salt() const { return m_salt; }
    const QByteArray &hash() const { return m_hash; }

private:
    PasswordHash() = default;

    Algorithm m_algorithm = Algorithm::Scrypt;
    ScryptParams m_scrypt;
    quint64 m_iterations = 0;
    QByteArray m_salt;
    QByteArray m_hash;
};

} // namespace bw::crypto
