// Microbenchmarks of the GIL (locking/gil.h): the uncontended take/drop pair
// (what a blocking call costs a lone thread) and the handoff latency between
// two threads, from the moment a waiter asks for the GIL until it runs while
// the holder spins like the eval loop (polling its breaker word).  The latency
// should sit near one switch interval (5 ms default), not multiples of it.
// Counters say so even on a loaded machine, where the OS adds its own delay:
// `median_intervals` (median latency / interval) and `drop_requests_per_handoff`
// (1.0: the waiter asked once and the holder honoured it; more means it had
// to ask again, i.e. waited several intervals).
//
// And the eval breaker's fast path (BM_BackEdge*): a loop whose body stands in
// for a bytecode, with and without the relaxed load and never-taken branch the
// eval loop executes at every back-edge and call.  The instruction-level
// figure for real programs comes from callgrind (bench/breaker_cost.py).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "base/macros.h"

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
  std::vector<int64_t> latencies;
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
    latencies.push_back(end - start);
  }
  stop = true;
  t.join();
  std::sort(latencies.begin(), latencies.end());
  const double interval_ns = state.range(0) * 1e3;
  auto at = [&](double q) { return latencies[static_cast<size_t>(q * (latencies.size() - 1))]; };
  state.counters["forced_switches"] = static_cast<double>(holder.stats.forced_switches);
  state.counters["median_ms"] = at(0.5) / 1e6;
  state.counters["p90_ms"] = at(0.9) / 1e6;
  state.counters["median_intervals"] = at(0.5) / interval_ns;
  state.counters["drop_requests_per_handoff"] =
      static_cast<double>(waiter.stats.drop_requests) / static_cast<double>(latencies.size());
}
BENCHMARK(BM_GilHandoffLatency)->Arg(5000)->Arg(1000)->UseManualTime()->Iterations(100);

// 1000 "bytecodes" per iteration, each a dependent multiply-add; with
// kCheck, each also does the eval loop's breaker test.
template <bool kCheck>
void BM_BackEdge(benchmark::State& state) {
  std::atomic<uint32_t> breaker{0};
  uint64_t acc = 1;
  for (auto _ : state) {
    for (uint64_t i = 0; i < 1000; ++i) {
      acc = acc * 6364136223846793005ULL + i;
      if constexpr (kCheck) {
        if (CONCH_UNLIKELY(breaker.load(std::memory_order_relaxed) != 0)) {
          acc += breaker.exchange(0);
        }
      }
    }
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(state.iterations() * 1000);
}
BENCHMARK(BM_BackEdge<false>)->Name("BM_BackEdge/no_check");
BENCHMARK(BM_BackEdge<true>)->Name("BM_BackEdge/breaker_check");

}  // namespace
