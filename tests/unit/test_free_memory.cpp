// core::releaseFreedMemory: memory freed in the middle of the heap stays resident until it is called, and is
// given back to the OS when it is (what the history sync and the export rely on to stay small).
#include "core/free_memory.h"

#if defined(__SANITIZE_ADDRESS__)
#error                                                                                                       \
    "test_free_memory tests glibc's allocator: build it without AddressSanitizer (tests/unit/CMakeLists.txt)"
#endif

#include <QFile>
#include <QTest>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

// The process's resident anonymous memory (heap, not libraries), in MiB.
double residentAnonMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

} // namespace

class TestFreeMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void givesFreedHeapBackToTheOs()
    {
        // 240,000 blocks of 200 bytes (about 48 MB with the allocator's headers); then every block but one
        // in 64 is freed. The ones kept pin the heap's top, so free() alone cannot shrink it.
        constexpr int kBlocks = 240'000;
        constexpr int kKeepEvery = 64;
        const double start = residentAnonMiB();
        QVERIFY(start > 0);
        std::vector<void *> blocks(kBlocks);
        for (void *&block : blocks) {
            block = std::malloc(200);
            QVERIFY(block);
            std::memset(block, 0x5a, 200); // touched: resident
        }
        const double allocated = residentAnonMiB();
        QVERIFY2(allocated - start >= 40,
                 qPrintable(QStringLiteral("%1 -> %2 MiB").arg(start).arg(allocated)));
        for (int i = 0; i < kBlocks; ++i) {
            if (i % kKeepEvery != 0 && i != kBlocks - 1) {
                std::free(blocks[size_t(i)]);
                blocks[size_t(i)] = nullptr;
            }
        }
        const double freed = residentAnonMiB();
        // The problem it solves: the freed blocks are still resident.
        QVERIFY2(freed - start >= 35,
                 qPrintable(QStringLiteral("after free() %1 MiB (start %2)").arg(freed).arg(start)));

        const bool releasedAny = bw::core::releaseFreedMemory();
        const double released = residentAnonMiB();
        qInfo("resident anonymous memory: start %.1f, allocated %.1f, after free() %.1f, after release %.1f "
              "MiB",
              start, allocated, freed, released);
        QVERIFY(releasedAny);
        // Most of it went back: every page that holds no kept block.
        QVERIFY2(
            freed - released >= 25,
            qPrintable(QStringLiteral("after release %1 MiB, after free() %2").arg(released).arg(freed)));

        for (void *block : blocks)
            std::free(block);
    }
};

QTEST_GUILESS_MAIN(TestFreeMemory)
#include "test_free_memory.moc"
