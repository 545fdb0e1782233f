// API-READY
// WalletDatabase: the wallet's own local SQLite file (Qt SQL), a cache of what the gateway says (profile,
// payment methods, transaction history) plus the app's own bookkeeping (payments in flight, sync cursor,
// settings). One instance = one Qt SQL connection with a unique name, opened on and used only by the thread
// that called open() (Qt SQL connections are thread-bound; DatabaseWorker gives it its own thread).
//
// open() applies WAL, synchronous=FULL, foreign_keys=ON and a busy timeout, then migrates the schema
// (PRAGMA user_version) to kLatestVersion in one transaction (schema.h). A file from a NEWER schema version
// is refused with NewerVersion before anything is written to it (the version is read before any PRAGMA
// that changes the file).
//
// The data key (32 bytes, from keychain::DataKeyProvider — the caller fetches it) seals personal fields
// (FieldSealer). A sealed check value in storage_meta proves at open() that the key is the one the file was
// written with: a different key is DataKeyWrong, and nothing is changed.
#pragma once

#include "crypto/secret_bytes.h"
#include "storage/field_sealer.h"
#include "storage/storage_error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QThread>
#include <QVariant>
#include <QVariantList>

namespace bw::storage {

class WalletDatabase
{
public:
    // The schema version this build writes (see schema.h for what each version adds).
    static constexpr int kLatestVersion = 4;
    // How long a statement waits for another connection's lock before failing with Busy.
    static constexpr int kBusyTimeoutMs = 5000;

    WalletDatabase();
    ~WalletDatabase();
    WalletDatabase(const WalletDatabase &) = delete;
    WalletDatabase &operator=(const WalletDatabase &) = delete;

    // Opens (creating the file if missing) and migrates to kLatestVersion. dataKey must be 32 bytes; a
    // copy is kept (wiped on close). Errors: InvalidKey, CannotOpen, Corrupt, NewerVersion, DataKeyWrong,
    // DiskFull, ReadOnly, Busy, SqlError. On error the connection is closed again.
    Status open(const QString &path, const crypto::SecretBytes &dataKey);
    // As open(), but migrates only up to targetVersion (1..kLatestVersion): for migration tests, which
    // build files as an older build would have left them.
    Status openAtVersion(const QString &path, const crypto::SecretBytes &dataKey, int targetVersion);
    void close();

    // Deletes a closed database file with its -wal and -shm companions: for starting over after
    // DataKeyWrong (the keychain lost the key; the cache is re-synced from the gateway) or Corrupt. Errors:
    // CannotOpen when a file exists and cannot be removed.
    static Status removeFiles(const QString &path);
    // Deletes every row the wallet keeps — profile, payment methods, history (and its search index),
    // sync cursor, wallet settings, in-flight payments — in one transaction, keeping the schema and the
    // data-key check. For when the bank no longer knows the wallet (a demo bank reset): a new wallet on this
    // desktop must not inherit the old one's rows or feed cursor.
    Status forgetWallet();

    // This connection's SQLite page cache, in KiB (open() sets 8 MiB, what the History model's reader
    // wants). The DatabaseWorker's connection sets less: its work (a sync's writes, an export's and the
    // Insights' scans) gains nothing from a larger one, and during a sync it counts in the app's memory.
    // Errors: InvalidData for kib <= 0, NotOpen, WrongThread, SqlError.
    Status setPageCacheKiB(int kib);

    bool isOpen() const;
    QString path() const { return m_path; }
    // PRAGMA user_version, or -1 when closed.
    int schemaVersion() const;

    // The sealer holding the data key; valid while open.
    const FieldSealer &sealer() const { return m_sealer; }

    // --- For repositories and schema code (same thread only) ---
    // NotOpen or WrongThread, or ok.
    Status checkUsable() const;
    QSqlDatabase connection() const;
    // Prepare, bind positional '?' values, execute. The returned query is forward-only.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &args = {});
    // Prepared statement for a loop (bind + execute with run()).
    Result<QSqlQuery> prepare(const QString &sql);
    Status run(QSqlQuery &query, const QString &what);
    // The first column of the first row (invalid QVariant when there is no row).
    Result<QVariant> scalar(const QString &sql, const QVariantList &args = {});
    // Reads a PRAGMA (e.g. "journal_mode") as text.
    Result<QString> pragma(const QString &name);
    // Maps a Qt SQL error to a typed StorageError (DiskFull, Corrupt, Busy, ...).
    static StorageError errorFrom(const QSqlError &error, const QString &what);

    // Transaction depth bookkeeping for Transaction (nested transactions become savepoints).
    int transactionDepth() const { return m_txDepth; }

private:
    friend class Transaction;
    Status openImpl(const QString &path, const crypto::SecretBytes &dataKey, int targetVersion);
    Status applyPragmas();
    Status checkDataKey();

    QString m_connectionName;
    QString m_path;
    QThread *m_thread = nullptr;
    FieldSealer m_sealer;
    int m_txDepth = 0;
    bool m_open = false;
};

} // namespace bw::storage
