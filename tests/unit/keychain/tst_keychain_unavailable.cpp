// SecretStore and DataKeyProvider when there is no keychain, for real:
//  - mode "no-secret-service": ctest runs this inside its own dbus-run-session whose bus config
//    (no-secret-service-bus.conf) has no service directories, so no Secret Service can be activated;
//  - mode "no-dbus": no session bus at all (no DBUS_SESSION_BUS_ADDRESS, no DISPLAY, an empty
//    XDG_RUNTIME_DIR).
// Expected: a NoBackend answer with a translated message well within the watchdog time, no key created,
// no crash, no hang, and no file written under fresh HOME / XDG_* folders (no insecure fallback).
// In the no-secret-service mode a fake provider that never answers (a stopped process owning
// org.freedesktop.secrets) proves the watchdog: TimedOut exactly once, late answers ignored.

#include "keychain_test_support.h"

#include "crypto/random.h"
#include "keychain/data_key_provider.h"
#include "keychain/secret_store.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/types.h>
#include <unistd.h>

using namespace bw::keychain;
using namespace bw::keychain::test;

namespace {

constexpr auto kWatchdog = std::chrono::milliseconds(5000);
const char *const kModeVariable = "BW_KEYCHAIN_TEST_MODE";
const char *const kHelperVariable = "BW_KEYCHAIN_TEST_HELPER";

// The folders where an insecure fallback (or anything else) could write; all fresh and empty.
const char *const kWatchedVariables[] = {"HOME",           "XDG_DATA_HOME",  "XDG_CONFIG_HOME",
                                         "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"};

QStringList filesUnder(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    return found;
}

// Counts calls; a key generator that must never be called in these tests.
bw::keychain::DataKeyProvider::KeyGenerator countingGenerator(std::shared_ptr<int> calls)
{
    return [calls] {
        ++*calls;
        return bw::crypto::randomKey32();
    };
}

} // namespace

class KeychainUnavailableTest : public QObject
{
    Q_OBJECT

public:
    explicit KeychainUnavailableTest(QByteArray mode)
        : m_mode(std::move(mode))
    {}

private:
    void checkNoBackend(const KeychainResult &result, qint64 elapsedMs, int calls, bool synchronous)
    {
        qInfo().noquote() << "backend said:" << keychainStatusCode(result.status) << result.detail << "after"
                          << elapsedMs << "ms";
        QCOMPARE(result.status, KeychainStatus::NoBackend);
        QVERIFY(!result.message.isEmpty());
        QCOMPARE(result.message, keychainStatusMessage(KeychainStatus::NoBackend));
        QCOMPARE(calls, 1);
        QVERIFY(!synchronous);
        // Answered by the backend, well before the watchdog would have fired.
        QVERIFY2(elapsedMs < kWatchdog.count(), qPrintable(QString::number(elapsedMs)));
    }

    QByteArray m_mode;
    SecretStore m_store;

private Q_SLOTS:
    void initTestCase()
    {
        m_store.setTimeout(kWatchdog);
        if (m_mode == "no-dbus") {
            QVERIFY(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
            QVERIFY(qEnvironmentVariableIsEmpty("DISPLAY"));
            QVERIFY(!QFileInfo::exists(qEnvironmentVariable("XDG_RUNTIME_DIR") + QStringLiteral("/bus")));
        } else {
            // Prove the premise: a working session bus on which no Secret Service exists or can be started.
            QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                     "run under dbus-run-session --config-file=no-secret-service-bus.conf");
            QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
            QVERIFY(bus);
            QVERIFY(!bus->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value());
            QDBusReply<QStringList> activatable = bus->call(QStringLiteral("ListActivatableNames"));
            QVERIFY(activatable.isValid());
            QVERIFY(!activatable.value().contains(QStringLiteral("org.freedesktop.secrets")));
        }
    }

    void readWriteRemoveReportNoBackend()
    {
        // Twice: the second attempt must not hang on state left by the first.
        for (int attempt = 0; attempt < 2; ++attempt) {
            const ReadOutcome read = readAndWait(m_store, QStringLiteral("unavailable"));
            checkNoBackend(read.result, read.elapsedMs, read.calls, read.synchronous);
            QVERIFY(read.value.isEmpty());
            const DoneOutcome written =
                writeAndWait(m_store, QStringLiteral("unavailable"), QByteArray("\0s", 2));
            checkNoBackend(written.result, written.elapsedMs, written.calls, written.synchronous);
            const DoneOutcome removed = removeAndWait(m_store, QStringLiteral("unavailable"));
            checkNoBackend(removed.result, removed.elapsedMs, removed.calls, removed.synchronous);
        }
        QCOMPARE(m_store.pendingCount(), 0);
    }

    void dataKeyIsNotCreated()
    {
        auto generated = std::make_shared<int>(0);
        DataKeyProvider provider(&m_store, DataKeyProvider::defaultKeyName(), countingGenerator(generated));
        const KeyOutcome outcome = requestKeyAndWait(provider, m_store);
        checkNoBackend(outcome.result.result, outcome.elapsedMs, outcome.calls, outcome.synchronous);
        QVERIFY(outcome.result.key.isEmpty());
        QVERIFY(!outcome.result.created);
        QCOMPARE(*generated, 0);
    }

    // Nothing may land in any of the fresh folders (QtKeychain's insecure fallback would write a
    // QSettings file under XDG_CONFIG_HOME).
    void nothingWrittenAnywhere()
    {
        for (const char *variable : kWatchedVariables) {
            const QString dir = qEnvironmentVariable(variable);
            QVERIFY2(!dir.isEmpty() && QFileInfo(dir).isDir(), variable);
            const QStringList found = filesUnder(dir);
            QVERIFY2(found.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(variable, found.join(u' '))));
        }
    }
};

// A Secret Service that never answers: a helper process owns org.freedesktop.secrets and is stopped.
class KeychainHangTest : public QObject
{
    Q_OBJECT

private:
    QProcess m_provider;
    SecretStore m_store;

    bool startStoppedProvider()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QString::fromLatin1(kHelperVariable), QStringLiteral("own-secret-service-name"));
        m_provider.setProcessEnvironment(env);
        m_provider.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_provider.start(QCoreApplication::applicationFilePath(), {});
        if (!m_provider.waitForStarted(10000))
            return false;
        while (!m_provider.canReadLine()) {
            if (!m_provider.waitForReadyRead(10000))
                return false;
        }
        if (m_provider.readLine().trimmed() != "ready")
            return false;
        return ::kill(static_cast<pid_t>(m_provider.processId()), SIGSTOP) == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startStoppedProvider());
        QVERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(
            QStringLiteral("org.freedesktop.secrets")));
    }

    void cleanupTestCase()
    {
        if (m_provider.state() != QProcess::NotRunning) {
            m_provider.kill();
            m_provider.waitForFinished(10000);
        }
    }

    void watchdogAnswersTimedOutOnceThenIgnoresLateAnswers()
    {
        constexpr auto watchdog = std::chrono::milliseconds(800);
        constexpr qint64 marginMs = 2000;
        m_store.setTimeout(watchdog);

        const ReadOutcome read = readAndWait(m_store, QStringLiteral("hang-read"));
        QCOMPARE(read.result.status, KeychainStatus::TimedOut);
        QCOMPARE(read.result.message, keychainStatusMessage(KeychainStatus::TimedOut));
        QVERIFY(read.value.isEmpty());
        QCOMPARE(read.calls, 1);
        QVERIFY2(read.elapsedMs >= watchdog.count() - 50 && read.elapsedMs < watchdog.count() + marginMs,
                 qPrintable(QString::number(read.elapsedMs)));

        // A write queued behind the hung job gets its own watchdog answer.
        auto writeCalls = std::make_shared<int>(0);
        auto writeStatus = std::make_shared<KeychainStatus>(KeychainStatus::Ok);
        QElapsedTimer writeTimer;
        writeTimer.start();
        m_store.write(QStringLiteral("hang-write"), "value",
                      [writeCalls, writeStatus](const KeychainResult &r) {
                          ++*writeCalls;
                          *writeStatus = r.status;
                      });
        QVERIFY(QTest::qWaitFor([&] { return *writeCalls > 0; }, watchdog.count() + marginMs));
        QVERIFY(writeTimer.elapsed() < watchdog.count() + marginMs);
        QCOMPARE(*writeStatus, KeychainStatus::TimedOut);

        // DataKeyProvider: TimedOut is an error like any other, no key is made.
        auto generated = std::make_shared<int>(0);
        DataKeyProvider provider(&m_store, QStringLiteral("hang-key"), countingGenerator(generated));
        const KeyOutcome key = requestKeyAndWait(provider, m_store);
        QCOMPARE(key.result.result.status, KeychainStatus::TimedOut);
        QCOMPARE(key.calls, 1);
        QVERIFY(key.result.key.isEmpty());
        QCOMPARE(*generated, 0);
        QCOMPARE(m_store.pendingCount(), 0);

        // Now the provider dies: the hung D-Bus calls fail, the stuck jobs finish late, and the store must
        // ignore their answers. A fresh request, queued behind them, answering NoBackend proves they did.
        QCOMPARE(::kill(static_cast<pid_t>(m_provider.processId()), SIGKILL), 0);
        QVERIFY(m_provider.waitForFinished(10000));
        m_store.setTimeout(std::chrono::seconds(10));
        const ReadOutcome after = readAndWait(m_store, QStringLiteral("after-hang"));
        QCOMPARE(after.result.status, KeychainStatus::NoBackend);
        QTest::qWait(200);
        QCOMPARE(*writeCalls, 1);
        QCOMPARE(*generated, 0);
        QCOMPARE(m_store.pendingCount(), 0);
    }
};

namespace {

// Helper process for KeychainHangTest: owns the Secret Service name and never answers (it is stopped).
int runSilentProvider(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (!QDBusConnection::sessionBus().registerService(QStringLiteral("org.freedesktop.secrets")))
        return 2;
    std::printf("ready\n");
    std::fflush(stdout);
    return app.exec();
}

bool makeFreshFolders(std::vector<QByteArray> &made)
{
    const QByteArray tmp = qEnvironmentVariableIsEmpty("TMPDIR") ? QByteArray("/tmp") : qgetenv("TMPDIR");
    for (const char *variable : kWatchedVariables) {
        QByteArray path = tmp + "/bw-keychain-test-XXXXXX";
        if (!::mkdtemp(path.data()))
            return false;
        qputenv(variable, path);
        made.push_back(path);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (qgetenv(kHelperVariable) == "own-secret-service-name")
        return runSilentProvider(argc, argv);

    const QByteArray mode = qgetenv(kModeVariable);
    if (mode != "no-secret-service" && mode != "no-dbus") {
        std::fprintf(stderr, "set %s to no-secret-service or no-dbus\n", kModeVariable);
        return 2;
    }
    if (mode == "no-dbus") {
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
    }
    // Before anything (Qt, GLib, QtKeychain) reads them.
    std::vector<QByteArray> folders;
    if (!makeFreshFolders(folders)) {
        std::perror("mkdtemp");
        return 2;
    }

    QCoreApplication app(argc, argv);
    int failures = 0;
    {
        KeychainUnavailableTest unavailable(mode);
        failures += QTest::qExec(&unavailable, argc, argv);
    }
    if (mode == "no-secret-service") {
        KeychainHangTest hang;
        failures += QTest::qExec(&hang, argc, argv);
    }
    for (const QByteArray &folder : folders)
        QDir(QString::fromLocal8Bit(folder)).removeRecursively();
    return failures;
}

#include "tst_keychain_unavailable.moc"
