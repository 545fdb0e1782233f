#include "services/history_feed_mapper.h"

namespace bw::services {

std::optional<QString> HistoryFeedMapper::check(const gateway::Transaction &entry)
{
    if (entry.id.isEmpty())
        return QStringLiteral("feed entry without id");
    if (entry.paymentId.isEmpty())
        return QStringLiteral("feed entry %1 without payment_id").arg(entry.id);
    if (entry.kind.isEmpty())
        return QStringLiteral("feed entry %1 without kind").arg(entry.id);
    if (!entry.amount.isValid() || !entry.amount.isWithinGatewayBound())
        return QStringLiteral("feed entry %1 has an invalid amount").arg(entry.id);
    if (!entry.createdAt.isValid())
        return QStringLiteral("feed entry %1 without created_at").arg(entry.id);
    for (const gateway::FeeLine &fee : entry.fees) {
        if (!fee.amount.isValid() || !fee.amount.isWithinGatewayBound())
            return QStringLiteral("feed entry %1 has an invalid fee").arg(entry.id);
    }
    if (entry.balanceAfter.isValid() && !entry.balanceAfter.isWithinGatewayBound())
        return QStringLiteral("feed entry %1 has an invalid balance_after").arg(entry.id);
    if (entry.debit &&
        (!entry.debit->isValid() || !entry.debit->isWithinGatewayBound() || entry.debit->minorUnits() < 0))
        return QStringLiteral("feed entry %1 has an invalid debit").arg(entry.id);
    return std::nullopt;
}

bool HistoryFeedMapper::isMerchant(const QString &counterpartyType)
{
    return counterpartyType == QLatin1String("merchant");
}

storage::HistoryRow HistoryFeedMapper::toRow(const gateway::Transaction &entry,
                                             const MerchantDirectory &merchants)
{
    storage::HistoryRow row;
    row.paymentId = entry.paymentId;
    row.lastTxnId = entry.id;
    row.kind = entry.kind;
    row.status = gateway::contractString(entry.status);
    row.amountMinor = entry.amount.minorUnits();
    row.currency = entry.amount.currency().code();

    // Fees of one payment share one currency in the contract; a line in another currency is not summed
    // into a wrong total (the receipt from GET /v1/payments/{id} has every line).
    for (const gateway::FeeLine &fee : entry.fees) {
        if (row.feesCurrency.isEmpty())
            row.feesCurrency = fee.amount.currency().code();
        if (fee.amount.currency().code() != row.feesCurrency)
            continue;
        const core::Money total(row.feesMinor, fee.amount.currency());
        if (const auto sum = total.added(fee.amount))
            row.feesMinor = sum->minorUnits();
    }

    row.counterpartyType = entry.counterparty.type;
    row.counterpartyId = entry.counterparty.id;
    if (isMerchant(entry.counterparty.type)) {
        row.merchantName = entry.counterparty.name;
        if (const auto it = merchants.constFind(entry.counterparty.id); it != merchants.constEnd()) {
            row.merchantNameZh = it->nameZh;
            row.category = it->category;
            if (row.merchantName.isEmpty())
                row.merchantName = it->name;
        }
    } else {
        row.counterpartyName = entry.counterparty.name; // sealed by HistoryStore
    }
    // A top-up's or withdrawal's counterparty is the card or account itself (type "card" or
    // "bank_account"); a payment names its funding card as the source.
    if (entry.counterparty.id.startsWith(QLatin1String("pm_")))
        row.paymentMethodId = entry.counterparty.id;
    else if (entry.source.startsWith(QLatin1String("pm_")))
        row.paymentMethodId = entry.source; // the card or account that paid
    // A rejected payment charged nothing, whatever a feed says: never shown as money spent.
    if (entry.debit && entry.status != gateway::PaymentStatus::Rejected) {
        row.debitMinor = entry.debit->minorUnits();
        row.debitCurrency = entry.debit->currency().code();
    }
    row.note = entry.note; // sealed by HistoryStore
    row.receiptNo = entry.receiptNo;
    row.quoteId = entry.quoteId;
    row.createdAtMs = entry.createdAt.toMSecsSinceEpoch();
    row.updatedAtMs = entry.updatedAt.isValid() ? entry.updatedAt.toMSecsSinceEpoch() : row.createdAtMs;
    if (entry.balanceAfter.isValid()) {
        row.balanceAfterMinor = entry.balanceAfter.minorUnits();
        row.balanceAfterCurrency = entry.balanceAfter.currency().code();
    }
    return row;
}

QVector<storage::HistoryRow> HistoryFeedMapper::toRows(const QList<gateway::Transaction> &entries,
                                                       const MerchantDirectory &merchants)
{
    QVector<storage::HistoryRow> rows;
    rows.reserve(entries.size());
    QHash<QString, qsizetype> indexOf;
    for (const gateway::Transaction &entry : entries) {
        storage::HistoryRow row = toRow(entry, merchants);
        if (const auto it = indexOf.constFind(row.paymentId); it != indexOf.constEnd()) {
            rows[*it] = std::move(row);
        } else {
            indexOf.insert(row.paymentId, rows.size());
            rows.append(std::move(row));
        }
    }
    return rows;
}

} // namespace bw::services
