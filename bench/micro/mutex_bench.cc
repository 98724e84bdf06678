// Microbenchmarks of locking/: the 1-byte mutex uncontended (target: lock +
// unlock under 10 ns), locking::Mutex (the internal-lock wrapper) beside
// absl::Mutex for reference, the mutex contended by 2 threads, and a
// stop-the-world round trip (stop + start) with one other thread, attached
// and polling its eval breaker like the eval loop, or detached (what a stop
// costs with the GIL on, where the others are always detached).
#include <benchmark/benchmark.h>

#include <atomic>
#include <thread>

#include "absl/synchronization/mutex.h"
#include "locking/byte_mutex.h"
#include "locking/mutex.h"
#include "locking/stop_the_world.h"

namespace {

using conch::locking::ByteMutex;
using conch::locking::kStopTheWorldBit;
using conch::locking::ThreadSlot;
using conch::locking::World;

void BM_ByteMutexUncontended(benchmark::State& state) {
  ByteMutex m;
  for (auto _ : state) {
    m.lock();
    benchmark::DoNotOptimize(m);
    m.unlock();
  }
  // Which unlock ran (byte_mutex.h): a plain store + the parked-count load,
  // or the CAS (no membarrier, or TSan).
  state.SetLabel(conch::locking::byte_mutex_fast_unlock() ? "fast unlock" : "CAS unlock");
}
BENCHMARK(BM_ByteMutexUncontended);

// The floor under the fast unlock: one locked CAS to lock, a plain store to
// unlock.
void BM_OneCasFloor(benchmark::State& state) {
  std::atomic<uint8_t> b{0};
  for (auto _ : state) {
    uint8_t e = 0;
    b.compare_exchange_strong(e, 1, std::memory_order_acquire);
    b.store(0, std::memory_order_release);
    benchmark::DoNotOptimize(b);
  }
}
BENCHMARK(BM_OneCasFloor);

// The hardware floor under any lock that must see waiters on unlock: two
// locked read-modify-writes on one byte.
void BM_TwoCasFloor(benchmark::State& state) {
  std::atomic<uint8_t> b{0};
  for (auto _ : state) {
    uint8_t e = 0;
    b.compare_exchange_strong(e, 1, std::memory_order_acquire);
    e = 1;
    b.compare_exchange_strong(e, 0, std::memory_order_release);
    benchmark::DoNotOptimize(b);
  }
}
BENCHMARK(BM_TwoCasFloor);

void BM_LockingMutexUncontended(benchmark::State& state) {
  conch::locking::Mutex mu;
  for (auto _ : state) {
    conch::locking::MutexLock lock(&mu);
    benchmark::DoNotOptimize(mu);
  }
}
BENCHMARK(BM_LockingMutexUncontended);

void BM_AbslMutexUncontended(benchmark::State& state) {
  absl::Mutex mu;
  for (auto _ : state) {
    absl::MutexLock lock(&mu);
    benchmark::DoNotOptimize(mu);
  }
}
BENCHMARK(BM_AbslMutexUncontended);

// Each of 2 threads increments a shared counter under the mutex: time per
// lock+increment+unlock, per thread.
ByteMutex g_contended;
int64_t g_contended_counter = 0;
void BM_ByteMutexContended(benchmark::State& state) {
  for (auto _ : state) {
    g_contended.lock();
    ++g_contended_counter;
    g_contended.unlock();
  }
}
BENCHMARK(BM_ByteMutexContended)->Threads(2)->UseRealTime();

// One other thread, attached or detached; time per stop + start.
void BM_StopTheWorldRoundTrip(benchmark::State& state) {
  const bool attached = state.range(0) != 0;
  World w;
  std::atomic<uint32_t> breaker{0};
  ThreadSlot slot{&breaker};
  std::atomic<bool> stop{false}, ready{false};
  std::thread other([&] {
    w.register_slot(&slot);
    w.attach(&slot);
    if (!attached) w.detach(&slot);
    ready = true;
    while (!stop.load(std::memory_order_relaxed)) {
      if (!attached) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      } else if (breaker.load(std::memory_order_relaxed) != 0 &&
                 (breaker.exchange(0, std::memory_order_acquire) & kStopTheWorldBit)) {
        w.park_if_requested(&slot);
      }
    }
    w.unregister_slot(&slot);
  });
  while (!ready.load()) std::this_thread::yield();
  for (auto _ : state) {
    w.stop(nullptr);
    w.start();
  }
  stop = true;
  other.join();
}
BENCHMARK(BM_StopTheWorldRoundTrip)->Arg(1)->Arg(0)->ArgName("other_attached")->UseRealTime();

}  // namespace
