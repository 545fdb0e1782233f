// Shared by the PaymentService tests: like ServicesFixture (services_test_support.h, whose helpers it
// reuses) it runs the REAL stub in-process and a ServiceContext on a temporary data folder with the real
// keychain, but the stub reads a ManualClock (so a quote can expire without waiting 60 s) and can be
// stopped and restarted on the same database file and port with other fault flags. TOTP codes are computed
// at the stub's time.
#pragma once

#include "services/payment_service.h"
#include "services_test_support.h"
#include "storage/history_store.h"
#include "storage/in_flight_store.h"
#include "stub/clock.h"

#include <QSignalSpy>

namespace bw::services::test {

class PaymentsFixture
{
public:
    // Starts at the real time: request signatures carry the real time and the stub accepts ±300 s.
    std::shared_ptr<stub::ManualClock> clock =
        std::make_shared<stub::ManualClock>(QDateTime::currentDateTimeUtc());

    explicit PaymentsFixture(const StubFlags &flags = {})
    {
        m_keyPrefix = QStringLiteral("test-%1-")
                          .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
        if (!startStub(flags))
            return;
        m_devClient = std::make_unique<gateway::GatewayClient>();
        (void)m_devClient->setBaseUrl(gatewayUrl());
        recreateContext();
    }
    ~PaymentsFixture()
    {
        m_context.reset();
        removeKeychainEntries();
        stopStub();
    }

    bool ok() const { return m_port != 0 && m_context; }
    QString error() const { return m_error; }
    QUrl gatewayUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    QString stubDbPath() const { return m_stubDir.filePath(QStringLiteral("stub.sqlite")); }
    ServiceContext &context() { return *m_context; }
    gateway::GatewayClient &devClient() { return *m_devClient; }
    bool stubRunning() const { return m_gateway && m_gateway->isRunning(); }

    // ---- the stub
    // ------------------------------------------------------------------------------------------
    bool startStub(const StubFlags &flags)
    {
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
    // -------------------------------------------------------------------------------------- An app restart:
    // a new ServiceContext on the same data folder and keychain entries (services on the old one must be
    // gone).
    ServiceContext &recreateContext()
    {
        m_context.reset();
        m_context = std::make_unique<ServiceContext>(m_dataDir.path(), m_keyPrefix);
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

    // ---- wallets
    // -------------------------------------------------------------------------------------------
    QString lastCode(const QString &to)
    {
        auto box = awaitGateway<QList<gateway::OutboxMessage>>(
            [&](auto done) { m_devClient->devOutbox(to, std::move(done)); });
        return box && !box->isEmpty() ? box->first().code : QString();
    }
    QString lastCodeFor(const QString &to, const QString &purpose)
    {
        auto box = awaitGateway<QList<gateway::OutboxMessage>>(
            [&](auto done) { m_devClient->devOutbox(to, std::move(done)); });
        if (!box)
            return {};
        for (const gateway::OutboxMessage &message : box.value())
            if (message.purpose == purpose)
                return message.code;
        return {};
    }

    // A TOTP code at the stub's time whose step this wallet has not used (a code is accepted once); moves
    // the stub's clock to the next step when needed.
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
        return crypto::totp(wallet.totpSecret, clock->nowSecs()).value();
    }

    // Enrolls through context()'s GatewayClient, keeps the credential in the keychain, opens the wallet
    // database and signs in (as ServicesFixture::enrollWallet).
    bool enrollWallet(TestWallet &w, const EnrollOptions &options = {})
    {
        auto &client = m_context->gateway();
        if (w.phone.isEmpty())
            w.phone = options.phone.isEmpty() ? ServicesFixture::randomPhone() : options.phone;
        gateway::EnrollmentRequest request{QStringLiteral("bnk_demo"), w.fullName, w.phone, w.email};
        auto started = awaitGateway<gateway::EnrollmentStart>(
            [&](auto done) { client.createEnrollment(request, std::move(done)); });
        if (!started)
            return fail(QStringLiteral("createEnrollment"), started.error().summary());
        const QString enrollmentId = started->enrollmentId;
        auto verified = awaitGateway<gateway::EnrollmentVerify>(
            [&](auto done) { client.verifyEnrollmentOtp(enrollmentId, lastCode(w.phone), std::move(done)); });
        if (!verified)
            return fail(QStringLiteral("verifyEnrollmentOtp"), verified.error().summary());
        if (options.identity) {
            gateway::IdentityRequest identity;
            w.documentNumber = ServicesFixture::residentId(w.birthDate);
            identity.documentNumber = w.documentNumber;
            identity.dateOfBirth = w.birthDate;
            auto kyc = awaitGateway<gateway::EnrollmentIdentity>(
                [&](auto done) { client.submitIdentity(enrollmentId, identity, std::move(done)); });
            if (!kyc)
                return fail(QStringLiteral("submitIdentity"), kyc.error().summary());
        }
        gateway::EnrollmentCompleteRequest complete{w.password, w.pin, QStringLiteral("Test desktop")};
        auto credentials = awaitGateway<gateway::EnrollmentCredentials>(
            [&](auto done) { client.completeEnrollment(enrollmentId, complete, std::move(done)); });
        if (!credentials)
            return fail(QStringLiteral("completeEnrollment"), credentials.error().summary());
        w.walletId = credentials->device.walletId;
        w.deviceId = credentials->device.deviceId;
        w.tier = credentials->tier;
        ServiceError adopted = awaitDone([&](ServiceDone done) {
            m_context->adoptDeviceCredential(std::move(credentials.value().device), nullptr, std::move(done));
        });
        if (adopted)
            return fail(QStringLiteral("adoptDeviceCredential"), adopted.summary());
        if (!openStorage() || !signIn(w))
            return false;
        if (options.totp) {
            auto totp =
                awaitGateway<gateway::TotpEnrollment>([&](auto done) { client.startTotp(std::move(done)); });
            if (!totp)
                return fail(QStringLiteral("startTotp"), totp.error().summary());
            auto secret = crypto::base32Decode(
                QString::fromLatin1(totp->secretBase32.constData(), totp->secretBase32.size()));
            if (!secret.ok())
                return fail(QStringLiteral("startTotp"), QStringLiteral("the secret is not base32"));
            w.totpSecret = secret.value();
            const QString code = unusedTotp(w);
            auto confirmed = awaitGateway<gateway::TotpStatus>(
                [&](auto done) { client.confirmTotp(code, std::move(done)); });
            if (!confirmed)
                return fail(QStringLiteral("confirmTotp"), confirmed.error().summary());
        }
        return true;
    }

    bool openStorage()
    {
        ServiceError opened =
            awaitDone([&](ServiceDone done) { m_context->openStorage(nullptr, std::move(done)); });
        return opened ? fail(QStringLiteral("openStorage"), opened.summary()) : true;
    }

    // Signs in again (after recreateContext(): loads the device credential from the keychain first).
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

    bool giveMoney(const TestWallet &w, qint64 minorCny)
    {
        auto paid = awaitGateway<gateway::Payment>([&](auto done) {
            m_devClient->devIncoming(w.walletId, ServicesFixture::cny(minorCny), QStringLiteral("Zhang Wei"),
                                     std::move(done));
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
    // Links a card or (number empty) a bank account with the context's client; the method id, or empty.
    QString addCard(const TestWallet &w, const QString &number)
    {
        gateway::CardRequest card{number, 12, QDate::currentDate().year() + 3, QStringLiteral("123"),
                                  w.fullName};
        auto added = awaitGateway<gateway::PaymentMethod>(
            [&](auto done) { m_context->gateway().addCard(card, std::move(done)); });
        if (!added) {
            fail(QStringLiteral("addCard"), added.error().summary());
            return {};
        }
        return added->id;
    }
    QString addBankAccount(const TestWallet &w)
    {
        gateway::BankAccountRequest account{
            QStringLiteral("bnk_demo"), QStringLiteral("6222020200112233"), {}, w.fullName};
        auto added = awaitGateway<gateway::PaymentMethod>(
            [&](auto done) { m_context->gateway().addBankAccount(account, std::move(done)); });
        if (!added) {
            fail(QStringLiteral("addBankAccount"), added.error().summary());
            return {};
        }
        return added->id;
    }

    std::optional<gateway::LedgerCheck> ledgerCheck()
    {
        auto check = awaitGateway<gateway::LedgerCheck>(
            [&](auto done) { m_devClient->devLedgerCheck(std::move(done)); });
        return check ? std::optional<gateway::LedgerCheck>(check.value()) : std::nullopt;
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
        auto row = runOnDatabase<storage::Result<std::optional<storage::HistoryRow>>>(
            m_context->database(),
            [paymentId](storage::WalletDatabase &db) { return storage::HistoryStore(db).get(paymentId); });
        if (!row || !row->ok())
            return std::nullopt;
        return row->value();
    }
    qint64 localHistoryCount(const storage::HistoryFilter &filter = {})
    {
        auto count = runOnDatabase<storage::Result<qint64>>(
            m_context->database(),
            [filter](storage::WalletDatabase &db) { return storage::HistoryStore(db).count(filter); });
        return count && count->ok() ? count->value() : -1;
    }
    std::optional<storage::InFlightPayment> inFlight(const QString &key)
    {
        auto row = runOnDatabase<storage::Result<std::optional<storage::InFlightPayment>>>(
            m_context->database(),
            [key](storage::WalletDatabase &db) { return storage::InFlightStore(db).get(key); });
        if (!row || !row->ok())
            return std::nullopt;
        return row->value();
    }
    int unfinishedInFlight()
    {
        auto rows = runOnDatabase<storage::Result<QVector<storage::InFlightPayment>>>(
            m_context->database(),
            [](storage::WalletDatabase &db) { return storage::InFlightStore(db).listUnfinished(); });
        return rows && rows->ok() ? int(rows->value().size()) : -1;
    }

private:
    bool fail(const QString &step, const QString &why)
    {
        m_error = step + QStringLiteral(": ") + why;
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
    QTemporaryDir m_dataDir;
    std::unique_ptr<stub::EmbeddedGateway> m_gateway;
    quint16 m_port = 0;
    QString m_error;
    QString m_keyPrefix;
    std::unique_ptr<gateway::GatewayClient> m_devClient;
    std::unique_ptr<ServiceContext> m_context;
};

// Waits until the action's payment state is final (or Unknown when untilUnknown); the last state seen.
inline PaymentState awaitPayment(PaymentService &service, PaymentActionId id, int timeoutMs = 30000,
                                 bool untilUnknown = false)
{
    (void)QTest::qWaitFor(
        [&] {
            const PaymentState state = service.paymentState(id);
            return state.isFinal() || (untilUnknown && state.phase == PaymentPhase::Unknown);
        },
        timeoutMs);
    return service.paymentState(id);
}

inline QuoteState awaitQuote(PaymentService &service, PaymentActionId id, int timeoutMs = 30000)
{
    (void)QTest::qWaitFor([&] { return service.quoteState(id).status != QuoteState::Status::Requesting; },
                          timeoutMs);
    return service.quoteState(id);
}

inline PaymentDraft merchantPayment(const QString &merchantId, qint64 minorCny)
{
    PaymentDraft draft;
    draft.kind = gateway::QuoteKind::Payment;
    draft.amount = ServicesFixture::cny(minorCny);
    draft.merchantId = merchantId;
    return draft;
}

inline QString describe(const PaymentState &state)
{
    return QStringLiteral("%1 %2 %3")
        .arg(paymentPhaseName(state.phase), state.error.summary(),
             state.payment ? state.payment->id : QString());
}

} // namespace bw::services::test
