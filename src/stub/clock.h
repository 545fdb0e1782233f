// Clock: where the stub reads the time. Every rule with a time in it (OTP life, resend cooldown, lockouts,
// session expiry, signature freshness, nonce memory) asks the server's Clock, so tests can move time
// instead of sleeping. SystemClock is the real one; ManualClock is a test aid.
#pragma once

#include <QDateTime>
#include <QString>

#include <atomic>

namespace bw::stub {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// TEST AID: a clock that stands still until set or advanced. Thread-safe, because tests move it from
// their own thread while the server reads it on its thread.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime::currentDateTimeUtc())
        : m_msecs(start.toMSecsSinceEpoch())
    {}
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_msecs.load(), Qt::UTC); }
    void set(const QDateTime &time) { m_msecs.store(time.toMSecsSinceEpoch()); }
    void advance(qint64 seconds) { m_msecs.fetch_add(seconds * 1000); }

private:
    std::atomic<qint64> m_msecs;
};

// RFC 3339 UTC with seconds, as the contract writes times: "2024-05-01T08:30:00Z".
QString toRfc3339(const QDateTime &time);
QString toRfc3339(qint64 unixSeconds);
// Today's calendar date in Asia/Shanghai (the contract's day boundaries).
QDate shanghaiDate(const QDateTime &time);

} // namespace bw::stub
