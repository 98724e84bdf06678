#include "gc/alloc.h"

#include "gc/brc.h"

#include "gc/collector.h"
#include "gc/link.h"
#include "gc/qsbr.h"

#include <malloc.h>

#include <array>
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

// Block cache (GIL build with the system allocator).  glibc's calloc skips
// its per-thread tcache and its free takes the arena path once the tcache's
// seven blocks per size are used, so object churn (floats, tuples, bound
// methods, instances) cost ~100 instructions per allocate/free pair in
// malloc itself.  CPython keeps free lists (and pymalloc) for the same
// reason.  Each thread keeps its freed blocks, by malloc chunk size in
// 16-byte steps up to 512 bytes, on singly linked lists and hands them out
// again; the blocks stay ordinary malloc blocks (free() takes them back at
// thread exit or when a list is full).  malloc_usable_size gives a freed
// block's class: a block of usable size u serves any request whose chunk
// (request + 8 bytes of malloc header, rounded up to 16) is at most u + 8.
// Off with mimalloc (its own per-thread free lists are as fast), in the
// free-threaded build (frees come back through QSBR and other threads) and
// under sanitizers (a reused block would hide use-after-free from ASan and
// synchronisation from TSan).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CONCH_BLOCK_CACHE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CONCH_BLOCK_CACHE_SANITIZED 1
#endif
#endif
#ifndef CONCH_BLOCK_CACHE_SANITIZED
#define CONCH_BLOCK_CACHE_SANITIZED 0
#endif
constexpr bool kBlockCache = !kUseMimalloc && !kFreeThreaded && !CONCH_BLOCK_CACHE_SANITIZED;

constexpr size_t kCacheClasses = 33;           // chunk sizes 0..512 in 16-byte steps
constexpr size_t kCacheBytesPerClass = 64 << 10;  // bound on what one list holds

struct FreeBlock {
  FreeBlock* next;
};

// count[i] may reach kCacheBytesPerClass / (16 i); after the thread-exit
// flush every count reads kCacheReleased, so the bound test alone sends
// later frees to malloc.
struct BlockCache {
  FreeBlock* head[kCacheClasses];
  uint32_t count[kCacheClasses];
  bool armed;  // the thread-exit flush is registered
};
constexpr uint32_t kCacheReleased = UINT32_MAX;
constexpr auto kCacheCap = [] {
  std::array<uint32_t, kCacheClasses> cap{};
  for (size_t i = 1; i < kCacheClasses; ++i) cap[i] = kCacheBytesPerClass / (16 * i);
  return cap;
}();
constinit thread_local BlockCache t_blocks{};

// The class of a request of `size` bytes (its malloc chunk size / 16).
CONCH_ALWAYS_INLINE size_t request_class(size_t size) { return (size + 8 + 15) >> 4; }

void flush_block_cache() {
  BlockCache& c = t_blocks;
  for (size_t i = 0; i < kCacheClasses; ++i) {
    for (FreeBlock* b = c.head[i]; b != nullptr;) {
      FreeBlock* next = b->next;
      std::free(b);
      b = next;
    }
    c.head[i] = nullptr;
    c.count[i] = kCacheReleased;
  }
}

// Flushes a thread's cache when it exits without release_thread_heap()
// (a thread that never attached); registered on the thread's first cached free.
struct BlockCacheReaper {
  ~BlockCacheReaper() { flush_block_cache(); }
};

CONCH_NOINLINE void arm_block_cache() {
  static thread_local BlockCacheReaper reaper;
  (void)&reaper;
  t_blocks.armed = true;
}

// A cached block of `size` bytes or more, or null.
CONCH_ALWAYS_INLINE void* cache_pop(size_t size) {
  size_t cls = request_class(size);
  if (cls >= kCacheClasses) return nullptr;
  BlockCache& c = t_blocks;
  FreeBlock* b = c.head[cls];
  if (b == nullptr) return nullptr;
  c.head[cls] = b->next;
  --c.count[cls];
  return b;
}

// Keeps p (a malloc block) for reuse; false when it must go to free().
CONCH_ALWAYS_INLINE bool cache_push(void* p) {
  size_t cls = (malloc_usable_size(p) + 8) >> 4;
  if (cls >= kCacheClasses) return false;
  BlockCache& c = t_blocks;
  if (c.count[cls] >= kCacheCap[cls]) return false;
  if (CONCH_UNLIKELY(!c.armed)) arm_block_cache();
  auto* b = static_cast<FreeBlock*>(p);
  b->next = c.head[cls];
  c.head[cls] = b;
  ++c.count[cls];
  return true;
}

inline void* raw_calloc(size_t size) {
#if CONCH_USE_MIMALLOC
  return mi_zalloc(size);
#else
  if constexpr (kBlockCache) {
    if (void* p = cache_pop(size)) return std::memset(p, 0, size);
  }
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
inline void* tracked_calloc(size_t size) { return raw_calloc(size); }
#endif

inline void raw_free(void* p) {
#if CONCH_USE_MIMALLOC
  mi_free(p);
#else
  if constexpr (kBlockCache) {
    if (p != nullptr && cache_push(p)) return;
  }
  std::free(p);
#endif
}

// The final free of object memory.  Once a second thread may exist, another
// thread may have loaded a pointer to this object from a container without
// a lock a moment ago and be about to try_incref it (gc/header.h): the
// counts must read "dead" and the memory must not be reused until every
// thread has passed a quiescent state (gc/qsbr.h).  Before that (and in the
// GIL build, where qsbr_deferring() is constant false) it is a plain free.
inline void free_object_memory(Header* h, void* block) {
  if (qsbr_deferring()) {
    mark_dead(h);
    qsbr_free(block, raw_free);
    return;
  }
  raw_free(block);
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
  free_object_memory(h, h);
}

// Tracked objects (gc/collector.h): a Link precedes the header, and the
// object sits on the allocating thread's list.  While that list is
// exclusive (gc/link.h) the owner links and unlinks without its lock.
Header* allocate_tracked(size_t size) {
  void* p = tracked_calloc(sizeof(Link) + size);
  if (p == nullptr) return nullptr;
  auto* l = static_cast<Link*>(p);
  Header* h = header_of(l);
  init_header(h);
  TrackedList* tl = kFreeThreaded ? t_exclusive_list : nullptr;
  if (CONCH_LIKELY(tl != nullptr)) {
    if (CONCH_UNLIKELY(tl->has_remote.load(std::memory_order_relaxed))) {
      tl->mu.lock();
      drain_remote_frees(tl);
      tl->mu.unlock();
    }
    list_push(tl, l);
  } else {
    tl = this_thread_list();
    tl->mu.lock();
    list_push(tl, l);
    tl->mu.unlock();
  }
  note_tracked_alloc();
  count_live(1);
  return h;
}

namespace {

enum class Unlinked {
  kNo,       // was not on a list (or untrack()ed already)
  kYes,      // off its list
  kQueued,   // freeing: handed to the owner of an exclusive list, which
             // unlinks it and frees its memory
  kFlagged,  // untrack: marked kUntracked, still on an exclusive list
};

// Another thread's list, or a shared one: under the list's lock.
CONCH_NOINLINE Unlinked unlink_locked(Link* l, bool freeing) {
  TrackedList* tl = lock_list_of(l);
  if (tl == nullptr) return Unlinked::kNo;
  Unlinked r = Unlinked::kYes;
  if (!tl->exclusive) {
    list_remove(tl, l);
  } else if (freeing) {
    // The stack of dead Links runs through their `list` fields (link.h).
    l->list.store(reinterpret_cast<TrackedList*>(tl->remote), std::memory_order_relaxed);
    tl->remote = l;
    tl->has_remote.store(true, std::memory_order_relaxed);
    r = Unlinked::kQueued;
  } else {
    uint32_t old = l->flags.fetch_or(kUntracked, std::memory_order_relaxed);
    r = (old & kUntracked) != 0 ? Unlinked::kNo : Unlinked::kFlagged;
  }
  tl->mu.unlock();
  return r;
}

// Takes the object off its list (freeing: the object is dead).
CONCH_ALWAYS_INLINE Unlinked unlink_tracked(Link* l, bool freeing) {
  if constexpr (kFreeThreaded) {
    // Our own exclusive list: only we change it, no lock.
    TrackedList* tl = t_exclusive_list;
    if (tl != nullptr && l->list.load(std::memory_order_relaxed) == tl) {
      list_remove(tl, l);
      return Unlinked::kYes;
    }
  }
  return unlink_locked(l, freeing);
}

}  // namespace

void drain_remote_frees(TrackedList* tl) {
  Link* l = tl->remote;
  tl->remote = nullptr;
  tl->has_remote.store(false, std::memory_order_relaxed);
  while (l != nullptr) {
    Link* next = reinterpret_cast<Link*>(l->list.load(std::memory_order_relaxed));
    l->list.store(tl, std::memory_order_relaxed);  // list_remove expects it
    list_remove(tl, l);
    free_object_memory(header_of(l), l);
    l = next;
  }
}

void untrack(Header* h) {
  Link* l = link_of(h);
  // An object untrack()ed on another thread's exclusive list stays linked
  // (kUntracked); it was counted as freed then.
  if ((l->flags.load(std::memory_order_relaxed) & kUntracked) != 0) return;
  Unlinked r = unlink_tracked(l, false);
  if (r == Unlinked::kYes || r == Unlinked::kFlagged) note_tracked_free();
}

bool is_tracked(Header* h) {
  Link* l = link_of(h);
  return l->list.load(std::memory_order_relaxed) != nullptr &&
         (l->flags.load(std::memory_order_relaxed) & kUntracked) == 0;
}

void free_tracked(Header* h) {
#if CONCH_FREE_THREADED
  if (CONCH_UNLIKELY(h->flags & kFlagSharedByDesign)) forget_shared_by_design(h);
#endif
  Link* l = link_of(h);
  bool counted = (l->flags.load(std::memory_order_relaxed) & kUntracked) == 0;
  Unlinked r = unlink_tracked(l, true);
  if (r != Unlinked::kNo && counted) note_tracked_free();
  count_live(-1);
  if (r != Unlinked::kQueued) free_object_memory(h, l);
}

void release_thread_heap() {
  if constexpr (kBlockCache) flush_block_cache();
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
  if constexpr (kBlockCache) {
    if (void* p = cache_pop(size)) return p;
  }
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
