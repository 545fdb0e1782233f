// Transaction: RAII database transaction (as KMyMoney's MyMoneyFileTransaction). BEGIN IMMEDIATE at
// construction — the writer takes the lock up front instead of failing half-way with SQLITE_BUSY — and
// ROLLBACK at scope exit unless commit() succeeded, so an early return or an exception leaves nothing
// half-written. Inside another Transaction on the same database it is a SAVEPOINT: commit() releases it
// into the enclosing transaction, scope exit without commit() undoes only its own work.
#pragma once

#include "storage/storage_error.h"

#include <QString>

namespace bw::storage {

class WalletDatabase;

class Transaction
{
public:
    explicit Transaction(WalletDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Whether BEGIN succeeded; when not, begun().error() says why and commit() returns the same error.
    const Status &begun() const { return m_begun; }
    bool ok() const { return m_begun.ok(); }

    // COMMIT (or RELEASE for a savepoint). After a failed commit the transaction is rolled back.
    Status commit();
    // Rolls back now (also what the destructor does when commit() did not succeed).
    void rollback();

private:
    WalletDatabase &m_db;
    Status m_begun;
    QString m_savepoint; // empty for the outermost transaction
    bool m_active = false;
};

} // namespace bw::storage
