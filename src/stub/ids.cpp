#include "stub/ids.h"

#include "crypto/encoding.h"
#include "crypto/random.h"
#include "stub/api_error.h"

#include <QDateTime>

namespace bw::stub {

QString newId(const QString &prefix)
{
    const auto bytes = crypto::random16();
    if (!bytes)
        throw ApiError::internalError();
    return prefix + crypto::base32Encode(bytes.value(), crypto::Padding::Without).toLower();
}

QString newOrderedId(const QString &prefix)
{
    const auto bytes = crypto::randomBytes(10);
    if (!bytes)
        throw ApiError::internalError();
    static constexpr char kOrdered[] = "0123456789abcdefghijklmnopqrstuv";
    quint64 millis = quint64(QDateTime::currentMSecsSinceEpoch());
    char time[10];
    for (int i = 9; i >= 0; --i, millis >>= 5)
        time[i] = kOrdered[millis & 31];
    return prefix + QLatin1StringView(time, 10) +
           crypto::base32Encode(bytes.value(), crypto::Padding::Without).toLower();
}

} // namespace bw::stub
