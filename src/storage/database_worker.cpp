#include "storage/database_worker.h"

#include "storage/wallet_database.h"

#include "core/thread_priority.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcStorage)

namespace bw::storage {

DatabaseWorker::DatabaseWorker(QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
    , m_db(std::make_unique<WalletDatabase>())
{
    m_thread->setObjectName(QStringLiteral("bw-storage"));
    m_executor = new QObject;
    m_executor->moveToThread(m_thread.get());
    // Reads and writes for the GUI, a sync's pages, an export: all can wait a little; the window cannot.
    connect(
        m_thread.get(), &QThread::started, m_executor, [] { core::lowerCurrentThreadPriority(); },
        Qt::DirectConnection);
    m_thread->start();
}

DatabaseWorker::~DatabaseWorker()
{
    shutdown();
}

void DatabaseWorker::open(const QString &path, const crypto::SecretBytes &dataKey, QObject *context,
                          std::function<void(Status)> done)
{
    // std::function needs a copyable capture; the key itself is never copied again and is wiped with it.
    auto key = std::make_shared<crypto::SecretBytes>(dataKey.clone());
    run<Status>(
        [path, key](WalletDatabase &db) {
            Status status = db.open(path, *key);
            key->clear();
            // 2 MiB of page cache, not a reader's 8. At 1,000,000 rows a 100,000-entry sync took as long with
            // either (16.5-17.6 s over the runs) and the app's memory was 6 MB lower (bench_history); the
            // Insights summary of a year or of five costs the same CPU with either (0.25 s and 1.3 s; sqlite3
            // shell), 2026-11-27.
            if (status) {
                status = db.setPageCacheKiB(kWriterPageCacheKiB);
                if (!status)
                    db.close();
            }
            return status;
        },
        context, std::move(done));
}

void DatabaseWorker::close(QObject *context, std::function<void()> done)
{
    run<bool>(
        [](WalletDatabase &db) {
            db.close();
            return true;
        },
        context,
        [done = std::move(done)](bool) {
            if (done)
                done();
        });
}

void DatabaseWorker::post(std::function<void(WalletDatabase &)> job)
{
    submit(std::move(job), nullptr, {});
}

void DatabaseWorker::submit(std::function<void(WalletDatabase &)> task, QObject *context,
                            std::function<void()> deliver)
{
    std::lock_guard lock(m_mutex);
    if (m_stopped) {
        qCWarning(lcStorage, "a database job was posted after shutdown; it is not run");
        return;
    }
    detail::JobNotifier *notifier = nullptr;
    if (context && deliver) {
        // Connected here, on the caller's side, while context is certainly alive; Qt drops the queued
        // call if context is destroyed before it is delivered.
        notifier = new detail::JobNotifier;
        QObject::connect(notifier, &detail::JobNotifier::finished, context, std::move(deliver),
                         Qt::QueuedConnection);
        notifier->moveToThread(m_thread.get());
    }
    WalletDatabase *db = m_db.get();
    QMetaObject::invokeMethod(
        m_executor,
        [db, task = std::move(task), notifier]() {
            task(*db);
            if (notifier) {
                Q_EMIT notifier->finished();
                delete notifier;
            }
        },
        Qt::QueuedConnection);
}

void DatabaseWorker::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopped)
            return;
        m_stopped = true;
        // Behind every job already posted (events run in order): close on the thread that opened it.
        WalletDatabase *db = m_db.get();
        QMetaObject::invokeMethod(
            m_executor,
            [db]() {
                db->close();
                QThread::currentThread()->quit();
            },
            Qt::QueuedConnection);
    }
    m_thread->wait();
    // The thread has finished, so nothing can be using the executor any more.
    delete m_executor;
    m_executor = nullptr;
}

bool DatabaseWorker::isRunning() const
{
    std::lock_guard lock(m_mutex);
    return !m_stopped;
}

} // namespace bw::storage
