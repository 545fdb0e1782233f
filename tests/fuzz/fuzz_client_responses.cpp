// fuzz_client_responses: the client's decoding of every gateway answer (src/gateway/json_codec.h), from
// the raw response body to a typed contract struct or a typed Decode error.
//
// Input: byte 0 picks the contract type (every decode* function, the error envelope with an HTTP status
// from byte 1, and the bare value decoders for money and time), the rest is the response body. Properties:
// no crash or UB whatever the bytes; a refusal is a Decode error with its JSON path and a user message;
// for a type with an encoder, a decoded value encodes to JSON that decodes again and encodes to the same
// bytes (encode ∘ decode is stable), so nothing the client keeps changes on a round trip; list answers
// ({"data": [...]}) are checked the same way through their element encoder.
#include "fuzz_support.h"

#include "gateway/json_codec.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace bw::gateway;
namespace json = bw::gateway::json;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 27), QTime(8, 0), Qt::UTC);

void checkError(const GatewayError &error, const QByteArray &body)
{
    BW_FUZZ_CHECK(error.isError() && error.kind == ErrorKind::Decode, QString::fromUtf8(body.left(200)));
    BW_FUZZ_CHECK(!error.summary().isEmpty() && !error.userMessage().isEmpty(), error.summary());
}

template<typename T>
void decodeOnly(Result<T> (*decode)(const QJsonObject &), const QJsonObject &object, const QByteArray &body)
{
    auto result = decode(object);
    if (!result)
        checkError(result.error(), body);
}

// decode → encode → decode → encode: both encodings are the same bytes.
template<typename T>
void roundTrip(Result<T> (*decode)(const QJsonObject &), QJsonObject (*encode)(const T &),
               const QJsonObject &object, const QByteArray &body)
{
    auto first = decode(object);
    if (!first) {
        checkError(first.error(), body);
        return;
    }
    const QJsonObject encoded = encode(first.value());
    auto second = decode(encoded);
    BW_FUZZ_CHECK(second.ok(), second.error().summary() + QStringLiteral(" in ") +
                                   QString::fromUtf8(json::toBody(encoded)));
    const QByteArray once = json::toBody(encoded);
    const QByteArray twice = json::toBody(encode(second.value()));
    BW_FUZZ_CHECK(once == twice,
                  QString::fromUtf8(once) + QStringLiteral("\n != \n") + QString::fromUtf8(twice));
}

// The same for a {"data": [...]} list through the element encoder.
template<typename T>
void listRoundTrip(Result<QList<T>> (*decode)(const QJsonObject &), QJsonObject (*encode)(const T &),
                   const QJsonObject &object, const QByteArray &body)
{
    auto wrap = [encode](const QList<T> &items) {
        QJsonArray array;
        for (const T &item : items)
            array.append(encode(item));
        return QJsonObject{{QStringLiteral("data"), array}};
    };
    auto first = decode(object);
    if (!first) {
        checkError(first.error(), body);
        return;
    }
    const QJsonObject encoded = wrap(first.value());
    auto second = decode(encoded);
    BW_FUZZ_CHECK(second.ok(), second.error().summary());
    BW_FUZZ_CHECK(json::toBody(encoded) == json::toBody(wrap(second.value())), QString::fromUtf8(body));
}

void session(const QJsonObject &object, const QByteArray &body)
{
    auto result = json::decodeSession(object, kNow);
    if (!result)
        checkError(result.error(), body);
}

void paymentSearch(const QJsonObject &object, const QByteArray &body)
{
    auto result = json::decodePaymentSearch(object);
    if (!result) {
        checkError(result.error(), body);
        return;
    }
    if (result.value()) {
        const QJsonObject one = json::encodePayment(*result.value());
        auto again = json::decodePaymentSearch(QJsonObject{{QStringLiteral("data"), QJsonArray{one}}});
        BW_FUZZ_CHECK(again.ok() && again.value().has_value(), again.error().summary());
        BW_FUZZ_CHECK(json::toBody(json::encodePayment(*again.value())) == json::toBody(one),
                      QString::fromUtf8(body));
    }
}

// A bare JSON value (money, time): the body is read as the single element of an array.
void values(uint8_t which, const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson('[' + body + ']');
    if (!document.isArray() || document.array().size() != 1)
        return;
    const QJsonValue value = document.array().first();
    if (which % 2 == 0) {
        auto money = json::decodeMoney(value);
        if (!money) {
            checkError(money.error(), body);
            return;
        }
        BW_FUZZ_CHECK(money.value().isValid() && money.value().isWithinGatewayBound(),
                      QString::fromUtf8(body));
        auto again = json::decodeMoney(json::encodeMoney(money.value()));
        BW_FUZZ_CHECK(again.ok() && again.value() == money.value(), QString::fromUtf8(body));
    } else {
        auto time = json::decodeTime(value);
        if (!time) {
            checkError(time.error(), body);
            return;
        }
        BW_FUZZ_CHECK(time.value().isValid() && time.value().timeSpec() == Qt::UTC, QString::fromUtf8(body));
        auto again = json::decodeTime(json::encodeTime(time.value()));
        BW_FUZZ_CHECK(again.ok(), json::encodeTime(time.value()));
        BW_FUZZ_CHECK(json::encodeTime(again.value()) == json::encodeTime(time.value()),
                      QString::fromUtf8(body));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bw::fuzz::init();
    bw::fuzz::FuzzInput input(data, size);
    const uint8_t selector = input.takeByte();
    const int which = selector % 38;
    if (which >= 34) {
        const uint8_t statusByte = input.takeByte();
        const QByteArray body = input.rest();
        if (which >= 36) {
            values(uint8_t(which), body);
            return 0;
        }
        const int status = 400 + statusByte % 200;
        const std::optional<GatewayError> error = json::decodeErrorEnvelope(body, status);
        if (error) {
            BW_FUZZ_CHECK(error->kind == ErrorKind::Api && error->httpStatus == status, error->summary());
            BW_FUZZ_CHECK(!error->userMessage().isEmpty() && !error->summary().isEmpty(), error->summary());
        }
        return 0;
    }
    const QByteArray body = input.rest();
    const auto parsed = json::parseObject(body);
    if (!parsed) {
        checkError(parsed.error(), body);
        return 0;
    }
    const QJsonObject &o = parsed.value();
    switch (which) {
    case 0:
        decodeOnly(json::decodeHealth, o, body);
        break;
    case 1:
        roundTrip(json::decodeBank, json::encodeBank, o, body);
        break;
    case 2:
        listRoundTrip(json::decodeBankList, json::encodeBank, o, body);
        break;
    case 3:
        roundTrip(json::decodeFeeRule, json::encodeFeeRule, o, body);
        break;
    case 4:
        listRoundTrip(json::decodeFeeSchedule, json::encodeFeeRule, o, body);
        break;
    case 5:
        roundTrip(json::decodeFxRates, json::encodeFxRates, o, body);
        break;
    case 6:
        roundTrip(json::decodeMerchant, json::encodeMerchant, o, body);
        break;
    case 7:
        listRoundTrip(json::decodeMerchantList, json::encodeMerchant, o, body);
        break;
    case 8:
        roundTrip(json::decodeOtpInfo, json::encodeOtpInfo, o, body);
        break;
    case 9:
        decodeOnly(json::decodeOtpResent, o, body);
        break;
    case 10:
        decodeOnly(json::decodeEnrollmentStart, o, body);
        break;
    case 11:
        decodeOnly(json::decodeEnrollmentVerify, o, body);
        break;
    case 12:
        decodeOnly(json::decodeEnrollmentIdentity, o, body);
        break;
    case 13:
        roundTrip(json::decodeLimits, json::encodeLimits, o, body);
        break;
    case 14:
        decodeOnly(json::decodeDeviceCredentials, o, body);
        break;
    case 15:
        decodeOnly(json::decodeEnrollmentCredentials, o, body);
        break;
    case 16:
        session(o, body);
        break;
    case 17:
        roundTrip(json::decodeDevice, json::encodeDevice, o, body);
        break;
    case 18:
        listRoundTrip(json::decodeDeviceList, json::encodeDevice, o, body);
        break;
    case 19:
        roundTrip(json::decodeWallet, json::encodeWallet, o, body);
        break;
    case 20:
        decodeOnly(json::decodeTotpEnrollment, o, body);
        break;
    case 21:
        decodeOnly(json::decodeTotpStatus, o, body);
        break;
    case 22:
        decodeOnly(json::decodePasswordReset, o, body);
        break;
    case 23:
        roundTrip(json::decodePaymentMethod, json::encodePaymentMethod, o, body);
        break;
    case 24:
        listRoundTrip(json::decodePaymentMethodList, json::encodePaymentMethod, o, body);
        break;
    case 25:
        roundTrip(json::decodeQuote, json::encodeQuote, o, body);
        break;
    case 26:
        roundTrip(json::decodePayment, json::encodePayment, o, body);
        break;
    case 27:
        paymentSearch(o, body);
        break;
    case 28:
        roundTrip(json::decodeTransaction, json::encodeTransaction, o, body);
        break;
    case 29:
        roundTrip(json::decodeTransactionPage, json::encodeTransactionPage, o, body);
        break;
    case 30:
        roundTrip(json::decodeOutboxMessage, json::encodeOutboxMessage, o, body);
        break;
    case 31:
        listRoundTrip(json::decodeOutboxList, json::encodeOutboxMessage, o, body);
        break;
    case 32:
        decodeOnly(json::decodeDevTierResult, o, body);
        break;
    case 33:
        roundTrip(json::decodeLedgerCheck, json::encodeLedgerCheck, o, body);
        break;
    }
    return 0;
}
