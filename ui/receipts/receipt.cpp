#include "ui/receipts/receipt.h"

#include "gateway/gateway_error.h"
#include "models/model_labels.h"
#include "ui/payments/payment_labels.h"

#include <QRegularExpression>

namespace bw::ui {

using gateway::Payment;
using gateway::PaymentStatus;

namespace {

bool isIncoming(const Payment &payment)
{
    return payment.kind == QLatin1String("incoming");
}

// The CNY principal of a cross-border payment: what was converted, before the fees (debit − fees).
std::optional<core::Money> principalOf(const Payment &payment)
{
    core::Money principal = payment.debit;
    for (const gateway::FeeLine &fee : payment.fees) {
        const auto less = principal.subtracted(fee.amount);
        if (!less)
            return std::nullopt; // a fee in another currency: not shown rather than shown wrong
        principal = less.value();
    }
    return principal;
}

} // namespace

QString ReceiptText::fallbackBankName()
{
    return QStringLiteral("BankWallet"); // the product's name: the same in every language
}

QString ReceiptText::title(const Payment &payment)
{
    if (payment.kind == QLatin1String("payment"))
        return tr("Payment receipt");
    if (payment.kind == QLatin1String("transfer"))
        return tr("Transfer receipt");
    if (payment.kind == QLatin1String("top_up"))
        return tr("Top-up receipt");
    if (payment.kind == QLatin1String("withdrawal"))
        return tr("Withdrawal receipt");
    if (isIncoming(payment))
        return tr("Receipt of money received");
    return tr("Transaction receipt");
}

QString ReceiptText::statusName(const Payment &payment)
{
    return models::ModelLabels::statusName(gateway::contractString(payment.status));
}

QString ReceiptText::statusMeaning(const Payment &payment)
{
    switch (payment.status) {
    case PaymentStatus::Succeeded:
        return isIncoming(payment) ? tr("The money is in your wallet.")
                                   : tr("The bank has completed this transaction.");
    case PaymentStatus::Processing:
        return tr("The bank has accepted this transaction and is still processing it. The result will "
                  "appear in your history.");
    case PaymentStatus::PendingReview:
        return tr("Held for a compliance review. The money stays reserved until the bank decides; you will "
                  "be notified of the decision.");
    case PaymentStatus::Rejected: {
        const QString reason = gateway::contractCodeMessage(payment.failureCode);
        const QString base = tr("The bank rejected this transaction. No money was moved.");
        return reason.isEmpty() ? base : tr("%1 Reason: %2").arg(base, reason);
    }
    }
    return {};
}

QString ReceiptText::counterpartyTypeName(const QString &type)
{
    if (type == QLatin1String("merchant"))
        return tr("Merchant");
    if (type == QLatin1String("wallet"))
        return tr("BankWallet user");
    if (type == QLatin1String("external"))
        return tr("External sender");
    if (type == QLatin1String("payment_method"))
        return tr("Your card or bank account");
    if (type == QLatin1String("bank_account"))
        return tr("Bank account");
    return type;
}

QString ReceiptText::creditLabel(const Payment &payment)
{
    if (isIncoming(payment))
        return tr("Amount received");
    if (payment.kind == QLatin1String("top_up"))
        return tr("Added to your balance");
    if (payment.kind == QLatin1String("withdrawal"))
        return tr("Paid into your account");
    return tr("Payee receives");
}

QString ReceiptText::debitLabel(const Payment &payment)
{
    if (isIncoming(payment))
        return tr("Sent by the payer");
    if (payment.kind == QLatin1String("top_up"))
        return tr("Charged to your card or account");
    return tr("Total debited");
}

QString ReceiptText::fxRateText(const Payment &payment, const QLocale &locale)
{
    if (!payment.fxRate)
        return {};
    return PaymentLabels::fxRateText(*payment.fxRate, payment.credit.currency(), locale);
}

QString ReceiptText::roundingRule(const Payment &payment, const QLocale &locale)
{
    if (!payment.fxRate)
        return {};
    return tr("Converted at the mid-market rate (%1): the CNY principal is the amount the payee receives "
              "divided by the rate, and each fee is calculated on the principal. Amounts are rounded "
              "half-to-even to the fen (CNY 0.01).")
        .arg(fxRateText(payment, locale));
}

QString ReceiptText::timeText(const QDateTime &utc, const QLocale &locale)
{
    if (!utc.isValid())
        return {};
    return locale.toString(utc.toLocalTime(), QLocale::LongFormat);
}

QString ReceiptText::money(const core::Money &amount, const QLocale &locale)
{
    return amount.isValid() ? amount.formatWithCode(locale) : QString();
}

QList<ReceiptSection> ReceiptText::sections(const Receipt &receipt, const QLocale &locale)
{
    const Payment &p = receipt.payment;
    QList<ReceiptSection> out;

    ReceiptSection summary{QStringLiteral("summary"), tr("Summary"), {}};
    summary.fields.append({QStringLiteral("bank"), tr("Bank"),
                           receipt.bankName.isEmpty() ? fallbackBankName() : receipt.bankName});
    summary.fields.append({QStringLiteral("kind"), tr("Type"), models::ModelLabels::kindName(p.kind)});
    summary.fields.append({QStringLiteral("status"), tr("Status"), statusName(p)});
    summary.fields.append({QStringLiteral("time"), tr("Time"), timeText(p.createdAt, locale)});
    summary.fields.append({QStringLiteral("receipt_no"), tr("Receipt number"), p.receiptNo});
    out.append(summary);

    ReceiptSection amounts{QStringLiteral("amounts"), tr("Amounts"), {}};
    amounts.fields.append({QStringLiteral("credit"), creditLabel(p), money(p.credit, locale)});
    const bool cross = p.fxRate.has_value();
    if (cross) {
        if (const auto principal = principalOf(p))
            amounts.fields.append(
                {QStringLiteral("principal"), tr("Converted to CNY"), money(*principal, locale)});
    }
    for (const gateway::FeeLine &fee : p.fees)
        amounts.fields.append({QStringLiteral("fee.") + fee.kind, PaymentLabels::feeKindName(fee.kind),
                               money(fee.amount, locale)});
    if (p.fees.isEmpty() && !isIncoming(p))
        amounts.fields.append({QStringLiteral("fees_total"), tr("Fees"), tr("None")});
    amounts.fields.append({QStringLiteral("debit"), debitLabel(p), money(p.debit, locale)});
    out.append(amounts);

    if (cross) {
        ReceiptSection fx{QStringLiteral("fx"), tr("Currency conversion"), {}};
        fx.fields.append({QStringLiteral("fx_rate"), tr("Exchange rate"), fxRateText(p, locale)});
        fx.fields.append({QStringLiteral("rounding"), tr("How it was calculated"), roundingRule(p, locale)});
        out.append(fx);
    }

    ReceiptSection party{QStringLiteral("counterparty"), isIncoming(p) ? tr("From") : tr("To"), {}};
    party.fields.append({QStringLiteral("counterparty"), tr("Name"), p.counterparty.name});
    party.fields.append(
        {QStringLiteral("counterparty_type"), tr("Type"), counterpartyTypeName(p.counterparty.type)});
    out.append(party);

    if (p.travelRule) {
        const gateway::TravelRule &t = *p.travelRule;
        ReceiptSection travel{QStringLiteral("travel_rule"), tr("Travel rule information"), {}};
        auto add = [&travel](const QString &key, const QString &label, const QString &value) {
            if (!value.isEmpty())
                travel.fields.append({QStringLiteral("travel.") + key, label, value});
        };
        add(QStringLiteral("originator_name"), tr("Originator"), t.originatorName);
        add(QStringLiteral("originator_wallet"), tr("Originator's wallet"), t.originatorWalletId);
        add(QStringLiteral("originator_country"), tr("Originator's document country"),
            t.originatorDocumentCountry);
        add(QStringLiteral("beneficiary_name"), tr("Beneficiary"), t.beneficiaryName);
        add(QStringLiteral("beneficiary_account"), tr("Beneficiary's account"), t.beneficiaryAccount);
        add(QStringLiteral("beneficiary_country"), tr("Beneficiary's country"), t.beneficiaryCountry);
        out.append(travel);
    }

    ReceiptSection details{QStringLiteral("details"), tr("Details"), {}};
    details.fields.append({QStringLiteral("payment_id"), tr("Transaction ID"), p.id});
    if (!p.note.isEmpty())
        details.fields.append({QStringLiteral("note"), tr("Note"), p.note});
    out.append(details);
    return out;
}

QString ReceiptText::defaultFileName(const Receipt &receipt)
{
    QString id = receipt.payment.receiptNo.isEmpty() ? receipt.payment.id : receipt.payment.receiptNo;
    // Only what is safe in a file name on every desktop.
    id.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return QStringLiteral("receipt-%1.pdf").arg(id.isEmpty() ? QStringLiteral("unknown") : id);
}

} // namespace bw::ui
