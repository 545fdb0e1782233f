#include "ui/widgets/bank_account_form.h"

#include "core/iban_validator.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/secret_field.h"

#include "ui_bank_account_form.h"

#include <QCoreApplication>
#include <QEvent>
#include <QLocale>

#include <algorithm>

namespace bw::ui {

namespace {

// The countries of the bank directory and of the IBANs people are likely to have, named in the app's
// language for a sentence (Qt names territories in English only). Empty when not listed.
QString countryName(const QString &code)
{
    static const struct
    {
        const char *code;
        const char *name;
    } names[] = {
        {"CN", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "China")},
        {"HK", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Hong Kong SAR")},
        {"MO", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Macao SAR")},
        {"SG", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Singapore")},
        {"DE", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Germany")},
        {"CH", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Switzerland")},
        {"GB", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "the United Kingdom")},
        {"CA", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Canada")},
        {"US", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "the United States")},
        {"JP", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Japan")},
        {"FR", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "France")},
        {"NL", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "the Netherlands")},
        {"BE", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Belgium")},
        {"LU", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Luxembourg")},
        {"AT", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Austria")},
        {"IT", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Italy")},
        {"ES", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Spain")},
        {"PT", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Portugal")},
        {"IE", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Ireland")},
        {"PL", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Poland")},
        {"SE", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Sweden")},
        {"DK", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Denmark")},
        {"NO", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Norway")},
        {"FI", QT_TRANSLATE_NOOP("bw::ui::BankAccountForm", "Finland")},
    };
    for (const auto &entry : names) {
        if (code == QLatin1String(entry.code))
            return QCoreApplication::translate("bw::ui::BankAccountForm", entry.name);
    }
    return QString();
}

bool looksLikeIban(QStringView text)
{
    const QStringView t = text.trimmed();
    return t.size() >= 2 && t[0].isLetter() && t[1].isLetter();
}

QString compactOf(QStringView text)
{
    QString out;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            out += c.toUpper();
        }
    }
    return out;
}

} // namespace

BankAccountForm::BankAccountForm(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::BankAccountForm>())
{
    m_ui->setupUi(this);
    markSecret(m_ui->accountEdit);
    // Air above each field's label, so a message under the previous field reads as belonging to it.
    for (QLabel *label : {m_ui->accountLabel, m_ui->accountHolderLabel}) {
        label->setContentsMargins(0, 8, 0, 0);
    }
    m_ui->accountEdit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                           Qt::ImhPreferUppercase);
    m_account = std::make_unique<ValidatedField>(m_ui->accountEdit, m_ui->accountMessage,
                                                 validators::accountNumberOrIban());
    m_holder = std::make_unique<ValidatedField>(m_ui->accountHolderEdit, m_ui->accountHolderMessage,
                                                validators::name());
    connect(m_ui->accountEdit, &QLineEdit::textEdited, this, &BankAccountForm::onAccountEdited);
    connect(m_account.get(), &ValidatedField::validityChanged, this, &BankAccountForm::updateValidity);
    connect(m_holder.get(), &ValidatedField::validityChanged, this, &BankAccountForm::updateValidity);
    connect(m_ui->bankCombo, &QComboBox::currentIndexChanged, this, [this] {
        // A refusal of the account was about it at the bank chosen then: another bank may hold it.
        if (m_accountRefused) {
            m_accountRefused = false;
            m_account->setExternalError(QString());
        }
        updateValidity();
        Q_EMIT changed();
    });
    connect(m_ui->accountEdit, &QLineEdit::textChanged, this, [this] {
        m_accountRefused = false; // the field dropped the refusal itself
        Q_EMIT changed();
    });
    connect(m_ui->accountHolderEdit, &QLineEdit::textChanged, this, &BankAccountForm::changed);
    setFocusProxy(m_ui->bankCombo);
    retranslate();
    updateValidity();
}

BankAccountForm::~BankAccountForm()
{
    // The children outlive this part of the object: their signals must not reach it.
    m_ui->accountEdit->disconnect(this);
    m_ui->accountHolderEdit->disconnect(this);
    m_ui->bankCombo->disconnect(this);
    m_account.reset();
    m_holder.reset();
    m_ui->accountEdit->clear();
}

void BankAccountForm::setBanks(const QList<gateway::Bank> &banks)
{
    m_banks.clear();
    for (const gateway::Bank &bank : banks) {
        if (bank.walletSupported) {
            m_banks.append(bank);
        }
    }
    fillBanks();
}

void BankAccountForm::setSelectedBank(const QString &bankId)
{
    const int index = m_ui->bankCombo->findData(bankId);
    if (index >= 0) {
        m_ui->bankCombo->setCurrentIndex(index);
    }
}

QString BankAccountForm::selectedBankId() const
{
    return m_ui->bankCombo->currentData().toString();
}

services::BankAccountInput BankAccountForm::accountInput() const
{
    services::BankAccountInput input;
    input.bankId = selectedBankId();
    input.accountNumberOrIban = compactOf(m_ui->accountEdit->text());
    input.holderName = m_ui->accountHolderEdit->text().simplified();
    return input;
}

void BankAccountForm::clear(bool wipeHolder)
{
    m_ui->accountEdit->clear();
    m_account->reset();
    m_accountRefused = false;
    if (wipeHolder) {
        m_ui->accountHolderEdit->clear();
        m_holder->reset();
    }
    updateValidity();
}

void BankAccountForm::setHolderName(const QString &name)
{
    m_ui->accountHolderEdit->setText(name);
}

void BankAccountForm::revealErrors()
{
    m_account->reveal();
    m_holder->reveal();
}

bool BankAccountForm::showFieldError(const QString &field, const QString &message)
{
    ValidatedField *target = nullptr;
    if (field == QLatin1String("account_number") || field == QLatin1String("iban") ||
        field == QLatin1String("account"))
        target = m_account.get();
    else if (field == QLatin1String("holder_name"))
        target = m_holder.get();
    if (!target || message.isEmpty())
        return false;
    if (target == m_account.get())
        m_accountRefused = true;
    // Valid as typed, refused by the bank: the same text would be refused again, so the form stays
    // invalid (and the caller's Add disabled) until the person changes it.
    target->setExternalError(message);
    target->edit()->setFocus();
    target->edit()->selectAll();
    return true;
}

QString BankAccountForm::ibanCountryMismatch() const
{
    const services::BankAccountInput input = accountInput();
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

bool BankAccountForm::checkIbanCountry()
{
    const QString mismatch = ibanCountryMismatch();
    return mismatch.isEmpty() || !showFieldError(QStringLiteral("iban"), mismatch);
}

QString refusedField(const services::ServiceError &error, bool card)
{
    const QString &code = error.code;
    if (code == QLatin1String("holder_name_mismatch") || code == QLatin1String("invalid_name"))
        return QStringLiteral("holder_name");
    if (!error.field.isEmpty())
        return error.field;
    if (card) {
        if (code == QLatin1String("invalid_card_number") || code == QLatin1String("unsupported_brand") ||
            code == QLatin1String("card_declined"))
            return QStringLiteral("number");
        if (code == QLatin1String("card_expired"))
            return QStringLiteral("exp_year");
        if (code == QLatin1String("invalid_cvc") || code == QLatin1String("incorrect_cvc"))
            return QStringLiteral("cvc");
        return QString();
    }
    if (code == QLatin1String("invalid_iban"))
        return QStringLiteral("iban");
    if (code == QLatin1String("invalid_account_number"))
        return QStringLiteral("account_number");
    return QString();
}

void BankAccountForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void BankAccountForm::onAccountEdited(const QString &text)
{
    if (!looksLikeIban(text)) {
        return;
    }
    // An IBAN is read in groups of four, as printed on statements; the caret stays after the same
    // character it followed.
    QLineEdit *edit = m_ui->accountEdit;
    const qsizetype before = compactOf(QStringView(text).left(edit->cursorPosition())).size();
    const QString compact = compactOf(text).left(34);
    const QString formatted = core::IbanValidator::format(compact);
    if (formatted == text) {
        return;
    }
    edit->setText(formatted);
    int caret = int(formatted.size());
    qsizetype seen = 0;
    for (qsizetype i = 0; i < formatted.size(); ++i) {
        if (formatted[i] != QLatin1Char(' ') && ++seen == before) {
            caret = int(i + 1);
            break;
        }
    }
    edit->setCursorPosition(before == 0 ? 0 : caret);
}

void BankAccountForm::updateValidity()
{
    const bool valid = !selectedBankId().isEmpty() && m_account->isValid() && m_holder->isValid();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

void BankAccountForm::fillBanks()
{
    const QString selected = selectedBankId();
    const bool chinese = QLocale().language() == QLocale::Chinese;
    const QSignalBlocker blocker(m_ui->bankCombo);
    m_ui->bankCombo->clear();
    for (const gateway::Bank &bank : std::as_const(m_banks)) {
        const QString name = chinese && !bank.nameZh.isEmpty() ? bank.nameZh : bank.name;
        m_ui->bankCombo->addItem(name, bank.id);
    }
    const int index = m_ui->bankCombo->findData(selected);
    m_ui->bankCombo->setCurrentIndex(index >= 0 ? index : (m_banks.isEmpty() ? -1 : 0));
    updateValidity();
}

void BankAccountForm::retranslate()
{
    m_ui->accountEdit->setPlaceholderText(tr("e.g. 6222 0200 0000 0000 or GB82 WEST 1234 5698 7654 32"));
    fillBanks();
    m_account->revalidate();
    m_holder->revalidate();
}

} // namespace bw::ui
