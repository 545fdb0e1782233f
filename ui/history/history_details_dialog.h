// HistoryDetailsDialog — every field of one history row as the local store has it, with translated labels:
// date and time, counterparty, type, category, amount (and what the card or account was charged), fees,
// status (with the reason of a refusal), balance after, payment method, receipt number, the note, and the
// payment id. "View receipt" opens the bank's receipt (ui/receipts). Opened from the History page (Enter,
// double-click, Details…).
//
// Object names: historyDetailsDialog; one value label per field "historyDetailsValue_<key>" (keys: date,
// counterparty, kind, category, amount, debit, fees, status, balance_after, method, receipt_no, note,
// payment_id); historyDetailsReceiptButton, historyDetailsCloseButton.
#pragma once

#include "storage/history_store.h"
#include "ui/screen_services.h"

#include <QDialog>
#include <QLocale>

class QFormLayout;

namespace bw::ui {

class HistoryDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    // `methodName`: how the payment method is shown (e.g. "Visa ···· 4242"); empty when unknown.
    HistoryDetailsDialog(const ScreenServices &services, const storage::HistoryRow &row,
                         const QString &methodName, QWidget *parent = nullptr);

    QString paymentId() const { return m_row.paymentId; }

private:
    void addField(const QString &key, const QString &label, const QString &value);
    void openReceipt();

    ScreenServices m_services;
    storage::HistoryRow m_row;
    QFormLayout *m_form = nullptr;
};

} // namespace bw::ui
