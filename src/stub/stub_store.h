// StubStore: the gateway stub's own SQLite database through Qt SQL — one connection, opened and used on
// the server's thread only (Qt SQL connections are thread-bound). WAL, synchronous=FULL, foreign keys on.
// The schema is versioned with PRAGMA user_version; migrations run in order, each in its own transaction
// (stub_store.cpp, kMigrations: to change the schema APPEND a migration, never edit a shipped one).
//
// Every multi-statement write goes through a Transaction (commit or roll back at scope exit, as KMyMoney's
// MyMoneyFileTransaction). SQL errors throw StoreError, which the dispatcher logs and answers with 500
// internal_error — a broken database is a bug, never the customer's fault.
//
// Times are stored as Unix seconds (UTC). Secrets are never stored in plaintext: see ServerKey.
#pragma once

#include <QHashFunctions>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <memory>
#include <stdexcept>
#include <unordered_map>

// SQLite's C API handles (the hot path talks to the Qt connection's sqlite3 directly, see execCached).
struct sqlite3;
struct sqlite3_stmt;

namespace bw::stub {

class StoreError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

class StubStore
{
public:
    StubStore();
    ~StubStore();
    StubStore(const StubStore &) = delete;
    StubStore &operator=(const StubStore &) = delete;

    // Opens (creating) the file and migrates it to the latest version. False with *error on failure.
    bool open(const QString &path, QString *error);
    void close();
    bool isOpen() const;

    int schemaVersion() const;
    static int latestSchemaVersion();

    class Query;

    // Hot-path statements: each SQL text is prepared ONCE per connection and kept (SQLite's parser and
    // Qt's placeholder rewriting cost more than most of these statements' execution). All three bind
    // positional '?' arguments in order and throw StoreError.
    //  - query(): a guard over the cached statement for reading rows; it resets the statement when it
    //    goes out of scope, so a half-read SELECT never keeps a read snapshot open (which would keep the
    //    WAL from being checkpointed and, outside a transaction, pin an old snapshot).
    //  - run(): a statement whose rows nobody reads (INSERT, UPDATE, DELETE, PRAGMA); returns the number
    //    of rows it changed. Reset before it returns.
    //  - scalar(): the first column of the first row, or an invalid QVariant when there is no row. Reset
    //    before it returns.
    Query query(const QString &sql, const QVariantList &args = {});
    int run(const QString &sql, const QVariantList &args = {});
    QVariant scalar(const QString &sql, const QVariantList &args = {});

    // Prepares from scratch, binds, executes and hands the QSqlQuery over (nothing cached: the caller
    // owns the statement until it destroys it). For rarely run statements and callers that keep the
    // result around; hot paths use query()/run()/scalar(). Throws StoreError.
    QSqlQuery exec(const QString &sql, const QVariantList &args = {});

    // An audit row: time, event ("enrollment.created"), subject ("enr_…", "wal_…") and details that never
    // hold secrets. Part of the caller's transaction when one is open.
    void audit(qint64 time, const QString &event, const QString &subject, const QJsonObject &details = {});

    // RAII transaction: BEGIN IMMEDIATE at construction (the single writer takes the lock up front),
    // ROLLBACK at scope exit unless commit() ran. Inside a batch (see beginBatch) or inside another
    // Transaction it is a SAVEPOINT instead: commit() releases it (its work joins the enclosing
    // transaction and becomes durable with it), scope exit without commit() rolls back to it, undoing only
    // its own work. Handlers write the same code either way.
    class Transaction
    {
    public:
        explicit Transaction(StubStore &store);
        ~Transaction();
        Transaction(const Transaction &) = delete;
        Transaction &operator=(const Transaction &) = delete;
        void commit(); // throws StoreError
    private:
        StubStore &m_store;
        QString m_savepoint; // empty: a top-level BEGIN IMMEDIATE … COMMIT
        bool m_done = false;
    };

    QSqlDatabase database() const;

    // Group commit (CommitGroup, gateway_server.cpp): beginBatch() opens ONE transaction (BEGIN IMMEDIATE)
    // that every request's Transaction joins as a savepoint; commitBatch() makes all of it durable with one
    // COMMIT (one fsync under synchronous=FULL). Statements outside any Transaction join the batch too (as
    // they would autocommit without one). beginBatch throws StoreError, also when a Transaction or batch is
    // already open. commitBatch throws StoreError when the COMMIT fails — the batch is then rolled back
    // and closed, nothing of it stays. rollbackBatch() never throws.
    void beginBatch();
    void commitBatch();
    void rollbackBatch();
    bool inBatch() const { return m_batchOpen; }

    // True while a Transaction is open on this store (the Ledger refuses to post outside one).
    bool inTransaction() const { return m_openTransactions > 0; }

    // Statements prepared so far (tests and diagnostics).
    int cachedStatements() const { return int(m_statements.size()); }

private:
    // One prepared statement of the cache (SQLite's own, see execCached). `busy` while a Query guard reads
    // it: the same SQL asked for again meanwhile (a nested read) gets a statement of its own instead of
    // resetting this one.
    struct Statement
    {
        explicit Statement(sqlite3_stmt *prepared)
            : stmt(prepared)
        {}
        ~Statement();
        Statement(const Statement &) = delete;
        Statement &operator=(const Statement &) = delete;
        sqlite3_stmt *stmt;
        int rc = 0; // the first step's answer (SQLITE_ROW or SQLITE_DONE), for the first next()
        bool busy = false;
    };

    bool migrate(QString *error);
    // Prepares `sql` on this connection. Throws StoreError.
    sqlite3_stmt *prepare(const QString &sql);
    // Binds `args` to `statement` and takes its first step (Statement::rc). Throws StoreError (the
    // statement is reset first).
    void execute(Statement &statement, const QVariantList &args);
    // The cached, executed statement for `sql` (busy is NOT set), or nullptr when it is busy.
    Statement *execCached(const QString &sql, const QVariantList &args);
    void clearStatements();

    // Keyed by SQL text; unique_ptr keeps each Statement's address stable for the guards pointing at it.
    struct SqlHash
    {
        size_t operator()(const QString &sql) const noexcept { return qHash(sql); }
    };
    std::unordered_map<QString, std::unique_ptr<Statement>, SqlHash> m_statements;
    int m_busyStatements = 0; // Query guards alive (close() must not run under one)

    QString m_connectionName;
    sqlite3 *m_handle = nullptr; // the Qt connection's own SQLite handle, for the hot path
    int m_openTransactions = 0;
    bool m_batchOpen = false;
};

// A read over one statement of StubStore::query(): next()/value() as QSqlQuery. Move-only; when it goes
// out of scope the statement is reset and goes back to the cache. It must not outlive its store's
// connection. A nested read of the same SQL gets a statement of its own transparently. value() gives
// qlonglong for INTEGER, double for REAL, QString for TEXT, QByteArray for BLOB and a null (but valid)
// QVariant for NULL — what Qt's SQLite driver gives.
class StubStore::Query
{
public:
    Query(Query &&other) noexcept;
    Query &operator=(Query &&) = delete;
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    ~Query();

    bool next(); // throws StoreError when a later step fails
    QVariant value(int column) const;
    // Resets the statement now (done anyway at scope exit); next() answers false afterwards.
    void finish();

private:
    friend class StubStore;
    Query(StubStore *store, Statement *statement, bool owned);

    StubStore *m_store = nullptr;
    Statement *m_statement = nullptr; // the cache's (busy while this guard lives) or its own
    bool m_owned = false;             // a nested read's statement, deleted with this guard
    bool m_started = false;           // the first next() uses the step execute() already took
    bool m_onRow = false;
};

} // namespace bw::stub
