// Stop-the-world: pause every thread that runs Python code at a safe point,
// for the cycle collector (gc/collector.cc), and later fork and switching the
// GIL on.  After CPython's _PyEval_StopTheWorld (Python/pystate.c).
//
// Each thread that runs Python code owns a ThreadSlot (vm/ embeds one in its
// ThreadState) whose `state` says whether it may touch objects:
//
//   state       meaning                              who moves it
//   ATTACHED    running Python code, may touch       owner: attach()  (DETACHED -> ATTACHED)
//               objects at any instruction
//   DETACHED    blocked / in native code, touches    owner: detach()  (ATTACHED -> DETACHED)
//               no object until it attaches
//   SUSPENDED   detached and held by a stop; its     stopper or owner: DETACHED -> SUSPENDED
//               attach() waits for start()           start(): SUSPENDED -> DETACHED
//
// Protocol of a stop (requester R; R itself counts as running and is skipped)
//   1. R takes `stopper_` (one stop at a time); if it must wait, it waits
//      detached, so the running stop can count it.
//   2. Under `mu_`: requested_ = true, countdown_ = other registered slots;
//      each DETACHED slot is CASed to SUSPENDED (counted down); each ATTACHED
//      one gets kStopTheWorldBit in its eval breaker.
//   3. An attached thread that sees the bit (park_if_requested) or that
//      detaches for any reason while requested_ is set moves itself
//      DETACHED -> SUSPENDED under `mu_` and counts down; the last one sets
//      `all_parked_` and wakes R, which waits in the parking lot.
//   4. start(): under `mu_`, requested_ = false and every SUSPENDED slot
//      goes back to DETACHED (release), its waiters unparked; then
//      `stopper_` is released.  Woken threads re-attach with a CAS (acquire:
//      they see everything R wrote while the world was stopped).
//
// No missed thread: R stores requested_ then reads each state; a detaching
// thread stores its state then reads requested_ (all seq_cst), so at least
// one of the two sees the other and the slot is suspended exactly once
// (both paths CAS DETACHED -> SUSPENDED under `mu_`).
//
// Liveness: an ATTACHED thread must reach an eval-breaker check or detach
// soon (every blocking wait detaches through vm/gil.h's seam).  R must not
// hold an internal lock (locking::Mutex) that an attached thread may wait
// for without detaching.  Stops do not nest.
//
// With the GIL on, only the GIL holder is attached (vm/ attaches after taking
// the GIL and detaches before dropping it), so a stop by the holder suspends
// the others at once: a few CASes, no waiting — the same code, trivially cheap.
#pragma once

#include <atomic>
#include <cstdint>
#include <vector>

#include "base/macros.h"
#include "locking/byte_mutex.h"
#include "locking/mutex.h"

namespace conch::locking {

// The eval-breaker bit a stopper sets in an attached thread's breaker.
// vm's kBreakStopTheWorld must be the same value (checked in vm/gil.h).
inline constexpr uint32_t kStopTheWorldBit = 1u << 3;

enum SlotState : uint8_t { kDetached = 0, kAttached = 1, kSuspended = 2 };

struct ThreadSlot {
  explicit ThreadSlot(std::atomic<uint32_t>* breaker) : eval_breaker(breaker) {}
  ThreadSlot(const ThreadSlot&) = delete;
  ThreadSlot& operator=(const ThreadSlot&) = delete;

  std::atomic<uint32_t>* const eval_breaker;  // the owner's breaker word
  std::atomic<uint8_t> state{kDetached};      // see the table above
  bool registered = false;                    // guarded by the World's mu_
};

class World {
 public:
  World() = default;
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // A registered slot takes part in stops.  A slot registered while a stop
  // is in progress starts SUSPENDED (its attach waits for start()).
  void register_slot(ThreadSlot* s) ABSL_LOCKS_EXCLUDED(mu_);
  // Detaches the slot first (the owner calls it, on its way out).
  void unregister_slot(ThreadSlot* s) ABSL_LOCKS_EXCLUDED(mu_);

  // Owner only.  attach() waits while the slot is SUSPENDED; both are
  // no-ops when the slot is already in the asked state.
  void attach(ThreadSlot* s);
  void detach(ThreadSlot* s) ABSL_LOCKS_EXCLUDED(mu_);
  bool is_attached(const ThreadSlot* s) const {
    return s->state.load(std::memory_order_relaxed) == kAttached;
  }

  // True while a stop is requested or in force (cheap; the eval-breaker
  // hook checks it after seeing kStopTheWorldBit).
  bool stop_requested() const { return requested_.load(std::memory_order_acquire); }
  // Owner, attached, at a safe point: if a stop is pending, park until the
  // world starts again (detach + attach).
  void park_if_requested(ThreadSlot* s);

  // Returns once every registered slot but `requester` (may be null) is
  // SUSPENDED.  Pair with start().
  void stop(ThreadSlot* requester) ABSL_LOCKS_EXCLUDED(mu_);
  void start() ABSL_LOCKS_EXCLUDED(mu_);

  int registered_count() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  void suspend_self(ThreadSlot* s) ABSL_LOCKS_EXCLUDED(mu_);
  void count_down() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void wait_all_parked();

  mutable Mutex mu_;
  std::vector<ThreadSlot*> slots_ ABSL_GUARDED_BY(mu_);
  ThreadSlot* requester_ ABSL_GUARDED_BY(mu_) = nullptr;
  int countdown_ ABSL_GUARDED_BY(mu_) = 0;
  // Written under mu_ (seq_cst, the Dekker pair with detach()); read anywhere.
  std::atomic<bool> requested_{false};
  // The requester's wake-up: 0 while waiting, 1 once countdown_ hit 0.
  std::atomic<uint8_t> all_parked_{0};
  ByteMutex stopper_;  // held from stop() to start()
};

// The process's world (never destroyed: daemon threads outlive statics).
World& world();

// The calling thread's slot: bind registers `s` in world() and remembers it
// for the zero-argument stop/start below; unbind unregisters it.
void bind_current_thread(ThreadSlot* s);
void unbind_current_thread();
ThreadSlot* current_slot();  // null on threads that never bound one

// gc/collector.cc's entry points: stop / start world() with the calling
// thread's slot (if any) as the requester.
void stop_the_world();
void start_the_world();

}  // namespace conch::locking
