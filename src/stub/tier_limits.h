// TierLimits: the wallet tiers' limits (DESIGN.md, "Wallet tiers and limits"), in CNY minor units;
// nullopt = no limit. The money issue reads the same table to enforce them.
#pragma once

#include <QJsonObject>

#include <optional>

namespace bw::stub {

struct TierLimits
{
    std::optional<qint64> perPayment;
    std::optional<qint64> daily;
    std::optional<qint64> annual;
    std::optional<qint64> balanceCap;

    // Tiers 1..4; anything else is treated as tier 4 (the most restricted).
    static TierLimits forTier(int tier);

    // {"per_payment", "daily", "annual", "balance_cap"}: money objects in CNY, null = no limit.
    QJsonObject toJson() const;
};

} // namespace bw::stub
