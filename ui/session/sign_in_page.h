// API-READY
// SignInPage — the password screen, used both to sign in when the app starts and as the lock screen
// (Mode::Locked, with the reason: idle time, a manual lock, the bank ending the session). Shows what the
// SessionService says after each attempt: attempts left, the lockout with a live countdown (the button stays
// disabled until it ends), gateway and keychain errors with what to do next. "Forgot password?" opens the
// ForgotPasswordWizard. The typed password never outlives an attempt: the field is cleared after every
// attempt and whenever the page is hidden.
#pragma once

#include "services/service_context.h"
#include "ui/screen_services.h"

#include <QPointer>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace Ui {
class SignInPage;
}

namespace bw::ui {

class ForgotPasswordWizard;

class SignInPage : public QWidget
{
    Q_OBJECT

public:
    enum class Mode { SignIn, Locked };
    Q_ENUM(Mode)

    explicit SignInPage(const ScreenServices &services, QWidget *parent = nullptr);
    ~SignInPage() override;

    // SignIn: "Welcome back" and a "Sign in" button. Locked: "BankWallet is locked", why (`reason`), and an
    // "Unlock" button. Clears the password and any message of the previous attempt.
    void setMode(Mode mode, services::LockReason reason = services::LockReason::Manual);
    Mode mode() const { return m_mode; }

    // The reset wizard while it is open (nullptr otherwise); opened by "Forgot password?".
    ForgotPasswordWizard *forgotPasswordWizard() const;

public Q_SLOTS:
    void openForgotPassword();

Q_SIGNALS:
    // The password was accepted: the wallet is signed in (or unlocked).
    void signedIn();

protected:
    void changeEvent(QEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void submit();
    void setBusy(bool busy);
    void updateButton();
    void updateLockout();
    void retranslate();
    void refreshMessage();
    void showMessage(const QString &text, bool error);

    ScreenServices m_services;
    std::unique_ptr<Ui::SignInPage> m_ui;
    Mode m_mode = Mode::SignIn;
    services::LockReason m_reason = services::LockReason::Manual;
    bool m_busy = false;
    QTimer *m_countdown = nullptr;
    QPointer<ForgotPasswordWizard> m_wizard;
    // The message of the last attempt, kept to re-show after a language switch: the error itself.
    services::ServiceError m_lastError;
    bool m_resetDone = false;   // "Your password is changed" after the wizard finished
    bool m_lockoutOver = false; // the countdown reached zero on this page
};

} // namespace bw::ui
