#include "ui/methods/add_payment_method_dialog.h"

#include "services/payment_method_service.h"
#include "services/service_context.h"
#include "ui/sentences.h"
#include "ui/widgets/bank_account_form.h"
#include "ui/widgets/card_form.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/secret_field.h"
#include "ui_add_payment_method_dialog.h"

#include <QEvent>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>

namespace bw::ui {

namespace {

// The FieldMessage (inside the card or account form) for a field the service or the bank named.
const char *messageFor(const QString &field, const QString &code, bool card)
{
    if (code == QLatin1String("holder_name_mismatch") || field == QLatin1String("holder_name"))
        return card ? "holderMessage" : "accountHolderMessage";
    if (card) {
        if (code == QLatin1String("invalid_card_number") || code == QLatin1String("unsupported_brand") ||
            field == QLatin1String("number"))
            return "cardNumberMessage";
        if (code == QLatin1String("card_expired") || field == QLatin1String("expiry") ||
            field == QLatin1String("exp_month") || field == QLatin1String("exp_year"))
            return "expiryMessage";
        if (code == QLatin1String("invalid_cvc") || field == QLatin1String("cvc"))
            return "cvcMessage";
        return nullptr;
    }
    if (code == QLatin1String("invalid_iban") || code == QLatin1String("invalid_account_number") ||
        field == QLatin1String("account") || field == QLatin1String("iban") ||
        field == QLatin1String("account_number"))
        return "accountMessage";
    return nullptr;
}

// The edit a FieldMessage belongs to.
QString editFor(const QString &messageName)
{
    if (messageName == QLatin1String("holderMessage"))
        return QStringLiteral("holderEdit");
    if (messageName == QLatin1String("accountHolderMessage"))
        return QStringLiteral("accountHolderEdit");
    if (messageName == QLatin1String("cardNumberMessage"))
        return QStringLiteral("cardNumberEdit");
    if (messageName == QLatin1String("expiryMessage"))
        return QStringLiteral("expiryEdit");
    if (messageName == QLatin1String("cvcMessage"))
        return QStringLiteral("cvcEdit");
    return QStringLiteral("accountEdit");
}

QFont scaled(QFont font, qreal factor, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

AddPaymentMethodDialog::AddPaymentMethodDialog(const ScreenServices &services, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AddPaymentMethodDialog>())
    , m_services(services)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("addPaymentMethodDialog"));
    m_ui->dialogTitle->setFont(scaled(m_ui->dialogTitle->font(), 1.45, true));
    m_ui->dialogIntro->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_ui->busyLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_ui->errorLabel->setStyleSheet(
        QStringLiteral("QLabel { background: #fdecea; color: #8a1c12; border: 1px "
                       "solid #f1b0aa; border-radius: 8px; padding: 8px 12px; }"));
    m_ui->errorLabel->hide();
    m_ui->busyLabel->hide();
    m_ui->buttonRow->insertStretch(1, 1);
    setMinimumWidth(560);

    // The forms mark their own number, CVC and account edits; marked again here because this dialog is
    // what must never leave them filled (auto-lock empties every marked widget).
    for (const char *name : {"cardNumberEdit", "cvcEdit", "accountEdit"}) {
        if (auto *edit = findChild<QLineEdit *>(QLatin1String(name)))
            markSecret(edit);
    }

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
    QWidget *form =
        card ? static_cast<QWidget *>(m_ui->cardForm) : static_cast<QWidget *>(m_ui->bankAccountForm);
    if (const char *name = messageFor(error.field, error.code, card)) {
        if (auto *message = form->findChild<FieldMessage *>(QLatin1String(name))) {
            message->show(error.userMessage());
            if (auto *edit = form->findChild<QLineEdit *>(editFor(QLatin1String(name)))) {
                edit->setProperty("invalid", true);
                edit->setFocus();
                edit->selectAll();
            }
            return;
        }
    }
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
