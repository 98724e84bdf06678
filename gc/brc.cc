// Biased reference counting's slow paths: merges, the per-thread queues,
// thread ids, and shared-by-design objects (gc/brc.h).
#include "gc/brc.h"

#include <utility>

#include "absl/container/flat_hash_set.h"
#include "gc/alloc.h"
#include "gc/collector.h"
#include "gc/deferred_rc.h"
#include "locking/mutex.h"

namespace conch::gc {

#if CONCH_FREE_THREADED

constinit thread_local uintptr_t t_brc_tid __attribute__((tls_model("initial-exec"))) =
    kTidUnassigned;

namespace {

std::atomic<BrcDeallocHook> g_dealloc{nullptr};

void dealloc_merged(Header* h) {
  BrcDeallocHook hook = g_dealloc.load(std::memory_order_acquire);
  if (hook != nullptr) hook(h);
}

// A registered thread.  `queue` and `breaker` are guarded by the bucket lock.
struct BrcThread {
  uintptr_t tid = 0;
  std::vector<Header*> queue;
  std::atomic<uint32_t>* breaker = nullptr;
  uint32_t bit = 0;
  BrcThread* next = nullptr;  // bucket chain
};

struct Bucket {
  locking::Mutex mu;
  BrcThread* head ABSL_GUARDED_BY(mu) = nullptr;
};

constexpr size_t kBuckets = 64;
// Never destroyed: threads may still exit while static destructors run.
Bucket* const g_buckets = new Bucket[kBuckets];
std::atomic<uintptr_t> g_next_tid{1};

Bucket& bucket_for(uintptr_t tid) { return g_buckets[tid % kBuckets]; }

BrcThread* find_locked(Bucket& b, uintptr_t tid) ABSL_EXCLUSIVE_LOCKS_REQUIRED(b.mu) {
  for (BrcThread* t = b.head; t != nullptr; t = t->next) {
    if (t->tid == tid) return t;
  }
  return nullptr;
}

void unlink_locked(Bucket& b, BrcThread* me) ABSL_EXCLUSIVE_LOCKS_REQUIRED(b.mu) {
  for (BrcThread** p = &b.head; *p != nullptr; p = &(*p)->next) {
    if (*p == me) {
      *p = me->next;
      return;
    }
  }
}

// The calling thread's entry (null before its id is assigned or after exit).
thread_local BrcThread* t_brc = nullptr;

// Detaches a thread that exits without brc_detach_thread (C++ threads).
struct ExitGuard {
  bool armed = false;
  ~ExitGuard() {
    if (armed && t_brc != nullptr) brc_detach_thread();
  }
};
thread_local ExitGuard t_exit_guard;

// Folds local into shared, marks the object merged and ownerless, and
// returns the total after adding `extra`.  Caller: the owner, or anyone
// when the owner is gone or the world is stopped.  CPython writes the local
// count and owner before the shared word (gh-119999) so a thread that sees
// kSharedMerged also sees owner 0.
intptr_t explicit_merge(Header* h, intptr_t extra) {
  intptr_t local = h->local_refcount.load(std::memory_order_relaxed);
  h->local_refcount.store(0, std::memory_order_relaxed);
  h->owner_tid.store(0, std::memory_order_relaxed);
  intptr_t shared = h->shared_refcount.load(std::memory_order_relaxed);
  intptr_t total;
  do {
    total = (shared >> kSharedShift) + local + extra;
  } while (!h->shared_refcount.compare_exchange_weak(shared, (total << kSharedShift) | kSharedMerged,
                                                     std::memory_order_acq_rel,
                                                     std::memory_order_relaxed));
  return total;
}

// Drops the queue's reference to each object in `objs`, freeing the dead.
void merge_and_free(std::vector<Header*>& objs) {
  for (Header* h : objs) {
    if (is_immortal(h)) continue;  // immortalized while queued: nothing to drop
    if (explicit_merge(h, -1) == 0) dealloc_merged(h);
  }
  objs.clear();
}

// Hands `h` (and the reference the caller holds to it) to its owner.
// Returns true when the caller must free it.
bool enqueue(Header* h) {
  uintptr_t tid = h->owner_tid.load(std::memory_order_relaxed);
  if (tid == 0) {
    // The owner merged meanwhile: drop our reference the ordinary way.
    return release(h);
  }
  Bucket& b = bucket_for(tid);
  locking::MutexLock lock(&b.mu);
  BrcThread* owner = find_locked(b, tid);
  if (owner == nullptr) {
    // The owner has exited and will never write its local count again.
    return explicit_merge(h, -1) == 0;
  }
  owner->queue.push_back(h);
  if (owner->breaker != nullptr) owner->breaker->fetch_or(owner->bit, std::memory_order_release);
  return false;
}

BrcThread* register_current_thread() {
  auto* me = new BrcThread;
  me->tid = g_next_tid.fetch_add(1, std::memory_order_relaxed);
  {
    Bucket& b = bucket_for(me->tid);
    locking::MutexLock lock(&b.mu);
    me->next = b.head;
    b.head = me;
  }
  t_brc = me;
  t_brc_tid = me->tid;
  t_exit_guard.armed = true;
  return me;
}

}  // namespace

uintptr_t brc_assign_tid() {
  if (t_brc_tid == kTidExited) return 0;
  if (t_brc == nullptr) register_current_thread();
  return t_brc_tid;
}

bool brc_merge_zero_local(Header* h) {
  intptr_t shared = h->shared_refcount.load(std::memory_order_acquire);
  if (shared == 0) return true;  // nobody else ever counted it
  h->owner_tid.store(0, std::memory_order_relaxed);
  intptr_t merged;
  do {
    merged = (shared & ~kSharedFlagMask) | kSharedMerged;
  } while (!h->shared_refcount.compare_exchange_weak(shared, merged, std::memory_order_acq_rel,
                                                     std::memory_order_acquire));
  return merged == kSharedMerged;
}

bool brc_decref_shared(Header* h) {
  intptr_t shared = h->shared_refcount.load(std::memory_order_relaxed);
  bool queue;
  intptr_t next;
  do {
    // Exactly 0 (or 0 marked kSharedMaybeShared by an earlier decref):
    // unmerged, not queued, and this decref would make it negative.  Queue it instead, keeping the reference for the queue.
    queue = shared == 0 || shared == kSharedMaybeShared;
    next = queue ? kSharedQueued : shared - kSharedOne;
    // Back to a zero count: keep a mark that another thread counted it
    // (kSharedMaybeShared in header.h says why a 0 must not come back).
    if (next == 0) next = kSharedMaybeShared;
  } while (!h->shared_refcount.compare_exchange_weak(shared, next, std::memory_order_acq_rel,
                                                     std::memory_order_relaxed));
  if (queue) return enqueue(h);
  return next == kSharedMerged;  // merged and the count reached zero
}

BrcDeallocHook brc_set_dealloc(BrcDeallocHook hook) {
  return g_dealloc.exchange(hook, std::memory_order_acq_rel);
}

void brc_attach_thread(std::atomic<uint32_t>* breaker, uint32_t bit) {
  if (t_brc_tid == kTidExited) return;
  BrcThread* me = t_brc != nullptr ? t_brc : register_current_thread();
  Bucket& b = bucket_for(me->tid);
  locking::MutexLock lock(&b.mu);
  me->breaker = breaker;
  me->bit = bit;
  if (!me->queue.empty() && breaker != nullptr) breaker->fetch_or(bit, std::memory_order_release);
}

void brc_detach_thread() {
  deferred_thread_exit();  // its deferred-count table (gc/deferred_rc.h)
  BrcThread* me = t_brc;
  if (me == nullptr) {
    t_brc_tid = kTidExited;
    return;
  }
  Bucket& b = bucket_for(me->tid);
  std::vector<Header*> local;
  // Merging may free objects whose deallocs queue more to us; leave the
  // table only in the locked step that finds the queue empty.
  for (;;) {
    merge_and_free(local);
    locking::MutexLock lock(&b.mu);
    if (me->queue.empty()) {
      unlink_locked(b, me);
      break;
    }
    std::swap(local, me->queue);
  }
  t_brc = nullptr;
  t_brc_tid = kTidExited;
  delete me;
}

void brc_merge_pending() {
  BrcThread* me = t_brc;
  if (me == nullptr) return;
  std::vector<Header*> local;
  {
    Bucket& b = bucket_for(me->tid);
    locking::MutexLock lock(&b.mu);
    std::swap(local, me->queue);
  }
  merge_and_free(local);
}

void brc_merge_all(std::vector<Header*>* to_release) {
  for (size_t i = 0; i < kBuckets; ++i) {
    Bucket& b = g_buckets[i];
    locking::MutexLock lock(&b.mu);
    for (BrcThread* t = b.head; t != nullptr; t = t->next) {
      for (Header* h : t->queue) {
        if (is_immortal(h)) continue;
        if (explicit_merge(h, 0) > 1) {
          // Merged, count >= 2: dropping the queue's reference frees nothing.
          h->shared_refcount.fetch_sub(kSharedOne, std::memory_order_acq_rel);
        } else if (to_release != nullptr) {
          to_release->push_back(h);  // keeps the queue's (last) reference
        }
      }
      t->queue.clear();
    }
  }
}

size_t brc_pending_count() {
  BrcThread* me = t_brc;
  if (me == nullptr) return 0;
  Bucket& b = bucket_for(me->tid);
  locking::MutexLock lock(&b.mu);
  return me->queue.size();
}

// ---------------------------------------------------------------------------
// Shared by design.

namespace {

locking::Mutex g_shared_mu;
// Flagged objects alive before immortalization.
absl::flat_hash_set<Header*>* const g_shared_pending ABSL_GUARDED_BY(g_shared_mu) =
    new absl::flat_hash_set<Header*>;
// Immortalized ones (the leak check walks from them).
std::vector<Header*>* const g_shared_immortal ABSL_GUARDED_BY(g_shared_mu) =
    new std::vector<Header*>;
std::atomic<bool> g_immortalized{false};

}  // namespace

void mark_shared_by_design(Header* h) {
  if (is_immortal(h)) return;
  locking::MutexLock lock(&g_shared_mu);
  if (g_immortalized.load(std::memory_order_relaxed)) {
    immortalize_allocated(h);
    g_shared_immortal->push_back(h);
    return;
  }
  h->flags |= kFlagSharedByDesign;
  g_shared_pending->insert(h);
}

void forget_shared_by_design(Header* h) {
  if ((h->flags & kFlagSharedByDesign) == 0) return;
  locking::MutexLock lock(&g_shared_mu);
  g_shared_pending->erase(h);
}

void immortalize_shared_by_design() {
  locking::MutexLock lock(&g_shared_mu);
  if (g_immortalized.load(std::memory_order_relaxed)) return;
  for (Header* h : *g_shared_pending) {
    h->flags &= ~kFlagSharedByDesign;
    immortalize_allocated(h);
    g_shared_immortal->push_back(h);
  }
  g_shared_pending->clear();
  g_immortalized.store(true, std::memory_order_release);
}

bool shared_by_design_immortalized() { return g_immortalized.load(std::memory_order_acquire); }

namespace {

struct KeptWalk {
  absl::flat_hash_set<Header*> seen;
  std::vector<Header*> work;
};

int note_kept(Header* target, void* arg) {
  auto* w = static_cast<KeptWalk*>(arg);
  if (target == nullptr || is_immortal(target)) return 0;
  if (w->seen.insert(target).second) w->work.push_back(target);
  return 0;
}

}  // namespace

int64_t kept_by_shared_by_design() {
  if (type_ops().traverse == nullptr) return 0;
  KeptWalk w;
  {
    locking::MutexLock lock(&g_shared_mu);
    for (Header* h : *g_shared_immortal) type_ops().traverse(h, note_kept, &w);
  }
  while (!w.work.empty()) {
    Header* h = w.work.back();
    w.work.pop_back();
    type_ops().traverse(h, note_kept, &w);
  }
  return static_cast<int64_t>(w.seen.size());
}

#else  // GIL build: one counter, no owners, no queues.

BrcDeallocHook brc_set_dealloc(BrcDeallocHook) { return nullptr; }
void brc_attach_thread(std::atomic<uint32_t>*, uint32_t) {}
void brc_detach_thread() {}
void brc_merge_pending() {}
void brc_merge_all(std::vector<Header*>*) {}
size_t brc_pending_count() { return 0; }
void mark_shared_by_design(Header*) {}
void immortalize_shared_by_design() {}
bool shared_by_design_immortalized() { return false; }
void forget_shared_by_design(Header*) {}
int64_t kept_by_shared_by_design() { return 0; }

#endif

}  // namespace conch::gc
