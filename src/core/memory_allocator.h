// The app's memory stays what it uses through bulk work. A sync of 100,000 entries decodes its pages on
// the GUI thread and writes them on the database worker, with buffers of a few hundred KB each time. glibc
// serves a block that large from mmap at first, but raises that threshold each time such a block is freed,
// so the next ones come from the heap, where what is freed stays resident between live blocks. At
// 1,000,000 rows the app's rss after such a sync was 80.8 MB with glibc's default and 68.0 MB with the
// threshold fixed at 128 KiB (bench_history, 2026-11-27; the sync took 17.1-17.6 s either way).
#pragma once

namespace bw::core {

// Fixes glibc's mmap threshold at kLargeBlockBytes: every block at least that large is mapped on its own
// and returned to the OS when freed. Call once, first thing in main(), before any thread starts. Nothing
// elsewhere than glibc. Returns false if the allocator refused.
bool keepLargeBlocksOutOfTheHeap();

inline constexpr int kLargeBlockBytes = 128 * 1024; // glibc's own starting threshold

} // namespace bw::core
