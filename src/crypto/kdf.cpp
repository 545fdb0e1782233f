#include "crypto/kdf.h"

#include "crypto/openssl_p.h"

#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <cstdint>

namespace bw::crypto {

namespace {

bool isPowerOfTwo(quint64 v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

void *mutableBytes(QByteArrayView bytes)
{
    // OSSL_PARAM takes void *, but OpenSSL only reads the input buffers.
    return const_cast<unsigned char *>(detail::nonNull(bytes.data()));
}

Result<SecretBytes> derive(const char *algorithm, OSSL_PARAM *params, qsizetype keyLength)
{
    detail::KdfPtr kdf(EVP_KDF_fetch(nullptr, algorithm, nullptr));
    if (!kdf)
        return CryptoError::InternalError;
    detail::KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return CryptoError::InternalError;
    SecretBytes out(keyLength);
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(out.data()),
                       static_cast<std::size_t>(keyLength), params) != 1)
        return CryptoError::InternalError;
    return out;
}

} // namespace

quint64 ScryptParams::memoryNeeded() const
{
    // OpenSSL: Blen = 128 r p, Vlen = 32 r (N + 2) * 4; the sum must fit in maxmem.
    constexpr quint64 max = ~quint64(0);
    if (r == 0 || n > max / 128 / r - 2)
        return 0;
    const quint64 vlen = quint64(128) * r * (n + 2);
    const quint64 blen = quint64(128) * r * p;
    if (blen > max - vlen)
        return 0;
    return vlen + blen;
}

Result<void> ScryptParams::validate(quint64 maxMemory) const
{
    if (!isPowerOfTwo(n) || n < 2 || r == 0 || p == 0)
        return CryptoError::InvalidKdfParameters;
    // RFC 7914: N < 2^(128 r / 8); with r >= 4 any 64-bit N qualifies.
    if (r < 4 && n >= (quint64(1) << (16 * r)))
        return CryptoError::InvalidKdfParameters;
    if (quint64(r) * p >= (quint64(1) << 30))
        return CryptoError::InvalidKdfParameters;
    if (keyLength < 1 || keyLength > kKdfMaxOutputLength || saltLength < 1 || saltLength > 1024)
        return CryptoError::InvalidKdfParameters;
    const quint64 memory = memoryNeeded();
    if (memory == 0 || memory > maxMemory)
        return CryptoError::KdfMemoryLimitExceeded;
    return {};
}

Result<SecretBytes> scrypt(QByteArrayView password, QByteArrayView salt, const ScryptParams &params,
                           quint64 maxMemory)
{
    if (const Result<void> valid = params.validate(maxMemory); !valid)
        return valid.error();
    uint64_t n = params.n;
    uint32_t r = params.r;
    uint32_t p = params.p;
    // OpenSSL's default maxmem is 32 MiB, too little for N=2^17, r=8: pass our own limit.
    uint64_t maxmem = maxMemory;
    OSSL_PARAM ossl[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, mutableBytes(password),
                                          static_cast<std::size_t>(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, mutableBytes(salt),
                                          static_cast<std::size_t>(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    return derive("SCRYPT", ossl, params.keyLength);
}

Result<SecretBytes> pbkdf2HmacSha256(QByteArrayView password, QByteArrayView salt, quint64 iterations,
                                     qsizetype keyLength)
{
    if (iterations == 0 || iterations > kPbkdf2MaxIterations || keyLength < 1 ||
        keyLength > kKdfMaxOutputLength)
        return CryptoError::InvalidKdfParameters;
    uint64_t iter = iterations;
    char digestName[] = "SHA256";
    // pkcs5=1 turns off the SP 800-132 minimums (salt >= 128 bits, >= 1000 iterations) so the RFC 7914
    // vectors run; BankWallet's own callers choose strong settings themselves.
    int pkcs5 = 1;
    OSSL_PARAM ossl[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, mutableBytes(password),
                                          static_cast<std::size_t>(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, mutableBytes(salt),
                                          static_cast<std::size_t>(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_ITER, &iter),
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digestName, 0),
        OSSL_PARAM_construct_int(OSSL_KDF_PARAM_PKCS5, &pkcs5),
        OSSL_PARAM_construct_end(),
    };
    return derive("PBKDF2", ossl, keyLength);
}

} // namespace bw::crypto
