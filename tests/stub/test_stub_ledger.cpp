// The ledger, the transaction feed and the money dev endpoints (label "stub").
//
// Unit level (a StubStore on a temporary file, no server): Ledger refuses unbalanced and malformed journals
// with a typed error and writes nothing; it refuses to write outside a transaction; balances and holds
// (release, return, settled twice); check() finds a tampered wallet_balances row (not reconciled) and a
// tampered entry (not balanced); TransactionFeed cursors round-trip and refuse another wallet, a changed
// byte and non-canonical spellings.
//
// Over real HTTP (StubTestClient): POST /v1/dev/wallets/{id}/incoming — clear → succeeded (available),
// similar name → pending_review (pending), listed name → rejected / sanctions_match (no money), over the
// balance cap → rejected / limit_exceeded, input errors; POST /v1/dev/reviews/{id} — approve and reject
// (money released or returned, a new feed entry), 409 review_not_pending, 404, 400/422; GET /v1/wallet
// balances from the ledger; GET /v1/transactions — commit order, limit bounds, opaque strict cursors,
// next_cursor rules; a randomized run of several hundred incoming transfers and reviews across several
// wallets after which the ledger is balanced and reconciled and every wallet's feed and balances agree
// with an independent model; a restart keeps feed, cursors and ledger; reset empties the ledger.
#include "stub/ledger.h"
#include "stub/server_key.h"
#include "stub/stub_store.h"
#include "stub/transaction_feed.h"
#include "stub_test_client.h"

#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <map>
#include <random>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

const QString kInvalid = QStringLiteral("invalid_request_error");
const QString kClearName = QStringLiteral("Zhang Wei");
const QString kReviewName = QStringLiteral("Ivan Petrovich Sidorow"); // similar to a listed name
const QString kListedName = QStringLiteral("Ivan Petrovich Sidorov"); // listed

QJsonObject money(qint64 amount, const QString &currency = QStringLiteral("CNY"))
{
    return {{QStringLiteral("amount"), amount}, {QStringLiteral("currency"), currency}};
}

qint64 amountOf(const QJsonValue &moneyValue)
{
    return qint64(moneyValue.toObject().value(QStringLiteral("amount")).toDouble());
}

qint64 countRows(StubStore &store, const QString &table)
{
    return store.scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table).toLongLong();
}

// Runs f and returns the LedgerError code it threw; fails the test when nothing was thrown.
template<typename F>
std::optional<LedgerError::Code> ledgerError(F f)
{
    try {
        f();
    } catch (const LedgerError &e) {
        return e.code();
    }
    return std::nullopt;
}

} // namespace

class TestStubLedger : public QObject
{
    Q_OBJECT

private:
    // --- helpers over HTTP ------------------------------------------------------------------------------
    StubTestClient m_client;

    TestWallet signedInWallet(bool withIdentity = true)
    {
        TestWallet wallet = m_client.enrollWallet(withIdentity);
        if (wallet.walletId.isEmpty() || !m_client.signIn(wallet))
            qFatal("cannot enrol: %s", qPrintable(m_client.lastError()));
        return wallet;
    }
    Reply incoming(const QString &walletId, qint64 amount, const QString &fromName)
    {
        return m_client.post(
            QStringLiteral("/v1/dev/wallets/%1/incoming").arg(walletId),
            {{QStringLiteral("amount"), money(amount)}, {QStringLiteral("from_name"), fromName}});
    }
    Reply review(const QString &paymentId, const QString &decision)
    {
        return m_client.post(QStringLiteral("/v1/dev/reviews/%1").arg(paymentId),
                             {{QStringLiteral("decision"), decision}});
    }
    // {available, pending} from GET /v1/wallet.
    std::pair<qint64, qint64> balances(const TestWallet &wallet)
    {
        const Reply reply = m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/wallet"));
        if (reply.status != 200)
            qFatal("GET /v1/wallet: %s", qPrintable(reply.summary()));
        const QJsonObject cny = reply.json.value(QStringLiteral("balances")).toArray().first().toObject();
        return {amountOf(cny.value(QStringLiteral("available"))),
                amountOf(cny.value(QStringLiteral("pending")))};
    }
    Reply feed(const TestWallet &wallet, const QString &query = {})
    {
        return m_client.sendAuthed(wallet, "GET", QStringLiteral("/v1/transactions") + query);
    }
    // Every entry of the wallet's feed, paging with `pageSize`.
    QJsonArray wholeFeed(const TestWallet &wallet, int pageSize = 1000)
    {
        QJsonArray all;
        QString cursor;
        for (;;) {
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
            if (!cursor.isEmpty())
                query.addQueryItem(QStringLiteral("after"), cursor);
            const Reply reply = feed(wallet, QStringLiteral("?") + query.toString(QUrl::FullyEncoded));
            if (reply.status != 200)
                qFatal("feed: %s", qPrintable(reply.summary()));
            for (const QJsonValue &entry : reply.json.value(QStringLiteral("data")).toArray())
                all.append(entry);
            cursor = reply.json.value(QStringLiteral("next_cursor")).toString();
            if (!reply.json.value(QStringLiteral("has_more")).toBool())
                return all;
        }
    }
    QJsonObject ledgerCheck()
    {
        const Reply reply = m_client.get(QStringLiteral("/v1/dev/ledger/check"));
        if (reply.status != 200)
            qFatal("ledger check: %s", qPrintable(reply.summary()));
        return reply.json;
    }
    static QString cursorQuery(const QString &cursor, int limit = 0)
    {
        QUrlQuery query;
        if (limit > 0)
            query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
        query.addQueryItem(QStringLiteral("after"), QString::fromLatin1(QUrl::toPercentEncoding(cursor)));
        return QStringLiteral("?") + query.toString(QUrl::FullyEncoded);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_client.start(), qPrintable(m_client.lastError())); }

    // --- unit level -------------------------------------------------------------------------------------
    void ledgerRefusesBadJournalsAndWritesNothing()
    {
        QTemporaryDir dir;
        StubStore store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("l.sqlite")), &error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), StubStore::latestSchemaVersion());
        Ledger ledger(store);
        const QString wallet = Ledger::walletAccount(QStringLiteral("wal_a"));

        // Outside a transaction: refused.
        QCOMPARE(ledgerError([&] {
                     ledger.post(QStringLiteral("j0"), {{Ledger::kIncoming, -5}, {wallet, 5}}, 1);
                 }),
                 LedgerError::Code::NotInTransaction);

        StubStore::Transaction tx(store);
        using C = LedgerError::Code;
        QCOMPARE(ledgerError([&] {
                     ledger.post(QStringLiteral("j1"), {{Ledger::kIncoming, -5}, {wallet, 6}}, 1);
                 }),
                 C::Unbalanced);
        // Balanced in total but not per currency.
        QCOMPARE(ledgerError([&] {
                     ledger.post(
                         QStringLiteral("j2"),
                         {{Ledger::kFx, -5, QStringLiteral("USD")}, {wallet, 5, QStringLiteral("CNY")}}, 1);
                 }),
                 C::Unbalanced);
        QCOMPARE(ledgerError([&] {
                     ledger.post(QStringLiteral("j3"), {{QStringLiteral("nowhere"), -5}, {wallet, 5}}, 1);
                 }),
                 C::InvalidAccount);
        QCOMPARE(ledgerError([&] {
                     ledger.post(QStringLiteral("j4"), {{QStringLiteral("bank:fx@USD"), -5}, {wallet, 5}}, 1);
                 }),
                 C::InvalidAccount);
        QCOMPARE(ledgerError([&] {
                     ledger.post(
                         QStringLiteral("j5"),
                         {{Ledger::kIncoming, -5, QStringLiteral("XXY")}, {wallet, 5, QStringLiteral("XXY")}},
                         1);
                 }),
                 C::InvalidCurrency);
        QCOMPARE(ledgerError([&] {
                     ledger.post(QStringLiteral("j6"), {{Ledger::kIncoming, 0}}, 1);
                 }),
                 C::EmptyJournal);
        QCOMPARE(ledgerError([&] {
                     ledger.post(QString(), {{Ledger::kIncoming, -1}, {wallet, 1}}, 1);
                 }),
                 C::EmptyJournal);
        const qint64 big = std::numeric_limits<qint64>::max();
        QCOMPARE(ledgerError([&] {
                     ledger.post(QStringLiteral("j7"),
                                 {{Ledger::kIncoming, big}, {Ledger::kFx, big}, {wallet, 5}}, 1);
                 }),
                 C::Overflow);
        // A customer account may not go below zero, even in a balanced journal.
        QCOMPARE(ledgerError([&] {
                     ledger.post(QStringLiteral("j8"), {{wallet, -5}, {Ledger::kMerchants, 5}}, 1);
                 }),
                 C::NegativeBalance);
        // A release that does not balance the held amount is refused when the hold is placed.
        QCOMPARE(ledgerError([&] {
                     ledger.hold(QStringLiteral("j9"), QStringLiteral("wal_a"), 5, QStringLiteral("CNY"),
                                 {{Ledger::kIncoming, -5}}, {{wallet, 4}}, 1);
                 }),
                 C::Unbalanced);
        for (const char *table : {"ledger_entries", "ledger_accounts", "wallet_balances", "ledger_holds"})
            QVERIFY2(countRows(store, QString::fromLatin1(table)) == 0, table);

        // A journal id is posted once.
        ledger.post(QStringLiteral("j10"), {{Ledger::kIncoming, -5}, {wallet, 5}}, 1);
        QCOMPARE(ledgerError([&] {
                     ledger.post(QStringLiteral("j10"), {{Ledger::kIncoming, -5}, {wallet, 5}}, 1);
                 }),
                 C::DuplicateJournal);
        QCOMPARE(countRows(store, QStringLiteral("ledger_entries")), 2);
        // An account holds one currency: a foreign-currency posting goes to "<base>@<CUR>".
        ledger.post(
            QStringLiteral("j11"),
            {{Ledger::kFx, -700, QStringLiteral("USD")}, {Ledger::kMerchants, 700, QStringLiteral("USD")}},
            1);
        QCOMPARE(ledger.accountBalance(Ledger::kMerchants, QStringLiteral("USD")), 700);
        QCOMPARE(store
                     .scalar(QStringLiteral(
                         "SELECT currency FROM ledger_accounts WHERE id = 'external:merchants@USD'"))
                     .toString(),
                 QStringLiteral("USD"));
        tx.commit();
        const LedgerCheck check = ledger.check();
        QVERIFY(check.balanced);
        QVERIFY(check.reconciled);
        QCOMPARE(check.entries, 4);
        QCOMPARE(check.sumsByCurrency.value(QStringLiteral("USD")), 0);
    }

    void ledgerBalancesHoldsAndReconciliation()
    {
        QTemporaryDir dir;
        StubStore store;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("l.sqlite")), &error), qPrintable(error));
        Ledger ledger(store);
        const QString a = QStringLiteral("wal_a");
        const QString b = QStringLiteral("wal_b");
        {
            StubStore::Transaction tx(store);
            ledger.post(QStringLiteral("in1"),
                        {{Ledger::kIncoming, -10'000}, {Ledger::walletAccount(a), 10'000}}, 1);
            // Outgoing under review: available → hold; release goes to the merchant and the fee income.
            ledger.hold(QStringLiteral("pay1"), a, 3'000, QStringLiteral("CNY"),
                        {{Ledger::walletAccount(a), -3'000}},
                        {{Ledger::kMerchants, 2'990}, {Ledger::kFeeIncome, 10}}, 2);
            // Incoming under review for b.
            ledger.hold(QStringLiteral("in2"), b, 500, QStringLiteral("CNY"), {{Ledger::kIncoming, -500}},
                        {{Ledger::walletAccount(b), 500}}, 2);
            tx.commit();
        }
        QCOMPARE(ledger.balance(a).available, 7'000);
        QCOMPARE(ledger.balance(a).pending, 3'000);
        QCOMPARE(ledger.balance(b).available, 0);
        QCOMPARE(ledger.balance(b).pending, 500);
        QCOMPARE(ledger.check().openHolds, 2);
        QVERIFY(ledger.check().reconciled);
        {
            StubStore::Transaction tx(store);
            ledger.returnHold(QStringLiteral("pay1"), 3); // reject: back to a's available
            ledger.releaseHold(QStringLiteral("in2"), 3); // approve: into b's available
            QCOMPARE(ledgerError([&] { ledger.releaseHold(QStringLiteral("pay1"), 4); }),
                     LedgerError::Code::HoldSettled);
            QCOMPARE(ledgerError([&] { ledger.returnHold(QStringLiteral("nope"), 4); }),
                     LedgerError::Code::NoSuchHold);
            tx.commit();
        }
        QCOMPARE(ledger.balance(a).available, 10'000);
        QCOMPARE(ledger.balance(a).pending, 0);
        QCOMPARE(ledger.balance(b).available, 500);
        QCOMPARE(ledger.accountBalance(Ledger::kMerchants), 0);
        QCOMPARE(ledger.findHold(QStringLiteral("pay1"))->status, QStringLiteral("returned"));
        QCOMPARE(ledger.findHold(QStringLiteral("in2"))->status, QStringLiteral("released"));
        LedgerCheck check = ledger.check();
        QVERIFY(check.balanced);
        QVERIFY(check.reconciled);
        QCOMPARE(check.openHolds, 0);
        QCOMPARE(check.sum, 0);

        // Tampering with the cache: still balanced, no longer reconciled.
        store.exec(
            QStringLiteral("UPDATE wallet_balances SET available = available + 1 WHERE wallet_id = 'wal_b'"));
        check = ledger.check();
        QVERIFY(check.balanced);
        QVERIFY(!check.reconciled);
        QVERIFY2(check.problems.join(u'\n').contains(QStringLiteral("wal_b")),
                 qPrintable(check.problems.join(u'\n')));
        store.exec(
            QStringLiteral("UPDATE wallet_balances SET available = available - 1 WHERE wallet_id = 'wal_b'"));
        QVERIFY(ledger.check().reconciled);
        // A missing cache row is found too.
        store.exec(QStringLiteral("DELETE FROM wallet_balances WHERE wallet_id = 'wal_a'"));
        QVERIFY(!ledger.check().reconciled);
        // Tampering with an entry: unbalanced, one journal off.
        store.exec(QStringLiteral(
            "UPDATE ledger_entries SET amount = amount + 1 WHERE journal_id = 'in1' AND amount > 0"));
        check = ledger.check();
        QVERIFY(!check.balanced);
        QCOMPARE(check.unbalancedJournals, 1);
        QCOMPARE(check.sum, 1);
        QCOMPARE(check.toJson().value(QStringLiteral("balanced")).toBool(), false);
    }

    void feedCursorsAreOpaqueAndStrict()
    {
        QTemporaryDir dir;
        StubStore store;
        ServerKey key;
        QString error;
        QVERIFY2(store.open(dir.filePath(QStringLiteral("f.sqlite")), &error), qPrintable(error));
        QVERIFY2(key.load(dir.filePath(QStringLiteral("f.sqlite.key")), &error), qPrintable(error));
        TransactionFeed feed(store, key);
        const QString cursor = feed.cursor(QStringLiteral("wal_a"), 42);
        QCOMPARE(feed.decodeCursor(QStringLiteral("wal_a"), cursor), std::optional<qint64>(42));
        QVERIFY(!feed.decodeCursor(QStringLiteral("wal_b"), cursor));
        QVERIFY(cursor != feed.cursor(QStringLiteral("wal_a"), 43));
        for (int i = 0; i < cursor.size(); ++i) {
            QString changed = cursor;
            changed[i] = changed[i] == u'A' ? u'B' : u'A';
            QVERIFY2(!feed.decodeCursor(QStringLiteral("wal_a"), changed), qPrintable(changed));
        }
        for (const QString &bad :
             {QString(), QStringLiteral("42"), cursor + u'=', cursor + u'A', cursor.left(33),
              QStringLiteral(" ") + cursor, QString(cursor).replace(u'-', u'+')})
            if (bad != cursor)
                QVERIFY2(!feed.decodeCursor(QStringLiteral("wal_a"), bad), qPrintable(bad));
        // Appending outside a transaction is refused.
        QVERIFY_THROWS_EXCEPTION(StoreError, feed.append(FeedEntry{}));
    }

    // --- over HTTP --------------------------------------------------------------------------------------
    void incomingClearGoesToAvailable()
    {
        TestWallet wallet = signedInWallet();
        const Reply reply = incoming(wallet.walletId, 12'345, kClearName);
        QCOMPARE(reply.status, 201);
        const QJsonObject &p = reply.json;
        QVERIFY(p.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("pay_")));
        QCOMPARE(p.value(QStringLiteral("kind")).toString(), QStringLiteral("incoming"));
        QCOMPARE(p.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QVERIFY(!p.contains(QStringLiteral("failure_code")));
        QCOMPARE(p.value(QStringLiteral("credit")).toObject(), money(12'345));
        QCOMPARE(p.value(QStringLiteral("debit")).toObject(), money(12'345));
        QCOMPARE(p.value(QStringLiteral("fees")).toArray(), QJsonArray());
        const QJsonObject counterparty = p.value(QStringLiteral("counterparty")).toObject();
        QCOMPARE(counterparty.value(QStringLiteral("name")).toString(), kClearName);
        QCOMPARE(counterparty.value(QStringLiteral("type")).toString(), QStringLiteral("external"));
        QVERIFY(counterparty.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("ext_")));
        QVERIFY(p.value(QStringLiteral("receipt_no")).toString().startsWith(QStringLiteral("BW20250301")));
        QCOMPARE(p.value(QStringLiteral("created_at")).toString(), QStringLiteral("2025-03-01T09:00:00Z"));
        QCOMPARE(balances(wallet), std::make_pair(qint64(12'345), qint64(0)));

        const QJsonArray entries = wholeFeed(wallet);
        QCOMPARE(entries.size(), 1);
        const QJsonObject entry = entries.first().toObject();
        QVERIFY(entry.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("txn_")));
        QCOMPARE(entry.value(QStringLiteral("payment_id")).toString(),
                 p.value(QStringLiteral("id")).toString());
        QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("incoming"));
        QCOMPARE(entry.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(entry.value(QStringLiteral("amount")).toObject(), money(12'345));
        QCOMPARE(entry.value(QStringLiteral("balance_after")).toObject(), money(12'345));
        // Money received: nothing of this wallet was charged, so no debit and no source.
        QVERIFY(!entry.contains(QStringLiteral("debit")));
        QVERIFY(!entry.contains(QStringLiteral("source")));
        QCOMPARE(entry.value(QStringLiteral("counterparty")).toObject(), counterparty);
        QCOMPARE(entry.value(QStringLiteral("receipt_no")), p.value(QStringLiteral("receipt_no")));
        QCOMPARE(entry.value(QStringLiteral("created_at")).toString(),
                 QStringLiteral("2025-03-01T09:00:00Z"));
        QCOMPARE(entry.value(QStringLiteral("updated_at")).toString(),
                 QStringLiteral("2025-03-01T09:00:00Z"));
        QVERIFY(!entry.contains(QStringLiteral("note")));
        // The same sender gets the same counterparty id; another sender another one.
        const Reply again = incoming(wallet.walletId, 1, QStringLiteral("  Zhang   Wei "));
        QCOMPARE(again.json.value(QStringLiteral("counterparty")).toObject().value(QStringLiteral("id")),
                 counterparty.value(QStringLiteral("id")));
        const Reply other = incoming(wallet.walletId, 1, QStringLiteral("Li Na"));
        QVERIFY(other.json.value(QStringLiteral("counterparty")).toObject().value(QStringLiteral("id")) !=
                counterparty.value(QStringLiteral("id")));
        QVERIFY(ledgerCheck().value(QStringLiteral("balanced")).toBool());
    }

    void incomingListedNameIsRejectedWithoutMoney()
    {
        TestWallet wallet = signedInWallet();
        const qint64 entriesBefore = ledgerCheck().value(QStringLiteral("entries")).toInteger();
        for (const QString &name :
             {kListedName, QStringLiteral("远东黑鹰贸易集团"), QStringLiteral("ivan petrovich-sidorov")}) {
            const Reply reply = incoming(wallet.walletId, 50'000, name);
            QCOMPARE(reply.status, 201);
            QCOMPARE(reply.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
            QCOMPARE(reply.json.value(QStringLiteral("failure_code")).toString(),
                     QStringLiteral("sanctions_match"));
        }
        QCOMPARE(balances(wallet), std::make_pair(qint64(0), qint64(0)));
        QCOMPARE(ledgerCheck().value(QStringLiteral("entries")).toInteger(), entriesBefore);
        const QJsonArray entries = wholeFeed(wallet);
        QCOMPARE(entries.size(), 3);
        for (const QJsonValue &entry : entries) {
            QCOMPARE(entry.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
            QCOMPARE(entry.toObject().value(QStringLiteral("amount")).toObject(), money(0));
        }
    }

    void incomingOverTheBalanceCapIsRejected()
    {
        TestWallet wallet = signedInWallet(false); // tier 4: cap CNY 10,000
        QCOMPARE(wallet.tier, 4);
        QCOMPARE(
            incoming(wallet.walletId, 600'000, kClearName).json.value(QStringLiteral("status")).toString(),
            QStringLiteral("succeeded"));
        // A held transfer counts against the cap as well.
        QCOMPARE(
            incoming(wallet.walletId, 300'000, kReviewName).json.value(QStringLiteral("status")).toString(),
            QStringLiteral("pending_review"));
        const Reply over = incoming(wallet.walletId, 100'001, kClearName);
        QCOMPARE(over.status, 201);
        QCOMPARE(over.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(over.json.value(QStringLiteral("failure_code")).toString(),
                 QStringLiteral("limit_exceeded"));
        QCOMPARE(
            incoming(wallet.walletId, 100'000, kClearName).json.value(QStringLiteral("status")).toString(),
            QStringLiteral("succeeded")); // exactly at the cap
        QCOMPARE(balances(wallet), std::make_pair(qint64(700'000), qint64(300'000)));
        // A listed sender is sanctions_match even when the amount is also over the cap.
        QCOMPARE(
            incoming(wallet.walletId, 1, kListedName).json.value(QStringLiteral("failure_code")).toString(),
            QStringLiteral("sanctions_match"));
    }

    void incomingInputErrors()
    {
        TestWallet wallet = signedInWallet();
        const QString path = QStringLiteral("/v1/dev/wallets/%1/incoming").arg(wallet.walletId);
        const auto post = [&](const QJsonObject &body) { return m_client.post(path, body); };
        const QJsonValue name(kClearName);
        EXPECT_ERROR(post({{QStringLiteral("from_name"), name}}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("amount"));
        EXPECT_ERROR(post({{QStringLiteral("amount"), money(100)}}), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("from_name"));
        EXPECT_ERROR(post({{QStringLiteral("amount"), money(100, QStringLiteral("USD"))},
                           {QStringLiteral("from_name"), name}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("amount.currency"));
        for (const qint64 amount : {qint64(0), qint64(-100)})
            EXPECT_ERROR(
                post({{QStringLiteral("amount"), money(amount)}, {QStringLiteral("from_name"), name}}), 422,
                kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("amount.amount"));
        EXPECT_ERROR(post({{QStringLiteral("amount"),
                            QJsonObject{{QStringLiteral("amount"), 1.5},
                                        {QStringLiteral("currency"), QStringLiteral("CNY")}}},
                           {QStringLiteral("from_name"), name}}),
                     422, kInvalid, QStringLiteral("parameter_invalid"), QStringLiteral("amount.amount"));
        EXPECT_ERROR(post({{QStringLiteral("amount"), money(100)},
                           {QStringLiteral("from_name"), QStringLiteral("R2D2")}}),
                     422, kInvalid, QStringLiteral("invalid_name"), QStringLiteral("from_name"));
        EXPECT_ERROR(incoming(QStringLiteral("wal_nobody"), 100, kClearName), 404, kInvalid,
                     QStringLiteral("resource_missing"), QStringLiteral("id"));
        QCOMPARE(balances(wallet), std::make_pair(qint64(0), qint64(0)));
        QCOMPARE(wholeFeed(wallet).size(), 0);
    }

    void reviewApproveAndReject()
    {
        TestWallet wallet = signedInWallet();
        const Reply held = incoming(wallet.walletId, 70'000, kReviewName);
        QCOMPARE(held.status, 201);
        QCOMPARE(held.json.value(QStringLiteral("status")).toString(), QStringLiteral("pending_review"));
        const QString heldId = held.json.value(QStringLiteral("id")).toString();
        QCOMPARE(balances(wallet), std::make_pair(qint64(0), qint64(70'000)));
        QCOMPARE(ledgerCheck().value(QStringLiteral("reconciled")).toBool(), true);

        m_client.clock->advance(120);
        const Reply approved = review(heldId, QStringLiteral("approve"));
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.json.value(QStringLiteral("id")).toString(), heldId);
        QCOMPARE(approved.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(balances(wallet), std::make_pair(qint64(70'000), qint64(0)));
        EXPECT_ERROR(review(heldId, QStringLiteral("reject")), 409, kInvalid,
                     QStringLiteral("review_not_pending"), QStringLiteral("id"));
        EXPECT_ERROR(review(heldId, QStringLiteral("approve")), 409, kInvalid,
                     QStringLiteral("review_not_pending"), QStringLiteral("id"));

        const Reply second = incoming(wallet.walletId, 5'000, kReviewName);
        const QString secondId = second.json.value(QStringLiteral("id")).toString();
        QCOMPARE(balances(wallet), std::make_pair(qint64(70'000), qint64(5'000)));
        const Reply rejected = review(secondId, QStringLiteral("reject"));
        QCOMPARE(rejected.status, 200);
        QCOMPARE(rejected.json.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(rejected.json.value(QStringLiteral("failure_code")).toString(),
                 QStringLiteral("review_rejected"));
        QCOMPARE(balances(wallet), std::make_pair(qint64(70'000), qint64(0)));

        // A payment that was never held (succeeded at once) is not in review either.
        const Reply clear = incoming(wallet.walletId, 1, kClearName);
        EXPECT_ERROR(review(clear.json.value(QStringLiteral("id")).toString(), QStringLiteral("approve")),
                     409, kInvalid, QStringLiteral("review_not_pending"), QStringLiteral("id"));
        EXPECT_ERROR(review(QStringLiteral("pay_nothing"), QStringLiteral("approve")), 404, kInvalid,
                     QStringLiteral("resource_missing"), QStringLiteral("id"));
        EXPECT_ERROR(m_client.post(QStringLiteral("/v1/dev/reviews/%1").arg(secondId)), 400, kInvalid,
                     QStringLiteral("parameter_missing"), QStringLiteral("decision"));
        EXPECT_ERROR(review(secondId, QStringLiteral("maybe")), 422, kInvalid,
                     QStringLiteral("parameter_invalid"), QStringLiteral("decision"));

        // The feed: creation and each status change, in commit order, upserted by payment_id.
        const QJsonArray entries = wholeFeed(wallet);
        QCOMPARE(entries.size(), 5);
        const auto at = [&](int i) { return entries.at(i).toObject(); };
        QCOMPARE(at(0).value(QStringLiteral("payment_id")).toString(), heldId);
        QCOMPARE(at(0).value(QStringLiteral("status")).toString(), QStringLiteral("pending_review"));
        QCOMPARE(at(0).value(QStringLiteral("amount")).toObject(), money(0));
        QCOMPARE(at(0).value(QStringLiteral("balance_after")).toObject(), money(0));
        QCOMPARE(at(1).value(QStringLiteral("payment_id")).toString(), heldId);
        QCOMPARE(at(1).value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
        QCOMPARE(at(1).value(QStringLiteral("amount")).toObject(), money(70'000));
        QCOMPARE(at(1).value(QStringLiteral("balance_after")).toObject(), money(70'000));
        QCOMPARE(at(1).value(QStringLiteral("created_at")).toString(),
                 QStringLiteral("2025-03-01T09:00:00Z"));
        QVERIFY(at(1).value(QStringLiteral("updated_at")).toString() >
                at(1).value(QStringLiteral("created_at")).toString());
        QVERIFY(at(1).value(QStringLiteral("id")) != at(0).value(QStringLiteral("id")));
        QCOMPARE(at(2).value(QStringLiteral("payment_id")).toString(), secondId);
        QCOMPARE(at(3).value(QStringLiteral("payment_id")).toString(), secondId);
        QCOMPARE(at(3).value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(at(3).value(QStringLiteral("amount")).toObject(), money(0));
        QCOMPARE(at(4).value(QStringLiteral("amount")).toObject(), money(1));
        const QJsonObject check = ledgerCheck();
        QVERIFY(check.value(QStringLiteral("balanced")).toBool());
        QVERIFY(check.value(QStringLiteral("reconciled")).toBool());
        QCOMPARE(check.value(QStringLiteral("sum")).toInteger(), 0);
    }

    void feedPagingAndCursors()
    {
        TestWallet wallet = signedInWallet();
        TestWallet other = signedInWallet();
        // An empty feed: no cursor to give.
        Reply empty = feed(wallet);
        QCOMPARE(empty.status, 200);
        QCOMPARE(empty.json.value(QStringLiteral("data")).toArray().size(), 0);
        QVERIFY(empty.json.value(QStringLiteral("next_cursor")).isNull());
        QCOMPARE(empty.json.value(QStringLiteral("has_more")).toBool(), false);

        QStringList ids;
        for (int i = 1; i <= 7; ++i) {
            ids << incoming(wallet.walletId, i, kClearName).json.value(QStringLiteral("id")).toString();
            incoming(other.walletId, 100 + i, kClearName); // interleaved: must not show in wallet's feed
        }
        // Pages of 3: 3 + 3 + 1, in commit order.
        QStringList seen;
        QString cursor;
        QList<bool> hasMore;
        for (int page = 0; page < 3; ++page) {
            const Reply reply =
                feed(wallet, cursor.isEmpty() ? QStringLiteral("?limit=3") : cursorQuery(cursor, 3));
            QCOMPARE(reply.status, 200);
            for (const QJsonValue &entry : reply.json.value(QStringLiteral("data")).toArray())
                seen << entry.toObject().value(QStringLiteral("payment_id")).toString();
            hasMore << reply.json.value(QStringLiteral("has_more")).toBool();
            cursor = reply.json.value(QStringLiteral("next_cursor")).toString();
            QVERIFY(!cursor.isEmpty());
        }
        QCOMPARE(seen, ids);
        QCOMPARE(hasMore, (QList<bool>{true, true, false}));
        // Polling with the last next_cursor: nothing new, the same cursor back.
        Reply poll = feed(wallet, cursorQuery(cursor));
        QCOMPARE(poll.status, 200);
        QCOMPARE(poll.json.value(QStringLiteral("data")).toArray().size(), 0);
        QCOMPARE(poll.json.value(QStringLiteral("next_cursor")).toString(), cursor);
        QCOMPARE(poll.json.value(QStringLiteral("has_more")).toBool(), false);
        // A new change shows up exactly once.
        const QString eighth =
            incoming(wallet.walletId, 8, kClearName).json.value(QStringLiteral("id")).toString();
        poll = feed(wallet, cursorQuery(cursor));
        QCOMPARE(poll.json.value(QStringLiteral("data")).toArray().size(), 1);
        QCOMPARE(poll.json.value(QStringLiteral("data"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("payment_id"))
                     .toString(),
                 eighth);
        const QString newer = poll.json.value(QStringLiteral("next_cursor")).toString();
        QVERIFY(newer != cursor);
        QCOMPARE(feed(wallet, cursorQuery(newer)).json.value(QStringLiteral("data")).toArray().size(), 0);
        // Default limit 100 and the whole feed in one page; `after=` empty is the start.
        QCOMPARE(feed(wallet).json.value(QStringLiteral("data")).toArray().size(), 8);
        QCOMPARE(feed(wallet, QStringLiteral("?after=")).json.value(QStringLiteral("data")).toArray().size(),
                 8);
        QCOMPARE(
            feed(wallet, QStringLiteral("?limit=1000")).json.value(QStringLiteral("data")).toArray().size(),
            8);
        QCOMPARE(feed(wallet, QStringLiteral("?limit=1")).json.value(QStringLiteral("data")).toArray().size(),
                 1);
        QCOMPARE(feed(other).json.value(QStringLiteral("data")).toArray().size(), 7);

        // Limit bounds and form.
        for (const char *bad : {"0", "1001", "-1", "abc", "1.5", "", "%2B5", "%205", "99999999999"})
            EXPECT_ERROR(feed(wallet, QStringLiteral("?limit=") + QString::fromLatin1(bad)), 422, kInvalid,
                         QStringLiteral("parameter_invalid"), QStringLiteral("limit"));
        // Cursors: another wallet's, tampered, garbage.
        EXPECT_ERROR(feed(other, cursorQuery(cursor)), 422, kInvalid, QStringLiteral("parameter_invalid"),
                     QStringLiteral("after"));
        QString tampered = cursor;
        tampered[5] = tampered[5] == u'x' ? u'y' : u'x';
        for (const QString &bad : {tampered, QStringLiteral("abc"), QStringLiteral("1"), QStringLiteral("7"),
                                   cursor.left(cursor.size() - 1), cursor + QStringLiteral("AA")})
            EXPECT_ERROR(feed(wallet, cursorQuery(bad)), 422, kInvalid, QStringLiteral("parameter_invalid"),
                         QStringLiteral("after"));
        // Authenticated only.
        QCOMPARE(m_client.get(QStringLiteral("/v1/transactions")).status, 401);
    }

    void randomRunKeepsTheLedgerBalanced()
    {
        std::mt19937_64 rng(20250301);
        QList<TestWallet> wallets;
        for (int i = 0; i < 4; ++i)
            wallets << signedInWallet(i != 3); // three tier-3 wallets and one tier-4 one
        struct Model
        {
            qint64 available = 0;
            qint64 pending = 0;
            int feedEntries = 0;
            std::map<QString, QString> status; // payment → last status
        };
        std::map<QString, Model> models;
        std::map<QString, std::pair<QString, qint64>> held; // payment → wallet, amount
        const QStringList names{kClearName,  QStringLiteral("Li Na"),     QStringLiteral("王芳"),
                                kReviewName, QStringLiteral("Chen Jing"), kListedName};
        int operations = 0;
        for (; operations < 400; ++operations) {
            const bool decide = !held.empty() && rng() % 3 == 0;
            if (decide) {
                auto it = held.begin();
                std::advance(it, long(rng() % held.size()));
                const auto [paymentId, target] = *it;
                const bool approve = rng() % 2 == 0;
                const Reply reply =
                    review(paymentId, approve ? QStringLiteral("approve") : QStringLiteral("reject"));
                QVERIFY2(reply.status == 200, qPrintable(reply.summary()));
                Model &model = models[target.first];
                model.pending -= target.second;
                if (approve)
                    model.available += target.second;
                model.status[paymentId] = approve ? QStringLiteral("succeeded") : QStringLiteral("rejected");
                ++model.feedEntries;
                held.erase(it);
                continue;
            }
            const TestWallet &wallet = wallets.at(int(rng() % wallets.size()));
            const qint64 amount = 1 + qint64(rng() % 40'000);
            const QString name = names.at(int(rng() % names.size()));
            const Reply reply = incoming(wallet.walletId, amount, name);
            QVERIFY2(reply.status == 201, qPrintable(reply.summary()));
            const QString id = reply.json.value(QStringLiteral("id")).toString();
            const QString status = reply.json.value(QStringLiteral("status")).toString();
            Model &model = models[wallet.walletId];
            ++model.feedEntries;
            model.status[id] = status;
            const qint64 cap = wallet.tier == 4 ? 1'000'000 : 2'000'000;
            const bool listed = name == kListedName;
            const bool fits = model.available + model.pending + amount <= cap;
            if (listed || !fits) {
                QCOMPARE(status, QStringLiteral("rejected"));
                QCOMPARE(reply.json.value(QStringLiteral("failure_code")).toString(),
                         listed ? QStringLiteral("sanctions_match") : QStringLiteral("limit_exceeded"));
            } else if (name == kReviewName) {
                QCOMPARE(status, QStringLiteral("pending_review"));
                model.pending += amount;
                held[id] = {wallet.walletId, amount};
            } else {
                QVERIFY2(status == QStringLiteral("succeeded"), qPrintable(name + u' ' + status));
                model.available += amount;
            }
            if (rng() % 50 == 0)
                m_client.clock->advance(1);
        }
        const QJsonObject check = ledgerCheck();
        QVERIFY2(check.value(QStringLiteral("balanced")).toBool(), QJsonDocument(check).toJson().constData());
        QVERIFY2(check.value(QStringLiteral("reconciled")).toBool(),
                 QJsonDocument(check).toJson().constData());
        QCOMPARE(check.value(QStringLiteral("sum")).toInteger(), 0);
        QCOMPARE(check.value(QStringLiteral("unbalanced_journals")).toInteger(), 0);
        QVERIFY(check.value(QStringLiteral("entries")).toInteger() > 200);
        for (const TestWallet &wallet : wallets) {
            const Model &model = models[wallet.walletId];
            QCOMPARE(balances(wallet), std::make_pair(model.available, model.pending));
            // The feed, paged small, replayed by upserting on payment_id, gives every payment's last status;
            // its amounts add up to the available balance and balance_after follows them.
            const QJsonArray entries = wholeFeed(wallet, 7);
            QCOMPARE(entries.size(), model.feedEntries);
            std::map<QString, QString> upserted;
            qint64 running = 0;
            QSet<QString> txnIds;
            for (const QJsonValue &value : entries) {
                const QJsonObject entry = value.toObject();
                upserted[entry.value(QStringLiteral("payment_id")).toString()] =
                    entry.value(QStringLiteral("status")).toString();
                running += amountOf(entry.value(QStringLiteral("amount")));
                QCOMPARE(amountOf(entry.value(QStringLiteral("balance_after"))), running);
                txnIds.insert(entry.value(QStringLiteral("id")).toString());
            }
            QCOMPARE(txnIds.size(), entries.size());
            QCOMPARE(running, model.available);
            QVERIFY(upserted == model.status);
        }
    }

    void restartKeepsFeedAndLedger()
    {
        TestWallet wallet = signedInWallet();
        incoming(wallet.walletId, 1'000, kClearName);
        const QString heldId =
            incoming(wallet.walletId, 2'000, kReviewName).json.value(QStringLiteral("id")).toString();
        const Reply before = feed(wallet);
        const QString cursor = before.json.value(QStringLiteral("next_cursor")).toString();
        const QJsonObject checkBefore = ledgerCheck();

        QVERIFY2(m_client.restart(), qPrintable(m_client.lastError()));
        QCOMPARE(feed(wallet).json, before.json); // same entries, ids and cursors
        QCOMPARE(ledgerCheck(), checkBefore);
        QCOMPARE(balances(wallet), std::make_pair(qint64(1'000), qint64(2'000)));
        // The cursor from before the restart still polls, and a hold placed before it can be decided after.
        QCOMPARE(review(heldId, QStringLiteral("approve")).status, 200);
        const Reply poll = feed(wallet, cursorQuery(cursor));
        QCOMPARE(poll.status, 200);
        QCOMPARE(poll.json.value(QStringLiteral("data")).toArray().size(), 1);
        QCOMPARE(poll.json.value(QStringLiteral("data"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("succeeded"));
        QCOMPARE(balances(wallet), std::make_pair(qint64(3'000), qint64(0)));
        QVERIFY(ledgerCheck().value(QStringLiteral("balanced")).toBool());
    }

    // Last: reset empties the ledger and the feed (and leaves a balanced, empty book).
    void resetEmptiesTheLedger()
    {
        TestWallet wallet = signedInWallet();
        incoming(wallet.walletId, 1'000, kReviewName);
        QVERIFY(ledgerCheck().value(QStringLiteral("entries")).toInteger() > 0);
        QCOMPARE(m_client.post(QStringLiteral("/v1/dev/reset")).status, 204);
        const QJsonObject check = ledgerCheck();
        QCOMPARE(check.value(QStringLiteral("entries")).toInteger(), 0);
        QCOMPARE(check.value(QStringLiteral("open_holds")).toInteger(), 0);
        QCOMPARE(check.value(QStringLiteral("wallet_rows_checked")).toInteger(), 0);
        QVERIFY(check.value(QStringLiteral("balanced")).toBool());
    }
};

QTEST_GUILESS_MAIN(TestStubLedger)
#include "test_stub_ledger.moc"
