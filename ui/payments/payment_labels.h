// API-READY
// PaymentLabels — the translated words the payment screens show for the contract's fee kinds and payment
// kinds (one place, so the Pay dialog and the receipt name a fee the same way).
#pragma once

#include "gateway/gateway_types.h"

#include <QCoreApplication>
#include <QString>

namespace bw::ui {

class PaymentLabels
{
    Q_DECLARE_TR_FUNCTIONS(bw::ui::PaymentLabels)

public:
    // "fx_margin" → "Currency conversion margin", "cross_border" → "Cross-border fee", …; an unknown kind
    // gets a generic "Fee (kind)".
    static QString feeKindName(const QString &kind);
    // The dialog title of each kind: "Pay", "Transfer", "Top up", "Withdraw".
    static QString kindTitle(gateway::QuoteKind kind);
    // An exchange rate as people read it: "1 CNY = 1.1014 HKD" (the rate's digits in `locale`).
    static QString fxRateText(const core::DecimalRate &rate, const core::Currency &to, const QLocale &locale);
};

} // namespace bw::ui
