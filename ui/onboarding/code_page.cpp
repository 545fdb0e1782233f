#include "ui/onboarding/code_page.h"

#include "gateway/gateway_error.h"
#include "ui/widgets/secret_field.h"
#include "ui_code_page.h"

#include <QRegularExpressionValidator>
#include <QTimer>

namespace bw::ui {

CodePage::CodePage(const ScreenServices &services, QWidget *parent)
    : OnboardingPage(services, parent)
    , m_ui(std::make_unique<Ui::CodePage>())
{
    setObjectName(QStringLiteral("codePage"));
    m_ui->setupUi(body());
    markSecret(m_ui->codeEdit);
    m_ui->codeEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), m_ui->codeEdit));
    QFont big = m_ui->codeEdit->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setLetterSpacing(QFont::AbsoluteSpacing, 4);
    m_ui->codeEdit->setFont(big);
    m_ui->codeHint->setStyleSheet(QStringLiteral("color: #5a6370;"));
    m_ui->startAgainButton->hide();
    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &CodePage::updateCountdown);
    connect(m_ui->codeEdit, &QLineEdit::textChanged, this, [this] {
        if (!m_dead && !m_expired)
            m_ui->codeMessage->clearMessage();
        notifyComplete();
    });
    connect(m_ui->resendButton, &QPushButton::clicked, this, &CodePage::resend);
    connect(m_ui->startAgainButton, &QPushButton::clicked, this, [this] { followService(); });
    retranslate();
}

CodePage::~CodePage() = default;

void CodePage::retranslate()
{
    m_ui->retranslateUi(body());
    setHeading(tr("Confirm your phone number"), tr("Enter the code from the text message we sent you."));
    m_ui->codePrompt->setText(
        m_state.phoneMasked.isEmpty()
            ? tr("We sent a 6-digit code to your mobile phone.")
            : tr("We sent a 6-digit code to <b>%1</b>.").arg(m_state.phoneMasked.toHtmlEscaped()));
    updateCountdown();
}

void CodePage::enter(const services::OnboardingState &state)
{
    OnboardingPage::enter(state);
    m_state = state;
    m_dead = false;
    m_expired = false;
    m_ui->codeMessage->clearMessage();
    m_ui->startAgainButton->hide();
    m_ui->codeEdit->setEnabled(true);
    retranslate();
    m_timer->start();
    m_ui->codeEdit->setFocus();
}

void CodePage::leave()
{
    m_timer->stop();
    m_ui->codeEdit->clear();
}

void CodePage::reset()
{
    OnboardingPage::reset();
    leave();
    m_state = {};
}

void CodePage::updateCountdown()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_dead && !m_expired && m_state.codeExpiresAt.isValid() && now >= m_state.codeExpiresAt) {
        m_expired = true;
        m_ui->codeMessage->showMessage(gateway::contractCodeMessage(QStringLiteral("otp_expired")));
    }
    if (m_dead) {
        m_ui->resendButton->setEnabled(false);
        m_ui->resendButton->setText(tr("Resend code"));
        return;
    }
    const qint64 wait = m_state.codeResendAfter.isValid() ? now.secsTo(m_state.codeResendAfter) : 0;
    if (wait > 0) {
        m_ui->resendButton->setEnabled(false);
        m_ui->resendButton->setText(tr("Resend in %n s", nullptr, int(wait)));
    } else {
        m_ui->resendButton->setEnabled(!isBusy());
        m_ui->resendButton->setText(m_expired ? tr("Send a new code") : tr("Resend code"));
    }
    notifyComplete();
}

bool CodePage::canSubmit() const
{
    return !m_dead && !m_expired && m_ui->codeEdit->text().size() == 6;
}

void CodePage::resend()
{
    clearMessage();
    setBusy(true);
    onboarding().resendCode(guarded([this](services::ServiceError error) {
        setBusy(false);
        m_state = onboarding().state();
        if (error) {
            if (error.is(u"otp_attempts_exceeded"))
                showDead(error);
            else
                showError(error);
            updateCountdown();
            return;
        }
        m_expired = false;
        m_ui->codeMessage->clearMessage();
        m_ui->codeEdit->clear();
        showMessage(tr("A new code is on its way to %1.").arg(m_state.phoneMasked), false);
        retranslate();
        m_ui->codeEdit->setFocus();
    }));
}

void CodePage::showDead(const services::ServiceError &error)
{
    m_dead = true;
    m_ui->codeEdit->clear();
    m_ui->codeEdit->setEnabled(false);
    m_ui->codeMessage->showMessage(error.userMessage());
    m_ui->startAgainButton->show();
    m_ui->startAgainButton->setFocus();
    updateCountdown();
}

void CodePage::submit()
{
    const QString code = m_ui->codeEdit->text();
    setBusy(true);
    onboarding().verifyCode(code, guarded([this](services::ServiceError error) {
                                setBusy(false);
                                if (!error) {
                                    m_ui->codeEdit->clear();
                                    advance();
                                    return;
                                }
                                if (error.is(u"otp_attempts_exceeded") ||
                                    onboarding().step() == services::OnboardingStep::ContactDetails) {
                                    showDead(error);
                                } else if (error.is(u"otp_expired")) {
                                    m_expired = true;
                                    m_ui->codeEdit->clear();
                                    m_ui->codeMessage->showMessage(error.userMessage());
                                    updateCountdown();
                                } else if (error.is(u"otp_invalid")) {
                                    m_ui->codeEdit->selectAll();
                                    m_ui->codeEdit->setFocus();
                                    m_ui->codeMessage->showMessage(error.userMessage());
                                } else {
                                    showError(error, tr("Press Next to try again."));
                                }
                            }));
}

} // namespace bw::ui
