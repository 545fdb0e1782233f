// SignInPrompt — shown on the two-factor and payment-method pages when the onboarding was resumed after
// the app was closed: the wallet exists but the session (memory only) is gone, so the person signs in with
// the password they just chose before going on. Uses SessionService::signIn.
#pragma once

#include "services/service_context.h"
#include "ui/screen_services.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bw::ui {

class FieldMessage;

class SignInPrompt : public QWidget
{
    Q_OBJECT

public:
    explicit SignInPrompt(const ScreenServices &services, QWidget *parent = nullptr);
    ~SignInPrompt() override;

    // Wipes the password edit.
    void clear();

Q_SIGNALS:
    void signedIn();

protected:
    void changeEvent(QEvent *event) override;

private:
    void signIn();
    void retranslate();

    ScreenServices m_services;
    QLabel *m_text = nullptr;
    QLineEdit *m_password = nullptr;   // "signInPasswordEdit"
    QPushButton *m_button = nullptr;   // "signInButton"
    FieldMessage *m_message = nullptr; // "signInMessage"
};

} // namespace bw::ui
