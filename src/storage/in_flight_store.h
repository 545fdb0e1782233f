// InFlightStore: every money-moving request is recorded here with its Idempotency-Key BEFORE it is sent,
// so that after a timeout or a crash the app can reconcile it (GET /v1/payments/{id} or a replay with the
// same key) instead of losing or duplicating a payment. The summary never holds the PIN or an OTP
// (save() refuses a summary with such keys); the note is sealed.
//
// Life of a row: recorded → sent → answered → reconciled, or abandoned (never sent, or given up on).
// Synchronous; use it on the thread that owns the WalletDatabase.
#pragma once

#include "storage/storage_error.h"

#include <QJsonObject>
#include <QString>
#include <QVariantList>
#include <QVector>

#include <optional>

namespace bw::storage {

class WalletDatabase;

enum class InFlightState { Recorded, Sent, Answered, Reconciled, Abandoned };

QString inFlightStateName(InFlightState state); // "recorded", "sent", ...
std::optional<InFlightState> inFlightStateFromName(const QString &name);

struct InFlightPayment
{
    qint64 id = 0; // local row id, set by the store
    QString idempotencyKey;
    QString quoteId;
    QString kind; // payment|transfer|top_up|withdrawal
    // What was asked: amount, payee, source — e.g. {"amount": {"amount": 1250, "currency": "CNY"},
    // "destination": {"merchant_id": "mer_…"}, "source": "balance"}. Never pin, otp, password, cvc.
    QJsonObject summary;
    QString note; // sealed
    InFlightState state = InFlightState::Recorded;
    QString paymentId;    // once known
    QString answerStatus; // the payment's status in the answer (succeeded, processing, ...)
    QString failureCode;  // the answer's error or failure code
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
};

class InFlightStore
{
public:
    explicit InFlightStore(WalletDatabase &db)
        : m_db(db)
    {}

    // Records a new request in state Recorded (durably: synchronous=FULL) and returns its row id.
    // Errors: InvalidData (empty key, or a summary carrying pin/otp/password/cvc/number), SqlError when
    // the key already exists.
    Result<qint64> record(const InFlightPayment &payment);
    Status markSent(const QString &idempotencyKey, qint64 nowMs);
    // paymentId may be empty when the answer was an error without a payment.
    Status markAnswered(const QString &idempotencyKey, const QString &paymentId, const QString &answerStatus,
                        const QString &failureCode, qint64 nowMs);
    // The final status learnt from the gateway (reconciliation or the feed).
    Status markReconciled(const QString &idempotencyKey, const QString &paymentId, const QString &finalStatus,
                          qint64 nowMs);
    Status markAbandoned(const QString &idempotencyKey, qint64 nowMs);

    Result<std::optional<InFlightPayment>> get(const QString &idempotencyKey);
    // Rows neither reconciled nor abandoned, oldest first.
    Result<QVector<InFlightPayment>> listUnfinished();
    // Deletes reconciled/abandoned rows last updated before the given time.
    Result<int> purgeFinishedBefore(qint64 beforeMs);

private:
    Status setState(const QString &key, InFlightState state, const QString &extraSql,
                    const QVariantList &extra, qint64 nowMs);
    WalletDatabase &m_db;
};

} // namespace bw::storage
