// The Global Interpreter Lock, in the style of CPython 3.2+ (Antoine Pitrou's
// "new GIL", Python/ceval_gil.c).
//
// Protocol
//   1. A thread that wants the GIL and finds it held waits on `cond_` for one
//      switch interval (default 5 ms).
//   2. If the interval passes and no switch happened meanwhile
//      (`switch_number_` unchanged), it sets kGilDropRequestBit in the holder's
//      eval-breaker word and keeps waiting.
//   3. The holder checks its eval breaker at safe points (backward jumps,
//      calls); seeing the bit, it calls yield_to_waiter(): drop, then wait on
//      `switch_cond_` until another thread has taken the GIL (forced
//      switching: the dropper cannot grab it straight back, so no convoy),
//      then take it again (joining the queue of waiters).
//   4. Blocking operations drop the GIL without the forced-switch wait and
//      take it again afterwards (GilReleased in vm/ wraps this).
//
// State, all guarded by mu_: `locked_`, `holder_`, `switch_number_`
// (incremented on every take, so a waiter can tell whether any switch
// happened while it slept), `waiters_`, the totals.  The drop-request bit
// lives in each client's eval breaker (an atomic the holder reads without
// the lock on its fast path; relaxed is enough there because the handoff
// itself is ordered by mu_).
//
// locking/ knows nothing about objects or thread states: a thread is a
// GilClient, which vm/ embeds in its thread state.
#pragma once

#include <atomic>
#include <cstdint>

#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "base/macros.h"

namespace conch::locking {

// The eval-breaker bit the GIL sets in the holder's breaker word.  vm/'s
// EvalBreakerBits must use the same value (checked there).
inline constexpr uint32_t kGilDropRequestBit = 1u << 0;

struct GilStats {
  uint64_t acquisitions = 0;     // times this thread took the GIL
  uint64_t drop_requests = 0;    // times this thread, waiting, asked the holder to drop
  uint64_t forced_switches = 0;  // times this thread dropped because it was asked to
  int64_t hold_ns = 0;           // total time holding
  int64_t wait_ns = 0;           // total time waiting to take

  GilStats& operator+=(const GilStats& o);
};

// One per thread that runs Python code.  `eval_breaker` points at the
// thread's breaker word; only the owning thread touches `stats` and
// `taken_at_ns` (read by others only under the GIL's lock, via totals()).
struct GilClient {
  std::atomic<uint32_t>* eval_breaker = nullptr;
  GilStats stats;
  int64_t taken_at_ns = 0;
  bool holds = false;
};

class Gil {
 public:
  Gil() = default;
  Gil(const Gil&) = delete;
  Gil& operator=(const Gil&) = delete;

  // Blocks until `c` holds the GIL.  c must not hold it already.
  void take(GilClient* c) ABSL_LOCKS_EXCLUDED(mu_);
  // Gives the GIL up (e.g. around blocking I/O).  c must hold it.  If a
  // waiter has asked c to drop, returns only after a waiter has taken it.
  void drop(GilClient* c) ABSL_LOCKS_EXCLUDED(mu_);
  // Called by the holder when it sees kGilDropRequestBit: hands the GIL to a
  // waiter and waits until one has taken it, then queues to take it back.
  void yield_to_waiter(GilClient* c) ABSL_LOCKS_EXCLUDED(mu_);

  // Folds an exiting thread's counters into the totals.
  void retire(GilClient* c) ABSL_LOCKS_EXCLUDED(mu_);

  void set_switch_interval(absl::Duration d) ABSL_LOCKS_EXCLUDED(mu_);
  absl::Duration switch_interval() const ABSL_LOCKS_EXCLUDED(mu_);

  // Counters of retired threads plus those of `live` (the caller's own).
  GilStats totals() const ABSL_LOCKS_EXCLUDED(mu_);
  int waiters() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  void take_locked(GilClient* c) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void drop_locked(GilClient* c) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  mutable absl::Mutex mu_;
  absl::CondVar cond_;         // signalled when the GIL is dropped
  absl::CondVar switch_cond_;  // signalled when the GIL is taken (forced switching)
  bool locked_ ABSL_GUARDED_BY(mu_) = false;
  GilClient* holder_ ABSL_GUARDED_BY(mu_) = nullptr;
  uint64_t switch_number_ ABSL_GUARDED_BY(mu_) = 0;
  int waiters_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Duration interval_ ABSL_GUARDED_BY(mu_) = absl::Milliseconds(5);
  GilStats retired_ ABSL_GUARDED_BY(mu_);
};

int64_t monotonic_ns();

}  // namespace conch::locking
