#include "ui/security/change_password_dialog.h"

#include "services/security_service.h"
#include "services/service_context.h"
#include "services/wallet_service.h"
#include "ui/security/security_dialog.h"
#include "ui/sentences.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/password_field.h"
#include "ui/widgets/secret_field.h"
#include "ui_change_password_dialog.h"

#include <QEvent>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

namespace bw::ui {

using detail::joinSentences;

ChangePasswordDialog::ChangePasswordDialog(const ScreenServices &services, QWidget *parent)
    : SecurityDialog(parent)
    , m_ui(std::make_unique<Ui::ChangePasswordDialog>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setUpLook(QStringLiteral("changePasswordDialog"), 520, m_ui->titleLabel, m_ui->introLabel,
              m_ui->busyLabel);
    m_ui->newPasswordField->setConfirmVisible(true);
    m_ui->newPasswordLabel->setBuddy(m_ui->newPasswordField->passwordEdit());
    markSecret(m_ui->currentPasswordEdit);
    markSecret(m_ui->newPasswordField->passwordEdit());
    markSecret(m_ui->newPasswordField->confirmEdit());
    // Locked while open: the secrets go and the dialog with them.
    security_dialog::setupButtons(this, m_ui->buttonBox, QStringLiteral("changePasswordOk"),
                                  QStringLiteral("changePasswordCancel"), m_services.context);
    connect(m_ui->currentPasswordEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->currentPasswordMessage->clearMessage();
        updateState();
    });
    connect(m_ui->newPasswordField, &PasswordField::changed, this, [this] {
        m_ui->passwordError->clearMessage();
        updateState();
    });
    // The "not your phone, not your name" rules need both; the bank checks again anyway.
    if (m_services.wallet) {
        QPointer<ChangePasswordDialog> self(this);
        m_services.wallet->payeeProfile([self](services::ServiceResult<services::PayeeProfile> profile) {
            if (self && profile)
                self->m_ui->newPasswordField->setPersonalContext(profile->displayName, profile->phone);
        });
    }
    retranslate();
    updateState();
}

ChangePasswordDialog::~ChangePasswordDialog()
{
    clearSecrets();
}

void ChangePasswordDialog::updateState()
{
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !m_ui->currentPasswordEdit->text().isEmpty() &&
                     m_ui->newPasswordField->isAcceptable());
}

void ChangePasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyLabel->setVisible(busy);
    m_ui->currentPasswordEdit->setEnabled(!busy);
    m_ui->newPasswordField->setEnabled(!busy);
    updateState();
}

void ChangePasswordDialog::accept()
{
    if (m_busy || !m_services.security)
        return;
    if (m_ui->currentPasswordEdit->text().isEmpty() || !m_ui->newPasswordField->isAcceptable()) {
        updateState();
        return;
    }
    setBusy(true);
    QPointer<ChangePasswordDialog> self(this);
    m_services.security->changePassword(
        m_ui->currentPasswordEdit->text(), m_ui->newPasswordField->password(),
        [self](services::ServiceError error) {
            if (!self)
                return;
            self->setBusy(false);
            if (!error.isError()) {
                self->clearSecrets();
                Q_EMIT self->passwordChanged();
                self->QDialog::accept();
                return;
            }
            if (security_dialog::showPasswordRefusal(error, self->m_ui->currentPasswordEdit,
                                                     self->m_ui->currentPasswordMessage))
                return;
            if (error.code == QLatin1String("weak_password")) {
                self->m_ui->passwordError->showMessage(
                    joinSentences(error.userMessage(), tr("Choose another password.")));
                self->m_ui->newPasswordField->passwordEdit()->setFocus();
            } else {
                self->m_ui->passwordError->showMessage(security_dialog::failureText(error));
            }
        });
}

void ChangePasswordDialog::retranslate()
{
    m_ui->retranslateUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Change password"));
}

void ChangePasswordDialog::clearSecrets()
{
    m_ui->currentPasswordEdit->clear();
    m_ui->newPasswordField->clear();
}

} // namespace bw::ui
