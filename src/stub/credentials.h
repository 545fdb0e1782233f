// Credentials: creating and checking a wallet's credentials, shared by every flow that touches them
// (enrollment, sign-in, new devices, PIN and password change, password reset):
// - passwords: scrypt PasswordHash records (parameters from StubConfig, stored in the record) of the
//   NFKC-normalized password (PasswordPolicy::normalize);
// - PINs: HMAC-SHA256 under the server key of salt ‖ PIN (DESIGN.md: a 6-digit space cannot be saved by a
//   slow hash; the pepper plus the lockout protect it);
// - device secrets: 32 CSPRNG bytes, returned once (base64) and stored sealed under the server key;
// - TOTP codes: checked against the wallet's sealed secret with ONE replay guard per wallet
//   (wallets.totp_last_step), so a code is accepted once for any purpose (PIN change, TOTP disable or
//   confirm, a payment).
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace bw::stub {

class GatewayContext;

struct DeviceCredentials
{
    QString deviceId;
    QString secretBase64; // the only time it exists outside the sealed column
};

struct PinVerifier
{
    QByteArray salt;
    QByteArray mac;
};

// Throws ApiError::internalError() when the CSPRNG or KDF fails.
QString makePasswordVerifier(GatewayContext &ctx, const QString &normalizedPassword);
PinVerifier makePinVerifier(GatewayContext &ctx, const QString &pin);
bool pinMatches(GatewayContext &ctx, const QString &pin, const QByteArray &salt, const QByteArray &mac);

// Inserts a device row for the wallet (call inside the caller's transaction).
DeviceCredentials createDevice(GatewayContext &ctx, const QString &walletId, const QString &name);

// A device name: trimmed, 1..100 characters, no control characters. Throws 422 parameter_invalid (param).
QString checkDeviceName(const QString &name, const QString &param = QStringLiteral("device_name"));

// Checks the wallet's password with the sign-in lockout (gateway-api.md, "Sessions"): while locked →
// 403 account_locked with locked_until; wrong → 401 invalid_credentials with attempts_remaining 4..1; the
// 5th wrong → 403 account_locked (15 minutes). A lock that has run out starts a fresh count. A right
// password clears the count. Runs and commits its own transaction (a wrong try must be kept even though
// an error is answered): call it OUTSIDE a transaction, before the route's own writes.
void checkPasswordWithLockout(GatewayContext &ctx, const QString &walletId, const QString &password);

enum class TotpVerdict {
    Accepted, // right code of a step after the wallet's last used one; that step is now the last used
    Replayed, // right code, but its step (or a later one) was already used: not a guess, never counted
    Wrong,    // wrong or malformed code: the caller counts it against its purpose
};

// Checks `code` (±1 step around ctx's now) against the wallet's TOTP secret, sealed under the server key
// (wallets.totp_secret, row `walletId`), and its replay guard `lastStep` as the caller loaded it. Accepting
// moves wallets.totp_last_step forward with a conditional UPDATE, so a step is accepted once even when the
// caller's copy of lastStep is stale. Call inside the caller's transaction (the new last step commits or
// rolls back with the route's work). Throws ApiError::internalError() when the secret cannot be opened.
TotpVerdict verifyTotpOnce(GatewayContext &ctx, const QString &walletId, const QByteArray &secretSealed,
                           std::optional<quint64> lastStep, const QString &code);

} // namespace bw::stub
