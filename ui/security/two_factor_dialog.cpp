#include "ui/security/two_factor_dialog.h"

#include "crypto/secret_bytes.h"
#include "services/security_service.h"
#include "services/service_context.h"
#include "ui/security/security_dialog.h"
#include "ui/sentences.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/one_time_code.h"
#include "ui/widgets/qr_code_view.h"
#include "ui/widgets/secret_field.h"
#include "ui/widgets/style.h"
#include "ui_two_factor_dialog.h"

#include <QEvent>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

namespace bw::ui {

using detail::joinSentences;

TwoFactorDialog::TwoFactorDialog(const ScreenServices &services, Mode mode, QWidget *parent)
    : SecurityDialog(parent)
    , m_ui(std::make_unique<Ui::TwoFactorDialog>())
    , m_services(services)
    , m_mode(mode)
{
    m_ui->setupUi(this);
    setUpLook(mode == Mode::Enable ? QStringLiteral("enableTotpDialog") : QStringLiteral("disableTotpDialog"),
              mode == Mode::Enable ? 640 : 520, m_ui->titleLabel, m_ui->introLabel, m_ui->busyLabel);
    style::muted(m_ui->codeHint);
    markSecret(m_ui->totpKeyLabel);
    markSecret(m_ui->codeEdit);
    OneTimeCode::styleKey(m_ui->totpKeyLabel, m_ui->totpKeyTitle);
    OneTimeCode::setupEdit(m_ui->codeEdit);
    m_ui->totpPanel->setVisible(mode == Mode::Enable);
    m_ui->sendCodeButton->setVisible(mode == Mode::Disable);
    m_ui->sendCodeButton->setup(m_services.security, gateway::WalletOtpPurpose::TotpDisable);
    m_ui->retryButton->hide();
    security_dialog::setupButtons(this, m_ui->buttonBox, QStringLiteral("twoFactorOk"),
                                  QStringLiteral("twoFactorCancel"), m_services.context);
    connect(m_ui->retryButton, &QPushButton::clicked, this, &TwoFactorDialog::startTotp);
    connect(m_ui->codeEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->codeMessage->clearMessage();
        updateState();
    });
    m_ui->sendCodeButton->attach(m_ui->codeEdit, m_ui->codeHint, m_ui->codeMessage);
    retranslate();
    updateState();
    if (mode == Mode::Enable)
        startTotp();
}

TwoFactorDialog::~TwoFactorDialog()
{
    clearSecrets();
}

void TwoFactorDialog::retranslate()
{
    m_ui->retranslateUi(this);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    if (m_mode == Mode::Enable) {
        setWindowTitle(tr("Turn on the authenticator app"));
        m_ui->titleLabel->setText(tr("Use an authenticator app"));
        m_ui->introLabel->setText(
            tr("Larger payments and changes to your security settings then ask for a code "
               "from the app instead of an SMS."));
        m_ui->codeLabel->setText(tr("&Code from the app"));
        m_ui->codeEdit->setAccessibleName(tr("Code from the authenticator app"));
        m_ui->codeHint->clear();
        ok->setText(tr("Turn on"));
    } else {
        setWindowTitle(tr("Turn off the authenticator app"));
        m_ui->titleLabel->setText(tr("Turn off the authenticator app"));
        m_ui->introLabel->setText(
            tr("Codes will come by SMS again. To confirm it is you, enter a code from your "
               "authenticator app, or ask for an SMS code."));
        m_ui->codeLabel->setText(tr("&Code from the app or SMS"));
        m_ui->codeEdit->setAccessibleName(tr("Code from the authenticator app or SMS"));
        if (!m_ui->sendCodeButton->isCountingDown())
            m_ui->codeHint->clear();
        ok->setText(tr("Turn off"));
    }
    m_ui->retryButton->setText(tr("&Retry"));
}

void TwoFactorDialog::startTotp()
{
    if (!m_services.security || m_busy)
        return;
    m_ui->retryButton->hide();
    m_ui->codeMessage->clearMessage();
    setBusy(true, tr("Asking the bank for a new key…"));
    QPointer<TwoFactorDialog> self(this);
    m_services.security->startTotp([self](services::ServiceResult<gateway::TotpEnrollment> result) {
        if (!self)
            return;
        self->setBusy(false);
        if (!result) {
            self->m_ui->codeMessage->showMessage(
                joinSentences(result.error().userMessage(), tr("Press Retry to try again.")));
            self->m_ui->retryButton->show();
            return;
        }
        // The QR view keeps only its modules, so the URI is ours alone and its wipe is real. The label
        // shares the grouped key while it is shown (wiping a local copy here would only wipe a fresh
        // detached copy); clearSecrets() wipes it once the label has let go. The ungrouped key: at once.
        QString uri = QString::fromLatin1(result->otpauthUri.view());
        self->m_ui->totpQr->setText(uri);
        crypto::secureWipe(uri);
        QString key = QString::fromLatin1(result->secretBase32.view());
        self->m_ui->totpKeyLabel->setText(OneTimeCode::groupedKey(key));
        crypto::secureWipe(key);
        self->m_ready = true;
        self->m_ui->codeEdit->setFocus();
        self->updateState();
    });
}

void TwoFactorDialog::updateState()
{
    const bool ready = m_mode == Mode::Disable || m_ready;
    m_ui->codeEdit->setEnabled(ready && !m_busy);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)
        ->setEnabled(ready && !m_busy && m_ui->codeEdit->text().size() == 6);
}

void TwoFactorDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_ui->busyLabel->setText(text);
    m_ui->busyLabel->setVisible(busy);
    updateState();
}

void TwoFactorDialog::accept()
{
    if (m_busy || !m_services.security || !m_ui->buttonBox->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    QString code = m_ui->codeEdit->text();
    m_ui->codeEdit->clear();
    setBusy(true, m_mode == Mode::Enable ? tr("Checking the code…") : tr("Turning off…"));
    QPointer<TwoFactorDialog> self(this);
    auto finished = [self](services::ServiceError error) {
        if (!self)
            return;
        self->setBusy(false);
        if (!error.isError()) {
            self->clearSecrets();
            Q_EMIT self->changed();
            self->QDialog::accept();
            return;
        }
        QString next;
        if (error.is(u"otp_invalid") || error.is(u"otp_expired"))
            next = self->m_mode == Mode::Enable
                       ? tr("Enter the code the app shows now.")
                       : tr("Enter a new code from the app, or ask for an SMS code.");
        self->m_ui->codeMessage->showMessage(next.isEmpty() ? error.userMessage()
                                                            : joinSentences(error.userMessage(), next));
        self->m_ui->codeEdit->setFocus();
    };
    if (m_mode == Mode::Enable)
        m_services.security->confirmTotp(std::move(code), finished);
    else
        m_services.security->disableTotp(std::move(code), finished);
}

void TwoFactorDialog::clearSecrets()
{
    m_ui->totpQr->clear();
    // Taken out of the label first: then this copy is the only one and the wipe reaches the real buffer.
    QString key = m_ui->totpKeyLabel->text();
    m_ui->totpKeyLabel->clear();
    crypto::secureWipe(key);
    m_ui->codeEdit->clear();
    m_ready = false;
}

} // namespace bw::ui
