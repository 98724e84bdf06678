#include "gc/collector.h"

#include <algorithm>
#include <atomic>
#include <climits>
#include <vector>

#include "gc/brc.h"
#include "gc/deferred_rc.h"
#include "gc/link.h"
#include "locking/byte_mutex.h"
#include "locking/mutex.h"
#include "locking/stop_the_world.h"

namespace conch::gc {
namespace {

// ---------------------------------------------------------------------------
// Per-thread state: the registry of live threads' lists, the pool of
// retired ones, and the orphan list.

struct GcThread {
  TrackedList list;
  // Net tracked allocations of this thread not yet added to g_count.
  // Only the owner writes it, except the collector's reset (world stopped).
  std::atomic<int64_t> pending{0};
  GcThread* prev = nullptr;  // registry (doubly linked) or pool (next only)
  GcThread* next = nullptr;
};

// Never destroyed: threads may still free objects during static destruction.
locking::Mutex& registry_mu() {
  static auto* mu = new locking::Mutex;
  return *mu;
}
GcThread* g_registry = nullptr;  // live threads' state; guarded by registry_mu
GcThread* g_pool = nullptr;      // retired state for reuse; guarded by registry_mu
TrackedList& orphans() {
  static auto* l = new TrackedList;
  return *l;
}

constinit thread_local GcThread* t_gc = nullptr;
constinit thread_local bool t_gc_done = false;  // on_thread_exit ran
constinit thread_local bool t_in_collection = false;

// Threads that never reach vm/gil.cc's detach (test threads, benchmark
// threads) hand their list over when the thread ends.
struct ExitGuard {
  bool armed = false;
  ~ExitGuard() {
    if (armed) on_thread_exit();
  }
};
thread_local ExitGuard t_exit_guard;

GcThread* attach_thread() {
  t_exit_guard.armed = true;
  locking::MutexLock lock(&registry_mu());
  GcThread* g = g_pool;
  if (g != nullptr) {
    g_pool = g->next;
  } else {
    g = new GcThread;
  }
  g->pending.store(0, std::memory_order_relaxed);
  g->prev = nullptr;
  g->next = g_registry;
  if (g_registry != nullptr) g_registry->prev = g;
  g_registry = g;
  return g;
}

// Calls fn(list) on the orphan list, then on every live thread's list, each
// under its lock.  This order matters when a thread exits meanwhile (its
// objects move to the orphans): such objects may be missed, never seen
// twice.  Missing one is safe (its references count as outside ones, so it
// only keeps things alive); seeing one twice would subtract its references
// twice.
// With the world stopped, a list is shared or its owner is parked at a safe
// point (gc/link.h), so its links may be walked, and the dead objects other
// threads queued on it unlinked first (the walk must not see them).
template <class Fn>
void for_each_list(Fn&& fn) {
  locking::MutexLock lock(&registry_mu());
  TrackedList* o = &orphans();
  o->mu.lock();
  fn(o);
  o->mu.unlock();
  for (GcThread* g = g_registry; g != nullptr; g = g->next) {
    g->list.mu.lock();
    if (g->list.remote != nullptr) drain_remote_frees(&g->list);
    fn(&g->list);
    g->list.mu.unlock();
  }
}

// ---------------------------------------------------------------------------
// Collection state.

TypeOps g_ops{};
// Net tracked allocations since the last collection that threads flushed.
std::atomic<int64_t> g_count{0};
// Tracked objects left after the last collection.
std::atomic<int64_t> g_survivors{0};
std::atomic<int64_t> g_threshold[3] = {700, 10, 10};
// How many operations a thread counts before flushing into g_count: small
// thresholds (tests) must still trigger promptly.
std::atomic<int64_t> g_flush_every{32};
std::atomic<bool> g_enabled{true};
std::atomic<bool> g_scheduled{false};
std::atomic<bool> g_collecting{false};
std::atomic<void (*)()> g_schedule_hook{nullptr};
// One collection at a time (any thread may call collect()).
locking::ByteMutex g_collect_mu;

bool due(int64_t count) {
  int64_t t0 = g_threshold[0].load(std::memory_order_relaxed);
  return t0 > 0 && count > t0 && count > g_survivors.load(std::memory_order_relaxed) / 4;
}

void flush_count(int64_t delta) {
  int64_t now = g_count.fetch_add(delta, std::memory_order_relaxed) + delta;
  if (delta <= 0 || !due(now)) return;
  if (!g_enabled.load(std::memory_order_relaxed) || g_collecting.load(std::memory_order_relaxed))
    return;
  if (g_scheduled.exchange(true, std::memory_order_relaxed)) return;  // once per crossing
  if (auto hook = g_schedule_hook.load(std::memory_order_acquire)) hook();
}

void count_op(int64_t delta) {
  GcThread* g = t_gc;
  if (g == nullptr) {  // a thread without a list (it only frees): count globally
    flush_count(delta);
    return;
  }
  int64_t p = g->pending.load(std::memory_order_relaxed) + delta;
  int64_t every = g_flush_every.load(std::memory_order_relaxed);
  if (p < every && p > -every) {
    g->pending.store(p, std::memory_order_relaxed);
    return;
  }
  g->pending.store(0, std::memory_order_relaxed);
  flush_count(p);
}

// With the world stopped: a collection starts the count afresh.
void reset_counts() {
  g_count.store(0, std::memory_order_relaxed);
  locking::MutexLock lock(&registry_mu());
  for (GcThread* g = g_registry; g != nullptr; g = g->next) {
    g->pending.store(0, std::memory_order_relaxed);
  }
}

// ---------------------------------------------------------------------------
// The analysis over a set of objects (steps 1-3 of the header).  Runs with
// the world stopped: gc_refs and the kCollecting/kReachable bits are the
// collector's alone then.

bool in_set(Header* h) {
  if (is_immortal(h) || !g_ops.is_tracked(h)) return false;
  return (link_of(h)->flags.load(std::memory_order_relaxed) & kCollecting) != 0;
}

void set_flags(Link* l, uint32_t on, uint32_t off) {
  uint32_t f = l->flags.load(std::memory_order_relaxed);
  l->flags.store((f | on) & ~off, std::memory_order_relaxed);
}
void set_flags(const std::vector<Link*>& v, uint32_t on, uint32_t off) {
  for (Link* l : v) set_flags(l, on, off);
}
bool has_flag(Link* l, uint32_t f) { return (l->flags.load(std::memory_order_relaxed) & f) != 0; }

int subtract_ref(Header* target, void*) {
  if (in_set(target)) --link_of(target)->gc_refs;
  return 0;
}

int mark_reachable(Header* target, void* arg) {
  if (!in_set(target)) return 0;
  Link* l = link_of(target);
  if (has_flag(l, kReachable)) return 0;
  set_flags(l, kReachable, 0);
  static_cast<std::vector<Link*>*>(arg)->push_back(l);
  return 0;
}

int32_t initial_gc_refs(Header* h, intptr_t held) {
  intptr_t rc = refcount(h);
  // rc <= 0: mid-dealloc (or a count in flux between owner and queue):
  // keep it, and what it holds, alive.
  if (is_immortal(h) || rc <= 0) return 1;
  return static_cast<int32_t>(std::min<intptr_t>(rc - held, INT32_MAX));
}

// Marks the members of `set` reachable from outside it; `held` references to
// each member are the collector's own and do not count.  Members must carry
// kCollecting.  Returns the unreachable ones.
std::vector<Link*> find_unreachable(const std::vector<Link*>& set, intptr_t held) {
  for (Link* l : set) {
    l->gc_refs = initial_gc_refs(header_of(l), held);
    set_flags(l, 0, kReachable);
  }
  for (Link* l : set) g_ops.traverse(header_of(l), subtract_ref, nullptr);
  std::vector<Link*> work;
  for (Link* l : set) {
    if (l->gc_refs > 0 && !has_flag(l, kReachable)) {
      set_flags(l, kReachable, 0);
      work.push_back(l);
    }
  }
  while (!work.empty()) {
    Link* l = work.back();
    work.pop_back();
    g_ops.traverse(header_of(l), mark_reachable, &work);
  }
  std::vector<Link*> unreachable;
  for (Link* l : set) {
    if (!has_flag(l, kReachable)) unreachable.push_back(l);
  }
  return unreachable;
}

// World stopped: every tracked object.
std::vector<Link*> snapshot_tracked() {
  std::vector<Link*> all;
  for_each_list([&](TrackedList* tl) {
    for (Link* l = tl->head.next; l != &tl->head; l = l->next) {
      if (!has_flag(l, kUntracked)) all.push_back(l);
    }
  });
  return all;
}

// Steps 1-3 with the world stopped; returns the garbage, each member held
// by one collector reference.
std::vector<Link*> find_garbage() {
  locking::stop_the_world();
  // Merge every thread's biased-refcount queue first, so refcount() is the
  // true total for queued objects too.  Objects whose merged total is zero
  // must not be freed while the world is stopped: brc hands back the
  // queue's reference, which we drop once it runs again.
  std::vector<Header*> to_release;
  brc_merge_all(&to_release);
  // Then fold the threads' deferred counts and un-defer (gc/deferred_rc.h):
  // a rebound global's old value is released with the queues' objects.
  deferred_merge_all(&to_release);
  std::vector<Link*> all = snapshot_tracked();
  set_flags(all, kCollecting, kReachable);
  std::vector<Link*> garbage = find_unreachable(all, 0);
  // Hold every garbage object before anything can run; forget the rest of
  // the set now, while all of it is still alive.
  for (Link* l : garbage) incref(header_of(l));
  set_flags(all, 0, kCollecting | kReachable);
  reset_counts();
  locking::start_the_world();
  for (Header* h : to_release) g_ops.decref(h);
  return garbage;
}

// Step 4: finalizers (world running: they are Python code and may block on
// anything), then drop what they resurrected (world stopped again, since
// the check reads counts every thread may be changing).  `garbage` holds one
// collector reference per member on entry and on exit; resurrected members
// lose theirs here.
std::vector<Link*> run_finalizers(std::vector<Link*> garbage) {
  bool any = false;
  for (Link* l : garbage) {
    Header* h = header_of(l);
    if (g_ops.has_finalizer != nullptr && g_ops.has_finalizer(h)) {
      any = true;
      g_ops.finalize(h);
    }
  }
  if (!any) return garbage;
  std::vector<Link*> resurrected;
  locking::stop_the_world();
  set_flags(garbage, kCollecting, 0);
  std::vector<Link*> still = find_unreachable(garbage, 1);
  for (Link* l : garbage) {
    if (has_flag(l, kReachable)) resurrected.push_back(l);
  }
  set_flags(garbage, 0, kCollecting | kReachable);
  locking::start_the_world();
  for (Link* l : resurrected) g_ops.decref(header_of(l));  // give back our reference
  return still;
}

int64_t collect_locked() {
  std::vector<Link*> garbage = find_garbage();
  auto found = static_cast<int64_t>(garbage.size());
  garbage = run_finalizers(std::move(garbage));
  // Step 5 (world running: deallocs may run __del__ of other objects):
  // every member stays allocated (we hold it) while all are cleared.
  if (g_ops.clear != nullptr) {
    for (Link* l : garbage) g_ops.clear(header_of(l));
  }
  for (Link* l : garbage) g_ops.decref(header_of(l));
  g_survivors.store(tracked_count(), std::memory_order_relaxed);
  return found;
}

}  // namespace

// ---------------------------------------------------------------------------
// Lists (link.h).

TrackedList* this_thread_list() {
  if (CONCH_LIKELY(t_gc != nullptr)) return &t_gc->list;
  if (t_gc_done) return &orphans();  // allocating during thread teardown
  t_gc = attach_thread();
  return &t_gc->list;
}

TrackedList* orphan_list() { return &orphans(); }

constinit thread_local TrackedList* t_exclusive_list = nullptr;

void tracked_list_attach() {
  if constexpr (kFreeThreaded) {
    if (t_exclusive_list != nullptr || t_gc_done) return;
    TrackedList* tl = this_thread_list();
    tl->mu.lock();
    tl->exclusive = true;
    tl->mu.unlock();
    t_exclusive_list = tl;
  }
}

void tracked_list_detach() {
  if constexpr (kFreeThreaded) {
    TrackedList* tl = t_exclusive_list;
    if (tl == nullptr) return;
    t_exclusive_list = nullptr;
    tl->mu.lock();
    drain_remote_frees(tl);
    tl->exclusive = false;
    tl->mu.unlock();
  }
}

void note_tracked_alloc() { count_op(1); }
void note_tracked_free() { count_op(-1); }

void on_thread_exit() {
  tracked_list_detach();  // shared from here on: the hand-over below locks it
  GcThread* g = t_gc;
  t_gc_done = true;
  release_thread_heap();
  if (g == nullptr) return;
  t_gc = nullptr;
  // Hand the objects over: re-point each, then splice the whole list onto
  // the orphans.  Both locks are held, thread list first (the only place
  // two list locks are held at once, so no order can invert).  A thread
  // freeing one of these objects meanwhile either unlinked it before (it
  // held our lock) or finds the pointer changed and retries (alloc.cc).
  TrackedList* o = &orphans();
  g->list.mu.lock();
  o->mu.lock();
  Link* head = &g->list.head;
  if (head->next != head) {
    for (Link* l = head->next; l != head; l = l->next) l->list.store(o, std::memory_order_relaxed);
    Link* first = head->next;
    Link* last = head->prev;
    first->prev = o->head.prev;
    o->head.prev->next = first;
    last->next = &o->head;
    o->head.prev = last;
    head->next = head->prev = head;
    o->size.fetch_add(g->list.size.load(std::memory_order_relaxed), std::memory_order_relaxed);
    g->list.size.store(0, std::memory_order_relaxed);
  }
  o->mu.unlock();
  g->list.mu.unlock();
  // The count this thread did not flush yet is still part of the total.
  int64_t p = g->pending.exchange(0, std::memory_order_relaxed);
  if (p != 0) g_count.fetch_add(p, std::memory_order_relaxed);
  locking::MutexLock lock(&registry_mu());
  if (g->prev != nullptr) g->prev->next = g->next; else g_registry = g->next;
  if (g->next != nullptr) g->next->prev = g->prev;
  g->prev = nullptr;
  g->next = g_pool;
  g_pool = g;
}

// ---------------------------------------------------------------------------
// The public interface (collector.h).

void set_type_ops(const TypeOps& ops) { g_ops = ops; }
const TypeOps& type_ops() { return g_ops; }

int64_t collect(CollectMode mode) {
  // A finalizer of this thread's own collection calling gc.collect().
  if (t_in_collection || g_ops.traverse == nullptr) return 0;
  if (mode == CollectMode::kIfIdle) {
    if (!g_collect_mu.try_lock()) return 0;
  } else {
    // Detaching: while we wait, the running collection may stop the world.
    g_collect_mu.lock_detaching();
  }
  t_in_collection = true;
  g_collecting.store(true, std::memory_order_relaxed);
  g_scheduled.store(false, std::memory_order_relaxed);
  int64_t found = collect_locked();
  g_collecting.store(false, std::memory_order_relaxed);
  t_in_collection = false;
  g_collect_mu.unlock();
  return found;
}

void set_enabled(bool on) { g_enabled.store(on, std::memory_order_relaxed); }
bool is_enabled() { return g_enabled.load(std::memory_order_relaxed); }

void set_threshold(int64_t t0, int64_t t1, int64_t t2) {
  g_threshold[0].store(t0, std::memory_order_relaxed);
  g_threshold[1].store(t1, std::memory_order_relaxed);
  g_threshold[2].store(t2, std::memory_order_relaxed);
  g_flush_every.store(std::clamp<int64_t>(t0 / 16, 1, 32), std::memory_order_relaxed);
}
void get_threshold(int64_t out[3]) {
  for (int i = 0; i < 3; ++i) out[i] = g_threshold[i].load(std::memory_order_relaxed);
}

int64_t allocation_count() {
  int64_t total = g_count.load(std::memory_order_relaxed);
  locking::MutexLock lock(&registry_mu());
  for (GcThread* g = g_registry; g != nullptr; g = g->next) {
    total += g->pending.load(std::memory_order_relaxed);
  }
  return total;
}

int64_t tracked_count() {
  int64_t total = orphans().size.load(std::memory_order_relaxed);
  locking::MutexLock lock(&registry_mu());
  for (GcThread* g = g_registry; g != nullptr; g = g->next) {
    total += g->list.size.load(std::memory_order_relaxed);
  }
  return total;
}

int64_t orphaned_count() { return orphans().size.load(std::memory_order_relaxed); }

int64_t this_thread_tracked_count() {
  GcThread* g = t_gc;
  return g == nullptr ? 0 : g->list.size.load(std::memory_order_relaxed);
}

bool collecting() { return g_collecting.load(std::memory_order_relaxed); }

void set_schedule_hook(void (*hook)()) { g_schedule_hook.store(hook, std::memory_order_release); }

bool collection_due() {
  g_scheduled.store(false, std::memory_order_relaxed);
  return !collecting() && is_enabled() && due(allocation_count());
}

bool is_finalized(Header* h) { return has_flag(link_of(h), kFinalized); }
void mark_finalized(Header* h) { link_of(h)->flags.fetch_or(kFinalized, std::memory_order_relaxed); }

void for_each_tracked(void (*fn)(Header* h, void* arg), void* arg) {
  locking::stop_the_world();
  for_each_list([&](TrackedList* tl) {
    for (Link* l = tl->head.next; l != &tl->head; l = l->next) {
      if ((l->flags.load(std::memory_order_relaxed) & kUntracked) == 0) fn(header_of(l), arg);
    }
  });
  locking::start_the_world();
}

}  // namespace conch::gc
