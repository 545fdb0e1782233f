// GatewayClient when things go wrong, against the real stub's fault injection: time limits (a GET retried,
// a POST never), injected 503s (GETs retried until they succeed, POSTs reported at once), 429 with
// Retry-After (the stub answers 429 only for OTP resends, which are POSTs and never retried, so a small
// in-test HTTP responder plays a rate-limiting gateway for the GET case), cancellation and destruction,
// the http/https URL policy, and TLS with the stub serving a self-signed test certificate: the right pin
// connects, a wrong pin and no pin fail with kind Tls.
#include "gateway_test_support.h"

#include "core/resident_id_validator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace bw::gateway;
using namespace bw::gateway::test;

namespace {

QString dataFile(const char *name)
{
    return QStringLiteral(BW_GATEWAY_TEST_DATA "/") + QLatin1String(name);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

RetryPolicy fastRetries(int attempts)
{
    RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelay = std::chrono::milliseconds(5);
    policy.maxDelay = std::chrono::milliseconds(20);
    return policy;
}

// A minimal HTTP/1.1 responder: answers each request with the next canned response and records when each
// request arrived. Stands in for a gateway that rate-limits (the stub never sends 429 to a GET).
class CannedServer : public QObject
{
public:
    explicit CannedServer(QList<QByteArray> responses)
        : m_responses(std::move(responses))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    if (!m_buffers[socket].contains("\r\n\r\n"))
                        return;
                    m_buffers[socket].clear();
                    m_arrivals.append(m_clock.elapsed());
                    const QByteArray response =
                        m_responses.isEmpty() ? QByteArray() : m_responses.takeFirst();
                    socket->write(response);
                    socket->flush();
                });
            }
        });
        m_clock.start();
    }
    quint16 port() const { return m_server.serverPort(); }
    const QList<qint64> &arrivals() const { return m_arrivals; }

    static QByteArray response(int status, const QByteArray &reason, const QByteArray &body,
                               const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
               "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
               "\r\n" + extraHeaders + "\r\n" + body;
    }

private:
    QTcpServer m_server;
    QList<QByteArray> m_responses;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<qint64> m_arrivals;
    QElapsedTimer m_clock;
};

// Through the client: a verified wallet (tier 2 after a debit card), signed in, topped up with CNY 500.
bool setUpWallet(GatewayClient &client, const QString &phone, QString *walletId)
{
    const auto code = [&client, &phone] {
        auto box = await<QList<OutboxMessage>>([&](auto done) { client.devOutbox(phone, done); });
        return box && !box->isEmpty() ? box->first().code : QString();
    };
    auto started = await<EnrollmentStart>([&](auto done) {
        client.createEnrollment(
            {QStringLiteral("bnk_demo"), QStringLiteral("Li Lei"), phone, QStringLiteral("li@example.com")},
            done);
    });
    if (!started)
        return false;
    const QString id = started->enrollmentId;
    if (!await<EnrollmentVerify>([&](auto done) { client.verifyEnrollmentOtp(id, code(), done); }))
        return false;
    IdentityRequest identity;
    const QString first17 = QStringLiteral("11010519900307123");
    identity.documentNumber = first17 + bw::core::ResidentIdValidator::checkCharacter(first17);
    identity.dateOfBirth = QDate(1990, 3, 7);
    if (!await<EnrollmentIdentity>([&](auto done) { client.submitIdentity(id, identity, done); }))
        return false;
    auto credentials = await<EnrollmentCredentials>([&](auto done) {
        client.completeEnrollment(
            id,
            {QStringLiteral("Correct-Horse-Battery-42"), QStringLiteral("370915"), QStringLiteral("Test")},
            done);
    });
    if (!credentials)
        return false;
    *walletId = credentials->device.walletId;
    client.setDeviceCredentials(credentials->device.deviceId, std::move(credentials->device.deviceSecret));
    if (!await<Session>(
            [&](auto done) { client.createSession(QStringLiteral("Correct-Horse-Battery-42"), done); }))
        return false;
    auto card = await<PaymentMethod>([&](auto done) {
        client.addCard({QStringLiteral("6212345678901232"), 12, QDate::currentDate().year() + 3,
                        QStringLiteral("123"), QStringLiteral("Li Lei")},
                       done);
    });
    if (!card)
        return false;
    QuoteRequest topUp;
    topUp.kind = QuoteKind::TopUp;
    topUp.amount = Money(50000, *bw::core::Currency::fromCode(u"CNY"));
    topUp.source = card->id;
    auto quote = await<Quote>([&](auto done) { client.createQuote(topUp, done); });
    if (!quote)
        return false;
    PaymentRequest pay{quote->quoteId, QStringLiteral("370915"), {}, {}};
    if (quote->requiresOtp()) {
        if (!await<NoContent>([&](auto done) { client.sendQuoteOtp(quote->quoteId, done); }))
            return false;
        pay.otp = code();
    }
    return bool(await<Payment>(
        [&](auto done) { client.createPayment(pay, GatewayClient::newIdempotencyKey(), done); }));
}

} // namespace

class GatewayFaultsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The stub answers after 1.5 s; the client gives each attempt 300 ms.
    void timeouts()
    {
        StubOptions options;
        options.latencyMs = 1500;
        TestStub stub(options);
        QVERIFY2(stub.port() != 0, qPrintable(stub.error()));
        GatewayClient client;
        QVERIFY(!client.setBaseUrl(stub.url()).isError());
        client.setTotalTimeout(std::chrono::milliseconds(300));
        client.setRetryPolicy(fastRetries(3));

        // A GET is retried, then reported as Timeout.
        QElapsedTimer elapsed;
        elapsed.start();
        auto banks = await<QList<Bank>>([&](auto done) { client.listBanks(done); });
        QVERIFY(!banks.ok());
        QCOMPARE(banks.error().kind, ErrorKind::Timeout);
        QCOMPARE(banks.error().attempts, 3);
        QVERIFY2(elapsed.elapsed() >= 3 * 300, qPrintable(QString::number(elapsed.elapsed())));
        QVERIFY(elapsed.elapsed() < 1500 * 3); // the client did not wait for the server's answers
        QVERIFY(!banks.error().userMessage().isEmpty());
        QCOMPARE(client.retryCount(), quint64(2));

        // A POST that is not a payment is never retried: one attempt, Timeout.
        EnrollmentRequest request{QStringLiteral("bnk_demo"), QStringLiteral("Li Lei"),
                                  QStringLiteral("+8613900000001"), QStringLiteral("li@example.com")};
        auto started = await<EnrollmentStart>([&](auto done) { client.createEnrollment(request, done); });
        QCOMPARE(started.error().kind, ErrorKind::Timeout);
        QCOMPARE(started.error().attempts, 1);
        QCOMPARE(client.retryCount(), quint64(2));

        // With a total limit above the latency, the same GET succeeds.
        client.setTotalTimeout(std::chrono::milliseconds(10000));
        auto ok = await<QList<Bank>>([&](auto done) { client.listBanks(done); });
        VERIFY_OK(ok);
    }

    // --fail-rate: half of all /v1 requests answer 503 injected_fault before any change.
    void injectedFaults()
    {
        StubOptions options;
        options.failRate = 0.5;
        options.seed = 11;
        TestStub stub(options);
        QVERIFY2(stub.port() != 0, qPrintable(stub.error()));
        GatewayClient client;
        QVERIFY(!client.setBaseUrl(stub.url()).isError());
        client.setRetryPolicy(fastRetries(12));

        // GETs are retried until they succeed.
        for (int i = 0; i < 12; ++i) {
            auto banks = await<QList<Bank>>([&](auto done) { client.listBanks(done); });
            VERIFY_OK(banks);
        }
        QVERIFY2(client.retryCount() > 0, "no injected fault was met: the test proves nothing");

        // POSTs (other than payments) are not: a 503 comes back after one attempt.
        const quint64 retriesBefore = client.retryCount();
        int faults = 0;
        for (int i = 0; i < 12; ++i) {
            EnrollmentRequest request{QStringLiteral("bnk_demo"), QStringLiteral("Li Lei"),
                                      QStringLiteral("+86139%1").arg(10000000 + i),
                                      QStringLiteral("li@example.com")};
            auto started = await<EnrollmentStart>([&](auto done) { client.createEnrollment(request, done); });
            if (!started.ok()) {
                VERIFY_API_ERROR(started, "injected_fault");
                QCOMPARE(started.error().httpStatus, 503);
                QCOMPARE(started.error().attempts, 1);
                QVERIFY(started.error().userMessage() != genericApiErrorMessage());
                ++faults;
            }
        }
        QVERIFY2(faults > 0, "no POST met a fault: the test proves nothing");
        QCOMPARE(client.retryCount(), retriesBefore);
    }

    // A 429 with Retry-After: 1 on a GET is retried no sooner than a second later.
    void retryAfterHonoured()
    {
        const QByteArray limited =
            R"({"error":{"type":"rate_limit_error","code":"rate_limited","message":"Slow down.","retry_after":1}})";
        CannedServer server({CannedServer::response(429, "Too Many Requests", limited, "Retry-After: 1\r\n"),
                             CannedServer::response(200, "OK", R"({"status":"ok"})")});
        GatewayClient client;
        QVERIFY(!client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()))).isError());
        client.setRetryPolicy(fastRetries(3));
        auto health = await<Health>([&](auto done) { client.health(done); });
        VERIFY_OK(health);
        QCOMPARE(server.arrivals().size(), 2);
        const qint64 gap = server.arrivals().at(1) - server.arrivals().at(0);
        QVERIFY2(gap >= 950, qPrintable(QString::number(gap)));

        // A Retry-After beyond the policy's maximum is returned to the caller at once, with the wait.
        const QByteArray hour =
            R"({"error":{"type":"rate_limit_error","code":"rate_limited","message":"Slow down."}})";
        CannedServer slow({CannedServer::response(429, "Too Many Requests", hour, "Retry-After: 3600\r\n")});
        GatewayClient client2;
        QVERIFY(!client2.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(slow.port()))).isError());
        auto refused = await<Health>([&](auto done) { client2.health(done); });
        VERIFY_API_ERROR(refused, "rate_limited");
        QCOMPARE(refused.error().retryAfterSecs, std::optional<int>(3600)); // from the header
        QCOMPARE(refused.error().attempts, 1);

        // Not the contract's envelope: kind Http with the status.
        CannedServer proxy({CannedServer::response(502, "Bad Gateway", "<html>bad gateway</html>")});
        GatewayClient client3;
        client3.setRetryPolicy(fastRetries(1));
        QVERIFY(!client3.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()))).isError());
        auto bad = await<Health>([&](auto done) { client3.health(done); });
        QCOMPARE(bad.error().kind, ErrorKind::Http);
        QCOMPARE(bad.error().httpStatus, 502);

        // A 2xx whose JSON breaks the contract: kind Decode.
        CannedServer broken({CannedServer::response(200, "OK", R"({"data":[{"id":"bnk_x"}]})")});
        GatewayClient client4;
        QVERIFY(
            !client4.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(broken.port()))).isError());
        auto decoded = await<QList<Bank>>([&](auto done) { client4.listBanks(done); });
        QCOMPARE(decoded.error().kind, ErrorKind::Decode);
        QCOMPARE(decoded.error().param, QStringLiteral("data[0].name"));
    }

    // POST /v1/payments is retried with the same Idempotency-Key and body: the stub commits the payment and
    // drops every answer; after a restart without faults the same key returns the one payment (a replay),
    // and the feed holds exactly one payment for the quote.
    void paymentRetriedWithSameKey()
    {
        QTemporaryDir dir;
        StubOptions options;
        options.dbPath = dir.filePath(QStringLiteral("stub.sqlite"));
        auto stub = std::make_unique<TestStub>(options);
        QVERIFY2(stub->port() != 0, qPrintable(stub->error()));
        GatewayClient client;
        QVERIFY(!client.setBaseUrl(stub->url()).isError());
        client.setRetryPolicy(fastRetries(3));
        const QString phone = QStringLiteral("+8613955501234");
        QString walletId;
        QVERIFY(setUpWallet(client, phone, &walletId));

        QuoteRequest request;
        request.kind = QuoteKind::Payment;
        request.amount = Money(2500, *bw::core::Currency::fromCode(u"CNY"));
        request.merchantId = QStringLiteral("mer_lantern_coffee");
        auto quote = await<Quote>([&](auto done) { client.createQuote(request, done); });
        VERIFY_OK(quote);
        auto sent = await<NoContent>([&](auto done) { client.sendQuoteOtp(quote->quoteId, done); });
        VERIFY_OK(sent);
        auto box = await<QList<OutboxMessage>>([&](auto done) { client.devOutbox(phone, done); });
        VERIFY_OK(box);
        const PaymentRequest pay{quote->quoteId, QStringLiteral("370915"), box->first().code, {}};
        const QString key = GatewayClient::newIdempotencyKey();

        // Every answer to a payment is lost after its commit.
        stub.reset();
        options.dropAfterCommitRate = 1.0;
        stub = std::make_unique<TestStub>(options);
        QVERIFY2(stub->port() != 0, qPrintable(stub->error()));
        QVERIFY(!client.setBaseUrl(stub->url()).isError());
        const quint64 retriesBefore = client.retryCount();
        auto lost = await<Payment>([&](auto done) { client.createPayment(pay, key, done); });
        QVERIFY(!lost.ok());
        QVERIFY2(lost.error().kind == ErrorKind::Network, qPrintable(lost.error().summary()));
        QCOMPARE(lost.error().attempts, 3);
        QCOMPARE(client.retryCount(), retriesBefore + 2);

        // The network is back: the same action, the same key.
        stub.reset();
        options.dropAfterCommitRate = 0;
        stub = std::make_unique<TestStub>(options);
        QVERIFY2(stub->port() != 0, qPrintable(stub->error()));
        QVERIFY(!client.setBaseUrl(stub->url()).isError());
        auto paid = await<Payment>([&](auto done) { client.createPayment(pay, key, done); });
        VERIFY_OK(paid);
        QVERIFY(paid->replayed);
        QCOMPARE(paid->status, PaymentStatus::Succeeded);
        auto found = await<std::optional<Payment>>(
            [&](auto done) { client.findPaymentByQuote(quote->quoteId, done); });
        VERIFY_OK(found);
        QVERIFY(found->has_value());
        QCOMPARE((*found)->id, paid->id);
        auto feed =
            await<TransactionPage>([&](auto done) { client.listTransactions(QString(), 1000, done); });
        VERIFY_OK(feed);
        QCOMPARE(std::count_if(feed->data.begin(), feed->data.end(),
                               [](const Transaction &t) {
                                   return t.counterparty.id == QLatin1String("mer_lantern_coffee");
                               }),
                 1);
        auto wallet = await<Wallet>([&](auto done) { client.getWallet(done); });
        VERIFY_OK(wallet);
        QCOMPARE(wallet->balances.first().available.minorUnits(), 50000 - 2500);
        auto ledger = await<LedgerCheck>([&](auto done) { client.devLedgerCheck(done); });
        VERIFY_OK(ledger);
        QVERIFY(ledger->balanced);
    }

    void cancelAndDestroy()
    {
        StubOptions options;
        options.latencyMs = 800;
        TestStub stub(options);
        QVERIFY2(stub.port() != 0, qPrintable(stub.error()));
        GatewayClient client;
        QVERIFY(!client.setBaseUrl(stub.url()).isError());
        std::optional<Result<Health>> out;
        const RequestId id = client.health([&](Result<Health> r) { out.emplace(std::move(r)); });
        QCOMPARE(client.pendingCount(), 1);
        client.cancel(id);
        QVERIFY(!out.has_value()); // never from inside cancel()
        QTRY_VERIFY(out.has_value());
        QCOMPARE(out->error().kind, ErrorKind::Cancelled);
        QCOMPARE(client.pendingCount(), 0);

        // Destroyed with a request in flight: its callback never runs.
        bool called = false;
        {
            auto doomed = std::make_unique<GatewayClient>();
            QVERIFY(!doomed->setBaseUrl(stub.url()).isError());
            doomed->health([&called](Result<Health>) { called = true; });
            QTest::qWait(50); // the request is on the wire
        }
        QTest::qWait(1200); // longer than the stub's latency: an answer would have arrived by now
        QVERIFY(!called);
    }

    // Plain http only to this computer; everything else needs https.
    void urlPolicy()
    {
        GatewayClient client;
        const GatewayError remote = client.setBaseUrl(QUrl(QStringLiteral("http://bank.example.com")));
        QCOMPARE(remote.kind, ErrorKind::Configuration);
        QCOMPARE(remote.code, QStringLiteral("insecure_url"));
        QVERIFY(remote.userMessage().contains(QStringLiteral("https://")));
        QCOMPARE(client.setBaseUrl(QUrl(QStringLiteral("http://10.1.2.3:8080"))).code,
                 QStringLiteral("insecure_url"));
        QCOMPARE(client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1.example.com"))).code,
                 QStringLiteral("insecure_url"));
        QCOMPARE(client.setBaseUrl(QUrl(QStringLiteral("ftp://127.0.0.1"))).code,
                 QStringLiteral("invalid_url"));
        QCOMPARE(client.setBaseUrl(QUrl(QStringLiteral("not a url"))).code, QStringLiteral("invalid_url"));
        // Never set: every call answers the configuration error, after the call returns, without sending.
        bool answered = false;
        client.health([&answered](Result<Health> r) {
            answered = true;
            QCOMPARE(r.error().kind, ErrorKind::Configuration);
        });
        QVERIFY(!answered);
        QTRY_VERIFY(answered);

        for (const char *ok :
             {"http://127.0.0.1:8080", "http://127.0.0.2", "http://localhost:1", "http://[::1]:8080",
              "https://bank.example.com", "https://bank.example.com/gateway/"})
            QVERIFY2(!client.setBaseUrl(QUrl(QLatin1String(ok))).isError(), ok);
        QCOMPARE(client.baseUrl(), QUrl(QStringLiteral("https://bank.example.com/gateway")));
        // A refused URL keeps the previous one.
        QVERIFY(client.setBaseUrl(QUrl(QStringLiteral("http://bank.example.com"))).isError());
        QCOMPARE(client.baseUrl(), QUrl(QStringLiteral("https://bank.example.com/gateway")));
    }

    // The stub serves HTTPS with a self-signed test certificate (tests/gateway/data).
    void tlsPinning()
    {
        const QByteArray certificate = readFile(dataFile("test-server.cert.pem"));
        QVERIFY(!certificate.isEmpty());
        const QByteArray pin =
            QByteArray::fromHex(readFile(dataFile("test-server.spki-sha256.hex")).trimmed());
        QCOMPARE(pin.size(), 32);
        // Qt's view of the key matches the pin the openssl CLI computed.
        QCOMPARE(GatewayClient::publicKeySha256OfCertificate(certificate), pin);

        StubOptions options;
        options.tlsCertificatePath = dataFile("test-server.cert.pem");
        options.tlsKeyPath = dataFile("test-server.key.pem");
        TestStub stub(options);
        QVERIFY2(stub.port() != 0, qPrintable(stub.error()));
        const QUrl https = stub.url(QStringLiteral("https"));

        // The right pin: connects and calls succeed (public and demo calls, several on one connection).
        {
            GatewayClient client;
            QVERIFY(!client.setBaseUrl(https).isError());
            client.setPinnedPublicKeySha256({pin});
            auto health = await<Health>([&](auto done) { client.health(done); });
            VERIFY_OK(health);
            auto banks = await<QList<Bank>>([&](auto done) { client.listBanks(done); });
            VERIFY_OK(banks);
            QVERIFY(!banks->isEmpty());
            auto ledger = await<LedgerCheck>([&](auto done) { client.devLedgerCheck(done); });
            VERIFY_OK(ledger);
            QVERIFY(ledger->balanced);
        }
        // A wrong pin: refused with kind Tls, and never retried into success.
        {
            GatewayClient client;
            QVERIFY(!client.setBaseUrl(https).isError());
            QByteArray wrong = pin;
            wrong[0] = char(wrong[0] ^ 0x01);
            client.setPinnedPublicKeySha256({wrong});
            auto health = await<Health>([&](auto done) { client.health(done); });
            QVERIFY(!health.ok());
            QCOMPARE(health.error().kind, ErrorKind::Tls);
            QVERIFY(!health.error().userMessage().isEmpty());
        }
        // No pin: the self-signed certificate is not trusted.
        {
            GatewayClient client;
            QVERIFY(!client.setBaseUrl(https).isError());
            auto health = await<Health>([&](auto done) { client.health(done); });
            QVERIFY(!health.ok());
            QCOMPARE(health.error().kind, ErrorKind::Tls);
        }
        // Plain http to the TLS port is not an answer either (and never a crash).
        {
            GatewayClient client;
            client.setRetryPolicy(fastRetries(1));
            client.setTotalTimeout(std::chrono::milliseconds(3000));
            QVERIFY(!client.setBaseUrl(stub.url()).isError());
            auto health = await<Health>([&](auto done) { client.health(done); });
            QVERIFY(!health.ok());
        }
    }
};

QTEST_GUILESS_MAIN(GatewayFaultsTest)
#include "test_gateway_faults.moc"
