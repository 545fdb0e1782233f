#include "ui/methods/add_payment_method_dialog.h"

#include "core/iban_validator.h"
#include "services/payment_method_service.h"
#include "services/service_context.h"
#include "ui/sentences.h"
#include "ui/widgets/bank_account_form.h"
#include "ui/widgets/card_form.h"
#include "ui_add_payment_method_dialog.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>
#include <QPointer>
#include <QPushButton>

#include <algorithm>

namespace bw::ui {

namespace {

// The form field a refusal is about: the contract's param, or the one its code implies when the param is
// missing. Empty when the refusal is about no field of the shown form (it goes above the buttons).
QString fieldFor(const services::ServiceError &error, bool card)
{
    const QString &code = error.code;
    if (code == QLatin1String("holder_name_mismatch") || code == QLatin1String("invalid_name"))
        return QStringLiteral("holder_name");
    if (!error.field.isEmpty())
        return error.field;
    if (card) {
        if (code == QLatin1String("invalid_card_number") || code == QLatin1String("unsupported_brand"))
            return QStringLiteral("number");
        if (code == QLatin1String("card_expired"))
            return QStringLiteral("exp_year");
        if (code == QLatin1String("invalid_cvc"))
            return QStringLiteral("cvc");
        return QString();
    }
    if (code == QLatin1String("invalid_iban"))
        return QStringLiteral("iban");
    if (code == QLatin1String("invalid_account_number"))
        return QStringLiteral("account_number");
    return QString();
}

// The countries of the bank directory and of the IBANs people are likely to have, named in the app's
// language for a sentence (Qt names territories in English only). Empty when not listed.
QString countryName(const QString &code)
{
    static const struct
    {
        const char *code;
        const char *name;
    } names[] = {
        {"CN", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "China")},
        {"HK", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Hong Kong SAR")},
        {"MO", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Macao SAR")},
        {"SG", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Singapore")},
        {"DE", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Germany")},
        {"CH", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Switzerland")},
        {"GB", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "the United Kingdom")},
        {"CA", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Canada")},
        {"US", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "the United States")},
        {"JP", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Japan")},
        {"FR", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "France")},
        {"NL", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "the Netherlands")},
        {"BE", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Belgium")},
        {"LU", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Luxembourg")},
        {"AT", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Austria")},
        {"IT", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Italy")},
        {"ES", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Spain")},
        {"PT", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Portugal")},
        {"IE", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Ireland")},
        {"PL", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Poland")},
        {"SE", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Sweden")},
        {"DK", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Denmark")},
        {"NO", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Norway")},
        {"FI", QT_TRANSLATE_NOOP("bw::ui::AddPaymentMethodDialog", "Finland")},
    };
    for (const auto &entry : names) {
        if (code == QLatin1String(entry.code))
            return QCoreApplication::translate("bw::ui::AddPaymentMethodDialog", entry.name);
    }
    return QString();
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
    m_banks = banks;
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
    if (!card) {
        // An IBAN names its country; a bank account is in its bank's country. Said here, before the bank
        // answers with a plain invalid_iban that reads like a typo.
        const QString mismatch = ibanCountryMismatch(m_ui->bankAccountForm->accountInput());
        if (!mismatch.isEmpty()) {
            clearErrors();
            m_ui->bankAccountForm->showFieldError(QStringLiteral("iban"), mismatch);
            return;
        }
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
    const QString field = fieldFor(error, card);
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

QString AddPaymentMethodDialog::ibanCountryMismatch(const services::BankAccountInput &input) const
{
    const auto iban = core::IbanValidator::validate(input.accountNumberOrIban);
    if (!iban)
        return QString(); // a domestic account number (or the form's own message)
    const auto bank = std::find_if(m_banks.cbegin(), m_banks.cend(),
                                   [&](const gateway::Bank &b) { return b.id == input.bankId; });
    if (bank == m_banks.cend() || bank->country.isEmpty() || iban->countryCode() == bank->country)
        return QString();
    const QString bankName =
        QLocale().language() == QLocale::Chinese && !bank->nameZh.isEmpty() ? bank->nameZh : bank->name;
    const QString ibanCountry = countryName(iban->countryCode());
    const QString bankCountry = countryName(bank->country);
    if (!ibanCountry.isEmpty() && !bankCountry.isEmpty())
        return tr("This IBAN is from %1, but %2 is in %3. Choose the bank that holds this account.")
            .arg(ibanCountry, bankName, bankCountry);
    if (!bankCountry.isEmpty())
        return tr("This IBAN is not from %1, where %2 is. Choose the bank that holds this account.")
            .arg(bankCountry, bankName);
    return tr("This IBAN is not from the country of %1. Choose the bank that holds this account.")
        .arg(bankName);
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
