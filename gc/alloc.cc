#include "gc/alloc.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <thread>

#if CONCH_USE_MIMALLOC
#include <mimalloc.h>
#endif

namespace conch::gc {
namespace {

std::atomic<int64_t> g_live_objects{0};

inline void* raw_calloc(size_t size) {
#if CONCH_USE_MIMALLOC
  return mi_zalloc(size);
#else
  return std::calloc(1, size);
#endif
}

uintptr_t this_thread_tid() {
  // Address of a thread_local: unique among live threads and cheap to read.
  static thread_local char marker;
  return reinterpret_cast<uintptr_t>(&marker);
}

}  // namespace

void init_header(Header* h) {
#if CONCH_FREE_THREADED
  h->owner_tid = this_thread_tid();
  h->local_refcount = 0;
  h->shared_refcount.store(1, std::memory_order_relaxed);
#else
  (void)this_thread_tid;
  h->refcount = 1;
#endif
}

Header* allocate_object(size_t size) {
  void* p = raw_calloc(size);
  if (p == nullptr) return nullptr;
  auto* h = static_cast<Header*>(p);
  init_header(h);
  g_live_objects.fetch_add(1, std::memory_order_relaxed);
  return h;
}

void free_object(Header* h) {
  g_live_objects.fetch_sub(1, std::memory_order_relaxed);
#if CONCH_USE_MIMALLOC
  mi_free(h);
#else
  std::free(h);
#endif
}

void immortalize_allocated(Header* h) {
  if (is_immortal(h)) return;
  make_immortal(h);
  g_live_objects.fetch_sub(1, std::memory_order_relaxed);
}

void* allocate_raw(size_t size) {
#if CONCH_USE_MIMALLOC
  return mi_malloc(size);
#else
  return std::malloc(size);
#endif
}

void* reallocate_raw(void* p, size_t size) {
#if CONCH_USE_MIMALLOC
  return mi_realloc(p, size);
#else
  return std::realloc(p, size);
#endif
}

void free_raw(void* p) {
#if CONCH_USE_MIMALLOC
  mi_free(p);
#else
  std::free(p);
#endif
}

int64_t live_objects() { return g_live_objects.load(std::memory_order_relaxed); }

const char* allocator_name() { return kUseMimalloc ? "mimalloc" : "malloc"; }

}  // namespace conch::gc
