// core::lowerCurrentThreadPriority: a background thread ends up below the thread that started it, and the
// thread that started it keeps its own priority.
#include "core/thread_priority.h"

#include <QTest>
#include <QThread>

#include <sys/resource.h>
#include <unistd.h>

namespace {

int niceOfCurrentThread()
{
    return getpriority(PRIO_PROCESS, id_t(gettid()));
}

} // namespace

class TestThreadPriority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lowersOnlyTheCallingThread()
    {
        const int mine = niceOfCurrentThread();
        if (mine >= 19)
            QSKIP("the test itself runs at the lowest priority (nice 19): nothing can be lowered");
        int before = 100;
        int after = 100;
        bool ok = false;
        QThread *thread = QThread::create([&] {
            before = niceOfCurrentThread();
            ok = bw::core::lowerCurrentThreadPriority();
            after = niceOfCurrentThread();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(ok);
        QCOMPARE(before, mine);
        QCOMPARE(after, std::min(mine + 5, 19));
        QCOMPARE(niceOfCurrentThread(), mine); // the caller's own thread is untouched
    }
};

QTEST_GUILESS_MAIN(TestThreadPriority)
#include "test_thread_priority.moc"
