#include "stub/request_auth.h"

#include "crypto/constant_time.h"
#include "crypto/encoding.h"
#include "crypto/hash.h"
#include "crypto/random.h"
#include "stub/api_error.h"
#include "stub/clock.h"
#include "stub/ids.h"
#include "stub/request.h"
#include "stub/server_key.h"
#include "stub/stub_store.h"

#include <QSqlQuery>

namespace bw::stub {

namespace {
ApiError authError(const char *code, const char *message)
{
    return ApiError::authentication(QString::fromLatin1(code), QString::fromLatin1(message));
}

bool parseTimestamp(const QByteArray &text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 12)
        return false;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    *value = text.toLongLong();
    return true;
}
} // namespace

RequestAuth::RequestAuth(StubStore &store, const ServerKey &key, const Clock &clock)
    : m_store(store)
    , m_key(key)
    , m_clock(clock)
{}

QByteArray RequestAuth::canonicalString(const QByteArray &method, const QByteArray &pathWithQuery,
                                        const QByteArray &timestamp, const QByteArray &nonce,
                                        const QByteArray &body)
{
    const auto bodyHash = crypto::sha256(body);
    if (!bodyHash)
        throw ApiError::internalError();
    return method + '\n' + pathWithQuery + '\n' + timestamp + '\n' + nonce + '\n' + bodyHash.value().toHex();
}

void RequestAuth::verifySignature(Request &request)
{
    const QByteArray deviceId = request.header("x-device-id");
    const QByteArray timestamp = request.header("x-timestamp");
    const QByteArray nonce = request.header("x-nonce");
    const QByteArray signature = request.header("x-signature");
    if (deviceId.isEmpty() || timestamp.isEmpty() || nonce.isEmpty() || signature.isEmpty())
        throw authError("signature_missing", "This request must be signed by a device.");

    const QString device = QString::fromUtf8(deviceId);
    QString walletId;
    QByteArray sealed;
    qint64 lastSeen = -1; // -1: never seen (NULL)
    {
        StubStore::Query row =
            m_store.query(QStringLiteral("SELECT wallet_id, secret_sealed, last_seen_at FROM "
                                         "devices WHERE id = ? AND revoked_at IS NULL"),
                          {device});
        if (!row.next())
            throw authError("device_unknown", "This device is not registered or was removed.");
        walletId = row.value(0).toString();
        sealed = row.value(1).toByteArray();
        if (!row.value(2).isNull())
            lastSeen = row.value(2).toLongLong();
    }

    const qint64 now = m_clock.nowSecs();
    qint64 ts = 0;
    if (!parseTimestamp(timestamp, &ts) || ts < now - kMaxSkewSecs || ts > now + kMaxSkewSecs)
        throw authError("stale_request", "The request's timestamp is more than 5 minutes off.");

    const auto nonceBytes = crypto::base64UrlDecode(QByteArrayView(nonce));
    const auto given = crypto::base64Decode(QByteArrayView(signature));
    const crypto::SecretBytes &secret = deviceSecret(device, sealed);
    const auto expected =
        crypto::hmacSha256(secret.view(), canonicalString(request.method, request.pathWithQuery, timestamp,
                                                          nonce, request.body));
    if (!expected)
        throw ApiError::internalError();
    // Compare even when the signature is malformed, so the time taken does not depend on it.
    const bool signatureOk =
        crypto::constantTimeEquals(expected.value(), given ? given.value() : QByteArray());
    if (!signatureOk || !given || !nonceBytes || nonceBytes.value().size() < 16 || nonce.size() > 128)
        throw authError("signature_invalid", "The request signature does not match.");

    // These statements run before the handler's transaction, so they stay even when the handler fails:
    // in the server's batch they become durable with it, outside a batch each commits on its own.
    forgetOldNonces(now);
    // One statement checks and records the nonce: nothing inserted means it was seen already.
    const bool seen =
        m_store.run(
            QStringLiteral("INSERT OR IGNORE INTO nonces (device_id, nonce, seen_at) VALUES (?, ?, ?)"),
            {device, QString::fromLatin1(nonce), now}) == 0;
    if (seen)
        throw authError("replayed_request", "This request was already received.");
    if (lastSeen != now) // several requests a second write the same value once
        m_store.run(QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"), {now, device});
    request.deviceId = device;
    request.walletId = walletId;
}

const crypto::SecretBytes &RequestAuth::deviceSecret(const QString &device, const QByteArray &sealed)
{
    const auto cached = m_secrets.find(device);
    if (cached != m_secrets.end() && cached->second.sealed == sealed)
        return cached->second.secret;
    // Opened before anything is cached: an envelope that does not open (it throws) leaves no entry.
    crypto::SecretBytes secret =
        m_key.open(sealed, QStringLiteral("devices"), QStringLiteral("secret"), device);
    if (m_secrets.size() >= static_cast<size_t>(kMaxCachedSecrets))
        m_secrets.clear();
    OpenedSecret &entry = m_secrets[device];
    entry.secret = std::move(secret);
    entry.sealed = sealed;
    return entry.secret;
}

// Nonces older than the timestamp window can never be replayed (their request would be stale), so they
// are dropped — once a second of the clock rather than on every request.
void RequestAuth::forgetOldNonces(qint64 now)
{
    if (now == m_noncesPrunedAt)
        return;
    m_store.run(QStringLiteral("DELETE FROM nonces WHERE seen_at < ?"), {now - kNonceMemorySecs});
    m_noncesPrunedAt = now;
}

QByteArray RequestAuth::tokenHash(const QString &token)
{
    const auto hash = crypto::sha256(token.toUtf8());
    if (!hash)
        throw ApiError::internalError();
    return hash.value();
}

void RequestAuth::verifySession(Request &request)
{
    const QByteArray authorization = request.header("authorization");
    const QByteArray prefix = "Bearer ";
    if (!authorization.startsWith(prefix) || authorization.size() == prefix.size() ||
        authorization.size() > 512)
        throw authError("session_invalid", "Sign in first.");
    const QString token = QString::fromLatin1(authorization.mid(prefix.size()));
    QString sessionId, deviceId, walletId;
    qint64 lastUsed = 0, expiresAt = 0;
    bool ended = false;
    {
        StubStore::Query row =
            m_store.query(QStringLiteral("SELECT id, device_id, wallet_id, last_used_at, expires_at, ended "
                                         "FROM sessions WHERE token_hash = ?"),
                          {tokenHash(token)});
        if (!row.next())
            throw authError("session_invalid", "Sign in first.");
        sessionId = row.value(0).toString();
        deviceId = row.value(1).toString();
        walletId = row.value(2).toString();
        lastUsed = row.value(3).toLongLong();
        expiresAt = row.value(4).toLongLong();
        ended = row.value(5).toInt() != 0;
    }
    if (ended || deviceId != request.deviceId || walletId != request.walletId)
        throw authError("session_invalid", "Sign in first.");
    const qint64 now = m_clock.nowSecs();
    if (now >= expiresAt || now - lastUsed > kSessionIdleSecs)
        throw authError("session_expired", "The session has expired; sign in again.");
    if (lastUsed != now) // several requests a second write the same value once
        m_store.run(QStringLiteral("UPDATE sessions SET last_used_at = ? WHERE id = ?"), {now, sessionId});
    request.sessionId = sessionId;
}

QString RequestAuth::createSession(const QString &walletId, const QString &deviceId, QString *sessionId)
{
    const auto bytes = crypto::randomBytes(32);
    if (!bytes)
        throw ApiError::internalError();
    const QString token = crypto::base64UrlEncode(bytes.value());
    const QString id = newId(QStringLiteral("ses_"));
    const qint64 now = m_clock.nowSecs();
    m_store.run(QStringLiteral("INSERT INTO sessions (id, token_hash, device_id, wallet_id, created_at, "
                               "last_used_at, expires_at, ended) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"),
                {id, tokenHash(token), deviceId, walletId, now, now, now + kSessionLifetimeSecs});
    if (sessionId)
        *sessionId = id;
    return token;
}

} // namespace bw::stub
