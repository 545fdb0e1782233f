#include "stub/ids.h"

#include "crypto/encoding.h"
#include "crypto/random.h"
#include "stub/api_error.h"

namespace bw::stub {

QString newId(const QString &prefix)
{
    const auto bytes = crypto::random16();
    if (!bytes)
        throw ApiError::internalError();
    return prefix + crypto::base32Encode(bytes.value(), crypto::Padding::Without).toLower();
}

} // namespace bw::stub
