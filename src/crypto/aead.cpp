#include "crypto/aead.h"

#include "crypto/openssl_p.h"
#include "crypto/random.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <algorithm>
#include <climits>

namespace bw::crypto {

namespace {

// EVP_*Update take int lengths; bigger inputs go through in chunks of this size.
constexpr qsizetype kChunk = qsizetype(1) << 30;

const unsigned char *bytes(QByteArrayView v)
{
    return detail::nonNull(v.data());
}

// Feeds AAD parts (no output) to an initialised context.
bool addAad(EVP_CIPHER_CTX *ctx, bool encrypt, QByteArrayView aad)
{
    while (!aad.isEmpty()) {
        const qsizetype n = std::min(aad.size(), kChunk);
        int outLength = 0;
        const int rc = encrypt ? EVP_EncryptUpdate(ctx, nullptr, &outLength, bytes(aad), static_cast<int>(n))
                               : EVP_DecryptUpdate(ctx, nullptr, &outLength, bytes(aad), static_cast<int>(n));
        if (rc != 1)
            return false;
        aad = aad.sliced(n);
    }
    return true;
}

// Runs the cipher over in, writing the same number of bytes to out (GCM is a stream mode).
bool transform(EVP_CIPHER_CTX *ctx, bool encrypt, QByteArrayView in, char *out)
{
    while (!in.isEmpty()) {
        const qsizetype n = std::min(in.size(), kChunk);
        int outLength = 0;
        auto *o = reinterpret_cast<unsigned char *>(out);
        const int rc = encrypt ? EVP_EncryptUpdate(ctx, o, &outLength, bytes(in), static_cast<int>(n))
                               : EVP_DecryptUpdate(ctx, o, &outLength, bytes(in), static_cast<int>(n));
        if (rc != 1 || outLength != n)
            return false;
        in = in.sliced(n);
        out += n;
    }
    return true;
}

detail::CipherCtxPtr newContext(bool encrypt, QByteArrayView key, QByteArrayView nonce)
{
    detail::CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
    if (!ctx)
        return {};
    EVP_CIPHER *cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    if (!cipher)
        return {};
    // The default GCM IV length is 12 bytes, the only length BankWallet uses.
    const int rc = encrypt ? EVP_EncryptInit_ex2(ctx.get(), cipher, bytes(key), bytes(nonce), nullptr)
                           : EVP_DecryptInit_ex2(ctx.get(), cipher, bytes(key), bytes(nonce), nullptr);
    EVP_CIPHER_free(cipher);
    if (rc != 1)
        return {};
    return ctx;
}

// Encrypts plaintext into out (same size) and writes the tag to tagOut (16 bytes).
Result<void> sealInto(QByteArrayView key, QByteArrayView nonce, QByteArrayView plaintext,
                      QByteArrayView aadPrefix, QByteArrayView aad, char *out, char *tagOut)
{
    detail::CipherCtxPtr ctx = newContext(true, key, nonce);
    if (!ctx || !addAad(ctx.get(), true, aadPrefix) || !addAad(ctx.get(), true, aad) ||
        !transform(ctx.get(), true, plaintext, out))
        return CryptoError::InternalError;
    int finalLength = 0;
    unsigned char finalBlock[16];
    if (EVP_EncryptFinal_ex(ctx.get(), finalBlock, &finalLength) != 1 || finalLength != 0)
        return CryptoError::InternalError;
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kAeadTagLength), tagOut) != 1)
        return CryptoError::InternalError;
    return {};
}

Result<SecretBytes> openFrom(QByteArrayView key, QByteArrayView nonce, QByteArrayView ciphertext,
                             QByteArrayView tag, QByteArrayView aadPrefix, QByteArrayView aad)
{
    detail::CipherCtxPtr ctx = newContext(false, key, nonce);
    SecretBytes plaintext(ciphertext.size());
    if (!ctx || !addAad(ctx.get(), false, aadPrefix) || !addAad(ctx.get(), false, aad) ||
        !transform(ctx.get(), false, ciphertext, plaintext.data()))
        return CryptoError::InternalError;
    // The expected tag must be set before Final, which then checks it in constant time.
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kAeadTagLength),
                            const_cast<char *>(tag.data())) != 1)
        return CryptoError::InternalError;
    int finalLength = 0;
    unsigned char finalBlock[16];
    if (EVP_DecryptFinal_ex(ctx.get(), finalBlock, &finalLength) != 1)
        return CryptoError::AuthenticationFailed; // plaintext is wiped as it goes out of scope
    return plaintext;
}

} // namespace

Result<QByteArray> sealEnvelope(QByteArrayView key, QByteArrayView plaintext, QByteArrayView associatedData)
{
    if (key.size() != kAeadKeyLength)
        return CryptoError::InvalidKeyLength;
    Result<QByteArray> nonce = randomBytes(kAeadNonceLength);
    if (!nonce)
        return nonce.error();
    QByteArray envelope(plaintext.size() + kEnvelopeOverhead, Qt::Uninitialized);
    char *p = envelope.data();
    p[0] = kEnvelopeVersion;
    std::copy(nonce.value().cbegin(), nonce.value().cend(), p + 1);
    char *ciphertext = p + 1 + kAeadNonceLength;
    const Result<void> sealed = sealInto(key, nonce.value(), plaintext, QByteArrayView(p, 1), associatedData,
                                         ciphertext, ciphertext + plaintext.size());
    if (!sealed)
        return sealed.error();
    return envelope;
}

Result<SecretBytes> openEnvelope(QByteArrayView key, QByteArrayView envelope, QByteArrayView associatedData)
{
    if (key.size() != kAeadKeyLength)
        return CryptoError::InvalidKeyLength;
    if (envelope.size() < kEnvelopeOverhead)
        return CryptoError::MalformedEnvelope;
    if (envelope[0] != kEnvelopeVersion)
        return CryptoError::UnsupportedVersion;
    const qsizetype ciphertextLength = envelope.size() - kEnvelopeOverhead;
    return openFrom(key, envelope.sliced(1, kAeadNonceLength),
                    envelope.sliced(1 + kAeadNonceLength, ciphertextLength),
                    envelope.sliced(envelope.size() - kAeadTagLength), envelope.first(1), associatedData);
}

Result<GcmSealed> aes256GcmSeal(QByteArrayView key, QByteArrayView nonce, QByteArrayView plaintext,
                                QByteArrayView associatedData)
{
    if (key.size() != kAeadKeyLength)
        return CryptoError::InvalidKeyLength;
    if (nonce.size() != kAeadNonceLength)
        return CryptoError::InvalidNonceLength;
    GcmSealed out{QByteArray(plaintext.size(), Qt::Uninitialized),
                  QByteArray(kAeadTagLength, Qt::Uninitialized)};
    const Result<void> sealed =
        sealInto(key, nonce, plaintext, {}, associatedData, out.ciphertext.data(), out.tag.data());
    if (!sealed)
        return sealed.error();
    return out;
}

Result<SecretBytes> aes256GcmOpen(QByteArrayView key, QByteArrayView nonce, QByteArrayView ciphertext,
                                  QByteArrayView tag, QByteArrayView associatedData)
{
    if (key.size() != kAeadKeyLength)
        return CryptoError::InvalidKeyLength;
    if (nonce.size() != kAeadNonceLength)
        return CryptoError::InvalidNonceLength;
    if (tag.size() != kAeadTagLength)
        return CryptoError::InvalidTagLength;
    return openFrom(key, nonce, ciphertext, tag, {}, associatedData);
}

} // namespace bw::crypto
