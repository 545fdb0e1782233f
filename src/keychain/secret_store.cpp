#include "keychain/secret_store.h"

#include "bw_config.h"
#include "crypto/secret_bytes.h"
#include "keychain/backend_error.h"

#include <QLoggingCategory>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <algorithm>
#include <utility>

namespace bw::keychain {

Q_LOGGING_CATEGORY(lcKeychain, "bw.keychain")

namespace {

using detail::BackendError;

// BackendError mirrors QKeychain::Error so that the classifier can be tested without QtKeychain.
static_assert(int(BackendError::NoError) == QKeychain::NoError);
static_assert(int(BackendError::EntryNotFound) == QKeychain::EntryNotFound);
static_assert(int(BackendError::CouldNotDeleteEntry) == QKeychain::CouldNotDeleteEntry);
static_assert(int(BackendError::AccessDeniedByUser) == QKeychain::AccessDeniedByUser);
static_assert(int(BackendError::AccessDenied) == QKeychain::AccessDenied);
static_assert(int(BackendError::NoBackendAvailable) == QKeychain::NoBackendAvailable);
static_assert(int(BackendError::NotImplemented) == QKeychain::NotImplemented);
static_assert(int(BackendError::OtherError) == QKeychain::OtherError);

// Overwrites the bytes of a buffer that is shared with a finished QtKeychain job, in place: writing through
// data() would detach and wipe a fresh copy instead. Only for buffers that nobody else reads any more.
// A volatile store, so that the compiler cannot drop it as dead.
void wipeShared(const QByteArray &bytes)
{
    volatile char *p = const_cast<char *>(bytes.constData());
    for (qsizetype i = 0; i < bytes.size(); ++i)
        p[i] = 0;
}

KeychainResult resultOf(const QKeychain::Job &job)
{
    const QKeychain::Error error = job.error();
    if (error == QKeychain::NoError)
        return KeychainResult::success();
    const QString detail = job.errorString();
    const KeychainStatus status = detail::classifyBackendError(static_cast<BackendError>(error), detail,
                                                               detail::sessionBusConfigured());
    return KeychainResult::failure(status, detail);
}

// A job that the watchdog gave up on keeps running: it must stay alive, because QtKeychain's libsecret
// backend holds a raw pointer to it until the D-Bus call returns (deleting it would be a use-after-free).
// It has no parent and deletes itself (autoDelete) once it finishes; one that never finishes is leaked on
// purpose.
template<typename JobT>
JobT *newJob(const QString &key)
{
    auto *job = new JobT(SecretStore::serviceName());
    job->setAutoDelete(true);
    // insecureFallback stays false (QtKeychain's default) and is never turned on: it would write secrets
    // to a plain QSettings file when no keychain is available.
    Q_ASSERT(!job->insecureFallback());
    job->setKey(SecretStore::qualifiedKey(key));
    return job;
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{}

SecretStore::~SecretStore() = default;

QString SecretStore::serviceName()
{
    return QStringLiteral("BankWallet");
}

QString SecretStore::qualifiedKey(const QString &key)
{
    return QStringLiteral(BW_APP_ID) + QLatin1Char('/') + key;
}

void SecretStore::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds{1});
}

bool SecretStore::rejectInvalidKey(const QString &key, Kind kind, const ReadCallback &onRead,
                                   const DoneCallback &onDone)
{
    // The backends pass keys on as C strings: a NUL would silently cut the key short and alias another
    // entry, so such keys are refused.
    if (!key.isEmpty() && !key.contains(QChar(u'\0')))
        return false;
    const quint64 id = addRequest(kind, key, onRead, onDone);
    QTimer::singleShot(0, this, [this, id] {
        finish(id,
               KeychainResult::failure(KeychainStatus::InvalidArgument,
                                       QStringLiteral("empty key or key containing NUL")),
               {});
    });
    return true;
}

quint64 SecretStore::addRequest(Kind kind, const QString &key, ReadCallback onRead, DoneCallback onDone)
{
    const quint64 id = m_nextId++;
    auto *watchdog = new QTimer(this);
    watchdog->setSingleShot(true);
    watchdog->setInterval(m_timeout);
    connect(watchdog, &QTimer::timeout, this, [this, id] { onWatchdog(id); });
    m_pending.emplace(id, Request{kind, key, std::move(onRead), std::move(onDone), watchdog, {}});
    watchdog->start();
    return id;
}

void SecretStore::read(const QString &key, ReadCallback done)
{
    if (rejectInvalidKey(key, Kind::Read, done, {}))
        return;
    const quint64 id = addRequest(Kind::Read, key, std::move(done), {});
    auto *job = newJob<QKeychain::ReadPasswordJob>(key);
    connect(job, &QKeychain::Job::finished, this, [this, id](QKeychain::Job *finished) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
        KeychainResult result = resultOf(*readJob);
        QByteArray value;
        if (result.ok()) {
            // A deep copy the caller owns alone; then wipe the buffer the job still shares.
            const QByteArray shared = readJob->binaryData();
            value = QByteArray(shared.constData(), shared.size());
            wipeShared(shared);
        }
        finish(id, result, std::move(value));
    });
    job->start();
}

void SecretStore::write(const QString &key, const QByteArray &value, DoneCallback done)
{
    if (rejectInvalidKey(key, Kind::Write, {}, done))
        return;
    const quint64 id = addRequest(Kind::Write, key, {}, std::move(done));
    auto *job = newJob<QKeychain::WritePasswordJob>(key);
    // The job gets a buffer of its own, which is wiped once the job is done with it; the caller's value
    // stays untouched (and is the caller's to wipe). Copies QtKeychain and libsecret make internally (the
    // base64 form) are out of our reach.
    const QByteArray jobBuffer(value.constData(), value.size());
    m_pending.at(id).jobBuffer = jobBuffer;
    job->setBinaryData(jobBuffer);
    connect(job, &QKeychain::Job::finished, this,
            [this, id](QKeychain::Job *finished) { finish(id, resultOf(*finished), {}); });
    job->start();
}

void SecretStore::remove(const QString &key, DoneCallback done)
{
    if (rejectInvalidKey(key, Kind::Remove, {}, done))
        return;
    const quint64 id = addRequest(Kind::Remove, key, {}, std::move(done));
    auto *job = newJob<QKeychain::DeletePasswordJob>(key);
    connect(job, &QKeychain::Job::finished, this, [this, id](QKeychain::Job *finished) {
        KeychainResult result = resultOf(*finished);
        // Deleting what is not there is success on every backend (libsecret already says so; others
        // report EntryNotFound).
        if (result.status == KeychainStatus::NotFound)
            result = KeychainResult::success();
        finish(id, result, {});
    });
    job->start();
}

void SecretStore::finish(quint64 id, const KeychainResult &result, QByteArray value)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        // The watchdog answered this request already: a late answer is dropped.
        crypto::secureWipe(value);
        return;
    }
    Request request = std::move(it->second);
    m_pending.erase(it);
    request.watchdog->stop();
    request.watchdog->deleteLater();
    if (!request.jobBuffer.isEmpty())
        wipeShared(request.jobBuffer);

    if (!result.ok() && result.status != KeychainStatus::NotFound) {
        // Key names and backend messages only: never a secret value.
        qCWarning(lcKeychain) << "keychain request for" << request.key
                              << "failed:" << keychainStatusCode(result.status) << result.detail;
    }
    // The callback may destroy this SecretStore: nothing touches `this` after it.
    if (request.kind == Kind::Read && request.onRead) {
        request.onRead(result, std::move(value));
        return;
    }
    crypto::secureWipe(value); // a value read for no one
    if (request.kind != Kind::Read && request.onDone)
        request.onDone(result);
}

void SecretStore::onWatchdog(quint64 id)
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const int waitedMs = it->second.watchdog->interval();
    // The job may still read its buffer: let go of it without wiping.
    it->second.jobBuffer = QByteArray();
    finish(id,
           KeychainResult::failure(KeychainStatus::TimedOut,
                                   QStringLiteral("no answer within %1 ms").arg(waitedMs)),
           {});
}

} // namespace bw::keychain
