// HistoryModel over a real SQLite wallet database with a few thousand rows: paging agrees with the store's
// SQL order in every sort, far jumps (the last row, the middle) are one query each and agree with a plain
// ORDER BY, the page cache stays bounded, sealed names are shown opened, a card payment shows its debit,
// and rows added later arrive as row insertions at their exact places (QAbstractItemModelTester checks every
// signal) — a sync page of 1000 rows in every sort and under filters — never a reset; updates are
// dataChanged, or a removal plus an insertion when the row moves or leaves the filter.
#include "core/currency.h"
#include "core/money.h"
#include "crypto/secret_bytes.h"
#include "models/history_model.h"
#include "services/history_service.h"
#include "storage/history_store.h"
#include "storage/wallet_database.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace bw;
using storage::HistoryRow;
using storage::HistorySort;
using storage::SortOrder;

namespace {

crypto::SecretBytes testKey()
{
    crypto::SecretBytes key(32);
    for (qsizetype i = 0; i < key.size(); ++i)
        key.data()[i] = char('a' + i % 11);
    return key;
}

constexpr qint64 kBaseMs = 1'740'000'000'000; // 2025-02-19

// Rows n: every third a transfer from a person (sealed name), the others merchant payments; three rows
// share each timestamp (the feed has second precision, so ties are the normal case) and amounts repeat.
HistoryRow makeRow(int n, qint64 createdAtMs)
{
    HistoryRow row;
    row.paymentId = QStringLiteral("pay_%1").arg(n, 8, 10, QLatin1Char('0'));
    row.lastTxnId = QStringLiteral("txn_%1").arg(n);
    row.status = QStringLiteral("succeeded");
    row.currency = QStringLiteral("CNY");
    row.amountMinor = (n % 4 == 0 ? 1 : -1) * qint64(100 + (n * 37) % 500);
    row.createdAtMs = createdAtMs;
    row.updatedAtMs = createdAtMs;
    row.balanceAfterMinor = 500000 + n;
    row.balanceAfterCurrency = QStringLiteral("CNY");
    row.receiptNo = QStringLiteral("R%1").arg(n);
    if (n % 3 == 0) {
        row.kind = QStringLiteral("transfer");
        row.counterpartyType = QStringLiteral("wallet");
        row.counterpartyId = QStringLiteral("wal_%1").arg(n % 17);
        row.counterpartyName = QStringLiteral("Person Number %1").arg(n);
    } else {
        row.kind = QStringLiteral("payment");
        row.counterpartyType = QStringLiteral("merchant");
        row.counterpartyId = QStringLiteral("mer_%1").arg(n % 7);
        row.merchantName = QStringLiteral("Shop %1").arg(n % 7);
        row.merchantNameZh = QStringLiteral("商店%1").arg(n % 7);
        row.category = QStringLiteral("coffee");
    }
    return row;
}

} // namespace

class TestModelsHistory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    storage::WalletDatabase m_writer;
    storage::WalletDatabase m_reader;
    int m_next = 0;

    QString path() const { return m_dir.filePath(QStringLiteral("wallet.sqlite")); }

    // Adds rows with the given timestamps through the writer connection; returns their payment ids.
    QStringList addRows(const QVector<qint64> &times, storage::WalletDatabase *db = nullptr)
    {
        QVector<HistoryRow> rows;
        QStringList ids;
        for (qint64 t : times) {
            rows.append(makeRow(m_next++, t));
            ids.append(rows.last().paymentId);
        }
        const auto status = storage::HistoryStore(db ? *db : m_writer).upsertBatch(rows);
        if (!status)
            qFatal("upsertBatch: %s", qPrintable(status.error().detail));
        return ids;
    }

    // Every payment id in the store's order for this sort and filter (forward keyset pages).
    QStringList sqlOrder(HistorySort sort, SortOrder order, const storage::HistoryFilter &filter = {})
    {
        QStringList ids;
        std::optional<storage::HistoryKey> after;
        storage::HistoryStore store(m_writer);
        for (;;) {
            auto page = store.page(after, 1000, sort, order, filter);
            if (!page)
                qFatal("page: %s", qPrintable(page.error().detail));
            for (const HistoryRow &row : page->rows)
                ids.append(row.paymentId);
            if (!page->hasMore)
                break;
            after = storage::HistoryStore::keyOf(page->rows.last(), sort);
        }
        return ids;
    }

    // The expected order written as plain SQL (independent of HistoryStore's keyset/offset code).
    QStringList plainOrder(HistorySort sort, SortOrder order, const QString &where = {},
                           storage::WalletDatabase *db = nullptr)
    {
        const QString column =
            sort == HistorySort::Date ? QStringLiteral("created_at") : QStringLiteral("shown_minor");
        const QString dir = order == SortOrder::Ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
        auto q = (db ? *db : m_writer)
                     .exec(QStringLiteral("SELECT payment_id FROM history %1 ORDER BY %2 %3, id %3")
                               .arg(where, column, dir));
        if (!q)
            qFatal("plainOrder: %s", qPrintable(q.error().detail));
        QStringList ids;
        while (q.value().next())
            ids.append(q.value().value(0).toString());
        return ids;
    }

    static int announcedRows(const QSignalSpy &spy)
    {
        int n = 0;
        for (const auto &args : spy)
            n += args.at(2).toInt() - args.at(1).toInt() + 1;
        return n;
    }

    static QStringList modelOrder(const models::HistoryModel &model)
    {
        QStringList ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.append(model.index(r, 0).data(models::HistoryModel::PaymentIdRole).toString());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto opened = m_writer.open(path(), testKey());
        QVERIFY2(opened.ok(), qPrintable(opened.error().detail));
        QVector<qint64> times;
        for (int i = 0; i < 3000; ++i)
            times.append(kBaseMs + (i / 3) * 1000);
        addRows(times);
        // The model's own connection, as the GUI thread would open it.
        auto reader = m_reader.open(path(), testKey());
        QVERIFY2(reader.ok(), qPrintable(reader.error().detail));
    }

    void pagingMatchesSqlOrderInEverySort()
    {
        models::HistoryModel model(m_reader);
        model.setPageSize(128);
        model.setMaxCachedPages(4);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 3000);
        QCOMPARE(model.columnCount(), int(models::HistoryModel::ColumnCount));

        for (auto sort : {HistorySort::Date, HistorySort::Amount}) {
            for (auto order : {SortOrder::Descending, SortOrder::Ascending}) {
                model.setSort(sort, order);
                QCOMPARE(model.rowCount(), 3000);
                QCOMPARE(modelOrder(model), sqlOrder(sort, order));
                QVERIFY2(model.cachedPageCount() <= 4, "the page cache is bounded");
            }
        }
        // Back to the top after the bounded cache dropped its page: read again, by its key (no OFFSET).
        model.setSort(HistorySort::Date, SortOrder::Descending);
        QCOMPARE(modelOrder(model).last(), QStringLiteral("pay_00000000"));
        QVERIFY(model.cachedPageCount() <= 4);
        const quint64 before = model.pageQueries();
        QCOMPARE(model.index(0, 0).data(models::HistoryModel::PaymentIdRole).toString(),
                 QStringLiteral("pay_00002999"));
        QCOMPARE(model.pageQueries(), before + 1);
        QVERIFY(!model.lastError());
    }

    void showsWhatAViewWouldShow()
    {
        models::HistoryModel model(m_reader);
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        // Newest first (three rows share each second; the row id breaks the tie): pay_2999 and pay_2998 are
        // merchant payments, pay_2997 a transfer from a person (n % 3 == 0).
        const QModelIndex transfer = model.index(2, models::HistoryModel::CounterpartyColumn);
        QCOMPARE(transfer.data(models::HistoryModel::PaymentIdRole).toString(),
                 QStringLiteral("pay_00002997"));
        QCOMPARE(transfer.data().toString(),
                 QStringLiteral("Person Number 2997")); // opened from the sealed field
        QCOMPARE(model.index(2, models::HistoryModel::KindColumn).data().toString(),
                 QStringLiteral("Transfer"));
        QCOMPARE(model.index(0, models::HistoryModel::KindColumn).data().toString(),
                 QStringLiteral("Payment"));
        QCOMPARE(model.index(0, models::HistoryModel::CounterpartyColumn).data().toString(),
                 QStringLiteral("Shop 3"));
        QCOMPARE(model.index(0, models::HistoryModel::StatusColumn).data().toString(),
                 QStringLiteral("Succeeded"));
        QCOMPARE(model.index(1, models::HistoryModel::CounterpartyColumn).data().toString(),
                 QStringLiteral("Shop 2"));

        const HistoryRow row = model.rowAt(0).value();
        const core::Money amount(row.amountMinor, *core::Currency::fromCode(u"CNY"));
        QCOMPARE(model.index(0, 0).data(models::HistoryModel::AmountMinorRole), QVariant(row.amountMinor));
        const QString shownAmount = model.index(0, models::HistoryModel::AmountColumn).data().toString();
        QCOMPARE(shownAmount, amount.format(QLocale(QLocale::English, QLocale::UnitedStates)));
        QVERIFY(shownAmount.contains(QStringLiteral("%1.%2")
                                         .arg(std::abs(row.amountMinor) / 100)
                                         .arg(std::abs(row.amountMinor) % 100, 2, 10, QLatin1Char('0'))));
        QCOMPARE(model.index(0, models::HistoryModel::BalanceAfterColumn).data().toString(),
                 core::Money(502999, *core::Currency::fromCode(u"CNY"))
                     .format(QLocale(QLocale::English, QLocale::UnitedStates)));
        QCOMPARE(model.index(0, 0).data(models::HistoryModel::CreatedAtRole).toDateTime(),
                 QDateTime::fromMSecsSinceEpoch(kBaseMs + 999 * 1000, Qt::UTC));
        QCOMPARE(model.headerData(models::HistoryModel::AmountColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Amount"));
        QCOMPARE(model.index(0, models::HistoryModel::AmountColumn)
                     .data(Qt::TextAlignmentRole)
                     .value<Qt::Alignment>(),
                 Qt::AlignRight | Qt::AlignVCenter);

        // An incoming amount (n % 4 == 0, positive) is shown with its plus sign.
        const int incomingRow = 3; // pay_2996
        QCOMPARE(model.index(incomingRow, 0).data(models::HistoryModel::PaymentIdRole).toString(),
                 QStringLiteral("pay_00002996"));
        QVERIFY(
            model.index(incomingRow, models::HistoryModel::AmountColumn).data().toString().startsWith(u'+'));
        QVERIFY(model.index(incomingRow, 0).data(models::HistoryModel::IsIncomingRole).toBool());

        // Chinese: the merchant's Chinese name.
        model.setLocale(QLocale(QLocale::Chinese, QLocale::China));
        QCOMPARE(model.index(1, models::HistoryModel::CounterpartyColumn).data().toString(),
                 QStringLiteral("商店2"));

        // The person's name is sealed on disk: the database file does not hold it in the clear.
        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QFile wal(path() + QStringLiteral("-wal"));
        const QByteArray walBytes = wal.open(QIODevice::ReadOnly) ? wal.readAll() : QByteArray();
        QVERIFY(!bytes.contains("Person Number 2997"));
        QVERIFY(!walBytes.contains("Person Number 2997"));
        QVERIFY(bytes.contains("Shop 2") || walBytes.contains("Shop 2")); // merchants stay in the clear
    }

    void filterCountsAndPagesInSql()
    {
        models::HistoryModel model(m_reader);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        storage::HistoryFilter filter;
        filter.kinds = {QStringLiteral("transfer")};
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(modelOrder(model), sqlOrder(HistorySort::Date, SortOrder::Descending, filter));
        filter = {};
        filter.searchText = QStringLiteral("shop 3");
        model.setFilter(filter);
        QCOMPARE(qint64(model.rowCount()), storage::HistoryStore(m_writer).count(filter).value());
        QVERIFY(model.rowCount() > 0);
    }

    void newRowsAreInsertedAtTheirPlacesNeverReset()
    {
        for (auto sort : {HistorySort::Date, HistorySort::Amount}) {
            for (auto order : {SortOrder::Descending, SortOrder::Ascending}) {
                models::HistoryModel model(m_reader);
                model.setPageSize(100);
                model.setSort(sort, order);
                QAbstractItemModelTester tester(&model,
                                                QAbstractItemModelTester::FailureReportingMode::Fatal);
                // Let the view have read a few pages, so the cache must be kept right.
                for (int r = 0; r < model.rowCount(); r += 97)
                    (void)model.index(r, 1).data();
                QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
                QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
                const int before = model.rowCount();

                // Newer rows (a sync's usual case: a run at one end) and a few old ones scattered in the
                // middle, some sharing a timestamp with existing rows.
                QVector<qint64> times;
                for (int i = 0; i < 40; ++i)
                    times.append(kBaseMs + 2'000'000 + i * 1000);
                for (int i = 0; i < 6; ++i)
                    times.append(kBaseMs + (i * 157) * 1000);
                services::HistoryChange change;
                change.insertedPaymentIds = addRows(times);
                model.applyChange(change);

                QCOMPARE(reset.count(), 0);
                QVERIFY(inserted.count() >= 1);
                int announced = 0;
                for (const auto &args : inserted)
                    announced += args.at(2).toInt() - args.at(1).toInt() + 1;
                QCOMPARE(announced, 46);
                QCOMPARE(model.rowCount(), before + 46);
                QCOMPARE(modelOrder(model), sqlOrder(sort, order));
            }
        }
    }

    void filteredModelInsertsOnlyMatchingRows()
    {
        models::HistoryModel model(m_reader);
        storage::HistoryFilter filter;
        filter.kinds = {QStringLiteral("transfer")};
        model.setFilter(filter);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const int before = model.rowCount();
        QVector<qint64> times;
        for (int i = 0; i < 30; ++i)
            times.append(kBaseMs + 3'000'000 + (i / 2) * 1000);
        services::HistoryChange change;
        change.insertedPaymentIds = addRows(times);
        int transfers = 0;
        for (const QString &id : change.insertedPaymentIds)
            transfers += storage::HistoryStore(m_writer).get(id).value()->kind == QLatin1String("transfer");
        model.applyChange(change);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), before + transfers);
        QCOMPARE(modelOrder(model), sqlOrder(HistorySort::Date, SortOrder::Descending, filter));
    }

    void updatedRowIsDataChanged()
    {
        models::HistoryModel model(m_reader);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const int row = 5;
        const QString paymentId = model.index(row, 0).data(models::HistoryModel::PaymentIdRole).toString();
        QCOMPARE(model.index(row, models::HistoryModel::StatusColumn).data().toString(),
                 QStringLiteral("Succeeded"));
        HistoryRow changed = storage::HistoryStore(m_writer).get(paymentId).value().value();
        changed.status = QStringLiteral("rejected");
        changed.updatedAtMs += 1000;
        QVERIFY(storage::HistoryStore(m_writer).upsert(changed).ok());

        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        services::HistoryChange change;
        change.updatedPaymentIds = {paymentId};
        model.applyChange(change);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(dataChanged.count(), 1);
        QCOMPARE(dataChanged.first().at(0).toModelIndex().row(), row);
        QCOMPARE(model.index(row, models::HistoryModel::StatusColumn).data().toString(),
                 QStringLiteral("Rejected"));
        QCOMPARE(model.index(row, 0).data(models::HistoryModel::StatusRole).toString(),
                 QStringLiteral("rejected"));
    }

    // Dragging the scroll bar to the end or the middle reads that page with one query (from the nearer
    // end), never a walk from the top; what it shows agrees with a plain ORDER BY.
    void farJumpsAreOneQuery()
    {
        models::HistoryModel model(m_reader);
        model.setPageSize(50);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        for (auto sort : {HistorySort::Date, HistorySort::Amount}) {
            for (auto order : {SortOrder::Descending, SortOrder::Ascending}) {
                model.setSort(sort, order);
                const QStringList expected = plainOrder(sort, order);
                QCOMPARE(model.rowCount(), expected.size());
                const int n = model.rowCount();
                for (int row : {n - 1, n / 2, n / 2 + 77, n / 3, 1234, n - 60, 0}) {
                    const quint64 before = model.pageQueries();
                    QCOMPARE(model.index(row, 0).data(models::HistoryModel::PaymentIdRole).toString(),
                             expected.at(row));
                    QVERIFY2(model.pageQueries() <= before + 1, "a jump is one page query");
                }
                // The neighbours of a jumped-to page come by keyset from its edges, in both directions.
                for (int row = n / 2 - 120; row < n / 2 + 120; ++row)
                    QCOMPARE(model.index(row, 0).data(models::HistoryModel::PaymentIdRole).toString(),
                             expected.at(row));
            }
        }
        storage::HistoryFilter filter;
        filter.searchText = QStringLiteral("商店3");
        model.setSort(HistorySort::Date, SortOrder::Descending);
        model.setFilter(filter);
        const QStringList expected = plainOrder(HistorySort::Date, SortOrder::Descending,
                                                QStringLiteral("WHERE merchant_name_zh = '商店3'"));
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(model.index(model.rowCount() - 1, 0).data(models::HistoryModel::PaymentIdRole).toString(),
                 expected.last());
        QCOMPARE(model.index(model.rowCount() / 2, 0).data(models::HistoryModel::PaymentIdRole).toString(),
                 expected.at(model.rowCount() / 2));
        QVERIFY(!model.lastError());
    }

    // A card-funded payment (balance change 0, debit ¥50.00) shows -¥50.00 and sorts among the -50.00 rows;
    // its balance change stays 0 in AmountMinorRole.
    void cardPaymentShowsItsDebit()
    {
        HistoryRow card = makeRow(90001, kBaseMs + 100'000);
        card.paymentId = QStringLiteral("pay_card_debit");
        card.kind = QStringLiteral("payment");
        card.amountMinor = 0;
        card.debitMinor = 5000;
        card.debitCurrency = QStringLiteral("CNY");
        HistoryRow cash = makeRow(90002, kBaseMs + 100'000);
        cash.paymentId = QStringLiteral("pay_cash_5000");
        cash.kind = QStringLiteral("payment");
        cash.amountMinor = -5000;
        QVERIFY(storage::HistoryStore(m_writer).upsertBatch({card, cash}).ok());

        models::HistoryModel model(m_reader);
        model.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        model.setSort(HistorySort::Amount, SortOrder::Ascending);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        int cardRow = -1;
        int cashRow = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QString id = model.index(r, 0).data(models::HistoryModel::PaymentIdRole).toString();
            if (id == card.paymentId)
                cardRow = r;
            if (id == cash.paymentId)
                cashRow = r;
        }
        QVERIFY(cardRow >= 0 && cashRow >= 0);
        QCOMPARE(std::abs(cardRow - cashRow), 1); // same shown amount, same time: neighbours
        const QModelIndex amount = model.index(cardRow, models::HistoryModel::AmountColumn);
        QCOMPARE(amount.data().toString(), core::Money(-5000, *core::Currency::fromCode(u"CNY"))
                                               .format(QLocale(QLocale::English, QLocale::UnitedStates)));
        QCOMPARE(amount.data(models::HistoryModel::ShownAmountMinorRole).toLongLong(), qint64(-5000));
        QCOMPARE(amount.data(models::HistoryModel::AmountMinorRole).toLongLong(), qint64(0));
        QCOMPARE(amount.data(models::HistoryModel::DebitMinorRole).toLongLong(), qint64(5000));
        // The whole column is in shown-amount order.
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, 0).data(models::HistoryModel::ShownAmountMinorRole).toLongLong() <=
                    model.index(r, 0).data(models::HistoryModel::ShownAmountMinorRole).toLongLong());
        storage::HistoryFilter exact;
        exact.minAmountMinor = -5000;
        exact.maxAmountMinor = -5000;
        model.setFilter(exact);
        QStringList shown = modelOrder(model);
        QVERIFY(shown.contains(card.paymentId));
        QCOMPARE(qint64(shown.size()), m_writer
                                           .scalar(QStringLiteral("SELECT count(*) FROM history WHERE "
                                                                  "shown_minor = -5000"))
                                           .value()
                                           .toLongLong());
    }

    // A sync page of 1000 new rows arrives as insertions (a run of newer rows is ONE insertion) in every
    // sort, unfiltered and filtered, never a reset.
    void syncPageOf1000RowsIsInserted()
    {
        struct Case
        {
            HistorySort sort;
            SortOrder order;
            storage::HistoryFilter filter;
            QString where;
        };
        storage::HistoryFilter transfers;
        transfers.kinds = {QStringLiteral("transfer")};
        storage::HistoryFilter search;
        search.searchText = QStringLiteral("商店");
        const QVector<Case> cases = {
            {HistorySort::Date, SortOrder::Descending, {}, {}},
            {HistorySort::Date, SortOrder::Ascending, {}, {}},
            {HistorySort::Amount, SortOrder::Descending, {}, {}},
            {HistorySort::Amount, SortOrder::Ascending, {}, {}},
            {HistorySort::Date, SortOrder::Descending, transfers, QStringLiteral("WHERE kind = 'transfer'")},
            {HistorySort::Amount, SortOrder::Ascending, search,
             QStringLiteral("WHERE merchant_name_zh LIKE '商店%'")},
        };
        qint64 t = kBaseMs + 10'000'000;
        int fileNo = 0;
        for (const Case &c : cases) {
            // Its own small file each: QAbstractItemModelTester re-checks every row after each insertion,
            // and in the amount order the 1000 new rows land in up to 201 places among the 200 old ones.
            storage::WalletDatabase writer;
            storage::WalletDatabase reader;
            const QString file = m_dir.filePath(QStringLiteral("sync%1.sqlite").arg(++fileNo));
            QVERIFY(writer.open(file, testKey()).ok());
            QVERIFY(reader.open(file, testKey()).ok());
            QVector<qint64> base;
            for (int i = 0; i < 200; ++i)
                base.append(kBaseMs + i * 7000);
            addRows(base, &writer);
            models::HistoryModel model(reader);
            model.setPageSize(200);
            model.setSort(c.sort, c.order);
            model.setFilter(c.filter);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
            for (int r = 0; r < model.rowCount(); r += 150)
                (void)model.index(r, 1).data();
            QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
            QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
            QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
            const QStringList before = modelOrder(model);
            QVector<qint64> times;
            for (int i = 0; i < 1000; ++i)
                times.append(t + i * 1000);
            t += 2'000'000;
            services::HistoryChange change;
            change.insertedPaymentIds = addRows(times, &writer);
            QElapsedTimer timer;
            timer.start();
            model.applyChange(change);
            qInfo("sort %d order %d filtered %d: applyChange of 1000 new rows %lld ms (%lld insertions)",
                  int(c.sort), int(c.order), int(!c.filter.isEmpty()), timer.elapsed(),
                  qint64(inserted.count()));
            QCOMPARE(reset.count(), 0);
            QCOMPARE(removed.count(), 0);
            const QStringList after = plainOrder(c.sort, c.order, c.where, &writer);
            QCOMPARE(announcedRows(inserted), int(after.size() - before.size()));
            QVERIFY(after.size() > before.size());
            QCOMPARE(modelOrder(model), after);
            if (c.sort == HistorySort::Date && c.filter.isEmpty())
                QCOMPARE(inserted.count(), 1); // newer rows: one run at one end
        }
    }

    // An update that moves the row (amount order) or takes it out of / into the filter is a removal at its
    // old place and an insertion at its new one; one that does neither is dataChanged. Never a reset.
    void updatesMoveRowsNeverReset()
    {
        storage::HistoryStore store(m_writer);
        for (auto order : {SortOrder::Ascending, SortOrder::Descending}) {
            models::HistoryModel model(m_reader);
            model.setPageSize(64);
            model.setSort(HistorySort::Amount, order);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
            for (int r = 0; r < model.rowCount(); r += 50)
                (void)model.index(r, 1).data();
            QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
            services::HistoryChange change;
            for (int r : {3, 700, 1500, model.rowCount() - 2}) {
                const QString id = model.index(r, 0).data(models::HistoryModel::PaymentIdRole).toString();
                const HistoryRow old = store.get(id).value().value();
                HistoryRow changed = old;
                changed.amountMinor = old.amountMinor > 0 ? -777 : 888; // moves far
                changed.updatedAtMs += 5000;
                QVERIFY(store.upsert(changed).ok());
                change.updatedPaymentIds.append(id);
                change.rows.append({changed, old.status, old});
            }
            // And one whose amount does not change: dataChanged only.
            const QString same = model.index(10, 0).data(models::HistoryModel::PaymentIdRole).toString();
            const HistoryRow sameOld = store.get(same).value().value();
            HistoryRow sameNew = sameOld;
            sameNew.status = QStringLiteral("processing");
            sameNew.updatedAtMs += 5000;
            QVERIFY(store.upsert(sameNew).ok());
            change.updatedPaymentIds.append(same);
            change.rows.append({sameNew, sameOld.status, sameOld});
            QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
            const int count = model.rowCount();
            model.applyChange(change);
            QCOMPARE(reset.count(), 0);
            QCOMPARE(model.rowCount(), count);
            QCOMPARE(modelOrder(model), plainOrder(HistorySort::Amount, order));
            const int sameRow = int(modelOrder(model).indexOf(same));
            QVERIFY(sameRow >= 0);
            QCOMPARE(model.index(sameRow, 0).data(models::HistoryModel::StatusRole).toString(),
                     QStringLiteral("processing"));
            QVERIFY(dataChanged.count() >= 1);
        }
        // A status filter: a row that leaves it is removed, one that enters is inserted.
        storage::HistoryFilter succeeded;
        succeeded.statuses = {QStringLiteral("succeeded")};
        models::HistoryModel model(m_reader);
        model.setFilter(succeeded);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        const QString leaving = model.index(4, 0).data(models::HistoryModel::PaymentIdRole).toString();
        const HistoryRow leaveOld = store.get(leaving).value().value();
        HistoryRow leaveNew = leaveOld;
        leaveNew.status = QStringLiteral("rejected");
        leaveNew.updatedAtMs += 9000;
        const QString entering = plainOrder(HistorySort::Date, SortOrder::Descending,
                                            QStringLiteral("WHERE status <> 'succeeded'"))
                                     .value(0);
        QVERIFY(!entering.isEmpty());
        const HistoryRow enterOld = store.get(entering).value().value();
        HistoryRow enterNew = enterOld;
        enterNew.status = QStringLiteral("succeeded");
        enterNew.updatedAtMs += 9000;
        QVERIFY(store.upsertBatch({leaveNew, enterNew}).ok());
        services::HistoryChange change;
        change.updatedPaymentIds = {leaving, entering};
        change.rows = {{leaveNew, leaveOld.status, leaveOld}, {enterNew, enterOld.status, enterOld}};
        model.applyChange(change);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(announcedRows(removed), 1);
        QCOMPARE(announcedRows(inserted), 1);
        QCOMPARE(modelOrder(model), plainOrder(HistorySort::Date, SortOrder::Descending,
                                               QStringLiteral("WHERE status = 'succeeded'")));
    }

    void changeNotToldStartsOver()
    {
        models::HistoryModel model(m_reader);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const int before = model.rowCount();
        // Another writer added two rows the model was not told about; then a change for one more arrives.
        addRows({kBaseMs + 5'000'000, kBaseMs + 5'001'000});
        services::HistoryChange change;
        change.insertedPaymentIds = addRows({kBaseMs + 5'002'000});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.applyChange(change);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), before + 3);
        QCOMPARE(modelOrder(model), sqlOrder(HistorySort::Date, SortOrder::Descending));
    }
};

QTEST_GUILESS_MAIN(TestModelsHistory)
#include "test_models_history.moc"
