// API-READY
// Receipt — one payment as its receipt shows it: the bank's payment record (GET /v1/payments/{id}) and the
// name of the bank that issued the wallet. ReceiptText turns it into translated, locale-formatted sections
// of labelled lines; the receipt dialog and the PDF both show exactly these, so they never say different
// things.
#pragma once

#include "gateway/gateway_types.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>

namespace bw::ui {

struct Receipt
{
    gateway::Payment payment;
    QString bankName; // in the receipt's language; ReceiptText::fallbackBankName() when unknown
};

// One labelled line. `key` is stable (object names and tests): receipt_no, payment_id, time, kind, status,
// credit, debit, fee.<kind>, fees_total, principal, fx_rate, rounding, counterparty, counterparty_type,
// travel.<field>, note, bank.
struct ReceiptField
{
    QString key;
    QString label;
    QString value;
};

// A titled group of lines: "summary", "amounts", "fx", "counterparty", "travel_rule", "details".
struct ReceiptSection
{
    QString key;
    QString title;
    QList<ReceiptField> fields;
};

class ReceiptText
{
    Q_DECLARE_TR_FUNCTIONS(bw::ui::ReceiptText)

public:
    // "BankWallet": the name shown when the wallet's bank is not known.
    static QString fallbackBankName();
    // "Payment receipt", "Transfer receipt", "Top-up receipt", "Withdrawal receipt", "Receipt of money
    // received".
    static QString title(const gateway::Payment &payment);
    // The status in words (ModelLabels) and what it means for the customer.
    static QString statusName(const gateway::Payment &payment);
    static QString statusMeaning(const gateway::Payment &payment);
    // merchant → "Merchant", wallet → "BankWallet user", external → "External sender", ...
    static QString counterpartyTypeName(const QString &type);
    // The payee's amount (credit) and the wallet's (debit) as the receipt labels them for this kind.
    static QString creditLabel(const gateway::Payment &payment);
    static QString debitLabel(const gateway::Payment &payment);
    // "1 CNY = 0.1381 USD" (the contract's rate: units of the payee's currency per 1 CNY, mid-market), as
    // the Pay dialog's review shows it (PaymentLabels); empty without a rate. Fees are named by
    // PaymentLabels::feeKindName.
    static QString fxRateText(const gateway::Payment &payment, const QLocale &locale);
    // The conversion and rounding rule of the contract, stated for this payment (cross-border only).
    static QString roundingRule(const gateway::Payment &payment, const QLocale &locale);
    // The time in the local time zone, in the locale's long format (with the zone).
    static QString timeText(const QDateTime &utc, const QLocale &locale);
    // Money with the ISO code ("CNY 1,234.50"): a receipt never leaves ¥ ambiguous.
    static QString money(const core::Money &amount, const QLocale &locale);

    // Everything a receipt shows, in order.
    static QList<ReceiptSection> sections(const Receipt &receipt, const QLocale &locale);
    // "receipt-<receipt_no>.pdf" (the payment id when there is no receipt number), safe as a file name.
    static QString defaultFileName(const Receipt &receipt);
};

} // namespace bw::ui
