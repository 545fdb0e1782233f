#include "stub/payment_records.h"

#include "crypto/random.h"
#include "stub/api_error.h"
#include "stub/json_fields.h"
#include "stub/ledger.h"
#include "stub/transaction_feed.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace bw::stub {

QString newReceiptNo(const QDateTime &now)
{
    const auto bytes = crypto::randomBytes(12);
    if (!bytes)
        throw ApiError::internalError();
    QString digits;
    digits.reserve(12);
    // One byte per digit: the modulo bias (256 = 25·10 + 6) is irrelevant for a receipt number.
    for (const char byte : bytes.value())
        digits.append(QChar(u'0' + quint8(byte) % 10));
    return QStringLiteral("BW") + shanghaiDate(now).toString(QStringLiteral("yyyyMMdd")) + digits;
}

std::optional<QByteArray> paymentJsonText(GatewayContext &ctx, const QString &paymentId,
                                          const QString &walletId)
{
    StubStore::Query row = ctx.store().query(
        QStringLiteral("SELECT wallet_id, kind, status, failure_code, debit_amount, debit_currency, "
                       "credit_amount, credit_currency, fees_json, fx_rate, counterparty_json, note_sealed, "
                       "travel_rule_json, receipt_no, created_at, quote_id, large_value_flag FROM payments "
                       "WHERE id = ?"),
        {paymentId});
    if (!row.next() || (!walletId.isEmpty() && row.value(0).toString() != walletId))
        return std::nullopt;
    JsonWriter json;
    const auto money = [&](QLatin1StringView name, int amount, int currency) {
        json.key(name);
        if (row.value(amount).isNull())
            json.null();
        else
            json.money(row.value(amount).toLongLong(), row.value(currency).toString());
    };
    const auto optionalText = [&](QLatin1StringView name, int column) {
        if (!row.value(column).isNull())
            json.key(name).string(row.value(column).toString());
    };
    // Keys in sorted order, like every other answer (QJsonDocument sorts them). The JSON columns
    // (counterparty, fees, travel rule) were written compact by QJsonDocument and go in as they are.
    json.beginObject();
    const auto stored = [&row](int column, QByteArrayView empty) {
        const QByteArray text = row.value(column).toString().toUtf8();
        return text.isEmpty() ? empty.toByteArray() : text;
    };
    json.key(QLatin1StringView("counterparty")).raw(stored(10, "{}"));
    json.key(QLatin1StringView("created_at")).string(toRfc3339(row.value(14).toLongLong()));
    money(QLatin1StringView("credit"), 6, 7);
    money(QLatin1StringView("debit"), 4, 5);
    optionalText(QLatin1StringView("failure_code"), 3);
    json.key(QLatin1StringView("fees")).raw(stored(8, "[]"));
    optionalText(QLatin1StringView("fx_rate"), 9);
    json.key(QLatin1StringView("id")).string(paymentId);
    json.key(QLatin1StringView("kind")).string(row.value(1).toString());
    json.key(QLatin1StringView("large_value_report")).boolean(row.value(16).toInt() != 0);
    const QByteArray note = row.value(11).toByteArray();
    if (!note.isEmpty())
        json.key(QLatin1StringView("note")).string(TransactionFeed::openNote(ctx.key(), paymentId, note));
    optionalText(QLatin1StringView("quote_id"), 15);
    json.key(QLatin1StringView("receipt_no")).string(row.value(13).toString());
    json.key(QLatin1StringView("status")).string(row.value(2).toString());
    if (!row.value(12).isNull())
        json.key(QLatin1StringView("travel_rule")).raw(row.value(12).toString().toUtf8());
    json.endObject();
    return json.take();
}

std::optional<QJsonObject> paymentJson(GatewayContext &ctx, const QString &paymentId, const QString &walletId)
{
    const auto text = paymentJsonText(ctx, paymentId, walletId);
    if (!text)
        return std::nullopt;
    return QJsonDocument::fromJson(*text).object();
}

QJsonObject decideReview(GatewayContext &ctx, const QString &paymentId, bool approve)
{
    StubStore &store = ctx.store();
    if (!store.inTransaction())
        throw StoreError("decideReview outside a transaction");
    StubStore::Query row =
        store.query(QStringLiteral("SELECT wallet_id, status FROM payments WHERE id = ?"), {paymentId});
    if (!row.next())
        throw ApiError::resourceMissing(QStringLiteral("No such payment."), QStringLiteral("id"));
    const QString walletId = row.value(0).toString();
    if (row.value(1).toString() != QLatin1String("pending_review"))
        throw ApiError::conflict(QStringLiteral("review_not_pending"),
                                 QStringLiteral("The payment is not waiting for review."),
                                 QStringLiteral("id"));

    Ledger ledger(store);
    const auto hold = ledger.findHold(paymentId);
    if (!hold)
        throw StoreError("payment in pending_review without a ledger hold");
    const qint64 now = ctx.nowSecs();
    const qint64 before = ledger.balance(walletId, hold->currency).available;
    if (approve)
        ledger.releaseHold(paymentId, now);
    else
        ledger.returnHold(paymentId, now);
    const qint64 after = ledger.balance(walletId, hold->currency).available;

    store.run(
        QStringLiteral("UPDATE payments SET status = ?, failure_code = ?, updated_at = ? WHERE id = ?"),
        {approve ? QStringLiteral("succeeded") : QStringLiteral("rejected"),
         approve ? QVariant(QMetaType(QMetaType::QString)) : QVariant(QStringLiteral("review_rejected")), now,
         paymentId});
    TransactionFeed(store, ctx.key()).appendForPayment(paymentId, after - before, now);
    store.audit(
        now, approve ? QStringLiteral("payment.review_approved") : QStringLiteral("payment.review_rejected"),
        paymentId, {{QStringLiteral("wallet_id"), walletId}, {QStringLiteral("by"), QStringLiteral("demo")}});
    return *paymentJson(ctx, paymentId);
}

ArrivalVerdict decideArrival(const ScreeningResult &screening, const WalletBalance &recipient,
                             std::optional<qint64> balanceCap, qint64 amount)
{
    qint64 after = 0;
    const bool overCap =
        balanceCap && (__builtin_add_overflow(recipient.available, recipient.pending, &after) ||
                       __builtin_add_overflow(after, amount, &after) || after > *balanceCap);
    if (screening.outcome == ScreeningOutcome::Match)
        return {QStringLiteral("rejected"), QStringLiteral("sanctions_match")};
    if (overCap)
        return {QStringLiteral("rejected"), QStringLiteral("limit_exceeded")};
    if (screening.outcome == ScreeningOutcome::Review)
        return {QStringLiteral("pending_review"), {}};
    return {QStringLiteral("succeeded"), {}};
}

} // namespace bw::stub
