#include "ui/onboarding/payment_method_page.h"

#include "ui/onboarding/sign_in_prompt.h"
#include "ui/widgets/bank_account_form.h"
#include "ui/widgets/card_form.h"
#include "ui_payment_method_page.h"

namespace bw::ui {

namespace {

bool isAccountField(const QString &field)
{
    return field == QLatin1String("account_number") || field == QLatin1String("iban") ||
           field == QLatin1String("account");
}

} // namespace

PaymentMethodPage::PaymentMethodPage(const ScreenServices &services, QWidget *parent)
    : OnboardingPage(services, parent)
    , m_ui(std::make_unique<Ui::PaymentMethodPage>())
{
    setObjectName(QStringLiteral("paymentMethodPage"));
    m_ui->setupUi(body());
    m_signIn = new SignInPrompt(services, m_ui->signInContainer);
    m_ui->signInLayout->addWidget(m_signIn);
    m_ui->signInContainer->hide();
    connect(m_signIn, &SignInPrompt::signedIn, this, [this] { showSignIn(false); });
    m_ui->skipText->setStyleSheet(QStringLiteral("color: #5a6370;"));
    connect(m_ui->cardForm, &CardForm::validityChanged, this, &PaymentMethodPage::notifyComplete);
    connect(m_ui->bankAccountForm, &BankAccountForm::validityChanged, this,
            &PaymentMethodPage::notifyComplete);
    connect(m_ui->methodTabs, &QTabWidget::currentChanged, this, [this] {
        clearMessage();
        notifyComplete();
    });
    connect(m_ui->skipMethodButton, &QPushButton::clicked, this, &PaymentMethodPage::skip);
    retranslate();
}

PaymentMethodPage::~PaymentMethodPage() = default;

void PaymentMethodPage::retranslate()
{
    m_ui->retranslateUi(body());
    setHeading(tr("Link a card or bank account"),
               tr("Optional: it lets you top up your wallet and raises its limits."));
    setButtonText(QWizard::NextButton, tr("&Link"));
}

void PaymentMethodPage::setHolderName(const QString &name)
{
    if (name.isEmpty())
        return;
    m_ui->cardForm->setHolderName(name);
    m_ui->bankAccountForm->setHolderName(name);
}

void PaymentMethodPage::showSignIn(bool show)
{
    m_ui->signInContainer->setVisible(show);
    m_ui->methodTabs->setEnabled(!show);
    m_ui->skipMethodButton->setEnabled(!show);
    notifyComplete();
}

void PaymentMethodPage::enter(const services::OnboardingState &state)
{
    OnboardingPage::enter(state);
    showSignIn(state.signInRequired);
    if (!m_banksLoaded)
        loadBanks();
}

void PaymentMethodPage::loadBanks()
{
    onboarding().listBanks(guarded([this](services::ServiceResult<QList<gateway::Bank>> result) {
        if (!result)
            return; // the account tab then lists no bank; the card tab works without
        m_ui->bankAccountForm->setBanks(result.value());
        const QString bankId = onboarding().state().bankId;
        if (!bankId.isEmpty())
            m_ui->bankAccountForm->setSelectedBank(bankId);
        m_banksLoaded = true;
    }));
}

void PaymentMethodPage::leave()
{
    m_ui->cardForm->clear();
    m_ui->bankAccountForm->clear();
    m_signIn->clear();
}

void PaymentMethodPage::reset()
{
    OnboardingPage::reset();
    m_ui->cardForm->clear(true);
    m_ui->bankAccountForm->clear(true);
    m_signIn->clear();
}

bool PaymentMethodPage::cardTab() const
{
    return m_ui->methodTabs->currentWidget() == m_ui->cardTab;
}

bool PaymentMethodPage::canSubmit() const
{
    if (m_ui->signInContainer->isVisibleTo(const_cast<PaymentMethodPage *>(this)))
        return false;
    return cardTab() ? m_ui->cardForm->isValid() : m_ui->bankAccountForm->isValid();
}

void PaymentMethodPage::submit()
{
    const bool card = cardTab();
    // An IBAN from another country than the bank's is explained under the field before anything is sent.
    if (!card && !m_ui->bankAccountForm->checkIbanCountry()) {
        clearMessage();
        return;
    }
    setBusy(true);
    auto done = guarded([this, card](services::ServiceResult<gateway::PaymentMethod> result) {
        setBusy(false);
        if (result) {
            m_ui->cardForm->clear();
            m_ui->bankAccountForm->clear();
            advance();
            return;
        }
        const services::ServiceError &error = result.error();
        const QString field = refusedField(error, card);
        dropSecretsAfterRefusal(card, field);
        if (error.code == QLatin1String("sign_in_required")) {
            showSignIn(true);
            return;
        }
        // Under the field it is about (the form stays invalid until that field changes); the page's banner
        // only for a refusal about no field of the form.
        const bool shown =
            !field.isEmpty() && (card ? m_ui->cardForm->showFieldError(field, error.userMessage())
                                      : m_ui->bankAccountForm->showFieldError(field, error.userMessage()));
        if (shown) {
            clearMessage();
            if (card && field == QLatin1String("cvc"))
                m_ui->cardForm->setFocus(); // the number went too: it is typed first
            return;
        }
        showError(error, card ? tr("Check the card details, use another card, or skip this step.")
                              : tr("Check the account details, or skip this step."));
    });
    if (card)
        onboarding().addCard(m_ui->cardForm->cardInput(), std::move(done));
    else
        onboarding().addBankAccount(m_ui->bankAccountForm->accountInput(), std::move(done));
}

void PaymentMethodPage::dropSecretsAfterRefusal(bool card, const QString &field)
{
    if (card) {
        if (field == QLatin1String("number") || field == QLatin1String("cvc")) {
            // A refused number or CVC is typed again in full, as a bank app asks (the expiry goes too).
            m_ui->cardForm->clear();
        } else {
            // The CVC was needed for that one call only; the number stays so that fixing the name or the
            // expiry is not a full retype.
            m_ui->cardForm->clearCvc();
        }
    } else if (isAccountField(field)) {
        m_ui->bankAccountForm->clear();
    }
}

void PaymentMethodPage::skip()
{
    if (isBusy())
        return;
    clearMessage();
    setBusy(true);
    onboarding().skipPaymentMethod(guarded([this](services::ServiceError error) {
        if (error) {
            showError(error, tr("Try again."));
            return;
        }
        leave();
        advance();
    }));
}

} // namespace bw::ui
