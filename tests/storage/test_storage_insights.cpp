// InsightsStore: spending by category and by month, income by month and the totals per currency, checked
// on known rows against sums worked out by hand and against an independent loop over a random data set:
// a card payment with a debit and amount 0, a rejected payment, incoming money, two currencies and rows on
// both sides of a month boundary in local time (UTC+8, so the local and the UTC month differ).
#include "storage/history_store.h"
#include "storage/insights_store.h"
#include "storage/wallet_database.h"
#include "storage_test_util.h"

#include <QDateTime>
#include <QMap>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace bw::storage;
using namespace bw::storage::test;

namespace {

const QTimeZone kShanghai(QByteArrayLiteral("Asia/Shanghai"));

qint64 at(int y, int m, int d, int h = 12, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), kShanghai).toMSecsSinceEpoch();
}

HistoryRow row(const QString &id, const QString &kind, const QString &status, qint64 amount,
               const QString &currency, const QString &category, qint64 createdAt,
               std::optional<qint64> debit = std::nullopt, const QString &debitCurrency = {})
{
    HistoryRow r;
    r.paymentId = id;
    r.lastTxnId = QStringLiteral("txn_") + id;
    r.kind = kind;
    r.status = status;
    r.amountMinor = amount;
    r.currency = currency;
    r.category = category;
    if (!category.isEmpty()) {
        r.counterpartyType = QStringLiteral("merchant");
        r.merchantName = QStringLiteral("Shop ") + category;
    } else {
        r.counterpartyType = QStringLiteral("wallet");
        r.counterpartyName = QStringLiteral("A Person");
    }
    r.createdAtMs = createdAt;
    r.updatedAtMs = createdAt;
    r.debitMinor = debit;
    r.debitCurrency = debitCurrency;
    return r;
}

// The hand-made set: January and February 2025 (Shanghai time) and rows just outside.
QVector<HistoryRow> knownRows()
{
    const QString cny = QStringLiteral("CNY");
    const QString usd = QStringLiteral("USD");
    const QString ok = QStringLiteral("succeeded");
    return {
        row("p01", "payment", ok, -3500, cny, "coffee", at(2025, 1, 15)),
        row("p02", "payment", ok, -1200, cny, "coffee", at(2025, 1, 31, 23, 30)), // 15:30 UTC: January
        // A card-funded payment: the balance did not move, the card was charged 50.00.
        row("p03", "payment", ok, 0, cny, "groceries", at(2025, 2, 1, 0, 30), 5000, cny), // UTC: Jan 31
        row("p04", "payment", QStringLiteral("rejected"), -8800, cny, "dining", at(2025, 2, 3)),
        row("p05", "transfer", ok, -20000, cny, QString(), at(2025, 2, 10)),
        row("p06", "incoming", ok, 100000, cny, QString(), at(2025, 1, 20)),
        row("p07", "incoming", QStringLiteral("processing"), 5000, cny, QString(), at(2025, 1, 21)),
        row("p08", "payment", ok, -1250, usd, "travel", at(2025, 2, 5)),
        // Paid with a USD card from a CNY wallet: spending in USD.
        row("p09", "payment", ok, 0, cny, "electronics", at(2025, 2, 6), 2000, usd),
        row("p10", "top_up", ok, 50000, cny, QString(), at(2025, 1, 2)),
        row("p11", "payment", QStringLiteral("processing"), -999, cny, "coffee", at(2025, 1, 3)),
        row("p12", "payment", ok, -777, cny, "coffee", at(2024, 12, 31, 23, 59)), // before the period
        row("p13", "payment", ok, -888, cny, "coffee", at(2025, 3, 1, 0, 0)),     // the first ms after it
        row("p14", "incoming", ok, 3000, usd, QString(), at(2025, 2, 7)),
        row("p15", "payment", ok, 0, cny, "books", at(2025, 2, 8)), // no debit known: nothing spent
        row("p16", "withdrawal", ok, -10000, cny, QString(), at(2025, 2, 9)),
        row("p17", "payment", QStringLiteral("pending_review"), 0, cny, "travel", at(2025, 2, 11), 4000, cny),
    };
}

const CurrencyTotal *totalOf(const InsightsSummary &s, const QString &currency)
{
    for (const CurrencyTotal &t : s.totals) {
        if (t.currency == currency)
            return &t;
    }
    return nullptr;
}

qint64 categorySpent(const InsightsSummary &s, const QString &currency, const QString &category,
                     qint64 *count = nullptr)
{
    for (const CategoryTotal &c : s.categories) {
        if (c.currency == currency && c.category == category) {
            if (count)
                *count = c.count;
            return c.spentMinor;
        }
    }
    if (count)
        *count = 0;
    return 0;
}

const MonthTotal *monthOf(const InsightsSummary &s, const QDate &month, const QString &currency)
{
    for (const MonthTotal &m : s.monthTotals) {
        if (m.month == month && m.currency == currency)
            return &m;
    }
    return nullptr;
}

// The test's own reading of the rules, applied row by row (no SQL).
struct Expected
{
    QMap<QString, CurrencyTotal> totals;
    QMap<std::pair<QString, QString>, std::pair<qint64, qint64>> categories; // (cur, cat) → (spent, count)
    QMap<std::pair<QDate, QString>, MonthTotal> months;
};

Expected expectedFor(const QVector<HistoryRow> &rows, qint64 from, qint64 to, const QTimeZone &zone)
{
    Expected e;
    for (const HistoryRow &r : rows) {
        if (r.createdAtMs < from || r.createdAtMs >= to || r.status != QLatin1String("succeeded"))
            continue;
        const bool fromDebit = r.amountMinor == 0;
        const qint64 shown = fromDebit ? -r.debitMinor.value_or(0) : r.amountMinor;
        const QString currency = fromDebit && !r.debitCurrency.isEmpty() ? r.debitCurrency : r.currency;
        const QDate local = QDateTime::fromMSecsSinceEpoch(r.createdAtMs, zone).date();
        const QDate month(local.year(), local.month(), 1);
        const bool spend =
            (r.kind == QLatin1String("payment") || r.kind == QLatin1String("transfer")) && shown < 0;
        const bool income = r.kind == QLatin1String("incoming") && shown > 0;
        if (!spend && !income)
            continue;
        CurrencyTotal &t = e.totals[currency];
        MonthTotal &m = e.months[{month, currency}];
        if (spend) {
            t.spentMinor += -shown;
            t.spentCount += 1;
            m.spentMinor += -shown;
            m.spentCount += 1;
            QString category = r.category;
            if (category.isEmpty())
                category = r.kind == QLatin1String("transfer") ? InsightsStore::kTransferCategory
                                                               : InsightsStore::kOtherCategory;
            auto &c = e.categories[{currency, category}];
            c.first += -shown;
            c.second += 1;
        } else {
            t.receivedMinor += shown;
            t.receivedCount += 1;
            m.receivedMinor += shown;
            m.receivedCount += 1;
        }
    }
    return e;
}

void compareWith(const InsightsSummary &s, const Expected &e)
{
    QCOMPARE(s.totals.size(), e.totals.size());
    for (auto it = e.totals.cbegin(); it != e.totals.cend(); ++it) {
        const CurrencyTotal *t = totalOf(s, it.key());
        QVERIFY2(t, qPrintable(it.key()));
        QCOMPARE(t->spentMinor, it->spentMinor);
        QCOMPARE(t->spentCount, it->spentCount);
        QCOMPARE(t->receivedMinor, it->receivedMinor);
        QCOMPARE(t->receivedCount, it->receivedCount);
    }
    QCOMPARE(s.categories.size(), e.categories.size());
    for (auto it = e.categories.cbegin(); it != e.categories.cend(); ++it) {
        qint64 count = 0;
        QCOMPARE(categorySpent(s, it.key().first, it.key().second, &count), it->first);
        QCOMPARE(count, it->second);
    }
    QCOMPARE(s.monthTotals.size(), e.months.size());
    for (auto it = e.months.cbegin(); it != e.months.cend(); ++it) {
        const MonthTotal *m = monthOf(s, it.key().first, it.key().second);
        QVERIFY2(m, qPrintable(it.key().first.toString(Qt::ISODate) + it.key().second));
        QCOMPARE(m->spentMinor, it->spentMinor);
        QCOMPARE(m->spentCount, it->spentCount);
        QCOMPARE(m->receivedMinor, it->receivedMinor);
        QCOMPARE(m->receivedCount, it->receivedCount);
    }
}

} // namespace

class TestStorageInsights : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The default (local time) path cuts months in the process's time zone: make it one where the local
        // month differs from the UTC month for some rows.
        qputenv("TZ", "Asia/Shanghai");
        tzset();
        QVERIFY(kShanghai.isValid());
    }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<WalletDatabase>();
        ST_VERIFY_OK(m_db->open(m_dir.filePath(QStringLiteral("i%1.db").arg(++m_n)), testKey()));
    }

    void cleanup() { m_db.reset(); }

    void knownRowsByHand()
    {
        ST_VERIFY_OK(HistoryStore(*m_db).upsertBatch(knownRows()));
        auto result = InsightsStore(*m_db).summary(at(2025, 1, 1, 0, 0), at(2025, 3, 1, 0, 0), kShanghai);
        ST_VERIFY_OK(result);
        const InsightsSummary &s = result.value();

        QCOMPARE(s.months, (QVector<QDate>{QDate(2025, 1, 1), QDate(2025, 2, 1)}));
        QCOMPARE(s.currencies(), (QStringList{"CNY", "USD"}));
        const CurrencyTotal *cny = totalOf(s, "CNY");
        QVERIFY(cny);
        QCOMPARE(cny->spentMinor, 3500 + 1200 + 5000 + 20000); // p01 p02 p03 p05
        QCOMPARE(cny->spentCount, 4);
        QCOMPARE(cny->receivedMinor, 100000); // p06 only
        QCOMPARE(cny->receivedCount, 1);
        const CurrencyTotal *usd = totalOf(s, "USD");
        QVERIFY(usd);
        QCOMPARE(usd->spentMinor, 1250 + 2000); // p08 p09
        QCOMPARE(usd->spentCount, 2);
        QCOMPARE(usd->receivedMinor, 3000); // p14
        QCOMPARE(usd->receivedCount, 1);

        qint64 count = 0;
        QCOMPARE(categorySpent(s, "CNY", "coffee", &count), 4700);
        QCOMPARE(count, 2);
        QCOMPARE(categorySpent(s, "CNY", "groceries"), 5000);
        QCOMPARE(categorySpent(s, "CNY", InsightsStore::kTransferCategory), 20000);
        QCOMPARE(categorySpent(s, "CNY", "dining", &count), 0); // rejected
        QCOMPARE(count, 0);
        QCOMPARE(categorySpent(s, "CNY", "books", &count), 0); // nothing known to be spent
        QCOMPARE(count, 0);
        QCOMPARE(categorySpent(s, "USD", "travel"), 1250);
        QCOMPARE(categorySpent(s, "USD", "electronics"), 2000);
        QCOMPARE(s.categories.size(), 5);
        // Largest first within a currency.
        QCOMPARE(s.categories.first().category, InsightsStore::kTransferCategory);

        // p02 (23:30 on Jan 31 local) is January; p03 (00:30 on Feb 1 local, still Jan 31 in UTC) is
        // February.
        const MonthTotal *jan = monthOf(s, QDate(2025, 1, 1), "CNY");
        const MonthTotal *feb = monthOf(s, QDate(2025, 2, 1), "CNY");
        QVERIFY(jan && feb);
        QCOMPARE(jan->spentMinor, 3500 + 1200);
        QCOMPARE(jan->receivedMinor, 100000);
        QCOMPARE(feb->spentMinor, 5000 + 20000);
        QCOMPARE(feb->receivedMinor, 0);
        QVERIFY(!monthOf(s, QDate(2025, 1, 1), "USD"));
        const MonthTotal *febUsd = monthOf(s, QDate(2025, 2, 1), "USD");
        QVERIFY(febUsd);
        QCOMPARE(febUsd->spentMinor, 3250);
        QCOMPARE(febUsd->receivedMinor, 3000);

        compareWith(s, expectedFor(knownRows(), at(2025, 1, 1, 0, 0), at(2025, 3, 1, 0, 0), kShanghai));
    }

    void monthBoundaryFollowsTheTimeZone()
    {
        ST_VERIFY_OK(HistoryStore(*m_db).upsertBatch(knownRows()));
        const qint64 from = at(2025, 1, 1, 0, 0);
        const qint64 to = at(2025, 3, 1, 0, 0);
        // Default = the process's local time (Shanghai here): the same answer as the explicit zone.
        auto local = InsightsStore(*m_db).summary(from, to);
        ST_VERIFY_OK(local);
        compareWith(local.value(), expectedFor(knownRows(), from, to, kShanghai));
        // Cut in UTC, p03 (Jan 31 16:30 UTC) moves to January.
        const QTimeZone utc = QTimeZone::utc();
        auto inUtc = InsightsStore(*m_db).summary(from, to, utc);
        ST_VERIFY_OK(inUtc);
        const Expected e = expectedFor(knownRows(), from, to, utc);
        compareWith(inUtc.value(), e);
        QCOMPARE(monthOf(inUtc.value(), QDate(2025, 1, 1), "CNY")->spentMinor, 3500 + 1200 + 5000);
        // The period starts at Shanghai midnight = Dec 31 16:00 UTC: its first month is December in UTC.
        QCOMPARE(inUtc->months.first(), QDate(2024, 12, 1));
    }

    void randomRowsMatchAnIndependentSum()
    {
        QRandomGenerator rng(20250301);
        const QStringList kinds{"payment", "transfer", "incoming", "top_up", "withdrawal"};
        const QStringList statuses{"succeeded", "succeeded",  "succeeded",
                                   "rejected",  "processing", "pending_review"};
        const QStringList currencies{"CNY", "CNY", "CNY", "USD", "JPY"};
        const QStringList categories{"coffee", "dining", "groceries", "travel", ""};
        const qint64 start = at(2024, 11, 1, 0, 0);
        const qint64 span = at(2025, 4, 1, 0, 0) - start;
        QVector<HistoryRow> rows;
        for (int i = 0; i < 3000; ++i) {
            const QString kind = kinds[rng.bounded(int(kinds.size()))];
            const bool in = kind == QLatin1String("incoming") || kind == QLatin1String("top_up");
            qint64 amount = qint64(rng.bounded(1, 500000));
            std::optional<qint64> debit;
            QString debitCurrency;
            if (!in && rng.bounded(4) == 0) {
                debit = amount + rng.bounded(100); // card-funded (fees included)
                debitCurrency = currencies[rng.bounded(int(currencies.size()))];
                amount = 0;
            } else if (!in) {
                amount = -amount;
            }
            rows.append(row(QStringLiteral("r%1").arg(i), kind, statuses[rng.bounded(int(statuses.size()))],
                            amount, currencies[rng.bounded(int(currencies.size()))],
                            kind == QLatin1String("payment") ? categories[rng.bounded(int(categories.size()))]
                                                             : QString(),
                            start + qint64(rng.bounded(quint64(span))), debit, debitCurrency));
        }
        ST_VERIFY_OK(HistoryStore(*m_db).upsertBatch(rows));
        for (const auto &[from, to] :
             {std::pair{at(2024, 12, 1, 0, 0), at(2025, 3, 1, 0, 0)},
              std::pair{at(2024, 11, 15, 6, 0), at(2025, 2, 2, 18, 0)}, std::pair{start, start + span}}) {
            auto result = InsightsStore(*m_db).summary(from, to);
            ST_VERIFY_OK(result);
            QVERIFY(!result->isEmpty());
            compareWith(result.value(), expectedFor(rows, from, to, kShanghai));
        }
    }

    void emptyPeriodAndErrors()
    {
        ST_VERIFY_OK(HistoryStore(*m_db).upsertBatch(knownRows()));
        auto empty = InsightsStore(*m_db).summary(at(2023, 11, 10, 0, 0), at(2024, 2, 1, 0, 0), kShanghai);
        ST_VERIFY_OK(empty);
        QVERIFY(empty->isEmpty());
        QVERIFY(empty->categories.isEmpty());
        QCOMPARE(empty->months, (QVector<QDate>{QDate(2023, 11, 1), QDate(2023, 12, 1), QDate(2024, 1, 1)}));
        ST_VERIFY_ERROR(InsightsStore(*m_db).summary(100, 100), StorageErrorCode::InvalidData);
        ST_VERIFY_ERROR(InsightsStore(*m_db).summary(200, 100), StorageErrorCode::InvalidData);
        m_db->close();
        ST_VERIFY_ERROR(InsightsStore(*m_db).summary(100, 200), StorageErrorCode::NotOpen);
    }

    // The aggregate reads only the period, through the date index: never the status or kind index (which
    // SQLite prefers without statistics, and which reads every succeeded row of the wallet for each month:
    // 17 s instead of 1 s for a year at a million rows).
    void readsThePeriodThroughTheDateIndex()
    {
        QVector<HistoryRow> rows;
        const qint64 start = at(2021, 1, 1, 0, 0);
        const int n = 20000;
        const qint64 step = (at(2025, 1, 1, 0, 0) - start) / n;
        for (int i = 0; i < n; ++i)
            rows.append(row(QStringLiteral("b%1").arg(i), i % 5 == 0 ? "incoming" : "payment", "succeeded",
                            i % 5 == 0 ? 1000 : -100 - i % 1000, "CNY", i % 5 == 0 ? QString() : "coffee",
                            start + step * i));
        ST_VERIFY_OK(HistoryStore(*m_db).upsertBatch(rows));
        const qint64 from = at(2024, 1, 1, 0, 0);
        const qint64 to = at(2025, 1, 1, 0, 0);
        auto plan = InsightsStore(*m_db).queryPlan(from, to, kShanghai);
        ST_VERIFY_OK(plan);
        const QString text = plan->join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QLatin1String("SEARCH h USING INDEX history_by_date")) ||
                     text.contains(QLatin1String("SEARCH h USING INTEGER PRIMARY KEY")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("SCAN h")), qPrintable(text));

        auto result = InsightsStore(*m_db).summary(from, to, kShanghai);
        ST_VERIFY_OK(result);
        QCOMPARE(result->months.size(), 12);
        compareWith(result.value(), expectedFor(rows, from, to, kShanghai));
        auto all = InsightsStore(*m_db).summary(start, to, kShanghai);
        ST_VERIFY_OK(all);
        QCOMPARE(all->totals.first().spentCount + all->totals.first().receivedCount, qint64(n));
        compareWith(all.value(), expectedFor(rows, start, to, kShanghai));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<WalletDatabase> m_db;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestStorageInsights)
#include "test_storage_insights.moc"
