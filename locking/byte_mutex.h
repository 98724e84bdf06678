// The 1-byte mutex (PEP 703's PyMutex): the lock in every object header of the
// free-threaded build, and the lock behind locking::Mutex.
//
// API contract (stable; the implementation behind it is locking/'s business):
//   lock()            spin briefly, then park in the parking lot
//                     (locking/parking_lot.h); fair hand-off to a waiter that
//                     has waited long.
//   lock_detaching()  as lock(), but when it has to park it first calls the
//                     blocking hooks (set_blocking_hooks) so the thread stops
//                     counting as running Python: the GIL is released if on,
//                     its critical sections are suspended, a stop-the-world can
//                     proceed.  Critical sections lock container mutexes this way.
//   try_lock(), unlock(), is_locked().
//
// State: one byte, two bits (as CPython's Python/lock.c).
//
//   kLocked kHasParked  meaning
//      0        0       free, nobody waiting: lock() is one CAS 0 -> kLocked
//      1        0       held, nobody parked: unlock() is one CAS kLocked -> 0
//      1        1       held, threads parked (or about to): unlock goes slow
//      0        1       free, threads parked: a newcomer may take it (barging)
//
// Slow paths (byte_mutex.cc)
//   lock: spin up to kSpinCount rounds while nobody is parked; then set
//     kHasParked (CAS) and park on the byte's address expecting exactly the
//     value just written — the parking lot re-checks it under its bucket
//     lock, so an unlock in between makes the park return at once and the
//     loop retries (no lost wakeup).
//   unlock: with kHasParked set, unpark one waiter; under the bucket lock the
//     callback stores the new byte: 0 / kHasParked (the woken waiter competes
//     again), or, when that waiter has been waiting longer than
//     kTimeToBeFairNs, kLocked (| kHasParked) with ownership handed straight
//     to it — no newcomer can barge in and starve it.
//
// Memory order: acquire on every successful lock CAS, release on unlock (the
// fast CAS or the callback's store, under the bucket lock; a handed-off
// waiter synchronises through the parking lot's release/acquire `woken`).
//
// Fast unlock (when locking/parking_lot.h's heavy fence is available:
// Linux membarrier, not under ThreadSanitizer; decided once at start-up).
// Two locked instructions per lock+unlock cost ~11 ns on the machines we
// measure; the unlock's CAS exists only to notice kHasParked atomically.
// Instead the waiters' existence lives outside the byte (the parking lot's
// per-bucket count, maybe_parked()), and:
//   unlock: a plain release store of 0, then a relaxed load of that count
//     (a compiler barrier between, no CPU fence); only when it is non-zero,
//     unpark one waiter.  kHasParked is never set in this mode.
//   lock_slow: spin, then park_asymmetric(): raise the count, heavy fence,
//     then the usual compare-under-the-bucket-lock.  The heavy fence orders
//     the unlocker's store before its load from the parker's side, so a
//     parker either sees the byte free or is seen by the unlocker (no lost
//     wakeup; the argument is in parking_lot.h).  Parking costs a
//     membarrier syscall more: the slow path already sleeps in a futex.
//   hand-off: the unlocker's callback takes the byte for a long waiter with
//     a CAS 0 -> kLocked (the byte is already free: a newcomer that barged
//     in between keeps it, and the waiter competes again when woken).
//   lifetime: the unlocker touches the byte again after releasing it only
//     when a waiter is queued on it, and a mutex must outlive its waiters.
// Otherwise (fallback) the CAS protocol above runs unchanged.
#pragma once

#include <atomic>
#include <cstdint>

#include "base/config.h"
#include "base/macros.h"
#include "locking/parking_lot.h"

namespace conch::locking {

namespace detail {
// Set once before main() (byte_mutex.cc): the fast-unlock protocol is on.
extern bool g_fast_unlock;
}  // namespace detail

// Whether ByteMutex uses the fast-unlock protocol (for tests and benchmarks).
inline bool byte_mutex_fast_unlock() { return detail::g_fast_unlock; }

// vm/ installs these at start-up: before_block() is called before a thread
// parks in lock_detaching() (and other blocking waits that must not hold the
// interpreter), after_block() after it wakes.  Default: no-ops.
using BlockingHook = void (*)();
void set_blocking_hooks(BlockingHook before_block, BlockingHook after_block);
void get_blocking_hooks(BlockingHook* before_block, BlockingHook* after_block);  // for tests
void call_before_block();
void call_after_block();

class ByteMutex {
 public:
  static constexpr uint8_t kLocked = 1;
  static constexpr uint8_t kHasParked = 2;

  constexpr ByteMutex() = default;
  ByteMutex(const ByteMutex&) = delete;
  ByteMutex& operator=(const ByteMutex&) = delete;

  CONCH_ALWAYS_INLINE bool try_lock() {
    uint8_t expected = 0;
    return bits_.compare_exchange_strong(expected, kLocked, std::memory_order_acquire,
                                         std::memory_order_relaxed);
  }
  CONCH_ALWAYS_INLINE void lock() {
    if (!try_lock()) lock_slow(false);
  }
  CONCH_ALWAYS_INLINE void lock_detaching() {
    if (!try_lock()) lock_slow(true);
  }
  CONCH_ALWAYS_INLINE void unlock() {
    if (CONCH_LIKELY(detail::g_fast_unlock)) {
      bits_.store(0, std::memory_order_release);
      // Keeps the compiler from hoisting the load above the store; the CPU
      // may still reorder them: the parker's heavy fence covers that.
      std::atomic_signal_fence(std::memory_order_seq_cst);
      if (CONCH_UNLIKELY(maybe_parked(&bits_))) unlock_wake();
      return;
    }
    uint8_t expected = kLocked;
    if (!bits_.compare_exchange_strong(expected, 0, std::memory_order_release,
                                       std::memory_order_relaxed)) {
      unlock_slow();
    }
  }
  bool is_locked() const { return (bits_.load(std::memory_order_relaxed) & kLocked) != 0; }

  // Rounds a locker spins before parking: worth it when the holder runs on
  // another core (free-threaded build); with the GIL on the holder usually
  // waits for the same GIL, so the GIL build does not spin.
  static constexpr int kSpinCount = kFreeThreaded ? 40 : 0;
  // A waiter parked longer than this gets the lock handed to it on unlock.
  static constexpr int64_t kTimeToBeFairNs = 1'000'000;

 private:
  CONCH_NOINLINE void lock_slow(bool detach);
  CONCH_NOINLINE void unlock_slow();
  CONCH_NOINLINE void unlock_wake();  // fast-unlock protocol: wake a waiter

  std::atomic<uint8_t> bits_{0};
};
static_assert(sizeof(ByteMutex) == 1);

// Slow-path counters, for tests and benchmarks (relaxed, process-wide).
struct ByteMutexStats {
  uint64_t parks;     // times a locker went to sleep
  uint64_t handoffs;  // times unlock handed the lock to a long waiter
};
ByteMutexStats byte_mutex_stats();

}  // namespace conch::locking
