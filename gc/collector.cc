#include "gc/collector.h"

#include <atomic>
#include <vector>

#include "gc/link.h"
#include "locking/stop_the_world.h"

namespace conch::gc {
namespace {

Link g_head{&g_head, &g_head, 0, 0, 0};
#if CONCH_FREE_THREADED
locking::Mutex g_list_mu;
#endif

TypeOps g_ops{};
// Guarded by the list lock (ft) / the GIL.
int64_t g_count = 0;         // net tracked allocations since the last collection
int64_t g_tracked = 0;       // objects on the list
int64_t g_survivors = 0;     // tracked objects left after the last collection
int64_t g_threshold[3] = {700, 10, 10};
std::atomic<bool> g_enabled{true};
std::atomic<bool> g_scheduled{false};
bool g_collecting = false;   // under the GIL
void (*g_schedule_hook)() = nullptr;

bool due_locked() {
  return g_threshold[0] > 0 && g_count > g_threshold[0] && g_count > g_survivors / 4;
}

// ---------------------------------------------------------------------------
// The analysis over a set of objects (steps 1-3 of the header).

bool in_set(Header* h) {
  if (is_immortal(h) || !g_ops.is_tracked(h)) return false;
  return (link_of(h)->flags & kCollecting) != 0;
}

int subtract_ref(Header* target, void*) {
  if (in_set(target)) --link_of(target)->gc_refs;
  return 0;
}

int mark_reachable(Header* target, void* arg) {
  if (!in_set(target)) return 0;
  Link* l = link_of(target);
  if (l->flags & kReachable) return 0;
  l->flags |= kReachable;
  static_cast<std::vector<Link*>*>(arg)->push_back(l);
  return 0;
}

// Marks the members of `set` reachable from outside it; `held` references to
// each member are the collector's own and do not count.  Members must carry
// kCollecting.  Returns the unreachable ones.
std::vector<Link*> find_unreachable(const std::vector<Link*>& set, intptr_t held) {
  for (Link* l : set) {
    Header* h = header_of(l);
    intptr_t rc = refcount(h);
    // rc == 0: mid-dealloc; keep it (and what it holds) alive.
    l->gc_refs = (is_immortal(h) || rc == 0) ? 1 : rc - held;
    l->flags &= ~kReachable;
  }
  for (Link* l : set) g_ops.traverse(header_of(l), subtract_ref, nullptr);
  std::vector<Link*> work;
  for (Link* l : set) {
    if (l->gc_refs > 0 && !(l->flags & kReachable)) {
      l->flags |= kReachable;
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
    if (!(l->flags & kReachable)) unreachable.push_back(l);
  }
  return unreachable;
}

void set_flags(const std::vector<Link*>& v, uint32_t on, uint32_t off) {
  for (Link* l : v) l->flags = (l->flags | on) & ~off;
}

// Step 4: finalizers, then drop what they resurrected.  `garbage` holds one
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
  set_flags(garbage, kCollecting, 0);
  std::vector<Link*> still = find_unreachable(garbage, 1);
  for (Link* l : garbage) {
    if (l->flags & kReachable) {
      l->flags &= ~(kCollecting | kReachable);
      g_ops.decref(header_of(l));  // resurrected: give back our reference
    }
  }
  return still;
}

}  // namespace

Link* tracked_list() { return &g_head; }
#if CONCH_FREE_THREADED
locking::Mutex& tracked_list_mutex() { return g_list_mu; }
#endif

void note_tracked_alloc() {
  ++g_tracked;
  ++g_count;
  if (!g_collecting && g_enabled.load(std::memory_order_relaxed) && due_locked() &&
      !g_scheduled.exchange(true, std::memory_order_relaxed) && g_schedule_hook != nullptr) {
    g_schedule_hook();
  }
}

void note_tracked_free() {
  --g_tracked;
  if (g_count > 0) --g_count;
}

void set_type_ops(const TypeOps& ops) { g_ops = ops; }

int64_t collect() {
  if (g_collecting || g_ops.traverse == nullptr) return 0;
  g_collecting = true;
  g_scheduled.store(false, std::memory_order_relaxed);
  locking::stop_the_world();
  std::vector<Link*> all;
  {
#if CONCH_FREE_THREADED
    locking::MutexLock lock(&g_list_mu);
#endif
    all.reserve(static_cast<size_t>(g_tracked));
    for (Link* l = g_head.next; l != &g_head; l = l->next) all.push_back(l);
  }
  set_flags(all, kCollecting, kReachable);
  std::vector<Link*> garbage = find_unreachable(all, 0);
  // Hold every garbage object before anything can run; forget the rest of
  // the set now, while all of it is still alive.
  for (Link* l : garbage) incref(header_of(l));
  set_flags(all, 0, kCollecting | kReachable);
  all.clear();
  all.shrink_to_fit();
  locking::start_the_world();  // finalizers and clear() run Python code
  auto found = static_cast<int64_t>(garbage.size());
  garbage = run_finalizers(std::move(garbage));
  set_flags(garbage, 0, kCollecting | kReachable);
  // Step 5: every member stays allocated (we hold it) while all are cleared.
  if (g_ops.clear != nullptr) {
    for (Link* l : garbage) g_ops.clear(header_of(l));
  }
  for (Link* l : garbage) g_ops.decref(header_of(l));
  {
#if CONCH_FREE_THREADED
    locking::MutexLock lock(&g_list_mu);
#endif
    g_count = 0;
    g_survivors = g_tracked;
  }
  g_collecting = false;
  return found;
}

void set_enabled(bool on) { g_enabled.store(on, std::memory_order_relaxed); }
bool is_enabled() { return g_enabled.load(std::memory_order_relaxed); }

void set_threshold(int64_t t0, int64_t t1, int64_t t2) {
  g_threshold[0] = t0;
  g_threshold[1] = t1;
  g_threshold[2] = t2;
}
void get_threshold(int64_t out[3]) {
  for (int i = 0; i < 3; ++i) out[i] = g_threshold[i];
}
int64_t allocation_count() { return g_count; }
int64_t tracked_count() { return g_tracked; }
bool collecting() { return g_collecting; }

void set_schedule_hook(void (*hook)()) { g_schedule_hook = hook; }

bool collection_due() {
  g_scheduled.store(false, std::memory_order_relaxed);
  return !g_collecting && is_enabled() && due_locked();
}

bool is_finalized(Header* h) { return (link_of(h)->flags & kFinalized) != 0; }
void mark_finalized(Header* h) { link_of(h)->flags |= kFinalized; }

void for_each_tracked(void (*fn)(Header* h, void* arg), void* arg) {
  for (Link* l = g_head.next; l != &g_head; l = l->next) fn(header_of(l), arg);
}

}  // namespace conch::gc
