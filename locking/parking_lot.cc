// The parking lot (locking/parking_lot.h): buckets, wait entries, futexes.
#include "locking/parking_lot.h"

#include <linux/futex.h>
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "locking/byte_mutex.h"
#include "locking/gil.h"

namespace conch::locking {
namespace {

// One per parked thread, on its stack.  `addr`, `park_arg`, the links and
// `queued` are guarded by the bucket lock; `woken` is the hand-back.
struct WaitEntry {
  const void* addr = nullptr;
  void* park_arg = nullptr;
  WaitEntry* prev = nullptr;
  WaitEntry* next = nullptr;
  bool queued = false;
  std::atomic<uint32_t> woken{0};
};

// A bucket: a lock and a FIFO of entries, a cache line of its own so that
// unrelated addresses do not bounce one line between cores.  The lock is a
// plain std::mutex: held for a handful of instructions, never while sleeping,
// and it cannot be a ByteMutex (those are built on this table).
struct alignas(64) Bucket {
  std::mutex mu;
  WaitEntry* head = nullptr;  // guarded by mu
  WaitEntry* tail = nullptr;  // guarded by mu

  void push(WaitEntry* e) {
    e->prev = tail;
    e->next = nullptr;
    (tail != nullptr ? tail->next : head) = e;
    tail = e;
    e->queued = true;
  }
  void remove(WaitEntry* e) {
    (e->prev != nullptr ? e->prev->next : head) = e->next;
    (e->next != nullptr ? e->next->prev : tail) = e->prev;
    e->prev = e->next = nullptr;
    e->queued = false;
  }
  WaitEntry* first_for(const void* addr, WaitEntry* after = nullptr) const {
    for (WaitEntry* e = after != nullptr ? after->next : head; e != nullptr; e = e->next) {
      if (e->addr == addr) return e;
    }
    return nullptr;
  }
};

constexpr size_t kBuckets = detail::kBuckets;
Bucket g_buckets[kBuckets];

Bucket& bucket_for(const void* addr) { return g_buckets[detail::bucket_index(addr)]; }

// Registers for the expedited private membarrier once, before main() (so
// before any thread but the first exists); false when the kernel (or a
// seccomp filter) says no, or under ThreadSanitizer.
bool register_heavy_fence() {
#if defined(__SANITIZE_THREAD__)
  return false;
#else
#if defined(__has_feature)
#if __has_feature(thread_sanitizer)
  return false;
#endif
#endif
  long cmds = ::syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0);
  if (cmds < 0 || (cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED) == 0) return false;
  return ::syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0) == 0;
#endif
}

bool value_equals(const void* addr, const void* expected, size_t size) {
  switch (size) {
    case 1:
      return __atomic_load_n(static_cast<const uint8_t*>(addr), __ATOMIC_SEQ_CST) ==
             *static_cast<const uint8_t*>(expected);
    case 2:
      return __atomic_load_n(static_cast<const uint16_t*>(addr), __ATOMIC_SEQ_CST) ==
             *static_cast<const uint16_t*>(expected);
    case 4:
      return __atomic_load_n(static_cast<const uint32_t*>(addr), __ATOMIC_SEQ_CST) ==
             *static_cast<const uint32_t*>(expected);
    default:
      return __atomic_load_n(static_cast<const uint64_t*>(addr), __ATOMIC_SEQ_CST) ==
             *static_cast<const uint64_t*>(expected);
  }
}

// Sleeps until *word != 0 or the deadline (absolute CLOCK_MONOTONIC ns, <0:
// none) passes.  Returns false on timeout.  Spurious futex returns re-check.
bool futex_sleep(std::atomic<uint32_t>* word, int64_t deadline_ns) {
  while (word->load(std::memory_order_acquire) == 0) {
    timespec rel{};
    timespec* relp = nullptr;
    if (deadline_ns >= 0) {
      int64_t left = deadline_ns - monotonic_ns();
      if (left <= 0) return false;
      rel.tv_sec = left / 1'000'000'000;
      rel.tv_nsec = left % 1'000'000'000;
      relp = &rel;
    }
    ::syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAIT_PRIVATE, 0, relp,
              nullptr, 0);
  }
  return true;
}

void futex_wake(WaitEntry* e) {
  // release: the sleeper's acquire load of `woken` sees everything the
  // unparker (and its callback) wrote before.
  e->woken.store(1, std::memory_order_release);
  ::syscall(SYS_futex, reinterpret_cast<uint32_t*>(&e->woken), FUTEX_WAKE_PRIVATE, 1, nullptr,
            nullptr, 0);
}

// The entry timed out: take it off the queue unless an unparker already did,
// in which case its wake is on the way and counts as success.
bool cancel_or_consume(Bucket& b, WaitEntry* e) {
  {
    std::lock_guard<std::mutex> lock(b.mu);
    if (e->queued) {
      b.remove(e);
      return false;
    }
  }
  futex_sleep(&e->woken, -1);
  return true;
}

}  // namespace

namespace detail {
std::atomic<uint32_t> g_asym_parked[kBuckets];
}  // namespace detail

bool heavy_fence_available() {
  static const bool available = register_heavy_fence();  // thread-safe, once
  return available;
}

void heavy_fence() {
  if (::syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0) != 0) {
    // Registered at start-up, so this cannot fail; if it ever did, a waker
    // could miss us: better to stop than to hang.
    std::fprintf(stderr, "conch: fatal: membarrier failed (errno %d)\n", errno);
    std::abort();
  }
}

ParkResult park_asymmetric(const void* addr, const void* expected, size_t size,
                           int64_t timeout_ns, void* park_arg, bool detach) {
  std::atomic<uint32_t>& count = detail::g_asym_parked[detail::bucket_index(addr)];
  count.fetch_add(1, std::memory_order_seq_cst);
  heavy_fence();
  ParkResult r = park(addr, expected, size, timeout_ns, park_arg, detach);
  count.fetch_sub(1, std::memory_order_relaxed);
  return r;
}

ParkResult park(const void* addr, const void* expected, size_t size, int64_t timeout_ns,
                void* park_arg, bool detach) {
  Bucket& b = bucket_for(addr);
  WaitEntry e;
  e.addr = addr;
  e.park_arg = park_arg;
  {
    std::lock_guard<std::mutex> lock(b.mu);
    if (!value_equals(addr, expected, size)) return ParkResult::kAgain;
    b.push(&e);
  }
  const int64_t deadline = timeout_ns < 0 ? -1 : monotonic_ns() + timeout_ns;
  if (detach) call_before_block();
  bool ok = futex_sleep(&e.woken, deadline) || cancel_or_consume(b, &e);
  if (detach) call_after_block();
  return ok ? ParkResult::kOk : ParkResult::kTimeout;
}

bool unpark_one(const void* addr, UnparkFn fn, void* arg) {
  Bucket& b = bucket_for(addr);
  WaitEntry* e;
  {
    std::lock_guard<std::mutex> lock(b.mu);
    e = b.first_for(addr);
    if (e != nullptr) b.remove(e);
    if (fn != nullptr) {
      fn(arg, e != nullptr ? e->park_arg : nullptr, e != nullptr && b.first_for(addr) != nullptr);
    }
  }
  if (e == nullptr) return false;
  futex_wake(e);
  return true;
}

int unpark_all(const void* addr) {
  Bucket& b = bucket_for(addr);
  WaitEntry* woken = nullptr;  // a private list, linked through `next`
  int n = 0;
  {
    std::lock_guard<std::mutex> lock(b.mu);
    while (WaitEntry* e = b.first_for(addr)) {
      b.remove(e);
      e->next = woken;
      woken = e;
      ++n;
    }
  }
  // Read `next` before waking: after the wake the entry may be gone.
  while (woken != nullptr) {
    WaitEntry* e = woken;
    woken = e->next;
    futex_wake(e);
  }
  return n;
}

}  // namespace conch::locking
