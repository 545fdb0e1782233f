// PaymentService: every money movement the user makes — a payment to a merchant, a transfer to another
// wallet by phone, a top-up from a payment method, a withdrawal to a bank account — from the quote to the
// receipt, exactly once.
//
//   id = service.requestQuote(draft)            → quoteStateChanged(id, Ready | Failed)
//   service.requestOtpSms(id)                   → otpRequested(id, error)   (when the quote asks for an OTP
//                                                 and the user has no authenticator app)
//   service.confirm(id, pin, otp)               → paymentStateChanged(id, Recording → Sending → Succeeded
//                                                 | Processing | PendingReview | Rejected | Declined
//                                                 | Failed | Unknown → ... | Abandoned)
//   service.reconcile()                         → at start-up: every payment left in flight by an earlier
//                                                 run is settled; reconcileFinished(summary)
//
// Exactly once: each confirm() is ONE user action with ONE Idempotency-Key, written with the attempt (quote,
// kind, amount, payee, sealed note — never the PIN or OTP) to the local in-flight store BEFORE the request
// leaves (on the DatabaseWorker's thread). When the answer is lost (timeout, dropped connection, 5xx) the
// request is sent again with the same key and body — the bank answers with the stored result instead of
// paying twice — but only while the PIN and OTP are still in memory (this process, this user action). After
// that, and for records left by an earlier run, the service asks GET /v1/payments?quote_id=…: found → the
// payment is recorded with its status; not found once the quote has expired → nothing happened (a quote
// expires after 60 s and is used at most once, so the payment can no longer be made); not found before
// that → asked again later (a timer). It never creates a second payment.
//
// The result is also written to the local history cache at once (the history sync later overwrites the row
// with the feed entry: same payment_id). The service owns every request: closing a dialog changes nothing.
// Lives on the thread of its GatewayClient (normally the GUI thread); nothing here blocks.
#pragma once

#include "services/history_service.h"
#include "services/payment_state.h"
#include "services/service_context.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <map>
#include <memory>

namespace bw::gateway {
class GatewayClient;
}
namespace bw::storage {
class DatabaseWorker;
struct InFlightPayment;
} // namespace bw::storage

namespace bw::services {

class ServiceContext;

struct PaymentServiceOptions
{
    // Resends of a payment whose answer was lost, with the same key and body, while the PIN is in memory
    // (on top of GatewayClient's own retries). Then the service falls back to asking by quote id.
    int maxResends = 6;
    std::chrono::milliseconds resendDelay{500}; // doubled after each resend
    std::chrono::milliseconds maxResendDelay{8000};
    // The longest wait between two questions about a payment whose fate is unknown.
    std::chrono::milliseconds recheckInterval{5000};
    // Safety margin after a quote's expiry before "not found" is taken as final (clock differences).
    std::chrono::milliseconds expiryMargin{3000};
};

class PaymentService : public QObject
{
    Q_OBJECT

public:
    // The time the service compares quote expiries with. Default: the system clock (UTC). Tests whose
    // stub runs on a ManualClock pass that clock so that "the quote has expired" means the same on both
    // sides.
    using Clock = std::function<QDateTime()>;

    // Uses the context's GatewayClient and DatabaseWorker (an open wallet database).
    explicit PaymentService(ServiceContext &context, QObject *parent = nullptr);
    PaymentService(gateway::GatewayClient *client, storage::DatabaseWorker *database,
                   QObject *parent = nullptr);
    ~PaymentService() override;

    void setOptions(const PaymentServiceOptions &options) { m_options = options; }
    PaymentServiceOptions options() const { return m_options; }
    void setClock(Clock clock);

    // Asks the bank for a quote. Returns the action's id at once; the answer comes with
    // quoteStateChanged (never from inside this call).
    PaymentActionId requestQuote(const PaymentDraft &draft);
    // Asks the bank to send an SMS code for the action's quote; answers with otpRequested.
    bool requestOtpSms(PaymentActionId id);
    // Confirms the action's quote with the PIN (and the OTP when the quote requires one: a TOTP code or
    // the SMS code). False when the action is unknown, its quote is not ready, or a payment attempt of it
    // is already running or has finished (a Failed attempt with mayRetry may be confirmed again). The
    // service keeps its own wiped-after-use copies of pin and otp.
    bool confirm(PaymentActionId id, const QString &pin, const QString &otp = {});

    // Settles every unfinished in-flight record of the local database (left by an earlier run, or by this
    // one). Call it once the database is open and the user is signed in. Recovered payments are reported
    // with paymentStateChanged (recovered = true) under new action ids; reconcileFinished(summary) follows
    // once each record has been looked at once. A call while a pass runs is covered by that pass.
    void reconcile();

    QuoteState quoteState(PaymentActionId id) const;
    PaymentState paymentState(PaymentActionId id) const;
    bool hasAction(PaymentActionId id) const;
    QList<PaymentActionId> actionIds() const;
    // Actions whose payment is recording, sending or unknown.
    int unsettledCount() const;
    // Drops a finished action from memory (no effect on one still running).
    void forget(PaymentActionId id);

    // One payment as the bank has it now (GET /v1/payments/{id}), e.g. for a receipt: any payment of the
    // signed-in wallet, incoming ones too. Answers once, on a later turn, only while the service lives.
    // Errors: kind Gateway (resource_missing for an unknown id, session_expired, timeout, ...).
    void loadPayment(const QString &paymentId, std::function<void(ServiceResult<gateway::Payment>)> done);

Q_SIGNALS:
    void quoteStateChanged(bw::services::PaymentActionId id, const bw::services::QuoteState &state);
    // error.kind == None: the SMS was sent.
    void otpRequested(bw::services::PaymentActionId id, const bw::gateway::GatewayError &error);
    void paymentStateChanged(bw::services::PaymentActionId id, const bw::services::PaymentState &state);
    void reconcileFinished(const bw::services::ReconcileSummary &summary);
    // A payment was written to the local history cache: the row, new or updated (with its previous
    // version), in the HistoryService's form, so a HistoryModel places it with applyChange().
    void historyChanged(const bw::services::HistoryChange &change);

private:
    struct Action;

    Action *find(PaymentActionId id) const;
    Action &newAction();
    QDateTime now() const;
    void setPhase(Action &action, PaymentPhase phase);
    void emitPayment(const Action &action);

    void startAttempt(Action &action);
    void send(PaymentActionId id);
    void onAnswer(PaymentActionId id, const QString &key, bool ok, const gateway::Payment &payment,
                  const gateway::GatewayError &error);
    void scheduleResend(Action &action);
    void settleWithPayment(PaymentActionId id, const gateway::Payment &payment, bool reconciled);
    void settleWithoutPayment(PaymentActionId id, const gateway::GatewayError &error);
    void becomeUnknown(Action &action, const gateway::GatewayError &error);
    void check(PaymentActionId id);
    void scheduleCheck(Action &action, std::chrono::milliseconds delay);
    void abandon(PaymentActionId id);
    void wipeSecrets(Action &action);
    void adoptRecord(const storage::InFlightPayment &record);
    void firstCheckDone(Action &action, int ReconcileSummary::*bucket);

    QPointer<gateway::GatewayClient> m_client;
    QPointer<storage::DatabaseWorker> m_database;
    PaymentServiceOptions m_options;
    Clock m_clock;
    std::map<PaymentActionId, std::unique_ptr<Action>> m_actions;
    PaymentActionId m_nextId = 1;
    // The reconcile() pass under way: its records not looked at yet, and what was found so far.
    int m_reconcileOutstanding = 0;
    bool m_reconciling = false;
    ReconcileSummary m_summary;
};

} // namespace bw::services
