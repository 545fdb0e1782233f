// bench_gateway: throughput and latency of the gateway stub with durability on (issue 4).
//
// 1. The raw ceiling of durable single-row SQLite commits on this disk (WAL, synchronous=FULL, one row per
//    BEGIN IMMEDIATE … COMMIT), the number every gateway figure is compared with:
//      {"bench": "sqlite_durable_commits", "per_s": F}
// 2. The real server (EmbeddedGateway: its own thread, temporary database, synchronous=FULL, cheap scrypt)
//    with wallets enrolled through the real HTTP flow, one per client; then N client threads, each with one
//    keep-alive socket, loop one iteration (quote + payment) for --seconds:
//      {"bench": "gateway", "clients": 16, "payments": N, "payments_per_s": F, "p50_ms": F, "p99_ms": F,
//       "ratio_to_sqlite": F, ...}
//    p50/p99 are per iteration (quote + payment, two round trips). Before the timed loop each wallet is
//    prepared (preparePayments): CNY 10,000.00 received and one payment to the merchant made with the
//    quote's SMS code, so each timed payment (CNY 0.01, domestic, known payee) needs only the PIN.
//    Until POST /v1/quotes and POST /v1/payments exist (probed at start: 404 → absent), the iteration is a
//    stand-in of two signed, authenticated requests that each commit rows (GET /v1/wallet: nonce insert,
//    device and session update) and the lines say "bench": "gateway_write_standin".
//
// The clients are plain blocking POSIX sockets on std::threads (no event loop, one HMAC per request), so
// they cost little — but this machine has 2 cores shared by the server thread and every client thread.
//
//   bench_gateway [--seconds S] [--clients 1,4,16,64] [--mode auto|standin|payments]
#include "../stub/stub_test_client.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace bw::stub;
using namespace bw::stub::test;
using Clock_ = std::chrono::steady_clock;

namespace {

double secondsSince(Clock_::time_point start)
{
    return std::chrono::duration<double>(Clock_::now() - start).count();
}

// Durable single-row commits per second on this disk for `seconds`.
double sqliteCeiling(double seconds)
{
    QTemporaryDir dir;
    double perSecond = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ceiling"));
        db.setDatabaseName(dir.filePath(QStringLiteral("ceiling.sqlite")));
        if (!db.open())
            qFatal("cannot open the ceiling database: %s", qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        q.exec(
            QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL, at INTEGER NOT NULL)"));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO t (v, at) VALUES (?, ?)"));
        const auto start = Clock_::now();
        qint64 commits = 0;
        while (secondsSince(start) < seconds) {
            q.exec(QStringLiteral("BEGIN IMMEDIATE"));
            insert.addBindValue(QStringLiteral("nonce-%1").arg(commits));
            insert.addBindValue(commits);
            if (!insert.exec())
                qFatal("insert failed: %s", qPrintable(insert.lastError().text()));
            if (!q.exec(QStringLiteral("COMMIT")))
                qFatal("commit failed: %s", qPrintable(q.lastError().text()));
            ++commits;
        }
        perSecond = double(commits) / secondsSince(start);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ceiling"));
    return perSecond;
}

// One blocking keep-alive HTTP/1.1 connection that signs as a device.
class RawClient
{
public:
    RawClient(quint16 port, const TestWallet &wallet, qint64 serverTime)
        : m_wallet(wallet)
        , m_timestamp(QByteArray::number(serverTime))
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            qFatal("connect failed");
        int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    }
    ~RawClient() { ::close(m_fd); }
    RawClient(const RawClient &) = delete;
    RawClient &operator=(const RawClient &) = delete;

    const QString &pin() const { return m_wallet.pin; }

    struct Answer
    {
        int status = 0;
        QByteArray body;
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    // A signed, authenticated request; status 0 when the connection failed.
    Answer send(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                const QList<QPair<QByteArray, QByteArray>> &extra = {})
    {
        const QByteArray nonce = bw::crypto::base64UrlEncode(bw::crypto::random16().value()).toLatin1();
        QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        request += "X-Device-Id: " + m_wallet.deviceId.toLatin1() + "\r\n";
        request += "X-Timestamp: " + m_timestamp + "\r\nX-Nonce: " + nonce + "\r\n";
        request += "X-Signature: " +
                   StubTestClient::signature(m_wallet.deviceSecret, method, path, m_timestamp, nonce, body) +
                   "\r\n";
        request += "Authorization: Bearer " + m_wallet.token.toLatin1() + "\r\n";
        for (const auto &header : extra)
            request += header.first + ": " + header.second + "\r\n";
        if (!body.isEmpty())
            request += "Content-Type: application/json\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        if (!writeAll(request))
            return {};
        return readAnswer();
    }

private:
    bool writeAll(const QByteArray &data)
    {
        qsizetype done = 0;
        while (done < data.size()) {
            const ssize_t n = ::send(m_fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            done += n;
        }
        return true;
    }
    Answer readAnswer()
    {
        Answer answer;
        qsizetype headerEnd = -1;
        while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0)
            if (!fill())
                return {};
        const QByteArray head = m_buffer.left(headerEnd);
        answer.status = head.mid(9, 3).toInt();
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        while (m_buffer.size() < headerEnd + 4 + length)
            if (!fill())
                return {};
        answer.body = m_buffer.mid(headerEnd + 4, length);
        m_buffer.remove(0, headerEnd + 4 + length);
        return answer;
    }
    bool fill()
    {
        char chunk[16384];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0)
            return false;
        m_buffer.append(chunk, n);
        return true;
    }

    int m_fd = -1;
    TestWallet m_wallet;
    QByteArray m_timestamp;
    QByteArray m_buffer;
};

enum class Mode { Standin, Payments };

// A domestic (CN) merchant of the seeded directory: no FX, no fees.
const QString kBenchMerchant = QStringLiteral("mer_lantern_coffee");

// What a wallet needs before the timed loop can pay with the PIN alone (gateway-api.md, "Quotes and
// payments"): money (CNY 10,000.00 received through the demo incoming endpoint — a million CNY 0.01
// payments, within the tier-3 balance cap) and one payment to the merchant already made with the quote's SMS
// code, so the merchant is a known payee and small payments need no second factor.
bool preparePayments(StubTestClient &setup, TestWallet &wallet)
{
    const Reply funded =
        setup.post(QStringLiteral("/v1/dev/wallets/%1/incoming").arg(wallet.walletId),
                   QJsonObject{{QStringLiteral("amount"),
                                QJsonObject{{QStringLiteral("amount"), 1'000'000},
                                            {QStringLiteral("currency"), QStringLiteral("CNY")}}},
                               {QStringLiteral("from_name"), QStringLiteral("Zhang Wei")}});
    const Reply quote = setup.sendAuthed(
        wallet, "POST", QStringLiteral("/v1/quotes"),
        QJsonObject{
            {QStringLiteral("kind"), QStringLiteral("payment")},
            {QStringLiteral("amount"),
             QJsonObject{{QStringLiteral("amount"), 1}, {QStringLiteral("currency"), QStringLiteral("CNY")}}},
            {QStringLiteral("source"), QStringLiteral("balance")},
            {QStringLiteral("destination"), QJsonObject{{QStringLiteral("merchant_id"), kBenchMerchant}}}});
    if (funded.status != 201 || quote.status != 201)
        return false;
    const QString quoteId = quote.json.value(QStringLiteral("quote_id")).toString();
    if (setup.sendAuthed(wallet, "POST", QStringLiteral("/v1/quotes/%1/otp").arg(quoteId)).status != 202)
        return false;
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("quote_id"), quoteId},
                                                      {QStringLiteral("pin"), wallet.pin},
                                                      {QStringLiteral("otp"), setup.lastCode(wallet.phone)}})
                                .toJson(QJsonDocument::Compact);
    const Reply paid = setup.sendSigned(wallet, "POST", QStringLiteral("/v1/payments"), body, {},
                                        {{"Authorization", "Bearer " + wallet.token.toLatin1()},
                                         {"Idempotency-Key", "bench-setup-" + wallet.walletId.toLatin1()}});
    return paid.status == 201;
}

// One iteration: quote + payment (or the stand-in). False on any unexpected answer.
bool iterate(Mode mode, RawClient &client, qint64 iteration, QByteArray *why)
{
    if (mode == Mode::Standin) {
        // Stand-in for quote + payment: two signed, authenticated requests that each commit rows.
        for (int i = 0; i < 2; ++i) {
            const auto answer = client.send("GET", "/v1/wallet");
            if (answer.status != 200) {
                *why = QByteArray::number(answer.status) + ' ' + answer.body.left(200);
                return false;
            }
        }
        return true;
    }
    // gateway-api.md, "Quotes and payments": pay CNY 0.01 to a CN merchant from the balance with the PIN
    // (the first payment to this payee was made with an OTP during setup, so only the PIN is required).
    const QByteArray quoteBody =
        QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("payment")},
                                  {QStringLiteral("amount"),
                                   QJsonObject{{QStringLiteral("amount"), 1},
                                               {QStringLiteral("currency"), QStringLiteral("CNY")}}},
                                  {QStringLiteral("source"), QStringLiteral("balance")},
                                  {QStringLiteral("destination"),
                                   QJsonObject{{QStringLiteral("merchant_id"), kBenchMerchant}}}})
            .toJson(QJsonDocument::Compact);
    const auto quote = client.send("POST", "/v1/quotes", quoteBody);
    if (quote.status != 201) {
        *why = "quote " + QByteArray::number(quote.status) + ' ' + quote.body.left(200);
        return false;
    }
    const QString quoteId = quote.json().value(QStringLiteral("quote_id")).toString();
    const QByteArray payBody = QJsonDocument(QJsonObject{{QStringLiteral("quote_id"), quoteId},
                                                         {QStringLiteral("pin"), client.pin()}})
                                   .toJson(QJsonDocument::Compact);
    const auto payment = client.send(
        "POST", "/v1/payments", payBody,
        {{"Idempotency-Key", "bench-" + quoteId.toLatin1() + '-' + QByteArray::number(iteration)}});
    if (payment.status != 201) {
        *why = "payment " + QByteArray::number(payment.status) + ' ' + payment.body.left(200);
        return false;
    }
    return true;
}

double percentile(std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t index = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
    return sorted[index];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 5;
    QList<int> clientCounts{1, 4, 16, 64};
    QString modeArg = QStringLiteral("auto");
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--seconds") && hasValue) {
            seconds = args.at(++i).toDouble();
        } else if (arg == QLatin1String("--clients") && hasValue) {
            clientCounts.clear();
            for (const QString &part : args.at(++i).split(QLatin1Char(',')))
                clientCounts.append(part.toInt());
        } else if (arg == QLatin1String("--mode") && hasValue) {
            modeArg = args.at(++i);
        } else {
            std::fprintf(stderr, "usage: bench_gateway [--seconds S] [--clients 1,4,16,64] "
                                 "[--mode auto|standin|payments]\n");
            return 2;
        }
    }
    if (seconds <= 0 || clientCounts.isEmpty() ||
        std::any_of(clientCounts.begin(), clientCounts.end(), [](int n) { return n < 1; })) {
        std::fprintf(stderr, "bad --seconds or --clients\n");
        return 2;
    }

    const double ceiling = sqliteCeiling(std::min(seconds, 3.0));
    std::printf("{\"bench\": \"sqlite_durable_commits\", \"per_s\": %.1f}\n", ceiling);
    std::fflush(stdout);

    StubTestClient setup;
    if (!setup.start()) {
        std::fprintf(stderr, "cannot start the gateway: %s\n", qPrintable(setup.lastError()));
        return 1;
    }
    Mode mode = Mode::Standin;
    if (modeArg == QLatin1String("payments")) {
        mode = Mode::Payments;
    } else if (modeArg == QLatin1String("auto")) {
        // The quotes route exists when an unsigned POST is refused for its signature, not as unknown.
        const Reply probe = setup.post(QStringLiteral("/v1/quotes"));
        mode = probe.status == 404 ? Mode::Standin : Mode::Payments;
    }
    const int maxClients = *std::max_element(clientCounts.begin(), clientCounts.end());
    std::vector<TestWallet> wallets;
    for (int i = 0; i < maxClients; ++i) {
        TestWallet wallet = setup.enrollWallet();
        if (wallet.walletId.isEmpty() || !setup.signIn(wallet)) {
            std::fprintf(stderr, "enrollment failed: %s\n", qPrintable(setup.lastError()));
            return 1;
        }
        if (mode == Mode::Payments && !preparePayments(setup, wallet)) {
            std::fprintf(stderr, "payment setup failed: %s\n", qPrintable(setup.lastError()));
            return 1;
        }
        wallets.push_back(wallet);
    }
    const qint64 serverTime = setup.clock->nowSecs(); // a ManualClock: fixed, so sessions never go idle

    int status = 0;
    for (const int clients : clientCounts) {
        std::atomic<bool> stop{false};
        std::atomic<int> failures{0};
        auto latencies = std::vector<std::vector<double>>(size_t(clients));
        QByteArray firstFailure;
        std::atomic_flag failureTaken = ATOMIC_FLAG_INIT;
        std::vector<std::thread> threads;
        const auto start = Clock_::now();
        for (int c = 0; c < clients; ++c) {
            threads.emplace_back([&, c] {
                RawClient client(setup.port(), wallets.at(size_t(c)), serverTime);
                std::vector<double> &mine = latencies.at(size_t(c));
                mine.reserve(100000);
                qint64 iteration = 0;
                while (!stop.load(std::memory_order_relaxed)) {
                    const auto t0 = Clock_::now();
                    QByteArray why;
                    if (!iterate(mode, client, iteration++, &why)) {
                        if (!failureTaken.test_and_set())
                            firstFailure = why;
                        failures.fetch_add(1);
                        return;
                    }
                    mine.push_back(std::chrono::duration<double, std::milli>(Clock_::now() - t0).count());
                }
            });
        }
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
        stop = true;
        for (auto &thread : threads)
            thread.join();
        const double elapsed = secondsSince(start);
        std::vector<double> all;
        for (const auto &mine : latencies)
            all.insert(all.end(), mine.begin(), mine.end());
        std::sort(all.begin(), all.end());
        const double perSecond = double(all.size()) / elapsed;
        std::printf(
            "{\"bench\": \"%s\", \"clients\": %d, \"payments\": %zu, \"payments_per_s\": %.1f, "
            "\"p50_ms\": %.2f, \"p99_ms\": %.2f, \"ratio_to_sqlite\": %.2f, \"requests_per_s\": %.1f, "
            "\"failures\": %d}\n",
            mode == Mode::Standin ? "gateway_write_standin" : "gateway", clients, all.size(), perSecond,
            percentile(all, 0.50), percentile(all, 0.99), ceiling > 0 ? perSecond / ceiling : 0.0,
            2 * perSecond, failures.load());
        std::fflush(stdout);
        if (failures.load() > 0) {
            std::fprintf(stderr, "first failure: %s\n", firstFailure.constData());
            status = 1;
        }
    }
    setup.stop();
    return status;
}
