#include "crypto/hash.h"

#include "crypto/openssl_p.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <memory>

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

namespace {

// OpenSSL 3 looks an algorithm up by name in its provider store on every fetch (with locks): the gateway
// hashes and MACs several times per request, so each algorithm is fetched once for the process and kept
// (never freed: process lifetime, like OpenSSL's own default provider). Thread-safe through static init.
EVP_MD *cachedDigest(HashAlgorithm algorithm)
{
    static EVP_MD *const sha1 = EVP_MD_fetch(nullptr, digestName(HashAlgorithm::Sha1), nullptr);
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, digestName(HashAlgorithm::Sha256), nullptr);
    static EVP_MD *const sha512 = EVP_MD_fetch(nullptr, digestName(HashAlgorithm::Sha512), nullptr);
    switch (algorithm) {
    case HashAlgorithm::Sha1:
        return sha1;
    case HashAlgorithm::Sha256:
        return sha256;
    case HashAlgorithm::Sha512:
        return sha512;
    }
    return sha256;
}

struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX *ctx) const { EVP_MAC_CTX_free(ctx); }
};
using MacCtx = std::unique_ptr<EVP_MAC_CTX, MacCtxDeleter>;

// An HMAC context with its digest set and no key: each call duplicates it and sets only the key (setting
// the digest by name would look it up again).
MacCtx makeHmacTemplate(HashAlgorithm algorithm)
{
    EVP_MAC *mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    if (!mac)
        return nullptr;
    MacCtx ctx(EVP_MAC_CTX_new(mac));
    EVP_MAC_free(mac); // the context keeps its own reference
    char *name = const_cast<char *>(digestName(algorithm));
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name, 0),
                                 OSSL_PARAM_construct_end()};
    if (!ctx || EVP_MAC_CTX_set_params(ctx.get(), params) != 1)
        return nullptr;
    return ctx;
}

const EVP_MAC_CTX *hmacTemplate(HashAlgorithm algorithm)
{
    static const MacCtx sha1 = makeHmacTemplate(HashAlgorithm::Sha1);
    static const MacCtx sha256 = makeHmacTemplate(HashAlgorithm::Sha256);
    static const MacCtx sha512 = makeHmacTemplate(HashAlgorithm::Sha512);
    switch (algorithm) {
    case HashAlgorithm::Sha1:
        return sha1.get();
    case HashAlgorithm::Sha256:
        return sha256.get();
    case HashAlgorithm::Sha512:
        return sha512.get();
    }
    return sha256.get();
}

} // namespace

Result<QByteArray> digest(HashAlgorithm algorithm, QByteArrayView data)
{
    EVP_MD *md = cachedDigest(algorithm);
    if (!md)
        return CryptoError::InternalError;
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int outLength = 0;
    const int rc = EVP_Digest(detail::nonNull(data.data()), static_cast<std::size_t>(data.size()),
                              reinterpret_cast<unsigned char *>(out.data()), &outLength, md, nullptr);
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
    const EVP_MAC_CTX *source = hmacTemplate(algorithm);
    MacCtx ctx(source ? EVP_MAC_CTX_dup(source) : nullptr);
    if (!ctx)
        return CryptoError::InternalError;
    // The key is copied into the context and cleansed by OpenSSL when the context is freed.
    QByteArray out(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    std::size_t outLength = 0;
    if (EVP_MAC_init(ctx.get(), detail::nonNull(key.data()), static_cast<std::size_t>(key.size()), nullptr) !=
            1 ||
        EVP_MAC_update(ctx.get(), detail::nonNull(data.data()), static_cast<std::size_t>(data.size())) != 1 ||
        EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLength,
                      static_cast<std::size_t>(out.size())) != 1)
        return CryptoError::InternalError;
    out.resize(static_cast<qsizetype>(outLength));
    return out;
}

Result<QByteArray> hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return hmac(HashAlgorithm::Sha256, key, data);
}

} // namespace bw::crypto
