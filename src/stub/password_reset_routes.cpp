// /v1/password-resets… — a forgotten password (gateway-api.md, "Password reset"). Public; the SMS code
// proves the phone, the identity document (when the wallet has one on file) proves the person.
//
// Statuses: phone_unverified → phone_verified → completed. A completed reset, and any reset older than
// kLifetimeSecs, is gone for the API (404 resource_missing), so a reset cannot be completed twice.
//
// No enumeration: POST /v1/password-resets answers 202 {"reset_id", "otp"} with the same shape for every
// phone; for an unknown phone the reset has no wallet and its code is delivered to nobody
// (OtpService deliver=false), so verify fails exactly like a wrong code (401 otp_invalid, counted, then
// 403 otp_attempts_exceeded) and complete answers what it answers for any unverified reset.
// Starting a reset sends an SMS: within 60 s of the last reset code sent to the same phone a new reset is
// refused with 429 otp_resend_too_soon (registered and unknown phones alike), so the endpoint cannot be
// used to flood a phone with messages.
//
// Verify: the code first (OTP rules as in enrollment); only when it is proven, for a wallet with an
// identity document on file (identity verified, or in review), the document_number given when the reset
// started must match the stored keyed hash (ServerKey::mac("document", number), compared in constant
// time) — otherwise 422 document_mismatch (param document_number). The code is then used up: the reset
// stays unverified and a new code (resend) is needed for another try.
//
// Complete before the phone is verified → 409 enrollment_incomplete (the contract's code for "an earlier
// step is missing"). The state is checked before the password policy, so an unverified reset learns
// nothing about the wallet (the policy looks at the wallet's phone and name).
#include "core/password_policy.h"
#include "core/phone_validator.h"
#include "crypto/constant_time.h"
#include "stub/api_error.h"
#include "stub/credentials.h"
#include "stub/gateway_context.h"
#include "stub/ids.h"
#include "stub/json_fields.h"
#include "stub/router.h"
#include "stub/routes.h"

#include <QSqlQuery>

namespace bw::stub {

namespace {

const QString kPurpose = QStringLiteral("password_reset");
constexpr qint64 kLifetimeSecs = 30 * 60;

struct PasswordReset
{
    QString id;
    QString phone;
    QString walletId; // empty for an unknown phone
    QByteArray documentHash;
    QString status;
};

PasswordReset loadReset(GatewayContext &ctx, const QString &id)
{
    QSqlQuery row = ctx.store().exec(QStringLiteral("SELECT id, phone, wallet_id, document_number_hash, "
                                                    "status, created_at FROM password_resets WHERE id = ?"),
                                     {id});
    if (!row.next() || row.value(4).toString() == QLatin1String("completed") ||
        ctx.nowSecs() > row.value(5).toLongLong() + kLifetimeSecs)
        throw ApiError::resourceMissing(QStringLiteral("No such password reset."), QStringLiteral("id"));
    return PasswordReset{row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                         row.value(3).toByteArray(), row.value(4).toString()};
}

// The same normalization as the identity step: resident IDs upper-case their X, passports are upper case.
QByteArray documentHash(GatewayContext &ctx, const QString &number)
{
    return ctx.key().mac(QStringLiteral("document"), number.trimmed().toUpper().toUtf8());
}

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

Response create(GatewayContext &ctx, const Request &req)
{
    const JsonFields body(req.json);
    const QString phoneText = body.requireString(QStringLiteral("phone"));
    const std::optional<QString> documentNumber = body.optionalString(QStringLiteral("document_number"));
    const auto phone = core::PhoneValidator::validate(phoneText);
    if (!phone)
        throw ApiError::invalidField(phone.codeString(), QStringLiteral("phone"),
                                     QStringLiteral("Not a valid mobile number in international form."));
    const QString e164 = phone->e164();
    const qint64 now = ctx.nowSecs();

    StubStore::Transaction tx(ctx.store());
    const QVariant lastSent = ctx.store().scalar(
        QStringLiteral("SELECT MAX(sent_at) FROM otps WHERE purpose = ? AND destination = ?"),
        {kPurpose, e164});
    if (!lastSent.isNull() && now < lastSent.toLongLong() + OtpService::kResendCooldownSecs)
        throw ApiError::rateLimited(QStringLiteral("otp_resend_too_soon"),
                                    QStringLiteral("Wait before asking for another code."),
                                    lastSent.toLongLong() + OtpService::kResendCooldownSecs - now);
    const QString walletId =
        ctx.store().scalar(QStringLiteral("SELECT id FROM wallets WHERE phone = ?"), {e164}).toString();
    const QString id = newId(QStringLiteral("rst_"));
    ctx.store().exec(
        QStringLiteral("INSERT INTO password_resets (id, phone, wallet_id, document_number_hash, "
                       "status, created_at) VALUES (?, ?, ?, ?, 'phone_unverified', ?)"),
        {id, e164, walletId.isEmpty() ? QVariant() : QVariant(walletId),
         documentNumber ? QVariant(documentHash(ctx, *documentNumber)) : QVariant(), now});
    const OtpChallenge otp = ctx.otp().issue(kPurpose, id, e164, QStringLiteral("sms"), !walletId.isEmpty());
    ctx.store().audit(now, QStringLiteral("password_reset.created"), id,
                      {{QStringLiteral("wallet_id"), walletId.isEmpty() ? QJsonValue() : walletId}});
    tx.commit();
    return Response::accepted(
        QJsonObject{{QStringLiteral("reset_id"), id}, {QStringLiteral("otp"), otp.toJson()}});
}

Response resend(GatewayContext &ctx, const Request &req)
{
    const PasswordReset reset = loadReset(ctx, req.param(QStringLiteral("id")));
    StubStore::Transaction tx(ctx.store());
    const OtpChallenge otp = ctx.otp().resend(kPurpose, reset.id);
    tx.commit();
    return Response::ok(QJsonObject{{QStringLiteral("otp"), otp.toJson()}});
}

Response verify(GatewayContext &ctx, const Request &req)
{
    const PasswordReset reset = loadReset(ctx, req.param(QStringLiteral("id")));
    const QString code = JsonFields(req.json).requireString(QStringLiteral("code"));
    StubStore::Transaction tx(ctx.store());
    if (const auto error = ctx.otp().verify(kPurpose, reset.id, code)) {
        tx.commit(); // keep the counted wrong try
        throw *error;
    }
    // The code is proven (so the phone belongs to a wallet: an unknown phone's code is never right).
    const QVariant stored = ctx.store().scalar(
        QStringLiteral("SELECT document_number_hash FROM wallets WHERE id = ?"), {reset.walletId});
    const QByteArray walletDocument = stored.toByteArray();
    if (!walletDocument.isEmpty() &&
        (reset.documentHash.isEmpty() || !crypto::constantTimeEquals(reset.documentHash, walletDocument))) {
        ctx.store().audit(ctx.nowSecs(), QStringLiteral("password_reset.document_mismatch"), reset.id,
                          {{QStringLiteral("wallet_id"), reset.walletId}});
        tx.commit(); // the code is used up
        throw ApiError::invalidField(QStringLiteral("document_mismatch"), QStringLiteral("document_number"),
                                     QStringLiteral("The identity document does not match the wallet."));
    }
    ctx.store().exec(QStringLiteral("UPDATE password_resets SET status = 'phone_verified' WHERE id = ?"),
                     {reset.id});
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("password_reset.verified"), reset.id,
                      {{QStringLiteral("wallet_id"), reset.walletId}});
    tx.commit();
    return Response::ok(QJsonObject{{QStringLiteral("status"), QStringLiteral("phone_verified")}});
}

Response complete(GatewayContext &ctx, const Request &req)
{
    const PasswordReset reset = loadReset(ctx, req.param(QStringLiteral("id")));
    const QString password = JsonFields(req.json).requireString(QStringLiteral("new_password"));
    if (reset.status != QLatin1String("phone_verified"))
        throw ApiError::conflict(QStringLiteral("enrollment_incomplete"),
                                 QStringLiteral("Verify the code first."));
    QSqlQuery row = ctx.store().exec(QStringLiteral("SELECT phone, full_name FROM wallets WHERE id = ?"),
                                     {reset.walletId});
    if (!row.next())
        throw ApiError::resourceMissing(QStringLiteral("No such password reset."), QStringLiteral("id"));
    const QString phone = row.value(0).toString();
    const QString fullName = row.value(1).toString();
    row.finish();

    const auto checked = core::PasswordPolicy::check(password, phone, fullName);
    if (!checked || hasControlCharacter(password))
        throw ApiError::invalidField(QStringLiteral("weak_password"), QStringLiteral("new_password"),
                                     QStringLiteral("The password does not meet the password rules."));
    // The slow KDF runs before the transaction takes the write lock.
    const QString verifier = makePasswordVerifier(ctx, checked.value());

    StubStore::Transaction tx(ctx.store());
    const qint64 now = ctx.nowSecs();
    ctx.store().exec(QStringLiteral("UPDATE wallets SET password_verifier = ?, password_failures = 0, "
                                    "locked_until = NULL WHERE id = ?"),
                     {verifier, reset.walletId});
    ctx.store().exec(QStringLiteral("UPDATE sessions SET ended = 1 WHERE wallet_id = ?"), {reset.walletId});
    ctx.store().exec(QStringLiteral("UPDATE password_resets SET status = 'completed' WHERE id = ?"),
                     {reset.id});
    ctx.otp().discard(kPurpose, reset.id);
    ctx.store().audit(now, QStringLiteral("wallet.password_reset"), reset.walletId,
                      {{QStringLiteral("reset_id"), reset.id}});
    tx.commit();
    return Response::noContent();
}

} // namespace

void addPasswordResetRoutes(Router &router, GatewayContext &ctx)
{
    router.add("POST", QStringLiteral("/v1/password-resets"), Access::Public,
               [&ctx](const Request &req) { return create(ctx, req); });
    router.add("POST", QStringLiteral("/v1/password-resets/{id}/otp/resend"), Access::Public,
               [&ctx](const Request &req) { return resend(ctx, req); });
    router.add("POST", QStringLiteral("/v1/password-resets/{id}/verify"), Access::Public,
               [&ctx](const Request &req) { return verify(ctx, req); });
    router.add("POST", QStringLiteral("/v1/password-resets/{id}/complete"), Access::Public,
               [&ctx](const Request &req) { return complete(ctx, req); });
}

} // namespace bw::stub
