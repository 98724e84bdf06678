// Microbenchmarks of object allocation through gc/: allocate+free of a small
// untracked object (an int or str: allocate_object) and of a tracked one (a
// container: allocate_tracked, which also links it on the thread's tracked
// list and unlinks it on free), by the allocating thread, and a tracked
// object freed by another thread (the unlink takes the owner's list lock
// from outside, and mimalloc's cross-thread free).  Run in both builds; the
// allocator is the build's (system malloc in the GIL build, mimalloc
// per-thread heaps in the free-threaded one; CONCH_USE_MIMALLOC overrides).
#include <benchmark/benchmark.h>

#include <atomic>
#include <thread>
#include <vector>

#include "gc/alloc.h"
#include "gc/collector.h"
#include "gc/header.h"

namespace {

using conch::gc::Header;

void BM_AllocFreeSmall(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    Header* h = conch::gc::allocate_object(size);
    benchmark::DoNotOptimize(h);
    conch::gc::free_object(h);
  }
  state.SetLabel(conch::gc::allocator_name());
}
BENCHMARK(BM_AllocFreeSmall)->Arg(32);

void BM_AllocFreeTracked(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    Header* h = conch::gc::allocate_tracked(size);
    benchmark::DoNotOptimize(h);
    conch::gc::free_tracked(h);
  }
  state.SetLabel(conch::gc::allocator_name());
}
BENCHMARK(BM_AllocFreeTracked)->Arg(32);

// The same by a thread that is attached as an interpreter thread running
// Python is (vm/gil.cc calls tracked_list_attach): in the free-threaded
// build its list is exclusive (gc/link.h), linked and unlinked without the
// lock.  BM_AllocFreeTracked above is a thread that never attached (the
// locked path).  GIL build: the same code as above.
void BM_AllocFreeTrackedAttached(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  conch::gc::tracked_list_attach();
  for (auto _ : state) {
    Header* h = conch::gc::allocate_tracked(size);
    benchmark::DoNotOptimize(h);
    conch::gc::free_tracked(h);
  }
  conch::gc::tracked_list_detach();
  state.SetLabel(conch::gc::allocator_name());
}
BENCHMARK(BM_AllocFreeTrackedAttached)->Arg(32);

// A batch allocated, then freed in allocation order: the list and the heap
// see a realistic mix instead of reusing one block.
void BM_AllocFreeTrackedBatch(benchmark::State& state) {
  std::vector<Header*> batch(1000);
  for (auto _ : state) {
    for (auto& h : batch) h = conch::gc::allocate_tracked(48);
    for (Header* h : batch) conch::gc::free_tracked(h);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(batch.size()));
}
BENCHMARK(BM_AllocFreeTrackedBatch);

// The thread under measurement allocates; a second thread frees.  Per item:
// this thread's allocate_tracked plus the hand-off; the free runs in
// parallel on the other thread (ft build: real list locks, contended
// whenever both touch the owner's list at once).  The GIL build's lists have
// no locks, so this variant only runs in the free-threaded build.
void BM_TrackedFreedByOtherThread(benchmark::State& state) {
  // Arg 1: this thread is attached (its list exclusive: the freer queues
  // each object for this thread to unlink at its next allocation).
  const bool attached = state.range(0) != 0;
  if (!conch::kFreeThreaded) {
    state.SkipWithError("free-threaded build only (the GIL build's lists are unlocked)");
    return;
  }
  constexpr size_t kRing = 4096;
  std::vector<std::atomic<Header*>> ring(kRing);
  std::atomic<bool> stop{false};
  std::thread freer([&] {
    size_t i = 0;
    while (true) {
      Header* h = ring[i].exchange(nullptr, std::memory_order_acquire);
      if (h == nullptr) {
        if (stop.load(std::memory_order_acquire)) break;
        std::this_thread::yield();
        continue;
      }
      conch::gc::free_tracked(h);
      i = (i + 1) % kRing;
    }
  });
  size_t i = 0;
  if (attached) conch::gc::tracked_list_attach();
  for (auto _ : state) {
    Header* h = conch::gc::allocate_tracked(32);
    while (ring[i].load(std::memory_order_relaxed) != nullptr) std::this_thread::yield();
    ring[i].store(h, std::memory_order_release);
    i = (i + 1) % kRing;
  }
  stop.store(true, std::memory_order_release);
  freer.join();
  if (attached) conch::gc::tracked_list_detach();  // unlinks what the freer queued
  // Anything the freer left behind (it stops at the first empty slot).
  for (auto& slot : ring) {
    if (Header* h = slot.exchange(nullptr)) conch::gc::free_tracked(h);
  }
}
BENCHMARK(BM_TrackedFreedByOtherThread)->Arg(0)->Arg(1)->UseRealTime();

}  // namespace
