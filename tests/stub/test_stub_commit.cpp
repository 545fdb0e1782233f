// Group commit (CommitGroup + StubStore batches): savepoint semantics in the store, and over real HTTP that
// concurrent requests share one durable COMMIT, a failing request leaves its batch neighbours alone, no
// answer is written before its data is committed, and drop-after-commit drops only after the commit.
//
// The HTTP tests run a GatewayServer on the test's own thread and talk to it with QTcpSockets from the
// same event loop: every request is written before the server reads any, so they are all ready in one
// event-loop pass — the situation group commit is for — and a reader connection can check, at the moment
// each answer arrives, that the data it reports is already committed. (That check holds the property from
// the client's side; it cannot pin the order inside the server on its own, because Qt sends socket writes
// only on a later event-loop pass — the order "COMMIT, then write" is CommitGroup::flush()'s.)
#include "stub/gateway_server.h"
#include "stub/stub_store.h"
#include "stub_test_client.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <vector>

using namespace bw::stub;
using namespace bw::stub::test;

namespace {

// A read-only view of the database file through a second connection: it sees committed data only.
class Reader
{
public:
    explicit Reader(const QString &path)
        : m_name(QStringLiteral("reader_%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~Reader()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    int count(const QString &sql, const QVariantList &args = {}) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.prepare(sql);
        for (const QVariant &arg : args)
            query.addBindValue(arg);
        if (!query.exec() || !query.next())
            return -1;
        return query.value(0).toInt();
    }

private:
    static inline int s_counter = 0;
    QString m_name;
};

struct Exchange
{
    std::unique_ptr<QTcpSocket> socket;
    QByteArray received;
    int status = 0;
    QJsonObject json;
    bool done = false;
    // Checked when the whole answer has arrived, before the event loop runs again.
    int committedRows = -1;
};

QByteArray enrollmentBody(const QString &phone)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("bank_id"), QStringLiteral("bnk_demo")},
                                     {QStringLiteral("full_name"), QStringLiteral("Li Lei")},
                                     {QStringLiteral("phone"), phone},
                                     {QStringLiteral("email"), QStringLiteral("li.lei@example.com")}})
        .toJson(QJsonDocument::Compact);
}

// Parses a complete "HTTP/1.1 …" answer with Content-Length; false while incomplete.
bool parseAnswer(Exchange &exchange)
{
    const qsizetype end = exchange.received.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    qsizetype length = 0;
    for (const QByteArray &line : exchange.received.left(end).split('\n'))
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    if (exchange.received.size() < end + 4 + length)
        return false;
    exchange.status = exchange.received.mid(9, 3).toInt();
    exchange.json = QJsonDocument::fromJson(exchange.received.mid(end + 4, length)).object();
    return true;
}

} // namespace

// QTRY_* inside a function returning a value needs a way out.
#define WAIT_OR_RETURN(expr, timeout)                                                                        \
    do {                                                                                                     \
        QElapsedTimer t_;                                                                                    \
        t_.start();                                                                                          \
        while (!(expr) && t_.elapsed() < (timeout))                                                          \
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);                              \
        if (!(expr))                                                                                         \
            return exchanges;                                                                                \
    } while (false)

class TestStubCommit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<ManualClock> m_clock =
        std::make_shared<ManualClock>(QDateTime(QDate(2025, 3, 1), QTime(9, 0), Qt::UTC));

    StubConfig config(const QString &name, double dropRate = 0) const
    {
        StubConfig config;
        config.dbPath = m_dir.filePath(name);
        config.demo = true;
        config.seed = 7;
        config.dropAfterCommitRate = dropRate;
        config.scrypt.n = 1u << 10;
        return config;
    }

    // Writes every request on its own connection, then runs the event loop until every answer (or close)
    // arrived. onAnswer runs when an answer is complete, before anything else happens on this thread.
    static std::vector<Exchange> burst(quint16 port, const QList<QByteArray> &requests,
                                       const std::function<int(const QJsonObject &)> &onAnswer = {})
    {
        std::vector<Exchange> exchanges(size_t(requests.size()));
        for (auto &exchange : exchanges) {
            exchange.socket = std::make_unique<QTcpSocket>();
            exchange.socket->connectToHost(QStringLiteral("127.0.0.1"), port);
        }
        // Connect all first (the server accepts them in its event loop, which is this one).
        WAIT_OR_RETURN(std::all_of(exchanges.begin(), exchanges.end(),
                                   [](const Exchange &e) {
                                       return e.socket->state() == QAbstractSocket::ConnectedState;
                                   }),
                       10000);
        for (qsizetype i = 0; i < requests.size(); ++i) {
            Exchange &exchange = exchanges[size_t(i)];
            QObject::connect(exchange.socket.get(), &QTcpSocket::readyRead, exchange.socket.get(),
                             [&exchange, &onAnswer] {
                                 exchange.received += exchange.socket->readAll();
                                 if (!exchange.done && parseAnswer(exchange)) {
                                     exchange.done = true;
                                     if (onAnswer)
                                         exchange.committedRows = onAnswer(exchange.json);
                                 }
                             });
            QObject::connect(exchange.socket.get(), &QTcpSocket::disconnected, exchange.socket.get(),
                             [&exchange] { exchange.done = true; });
            exchange.socket->write(requests.at(i));
            exchange.socket->flush();
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 &&
               !std::all_of(exchanges.begin(), exchanges.end(), [](const Exchange &e) { return e.done; }))
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        return exchanges;
    }

private Q_SLOTS:
    void savepointsInsideABatch()
    {
        StubStore store;
        QString error;
        QVERIFY2(store.open(m_dir.filePath(QStringLiteral("store.sqlite")), &error), qPrintable(error));
        const auto rows = [&store](const QString &subject) {
            return store.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject = ?"), {subject})
                .toInt();
        };

        store.beginBatch();
        QVERIFY(store.inBatch());
        {
            StubStore::Transaction tx(store);
            QVERIFY(store.inTransaction());
            store.audit(1, QStringLiteral("t"), QStringLiteral("kept"));
            tx.commit();
        }
        {
            StubStore::Transaction tx(store); // a failing request: no commit
            store.audit(1, QStringLiteral("t"), QStringLiteral("undone"));
        }
        {
            StubStore::Transaction outer(store);
            store.audit(1, QStringLiteral("t"), QStringLiteral("outer"));
            {
                StubStore::Transaction inner(store); // nested: undone alone
                store.audit(1, QStringLiteral("t"), QStringLiteral("inner"));
            }
            outer.commit();
        }
        store.audit(1, QStringLiteral("t"), QStringLiteral("bare")); // outside a Transaction: joins the batch
        QVERIFY(!store.inTransaction());
        QVERIFY_THROWS_EXCEPTION(StoreError, store.beginBatch()); // one batch at a time
        // Not visible to another connection before the COMMIT.
        {
            Reader reader(m_dir.filePath(QStringLiteral("store.sqlite")));
            QCOMPARE(reader.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE subject = 'kept'")),
                     0);
        }
        store.commitBatch();
        QVERIFY(!store.inBatch());
        QCOMPARE(rows(QStringLiteral("kept")), 1);
        QCOMPARE(rows(QStringLiteral("undone")), 0);
        QCOMPARE(rows(QStringLiteral("outer")), 1);
        QCOMPARE(rows(QStringLiteral("inner")), 0);
        QCOMPARE(rows(QStringLiteral("bare")), 1);

        // A batch rolled back leaves nothing, even of its committed savepoints.
        store.beginBatch();
        {
            StubStore::Transaction tx(store);
            store.audit(1, QStringLiteral("t"), QStringLiteral("rolled_back"));
            tx.commit();
        }
        store.rollbackBatch();
        QCOMPARE(rows(QStringLiteral("rolled_back")), 0);

        // A COMMIT that fails (a deferred foreign key violation) throws and keeps nothing of the batch.
        store.beginBatch();
        store.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON"));
        store.audit(1, QStringLiteral("t"), QStringLiteral("with_bad_neighbour"));
        store.exec(QStringLiteral("INSERT INTO devices (id, wallet_id, name, secret_sealed, created_at) "
                                  "VALUES ('dev_x', 'wal_missing', 'x', x'00', 1)"));
        QVERIFY_THROWS_EXCEPTION(StoreError, store.commitBatch());
        QVERIFY(!store.inBatch());
        QCOMPARE(rows(QStringLiteral("with_bad_neighbour")), 0);
        // The connection is usable again, outside a batch too.
        {
            StubStore::Transaction tx(store);
            store.audit(1, QStringLiteral("t"), QStringLiteral("after"));
            tx.commit();
        }
        QCOMPARE(rows(QStringLiteral("after")), 1);
    }

    void concurrentWritesShareACommitAndAreDurable()
    {
        const StubConfig cfg = config(QStringLiteral("burst.sqlite"));
        constexpr int kRequests = 40;
        {
            GatewayServer server(cfg, m_clock);
            QString error;
            QVERIFY2(server.open(&error), qPrintable(error));
            const quint16 port = server.listen(QHostAddress::LocalHost, 0, &error);
            QVERIFY2(port, qPrintable(error));
            Reader reader(cfg.dbPath);

            QList<QByteArray> requests;
            for (int i = 0; i < kRequests; ++i)
                requests.append(StubTestClient::rawPost(
                    QStringLiteral("/v1/enrollments"),
                    enrollmentBody(QStringLiteral("+86139%1").arg(i, 8, 10, QLatin1Char('0')))));
            // The moment an answer arrives, its enrollment must already be visible to another connection.
            const auto exchanges = burst(port, requests, [&reader](const QJsonObject &json) {
                return reader.count(QStringLiteral("SELECT COUNT(*) FROM enrollments WHERE id = ?"),
                                    {json.value(QStringLiteral("enrollment_id")).toString()});
            });
            for (const Exchange &exchange : exchanges) {
                QCOMPARE(exchange.status, 201);
                QCOMPARE(exchange.committedRows, 1);
            }
            const CommitGroup::Stats stats = server.commitStats();
            QCOMPARE(stats.requests, quint64(kRequests));
            QCOMPARE(stats.failedBatches, quint64(0));
            // Grouped: far fewer COMMITs than requests (all were ready at once).
            QVERIFY2(
                stats.batches <= quint64(kRequests / 4),
                qPrintable(QStringLiteral("%1 batches for %2 requests").arg(stats.batches).arg(kRequests)));
            QVERIFY(stats.largestBatch >= 4);
            server.shutdown();
        }
        // Durable: a new server on the same file finds every one of them.
        Reader after(cfg.dbPath);
        QCOMPARE(after.count(QStringLiteral("SELECT COUNT(*) FROM enrollments")), kRequests);
    }

    void aFailingRequestLeavesItsBatchNeighboursAlone()
    {
        const StubConfig cfg = config(QStringLiteral("mixed.sqlite"));
        GatewayServer server(cfg, m_clock);
        QString error;
        QVERIFY2(server.open(&error), qPrintable(error));
        const quint16 port = server.listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(port, qPrintable(error));

        // Failing requests (bad phone, bad JSON, unknown enrollment) between two good ones, one burst.
        const QList<QByteArray> requests{
            StubTestClient::rawPost(QStringLiteral("/v1/enrollments"),
                                    enrollmentBody(QStringLiteral("+8613900000101"))),
            StubTestClient::rawPost(QStringLiteral("/v1/enrollments"), enrollmentBody(QStringLiteral("12"))),
            StubTestClient::rawPost(QStringLiteral("/v1/enrollments"), "{not json"),
            StubTestClient::rawPost(QStringLiteral("/v1/enrollments/enr_missing/otp/verify"),
                                    R"({"code": "123456"})"),
            StubTestClient::rawPost(QStringLiteral("/v1/enrollments"),
                                    enrollmentBody(QStringLiteral("+8613900000102"))),
        };
        const auto exchanges = burst(port, requests);
        QCOMPARE(exchanges.at(0).status, 201);
        QCOMPARE(exchanges.at(1).status, 422);
        QCOMPARE(exchanges.at(2).status, 400);
        QCOMPARE(exchanges.at(3).status, 404);
        QCOMPARE(exchanges.at(4).status, 201);
        const CommitGroup::Stats stats = server.commitStats();
        QCOMPARE(stats.requests, quint64(5));
        QCOMPARE(stats.batches, quint64(1)); // all five in one batch
        server.shutdown();
        Reader after(cfg.dbPath);
        QCOMPARE(after.count(QStringLiteral("SELECT COUNT(*) FROM enrollments")), 2);
        QCOMPARE(
            after.count(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE event = 'enrollment.created'")),
            2);
    }

    void dropAfterCommitDropsOnlyAfterTheCommit()
    {
        const StubConfig cfg = config(QStringLiteral("drop.sqlite"), 1.0);
        {
            GatewayServer server(cfg, m_clock);
            QString error;
            QVERIFY2(server.open(&error), qPrintable(error));
            const quint16 port = server.listen(QHostAddress::LocalHost, 0, &error);
            QVERIFY2(port, qPrintable(error));
            Reader reader(cfg.dbPath);
            QList<QByteArray> requests;
            for (int i = 0; i < 8; ++i)
                requests.append(StubTestClient::rawPost(
                    QStringLiteral("/v1/enrollments"),
                    enrollmentBody(QStringLiteral("+86139%1").arg(500 + i, 8, 10, QLatin1Char('0')))));
            const auto exchanges = burst(port, requests);
            // Every connection was closed without an answer…
            for (const Exchange &exchange : exchanges) {
                QCOMPARE(exchange.status, 0);
                QVERIFY(exchange.received.isEmpty());
            }
            // …and by then every enrollment was committed (the reader sees committed data only).
            QCOMPARE(reader.count(QStringLiteral("SELECT COUNT(*) FROM enrollments")), 8);
            server.shutdown();
        }
        Reader after(cfg.dbPath);
        QCOMPARE(after.count(QStringLiteral("SELECT COUNT(*) FROM enrollments")), 8);
    }
};

QTEST_GUILESS_MAIN(TestStubCommit)
#include "test_stub_commit.moc"
