#include "crypto/password_hash.h"

#include "crypto/constant_time.h"
#include "crypto/encoding.h"
#include "crypto/random.h"

#include <QList>

namespace bw::crypto {

namespace {

constexpr qsizetype kMinSaltLength = 8;
constexpr qsizetype kMaxSaltLength = 1024;
constexpr qsizetype kMinHashLength = 16;
constexpr qsizetype kPbkdf2SaltLength = 16;
constexpr qsizetype kPbkdf2HashLength = 32;

// Strict unsigned decimal: ASCII digits only, no sign, no leading zero, no overflow.
bool parseDecimal(QStringView text, quint64 max, quint64 *out)
{
    if (text.isEmpty() || text.size() > 20 || (text.size() > 1 && text.front() == u'0'))
        return false;
    quint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
        const quint64 digit = c.unicode() - u'0';
        if (value > (max - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    *out = value;
    return true;
}

} // namespace

Result<PasswordHash> PasswordHash::createScrypt(QByteArrayView password, const ScryptParams &params)
{
    if (const Result<void> valid = params.validate(); !valid)
        return valid.error();
    if (params.saltLength < kMinSaltLength || params.keyLength < kMinHashLength)
        return CryptoError::InvalidKdfParameters;
    Result<QByteArray> salt = randomBytes(params.saltLength);
    if (!salt)
        return salt.error();
    Result<SecretBytes> key = scrypt(password, salt.value(), params);
    if (!key)
        return key.error();
    PasswordHash record;
    record.m_algorithm = Algorithm::Scrypt;
    record.m_scrypt = params;
    record.m_salt = std::move(salt).value();
    record.m_hash = key.value().toByteArray();
    return record;
}

Result<PasswordHash> PasswordHash::createPbkdf2(QByteArrayView password, quint64 iterations)
{
    Result<QByteArray> salt = randomBytes(kPbkdf2SaltLength);
    if (!salt)
        return salt.error();
    Result<SecretBytes> key = pbkdf2HmacSha256(password, salt.value(), iterations, kPbkdf2HashLength);
    if (!key)
        return key.error();
    PasswordHash record;
    record.m_algorithm = Algorithm::Pbkdf2Sha256;
    record.m_iterations = iterations;
    record.m_salt = std::move(salt).value();
    record.m_hash = key.value().toByteArray();
    return record;
}

Result<PasswordHash> PasswordHash::parse(QStringView record)
{
    const QList<QStringView> fields = record.split(u'$');
    if (fields.size() < 2)
        return CryptoError::MalformedPasswordHash;
    PasswordHash out;
    qsizetype next = 2;
    if (fields[0] == u"scrypt") {
        out.m_algorithm = Algorithm::Scrypt;
        if (fields[1] != u"v1")
            return CryptoError::UnsupportedVersion;
        if (fields.size() != 7)
            return CryptoError::MalformedPasswordHash;
        quint64 r = 0;
        quint64 p = 0;
        if (!parseDecimal(fields[2], ~quint64(0), &out.m_scrypt.n) ||
            !parseDecimal(fields[3], 0xFFFFFFFFu, &r) || !parseDecimal(fields[4], 0xFFFFFFFFu, &p))
            return CryptoError::MalformedPasswordHash;
        out.m_scrypt.r = static_cast<quint32>(r);
        out.m_scrypt.p = static_cast<quint32>(p);
        next = 5;
    } else if (fields[0] == u"pbkdf2-sha256") {
        out.m_algorithm = Algorithm::Pbkdf2Sha256;
        if (fields[1] != u"v1")
            return CryptoError::UnsupportedVersion;
        if (fields.size() != 5)
            return CryptoError::MalformedPasswordHash;
        if (!parseDecimal(fields[2], kPbkdf2MaxIterations, &out.m_iterations) || out.m_iterations == 0)
            return CryptoError::MalformedPasswordHash;
        next = 3;
    } else {
        return CryptoError::UnsupportedAlgorithm;
    }

    Result<QByteArray> salt = base64Decode(fields[next]);
    Result<QByteArray> hash = base64Decode(fields[next + 1]);
    if (!salt || !hash)
        return CryptoError::MalformedPasswordHash;
    out.m_salt = std::move(salt).value();
    out.m_hash = std::move(hash).value();
    if (out.m_salt.size() < kMinSaltLength || out.m_salt.size() > kMaxSaltLength ||
        out.m_hash.size() < kMinHashLength || out.m_hash.size() > kKdfMaxOutputLength)
        return CryptoError::MalformedPasswordHash;
    if (out.m_algorithm == Algorithm::Scrypt) {
        out.m_scrypt.saltLength = out.m_salt.size();
        out.m_scrypt.keyLength = out.m_hash.size();
        // Parameters are checked against the widest limit here; verify() applies the caller's memory cap.
        if (const Result<void> valid = out.m_scrypt.validate(~quint64(0)); !valid)
            return CryptoError::MalformedPasswordHash;
    }
    return out;
}

QString PasswordHash::toString() const
{
    const QString salt = base64Encode(m_salt);
    const QString hash = base64Encode(m_hash);
    if (m_algorithm == Algorithm::Scrypt) {
        return QStringLiteral("scrypt$v1$%1$%2$%3$%4$%5")
            .arg(m_scrypt.n)
            .arg(m_scrypt.r)
            .arg(m_scrypt.p)
            .arg(salt, hash);
    }
    return QStringLiteral("pbkdf2-sha256$v1$%1$%2$%3").arg(m_iterations).arg(salt, hash);
}

Result<PasswordVerdict> PasswordHash::verify(QByteArrayView password, quint64 maxMemory) const
{
    Result<SecretBytes> key = m_algorithm == Algorithm::Scrypt
                                  ? scrypt(password, m_salt, m_scrypt, maxMemory)
                                  : pbkdf2HmacSha256(password, m_salt, m_iterations, m_hash.size());
    if (!key)
        return key.error();
    return constantTimeEquals(key.value().view(), m_hash) ? PasswordVerdict::Match
                                                          : PasswordVerdict::Mismatch;
}

Result<PasswordVerdict> PasswordHash::verify(QByteArrayView password, QStringView record, quint64 maxMemory)
{
    Result<PasswordHash> parsed = parse(record);
    if (!parsed)
        return parsed.error();
    return parsed.value().verify(password, maxMemory);
}

bool PasswordHash::needsRehash(const ScryptParams &wanted) const
{
    return m_algorithm != Algorithm::Scrypt || m_scrypt.n != wanted.n || m_scrypt.r != wanted.r ||
           m_scrypt.p != wanted.p || m_salt.size() < wanted.saltLength || m_hash.size() < wanted.keyLength;
}

} // namespace bw::crypto
