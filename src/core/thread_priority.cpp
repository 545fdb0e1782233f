#include "core/thread_priority.h"

#include <QtGlobal>

#include <algorithm>
#include <cerrno>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace bw::core {

bool lowerCurrentThreadPriority()
{
#ifdef Q_OS_LINUX
    // On Linux PRIO_PROCESS with a thread id sets that one thread's nice value (setpriority(2), NOTES). A new
    // thread starts with its creator's nice value, so this puts it kBackgroundNice below the GUI thread.
    constexpr int kBackgroundNice = 5;
    const id_t thread = id_t(gettid());
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, thread);
    if (current == -1 && errno != 0)
        return false;
    return setpriority(PRIO_PROCESS, thread, std::min(current + kBackgroundNice, 19)) == 0;
#else
    return true;
#endif
}

} // namespace bw::core
