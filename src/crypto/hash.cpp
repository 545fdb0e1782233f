#include "crypto/hash.h"

#include "crypto/openssl_p.h"

#include <openssl/evp.h>

namespace bw::crypto {

using detail::digestName;

qsizetype digestLength(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Sha1:
        return 20;
    case HashAlgorithm::Sha256:
        return 32;
    case HashAlgorithm::Sha512:
        return 64;
    }
    return 32;
}

Result<QByteArray> digest(HashAlgorithm algorithm, QByteArrayView data)
{
    EVP_MD *md = EVP_MD_fetch(nullptr, digestName(algorithm), nullptr);
    if (!md)
        return CryptoError::InternalError;
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int outLength = 0;
    const int rc = EVP_Digest(detail::nonNull(data.data()), static_cast<std::size_t>(data.size()),
                              reinterpret_cast<unsigned char *>(out.data()), &outLength, md, nullptr);
    EVP_MD_free(md);
    if (rc != 1)
        return CryptoError::InternalError;
    out.resize(outLength);
    return out;
}

Result<QByteArray> sha256(QByteArrayView data)
{
    return digest(HashAlgorithm::Sha256, data);
}

Result<QByteArray> hmac(HashAlgorithm algorithm, QByteArrayView key, QByteArrayView data)
{
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    std::size_t outLength = 0;
    // EVP_Q_mac: fetch HMAC, set the digest, init with the key, update and final in one call.
    const unsigned char *rc =
        EVP_Q_mac(nullptr, "HMAC", nullptr, digestName(algorithm), nullptr, detail::nonNull(key.data()),
                  static_cast<std::size_t>(key.size()), detail::nonNull(data.data()),
                  static_cast<std::size_t>(data.size()), reinterpret_cast<unsigned char *>(out.data()),
                  static_cast<std::size_t>(out.size()), &outLength);
    if (!rc)
        return CryptoError::InternalError;
    out.resize(static_cast<qsizetype>(outLength));
    return out;
}

Result<QByteArray> hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return hmac(HashAlgorithm::Sha256, key, data);
}

} // namespace bw::crypto
