// Background threads yield to the GUI thread. The database worker and the embedded gateway stub call
// lowerCurrentThreadPriority() once, on their own thread, when it starts. Why: on a machine with few cores a
// long sync keeps both busy, and Qt's raster engine hands large fills to its thread pool and waits for them,
// so a window repaint waited for a scheduler slice behind them (a 33 ms stall during a 100,000-entry sync on
// two cores). QThread::setPriority cannot lower a normal thread on Linux (SCHED_OTHER has one static
// priority); the thread's nice value can, and the scheduler then runs the GUI and its helpers first.
#pragma once

namespace bw::core {

// Lowers the calling thread's scheduling priority below the thread that created it (its nice value + 5 on
// Linux, at most 19; nothing elsewhere). Call it once, first thing on the new thread. Lowering needs no
// privilege. Returns false if the OS refused.
bool lowerCurrentThreadPriority();

} // namespace bw::core
