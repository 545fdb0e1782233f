#include "stub/tier_limits.h"

#include "stub/json_fields.h"

namespace bw::stub {

namespace {
constexpr qint64 kYuan = 100; // fen per yuan
}

TierLimits TierLimits::forTier(int tier)
{
    switch (tier) {
    case 1:
        return {std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    case 2:
        return {50'000 * kYuan, 100'000 * kYuan, std::nullopt, 500'000 * kYuan};
    case 3:
        return {5'000 * kYuan, 10'000 * kYuan, 200'000 * kYuan, 20'000 * kYuan};
    default:
        return {2'000 * kYuan, 5'000 * kYuan, 50'000 * kYuan, 10'000 * kYuan};
    }
}

QJsonObject TierLimits::toJson() const
{
    const auto money = [](const std::optional<qint64> &value) {
        return value ? QJsonValue(moneyJson(*value)) : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject{{QStringLiteral("per_payment"), money(perPayment)},
                       {QStringLiteral("daily"), money(daily)},
                       {QStringLiteral("annual"), money(annual)},
                       {QStringLiteral("balance_cap"), money(balanceCap)}};
}

} // namespace bw::stub
