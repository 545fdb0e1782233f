// ProfileStore: the one-row cache of the wallet's profile (GET /v1/wallet plus what onboarding knew). The
// phone, full name and e-mail are sealed; document numbers are never stored. Synchronous; use it on the
// thread that owns the WalletDatabase.
#pragma once

#include "storage/storage_error.h"

#include <QString>

#include <optional>

namespace bw::storage {

class WalletDatabase;

struct ProfileRow
{
    QString walletId;
    int tier = 4;
    QString kycStatus;         // as the gateway says ("verified", "review", "none", ...)
    QString phone;             // sealed
    QString fullName;          // sealed
    QString email;             // sealed
    QString preferredLanguage; // "en", "zh_CN"
    qint64 updatedAtMs = 0;    // ms since the epoch, UTC
};

class ProfileStore
{
public:
    explicit ProfileStore(WalletDatabase &db)
        : m_db(db)
    {}

    // nullopt when no profile has been saved yet. Errors: Undecryptable, SqlError, ...
    Result<std::optional<ProfileRow>> get();
    // Inserts or replaces the single row.
    Status save(const ProfileRow &row);
    Status clear();

private:
    WalletDatabase &m_db;
};

} // namespace bw::storage
