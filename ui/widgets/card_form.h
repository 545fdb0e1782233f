// API-READY
// CardForm — the payment card input: number grouped as you type with its brand shown, expiry MM/YY, CVC
// and holder name, each with an inline message. Produces a services::CardInput for PaymentMethodService.
#pragma once

#include "core/card_validator.h"
#include "services/payment_method_service.h"
#include "ui/widgets/bank_account_form.h" // BankAccountForm lives next to CardForm

#include <QDate>
#include <QWidget>

#include <memory>
#include <optional>

namespace Ui {
class CardForm;
}

namespace bw::ui {

class ValidatedField;

class CardForm : public QWidget
{
    Q_OBJECT
public:
    explicit CardForm(QWidget *parent = nullptr);
    ~CardForm() override;

    bool isValid() const { return m_valid; }
    // What the person typed, ready for PaymentMethodService::addCard (number without spaces).
    services::CardInput cardInput() const;
    // The brand the digits typed so far belong to (nullopt when not yet known).
    std::optional<core::CardBrand> detectedBrand() const { return m_brand; }
    // Wipes the number and the CVC (and the expiry); the holder name stays unless wipeHolder.
    void clear(bool wipeHolder = false);
    // Wipes the CVC only: it was needed for one call, while the number may stay for a retry (the form is
    // invalid until a CVC is typed again).
    void clearCvc();
    void setHolderName(const QString &name);
    // Show every field's message now (call on submit).
    void revealErrors();
    // Shows a refusal from elsewhere (the bank's translated userMessage()) under the field the contract's
    // param names — "number", "exp_month", "exp_year" or "expiry", "cvc", "holder_name" — and moves the
    // focus there. The form reports invalid until that field is edited. False (nothing shown) for a field
    // the form does not have.
    bool showFieldError(const QString &field, const QString &message);
    // The date the expiry is checked against (tests); default today.
    void setToday(QDate today);

Q_SIGNALS:
    void validityChanged(bool valid);
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onNumberEdited(const QString &text);
    void onExpiryEdited(const QString &text);
    void updateBrand();
    void updateValidity();
    void retranslate();

    std::unique_ptr<Ui::CardForm> m_ui;
    std::unique_ptr<ValidatedField> m_number;
    std::unique_ptr<ValidatedField> m_expiry;
    std::unique_ptr<ValidatedField> m_cvc;
    std::unique_ptr<ValidatedField> m_holder;
    std::optional<core::CardBrand> m_brand;
    QDate m_today;
    bool m_valid = false;
};

} // namespace bw::ui
