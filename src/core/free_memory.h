// Bulk work gives its freed memory back to the OS. A sync of 100,000 entries or an export of a million rows
// allocates and frees a little per row on the GUI thread (decoding pages) and on the database worker
// (writing them). glibc keeps what is freed inside its heaps for reuse, scattered between live blocks, where
// it stays resident: at 1,000,000 rows the app's rss after such a sync was 80.7 MB without
// releaseFreedMemory() after each page and 63.9 MB with it (bench_history, 2026-11-27).
#pragma once

namespace bw::core {

// Returns the free pages inside every malloc heap of the process to the OS (glibc's malloc_trim(0), which
// also releases pages in the middle of a heap; nothing elsewhere). Takes about a millisecond with heaps of
// tens of MB and holds each heap's lock meanwhile; safe on any thread. Call it after a bulk step on a
// background thread, not per small job. Returns true if memory was released.
bool releaseFreedMemory();

} // namespace bw::core
