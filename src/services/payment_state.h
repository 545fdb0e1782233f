// The typed states PaymentService reports: what the user asked for (PaymentDraft), where its quote stands
// (QuoteState) and where the payment stands (PaymentState). Plain values, copied into signals, so a dialog
// can show them and be closed at any time without affecting the payment (the service owns the request).
#pragma once

#include "gateway/gateway_error.h"
#include "gateway/gateway_types.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <optional>

namespace bw::services {

// Identifies one user action (a quote and the payment made with it) inside one PaymentService. 0 is never
// used. Actions recovered by reconcile() get new ids.
using PaymentActionId = quint64;

// What the user asks for. Set the one destination the kind needs: merchantId (payment), phone (transfer),
// paymentMethodId (withdrawal); none for a top-up, whose source is the payment method.
struct PaymentDraft
{
    gateway::QuoteKind kind = gateway::QuoteKind::Payment;
    core::Money amount;                         // what the payee receives
    QString source = QStringLiteral("balance"); // "balance" or a payment method id (pm_…)
    QString merchantId;
    QString phone;
    QString paymentMethodId;
    QString note; // optional; sealed in the local records

    gateway::QuoteRequest quoteRequest() const;
};

struct QuoteState
{
    enum class Status {
        Requesting, // POST /v1/quotes in flight
        Ready,      // quote holds the bank's offer; confirm() may be called
        Failed,     // error says why (translated: error.userMessage())
        Expired,    // the quote's 60 seconds have passed: ask for a new one
    };
    Status status = Status::Requesting;
    PaymentDraft draft;
    gateway::Quote quote;        // Ready / Expired
    gateway::GatewayError error; // Failed
    // Ready but the bank already says the payment would fail (limits, balance, tier, frozen): the
    // translated reasons, one per warning code; empty when the payment can go ahead.
    QStringList blockers;

    bool requiresOtp() const { return quote.requiresOtp(); }
    bool canConfirm() const { return status == Status::Ready && blockers.isEmpty(); }
};

enum class PaymentPhase {
    Idle,          // not confirmed yet
    Recording,     // the attempt is being written to the local in-flight store (nothing sent yet)
    Sending,       // POST /v1/payments in flight (retried with the same Idempotency-Key)
    Succeeded,     // payment (the receipt) is set
    Processing,    // the bank accepted it and will finish later (payment set)
    PendingReview, // held for a compliance review (payment set)
    Rejected,      // a payment exists with status rejected (payment set; failureCode e.g. sanctions_match)
    Declined,      // the card said no (402): error set; no payment was made
    Failed,        // any other answer without a payment (wrong PIN, OTP, limit, expired quote, ...)
    Unknown,       // the answer was lost: the service keeps asking the bank (reconciling)
    Abandoned,     // reconciled: the bank never received it and the quote has expired — nothing was paid
};

// Stable names for logs and tests: "idle", "recording", "sending", "succeeded", "processing",
// "pending_review", "rejected", "declined", "failed", "unknown", "abandoned".
QString paymentPhaseName(PaymentPhase phase);

struct PaymentState
{
    Q_DECLARE_TR_FUNCTIONS(bw::services::PaymentState)

public:
    PaymentPhase phase = PaymentPhase::Idle;
    QString idempotencyKey; // the attempt's key (empty before Recording)
    QString quoteId;
    gateway::QuoteKind kind = gateway::QuoteKind::Payment;
    std::optional<gateway::Payment> payment; // Succeeded, Processing, PendingReview, Rejected
    QString failureCode;         // Rejected: the payment's failure code; Declined/Failed: error code
    gateway::GatewayError error; // Declined, Failed, Unknown (the last problem seen)
    bool recovered = false;      // found by reconcile() after a restart
    // Failed with an answer that leaves the quote usable (wrong PIN, wrong or missing OTP): confirm() may be
    // called again on the same action (a new attempt with a new Idempotency-Key).
    bool mayRetry = false;

    bool isFinal() const
    {
        return phase != PaymentPhase::Idle && phase != PaymentPhase::Recording &&
               phase != PaymentPhase::Sending && phase != PaymentPhase::Unknown;
    }
    bool madePayment() const { return payment.has_value(); }
    // What to tell the user, translated (context "bw::services::PaymentState").
    QString userMessage() const;
};

// What one reconcile() pass found (every unfinished in-flight record is in exactly one bucket).
struct ReconcileSummary
{
    int examined = 0;
    int reconciled = 0; // a payment exists (its status recorded) or the earlier answer was final
    int abandoned = 0;  // never reached the bank and the quote expired
    int waiting = 0;    // not found yet, quote still valid (or the bank unreachable): asked again later
};

} // namespace bw::services

Q_DECLARE_METATYPE(bw::services::QuoteState)
Q_DECLARE_METATYPE(bw::services::PaymentState)
Q_DECLARE_METATYPE(bw::services::ReconcileSummary)
