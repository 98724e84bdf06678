// Deferred reference counting's slow paths: the per-thread tables, the
// registry of deferred objects, the collector's merge (gc/deferred_rc.h).
#include "gc/deferred_rc.h"

#include "gc/brc.h"
#include "locking/mutex.h"

namespace conch::gc {

#if CONCH_FREE_THREADED

constinit thread_local DeferredSlot* t_deferred_slots
    __attribute__((tls_model("initial-exec"))) = nullptr;

namespace {

// A registered table.  `slots` is written by its thread without a lock; the
// list links are guarded by g_tables_mu.
struct Table {
  DeferredSlot slots[kDeferredSlots] = {};
  Table* prev = nullptr;
  Table* next = nullptr;
};

// Never destroyed: threads may still exit while static destructors run.
locking::Mutex* const g_tables_mu = new locking::Mutex;
Table* g_tables = nullptr;  // guarded by *g_tables_mu
locking::Mutex* const g_deferred_mu = new locking::Mutex;
std::vector<Header*>* const g_deferred = new std::vector<Header*>;  // guarded by *g_deferred_mu

thread_local Table* t_table = nullptr;
thread_local bool t_exited = false;

// Frees the table of a thread that never called deferred_thread_exit.
struct ExitGuard {
  bool armed = false;
  ~ExitGuard() {
    if (armed) deferred_thread_exit();
  }
};
thread_local ExitGuard t_exit_guard;

// Adds a table entry's count to its object's shared word.  Atomic: other
// threads may be counting the same object (the bias keeps it positive).
void flush_slot(DeferredSlot& e) {
  if (e.obj != nullptr && e.count != 0) {
    e.obj->shared_refcount.fetch_add(e.count * kSharedOne, std::memory_order_relaxed);
  }
  e.obj = nullptr;
  e.count = 0;
}

Table* install_table() {
  auto* t = new Table;
  locking::MutexLock lock(g_tables_mu);
  t->next = g_tables;
  if (g_tables != nullptr) g_tables->prev = t;
  g_tables = t;
  t_table = t;
  t_deferred_slots = t->slots;
  t_exit_guard.armed = true;
  return t;
}

}  // namespace

void deferred_add_slow(Header* h, intptr_t delta) {
  if (CONCH_UNLIKELY(t_exited)) {
    // Past this thread's exit: count on the shared word (valid while the
    // object is deferred: the bias keeps the total positive).
    h->shared_refcount.fetch_add(delta * kSharedOne, std::memory_order_relaxed);
    return;
  }
  Table* t = t_table != nullptr ? t_table : install_table();
  DeferredSlot& e = t->slots[deferred_slot_index(h)];
  if (e.obj != h) {
    // A collision: the old object stays deferred until the next collection
    // (its bias is in place), so its count can go to its shared word now.
    flush_slot(e);
    e.obj = h;
  }
  e.count += delta;
}

void defer(Header* h) {
  uint16_t old = h->flags.fetch_or(kFlagDeferred, std::memory_order_relaxed);
  if (old & kFlagDeferred) return;  // another thread won
  // The caller's reference is in the shared word (it is not the owner and
  // the object was not deferred when it took it), so the owner cannot be
  // freeing it on a plain load of a zero shared word meanwhile.
  h->shared_refcount.fetch_add(kDeferredBias * kSharedOne, std::memory_order_relaxed);
  locking::MutexLock lock(g_deferred_mu);
  g_deferred->push_back(h);
}

void deferred_merge_all(std::vector<Header*>* to_release) {
  {
    locking::MutexLock lock(g_tables_mu);
    for (Table* t = g_tables; t != nullptr; t = t->next) {
      for (DeferredSlot& e : t->slots) flush_slot(e);
    }
  }
  std::vector<Header*> objs;
  {
    locking::MutexLock lock(g_deferred_mu);
    objs.swap(*g_deferred);
  }
  for (Header* h : objs) {
    h->flags.fetch_and(static_cast<uint16_t>(~kFlagDeferred), std::memory_order_relaxed);
    if (is_immortal(h)) continue;  // immortalized while deferred: nothing to undo
    // Exact now (queues and tables merged, the world stopped).  Leave it
    // merged, as brc's explicit merge does: every table entry may have been
    // a reference the owner counted locally.
    intptr_t local = h->local_refcount.load(std::memory_order_relaxed);
    intptr_t shared = h->shared_refcount.load(std::memory_order_relaxed) >> kSharedShift;
    intptr_t total = local + shared - kDeferredBias;
    if (CONCH_UNLIKELY(total < 0)) total = 1;  // a lost count: leak rather than free early
    h->local_refcount.store(0, std::memory_order_relaxed);
    h->owner_tid.store(0, std::memory_order_relaxed);
    if (total == 0) {
      // Dead (a rebound global's old value): one reference for the caller
      // to drop once the world runs again, which frees it.
      h->shared_refcount.store(kSharedOne | kSharedMerged, std::memory_order_release);
      if (to_release != nullptr) to_release->push_back(h);
      continue;
    }
    h->shared_refcount.store((total << kSharedShift) | kSharedMerged, std::memory_order_release);
  }
}

void deferred_thread_exit() {
  t_exited = true;
  Table* t = t_table;
  if (t == nullptr) return;
  t_table = nullptr;
  t_deferred_slots = nullptr;
  {
    // Under the lock: a collector merging tables never sees a half-flushed one.
    locking::MutexLock lock(g_tables_mu);
    for (DeferredSlot& e : t->slots) flush_slot(e);
    if (t->prev != nullptr) t->prev->next = t->next; else g_tables = t->next;
    if (t->next != nullptr) t->next->prev = t->prev;
  }
  delete t;
}

size_t deferred_count() {
  locking::MutexLock lock(g_deferred_mu);
  return g_deferred->size();
}

intptr_t deferred_table_count(const Header* h) {
  DeferredSlot* s = t_deferred_slots;
  if (s == nullptr) return 0;
  const DeferredSlot& e = s[deferred_slot_index(h)];
  return e.obj == h ? e.count : 0;
}

bool deferral_allowed() { return shared_by_design_immortalized(); }

#else

bool deferral_allowed() { return false; }

#endif

}  // namespace conch::gc
