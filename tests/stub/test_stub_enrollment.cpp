// Contract tests of enrollment over real HTTP (gateway-api.md, "Enrollment"): every step's success path
// and every error code it lists, OTP rules (expiry by the manual clock, attempts, cooldown, single use),
// identity checks in the contract's order with KYC outcomes, and the credentials created at the end.
#include "stub_test_client.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {
const QString kEnroll = QStringLiteral("/v1/enrollments");
QString path(const QString &id, const QString &step)
{
    return QStringLiteral("/v1/enrollments/%1/%2").arg(id, step);
}
QJsonObject identityBody(const QString &number, const QString &dob,
                         const QString &type = QStringLiteral("cn_resident_id"))
{
    return {{QStringLiteral("document_type"), type},
            {QStringLiteral("document_number"), number},
            {QStringLiteral("date_of_birth"), dob},
            {QStringLiteral("nationality"), QStringLiteral("CN")}};
}
QJsonObject completeBody(const QString &password, const QString &pin,
                         const QJsonValue &device = QStringLiteral("Desk"))
{
    QJsonObject body{{QStringLiteral("password"), password}, {QStringLiteral("payment_pin"), pin}};
    if (!device.isUndefined())
        body.insert(QStringLiteral("device_name"), device);
    return body;
}
} // namespace

class TestStubEnrollment : public QObject
{
    Q_OBJECT

    StubTestClient m_client;

    // A phone-verified enrollment for `name`; returns its id.
    QString verifiedEnrollment(const QString &name = QStringLiteral("Li Lei"), QString *phoneOut = nullptr)
    {
        const QString phone = m_client.nextPhone();
        const Reply created = m_client.createEnrollment(phone, name);
        if (created.status != 201)
            return {};
        const QString id = created.json.value(QStringLiteral("enrollment_id")).toString();
        const Reply verified = m_client.post(path(id, QStringLiteral("otp/verify")),
                                             {{QStringLiteral("code"), m_client.lastCode(phone)}});
        if (verified.status != 200)
            return {};
        if (phoneOut)
            *phoneOut = phone;
        return id;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_client.start(), qPrintable(m_client.lastError())); }

    void createSendsAnSmsCode()
    {
        const QDateTime now = m_client.clock->now();
        const Reply reply = m_client.createEnrollment(QStringLiteral("+86 139-1234 5678"));
        QCOMPARE(reply.status, 201);
        QVERIFY(
            reply.json.value(QStringLiteral("enrollment_id")).toString().startsWith(QStringLiteral("enr_")));
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("phone_unverified"));
        const QJsonObject otp = reply.json.value(QStringLiteral("otp")).toObject();
        QCOMPARE(otp.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(otp.value(QStringLiteral("to_masked")).toString(), QStringLiteral("+86 139****5678"));
        QCOMPARE(otp.value(QStringLiteral("expires_at")).toString(), toRfc3339(now.addSecs(300)));
        QCOMPARE(otp.value(QStringLiteral("resend_after")).toString(), toRfc3339(now.addSecs(60)));

        // The outbox is keyed by E.164, whatever form was typed; 0086 works too.
        const QJsonArray messages = m_client.outbox(QStringLiteral("+8613912345678"));
        QCOMPARE(messages.size(), 1);
        const QJsonObject sms = messages.first().toObject();
        const QString code = sms.value(QStringLiteral("code")).toString();
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9]{6}$")).match(code).hasMatch());
        QCOMPARE(sms.value(QStringLiteral("to")).toString(), QStringLiteral("+8613912345678"));
        QCOMPARE(sms.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(sms.value(QStringLiteral("purpose")).toString(), QStringLiteral("enrollment"));
        QVERIFY(sms.value(QStringLiteral("text")).toString().contains(code));
        QVERIFY(sms.value(QStringLiteral("text_zh")).toString().contains(code));
        QCOMPARE(sms.value(QStringLiteral("sent_at")).toString(), toRfc3339(now));
        QCOMPARE(m_client.outbox(QStringLiteral("0086 139 1234 5678")).size(), 1);
    }

    void createRejectsBadInput_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown bank")
            << "bank_id" << QJsonValue(QStringLiteral("bnk_nope")) << 422 << "bank_not_supported";
        QTest::newRow("empty bank") << "bank_id" << QJsonValue(QString()) << 422 << "bank_not_supported";
        QTest::newRow("unsupported bank")
            << "bank_id" << QJsonValue(QStringLiteral("bnk_fenghe_rural")) << 422 << "bank_not_supported";
        QTest::newRow("empty phone") << "phone" << QJsonValue(QString()) << 422 << "invalid_phone";
        QTest::newRow("short phone") << "phone" << QJsonValue(QStringLiteral("12345")) << 422
                                     << "invalid_phone";
        QTest::newRow("cn landline") << "phone" << QJsonValue(QStringLiteral("+86 10 6552 9988")) << 422
                                     << "invalid_phone";
        QTest::newRow("16 digits") << "phone" << QJsonValue(QStringLiteral("+4412345678901234")) << 422
                                   << "invalid_phone";
        QTest::newRow("no plus") << "phone" << QJsonValue(QStringLiteral("13912345678")) << 422
                                 << "invalid_phone";
        QTest::newRow("empty email") << "email" << QJsonValue(QString()) << 422 << "invalid_email";
        QTest::newRow("no dot") << "email" << QJsonValue(QStringLiteral("a@b")) << 422 << "invalid_email";
        QTest::newRow("two at") << "email" << QJsonValue(QStringLiteral("a@b@c.cn")) << 422
                                << "invalid_email";
        QTest::newRow("space") << "email" << QJsonValue(QStringLiteral("a b@c.cn")) << 422 << "invalid_email";
        QTest::newRow("empty name") << "full_name" << QJsonValue(QString()) << 422 << "invalid_name";
        QTest::newRow("digit name") << "full_name" << QJsonValue(QStringLiteral("Li Lei 3")) << 422
                                    << "invalid_name";
        QTest::newRow("control name")
            << "full_name" << QJsonValue(QStringLiteral("Li\u0007Lei")) << 422 << "invalid_name";
        QTest::newRow("long name") << "full_name" << QJsonValue(QString(101, QLatin1Char('a'))) << 422
                                   << "invalid_name";
        QTest::newRow("missing name")
            << "full_name" << QJsonValue(QJsonValue::Undefined) << 400 << "parameter_missing";
        QTest::newRow("number phone") << "phone" << QJsonValue(8613912345678.0) << 422 << "parameter_invalid";
        QTest::newRow("object email") << "email" << QJsonValue(QJsonObject{}) << 422 << "parameter_invalid";
    }
    void createRejectsBadInput()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(int, status);
        QFETCH(QString, code);
        QJsonObject body{{QStringLiteral("bank_id"), QStringLiteral("bnk_demo")},
                         {QStringLiteral("full_name"), QStringLiteral("Li Lei")},
                         {QStringLiteral("phone"), m_client.nextPhone()},
                         {QStringLiteral("email"), QStringLiteral("li@example.com")}};
        if (value.isUndefined())
            body.remove(field);
        else
            body.insert(field, value);
        const Reply reply = m_client.post(kEnroll, body);
        QVERIFY2(reply.status == status, qPrintable(reply.summary()));
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(reply.errorParam(), field);
        QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
    }

    void phoneAlreadyRegistered()
    {
        const TestWallet wallet = m_client.enrollWallet(false);
        QVERIFY2(!wallet.walletId.isEmpty(), qPrintable(m_client.lastError()));
        const Reply reply = m_client.createEnrollment(wallet.phone);
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.errorCode(), QStringLiteral("phone_already_registered"));
        QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
    }

    void resendCooldown()
    {
        const QString phone = m_client.nextPhone();
        const QString id =
            m_client.createEnrollment(phone).json.value(QStringLiteral("enrollment_id")).toString();
        const QString firstCode = m_client.lastCode(phone);
        Reply reply = m_client.post(path(id, QStringLiteral("otp/resend")));
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.errorType(), QStringLiteral("rate_limit_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_resend_too_soon"));
        QCOMPARE(reply.error().value(QStringLiteral("retry_after")).toInt(), 60);
        QCOMPARE(reply.header("retry-after"), QByteArray("60"));
        m_client.clock->advance(45);
        reply = m_client.post(path(id, QStringLiteral("otp/resend")));
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.header("retry-after"), QByteArray("15"));
        m_client.clock->advance(15);
        const QDateTime now = m_client.clock->now();
        reply = m_client.post(path(id, QStringLiteral("otp/resend")));
        QCOMPARE(reply.status, 200);
        const QJsonObject otp = reply.json.value(QStringLiteral("otp")).toObject();
        QCOMPARE(otp.value(QStringLiteral("expires_at")).toString(), toRfc3339(now.addSecs(300)));
        QCOMPARE(otp.value(QStringLiteral("resend_after")).toString(), toRfc3339(now.addSecs(60)));
        QCOMPARE(otp.value(QStringLiteral("channel")).toString(), QStringLiteral("sms"));
        QCOMPARE(m_client.outbox(phone).size(), 2);
        const QString secondCode = m_client.lastCode(phone);
        // The new code replaces the old one.
        if (secondCode != firstCode) {
            reply =
                m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), firstCode}});
            QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
        }
        reply = m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), secondCode}});
        QCOMPARE(reply.status, 200);
    }

    void wrongCodesThenLockedForever()
    {
        const QString phone = m_client.nextPhone();
        const QString id =
            m_client.createEnrollment(phone).json.value(QStringLiteral("enrollment_id")).toString();
        const QString code = m_client.lastCode(phone);
        const QString wrong =
            code == QLatin1String("000000") ? QStringLiteral("000001") : QStringLiteral("000000");
        for (int remaining = 4; remaining >= 0; --remaining) {
            const Reply reply =
                m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), wrong}});
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.errorType(), QStringLiteral("authentication_error"));
            QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
            QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), remaining);
        }
        // Right or wrong, it is over; a new code does not help.
        for (const QString &attempt : {code, wrong}) {
            const Reply reply =
                m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), attempt}});
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.errorType(), QStringLiteral("authorization_error"));
            QCOMPARE(reply.errorCode(), QStringLiteral("otp_attempts_exceeded"));
        }
        m_client.clock->advance(61);
        QCOMPARE(m_client.post(path(id, QStringLiteral("otp/resend"))).errorCode(),
                 QStringLiteral("otp_attempts_exceeded"));
        // Identity and completion need a verified phone.
        QCOMPARE(m_client
                     .post(path(id, QStringLiteral("complete")),
                           completeBody(QStringLiteral("Correct-Horse-42x"), QStringLiteral("370915")))
                     .errorCode(),
                 QStringLiteral("enrollment_incomplete"));
    }

    void newCodeDoesNotResetAttempts()
    {
        const QString phone = m_client.nextPhone();
        const QString id =
            m_client.createEnrollment(phone).json.value(QStringLiteral("enrollment_id")).toString();
        const QString wrong = m_client.lastCode(phone) == QLatin1String("999999") ? QStringLiteral("999998")
                                                                                  : QStringLiteral("999999");
        for (int i = 0; i < 2; ++i)
            m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), wrong}});
        m_client.clock->advance(60);
        QCOMPARE(m_client.post(path(id, QStringLiteral("otp/resend"))).status, 200);
        const QString newCode = m_client.lastCode(phone);
        const QString wrong2 =
            newCode == QLatin1String("999999") ? QStringLiteral("999998") : QStringLiteral("999999");
        const Reply reply =
            m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), wrong2}});
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
        QCOMPARE(reply.error().value(QStringLiteral("attempts_remaining")).toInt(-1), 2);
    }

    void codeExpiresAfterFiveMinutes()
    {
        const QString phone = m_client.nextPhone();
        const QString id =
            m_client.createEnrollment(phone).json.value(QStringLiteral("enrollment_id")).toString();
        const QString code = m_client.lastCode(phone);
        m_client.clock->advance(301);
        Reply reply = m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), code}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_expired"));
        // A resent code works.
        QCOMPARE(m_client.post(path(id, QStringLiteral("otp/resend"))).status, 200);
        m_client.clock->advance(299);
        reply = m_client.post(path(id, QStringLiteral("otp/verify")),
                              {{QStringLiteral("code"), m_client.lastCode(phone)}});
        QCOMPARE(reply.status, 200);
    }

    void codeIsSingleUse()
    {
        const QString phone = m_client.nextPhone();
        const QString id =
            m_client.createEnrollment(phone).json.value(QStringLiteral("enrollment_id")).toString();
        const QString code = m_client.lastCode(phone);
        Reply reply = m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), code}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("phone_verified"));
        reply = m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), code}});
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), QStringLiteral("otp_invalid"));
    }

    void verifyInputErrors()
    {
        const QString phone = m_client.nextPhone();
        const QString id =
            m_client.createEnrollment(phone).json.value(QStringLiteral("enrollment_id")).toString();
        Reply reply = m_client.post(path(id, QStringLiteral("otp/verify")));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_missing"));
        QCOMPARE(reply.errorParam(), QStringLiteral("code"));
        reply = m_client.post(path(id, QStringLiteral("otp/verify")), {{QStringLiteral("code"), 123456}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_invalid"));
    }

    void unknownEnrollmentIs404()
    {
        for (const QString &step : {QStringLiteral("otp/resend"), QStringLiteral("otp/verify"),
                                    QStringLiteral("identity"), QStringLiteral("complete")}) {
            const Reply reply = m_client.post(path(QStringLiteral("enr_unknown"), step),
                                              {{QStringLiteral("code"), QStringLiteral("123456")}});
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), QStringLiteral("resource_missing"));
        }
    }

    void identityNeedsVerifiedPhone()
    {
        const QString id = m_client.createEnrollment(m_client.nextPhone())
                               .json.value(QStringLiteral("enrollment_id"))
                               .toString();
        const Reply reply = m_client.post(
            path(id, QStringLiteral("identity")),
            identityBody(StubTestClient::residentId(QDate(1990, 3, 7)), QStringLiteral("1990-03-07")));
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.errorCode(), QStringLiteral("enrollment_incomplete"));
    }

    void identityChecksInOrder_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        const QString good = StubTestClient::residentId(QDate(1990, 3, 7));
        QString badChecksum = good;
        badChecksum[17] = good[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        const QString first17BadDate = QStringLiteral("11010519901340123");
        const QString badDate =
            first17BadDate + bw::core::ResidentIdValidator::checkCharacter(first17BadDate);
        const QString futureId = StubTestClient::residentId(QDate(2026, 1, 1));
        QTest::newRow("checksum") << identityBody(badChecksum, QStringLiteral("1990-03-07")) << 422
                                  << "invalid_document_number"
                                  << "document_number";
        // Checksum beats a wrong date of birth.
        QTest::newRow("checksum first")
            << identityBody(badChecksum, QStringLiteral("1980-01-01")) << 422 << "invalid_document_number"
            << "document_number";
        QTest::newRow("short") << identityBody(QStringLiteral("1101051990"), QStringLiteral("1990-03-07"))
                               << 422 << "invalid_document_number"
                               << "document_number";
        QTest::newRow("empty") << identityBody(QString(), QStringLiteral("1990-03-07")) << 422
                               << "invalid_document_number"
                               << "document_number";
        QTest::newRow("date in number")
            << identityBody(badDate, QStringLiteral("1990-13-40")) << 422 << "invalid_document_number"
            << "document_number";
        QTest::newRow("future number")
            << identityBody(futureId, QStringLiteral("2026-01-01")) << 422 << "invalid_document_number"
            << "document_number";
        QTest::newRow("dob differs") << identityBody(good, QStringLiteral("1990-03-08")) << 422
                                     << "document_mismatch"
                                     << "date_of_birth";
        QTest::newRow("dob not a date")
            << identityBody(good, QStringLiteral("1990-02-30")) << 422 << "document_mismatch"
            << "date_of_birth";
        QTest::newRow("dob format") << identityBody(good, QStringLiteral("07/03/1990")) << 422
                                    << "document_mismatch"
                                    << "date_of_birth";
        QTest::newRow("passport short")
            << identityBody(QStringLiteral("E1"), QStringLiteral("1990-03-07"), QStringLiteral("passport"))
            << 422 << "invalid_document_number"
            << "document_number";
        QTest::newRow("passport future dob")
            << identityBody(QStringLiteral("E12345678"), QStringLiteral("2030-01-01"),
                            QStringLiteral("passport"))
            << 422 << "document_mismatch"
            << "date_of_birth";
        QTest::newRow("bad type") << identityBody(good, QStringLiteral("1990-03-07"),
                                                  QStringLiteral("driver_licence"))
                                  << 422 << "parameter_invalid"
                                  << "document_type";
        QJsonObject noDob = identityBody(good, QStringLiteral("1990-03-07"));
        noDob.remove(QStringLiteral("date_of_birth"));
        QTest::newRow("missing dob") << noDob << 400 << "parameter_missing"
                                     << "date_of_birth";
        QJsonObject badNationality = identityBody(good, QStringLiteral("1990-03-07"));
        badNationality.insert(QStringLiteral("nationality"), QStringLiteral("China"));
        QTest::newRow("nationality") << badNationality << 422 << "parameter_invalid"
                                     << "nationality";
    }
    void identityChecksInOrder()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, param);
        const QString id = verifiedEnrollment();
        QVERIFY(!id.isEmpty());
        const Reply reply = m_client.post(path(id, QStringLiteral("identity")), body);
        QVERIFY2(reply.status == status, qPrintable(reply.summary()));
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(reply.errorParam(), param);
    }

    void identityOutcomes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QDate>("birth");
        QTest::addColumn<QString>("result");
        QTest::addColumn<QJsonValue>("tier");
        QTest::addColumn<QStringList>("reasons");
        // The manual clock starts on 2025-03-01.
        QTest::newRow("verified") << "Li Lei" << QDate(1990, 3, 7) << "verified" << QJsonValue(3)
                                  << QStringList();
        QTest::newRow("16 today") << "Li Lei" << QDate(2009, 3, 1) << "verified" << QJsonValue(3)
                                  << QStringList();
        QTest::newRow("16 tomorrow") << "Li Lei" << QDate(2009, 3, 2) << "rejected"
                                     << QJsonValue(QJsonValue::Null)
                                     << QStringList{QStringLiteral("underage")};
        QTest::newRow("sanctioned") << "Ivan Petrovich Sidorov" << QDate(1970, 1, 1) << "rejected"
                                    << QJsonValue(QJsonValue::Null)
                                    << QStringList{QStringLiteral("sanctions_match")};
        QTest::newRow("sanctioned zh")
            << QStringLiteral("远东黑鹰贸易集团") << QDate(1970, 1, 1) << "rejected"
            << QJsonValue(QJsonValue::Null) << QStringList{QStringLiteral("sanctions_match")};
        QTest::newRow("similar") << "Ivan Petrovich Sidorow" << QDate(1970, 1, 1) << "review" << QJsonValue(4)
                                 << QStringList{QStringLiteral("sanctions_review")};
        QTest::newRow("both") << "Ivan Petrovich Sidorov" << QDate(2015, 1, 1) << "rejected"
                              << QJsonValue(QJsonValue::Null)
                              << QStringList{QStringLiteral("underage"), QStringLiteral("sanctions_match")};
    }
    void identityOutcomes()
    {
        QFETCH(QString, name);
        QFETCH(QDate, birth);
        QFETCH(QString, result);
        QFETCH(QJsonValue, tier);
        QFETCH(QStringList, reasons);
        const QString id = verifiedEnrollment(name);
        QVERIFY(!id.isEmpty());
        const Reply reply =
            m_client.post(path(id, QStringLiteral("identity")),
                          identityBody(StubTestClient::residentId(birth), birth.toString(Qt::ISODate)));
        QVERIFY2(reply.status == 200, qPrintable(reply.summary()));
        QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("identity_") + result);
        const QJsonObject kyc = reply.json.value(QStringLiteral("kyc")).toObject();
        QCOMPARE(kyc.value(QStringLiteral("result")).toString(), result);
        QCOMPARE(kyc.value(QStringLiteral("tier")), tier);
        QStringList got;
        for (const QJsonValue &reason : kyc.value(QStringLiteral("reasons")).toArray())
            got.append(reason.toString());
        QCOMPARE(got, reasons);

        // Rejected: no second try and no wallet. Otherwise identity may be sent again.
        const Reply again = m_client.post(
            path(id, QStringLiteral("identity")),
            identityBody(StubTestClient::residentId(QDate(1990, 3, 7)), QStringLiteral("1990-03-07")));
        const Reply complete =
            m_client.post(path(id, QStringLiteral("complete")),
                          completeBody(QStringLiteral("Correct-Horse-Battery-42"), QStringLiteral("370915")));
        if (result == QLatin1String("rejected")) {
            QCOMPARE(again.status, 409);
            QCOMPARE(again.errorCode(), QStringLiteral("enrollment_incomplete"));
            QCOMPARE(complete.status, 409);
            QCOMPARE(complete.errorCode(), QStringLiteral("enrollment_incomplete"));
        } else {
            QCOMPARE(again.status, 200);
            QCOMPARE(complete.status, 201);
            QCOMPARE(complete.json.value(QStringLiteral("tier")).toInt(),
                     result == QLatin1String("review") ? 4 : 3);
        }
    }

    void lowerCaseXIsAccepted()
    {
        QString number;
        for (int sequence = 100; sequence < 1000 && number.isEmpty(); ++sequence) {
            const QString candidate =
                StubTestClient::residentId(QDate(1988, 8, 8), QString::number(sequence));
            if (candidate.endsWith(QLatin1Char('X')))
                number = candidate;
        }
        QVERIFY(!number.isEmpty());
        const QString id = verifiedEnrollment();
        const Reply reply = m_client.post(path(id, QStringLiteral("identity")),
                                          identityBody(number.toLower(), QStringLiteral("1988-08-08")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(
            reply.json.value(QStringLiteral("kyc")).toObject().value(QStringLiteral("result")).toString(),
            QStringLiteral("verified"));
    }

    void passportVerifies()
    {
        const QString id = verifiedEnrollment();
        const Reply reply =
            m_client.post(path(id, QStringLiteral("identity")),
                          identityBody(QStringLiteral("E12345678"), QStringLiteral("1985-05-05"),
                                       QStringLiteral("passport")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json.value(QStringLiteral("kyc")).toObject().value(QStringLiteral("tier")).toInt(), 3);
    }

    void completeNeedsVerifiedPhone()
    {
        const QString id = m_client.createEnrollment(m_client.nextPhone())
                               .json.value(QStringLiteral("enrollment_id"))
                               .toString();
        const Reply reply =
            m_client.post(path(id, QStringLiteral("complete")),
                          completeBody(QStringLiteral("Correct-Horse-Battery-42"), QStringLiteral("370915")));
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.errorCode(), QStringLiteral("enrollment_incomplete"));
        QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
    }

    void completeRejectsWeakCredentials_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        const QString pin = QStringLiteral("370915");
        const QString password = QStringLiteral("Correct-Horse-Battery-42");
        QTest::newRow("common") << completeBody(QStringLiteral("password123"), pin) << 422 << "weak_password"
                                << "password";
        QTest::newRow("short") << completeBody(QStringLiteral("Ab1!x"), pin) << 422 << "weak_password"
                               << "password";
        QTest::newRow("empty password") << completeBody(QString(), pin) << 422 << "weak_password"
                                        << "password";
        QTest::newRow("contains name")
            << completeBody(QStringLiteral("my-lilei-wallet!"), pin) << 422 << "weak_password"
            << "password";
        QTest::newRow("control char")
            << completeBody(QStringLiteral("Correct-Horse\u0001-42"), pin) << 422 << "weak_password"
            << "password";
        QTest::newRow("sequential pin")
            << completeBody(password, QStringLiteral("123456")) << 422 << "weak_pin"
            << "payment_pin";
        QTest::newRow("same pin") << completeBody(password, QStringLiteral("777777")) << 422 << "weak_pin"
                                  << "payment_pin";
        QTest::newRow("short pin") << completeBody(password, QStringLiteral("37091")) << 422 << "weak_pin"
                                   << "payment_pin";
        QTest::newRow("birth pin") << completeBody(password, QStringLiteral("900307")) << 422 << "weak_pin"
                                   << "payment_pin";
        QTest::newRow("no device") << completeBody(password, pin, QJsonValue(QJsonValue::Undefined)) << 400
                                   << "parameter_missing"
                                   << "device_name";
        QTest::newRow("empty device") << completeBody(password, pin, QString()) << 422 << "parameter_invalid"
                                      << "device_name";
        QTest::newRow("pin number") << QJsonObject{{QStringLiteral("password"), password},
                                                   {QStringLiteral("payment_pin"), 370915},
                                                   {QStringLiteral("device_name"), QStringLiteral("Desk")}}
                                    << 422 << "parameter_invalid"
                                    << "payment_pin";
    }
    void completeRejectsWeakCredentials()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, param);
        const QString id = verifiedEnrollment();
        QVERIFY(!id.isEmpty());
        // The birth date 1990-03-07 makes 900307 a weak PIN.
        QCOMPARE(m_client
                     .post(path(id, QStringLiteral("identity")),
                           identityBody(StubTestClient::residentId(QDate(1990, 3, 7)),
                                        QStringLiteral("1990-03-07")))
                     .status,
                 200);
        const Reply reply = m_client.post(path(id, QStringLiteral("complete")), body);
        QVERIFY2(reply.status == status, qPrintable(reply.summary()));
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(reply.errorParam(), param);
    }

    void passwordWithPhoneDigitsIsWeak()
    {
        QString phone;
        const QString id = verifiedEnrollment(QStringLiteral("Li Lei"), &phone);
        const QString digits = phone.right(7); // 7 consecutive digits of the national number
        const Reply reply =
            m_client.post(path(id, QStringLiteral("complete")),
                          completeBody(QStringLiteral("Pass-") + digits + QStringLiteral("-word"),
                                       QStringLiteral("370915")));
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorCode(), QStringLiteral("weak_password"));
    }

    void completeCreatesWalletAndDevice_data()
    {
        QTest::addColumn<bool>("identity");
        QTest::addColumn<int>("tier");
        QTest::addColumn<qint64>("perPayment");
        QTest::addColumn<qint64>("daily");
        QTest::addColumn<qint64>("annual");
        QTest::addColumn<qint64>("cap");
        QTest::newRow("phone only") << false << 4 << qint64(200000) << qint64(500000) << qint64(5000000)
                                    << qint64(1000000);
        QTest::newRow("verified") << true << 3 << qint64(500000) << qint64(1000000) << qint64(20000000)
                                  << qint64(2000000);
    }
    void completeCreatesWalletAndDevice()
    {
        QFETCH(bool, identity);
        QFETCH(int, tier);
        QFETCH(qint64, perPayment);
        QFETCH(qint64, daily);
        QFETCH(qint64, annual);
        QFETCH(qint64, cap);
        QString phone;
        const QString id = verifiedEnrollment(QStringLiteral("Li Lei"), &phone);
        const QString documentNumber = StubTestClient::residentId(QDate(1990, 3, 7));
        if (identity)
            QCOMPARE(m_client
                         .post(path(id, QStringLiteral("identity")),
                               identityBody(documentNumber, QStringLiteral("1990-03-07")))
                         .status,
                     200);
        const QString password = QStringLiteral("Correct-Horse-Battery-42");
        const Reply reply = m_client.post(path(id, QStringLiteral("complete")),
                                          completeBody(password, QStringLiteral("370915")));
        QVERIFY2(reply.status == 201, qPrintable(reply.summary()));
        QVERIFY(reply.json.value(QStringLiteral("wallet_id")).toString().startsWith(QStringLiteral("wal_")));
        QVERIFY(reply.json.value(QStringLiteral("device_id")).toString().startsWith(QStringLiteral("dev_")));
        const QString secretText = reply.json.value(QStringLiteral("device_secret")).toString();
        const auto secret = bw::crypto::base64Decode(secretText);
        QVERIFY(secret.ok());
        QCOMPARE(secret.value().size(), 32);
        QCOMPARE(reply.json.value(QStringLiteral("tier")).toInt(), tier);
        const QJsonObject limits = reply.json.value(QStringLiteral("limits")).toObject();
        const auto money = [](qint64 amount) {
            return QJsonObject{{QStringLiteral("amount"), amount},
                               {QStringLiteral("currency"), QStringLiteral("CNY")}};
        };
        QCOMPARE(limits.value(QStringLiteral("per_payment")).toObject(), money(perPayment));
        QCOMPARE(limits.value(QStringLiteral("daily")).toObject(), money(daily));
        QCOMPARE(limits.value(QStringLiteral("annual")).toObject(), money(annual));
        QCOMPARE(limits.value(QStringLiteral("balance_cap")).toObject(), money(cap));
        // The Limits object of GET /v1/wallet: nothing used yet.
        QCOMPARE(limits.value(QStringLiteral("used_today")).toObject(), money(0));
        QCOMPARE(limits.value(QStringLiteral("used_this_year")).toObject(), money(0));

        // The enrollment is used up.
        const Reply again = m_client.post(path(id, QStringLiteral("complete")),
                                          completeBody(password, QStringLiteral("370915")));
        QCOMPARE(again.status, 404);
        QCOMPARE(again.errorCode(), QStringLiteral("resource_missing"));

        // No secret in plaintext anywhere in the database files: not the password, PIN, device secret,
        // document number or any SMS code sent.
        QByteArray files;
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile file(m_client.dbPath() + suffix);
            if (file.open(QIODevice::ReadOnly))
                files += file.readAll();
        }
        QVERIFY(files.size() > 1000);
        QVERIFY(!files.contains(password.toUtf8()));
        QVERIFY(!files.contains("370915"));
        QVERIFY(!files.contains(secretText.toLatin1()));
        QVERIFY(!files.contains(secret.value()));
        QVERIFY(!files.contains(documentNumber.toLatin1()));
        for (const QJsonValue &message : m_client.outbox(phone))
            QVERIFY(!files.contains(message.toObject().value(QStringLiteral("code")).toString().toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestStubEnrollment)
#include "test_stub_enrollment.moc"
