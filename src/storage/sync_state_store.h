// SyncStateStore: where the history sync left off — the gateway's feed cursor per wallet and when the last
// sync finished. Synchronous; use it on the thread that owns the WalletDatabase.
#pragma once

#include "storage/storage_error.h"

#include <QString>

#include <optional>

namespace bw::storage {

class WalletDatabase;

struct SyncState
{
    QString walletId;
    QString feedCursor;      // next_cursor of the last page applied; empty = from the start
    qint64 lastSyncAtMs = 0; // ms since the epoch, UTC; 0 = never
};

class SyncStateStore
{
public:
    explicit SyncStateStore(WalletDatabase &db)
        : m_db(db)
    {}

    Result<std::optional<SyncState>> get(const QString &walletId);
    Status save(const SyncState &state);
    Status clear(const QString &walletId);

private:
    WalletDatabase &m_db;
};

} // namespace bw::storage
