#include "ui/security/sms_code_button.h"

#include "services/security_service.h"
#include "ui/sentences.h"
#include "ui/widgets/field_message.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>

namespace bw::ui {

SmsCodeButton::SmsCodeButton(QWidget *parent)
    : QPushButton(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &SmsCodeButton::tick);
    connect(this, &QPushButton::clicked, this, &SmsCodeButton::send);
    updateText();
}

SmsCodeButton::~SmsCodeButton() = default;

void SmsCodeButton::setup(services::SecurityService *security, gateway::WalletOtpPurpose purpose)
{
    m_security = security;
    m_purpose = purpose;
}

void SmsCodeButton::attach(QLineEdit *codeEdit, QLabel *hint, FieldMessage *message)
{
    connect(this, &SmsCodeButton::codeSent, codeEdit, [codeEdit, hint] {
        hint->setText(tr("We sent a code to your phone. It is valid for 5 minutes."));
        codeEdit->setFocus();
    });
    connect(this, &SmsCodeButton::failed, message, [message](const services::ServiceError &error) {
        message->showMessage(
            error.is(u"otp_resend_too_soon")
                ? detail::joinSentences(error.userMessage(), tr("Use the code already sent."))
                : error.userMessage());
    });
}

void SmsCodeButton::send()
{
    if (!m_security || m_sending || m_left > 0)
        return;
    m_sending = true;
    updateText();
    QPointer<SmsCodeButton> self(this);
    m_security->requestOtp(m_purpose, [self](services::ServiceError error) {
        if (!self)
            return;
        self->m_sending = false;
        // Sent, or the bank says one was sent moments ago: either way the phone has a code and the
        // cooldown runs.
        if (!error.isError() || error.is(u"otp_resend_too_soon")) {
            self->m_sentOnce = true;
            self->m_left = kCooldownSecs;
            self->m_timer->start();
        }
        self->updateText();
        if (error.isError())
            Q_EMIT self->failed(error);
        else
            Q_EMIT self->codeSent();
    });
}

void SmsCodeButton::tick()
{
    if (--m_left <= 0) {
        m_left = 0;
        m_timer->stop();
    }
    updateText();
}

void SmsCodeButton::updateText()
{
    setEnabled(!m_sending && m_left == 0);
    if (m_sending)
        setText(tr("Sending…"));
    else if (m_left > 0)
        setText(tr("Resend in %1 s").arg(m_left));
    else if (m_sentOnce)
        setText(tr("Resend SMS code"));
    else
        setText(tr("Send SMS code"));
}

void SmsCodeButton::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        updateText();
    QPushButton::changeEvent(event);
}

} // namespace bw::ui
