#include "crypto/version.h"

#include <openssl/crypto.h>

namespace bw::crypto {

QString libraryVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace bw::crypto
