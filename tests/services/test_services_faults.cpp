// Exactly-once payments through PaymentService under the stub's REAL fault flags (label "stub"). One
// wallet (tier 1, funded, a known merchant so the PIN alone confirms) makes payments in concurrent batches
// while the stub is restarted on the same database with, in turn:
//  1. --latency-ms 400 with the client's total timeout at 150 ms: every answer arrives too late, the
//     service resends with the same key, gives up, and learns each payment's fate by quote id once the
//     network is fast again (the test raises the timeout);
//  2. --fail-rate 0.3: 503 injected_fault on any request (quotes are simply asked again);
//  3. --drop-after-commit-rate 0.3: the bank commits and closes the connection without an answer.
// At the end, on a fault-free stub: payments attempted (confirmed actions) = payments at the stub (distinct
// payment ids in the feed) = payments in the local history, no duplicates (a payment no attempt accounts
// for, or one claimed by two attempts), nothing left in flight after reconcile(), and GET
// /v1/dev/ledger/check balanced. An attempt whose request never left the client's queue before its time
// limit (possible only in phase 1) is settled as Abandoned after the quote's expiry and must have no payment
// at the bank; such attempts are counted apart (normally 0). The figures are printed with qInfo.
#include "payments_test_support.h"

#include <QHash>
#include <QRandomGenerator>

using namespace bw;
using namespace bw::services;
using namespace bw::services::test;

namespace {

const QString kCoffee = QStringLiteral("mer_lantern_coffee");
constexpr int kBatch = 10;
// QNetworkAccessManager opens at most 6 connections to a host; more requests would wait in its queue, where
// a 150 ms limit could expire before they are even sent.
constexpr int kLatencyBatch = 6;

gateway::RetryPolicy fastRetries(int attempts)
{
    gateway::RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelay = std::chrono::milliseconds(10);
    policy.maxDelay = std::chrono::milliseconds(80);
    return policy;
}

} // namespace

class TestServicesFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServicesFixture> m_fx;
    std::unique_ptr<PaymentService> m_service;
    TestWallet m_wallet;
    QRandomGenerator m_rng{20251126};
    int m_attempted = 0;
    int m_quoteRetries = 0;
    int m_resends = 0;   // payments sent again with the same key after a lost answer (per phase)
    int m_abandoned = 0; // attempts that never reached the bank (settled as Abandoned, nothing paid)
    QHash<QString, QString> m_paymentByKey; // Idempotency-Key → payment id (from the service)
    QHash<QString, int> m_outcomes;         // final phase name → count

    // Quotes for `count` payments, asking again for those the faults swallowed; the ready action ids.
    QList<PaymentActionId> quotes(int count)
    {
        QList<PaymentActionId> ready;
        for (int round = 0; round < 30 && ready.size() < count; ++round) {
            QList<PaymentActionId> asked;
            for (qsizetype i = ready.size(); i < count; ++i)
                asked.append(m_service->requestQuote(merchantPayment(kCoffee, 1'00 + m_rng.bounded(1'900))));
            (void)QTest::qWaitFor(
                [&] {
                    for (PaymentActionId id : asked)
                        if (m_service->quoteState(id).status == QuoteState::Status::Requesting)
                            return false;
                    return true;
                },
                30000);
            for (PaymentActionId id : asked) {
                const QuoteState state = m_service->quoteState(id);
                if (state.status == QuoteState::Status::Ready && !state.requiresOtp()) {
                    ready.append(id);
                } else {
                    ++m_quoteRetries;
                    m_service->forget(id);
                }
            }
        }
        return ready;
    }

    // Confirms them all at once; false when one could not be confirmed.
    bool confirmAll(const QList<PaymentActionId> &ids)
    {
        for (PaymentActionId id : ids) {
            if (!m_service->confirm(id, m_wallet.pin))
                return false;
            ++m_attempted;
        }
        return true;
    }

    bool waitAll(const QList<PaymentActionId> &ids, bool untilUnknown, int timeoutMs)
    {
        return QTest::qWaitFor(
            [&] {
                for (PaymentActionId id : ids) {
                    const PaymentState state = m_service->paymentState(id);
                    if (!(state.isFinal() || (untilUnknown && state.phase == PaymentPhase::Unknown)))
                        return false;
                }
                return true;
            },
            timeoutMs);
    }

    // Waits for every action to settle. A payment whose request never reached the bank (the client's time
    // limit ran out while it was still queued) stays Unknown while its quote lives: the stub's clock is then
    // moved past the quote's expiry, so the service settles it as Abandoned (nothing was paid).
    bool settle(const QList<PaymentActionId> &ids, int timeoutMs)
    {
        if (waitAll(ids, false, timeoutMs))
            return true;
        for (PaymentActionId id : ids)
            if (m_service->paymentState(id).phase != PaymentPhase::Unknown &&
                !m_service->paymentState(id).isFinal())
                return false;
        m_fx->clock->advance(65);
        return waitAll(ids, false, 30000);
    }

    // Records each final state: a payment (Succeeded), or Abandoned with no payment at the bank for its
    // quote.
    void collect(const QList<PaymentActionId> &ids)
    {
        for (PaymentActionId id : ids) {
            const PaymentState state = m_service->paymentState(id);
            m_outcomes[paymentPhaseName(state.phase)] += 1;
            if (state.phase == PaymentPhase::Abandoned) {
                ++m_abandoned;
                auto found = awaitGateway<std::optional<gateway::Payment>>([&](auto done) {
                    m_fx->context().gateway().findPaymentByQuote(state.quoteId, std::move(done));
                });
                QVERIFY2(found.ok(), qPrintable(found.error().summary()));
                QVERIFY2(!found->has_value(), "an abandoned attempt has a payment at the bank");
                m_service->forget(id);
                continue;
            }
            QVERIFY2(state.phase == PaymentPhase::Succeeded, qPrintable(describe(state)));
            QVERIFY2(!m_paymentByKey.contains(state.idempotencyKey), qPrintable(state.idempotencyKey));
            m_paymentByKey.insert(state.idempotencyKey, state.payment->id);
            m_service->forget(id);
        }
    }

    void runBatches(int payments)
    {
        for (int done = 0; done < payments; done += kBatch) {
            const QList<PaymentActionId> ids = quotes(std::min(kBatch, payments - done));
            QCOMPARE(ids.size(), std::min(kBatch, payments - done));
            QVERIFY(confirmAll(ids));
            QVERIFY2(settle(ids, 30000), "payments did not settle in time");
            collect(ids);
            if (QTest::currentTestFailed())
                return;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx = std::make_unique<ServicesFixture>();
        QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
        QVERIFY2(m_fx->enrollWallet(m_wallet, {.totp = true}), qPrintable(m_fx->error()));
        QVERIFY2(m_fx->setTier(m_wallet, 1), qPrintable(m_fx->error())); // no payment limits
        QVERIFY2(m_fx->giveMoney(m_wallet, 100'000'00), qPrintable(m_fx->error()));
        m_service = m_fx->makeService();
        connect(m_service.get(), &PaymentService::paymentStateChanged, this,
                [this](PaymentActionId, const PaymentState &state) {
                    if (state.phase == PaymentPhase::Sending && state.error.isError())
                        ++m_resends;
                });
        // The first payment to the merchant needs the second factor; later ones the PIN only.
        const PaymentActionId id = m_service->requestQuote(merchantPayment(kCoffee, 5'00));
        const QuoteState quote = awaitQuote(*m_service, id);
        QVERIFY2(quote.status == QuoteState::Status::Ready, qPrintable(quote.error.summary()));
        QVERIFY(m_service->confirm(id, m_wallet.pin,
                                   quote.requiresOtp() ? m_fx->unusedTotp(m_wallet) : QString()));
        ++m_attempted;
        QVERIFY(waitAll({id}, false, 20000));
        collect({id});
    }

    void latencyBeyondClientTimeout()
    {
        QVERIFY2(m_fx->restartStub({.latencyMs = 400, .seed = 11}), qPrintable(m_fx->error()));
        auto &client = m_fx->context().gateway();
        PaymentServiceOptions options = m_service->options();
        options.maxResends = 2;
        m_service->setOptions(options);
        for (int batch = 0; batch < 4; ++batch) {
            client.setTotalTimeout(std::chrono::milliseconds(5000)); // quotes need their answers
            client.setRetryPolicy(fastRetries(2));
            const QList<PaymentActionId> ids = quotes(kLatencyBatch);
            QCOMPARE(ids.size(), kLatencyBatch);
            client.setTotalTimeout(std::chrono::milliseconds(150)); // every answer now comes too late
            QVERIFY(confirmAll(ids));
            QVERIFY2(waitAll(ids, true, 60000), "the service did not give up resending");
            for (PaymentActionId id : ids)
                QVERIFY2(m_service->paymentState(id).phase == PaymentPhase::Unknown,
                         qPrintable(describe(m_service->paymentState(id))));
            QCOMPARE(m_service->unsettledCount(), kLatencyBatch);
            // The network is fast enough again: the service's own checks find each payment by quote id.
            client.setTotalTimeout(std::chrono::milliseconds(5000));
            QVERIFY2(settle(ids, 15000), "the unknown payments were not reconciled");
            collect(ids);
            if (QTest::currentTestFailed())
                return;
        }
        options.maxResends = PaymentServiceOptions().maxResends;
        m_service->setOptions(options);
    }

    void failRate()
    {
        QVERIFY2(m_fx->restartStub({.failRate = 0.3, .seed = 12}), qPrintable(m_fx->error()));
        m_fx->context().gateway().setTotalTimeout(std::chrono::milliseconds(10000));
        m_fx->context().gateway().setRetryPolicy(fastRetries(4));
        m_resends = 0;
        runBatches(140);
        qInfo("fail-rate phase: %d resends with the same key", m_resends);
    }

    void dropAfterCommit()
    {
        QVERIFY2(m_fx->restartStub({.dropAfterCommitRate = 0.3, .seed = 13}), qPrintable(m_fx->error()));
        m_resends = 0;
        const quint64 retriesBefore = m_fx->context().gateway().retryCount();
        runBatches(140);
        const quint64 retries = m_fx->context().gateway().retryCount() - retriesBefore;
        qInfo("drop-after-commit phase: %d resends by the service, %llu retries by the client", m_resends,
              static_cast<unsigned long long>(retries));
        // Drops really happened and were answered by replays (else this phase proves nothing).
        QVERIFY(m_resends + retries > 0);
    }

    void everythingExactlyOnce()
    {
        QVERIFY2(m_fx->restartStub({}), qPrintable(m_fx->error()));
        QVERIFY(m_attempted >= 300);
        QVERIFY(m_service->unsettledCount() == 0);
        // Nothing left in flight once the answered records are booked.
        QSignalSpy finished(m_service.get(), &PaymentService::reconcileFinished);
        m_service->reconcile();
        QVERIFY(finished.wait(30000));
        const auto summary = finished.first().first().value<ReconcileSummary>();
        QCOMPARE(summary.abandoned, 0);
        QCOMPARE(summary.waiting, 0);
        QCOMPARE(m_fx->unfinishedInFlight(), 0);

        // At the bank: every payment of the feed, by payment id (the feed repeats a payment on change).
        const auto feed = m_fx->wholeFeed();
        QVERIFY2(feed.has_value(), qPrintable(m_fx->error()));
        QSet<QString> atStub;
        for (const gateway::Transaction &entry : *feed) {
            if (entry.kind != QLatin1String("payment"))
                continue;
            QCOMPARE(entry.status, gateway::PaymentStatus::Succeeded);
            atStub.insert(entry.paymentId);
        }
        // A duplicate is a payment at the bank that no attempt accounts for (a second payment for one user
        // action), or one payment claimed by two attempts.
        const QList<QString> mine = m_paymentByKey.values();
        const QSet<QString> distinctMine(mine.begin(), mine.end());
        const int duplicates = int((atStub - distinctMine).size()) + int(mine.size() - distinctMine.size());

        storage::HistoryFilter payments;
        payments.kinds = {QStringLiteral("payment")};
        const qint64 local = m_fx->localHistoryCount(payments);
        const auto ledger = m_fx->ledgerCheck();
        QVERIFY(ledger.has_value());

        QStringList outcomes;
        for (auto it = m_outcomes.begin(); it != m_outcomes.end(); ++it)
            outcomes << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        qInfo(
            "payments attempted %d / at stub %lld / local %lld / duplicates %d (abandoned, never reached the "
            "bank: %d); ledger balanced %s (%lld entries); outcomes %s; quotes re-asked %d; client retries "
            "%llu",
            m_attempted, qint64(atStub.size()), local, duplicates, m_abandoned,
            ledger->balanced ? "yes" : "NO", ledger->entries, qPrintable(outcomes.join(QLatin1Char(' '))),
            m_quoteRetries, static_cast<unsigned long long>(m_fx->context().gateway().retryCount()));

        // Every attempt is either exactly one payment at the bank and in the local history, or none at all
        // (abandoned: the bank never received it, the user was told).
        QCOMPARE(qint64(atStub.size()), qint64(m_attempted - m_abandoned));
        QCOMPARE(local, qint64(atStub.size()));
        QCOMPARE(duplicates, 0);
        QCOMPARE(atStub, distinctMine);
        QVERIFY2(m_abandoned <= m_attempted / 50, "too many attempts never reached the bank");
        QVERIFY(ledger->balanced);
        QCOMPARE(ledger->sum, qint64(0));
    }

    void cleanupTestCase()
    {
        m_service.reset();
        m_fx.reset();
    }
};

QTEST_GUILESS_MAIN(TestServicesFaults)
#include "test_services_faults.moc"
