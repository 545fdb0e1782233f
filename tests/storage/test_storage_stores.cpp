// The small repositories: profile, payment methods (replace-all in one transaction), sync state, wallet
// settings and payments in flight (recorded before sending, never holding a PIN or OTP).
#include "storage/in_flight_store.h"
#include "storage/payment_method_store.h"
#include "storage/profile_store.h"
#include "storage/sync_state_store.h"
#include "storage/wallet_database.h"
#include "storage/wallet_settings_store.h"
#include "storage_test_util.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace bw::storage;
using namespace bw::storage::test;

namespace {

PaymentMethodRow card(const QString &id, const QString &last4, bool isDefault = false)
{
    PaymentMethodRow row;
    row.id = id;
    row.type = QStringLiteral("card");
    row.brand = QStringLiteral("visa");
    row.funding = QStringLiteral("credit");
    row.last4 = last4;
    row.expMonth = 12;
    row.expYear = 2031;
    row.holderName = QStringLiteral("MEI HAN");
    row.isDefault = isDefault;
    return row;
}

} // namespace

class TestStorageStores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<WalletDatabase>();
        ST_VERIFY_OK(m_db->open(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)), testKey()));
    }
    void cleanup() { m_db.reset(); }

    void profile()
    {
        ProfileStore store(*m_db);
        QVERIFY(!store.get().value().has_value());
        ProfileRow row;
        row.walletId = QStringLiteral("wal_1");
        row.tier = 3;
        row.kycStatus = QStringLiteral("verified");
        row.phone = QStringLiteral("+8613800138000");
        row.fullName = QStringLiteral("韩梅梅");
        row.email = QStringLiteral("mm@example.com");
        row.preferredLanguage = QStringLiteral("zh_CN");
        row.updatedAtMs = 77;
        ST_VERIFY_OK(store.save(row));
        auto got = store.get();
        ST_VERIFY_OK(got);
        QCOMPARE(got.value()->fullName, row.fullName);
        QCOMPARE(got.value()->phone, row.phone);
        QCOMPARE(got.value()->email, row.email);
        QCOMPARE(got.value()->tier, 3);
        QCOMPARE(got.value()->kycStatus, row.kycStatus);
        QCOMPARE(got.value()->preferredLanguage, row.preferredLanguage);
        QCOMPARE(got.value()->updatedAtMs, qint64(77));
        row.tier = 2;
        row.email.clear();
        ST_VERIFY_OK(store.save(row));
        QCOMPARE(store.get().value()->tier, 2);
        QCOMPARE(store.get().value()->email, QString());
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM profile")).value().toInt(), 1);
        ST_VERIFY_OK(store.clear());
        QVERIFY(!store.get().value().has_value());
        ST_VERIFY_ERROR(store.save(ProfileRow{}), StorageErrorCode::InvalidData);
    }

    void paymentMethodsReplaceAll()
    {
        PaymentMethodStore store(*m_db);
        PaymentMethodRow account;
        account.id = QStringLiteral("pm_acc");
        account.type = QStringLiteral("bank_account");
        account.bankId = QStringLiteral("bnk_icbc");
        account.bankName = QStringLiteral("ICBC");
        account.country = QStringLiteral("CN");
        account.last4 = QStringLiteral("6789");
        account.holderName = QStringLiteral("韩梅梅");
        ST_VERIFY_OK(store.replaceAll({card(QStringLiteral("pm_b"), QStringLiteral("4242"), true), account,
                                       card(QStringLiteral("pm_a"), QStringLiteral("1232"))}));
        auto list = store.list();
        ST_VERIFY_OK(list);
        QCOMPARE(list.value().size(), 3);
        // The gateway's order is kept.
        QCOMPARE(list.value().at(0).id, QStringLiteral("pm_b"));
        QCOMPARE(list.value().at(1).id, QStringLiteral("pm_acc"));
        QCOMPARE(list.value().at(1).bankName, QStringLiteral("ICBC"));
        QCOMPARE(list.value().at(1).holderName, QStringLiteral("韩梅梅"));
        QCOMPARE(list.value().at(1).expMonth, 0);
        QVERIFY(list.value().at(0).isDefault);
        QCOMPARE(list.value().at(0).expYear, 2031);

        ST_VERIFY_OK(store.replaceAll({card(QStringLiteral("pm_c"), QStringLiteral("4444"), true)}));
        QCOMPARE(store.list().value().size(), 1);
        QVERIFY(!store.get(QStringLiteral("pm_b")).value().has_value());
        QCOMPARE(store.get(QStringLiteral("pm_c")).value()->last4, QStringLiteral("4444"));

        // A full card number is refused, and the failed replace leaves the previous list intact.
        ST_VERIFY_ERROR(store.replaceAll({card(QStringLiteral("pm_d"), QStringLiteral("4")),
                                          card(QStringLiteral("pm_e"), QStringLiteral("4242424242424242"))}),
                        StorageErrorCode::InvalidData);
        QCOMPARE(store.list().value().size(), 1);
        QCOMPARE(store.list().value().first().id, QStringLiteral("pm_c"));
        // The schema refuses it too, whoever writes.
        QVERIFY(!m_db->exec(QStringLiteral("UPDATE payment_methods SET last4 = '4242424242424242'")).ok());

        ST_VERIFY_OK(store.remove(QStringLiteral("pm_c")));
        QVERIFY(store.list().value().isEmpty());
    }

    void syncState()
    {
        SyncStateStore store(*m_db);
        QVERIFY(!store.get(QStringLiteral("wal_1")).value().has_value());
        ST_VERIFY_OK(store.save({QStringLiteral("wal_1"), QStringLiteral("cur_1"), 100}));
        ST_VERIFY_OK(store.save({QStringLiteral("wal_2"), QStringLiteral("cur_x"), 50}));
        ST_VERIFY_OK(store.save({QStringLiteral("wal_1"), QStringLiteral("cur_2"), 200}));
        auto got = store.get(QStringLiteral("wal_1"));
        ST_VERIFY_OK(got);
        QCOMPARE(got.value()->feedCursor, QStringLiteral("cur_2"));
        QCOMPARE(got.value()->lastSyncAtMs, qint64(200));
        QCOMPARE(store.get(QStringLiteral("wal_2")).value()->feedCursor, QStringLiteral("cur_x"));
        ST_VERIFY_OK(store.clear(QStringLiteral("wal_1")));
        QVERIFY(!store.get(QStringLiteral("wal_1")).value().has_value());
        ST_VERIFY_ERROR(store.save({}), StorageErrorCode::InvalidData);
    }

    void walletSettings()
    {
        WalletSettingsStore store(*m_db);
        ST_VERIFY_OK(store.setValue(QStringLiteral("auto_lock_minutes"), QStringLiteral("5")));
        ST_VERIFY_OK(store.setValue(QStringLiteral("auto_lock_minutes"), QStringLiteral("10")));
        ST_VERIFY_OK(store.setValue(QStringLiteral("hide_balance"), QString()));
        QCOMPARE(store.value(QStringLiteral("auto_lock_minutes")).value().value_or(QString()),
                 QStringLiteral("10"));
        QCOMPARE(store.value(QStringLiteral("hide_balance")).value().value_or(QStringLiteral("?")),
                 QString());
        QCOMPARE(store.all().value().size(), 2);
        ST_VERIFY_OK(store.remove(QStringLiteral("hide_balance")));
        QVERIFY(!store.value(QStringLiteral("hide_balance")).value().has_value());
        ST_VERIFY_ERROR(store.setValue(QString(), QStringLiteral("x")), StorageErrorCode::InvalidData);
    }

    void inFlightLifecycle()
    {
        InFlightStore store(*m_db);
        InFlightPayment p;
        p.idempotencyKey = QStringLiteral("idem-1");
        p.quoteId = QStringLiteral("quo_1");
        p.kind = QStringLiteral("payment");
        p.summary = QJsonObject{
            {QStringLiteral("amount"), QJsonObject{{QStringLiteral("amount"), 1250},
                                                   {QStringLiteral("currency"), QStringLiteral("CNY")}}},
            {QStringLiteral("destination"),
             QJsonObject{{QStringLiteral("merchant_id"), QStringLiteral("mer_1")}}},
            {QStringLiteral("source"), QStringLiteral("balance")}};
        p.note = QStringLiteral("lunch with 小李");
        p.createdAtMs = 1000;
        auto id = store.record(p);
        ST_VERIFY_OK(id);
        QVERIFY(id.value() > 0);
        // The same key twice is an error: one user action, one key, one row.
        QVERIFY(!store.record(p).ok());

        InFlightPayment second = p;
        second.idempotencyKey = QStringLiteral("idem-2");
        second.createdAtMs = 2000;
        second.note.clear();
        ST_VERIFY_OK(store.record(second));

        auto unfinished = store.listUnfinished();
        ST_VERIFY_OK(unfinished);
        QCOMPARE(unfinished.value().size(), 2);
        QCOMPARE(unfinished.value().first().idempotencyKey, QStringLiteral("idem-1"));
        QCOMPARE(unfinished.value().first().note, p.note);
        QCOMPARE(unfinished.value().first().summary, p.summary);
        QCOMPARE(unfinished.value().first().state, InFlightState::Recorded);

        ST_VERIFY_OK(store.markSent(QStringLiteral("idem-1"), 1100));
        QCOMPARE(store.get(QStringLiteral("idem-1")).value()->state, InFlightState::Sent);
        ST_VERIFY_OK(store.markAnswered(QStringLiteral("idem-1"), QStringLiteral("pay_1"),
                                        QStringLiteral("processing"), QString(), 1200));
        auto answered = store.get(QStringLiteral("idem-1")).value();
        QCOMPARE(answered->state, InFlightState::Answered);
        QCOMPARE(answered->paymentId, QStringLiteral("pay_1"));
        QCOMPARE(answered->answerStatus, QStringLiteral("processing"));
        QCOMPARE(answered->updatedAtMs, qint64(1200));
        ST_VERIFY_OK(
            store.markReconciled(QStringLiteral("idem-1"), QString(), QStringLiteral("succeeded"), 1300));
        auto reconciled = store.get(QStringLiteral("idem-1")).value();
        QCOMPARE(reconciled->state, InFlightState::Reconciled);
        QCOMPARE(reconciled->paymentId, QStringLiteral("pay_1")); // kept
        QCOMPARE(reconciled->answerStatus, QStringLiteral("succeeded"));

        ST_VERIFY_OK(store.markAnswered(QStringLiteral("idem-2"), QString(), QString(),
                                        QStringLiteral("pin_invalid"), 2100));
        QCOMPARE(store.get(QStringLiteral("idem-2")).value()->failureCode, QStringLiteral("pin_invalid"));
        QCOMPARE(store.listUnfinished().value().size(), 1);
        ST_VERIFY_OK(store.markAbandoned(QStringLiteral("idem-2"), 2200));
        QVERIFY(store.listUnfinished().value().isEmpty());

        ST_VERIFY_ERROR(store.markSent(QStringLiteral("no-such-key"), 1), StorageErrorCode::NotFound);
        QCOMPARE(store.purgeFinishedBefore(1250).value(), 0);
        QCOMPARE(store.purgeFinishedBefore(5000).value(), 2);
        QVERIFY(!store.get(QStringLiteral("idem-1")).value().has_value());
    }

    void inFlightRefusesSecrets()
    {
        InFlightStore store(*m_db);
        InFlightPayment p;
        p.idempotencyKey = QStringLiteral("idem-secret");
        p.kind = QStringLiteral("payment");
        p.createdAtMs = 1;
        for (const QJsonObject &summary :
             {QJsonObject{{QStringLiteral("pin"), QStringLiteral("123456")}},
              QJsonObject{{QStringLiteral("request"),
                           QJsonObject{{QStringLiteral("otp"), QStringLiteral("000000")}}}},
              QJsonObject{{QStringLiteral("list"),
                           QJsonArray{QJsonObject{{QStringLiteral("CVC"), QStringLiteral("1")}}}}}}) {
            p.summary = summary;
            ST_VERIFY_ERROR(store.record(p), StorageErrorCode::InvalidData);
        }
        QVERIFY(!store.get(QStringLiteral("idem-secret")).value().has_value());
        p.summary = {};
        p.idempotencyKey.clear();
        ST_VERIFY_ERROR(store.record(p), StorageErrorCode::InvalidData);
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<WalletDatabase> m_db;
    int m_n = 0;
};

QTEST_GUILESS_MAIN(TestStorageStores)
#include "test_storage_stores.moc"
