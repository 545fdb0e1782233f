// API-READY
// ForgotPasswordWizard — "forgot password" over SessionService's reset flow: phone (+ identity document
// number for a verified wallet) → the SMS code (resend with a countdown, attempts left) → a new password
// (PasswordField with confirmation) → done ("every other session was signed out"). Each step's service call
// runs when Next is pressed; the page moves on only once the bank has accepted it, and the bank's answer is
// shown under the page otherwise. Every field is wiped when the wizard closes, however it closes. Open it
// with open() (window-modal over the sign-in page).
#pragma once

#include "services/service_context.h"
#include "ui/screen_services.h"

#include <QDateTime>
#include <QWizard>

#include <memory>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace Ui {
class ForgotPasswordWizard;
}

namespace bw::ui {

class PasswordField;
class ValidatedField;

class ForgotPasswordWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId { PhonePage = 0, CodePage = 1, PasswordPage = 2, DonePage = 3 };
    Q_ENUM(PageId)

    explicit ForgotPasswordWizard(const ScreenServices &services, QWidget *parent = nullptr);
    ~ForgotPasswordWizard() override;

    // True once the new password is set (the Done page was reached).
    bool passwordChanged() const { return m_changed; }

    bool validateCurrentPage() override;
    void done(int result) override;

Q_SIGNALS:
    // The new password is set; every session of the wallet was ended.
    void passwordReset();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onPageChanged(int id);
    void startReset();
    void resendCode();
    void verifyCode();
    void completeReset();
    void setBusy(bool busy);
    void updateResend();
    void retranslate();
    void styleTitles();
    void wipe();
    void advance();

    ScreenServices m_services;
    std::unique_ptr<Ui::ForgotPasswordWizard> m_ui;
    PasswordField *m_password = nullptr;
    ValidatedField *m_phoneField = nullptr;
    QTimer *m_resendTimer = nullptr;
    QString m_toMasked;
    QDateTime m_resendAfter;
    QDateTime m_expiresAt;
    QString m_phone; // as typed, for the password policy's "not your phone number" rule
    bool m_busy = false;
    bool m_advance = false; // the service accepted the page: the next validateCurrentPage() says yes
    bool m_changed = false;
    bool m_mustRestart = false; // the bank ended this reset (or it cannot succeed): only "Start again"
};

} // namespace bw::ui
