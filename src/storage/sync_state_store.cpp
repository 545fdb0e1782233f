#include "storage/sync_state_store.h"

#include "storage/wallet_database.h"

namespace bw::storage {

Result<std::optional<SyncState>> SyncStateStore::get(const QString &walletId)
{
    auto query = m_db.exec(
        QStringLiteral("SELECT wallet_id, feed_cursor, last_sync_at FROM sync_state WHERE wallet_id = ?"),
        {walletId});
    if (!query)
        return query.error();
    QSqlQuery &q = query.value();
    if (!q.next())
        return std::optional<SyncState>();
    return std::optional<SyncState>(
        SyncState{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
}

Status SyncStateStore::save(const SyncState &state)
{
    if (state.walletId.isEmpty())
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("sync state without wallet id")};
    auto done = m_db.exec(
        QStringLiteral("INSERT INTO sync_state (wallet_id, feed_cursor, last_sync_at) VALUES (?, ?, ?)"
                       " ON CONFLICT (wallet_id) DO UPDATE SET feed_cursor = excluded.feed_cursor,"
                       " last_sync_at = excluded.last_sync_at"),
        {state.walletId, state.feedCursor, state.lastSyncAtMs});
    if (!done)
        return done.error();
    return {};
}

Status SyncStateStore::clear(const QString &walletId)
{
    if (auto done = m_db.exec(QStringLiteral("DELETE FROM sync_state WHERE wallet_id = ?"), {walletId});
        !done)
        return done.error();
    return {};
}

} // namespace bw::storage
