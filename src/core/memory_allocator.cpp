#include "core/memory_allocator.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bw::core {

bool keepLargeBlocksOutOfTheHeap()
{
#if defined(__GLIBC__)
    // Setting M_MMAP_THRESHOLD also turns off its dynamic adjustment (mallopt(3)). Under AddressSanitizer
    // malloc is ASan's and this changes nothing that matters.
    return mallopt(M_MMAP_THRESHOLD, kLargeBlockBytes) == 1;
#else
    return true;
#endif
}

} // namespace bw::core
