#include "services/payment_service.h"

#include "core/phone_validator.h"

#include "crypto/secret_bytes.h"
#include "gateway/gateway_client.h"
#include "gateway/json_codec.h"
#include "services/history_feed_mapper.h"
#include "services/service_calls_p.h"
#include "services/service_context.h"
#include "storage/database_worker.h"
#include "storage/history_store.h"
#include "storage/in_flight_store.h"
#include "storage/wallet_database.h"

#include <QLoggingCategory>
#include <QTimer>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPayments, "bw.services.payments")

namespace bw::services {

using gateway::ErrorKind;
using gateway::GatewayError;
using gateway::Payment;
using gateway::PaymentStatus;
using gateway::QuoteKind;
using storage::InFlightPayment;
using storage::InFlightState;
using storage::InFlightStore;

namespace {

// Summary keys of an in-flight record (never a PIN, OTP or card number: InFlightStore refuses those).
const QString kQuoteExpiresAt = QStringLiteral("quote_expires_at");
const QString kDeadlineMs = QStringLiteral("deadline_ms");

constexpr qint64 kQuoteLifeMs = 60'000; // gateway-api.md: quotes are valid for 60 seconds

qint64 ms(std::chrono::milliseconds d)
{
    return d.count();
}

// Answers after which the payment may or may not exist: the request, or its answer, may have been lost.
bool outcomeUnknown(const GatewayError &error)
{
    switch (error.kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Http:
    case ErrorKind::Decode:    // a 2xx whose body we could not read: the payment may exist
    case ErrorKind::Cancelled: // never by us while the service lives, but not an answer either
        return true;
    case ErrorKind::Api:
        if (error.httpStatus >= 500)
            return true; // internal_error, injected_fault (before any change, but harmless to re-ask)
        // In progress: the first request with this key is still running. Replayed/stale: the transport
        // re-sent our exact bytes (same nonce); the first copy may have been committed.
        return error.is(u"idempotency_in_progress") || error.is(u"replayed_request") ||
               error.is(u"stale_request") || error.is(u"rate_limited") || error.is(u"idempotency_key_reused");
    case ErrorKind::None:
    case ErrorKind::Tls:
    case ErrorKind::Keychain:
    case ErrorKind::Configuration:
        return false; // nothing reached the bank
    }
    return true;
}

// Refusals that come before the gateway's idempotency layer looks at the key (the request was not read as
// a payment at all). After an earlier attempt with the same key whose outcome is unknown, such an answer
// says nothing about that attempt.
bool refusedBeforeIdempotency(const GatewayError &error)
{
    if (error.kind != ErrorKind::Api)
        return true;
    return error.type == QLatin1String("authentication_error") &&
           (error.is(u"signature_missing") || error.is(u"signature_invalid") || error.is(u"device_unknown") ||
            error.is(u"session_invalid") || error.is(u"session_expired"));
}

// Failures after which the same quote may be confirmed again (a new attempt with a new key).
bool quoteStillUsable(const GatewayError &error)
{
    return error.is(u"pin_invalid") || error.is(u"otp_required") || error.is(u"otp_invalid") ||
           error.is(u"otp_expired") || error.is(u"session_invalid") || error.is(u"session_expired") ||
           error.kind == ErrorKind::Configuration || error.kind == ErrorKind::Keychain ||
           error.kind == ErrorKind::Tls;
}

PaymentPhase phaseOf(PaymentStatus status)
{
    switch (status) {
    case PaymentStatus::Succeeded:
        return PaymentPhase::Succeeded;
    case PaymentStatus::Processing:
        return PaymentPhase::Processing;
    case PaymentStatus::PendingReview:
        return PaymentPhase::PendingReview;
    case PaymentStatus::Rejected:
        return PaymentPhase::Rejected;
    }
    return PaymentPhase::Processing;
}

std::optional<QuoteKind> quoteKindFromString(const QString &text)
{
    for (QuoteKind kind : {QuoteKind::Payment, QuoteKind::Transfer, QuoteKind::TopUp, QuoteKind::Withdrawal})
        if (gateway::contractString(kind) == text)
            return kind;
    return std::nullopt;
}

// What the attempt asked for, for the in-flight record (reconciliation and the local history row).
QJsonObject summaryOf(const PaymentDraft &draft, const gateway::Quote &quote, qint64 deadlineMs)
{
    QJsonObject summary = gateway::json::encodeQuoteRequest(draft.quoteRequest());
    summary.remove(QStringLiteral("kind")); // a column of its own
    summary.insert(QStringLiteral("debit"), gateway::json::encodeMoney(quote.debit));
    summary.insert(QStringLiteral("credit"), gateway::json::encodeMoney(quote.credit));
    summary.insert(kQuoteExpiresAt, gateway::json::encodeTime(quote.expiresAt));
    summary.insert(kDeadlineMs, deadlineMs);
    return summary;
}

// The summary as the in-flight record keeps it on disk: the phone of a person being paid (a transfer's
// payee) only masked, as on a receipt (DESIGN.md: people's phones are never stored in the clear). The
// full number stays in memory for the attempt.
QJsonObject storedSummary(QJsonObject summary)
{
    QJsonObject destination = summary.value(QStringLiteral("destination")).toObject();
    if (!destination.contains(QStringLiteral("phone")))
        return summary;
    const auto phone = core::PhoneValidator::validate(destination.value(QStringLiteral("phone")).toString());
    destination.insert(QStringLiteral("phone"), phone ? phone.value().masked() : QString());
    summary.insert(QStringLiteral("destination"), destination);
    return summary;
}

// The local history row for a payment the service has just learnt about: the change to the available
// balance as the bank's feed will show it (a payment from a card and a rejected one leave the balance
// alone; a top-up adds the credit; the rest take the debit). The history sync overwrites the row with the
// feed entry (same payment_id).
storage::HistoryRow historyRowFor(const Payment &payment, const QJsonObject &summary, const QString &note)
{
    gateway::Transaction entry;
    entry.paymentId = payment.id;
    entry.kind = payment.kind;
    entry.status = payment.status;
    const QString source = summary.value(QStringLiteral("source")).toString();
    const core::Money none = core::Money::zero(payment.debit.currency());
    if (payment.status == PaymentStatus::Rejected)
        entry.amount = none;
    else if (payment.kind == gateway::contractString(QuoteKind::TopUp))
        entry.amount = payment.credit;
    else if (payment.kind == gateway::contractString(QuoteKind::Payment) &&
             source.startsWith(QLatin1String("pm_")))
        entry.amount = none;
    else
        entry.amount = payment.debit.negated().valueOr(none);
    entry.fees = payment.fees;
    entry.counterparty = payment.counterparty;
    entry.note = payment.note.isEmpty() ? note : payment.note;
    entry.receiptNo = payment.receiptNo;
    entry.createdAt = payment.createdAt;
    entry.updatedAt = payment.createdAt; // never newer than the feed's first entry for it
    entry.quoteId = payment.quoteId;
    entry.debit = payment.debit; // what the source was charged (the mapper drops it when rejected)
    entry.source = source;
    storage::HistoryRow row = HistoryFeedMapper::toRow(entry);
    const QJsonObject destination = summary.value(QStringLiteral("destination")).toObject();
    if (payment.kind == gateway::contractString(QuoteKind::Transfer))
        row.counterpartyPhone = destination.value(QStringLiteral("phone")).toString(); // sealed
    if (row.paymentMethodId.isEmpty() && destination.contains(QStringLiteral("payment_method_id")))
        row.paymentMethodId = destination.value(QStringLiteral("payment_method_id")).toString();
    return row;
}

} // namespace

struct PaymentService::Action
{
    PaymentActionId id = 0;
    QuoteState quote;
    PaymentState payment;
    QJsonObject summary; // of the current attempt
    qint64 deadlineMs = 0;
    // The PIN and OTP of the current attempt, only while it may still be sent again (this process, this
    // user action); wiped as soon as the attempt is settled or handed over to reconciliation.
    crypto::SecretBytes pin;
    crypto::SecretBytes otp;
    QString knownPaymentId; // a recovered record that had learnt its payment id
    int resends = 0;
    int checkFailures = 0;
    bool checkScheduled = false;
    bool checking = false;
    // Part of the running reconcile() pass and not looked at yet.
    bool countedInPass = false;
};

PaymentService::PaymentService(ServiceContext &context, QObject *parent)
    : PaymentService(&context.gateway(), &context.database(), parent)
{}

PaymentService::PaymentService(gateway::GatewayClient *client, storage::DatabaseWorker *database,
                               QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_database(database)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    qRegisterMetaType<bw::services::QuoteState>();
    qRegisterMetaType<bw::services::PaymentState>();
    qRegisterMetaType<bw::services::ReconcileSummary>();
    qRegisterMetaType<bw::services::PaymentActionId>("bw::services::PaymentActionId");
}

PaymentService::~PaymentService()
{
    // Requests still on the wire are left alone (their answers are dropped): what they did is found by
    // the next reconcile(), exactly as after a crash.
    for (auto &entry : m_actions)
        wipeSecrets(*entry.second);
}

void PaymentService::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); });
}

QDateTime PaymentService::now() const
{
    return m_clock();
}

PaymentService::Action *PaymentService::find(PaymentActionId id) const
{
    const auto it = m_actions.find(id);
    return it == m_actions.end() ? nullptr : it->second.get();
}

PaymentService::Action &PaymentService::newAction()
{
    auto action = std::make_unique<Action>();
    action->id = m_nextId++;
    Action &ref = *action;
    m_actions.emplace(ref.id, std::move(action));
    return ref;
}

bool PaymentService::hasAction(PaymentActionId id) const
{
    return find(id) != nullptr;
}

QuoteState PaymentService::quoteState(PaymentActionId id) const
{
    const Action *action = find(id);
    return action ? action->quote : QuoteState();
}

PaymentState PaymentService::paymentState(PaymentActionId id) const
{
    const Action *action = find(id);
    return action ? action->payment : PaymentState();
}

QList<PaymentActionId> PaymentService::actionIds() const
{
    QList<PaymentActionId> ids;
    for (const auto &entry : m_actions)
        ids.append(entry.first);
    return ids;
}

int PaymentService::unsettledCount() const
{
    int count = 0;
    for (const auto &entry : m_actions) {
        const PaymentPhase phase = entry.second->payment.phase;
        if (phase == PaymentPhase::Recording || phase == PaymentPhase::Sending ||
            phase == PaymentPhase::Unknown)
            ++count;
    }
    return count;
}

void PaymentService::loadPayment(const QString &paymentId,
                                 std::function<void(ServiceResult<gateway::Payment>)> done)
{
    if (!m_client) {
        detail::answerLater(this, std::move(done),
                            ServiceResult<Payment>(ServiceError::fromGateway(GatewayError::make(
                                ErrorKind::Configuration, QStringLiteral("no_gateway"),
                                QStringLiteral("the payment service has no gateway client")))));
        return;
    }
    // Posted once more so that the answer never comes from inside this call, whatever the client does.
    QPointer<PaymentService> self(this);
    m_client->getPayment(paymentId, [self, done = std::move(done)](gateway::Result<Payment> result) mutable {
        if (!self)
            return;
        detail::answerLater(self.data(), std::move(done),
                            result ? ServiceResult<Payment>(std::move(result).value())
                                   : ServiceResult<Payment>(ServiceError::fromGateway(result.error())));
    });
}

void PaymentService::forget(PaymentActionId id)
{
    Action *action = find(id);
    if (!action)
        return;
    const PaymentPhase phase = action->payment.phase;
    if (phase == PaymentPhase::Recording || phase == PaymentPhase::Sending ||
        phase == PaymentPhase::Unknown || action->quote.status == QuoteState::Status::Requesting)
        return;
    wipeSecrets(*action);
    m_actions.erase(id);
}

void PaymentService::wipeSecrets(Action &action)
{
    action.pin.clear(); // SecretBytes wipes its buffer
    action.otp.clear();
}

void PaymentService::setPhase(Action &action, PaymentPhase phase)
{
    action.payment.phase = phase;
    emitPayment(action);
}

void PaymentService::emitPayment(const Action &action)
{
    Q_EMIT paymentStateChanged(action.id, action.payment);
}

// ---- quotes
// ------------------------------------------------------------------------------------------------

PaymentActionId PaymentService::requestQuote(const PaymentDraft &draft)
{
    Action &action = newAction();
    const PaymentActionId id = action.id;
    action.quote.status = QuoteState::Status::Requesting;
    action.quote.draft = draft;
    action.payment.kind = draft.kind;
    if (!m_client) {
        QTimer::singleShot(0, this, [this, id] {
            if (Action *a = find(id)) {
                a->quote.status = QuoteState::Status::Failed;
                a->quote.error = GatewayError::make(ErrorKind::Configuration, QStringLiteral("no_client"));
                Q_EMIT quoteStateChanged(id, a->quote);
            }
        });
        return id;
    }
    QPointer<PaymentService> self(this);
    m_client->createQuote(draft.quoteRequest(), [self, id](gateway::Result<gateway::Quote> result) {
        if (!self)
            return;
        Action *a = self->find(id);
        if (!a)
            return;
        if (!result) {
            a->quote.status = QuoteState::Status::Failed;
            a->quote.error = result.error();
        } else {
            a->quote.status = QuoteState::Status::Ready;
            a->quote.quote = std::move(result.value());
            a->quote.blockers.clear();
            for (const QString &code : std::as_const(a->quote.quote.warnings)) {
                const QString text = gateway::contractCodeMessage(code);
                a->quote.blockers.append(text.isEmpty() ? gateway::genericApiErrorMessage() : text);
            }
            // The quote's life is judged with the later of the bank's expiry and our own receipt + 60 s,
            // so a local clock running ahead never declares a live quote dead.
            const qint64 local = self->now().toMSecsSinceEpoch() + kQuoteLifeMs;
            a->deadlineMs = std::max(local, a->quote.quote.expiresAt.toMSecsSinceEpoch());
        }
        Q_EMIT self->quoteStateChanged(id, a->quote);
    });
    return id;
}

bool PaymentService::requestOtpSms(PaymentActionId id)
{
    Action *action = find(id);
    if (!action || !m_client || action->quote.status != QuoteState::Status::Ready)
        return false;
    QPointer<PaymentService> self(this);
    m_client->sendQuoteOtp(action->quote.quote.quoteId,
                           [self, id](gateway::Result<gateway::NoContent> result) {
                               if (self)
                                   Q_EMIT self->otpRequested(id, result.error());
                           });
    return true;
}

// ---- confirming
// --------------------------------------------------------------------------------------------

bool PaymentService::confirm(PaymentActionId id, const QString &pin, const QString &otp)
{
    Action *action = find(id);
    if (!action || !m_client || !m_database || action->quote.status != QuoteState::Status::Ready)
        return false;
    const PaymentPhase phase = action->payment.phase;
    if (phase != PaymentPhase::Idle && !(phase == PaymentPhase::Failed && action->payment.mayRetry))
        return false;
    QByteArray pinBytes = pin.toUtf8();
    QByteArray otpBytes = otp.toUtf8();
    action->pin = crypto::SecretBytes::takeFrom(pinBytes); // wipes the temporary
    action->otp = crypto::SecretBytes::takeFrom(otpBytes);
    startAttempt(*action);
    return true;
}

void PaymentService::startAttempt(Action &action)
{
    const PaymentActionId id = action.id;
    const PaymentDraft &draft = action.quote.draft;
    // One key per user action, reused for every resend and for reconciliation of this attempt.
    const QString key = gateway::GatewayClient::newIdempotencyKey();
    action.payment = PaymentState();
    action.payment.kind = draft.kind;
    action.payment.quoteId = action.quote.quote.quoteId;
    action.payment.idempotencyKey = key;
    action.resends = 0;
    action.summary = summaryOf(draft, action.quote.quote, action.deadlineMs);

    InFlightPayment record;
    record.idempotencyKey = key;
    record.quoteId = action.quote.quote.quoteId;
    record.kind = gateway::contractString(draft.kind);
    record.summary = storedSummary(action.summary);
    record.note = draft.note;
    record.state = InFlightState::Recorded;
    record.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    record.updatedAtMs = record.createdAtMs;
    setPhase(action, PaymentPhase::Recording);

    // Written durably BEFORE anything is sent: a crash from here on leaves a record reconcile() settles.
    m_database->run<storage::Result<qint64>>(
        [record](storage::WalletDatabase &db) { return InFlightStore(db).record(record); }, this,
        [this, id, key](storage::Result<qint64> stored) {
            Action *a = find(id);
            if (!a || a->payment.idempotencyKey != key)
                return;
            if (!stored) {
                qCWarning(lcPayments, "cannot record the payment attempt: %s; nothing was sent",
                          qPrintable(stored.error().codeName()));
                wipeSecrets(*a);
                a->payment.error = GatewayError::make(
                    ErrorKind::Configuration, QStringLiteral("local_storage"), stored.error().codeName());
                a->payment.failureCode = stored.error().codeName();
                a->payment.mayRetry = true;
                setPhase(*a, PaymentPhase::Failed);
                return;
            }
            const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
            m_database->post([key, nowMs](storage::WalletDatabase &db) {
                if (auto marked = InFlightStore(db).markSent(key, nowMs); !marked)
                    qCWarning(lcPayments, "cannot mark the attempt sent: %s",
                              qPrintable(marked.error().codeName()));
            });
            setPhase(*a, PaymentPhase::Sending);
            send(id);
        });
}

void PaymentService::send(PaymentActionId id)
{
    Action *action = find(id);
    if (!action || !m_client || action->payment.phase != PaymentPhase::Sending)
        return;
    gateway::PaymentRequest request;
    request.quoteId = action->quote.quote.quoteId;
    request.pin = QString::fromUtf8(action->pin.constData(), action->pin.size());
    request.otp = QString::fromUtf8(action->otp.constData(), action->otp.size());
    request.note = action->quote.draft.note;
    const QString key = action->payment.idempotencyKey;
    QPointer<PaymentService> self(this);
    m_client->createPayment(request, key, [self, id, key](gateway::Result<Payment> result) {
        if (!self)
            return;
        if (result)
            self->onAnswer(id, key, true, result.value(), {});
        else
            self->onAnswer(id, key, false, {}, result.error());
    });
    // Best effort: the client has its own copy (in the body it wipes after the request).
    request.pin.fill(QChar(u'0'));
    request.otp.fill(QChar(u'0'));
}

void PaymentService::onAnswer(PaymentActionId id, const QString &key, bool ok, const Payment &payment,
                              const GatewayError &error)
{
    Action *action = find(id);
    if (!action || action->payment.idempotencyKey != key || action->payment.phase != PaymentPhase::Sending)
        return;
    if (ok) {
        settleWithPayment(id, payment, false);
        return;
    }
    action->payment.error = error;
    if (action->resends > 0 && refusedBeforeIdempotency(error)) {
        // An earlier send of this key may have been committed: only the bank's records can tell now.
        becomeUnknown(*action, error);
        return;
    }
    if (outcomeUnknown(error)) {
        qCInfo(lcPayments, "payment answer lost (%s); resending with the same key",
               qPrintable(error.summary()));
        scheduleResend(*action);
        return;
    }
    // Every other answer is final and made no payment (quote_used included: another attempt, with another
    // key, used the quote; that attempt's record accounts for its payment).
    settleWithoutPayment(id, error);
}

void PaymentService::scheduleResend(Action &action)
{
    if (action.resends >= m_options.maxResends || action.pin.isEmpty()) {
        becomeUnknown(action, action.payment.error);
        return;
    }
    const qint64 delay =
        std::min(ms(m_options.maxResendDelay), ms(m_options.resendDelay) << std::min(action.resends, 16));
    ++action.resends;
    const PaymentActionId id = action.id;
    const QString key = action.payment.idempotencyKey;
    emitPayment(action); // still Sending, with the problem seen
    QTimer::singleShot(std::chrono::milliseconds(delay), this, [this, id, key] {
        Action *a = find(id);
        if (a && a->payment.idempotencyKey == key)
            send(id);
    });
}

void PaymentService::becomeUnknown(Action &action, const GatewayError &error)
{
    // The PIN goes now: from here on only the bank's records can tell what happened.
    wipeSecrets(action);
    action.payment.error = error;
    setPhase(action, PaymentPhase::Unknown);
    scheduleCheck(action, std::chrono::milliseconds(0));
}

void PaymentService::settleWithPayment(PaymentActionId id, const Payment &payment, bool reconciled)
{
    Action *action = find(id);
    if (!action)
        return;
    wipeSecrets(*action);
    const QString key = action->payment.idempotencyKey;
    const QJsonObject summary = action->summary;
    const QString note = action->quote.draft.note;
    const storage::HistoryRow row = historyRowFor(payment, summary, note);
    const QString status = gateway::contractString(payment.status);
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_database->run<storage::Result<HistoryChange>>(
        [key, payment, status, row, reconciled,
         nowMs](storage::WalletDatabase &db) -> storage::Result<HistoryChange> {
            InFlightStore inFlight(db);
            storage::Status marked =
                reconciled ? inFlight.markReconciled(key, payment.id, status, nowMs)
                           : inFlight.markAnswered(key, payment.id, status, payment.failureCode, nowMs);
            if (!marked)
                return marked.error();
            storage::HistoryStore history(db);
            auto before = history.get(row.paymentId);
            if (!before)
                return before.error();
            if (auto upserted = history.upsert(row); !upserted)
                return upserted.error();
            HistoryChange change;
            (before.value() ? change.updatedPaymentIds : change.insertedPaymentIds).append(row.paymentId);
            change.rows.append(
                HistoryRowChange{row, before.value() ? before.value()->status : QString(), before.value()});
            return change;
        },
        this,
        [this, id, key, payment](storage::Result<HistoryChange> written) {
            Action *a = find(id);
            if (!written)
                qCWarning(lcPayments, "payment %s made, but the local records failed: %s",
                          qPrintable(payment.id), qPrintable(written.error().codeName()));
            else
                Q_EMIT historyChanged(written.value());
            if (!a || a->payment.idempotencyKey != key)
                return;
            a->payment.payment = payment;
            a->payment.failureCode = payment.failureCode;
            a->payment.error = GatewayError();
            a->payment.mayRetry = false;
            if (a->countedInPass)
                firstCheckDone(*a, &ReconcileSummary::reconciled);
            setPhase(*a, phaseOf(payment.status));
        });
}

void PaymentService::settleWithoutPayment(PaymentActionId id, const GatewayError &error)
{
    Action *action = find(id);
    if (!action)
        return;
    wipeSecrets(*action);
    const QString key = action->payment.idempotencyKey;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QString code = error.code.isEmpty() ? gateway::errorKindName(error.kind) : error.code;
    m_database->run<storage::Status>(
        [key, code, nowMs](storage::WalletDatabase &db) {
            return InFlightStore(db).markAnswered(key, {}, {}, code, nowMs);
        },
        this,
        [this, id, key, error, code](storage::Status written) {
            if (!written)
                qCWarning(lcPayments, "cannot record the answer: %s", qPrintable(written.error().codeName()));
            Action *a = find(id);
            if (!a || a->payment.idempotencyKey != key)
                return;
            a->payment.error = error;
            a->payment.failureCode = code;
            a->payment.mayRetry = quoteStillUsable(error);
            if (error.is(u"quote_expired")) {
                a->quote.status = QuoteState::Status::Expired;
                Q_EMIT quoteStateChanged(id, a->quote);
            }
            const bool declined = error.kind == ErrorKind::Api &&
                                  (error.httpStatus == 402 || error.type == QLatin1String("card_error"));
            setPhase(*a, declined ? PaymentPhase::Declined : PaymentPhase::Failed);
        });
}

// ---- reconciliation
// ----------------------------------------------------------------------------------------

void PaymentService::scheduleCheck(Action &action, std::chrono::milliseconds delay)
{
    if (action.checkScheduled)
        return;
    action.checkScheduled = true;
    const PaymentActionId id = action.id;
    QTimer::singleShot(delay, this, [this, id] {
        Action *a = find(id);
        if (!a)
            return;
        a->checkScheduled = false;
        check(id);
    });
}

void PaymentService::check(PaymentActionId id)
{
    Action *action = find(id);
    if (!action || action->payment.phase != PaymentPhase::Unknown || action->checking)
        return;
    if (!m_client)
        return;
    action->checking = true;
    const QString key = action->payment.idempotencyKey;
    // "Not found" is final only if the question was ASKED after the quote's deadline: an answer that
    // arrives late may describe the bank before the expiry, when a late copy of the payment could still land.
    const qint64 askedAtMs = now().toMSecsSinceEpoch();
    QPointer<PaymentService> self(this);
    auto answered = [self, id, key, askedAtMs](gateway::Result<std::optional<Payment>> result) {
        if (!self)
            return;
        Action *a = self->find(id);
        if (!a || a->payment.idempotencyKey != key)
            return;
        a->checking = false;
        if (a->payment.phase != PaymentPhase::Unknown)
            return;
        const std::chrono::milliseconds recheck = self->m_options.recheckInterval;
        if (!result) {
            // The bank cannot be asked right now: ask again later, a little less often each time.
            a->payment.error = result.error();
            ++a->checkFailures;
            const auto delay =
                std::min(recheck, std::chrono::milliseconds(250) * (1 << std::min(a->checkFailures, 8)));
            if (a->countedInPass)
                self->firstCheckDone(*a, &ReconcileSummary::waiting);
            self->scheduleCheck(*a, delay);
            return;
        }
        a->checkFailures = 0;
        if (result.value()) {
            self->settleWithPayment(id, *result.value(), true);
            return;
        }
        const qint64 finalAt = a->deadlineMs + ms(self->m_options.expiryMargin);
        if (askedAtMs >= finalAt) {
            // The quote is dead and was never used: this payment can no longer happen.
            self->abandon(id);
            return;
        }
        if (a->countedInPass)
            self->firstCheckDone(*a, &ReconcileSummary::waiting);
        // Ask again by the deadline (at once when this answer came after it: it was asked before).
        const qint64 nowMs = self->now().toMSecsSinceEpoch();
        self->scheduleCheck(
            *a, std::min(recheck, std::chrono::milliseconds(std::max<qint64>(finalAt - nowMs, 1))));
    };
    const QString paymentId = action->knownPaymentId;
    if (!paymentId.isEmpty()) {
        m_client->getPayment(paymentId, [answered](gateway::Result<Payment> result) {
            if (result)
                answered(std::optional<Payment>(std::move(result.value())));
            else
                answered(result.error());
        });
    } else {
        m_client->findPaymentByQuote(action->payment.quoteId, answered);
    }
}

void PaymentService::abandon(PaymentActionId id)
{
    Action *action = find(id);
    if (!action)
        return;
    const QString key = action->payment.idempotencyKey;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    m_database->run<storage::Status>(
        [key, nowMs](storage::WalletDatabase &db) { return InFlightStore(db).markAbandoned(key, nowMs); },
        this,
        [this, id, key](storage::Status written) {
            if (!written)
                qCWarning(lcPayments, "cannot mark the attempt abandoned: %s",
                          qPrintable(written.error().codeName()));
            Action *a = find(id);
            if (!a || a->payment.idempotencyKey != key)
                return;
            a->payment.error = GatewayError();
            a->payment.failureCode = QStringLiteral("quote_expired");
            if (a->countedInPass)
                firstCheckDone(*a, &ReconcileSummary::abandoned);
            if (a->quote.status == QuoteState::Status::Ready) {
                a->quote.status = QuoteState::Status::Expired;
                Q_EMIT quoteStateChanged(id, a->quote);
            }
            setPhase(*a, PaymentPhase::Abandoned);
        });
}

void PaymentService::reconcile()
{
    // One pass at a time: a call during a pass is covered by it (its reconcileFinished answers both).
    if (!m_database || m_reconciling)
        return;
    m_reconciling = true;
    m_database->run<storage::Result<QVector<InFlightPayment>>>(
        [](storage::WalletDatabase &db) { return InFlightStore(db).listUnfinished(); }, this,
        [this](storage::Result<QVector<InFlightPayment>> rows) {
            if (!rows) {
                qCWarning(lcPayments, "cannot list the payments in flight: %s",
                          qPrintable(rows.error().codeName()));
                m_reconciling = false;
                Q_EMIT reconcileFinished(ReconcileSummary());
                return;
            }
            m_summary = ReconcileSummary();
            m_reconcileOutstanding = 0;
            QList<InFlightPayment> answered;
            for (const InFlightPayment &record : rows.value()) {
                ++m_summary.examined;
                if (record.state == InFlightState::Answered) {
                    answered.append(record);
                    continue;
                }
                adoptRecord(record);
            }
            // Answered rows are settled: the answer was final when it came. Only the book-keeping is left.
            if (!answered.isEmpty()) {
                const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
                m_database->post([answered, nowMs](storage::WalletDatabase &db) {
                    InFlightStore store(db);
                    for (const InFlightPayment &record : answered)
                        (void)store.markReconciled(record.idempotencyKey, record.paymentId,
                                                   record.answerStatus, nowMs);
                });
                m_summary.reconciled += int(answered.size());
            }
            if (m_reconcileOutstanding == 0) {
                m_reconciling = false;
                Q_EMIT reconcileFinished(m_summary);
            }
        });
}

void PaymentService::adoptRecord(const InFlightPayment &record)
{
    // This very service may still be working on it (reconcile() called while a payment runs).
    for (const auto &entry : m_actions)
        if (entry.second->payment.idempotencyKey == record.idempotencyKey) {
            --m_summary.examined;
            return;
        }
    Action &action = newAction();
    action.summary = record.summary;
    action.quote.status = QuoteState::Status::Ready;
    action.quote.quote.quoteId = record.quoteId;
    action.quote.draft.note = record.note;
    action.quote.draft.source = record.summary.value(QStringLiteral("source")).toString();
    const auto kind = quoteKindFromString(record.kind);
    action.quote.draft.kind = kind.value_or(QuoteKind::Payment);
    action.payment.kind = action.quote.draft.kind;
    action.payment.quoteId = record.quoteId;
    action.payment.idempotencyKey = record.idempotencyKey;
    action.payment.recovered = true;
    action.payment.phase = PaymentPhase::Unknown;
    action.knownPaymentId = record.paymentId; // check() then asks GET /v1/payments/{id}
    const QJsonValue deadline = record.summary.value(kDeadlineMs);
    action.deadlineMs = deadline.isDouble() ? qint64(deadline.toDouble()) : record.createdAtMs + kQuoteLifeMs;
    const auto expires = gateway::json::decodeTime(record.summary.value(kQuoteExpiresAt));
    if (expires)
        action.deadlineMs = std::max(action.deadlineMs, expires.value().toMSecsSinceEpoch());
    action.countedInPass = true;
    ++m_reconcileOutstanding;
    emitPayment(action);
    scheduleCheck(action, std::chrono::milliseconds(0));
}

void PaymentService::firstCheckDone(Action &action, int ReconcileSummary::*bucket)
{
    if (!action.countedInPass)
        return;
    action.countedInPass = false;
    m_summary.*bucket += 1;
    if (--m_reconcileOutstanding == 0 && m_reconciling) {
        m_reconciling = false;
        Q_EMIT reconcileFinished(m_summary);
    }
}

} // namespace bw::services
