// Crash recovery of PaymentService (label "stub"): the process "dies" in the middle of a payment —
// simulated by destroying the service AND its context (GatewayClient, database worker) — and a fresh
// context and service on the same data folder, database file and keychain entries settle it with
// reconcile(). The stub runs on a ManualClock, so the quote's 60 s are passed by moving the clock.
//  1. answerLost: the request reached the bank (the stub holds its answer back with --latency-ms), the
//     process died before the answer was handled → after reconcile() the payment exists exactly once
//     locally (history row + in-flight record reconciled) and exactly once at the bank.
//  2. neverSent: the process died right after the attempt was recorded, before anything was sent → the
//     bank has nothing; while the quote lives the record waits, once it has expired it is abandoned, and
//     the bank still has no payment.
//  3. bankDown: the stub is stopped while the user confirms; the service gives up resending, the process
//     dies, the stub comes back → reconcile() waits for the quote to expire and abandons: zero payments.
#include "payments_test_support.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using namespace bw;
using namespace bw::services;
using namespace bw::services::test;

namespace {

const QString kCoffee = QStringLiteral("mer_lantern_coffee");

// How many payments the stub's own database holds for a quote (read-only, beside the running stub: only
// a test may look there; it shows whether the request reached the bank without asking over HTTP, whose
// answers are held back in this test).
int stubPaymentsForQuote(const QString &dbPath, const QString &quoteId)
{
    const QString name = QStringLiteral("stub-reader-%1").arg(quintptr(&dbPath));
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT COUNT(*) FROM payments WHERE quote_id = ?"));
            query.addBindValue(quoteId);
            if (query.exec() && query.next())
                count = query.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace

class TestServicesRecovery : public QObject
{
    Q_OBJECT

private:
    // A fresh process on the same files: new context, storage opened, signed in, a new service.
    std::unique_ptr<PaymentService> restartApp(ServicesFixture &fx, TestWallet &wallet)
    {
        fx.recreateContext();
        if (!fx.openStorage() || !fx.signIn(wallet))
            return nullptr;
        return fx.makeService();
    }

    // The bank's view: payments made with this quote (GET /v1/payments?quote_id) and feed entries of it.
    void checkBank(ServicesFixture &fx, const QString &quoteId, int expected, const QString &paymentId = {})
    {
        auto found = awaitGateway<std::optional<gateway::Payment>>(
            [&](auto done) { fx.context().gateway().findPaymentByQuote(quoteId, std::move(done)); });
        QVERIFY2(found.ok(), qPrintable(found.error().summary()));
        QCOMPARE(found->has_value(), expected == 1);
        if (expected == 1 && !paymentId.isEmpty())
            QCOMPARE(found.value()->id, paymentId);
        const auto feed = fx.wholeFeed();
        QVERIFY(feed.has_value());
        // The wallet's only outgoing money movements in these tests are the one under test.
        QSet<QString> payments;
        for (const gateway::Transaction &entry : *feed)
            if (entry.kind == QLatin1String("payment"))
                payments.insert(entry.paymentId);
        QCOMPARE(payments.size(), expected);
        if (expected == 1 && !paymentId.isEmpty())
            QVERIFY(payments.contains(paymentId));
        QCOMPARE(stubPaymentsForQuote(fx.stubDbPath(), quoteId), expected);
    }

    PaymentActionId readyQuote(PaymentService &service, qint64 amount)
    {
        const PaymentActionId id = service.requestQuote(merchantPayment(kCoffee, amount));
        const QuoteState quote = awaitQuote(service, id);
        return quote.status == QuoteState::Status::Ready ? id : 0;
    }

private Q_SLOTS:
    void answerLost()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet wallet;
        QVERIFY2(fx.enrollWallet(wallet, {.totp = true}), qPrintable(fx.error()));
        QVERIFY2(fx.giveMoney(wallet, 1'000'00), qPrintable(fx.error()));
        // The bank now answers 1.5 s after it has committed.
        QVERIFY2(fx.restartStub({.latencyMs = 1500}), qPrintable(fx.error()));

        auto service = fx.makeService();
        const PaymentActionId id = readyQuote(*service, 42'00);
        QVERIFY(id != 0);
        const QuoteState quote = service->quoteState(id);
        QVERIFY(service->confirm(id, wallet.pin, quote.requiresOtp() ? fx.unusedTotp(wallet) : QString()));
        QTRY_COMPARE_WITH_TIMEOUT(service->paymentState(id).phase, PaymentPhase::Sending, 10000);
        const QString key = service->paymentState(id).idempotencyKey;
        // The bank has committed the payment; its answer is still held back.
        QTRY_COMPARE_WITH_TIMEOUT(stubPaymentsForQuote(fx.stubDbPath(), quote.quote.quoteId), 1, 10000);
        QCOMPARE(service->paymentState(id).phase, PaymentPhase::Sending);
        const auto before = fx.inFlight(key);
        QVERIFY(before.has_value());
        QVERIFY(before->state == storage::InFlightState::Sent ||
                before->state == storage::InFlightState::Recorded);

        // The process dies: service, client and database worker go, the answer is never handled.
        service.reset();
        fx.destroyContext();

        TestWallet again = wallet;
        auto fresh = restartApp(fx, again);
        QVERIFY2(fresh, qPrintable(fx.error()));
        QCOMPARE(fx.unfinishedInFlight(), 1);
        QSignalSpy states(fresh.get(), &PaymentService::paymentStateChanged);
        QSignalSpy finished(fresh.get(), &PaymentService::reconcileFinished);
        fresh->reconcile();
        QVERIFY(finished.wait(20000));
        const auto summary = finished.first().first().value<ReconcileSummary>();
        QCOMPARE(summary.examined, 1);
        QCOMPARE(summary.reconciled, 1);
        QCOMPARE(summary.abandoned, 0);
        const PaymentState recovered = states.last().at(1).value<PaymentState>();
        QVERIFY2(recovered.phase == PaymentPhase::Succeeded, qPrintable(describe(recovered)));
        QVERIFY(recovered.recovered);
        QCOMPARE(recovered.idempotencyKey, key);
        QVERIFY(!recovered.userMessage().isEmpty());

        // Exactly once locally: the in-flight record reconciled with the payment, one history row.
        const auto record = fx.inFlight(key);
        QCOMPARE(record->state, storage::InFlightState::Reconciled);
        QCOMPARE(record->paymentId, recovered.payment->id);
        QCOMPARE(record->answerStatus, QStringLiteral("succeeded"));
        QCOMPARE(fx.unfinishedInFlight(), 0);
        QVERIFY(fx.localHistory(recovered.payment->id).has_value());
        storage::HistoryFilter payments;
        payments.kinds = {QStringLiteral("payment")};
        QCOMPARE(fx.localHistoryCount(payments), qint64(1));
        // And exactly once at the bank.
        checkBank(fx, quote.quote.quoteId, 1, recovered.payment->id);
        QVERIFY(fx.ledgerCheck()->balanced);

        // A second reconcile() finds nothing left to do.
        QSignalSpy second(fresh.get(), &PaymentService::reconcileFinished);
        fresh->reconcile();
        QVERIFY(second.wait(20000));
        QCOMPARE(second.first().first().value<ReconcileSummary>().examined, 0);
    }

    void neverSent()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet wallet;
        QVERIFY2(fx.enrollWallet(wallet, {.totp = true}), qPrintable(fx.error()));
        QVERIFY2(fx.giveMoney(wallet, 1'000'00), qPrintable(fx.error()));

        auto service = fx.makeService();
        const PaymentActionId id = readyQuote(*service, 15'00);
        QVERIFY(id != 0);
        const QString quoteId = service->quoteState(id).quote.quoteId;
        QVERIFY(service->confirm(id, wallet.pin, fx.unusedTotp(wallet)));
        const QString key = service->paymentState(id).idempotencyKey;
        QCOMPARE(service->paymentState(id).phase, PaymentPhase::Recording);
        // Dies at once: the record is written (the worker finishes its queue), nothing is sent.
        service.reset();
        fx.destroyContext();

        TestWallet again = wallet;
        auto fresh = restartApp(fx, again);
        QVERIFY2(fresh, qPrintable(fx.error()));
        QCOMPARE(fx.inFlight(key)->state, storage::InFlightState::Recorded);
        QSignalSpy states(fresh.get(), &PaymentService::paymentStateChanged);
        QSignalSpy finished(fresh.get(), &PaymentService::reconcileFinished);
        fresh->reconcile();
        QVERIFY(finished.wait(20000));
        auto summary = finished.first().first().value<ReconcileSummary>();
        QCOMPARE(summary.examined, 1);
        QCOMPARE(summary.waiting, 1); // the quote still lives: not yet final
        const PaymentActionId recoveredId = states.first().first().value<PaymentActionId>();
        QCOMPARE(fresh->paymentState(recoveredId).phase, PaymentPhase::Unknown);
        QVERIFY(!fresh->paymentState(recoveredId).userMessage().isEmpty());
        QCOMPARE(fx.inFlight(key)->state, storage::InFlightState::Recorded);

        // The quote expires at the bank; the next look settles it: nothing happened.
        fx.clock->advance(65);
        const PaymentState end = awaitPayment(*fresh, recoveredId, 20000);
        QVERIFY2(end.phase == PaymentPhase::Abandoned, qPrintable(describe(end)));
        QVERIFY(end.recovered);
        QVERIFY(!end.madePayment());
        QVERIFY(end.userMessage().contains(QStringLiteral("nothing was paid")));
        QCOMPARE(fx.inFlight(key)->state, storage::InFlightState::Abandoned);
        QCOMPARE(fx.unfinishedInFlight(), 0);
        QCOMPARE(fx.localHistoryCount(), qint64(0));
        checkBank(fx, quoteId, 0);
        QVERIFY(fx.ledgerCheck()->balanced);
    }

    void bankDown()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        TestWallet wallet;
        QVERIFY2(fx.enrollWallet(wallet, {.totp = true}), qPrintable(fx.error()));
        QVERIFY2(fx.giveMoney(wallet, 1'000'00), qPrintable(fx.error()));
        gateway::RetryPolicy fast;
        fast.maxAttempts = 2;
        fast.baseDelay = std::chrono::milliseconds(10);
        fast.maxDelay = std::chrono::milliseconds(20);
        fx.context().gateway().setRetryPolicy(fast);

        auto service = fx.makeService();
        PaymentServiceOptions options = service->options();
        options.maxResends = 2;
        service->setOptions(options);
        const PaymentActionId id = readyQuote(*service, 16'00);
        QVERIFY(id != 0);
        const QString quoteId = service->quoteState(id).quote.quoteId;
        fx.stopStub(); // the bank is unreachable from now on
        QVERIFY(service->confirm(id, wallet.pin, fx.unusedTotp(wallet)));
        const PaymentState lost = awaitPayment(*service, id, 20000, true);
        QVERIFY2(lost.phase == PaymentPhase::Unknown, qPrintable(describe(lost)));
        QCOMPARE(lost.error.kind, gateway::ErrorKind::Network);
        const QString key = lost.idempotencyKey;
        service.reset();
        fx.destroyContext();

        QVERIFY2(fx.restartStub({}), qPrintable(fx.error()));
        TestWallet again = wallet;
        auto fresh = restartApp(fx, again);
        QVERIFY2(fresh, qPrintable(fx.error()));
        QSignalSpy states(fresh.get(), &PaymentService::paymentStateChanged);
        QSignalSpy finished(fresh.get(), &PaymentService::reconcileFinished);
        fresh->reconcile();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().first().value<ReconcileSummary>().waiting, 1);
        const PaymentActionId recoveredId = states.first().first().value<PaymentActionId>();
        fx.clock->advance(65);
        const PaymentState end = awaitPayment(*fresh, recoveredId, 20000);
        QVERIFY2(end.phase == PaymentPhase::Abandoned, qPrintable(describe(end)));
        QCOMPARE(fx.inFlight(key)->state, storage::InFlightState::Abandoned);
        checkBank(fx, quoteId, 0);
        QVERIFY(fx.ledgerCheck()->balanced);
    }
};

QTEST_GUILESS_MAIN(TestServicesRecovery)
#include "test_services_recovery.moc"
