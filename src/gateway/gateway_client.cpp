#include "gateway/gateway_client.h"

#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "gateway/json_codec.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslKey>
#include <QTimer>

#include <algorithm>
#include <map>

namespace bw::gateway {

Q_LOGGING_CATEGORY(lcGateway, "bw.gateway", QtInfoMsg)

// One call as the caller asked for it; the same for every attempt.
struct GatewayClient::Call
{
    QByteArray method;
    QString pathWithQuery; // percent-encoded, starting with '/'
    Access access = Access::Public;
    QByteArray body; // compact JSON; empty for GET/DELETE without body. Wiped when the call ends.
    bool hasBody = false;
    QString idempotencyKey;
    bool retryable = false; // GET, or POST /v1/payments with an Idempotency-Key
    // Receives the 2xx body (or the error) and whether the gateway said Idempotent-Replayed.
    std::function<void(Result<QByteArray> body, bool replayed)> handler;
};

struct GatewayClient::Pending
{
    Call call;
    int attempt = 0;
    QPointer<QNetworkReply> reply;
    QTimer *connectTimer = nullptr;
    QTimer *totalTimer = nullptr;
    QTimer *retryTimer = nullptr;
    enum class Abort { None, ConnectTimeout, TotalTimeout, Cancelled, PinMismatch } abort = Abort::None;
    bool pinVerified = false;
};

namespace {

bool isSafeMethod(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

QString percent(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

// The SHA-256 of a certificate's SubjectPublicKeyInfo (Qt writes public keys as "PUBLIC KEY" DER, which is
// the SPKI structure).
QByteArray spkiSha256(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    const QByteArray der = certificate.publicKey().toDer();
    if (der.isEmpty())
        return {};
    auto digest = crypto::sha256(der);
    return digest ? digest.value() : QByteArray();
}

bool isRetryableStatus(int status)
{
    return status == 429 || status == 502 || status == 503 || status == 504;
}

Result<NoContent> ignoreBody(const QJsonObject &)
{
    return NoContent{};
}

} // namespace

// ---- configuration ------------------------------------------------------------------------------------

GatewayClient::GatewayClient(QObject *parent)
    : QObject(parent)
    , m_nam(new QNetworkAccessManager(this))
    , m_pending(std::make_unique<std::map<RequestId, std::unique_ptr<Pending>>>())
{
    // Redirects would move a signed request somewhere it was not signed for.
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam->setStrictTransportSecurityEnabled(false);
    m_urlError = GatewayError::make(ErrorKind::Configuration, QStringLiteral("invalid_url"),
                                    QStringLiteral("no gateway URL set"));
}

GatewayClient::~GatewayClient()
{
    // Take every pending request out first: nothing may call back into a half-destroyed client.
    auto pending = std::move(*m_pending);
    m_pending->clear();
    for (auto &[id, p] : pending) {
        crypto::secureWipe(p->call.body);
        if (p->reply) {
            p->reply->disconnect(this);
            p->reply->abort();
            delete p->reply.data();
        }
    }
}

bool GatewayClient::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QString bare = host;
    if (bare.startsWith(QLatin1Char('[')) && bare.endsWith(QLatin1Char(']')))
        bare = bare.mid(1, bare.size() - 2);
    const QHostAddress address(bare);
    return !address.isNull() && address.isLoopback();
}

GatewayError GatewayClient::setBaseUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.hasQuery() ||
        url.hasFragment() || !url.userInfo().isEmpty()) {
        return GatewayError::make(ErrorKind::Configuration, QStringLiteral("invalid_url"),
                                  QStringLiteral("not an http(s) URL with a host: %1")
                                      .arg(url.toString(QUrl::RemoveUserInfo).left(200)));
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        return GatewayError::make(
            ErrorKind::Configuration, QStringLiteral("insecure_url"),
            QStringLiteral("plain http to a remote host is refused: %1").arg(url.host()));
    }
    QUrl base = url;
    QString path = base.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    base.setPath(path, QUrl::StrictMode);
    m_baseUrl = base;
    m_urlError = GatewayError();
    return {};
}

void GatewayClient::setConnectTimeout(std::chrono::milliseconds timeout)
{
    m_connectTimeout = std::max(timeout, std::chrono::milliseconds(1));
}

void GatewayClient::setTotalTimeout(std::chrono::milliseconds timeout)
{
    m_totalTimeout = std::max(timeout, std::chrono::milliseconds(1));
}

void GatewayClient::setRetryPolicy(const RetryPolicy &policy)
{
    m_retry = policy;
    m_retry.maxAttempts = std::clamp(policy.maxAttempts, 1, 20);
}

void GatewayClient::setPinnedPublicKeySha256(const QList<QByteArray> &pins)
{
    m_pins.clear();
    for (const QByteArray &pin : pins) {
        if (pin.size() == 32)
            m_pins.append(pin);
        else
            qCWarning(lcGateway) << "ignoring a public key pin that is not 32 bytes";
    }
}

QByteArray GatewayClient::publicKeySha256OfCertificate(const QByteArray &pemOrDer)
{
    const bool pem = pemOrDer.contains("-----BEGIN");
    return spkiSha256(QSslCertificate(pemOrDer, pem ? QSsl::Pem : QSsl::Der));
}

void GatewayClient::setDeviceCredentials(const QString &deviceId, crypto::SecretBytes deviceSecret)
{
    m_deviceId = deviceId;
    m_deviceSecret = std::move(deviceSecret);
}

void GatewayClient::clearDeviceCredentials()
{
    m_deviceId.clear();
    m_deviceSecret.clear();
}

void GatewayClient::setAccessToken(crypto::SecretBytes token)
{
    m_accessToken = std::move(token);
}

void GatewayClient::clearAccessToken()
{
    m_accessToken.clear();
}

QString GatewayClient::newIdempotencyKey()
{
    auto bytes = crypto::random16();
    if (!bytes)
        qFatal("bw::gateway: no random bytes for an idempotency key");
    return crypto::base64UrlEncode(bytes.value());
}

void GatewayClient::cancel(RequestId id)
{
    const auto it = m_pending->find(id);
    if (it == m_pending->end())
        return;
    Pending &p = *it->second;
    if (p.reply) {
        p.abort = Pending::Abort::Cancelled;
        p.reply->abort(); // finished → onFinished → Cancelled
    } else {
        // Waiting for a retry or not started: answer from the event loop, never from inside cancel().
        if (p.retryTimer)
            p.retryTimer->stop();
        QTimer::singleShot(0, this, [this, id] {
            finishWith(id, GatewayError::make(ErrorKind::Cancelled, QStringLiteral("cancelled")));
        });
    }
}

int GatewayClient::pendingCount() const
{
    return int(m_pending->size());
}

// ---- the request machinery ----------------------------------------------------------------------------

template<typename T, typename Decoder>
RequestId GatewayClient::call(QByteArray method, QString pathWithQuery, Access access, QByteArray body,
                              Callback<T> done, Decoder decode, QString idempotencyKey, bool *replayed)
{
    Call c;
    c.method = std::move(method);
    c.pathWithQuery = std::move(pathWithQuery);
    c.access = access;
    c.hasBody = !body.isEmpty() || c.method == "POST";
    c.body = std::move(body);
    c.idempotencyKey = std::move(idempotencyKey);
    c.retryable =
        isSafeMethod(c.method) || (c.method == "POST" && c.pathWithQuery == QLatin1String("/v1/payments") &&
                                   !c.idempotencyKey.isEmpty());
    c.handler = [done = std::move(done), decode = std::move(decode), replayed](Result<QByteArray> raw,
                                                                               bool wasReplayed) {
        if (!raw) {
            done(raw.error());
            return;
        }
        if (replayed)
            *replayed = wasReplayed;
        if constexpr (std::is_same_v<T, NoContent>) {
            done(NoContent{});
        } else {
            auto object = json::parseObject(raw.value());
            if (!object) {
                done(object.error());
                return;
            }
            Result<T> decoded = decode(object.value());
            if constexpr (std::is_same_v<T, Payment>) {
                if (decoded)
                    decoded->replayed = wasReplayed;
            }
            done(std::move(decoded));
        }
    };
    return start(std::move(c));
}

RequestId GatewayClient::start(Call call)
{
    const RequestId id = m_nextId++;
    auto pending = std::make_unique<Pending>();
    pending->call = std::move(call);
    Pending &p = *pending;
    m_pending->emplace(id, std::move(pending));

    GatewayError refused;
    if (m_urlError.isError())
        refused = m_urlError;
    else if (p.call.access != Access::Public && !hasDeviceCredentials())
        refused =
            GatewayError::make(ErrorKind::Configuration, QStringLiteral("no_device_credential"),
                               QStringLiteral("this call must be signed and no device credential is set"));
    else if (p.call.access == Access::Authenticated && !hasAccessToken())
        refused = GatewayError::make(ErrorKind::Configuration, QStringLiteral("no_session"),
                                     QStringLiteral("this call needs a session"));
    if (refused.isError()) {
        QTimer::singleShot(0, this, [this, id, refused] { finishWith(id, refused); });
        return id;
    }
    // Sent from the event loop too, so that even a synchronous failure answers after the call returns.
    QTimer::singleShot(0, this, [this, id] { sendAttempt(id); });
    return id;
}

void GatewayClient::sendAttempt(RequestId id)
{
    const auto it = m_pending->find(id);
    if (it == m_pending->end())
        return;
    Pending &p = *it->second;
    const Call &c = p.call;
    ++p.attempt;
    p.abort = Pending::Abort::None;
    p.pinVerified = false;

    const QUrl url = QUrl::fromEncoded(m_baseUrl.toEncoded() + c.pathWithQuery.toLatin1(), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Accept", "application/json");
    if (c.hasBody)
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!c.idempotencyKey.isEmpty())
        request.setRawHeader("Idempotency-Key", c.idempotencyKey.toUtf8());

    if (c.access != Access::Public) {
        // A fresh timestamp and nonce per attempt: a retry is a new request to the signature check (the
        // Idempotency-Key, not the nonce, makes a payment retry safe).
        const QByteArray target =
            url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        const QByteArray timestamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        auto nonceBytes = crypto::random16();
        auto bodyHash = crypto::sha256(c.body);
        if (!nonceBytes || !bodyHash) {
            finishWith(id, GatewayError::make(ErrorKind::Configuration, QStringLiteral("crypto_failure"),
                                              QStringLiteral("cannot make a nonce or body hash")));
            return;
        }
        const QByteArray nonce = crypto::base64UrlEncode(nonceBytes.value()).toLatin1();
        const QByteArray canonical =
            c.method + '\n' + target + '\n' + timestamp + '\n' + nonce + '\n' + bodyHash.value().toHex();
        auto mac = crypto::hmacSha256(m_deviceSecret.view(), canonical);
        if (!mac) {
            finishWith(id, GatewayError::make(ErrorKind::Configuration, QStringLiteral("crypto_failure"),
                                              QStringLiteral("cannot sign the request")));
            return;
        }
        request.setRawHeader("X-Device-Id", m_deviceId.toLatin1());
        request.setRawHeader("X-Timestamp", timestamp);
        request.setRawHeader("X-Nonce", nonce);
        request.setRawHeader("X-Signature", crypto::base64Encode(mac.value()).toLatin1());
    }
    if (c.access == Access::Authenticated) {
        QByteArray header =
            QByteArrayLiteral("Bearer ") + QByteArray(m_accessToken.constData(), m_accessToken.size());
        request.setRawHeader("Authorization", header);
        crypto::secureWipe(header);
    }

    QNetworkReply *reply = c.hasBody ? m_nam->sendCustomRequest(request, c.method, c.body)
                                     : m_nam->sendCustomRequest(request, c.method);
    p.reply = reply;

    if (!p.connectTimer) {
        // Precise: a coarse timer may fire up to 5 % early, and a time limit is a promise to the caller.
        p.connectTimer = new QTimer(this);
        p.connectTimer->setTimerType(Qt::PreciseTimer);
        p.connectTimer->setSingleShot(true);
        connect(p.connectTimer, &QTimer::timeout, this, [this, id] { onAttemptTimeout(id, true); });
        p.totalTimer = new QTimer(this);
        p.totalTimer->setTimerType(Qt::PreciseTimer);
        p.totalTimer->setSingleShot(true);
        connect(p.totalTimer, &QTimer::timeout, this, [this, id] { onAttemptTimeout(id, false); });
    }
    p.connectTimer->start(m_connectTimeout);
    p.totalTimer->start(m_totalTimeout);
    // The request is on the wire once sent: the connection (and TLS handshake) succeeded.
    connect(reply, &QNetworkReply::requestSent, this, [this, id] {
        const auto found = m_pending->find(id);
        if (found != m_pending->end() && found->second->connectTimer)
            found->second->connectTimer->stop();
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, id, reply](const QList<QSslError> &errors) {
        // Only a pinned key may stand in for the CA chain: accept exactly when the leaf matches a pin.
        if (m_pins.isEmpty())
            return;
        const QByteArray actual = spkiSha256(reply->sslConfiguration().peerCertificate());
        if (!actual.isEmpty() && m_pins.contains(actual)) {
            const auto found = m_pending->find(id);
            if (found != m_pending->end())
                found->second->pinVerified = true;
            reply->ignoreSslErrors(errors);
        }
    });
    connect(reply, &QNetworkReply::encrypted, this, [this, id, reply] {
        if (m_pins.isEmpty())
            return;
        // The chain may also be valid by the system CAs: the pin must still match.
        const QByteArray actual = spkiSha256(reply->sslConfiguration().peerCertificate());
        if (actual.isEmpty() || !m_pins.contains(actual)) {
            const auto found = m_pending->find(id);
            if (found != m_pending->end())
                found->second->abort = Pending::Abort::PinMismatch;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, id] { onFinished(id); });
}

void GatewayClient::onAttemptTimeout(RequestId id, bool connectPhase)
{
    const auto it = m_pending->find(id);
    if (it == m_pending->end() || !it->second->reply)
        return;
    Pending &p = *it->second;
    p.abort = connectPhase ? Pending::Abort::ConnectTimeout : Pending::Abort::TotalTimeout;
    p.reply->abort();
}

void GatewayClient::onFinished(RequestId id)
{
    const auto it = m_pending->find(id);
    if (it == m_pending->end())
        return;
    Pending &p = *it->second;
    QNetworkReply *reply = p.reply.data();
    if (!reply)
        return;
    p.reply = nullptr;
    reply->deleteLater();
    if (p.connectTimer) {
        p.connectTimer->stop();
        p.totalTimer->stop();
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    GatewayError error;
    switch (p.abort) {
    case Pending::Abort::Cancelled:
        finishWith(id, GatewayError::make(ErrorKind::Cancelled, QStringLiteral("cancelled")));
        return;
    case Pending::Abort::ConnectTimeout:
        error =
            GatewayError::make(ErrorKind::Timeout, QStringLiteral("connect_timeout"),
                               QStringLiteral("no connection within %1 ms").arg(m_connectTimeout.count()));
        break;
    case Pending::Abort::TotalTimeout:
        error = GatewayError::make(ErrorKind::Timeout, QStringLiteral("total_timeout"),
                                   QStringLiteral("no answer within %1 ms").arg(m_totalTimeout.count()));
        break;
    case Pending::Abort::PinMismatch:
        error = GatewayError::make(ErrorKind::Tls, QStringLiteral("pin_mismatch"),
                                   QStringLiteral("the server's public key matches no pin"));
        break;
    case Pending::Abort::None:
        break;
    }

    if (!error.isError() && status == 0) {
        const QString detail = reply->errorString().left(300);
        switch (netError) {
        case QNetworkReply::SslHandshakeFailedError:
        case QNetworkReply::InsecureRedirectError:
            error = GatewayError::make(ErrorKind::Tls, QStringLiteral("tls_failed"), detail);
            break;
        case QNetworkReply::TimeoutError:
            error = GatewayError::make(ErrorKind::Timeout, QStringLiteral("transfer_timeout"), detail);
            break;
        case QNetworkReply::NoError:
            error = GatewayError::make(ErrorKind::Http, QStringLiteral("no_status"),
                                       QStringLiteral("no HTTP status in the answer"));
            break;
        default:
            error = GatewayError::make(ErrorKind::Network, QStringLiteral("network_error"), detail);
            break;
        }
    }

    QByteArray body = error.isError() ? QByteArray() : reply->readAll();
    if (!error.isError() && (status < 200 || status > 299)) {
        if (auto envelope = json::decodeErrorEnvelope(body, status)) {
            error = *envelope;
        } else {
            error =
                GatewayError::make(ErrorKind::Http, QStringLiteral("http_%1").arg(status),
                                   QStringLiteral("HTTP %1 without the contract's error body").arg(status));
            error.httpStatus = status;
        }
        // This client never reuses a nonce, but QNetworkAccessManager resends a request by itself, headers
        // and nonce included, when the connection closes before an answer; the gateway refuses that copy as
        // a replay. What the caller must know is that the answer to its request was lost (the request may
        // have been carried out): a network failure, retried like one where that is safe.
        if (error.is(u"replayed_request")) {
            error =
                GatewayError::make(ErrorKind::Network, QStringLiteral("answer_lost"),
                                   QStringLiteral("the connection closed before the answer (Qt's resent copy "
                                                  "was refused as a replay)"));
        }
        if (status == 429 && !error.retryAfterSecs) {
            bool ok = false;
            const int secs = reply->rawHeader("Retry-After").trimmed().toInt(&ok);
            if (ok && secs >= 0 && secs <= 86400)
                error.retryAfterSecs = secs;
        }
    }

    if (error.isError()) {
        if (mayRetry(p, error)) {
            scheduleRetry(id, error);
            return;
        }
        // The gateway ended the session: drop the token so no further call uses it.
        if (p.call.access == Access::Authenticated &&
            (error.is(u"session_invalid") || error.is(u"session_expired"))) {
            clearAccessToken();
            QPointer<GatewayClient> self(this);
            Q_EMIT sessionEnded(error);
            if (!self)
                return;
        }
        finishWith(id, error);
        return;
    }
    const bool replayed = reply->rawHeader("Idempotent-Replayed").trimmed() == "true";
    const auto found = m_pending->find(id);
    if (found == m_pending->end())
        return;
    std::unique_ptr<Pending> done = std::move(found->second);
    m_pending->erase(found);
    delete done->connectTimer;
    delete done->totalTimer;
    delete done->retryTimer;
    crypto::secureWipe(done->call.body);
    done->call.handler(Result<QByteArray>(std::move(body)), replayed);
}

bool GatewayClient::mayRetry(const Pending &pending, const GatewayError &error) const
{
    if (!pending.call.retryable || pending.attempt >= m_retry.maxAttempts)
        return false;
    switch (error.kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
        return true;
    case ErrorKind::Api:
    case ErrorKind::Http:
        if (!isRetryableStatus(error.httpStatus))
            return false;
        if (error.httpStatus == 429)
            return error.retryAfterSecs.value_or(0) <= m_retry.maxRetryAfter.count();
        return true;
    default:
        return false;
    }
}

void GatewayClient::scheduleRetry(RequestId id, const GatewayError &why)
{
    const auto it = m_pending->find(id);
    if (it == m_pending->end())
        return;
    Pending &p = *it->second;
    ++m_retries;
    // Exponential backoff with jitter (the jitter needs no cryptographic randomness).
    const qint64 base = m_retry.baseDelay.count();
    const qint64 exp = std::min<qint64>(m_retry.maxDelay.count(), base << std::min(p.attempt - 1, 20));
    const double factor = 0.5 + 0.5 * QRandomGenerator::global()->generateDouble();
    qint64 delay = qint64(double(exp) * factor);
    if (why.retryAfterSecs)
        delay = std::max<qint64>(delay, qint64(*why.retryAfterSecs) * 1000);
    qCInfo(lcGateway).noquote() << "retrying" << p.call.method
                                << p.call.pathWithQuery.section(QLatin1Char('?'), 0, 0) << "after"
                                << why.summary() << "in" << delay << "ms";
    if (!p.retryTimer) {
        p.retryTimer = new QTimer(this);
        p.retryTimer->setTimerType(Qt::PreciseTimer);
        p.retryTimer->setSingleShot(true);
        connect(p.retryTimer, &QTimer::timeout, this, [this, id] { sendAttempt(id); });
    }
    p.retryTimer->start(std::chrono::milliseconds(delay));
}

void GatewayClient::finishWith(RequestId id, Result<QByteArray> result)
{
    const auto it = m_pending->find(id);
    if (it == m_pending->end())
        return;
    std::unique_ptr<Pending> done = std::move(it->second);
    m_pending->erase(it);
    if (done->reply) {
        done->reply->disconnect(this);
        done->reply->abort();
        done->reply->deleteLater();
    }
    delete done->connectTimer;
    delete done->totalTimer;
    delete done->retryTimer;
    crypto::secureWipe(done->call.body);
    if (!result.ok()) {
        GatewayError error = result.error();
        error.attempts = done->attempt;
        if (error.kind != ErrorKind::Api || error.httpStatus >= 500)
            qCInfo(lcGateway).noquote()
                << done->call.method << done->call.pathWithQuery.section(QLatin1Char('?'), 0, 0)
                << "failed:" << error.summary();
        done->call.handler(Result<QByteArray>(error), false);
        return;
    }
    done->call.handler(std::move(result), false);
}

// ---- endpoints ----------------------------------------------------------------------------------------

RequestId GatewayClient::health(Callback<Health> done)
{
    return call<Health>("GET", QStringLiteral("/healthz"), Access::Public, {}, std::move(done),
                        json::decodeHealth);
}

RequestId GatewayClient::listBanks(Callback<QList<Bank>> done)
{
    return call<QList<Bank>>("GET", QStringLiteral("/v1/banks"), Access::Public, {}, std::move(done),
                             json::decodeBankList);
}

RequestId GatewayClient::listFees(Callback<FeeSchedule> done)
{
    return call<FeeSchedule>("GET", QStringLiteral("/v1/fees"), Access::Public, {}, std::move(done),
                             json::decodeFeeSchedule);
}

RequestId GatewayClient::fxRates(Callback<FxRates> done)
{
    return call<FxRates>("GET", QStringLiteral("/v1/fx-rates"), Access::Public, {}, std::move(done),
                         json::decodeFxRates);
}

RequestId GatewayClient::listMerchants(const QString &query, Callback<QList<Merchant>> done)
{
    QString path = QStringLiteral("/v1/merchants");
    if (!query.isEmpty())
        path += QStringLiteral("?q=") + percent(query);
    return call<QList<Merchant>>("GET", path, Access::Public, {}, std::move(done), json::decodeMerchantList);
}

RequestId GatewayClient::createEnrollment(const EnrollmentRequest &request, Callback<EnrollmentStart> done)
{
    return call<EnrollmentStart>("POST", QStringLiteral("/v1/enrollments"), Access::Public,
                                 json::toBody(json::encodeEnrollmentRequest(request)), std::move(done),
                                 json::decodeEnrollmentStart);
}

RequestId GatewayClient::resendEnrollmentOtp(const QString &enrollmentId, Callback<OtpInfo> done)
{
    return call<OtpInfo>("POST", QStringLiteral("/v1/enrollments/%1/otp/resend").arg(percent(enrollmentId)),
                         Access::Public, "{}", std::move(done), json::decodeOtpResent);
}

RequestId GatewayClient::verifyEnrollmentOtp(const QString &enrollmentId, const QString &code,
                                             Callback<EnrollmentVerify> done)
{
    return call<EnrollmentVerify>(
        "POST", QStringLiteral("/v1/enrollments/%1/otp/verify").arg(percent(enrollmentId)), Access::Public,
        json::toBody({{QStringLiteral("code"), code}}), std::move(done), json::decodeEnrollmentVerify);
}

RequestId GatewayClient::submitIdentity(const QString &enrollmentId, const IdentityRequest &request,
                                        Callback<EnrollmentIdentity> done)
{
    return call<EnrollmentIdentity>(
        "POST", QStringLiteral("/v1/enrollments/%1/identity").arg(percent(enrollmentId)), Access::Public,
        json::toBody(json::encodeIdentityRequest(request)), std::move(done), json::decodeEnrollmentIdentity);
}

RequestId GatewayClient::completeEnrollment(const QString &enrollmentId,
                                            const EnrollmentCompleteRequest &request,
                                            Callback<EnrollmentCredentials> done)
{
    return call<EnrollmentCredentials>(
        "POST", QStringLiteral("/v1/enrollments/%1/complete").arg(percent(enrollmentId)), Access::Public,
        json::toBody(json::encodeEnrollmentCompleteRequest(request)), std::move(done),
        json::decodeEnrollmentCredentials);
}

RequestId GatewayClient::createSession(const QString &password, Callback<Session> done)
{
    QPointer<GatewayClient> self(this);
    Callback<Session> adopt = [self, done = std::move(done)](Result<Session> result) {
        if (result && self)
            self->setAccessToken(result->accessToken.clone());
        done(std::move(result));
    };
    return call<Session>(
        "POST", QStringLiteral("/v1/sessions"), Access::Signed,
        json::toBody({{QStringLiteral("password"), password}}), std::move(adopt),
        [](const QJsonObject &o) { return json::decodeSession(o, QDateTime::currentDateTimeUtc()); });
}

RequestId GatewayClient::endSession(Callback<NoContent> done)
{
    const RequestId id = call<NoContent>("DELETE", QStringLiteral("/v1/sessions/current"),
                                         Access::Authenticated, {}, std::move(done), ignoreBody);
    // The request has taken its own copy of the header when sent; forget the token after that.
    QTimer::singleShot(0, this, [this] { clearAccessToken(); });
    return id;
}

RequestId GatewayClient::requestDeviceOtp(const QString &phone, Callback<NoContent> done)
{
    return call<NoContent>("POST", QStringLiteral("/v1/devices/otp"), Access::Public,
                           json::toBody({{QStringLiteral("phone"), phone}}), std::move(done), ignoreBody);
}

RequestId GatewayClient::addDevice(const AddDeviceRequest &request, Callback<DeviceCredentials> done)
{
    return call<DeviceCredentials>("POST", QStringLiteral("/v1/devices"), Access::Public,
                                   json::toBody(json::encodeAddDeviceRequest(request)), std::move(done),
                                   json::decodeDeviceCredentials);
}

RequestId GatewayClient::listDevices(Callback<QList<Device>> done)
{
    return call<QList<Device>>("GET", QStringLiteral("/v1/devices"), Access::Authenticated, {},
                               std::move(done), json::decodeDeviceList);
}

RequestId GatewayClient::revokeDevice(const QString &deviceId, Callback<NoContent> done)
{
    return call<NoContent>("DELETE", QStringLiteral("/v1/devices/%1").arg(percent(deviceId)),
                           Access::Authenticated, {}, std::move(done), ignoreBody);
}

RequestId GatewayClient::getWallet(Callback<Wallet> done)
{
    return call<Wallet>("GET", QStringLiteral("/v1/wallet"), Access::Authenticated, {}, std::move(done),
                        json::decodeWallet);
}

RequestId GatewayClient::requestWalletOtp(WalletOtpPurpose purpose, Callback<NoContent> done)
{
    return call<NoContent>("POST", QStringLiteral("/v1/wallet/otp"), Access::Authenticated,
                           json::toBody({{QStringLiteral("purpose"), contractString(purpose)}}),
                           std::move(done), ignoreBody);
}

RequestId GatewayClient::startTotp(Callback<TotpEnrollment> done)
{
    return call<TotpEnrollment>("POST", QStringLiteral("/v1/wallet/totp"), Access::Authenticated, "{}",
                                std::move(done), json::decodeTotpEnrollment);
}

RequestId GatewayClient::confirmTotp(const QString &code, Callback<TotpStatus> done)
{
    return call<TotpStatus>("POST", QStringLiteral("/v1/wallet/totp/confirm"), Access::Authenticated,
                            json::toBody({{QStringLiteral("code"), code}}), std::move(done),
                            json::decodeTotpStatus);
}

RequestId GatewayClient::disableTotp(const QString &code, Callback<NoContent> done)
{
    return call<NoContent>("DELETE", QStringLiteral("/v1/wallet/totp"), Access::Authenticated,
                           json::toBody({{QStringLiteral("code"), code}}), std::move(done), ignoreBody);
}

RequestId GatewayClient::changePin(const QString &password, const QString &newPin, const QString &otp,
                                   Callback<NoContent> done)
{
    return call<NoContent>("POST", QStringLiteral("/v1/wallet/pin"), Access::Authenticated,
                           json::toBody({{QStringLiteral("password"), password},
                                         {QStringLiteral("new_pin"), newPin},
                                         {QStringLiteral("otp"), otp}}),
                           std::move(done), ignoreBody);
}

RequestId GatewayClient::changePassword(const QString &password, const QString &newPassword,
                                        Callback<NoContent> done)
{
    return call<NoContent>(
        "POST", QStringLiteral("/v1/wallet/password"), Access::Authenticated,
        json::toBody({{QStringLiteral("password"), password}, {QStringLiteral("new_password"), newPassword}}),
        std::move(done), ignoreBody);
}

RequestId GatewayClient::createPasswordReset(const QString &phone, const QString &documentNumber,
                                             Callback<PasswordReset> done)
{
    QJsonObject body{{QStringLiteral("phone"), phone}};
    if (!documentNumber.isEmpty())
        body.insert(QStringLiteral("document_number"), documentNumber);
    return call<PasswordReset>("POST", QStringLiteral("/v1/password-resets"), Access::Public,
                               json::toBody(body), std::move(done), json::decodePasswordReset);
}

RequestId GatewayClient::resendPasswordResetOtp(const QString &resetId, Callback<OtpInfo> done)
{
    return call<OtpInfo>("POST", QStringLiteral("/v1/password-resets/%1/otp/resend").arg(percent(resetId)),
                         Access::Public, "{}", std::move(done), json::decodeOtpResent);
}

RequestId GatewayClient::verifyPasswordReset(const QString &resetId, const QString &code,
                                             Callback<EnrollmentVerify> done)
{
    return call<EnrollmentVerify>(
        "POST", QStringLiteral("/v1/password-resets/%1/verify").arg(percent(resetId)), Access::Public,
        json::toBody({{QStringLiteral("code"), code}}), std::move(done), json::decodeEnrollmentVerify);
}

RequestId GatewayClient::completePasswordReset(const QString &resetId, const QString &newPassword,
                                               Callback<NoContent> done)
{
    return call<NoContent>("POST", QStringLiteral("/v1/password-resets/%1/complete").arg(percent(resetId)),
                           Access::Public, json::toBody({{QStringLiteral("new_password"), newPassword}}),
                           std::move(done), ignoreBody);
}

RequestId GatewayClient::addCard(const CardRequest &request, Callback<PaymentMethod> done)
{
    return call<PaymentMethod>("POST", QStringLiteral("/v1/payment-methods"), Access::Authenticated,
                               json::toBody(json::encodeCardRequest(request)), std::move(done),
                               json::decodePaymentMethod);
}

RequestId GatewayClient::addBankAccount(const BankAccountRequest &request, Callback<PaymentMethod> done)
{
    return call<PaymentMethod>("POST", QStringLiteral("/v1/payment-methods"), Access::Authenticated,
                               json::toBody(json::encodeBankAccountRequest(request)), std::move(done),
                               json::decodePaymentMethod);
}

RequestId GatewayClient::listPaymentMethods(Callback<QList<PaymentMethod>> done)
{
    return call<QList<PaymentMethod>>("GET", QStringLiteral("/v1/payment-methods"), Access::Authenticated, {},
                                      std::move(done), json::decodePaymentMethodList);
}

RequestId GatewayClient::deletePaymentMethod(const QString &paymentMethodId, Callback<NoContent> done)
{
    return call<NoContent>("DELETE", QStringLiteral("/v1/payment-methods/%1").arg(percent(paymentMethodId)),
                           Access::Authenticated, {}, std::move(done), ignoreBody);
}

RequestId GatewayClient::setDefaultPaymentMethod(const QString &paymentMethodId, Callback<PaymentMethod> done)
{
    return call<PaymentMethod>("POST",
                               QStringLiteral("/v1/payment-methods/%1/default").arg(percent(paymentMethodId)),
                               Access::Authenticated, "{}", std::move(done), json::decodePaymentMethod);
}

RequestId GatewayClient::createQuote(const QuoteRequest &request, Callback<Quote> done)
{
    return call<Quote>("POST", QStringLiteral("/v1/quotes"), Access::Authenticated,
                       json::toBody(json::encodeQuoteRequest(request)), std::move(done), json::decodeQuote);
}

RequestId GatewayClient::sendQuoteOtp(const QString &quoteId, Callback<NoContent> done)
{
    return call<NoContent>("POST", QStringLiteral("/v1/quotes/%1/otp").arg(percent(quoteId)),
                           Access::Authenticated, "{}", std::move(done), ignoreBody);
}

RequestId GatewayClient::createPayment(const PaymentRequest &request, const QString &idempotencyKey,
                                       Callback<Payment> done, bool *replayed)
{
    if (idempotencyKey.isEmpty() || idempotencyKey.size() > 255) {
        // Never send a payment that could not be retried safely.
        const GatewayError error =
            GatewayError::make(ErrorKind::Configuration, QStringLiteral("idempotency_key_invalid"),
                               QStringLiteral("an Idempotency-Key of 1-255 characters is required"));
        const RequestId id = m_nextId++;
        QTimer::singleShot(0, this, [done = std::move(done), error] { done(error); });
        return id;
    }
    return call<Payment>("POST", QStringLiteral("/v1/payments"), Access::Authenticated,
                         json::toBody(json::encodePaymentRequest(request)), std::move(done),
                         json::decodePayment, idempotencyKey, replayed);
}

RequestId GatewayClient::getPayment(const QString &paymentId, Callback<Payment> done)
{
    return call<Payment>("GET", QStringLiteral("/v1/payments/%1").arg(percent(paymentId)),
                         Access::Authenticated, {}, std::move(done), json::decodePayment);
}

RequestId GatewayClient::findPaymentByQuote(const QString &quoteId, Callback<std::optional<Payment>> done)
{
    return call<std::optional<Payment>>(
        "GET", QStringLiteral("/v1/payments?quote_id=%1").arg(percent(quoteId)), Access::Authenticated, {},
        std::move(done), json::decodePaymentSearch);
}

RequestId GatewayClient::listTransactions(const QString &after, int limit, Callback<TransactionPage> done)
{
    QStringList query;
    if (!after.isEmpty())
        query.append(QStringLiteral("after=") + percent(after));
    if (limit > 0)
        query.append(QStringLiteral("limit=%1").arg(limit));
    QString path = QStringLiteral("/v1/transactions");
    if (!query.isEmpty())
        path += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return call<TransactionPage>("GET", path, Access::Authenticated, {}, std::move(done),
                                 json::decodeTransactionPage);
}

RequestId GatewayClient::devOutbox(const QString &to, Callback<QList<OutboxMessage>> done)
{
    return call<QList<OutboxMessage>>("GET", QStringLiteral("/v1/dev/outbox?to=") + percent(to),
                                      Access::Public, {}, std::move(done), json::decodeOutboxList);
}

RequestId GatewayClient::devSetTier(const QString &walletId, int tier, Callback<DevTierResult> done)
{
    return call<DevTierResult>("POST", QStringLiteral("/v1/dev/wallets/%1/tier").arg(percent(walletId)),
                               Access::Public, json::toBody({{QStringLiteral("tier"), tier}}),
                               std::move(done), json::decodeDevTierResult);
}

RequestId GatewayClient::devIncoming(const QString &walletId, const Money &amount, const QString &fromName,
                                     Callback<Payment> done)
{
    return call<Payment>("POST", QStringLiteral("/v1/dev/wallets/%1/incoming").arg(percent(walletId)),
                         Access::Public,
                         json::toBody({{QStringLiteral("amount"), json::encodeMoney(amount)},
                                       {QStringLiteral("from_name"), fromName}}),
                         std::move(done), json::decodePayment);
}

RequestId GatewayClient::devDecideReview(const QString &paymentId, ReviewDecision decision,
                                         Callback<Payment> done)
{
    return call<Payment>("POST", QStringLiteral("/v1/dev/reviews/%1").arg(percent(paymentId)), Access::Public,
                         json::toBody({{QStringLiteral("decision"), contractString(decision)}}),
                         std::move(done), json::decodePayment);
}

RequestId GatewayClient::devLedgerCheck(Callback<LedgerCheck> done)
{
    return call<LedgerCheck>("GET", QStringLiteral("/v1/dev/ledger/check"), Access::Public, {},
                             std::move(done), json::decodeLedgerCheck);
}

RequestId GatewayClient::devReset(Callback<NoContent> done)
{
    return call<NoContent>("POST", QStringLiteral("/v1/dev/reset"), Access::Public, "{}", std::move(done),
                           ignoreBody);
}

} // namespace bw::gateway
