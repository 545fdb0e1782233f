// /v1/devices… — adding a device to a wallet (a new desktop, or a lost keychain), listing and revoking
// devices (gateway-api.md, "Devices").
//
// Adding a device needs an SMS code AND the password, checked in this order, first failure wins:
//   1. shape: phone, password, code, device_name present strings (400 parameter_missing / 422
//      parameter_invalid), phone format (422 invalid_phone), device_name (422 parameter_invalid);
//   2. the SMS code (OtpService rules as in enrollment: otp_invalid with attempts_remaining, then
//      otp_attempts_exceeded; otp_expired) — so a guessed password cannot even be tested without the code
//      sent to the customer's phone;
//   3. the password with the sign-in lockout, one counter shared with POST /v1/sessions
//      (checkPasswordWithLockout: invalid_credentials with attempts_remaining, then account_locked).
// The code is consumed only when the device is created: a customer who mistypes the password may retry
// with the same code (the password lockout bounds those tries).
//
// No enumeration: the code challenge belongs to the PHONE NUMBER (subject = E.164), for registered and
// unknown phones alike. POST /v1/devices/otp answers 202 {} for both and keeps the same 60 s cooldown; for
// an unknown phone the challenge stores a code nobody receives (OtpService deliver=false), so POST
// /v1/devices with an unknown phone fails exactly like a wrong code (401 otp_invalid, counted, then 403
// otp_attempts_exceeded) and never reaches the password step.
//
// A challenge killed by 5 wrong codes stays dead (403 otp_attempts_exceeded, also for new code requests)
// until kDeadChallengeSecs after its last code was sent; then a code request starts a fresh count.
//
// Revoking: DELETE /v1/devices/{id} revokes ANOTHER active device of the same wallet (revoked_at set, its
// sessions end, its signatures become device_unknown). Revoking the calling device itself is refused with
// 422 parameter_invalid (param "id") — a bank makes the customer revoke a lost device from one they still
// hold, and sign out (DELETE /v1/sessions/current) ends their own session. An unknown, revoked or other
// wallet's device → 404 resource_missing (no difference between them).
#include "core/phone_validator.h"
#include "stub/api_error.h"
#include "stub/clock.h"
#include "stub/credentials.h"
#include "stub/gateway_context.h"
#include "stub/json_fields.h"
#include "stub/router.h"
#include "stub/routes.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace bw::stub {

namespace {

const QString kPurpose = QStringLiteral("device");
constexpr qint64 kDeadChallengeSecs = 15 * 60; // as long as the password lock

QString checkedPhone(const QString &text)
{
    const auto phone = core::PhoneValidator::validate(text);
    if (!phone)
        throw ApiError::invalidField(phone.codeString(), QStringLiteral("phone"),
                                     QStringLiteral("Not a valid mobile number in international form."));
    return phone->e164();
}

QString walletOfPhone(GatewayContext &ctx, const QString &e164)
{
    return ctx.store().scalar(QStringLiteral("SELECT id FROM wallets WHERE phone = ?"), {e164}).toString();
}

Response requestCode(GatewayContext &ctx, const Request &req)
{
    const QString phone = checkedPhone(JsonFields(req.json).requireString(QStringLiteral("phone")));
    const qint64 now = ctx.nowSecs();

    StubStore::Transaction tx(ctx.store());
    const QString walletId = walletOfPhone(ctx, phone);
    QSqlQuery row = ctx.store().exec(
        QStringLiteral("SELECT attempts, sent_at FROM otps WHERE purpose = ? AND subject_id = ?"),
        {kPurpose, phone});
    if (row.next()) {
        const int attempts = row.value(0).toInt();
        const qint64 sentAt = row.value(1).toLongLong();
        row.finish();
        if (attempts >= OtpService::kMaxAttempts) {
            if (now < sentAt + kDeadChallengeSecs)
                throw ApiError::authorization(QStringLiteral("otp_attempts_exceeded"),
                                              QStringLiteral("Too many wrong codes; try again later."));
            ctx.otp().discard(kPurpose, phone); // the dead time is over: a fresh count
        } else if (now < sentAt + OtpService::kResendCooldownSecs) {
            throw ApiError::rateLimited(QStringLiteral("otp_resend_too_soon"),
                                        QStringLiteral("Wait before asking for another code."),
                                        sentAt + OtpService::kResendCooldownSecs - now);
        }
    }
    // issue() keeps the wrong-try count of a live challenge; deliver=false for an unknown phone.
    ctx.otp().issue(kPurpose, phone, phone, QStringLiteral("sms"), !walletId.isEmpty());
    if (!walletId.isEmpty())
        ctx.store().audit(now, QStringLiteral("device.code_sent"), walletId);
    else
        ctx.store().audit(now, QStringLiteral("device.code_unknown_phone"), maskDestination(phone));
    tx.commit();
    return Response::accepted(QJsonObject{});
}

Response addDevice(GatewayContext &ctx, const Request &req)
{
    const JsonFields body(req.json);
    const QString phoneText = body.requireString(QStringLiteral("phone"));
    const QString password = body.requireString(QStringLiteral("password"));
    const QString code = body.requireString(QStringLiteral("code"));
    const QString nameText = body.requireString(QStringLiteral("device_name"));
    const QString phone = checkedPhone(phoneText);
    const QString deviceName = checkDeviceName(nameText);

    // 2. The code. Checked in a transaction that is kept only for a wrong try (the count); on success it
    // is rolled back, so the code stays usable until the password is also right.
    {
        StubStore::Transaction tx(ctx.store());
        if (const auto error = ctx.otp().verify(kPurpose, phone, code)) {
            tx.commit();
            throw *error;
        }
    }
    // Only a delivered code can be right, so the phone belongs to a wallet here.
    const QString walletId = walletOfPhone(ctx, phone);
    if (walletId.isEmpty())
        throw ApiError::internalError();

    // 3. The password, with the sign-in lockout (its own transaction).
    checkPasswordWithLockout(ctx, walletId, password);

    StubStore::Transaction tx(ctx.store());
    if (const auto error = ctx.otp().verify(kPurpose, phone, code)) { // now consumed
        tx.commit();
        throw *error;
    }
    const DeviceCredentials device = createDevice(ctx, walletId, deviceName);
    ctx.otp().discard(kPurpose, phone);
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("device.added"), walletId,
                      {{QStringLiteral("device_id"), device.deviceId}});
    tx.commit();
    return Response::created(QJsonObject{{QStringLiteral("wallet_id"), walletId},
                                         {QStringLiteral("device_id"), device.deviceId},
                                         {QStringLiteral("device_secret"), device.secretBase64}});
}

Response listDevices(GatewayContext &ctx, const Request &req)
{
    QSqlQuery rows =
        ctx.store().exec(QStringLiteral("SELECT id, name, created_at, last_seen_at FROM devices "
                                        "WHERE wallet_id = ? AND revoked_at IS NULL ORDER BY created_at, id"),
                         {req.walletId});
    QJsonArray data;
    while (rows.next()) {
        const QString id = rows.value(0).toString();
        const qint64 created = rows.value(2).toLongLong();
        // A device that never signed a request was last seen when it was added.
        const qint64 seen = rows.value(3).isNull() ? created : rows.value(3).toLongLong();
        data.append(QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("name"), rows.value(1).toString()},
                                {QStringLiteral("created_at"), toRfc3339(created)},
                                {QStringLiteral("last_seen_at"), toRfc3339(seen)},
                                {QStringLiteral("current"), id == req.deviceId}});
    }
    return Response::ok(QJsonObject{{QStringLiteral("data"), data}});
}

Response revokeDevice(GatewayContext &ctx, const Request &req)
{
    const QString id = req.param(QStringLiteral("id"));
    StubStore::Transaction tx(ctx.store());
    const bool exists = ctx.store()
                            .scalar(QStringLiteral("SELECT 1 FROM devices WHERE id = ? AND wallet_id = ? "
                                                   "AND revoked_at IS NULL"),
                                    {id, req.walletId})
                            .isValid();
    if (!exists)
        throw ApiError::resourceMissing(QStringLiteral("No such device."), QStringLiteral("id"));
    if (id == req.deviceId)
        throw ApiError::parameterInvalid(
            QStringLiteral("id"),
            QStringLiteral("This is the device making the request; revoke it from another device, or sign "
                           "out."));
    const qint64 now = ctx.nowSecs();
    ctx.store().exec(QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ?"), {now, id});
    ctx.store().exec(QStringLiteral("UPDATE sessions SET ended = 1 WHERE device_id = ?"), {id});
    ctx.store().audit(now, QStringLiteral("device.revoked"), req.walletId,
                      {{QStringLiteral("device_id"), id}, {QStringLiteral("by_device_id"), req.deviceId}});
    tx.commit();
    return Response::noContent();
}

} // namespace

void addDeviceRoutes(Router &router, GatewayContext &ctx)
{
    router.add("POST", QStringLiteral("/v1/devices/otp"), Access::Public,
               [&ctx](const Request &req) { return requestCode(ctx, req); });
    router.add("POST", QStringLiteral("/v1/devices"), Access::Public,
               [&ctx](const Request &req) { return addDevice(ctx, req); });
    router.add("GET", QStringLiteral("/v1/devices"), Access::Authenticated,
               [&ctx](const Request &req) { return listDevices(ctx, req); });
    router.add("DELETE", QStringLiteral("/v1/devices/{id}"), Access::Authenticated,
               [&ctx](const Request &req) { return revokeDevice(ctx, req); });
}

} // namespace bw::stub
