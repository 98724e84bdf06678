// Deferred reference counting (gc/deferred_rc.h) on bare fake objects:
// non-owners count in their thread's table, the collector's merge
// (deferred_merge_all, called here directly with no other thread running
// Python, as brc_test calls brc_merge_all) frees what was dropped, a thread's
// exit folds its table, and nothing is freed early.  The GIL build checks
// that deferral is off.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "gc/alloc.h"
#include "gc/brc.h"
#include "gc/deferred_rc.h"
#include "gc/header.h"

namespace conch::gc {
namespace {

#if CONCH_FREE_THREADED

std::mutex g_fake_mu;
std::unordered_set<Header*> g_fakes;
std::atomic<int> g_freed{0};
BrcDeallocHook g_prev_hook = nullptr;

void fake_dealloc(Header* h) {
  {
    std::lock_guard<std::mutex> lock(g_fake_mu);
    if (g_fakes.erase(h) == 0) {
      if (g_prev_hook != nullptr) g_prev_hook(h);
      return;
    }
  }
  g_freed.fetch_add(1);
  free_object(h);
}

Header* new_fake() {
  Header* h = allocate_object(32);
  std::lock_guard<std::mutex> lock(g_fake_mu);
  g_fakes.insert(h);
  return h;
}

void drop(Header* h) {
  if (release(h)) fake_dealloc(h);
}

intptr_t shared_count(const Header* h) { return h->shared_refcount.load() >> kSharedShift; }

// The collector's step: merge, then drop what it hands back.
void collect_deferred() {
  std::vector<Header*> to_release;
  brc_merge_all(&to_release);
  deferred_merge_all(&to_release);
  for (Header* h : to_release) drop(h);
}

class DeferredRcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_prev_hook = brc_set_dealloc(fake_dealloc);
    collect_deferred();  // start from empty tables and registry
    g_freed = 0;
  }
  void TearDown() override {
    collect_deferred();
    brc_set_dealloc(g_prev_hook);
  }
};

// A non-owner thread takes a reference (counted in the shared word, as
// before deferral) and defers the object, as LOAD_GLOBAL does.
void take_and_defer(Header* h) {
  incref(h);
  defer(h);
}

TEST_F(DeferredRcTest, NonOwnerCountsGoToTheTable) {
  Header* h = new_fake();
  std::thread([&] {
    take_and_defer(h);
    EXPECT_TRUE(is_deferred(h));
    EXPECT_EQ(shared_count(h), kDeferredBias + 1);
    for (int i = 0; i < 3; ++i) incref(h);
    EXPECT_EQ(deferred_table_count(h), 3);
    EXPECT_EQ(shared_count(h), kDeferredBias + 1);  // untouched
    EXPECT_TRUE(try_incref(h));
    EXPECT_EQ(deferred_table_count(h), 4);
    for (int i = 0; i < 4; ++i) EXPECT_FALSE(release(h));
    EXPECT_EQ(deferred_table_count(h), 0);
    EXPECT_EQ(shared_count(h), kDeferredBias + 1);
    EXPECT_FALSE(release(h));  // its own first reference: -1 in the table
    EXPECT_EQ(deferred_table_count(h), -1);
    EXPECT_FALSE(is_uniquely_referenced(h));
  }).join();
  // The thread's exit folded its -1 into the shared word.
  EXPECT_EQ(shared_count(h), kDeferredBias);
  EXPECT_EQ(refcount(h), 1);  // the owner's reference; the bias is hidden
  EXPECT_EQ(g_freed.load(), 0);
  drop(h);  // the owner's last: local 0, but the bias keeps it
  EXPECT_EQ(g_freed.load(), 0);
  collect_deferred();
  EXPECT_EQ(g_freed.load(), 1);
}

TEST_F(DeferredRcTest, OwnerKeepsItsLocalFastPath) {
  Header* h = new_fake();
  std::thread([&] {
    take_and_defer(h);
    drop(h);
  }).join();
  incref(h);
  EXPECT_EQ(h->local_refcount.load(), 2u);
  EXPECT_EQ(shared_count(h), kDeferredBias);
  drop(h);
  drop(h);
  collect_deferred();
  EXPECT_EQ(g_freed.load(), 1);
}

TEST_F(DeferredRcTest, MergeFreesDroppedObjectWhileThreadLives) {
  Header* h = new_fake();
  std::mutex mu;
  std::condition_variable cv;
  int step = 0;
  std::thread t([&] {
    take_and_defer(h);
    incref(h);  // table +1: a second reference the thread holds
    {
      std::unique_lock<std::mutex> lock(mu);
      step = 1;
      cv.notify_all();
      cv.wait(lock, [&] { return step == 2; });
    }
    drop(h);
    drop(h);  // table -2 in all: the thread's references are gone
    {
      std::unique_lock<std::mutex> lock(mu);
      step = 3;
      cv.notify_all();
      cv.wait(lock, [&] { return step == 4; });
    }
  });
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return step == 1; });
  }
  drop(h);  // the owner rebinds: its local count reaches 0 -- not freed
  EXPECT_EQ(g_freed.load(), 0);
  EXPECT_EQ(h->owner_tid.load(), 0u);  // merged by the owner's last decref
  {
    // A collection while the thread still holds two references: alive.
    std::vector<Header*> to_release;
    deferred_merge_all(&to_release);
    EXPECT_TRUE(to_release.empty());
    EXPECT_FALSE(is_deferred(h));
    EXPECT_EQ(refcount(h), 2);
    EXPECT_TRUE(brc_is_merged(h));
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    step = 2;
    cv.notify_all();
    cv.wait(lock, [&] { return step == 3; });
  }
  // Un-deferred, merged: the thread's last decref freed it the ordinary way.
  EXPECT_EQ(g_freed.load(), 1);
  {
    std::unique_lock<std::mutex> lock(mu);
    step = 4;
    cv.notify_all();
  }
  t.join();
}

TEST_F(DeferredRcTest, MergeHandsBackDeadObjectsOnly) {
  Header* dead = new_fake();
  Header* live = new_fake();
  std::mutex mu;
  std::condition_variable cv;
  int step = 0;
  std::thread t([&] {
    take_and_defer(dead);
    take_and_defer(live);
    incref(live);
    drop(dead);
    drop(live);  // keeps one table reference to `live`
    std::unique_lock<std::mutex> lock(mu);
    step = 1;
    cv.notify_all();
    cv.wait(lock, [&] { return step == 2; });
    drop(live);
  });
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return step == 1; });
  }
  drop(dead);
  EXPECT_EQ(deferred_count(), 2u);
  std::vector<Header*> to_release;
  deferred_merge_all(&to_release);  // the thread is parked: its table is read here
  EXPECT_EQ(deferred_count(), 0u);
  ASSERT_EQ(to_release.size(), 1u);
  EXPECT_EQ(to_release[0], dead);
  EXPECT_EQ(refcount(dead), 1);  // the reference handed back
  EXPECT_EQ(refcount(live), 2);  // the owner's and the thread's
  EXPECT_EQ(g_freed.load(), 0);
  drop(dead);
  EXPECT_EQ(g_freed.load(), 1);
  {
    std::unique_lock<std::mutex> lock(mu);
    step = 2;
    cv.notify_all();
  }
  t.join();
  EXPECT_EQ(refcount(live), 1);
  drop(live);
  EXPECT_EQ(g_freed.load(), 2);
}

TEST_F(DeferredRcTest, CollidingEntriesEvictToTheSharedWord) {
  // Two objects that map to the same slot of a table.
  std::vector<Header*> spare;
  Header* a = new_fake();
  Header* b = nullptr;
  while (b == nullptr && spare.size() < 100000) {
    Header* c = new_fake();
    if (deferred_slot_index(c) == deferred_slot_index(a)) b = c; else spare.push_back(c);
  }
  for (Header* c : spare) drop(c);
  ASSERT_NE(b, nullptr);
  int freed_before = g_freed.load();
  std::thread([&] {
    take_and_defer(a);
    take_and_defer(b);
    for (int i = 0; i < 5; ++i) incref(a);  // a's entry: +5
    for (int i = 0; i < 3; ++i) incref(b);  // evicts a: a's shared += 5
    EXPECT_EQ(shared_count(a), kDeferredBias + 1 + 5);
    EXPECT_EQ(deferred_table_count(b), 3);
    for (int i = 0; i < 6; ++i) drop(a);  // evicts b; a's entry -6
    for (int i = 0; i < 4; ++i) drop(b);
  }).join();
  EXPECT_EQ(refcount(a), 1);
  EXPECT_EQ(refcount(b), 1);
  drop(a);
  drop(b);
  EXPECT_EQ(g_freed.load(), freed_before);
  collect_deferred();
  EXPECT_EQ(g_freed.load(), freed_before + 2);
}

TEST_F(DeferredRcTest, AfterThreadExitCountsGoToTheSharedWord) {
  Header* h = new_fake();
  std::thread([&] {
    take_and_defer(h);
    incref(h);
    EXPECT_EQ(deferred_table_count(h), 1);
    deferred_thread_exit();  // as brc_detach_thread does
    EXPECT_EQ(shared_count(h), kDeferredBias + 2);
    incref(h);
    EXPECT_EQ(shared_count(h), kDeferredBias + 3);
    for (int i = 0; i < 3; ++i) EXPECT_FALSE(release(h));
    EXPECT_EQ(shared_count(h), kDeferredBias);
  }).join();
  drop(h);
  EXPECT_EQ(g_freed.load(), 0);
  collect_deferred();
  EXPECT_EQ(g_freed.load(), 1);
}

TEST_F(DeferredRcTest, DeferIsIdempotentUnderRaces) {
  Header* h = new_fake();
  std::vector<std::thread> ts;
  std::atomic<int> ready{0};
  for (int i = 0; i < 4; ++i) {
    ts.emplace_back([&] {
      ready.fetch_add(1);
      while (ready.load() < 4) {
      }
      for (int k = 0; k < 1000; ++k) {
        incref(h);
        defer(h);
        drop(h);
      }
    });
  }
  for (auto& t : ts) t.join();
  EXPECT_EQ(deferred_count(), 1u);
  EXPECT_EQ(refcount(h), 1);
  drop(h);
  collect_deferred();
  EXPECT_EQ(g_freed.load(), 1);
}

#else

TEST(DeferredRcTest, GilBuildNeverDefers) {
  EXPECT_FALSE(deferral_allowed());
  EXPECT_EQ(deferred_count(), 0u);
}

#endif

}  // namespace
}  // namespace conch::gc
