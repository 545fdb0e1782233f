#include "ui/session/forgot_password_wizard.h"

#include "ui_forgot_password_wizard.h"

#include "core/phone_validator.h"
#include "services/session_service.h"
#include "ui/sentences.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/password_field.h"
#include "ui/widgets/secret_field.h"

#include <QAbstractButton>
#include <QEvent>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QRegularExpressionValidator>
#include <QTimer>

namespace bw::ui {

namespace {

const QString kInfoStyle = QStringLiteral("color: #1e7d32;");

} // namespace

ForgotPasswordWizard::ForgotPasswordWizard(const ScreenServices &services, QWidget *parent)
    : QWizard(parent)
    , m_services(services)
    , m_ui(std::make_unique<Ui::ForgotPasswordWizard>())
    , m_resendTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    markSecret(m_ui->resetDocumentEdit);
    markSecret(m_ui->resetCodeEdit);
    setObjectName(QStringLiteral("forgotPasswordWizard"));
    setWindowModality(Qt::WindowModal);
    m_password = m_ui->resetPasswordField;
    m_password->setConfirmVisible(true);
    m_ui->resetNewPasswordLabel->setBuddy(m_password->passwordEdit());
    m_ui->codePage->setCommitPage(true);
    m_ui->passwordPage->setCommitPage(true);
    m_ui->resetCodeEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,6}")), m_ui->resetCodeEdit));
    m_ui->resetCodeInfo->setStyleSheet(kInfoStyle);
    m_ui->resetCodeInfo->hide();
    m_ui->resetStartAgainButton->hide();
    m_ui->resetDocumentHint->setStyleSheet(QStringLiteral("color: #5f6368;"));
    QFont doneFont = m_ui->resetDoneLabel->font();
    doneFont.setPointSizeF(doneFont.pointSizeF() * 1.15);
    m_ui->resetDoneLabel->setFont(doneFont);
    // The page titles in the header, a size larger than Qt's default bold body text.
    setTitleFormat(Qt::RichText);
    styleTitles();
    for (QProgressBar *bar : {m_ui->phoneBusyBar, m_ui->codeBusyBar, m_ui->passwordBusyBar})
        bar->hide();
    for (QLabel *label : {m_ui->phoneBusyLabel, m_ui->codeBusyLabel, m_ui->passwordBusyLabel})
        label->hide();

    m_phoneField =
        new ValidatedField(m_ui->resetPhoneEdit, m_ui->resetPhoneMessage, validators::phone(), this);
    m_ui->phonePage->setCompleteCheck([this] { return !m_busy && m_phoneField->isValid(); });
    m_ui->codePage->setCompleteCheck(
        [this] { return !m_busy && !m_mustRestart && m_ui->resetCodeEdit->text().size() == 6; });
    m_ui->passwordPage->setCompleteCheck([this] { return !m_busy && m_password->isAcceptable(); });

    connect(m_phoneField, &ValidatedField::validityChanged, m_ui->phonePage, &ResetWizardPage::recheck);
    connect(m_ui->resetPhoneEdit, &QLineEdit::textEdited, this,
            [this] { m_ui->resetPhonePageMessage->clearMessage(); });
    connect(m_ui->resetDocumentEdit, &QLineEdit::textEdited, this,
            [this] { m_ui->resetPhonePageMessage->clearMessage(); });
    connect(m_ui->resetCodeEdit, &QLineEdit::textChanged, m_ui->codePage, &ResetWizardPage::recheck);
    connect(m_ui->resetCodeEdit, &QLineEdit::textEdited, this, [this] {
        if (!m_mustRestart)
            m_ui->resetCodeMessage->clearMessage();
    });
    connect(m_password, &PasswordField::changed, m_ui->passwordPage, &ResetWizardPage::recheck);
    connect(m_password, &PasswordField::changed, this,
            [this] { m_ui->resetPasswordMessage->clearMessage(); });
    connect(m_ui->resetResendButton, &QPushButton::clicked, this, &ForgotPasswordWizard::resendCode);
    connect(m_ui->resetStartAgainButton, &QPushButton::clicked, this, [this] {
        m_services.session->cancelPasswordReset();
        m_mustRestart = false;
        m_ui->resetCodeEdit->setEnabled(true);
        m_ui->resetCodeEdit->clear();
        m_ui->resetCodeMessage->clearMessage();
        m_ui->resetStartAgainButton->hide();
        restart();
    });
    m_resendTimer->setInterval(1000);
    connect(m_resendTimer, &QTimer::timeout, this, &ForgotPasswordWizard::updateResend);
    connect(this, &QWizard::currentIdChanged, this, &ForgotPasswordWizard::onPageChanged);

    retranslate();
}

ForgotPasswordWizard::~ForgotPasswordWizard()
{
    wipe();
}

bool ForgotPasswordWizard::validateCurrentPage()
{
    if (m_advance) {
        m_advance = false;
        return true;
    }
    if (m_busy)
        return false;
    switch (currentId()) {
    case PhonePage:
        startReset();
        return false;
    case CodePage:
        verifyCode();
        return false;
    case PasswordPage:
        completeReset();
        return false;
    default:
        return true;
    }
}

void ForgotPasswordWizard::advance()
{
    m_advance = true;
    next();
    m_advance = false;
}

void ForgotPasswordWizard::startReset()
{
    if (!m_phoneField->isValid()) {
        m_phoneField->reveal();
        return;
    }
    m_phone = m_ui->resetPhoneEdit->text();
    setBusy(true);
    QPointer<ForgotPasswordWizard> self(this);
    m_services.session->startPasswordReset(
        m_phone, m_ui->resetDocumentEdit->text(), [self](services::ServiceResult<gateway::OtpInfo> started) {
            if (!self)
                return;
            self->setBusy(false);
            if (!started) {
                const services::ServiceError &error = started.error();
                if (error.field == QLatin1String("phone"))
                    self->m_phoneField->setExternalError(error.userMessage());
                else
                    self->m_ui->resetPhonePageMessage->show(error.userMessage());
                return;
            }
            // The document number went with the request: it is not kept on the page.
            self->m_ui->resetDocumentEdit->clear();
            self->m_toMasked = started->toMasked;
            self->m_resendAfter = started->resendAfter;
            self->m_expiresAt = started->expiresAt;
            self->m_mustRestart = false;
            self->advance();
        });
}

void ForgotPasswordWizard::resendCode()
{
    if (m_busy)
        return;
    setBusy(true);
    QPointer<ForgotPasswordWizard> self(this);
    m_services.session->resendPasswordResetCode([self](services::ServiceResult<gateway::OtpInfo> sent) {
        if (!self)
            return;
        self->setBusy(false);
        if (!sent) {
            self->m_ui->resetCodeInfo->hide();
            self->m_ui->resetCodeMessage->show(sent.error().userMessage());
            return;
        }
        self->m_resendAfter = sent->resendAfter;
        self->m_expiresAt = sent->expiresAt;
        if (!sent->toMasked.isEmpty())
            self->m_toMasked = sent->toMasked;
        self->m_ui->resetCodeMessage->clearMessage();
        self->m_ui->resetCodeEdit->clear();
        self->m_ui->resetCodeInfo->setText(tr("A new code was sent to %1.").arg(self->m_toMasked));
        self->m_ui->resetCodeInfo->show();
        self->retranslate();
        self->updateResend();
        self->m_ui->resetCodeEdit->setFocus();
    });
}

void ForgotPasswordWizard::verifyCode()
{
    const QString code = m_ui->resetCodeEdit->text();
    setBusy(true);
    QPointer<ForgotPasswordWizard> self(this);
    m_services.session->verifyPasswordResetCode(code, [self](services::ServiceError error) {
        if (!self)
            return;
        self->setBusy(false);
        self->m_ui->resetCodeEdit->clear();
        if (!error.isError()) {
            self->advance();
            return;
        }
        self->m_ui->resetCodeInfo->hide();
        QString text = error.userMessage();
        if (error.is(u"document_mismatch") || error.code == QLatin1String("document_mismatch")) {
            text = tr("The identity document number does not match the one your identity was verified with "
                      "(or it is missing). Start again and enter the number of the document you verified "
                      "your wallet with.");
            // This reset cannot succeed any more: the number went with its first step.
            self->m_mustRestart = true;
            self->m_ui->resetStartAgainButton->show();
            self->m_ui->codePage->recheck();
        } else if (error.is(u"otp_attempts_exceeded") || error.code == QLatin1String("wrong_state")) {
            // The bank ended this reset: only a new one helps.
            self->m_mustRestart = true;
            self->m_ui->resetStartAgainButton->show();
            self->m_ui->codePage->recheck();
        } else if (error.is(u"otp_expired")) {
            text = detail::joinSentences(text, tr("Use \"Send a new code\"."));
        }
        self->m_ui->resetCodeMessage->show(text);
        self->m_ui->resetCodeEdit->setEnabled(!self->m_mustRestart);
        if (self->m_mustRestart)
            self->m_ui->resetStartAgainButton->setFocus();
        else
            self->m_ui->resetCodeEdit->setFocus();
    });
}

void ForgotPasswordWizard::completeReset()
{
    if (!m_password->isAcceptable())
        return;
    setBusy(true);
    QPointer<ForgotPasswordWizard> self(this);
    m_services.session->completePasswordReset(m_password->password(), [self](services::ServiceError error) {
        if (!self)
            return;
        self->setBusy(false);
        if (error.isError()) {
            self->m_ui->resetPasswordMessage->show(error.userMessage());
            return;
        }
        self->m_changed = true;
        self->advance();
        Q_EMIT self->passwordReset();
    });
    // The service holds its own copy for the call; the field does not keep the password.
    m_password->clear();
}

void ForgotPasswordWizard::setBusy(bool busy)
{
    m_busy = busy;
    const int id = currentId();
    QProgressBar *bar = id == PhonePage  ? m_ui->phoneBusyBar
                        : id == CodePage ? m_ui->codeBusyBar
                                         : m_ui->passwordBusyBar;
    QLabel *label = id == PhonePage  ? m_ui->phoneBusyLabel
                    : id == CodePage ? m_ui->codeBusyLabel
                                     : m_ui->passwordBusyLabel;
    bar->setVisible(busy);
    label->setVisible(busy);
    for (QWidget *input : std::initializer_list<QWidget *>{m_ui->resetPhoneEdit, m_ui->resetDocumentEdit,
                                                           m_ui->resetCodeEdit, m_password})
        input->setEnabled(!busy);
    if (QAbstractButton *back = button(QWizard::BackButton))
        back->setEnabled(!busy);
    updateResend();
    for (ResetWizardPage *page : {m_ui->phonePage, m_ui->codePage, m_ui->passwordPage})
        page->recheck();
}

void ForgotPasswordWizard::onPageChanged(int id)
{
    if (id == CodePage) {
        m_ui->resetCodeEdit->clear();
        m_ui->resetCodeMessage->clearMessage();
        m_ui->resetCodeInfo->hide();
        m_ui->resetStartAgainButton->hide();
        m_resendTimer->start();
        updateResend();
        m_ui->resetCodeEdit->setFocus();
    } else {
        m_resendTimer->stop();
    }
    if (id == PhonePage) {
        m_ui->resetPhoneEdit->setFocus();
    } else if (id == PasswordPage) {
        auto phone = core::PhoneValidator::validate(m_phone);
        m_password->setPersonalContext({}, phone ? phone->e164() : QString());
        m_password->clear();
        m_ui->resetPasswordMessage->clearMessage();
        m_password->setFocus();
    }
    retranslate();
}

void ForgotPasswordWizard::updateResend()
{
    const qint64 wait = m_resendAfter.isValid() ? QDateTime::currentDateTimeUtc().secsTo(m_resendAfter) : 0;
    QPushButton *resend = m_ui->resetResendButton;
    if (wait > 0) {
        resend->setText(
            tr("Send a new code in %1")
                .arg(QStringLiteral("%1:%2").arg(wait / 60).arg(wait % 60, 2, 10, QLatin1Char('0'))));
        resend->setEnabled(false);
    } else {
        resend->setText(tr("Send a new code"));
        resend->setEnabled(!m_busy && !m_mustRestart);
    }
}

void ForgotPasswordWizard::retranslate()
{
    if (!m_toMasked.isEmpty()) {
        QString subtitle = tr("We sent a 6-digit code to %1.").arg(m_toMasked);
        if (m_expiresAt.isValid())
            subtitle = detail::joinSentences(
                subtitle,
                tr("It is valid until %1.")
                    .arg(QLocale().toString(m_expiresAt.toLocalTime().time(), QLocale::ShortFormat)));
        m_ui->codePage->setSubTitle(subtitle);
    }
    m_ui->codePage->setButtonText(QWizard::CommitButton, tr("Verify"));
    m_ui->passwordPage->setButtonText(QWizard::CommitButton, tr("Change password"));
    m_ui->donePage->setButtonText(QWizard::FinishButton, tr("Sign in"));
    // Qt's own catalogue may be missing (its button texts would stay English in the Chinese UI).
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    m_phoneField->revalidate();
    updateResend();
}

void ForgotPasswordWizard::styleTitles()
{
    for (QWizardPage *page :
         {static_cast<QWizardPage *>(m_ui->phonePage), static_cast<QWizardPage *>(m_ui->codePage),
          static_cast<QWizardPage *>(m_ui->passwordPage), static_cast<QWizardPage *>(m_ui->donePage)})
        page->setTitle(QStringLiteral("<span style=\"font-size: 14pt; font-weight: 600;\">%1</span>")
                           .arg(page->title().toHtmlEscaped()));
}

void ForgotPasswordWizard::wipe()
{
    m_ui->resetPhoneEdit->clear();
    m_ui->resetDocumentEdit->clear();
    m_ui->resetCodeEdit->clear();
    m_password->clear();
    m_phone.clear();
    m_phoneField->reset();
}

void ForgotPasswordWizard::done(int result)
{
    m_resendTimer->stop();
    wipe();
    if (!m_changed && m_services.session)
        m_services.session->cancelPasswordReset();
    QWizard::done(result);
}

void ForgotPasswordWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        styleTitles();
        retranslate();
    }
    QWizard::changeEvent(event);
}

} // namespace bw::ui
