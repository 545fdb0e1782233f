// RequestAuth: the contract's request signing and sessions ("Request signing", "Sessions"), applied by
// GatewayServer to every route marked Access::Signed or Access::Authenticated before its handler runs.
//
// Signing: headers X-Device-Id, X-Timestamp, X-Nonce, X-Signature = base64(HMAC-SHA256(device secret,
// METHOD\nPATH_WITH_QUERY\nTIMESTAMP\nNONCE\nhex(SHA256(body)))). Checked in this order, 401 each:
// signature_missing → device_unknown (unknown or revoked) → stale_request (|now − ts| > 300 s, or a
// timestamp that is not a number) → signature_invalid (constant-time; also a nonce that is not ≥16 bytes
// of base64url) → replayed_request (nonce seen from that device in the last 10 minutes).
// PATH_WITH_QUERY: Qt HttpServer 6.4 hands out the request target only as a QUrl, so it is rebuilt from
// that (percent-encoding kept, as QUrl keeps it); clients that build the URL with QUrl sign the same text.
//
// Sessions: "Authorization: Bearer <token>"; the token is 32 CSPRNG bytes (base64url) stored only as its
// SHA-256. No, unknown, ended or another device's token → session_invalid; older than 15 minutes or idle
// over 300 s → session_expired. A valid use moves last_used_at.
#pragma once

#include "crypto/secret_bytes.h"
#include <QByteArray>

#include <QByteArray>
#include <QHash>
#include <QString>

#include <unordered_map>

namespace bw::stub {

class Clock;
class ServerKey;
class StubStore;
struct Request;

class RequestAuth
{
public:
    static constexpr qint64 kMaxSkewSecs = 300;
    static constexpr qint64 kNonceMemorySecs = 600;
    static constexpr qint64 kSessionLifetimeSecs = 900;
    static constexpr qint64 kSessionIdleSecs = 300;

    RequestAuth(StubStore &store, const ServerKey &key, const Clock &clock);

    // Throws ApiError; on success sets request.deviceId and request.walletId and remembers the nonce
    // outside the handler's transaction (so a replay is caught even when the handler then fails).
    void verifySignature(Request &request);
    // After verifySignature(). Throws ApiError; on success sets request.sessionId.
    void verifySession(Request &request);

    // The canonical string a client signs.
    static QByteArray canonicalString(const QByteArray &method, const QByteArray &pathWithQuery,
                                      const QByteArray &timestamp, const QByteArray &nonce,
                                      const QByteArray &body);

    // A new session for a device: returns the access token (the only time it exists in plaintext) and
    // stores its hash. Call inside the route's transaction.
    QString createSession(const QString &walletId, const QString &deviceId, QString *sessionId = nullptr);
    static QByteArray tokenHash(const QString &token);

private:
    // The opened device secret for the sealed value it came from: opening the envelope (AES-256-GCM)
    // on every request cost more than the rest of the signature check. Keyed by device id and checked
    // against the sealed bytes read on every request, so a rotated or revoked secret is never used.
    struct OpenedSecret
    {
        QByteArray sealed;
        crypto::SecretBytes secret;
    };
    const crypto::SecretBytes &deviceSecret(const QString &device, const QByteArray &sealed);
    void forgetOldNonces(qint64 now);

    static constexpr qsizetype kMaxCachedSecrets = 4096;
    StubStore &m_store;
    const ServerKey &m_key;
    const Clock &m_clock;
    struct IdHash
    {
        size_t operator()(const QString &id) const noexcept { return qHash(id); }
    };
    std::unordered_map<QString, OpenedSecret, IdHash> m_secrets;
    qint64 m_noncesPrunedAt = -1;
};

} // namespace bw::stub
