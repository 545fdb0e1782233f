// Contract tests of devices (add with SMS code and password, list, revoke), password resets and the demo
// endpoints tier and reset, over real HTTP (gateway-api.md, "Devices", "Password reset", "Demo and staff
// endpoints"). No enumeration is checked by comparing what a client sees for a registered and an unknown
// phone, and the demo outbox of the unknown phone.
#include "stub_test_client.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

const QString kDevices = QStringLiteral("/v1/devices");
const QString kDeviceOtp = QStringLiteral("/v1/devices/otp");
const QString kResets = QStringLiteral("/v1/password-resets");
const QString kNewPassword = QStringLiteral("Another-Good-Passphrase-77");

QString resetPath(const QString &id, const QString &step)
{
    return QStringLiteral("/v1/password-resets/%1/%2").arg(id, step);
}

// A 6-digit code that is surely not `code`.
QString wrongCode(const QString &code)
{
    return code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
}

QJsonObject addBody(const QString &phone, const QString &password, const QString &code,
                    const QString &name = QStringLiteral("Home laptop"))
{
    return {{QStringLiteral("phone"), phone},
            {QStringLiteral("password"), password},
            {QStringLiteral("code"), code},
            {QStringLiteral("device_name"), name}};
}

QByteArray decodeSecret(const QString &base64)
{
    const auto bytes = bw::crypto::base64Decode(base64);
    return bytes ? bytes.value() : QByteArray();
}

QString masked(const QString &e164)
{
    return QStringLiteral("+86 ") + e164.mid(3, 3) + QStringLiteral("****") + e164.right(4);
}

} // namespace

class TestStubDevices : public QObject
{
    Q_OBJECT

    StubTestClient m_client;
    int m_dbConnections = 0;

    TestWallet newWallet(bool identity = false)
    {
        TestWallet wallet = m_client.enrollWallet(identity);
        if (wallet.walletId.isEmpty())
            qWarning("enrollment failed: %s", qPrintable(m_client.lastError()));
        return wallet;
    }

    // A wallet enrolled with a given identity document.
    TestWallet enrollWithIdentity(const QString &number, const QString &dateOfBirth, const QString &name)
    {
        TestWallet wallet;
        wallet.phone = m_client.nextPhone();
        wallet.fullName = name;
        wallet.password = QStringLiteral("Correct-Horse-Battery-42");
        wallet.pin = QStringLiteral("370915");
        const QString id = m_client.createEnrollment(wallet.phone, name)
                               .json.value(QStringLiteral("enrollment_id"))
                               .toString();
        m_client.post(QStringLiteral("/v1/enrollments/%1/otp/verify").arg(id),
                      {{QStringLiteral("code"), m_client.lastCode(wallet.phone)}});
        const Reply identity =
            m_client.post(QStringLiteral("/v1/enrollments/%1/identity").arg(id),
                          {{QStringLiteral("document_type"), QStringLiteral("cn_resident_id")},
                           {QStringLiteral("document_number"), number},
                           {QStringLiteral("date_of_birth"), dateOfBirth},
                           {QStringLiteral("nationality"), QStringLiteral("CN")}});
        if (identity.json.value(QStringLiteral("kyc"))
                .toObject()
                .value(QStringLiteral("result"))
                .toString() != QLatin1String("verified")) {
            qWarning("identity: %s", qPrintable(identity.summary()));
            return wallet;
        }
        const Reply completed = m_client.post(QStringLiteral("/v1/enrollments/%1/complete").arg(id),
                                              {{QStringLiteral("password"), wallet.password},
                                               {QStringLiteral("payment_pin"), wallet.pin},
                                               {QStringLiteral("device_name"), QStringLiteral("Desk")}});
        wallet.walletId = completed.json.value(QStringLiteral("wallet_id")).toString();
        wallet.deviceId = completed.json.value(QStringLiteral("device_id")).toString();
        wallet.deviceSecret = decodeSecret(completed.json.value(QStringLiteral("device_secret")).toString());
        return wallet;
    }

    // POST /v1/devices/otp then POST /v1/devices with the code: the new device (token empty).
    TestWallet addDevice(const TestWallet &wallet, const QString &name = QStringLiteral("Second desktop"))
    {
        TestWallet device = wallet;
        device.token.clear();
        device.deviceId.clear();
        const Reply otp = m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}});
        if (otp.status != 202) {
            qWarning("device otp: %s", qPrintable(otp.summary()));
            return device;
        }
        const Reply added = m_client.post(
            kDevices, addBody(wallet.phone, wallet.password, m_client.lastCode(wallet.phone), name));
        if (added.status != 201) {
            qWarning("add device: %s", qPrintable(added.summary()));
            return device;
        }
        device.deviceId = added.json.value(QStringLiteral("device_id")).toString();
        device.deviceSecret = decodeSecret(added.json.value(QStringLiteral("device_secret")).toString());
        return device;
    }

    Reply wrongSignIn(const TestWallet &wallet)
    {
        return m_client.sendSigned(
            wallet, "POST", QStringLiteral("/v1/sessions"),
            QJsonObject{{QStringLiteral("password"), QStringLiteral("not-the-password")}});
    }

    // Reads the server's database through a separate read-only connection: the rows of the first column.
    QVariantList dbColumn(StubTestClient &client, const QString &sql, const QVariantList &args = {})
    {
        const QString name = QStringLiteral("test_devices_db_%1").arg(++m_dbConnections);
        QVariantList values;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(client.dbPath());
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            if (!db.open()) {
                qWarning("cannot open the stub database: %s", qPrintable(db.lastError().text()));
            } else {
                QSqlQuery query(db);
                query.prepare(sql);
                for (const QVariant &arg : args)
                    query.addBindValue(arg);
                if (!query.exec())
                    qWarning("query failed: %s", qPrintable(query.lastError().text()));
                while (query.next())
                    values.append(query.value(0));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return values;
    }

    // The first column of the first row as an integer (-1 when there is no row).
    qint64 dbInt(StubTestClient &client, const QString &sql, const QVariantList &args = {})
    {
        const QVariantList values = dbColumn(client, sql, args);
        return values.isEmpty() ? -1 : values.first().toLongLong();
    }

    QByteArray dbFiles(StubTestClient &client)
    {
        QByteArray files;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(client.dbPath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                files += file.readAll();
        }
        return files;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_client.start(), qPrintable(m_client.lastError())); }

    // ---- POST /v1/devices/otp -----------------------------------------------------------------------

    void deviceCodeSameAnswerForUnknownPhone()
    {
        const TestWallet wallet = newWallet();
        QVERIFY(!wallet.walletId.isEmpty());
        const QString unknown = m_client.nextPhone();
        const Reply known = m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}});
        const Reply stranger = m_client.post(kDeviceOtp, {{QStringLiteral("phone"), unknown}});
        QCOMPARE(known.status, 202);
        QCOMPARE(stranger.status, 202);
        QCOMPARE(known.body, stranger.body);
        QCOMPARE(known.json, QJsonObject());
        // The customer got an SMS; the unknown phone got nothing.
        const QJsonObject sms = m_client.outbox(wallet.phone).first().toObject();
        QCOMPARE(sms.value(QStringLiteral("purpose")).toString(), QStringLiteral("device"));
        QVERIFY(sms.value(QStringLiteral("text"))
                    .toString()
                    .contains(sms.value(QStringLiteral("code")).toString()));
        QVERIFY(m_client.outbox(unknown).isEmpty());
        // Cooldown alike for both.
        const Reply knownAgain = m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}});
        const Reply strangerAgain = m_client.post(kDeviceOtp, {{QStringLiteral("phone"), unknown}});
        QCOMPARE(knownAgain.status, 429);
        QCOMPARE(knownAgain.body, strangerAgain.body);
        QCOMPARE(knownAgain.header("retry-after"), strangerAgain.header("retry-after"));
    }

    void deviceCodeInputErrors_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        QTest::newRow("missing") << QJsonObject{} << 400 << "parameter_missing"
                                 << "phone";
        QTest::newRow("null") << QJsonObject{{QStringLiteral("phone"), QJsonValue()}} << 400
                              << "parameter_missing"
                              << "phone";
        QTest::newRow("number") << QJsonObject{{QStringLiteral("phone"), 8613900000000.0}} << 422
                                << "parameter_invalid"
                                << "phone";
        QTest::newRow("empty") << QJsonObject{{QStringLiteral("phone"), QString()}} << 422 << "invalid_phone"
                               << "phone";
        QTest::newRow("short CN") << QJsonObject{{QStringLiteral("phone"), QStringLiteral("+86138001380")}}
                                  << 422 << "invalid_phone"
                                  << "phone";
        QTest::newRow("letters") << QJsonObject{{QStringLiteral("phone"), QStringLiteral("+86 abc")}} << 422
                                 << "invalid_phone"
                                 << "phone";
    }
    void deviceCodeInputErrors()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, param);
        const Reply reply = m_client.post(kDeviceOtp, body);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(reply.errorParam(), param);
        QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
    }

    void deviceCodeCooldown()
    {
        const TestWallet wallet = newWallet();
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        const QString first = m_client.lastCode(wallet.phone);
        Reply reply = m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}});
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.errorType(), QStringLiteral("rate_limit_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_resend_too_soon"));
        QCOMPARE(reply.header("retry-after"), QByteArray("60"));
        QCOMPARE(reply.error().value(QStringLiteral("retry_after")).toInt(), 60);
        m_client.clock->advance(45);
        reply = m_client.post(kDeviceOtp,
                              {{QStringLiteral("phone"), QStringLiteral("0086 ") + wallet.phone.mid(3)}});
        QCOMPARE(reply.status, 429); // the same phone written another way
        QCOMPARE(reply.header("retry-after"), QByteArray("15"));
        m_client.clock->advance(15);
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        const QString second = m_client.lastCode(wallet.phone);
        // The new code replaces the old one.
        if (second != first) {
            reply = m_client.post(kDevices, addBody(wallet.phone, wallet.password, first));
            QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
        }
        QCOMPARE(m_client.post(kDevices, addBody(wallet.phone, wallet.password, second)).status, 201);
    }

    // ---- POST /v1/devices ---------------------------------------------------------------------------

    void addDeviceReturnsCredentialsOnce()
    {
        TestWallet wallet = newWallet();
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        const QString code = m_client.lastCode(wallet.phone);
        const Reply reply = m_client.post(
            kDevices, addBody(wallet.phone, wallet.password, code, QStringLiteral("  Office PC ")));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json.value(QStringLiteral("wallet_id")).toString(), wallet.walletId);
        const QString deviceId = reply.json.value(QStringLiteral("device_id")).toString();
        QVERIFY(deviceId.startsWith(QLatin1String("dev_")));
        QVERIFY(deviceId != wallet.deviceId);
        const auto secret =
            bw::crypto::base64Decode(reply.json.value(QStringLiteral("device_secret")).toString());
        QVERIFY(secret.ok());
        QCOMPARE(secret.value().size(), 32);
        QCOMPARE(reply.json.size(), 3);

        // The new device signs in and sees both devices; the old one still works.
        TestWallet device = wallet;
        device.deviceId = deviceId;
        device.deviceSecret = secret.value();
        QVERIFY2(m_client.signIn(device), qPrintable(m_client.lastError()));
        const Reply list = m_client.sendAuthed(device, "GET", kDevices);
        QCOMPARE(list.status, 200);
        const QJsonArray data = list.json.value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 2);
        bool listed = false;
        for (const QJsonValue &entry : data) {
            const QJsonObject object = entry.toObject();
            if (object.value(QStringLiteral("id")).toString() != deviceId)
                continue;
            listed = true;
            QCOMPARE(object.value(QStringLiteral("name")).toString(), QStringLiteral("Office PC")); // trimmed
            QCOMPARE(object.value(QStringLiteral("current")), QJsonValue(true));
        }
        QVERIFY(listed);
        QVERIFY(m_client.signIn(wallet));

        // The code was used.
        const Reply again = m_client.post(kDevices, addBody(wallet.phone, wallet.password, code));
        QCOMPARE(again.status, 401);
        QCOMPARE(again.errorCode(), QStringLiteral("otp_invalid"));
    }

    void addDeviceInputErrors_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value"); // undefined → the field is left out
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        for (const char *field : {"phone", "password", "code", "device_name"}) {
            QTest::addRow("%s missing", field)
                << QString::fromLatin1(field) << QJsonValue(QJsonValue::Undefined) << 400
                << "parameter_missing";
            QTest::addRow("%s number", field)
                << QString::fromLatin1(field) << QJsonValue(5) << 422 << "parameter_invalid";
        }
        QTest::newRow("bad phone") << "phone" << QJsonValue(QStringLiteral("12345")) << 422
                                   << "invalid_phone";
        QTest::newRow("empty phone") << "phone" << QJsonValue(QString()) << 422 << "invalid_phone";
        QTest::newRow("empty name") << "device_name" << QJsonValue(QStringLiteral("   ")) << 422
                                    << "parameter_invalid";
        QTest::newRow("long name") << "device_name" << QJsonValue(QString(101, QLatin1Char('a'))) << 422
                                   << "parameter_invalid";
        QTest::newRow("control name")
            << "device_name" << QJsonValue(QStringLiteral("PC\x01x")) << 422 << "parameter_invalid";
    }
    void addDeviceInputErrors()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(int, status);
        QFETCH(QString, code);
        QJsonObject body = addBody(QStringLiteral("+8613912345678"), QStringLiteral("whatever-password"),
                                   QStringLiteral("123456"));
        if (value.isUndefined())
            body.remove(field);
        else
            body.insert(field, value);
        const Reply reply = m_client.post(kDevices, body);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(reply.errorParam(), field);
    }

    void maxLengthDeviceNameAccepted()
    {
        const TestWallet wallet = newWallet();
        const TestWallet device = addDevice(wallet, QString(100, QChar(0x6C49))); // 100 × 汉
        QVERIFY(!device.deviceId.isEmpty());
    }

    void wrongCodesThenLocked()
    {
        const TestWallet wallet = newWallet();
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        const QString code = m_client.lastCode(wallet.phone);
        for (int remaining = 4; remaining >= 0; --remaining) {
            const Reply reply =
                m_client.post(kDevices, addBody(wallet.phone, wallet.password, wrongCode(code)));
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.errorType(), QStringLiteral("authentication_error"));
            QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
            QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), remaining);
        }
        for (const QString &attempt : {code, wrongCode(code)}) {
            const Reply reply = m_client.post(kDevices, addBody(wallet.phone, wallet.password, attempt));
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.errorType(), QStringLiteral("authorization_error"));
            QCOMPARE(reply.errorCode(), QStringLiteral("otp_attempts_exceeded"));
        }
        // A new code does not help while the challenge is dead (15 minutes) ...
        m_client.clock->advance(61);
        Reply reply = m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_attempts_exceeded"));
        // ... and then starts a fresh count.
        m_client.clock->advance(15 * 60);
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        reply = m_client.post(
            kDevices, addBody(wallet.phone, wallet.password, wrongCode(m_client.lastCode(wallet.phone))));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 4);
        reply =
            m_client.post(kDevices, addBody(wallet.phone, wallet.password, m_client.lastCode(wallet.phone)));
        QCOMPARE(reply.status, 201);
    }

    void newCodeDoesNotResetAttempts()
    {
        const TestWallet wallet = newWallet();
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        for (int i = 0; i < 2; ++i)
            m_client.post(kDevices,
                          addBody(wallet.phone, wallet.password, wrongCode(m_client.lastCode(wallet.phone))));
        m_client.clock->advance(60);
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        const Reply reply = m_client.post(
            kDevices, addBody(wallet.phone, wallet.password, wrongCode(m_client.lastCode(wallet.phone))));
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 2);
    }

    void expiredCode()
    {
        const TestWallet wallet = newWallet();
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        const QString code = m_client.lastCode(wallet.phone);
        m_client.clock->advance(301);
        const Reply reply = m_client.post(kDevices, addBody(wallet.phone, wallet.password, code));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorType(), QStringLiteral("authentication_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_expired"));
    }

    void codeIsCheckedBeforePassword()
    {
        TestWallet wallet = newWallet();
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        const QString code = m_client.lastCode(wallet.phone);
        // Wrong code and wrong password: the code is reported and the password not even tried.
        Reply reply = m_client.post(
            kDevices, addBody(wallet.phone, QStringLiteral("wrong-password-1"), wrongCode(code)));
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
        reply = wrongSignIn(wallet);
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 4);
        // Right code, wrong password: invalid_credentials, and the code stays usable.
        reply = m_client.post(kDevices, addBody(wallet.phone, QStringLiteral("wrong-password-1"), code));
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorType(), QStringLiteral("authentication_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 3);
        reply = m_client.post(kDevices, addBody(wallet.phone, wallet.password, code));
        QCOMPARE(reply.status, 201);
        // A right password cleared the shared count.
        reply = wrongSignIn(wallet);
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 4);
    }

    void passwordLockoutSharedWithSignIn()
    {
        TestWallet wallet = newWallet();
        for (int remaining = 4; remaining >= 2; --remaining)
            QCOMPARE(wrongSignIn(wallet).error().value(QStringLiteral("attempts_remaining")).toInt(-1),
                     remaining);
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        const QString code = m_client.lastCode(wallet.phone);
        Reply reply =
            m_client.post(kDevices, addBody(wallet.phone, QStringLiteral("wrong-password-2"), code));
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 1);
        reply = m_client.post(kDevices, addBody(wallet.phone, QStringLiteral("wrong-password-2"), code));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorType(), QStringLiteral("authorization_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("account_locked"));
        const QString until = reply.error().value(QStringLiteral("locked_until")).toString();
        QCOMPARE(until, toRfc3339(m_client.clock->now().addSecs(15 * 60)));
        // Locked everywhere, right password or not.
        reply = m_client.post(kDevices, addBody(wallet.phone, wallet.password, code));
        QCOMPARE(reply.errorCode(), QStringLiteral("account_locked"));
        QCOMPARE(reply.error().value(QStringLiteral("locked_until")).toString(), until);
        QVERIFY(!m_client.signIn(wallet));
        QVERIFY(m_client.lastError().contains(QLatin1String("account_locked")));
        // After the lock, with a new code, the device is added.
        m_client.clock->advance(15 * 60 + 1);
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        reply =
            m_client.post(kDevices, addBody(wallet.phone, wallet.password, m_client.lastCode(wallet.phone)));
        QCOMPARE(reply.status, 201);
    }

    void unknownPhoneFailsLikeAWrongCode()
    {
        const TestWallet wallet = newWallet();
        const QString unknown = m_client.nextPhone();
        // Without any code request: the same answer.
        Reply known =
            m_client.post(kDevices, addBody(wallet.phone, wallet.password, QStringLiteral("123456")));
        Reply stranger = m_client.post(kDevices, addBody(unknown, wallet.password, QStringLiteral("123456")));
        QCOMPARE(known.status, 401);
        QCOMPARE(stranger.status, known.status);
        QCOMPARE(stranger.body, known.body);
        // After a code request: wrong codes count down alike, then both are dead.
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        QCOMPARE(m_client.post(kDeviceOtp, {{QStringLiteral("phone"), unknown}}).status, 202);
        const QString wrong = wrongCode(m_client.lastCode(wallet.phone));
        for (int remaining = 4; remaining >= 0; --remaining) {
            known = m_client.post(kDevices, addBody(wallet.phone, wallet.password, wrong));
            stranger = m_client.post(kDevices, addBody(unknown, wallet.password, wrong));
            QCOMPARE(known.errorCode(), QStringLiteral("otp_invalid"));
            QCOMPARE(known.error().value(QStringLiteral("attempts_remaining")).toInt(-1), remaining);
            QCOMPARE(stranger.status, known.status);
            QCOMPARE(stranger.body, known.body);
        }
        known = m_client.post(kDevices, addBody(wallet.phone, wallet.password, wrong));
        stranger = m_client.post(kDevices, addBody(unknown, wallet.password, wrong));
        QCOMPARE(known.status, 403);
        QCOMPARE(stranger.body, known.body);
        QVERIFY(m_client.outbox(unknown).isEmpty());
    }

    // ---- GET /v1/devices, DELETE /v1/devices/{id} ---------------------------------------------------

    void listDevices()
    {
        TestWallet wallet = newWallet();
        const QDateTime enrolledAt = m_client.clock->now();
        m_client.clock->advance(120);
        TestWallet second = addDevice(wallet, QStringLiteral("Laptop"));
        QVERIFY(!second.deviceId.isEmpty());
        const QDateTime addedAt = m_client.clock->now();
        m_client.clock->advance(30);
        QVERIFY(m_client.signIn(wallet));
        m_client.clock->advance(5);
        const Reply reply = m_client.sendAuthed(wallet, "GET", kDevices);
        QCOMPARE(reply.status, 200);
        const QJsonArray data = reply.json.value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 2);
        const QJsonObject first = data.at(0).toObject();
        const QJsonObject other = data.at(1).toObject();
        QCOMPARE(first.value(QStringLiteral("id")).toString(), wallet.deviceId);
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("Test desktop"));
        QCOMPARE(first.value(QStringLiteral("created_at")).toString(), toRfc3339(enrolledAt));
        QCOMPARE(first.value(QStringLiteral("last_seen_at")).toString(), toRfc3339(m_client.clock->now()));
        QCOMPARE(first.value(QStringLiteral("current")), QJsonValue(true));
        QCOMPARE(other.value(QStringLiteral("id")).toString(), second.deviceId);
        QCOMPARE(other.value(QStringLiteral("name")).toString(), QStringLiteral("Laptop"));
        QCOMPARE(other.value(QStringLiteral("created_at")).toString(), toRfc3339(addedAt));
        QCOMPARE(other.value(QStringLiteral("last_seen_at")).toString(), toRfc3339(addedAt)); // never signed
        QCOMPARE(other.value(QStringLiteral("current")), QJsonValue(false));
        QCOMPARE(first.keys().size(), 5);

        // Listing needs a session.
        QCOMPARE(m_client.get(kDevices).errorCode(), QStringLiteral("signature_missing"));
        TestWallet noSession = wallet;
        noSession.token = QStringLiteral("nope");
        QCOMPARE(m_client.sendAuthed(noSession, "GET", kDevices).errorCode(),
                 QStringLiteral("session_invalid"));
    }

    void revokeAnotherDevice()
    {
        TestWallet wallet = newWallet();
        TestWallet second = addDevice(wallet);
        QVERIFY(!second.deviceId.isEmpty());
        QVERIFY(m_client.signIn(wallet));
        QVERIFY(m_client.signIn(second));
        QCOMPARE(m_client.sendAuthed(second, "GET", kDevices).status, 200);

        const Reply reply =
            m_client.sendAuthed(wallet, "DELETE", kDevices + QLatin1Char('/') + second.deviceId);
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());
        // Its signatures are unknown now, and its session has ended.
        Reply after = m_client.sendAuthed(second, "GET", kDevices);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.errorCode(), QStringLiteral("device_unknown"));
        QCOMPARE(m_client
                     .sendSigned(second, "POST", QStringLiteral("/v1/sessions"),
                                 QJsonObject{{QStringLiteral("password"), second.password}})
                     .errorCode(),
                 QStringLiteral("device_unknown"));
        QCOMPARE(dbInt(m_client, QStringLiteral("SELECT COUNT(*) FROM sessions WHERE device_id = ?"),
                       {second.deviceId}),
                 1);
        QCOMPARE(dbInt(m_client, QStringLiteral("SELECT ended FROM sessions WHERE device_id = ?"),
                       {second.deviceId}),
                 1);
        // The list leaves it out; the caller's own session goes on.
        after = m_client.sendAuthed(wallet, "GET", kDevices);
        QCOMPARE(after.status, 200);
        const QJsonArray data = after.json.value(QStringLiteral("data")).toArray();
        QCOMPARE(data.size(), 1);
        QCOMPARE(data.at(0).toObject().value(QStringLiteral("id")).toString(), wallet.deviceId);
        // Revoking it again: it is gone.
        after = m_client.sendAuthed(wallet, "DELETE", kDevices + QLatin1Char('/') + second.deviceId);
        QCOMPARE(after.status, 404);
        QCOMPARE(after.errorCode(), QStringLiteral("resource_missing"));
        // Audit rows, without secrets.
        const QVariantList details =
            dbColumn(m_client,
                     QStringLiteral("SELECT details FROM audit_log WHERE subject = ? AND event IN "
                                    "('device.added', 'device.revoked', 'device.code_sent') ORDER BY id"),
                     {wallet.walletId});
        QCOMPARE(details.size(), 3);
        for (const QVariant &detail : details) {
            QVERIFY(!detail.toString().contains(QString::fromLatin1(second.deviceSecret.toBase64())));
            QVERIFY(!detail.toString().contains(wallet.password));
        }
        QVERIFY(details.at(2).toString().contains(second.deviceId));
    }

    void revokeErrors()
    {
        TestWallet wallet = newWallet();
        TestWallet stranger = newWallet();
        QVERIFY(m_client.signIn(wallet));
        QVERIFY(m_client.signIn(stranger));
        // The calling device itself: refused.
        Reply reply = m_client.sendAuthed(wallet, "DELETE", kDevices + QLatin1Char('/') + wallet.deviceId);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_invalid"));
        QCOMPARE(reply.errorParam(), QStringLiteral("id"));
        QCOMPARE(m_client.sendAuthed(wallet, "GET", kDevices).status, 200);
        // Another wallet's device and an unknown id: 404 alike, and nothing changes.
        for (const QString &id : {stranger.deviceId, QStringLiteral("dev_doesnotexist")}) {
            reply = m_client.sendAuthed(wallet, "DELETE", kDevices + QLatin1Char('/') + id);
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), QStringLiteral("resource_missing"));
        }
        QCOMPARE(m_client.sendAuthed(stranger, "GET", kDevices).status, 200);
        // Unsigned, or without a session.
        QCOMPARE(m_client.send("DELETE", kDevices + QLatin1Char('/') + stranger.deviceId).errorCode(),
                 QStringLiteral("signature_missing"));
        TestWallet noSession = wallet;
        noSession.token.clear();
        QCOMPARE(m_client.sendAuthed(noSession, "DELETE", kDevices + QLatin1Char('/') + stranger.deviceId)
                     .errorCode(),
                 QStringLiteral("session_invalid"));
    }

    // ---- password resets ----------------------------------------------------------------------------

    void resetSameAnswerForUnknownPhone()
    {
        const TestWallet wallet = newWallet();
        const QString unknown = m_client.nextPhone();
        const Reply known = m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}});
        const Reply stranger = m_client.post(kResets, {{QStringLiteral("phone"), unknown}});
        QCOMPARE(known.status, 202);
        QCOMPARE(stranger.status, 202);
        QCOMPARE(known.json.keys(), stranger.json.keys());
        QCOMPARE(known.json.keys(), (QStringList{QStringLiteral("otp"), QStringLiteral("reset_id")}));
        const QString knownId = known.json.value(QStringLiteral("reset_id")).toString();
        const QString strangerId = stranger.json.value(QStringLiteral("reset_id")).toString();
        QVERIFY(knownId.startsWith(QLatin1String("rst_")));
        QVERIFY(strangerId.startsWith(QLatin1String("rst_")));
        QCOMPARE(knownId.size(), strangerId.size());
        const QDateTime now = m_client.clock->now();
        for (const auto &[reply, phone] : {std::pair{known, wallet.phone}, std::pair{stranger, unknown}}) {
            const QJsonObject otp = reply.json.value(QStringLiteral("otp")).toObject();
            QCOMPARE(otp, (QJsonObject{{QStringLiteral("channel"), QStringLiteral("sms")},
                                       {QStringLiteral("to_masked"), masked(phone)},
                                       {QStringLiteral("expires_at"), toRfc3339(now.addSecs(300))},
                                       {QStringLiteral("resend_after"), toRfc3339(now.addSecs(60))}}));
        }
        const QJsonObject sms = m_client.outbox(wallet.phone).first().toObject();
        QCOMPARE(sms.value(QStringLiteral("purpose")).toString(), QStringLiteral("password_reset"));
        QVERIFY(m_client.outbox(unknown).isEmpty());

        // Every later step fails like a wrong code.
        const QString wrong = wrongCode(sms.value(QStringLiteral("code")).toString());
        for (int remaining = 4; remaining >= 0; --remaining) {
            const Reply a = m_client.post(resetPath(knownId, QStringLiteral("verify")),
                                          {{QStringLiteral("code"), wrong}});
            const Reply b = m_client.post(resetPath(strangerId, QStringLiteral("verify")),
                                          {{QStringLiteral("code"), wrong}});
            QCOMPARE(a.status, 401);
            QCOMPARE(a.error().value(QStringLiteral("attempts_remaining")).toInt(-1), remaining);
            QCOMPARE(b.body, a.body);
        }
        const QJsonObject body{{QStringLiteral("new_password"), kNewPassword}};
        const Reply a = m_client.post(resetPath(knownId, QStringLiteral("complete")), body);
        const Reply b = m_client.post(resetPath(strangerId, QStringLiteral("complete")), body);
        QCOMPARE(a.status, 409);
        QCOMPARE(b.body, a.body);
        m_client.clock->advance(60);
        const Reply c = m_client.post(resetPath(knownId, QStringLiteral("otp/resend")));
        const Reply d = m_client.post(resetPath(strangerId, QStringLiteral("otp/resend")));
        QCOMPARE(c.status, 403);
        QCOMPARE(d.body, c.body);
        QVERIFY(m_client.outbox(unknown).isEmpty());
    }

    void resetCreateInputErrors_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        QTest::newRow("missing phone") << QJsonObject{} << 400 << "parameter_missing"
                                       << "phone";
        QTest::newRow("phone number")
            << QJsonObject{{QStringLiteral("phone"), 13900000000.0}} << 422 << "parameter_invalid"
            << "phone";
        QTest::newRow("bad phone") << QJsonObject{{QStringLiteral("phone"), QStringLiteral("+86 12345")}}
                                   << 422 << "invalid_phone"
                                   << "phone";
        QTest::newRow("document number")
            << QJsonObject{{QStringLiteral("phone"), QStringLiteral("+8613911112222")},
                           {QStringLiteral("document_number"), 42}}
            << 422 << "parameter_invalid"
            << "document_number";
    }
    void resetCreateInputErrors()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, param);
        const Reply reply = m_client.post(kResets, body);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(reply.errorParam(), param);
    }

    void resetCreateCooldownPerPhone()
    {
        const TestWallet wallet = newWallet();
        const QString unknown = m_client.nextPhone();
        QCOMPARE(m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        QCOMPARE(m_client.post(kResets, {{QStringLiteral("phone"), unknown}}).status, 202);
        m_client.clock->advance(20);
        const Reply a = m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}});
        const Reply b = m_client.post(kResets, {{QStringLiteral("phone"), unknown}});
        QCOMPARE(a.status, 429);
        QCOMPARE(a.errorCode(), QStringLiteral("otp_resend_too_soon"));
        QCOMPARE(a.header("retry-after"), QByteArray("40"));
        QCOMPARE(b.body, a.body);
        QCOMPARE(m_client.outbox(wallet.phone).size(), 2); // enrollment + one reset
        m_client.clock->advance(40);
        QCOMPARE(m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
    }

    void resetResend()
    {
        const TestWallet wallet = newWallet();
        const Reply created = m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}});
        const QString id = created.json.value(QStringLiteral("reset_id")).toString();
        const QString first = m_client.lastCode(wallet.phone);
        Reply reply = m_client.post(resetPath(id, QStringLiteral("otp/resend")));
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.errorType(), QStringLiteral("rate_limit_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_resend_too_soon"));
        QCOMPARE(reply.header("retry-after"), QByteArray("60"));
        m_client.clock->advance(60);
        const QDateTime now = m_client.clock->now();
        reply = m_client.post(resetPath(id, QStringLiteral("otp/resend")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(
            reply.json.value(QStringLiteral("otp")).toObject().value(QStringLiteral("expires_at")).toString(),
            toRfc3339(now.addSecs(300)));
        const QString second = m_client.lastCode(wallet.phone);
        QCOMPARE(m_client.outbox(wallet.phone).size(), 3);
        if (second != first)
            QCOMPARE(m_client.post(resetPath(id, QStringLiteral("verify")), {{QStringLiteral("code"), first}})
                         .errorCode(),
                     QStringLiteral("otp_invalid"));
        reply = m_client.post(resetPath(id, QStringLiteral("verify")), {{QStringLiteral("code"), second}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json, (QJsonObject{{QStringLiteral("status"), QStringLiteral("phone_verified")}}));
        // A code is accepted once.
        reply = m_client.post(resetPath(id, QStringLiteral("verify")), {{QStringLiteral("code"), second}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
    }

    void resetVerifyRules()
    {
        const TestWallet wallet = newWallet();
        const QString id = m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}})
                               .json.value(QStringLiteral("reset_id"))
                               .toString();
        const QString code = m_client.lastCode(wallet.phone);
        Reply reply = m_client.post(resetPath(id, QStringLiteral("verify")));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_missing"));
        QCOMPARE(reply.errorParam(), QStringLiteral("code"));
        reply = m_client.post(resetPath(id, QStringLiteral("verify")), {{QStringLiteral("code"), 123456}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_invalid"));
        // Expired.
        m_client.clock->advance(301);
        reply = m_client.post(resetPath(id, QStringLiteral("verify")), {{QStringLiteral("code"), code}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorType(), QStringLiteral("authentication_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_expired"));
        QCOMPARE(m_client.post(resetPath(id, QStringLiteral("otp/resend"))).status, 200);
        const QString fresh = m_client.lastCode(wallet.phone);
        for (int remaining = 4; remaining >= 0; --remaining) {
            reply = m_client.post(resetPath(id, QStringLiteral("verify")),
                                  {{QStringLiteral("code"), wrongCode(fresh)}});
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
            QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), remaining);
        }
        reply = m_client.post(resetPath(id, QStringLiteral("verify")), {{QStringLiteral("code"), fresh}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorType(), QStringLiteral("authorization_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_attempts_exceeded"));
    }

    void resetUnknownIdAndLifetime()
    {
        for (const QString &step :
             {QStringLiteral("otp/resend"), QStringLiteral("verify"), QStringLiteral("complete")}) {
            const Reply reply = m_client.post(resetPath(QStringLiteral("rst_nope"), step),
                                              {{QStringLiteral("code"), QStringLiteral("123456")},
                                               {QStringLiteral("new_password"), kNewPassword}});
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), QStringLiteral("resource_missing"));
        }
        // A reset lives 30 minutes.
        const TestWallet wallet = newWallet();
        const QString id = m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}})
                               .json.value(QStringLiteral("reset_id"))
                               .toString();
        m_client.clock->advance(30 * 60 + 1);
        QCOMPARE(m_client.post(resetPath(id, QStringLiteral("otp/resend"))).errorCode(),
                 QStringLiteral("resource_missing"));
    }

    void resetCompleteNeedsVerifiedCode()
    {
        const TestWallet wallet = newWallet();
        const QString id = m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}})
                               .json.value(QStringLiteral("reset_id"))
                               .toString();
        Reply reply = m_client.post(resetPath(id, QStringLiteral("complete")));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_missing"));
        QCOMPARE(reply.errorParam(), QStringLiteral("new_password"));
        // Unverified: refused before the password is even looked at (a weak one included).
        for (const QString &password : {kNewPassword, QStringLiteral("123")}) {
            reply = m_client.post(resetPath(id, QStringLiteral("complete")),
                                  {{QStringLiteral("new_password"), password}});
            QCOMPARE(reply.status, 409);
            QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
            QCOMPARE(reply.errorCode(), QStringLiteral("enrollment_incomplete"));
        }
        TestWallet same = wallet;
        QVERIFY(m_client.signIn(same)); // the password did not change
    }

    void resetClearsLockAndEndsSessions()
    {
        TestWallet wallet = newWallet();
        QVERIFY(m_client.signIn(wallet));
        TestWallet second = addDevice(wallet);
        QVERIFY(m_client.signIn(second));
        for (int i = 0; i < 5; ++i)
            wrongSignIn(wallet);
        QCOMPARE(wrongSignIn(wallet).errorCode(), QStringLiteral("account_locked"));

        const QString id = m_client.post(kResets, {{QStringLiteral("phone"), wallet.phone}})
                               .json.value(QStringLiteral("reset_id"))
                               .toString();
        Reply reply = m_client.post(resetPath(id, QStringLiteral("verify")),
                                    {{QStringLiteral("code"), m_client.lastCode(wallet.phone)}});
        QCOMPARE(reply.status, 200);
        // Password policy as at enrollment.
        for (const QString &weak :
             {QStringLiteral("short"), QStringLiteral("password123"),
              QStringLiteral("xx") + wallet.phone.right(8) + QStringLiteral("yy"),
              QStringLiteral("My name is LiLei!"), QStringLiteral("Good-but-\x01-control")}) {
            reply = m_client.post(resetPath(id, QStringLiteral("complete")),
                                  {{QStringLiteral("new_password"), weak}});
            QCOMPARE(reply.status, 422);
            QCOMPARE(reply.errorCode(), QStringLiteral("weak_password"));
            QCOMPARE(reply.errorParam(), QStringLiteral("new_password"));
        }
        reply = m_client.post(resetPath(id, QStringLiteral("complete")),
                              {{QStringLiteral("new_password"), kNewPassword}});
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());

        // Every session of the wallet has ended, on every device.
        for (const TestWallet &device : {wallet, second}) {
            const Reply old = m_client.sendAuthed(device, "GET", QStringLiteral("/v1/wallet"));
            QCOMPARE(old.status, 401);
            QCOMPARE(old.errorCode(), QStringLiteral("session_invalid"));
        }
        // The lock is gone: the old password is wrong with a fresh count, the new one signs in.
        reply = wrongSignIn(wallet);
        QCOMPARE(reply.errorCode(), QStringLiteral("invalid_credentials"));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 4);
        TestWallet oldPassword = wallet;
        QVERIFY(!m_client.signIn(oldPassword));
        wallet.password = kNewPassword;
        QVERIFY2(m_client.signIn(wallet), qPrintable(m_client.lastError()));
        QCOMPARE(m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet")).status, 200);

        // The reset cannot be used twice.
        reply =
            m_client.post(resetPath(id, QStringLiteral("complete")),
                          {{QStringLiteral("new_password"), QStringLiteral("Yet-Another-Passphrase-55")}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QStringLiteral("resource_missing"));
        QCOMPARE(dbInt(m_client,
                       QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE event = "
                                      "'wallet.password_reset' AND subject = ?"),
                       {wallet.walletId}),
                 1);
    }

    void resetDocumentMismatchForVerifiedIdentity()
    {
        const QString number = QStringLiteral("11010519491231002X");
        TestWallet wallet =
            enrollWithIdentity(number, QStringLiteral("1949-12-31"), QStringLiteral("Wang Fang"));
        QVERIFY(!wallet.walletId.isEmpty());
        const auto start = [&](const std::optional<QString> &document) {
            QJsonObject body{{QStringLiteral("phone"), wallet.phone}};
            if (document)
                body.insert(QStringLiteral("document_number"), *document);
            const Reply reply = m_client.post(kResets, body);
            m_client.clock->advance(60); // the next reset may send a code
            return reply.json.value(QStringLiteral("reset_id")).toString();
        };
        for (const std::optional<QString> &document :
             {std::optional<QString>(), std::optional<QString>(QStringLiteral("110105194912310037")),
              std::optional<QString>(QString())}) {
            const QString id = start(document);
            const QString code = m_client.lastCode(wallet.phone);
            // A wrong code is still a wrong code: the document is looked at only after the code is proven.
            Reply reply = m_client.post(resetPath(id, QStringLiteral("verify")),
                                        {{QStringLiteral("code"), wrongCode(code)}});
            QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
            reply = m_client.post(resetPath(id, QStringLiteral("verify")), {{QStringLiteral("code"), code}});
            QCOMPARE(reply.status, 422);
            QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
            QCOMPARE(reply.errorCode(), QStringLiteral("document_mismatch"));
            QCOMPARE(reply.errorParam(), QStringLiteral("document_number"));
            // The code is used up and the reset stays unverified.
            QCOMPARE(m_client.post(resetPath(id, QStringLiteral("verify")), {{QStringLiteral("code"), code}})
                         .errorCode(),
                     QStringLiteral("otp_invalid"));
            QCOMPARE(m_client
                         .post(resetPath(id, QStringLiteral("complete")),
                               {{QStringLiteral("new_password"), kNewPassword}})
                         .errorCode(),
                     QStringLiteral("enrollment_incomplete"));
        }
        // The right number (lower-case x, spaces around) verifies.
        const QString id = start(QStringLiteral(" 11010519491231002x "));
        Reply reply = m_client.post(resetPath(id, QStringLiteral("verify")),
                                    {{QStringLiteral("code"), m_client.lastCode(wallet.phone)}});
        QCOMPARE(reply.status, 200);
        reply = m_client.post(resetPath(id, QStringLiteral("complete")),
                              {{QStringLiteral("new_password"), kNewPassword}});
        QCOMPARE(reply.status, 204);
        wallet.password = kNewPassword;
        QVERIFY(m_client.signIn(wallet));
        // No plaintext document number in the database.
        QVERIFY(!dbFiles(m_client).contains(number.toLatin1()));
        QVERIFY(!dbFiles(m_client).contains("110105194912310037"));
    }

    void documentIgnoredWithoutIdentity()
    {
        TestWallet wallet = newWallet(false);
        const QString id =
            m_client
                .post(kResets, {{QStringLiteral("phone"), wallet.phone},
                                {QStringLiteral("document_number"), QStringLiteral("anything")}})
                .json.value(QStringLiteral("reset_id"))
                .toString();
        const Reply reply = m_client.post(resetPath(id, QStringLiteral("verify")),
                                          {{QStringLiteral("code"), m_client.lastCode(wallet.phone)}});
        QCOMPARE(reply.status, 200);
    }

    void noPlaintextSecretsInTheDatabase()
    {
        TestWallet wallet = newWallet(true);
        const TestWallet second = addDevice(wallet);
        QVERIFY(!second.deviceId.isEmpty());
        const QString id =
            m_client
                .post(kResets,
                      {{QStringLiteral("phone"), wallet.phone},
                       {QStringLiteral("document_number"), StubTestClient::residentId(QDate(1990, 3, 7))}})
                .json.value(QStringLiteral("reset_id"))
                .toString();
        QCOMPARE(m_client
                     .post(resetPath(id, QStringLiteral("verify")),
                           {{QStringLiteral("code"), m_client.lastCode(wallet.phone)}})
                     .status,
                 200);
        QCOMPARE(m_client
                     .post(resetPath(id, QStringLiteral("complete")),
                           {{QStringLiteral("new_password"), kNewPassword}})
                     .status,
                 204);
        const QByteArray files = dbFiles(m_client);
        QVERIFY(files.size() > 1000);
        QVERIFY(!files.contains(kNewPassword.toUtf8()));
        QVERIFY(!files.contains(wallet.password.toUtf8()));
        QVERIFY(!files.contains(second.deviceSecret));
        QVERIFY(!files.contains(second.deviceSecret.toBase64()));
        QVERIFY(!files.contains(StubTestClient::residentId(QDate(1990, 3, 7)).toLatin1()));
        for (const QJsonValue &message : m_client.outbox(wallet.phone))
            QVERIFY(!files.contains(message.toObject().value(QStringLiteral("code")).toString().toLatin1()));
    }

    // ---- demo endpoints -----------------------------------------------------------------------------

    void demoTier()
    {
        TestWallet wallet = newWallet(false);
        QVERIFY(m_client.signIn(wallet));
        QCOMPARE(m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet"))
                     .json.value(QStringLiteral("tier"))
                     .toInt(),
                 4);
        const QString path = QStringLiteral("/v1/dev/wallets/%1/tier").arg(wallet.walletId);
        Reply reply = m_client.post(path, {{QStringLiteral("tier"), 1}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json,
                 (QJsonObject{{QStringLiteral("wallet_id"), wallet.walletId}, {QStringLiteral("tier"), 1}}));
        const QJsonObject read = m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet")).json;
        QCOMPARE(read.value(QStringLiteral("tier")).toInt(), 1);
        QCOMPARE(read.value(QStringLiteral("kyc_status")).toString(), QStringLiteral("verified"));
        // Limits follow the tier (tier 1 has no balance cap, tier 4 has one).
        QVERIFY(
            read.value(QStringLiteral("limits")).toObject().value(QStringLiteral("balance_cap")).isNull());

        for (const QJsonValue &bad : {QJsonValue(0), QJsonValue(5), QJsonValue(-1), QJsonValue(1.5),
                                      QJsonValue(QStringLiteral("1")), QJsonValue(true)}) {
            reply = m_client.post(path, {{QStringLiteral("tier"), bad}});
            QCOMPARE(reply.status, 422);
            QCOMPARE(reply.errorCode(), QStringLiteral("parameter_invalid"));
            QCOMPARE(reply.errorParam(), QStringLiteral("tier"));
        }
        reply = m_client.post(path);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_missing"));
        reply = m_client.post(QStringLiteral("/v1/dev/wallets/wal_nope/tier"), {{QStringLiteral("tier"), 2}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QStringLiteral("resource_missing"));
        QCOMPARE(dbInt(m_client,
                       QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE event = 'wallet.tier_set' "
                                      "AND subject = ?"),
                       {wallet.walletId}),
                 1);
    }

    void demoResetEmptiesEverything()
    {
        StubTestClient client; // its own server: the reset wipes every wallet
        QVERIFY2(client.start(), qPrintable(client.lastError()));
        TestWallet wallet = client.enrollWallet();
        QVERIFY2(!wallet.walletId.isEmpty(), qPrintable(client.lastError()));
        QVERIFY(client.signIn(wallet));
        const QString pending = client.nextPhone();
        QCOMPARE(client.createEnrollment(pending).status, 201);
        QCOMPARE(client.post(kResets, {{QStringLiteral("phone"), wallet.phone}}).status, 202);
        QCOMPARE(client.post(kDeviceOtp, {{QStringLiteral("phone"), wallet.phone}}).status, 202);

        const Reply reply = client.post(QStringLiteral("/v1/dev/reset"));
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());

        QCOMPARE(client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet")).errorCode(),
                 QStringLiteral("device_unknown"));
        QVERIFY(client.outbox(QString()).isEmpty());
        for (const QString &table :
             {QStringLiteral("wallets"), QStringLiteral("devices"), QStringLiteral("sessions"),
              QStringLiteral("nonces"), QStringLiteral("enrollments"), QStringLiteral("otps"),
              QStringLiteral("password_resets")})
            QCOMPARE(dbInt(client, QStringLiteral("SELECT COUNT(*) FROM ") + table), 0);
        // The audit log is kept, with the reset in it.
        QCOMPARE(dbColumn(client, QStringLiteral("SELECT event FROM audit_log ORDER BY id DESC LIMIT 1")),
                 QVariantList{QStringLiteral("demo.reset")});
        // The same phone can open a wallet again; the seeded banks are still there.
        const Reply again = client.createEnrollment(wallet.phone);
        QCOMPARE(again.status, 201);
        QVERIFY(
            !client.get(QStringLiteral("/v1/banks")).json.value(QStringLiteral("data")).toArray().isEmpty());
    }

    void demoEndpointsNeedDemoMode()
    {
        StubTestClient client;
        StubTestOptions options;
        options.demo = false;
        QVERIFY2(client.start(options), qPrintable(client.lastError()));
        QCOMPARE(client.createEnrollment(client.nextPhone()).status, 201);
        for (const QString &path :
             {QStringLiteral("/v1/dev/reset"), QStringLiteral("/v1/dev/wallets/wal_x/tier")}) {
            const Reply reply = client.post(path, {{QStringLiteral("tier"), 1}});
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), QStringLiteral("resource_missing"));
        }
        QCOMPARE(dbInt(client, QStringLiteral("SELECT COUNT(*) FROM enrollments")), 1); // nothing was reset
    }
};

QTEST_GUILESS_MAIN(TestStubDevices)
#include "test_stub_devices.moc"
