#include "ui/methods/add_payment_method_dialog.h"

#include "services/payment_method_service.h"
#include "services/service_context.h"
#include "ui/sentences.h"
#include "ui/widgets/bank_account_form.h"
#include "ui/widgets/card_form.h"
#include "ui/widgets/style.h"
#include "ui_add_payment_method_dialog.h"

#include <QEvent>
#include <QPointer>
#include <QPushButton>

namespace bw::ui {

AddPaymentMethodDialog::AddPaymentMethodDialog(const ScreenServices &services, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddPaymentMethodDialog>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("addPaymentMethodDialog"));
    style::title(m_ui->dialogTitle, 1.45);
    style::muted(m_ui->dialogIntro);
    style::muted(m_ui->busyLabel);
    style::errorBanner(m_ui->errorLabel);
    m_ui->errorLabel->hide();
    m_ui->busyLabel->hide();
    m_ui->buttonRow->insertStretch(1, 1);
    setMinimumWidth(560);

    // The forms mark their own number, CVC and account edits as secret (auto-lock empties them); the
    // dialog wipes them after every call and whenever it closes.

    // Not the standard Ok button: the button box would put its own "OK" back on a language switch.
    QPushButton *add = m_ui->buttonBox->addButton(tr("&Add"), QDialogButtonBox::AcceptRole);
    m_addButton = add;
    add->setObjectName(QStringLiteral("addMethodButton"));
    add->setDefault(true);
    add->setAutoDefault(true);
    QPushButton *cancel = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelAddButton"));
    cancel->setAutoDefault(false);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &AddPaymentMethodDialog::submit);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &AddPaymentMethodDialog::reject);

    connect(m_ui->cardForm, &CardForm::validityChanged, this, &AddPaymentMethodDialog::updateButtons);
    connect(m_ui->bankAccountForm, &BankAccountForm::validityChanged, this,
            &AddPaymentMethodDialog::updateButtons);
    // A refusal is about what was typed: once something changes, the banner has said its piece.
    connect(m_ui->cardForm, &CardForm::changed, this, [this] {
        if (!m_busy)
            m_ui->errorLabel->hide();
    });
    connect(m_ui->bankAccountForm, &BankAccountForm::changed, this, [this] {
        if (!m_busy)
            m_ui->errorLabel->hide();
    });
    connect(m_ui->methodTabs, &QTabWidget::currentChanged, this, [this] {
        m_ui->errorLabel->hide();
        updateButtons();
        if (QWidget *form = kind() == Kind::Card ? static_cast<QWidget *>(m_ui->cardForm)
                                                 : static_cast<QWidget *>(m_ui->bankAccountForm))
            form->setFocus();
    });
    if (m_services.context) {
        // The session ended (auto-lock, sign-out): nothing typed here may stay on screen.
        connect(m_services.context, &services::ServiceContext::locked, this, [this] { reject(); });
        connect(m_services.context, &services::ServiceContext::signedOut, this, [this] { reject(); });
    }
    retranslate();
    updateButtons();
    m_ui->cardForm->setFocus();
}

AddPaymentMethodDialog::~AddPaymentMethodDialog()
{
    m_ui->cardForm->clear(true);
    m_ui->bankAccountForm->clear(true);
}

void AddPaymentMethodDialog::setBanks(const QList<gateway::Bank> &banks)
{
    m_ui->bankAccountForm->setBanks(banks);
    updateButtons();
}

void AddPaymentMethodDialog::setHolderName(const QString &name)
{
    if (name.isEmpty())
        return;
    m_ui->cardForm->setHolderName(name);
    m_ui->bankAccountForm->setHolderName(name);
}

void AddPaymentMethodDialog::setKind(Kind kind)
{
    m_ui->methodTabs->setCurrentWidget(kind == Kind::Card ? m_ui->cardTab : m_ui->accountTab);
}

AddPaymentMethodDialog::Kind AddPaymentMethodDialog::kind() const
{
    return m_ui->methodTabs->currentWidget() == m_ui->accountTab ? Kind::BankAccount : Kind::Card;
}

void AddPaymentMethodDialog::done(int result)
{
    if (m_busy && result != QDialog::Accepted) {
        // The bank is linking it: closing now would leave the person not knowing whether it was added.
        // The answer comes back to the page's list either way; only the secrets go now.
        m_busy = false;
    }
    m_ui->cardForm->clear();
    m_ui->bankAccountForm->clear();
    clearErrors();
    setBusy(false);
    QDialog::done(result);
}

void AddPaymentMethodDialog::submit()
{
    if (m_busy || !m_services.methods)
        return;
    const bool card = kind() == Kind::Card;
    const bool valid = card ? m_ui->cardForm->isValid() : m_ui->bankAccountForm->isValid();
    if (!valid) {
        if (card)
            m_ui->cardForm->revealErrors();
        else
            m_ui->bankAccountForm->revealErrors();
        return;
    }
    clearErrors();
    if (!card && !m_ui->bankAccountForm->checkIbanCountry())
        return;
    setBusy(true);
    QPointer<AddPaymentMethodDialog> self(this);
    auto done = [self, card](services::ServiceResult<gateway::PaymentMethod> result) {
        if (!self)
            return;
        // The number and CVC were handed to the service (which wipes its copy): the form's go too.
        if (card)
            self->m_ui->cardForm->clear();
        else
            self->m_ui->bankAccountForm->clear();
        if (!self->m_busy)
            return; // closed while the bank answered; the page's list shows the outcome
        self->setBusy(false);
        if (!result) {
            self->showError(result.error());
            return;
        }
        const gateway::PaymentMethod method = result.value();
        self->accept();
        Q_EMIT self->methodAdded(method);
    };
    if (card)
        m_services.methods->addCard(m_ui->cardForm->cardInput(), std::move(done));
    else
        m_services.methods->addBankAccount(m_ui->bankAccountForm->accountInput(), std::move(done));
}

void AddPaymentMethodDialog::showError(const services::ServiceError &error)
{
    const bool card = kind() == Kind::Card;
    const QString field = refusedField(error, card);
    if (!field.isEmpty() && (card ? m_ui->cardForm->showFieldError(field, error.userMessage())
                                  : m_ui->bankAccountForm->showFieldError(field, error.userMessage())))
        return;
    QString next;
    if (error.kind == services::ServiceErrorKind::Gateway && error.gateway.kind != gateway::ErrorKind::Api)
        next = tr("Check your connection and try again.");
    else if (error.code == QLatin1String("not_signed_in") || error.code == QLatin1String("no_session"))
        next = tr("Sign in again, then add it.");
    else
        next = card ? tr("Check the card details or use another card.") : tr("Check the account details.");
    m_ui->errorLabel->setText(detail::joinSentences(error.userMessage(), next));
    m_ui->errorLabel->show();
}

void AddPaymentMethodDialog::clearErrors()
{
    m_ui->errorLabel->clear();
    m_ui->errorLabel->hide();
}

void AddPaymentMethodDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->busyLabel->setVisible(busy);
    m_ui->methodTabs->setEnabled(!busy);
    updateButtons();
}

void AddPaymentMethodDialog::updateButtons()
{
    const bool valid = kind() == Kind::Card ? m_ui->cardForm->isValid() : m_ui->bankAccountForm->isValid();
    m_addButton->setEnabled(valid && !m_busy);
}

void AddPaymentMethodDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void AddPaymentMethodDialog::retranslate()
{
    m_addButton->setText(tr("&Add"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
}

} // namespace bw::ui
