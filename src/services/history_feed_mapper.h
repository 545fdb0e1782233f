// HistoryFeedMapper: turns the gateway's feed entries (GET /v1/transactions) into the local history rows
// HistoryStore keeps, and checks each entry before it is stored. Decides what is personal: a merchant's
// name, its Chinese name and category stay in the clear (indexed, searchable); every other counterparty
// (a wallet, an external sender, ...) is a PERSON, so the name goes only into the sealed field, and so
// does the note. Pure (no I/O), so the rules are testable on their own.
#pragma once

#include "gateway/gateway_types.h"
#include "storage/history_store.h"

#include <QHash>
#include <QString>
#include <QVector>

#include <optional>

namespace bw::services {

// What the merchant directory (GET /v1/merchants) adds to a merchant's feed entry.
struct MerchantInfo
{
    QString name;
    QString nameZh;
    QString category;
};
using MerchantDirectory = QHash<QString, MerchantInfo>; // merchant id → info

class HistoryFeedMapper
{
public:
    // Why an entry is refused (a technical, untranslated reason for the log; never personal data), or
    // nullopt when it may be stored.
    static std::optional<QString> check(const gateway::Transaction &entry);
    // Whether a counterparty type names a business (clear) rather than a person (sealed).
    static bool isMerchant(const QString &counterpartyType);
    // The row for one entry; `merchants` fills the Chinese name and category when it knows the merchant.
    static storage::HistoryRow toRow(const gateway::Transaction &entry,
                                     const MerchantDirectory &merchants = {});
    // A page's rows, one per payment: a later entry of the same payment in the page replaces the earlier
    // one (the feed is in commit order), so one batch never holds two rows for one payment.
    static QVector<storage::HistoryRow> toRows(const QList<gateway::Transaction> &entries,
                                               const MerchantDirectory &merchants = {});
};

} // namespace bw::services
