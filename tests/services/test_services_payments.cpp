// PaymentService against the real stub (label "stub"): every kind of money movement through quote →
// confirm, with what the caller observes — typed states, translated messages — and what the service leaves
// in the local database (the in-flight record without any PIN/OTP, the history row by payment id).
//  - a payment with the PIN only (known payee, small amount) and with a second factor: a TOTP code computed
//    from the enrolled secret, and the SMS code the quote asks for, read from the demo outbox;
//  - a wrong PIN: Failed with pin_invalid and the attempts left; the same quote then goes through;
//  - a top-up from a card that declines: Declined with a translated reason, no payment at the bank;
//  - a top-up from a debit card, a transfer to a second wallet by phone, a withdrawal to a bank account.
#include "payments_test_support.h"

#include <QJsonDocument>

using namespace bw;
using namespace bw::services;
using namespace bw::services::test;

namespace {

const QString kCoffee = QStringLiteral("mer_lantern_coffee");
const QString kMarket = QStringLiteral("mer_fresh_field_market");
const QString kRide = QStringLiteral("mer_swift_ride");

} // namespace

class TestServicesPayments : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServicesFixture> m_fx;
    std::unique_ptr<PaymentService> m_service;
    TestWallet m_wallet;

    // Quote → (second factor when asked: TOTP) → confirm with the PIN → the final state.
    PaymentState pay(const PaymentDraft &draft, const QString &pin = {}, QuoteState *quoteOut = nullptr)
    {
        const PaymentActionId id = m_service->requestQuote(draft);
        const QuoteState quote = awaitQuote(*m_service, id);
        if (quoteOut)
            *quoteOut = quote;
        if (quote.status != QuoteState::Status::Ready) {
            PaymentState failed;
            failed.error = quote.error;
            return failed;
        }
        const QString otp = quote.requiresOtp() ? m_fx->unusedTotp(m_wallet) : QString();
        if (!m_service->confirm(id, pin.isEmpty() ? m_wallet.pin : pin, otp))
            return {};
        return awaitPayment(*m_service, id);
    }

    void checkLocalRecords(const PaymentState &state)
    {
        QVERIFY(state.payment.has_value());
        // The in-flight record: answered, with the payment id; never a PIN or OTP in it.
        const auto record = m_fx->inFlight(state.idempotencyKey);
        QVERIFY(record.has_value());
        QCOMPARE(record->state, storage::InFlightState::Answered);
        QCOMPARE(record->paymentId, state.payment->id);
        QCOMPARE(record->quoteId, state.quoteId);
        const QByteArray summary = QJsonDocument(record->summary).toJson(QJsonDocument::Compact);
        QVERIFY2(!summary.contains(m_wallet.pin.toUtf8()), summary.constData());
        QVERIFY(!record->summary.contains(QStringLiteral("pin")));
        QVERIFY(!record->summary.contains(QStringLiteral("otp")));
        // The history row, at once (before any sync).
        const auto row = m_fx->localHistory(state.payment->id);
        QVERIFY2(row.has_value(), qPrintable(state.payment->id));
        QCOMPARE(row->status, gateway::contractString(state.payment->status));
        QCOMPARE(row->receiptNo, state.payment->receiptNo);
        QCOMPARE(row->quoteId, state.quoteId);
    }

private Q_SLOTS:
    void init()
    {
        m_fx = std::make_unique<ServicesFixture>();
        QVERIFY2(m_fx->ok(), qPrintable(m_fx->error()));
        m_wallet = TestWallet();
        QVERIFY2(m_fx->enrollWallet(m_wallet, {.identity = true, .totp = true}), qPrintable(m_fx->error()));
        QVERIFY2(m_fx->giveMoney(m_wallet, 5'000'00), qPrintable(m_fx->error()));
        m_service = m_fx->makeService();
    }
    void cleanup()
    {
        m_service.reset();
        m_fx.reset();
    }

    void pinOnlyAndTotp()
    {
        QSignalSpy states(m_service.get(), &PaymentService::paymentStateChanged);
        // First payment to this merchant: a second factor is asked; the TOTP code from the secret passes.
        QuoteState quote;
        const PaymentState first = pay(merchantPayment(kCoffee, 12'50), {}, &quote);
        QVERIFY(quote.requiresOtp());
        QVERIFY(quote.canConfirm());
        QVERIFY2(first.phase == PaymentPhase::Succeeded, qPrintable(describe(first)));
        QCOMPARE(first.payment->debit, ServicesFixture::cny(12'50));
        QVERIFY(!first.userMessage().isEmpty());
        checkLocalRecords(first);
        QCOMPARE(m_fx->localHistory(first.payment->id)->amountMinor, -12'50);
        QCOMPARE(m_fx->localHistory(first.payment->id)->merchantName, first.payment->counterparty.name);
        // Every state on the way was announced: recording → sending → succeeded.
        QStringList phases;
        for (const QList<QVariant> &signal : std::as_const(states))
            phases << paymentPhaseName(signal.at(1).value<PaymentState>().phase);
        QCOMPARE(phases, (QStringList{QStringLiteral("recording"), QStringLiteral("sending"),
                                      QStringLiteral("succeeded")}));

        // Now a known payee and a small amount: the PIN alone.
        const PaymentState second = pay(merchantPayment(kCoffee, 8'00), {}, &quote);
        QVERIFY(!quote.requiresOtp());
        QVERIFY2(second.phase == PaymentPhase::Succeeded, qPrintable(describe(second)));
        QVERIFY(second.idempotencyKey != first.idempotencyKey);
        checkLocalRecords(second);
        // A finished action cannot be confirmed again.
        QVERIFY(!m_service->confirm(m_service->actionIds().last(), m_wallet.pin));
        QVERIFY(m_fx->ledgerCheck()->balanced);
    }

    void smsCode()
    {
        const PaymentActionId id = m_service->requestQuote(merchantPayment(kMarket, 30'00));
        const QuoteState quote = awaitQuote(*m_service, id);
        QVERIFY2(quote.status == QuoteState::Status::Ready, qPrintable(quote.error.summary()));
        QVERIFY(quote.requiresOtp());
        QSignalSpy sent(m_service.get(), &PaymentService::otpRequested);
        QVERIFY(m_service->requestOtpSms(id));
        QVERIFY(sent.wait(20000));
        QVERIFY2(!sent.first().at(1).value<gateway::GatewayError>().isError(),
                 qPrintable(sent.first().at(1).value<gateway::GatewayError>().summary()));
        const QString code = m_fx->lastCode(m_wallet.phone, QStringLiteral("quote"));
        QVERIFY(!code.isEmpty());

        // Without the code the bank asks for it; the quote stays usable.
        QVERIFY(m_service->confirm(id, m_wallet.pin));
        PaymentState state = awaitPayment(*m_service, id);
        QVERIFY2(state.phase == PaymentPhase::Failed && state.error.is(u"otp_required"),
                 qPrintable(describe(state)));
        QVERIFY(state.mayRetry);
        QVERIFY(!state.userMessage().isEmpty());
        // With it: paid.
        QVERIFY(m_service->confirm(id, m_wallet.pin, code));
        state = awaitPayment(*m_service, id);
        QVERIFY2(state.phase == PaymentPhase::Succeeded, qPrintable(describe(state)));
        checkLocalRecords(state);
    }

    void wrongPinThenRight()
    {
        QVERIFY(pay(merchantPayment(kRide, 5'00)).phase == PaymentPhase::Succeeded); // known payee now
        const PaymentActionId id = m_service->requestQuote(merchantPayment(kRide, 6'00));
        QCOMPARE(awaitQuote(*m_service, id).status, QuoteState::Status::Ready);
        QVERIFY(m_service->confirm(id, QStringLiteral("480261")));
        PaymentState state = awaitPayment(*m_service, id);
        QVERIFY2(state.phase == PaymentPhase::Failed, qPrintable(describe(state)));
        QVERIFY(state.error.is(u"pin_invalid"));
        QCOMPARE(state.error.attemptsRemaining, std::optional<int>(4));
        QCOMPARE(state.failureCode, QStringLiteral("pin_invalid"));
        QVERIFY(state.mayRetry);
        QVERIFY(!state.madePayment());
        QVERIFY(state.userMessage().contains(QLatin1Char('4')));
        const QString wrongKey = state.idempotencyKey;
        const auto wrongRecord = m_fx->inFlight(wrongKey);
        QVERIFY(wrongRecord.has_value());
        QCOMPARE(wrongRecord->state, storage::InFlightState::Answered);
        QCOMPARE(wrongRecord->failureCode, QStringLiteral("pin_invalid"));
        QVERIFY(wrongRecord->paymentId.isEmpty());

        // The same quote with the right PIN: a new attempt with a new key, paid once.
        QVERIFY(m_service->confirm(id, m_wallet.pin));
        state = awaitPayment(*m_service, id);
        QVERIFY2(state.phase == PaymentPhase::Succeeded, qPrintable(describe(state)));
        QVERIFY(state.idempotencyKey != wrongKey);
        checkLocalRecords(state);
    }

    void declinedCard()
    {
        const QString card = m_fx->addCard(m_wallet, QStringLiteral("4000000000000002"));
        QVERIFY2(!card.isEmpty(), qPrintable(m_fx->error()));
        const PaymentState state = pay(topUpFrom(card, 100'00));
        QVERIFY2(state.phase == PaymentPhase::Declined, qPrintable(describe(state)));
        QCOMPARE(state.failureCode, QStringLiteral("card_declined"));
        QVERIFY(!state.madePayment());
        QVERIFY(!state.userMessage().isEmpty());
        QVERIFY(state.userMessage() != gateway::genericApiErrorMessage());
        QCOMPARE(state.userMessage(), gateway::contractCodeMessage(QStringLiteral("card_declined")));
        // A decline leaves no payment and no feed entry.
        const auto feed = m_fx->wholeFeed();
        QVERIFY(feed.has_value());
        for (const gateway::Transaction &entry : *feed)
            QVERIFY(entry.kind != QLatin1String("top_up"));
    }

    void topUpTransferWithdrawal()
    {
        // Top-up from the UnionPay debit card: the balance grows by the credit.
        const QString card = m_fx->addCard(m_wallet, QStringLiteral("6212345678901232"));
        QVERIFY2(!card.isEmpty(), qPrintable(m_fx->error()));
        const PaymentState toppedUp = pay(topUpFrom(card, 200'00));
        QVERIFY2(toppedUp.phase == PaymentPhase::Succeeded, qPrintable(describe(toppedUp)));
        QCOMPARE(toppedUp.payment->kind, QStringLiteral("top_up"));
        checkLocalRecords(toppedUp);
        QCOMPARE(m_fx->localHistory(toppedUp.payment->id)->amountMinor, 200'00);
        QCOMPARE(m_fx->localHistory(toppedUp.payment->id)->paymentMethodId, card);

        // A second wallet, enrolled straight through the public endpoints of the demo client.
        const QString phone =
            m_fx->enrollRecipient(QStringLiteral("Wang Fang"), QStringLiteral("wang@example.com"));
        QVERIFY2(!phone.isEmpty(), qPrintable(m_fx->error()));

        // Transfer by phone: the counterparty is a person, so its name is sealed locally.
        PaymentDraft transfer;
        transfer.kind = gateway::QuoteKind::Transfer;
        transfer.amount = ServicesFixture::cny(50'00);
        transfer.phone = phone;
        transfer.note = QStringLiteral("dinner");
        const PaymentState sent = pay(transfer);
        QVERIFY2(sent.phase == PaymentPhase::Succeeded, qPrintable(describe(sent)));
        QCOMPARE(sent.payment->kind, QStringLiteral("transfer"));
        QCOMPARE(sent.payment->counterparty.type, QStringLiteral("wallet"));
        checkLocalRecords(sent);
        const auto row = m_fx->localHistory(sent.payment->id);
        QCOMPARE(row->counterpartyName, QStringLiteral("Wang Fang"));
        QVERIFY(row->merchantName.isEmpty());
        QCOMPARE(row->note, QStringLiteral("dinner"));
        QCOMPARE(m_fx->inFlight(sent.idempotencyKey)->note, QStringLiteral("dinner"));

        // Withdrawal to a linked bank account.
        const QString account = m_fx->addBankAccount(m_wallet);
        QVERIFY2(!account.isEmpty(), qPrintable(m_fx->error()));
        PaymentDraft withdrawal;
        withdrawal.kind = gateway::QuoteKind::Withdrawal;
        withdrawal.amount = ServicesFixture::cny(300'00);
        withdrawal.paymentMethodId = account;
        const PaymentState withdrawn = pay(withdrawal);
        QVERIFY2(withdrawn.phase == PaymentPhase::Succeeded, qPrintable(describe(withdrawn)));
        QCOMPARE(withdrawn.payment->kind, QStringLiteral("withdrawal"));
        checkLocalRecords(withdrawn);
        QCOMPARE(m_fx->localHistory(withdrawn.payment->id)->amountMinor,
                 -withdrawn.payment->debit.minorUnits());

        // The bank's balance agrees with the receipts: 5,000 + 200 − 50 − 300 (withdrawal fee-free here).
        auto wallet = awaitGateway<gateway::Wallet>(
            [&](auto done) { m_fx->context().gateway().getWallet(std::move(done)); });
        QVERIFY(wallet.ok());
        QCOMPARE(wallet->balances.first().available.minorUnits(), 5'000'00 + 200'00 -
                                                                      sent.payment->debit.minorUnits() -
                                                                      withdrawn.payment->debit.minorUnits());
        QCOMPARE(m_fx->localHistoryCount(), qint64(3)); // ours only: the incoming money is not synced here
        QCOMPARE(m_fx->unfinishedInFlight(), 3);        // answered, settled by the next reconcile()
        QSignalSpy finished(m_service.get(), &PaymentService::reconcileFinished);
        m_service->reconcile();
        QVERIFY(finished.wait(20000));
        const auto summary = finished.first().first().value<ReconcileSummary>();
        QCOMPARE(summary.examined, 3);
        QCOMPARE(summary.reconciled, 3);
        QCOMPARE(m_fx->unfinishedInFlight(), 0);
        QVERIFY(m_fx->ledgerCheck()->balanced);
    }
};

QTEST_GUILESS_MAIN(TestServicesPayments)
#include "test_services_payments.moc"
