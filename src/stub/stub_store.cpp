#include "stub/stub_store.h"

#include <QAtomicInteger>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>

namespace bw::stub {

Q_LOGGING_CATEGORY(lcStore, "bw.stub.store")

namespace {

// Each entry is one schema version; its statements run in one transaction and user_version becomes its
// index + 1. Append new versions at the end.
const QList<QStringList> kMigrations = {
    // v1 — issue 3: wallets, devices, enrollments, OTPs, password resets, nonces, sessions, audit log.
    {
        QStringLiteral(R"(CREATE TABLE wallets (
            id TEXT PRIMARY KEY,
            bank_id TEXT NOT NULL,
            full_name TEXT NOT NULL,
            phone TEXT NOT NULL UNIQUE,          -- E.164
            email TEXT NOT NULL,
            tier INTEGER NOT NULL,
            kyc_status TEXT NOT NULL,            -- none | verified | review | rejected
            date_of_birth TEXT,                  -- YYYY-MM-DD when identity was given
            document_type TEXT,
            document_country TEXT,
            document_number_sealed BLOB,         -- ServerKey::seal(wallets/document_number/<id>)
            document_number_hash BLOB,           -- ServerKey::mac("document", normalized number)
            password_verifier TEXT NOT NULL,     -- crypto::PasswordHash record (scrypt, with parameters)
            pin_salt BLOB NOT NULL,
            pin_verifier BLOB NOT NULL,          -- ServerKey::mac("pin", salt || PIN)
            password_failures INTEGER NOT NULL DEFAULT 0,
            locked_until INTEGER,
            pin_failures INTEGER NOT NULL DEFAULT 0,
            payments_frozen INTEGER NOT NULL DEFAULT 0,
            totp_secret_sealed BLOB,             -- ServerKey::seal(wallets/totp_secret/<id>)
            totp_enabled INTEGER NOT NULL DEFAULT 0,
            totp_last_step INTEGER,
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE devices (
            id TEXT PRIMARY KEY,
            wallet_id TEXT NOT NULL REFERENCES wallets(id),
            name TEXT NOT NULL,
            secret_sealed BLOB NOT NULL,         -- ServerKey::seal(devices/secret/<id>)
            created_at INTEGER NOT NULL,
            last_seen_at INTEGER,
            revoked_at INTEGER))"),
        QStringLiteral("CREATE INDEX devices_wallet ON devices(wallet_id)"),
        QStringLiteral(R"(CREATE TABLE enrollments (
            id TEXT PRIMARY KEY,
            bank_id TEXT NOT NULL,
            full_name TEXT NOT NULL,
            phone TEXT NOT NULL,
            email TEXT NOT NULL,
            status TEXT NOT NULL,   -- phone_unverified | phone_verified | identity_verified |
                                    -- identity_review | identity_rejected | completed
            document_type TEXT,
            document_country TEXT,
            document_number_sealed BLOB,
            document_number_hash BLOB,
            date_of_birth TEXT,
            kyc_result TEXT,        -- verified | review | rejected
            kyc_tier INTEGER,
            kyc_reasons TEXT,       -- JSON array of codes
            wallet_id TEXT,
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE otps (
            id TEXT PRIMARY KEY,
            purpose TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            channel TEXT NOT NULL,       -- sms | email
            destination TEXT NOT NULL,   -- E.164 phone or e-mail address
            delivered INTEGER NOT NULL,  -- 0: nobody receives the code (unknown phone in a reset)
            code_mac BLOB NOT NULL,      -- ServerKey::mac("otp", id || code): never the code
            expires_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0, -- wrong tries for this purpose and subject, all codes
            sent_at INTEGER NOT NULL,
            used INTEGER NOT NULL DEFAULT 0,
            UNIQUE (purpose, subject_id)))"),
        QStringLiteral(R"(CREATE TABLE password_resets (
            id TEXT PRIMARY KEY,
            phone TEXT NOT NULL,
            wallet_id TEXT,              -- NULL for an unknown phone (same answers, nothing sent)
            document_number_hash BLOB,
            status TEXT NOT NULL,
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE nonces (
            device_id TEXT NOT NULL,
            nonce TEXT NOT NULL,
            seen_at INTEGER NOT NULL,
            PRIMARY KEY (device_id, nonce)))"),
        QStringLiteral("CREATE INDEX nonces_seen ON nonces(seen_at)"),
        QStringLiteral(R"(CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            token_hash BLOB NOT NULL UNIQUE, -- SHA-256 of the access token; the token is never stored
            device_id TEXT NOT NULL REFERENCES devices(id),
            wallet_id TEXT NOT NULL REFERENCES wallets(id),
            created_at INTEGER NOT NULL,
            last_used_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            ended INTEGER NOT NULL DEFAULT 0))"),
        QStringLiteral("CREATE INDEX sessions_wallet ON sessions(wallet_id)"),
        QStringLiteral(R"(CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time INTEGER NOT NULL,
            event TEXT NOT NULL,
            subject TEXT NOT NULL,
            details TEXT NOT NULL))"),
    },
};

QAtomicInteger<quint64> g_connectionCounter;

} // namespace

StubStore::StubStore()
    : m_connectionName(QStringLiteral("bw_stub_%1").arg(g_connectionCounter.fetchAndAddRelaxed(1)))
{}

StubStore::~StubStore()
{
    close();
}

QSqlDatabase StubStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool StubStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

bool StubStore::open(const QString &path, QString *error)
{
    close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = QStringLiteral("cannot open %1: %2").arg(path, db.lastError().text());
            return false;
        }
    }
    try {
        exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        exec(QStringLiteral("PRAGMA synchronous=FULL"));
        exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        exec(QStringLiteral("PRAGMA busy_timeout=5000"));
    } catch (const StoreError &e) {
        *error = QString::fromUtf8(e.what());
        close();
        return false;
    }
    if (!migrate(error)) {
        close();
        return false;
    }
    return true;
}

void StubStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = database();
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int StubStore::latestSchemaVersion()
{
    return int(kMigrations.size());
}

int StubStore::schemaVersion() const
{
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool StubStore::migrate(QString *error)
{
    const int current = schemaVersion();
    if (current < 0) {
        *error = QStringLiteral("cannot read the schema version");
        return false;
    }
    if (current > latestSchemaVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this build (%2)")
                     .arg(current)
                     .arg(latestSchemaVersion());
        return false;
    }
    try {
        for (int version = current + 1; version <= latestSchemaVersion(); ++version) {
            Transaction tx(*this);
            for (const QString &statement : kMigrations.at(version - 1))
                exec(statement);
            exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
            tx.commit();
            qCInfo(lcStore, "database migrated to schema version %d", version);
        }
    } catch (const StoreError &e) {
        *error = QStringLiteral("migration failed: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
    return true;
}

QSqlQuery StubStore::exec(const QString &sql, const QVariantList &args)
{
    QSqlQuery query(database());
    if (!query.prepare(sql))
        throw StoreError(QStringLiteral("prepare failed: %1").arg(query.lastError().text()).toStdString());
    for (const QVariant &arg : args)
        query.addBindValue(arg);
    if (!query.exec())
        throw StoreError(QStringLiteral("query failed: %1").arg(query.lastError().text()).toStdString());
    return query;
}

QVariant StubStore::scalar(const QString &sql, const QVariantList &args)
{
    QSqlQuery query = exec(sql, args);
    if (!query.next())
        return {};
    return query.value(0);
}

void StubStore::audit(qint64 time, const QString &event, const QString &subject, const QJsonObject &details)
{
    exec(QStringLiteral("INSERT INTO audit_log (time, event, subject, details) VALUES (?, ?, ?, ?)"),
         {time, event, subject, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
}

StubStore::Transaction::Transaction(StubStore &store)
    : m_store(store)
{
    m_store.exec(QStringLiteral("BEGIN IMMEDIATE"));
}

StubStore::Transaction::~Transaction()
{
    if (m_done)
        return;
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore, "rollback failed: %s", qPrintable(query.lastError().text()));
}

void StubStore::Transaction::commit()
{
    m_store.exec(QStringLiteral("COMMIT"));
    m_done = true;
}

} // namespace bw::stub
