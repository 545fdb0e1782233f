// HistoryStore: the local cache of the gateway's transaction feed, one row per payment (upserted by
// payment_id: the feed repeats a payment whenever its status changes). Built for a million rows: keyset
// pages over indexes (by date or by amount, either direction), filters pushed into SQL, full-text search
// through FTS5 over non-personal tokens only (SearchTokens). A person's name and phone and the note are
// sealed; merchant names, amounts, dates, statuses and receipt numbers stay in the clear so they can be
// indexed. Synchronous; use it on the thread that owns the WalletDatabase (through DatabaseWorker from the
// GUI).
#pragma once

#include "storage/storage_error.h"

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
};

enum class HistorySort { Date, Amount };
enum class SortOrder { Ascending, Descending };

// Every set field narrows the result (AND).
struct HistoryFilter
{
    QStringList kinds;
    QStringList statuses;
    QString currency;
    QString counterpartyId;
    QString category;
    std::optional<qint64> minAmountMinor; // on the signed amount
    std::optional<qint64> maxAmountMinor;
    std::optional<qint64> fromMs; // created_at >= fromMs
    std::optional<qint64> toMs;   // created_at < toMs
    std::optional<bool> incoming; // true: amount > 0; false: amount < 0
    QString searchText;           // what the user typed; SearchTokens::matchQuery
};

// A position in a sort order: the sort column's value and the row id (the tiebreaker).
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
    Result<qint64> count(const HistoryFilter &filter = {});
    // How many rows of the filter come strictly before `key` in this sort order: the 0-based position the
    // row with that key has (or would have) in a list of the filter's rows — a model's row index for a row
    // it is told about. Indexed (the keyset condition), so cheap near the start of the order.
    Result<qint64> countBefore(const HistoryKey &key, HistorySort sort, SortOrder order,
                               const HistoryFilter &filter = {});
    Status remove(const QString &paymentId);
    Status clear();

private:
    WalletDatabase &m_db;
};

} // namespace bw::storage
