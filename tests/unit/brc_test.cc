// Biased reference counting (gc/header.h, gc/brc.h) on tiny fake objects:
// bare headers from gc::allocate_object, freed through a dealloc hook that
// counts.  Each scenario that needs an owner with a queue runs the owner in
// a std::thread of its own, with its own breaker word, so the test binary's
// main thread (which may be the vm's main thread) keeps its registration.
// The GIL build checks that the plain counter behaves.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

#include "gc/alloc.h"
#include "gc/brc.h"
#include "gc/header.h"

namespace conch::gc {
namespace {

#if CONCH_FREE_THREADED

// Fake objects: the hook frees those it knows and hands anything else (a
// real vm object merged during the test) to the previous hook.
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

// What a caller does when release() says so.
void drop(Header* h) {
  if (release(h)) fake_dealloc(h);
}

bool is_live_fake(Header* h) {
  std::lock_guard<std::mutex> lock(g_fake_mu);
  return g_fakes.count(h) != 0;
}

intptr_t shared_word(const Header* h) { return h->shared_refcount.load(); }
uint32_t local_count(const Header* h) { return h->local_refcount.load(); }

class BrcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    g_prev_hook = brc_set_dealloc(fake_dealloc);
    g_freed = 0;
  }
  void TearDown() override { brc_set_dealloc(g_prev_hook); }
};

// Runs fn in a new thread registered as an owner with its own breaker.
template <class F>
void in_owner_thread(F fn) {
  std::thread t([&] {
    std::atomic<uint32_t> breaker{0};
    brc_attach_thread(&breaker, 1u << 2);
    fn(breaker);
    brc_detach_thread();
  });
  t.join();
}

TEST_F(BrcTest, OwnerIncrefDecrefIsLocal) {
  Header* h = new_fake();
  EXPECT_TRUE(is_owned_by_current_thread(h));
  EXPECT_EQ(local_count(h), 1u);
  incref(h);
  incref(h);
  EXPECT_EQ(local_count(h), 3u);
  EXPECT_EQ(shared_word(h), 0);
  EXPECT_EQ(refcount(h), 3);
  EXPECT_FALSE(release(h));
  EXPECT_FALSE(release(h));
  EXPECT_TRUE(is_uniquely_referenced(h));
  EXPECT_TRUE(release(h));  // local 0, shared 0: dead at once
  fake_dealloc(h);
  EXPECT_EQ(g_freed.load(), 1);
}

TEST_F(BrcTest, NonOwnerUsesSharedCount) {
  Header* h = new_fake();
  std::thread([&] {
    EXPECT_FALSE(is_owned_by_current_thread(h));
    incref(h);
    EXPECT_EQ(shared_word(h), kSharedOne);
    EXPECT_EQ(local_count(h), 1u);
    EXPECT_EQ(refcount(h), 2);
    EXPECT_FALSE(is_uniquely_referenced(h));
    EXPECT_FALSE(release(h));
    // A zero count, marked as counted by another thread (header.h).
    EXPECT_EQ(shared_word(h), kSharedMaybeShared);
  }).join();
  EXPECT_EQ(local_count(h), 1u);
  drop(h);
  EXPECT_EQ(g_freed.load(), 1);
}

TEST_F(BrcTest, OwnerReachingZeroWithSharedRefsMerges) {
  Header* h = new_fake();
  std::atomic<int> step{0};
  std::thread other([&] {
    incref(h);  // a shared reference
    step = 1;
    while (step.load() != 2) std::this_thread::yield();
    // The owner gave up ownership: the last reference is ours to free.
    EXPECT_TRUE(brc_is_merged(h));
    EXPECT_EQ(refcount(h), 1);
    EXPECT_TRUE(release(h));
    fake_dealloc(h);
  });
  while (step.load() != 1) std::this_thread::yield();
  EXPECT_FALSE(release(h));  // local 0, shared 1: merge, do not free
  EXPECT_TRUE(brc_is_merged(h));
  EXPECT_EQ(h->owner_tid.load(), 0u);
  EXPECT_EQ(g_freed.load(), 0);
  step = 2;
  other.join();
  EXPECT_EQ(g_freed.load(), 1);
}

TEST_F(BrcTest, NegativeSharedIsQueuedAndOwnerMergesAtBreaker) {
  in_owner_thread([](std::atomic<uint32_t>& breaker) {
    Header* h = new_fake();  // local 1: the reference we hand over
    std::thread([&] {
      EXPECT_FALSE(release(h));  // would go to -1: queued instead
    }).join();
    EXPECT_TRUE(brc_is_queued(h));
    EXPECT_EQ(refcount(h), 1);  // the queue's reference
    EXPECT_NE(breaker.load() & (1u << 2), 0u);
    EXPECT_EQ(brc_pending_count(), 1u);
    EXPECT_EQ(g_freed.load(), 0);
    brc_merge_pending();
    EXPECT_EQ(g_freed.load(), 1);  // merged total 0: freed, once
    EXPECT_FALSE(is_live_fake(h));
    EXPECT_EQ(brc_pending_count(), 0u);
    brc_merge_pending();
    EXPECT_EQ(g_freed.load(), 1);
  });
  EXPECT_EQ(g_freed.load(), 1);
}

TEST_F(BrcTest, QueuedObjectWithMoreDecrefsAndSurvivors) {
  in_owner_thread([](std::atomic<uint32_t>&) {
    Header* dead = new_fake();
    incref(dead);  // local 2, both handed over
    Header* alive = new_fake();
    incref(alive);  // local 2: one handed over, one kept
    std::thread([&] {
      EXPECT_FALSE(release(dead));  // queued
      EXPECT_FALSE(release(dead));  // count below zero, stays queued
      EXPECT_FALSE(release(alive));  // queued
    }).join();
    EXPECT_EQ(refcount(dead), 1);  // 2 local - 1 shared: the queue's reference
    EXPECT_EQ(brc_pending_count(), 2u);
    brc_merge_pending();
    EXPECT_EQ(g_freed.load(), 1);
    EXPECT_FALSE(is_live_fake(dead));
    EXPECT_TRUE(brc_is_merged(alive));
    EXPECT_EQ(refcount(alive), 1);
    drop(alive);  // merged: the shared path frees it
    EXPECT_EQ(g_freed.load(), 2);
  });
}

TEST_F(BrcTest, OwnerExitLeavesObjectsReferencedElsewhere) {
  Header* one = nullptr;  // one reference, held by the main thread
  Header* two = nullptr;  // two references, held by the main thread
  std::thread([&] {
    one = new_fake();
    two = new_fake();
    incref(two);
  }).join();  // the thread_local guard detaches it
  EXPECT_FALSE(is_owned_by_current_thread(one));
  EXPECT_EQ(refcount(one), 1);
  // The owner is gone: the enqueuer merges itself and must free.
  EXPECT_TRUE(release(one));
  fake_dealloc(one);
  EXPECT_FALSE(release(two));
  EXPECT_TRUE(brc_is_merged(two));
  EXPECT_EQ(refcount(two), 1);
  drop(two);
  EXPECT_EQ(g_freed.load(), 2);
}

TEST_F(BrcTest, ThreadExitsWhileItsObjectsAreQueued) {
  std::atomic<Header*> h{nullptr};
  std::atomic<int> step{0};
  std::thread owner([&] {
    std::atomic<uint32_t> breaker{0};
    brc_attach_thread(&breaker, 1u << 2);
    h = new_fake();
    step = 1;
    while (step.load() != 2) std::this_thread::yield();
    EXPECT_EQ(brc_pending_count(), 1u);
    EXPECT_EQ(g_freed.load(), 0);
    brc_detach_thread();  // merges what is queued, then leaves
    EXPECT_EQ(g_freed.load(), 1);
    // Past exit this thread owns nothing, not even what it allocates now.
    Header* late = new_fake();
    EXPECT_EQ(late->owner_tid.load(), 0u);
    EXPECT_TRUE(brc_is_merged(late));
    drop(late);
  });
  while (step.load() != 1) std::this_thread::yield();
  EXPECT_FALSE(release(h.load()));  // queued to the live owner
  step = 2;
  owner.join();
  EXPECT_EQ(g_freed.load(), 2);
}

TEST_F(BrcTest, MergeAllWithTheWorldStopped) {
  std::atomic<Header*> keep{nullptr}, last{nullptr};
  std::atomic<int> step{0};
  std::thread owner([&] {
    std::atomic<uint32_t> breaker{0};
    brc_attach_thread(&breaker, 1u << 2);
    Header* k = new_fake();
    incref(k);  // one for main, one kept here
    keep = k;
    last = new_fake();  // main's only reference
    step = 1;
    while (step.load() != 3) std::this_thread::yield();  // "stopped" meanwhile
    drop(k);
    brc_detach_thread();
  });
  while (step.load() != 1) std::this_thread::yield();
  EXPECT_FALSE(release(keep.load()));
  EXPECT_FALSE(release(last.load()));
  step = 2;
  std::vector<Header*> to_release;
  brc_merge_all(&to_release);
  // keep: merged, the queue's reference dropped, the owner's remains.
  EXPECT_TRUE(brc_is_merged(keep.load()));
  EXPECT_EQ(refcount(keep.load()), 1);
  // last: its total would be zero, so its reference moved to us.
  ASSERT_EQ(to_release.size(), 1u);
  EXPECT_EQ(to_release[0], last.load());
  EXPECT_EQ(refcount(last.load()), 1);
  EXPECT_EQ(g_freed.load(), 0);
  step = 3;
  for (Header* h : to_release) drop(h);
  owner.join();
  EXPECT_EQ(g_freed.load(), 2);
}

// Many threads drop references to one owner's objects at once while the
// owner keeps merging: every object is freed exactly once (and TSan sees
// no race).
TEST_F(BrcTest, ConcurrentDropsFreeEachObjectOnce) {
  constexpr int kObjects = 200;
  constexpr int kThreads = 4;
  std::vector<Header*> objs(kObjects);
  std::atomic<int> done{0};
  std::atomic<bool> start{false};
  std::vector<std::thread> droppers;
  std::thread owner([&] {
    std::atomic<uint32_t> breaker{0};
    brc_attach_thread(&breaker, 1u << 2);
    for (auto& h : objs) {
      h = new_fake();
      for (int i = 0; i < kThreads; ++i) incref(h);  // kThreads + 1 references
    }
    start = true;
    for (int i = 0; i < kObjects; i += 2) drop(objs[i]);  // some drops race
    while (done.load() != kThreads) {
      brc_merge_pending();
      std::this_thread::yield();
    }
    for (int i = 1; i < kObjects; i += 2) drop(objs[i]);
    brc_detach_thread();
  });
  for (int t = 0; t < kThreads; ++t) {
    droppers.emplace_back([&] {
      while (!start.load()) std::this_thread::yield();
      for (Header* h : objs) {
        incref(h);  // a shared increment and decrement too
        drop(h);
        drop(h);
      }
      done.fetch_add(1);
    });
  }
  for (auto& t : droppers) t.join();
  owner.join();
  EXPECT_EQ(g_freed.load(), kObjects);
}

TEST_F(BrcTest, ImmortalObjectsAreNeverCounted) {
  Header* h = allocate_object(32);
  make_immortal(h);
  intptr_t before = shared_word(h);
  std::thread([&] {
    incref(h);
    EXPECT_FALSE(release(h));
  }).join();
  incref(h);
  EXPECT_FALSE(release(h));
  EXPECT_EQ(shared_word(h), before);
  EXPECT_TRUE(is_immortal(h));
  free_object(h);
}

TEST_F(BrcTest, SharedByDesignFlagIsForgottenOnFree) {
  if (shared_by_design_immortalized()) GTEST_SKIP() << "threads already started in this process";
  Header* h = new_fake();
  mark_shared_by_design(h);
  EXPECT_NE(h->flags & kFlagSharedByDesign, 0);
  EXPECT_FALSE(is_immortal(h));  // counted normally until a thread starts
  drop(h);                       // free_object forgets it
  EXPECT_EQ(g_freed.load(), 1);
}

#else  // GIL build

TEST(BrcGilBuild, PlainCounter) {
  Header* h = allocate_object(32);
  EXPECT_EQ(refcount(h), 1);
  EXPECT_TRUE(is_uniquely_referenced(h));
  incref(h);
  EXPECT_EQ(refcount(h), 2);
  EXPECT_FALSE(is_uniquely_referenced(h));
  EXPECT_FALSE(release(h));
  EXPECT_TRUE(release(h));
  free_object(h);
  Header* im = allocate_object(32);
  make_immortal(im);
  // The GIL build counts immortal objects too (no test on the fast path):
  // the count moves, but stays immortal and never asks for a free.
  intptr_t before = refcount(im);
  incref(im);
  EXPECT_EQ(refcount(im), before + 1);
  EXPECT_FALSE(release(im));
  for (int i = 0; i < 1000; i++) EXPECT_FALSE(release(im));
  EXPECT_EQ(refcount(im), before - 1000);
  EXPECT_TRUE(is_immortal(im));
  free_object(im);
  // Nothing to merge without owners.
  std::vector<Header*> none;
  brc_merge_all(&none);
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(brc_pending_count(), 0u);
}

#endif

}  // namespace
}  // namespace conch::gc
