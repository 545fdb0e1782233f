// HistoryService against the real stub (EmbeddedGateway over HTTP), the real keychain and a real wallet
// database: a sync of 10,000 feed entries with progress, interrupted twice (cancel(), then the service and
// the whole context destroyed mid-sync, i.e. an app restart) and resumed from the stored cursor, ending with
// exactly the feed's payments locally (no duplicates, no gaps), while a HistoryModel on its own GUI-thread
// connection follows with row insertions; a held transfer approved through /v1/dev/reviews updates its one
// local row; the directory models load from the gateway.
#include "keychain/data_key_provider.h"
#include "models/banks_model.h"
#include "models/history_model.h"
#include "models/merchants_model.h"
#include "models/payment_methods_model.h"
#include "payments_test_support.h"
#include "services/history_service.h"
#include "services_test_support.h"
#include "storage/history_store.h"
#include "storage/sync_state_store.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>

using namespace bw;
using namespace bw::services;
using namespace bw::services::test;

namespace {

// Every payment id of the wallet's feed, fetched page by page (the truth the local copy must match).
QSet<QString> feedPaymentIds(gateway::GatewayClient &client, qint64 *entries, QString *lastCursor)
{
    QSet<QString> ids;
    QString cursor;
    *entries = 0;
    for (;;) {
        auto page = awaitGateway<gateway::TransactionPage>(
            [&](auto done) { client.listTransactions(cursor, 1000, std::move(done)); });
        if (!page) {
            qWarning("listTransactions: %s", qPrintable(page.error().summary()));
            return {};
        }
        for (const gateway::Transaction &entry : page->data)
            ids.insert(entry.paymentId);
        *entries += page->data.size();
        if (!page->nextCursor.isEmpty())
            cursor = page->nextCursor;
        if (!page->hasMore)
            break;
    }
    *lastCursor = cursor;
    return ids;
}

struct LocalHistory
{
    qint64 count = -1;
    QStringList paymentIds;
    QString cursor;
};

LocalHistory readLocal(ServiceContext &ctx, const QString &walletId)
{
    auto local = runOnDatabase<LocalHistory>(ctx.database(), [walletId](storage::WalletDatabase &db) {
        LocalHistory out;
        storage::HistoryStore store(db);
        auto count = store.count();
        if (!count)
            return out;
        out.count = count.value();
        std::optional<storage::HistoryKey> after;
        for (;;) {
            auto page = store.page(after, 1000, storage::HistorySort::Date, storage::SortOrder::Ascending);
            if (!page)
                return LocalHistory{};
            for (const auto &row : page->rows)
                out.paymentIds.append(row.paymentId);
            if (!page->hasMore)
                break;
            after = storage::HistoryStore::keyOf(page->rows.last(), storage::HistorySort::Date);
        }
        auto state = storage::SyncStateStore(db).get(walletId);
        if (state && state.value())
            out.cursor = state.value()->feedCursor;
        return out;
    });
    return local.value_or(LocalHistory{});
}

} // namespace

class TestServicesHistory : public QObject
{
    Q_OBJECT

private:
    // Money arrives `count` times (one feed entry each), many requests in flight over several connections
    // so the stub's group commit can batch them. Returns false on the first refusal.
    static bool createIncoming(ServicesFixture &fx, const TestWallet &w, int count, QString *error)
    {
        constexpr int kClients = 4;
        constexpr int kInFlightPerClient = 12;
        std::vector<std::unique_ptr<gateway::GatewayClient>> clients;
        for (int c = 0; c < kClients; ++c) {
            clients.push_back(std::make_unique<gateway::GatewayClient>());
            (void)clients.back()->setBaseUrl(fx.gatewayUrl());
        }
        int started = 0;
        int done = 0;
        bool failed = false;
        std::function<void(gateway::GatewayClient *)> next = [&](gateway::GatewayClient *client) {
            if (started >= count || failed)
                return;
            const int n = started++;
            const core::Money amount = ServicesFixture::cny(1 + n % 50);
            client->devIncoming(w.walletId, amount, QStringLiteral("Zhang Wei"),
                                [&, client](gateway::Result<gateway::Payment> paid) {
                                    ++done;
                                    if (!paid) {
                                        failed = true;
                                        *error = paid.error().summary();
                                        return;
                                    }
                                    if (paid->status != gateway::PaymentStatus::Succeeded) {
                                        failed = true;
                                        *error = QStringLiteral("incoming not succeeded: ") +
                                                 gateway::contractString(paid->status) + QLatin1Char(' ') +
                                                 paid->failureCode;
                                        return;
                                    }
                                    next(client);
                                });
        };
        for (auto &client : clients) {
            for (int k = 0; k < kInFlightPerClient; ++k)
                next(client.get());
        }
        if (!QTest::qWaitFor([&] { return done == started && (started == count || failed); }, 600000))
            *error = QStringLiteral("timed out after %1 of %2").arg(done).arg(count);
        return !failed && done == count;
    }

    static crypto::SecretBytes dataKey(ServiceContext &ctx)
    {
        auto key =
            awaitValue<keychain::DataKeyResult>([&](std::function<void(keychain::DataKeyResult)> done) {
                ctx.dataKeyProvider().requestKey(done);
            });
        if (!key || !key->result.ok())
            return {};
        return std::move(key->key);
    }

private Q_SLOTS:
    void syncTenThousandEntriesInterruptedAndResumed()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));

        constexpr int kEntries = 10000;
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY2(createIncoming(fx, w, kEntries, &error), qPrintable(error));
        qInfo("created %d feed entries over HTTP in %lld ms", kEntries, timer.elapsed());

        // --- run 1: cancelled after three pages ---
        {
            HistoryService history(fx.context());
            QCOMPARE(history.pageSize(), HistoryService::kDefaultPageSize);
            history.setPageSize(1000); // runs 1 and 2 count in pages of 1000; run 3 uses the default
            QSignalSpy progress(&history, &HistoryService::progress);
            QSignalSpy failed(&history, &HistoryService::failed);
            QSignalSpy finished(&history, &HistoryService::finished);
            connect(&history, &HistoryService::progress, &history, [&history](qint64 synced, bool) {
                if (synced == 3000)
                    history.cancel();
            });
            timer.restart();
            QVERIFY(history.sync());
            QVERIFY(history.isSyncing());
            QVERIFY(!history.sync()); // one at a time
            QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
            QCOMPARE(finished.count(), 0);
            QCOMPARE(failed.first().first().value<ServiceError>().code, HistoryService::kCancelled);
            QVERIFY(!failed.first().first().value<ServiceError>().userMessage().isEmpty());
            QCOMPARE(progress.count(), 3);
            for (int i = 0; i < 3; ++i) {
                QCOMPARE(progress.at(i).at(0).toLongLong(), qint64(1000 * (i + 1)));
                QCOMPARE(progress.at(i).at(1).toBool(), true);
            }
            QVERIFY(!history.isSyncing());
            qInfo("run 1: 3000 entries in %lld ms", timer.elapsed());
        }
        LocalHistory local = readLocal(fx.context(), w.walletId);
        QCOMPARE(local.count, qint64(3000));
        QVERIFY(!local.cursor.isEmpty());

        // --- run 2: the service and its whole context are destroyed mid-sync (an app that quits or dies),
        // with the next page's request in flight ---
        {
            auto history = std::make_unique<HistoryService>(fx.context());
            history->setPageSize(1000);
            QSignalSpy progress(history.get(), &HistoryService::progress);
            QVERIFY(history->sync());
            QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 2, 60000);
            QCOMPARE(progress.at(1).at(0).toLongLong(), qint64(2000)); // counts this run's entries
            history.reset();
        }
        fx.recreateContext(); // the worker finishes what it was given, closes the file
        QVERIFY2(fx.signIn(w), qPrintable(fx.error()));
        VERIFY_SERVICE_OK(
            awaitDone([&](ServiceDone done) { fx.context().openStorage(nullptr, std::move(done)); }));
        local = readLocal(fx.context(), w.walletId);
        QVERIFY2(local.count >= 5000 && local.count < kEntries, qPrintable(QString::number(local.count)));
        QCOMPARE(local.count % 1000, qint64(0)); // whole pages only: rows and cursor move together
        const qint64 beforeResume = local.count;

        // --- run 3: a fresh service on the restarted context resumes from the stored cursor; a model on its
        // own GUI-thread connection follows with row insertions ---
        storage::WalletDatabase reader;
        const crypto::SecretBytes key = dataKey(fx.context());
        QCOMPARE(key.size(), qsizetype(32));
        const storage::Status readerOpened = reader.open(fx.context().databasePath(), key);
        QVERIFY2(readerOpened.ok(), qPrintable(readerOpened.error().detail));
        models::HistoryModel model(reader);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(qint64(model.rowCount()), beforeResume);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        HistoryService history(fx.context());
        model.attach(&history);
        QSignalSpy progress(&history, &HistoryService::progress);
        QSignalSpy finished(&history, &HistoryService::finished);
        QSignalSpy failed(&history, &HistoryService::failed);
        QSignalSpy newRows(&history, &HistoryService::newRows);
        timer.restart();
        QVERIFY(history.sync());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
        qInfo("run 3: %lld entries in %lld ms (with the model following)", kEntries - beforeResume,
              timer.elapsed());
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.first().first().toLongLong(), kEntries - beforeResume);
        QCOMPARE(progress.last().at(0).toLongLong(), kEntries - beforeResume);
        QCOMPARE(progress.last().at(1).toBool(), false);
        qint64 announcedNew = 0;
        for (const auto &args : newRows)
            announcedNew += args.first().toStringList().size();
        QCOMPARE(announcedNew, kEntries - beforeResume);

        // The local copy is exactly the feed: same payments, each once, and the cursor is the feed's last.
        qint64 feedEntries = 0;
        QString feedCursor;
        const QSet<QString> feedIds = feedPaymentIds(fx.context().gateway(), &feedEntries, &feedCursor);
        QCOMPARE(feedEntries, qint64(kEntries));
        QCOMPARE(feedIds.size(), qsizetype(kEntries));
        local = readLocal(fx.context(), w.walletId);
        QCOMPARE(local.count, qint64(kEntries));
        const QSet<QString> localIds(local.paymentIds.cbegin(), local.paymentIds.cend());
        QCOMPARE(localIds.size(), qsizetype(local.paymentIds.size())); // no duplicates
        QCOMPARE(localIds, feedIds);                                   // no gaps
        QCOMPARE(local.cursor, feedCursor);

        // The model was told row by row (no reset) and shows what the store holds, in its order.
        QCOMPARE(reset.count(), 0);
        qint64 announced = 0;
        for (const auto &args : inserted)
            announced += args.at(2).toInt() - args.at(1).toInt() + 1;
        QCOMPARE(announced, kEntries - beforeResume);
        QCOMPARE(model.rowCount(), kEntries);
        QCOMPARE(model.index(0, 0).data(models::HistoryModel::KindRole).toString(),
                 QStringLiteral("incoming"));
        QCOMPARE(model.index(0, models::HistoryModel::CounterpartyColumn).data().toString(),
                 QStringLiteral("Zhang Wei"));
        QCOMPARE(model.index(kEntries - 1, 0).data(models::HistoryModel::PaymentIdRole).toString(),
                 local.paymentIds.first()); // oldest last in the newest-first model

        // Nothing new: a sync that finds nothing keeps the cursor and reports no rows.
        QVERIFY(history.sync());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(finished.last().first().toLongLong(), qint64(0));
        QCOMPARE(readLocal(fx.context(), w.walletId).cursor, feedCursor);
    }

    void approvedHeldTransferUpdatesItsOneRow()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w), qPrintable(fx.error()));
        QVERIFY2(fx.giveMoney(w, 5000), qPrintable(fx.error()));
        // A sender's name similar to a listed one: the transfer is held for review.
        auto held = awaitGateway<gateway::Payment>([&](auto done) {
            fx.devClient().devIncoming(w.walletId, ServicesFixture::cny(12345),
                                       QStringLiteral("Ivan Petrovich Sidorow"), std::move(done));
        });
        QVERIFY2(held.ok(), qPrintable(held.error().summary()));
        QCOMPARE(held->status, gateway::PaymentStatus::PendingReview);
        const QString paymentId = held->id;

        HistoryService history(fx.context());
        QSignalSpy finished(&history, &HistoryService::finished);
        QSignalSpy changes(&history, &HistoryService::rowsChanged);
        QVERIFY(history.sync());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.first().first().value<HistoryChange>().insertedPaymentIds.size(), 2);

        auto readRow = [&]() {
            return runOnDatabase<storage::Result<std::optional<storage::HistoryRow>>>(
                       fx.context().database(),
                       [paymentId](storage::WalletDatabase &db) {
                           return storage::HistoryStore(db).get(paymentId);
                       })
                .value();
        };
        auto row = readRow();
        QVERIFY(row.ok() && row.value());
        QCOMPARE(row.value()->status, QStringLiteral("pending_review"));
        QCOMPARE(row.value()->counterpartyName,
                 QStringLiteral("Ivan Petrovich Sidorow")); // opened from the seal
        QVERIFY(row.value()->merchantName.isEmpty());       // a person: sealed only

        // Staff approve it: the feed appends a second entry for the same payment.
        auto approved = awaitGateway<gateway::Payment>([&](auto done) {
            fx.devClient().devDecideReview(paymentId, gateway::ReviewDecision::Approve, std::move(done));
        });
        QVERIFY2(approved.ok(), qPrintable(approved.error().summary()));
        QCOMPARE(approved->status, gateway::PaymentStatus::Succeeded);

        QVERIFY(history.sync());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(finished.last().first().toLongLong(), qint64(1)); // one new feed entry
        QCOMPARE(changes.count(), 2);
        const HistoryChange change = changes.last().first().value<HistoryChange>();
        QCOMPARE(change.insertedPaymentIds, QStringList());
        QCOMPARE(change.updatedPaymentIds, QStringList({paymentId}));

        row = readRow();
        QVERIFY(row.ok() && row.value());
        QCOMPARE(row.value()->status, QStringLiteral("succeeded"));
        // The row now carries the newest entry's view of the payment.
        qint64 entries = 0;
        QString cursor;
        QCOMPARE(feedPaymentIds(fx.context().gateway(), &entries, &cursor).size(), qsizetype(2));
        QCOMPARE(entries, qint64(3));
        const LocalHistory local = readLocal(fx.context(), w.walletId);
        QCOMPARE(local.count, qint64(2)); // still one row for the payment
        QCOMPARE(local.cursor, cursor);
        QVERIFY(fx.ledgerBalanced());
    }

    // A card-funded merchant payment leaves the balance (the feed's amount) at 0; the feed's debit and
    // source put what the card paid, and which card, into the local row, so the history shows the cost.
    void cardPaymentRowCarriesTheDebitAndTheCard()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        EnrollOptions options;
        options.totp = true;
        options.debitCard = true;
        QVERIFY2(fx.enrollWallet(w, options), qPrintable(fx.error()));
        PaymentService payments(fx.context());
        auto pay = [&](const PaymentDraft &draft) {
            const PaymentActionId id = payments.requestQuote(draft);
            const QuoteState quote = awaitQuote(payments, id);
            if (quote.status != QuoteState::Status::Ready)
                return PaymentState();
            if (!payments.confirm(id, w.pin, quote.requiresOtp() ? fx.unusedTotp(w) : QString()))
                return PaymentState();
            return awaitPayment(payments, id);
        };
        const PaymentState topUp = pay(topUpFrom(w.debitCardId, 100'00));
        QVERIFY2(topUp.payment.has_value(), qPrintable(describe(topUp)));
        PaymentDraft byCard = merchantPayment(QStringLiteral("mer_lantern_coffee"), 25'00);
        byCard.source = w.debitCardId;
        const PaymentState card = pay(byCard);
        QVERIFY2(card.payment.has_value(), qPrintable(describe(card)));
        const PaymentState balance = pay(merchantPayment(QStringLiteral("mer_lantern_coffee"), 10'00));
        QVERIFY2(balance.payment.has_value(), qPrintable(describe(balance)));

        HistoryService history(fx.context());
        QSignalSpy finished(&history, &HistoryService::finished);
        QVERIFY(history.sync());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        auto rowOf = [&](const QString &paymentId) {
            auto row = runOnDatabase<storage::Result<std::optional<storage::HistoryRow>>>(
                           fx.context().database(),
                           [paymentId](storage::WalletDatabase &db) {
                               return storage::HistoryStore(db).get(paymentId);
                           })
                           .value();
            return row.ok() && row.value() ? *row.value() : storage::HistoryRow();
        };

        const storage::HistoryRow cardRow = rowOf(card.payment->id);
        QCOMPARE(cardRow.paymentId, card.payment->id);
        QCOMPARE(cardRow.amountMinor, qint64(0)); // the balance did not move
        QCOMPARE(cardRow.debitMinor, std::optional<qint64>(card.payment->debit.minorUnits()));
        QCOMPARE(cardRow.debitMinor, std::optional<qint64>(25'00));
        QCOMPARE(cardRow.debitCurrency, QStringLiteral("CNY"));
        QCOMPARE(cardRow.paymentMethodId, w.debitCardId);
        QCOMPARE(storage::shownAmountMinor(cardRow), qint64(-25'00));

        const storage::HistoryRow balanceRow = rowOf(balance.payment->id);
        QCOMPARE(balanceRow.amountMinor, qint64(-10'00));
        QCOMPARE(balanceRow.debitMinor, std::optional<qint64>(10'00));
        QVERIFY(balanceRow.paymentMethodId.isEmpty()); // paid from the balance
        QCOMPARE(storage::shownAmountMinor(balanceRow), qint64(-10'00));

        const storage::HistoryRow topUpRow = rowOf(topUp.payment->id);
        QCOMPARE(topUpRow.amountMinor, topUp.payment->credit.minorUnits()); // what reached the balance
        QCOMPARE(topUpRow.debitMinor, std::optional<qint64>(topUp.payment->debit.minorUnits()));
        QCOMPARE(topUpRow.paymentMethodId, w.debitCardId);
        QCOMPARE(storage::shownAmountMinor(topUpRow), topUpRow.amountMinor);
    }

    void refusesWithoutSession()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        HistoryService history(fx.context());
        QSignalSpy failed(&history, &HistoryService::failed);
        QVERIFY(history.sync());
        QTRY_COMPARE(failed.count(), 1);
        const ServiceError error = failed.first().first().value<ServiceError>();
        QCOMPARE(error.code, HistoryService::kNotSignedIn);
        QCOMPARE(error.userMessage(), QStringLiteral("Sign in to update your history."));
        QVERIFY(!history.isSyncing());
    }

    void directoryModelsLoadFromTheGateway()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet w;
        QVERIFY2(fx.enrollWallet(w, {.debitCard = true}), qPrintable(fx.error()));

        models::BanksModel banks;
        QAbstractItemModelTester banksTester(&banks, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy banksLoaded(&banks, &models::BanksModel::loaded);
        banks.load(fx.context().gateway());
        QVERIFY(banksLoaded.wait(30000));
        QVERIFY(banks.rowCount() >= 2);
        const int demo = banks.rowOf(QStringLiteral("bnk_demo"));
        QVERIFY(demo >= 0);
        banks.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(banks.index(demo).data().toString(), QStringLiteral("Demo Commercial Bank"));
        QCOMPARE(banks.index(demo).data(models::BanksModel::InitialsRole).toString(), QStringLiteral("DCB"));
        bool someUnsupported = false;
        for (int r = 0; r < banks.rowCount(); ++r)
            someUnsupported |= !banks.index(r).data(models::BanksModel::WalletSupportedRole).toBool();
        QVERIFY(someUnsupported); // the directory lists banks without wallets too

        models::MerchantsModel merchants;
        QAbstractItemModelTester merchantsTester(&merchants,
                                                 QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy merchantsLoaded(&merchants, &models::MerchantsModel::loaded);
        merchants.setLocale(QLocale(QLocale::Chinese, QLocale::China));
        merchants.load(fx.context().gateway());
        QVERIFY(merchantsLoaded.wait(30000));
        QVERIFY(merchants.rowCount() > 5);
        QCOMPARE(merchants.merchantAt(0).id, QStringLiteral("mer_lantern_coffee"));
        QCOMPARE(merchants.index(0, 0).data().toString(), QStringLiteral("灯笼咖啡烘焙坊"));
        merchants.setCategoryFilter(QStringLiteral("coffee"));
        QVERIFY(merchants.rowCount() >= 2);
        for (int r = 0; r < merchants.rowCount(); ++r)
            QCOMPARE(merchants.index(r, 0).data(models::MerchantsModel::CategoryRole).toString(),
                     QStringLiteral("coffee"));

        models::PaymentMethodsModel methods;
        QAbstractItemModelTester methodsTester(&methods,
                                               QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy methodsLoaded(&methods, &models::PaymentMethodsModel::loaded);
        methods.loadFromGateway(fx.context().gateway());
        QVERIFY(methodsLoaded.wait(30000));
        QCOMPARE(methods.rowCount(), 1);
        QCOMPARE(methods.index(0, models::PaymentMethodsModel::MethodColumn).data().toString(),
                 QStringLiteral("UnionPay debit card"));
        QCOMPARE(methods.index(0, models::PaymentMethodsModel::NumberColumn).data().toString(),
                 QStringLiteral("•••• 1232"));
        QCOMPARE(methods.index(0, 0).data(models::PaymentMethodsModel::IdRole).toString(), w.debitCardId);
    }
};

QTEST_GUILESS_MAIN(TestServicesHistory)
#include "test_services_history.moc"
