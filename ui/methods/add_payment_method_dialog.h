// API-READY
// AddPaymentMethodDialog — "Add a card or bank account" from the Payment methods page: the SAME CardForm and
// BankAccountForm as onboarding in two tabs, the wallet holder's name prefilled, Add enabled only while the
// shown form is valid, a busy state while PaymentMethodService adds it, and the bank's refusal shown inline
// under the field it names (invalid_card_number, holder_name_mismatch, invalid_iban, ...; Add disabled until
// that field changes) or above the buttons. An IBAN of another country than the chosen bank is said before
// asking the bank. The card number, CVC and account number are wiped after the call and whenever the dialog
// closes.
#pragma once

#include "gateway/gateway_types.h"
#include "ui/screen_services.h"

#include <QDialog>
#include <QList>

#include <memory>

class QPushButton;

namespace Ui {
class AddPaymentMethodDialog;
}
namespace bw::services {
class ServiceError;
struct BankAccountInput;
} // namespace bw::services

namespace bw::ui {

class AddPaymentMethodDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Card, BankAccount };

    explicit AddPaymentMethodDialog(const ScreenServices &services, QWidget *parent = nullptr);
    ~AddPaymentMethodDialog() override;

    // The wallet-supported banks for the account tab (GET /v1/banks).
    void setBanks(const QList<gateway::Bank> &banks);
    // The name the holder fields start with (the wallet's verified name).
    void setHolderName(const QString &name);
    void setKind(Kind kind);
    Kind kind() const;
    bool isBusy() const { return m_busy; }

    // Wipes the secrets (number, CVC, account) whatever way the dialog closes.
    void done(int result) override;

Q_SIGNALS:
    // The bank linked it (the service's list already has it).
    void methodAdded(const bw::gateway::PaymentMethod &method);

protected:
    void changeEvent(QEvent *event) override;

private:
    void submit();
    void showError(const services::ServiceError &error);
    void clearErrors();
    void setBusy(bool busy);
    void updateButtons();
    void retranslate();

    std::unique_ptr<Ui::AddPaymentMethodDialog> m_ui;
    ScreenServices m_services;
    QPushButton *m_addButton = nullptr;
    bool m_busy = false;
};

} // namespace bw::ui
