// Quiescent-state-based reclamation (QSBR): delayed frees for memory that
// other threads may still be reading without a lock.
//
// Why: in the free-threaded build readers of a list's item array (and of
// object memory reached through it) take no lock.  A writer that replaces the
// array, or drops the last reference to an object, cannot free the memory at
// once: a reader may have loaded the old pointer a moment ago.  It hands the
// memory to qsbr_free instead, and the memory is freed once every thread
// that runs Python has passed a quiescent state -- a point where it holds no
// pointer into container internals that it loaded without a lock.
//
// Scheme (CPython's Python/qsbr.c, simplified):
//   * a global write sequence wr_seq, starting at 1, advanced by 2;
//   * every registered thread publishes the wr_seq it last observed at a
//     quiescent state (its read sequence), or 0 while it is detached (blocked,
//     parked, exited: it holds nothing, so it never delays anyone);
//   * qsbr_free records (p, free_fn, goal) on the calling thread's own list,
//     where goal is a wr_seq value: p may be freed once every attached
//     thread's read sequence is >= goal.  Only every kAdvanceEvery-th free
//     advances wr_seq (a global atomic add); the others take "current + 2",
//     the value the next advance will produce, so there is no per-free
//     global atomic;
//   * the owner processes its list in batches (at a quiescent point, when
//     the list is long): it computes the minimum read sequence of the
//     attached threads and frees every item whose goal is reached.  When
//     items are stuck behind a thread that has not reported, it sets that
//     thread's request bit on its eval breaker (qsbr_attach_thread), so
//     threads running Python report only when someone waits for them.
// Quiescent points (vm/gil.cc): the eval breaker when the request bit is
// set, every detach (gil_release), and thread exit.  Items a thread still
// holds when it exits move to a global orphan list that the next poller
// frees.
//
// Memory ordering: a writer unpublishes the pointer (release store), then
// takes a goal (a seq_cst RMW or a load of wr_seq after it).  A reader
// reports quiescence with a release store of the wr_seq it loaded (acquire);
// the poller loads read sequences with acquire.  So a reader's accesses
// before its report happen-before the free, and after the report it loads
// the new pointer.
//
// GIL build: every Python thread holds the GIL whenever it touches objects,
// so qsbr_free frees at once.  Free-threaded build: qsbr_free frees at once
// until the first second Python thread is about to start
// (qsbr_enable_deferral, called by vm/gil.cc / the thread module before the
// child exists); from then on frees are deferred.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "base/config.h"

namespace conch::gc {

// Frees p with free_fn once every attached thread has passed a quiescent
// state after this call.  GIL build (and ft before any second thread
// starts): frees at once.  p may be null (nothing happens).
void qsbr_free(void* p, void (*free_fn)(void*));

// The calling thread is at a safe point holding no borrowed container
// internals: reports a quiescent state and frees what it can of its own
// deferred items.  Cheap when nothing is pending.
void qsbr_quiescent();

// --- Life cycle (vm/gil.cc) ------------------------------------------------

// The calling thread starts running Python.  `breaker`/`bit`: where to ask
// it to report a quiescent state (its eval breaker word and the bit vm
// reserves for this); the breaker must stay valid until qsbr_detach_thread.
void qsbr_attach_thread(std::atomic<uint32_t>* breaker, uint32_t bit);
// The calling thread exits: reports, frees what it can, hands the rest to
// the orphan list, unregisters.
void qsbr_detach_thread();
// The calling thread stops running Python for a while (blocking wait):
// it no longer delays reclamation.  qsbr_online() undoes it.
void qsbr_offline();
void qsbr_online();

// Called once, before the first second Python thread exists: from now on
// qsbr_free defers (free-threaded build only; no-op in the GIL build).
void qsbr_enable_deferral();
// True once qsbr_enable_deferral ran (ft build): frees of shared memory must
// be deferred.  Inline: alloc.cc tests it on every object free.
#if CONCH_FREE_THREADED
extern std::atomic<bool> g_qsbr_deferring;
inline bool qsbr_deferring() { return g_qsbr_deferring.load(std::memory_order_relaxed); }
#else
constexpr bool qsbr_deferring() { return false; }
#endif

// Containers read without their lock (vm/types/list.h) re-check what they
// read only in the free-threaded build; in the GIL build every reader holds
// the GIL.
inline constexpr bool kLockFreeReads = CONCH_FREE_THREADED != 0;

// Tests and stats: items the calling thread has deferred and not yet freed;
// frees everything whose goal is reached (poll now).
size_t qsbr_pending_count();
void qsbr_poll();

}  // namespace conch::gc
