// Quiescent-state-based reclamation (gc/qsbr.h explains the scheme).
#include "gc/qsbr.h"

#include <algorithm>
#include <vector>

#include "base/config.h"
#include "base/macros.h"
#include "locking/mutex.h"

namespace conch::gc {

#if CONCH_FREE_THREADED

std::atomic<bool> g_qsbr_deferring{false};

namespace {

// wr_seq starts at 1 and moves in steps of 2, so a read sequence of 0 can
// mean "offline" and never equals a real value.
constexpr uint64_t kSeqIncr = 2;
constexpr uint64_t kOffline = 0;
// One global advance per this many deferred frees (the others take the goal
// the next advance will reach).  Large: g_wr_seq is read by every deferred
// free of every thread, so each advance costs the other threads a cache
// miss, and an atomic add on it by every thread every few frees made its
// line bounce between cores (a scaling cost of every allocation-heavy
// workload).  Progress does not depend on it: a thread that waits for its
// items advances first (advance_for, from poll and qsbr_quiescent).
constexpr int kAdvanceEvery = 1024;
// A thread polls its own list when it has grown by this many items.
constexpr size_t kPollBatch = 128;

struct Item {
  void* p;
  void (*free_fn)(void*);
  uint64_t goal;
};

// A registered thread.  `seq` is written by the thread, read by pollers;
// `items`, `deferrals`, `poll_at` are the thread's own; `breaker`, `bit`,
// the links are guarded by g_mu.
struct QThread {
  std::atomic<uint64_t> seq{kOffline};
  std::vector<Item> items;
  int deferrals = 0;
  size_t poll_at = kPollBatch;
  std::atomic<uint32_t>* breaker = nullptr;
  uint32_t bit = 0;
  QThread* next = nullptr;
  QThread* prev = nullptr;
};

std::atomic<uint64_t> g_wr_seq{1};
// Never destroyed: threads may exit while static destructors run.
locking::Mutex* const g_mu = new locking::Mutex;
QThread* g_threads = nullptr;                                   // guarded by g_mu
std::vector<Item>* const g_orphans = new std::vector<Item>;    // guarded by g_mu
std::atomic<size_t> g_orphan_count{0};
uint64_t g_orphan_goal = 0;  // the largest goal among the orphans; guarded by g_mu

constinit thread_local QThread* t_q = nullptr;

uint64_t advance() { return g_wr_seq.fetch_add(kSeqIncr, std::memory_order_acq_rel) + kSeqIncr; }

// The goal for an item deferred now: the next advance's value, except every
// kAdvanceEvery-th time, when this thread advances (so some thread always
// moves the sequence on while frees are being deferred).
//
// A known window, left open on purpose: the load of wr_seq may be satisfied
// while the caller's unpublishing store still sits in this thread's store
// buffer (store->load reordering, legal on x86).  For harm, another thread
// must advance wr_seq, and a reader observe and report the new value and
// then load the old pointer, all before that store drains -- nanoseconds,
// against an advance every kAdvanceEvery frees.  A seq_cst fence here closes
// it, but cost 7% of shared_objects at 2 threads (perf: one mfence per
// object free); settling goals with one fence per poll instead delayed frees
// by an advance and cost more (poll + advance 18%).  CPython takes the same
// approach (a goal from a plain load).  Closing it cheaply needs the goal
// taken after an ordering point the free path already has.
uint64_t goal_for(QThread* q) {
  if (q != nullptr && ++q->deferrals < kAdvanceEvery) {
    return g_wr_seq.load(std::memory_order_acquire) + kSeqIncr;
  }
  if (q != nullptr) q->deferrals = 0;
  return advance();
}

// Most goals are "the next advance" (goal_for), so a thread about to wait
// for its items makes sure that advance has happened.  Before publishing its
// own read sequence, so its own report covers them.
void advance_for(QThread* q) {
  uint64_t want = q != nullptr && !q->items.empty() ? q->items.back().goal : 0;
  if (g_orphan_count.load(std::memory_order_relaxed) != 0) want = ~uint64_t{0};
  uint64_t wr = g_wr_seq.load(std::memory_order_acquire);
  if (want > wr) advance();
}

// A read sequence published before this thread's next loads of shared
// pointers.  The fence pairs with the poller's (scan_locked): either the
// poller sees this store, or this thread sees every pointer the poller's
// thread unpublished before polling (store-buffer litmus with two seq_cst
// fences).
void publish_seq(QThread* q, uint64_t seq) {
  q->seq.store(seq, std::memory_order_release);
  std::atomic_thread_fence(std::memory_order_seq_cst);
}

// The least read sequence of the online threads (wr_seq when none is
// online).  Asks each thread that lags behind `want` to report.
uint64_t scan_locked(uint64_t want) ABSL_EXCLUSIVE_LOCKS_REQUIRED(*g_mu) {
  std::atomic_thread_fence(std::memory_order_seq_cst);
  uint64_t least = g_wr_seq.load(std::memory_order_acquire);
  for (QThread* t = g_threads; t != nullptr; t = t->next) {
    uint64_t s = t->seq.load(std::memory_order_acquire);
    if (s == kOffline) continue;
    least = std::min(least, s);
    if (s < want && t->breaker != nullptr) t->breaker->fetch_or(t->bit, std::memory_order_release);
  }
  return least;
}

// A thread's own list: goals never decrease along it, so the reached items
// are a prefix.
void free_prefix(std::vector<Item>& v, uint64_t rd) {
  size_t n = 0;
  while (n < v.size() && v[n].goal <= rd) {
    v[n].free_fn(v[n].p);
    ++n;
  }
  if (n != 0) v.erase(v.begin(), v.begin() + static_cast<ptrdiff_t>(n));
}

// Polls: frees what every online thread has passed, of this thread's own
// items (q may be null) and of the orphans.  The frees run outside g_mu
// (free_fn is the allocator, but keep the lock short).
void poll(QThread* q) {
  advance_for(q);
  uint64_t want = 0;
  if (q != nullptr && !q->items.empty()) want = q->items.back().goal;
  uint64_t rd;
  std::vector<Item> orphans;
  {
    locking::MutexLock lock(g_mu);
    if (!g_orphans->empty()) want = std::max(want, g_orphan_goal);
    rd = scan_locked(want);
    // The orphans go all at once, when the last of them may (their goals
    // mix threads, so they are not ordered).
    if (!g_orphans->empty() && g_orphan_goal <= rd) orphans.swap(*g_orphans);
    g_orphan_count.store(g_orphans->size(), std::memory_order_relaxed);
  }
  for (const Item& it : orphans) it.free_fn(it.p);
  if (q != nullptr) {
    free_prefix(q->items, rd);
    // Poll again after as many new items again as are left (at least a
    // batch): a thread that cannot free for a while (a long dealloc chain
    // with no quiescent point) polls O(log n) times, not O(n).
    q->poll_at = q->items.size() + std::max(kPollBatch, q->items.size());
  }
}

void push_orphans(std::vector<Item>& items) {
  if (items.empty()) return;
  locking::MutexLock lock(g_mu);
  for (const Item& it : items) g_orphan_goal = std::max(g_orphan_goal, it.goal);
  g_orphans->insert(g_orphans->end(), items.begin(), items.end());
  g_orphan_count.store(g_orphans->size(), std::memory_order_relaxed);
  items.clear();
}

}  // namespace

void qsbr_free(void* p, void (*free_fn)(void*)) {
  if (p == nullptr) return;
  if (!qsbr_deferring()) {
    free_fn(p);
    return;
  }
  QThread* q = t_q;
  if (CONCH_UNLIKELY(q == nullptr)) {
    // A thread that never registered (or has exited): hand it to the orphans.
    std::vector<Item> one{{p, free_fn, goal_for(nullptr)}};
    push_orphans(one);
    return;
  }
  q->items.push_back({p, free_fn, goal_for(q)});
  if (CONCH_UNLIKELY(q->items.size() >= q->poll_at)) poll(q);
}

void qsbr_quiescent() {
  QThread* q = t_q;
  if (q == nullptr) return;
  bool pending = !q->items.empty() || g_orphan_count.load(std::memory_order_relaxed) != 0;
  if (pending) advance_for(q);
  publish_seq(q, g_wr_seq.load(std::memory_order_acquire));
  if (pending) poll(q);
}

void qsbr_attach_thread(std::atomic<uint32_t>* breaker, uint32_t bit) {
  if (t_q != nullptr) return;
  auto* q = new QThread;
  q->breaker = breaker;
  q->bit = bit;
  {
    locking::MutexLock lock(g_mu);
    q->next = g_threads;
    if (g_threads != nullptr) g_threads->prev = q;
    g_threads = q;
  }
  t_q = q;
  publish_seq(q, g_wr_seq.load(std::memory_order_acquire));
}

void qsbr_detach_thread() {
  QThread* q = t_q;
  if (q == nullptr) return;
  q->seq.store(kOffline, std::memory_order_release);
  if (!q->items.empty()) poll(q);
  t_q = nullptr;
  push_orphans(q->items);
  {
    locking::MutexLock lock(g_mu);
    if (q->prev != nullptr) q->prev->next = q->next; else g_threads = q->next;
    if (q->next != nullptr) q->next->prev = q->prev;
  }
  delete q;
}

void qsbr_offline() {
  QThread* q = t_q;
  if (q == nullptr) return;
  q->seq.store(kOffline, std::memory_order_release);
}

void qsbr_online() {
  QThread* q = t_q;
  if (q == nullptr) return;
  // A good moment to free: this thread holds nothing yet.
  bool pending = q->items.size() >= kPollBatch;
  if (pending) advance_for(q);
  publish_seq(q, g_wr_seq.load(std::memory_order_acquire));
  if (pending) poll(q);
}

void qsbr_enable_deferral() { g_qsbr_deferring.store(true, std::memory_order_release); }

size_t qsbr_pending_count() {
  QThread* q = t_q;
  return q != nullptr ? q->items.size() : 0;
}

void qsbr_poll() { poll(t_q); }

#else  // GIL build: every thread touches objects under the GIL.

void qsbr_free(void* p, void (*free_fn)(void*)) {
  if (p != nullptr) free_fn(p);
}
void qsbr_quiescent() {}
void qsbr_attach_thread(std::atomic<uint32_t>*, uint32_t) {}
void qsbr_detach_thread() {}
void qsbr_offline() {}
void qsbr_online() {}
void qsbr_enable_deferral() {}
size_t qsbr_pending_count() { return 0; }
void qsbr_poll() {}

#endif

}  // namespace conch::gc
