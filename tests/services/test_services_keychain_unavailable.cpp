// The services when the desktop has no keychain: ctest runs this test in its own dbus-run-session whose bus
// (tests/unit/keychain/no-secret-service-bus.conf) has no service directories, so no Secret Service
// provider exists (the real failure of a desktop without gnome-keyring/KWallet). Expected: ServiceContext,
// OnboardingService and SessionService answer a typed keychain error (NoBackend, with a translated
// message) quickly, nothing is sent to the bank, and NO file is created in the wallet's data folder — no
// database (which could hold personal data), no settings, nothing that could hold a secret.
#include "services_test_support.h"

#include "services/onboarding_service.h"
#include "services/session_service.h"

#include <QDirIterator>
#include <QElapsedTimer>

using namespace bw::services;
using namespace bw::services::test;

namespace {

QStringList filesUnder(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    return found;
}

void checkKeychainError(const ServiceError &error)
{
    qInfo().noquote() << "services said:" << error.summary() << "-" << error.userMessage();
    QCOMPARE(error.kind, ServiceErrorKind::Keychain);
    QCOMPARE(error.keychainStatus, bw::keychain::KeychainStatus::NoBackend);
    QCOMPARE(error.code, bw::keychain::keychainStatusCode(bw::keychain::KeychainStatus::NoBackend));
    QVERIFY(!error.userMessage().isEmpty());
}

} // namespace

class KeychainUnavailableTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("BW_SERVICES_TEST_MODE") != QLatin1String("no-secret-service"))
            QSKIP("run through ctest: it starts this test on a D-Bus session without a Secret Service");
    }

    void servicesReportTheKeychainAndWriteNothing()
    {
        ServicesFixture fx;
        QVERIFY2(fx.ok(), qPrintable(fx.error()));
        fx.setCleanKeychain(false);
        ServiceContext &context = fx.context();
        context.secretStore().setTimeout(std::chrono::milliseconds(10000));
        QVERIFY(filesUnder(fx.dataDir()).isEmpty());

        QElapsedTimer clock;
        clock.start();
        ServiceError opened = awaitDone([&](auto done) { context.openStorage(nullptr, done); });
        checkKeychainError(opened);
        QVERIFY2(clock.elapsed() < 10000, "the keychain error must come before the watchdog");
        QVERIFY(!context.isStorageOpen());

        // Onboarding cannot start: its state would live in the (sealed) wallet database.
        OnboardingService onboarding(context);
        auto resumed = awaitResult<OnboardingState>([&](auto done) { onboarding.resume(done); });
        QVERIFY(!resumed.ok());
        checkKeychainError(resumed.error());
        ServiceError notStarted =
            awaitDone([&](auto done) { onboarding.chooseBank(QStringLiteral("bnk_demo"), done); });
        QCOMPARE(notStarted.code, QStringLiteral("not_started"));
        ServiceError noContact = awaitDone([&](auto done) {
            onboarding.submitContactDetails(QStringLiteral("Li Lei"), QStringLiteral("+8613912345678"),
                                            QStringLiteral("li.lei@example.com"), done);
        });
        QCOMPARE(noContact.code, QStringLiteral("not_started"));
        // Nothing reached the bank: no enrollment, so no SMS.
        QVERIFY(fx.lastCode(QStringLiteral("+8613912345678")).isEmpty());

        // Sign-in cannot read the device credential.
        SessionService session(context);
        auto started = awaitResult<SessionState>([&](auto done) { session.start(done); });
        QVERIFY(!started.ok());
        checkKeychainError(started.error());
        ServiceError signIn =
            awaitDone([&](auto done) { session.signIn(QStringLiteral("Some-Password-99"), done); });
        checkKeychainError(signIn);
        QCOMPARE(context.sessionState(), SessionState::NoWallet);

        // A device credential the gateway handed out is not adopted when the keychain cannot keep it.
        bw::gateway::DeviceCredentials credentials;
        credentials.walletId = QStringLiteral("wal_test");
        credentials.deviceId = QStringLiteral("dev_test");
        credentials.deviceSecret = bw::crypto::SecretBytes(32);
        ServiceError adopted = awaitDone(
            [&](auto done) { context.adoptDeviceCredential(std::move(credentials), nullptr, done); });
        checkKeychainError(adopted);
        QVERIFY(!context.hasDeviceCredential());

        // Again after a "restart": still the same typed answer, still nothing on disk.
        fx.recreateContext();
        fx.context().secretStore().setTimeout(std::chrono::milliseconds(10000));
        checkKeychainError(awaitDone([&](auto done) { fx.context().openStorage(nullptr, done); }));

        const QStringList written = filesUnder(fx.dataDir());
        QVERIFY2(written.isEmpty(), qPrintable(written.join(QLatin1Char(' '))));
        QVERIFY(!QFile::exists(fx.context().databasePath()));
        QVERIFY(!QFile::exists(fx.context().settingsPath()));
    }
};

QTEST_GUILESS_MAIN(KeychainUnavailableTest)
#include "test_services_keychain_unavailable.moc"
