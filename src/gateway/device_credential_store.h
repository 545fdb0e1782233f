// DeviceCredentialStore: keeps the device credential (wallet id, device id, device secret) in the OS
// keychain through keychain::SecretStore, so the secret is only ever on disk inside the keychain. Async:
// each request answers once, later, on this object's thread, with a Result (keychain failures are
// GatewayError kind Keychain with the keychain's status; a stored entry that is not ours is Keychain with
// status InvalidEntry and is left as it is). No callback runs after this object is destroyed.
#pragma once

#include "crypto/secret_bytes.h"
#include "gateway/gateway_error.h"
#include "gateway/gateway_types.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace bw::keychain {
class SecretStore;
}

namespace bw::gateway {

class DeviceCredentialStore : public QObject
{
    Q_OBJECT

public:
    using LoadCallback = std::function<void(Result<std::optional<DeviceCredentials>> result)>;
    using DoneCallback = std::function<void(Result<NoContent> result)>;

    // The keychain key the credential is stored under (SecretStore adds the application id):
    // "device-credential". Tests and several profiles pass their own.
    static QString defaultKeyName();

    // store must outlive this object's pending requests (a destroyed store drops them silently).
    explicit DeviceCredentialStore(keychain::SecretStore *store, QObject *parent = nullptr);
    DeviceCredentialStore(keychain::SecretStore *store, QString keyName, QObject *parent = nullptr);
    ~DeviceCredentialStore() override;

    QString keyName() const { return m_keyName; }

    // nullopt when the keychain has no entry (a new desktop: enroll or add the device).
    void load(LoadCallback done);
    // Replaces the stored credential. The serialized buffer is wiped once the keychain has taken it.
    void save(const DeviceCredentials &credentials, DoneCallback done);
    // Removes it (removing a missing entry is fine).
    void remove(DoneCallback done);

private:
    QPointer<keychain::SecretStore> m_store;
    QString m_keyName;
};

} // namespace bw::gateway
