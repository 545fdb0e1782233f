#include "storage/wallet_database.h"

#include "crypto/aead.h"
#include "storage/schema.h"
#include "storage/transaction.h"

#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <atomic>

Q_LOGGING_CATEGORY(lcStorage, "bw.storage")

namespace bw::storage {

namespace {

std::atomic<quint64> g_connectionCounter{0};

// The sealed value whose successful opening proves the data key is the right one.
constexpr QByteArrayView kKeyCheckPlaintext = "bankwallet local data key check v1";
const QString kMetaTable = QStringLiteral("storage_meta");
const QString kKeyCheckName = QStringLiteral("data_key_check");

// SQLite primary result codes (the low byte of an extended code).
enum SqliteCode {
    kSqliteBusy = 5,
    kSqliteLocked = 6,
    kSqliteReadOnly = 8,
    kSqliteIoErr = 10,
    kSqliteCorrupt = 11,
    kSqliteFull = 13,
    kSqliteCantOpen = 14,
    kSqliteNotADb = 26,
};

} // namespace

WalletDatabase::WalletDatabase()
    : m_connectionName(QStringLiteral("bw_storage_%1").arg(++g_connectionCounter))
{}

WalletDatabase::~WalletDatabase()
{
    close();
}

StorageError WalletDatabase::errorFrom(const QSqlError &error, const QString &what)
{
    bool ok = false;
    const int native = error.nativeErrorCode().toInt(&ok);
    StorageErrorCode code = StorageErrorCode::SqlError;
    if (ok) {
        switch (native & 0xff) {
        case kSqliteFull:
            code = StorageErrorCode::DiskFull;
            break;
        case kSqliteCorrupt:
        case kSqliteNotADb:
            code = StorageErrorCode::Corrupt;
            break;
        case kSqliteBusy:
        case kSqliteLocked:
            code = StorageErrorCode::Busy;
            break;
        case kSqliteReadOnly:
            code = StorageErrorCode::ReadOnly;
            break;
        case kSqliteCantOpen:
            code = StorageErrorCode::CannotOpen;
            break;
        case kSqliteIoErr:
            // SQLITE_IOERR_NOMEM etc. are not a full disk; ENOSPC surfaces as SQLITE_FULL.
            code = StorageErrorCode::SqlError;
            break;
        default:
            break;
        }
    }
    return StorageError{code, QStringLiteral("%1: %2 (%3)").arg(what, error.text(), error.nativeErrorCode())};
}

Status WalletDatabase::open(const QString &path, const crypto::SecretBytes &dataKey)
{
    return openImpl(path, dataKey, kLatestVersion);
}

Status WalletDatabase::openAtVersion(const QString &path, const crypto::SecretBytes &dataKey,
                                     int targetVersion)
{
    if (targetVersion < 1 || targetVersion > kLatestVersion)
        return StorageError{StorageErrorCode::InvalidData,
                            QStringLiteral("no schema version %1").arg(targetVersion)};
    return openImpl(path, dataKey, targetVersion);
}

Status WalletDatabase::openImpl(const QString &path, const crypto::SecretBytes &dataKey, int targetVersion)
{
    close();
    if (dataKey.size() != crypto::kAeadKeyLength)
        return StorageError{StorageErrorCode::InvalidKey,
                            QStringLiteral("data key is %1 bytes").arg(dataKey.size())};
    if (path.isEmpty())
        return StorageError{StorageErrorCode::CannotOpen, QStringLiteral("empty path")};

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
        if (!db.open()) {
            StorageError error = errorFrom(db.lastError(), QStringLiteral("open"));
            if (error.code == StorageErrorCode::SqlError)
                error.code = StorageErrorCode::CannotOpen;
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return error;
        }
    }
    m_open = true;
    m_thread = QThread::currentThread();
    m_path = path;

    auto fail = [this](StorageError error) -> Status {
        qCWarning(lcStorage, "cannot open the wallet database: %s", qPrintable(error.detail));
        close();
        return error;
    };

    // Read-only first: a file from a newer build must not be touched, not even by a journal-mode change.
    const auto version = scalar(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return fail(version.error());
    const int current = version.value().toInt();
    if (current > kLatestVersion)
        return fail(StorageError{
            StorageErrorCode::NewerVersion,
            QStringLiteral("schema version %1, this build knows up to %2").arg(current).arg(kLatestVersion)});

    if (auto status = applyPragmas(); !status)
        return fail(status.error());

    m_sealer = FieldSealer(dataKey.clone());
    // Before any migration: a wrong key must leave the file as it was.
    if (current >= 1) {
        if (auto status = checkDataKey(); !status)
            return fail(status.error());
    }
    if (auto status = schema::migrateTo(*this, targetVersion); !status)
        return fail(status.error());
    if (current < 1) {
        if (auto status = checkDataKey(); !status)
            return fail(status.error());
    }
    return {};
}

Status WalletDatabase::applyPragmas()
{
    const auto mode = scalar(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!mode)
        return mode.error();
    if (mode.value().toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return StorageError{StorageErrorCode::CannotOpen,
                            QStringLiteral("journal_mode is %1, not wal").arg(mode.value().toString())};
    for (const QString &pragma :
         {QStringLiteral("PRAGMA synchronous=FULL"), QStringLiteral("PRAGMA foreign_keys=ON"),
          QStringLiteral("PRAGMA busy_timeout=%1").arg(kBusyTimeoutMs),
          // Performance only: an 8 MiB page cache for a reader (the History model's; the writer lowers its
          // own, see setPageCacheKiB). At 1,000,000 rows every History target holds with it, and the model's
          // peak rss is 8 MB lower than with 16 MiB (bench_history, 2026-11-27). Temporary b-trees in memory.
          QStringLiteral("PRAGMA cache_size=-8192"), QStringLiteral("PRAGMA temp_store=MEMORY")}) {
        if (auto result = exec(pragma); !result)
            return result.error();
    }
    return {};
}

Status WalletDatabase::setPageCacheKiB(int kib)
{
    if (kib <= 0)
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("page cache of %1 KiB").arg(kib)};
    if (auto usable = checkUsable(); !usable)
        return usable.error();
    // Negative: a size in KiB, whatever the page size (https://sqlite.org/pragma.html#pragma_cache_size).
    if (auto result = exec(QStringLiteral("PRAGMA cache_size=-%1").arg(kib)); !result)
        return result.error();
    return {};
}

Status WalletDatabase::checkDataKey()
{
    const auto stored =
        scalar(QStringLiteral("SELECT value FROM storage_meta WHERE key = ?"), {kKeyCheckName});
    if (!stored)
        return stored.error();
    if (stored.value().isValid() && !stored.value().isNull()) {
        const QByteArray envelope = stored.value().toByteArray();
        auto opened = m_sealer.open(envelope, kMetaTable, QStringLiteral("value"), kKeyCheckName);
        if (!opened || opened.value().view() != kKeyCheckPlaintext)
            return StorageError{StorageErrorCode::DataKeyWrong,
                                QStringLiteral("the key check value does not open")};
        return {};
    }
    auto sealed = m_sealer.seal(kKeyCheckPlaintext, kMetaTable, QStringLiteral("value"), kKeyCheckName);
    if (!sealed)
        return sealed.error();
    auto inserted = exec(QStringLiteral("INSERT INTO storage_meta(key, value) VALUES (?, ?)"),
                         {kKeyCheckName, sealed.value()});
    if (!inserted)
        return inserted.error();
    return {};
}

void WalletDatabase::close()
{
    m_sealer.clear();
    m_txDepth = 0;
    if (!QSqlDatabase::contains(m_connectionName)) {
        m_open = false;
        return;
    }
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
    m_thread = nullptr;
}

Status WalletDatabase::forgetWallet()
{
    Transaction tx(*this);
    if (!tx.ok())
        return tx.begun();
    for (const char *table :
         {"profile", "payment_methods", "history", "sync_state", "wallet_settings", "payments_in_flight"}) {
        auto deleted = exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)));
        if (!deleted)
            return deleted.error();
    }
    return tx.commit();
}

Status WalletDatabase::removeFiles(const QString &path)
{
    for (const QString &file : {path + QStringLiteral("-wal"), path + QStringLiteral("-shm"), path}) {
        if (QFile::exists(file) && !QFile::remove(file))
            return StorageError{StorageErrorCode::CannotOpen, QStringLiteral("cannot remove %1").arg(file)};
    }
    return {};
}

bool WalletDatabase::isOpen() const
{
    return m_open;
}

int WalletDatabase::schemaVersion() const
{
    if (!checkUsable())
        return -1;
    QSqlQuery query(connection());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

Status WalletDatabase::checkUsable() const
{
    if (!m_open)
        return StorageError{StorageErrorCode::NotOpen, QStringLiteral("the database is not open")};
    if (QThread::currentThread() != m_thread)
        return StorageError{StorageErrorCode::WrongThread,
                            QStringLiteral("the database was used from a thread that did not open it")};
    return {};
}

QSqlDatabase WalletDatabase::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<QSqlQuery> WalletDatabase::prepare(const QString &sql)
{
    if (auto status = checkUsable(); !status)
        return status.error();
    QSqlQuery query(connection());
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return errorFrom(query.lastError(), QStringLiteral("prepare"));
    return query;
}

Status WalletDatabase::run(QSqlQuery &query, const QString &what)
{
    if (!query.exec())
        return errorFrom(query.lastError(), what);
    return {};
}

Result<QSqlQuery> WalletDatabase::exec(const QString &sql, const QVariantList &args)
{
    auto prepared = prepare(sql);
    if (!prepared)
        return prepared.error();
    QSqlQuery query = std::move(prepared).value();
    for (const QVariant &arg : args)
        query.addBindValue(arg);
    if (!query.exec())
        return errorFrom(query.lastError(), sql.section(QLatin1Char(' '), 0, 2));
    return query;
}

Result<QVariant> WalletDatabase::scalar(const QString &sql, const QVariantList &args)
{
    auto result = exec(sql, args);
    if (!result)
        return result.error();
    QSqlQuery &query = result.value();
    if (!query.next()) {
        if (query.lastError().isValid())
            return errorFrom(query.lastError(), QStringLiteral("read"));
        return QVariant();
    }
    QVariant value = query.value(0);
    query.finish();
    return value;
}

Result<QString> WalletDatabase::pragma(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z_]+$"));
    if (!valid.match(name).hasMatch())
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("not a pragma name")};
    auto value = scalar(QStringLiteral("PRAGMA %1").arg(name));
    if (!value)
        return value.error();
    return value.value().toString();
}

} // namespace bw::storage
