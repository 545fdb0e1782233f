// DataKeyProvider: hands out the 256-bit local data key that encrypts sensitive fields of the local
// database. The key lives only in the OS keychain (through SecretStore). A new random key is created and
// stored only when the keychain says the entry does not exist; any other answer — locked keyring, no
// keychain, timeout, a damaged entry — is returned to the caller and nothing is written, so that an
// existing key (and the data it encrypts) is never replaced.
#pragma once

#include "crypto/result.h"
#include "crypto/secret_bytes.h"
#include "keychain/keychain_result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <vector>

namespace bw::keychain {

class SecretStore;

struct DataKeyResult
{
    KeychainResult result;
    // Exactly DataKeyProvider::kKeySize bytes when result.ok(), empty otherwise.
    crypto::SecretBytes key;
    // True when this request created and stored the key (first start, or the keychain entry was deleted):
    // data encrypted with an earlier key cannot be read with it.
    bool created = false;
};

class DataKeyProvider : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kKeySize = 32;

    using Callback = std::function<void(DataKeyResult result)>;
    // Makes a new key; must return kKeySize bytes. Injected by tests; the default is crypto::randomKey32().
    using KeyGenerator = std::function<crypto::Result<crypto::SecretBytes>()>;

    // The keychain key the data key is stored under (SecretStore adds the application id).
    static QString defaultKeyName();

    // store must outlive this provider's pending requests (a destroyed store drops them silently).
    explicit DataKeyProvider(SecretStore *store, QObject *parent = nullptr);
    DataKeyProvider(SecretStore *store, QString keyName, KeyGenerator generator, QObject *parent = nullptr);
    ~DataKeyProvider() override;

    QString keyName() const { return m_keyName; }

    // Answers later, exactly once, on this object's thread (unless this provider or its store is destroyed
    // first). Requests made while one is in flight share its answer, so that two callers can never
    // create two different keys. Errors: the SecretStore statuses (except NotFound, which leads to a new
    // key), InvalidEntry when the stored value is not kKeySize bytes (it is left as it is), and Other when
    // no random key could be made.
    void requestKey(Callback done);

private:
    void onRead(const KeychainResult &result, QByteArray value);
    void createKey();
    void deliver(const KeychainResult &result, crypto::SecretBytes key, bool created);

    QPointer<SecretStore> m_store;
    QString m_keyName;
    KeyGenerator m_generator;
    std::vector<Callback> m_waiting;
    bool m_busy = false;
    // The key being stored, handed out only once the keychain has confirmed the write.
    crypto::SecretBytes m_newKey;
};

} // namespace bw::keychain
