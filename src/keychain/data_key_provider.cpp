#include "keychain/data_key_provider.h"

#include "crypto/random.h"
#include "keychain/secret_store.h"

#include <QLoggingCategory>
#include <QTimer>

#include <utility>

namespace bw::keychain {

Q_DECLARE_LOGGING_CATEGORY(lcKeychain)

QString DataKeyProvider::defaultKeyName()
{
    return QStringLiteral("local-data-key");
}

DataKeyProvider::DataKeyProvider(SecretStore *store, QObject *parent)
    : DataKeyProvider(store, defaultKeyName(), {}, parent)
{}

DataKeyProvider::DataKeyProvider(SecretStore *store, QString keyName, KeyGenerator generator, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_keyName(std::move(keyName))
    , m_generator(generator ? std::move(generator) : KeyGenerator([] { return crypto::randomKey32(); }))
{}

DataKeyProvider::~DataKeyProvider() = default;

void DataKeyProvider::requestKey(Callback done)
{
    m_waiting.push_back(std::move(done));
    if (m_busy)
        return; // answered together with the request in flight
    m_busy = true;
    if (!m_store) {
        QTimer::singleShot(0, this, [this] {
            deliver(KeychainResult::failure(KeychainStatus::Other, QStringLiteral("no SecretStore")), {},
                    false);
        });
        return;
    }
    m_store->read(m_keyName,
                  [self = QPointer<DataKeyProvider>(this)](const KeychainResult &result, QByteArray value) {
                      if (!self) {
                          crypto::secureWipe(value);
                          return;
                      }
                      self->onRead(result, std::move(value));
                  });
}

void DataKeyProvider::onRead(const KeychainResult &result, QByteArray value)
{
    if (result.ok()) {
        if (value.size() != kKeySize) {
            // A damaged or foreign entry. Replacing it could destroy the only copy of a key that still
            // decrypts data, so it is reported and left alone.
            const qsizetype size = value.size();
            crypto::secureWipe(value);
            deliver(KeychainResult::failure(
                        KeychainStatus::InvalidEntry,
                        QStringLiteral("stored data key has %1 bytes, expected %2").arg(size).arg(kKeySize)),
                    {}, false);
            return;
        }
        deliver(result, crypto::SecretBytes::takeFrom(value), false);
        return;
    }
    crypto::secureWipe(value);
    if (result.status == KeychainStatus::NotFound) {
        // The only answer that allows a new key: the keychain works and has no entry.
        createKey();
        return;
    }
    deliver(result, {}, false);
}

void DataKeyProvider::createKey()
{
    crypto::Result<crypto::SecretBytes> generated = m_generator();
    if (!generated.ok()) {
        deliver(KeychainResult::failure(KeychainStatus::Other, QStringLiteral("no random key: ") +
                                                                   crypto::errorCodeName(generated.error())),
                {}, false);
        return;
    }
    if (generated.value().size() != kKeySize) {
        deliver(KeychainResult::failure(KeychainStatus::Other,
                                        QStringLiteral("key generator made %1 bytes, expected %2")
                                            .arg(generated.value().size())
                                            .arg(kKeySize)),
                {}, false);
        return;
    }
    if (!m_store) {
        deliver(KeychainResult::failure(KeychainStatus::Other, QStringLiteral("no SecretStore")), {}, false);
        return;
    }
    m_newKey = std::move(generated).value();
    QByteArray copy = m_newKey.toByteArray();
    m_store->write(m_keyName, copy, [self = QPointer<DataKeyProvider>(this)](const KeychainResult &result) {
        if (!self)
            return;
        crypto::SecretBytes key = std::move(self->m_newKey);
        if (!result.ok()) {
            // Not stored (or, after TimedOut, not known to be stored): the key is never handed out, so no
            // data can be encrypted with a key the keychain does not hold. QtKeychain runs jobs one at a
            // time, so a late write still lands before the next request's read, which then finds it.
            key.clear();
            self->deliver(result, {}, false);
            return;
        }
        qCInfo(lcKeychain) << "created a new local data key";
        self->deliver(result, std::move(key), true);
    });
    crypto::secureWipe(copy); // SecretStore gave the job a copy of its own
}

void DataKeyProvider::deliver(const KeychainResult &result, crypto::SecretBytes key, bool created)
{
    // Reset first: a callback may ask again or destroy this provider.
    std::vector<Callback> waiting = std::exchange(m_waiting, {});
    m_busy = false;
    for (std::size_t i = 0; i < waiting.size(); ++i) {
        const bool last = i + 1 == waiting.size();
        crypto::SecretBytes copy = last ? std::move(key) : key.clone();
        if (waiting[i])
            waiting[i](DataKeyResult{result, std::move(copy), created});
    }
}

} // namespace bw::keychain
