// Microbenchmarks of dict operations on one thread: what the critical
// section around every dict operation costs in the free-threaded build
// (compare the same benchmark in the gil build, where the sections compile
// to nothing).  d[k] = v (replace an existing key), d[k] (a new reference,
// as LOAD_GLOBAL takes it) and `k in d`, over 64 str keys in a table that
// does not resize.  A section-only benchmark (enter/exit on the dict with
// no work) isolates the lock itself.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "gc/critical_section.h"
#include "vm/runtime.h"
#include "vm/types.h"
#include "vm/types/dict.h"

namespace {

using namespace conch::vm;

constexpr int kKeys = 64;

struct Fixture {
  Object* dict = nullptr;
  std::vector<Object*> keys;    // interned: immortal, no count traffic
  std::vector<Object*> values;  // owned by the dict too
};

Fixture& fixture() {
  static Fixture f = [] {
    if (builtins_module() == nullptr) {
      RuntimeConfig cfg;
      cfg.argv = {"conch_micro"};
      runtime_init(cfg);
    }
    Fixture x;
    x.dict = dict_new();
    for (int i = 0; i < kKeys; ++i) {
      x.keys.push_back(str_intern("bench_key_" + std::to_string(i)));
      x.values.push_back(int_from_i64((int64_t{1} << 40) + i));  // a real object
      dict_set_item(x.dict, x.keys.back(), x.values.back());
    }
    return x;
  }();
  return f;
}

void BM_DictSetItemReplace(benchmark::State& state) {
  Fixture& f = fixture();
  int i = 0;
  for (auto _ : state) {
    dict_set_item(f.dict, f.keys[i], f.values[i]);
    i = (i + 1) & (kKeys - 1);
  }
}
BENCHMARK(BM_DictSetItemReplace);

void BM_DictGetItemRef(benchmark::State& state) {
  Fixture& f = fixture();
  int i = 0;
  for (auto _ : state) {
    Object* v = dict_get_item_ref(f.dict, f.keys[i]);
    benchmark::DoNotOptimize(v);
    decref(v);
    i = (i + 1) & (kKeys - 1);
  }
}
BENCHMARK(BM_DictGetItemRef);

void BM_DictContains(benchmark::State& state) {
  Fixture& f = fixture();
  int i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(dict_contains(f.dict, f.keys[i]));
    i = (i + 1) & (kKeys - 1);
  }
}
BENCHMARK(BM_DictContains);

void BM_DictSectionOnly(benchmark::State& state) {
  Fixture& f = fixture();
  for (auto _ : state) {
    conch::gc::CriticalSection cs{f.dict};
    benchmark::DoNotOptimize(f.dict);
  }
}
BENCHMARK(BM_DictSectionOnly);

}  // namespace
