#include "stub/clock.h"

namespace bw::stub {

QString toRfc3339(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString toRfc3339(qint64 unixSeconds)
{
    return toRfc3339(QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC));
}

QDate shanghaiDate(const QDateTime &time)
{
    // China has no daylight saving time since 1991; a fixed UTC+8 offset avoids depending on tzdata.
    return time.toUTC().addSecs(8 * 3600).date();
}

} // namespace bw::stub
