// API-READY
// HistoryStore: the local cache of the gateway's transaction feed, one row per payment (upserted by
// payment_id: the feed repeats a payment whenever its status changes). Built for a million rows: keyset
// pages over indexes (by date or by amount, either direction), filters pushed into SQL, full-text search
// through FTS5 over non-personal tokens only (SearchTokens). A person's name and phone and the note are
// sealed; merchant names, amounts, dates, statuses and receipt numbers stay in the clear so they can be
// indexed. Row ids follow time: id = created_at * 2^20 + a tiebreak assigned at insert (created_at of a
// payment never changes afterwards), so the date order IS the rowid order — also FTS5's, which pages search
// results in date order without sorting the matches. Synchronous; use it on the thread that owns the
// WalletDatabase (through DatabaseWorker from the GUI).
#pragma once

#include "storage/storage_error.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace bw::storage {

class WalletDatabase;

struct HistoryRow
{
    qint64 id = 0; // local row id (set by the store; the keyset tiebreaker)
    QString paymentId;
    QString lastTxnId; // id of the newest feed entry applied
    QString kind;      // payment|transfer|top_up|withdrawal|incoming|...
    QString status;    // succeeded|processing|pending_review|rejected|...
    QString failureCode;
    qint64 amountMinor = 0; // signed change to the available balance, minor units
    QString currency;
    qint64 feesMinor = 0; // total fees, minor units of feesCurrency
    QString feesCurrency;
    QString counterpartyType; // merchant|wallet|external|payment_method|...
    QString counterpartyId;
    QString merchantName;      // clear: merchants are not personal
    QString merchantNameZh;    // clear
    QString category;          // clear
    QString counterpartyName;  // sealed: a PERSON's name (leave empty for merchants)
    QString counterpartyPhone; // sealed
    QString note;              // sealed
    QString receiptNo;
    QString quoteId;
    qint64 createdAtMs = 0; // ms since the epoch, UTC
    qint64 updatedAtMs = 0;
    std::optional<qint64> balanceAfterMinor;
    QString balanceAfterCurrency;
    QString paymentMethodId;
    // What the payer's card, account or balance was charged for an OUTGOING payment, fees included
    // (positive minor units of debitCurrency); nullopt for incoming money or when the feed does not say.
    // A card-funded payment leaves the balance alone (amountMinor 0) but still cost the customer this.
    std::optional<qint64> debitMinor;
    QString debitCurrency;
};

// The signed amount the history SHOWS, sorts by and filters by: the balance change when it is not 0,
// else the debit as money out (-debitMinor), else 0. Its currency: currency, or debitCurrency when the
// debit is what is shown.
qint64 shownAmountMinor(const HistoryRow &row);
QString shownCurrency(const HistoryRow &row);

enum class HistorySort { Date, Amount };
enum class SortOrder { Ascending, Descending };

// Every set field narrows the result (AND).
struct HistoryFilter
{
    QStringList kinds;
    QStringList statuses;
    QString currency;
    QString counterpartyId;
    QString category;                     // one category (kept for old callers); ANDed with `categories`
    QStringList categories;               // any of these categories
    QStringList paymentMethodIds;         // any of these funding payment methods (payment_method_id)
    std::optional<qint64> minAmountMinor; // on the signed SHOWN amount (shownAmountMinor)
    std::optional<qint64> maxAmountMinor;
    std::optional<qint64> fromMs; // created_at >= fromMs
    std::optional<qint64> toMs;   // created_at < toMs
    std::optional<bool> incoming; // true: shown amount > 0; false: shown amount < 0
    QString searchText;           // what the user typed; SearchTokens::matchQuery

    // No condition set (a search text with nothing searchable counts as none).
    bool isEmpty() const;
};

// A position in a sort order: the sort column's value (created_at, or the shown amount) and the row id
// (the tiebreaker).
// In the date order only the id matters (ids follow time); value is created_at for readability.
struct HistoryKey
{
    qint64 value = 0;
    qint64 id = 0;
    friend bool operator==(const HistoryKey &, const HistoryKey &) = default;
};

struct HistoryPageRequest
{
    HistorySort sort = HistorySort::Date;
    SortOrder order = SortOrder::Descending;
    // At most one of after/before. after: the rows that follow this key in the sort order (next page).
    // before: the rows that precede it (previous page); they still come back in the sort order.
    std::optional<HistoryKey> after;
    std::optional<HistoryKey> before;
    int limit = 100; // 1..1000
    HistoryFilter filter;
    // count(filter) when the caller knows it: a large result pages along the sort order's own index,
    // a small one is collected and sorted (optional; only the speed depends on it).
    std::optional<qint64> filterCount;
};

struct HistoryPage
{
    QVector<HistoryRow> rows;
    // Whether more rows exist beyond this page in the direction asked (after the last row for a forward
    // page, before the first row for a backward one).
    bool hasMore = false;
};

class HistoryStore
{
public:
    explicit HistoryStore(WalletDatabase &db)
        : m_db(db)
    {}

    static HistoryKey keyOf(const HistoryRow &row, HistorySort sort);

    // Inserts or updates by payment_id. An update applies only when the row's updatedAtMs is not older
    // than the stored one (a replayed old feed entry never undoes a newer status).
    Status upsert(const HistoryRow &row);
    // All rows in ONE transaction (or none, on error).
    Status upsertBatch(const QVector<HistoryRow> &rows);

    Result<std::optional<HistoryRow>> get(const QString &paymentId);
    Result<HistoryPage> page(const HistoryPageRequest &request);
    // Convenience for the usual forward page.
    Result<HistoryPage> page(const std::optional<HistoryKey> &after, int limit, HistorySort sort,
                             SortOrder order, const HistoryFilter &filter = {});
    // Exact. Unfiltered: a count kept by triggers (one row read); otherwise over indexes.
    Result<qint64> count(const HistoryFilter &filter = {});
    // The rows at positions [offset, offset + limit) of the filter in this order, found from the NEARER
    // end (a far position is the start of the reversed order, or an OFFSET over an index), so a jump to
    // the middle or the end of a million rows costs one query, never a walk. `total` is count(filter)
    // when the caller knows it (else it is counted). hasMore: rows follow the page.
    Result<HistoryPage> pageAt(qint64 offset, int limit, HistorySort sort, SortOrder order,
                               const HistoryFilter &filter = {}, std::optional<qint64> total = {});
    // How many rows of the filter come strictly before `key` in this sort order: the 0-based position the
    // row with that key has (or would have) in a list of the filter's rows — a model's row index for a row
    // it is told about. Indexed (the keyset condition), so cheap near the start of the order.
    Result<qint64> countBefore(const HistoryKey &key, HistorySort sort, SortOrder order,
                               const HistoryFilter &filter = {});
    // --- For models that place changed rows (HistoryModel::applyChange); all indexed, batched. ---
    // Rows strictly between two keys of this order (nullopt: that end is open) that the filter keeps.
    // With stopAt > 0 counting stops there (the answer is then min(count, stopAt)): a cheap "is it near?".
    Result<qint64> countBetween(const std::optional<HistoryKey> &from, const std::optional<HistoryKey> &to,
                                HistorySort sort, SortOrder order, const HistoryFilter &filter = {},
                                qint64 stopAt = 0);
    // The keys of up to `limit` rows following `after` (nullopt: from the start) in this order.
    Result<QVector<HistoryKey>> keysAfter(const std::optional<HistoryKey> &after, int limit, HistorySort sort,
                                          SortOrder order, const HistoryFilter &filter = {});
    // payment id → (created_at, id, shown amount) of the rows that exist, in one query.
    struct RowKeys
    {
        qint64 id = 0;
        qint64 createdAtMs = 0;
        qint64 shownMinor = 0;
    };
    Result<QHash<QString, RowKeys>> keysOf(const QStringList &paymentIds);
    // Which of these row ids the filter keeps (one query; cheap when the ids are close in time).
    Result<QSet<qint64>> membersOf(const QVector<qint64> &ids, const HistoryFilter &filter);
    // Whether a row (as given, not as stored) passes the filter's conditions OTHER than the text search —
    // the same rules as the SQL.
    static bool matchesWithoutSearch(const HistoryRow &row, const HistoryFilter &filter);

    Status remove(const QString &paymentId);
    Status clear();

private:
    WalletDatabase &m_db;
};

} // namespace bw::storage
