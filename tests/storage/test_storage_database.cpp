// WalletDatabase: PRAGMAs, typed open errors, the RAII Transaction, and migrations from every earlier
// schema version with data in every table.
#include "storage/history_store.h"
#include "storage/in_flight_store.h"
#include "storage/payment_method_store.h"
#include "storage/profile_store.h"
#include "storage/schema.h"
#include "storage/search_tokens.h"
#include "storage/sync_state_store.h"
#include "storage/transaction.h"
#include "storage/wallet_database.h"
#include "storage/wallet_settings_store.h"
#include "storage_test_util.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

using namespace bw::storage;
using namespace bw::storage::test;

namespace {

constexpr int kRowsPerVersion = 40;

// Writes rows the way the build that stopped at `version` would have written them: raw SQL against that
// version's columns only, sealed fields with the same sealer.
void fillAtVersion(WalletDatabase &db, int version)
{
    const FieldSealer &s = db.sealer();
    auto sealed = [&](const QString &text, const QString &table, const QString &column,
                      const QString &rowKey) { return s.sealText(text, table, column, rowKey).value(); };
    QVERIFY(db.exec(QStringLiteral("INSERT INTO profile (id, wallet_id, tier, kyc_status, phone_sealed,"
                                   " full_name_sealed, email_sealed, preferred_language, updated_at)"
                                   " VALUES (1, 'wal_v', 3, 'verified', ?, ?, ?, 'zh_CN', 42)"),
                    {sealed(QStringLiteral("+8613800138000"), QStringLiteral("profile"),
                            QStringLiteral("phone"), QStringLiteral("1")),
                     sealed(QStringLiteral("王小明"), QStringLiteral("profile"), QStringLiteral("full_name"),
                            QStringLiteral("1")),
                     sealed(QStringLiteral("xm@example.com"), QStringLiteral("profile"),
                            QStringLiteral("email"), QStringLiteral("1"))})
                .ok());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO payment_methods (id, type, brand, funding, last4, exp_month,"
                                   " exp_year, holder_name_sealed, is_default, sort_order)"
                                   " VALUES ('pm_1', 'card', 'visa', 'credit', '4242', 12, 2030, ?, 1, 0)"),
                    {sealed(QStringLiteral("WANG XIAOMING"), QStringLiteral("payment_methods"),
                            QStringLiteral("holder_name"), QStringLiteral("pm_1"))})
                .ok());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO sync_state VALUES ('wal_v', 'cursor_%1', 1000)").arg(version))
                .ok());
    QVERIFY(db.exec(QStringLiteral("INSERT INTO wallet_settings VALUES ('auto_lock_minutes', '7')")).ok());
    for (int n = 0; n < kRowsPerVersion; ++n) {
        HistoryRow row = sampleRow(n, 1700000000000 + n * 1000);
        if (n == 0) {
            row.merchantName = QStringLiteral("Luckin Coffee");
            row.merchantNameZh = QStringLiteral("瑞幸咖啡");
        }
        row.note = QStringLiteral("note %1").arg(n);
        QString sql = QStringLiteral(
            "INSERT INTO history (payment_id, last_txn_id, kind, status, amount_minor, currency, fees_minor,"
            " fees_currency, counterparty_type, counterparty_id, merchant_name, merchant_name_zh, category,"
            " counterparty_name_sealed, note_sealed, receipt_no, created_at, updated_at, balance_after_minor,"
            " balance_after_currency%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?%2)");
        QVariantList args = {
            row.paymentId,
            row.lastTxnId,
            row.kind,
            row.status,
            row.amountMinor,
            row.currency,
            row.feesMinor,
            row.feesCurrency,
            row.counterpartyType,
            row.counterpartyId,
            row.merchantName,
            row.merchantNameZh,
            row.category,
            s.sealText(row.counterpartyName, u"history", u"counterparty_name", row.paymentId).value(),
            s.sealText(row.note, u"history", u"note", row.paymentId).value(),
            row.receiptNo,
            row.createdAtMs,
            row.updatedAtMs,
            *row.balanceAfterMinor,
            row.balanceAfterCurrency};
        if (version >= 2) {
            sql = sql.arg(QStringLiteral(", search_text"), QStringLiteral(", ?"));
            args.append(SearchTokens::forHistory(row.merchantName, row.merchantNameZh, row.category,
                                                 row.receiptNo, row.kind));
        } else {
            sql = sql.arg(QString(), QString());
        }
        auto done = db.exec(sql, args);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().detail));
    }
    if (version >= 3) {
        InFlightPayment p;
        p.idempotencyKey = QStringLiteral("idem-v3");
        p.kind = QStringLiteral("payment");
        p.summary = QJsonObject{{QStringLiteral("source"), QStringLiteral("balance")}};
        p.note = QStringLiteral("in flight note");
        p.createdAtMs = 5;
        QVERIFY(InFlightStore(db).record(p).ok());
    }
}

void checkEverythingSurvived(WalletDatabase &db, int fromVersion)
{
    QCOMPARE(db.schemaVersion(), WalletDatabase::kLatestVersion);
    auto profile = ProfileStore(db).get();
    ST_VERIFY_OK(profile);
    QVERIFY(profile.value().has_value());
    QCOMPARE(profile.value()->fullName, QStringLiteral("王小明"));
    QCOMPARE(profile.value()->phone, QStringLiteral("+8613800138000"));
    QCOMPARE(profile.value()->email, QStringLiteral("xm@example.com"));
    QCOMPARE(profile.value()->tier, 3);

    auto methods = PaymentMethodStore(db).list();
    ST_VERIFY_OK(methods);
    QCOMPARE(methods.value().size(), 1);
    QCOMPARE(methods.value().first().holderName, QStringLiteral("WANG XIAOMING"));
    QCOMPARE(methods.value().first().last4, QStringLiteral("4242"));

    auto sync = SyncStateStore(db).get(QStringLiteral("wal_v"));
    ST_VERIFY_OK(sync);
    // The wallet and its sync time survive; the cursor is reset by v4, so the next sync reads the whole
    // feed again and the cached rows get the debit and payment method older versions did not store.
    QVERIFY(sync.value().has_value());
    QCOMPARE(sync.value()->feedCursor,
             fromVersion < 4 ? QString() : QStringLiteral("cursor_%1").arg(fromVersion));
    auto setting = WalletSettingsStore(db).value(QStringLiteral("auto_lock_minutes"));
    ST_VERIFY_OK(setting);
    QCOMPARE(setting.value().value_or(QString()), QStringLiteral("7"));

    HistoryStore history(db);
    auto count = history.count();
    ST_VERIFY_OK(count);
    QCOMPARE(count.value(), qint64(kRowsPerVersion));
    for (int n = 0; n < kRowsPerVersion; ++n) {
        const HistoryRow expected = sampleRow(n, 1700000000000 + n * 1000);
        auto row = history.get(expected.paymentId);
        ST_VERIFY_OK(row);
        QVERIFY(row.value().has_value());
        QCOMPARE(row.value()->amountMinor, expected.amountMinor);
        QCOMPARE(row.value()->note, QStringLiteral("note %1").arg(n));
        QCOMPARE(row.value()->counterpartyName, expected.counterpartyName);
        QCOMPARE(row.value()->receiptNo, expected.receiptNo);
        QCOMPARE(row.value()->createdAtMs, expected.createdAtMs);
    }
    // v2: search works on rows cached before the search existed (back-filled) and on new rows.
    HistoryFilter coffee;
    coffee.searchText = QStringLiteral("咖啡");
    auto found = history.count(coffee);
    ST_VERIFY_OK(found);
    QCOMPARE(found.value(), qint64(1));
    HistoryFilter receipt;
    receipt.searchText = sampleRow(17, 0).receiptNo;
    QCOMPARE(history.count(receipt).value(), qint64(1));
    HistoryRow fresh = sampleRow(1000, 1800000000000);
    fresh.merchantName = QStringLiteral("Blue Bottle");
    fresh.paymentMethodId = QStringLiteral("pm_1"); // v3 column
    ST_VERIFY_OK(history.upsert(fresh));
    HistoryFilter blue;
    blue.searchText = QStringLiteral("bott");
    QCOMPARE(history.count(blue).value(), qint64(1));
    QCOMPARE(history.get(fresh.paymentId).value()->paymentMethodId, QStringLiteral("pm_1"));

    // v3: payments in flight.
    InFlightStore inFlight(db);
    if (fromVersion >= 3) {
        auto kept = inFlight.get(QStringLiteral("idem-v3"));
        ST_VERIFY_OK(kept);
        QCOMPARE(kept.value()->note, QStringLiteral("in flight note"));
    }
    InFlightPayment p;
    p.idempotencyKey = QStringLiteral("idem-after-migration");
    p.kind = QStringLiteral("transfer");
    p.createdAtMs = 9;
    ST_VERIFY_OK(inFlight.record(p));
    QCOMPARE(inFlight.listUnfinished().value().size(), fromVersion >= 3 ? 2 : 1);
}

} // namespace

class TestStorageDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void pragmasAreSet()
    {
        WalletDatabase db;
        ST_VERIFY_OK(db.open(m_dir.filePath(QStringLiteral("p.db")), testKey()));
        QCOMPARE(db.pragma(QStringLiteral("journal_mode")).value(), QStringLiteral("wal"));
        QCOMPARE(db.pragma(QStringLiteral("synchronous")).value(), QStringLiteral("2")); // FULL
        QCOMPARE(db.pragma(QStringLiteral("foreign_keys")).value(), QStringLiteral("1"));
        QCOMPARE(db.pragma(QStringLiteral("busy_timeout")).value(),
                 QString::number(WalletDatabase::kBusyTimeoutMs));
        QCOMPARE(db.pragma(QStringLiteral("user_version")).value(),
                 QString::number(WalletDatabase::kLatestVersion));
        QCOMPARE(db.schemaVersion(), WalletDatabase::kLatestVersion);
        ST_VERIFY_ERROR(db.pragma(QStringLiteral("user_version; DROP TABLE history")),
                        StorageErrorCode::InvalidData);
        QCOMPARE(db.pragma(QStringLiteral("cache_size")).value(),
                 QStringLiteral("-8192")); // 8 MiB, a reader's
    }

    void pageCacheCanBeLowered()
    {
        WalletDatabase db;
        ST_VERIFY_ERROR(db.setPageCacheKiB(2048), StorageErrorCode::NotOpen);
        ST_VERIFY_OK(db.open(m_dir.filePath(QStringLiteral("c.db")), testKey()));
        ST_VERIFY_OK(db.setPageCacheKiB(2048));
        QCOMPARE(db.pragma(QStringLiteral("cache_size")).value(), QStringLiteral("-2048"));
        ST_VERIFY_ERROR(db.setPageCacheKiB(0), StorageErrorCode::InvalidData);
        ST_VERIFY_ERROR(db.setPageCacheKiB(-5), StorageErrorCode::InvalidData);
        QCOMPARE(db.pragma(QStringLiteral("cache_size")).value(), QStringLiteral("-2048"));
    }

    void twoInstancesHaveTheirOwnConnections()
    {
        WalletDatabase a;
        WalletDatabase b;
        ST_VERIFY_OK(a.open(m_dir.filePath(QStringLiteral("a.db")), testKey()));
        ST_VERIFY_OK(b.open(m_dir.filePath(QStringLiteral("b.db")), testKey()));
        QVERIFY(a.connection().connectionName() != b.connection().connectionName());
        ST_VERIFY_OK(WalletSettingsStore(a).setValue(QStringLiteral("k"), QStringLiteral("a")));
        QVERIFY(!WalletSettingsStore(b).value(QStringLiteral("k")).value().has_value());
    }

    void invalidKeyIsRefused()
    {
        WalletDatabase db;
        bw::crypto::SecretBytes shortKey(16);
        ST_VERIFY_ERROR(db.open(m_dir.filePath(QStringLiteral("k.db")), shortKey),
                        StorageErrorCode::InvalidKey);
        QVERIFY(!db.isOpen());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("k.db"))));
    }

    void cannotOpenMissingFolder()
    {
        WalletDatabase db;
        ST_VERIFY_ERROR(db.open(m_dir.filePath(QStringLiteral("no/such/folder/x.db")), testKey()),
                        StorageErrorCode::CannotOpen);
        QVERIFY(!db.isOpen());
        ST_VERIFY_ERROR(HistoryStore(db).count(), StorageErrorCode::NotOpen);
    }

    void garbageFileIsCorrupt()
    {
        const QString path = m_dir.filePath(QStringLiteral("garbage.db"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        WalletDatabase db;
        ST_VERIFY_ERROR(db.open(path, testKey()), StorageErrorCode::Corrupt);
        QCOMPARE(readFileBytes(path), QByteArray(8192, 'x'));
        QVERIFY(!errorMessage(StorageErrorCode::Corrupt).isEmpty());
    }

    void newerVersionIsRefusedAndUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("newer.db"));
        {
            WalletDatabase db;
            ST_VERIFY_OK(db.open(path, testKey()));
            ST_VERIFY_OK(WalletSettingsStore(db).setValue(QStringLiteral("x"), QStringLiteral("y")));
            QVERIFY(
                db.exec(QStringLiteral("PRAGMA user_version = %1").arg(WalletDatabase::kLatestVersion + 1))
                    .ok());
        }
        const QByteArray before = readFileBytes(path);
        QVERIFY(!before.isEmpty());
        WalletDatabase db;
        ST_VERIFY_ERROR(db.open(path, testKey()), StorageErrorCode::NewerVersion);
        QVERIFY(!db.isOpen());
        QCOMPARE(readFileBytes(path), before);
    }

    void wrongDataKeyIsRefusedAndUntouched()
    {
        const QString path = m_dir.filePath(QStringLiteral("key.db"));
        {
            WalletDatabase db;
            ST_VERIFY_OK(db.openAtVersion(path, testKey('a'), 1)); // an old file: no migration may run
        }
        const QByteArray before = readFileBytes(path);
        WalletDatabase db;
        ST_VERIFY_ERROR(db.open(path, testKey('b')), StorageErrorCode::DataKeyWrong);
        QCOMPARE(readFileBytes(path), before);
        ST_VERIFY_OK(db.open(path, testKey('a')));
        QCOMPARE(db.schemaVersion(), WalletDatabase::kLatestVersion);
        // Starting over with a new key: remove the files, then the new key opens a fresh database.
        db.close();
        ST_VERIFY_OK(WalletDatabase::removeFiles(path));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        ST_VERIFY_OK(db.open(path, testKey('b')));
    }

    void diskFullIsTypedAndRollsBack()
    {
        WalletDatabase db;
        ST_VERIFY_OK(db.open(m_dir.filePath(QStringLiteral("full.db")), testKey()));
        const qint64 pages = db.scalar(QStringLiteral("PRAGMA page_count")).value().toLongLong();
        // A quota a few pages above the current size stands in for a full disk: SQLite reports SQLITE_FULL.
        QVERIFY(db.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + 3)).ok());
        QVector<HistoryRow> rows;
        for (int n = 0; n < 2000; ++n)
            rows.append(sampleRow(n, 1700000000000 + n));
        const Status status = HistoryStore(db).upsertBatch(rows);
        ST_VERIFY_ERROR(status, StorageErrorCode::DiskFull);
        QVERIFY(!status.error().userMessage().isEmpty());
        QCOMPARE(HistoryStore(db).count().value(), qint64(0));
        QCOMPARE(db.transactionDepth(), 0);
    }

    void transactionCommits()
    {
        WalletDatabase db;
        ST_VERIFY_OK(db.open(m_dir.filePath(QStringLiteral("tx.db")), testKey()));
        {
            Transaction tx(db);
            QVERIFY(tx.ok());
            ST_VERIFY_OK(WalletSettingsStore(db).setValue(QStringLiteral("a"), QStringLiteral("1")));
            ST_VERIFY_OK(tx.commit());
        }
        QCOMPARE(WalletSettingsStore(db).value(QStringLiteral("a")).value().value_or(QString()),
                 QStringLiteral("1"));
    }

    void transactionRollsBackOnEarlyReturn()
    {
        WalletDatabase db;
        ST_VERIFY_OK(db.open(m_dir.filePath(QStringLiteral("tx.db")), testKey()));
        auto writeThenBail = [&db]() -> Status {
            Transaction tx(db);
            if (auto s = WalletSettingsStore(db).setValue(QStringLiteral("b"), QStringLiteral("2")); !s)
                return s;
            return StorageError{StorageErrorCode::InvalidData, QStringLiteral("changed my mind")};
        };
        QVERIFY(!writeThenBail().ok());
        QVERIFY(!WalletSettingsStore(db).value(QStringLiteral("b")).value().has_value());
        QCOMPARE(db.transactionDepth(), 0);
    }

    void transactionRollsBackOnException()
    {
        WalletDatabase db;
        ST_VERIFY_OK(db.open(m_dir.filePath(QStringLiteral("tx.db")), testKey()));
        try {
            Transaction tx(db);
            ST_VERIFY_OK(WalletSettingsStore(db).setValue(QStringLiteral("c"), QStringLiteral("3")));
            throw std::runtime_error("boom");
        } catch (const std::runtime_error &) {
        }
        QVERIFY(!WalletSettingsStore(db).value(QStringLiteral("c")).value().has_value());
        // The connection is usable again: a new transaction can begin.
        Transaction again(db);
        QVERIFY(again.ok());
        ST_VERIFY_OK(again.commit());
    }

    void nestedTransactionIsASavepoint()
    {
        WalletDatabase db;
        ST_VERIFY_OK(db.open(m_dir.filePath(QStringLiteral("tx.db")), testKey()));
        WalletSettingsStore settings(db);
        {
            Transaction outer(db);
            ST_VERIFY_OK(settings.setValue(QStringLiteral("outer"), QStringLiteral("1")));
            {
                Transaction inner(db);
                QVERIFY(inner.ok());
                ST_VERIFY_OK(settings.setValue(QStringLiteral("inner-undone"), QStringLiteral("1")));
            }
            {
                Transaction inner(db);
                ST_VERIFY_OK(settings.setValue(QStringLiteral("inner-kept"), QStringLiteral("1")));
                ST_VERIFY_OK(inner.commit());
            }
            ST_VERIFY_OK(outer.commit());
        }
        QVERIFY(settings.value(QStringLiteral("outer")).value().has_value());
        QVERIFY(settings.value(QStringLiteral("inner-kept")).value().has_value());
        QVERIFY(!settings.value(QStringLiteral("inner-undone")).value().has_value());
        // The outer rollback undoes a committed inner savepoint too.
        {
            Transaction outer(db);
            Transaction inner(db);
            ST_VERIFY_OK(settings.setValue(QStringLiteral("gone"), QStringLiteral("1")));
            ST_VERIFY_OK(inner.commit());
        }
        QVERIFY(!settings.value(QStringLiteral("gone")).value().has_value());
    }

    void migrationIsAllOrNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("half.db"));
        {
            WalletDatabase db;
            ST_VERIFY_OK(db.openAtVersion(path, testKey(), 1));
            // Something the v3 step collides with: the migration 1 → 3 must fail as a whole and leave
            // version 1.
            QVERIFY(db.exec(QStringLiteral("CREATE TABLE payments_in_flight (x)")).ok());
        }
        {
            WalletDatabase db;
            const Status status = db.open(path, testKey());
            QVERIFY(!status.ok());
        }
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), 1);
            // The v2 step (search_text) was rolled back with the failed v3 step.
            QVERIFY(!q.exec(QStringLiteral("SELECT search_text FROM history")));
        }
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 1; v <= WalletDatabase::kLatestVersion; ++v)
            QTest::addRow("from v%d", v) << v;
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        const QString path = m_dir.filePath(QStringLiteral("migrate_%1.db").arg(fromVersion));
        {
            WalletDatabase old;
            ST_VERIFY_OK(old.openAtVersion(path, testKey(), fromVersion));
            QCOMPARE(old.schemaVersion(), fromVersion);
            fillAtVersion(old, fromVersion);
            if (QTest::currentTestFailed())
                return;
        }
        WalletDatabase db;
        ST_VERIFY_OK(db.open(path, testKey()));
        checkEverythingSurvived(db, fromVersion);
        // Reopening a current file changes nothing.
        db.close();
        ST_VERIFY_OK(db.open(path, testKey()));
        QCOMPARE(HistoryStore(db).count().value(), qint64(kRowsPerVersion + 1));
    }

    void wrongThreadIsRefused()
    {
        WalletDatabase db;
        ST_VERIFY_OK(db.open(m_dir.filePath(QStringLiteral("thread.db")), testKey()));
        StorageErrorCode seen = StorageErrorCode::SqlError;
        bool okOnOtherThread = true;
        QThread *other = QThread::create([&] {
            const auto count = HistoryStore(db).count();
            okOnOtherThread = count.ok();
            if (!count.ok())
                seen = count.error().code;
        });
        other->start();
        QVERIFY(other->wait(10000));
        delete other;
        QVERIFY(!okOnOtherThread);
        QCOMPARE(errorCodeName(seen), errorCodeName(StorageErrorCode::WrongThread));
        ST_VERIFY_OK(HistoryStore(db).count());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStorageDatabase)
#include "test_storage_database.moc"
