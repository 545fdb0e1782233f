// History storage benchmarks: a 10,000-row feed batch (one transaction, sealing and FTS included), then,
// over a 200,000-row history, a first page, a deep keyset page, a count and a search. Prints one JSON
// object per line: name, n, median_ms, p95_ms, rss_mb. Build in Release for real figures.
#include "storage/history_store.h"
#include "storage/wallet_database.h"
#include "storage_test_util.h"

#include "../bench/bench_timing.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace bw::storage;

namespace {

bool bench(const char *name, int n, const std::function<bool(int)> &body)
{
    return bw::bench::timeRuns(name, n, body);
}

QVector<HistoryRow> batch(int first, int count)
{
    QVector<HistoryRow> rows;
    rows.reserve(count);
    for (int n = first; n < first + count; ++n) {
        HistoryRow row = test::sampleRow(n, 1700000000000 + qint64(n) * 60000);
        row.note = QStringLiteral("note %1").arg(n);
        rows.append(row);
    }
    return rows;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    WalletDatabase db;
    if (!db.open(dir.filePath(QStringLiteral("bench.db")), test::testKey()))
        return 1;
    HistoryStore history(db);
    constexpr int kBatch = 10000;
    constexpr int kBatches = 20;
    // Each run adds 10,000 new rows: the figure includes the indexes and FTS growing.
    if (!bench("storage_history_upsert_batch_10000", kBatches,
               [&](int i) { return history.upsertBatch(batch(i * kBatch, kBatch)).ok(); }))
        return 1;
    HistoryKey deep{};
    {
        auto page = history.page(std::nullopt, 1000, HistorySort::Date, SortOrder::Descending);
        if (!page)
            return 1;
        deep = HistoryStore::keyOf(page.value().rows.last(), HistorySort::Date);
    }
    bool ok = bench("storage_history_first_page_100", 50, [&](int) {
        return history.page(std::nullopt, 100, HistorySort::Date, SortOrder::Descending).ok();
    });
    ok =
        ok && bench("storage_history_keyset_page_100_by_amount", 50, [&](int i) {
            return history
                .page(HistoryKey{qint64(i) * 1000 - 50000, 0}, 100, HistorySort::Amount, SortOrder::Ascending)
                .ok();
        });
    ok = ok && bench("storage_history_next_page_100", 50, [&](int) {
             return history.page(deep, 100, HistorySort::Date, SortOrder::Descending).ok();
         });
    ok = ok && bench("storage_history_count_200k", 10, [&](int) { return history.count().ok(); });
    HistoryFilter search;
    search.searchText = QStringLiteral("商户");
    ok = ok && bench("storage_history_search_first_page", 20, [&](int) {
             return history.page(std::nullopt, 100, HistorySort::Date, SortOrder::Descending, search).ok();
         });
    search.searchText = QStringLiteral("bw2025030100000001");
    ok = ok && bench("storage_history_search_receipt_prefix", 20, [&](int) {
             return history.page(std::nullopt, 100, HistorySort::Date, SortOrder::Descending, search).ok();
         });
    return ok ? 0 : 1;
}
