#include "ui/onboarding/credentials_page.h"

#include "core/pin_policy.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/password_field.h"
#include "ui/widgets/pin_entry.h"
#include "ui_credentials_page.h"

#include <QSysInfo>

namespace bw::ui {

CredentialsPage::CredentialsPage(const ScreenServices &services, QWidget *parent)
    : OnboardingPage(services, parent)
    , m_ui(std::make_unique<Ui::CredentialsPage>())
{
    setObjectName(QStringLiteral("credentialsPage"));
    m_ui->setupUi(body());
    for (QLabel *title : {m_ui->passwordTitle, m_ui->pinTitle}) {
        QFont bold = title->font();
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 1.1);
        title->setFont(bold);
    }
    for (QLabel *hint : {m_ui->passwordHint, m_ui->pinHint})
        hint->setStyleSheet(QStringLiteral("color: #5a6370;"));
    m_ui->passwordField->setConfirmVisible(true);
    connect(m_ui->passwordField, &PasswordField::changed, this, &CredentialsPage::notifyComplete);
    connect(m_ui->pinEntry, &PinEntry::changed, this, &CredentialsPage::checkPins);
    connect(m_ui->pinConfirmEntry, &PinEntry::changed, this, &CredentialsPage::checkPins);
    // The first PIN complete: on to the confirmation boxes.
    connect(m_ui->pinEntry, &PinEntry::completed, this, [this] {
        if (m_pinOk)
            m_ui->pinConfirmEntry->setFocus();
    });
    retranslate();
}

CredentialsPage::~CredentialsPage() = default;

void CredentialsPage::retranslate()
{
    m_ui->retranslateUi(body());
    setHeading(tr("Password and payment PIN"),
               tr("Choose how you sign in and how you confirm payments. The bank never stores either in "
                  "readable form, and nor does this computer."));
    setButtonText(QWizard::NextButton, tr("Create my &wallet"));
    m_ui->pinEntry->setAccessibleLabel(tr("Payment PIN"));
    m_ui->pinConfirmEntry->setAccessibleLabel(tr("Payment PIN again"));
    checkPins();
}

void CredentialsPage::setPersonalContext(const QString &fullName, const QString &phoneE164, QDate birthDate)
{
    m_ui->passwordField->setPersonalContext(fullName, phoneE164);
    m_birthDate = birthDate;
    checkPins();
}

void CredentialsPage::checkPins()
{
    const QString pin = m_ui->pinEntry->pin();
    const QString again = m_ui->pinConfirmEntry->pin();
    m_pinOk = false;
    QString message;
    if (m_ui->pinEntry->isComplete()) {
        auto checked = core::PinPolicy::check(pin, m_birthDate);
        if (!checked)
            message = checked.message();
        else if (m_ui->pinConfirmEntry->isComplete() && again != pin)
            message = tr("The two PINs do not match. Enter the same six digits twice.");
        else
            m_pinOk = m_ui->pinConfirmEntry->isComplete();
    }
    m_ui->pinEntry->setError(m_ui->pinEntry->isComplete() && !message.isEmpty() &&
                             !m_ui->pinConfirmEntry->isComplete());
    m_ui->pinConfirmEntry->setError(m_ui->pinConfirmEntry->isComplete() && !message.isEmpty());
    m_ui->pinMessage->showMessage(message);
    notifyComplete();
}

bool CredentialsPage::canSubmit() const
{
    return m_pinOk && m_ui->passwordField->isAcceptable();
}

void CredentialsPage::wipe()
{
    m_ui->passwordField->clear();
    m_ui->pinEntry->clear();
    m_ui->pinConfirmEntry->clear();
    m_ui->pinEntry->setError(false);
    m_ui->pinConfirmEntry->setError(false);
    m_ui->pinMessage->clearMessage();
    m_pinOk = false;
}

void CredentialsPage::reset()
{
    OnboardingPage::reset();
    wipe();
    m_birthDate = {};
}

void CredentialsPage::submit()
{
    QString password = m_ui->passwordField->password();
    QString pin = m_ui->pinEntry->pin();
    const QString device = tr("BankWallet on %1").arg(QSysInfo::machineHostName());
    setBusy(true);
    onboarding().submitCredentials(
        std::move(password), std::move(pin), device, guarded([this](services::ServiceError error) {
            setBusy(false);
            // Sent once: the secrets leave the widgets whatever the answer.
            wipe();
            if (!error) {
                advance();
                return;
            }
            if (error.field == QLatin1String("pin") || error.code == QLatin1String("weak_pin"))
                m_ui->pinMessage->showMessage(error.userMessage());
            showError(error, tr("Choose them again and press Create my wallet."));
        }));
    // The local copies were moved into the call; nothing else holds them.
}

} // namespace bw::ui
