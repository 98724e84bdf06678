// range: an immutable arithmetic sequence.
//
// start/stop/step/length are always held as int objects (so ranges over big
// ints work, as in Python 3); when all of them fit in int64 the `small`
// copies are set too and every operation (len, indexing, `in`, iteration)
// takes a machine-integer path that allocates nothing but the result ints.
// Iteration over a small range uses "range_iterator" (three int64 fields);
// otherwise "longrange_iterator" with int objects.
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/container_util.h"
#include "vm/types/int.h"
#include "vm/types/tuple.h"

namespace conch::vm {

Type kRangeType;
Type kRangeIterType;
Type kLongRangeIterType;

namespace {

struct RangeObject : Object {
  Object* start;
  Object* stop;
  Object* step;
  Object* length;
  bool small;
  int64_t istart, istop, istep, ilen;
};

RangeObject* as_range(Object* o) { return static_cast<RangeObject*>(o); }

Object* op(Object* a, Object* b, BinaryOp o) { return binary_op(a, b, o); }

// Length of the range as an int object.
Object* compute_length(Object* start, Object* stop, Object* step) {
  int sign = int_sign(step);
  Object* lo = sign > 0 ? start : stop;
  Object* hi = sign > 0 ? stop : start;
  Ref<> st = sign > 0 ? borrow(step) : steal(negative(step));
  if (!st) return nullptr;
  int ge = rich_compare_bool(lo, hi, CompareOp::kGe);
  if (ge < 0) return nullptr;
  if (ge) return int_from_i64(0);
  Ref<> diff = steal(op(hi, lo, BinaryOp::kSubtract));
  if (!diff) return nullptr;
  Ref<> one = steal(int_from_i64(1));
  Ref<> d1 = steal(op(diff.get(), one.get(), BinaryOp::kSubtract));
  if (!d1) return nullptr;
  Ref<> q = steal(op(d1.get(), st.get(), BinaryOp::kFloorDivide));
  if (!q) return nullptr;
  return op(q.get(), one.get(), BinaryOp::kAdd);
}

Object* make_range(Object* start, Object* stop, Object* step) {
  Ref<> length = steal(compute_length(start, stop, step));
  if (!length) return nullptr;
  auto* r = static_cast<RangeObject*>(generic_alloc(&kRangeType));
  if (r == nullptr) return nullptr;
  r->start = new_ref(start);
  r->stop = new_ref(stop);
  r->step = new_ref(step);
  r->length = length.release();
  r->small = int_to_i64(start, &r->istart) && int_to_i64(stop, &r->istop) &&
             int_to_i64(step, &r->istep) && int_to_i64(r->length, &r->ilen);
  return r;
}

void range_dealloc(Object* o) {
  RangeObject* r = as_range(o);
  clear_slot(&r->start);
  clear_slot(&r->stop);
  clear_slot(&r->step);
  clear_slot(&r->length);
  generic_free(o);
}

Object* range_repr(Object* o) {
  RangeObject* r = as_range(o);
  std::string out = "range(";
  if (!append_repr(&out, r->start)) return nullptr;
  out += ", ";
  if (!append_repr(&out, r->stop)) return nullptr;
  if (!(r->small && r->istep == 1)) {
    int one = rich_compare_bool(r->step, kTrue, CompareOp::kEq);
    if (one < 0) return nullptr;
    if (!one) {
      out += ", ";
      if (!append_repr(&out, r->step)) return nullptr;
    }
  }
  out += ")";
  return str_from(out);
}

ssize_t range_length(Object* o) {
  RangeObject* r = as_range(o);
  if (r->small) return r->ilen;
  return int_as_ssize(r->length);
}

int range_bool(Object* o) { return int_sign(as_range(o)->length) != 0; }

// start + i*step for an index known to be in range.
Object* compute_item(RangeObject* r, Object* i) {
  Ref<> prod = steal(op(i, r->step, BinaryOp::kMultiply));
  if (!prod) return nullptr;
  return op(r->start, prod.get(), BinaryOp::kAdd);
}

// r[idx] for an int idx (any size).
Object* range_item(RangeObject* r, Object* index) {
  int64_t i;
  if (r->small && int_to_i64(index, &i)) {
    if (i < 0) i += r->ilen;
    if (i < 0 || i >= r->ilen) {
      set_error(&kIndexErrorType, "range object index out of range");
      return nullptr;
    }
    return int_from_i64(static_cast<int64_t>(static_cast<__int128>(r->istart) +
                                            static_cast<__int128>(i) * r->istep));
  }
  Ref<> idx = borrow(index);
  if (int_sign(idx.get()) < 0) {
    idx = steal(op(idx.get(), r->length, BinaryOp::kAdd));
    if (!idx) return nullptr;
  }
  int ge = rich_compare_bool(idx.get(), r->length, CompareOp::kGe);
  if (ge < 0) return nullptr;
  if (int_sign(idx.get()) < 0 || ge) {
    set_error(&kIndexErrorType, "range object index out of range");
    return nullptr;
  }
  return compute_item(r, idx.get());
}

Object* range_slice(RangeObject* r, Object* slice) {
  ssize_t len = range_length(r);
  if (len < 0) return nullptr;
  ssize_t start, stop, step, n;
  if (slice_indices(slice, len, &start, &stop, &step, &n) < 0) return nullptr;
  Ref<> s = steal(int_from_i64(start));
  Ref<> e = steal(int_from_i64(stop));
  Ref<> st = steal(int_from_i64(step));
  if (!s || !e || !st) return nullptr;
  Ref<> substart = steal(compute_item(r, s.get()));
  Ref<> substop = steal(compute_item(r, e.get()));
  Ref<> substep = steal(op(r->step, st.get(), BinaryOp::kMultiply));
  if (!substart || !substop || !substep) return nullptr;
  return make_range(substart.get(), substop.get(), substep.get());
}

Object* range_getitem(Object* o, Object* key) {
  RangeObject* r = as_range(o);
  if (slice_check(key)) return range_slice(r, key);
  if (int_check_exact(key)) return range_item(r, key);
  if (!int_check(key) && (key->type->number == nullptr || key->type->number->index == nullptr)) {
    set_error_fmt(&kTypeErrorType, "range indices must be integers or slices, not %s",
                  type_name(key));
    return nullptr;
  }
  Ref<> idx = steal(number_index(key));
  if (!idx) return nullptr;
  return range_item(r, idx.get());
}

// `ob in r` for an int ob: 1, 0, -1.
int contains_long(RangeObject* r, Object* ob) {
  int64_t v;
  if (r->small && int_to_i64(ob, &v)) {
    __int128 x = v, s = r->istart, e = r->istop, st = r->istep;
    if (st > 0 ? (x < s || x >= e) : (x > s || x <= e)) return 0;
    return ((x - s) % st) == 0 ? 1 : 0;
  }
  int pos = int_sign(r->step) > 0;
  int c1 = pos ? rich_compare_bool(r->start, ob, CompareOp::kLe)
               : rich_compare_bool(ob, r->start, CompareOp::kLe);
  if (c1 <= 0) return c1;
  int c2 = pos ? rich_compare_bool(ob, r->stop, CompareOp::kLt)
               : rich_compare_bool(r->stop, ob, CompareOp::kLt);
  if (c2 <= 0) return c2;
  Ref<> diff = steal(op(ob, r->start, BinaryOp::kSubtract));
  if (!diff) return -1;
  Ref<> rem = steal(op(diff.get(), r->step, BinaryOp::kRemainder));
  if (!rem) return -1;
  return int_sign(rem.get()) == 0 ? 1 : 0;
}

bool is_plain_int(Object* o) { return int_check_exact(o) || bool_check(o); }

// Linear search for non-int items: count (want_index false) or the index.
ssize_t iter_search(Object* o, Object* item, bool want_index) {
  Ref<> it = steal(get_iter(o));
  if (!it) return -1;
  ssize_t n = 0, i = 0;
  for (;; ++i) {
    Ref<> x = steal(iter_next(it.get()));
    if (!x) break;
    int r = rich_compare_bool(x.get(), item, CompareOp::kEq);
    if (r < 0) return -1;
    if (r > 0) {
      if (want_index) return i;
      ++n;
    }
  }
  if (has_error()) return -1;
  if (want_index) {
    set_error(&kValueErrorType, "sequence.index(x): x not in sequence");
    return -1;
  }
  return n;
}

int range_contains(Object* o, Object* item) {
  if (is_plain_int(item)) return contains_long(as_range(o), item);
  Ref<> it = steal(get_iter(o));
  if (!it) return -1;
  for (;;) {
    Ref<> x = steal(iter_next(it.get()));
    if (!x) break;
    int r = rich_compare_bool(x.get(), item, CompareOp::kEq);
    if (r != 0) return r;
  }
  return has_error() ? -1 : 0;
}

// 1 equal, 0 not, -1 error (CPython's range_equals).
int range_equals(RangeObject* a, RangeObject* b) {
  if (a == b) return 1;
  int c = rich_compare_bool(a->length, b->length, CompareOp::kEq);
  if (c != 1) return c;
  if (int_sign(a->length) == 0) return 1;
  c = rich_compare_bool(a->start, b->start, CompareOp::kEq);
  if (c != 1) return c;
  c = rich_compare_bool(a->length, kTrue, CompareOp::kEq);
  if (c != 0) return c;
  return rich_compare_bool(a->step, b->step, CompareOp::kEq);
}

Object* range_richcompare(Object* a, Object* b, CompareOp cop) {
  if (a->type != &kRangeType || b->type != &kRangeType ||
      (cop != CompareOp::kEq && cop != CompareOp::kNe)) {
    return new_ref(not_implemented());
  }
  int r = range_equals(as_range(a), as_range(b));
  if (r < 0) return nullptr;
  return new_bool((r == 1) == (cop == CompareOp::kEq));
}

hash_t range_hash(Object* o) {
  RangeObject* r = as_range(o);
  Object* item1 = kNone;
  Object* item2 = kNone;
  if (int_sign(r->length) != 0) {
    item1 = r->start;
    int one = rich_compare_bool(r->length, kTrue, CompareOp::kEq);
    if (one < 0) return -1;
    item2 = one ? kNone : r->step;
  }
  Ref<> t = steal(tuple_pack({r->length, item1, item2}));
  if (!t) return -1;
  return hash(t.get());
}

// --- iterators ------------------------------------------------------------------

struct RangeIter : Object {
  int64_t next;
  int64_t step;
  int64_t remaining;
};

struct LongRangeIter : Object {
  Object* next;
  Object* step;
  Object* remaining;
};

Object* small_iter(int64_t start, int64_t step, int64_t len) {
  auto* it = static_cast<RangeIter*>(generic_alloc(&kRangeIterType));
  if (it == nullptr) return nullptr;
  it->next = start;
  it->step = step;
  it->remaining = len;
  return it;
}

Object* long_iter(Object* start, Object* step, Object* len) {
  auto* it = static_cast<LongRangeIter*>(generic_alloc(&kLongRangeIterType));
  if (it == nullptr) return nullptr;
  it->next = new_ref(start);
  it->step = new_ref(step);
  it->remaining = new_ref(len);
  return it;
}

Object* range_iter(Object* o) {
  RangeObject* r = as_range(o);
  if (r->small) return small_iter(r->istart, r->istep, r->ilen);
  return long_iter(r->start, r->step, r->length);
}

Object* range_iter_next(Object* o) {
  auto* it = static_cast<RangeIter*>(o);
  if (it->remaining <= 0) return nullptr;
  int64_t v = it->next;
  it->remaining--;
  // Unsigned add: the step past the last item may leave int64's range.
  it->next = static_cast<int64_t>(static_cast<uint64_t>(v) + static_cast<uint64_t>(it->step));
  return int_from_i64(v);
}

Object* long_range_iter_next(Object* o) {
  auto* it = static_cast<LongRangeIter*>(o);
  if (int_sign(it->remaining) <= 0) return nullptr;
  Ref<> one = steal(int_from_i64(1));
  Object* rem = op(it->remaining, one.get(), BinaryOp::kSubtract);
  if (rem == nullptr) return nullptr;
  set_slot(&it->remaining, rem);
  Object* v = new_ref(it->next);
  Object* nx = op(it->next, it->step, BinaryOp::kAdd);
  if (nx == nullptr) {
    decref(v);
    return nullptr;
  }
  set_slot(&it->next, nx);
  return v;
}

void long_range_iter_dealloc(Object* o) {
  auto* it = static_cast<LongRangeIter*>(o);
  clear_slot(&it->next);
  clear_slot(&it->step);
  clear_slot(&it->remaining);
  generic_free(o);
}

Object* range_iter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs(self->type->name, "__length_hint__", nargs, 0, 0, kwnames)) return nullptr;
  if (self->type == &kRangeIterType) {
    int64_t n = static_cast<RangeIter*>(self)->remaining;
    return int_from_i64(n < 0 ? 0 : n);
  }
  return new_ref(static_cast<LongRangeIter*>(self)->remaining);
}

const MethodDef kRangeIterMethods[] = {
    {"__length_hint__", range_iter_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- methods --------------------------------------------------------------------

Object* meth_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs("range", "__reversed__", nargs, 0, 0, kwnames)) return nullptr;
  RangeObject* r = as_range(self);
  if (r->small && r->istep != INT64_MIN) {
    int64_t last = r->ilen > 0 ? static_cast<int64_t>(static_cast<__int128>(r->istart) +
                                                      static_cast<__int128>(r->ilen - 1) * r->istep)
                                : r->istart;
    return small_iter(last, -r->istep, r->ilen);
  }
  Ref<> one = steal(int_from_i64(1));
  Ref<> lm1 = steal(op(r->length, one.get(), BinaryOp::kSubtract));
  if (!lm1) return nullptr;
  Ref<> last = steal(compute_item(r, lm1.get()));
  Ref<> negstep = steal(negative(r->step));
  if (!last || !negstep) return nullptr;
  return long_iter(last.get(), negstep.get(), r->length);
}

Object* meth_count(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!method_nargs("range", "count", nargs, 1, 1, kwnames)) return nullptr;
  if (is_plain_int(args[0])) {
    int r = contains_long(as_range(self), args[0]);
    return r < 0 ? nullptr : int_from_i64(r);
  }
  ssize_t n = iter_search(self, args[0], false);
  return n < 0 ? nullptr : int_from_i64(n);
}

Object* meth_index(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!method_nargs("range", "index", nargs, 1, 1, kwnames)) return nullptr;
  RangeObject* r = as_range(self);
  Object* ob = args[0];
  if (!is_plain_int(ob)) {
    ssize_t i = iter_search(self, ob, true);
    return i < 0 ? nullptr : int_from_i64(i);
  }
  int c = contains_long(r, ob);
  if (c < 0) return nullptr;
  if (c) {
    Ref<> diff = steal(op(ob, r->start, BinaryOp::kSubtract));
    if (!diff) return nullptr;
    return op(diff.get(), r->step, BinaryOp::kFloorDivide);
  }
  std::string msg;
  if (!append_repr(&msg, ob)) return nullptr;
  set_error(&kValueErrorType, msg + " is not in range");
  return nullptr;
}




const MethodDef kRangeMethods[] = {
    {"__reversed__", meth_reversed, kMethodDefault, nullptr},
    {"count", meth_count, kMethodDefault, nullptr},
    {"index", meth_index, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* get_start(Object* self) { return new_ref(as_range(self)->start); }
Object* get_stop(Object* self) { return new_ref(as_range(self)->stop); }
Object* get_step(Object* self) { return new_ref(as_range(self)->step); }

const GetSetDef kRangeGetSets[] = {
    {"start", get_start, nullptr, nullptr},
    {"stop", get_stop, nullptr, nullptr},
    {"step", get_step, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

Object* range_type_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error(&kTypeErrorType, "range() takes no keyword arguments");
    return nullptr;
  }
  if (nargs == 0) {
    set_error(&kTypeErrorType, "range expected at least 1 argument, got 0");
    return nullptr;
  }
  if (nargs > 3) {
    set_error_fmt(&kTypeErrorType, "range expected at most 3 arguments, got %d",
                  static_cast<int>(nargs));
    return nullptr;
  }
  Ref<> parts[3];
  for (size_t i = 0; i < nargs; ++i) {
    parts[i] = steal(number_index(args[i]));
    if (!parts[i]) return nullptr;
  }
  if (nargs == 1) return range_new(nullptr, parts[0].get(), nullptr);
  return range_new(parts[0].get(), parts[1].get(), nargs == 3 ? parts[2].get() : nullptr);
}

NumberMethods g_range_number;

}  // namespace

Object* range_new(Object* start, Object* stop, Object* step) {
  Ref<> zero = steal(int_from_i64(0));
  Ref<> one = steal(int_from_i64(1));
  if (!zero || !one) return nullptr;
  Ref<> s = start != nullptr ? steal(number_index(start)) : zero;
  Ref<> e = steal(number_index(stop));
  Ref<> st = step != nullptr ? steal(number_index(step)) : one;
  if (!s || !e || !st) return nullptr;
  if (int_sign(st.get()) == 0) {
    set_error(&kValueErrorType, "range() arg 3 must not be zero");
    return nullptr;
  }
  return make_range(s.get(), e.get(), st.get());
}

void init_range_types() {
  g_range_number.boolean = range_bool;

  Type* t = &kRangeType;
  init_static_type(t, "range", sizeof(RangeObject));
  t->doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object";
  t->methods = kRangeMethods;
  t->getsets = kRangeGetSets;
  t->dealloc = range_dealloc;
  t->new_ = range_type_new;
  t->repr = range_repr;
  t->hash = range_hash;
  t->richcompare = range_richcompare;
  t->iter = range_iter;
  t->length = range_length;
  t->getitem = range_getitem;
  t->contains = range_contains;
  t->number = &g_range_number;
  type_ready(t);

  Type* it = &kRangeIterType;
  init_static_type(it, "range_iterator", sizeof(RangeIter));
  it->methods = kRangeIterMethods;
  it->dealloc = [](Object* o) { generic_free(o); };
  it->iter = iter_self;
  it->iternext = range_iter_next;
  type_ready(it);

  Type* lit = &kLongRangeIterType;
  init_static_type(lit, "longrange_iterator", sizeof(LongRangeIter));
  lit->methods = kRangeIterMethods;
  lit->dealloc = long_range_iter_dealloc;
  lit->iter = iter_self;
  lit->iternext = long_range_iter_next;
  type_ready(lit);
}

}  // namespace conch::vm
