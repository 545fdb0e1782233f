// StubTestClient: the shared client of the gateway stub's contract tests. It starts a real server
// (EmbeddedGateway: its own thread, 127.0.0.1, random port) on a temporary database with a ManualClock and
// cheap scrypt parameters, and talks to it over real HTTP with QNetworkAccessManager (synchronously, with
// a local event loop — fine in tests). It signs requests as a device would (gateway-api.md, "Request
// signing"), reads the demo outbox, and has shortcuts for the common flows (enroll a wallet, sign in), so
// the tests of later areas start from a signed-in wallet in one line.
//
//   StubTestClient client;
//   QVERIFY2(client.start(), qPrintable(client.lastError()));
//   const auto wallet = client.enrollWallet();           // enrolled, device secret known
//   QVERIFY(client.signIn(wallet));                       // wallet.token set
//   const auto reply = client.sendAuthed(wallet, "GET", "/v1/wallet");
//   QCOMPARE(reply.status, 200);
//   client.clock->advance(301);                            // move server time
#pragma once

#include "core/resident_id_validator.h"
#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "stub/clock.h"
#include "stub/embedded_gateway.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

namespace bw::stub::test {

// What the client observed.
struct Reply
{
    int status = 0; // 0 when no HTTP answer arrived
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;                      // the body when it is a JSON object
    QHash<QByteArray, QByteArray> headers; // lower-case names

    QJsonObject error() const { return json.value(QStringLiteral("error")).toObject(); }
    QString errorCode() const { return error().value(QStringLiteral("code")).toString(); }
    QString errorType() const { return error().value(QStringLiteral("type")).toString(); }
    QString errorParam() const { return error().value(QStringLiteral("param")).toString(); }
    QByteArray header(const QByteArray &lowerCaseName) const { return headers.value(lowerCaseName); }
    // "422 invalid_phone (phone)" — for QCOMPARE messages.
    QString summary() const
    {
        return QStringLiteral("%1 %2 %3").arg(status).arg(errorCode(), QString::fromUtf8(body.left(300)));
    }
};

// A device of an enrolled wallet, as the app would keep it.
struct TestWallet
{
    QString walletId;
    QString deviceId;
    QByteArray deviceSecret; // decoded bytes
    QString token;           // after signIn()
    QString phone;           // E.164
    QString fullName;
    QString password;
    QString pin;
    int tier = 0;
};

// How to sign: override parts to provoke each signing failure.
struct SignOptions
{
    qint64 timestampOffset = 0;           // seconds added to the server clock's time
    std::optional<QByteArray> nonce;      // default: 16 fresh random bytes, base64url
    std::optional<QByteArray> signedBody; // sign this instead of the body sent (tampering)
    bool omitSignature = false;
};

// How StubTestClient::start() configures the server.
struct StubTestOptions
{
    bool demo = true;
    int latencyMs = 0;
    double failRate = 0;
    double dropAfterCommitRate = 0;
    quint64 seed = 1;
    QString dbPath; // empty: a file in a temporary folder owned by the client
};

class StubTestClient
{
public:
    using Options = StubTestOptions;

    std::shared_ptr<ManualClock> clock =
        std::make_shared<ManualClock>(QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC));

    StubTestClient() { m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); }
    ~StubTestClient() { stop(); }

    bool start(const Options &options = Options())
    {
        m_options = options;
        if (m_options.dbPath.isEmpty())
            m_options.dbPath = m_dir.filePath(QStringLiteral("stub.sqlite"));
        StubConfig config;
        config.dbPath = m_options.dbPath;
        config.demo = m_options.demo;
        config.latencyMs = m_options.latencyMs;
        config.failRate = m_options.failRate;
        config.dropAfterCommitRate = m_options.dropAfterCommitRate;
        config.seed = m_options.seed;
        config.scrypt.n = 1u << 10; // cheap for tests; the record keeps its parameters
        m_gateway = std::make_unique<EmbeddedGateway>(config, clock);
        const quint16 port = m_gateway->start(&m_lastError);
        return port != 0;
    }
    void stop()
    {
        if (m_gateway)
            m_gateway->stop();
        m_gateway.reset();
        m_nam.clearConnectionCache();
    }
    // Stops and starts again on the same database file (and the same options).
    bool restart()
    {
        stop();
        return start(m_options);
    }

    QString lastError() const { return m_lastError; }
    const Options &options() const { return m_options; }
    QString dbPath() const { return m_options.dbPath; }
    EmbeddedGateway &gateway() { return *m_gateway; }
    quint16 port() const { return m_gateway ? m_gateway->port() : 0; }
    QUrl url(const QString &pathWithQuery) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(pathWithQuery));
    }

    // --- plain HTTP ---------------------------------------------------------------------------------
    Reply send(const QByteArray &method, const QString &pathWithQuery, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        QNetworkRequest request(url(pathWithQuery));
        request.setTransferTimeout(30000);
        if (!body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        for (const auto &header : headers)
            request.setRawHeader(header.first, header.second);
        QNetworkReply *reply = body.isEmpty() && method != "POST" && method != "PUT" && method != "PATCH"
                                   ? m_nam.sendCustomRequest(request, method)
                                   : m_nam.sendCustomRequest(request, method, body);
        return wait(reply);
    }
    Reply get(const QString &path) { return send("GET", path); }
    Reply post(const QString &path, const QJsonObject &body = {})
    {
        return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    // --- signing ------------------------------------------------------------------------------------
    static QByteArray signature(const QByteArray &secret, const QByteArray &method,
                                const QByteArray &pathWithQuery, const QByteArray &timestamp,
                                const QByteArray &nonce, const QByteArray &body)
    {
        const QByteArray canonical = method + '\n' + pathWithQuery + '\n' + timestamp + '\n' + nonce + '\n' +
                                     crypto::sha256(body).value().toHex();
        return crypto::base64Encode(crypto::hmacSha256(secret, canonical).value()).toLatin1();
    }
    // The path and query exactly as QNetworkAccessManager puts them on the request line.
    QByteArray signedTarget(const QString &pathWithQuery) const
    {
        return url(pathWithQuery)
            .toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    }
    QList<QPair<QByteArray, QByteArray>> signingHeaders(const QString &deviceId, const QByteArray &secret,
                                                        const QByteArray &method,
                                                        const QString &pathWithQuery, const QByteArray &body,
                                                        const SignOptions &sign = {})
    {
        const QByteArray timestamp = QByteArray::number(clock->nowSecs() + sign.timestampOffset);
        const QByteArray nonce =
            sign.nonce ? *sign.nonce : crypto::base64UrlEncode(crypto::random16().value()).toLatin1();
        QList<QPair<QByteArray, QByteArray>> headers{
            {"X-Device-Id", deviceId.toLatin1()}, {"X-Timestamp", timestamp}, {"X-Nonce", nonce}};
        if (!sign.omitSignature)
            headers.append({"X-Signature", signature(secret, method, signedTarget(pathWithQuery), timestamp,
                                                     nonce, sign.signedBody ? *sign.signedBody : body)});
        return headers;
    }
    Reply sendSigned(const TestWallet &wallet, const QByteArray &method, const QString &pathWithQuery,
                     const QByteArray &body = {}, const SignOptions &sign = {},
                     QList<QPair<QByteArray, QByteArray>> extraHeaders = {})
    {
        extraHeaders +=
            signingHeaders(wallet.deviceId, wallet.deviceSecret, method, pathWithQuery, body, sign);
        return send(method, pathWithQuery, body, extraHeaders);
    }
    Reply sendSigned(const TestWallet &wallet, const QByteArray &method, const QString &pathWithQuery,
                     const QJsonObject &body, const SignOptions &sign = {})
    {
        return sendSigned(wallet, method, pathWithQuery, QJsonDocument(body).toJson(QJsonDocument::Compact),
                          sign);
    }
    // Signed with the wallet's device and carrying its Bearer token.
    Reply sendAuthed(const TestWallet &wallet, const QByteArray &method, const QString &pathWithQuery,
                     const QByteArray &body = {}, const SignOptions &sign = {})
    {
        return sendSigned(wallet, method, pathWithQuery, body, sign,
                          {{"Authorization", "Bearer " + wallet.token.toLatin1()}});
    }
    Reply sendAuthed(const TestWallet &wallet, const QByteArray &method, const QString &pathWithQuery,
                     const QJsonObject &body)
    {
        return sendAuthed(wallet, method, pathWithQuery, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    // --- demo outbox --------------------------------------------------------------------------------
    QJsonArray outbox(const QString &to)
    {
        const Reply reply =
            get(QStringLiteral("/v1/dev/outbox?to=") + QString::fromLatin1(QUrl::toPercentEncoding(to)));
        return reply.json.value(QStringLiteral("data")).toArray();
    }
    // The newest code sent to `to`, empty when none.
    QString lastCode(const QString &to)
    {
        const QJsonArray messages = outbox(to);
        return messages.isEmpty() ? QString()
                                  : messages.first().toObject().value(QStringLiteral("code")).toString();
    }

    // --- flows --------------------------------------------------------------------------------------
    // A fresh valid mainland mobile number: +86 139 nnnn nnnn.
    QString nextPhone() { return QStringLiteral("+86139%1").arg(++m_phoneCounter, 8, 10, QLatin1Char('0')); }

    // A valid resident ID for a birth date (region 110105, sequence 123, GB 11643 check character).
    static QString residentId(const QDate &birth, const QString &sequence = QStringLiteral("123"))
    {
        const QString first17 =
            QStringLiteral("110105") + birth.toString(QStringLiteral("yyyyMMdd")) + sequence;
        return first17 + core::ResidentIdValidator::checkCharacter(first17);
    }

    // POST /v1/enrollments with valid details; returns the reply (enrollment_id in json).
    Reply createEnrollment(const QString &phone, const QString &fullName = QStringLiteral("Li Lei"),
                           const QString &bankId = QStringLiteral("bnk_demo"))
    {
        return post(QStringLiteral("/v1/enrollments"),
                    QJsonObject{{QStringLiteral("bank_id"), bankId},
                                {QStringLiteral("full_name"), fullName},
                                {QStringLiteral("phone"), phone},
                                {QStringLiteral("email"), QStringLiteral("li.lei@example.com")}});
    }

    // The whole enrollment: create, verify the SMS code, optionally identity, complete. Empty walletId on
    // failure (lastError() says where).
    TestWallet enrollWallet(bool withIdentity = true, const QString &fullName = QStringLiteral("Li Lei"))
    {
        TestWallet wallet;
        wallet.phone = nextPhone();
        wallet.fullName = fullName;
        wallet.password = QStringLiteral("Correct-Horse-Battery-42");
        wallet.pin = QStringLiteral("370915");
        const Reply created = createEnrollment(wallet.phone, fullName);
        if (created.status != 201)
            return fail(wallet, QStringLiteral("create: ") + created.summary());
        const QString id = created.json.value(QStringLiteral("enrollment_id")).toString();
        const Reply verified = post(QStringLiteral("/v1/enrollments/%1/otp/verify").arg(id),
                                    {{QStringLiteral("code"), lastCode(wallet.phone)}});
        if (verified.status != 200)
            return fail(wallet, QStringLiteral("verify: ") + verified.summary());
        if (withIdentity) {
            const Reply identity = post(QStringLiteral("/v1/enrollments/%1/identity").arg(id),
                                        {{QStringLiteral("document_type"), QStringLiteral("cn_resident_id")},
                                         {QStringLiteral("document_number"), residentId(QDate(1990, 3, 7))},
                                         {QStringLiteral("date_of_birth"), QStringLiteral("1990-03-07")},
                                         {QStringLiteral("nationality"), QStringLiteral("CN")}});
            if (identity.status != 200)
                return fail(wallet, QStringLiteral("identity: ") + identity.summary());
        }
        const Reply completed = post(QStringLiteral("/v1/enrollments/%1/complete").arg(id),
                                     {{QStringLiteral("password"), wallet.password},
                                      {QStringLiteral("payment_pin"), wallet.pin},
                                      {QStringLiteral("device_name"), QStringLiteral("Test desktop")}});
        if (completed.status != 201)
            return fail(wallet, QStringLiteral("complete: ") + completed.summary());
        wallet.walletId = completed.json.value(QStringLiteral("wallet_id")).toString();
        wallet.deviceId = completed.json.value(QStringLiteral("device_id")).toString();
        wallet.deviceSecret =
            crypto::base64Decode(completed.json.value(QStringLiteral("device_secret")).toString()).value();
        wallet.tier = completed.json.value(QStringLiteral("tier")).toInt();
        return wallet;
    }

    // POST /v1/sessions with the wallet's password; sets wallet.token.
    bool signIn(TestWallet &wallet)
    {
        const Reply reply = sendSigned(wallet, "POST", QStringLiteral("/v1/sessions"),
                                       QJsonObject{{QStringLiteral("password"), wallet.password}});
        if (reply.status != 201) {
            m_lastError = QStringLiteral("sign-in: ") + reply.summary();
            return false;
        }
        wallet.token = reply.json.value(QStringLiteral("access_token")).toString();
        return true;
    }

    // --- raw TCP, for what QNetworkAccessManager hides (it retries requests on a dropped connection) --
    struct RawResult
    {
        QByteArray received;
        bool closedByServer = false;
    };
    RawResult rawExchange(const QByteArray &request, int timeoutMs = 10000)
    {
        RawResult result;
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), port());
        if (!socket.waitForConnected(timeoutMs))
            return result;
        socket.write(request);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (socket.state() == QAbstractSocket::UnconnectedState)
                break;
            socket.waitForReadyRead(100);
            result.received += socket.readAll();
        }
        result.received += socket.readAll();
        result.closedByServer = socket.state() == QAbstractSocket::UnconnectedState;
        return result;
    }
    static QByteArray rawPost(const QString &path, const QByteArray &body)
    {
        return "POST " + path.toUtf8() +
               " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               "Content-Length: " +
               QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

private:
    TestWallet fail(TestWallet wallet, const QString &why)
    {
        m_lastError = why;
        wallet.walletId.clear();
        return wallet;
    }

    Reply wait(QNetworkReply *reply)
    {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();
        Reply result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.networkError = reply->error();
        result.body = reply->readAll();
        for (const auto &header : reply->rawHeaderPairs())
            result.headers.insert(header.first.toLower(), header.second);
        const QJsonDocument document = QJsonDocument::fromJson(result.body);
        if (document.isObject())
            result.json = document.object();
        reply->deleteLater();
        return result;
    }

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<EmbeddedGateway> m_gateway;
    Options m_options;
    QString m_lastError;
    int m_phoneCounter = 0;
};

// Empty when the reply is the expected contract error (status, type, code, param), else what differs.
inline QString errorMismatch(const Reply &reply, int status, const QString &type, const QString &code,
                             const QString &param = {})
{
    if (reply.status != status || reply.errorType() != type || reply.errorCode() != code ||
        reply.errorParam() != param)
        return QStringLiteral("expected %1 %2 %3 (%4), got %5")
            .arg(status)
            .arg(type, code, param, reply.summary());
    return {};
}

} // namespace bw::stub::test

// EXPECT_ERROR(reply, status, type, code[, param]) inside a QtTest function.
#define EXPECT_ERROR(reply, ...)                                                                             \
    do {                                                                                                     \
        const QString mismatch_ = bw::stub::test::errorMismatch(reply, __VA_ARGS__);                         \
        QVERIFY2(mismatch_.isEmpty(), qPrintable(mismatch_));                                                \
    } while (false)
