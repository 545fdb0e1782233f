#include "storage/insights_store.h"

#include "storage/wallet_database.h"

#include <QDateTime>
#include <QHash>
#include <QMap>
#include <QTime>

#include <algorithm>

namespace bw::storage {

namespace {

constexpr int kMaxMonths = 100 * 12;

// The shown amount and its currency (see the header): the balance change, or the debit of a card-funded
// payment that left the balance alone.
const QString kShownAmount =
    QStringLiteral("CASE WHEN h.amount_minor <> 0 THEN h.amount_minor ELSE -COALESCE(h.debit_minor, 0) END");
const QString kShownCurrency = QStringLiteral("CASE WHEN h.amount_minor <> 0 THEN h.currency ELSE "
                                              "COALESCE(NULLIF(h.debit_currency, ''), h.currency) END");
const QString kCategoryKey =
    QStringLiteral("CASE WHEN h.kind = 'incoming' THEN '' WHEN COALESCE(h.category, '') <> '' THEN h.category"
                   " WHEN h.kind = 'transfer' THEN '%1' ELSE '%2' END");

QDateTime monthStart(const QDate &month, const std::optional<QTimeZone> &zone)
{
    const QDate first(month.year(), month.month(), 1);
    return zone ? QDateTime(first, QTime(0, 0), *zone) : first.startOfDay();
}

QDate monthOf(qint64 ms, const std::optional<QTimeZone> &zone)
{
    const QDateTime at =
        zone ? QDateTime::fromMSecsSinceEpoch(ms, *zone) : QDateTime::fromMSecsSinceEpoch(ms);
    return QDate(at.date().year(), at.date().month(), 1);
}

bool addChecked(qint64 &sum, qint64 value)
{
    return !__builtin_add_overflow(sum, value, &sum);
}

StorageError overflow()
{
    return StorageError{StorageErrorCode::InvalidData, QStringLiteral("insights total overflows")};
}

// The one query of summary(): month boundaries in the calendar's time, clipped to the period (month i is
// [bounds[i], bounds[i+1])), a VALUES table of them driving a range scan of history_by_date per month,
// grouped by month, shown currency and category. The boundaries are integers computed here, so they go into
// the SQL text as literals (no bind-parameter limit for long periods). The unary + on status and kind keeps
// SQLite from walking the status or kind index instead (without statistics it prefers an equality on any
// index: measured at a million rows, 17 s instead of 1 s for a year). Empty when the period is too long.
QString summarySql(qint64 fromMs, qint64 toMs, const std::optional<QTimeZone> &zone, QVector<QDate> &months)
{
    months.clear();
    QVector<qint64> bounds{fromMs};
    for (QDate month = monthOf(fromMs, zone);; month = month.addMonths(1)) {
        months.append(month);
        if (months.size() > kMaxMonths)
            return {};
        const qint64 next = monthStart(month.addMonths(1), zone).toMSecsSinceEpoch();
        if (next >= toMs)
            break;
        bounds.append(next);
    }
    bounds.append(toMs);
    QStringList values;
    for (qsizetype i = 0; i + 1 < bounds.size(); ++i)
        values.append(QStringLiteral("(%1, %2, %3)").arg(i).arg(bounds[i]).arg(bounds[i + 1]));
    return QStringLiteral(
               "WITH m(idx, lo, hi) AS (VALUES %1),"
               " r AS (SELECT m.idx AS idx, h.kind AS kind, %2 AS shown, %3 AS cur, %4 AS cat"
               "  FROM m JOIN history h ON h.created_at >= m.lo AND h.created_at < m.hi"
               "  WHERE +h.status = 'succeeded' AND +h.kind IN ('payment', 'transfer', 'incoming'))"
               " SELECT idx, cur, cat,"
               "  SUM(CASE WHEN kind <> 'incoming' AND shown < 0 THEN -shown ELSE 0 END),"
               "  SUM(CASE WHEN kind <> 'incoming' AND shown < 0 THEN 1 ELSE 0 END),"
               "  SUM(CASE WHEN kind = 'incoming' AND shown > 0 THEN shown ELSE 0 END),"
               "  SUM(CASE WHEN kind = 'incoming' AND shown > 0 THEN 1 ELSE 0 END)"
               " FROM r GROUP BY idx, cur, cat")
        .arg(values.join(QLatin1Char(',')), kShownAmount, kShownCurrency,
             kCategoryKey.arg(InsightsStore::kTransferCategory, InsightsStore::kOtherCategory));
}

} // namespace

QStringList InsightsSummary::currencies() const
{
    QStringList list;
    for (const CurrencyTotal &total : totals)
        list.append(total.currency);
    return list;
}

Result<InsightsSummary> InsightsStore::summary(qint64 fromMs, qint64 toMs,
                                               const std::optional<QTimeZone> &zone)
{
    if (auto usable = m_db.checkUsable(); !usable)
        return usable.error();
    if (toMs <= fromMs)
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("empty insights period")};

    InsightsSummary summary;
    summary.fromMs = fromMs;
    summary.toMs = toMs;

    const QString sql = summarySql(fromMs, toMs, zone, summary.months);
    if (sql.isEmpty())
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("insights period too long")};
    auto query = m_db.exec(sql);
    if (!query)
        return query.error();

    QMap<std::pair<int, QString>, MonthTotal> months;            // (month index, currency)
    QMap<QString, CurrencyTotal> totals;                         // currency
    QMap<std::pair<QString, QString>, CategoryTotal> categories; // (currency, category)
    QSqlQuery &q = query.value();
    while (q.next()) {
        const int idx = q.value(0).toInt();
        const QString currency = q.value(1).toString();
        const QString category = q.value(2).toString();
        const qint64 spent = q.value(3).toLongLong();
        const qint64 spentCount = q.value(4).toLongLong();
        const qint64 received = q.value(5).toLongLong();
        const qint64 receivedCount = q.value(6).toLongLong();
        if (spentCount == 0 && receivedCount == 0)
            continue;
        if (idx < 0 || idx >= summary.months.size())
            return StorageError{StorageErrorCode::InvalidData, QStringLiteral("insights month out of range")};

        MonthTotal &month = months[{idx, currency}];
        month.month = summary.months[idx];
        month.currency = currency;
        CurrencyTotal &total = totals[currency];
        total.currency = currency;
        if (!addChecked(month.spentMinor, spent) || !addChecked(month.receivedMinor, received) ||
            !addChecked(total.spentMinor, spent) || !addChecked(total.receivedMinor, received))
            return overflow();
        month.spentCount += spentCount;
        month.receivedCount += receivedCount;
        total.spentCount += spentCount;
        total.receivedCount += receivedCount;
        if (spentCount > 0) {
            CategoryTotal &cat = categories[{currency, category}];
            cat.category = category;
            cat.currency = currency;
            if (!addChecked(cat.spentMinor, spent))
                return overflow();
            cat.count += spentCount;
        }
    }
    if (q.lastError().isValid())
        return WalletDatabase::errorFrom(q.lastError(), QStringLiteral("read insights"));

    summary.monthTotals = months.values().toVector();
    summary.totals = totals.values().toVector();
    summary.categories = categories.values().toVector();
    std::stable_sort(summary.categories.begin(), summary.categories.end(),
                     [](const CategoryTotal &a, const CategoryTotal &b) {
                         if (a.currency != b.currency)
                             return a.currency < b.currency;
                         if (a.spentMinor != b.spentMinor)
                             return a.spentMinor > b.spentMinor;
                         return a.category < b.category;
                     });
    return summary;
}

} // namespace bw::storage

namespace bw::storage {

Result<QStringList> InsightsStore::queryPlan(qint64 fromMs, qint64 toMs, const std::optional<QTimeZone> &zone)
{
    if (auto usable = m_db.checkUsable(); !usable)
        return usable.error();
    if (toMs <= fromMs)
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("empty insights period")};
    QVector<QDate> months;
    const QString sql = summarySql(fromMs, toMs, zone, months);
    if (sql.isEmpty())
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("insights period too long")};
    auto query = m_db.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
    if (!query)
        return query.error();
    QStringList plan;
    while (query.value().next())
        plan.append(query.value().value(3).toString());
    return plan;
}

} // namespace bw::storage
