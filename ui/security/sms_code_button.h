// SmsCodeButton — "Send SMS code" for a security change (PIN change, turning the authenticator off): asks
// SecurityService for the code and then counts down the bank's 60-second resend cooldown ("Resend in 42 s").
// The outcome goes to a FieldMessage-like label through codeSent / failed.
#pragma once

#include "gateway/gateway_types.h"

#include <QPushButton>

class QLabel;
class QLineEdit;
class QTimer;

namespace bw::services {
class SecurityService;
class ServiceError;
} // namespace bw::services

namespace bw::ui {

class FieldMessage;

class SmsCodeButton : public QPushButton
{
    Q_OBJECT
public:
    static constexpr int kCooldownSecs = 60;

    explicit SmsCodeButton(QWidget *parent = nullptr);
    ~SmsCodeButton() override;

    void setup(services::SecurityService *security, gateway::WalletOtpPurpose purpose);
    bool isCountingDown() const { return m_left > 0; }
    bool isSending() const { return m_sending; }
    // What every dialog does with the outcome: once sent, `hint` says so and the focus goes to `codeEdit`;
    // a failure goes to `message` (a resend too soon says to use the code already sent).
    void attach(QLineEdit *codeEdit, QLabel *hint, FieldMessage *message);

Q_SIGNALS:
    void codeSent();
    void failed(const bw::services::ServiceError &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    void send();
    void tick();
    void updateText();

    services::SecurityService *m_security = nullptr;
    gateway::WalletOtpPurpose m_purpose = gateway::WalletOtpPurpose::PinChange;
    QTimer *m_timer = nullptr;
    int m_left = 0;
    bool m_sending = false;
    bool m_sentOnce = false;
};

} // namespace bw::ui
