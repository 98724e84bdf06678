// Per-thread interpreter state.  One per OS thread that runs Python code;
// only its own thread reads or writes it (except `eval_breaker`, which other
// threads set, atomically).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "locking/gil.h"
#include "locking/stop_the_world.h"
#include "vm/object.h"

namespace conch::vm {

struct Frame;  // vm/eval/frame.h

struct ThreadState {
  Object* current_exception = nullptr;  // owned; the exception being raised
  // The exception being handled (sys.exc_info / bare raise / __context__),
  // a stack maintained by the eval loop.  Owned, nullable.
  Object* handled_exception = nullptr;
  Frame* frame = nullptr;  // innermost executing frame
  int recursion_depth = 0;
  int recursion_limit = 1000;
  // Bits of asynchronous requests, checked on back-edges and calls
  // (STYLE.md habit 4).  Written by other threads with atomic ors.
  std::atomic<uint32_t> eval_breaker{0};
  uint64_t thread_id = 0;
  // This thread as the GIL sees it (vm/gil.h); its breaker is ours.
  locking::GilClient gil{&eval_breaker};
  // This thread as stop-the-world sees it (attached / detached / suspended).
  locking::ThreadSlot stw{&eval_breaker};
  uint64_t ident = 0;      // _thread.get_ident() (pthread_self)
  uint64_t native_id = 0;  // _thread.get_native_id() (gettid)
};

// The runtime-wide list of thread states (under a lock in thread_state.cc):
// a state is registered when its thread starts running Python code and
// removed before it is freed.
void register_thread(ThreadState* ts);
void unregister_thread(ThreadState* ts);
void for_each_thread(const std::function<void(ThreadState*)>& fn);
int thread_count();

enum EvalBreakerBits : uint32_t {
  kBreakGilDropRequest = 1u << 0,
  kBreakPendingSignals = 1u << 1,
  kBreakMergeRefcounts = 1u << 2,
  kBreakStopTheWorld = 1u << 3,
  kBreakAsyncException = 1u << 4,
  kBreakGcScheduled = 1u << 5,  // vm/gc_support.h: a collection is due
  kBreakQsbrReport = 1u << 6,  // gc/qsbr.h: report a quiescent state
};

namespace thread_state_detail {
// The thread's state, null before its first use (thread_state.cc).  constinit
// here too, so the inline readers below load it directly (no TLS wrapper).
extern constinit thread_local ThreadState* t_current;
ThreadState* create_current();
bool recursion_error(ThreadState* ts, const char* where);
}  // namespace thread_state_detail

// The calling thread's state (set by runtime_init / thread start).  Inline:
// builtin calls and comparisons ask for it on every call.
CONCH_ALWAYS_INLINE ThreadState* current_thread() {
  ThreadState* ts = thread_state_detail::t_current;
  if (CONCH_LIKELY(ts != nullptr)) return ts;
  return thread_state_detail::create_current();
}

// Recursion guard around C++ recursion (repr of nested containers, compare,
// the eval loop): RecursionError "maximum recursion depth exceeded ...".
// Returns false with the error set when the limit is hit.
CONCH_ALWAYS_INLINE bool enter_recursive_call(const char* where) {
  ThreadState* ts = current_thread();
  if (CONCH_LIKELY(++ts->recursion_depth <= ts->recursion_limit)) return true;
  return thread_state_detail::recursion_error(ts, where);
}
CONCH_ALWAYS_INLINE void leave_recursive_call() { --current_thread()->recursion_depth; }

}  // namespace conch::vm
