// DemoOutbox: the customer's simulated phone and mailbox. Every SMS or e-mail the stub "sends" lands
// here, in memory only — it stands for the customer's device, not the bank's database, so plaintext codes
// never touch the stub's SQLite file. GET /v1/dev/outbox shows it in demo mode. Bounded (oldest dropped).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>

namespace bw::stub {

struct OutboxMessage
{
    QString to;      // E.164 phone or e-mail address
    QString channel; // "sms" or "email"
    QString text;
    QString textZh;
    QString code;    // the code in the message, for the demo panel and tests
    QString purpose; // "enrollment", "device", "password_reset", ...
    qint64 sentAt = 0;

    QJsonObject toJson() const;
};

class DemoOutbox
{
public:
    static constexpr qsizetype kCapacity = 1000;

    void add(OutboxMessage message);
    // Messages to `to` (every message when empty), newest first.
    QList<OutboxMessage> messagesTo(const QString &to) const;
    void clear();

private:
    mutable QMutex m_mutex;
    QList<OutboxMessage> m_messages; // oldest first
};

} // namespace bw::stub
