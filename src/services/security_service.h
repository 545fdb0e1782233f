// API-READY
// SecurityService: what the Security page changes about the signed-in wallet — the sign-in password, the
// payment PIN (needs a one-time code; resets the PIN failure count and unfreezes payments), the
// authenticator app (enable with a QR code and one code; disable with a TOTP or SMS code) and the devices
// that may sign in (list; revoke another one). New passwords and PINs are checked locally with bw::core's
// policies first (the same codes the gateway answers). Every secret handed in (password, PIN, code) is
// wiped once the call that needs it has been made. Needs a signed-in context; answers arrive on a later
// turn of the event loop, never from inside the call.
#pragma once

#include "gateway/gateway_types.h"
#include "services/service_context.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace bw::services {

class SecurityService : public QObject
{
    Q_OBJECT

public:
    using TotpCallback = std::function<void(ServiceResult<gateway::TotpEnrollment>)>;
    using DevicesCallback = std::function<void(ServiceResult<QList<gateway::Device>>)>;

    explicit SecurityService(ServiceContext &context, QObject *parent = nullptr);
    ~SecurityService() override;

    // POST /v1/wallet/password. The new password is checked with the password policy (the wallet's phone,
    // name and e-mail from the local profile, when known) before it is sent. Errors: invalid_credentials,
    // weak_password (kind Validation, field "new_password"), network kinds.
    void changePassword(QString currentPassword, QString newPassword, ServiceDone done);

    // POST /v1/wallet/otp: an SMS code for changing the PIN or turning the authenticator off (60 s cooldown:
    // otp_resend_too_soon).
    void requestOtp(gateway::WalletOtpPurpose purpose, ServiceDone done);

    // POST /v1/wallet/pin with the password, the new PIN (checked with the PIN policy first: weak_pin, field
    // "new_pin") and the one-time code (TOTP or the SMS code). On success payments are no longer frozen:
    // emits securityChanged().
    void changePin(QString password, QString newPin, QString otp, ServiceDone done);

    // POST /v1/wallet/totp: a new secret to show once (QR code and key). Then confirmTotp with one code from
    // the app turns it on (emits securityChanged()).
    void startTotp(TotpCallback done);
    void confirmTotp(QString code, ServiceDone done);
    // DELETE /v1/wallet/totp with a TOTP code or the SMS code (requestOtp(TotpDisable)); emits
    // securityChanged().
    void disableTotp(QString code, ServiceDone done);

    // GET /v1/devices, the current one first.
    void listDevices(DevicesCallback done);
    // DELETE /v1/devices/{id}; refuses the current device locally (kind Validation, code "current_device").
    void revokeDevice(const QString &deviceId, ServiceDone done);

Q_SIGNALS:
    // The PIN was changed (payments unfrozen) or the authenticator was turned on or off: views showing the
    // wallet's security state refresh it (WalletService::refresh()).
    void securityChanged();

private:
    // False when not signed in: `done` has then been answered (not_signed_in) on a later turn.
    template<typename Done>
    bool signedInOr(Done &done);
    // Trims the one-time code; false when none was typed: `done` has then been answered (otp_missing).
    bool codeOr(QString &code, ServiceDone &done, const QString &missingMessage);
    // A change confirmed by one code (turning the authenticator on or off): the checks above, then
    // (client.*request)(code, …) with the code wiped once sent; securityChanged() on success.
    template<typename T, typename Request>
    void sendWithCode(QString code, ServiceDone done, const QString &missingMessage, Request request);

    ServiceContext &m_context;
};

} // namespace bw::services
