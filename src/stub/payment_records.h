// Payment records: what every route that creates or changes a payment (incoming transfers, staff reviews,
// POST /v1/payments) shares — the payment object as the contract shows it, receipt numbers, and the
// settlement of a payment held for review (pending_review → succeeded | rejected), written once here on
// top of Ledger (holds) and TransactionFeed so incoming and outgoing payments settle the same way.
#pragma once

#include "stub/gateway_context.h"
#include "stub/ledger.h"
#include "stub/sanctions.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace bw::stub {

// "BW" + the Asia/Shanghai date (yyyyMMdd) + 12 CSPRNG digits, e.g. "BW20250301048213377561": readable on
// the phone, sortable by day, unguessable. Throws ApiError::internalError() if the CSPRNG fails.
QString newReceiptNo(const QDateTime &now);

// The payment object of GET /v1/payments/{id}: {"id", "kind", "status", "failure_code"?, "debit",
// "credit", "fees", "fx_rate"?, "counterparty", "note"?, "created_at", "receipt_no", "travel_rule"?,
// "quote_id"?, "large_value_report"} — one SELECT.
// walletId non-empty: only that wallet's payment. nullopt when there is no such payment.
std::optional<QJsonObject> paymentJson(GatewayContext &ctx, const QString &paymentId,
                                       const QString &walletId = {});
// The same object as compact JSON text, written directly (JsonWriter): the payment path's answers.
std::optional<QByteArray> paymentJsonText(GatewayContext &ctx, const QString &paymentId,
                                          const QString &walletId = {});

// A staff decision on a payment in pending_review, inside the caller's open transaction:
// approve → the hold is released to its destination (Ledger::releaseHold), status succeeded;
// reject → the hold goes back where it came from (Ledger::returnHold), status rejected with failure_code
// "review_rejected". Either way one feed entry (amount = the change to the available balance) and an
// audit row. Throws ApiError 404 resource_missing (param "id") for an unknown payment and 409
// review_not_pending for a payment that is not in pending_review. Returns the payment object.
QJsonObject decideReview(GatewayContext &ctx, const QString &paymentId, bool approve);

// Whether money arriving in a wallet (an incoming transfer, or a transfer from another wallet) may land:
// a sanctions match → rejected (sanctions_match); more than the recipient tier's balance cap (available +
// pending + amount; nullopt cap = none) → rejected (limit_exceeded); a similar name → pending_review;
// otherwise succeeded. failureCode is empty unless rejected.
struct ArrivalVerdict
{
    QString status;
    QString failureCode;
};
ArrivalVerdict decideArrival(const ScreeningResult &screening, const WalletBalance &recipient,
                             std::optional<qint64> balanceCap, qint64 amount);

} // namespace bw::stub
