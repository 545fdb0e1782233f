#include "services/payment_state.h"

#include <QCoreApplication>

namespace bw::services {

gateway::QuoteRequest PaymentDraft::quoteRequest() const
{
    gateway::QuoteRequest request;
    request.kind = kind;
    request.amount = amount;
    request.source = source;
    switch (kind) {
    case gateway::QuoteKind::Payment:
        request.merchantId = merchantId;
        break;
    case gateway::QuoteKind::Transfer:
        request.phone = phone;
        break;
    case gateway::QuoteKind::Withdrawal:
        request.paymentMethodId = paymentMethodId;
        break;
    case gateway::QuoteKind::TopUp:
        break; // the wallet itself
    }
    return request;
}

QString paymentPhaseName(PaymentPhase phase)
{
    switch (phase) {
    case PaymentPhase::Idle:
        return QStringLiteral("idle");
    case PaymentPhase::Recording:
        return QStringLiteral("recording");
    case PaymentPhase::Sending:
        return QStringLiteral("sending");
    case PaymentPhase::Succeeded:
        return QStringLiteral("succeeded");
    case PaymentPhase::Processing:
        return QStringLiteral("processing");
    case PaymentPhase::PendingReview:
        return QStringLiteral("pending_review");
    case PaymentPhase::Rejected:
        return QStringLiteral("rejected");
    case PaymentPhase::Declined:
        return QStringLiteral("declined");
    case PaymentPhase::Failed:
        return QStringLiteral("failed");
    case PaymentPhase::Unknown:
        return QStringLiteral("unknown");
    case PaymentPhase::Abandoned:
        return QStringLiteral("abandoned");
    }
    return {};
}

QString PaymentState::userMessage() const
{
    switch (phase) {
    case PaymentPhase::Idle:
        return {};
    case PaymentPhase::Recording:
        return tr("Preparing the payment…");
    case PaymentPhase::Sending:
        return tr("Sending the payment to the bank…");
    case PaymentPhase::Succeeded:
        switch (kind) {
        case gateway::QuoteKind::Payment:
            return tr("Payment successful.");
        case gateway::QuoteKind::Transfer:
            return tr("Money sent.");
        case gateway::QuoteKind::TopUp:
            return tr("Top-up successful.");
        case gateway::QuoteKind::Withdrawal:
            return tr("Withdrawal successful.");
        }
        return tr("Payment successful.");
    case PaymentPhase::Processing:
        return tr("The bank is processing the payment. Its result will appear in your history.");
    case PaymentPhase::PendingReview:
        return tr("The payment is held for a compliance review. The money stays reserved until the bank "
                  "decides.");
    case PaymentPhase::Rejected: {
        const QString reason = gateway::contractCodeMessage(failureCode);
        return reason.isEmpty() ? tr("The bank rejected the payment.")
                                : tr("The bank rejected the payment: %1").arg(reason);
    }
    case PaymentPhase::Declined:
    case PaymentPhase::Failed:
        if (failureCode.startsWith(QLatin1String("storage.")))
            return tr("The payment could not be recorded on this computer, so nothing was sent. Check the "
                      "free disk space and try again.");
        return error.isError() ? error.userMessage() : tr("The payment was not made.");
    case PaymentPhase::Unknown:
        return tr("The bank's answer did not arrive. BankWallet is checking whether the payment went "
                  "through; it will never be made twice.");
    case PaymentPhase::Abandoned:
        return tr("The payment never reached the bank and its quote has expired, so nothing was paid. You "
                  "can start the payment again.");
    }
    return {};
}

} // namespace bw::services
