#include "stub/stub_store.h"

#include <QAtomicInteger>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

#include <utility>

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
    // v2 — issue 4: money. Payment methods, the double-entry ledger (ledger.h) and its balance cache,
    // quotes, payments, the transaction feed (transaction_feed.h) and idempotency keys.
    {
        QStringLiteral(R"(CREATE TABLE payment_methods (
            id TEXT PRIMARY KEY,                 -- pm_…
            wallet_id TEXT NOT NULL REFERENCES wallets(id),
            type TEXT NOT NULL,                  -- card | bank_account
            token TEXT NOT NULL,                 -- opaque processor token; never the number
            brand TEXT,                          -- visa | mastercard | unionpay | amex | jcb
            funding TEXT,                        -- debit | credit; NULL for accounts
            last4 TEXT NOT NULL,
            exp_month INTEGER,
            exp_year INTEGER,
            bank_id TEXT,
            bank_name TEXT,
            country TEXT,
            holder_name TEXT NOT NULL,
            test_behaviour TEXT NOT NULL DEFAULT 'succeed', -- succeed | decline | insufficient_funds |
                                                            -- incorrect_cvc_once
            charges INTEGER NOT NULL DEFAULT 0,  -- charge attempts so far (incorrect_cvc_once)
            is_default INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            deleted_at INTEGER))"),
        QStringLiteral("CREATE INDEX payment_methods_wallet ON payment_methods(wallet_id)"),
        QStringLiteral(R"(CREATE TABLE ledger_accounts (
            id TEXT PRIMARY KEY,                 -- e.g. 'wallet' + ':' + wallet id, see ledger.h (no colon here: Qt reads ':x' as a placeholder)
            currency TEXT NOT NULL,
            kind TEXT NOT NULL))"), // customer | bank | external
        QStringLiteral(R"(CREATE TABLE ledger_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            journal_id TEXT NOT NULL,            -- the payment id or another movement id
            account_id TEXT NOT NULL REFERENCES ledger_accounts(id),
            amount INTEGER NOT NULL,             -- minor units, signed; every journal sums to 0 per currency
            currency TEXT NOT NULL,
            created_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX ledger_entries_account ON ledger_entries(account_id)"),
        QStringLiteral("CREATE INDEX ledger_entries_journal ON ledger_entries(journal_id)"),
        QStringLiteral(R"(CREATE TABLE wallet_balances (
            wallet_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            available INTEGER NOT NULL,          -- = SUM(entries of the wallet's account)
            pending INTEGER NOT NULL,            -- = SUM(entries of the wallet's hold account), see ledger.h
            PRIMARY KEY (wallet_id, currency)))"),
        // Beyond the agreed schema: what Ledger::hold() keeps to settle a hold later (release on approve,
        // return on reject) without the caller having to remember where the money came from or goes.
        QStringLiteral(R"(CREATE TABLE ledger_holds (
            journal_id TEXT PRIMARY KEY,         -- the journal that placed the hold (the payment id)
            wallet_id TEXT NOT NULL,
            currency TEXT NOT NULL,
            amount INTEGER NOT NULL,             -- > 0, on the wallet's hold account
            funding_json TEXT NOT NULL,          -- postings that funded the hold (reversed on return)
            release_json TEXT NOT NULL,          -- postings that receive the money on release
            status TEXT NOT NULL,                -- held | released | returned
            created_at INTEGER NOT NULL,
            settled_at INTEGER))"),
        QStringLiteral("CREATE INDEX ledger_holds_wallet ON ledger_holds(wallet_id, status)"),
        QStringLiteral(R"(CREATE TABLE quotes (
            id TEXT PRIMARY KEY,                 -- quo_…
            wallet_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,                -- 'balance' or a pm_… id
            destination_json TEXT NOT NULL,
            payee_type TEXT,
            payee_id TEXT,
            payee_name TEXT,
            payee_country TEXT,
            credit_amount INTEGER,
            credit_currency TEXT,
            principal_cny INTEGER NOT NULL,
            debit_amount INTEGER,
            debit_currency TEXT,
            fees_json TEXT NOT NULL,
            fx_rate TEXT,
            requires_otp INTEGER NOT NULL,
            cross_border INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            used_at INTEGER))"),
        QStringLiteral("CREATE INDEX quotes_wallet ON quotes(wallet_id)"),
        QStringLiteral(R"(CREATE TABLE payments (
            id TEXT PRIMARY KEY,                 -- pay_…
            wallet_id TEXT NOT NULL,
            quote_id TEXT UNIQUE,
            kind TEXT NOT NULL,                  -- payment | transfer | top_up | withdrawal | incoming
            status TEXT NOT NULL,                -- succeeded | processing | pending_review | rejected
            failure_code TEXT,
            debit_amount INTEGER,
            debit_currency TEXT,
            credit_amount INTEGER,
            credit_currency TEXT,
            principal_cny INTEGER NOT NULL,
            fees_json TEXT NOT NULL,
            fx_rate TEXT,
            counterparty_json TEXT NOT NULL,
            note_sealed BLOB,                    -- ServerKey::seal(payments/note/<id>)
            travel_rule_json TEXT,
            large_value_flag INTEGER NOT NULL DEFAULT 0,
            receipt_no TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL))"),
        QStringLiteral("CREATE INDEX payments_wallet ON payments(wallet_id, created_at)"),
        QStringLiteral("CREATE INDEX payments_status ON payments(status)"),
        QStringLiteral(R"(CREATE TABLE transactions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, -- the feed's commit order; cursors encode it
            id TEXT NOT NULL UNIQUE,             -- txn_…
            wallet_id TEXT NOT NULL,
            payment_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            amount INTEGER NOT NULL,             -- signed change to the available balance
            currency TEXT NOT NULL,
            fees_json TEXT,
            counterparty_json TEXT,
            note_sealed BLOB,
            receipt_no TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            balance_after INTEGER))"),
        QStringLiteral("CREATE INDEX transactions_wallet ON transactions(wallet_id, seq)"),
        QStringLiteral("CREATE INDEX transactions_payment ON transactions(payment_id)"),
        QStringLiteral(R"(CREATE TABLE idempotency_keys (
            wallet_id TEXT NOT NULL,
            key TEXT NOT NULL,
            request_hash TEXT NOT NULL,          -- SHA-256 of the canonical JSON body
            status INTEGER,                      -- the stored answer's HTTP status
            response_body TEXT,
            created_at INTEGER NOT NULL,         -- kept 24 h
            PRIMARY KEY (wallet_id, key)))"),
        QStringLiteral("CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at)"),
    },
    // v3 — issue 4: what the limit and second-factor rules read on every quote and payment (money_rules.h),
    // kept as running counters in the payment's own transaction so no request sums the wallet's history.
    {
        QStringLiteral(R"(CREATE TABLE wallet_usage (
            wallet_id TEXT NOT NULL,
            period TEXT NOT NULL,                -- e.g. 'day/2025-03-01', 'year/2025', see money_rules.h
            amount INTEGER NOT NULL,             -- CNY minor units
            PRIMARY KEY (wallet_id, period)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE wallet_payees (
            wallet_id TEXT NOT NULL,
            payee_id TEXT NOT NULL,              -- mer_… or wal_…: paid with a SUCCEEDED payment or transfer
            first_paid_at INTEGER NOT NULL,
            PRIMARY KEY (wallet_id, payee_id)) WITHOUT ROWID)"),
    },
    // v4 — issue 4: indexes no query reads. Every payment wrote each of them (another b-tree insert, and
    // another page in the WAL) for nothing: measured with callgrind on bench_gateway.
    {
        QStringLiteral("DROP INDEX IF EXISTS payments_status"),
        QStringLiteral("DROP INDEX IF EXISTS quotes_wallet"),
        QStringLiteral("DROP INDEX IF EXISTS transactions_payment"),
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
        // Qt's SQLite driver hands out its sqlite3* (the same system libsqlite3 this target links).
        const QVariant handle = db.driver()->handle();
        if (qstrcmp(handle.typeName(), "sqlite3*") == 0)
            m_handle = *static_cast<sqlite3 *const *>(handle.constData());
        if (!m_handle) {
            *error = QStringLiteral("cannot open %1: no SQLite handle").arg(path);
            close();
            return false;
        }
        // The handle is only safe to use with the SQLite Qt's driver itself runs on (the system library on
        // Debian and Ubuntu). A driver with its own bundled copy is refused rather than driven by two
        // libraries — a different version is the sign of that copy.
        QString driverSqlite;
        {
            QSqlQuery version(db);
            if (version.exec(QStringLiteral("SELECT sqlite_version()")) && version.next())
                driverSqlite = version.value(0).toString();
        }
        if (driverSqlite != QLatin1String(sqlite3_libversion())) {
            *error = QStringLiteral("Qt's SQLite driver runs SQLite %1 but the stub is linked with %2: build "
                                    "Qt with the system SQLite")
                         .arg(driverSqlite, QLatin1String(sqlite3_libversion()));
            close();
            return false;
        }
    }
    try {
        exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        exec(QStringLiteral("PRAGMA synchronous=FULL"));
        exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        exec(QStringLiteral("PRAGMA busy_timeout=5000"));
        // Performance only: a 16 MiB page cache (the default 2 MB makes a grown database re-read its
        // index pages from the OS on every request) and temporary b-trees in memory.
        exec(QStringLiteral("PRAGMA cache_size=-16384"));
        exec(QStringLiteral("PRAGMA temp_store=MEMORY"));
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

void StubStore::clearStatements()
{
    // Every cached statement must be finalized before its connection closes (and before
    // removeDatabase, which warns about a connection still in use otherwise).
    Q_ASSERT(m_busyStatements == 0);
    m_statements.clear();
    m_handle = nullptr;
}

void StubStore::close()
{
    m_batchOpen = false; // closing the connection rolls an open batch back
    clearStatements();
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

// The hot path runs on SQLite's C API rather than QSqlQuery: measured with callgrind on bench_gateway,
// Qt's per-statement work (bindValue's bookkeeping, rebuilding the QSqlRecord of the columns on every
// exec, UTF-16 text) cost as much as SQLite's own execution. Same connection, same transactions: Qt opens
// and closes it, exec() still goes through Qt.
StubStore::Statement::~Statement()
{
    sqlite3_finalize(stmt);
}

sqlite3_stmt *StubStore::prepare(const QString &sql)
{
    if (!m_handle)
        throw StoreError("the database is not open");
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_handle, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                           nullptr) != SQLITE_OK) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(m_handle));
        sqlite3_finalize(stmt);
        throw StoreError(QStringLiteral("prepare failed: %1 (%2)").arg(why, sql).toStdString());
    }
    return stmt;
}

void StubStore::execute(Statement &statement, const QVariantList &args)
{
    sqlite3_stmt *stmt = statement.stmt;
    // Too few arguments would silently reuse the last run's values; too many is a bug as well.
    if (sqlite3_bind_parameter_count(stmt) != args.size()) {
        throw StoreError(QStringLiteral("query failed: %1 arguments for %2 placeholders")
                             .arg(args.size())
                             .arg(sqlite3_bind_parameter_count(stmt))
                             .toStdString());
    }
    int rc = SQLITE_OK;
    for (int i = 0; i < args.size() && rc == SQLITE_OK; ++i) {
        const QVariant &arg = args.at(i);
        const int index = i + 1;
        // NULL as Qt's driver binds it: a null variant, and also a null QString or QByteArray (in Qt 6
        // QVariant(QString()).isNull() is false).
        const bool null = arg.isNull() || (arg.typeId() == QMetaType::QString && arg.toString().isNull()) ||
                          (arg.typeId() == QMetaType::QByteArray && arg.toByteArray().isNull());
        if (null) {
            rc = sqlite3_bind_null(stmt, index);
            continue;
        }
        switch (arg.typeId()) {
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULong:
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(stmt, index, arg.toLongLong());
            break;
        case QMetaType::Double:
            rc = sqlite3_bind_double(stmt, index, arg.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = arg.toByteArray();
            rc = sqlite3_bind_blob64(stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                                     SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray text = arg.toString().toUtf8();
            rc = sqlite3_bind_text64(stmt, index, text.constData(), sqlite3_uint64(text.size()),
                                     SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        }
    }
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
            statement.rc = rc;
            return;
        }
    }
    const QString why = QString::fromUtf8(sqlite3_errmsg(m_handle));
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    throw StoreError(QStringLiteral("query failed: %1").arg(why).toStdString());
}

StubStore::Statement *StubStore::execCached(const QString &sql, const QVariantList &args)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end())
        found = m_statements.emplace(sql, std::make_unique<Statement>(prepare(sql))).first;
    Statement *statement = found->second.get();
    if (statement->busy)
        return nullptr;
    execute(*statement, args);
    return statement;
}

StubStore::Query StubStore::query(const QString &sql, const QVariantList &args)
{
    if (Statement *statement = execCached(sql, args))
        return Query(this, statement, false);
    // A nested read of a statement that is being read: one of its own, finalized with the guard.
    auto own = std::make_unique<Statement>(prepare(sql));
    execute(*own, args);
    return Query(this, own.release(), true);
}

int StubStore::run(const QString &sql, const QVariantList &args)
{
    // A guard even here: a statement that is being read (busy) runs as a statement of its own.
    Query statement = query(sql, args);
    const int changed = sqlite3_changes(m_handle);
    return changed;
}

QVariant StubStore::scalar(const QString &sql, const QVariantList &args)
{
    Query row = query(sql, args);
    return row.next() ? row.value(0) : QVariant();
}

StubStore::Query::Query(StubStore *store, Statement *statement, bool owned)
    : m_store(store)
    , m_statement(statement)
    , m_owned(owned)
{
    m_statement->busy = true;
    ++m_store->m_busyStatements;
}

StubStore::Query::Query(Query &&other) noexcept
    : m_store(other.m_store)
    , m_statement(std::exchange(other.m_statement, nullptr))
    , m_owned(other.m_owned)
    , m_started(other.m_started)
    , m_onRow(other.m_onRow)
{}

StubStore::Query::~Query()
{
    if (!m_statement)
        return;
    finish();
    --m_store->m_busyStatements;
    if (m_owned)
        delete m_statement;
    else
        m_statement->busy = false;
}

bool StubStore::Query::next()
{
    if (!m_statement)
        return false;
    int rc = m_statement->rc;
    if (m_started) {
        if (!m_onRow)
            return false; // finished, done, or reset
        rc = sqlite3_step(m_statement->stmt);
    }
    m_started = true;
    m_onRow = rc == SQLITE_ROW;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        const QString why = QString::fromUtf8(sqlite3_errmsg(m_store->m_handle));
        finish();
        throw StoreError(QStringLiteral("query failed: %1").arg(why).toStdString());
    }
    return m_onRow;
}

QVariant StubStore::Query::value(int column) const
{
    if (!m_statement || !m_onRow || column < 0 || column >= sqlite3_column_count(m_statement->stmt))
        return QVariant();
    sqlite3_stmt *stmt = m_statement->stmt;
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qlonglong(sqlite3_column_int64(stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(stmt, column));
    case SQLITE_TEXT: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
        return QVariant(QString::fromUtf8(text, sqlite3_column_bytes(stmt, column)));
    }
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(stmt, column));
        return QVariant(QByteArray(bytes, sqlite3_column_bytes(stmt, column)));
    }
    default:
        return QVariant(QMetaType::fromType<std::nullptr_t>(), nullptr);
    }
}

void StubStore::Query::finish()
{
    if (!m_statement)
        return;
    sqlite3_reset(m_statement->stmt);
    sqlite3_clear_bindings(m_statement->stmt);
    m_started = true;
    m_onRow = false;
}

void StubStore::audit(qint64 time, const QString &event, const QString &subject, const QJsonObject &details)
{
    run(QStringLiteral("INSERT INTO audit_log (time, event, subject, details) VALUES (?, ?, ?, ?)"),
        {time, event, subject, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
}

StubStore::Transaction::Transaction(StubStore &store)
    : m_store(store)
{
    if (m_store.m_batchOpen || m_store.m_openTransactions > 0) {
        // Named after the nesting depth, not a running counter: the names in use at any moment are still
        // distinct, and the few SQL texts stay in the statement cache.
        m_savepoint = QStringLiteral("tx%1").arg(m_store.m_openTransactions + 1);
        m_store.run(QStringLiteral("SAVEPOINT ") + m_savepoint);
    } else {
        m_store.run(QStringLiteral("BEGIN IMMEDIATE"));
    }
    ++m_store.m_openTransactions;
}

StubStore::Transaction::~Transaction()
{
    if (m_done)
        return;
    --m_store.m_openTransactions;
    try {
        if (m_savepoint.isEmpty()) {
            m_store.run(QStringLiteral("ROLLBACK"));
            return;
        }
        // ROLLBACK TO keeps the savepoint open; RELEASE then removes it (its work is already undone).
        m_store.run(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        m_store.run(QStringLiteral("RELEASE ") + m_savepoint);
    } catch (const StoreError &e) {
        qCWarning(lcStore, "rollback failed: %s", e.what());
    }
}

void StubStore::Transaction::commit()
{
    m_store.run(m_savepoint.isEmpty() ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE ") + m_savepoint);
    m_done = true;
    --m_store.m_openTransactions;
}

void StubStore::beginBatch()
{
    if (m_batchOpen || m_openTransactions > 0)
        throw StoreError("a batch cannot start inside a transaction");
    run(QStringLiteral("BEGIN IMMEDIATE"));
    m_batchOpen = true;
}

void StubStore::commitBatch()
{
    if (!m_batchOpen)
        throw StoreError("no batch is open");
    m_batchOpen = false;
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("COMMIT")))
        return;
    const QString why = query.lastError().text();
    // A failed COMMIT may leave the transaction open (SQLITE_BUSY) or already rolled back (I/O errors):
    // roll back in case, so that nothing of the batch stays and the connection is usable again.
    query.exec(QStringLiteral("ROLLBACK"));
    throw StoreError(QStringLiteral("batch commit failed: %1").arg(why).toStdString());
}

void StubStore::rollbackBatch()
{
    if (!m_batchOpen)
        return;
    m_batchOpen = false;
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore, "batch rollback failed: %s", qPrintable(query.lastError().text()));
}

} // namespace bw::stub
