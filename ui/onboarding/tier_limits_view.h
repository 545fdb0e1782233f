// TierLimitsView — a small table of a wallet tier's limits (per payment, per day, per year, balance cap) as
// the bank publishes them (DESIGN.md, "Wallet tiers and limits": the gateway's defaults, in CNY), amounts
// formatted with core::Money in the current locale. Shown before a wallet exists (the identity step's "Skip
// for now") and on the Done page.
#pragma once

#include "core/money.h"

#include <QWidget>

#include <optional>

class QGridLayout;
class QLabel;

namespace bw::ui {

class TierLimitsView : public QWidget
{
    Q_OBJECT

public:
    struct Limits
    {
        std::optional<core::Money> perPayment; // nullopt: no limit
        std::optional<core::Money> daily;
        std::optional<core::Money> annual;
        std::optional<core::Money> balanceCap;
    };
    // The published limits of tier 1..4 (anything else: tier 4).
    static Limits publishedLimits(int tier);

    explicit TierLimitsView(QWidget *parent = nullptr);
    ~TierLimitsView() override;

    void setTier(int tier);
    int tier() const { return m_tier; }
    // The amount shown in a row ("limitPerPayment", "limitDaily", "limitAnnual", "limitBalanceCap").
    QString valueText(const QString &rowName) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_names[4] = {};
    QLabel *m_values[4] = {};
    int m_tier = 4;
};

} // namespace bw::ui
