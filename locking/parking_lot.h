// The parking lot: where a thread sleeps until another wakes it, keyed by an
// address (after WebKit's ParkingLot and CPython's Python/parking_lot.c).
//
// It lets every lock be tiny: ByteMutex keeps two bits in its byte and
// leaves the queue of sleeping threads here, in a hash table of buckets
// shared by all addresses.
//
// Protocol
//   1. park(addr, expected): under the bucket's lock, compare the value at
//      `addr` with `expected`; if they differ return kAgain at once (the
//      state changed under us: the caller re-examines it).  Otherwise append
//      a wait entry to the bucket's queue, drop the bucket lock and sleep on
//      the entry's futex word until an unparker sets it (or the timeout).
//   2. unpark_one(addr, fn, arg): under the bucket lock, take the first
//      entry for `addr` off the queue and call fn(arg, entry's park_arg,
//      has_more_waiters) — still under the bucket lock, so the caller can
//      publish the new state of `addr` atomically with respect to step 1's
//      comparison — then, after dropping the bucket lock, wake the thread.
//      With nobody parked, fn still runs with park_arg == nullptr.
//   3. No lost wakeup: a waker changes the value at `addr` before (or, via
//      fn, while) holding the bucket lock, and a parker compares under the
//      same lock, so a parker either sees the change and returns kAgain or is
//      in the queue when the waker looks.
//
// State: `Bucket::queue` (a FIFO intrusive list of WaitEntry) and each
// entry's `queued` flag are guarded by the bucket's lock.  An entry lives on
// its parked thread's stack; `woken` (atomic, release by the waker, acquire
// by the sleeper) hands it back: after the sleeper sees it set, the waker
// touches the entry no more (apart from the futex wake itself, harmless on a
// stale address since every futex sleeper here re-checks its word).
//
// Detaching: park(..., detach=true) calls the blocking hooks (byte_mutex.h)
// after queueing and before sleeping, and after waking — only when it
// actually sleeps, never while it holds a bucket lock (the hooks may unlock
// other mutexes, which unparks).
//
// Asymmetric parking (park_asymmetric, for ByteMutex's fast unlock): a waker
// that changes the value with a plain store and then checks maybe_parked()
// with a plain load, without any fence between, and only then unparks.  Step
// 3's argument no longer holds (the waker's store may still sit in its
// store buffer when the parker compares, and its load may see the parker's
// count before it was raised), so the parker does the waker's share of the
// fencing: it raises its bucket's parked count, then runs heavy_fence()
// (membarrier: every running thread of the process passes a full barrier),
// then compares under the bucket lock.  Either the waker's store was
// globally visible before that barrier (the parker sees the new value and
// returns kAgain) or the waker's later load runs after the barrier and sees
// the raised count (it unparks; if the parker is not queued yet, it compares
// after the waker's unpark released the bucket lock and sees the new value).
// The count is per bucket, so maybe_parked() may say yes for an address
// nobody waits on (another one in the bucket, or a parker that is leaving):
// the waker's unpark then simply finds nobody.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace conch::locking {

enum class ParkResult {
  kOk,       // woken by an unparker
  kAgain,    // the value at addr was not `expected`: nothing slept
  kTimeout,  // the timeout passed first (the entry was removed)
};

// Sleeps while the `size`-byte value at `addr` (1, 2, 4 or 8 bytes, read
// atomically) equals *expected.  timeout_ns < 0 waits forever.  `park_arg`
// is handed to the unparker's callback.
ParkResult park(const void* addr, const void* expected, size_t size, int64_t timeout_ns,
                void* park_arg, bool detach);

// Called under the bucket lock by unpark_one; park_arg is nullptr when no
// thread was parked on the address.
using UnparkFn = void (*)(void* arg, void* park_arg, bool has_more_waiters);

// Wakes the longest-parked thread on addr (if any); see protocol step 2.
// Returns true when a thread was woken.
bool unpark_one(const void* addr, UnparkFn fn, void* arg);
// Wakes every thread parked on addr; returns how many.
int unpark_all(const void* addr);

// As park, for a value whose waker neither locks nor fences (see above).
// Needs heavy_fence_available().
ParkResult park_asymmetric(const void* addr, const void* expected, size_t size,
                           int64_t timeout_ns, void* park_arg, bool detach);

// True when the process could register for MEMBARRIER_CMD_PRIVATE_EXPEDITED
// (checked once, at start-up); false under ThreadSanitizer, which cannot see
// the barrier.
bool heavy_fence_available();
// A full memory barrier on every running thread of the process.
void heavy_fence();

namespace detail {
inline constexpr size_t kBuckets = 257;
// Threads in park_asymmetric per bucket (raised before the heavy fence).
extern std::atomic<uint32_t> g_asym_parked[kBuckets];
inline size_t bucket_index(const void* addr) {
  // A prime count spreads addresses that share their low bits (1-byte
  // mutexes in 16-byte-aligned headers).
  return reinterpret_cast<uintptr_t>(addr) % kBuckets;
}
}  // namespace detail

// May a thread be in park_asymmetric on addr?  A relaxed load: the waker's
// part of the asymmetric protocol.
inline bool maybe_parked(const void* addr) {
  return detail::g_asym_parked[detail::bucket_index(addr)].load(std::memory_order_relaxed) != 0;
}

// Convenience for waits on a word: parks while *addr == expected.
template <class T>
ParkResult park_while_equal(const T* addr, T expected, int64_t timeout_ns = -1,
                            bool detach = false) {
  static_assert(sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8);
  return park(addr, &expected, sizeof(T), timeout_ns, nullptr, detach);
}

}  // namespace conch::locking
