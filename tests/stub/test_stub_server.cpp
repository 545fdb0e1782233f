// Contract tests of the stub's framework over real HTTP: health, routing errors, body limits, JSON
// errors, the bank directory, fault injection, latency and shutdown, plus the JSON field helpers.
#include "stub/api_error.h"
#include "stub/directory.h"
#include "stub/json_fields.h"
#include "stub_test_client.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace bw::stub;
using namespace bw::stub::test;

// What Q_INIT_RESOURCE / Q_CLEANUP_RESOURCE call (the generated qrc code of bw_stub's "stub_data"), declared
// here at global scope: the macros' block-scope declarations would name functions of the anonymous
// namespace below.
int qInitResources_stub_data();
int qCleanupResources_stub_data();

namespace {

// The argument that makes this executable the child of startRefusesWithoutDirectory() (see main()).
constexpr const char *kWithoutSeedChild = "--start-without-seed-data";

// Unregisters the seed files compiled into bw_stub (qt_add_resources "stub_data") for a scope: the server
// then finds :/stub/*.json missing, as a build with a broken seed would. Registered again on exit, also
// when a QVERIFY returns early.
class WithoutSeedData
{
public:
    WithoutSeedData() { ::qCleanupResources_stub_data(); }
    ~WithoutSeedData() { ::qInitResources_stub_data(); }
    WithoutSeedData(const WithoutSeedData &) = delete;
    WithoutSeedData &operator=(const WithoutSeedData &) = delete;
};

// The child process: starts a gateway without the seed data, prints the start error on stdout and exits
// 0 when the start was refused without creating the database or key file.
int startWithoutSeedData()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("x.sqlite"));
    StubTestClient client;
    StubTestClient::Options options;
    options.dbPath = db;
    bool started = false;
    {
        const WithoutSeedData withoutSeed;
        started = client.start(options);
    }
    QTextStream(stdout) << client.lastError() << Qt::endl;
    return !started && !QFile::exists(db) && !QFile::exists(db + QStringLiteral(".key")) ? 0 : 1;
}

} // namespace

class TestStubServer : public QObject
{
    Q_OBJECT

private:
    static int countRows(const QString &dbPath, const QString &table)
    {
        int count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
            db.setDatabaseName(dbPath);
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && query.next())
                    count = query.value(0).toInt();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("probe"));
        return count;
    }

private Q_SLOTS:
    void healthz()
    {
        StubTestClient client;
        QVERIFY2(client.start(), qPrintable(client.lastError()));
        const Reply reply = client.get(QStringLiteral("/healthz"));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json, (QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}}));
        QCOMPARE(reply.header("content-type"), QByteArray("application/json"));
    }

    void unknownPathsAre404()
    {
        StubTestClient client;
        QVERIFY(client.start());
        for (const QString &path :
             {QStringLiteral("/"), QStringLiteral("/v1"), QStringLiteral("/v1/nothing"),
              QStringLiteral("/v1/banks/extra"), QStringLiteral("/v1//banks"), QStringLiteral("/v1/banks/"),
              QStringLiteral("/V1/BANKS"), QStringLiteral("/v1/enrollments/x/otp")}) {
            const Reply reply = client.get(path);
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
            QCOMPARE(reply.errorCode(), QStringLiteral("resource_missing"));
            QVERIFY(!reply.error().value(QStringLiteral("message")).toString().isEmpty());
        }
    }

    void devPathsAre404WithoutDemo()
    {
        StubTestClient client;
        StubTestClient::Options options;
        options.demo = false;
        QVERIFY(client.start(options));
        for (const QString &path :
             {QStringLiteral("/v1/dev/outbox"), QStringLiteral("/v1/dev"), QStringLiteral("/v1/dev/reset"),
              QStringLiteral("/v1/dev/anything/else")}) {
            const Reply reply = client.get(path);
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), QStringLiteral("resource_missing"));
        }
        // And in demo mode the outbox exists.
        StubTestClient demo;
        QVERIFY(demo.start());
        QCOMPARE(demo.get(QStringLiteral("/v1/dev/outbox")).status, 200);
    }

    void wrongMethodIs405()
    {
        StubTestClient client;
        QVERIFY(client.start());
        const QList<QPair<QByteArray, QString>> cases{
            {"POST", QStringLiteral("/v1/banks")},           {"DELETE", QStringLiteral("/healthz")},
            {"GET", QStringLiteral("/v1/enrollments")},      {"PUT", QStringLiteral("/v1/sessions")},
            {"GET", QStringLiteral("/v1/sessions/current")}, {"PATCH", QStringLiteral("/v1/wallet")}};
        for (const auto &[method, path] : cases) {
            const Reply reply = client.send(method, path, method == "GET" ? QByteArray() : QByteArray("{}"));
            QVERIFY2(reply.status == 405, qPrintable(method + ' ' + path + ": " + reply.summary()));
            QCOMPARE(reply.errorCode(), QStringLiteral("method_not_allowed"));
            QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
        }
    }

    void bodyOver64KiBIs413()
    {
        StubTestClient client;
        QVERIFY(client.start());
        const QByteArray big = "{\"x\":\"" + QByteArray(64 * 1024, 'a') + "\"}";
        const Reply reply = client.send("POST", QStringLiteral("/v1/enrollments"), big);
        QCOMPARE(reply.status, 413);
        QCOMPARE(reply.errorCode(), QStringLiteral("body_too_large"));
        // Exactly 64 KiB is allowed (it then fails as JSON, not as size).
        QByteArray exact = "{\"x\":\"";
        exact += QByteArray(64 * 1024 - exact.size() - 2, 'a') + "\"}";
        QCOMPARE(exact.size(), 64 * 1024);
        const Reply ok = client.send("POST", QStringLiteral("/v1/enrollments"), exact);
        QCOMPARE(ok.status, 400);
        QCOMPARE(ok.errorCode(), QStringLiteral("parameter_missing"));
    }

    void invalidJsonIs400()
    {
        StubTestClient client;
        QVERIFY(client.start());
        for (const QByteArray &body :
             {QByteArray("{"), QByteArray("[1,2]"), QByteArray("\"text\""), QByteArray("42"),
              QByteArray("null"), QByteArray("{\"a\":1}garbage"), QByteArray("\xff\xfe{}")}) {
            const Reply reply = client.send("POST", QStringLiteral("/v1/enrollments"), body);
            QVERIFY2(reply.status == 400, qPrintable(QString::fromLatin1(body) + ": " + reply.summary()));
            QCOMPARE(reply.errorCode(), QStringLiteral("invalid_json"));
            QCOMPARE(reply.errorType(), QStringLiteral("invalid_request_error"));
        }
    }

    void missingAndInvalidParameters()
    {
        StubTestClient client;
        QVERIFY(client.start());
        // Empty body = {} → the first required field is missing.
        Reply reply = client.send("POST", QStringLiteral("/v1/enrollments"));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_missing"));
        QCOMPARE(reply.errorParam(), QStringLiteral("bank_id"));
        // null counts as missing.
        reply = client.post(QStringLiteral("/v1/enrollments"),
                            {{QStringLiteral("bank_id"), QStringLiteral("bnk_demo")},
                             {QStringLiteral("full_name"), QJsonValue()}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorParam(), QStringLiteral("full_name"));
        // Wrong type → 422 parameter_invalid naming the field.
        reply = client.post(QStringLiteral("/v1/enrollments"), {{QStringLiteral("bank_id"), 12}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_invalid"));
        QCOMPARE(reply.errorParam(), QStringLiteral("bank_id"));
        reply = client.post(QStringLiteral("/v1/enrollments"),
                            {{QStringLiteral("bank_id"), QStringLiteral("bnk_demo")},
                             {QStringLiteral("full_name"), QStringLiteral("Li Lei")},
                             {QStringLiteral("phone"), QJsonArray{QStringLiteral("+8613800138000")}},
                             {QStringLiteral("email"), QStringLiteral("a@b.cn")}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorCode(), QStringLiteral("parameter_invalid"));
        QCOMPARE(reply.errorParam(), QStringLiteral("phone"));
    }

    void banks()
    {
        StubTestClient client;
        QVERIFY(client.start());
        const Reply reply = client.get(QStringLiteral("/v1/banks"));
        QCOMPARE(reply.status, 200);
        const QJsonArray data = reply.json.value(QStringLiteral("data")).toArray();
        QVERIFY(data.size() >= 8);
        int unsupported = 0;
        for (const QJsonValue &value : data) {
            const QJsonObject bank = value.toObject();
            QVERIFY(bank.value(QStringLiteral("id")).toString().startsWith(QStringLiteral("bnk_")));
            QVERIFY(!bank.value(QStringLiteral("name")).toString().isEmpty());
            QVERIFY(!bank.value(QStringLiteral("name_zh")).toString().isEmpty());
            QVERIFY(bank.value(QStringLiteral("wallet_supported")).isBool());
            QCOMPARE(bank.value(QStringLiteral("country")).toString().size(), 2);
            unsupported += bank.value(QStringLiteral("wallet_supported")).toBool() ? 0 : 1;
        }
        QVERIFY(unsupported > 0);
        QVERIFY(unsupported < data.size());
    }

    void routesAreListed()
    {
        StubTestClient client;
        QVERIFY(client.start());
        const QList<RouteInfo> routes = client.gateway().routes();
        const auto has = [&](const QByteArray &method, const QString &pattern) {
            return std::any_of(routes.begin(), routes.end(), [&](const RouteInfo &r) {
                return r.method == method && r.pattern == pattern;
            });
        };
        QVERIFY(has("GET", QStringLiteral("/healthz")));
        QVERIFY(has("POST", QStringLiteral("/v1/enrollments/{id}/otp/verify")));
        QVERIFY(has("DELETE", QStringLiteral("/v1/sessions/current")));
        QVERIFY(has("GET", QStringLiteral("/v1/wallet")));
    }

    void failRateInjectsFaultsBeforeAnyChange()
    {
        StubTestClient client;
        StubTestClient::Options options;
        options.failRate = 1.0;
        QVERIFY(client.start(options));
        Reply reply = client.get(QStringLiteral("/v1/banks"));
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.errorType(), QStringLiteral("api_error"));
        QCOMPARE(reply.errorCode(), QStringLiteral("injected_fault"));
        reply = client.createEnrollment(client.nextPhone());
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.errorCode(), QStringLiteral("injected_fault"));
        QCOMPARE(countRows(client.dbPath(), QStringLiteral("enrollments")), 0);
        QVERIFY(client.outbox(QString()).isEmpty());
        // Not /v1: health; and not /v1/dev.
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);
        QCOMPARE(client.get(QStringLiteral("/v1/dev/outbox")).status, 200);
    }

    void failRateIsRepeatableWithSeed()
    {
        const auto run = [](quint64 seed) {
            StubTestClient client;
            StubTestClient::Options options;
            options.failRate = 0.5;
            options.seed = seed;
            if (!client.start(options))
                return QList<int>();
            QList<int> statuses;
            for (int i = 0; i < 24; ++i)
                statuses.append(client.get(QStringLiteral("/v1/banks")).status);
            return statuses;
        };
        const QList<int> first = run(7);
        QCOMPARE(first.size(), 24);
        QCOMPARE(run(7), first);
        QVERIFY(first.contains(200));
        QVERIFY(first.contains(503));
    }

    void dropAfterCommitClosesUnansweredButCommits()
    {
        StubTestClient client;
        StubTestClient::Options options;
        options.dropAfterCommitRate = 1.0;
        QVERIFY(client.start(options));
        const QString phone = client.nextPhone();
        const QByteArray body =
            QJsonDocument(QJsonObject{{QStringLiteral("bank_id"), QStringLiteral("bnk_demo")},
                                      {QStringLiteral("full_name"), QStringLiteral("Li Lei")},
                                      {QStringLiteral("phone"), phone},
                                      {QStringLiteral("email"), QStringLiteral("li@example.com")}})
                .toJson(QJsonDocument::Compact);
        const auto result =
            client.rawExchange(StubTestClient::rawPost(QStringLiteral("/v1/enrollments"), body));
        QVERIFY(result.closedByServer);
        QVERIFY2(result.received.isEmpty(), result.received.constData());
        // The change was committed: the enrollment row exists and its SMS was sent.
        QCOMPARE(countRows(client.dbPath(), QStringLiteral("enrollments")), 1);
        QCOMPARE(client.outbox(phone).size(), 1);
        // GETs are answered.
        QCOMPARE(client.get(QStringLiteral("/v1/banks")).status, 200);
    }

    void latencyDelaysWithoutBlocking()
    {
        StubTestClient client;
        StubTestClient::Options options;
        options.latencyMs = 400;
        QVERIFY(client.start(options));
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);
        QVERIFY(timer.elapsed() >= 390);

        // Three requests at once on three connections: if the server slept on its thread they would take
        // 1.2 s; deferred answers take about 0.4 s.
        QNetworkAccessManager nam;
        QList<QNetworkReply *> replies;
        timer.restart();
        for (int i = 0; i < 3; ++i) {
            QNetworkRequest request(client.url(QStringLiteral("/healthz?n=%1").arg(i)));
            request.setRawHeader("Connection", "close");
            replies.append(nam.get(request));
        }
        for (QNetworkReply *reply : replies) {
            if (!reply->isFinished())
                QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QVERIFY2(timer.elapsed() < 1100, qPrintable(QString::number(timer.elapsed())));
    }

    void stopAnswersInFlightRequests()
    {
        StubTestClient client;
        StubTestClient::Options options;
        options.latencyMs = 3000;
        QVERIFY(client.start(options));
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), client.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QVERIFY(socket.waitForBytesWritten(5000));
        QTest::qWait(300); // the server has read it and is waiting out the latency
        QElapsedTimer timer;
        timer.start();
        client.stop();
        QVERIFY(timer.elapsed() < 2500); // stop() did not wait for the latency
        QByteArray received;
        QVERIFY(QTest::qWaitFor(
            [&] {
                socket.waitForReadyRead(50);
                received += socket.readAll();
                return received.contains("\"ok\"") || socket.state() == QAbstractSocket::UnconnectedState;
            },
            5000));
        received += socket.readAll();
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
    }

    void restartKeepsData()
    {
        StubTestClient client;
        QVERIFY(client.start());
        const QString phone = client.nextPhone();
        QCOMPARE(client.createEnrollment(phone).status, 201);
        QVERIFY(client.restart());
        // The same phone can enroll again (no wallet yet), and the row from before is still there.
        QCOMPARE(countRows(client.dbPath(), QStringLiteral("enrollments")), 1);
        QVERIFY(QFileInfo(client.dbPath() + QStringLiteral(".key")).exists());
        QCOMPARE(QFileInfo(client.dbPath() + QStringLiteral(".key")).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
    }

    void startFailsCleanlyOnBadKeyFile()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("x.sqlite"));
        QFile key(db + QStringLiteral(".key"));
        QVERIFY(key.open(QIODevice::WriteOnly));
        key.write("short");
        key.close();
        StubTestClient client;
        StubTestClient::Options options;
        options.dbPath = db;
        QVERIFY(!client.start(options));
        QVERIFY(client.lastError().contains(QStringLiteral("32 bytes")));
    }

    // GatewayContext::open() refuses to start on a missing or invalid sanctions list (a bank must not run
    // unscreened, nor hold every name for review), before creating the key or database file.
    void startRefusesWithoutSanctionsList()
    {
        // open() checks the directory first, and Directory::seeded() is loaded once per process: loaded
        // here while the seed files are in place, so this test reaches the sanctions check (the directory
        // case runs in a child process: startRefusesWithoutDirectory).
        QVERIFY(Directory::seeded().isValid());
        QTemporaryDir dir;
        StubTestClient::Options options;
        options.dbPath = dir.filePath(QStringLiteral("x.sqlite"));
        {
            StubTestClient client;
            const WithoutSeedData withoutSeed;
            QVERIFY(!client.start(options));
            QVERIFY2(client.lastError().startsWith(QLatin1String("sanctions list: ")),
                     qPrintable(client.lastError()));
            QVERIFY2(client.lastError().contains(QLatin1String(":/stub/sanctions.json")),
                     qPrintable(client.lastError()));
        }
        QVERIFY(!QFile::exists(options.dbPath));
        QVERIFY(!QFile::exists(options.dbPath + QStringLiteral(".key")));
        // The same configuration with the seed files back starts.
        StubTestClient client;
        QVERIFY2(client.start(options), qPrintable(client.lastError()));
        QCOMPARE(client.get(QStringLiteral("/healthz")).status, 200);
    }

    // A broken directory (merchants, FX rates, fees) stops the start too. Directory::seeded() is a
    // process-wide static that earlier tests have loaded already, so this runs in a fresh child process of
    // this executable (main(): kWithoutSeedChild) that starts a gateway without the seed files.
    void startRefusesWithoutDirectory()
    {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kWithoutSeedChild)});
        QVERIFY(child.waitForFinished(120'000));
        const QString out = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
        const QByteArray err = child.readAllStandardError();
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QVERIFY2(child.exitCode() == 0, qPrintable(out + QLatin1Char('\n') + QString::fromUtf8(err)));
        QVERIFY2(out.startsWith(QLatin1String("directory: ")), qPrintable(out));
        QVERIFY2(out.contains(QLatin1String(":/stub/merchants.json")), qPrintable(out));
    }

    // The money helper the quote and payment routes use (no route takes money yet, so it is tested here).
    void moneyFields_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        QTest::newRow("ok") << QByteArray(R"({"amount": {"amount": 12345, "currency": "CNY"}})") << QString()
                            << QString();
        QTest::newRow("negative ok") << QByteArray(R"({"amount": {"amount": -5, "currency": "JPY"}})")
                                     << QString() << QString();
        QTest::newRow("bound") << QByteArray(R"({"amount": {"amount": 9000000000000000, "currency": "CNY"}})")
                               << QString() << QString();
        QTest::newRow("beyond") << QByteArray(
                                       R"({"amount": {"amount": 9000000000000001, "currency": "CNY"}})")
                                << "parameter_invalid"
                                << "amount.amount";
        QTest::newRow("beyond neg") << QByteArray(
                                           R"({"amount": {"amount": -9000000000000001, "currency": "CNY"}})")
                                    << "parameter_invalid"
                                    << "amount.amount";
        QTest::newRow("huge") << QByteArray(R"({"amount": {"amount": 1e300, "currency": "CNY"}})")
                              << "parameter_invalid"
                              << "amount.amount";
        QTest::newRow("float") << QByteArray(R"({"amount": {"amount": 12.5, "currency": "CNY"}})")
                               << "parameter_invalid"
                               << "amount.amount";
        // Qt's JSON parser keeps no difference between 12.0 and 12 (nor does JSON's data model): accepted
        // as 12.
        QTest::newRow("float zero fraction")
            << QByteArray(R"({"amount": {"amount": 12.0, "currency": "CNY"}})") << QString() << QString();
        QTest::newRow("string") << QByteArray(R"({"amount": {"amount": "12", "currency": "CNY"}})")
                                << "parameter_invalid"
                                << "amount.amount";
        QTest::newRow("bool") << QByteArray(R"({"amount": {"amount": true, "currency": "CNY"}})")
                              << "parameter_invalid"
                              << "amount.amount";
        QTest::newRow("no amount") << QByteArray(R"({"amount": {"currency": "CNY"}})") << "parameter_missing"
                                   << "amount.amount";
        QTest::newRow("no currency") << QByteArray(R"({"amount": {"amount": 1}})") << "parameter_missing"
                                     << "amount.currency";
        QTest::newRow("lower currency")
            << QByteArray(R"({"amount": {"amount": 1, "currency": "cny"}})") << "parameter_invalid"
            << "amount.currency";
        QTest::newRow("unknown currency")
            << QByteArray(R"({"amount": {"amount": 1, "currency": "XXX"}})") << "parameter_invalid"
            << "amount.currency";
        QTest::newRow("not object") << QByteArray(R"({"amount": 100})") << "parameter_invalid"
                                    << "amount";
        QTest::newRow("missing") << QByteArray(R"({})") << "parameter_missing"
                                 << "amount";
    }
    void moneyFields()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, code);
        QFETCH(QString, param);
        const JsonFields fields(QJsonDocument::fromJson(json).object());
        try {
            const bw::core::Money money = fields.requireMoney(QStringLiteral("amount"));
            QVERIFY2(code.isEmpty(), "accepted");
            QVERIFY(money.isValid());
        } catch (const ApiError &error) {
            QCOMPARE(error.code(), code);
            QCOMPARE(error.param(), param);
            QCOMPARE(error.status(), code == QLatin1String("parameter_missing") ? 400 : 422);
        }
    }
};

// QTEST_GUILESS_MAIN, plus the child mode of startRefusesWithoutDirectory().
int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 2 && qstrcmp(argv[1], kWithoutSeedChild) == 0)
        return startWithoutSeedData();
    TestStubServer test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "test_stub_server.moc"
