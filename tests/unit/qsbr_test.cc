// Quiescent-state-based reclamation (gc/qsbr.h) and try_incref
// (gc/header.h).  Deferral is process-wide and one-way (qsbr_enable_deferral),
// which is fine: ctest runs every test in a process of its own.  Threads in
// these tests are std::threads that register with qsbr_attach_thread and a
// breaker word of their own, so the requests a poller sends are visible.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <thread>
#include <vector>

#include "gc/alloc.h"
#include "gc/brc.h"
#include "gc/header.h"
#include "gc/qsbr.h"

namespace conch::gc {
namespace {

std::atomic<int> g_freed{0};

void count_free(void* p) {
  g_freed.fetch_add(1);
  std::free(p);
}

void* block() { return std::malloc(16); }

constexpr uint32_t kBit = 1;

TEST(QsbrTest, FreesAtOnceBeforeDeferralIsEnabled) {
  g_freed = 0;
  qsbr_free(block(), count_free);
  EXPECT_EQ(g_freed.load(), 1);
  qsbr_free(nullptr, count_free);  // null is ignored
  EXPECT_EQ(g_freed.load(), 1);
}

#if CONCH_FREE_THREADED

// A second thread, registered and online, that reports a quiescent state
// only when told to, then exits when told to.
class Reader {
 public:
  Reader() : thread_([this] { run(); }) {
    while (!ready_.load()) std::this_thread::yield();
  }
  ~Reader() {
    stop_.store(true);
    thread_.join();
  }
  // Asks the reader to report once and waits until it has.
  void quiesce() {
    int before = reports_.load();
    report_.store(true);
    while (reports_.load() == before) std::this_thread::yield();
  }
  void go_offline() {
    offline_.store(true);
    while (!is_offline_.load()) std::this_thread::yield();
  }
  uint32_t breaker() const { return breaker_.load(); }

 private:
  void run() {
    qsbr_attach_thread(&breaker_, kBit);
    ready_.store(true);
    while (!stop_.load()) {
      if (report_.exchange(false)) {
        breaker_.store(0);
        qsbr_quiescent();
        reports_.fetch_add(1);
      }
      if (offline_.exchange(false)) {
        qsbr_offline();
        is_offline_.store(true);
      }
      std::this_thread::yield();
    }
    qsbr_detach_thread();
  }

  std::atomic<uint32_t> breaker_{0};
  std::atomic<bool> ready_{false}, stop_{false}, report_{false}, offline_{false},
      is_offline_{false};
  std::atomic<int> reports_{0};
  std::thread thread_;
};

std::atomic<uint32_t> g_main_breaker{0};

void setup_main() {
  qsbr_attach_thread(&g_main_breaker, kBit);  // no-op if the vm registered us
  qsbr_enable_deferral();
  qsbr_quiescent();
  g_freed = 0;
}

TEST(QsbrTest, WaitsForAnOnlineThreadToPassAQuiescentState) {
  setup_main();
  Reader r;
  qsbr_free(block(), count_free);
  EXPECT_EQ(g_freed.load(), 0);
  qsbr_quiescent();  // we pass; the reader has not
  EXPECT_EQ(g_freed.load(), 0);
  EXPECT_EQ(qsbr_pending_count(), 1u);
  // The poll asked the lagging reader to report.
  EXPECT_NE(r.breaker() & kBit, 0u);
  r.quiesce();
  qsbr_quiescent();
  EXPECT_EQ(g_freed.load(), 1);
  EXPECT_EQ(qsbr_pending_count(), 0u);
}

TEST(QsbrTest, AReportBeforeTheFreeDoesNotCount) {
  setup_main();
  Reader r;
  r.quiesce();  // an old report: the reader may load the pointer after it
  qsbr_free(block(), count_free);
  qsbr_quiescent();
  EXPECT_EQ(g_freed.load(), 0);
  r.quiesce();
  qsbr_quiescent();
  EXPECT_EQ(g_freed.load(), 1);
}

TEST(QsbrTest, AnOfflineThreadNeverDelaysReclamation) {
  setup_main();
  Reader r;
  r.go_offline();
  qsbr_free(block(), count_free);
  qsbr_quiescent();
  EXPECT_EQ(g_freed.load(), 1);
}

TEST(QsbrTest, ItemsOfAnExitingThreadAreFreedByOthersLater) {
  setup_main();
  Reader lagging;
  std::thread t([] {
    std::atomic<uint32_t> breaker{0};
    qsbr_attach_thread(&breaker, kBit);
    for (int i = 0; i < 10; ++i) qsbr_free(block(), count_free);
    qsbr_detach_thread();  // the lagging reader holds them up: orphans
  });
  t.join();
  qsbr_quiescent();
  EXPECT_EQ(g_freed.load(), 0);
  lagging.quiesce();
  qsbr_quiescent();
  EXPECT_EQ(g_freed.load(), 10);
}

TEST(QsbrTest, ManyFreesAreBatchedAndAllFreedEventually) {
  setup_main();
  Reader r;
  constexpr int kN = 5000;
  for (int i = 0; i < kN; ++i) qsbr_free(block(), count_free);
  EXPECT_EQ(g_freed.load(), 0);  // the reader never reported
  qsbr_quiescent();  // moves the sequence on: the reader's next report counts
  r.quiesce();
  qsbr_quiescent();
  EXPECT_EQ(g_freed.load(), kN);
}

// Readers load a shared pointer without a lock and read through it; writers
// replace it and free the old block through qsbr_free.  A freed block is
// poisoned first, so a read after its free shows up as a wrong value.
struct Box {
  std::atomic<uint64_t> magic;
};
constexpr uint64_t kLive = 0x600DF00Dull;
constexpr uint64_t kPoison = 0xDEADBEEFull;

void poison_and_free(void* p) {
  static_cast<Box*>(p)->magic.store(kPoison, std::memory_order_relaxed);
  g_freed.fetch_add(1);
  delete static_cast<Box*>(p);
}

TEST(QsbrTest, ReadersNeverSeeAFreedBlock) {
  setup_main();
  std::atomic<Box*> shared{new Box{kLive}};
  std::atomic<bool> stop{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  for (int k = 0; k < 2; ++k) {
    readers.emplace_back([&] {
      std::atomic<uint32_t> breaker{0};
      qsbr_attach_thread(&breaker, kBit);
      for (int i = 0; !stop.load(std::memory_order_relaxed); ++i) {
        Box* b = shared.load(std::memory_order_acquire);
        if (b->magic.load(std::memory_order_relaxed) != kLive) bad.fetch_add(1);
        if ((breaker.load(std::memory_order_relaxed) & kBit) != 0 || i % 64 == 0) {
          breaker.fetch_and(~kBit);
          qsbr_quiescent();
        }
        if (i % 1000 == 0) {  // a blocking wait now and then
          qsbr_offline();
          std::this_thread::yield();
          qsbr_online();
        }
      }
      qsbr_detach_thread();
    });
  }
  constexpr int kWrites = 20000;
  for (int i = 0; i < kWrites; ++i) {
    Box* old = shared.exchange(new Box{kLive}, std::memory_order_acq_rel);
    qsbr_free(old, poison_and_free);
    if (i % 100 == 0) qsbr_quiescent();
  }
  stop.store(true);
  for (auto& t : readers) t.join();
  qsbr_quiescent();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(g_freed.load(), kWrites);  // nothing left behind once readers left
  delete shared.load();
}

// --- try_incref ---------------------------------------------------------------

TEST(QsbrTest, TryIncrefOwnerAndImmortal) {
  Header* h = allocate_object(32);
  EXPECT_TRUE(try_incref(h));
  EXPECT_EQ(refcount(h), 2);
  EXPECT_FALSE(release(h));
  Header imm{};
  make_immortal(&imm);
  EXPECT_TRUE(try_incref(&imm));
  ASSERT_TRUE(release(h));
  free_object(h);
}

TEST(QsbrTest, TryIncrefRefusesADeadObject) {
  Header h{};
  init_header(&h);
  mark_dead(&h);
  EXPECT_FALSE(try_incref(&h));  // neither owner nor a merged live count
  std::thread([&] { EXPECT_FALSE(try_incref(&h)); }).join();
}

TEST(QsbrTest, NonOwnerTryIncrefRefusesAnUntouchedWordUntilALockedReadCounted) {
  Header* h = allocate_object(32);  // owned by this thread, shared word 0
  std::thread([&] {
    EXPECT_FALSE(try_incref(h));  // the owner might be freeing it on a plain load
    EXPECT_FALSE(try_incref(h));  // and nothing was written for a retry to use
    EXPECT_EQ(h->shared_refcount.load(), 0);
    // The caller's locked path: the container's lock keeps h alive.
    incref(h);
    EXPECT_FALSE(release(h));
    EXPECT_EQ(h->shared_refcount.load(), kSharedMaybeShared);
    EXPECT_TRUE(try_incref(h));  // lock-free from now on
    EXPECT_EQ(refcount(h), 2);
    EXPECT_FALSE(release(h));
    EXPECT_EQ(h->shared_refcount.load(), kSharedMaybeShared);
  }).join();
  EXPECT_EQ(refcount(h), 1);
  // The owner's last decref merges with a CAS (the word is not 0).
  ASSERT_TRUE(release(h));
  EXPECT_EQ(h->shared_refcount.load(), kSharedMerged);
  free_object(h);
}

// The owner drops the last reference to an object no other thread counted:
// freed on a plain load of 0.  A reader that loaded the pointer a moment
// before (and whose re-check may still see it in its container, the
// unpublishing store not yet visible) must not be able to revive it by any
// number of attempts -- free lists hand the memory out again at once.
TEST(QsbrTest, AnUntouchedDeadObjectCannotBeRevived) {
  setup_main();
  Header* h = allocate_object(32);
  ASSERT_TRUE(release(h));  // dead; the word still reads 0
  std::thread([&] {
    EXPECT_FALSE(try_incref(h));
    EXPECT_FALSE(try_incref(h));
    EXPECT_EQ(h->shared_refcount.load(), 0);
  }).join();
  free_object(h);
}

TEST(QsbrTest, TryIncrefRacingTheOwnersLastDecrefNeverRevivesTheDead) {
  // The owner drops its only reference while another thread tries to take
  // one; either the taker wins (and the object lives on with its count) or
  // it is refused.  Repeated to catch the interleavings.
  setup_main();
  for (int round = 0; round < 2000; ++round) {
    Header* h = allocate_object(32);
    h->shared_refcount.store(kSharedMaybeShared);  // as after a reader's flag
    std::atomic<bool> go{false};
    std::atomic<int> got{-1};
    std::thread t([&] {
      while (!go.load()) {
      }
      got.store(try_incref(h) ? 1 : 0);
    });
    go.store(true);
    bool dead = release(h);
    t.join();
    if (got.load() == 1) {
      EXPECT_FALSE(dead);
      EXPECT_EQ(refcount(h), 1);
      ASSERT_TRUE(release(h));  // merged: the last shared decref frees
    } else {
      ASSERT_TRUE(dead);
    }
    free_object(h);
  }
}

#endif

}  // namespace
}  // namespace conch::gc
