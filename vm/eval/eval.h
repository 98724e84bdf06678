// The eval loop's entry points (the loop itself is vm/eval/eval.cc).
//
// eval_frame runs a frame until it returns, raises or (generator frames)
// yields.  Python-to-Python calls recurse in C++; two guards keep that from
// overflowing the C++ stack:
//   1. ThreadState::recursion_depth against recursion_limit
//      (sys.setrecursionlimit), RecursionError "maximum recursion depth
//      exceeded" as CPython 3.11 words it;
//   2. a hard stack-pointer check against the thread's real stack bounds
//      (pthread_getattr_np) minus a safety margin, so that
//      sys.setrecursionlimit(10**6) plus runaway recursion still raises
//      RecursionError instead of faulting.
//
// The eval breaker (ThreadState::eval_breaker, STYLE.md habit 4) is polled on
// JUMP_BACKWARD and RESUME (every call entry); a set bit calls
// handle_eval_breaker(), the seam where the GIL drop request, pending signals
// and refcount merges will be served.
#pragma once

#include "vm/eval/frame.h"
#include "vm/thread_state.h"

namespace conch::vm {

// Runs f on the calling thread.  `throwing`: resume a suspended generator
// frame with the thread's current exception raised at the yield point.
// Returns a new reference (the return or yielded value) or nullptr with an
// exception set.  For generator frames, f->lasti/stackdepth record where it
// stopped; the caller (generator.cc) tells yield from return by whether the
// frame's last instruction is YIELD_VALUE.
Object* eval_frame(ThreadState* ts, Frame* f, bool throwing);

// Serves the bits set in ts->eval_breaker: takes them (atomic exchange) and
// passes them to the installed hook.  Returns -1 with an exception set when
// the hook raises (a pending KeyboardInterrupt).  Without a hook the bits are
// just cleared.
int handle_eval_breaker(ThreadState* ts);

// The seam for the GIL hand-off, signal handling, refcount merging and
// stop-the-world pauses: whoever owns those installs one hook at start-up
// (before threads start); it receives the bits that were set and returns 0,
// or -1 with an exception set.  A hook that cannot serve a bit yet may set it
// again on ts->eval_breaker.
using EvalBreakerHook = int (*)(ThreadState* ts, uint32_t bits);
void install_eval_breaker_hook(EvalBreakerHook hook);

// Enters/leaves one level of Python recursion (both guards above).  false:
// RecursionError set.
bool enter_python_call(ThreadState* ts);
inline void leave_python_call(ThreadState* ts) { ts->recursion_depth--; }

// True when the C++ stack is nearly exhausted (the hard guard alone); for
// other deeply recursive C++ code (repr, compare) that wants the same check.
bool c_stack_exhausted();

// Finds the zero-argument super() arguments for the running frame: the
// __class__ cell's contents and the first argument.  -1 with RuntimeError
// ("super(): no arguments", "super(): __class__ cell not found") as CPython.
int current_super_args(Object** type_out /*borrowed*/, Object** self_out /*borrowed*/);

}  // namespace conch::vm
