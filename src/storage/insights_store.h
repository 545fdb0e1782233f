// API-READY
// InsightsStore: what the Insights page shows — spending by category and by month, income by month and the
// totals per currency for a period [fromMs, toMs) — aggregated in SQL (GROUP BY) over the local history, so
// nothing is loaded row by row. Amounts stay per currency: two currencies are never added together.
//
// "Spending" = rows of kind payment or transfer with status succeeded whose SHOWN amount is money going
// out; the shown amount is amount_minor when it is not 0, else -debit_minor in debit_currency (a
// card-funded payment does not change the wallet balance, so its balance change is 0 but the customer
// still spent the debit). "Received" = succeeded rows of kind incoming with a positive amount.
// Months are calendar months in LOCAL time (or the given time zone): their boundaries are computed here and
// each month is a range on the history_by_date index (created_at, id), never a per-row time conversion.
//
// Synchronous; run it on the thread that owns the WalletDatabase (InsightsService does so on the
// DatabaseWorker).
//
//   auto summary = InsightsStore(db).summary(fromMs, toMs);
//   for (const CategoryTotal &c : summary->categories) ...
#pragma once

#include "storage/storage_error.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QVector>

#include <optional>

namespace bw::storage {

class WalletDatabase;

// Spending of one category in one currency.
struct CategoryTotal
{
    // The merchant category code ("coffee", ...), or kTransferCategory / kOtherCategory for spending
    // without a category (payments to people; anything else).
    QString category;
    QString currency;
    qint64 spentMinor = 0; // positive: money out
    qint64 count = 0;
};

// One calendar month in one currency (only months with some money in or out are listed here; the
// period's full list of months is InsightsSummary::months).
struct MonthTotal
{
    QDate month; // the first day of the month (local calendar)
    QString currency;
    qint64 spentMinor = 0;    // positive
    qint64 receivedMinor = 0; // positive
    qint64 spentCount = 0;
    qint64 receivedCount = 0;
};

// The whole period in one currency.
struct CurrencyTotal
{
    QString currency;
    qint64 spentMinor = 0;
    qint64 receivedMinor = 0;
    qint64 spentCount = 0;
    qint64 receivedCount = 0;
};

struct InsightsSummary
{
    qint64 fromMs = 0;
    qint64 toMs = 0;
    QVector<QDate> months;             // every calendar month the period touches, oldest first
    QVector<CurrencyTotal> totals;     // by currency code
    QVector<CategoryTotal> categories; // by currency, then largest spending first
    QVector<MonthTotal> monthTotals;   // by month, then currency
    bool isEmpty() const { return totals.isEmpty(); }
    QStringList currencies() const; // of totals, in their order
};

class InsightsStore
{
public:
    static inline const QString kTransferCategory = QStringLiteral(":transfer");
    static inline const QString kOtherCategory = QStringLiteral(":other");

    explicit InsightsStore(WalletDatabase &db)
        : m_db(db)
    {}

    // The period [fromMs, toMs) (ms since the epoch, UTC). Months are cut in `zone` (default: the
    // system's local time). InvalidData when toMs <= fromMs or the period spans more than 100 years.
    Result<InsightsSummary> summary(qint64 fromMs, qint64 toMs,
                                    const std::optional<QTimeZone> &zone = std::nullopt);

    // SQLite's EXPLAIN QUERY PLAN of summary()'s query, one line per step: for tests and benchmarks that
    // check the period is read through the date index.
    Result<QStringList> queryPlan(qint64 fromMs, qint64 toMs,
                                  const std::optional<QTimeZone> &zone = std::nullopt);

private:
    WalletDatabase &m_db;
};

} // namespace bw::storage
