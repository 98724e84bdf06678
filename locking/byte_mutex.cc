// Slow paths of the 1-byte mutex (locking/byte_mutex.h) and the blocking hooks.
#include "locking/byte_mutex.h"

#include <sched.h>

#include <cstdio>
#include <cstdlib>

#include "locking/gil.h"
#include "locking/parking_lot.h"

namespace conch::locking {

namespace detail {
// Decided before main(), while only one thread exists, so no waiter ever
// parked under one protocol waits for an unlocker using the other.
bool g_fast_unlock = heavy_fence_available();
}  // namespace detail

namespace {
std::atomic<BlockingHook> g_before_block{nullptr};
std::atomic<BlockingHook> g_after_block{nullptr};

std::atomic<uint64_t> g_parks{0};
std::atomic<uint64_t> g_handoffs{0};

// What a parked locker tells the unlocker (through the parking lot's
// park_arg): when it deserves a hand-off, and whether it got one.  Written
// by the unlocker under the bucket lock, read by the waiter after waking.
struct LockWaiter {
  int64_t time_to_be_fair_ns;
  bool handed_off = false;
};

// Runs under the bucket lock (parking_lot.h, step 2): publishes the byte's
// next value atomically with respect to parkers' re-checks.
void on_unpark(void* arg, void* park_arg, bool has_more_waiters) {
  auto* bits = static_cast<std::atomic<uint8_t>*>(arg);
  auto* waiter = static_cast<LockWaiter*>(park_arg);
  uint8_t v = 0;
  if (waiter != nullptr) {
    waiter->handed_off = monotonic_ns() > waiter->time_to_be_fair_ns;
    if (waiter->handed_off) {
      v |= ByteMutex::kLocked;
      g_handoffs.fetch_add(1, std::memory_order_relaxed);
    }
    if (has_more_waiters) v |= ByteMutex::kHasParked;
  }
  bits->store(v, std::memory_order_release);
}

// Fast-unlock protocol (byte_mutex.h): the byte is already 0; hand it to a
// long waiter only if nobody barged in since.
void on_unpark_fast(void* arg, void* park_arg, bool /*has_more_waiters*/) {
  auto* bits = static_cast<std::atomic<uint8_t>*>(arg);
  auto* waiter = static_cast<LockWaiter*>(park_arg);
  if (waiter == nullptr || monotonic_ns() <= waiter->time_to_be_fair_ns) return;
  uint8_t expected = 0;
  if (bits->compare_exchange_strong(expected, ByteMutex::kLocked, std::memory_order_relaxed)) {
    // relaxed: the waiter acquires through the parking lot's `woken`.
    waiter->handed_off = true;
    g_handoffs.fetch_add(1, std::memory_order_relaxed);
  }
}

CONCH_ALWAYS_INLINE void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

CONCH_ALWAYS_INLINE void spin_pause(int round) {
  // A few cheap pauses first (the holder is likely mid-critical-section on
  // another core), then give the core away (2 cores, many threads).
  if (round < 10) {
    for (int i = 0; i < 16; ++i) cpu_relax();
  } else {
    sched_yield();
  }
}

}  // namespace

void set_blocking_hooks(BlockingHook before_block, BlockingHook after_block) {
  g_before_block.store(before_block, std::memory_order_release);
  g_after_block.store(after_block, std::memory_order_release);
}
void get_blocking_hooks(BlockingHook* before_block, BlockingHook* after_block) {
  *before_block = g_before_block.load(std::memory_order_acquire);
  *after_block = g_after_block.load(std::memory_order_acquire);
}
void call_before_block() {
  if (BlockingHook h = g_before_block.load(std::memory_order_acquire)) h();
}
void call_after_block() {
  if (BlockingHook h = g_after_block.load(std::memory_order_acquire)) h();
}

void ByteMutex::lock_slow(bool detach) {
  LockWaiter waiter{-1};
  int spins = 0;
  uint8_t v = bits_.load(std::memory_order_relaxed);
  for (;;) {
    if ((v & kLocked) == 0) {
      // Free (perhaps with others parked: we may barge, they are not due yet).
      if (bits_.compare_exchange_weak(v, v | kLocked, std::memory_order_acquire,
                                      std::memory_order_relaxed)) {
        return;
      }
      continue;
    }
    if ((v & kHasParked) == 0 && spins < kSpinCount) {
      spin_pause(spins++);
      v = bits_.load(std::memory_order_relaxed);
      continue;
    }
    if (detail::g_fast_unlock) {
      // No kHasParked: the parking lot's count says that we wait.
      if (waiter.time_to_be_fair_ns < 0) waiter.time_to_be_fair_ns = monotonic_ns() + kTimeToBeFairNs;
      g_parks.fetch_add(1, std::memory_order_relaxed);
      if (park_asymmetric(&bits_, &v, 1, -1, &waiter, detach) == ParkResult::kOk &&
          waiter.handed_off) {
        return;
      }
      v = bits_.load(std::memory_order_relaxed);
      continue;
    }
    const uint8_t parked = v | kHasParked;
    if (v != parked && !bits_.compare_exchange_weak(v, parked, std::memory_order_relaxed)) {
      continue;
    }
    if (waiter.time_to_be_fair_ns < 0) waiter.time_to_be_fair_ns = monotonic_ns() + kTimeToBeFairNs;
    g_parks.fetch_add(1, std::memory_order_relaxed);
    if (park(&bits_, &parked, 1, -1, &waiter, detach) == ParkResult::kOk && waiter.handed_off) {
      return;  // the unlocker left kLocked set for us
    }
    v = bits_.load(std::memory_order_relaxed);
  }
}

void ByteMutex::unlock_slow() {
  uint8_t v = bits_.load(std::memory_order_relaxed);
  for (;;) {
    if ((v & kLocked) == 0) {
      std::fprintf(stderr, "conch: fatal: unlock of an unlocked ByteMutex %p\n",
                   static_cast<void*>(this));
      std::abort();
    }
    if ((v & kHasParked) != 0) {
      unpark_one(&bits_, on_unpark, &bits_);
      return;
    }
    if (bits_.compare_exchange_weak(v, 0, std::memory_order_release, std::memory_order_relaxed)) {
      return;
    }
  }
}

void ByteMutex::unlock_wake() { unpark_one(&bits_, on_unpark_fast, &bits_); }

ByteMutexStats byte_mutex_stats() {
  return {g_parks.load(std::memory_order_relaxed), g_handoffs.load(std::memory_order_relaxed)};
}

}  // namespace conch::locking
