#include "storage/wallet_settings_store.h"

#include "storage/wallet_database.h"

namespace bw::storage {

Result<std::optional<QString>> WalletSettingsStore::value(const QString &key)
{
    auto query = m_db.exec(QStringLiteral("SELECT value FROM wallet_settings WHERE key = ?"), {key});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<QString>();
    return std::optional<QString>(query.value().value(0).toString());
}

Status WalletSettingsStore::setValue(const QString &key, const QString &value)
{
    if (key.isEmpty())
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("empty setting key")};
    auto done = m_db.exec(QStringLiteral("INSERT INTO wallet_settings (key, value) VALUES (?, ?)"
                                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                          {key, value.isNull() ? QStringLiteral("") : value});
    if (!done)
        return done.error();
    return {};
}

Status WalletSettingsStore::remove(const QString &key)
{
    if (auto done = m_db.exec(QStringLiteral("DELETE FROM wallet_settings WHERE key = ?"), {key}); !done)
        return done.error();
    return {};
}

Result<QMap<QString, QString>> WalletSettingsStore::all()
{
    auto query = m_db.exec(QStringLiteral("SELECT key, value FROM wallet_settings"));
    if (!query)
        return query.error();
    QMap<QString, QString> values;
    while (query.value().next())
        values.insert(query.value().value(0).toString(), query.value().value(1).toString());
    return values;
}

} // namespace bw::storage
