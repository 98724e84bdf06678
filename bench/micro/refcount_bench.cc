// Microbenchmarks of the object header mechanisms: incref/decref by the owner,
// on immortal objects, and allocation through gc/.  Run in both builds to
// read the per-operation cost of each mode's refcounting and allocator.
#include <benchmark/benchmark.h>

#include "gc/alloc.h"
#include "gc/header.h"

namespace {

using conch::gc::Header;

void BM_IncrefDecrefOwner(benchmark::State& state) {
  Header* h = conch::gc::allocate_object(64);
  for (auto _ : state) {
    conch::gc::incref(h);
    benchmark::DoNotOptimize(conch::gc::release(h));
    benchmark::ClobberMemory();
  }
  conch::gc::free_object(h);
}
BENCHMARK(BM_IncrefDecrefOwner);

void BM_IncrefDecrefImmortal(benchmark::State& state) {
  Header* h = conch::gc::allocate_object(64);
  conch::gc::make_immortal(h);
  for (auto _ : state) {
    conch::gc::incref(h);
    benchmark::DoNotOptimize(conch::gc::release(h));
    benchmark::ClobberMemory();
  }
  conch::gc::free_object(h);
}
BENCHMARK(BM_IncrefDecrefImmortal);

void BM_AllocateFree(benchmark::State& state) {
  const size_t size = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    Header* h = conch::gc::allocate_object(size);
    benchmark::DoNotOptimize(h);
    conch::gc::free_object(h);
  }
}
BENCHMARK(BM_AllocateFree)->Arg(32)->Arg(64)->Arg(256);

}  // namespace
