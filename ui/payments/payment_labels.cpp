#include "ui/payments/payment_labels.h"

#include <QLocale>

namespace bw::ui {

QString PaymentLabels::feeKindName(const QString &kind)
{
    if (kind == QLatin1String("fx_margin"))
        return tr("Currency conversion margin");
    if (kind == QLatin1String("cross_border"))
        return tr("Cross-border fee");
    if (kind == QLatin1String("top_up"))
        return tr("Top-up fee");
    if (kind == QLatin1String("withdrawal"))
        return tr("Withdrawal fee");
    if (kind == QLatin1String("payment"))
        return tr("Payment fee");
    if (kind == QLatin1String("transfer"))
        return tr("Transfer fee");
    return tr("Fee (%1)").arg(kind);
}

QString PaymentLabels::kindTitle(gateway::QuoteKind kind)
{
    switch (kind) {
    case gateway::QuoteKind::Payment:
        return tr("Pay");
    case gateway::QuoteKind::Transfer:
        return tr("Transfer");
    case gateway::QuoteKind::TopUp:
        return tr("Top up");
    case gateway::QuoteKind::Withdrawal:
        return tr("Withdraw");
    }
    return tr("Pay");
}

QString PaymentLabels::fxRateText(const core::DecimalRate &rate, const core::Currency &to,
                                  const QLocale &locale)
{
    QString digits = rate.toString();
    // Only the decimal point is localised: the rate keeps every digit the bank quoted.
    digits.replace(QLatin1Char('.'), locale.decimalPoint());
    //: An exchange rate, e.g. "1 CNY = 1.1014 HKD".
    return tr("1 CNY = %1 %2").arg(digits, to.code());
}

} // namespace bw::ui
