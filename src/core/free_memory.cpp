#include "core/free_memory.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bw::core {

bool releaseFreedMemory()
{
#if defined(__GLIBC__)
    // Under AddressSanitizer malloc is ASan's own and this trims only glibc's unused heaps: ASan keeps
    // freed blocks in its quarantine, which is how it finds a use after free, and the tests keep it so.
    return malloc_trim(0) == 1;
#else
    return false;
#endif
}

} // namespace bw::core
