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

#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <stdexcept>

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

    // Prepares, binds positional '?' arguments in order, executes. Throws StoreError.
    QSqlQuery exec(const QString &sql, const QVariantList &args = {});
    // The first column of the first row, or an invalid QVariant when there is no row.
    QVariant scalar(const QString &sql, const QVariantList &args = {});

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

private:
    bool migrate(QString *error);

    QString m_connectionName;
    int m_openTransactions = 0;
    bool m_batchOpen = false;
    quint64 m_savepointCounter = 0; // names savepoints uniquely: tx1, tx2, …
};

} // namespace bw::stub
