#include "storage/history_store.h"

#include "storage/search_tokens.h"
#include "storage/sql_values_p.h"
#include "storage/transaction.h"
#include "storage/wallet_database.h"

#include <algorithm>

namespace bw::storage {

namespace {

const QString kTable = QStringLiteral("history");
constexpr int kMaxPageSize = 1000;

const QString kColumns = QStringLiteral("id, payment_id, last_txn_id, kind, status, failure_code, "
                                        "amount_minor, currency, fees_minor, fees_currency,"
                                        " counterparty_type, counterparty_id, merchant_name, "
                                        "merchant_name_zh, category, counterparty_name_sealed,"
                                        " counterparty_phone_sealed, note_sealed, receipt_no, quote_id, "
                                        "created_at, updated_at, balance_after_minor,"
                                        " balance_after_currency, payment_method_id");

// Every column but payment_id is replaced by a newer feed entry; an older one (a replay) changes nothing.
const QString kUpsertSql = QStringLiteral(
    "INSERT INTO history (payment_id, last_txn_id, kind, status, failure_code, amount_minor, currency, "
    "fees_minor,"
    " fees_currency, counterparty_type, counterparty_id, merchant_name, merchant_name_zh, category,"
    " counterparty_name_sealed, counterparty_phone_sealed, note_sealed, receipt_no, quote_id, created_at,"
    " updated_at, balance_after_minor, balance_after_currency, payment_method_id, search_text)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (payment_id) DO UPDATE SET last_txn_id = excluded.last_txn_id, kind = excluded.kind,"
    " status = excluded.status, failure_code = excluded.failure_code, amount_minor = excluded.amount_minor,"
    " currency = excluded.currency, fees_minor = excluded.fees_minor, fees_currency = excluded.fees_currency,"
    " counterparty_type = excluded.counterparty_type, counterparty_id = excluded.counterparty_id,"
    " merchant_name = excluded.merchant_name, merchant_name_zh = excluded.merchant_name_zh,"
    " category = excluded.category, counterparty_name_sealed = excluded.counterparty_name_sealed,"
    " counterparty_phone_sealed = excluded.counterparty_phone_sealed, note_sealed = excluded.note_sealed,"
    " receipt_no = excluded.receipt_no, quote_id = excluded.quote_id, created_at = excluded.created_at,"
    " updated_at = excluded.updated_at, balance_after_minor = excluded.balance_after_minor,"
    " balance_after_currency = excluded.balance_after_currency, payment_method_id = "
    "excluded.payment_method_id,"
    " search_text = excluded.search_text"
    " WHERE excluded.updated_at >= history.updated_at");

Status bindAndRun(WalletDatabase &db, QSqlQuery &q, const HistoryRow &row)
{
    if (row.paymentId.isEmpty() || row.kind.isEmpty() || row.status.isEmpty() || row.currency.isEmpty())
        return StorageError{StorageErrorCode::InvalidData,
                            QStringLiteral("history row without payment id, kind, status or currency")};
    const FieldSealer &sealer = db.sealer();
    auto name = sealer.sealText(row.counterpartyName, kTable, u"counterparty_name", row.paymentId);
    auto phone = sealer.sealText(row.counterpartyPhone, kTable, u"counterparty_phone", row.paymentId);
    auto note = sealer.sealText(row.note, kTable, u"note", row.paymentId);
    for (const auto *sealed : {&name, &phone, &note}) {
        if (!*sealed)
            return sealed->error();
    }
    int i = 0;
    q.bindValue(i++, row.paymentId);
    q.bindValue(i++, row.lastTxnId.isNull() ? QStringLiteral("") : row.lastTxnId);
    q.bindValue(i++, row.kind);
    q.bindValue(i++, row.status);
    q.bindValue(i++, detail::textOrNull(row.failureCode));
    q.bindValue(i++, row.amountMinor);
    q.bindValue(i++, row.currency);
    q.bindValue(i++, row.feesMinor);
    q.bindValue(i++, detail::textOrNull(row.feesCurrency));
    q.bindValue(i++, detail::textOrNull(row.counterpartyType));
    q.bindValue(i++, detail::textOrNull(row.counterpartyId));
    q.bindValue(i++, detail::textOrNull(row.merchantName));
    q.bindValue(i++, detail::textOrNull(row.merchantNameZh));
    q.bindValue(i++, detail::textOrNull(row.category));
    q.bindValue(i++, detail::blobOrNull(name.value()));
    q.bindValue(i++, detail::blobOrNull(phone.value()));
    q.bindValue(i++, detail::blobOrNull(note.value()));
    q.bindValue(i++, detail::textOrNull(row.receiptNo));
    q.bindValue(i++, detail::textOrNull(row.quoteId));
    q.bindValue(i++, row.createdAtMs);
    q.bindValue(i++, row.updatedAtMs);
    q.bindValue(i++, detail::intOrNull(row.balanceAfterMinor));
    q.bindValue(i++, detail::textOrNull(row.balanceAfterCurrency));
    q.bindValue(i++, detail::textOrNull(row.paymentMethodId));
    q.bindValue(i++, SearchTokens::forHistory(row.merchantName, row.merchantNameZh, row.category,
                                              row.receiptNo, row.kind));
    return db.run(q, QStringLiteral("upsert history"));
}

Result<HistoryRow> readRow(const QSqlQuery &q, const FieldSealer &sealer)
{
    HistoryRow row;
    row.id = q.value(0).toLongLong();
    row.paymentId = q.value(1).toString();
    row.lastTxnId = q.value(2).toString();
    row.kind = q.value(3).toString();
    row.status = q.value(4).toString();
    row.failureCode = q.value(5).toString();
    row.amountMinor = q.value(6).toLongLong();
    row.currency = q.value(7).toString();
    row.feesMinor = q.value(8).toLongLong();
    row.feesCurrency = q.value(9).toString();
    row.counterpartyType = q.value(10).toString();
    row.counterpartyId = q.value(11).toString();
    row.merchantName = q.value(12).toString();
    row.merchantNameZh = q.value(13).toString();
    row.category = q.value(14).toString();
    auto name = sealer.openText(q.value(15).toByteArray(), kTable, u"counterparty_name", row.paymentId);
    auto phone = sealer.openText(q.value(16).toByteArray(), kTable, u"counterparty_phone", row.paymentId);
    auto note = sealer.openText(q.value(17).toByteArray(), kTable, u"note", row.paymentId);
    for (const auto *opened : {&name, &phone, &note}) {
        if (!*opened)
            return opened->error();
    }
    row.counterpartyName = name.value();
    row.counterpartyPhone = phone.value();
    row.note = note.value();
    row.receiptNo = q.value(18).toString();
    row.quoteId = q.value(19).toString();
    row.createdAtMs = q.value(20).toLongLong();
    row.updatedAtMs = q.value(21).toLongLong();
    row.balanceAfterMinor = detail::optionalInt(q.value(22));
    row.balanceAfterCurrency = q.value(23).toString();
    row.paymentMethodId = q.value(24).toString();
    return row;
}

void addIn(QStringList &where, QVariantList &args, const QString &column, const QStringList &values)
{
    if (values.isEmpty())
        return;
    QStringList marks;
    for (const QString &value : values) {
        marks.append(QStringLiteral("?"));
        args.append(value);
    }
    where.append(QStringLiteral("%1 IN (%2)").arg(column, marks.join(QLatin1String(", "))));
}

// The WHERE terms of a filter (without the keyset condition).
void filterSql(const HistoryFilter &filter, QStringList &where, QVariantList &args)
{
    addIn(where, args, QStringLiteral("kind"), filter.kinds);
    addIn(where, args, QStringLiteral("status"), filter.statuses);
    if (!filter.currency.isEmpty()) {
        where.append(QStringLiteral("currency = ?"));
        args.append(filter.currency);
    }
    if (!filter.counterpartyId.isEmpty()) {
        where.append(QStringLiteral("counterparty_id = ?"));
        args.append(filter.counterpartyId);
    }
    if (!filter.category.isEmpty()) {
        where.append(QStringLiteral("category = ?"));
        args.append(filter.category);
    }
    if (filter.minAmountMinor) {
        where.append(QStringLiteral("amount_minor >= ?"));
        args.append(*filter.minAmountMinor);
    }
    if (filter.maxAmountMinor) {
        where.append(QStringLiteral("amount_minor <= ?"));
        args.append(*filter.maxAmountMinor);
    }
    if (filter.fromMs) {
        where.append(QStringLiteral("created_at >= ?"));
        args.append(*filter.fromMs);
    }
    if (filter.toMs) {
        where.append(QStringLiteral("created_at < ?"));
        args.append(*filter.toMs);
    }
    if (filter.incoming)
        where.append(*filter.incoming ? QStringLiteral("amount_minor > 0")
                                      : QStringLiteral("amount_minor < 0"));
    const QString match = SearchTokens::matchQuery(filter.searchText);
    if (!match.isEmpty()) {
        where.append(QStringLiteral("id IN (SELECT rowid FROM history_fts WHERE history_fts MATCH ?)"));
        args.append(match);
    }
}

} // namespace

HistoryKey HistoryStore::keyOf(const HistoryRow &row, HistorySort sort)
{
    return HistoryKey{sort == HistorySort::Date ? row.createdAtMs : row.amountMinor, row.id};
}

Status HistoryStore::upsert(const HistoryRow &row)
{
    auto q = m_db.prepare(kUpsertSql);
    if (!q)
        return q.error();
    return bindAndRun(m_db, q.value(), row);
}

Status HistoryStore::upsertBatch(const QVector<HistoryRow> &rows)
{
    if (rows.isEmpty())
        return {};
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.begun();
    auto q = m_db.prepare(kUpsertSql);
    if (!q)
        return q.error();
    for (const HistoryRow &row : rows) {
        if (auto status = bindAndRun(m_db, q.value(), row); !status)
            return status;
    }
    q.value().finish();
    return tx.commit();
}

Result<std::optional<HistoryRow>> HistoryStore::get(const QString &paymentId)
{
    auto query =
        m_db.exec(QStringLiteral("SELECT %1 FROM history WHERE payment_id = ?").arg(kColumns), {paymentId});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<HistoryRow>();
    auto row = readRow(query.value(), m_db.sealer());
    if (!row)
        return row.error();
    return std::optional<HistoryRow>(std::move(row).value());
}

Result<HistoryPage> HistoryStore::page(const HistoryPageRequest &request)
{
    if (request.after && request.before)
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("page with both after and before")};
    const int limit = std::clamp(request.limit, 1, kMaxPageSize);
    const QString column =
        request.sort == HistorySort::Date ? QStringLiteral("created_at") : QStringLiteral("amount_minor");
    // A backward page scans the other way from the key, then is turned round.
    const bool backward = request.before.has_value();
    const bool ascending = (request.order == SortOrder::Ascending) != backward;

    QStringList where;
    QVariantList args;
    filterSql(request.filter, where, args);
    const std::optional<HistoryKey> &key = backward ? request.before : request.after;
    if (key) {
        where.append(QStringLiteral("(%1, id) %2 (?, ?)")
                         .arg(column, ascending ? QStringLiteral(">") : QStringLiteral("<")));
        args.append(key->value);
        args.append(key->id);
    }
    const QString direction = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString sql =
        QStringLiteral("SELECT %1 FROM history%2 ORDER BY %3 %4, id %4 LIMIT %5")
            .arg(kColumns,
                 where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND ")),
                 column, direction)
            .arg(limit + 1);
    auto query = m_db.exec(sql, args);
    if (!query)
        return query.error();
    HistoryPage page;
    while (query.value().next()) {
        if (page.rows.size() == limit) {
            page.hasMore = true;
            break;
        }
        auto row = readRow(query.value(), m_db.sealer());
        if (!row)
            return row.error();
        page.rows.append(std::move(row).value());
    }
    query.value().finish();
    if (backward)
        std::reverse(page.rows.begin(), page.rows.end());
    return page;
}

Result<HistoryPage> HistoryStore::page(const std::optional<HistoryKey> &after, int limit, HistorySort sort,
                                       SortOrder order, const HistoryFilter &filter)
{
    HistoryPageRequest request;
    request.after = after;
    request.limit = limit;
    request.sort = sort;
    request.order = order;
    request.filter = filter;
    return page(request);
}

Result<qint64> HistoryStore::count(const HistoryFilter &filter)
{
    QStringList where;
    QVariantList args;
    filterSql(filter, where, args);
    auto value = m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM history%1")
                                 .arg(where.isEmpty()
                                          ? QString()
                                          : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "))),
                             args);
    if (!value)
        return value.error();
    return value.value().toLongLong();
}

Result<qint64> HistoryStore::countBefore(const HistoryKey &key, HistorySort sort, SortOrder order,
                                         const HistoryFilter &filter)
{
    const QString column =
        sort == HistorySort::Date ? QStringLiteral("created_at") : QStringLiteral("amount_minor");
    QStringList where;
    QVariantList args;
    filterSql(filter, where, args);
    where.append(QStringLiteral("(%1, id) %2 (?, ?)")
                     .arg(column, order == SortOrder::Ascending ? QStringLiteral("<") : QStringLiteral(">")));
    args.append(key.value);
    args.append(key.id);
    auto value = m_db.scalar(
        QStringLiteral("SELECT COUNT(*) FROM history WHERE %1").arg(where.join(QLatin1String(" AND "))),
        args);
    if (!value)
        return value.error();
    return value.value().toLongLong();
}

Status HistoryStore::remove(const QString &paymentId)
{
    if (auto done = m_db.exec(QStringLiteral("DELETE FROM history WHERE payment_id = ?"), {paymentId}); !done)
        return done.error();
    return {};
}

Status HistoryStore::clear()
{
    if (auto done = m_db.exec(QStringLiteral("DELETE FROM history")); !done)
        return done.error();
    return {};
}

} // namespace bw::storage
