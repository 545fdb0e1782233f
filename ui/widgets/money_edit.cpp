#include "ui/widgets/money_edit.h"

#include <QEvent>
#include <QFocusEvent>
#include <QValidator>

namespace bw::ui {

namespace {

// Refuses keystrokes that can never become an amount of the currency (a minus sign, a digit beyond the
// currency's exponent, more than the gateway accepts); anything else may still be on its way to an amount
// ("1,", "¥") and is left for value()/problem() to judge.
class AmountValidator : public QValidator
{
public:
    explicit AmountValidator(MoneyEdit *edit)
        : QValidator(edit)
        , m_edit(edit)
    {}

    State validate(QString &input, int &) const override
    {
        if (input.trimmed().isEmpty())
            return Intermediate;
        const auto parsed = core::Money::parse(input, m_edit->currency(), QLocale());
        if (parsed.ok())
            return Acceptable;
        switch (parsed.error()) {
        case core::MoneyParseError::Negative:
        case core::MoneyParseError::TooManyDecimals:
        case core::MoneyParseError::Overflow:
            return Invalid;
        default:
            return Intermediate;
        }
    }

private:
    MoneyEdit *m_edit;
};

} // namespace

MoneyEdit::MoneyEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_currency(core::Currency::fromCode(u"CNY").value_or(core::Currency()))
{
    setValidator(new AmountValidator(this));
    setInputMethodHints(Qt::ImhFormattedNumbersOnly);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    connect(this, &QLineEdit::textChanged, this, &MoneyEdit::reparse);
    updatePlaceholder();
}

MoneyEdit::~MoneyEdit() = default;

void MoneyEdit::setCurrency(const core::Currency &currency)
{
    if (!currency.isValid() || currency == m_currency)
        return;
    m_currency = currency;
    updatePlaceholder();
    // The number typed was an amount in the old currency: kept, it would silently mean something else
    // (USD 100 is not JPY 100). The person types the amount again.
    if (text().isEmpty())
        reparse();
    else
        clear();
}

void MoneyEdit::setValue(const std::optional<core::Money> &value)
{
    if (!value || !value->isValid()) {
        clear();
        return;
    }
    if (value->currency() != m_currency) {
        m_currency = value->currency();
        updatePlaceholder();
    }
    setText(value->formatAmount(QLocale()));
}

void MoneyEdit::setMaximum(const std::optional<core::Money> &maximum)
{
    m_maximum = maximum;
    reparse();
}

bool MoneyEdit::exceedsMaximum() const
{
    if (!m_value || !m_maximum)
        return false;
    const auto order = m_value->compare(*m_maximum);
    return order && *order == std::strong_ordering::greater;
}

bool MoneyEdit::isAcceptable() const
{
    return m_value && m_value->isPositive() && !exceedsMaximum();
}

QString MoneyEdit::problem() const
{
    if (text().trimmed().isEmpty())
        return {};
    if (!m_value)
        return core::moneyParseErrorMessage(m_error, m_currency);
    if (m_value->isZero())
        return tr("Enter an amount above zero.");
    if (exceedsMaximum())
        return tr("The amount is more than the %1 available.").arg(m_maximum->format(QLocale()));
    return {};
}

void MoneyEdit::reparse()
{
    std::optional<core::Money> value;
    if (text().trimmed().isEmpty()) {
        m_error = core::MoneyParseError::Empty;
    } else {
        const auto parsed = core::Money::parse(text(), m_currency, QLocale());
        m_error = parsed.error();
        if (parsed.ok())
            value = parsed.value();
    }
    const bool changed = value != m_value;
    m_value = value;
    if (changed)
        Q_EMIT valueChanged(m_value);
}

void MoneyEdit::updatePlaceholder()
{
    setPlaceholderText(core::Money::zero(m_currency).formatAmount(QLocale()));
}

void MoneyEdit::changeEvent(QEvent *event)
{
    QLineEdit::changeEvent(event);
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) {
        // The language switch changes QLocale's default: show the same amount in the new locale's digits.
        const std::optional<core::Money> value = m_value;
        updatePlaceholder();
        if (value)
            setText(value->formatAmount(QLocale()));
    }
}

void MoneyEdit::focusOutEvent(QFocusEvent *event)
{
    QLineEdit::focusOutEvent(event);
    // Tidy what was typed ("1234.5" → "1,234.50") once the person is done with the field.
    if (m_value && event->reason() != Qt::PopupFocusReason) {
        const QString tidy = m_value->formatAmount(QLocale());
        if (tidy != text())
            setText(tidy);
    }
}

} // namespace bw::ui
