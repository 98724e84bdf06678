// _collections.deque: a double-ended queue in a ring buffer, as CPython's
// Modules/_collectionsmodule.c behaves (messages, maxlen, repr, the
// "deque mutated during iteration" check).
//
// Layout: `items` holds `capacity` slots (a power of two); the deque's i-th
// item is items[(head + i) & (capacity - 1)].  `state` counts mutations so
// iterators and comparisons notice a deque changed under them.
//
// Thread safety: every read or write of the fields happens inside the
// deque's critical section (gc::CriticalSection), so append/popleft are
// atomic in the free-threaded build as under the GIL.  Iteration of an
// argument and destructors of removed items never run inside it (items are
// collected first, references dropped after: STYLE.md habit 7).  Item
// __eq__ does run inside it in count/index/remove/`in`, as in CPython: a
// comparison that blocks suspends the section, so those loops re-check
// `state` after every comparison before touching the ring again.  maxlen
// and an iterator's counter are also read without the section (relaxed
// atomics, gc::relaxed_load/store).
#include <string>
#include <vector>

#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/modules/stdlib.h"
#include "vm/types.h"
#include "vm/types/container_util.h"

namespace conch::vm {

namespace {

Type kDequeType;
Type kDequeIterType;
Type kDequeRevIterType;

struct DequeObject : Object {
  Object** items;
  ssize_t capacity;
  ssize_t head;
  ssize_t size;
  ssize_t maxlen;  // -1: unbounded
  uint64_t state;
};

DequeObject* as_deque(Object* o) { return static_cast<DequeObject*>(o); }
// maxlen is set by __init__ (under the section) and read without it.
ssize_t unlocked_maxlen(Object* o) { return gc::relaxed_load(as_deque(o)->maxlen); }
bool is_deque(Object* o) { return is_instance_of(o, &kDequeType); }

// References dropped only after the critical section is left.
class Garbage {
 public:
  void add(Object* o) {
    if (o != nullptr) items_.push_back(o);
  }
  ~Garbage() {
    for (Object* o : items_) decref(o);
  }

 private:
  std::vector<Object*> items_;
};

// --- ring buffer primitives (caller holds the critical section) -------------------

Object*& slot(DequeObject* d, ssize_t i) { return d->items[(d->head + i) & (d->capacity - 1)]; }

bool grow(DequeObject* d) {
  ssize_t cap = d->capacity == 0 ? 8 : d->capacity * 2;
  auto** items =
      static_cast<Object**>(gc::allocate_raw(static_cast<size_t>(cap) * sizeof(Object*)));
  if (items == nullptr) return false;
  for (ssize_t i = 0; i < d->size; ++i) items[i] = slot(d, i);
  gc::free_raw(d->items);
  d->items = items;
  d->capacity = cap;
  d->head = 0;
  return true;
}

Object* pop_right(DequeObject* d) {
  Object* o = slot(d, d->size - 1);
  d->size--;
  d->state++;
  return o;
}

Object* pop_left(DequeObject* d) {
  Object* o = slot(d, 0);
  d->head = (d->head + 1) & (d->capacity - 1);
  d->size--;
  d->state++;
  return o;
}

// Appends a stolen reference; an item pushed out by maxlen goes to `g`.
bool push_right(DequeObject* d, Object* item, Garbage* g) {
  if (d->maxlen == 0) {
    g->add(item);
    return true;
  }
  if (d->size == d->capacity && !grow(d)) return false;
  slot(d, d->size) = item;
  d->size++;
  d->state++;
  if (d->maxlen >= 0 && d->size > d->maxlen) g->add(pop_left(d));
  return true;
}

bool push_left(DequeObject* d, Object* item, Garbage* g) {
  if (d->maxlen == 0) {
    g->add(item);
    return true;
  }
  if (d->size == d->capacity && !grow(d)) return false;
  d->head = (d->head - 1) & (d->capacity - 1);
  d->items[d->head] = item;
  d->size++;
  d->state++;
  if (d->maxlen >= 0 && d->size > d->maxlen) g->add(pop_right(d));
  return true;
}

void clear_into(DequeObject* d, Garbage* g) {
  for (ssize_t i = 0; i < d->size; ++i) g->add(slot(d, i));
  d->size = 0;
  d->head = 0;
  d->state++;
}

// New references to every item, taken in one critical section.
std::vector<Ref<>> snapshot(Object* o, uint64_t* state) {
  DequeObject* d = as_deque(o);
  gc::CriticalSection cs{o};
  std::vector<Ref<>> out;
  out.reserve(static_cast<size_t>(d->size));
  for (ssize_t i = 0; i < d->size; ++i) out.push_back(borrow(slot(d, i)));
  if (state != nullptr) *state = d->state;
  return out;
}

// Collects an iterable's items first (user code runs outside the lock).
bool collect(Object* iterable, std::vector<Object*>* out) {
  Ref<> it = steal(get_iter(iterable));
  if (!it) return false;
  for (;;) {
    Object* item = iter_next(it.get());
    if (item == nullptr) {
      if (!has_error()) return true;
      for (Object* x : *out) decref(x);
      out->clear();
      return false;
    }
    out->push_back(item);
  }
}

int deque_extend_impl(Object* self, Object* iterable, bool left) {
  std::vector<Object*> items;
  if (iterable == self) {
    for (Ref<>& r : snapshot(self, nullptr)) items.push_back(r.release());
  } else if (!collect(iterable, &items)) {
    return -1;
  }
  Garbage g;
  gc::CriticalSection cs{self};
  DequeObject* d = as_deque(self);
  for (size_t i = 0; i < items.size(); ++i) {
    bool ok = left ? push_left(d, items[i], &g) : push_right(d, items[i], &g);
    if (!ok) {
      for (size_t j = i; j < items.size(); ++j) g.add(items[j]);
      no_memory();
      return -1;
    }
  }
  return 0;
}

// --- construction -----------------------------------------------------------------

Object* deque_new(Type* type, Object* const*, size_t, Object*) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  if (o == nullptr) return nullptr;
  as_deque(o)->maxlen = -1;
  return o;
}

int deque_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"deque", {"iterable", "maxlen"}, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  ssize_t maxlen = -1;
  if (a[1] != nullptr && a[1] != kNone) {
    if (!int_check(a[1])) {
      set_error(&kTypeErrorType, "an integer is required");
      return -1;
    }
    maxlen = int_as_ssize(a[1]);
    if (maxlen == -1 && has_error()) return -1;
    if (maxlen < 0) {
      set_error(&kValueErrorType, "maxlen must be non-negative");
      return -1;
    }
  }
  {
    Garbage g;
    gc::CriticalSection cs{self};
    gc::relaxed_store(as_deque(self)->maxlen, maxlen);
    clear_into(as_deque(self), &g);
  }
  if (a[0] != nullptr) return deque_extend_impl(self, a[0], false);
  return 0;
}

void deque_dealloc(Object* o) {
  DequeObject* d = as_deque(o);
  for (ssize_t i = 0; i < d->size; ++i) decref(slot(d, i));
  gc::free_raw(d->items);
  generic_free(o);
}

int deque_traverse(Object* o, VisitFunc visit, void* arg) {
  DequeObject* d = as_deque(o);
  for (ssize_t i = 0; i < d->size; ++i) {
    if (int r = visit(slot(d, i), arg)) return r;
  }
  return 0;
}

int deque_clear_slot(Object* o) {
  Garbage g;
  gc::CriticalSection cs{o};
  clear_into(as_deque(o), &g);
  return 0;
}

// A new deque of the same type and maxlen holding `items` (new refs, stolen).
Object* deque_from(Object* like, std::vector<Ref<>>& items) {
  Ref<> d = steal(deque_new(like->type, nullptr, 0, nullptr));
  if (!d) return nullptr;
  DequeObject* nd = as_deque(d.get());  // private until returned
  nd->maxlen = unlocked_maxlen(like);
  Garbage g;
  for (Ref<>& r : items) {
    if (!push_right(nd, r.get(), &g)) return no_memory();
    r.release();  // the deque owns it now
  }
  return d.release();
}

// --- methods ----------------------------------------------------------------------

Object* m_append(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("append", nargs, 1, 1, kwnames)) return nullptr;
  Garbage g;
  gc::CriticalSection cs{self};
  if (!push_right(as_deque(self), new_ref(args[0]), &g)) {
    g.add(args[0]);
    return no_memory();
  }
  return new_none();
}

Object* m_appendleft(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("appendleft", nargs, 1, 1, kwnames)) return nullptr;
  Garbage g;
  gc::CriticalSection cs{self};
  if (!push_left(as_deque(self), new_ref(args[0]), &g)) {
    g.add(args[0]);
    return no_memory();
  }
  return new_none();
}

Object* pop_end(Object* self, bool left) {
  gc::CriticalSection cs{self};
  DequeObject* d = as_deque(self);
  if (d->size == 0) {
    set_error(&kIndexErrorType, "pop from an empty deque");
    return nullptr;
  }
  return left ? pop_left(d) : pop_right(d);
}

Object* m_pop(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("pop", nargs, 0, 0, kwnames)) return nullptr;
  return pop_end(self, false);
}

Object* m_popleft(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("popleft", nargs, 0, 0, kwnames)) return nullptr;
  return pop_end(self, true);
}

Object* m_extend(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("extend", nargs, 1, 1, kwnames)) return nullptr;
  if (deque_extend_impl(self, args[0], false) < 0) return nullptr;
  return new_none();
}

Object* m_extendleft(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("extendleft", nargs, 1, 1, kwnames)) return nullptr;
  if (deque_extend_impl(self, args[0], true) < 0) return nullptr;
  return new_none();
}

Object* m_rotate(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("rotate", nargs, 0, 1, kwnames)) return nullptr;
  ssize_t n = 1;
  if (nargs == 1) {
    n = index_as_ssize(args[0]);
    if (n == -1 && has_error()) return nullptr;
  }
  gc::CriticalSection cs{self};
  DequeObject* d = as_deque(self);
  if (d->size <= 1) return new_none();
  n %= d->size;
  if (n < 0) n += d->size;
  // Rotating right by n moves the last n items to the front.
  for (ssize_t i = 0; i < n; ++i) {
    Object* o = slot(d, d->size - 1);
    d->head = (d->head - 1) & (d->capacity - 1);
    d->items[d->head] = o;
  }
  d->state++;
  return new_none();
}

Object* m_clear(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("clear", nargs, 0, 0, kwnames)) return nullptr;
  deque_clear_slot(self);
  return new_none();
}

Object* m_copy(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("copy", nargs, 0, 0, kwnames)) return nullptr;
  std::vector<Ref<>> items = snapshot(self, nullptr);
  if (self->type != &kDequeType) {
    // A subclass: call its constructor, as CPython does.
    Ref<> list = steal(list_new(0));
    if (!list) return nullptr;
    for (Ref<>& r : items) {
      if (list_append(list.get(), r.get()) < 0) return nullptr;
    }
    ssize_t maxlen = unlocked_maxlen(self);
    if (maxlen < 0) return call_args(self->type, {list.get()});
    Ref<> ml = steal(int_from_i64(maxlen));
    if (!ml) return nullptr;
    return call_args(self->type, {list.get(), ml.get()});
  }
  return deque_from(self, items);
}

// Index of the first item equal to x in [start, stop) of the deque, -1 if
// none, -2 on error (a comparison failed, or the deque changed while one
// ran: `mutated` is raised, RuntimeError but IndexError for remove(), as
// CPython).  Caller holds the deque's critical section.  Each item is held
// by a reference across its comparison, which may suspend the section.
ssize_t find_locked(DequeObject* d, Object* x, ssize_t start, ssize_t stop,
                    Type* mutated = &kRuntimeErrorType) {
  ssize_t n = d->size;
  if (start < 0) start = std::max<ssize_t>(0, start + n);
  if (stop < 0) stop = std::max<ssize_t>(0, stop + n);
  stop = std::min(stop, n);
  uint64_t state = d->state;
  for (ssize_t i = start; i < stop; ++i) {
    Ref<> item = borrow(slot(d, i));
    int eq = rich_compare_bool(item.get(), x, CompareOp::kEq);
    if (eq < 0) return -2;
    if (d->state != state) {
      set_error(mutated, "deque mutated during iteration");
      return -2;
    }
    if (eq) return i;
  }
  return -1;
}

Object* m_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("count", nargs, 1, 1, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  DequeObject* d = as_deque(self);
  int64_t n = 0;
  for (ssize_t start = 0;;) {
    ssize_t i = find_locked(d, args[0], start, PTRDIFF_MAX);
    if (i == -2) return nullptr;
    if (i == -1) break;
    ++n;
    start = i + 1;
  }
  return int_from_i64(n);
}

Object* not_in_deque(Object* x) {
  Ref<> r = steal(repr(x));
  if (!r) return nullptr;
  set_error_fmt(&kValueErrorType, "%s is not in deque", std::string(str_view(r.get())));
  return nullptr;
}

Object* m_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("index", nargs, 1, 3, kwnames)) return nullptr;
  ssize_t start = 0, stop = PTRDIFF_MAX;
  if (nargs >= 2 && (start = index_as_ssize(args[1])) == -1 && has_error()) return nullptr;
  if (nargs >= 3 && (stop = index_as_ssize(args[2])) == -1 && has_error()) return nullptr;
  ssize_t i;
  {
    gc::CriticalSection cs{self};
    i = find_locked(as_deque(self), args[0], start, stop);
  }
  if (i == -2) return nullptr;
  if (i == -1) return not_in_deque(args[0]);
  return int_from_i64(i);
}

Object* m_remove(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("remove", nargs, 1, 1, kwnames)) return nullptr;
  Garbage g;
  gc::CriticalSection cs{self};  // find and removal in one section
  DequeObject* d = as_deque(self);
  ssize_t i = find_locked(d, args[0], 0, PTRDIFF_MAX, &kIndexErrorType);
  if (i == -2) return nullptr;
  if (i == -1) return not_in_deque(args[0]);
  g.add(slot(d, i));
  for (ssize_t j = i; j < d->size - 1; ++j) slot(d, j) = slot(d, j + 1);
  d->size--;
  d->state++;
  return new_none();
}

Object* m_insert(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("insert", nargs, 2, 2, kwnames)) return nullptr;
  ssize_t i = index_as_ssize(args[0]);
  if (i == -1 && has_error()) return nullptr;
  Garbage g;
  gc::CriticalSection cs{self};
  DequeObject* d = as_deque(self);
  if (d->maxlen >= 0 && d->size >= d->maxlen) {
    set_error(&kIndexErrorType, "deque already at its maximum size");
    return nullptr;
  }
  if (i < 0) i = std::max<ssize_t>(0, i + d->size);
  if (i > d->size) i = d->size;
  if (!push_right(d, args[1], &g)) return no_memory();
  incref(args[1]);  // the deque's reference
  for (ssize_t j = d->size - 1; j > i; --j) std::swap(slot(d, j), slot(d, j - 1));
  return new_none();
}

Object* m_reverse(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("reverse", nargs, 0, 0, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  DequeObject* d = as_deque(self);
  for (ssize_t i = 0, j = d->size - 1; i < j; ++i, --j) std::swap(slot(d, i), slot(d, j));
  d->state++;
  return new_none();
}

Object* m_reduce(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("__reduce__", nargs, 0, 0, kwnames)) return nullptr;
  Ref<> it = steal(get_iter(self));
  if (!it) return nullptr;
  Ref<> empty = steal(tuple_new(0));
  ssize_t maxlen = unlocked_maxlen(self);
  Ref<> args;
  if (maxlen < 0) {
    args = steal(tuple_pack({empty.get()}));
  } else {
    Ref<> ml = steal(int_from_i64(maxlen));
    if (!ml) return nullptr;
    args = steal(tuple_pack({empty.get(), ml.get()}));
  }
  if (!args) return nullptr;
  return tuple_pack({self->type, args.get(), kNone, it.get()});
}

Object* m_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames);

Object* get_maxlen(Object* self) {
  ssize_t m = unlocked_maxlen(self);
  return m < 0 ? new_none() : int_from_i64(m);
}

const GetSetDef kDequeGetSets[] = {
    {"maxlen", get_maxlen, nullptr, "maximum size of a deque or None if unbounded"},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kDequeMethods[] = {
    {"append", m_append, kMethodDefault, "Add an element to the right side of the deque."},
    {"appendleft", m_appendleft, kMethodDefault, "Add an element to the left side of the deque."},
    {"pop", m_pop, kMethodDefault, "Remove and return the rightmost element."},
    {"popleft", m_popleft, kMethodDefault, "Remove and return the leftmost element."},
    {"extend", m_extend, kMethodDefault,
     "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", m_extendleft, kMethodDefault,
     "Extend the left side of the deque with elements from the iterable"},
    {"rotate", m_rotate, kMethodDefault, "Rotate the deque n steps to the right (default n=1)."},
    {"clear", m_clear, kMethodDefault, "Remove all elements from the deque."},
    {"copy", m_copy, kMethodDefault, "Return a shallow copy of a deque."},
    {"__copy__", m_copy, kMethodDefault, "Return a shallow copy of a deque."},
    {"count", m_count, kMethodDefault, "D.count(value) -- return number of occurrences of value"},
    {"index", m_index, kMethodDefault,
     "D.index(value, [start, [stop]]) -- return first index of value."},
    {"insert", m_insert, kMethodDefault, "D.insert(index, object) -- insert object before index"},
    {"remove", m_remove, kMethodDefault, "D.remove(value) -- remove first occurrence of value."},
    {"reverse", m_reverse, kMethodDefault, "D.reverse() -- reverse *IN PLACE*"},
    {"__reduce__", m_reduce, kMethodDefault, "Return state information for pickling."},
    {"__reversed__", m_reversed, kMethodDefault,
     "D.__reversed__() -- return a reverse iterator over the deque"},
    {"__class_getitem__", class_getitem_self, kMethodClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- slots ------------------------------------------------------------------------

ssize_t deque_length(Object* o) {
  gc::CriticalSection cs{o};
  return as_deque(o)->size;
}

bool resolve_index(Object* self, Object* key, ssize_t* out) {
  if (!int_check(key) && (key->type->number == nullptr || key->type->number->index == nullptr)) {
    set_error_fmt(&kTypeErrorType, "sequence index must be integer, not '%s'", type_name(key));
    return false;
  }
  ssize_t i = index_as_ssize(key);
  if (i == -1 && has_error()) return false;
  *out = i;
  return true;
}

Object* deque_getitem(Object* self, Object* key) {
  ssize_t i;
  if (!resolve_index(self, key, &i)) return nullptr;
  gc::CriticalSection cs{self};
  DequeObject* d = as_deque(self);
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    set_error(&kIndexErrorType, "deque index out of range");
    return nullptr;
  }
  return new_ref(slot(d, i));
}

int deque_setitem(Object* self, Object* key, Object* value) {
  ssize_t i;
  if (!resolve_index(self, key, &i)) return -1;
  Garbage g;
  gc::CriticalSection cs{self};
  DequeObject* d = as_deque(self);
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    set_error(&kIndexErrorType, "deque index out of range");
    return -1;
  }
  g.add(slot(d, i));
  if (value != nullptr) {
    slot(d, i) = new_ref(value);
    return 0;
  }
  for (ssize_t j = i; j < d->size - 1; ++j) slot(d, j) = slot(d, j + 1);
  d->size--;
  d->state++;
  return 0;
}

int deque_contains(Object* self, Object* x) {
  gc::CriticalSection cs{self};
  ssize_t i = find_locked(as_deque(self), x, 0, PTRDIFF_MAX);
  return i == -2 ? -1 : i >= 0 ? 1 : 0;
}

Object* deque_repr(Object* self) {
  ReprGuard guard{self};
  if (guard.recursive()) return str_from("[...]");
  std::vector<Ref<>> items = snapshot(self, nullptr);
  std::string_view name = self->type->name;
  name = name.substr(name.rfind('.') + 1);
  std::string out = std::string(name) + "([";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    if (!append_repr(&out, items[i].get())) return nullptr;
  }
  out += "]";
  ssize_t maxlen = unlocked_maxlen(self);
  if (maxlen >= 0) out += ", maxlen=" + std::to_string(maxlen);
  out += ")";
  return str_from(out);
}

Object* deque_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_deque(a) || !is_deque(b)) return new_ref(not_implemented());
  std::vector<Ref<>> x = snapshot(a, nullptr), y = snapshot(b, nullptr);
  if (x.size() != y.size() && (op == CompareOp::kEq || op == CompareOp::kNe))
    return new_bool(op == CompareOp::kNe);
  size_t i = 0;
  for (; i < x.size() && i < y.size(); ++i) {
    int eq = rich_compare_bool(x[i].get(), y[i].get(), CompareOp::kEq);
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i < x.size() && i < y.size()) {
    if (op == CompareOp::kEq) return new_bool(false);
    if (op == CompareOp::kNe) return new_bool(true);
    return rich_compare(x[i].get(), y[i].get(), op);
  }
  size_t na = x.size(), nb = y.size();
  bool r = false;
  switch (op) {
    case CompareOp::kLt:
      r = na < nb;
      break;
    case CompareOp::kLe:
      r = na <= nb;
      break;
    case CompareOp::kEq:
      r = na == nb;
      break;
    case CompareOp::kNe:
      r = na != nb;
      break;
    case CompareOp::kGt:
      r = na > nb;
      break;
    case CompareOp::kGe:
      r = na >= nb;
      break;
  }
  return new_bool(r);
}

Object* deque_concat(Object* a, Object* b) {
  if (!is_deque(a)) return new_ref(not_implemented());
  if (!is_deque(b)) {
    set_error_fmt(&kTypeErrorType, "can only concatenate deque (not \"%s\") to deque",
                  type_name(b));
    return nullptr;
  }
  std::vector<Ref<>> items = snapshot(a, nullptr);
  for (Ref<>& r : snapshot(b, nullptr)) items.push_back(std::move(r));
  return deque_from(a, items);
}

Object* deque_inplace_concat(Object* a, Object* b) {
  if (deque_extend_impl(a, b, false) < 0) return nullptr;
  return new_ref(a);
}

bool repeat_count(Object* n, ssize_t* out) {
  if (!int_check(n)) return false;
  *out = int_as_ssize(n);
  return !(*out == -1 && has_error());
}

Object* deque_repeat(Object* a, Object* b) {
  Object* self = is_deque(a) ? a : b;
  Object* n = is_deque(a) ? b : a;
  ssize_t k;
  if (!repeat_count(n, &k)) return has_error() ? nullptr : new_ref(not_implemented());
  std::vector<Ref<>> items = snapshot(self, nullptr), out;
  for (ssize_t r = 0; r < k; ++r) {
    for (Ref<>& x : items) out.push_back(x);
  }
  return deque_from(self, out);
}

Object* deque_inplace_repeat(Object* a, Object* b) {
  ssize_t k;
  if (!repeat_count(b, &k)) return has_error() ? nullptr : new_ref(not_implemented());
  std::vector<Ref<>> items = snapshot(a, nullptr);
  Garbage g;
  gc::CriticalSection cs{a};
  DequeObject* d = as_deque(a);
  clear_into(d, &g);
  for (ssize_t r = 0; r < k; ++r) {
    for (Ref<>& x : items) {
      if (!push_right(d, x.get(), &g)) return no_memory();
      incref(x.get());  // the deque's reference
    }
  }
  return new_ref(a);
}

int deque_bool(Object* o) { return deque_length(o) > 0; }

NumberMethods g_deque_number;

// --- iterators --------------------------------------------------------------------

struct DequeIter : Object {
  Object* deque;
  ssize_t index;    // next position (from the left or, reversed, from the right)
  ssize_t counter;  // items left
  uint64_t state;
};

Object* make_iter(Object* self, Type* type) {
  auto* it = static_cast<DequeIter*>(generic_alloc(type, 0));
  if (it == nullptr) return nullptr;
  gc::CriticalSection cs{self};
  it->deque = new_ref(self);
  it->index = 0;
  it->counter = as_deque(self)->size;
  it->state = as_deque(self)->state;
  return it;
}

Object* deque_iter(Object* self) { return make_iter(self, &kDequeIterType); }

Object* m_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("__reversed__", nargs, 0, 0, kwnames)) return nullptr;
  return make_iter(self, &kDequeRevIterType);
}

Object* iter_step(Object* o, bool reversed) {
  auto* it = static_cast<DequeIter*>(o);
  if (it->deque == nullptr) return nullptr;
  gc::CriticalSection cs{it->deque};
  DequeObject* d = as_deque(it->deque);
  if (d->state != it->state) {
    gc::relaxed_store(it->counter, ssize_t{0});
    set_error(&kRuntimeErrorType, "deque mutated during iteration");
    return nullptr;
  }
  if (it->counter == 0) return nullptr;
  ssize_t i = reversed ? d->size - 1 - it->index : it->index;
  it->index++;
  gc::relaxed_store(it->counter, it->counter - 1);
  return new_ref(slot(d, i));
}

Object* deque_iter_next(Object* o) { return iter_step(o, false); }
Object* deque_rev_iter_next(Object* o) { return iter_step(o, true); }

void deque_iter_dealloc(Object* o) {
  clear_slot(&static_cast<DequeIter*>(o)->deque);
  generic_free(o);
}

int deque_iter_traverse(Object* o, VisitFunc visit, void* arg) {
  Object* d = static_cast<DequeIter*>(o)->deque;
  return d != nullptr ? visit(d, arg) : 0;
}

Object* deque_iter_length_hint(Object* o, Object* const*, size_t, Object*) {
  return int_from_i64(gc::relaxed_load(static_cast<DequeIter*>(o)->counter));
}

const MethodDef kDequeIterMethods[] = {
    {"__length_hint__", deque_iter_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_deque_types() {
  static bool done = false;
  if (done) return;
  done = true;
  g_deque_number.add = deque_concat;
  g_deque_number.inplace_add = deque_inplace_concat;
  g_deque_number.multiply = deque_repeat;
  g_deque_number.inplace_multiply = deque_inplace_repeat;
  g_deque_number.boolean = deque_bool;

  Type* t = &kDequeType;
  init_static_type(t, "collections.deque", sizeof(DequeObject));
  t->flags |= kTypeBaseType | kTypeHaveGC | kTypeSequence;
  t->doc = "A list-like sequence optimized for data accesses near its endpoints.";
  t->methods = kDequeMethods;
  t->getsets = kDequeGetSets;
  t->new_ = deque_new;
  t->init = deque_init;
  t->dealloc = deque_dealloc;
  t->repr = deque_repr;
  t->hash = hash_unhashable;
  t->richcompare = deque_richcompare;
  t->iter = deque_iter;
  t->length = deque_length;
  t->getitem = deque_getitem;
  t->setitem = deque_setitem;
  t->contains = deque_contains;
  t->number = &g_deque_number;
  t->traverse = deque_traverse;
  t->clear = deque_clear_slot;
  type_ready(t);

  for (Type* it : {&kDequeIterType, &kDequeRevIterType}) {
    bool fwd = it == &kDequeIterType;
    init_static_type(it,
                     fwd ? "_collections._deque_iterator" : "_collections._deque_reverse_iterator",
                     sizeof(DequeIter));
    it->flags |= kTypeHaveGC;
    it->methods = kDequeIterMethods;
    it->dealloc = deque_iter_dealloc;
    it->traverse = deque_iter_traverse;
    it->iter = iter_self;
    it->iternext = fwd ? deque_iter_next : deque_rev_iter_next;
    type_ready(it);
  }
}

}  // namespace

Object* init_collections_module() {
  init_deque_types();
  Ref<> m = steal(module_new("_collections"));
  if (!m) return nullptr;
  if (module_add_object(m.get(), "deque", &kDequeType) < 0) return nullptr;
  if (module_add_object(m.get(), "_deque_iterator", &kDequeIterType) < 0) return nullptr;
  if (module_add_object(m.get(), "_deque_reverse_iterator", &kDequeRevIterType) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
