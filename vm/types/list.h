// list: the object layout, exposed so the eval loop can index, append to
// and iterate lists without a call (BINARY_SUBSCR, LIST_APPEND, FOR_ITER).
//
// Layout: `items` is a separately allocated array of `allocated` slots, the
// first `size` of them live (non-null) references.  Growth over-allocates
// as CPython does (size + size/8 + 6, rounded to 4), so append is amortised
// O(1).
//
// The item array carries its capacity in a word just before slot 0
// (items_capacity), as CPython's free-threaded lists do: a reader that
// loaded a stale array pointer never indexes past that array's end.
//
// Thread safety.  Writers (append, insert, pop, slice assignment, sort,
// clear ...) run inside gc::CriticalSection on the list (a no-op in the GIL
// build).  Readers of one item -- list_try_get_ref: BINARY_SUBSCR,
// list_get_ref, iteration's next, `in` -- take no lock in the
// free-threaded build (CPython 3.13t's list_get_item_ref):
//   load the array (acquire) and the size; check the index against both
//   the size and the array's capacity; load the slot (acquire);
//   gc::try_incref the item; re-load the slot and give up (decref) if it
//   changed.  Any failure falls back to the locked path.
// What makes that safe, and what writers therefore keep to:
//   * every store a reader may race with is atomic: slots and the array
//     pointer with gc::release_store (shifts move slot by slot), the size
//     with gc::relaxed_store;
//   * slots at or beyond the size are null (shrinking clears them, new
//     arrays are zeroed): a reader that sees a newer size than its array
//     finds null or an item, never stale garbage;
//   * a replaced array is freed through gc::qsbr_free, and object memory
//     is kept from reuse the same way (gc/alloc.cc), so a reader that is
//     between its load and its try_incref still reads valid memory; sort
//     works on a copy once other threads may be reading (the old array
//     stays as it was until it is reclaimed).
// Everything that must see the list whole (sort, slicing, repr,
// comparisons, count, index, copy) keeps the critical section.  The
// fast-path accessors below read without the section: callers hold it
// (e.g. unpack_list_fast) or own a list no other thread can see.  While
// list.sort() runs, the list is empty with allocated == -1, so concurrent
// mutation is detected ("list modified during sort").
#pragma once

#include "base/macros.h"
#include "gc/critical_section.h"
#include "gc/header.h"
#include "gc/qsbr.h"
#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

struct ListObject : Object {
  Object** items;
  ssize_t size;
  ssize_t allocated;
};

inline ListObject* as_list(Object* o) { return static_cast<ListObject*>(o); }
inline const ListObject* as_list(const Object* o) { return static_cast<const ListObject*>(o); }
inline bool list_check_exact(const Object* o) { return o->type == &kListType; }
CONCH_ALWAYS_INLINE ssize_t list_size_fast(const Object* l) { return as_list(l)->size; }
CONCH_ALWAYS_INLINE Object** list_items_fast(Object* l) { return as_list(l)->items; }

// The capacity word in front of an item array (non-null arrays only).
CONCH_ALWAYS_INLINE ssize_t items_capacity(Object* const* items) {
  return reinterpret_cast<const ssize_t*>(items)[-1];
}

// A new reference to item i (negative i counts from the end) read without
// the list's lock, or null -- no error set -- when the lock-free read gave
// up: index out of range, empty slot, the item dying or replaced under us.
// The caller then takes its locked path (which raises IndexError if due).
CONCH_ALWAYS_INLINE Object* list_try_get_ref(Object* o, ssize_t i) {
  ListObject* l = as_list(o);
  Object** items = gc::acquire_load(l->items);
  ssize_t size = gc::relaxed_load(l->size);
  if (i < 0) i += size;
  if (items == nullptr || static_cast<size_t>(i) >= static_cast<size_t>(size) ||
      static_cast<size_t>(i) >= static_cast<size_t>(items_capacity(items))) {
    return nullptr;
  }
  Object* v = gc::acquire_load(items[i]);
  if (v == nullptr || !gc::try_incref(v)) return nullptr;
  if constexpr (gc::kLockFreeReads) {
    if (CONCH_UNLIKELY(gc::acquire_load(items[i]) != v)) {
      decref(v);
      return nullptr;
    }
  }
  return v;
}

// Iterator types ("list_iterator", "list_reverseiterator").
extern Type kListIterType;
extern Type kListRevIterType;

// Resizes to `newsize` items (slots beyond the old size are null; shrinking
// clears the slots it drops, without decref: callers moved or took those
// references); -1 + MemoryError on failure.  Caller holds the list's
// critical section.
int list_resize(ListObject* l, ssize_t newsize);

// Removes every item (list.clear()).
void list_clear(Object* list);

// Sorts v[0..n) in place, stably, by `keys` (the items themselves when
// keys == v).  Exceptions raised by comparisons stop the sort and leave
// both arrays permutations of their input (consistently permuted).
// list_sort.cc.
int sort_slice(Object** keys, Object** values, ssize_t n);

}  // namespace conch::vm
