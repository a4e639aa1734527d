// The signal that asked the run to stop (SIGINT, SIGTERM, SIGHUP, SIGPIPE),
// 0 while none did. The CLI's handler sets it; blocking reads and the
// stages of checking a file look at it, so that a stop request is honoured
// inside a file too, not only between files.
#pragma once

#include <atomic>

namespace enclint::util {

inline std::atomic<int> g_interrupt_signal{0};
static_assert(std::atomic<int>::is_always_lock_free, "set from a signal handler");

inline int interrupted() { return g_interrupt_signal.load(std::memory_order_relaxed); }

}  // namespace enclint::util
