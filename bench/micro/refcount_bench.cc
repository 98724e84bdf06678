// Microbenchmarks of the object header mechanisms: incref/decref by the
// owner, by another thread, on immortal objects, and allocation through gc/.
// Run in both builds to read the per-operation cost of each mode's
// refcounting (gc/header.h) and allocator.  In the GIL build "another
// thread" is just another thread doing the same plain increments (the GIL
// build's rules would have it hold the GIL; the figure is the count's cost).
#include <benchmark/benchmark.h>

#include <thread>

#include "gc/alloc.h"
#include "gc/brc.h"
#include "gc/header.h"

namespace {

using conch::gc::Header;

// The owner's incref+decref pair: a plain add in the GIL build, the biased
// local count in the free-threaded one.
void BM_IncrefDecrefOwner(benchmark::State& state) {
  Header* h = conch::gc::allocate_object(64);
  for (auto _ : state) {
    conch::gc::incref(h);
    benchmark::ClobberMemory();  // keep the compiler from cancelling the pair
    benchmark::DoNotOptimize(conch::gc::release(h));
    benchmark::ClobberMemory();
  }
  conch::gc::free_object(h);
}
BENCHMARK(BM_IncrefDecrefOwner);

// The same pair by a thread that does not own the object: the shared
// (atomic) count in the free-threaded build.  The object is allocated by
// another thread which keeps its reference until the benchmark is done.
void BM_IncrefDecrefOtherThread(benchmark::State& state) {
  Header* h = nullptr;
  std::thread([&] { h = conch::gc::allocate_object(64); }).join();
  conch::gc::incref(h);  // our own reference, so release never hits zero
  for (auto _ : state) {
    conch::gc::incref(h);
    benchmark::ClobberMemory();  // keep the compiler from cancelling the pair
    benchmark::DoNotOptimize(conch::gc::release(h));
    benchmark::ClobberMemory();
  }
  // Drop both references (ours and the exited owner's).
  if (conch::gc::release(h)) conch::gc::free_object(h);
  if (conch::gc::release(h)) conch::gc::free_object(h);
}
BENCHMARK(BM_IncrefDecrefOtherThread);

// Two threads counting the same object at once, neither the owner: the
// contended shared counter that shared-by-design objects must avoid.
void BM_IncrefDecrefContended(benchmark::State& state) {
  static Header* h = nullptr;
  if (state.thread_index() == 0) {
    std::thread([&] { h = conch::gc::allocate_object(64); }).join();
    conch::gc::incref(h);
  }
  for (auto _ : state) {
    conch::gc::incref(h);
    benchmark::ClobberMemory();  // keep the compiler from cancelling the pair
    benchmark::DoNotOptimize(conch::gc::release(h));
  }
  if (state.thread_index() == 0) {
    if (conch::gc::release(h)) conch::gc::free_object(h);
    if (conch::gc::release(h)) conch::gc::free_object(h);
  }
}
#if CONCH_FREE_THREADED
// The GIL build's plain counter is not safe from two threads at once.
BENCHMARK(BM_IncrefDecrefContended)->Threads(2)->UseRealTime();
#endif

void BM_IncrefDecrefImmortal(benchmark::State& state) {
  Header* h = conch::gc::allocate_object(64);
  conch::gc::make_immortal(h);
  for (auto _ : state) {
    conch::gc::incref(h);
    benchmark::ClobberMemory();  // keep the compiler from cancelling the pair
    benchmark::DoNotOptimize(conch::gc::release(h));
    benchmark::ClobberMemory();
  }
  conch::gc::free_object(h);
}
BENCHMARK(BM_IncrefDecrefImmortal);

// Immortal, from a thread that is not the owner (the free-threaded build's
// fast path must not depend on ownership).
void BM_IncrefDecrefImmortalOtherThread(benchmark::State& state) {
  Header* h = nullptr;
  std::thread([&] {
    h = conch::gc::allocate_object(64);
    conch::gc::make_immortal(h);
  }).join();
  for (auto _ : state) {
    conch::gc::incref(h);
    benchmark::ClobberMemory();  // keep the compiler from cancelling the pair
    benchmark::DoNotOptimize(conch::gc::release(h));
    benchmark::ClobberMemory();
  }
  conch::gc::free_object(h);
}
BENCHMARK(BM_IncrefDecrefImmortalOtherThread);

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
