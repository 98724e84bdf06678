// Instance storage that another thread may replace while this one reads it:
// the instance __dict__ pointer (`o.__dict__ = d`, a function's __dict__)
// and __slots__ members.  Issue 5's object-dict races.
//
// The hazard (free-threaded build, GIL off): a reader loads the pointer and
// then increfs it; a writer that swaps the pointer in between and drops the
// old value's last reference frees it, and the reader increfs (and uses)
// freed memory.  The same can happen in the GIL build when the reader runs
// Python code (a key's __eq__) while holding the pointer borrowed.
//
// Protocol for __slots__ members (CPython's Python/structmember.c with its
// QSBR-based lock-free first attempt, _Py_TryIncrefCompare):
//   * writers swap the pointer inside the owner object's critical section
//     (instance_slot_exchange) with a release store, and release the old
//     value only after leaving it (STYLE.md habit 7: no destructors under a
//     lock);
//   * readers (free-threaded build) first try without the section: acquire
//     load of the slot, gc::try_incref of what it holds, re-load the slot
//     and keep the reference only if it still holds the same object.  Safe
//     because object memory freed while other threads run is reclaimed
//     through gc/qsbr.h only after every reader passed a quiescent state
//     (there is no safe point between the load and the try_incref), and a
//     freed object's counts read "dead" (gc::mark_dead), so try_incref
//     refuses it.  The re-check (as CPython's) keeps a reader from handing
//     out a value a writer had already swapped out and released before
//     the reader's incref (try_incref on the shared word can succeed on an
//     object whose other references are on their way out).  When try_incref
//     refuses (the owner is freeing it, or its shared word was untouched),
//     the read takes the section, as before.
//   Cost: reads take no lock and write no shared line when the value is
//   owned by the reader or immortal; writes take one uncontended section.
//   GIL build: the locked path with empty sections (a plain load + incref).
//
// Protocol for the __dict__ pointer, which is read on every instance
// attribute access but replaced only by `o.__dict__ = d` (rare):
//   * the replacement happens with the world stopped (locking/
//     stop_the_world.h; CPython stops the world for `o.__class__ = C` for
//     the same reason) and the old dict is released after the restart;
//   * readers load the pointer and incref it with no safe point in between
//     (instance_dict_ref), so no stop -- and so no replacement -- can fall
//     between the two: they hold either the old dict with a reference that
//     keeps it alive, or the new one.  Then they use the dict holding that
//     reference, never the borrowed pointer (a blocking lock inside a dict
//     read is a safe point).
//   * the lazy creation of a missing dict (null -> fresh) is a CAS outside
//     any stop: it frees nothing.
//   Cost: an incref/decref of the dict per read (plain when this thread
//   owns the dict) -- no lock; a stop-the-world per `o.__dict__ = d`.
// Memory order: stores are release and loads acquire, so a reader that sees
// a new dict also sees its initialised header (the CAS publication; the
// stop itself orders the replacement).
//
#pragma once

#include "base/macros.h"
#include "gc/critical_section.h"
#include "gc/deferred_rc.h"
#include "gc/header.h"
#include "gc/qsbr.h"
#include "locking/stop_the_world.h"
#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

// New reference to *slot (null: empty) of `owner`, under owner's section.
CONCH_NOINLINE inline Object* instance_slot_get_ref_locked(Object* owner, Object** slot) {
  gc::CriticalSection cs{owner};
  Object* v = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (v != nullptr) incref(v);
  return v;
}

// New reference to *slot (null: empty) of `owner`: lock-free first in the
// free-threaded build (see above), the section when that fails.
CONCH_ALWAYS_INLINE Object* instance_slot_get_ref(Object* owner, Object** slot) {
  if constexpr (gc::kLockFreeReads) {
    Object* v = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (v == nullptr) return nullptr;  // empty when loaded: a valid order of events
    if (gc::try_incref(v)) {
      if (CONCH_LIKELY(__atomic_load_n(slot, __ATOMIC_ACQUIRE) == v)) return v;
      decref(v);  // replaced meanwhile: our reference may be the last one
    }
    return instance_slot_get_ref_locked(owner, slot);
  }
  gc::CriticalSection cs{owner};
  Object* v = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (v != nullptr) incref(v);
  return v;
}

// *slot = v (a new reference, stolen; null empties it) inside owner's
// section.  Returns the old value, for the caller to xdecref afterwards.
CONCH_ALWAYS_INLINE Object* instance_slot_exchange(Object* owner, Object** slot, Object* v) {
  gc::CriticalSection cs{owner};
  Object* old = __atomic_load_n(slot, __ATOMIC_RELAXED);
  __atomic_store_n(slot, v, __ATOMIC_RELEASE);
  return old;
}

// The dict of an instance every thread reads (deferred: a global read by
// LOAD_GLOBAL from other threads, gc/deferred_rc.h) turns deferred too when
// another thread reads it: each attribute read takes a reference to the
// dict, and without this `SHARED.method()` / `self.x` from several threads
// bounced the dict's shared count (10% of shared_calls at 2 threads, perf).
// Instances not deferred (private ones, queue hand-offs) are left alone.
CONCH_ALWAYS_INLINE void defer_dict_of_shared(Object* owner, Object* d) {
  if (gc::is_deferred(owner)) gc::defer_shared_read(d);
}

// The dict at *slot of `owner` as a new reference; null: none yet.  No
// safe point between the load and the incref (see above).
CONCH_ALWAYS_INLINE Object* instance_dict_ref(Object* owner, Object** slot) {
  Object* d = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (d != nullptr) {
    incref(d);
    defer_dict_of_shared(owner, d);
  }
  return d;
}

// The dict at *slot, created when missing; null only with MemoryError.
inline Object* instance_dict_ref_or_create(Object* owner, Object** slot) {
  for (;;) {
    if (Object* d = instance_dict_ref(owner, slot)) return d;
    Object* fresh = dict_new();
    if (fresh == nullptr) return nullptr;
    incref(fresh);  // one reference for the slot, one for the caller
    Object* expected = nullptr;
    if (__atomic_compare_exchange_n(slot, &expected, fresh, false, __ATOMIC_ACQ_REL,
                                    __ATOMIC_ACQUIRE)) {
      return fresh;
    }
    decref(fresh);  // another thread's dict won: take a reference to it
    decref(fresh);
  }
}

// owner.__dict__ = d (a dict, borrowed), with the world stopped.
inline void instance_dict_replace(Object* owner, Object** slot, Object* d) {
  (void)owner;
  incref(d);
  locking::stop_the_world();
  Object* old = __atomic_load_n(slot, __ATOMIC_RELAXED);
  __atomic_store_n(slot, d, __ATOMIC_RELEASE);
  locking::start_the_world();
  xdecref(old);
}

}  // namespace conch::vm
