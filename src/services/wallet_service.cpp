#include "services/wallet_service.h"

#include "core/phone_validator.h"
#include "services/service_calls_p.h"
#include "storage/database_worker.h"
#include "storage/profile_store.h"

#include <QCoreApplication>
#include <QPointer>

namespace bw::services {

namespace {

ServiceError notSignedIn()
{
    return ServiceError::state(
        QStringLiteral("not_signed_in"),
        QCoreApplication::translate("bw::services::WalletService", "Sign in to see your wallet."));
}

} // namespace

WalletService::WalletService(ServiceContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    // A wallet read in one session must not show after the session ended (lock, sign-out).
    connect(&m_context, &ServiceContext::locked, this, [this] { m_wallet.reset(); });
    connect(&m_context, &ServiceContext::signedOut, this, [this] { m_wallet.reset(); });
}

WalletService::~WalletService() = default;

void WalletService::refresh(WalletCallback done)
{
    if (!m_context.gateway().hasAccessToken()) {
        const ServiceError error = notSignedIn();
        QPointer<WalletService> self(this);
        QMetaObject::invokeMethod(
            this,
            [self, done = std::move(done), error] {
                if (!self)
                    return;
                Q_EMIT self->refreshFailed(error);
                if (done)
                    done(error);
            },
            Qt::QueuedConnection);
        return;
    }
    QPointer<WalletService> self(this);
    m_context.gateway().getWallet([self, done = std::move(done)](gateway::Result<gateway::Wallet> result) {
        if (!self)
            return;
        if (!result) {
            const ServiceError error = ServiceError::fromGateway(result.error());
            Q_EMIT self->refreshFailed(error);
            if (done)
                done(error);
            return;
        }
        self->m_wallet = result.value();
        Q_EMIT self->walletChanged(*self->m_wallet);
        if (done)
            done(*self->m_wallet);
    });
}

void WalletService::payeeProfile(PayeeProfileCallback done)
{
    if (!m_context.isSignedIn()) {
        detail::answerLater(this, std::move(done), ServiceResult<PayeeProfile>(notSignedIn()));
        return;
    }
    if (!m_context.isStorageOpen()) {
        detail::answerLater(
            this, std::move(done),
            ServiceResult<PayeeProfile>(ServiceError::state(
                QStringLiteral("storage_not_open"),
                QCoreApplication::translate("bw::services::WalletService",
                                            "Your wallet data is not open yet. Sign in again."))));
        return;
    }
    using Loaded = storage::Result<std::optional<storage::ProfileRow>>;
    QPointer<WalletService> self(this);
    m_context.database().run<Loaded>(
        [](storage::WalletDatabase &db) -> Loaded { return storage::ProfileStore(db).get(); }, this,
        [self, done = std::move(done)](Loaded loaded) {
            if (!self || !done)
                return;
            // Locked while the job ran: personal data must not reach a page that is being cleared.
            if (!self->m_context.isSignedIn()) {
                done(notSignedIn());
                return;
            }
            if (!loaded) {
                done(ServiceError::fromStorage(loaded.error()));
                return;
            }
            const std::optional<storage::ProfileRow> &row = loaded.value();
            const auto phone = core::PhoneValidator::validate(row ? row->phone : QString());
            if (!phone) {
                done(ServiceError::state(
                    QStringLiteral("profile_missing"),
                    QCoreApplication::translate("bw::services::WalletService",
                                                "Your phone number is not saved on this computer. Sign out, "
                                                "then sign in again.")));
                return;
            }
            done(PayeeProfile{phone->e164(), row->fullName});
        });
}

void WalletService::fees(FeesCallback done)
{
    m_context.gateway().listFees(detail::relayResult<gateway::FeeSchedule>(this, std::move(done)));
}

void WalletService::banks(BanksCallback done)
{
    m_context.gateway().listBanks(detail::relayResult<QList<gateway::Bank>>(this, std::move(done)));
}

void WalletService::merchants(const QString &query, MerchantsCallback done)
{
    m_context.gateway().listMerchants(query,
                                      detail::relayResult<QList<gateway::Merchant>>(this, std::move(done)));
}

void WalletService::testConnection(const QUrl &url, std::function<void(ServiceError)> done)
{
    // A client of its own: the test must not change the URL, credential or token of the app's client.
    auto *client = new gateway::GatewayClient(this);
    const gateway::GatewayError urlError = client->setBaseUrl(url);
    if (urlError.isError()) {
        client->deleteLater();
        detail::answerLater(this, std::move(done), ServiceError::fromGateway(urlError));
        return;
    }
    client->setConnectTimeout(std::chrono::milliseconds(kTestTimeoutMs));
    client->setTotalTimeout(std::chrono::milliseconds(kTestTimeoutMs));
    gateway::RetryPolicy once;
    once.maxAttempts = 1;
    client->setRetryPolicy(once);
    client->health([client, done = std::move(done)](gateway::Result<gateway::Health> result) {
        // Deleted later: this callback runs from inside the client.
        client->deleteLater();
        if (!done)
            return;
        done(result ? ServiceError{} : ServiceError::fromGateway(result.error()));
    });
}

} // namespace bw::services
