// Deferred reference counting for shared globals (free-threaded build).
//
// The problem.  Worker threads that read the same module-level value (a
// dict, a list, an instance) through LOAD_GLOBAL are non-owners of it: with
// biased counting each read is an atomic increment of its shared count and
// the consumer's decref another, so two threads bounce one cache line per
// global read (session 3's perf: 17% on that line, brc_decref_shared 7-15%).
// Functions, classes and modules are immortal once a second thread exists
// (gc/brc.h), but values bound to globals cannot be: globals are rebound and
// the old value must die eventually.
//
// The design (CPython 3.14t's idea, our own mechanics).
//   * A deferred object carries kFlagDeferred in Header::flags (an atomic
//     uint16_t, read relaxed by every thread) and a huge bias in its shared
//     count (kDeferredBias), so its counts never reach zero: refcounting
//     alone never frees it.
//   * A non-owner's incref/decref/try_incref of a deferred object adds +-1 to
//     a small table private to the thread (direct-mapped, pointer -> signed
//     count): no atomic, no shared cache line.  A collision evicts the old
//     entry by adding its count to that object's shared count with one
//     atomic (always valid: the bias keeps the total positive).  The owner
//     keeps its non-atomic local fast path unchanged.
//   * Who defers (defer_shared_read below): vm's LOAD_GLOBAL cache hit, when
//     the value is a GC-tracked container or instance, and an instance
//     __dict__ read through a deferred instance (vm/instance_slots.h); in
//     both cases only when the object is not immortal, not owned by the
//     reading thread, and a second thread has started
//     (shared_by_design_immortalized()).
//     Single-threaded programs never defer: `x = Foo(); x = None` still runs
//     __del__ at once.  defer() sets the flag with fetch_or, so exactly one
//     thread adds the bias, and records the object in a registry.
//   * Who un-defers: the cycle collector, with the world stopped, after the
//     BRC queues merged (deferred_merge_all): every thread's table is folded
//     into the shared counts and cleared, then every registered object loses
//     the bias and the flag and is left merged (owner 0, count in the shared
//     word, as brc's explicit_merge does): its count is exact again and the
//     collection proceeds as usual.  An object whose exact total is zero (a
//     rebound global's old value) keeps one reference that moves to the
//     caller's to_release list; the collector drops it once the world runs,
//     which frees it.  So a rebound global's old value dies at the next
//     collection, as in CPython 3.14t (deferred objects die only in GC).
//     The next non-owner read defers it again.
//   * A thread that exits (brc_detach_thread) folds its table into the
//     shared counts and stops using one; from then on its operations on
//     deferred objects go straight to the shared count (atomic, correct).
//
// Why not CPython 3.13t's per-thread refcounts (unique ids + per-thread
// arrays, used there for heap types and code): that needs a unique-id
// allocator, a slot in every object and a per-thread array indexed by id;
// our tables are keyed by address and bounded (no growth, no id reuse
// protocol), and ids would only pay off for objects every call touches,
// which here are already immortal.  Why not 3.14t's deferred stack
// references (LOAD_GLOBAL pushes an uncounted reference and the collector
// scans frames): it changes every stack slot of the eval loop.  The table
// keeps the eval loop's reference discipline intact; its cost is one
// thread-local probe instead of a contended atomic.
//
// Invariants
//   * Deferred => not immortal, shared count >= kDeferredBias - (what the
//     tables and evictions subtracted), never zero: nobody frees it.
//   * Table entries only name deferred objects; tables are emptied (under
//     the world stop) before any object loses the bias, so an entry never
//     outlives its object.
//   * Tables are written only by their thread; read and cleared by the
//     collector with the world stopped, or by their thread at exit, both
//     under g_tables_mu (so an exit flush never overlaps a merge).
//   * refcount() subtracts the bias (sys.getrefcount stays plausible; it
//     does not see other threads' unflushed table counts).
//
// The GIL build has none of this: every function here is a no-op.
#pragma once

#include <cstdint>
#include <vector>

#include "base/macros.h"
#include "gc/header.h"

namespace conch::gc {

#if CONCH_FREE_THREADED

// The per-thread table and deferred_add (the inline fast path) live in
// gc/header.h, next to incref/release which call them.

// Makes h deferred (idempotent; racing callers add the bias once).  The
// caller holds a reference to h, and h is neither immortal nor owned by the
// calling thread.
void defer(Header* h);

// The collector, world stopped, after brc_merge_all: folds every table,
// un-defers every object (see above).  Objects whose total is zero are
// appended to *to_release holding one reference each.
void deferred_merge_all(std::vector<Header*>* to_release);

// The calling thread is exiting: folds its table and stops using one.
void deferred_thread_exit();

// Tests and stats: objects currently deferred; the calling thread's table
// count for h (0 when absent).
size_t deferred_count();
intptr_t deferred_table_count(const Header* h);

#else

inline void defer(Header*) {}
inline void deferred_merge_all(std::vector<Header*>*) {}
inline void deferred_thread_exit() {}
inline size_t deferred_count() { return 0; }
inline intptr_t deferred_table_count(const Header*) { return 0; }

#endif

// Everything but the owner test: h may be deferred (not immortal, not
// already deferred, and the process has started a second thread).  The
// caller adds its own test of the object's kind.
bool deferral_allowed();

// The policy's one entry point: h was just referenced (the reference in the
// shared word) by a thread that reads what every thread reads -- a global
// (vm's LOAD_GLOBAL), the __dict__ of a deferred instance.  Makes it
// deferred unless this thread owns it (every single-threaded program leaves
// at this first test; in the GIL build it always does), it is deferred or
// immortal already, or no second thread has started.
CONCH_ALWAYS_INLINE void defer_shared_read(Header* h) {
  if (CONCH_LIKELY(is_owned_by_current_thread(h)) || is_deferred(h) || is_immortal(h)) return;
  if (deferral_allowed()) defer(h);
}

}  // namespace conch::gc
