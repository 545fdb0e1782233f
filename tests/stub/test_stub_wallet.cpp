// Contract tests of the wallet and two-factor routes over real HTTP (gateway-api.md, "Wallet and
// two-factor"): GET /v1/wallet, POST /v1/wallet/otp, TOTP enrol/confirm/disable, PIN and password change.
// Time moves with the ManualClock (60 s cooldown, 5-minute codes, TOTP steps, 15-minute locks); TOTP codes
// are computed here from the secret the server returned, as an authenticator app would.
//
// Decisions the contract leaves open (documented in src/stub/wallet_routes.cpp) and tested here:
// - TOTP: POST while enabled → 409 totp_already_enabled; confirm with no pending secret → 409
//   totp_not_pending; DELETE while not enabled → 409 totp_not_enabled; wrong confirm codes count (5 tries).
// - Second factor (pin_change, totp_disable): TOTP or the purpose's SMS code; every wrong code counts
//   against the same 5 tries; dead → 403 otp_attempts_exceeded for 15 minutes after the last wrong try.
// - PIN change order: fields → password (sign-in lockout) → weak_pin → second factor.
// - Password change ends the wallet's other sessions.
// What HTTP cannot show yet: there is no payment route, so a frozen wallet cannot be produced or the new
// PIN used over HTTP. The test shows payments_frozen false after the change and reads (never writes) the
// database to see the PIN verifier replaced and the failure count at zero, plus the audit rows.
#include "crypto/otp.h"
#include "stub_test_client.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QUrlQuery>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

const QString kWallet = QStringLiteral("/v1/wallet");
const QString kOtp = QStringLiteral("/v1/wallet/otp");
const QString kTotp = QStringLiteral("/v1/wallet/totp");
const QString kConfirm = QStringLiteral("/v1/wallet/totp/confirm");
const QString kPin = QStringLiteral("/v1/wallet/pin");
const QString kPassword = QStringLiteral("/v1/wallet/password");
const QString kGoodPin = QStringLiteral("582047");

const QString kAuth = QStringLiteral("authentication_error");
const QString kAuthz = QStringLiteral("authorization_error");
const QString kInvalid = QStringLiteral("invalid_request_error");

QJsonObject codeBody(const QString &code)
{
    return {{QStringLiteral("code"), code}};
}

QJsonObject pinBody(const QString &password, const QString &pin, const QString &otp)
{
    return {{QStringLiteral("password"), password},
            {QStringLiteral("new_pin"), pin},
            {QStringLiteral("otp"), otp}};
}

QJsonObject passwordBody(const QString &password, const QString &newPassword)
{
    return {{QStringLiteral("password"), password}, {QStringLiteral("new_password"), newPassword}};
}

int attemptsRemaining(const Reply &reply)
{
    return reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1);
}

} // namespace

class TestStubWallet : public QObject
{
    Q_OBJECT

    StubTestClient m_client;

    TestWallet signedInWallet(bool identity = true)
    {
        TestWallet wallet = m_client.enrollWallet(identity);
        if (wallet.walletId.isEmpty())
            qWarning("enrollment failed: %s", qPrintable(m_client.lastError()));
        else if (!m_client.signIn(wallet))
            qWarning("sign-in failed: %s", qPrintable(m_client.lastError()));
        return wallet;
    }

    Reply requestOtp(const TestWallet &wallet, const QString &purpose)
    {
        return m_client.sendAuthed(wallet, "POST", kOtp, QJsonObject{{QStringLiteral("purpose"), purpose}});
    }

    // The newest SMS of that purpose sent to the wallet's phone.
    QString smsCode(const TestWallet &wallet, const QString &purpose)
    {
        for (const QJsonValue &message : m_client.outbox(wallet.phone)) {
            if (message.toObject().value(QStringLiteral("purpose")).toString() == purpose)
                return message.toObject().value(QStringLiteral("code")).toString();
        }
        return {};
    }

    // POST /v1/wallet/totp; the decoded secret, empty on failure.
    QByteArray startTotp(const TestWallet &wallet)
    {
        const Reply reply = m_client.sendAuthed(wallet, "POST", kTotp);
        if (reply.status != 200) {
            qWarning("POST /v1/wallet/totp: %s", qPrintable(reply.summary()));
            return {};
        }
        const auto secret =
            bw::crypto::base32Decode(reply.json.value(QStringLiteral("secret_base32")).toString());
        return secret ? secret.value() : QByteArray();
    }

    QString totpAt(const QByteArray &secret, qint64 offsetSecs = 0)
    {
        return bw::crypto::totp(secret, m_client.clock->nowSecs() + offsetSecs).value();
    }

    // A wallet with TOTP enabled (confirmed with the code of the current step); the secret.
    QByteArray enableTotp(const TestWallet &wallet)
    {
        const QByteArray secret = startTotp(wallet);
        if (secret.isEmpty())
            return {};
        const Reply reply = m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(totpAt(secret)));
        if (reply.status != 200) {
            qWarning("confirm: %s", qPrintable(reply.summary()));
            return {};
        }
        return secret;
    }

    bool walletFlag(const TestWallet &wallet, const char *name)
    {
        return m_client.sendAuthed(wallet, "GET", kWallet).json.value(QLatin1String(name)).toBool();
    }

    // Moves time and signs in again (sessions idle out after 300 s).
    void advance(TestWallet &wallet, qint64 seconds)
    {
        m_client.clock->advance(seconds);
        if (!m_client.signIn(wallet))
            qWarning("sign-in after advancing: %s", qPrintable(m_client.lastError()));
    }

    // Reads (never writes) the server's database with a separate read-only connection.
    QVariantList dbRow(const QString &sql, const QVariantList &args)
    {
        QVariantList values;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(m_client.dbPath());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(sql);
                for (const QVariant &arg : args)
                    query.addBindValue(arg);
                if (query.exec() && query.next()) {
                    for (int i = 0; i < query.record().count(); ++i)
                        values.append(query.value(i));
                }
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return values;
    }
    QStringList auditEvents(const QString &walletId)
    {
        QStringList events;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("audit"));
            db.setDatabaseName(m_client.dbPath());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (db.open()) {
                QSqlQuery query(db);
                query.prepare(
                    QStringLiteral("SELECT event, details FROM audit_log WHERE subject = ? ORDER BY id"));
                query.addBindValue(walletId);
                query.exec();
                while (query.next())
                    events.append(query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString());
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("audit"));
        return events;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_client.start(), qPrintable(m_client.lastError())); }

    void everyRouteNeedsASession()
    {
        TestWallet wallet = signedInWallet();
        QVERIFY(!wallet.token.isEmpty());
        const QList<QPair<QByteArray, QString>> routes{{"GET", kWallet},   {"POST", kOtp},    {"POST", kTotp},
                                                       {"POST", kConfirm}, {"DELETE", kTotp}, {"POST", kPin},
                                                       {"POST", kPassword}};
        for (const auto &route : routes) {
            // Signed by the device but no Bearer token.
            const Reply reply = m_client.sendSigned(wallet, route.first, route.second, QByteArray());
            EXPECT_ERROR(reply, 401, kAuth, QStringLiteral("session_invalid"));
        }
    }

    void walletShowsLimitsAsMoney()
    {
        TestWallet wallet = signedInWallet();
        const Reply reply = m_client.sendAuthed(wallet, "GET", kWallet);
        QCOMPARE(reply.status, 200);
        const QJsonObject limits = reply.json.value(QStringLiteral("limits")).toObject();
        const auto cny = [](qint64 amount) {
            return QJsonObject{{QStringLiteral("amount"), amount},
                               {QStringLiteral("currency"), QStringLiteral("CNY")}};
        };
        // Tier 3 (DESIGN.md): 5,000 / 10,000 / 200,000 / 20,000 CNY, in fen.
        QCOMPARE(limits.value(QStringLiteral("per_payment")).toObject(), cny(500000));
        QCOMPARE(limits.value(QStringLiteral("daily")).toObject(), cny(1000000));
        QCOMPARE(limits.value(QStringLiteral("annual")).toObject(), cny(20000000));
        QCOMPARE(limits.value(QStringLiteral("balance_cap")).toObject(), cny(2000000));
        QCOMPARE(limits.value(QStringLiteral("used_today")).toObject(), cny(0));
        QCOMPARE(limits.value(QStringLiteral("used_this_year")).toObject(), cny(0));
        const QJsonObject balance = reply.json.value(QStringLiteral("balances")).toArray().first().toObject();
        QCOMPARE(balance.value(QStringLiteral("currency")).toString(), QStringLiteral("CNY"));
        QCOMPARE(balance.value(QStringLiteral("available")).toObject(), cny(0));
        QCOMPARE(balance.value(QStringLiteral("pending")).toObject(), cny(0));
        for (const char *field : {"wallet_id", "full_name", "phone_masked", "tier", "kyc_status", "balances",
                                  "limits", "totp_enabled", "payments_frozen"})
            QVERIFY2(reply.json.contains(QLatin1String(field)), field);
        QVERIFY(!reply.body.contains(wallet.phone.toUtf8()));

        // Tier 1 (in-branch, a staff action in demo mode) has no limits: null, not a money object.
        const Reply tier = m_client.post(QStringLiteral("/v1/dev/wallets/%1/tier").arg(wallet.walletId),
                                         QJsonObject{{QStringLiteral("tier"), 1}});
        if (tier.status == 404)
            QSKIP("POST /v1/dev/wallets/{id}/tier is not built yet");
        QCOMPARE(tier.status, 200);
        const QJsonObject unlimited =
            m_client.sendAuthed(wallet, "GET", kWallet).json.value(QStringLiteral("limits")).toObject();
        for (const char *field : {"per_payment", "daily", "annual", "balance_cap"})
            QVERIFY2(unlimited.value(QLatin1String(field)).isNull(), field);
        QCOMPARE(unlimited.value(QStringLiteral("used_today")).toObject(), cny(0));
    }

    void walletOtpSendsCodeWithCooldown()
    {
        TestWallet wallet = signedInWallet();
        const Reply sent = requestOtp(wallet, QStringLiteral("pin_change"));
        QCOMPARE(sent.status, 202);
        const QJsonObject otp = sent.json.value(QStringLiteral("otp")).toObject();
        QCOMPARE(otp.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(otp.value(QStringLiteral("to_masked")).toString(),
                 QStringLiteral("+86 139****") + wallet.phone.right(4));
        const QDateTime now = m_client.clock->now();
        QCOMPARE(QDateTime::fromString(otp.value(QStringLiteral("expires_at")).toString(), Qt::ISODate),
                 now.addSecs(300));
        QCOMPARE(QDateTime::fromString(otp.value(QStringLiteral("resend_after")).toString(), Qt::ISODate),
                 now.addSecs(60));
        const QString first = smsCode(wallet, QStringLiteral("pin_change"));
        QCOMPARE(first.size(), 6);

        // Within 60 s: 429 with Retry-After (header and field).
        m_client.clock->advance(20);
        const Reply early = requestOtp(wallet, QStringLiteral("pin_change"));
        EXPECT_ERROR(early, 429, QStringLiteral("rate_limit_error"), QStringLiteral("otp_resend_too_soon"));
        QCOMPARE(early.header("retry-after"), QByteArray("40"));
        QCOMPARE(early.error().value(QStringLiteral("retry_after")).toInt(), 40);
        // The other purpose has its own code and cooldown.
        QCOMPARE(requestOtp(wallet, QStringLiteral("totp_disable")).status, 202);
        QVERIFY(!smsCode(wallet, QStringLiteral("totp_disable")).isEmpty());

        m_client.clock->advance(40);
        QCOMPARE(requestOtp(wallet, QStringLiteral("pin_change")).status, 202);
        const QString second = smsCode(wallet, QStringLiteral("pin_change"));
        // The first code was replaced by the new one.
        if (second != first) {
            const Reply old =
                m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, first));
            EXPECT_ERROR(old, 401, kAuth, QStringLiteral("otp_invalid"));
        }

        // Purpose: missing, not one of the two, wrong type.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kOtp, QJsonObject{}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("purpose"));
        EXPECT_ERROR(requestOtp(wallet, QStringLiteral("payment")), 422, kInvalid,
                     QStringLiteral("parameter_invalid"), QStringLiteral("purpose"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kOtp, QJsonObject{{QStringLiteral("purpose"), 7}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("purpose"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kOtp, QByteArray("[1")), 400, kInvalid,
                     QStringLiteral("invalid_json"));
    }

    void totpEnrollAndConfirm()
    {
        TestWallet wallet = signedInWallet();
        // Nothing pending yet.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(QStringLiteral("123456"))), 409,
                     kInvalid, QStringLiteral("totp_not_pending"));

        const Reply started = m_client.sendAuthed(wallet, "POST", kTotp);
        QCOMPARE(started.status, 200);
        const QString base32 = started.json.value(QStringLiteral("secret_base32")).toString();
        const auto secret = bw::crypto::base32Decode(base32);
        QVERIFY(secret);
        QCOMPARE(secret.value().size(), 20); // 160 bits, the HMAC-SHA-1 size
        const QUrl uri(started.json.value(QStringLiteral("otpauth_uri")).toString());
        QCOMPARE(uri.scheme(), QStringLiteral("otpauth"));
        QCOMPARE(uri.host(), QStringLiteral("totp"));
        QVERIFY2(uri.path(QUrl::FullyDecoded).startsWith(QStringLiteral("/BankWallet:+86 139****")),
                 qPrintable(uri.toString()));
        const QUrlQuery query(uri);
        QCOMPARE(query.queryItemValue(QStringLiteral("secret")), base32);
        QCOMPARE(query.queryItemValue(QStringLiteral("issuer")), QStringLiteral("BankWallet"));
        QCOMPARE(query.queryItemValue(QStringLiteral("algorithm")), QStringLiteral("SHA1"));
        QCOMPARE(query.queryItemValue(QStringLiteral("digits")), QStringLiteral("6"));
        QCOMPARE(query.queryItemValue(QStringLiteral("period")), QStringLiteral("30"));
        // No personal data beyond the masked phone.
        QVERIFY(!uri.toString().contains(wallet.phone.mid(1, 8)));
        QVERIFY(!uri.toString().contains(QStringLiteral("Lei")));
        // Pending: not enabled yet.
        QCOMPARE(walletFlag(wallet, "totp_enabled"), false);

        // Missing, wrongly typed and wrong codes.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kConfirm, QJsonObject{}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("code"));
        EXPECT_ERROR(
            m_client.sendAuthed(wallet, "POST", kConfirm, QJsonObject{{QStringLiteral("code"), 123456}}), 422,
            kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("code"));
        const QString right = totpAt(secret.value());
        const QString wrong =
            right == QStringLiteral("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
        const Reply bad = m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(wrong));
        EXPECT_ERROR(bad, 401, kAuth, QStringLiteral("otp_invalid"));
        QCOMPARE(attemptsRemaining(bad), 4);
        // Two steps away is outside the ±1 window.
        const Reply far = m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(totpAt(secret.value(), 60)));
        EXPECT_ERROR(far, 401, kAuth, QStringLiteral("otp_invalid"));
        QCOMPARE(attemptsRemaining(far), 3);

        // Calling POST again replaces the pending secret: the old one's codes no longer work.
        const QByteArray replaced = startTotp(wallet);
        QVERIFY(!replaced.isEmpty());
        QVERIFY(replaced != secret.value());
        const Reply old = m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(totpAt(secret.value())));
        EXPECT_ERROR(old, 401, kAuth, QStringLiteral("otp_invalid"));
        QCOMPARE(attemptsRemaining(old), 2); // a new secret does not reset the count

        // The previous step's code is accepted (±1 step tolerance).
        const Reply confirmed =
            m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(totpAt(replaced, -30)));
        QCOMPARE(confirmed.status, 200);
        QCOMPARE(confirmed.json.value(QStringLiteral("totp_enabled")), QJsonValue(true));
        QCOMPARE(walletFlag(wallet, "totp_enabled"), true);

        // Enabled: no new secret and no second confirm until it is disabled.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kTotp), 409, kInvalid,
                     QStringLiteral("totp_already_enabled"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(totpAt(replaced, 30))), 409,
                     kInvalid, QStringLiteral("totp_already_enabled"));
        QVERIFY(auditEvents(wallet.walletId).contains(QStringLiteral("wallet.totp_enabled {}")));
    }

    void totpConfirmAttemptsRunOut()
    {
        TestWallet wallet = signedInWallet();
        const QByteArray secret = startTotp(wallet);
        QVERIFY(!secret.isEmpty());
        const QString right = totpAt(secret);
        const QString wrong =
            right == QStringLiteral("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
        for (int remaining = 4; remaining >= 0; --remaining) {
            const Reply reply = m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(wrong));
            EXPECT_ERROR(reply, 401, kAuth, QStringLiteral("otp_invalid"));
            QCOMPARE(attemptsRemaining(reply), remaining);
        }
        // Dead: the right code is refused too, for 15 minutes after the last wrong try.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(right)), 403, kAuthz,
                     QStringLiteral("otp_attempts_exceeded"));
        advance(wallet, 14 * 60);
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(totpAt(secret))), 403, kAuthz,
                     QStringLiteral("otp_attempts_exceeded"));
        advance(wallet, 60);
        QCOMPARE(m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(totpAt(secret))).status, 200);
    }

    void totpCodeIsAcceptedOnceForAnyPurpose()
    {
        TestWallet wallet = signedInWallet();
        const QByteArray secret = startTotp(wallet);
        QVERIFY(!secret.isEmpty());
        const QString x = totpAt(secret);
        QCOMPARE(m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(x)).status, 200);

        // The same code X for another purpose: refused, and not counted as a guess.
        const Reply reused = m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(x));
        EXPECT_ERROR(reused, 401, kAuth, QStringLiteral("otp_invalid"));
        QCOMPARE(attemptsRemaining(reused), 5);
        const Reply reusedForPin =
            m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, x));
        EXPECT_ERROR(reusedForPin, 401, kAuth, QStringLiteral("otp_invalid"));
        // The previous step's code is older than the used one: refused as well.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(totpAt(secret, -30))), 401, kAuth,
                     QStringLiteral("otp_invalid"));
        QCOMPARE(walletFlag(wallet, "totp_enabled"), true);

        // The next step's code changes the PIN; then that code cannot disable TOTP.
        const QString y = totpAt(secret, 30);
        QCOMPARE(m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, y)).status,
                 204);
        EXPECT_ERROR(m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(y)), 401, kAuth,
                     QStringLiteral("otp_invalid"));

        // A fresh step disables it.
        m_client.clock->advance(60);
        QCOMPARE(m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(totpAt(secret))).status, 204);
        QCOMPARE(walletFlag(wallet, "totp_enabled"), false);
        QStringList events = auditEvents(wallet.walletId);
        QVERIFY(events.contains(QStringLiteral("wallet.pin_changed {\"second_factor\":\"totp\"}")));
        QVERIFY(events.contains(QStringLiteral("wallet.totp_disabled {\"second_factor\":\"totp\"}")));
    }

    void totpDisable()
    {
        TestWallet wallet = signedInWallet();
        // Missing code is checked before the state; then not enabled → 409.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "DELETE", kTotp, QJsonObject{}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("code"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(QStringLiteral("123456"))), 409,
                     kInvalid, QStringLiteral("totp_not_enabled"));

        const QByteArray secret = enableTotp(wallet);
        QVERIFY(!secret.isEmpty());
        EXPECT_ERROR(m_client.sendAuthed(wallet, "DELETE", kTotp, QJsonObject{}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("code"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "DELETE", kTotp, QByteArray()), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("code"));

        // An SMS code of the other purpose does not disable TOTP.
        QCOMPARE(requestOtp(wallet, QStringLiteral("pin_change")).status, 202);
        const QString pinCode = smsCode(wallet, QStringLiteral("pin_change"));
        const Reply wrongPurpose = m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(pinCode));
        if (pinCode != totpAt(secret, -30) && pinCode != totpAt(secret) && pinCode != totpAt(secret, 30)) {
            EXPECT_ERROR(wrongPurpose, 401, kAuth, QStringLiteral("otp_invalid"));
            QCOMPARE(attemptsRemaining(wrongPurpose), 4);
        }

        // The SMS code of purpose totp_disable does.
        QCOMPARE(requestOtp(wallet, QStringLiteral("totp_disable")).status, 202);
        const QString code = smsCode(wallet, QStringLiteral("totp_disable"));
        QCOMPARE(m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(code)).status, 204);
        QCOMPARE(walletFlag(wallet, "totp_enabled"), false);
        QVERIFY(auditEvents(wallet.walletId)
                    .contains(QStringLiteral("wallet.totp_disabled {\"second_factor\":\"sms\"}")));
        // Disabled: the secret is gone; enrolling again gives a new one.
        const QByteArray again = startTotp(wallet);
        QVERIFY(!again.isEmpty());
        QVERIFY(again != secret);
    }

    void pinChangeWithSms()
    {
        TestWallet wallet = signedInWallet();
        const QVariantList before = dbRow(
            QStringLiteral("SELECT pin_salt, pin_verifier FROM wallets WHERE id = ?"), {wallet.walletId});
        QCOMPARE(before.size(), 2);

        QCOMPARE(requestOtp(wallet, QStringLiteral("pin_change")).status, 202);
        const QString code = smsCode(wallet, QStringLiteral("pin_change"));

        // Fields first, in order: password, new_pin, otp.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin, QJsonObject{}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("password"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin,
                                         QJsonObject{{QStringLiteral("password"), wallet.password}}),
                     400, kInvalid, QStringLiteral("parameter_missing"), QStringLiteral("new_pin"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin,
                                         QJsonObject{{QStringLiteral("password"), wallet.password},
                                                     {QStringLiteral("new_pin"), kGoodPin}}),
                     400, kInvalid, QStringLiteral("parameter_missing"), QStringLiteral("otp"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin,
                                         QJsonObject{{QStringLiteral("password"), wallet.password},
                                                     {QStringLiteral("new_pin"), 582047},
                                                     {QStringLiteral("otp"), code}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("new_pin"));

        // The password comes before the PIN policy and the code (a weak PIN and a wrong code too).
        const Reply wrongPassword =
            m_client.sendAuthed(wallet, "POST", kPin,
                                pinBody(QStringLiteral("Not-The-Password-1"), QStringLiteral("123456"),
                                        QStringLiteral("000000")));
        EXPECT_ERROR(wrongPassword, 401, kAuth, QStringLiteral("invalid_credentials"));
        QCOMPARE(attemptsRemaining(wrongPassword), 4);

        // Then the PIN policy, before the code: a weak PIN does not use up the SMS code.
        for (const QString &weak :
             {QStringLiteral("123456"), QStringLiteral("111111"), QStringLiteral("12345"),
              QStringLiteral("900307"), QStringLiteral("070390"), QStringLiteral("")}) {
            EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, weak, code)), 422,
                         kInvalid, QStringLiteral("weak_pin"), QStringLiteral("new_pin"));
        }

        // Then the code: wrong (counted), then right.
        const QString wrong =
            code == QStringLiteral("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
        const Reply wrongCode =
            m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, wrong));
        EXPECT_ERROR(wrongCode, 401, kAuth, QStringLiteral("otp_invalid"));
        QCOMPARE(attemptsRemaining(wrongCode), 4);
        QCOMPARE(m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, code)).status,
                 204);
        // The code is single use.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin,
                                         pinBody(wallet.password, QStringLiteral("604817"), code)),
                     401, kAuth, QStringLiteral("otp_invalid"));

        // Observable over HTTP: payments are not frozen. From the database (read only): a new verifier and
        // salt, the failure count at zero, an audit row without secrets.
        QCOMPARE(walletFlag(wallet, "payments_frozen"), false);
        const QVariantList after = dbRow(
            QStringLiteral(
                "SELECT pin_salt, pin_verifier, pin_failures, payments_frozen FROM wallets WHERE id = ?"),
            {wallet.walletId});
        QCOMPARE(after.size(), 4);
        QVERIFY(after.at(0).toByteArray() != before.at(0).toByteArray());
        QVERIFY(after.at(1).toByteArray() != before.at(1).toByteArray());
        QCOMPARE(after.at(2).toInt(), 0);
        QCOMPARE(after.at(3).toInt(), 0);
        QVERIFY(auditEvents(wallet.walletId)
                    .contains(QStringLiteral("wallet.pin_changed {\"second_factor\":\"sms\"}")));
    }

    void pinChangeCodeExpiresAndRunsOut()
    {
        TestWallet wallet = signedInWallet();
        QCOMPARE(requestOtp(wallet, QStringLiteral("pin_change")).status, 202);
        const QString expired = smsCode(wallet, QStringLiteral("pin_change"));
        advance(wallet, 301);
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, expired)),
                     401, kAuth, QStringLiteral("otp_expired"));

        // A new code does not reset the count of wrong tries.
        QCOMPARE(requestOtp(wallet, QStringLiteral("pin_change")).status, 202);
        QString code = smsCode(wallet, QStringLiteral("pin_change"));
        const QString wrong = QStringLiteral("%1").arg((code.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));
        for (int remaining = 4; remaining >= 3; --remaining) {
            const Reply reply =
                m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, wrong));
            EXPECT_ERROR(reply, 401, kAuth, QStringLiteral("otp_invalid"));
            QCOMPARE(attemptsRemaining(reply), remaining);
        }
        m_client.clock->advance(60);
        QCOMPARE(requestOtp(wallet, QStringLiteral("pin_change")).status, 202);
        code = smsCode(wallet, QStringLiteral("pin_change"));
        const QString wrong2 =
            QStringLiteral("%1").arg((code.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));
        for (int remaining = 2; remaining >= 0; --remaining) {
            const Reply reply =
                m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, wrong2));
            EXPECT_ERROR(reply, 401, kAuth, QStringLiteral("otp_invalid"));
            QCOMPARE(attemptsRemaining(reply), remaining);
        }
        // Dead: right or wrong, and no new code, for 15 minutes after the last wrong try.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, code)), 403,
                     kAuthz, QStringLiteral("otp_attempts_exceeded"));
        m_client.clock->advance(61);
        EXPECT_ERROR(requestOtp(wallet, QStringLiteral("pin_change")), 403, kAuthz,
                     QStringLiteral("otp_attempts_exceeded"));
        // The other purpose is not affected.
        QCOMPARE(requestOtp(wallet, QStringLiteral("totp_disable")).status, 202);
        advance(wallet, 13 * 60); // 841 s since the last wrong try
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, code)), 403,
                     kAuthz, QStringLiteral("otp_attempts_exceeded"));
        EXPECT_ERROR(requestOtp(wallet, QStringLiteral("pin_change")), 403, kAuthz,
                     QStringLiteral("otp_attempts_exceeded"));
        advance(wallet, 60); // 901 s: a fresh count
        QCOMPARE(requestOtp(wallet, QStringLiteral("pin_change")).status, 202);
        code = smsCode(wallet, QStringLiteral("pin_change"));
        QCOMPARE(m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, code)).status,
                 204);
    }

    void wrongTotpCodesCountToo()
    {
        TestWallet wallet = signedInWallet();
        const QByteArray secret = enableTotp(wallet);
        QVERIFY(!secret.isEmpty());
        m_client.clock->advance(90);
        QStringList valid{totpAt(secret, -30), totpAt(secret), totpAt(secret, 30)};
        QString wrong = QStringLiteral("000000");
        for (int i = 1; valid.contains(wrong); ++i)
            wrong = QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0'));
        // No SMS code was asked for: every wrong code still counts, and then nothing is accepted.
        for (int remaining = 4; remaining >= 0; --remaining) {
            const Reply reply = m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(wrong));
            EXPECT_ERROR(reply, 401, kAuth, QStringLiteral("otp_invalid"));
            QCOMPARE(attemptsRemaining(reply), remaining);
        }
        EXPECT_ERROR(m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(totpAt(secret))), 403, kAuthz,
                     QStringLiteral("otp_attempts_exceeded"));
        EXPECT_ERROR(requestOtp(wallet, QStringLiteral("totp_disable")), 403, kAuthz,
                     QStringLiteral("otp_attempts_exceeded"));
        QCOMPARE(walletFlag(wallet, "totp_enabled"), true);
        // Each counted wrong try is audited, with the purpose only.
        const QStringList events = auditEvents(wallet.walletId);
        QCOMPARE(events.count(QStringLiteral("wallet.otp_failed {\"purpose\":\"totp_disable\"}")), 5);
    }

    void expiredSmsDoesNotMakeTotpGuessesFree()
    {
        // With TOTP on, an expired SMS code must not turn wrong codes into uncounted otp_expired answers.
        TestWallet wallet = signedInWallet();
        const QByteArray secret = enableTotp(wallet);
        QVERIFY(!secret.isEmpty());
        QCOMPARE(requestOtp(wallet, QStringLiteral("totp_disable")).status, 202);
        const QString sms = smsCode(wallet, QStringLiteral("totp_disable"));
        advance(wallet, 301);
        const QStringList valid{totpAt(secret, -30), totpAt(secret), totpAt(secret, 30)};
        QVERIFY(!valid.contains(sms));
        const Reply reply = m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(sms));
        EXPECT_ERROR(reply, 401, kAuth, QStringLiteral("otp_invalid"));
        QCOMPARE(attemptsRemaining(reply), 4);
        // Without TOTP the same situation is otp_expired (nothing else could match).
        TestWallet plain = signedInWallet();
        QCOMPARE(requestOtp(plain, QStringLiteral("pin_change")).status, 202);
        const QString old = smsCode(plain, QStringLiteral("pin_change"));
        advance(plain, 301);
        EXPECT_ERROR(m_client.sendAuthed(plain, "POST", kPin, pinBody(plain.password, kGoodPin, old)), 401,
                     kAuth, QStringLiteral("otp_expired"));
        // The authenticator still works for the TOTP wallet.
        QVERIFY(m_client.signIn(wallet));
        QCOMPARE(m_client.sendAuthed(wallet, "DELETE", kTotp, codeBody(totpAt(secret))).status, 204);
    }

    void pinChangeSharesTheSignInLockout()
    {
        TestWallet wallet = signedInWallet();
        QCOMPARE(requestOtp(wallet, QStringLiteral("pin_change")).status, 202);
        const QString code = smsCode(wallet, QStringLiteral("pin_change"));
        const QString bad = QStringLiteral("Wrong-Password-77");
        for (int remaining = 4; remaining >= 1; --remaining) {
            const Reply reply = m_client.sendAuthed(wallet, "POST", kPin, pinBody(bad, kGoodPin, code));
            EXPECT_ERROR(reply, 401, kAuth, QStringLiteral("invalid_credentials"));
            QCOMPARE(attemptsRemaining(reply), remaining);
        }
        const Reply locked = m_client.sendAuthed(wallet, "POST", kPin, pinBody(bad, kGoodPin, code));
        EXPECT_ERROR(locked, 403, kAuthz, QStringLiteral("account_locked"));
        const QString until = m_client.clock->now().addSecs(15 * 60).toString(Qt::ISODate);
        QCOMPARE(locked.error().value(QStringLiteral("locked_until")).toString(), until);
        // Locked: the right password is refused here and at sign-in; the SMS code was not used.
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, kGoodPin, code)), 403,
                     kAuthz, QStringLiteral("account_locked"));
        const Reply signIn = m_client.sendSigned(wallet, "POST", QStringLiteral("/v1/sessions"),
                                                 QJsonObject{{QStringLiteral("password"), wallet.password}});
        EXPECT_ERROR(signIn, 403, kAuthz, QStringLiteral("account_locked"));
    }

    void passwordChange()
    {
        TestWallet wallet = signedInWallet();
        TestWallet other = wallet; // a second session of the same wallet
        QVERIFY(m_client.signIn(other));
        QVERIFY(other.token != wallet.token);

        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPassword, QJsonObject{}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("password"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPassword,
                                         QJsonObject{{QStringLiteral("password"), wallet.password}}),
                     400, kInvalid, QStringLiteral("parameter_missing"), QStringLiteral("new_password"));
        EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPassword,
                                         QJsonObject{{QStringLiteral("password"), wallet.password},
                                                     {QStringLiteral("new_password"), true}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("new_password"));

        // The password first (even with a weak new one).
        const Reply wrong = m_client.sendAuthed(
            wallet, "POST", kPassword, passwordBody(QStringLiteral("Not-It-At-All-9"), QStringLiteral("x")));
        EXPECT_ERROR(wrong, 401, kAuth, QStringLiteral("invalid_credentials"));
        QCOMPARE(attemptsRemaining(wrong), 4);

        // The policy with the wallet's phone and name.
        const QString national = wallet.phone.mid(3); // 139nnnnnnnn
        for (const QString &weak :
             {QStringLiteral("short1"), QStringLiteral("password123"), QStringLiteral("my-li lei-wallet"),
              QStringLiteral("pre") + national.mid(2, 7) + QStringLiteral("x!"), QStringLiteral("")}) {
            EXPECT_ERROR(m_client.sendAuthed(wallet, "POST", kPassword, passwordBody(wallet.password, weak)),
                         422, kInvalid, QStringLiteral("weak_password"), QStringLiteral("new_password"));
        }

        const QString newPassword = QStringLiteral("Quiet-Lantern-Orbit-58");
        QCOMPARE(
            m_client.sendAuthed(wallet, "POST", kPassword, passwordBody(wallet.password, newPassword)).status,
            204);
        // This session goes on; the other one ended.
        QCOMPARE(m_client.sendAuthed(wallet, "GET", kWallet).status, 200);
        EXPECT_ERROR(m_client.sendAuthed(other, "GET", kWallet), 401, kAuth,
                     QStringLiteral("session_invalid"));
        // The old password no longer signs in; the new one does.
        EXPECT_ERROR(m_client.sendSigned(wallet, "POST", QStringLiteral("/v1/sessions"),
                                         QJsonObject{{QStringLiteral("password"), wallet.password}}),
                     401, kAuth, QStringLiteral("invalid_credentials"));
        wallet.password = newPassword;
        QVERIFY(m_client.signIn(wallet));
        QVERIFY(auditEvents(wallet.walletId)
                    .contains(QStringLiteral("wallet.password_changed {\"sessions_ended\":1}")));
    }

    void passwordChangeLockout()
    {
        TestWallet wallet = signedInWallet();
        const QString newPassword = QStringLiteral("Quiet-Lantern-Orbit-58");
        for (int remaining = 4; remaining >= 1; --remaining) {
            const Reply reply = m_client.sendAuthed(
                wallet, "POST", kPassword, passwordBody(QStringLiteral("Wrong-Password-77"), newPassword));
            EXPECT_ERROR(reply, 401, kAuth, QStringLiteral("invalid_credentials"));
            QCOMPARE(attemptsRemaining(reply), remaining);
        }
        const Reply locked = m_client.sendAuthed(
            wallet, "POST", kPassword, passwordBody(QStringLiteral("Wrong-Password-77"), newPassword));
        EXPECT_ERROR(locked, 403, kAuthz, QStringLiteral("account_locked"));
        QCOMPARE(locked.error().value(QStringLiteral("locked_until")).toString(),
                 m_client.clock->now().addSecs(15 * 60).toString(Qt::ISODate));
        EXPECT_ERROR(
            m_client.sendAuthed(wallet, "POST", kPassword, passwordBody(wallet.password, newPassword)), 403,
            kAuthz, QStringLiteral("account_locked"));
        // After the lock the right password works again.
        m_client.clock->advance(15 * 60);
        QVERIFY(m_client.signIn(wallet));
        QCOMPARE(
            m_client.sendAuthed(wallet, "POST", kPassword, passwordBody(wallet.password, newPassword)).status,
            204);
    }

    void noSecretsInTheDatabase()
    {
        TestWallet wallet = signedInWallet();
        const Reply started = m_client.sendAuthed(wallet, "POST", kTotp);
        QCOMPARE(started.status, 200);
        const QString base32 = started.json.value(QStringLiteral("secret_base32")).toString();
        const QByteArray secret = bw::crypto::base32Decode(base32).value();
        QCOMPARE(m_client.sendAuthed(wallet, "POST", kConfirm, codeBody(totpAt(secret))).status, 200);
        const QString newPin = QStringLiteral("815293");
        QCOMPARE(
            m_client.sendAuthed(wallet, "POST", kPin, pinBody(wallet.password, newPin, totpAt(secret, 30)))
                .status,
            204);
        const QString newPassword = QStringLiteral("Velvet-Harbour-Signal-31");
        QCOMPARE(
            m_client.sendAuthed(wallet, "POST", kPassword, passwordBody(wallet.password, newPassword)).status,
            204);
        m_client.clock->advance(60);
        QCOMPARE(requestOtp(wallet, QStringLiteral("totp_disable")).status, 202);
        const QString sms = smsCode(wallet, QStringLiteral("totp_disable"));

        QByteArray files;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(m_client.dbPath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                files += file.readAll();
        }
        QVERIFY(files.size() > 1000);
        QVERIFY(!files.contains(secret));
        QVERIFY(!files.contains(base32.toLatin1()));
        QVERIFY(!files.contains(base32.toLower().toLatin1()));
        QVERIFY(!files.contains(newPin.toLatin1()));
        QVERIFY(!files.contains(newPassword.toUtf8()));
        QVERIFY(!files.contains(wallet.password.toUtf8()));
        QVERIFY(!files.contains(sms.toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestStubWallet)
#include "test_stub_wallet.moc"
