// The pre-header of tracked objects and the lists they sit on
// (gc/collector.h explains the design).  Internal to gc/: alloc.cc links and
// unlinks, collector.cc walks and hands lists over.
//
// Who writes what
//   Link::prev/next  under the lock of the list the object is on.
//   Link::list       under that list's lock (link, unlink, orphan hand-over);
//                    read without it by a thread that is about to lock it
//                    (it re-checks after locking: see lock_list_of in alloc.cc).
//   Link::gc_refs    only by the collector, with the world stopped.
//   Link::flags      kCollecting/kReachable only by the collector with the
//                    world stopped; kFinalized by whoever runs __del__ (atomic
//                    or, so the two never lose each other's bits).
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
  Link head;
  std::atomic<int64_t> size{0};  // objects on the list; written under mu
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

// Allocation accounting for automatic collection: the calling thread's net
// count, flushed to the global count every few dozen operations.
void note_tracked_alloc();
void note_tracked_free();

// alloc.cc: drops the calling thread's tracked-object heap (on_thread_exit).
void release_thread_heap();

}  // namespace conch::gc
