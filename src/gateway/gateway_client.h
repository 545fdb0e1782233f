// API-READY
// GatewayClient: the app's HTTP client of the bank gateway contract (gateway-api.md). One typed,
// asynchronous call per endpoint; each answers exactly once through its callback with a Result<T> (the
// decoded value or a GatewayError), on the thread the client lives on (create and use it on one thread
// with an event loop, normally the GUI thread: nothing here blocks). No callback runs after the client is
// destroyed (its requests are aborted), and none runs from inside the call that started the request.
//
// What it does for every call:
// - signs requests after enrollment (X-Device-Id, X-Timestamp, X-Nonce, X-Signature = base64
//   HMAC-SHA256(device secret, METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nhex(SHA256(body)))) with the device
//   credential held in memory as SecretBytes (setDeviceCredentials; DeviceCredentialStore keeps it in the
//   OS keychain), and adds "Authorization: Bearer" once signed in (the token is memory only);
// - time limits: a connect limit and a total limit per attempt (defaults 10 s / 30 s) → kind Timeout;
// - retries with exponential backoff and jitter ONLY for safe calls (GET) and for POST /v1/payments (same
//   Idempotency-Key, same body, so the gateway answers a replay, never a second payment): on network
//   errors, timeouts, 503 and 429 (waiting at least Retry-After seconds). Never for any other POST/DELETE;
// - transport security: https with optional public-key pinning (setPinnedPublicKeySha256: the leaf's
//   SubjectPublicKeyInfo SHA-256 must match a pin; then a self-signed certificate is accepted, any other
//   key refused with kind Tls). Plain http only to loopback hosts (127.0.0.1, ::1, localhost); a remote
//   http URL is refused with kind Configuration, code "insecure_url", before anything is sent.
//
//   GatewayClient client;
//   client.setBaseUrl(QUrl("http://127.0.0.1:8080"));
//   client.setDeviceCredentials(deviceId, std::move(secret));
//   client.createSession(password, [](Result<Session> r) { if (!r) show(r.error().userMessage()); });
#pragma once

#include "crypto/secret_bytes.h"
#include "gateway/gateway_error.h"
#include "gateway/gateway_types.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace bw::gateway {

template<typename T>
using Callback = std::function<void(Result<T> result)>;

// Identifies a started request, for cancel(). 0 is never used.
using RequestId = quint64;

// Retry policy of safe calls (see the header comment). Delay before retry n (1-based):
// min(maxDelay, baseDelay * 2^(n-1)) * random factor in [0.5, 1.0]; at least Retry-After when given.
struct RetryPolicy
{
    int maxAttempts = 4; // including the first; 1 = no retries
    std::chrono::milliseconds baseDelay{250};
    std::chrono::milliseconds maxDelay{4000};
    // A Retry-After above this is not waited for: the 429 is returned to the caller.
    std::chrono::seconds maxRetryAfter{30};
};

class GatewayClient : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultConnectTimeout{10000};
    static constexpr std::chrono::milliseconds kDefaultTotalTimeout{30000};

    explicit GatewayClient(QObject *parent = nullptr);
    // Aborts every request; their callbacks are not called.
    ~GatewayClient() override;

    // ---- configuration ---------------------------------------------------------------------------------
    // The gateway's base URL (scheme, host, port; a path prefix is kept). Returns a Configuration error
    // (codes "invalid_url", "insecure_url") and keeps the old URL when the URL is not acceptable; calls
    // made without a valid URL answer that error.
    GatewayError setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    // True for hosts plain http is allowed to: 127.0.0.1 (127/8), ::1, localhost.
    static bool isLoopbackHost(const QString &host);

    void setConnectTimeout(std::chrono::milliseconds timeout);
    void setTotalTimeout(std::chrono::milliseconds timeout); // per attempt
    std::chrono::milliseconds connectTimeout() const { return m_connectTimeout; }
    std::chrono::milliseconds totalTimeout() const { return m_totalTimeout; }
    void setRetryPolicy(const RetryPolicy &policy);
    RetryPolicy retryPolicy() const { return m_retry; }

    // SHA-256 digests (32 raw bytes each) of the SubjectPublicKeyInfo DER of accepted server keys. Empty:
    // no pinning (the system's CA store decides). Applies to https only.
    void setPinnedPublicKeySha256(const QList<QByteArray> &pins);
    QList<QByteArray> pinnedPublicKeySha256() const { return m_pins; }
    // The SHA-256 of a PEM or DER certificate's SubjectPublicKeyInfo (for configuration tools and tests);
    // empty when the certificate cannot be read.
    static QByteArray publicKeySha256OfCertificate(const QByteArray &pemOrDer);

    // The device credential that signs requests (memory only; wiped on clear or destruction).
    void setDeviceCredentials(const QString &deviceId, crypto::SecretBytes deviceSecret);
    void clearDeviceCredentials();
    bool hasDeviceCredentials() const { return !m_deviceId.isEmpty(); }
    QString deviceId() const { return m_deviceId; }

    // The session token (memory only). createSession() sets it, endSession() and a 401 session_invalid /
    // session_expired answer clear it.
    void setAccessToken(crypto::SecretBytes token);
    void clearAccessToken();
    bool hasAccessToken() const { return !m_accessToken.isEmpty(); }

    // A fresh Idempotency-Key (128 random bits, base64url): create ONE per user action, store it before
    // sending, and reuse it for every retry or reconciliation of that action.
    static QString newIdempotencyKey();

    // Aborts a request: its callback is called once with kind Cancelled (later, from the event loop).
    // Unknown or finished ids are ignored.
    void cancel(RequestId id);
    // Requests started and not answered yet.
    int pendingCount() const;
    // Retries made so far by this client (diagnostics and tests).
    quint64 retryCount() const { return m_retries; }

    // ---- public endpoints ------------------------------------------------------------------------------
    RequestId health(Callback<Health> done);
    RequestId listBanks(Callback<QList<Bank>> done);
    RequestId listFees(Callback<FeeSchedule> done);
    RequestId fxRates(Callback<FxRates> done);
    RequestId listMerchants(const QString &query, Callback<QList<Merchant>> done); // query may be empty

    // ---- enrollment (public) ---------------------------------------------------------------------------
    RequestId createEnrollment(const EnrollmentRequest &request, Callback<EnrollmentStart> done);
    RequestId resendEnrollmentOtp(const QString &enrollmentId, Callback<OtpInfo> done);
    RequestId verifyEnrollmentOtp(const QString &enrollmentId, const QString &code,
                                  Callback<EnrollmentVerify> done);
    RequestId submitIdentity(const QString &enrollmentId, const IdentityRequest &request,
                             Callback<EnrollmentIdentity> done);
    // Does NOT adopt the returned credential: store it (DeviceCredentialStore) and then call
    // setDeviceCredentials(), so a credential the keychain refused is never used.
    RequestId completeEnrollment(const QString &enrollmentId, const EnrollmentCompleteRequest &request,
                                 Callback<EnrollmentCredentials> done);

    // ---- sessions (signed) -----------------------------------------------------------------------------
    // On success the client adopts the access token.
    RequestId createSession(const QString &password, Callback<Session> done);
    // DELETE /v1/sessions/current; the token is dropped whatever the answer.
    RequestId endSession(Callback<NoContent> done);

    // ---- devices ---------------------------------------------------------------------------------------
    RequestId requestDeviceOtp(const QString &phone, Callback<NoContent> done);             // public
    RequestId addDevice(const AddDeviceRequest &request, Callback<DeviceCredentials> done); // public
    RequestId listDevices(Callback<QList<Device>> done);
    RequestId revokeDevice(const QString &deviceId, Callback<NoContent> done);

    // ---- wallet and two-factor (authenticated) ---------------------------------------------------------
    RequestId getWallet(Callback<Wallet> done);
    RequestId requestWalletOtp(WalletOtpPurpose purpose, Callback<NoContent> done);
    RequestId startTotp(Callback<TotpEnrollment> done);
    RequestId confirmTotp(const QString &code, Callback<TotpStatus> done);
    RequestId disableTotp(const QString &code, Callback<NoContent> done);
    RequestId changePin(const QString &password, const QString &newPin, const QString &otp,
                        Callback<NoContent> done);
    RequestId changePassword(const QString &password, const QString &newPassword, Callback<NoContent> done);

    // ---- password reset (public) -----------------------------------------------------------------------
    RequestId createPasswordReset(const QString &phone, const QString &documentNumber, // may be empty
                                  Callback<PasswordReset> done);
    RequestId resendPasswordResetOtp(const QString &resetId, Callback<OtpInfo> done);
    RequestId verifyPasswordReset(const QString &resetId, const QString &code,
                                  Callback<EnrollmentVerify> done);
    RequestId completePasswordReset(const QString &resetId, const QString &newPassword,
                                    Callback<NoContent> done);

    // ---- payment methods (authenticated) ---------------------------------------------------------------
    RequestId addCard(const CardRequest &request, Callback<PaymentMethod> done);
    RequestId addBankAccount(const BankAccountRequest &request, Callback<PaymentMethod> done);
    RequestId listPaymentMethods(Callback<QList<PaymentMethod>> done);
    RequestId deletePaymentMethod(const QString &paymentMethodId, Callback<NoContent> done);
    RequestId setDefaultPaymentMethod(const QString &paymentMethodId, Callback<PaymentMethod> done);

    // ---- quotes, payments, feed (authenticated) --------------------------------------------------------
    RequestId createQuote(const QuoteRequest &request, Callback<Quote> done);
    RequestId sendQuoteOtp(const QString &quoteId, Callback<NoContent> done);
    // POST /v1/payments with the caller's Idempotency-Key (newIdempotencyKey(), stored before the call).
    // Retried with the same key and body on network errors, timeouts and 503. Payment::replayed says whether
    // the answer was the gateway's stored one (Idempotent-Replayed: true); `replayed`, when not null, is set
    // too and must stay valid until the callback has run (prefer Payment::replayed).
    RequestId createPayment(const PaymentRequest &request, const QString &idempotencyKey,
                            Callback<Payment> done, bool *replayed = nullptr);
    RequestId getPayment(const QString &paymentId, Callback<Payment> done);
    // GET /v1/payments?quote_id=…: the payment made with that quote, or nullopt when none was made.
    RequestId findPaymentByQuote(const QString &quoteId, Callback<std::optional<Payment>> done);
    // GET /v1/transactions; after empty = from the start; limit 1..1000 (0 = the gateway's default).
    RequestId listTransactions(const QString &after, int limit, Callback<TransactionPage> done);

    // ---- demo and staff endpoints (demo gateways only; 404 resource_missing otherwise) -----------------
    RequestId devOutbox(const QString &to, Callback<QList<OutboxMessage>> done);
    RequestId devSetTier(const QString &walletId, int tier, Callback<DevTierResult> done);
    RequestId devIncoming(const QString &walletId, const Money &amount, const QString &fromName,
                          Callback<Payment> done);
    RequestId devDecideReview(const QString &paymentId, ReviewDecision decision, Callback<Payment> done);
    RequestId devLedgerCheck(Callback<LedgerCheck> done);
    RequestId devReset(Callback<NoContent> done);

Q_SIGNALS:
    // The gateway said the session is gone (401 session_invalid / session_expired on an authenticated
    // call); the token has been dropped. The UI shows the lock screen.
    void sessionEnded(const bw::gateway::GatewayError &error);

private:
    struct Call;
    struct Pending;
    enum class Access { Public, Signed, Authenticated };

    RequestId start(Call call);
    void sendAttempt(RequestId id);
    void onFinished(RequestId id);
    void onAttemptTimeout(RequestId id, bool connectPhase);
    void finishWith(RequestId id, Result<QByteArray> result);
    void scheduleRetry(RequestId id, const GatewayError &why);
    bool mayRetry(const Pending &pending, const GatewayError &error) const;

    template<typename T, typename Decoder>
    RequestId call(QByteArray method, QString pathWithQuery, Access access, QByteArray body, Callback<T> done,
                   Decoder decode, QString idempotencyKey = {}, bool *replayed = nullptr);

    QNetworkAccessManager *m_nam = nullptr;
    QUrl m_baseUrl;
    GatewayError m_urlError; // why there is no usable base URL (kind None when there is one)
    std::chrono::milliseconds m_connectTimeout = kDefaultConnectTimeout;
    std::chrono::milliseconds m_totalTimeout = kDefaultTotalTimeout;
    RetryPolicy m_retry;
    QList<QByteArray> m_pins;
    QString m_deviceId;
    crypto::SecretBytes m_deviceSecret;
    crypto::SecretBytes m_accessToken;
    RequestId m_nextId = 1;
    quint64 m_retries = 0;
    std::unique_ptr<std::map<RequestId, std::unique_ptr<Pending>>> m_pending;
};

} // namespace bw::gateway
