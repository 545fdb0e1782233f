#include "ui/history/history_details_dialog.h"

#include "core/money.h"
#include "gateway/gateway_error.h"
#include "models/model_labels.h"
#include "ui/receipts/receipt_dialog.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bw::ui {

namespace {

QString formatMoney(qint64 minor, const QString &currencyCode, const QLocale &locale)
{
    const auto currency = core::Currency::fromCode(currencyCode);
    if (!currency)
        return QString::number(minor) + QLatin1Char(' ') + currencyCode;
    return core::Money(minor, *currency).format(locale);
}

// Money in with "+", money out with a true minus (U+2212), as the table shows it.
QString formatSigned(qint64 minor, const QString &currencyCode, const QLocale &locale)
{
    const QString size = formatMoney(minor < 0 ? -minor : minor, currencyCode, locale);
    if (minor > 0)
        return locale.positiveSign() + size;
    if (minor < 0)
        return QString(QChar(0x2212)) + size;
    return size;
}

} // namespace

HistoryDetailsDialog::HistoryDetailsDialog(const ScreenServices &services, const storage::HistoryRow &row,
                                           const QString &methodName, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_row(row)
{
    setObjectName(QStringLiteral("historyDetailsDialog"));
    setWindowTitle(tr("Transaction details"));
    const QLocale locale;
    using models::ModelLabels;

    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(m_form);

    addField(QStringLiteral("date"), tr("Date and time"),
             locale.toString(QDateTime::fromMSecsSinceEpoch(row.createdAtMs, Qt::UTC).toLocalTime(),
                             QLocale::LongFormat));
    QString counterparty = !row.merchantName.isEmpty()
                               ? ModelLabels::localizedName(locale, row.merchantName, row.merchantNameZh)
                               : row.counterpartyName;
    // A top-up's or withdrawal's counterparty is the customer's own card or account (type card or
    // bank_account, id pm_…): its name, never the id.
    if (counterparty.isEmpty() && row.counterpartyId.startsWith(QLatin1String("pm_")))
        counterparty = row.counterpartyId == row.paymentMethodId && !methodName.isEmpty()
                           ? methodName
                           : tr("Your card or bank account");
    if (counterparty.isEmpty())
        counterparty = row.counterpartyId;
    addField(QStringLiteral("counterparty"), tr("Counterparty"), counterparty);
    addField(QStringLiteral("kind"), tr("Type"), ModelLabels::kindName(row.kind));
    if (!row.category.isEmpty())
        addField(QStringLiteral("category"), tr("Category"), ModelLabels::categoryName(row.category));
    addField(QStringLiteral("amount"), tr("Amount"),
             formatSigned(storage::shownAmountMinor(row), storage::shownCurrency(row), locale));
    if (row.debitMinor)
        addField(QStringLiteral("debit"), tr("Charged to the payment method"),
                 formatMoney(*row.debitMinor, row.debitCurrency.isEmpty() ? row.currency : row.debitCurrency,
                             locale));
    if (row.feesMinor != 0)
        addField(
            QStringLiteral("fees"), tr("Fees"),
            formatMoney(row.feesMinor, row.feesCurrency.isEmpty() ? row.currency : row.feesCurrency, locale));
    QString status = ModelLabels::statusName(row.status);
    if (!row.failureCode.isEmpty())
        status = tr("%1 — %2").arg(status, gateway::contractCodeMessage(row.failureCode));
    addField(QStringLiteral("status"), tr("Status"), status);
    if (row.balanceAfterMinor)
        addField(QStringLiteral("balance_after"), tr("Balance after"),
                 formatMoney(*row.balanceAfterMinor,
                             row.balanceAfterCurrency.isEmpty() ? row.currency : row.balanceAfterCurrency,
                             locale));
    if (!methodName.isEmpty())
        addField(QStringLiteral("method"), tr("Payment method"), methodName);
    if (!row.receiptNo.isEmpty())
        addField(QStringLiteral("receipt_no"), tr("Receipt number"), row.receiptNo);
    if (!row.note.isEmpty())
        addField(QStringLiteral("note"), tr("Note"), row.note);
    addField(QStringLiteral("payment_id"), tr("Payment ID"), row.paymentId);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *receipt = buttons->addButton(tr("View &receipt"), QDialogButtonBox::ActionRole);
    receipt->setObjectName(QStringLiteral("historyDetailsReceiptButton"));
    receipt->setEnabled(!row.paymentId.isEmpty());
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("historyDetailsCloseButton"));
    close->setDefault(true);
    connect(receipt, &QPushButton::clicked, this, &HistoryDetailsDialog::openReceipt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

void HistoryDetailsDialog::addField(const QString &key, const QString &label, const QString &value)
{
    auto *valueLabel = new QLabel(value, this);
    valueLabel->setObjectName(QStringLiteral("historyDetailsValue_") + key);
    valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    valueLabel->setTextFormat(Qt::PlainText);
    valueLabel->setWordWrap(true);
    valueLabel->setAccessibleName(label);
    m_form->addRow(label, valueLabel);
}

void HistoryDetailsDialog::openReceipt()
{
    auto *dialog = new ReceiptDialog(m_services, parentWidget() ? parentWidget() : this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->showTransaction(m_row.paymentId);
    accept();
    dialog->open();
}

} // namespace bw::ui
