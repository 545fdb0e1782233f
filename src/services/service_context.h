// API-READY
// ServiceContext: what every service of ONE wallet shares — the GatewayClient (base URL, pins, device
// credential, session token), the keychain (SecretStore, DeviceCredentialStore, DataKeyProvider), the
// wallet database on its DatabaseWorker (<dataDir>/wallet.sqlite, opened once the data key is known), the
// data folder, and the session state the services announce (signed in / locked / signed out). Owned by the
// app (or a test); services keep a pointer to it and must not outlive it. Lives on the GUI thread: nothing
// here blocks (keychain jobs are async, SQL runs on the worker).
//
// ServiceError and ServiceResult<T> are the one error type of bw::services: a GatewayError, a StorageError,
// a keychain status, a local validation error or a service-state error, each with a translated message.
//
//   ServiceContext ctx(dataDir);
//   ctx.gateway().setBaseUrl(url);
//   ctx.openStorage(this, [](ServiceError e) { if (e.isError()) show(e.userMessage()); });
#pragma once

#include "core/expected.h"
#include "core/validation.h"
#include "gateway/gateway_client.h"
#include "gateway/gateway_error.h"
#include "keychain/keychain_result.h"
#include "storage/storage_error.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace bw::keychain {
class SecretStore;
class DataKeyProvider;
} // namespace bw::keychain
namespace bw::gateway {
class DeviceCredentialStore;
}
namespace bw::storage {
class DatabaseWorker;
class WalletDatabase;
} // namespace bw::storage

namespace bw::services {

// Why a service call failed. Stable values (may be logged); new kinds are added at the end.
enum class ServiceErrorKind {
    None,
    Gateway,    // the bank (or the way to it) said no: see gateway (GatewayError, incl. its kind Keychain)
    Storage,    // the local database: see storage
    Keychain,   // the OS keychain: see keychainStatus (no backend, locked, timed out, ...)
    Validation, // an input was refused locally before anything was sent: see validation and field
    State,      // the call does not fit the service's state (e.g. verifying a code before enrolling): code
};

class ServiceError
{
public:
    ServiceErrorKind kind = ServiceErrorKind::None;
    // A stable code for logic and tests: the contract code (kind Gateway/Api, e.g. "invalid_credentials"),
    // the GatewayError summary code otherwise ("timeout", "no_session", ...), the storage code name
    // ("storage.disk_full"), the keychain status code ("keychain.no_backend"), the validation code
    // ("weak_pin"), or a service code ("wrong_state", "not_signed_in", ...).
    QString code;
    QString field;                 // Validation: which input ("password", "pin", "phone", ...)
    gateway::GatewayError gateway; // kind Gateway (and Keychain when it came through the gateway)
    storage::StorageError storage; // kind Storage
    keychain::KeychainStatus keychainStatus = keychain::KeychainStatus::Ok; // kind Keychain
    core::ValidationError validation;                                       // kind Validation
    QString message;                                                        // translated, for people

    bool isError() const { return kind != ServiceErrorKind::None; }
    explicit operator bool() const { return isError(); }
    QString userMessage() const { return message; }
    // "gateway:api/invalid_credentials (401)", "keychain:keychain.no_backend", ... for logs and tests.
    QString summary() const;
    // Shortcut: kind Gateway with this contract code.
    bool is(QStringView contractCode) const
    {
        return kind == ServiceErrorKind::Gateway && gateway.is(contractCode);
    }

    static ServiceError fromGateway(const gateway::GatewayError &error);
    static ServiceError fromStorage(const storage::StorageError &error);
    static ServiceError fromKeychain(const keychain::KeychainResult &result);
    static ServiceError fromValidation(const QString &field, const core::ValidationError &error);
    // kind State with a code of the service's own and its translated message.
    static ServiceError state(const QString &code, const QString &message);
};

// A value or a ServiceError.
template<typename T>
using ServiceResult = core::Expected<T, ServiceError>;

// For calls that answer nothing but success or an error.
using ServiceDone = std::function<void(ServiceError error)>; // error.isError() == false: success

enum class SessionState {
    NoWallet,  // no device credential on this desktop (yet): onboarding or "add this device"
    SignedOut, // a wallet is known (device credential loaded), no session
    SignedIn,  // a session token is held in memory
    Locked,    // the token was dropped (auto-lock, manual lock, the gateway ended the session)
};

// Why the wallet was locked. ScreenLocked: the desktop locked its screen or went to sleep.
enum class LockReason { Manual, Idle, SessionEnded, ScreenLocked };

class ServiceContext : public QObject
{
    Q_OBJECT

public:
    // dataDir: the wallet's data folder (created only when something must be written into it).
    // keyPrefix: prepended to the keychain key names (empty in the app: the default names; tests pass a
    // unique prefix so that parallel tests never share an entry).
    explicit ServiceContext(QString dataDir, QString keyPrefix = {}, QObject *parent = nullptr);
    // Shuts the database worker down (finishing its queued jobs) and wipes the in-memory secrets.
    ~ServiceContext() override;

    QString dataDir() const { return m_dataDir; }
    QString databasePath() const; // <dataDir>/wallet.sqlite
    QString settingsPath() const; // <dataDir>/settings.ini
    QString keyPrefix() const { return m_keyPrefix; }

    gateway::GatewayClient &gateway() { return *m_gateway; }
    keychain::SecretStore &secretStore() { return *m_secrets; }
    gateway::DeviceCredentialStore &deviceCredentials() { return *m_deviceStore; }
    keychain::DataKeyProvider &dataKeyProvider() { return *m_dataKeys; }
    // Always valid; jobs posted before openStorage() succeeded answer NotOpen.
    storage::DatabaseWorker &database() { return *m_worker; }

    // ---- storage ---------------------------------------------------------------------------------------
    // Gets the data key from the keychain (async) and opens <dataDir>/wallet.sqlite on the worker. Once
    // open, later calls answer success at once (still asynchronously). Concurrent calls share one attempt.
    // Errors: kind Keychain (no Secret Service, locked keyring, timeout: NOTHING is created on disk, not
    // even the data folder), kind Storage (DataKeyWrong, Corrupt, NewerVersion, ...). done runs on this
    // object's thread, only while `context` lives (a null context: always).
    void openStorage(QObject *context, ServiceDone done);
    bool isStorageOpen() const { return m_storageOpen; }
    // A second connection to the wallet database, opened on the CALLING thread (the GUI thread) for the
    // read-only models (HistoryModel reads its pages there; WAL mode, so it never waits for the worker's
    // writes). Needs openStorage() to have succeeded (else State "storage_not_open"). The data key is asked
    // of the keychain again (async) and stays inside the returned WalletDatabase: callers never see it.
    // Errors: kind Keychain, kind Storage. done runs on this object's thread, only while `context` lives.
    using ReaderCallback = std::function<void(ServiceResult<std::unique_ptr<storage::WalletDatabase>>)>;
    void openReader(QObject *context, ReaderCallback done);

    // ---- device credential -----------------------------------------------------------------------------
    // Loads the device credential from the keychain into the GatewayClient (once; later calls reuse it).
    // Answers true when this desktop has one (SessionState becomes SignedOut, walletId() is known), false
    // when not (NoWallet). Errors: kind Keychain.
    void loadDeviceCredential(QObject *context, std::function<void(ServiceResult<bool>)> done);
    // Stores a credential the gateway just handed out (enrollment, add device) in the keychain and only
    // then gives it to the GatewayClient, so a credential the keychain refused is never used. The secret in
    // `credentials` is wiped whatever happens.
    void adoptDeviceCredential(gateway::DeviceCredentials credentials, QObject *context, ServiceDone done);
    // Removes the credential from the keychain and from memory (sign-out of this desktop for good).
    void forgetDeviceCredential(QObject *context, ServiceDone done);
    bool hasDeviceCredential() const;
    QString walletId() const { return m_walletId; }

    // ---- session state (set by SessionService / OnboardingService) ------------------------------------
    SessionState sessionState() const { return m_state; }
    bool isSignedIn() const { return m_state == SessionState::SignedIn; }
    // The GatewayClient already holds the token when this is called.
    void markSignedIn();
    // Drops the access token from memory (the device credential stays).
    void markLocked(LockReason reason);
    // Drops the access token; state SignedOut (or NoWallet without a credential).
    void markSignedOut();

Q_SIGNALS:
    void storageOpened();
    void sessionStateChanged(bw::services::SessionState state);
    void signedIn(const QString &walletId);
    void locked(bw::services::LockReason reason);
    void signedOut();

private:
    void finishStorageOpen(const ServiceError &error);
    void setState(SessionState state);

    struct Waiter
    {
        QPointer<QObject> context;
        bool hadContext = false;
        ServiceDone done;
    };

    QString m_dataDir;
    QString m_keyPrefix;
    std::unique_ptr<gateway::GatewayClient> m_gateway;
    std::unique_ptr<keychain::SecretStore> m_secrets;
    std::unique_ptr<gateway::DeviceCredentialStore> m_deviceStore;
    std::unique_ptr<keychain::DataKeyProvider> m_dataKeys;
    std::unique_ptr<storage::DatabaseWorker> m_worker;
    bool m_storageOpen = false;
    bool m_storageOpening = false;
    std::vector<Waiter> m_storageWaiters;
    bool m_credentialLoaded = false;
    QString m_walletId;
    SessionState m_state = SessionState::NoWallet;
};

} // namespace bw::services

Q_DECLARE_METATYPE(bw::services::ServiceError)
