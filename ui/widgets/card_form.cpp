#include "ui/widgets/card_form.h"

#include "core/name_validator.h"
#include "ui/widgets/brand_icon_p.h"
#include "ui/widgets/field_message.h"
#include "ui/widgets/secret_field.h"

#include "ui_card_form.h"

#include <QEvent>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace bw::ui {

namespace {

constexpr int kMaxCardDigits = 19;

QString digitsOf(QStringView text, qsizetype limit = -1)
{
    QString out;
    for (const QChar c : text) {
        if (c >= u'0' && c <= u'9') {
            out += c;
            if (limit >= 0 && out.size() >= limit) {
                break;
            }
        }
    }
    return out;
}

// Partial numbers are grouped as the card prints them: 4-6-5 for American Express, fours otherwise.
QString groupCardDigits(const QString &digits, std::optional<core::CardBrand> brand)
{
    if (brand != core::CardBrand::Amex) {
        return core::CardNumber{digits, brand.value_or(core::CardBrand::Visa)}.grouped();
    }
    QString out;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i == 4 || i == 10) {
            out += QLatin1Char(' ');
        }
        out += digits[i];
    }
    return out;
}

// Where the caret goes after reformatting: right after the same number of digits as before.
int caretAfterDigits(const QString &formatted, qsizetype digitsBefore)
{
    if (digitsBefore <= 0) {
        return 0;
    }
    qsizetype seen = 0;
    for (qsizetype i = 0; i < formatted.size(); ++i) {
        if (formatted[i].isDigit() && ++seen == digitsBefore) {
            return int(i + 1);
        }
    }
    return int(formatted.size());
}

} // namespace

CardForm::CardForm(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::CardForm>())
{
    m_ui->setupUi(this);
    markSecret(m_ui->cardNumberEdit);
    markSecret(m_ui->cvcEdit);
    m_ui->cardNumberEdit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData |
                                              Qt::ImhNoPredictiveText);
    m_ui->cvcEdit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText |
                                       Qt::ImhHiddenText);
    m_ui->cvcEdit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,4}")), m_ui->cvcEdit));
    m_ui->cvcEdit->setMaxLength(3);
    m_ui->expiryEdit->setInputMethodHints(Qt::ImhDigitsOnly);
    // Air above each field's label, so a message under the previous field reads as belonging to it.
    for (QLabel *label : {m_ui->expiryLabel, m_ui->cvcLabel, m_ui->holderLabel}) {
        label->setContentsMargins(0, 8, 0, 0);
    }

    m_number = std::make_unique<ValidatedField>(m_ui->cardNumberEdit, m_ui->cardNumberMessage,
                                                [](const QString &text) {
                                                    const auto r = core::CardValidator::validateNumber(text);
                                                    return r.ok() ? QString() : r.message();
                                                });
    m_expiry =
        std::make_unique<ValidatedField>(m_ui->expiryEdit, m_ui->expiryMessage, [this](const QString &text) {
            const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
            const auto r = core::CardValidator::validateExpiry(text, today);
            return r.ok() ? QString() : r.message();
        });
    m_cvc = std::make_unique<ValidatedField>(m_ui->cvcEdit, m_ui->cvcMessage, [this](const QString &text) {
        const auto r = core::CardValidator::validateCvc(text, m_brand.value_or(core::CardBrand::Visa));
        return r.ok() ? QString() : r.message();
    });
    m_holder = std::make_unique<ValidatedField>(m_ui->holderEdit, m_ui->holderMessage, validators::name());

    connect(m_ui->cardNumberEdit, &QLineEdit::textEdited, this, &CardForm::onNumberEdited);
    connect(m_ui->expiryEdit, &QLineEdit::textEdited, this, &CardForm::onExpiryEdited);
    for (ValidatedField *field : {m_number.get(), m_expiry.get(), m_cvc.get(), m_holder.get()}) {
        connect(field, &ValidatedField::validityChanged, this, &CardForm::updateValidity);
    }
    for (QLineEdit *edit : {m_ui->cardNumberEdit, m_ui->expiryEdit, m_ui->cvcEdit, m_ui->holderEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &CardForm::changed);
    }
    setFocusProxy(m_ui->cardNumberEdit);
    updateBrand();
    retranslate();
    updateValidity();
}

CardForm::~CardForm()
{
    // The edits outlive this part of the object: their signals must not reach it.
    for (QLineEdit *edit : {m_ui->cardNumberEdit, m_ui->expiryEdit, m_ui->cvcEdit, m_ui->holderEdit}) {
        edit->disconnect(this);
    }
    m_number.reset();
    m_expiry.reset();
    m_cvc.reset();
    m_holder.reset();
    m_ui->cardNumberEdit->clear();
    m_ui->cvcEdit->clear();
}

services::CardInput CardForm::cardInput() const
{
    services::CardInput input;
    input.number = digitsOf(m_ui->cardNumberEdit->text());
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    if (const auto expiry = core::CardValidator::validateExpiry(m_ui->expiryEdit->text(), today);
        expiry.ok()) {
        input.expMonth = expiry->month;
        input.expYear = expiry->year;
    }
    input.cvc = m_ui->cvcEdit->text();
    input.holderName = m_ui->holderEdit->text().simplified();
    return input;
}

void CardForm::clearCvc()
{
    m_ui->cvcEdit->clear();
}

void CardForm::clear(bool wipeHolder)
{
    m_ui->cardNumberEdit->clear();
    m_ui->expiryEdit->clear();
    m_ui->cvcEdit->clear();
    if (wipeHolder) {
        m_ui->holderEdit->clear();
    }
    m_number->reset();
    m_expiry->reset();
    m_cvc->reset();
    if (wipeHolder) {
        m_holder->reset();
    }
    updateBrand();
    updateValidity();
}

void CardForm::setHolderName(const QString &name)
{
    m_ui->holderEdit->setText(name);
}

void CardForm::revealErrors()
{
    m_number->reveal();
    m_expiry->reveal();
    m_cvc->reveal();
    m_holder->reveal();
}

bool CardForm::showFieldError(const QString &field, const QString &message)
{
    ValidatedField *target = nullptr;
    if (field == QLatin1String("number"))
        target = m_number.get();
    else if (field == QLatin1String("exp_month") || field == QLatin1String("exp_year") ||
             field == QLatin1String("expiry"))
        target = m_expiry.get();
    else if (field == QLatin1String("cvc"))
        target = m_cvc.get();
    else if (field == QLatin1String("holder_name"))
        target = m_holder.get();
    if (!target || message.isEmpty())
        return false;
    // Valid as typed, refused by the bank: the same text would be refused again, so the form stays
    // invalid (and the caller's Add disabled) until the person changes it.
    target->setExternalError(message);
    target->edit()->setFocus();
    target->edit()->selectAll();
    return true;
}

void CardForm::setToday(QDate today)
{
    m_today = today;
    m_expiry->revalidate();
}

void CardForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QWidget::changeEvent(event);
}

void CardForm::onNumberEdited(const QString &text)
{
    QLineEdit *edit = m_ui->cardNumberEdit;
    const qsizetype digitsBeforeCaret = digitsOf(QStringView(text).left(edit->cursorPosition())).size();
    QString digits = digitsOf(text, kMaxCardDigits);
    const auto brand = core::CardValidator::detectBrand(digits);
    if (brand == core::CardBrand::Amex && digits.size() > 15) {
        digits.truncate(15);
    }
    const QString formatted = groupCardDigits(digits, brand);
    if (formatted != text) {
        edit->setText(formatted);
        edit->setCursorPosition(caretAfterDigits(formatted, qMin(digitsBeforeCaret, digits.size())));
    }
    updateBrand();
}

void CardForm::onExpiryEdited(const QString &text)
{
    QLineEdit *edit = m_ui->expiryEdit;
    const QString previous = edit->property("previousText").toString();
    const bool deleting = text.size() < previous.size();
    QString digits = digitsOf(text, 6);
    QString formatted;
    if (digits.size() == 1 && digits[0] >= u'2' && !deleting) {
        // No month starts with 2..9: it is that month.
        formatted = QLatin1Char('0') + digits + QLatin1Char('/');
    } else if (digits.size() == 2 && !deleting && !text.contains(QLatin1Char('/'))) {
        formatted = digits + QLatin1Char('/');
    } else if (digits.size() > 2) {
        formatted = digits.left(2) + QLatin1Char('/') + digits.mid(2, digits.size() > 4 ? 4 : 2);
    } else {
        formatted =
            text.contains(QLatin1Char('/')) && digits.size() == 2 ? digits + QLatin1Char('/') : digits;
    }
    if (formatted != text) {
        edit->setText(formatted);
        edit->setCursorPosition(int(formatted.size()));
    }
    edit->setProperty("previousText", formatted);
}

void CardForm::updateBrand()
{
    const QString digits = digitsOf(m_ui->cardNumberEdit->text());
    const auto brand = core::CardValidator::detectBrand(digits);
    const bool brandChanged = brand != m_brand || m_ui->brandIcon->pixmap().isNull();
    m_brand = brand;
    m_ui->brandLabel->setText(brand ? core::cardBrandDisplayName(*brand) : QString());
    m_ui->brandIcon->setProperty("brand", brand ? core::cardBrandCode(*brand) : QString());
    if (brandChanged) {
        m_ui->brandIcon->setPixmap(detail::brandPixmap(brand, QSize(48, 32), devicePixelRatioF()));
        const int cvcLength = brand == core::CardBrand::Amex ? 4 : 3;
        if (m_ui->cvcEdit->maxLength() != cvcLength) {
            m_ui->cvcEdit->setMaxLength(cvcLength);
        }
        m_cvc->revalidate();
    }
    m_ui->brandIcon->setAccessibleName(m_ui->brandLabel->text());
}

void CardForm::updateValidity()
{
    const bool valid = m_number->isValid() && m_expiry->isValid() && m_cvc->isValid() && m_holder->isValid();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

void CardForm::retranslate()
{
    m_ui->brandLabel->setText(m_brand ? core::cardBrandDisplayName(*m_brand) : QString());
    m_ui->brandIcon->setAccessibleName(m_ui->brandLabel->text());
    m_ui->cvcEdit->setToolTip(tr("The 3 digits on the back of the card, or 4 on the front of an American "
                                 "Express card"));
    m_number->revalidate();
    m_expiry->revalidate();
    m_cvc->revalidate();
    m_holder->revalidate();
}

} // namespace bw::ui
