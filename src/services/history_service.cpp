#include "services/history_service.h"

#include "storage/database_worker.h"
#include "storage/sync_state_store.h"
#include "storage/transaction.h"
#include "storage/wallet_database.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

Q_LOGGING_CATEGORY(lcHistory, "bw.services.history")

namespace bw::services {

namespace {

// One page written in one transaction: which payments were new, which already stored, then the rows and
// the cursor. The pre-read tells the model insert from update; it runs inside the same transaction, so no
// other writer can slip in between.
storage::Result<HistoryChange> applyPage(storage::WalletDatabase &db,
                                         const QVector<storage::HistoryRow> &rows, const QString &walletId,
                                         const QString &cursor)
{
    storage::Transaction tx(db);
    if (!tx.ok())
        return tx.begun().error();
    storage::HistoryStore history(db);
    HistoryChange change;
    QSet<QString> listed; // a page may carry two entries of one payment: list it once
    for (const storage::HistoryRow &row : rows) {
        auto existing = history.get(row.paymentId);
        if (!existing)
            return existing.error();
        if (!listed.contains(row.paymentId)) {
            listed.insert(row.paymentId);
            (existing.value() ? change.updatedPaymentIds : change.insertedPaymentIds).append(row.paymentId);
        }
        change.rows.append({row, existing.value() ? existing.value()->status : QString(), existing.value()});
    }
    if (auto status = history.upsertBatch(rows); !status)
        return status.error();
    storage::SyncState state;
    state.walletId = walletId;
    state.feedCursor = cursor;
    state.lastSyncAtMs = QDateTime::currentMSecsSinceEpoch();
    if (auto status = storage::SyncStateStore(db).save(state); !status)
        return status.error();
    if (auto status = tx.commit(); !status)
        return status.error();
    return change;
}

} // namespace

HistoryService::HistoryService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
    qRegisterMetaType<bw::services::HistoryChange>();
    qRegisterMetaType<bw::services::ServiceError>();
}

HistoryService::~HistoryService()
{
    // The callback is guarded (QPointer) and the DatabaseWorker drops answers to a dead context; a page
    // already handed to the worker is still committed with its cursor, which is what resuming relies on.
    if (m_request != 0)
        m_ctx.gateway().cancel(m_request);
}

void HistoryService::setPageSize(int entries)
{
    m_pageSize = std::clamp(entries, 1, kMaxPageSize);
}

bool HistoryService::sync()
{
    if (m_running)
        return false;
    m_running = true;
    m_cancelRequested = false;
    m_synced = 0;
    m_cursor.clear();
    Q_EMIT started();

    m_walletId = m_ctx.walletId();
    if (m_walletId.isEmpty() || !m_ctx.isSignedIn()) {
        fail(ServiceError::state(kNotSignedIn, tr("Sign in to update your history.")));
        return true;
    }
    if (!m_ctx.isStorageOpen()) {
        fail(ServiceError::state(kStorageNotOpen, tr("The wallet's data on this computer is not open yet.")));
        return true;
    }
    loadMerchantsThenCursor();
    return true;
}

void HistoryService::cancel()
{
    if (!m_running || m_cancelRequested)
        return;
    m_cancelRequested = true;
    if (m_request != 0)
        m_ctx.gateway().cancel(m_request); // the callback reports kind Cancelled
    // Otherwise a database job is running: its answer sees m_cancelRequested.
}

void HistoryService::loadMerchantsThenCursor()
{
    if (m_merchantsLoaded) {
        readCursor();
        return;
    }
    QPointer<HistoryService> self(this);
    m_request = m_ctx.gateway().listMerchants(QString(), [self](gateway::Result<QList<gateway::Merchant>>
                                                                    merchants) {
        if (!self)
            return;
        self->m_request = 0;
        if (self->m_cancelRequested) {
            self->fail(self->cancelledError());
            return;
        }
        if (merchants) {
            for (const gateway::Merchant &merchant : merchants.value())
                self->m_merchants.insert(merchant.id, {merchant.name, merchant.nameZh, merchant.category});
            self->m_merchantsLoaded = true;
        } else {
            // Not fatal: the feed carries the merchant's name; only the Chinese name and category wait
            // for a later sync.
            qCInfo(lcHistory, "merchant directory unavailable: %s", qPrintable(merchants.error().summary()));
        }
        self->readCursor();
    });
}

void HistoryService::readCursor()
{
    const QString walletId = m_walletId;
    m_ctx.database().run<storage::Result<std::optional<storage::SyncState>>>(
        [walletId](storage::WalletDatabase &db) { return storage::SyncStateStore(db).get(walletId); }, this,
        [this](storage::Result<std::optional<storage::SyncState>> state) {
            if (!state) {
                fail(ServiceError::fromStorage(state.error()));
                return;
            }
            if (m_cancelRequested) {
                fail(cancelledError());
                return;
            }
            m_cursor = state.value() ? state.value()->feedCursor : QString();
            requestPage();
        });
}

void HistoryService::requestPage()
{
    QPointer<HistoryService> self(this);
    m_request = m_ctx.gateway().listTransactions(m_cursor, m_pageSize,
                                                 [self](gateway::Result<gateway::TransactionPage> page) {
                                                     if (self)
                                                         self->onPage(std::move(page));
                                                 });
}

void HistoryService::onPage(gateway::Result<gateway::TransactionPage> page)
{
    m_request = 0;
    if (m_cancelRequested) {
        fail(cancelledError());
        return;
    }
    if (!page) {
        fail(ServiceError::fromGateway(page.error()));
        return;
    }
    const gateway::TransactionPage &value = page.value();
    auto invalid = [this](const QString &why) {
        qCWarning(lcHistory, "feed page refused: %s", qPrintable(why));
        fail(ServiceError::state(kFeedInvalid,
                                 tr("The bank sent history the app cannot read. Please try again later.")));
    };
    for (const gateway::Transaction &entry : value.data) {
        if (const auto why = HistoryFeedMapper::check(entry)) {
            invalid(*why);
            return;
        }
    }
    // Without these two checks a faulty gateway could keep the sync asking for the same page for ever.
    if (value.hasMore && value.data.isEmpty()) {
        invalid(QStringLiteral("has_more without entries"));
        return;
    }
    if (!value.data.isEmpty() && (value.nextCursor.isEmpty() || value.nextCursor == m_cursor)) {
        invalid(QStringLiteral("entries without a new next_cursor"));
        return;
    }
    if (value.data.isEmpty()) {
        succeed(); // nothing new; the stored cursor stays
        return;
    }
    storePage(value);
}

void HistoryService::storePage(const gateway::TransactionPage &page)
{
    const QVector<storage::HistoryRow> rows = HistoryFeedMapper::toRows(page.data, m_merchants);
    const QString walletId = m_walletId;
    const QString cursor = page.nextCursor;
    const qint64 entries = page.data.size();
    const bool hasMore = page.hasMore;
    m_ctx.database().run<storage::Result<HistoryChange>>(
        [rows, walletId, cursor](storage::WalletDatabase &db) {
            return applyPage(db, rows, walletId, cursor);
        },
        this,
        [this, cursor, entries, hasMore](storage::Result<HistoryChange> change) {
            if (!change) {
                fail(ServiceError::fromStorage(change.error()));
                return;
            }
            m_cursor = cursor;
            m_synced += entries;
            // A receiver may destroy the service (e.g. the window closes): stop touching it then.
            QPointer<HistoryService> self(this);
            if (!change->isEmpty()) {
                Q_EMIT rowsChanged(change.value());
                if (self && !change->insertedPaymentIds.isEmpty())
                    Q_EMIT newRows(change->insertedPaymentIds);
            }
            if (self)
                Q_EMIT progress(m_synced, hasMore);
            if (!self)
                return;
            if (m_cancelRequested) {
                fail(cancelledError());
                return;
            }
            if (hasMore)
                requestPage();
            else
                succeed();
        });
}

void HistoryService::fail(const ServiceError &error)
{
    m_running = false;
    m_request = 0;
    Q_EMIT failed(error);
}

void HistoryService::succeed()
{
    m_running = false;
    Q_EMIT finished(m_synced);
}

ServiceError HistoryService::cancelledError() const
{
    return ServiceError::state(kCancelled, tr("Updating the history was cancelled."));
}

} // namespace bw::services
