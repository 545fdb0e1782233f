// API-READY
// BankAccountForm — a bank account input: the bank (wallet-supported banks only), a domestic account
// number or an IBAN (grouped in fours as you type) and the holder name. Produces a
// services::BankAccountInput for PaymentMethodService::addBankAccount.
#pragma once

#include "gateway/gateway_types.h"
#include "services/payment_method_service.h"

#include <QList>
#include <QWidget>

#include <memory>

namespace Ui {
class BankAccountForm;
}

namespace bw::ui {

class ValidatedField;

class BankAccountForm : public QWidget
{
    Q_OBJECT
public:
    explicit BankAccountForm(QWidget *parent = nullptr);
    ~BankAccountForm() override;

    // Fills "bankCombo" with the banks whose walletSupported is true (name in the current language).
    void setBanks(const QList<gateway::Bank> &banks);
    void setSelectedBank(const QString &bankId);
    QString selectedBankId() const;

    bool isValid() const { return m_valid; }
    services::BankAccountInput accountInput() const;
    // Wipes the account number (and the holder name when wipeHolder).
    void clear(bool wipeHolder = false);
    void setHolderName(const QString &name);
    void revealErrors();
    // Shows a refusal from elsewhere (the bank's translated userMessage(), or the caller's own check) under
    // the field the contract's param names — "account_number", "iban" (or "account"), "holder_name" — and
    // moves the focus there. The form reports invalid until that field is edited; an account refusal also
    // ends when another bank is chosen (it was about this account at that bank). False (nothing shown) for a
    // field the form does not have.
    bool showFieldError(const QString &field, const QString &message);
    // An IBAN names its country; a bank account is in its bank's country. The sentence saying that the
    // typed IBAN is from another country than the chosen bank's ("This IBAN is from Germany, but … is in
    // China. …"); empty when they agree or it cannot tell (a domestic account number, a bank without a
    // country).
    QString ibanCountryMismatch() const;
    // Said before anything is sent, as the bank would answer a plain invalid_iban that reads like a typo:
    // false when the IBAN is from another country (the sentence is then shown under the account field).
    bool checkIbanCountry();

Q_SIGNALS:
    void validityChanged(bool valid);
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onAccountEdited(const QString &text);
    void updateValidity();
    void fillBanks();
    void retranslate();

    std::unique_ptr<Ui::BankAccountForm> m_ui;
    std::unique_ptr<ValidatedField> m_account;
    std::unique_ptr<ValidatedField> m_holder;
    QList<gateway::Bank> m_banks;
    bool m_accountRefused = false; // the account shows an external error (ends on a bank change too)
    bool m_valid = false;
};

// The field of a CardForm (card) or a BankAccountForm a refusal (ServiceError) is about, for their
// showFieldError(): the contract's param, or the one its code implies when the param is missing. Empty
// when it is about no field of the form (the caller shows it above the buttons).
QString refusedField(const services::ServiceError &error, bool card);

} // namespace bw::ui
