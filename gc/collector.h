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
// CPython's PyGC_Head) and sits on ONE doubly-linked list from allocation
// until free_tracked().  Tracking from allocation on (not after init, as
// CPython's PyObject_GC_Track) is safe because a collection never runs
// inside allocation: traverse functions must accept a zeroed object.
//
// Both builds use this list.  The free-threaded build was meant to walk
// mimalloc heaps, but Debian's mimalloc 2.0.9 cannot see blocks of threads
// that have exited (abandoned segments; DESIGN.md "Memory"), so a cycle
// built by a finished thread would never be collected.  The list sees
// every tracked object regardless of which thread made it or whether that
// thread is alive.  In the free-threaded build link/unlink take g_list_mu
// (a plain mutex: allocation of containers is not the hot path of the
// refcount work).  Per-thread lists merged under stop-the-world can replace
// the single lock later without changing this interface.
//
// Invariants and ownership
//   * An object is on the list iff it was allocated by allocate_tracked and
//     not yet passed to untrack or free_tracked.  Only alloc.cc links/unlinks (under
//     g_list_mu in the free-threaded build); only collect() reads gc_refs
//     and the kCollecting/kReachable flags, and it clears them before
//     returning.  kFinalized is set by mark_finalized (vm/, when __del__
//     runs) and is never cleared.
//   * collect() runs with the world stopped: in both builds today that is
//     the GIL (the free-threaded build runs with the GIL on by default);
//     locking::stop_the_world()/start_the_world() are called around the
//     analysis and are no-ops until the free-threaded issue implements them.
//     collect() must be called holding the GIL, at a safe point (vm/ calls
//     it from gc.collect() and from the eval breaker, never from inside
//     allocation, so native code holding borrowed pointers is never
//     surprised by a finalizer).
//   * Objects whose refcount is 0 but still on the list are in the middle
//     of their dealloc (a __del__ or a nested dealloc ran code); they are
//     treated as roots and left to their dealloc.
//   * Immortal objects are roots (never garbage).
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
// objects are included).  Returns 0 at once when a collection is already
// running (a finalizer called gc.collect()).
int64_t collect();

// Enabling only affects automatic collection (gc.enable/disable).
void set_enabled(bool on);
bool is_enabled();

// Thresholds as gc.set_threshold(t0, t1, t2): only t0 is used; t0 == 0
// disables automatic collection (as CPython).
void set_threshold(int64_t t0, int64_t t1, int64_t t2);
void get_threshold(int64_t out[3]);
// Net tracked allocations since the last collection (gc.get_count()[0]).
int64_t allocation_count();
// Objects currently on the tracked list.
int64_t tracked_count();
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

// Calls fn(h, arg) for every tracked object (gc.get_objects()); fn must not
// allocate or free tracked objects.
void for_each_tracked(void (*fn)(Header* h, void* arg), void* arg);

}  // namespace conch::gc
