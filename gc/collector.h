// The cycle collector: finds groups of container objects that only reference
// each other (reference cycles no refcount ever frees) and breaks them.
//
// Layering: gc/ knows headers and memory, not types.  vm/ registers a small
// vtable (TypeOps) at start-up; every question about an object's contents
// (what does it reference, how is it cleared, does it have __del__) goes
// through it.  The algorithm is CPython's (Modules/gcmodule.c):
//   1. gc_refs = refcount for every tracked object;
//   2. traverse every object, subtracting 1 from gc_refs of each tracked
//      object it references: what stays > 0 is referenced from outside the
//      tracked set (a C local, a static, an untracked object) -- a root;
//   3. everything reachable from a root is alive, the rest is garbage;
//   4. PEP 442: hold a reference to all garbage, call each finalizer that
//      has not run yet (at most once per object, the kFinalized bit), then
//      repeat 1-3 on the garbage alone: objects a finalizer made reachable
//      again (resurrected) are dropped from the garbage;
//   5. call clear() on each remaining garbage object (breaks the cycles),
//      then drop the held references, which frees them.
// One generation (no young/old split).  Automatic collection is scheduled
// when the net count of tracked allocations since the last collection
// exceeds threshold0 (700, CPython's gen0 default) AND a quarter of the
// tracked objects that survived the last collection -- the second condition
// is CPython 3.13 free-threaded's rule; it keeps a program with a large live
// heap from paying a full collection every 700 allocations (quadratic).
//
// Tracking.  Every object allocated with allocate_tracked() (vm/ asks for it
// when the type has kTypeHaveGC) is preceded by a Link (32 bytes, like
// CPython's PyGC_Head) and sits on a tracked list from allocation until
// free_tracked() or untrack().  Tracking from allocation on (not after init,
// as CPython's PyObject_GC_Track) is safe because a collection never runs
// inside allocation: traverse functions must accept a zeroed object.
//
// Why lists, and per thread.  DESIGN.md planned for the free-threaded
// collector to find objects by walking mimalloc heaps, as CPython 3.13t
// does.  Debian's mimalloc 2.0.9 cannot: blocks left by a thread that has
// exited sit in abandoned segments that no heap walk visits (0 of 50 blocks
// found in the experiment), and CPython only gets around that by patching
// its vendored copy.  Of the two ways out -- heap walking plus an orphan
// set the exiting thread fills, or tracked lists instead of heap walking --
// conch keeps lists, in both builds:
//   * one source of truth: a walk that must be completed by a second set
//     for dead threads' blocks is two mechanisms to keep consistent, and
//     filling the orphan set at exit is itself a heap walk of the dying
//     thread (O(its blocks), including every non-container);
//   * it works with any allocator (the system-malloc knob, the TSan preset),
//     not only with mimalloc;
//   * it is what the GIL build already did, so both builds run one
//     collector, tested once.
// The price is the Link (32 bytes per container, which PEP 703 saves).  A
// thread running Python links and unlinks its own objects without a lock
// (an "exclusive" list, gc/link.h); freeing another thread's object takes
// that list's lock.
//
// One list per thread, so allocation never contends: a thread links its new
// objects into its own list (while it runs Python, without a lock; else
// under that list's 1-byte mutex; in the GIL build no lock at all).  Any
// thread may free an object: it unlinks it under the lock of the list the
// object is on (Link::list), or, when that list is another thread's
// exclusive one, queues it there for the owner to unlink (link.h) -- the
// only contended case.  When a thread exits
// (vm/gil.cc's detach calls on_thread_exit(); a thread_local destructor
// covers threads that never attach) its objects are re-pointed and spliced
// onto one orphan list, where later collections find them: a cycle built by
// a finished thread is collected like any other.  List structs are never
// freed, only pooled for the next thread, so a freeing thread holding a
// stale Link::list locks a valid lock, notices, and retries (alloc.cc).
//
// Invariants and ownership
//   * An object is on exactly one list (a live thread's or the orphans')
//     iff it was allocated by allocate_tracked and not yet passed to untrack
//     or free_tracked; Link::list names that list.  Two transient
//     exceptions on another thread's exclusive list (link.h): a freed object
//     waits on its `remote` stack until the owner unlinks it, and an
//     untrack()ed one stays linked with kUntracked (no walk returns it).  Only alloc.cc links and
//     unlinks; only on_thread_exit moves objects between lists (thread to
//     orphans, never back).
//   * Only collect() reads gc_refs and the kCollecting/kReachable flags, with
//     the world stopped, and it clears them before restarting it.
//     kFinalized is set by mark_finalized (vm/, when __del__ runs) and is
//     never cleared.
//   * collect(): one at a time (a mutex; a second explicit caller waits,
//     detached; an automatic one skips).  Steps 1-3 run with the world
//     stopped (locking::stop_the_world()), after merging the threads' biased
//     refcount queues, so gc::refcount() is the true total and nobody
//     changes counts or containers under the analysis.  The world restarts
//     before finalizers, clear() and deallocs run: they are Python code and
//     may block on locks that stopped threads hold (CPython's
//     gc_free_threading.c does the same).  The resurrection check after
//     finalizers stops the world again.  Garbage stays safe while the world
//     runs because the collector holds a reference to each object and no
//     other thread can reach it.
//   * vm/ calls collect() at safe points only (gc.collect(), the eval
//     breaker, runtime_fini), never from inside allocation, so native code
//     holding borrowed pointers is never surprised by a finalizer.
//   * Objects whose refcount is 0 but still on a list are in the middle of
//     their dealloc (a __del__ or a nested dealloc ran code); they are
//     treated as roots and left to their dealloc.
//   * Immortal objects are roots (never garbage).
//   * Automatic scheduling counts net tracked allocations per thread (owner
//     writes, relaxed atomics) and flushes each thread's count into a global
//     atomic every few dozen operations; the flush checks the threshold.
//     gc.get_count() sums the global and every thread's unflushed count.
//     Deadlock note: a finalizer that waits for a thread which is itself
//     waiting in gc.collect() deadlocks (the waiter needs our mutex).
#pragma once

#include <cstddef>
#include <cstdint>

#include "gc/header.h"

namespace conch::gc {

using Visit = int (*)(Header* target, void* arg);

// The vtable vm/ registers (set_type_ops) before any collection.
struct TypeOps {
  // True when `h` is an object allocated by allocate_tracked (it has a Link).
  bool (*is_tracked)(Header* h);
  // Calls visit(target, arg) on every object `h` holds a reference to.
  int (*traverse)(Header* h, Visit visit, void* arg);
  // Drops the references `h` holds (the type's clear slot); may be absent.
  void (*clear)(Header* h);
  // True when `h` has a finalizer (__del__) that has not run yet.
  bool (*has_finalizer)(Header* h);
  // Runs the finalizer (vm/ marks it finalized first).
  void (*finalize)(Header* h);
  // Drops one reference, running dealloc when it was the last.
  void (*decref)(Header* h);
};
void set_type_ops(const TypeOps& ops);
// The registered vtable (gc/brc.cc walks from shared-by-design objects).
const TypeOps& type_ops();

// Allocation of tracked objects (alloc.cc): zeroed, header initialised,
// linked on the tracked list.
Header* allocate_tracked(size_t size);
// Unlinks (when still linked) and frees an object from allocate_tracked.
void free_tracked(Header* h);
// Takes an object from allocate_tracked off the list for good: the
// collector will neither examine it nor count references it holds
// (CPython's PyObject_GC_UnTrack).  For containers whose contents break the
// refcount/traverse agreement, e.g. a heap type's MRO tuple, whose item 0
// is the type held without a reference (vm/heaptype.cc).  Such an object
// then counts as an outside reference to everything it holds; its owner's
// traverse must visit those instead.
void untrack(Header* h);
// False after untrack().
bool is_tracked(Header* h);

// Runs a full collection.  Returns the number of unreachable objects found
// (as CPython's gc.collect(): counted before finalizers run, so resurrected
// objects are included).  Returns 0 at once when this thread is already
// collecting (a finalizer called gc.collect()).  When another thread is
// collecting, kWait (gc.collect()) waits for it and then runs its own, so
// every cycle unreachable at the call is gone on return; kIfIdle (automatic
// collection) returns 0.
enum class CollectMode { kWait, kIfIdle };
int64_t collect(CollectMode mode = CollectMode::kWait);

// The calling thread is ending: its tracked list goes to the orphan list
// and its tracked-object heap is released.  vm/gil.cc calls it while the
// thread is still attached; idempotent; later allocations by the thread go
// to the orphan list.
void on_thread_exit();

// The calling thread attached / is about to detach (vm/gil.cc's seam): its
// tracked list turns exclusive -- the thread links and unlinks its own
// objects without the list's lock -- and back to shared (gc/link.h says
// why this is safe).  No-ops in the GIL build and after on_thread_exit.
void tracked_list_attach();
void tracked_list_detach();

// Enabling only affects automatic collection (gc.enable/disable).
void set_enabled(bool on);
bool is_enabled();

// Thresholds as gc.set_threshold(t0, t1, t2): only t0 is used; t0 == 0
// disables automatic collection (as CPython).
void set_threshold(int64_t t0, int64_t t1, int64_t t2);
void get_threshold(int64_t out[3]);
// Net tracked allocations since the last collection: the global count plus
// every thread's unflushed one.  Negative when more tracked objects were
// freed than allocated since (gc.get_count() shows 0 then, as CPython).
int64_t allocation_count();
// Objects currently on tracked lists (all threads' and the orphans').
int64_t tracked_count();
// Objects on the orphan list (those of exited threads) / on the calling
// thread's own list.  For tests.
int64_t orphaned_count();
int64_t this_thread_tracked_count();
bool collecting();

// Called (from allocation) when automatic collection is due; vm/ installs a
// hook that sets a bit on the current thread's eval breaker so collection
// runs at the next safe point.  Called once per crossing.
void set_schedule_hook(void (*hook)());
// The safe point's check: true when a collection is due and allowed.
bool collection_due();

// The PEP 442 "finalizer has run" bit (tracked objects only).
bool is_finalized(Header* h);
void mark_finalized(Header* h);

// Calls fn(h, arg) for every tracked object (gc.get_objects()), with the
// world stopped: fn must not allocate, free, block or run Python code.
void for_each_tracked(void (*fn)(Header* h, void* arg), void* arg);

}  // namespace conch::gc
