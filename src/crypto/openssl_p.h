// Private to src/crypto: owning pointers for OpenSSL objects. Never include this from a public header;
// it is the reason OpenSSL stays out of every other part of BankWallet.
#pragma once

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>

namespace bw::crypto::detail {

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
