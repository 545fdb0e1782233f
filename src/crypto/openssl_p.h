// Private to src/crypto: owning pointers for OpenSSL objects. Never include this from a public header;
// it is the reason OpenSSL stays out of every other part of BankWallet.
#pragma once

#include "crypto/hash.h"

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>

namespace bw::crypto::detail {

// The name OpenSSL fetches the digest by ("SHA1", "SHA256", "SHA512"). The Key URI format of otpauth://
// URIs spells its algorithm parameter the same way, so otpauthUri() uses it too.
inline const char *digestName(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Sha1:
        return "SHA1";
    case HashAlgorithm::Sha256:
        return "SHA256";
    case HashAlgorithm::Sha512:
        return "SHA512";
    }
    return "SHA256";
}

struct EvpCipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
struct EvpKdfDeleter
{
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
};
struct EvpKdfCtxDeleter
{
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};

using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, EvpCipherCtxDeleter>;
using KdfPtr = std::unique_ptr<EVP_KDF, EvpKdfDeleter>;
using KdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, EvpKdfCtxDeleter>;

// OpenSSL treats a NULL buffer as "not given" even when the length is 0 (an HMAC key of NULL means
// "reuse the previous key"), so empty inputs are passed as a pointer to this byte.
inline const unsigned char *nonNull(const void *data)
{
    static const unsigned char empty = 0;
    return data ? static_cast<const unsigned char *>(data) : &empty;
}

} // namespace bw::crypto::detail
