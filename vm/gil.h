// The mode-neutral face of the GIL for vm/ code, and the one vm/ file pair
// that knows whether the GIL is on.
//
// Policy (gil.cc, decide_gil_on): the GIL build always runs with the GIL.
// The free-threaded build runs without it (biased refcounts, critical
// sections and stop-the-world make objects safe); CONCH_GIL=1 / `-X gil=1`
// switches it on at start-up.  Either way a thread that blocks goes through
// gil_release/gil_acquire, which also detach/attach it for stop-the-world
// and suspend/resume its critical sections.
//
// Every blocking operation wraps its wait in `without_gil(...)` (or a
// GilReleased scope): the calling thread must hold the GIL, must not touch
// objects inside, and holds it again afterwards.  When the GIL is off both
// are no-ops (apart from the finalisation check in gil_acquire).
//
// Signals: SIGINT sets a flag and kBreakPendingSignals on the main thread's
// eval breaker; the main thread raises KeyboardInterrupt at its next check
// (gil_check_signals).  Blocking waits in the main thread poll
// gil_signal_pending() between slices so Ctrl-C interrupts them promptly.
//
// Finalisation: after gil_begin_finalization() any thread but the main one
// that tries to take the GIL parks forever (as CPython does), so abandoned
// daemon threads never touch freed runtime state.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "locking/gil.h"
#include "vm/thread_state.h"

namespace conch::vm {

static_assert(kBreakGilDropRequest == locking::kGilDropRequestBit,
              "vm's eval-breaker bit for the GIL must be the one locking/ sets");
static_assert(kBreakStopTheWorld == locking::kStopTheWorldBit,
              "vm's eval-breaker bit for stop-the-world must be the one locking/ sets");

// Start-up: decides the policy, registers the main thread, takes the GIL,
// installs the eval-breaker hook and the SIGINT handler.
void gil_runtime_init(ThreadState* main);
// True when the GIL is on in this process (sys._is_gil_enabled()).
bool gil_is_enabled();

// Take / give back the calling thread's hold on the GIL.
void gil_acquire();
void gil_release();

class GilReleased {
 public:
  GilReleased() { gil_release(); }
  ~GilReleased() { gil_acquire(); }
  GilReleased(const GilReleased&) = delete;
  GilReleased& operator=(const GilReleased&) = delete;
};

// Runs f() with the GIL released; returns f's result.
template <class F>
auto without_gil(F f) {
  GilReleased released;
  return f();
}

// New OS threads: attach creates and registers the thread state and takes
// the GIL; detach retires the stats, releases the GIL and frees the state.
ThreadState* gil_thread_attach();
void gil_thread_detach(ThreadState* ts);

// Signals.
bool gil_signal_pending();  // a SIGINT not yet turned into KeyboardInterrupt
bool is_main_thread();
// In the main thread with a pending SIGINT: raises KeyboardInterrupt and
// returns -1.  Otherwise 0.  Needs the GIL.
int gil_check_signals();

// _thread.interrupt_main(): as if SIGINT had arrived.
void gil_interrupt_main();

// Finalisation (runtime_fini): from now on, other threads park in gil_acquire.
void gil_begin_finalization();

// Switch interval (sys.setswitchinterval), seconds.
void gil_set_switch_interval(double seconds);

// Counters: retired threads' totals plus the live ones'.
struct GilThreadStats {
  uint64_t ident;
  locking::GilStats stats;
};
locking::GilStats gil_stats(std::vector<GilThreadStats>* per_thread);
void gil_print_stats_if_asked();

// thread.cc: threading._shutdown() if threading was imported (joins the
// non-daemon threads); runtime_fini calls it first.
void wait_for_threads();
// thread.cc: the _thread module (registry.cc's table).
Object* init_thread_module();

}  // namespace conch::vm
