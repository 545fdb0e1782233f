// SecretStore: asynchronous read, write and delete of binary secrets in the operating system's keychain
// (Secret Service on Linux, Keychain on macOS, Credential Store on Windows). Every request is answered
// exactly once with a typed KeychainResult, within a watchdog time even when the backend hangs.
// This is the only class that talks to QtKeychain; no QtKeychain type appears in this header.
// Nothing blocks: jobs run in the background and answer through the event loop. Use it from the GUI
// thread (or another thread whose Qt event loop uses the GLib dispatcher, Qt's default on Linux): the
// libsecret backend answers through GLib's default main context. QtKeychain runs one job at a time, in
// the order started, for the whole process.
#pragma once

#include "keychain/keychain_result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>
#include <unordered_map>

class QTimer;

namespace bw::keychain {

class SecretStore : public QObject
{
    Q_OBJECT
public:
    // value is a private copy (not shared with any other QByteArray): wipe it in place when done with
    // it. It is empty unless result.ok().
    using ReadCallback = std::function<void(const KeychainResult &result, QByteArray value)>;
    using DoneCallback = std::function<void(const KeychainResult &result)>;

    // Long enough for a person to answer an "unlock your keyring" prompt, short enough not to hang forever.
    static constexpr std::chrono::milliseconds kDefaultTimeout{30000};

    explicit SecretStore(QObject *parent = nullptr);
    // Pending requests are dropped without calling their callbacks.
    ~SecretStore() override;

    // The keychain service name every entry is stored under: "BankWallet".
    static QString serviceName();
    // The keychain key for `key`: the application id, a slash, then key ("org.bankwallet.BankWallet/key").
    static QString qualifiedKey(const QString &key);

    // Watchdog time for requests started from now on. Values below 1 ms are raised to 1 ms.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

    // Each call answers later (never from inside the call), exactly once, on this object's thread, unless
    // this SecretStore is destroyed first. An empty key or one containing a NUL character is answered
    // with InvalidArgument. After TimedOut the outcome is unknown (a write may still land later); a late
    // answer from the backend is ignored.
    void read(const QString &key, ReadCallback done);
    // Stores `value` as binary data (any bytes, NUL included); replaces an existing entry.
    void write(const QString &key, const QByteArray &value, DoneCallback done);
    // Deletes the entry. Deleting an entry that does not exist is Ok.
    void remove(const QString &key, DoneCallback done);

    // Requests started and not answered yet.
    int pendingCount() const { return static_cast<int>(m_pending.size()); }

private:
    enum class Kind { Read, Write, Remove };
    struct Request
    {
        Kind kind;
        QString key;
        ReadCallback onRead;
        DoneCallback onDone;
        QTimer *watchdog = nullptr;
        // For writes: the buffer shared with the job, wiped when the job has finished.
        QByteArray jobBuffer;
    };

    bool rejectInvalidKey(const QString &key, Kind kind, const ReadCallback &onRead,
                          const DoneCallback &onDone);
    quint64 addRequest(Kind kind, const QString &key, ReadCallback onRead, DoneCallback onDone);
    void finish(quint64 id, const KeychainResult &result, QByteArray value);
    void onWatchdog(quint64 id);

    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    quint64 m_nextId = 1;
    std::unordered_map<quint64, Request> m_pending;
};

} // namespace bw::keychain
