// Shared by the PaymentService tests (payments, recovery, faults, secrets scan): waiting for a payment or a
// quote and describing a payment's state. The fixture (the stub on a ManualClock, restartable with other
// fault flags; makeService(), inFlight(), localHistory(), wholeFeed(), ledgerCheck()) is ServicesFixture.
#pragma once

#include "services/payment_service.h"
#include "services_test_support.h"

#include <QSignalSpy>

namespace bw::services::test {

// Waits until the action's payment state is final (or Unknown when untilUnknown); the last state seen.
inline PaymentState awaitPayment(PaymentService &service, PaymentActionId id, int timeoutMs = 30000,
                                 bool untilUnknown = false)
{
    (void)QTest::qWaitFor(
        [&] {
            const PaymentState state = service.paymentState(id);
            return state.isFinal() || (untilUnknown && state.phase == PaymentPhase::Unknown);
        },
        timeoutMs);
    return service.paymentState(id);
}

inline QuoteState awaitQuote(PaymentService &service, PaymentActionId id, int timeoutMs = 30000)
{
    (void)QTest::qWaitFor([&] { return service.quoteState(id).status != QuoteState::Status::Requesting; },
                          timeoutMs);
    return service.quoteState(id);
}

// A draft of `kind` for an amount in CNY; the helpers below fill in the other side.
inline PaymentDraft draftOf(gateway::QuoteKind kind, qint64 minorCny)
{
    PaymentDraft draft;
    draft.kind = kind;
    draft.amount = ServicesFixture::cny(minorCny);
    return draft;
}

inline PaymentDraft merchantPayment(const QString &merchantId, qint64 minorCny)
{
    PaymentDraft draft = draftOf(gateway::QuoteKind::Payment, minorCny);
    draft.merchantId = merchantId;
    return draft;
}

// A top-up of the balance from a linked card.
inline PaymentDraft topUpFrom(const QString &cardId, qint64 minorCny)
{
    PaymentDraft draft = draftOf(gateway::QuoteKind::TopUp, minorCny);
    draft.source = cardId;
    return draft;
}

inline QString describe(const PaymentState &state)
{
    return QStringLiteral("%1 %2 %3")
        .arg(paymentPhaseName(state.phase), state.error.summary(),
             state.payment ? state.payment->id : QString());
}

} // namespace bw::services::test
