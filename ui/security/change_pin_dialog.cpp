#include "ui/security/change_pin_dialog.h"

#include "core/pin_policy.h"
#include "services/security_service.h"
#include "services/service_context.h"
#include "ui/security/security_dialog.h"
#include "ui/sentences.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/one_time_code.h"
#include "ui/widgets/pin_entry.h"
#include "ui/widgets/secret_field.h"
#include "ui/widgets/style.h"
#include "ui_change_pin_dialog.h"

#include <QEvent>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

namespace bw::ui {

using detail::joinSentences;

ChangePinDialog::ChangePinDialog(const ScreenServices &services, bool totpEnabled, bool frozen,
                                 QWidget *parent)
    : SecurityDialog(parent)
    , m_ui(std::make_unique<Ui::ChangePinDialog>())
    , m_services(services)
    , m_totp(totpEnabled)
{
    m_ui->setupUi(this);
    setUpLook(QStringLiteral("changePinDialog"), 560, m_ui->titleLabel, m_ui->introLabel, m_ui->busyLabel);
    style::muted(m_ui->codeHint);
    style::warning(m_ui->frozenNote);
    m_ui->frozenNote->setVisible(frozen);
    m_ui->sendCodeButton->setVisible(!m_totp);
    m_ui->sendCodeButton->setup(m_services.security, gateway::WalletOtpPurpose::PinChange);
    OneTimeCode::setupEdit(m_ui->codeEdit);
    for (QWidget *secret :
         {static_cast<QWidget *>(m_ui->passwordEdit), static_cast<QWidget *>(m_ui->codeEdit),
          static_cast<QWidget *>(m_ui->newPinEntry), static_cast<QWidget *>(m_ui->confirmPinEntry)})
        markSecret(secret);
    security_dialog::setupButtons(this, m_ui->buttonBox, QStringLiteral("changePinOk"),
                                  QStringLiteral("changePinCancel"), m_services.context);
    connect(m_ui->passwordEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->passwordMessage->clearMessage();
        updateState();
    });
    connect(m_ui->newPinEntry, &PinEntry::changed, this, &ChangePinDialog::checkPins);
    connect(m_ui->confirmPinEntry, &PinEntry::changed, this, &ChangePinDialog::checkPins);
    connect(m_ui->codeEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->codeMessage->clearMessage();
        updateState();
    });
    m_ui->sendCodeButton->attach(m_ui->codeEdit, m_ui->codeHint, m_ui->codeMessage);
    retranslate();
    updateState();
}

ChangePinDialog::~ChangePinDialog()
{
    clearSecrets();
}

void ChangePinDialog::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Change PIN"));
    m_ui->newPinEntry->setAccessibleLabel(tr("New PIN"));
    m_ui->confirmPinEntry->setAccessibleLabel(tr("Repeat the new PIN"));
    if (m_totp) {
        m_ui->codeLabel->setText(tr("&Code from your authenticator app"));
        m_ui->codeEdit->setAccessibleName(tr("Code from the authenticator app"));
        m_ui->codeHint->setText(tr("Open your authenticator app and enter the 6-digit code it shows now."));
    } else {
        m_ui->codeLabel->setText(tr("SMS &code"));
        m_ui->codeEdit->setAccessibleName(tr("SMS code"));
        if (!m_ui->sendCodeButton->isCountingDown())
            m_ui->codeHint->setText(tr("Press \"Send SMS code\" and enter the code we text to your phone."));
    }
}

// What a person sees as they type the PINs: the policy's reason for the new one, then a mismatch.
void ChangePinDialog::checkPins()
{
    const QString pin = m_ui->newPinEntry->pin();
    const QString again = m_ui->confirmPinEntry->pin();
    QString problem;
    bool bad = false;
    if (m_ui->newPinEntry->isComplete()) {
        const auto checked = core::PinPolicy::check(pin);
        if (!checked) {
            problem = checked.error().message();
            bad = true;
        }
    }
    m_ui->newPinEntry->setError(bad);
    const bool mismatch =
        !bad && m_ui->newPinEntry->isComplete() && m_ui->confirmPinEntry->isComplete() && pin != again;
    if (mismatch)
        problem = tr("The two PINs do not match. Type the new PIN again.");
    m_ui->confirmPinEntry->setError(mismatch);
    m_ui->pinMessage->showMessage(problem);
    updateState();
}

void ChangePinDialog::updateState()
{
    const bool pinsOk = m_ui->newPinEntry->isComplete() && !m_ui->newPinEntry->hasError() &&
                        m_ui->confirmPinEntry->isComplete() && !m_ui->confirmPinEntry->hasError() &&
                        m_ui->newPinEntry->pin() == m_ui->confirmPinEntry->pin();
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && pinsOk && !m_ui->passwordEdit->text().isEmpty() &&
                     m_ui->codeEdit->text().size() == 6);
}

void ChangePinDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyLabel->setVisible(busy);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->passwordEdit), static_cast<QWidget *>(m_ui->newPinEntry),
                       static_cast<QWidget *>(m_ui->confirmPinEntry), static_cast<QWidget *>(m_ui->codeEdit)})
        w->setEnabled(!busy);
    updateState();
}

void ChangePinDialog::accept()
{
    if (m_busy || !m_services.security || !m_ui->buttonBox->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    setBusy(true);
    QPointer<ChangePinDialog> self(this);
    m_services.security->changePin(
        m_ui->passwordEdit->text(), m_ui->newPinEntry->pin(), m_ui->codeEdit->text(),
        [self](services::ServiceError error) {
            if (!self)
                return;
            self->setBusy(false);
            if (!error.isError()) {
                self->clearSecrets();
                Q_EMIT self->pinChanged();
                self->QDialog::accept();
                return;
            }
            // A code is good for one try at most: the field is emptied whatever went wrong.
            self->m_ui->codeEdit->clear();
            if (security_dialog::showPasswordRefusal(error, self->m_ui->passwordEdit,
                                                     self->m_ui->passwordMessage))
                return;
            if (error.code == QLatin1String("weak_pin")) {
                self->m_ui->newPinEntry->clear();
                self->m_ui->confirmPinEntry->clear();
                self->m_ui->pinMessage->showMessage(
                    joinSentences(error.userMessage(), tr("Choose another PIN.")));
                self->m_ui->newPinEntry->setFocus();
            } else if (error.kind == services::ServiceErrorKind::Gateway &&
                       (error.code.startsWith(QLatin1String("otp_")) ||
                        error.code == QLatin1String("totp_invalid"))) {
                self->m_ui->codeMessage->showMessage(error.userMessage());
                self->m_ui->codeEdit->setFocus();
            } else {
                self->m_ui->codeMessage->showMessage(security_dialog::failureText(error));
            }
        });
}

void ChangePinDialog::clearSecrets()
{
    m_ui->passwordEdit->clear();
    m_ui->newPinEntry->clear();
    m_ui->confirmPinEntry->clear();
    m_ui->codeEdit->clear();
}

} // namespace bw::ui
