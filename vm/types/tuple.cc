// tuple: immutable sequence with inline items (layout in vm/types/tuple.h).
#include "vm/types/tuple.h"

#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/container_util.h"
#include "vm/types/list.h"

namespace conch::vm {

Type kTupleType;
Type kTupleIterType;

namespace {

// The shared empty tuple: static storage, made immortal on first use (which
// may come before init_tuple_types, from another type's type_ready).
TupleObject g_empty_tuple;

Object* empty_tuple() {
  if (g_empty_tuple.type == nullptr) {
    gc::make_immortal(&g_empty_tuple);
    g_empty_tuple.type = &kTupleType;
    g_empty_tuple.size = 0;
    g_empty_tuple.items = reinterpret_cast<Object**>(&g_empty_tuple + 1);
  }
  return &g_empty_tuple;
}

bool is_tuple(const Object* o) { return tuple_check(o); }

// Allocates an instance of `type` (tuple or a subclass) with n null items.
Object* tuple_alloc(Type* type, ssize_t n) {
  if (n > (PTRDIFF_MAX - type->basicsize) / static_cast<ssize_t>(sizeof(Object*))) {
    return no_memory();
  }
  Object* o = type->alloc != nullptr ? type->alloc(type, n) : generic_alloc(type, n);
  if (o == nullptr) return nullptr;
  auto* t = as_tuple(o);
  t->size = n;
  t->items = reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + type->basicsize);
  return o;
}

void tuple_dealloc(Object* o) {
  auto* t = as_tuple(o);
  for (ssize_t i = t->size; i-- > 0;) xdecref(t->items[i]);
  generic_free(o);
}

int tuple_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* t = as_tuple(o);
  for (ssize_t i = 0; i < t->size; ++i) {
    if (t->items[i] != nullptr) {
      if (int r = visit(t->items[i], arg)) return r;
    }
  }
  return 0;
}

Object* tuple_repr(Object* o) {
  auto* t = as_tuple(o);
  if (t->size == 0) return str_from("()");
  ReprGuard guard{o};
  if (guard.recursive()) return str_from("(...)");
  std::string out = "(";
  for (ssize_t i = 0; i < t->size; ++i) {
    if (i > 0) out += ", ";
    if (!append_repr(&out, t->items[i])) return nullptr;
  }
  out += t->size == 1 ? ",)" : ")";
  return str_from(out);
}

// CPython 3.8+'s tuplehash (xxHash-based), so hashes and set orders agree.
hash_t tuple_hash(Object* o) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  auto* t = as_tuple(o);
  uint64_t acc = kPrime5;
  for (ssize_t i = 0; i < t->size; ++i) {
    hash_t h = hash(t->items[i]);
    if (h == -1) return -1;
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<uint64_t>(t->size) ^ (kPrime5 ^ 3527539UL);
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<hash_t>(acc);
}

Object* tuple_richcompare(Object* a, Object* b, CompareOp op) {
  if (!tuple_check(a) || !tuple_check(b)) return new_ref(not_implemented());
  return seq_richcompare(as_tuple(a)->items, as_tuple(a)->size, as_tuple(b)->items,
                         as_tuple(b)->size, op);
}

ssize_t tuple_length(Object* o) { return as_tuple(o)->size; }

int tuple_contains(Object* o, Object* item) {
  auto* t = as_tuple(o);
  for (ssize_t i = 0; i < t->size; ++i) {
    int r = rich_compare_bool(t->items[i], item, CompareOp::kEq);
    if (r != 0) return r;
  }
  return 0;
}

Object* tuple_slice(Object* o, ssize_t start, ssize_t step, ssize_t n) {
  auto* t = as_tuple(o);
  if (n == t->size && step == 1 && tuple_check_exact(o)) return new_ref(o);
  Object* r = tuple_new(n);
  if (r == nullptr) return nullptr;
  for (ssize_t i = 0, j = start; i < n; ++i, j += step) {
    tuple_init_item(r, i, new_ref(t->items[j]));
  }
  return r;
}

Object* tuple_getitem(Object* o, Object* key) {
  auto* t = as_tuple(o);
  if (slice_check(key)) {
    ssize_t start, stop, step, n;
    if (slice_indices(key, t->size, &start, &stop, &step, &n) < 0) return nullptr;
    return tuple_slice(o, start, step, n);
  }
  ssize_t i;
  if (!seq_index(key, "tuple", &i)) return nullptr;
  if (i < 0) i += t->size;
  if (i < 0 || i >= t->size) {
    set_error(&kIndexErrorType, "tuple index out of range");
    return nullptr;
  }
  return new_ref(t->items[i]);
}

Object* tuple_concat(Object* a, Object* b) {
  int r = concat_operands(a, b, is_tuple, "tuple");
  if (r <= 0) return r == 0 ? new_ref(not_implemented()) : nullptr;
  auto* ta = as_tuple(a);
  auto* tb = as_tuple(b);
  if (tb->size == 0 && tuple_check_exact(a)) return new_ref(a);
  if (ta->size == 0 && tuple_check_exact(b)) return new_ref(b);
  Object* out = tuple_new(ta->size + tb->size);
  if (out == nullptr) return nullptr;
  for (ssize_t i = 0; i < ta->size; ++i) tuple_init_item(out, i, new_ref(ta->items[i]));
  for (ssize_t i = 0; i < tb->size; ++i) {
    tuple_init_item(out, ta->size + i, new_ref(tb->items[i]));
  }
  return out;
}

Object* tuple_repeat(Object* a, Object* b) {
  Object* seq;
  ssize_t n;
  int r = repeat_operands(a, b, is_tuple, &seq, &n);
  if (r <= 0) return r == 0 ? new_ref(not_implemented()) : nullptr;
  auto* t = as_tuple(seq);
  if (n <= 0 || t->size == 0) return tuple_new(0);
  if (n == 1 && tuple_check_exact(seq)) return new_ref(seq);
  if (t->size > PTRDIFF_MAX / static_cast<ssize_t>(sizeof(Object*)) / n) return no_memory();
  Object* out = tuple_new(t->size * n);
  if (out == nullptr) return nullptr;
  Object** dst = tuple_items(out);
  for (ssize_t k = 0; k < n; ++k) {
    for (ssize_t i = 0; i < t->size; ++i) *dst++ = new_ref(t->items[i]);
  }
  return out;
}

// --- iterator -------------------------------------------------------------

struct TupleIter : Object {
  Object* seq;  // null once exhausted
  ssize_t index;
};

Object* tuple_iter(Object* o) {
  auto* it = static_cast<TupleIter*>(generic_alloc(&kTupleIterType));
  if (it == nullptr) return nullptr;
  it->seq = new_ref(o);
  it->index = 0;
  return it;
}

Object* tuple_iter_next(Object* o) {
  auto* it = static_cast<TupleIter*>(o);
  if (it->seq == nullptr) return nullptr;
  auto* t = as_tuple(it->seq);
  if (it->index < t->size) return new_ref(t->items[it->index++]);
  clear_slot(&it->seq);
  return nullptr;
}

void tuple_iter_dealloc(Object* o) {
  clear_slot(&static_cast<TupleIter*>(o)->seq);
  generic_free(o);
}

int tuple_iter_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* it = static_cast<TupleIter*>(o);
  return it->seq != nullptr ? visit(it->seq, arg) : 0;
}

Object* tuple_iter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs("tuple_iterator", "__length_hint__", nargs, 0, 0, kwnames)) return nullptr;
  auto* it = static_cast<TupleIter*>(self);
  ssize_t n = it->seq == nullptr ? 0 : as_tuple(it->seq)->size - it->index;
  return int_from_i64(n < 0 ? 0 : n);
}

const MethodDef kTupleIterMethods[] = {
    {"__length_hint__", tuple_iter_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- methods ----------------------------------------------------------------

Object* tuple_meth_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!method_nargs("tuple", "index", nargs, 1, 3, kwnames)) return nullptr;
  auto* t = as_tuple(self);
  ssize_t start = 0, stop = t->size;
  if (nargs > 1 && !clamp_index_arg(args[1], t->size, &start)) return nullptr;
  if (nargs > 2 && !clamp_index_arg(args[2], t->size, &stop)) return nullptr;
  for (ssize_t i = start; i < stop && i < t->size; ++i) {
    int r = rich_compare_bool(t->items[i], args[0], CompareOp::kEq);
    if (r < 0) return nullptr;
    if (r > 0) return int_from_i64(i);
  }
  set_error(&kValueErrorType, "tuple.index(x): x not in tuple");
  return nullptr;
}

Object* tuple_meth_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!method_nargs("tuple", "count", nargs, 1, 1, kwnames)) return nullptr;
  auto* t = as_tuple(self);
  ssize_t count = 0;
  for (ssize_t i = 0; i < t->size; ++i) {
    int r = rich_compare_bool(t->items[i], args[0], CompareOp::kEq);
    if (r < 0) return nullptr;
    count += r;
  }
  return int_from_i64(count);
}




Object* tuple_meth_getnewargs(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs("tuple", "__getnewargs__", nargs, 0, 0, kwnames)) return nullptr;
  Ref<> copy = steal(tuple_from_array(as_tuple(self)->items, as_tuple(self)->size));
  if (!copy) return nullptr;
  return tuple_pack({copy.get()});
}

const MethodDef kTupleMethods[] = {
    {"index", tuple_meth_index, kMethodDefault, nullptr},
    {"count", tuple_meth_count, kMethodDefault, nullptr},
    {"__getnewargs__", tuple_meth_getnewargs, kMethodDefault, nullptr},
    {"__class_getitem__", class_getitem_self, kMethodClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// tuple(iterable=(), /)
Object* tuple_type_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0 && type == &kTupleType) {
    set_error(&kTypeErrorType, "tuple() takes no keyword arguments");
    return nullptr;
  }
  if (nargs > 1) {
    set_error_fmt(&kTypeErrorType, "tuple expected at most 1 argument, got %d",
                  static_cast<int>(nargs));
    return nullptr;
  }
  Ref<> items = nargs == 0 ? Ref<>::borrow(tuple_new(0)) : steal(tuple_from_iterable(args[0]));
  if (!items || type == &kTupleType) return items.release();
  ssize_t n = as_tuple(items.get())->size;
  Object* out = tuple_alloc(type, n);
  if (out == nullptr) return nullptr;
  for (ssize_t i = 0; i < n; ++i) as_tuple(out)->items[i] = new_ref(as_tuple(items.get())->items[i]);
  return out;
}

NumberMethods g_tuple_number;

}  // namespace

Object* seq_richcompare(Object* const* a, ssize_t na, Object* const* b, ssize_t nb,
                        CompareOp op) {
  if (na != nb && (op == CompareOp::kEq || op == CompareOp::kNe)) {
    return new_bool(op == CompareOp::kNe);
  }
  ssize_t i = 0;
  for (; i < na && i < nb; ++i) {
    int k = rich_compare_bool(a[i], b[i], CompareOp::kEq);
    if (k < 0) return nullptr;
    if (k == 0) break;
  }
  if (i >= na || i >= nb) {
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
  return rich_compare(a[i], b[i], op);
}

Object* tuple_new(ssize_t n) {
  if (n == 0) return new_ref(empty_tuple());
  return tuple_alloc(&kTupleType, n);
}

Object* tuple_pack(std::initializer_list<Object*> items) {
  Object* t = tuple_new(static_cast<ssize_t>(items.size()));
  if (t == nullptr) return nullptr;
  ssize_t i = 0;
  for (Object* o : items) tuple_init_item(t, i++, new_ref(o));
  return t;
}

Object* tuple_from_array(Object* const* items, ssize_t n) {
  Object* t = tuple_new(n);
  if (t == nullptr) return nullptr;
  for (ssize_t i = 0; i < n; ++i) tuple_init_item(t, i, new_ref(items[i]));
  return t;
}

Object* tuple_from_iterable(Object* iterable) {
  if (tuple_check_exact(iterable)) return new_ref(iterable);
  if (list_check(iterable)) return list_as_tuple(iterable);
  Ref<> list = steal(list_from_iterable(iterable));
  if (!list) return nullptr;
  // The list is ours alone: move its items instead of copying them.
  auto* l = as_list(list.get());
  Object* t = tuple_new(l->size);
  if (t == nullptr) return nullptr;
  for (ssize_t i = 0; i < l->size; ++i) tuple_init_item(t, i, l->items[i]);
  l->size = 0;
  return t;
}

ssize_t tuple_size(const Object* t) { return as_tuple(t)->size; }
Object** tuple_items(Object* t) { return as_tuple(t)->items; }

void init_tuple_types() {
  empty_tuple();
  g_tuple_number.add = tuple_concat;
  g_tuple_number.multiply = tuple_repeat;

  Type* t = &kTupleType;
  init_static_type(t, "tuple", sizeof(TupleObject));
  t->itemsize = sizeof(Object*);
  t->flags |= kTypeBaseType | kTypeTupleSubclass | kTypeHaveGC;
  t->doc = "Built-in immutable sequence.";
  t->methods = kTupleMethods;
  t->dealloc = tuple_dealloc;
  t->new_ = tuple_type_new;
  t->repr = tuple_repr;
  t->hash = tuple_hash;
  t->richcompare = tuple_richcompare;
  t->iter = tuple_iter;
  t->length = tuple_length;
  t->getitem = tuple_getitem;
  t->contains = tuple_contains;
  t->number = &g_tuple_number;
  t->traverse = tuple_traverse;
  type_ready(t);

  Type* it = &kTupleIterType;
  init_static_type(it, "tuple_iterator", sizeof(TupleIter));
  it->flags |= kTypeHaveGC;
  it->methods = kTupleIterMethods;
  it->dealloc = tuple_iter_dealloc;
  it->iter = iter_self;
  it->iternext = tuple_iter_next;
  it->traverse = tuple_iter_traverse;
  type_ready(it);
}

}  // namespace conch::vm
