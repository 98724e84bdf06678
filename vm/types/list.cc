// list: mutable sequence (layout and locking rules in vm/types/list.h).
#include "vm/types/list.h"

#include <cstring>
#include <string>
#include <vector>

#include "gc/critical_section.h"
#include "gc/qsbr.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/container_util.h"
#include "vm/types/dict.h"
#include "vm/types/tuple.h"

namespace conch::vm {

Type kListType;
Type kListIterType;
Type kListRevIterType;

namespace {

bool is_list(const Object* o) { return list_check(o); }

// Drops references collected while a critical section was held, after it
// has been left (STYLE.md habit 7: no destructors under a lock).
class Garbage {
 public:
  void add(Object* o) { items_.push_back(o); }
  ~Garbage() {
    for (Object* o : items_) xdecref(o);
  }

 private:
  std::vector<Object*> items_;
};

// The size is read without the critical section by len() and iterators'
// __length_hint__: every write goes through store_size (a relaxed atomic
// store in the free-threaded build, see gc::relaxed_store).
CONCH_ALWAYS_INLINE void store_size(ListObject* l, ssize_t n) { gc::relaxed_store(l->size, n); }
CONCH_ALWAYS_INLINE ssize_t unlocked_size(const Object* o) { return gc::relaxed_load(as_list(o)->size); }

// --- the item array (list.h: capacity word in front, null beyond size) ----

// Stores a slot of a list other threads may read without the lock.
CONCH_ALWAYS_INLINE void set_slot(Object** items, ssize_t i, Object* v) {
  gc::release_store(items[i], v);
}

// items[dst..dst+n) = items[src..src+n), slot by slot (memmove would race
// with lock-free readers: they must see whole pointers).
void move_slots(Object** items, ssize_t dst, ssize_t src, ssize_t n) {
  if (dst < src) {
    for (ssize_t k = 0; k < n; ++k) set_slot(items, dst + k, items[src + k]);
  } else if (dst > src) {
    for (ssize_t k = n; k-- > 0;) set_slot(items, dst + k, items[src + k]);
  }
}

constexpr size_t kItemsHeader = sizeof(ssize_t);

void* items_block(Object** items) { return reinterpret_cast<char*>(items) - kItemsHeader; }

Object** items_from_block(void* block, size_t capacity) {
  *static_cast<ssize_t*>(block) = static_cast<ssize_t>(capacity);
  return reinterpret_cast<Object**>(static_cast<char*>(block) + kItemsHeader);
}

// A zeroed array of `capacity` slots; null when memory is exhausted.
Object** alloc_items(size_t capacity) {
  void* block = gc::allocate_raw(kItemsHeader + capacity * sizeof(Object*));
  if (block == nullptr) return nullptr;
  std::memset(static_cast<char*>(block) + kItemsHeader, 0, capacity * sizeof(Object*));
  return items_from_block(block, capacity);
}

// Frees an array no reader can reach any more (the list is dead).
void free_items_now(Object** items) {
  if (items != nullptr) gc::free_raw(items_block(items));
}

// Frees an array that was just unpublished: lock-free readers may still be
// reading it (gc/qsbr.h).
void retire_items(Object** items) {
  if (items != nullptr) gc::qsbr_free(items_block(items), gc::free_raw);
}

// A new reference to item i (0 <= i), or null (no error) past the end:
// lock-free first, the critical section when that gives up.
Object* list_item_or_null(Object* o, ssize_t i) {
  if (Object* v = list_try_get_ref(o, i)) return v;
  gc::CriticalSection cs{o};
  auto* l = as_list(o);
  return i < l->size ? new_ref(l->items[i]) : nullptr;
}

// Resolves a slice against the list's length, inside the list's critical
// section.  The slice's parts may have __index__ methods that run Python code
// and resize the list (even in the GIL build), so resolve again until the
// length held still: indices computed for a stale length would read or
// write past the items.  A pathological __index__ that resizes every time
// gets a RuntimeError rather than a loop.
bool resolve_slice(ListObject* l, Object* key, ssize_t* start, ssize_t* stop, ssize_t* step,
                   ssize_t* n) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    ssize_t len = l->size;
    if (slice_indices(key, len, start, stop, step, n) < 0) return false;
    if (l->size == len) return true;
  }
  set_error(&kRuntimeErrorType, "list changed size while its slice was resolved");
  return false;
}

ListObject* new_empty(Type* type) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  return static_cast<ListObject*>(o);
}

// --- slots ------------------------------------------------------------------

void list_dealloc(Object* o) {
  auto* l = as_list(o);
  if (l->items != nullptr) {
    for (ssize_t i = l->size; i-- > 0;) xdecref(l->items[i]);
    free_items_now(l->items);
  }
  generic_free(o);
}

int list_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* l = as_list(o);
  for (ssize_t i = 0; i < l->size; ++i) {
    if (int r = visit(l->items[i], arg)) return r;
  }
  return 0;
}

int list_clear_slot(Object* o) {
  auto* l = as_list(o);
  Object** items;
  ssize_t n;
  {
    gc::CriticalSection cs{o};
    items = l->items;
    n = l->size;
    gc::release_store(l->items, static_cast<Object**>(nullptr));
    store_size(l, 0);
    l->allocated = 0;
  }
  if (items != nullptr) {
    for (ssize_t i = n; i-- > 0;) xdecref(items[i]);
    retire_items(items);
  }
  return 0;
}

Object* list_repr(Object* o) {
  auto* l = as_list(o);
  if (unlocked_size(o) == 0) return str_from("[]");
  ReprGuard guard{o};
  if (guard.recursive()) return str_from("[...]");
  std::string out = "[";
  gc::CriticalSection cs{o};
  for (ssize_t i = 0; i < l->size; ++i) {
    if (i > 0) out += ", ";
    Ref<> item = borrow(l->items[i]);
    if (!append_repr(&out, item.get())) return nullptr;
  }
  out += "]";
  return str_from(out);
}

Object* list_richcompare(Object* a, Object* b, CompareOp op) {
  if (!list_check(a) || !list_check(b)) return new_ref(not_implemented());
  gc::CriticalSection2 cs{a, b};
  auto* va = as_list(a);
  auto* wb = as_list(b);
  if (va->size != wb->size && (op == CompareOp::kEq || op == CompareOp::kNe)) {
    return new_bool(op == CompareOp::kNe);
  }
  ssize_t i = 0;
  for (; i < va->size && i < wb->size; ++i) {
    Ref<> x = borrow(va->items[i]);
    Ref<> y = borrow(wb->items[i]);
    if (x.get() == y.get()) continue;
    int k = rich_compare_bool(x.get(), y.get(), CompareOp::kEq);
    if (k < 0) return nullptr;
    if (k == 0) break;
  }
  if (i >= va->size || i >= wb->size) {
    ssize_t na = va->size, nb = wb->size;
    bool r = false;
    switch (op) {
      case CompareOp::kLt: r = na < nb; break;
      case CompareOp::kLe: r = na <= nb; break;
      case CompareOp::kEq: r = na == nb; break;
      case CompareOp::kNe: r = na != nb; break;
      case CompareOp::kGt: r = na > nb; break;
      case CompareOp::kGe: r = na >= nb; break;
    }
    return new_bool(r);
  }
  if (op == CompareOp::kEq) return new_bool(false);
  if (op == CompareOp::kNe) return new_bool(true);
  Ref<> x = borrow(va->items[i]);
  Ref<> y = borrow(wb->items[i]);
  return rich_compare(x.get(), y.get(), op);
}

ssize_t list_length(Object* o) { return unlocked_size(o); }

// Item by item, each read without the lock when it can be (list.h), so
// `x in shared_list` does not serialise readers; as in CPython, a list
// mutated meanwhile is compared against whatever each index holds when it
// is reached.
int list_contains(Object* o, Object* item) {
  for (ssize_t i = 0;; ++i) {
    Ref<> x = steal(list_item_or_null(o, i));
    if (!x) return 0;
    int r = rich_compare_bool(x.get(), item, CompareOp::kEq);
    if (r != 0) return r;
  }
}

Object* list_slice_copy(ListObject* l, ssize_t start, ssize_t step, ssize_t n) {
  Object* r = list_new(n);
  if (r == nullptr) return nullptr;
  Object** dst = as_list(r)->items;
  for (ssize_t i = 0, j = start; i < n; ++i, j += step) dst[i] = new_ref(l->items[j]);
  return r;
}

Object* list_getitem(Object* o, Object* key) {
  auto* l = as_list(o);
  if (slice_check(key)) {
    gc::CriticalSection cs{o};
    ssize_t start, stop, step, n;
    if (!resolve_slice(l, key, &start, &stop, &step, &n)) return nullptr;
    return list_slice_copy(l, start, step, n);
  }
  ssize_t i;
  if (!seq_index(key, "list", &i)) return nullptr;
  return list_get_ref(o, i);
}

// l[ilow:ihigh] = items[0..n) (step 1).  Caller holds the critical section.
int assign_simple_slice(ListObject* l, ssize_t ilow, ssize_t ihigh, Object* const* items,
                        ssize_t n, Garbage* garbage) {
  if (ilow < 0) ilow = 0;
  if (ilow > l->size) ilow = l->size;
  if (ihigh < ilow) ihigh = ilow;
  if (ihigh > l->size) ihigh = l->size;
  ssize_t norig = ihigh - ilow;
  ssize_t d = n - norig;
  ssize_t old_size = l->size;
  for (ssize_t k = ilow; k < ihigh; ++k) garbage->add(l->items[k]);
  if (d < 0) {
    move_slots(l->items, ihigh + d, ihigh, old_size - ihigh);
    list_resize(l, old_size + d);  // shrinking cannot fail
  } else if (d > 0) {
    if (list_resize(l, old_size + d) < 0) {
      // Nothing moved yet: forget the garbage we were about to drop.
      *garbage = Garbage();
      return -1;
    }
    move_slots(l->items, ihigh + d, ihigh, old_size - ihigh);
  }
  for (ssize_t k = 0; k < n; ++k) set_slot(l->items, ilow + k, new_ref(items[k]));
  return 0;
}

int delete_extended_slice(ListObject* l, ssize_t start, ssize_t step, ssize_t n,
                          Garbage* garbage) {
  if (n <= 0) return 0;
  if (step < 0) {
    start = start + step * (n - 1);
    step = -step;
  }
  ssize_t w = start;
  ssize_t next_del = start;
  ssize_t deleted = 0;
  for (ssize_t r = start; r < l->size; ++r) {
    if (r == next_del && deleted < n) {
      garbage->add(l->items[r]);
      ++deleted;
      next_del += step;
    } else {
      set_slot(l->items, w++, l->items[r]);
    }
  }
  list_resize(l, l->size - n);
  return 0;
}

int list_setitem_slice(Object* o, Object* key, Object* value) {
  auto* l = as_list(o);
  Garbage garbage;
  Ref<> seq;
  if (value != nullptr) {
    bool extended;
    {
      gc::CriticalSection cs{o};
      ssize_t start, stop, step, n;
      if (!resolve_slice(l, key, &start, &stop, &step, &n)) return -1;
      extended = step != 1;
      // l[:] = l: assign from a snapshot, taken in the same section.
      if (value == o) seq = steal(list_slice_copy(l, 0, 1, l->size));
    }
    const char* msg = extended ? "must assign iterable to extended slice"
                               : "can only assign an iterable";
    if (value != o) seq = steal(sequence_fast(value, msg));
    if (!seq) return -1;
  }
  // seq is a tuple, a list of our own, or the caller's list `value`, which
  // other threads may be changing: hold a list's section too while copying.
  gc::CriticalSection2 cs{o, seq && list_check(seq.get()) ? seq.get() : o};
  ssize_t start, stop, step, n;
  if (!resolve_slice(l, key, &start, &stop, &step, &n)) return -1;
  if (value == nullptr) {
    if (step == 1) return assign_simple_slice(l, start, stop, nullptr, 0, &garbage);
    return delete_extended_slice(l, start, step, n, &garbage);
  }
  Object** items = sequence_fast_items(seq.get());
  ssize_t m = sequence_fast_size(seq.get());
  if (step == 1) return assign_simple_slice(l, start, stop, items, m, &garbage);
  if (m != n) {
    set_error_fmt(&kValueErrorType,
                  "attempt to assign sequence of size %d to extended slice of size %d",
                  static_cast<int64_t>(m), static_cast<int64_t>(n));
    return -1;
  }
  for (ssize_t i = 0, cur = start; i < n; ++i, cur += step) {
    garbage.add(l->items[cur]);
    set_slot(l->items, cur, new_ref(items[i]));
  }
  return 0;
}

int list_setitem(Object* o, Object* key, Object* value) {
  if (slice_check(key)) return list_setitem_slice(o, key, value);
  ssize_t i;
  if (!seq_index(key, "list", &i)) return -1;
  auto* l = as_list(o);
  Object* old;
  {
    gc::CriticalSection cs{o};
    if (i < 0) i += l->size;
    if (i < 0 || i >= l->size) {
      set_error(&kIndexErrorType, "list assignment index out of range");
      return -1;
    }
    old = l->items[i];
    if (value != nullptr) {
      set_slot(l->items, i, new_ref(value));
    } else {
      move_slots(l->items, i, i + 1, l->size - i - 1);
      list_resize(l, l->size - 1);
    }
  }
  decref(old);
  return 0;
}

Object* list_concat(Object* a, Object* b) {
  int r = concat_operands(a, b, is_list, "list");
  if (r <= 0) return r == 0 ? new_ref(not_implemented()) : nullptr;
  gc::CriticalSection2 cs{a, b};
  auto* la = as_list(a);
  auto* lb = as_list(b);
  Object* out = list_new(la->size + lb->size);
  if (out == nullptr) return nullptr;
  Object** dst = as_list(out)->items;
  for (ssize_t i = 0; i < la->size; ++i) *dst++ = new_ref(la->items[i]);
  for (ssize_t i = 0; i < lb->size; ++i) *dst++ = new_ref(lb->items[i]);
  return out;
}

Object* list_repeat(Object* a, Object* b) {
  Object* seq;
  ssize_t n;
  int r = repeat_operands(a, b, is_list, &seq, &n);
  if (r <= 0) return r == 0 ? new_ref(not_implemented()) : nullptr;
  gc::CriticalSection cs{seq};
  auto* l = as_list(seq);
  if (n <= 0 || l->size == 0) return list_new(0);
  if (l->size > PTRDIFF_MAX / static_cast<ssize_t>(sizeof(Object*)) / n) return no_memory();
  Object* out = list_new(l->size * n);
  if (out == nullptr) return nullptr;
  Object** dst = as_list(out)->items;
  for (ssize_t k = 0; k < n; ++k) {
    for (ssize_t i = 0; i < l->size; ++i) *dst++ = new_ref(l->items[i]);
  }
  return out;
}

Object* list_inplace_concat(Object* a, Object* b) {
  if (!list_check(a)) return new_ref(not_implemented());
  if (list_extend(a, b) < 0) return nullptr;
  return new_ref(a);
}

Object* list_inplace_repeat(Object* a, Object* b) {
  if (!list_check(a)) return new_ref(not_implemented());
  Object* seq;
  ssize_t n;
  int r = repeat_operands(a, b, is_list, &seq, &n);
  if (r <= 0) return r == 0 ? new_ref(not_implemented()) : nullptr;
  auto* l = as_list(a);
  if (n <= 0) {
    list_clear(a);
    return new_ref(a);
  }
  gc::CriticalSection cs{a};
  ssize_t size = l->size;
  if (n == 1 || size == 0) return new_ref(a);
  if (size > PTRDIFF_MAX / static_cast<ssize_t>(sizeof(Object*)) / n) return no_memory();
  if (list_resize(l, size * n) < 0) return nullptr;
  for (ssize_t k = 1; k < n; ++k) {
    for (ssize_t i = 0; i < size; ++i) set_slot(l->items, k * size + i, new_ref(l->items[i]));
  }
  return new_ref(a);
}

// --- iterators --------------------------------------------------------------

// `index` moves by compare-and-swap (advance_index), with or without the
// list's section, and is read without it by __length_hint__; -1 once
// exhausted, so an exhausted iterator stays exhausted when the list
// grows.  `seq` is dropped at exhaustion only in the GIL build
// (gc::kIteratorsReleaseExhausted): in the free-threaded build another
// thread in next() on the same iterator may be about to lock it.
struct ListIter : Object {
  Object* seq;
  ssize_t index;
};

Object* make_iter(Type* type, Object* list, ssize_t index) {
  auto* it = static_cast<ListIter*>(generic_alloc(type));
  if (it == nullptr) return nullptr;
  it->seq = new_ref(list);
  it->index = index;
  return it;
}

Object* list_iter(Object* o) { return make_iter(&kListIterType, o, 0); }

void list_iter_exhausted(ListIter* it) {
  if constexpr (gc::kIteratorsReleaseExhausted) clear_slot(&it->seq);
}

// Moves the iterator from index `from` to `to`; false when another thread
// sharing the iterator moved it first (the caller drops what it read and
// tries again).  Each index is handed out once even to threads sharing
// one iterator.
bool advance_index(ListIter* it, ssize_t from, ssize_t to) {
  if constexpr (gc::kLockFreeReads) {
    return __atomic_compare_exchange_n(&it->index, &from, to, false, __ATOMIC_RELAXED,
                                       __ATOMIC_RELAXED);
  } else {
    it->index = to;
    return true;
  }
}

// The item is read without the lock when it can be (list_try_get_ref);
// otherwise, and to decide exhaustion, inside the list's section: outside
// it, another thread could remove and free the item in between.
// `step` is +1 (forward) or -1 (reversed).
Object* iter_next(ListIter* it, ssize_t step) {
  Object* seq = it->seq;
  if (seq == nullptr) return nullptr;
  for (;;) {
    ssize_t i = gc::relaxed_load(it->index);
    if (i < 0) return nullptr;
    Object* v = list_try_get_ref(seq, i);
    if (v == nullptr) break;
    if (advance_index(it, i, i + step)) return v;
    decref(v);
  }
  {
    gc::CriticalSection cs{seq};
    auto* l = as_list(seq);
    for (;;) {
      ssize_t i = gc::relaxed_load(it->index);
      if (i < 0) return nullptr;
      if (i < l->size) {
        if (advance_index(it, i, i + step)) return new_ref(l->items[i]);
        continue;
      }
      if (advance_index(it, i, ssize_t{-1})) break;
    }
  }
  list_iter_exhausted(it);
  return nullptr;
}

Object* list_iter_next(Object* o) { return iter_next(static_cast<ListIter*>(o), 1); }

Object* list_rev_iter_next(Object* o) { return iter_next(static_cast<ListIter*>(o), -1); }

void list_iter_dealloc(Object* o) {
  clear_slot(&static_cast<ListIter*>(o)->seq);
  generic_free(o);
}

int list_iter_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* it = static_cast<ListIter*>(o);
  return it->seq != nullptr ? visit(it->seq, arg) : 0;
}

Object* list_iter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs(self->type->name, "__length_hint__", nargs, 0, 0, kwnames)) return nullptr;
  auto* it = static_cast<ListIter*>(self);
  ssize_t n = 0;
  ssize_t index = gc::relaxed_load(it->index);
  if (it->seq != nullptr && index >= 0) {
    ssize_t size = unlocked_size(it->seq);
    n = self->type == &kListIterType ? size - index : (index < size ? index + 1 : 0);
  }
  return int_from_i64(n < 0 ? 0 : n);
}

const MethodDef kListIterMethods[] = {
    {"__length_hint__", list_iter_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- methods ----------------------------------------------------------------

#define LIST_METHOD(name) \
  Object* name(Object* self, Object* const* args, size_t nargs, Object* kwnames)

LIST_METHOD(meth_append) {
  if (!method_nargs("list", "append", nargs, 1, 1, kwnames)) return nullptr;
  if (list_append(self, args[0]) < 0) return nullptr;
  return new_none();
}

LIST_METHOD(meth_extend) {
  if (!method_nargs("list", "extend", nargs, 1, 1, kwnames)) return nullptr;
  if (list_extend(self, args[0]) < 0) return nullptr;
  return new_none();
}

LIST_METHOD(meth_insert) {
  if (!method_nargs("list", "insert", nargs, 2, 2, kwnames)) return nullptr;
  ssize_t where = index_as_ssize(args[0]);
  if (where == -1 && has_error()) return nullptr;
  gc::CriticalSection cs{self};
  auto* l = as_list(self);
  ssize_t n = l->size;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (list_resize(l, n + 1) < 0) return nullptr;
  move_slots(l->items, where + 1, where, n - where);
  set_slot(l->items, where, new_ref(args[1]));
  return new_none();
}

LIST_METHOD(meth_pop) {
  if (!method_nargs("list", "pop", nargs, 0, 1, kwnames)) return nullptr;
  ssize_t i = -1;
  if (nargs == 1) {
    i = index_as_ssize(args[0]);
    if (i == -1 && has_error()) return nullptr;
  }
  gc::CriticalSection cs{self};
  auto* l = as_list(self);
  if (l->size == 0) {
    set_error(&kIndexErrorType, "pop from empty list");
    return nullptr;
  }
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) {
    set_error(&kIndexErrorType, "pop index out of range");
    return nullptr;
  }
  Object* item = l->items[i];
  move_slots(l->items, i, i + 1, l->size - i - 1);
  list_resize(l, l->size - 1);
  return item;
}

// Index of the first item equal to v in [start, stop), -2 if none, -1 error.
ssize_t find_item(Object* self, Object* v, ssize_t start, ssize_t stop) {
  auto* l = as_list(self);
  for (ssize_t i = start; i < stop && i < l->size; ++i) {
    Ref<> x = borrow(l->items[i]);
    int r = rich_compare_bool(x.get(), v, CompareOp::kEq);
    if (r < 0) return -1;
    if (r > 0) return i;
  }
  return -2;
}

LIST_METHOD(meth_remove) {
  if (!method_nargs("list", "remove", nargs, 1, 1, kwnames)) return nullptr;
  Object* old;
  {
    gc::CriticalSection cs{self};
    auto* l = as_list(self);
    ssize_t i = find_item(self, args[0], 0, l->size);
    if (i == -1) return nullptr;
    if (i == -2) {
      set_error(&kValueErrorType, "list.remove(x): x not in list");
      return nullptr;
    }
    old = l->items[i];
    move_slots(l->items, i, i + 1, l->size - i - 1);
    list_resize(l, l->size - 1);
  }
  decref(old);
  return new_none();
}

LIST_METHOD(meth_index) {
  if (!method_nargs("list", "index", nargs, 1, 3, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  auto* l = as_list(self);
  ssize_t start = 0, stop = PTRDIFF_MAX;
  if (nargs > 1 && !clamp_index_arg(args[1], l->size, &start)) return nullptr;
  if (nargs > 2 && !clamp_index_arg(args[2], l->size, &stop)) return nullptr;
  ssize_t i = find_item(self, args[0], start, stop);
  if (i == -1) return nullptr;
  if (i == -2) {
    std::string msg;
    if (!append_repr(&msg, args[0])) return nullptr;
    msg += " is not in list";
    set_error(&kValueErrorType, msg);
    return nullptr;
  }
  return int_from_i64(i);
}

LIST_METHOD(meth_count) {
  if (!method_nargs("list", "count", nargs, 1, 1, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  auto* l = as_list(self);
  ssize_t count = 0;
  for (ssize_t i = 0; i < l->size; ++i) {
    Ref<> x = borrow(l->items[i]);
    int r = rich_compare_bool(x.get(), args[0], CompareOp::kEq);
    if (r < 0) return nullptr;
    count += r;
  }
  return int_from_i64(count);
}

LIST_METHOD(meth_clear) {
  if (!method_nargs("list", "clear", nargs, 0, 0, kwnames)) return nullptr;
  list_clear(self);
  return new_none();
}

LIST_METHOD(meth_copy) {
  if (!method_nargs("list", "copy", nargs, 0, 0, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  return list_slice_copy(as_list(self), 0, 1, as_list(self)->size);
}

LIST_METHOD(meth_reverse) {
  if (!method_nargs("list", "reverse", nargs, 0, 0, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  auto* l = as_list(self);
  for (ssize_t i = 0, j = l->size - 1; i < j; ++i, --j) {
    Object* a = l->items[i];
    set_slot(l->items, i, l->items[j]);
    set_slot(l->items, j, a);
  }
  return new_none();
}

LIST_METHOD(meth_sort) {
  if (nargs > 0) {
    set_error(&kTypeErrorType, "sort() takes no positional arguments");
    return nullptr;
  }
  Object* a[2] = {nullptr, nullptr};  // key, reverse (keyword-only)
  ssize_t nk = kwnames != nullptr ? tuple_size(kwnames) : 0;
  for (ssize_t i = 0; i < nk; ++i) {
    Object* name = tuple_get(kwnames, i);
    int slot = str_equal_cstr(name, "key") ? 0 : str_equal_cstr(name, "reverse") ? 1 : -1;
    if (slot < 0) {
      set_error_fmt(&kTypeErrorType, "'%s' is an invalid keyword argument for sort()",
                    std::string(str_view(name)));
      return nullptr;
    }
    a[slot] = args[i];
  }
  bool reverse = false;
  if (a[1] != nullptr) {
    int r = is_true(a[1]);
    if (r < 0) return nullptr;
    reverse = r != 0;
  }
  Object* key = a[0] == kNone ? nullptr : a[0];
  if (list_sort(self, key, reverse) < 0) return nullptr;
  return new_none();
}







LIST_METHOD(meth_reversed) {
  if (!method_nargs("list", "__reversed__", nargs, 0, 0, kwnames)) return nullptr;
  return make_iter(&kListRevIterType, self, unlocked_size(self) - 1);
}

int list_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error(&kTypeErrorType, "list() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    set_error_fmt(&kTypeErrorType, "list expected at most 1 argument, got %d",
                  static_cast<int>(nargs));
    return -1;
  }
  list_clear(self);
  if (nargs == 1) return list_extend(self, args[0]);
  return 0;
}


Object* list_type_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return new_empty(type);
}

const MethodDef kListMethods[] = {
    {"append", meth_append, kMethodDefault, "Append object to the end of the list."},
    {"extend", meth_extend, kMethodDefault, nullptr},
    {"insert", meth_insert, kMethodDefault, nullptr},
    {"pop", meth_pop, kMethodDefault, nullptr},
    {"remove", meth_remove, kMethodDefault, nullptr},
    {"index", meth_index, kMethodDefault, nullptr},
    {"count", meth_count, kMethodDefault, nullptr},
    {"clear", meth_clear, kMethodDefault, nullptr},
    {"copy", meth_copy, kMethodDefault, nullptr},
    {"reverse", meth_reverse, kMethodDefault, nullptr},
    {"sort", meth_sort, kMethodDefault, nullptr},
    {"__reversed__", meth_reversed, kMethodDefault, nullptr},
    {"__class_getitem__", class_getitem_self, kMethodClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// Sorts items[0..n) in place by key(item) (or the items), reversed if
// asked, stably.  The array is the caller's, out of any list.
int sort_items(Object** items, ssize_t n, Object* key, bool reverse) {
  Object** keys = items;
  if (key != nullptr && n > 0) {
    keys = static_cast<Object**>(gc::allocate_raw(static_cast<size_t>(n) * sizeof(Object*)));
    if (keys == nullptr) {
      no_memory();
      return -1;
    }
    for (ssize_t i = 0; i < n; ++i) {
      keys[i] = call(key, &items[i], 1);
      if (keys[i] == nullptr) {
        for (ssize_t j = 0; j < i; ++j) decref(keys[j]);
        gc::free_raw(keys);
        return -1;
      }
    }
  }
  auto reverse_both = [&] {
    for (ssize_t i = 0, j = n - 1; i < j; ++i, --j) {
      std::swap(items[i], items[j]);
      if (keys != items) std::swap(keys[i], keys[j]);
    }
  };
  if (reverse && n > 1) reverse_both();
  int result = sort_slice(keys, items, n);
  if (reverse && n > 1) reverse_both();
  if (keys != items) {
    for (ssize_t i = 0; i < n; ++i) decref(keys[i]);
    gc::free_raw(keys);
  }
  return result;
}

NumberMethods g_list_number;

}  // namespace

int list_resize(ListObject* l, ssize_t newsize) {
  gc::assert_critical_section_held(l);
  ssize_t allocated = l->allocated;
  ssize_t old_size = l->size;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    // Dropped slots become null (list.h: null beyond the size).
    for (ssize_t i = newsize; i < old_size; ++i) set_slot(l->items, i, nullptr);
    store_size(l, newsize);
    return 0;
  }
  // CPython's growth pattern: 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ...
  size_t new_allocated = (static_cast<size_t>(newsize) + (newsize >> 3) + 6) & ~size_t{3};
  if (newsize - l->size > static_cast<ssize_t>(new_allocated - newsize)) {
    new_allocated = (static_cast<size_t>(newsize) + 3) & ~size_t{3};
  }
  if (newsize == 0) new_allocated = 0;
  if (new_allocated > static_cast<size_t>(PTRDIFF_MAX) / sizeof(Object*)) {
    no_memory();
    return -1;
  }
  Object** old_items = l->items;
  Object** items = nullptr;
  ssize_t keep = old_size < newsize ? old_size : newsize;
  if (new_allocated != 0 && old_items != nullptr && !gc::qsbr_deferring()) {
    // No lock-free reader can exist (one thread so far, or the GIL build):
    // realloc in place.
    void* block = gc::reallocate_raw(items_block(old_items),
                                     kItemsHeader + new_allocated * sizeof(Object*));
    if (block == nullptr) {
      no_memory();
      return -1;
    }
    items = items_from_block(block, new_allocated);
    if (static_cast<size_t>(keep) < new_allocated) {
      std::memset(items + keep, 0, (new_allocated - keep) * sizeof(Object*));
    }
    old_items = nullptr;
  } else if (new_allocated != 0) {
    // Readers may hold the old array: copy, publish, retire it.
    items = alloc_items(new_allocated);
    if (items == nullptr) {
      no_memory();
      return -1;
    }
    if (keep > 0) std::memcpy(items, old_items, static_cast<size_t>(keep) * sizeof(Object*));
  }
  // Publish the array before a larger size, after a smaller one: a reader
  // checks the index against the capacity of the array it loaded either way.
  gc::release_store(l->items, items);
  store_size(l, newsize);
  l->allocated = static_cast<ssize_t>(new_allocated);
  retire_items(old_items);
  return 0;
}

Object* list_new(ssize_t n) {
  ListObject* l = new_empty(&kListType);
  if (l == nullptr) return nullptr;
  if (n > 0) {
    if (static_cast<size_t>(n) > static_cast<size_t>(PTRDIFF_MAX) / sizeof(Object*)) {
      decref(l);
      return no_memory();
    }
    l->items = alloc_items(static_cast<size_t>(n));
    if (l->items == nullptr) {
      decref(l);
      return no_memory();
    }
    store_size(l, n);
    l->allocated = n;
  }
  return l;
}

Object* list_from_iterable(Object* iterable) {
  Ref<> l = steal(list_new(0));
  if (!l || list_extend(l.get(), iterable) < 0) return nullptr;
  return l.release();
}

int list_append(Object* list, Object* item) {
  gc::CriticalSection cs{list};
  auto* l = as_list(list);
  ssize_t n = l->size;
  if (CONCH_LIKELY(n < l->allocated)) {
    set_slot(l->items, n, new_ref(item));
    store_size(l, n + 1);
    return 0;
  }
  if (list_resize(l, n + 1) < 0) return -1;
  set_slot(l->items, n, new_ref(item));
  return 0;
}

int list_extend(Object* list, Object* iterable) {
  auto* l = as_list(list);
  if (list_check(iterable) || tuple_check(iterable)) {
    // A source list is locked too (a.extend(b): both, in address order); a
    // tuple is immutable, and locking it would make every thread extending
    // from one shared constant contend on its mutex.
    gc::CriticalSection2 cs{list, list_check(iterable) ? iterable : list};
    Object** src = sequence_fast_items(iterable);
    ssize_t n = sequence_fast_size(iterable);
    if (n == 0) return 0;
    ssize_t m = l->size;
    if (list_resize(l, m + n) < 0) return -1;
    src = sequence_fast_items(iterable);  // a.extend(a): the array may have moved
    for (ssize_t i = 0; i < n; ++i) set_slot(l->items, m + i, new_ref(src[i]));
    return 0;
  }
  if (Ref<> snap = steal(dict_snapshot_list(iterable))) return list_extend(list, snap.get());
  if (has_error()) return -1;
  Ref<> it = steal(get_iter(iterable));
  if (!it) return -1;
  UnaryFunc next = it->type->iternext;
  for (;;) {
    Object* item = next != nullptr ? next(it.get()) : iter_next(it.get());
    if (item == nullptr) break;
    int r = list_append(list, item);
    decref(item);
    if (r < 0) return -1;
  }
  if (has_error()) {
    if (!error_matches(&kStopIterationType)) return -1;
    clear_error();
  }
  return 0;
}

ssize_t list_size(const Object* list) { return unlocked_size(list); }
Object** list_items(Object* list) { return as_list(list)->items; }

Object* list_get_ref(Object* list, ssize_t i) {
  if (Object* v = list_try_get_ref(list, i)) return v;
  gc::CriticalSection cs{list};
  auto* l = as_list(list);
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) {
    set_error(&kIndexErrorType, "list index out of range");
    return nullptr;
  }
  return new_ref(l->items[i]);
}

void list_init_item(Object* list, ssize_t i, Object* steal) { as_list(list)->items[i] = steal; }

Object* list_copy(Object* list) {
  gc::CriticalSection cs{list};
  return list_slice_copy(as_list(list), 0, 1, as_list(list)->size);
}

Object* list_as_tuple(Object* list) {
  gc::CriticalSection cs{list};
  return tuple_from_array(as_list(list)->items, as_list(list)->size);
}

// list.clear() and list.__init__: detach the items, then drop them outside
// the critical section.
void list_clear(Object* list) { list_clear_slot(list); }

// list.sort: runs in the list's critical section, on the item array taken
// out of the list, which is left empty with allocated == -1 ("sort in
// progress", list.h).  Key functions and comparisons run Python code, which
// may block (suspending the section) and may mutate the list; whatever was
// put into it meanwhile is thrown away after the section, and the sort
// reports "list modified during sort".
int list_sort(Object* list, Object* key, bool reverse) {
  auto* l = as_list(list);
  Object** during = nullptr;
  ssize_t during_n = 0;
  int result = 0;
  {
    gc::CriticalSection cs{list};
    Object** saved = l->items;
    ssize_t n = l->size;
    ssize_t saved_allocated = l->allocated;
    gc::release_store(l->items, static_cast<Object**>(nullptr));
    store_size(l, 0);
    l->allocated = -1;
    if (saved != nullptr && gc::qsbr_deferring()) {
      // Lock-free readers may still be reading `saved`: sort a copy and
      // retire the original unchanged (list.h).
      Object** copy = alloc_items(static_cast<size_t>(saved_allocated));
      if (copy == nullptr) {
        no_memory();
        gc::release_store(l->items, saved);
        store_size(l, n);
        l->allocated = saved_allocated;
        return -1;
      }
      std::memcpy(copy, saved, static_cast<size_t>(n) * sizeof(Object*));
      retire_items(saved);
      saved = copy;
    }
    result = sort_items(saved, n, key, reverse);
    if (l->allocated != -1 && result == 0) {
      set_error(&kValueErrorType, "list modified during sort");
      result = -1;
    }
    during = l->items;
    during_n = l->size;
    gc::release_store(l->items, saved);
    store_size(l, n);
    l->allocated = saved_allocated;
  }
  if (during != nullptr) {
    for (ssize_t i = during_n; i-- > 0;) xdecref(during[i]);
    retire_items(during);
  }
  return result;
}

void init_list_types() {
  g_list_number.add = list_concat;
  g_list_number.multiply = list_repeat;
  g_list_number.inplace_add = list_inplace_concat;
  g_list_number.inplace_multiply = list_inplace_repeat;

  Type* t = &kListType;
  init_static_type(t, "list", sizeof(ListObject));
  t->flags |= kTypeBaseType | kTypeListSubclass | kTypeHaveGC;
  t->doc = "Built-in mutable sequence.";
  t->methods = kListMethods;
  t->dealloc = list_dealloc;
  t->new_ = list_type_new;
  t->init = list_init;
  t->repr = list_repr;
  t->hash = hash_unhashable;
  t->richcompare = list_richcompare;
  t->iter = list_iter;
  t->length = list_length;
  t->getitem = list_getitem;
  t->setitem = list_setitem;
  t->contains = list_contains;
  t->number = &g_list_number;
  t->traverse = list_traverse;
  t->clear = list_clear_slot;
  type_ready(t);

  for (Type* it : {&kListIterType, &kListRevIterType}) {
    bool fwd = it == &kListIterType;
    init_static_type(it, fwd ? "list_iterator" : "list_reverseiterator", sizeof(ListIter));
    it->flags |= kTypeHaveGC;
    it->methods = kListIterMethods;
    it->dealloc = list_iter_dealloc;
    it->iter = iter_self;
    it->iternext = fwd ? list_iter_next : list_rev_iter_next;
    it->traverse = list_iter_traverse;
    type_ready(it);
  }
}

}  // namespace conch::vm
