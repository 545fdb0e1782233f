// fuzz_stub_requests: the gateway stub's decoding of every route's request, from raw bytes to a typed
// request or a typed 4xx (src/stub).
//
// WHY THIS ENTRY POINT: the stub has no separate decode step per route — each handler reads its fields
// with JsonFields while it works on the database (gateway_server.h, "HOW TO ADD A ROUTE"), so the honest
// entry is the server's whole pipeline without HTTP, GatewayServer::dispatch(): routing, signature and
// session checks, JSON parsing, the handler's field checks and then its business rules, all over a real
// SQLite stub store in a temporary folder. Every input runs inside one batch transaction
// (StubStore::beginBatch) that is rolled back afterwards, so inputs never accumulate state (no slowdown,
// and each input sees the same wallet); the only state outside SQLite is the bounded demo outbox and the
// RequestAuth secret cache. HTTP framing is not fuzzed here (tests/stub/test_stub_fuzz.cpp covers it).
//
// Set-up, once per process, through the same dispatch(): a demo-mode server with cheap scrypt and a
// ManualClock that never moves (no session or quote ever expires); an enrolled wallet with a signed-in
// session, a linked card, a paid top-up, two open quotes (a top-up, a merchant payment), two enrollments in
// progress (one phone-verified) and a password reset.
//
// Input: byte 0 picks the route (routes() order; BW_FUZZ_LIST_ROUTES=1 prints it, BW_FUZZ_TRACE=1 prints
// every request and its answer), byte 1 the value of a
// {id} placeholder (two real ids of the set-up, an unknown id, a percent-encoded oddity), the rest is the
// body — or, for GET, the query string. Signed and Authenticated routes get a valid signature of exactly
// these bytes (fresh nonce, the session's Bearer token); money-moving ones an Idempotency-Key. In a body,
// @quote@, @quote2@ and @card@ stand for the ids of the open top-up quote (no OTP needed), the open
// merchant quote (OTP needed) and the card.
// Properties: never a 5xx (the stub's rule: no input may cause one); an error is the contract envelope with
// a 4xx status, a type, a code and a message; an answer with a body is JSON; and every 2xx answer decodes
// with the client's own decoder for that route (src/gateway/json_codec.h, as GatewayClient uses it), so
// whatever a fuzzed request makes the stub store and echo back (names, notes, amounts) the app can read.
#include "fuzz_support.h"

#include "core/resident_id_validator.h"
#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "gateway/json_codec.h"
#include "stub/clock.h"
#include "stub/gateway_server.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

using namespace bw::stub;
using bw::core::ResidentIdValidator;
namespace crypto = bw::crypto;

namespace {

const QString kPassword = QStringLiteral("Correct-Horse-Battery-42");
const QString kPin = QStringLiteral("370915");

class StubHarness
{
public:
    StubHarness()
    {
        if (!m_dir.isValid())
            qFatal("fuzz_stub_requests: no temporary folder");
        StubConfig config;
        config.dbPath = m_dir.filePath(QStringLiteral("stub.sqlite"));
        config.demo = true;
        config.seed = 1;
        config.scrypt.n = 1u << 10;
        m_server = std::make_unique<GatewayServer>(config, m_clock);
        QString error;
        if (!m_server->open(&error))
            qFatal("fuzz_stub_requests: %s", qPrintable(error));
        m_routes = m_server->routes();
        setUp();
        if (qEnvironmentVariableIsSet("BW_FUZZ_LIST_ROUTES")) {
            for (qsizetype i = 0; i < m_routes.size(); ++i)
                std::fprintf(stderr, "%lld %s %s\n", static_cast<long long>(i),
                             m_routes.at(i).method.constData(), qPrintable(m_routes.at(i).pattern));
        }
    }

    void run(uint8_t routeByte, uint8_t idByte, const QByteArray &payload)
    {
        const RouteInfo &route = m_routes.at(routeByte % m_routes.size());
        Request request;
        request.method = route.method;
        request.path = fillPath(route.pattern, idByte);
        request.pathWithQuery = request.path.toUtf8();
        const bool get = route.method == "GET";
        if (get) {
            QUrl url;
            url.setQuery(QString::fromUtf8(payload), QUrl::TolerantMode);
            if (url.hasQuery())
                request.pathWithQuery += '?' + url.query(QUrl::FullyEncoded).toUtf8();
            request.query = QUrlQuery(url);
        } else {
            request.body = payload;
            // Ids that only exist at run time: the seeds name the open quote and the card this way.
            if (request.body.contains('@')) {
                request.body.replace("@quote@", m_openQuote.toLatin1());
                request.body.replace("@quote2@", m_merchantQuote.toLatin1());
                request.body.replace("@card@", m_cardId.toLatin1());
            }
            request.headers.insert("content-type", "application/json");
        }
        if (route.access != Access::Public)
            sign(request);
        if (route.access == Access::Authenticated)
            request.headers.insert("authorization", "Bearer " + m_token.toLatin1());
        request.headers.insert("idempotency-key", "fuzz-idempotency-key");

        const QString what = QString::fromLatin1(route.method) + QLatin1Char(' ') + request.path +
                             QStringLiteral(" body ") + QString::fromUtf8(payload.left(300));
        StubStore &store = m_server->context().store();
        store.beginBatch();
        bool drop = false;
        const Response response = m_server->dispatch(request, &drop);
        store.rollbackBatch();
        static const bool trace = qEnvironmentVariableIsSet("BW_FUZZ_TRACE");
        if (trace)
            std::fprintf(stderr, "%s -> %d %s\n", qPrintable(what), response.status,
                         bodyOf(response).left(160).constData());
        check(response, what);
        checkClientDecodes(route, response, what);
    }

private:
    static void check(const Response &response, const QString &what)
    {
        BW_FUZZ_CHECK(response.status < 500, QStringLiteral("%1 -> %2 %3")
                                                 .arg(what)
                                                 .arg(response.status)
                                                 .arg(QString::fromUtf8(bodyOf(response))));
        BW_FUZZ_CHECK((response.status >= 200 && response.status < 300) ||
                          (response.status >= 400 && response.status < 500),
                      what);
        QJsonObject body;
        if (response.hasBody()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(bodyOf(response), &parseError);
            BW_FUZZ_CHECK(parseError.error == QJsonParseError::NoError && document.isObject(), what);
            body = document.object();
        }
        if (response.status >= 400) {
            const QJsonObject error = body.value(QStringLiteral("error")).toObject();
            for (const char *key : {"type", "code", "message"})
                BW_FUZZ_CHECK(!error.value(QLatin1String(key)).toString().isEmpty(),
                              what + QStringLiteral(": no error.") + QLatin1String(key));
        }
    }

    // The client's decoder of each route's success answer (GatewayClient), keyed "METHOD pattern".
    using Decoder = std::function<QString(const QJsonObject &)>;
    template<typename T>
    static Decoder decoder(bw::gateway::Result<T> (*decode)(const QJsonObject &))
    {
        return [decode](const QJsonObject &o) {
            const auto result = decode(o);
            return result ? QString() : result.error().summary() + QLatin1Char(' ') + result.error().detail;
        };
    }
    static const std::map<QString, Decoder> &decoders()
    {
        namespace json = bw::gateway::json;
        static const std::map<QString, Decoder> table{
            {QStringLiteral("GET /healthz"), decoder(json::decodeHealth)},
            {QStringLiteral("GET /v1/banks"), decoder(json::decodeBankList)},
            {QStringLiteral("GET /v1/fees"), decoder(json::decodeFeeSchedule)},
            {QStringLiteral("GET /v1/fx-rates"), decoder(json::decodeFxRates)},
            {QStringLiteral("GET /v1/merchants"), decoder(json::decodeMerchantList)},
            {QStringLiteral("POST /v1/enrollments"), decoder(json::decodeEnrollmentStart)},
            {QStringLiteral("POST /v1/enrollments/{id}/otp/resend"), decoder(json::decodeOtpResent)},
            {QStringLiteral("POST /v1/enrollments/{id}/otp/verify"), decoder(json::decodeEnrollmentVerify)},
            {QStringLiteral("POST /v1/enrollments/{id}/identity"), decoder(json::decodeEnrollmentIdentity)},
            {QStringLiteral("POST /v1/enrollments/{id}/complete"),
             decoder(json::decodeEnrollmentCredentials)},
            {QStringLiteral("POST /v1/sessions"),
             [](const QJsonObject &o) {
                 const auto result = json::decodeSession(o, QDateTime::currentDateTimeUtc());
                 return result ? QString() : result.error().summary();
             }},
            {QStringLiteral("POST /v1/devices"), decoder(json::decodeDeviceCredentials)},
            {QStringLiteral("GET /v1/devices"), decoder(json::decodeDeviceList)},
            {QStringLiteral("GET /v1/wallet"), decoder(json::decodeWallet)},
            {QStringLiteral("POST /v1/wallet/otp"), decoder(json::decodeOtpResent)},
            {QStringLiteral("POST /v1/wallet/totp"), decoder(json::decodeTotpEnrollment)},
            {QStringLiteral("POST /v1/wallet/totp/confirm"), decoder(json::decodeTotpStatus)},
            {QStringLiteral("POST /v1/password-resets"), decoder(json::decodePasswordReset)},
            {QStringLiteral("POST /v1/password-resets/{id}/otp/resend"), decoder(json::decodeOtpResent)},
            {QStringLiteral("POST /v1/password-resets/{id}/verify"), decoder(json::decodeEnrollmentVerify)},
            {QStringLiteral("POST /v1/payment-methods"), decoder(json::decodePaymentMethod)},
            {QStringLiteral("GET /v1/payment-methods"), decoder(json::decodePaymentMethodList)},
            {QStringLiteral("POST /v1/payment-methods/{id}/default"), decoder(json::decodePaymentMethod)},
            {QStringLiteral("POST /v1/quotes"), decoder(json::decodeQuote)},
            {QStringLiteral("POST /v1/quotes/{id}/otp"), decoder(json::decodeOtpResent)},
            {QStringLiteral("POST /v1/payments"), decoder(json::decodePayment)},
            {QStringLiteral("GET /v1/payments"), decoder(json::decodePaymentSearch)},
            {QStringLiteral("GET /v1/payments/{id}"), decoder(json::decodePayment)},
            {QStringLiteral("GET /v1/transactions"), decoder(json::decodeTransactionPage)},
            {QStringLiteral("GET /v1/dev/outbox"), decoder(json::decodeOutboxList)},
            {QStringLiteral("POST /v1/dev/wallets/{id}/tier"), decoder(json::decodeDevTierResult)},
            {QStringLiteral("POST /v1/dev/wallets/{id}/incoming"), decoder(json::decodePayment)},
            {QStringLiteral("POST /v1/dev/reviews/{id}"), decoder(json::decodePayment)},
            {QStringLiteral("GET /v1/dev/ledger/check"), decoder(json::decodeLedgerCheck)},
        };
        return table;
    }

    static void checkClientDecodes(const RouteInfo &route, const Response &response, const QString &what)
    {
        if (response.status >= 300 || !response.hasBody())
            return;
        const auto it = decoders().find(QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern);
        if (it == decoders().end())
            return;
        const QJsonObject body = QJsonDocument::fromJson(bodyOf(response)).object();
        const QString error = it->second(body);
        BW_FUZZ_CHECK(error.isEmpty(), what + QStringLiteral(" -> the client cannot decode the answer: ") +
                                           error + QStringLiteral("\n") +
                                           QString::fromUtf8(bodyOf(response).left(600)));
    }

    static QByteArray bodyOf(const Response &response)
    {
        if (!response.body.isEmpty())
            return response.body;
        return response.json ? QJsonDocument(*response.json).toJson(QJsonDocument::Compact) : QByteArray();
    }

    // The value for the {id} of a pattern: real ids of the set-up, an unknown one or an odd encoding.
    QString fillPath(const QString &pattern, uint8_t idByte) const
    {
        if (!pattern.contains(QLatin1Char('{')))
            return pattern;
        QString id;
        switch (idByte % 4) {
        case 0:
        case 1: {
            const QStringList candidates = idsFor(pattern);
            id = candidates.value(idByte % 2, candidates.value(0));
            break;
        }
        case 2:
            id = QStringLiteral("xyz_unknown0000");
            break;
        default:
            id = QStringLiteral("%25%00%E4%B8%AD%2F..");
            break;
        }
        QString path = pattern;
        const qsizetype open = path.indexOf(QLatin1Char('{'));
        const qsizetype close = path.indexOf(QLatin1Char('}'), open);
        return path.replace(open, close - open + 1, id);
    }

    QStringList idsFor(const QString &pattern) const
    {
        auto starts = [&pattern](const char *prefix) { return pattern.startsWith(QLatin1String(prefix)); };
        if (starts("/v1/enrollments/"))
            return {m_enrollmentVerified, m_enrollmentNew};
        if (starts("/v1/password-resets/"))
            return {m_reset, m_reset};
        if (starts("/v1/devices/"))
            return {m_deviceId, m_deviceId};
        if (starts("/v1/payment-methods/"))
            return {m_cardId, m_cardId};
        if (starts("/v1/quotes/"))
            return {m_merchantQuote, m_paidQuote};
        if (starts("/v1/payments/") || starts("/v1/dev/reviews/"))
            return {m_paymentId, m_paymentId};
        if (starts("/v1/dev/wallets/"))
            return {m_walletId, m_walletId};
        return {QStringLiteral("id")};
    }

    void sign(Request &request)
    {
        const QByteArray timestamp = QByteArray::number(m_clock->nowSecs());
        QByteArray nonceBytes(16, '\0');
        const quint64 counter = ++m_nonceCounter;
        memcpy(nonceBytes.data(), &counter, sizeof counter);
        const QByteArray nonce = crypto::base64UrlEncode(nonceBytes).toLatin1();
        const QByteArray canonical = request.method + '\n' + request.pathWithQuery + '\n' + timestamp + '\n' +
                                     nonce + '\n' + crypto::sha256(request.body).value().toHex();
        const QByteArray signature =
            crypto::base64Encode(crypto::hmacSha256(m_deviceSecret, canonical).value()).toLatin1();
        request.headers.insert("x-device-id", m_deviceId.toLatin1());
        request.headers.insert("x-timestamp", timestamp);
        request.headers.insert("x-nonce", nonce);
        request.headers.insert("x-signature", signature);
    }

    // A committed request of the set-up (no batch): the answer's JSON, or qFatal when it is not `status`.
    QJsonObject call(const QByteArray &method, const QString &path, const QJsonObject &body, Access access,
                     int status)
    {
        Request request;
        request.method = method;
        request.path = path;
        request.pathWithQuery = path.toUtf8();
        request.body = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
        if (access != Access::Public)
            sign(request);
        if (access == Access::Authenticated)
            request.headers.insert("authorization", "Bearer " + m_token.toLatin1());
        request.headers.insert("idempotency-key", "set-up-" + QByteArray::number(++m_nonceCounter));
        bool drop = false;
        const Response response = m_server->dispatch(request, &drop);
        const QByteArray text = bodyOf(response);
        if (response.status != status)
            qFatal("fuzz_stub_requests set-up: %s %s -> %d %s", method.constData(), qPrintable(path),
                   response.status, text.constData());
        return QJsonDocument::fromJson(text).object();
    }

    QString lastCode(const QString &to)
    {
        const QList<OutboxMessage> messages = m_server->context().outbox().messagesTo(to);
        return messages.isEmpty() ? QString() : messages.first().code;
    }

    QString startEnrollment(const QString &phone, bool verify)
    {
        const QJsonObject created = call("POST", QStringLiteral("/v1/enrollments"),
                                         {{QStringLiteral("bank_id"), QStringLiteral("bnk_demo")},
                                          {QStringLiteral("full_name"), QStringLiteral("Li Lei")},
                                          {QStringLiteral("phone"), phone},
                                          {QStringLiteral("email"), QStringLiteral("li.lei@example.com")}},
                                         Access::Public, 201);
        const QString id = created.value(QStringLiteral("enrollment_id")).toString();
        if (verify)
            call("POST", QStringLiteral("/v1/enrollments/%1/otp/verify").arg(id),
                 {{QStringLiteral("code"), lastCode(phone)}}, Access::Public, 200);
        return id;
    }

    void setUp()
    {
        const QString phone = QStringLiteral("+8613900000001");
        const QString id = startEnrollment(phone, true);
        const QString kFirst17 = QStringLiteral("11010519900307123");
        call("POST", QStringLiteral("/v1/enrollments/%1/identity").arg(id),
             {{QStringLiteral("document_type"), QStringLiteral("cn_resident_id")},
              {QStringLiteral("document_number"), kFirst17 + ResidentIdValidator::checkCharacter(kFirst17)},
              {QStringLiteral("date_of_birth"), QStringLiteral("1990-03-07")},
              {QStringLiteral("nationality"), QStringLiteral("CN")}},
             Access::Public, 200);
        const QJsonObject done = call("POST", QStringLiteral("/v1/enrollments/%1/complete").arg(id),
                                      {{QStringLiteral("password"), kPassword},
                                       {QStringLiteral("payment_pin"), kPin},
                                       {QStringLiteral("device_name"), QStringLiteral("Fuzz desktop")}},
                                      Access::Public, 201);
        m_walletId = done.value(QStringLiteral("wallet_id")).toString();
        m_deviceId = done.value(QStringLiteral("device_id")).toString();
        m_deviceSecret = crypto::base64Decode(done.value(QStringLiteral("device_secret")).toString()).value();
        const QJsonObject session = call("POST", QStringLiteral("/v1/sessions"),
                                         {{QStringLiteral("password"), kPassword}}, Access::Signed, 201);
        m_token = session.value(QStringLiteral("access_token")).toString();

        const QJsonObject card = call("POST", QStringLiteral("/v1/payment-methods"),
                                      {{QStringLiteral("type"), QStringLiteral("card")},
                                       {QStringLiteral("number"), QStringLiteral("4242424242424242")},
                                       {QStringLiteral("exp_month"), 12},
                                       {QStringLiteral("exp_year"), 2031},
                                       {QStringLiteral("cvc"), QStringLiteral("123")},
                                       {QStringLiteral("holder_name"), QStringLiteral("Li Lei")}},
                                      Access::Authenticated, 201);
        m_cardId = card.value(QStringLiteral("id")).toString();
        const QJsonObject topUp{
            {QStringLiteral("kind"), QStringLiteral("top_up")},
            {QStringLiteral("amount"), QJsonObject{{QStringLiteral("amount"), 50000},
                                                   {QStringLiteral("currency"), QStringLiteral("CNY")}}},
            {QStringLiteral("source"), m_cardId}};
        m_paidQuote = call("POST", QStringLiteral("/v1/quotes"), topUp, Access::Authenticated, 201)
                          .value(QStringLiteral("quote_id"))
                          .toString();
        m_paymentId = call("POST", QStringLiteral("/v1/payments"),
                           {{QStringLiteral("quote_id"), m_paidQuote}, {QStringLiteral("pin"), kPin}},
                           Access::Authenticated, 201)
                          .value(QStringLiteral("id"))
                          .toString();
        const QJsonObject pay{
            {QStringLiteral("kind"), QStringLiteral("payment")},
            {QStringLiteral("amount"), QJsonObject{{QStringLiteral("amount"), 1234},
                                                   {QStringLiteral("currency"), QStringLiteral("CNY")}}},
            {QStringLiteral("source"), QStringLiteral("balance")},
            {QStringLiteral("destination"),
             QJsonObject{{QStringLiteral("merchant_id"), QStringLiteral("mer_lantern_coffee")}}}};
        m_openQuote = call("POST", QStringLiteral("/v1/quotes"), topUp, Access::Authenticated, 201)
                          .value(QStringLiteral("quote_id"))
                          .toString();
        m_merchantQuote = call("POST", QStringLiteral("/v1/quotes"), pay, Access::Authenticated, 201)
                              .value(QStringLiteral("quote_id"))
                              .toString();

        m_enrollmentVerified = startEnrollment(QStringLiteral("+8613900000002"), true);
        m_enrollmentNew = startEnrollment(QStringLiteral("+8613900000003"), false);
        m_reset = call("POST", QStringLiteral("/v1/password-resets"), {{QStringLiteral("phone"), phone}},
                       Access::Public, 202)
                      .value(QStringLiteral("reset_id"))
                      .toString();
    }

    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock =
        std::make_shared<ManualClock>(QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
    std::unique_ptr<GatewayServer> m_server;
    QList<RouteInfo> m_routes;
    quint64 m_nonceCounter = 0;
    QString m_walletId, m_deviceId, m_token, m_cardId, m_paidQuote, m_openQuote, m_merchantQuote, m_paymentId;
    QString m_enrollmentVerified, m_enrollmentNew, m_reset;
    QByteArray m_deviceSecret;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bw::fuzz::init();
    // Destroyed at exit, which closes the database and removes the temporary folder.
    static StubHarness harness;
    bw::fuzz::FuzzInput input(data, size);
    const uint8_t routeByte = input.takeByte();
    const uint8_t idByte = input.takeByte();
    harness.run(routeByte, idByte, input.rest());
    return 0;
}
