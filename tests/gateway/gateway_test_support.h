// Shared by the gateway client tests: start the real stub in-process (EmbeddedGateway on 127.0.0.1, port 0,
// the system clock so that request signatures and TOTP codes use real time, cheap scrypt) and wait for a
// GatewayClient callback by running the event loop until it has answered.
#pragma once

#include "gateway/gateway_client.h"
#include "stub/embedded_gateway.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace bw::gateway::test {

struct StubOptions
{
    bool demo = true;
    int latencyMs = 0;
    double failRate = 0;
    quint64 seed = 7;
    double dropAfterCommitRate = 0;
    QString dbPath; // empty: a file in the stub's own temporary folder
    QString tlsCertificatePath;
    QString tlsKeyPath;
};

// A running stub on a temporary database. port() == 0 when start() failed (error() says why).
class TestStub
{
public:
    explicit TestStub(const StubOptions &options = {})
    {
        stub::StubConfig config;
        config.dbPath =
            options.dbPath.isEmpty() ? m_dir.filePath(QStringLiteral("stub.sqlite")) : options.dbPath;
        config.dropAfterCommitRate = options.dropAfterCommitRate;
        config.demo = options.demo;
        config.latencyMs = options.latencyMs;
        config.failRate = options.failRate;
        config.seed = options.seed;
        config.scrypt.n = 1u << 10; // cheap for tests
        config.tlsCertificatePath = options.tlsCertificatePath;
        config.tlsKeyPath = options.tlsKeyPath;
        m_gateway = std::make_unique<stub::EmbeddedGateway>(config);
        m_port = m_gateway->start(&m_error);
    }
    quint16 port() const { return m_port; }
    QString error() const { return m_error; }
    QUrl url(const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(m_port));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<stub::EmbeddedGateway> m_gateway;
    QString m_error;
    quint16 m_port = 0;
};

// Starts a call and runs the event loop until its callback has answered (at most timeoutMs).
template<typename T>
Result<T> await(const std::function<void(Callback<T>)> &start, int timeoutMs = 60000)
{
    std::optional<Result<T>> out;
    start([&out](Result<T> result) { out.emplace(std::move(result)); });
    if (!QTest::qWaitFor([&out] { return out.has_value(); }, timeoutMs))
        return GatewayError::make(ErrorKind::Timeout, QStringLiteral("test_wait"),
                                  QStringLiteral("the callback did not answer within the test's time"));
    return std::move(*out);
}

} // namespace bw::gateway::test

// QVERIFY that a Result is ok, printing the error otherwise.
#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable((result).error().summary()))
// QVERIFY that a Result is the contract error `code`.
#define VERIFY_API_ERROR(result, expectedCode)                                                               \
    QVERIFY2(!(result).ok() && (result).error().is(QStringLiteral(expectedCode)),                            \
             qPrintable(QStringLiteral("expected %1, got %2")                                                \
                            .arg(QStringLiteral(expectedCode),                                               \
                                 (result).ok() ? QStringLiteral("ok") : (result).error().summary())))
