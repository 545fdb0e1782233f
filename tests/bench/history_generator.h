// API-READY
// HistoryGenerator: fills a wallet's local history with N realistic, deterministic transactions — for the
// history benchmark (bench_history), demos with large accounts (tools/generate-history) and tests that need
// a big known data set. The same options (seed, rows, endMs) always give the same rows, in time order
// (createdAtMs strictly increasing, oldest first) spread over `years`, ending at endMs.
//
// What the rows look like (weights are per row):
// - payments to merchants with English AND Chinese names (Starbucks Coffee / 星巴克咖啡, 瑞幸咖啡,
//   全家便利店, 美团外卖, 滴滴出行, 中国石化加油站, …) in the categories of the stub's directory (coffee,
//   dining, groceries, transport, travel, electronics, books, utilities); most in CNY, a few abroad in
//   HKD/USD/JPY/EUR/GBP. About a third are card-funded: amountMinor 0 (the balance does not move) and
//   debitMinor/debitCurrency what the card was charged — the history's shown amount is -debitMinor;
// - transfers to and from people (names and phones SEALED by the store, never in the search index),
//   top-ups and withdrawals (counterparty a payment method; paymentMethodId set);
// - statuses: mostly succeeded, then processing, pending_review, rejected (rejected/pending rows do not
//   change the balance);
// - a receipt number per row ("BW" + yyyyMMdd + 12 digits, unique), a running balance after each row.
//
//   HistoryGenerator gen({.rows = 1'000'000, .seed = 8});
//   Status s = gen.write(db, [](qint64 done, qint64 total) { ... });   // one transaction per batch
//   QStringList terms = gen.searchTerms();                              // 20 terms, rare → very common
#pragma once

#include "crypto/secret_bytes.h"
#include "storage/history_store.h"
#include "storage/storage_error.h"

#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <functional>

namespace bw::storage {
class WalletDatabase;
}

namespace bw::bench {

struct HistoryGeneratorOptions
{
    qint64 rows = 1'000'000;
    quint64 seed = 8;
    // The newest row's time (ms since the epoch, UTC); rows go back `years` from it. The default is a
    // fixed date (2026-11-01T00:00:00Z) so that a seed alone fixes the data.
    qint64 endMs = 1793491200000LL;
    int years = 5;
    // Rows per HistoryStore::upsertBatch call (one SQLite transaction each).
    int batchSize = 10'000;
    // Prefix of the generated payment ids (payment_id is the upsert key): change it to add a second,
    // distinct data set to the same file.
    QString paymentIdPrefix = QStringLiteral("gen_");
};

// One merchant of the generator's directory.
struct GeneratedMerchant
{
    QString id;
    QString name;
    QString nameZh;
    QString category;
    QString currency; // the currency its payments are in
    int weight = 1;   // relative frequency among merchant payments
};

// A fixed, PUBLIC 32-byte data key for throwaway benchmark and test files (bw_generate_history --test-key,
// bench_history). Never for a real wallet.
crypto::SecretBytes testDataKey();

class HistoryGenerator
{
public:
    explicit HistoryGenerator(HistoryGeneratorOptions options = {});

    const HistoryGeneratorOptions &options() const { return m_options; }

    // Rows [first, first + count) of the data set, in time order. Deterministic; any range can be asked
    // for in any order (each row depends on the seed and its index only, except balanceAfterMinor, which
    // is a running balance and therefore computed from the start — cheap: no SQL, no crypto).
    QVector<storage::HistoryRow> generate(qint64 first, qint64 count) const;
    // All rows (for small data sets in tests).
    QVector<storage::HistoryRow> generateAll() const { return generate(0, m_options.rows); }

    // Writes every row through HistoryStore::upsertBatch, batchSize rows per transaction. progress (may be
    // empty) runs after each batch on the calling thread. Stops at the first error.
    storage::Status write(storage::WalletDatabase &db,
                          const std::function<void(qint64 done, qint64 total)> &progress = {}) const;

    // 20 search terms from rare to very common (the last matches ≥ 10% of the rows): Latin words and
    // prefixes, Chinese one- and two-character terms (店, 咖啡, …) and one exact receipt number of this
    // data set. Every term matches at least one row when rows ≥ 20,000.
    QStringList searchTerms() const;

    // The merchant directory the rows use (fixed; does not depend on the seed).
    static const QVector<GeneratedMerchant> &merchants();
    // Payment-method ids the rows use (funding of card payments, top-ups, withdrawals).
    static QStringList paymentMethodIds();

private:
    void step(qint64 index, qint64 &balanceFen, storage::HistoryRow *out) const;

    HistoryGeneratorOptions m_options;
    qint64 m_startMs = 0;
    qint64 m_stepMs = 1;
};

} // namespace bw::bench
