#include "gc/alloc.h"

#include "gc/collector.h"
#include "gc/link.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#if CONCH_USE_MIMALLOC
#include <mimalloc.h>
#endif

namespace conch::gc {
namespace {

// Live-object accounting.  Every allocation and free adjusts a counter, so
// it must cost no more than a plain add: each thread counts into its own
// slot (owner-only writes, relaxed atomics so readers are race-free, no
// locked read-modify-write), and live_objects() sums the slots.  A thread's
// count may go negative (it frees what others allocated); the sum is exact.
// An exiting thread folds its count into g_retired_objects.
struct LiveCounter {
  std::atomic<int64_t> count{0};
  LiveCounter* next = nullptr;
  LiveCounter* prev = nullptr;
  LiveCounter();
  ~LiveCounter();
};

std::mutex g_counters_mu;
LiveCounter* g_counters = nullptr;  // guarded by g_counters_mu
std::atomic<int64_t> g_retired_objects{0};

LiveCounter::LiveCounter() {
  std::lock_guard<std::mutex> lock(g_counters_mu);
  next = g_counters;
  if (next != nullptr) next->prev = this;
  g_counters = this;
}

LiveCounter::~LiveCounter() {
  std::lock_guard<std::mutex> lock(g_counters_mu);
  g_retired_objects.fetch_add(count.load(std::memory_order_relaxed), std::memory_order_relaxed);
  if (prev != nullptr) prev->next = next; else g_counters = next;
  if (next != nullptr) next->prev = prev;
}

thread_local LiveCounter t_live;

inline void count_live(int64_t delta) {
  t_live.count.store(t_live.count.load(std::memory_order_relaxed) + delta,
                     std::memory_order_relaxed);
}
std::atomic<int64_t> g_permanent_objects{0};

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
  count_live(1);
  return h;
}

void free_object(Header* h) {
  count_live(-1);
#if CONCH_USE_MIMALLOC
  mi_free(h);
#else
  std::free(h);
#endif
}

// Tracked objects (gc/collector.h): a Link precedes the header.
namespace {

void link_tracked(Link* l) {
  Link* head = tracked_list();
  l->next = head;
  l->prev = head->prev;
  head->prev->next = l;
  head->prev = l;
}

void unlink_tracked(Link* l) {
  l->prev->next = l->next;
  l->next->prev = l->prev;
  l->prev = l->next = nullptr;
}

}  // namespace

Header* allocate_tracked(size_t size) {
  void* p = raw_calloc(sizeof(Link) + size);
  if (p == nullptr) return nullptr;
  auto* l = static_cast<Link*>(p);
  Header* h = header_of(l);
  init_header(h);
  {
#if CONCH_FREE_THREADED
    locking::MutexLock lock(&tracked_list_mutex());
#endif
    link_tracked(l);
    note_tracked_alloc();
  }
  count_live(1);
  return h;
}

void untrack(Header* h) {
  Link* l = link_of(h);
#if CONCH_FREE_THREADED
  locking::MutexLock lock(&tracked_list_mutex());
#endif
  if (l->prev == nullptr) return;
  unlink_tracked(l);
  note_tracked_free();
}

bool is_tracked(Header* h) { return link_of(h)->prev != nullptr; }

void free_tracked(Header* h) {
  Link* l = link_of(h);
  {
#if CONCH_FREE_THREADED
    locking::MutexLock lock(&tracked_list_mutex());
#endif
    if (l->prev != nullptr) {
      unlink_tracked(l);
      note_tracked_free();
    }
  }
  count_live(-1);
#if CONCH_USE_MIMALLOC
  mi_free(l);
#else
  std::free(l);
#endif
}

void immortalize_allocated(Header* h) {
  if (is_immortal(h)) return;
  make_immortal(h);
  count_live(-1);
}

void note_permanent_objects(int64_t n) {
  g_permanent_objects.fetch_add(n, std::memory_order_relaxed);
}

int64_t permanent_objects() { return g_permanent_objects.load(std::memory_order_relaxed); }

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

int64_t live_objects() {
  std::lock_guard<std::mutex> lock(g_counters_mu);
  int64_t total = g_retired_objects.load(std::memory_order_relaxed);
  for (LiveCounter* c = g_counters; c != nullptr; c = c->next) {
    total += c->count.load(std::memory_order_relaxed);
  }
  return total;
}

const char* allocator_name() { return kUseMimalloc ? "mimalloc" : "malloc"; }

}  // namespace conch::gc
