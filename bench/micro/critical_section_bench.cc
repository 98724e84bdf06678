// Critical sections (gc/critical_section.h): enter+exit of an uncontended
// one-object section, a two-object section, a nested (recursive, skipped)
// one, suspend+resume of a held section (what every blocking wait adds), and
// list.append / list[i] / next(list_iterator) through the C++ API, each of
// which runs one section.  In the GIL build the sections are empty: the
// difference between the two builds is the per-operation cost of the locks.
#include <benchmark/benchmark.h>

#include "gc/critical_section.h"
#include "gc/header.h"
#include "vm/runtime.h"
#include "vm/abstract.h"
#include "vm/types.h"
#include "vm/types/list.h"

namespace {

using conch::gc::CriticalSection;
using conch::gc::CriticalSection2;
using conch::gc::Header;

// A bare header per object: sections know headers, not types.  Separate
// cache lines, as two real objects would be.
struct alignas(64) BenchObject {
  Header header{};
};

void BM_CriticalSectionEnterExit(benchmark::State& state) {
  BenchObject a;
  for (auto _ : state) {
    CriticalSection cs{&a.header};
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_CriticalSectionEnterExit);

void BM_CriticalSection2EnterExit(benchmark::State& state) {
  BenchObject a, b;
  for (auto _ : state) {
    CriticalSection2 cs{&a.header, &b.header};
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_CriticalSection2EnterExit);

// A section on an object the innermost section already holds (list methods
// that call each other): the recursion check in the slow path.
void BM_CriticalSectionRecursive(benchmark::State& state) {
  BenchObject a;
  CriticalSection outer{&a.header};
  for (auto _ : state) {
    CriticalSection cs{&a.header};
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_CriticalSectionRecursive);

// What a blocking wait adds when the thread holds one section.
void BM_CriticalSectionSuspendResume(benchmark::State& state) {
  BenchObject a;
  CriticalSection outer{&a.header};
  for (auto _ : state) {
    conch::gc::suspend_critical_sections();
    conch::gc::resume_critical_sections();
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_CriticalSectionSuspendResume);

conch::vm::Object* fresh_list() {
  using namespace conch::vm;
  if (builtins_module() == nullptr) {
    RuntimeConfig cfg;
    cfg.argv = {"conch_micro"};
    runtime_init(cfg);
  }
  return list_new(0);
}

// list.append of an immortal item (no refcount traffic): one section plus
// the store; cleared every 4096 appends so the list stays in cache.
void BM_ListAppend(benchmark::State& state) {
  using namespace conch::vm;
  Object* list = fresh_list();
  Object* item = kNone;
  int n = 0;
  for (auto _ : state) {
    list_append(list, item);
    if (++n == 4096) {
      state.PauseTiming();
      list_clear(list);
      n = 0;
      state.ResumeTiming();
    }
  }
  decref(list);
}
BENCHMARK(BM_ListAppend);

// list[i] as a new reference (the BINARY_SUBSCR / PyList_GetItemRef path).
void BM_ListGetItemRef(benchmark::State& state) {
  using namespace conch::vm;
  Object* list = fresh_list();
  for (int i = 0; i < 64; ++i) list_append(list, kNone);
  ssize_t i = 0;
  for (auto _ : state) {
    Object* item = list_get_ref(list, i);
    benchmark::DoNotOptimize(item);
    decref(item);
    i = (i + 1) & 63;
  }
  decref(list);
}
BENCHMARK(BM_ListGetItemRef);

// next() of a list iterator (FOR_ITER over a list): one section per item.
void BM_ListIterNext(benchmark::State& state) {
  using namespace conch::vm;
  Object* list = fresh_list();
  for (int i = 0; i < 1024; ++i) list_append(list, kNone);
  Object* it = get_iter(list);
  for (auto _ : state) {
    Object* item = it->type->iternext(it);
    if (item == nullptr) {
      state.PauseTiming();
      decref(it);
      it = get_iter(list);
      state.ResumeTiming();
      continue;
    }
    decref(item);
  }
  decref(it);
  decref(list);
}
BENCHMARK(BM_ListIterNext);

}  // namespace
