// The pre-header of tracked objects and the lists they sit on
// (gc/collector.h explains the design).  Internal to gc/: alloc.cc links and
// unlinks, collector.cc walks and hands lists over.
//
// Who writes what
//   Link::prev/next  an EXCLUSIVE list's (below) by its owner thread alone,
//                    without the lock; a SHARED list's under its lock.
//   Link::list       as prev/next (link, unlink), and the orphan hand-over
//                    under both locks; read without a lock by a thread that
//                    is about to lock it (it re-checks after locking: see
//                    lock_list_of in alloc.cc).
//   Link::gc_refs    only by the collector, with the world stopped.
//   Link::flags      kCollecting/kReachable only by the collector with the
//                    world stopped; kFinalized by whoever runs __del__,
//                    kUntracked by untrack() (atomic or, so none loses
//                    another's bits).
//
// Exclusive lists (free-threaded build).  Locking a thread's own list on
// every allocation and free of a container cost two locked instructions
// each (4 per object lifetime, ~20 ns): the largest single-thread cost of
// the ft build on allocation-heavy code.  So while a thread is attached
// (running Python; vm/gil.cc calls tracked_list_attach/detach) its list is
// EXCLUSIVE: only the owner links and unlinks there, with plain stores and
// no lock.  Every other thread that frees an object on it cannot unlink it:
// under the list's lock it pushes the Link on `remote` (the object's
// dealloc has run; its memory stays until unlinked) and the owner unlinks
// and frees those at its next tracked allocation or when it detaches; a
// remote untrack() only sets kUntracked (the object leaves the collector's
// view; it is unlinked when freed).  When the thread detaches (any blocking
// wait, a stop-the-world pause, exit) the list turns SHARED again: the owner
// takes the lock, drains `remote` and clears `exclusive`, so every list a
// collector walks with the world stopped is either shared or owned by a
// thread parked at a safe point (not inside a list operation).  Threads
// that never attach (C++ test threads) keep their list shared: the old
// locked path.
#pragma once

#include <atomic>
#include <cstdint>

#include "base/config.h"
#include "gc/header.h"
#include "locking/byte_mutex.h"

namespace conch::gc {

struct TrackedList;

struct Link {
  Link* prev;
  Link* next;
  // The list the object is on; null once untracked (and in a list's sentinel).
  std::atomic<TrackedList*> list;
  // Valid only inside a collection.  32 bits keep the Link at 32 bytes; a
  // count above INT32_MAX is clamped, which can only keep an object alive.
  int32_t gc_refs;
  std::atomic<uint32_t> flags;
};
static_assert(sizeof(Link) == 32, "a Link is CPython's PyGC_Head size");
static_assert(sizeof(Link) % 16 == 0, "objects after a Link keep malloc's alignment");

enum LinkFlags : uint32_t {
  kCollecting = 1u << 0,  // in the set the running collection examines
  kReachable = 1u << 1,   // found reachable in this collection
  kFinalized = 1u << 2,   // __del__ has run (PEP 442: at most once)
  kUntracked = 1u << 3,   // untrack()ed but still linked (another thread's exclusive list)
};

inline Link* link_of(Header* h) { return reinterpret_cast<Link*>(h) - 1; }
inline Header* header_of(Link* l) { return reinterpret_cast<Header*>(l + 1); }

// The lock of one tracked list.  Free-threaded build: a 1-byte mutex taken
// with lock(), never lock_detaching(): nothing blocks or reaches a safe point
// while holding it, so a thread waiting for it is never what a stop-the-world
// waits for.  GIL build: every list operation holds the GIL; the lock
// compiles to nothing.
#if CONCH_FREE_THREADED
using ListLock = locking::ByteMutex;
#else
struct ListLock {
  void lock() {}
  void unlock() {}
};
#endif

// A doubly-linked list of tracked objects around a sentinel `head` (an empty
// list's head points at itself).  One per thread that allocated or freed a
// tracked object, plus the orphan list.  Never freed: a thread that read an
// object's `list` may still be about to lock it (see alloc.cc), so an exited
// thread's struct goes back to a pool for the next thread.
struct TrackedList {
  ListLock mu;
  // Exclusive mode (see the top of this file): set and cleared by the
  // owner under mu; while set, links change only by the owner, lock-free.
  bool exclusive = false;
  // Set (under mu) when `remote` is non-empty: the owner's cheap poll.
  std::atomic<bool> has_remote{false};
  Link head;
  std::atomic<int64_t> size{0};  // objects on the list; written with its links
  // Dead objects other threads freed while the list was exclusive, under
  // mu: a stack threaded through their Link::list fields (a queued Link is
  // off-limits to everyone but the drainer, and nothing else reads `list`
  // of a dead object), so queueing never allocates.
  Link* remote = nullptr;
  TrackedList() : head{&head, &head, {nullptr}, 0, {0}} {}
  TrackedList(const TrackedList&) = delete;
  TrackedList& operator=(const TrackedList&) = delete;
};

// Under l->mu: appends / removes.
inline void list_push(TrackedList* tl, Link* l) {
  Link* head = &tl->head;
  l->next = head;
  l->prev = head->prev;
  head->prev->next = l;
  head->prev = l;
  l->list.store(tl, std::memory_order_relaxed);
  tl->size.store(tl->size.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}
inline void list_remove(TrackedList* tl, Link* l) {
  l->prev->next = l->next;
  l->next->prev = l->prev;
  l->prev = l->next = nullptr;
  l->list.store(nullptr, std::memory_order_relaxed);
  tl->size.store(tl->size.load(std::memory_order_relaxed) - 1, std::memory_order_relaxed);
}

// ---------------------------------------------------------------------------
// Per-thread state (collector.cc).

// The calling thread's list, created (or taken from the pool) on first use;
// null after the thread's gc state was torn down (on_thread_exit), when its
// new objects go straight to the orphan list.
TrackedList* this_thread_list();
TrackedList* orphan_list();

// The calling thread's list while it is exclusive (see the top), else null.
// initial-exec: one %fs-relative load on the allocation fast path.
extern constinit thread_local TrackedList* t_exclusive_list
    __attribute__((tls_model("initial-exec")));
// alloc.cc: unlinks and frees what other threads queued on `tl`.  The
// caller holds tl->mu and may change tl's links (it is the owner, or tl's
// owner is stopped at a safe point).
void drain_remote_frees(TrackedList* tl);

// Allocation accounting for automatic collection: the calling thread's net
// count, flushed to the global count every few dozen operations.
void note_tracked_alloc();
void note_tracked_free();

// alloc.cc: drops the calling thread's tracked-object heap (on_thread_exit).
void release_thread_heap();

}  // namespace conch::gc
