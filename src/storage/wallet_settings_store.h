// WalletSettingsStore: key/value settings that belong to this wallet (e.g. auto-lock minutes, hidden
// balance), as opposed to machine-wide QSettings. Values are plain text: never put a secret here.
// Synchronous; use it on the thread that owns the WalletDatabase.
#pragma once

#include "storage/storage_error.h"

#include <QMap>
#include <QString>

#include <optional>

namespace bw::storage {

class WalletDatabase;

class WalletSettingsStore
{
public:
    explicit WalletSettingsStore(WalletDatabase &db)
        : m_db(db)
    {}

    Result<std::optional<QString>> value(const QString &key);
    Status setValue(const QString &key, const QString &value);
    Status remove(const QString &key);
    Result<QMap<QString, QString>> all();

private:
    WalletDatabase &m_db;
};

} // namespace bw::storage
