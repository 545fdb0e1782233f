// HistoryService: keeps the local history (storage::HistoryStore) up to date with the gateway's transaction
// feed (GET /v1/transactions), incrementally: each sync starts from the cursor stored after the last page
// applied, asks for pages of up to 1000 entries, and writes each page's rows TOGETHER WITH the page's
// next_cursor in ONE database transaction on the DatabaseWorker. So an interruption (cancel(), the service
// destroyed, the app killed) never loses or skips an entry: either a page's rows and its cursor are both
// stored, or neither is, and the next sync asks again from the stored cursor. Rows are upserted by
// payment_id, so a later feed entry of the same payment (a status change) updates the one local row.
//
// All SQL runs on the worker; the gateway calls are asynchronous; every signal is emitted on the thread
// the service lives on (the GUI thread). Merchant entries get their Chinese name and category from the
// public merchant directory (fetched once per service; without it the rows keep the feed's name).
//
//   HistoryService history(ctx);
//   connect(&history, &HistoryService::progress, bar, [](qint64 n, bool more) { ... });
//   connect(&history, &HistoryService::failed, this, [](const ServiceError &e) { show(e.userMessage()); });
//   history.sync();
#pragma once

#include "services/history_feed_mapper.h"
#include "services/service_context.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVector>

namespace bw::services {

// One row a page wrote, with the status the row had before (empty: the row is new) — what notifications
// need to tell "money received" or "your held payment was approved" without reading the store again.
struct HistoryRowChange
{
    storage::HistoryRow row; // as the page wrote it (names and note in the clear, in memory only)
    QString previousStatus;  // contract code, empty for a new row
    // The whole row as stored before the page (nullopt for a new row): lets a model find where an updated
    // row WAS (its old amount, status) and move it instead of starting over.
    std::optional<storage::HistoryRow> previous;
};

// What one applied page changed in the local store (the HistoryModel turns it into row notifications).
struct HistoryChange
{
    QStringList insertedPaymentIds; // rows that did not exist before
    QStringList updatedPaymentIds;  // existing rows the page upserted (status, amount, ...)
    QVector<HistoryRowChange> rows; // every row of both lists, in the page's order
    bool isEmpty() const { return insertedPaymentIds.isEmpty() && updatedPaymentIds.isEmpty(); }
};

class HistoryService : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxPageSize = 1000; // the contract's limit
    // What a sync asks for by default: each page is decoded, mapped and placed in the models on the GUI
    // thread, so smaller pages mean shorter steps there (bench_history's stall_sync at 1M rows: p95 1.8 ms,
    // the longest 9.1 ms, 2026-11-27).
    static constexpr int kDefaultPageSize = 250;
    // Error codes of kind State this service reports (ServiceError::code).
    static inline const QString kCancelled = QStringLiteral("history_sync_cancelled");
    static inline const QString kNotSignedIn = QStringLiteral("not_signed_in");
    static inline const QString kStorageNotOpen = QStringLiteral("storage_not_open");
    static inline const QString kFeedInvalid = QStringLiteral("history_feed_invalid");

    explicit HistoryService(ServiceContext &context, QObject *parent = nullptr);
    // A sync in progress stops here: a page whose rows are being written is still committed (with its
    // cursor) by the worker; nothing is emitted any more.
    ~HistoryService() override;

    // Entries asked for per request, 1..1000 (default kDefaultPageSize).
    void setPageSize(int entries);
    int pageSize() const { return m_pageSize; }

    // Starts a sync of the signed-in wallet from the stored cursor. Returns false (and does nothing) when
    // a sync is already running. Ends with finished() or failed(); never both, exactly one of them.
    bool sync();
    // Stops the running sync after the current step: an HTTP request in flight is aborted; a page being
    // written is committed first. Then failed() with code kCancelled. No-op when idle.
    void cancel();
    bool isSyncing() const { return m_running; }

    // Feed entries applied by the running (or the last) sync.
    qint64 syncedEntries() const { return m_synced; }

Q_SIGNALS:
    void started();
    // After each page is stored: entries applied by this sync so far, and whether the gateway has more.
    void progress(qint64 synced, bool hasMore);
    // After each page is stored, when it inserted or updated rows.
    void rowsChanged(const bw::services::HistoryChange &change);
    // Convenience for views that only care about new rows (emitted with rowsChanged when rows were added).
    void newRows(const QStringList &paymentIds);
    // The feed has no more entries; `synced` entries were applied by this sync.
    void finished(qint64 synced);
    // Gateway errors (kind Gateway: timeout, session_expired, ...), storage errors (kind Storage), an
    // invalid feed (State kFeedInvalid), no session / no database (kNotSignedIn, kStorageNotOpen) or a
    // cancel (kCancelled). What was stored before stays stored; the next sync resumes from there.
    void failed(const bw::services::ServiceError &error);

private:
    void loadMerchantsThenCursor();
    void readCursor();
    void requestPage();
    void onPage(gateway::Result<gateway::TransactionPage> page);
    void storePage(const gateway::TransactionPage &page);
    void fail(const ServiceError &error);
    void succeed();
    ServiceError cancelledError() const;

    ServiceContext &m_ctx;
    int m_pageSize = kDefaultPageSize;
    bool m_running = false;
    bool m_cancelRequested = false;
    gateway::RequestId m_request = 0; // the HTTP request in flight, 0 when none
    QString m_walletId;
    QString m_cursor;
    qint64 m_synced = 0;
    bool m_merchantsLoaded = false;
    MerchantDirectory m_merchants;
};

} // namespace bw::services

Q_DECLARE_METATYPE(bw::services::HistoryChange)
