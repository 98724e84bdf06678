// The cycle collector (gc/collector.h, vm/gc_support.h): cycles are freed,
// externally reachable objects survive, __del__ runs once, resurrection is
// respected, and the live-object count returns to its baseline.  Per-thread
// tracked lists: a thread's objects sit on its own list, move to the orphan
// list when it exits (even while other threads free them), and a cycle left
// by an exited thread is collected.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "base/config.h"
#include "gc/alloc.h"

#include "gc/collector.h"
#include "vm/errors.h"
#include "vm/gc_support.h"
#include "vm/typeobject.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::vm {

void ensure_runtime();  // tests/unit/str_test.cc

namespace {

// Runs src in a fresh __main__ dict; returns the dict (or null on error).
Ref<> run(std::string_view src) {
  ensure_runtime();
  Ref<> code = steal(compile_source(src, "<gctest>", CompileMode::kExec));
  if (!code) return nullptr;
  Ref<> globals = steal(dict_new());
  dict_set_item_str(globals.get(), "__name__", str_intern("__main__"));
  Ref<> r = steal(eval_code(code.get(), globals.get(), globals.get()));
  if (!r) {
    clear_error();
    return nullptr;
  }
  return globals;
}

class GcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ensure_runtime();
    gc::set_enabled(false);
    gc_collect_now();
  }
  void TearDown() override { gc::set_enabled(true); }
};

TEST_F(GcTest, SelfReferencingListIsFreed) {
  int64_t base = gc::live_objects();
  {
    Ref<> l = steal(list_new(0));
    ASSERT_EQ(list_append(l.get(), l.get()), 0);
  }
  EXPECT_EQ(gc::live_objects(), base + 1);
  EXPECT_EQ(gc_collect_now(), 1);
  EXPECT_EQ(gc::live_objects(), base);
}

TEST_F(GcTest, ReachableFromOutsideSurvives) {
  Ref<> l = steal(list_new(0));
  ASSERT_EQ(list_append(l.get(), l.get()), 0);
  Ref<> inner = steal(list_new(0));
  ASSERT_EQ(list_append(l.get(), inner.get()), 0);
  EXPECT_EQ(gc_collect_now(), 0);
  EXPECT_EQ(list_size(l.get()), 2);
  l->type->clear(l.get());
}

TEST_F(GcTest, InstancesReferencingEachOtherAreFreed) {
  int64_t base = gc::live_objects();
  {
    Ref<> g = run(
        "class A: pass\n"
        "a = A(); b = A(); a.o = b; b.o = a\n"
        "del a, b\n");
    ASSERT_TRUE(g);
    dict_clear(g.get());  // drops the class; its own cycle goes too
  }
  EXPECT_GT(gc_collect_now(), 2);
  EXPECT_EQ(gc::live_objects(), base);
}

TEST_F(GcTest, DelRunsOnceAndResurrectionIsRespected) {
  int64_t base = gc::live_objects();
  {
    Ref<> g = run(
        "calls = []\n"
        "saved = []\n"
        "class P:\n"
        "    def __del__(self):\n"
        "        calls.append(1)\n"
        "        saved.append(self)\n"
        "p = P(); p.me = p\n"
        "del p\n");
    ASSERT_TRUE(g);
    gc_collect_now();
    Object* calls = dict_get_item_str(g.get(), "calls");
    Object* saved = dict_get_item_str(g.get(), "saved");
    ASSERT_NE(calls, nullptr);
    EXPECT_EQ(list_size(calls), 1);
    EXPECT_EQ(list_size(saved), 1);  // resurrected, still whole
    saved->type->clear(saved);
    gc_collect_now();
    EXPECT_EQ(list_size(calls), 1);  // not finalized a second time
    dict_clear(g.get());
  }
  // With the GIL off the type attribute cache owns the values it caches
  // (P.__del__ here) until evicted; drop it, as a thread does at exit.
  type_cache_clear();
  gc_collect_now();
  EXPECT_EQ(gc::live_objects(), base);
}

TEST_F(GcTest, TrackedCountReturnsToBaseline) {
  int64_t tracked = gc::tracked_count();
  for (int i = 0; i < 1000; ++i) {
    Ref<> a = steal(list_new(0));
    Ref<> b = steal(list_new(0));
    list_append(a.get(), b.get());
    list_append(b.get(), a.get());
  }
  EXPECT_EQ(gc::tracked_count(), tracked + 2000);
  EXPECT_EQ(gc_collect_now(), 2000);
  EXPECT_EQ(gc::tracked_count(), tracked);
}

// ---------------------------------------------------------------------------
// Per-thread lists and the orphan hand-over.  The threads here are plain C++
// threads that touch only objects nobody else sees (no Python code, no
// collection while they run), which is safe in both builds.

TEST_F(GcTest, ThreadObjectsSitOnItsOwnListThenOrphans) {
  int64_t tracked = gc::tracked_count();
  int64_t orphans = gc::orphaned_count();
  int64_t mine = gc::this_thread_tracked_count();
  Object* survivor = nullptr;
  int64_t in_thread = -1;
  std::thread t([&] {
    survivor = list_new(0);
    Ref<> temp = steal(list_new(0));
    in_thread = gc::this_thread_tracked_count();
  });
  t.join();
  EXPECT_EQ(in_thread, 2);                              // on the thread's list, not ours
  EXPECT_EQ(gc::this_thread_tracked_count(), mine);
  EXPECT_EQ(gc::orphaned_count(), orphans + 1);         // handed over at exit
  EXPECT_EQ(gc::tracked_count(), tracked + 1);
  decref(survivor);                                     // freed from the orphan list
  EXPECT_EQ(gc::orphaned_count(), orphans);
  EXPECT_EQ(gc::tracked_count(), tracked);
}

TEST_F(GcTest, CycleLeftByExitedThreadIsCollected) {
  int64_t base = gc::live_objects();
  std::thread t([] {
    Ref<> a = steal(list_new(0));
    Ref<> b = steal(list_new(0));
    list_append(a.get(), b.get());
    list_append(b.get(), a.get());
  });
  t.join();
  EXPECT_EQ(gc::live_objects(), base + 2);
  EXPECT_EQ(gc_collect_now(), 2);
  EXPECT_EQ(gc::live_objects(), base);
}

TEST_F(GcTest, AllocationCountOfExitedThreadIsKept) {
  int64_t before = gc::allocation_count();
  std::vector<gc::Header*> objs;
  std::thread t([&] {
    for (int i = 0; i < 100; ++i) objs.push_back(gc::allocate_tracked(32));
  });
  t.join();
  EXPECT_EQ(gc::allocation_count(), before + 100);  // folded in at exit, exactly
  for (gc::Header* h : objs) gc::free_tracked(h);
  EXPECT_EQ(gc::allocation_count(), before);
}

// Another thread frees a thread's objects while that thread runs and then
// while it exits (the hand-over re-points every object under both locks;
// a freer holding a stale list pointer must notice and retry).  Needs real
// list locks: free-threaded build only.
TEST_F(GcTest, CrossThreadFreesRaceWithOrphanHandOver) {
  if constexpr (!kFreeThreaded) GTEST_SKIP() << "the GIL build's lists have no locks";
  int64_t tracked = gc::tracked_count();
  int64_t orphans = gc::orphaned_count();
  int64_t live = gc::live_objects();
  constexpr int kRounds = 20;
  constexpr int kObjects = 2000;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<gc::Header*> objs(kObjects);
    std::atomic<int> published{0};
    std::thread owner([&] {
      for (int i = 0; i < kObjects; ++i) {
        objs[i] = gc::allocate_tracked(48);
        published.store(i + 1, std::memory_order_release);
        // Churn on its own list while the freer works on it.
        gc::free_tracked(gc::allocate_tracked(48));
      }
    });  // exits at once: the hand-over overlaps the frees below
    std::thread freer([&] {
      for (int i = 0; i < kObjects; ++i) {
        while (published.load(std::memory_order_acquire) <= i) std::this_thread::yield();
        gc::free_tracked(objs[i]);
      }
    });
    owner.join();
    freer.join();
  }
  EXPECT_EQ(gc::tracked_count(), tracked);
  EXPECT_EQ(gc::orphaned_count(), orphans);
  EXPECT_EQ(gc::live_objects(), live);
}

// While a thread is attached its list is exclusive (gc/link.h): it links
// and unlinks its own objects without the lock, and another thread's frees
// wait on the list until the owner allocates again (which drains them).
// Needs list locks and modes: free-threaded build only.
TEST_F(GcTest, ExclusiveListDrainsOtherThreadsFreesOnAllocation) {
  if constexpr (!kFreeThreaded) GTEST_SKIP() << "the GIL build's lists have no modes";
  int64_t tracked = gc::tracked_count();
  int64_t live = gc::live_objects();
  constexpr int kObjects = 3000;
  std::vector<gc::Header*> objs(kObjects);
  std::atomic<int> published{0};
  std::atomic<bool> freed_all{false};
  std::thread owner([&] {
    gc::tracked_list_attach();
    for (int i = 0; i < kObjects; ++i) {
      objs[i] = gc::allocate_tracked(48);
      published.store(i + 1, std::memory_order_release);
      gc::free_tracked(gc::allocate_tracked(48));  // own list, lock-free
    }
    while (!freed_all.load(std::memory_order_acquire)) std::this_thread::yield();
    // Whatever the freer queued is unlinked by this allocation.
    gc::Header* last = gc::allocate_tracked(48);
    EXPECT_EQ(gc::this_thread_tracked_count(), 1);
    gc::free_tracked(last);
    EXPECT_EQ(gc::this_thread_tracked_count(), 0);
    gc::tracked_list_detach();
  });
  std::thread freer([&] {
    for (int i = 0; i < kObjects; ++i) {
      while (published.load(std::memory_order_acquire) <= i) std::this_thread::yield();
      gc::free_tracked(objs[i]);
    }
    freed_all.store(true, std::memory_order_release);
  });
  owner.join();
  freer.join();
  EXPECT_EQ(gc::tracked_count(), tracked);
  EXPECT_EQ(gc::live_objects(), live);
}

// Detaching turns the list shared again and unlinks what others queued.
TEST_F(GcTest, ExclusiveListDrainsOnDetach) {
  if constexpr (!kFreeThreaded) GTEST_SKIP() << "the GIL build's lists have no modes";
  int64_t tracked = gc::tracked_count();
  int64_t live = gc::live_objects();
  std::vector<gc::Header*> objs;
  std::atomic<int> step{0};
  std::thread owner([&] {
    gc::tracked_list_attach();
    for (int i = 0; i < 100; ++i) objs.push_back(gc::allocate_tracked(32));
    step.store(1, std::memory_order_release);
    while (step.load(std::memory_order_acquire) != 2) std::this_thread::yield();
    EXPECT_EQ(gc::this_thread_tracked_count(), 100);  // queued, still linked
    gc::tracked_list_detach();
    EXPECT_EQ(gc::this_thread_tracked_count(), 0);
    // Shared again: its own frees and allocations take the lock.
    gc::free_tracked(gc::allocate_tracked(32));
    EXPECT_EQ(gc::this_thread_tracked_count(), 0);
  });
  while (step.load(std::memory_order_acquire) != 1) std::this_thread::yield();
  for (gc::Header* h : objs) gc::free_tracked(h);  // all queued on the owner's list
  EXPECT_EQ(gc::live_objects(), live);             // freed as far as counts go
  step.store(2, std::memory_order_release);
  owner.join();
  EXPECT_EQ(gc::tracked_count(), tracked);
  EXPECT_EQ(gc::live_objects(), live);
}

// untrack() of an object on another thread's exclusive list: it leaves the
// collector's view at once (kUntracked) and is unlinked when freed.
TEST_F(GcTest, UntrackOnAnotherThreadsExclusiveList) {
  if constexpr (!kFreeThreaded) GTEST_SKIP() << "the GIL build's lists have no modes";
  int64_t tracked = gc::tracked_count();
  int64_t live = gc::live_objects();
  gc::Header* h = nullptr;
  std::atomic<int> step{0};
  std::thread owner([&] {
    gc::tracked_list_attach();
    h = gc::allocate_tracked(32);
    step.store(1, std::memory_order_release);
    while (step.load(std::memory_order_acquire) != 2) std::this_thread::yield();
    EXPECT_FALSE(gc::is_tracked(h));
    gc::untrack(h);  // idempotent
    gc::free_tracked(h);
    EXPECT_EQ(gc::this_thread_tracked_count(), 0);
    gc::tracked_list_detach();
  });
  while (step.load(std::memory_order_acquire) != 1) std::this_thread::yield();
  EXPECT_TRUE(gc::is_tracked(h));
  gc::untrack(h);
  EXPECT_FALSE(gc::is_tracked(h));
  step.store(2, std::memory_order_release);
  owner.join();
  EXPECT_EQ(gc::tracked_count(), tracked);
  EXPECT_EQ(gc::live_objects(), live);
}

// Threads that exit one after another reuse retired list structs; objects
// left behind by each accumulate on the orphan list and all get freed.
TEST_F(GcTest, ManyThreadsExitAndOrphansAreFreed) {
  int64_t orphans = gc::orphaned_count();
  int64_t tracked = gc::tracked_count();
  std::vector<gc::Header*> left;
  for (int i = 0; i < 50; ++i) {
    std::thread t([&] {
      for (int j = 0; j < 3; ++j) left.push_back(gc::allocate_tracked(32));
    });
    t.join();
  }
  EXPECT_EQ(gc::orphaned_count(), orphans + 150);
  EXPECT_EQ(gc::tracked_count(), tracked + 150);
  for (gc::Header* h : left) gc::free_tracked(h);
  EXPECT_EQ(gc::orphaned_count(), orphans);
  EXPECT_EQ(gc::tracked_count(), tracked);
}

TEST_F(GcTest, UntrackLeavesTheListAndStaysUntracked) {
  int64_t tracked = gc::tracked_count();
  gc::Header* h = gc::allocate_tracked(32);
  EXPECT_TRUE(gc::is_tracked(h));
  EXPECT_EQ(gc::tracked_count(), tracked + 1);
  gc::untrack(h);
  EXPECT_FALSE(gc::is_tracked(h));
  EXPECT_EQ(gc::tracked_count(), tracked);
  gc::untrack(h);  // idempotent
  gc::free_tracked(h);
  EXPECT_EQ(gc::tracked_count(), tracked);
}

TEST_F(GcTest, ThresholdAndEnableRoundTrip) {
  int64_t saved[3];
  gc::get_threshold(saved);
  gc::set_threshold(5, 6, 7);
  int64_t t[3];
  gc::get_threshold(t);
  EXPECT_EQ(t[0], 5);
  EXPECT_EQ(t[1], 6);
  EXPECT_EQ(t[2], 7);
  gc::set_threshold(saved[0], saved[1], saved[2]);
  EXPECT_FALSE(gc::is_enabled());  // SetUp disabled it
  gc::set_enabled(true);
  EXPECT_TRUE(gc::is_enabled());
  gc::set_enabled(false);
}

TEST_F(GcTest, AllocatorNameTellsWhichAllocator) {
  std::string name = gc::allocator_name();
  if constexpr (kUseMimalloc) {
    EXPECT_EQ(name.rfind("mimalloc 2.", 0), 0u) << name;
  } else {
    EXPECT_EQ(name, "system malloc");
  }
}

}  // namespace
}  // namespace conch::vm
