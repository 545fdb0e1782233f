// Contract tests of request signing, sessions, the sign-in lockout, GET /v1/wallet and restart
// persistence, over real HTTP (gateway-api.md, "Request signing", "Sessions", "Wallet and two-factor").
#include "stub_test_client.h"

#include <QTest>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {
const QString kSessions = QStringLiteral("/v1/sessions");
QJsonObject passwordBody(const QString &password)
{
    return {{QStringLiteral("password"), password}};
}
} // namespace

class TestStubSessions : public QObject
{
    Q_OBJECT

    StubTestClient m_client;

    TestWallet newWallet(bool identity = true)
    {
        TestWallet wallet = m_client.enrollWallet(identity);
        if (wallet.walletId.isEmpty())
            qWarning("enrollment failed: %s", qPrintable(m_client.lastError()));
        return wallet;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_client.start(), qPrintable(m_client.lastError())); }

    void signInCreatesSession()
    {
        TestWallet wallet = newWallet();
        QVERIFY(!wallet.walletId.isEmpty());
        const Reply reply = m_client.sendSigned(wallet, "POST", kSessions, passwordBody(wallet.password));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json.value(QStringLiteral("expires_in")).toInt(), 900);
        QCOMPARE(reply.json.value(QStringLiteral("idle_timeout")).toInt(), 300);
        QCOMPARE(reply.json.value(QStringLiteral("wallet_id")).toString(), wallet.walletId);
        wallet.token = reply.json.value(QStringLiteral("access_token")).toString();
        QVERIFY(wallet.token.size() >= 40);
        QCOMPARE(m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet")).status, 200);
    }

    void walletReadsProfileAndLimits()
    {
        TestWallet wallet = newWallet();
        QVERIFY(m_client.signIn(wallet));
        const Reply reply = m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet"));
        QCOMPARE(reply.status, 200);
        const QJsonObject w = reply.json;
        QCOMPARE(w.value(QStringLiteral("wallet_id")).toString(), wallet.walletId);
        QCOMPARE(w.value(QStringLiteral("full_name")).toString(), QStringLiteral("Li Lei"));
        QCOMPARE(w.value(QStringLiteral("phone_masked")).toString(),
                 QStringLiteral("+86 139****") + wallet.phone.right(4));
        QCOMPARE(w.value(QStringLiteral("tier")).toInt(), 3);
        QCOMPARE(w.value(QStringLiteral("kyc_status")).toString(), QStringLiteral("verified"));
        QCOMPARE(w.value(QStringLiteral("totp_enabled")), QJsonValue(false));
        QCOMPARE(w.value(QStringLiteral("payments_frozen")), QJsonValue(false));
        const QJsonObject limits = w.value(QStringLiteral("limits")).toObject();
        const QJsonObject zero{{QStringLiteral("amount"), 0},
                               {QStringLiteral("currency"), QStringLiteral("CNY")}};
        QCOMPARE(limits.value(QStringLiteral("used_today")).toObject(), zero);
        QCOMPARE(limits.value(QStringLiteral("used_this_year")).toObject(), zero);
        QCOMPARE(
            limits.value(QStringLiteral("per_payment")).toObject().value(QStringLiteral("amount")).toInt(),
            500000);
        const QJsonArray balances = w.value(QStringLiteral("balances")).toArray();
        QCOMPARE(balances.size(), 1);
        QCOMPARE(balances.first().toObject().value(QStringLiteral("available")).toObject(), zero);

        TestWallet anonymous = newWallet(false);
        QVERIFY(m_client.signIn(anonymous));
        const Reply tier4 = m_client.sendAuthed(anonymous, "GET", QStringLiteral("/v1/wallet"));
        QCOMPARE(tier4.json.value(QStringLiteral("tier")).toInt(), 4);
        QCOMPARE(tier4.json.value(QStringLiteral("kyc_status")).toString(), QStringLiteral("none"));
    }

    void signingFailures()
    {
        TestWallet wallet = newWallet();
        QVERIFY(m_client.signIn(wallet));
        const QString path = QStringLiteral("/v1/wallet");
        const auto expect401 = [](const Reply &reply, const char *code) {
            QVERIFY2(reply.status == 401, qPrintable(reply.summary()));
            QCOMPARE(reply.errorType(), QStringLiteral("authentication_error"));
            QCOMPARE(reply.errorCode(), QString::fromLatin1(code));
        };

        // No signature headers at all, or only some of them.
        expect401(m_client.send("GET", path, {}, {{"Authorization", "Bearer " + wallet.token.toLatin1()}}),
                  "signature_missing");
        SignOptions unsigned_;
        unsigned_.omitSignature = true;
        expect401(m_client.sendAuthed(wallet, "GET", path, {}, unsigned_), "signature_missing");
        // A public route needs no signature, a signed one does.
        expect401(m_client.post(kSessions, passwordBody(wallet.password)), "signature_missing");

        // Unknown device (checked before the timestamp).
        TestWallet stranger = wallet;
        stranger.deviceId = QStringLiteral("dev_doesnotexist");
        SignOptions stale;
        stale.timestampOffset = -301;
        expect401(m_client.sendAuthed(stranger, "GET", path, {}, stale), "device_unknown");

        // Stale, both ways; 300 s is still fine.
        expect401(m_client.sendAuthed(wallet, "GET", path, {}, stale), "stale_request");
        SignOptions future;
        future.timestampOffset = 301;
        expect401(m_client.sendAuthed(wallet, "GET", path, {}, future), "stale_request");
        SignOptions edge;
        edge.timestampOffset = -300;
        QCOMPARE(m_client.sendAuthed(wallet, "GET", path, {}, edge).status, 200);

        // Tampered body: signed one body, sent another.
        SignOptions tampered;
        tampered.signedBody =
            QJsonDocument(passwordBody(QStringLiteral("other"))).toJson(QJsonDocument::Compact);
        expect401(m_client.sendSigned(wallet, "POST", kSessions, passwordBody(wallet.password), tampered),
                  "signature_invalid");
        // Wrong secret.
        TestWallet wrongSecret = wallet;
        wrongSecret.deviceSecret = QByteArray(32, 'k');
        expect401(m_client.sendAuthed(wrongSecret, "GET", path), "signature_invalid");
        // Signature not base64; nonce too short.
        expect401(m_client.send("GET", path, {},
                                {{"Authorization", "Bearer " + wallet.token.toLatin1()},
                                 {"X-Device-Id", wallet.deviceId.toLatin1()},
                                 {"X-Timestamp", QByteArray::number(m_client.clock->nowSecs())},
                                 {"X-Nonce", "AAAAAAAAAAAAAAAAAAAAAA"},
                                 {"X-Signature", "!!!"}}),
                  "signature_invalid");
        SignOptions shortNonce;
        shortNonce.nonce = QByteArray("c2hvcnQ");
        expect401(m_client.sendAuthed(wallet, "GET", path, {}, shortNonce), "signature_invalid");

        // The query is part of what is signed.
        const auto headers = m_client.signingHeaders(wallet.deviceId, wallet.deviceSecret, "GET", path, {});
        QList<QPair<QByteArray, QByteArray>> withToken = headers;
        withToken.append({"Authorization", "Bearer " + wallet.token.toLatin1()});
        expect401(m_client.send("GET", path + QStringLiteral("?x=1"), {}, withToken), "signature_invalid");

        // Replayed: the same nonce twice within 10 minutes, even with a fresh timestamp; after 10 minutes
        // it is forgotten (but then the session has expired, so sign in again).
        SignOptions fixed;
        fixed.nonce = QByteArray("bm9uY2Utbm9uY2Utbm9uY2UtMTIzNA");
        QCOMPARE(m_client.sendAuthed(wallet, "GET", path, {}, fixed).status, 200);
        m_client.clock->advance(100);
        expect401(m_client.sendAuthed(wallet, "GET", path, {}, fixed), "replayed_request");
        m_client.clock->advance(501);
        fixed.nonce = QByteArray("bm9uY2Utbm9uY2Utbm9uY2UtMTIzNA");
        const Reply reused =
            m_client.sendSigned(wallet, "POST", kSessions, passwordBody(wallet.password), fixed);
        QCOMPARE(reused.status, 201);
    }

    void wrongPasswordsLockTheAccount()
    {
        TestWallet wallet = newWallet();
        const QDateTime start = m_client.clock->now();
        for (int remaining = 4; remaining >= 1; --remaining) {
            const Reply reply = m_client.sendSigned(wallet, "POST", kSessions,
                                                    passwordBody(QStringLiteral("wrong-password")));
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.errorType(), QStringLiteral("authentication_error"));
            QCOMPARE(reply.errorCode(), QStringLiteral("invalid_credentials"));
            QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), remaining);
        }
        Reply reply =
            m_client.sendSigned(wallet, "POST", kSessions, passwordBody(QStringLiteral("wrong-password")));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorType(), QStringLiteral("authorization_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("account_locked"));
        const QString lockedUntil = reply.error().value(QStringLiteral("locked_until")).toString();
        QCOMPARE(lockedUntil, toRfc3339(start.addSecs(900)));

        // While locked, the right password is refused too.
        m_client.clock->advance(899);
        reply = m_client.sendSigned(wallet, "POST", kSessions, passwordBody(wallet.password));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QStringLiteral("account_locked"));
        QCOMPARE(reply.error().value(QStringLiteral("locked_until")).toString(), lockedUntil);

        // After 15 minutes: a fresh count, and the right password works.
        m_client.clock->advance(1);
        reply =
            m_client.sendSigned(wallet, "POST", kSessions, passwordBody(QStringLiteral("wrong-password")));
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 4);
        QVERIFY(m_client.signIn(wallet));
        // A success clears the count.
        reply =
            m_client.sendSigned(wallet, "POST", kSessions, passwordBody(QStringLiteral("wrong-password")));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 4);
    }

    void passwordInputErrors()
    {
        TestWallet wallet = newWallet();
        Reply reply = m_client.sendSigned(wallet, "POST", kSessions, QJsonObject{});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_missing"));
        QCOMPARE(reply.errorParam(), QStringLiteral("password"));
        reply = m_client.sendSigned(wallet, "POST", kSessions, QJsonObject{{QStringLiteral("password"), 5}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_invalid"));
        reply = m_client.sendSigned(wallet, "POST", kSessions, QByteArray("{nope"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_json"));
    }

    void sessionInvalid()
    {
        TestWallet wallet = newWallet();
        TestWallet other = newWallet();
        QVERIFY(m_client.signIn(wallet));
        QVERIFY(m_client.signIn(other));
        const QString path = QStringLiteral("/v1/wallet");
        // No token.
        Reply reply = m_client.sendSigned(wallet, "GET", path);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("session_invalid"));
        // Unknown token; not a Bearer token.
        TestWallet forged = wallet;
        forged.token = QStringLiteral("bm90LWEtcmVhbC10b2tlbg");
        QCOMPARE(m_client.sendAuthed(forged, "GET", path).errorCode(), QStringLiteral("session_invalid"));
        QCOMPARE(m_client.sendSigned(wallet, "GET", path, QByteArray(), {}, {{"Authorization", "Basic abc"}})
                     .errorCode(),
                 QStringLiteral("session_invalid"));
        // Another device's token, properly signed by this device.
        TestWallet borrowed = wallet;
        borrowed.token = other.token;
        QCOMPARE(m_client.sendAuthed(borrowed, "GET", path).errorCode(), QStringLiteral("session_invalid"));
        // The real thing works.
        QCOMPARE(m_client.sendAuthed(wallet, "GET", path).status, 200);
    }

    void sessionExpiresWhenIdle()
    {
        TestWallet wallet = newWallet();
        QVERIFY(m_client.signIn(wallet));
        const QString path = QStringLiteral("/v1/wallet");
        m_client.clock->advance(300);
        QCOMPARE(m_client.sendAuthed(wallet, "GET", path).status, 200); // exactly 300 s idle is fine
        m_client.clock->advance(301);
        const Reply reply = m_client.sendAuthed(wallet, "GET", path);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("session_expired"));
    }

    void sessionExpiresAfterFifteenMinutes()
    {
        TestWallet wallet = newWallet();
        QVERIFY(m_client.signIn(wallet));
        const QString path = QStringLiteral("/v1/wallet");
        for (int i = 0; i < 4; ++i) { // busy, never idle: 4 × 200 s = 800 s
            m_client.clock->advance(200);
            QCOMPARE(m_client.sendAuthed(wallet, "GET", path).status, 200);
        }
        m_client.clock->advance(100); // 900 s after sign-in
        const Reply reply = m_client.sendAuthed(wallet, "GET", path);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("session_expired"));
    }

    void signOutEndsTheSession()
    {
        TestWallet wallet = newWallet();
        QVERIFY(m_client.signIn(wallet));
        const Reply reply = m_client.sendAuthed(wallet, "DELETE", QStringLiteral("/v1/sessions/current"));
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet")).errorCode(),
                 QStringLiteral("session_invalid"));
        QCOMPARE(m_client.sendAuthed(wallet, "DELETE", QStringLiteral("/v1/sessions/current")).errorCode(),
                 QStringLiteral("session_invalid"));
    }

    void restartKeepsEverything()
    {
        TestWallet wallet = newWallet();
        QVERIFY(m_client.signIn(wallet));
        // A wrong password before the restart still counts after it.
        QCOMPARE(m_client.sendSigned(wallet, "POST", kSessions, passwordBody(QStringLiteral("nope-nope")))
                     .error()
                     .value(QStringLiteral("attempts_remaining"))
                     .toInt(),
                 4);
        QVERIFY(m_client.restart());
        // The session survives; the device secret still signs; the password still verifies.
        QCOMPARE(m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet")).status, 200);
        QCOMPARE(m_client.sendSigned(wallet, "POST", kSessions, passwordBody(QStringLiteral("nope-nope")))
                     .error()
                     .value(QStringLiteral("attempts_remaining"))
                     .toInt(),
                 3);
        QVERIFY2(m_client.signIn(wallet), qPrintable(m_client.lastError()));
        QCOMPARE(m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet"))
                     .json.value(QStringLiteral("wallet_id"))
                     .toString(),
                 wallet.walletId);
        // The phone is still taken.
        QCOMPARE(m_client.createEnrollment(wallet.phone).errorCode(),
                 QStringLiteral("phone_already_registered"));
    }
};

QTEST_GUILESS_MAIN(TestStubSessions)
#include "test_stub_sessions.moc"
