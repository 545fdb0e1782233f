#include "core/free_memory.h"

#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__SANITIZE_ADDRESS__)
// From <sanitizer/allocator_interface.h>, which GCC does not install; libasan exports it.
extern "C" void __sanitizer_purge_allocator();
#elif defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bw::core {

bool releaseFreedMemory()
{
#if defined(__SANITIZE_ADDRESS__)
    // Under AddressSanitizer malloc is ASan's allocator: empty its quarantine and release its free pages.
    __sanitizer_purge_allocator();
    return true;
#elif defined(__GLIBC__)
    return malloc_trim(0) == 1;
#else
    return false;
#endif
}

} // namespace bw::core
