// list: the object layout, exposed so the eval loop can index, append to
// and iterate lists without a call (BINARY_SUBSCR, LIST_APPEND, FOR_ITER).
//
// Layout: `items` is a separately allocated array of `allocated` slots, the
// first `size` of them live (non-null) references.  Growth over-allocates
// as CPython does (size + size/8 + 6, rounded to 4), so append is amortised
// O(1).
//
// Thread safety: every operation runs inside gc::CriticalSection on the
// list (a no-op in the GIL build), and items leave it only as new
// references taken inside it (list_get_ref, iterators, BINARY_SUBSCR):
// outside, another thread could remove and free a borrowed item.  The one
// field read without the section is `size` (len(), __length_hint__): every
// write of it is gc::relaxed_store.  The fast-path accessors below read
// without the section: callers hold it (e.g. unpack_list_fast) or own a
// list no other thread can see.  While list.sort() runs, the list is empty
// with allocated == -1, so concurrent mutation is detected ("list modified
// during sort").
#pragma once

#include "base/macros.h"
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

// Iterator types ("list_iterator", "list_reverseiterator").
extern Type kListIterType;
extern Type kListRevIterType;

// Resizes to `newsize` items (slots beyond the old size are uninitialised);
// -1 + MemoryError on failure.  Caller holds the list's critical section.
int list_resize(ListObject* l, ssize_t newsize);

// Removes every item (list.clear()).
void list_clear(Object* list);

// Sorts v[0..n) in place, stably, by `keys` (the items themselves when
// keys == v).  Exceptions raised by comparisons stop the sort and leave
// both arrays permutations of their input (consistently permuted).
// list_sort.cc.
int sort_slice(Object** keys, Object** values, ssize_t n);

}  // namespace conch::vm
