// dict from several threads through the C++ API (vm/types/dict.h's "Thread
// safety"): concurrent set/get/delete with values that die as soon as they
// are replaced, one iterator shared by all threads, merge/copy/== of a dict
// being resized, locked iteration (dict_next_ref) racing deletes, and the
// string intern table hit from every thread at once.
//
// The threads attach to the runtime (gil_thread_attach) as interpreter
// threads do.  In the free-threaded build the test asks for the GIL off
// (CONCH_GIL=0) before the runtime starts: ctest runs each test in its own
// process, so there the threads really run in parallel.  When the whole
// binary runs in one process and another suite started the runtime first,
// the GIL may be on and the same checks run serialised.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <thread>
#include <vector>

#include "gc/qsbr.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/gil.h"
#include "vm/runtime.h"
#include "vm/types.h"
#include "vm/types/dict.h"

namespace conch::vm {

void ensure_runtime();  // tests/unit/str_test.cc

namespace {

constexpr int kThreads = 4;
constexpr int64_t kBig = int64_t{1} << 40;  // beyond the small-int cache: real objects

class DictThreadsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (builtins_module() == nullptr) setenv("CONCH_GIL", "0", 1);
    ensure_runtime();
  }
};

// Runs fn(i) on kThreads interpreter threads; the calling thread lets go of
// the GIL meanwhile (when it is on) so they can run.
void run_threads(const std::function<void(int)>& fn) {
  std::atomic<int> ready{0};
  // As the thread module does before a second thread exists: from now on
  // lock-free dict readers may hold pointers, so memory is freed via QSBR.
  gc::qsbr_enable_deferral();
  without_gil([&] {
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&, i] {
        ThreadState* ts = gil_thread_attach();
        ready.fetch_add(1);
        while (ready.load() < kThreads) {
          // Line up so the work overlaps; let a GIL-holding sibling run.
          without_gil([] { std::this_thread::yield(); });
        }
        fn(i);
        EXPECT_FALSE(has_error());
        gil_thread_detach(ts);
      });
    }
    for (auto& t : threads) t.join();
    return 0;
  });
}

int64_t value_of(int64_t key) { return key * 7 + 1; }

TEST_F(DictThreadsTest, SetGetDeleteWithDyingValues) {
  Ref<> d = steal(dict_new());
  constexpr int kRounds = 20000;
  std::atomic<int> wrong{0};
  run_threads([&](int tid) {
    for (int r = 0; r < kRounds; ++r) {
      // Private keys: set, read back, delete every other one.
      int64_t k = kBig + tid * 1000000 + r;
      Ref<> key = steal(int_from_i64(k));
      Ref<> val = steal(int_from_i64(value_of(k)));
      ASSERT_EQ(dict_set_item(d.get(), key.get(), val.get()), 0);
      val.reset();  // the dict holds the only reference now
      Ref<> got = steal(dict_get_item_ref(d.get(), key.get()));
      int64_t v = 0;
      if (!got || !int_to_i64(got.get(), &v) || v != value_of(k)) wrong.fetch_add(1);
      if (r % 2 == 0) ASSERT_EQ(dict_del_item(d.get(), key.get()), 0);
      // Shared keys: everyone overwrites them with fresh objects (the old
      // value is freed at once) while the others read them.
      int64_t sk = kBig - 1 - r % 16;  // below every private key
      Ref<> skey = steal(int_from_i64(sk));
      if ((r + tid) % 2 == 0) {
        Ref<> sval = steal(int_from_i64(value_of(sk)));
        ASSERT_EQ(dict_set_item(d.get(), skey.get(), sval.get()), 0);
      } else {
        Ref<> s = steal(dict_get_item_ref(d.get(), skey.get()));
        if (s && (!int_to_i64(s.get(), &v) || v != value_of(sk))) wrong.fetch_add(1);
      }
    }
  });
  EXPECT_EQ(wrong.load(), 0);
  // Exactly the odd private rounds remain, plus the shared keys.
  EXPECT_EQ(dict_size(d.get()), kThreads * (kRounds / 2) + 16);
  ssize_t pos = 0;
  Object *k, *v;
  int64_t kk, vv;
  while (dict_next(d.get(), &pos, &k, &v)) {
    ASSERT_TRUE(int_to_i64(k, &kk) && int_to_i64(v, &vv));
    EXPECT_EQ(vv, value_of(kk));
  }
}

TEST_F(DictThreadsTest, SharedIteratorGivesEachKeyOnce) {
  constexpr int kN = 50000;
  Ref<> d = steal(dict_new());
  for (int i = 0; i < kN; ++i) {
    Ref<> k = steal(int_from_i64(kBig + i));
    ASSERT_EQ(dict_set_item(d.get(), k.get(), kNone), 0);
  }
  Ref<> it = steal(get_iter(d.get()));
  std::vector<std::vector<int64_t>> seen(kThreads);
  run_threads([&](int tid) {
    for (;;) {
      Ref<> k = steal(iter_next(it.get()));
      if (!k) break;
      int64_t v;
      ASSERT_TRUE(int_to_i64(k.get(), &v));
      seen[tid].push_back(v);
    }
  });
  std::vector<char> hit(kN, 0);
  int total = 0;
  for (auto& s : seen) {
    for (int64_t v : s) {
      ASSERT_GE(v - kBig, 0);
      ASSERT_LT(v - kBig, kN);
      EXPECT_EQ(hit[v - kBig]++, 0) << "key given twice: " << v;
      ++total;
    }
  }
  EXPECT_EQ(total, kN);
}

TEST_F(DictThreadsTest, MergeCopyCompareAndNextRefWhileResizing) {
  Ref<> d = steal(dict_new());
  constexpr int kRounds = 400;
  std::atomic<int> wrong{0};
  run_threads([&](int tid) {
    for (int r = 0; r < kRounds; ++r) {
      if (tid == 0) {
        // Grow and shrink the table under the others.
        for (int j = 0; j < 32; ++j) {
          Ref<> k = steal(int_from_i64(kBig + r * 32 + j));
          Ref<> v = steal(int_from_i64(value_of(kBig + r * 32 + j)));
          ASSERT_EQ(dict_set_item(d.get(), k.get(), v.get()), 0);
        }
        for (int j = 0; j < 32; ++j) {
          Ref<> k = steal(int_from_i64(kBig + r * 32 + j));
          if (r % 4 != 0) ASSERT_EQ(dict_del_item(d.get(), k.get()), 0);
        }
      } else if (tid == 1) {
        Ref<> c = steal(dict_copy(d.get()));
        ASSERT_TRUE(c);
        ssize_t pos = 0;
        Object *k, *v;
        int64_t kk, vv;
        while (dict_next(c.get(), &pos, &k, &v)) {
          if (!int_to_i64(k, &kk) || !int_to_i64(v, &vv) || vv != value_of(kk)) wrong++;
        }
        Ref<> eq = steal(rich_compare(c.get(), d.get(), CompareOp::kEq));
        ASSERT_TRUE(eq);
      } else {
        ssize_t pos = 0;
        Object *k, *v;
        while (dict_next_ref(d.get(), &pos, &k, &v)) {
          int64_t kk, vv;
          if (!int_to_i64(k, &kk) || !int_to_i64(v, &vv) || vv != value_of(kk)) wrong++;
          decref(k);
          decref(v);
        }
        Ref<> target = steal(dict_new());
        ASSERT_EQ(dict_merge(target.get(), d.get(), tid % 2 == 0), 0);
        EXPECT_GE(dict_size(target.get()), 0);
      }
    }
  });
  EXPECT_EQ(wrong.load(), 0);
}

TEST_F(DictThreadsTest, InterningFromEveryThreadAgrees) {
  constexpr int kNames = 2000;
  std::vector<std::vector<Object*>> got(kThreads, std::vector<Object*>(kNames));
  run_threads([&](int tid) {
    for (int i = 0; i < kNames; ++i) {
      int n = (i + tid * 37) % kNames;
      got[tid][n] = str_intern("dict_threads_name_" + std::to_string(n));
    }
  });
  for (int i = 0; i < kNames; ++i) {
    for (int t = 1; t < kThreads; ++t) ASSERT_EQ(got[t][i], got[0][i]) << i;
  }
}

// --- lock-free reads (dict.h, "Thread safety") ------------------------------

// Readers look up keys that are always present (str keys given as equal but
// not identical strings, so the content comparison runs; int keys; entry
// hints) while a writer grows and shrinks the table under them: every read
// must find the key with its value, and a key never inserted is never found.
TEST_F(DictThreadsTest, LockFreeReadersVsResizingWriter) {
  constexpr int kStable = 64;
  constexpr int kRounds = 300;
  Ref<> d = steal(dict_new());
  std::vector<Ref<>> names;
  for (int i = 0; i < kStable; ++i) {
    names.push_back(steal(str_from("stable_" + std::to_string(i))));
    Ref<> v = steal(int_from_i64(value_of(kBig + i)));
    ASSERT_EQ(dict_set_item(d.get(), names[i].get(), v.get()), 0);
    Ref<> ik = steal(int_from_i64(kBig + i));
    ASSERT_EQ(dict_set_item(d.get(), ik.get(), v.get()), 0);
  }
  std::atomic<bool> done{false};
  std::atomic<int> wrong{0}, found_hints{0};
  run_threads([&](int tid) {
    if (tid == 0) {
      for (int r = 0; r < kRounds; ++r) {  // the table doubles and compacts
        for (int j = 0; j < 200; ++j) {
          Ref<> k = steal(int_from_i64(-kBig - j));
          Ref<> v = steal(int_from_i64(j));
          ASSERT_EQ(dict_set_item(d.get(), k.get(), v.get()), 0);
        }
        for (int j = 0; j < 200; ++j) {
          Ref<> k = steal(int_from_i64(-kBig - j));
          ASSERT_EQ(dict_del_item(d.get(), k.get()), 0);
        }
        without_gil([] { std::this_thread::yield(); });
      }
      done.store(true);
      return;
    }
    int64_t v;
    while (!done.load()) {
      // With the GIL on (GIL build), let the writer run: no eval breaker here.
      without_gil([] { std::this_thread::yield(); });
      for (int i = 0; i < kStable; ++i) {
        // A fresh str equal to the key: found by content, not identity.
        Ref<> name = steal(str_from("stable_" + std::to_string(i)));
        Ref<> got = steal(dict_get_item_ref(d.get(), name.get()));
        if (!got || !int_to_i64(got.get(), &v) || v != value_of(kBig + i)) wrong++;
        got = steal(dict_get_item_str_ref(d.get(), "stable_" + std::to_string(i)));
        if (!got || !int_to_i64(got.get(), &v) || v != value_of(kBig + i)) wrong++;
        Ref<> ik = steal(int_from_i64(kBig + i));
        if (dict_contains(d.get(), ik.get()) != 1) wrong++;
        // The hint: entry i or 2i+1 held the key when it was inserted, and
        // may after a compaction; a hit must give the right value.
        for (uint64_t ix : {uint64_t(2 * i), uint64_t(i)}) {
          Ref<> h = steal(dict_hint_get_ref(d.get(), ix, names[i].get()));
          if (!h) continue;
          found_hints++;
          if (!int_to_i64(h.get(), &v) || v != value_of(kBig + i)) wrong++;
        }
      }
      Ref<> absent = steal(int_from_i64(kBig + kStable));
      if (dict_contains(d.get(), absent.get()) != 0) wrong++;
      if (Ref<> g = steal(dict_get_item_ref(d.get(), absent.get()))) wrong++;
    }
  });
  EXPECT_FALSE(has_error());
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_GT(found_hints.load(), 0);
  EXPECT_EQ(dict_size(d.get()), 2 * kStable);
}

// Readers take values that writers replace and delete at once (each value
// dies as soon as it leaves the dict): a read gives the key's value or
// nothing, never a dead or foreign object; the counts balance (debug build).
TEST_F(DictThreadsTest, LockFreeReadersVsDeletersWithDyingValues) {
  constexpr int kKeys = 8;
  constexpr int kRounds = 30000;
  Ref<> d = steal(dict_new());
  std::vector<Ref<>> keys;
  for (int i = 0; i < kKeys; ++i) {
    keys.push_back(steal(str_from("k" + std::to_string(i))));
    Ref<> val = steal(int_from_i64(kBig * (i + 1)));
    ASSERT_EQ(dict_set_item(d.get(), keys[i].get(), val.get()), 0);
  }
  std::atomic<int> wrong{0}, hits{0};
  run_threads([&](int tid) {
    int64_t v;
    for (int r = 0; r < kRounds; ++r) {
      int i = (r + tid) % kKeys;
      Object* key = keys[i].get();
      if (tid % 2 == 0) {
        if (r % 3 == 0) {
          Ref<> old = steal(dict_pop_item(d.get(), key, false));
        } else {
          // A fresh big int whose value encodes the key: it dies when replaced.
          Ref<> val = steal(int_from_i64(kBig * (i + 1) + r));
          ASSERT_EQ(dict_set_item(d.get(), key, val.get()), 0);
        }
      } else {
        Ref<> got = steal(dict_get_item_ref(d.get(), key));
        if (got) {
          hits++;
          if (!int_to_i64(got.get(), &v) || v / kBig != i + 1) wrong++;
        }
        Ref<> h = steal(dict_hint_get_ref(d.get(), static_cast<uint64_t>(r % 16), key));
        if (h && (!int_to_i64(h.get(), &v) || v / kBig != i + 1)) wrong++;
      }
    }
  });
  EXPECT_EQ(wrong.load(), 0);
  EXPECT_GT(hits.load(), 0);
}

// Keys a reader cannot compare without Python code (equal hash, other
// types) go to the locked lookup, which gives CPython's answers.
TEST_F(DictThreadsTest, EqualHashKeysOfOtherTypesUseTheLockedLookup) {
  Ref<> d = steal(dict_new());
  Ref<> one = steal(int_from_i64(1));
  Ref<> fone = steal(float_from(1.0));
  Ref<> fhalf = steal(float_from(1.5));
  ASSERT_EQ(dict_set_item(d.get(), one.get(), kTrue), 0);
  Ref<> got = steal(dict_get_item_ref(d.get(), fone.get()));
  EXPECT_EQ(got.get(), kTrue);
  EXPECT_EQ(dict_contains(d.get(), fone.get()), 1);
  EXPECT_EQ(dict_contains(d.get(), fhalf.get()), 0);
  EXPECT_EQ(dict_contains(d.get(), kTrue), 1);  // True == 1, same hash
}

}  // namespace
}  // namespace conch::vm
