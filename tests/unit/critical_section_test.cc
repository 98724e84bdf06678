// Critical sections (gc/critical_section.h): nesting, the two-object form
// in both orders from two threads, the same object twice, suspension when
// the thread blocks (explicitly, through vm/gil.cc's seam, and through
// ByteMutex::lock_detaching's hook), and the lazy relock of outer sections.
//
// The objects are bare gc::Headers: sections know headers, not types.  The
// free-threaded build checks the locking; the GIL build checks that the same
// call sites compile to nothing.
#include "gc/critical_section.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "locking/byte_mutex.h"
#include "vm/gil.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::gc {
namespace {

using namespace std::chrono_literals;

// A shared object: refcount 2, so assert_critical_section_held() cannot
// excuse it as private to the thread.
struct TestObject {
#if CONCH_FREE_THREADED
  TestObject() {
    init_header(&header);  // one reference, owned by this thread
    incref(&header);
  }
  bool locked() const { return header.mutex.is_locked(); }
#else
  TestObject() { header.refcount = 2; }
  bool locked() const { return false; }
#endif
  Header* h() { return &header; }
  Header header{};
};

#if CONCH_FREE_THREADED

// The blocking hooks as vm/gil.cc installs them, reduced to the part that
// matters here (these threads are not interpreter threads).
void before_block() { suspend_critical_sections(); }
void after_block() { resume_critical_sections(); }

class CriticalSectionTest : public ::testing::Test {
 protected:
  void SetUp() override { locking::set_blocking_hooks(before_block, after_block); }
};

// Runs f on a thread; fails (instead of hanging) if it has not finished
// within `limit`: a deadlock is a test failure, not a ctest timeout.
template <class F>
void run_with_deadline(F f, std::chrono::seconds limit = 20s) {
  auto done = std::async(std::launch::async, f);
  if (done.wait_for(limit) != std::future_status::ready) {
    ADD_FAILURE() << "deadlock: threads did not finish";
    std::fflush(nullptr);
    std::_Exit(1);  // the stuck threads cannot be joined
  }
  done.get();
}

TEST_F(CriticalSectionTest, LocksAndUnlocksOneObject) {
  TestObject a;
  {
    CriticalSection cs{a.h()};
    EXPECT_TRUE(a.locked());
    EXPECT_TRUE(critical_section_held(a.h()));
    EXPECT_EQ(critical_section_depth(), 1);
  }
  EXPECT_FALSE(a.locked());
  EXPECT_FALSE(critical_section_held(a.h()));
  EXPECT_EQ(critical_section_depth(), 0);
}

TEST_F(CriticalSectionTest, NestsInnermostFirst) {
  TestObject a, b, c;
  {
    CriticalSection s1{a.h()};
    {
      CriticalSection s2{b.h()};
      {
        // a again (held by s1, not the innermost): s3 parks on it, which
        // suspends s1 and s2, and then holds both a and c itself.
        CriticalSection2 s3{c.h(), a.h()};
        EXPECT_EQ(critical_section_depth(), 3);
        EXPECT_TRUE(critical_section_held(a.h()));
        EXPECT_TRUE(critical_section_held(c.h()));
        EXPECT_FALSE(b.locked());
      }
      EXPECT_TRUE(b.locked());  // s2 relocked when s3 ended
      EXPECT_TRUE(critical_section_held(b.h()));
      EXPECT_FALSE(c.locked());
    }
    EXPECT_TRUE(a.locked());
    EXPECT_FALSE(b.locked());
    EXPECT_FALSE(c.locked());
    EXPECT_EQ(critical_section_depth(), 1);
  }
  EXPECT_FALSE(a.locked());
}

TEST_F(CriticalSectionTest, SamePairAgainIsSkippedInEitherOrder) {
  TestObject a, b;
  {
    CriticalSection2 outer{a.h(), b.h()};
    {
      CriticalSection2 inner{b.h(), a.h()};
      CriticalSection single{b.h()};
      EXPECT_EQ(critical_section_depth(), 1);
    }
    EXPECT_TRUE(a.locked());
    EXPECT_TRUE(b.locked());
  }
  EXPECT_FALSE(a.locked());
  EXPECT_FALSE(b.locked());
}

TEST_F(CriticalSectionTest, SameObjectTwiceLocksOnce) {
  TestObject a;
  {
    CriticalSection2 cs{a.h(), a.h()};
    EXPECT_TRUE(a.locked());
    EXPECT_EQ(critical_section_depth(), 1);
    {
      CriticalSection again{a.h()};  // recursion on one object: skipped
      EXPECT_EQ(critical_section_depth(), 1);
    }
    EXPECT_TRUE(a.locked());  // the inner end did not unlock the outer hold
    EXPECT_TRUE(critical_section_held(a.h()));
  }
  EXPECT_FALSE(a.locked());
  EXPECT_EQ(critical_section_depth(), 0);
}

TEST_F(CriticalSectionTest, TwoObjectsLockBothAndReleaseBoth) {
  TestObject a, b;
  {
    CriticalSection2 cs{b.h(), a.h()};
    EXPECT_TRUE(a.locked());
    EXPECT_TRUE(b.locked());
    EXPECT_TRUE(critical_section_held(a.h()));
    EXPECT_TRUE(critical_section_held(b.h()));
  }
  EXPECT_FALSE(a.locked());
  EXPECT_FALSE(b.locked());
}

// Two threads take {a, b} and {b, a} (the two-object form) many times and
// increment one counter each time; the form orders by address, so neither
// can wait on the other forever, and the count is exact.
TEST_F(CriticalSectionTest, TwoObjectFormInOppositeOrdersFromTwoThreads) {
  TestObject a, b;
  constexpr int kIters = 200'000;
  int64_t counter = 0;  // guarded by a and b
  run_with_deadline([&] {
    std::thread t1([&] {
      for (int i = 0; i < kIters; ++i) {
        CriticalSection2 cs{a.h(), b.h()};
        ++counter;
      }
    });
    std::thread t2([&] {
      for (int i = 0; i < kIters; ++i) {
        CriticalSection2 cs{b.h(), a.h()};
        ++counter;
      }
    });
    t1.join();
    t2.join();
  });
  EXPECT_EQ(counter, 2 * kIters);
  EXPECT_FALSE(a.locked());
  EXPECT_FALSE(b.locked());
}

// The classic lock-order inversion with nested one-object sections: thread 1
// holds a and wants b, thread 2 holds b and wants a.  A thread that has to
// park suspends its outer section, so both finish, and each inner body runs
// with its inner object locked.
TEST_F(CriticalSectionTest, NestedSectionsInOppositeOrdersDoNotDeadlock) {
  TestObject a, b;
  constexpr int kIters = 20'000;
  std::atomic<int> violations{0};
  auto worker = [&](TestObject* outer, TestObject* inner, int64_t* count) {
    for (int i = 0; i < kIters; ++i) {
      CriticalSection s1{outer->h()};
      CriticalSection s2{inner->h()};
      // The inner object is always held; the outer one may have been
      // suspended while this thread parked on the inner one.
      if (!critical_section_held(inner->h())) violations.fetch_add(1);
      ++*count;
    }
    if (critical_section_depth() != 0) violations.fetch_add(1);
  };
  int64_t c1 = 0, c2 = 0;
  run_with_deadline([&] {
    std::thread t1(worker, &a, &b, &c1);
    std::thread t2(worker, &b, &a, &c2);
    t1.join();
    t2.join();
  });
  EXPECT_EQ(c1, kIters);
  EXPECT_EQ(c2, kIters);
  EXPECT_EQ(violations.load(), 0);
  EXPECT_FALSE(a.locked());
  EXPECT_FALSE(b.locked());
}

// Deterministic version of the above: thread 1 holds a and parks on b (held
// by thread 2); parking must suspend a, so thread 2 can then take a.
TEST_F(CriticalSectionTest, ParkingSuspendsOuterSections) {
  TestObject a, b;
  std::atomic<bool> t2_holds_b{false}, t1_holds_a{false}, t2_got_a{false};
  run_with_deadline([&] {
    std::thread t2([&] {
      CriticalSection sb{b.h()};
      t2_holds_b.store(true);
      while (!t1_holds_a.load()) std::this_thread::yield();
      // Thread 1 now parks on b; that must unlock a (without suspension this
      // loop never ends and the deadline fails the test).
      while (a.locked()) std::this_thread::sleep_for(1ms);
      CriticalSection sa{a.h()};
      t2_got_a.store(true);
    });
    std::thread t1([&] {
      while (!t2_holds_b.load()) std::this_thread::yield();
      CriticalSection sa{a.h()};
      t1_holds_a.store(true);
      {
        CriticalSection sb{b.h()};  // parks: t2 holds b
        EXPECT_TRUE(t2_got_a.load());  // t2 ran its a-section while we waited
        EXPECT_TRUE(critical_section_held(b.h()));
        EXPECT_FALSE(critical_section_held(a.h()));  // outer not relocked yet (lazy)
      }
      EXPECT_TRUE(critical_section_held(a.h()));  // relocked when the inner one ended
    });
    t1.join();
    t2.join();
  });
  EXPECT_FALSE(a.locked());
  EXPECT_FALSE(b.locked());
}

// A thread may re-enter an object that an outer (not innermost) section of
// its own holds: the lock parks, which suspends the outer hold.
TEST_F(CriticalSectionTest, ReentersObjectHeldByOuterSection) {
  TestObject a, b;
  run_with_deadline([&] {
    CriticalSection s1{a.h()};
    {
      CriticalSection s2{b.h()};
      {
        CriticalSection s3{a.h()};
        EXPECT_EQ(critical_section_depth(), 3);
        EXPECT_TRUE(critical_section_held(a.h()));
        EXPECT_FALSE(critical_section_held(b.h()));  // suspended by the park
      }
      EXPECT_TRUE(critical_section_held(b.h()));
    }
    EXPECT_TRUE(critical_section_held(a.h()));
  });
  EXPECT_FALSE(a.locked());
  EXPECT_FALSE(b.locked());
}

TEST_F(CriticalSectionTest, SuspendUnlocksAllResumeRelocksInnermostOnly) {
  TestObject a, b, c;
  {
    CriticalSection s1{a.h()};
    {
      CriticalSection2 s2{b.h(), c.h()};
      suspend_critical_sections();
      EXPECT_FALSE(a.locked());
      EXPECT_FALSE(b.locked());
      EXPECT_FALSE(c.locked());
      suspend_critical_sections();  // idempotent
      // Another thread can use the objects while this one is "blocked".
      std::thread([&] {
        CriticalSection2 cs{a.h(), c.h()};
        EXPECT_TRUE(a.locked());
      }).join();
      resume_critical_sections();
      EXPECT_TRUE(b.locked());
      EXPECT_TRUE(c.locked());
      EXPECT_FALSE(a.locked());  // outer: relocked lazily
      resume_critical_sections();  // idempotent
      EXPECT_FALSE(a.locked());
    }
    EXPECT_TRUE(a.locked());  // relocked when s2 ended
    EXPECT_FALSE(b.locked());
    EXPECT_TRUE(critical_section_held(a.h()));
  }
  EXPECT_FALSE(a.locked());
  suspend_critical_sections();  // no sections: nothing to do
  resume_critical_sections();
}

// Resuming must wait for another thread that took the object meanwhile.
TEST_F(CriticalSectionTest, ResumeWaitsForTheObject) {
  TestObject a;
  std::atomic<bool> taken{false}, release{false};
  int64_t guarded = 0;
  run_with_deadline([&] {
    CriticalSection s{a.h()};
    guarded = 1;
    suspend_critical_sections();
    std::thread other([&] {
      CriticalSection cs{a.h()};
      taken.store(true);
      while (!release.load()) std::this_thread::yield();
      guarded = 2;
    });
    while (!taken.load()) std::this_thread::yield();
    release.store(true);
    resume_critical_sections();  // parks until `other` leaves
    EXPECT_EQ(guarded, 2);
    EXPECT_TRUE(critical_section_held(a.h()));
    other.join();
  });
  EXPECT_FALSE(a.locked());
}

// vm/gil.cc's gil_release()/gil_acquire() are the seam every blocking wait
// goes through (without_gil): they suspend and resume the sections.
TEST_F(CriticalSectionTest, GilReleaseSuspendsGilAcquireResumes) {
  if (vm::builtins_module() == nullptr) {
    vm::RuntimeConfig cfg;
    cfg.argv = {"conch_unit_tests"};
    vm::runtime_init(cfg);
  }
  TestObject a;
  CriticalSection s{a.h()};
  bool other_got_it = vm::without_gil([&] {
    bool got = false;
    std::thread([&] {
      got = a.header.mutex.try_lock();
      if (got) a.header.mutex.unlock();
    }).join();
    return got;
  });
  EXPECT_TRUE(other_got_it);
  EXPECT_TRUE(a.locked());
  EXPECT_TRUE(critical_section_held(a.h()));
}

TEST_F(CriticalSectionTest, HeldAssertionAcceptsPrivateObjects) {
  TestObject a;
  Header fresh{};
  init_header(&fresh);
  assert_critical_section_held(&fresh);  // one reference: nobody else can see it
  CriticalSection s{a.h()};
  assert_critical_section_held(a.h());
  EXPECT_FALSE(critical_section_held(&fresh));
}

#else  // GIL build

TEST(CriticalSectionTest, CompilesToNothingInTheGilBuild) {
  static_assert(sizeof(CriticalSection) == 1 && sizeof(CriticalSection2) == 1);
  TestObject a, b;
  {
    CriticalSection cs{a.h()};
    CriticalSection2 cs2{a.h(), b.h()};
    EXPECT_FALSE(a.locked());
    EXPECT_TRUE(critical_section_held(a.h()));
    assert_critical_section_held(b.h());
  }
  suspend_critical_sections();
  resume_critical_sections();
  EXPECT_EQ(critical_section_depth(), 0);
}

#endif

}  // namespace
}  // namespace conch::gc
