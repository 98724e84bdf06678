// Stop-the-world for the cycle collector (gc/collector.cc).
//
// Today both builds run Python code only under the GIL (the free-threaded
// build keeps it on by default until the free-threaded issue), and the
// collector runs holding it, so no other thread can touch objects: these are
// no-ops and say so.  The free-threaded issue replaces them with a real
// pause (set kBreakStopTheWorld on every thread, wait until each is parked
// at a safe point or detached), without changing the collector.
#pragma once

namespace conch::locking {

inline void stop_the_world() {}   // no-op: the GIL already excludes other threads
inline void start_the_world() {}  // no-op: see stop_the_world

}  // namespace conch::locking
