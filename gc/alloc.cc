#include "gc/alloc.h"

#include "gc/brc.h"

#include "gc/collector.h"
#include "gc/link.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>

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

#if CONCH_USE_MIMALLOC
// Tracked objects come from a heap of the allocating thread's own
// (mi_heap_new), apart from the thread's default heap that the rest uses:
// containers cluster on their own pages, which is what a heap walk would
// visit (gc/collector.h says why conch walks its lists instead).  Only the
// owning thread allocates from it; any thread frees into it (mimalloc's
// cross-thread free).  Dropped at thread exit with mi_heap_delete, which
// keeps live blocks (they move to the thread's backing heap, abandoned and
// later reclaimed by mimalloc).
constinit thread_local mi_heap_t* t_tracked_heap = nullptr;
constinit thread_local bool t_heap_released = false;

inline void* tracked_calloc(size_t size) {
  mi_heap_t* heap = t_tracked_heap;
  if (CONCH_UNLIKELY(heap == nullptr)) {
    // After release (thread teardown) the default heap serves.
    if (t_heap_released || (heap = t_tracked_heap = mi_heap_new()) == nullptr) {
      return mi_zalloc(size);
    }
  }
  return mi_heap_zalloc(heap, size);
}
#else
inline void* tracked_calloc(size_t size) { return std::calloc(1, size); }
#endif

inline void raw_free(void* p) {
#if CONCH_USE_MIMALLOC
  mi_free(p);
#else
  std::free(p);
#endif
}

// Locks the list `l` is on and returns it; null (nothing locked) when the
// object is not tracked.  The pointer is read before the lock is held, so
// it may be stale: the object's thread exited and handed its list to the
// orphans meanwhile.  Objects only ever move from a thread's list to the
// orphan list and list structs are never freed (link.h), so re-checking
// under the lock and retrying is enough.
TrackedList* lock_list_of(Link* l) {
  for (;;) {
    TrackedList* tl = l->list.load(std::memory_order_acquire);
    if (tl == nullptr) return nullptr;
    tl->mu.lock();
    if (l->list.load(std::memory_order_relaxed) == tl) return tl;
    tl->mu.unlock();
  }
}

}  // namespace

void init_header(Header* h) {
#if CONCH_FREE_THREADED
  // Owned by the calling thread, one local reference (gc/header.h).  A
  // thread past its BRC exit (gc/brc.h) owns nothing: its objects start
  // merged, the reference in the shared count.
  uintptr_t tid = current_tid();
  h->owner_tid.store(tid, std::memory_order_relaxed);
  h->local_refcount.store(tid != 0 ? 1 : 0, std::memory_order_relaxed);
  h->shared_refcount.store(tid != 0 ? 0 : kSharedOne | kSharedMerged, std::memory_order_relaxed);
#else
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
#if CONCH_FREE_THREADED
  if (CONCH_UNLIKELY(h->flags & kFlagSharedByDesign)) forget_shared_by_design(h);
#endif
  count_live(-1);
  raw_free(h);
}

// Tracked objects (gc/collector.h): a Link precedes the header, and the
// object sits on the allocating thread's list.
Header* allocate_tracked(size_t size) {
  void* p = tracked_calloc(sizeof(Link) + size);
  if (p == nullptr) return nullptr;
  auto* l = static_cast<Link*>(p);
  Header* h = header_of(l);
  init_header(h);
  TrackedList* tl = this_thread_list();
  tl->mu.lock();
  list_push(tl, l);
  tl->mu.unlock();
  note_tracked_alloc();
  count_live(1);
  return h;
}

// Takes the object off its list; false when it was not on one.
static bool unlink_tracked(Link* l) {
  TrackedList* tl = lock_list_of(l);
  if (tl == nullptr) return false;
  list_remove(tl, l);
  tl->mu.unlock();
  return true;
}

void untrack(Header* h) {
  if (unlink_tracked(link_of(h))) note_tracked_free();
}

bool is_tracked(Header* h) {
  return link_of(h)->list.load(std::memory_order_relaxed) != nullptr;
}

void free_tracked(Header* h) {
#if CONCH_FREE_THREADED
  if (CONCH_UNLIKELY(h->flags & kFlagSharedByDesign)) forget_shared_by_design(h);
#endif
  Link* l = link_of(h);
  if (unlink_tracked(l)) note_tracked_free();
  count_live(-1);
  raw_free(l);
}

void release_thread_heap() {
#if CONCH_USE_MIMALLOC
  t_heap_released = true;
  if (t_tracked_heap != nullptr) {
    mi_heap_delete(t_tracked_heap);
    t_tracked_heap = nullptr;
  }
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

int64_t permanent_objects() {
  // What immortalized shared-by-design objects keep alive is permanent too
  // (gc/brc.h); zero until the first thread starts.
  return g_permanent_objects.load(std::memory_order_relaxed) + kept_by_shared_by_design();
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

void free_raw(void* p) { raw_free(p); }

int64_t live_objects() {
  std::lock_guard<std::mutex> lock(g_counters_mu);
  int64_t total = g_retired_objects.load(std::memory_order_relaxed);
  for (LiveCounter* c = g_counters; c != nullptr; c = c->next) {
    total += c->count.load(std::memory_order_relaxed);
  }
  return total;
}

const char* allocator_name() {
#if CONCH_USE_MIMALLOC
  // The library actually loaded, not the header compiled against.
  static const std::string name = [] {
    int v = mi_version();
    return "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." +
           std::to_string(v % 10) + ", per-thread heaps";
  }();
  return name.c_str();
#else
  return "system malloc";
#endif
}

}  // namespace conch::gc
