// The GIL's handoff protocol, exercised with plain threads (no interpreter):
// a waiter must get the GIL within about one switch interval of asking, and
// the holder that is asked must not take it straight back.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "locking/gil.h"

namespace conch::locking {
namespace {

// Simulates a thread running bytecode: holds the GIL and polls its eval
// breaker at "safe points" until told to stop.
void spin_holder(Gil* gil, GilClient* c, std::atomic<bool>* stop, std::atomic<int>* yields) {
  gil->take(c);
  while (!stop->load()) {
    if (c->eval_breaker->load(std::memory_order_relaxed) & kGilDropRequestBit) {
      gil->yield_to_waiter(c);
      yields->fetch_add(1);
    }
  }
  gil->drop(c);
}

TEST(GilTest, WaiterGetsGilAfterAboutOneSwitchInterval) {
  Gil gil;
  gil.set_switch_interval(absl::Milliseconds(5));
  std::atomic<uint32_t> breaker_a{0}, breaker_b{0};
  GilClient a, b;
  a.eval_breaker = &breaker_a;
  b.eval_breaker = &breaker_b;
  std::atomic<bool> stop{false};
  std::atomic<int> yields{0};
  std::thread holder(spin_holder, &gil, &a, &stop, &yields);
  while (gil.waiters() == 0 && a.stats.acquisitions == 0) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));

  const int64_t t0 = monotonic_ns();
  gil.take(&b);
  const int64_t waited_ms = (monotonic_ns() - t0) / 1'000'000;
  gil.drop(&b);
  stop = true;
  holder.join();

  EXPECT_GE(yields.load(), 1);
  EXPECT_EQ(b.stats.acquisitions, 1u);
  EXPECT_GE(b.stats.drop_requests, 1u);
  EXPECT_GE(a.stats.forced_switches, 1u);
  // Near one interval, never many: generous bound for a loaded 2-core box.
  EXPECT_LT(waited_ms, 200);
}

TEST(GilTest, RetireFoldsCountersIntoTotals) {
  Gil gil;
  std::atomic<uint32_t> breaker{0};
  GilClient c;
  c.eval_breaker = &breaker;
  gil.take(&c);
  gil.drop(&c);
  gil.take(&c);
  gil.drop(&c);
  gil.retire(&c);
  EXPECT_EQ(gil.totals().acquisitions, 2u);
  EXPECT_EQ(c.stats.acquisitions, 0u);
}

TEST(GilTest, UncontendedTakeDoesNotRequestDrops) {
  Gil gil;
  std::atomic<uint32_t> breaker{0};
  GilClient c;
  c.eval_breaker = &breaker;
  for (int i = 0; i < 100; ++i) {
    gil.take(&c);
    gil.drop(&c);
  }
  EXPECT_EQ(c.stats.drop_requests, 0u);
  EXPECT_EQ(breaker.load(), 0u);
}

}  // namespace
}  // namespace conch::locking
