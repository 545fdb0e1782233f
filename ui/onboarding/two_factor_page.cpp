#include "ui/onboarding/two_factor_page.h"

#include "services/service_context.h"
#include "ui/onboarding/sign_in_prompt.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/one_time_code.h"
#include "ui/widgets/qr_code_view.h"
#include "ui/widgets/secret_field.h"
#include "ui_two_factor_page.h"

namespace bw::ui {

TwoFactorPage::TwoFactorPage(const ScreenServices &services, QWidget *parent)
    : OnboardingPage(services, parent)
    , m_ui(std::make_unique<Ui::TwoFactorPage>())
{
    setObjectName(QStringLiteral("twoFactorPage"));
    m_ui->setupUi(body());
    markSecret(m_ui->totpKeyLabel);
    markSecret(m_ui->totpCodeEdit);
    m_signIn = new SignInPrompt(services, m_ui->signInContainer);
    m_ui->signInLayout->addWidget(m_signIn);
    m_ui->signInContainer->hide();
    // Locked on this page: the key is gone from the widgets (auto-lock empties them) and must be asked
    // for again after unlocking.
    if (services.context)
        connect(services.context, &services::ServiceContext::locked, this, [this] { leave(); });
    connect(m_signIn, &SignInPrompt::signedIn, this, [this] {
        showSignIn(false);
        startTotp();
    });

    OneTimeCode::styleKey(m_ui->totpKeyLabel, m_ui->totpKeyTitle);
    OneTimeCode::setupEdit(m_ui->totpCodeEdit);
    m_ui->retryTotpButton->hide();
    m_ui->smsText->setStyleSheet(QStringLiteral("color: #5a6370;"));
    connect(m_ui->totpCodeEdit, &QLineEdit::textChanged, this, [this] {
        m_ui->totpMessage->clearMessage();
        notifyComplete();
    });
    connect(m_ui->retryTotpButton, &QPushButton::clicked, this, &TwoFactorPage::startTotp);
    connect(m_ui->useSmsButton, &QPushButton::clicked, this, &TwoFactorPage::useSms);
    retranslate();
}

TwoFactorPage::~TwoFactorPage() = default;

void TwoFactorPage::retranslate()
{
    m_ui->retranslateUi(body());
    setHeading(tr("Two-step verification"),
               tr("Larger payments and changes to your security settings ask for a second code. Choose "
                  "where it comes from."));
    setButtonText(QWizard::NextButton, tr("&Verify"));
}

void TwoFactorPage::showSignIn(bool show)
{
    m_ui->signInContainer->setVisible(show);
    m_ui->totpPanel->setEnabled(!show);
    m_ui->useSmsButton->setEnabled(!show);
}

void TwoFactorPage::enter(const services::OnboardingState &state)
{
    OnboardingPage::enter(state);
    if (state.signInRequired) {
        showSignIn(true);
        return;
    }
    showSignIn(false);
    if (!m_totpReady)
        startTotp();
}

void TwoFactorPage::leave()
{
    // The authenticator key is shown once: gone from the widgets (and the QR code's memory) now.
    m_ui->totpQr->clear();
    m_ui->totpKeyLabel->clear();
    m_ui->totpCodeEdit->clear();
    m_signIn->clear();
    m_totpReady = false;
}

void TwoFactorPage::reset()
{
    OnboardingPage::reset();
    leave();
}

void TwoFactorPage::startTotp()
{
    m_ui->retryTotpButton->hide();
    clearMessage();
    setBusy(true);
    onboarding().startTotp(guarded([this](services::ServiceResult<gateway::TotpEnrollment> result) {
        setBusy(false);
        if (!result) {
            if (result.error().code == QLatin1String("sign_in_required")) {
                showSignIn(true);
                return;
            }
            showError(result.error(), tr("Press Retry, or use SMS codes instead."));
            m_ui->retryTotpButton->show();
            return;
        }
        m_ui->totpQr->setText(QString::fromLatin1(result->otpauthUri.view()));
        m_ui->totpKeyLabel->setText(
            OneTimeCode::groupedKey(QString::fromLatin1(result->secretBase32.view())));
        m_totpReady = true;
        m_ui->totpCodeEdit->setFocus();
        notifyComplete();
    }));
}

bool TwoFactorPage::canSubmit() const
{
    return m_totpReady && m_ui->totpCodeEdit->text().size() == 6;
}

void TwoFactorPage::submit()
{
    const QString code = m_ui->totpCodeEdit->text();
    setBusy(true);
    onboarding().confirmTotp(code, guarded([this](services::ServiceError error) {
                                 setBusy(false);
                                 m_ui->totpCodeEdit->clear();
                                 if (!error) {
                                     advance();
                                     return;
                                 }
                                 m_ui->totpMessage->showMessage(error.userMessage());
                                 m_ui->totpCodeEdit->setFocus();
                             }));
}

void TwoFactorPage::useSms()
{
    if (isBusy())
        return;
    clearMessage();
    setBusy(true);
    onboarding().useSmsTwoFactor(guarded([this](services::ServiceError error) {
        if (error) {
            showError(error, tr("Try again."));
            return;
        }
        advance();
    }));
}

} // namespace bw::ui
