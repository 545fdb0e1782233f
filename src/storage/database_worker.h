// DatabaseWorker: runs jobs against a WalletDatabase on its own QThread, so SQL (above all writes under
// synchronous=FULL) never runs on the GUI thread. The database connection is opened, used and closed on
// that thread only. Jobs run one at a time in the order they were posted; each job's answer is delivered
// queued on the thread of the context object given with it, and is dropped if that object is destroyed
// first (no callback into a dead object).
//
//   worker.open(path, dataKey, this, [](Status s) { ... });
//   worker.run<Result<HistoryPage>>([req](WalletDatabase &db) { return HistoryStore(db).page(req); },
//                                   this, [this](Result<HistoryPage> page) { ... });
//
// shutdown() (also run by the destructor) lets every job posted before it finish, closes the database on
// the worker thread and joins the thread. Jobs posted after shutdown are not run; their callbacks are
// not called.
#pragma once

#include "crypto/secret_bytes.h"
#include "storage/storage_error.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace bw::storage {

class WalletDatabase;

namespace detail {
// Carries one job's completion to its context's thread through a queued connection (which Qt removes,
// thread-safely, when the context is destroyed).
class JobNotifier : public QObject
{
    Q_OBJECT
Q_SIGNALS:
    void finished();
};
} // namespace detail

class DatabaseWorker : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseWorker(QObject *parent = nullptr);
    ~DatabaseWorker() override;

    // The writer's SQLite page cache (WalletDatabase::setPageCacheKiB).
    static constexpr int kWriterPageCacheKiB = 2048;

    // Opens the database on the worker thread (WalletDatabase::open). dataKey is copied.
    void open(const QString &path, const crypto::SecretBytes &dataKey, QObject *context,
              std::function<void(Status)> done);
    // Closes it on the worker thread (later jobs see a closed database and get NotOpen).
    void close(QObject *context = nullptr, std::function<void()> done = {});

    // Runs job(db) on the worker thread, then done(result) on context's thread. With a null context (or an
    // empty done) the result is dropped.
    template<class R>
    void run(std::function<R(WalletDatabase &)> job, QObject *context, std::function<void(R)> done)
    {
        auto result = std::make_shared<std::optional<R>>();
        auto task = [job = std::move(job), result](WalletDatabase &db) { result->emplace(job(db)); };
        auto deliver = [done = std::move(done), result]() {
            if (done && result->has_value())
                done(std::move(**result));
        };
        submit(std::move(task), context, std::move(deliver));
    }
    // A job whose result nobody waits for.
    void post(std::function<void(WalletDatabase &)> job);

    // Finishes the jobs already posted, closes the database, stops the thread. Idempotent.
    void shutdown();
    bool isRunning() const;
    // The worker thread (tests check that jobs run there).
    QThread *workerThread() const { return m_thread.get(); }

private:
    void submit(std::function<void(WalletDatabase &)> task, QObject *context, std::function<void()> deliver);

    std::unique_ptr<QThread> m_thread;
    QObject *m_executor = nullptr;        // lives on m_thread; deleted there
    std::unique_ptr<WalletDatabase> m_db; // created here, opened/used/closed on m_thread only
    mutable std::mutex m_mutex;
    bool m_stopped = false;
};

} // namespace bw::storage
