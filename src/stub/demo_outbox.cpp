#include "stub/demo_outbox.h"

#include "stub/clock.h"

#include <QMutexLocker>

namespace bw::stub {

QJsonObject OutboxMessage::toJson() const
{
    return QJsonObject{{QStringLiteral("to"), to},
                       {QStringLiteral("channel"), channel},
                       {QStringLiteral("text"), text},
                       {QStringLiteral("text_zh"), textZh},
                       {QStringLiteral("code"), code},
                       {QStringLiteral("purpose"), purpose},
                       {QStringLiteral("sent_at"), toRfc3339(sentAt)}};
}

void DemoOutbox::add(OutboxMessage message)
{
    QMutexLocker lock(&m_mutex);
    m_messages.append(std::move(message));
    if (m_messages.size() > kCapacity)
        m_messages.removeFirst();
}

QList<OutboxMessage> DemoOutbox::messagesTo(const QString &to) const
{
    QMutexLocker lock(&m_mutex);
    QList<OutboxMessage> result;
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (to.isEmpty() || it->to == to)
            result.append(*it);
    }
    return result;
}

void DemoOutbox::clear()
{
    QMutexLocker lock(&m_mutex);
    m_messages.clear();
}

} // namespace bw::stub
