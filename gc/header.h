// The object header and reference counting primitives.
//
// Every object starts with a gc::Header.  gc/ knows headers, counts and memory;
// it does not know types (vm/ puts the type pointer right after the header and
// runs the type's dealloc when release() says the count reached zero).
//
// Layout
//   GIL build            refcount (intptr_t, non-atomic; every access holds the GIL)
//   free-threaded build  PEP 703's layout (24 bytes):
//     owner_tid       the owning thread's id (gc/brc.h), 0 once merged
//     mutex           the object's 1-byte lock (locking/byte_mutex.h)
//     gc_bits         collector state
//     flags           HeaderFlags below; atomic (relaxed loads): other threads
//                     test kFlagDeferred on every incref/decref
//     local_refcount  the owner's count: only the owner writes it, but others
//                     read it (refcount(), the immortal test), so it is an
//                     atomic used with relaxed loads and stores, never an RMW
//     shared_refcount everyone else's count, atomic; (count << 2) | flag bits
//
// Biased reference counting (Choi, Shull, Torrellas, PACT 2018; PEP 703):
// the true count is local + shared.  The owner increments and decrements
// local with a plain load and store; other threads use atomic operations on
// shared, which may go negative (a reference the owner counted, dropped by
// another thread).  The states and transitions, as CPython's
// Objects/object.c:
//   * owner decref reaches local == 0: if shared is exactly 0 the object is
//     dead; otherwise the owner gives up ownership (owner_tid = 0), folds the
//     count into shared and sets kSharedMerged; from then on every thread
//     uses shared, and the thread that takes it to zero frees the object.
//   * non-owner decref of an unmerged object whose shared word is exactly 0
//     (count 0, no flags): instead of going to -1 it sets kSharedQueued and
//     hands its reference to the owner's queue (gc/brc.h); the owner merges
//     (drops that reference) at its next eval-breaker check, freeing the
//     object when the merged total is zero.  Later non-owner decrefs just
//     subtract (the count may sit below zero until the merge).
// Immortal objects (None, True, False, small ints, interned strings, static
// types, code constants) have local_refcount == kImmortalLocal in the
// free-threaded build and refcount >= kImmortal in the GIL build.  In the
// free-threaded build incref and release skip them, so they cause no writes
// at all; the GIL build counts them like any object (no test on the fast
// path) and relies on the count's distance from zero.
//
// The fast paths (immortal test, owner inc/dec, the first try of a shared
// operation) are inline; merging and queueing are out of line in gc/brc.cc.
// release() returns true when the caller must free the object.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "base/config.h"
#include "base/macros.h"

#if CONCH_FREE_THREADED
#include "locking/byte_mutex.h"
#endif

namespace conch::gc {

#if CONCH_FREE_THREADED
struct Header {
  std::atomic<uintptr_t> owner_tid;
  locking::ByteMutex mutex;
  uint8_t gc_bits;
  std::atomic<uint16_t> flags;
  std::atomic<uint32_t> local_refcount;
  std::atomic<intptr_t> shared_refcount;
};
static_assert(sizeof(Header) == 24);
inline constexpr uint32_t kImmortalLocal = 0xFFFFFFFFu;

// shared_refcount's low bits.  kSharedMerged includes the queued bit, as in
// CPython: a merged object is never queued again.
inline constexpr intptr_t kSharedShift = 2;
inline constexpr intptr_t kSharedOne = intptr_t{1} << kSharedShift;
inline constexpr intptr_t kSharedFlagMask = kSharedOne - 1;
// Left by a non-owner's decref that brings the count back to zero
// (brc_decref_shared) instead of an untouched 0: the object has been
// counted by another thread, so the owner's last decref must merge with a
// CAS instead of freeing on a plain load, and lock-free readers may take
// references to it (try_incref refuses an untouched 0).  CPython's
// _Py_REF_MAYBE_WEAKREF plays this role.  Only a thread that holds a
// reference, or a lock that keeps one alive, ever makes the word non-zero,
// so an object freed on a plain load of 0 can never be revived.
inline constexpr intptr_t kSharedMaybeShared = 1;
inline constexpr intptr_t kSharedQueued = 2;
inline constexpr intptr_t kSharedMerged = 3;

// Header::flags bits.
enum HeaderFlags : uint16_t {
  // Shared by design (module-level functions, classes, code objects,
  // modules and their dicts): see mark_shared_by_design in gc/brc.h.
  kFlagSharedByDesign = 1u << 0,
  // Deferred reference counting (gc/deferred_rc.h): non-owners count in a
  // thread-local table; the shared count carries kDeferredBias.
  kFlagDeferred = 1u << 1,
};
// The references a deferred object's shared count carries so it never
// reaches zero (in count units; far above any real count, far below the
// word's range even after shifting).
inline constexpr intptr_t kDeferredBias = intptr_t{1} << 40;

// Deferred counting's per-thread table (gc/deferred_rc.h explains it): a
// direct-mapped array of (object, count) pairs, written only by its thread.
struct DeferredSlot {
  Header* obj;
  intptr_t count;
};
inline constexpr size_t kDeferredSlots = 256;  // 4 KiB per thread
// The calling thread's slots (null before its first deferred operation and
// after its exit).  initial-exec: one %fs-relative load.
extern constinit thread_local DeferredSlot* t_deferred_slots
    __attribute__((tls_model("initial-exec")));
CONCH_ALWAYS_INLINE size_t deferred_slot_index(const Header* h) {
  auto p = reinterpret_cast<uintptr_t>(h);
  return ((p >> 4) ^ (p >> 12)) & (kDeferredSlots - 1);
}
// Out of line (gc/deferred_rc.cc): installs the thread's table, or evicts
// a colliding entry, or (after the thread's exit) counts on the shared word.
void deferred_add_slow(Header* h, intptr_t delta);
// A non-owner's +-1 on a deferred object: no atomic, no shared line.
CONCH_ALWAYS_INLINE void deferred_add(Header* h, intptr_t delta) {
  DeferredSlot* s = t_deferred_slots;
  if (CONCH_LIKELY(s != nullptr)) {
    DeferredSlot& e = s[deferred_slot_index(h)];
    if (CONCH_LIKELY(e.obj == h)) {
      e.count += delta;
      return;
    }
  }
  deferred_add_slow(h, delta);
}
CONCH_ALWAYS_INLINE bool is_deferred(const Header* h) {
  return (h->flags.load(std::memory_order_relaxed) & kFlagDeferred) != 0;
}

// Thread ids for ownership (gc/brc.h explains their life cycle).  A thread
// that has none yet reads kTidUnassigned, one past its exit kTidExited;
// neither ever equals an object's owner, so such a thread simply takes the
// shared (atomic) path, which is always correct.  initial-exec: one
// %fs-relative load, no TLS wrapper call (constinit: no dynamic init).
inline constexpr uintptr_t kTidUnassigned = ~uintptr_t{0};
inline constexpr uintptr_t kTidExited = ~uintptr_t{0} - 1;
extern constinit thread_local uintptr_t t_brc_tid __attribute__((tls_model("initial-exec")));

// Out of line (gc/brc.cc).
uintptr_t brc_assign_tid();               // gives the calling thread an id
bool brc_merge_zero_local(Header* h);     // owner's local count hit 0
bool brc_decref_shared(Header* h);        // non-owner decref (may queue)

// The calling thread's id, assigning one on first use (allocation only).
inline uintptr_t current_tid() {
  uintptr_t t = t_brc_tid;
  if (CONCH_UNLIKELY(t >= kTidExited)) return t == kTidExited ? 0 : brc_assign_tid();
  return t;
}
#else
struct Header {
  intptr_t refcount;
};
// Any count at or above this value is immortal; it is far above anything a
// real program can reach and leaves headroom so a stray incref cannot wrap.
inline constexpr intptr_t kImmortal = intptr_t{1} << 60;
#endif

// Sets up a fresh header with one reference owned by the caller (in the
// free-threaded build: owned by the calling thread).  Inline: the int and
// float free lists call it for every number they hand out.
CONCH_ALWAYS_INLINE void init_header(Header* h) {
#if CONCH_FREE_THREADED
  // A thread past its BRC exit (gc/brc.h) owns nothing: its objects start
  // merged, the reference in the shared count.
  uintptr_t tid = current_tid();
  h->owner_tid.store(tid, std::memory_order_relaxed);
  bool owned = CONCH_LIKELY(tid != 0);
  h->local_refcount.store(owned ? 1 : 0, std::memory_order_relaxed);
  h->shared_refcount.store(owned ? 0 : kSharedOne | kSharedMerged, std::memory_order_relaxed);
#else
  h->refcount = 1;
#endif
}

#if CONCH_FREE_THREADED

CONCH_ALWAYS_INLINE bool is_immortal(const Header* h) {
  return h->local_refcount.load(std::memory_order_relaxed) == kImmortalLocal;
}
CONCH_ALWAYS_INLINE void make_immortal(Header* h) {
  h->local_refcount.store(kImmortalLocal, std::memory_order_relaxed);
  h->shared_refcount.store(intptr_t{1} << 40, std::memory_order_relaxed);
}
CONCH_ALWAYS_INLINE bool is_owned_by_current_thread(const Header* h) {
  return h->owner_tid.load(std::memory_order_relaxed) == t_brc_tid;
}
CONCH_ALWAYS_INLINE void incref(Header* h) {
  uint32_t local = h->local_refcount.load(std::memory_order_relaxed);
  uint32_t new_local = local + 1;
  if (new_local == 0) return;  // immortal
  if (CONCH_LIKELY(is_owned_by_current_thread(h))) {
    h->local_refcount.store(new_local, std::memory_order_relaxed);
  } else if (is_deferred(h)) {
    deferred_add(h, 1);
  } else {
    h->shared_refcount.fetch_add(kSharedOne, std::memory_order_relaxed);
  }
}
// Returns true when this was the last reference: the caller must free.
CONCH_ALWAYS_INLINE bool release(Header* h) {
  uint32_t local = h->local_refcount.load(std::memory_order_relaxed);
  if (local == kImmortalLocal) return false;
  if (CONCH_LIKELY(is_owned_by_current_thread(h))) {
    --local;
    h->local_refcount.store(local, std::memory_order_relaxed);
    if (CONCH_LIKELY(local != 0)) return false;
    // Nobody else ever counted it (the common death): no call.  Acquire as
    // in brc_merge_zero_local, which handles every other shared word.
    if (h->shared_refcount.load(std::memory_order_acquire) == 0) return true;
    return brc_merge_zero_local(h);
  }
  if (is_deferred(h)) {
    deferred_add(h, -1);  // the bias keeps it alive: only the collector frees it
    return false;
  }
  return brc_decref_shared(h);
}
// The true total.  Exact when no other thread is counting the object at the
// same time (the owner's own view, or with the world stopped).
CONCH_ALWAYS_INLINE intptr_t refcount(const Header* h) {
  uint32_t local = h->local_refcount.load(std::memory_order_relaxed);
  if (local == kImmortalLocal) return intptr_t{1} << 40;
  intptr_t bias = is_deferred(h) ? kDeferredBias : 0;
  return static_cast<intptr_t>(local) +
         (h->shared_refcount.load(std::memory_order_relaxed) >> kSharedShift) - bias;
}
// True when the caller holds the only reference and no other thread can be
// counting it concurrently (CPython's _PyObject_IsUniquelyReferenced): the
// test that makes in-place reuse of an object safe.  A non-owner can never
// be sure (the owner may incref a borrowed pointer without atomics).
CONCH_ALWAYS_INLINE bool is_uniquely_referenced(const Header* h) {
  return is_owned_by_current_thread(h) &&
         h->local_refcount.load(std::memory_order_relaxed) == 1 &&
         h->shared_refcount.load(std::memory_order_relaxed) == 0;
}

// Takes a reference to an object the caller reached without holding a
// reference or the lock that keeps it alive (a lock-free container read):
// succeeds only while the object is alive (CPython's _Py_TryIncref).  The
// object's memory must still be readable (gc/qsbr.h delays its reuse), and
// the caller re-checks that its container still holds the object (the
// object may have been removed and another stored meanwhile).
//   owner:     its local count, unless it already reached zero (dying);
//   non-owner: a CAS on the shared word, refusing kSharedMerged with a zero
//              count (dead) and an untouched 0 (the owner may be freeing it
//              right now on a plain load).  It never writes a 0: flagging a
//              word the owner has just found 0 would let a second reader
//              count on a dead object, and its re-check can pass while the
//              writer's unpublishing store still sits in a store buffer
//              (stress_dict_shared_state caught that as freed list items).
//              The caller's locked path takes a plain reference instead,
//              which leaves the word kSharedMaybeShared when dropped, so
//              later lock-free reads succeed.
CONCH_ALWAYS_INLINE bool try_incref(Header* h) {
  uint32_t local = h->local_refcount.load(std::memory_order_relaxed);
  if (local == kImmortalLocal) return true;
  if (is_owned_by_current_thread(h)) {
    if (local == 0) return false;
    h->local_refcount.store(local + 1, std::memory_order_relaxed);
    return true;
  }
  if (is_deferred(h)) {
    // Alive: a deferred object is freed only by the collector, with the
    // world stopped, after losing the flag.
    deferred_add(h, 1);
    return true;
  }
  intptr_t shared = h->shared_refcount.load(std::memory_order_relaxed);
  for (;;) {
    if (shared == kSharedMerged) return false;
    if (shared == 0) return false;
    if (h->shared_refcount.compare_exchange_weak(shared, shared + kSharedOne,
                                                 std::memory_order_relaxed)) {
      return true;
    }
  }
}
// Leaves a freed object's counts reading "dead" for try_incref (gc/alloc.cc
// calls it before the memory goes to gc/qsbr.h).
CONCH_ALWAYS_INLINE void mark_dead(Header* h) {
  h->owner_tid.store(0, std::memory_order_relaxed);
  h->local_refcount.store(0, std::memory_order_relaxed);
  h->shared_refcount.store(kSharedMerged, std::memory_order_relaxed);
}

#else

CONCH_ALWAYS_INLINE bool is_immortal(const Header* h) { return h->refcount >= kImmortal; }
CONCH_ALWAYS_INLINE void make_immortal(Header* h) { h->refcount = kImmortal + (kImmortal >> 1); }
CONCH_ALWAYS_INLINE bool is_owned_by_current_thread(const Header*) { return true; }
CONCH_ALWAYS_INLINE bool is_deferred(const Header*) { return false; }
// No immortal test: an immortal count starts at 1.5 * kImmortal, and no
// program makes 2^59 unmatched increfs or decrefs, so it stays >= kImmortal
// and never reaches zero while it drifts.  incref is one add, release one
// sub and a branch (CPython 3.11's cost); the writes to immortal objects
// are harmless here, where only the GIL holder counts.
CONCH_ALWAYS_INLINE void incref(Header* h) { ++h->refcount; }
CONCH_ALWAYS_INLINE bool release(Header* h) { return --h->refcount == 0; }
CONCH_ALWAYS_INLINE intptr_t refcount(const Header* h) { return h->refcount; }
CONCH_ALWAYS_INLINE bool is_uniquely_referenced(const Header* h) { return h->refcount == 1; }
// GIL build: a reader holds the GIL, so the object is alive: plain incref.
CONCH_ALWAYS_INLINE bool try_incref(Header* h) {
  incref(h);
  return true;
}
CONCH_ALWAYS_INLINE void mark_dead(Header*) {}

#endif

}  // namespace conch::gc
