// Microbenchmarks of the GIL (locking/gil.h): the uncontended take/drop pair
// (what a blocking call costs a lone thread) and the handoff latency between
// two threads, from the moment a waiter asks for the GIL until it runs while
// the holder spins like the eval loop (polling its breaker word).  The latency
// should sit near one switch interval (5 ms default), not multiples of it.
#include <benchmark/benchmark.h>

#include <atomic>
#include <thread>

#include "locking/gil.h"

namespace {

using conch::locking::Gil;
using conch::locking::GilClient;
using conch::locking::kGilDropRequestBit;

void BM_GilTakeDropUncontended(benchmark::State& state) {
  Gil gil;
  std::atomic<uint32_t> breaker{0};
  GilClient c{&breaker};
  for (auto _ : state) {
    gil.take(&c);
    gil.drop(&c);
  }
}
BENCHMARK(BM_GilTakeDropUncontended);

// A holder thread runs "bytecode" (a spin that polls its breaker word) and
// yields when asked; the benchmark thread measures take() latency.
void BM_GilHandoffLatency(benchmark::State& state) {
  Gil gil;
  gil.set_switch_interval(absl::Microseconds(state.range(0)));
  std::atomic<uint32_t> holder_breaker{0}, waiter_breaker{0};
  GilClient holder{&holder_breaker}, waiter{&waiter_breaker};
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> holder_turns{0};  // bumped each time the holder runs again
  std::thread t([&] {
    gil.take(&holder);
    holder_turns.fetch_add(1);
    while (!stop.load(std::memory_order_relaxed)) {
      if (holder_breaker.load(std::memory_order_relaxed) & kGilDropRequestBit) {
        gil.yield_to_waiter(&holder);
        holder_turns.fetch_add(1);
      }
    }
    gil.drop(&holder);
  });
  for (auto _ : state) {
    // Start each request only once the holder is running bytecode again.
    const uint64_t turns = holder_turns.load();
    while (holder_turns.load() == turns && turns == 0) std::this_thread::yield();
    int64_t start = conch::locking::monotonic_ns();
    gil.take(&waiter);
    int64_t end = conch::locking::monotonic_ns();
    const uint64_t before_drop = holder_turns.load();
    gil.drop(&waiter);
    while (holder_turns.load() == before_drop) std::this_thread::yield();
    state.SetIterationTime((end - start) / 1e9);
  }
  stop = true;
  t.join();
  state.counters["forced_switches"] = static_cast<double>(holder.stats.forced_switches);
}
BENCHMARK(BM_GilHandoffLatency)->Arg(5000)->Arg(1000)->UseManualTime()->Iterations(100);

}  // namespace
