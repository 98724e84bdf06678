// tuple: the object layout, exposed so the eval loop can index tuples
// (UNPACK_SEQUENCE, BUILD_*, argument tuples) without a call.
//
// Layout: TupleObject header, then `size` item pointers.  `items` points at
// them: just past the header for exact tuples, and at basicsize for
// instances of subclasses (whose basicsize may include a __dict__ slot), so
// every reader uses `items` and never computes the address.
//
// Invariants
//   * Immutable once published: items are filled (tuple_init_item) only by
//     the creator before anyone else can see the tuple; all non-null after.
//   * The empty exact tuple is one immortal object (tuple_new(0)).
//   * Small exact tuples (size 1..kTupleFreeListMaxSize) are recycled
//     through per-size free lists (per thread: no locking in either build).
#pragma once

#include "base/macros.h"
#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

struct TupleObject : Object {
  ssize_t size;
  Object** items;
};

inline TupleObject* as_tuple(Object* o) { return static_cast<TupleObject*>(o); }
inline const TupleObject* as_tuple(const Object* o) { return static_cast<const TupleObject*>(o); }
CONCH_ALWAYS_INLINE ssize_t tuple_size_fast(const Object* t) { return as_tuple(t)->size; }
CONCH_ALWAYS_INLINE Object** tuple_items_fast(Object* t) { return as_tuple(t)->items; }

// The tuple iterator type ("tuple_iterator").
extern Type kTupleIterType;

// Lexicographic comparison of two item arrays (shared by list and tuple).
Object* seq_richcompare(Object* const* a, ssize_t na, Object* const* b, ssize_t nb, CompareOp op);

}  // namespace conch::vm
