// The cycle collector (gc/collector.h, vm/gc_support.h): cycles are freed,
// externally reachable objects survive, __del__ runs once, resurrection is
// respected, and the live-object count returns to its baseline.
#include <gtest/gtest.h>

#include <string>

#include "gc/collector.h"
#include "vm/errors.h"
#include "vm/gc_support.h"
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

}  // namespace
}  // namespace conch::vm
