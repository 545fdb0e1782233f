// SecretStore and DataKeyProvider against the real Secret Service (gnome-keyring), as tools/test runs it:
// a private D-Bus session with an unlocked throwaway keyring. Every key carries a random suffix for this
// run and is deleted at the end.

#include "keychain_test_support.h"

#include "crypto/random.h"
#include "keychain/data_key_provider.h"
#include "keychain/secret_store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <set>

using namespace bw::keychain;
using namespace bw::keychain::test;
using bw::crypto::SecretBytes;

namespace {

QByteArray allByteValues()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(static_cast<char>(i));
    return bytes;
}

QByteArray randomBytes(qsizetype n)
{
    auto r = bw::crypto::randomBytes(n);
    return r.ok() ? r.value() : QByteArray();
}

} // namespace

class SecretStoreTest : public QObject
{
    Q_OBJECT

private:
    QString key(const QString &name)
    {
        const QString k = QStringLiteral("test-%1-%2").arg(m_runId, name);
        m_usedKeys.insert(k);
        return k;
    }

    QString m_runId;
    std::set<QString> m_usedKeys;
    std::unique_ptr<SecretStore> m_store;

private Q_SLOTS:
    void initTestCase()
    {
        m_runId = QString::number(QRandomGenerator::system()->generate64(), 16);
        m_store = std::make_unique<SecretStore>();
        m_store->setTimeout(std::chrono::seconds(10));
        // Fail early and clearly when there is no usable keyring rather than in every test.
        const DoneOutcome probe = writeAndWait(*m_store, key(QStringLiteral("probe")), "probe");
        if (!probe.result.ok()) {
            QFAIL(qPrintable(
                QStringLiteral("No usable Secret Service (%1: %2). Run inside a private D-Bus session "
                               "with an unlocked gnome-keyring, as tools/test does.")
                    .arg(keychainStatusCode(probe.result.status), probe.result.detail)));
        }
    }

    void cleanupTestCase()
    {
        if (!m_store)
            return;
        for (const QString &k : m_usedKeys) {
            const DoneOutcome removed = removeAndWait(*m_store, k);
            QCOMPARE(removed.result.status, KeychainStatus::Ok);
            QCOMPARE(readAndWait(*m_store, k).result.status, KeychainStatus::NotFound);
        }
    }

    void names()
    {
        QCOMPARE(SecretStore::serviceName(), QStringLiteral("BankWallet"));
        QCOMPARE(SecretStore::qualifiedKey(QStringLiteral("local-data-key")),
                 QStringLiteral("org.bankwallet.BankWallet/local-data-key"));
        QCOMPARE(DataKeyProvider::defaultKeyName(), QStringLiteral("local-data-key"));
        QCOMPARE(SecretStore().timeout(), SecretStore::kDefaultTimeout);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("one NUL byte") << QByteArray(1, '\0');
        QTest::newRow("NUL bytes inside and at both ends") << QByteArray("\0ab\0\0cd\0", 8);
        QTest::newRow("all 256 byte values") << allByteValues();
        QTest::newRow("all 256 byte values reversed") << [] {
            QByteArray b = allByteValues();
            std::reverse(b.begin(), b.end());
            return b;
        }();
        QTest::newRow("32 random bytes") << randomBytes(32);
        QTest::newRow("non-ASCII UTF-8 text") << QStringLiteral("密钥 ключ 🔑").toUtf8();
        QTest::newRow("invalid UTF-8") << QByteArray("\xff\xfe\xc3\x28\x80", 5);
        QTest::newRow("base64 padding characters") << QByteArray("==", 2);
        QTest::newRow("64 KiB random") << randomBytes(64 * 1024);
    }

    void roundTrip()
    {
        QFETCH(QByteArray, value);
        const QString k = key(QStringLiteral("roundtrip-%1").arg(QTest::currentDataTag()));
        const DoneOutcome written = writeAndWait(*m_store, k, value);
        QCOMPARE(written.result.status, KeychainStatus::Ok);
        QVERIFY(written.result.message.isEmpty());
        QCOMPARE(written.calls, 1);
        QVERIFY(!written.synchronous);

        const ReadOutcome read = readAndWait(*m_store, k);
        QCOMPARE(read.result.status, KeychainStatus::Ok);
        QCOMPARE(read.calls, 1);
        QVERIFY(!read.synchronous);
        QCOMPARE(read.value.size(), value.size());
        QCOMPARE(read.value, value);
    }

    // An empty value is a legitimate (if odd) secret: it must not read back as "not found".
    void emptyValueRoundTrips()
    {
        const QString k = key(QStringLiteral("empty"));
        QCOMPARE(writeAndWait(*m_store, k, QByteArray()).result.status, KeychainStatus::Ok);
        const ReadOutcome read = readAndWait(*m_store, k);
        QCOMPARE(read.result.status, KeychainStatus::Ok);
        QVERIFY(read.value.isEmpty());
    }

    void writeLeavesCallersValueIntact()
    {
        const QByteArray value = randomBytes(32);
        const QByteArray copy(value.constData(), value.size());
        QCOMPARE(writeAndWait(*m_store, key(QStringLiteral("intact")), value).result.status,
                 KeychainStatus::Ok);
        QCOMPARE(value, copy);
    }

    void readMissingIsNotFound()
    {
        const ReadOutcome read = readAndWait(*m_store, key(QStringLiteral("never-written")));
        QCOMPARE(read.result.status, KeychainStatus::NotFound);
        QVERIFY(!read.result.message.isEmpty());
        QVERIFY(read.value.isEmpty());
        QCOMPARE(read.calls, 1);
    }

    void removeDeletesEntry()
    {
        const QString k = key(QStringLiteral("remove"));
        QCOMPARE(writeAndWait(*m_store, k, "to be deleted").result.status, KeychainStatus::Ok);
        QCOMPARE(readAndWait(*m_store, k).result.status, KeychainStatus::Ok);
        const DoneOutcome removed = removeAndWait(*m_store, k);
        QCOMPARE(removed.result.status, KeychainStatus::Ok);
        QCOMPARE(removed.calls, 1);
        QCOMPARE(readAndWait(*m_store, k).result.status, KeychainStatus::NotFound);
    }

    void removeMissingIsOk()
    {
        const DoneOutcome removed = removeAndWait(*m_store, key(QStringLiteral("remove-missing")));
        QCOMPARE(removed.result.status, KeychainStatus::Ok);
        QCOMPARE(removed.calls, 1);
    }

    void overwriteReplacesValue()
    {
        const QString k = key(QStringLiteral("overwrite"));
        QCOMPARE(writeAndWait(*m_store, k, QByteArray(100, 'a')).result.status, KeychainStatus::Ok);
        QCOMPARE(writeAndWait(*m_store, k, QByteArray("b\0c", 3)).result.status, KeychainStatus::Ok);
        const ReadOutcome read = readAndWait(*m_store, k);
        QCOMPARE(read.result.status, KeychainStatus::Ok);
        QCOMPARE(read.value, QByteArray("b\0c", 3));
    }

    void keysAreIndependent()
    {
        const QString a = key(QStringLiteral("独立-a"));
        const QString b = key(QStringLiteral("独立-b"));
        const QString prefix = key(QStringLiteral("独立")); // a prefix of both must not match either
        QCOMPARE(writeAndWait(*m_store, a, "value a").result.status, KeychainStatus::Ok);
        QCOMPARE(writeAndWait(*m_store, b, "value b").result.status, KeychainStatus::Ok);
        QCOMPARE(readAndWait(*m_store, a).value, QByteArray("value a"));
        QCOMPARE(readAndWait(*m_store, b).value, QByteArray("value b"));
        QCOMPARE(readAndWait(*m_store, prefix).result.status, KeychainStatus::NotFound);
        QCOMPARE(removeAndWait(*m_store, a).result.status, KeychainStatus::Ok);
        QCOMPARE(readAndWait(*m_store, b).value, QByteArray("value b"));
    }

    // The entry is where the contract says: service "BankWallet", key "<app id>/<key>". Checked with
    // libsecret's own command-line tool, independently of QtKeychain (which stores binary data as base64).
    void entryIsStoredUnderServiceAndAppIdPrefix()
    {
        const QString secretTool = QStandardPaths::findExecutable(QStringLiteral("secret-tool"));
        QVERIFY2(!secretTool.isEmpty(), "secret-tool (Debian package libsecret-tools) is needed");
        const QString k = key(QStringLiteral("where"));
        const QByteArray value("\0where\xff", 7);
        QCOMPARE(writeAndWait(*m_store, k, value).result.status, KeychainStatus::Ok);

        QProcess tool;
        tool.start(secretTool,
                   {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("BankWallet"),
                    QStringLiteral("user"), QStringLiteral("org.bankwallet.BankWallet/") + k});
        QVERIFY(tool.waitForFinished(10000));
        QCOMPARE(tool.exitCode(), 0);
        QCOMPARE(QByteArray::fromBase64(tool.readAllStandardOutput().trimmed()), value);
    }

    void invalidKeysAreRefused_data()
    {
        QTest::addColumn<QString>("badKey");
        QTest::newRow("empty") << QString();
        QTest::newRow("embedded NUL") << QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b");
        QTest::newRow("only NUL") << QString(QChar(u'\0'));
    }

    void invalidKeysAreRefused()
    {
        QFETCH(QString, badKey);
        // "a\0b" would otherwise reach the backend as "a": prove "a" is untouched.
        const QString a = QStringLiteral("a");
        const ReadOutcome read = readAndWait(*m_store, badKey);
        QCOMPARE(read.result.status, KeychainStatus::InvalidArgument);
        QVERIFY(!read.result.message.isEmpty());
        QVERIFY(!read.synchronous);
        QCOMPARE(read.calls, 1);
        const DoneOutcome written = writeAndWait(*m_store, badKey, "x");
        QCOMPARE(written.result.status, KeychainStatus::InvalidArgument);
        QVERIFY(!written.synchronous);
        QCOMPARE(written.calls, 1);
        const DoneOutcome removed = removeAndWait(*m_store, badKey);
        QCOMPARE(removed.result.status, KeychainStatus::InvalidArgument);
        QVERIFY(!removed.synchronous);
        QCOMPARE(readAndWait(*m_store, a).result.status, KeychainStatus::NotFound);
        QCOMPARE(m_store->pendingCount(), 0);
    }

    // Many requests in flight at once: each answered once, with its own value.
    void concurrentRequests()
    {
        constexpr int n = 20;
        std::vector<QByteArray> values;
        auto answers = std::make_shared<std::vector<int>>(n, 0);
        auto results = std::make_shared<std::vector<QByteArray>>(n);
        for (int i = 0; i < n; ++i) {
            values.push_back(randomBytes(16 + i));
            m_store->write(key(QStringLiteral("many-%1").arg(i)), values.back(),
                           [answers, i](const KeychainResult &r) { (*answers)[i] += r.ok() ? 1 : 1000; });
        }
        QCOMPARE(m_store->pendingCount(), n);
        QVERIFY(QTest::qWaitFor([&] { return m_store->pendingCount() == 0; }, 30000));
        for (int i = 0; i < n; ++i) {
            QCOMPARE((*answers)[i], 1);
            m_store->read(key(QStringLiteral("many-%1").arg(i)),
                          [answers, results, i](const KeychainResult &r, QByteArray v) {
                              (*answers)[i] += r.ok() ? 1 : 1000;
                              (*results)[i] = v;
                          });
        }
        QVERIFY(QTest::qWaitFor([&] { return m_store->pendingCount() == 0; }, 30000));
        QTest::qWait(kSettleMs);
        for (int i = 0; i < n; ++i) {
            QCOMPARE((*answers)[i], 2);
            QCOMPARE((*results)[i], values[i]);
        }
    }

    // A store destroyed with requests in flight never calls them back and does not crash when the
    // backend answers later (AddressSanitizer would see a use-after-free).
    void destroyedStoreDropsCallbacks()
    {
        auto calls = std::make_shared<int>(0);
        const QString k = key(QStringLiteral("destroyed"));
        {
            SecretStore store;
            store.write(k, "written by a store that is destroyed at once",
                        [calls](const KeychainResult &) { ++*calls; });
            store.read(k, [calls](const KeychainResult &, QByteArray) { ++*calls; });
            store.remove(k, [calls](const KeychainResult &) { ++*calls; });
        }
        // The jobs still run to their end; a later request is queued behind them, so its answer proves
        // they are done.
        QCOMPARE(readAndWait(*m_store, k).result.status, KeychainStatus::NotFound);
        QCOMPARE(*calls, 0);
    }

    // Empty callbacks are allowed: the requests still run and are answered (to no one), and a value read
    // for no one is dropped without a crash.
    void emptyCallbacksAreAllowed()
    {
        SecretStore store;
        const QString k = key(QStringLiteral("no-callback"));
        store.write(k, "stored without a callback", {});
        store.read(k, {});
        QCOMPARE(store.pendingCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(store.pendingCount(), 0, 15000);
        const ReadOutcome read = readAndWait(store, k);
        QCOMPARE(read.result.status, KeychainStatus::Ok);
        QCOMPARE(read.value, QByteArray("stored without a callback"));
        store.remove(k, {});
        QTRY_COMPARE_WITH_TIMEOUT(store.pendingCount(), 0, 15000);
        QCOMPARE(readAndWait(store, k).result.status, KeychainStatus::NotFound);
    }

    // A callback may destroy the store that calls it.
    void callbackMayDestroyStore()
    {
        auto store = new SecretStore;
        auto calls = std::make_shared<int>(0);
        store->read(key(QStringLiteral("self-destruct")),
                    [store, calls](const KeychainResult &r, QByteArray) {
                        ++*calls;
                        QCOMPARE(r.status, KeychainStatus::NotFound);
                        delete store;
                    });
        QVERIFY(QTest::qWaitFor([&] { return *calls > 0; }, 15000));
        QTest::qWait(kSettleMs);
        QCOMPARE(*calls, 1);
    }

    void dataKeyCreatedOnFirstCallThenReused()
    {
        const QString name = key(QStringLiteral("data-key"));
        SecretBytes first;
        {
            DataKeyProvider provider(m_store.get(), name, {});
            QCOMPARE(provider.keyName(), name);
            KeyOutcome created = requestKeyAndWait(provider, *m_store);
            QCOMPARE(created.result.result.status, KeychainStatus::Ok);
            QCOMPARE(created.calls, 1);
            QVERIFY(!created.synchronous);
            QVERIFY(created.result.created);
            QCOMPARE(created.result.key.size(), DataKeyProvider::kKeySize);
            QVERIFY(created.result.key != SecretBytes(DataKeyProvider::kKeySize)); // not all zeros
            first = std::move(created.result.key);
        }
        // What is in the keychain is exactly the key handed out.
        const ReadOutcome stored = readAndWait(*m_store, name);
        QCOMPARE(stored.result.status, KeychainStatus::Ok);
        QCOMPARE(stored.value, first.toByteArray());

        // A second provider (as after a restart) gets the same key and does not create one.
        DataKeyProvider again(m_store.get(), name, [] {
            QTest::qFail("the key generator must not be called when a key exists", __FILE__, __LINE__);
            return bw::crypto::randomKey32();
        });
        KeyOutcome second = requestKeyAndWait(again, *m_store);
        QCOMPARE(second.result.result.status, KeychainStatus::Ok);
        QVERIFY(!second.result.created);
        QVERIFY(second.result.key == first);
    }

    void dataKeyUsesGeneratedKey()
    {
        const QString name = key(QStringLiteral("data-key-generated"));
        QByteArray fixed(32, '\0');
        for (int i = 0; i < 32; ++i)
            fixed[i] = static_cast<char>(0xA0 + i);
        DataKeyProvider provider(m_store.get(), name, [fixed] { return SecretBytes::copyOf(fixed); });
        KeyOutcome created = requestKeyAndWait(provider, *m_store);
        QCOMPARE(created.result.result.status, KeychainStatus::Ok);
        QVERIFY(created.result.created);
        QCOMPARE(created.result.key.toByteArray(), fixed);
        QCOMPARE(readAndWait(*m_store, name).value, fixed);
    }

    // Two requests at once on a missing entry must not create two keys.
    void concurrentKeyRequestsShareOneKey()
    {
        const QString name = key(QStringLiteral("data-key-concurrent"));
        auto generated = std::make_shared<int>(0);
        DataKeyProvider provider(m_store.get(), name, [generated] {
            ++*generated;
            return bw::crypto::randomKey32();
        });
        auto results = std::make_shared<std::vector<DataKeyResult>>();
        for (int i = 0; i < 3; ++i)
            provider.requestKey([results](DataKeyResult r) { results->push_back(std::move(r)); });
        QVERIFY(QTest::qWaitFor([&] { return results->size() == 3; }, 30000));
        QTest::qWait(kSettleMs);
        QCOMPARE(results->size(), std::size_t(3));
        QCOMPARE(*generated, 1);
        for (const DataKeyResult &r : *results) {
            QCOMPARE(r.result.status, KeychainStatus::Ok);
            QVERIFY(r.key == results->front().key);
        }
        QCOMPARE(readAndWait(*m_store, name).value, results->front().key.toByteArray());
    }

    void dataKeyRefusesWrongLengthEntry_data()
    {
        QTest::addColumn<QByteArray>("stored");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("1 byte") << QByteArray(1, '\x01');
        QTest::newRow("16 bytes") << randomBytes(16);
        QTest::newRow("31 bytes") << randomBytes(31);
        QTest::newRow("33 bytes") << randomBytes(33);
        QTest::newRow("64 bytes") << randomBytes(64);
        QTest::newRow("256 byte values") << allByteValues();
    }

    void dataKeyRefusesWrongLengthEntry()
    {
        QFETCH(QByteArray, stored);
        const QString name = key(QStringLiteral("data-key-bad-%1").arg(QTest::currentDataTag()));
        QCOMPARE(writeAndWait(*m_store, name, stored).result.status, KeychainStatus::Ok);
        auto generated = std::make_shared<int>(0);
        DataKeyProvider provider(m_store.get(), name, [generated] {
            ++*generated;
            return bw::crypto::randomKey32();
        });
        const KeyOutcome outcome = requestKeyAndWait(provider, *m_store);
        QCOMPARE(outcome.calls, 1);
        QCOMPARE(outcome.result.result.status, KeychainStatus::InvalidEntry);
        QVERIFY(!outcome.result.result.message.isEmpty());
        QVERIFY(outcome.result.key.isEmpty());
        QVERIFY(!outcome.result.created);
        QCOMPARE(*generated, 0);
        // The damaged entry is still there, unchanged.
        const ReadOutcome after = readAndWait(*m_store, name);
        QCOMPARE(after.result.status, KeychainStatus::Ok);
        QCOMPARE(after.value, stored);
    }

    void dataKeyGeneratorFailureWritesNothing_data()
    {
        QTest::addColumn<int>("generatedSize"); // -1: the generator reports RandomFailure
        QTest::newRow("random failure") << -1;
        QTest::newRow("generator made 0 bytes") << 0;
        QTest::newRow("generator made 16 bytes") << 16;
        QTest::newRow("generator made 33 bytes") << 33;
    }

    void dataKeyGeneratorFailureWritesNothing()
    {
        QFETCH(int, generatedSize);
        const QString name = key(QStringLiteral("data-key-nogen-%1").arg(QTest::currentDataTag()));
        DataKeyProvider provider(m_store.get(), name, [generatedSize]() -> bw::crypto::Result<SecretBytes> {
            if (generatedSize < 0)
                return bw::crypto::CryptoError::RandomFailure;
            return SecretBytes(generatedSize);
        });
        const KeyOutcome outcome = requestKeyAndWait(provider, *m_store);
        QCOMPARE(outcome.result.result.status, KeychainStatus::Other);
        QVERIFY(!outcome.result.result.message.isEmpty());
        QVERIFY(outcome.result.key.isEmpty());
        QCOMPARE(readAndWait(*m_store, name).result.status, KeychainStatus::NotFound);
    }

    // After the keychain entry is deleted, a new key is created (and reported as created) — the storage
    // layer uses `created` to notice that older encrypted data cannot be read any more.
    void dataKeyRecreatedAfterEntryDeleted()
    {
        const QString name = key(QStringLiteral("data-key-recreate"));
        DataKeyProvider provider(m_store.get(), name, {});
        KeyOutcome first = requestKeyAndWait(provider, *m_store);
        QCOMPARE(first.result.result.status, KeychainStatus::Ok);
        QCOMPARE(removeAndWait(*m_store, name).result.status, KeychainStatus::Ok);
        KeyOutcome second = requestKeyAndWait(provider, *m_store);
        QCOMPARE(second.result.result.status, KeychainStatus::Ok);
        QVERIFY(second.result.created);
        QVERIFY(!(second.result.key == first.result.key));
    }

    void dataKeyProviderDestroyedWhileWaiting()
    {
        auto calls = std::make_shared<int>(0);
        const QString name = key(QStringLiteral("data-key-destroyed"));
        {
            DataKeyProvider provider(m_store.get(), name, {});
            provider.requestKey([calls](DataKeyResult) { ++*calls; });
        }
        // Later requests queue behind the dropped one; once this answers, the dropped one has too.
        QVERIFY(readAndWait(*m_store, name).calls == 1);
        QTest::qWait(kSettleMs);
        QCOMPARE(*calls, 0);
    }
};

QTEST_GUILESS_MAIN(SecretStoreTest)
#include "tst_secret_store.moc"
