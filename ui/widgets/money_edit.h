// API-READY
// MoneyEdit — the one amount field: a line edit where a person types an amount in their locale
// ("1,234.56"), limited to the currency's minor digits, never negative, read with core::Money::parse (never
// a double). value() is the parsed amount, or nullopt while the text is empty or not an amount; problem()
// is the translated sentence saying why (core's one message table), e.g. for a FieldMessage under it.
#pragma once

#include "core/currency.h"
#include "core/money.h"

#include <QLineEdit>
#include <QString>

#include <optional>

namespace bw::ui {

class MoneyEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit MoneyEdit(QWidget *parent = nullptr);
    ~MoneyEdit() override;

    // The currency of the amount (CNY by default). A different currency empties the field: the number typed
    // was an amount in the old currency.
    void setCurrency(const core::Currency &currency);
    core::Currency currency() const { return m_currency; }

    // The amount typed, or nullopt when the field is empty or does not hold a valid amount (see problem()).
    // An amount above maximum() is still returned (the caller decides); exceedsMaximum() says so.
    std::optional<core::Money> value() const { return m_value; }
    // Shows the amount (grouped, in the current locale); a value in another currency switches the
    // currency; nullopt (or an invalid Money) empties the field.
    void setValue(const std::optional<core::Money> &value);
    // An upper bound (e.g. the available balance); nullopt removes it.
    void setMaximum(const std::optional<core::Money> &maximum);
    std::optional<core::Money> maximum() const { return m_maximum; }
    bool exceedsMaximum() const;

    // Valid amount, above zero and within maximum().
    bool isAcceptable() const;
    // The translated reason the text is not an acceptable amount ("" when acceptable or empty).
    QString problem() const;

Q_SIGNALS:
    // The parsed value changed (including to/from nullopt).
    void valueChanged(const std::optional<core::Money> &value);

protected:
    void changeEvent(QEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void reparse();
    void updatePlaceholder();

    core::Currency m_currency;
    std::optional<core::Money> m_value;
    std::optional<core::Money> m_maximum;
    core::MoneyParseError m_error = core::MoneyParseError::Empty;
};

} // namespace bw::ui
