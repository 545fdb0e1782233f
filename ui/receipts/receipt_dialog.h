// API-READY
// ReceiptDialog — the receipt of any transaction: the bank, kind, status and what it means, the amount the
// payee received and the amount debited, each fee, the FX rate and rounding rule of a cross-border
// payment, the counterparty, travel-rule data, the local time, the receipt number and the note. "Save as
// PDF…" (ReceiptPdf, file chosen in a QFileDialog, default receipt-<no>.pdf in Documents) and "Copy
// receipt number". showTransaction() loads the payment from the bank (PaymentService::loadPayment) with a
// busy state, and on failure shows the translated error with Retry.
//
// Object names: receiptDialog; receiptStack with pages receiptBusyPage / receiptErrorPage /
// receiptContentPage; receiptErrorLabel, receiptRetryButton; receiptBankLabel, receiptTitleLabel,
// receiptAmountLabel, receiptStatusLabel, receiptStatusMeaningLabel; one value label per receipt line named
// "receiptValue_<key>" (keys: ReceiptField::key with '.' → '_', e.g. receiptValue_receipt_no,
// receiptValue_credit, receiptValue_debit, receiptValue_fee_fx_margin, receiptValue_fx_rate,
// receiptValue_rounding); savePdfButton, copyReceiptNoButton, receiptCloseButton, receiptSavedLabel;
// the file dialog: receiptSaveDialog (non-native, window-modal, opened with open()).
#pragma once

#include "gateway/gateway_types.h"
#include "ui/receipts/receipt.h"
#include "ui/screen_services.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <optional>

namespace Ui {
class ReceiptDialog;
}
class QFileDialog;
class QLabel;

namespace bw::services {
class ServiceError;
}

namespace bw::ui {

class ReceiptDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ReceiptDialog(const ScreenServices &services, QWidget *parent = nullptr);
    ~ReceiptDialog() override;

    // Shows a payment the caller already has (e.g. the Pay dialog's result).
    void showPayment(const gateway::Payment &payment);
    // Loads the payment from the bank, then shows it (busy meanwhile; error with Retry).
    void showTransaction(const QString &paymentId);

    // The receipt shown now, or nullopt while loading / after an error.
    std::optional<Receipt> receipt() const { return m_receipt; }
    // Where "Save as PDF…" proposes to save: <Documents>/receipt-<no>.pdf.
    QString defaultPdfPath() const;
    // Writes the PDF to `path` straight away (what the file dialog's accept does); the error text or empty.
    QString savePdf(const QString &path);

Q_SIGNALS:
    // A PDF was written.
    void pdfSaved(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void load();
    void showBusy();
    void showError(const services::ServiceError &error);
    void render();
    void askPdfPath();
    void copyReceiptNumber();
    void lookUpBank();
    void retranslate();

    std::unique_ptr<Ui::ReceiptDialog> m_ui;
    ScreenServices m_services;
    QString m_paymentId;
    std::optional<Receipt> m_receipt;
    std::optional<gateway::Bank> m_bank; // the wallet's bank, once the directory has answered
    quint64 m_loadSerial = 0;
    QPointer<QFileDialog> m_fileDialog;
};

} // namespace bw::ui
