#include "storage/in_flight_store.h"

#include "storage/sql_values_p.h"
#include "storage/wallet_database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bw::storage {

namespace {

const QString kTable = QStringLiteral("payments_in_flight");
const QString kColumns =
    QStringLiteral("id, idempotency_key, quote_id, kind, summary_json, note_sealed, state,"
                   " payment_id, answer_status, failure_code, created_at, updated_at");

// Keys that must never reach the disk, at any depth of the summary.
bool holdsSecret(const QJsonValue &value)
{
    static const QStringList forbidden = {
        QStringLiteral("pin"),      QStringLiteral("payment_pin"),  QStringLiteral("otp"),
        QStringLiteral("password"), QStringLiteral("cvc"),          QStringLiteral("number"),
        QStringLiteral("code"),     QStringLiteral("access_token"), QStringLiteral("document_number")};
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (forbidden.contains(it.key(), Qt::CaseInsensitive) || holdsSecret(it.value()))
                return true;
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (holdsSecret(item))
                return true;
        }
    }
    return false;
}

Result<InFlightPayment> readRow(const QSqlQuery &q, const FieldSealer &sealer)
{
    InFlightPayment p;
    p.id = q.value(0).toLongLong();
    p.idempotencyKey = q.value(1).toString();
    p.quoteId = q.value(2).toString();
    p.kind = q.value(3).toString();
    p.summary = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
    auto note = sealer.openText(q.value(5).toByteArray(), kTable, u"note", p.idempotencyKey);
    if (!note)
        return note.error();
    p.note = note.value();
    const auto state = inFlightStateFromName(q.value(6).toString());
    if (!state)
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("unknown in-flight state")};
    p.state = *state;
    p.paymentId = q.value(7).toString();
    p.answerStatus = q.value(8).toString();
    p.failureCode = q.value(9).toString();
    p.createdAtMs = q.value(10).toLongLong();
    p.updatedAtMs = q.value(11).toLongLong();
    return p;
}

} // namespace

QString inFlightStateName(InFlightState state)
{
    switch (state) {
    case InFlightState::Recorded:
        return QStringLiteral("recorded");
    case InFlightState::Sent:
        return QStringLiteral("sent");
    case InFlightState::Answered:
        return QStringLiteral("answered");
    case InFlightState::Reconciled:
        return QStringLiteral("reconciled");
    case InFlightState::Abandoned:
        return QStringLiteral("abandoned");
    }
    return QStringLiteral("recorded");
}

std::optional<InFlightState> inFlightStateFromName(const QString &name)
{
    for (const InFlightState state : {InFlightState::Recorded, InFlightState::Sent, InFlightState::Answered,
                                      InFlightState::Reconciled, InFlightState::Abandoned}) {
        if (inFlightStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

Result<qint64> InFlightStore::record(const InFlightPayment &payment)
{
    if (payment.idempotencyKey.isEmpty() || payment.idempotencyKey.size() > 255 || payment.kind.isEmpty())
        return StorageError{StorageErrorCode::InvalidData,
                            QStringLiteral("in-flight payment without key or kind")};
    if (holdsSecret(payment.summary))
        return StorageError{StorageErrorCode::InvalidData,
                            QStringLiteral("in-flight summary carries a secret field; refused")};
    auto note = m_db.sealer().sealText(payment.note, kTable, u"note", payment.idempotencyKey);
    if (!note)
        return note.error();
    const qint64 updated = payment.updatedAtMs ? payment.updatedAtMs : payment.createdAtMs;
    auto done = m_db.exec(
        QStringLiteral(
            "INSERT INTO payments_in_flight (idempotency_key, quote_id, kind, summary_json, note_sealed,"
            " state, payment_id, answer_status, failure_code, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {payment.idempotencyKey, detail::textOrNull(payment.quoteId), payment.kind,
         QString::fromUtf8(QJsonDocument(payment.summary).toJson(QJsonDocument::Compact)),
         detail::blobOrNull(note.value()), inFlightStateName(payment.state),
         detail::textOrNull(payment.paymentId), detail::textOrNull(payment.answerStatus),
         detail::textOrNull(payment.failureCode), payment.createdAtMs, updated});
    if (!done)
        return done.error();
    return done.value().lastInsertId().toLongLong();
}

Status InFlightStore::setState(const QString &key, InFlightState state, const QString &extraSql,
                               const QVariantList &extra, qint64 nowMs)
{
    QVariantList args = {inFlightStateName(state), nowMs};
    args.append(extra);
    args.append(key);
    auto done = m_db.exec(QStringLiteral("UPDATE payments_in_flight SET state = ?, updated_at = ?%1"
                                         " WHERE idempotency_key = ?")
                              .arg(extraSql),
                          args);
    if (!done)
        return done.error();
    if (done.value().numRowsAffected() != 1)
        return StorageError{StorageErrorCode::NotFound, QStringLiteral("no in-flight payment with that key")};
    return {};
}

Status InFlightStore::markSent(const QString &idempotencyKey, qint64 nowMs)
{
    return setState(idempotencyKey, InFlightState::Sent, {}, {}, nowMs);
}

Status InFlightStore::markAnswered(const QString &idempotencyKey, const QString &paymentId,
                                   const QString &answerStatus, const QString &failureCode, qint64 nowMs)
{
    return setState(
        idempotencyKey, InFlightState::Answered,
        QStringLiteral(", payment_id = COALESCE(?, payment_id), answer_status = ?, failure_code = ?"),
        {detail::textOrNull(paymentId), detail::textOrNull(answerStatus), detail::textOrNull(failureCode)},
        nowMs);
}

Status InFlightStore::markReconciled(const QString &idempotencyKey, const QString &paymentId,
                                     const QString &finalStatus, qint64 nowMs)
{
    return setState(
        idempotencyKey, InFlightState::Reconciled,
        QStringLiteral(", payment_id = COALESCE(?, payment_id), answer_status = COALESCE(?, answer_status)"),
        {detail::textOrNull(paymentId), detail::textOrNull(finalStatus)}, nowMs);
}

Status InFlightStore::markAbandoned(const QString &idempotencyKey, qint64 nowMs)
{
    return setState(idempotencyKey, InFlightState::Abandoned, {}, {}, nowMs);
}

Result<std::optional<InFlightPayment>> InFlightStore::get(const QString &idempotencyKey)
{
    auto query =
        m_db.exec(QStringLiteral("SELECT %1 FROM payments_in_flight WHERE idempotency_key = ?").arg(kColumns),
                  {idempotencyKey});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<InFlightPayment>();
    auto row = readRow(query.value(), m_db.sealer());
    if (!row)
        return row.error();
    return std::optional<InFlightPayment>(std::move(row).value());
}

Result<QVector<InFlightPayment>> InFlightStore::listUnfinished()
{
    auto query =
        m_db.exec(QStringLiteral("SELECT %1 FROM payments_in_flight"
                                 " WHERE state IN ('recorded', 'sent', 'answered') ORDER BY created_at, id")
                      .arg(kColumns));
    if (!query)
        return query.error();
    return detail::readAllRows<InFlightPayment>(query.value(), m_db.sealer(), readRow);
}

Result<int> InFlightStore::purgeFinishedBefore(qint64 beforeMs)
{
    auto done = m_db.exec(QStringLiteral("DELETE FROM payments_in_flight"
                                         " WHERE state IN ('reconciled', 'abandoned') AND updated_at < ?"),
                          {beforeMs});
    if (!done)
        return done.error();
    return done.value().numRowsAffected();
}

} // namespace bw::storage
