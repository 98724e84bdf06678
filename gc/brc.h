// Biased reference counting: thread ids, the per-thread merge queues, and
// the objects that are shared by design.  The counting itself is inline in
// gc/header.h; this is its out-of-line half (CPython: Python/brc.c).
//
// Thread ids.  An object's owner is a thread id: a number from a global
// counter (1, 2, 3 ...; never reused, 0 means "no owner / merged"), kept in
// an initial-exec thread_local word (header.h: t_brc_tid) so the owner test
// on every incref/decref is one %fs-relative load and a compare.  A thread
// gets its id lazily, at its first allocation or at brc_attach_thread, and
// is entered in the queue table at the same moment (under the bucket lock),
// so there is never a live owner that the table does not know.  Ids are
// never reused, so the question "what if a new thread gets a dead thread's
// id" does not arise.  (With reused ids, e.g. the address of a thread_local,
// it would still be sound in the steady state -- the dead owner never touches
// its objects again, so the newcomer would simply be the one non-atomic
// writer -- but a thread could then use an object before registering while
// an enqueuer, not finding it, merges the same object: a lost count.  A
// counter costs nothing on the fast path and closes that window.)
//
// Queues.  Each registered thread has a queue of objects whose shared count
// went negative (header.h explains when an object is queued); the queue
// holds one reference to each.  Threads live in a small hash table keyed by
// id: a fixed array of buckets, each a locking::Mutex and a list.  Enqueue
// (another thread): lock the owner's bucket; if the owner is registered,
// push the object and set the owner's merge bit on its eval breaker (vm
// registers the breaker word: brc_attach_thread); if the owner has exited,
// merge the counts right there (safe: a dead owner never writes its local
// counts again) and free the object if the total is zero.
// Merging (the owner): at its next eval-breaker check (vm/gil.cc calls
// brc_merge_pending), at thread exit (brc_detach_thread), and for every
// thread at once while the world is stopped (brc_merge_all, the collector).
// A thread with no breaker registered (a C++ thread that never ran Python)
// merges only when it calls brc_merge_pending or exits, or at a collection.
//
// Thread exit (brc_detach_thread): merge the queue until it is empty, then
// leave the table in the same locked step, then set the thread's id to
// kTidExited: from then on the thread is a non-owner to every object
// (its later increfs/decrefs are atomic and correct), and objects it
// allocates are created already merged (owner 0).  Objects it still owns
// keep their local counts: other threads' decrefs drive their shared count
// negative, the enqueuer finds no owner and merges them itself.
//
// Freeing after a merge needs the type's dealloc, which gc/ does not know:
// vm/ installs it (brc_set_dealloc) at start-up.
//
// The GIL build has no owners and no queues: these functions are no-ops
// there (brc_merge_all returns nothing, mark_shared_by_design does nothing).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gc/header.h"

namespace conch::gc {

// Frees an object whose count reached zero in a merge (vm: runs the type's
// dealloc).  Returns the previous hook (tests chain to it).
using BrcDeallocHook = void (*)(Header* h);
BrcDeallocHook brc_set_dealloc(BrcDeallocHook hook);

// The calling thread starts running Python: `breaker` is its eval-breaker
// word, `bit` the bit to set there when objects are queued to it.  The
// breaker must stay valid until brc_detach_thread.  Gives the thread its id
// if it has none.
void brc_attach_thread(std::atomic<uint32_t>* breaker, uint32_t bit);
// The calling thread is exiting: merges what is queued to it, leaves the
// table.  After it the thread must not rely on owning anything (it owns
// nothing).  Called by vm's thread detach; a thread that never calls it is
// detached by a thread_local destructor at exit.
void brc_detach_thread();
// The owner merges its queue (eval-breaker bit; any safe point).  Frees the
// objects whose total reaches zero, so it may run arbitrary deallocs.
void brc_merge_pending();
// With the world stopped (no thread running Python, e.g. the collector
// before it computes gc_refs): merges every thread's queue, so refcount()
// is exact for every object afterwards.  Frees nothing (a dealloc must not
// run while the world is stopped): an object whose total would reach zero
// keeps the queue's reference, which moves to *to_release; the caller drops
// each with a decref after restarting the world.  to_release may be null
// only when the caller knows nothing can reach zero (tests).
void brc_merge_all(std::vector<Header*>* to_release);
// Objects queued to the calling thread and not yet merged (tests, stats).
size_t brc_pending_count();

#if CONCH_FREE_THREADED
inline bool brc_is_merged(const Header* h) {
  return (h->shared_refcount.load(std::memory_order_relaxed) & kSharedFlagMask) == kSharedMerged;
}
inline bool brc_is_queued(const Header* h) {
  return (h->shared_refcount.load(std::memory_order_relaxed) & kSharedFlagMask) == kSharedQueued;
}
#endif

// ---------------------------------------------------------------------------
// Objects shared by design: module-level functions, classes (heap types),
// code objects, modules and module dicts.  Every thread that calls a
// module-level function increfs and decrefs it (and its code, its globals);
// with biased counting all but the owner would hammer one atomic shared
// count, the contention that stopped CPython 3.13t from scaling.
//
// Choice (CPython 3.13's): creation sites flag these objects
// (mark_shared_by_design).  While the process has only ever run one Python
// thread they are counted normally (owner fast path, freed as usual).  When
// the first other Python thread is about to start, the parent calls
// immortalize_shared_by_design(): every flagged object still alive becomes
// immortal, and flagged objects created afterwards are immortal from birth.
// Immortal objects cost nothing per call in any thread.
//
// Cost: memory.  In a program that has started threads, such an object and
// everything it references (a function's defaults and closure, a class's
// dict and methods) stay until exit, even when the program drops them (a
// class created per call in a loop is never freed).  Why not 3.14's
// deferred + per-thread counts: that needs the eval loop to push untracked
// stack references and the collector to scan frames, a much larger change;
// immortalization is local to the creation sites and this file, and its
// cost is bounded by the code the program defines, not by what it computes.
// The debug build's live count: immortalizing removes the object itself
// from the count (immortalize_allocated), and kept_by_shared_by_design()
// counts what they keep alive so the exit leak check can discount it.
//
// Thread safety: immortalize_shared_by_design must run while only the
// calling thread runs Python (the first thread start: the parent, before
// the child exists), because it rewrites counts the owner updates without
// atomics.  mark_shared_by_design is called on a fresh object by its
// creator.
void mark_shared_by_design(Header* h);
void immortalize_shared_by_design();
// True once immortalize_shared_by_design has run.
bool shared_by_design_immortalized();
// alloc.cc: a flagged object is being freed (before immortalization).
void forget_shared_by_design(Header* h);
// Objects that are not immortal and are reachable from the immortalized
// shared-by-design objects (through the collector's traverse, gc/collector.h
// TypeOps).  Only meaningful with one thread left (exit-time leak check).
int64_t kept_by_shared_by_design();

}  // namespace conch::gc
