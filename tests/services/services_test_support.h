// API-READY
// Shared by the bw_services tests: ONE fixture that starts the REAL gateway stub in-process
// (bw::stub::EmbeddedGateway on 127.0.0.1:0, demo mode, cheap scrypt, optional fault flags, its database in
// a QTemporaryDir) on a ManualClock (so a quote can expire without waiting 60 s; TOTP codes are computed at
// the stub's time), able to stop and restart the stub on the same database file and port with other fault
// flags; an app data folder in another QTemporaryDir, and a ServiceContext pointing at the stub with
// keychain key names unique to this fixture (run under tools/with-keyring: the real keychain). Plus:
// waiting for callbacks, the demo outbox's SMS codes, a FAST enrolled + signed-in wallet with known phone /
// password / PIN / TOTP secret (through OnboardingService), demo endpoints (money, tier, ledger check), the
// whole feed, and reads of the local database (history, in-flight payments).
//
//   ServicesFixture fx;                        // QVERIFY2(fx.ok(), qPrintable(fx.error()));
//   TestWallet w;
//   QVERIFY2(fx.enrollWallet(w, {.totp = true}), qPrintable(fx.error()));
//   // fx.context() is signed in: fx.context().gateway().hasAccessToken(), storage open.
//   QString otp = fx.unusedTotp(w);
#pragma once

#include "core/currency.h"
#include "core/money.h"
#include "core/resident_id_validator.h"
#include "crypto/encoding.h"
#include "crypto/otp.h"
#include "gateway/device_credential_store.h"
#include "gateway/gateway_client.h"
#include "keychain/data_key_provider.h"
#include "keychain/secret_store.h"
#include "services/onboarding_service.h"
#include "services/payment_service.h"
#include "services/service_context.h"
#include "storage/database_worker.h"
#include "storage/history_store.h"
#include "storage/in_flight_store.h"
#include "storage/wallet_database.h"
#include "stub/clock.h"
#include "stub/embedded_gateway.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace bw::services::test {

// ---- waiting for callbacks
// ---------------------------------------------------------------------------------

// Starts an async call whose callback takes an R and runs the event loop until it has answered (nullopt on
// timeout). Safe if the callback comes after the timeout (it writes into shared state).
template<typename R>
std::optional<R> awaitValue(const std::function<void(std::function<void(R)>)> &start, int timeoutMs = 60000)
{
    auto out = std::make_shared<std::optional<R>>();
    start([out](R value) { out->emplace(std::move(value)); });
    (void)QTest::qWaitFor([out] { return out->has_value(); }, timeoutMs);
    return std::move(*out);
}

// A gateway call: Result<T>, or a Timeout error with code "test_wait" when it never answered.
template<typename T>
gateway::Result<T> awaitGateway(const std::function<void(gateway::Callback<T>)> &start, int timeoutMs = 60000)
{
    auto r = awaitValue<gateway::Result<T>>(
        [&](std::function<void(gateway::Result<T>)> done) { start(std::move(done)); }, timeoutMs);
    if (!r)
        return gateway::GatewayError::make(
            gateway::ErrorKind::Timeout, QStringLiteral("test_wait"),
            QStringLiteral("the callback did not answer within the test's time"));
    return std::move(*r);
}

// A services call answering ServiceDone; a State error "test_wait" on timeout.
inline ServiceError awaitDone(const std::function<void(ServiceDone)> &start, int timeoutMs = 60000)
{
    auto r = awaitValue<ServiceError>([&](std::function<void(ServiceError)> done) { start(std::move(done)); },
                                      timeoutMs);
    return r ? *r : ServiceError::state(QStringLiteral("test_wait"), QStringLiteral("no answer in time"));
}

// A services call answering ServiceResult<T>.
template<typename T>
ServiceResult<T> awaitResult(const std::function<void(std::function<void(ServiceResult<T>)>)> &start,
                             int timeoutMs = 60000)
{
    auto r = awaitValue<ServiceResult<T>>(
        [&](std::function<void(ServiceResult<T>)> done) { start(std::move(done)); }, timeoutMs);
    if (!r)
        return ServiceError::state(QStringLiteral("test_wait"), QStringLiteral("no answer in time"));
    return std::move(*r);
}

// A job on the context's DatabaseWorker, waited for (e.g. to read a store and check the local cache).
template<typename R>
std::optional<R> runOnDatabase(storage::DatabaseWorker &worker,
                               std::function<R(storage::WalletDatabase &)> job, int timeoutMs = 60000)
{
    QObject receiver;
    auto out = std::make_shared<std::optional<R>>();
    worker.run<R>(std::move(job), &receiver, [out](R value) { out->emplace(std::move(value)); });
    (void)QTest::qWaitFor([out] { return out->has_value(); }, timeoutMs);
    return std::move(*out);
}

// ---- fixture
// -------------------------------------------------------------------------------------------------

struct StubFlags
{
    bool demo = true;
    int latencyMs = 0;
    double failRate = 0;
    double dropAfterCommitRate = 0;
    quint64 seed = 7;
    // A stub already running elsewhere (another process: a benchmark keeps its memory out of the app's)
    // instead of starting one; the flags above then do not apply and the fixture cannot restart it.
    QUrl external = {};
};

// What the test knows about a wallet it enrolled (the secrets a person would know or have in their
// authenticator app; test code only).
struct TestWallet
{
    QString phone = {};
    QString fullName = QStringLiteral("Li Lei");
    QString email = QStringLiteral("li.lei@example.com");
    QString password = QStringLiteral("Correct-Horse-Battery-42");
    QString pin = QStringLiteral("370915");
    QDate birthDate = QDate(1990, 3, 7);
    QString documentNumber = {}; // resident id matching birthDate (empty when identity was skipped)
    QString walletId = {};
    QString deviceId = {};
    int tier = 4;
    QByteArray totpSecret = {};       // raw bytes; empty when TOTP is not enabled
    QSet<quint64> usedTotpSteps = {}; // a TOTP code is accepted once per wallet
    QString debitCardId = {};         // when EnrollOptions::debitCard
};

struct EnrollOptions
{
    bool identity = true;   // verified identity (tier 3) or skipped (tier 4)
    bool totp = false;      // enable TOTP (secret in TestWallet::totpSecret)
    bool debitCard = false; // link the UnionPay debit test card (tier 3 → tier 2)
    bool signIn = true;     // leave the context signed in
    QString phone = {};     // empty: a random +86 139… mobile
};

class ServicesFixture
{
public:
    // Starts at the real time: request signatures carry the real time and the stub accepts ±300 s.
    std::shared_ptr<stub::ManualClock> clock =
        std::make_shared<stub::ManualClock>(QDateTime::currentDateTimeUtc());

    explicit ServicesFixture(const StubFlags &flags = {})
    {
        m_keyPrefix = QStringLiteral("test-%1-")
                          .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
        if (!startStub(flags))
            return;
        m_devClient = std::make_unique<gateway::GatewayClient>();
        (void)m_devClient->setBaseUrl(gatewayUrl());
        recreateContext();
    }

    ~ServicesFixture()
    {
        m_context.reset();
        if (m_port != 0 && m_cleanKeychain)
            removeKeychainEntries();
        stopStub();
    }

    bool ok() const { return m_port != 0 && m_context; }
    QString error() const { return m_error; }
    QUrl gatewayUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QString dataDir() const { return m_appDir.path(); }
    QString keyPrefix() const { return m_keyPrefix; }
    QString stubDbPath() const { return m_stubDir.filePath(QStringLiteral("stub.sqlite")); }
    ServiceContext &context() { return *m_context; }
    // An unsigned client on the stub for the demo endpoints (outbox, tier, incoming, ledger check).
    gateway::GatewayClient &devClient() { return *m_devClient; }
    // Skip removing the keychain entries in the destructor (the keychain-unavailable test).
    void setCleanKeychain(bool clean) { m_cleanKeychain = clean; }

    // ---- the stub
    // ------------------------------------------------------------------------------------------

    bool stubRunning() const { return m_gateway && m_gateway->isRunning(); }
    bool startStub(const StubFlags &flags)
    {
        if (flags.external.isValid()) {
            m_port = quint16(flags.external.port());
            return m_port != 0;
        }
        stub::StubConfig config;
        config.dbPath = stubDbPath();
        config.demo = flags.demo;
        config.latencyMs = flags.latencyMs;
        config.failRate = flags.failRate;
        config.dropAfterCommitRate = flags.dropAfterCommitRate;
        config.seed = flags.seed;
        config.scrypt.n = 1u << 10; // cheap for tests
        m_gateway = std::make_unique<stub::EmbeddedGateway>(config, clock);
        m_port = m_gateway->start(&m_error, m_port); // the same port again after a restart
        return m_port != 0;
    }
    void stopStub()
    {
        if (m_gateway)
            m_gateway->stop();
    }
    // Stops the stub and starts it on the same database file and port with other flags.
    bool restartStub(const StubFlags &flags)
    {
        stopStub();
        m_gateway.reset();
        return startStub(flags);
    }

    // ---- the app side
    // --------------------------------------------------------------------------------------

    // Simulates an app restart: destroys the context (its worker finishes and closes the database) and
    // makes a new one on the same data folder and keychain entries. Services made on the old context must
    // be destroyed first.
    ServiceContext &recreateContext()
    {
        m_context.reset();
        m_context = std::make_unique<ServiceContext>(m_appDir.path(), m_keyPrefix);
        (void)m_context->gateway().setBaseUrl(gatewayUrl());
        return *m_context;
    }
    void destroyContext() { m_context.reset(); }

    // A PaymentService on context() that judges quote expiry by the stub's clock, with quick resends.
    std::unique_ptr<PaymentService> makeService()
    {
        auto service = std::make_unique<PaymentService>(*m_context);
        service->setClock([c = clock] { return c->now(); });
        PaymentServiceOptions options;
        options.resendDelay = std::chrono::milliseconds(50);
        options.maxResendDelay = std::chrono::milliseconds(400);
        options.recheckInterval = std::chrono::milliseconds(200);
        options.expiryMargin = std::chrono::milliseconds(1000);
        service->setOptions(options);
        return service;
    }

    bool openStorage()
    {
        ServiceError opened =
            awaitDone([&](ServiceDone done) { m_context->openStorage(nullptr, std::move(done)); });
        return opened ? fail(QStringLiteral("openStorage"), opened.summary()) : true;
    }

    // Signs in with the wallet's password straight through the GatewayClient and marks the context signed
    // in (loads the device credential first when the context has none, e.g. after recreateContext()).
    bool signIn(TestWallet &w)
    {
        if (!m_context->hasDeviceCredential()) {
            auto loaded = awaitResult<bool>(
                [&](auto done) { m_context->loadDeviceCredential(nullptr, std::move(done)); });
            if (!loaded || !loaded.value())
                return fail(QStringLiteral("loadDeviceCredential"),
                            loaded ? QStringLiteral("no credential") : loaded.error().summary());
        }
        auto session = awaitGateway<gateway::Session>(
            [&](auto done) { m_context->gateway().createSession(w.password, std::move(done)); });
        if (!session)
            return fail(QStringLiteral("createSession"), session.error().summary());
        m_context->markSignedIn();
        return true;
    }

    // ---- codes
    // ---------------------------------------------------------------------------------------------

    // The newest one-time code the demo outbox holds for a phone (or e-mail), of the given purpose when one
    // is named ("quote", ...); empty when none.
    QString lastCode(const QString &to, const QString &purpose = {})
    {
        auto box = awaitGateway<QList<gateway::OutboxMessage>>(
            [&](auto done) { m_devClient->devOutbox(to, std::move(done)); });
        if (!box)
            return {};
        for (const gateway::OutboxMessage &message : box.value())
            if (purpose.isEmpty() || message.purpose == purpose)
                return message.code;
        return {};
    }

    // TOTP of `secret` at the stub's time + offsetSecs.
    QString totpAt(const QByteArray &secret, qint64 offsetSecs = 0) const
    {
        return crypto::totp(secret, clock->nowSecs() + offsetSecs).value();
    }

    // A TOTP code at the stub's time whose step this wallet has not used (a code is accepted once); moves
    // the stub's clock to the next step when needed. Marks the step used.
    QString unusedTotp(TestWallet &wallet)
    {
        auto step = crypto::totpStep(clock->nowSecs());
        if (step && wallet.usedTotpSteps.contains(step.value())) {
            clock->advance(30);
            step = crypto::totpStep(clock->nowSecs());
        }
        if (!step)
            return {};
        wallet.usedTotpSteps.insert(step.value());
        return totpAt(wallet.totpSecret);
    }

    static QString residentId(const QDate &birth)
    {
        const QString first17 =
            QStringLiteral("110105") + birth.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("123");
        return first17 + core::ResidentIdValidator::checkCharacter(first17);
    }

    static QString randomPhone()
    {
        return QStringLiteral("+86139%1").arg(QRandomGenerator::system()->bounded(10000000, 99999999));
    }

    static core::Money cny(qint64 minor) { return core::Money(minor, *core::Currency::fromCode(u"CNY")); }

    // ---- wallets
    // -------------------------------------------------------------------------------------------

    // Enrolls a wallet through OnboardingService on context() (every step of the real state machine, the
    // SMS code from the demo outbox; the device credential in the keychain, the wallet database open), and
    // leaves the context signed in unless options.signIn is false. Takes well under a second with the
    // fixture's cheap scrypt. false with error() on failure.
    bool enrollWallet(TestWallet &w, const EnrollOptions &options = {})
    {
        if (w.phone.isEmpty())
            w.phone = options.phone.isEmpty() ? randomPhone() : options.phone;
        OnboardingService onboarding(*m_context);
        auto resumed = awaitResult<OnboardingState>([&](auto done) { onboarding.resume(std::move(done)); });
        if (!resumed)
            return fail(QStringLiteral("resume"), resumed.error().summary());
        auto step = [&](const QString &what, const std::function<void(ServiceDone)> &start) {
            ServiceError error = awaitDone(start);
            return error.isError() ? fail(what, error.summary()) : true;
        };
        if (!step(QStringLiteral("chooseBank"), [&](ServiceDone done) {
                onboarding.chooseBank(QStringLiteral("bnk_demo"), std::move(done));
            }))
            return false;
        if (!step(QStringLiteral("submitContactDetails"), [&](ServiceDone done) {
                onboarding.submitContactDetails(w.fullName, w.phone, w.email, std::move(done));
            }))
            return false;
        if (!step(QStringLiteral("verifyCode"),
                  [&](ServiceDone done) { onboarding.verifyCode(lastCode(w.phone), std::move(done)); }))
            return false;
        if (options.identity) {
            w.documentNumber = residentId(w.birthDate);
            IdentityInput identity;
            identity.documentNumber = w.documentNumber;
            identity.dateOfBirth = w.birthDate;
            auto kyc = awaitResult<gateway::KycOutcome>(
                [&](auto done) { onboarding.submitIdentity(identity, std::move(done)); });
            if (!kyc)
                return fail(QStringLiteral("submitIdentity"), kyc.error().summary());
        } else if (!step(QStringLiteral("skipIdentity"),
                         [&](ServiceDone done) { onboarding.skipIdentity(std::move(done)); })) {
            return false;
        }
        if (!step(QStringLiteral("submitCredentials"), [&](ServiceDone done) {
                onboarding.submitCredentials(w.password, w.pin, QStringLiteral("Test desktop"),
                                             std::move(done));
            }))
            return false;
        w.walletId = onboarding.state().walletId;
        w.deviceId = m_context->gateway().deviceId();
        w.tier = onboarding.state().tier;
        if (options.totp) {
            auto totp = awaitResult<gateway::TotpEnrollment>(
                [&](auto done) { onboarding.startTotp(std::move(done)); });
            if (!totp)
                return fail(QStringLiteral("startTotp"), totp.error().summary());
            auto secret = crypto::base32Decode(
                QString::fromLatin1(totp->secretBase32.constData(), totp->secretBase32.size()));
            if (!secret.ok())
                return fail(QStringLiteral("startTotp"), QStringLiteral("the secret is not base32"));
            w.totpSecret = secret.value();
            if (!step(QStringLiteral("confirmTotp"),
                      [&](ServiceDone done) { onboarding.confirmTotp(unusedTotp(w), std::move(done)); }))
                return false;
        } else if (!step(QStringLiteral("useSmsTwoFactor"),
                         [&](ServiceDone done) { onboarding.useSmsTwoFactor(std::move(done)); })) {
            return false;
        }
        if (options.debitCard) {
            auto added = awaitResult<gateway::PaymentMethod>([&](auto done) {
                onboarding.addCard({QStringLiteral("6212345678901232"), 12, QDate::currentDate().year() + 3,
                                    QStringLiteral("123"), w.fullName},
                                   std::move(done));
            });
            if (!added)
                return fail(QStringLiteral("addCard"), added.error().summary());
            w.debitCardId = added->id;
            w.tier = onboarding.state().tier;
        } else if (!step(QStringLiteral("skipPaymentMethod"),
                         [&](ServiceDone done) { onboarding.skipPaymentMethod(std::move(done)); })) {
            return false;
        }
        if (!options.signIn) {
            (void)awaitGateway<gateway::NoContent>(
                [&](auto done) { m_context->gateway().endSession(std::move(done)); });
            m_context->markSignedOut();
        }
        return true;
    }

    // Another customer's wallet, enrolled straight through the public endpoints (no keychain, no context):
    // someone to transfer money to. Returns its phone, or an empty string (see error()).
    QString enrollRecipient(const QString &fullName, const QString &email)
    {
        auto &dev = devClient();
        const QString phone = randomPhone();
        auto started = awaitGateway<gateway::EnrollmentStart>([&](auto done) {
            dev.createEnrollment({QStringLiteral("bnk_demo"), fullName, phone, email}, std::move(done));
        });
        if (!started) {
            fail(QStringLiteral("recipient enrollment"), started.error().summary());
            return {};
        }
        auto verified = awaitGateway<gateway::EnrollmentVerify>([&](auto done) {
            dev.verifyEnrollmentOtp(started->enrollmentId, lastCode(phone), std::move(done));
        });
        if (!verified) {
            fail(QStringLiteral("recipient code"), verified.error().summary());
            return {};
        }
        auto completed = awaitGateway<gateway::EnrollmentCredentials>([&](auto done) {
            dev.completeEnrollment(started->enrollmentId,
                                   {QStringLiteral("Another-Good-Passw0rd"), QStringLiteral("592047"),
                                    QStringLiteral("Other desktop")},
                                   std::move(done));
        });
        if (!completed) {
            fail(QStringLiteral("recipient credentials"), completed.error().summary());
            return {};
        }
        return phone;
    }

    // Money arrives in the wallet (demo endpoint), e.g. to pay from the balance.
    bool giveMoney(const TestWallet &w, qint64 minorCny,
                   const QString &fromName = QStringLiteral("Zhang Wei"))
    {
        auto paid = awaitGateway<gateway::Payment>([&](auto done) {
            m_devClient->devIncoming(w.walletId, cny(minorCny), fromName, std::move(done));
        });
        return paid ? true : fail(QStringLiteral("devIncoming"), paid.error().summary());
    }
    bool setTier(TestWallet &w, int tier)
    {
        auto set = awaitGateway<gateway::DevTierResult>(
            [&](auto done) { m_devClient->devSetTier(w.walletId, tier, std::move(done)); });
        if (!set)
            return fail(QStringLiteral("devSetTier"), set.error().summary());
        w.tier = set->tier;
        return true;
    }
    // Links a card with the context's client (not through a service); the method id, or empty.
    QString addCard(const TestWallet &w, const QString &number)
    {
        gateway::CardRequest card{number, 12, QDate::currentDate().year() + 3, QStringLiteral("123"),
                                  w.fullName};
        return methodId(QStringLiteral("addCard"), awaitGateway<gateway::PaymentMethod>([&](auto done) {
                            m_context->gateway().addCard(card, std::move(done));
                        }));
    }
    // Links the demo bank account with the context's client; the method id, or empty.
    QString addBankAccount(const TestWallet &w)
    {
        gateway::BankAccountRequest account{
            QStringLiteral("bnk_demo"), QStringLiteral("6222020200112233"), {}, w.fullName};
        return methodId(QStringLiteral("addBankAccount"),
                        awaitGateway<gateway::PaymentMethod>([&](auto done) {
                            m_context->gateway().addBankAccount(account, std::move(done));
                        }));
    }

    // The stub's ledger check (sum of all entries zero); nullopt when it did not answer.
    std::optional<gateway::LedgerCheck> ledgerCheck()
    {
        auto check = awaitGateway<gateway::LedgerCheck>(
            [&](auto done) { m_devClient->devLedgerCheck(std::move(done)); });
        return check ? std::optional<gateway::LedgerCheck>(check.value()) : std::nullopt;
    }
    bool ledgerBalanced()
    {
        const auto check = ledgerCheck();
        return check && check->balanced;
    }

    // Every feed entry of the signed-in wallet (context()'s client), oldest first; nullopt on failure.
    std::optional<QList<gateway::Transaction>> wholeFeed()
    {
        QList<gateway::Transaction> all;
        QString cursor;
        for (int page = 0; page < 1000; ++page) {
            auto answer = awaitGateway<gateway::TransactionPage>(
                [&](auto done) { m_context->gateway().listTransactions(cursor, 1000, std::move(done)); });
            if (!answer) {
                fail(QStringLiteral("listTransactions"), answer.error().summary());
                return std::nullopt;
            }
            all += answer->data;
            cursor = answer->nextCursor;
            if (!answer->hasMore)
                return all;
        }
        return std::nullopt;
    }

    // ---- the local database
    // --------------------------------------------------------------------------------

    std::optional<storage::HistoryRow> localHistory(const QString &paymentId)
    {
        return storedValue<std::optional<storage::HistoryRow>>([paymentId](storage::WalletDatabase &db) {
                   return storage::HistoryStore(db).get(paymentId);
               })
            .value_or(std::nullopt);
    }
    qint64 localHistoryCount(const storage::HistoryFilter &filter = {})
    {
        return storedValue<qint64>(
                   [filter](storage::WalletDatabase &db) { return storage::HistoryStore(db).count(filter); })
            .value_or(-1);
    }
    std::optional<storage::InFlightPayment> inFlight(const QString &key)
    {
        return storedValue<std::optional<storage::InFlightPayment>>(
                   [key](storage::WalletDatabase &db) { return storage::InFlightStore(db).get(key); })
            .value_or(std::nullopt);
    }
    int unfinishedInFlight()
    {
        const auto rows = storedValue<QVector<storage::InFlightPayment>>(
            [](storage::WalletDatabase &db) { return storage::InFlightStore(db).listUnfinished(); });
        return rows ? int(rows->size()) : -1;
    }

private:
    bool fail(const QString &step, const QString &why)
    {
        m_error = step + QStringLiteral(": ") + why;
        return false;
    }

    QString methodId(const QString &step, const gateway::Result<gateway::PaymentMethod> &added)
    {
        if (!added) {
            fail(step, added.error().summary());
            return {};
        }
        return added->id;
    }

    // A store read on the context's worker: its value, or nullopt when it failed or did not answer.
    template<typename T>
    std::optional<T> storedValue(std::function<storage::Result<T>(storage::WalletDatabase &)> job)
    {
        auto result = runOnDatabase<storage::Result<T>>(m_context->database(), std::move(job));
        if (!result || !result->ok())
            return std::nullopt;
        return result->value();
    }

    void removeKeychainEntries()
    {
        keychain::SecretStore store;
        store.setTimeout(std::chrono::milliseconds(5000));
        for (const QString &name : {gateway::DeviceCredentialStore::defaultKeyName(),
                                    keychain::DataKeyProvider::defaultKeyName()}) {
            auto done = std::make_shared<bool>(false);
            store.remove(m_keyPrefix + name, [done](const keychain::KeychainResult &) { *done = true; });
            (void)QTest::qWaitFor([done] { return *done; }, 6000);
        }
    }

    QTemporaryDir m_stubDir;
    QTemporaryDir m_appDir;
    std::unique_ptr<stub::EmbeddedGateway> m_gateway;
    quint16 m_port = 0;
    QString m_error;
    QString m_keyPrefix;
    bool m_cleanKeychain = true;
    std::unique_ptr<gateway::GatewayClient> m_devClient;
    std::unique_ptr<ServiceContext> m_context;
};

} // namespace bw::services::test

// QVERIFY that a ServiceError is no error, printing it otherwise. The expression is evaluated ONCE (it may
// be a call such as awaitDone(...)).
#define VERIFY_SERVICE_OK(serviceError)                                                                      \
    do {                                                                                                     \
        const ::bw::services::ServiceError bwServiceError_ = (serviceError);                                 \
        QVERIFY2(!bwServiceError_.isError(), qPrintable(bwServiceError_.summary()));                         \
    } while (false)
// QVERIFY that a ServiceResult is ok (evaluated once).
#define VERIFY_RESULT_OK(result)                                                                             \
    do {                                                                                                     \
        const auto &bwServiceResult_ = (result);                                                             \
        QVERIFY2(bwServiceResult_.ok(), qPrintable(bwServiceResult_.error().summary()));                     \
    } while (false)
