// SessionService: signing in and out of the wallet on this desktop. Sign-in with the password (POST
// /v1/sessions, signed with the device credential from the keychain; the token stays in memory only),
// lock (drops the token) and unlock (the password again), auto-lock after an idle time (a timer that
// noteActivity() restarts; expiry locks and says why), sign-out (ends the session at the gateway and clears
// memory), the lockout state after wrong passwords (attempts left; locked until a time the gateway gives),
// and "forgot password" (the contract's reset flow: phone [+ identity document] → SMS code → new password).
// Passwords are never kept: each is wiped once the call that needs it has been made.
#pragma once

#include "gateway/gateway_types.h"
#include "services/service_context.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace bw::services {

// What the gateway said about wrong passwords. locked: sign-in refused until `until` (UTC), right or wrong.
struct Lockout
{
    bool locked = false;
    QDateTime until;                      // invalid when not locked
    std::optional<int> attemptsRemaining; // after a wrong password; nullopt when unknown / not relevant
    // Seconds until the lock ends (0 when not locked or over).
    qint64 secondsLeft(const QDateTime &now = QDateTime::currentDateTimeUtc()) const
    {
        return locked && until.isValid() && until > now ? now.secsTo(until) : 0;
    }
    friend bool operator==(const Lockout &, const Lockout &) = default;
};

enum class PasswordResetStep {
    None,     // no reset running
    CodeSent, // a code was sent to the phone (if the phone is registered: the answer does not say)
    Verified, // the code (and the document, for a verified wallet) is accepted: choose a new password
    Done,     // the new password is set; every session of the wallet has ended
};

class SessionService : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::minutes kDefaultIdleTimeout{5};

    explicit SessionService(ServiceContext &context, QObject *parent = nullptr);
    ~SessionService() override;

    // Loads the device credential from the keychain and answers the session state: NoWallet (enroll or
    // add this device) or SignedOut (ask for the password). Errors: kind Keychain.
    void start(std::function<void(ServiceResult<SessionState>)> done);

    // Signs in (also unlocks a locked wallet). Opens the wallet database too. The password is wiped.
    // Errors: invalid_credentials (lockout().attemptsRemaining), account_locked (lockout().until),
    // device_unknown, network kinds, kind Keychain / Storage, State "no_wallet".
    void signIn(QString password, ServiceDone done);
    void unlock(QString password, ServiceDone done) { signIn(std::move(password), std::move(done)); }
    // Drops the token from memory; the wallet stays known. Emits ServiceContext::locked(reason).
    void lock(LockReason reason = LockReason::Manual);
    // Ends the session at the gateway (best effort) and in memory. Always ends signed out locally; the
    // answer says whether the gateway was told.
    void signOut(ServiceDone done = {});
    SessionState state() const { return m_context.sessionState(); }

    // ---- auto-lock ----------------------------------------------------------------------------------
    void setIdleTimeout(std::chrono::milliseconds timeout); // > 0
    void setAutoLockMinutes(int minutes) { setIdleTimeout(std::chrono::minutes(minutes)); }
    std::chrono::milliseconds idleTimeout() const { return m_idleTimeout; }
    // The user did something: restart the idle countdown (no effect unless signed in).
    void noteActivity();

    // ---- lockout ------------------------------------------------------------------------------------
    Lockout lockout() const { return m_lockout; }

    // ---- forgot password ----------------------------------------------------------------------------
    // documentNumber: needed for an identity-verified wallet (checked after the code, as
    // document_mismatch); may be empty. The phone is validated locally first.
    void startPasswordReset(const QString &phone, QString documentNumber,
                            std::function<void(ServiceResult<gateway::OtpInfo>)> done);
    void resendPasswordResetCode(std::function<void(ServiceResult<gateway::OtpInfo>)> done);
    void verifyPasswordResetCode(const QString &code, ServiceDone done);
    // Checked with the password policy (phone digits) first; wiped after the call. Clears the lockout.
    void completePasswordReset(QString newPassword, ServiceDone done);
    void cancelPasswordReset();
    PasswordResetStep passwordResetStep() const { return m_resetStep; }

Q_SIGNALS:
    void lockoutChanged(const bw::services::Lockout &lockout);
    // The idle time passed with no activity: the wallet is locked (ServiceContext::locked(Idle) too).
    void idleExpired();
    void passwordResetStepChanged(bw::services::PasswordResetStep step);

private:
    void doSignIn(std::shared_ptr<QString> password, ServiceDone done);
    void setLockout(const Lockout &lockout);
    void setResetStep(PasswordResetStep step);
    void onIdleTimeout();

    ServiceContext &m_context;
    QTimer *m_idleTimer = nullptr;
    std::chrono::milliseconds m_idleTimeout = kDefaultIdleTimeout;
    Lockout m_lockout;
    bool m_signingIn = false;
    // Password reset (no secret here: the id, the phone in E.164 for the password policy).
    PasswordResetStep m_resetStep = PasswordResetStep::None;
    QString m_resetId;
    QString m_resetPhone;
};

} // namespace bw::services
