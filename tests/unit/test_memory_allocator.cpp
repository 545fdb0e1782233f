// core::keepLargeBlocksOutOfTheHeap: once called, a large block is mapped on its own even after a larger
// one was freed; by default glibc raises its threshold then and serves the next one from the heap, where
// freed memory stays resident. What the app's main() relies on to stay small through a history sync.
// Each case runs in a fresh process (this executable with --probe), so no earlier allocation shapes the heap.
#include "core/memory_allocator.h"

#if defined(__SANITIZE_ADDRESS__)
#error                                                                                                       \
    "test_memory_allocator tests glibc's allocator: build it without AddressSanitizer (tests/unit/CMakeLists.txt)"
#endif

#include <QCoreApplication>
#include <QProcess>
#include <QTest>

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// Allocates and touches `bytes`, then frees it; true if glibc had mapped it on its own (mallinfo2's hblks).
bool mappedOnItsOwn(size_t bytes)
{
    const size_t before = mallinfo2().hblks;
    void *block = std::malloc(bytes);
    std::memset(block, 0x5a, bytes);
    asm volatile("" : : "r"(block) : "memory"); // the compiler may not drop the block as unused
    const bool mapped = mallinfo2().hblks == before + 1;
    std::free(block);
    return mapped;
}

// The probe: "fixed" sets the threshold first. Prints, for 1 MiB, 300 KiB, 128 KiB and 64 KiB blocks
// allocated after a 4 MiB one was freed, 1 if mapped on its own and 0 if from the heap.
int probe(const char *mode)
{
    if (std::strcmp(mode, "fixed") == 0 && !bw::core::keepLargeBlocksOutOfTheHeap())
        return 2;
    if (!mappedOnItsOwn(size_t(4) << 20)) // 4 MiB: mapped in a fresh process either way
        return 3;
    for (size_t bytes :
         {size_t(1) << 20, size_t(300) << 10, size_t(bw::core::kLargeBlockBytes), size_t(64) << 10})
        std::printf("%d", mappedOnItsOwn(bytes) ? 1 : 0);
    return 0;
}

QString runProbe(const QString &mode)
{
    QProcess process;
    process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--probe"), mode});
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return QStringLiteral("probe failed (exit %1)").arg(process.exitCode());
    return QString::fromLatin1(process.readAllStandardOutput());
}

} // namespace

class TestMemoryAllocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void glibcRaisesItsThresholdByDefault()
    {
        // The problem: after a 4 MiB block is freed, glibc serves blocks up to that size from the heap.
        QCOMPARE(runProbe(QStringLiteral("default")), QStringLiteral("0000"));
    }

    void largeBlocksStayMapped()
    {
        // Fixed: from 128 KiB up, each block is mapped on its own (and unmapped when freed); smaller ones
        // still come from the heap.
        QCOMPARE(runProbe(QStringLiteral("fixed")), QStringLiteral("1110"));
    }
};

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--probe") == 0)
        return probe(argv[2]);
    QCoreApplication app(argc, argv);
    TestMemoryAllocator test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_memory_allocator.moc"
