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
// Protocol for __slots__ members (CPython's Python/structmember.c minus its
// QSBR-based lock-free first attempt):
//   * writers swap the pointer inside the owner object's critical section
//     (instance_slot_exchange) and release the old value only after leaving
//     it (STYLE.md habit 7: no destructors under a lock);
//   * readers load the pointer and take their reference inside the same
//     section (instance_slot_get_ref).
//   Cost: one uncontended section per read and per write in the
//   free-threaded build; nothing in the GIL build (empty sections).
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
// When gc/qsbr.h defers object frees, slot reads could become lock-free too
// (try_incref, then re-check the slot, as _Py_TryIncrefCompare).
#pragma once

#include "gc/critical_section.h"
#include "locking/stop_the_world.h"
#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

// New reference to *slot (null: empty) of `owner`.
CONCH_ALWAYS_INLINE Object* instance_slot_get_ref(Object* owner, Object** slot) {
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

// The dict at *slot of `owner` as a new reference; null: none yet.  No
// safe point between the load and the incref (see above).
CONCH_ALWAYS_INLINE Object* instance_dict_ref(Object* owner, Object** slot) {
  (void)owner;
  Object* d = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (d != nullptr) incref(d);
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
