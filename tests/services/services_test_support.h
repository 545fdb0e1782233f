// API-READY
// Shared by the bw_services tests: a fixture that starts the REAL gateway stub in-process
// (bw::stub::EmbeddedGateway on 127.0.0.1:0, demo mode, cheap scrypt, optional fault flags, its database in
// a QTemporaryDir), an app data folder in another QTemporaryDir, and a ServiceContext pointing at the stub
// with keychain key names unique to this fixture (run under tools/with-keyring: the real keychain). Plus:
// waiting for callbacks, the demo outbox's SMS codes, TOTP codes computed with bw::crypto, and a FAST
// enrolled + signed-in wallet with known phone / password / PIN / TOTP secret (through OnboardingService).
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
#include "services/service_context.h"
#include "storage/database_worker.h"
#include "storage/wallet_database.h"
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
    explicit ServicesFixture(const StubFlags &flags = {})
    {
        stub::StubConfig config;
        config.dbPath = m_stubDir.filePath(QStringLiteral("stub.sqlite"));
        config.demo = flags.demo;
        config.latencyMs = flags.latencyMs;
        config.failRate = flags.failRate;
        config.dropAfterCommitRate = flags.dropAfterCommitRate;
        config.seed = flags.seed;
        config.scrypt.n = 1u << 10; // cheap for tests
        m_gateway = std::make_unique<stub::EmbeddedGateway>(config);
        m_port = m_gateway->start(&m_error);
        if (m_port == 0)
            return;
        m_keyPrefix = QStringLiteral("test-%1-")
                          .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
        m_devClient = std::make_unique<gateway::GatewayClient>();
        (void)m_devClient->setBaseUrl(gatewayUrl());
        recreateContext();
    }

    ~ServicesFixture()
    {
        m_context.reset();
        if (m_port != 0 && m_cleanKeychain)
            removeKeychainEntries();
    }

    bool ok() const { return m_port != 0 && m_context; }
    QString error() const { return m_error; }
    QUrl gatewayUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QString dataDir() const { return m_appDir.path(); }
    QString keyPrefix() const { return m_keyPrefix; }
    ServiceContext &context() { return *m_context; }
    // An unsigned client on the stub for the demo endpoints (outbox, tier, incoming, ledger check).
    gateway::GatewayClient &devClient() { return *m_devClient; }
    // Skip removing the keychain entries in the destructor (the keychain-unavailable test).
    void setCleanKeychain(bool clean) { m_cleanKeychain = clean; }

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

    // The newest one-time code the demo outbox holds for a phone (or e-mail); empty when none.
    QString lastCode(const QString &to)
    {
        auto box = awaitGateway<QList<gateway::OutboxMessage>>(
            [&](auto done) { m_devClient->devOutbox(to, std::move(done)); });
        if (!box || box->isEmpty())
            return {};
        return box->first().code;
    }

    // TOTP of `secret` at now + offsetSecs.
    static QString totpAt(const QByteArray &secret, qint64 offsetSecs = 0)
    {
        return crypto::totp(secret, QDateTime::currentSecsSinceEpoch() + offsetSecs).value();
    }

    // A TOTP code the gateway will accept (±1 step) whose step this wallet has not used yet; empty when
    // all three are used (wait for the next 30 s step). Marks the step used.
    static QString unusedTotp(TestWallet &wallet)
    {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        // Prefer the current step, then the next, then the previous one (about to expire).
        for (qint64 offset : {0, 30, -30}) {
            const auto step = crypto::totpStep(now + offset);
            if (!step || wallet.usedTotpSteps.contains(step.value()))
                continue;
            wallet.usedTotpSteps.insert(step.value());
            return totpAt(wallet.totpSecret, offset);
        }
        return {};
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
            return fail(QStringLiteral("resume"), resumed.error());
        auto step = [&](const QString &what, const std::function<void(ServiceDone)> &start) {
            ServiceError error = awaitDone(start);
            return error.isError() ? fail(what, error) : true;
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
                return fail(QStringLiteral("submitIdentity"), kyc.error());
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
                return fail(QStringLiteral("startTotp"), totp.error());
            auto secret = crypto::base32Decode(
                QString::fromLatin1(totp->secretBase32.constData(), totp->secretBase32.size()));
            if (!secret.ok()) {
                m_error = QStringLiteral("startTotp: the secret is not base32");
                return false;
            }
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
                return fail(QStringLiteral("addCard"), added.error());
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

    // Signs in with the wallet's password straight through the GatewayClient and marks the context signed
    // in (loads the device credential first when the context has none, e.g. after recreateContext()).
    bool signInDirect(TestWallet &w)
    {
        if (!m_context->hasDeviceCredential()) {
            auto loaded = awaitResult<bool>(
                [&](auto done) { m_context->loadDeviceCredential(nullptr, std::move(done)); });
            if (!loaded || !loaded.value()) {
                m_error = QStringLiteral("loadDeviceCredential: ") +
                          (loaded ? QStringLiteral("no credential") : loaded.error().summary());
                return false;
            }
        }
        auto session = awaitGateway<gateway::Session>(
            [&](auto done) { m_context->gateway().createSession(w.password, std::move(done)); });
        if (!session)
            return fail(QStringLiteral("createSession"), session.error());
        m_context->markSignedIn();
        return true;
    }

    // Money arrives in the wallet (demo endpoint), e.g. to pay from the balance.
    bool giveMoney(const TestWallet &w, qint64 minorCny,
                   const QString &fromName = QStringLiteral("Zhang Wei"))
    {
        auto paid = awaitGateway<gateway::Payment>([&](auto done) {
            m_devClient->devIncoming(w.walletId, cny(minorCny), fromName, std::move(done));
        });
        if (!paid)
            return fail(QStringLiteral("devIncoming"), paid.error());
        return true;
    }

    // The stub's ledger check (sum of all entries zero).
    bool ledgerBalanced()
    {
        auto check = awaitGateway<gateway::LedgerCheck>(
            [&](auto done) { m_devClient->devLedgerCheck(std::move(done)); });
        return check && check->balanced;
    }

private:
    bool fail(const QString &step, const gateway::GatewayError &error)
    {
        m_error = step + QStringLiteral(": ") + error.summary();
        return false;
    }
    bool fail(const QString &step, const ServiceError &error)
    {
        m_error = step + QStringLiteral(": ") + error.summary();
        return false;
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
