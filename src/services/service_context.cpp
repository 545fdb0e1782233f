#include "services/service_context.h"

#include "gateway/device_credential_store.h"
#include "keychain/data_key_provider.h"
#include "keychain/secret_store.h"
#include "storage/database_worker.h"
#include "storage/wallet_database.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServices, "bw.services")

namespace bw::services {

namespace {

// Calls done only while the caller's context object lives (a caller that passed none is always called).
struct Guard
{
    QPointer<QObject> context;
    bool hadContext = false;
    explicit Guard(QObject *c)
        : context(c)
        , hadContext(c != nullptr)
    {}
    bool alive() const { return !hadContext || !context.isNull(); }
};

} // namespace

// ---- ServiceError ----------------------------------------------------------------------------------------

QString ServiceError::summary() const
{
    switch (kind) {
    case ServiceErrorKind::None:
        return QStringLiteral("ok");
    case ServiceErrorKind::Gateway:
        return QStringLiteral("gateway:") + gateway.summary();
    case ServiceErrorKind::Storage:
        return QStringLiteral("storage:") + storage.codeName() + QLatin1Char(' ') + storage.detail;
    case ServiceErrorKind::Keychain:
        return QStringLiteral("keychain:") + code;
    case ServiceErrorKind::Validation:
        return QStringLiteral("validation:%1 (%2, %3)")
            .arg(code, field, core::validationReasonString(validation.reason));
    case ServiceErrorKind::State:
        return QStringLiteral("state:") + code;
    }
    return code;
}

ServiceError ServiceError::fromGateway(const gateway::GatewayError &error)
{
    ServiceError out;
    if (!error.isError())
        return out;
    if (error.kind == gateway::ErrorKind::Keychain) {
        out.kind = ServiceErrorKind::Keychain;
        out.keychainStatus = error.keychainStatus;
        out.code = keychain::keychainStatusCode(error.keychainStatus);
        out.gateway = error;
        out.message = error.userMessage();
        return out;
    }
    out.kind = ServiceErrorKind::Gateway;
    out.gateway = error;
    out.code = error.code.isEmpty() ? gateway::errorKindName(error.kind) : error.code;
    out.field = error.param;
    out.message = error.userMessage();
    return out;
}

ServiceError ServiceError::fromStorage(const storage::StorageError &error)
{
    ServiceError out;
    out.kind = ServiceErrorKind::Storage;
    out.storage = error;
    out.code = error.codeName();
    out.message = error.userMessage();
    return out;
}

ServiceError ServiceError::fromKeychain(const keychain::KeychainResult &result)
{
    ServiceError out;
    if (result.ok())
        return out;
    out.kind = ServiceErrorKind::Keychain;
    out.keychainStatus = result.status;
    out.code = keychain::keychainStatusCode(result.status);
    out.message = result.message.isEmpty() ? keychain::keychainStatusMessage(result.status) : result.message;
    return out;
}

ServiceError ServiceError::fromValidation(const QString &field, const core::ValidationError &error)
{
    ServiceError out;
    if (error.code == core::ValidationCode::None)
        return out;
    out.kind = ServiceErrorKind::Validation;
    out.field = field;
    out.validation = error;
    out.code = error.codeString();
    out.message = error.message();
    return out;
}

ServiceError ServiceError::state(const QString &code, const QString &message)
{
    ServiceError out;
    out.kind = ServiceErrorKind::State;
    out.code = code;
    out.message = message;
    return out;
}

// ---- ServiceContext --------------------------------------------------------------------------------------

ServiceContext::ServiceContext(QString dataDir, QString keyPrefix, QObject *parent)
    : QObject(parent)
    , m_dataDir(std::move(dataDir))
    , m_keyPrefix(std::move(keyPrefix))
    , m_gateway(std::make_unique<gateway::GatewayClient>())
    , m_secrets(std::make_unique<keychain::SecretStore>())
    , m_worker(std::make_unique<storage::DatabaseWorker>())
{
    qRegisterMetaType<bw::services::SessionState>();
    qRegisterMetaType<bw::services::LockReason>();
    qRegisterMetaType<bw::services::ServiceError>();
    m_deviceStore = std::make_unique<gateway::DeviceCredentialStore>(
        m_secrets.get(), m_keyPrefix + gateway::DeviceCredentialStore::defaultKeyName());
    m_dataKeys = std::make_unique<keychain::DataKeyProvider>(
        m_secrets.get(), m_keyPrefix + keychain::DataKeyProvider::defaultKeyName(),
        keychain::DataKeyProvider::KeyGenerator{});
    // The gateway ended the session (expired, idle at the gateway, revoked): the UI shows the lock screen.
    connect(m_gateway.get(), &gateway::GatewayClient::sessionEnded, this, [this] {
        if (m_state == SessionState::SignedIn)
            markLocked(LockReason::SessionEnded);
    });
}

ServiceContext::~ServiceContext()
{
    // Pending jobs finish and the database closes before the services' objects are gone.
    m_worker->shutdown();
    m_gateway->clearAccessToken();
    m_gateway->clearDeviceCredentials();
}

QString ServiceContext::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("wallet.sqlite"));
}

QString ServiceContext::settingsPath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("settings.ini"));
}

void ServiceContext::openStorage(QObject *context, ServiceDone done)
{
    Waiter waiter{QPointer<QObject>(context), context != nullptr, std::move(done)};
    if (m_storageOpen) {
        // Still asynchronous, as documented: never call back from inside the call.
        QMetaObject::invokeMethod(
            this,
            [w = std::move(waiter)] {
                if ((!w.hadContext || w.context) && w.done)
                    w.done(ServiceError{});
            },
            Qt::QueuedConnection);
        return;
    }
    m_storageWaiters.push_back(std::move(waiter));
    if (m_storageOpening)
        return;
    m_storageOpening = true;
    QPointer<ServiceContext> self(this);
    m_dataKeys->requestKey([self](keychain::DataKeyResult key) {
        if (!self)
            return;
        if (!key.result.ok()) {
            qCWarning(lcServices) << "data key unavailable:"
                                  << keychain::keychainStatusCode(key.result.status) << key.result.detail;
            self->finishStorageOpen(ServiceError::fromKeychain(key.result));
            return;
        }
        // The folder is made only now: without a data key nothing at all is written.
        if (!QDir().mkpath(self->m_dataDir)) {
            self->finishStorageOpen(ServiceError::fromStorage(
                {storage::StorageErrorCode::CannotOpen, QStringLiteral("cannot create the data folder")}));
            return;
        }
        self->m_worker->open(self->databasePath(), key.key, self.data(), [self](storage::Status status) {
            if (!self)
                return;
            if (!status) {
                qCWarning(lcServices)
                    << "wallet database not opened:" << status.error().codeName() << status.error().detail;
                self->finishStorageOpen(ServiceError::fromStorage(status.error()));
                return;
            }
            self->m_storageOpen = true;
            self->finishStorageOpen(ServiceError{});
            Q_EMIT self->storageOpened();
        });
    });
}

void ServiceContext::openReader(QObject *context, ReaderCallback done)
{
    Guard guard(context);
    if (!m_storageOpen) {
        const ServiceError error = ServiceError::state(
            QStringLiteral("storage_not_open"),
            QCoreApplication::translate("bw::services::ServiceContext",
                                        "Your wallet's data is not open yet. Sign in again."));
        QMetaObject::invokeMethod(
            this,
            [guard, done = std::move(done), error] {
                if (guard.alive() && done)
                    done(error);
            },
            Qt::QueuedConnection);
        return;
    }
    QPointer<ServiceContext> self(this);
    m_dataKeys->requestKey([self, guard, done = std::move(done)](keychain::DataKeyResult key) {
        if (!self || !guard.alive() || !done)
            return;
        if (!key.result.ok()) {
            done(ServiceError::fromKeychain(key.result));
            return;
        }
        // Already migrated by the worker: this open only sets pragmas and checks the key (a few ms).
        auto reader = std::make_unique<storage::WalletDatabase>();
        const storage::Status status = reader->open(self->databasePath(), key.key);
        if (!status) {
            qCWarning(lcServices) << "wallet database reader not opened:" << status.error().codeName();
            done(ServiceError::fromStorage(status.error()));
            return;
        }
        done(std::move(reader));
    });
}

void ServiceContext::finishStorageOpen(const ServiceError &error)
{
    m_storageOpening = false;
    auto waiters = std::move(m_storageWaiters);
    m_storageWaiters.clear();
    for (auto &w : waiters) {
        if ((!w.hadContext || w.context) && w.done)
            w.done(error);
    }
}

bool ServiceContext::hasDeviceCredential() const
{
    return m_gateway->hasDeviceCredentials();
}

void ServiceContext::loadDeviceCredential(QObject *context, std::function<void(ServiceResult<bool>)> done)
{
    Guard guard(context);
    if (m_credentialLoaded || m_gateway->hasDeviceCredentials()) {
        QMetaObject::invokeMethod(
            this,
            [this, guard, done = std::move(done)] {
                if (guard.alive() && done)
                    done(m_gateway->hasDeviceCredentials());
            },
            Qt::QueuedConnection);
        return;
    }
    QPointer<ServiceContext> self(this);
    m_deviceStore->load([self, guard, done = std::move(done)](
                            gateway::Result<std::optional<gateway::DeviceCredentials>> loaded) mutable {
        if (!self)
            return;
        if (!loaded) {
            if (guard.alive() && done)
                done(ServiceError::fromGateway(loaded.error()));
            return;
        }
        self->m_credentialLoaded = true;
        std::optional<gateway::DeviceCredentials> &credentials = loaded.value();
        if (credentials) {
            self->m_walletId = credentials->walletId;
            self->m_gateway->setDeviceCredentials(credentials->deviceId,
                                                  std::move(credentials->deviceSecret));
            if (self->m_state == SessionState::NoWallet)
                self->setState(SessionState::SignedOut);
        }
        if (guard.alive() && done)
            done(credentials.has_value());
    });
}

void ServiceContext::adoptDeviceCredential(gateway::DeviceCredentials credentials, QObject *context,
                                           ServiceDone done)
{
    Guard guard(context);
    auto held = std::make_shared<gateway::DeviceCredentials>(std::move(credentials));
    QPointer<ServiceContext> self(this);
    m_deviceStore->save(
        *held, [self, guard, held, done = std::move(done)](gateway::Result<gateway::NoContent> r) {
            if (!self) {
                held->deviceSecret.clear();
                return;
            }
            if (!r) {
                held->deviceSecret.clear();
                if (guard.alive() && done)
                    done(ServiceError::fromGateway(r.error()));
                return;
            }
            self->m_credentialLoaded = true;
            self->m_walletId = held->walletId;
            self->m_gateway->setDeviceCredentials(held->deviceId, std::move(held->deviceSecret));
            if (self->m_state == SessionState::NoWallet)
                self->setState(SessionState::SignedOut);
            if (guard.alive() && done)
                done(ServiceError{});
        });
}

void ServiceContext::forgetDeviceCredential(QObject *context, ServiceDone done)
{
    Guard guard(context);
    QPointer<ServiceContext> self(this);
    m_deviceStore->remove([self, guard, done = std::move(done)](gateway::Result<gateway::NoContent> r) {
        if (!self)
            return;
        if (r) {
            // Signed out for good: whoever shows the wallet (dashboard, wallet summary) forgets it.
            self->m_gateway->clearDeviceCredentials();
            self->markSignedOut();
            self->m_walletId.clear();
        }
        if (guard.alive() && done)
            done(r ? ServiceError{} : ServiceError::fromGateway(r.error()));
    });
}

void ServiceContext::markSignedIn()
{
    setState(SessionState::SignedIn);
    Q_EMIT signedIn(m_walletId);
}

void ServiceContext::markLocked(LockReason reason)
{
    m_gateway->clearAccessToken();
    if (m_state != SessionState::SignedIn)
        return;
    setState(SessionState::Locked);
    Q_EMIT locked(reason);
}

void ServiceContext::markSignedOut()
{
    m_gateway->clearAccessToken();
    const bool wasIn = m_state == SessionState::SignedIn || m_state == SessionState::Locked;
    setState(m_gateway->hasDeviceCredentials() ? SessionState::SignedOut : SessionState::NoWallet);
    if (wasIn)
        Q_EMIT signedOut();
}

void ServiceContext::setState(SessionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT sessionStateChanged(state);
}

} // namespace bw::services
