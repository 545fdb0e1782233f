#include "stub/credentials.h"

#include "core/password_policy.h"
#include "crypto/constant_time.h"
#include "crypto/encoding.h"
#include "crypto/otp.h"
#include "crypto/password_hash.h"
#include "crypto/random.h"
#include "stub/api_error.h"
#include "stub/clock.h"
#include "stub/gateway_context.h"
#include "stub/ids.h"

#include <QSqlQuery>

namespace bw::stub {

namespace {
constexpr int kMaxPasswordFailures = 5;
constexpr qint64 kLockSecs = 15 * 60;

bool hasControlCharacter(const QString &text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}
} // namespace

QString makePasswordVerifier(GatewayContext &ctx, const QString &normalizedPassword)
{
    QByteArray utf8 = normalizedPassword.toUtf8();
    auto hash = crypto::PasswordHash::createScrypt(utf8, ctx.config().scrypt);
    crypto::secureWipe(utf8);
    if (!hash)
        throw ApiError::internalError();
    return hash.value().toString();
}

PinVerifier makePinVerifier(GatewayContext &ctx, const QString &pin)
{
    const auto salt = crypto::random16();
    if (!salt)
        throw ApiError::internalError();
    QByteArray input = salt.value() + pin.toUtf8();
    PinVerifier verifier{salt.value(), ctx.key().mac(QStringLiteral("pin"), input)};
    crypto::secureWipe(input);
    return verifier;
}

bool pinMatches(GatewayContext &ctx, const QString &pin, const QByteArray &salt, const QByteArray &mac)
{
    QByteArray input = salt + pin.toUtf8();
    const bool same = crypto::constantTimeEquals(ctx.key().mac(QStringLiteral("pin"), input), mac);
    crypto::secureWipe(input);
    return same;
}

DeviceCredentials createDevice(GatewayContext &ctx, const QString &walletId, const QString &name)
{
    auto secret = crypto::randomBytes(32);
    if (!secret)
        throw ApiError::internalError();
    DeviceCredentials credentials{newId(QStringLiteral("dev_")), crypto::base64Encode(secret.value())};
    const QByteArray sealed = ctx.key().seal(secret.value(), QStringLiteral("devices"),
                                             QStringLiteral("secret"), credentials.deviceId);
    crypto::secureWipe(secret.value());
    ctx.store().run(QStringLiteral("INSERT INTO devices (id, wallet_id, name, secret_sealed, created_at) "
                                   "VALUES (?, ?, ?, ?, ?)"),
                    {credentials.deviceId, walletId, name, sealed, ctx.nowSecs()});
    return credentials;
}

QString checkDeviceName(const QString &name, const QString &param)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 100 || hasControlCharacter(trimmed))
        throw ApiError::parameterInvalid(param, QStringLiteral("A device name has 1 to 100 characters."));
    return trimmed;
}

void checkPasswordWithLockout(GatewayContext &ctx, const QString &walletId, const QString &password)
{
    StubStore &store = ctx.store();
    const qint64 now = ctx.nowSecs();
    StubStore::Query row = store.query(
        QStringLiteral("SELECT password_verifier, password_failures, locked_until FROM wallets WHERE id = ?"),
        {walletId});
    if (!row.next())
        throw ApiError::authentication(QStringLiteral("invalid_credentials"),
                                       QStringLiteral("Wrong password."));
    const QString record = row.value(0).toString();
    int failures = row.value(1).toInt();
    const QVariant lockedUntil = row.value(2);
    row.finish();

    const auto locked = [](qint64 until) {
        return ApiError::authorization(QStringLiteral("account_locked"),
                                       QStringLiteral("Too many wrong passwords; try again later."))
            .with(QStringLiteral("locked_until"), toRfc3339(until));
    };
    if (!lockedUntil.isNull() && now < lockedUntil.toLongLong())
        throw locked(lockedUntil.toLongLong());
    if (!lockedUntil.isNull())
        failures = 0; // the lock has run out: a fresh count

    bool match = false;
    if (!hasControlCharacter(password)) {
        QByteArray utf8 = core::PasswordPolicy::normalize(password).toUtf8();
        const auto verdict = crypto::PasswordHash::verify(utf8, record);
        crypto::secureWipe(utf8);
        if (!verdict)
            throw ApiError::internalError();
        match = verdict.value() == crypto::PasswordVerdict::Match;
    }

    StubStore::Transaction tx(store);
    if (match) {
        store.run(
            QStringLiteral("UPDATE wallets SET password_failures = 0, locked_until = NULL WHERE id = ?"),
            {walletId});
        tx.commit();
        return;
    }
    ++failures;
    if (failures >= kMaxPasswordFailures) {
        const qint64 until = now + kLockSecs;
        store.run(QStringLiteral("UPDATE wallets SET password_failures = ?, locked_until = ? WHERE id = ?"),
                  {failures, until, walletId});
        store.audit(now, QStringLiteral("wallet.locked"), walletId,
                    {{QStringLiteral("until"), toRfc3339(until)}});
        tx.commit();
        throw locked(until);
    }
    store.run(QStringLiteral("UPDATE wallets SET password_failures = ?, locked_until = NULL WHERE id = ?"),
              {failures, walletId});
    store.audit(now, QStringLiteral("wallet.password_failed"), walletId);
    tx.commit();
    throw ApiError::authentication(QStringLiteral("invalid_credentials"), QStringLiteral("Wrong password."))
        .with(QStringLiteral("attempts_remaining"), kMaxPasswordFailures - failures);
}

TotpVerdict verifyTotpOnce(GatewayContext &ctx, const QString &walletId, const QByteArray &secretSealed,
                           std::optional<quint64> lastStep, const QString &code)
{
    const crypto::SecretBytes secret =
        ctx.key().open(secretSealed, QStringLiteral("wallets"), QStringLiteral("totp_secret"), walletId);
    const auto match = crypto::verifyTotp(secret.view(), code, ctx.nowSecs(), lastStep);
    if (match) {
        const qint64 step = qint64(match.value().step);
        const QSqlQuery moved =
            ctx.store().exec(QStringLiteral("UPDATE wallets SET totp_last_step = ? WHERE id = ? AND "
                                            "(totp_last_step IS NULL OR totp_last_step < ?)"),
                             {step, walletId, step});
        return moved.numRowsAffected() == 1 ? TotpVerdict::Accepted : TotpVerdict::Replayed;
    }
    switch (match.error()) {
    case crypto::CryptoError::OtpReplayed:
        return TotpVerdict::Replayed;
    case crypto::CryptoError::OtpMismatch:
    case crypto::CryptoError::MalformedOtpCode:
        return TotpVerdict::Wrong;
    default:
        throw ApiError::internalError();
    }
}

} // namespace bw::stub
