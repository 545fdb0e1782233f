// FieldSealer and the sealed columns: round trips, tampering, values moved to another row or column, a
// wrong key — each a typed error, never garbage — and the raw database files never holding the plaintext.
#include "crypto/aead.h"
#include "storage/field_sealer.h"
#include "storage/history_store.h"
#include "storage/in_flight_store.h"
#include "storage/payment_method_store.h"
#include "storage/profile_store.h"
#include "storage/wallet_database.h"
#include "storage_test_util.h"

#include <QTemporaryDir>
#include <QTest>

using namespace bw::storage;
using namespace bw::storage::test;

class TestStorageSealing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        FieldSealer sealer(testKey());
        for (const QString &text :
             {QStringLiteral("Zhang Wei"), QStringLiteral("张伟 🙂"), QStringLiteral("x")}) {
            auto sealed = sealer.sealText(text, u"history", u"note", u"pay_1");
            ST_VERIFY_OK(sealed);
            QCOMPARE(sealed.value().size(), text.toUtf8().size() + bw::crypto::kEnvelopeOverhead);
            // (A one-byte text turns up in random ciphertext by chance; longer ones must not.)
            if (text.toUtf8().size() >= 4)
                QVERIFY(!sealed.value().contains(text.toUtf8()));
            auto opened = sealer.openText(sealed.value(), u"history", u"note", u"pay_1");
            ST_VERIFY_OK(opened);
            QCOMPARE(opened.value(), text);
        }
        // A fresh nonce each time: the same text never seals to the same bytes.
        QVERIFY(sealer.sealText(QStringLiteral("same"), u"t", u"c", u"r").value() !=
                sealer.sealText(QStringLiteral("same"), u"t", u"c", u"r").value());
        // No value, no ciphertext.
        QVERIFY(sealer.sealText(QString(), u"t", u"c", u"r").value().isNull());
        QCOMPARE(sealer.openText(QByteArray(), u"t", u"c", u"r").value(), QString());
    }

    void associatedDataSeparatesTheParts()
    {
        // "ab","c" and "a","bc" must not give the same associated data.
        QVERIFY(FieldSealer::associatedData(u"ab", u"c", u"1") !=
                FieldSealer::associatedData(u"a", u"bc", u"1"));
        QCOMPARE(FieldSealer::associatedData(u"t", u"c", u"r"), QByteArray("t\0c\0r", 5));
    }

    void tamperingIsAnError()
    {
        FieldSealer sealer(testKey());
        const QByteArray sealed =
            sealer.sealText(QStringLiteral("secret note"), u"history", u"note", u"pay_1").value();
        for (qsizetype i = 0; i < sealed.size(); ++i) {
            QByteArray bad = sealed;
            bad[i] = char(bad[i] ^ 0x01);
            ST_VERIFY_ERROR(sealer.openText(bad, u"history", u"note", u"pay_1"),
                            StorageErrorCode::Undecryptable);
        }
        ST_VERIFY_ERROR(sealer.openText(sealed.left(10), u"history", u"note", u"pay_1"),
                        StorageErrorCode::Undecryptable);
        ST_VERIFY_ERROR(sealer.openText(sealed + "x", u"history", u"note", u"pay_1"),
                        StorageErrorCode::Undecryptable);
    }

    void otherPlaceOrKeyIsAnError()
    {
        FieldSealer sealer(testKey('a'));
        const QByteArray sealed =
            sealer.sealText(QStringLiteral("Li Lei"), u"history", u"note", u"pay_1").value();
        ST_VERIFY_ERROR(sealer.openText(sealed, u"history", u"note", u"pay_2"),
                        StorageErrorCode::Undecryptable);
        ST_VERIFY_ERROR(sealer.openText(sealed, u"history", u"counterparty_name", u"pay_1"),
                        StorageErrorCode::Undecryptable);
        ST_VERIFY_ERROR(sealer.openText(sealed, u"profile", u"note", u"pay_1"),
                        StorageErrorCode::Undecryptable);
        FieldSealer other(testKey('b'));
        ST_VERIFY_ERROR(other.openText(sealed, u"history", u"note", u"pay_1"),
                        StorageErrorCode::Undecryptable);
        FieldSealer none;
        ST_VERIFY_ERROR(none.sealText(QStringLiteral("x"), u"t", u"c", u"r"), StorageErrorCode::InvalidKey);
        FieldSealer shortKey(bw::crypto::SecretBytes(16));
        ST_VERIFY_ERROR(shortKey.openText(sealed, u"history", u"note", u"pay_1"),
                        StorageErrorCode::InvalidKey);
    }

    void rowAndColumnSwapsInTheDatabaseFail()
    {
        QTemporaryDir dir;
        WalletDatabase db;
        ST_VERIFY_OK(db.open(dir.filePath(QStringLiteral("swap.db")), testKey()));
        HistoryStore history(db);
        HistoryRow a = sampleRow(3, 1000); // a transfer to a person
        a.note = QStringLiteral("note of a");
        HistoryRow b = sampleRow(6, 2000);
        b.note = QStringLiteral("note of b");
        ST_VERIFY_OK(history.upsertBatch({a, b}));
        QCOMPARE(history.get(b.paymentId).value()->note, QStringLiteral("note of b"));

        // Row swap: a's sealed note copied into b.
        QVERIFY(db.exec(QStringLiteral("UPDATE history SET note_sealed = (SELECT note_sealed FROM history"
                                       " WHERE payment_id = ?) WHERE payment_id = ?"),
                        {a.paymentId, b.paymentId})
                    .ok());
        ST_VERIFY_ERROR(history.get(b.paymentId), StorageErrorCode::Undecryptable);
        ST_VERIFY_OK(history.get(a.paymentId));
        HistoryPageRequest all;
        ST_VERIFY_ERROR(history.page(all), StorageErrorCode::Undecryptable);

        // Column swap within a row: the person's name sealed value moved into the note column.
        QVERIFY(db.exec(QStringLiteral(
                            "UPDATE history SET note_sealed = counterparty_name_sealed WHERE payment_id = ?"),
                        {a.paymentId})
                    .ok());
        ST_VERIFY_ERROR(history.get(a.paymentId), StorageErrorCode::Undecryptable);

        // The same for a payment method's holder and the profile.
        PaymentMethodRow m1{QStringLiteral("pm_1"),
                            QStringLiteral("card"),
                            QStringLiteral("visa"),
                            QStringLiteral("credit"),
                            QStringLiteral("4242"),
                            1,
                            2031,
                            {},
                            {},
                            {},
                            QStringLiteral("HAN MEIMEI"),
                            true,
                            0};
        PaymentMethodRow m2 = m1;
        m2.id = QStringLiteral("pm_2");
        m2.holderName = QStringLiteral("LI LEI");
        PaymentMethodStore methods(db);
        ST_VERIFY_OK(methods.replaceAll({m1, m2}));
        QVERIFY(db.exec(QStringLiteral(
                            "UPDATE payment_methods SET holder_name_sealed = (SELECT holder_name_sealed"
                            " FROM payment_methods WHERE id = 'pm_1') WHERE id = 'pm_2'"))
                    .ok());
        ST_VERIFY_ERROR(methods.get(QStringLiteral("pm_2")), StorageErrorCode::Undecryptable);
        ST_VERIFY_OK(methods.get(QStringLiteral("pm_1")));

        ProfileStore profile(db);
        ProfileRow p;
        p.walletId = QStringLiteral("wal_1");
        p.phone = QStringLiteral("+8613900000000");
        p.fullName = QStringLiteral("韩梅梅");
        ST_VERIFY_OK(profile.save(p));
        QVERIFY(db.exec(QStringLiteral("UPDATE profile SET email_sealed = phone_sealed")).ok());
        ST_VERIFY_ERROR(profile.get(), StorageErrorCode::Undecryptable);
    }

    void plaintextNeverReachesTheFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plain.db"));
        const QString personName = QStringLiteral("Ouyang Zhenhua");
        const QString personNameZh = QStringLiteral("欧阳振华");
        const QString phone = QStringLiteral("+8613712345678");
        const QString note = QStringLiteral("Rent for the Lakeview flat");
        const QString email = QStringLiteral("zhenhua.ouyang@example.org");
        const QString merchant = QStringLiteral("Harbour Tea House");
        WalletDatabase db;
        ST_VERIFY_OK(db.open(path, testKey()));
        ProfileRow p;
        p.walletId = QStringLiteral("wal_plain");
        p.fullName = personNameZh;
        p.phone = phone;
        p.email = email;
        ST_VERIFY_OK(ProfileStore(db).save(p));
        HistoryRow transfer = sampleRow(3, 1000);
        transfer.counterpartyName = personName;
        transfer.counterpartyPhone = phone;
        transfer.note = note;
        HistoryRow shop = sampleRow(4, 2000);
        shop.merchantName = merchant;
        shop.note = note + QStringLiteral(" 2");
        ST_VERIFY_OK(HistoryStore(db).upsertBatch({transfer, shop}));
        PaymentMethodRow card{QStringLiteral("pm_9"),
                              QStringLiteral("card"),
                              QStringLiteral("unionpay"),
                              QStringLiteral("debit"),
                              QStringLiteral("1232"),
                              1,
                              2032,
                              {},
                              {},
                              {},
                              personName,
                              true,
                              0};
        ST_VERIFY_OK(PaymentMethodStore(db).replaceAll({card}));
        InFlightPayment flight;
        flight.idempotencyKey = QStringLiteral("idem-plain");
        flight.kind = QStringLiteral("transfer");
        flight.note = note;
        flight.createdAtMs = 1;
        ST_VERIFY_OK(InFlightStore(db).record(flight));
        // Everything is now in the main file or the WAL (still open: nothing checkpointed away).
        const QByteArray bytes = readFileBytes(path) + readFileBytes(path + QStringLiteral("-wal"));
        QVERIFY(bytes.size() > 4096);
        // Positive control: the clear merchant name is there, so the search below would see text.
        QVERIFY(bytes.contains(merchant.toUtf8()));
        for (const QString &secret : {personName, personNameZh, phone, note, email, QStringLiteral("Ouyang"),
                                      QStringLiteral("Lakeview")}) {
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(secret));
            QVERIFY2(!bytes.contains(secret.toLower().toUtf8()), qPrintable(secret));
            QVERIFY2(!bytes.contains(
                         QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)),
                     qPrintable(secret));
        }
        // And the values still read back.
        QCOMPARE(HistoryStore(db).get(transfer.paymentId).value()->counterpartyName, personName);
        QCOMPARE(ProfileStore(db).get().value()->email, email);
    }
};

QTEST_GUILESS_MAIN(TestStorageSealing)
#include "test_storage_sealing.moc"
