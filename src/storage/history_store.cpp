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
                                        " balance_after_currency, payment_method_id, debit_minor,"
                                        " debit_currency");

// Row ids follow time: id = created_at * kIdPerMs + a tiebreak (the next free id of that millisecond).
constexpr qint64 kIdPerMs = qint64(1) << 20; // rows per millisecond (a sync may stamp many alike)
// created_at values whose ids fit in 63 bits (about ±278 years around 1970).
constexpr qint64 kMaxCreatedAt = (qint64(1) << 43) - 1;

qint64 idFloor(qint64 ms)
{
    return std::clamp(ms, -kMaxCreatedAt, kMaxCreatedAt) * kIdPerMs;
}

// Every column but payment_id is replaced by a newer feed entry; an older one (a replay) changes nothing.
// created_at is not updated: the row id was derived from it (a payment's creation time does not change).
const QString kUpsertSql = QStringLiteral(
    "INSERT INTO history (id, payment_id, last_txn_id, kind, status, failure_code, amount_minor, currency, "
    "fees_minor,"
    " fees_currency, counterparty_type, counterparty_id, merchant_name, merchant_name_zh, category,"
    " counterparty_name_sealed, counterparty_phone_sealed, note_sealed, receipt_no, quote_id, created_at,"
    " updated_at, balance_after_minor, balance_after_currency, payment_method_id, search_text,"
    " debit_minor, debit_currency)"
    " VALUES ((SELECT coalesce(max(id) + 1, ?) FROM history WHERE id >= ? AND id < ?),"
    " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (payment_id) DO UPDATE SET last_txn_id = excluded.last_txn_id, kind = excluded.kind,"
    " status = excluded.status, failure_code = excluded.failure_code, amount_minor = excluded.amount_minor,"
    " currency = excluded.currency, fees_minor = excluded.fees_minor, fees_currency = excluded.fees_currency,"
    " counterparty_type = excluded.counterparty_type, counterparty_id = excluded.counterparty_id,"
    " merchant_name = excluded.merchant_name, merchant_name_zh = excluded.merchant_name_zh,"
    " category = excluded.category, counterparty_name_sealed = excluded.counterparty_name_sealed,"
    " counterparty_phone_sealed = excluded.counterparty_phone_sealed, note_sealed = excluded.note_sealed,"
    " receipt_no = excluded.receipt_no, quote_id = excluded.quote_id,"
    " updated_at = excluded.updated_at, balance_after_minor = excluded.balance_after_minor,"
    " balance_after_currency = excluded.balance_after_currency, payment_method_id = "
    "excluded.payment_method_id,"
    " search_text = excluded.search_text, debit_minor = excluded.debit_minor,"
    " debit_currency = excluded.debit_currency"
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
    if (row.createdAtMs < -kMaxCreatedAt || row.createdAtMs >= kMaxCreatedAt)
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("history row time out of range")};
    int i = 0;
    const qint64 floor = idFloor(row.createdAtMs);
    q.bindValue(i++, floor);
    q.bindValue(i++, floor);
    q.bindValue(i++, floor + kIdPerMs);
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
    q.bindValue(i++, detail::intOrNull(row.debitMinor));
    q.bindValue(i++, detail::textOrNull(row.debitCurrency));
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
    row.debitMinor = detail::optionalInt(q.value(25));
    row.debitCurrency = q.value(26).toString();
    return row;
}

// kColumns with the history table's alias.
const QString &qualifiedColumns()
{
    static const QString columns = [] {
        QStringList parts = kColumns.split(QLatin1Char(','));
        for (QString &part : parts)
            part = QStringLiteral("h.") + part.trimmed();
        return parts.join(QLatin1String(", "));
    }();
    return columns;
}

// Above this many matching rows a filter is "dense": scanning the sort order's own index (or the table in
// rowid order) finds a page sooner than collecting and sorting every match.
constexpr qint64 kDenseRows = 20000;

void addIn(QStringList &where, QVariantList &args, const QString &column, const QStringList &values)
{
    if (values.isEmpty())
        return;
    if (values.size() == 1) {
        where.append(column + QStringLiteral(" = ?"));
        args.append(values.first());
        return;
    }
    QStringList marks;
    for (const QString &value : values) {
        marks.append(QStringLiteral("?"));
        args.append(value);
    }
    where.append(QStringLiteral("%1 IN (%2)").arg(column, marks.join(QLatin1String(", "))));
}

// How one query over the history reads: FROM, the expression of the row id (the date order) and the
// filter's WHERE terms.
struct Plan
{
    QString from;
    QString id;
    QStringList where;
    QVariantList args;
    bool fts = false;    // driven by the FTS5 table in rowid (= date) order
    bool search = false; // the filter has a text search
    bool onlySearch = false;
};

// The filter's conditions. With a search in the date order, FTS5 drives: its rowid order is the date order,
// so a page of matches is read straight from the index (no sort of every match).
Plan planFor(const HistoryFilter &filter, HistorySort sort, bool ftsMayDrive = true)
{
    Plan p;
    QStringList &where = p.where;
    QVariantList &args = p.args;
    const QString match = SearchTokens::matchQuery(filter.searchText);
    p.search = !match.isEmpty();
    p.fts = p.search && sort == HistorySort::Date && ftsMayDrive;
    p.from = p.fts ? QStringLiteral("history_fts CROSS JOIN history h ON h.id = history_fts.rowid")
                   : QStringLiteral("history h");
    p.id = p.fts ? QStringLiteral("history_fts.rowid") : QStringLiteral("h.id");
    if (p.fts) {
        where.append(QStringLiteral("history_fts MATCH ?"));
        args.append(match);
    }
    addIn(where, args, QStringLiteral("h.kind"), filter.kinds);
    addIn(where, args, QStringLiteral("h.status"), filter.statuses);
    if (!filter.currency.isEmpty()) {
        where.append(QStringLiteral("h.currency = ?"));
        args.append(filter.currency);
    }
    if (!filter.counterpartyId.isEmpty()) {
        where.append(QStringLiteral("h.counterparty_id = ?"));
        args.append(filter.counterpartyId);
    }
    if (!filter.category.isEmpty()) {
        where.append(QStringLiteral("h.category = ?"));
        args.append(filter.category);
    }
    addIn(where, args, QStringLiteral("h.category"), filter.categories);
    addIn(where, args, QStringLiteral("h.payment_method_id"), filter.paymentMethodIds);
    if (filter.minAmountMinor) {
        where.append(QStringLiteral("h.shown_minor >= ?"));
        args.append(*filter.minAmountMinor);
    }
    if (filter.maxAmountMinor) {
        where.append(QStringLiteral("h.shown_minor <= ?"));
        args.append(*filter.maxAmountMinor);
    }
    // Ids follow time, so a period is a rowid range (of the FTS table too).
    if (filter.fromMs) {
        where.append(p.id + QStringLiteral(" >= ?"));
        args.append(idFloor(*filter.fromMs));
    }
    if (filter.toMs) {
        where.append(p.id + QStringLiteral(" < ?"));
        args.append(idFloor(*filter.toMs));
    }
    if (filter.incoming)
        where.append(*filter.incoming ? QStringLiteral("h.shown_minor > 0")
                                      : QStringLiteral("h.shown_minor < 0"));
    p.onlySearch = p.search && where.size() == (p.fts ? 1 : 0);
    if (p.search && !p.fts) {
        where.append(QStringLiteral("h.id IN (SELECT rowid FROM history_fts WHERE history_fts MATCH ?)"));
        args.append(match);
    }
    return p;
}

QString whereSql(const QStringList &where)
{
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QLatin1String(" AND "));
}

// One read of the history: rows (or only their keys) in an order, strictly beyond `key`, with LIMIT and
// OFFSET. `count`: the filter's count when known (picks between index plans).
struct Read
{
    HistorySort sort = HistorySort::Date;
    bool ascending = false;
    std::optional<HistoryKey> key;
    int limit = 1;
    qint64 offset = 0;
    bool keysOnly = false;
    std::optional<qint64> count;
};

QString readSql(const HistoryFilter &filter, const Read &r, QVariantList &args)
{
    Plan p = planFor(filter, r.sort);
    const QString dir = r.ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString cmp = r.ascending ? QStringLiteral(">") : QStringLiteral("<");
    QString from = p.from;
    QString order;
    QString select;
    const bool filtered = !p.where.isEmpty();
    const bool dense = r.count && *r.count > kDenseRows;
    if (r.sort == HistorySort::Date) {
        if (r.key) {
            p.where.append(p.id + QLatin1Char(' ') + cmp + QStringLiteral(" ?"));
            p.args.append(r.key->id);
        }
        select = r.keysOnly ? p.id : qualifiedColumns();
        if (r.keysOnly && !filtered && !r.key) {
            // The narrow date index (created_at, rowid) walks an OFFSET far faster than the table. Not
            // after a key: the id condition would be tested entry by entry from the start of the index.
            order = QStringLiteral("h.created_at %1, h.id %1").arg(dir);
        } else {
            order = QStringLiteral("%1 %2").arg(p.id, dir);
            if (!p.fts && filtered && dense && !r.keysOnly)
                from = QStringLiteral("history h NOT INDEXED");
        }
    } else {
        if (r.key) {
            p.where.append(QStringLiteral("(h.shown_minor, h.id) %1 (?, ?)").arg(cmp));
            p.args.append(r.key->value);
            p.args.append(r.key->id);
        }
        select = r.keysOnly ? QStringLiteral("h.shown_minor, h.id") : qualifiedColumns();
        order = QStringLiteral("h.shown_minor %1, h.id %1").arg(dir);
        if (!filtered || dense)
            from = QStringLiteral("history h INDEXED BY history_by_amount");
    }
    args = p.args;
    QString sql = QStringLiteral("SELECT %1 FROM %2%3 ORDER BY %4 LIMIT %5")
                      .arg(select, from, whereSql(p.where), order)
                      .arg(r.limit);
    if (r.offset > 0)
        sql += QStringLiteral(" OFFSET %1").arg(r.offset);
    return sql;
}

} // namespace

qint64 shownAmountMinor(const HistoryRow &row)
{
    if (row.amountMinor != 0)
        return row.amountMinor;
    return row.debitMinor ? -*row.debitMinor : 0;
}

QString shownCurrency(const HistoryRow &row)
{
    if (row.amountMinor == 0 && row.debitMinor && !row.debitCurrency.isEmpty())
        return row.debitCurrency;
    return row.currency;
}

bool HistoryFilter::isEmpty() const
{
    return kinds.isEmpty() && statuses.isEmpty() && currency.isEmpty() && counterpartyId.isEmpty() &&
           category.isEmpty() && categories.isEmpty() && paymentMethodIds.isEmpty() && !minAmountMinor &&
           !maxAmountMinor && !fromMs && !toMs && !incoming && SearchTokens::matchQuery(searchText).isEmpty();
}

HistoryKey HistoryStore::keyOf(const HistoryRow &row, HistorySort sort)
{
    return HistoryKey{sort == HistorySort::Date ? row.createdAtMs : shownAmountMinor(row), row.id};
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
        m_db.exec(QStringLiteral("SELECT %1 FROM history h WHERE h.payment_id = ?").arg(qualifiedColumns()),
                  {paymentId});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<HistoryRow>();
    auto row = readRow(query.value(), m_db.sealer());
    if (!row)
        return row.error();
    query.value().finish();
    return std::optional<HistoryRow>(std::move(row).value());
}

namespace {

Result<HistoryPage> readPage(WalletDatabase &db, const HistoryFilter &filter, Read r, bool reverse)
{
    const int limit = r.limit;
    r.limit = limit + 1;
    QVariantList args;
    const QString sql = readSql(filter, r, args);
    auto query = db.exec(sql, args);
    if (!query)
        return query.error();
    HistoryPage page;
    page.rows.reserve(limit);
    while (query.value().next()) {
        if (page.rows.size() == limit) {
            page.hasMore = true;
            break;
        }
        auto row = readRow(query.value(), db.sealer());
        if (!row)
            return row.error();
        page.rows.append(std::move(row).value());
    }
    if (query.value().lastError().isValid())
        return WalletDatabase::errorFrom(query.value().lastError(), QStringLiteral("read history page"));
    query.value().finish();
    if (reverse)
        std::reverse(page.rows.begin(), page.rows.end());
    return page;
}

// The key of the row `offset` rows into an order (nullopt past the end).
Result<std::optional<HistoryKey>> keyAt(WalletDatabase &db, const HistoryFilter &filter, Read r)
{
    r.keysOnly = true;
    r.limit = 1;
    QVariantList args;
    const QString sql = readSql(filter, r, args);
    auto query = db.exec(sql, args);
    if (!query)
        return query.error();
    if (!query.value().next()) {
        if (query.value().lastError().isValid())
            return WalletDatabase::errorFrom(query.value().lastError(), QStringLiteral("read history key"));
        return std::optional<HistoryKey>();
    }
    HistoryKey key;
    if (r.sort == HistorySort::Date) {
        key.id = query.value().value(0).toLongLong();
        key.value = key.id >= 0 ? key.id / kIdPerMs : -((-key.id + kIdPerMs - 1) / kIdPerMs);
    } else {
        key.value = query.value().value(0).toLongLong();
        key.id = query.value().value(1).toLongLong();
    }
    query.value().finish();
    return std::optional<HistoryKey>(key);
}

} // namespace

Result<HistoryPage> HistoryStore::page(const HistoryPageRequest &request)
{
    if (request.after && request.before)
        return StorageError{StorageErrorCode::InvalidData, QStringLiteral("page with both after and before")};
    // A backward page scans the other way from the key, then is turned round.
    const bool backward = request.before.has_value();
    Read r;
    r.sort = request.sort;
    r.ascending = (request.order == SortOrder::Ascending) != backward;
    r.key = backward ? request.before : request.after;
    r.limit = std::clamp(request.limit, 1, kMaxPageSize);
    r.count = request.filterCount;
    return readPage(m_db, request.filter, r, backward);
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

Result<HistoryPage> HistoryStore::pageAt(qint64 offset, int limit, HistorySort sort, SortOrder order,
                                         const HistoryFilter &filter, std::optional<qint64> total)
{
    if (!total) {
        auto counted = count(filter);
        if (!counted)
            return counted.error();
        total = counted.value();
    }
    limit = std::clamp(limit, 1, kMaxPageSize);
    if (offset < 0 || offset >= *total)
        return HistoryPage{};
    const qint64 end = std::min<qint64>(offset + limit, *total);
    const bool ascending = order == SortOrder::Ascending;
    Read r;
    r.sort = sort;
    r.count = total;
    r.limit = int(end - offset);
    if (offset == 0) {
        r.ascending = ascending;
        return readPage(m_db, filter, r, false);
    }
    if (end == *total) {
        // The last rows are the first of the reversed order.
        r.ascending = !ascending;
        auto page = readPage(m_db, filter, r, true);
        if (page)
            page.value().hasMore = false;
        return page;
    }
    Read seek = r;
    if (offset <= *total - end) {
        seek.ascending = ascending;
        seek.offset = offset - 1; // the row before the page
        auto key = keyAt(m_db, filter, seek);
        if (!key)
            return key.error();
        if (!key.value())
            return HistoryPage{};
        r.ascending = ascending;
        r.key = key.value();
        return readPage(m_db, filter, r, false);
    }
    seek.ascending = !ascending;
    seek.offset = *total - 1 - end; // the row after the page, counted from the end
    auto key = keyAt(m_db, filter, seek);
    if (!key)
        return key.error();
    if (!key.value())
        return HistoryPage{};
    r.ascending = !ascending;
    r.key = key.value();
    auto page = readPage(m_db, filter, r, true);
    if (page)
        page.value().hasMore = true;
    return page;
}

Result<qint64> HistoryStore::count(const HistoryFilter &filter)
{
    const Plan p = planFor(filter, HistorySort::Date);
    QString sql;
    QVariantList args = p.args;
    HistoryFilter rest = filter;
    rest.fromMs.reset();
    rest.toMs.reset();
    if (p.where.isEmpty()) {
        sql = QStringLiteral("SELECT n FROM history_count WHERE id = 1");
    } else if (rest.isEmpty()) {
        // Only a period: counted on the narrow date index (a rowid range would read whole rows).
        QStringList where;
        args.clear();
        if (filter.fromMs) {
            where.append(QStringLiteral("h.created_at >= ?"));
            args.append(*filter.fromMs);
        }
        if (filter.toMs) {
            where.append(QStringLiteral("h.created_at < ?"));
            args.append(*filter.toMs);
        }
        sql = QStringLiteral("SELECT count(*) FROM history h INDEXED BY history_by_date%1")
                  .arg(whereSql(where));
    } else if (p.onlySearch) {
        sql = QStringLiteral("SELECT count(*) FROM history_fts WHERE history_fts MATCH ?");
    } else {
        sql = QStringLiteral("SELECT count(*) FROM %1%2").arg(p.from, whereSql(p.where));
    }
    auto value = m_db.scalar(sql, args);
    if (!value)
        return value.error();
    return value.value().toLongLong();
}

Result<qint64> HistoryStore::countBefore(const HistoryKey &key, HistorySort sort, SortOrder order,
                                         const HistoryFilter &filter)
{
    Plan p = planFor(filter, sort);
    const QString cmp = order == SortOrder::Ascending ? QStringLiteral("<") : QStringLiteral(">");
    if (sort == HistorySort::Date) {
        p.where.append(p.id + QLatin1Char(' ') + cmp + QStringLiteral(" ?"));
        p.args.append(key.id);
    } else {
        p.where.append(QStringLiteral("(h.shown_minor, h.id) %1 (?, ?)").arg(cmp));
        p.args.append(key.value);
        p.args.append(key.id);
    }
    const QString from = sort == HistorySort::Amount && !p.search && p.where.size() == 1
                             ? QStringLiteral("history h INDEXED BY history_by_amount")
                             : p.from;
    auto value =
        m_db.scalar(QStringLiteral("SELECT COUNT(*) FROM %1%2").arg(from, whereSql(p.where)), p.args);
    if (!value)
        return value.error();
    return value.value().toLongLong();
}

namespace {

// The SQL of the rows strictly between two keys of an order (the keyset conditions).
void addRange(Plan &p, HistorySort sort, bool ascending, const std::optional<HistoryKey> &from,
              const std::optional<HistoryKey> &to, bool dateIndex)
{
    const auto cond = [&](const HistoryKey &key, bool after) {
        const bool greater = after == ascending;
        const QString cmp = greater ? QStringLiteral(">") : QStringLiteral("<");
        if (sort == HistorySort::Amount) {
            p.where.append(QStringLiteral("(h.shown_minor, h.id) %1 (?, ?)").arg(cmp));
            p.args.append(key.value);
            p.args.append(key.id);
        } else if (dateIndex) {
            // The same condition on the date index's columns, so the count walks that narrow index.
            p.where.append(QStringLiteral("(h.created_at, h.id) %1 (?, ?)").arg(cmp));
            p.args.append(key.id >= 0 ? key.id / kIdPerMs : -((-key.id + kIdPerMs - 1) / kIdPerMs));
            p.args.append(key.id);
        } else {
            p.where.append(p.id + QLatin1Char(' ') + cmp + QStringLiteral(" ?"));
            p.args.append(key.id);
        }
    };
    if (from)
        cond(*from, true);
    if (to)
        cond(*to, false);
}

} // namespace

Result<qint64> HistoryStore::countBetween(const std::optional<HistoryKey> &from,
                                          const std::optional<HistoryKey> &to, HistorySort sort,
                                          SortOrder order, const HistoryFilter &filter, qint64 stopAt)
{
    Plan p = planFor(filter, sort);
    const bool unfiltered = p.where.isEmpty();
    if (unfiltered && !from && !to && stopAt <= 0)
        return count(filter);
    const bool dateIndex = unfiltered && sort == HistorySort::Date;
    addRange(p, sort, order == SortOrder::Ascending, from, to, dateIndex);
    QString source = p.from;
    if (dateIndex)
        source = QStringLiteral("history h INDEXED BY history_by_date");
    else if (unfiltered && sort == HistorySort::Amount)
        source = QStringLiteral("history h INDEXED BY history_by_amount");
    QString sql;
    if (stopAt > 0)
        sql = QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1%2 LIMIT %3)")
                  .arg(source, whereSql(p.where))
                  .arg(stopAt);
    else
        sql = QStringLiteral("SELECT count(*) FROM %1%2").arg(source, whereSql(p.where));
    auto value = m_db.scalar(sql, p.args);
    if (!value)
        return value.error();
    return value.value().toLongLong();
}

Result<QVector<HistoryKey>> HistoryStore::keysAfter(const std::optional<HistoryKey> &after, int limit,
                                                    HistorySort sort, SortOrder order,
                                                    const HistoryFilter &filter)
{
    Read r;
    r.sort = sort;
    r.ascending = order == SortOrder::Ascending;
    r.key = after;
    r.limit = std::clamp(limit, 1, 100000);
    r.keysOnly = true;
    QVariantList args;
    const QString sql = readSql(filter, r, args);
    auto query = m_db.exec(sql, args);
    if (!query)
        return query.error();
    QVector<HistoryKey> keys;
    while (query.value().next()) {
        HistoryKey key;
        if (sort == HistorySort::Date) {
            key.id = query.value().value(0).toLongLong();
            key.value = key.id >= 0 ? key.id / kIdPerMs : -((-key.id + kIdPerMs - 1) / kIdPerMs);
        } else {
            key.value = query.value().value(0).toLongLong();
            key.id = query.value().value(1).toLongLong();
        }
        keys.append(key);
    }
    if (query.value().lastError().isValid())
        return WalletDatabase::errorFrom(query.value().lastError(), QStringLiteral("read history keys"));
    return keys;
}

Result<QHash<QString, HistoryStore::RowKeys>> HistoryStore::keysOf(const QStringList &paymentIds)
{
    QHash<QString, RowKeys> out;
    constexpr int kChunk = 500;
    for (qsizetype first = 0; first < paymentIds.size(); first += kChunk) {
        const QStringList chunk = paymentIds.mid(first, kChunk);
        QStringList marks;
        QVariantList args;
        for (const QString &id : chunk) {
            marks.append(QStringLiteral("?"));
            args.append(id);
        }
        auto query = m_db.exec(
            QStringLiteral(
                "SELECT payment_id, id, created_at, shown_minor FROM history WHERE payment_id IN (%1)")
                .arg(marks.join(QLatin1Char(','))),
            args);
        if (!query)
            return query.error();
        while (query.value().next())
            out.insert(query.value().value(0).toString(),
                       RowKeys{query.value().value(1).toLongLong(), query.value().value(2).toLongLong(),
                               query.value().value(3).toLongLong()});
        if (query.value().lastError().isValid())
            return WalletDatabase::errorFrom(query.value().lastError(), QStringLiteral("read history keys"));
    }
    return out;
}

Result<QSet<qint64>> HistoryStore::membersOf(const QVector<qint64> &ids, const HistoryFilter &filter)
{
    QSet<qint64> out;
    if (ids.isEmpty())
        return out;
    constexpr int kChunk = 500;
    for (qsizetype first = 0; first < ids.size(); first += kChunk) {
        const QVector<qint64> chunk = ids.mid(first, kChunk);
        Plan p = planFor(filter, HistorySort::Date);
        // The ids' time span bounds the FTS scan to the matches of that span.
        const auto [lo, hi] = std::minmax_element(chunk.cbegin(), chunk.cend());
        p.where.append(p.id + QStringLiteral(" BETWEEN ? AND ?"));
        p.args.append(*lo);
        p.args.append(*hi);
        QStringList marks;
        for (qint64 id : chunk) {
            marks.append(QStringLiteral("?"));
            p.args.append(id);
        }
        p.where.append(QStringLiteral("h.id IN (%1)").arg(marks.join(QLatin1Char(','))));
        auto query =
            m_db.exec(QStringLiteral("SELECT h.id FROM %1%2").arg(p.from, whereSql(p.where)), p.args);
        if (!query)
            return query.error();
        while (query.value().next())
            out.insert(query.value().value(0).toLongLong());
        if (query.value().lastError().isValid())
            return WalletDatabase::errorFrom(query.value().lastError(),
                                             QStringLiteral("read history members"));
    }
    return out;
}

bool HistoryStore::matchesWithoutSearch(const HistoryRow &row, const HistoryFilter &f)
{
    const auto in = [](const QStringList &values, const QString &value) {
        return values.isEmpty() || values.contains(value);
    };
    const qint64 shown = shownAmountMinor(row);
    const auto eq = [](const QString &wanted, const QString &value) {
        return wanted.isEmpty() || wanted == value;
    };
    return in(f.kinds, row.kind) && in(f.statuses, row.status) && eq(f.currency, row.currency) &&
           eq(f.counterpartyId, row.counterpartyId) && eq(f.category, row.category) &&
           in(f.categories, row.category) && in(f.paymentMethodIds, row.paymentMethodId) &&
           (!f.minAmountMinor || shown >= *f.minAmountMinor) &&
           (!f.maxAmountMinor || shown <= *f.maxAmountMinor) && (!f.fromMs || row.createdAtMs >= *f.fromMs) &&
           (!f.toMs || row.createdAtMs < *f.toMs) && (!f.incoming || (*f.incoming ? shown > 0 : shown < 0));
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
