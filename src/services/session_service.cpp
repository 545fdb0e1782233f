#include "services/session_service.h"

#include "core/password_policy.h"
#include "core/phone_validator.h"
#include "crypto/secret_bytes.h"
#include "services/service_calls_p.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

Q_DECLARE_LOGGING_CATEGORY(lcServices)

namespace bw::services {

using detail::answerLater;
using detail::holdSecret;

SessionService::SessionService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_idleTimer(new QTimer(this))
{
    qRegisterMetaType<bw::services::Lockout>();
    qRegisterMetaType<bw::services::PasswordResetStep>();
    m_idleTimer->setSingleShot(true);
    m_idleTimer->setInterval(m_idleTimeout);
    connect(m_idleTimer, &QTimer::timeout, this, &SessionService::onIdleTimeout);
    connect(&m_context, &ServiceContext::sessionStateChanged, this, [this](SessionState state) {
        if (state != SessionState::SignedIn)
            m_idleTimer->stop();
    });
}

SessionService::~SessionService() = default;

void SessionService::start(std::function<void(ServiceResult<SessionState>)> done)
{
    QPointer<SessionService> self(this);
    m_context.loadDeviceCredential(this, [self, done](ServiceResult<bool> loaded) {
        if (!done)
            return;
        if (!loaded)
            done(loaded.error());
        else
            done(self->m_context.sessionState());
    });
}

void SessionService::signIn(QString password, ServiceDone done)
{
    auto held = holdSecret(std::move(password));
    if (m_signingIn) {
        answerLater(this, std::move(done),
                    ServiceError::state(QStringLiteral("busy"), tr("Signing in is already in progress.")));
        return;
    }
    if (held->isEmpty()) {
        answerLater(this, std::move(done),
                    ServiceError::state(QStringLiteral("password_missing"), tr("Enter your password.")));
        return;
    }
    m_signingIn = true;
    QPointer<SessionService> self(this);
    m_context.loadDeviceCredential(this, [self, held, done](ServiceResult<bool> loaded) {
        if (!loaded || !loaded.value()) {
            self->m_signingIn = false;
            if (done)
                done(!loaded ? loaded.error()
                             : ServiceError::state(QStringLiteral("no_wallet"),
                                                   tr("This computer has no wallet yet. Open a wallet or add "
                                                      "this computer to your wallet first.")));
            return;
        }
        self->m_context.openStorage(self, [self, held, done](ServiceError opened) {
            if (opened.isError()) {
                self->m_signingIn = false;
                if (done)
                    done(opened);
                return;
            }
            self->doSignIn(held, done);
        });
    });
}

void SessionService::doSignIn(std::shared_ptr<QString> password, ServiceDone done)
{
    QPointer<SessionService> self(this);
    m_context.gateway().createSession(*password, [self, done](gateway::Result<gateway::Session> session) {
        if (!self)
            return;
        self->m_signingIn = false;
        if (!session) {
            const gateway::GatewayError &error = session.error();
            if (error.is(u"invalid_credentials")) {
                self->setLockout({false, {}, error.attemptsRemaining});
            } else if (error.is(u"account_locked")) {
                self->setLockout({true, error.lockedUntil, 0});
            }
            if (done)
                done(ServiceError::fromGateway(error));
            return;
        }
        self->setLockout({});
        self->m_context.markSignedIn();
        self->m_idleTimer->start(self->m_idleTimeout);
        if (done)
            done(ServiceError{});
    });
    // The client has serialized the body: our copy goes now (the shared holder wipes it).
    crypto::secureWipe(*password);
}

void SessionService::lock(LockReason reason)
{
    m_idleTimer->stop();
    m_context.markLocked(reason);
}

void SessionService::signOut(ServiceDone done)
{
    m_idleTimer->stop();
    if (!m_context.gateway().hasAccessToken()) {
        m_context.markSignedOut();
        answerLater(this, std::move(done), ServiceError{});
        return;
    }
    QPointer<SessionService> self(this);
    m_context.gateway().endSession([self, done](gateway::Result<gateway::NoContent> ended) {
        if (!self)
            return;
        self->m_context.markSignedOut();
        if (!ended)
            qCWarning(lcServices) << "sign-out not confirmed by the gateway:" << ended.error().summary();
        if (done)
            done(ended ? ServiceError{} : ServiceError::fromGateway(ended.error()));
    });
}

void SessionService::setIdleTimeout(std::chrono::milliseconds timeout)
{
    m_idleTimeout = std::max(timeout, std::chrono::milliseconds(1));
    m_idleTimer->setInterval(m_idleTimeout);
    if (m_idleTimer->isActive())
        m_idleTimer->start(m_idleTimeout);
}

void SessionService::noteActivity()
{
    if (m_context.isSignedIn())
        m_idleTimer->start(m_idleTimeout);
}

void SessionService::onIdleTimeout()
{
    if (!m_context.isSignedIn())
        return;
    m_context.markLocked(LockReason::Idle);
    Q_EMIT idleExpired();
}

void SessionService::setLockout(const Lockout &lockout)
{
    if (m_lockout == lockout)
        return;
    m_lockout = lockout;
    Q_EMIT lockoutChanged(m_lockout);
}

void SessionService::setResetStep(PasswordResetStep step)
{
    if (m_resetStep == step)
        return;
    m_resetStep = step;
    Q_EMIT passwordResetStepChanged(step);
}

void SessionService::startPasswordReset(const QString &phone, QString documentNumber,
                                        std::function<void(ServiceResult<gateway::OtpInfo>)> done)
{
    auto document = holdSecret(std::move(documentNumber));
    auto checked = core::PhoneValidator::validate(phone);
    if (!checked) {
        answerLater(this, std::move(done),
                    ServiceError::fromValidation(QStringLiteral("phone"), checked.error()));
        return;
    }
    const QString e164 = checked->e164();
    QPointer<SessionService> self(this);
    m_context.gateway().createPasswordReset(
        e164, document->trimmed(), [self, e164, done](gateway::Result<gateway::PasswordReset> reset) {
            if (!self)
                return;
            if (!reset) {
                if (done)
                    done(ServiceError::fromGateway(reset.error()));
                return;
            }
            self->m_resetId = reset->resetId;
            self->m_resetPhone = e164;
            self->setResetStep(PasswordResetStep::CodeSent);
            if (done)
                done(reset->otp);
        });
    crypto::secureWipe(*document);
}

void SessionService::resendPasswordResetCode(std::function<void(ServiceResult<gateway::OtpInfo>)> done)
{
    if (m_resetStep != PasswordResetStep::CodeSent) {
        answerLater(this, std::move(done),
                    ServiceError::state(QStringLiteral("wrong_state"),
                                        tr("Start the password reset again from the beginning.")));
        return;
    }
    m_context.gateway().resendPasswordResetOtp(m_resetId, detail::relayResult(this, std::move(done)));
}

void SessionService::verifyPasswordResetCode(const QString &code, ServiceDone done)
{
    if (m_resetStep != PasswordResetStep::CodeSent) {
        answerLater(this, std::move(done),
                    ServiceError::state(QStringLiteral("wrong_state"),
                                        tr("Start the password reset again from the beginning.")));
        return;
    }
    QPointer<SessionService> self(this);
    m_context.gateway().verifyPasswordReset(
        m_resetId, code.trimmed(), [self, done](gateway::Result<gateway::EnrollmentVerify> verified) {
            if (!self)
                return;
            if (!verified) {
                // After too many wrong codes the reset is dead: start again.
                if (verified.error().is(u"otp_attempts_exceeded"))
                    self->cancelPasswordReset();
                if (done)
                    done(ServiceError::fromGateway(verified.error()));
                return;
            }
            self->setResetStep(PasswordResetStep::Verified);
            if (done)
                done(ServiceError{});
        });
}

void SessionService::completePasswordReset(QString newPassword, ServiceDone done)
{
    auto held = holdSecret(std::move(newPassword));
    if (m_resetStep != PasswordResetStep::Verified) {
        answerLater(this, std::move(done),
                    ServiceError::state(QStringLiteral("wrong_state"),
                                        tr("Confirm the code sent to your phone first.")));
        return;
    }
    auto policy = core::PasswordPolicy::check(*held, m_resetPhone);
    if (!policy) {
        answerLater(this, std::move(done),
                    ServiceError::fromValidation(QStringLiteral("password"), policy.error()));
        return;
    }
    QPointer<SessionService> self(this);
    m_context.gateway().completePasswordReset(
        m_resetId, policy.value(), [self, done](gateway::Result<gateway::NoContent> completed) {
            if (!self)
                return;
            if (!completed) {
                if (done)
                    done(ServiceError::fromGateway(completed.error()));
                return;
            }
            // The reset ended every session and cleared the lock.
            self->setLockout({});
            if (self->m_context.isSignedIn() || self->m_context.sessionState() == SessionState::Locked)
                self->m_context.markSignedOut();
            self->m_resetId.clear();
            self->m_resetPhone.clear();
            self->setResetStep(PasswordResetStep::Done);
            if (done)
                done(ServiceError{});
        });
    // The normalized copy the policy returned goes too (the object is ours, not const).
    crypto::secureWipe(const_cast<QString &>(policy.value()));
    crypto::secureWipe(*held);
}

void SessionService::cancelPasswordReset()
{
    m_resetId.clear();
    m_resetPhone.clear();
    setResetStep(PasswordResetStep::None);
}

} // namespace bw::services
