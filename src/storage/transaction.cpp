#include "storage/transaction.h"

#include "storage/wallet_database.h"

namespace bw::storage {

Transaction::Transaction(WalletDatabase &db)
    : m_db(db)
{
    if (auto usable = db.checkUsable(); !usable) {
        m_begun = usable;
        return;
    }
    if (db.m_txDepth > 0)
        m_savepoint = QStringLiteral("bw_sp_%1").arg(db.m_txDepth);
    auto begun = db.exec(m_savepoint.isEmpty() ? QStringLiteral("BEGIN IMMEDIATE")
                                               : QStringLiteral("SAVEPOINT %1").arg(m_savepoint));
    if (!begun) {
        m_begun = begun.error();
        return;
    }
    ++db.m_txDepth;
    m_active = true;
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

Status Transaction::commit()
{
    if (!m_begun)
        return m_begun;
    if (!m_active)
        return StorageError{StorageErrorCode::SqlError, QStringLiteral("transaction already finished")};
    auto done = m_db.exec(m_savepoint.isEmpty() ? QStringLiteral("COMMIT")
                                                : QStringLiteral("RELEASE %1").arg(m_savepoint));
    if (!done) {
        rollback();
        return done.error();
    }
    m_active = false;
    if (m_db.m_txDepth > 0)
        --m_db.m_txDepth;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    if (m_db.m_txDepth > 0)
        --m_db.m_txDepth;
    if (!m_db.isOpen())
        return;
    if (m_savepoint.isEmpty()) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
    } else {
        (void)m_db.exec(QStringLiteral("ROLLBACK TO %1").arg(m_savepoint));
        (void)m_db.exec(QStringLiteral("RELEASE %1").arg(m_savepoint));
    }
}

} // namespace bw::storage
