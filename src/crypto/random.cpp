#include "crypto/random.h"

#include <openssl/rand.h>

#include <algorithm>
#include <climits>

namespace bw::crypto {

namespace {

// RAND_bytes takes an int length, so large requests are filled in chunks.
bool fillRandom(char *out, qsizetype count)
{
    while (count > 0) {
        const int chunk = static_cast<int>(std::min<qsizetype>(count, INT_MAX));
        if (RAND_bytes(reinterpret_cast<unsigned char *>(out), chunk) != 1)
            return false;
        out += chunk;
        count -= chunk;
    }
    return true;
}

} // namespace

Result<QByteArray> randomBytes(qsizetype count)
{
    if (count < 0)
        return CryptoError::InvalidArgument;
    QByteArray bytes(count, Qt::Uninitialized);
    if (!fillRandom(bytes.data(), count))
        return CryptoError::RandomFailure;
    return bytes;
}

Result<SecretBytes> randomSecret(qsizetype count)
{
    if (count < 0)
        return CryptoError::InvalidArgument;
    SecretBytes secret(count);
    if (!fillRandom(secret.data(), count))
        return CryptoError::RandomFailure;
    return secret;
}

Result<QByteArray> random16()
{
    return randomBytes(16);
}

Result<SecretBytes> randomKey32()
{
    return randomSecret(32);
}

} // namespace bw::crypto
