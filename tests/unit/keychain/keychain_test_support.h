// Helpers for the keychain tests: run one SecretStore / DataKeyProvider request to its answer and record
// what a caller would observe (the answer, how many times it came, whether it came synchronously, and
// how long it took).
#pragma once

#include "keychain/data_key_provider.h"
#include "keychain/secret_store.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>

namespace bw::keychain::test {

// After the first answer, keep the event loop running this long so a second (wrong) answer would show.
constexpr int kSettleMs = 50;

struct ReadOutcome
{
    KeychainResult result;
    QByteArray value;
    int calls = 0;
    bool synchronous = false;
    qint64 elapsedMs = -1;
};

struct DoneOutcome
{
    KeychainResult result;
    int calls = 0;
    bool synchronous = false;
    qint64 elapsedMs = -1;
};

struct KeyOutcome
{
    DataKeyResult result;
    int calls = 0;
    bool synchronous = false;
    qint64 elapsedMs = -1;
};

template<typename Outcome>
struct Pending
{
    Outcome outcome;
    QElapsedTimer timer;
    Pending() { timer.start(); }
    // Counts an answer; true for the first one, which the caller then records in outcome.
    bool firstAnswer()
    {
        if (++outcome.calls != 1)
            return false;
        outcome.elapsedMs = timer.elapsed();
        return true;
    }
    // Call right after starting the request: an answer that came already came synchronously. Waits for the
    // first answer (up to waitMs), then settles; returns what was observed.
    Outcome wait(int waitMs)
    {
        outcome.synchronous = outcome.calls > 0;
        // No answer shows as calls == 0, which the tests check.
        (void)QTest::qWaitFor([this] { return outcome.calls > 0; }, waitMs);
        QTest::qWait(kSettleMs);
        return std::move(outcome);
    }
};

inline int waitBudget(const SecretStore &store)
{
    return static_cast<int>(store.timeout().count()) + 5000;
}

inline ReadOutcome readAndWait(SecretStore &store, const QString &key)
{
    auto p = std::make_shared<Pending<ReadOutcome>>();
    store.read(key, [p](const KeychainResult &result, QByteArray value) {
        if (p->firstAnswer()) {
            p->outcome.result = result;
            p->outcome.value = value;
        }
    });
    return p->wait(waitBudget(store));
}

inline DoneOutcome writeAndWait(SecretStore &store, const QString &key, const QByteArray &value)
{
    auto p = std::make_shared<Pending<DoneOutcome>>();
    store.write(key, value, [p](const KeychainResult &result) {
        if (p->firstAnswer())
            p->outcome.result = result;
    });
    return p->wait(waitBudget(store));
}

inline DoneOutcome removeAndWait(SecretStore &store, const QString &key)
{
    auto p = std::make_shared<Pending<DoneOutcome>>();
    store.remove(key, [p](const KeychainResult &result) {
        if (p->firstAnswer())
            p->outcome.result = result;
    });
    return p->wait(waitBudget(store));
}

inline KeyOutcome requestKeyAndWait(DataKeyProvider &provider, const SecretStore &store)
{
    auto p = std::make_shared<Pending<KeyOutcome>>();
    provider.requestKey([p](DataKeyResult result) {
        if (p->firstAnswer())
            p->outcome.result = std::move(result);
    });
    // A key request may take a read and a write.
    return p->wait(2 * waitBudget(store));
}

} // namespace bw::keychain::test

// Lets QCOMPARE print statuses by name.
namespace bw::keychain {
inline char *toString(const KeychainStatus &status)
{
    return qstrdup(keychainStatusCode(status).toUtf8().constData());
}
} // namespace bw::keychain
