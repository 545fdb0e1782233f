#include "services/security_service.h"

#include "core/password_policy.h"
#include "core/pin_policy.h"
#include "crypto/secret_bytes.h"
#include "services/service_calls_p.h"
#include "storage/database_worker.h"
#include "storage/profile_store.h"

#include <QCoreApplication>
#include <QPointer>

#include <algorithm>
#include <optional>

namespace bw::services {

using detail::answerLater;
using detail::holdSecret;
using detail::relayResult;

namespace {

ServiceError notSignedIn()
{
    return ServiceError::state(QStringLiteral("not_signed_in"),
                               QCoreApplication::translate("bw::services::SecurityService",
                                                           "Sign in to change your security settings."));
}

ServiceError missing(const QString &code, const QString &message)
{
    return ServiceError::state(code, message);
}

// A gateway answer whose value is not needed: success or the error (onSuccess first, while `owner` lives).
template<typename T = gateway::NoContent>
gateway::Callback<T> relayDone(QObject *owner, ServiceDone done, std::function<void()> onSuccess = {})
{
    return [self = QPointer<QObject>(owner), done = std::move(done),
            onSuccess = std::move(onSuccess)](gateway::Result<T> result) {
        if (!self)
            return;
        if (result && onSuccess)
            onSuccess();
        if (done)
            done(result ? ServiceError{} : ServiceError::fromGateway(result.error()));
    };
}

struct Contact
{
    QString phone;
    QString fullName;
};

} // namespace

SecurityService::SecurityService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

SecurityService::~SecurityService() = default;

template<typename Done>
bool SecurityService::signedInOr(Done &done)
{
    if (m_context.isSignedIn())
        return true;
    answerLater(this, std::move(done), notSignedIn());
    return false;
}

bool SecurityService::codeOr(QString &code, ServiceDone &done, const QString &missingMessage)
{
    if (QString trimmed = code.trimmed(); trimmed.size() != code.size()) {
        crypto::secureWipe(code); // the untrimmed buffer is not left behind unwiped
        code = std::move(trimmed);
    }
    if (!code.isEmpty())
        return true;
    answerLater(this, std::move(done), missing(QStringLiteral("otp_missing"), missingMessage));
    return false;
}

template<typename T, typename Request>
void SecurityService::sendWithCode(QString code, ServiceDone done, const QString &missingMessage,
                                   Request request)
{
    auto held = holdSecret(std::move(code));
    if (!signedInOr(done) || !codeOr(*held, done, missingMessage))
        return;
    QPointer<SecurityService> self(this);
    (m_context.gateway().*
     request)(*held, relayDone<T>(this, std::move(done), [self] { Q_EMIT self->securityChanged(); }));
    // The client has serialized the body: our copy goes now.
    crypto::secureWipe(*held);
}

void SecurityService::changePassword(QString currentPassword, QString newPassword, ServiceDone done)
{
    auto current = holdSecret(std::move(currentPassword));
    auto next = holdSecret(std::move(newPassword));
    if (!signedInOr(done))
        return;
    if (current->isEmpty()) {
        answerLater(this, std::move(done),
                    missing(QStringLiteral("password_missing"), tr("Enter your current password.")));
        return;
    }
    // The policy needs the wallet's phone and name (a password must not contain them): from the local
    // profile when there is one; the gateway checks again with what it knows.
    QPointer<SecurityService> self(this);
    auto send = [self, current, next, done](const Contact &contact) {
        if (!self)
            return;
        auto policy = core::PasswordPolicy::check(*next, contact.phone, contact.fullName);
        if (!policy) {
            if (done)
                done(ServiceError::fromValidation(QStringLiteral("new_password"), policy.error()));
            return;
        }
        // What the gateway hashes is the NFKC form; sign-in normalizes the same way.
        crypto::secureWipe(*next);
        *next = policy.value();
        crypto::secureWipe(const_cast<QString &>(policy.value()));
        self->m_context.gateway().changePassword(*current, *next, relayDone(self, done));
        // The client has serialized the body: our copies go now.
        crypto::secureWipe(*current);
        crypto::secureWipe(*next);
    };
    if (!m_context.isStorageOpen()) {
        answerLater(this, std::function<void(Contact)>(send), Contact{});
        return;
    }
    using Loaded = storage::Result<std::optional<storage::ProfileRow>>;
    m_context.database().run<Loaded>(
        [](storage::WalletDatabase &db) -> Loaded { return storage::ProfileStore(db).get(); }, this,
        [send](Loaded loaded) {
            Contact contact;
            // A profile that cannot be read only weakens the local pre-check; the gateway still decides.
            if (loaded && loaded.value()) {
                contact.phone = loaded.value()->phone;
                contact.fullName = loaded.value()->fullName;
            }
            send(contact);
        });
}

void SecurityService::requestOtp(gateway::WalletOtpPurpose purpose, ServiceDone done)
{
    if (!signedInOr(done))
        return;
    m_context.gateway().requestWalletOtp(purpose, relayDone(this, std::move(done)));
}

void SecurityService::changePin(QString password, QString newPin, QString otp, ServiceDone done)
{
    auto heldPassword = holdSecret(std::move(password));
    auto heldPin = holdSecret(std::move(newPin));
    auto heldOtp = holdSecret(std::move(otp));
    if (!signedInOr(done))
        return;
    if (heldPassword->isEmpty()) {
        answerLater(this, std::move(done),
                    missing(QStringLiteral("password_missing"), tr("Enter your password.")));
        return;
    }
    auto pin = core::PinPolicy::check(*heldPin);
    if (!pin) {
        answerLater(this, std::move(done),
                    ServiceError::fromValidation(QStringLiteral("new_pin"), pin.error()));
        return;
    }
    crypto::secureWipe(const_cast<QString &>(pin.value()));
    if (!codeOr(*heldOtp, done, tr("Enter the 6-digit code from your authenticator app or the SMS.")))
        return;
    QPointer<SecurityService> self(this);
    m_context.gateway().changePin(*heldPassword, *heldPin, *heldOtp, relayDone(this, std::move(done), [self] {
        Q_EMIT self->securityChanged();
    }));
    crypto::secureWipe(*heldPassword);
    crypto::secureWipe(*heldPin);
    crypto::secureWipe(*heldOtp);
}

void SecurityService::startTotp(TotpCallback done)
{
    if (!signedInOr(done))
        return;
    m_context.gateway().startTotp(relayResult<gateway::TotpEnrollment>(this, std::move(done)));
}

void SecurityService::confirmTotp(QString code, ServiceDone done)
{
    sendWithCode<gateway::TotpStatus>(std::move(code), std::move(done),
                                      tr("Enter the 6-digit code from your authenticator app."),
                                      &gateway::GatewayClient::confirmTotp);
}

void SecurityService::disableTotp(QString code, ServiceDone done)
{
    sendWithCode<gateway::NoContent>(std::move(code), std::move(done),
                                     tr("Enter the 6-digit code from your authenticator app or the SMS."),
                                     &gateway::GatewayClient::disableTotp);
}

void SecurityService::listDevices(DevicesCallback done)
{
    if (!signedInOr(done))
        return;
    const QString currentId = m_context.gateway().deviceId();
    m_context.gateway().listDevices([self = QPointer<SecurityService>(this), currentId,
                                     done](gateway::Result<QList<gateway::Device>> result) {
        if (!self || !done)
            return;
        if (!result) {
            done(ServiceError::fromGateway(result.error()));
            return;
        }
        QList<gateway::Device> devices = std::move(result).value();
        // The gateway marks the calling device; the credential's id says the same when it does not.
        for (gateway::Device &device : devices)
            device.current = device.current || device.id == currentId;
        std::stable_sort(
            devices.begin(), devices.end(),
            [](const gateway::Device &a, const gateway::Device &b) { return a.current && !b.current; });
        done(devices);
    });
}

void SecurityService::revokeDevice(const QString &deviceId, ServiceDone done)
{
    if (!signedInOr(done))
        return;
    if (deviceId.isEmpty()) {
        answerLater(this, std::move(done),
                    missing(QStringLiteral("device_missing"), tr("Choose the device to remove.")));
        return;
    }
    if (deviceId == m_context.gateway().deviceId()) {
        ServiceError error;
        error.kind = ServiceErrorKind::Validation;
        error.code = QStringLiteral("current_device");
        error.field = QStringLiteral("device");
        error.message = tr("This computer cannot remove itself. Sign out here, or remove it from another "
                           "device.");
        answerLater(this, std::move(done), error);
        return;
    }
    m_context.gateway().revokeDevice(deviceId, relayDone(this, std::move(done)));
}

} // namespace bw::services
