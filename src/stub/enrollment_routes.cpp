// /v1/enrollments… — opening a wallet (gateway-api.md, "Enrollment"): contact details and an SMS code,
// an optional identity document with KYC (age, sanctions), then password, PIN and the first device.
// Enrollment statuses: phone_unverified → phone_verified → identity_verified | identity_review |
// identity_rejected → completed. A completed enrollment is gone for the API (404 resource_missing).
#include "core/email_validator.h"
#include "core/name_validator.h"
#include "core/password_policy.h"
#include "core/phone_validator.h"
#include "core/pin_policy.h"
#include "core/resident_id_validator.h"
#include "stub/api_error.h"
#include "stub/credentials.h"
#include "stub/gateway_context.h"
#include "stub/ids.h"
#include "stub/json_fields.h"
#include "stub/router.h"
#include "stub/routes.h"
#include "stub/tier_limits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace bw::stub {

namespace {

const QString kPurpose = QStringLiteral("enrollment");
constexpr int kMinimumAge = 16;

struct Enrollment
{
    QString id;
    QString bankId;
    QString fullName;
    QString phone;
    QString email;
    QString status;
    QString documentType;
    QString documentCountry;
    QByteArray documentNumberSealed;
    QByteArray documentNumberHash;
    QString dateOfBirth;
    QString kycResult;
};

Enrollment loadEnrollment(GatewayContext &ctx, const QString &id)
{
    QSqlQuery row = ctx.store().exec(
        QStringLiteral(
            "SELECT id, bank_id, full_name, phone, email, status, document_type, document_country, "
            "document_number_sealed, document_number_hash, date_of_birth, kyc_result "
            "FROM enrollments WHERE id = ?"),
        {id});
    if (!row.next() || row.value(5).toString() == QLatin1String("completed"))
        throw ApiError::resourceMissing(QStringLiteral("No such enrollment."), QStringLiteral("id"));
    return Enrollment{row.value(0).toString(),    row.value(1).toString(),  row.value(2).toString(),
                      row.value(3).toString(),    row.value(4).toString(),  row.value(5).toString(),
                      row.value(6).toString(),    row.value(7).toString(),  row.value(8).toByteArray(),
                      row.value(9).toByteArray(), row.value(10).toString(), row.value(11).toString()};
}

ApiError incomplete(const QString &message)
{
    return ApiError::conflict(QStringLiteral("enrollment_incomplete"), message);
}

bool phoneRegistered(GatewayContext &ctx, const QString &e164)
{
    return ctx.store().scalar(QStringLiteral("SELECT 1 FROM wallets WHERE phone = ?"), {e164}).isValid();
}

ApiError phoneTaken()
{
    return ApiError::conflict(QStringLiteral("phone_already_registered"),
                              QStringLiteral("A wallet with this phone number already exists."),
                              QStringLiteral("phone"));
}

Response create(GatewayContext &ctx, const Request &req)
{
    const JsonFields body(req.json);
    const QString bankId = body.requireString(QStringLiteral("bank_id"));
    const QString fullName = body.requireString(QStringLiteral("full_name"));
    const QString phoneText = body.requireString(QStringLiteral("phone"));
    const QString emailText = body.requireString(QStringLiteral("email"));

    const auto bank = ctx.banks().find(bankId);
    if (!bank || !bank->walletSupported)
        throw ApiError::invalidField(QStringLiteral("bank_not_supported"), QStringLiteral("bank_id"),
                                     QStringLiteral("This bank does not offer the wallet."));
    const auto phone = core::PhoneValidator::validate(phoneText);
    if (!phone)
        throw ApiError::invalidField(phone.codeString(), QStringLiteral("phone"),
                                     QStringLiteral("Not a valid mobile number in international form."));
    const auto email = core::EmailValidator::validate(emailText);
    if (!email)
        throw ApiError::invalidField(email.codeString(), QStringLiteral("email"),
                                     QStringLiteral("Not a valid e-mail address."));
    const auto name = core::NameValidator::validate(fullName);
    if (!name)
        throw ApiError::invalidField(name.codeString(), QStringLiteral("full_name"),
                                     QStringLiteral("A name has 1 to 100 characters and no digits."));

    StubStore::Transaction tx(ctx.store());
    if (phoneRegistered(ctx, phone->e164()))
        throw phoneTaken();
    const QString id = newId(QStringLiteral("enr_"));
    const qint64 now = ctx.nowSecs();
    ctx.store().exec(QStringLiteral("INSERT INTO enrollments (id, bank_id, full_name, phone, email, status, "
                                    "created_at) VALUES (?, ?, ?, ?, ?, 'phone_unverified', ?)"),
                     {id, bankId, name.value(), phone->e164(), email->address(), now});
    const OtpChallenge otp = ctx.otp().issue(kPurpose, id, phone->e164());
    ctx.store().audit(now, QStringLiteral("enrollment.created"), id, {{QStringLiteral("bank_id"), bankId}});
    tx.commit();
    return Response::created(QJsonObject{{QStringLiteral("enrollment_id"), id},
                                         {QStringLiteral("status"), QStringLiteral("phone_unverified")},
                                         {QStringLiteral("otp"), otp.toJson()}});
}

Response resend(GatewayContext &ctx, const Request &req)
{
    const Enrollment enrollment = loadEnrollment(ctx, req.param(QStringLiteral("id")));
    StubStore::Transaction tx(ctx.store());
    const OtpChallenge otp = ctx.otp().resend(kPurpose, enrollment.id);
    tx.commit();
    return Response::ok(QJsonObject{{QStringLiteral("otp"), otp.toJson()}});
}

Response verify(GatewayContext &ctx, const Request &req)
{
    const Enrollment enrollment = loadEnrollment(ctx, req.param(QStringLiteral("id")));
    const QString code = JsonFields(req.json).requireString(QStringLiteral("code"));
    StubStore::Transaction tx(ctx.store());
    if (const auto error = ctx.otp().verify(kPurpose, enrollment.id, code)) {
        tx.commit(); // keep the counted wrong try
        throw *error;
    }
    QString status = enrollment.status;
    if (status == QLatin1String("phone_unverified")) {
        status = QStringLiteral("phone_verified");
        ctx.store().exec(QStringLiteral("UPDATE enrollments SET status = ? WHERE id = ?"),
                         {status, enrollment.id});
    }
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("enrollment.phone_verified"), enrollment.id);
    tx.commit();
    return Response::ok(QJsonObject{{QStringLiteral("status"), status}});
}

Response identity(GatewayContext &ctx, const Request &req)
{
    const Enrollment enrollment = loadEnrollment(ctx, req.param(QStringLiteral("id")));
    const JsonFields body(req.json);
    const QString documentType = body.requireEnum(
        QStringLiteral("document_type"), {QStringLiteral("cn_resident_id"), QStringLiteral("passport")});
    const QString number = body.requireString(QStringLiteral("document_number"));
    const QString dateOfBirth = body.requireString(QStringLiteral("date_of_birth"));
    const QString nationality = body.requireString(QStringLiteral("nationality"));
    static const QRegularExpression kCountry(QStringLiteral("^[A-Z]{2}$"));
    if (!kCountry.match(nationality).hasMatch())
        throw ApiError::parameterInvalid(
            QStringLiteral("nationality"),
            QStringLiteral("nationality is an ISO 3166 alpha-2 code such as CN."));

    if (enrollment.status == QLatin1String("phone_unverified"))
        throw incomplete(QStringLiteral("Verify the phone number first."));
    if (enrollment.status == QLatin1String("identity_rejected"))
        throw incomplete(QStringLiteral("The identity check was rejected; this enrollment cannot go on."));

    const QDate today = shanghaiDate(ctx.now());
    QString normalizedNumber;
    QDate birth;
    if (documentType == QLatin1String("cn_resident_id")) {
        const auto id = core::ResidentIdValidator::validate(number, dateOfBirth, today);
        if (!id) {
            const bool mismatch = id.code() == core::ValidationCode::DocumentMismatch;
            throw ApiError::invalidField(
                id.codeString(),
                mismatch ? QStringLiteral("date_of_birth") : QStringLiteral("document_number"),
                mismatch ? QStringLiteral("The date of birth does not match the document.")
                         : QStringLiteral("Not a valid resident identity number."));
        }
        normalizedNumber = id->number;
        birth = id->birthDate;
    } else {
        normalizedNumber = number.trimmed().toUpper();
        static const QRegularExpression kPassport(QStringLiteral("^[A-Z0-9]{5,20}$"));
        if (!kPassport.match(normalizedNumber).hasMatch())
            throw ApiError::invalidField(QStringLiteral("invalid_document_number"),
                                         QStringLiteral("document_number"),
                                         QStringLiteral("Not a valid passport number."));
        birth = core::ResidentIdValidator::parseIsoDate(dateOfBirth);
        if (!birth.isValid() || birth > today)
            throw ApiError::invalidField(QStringLiteral("document_mismatch"), QStringLiteral("date_of_birth"),
                                         QStringLiteral("The date of birth is not a real past date."));
    }

    QJsonArray reasons;
    if (core::ResidentIdValidator::ageAt(birth, today) < kMinimumAge)
        reasons.append(QStringLiteral("underage"));
    const ScreeningResult screening = ctx.sanctions().screen(enrollment.fullName);
    if (screening.outcome != ScreeningOutcome::Clear)
        reasons.append(screeningCode(screening.outcome));
    QString result = QStringLiteral("verified");
    if (reasons.contains(QStringLiteral("underage")) || screening.outcome == ScreeningOutcome::Match)
        result = QStringLiteral("rejected");
    else if (screening.outcome == ScreeningOutcome::Review)
        result = QStringLiteral("review");
    const QJsonValue tier = result == QLatin1String("verified") ? QJsonValue(3)
                            : result == QLatin1String("review") ? QJsonValue(4)
                                                                : QJsonValue(QJsonValue::Null);
    const QString status = QStringLiteral("identity_") + result;

    StubStore::Transaction tx(ctx.store());
    const QByteArray sealed = ctx.key().seal(normalizedNumber.toUtf8(), QStringLiteral("enrollments"),
                                             QStringLiteral("document_number"), enrollment.id);
    const QByteArray hash = ctx.key().mac(QStringLiteral("document"), normalizedNumber.toUtf8());
    ctx.store().exec(
        QStringLiteral("UPDATE enrollments SET status = ?, document_type = ?, document_country = ?, "
                       "document_number_sealed = ?, document_number_hash = ?, date_of_birth = ?, "
                       "kyc_result = ?, kyc_tier = ?, kyc_reasons = ? WHERE id = ?"),
        {status, documentType, nationality, sealed, hash, birth.toString(Qt::ISODate), result,
         tier.isNull() ? QVariant() : QVariant(tier.toInt()),
         QString::fromUtf8(QJsonDocument(reasons).toJson(QJsonDocument::Compact)), enrollment.id});
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("enrollment.identity"), enrollment.id,
                      {{QStringLiteral("result"), result}, {QStringLiteral("reasons"), reasons}});
    tx.commit();
    return Response::ok(
        QJsonObject{{QStringLiteral("status"), status},
                    {QStringLiteral("kyc"), QJsonObject{{QStringLiteral("result"), result},
                                                        {QStringLiteral("tier"), tier},
                                                        {QStringLiteral("reasons"), reasons}}}});
}

Response complete(GatewayContext &ctx, const Request &req)
{
    const Enrollment enrollment = loadEnrollment(ctx, req.param(QStringLiteral("id")));
    const JsonFields body(req.json);
    const QString password = body.requireString(QStringLiteral("password"));
    const QString pin = body.requireString(QStringLiteral("payment_pin"));
    const QString deviceNameText = body.requireString(QStringLiteral("device_name"));

    if (enrollment.status == QLatin1String("phone_unverified"))
        throw incomplete(QStringLiteral("Verify the phone number first."));
    if (enrollment.status == QLatin1String("identity_rejected"))
        throw incomplete(QStringLiteral("The identity check was rejected; this enrollment cannot go on."));

    const auto checkedPassword = core::PasswordPolicy::check(password, enrollment.phone, enrollment.fullName);
    bool control = false;
    for (const QChar c : password)
        control = control || c.category() == QChar::Other_Control;
    if (!checkedPassword || control)
        throw ApiError::invalidField(QStringLiteral("weak_password"), QStringLiteral("password"),
                                     QStringLiteral("The password does not meet the password rules."));
    const QDate birth = core::ResidentIdValidator::parseIsoDate(enrollment.dateOfBirth);
    const auto checkedPin = core::PinPolicy::check(pin, birth);
    if (!checkedPin)
        throw ApiError::invalidField(checkedPin.codeString(), QStringLiteral("payment_pin"),
                                     QStringLiteral("The PIN is too easy to guess."));
    const QString deviceName = checkDeviceName(deviceNameText);

    const bool verified = enrollment.status == QLatin1String("identity_verified");
    const bool review = enrollment.status == QLatin1String("identity_review");
    const int tier = verified ? 3 : 4;
    const QString kycStatus = verified ? QStringLiteral("verified")
                              : review ? QStringLiteral("review")
                                       : QStringLiteral("none");

    // The slow KDF runs before the transaction takes the write lock.
    const QString passwordVerifier = makePasswordVerifier(ctx, checkedPassword.value());
    const PinVerifier pinVerifier = makePinVerifier(ctx, checkedPin.value());

    StubStore::Transaction tx(ctx.store());
    if (phoneRegistered(ctx, enrollment.phone))
        throw phoneTaken();
    const QString walletId = newId(QStringLiteral("wal_"));
    const qint64 now = ctx.nowSecs();
    QVariant documentSealed;
    if (!enrollment.documentNumberSealed.isEmpty()) {
        crypto::SecretBytes number =
            ctx.key().open(enrollment.documentNumberSealed, QStringLiteral("enrollments"),
                           QStringLiteral("document_number"), enrollment.id);
        documentSealed = ctx.key().seal(number.view(), QStringLiteral("wallets"),
                                        QStringLiteral("document_number"), walletId);
    }
    const auto nullIfEmpty = [](const QString &s) { return s.isEmpty() ? QVariant() : QVariant(s); };
    ctx.store().exec(
        QStringLiteral(
            "INSERT INTO wallets (id, bank_id, full_name, phone, email, tier, kyc_status, date_of_birth, "
            "document_type, document_country, document_number_sealed, document_number_hash, "
            "password_verifier, pin_salt, pin_verifier, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {walletId, enrollment.bankId, enrollment.fullName, enrollment.phone, enrollment.email, tier,
         kycStatus, nullIfEmpty(enrollment.dateOfBirth), nullIfEmpty(enrollment.documentType),
         nullIfEmpty(enrollment.documentCountry), documentSealed,
         enrollment.documentNumberHash.isEmpty() ? QVariant() : QVariant(enrollment.documentNumberHash),
         passwordVerifier, pinVerifier.salt, pinVerifier.mac, now});
    const DeviceCredentials device = createDevice(ctx, walletId, deviceName);
    ctx.store().exec(
        QStringLiteral("UPDATE enrollments SET status = 'completed', wallet_id = ? WHERE id = ?"),
        {walletId, enrollment.id});
    ctx.otp().discard(kPurpose, enrollment.id);
    ctx.store().audit(now, QStringLiteral("wallet.created"), walletId,
                      {{QStringLiteral("enrollment_id"), enrollment.id},
                       {QStringLiteral("device_id"), device.deviceId},
                       {QStringLiteral("tier"), tier}});
    tx.commit();
    // The Limits object of GET /v1/wallet: a new wallet has used nothing yet.
    QJsonObject limits = TierLimits::forTier(tier).toJson();
    limits.insert(QStringLiteral("used_today"), moneyJson(qint64(0)));
    limits.insert(QStringLiteral("used_this_year"), moneyJson(qint64(0)));
    return Response::created(QJsonObject{{QStringLiteral("wallet_id"), walletId},
                                         {QStringLiteral("device_id"), device.deviceId},
                                         {QStringLiteral("device_secret"), device.secretBase64},
                                         {QStringLiteral("tier"), tier},
                                         {QStringLiteral("limits"), limits}});
}

} // namespace

void addEnrollmentRoutes(Router &router, GatewayContext &ctx)
{
    router.add("POST", QStringLiteral("/v1/enrollments"), Access::Public,
               [&ctx](const Request &req) { return create(ctx, req); });
    router.add("POST", QStringLiteral("/v1/enrollments/{id}/otp/resend"), Access::Public,
               [&ctx](const Request &req) { return resend(ctx, req); });
    router.add("POST", QStringLiteral("/v1/enrollments/{id}/otp/verify"), Access::Public,
               [&ctx](const Request &req) { return verify(ctx, req); });
    router.add("POST", QStringLiteral("/v1/enrollments/{id}/identity"), Access::Public,
               [&ctx](const Request &req) { return identity(ctx, req); });
    router.add("POST", QStringLiteral("/v1/enrollments/{id}/complete"), Access::Public,
               [&ctx](const Request &req) { return complete(ctx, req); });
}

} // namespace bw::stub
