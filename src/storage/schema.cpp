#include "storage/schema.h"

#include "storage/search_tokens.h"
#include "storage/transaction.h"
#include "storage/wallet_database.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace bw::storage::schema {

namespace {

Status execAll(WalletDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        if (auto result = db.exec(sql); !result)
            return result.error();
    }
    return {};
}

} // namespace

Status migrateToV1(WalletDatabase &db)
{
    return execAll(
        db,
        {
            // The sealed data-key check value (WalletDatabase::checkDataKey) and future bookkeeping.
            QStringLiteral("CREATE TABLE storage_meta (key TEXT PRIMARY KEY, value BLOB)"),
            QStringLiteral("CREATE TABLE profile ("
                           " id INTEGER PRIMARY KEY CHECK (id = 1),"
                           " wallet_id TEXT NOT NULL,"
                           " tier INTEGER NOT NULL,"
                           " kyc_status TEXT NOT NULL DEFAULT '',"
                           " phone_sealed BLOB,"
                           " full_name_sealed BLOB,"
                           " email_sealed BLOB,"
                           " preferred_language TEXT NOT NULL DEFAULT '',"
                           " updated_at INTEGER NOT NULL DEFAULT 0)"),
            // Display data only: last4 can never hold a full number.
            QStringLiteral("CREATE TABLE payment_methods ("
                           " id TEXT PRIMARY KEY,"
                           " type TEXT NOT NULL,"
                           " brand TEXT,"
                           " funding TEXT,"
                           " last4 TEXT CHECK (last4 IS NULL OR length(last4) <= 4),"
                           " exp_month INTEGER,"
                           " exp_year INTEGER,"
                           " bank_id TEXT,"
                           " bank_name TEXT,"
                           " country TEXT,"
                           " holder_name_sealed BLOB,"
                           " is_default INTEGER NOT NULL DEFAULT 0,"
                           " sort_order INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE history ("
                           " id INTEGER PRIMARY KEY,"
                           " payment_id TEXT NOT NULL UNIQUE,"
                           " last_txn_id TEXT NOT NULL DEFAULT '',"
                           " kind TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " failure_code TEXT,"
                           " amount_minor INTEGER NOT NULL,"
                           " currency TEXT NOT NULL,"
                           " fees_minor INTEGER NOT NULL DEFAULT 0,"
                           " fees_currency TEXT,"
                           " counterparty_type TEXT,"
                           " counterparty_id TEXT,"
                           " merchant_name TEXT,"
                           " merchant_name_zh TEXT,"
                           " category TEXT,"
                           " counterparty_name_sealed BLOB,"
                           " counterparty_phone_sealed BLOB,"
                           " note_sealed BLOB,"
                           " receipt_no TEXT,"
                           " quote_id TEXT,"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL,"
                           " balance_after_minor INTEGER,"
                           " balance_after_currency TEXT)"),
            // Keyset paging: (sort value, id) serves both directions.
            QStringLiteral("CREATE INDEX history_by_date ON history (created_at, id)"),
            QStringLiteral("CREATE INDEX history_by_amount ON history (amount_minor, id)"),
            QStringLiteral("CREATE INDEX history_by_counterparty ON history (counterparty_id, created_at)"),
            QStringLiteral("CREATE TABLE sync_state ("
                           " wallet_id TEXT PRIMARY KEY,"
                           " feed_cursor TEXT NOT NULL DEFAULT '',"
                           " last_sync_at INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE wallet_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        });
}

Status migrateToV2(WalletDatabase &db)
{
    if (auto status = execAll(
            db, {QStringLiteral("ALTER TABLE history ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")});
        !status)
        return status;

    // Back-fill the rows an older build cached, before the FTS table and its triggers exist (an FTS5
    // 'delete' of content that was never indexed would corrupt the index).
    auto rows = db.exec(QStringLiteral(
        "SELECT id, merchant_name, merchant_name_zh, category, receipt_no, kind FROM history"));
    if (!rows)
        return rows.error();
    auto update = db.prepare(QStringLiteral("UPDATE history SET search_text = ? WHERE id = ?"));
    if (!update)
        return update.error();
    QSqlQuery &select = rows.value();
    while (select.next()) {
        update.value().bindValue(
            0, SearchTokens::forHistory(select.value(1).toString(), select.value(2).toString(),
                                        select.value(3).toString(), select.value(4).toString(),
                                        select.value(5).toString()));
        update.value().bindValue(1, select.value(0));
        if (auto status = db.run(update.value(), QStringLiteral("back-fill search_text")); !status)
            return status;
    }
    if (select.lastError().isValid())
        return WalletDatabase::errorFrom(select.lastError(), QStringLiteral("read history"));
    select.finish();

    return execAll(
        db,
        {
            QStringLiteral("CREATE VIRTUAL TABLE history_fts USING fts5("
                           "search_text, content='history', content_rowid='id',"
                           " tokenize='unicode61', prefix='2 3')"),
            QStringLiteral("INSERT INTO history_fts(history_fts) VALUES ('rebuild')"),
            QStringLiteral("CREATE TRIGGER history_fts_insert AFTER INSERT ON history BEGIN"
                           " INSERT INTO history_fts(rowid, search_text) VALUES (new.id, new.search_text);"
                           " END"),
            QStringLiteral("CREATE TRIGGER history_fts_delete AFTER DELETE ON history BEGIN"
                           " INSERT INTO history_fts(history_fts, rowid, search_text)"
                           " VALUES ('delete', old.id, old.search_text);"
                           " END"),
            QStringLiteral("CREATE TRIGGER history_fts_update AFTER UPDATE OF search_text ON history"
                           " WHEN old.search_text IS NOT new.search_text BEGIN"
                           " INSERT INTO history_fts(history_fts, rowid, search_text)"
                           " VALUES ('delete', old.id, old.search_text);"
                           " INSERT INTO history_fts(rowid, search_text) VALUES (new.id, new.search_text);"
                           " END"),
        });
}

Status migrateToV3(WalletDatabase &db)
{
    return execAll(
        db,
        {
            QStringLiteral("CREATE TABLE payments_in_flight ("
                           " id INTEGER PRIMARY KEY,"
                           " idempotency_key TEXT NOT NULL UNIQUE,"
                           " quote_id TEXT,"
                           " kind TEXT NOT NULL,"
                           " summary_json TEXT NOT NULL,"
                           " note_sealed BLOB,"
                           " state TEXT NOT NULL"
                           "  CHECK (state IN ('recorded', 'sent', 'answered', 'reconciled', 'abandoned')),"
                           " payment_id TEXT,"
                           " answer_status TEXT,"
                           " failure_code TEXT,"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL)"),
            QStringLiteral(
                "CREATE INDEX payments_in_flight_by_state ON payments_in_flight (state, created_at)"),
            QStringLiteral("ALTER TABLE history ADD COLUMN payment_method_id TEXT"),
        });
}

// v4: the debit of outgoing payments and the "shown amount"; row ids that follow time (so the date order is
// the rowid order, FTS5's too); a row count kept by triggers; indexes for every filter.
Status migrateToV4(WalletDatabase &db)
{
    const QString columns = QStringLiteral(
        "payment_id, last_txn_id, kind, status, failure_code, amount_minor, currency, fees_minor,"
        " fees_currency, counterparty_type, counterparty_id, merchant_name, merchant_name_zh, category,"
        " counterparty_name_sealed, counterparty_phone_sealed, note_sealed, receipt_no, quote_id, created_at,"
        " updated_at, balance_after_minor, balance_after_currency, payment_method_id, search_text");
    return execAll(
        db,
        {
            QStringLiteral("DROP TRIGGER IF EXISTS history_fts_insert"),
            QStringLiteral("DROP TRIGGER IF EXISTS history_fts_delete"),
            QStringLiteral("DROP TRIGGER IF EXISTS history_fts_update"),
            QStringLiteral("DROP TABLE IF EXISTS history_fts"),
            QStringLiteral("CREATE TABLE history_v4 ("
                           " id INTEGER PRIMARY KEY," // created_at * 2^20 + tiebreak (HistoryStore)
                           " payment_id TEXT NOT NULL UNIQUE,"
                           " last_txn_id TEXT NOT NULL DEFAULT '',"
                           " kind TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " failure_code TEXT,"
                           " amount_minor INTEGER NOT NULL,"
                           " currency TEXT NOT NULL,"
                           " fees_minor INTEGER NOT NULL DEFAULT 0,"
                           " fees_currency TEXT,"
                           " counterparty_type TEXT,"
                           " counterparty_id TEXT,"
                           " merchant_name TEXT,"
                           " merchant_name_zh TEXT,"
                           " category TEXT,"
                           " counterparty_name_sealed BLOB,"
                           " counterparty_phone_sealed BLOB,"
                           " note_sealed BLOB,"
                           " receipt_no TEXT,"
                           " quote_id TEXT,"
                           " created_at INTEGER NOT NULL,"
                           " updated_at INTEGER NOT NULL,"
                           " balance_after_minor INTEGER,"
                           " balance_after_currency TEXT,"
                           " payment_method_id TEXT,"
                           " search_text TEXT NOT NULL DEFAULT '',"
                           " debit_minor INTEGER,"
                           " debit_currency TEXT,"
                           // Stored, so the amount index covers the amount order's keyset queries.
                           " shown_minor INTEGER GENERATED ALWAYS AS (CASE WHEN amount_minor <> 0"
                           "  THEN amount_minor ELSE -coalesce(debit_minor, 0) END) STORED)"),
            // The sealed fields' associated data is the payment id, not the row id: renumbering is safe.
            QStringLiteral("INSERT INTO history_v4 (id, %1) SELECT created_at * 1048576 +"
                           " (row_number() OVER (PARTITION BY created_at ORDER BY id) - 1), %1 FROM history")
                .arg(columns),
            QStringLiteral("DROP TABLE history"),
            QStringLiteral("ALTER TABLE history_v4 RENAME TO history"),
            // Every index ends with the rowid, i.e. with time: an equality filter pages in date order
            // straight from its index and counts over it without touching the table.
            QStringLiteral("CREATE INDEX history_by_date ON history (created_at)"),
            QStringLiteral("CREATE INDEX history_by_amount ON history (shown_minor)"),
            QStringLiteral("CREATE INDEX history_by_counterparty ON history (counterparty_id)"),
            QStringLiteral("CREATE INDEX history_by_kind ON history (kind)"),
            QStringLiteral("CREATE INDEX history_by_status ON history (status)"),
            QStringLiteral("CREATE INDEX history_by_currency ON history (currency)"),
            QStringLiteral("CREATE INDEX history_by_category ON history (category)"),
            QStringLiteral("CREATE INDEX history_by_method ON history (payment_method_id)"),
            // COUNT(*) of a million rows walks an index (tens of ms); the model asks on every reset.
            QStringLiteral("CREATE TABLE history_count (id INTEGER PRIMARY KEY CHECK (id = 1),"
                           " n INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO history_count (id, n) SELECT 1, count(*) FROM history"),
            QStringLiteral("CREATE TRIGGER history_count_insert AFTER INSERT ON history BEGIN"
                           " UPDATE history_count SET n = n + 1 WHERE id = 1; END"),
            QStringLiteral("CREATE TRIGGER history_count_delete AFTER DELETE ON history BEGIN"
                           " UPDATE history_count SET n = n - 1 WHERE id = 1; END"),
            // detail=none: the queries are single tokens and prefixes (SearchTokens::matchQuery), never
            // phrases, so positions are not needed; doclists of rowids only are smaller and faster.
            // Prefix indexes up to 8 characters: a typed Latin word is a prefix query, and without its
            // own index FTS5 merges every matching term's doclist (≈ 0.7 µs a match: 140 ms for a word in
            // 20% of a million rows).
            QStringLiteral("CREATE VIRTUAL TABLE history_fts USING fts5("
                           "search_text, content='history', content_rowid='id',"
                           " tokenize='unicode61', prefix='2 3 4 5 6 7 8', detail=none)"),
            QStringLiteral("INSERT INTO history_fts(history_fts) VALUES ('rebuild')"),
            QStringLiteral("CREATE TRIGGER history_fts_insert AFTER INSERT ON history BEGIN"
                           " INSERT INTO history_fts(rowid, search_text) VALUES (new.id, new.search_text);"
                           " END"),
            QStringLiteral("CREATE TRIGGER history_fts_delete AFTER DELETE ON history BEGIN"
                           " INSERT INTO history_fts(history_fts, rowid, search_text)"
                           " VALUES ('delete', old.id, old.search_text);"
                           " END"),
            QStringLiteral("CREATE TRIGGER history_fts_update AFTER UPDATE OF search_text ON history"
                           " WHEN old.search_text IS NOT new.search_text BEGIN"
                           " INSERT INTO history_fts(history_fts, rowid, search_text)"
                           " VALUES ('delete', old.id, old.search_text);"
                           " INSERT INTO history_fts(rowid, search_text) VALUES (new.id, new.search_text);"
                           " END"),
            // Rows cached before v4 lack the debit and the paying card or account (and carry the older
            // search tokens): the next sync reads the whole feed again and upserts every row with them.
            QStringLiteral("UPDATE sync_state SET feed_cursor = ''"),
        });
}

Status migrateTo(WalletDatabase &db, int targetVersion)
{
    using Step = Status (*)(WalletDatabase &);
    static constexpr Step kSteps[] = {migrateToV1, migrateToV2, migrateToV3, migrateToV4};
    static_assert(std::size(kSteps) == WalletDatabase::kLatestVersion);

    if (targetVersion < 0 || targetVersion > WalletDatabase::kLatestVersion)
        return StorageError{StorageErrorCode::InvalidData,
                            QStringLiteral("no schema version %1").arg(targetVersion)};
    const auto current = db.scalar(QStringLiteral("PRAGMA user_version"));
    if (!current)
        return current.error();
    const int from = current.value().toInt();
    if (from > WalletDatabase::kLatestVersion)
        return StorageError{StorageErrorCode::NewerVersion, QStringLiteral("schema version %1").arg(from)};
    if (from >= targetVersion)
        return {};

    Transaction tx(db);
    if (!tx.ok())
        return tx.begun();
    for (int version = from + 1; version <= targetVersion; ++version) {
        if (auto status = kSteps[version - 1](db); !status) {
            qCWarning(lcStorage, "migration to schema version %d failed: %s", version,
                      qPrintable(status.error().detail));
            return status;
        }
    }
    if (auto status = db.exec(QStringLiteral("PRAGMA user_version = %1").arg(targetVersion)); !status)
        return status.error();
    if (auto status = tx.commit(); !status)
        return status;
    qCInfo(lcStorage, "wallet database migrated from schema version %d to %d", from, targetVersion);
    return {};
}

} // namespace bw::storage::schema
