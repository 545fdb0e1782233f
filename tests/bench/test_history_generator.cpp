// Smoke test of the history generator (label unit): what it writes is what it says, the same seed gives the
// same rows, the rows are in time order with a consistent running balance, and the search terms it hands the
// benchmark find what they should (Chinese one- and two-character terms included) — counted here
// independently from the generated rows, not by the code under test.
#include "history_generator.h"

#include "storage/history_store.h"
#include "storage/wallet_database.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace bw;

class TestHistoryGenerator : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 kRows = 2000;

    static bench::HistoryGeneratorOptions options(quint64 seed)
    {
        bench::HistoryGeneratorOptions o;
        o.rows = kRows;
        o.seed = seed;
        o.batchSize = 300; // several batches, the last one short
        return o;
    }

private Q_SLOTS:
    void deterministicAndOrdered()
    {
        const auto a = bench::HistoryGenerator(options(8)).generateAll();
        const auto b = bench::HistoryGenerator(options(8)).generateAll();
        const auto c = bench::HistoryGenerator(options(9)).generateAll();
        QCOMPARE(a.size(), kRows);
        QCOMPARE(c.size(), kRows);
        int differ = 0;
        for (qint64 i = 0; i < kRows; ++i) {
            QCOMPARE(a[i].paymentId, b[i].paymentId);
            QCOMPARE(a[i].createdAtMs, b[i].createdAtMs);
            QCOMPARE(a[i].amountMinor, b[i].amountMinor);
            QCOMPARE(a[i].merchantName, b[i].merchantName);
            QCOMPARE(a[i].counterpartyName, b[i].counterpartyName);
            QCOMPARE(a[i].receiptNo, b[i].receiptNo);
            QCOMPARE(a[i].debitMinor, b[i].debitMinor);
            if (a[i].createdAtMs != c[i].createdAtMs || a[i].kind != c[i].kind ||
                a[i].amountMinor != c[i].amountMinor)
                ++differ;
        }
        QVERIFY2(differ > kRows / 2, "another seed gives other rows");

        // A range asked for on its own is the same as the slice of the whole.
        const auto slice = bench::HistoryGenerator(options(8)).generate(1234, 10);
        QCOMPARE(slice.size(), 10);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(slice[i].paymentId, a[1234 + i].paymentId);
            QCOMPARE(slice[i].balanceAfterMinor, a[1234 + i].balanceAfterMinor);
        }

        QSet<QString> receipts;
        QSet<QString> kinds, statuses, currencies, categories;
        int cardFunded = 0, sealedPeople = 0;
        for (qint64 i = 0; i < kRows; ++i) {
            const storage::HistoryRow &row = a[i];
            if (i > 0) {
                QVERIFY(row.createdAtMs > a[i - 1].createdAtMs);
                // The running balance: each row's balance after = the one before + its balance change.
                QCOMPARE(*row.balanceAfterMinor, *a[i - 1].balanceAfterMinor + row.amountMinor);
            }
            QVERIFY(*row.balanceAfterMinor >= 0);
            receipts.insert(row.receiptNo);
            kinds.insert(row.kind);
            statuses.insert(row.status);
            currencies.insert(row.currency);
            if (!row.category.isEmpty())
                categories.insert(row.category);
            if (row.kind == QLatin1String("payment") && row.amountMinor == 0 && row.status == "succeeded") {
                QVERIFY(row.debitMinor.has_value() && *row.debitMinor > 0);
                QVERIFY(!row.paymentMethodId.isEmpty());
                ++cardFunded;
            }
            if (!row.counterpartyName.isEmpty()) {
                QVERIFY(row.merchantName.isEmpty());
                ++sealedPeople;
            }
        }
        QCOMPARE(receipts.size(), kRows);
        QCOMPARE(kinds, (QSet<QString>{"payment", "transfer", "incoming", "top_up", "withdrawal"}));
        QVERIFY(statuses.contains("succeeded") && statuses.contains("rejected") &&
                statuses.contains("processing") && statuses.contains("pending_review"));
        QVERIFY2(currencies.size() >= 3, "a few currencies");
        QVERIFY2(categories.size() >= 6, "several categories");
        QVERIFY(cardFunded > kRows / 20);
        QVERIFY(sealedPeople > kRows / 20);
    }

    void writesAndSearchTermsFind()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        storage::WalletDatabase db;
        QVERIFY(db.open(dir.filePath("gen.sqlite"), bench::testDataKey()));
        const bench::HistoryGenerator generator(options(8));
        qint64 lastDone = 0;
        int calls = 0;
        QVERIFY(generator.write(db, [&](qint64 done, qint64 total) {
            QCOMPARE(total, kRows);
            QVERIFY(done > lastDone);
            lastDone = done;
            ++calls;
        }));
        QCOMPARE(lastDone, kRows);
        QCOMPARE(calls, 7); // 2000 rows in batches of 300
        storage::HistoryStore store(db);
        QCOMPARE(store.count().value(), kRows);

        const auto rows = generator.generateAll();
        // A row with a person reads back with the sealed name and note intact.
        for (const storage::HistoryRow &row : rows) {
            if (row.counterpartyName.isEmpty() || row.note.isEmpty())
                continue;
            const auto stored = store.get(row.paymentId).value();
            QVERIFY(stored.has_value());
            QCOMPARE(stored->counterpartyName, row.counterpartyName);
            QCOMPARE(stored->note, row.note);
            QCOMPARE(stored->debitMinor, row.debitMinor);
            break;
        }

        const QStringList terms = generator.searchTerms();
        QCOMPARE(terms.size(), 20);
        QCOMPARE(terms.constFirst(), rows[kRows * 2 / 3].receiptNo);
        auto countOf = [&](const QString &text) {
            storage::HistoryFilter filter;
            filter.searchText = text;
            return store.count(filter).value();
        };
        QCOMPARE(countOf(terms.constFirst()), 1);
        // Chinese terms appear only in the Chinese merchant names: the expected counts come from the rows.
        for (const QString &term :
             {QStringLiteral("咖啡"), QStringLiteral("店"), QStringLiteral("便利"), QStringLiteral("外卖")}) {
            QVERIFY(terms.contains(term));
            qint64 expected = 0;
            for (const storage::HistoryRow &row : rows)
                expected += row.merchantNameZh.contains(term) ? 1 : 0;
            QVERIFY2(expected > 0, qPrintable(term));
            QCOMPARE(countOf(term), expected);
        }
        // The most common term matches at least 10% of the rows.
        QVERIFY(countOf(terms.constLast()) >= kRows / 10);
        // People's names are sealed, never searchable.
        QVERIFY(std::any_of(rows.cbegin(), rows.cend(),
                            [](const storage::HistoryRow &r) { return r.counterpartyName == "Zhang Wei"; }));
        QCOMPARE(countOf(QStringLiteral("Zhang")), 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryGenerator)
#include "test_history_generator.moc"
