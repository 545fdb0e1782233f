// JsonCodec: the ONE place that turns the gateway's JSON into the contract structs (gateway_types.h) and
// requests into JSON. Decoders are strict, because the network is not trusted: a wrong JSON type, a
// missing required field, a bad currency, an amount beyond ±9×10^15 or not an integer, a malformed rate or
// time, an unknown value of an enum the contract fixes → Result error of kind Decode with param = the JSON
// path ("data[3].amount.currency") and detail = the reason. Never a crash, never UB. Unknown extra fields
// are ignored (the contract may gain fields). Field values are checked with bw::core (Currency, Money
// bounds, DecimalRate).
#pragma once

#include "gateway/gateway_error.h"
#include "gateway/gateway_types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace bw::gateway::json {

// Parses a response body as a JSON object (Decode error otherwise).
Result<QJsonObject> parseObject(const QByteArray &body);

// The contract's error envelope {"error": {...}} of a non-2xx answer, as kind Api; nullopt when the body
// is not such an envelope (the client then reports kind Http).
std::optional<GatewayError> decodeErrorEnvelope(const QByteArray &body, int httpStatus);

// ---- values -------------------------------------------------------------------------------------------
Result<Money> decodeMoney(const QJsonValue &value);
QJsonObject encodeMoney(const Money &money);
Result<QDateTime> decodeTime(const QJsonValue &value); // RFC 3339 → UTC
QString encodeTime(const QDateTime &time);             // "2024-05-01T08:30:00Z"

// ---- responses (one per type) -------------------------------------------------------------------------
Result<Health> decodeHealth(const QJsonObject &object);
Result<Bank> decodeBank(const QJsonObject &object);
Result<QList<Bank>> decodeBankList(const QJsonObject &object);
Result<FeeRule> decodeFeeRule(const QJsonObject &object);
Result<FeeSchedule> decodeFeeSchedule(const QJsonObject &object);
Result<FxRates> decodeFxRates(const QJsonObject &object);
Result<Merchant> decodeMerchant(const QJsonObject &object);
Result<QList<Merchant>> decodeMerchantList(const QJsonObject &object);
Result<OtpInfo> decodeOtpInfo(const QJsonObject &object);
Result<OtpInfo> decodeOtpResent(const QJsonObject &object); // {"otp": {...}}
Result<EnrollmentStart> decodeEnrollmentStart(const QJsonObject &object);
Result<EnrollmentVerify> decodeEnrollmentVerify(const QJsonObject &object);
Result<EnrollmentIdentity> decodeEnrollmentIdentity(const QJsonObject &object);
Result<Limits> decodeLimits(const QJsonObject &object);
Result<DeviceCredentials> decodeDeviceCredentials(const QJsonObject &object);
Result<EnrollmentCredentials> decodeEnrollmentCredentials(const QJsonObject &object);
// now: the time of receipt, for expiresAt.
Result<Session> decodeSession(const QJsonObject &object, const QDateTime &now);
Result<Device> decodeDevice(const QJsonObject &object);
Result<QList<Device>> decodeDeviceList(const QJsonObject &object);
Result<Wallet> decodeWallet(const QJsonObject &object);
Result<TotpEnrollment> decodeTotpEnrollment(const QJsonObject &object);
Result<TotpStatus> decodeTotpStatus(const QJsonObject &object);
Result<PasswordReset> decodePasswordReset(const QJsonObject &object);
Result<PaymentMethod> decodePaymentMethod(const QJsonObject &object);
Result<QList<PaymentMethod>> decodePaymentMethodList(const QJsonObject &object);
Result<Quote> decodeQuote(const QJsonObject &object);
Result<Payment> decodePayment(const QJsonObject &object);
Result<std::optional<Payment>> decodePaymentSearch(const QJsonObject &object); // {"data": [0 or 1]}
Result<Transaction> decodeTransaction(const QJsonObject &object);
Result<TransactionPage> decodeTransactionPage(const QJsonObject &object);
Result<OutboxMessage> decodeOutboxMessage(const QJsonObject &object);
Result<QList<OutboxMessage>> decodeOutboxList(const QJsonObject &object);
Result<DevTierResult> decodeDevTierResult(const QJsonObject &object);
Result<LedgerCheck> decodeLedgerCheck(const QJsonObject &object);

// ---- encoders for the types the tests round-trip and the local cache may keep ---------------------------
QJsonObject encodeBank(const Bank &bank);
QJsonObject encodeFeeRule(const FeeRule &rule);
QJsonObject encodeFxRates(const FxRates &rates);
QJsonObject encodeMerchant(const Merchant &merchant);
QJsonObject encodeOtpInfo(const OtpInfo &otp);
QJsonObject encodeLimits(const Limits &limits);
QJsonObject encodeDevice(const Device &device);
QJsonObject encodeWallet(const Wallet &wallet);
QJsonObject encodePaymentMethod(const PaymentMethod &method);
QJsonObject encodeQuote(const Quote &quote);
QJsonObject encodePayment(const Payment &payment);
QJsonObject encodeTransaction(const Transaction &transaction);
QJsonObject encodeTransactionPage(const TransactionPage &page);
QJsonObject encodeOutboxMessage(const OutboxMessage &message);
QJsonObject encodeLedgerCheck(const LedgerCheck &check);

// ---- requests -----------------------------------------------------------------------------------------
QJsonObject encodeEnrollmentRequest(const EnrollmentRequest &request);
QJsonObject encodeIdentityRequest(const IdentityRequest &request);
QJsonObject encodeEnrollmentCompleteRequest(const EnrollmentCompleteRequest &request);
QJsonObject encodeAddDeviceRequest(const AddDeviceRequest &request);
QJsonObject encodeCardRequest(const CardRequest &request);
QJsonObject encodeBankAccountRequest(const BankAccountRequest &request);
QJsonObject encodeQuoteRequest(const QuoteRequest &request);
QJsonObject encodePaymentRequest(const PaymentRequest &request);

// Compact UTF-8 JSON of an object (the bytes that are sent and signed).
QByteArray toBody(const QJsonObject &object);

} // namespace bw::gateway::json
