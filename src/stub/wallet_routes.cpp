// /v1/wallet… (authenticated) — the customer's wallet (gateway-api.md, "Wallet and two-factor"): reading
// it, SMS codes for sensitive changes, the authenticator app (TOTP), and changing the PIN and the password.
// Balances come from the Ledger (wallet_balances).
//
// Decisions where the contract is silent (Stripe-like; listed again in the test):
// - Second factor for PIN change and TOTP disable ("otp"/"code"): a TOTP code (when TOTP is enabled) or
//   the live SMS code of that purpose (POST /v1/wallet/otp). Every wrong code, TOTP or SMS, counts against
//   the same 5 tries of that purpose (OtpService challenge ("pin_change" | "totp_disable", wallet id)); the
//   5th wrong one kills the purpose: 403 otp_attempts_exceeded for every code, right or wrong, and for
//   POST /v1/wallet/otp, for 15 minutes after the last wrong try (as the sign-in lock); then a fresh count.
//   A new SMS code does not reset the count; a successful change does. A TOTP code whose step was already
//   used (for ANY purpose: one totp_last_step per wallet) is otp_invalid and not counted (not a guess).
// - TOTP enrollment: POST /v1/wallet/totp makes a pending secret (sealed with ServerKey, never returned
//   again); calling it again replaces a pending one. While TOTP is enabled it answers 409
//   totp_already_enabled: replacing the authenticator needs the old factor, so disable first (a stolen
//   session alone must not move 2FA to the thief's phone). Confirm with no pending secret → 409
//   totp_not_pending; confirm while enabled → 409 totp_already_enabled; DELETE while not enabled → 409
//   totp_not_enabled. Wrong confirm codes count (purpose "totp_confirm", same 5 tries and lock).
// - POST /v1/wallet/pin checks, first failure wins: body fields (400/422 parameter_*), password with the
//   sign-in lockout (401 invalid_credentials / 403 account_locked), new_pin policy with the birth date
//   (422 weak_pin), then the second factor. weak_pin is checked after the password (so a session alone
//   cannot probe the birth date) and before the code (so a typo in the new PIN does not use up the SMS).
// - POST /v1/wallet/password: body, password with lockout, new_password policy (422 weak_password); success
//   ends every OTHER session of the wallet (a real bank does; the current one stays signed in).
// Audit rows name the change and the factor used, never a code, PIN, password or secret.
#include "core/password_policy.h"
#include "core/phone_validator.h"
#include "core/pin_policy.h"
#include "core/resident_id_validator.h"
#include "crypto/encoding.h"
#include "crypto/otp.h"
#include "stub/api_error.h"
#include "stub/credentials.h"
#include "stub/gateway_context.h"
#include "stub/json_fields.h"
#include "stub/ledger.h"
#include "stub/money_rules.h"
#include "stub/router.h"
#include "stub/routes.h"
#include "stub/tier_limits.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace bw::stub {

namespace {

const QString kPinChange = QStringLiteral("pin_change");
const QString kTotpDisable = QStringLiteral("totp_disable");
const QString kTotpConfirm = QStringLiteral("totp_confirm");
const QString kTotpIssuer = QStringLiteral("BankWallet");
constexpr qint64 kOtpLockSecs = 15 * 60;

struct Wallet
{
    QString id;
    QString fullName;
    QString phone; // E.164
    QString dateOfBirth;
    bool totpEnabled = false;
    QByteArray totpSecretSealed;
    std::optional<quint64> totpLastStep;
};

Wallet loadWallet(GatewayContext &ctx, const QString &walletId)
{
    QSqlQuery row = ctx.store().exec(
        QStringLiteral("SELECT full_name, phone, date_of_birth, totp_enabled, totp_secret_sealed, "
                       "totp_last_step FROM wallets WHERE id = ?"),
        {walletId});
    if (!row.next())
        throw ApiError::resourceMissing(QStringLiteral("No such wallet."));
    Wallet wallet{walletId,
                  row.value(0).toString(),
                  row.value(1).toString(),
                  row.value(2).toString(),
                  row.value(3).toInt() != 0,
                  row.value(4).toByteArray(),
                  std::nullopt};
    if (!row.value(5).isNull())
        wallet.totpLastStep = row.value(5).toULongLong();
    return wallet;
}

QString maskedPhone(const QString &e164)
{
    const auto phone = core::PhoneValidator::validate(e164);
    return phone ? phone->masked() : QStringLiteral("****");
}

QJsonObject purposeDetails(const QString &purpose)
{
    return {{QStringLiteral("purpose"), purpose}};
}

ApiError attemptsExceeded()
{
    return ApiError::authorization(QStringLiteral("otp_attempts_exceeded"),
                                   QStringLiteral("Too many wrong codes; try again later."));
}

// Inside the caller's transaction. A purpose killed by 5 wrong codes stays dead for kOtpLockSecs after
// the last wrong try (found in the audit log, which records every counted failure); after that the dead
// challenge is dropped and a fresh count starts.
std::optional<ApiError> purposeLock(GatewayContext &ctx, const QString &walletId, const QString &purpose)
{
    const auto state = ctx.otp().state(purpose, walletId);
    if (!state || !state->dead())
        return std::nullopt;
    const QVariant lastFailure = ctx.store().scalar(
        QStringLiteral("SELECT MAX(time) FROM audit_log WHERE event = 'wallet.otp_failed' AND subject = ? "
                       "AND details = ?"),
        {walletId, QStringLiteral("{\"purpose\":\"%1\"}").arg(purpose)});
    if (!lastFailure.isNull() && ctx.nowSecs() < lastFailure.toLongLong() + kOtpLockSecs)
        return attemptsExceeded();
    ctx.otp().discard(purpose, walletId);
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.otp_unlocked"), walletId,
                      purposeDetails(purpose));
    return std::nullopt;
}

// The wallet's TOTP check (credentials.h): one replay guard per wallet, for every purpose.
TotpVerdict checkTotp(GatewayContext &ctx, const Wallet &wallet, const QString &code)
{
    return verifyTotpOnce(ctx, wallet.id, wallet.totpSecretSealed, wallet.totpLastStep, code);
}

ApiError replayedCode(GatewayContext &ctx, const QString &walletId, const QString &purpose)
{
    const auto state = ctx.otp().state(purpose, walletId);
    return ApiError::authentication(QStringLiteral("otp_invalid"),
                                    QStringLiteral("The code was already used."))
        .with(QStringLiteral("attempts_remaining"),
              qMax(0, OtpService::kMaxAttempts - (state ? state->attempts : 0)));
}

// A counted wrong try: recorded in the audit log (its time starts the lock of a dead purpose).
ApiError countedFailure(GatewayContext &ctx, const Wallet &wallet, const QString &purpose)
{
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.otp_failed"), wallet.id, purposeDetails(purpose));
    return ctx.otp().countFailure(purpose, wallet.id, wallet.phone);
}

// The second factor of a sensitive change: a TOTP code or the SMS code of `purpose`. nullopt = accepted
// (the factor used in *method); otherwise the error to answer after committing (counted tries are kept).
// Call inside the route's transaction.
std::optional<ApiError> checkSecondFactor(GatewayContext &ctx, const Wallet &wallet, const QString &purpose,
                                          const QString &code, QString *method)
{
    if (auto locked = purposeLock(ctx, wallet.id, purpose))
        return locked;
    if (wallet.totpEnabled && !wallet.totpSecretSealed.isEmpty()) {
        const TotpVerdict verdict = checkTotp(ctx, wallet, code);
        if (verdict == TotpVerdict::Accepted) {
            *method = QStringLiteral("totp");
            return std::nullopt;
        }
        if (verdict == TotpVerdict::Replayed)
            return replayedCode(ctx, wallet.id, purpose);
    }
    const auto state = ctx.otp().state(purpose, wallet.id);
    // An SMS code was sent: OtpService decides (expired, used, wrong — counted — or right). With TOTP on and
    // the SMS code expired, the code can only have been a TOTP guess: counted below, never an uncounted
    // otp_expired, or TOTP guesses would be free while an old SMS challenge exists.
    if (state && state->sent && (!wallet.totpEnabled || ctx.nowSecs() <= state->expiresAt)) {
        auto error = ctx.otp().verify(purpose, wallet.id, code);
        if (!error) {
            *method = QStringLiteral("sms");
            return std::nullopt;
        }
        const auto after = ctx.otp().state(purpose, wallet.id);
        if (after && after->attempts > state->attempts)
            ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.otp_failed"), wallet.id,
                              purposeDetails(purpose));
        return error;
    }
    return countedFailure(ctx, wallet, purpose);
}

Response getWallet(GatewayContext &ctx, const Request &req)
{
    QSqlQuery row =
        ctx.store().exec(QStringLiteral("SELECT full_name, phone, tier, kyc_status, totp_enabled, "
                                        "payments_frozen FROM wallets WHERE id = ?"),
                         {req.walletId});
    if (!row.next())
        throw ApiError::resourceMissing(QStringLiteral("No such wallet."));
    const int tier = row.value(2).toInt();
    QJsonObject limits = TierLimits::forTier(tier).toJson();
    // The counters the daily and annual limits are checked against (MoneyRules: payment and transfer
    // principal, CNY, Asia/Shanghai calendar day and year), so the app shows what the next quote will see.
    const Usage usage = MoneyRules(ctx.store()).usage(req.walletId, ctx.nowSecs());
    limits.insert(QStringLiteral("used_today"), moneyJson(usage.today));
    limits.insert(QStringLiteral("used_this_year"), moneyJson(usage.year));
    // The Ledger's balance cache (wallet_balances), kept in the same transaction as every entry.
    const WalletBalance cny = Ledger(ctx.store()).balance(req.walletId);
    const QJsonObject balance{{QStringLiteral("currency"), QStringLiteral("CNY")},
                              {QStringLiteral("available"), moneyJson(cny.available)},
                              {QStringLiteral("pending"), moneyJson(cny.pending)}};
    return Response::ok(QJsonObject{{QStringLiteral("wallet_id"), req.walletId},
                                    {QStringLiteral("full_name"), row.value(0).toString()},
                                    {QStringLiteral("phone_masked"), maskedPhone(row.value(1).toString())},
                                    {QStringLiteral("tier"), tier},
                                    {QStringLiteral("kyc_status"), row.value(3).toString()},
                                    {QStringLiteral("balances"), QJsonArray{balance}},
                                    {QStringLiteral("limits"), limits},
                                    {QStringLiteral("totp_enabled"), row.value(4).toInt() != 0},
                                    {QStringLiteral("payments_frozen"), row.value(5).toInt() != 0}});
}

// POST /v1/wallet/otp {"purpose"} → 202 {"otp": {...}}: the SMS code of a sensitive change.
Response requestOtp(GatewayContext &ctx, const Request &req)
{
    const QString purpose =
        JsonFields(req.json).requireEnum(QStringLiteral("purpose"), {kPinChange, kTotpDisable});
    const Wallet wallet = loadWallet(ctx, req.walletId);
    StubStore::Transaction tx(ctx.store());
    if (auto locked = purposeLock(ctx, wallet.id, purpose))
        throw *locked;
    const auto state = ctx.otp().state(purpose, wallet.id);
    // resend() keeps the 60 s cooldown (429 otp_resend_too_soon); a placeholder (wrong TOTP codes counted
    // before any SMS) has sent nothing, so issue() sends its first code and keeps its count.
    const OtpChallenge challenge = state && state->sent ? ctx.otp().resend(purpose, wallet.id)
                                                        : ctx.otp().issue(purpose, wallet.id, wallet.phone);
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.otp_sent"), wallet.id, purposeDetails(purpose));
    tx.commit();
    return Response::accepted(QJsonObject{{QStringLiteral("otp"), challenge.toJson()}});
}

// POST /v1/wallet/totp → 200 {"secret_base32", "otpauth_uri"}: a new pending secret.
Response startTotp(GatewayContext &ctx, const Request &req)
{
    const Wallet wallet = loadWallet(ctx, req.walletId);
    if (wallet.totpEnabled)
        throw ApiError::conflict(QStringLiteral("totp_already_enabled"),
                                 QStringLiteral("Two-factor is on; turn it off before enrolling again."));
    auto secret = crypto::generateOtpSecret();
    if (!secret)
        throw ApiError::internalError();
    // The account label is the masked phone: enough for the customer to tell wallets apart in the app,
    // nothing more of their data on their phone's screen.
    const auto uri = crypto::otpauthUri(kTotpIssuer, maskedPhone(wallet.phone), secret.value().view());
    if (!uri)
        throw ApiError::internalError();
    const QByteArray sealed = ctx.key().seal(secret.value().view(), QStringLiteral("wallets"),
                                             QStringLiteral("totp_secret"), wallet.id);
    StubStore::Transaction tx(ctx.store());
    // A new secret starts a new replay guard: steps of the old secret say nothing about the new one.
    ctx.store().exec(QStringLiteral("UPDATE wallets SET totp_secret_sealed = ?, totp_enabled = 0, "
                                    "totp_last_step = NULL WHERE id = ? AND totp_enabled = 0"),
                     {sealed, wallet.id});
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.totp_started"), wallet.id);
    tx.commit();
    return Response::ok(QJsonObject{{QStringLiteral("secret_base32"),
                                     crypto::base32Encode(secret.value().view(), crypto::Padding::Without)},
                                    {QStringLiteral("otpauth_uri"), uri.value()}});
}

// POST /v1/wallet/totp/confirm {"code"} → 200 {"totp_enabled": true}.
Response confirmTotp(GatewayContext &ctx, const Request &req)
{
    const QString code = JsonFields(req.json).requireString(QStringLiteral("code"));
    const Wallet wallet = loadWallet(ctx, req.walletId);
    if (wallet.totpEnabled)
        throw ApiError::conflict(QStringLiteral("totp_already_enabled"),
                                 QStringLiteral("Two-factor is on already."));
    if (wallet.totpSecretSealed.isEmpty())
        throw ApiError::conflict(QStringLiteral("totp_not_pending"),
                                 QStringLiteral("Start two-factor enrollment first (POST /v1/wallet/totp)."));
    StubStore::Transaction tx(ctx.store());
    if (auto locked = purposeLock(ctx, wallet.id, kTotpConfirm))
        throw *locked;
    const TotpVerdict verdict = checkTotp(ctx, wallet, code);
    if (verdict == TotpVerdict::Replayed)
        throw replayedCode(ctx, wallet.id, kTotpConfirm);
    if (verdict == TotpVerdict::Wrong) {
        const ApiError error = countedFailure(ctx, wallet, kTotpConfirm);
        tx.commit();
        throw error;
    }
    ctx.store().exec(QStringLiteral("UPDATE wallets SET totp_enabled = 1 WHERE id = ?"), {wallet.id});
    ctx.otp().discard(kTotpConfirm, wallet.id);
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.totp_enabled"), wallet.id);
    tx.commit();
    return Response::ok(QJsonObject{{QStringLiteral("totp_enabled"), true}});
}

// DELETE /v1/wallet/totp {"code"} → 204.
Response disableTotp(GatewayContext &ctx, const Request &req)
{
    const QString code = JsonFields(req.json).requireString(QStringLiteral("code"));
    const Wallet wallet = loadWallet(ctx, req.walletId);
    if (!wallet.totpEnabled)
        throw ApiError::conflict(QStringLiteral("totp_not_enabled"), QStringLiteral("Two-factor is not on."));
    StubStore::Transaction tx(ctx.store());
    QString method;
    if (auto error = checkSecondFactor(ctx, wallet, kTotpDisable, code, &method)) {
        tx.commit(); // keep the counted wrong try
        throw *error;
    }
    ctx.store().exec(
        QStringLiteral("UPDATE wallets SET totp_enabled = 0, totp_secret_sealed = NULL WHERE id = ?"),
        {wallet.id});
    ctx.otp().discard(kTotpDisable, wallet.id);
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.totp_disabled"), wallet.id,
                      {{QStringLiteral("second_factor"), method}});
    tx.commit();
    return Response::noContent();
}

// POST /v1/wallet/pin {"password", "new_pin", "otp"} → 204. Check order: see the file comment.
Response changePin(GatewayContext &ctx, const Request &req)
{
    const JsonFields body(req.json);
    const QString password = body.requireString(QStringLiteral("password"));
    const QString newPin = body.requireString(QStringLiteral("new_pin"));
    const QString code = body.requireString(QStringLiteral("otp"));

    checkPasswordWithLockout(ctx, req.walletId, password); // commits its own count
    const Wallet wallet = loadWallet(ctx, req.walletId);
    const auto checkedPin =
        core::PinPolicy::check(newPin, core::ResidentIdValidator::parseIsoDate(wallet.dateOfBirth));
    if (!checkedPin)
        throw ApiError::invalidField(checkedPin.codeString(), QStringLiteral("new_pin"),
                                     QStringLiteral("The PIN is too easy to guess."));
    const PinVerifier verifier = makePinVerifier(ctx, checkedPin.value());

    StubStore::Transaction tx(ctx.store());
    QString method;
    if (auto error = checkSecondFactor(ctx, wallet, kPinChange, code, &method)) {
        tx.commit(); // keep the counted wrong try
        throw *error;
    }
    ctx.store().exec(QStringLiteral("UPDATE wallets SET pin_salt = ?, pin_verifier = ?, pin_failures = 0, "
                                    "payments_frozen = 0 WHERE id = ?"),
                     {verifier.salt, verifier.mac, wallet.id});
    ctx.otp().discard(kPinChange, wallet.id);
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.pin_changed"), wallet.id,
                      {{QStringLiteral("second_factor"), method}});
    tx.commit();
    return Response::noContent();
}

// POST /v1/wallet/password {"password", "new_password"} → 204; the wallet's other sessions end.
Response changePassword(GatewayContext &ctx, const Request &req)
{
    const JsonFields body(req.json);
    const QString password = body.requireString(QStringLiteral("password"));
    const QString newPassword = body.requireString(QStringLiteral("new_password"));

    checkPasswordWithLockout(ctx, req.walletId, password); // commits its own count
    const Wallet wallet = loadWallet(ctx, req.walletId);
    const auto checked = core::PasswordPolicy::check(newPassword, wallet.phone, wallet.fullName);
    if (!checked)
        throw ApiError::invalidField(QStringLiteral("weak_password"), QStringLiteral("new_password"),
                                     QStringLiteral("The password does not meet the password rules."));
    // The slow KDF runs before the transaction takes the write lock.
    const QString verifier = makePasswordVerifier(ctx, checked.value());

    StubStore::Transaction tx(ctx.store());
    ctx.store().exec(QStringLiteral("UPDATE wallets SET password_verifier = ? WHERE id = ?"),
                     {verifier, wallet.id});
    const QSqlQuery ended = ctx.store().exec(
        QStringLiteral("UPDATE sessions SET ended = 1 WHERE wallet_id = ? AND id <> ? AND ended = 0"),
        {wallet.id, req.sessionId});
    ctx.store().audit(ctx.nowSecs(), QStringLiteral("wallet.password_changed"), wallet.id,
                      {{QStringLiteral("sessions_ended"), ended.numRowsAffected()}});
    tx.commit();
    return Response::noContent();
}

} // namespace

void addWalletRoutes(Router &router, GatewayContext &ctx)
{
    const auto route = [&](const QByteArray &method, const QString &path,
                           Response (*handler)(GatewayContext &, const Request &)) {
        router.add(method, path, Access::Authenticated,
                   [&ctx, handler](const Request &req) { return handler(ctx, req); });
    };
    route("GET", QStringLiteral("/v1/wallet"), getWallet);
    route("POST", QStringLiteral("/v1/wallet/otp"), requestOtp);
    route("POST", QStringLiteral("/v1/wallet/totp"), startTotp);
    route("POST", QStringLiteral("/v1/wallet/totp/confirm"), confirmTotp);
    route("DELETE", QStringLiteral("/v1/wallet/totp"), disableTotp);
    route("POST", QStringLiteral("/v1/wallet/pin"), changePin);
    route("POST", QStringLiteral("/v1/wallet/password"), changePassword);
}

} // namespace bw::stub
