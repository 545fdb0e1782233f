// API-READY
// PaymentDialog — the ONE dialog for every money movement the customer starts: pay a merchant, transfer to
// another wallet by phone, top up from a linked card/account, withdraw to an own bank account. Steps:
// payee → amount, funding source and note → review of the bank's quote (fees, FX, total, remaining limit,
// countdown with automatic re-quote, blockers, why a second factor is asked) → PIN and, when the quote
// requires it, OTP → processing → result. PaymentService owns the request: closing the dialog while a
// payment is in flight never abandons it (the app's notifier announces the result).
// A `bankwallet:` payment link (core::parsePaymentLink) can be passed to prefill(), pasted into the payee
// field, or dropped on the dialog.
#pragma once

#include "core/payment_link.h"
#include "gateway/gateway_types.h"
#include "services/payment_state.h"
#include "ui/screen_services.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

class QLabel;
class QTimer;

namespace Ui {
class PaymentDialog;
}
namespace bw::models {
class MerchantsModel;
}

namespace bw::ui {

class ValidatedField;

class PaymentDialog : public QDialog
{
    Q_OBJECT

public:
    // The pages of stepStack, in order (the Payee page is skipped for a top-up).
    enum class Step { Payee, Amount, Review, Authenticate, Processing, Result };
    Q_ENUM(Step)

    PaymentDialog(const ScreenServices &services, gateway::QuoteKind kind, QWidget *parent = nullptr);
    ~PaymentDialog() override;

    gateway::QuoteKind kind() const { return m_kind; }
    Step step() const;
    // The PaymentService action of the current quote (0 before the first quote).
    services::PaymentActionId actionId() const { return m_actionId; }
    // A payment of this dialog is being recorded, sent or checked (closing leaves it to the service).
    bool isPaymentInFlight() const;

    // Fills payee, amount and note from a payment link and moves on to the amount step. Returns false (and
    // shows why in the dialog's banner) when the link does not fit this dialog: a phone link outside a
    // Transfer, a merchant link outside a Pay dialog, or a payment already under way.
    bool prefill(const core::PaymentLink &link);
    // Parses `text` with core::parsePaymentLink and prefills; false (and a translated message shown) when
    // the text is not a valid link or does not fit.
    bool prefillFromText(const QString &text);
    // The kind a link asks for: Transfer for a phone, Payment for a merchant.
    static gateway::QuoteKind kindForLink(const core::PaymentLink &link);

Q_SIGNALS:
    // "View receipt" on the success page (the lead opens the receipt dialog).
    void receiptRequested(const bw::gateway::Payment &payment);
    // The payment of this dialog reached a final state (succeeded, declined, held, ...).
    void paymentFinished(const bw::services::PaymentState &state);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void setStep(Step step);
    void retranslate();
    void updateButtons();
    void showBanner(const QString &text, bool error = true);
    void hideBanner();

    // payee
    void loadMerchants();
    void fillCategories();
    void onMerchantSelected();
    void fillAccounts();
    bool payeeComplete() const;
    QString payeeDisplayName() const;
    // The hint naming the payee of a link (unverified: only ever shown as a hint, never as the payee).
    QString linkNameHint() const;
    // Forgets the link's name once the payee is no longer the link's (phone edited, other merchant).
    void clearLinkName();
    bool checkPasted(const QString &text);

    // amount
    void enterAmountStep();
    void fillSources();
    void updateBalance();
    void updateAmountState();
    std::optional<core::Money> availableBalance() const;
    bool amountComplete() const;
    services::PaymentDraft draft() const;

    // review
    void requestQuote();
    void onQuoteState(services::PaymentActionId id, const services::QuoteState &state);
    void showQuote();
    void addReviewRow(const QString &name, const QString &label, const QString &value, bool strong = false);
    void tickCountdown();
    QString secondFactorReason() const;

    // authentication and the payment
    void enterAuthStep();
    void updateOtpPane();
    void sendSms();
    void onOtpRequested(services::PaymentActionId id, const gateway::GatewayError &error);
    void tickResend();
    void confirm();
    void onPaymentState(services::PaymentActionId id, const services::PaymentState &state);
    void showResult(const services::PaymentState &state);
    void addResultRow(const QString &name, const QString &label, const QString &value);
    void clearSecrets();

    void next();
    void back();

    std::unique_ptr<Ui::PaymentDialog> m_ui;
    ScreenServices m_services;
    gateway::QuoteKind m_kind;
    models::MerchantsModel *m_merchants = nullptr;
    ValidatedField *m_phoneField = nullptr;
    QTimer *m_countdown = nullptr;
    QTimer *m_resendTimer = nullptr;

    std::optional<gateway::Merchant> m_merchant;    // the chosen merchant (Payment)
    std::optional<core::PaymentLink> m_pendingLink; // a merchant link, until the directory is loaded
    QString m_linkName;                             // the payee's name from a link (unverified hint)
    QList<gateway::PaymentMethod> m_methods;

    services::PaymentActionId m_actionId = 0;
    std::optional<services::QuoteState> m_quote; // the current quote (Ready) of m_actionId
    qint64 m_quoteDeadlineMs = 0;                // when the quote shown stops being usable (local clock)
    bool m_requoting = false;                    // a re-quote after expiry is on its way
    QString m_requoteNotice;                     // why the review was shown again
    int m_resendSecs = 0;
    bool m_smsSent = false;
    bool m_submitted = false; // confirm() accepted for the current attempt: no second submission
    std::optional<services::PaymentState> m_result;
};

} // namespace bw::ui
