#include "gateway/device_credential_store.h"

#include "crypto/encoding.h"
#include "keychain/secret_store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace bw::gateway {

namespace {

// The answer when the SecretStore is gone: a keychain error, later (never from inside the call).
template<typename Callback>
void answerWithoutStore(QObject *context, Callback done)
{
    QTimer::singleShot(0, context, [done = std::move(done)] {
        done(GatewayError::fromKeychain(keychain::KeychainResult::failure(keychain::KeychainStatus::Other,
                                                                          QStringLiteral("no SecretStore"))));
    });
}

// The keychain entry: compact JSON {"device_id", "v": 1, "wallet_id", "device_secret": base64}, the secret
// always last. The secret is spliced in and cut out by hand so that it never sits in a QJsonObject, whose
// internal copy could not be wiped; every buffer that held it is wiped.
constexpr int kFormatVersion = 1;
const QByteArray kSecretField = QByteArrayLiteral(",\"device_secret\":\"");

QByteArray serialize(const DeviceCredentials &credentials)
{
    QByteArray head = QJsonDocument(QJsonObject{{QStringLiteral("v"), kFormatVersion},
                                                {QStringLiteral("wallet_id"), credentials.walletId},
                                                {QStringLiteral("device_id"), credentials.deviceId}})
                          .toJson(QJsonDocument::Compact);
    head.chop(1); // the closing brace
    QString secret = crypto::base64Encode(credentials.deviceSecret.view());
    QByteArray value;
    value.reserve(head.size() + kSecretField.size() + secret.size() + 2); // no reallocation, no stray copy
    value.append(head).append(kSecretField);
    for (QChar c : std::as_const(secret))
        value.append(char(c.unicode()));
    value.append("\"}");
    crypto::secureWipe(secret);
    return value;
}

Result<DeviceCredentials> deserialize(QByteArray &value)
{
    const auto invalid = [] {
        return GatewayError::fromKeychain(keychain::KeychainResult::failure(
            keychain::KeychainStatus::InvalidEntry,
            QStringLiteral("the device credential entry is not in BankWallet's format")));
    };
    const qsizetype at = value.indexOf(kSecretField);
    const qsizetype secretStart = at + kSecretField.size();
    const qsizetype secretEnd = at < 0 ? -1 : value.indexOf('"', secretStart);
    if (at < 0 || secretEnd < 0 || value.mid(secretEnd) != QByteArrayLiteral("\"}")) {
        crypto::secureWipe(value);
        return invalid();
    }
    auto secret = crypto::base64Decode(QByteArrayView(value).sliced(secretStart, secretEnd - secretStart));
    const QJsonDocument document = QJsonDocument::fromJson(value.left(at) + '}');
    crypto::secureWipe(value);
    const QJsonObject object = document.object();
    DeviceCredentials credentials;
    credentials.walletId = object.value(QStringLiteral("wallet_id")).toString();
    credentials.deviceId = object.value(QStringLiteral("device_id")).toString();
    if (!document.isObject() || object.value(QStringLiteral("v")).toInt() != kFormatVersion ||
        !credentials.walletId.startsWith(QLatin1String("wal_")) ||
        !credentials.deviceId.startsWith(QLatin1String("dev_")) || !secret || secret.value().size() < 16) {
        if (secret)
            crypto::secureWipe(secret.value());
        return invalid();
    }
    credentials.deviceSecret = crypto::SecretBytes::takeFrom(secret.value());
    return credentials;
}

} // namespace

QString DeviceCredentialStore::defaultKeyName()
{
    return QStringLiteral("device-credential");
}

DeviceCredentialStore::DeviceCredentialStore(keychain::SecretStore *store, QObject *parent)
    : DeviceCredentialStore(store, defaultKeyName(), parent)
{}

DeviceCredentialStore::DeviceCredentialStore(keychain::SecretStore *store, QString keyName, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keyName(std::move(keyName))
{}

DeviceCredentialStore::~DeviceCredentialStore() = default;

void DeviceCredentialStore::load(LoadCallback done)
{
    if (!m_store) {
        answerWithoutStore(this, std::move(done));
        return;
    }
    QPointer<DeviceCredentialStore> self(this);
    m_store->read(m_keyName,
                  [self, done = std::move(done)](const keychain::KeychainResult &result, QByteArray value) {
                      if (!self) {
                          crypto::secureWipe(value);
                          return;
                      }
                      if (result.status == keychain::KeychainStatus::NotFound) {
                          done(std::optional<DeviceCredentials>());
                          return;
                      }
                      if (!result.ok()) {
                          crypto::secureWipe(value);
                          done(GatewayError::fromKeychain(result));
                          return;
                      }
                      auto credentials = deserialize(value);
                      if (!credentials) {
                          done(credentials.error());
                          return;
                      }
                      done(std::optional<DeviceCredentials>(std::move(credentials).value()));
                  });
}

void DeviceCredentialStore::save(const DeviceCredentials &credentials, DoneCallback done)
{
    if (!m_store) {
        answerWithoutStore(this, std::move(done));
        return;
    }
    QByteArray value = serialize(credentials);
    QPointer<DeviceCredentialStore> self(this);
    // SecretStore copies the value into its own buffer (wiped when its job ends); wipe ours now.
    m_store->write(m_keyName, value, [self, done = std::move(done)](const keychain::KeychainResult &result) {
        if (!self)
            return;
        if (!result.ok())
            done(GatewayError::fromKeychain(result));
        else
            done(NoContent{});
    });
    crypto::secureWipe(value);
}

void DeviceCredentialStore::remove(DoneCallback done)
{
    if (!m_store) {
        answerWithoutStore(this, std::move(done));
        return;
    }
    QPointer<DeviceCredentialStore> self(this);
    m_store->remove(m_keyName, [self, done = std::move(done)](const keychain::KeychainResult &result) {
        if (!self)
            return;
        if (!result.ok())
            done(GatewayError::fromKeychain(result));
        else
            done(NoContent{});
    });
}

} // namespace bw::gateway
