// DatabaseWorker: the connection is opened and every job runs on the worker thread, answers come back on
// the caller's thread in order, never to a destroyed context, and shutdown finishes what was queued.
#include "storage/database_worker.h"
#include "storage/history_store.h"
#include "storage/wallet_database.h"
#include "storage/wallet_settings_store.h"
#include "storage_test_util.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace bw::storage;
using namespace bw::storage::test;

class TestStorageWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void opensAndRunsOnTheWorkerThread()
    {
        DatabaseWorker worker;
        QThread *const mainThread = QThread::currentThread();
        std::optional<Status> opened;
        QThread *openedOn = nullptr;
        worker.open(m_dir.filePath(QStringLiteral("w1.db")), testKey(), this, [&](Status status) {
            openedOn = QThread::currentThread();
            opened = status;
        });
        QTRY_VERIFY(opened.has_value());
        ST_VERIFY_OK(*opened);
        QCOMPARE(openedOn, mainThread);

        std::atomic<QThread *> ranOn{nullptr};
        QThread *deliveredOn = nullptr;
        std::optional<Result<qint64>> counted;
        worker.run<Result<qint64>>(
            [&ranOn](WalletDatabase &db) -> Result<qint64> {
                ranOn = QThread::currentThread();
                if (auto s = HistoryStore(db).upsertBatch({sampleRow(1, 1), sampleRow(2, 2)}); !s)
                    return s.error();
                return HistoryStore(db).count();
            },
            this,
            [&](Result<qint64> result) {
                deliveredOn = QThread::currentThread();
                counted = std::move(result);
            });
        QTRY_VERIFY(counted.has_value());
        ST_VERIFY_OK(*counted);
        QCOMPARE(counted->value(), qint64(2));
        QCOMPARE(ranOn.load(), worker.workerThread());
        QVERIFY(ranOn.load() != mainThread);
        QCOMPARE(deliveredOn, mainThread);

        // The worker's connection keeps a small page cache (DatabaseWorker::kWriterPageCacheKiB).
        std::optional<Result<QString>> cache;
        worker.run<Result<QString>>(
            [](WalletDatabase &db) { return db.pragma(QStringLiteral("cache_size")); }, this,
            [&](Result<QString> result) { cache = std::move(result); });
        QTRY_VERIFY(cache.has_value());
        ST_VERIFY_OK(*cache);
        QCOMPARE(cache->value(), QStringLiteral("-2048"));
    }

    void answersComeInOrder()
    {
        DatabaseWorker worker;
        worker.open(m_dir.filePath(QStringLiteral("w2.db")), testKey(), nullptr, {});
        QVector<int> order;
        for (int i = 0; i < 20; ++i) {
            worker.run<int>(
                [i](WalletDatabase &db) {
                    (void)WalletSettingsStore(db).setValue(QStringLiteral("k%1").arg(i), QString::number(i));
                    return i;
                },
                this, [&order](int i) { order.append(i); });
        }
        QTRY_COMPARE(order.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(order.at(i), i);
    }

    void destroyedContextGetsNoAnswer()
    {
        DatabaseWorker worker;
        worker.open(m_dir.filePath(QStringLiteral("w3.db")), testKey(), nullptr, {});
        QSemaphore gate;
        bool called = false;
        auto *context = new QObject;
        worker.run<int>(
            [&gate](WalletDatabase &) {
                gate.acquire(); // held until the context is gone
                return 1;
            },
            context, [&called](int) { called = true; });
        delete context;
        gate.release();
        // A later job with a live context: once its answer arrives, the first one's would have too.
        bool later = false;
        worker.run<int>([](WalletDatabase &) { return 2; }, this, [&later](int) { later = true; });
        QTRY_VERIFY(later);
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void errorsComeBackTyped()
    {
        DatabaseWorker worker;
        std::optional<Status> opened;
        worker.open(m_dir.filePath(QStringLiteral("missing/folder/w.db")), testKey(), this,
                    [&](Status status) { opened = status; });
        QTRY_VERIFY(opened.has_value());
        ST_VERIFY_ERROR(*opened, StorageErrorCode::CannotOpen);
        std::optional<Result<qint64>> counted;
        worker.run<Result<qint64>>([](WalletDatabase &db) { return HistoryStore(db).count(); }, this,
                                   [&](Result<qint64> r) { counted = std::move(r); });
        QTRY_VERIFY(counted.has_value());
        ST_VERIFY_ERROR(*counted, StorageErrorCode::NotOpen);
    }

    void shutdownFinishesQueuedJobs()
    {
        const QString path = m_dir.filePath(QStringLiteral("w4.db"));
        int delivered = 0;
        {
            DatabaseWorker worker;
            worker.open(path, testKey(), nullptr, {});
            QSemaphore gate;
            // Hold the worker so that everything below is still queued when shutdown() is called.
            worker.post([&gate](WalletDatabase &) { gate.acquire(); });
            for (int i = 0; i < 50; ++i) {
                worker.run<bool>(
                    [i](WalletDatabase &db) {
                        return WalletSettingsStore(db)
                            .setValue(QStringLiteral("k%1").arg(i), QStringLiteral("v"))
                            .ok();
                    },
                    this, [&delivered](bool ok) { delivered += ok ? 1 : 0; });
            }
            gate.release();
            worker.shutdown();
            QVERIFY(!worker.isRunning());
            // After shutdown nothing runs and nothing is answered.
            bool ranAfter = false;
            worker.run<int>(
                [&ranAfter](WalletDatabase &) {
                    ranAfter = true;
                    return 0;
                },
                this, [&ranAfter](int) { ranAfter = true; });
            QCoreApplication::processEvents();
            QVERIFY(!ranAfter);
        }
        // Answers of jobs that ran before shutdown are still delivered.
        QTRY_COMPARE(delivered, 50);
        WalletDatabase db;
        ST_VERIFY_OK(db.open(path, testKey()));
        QCOMPARE(WalletSettingsStore(db).all().value().size(), 50);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStorageWorker)
#include "test_storage_worker.moc"
