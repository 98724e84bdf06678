// slice: the (start, stop, step) triple produced by `a[i:j:k]`, and the
// index arithmetic every sequence uses to resolve it (PySlice_Unpack +
// PySlice_AdjustIndices).  Slices are immutable; unhashable as in 3.11.
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/container_util.h"
#include "vm/types/int.h"
#include "vm/types/tuple.h"

namespace conch::vm {

Type kSliceType;

namespace {

struct SliceObject : Object {
  Object* start;
  Object* stop;
  Object* step;
};

SliceObject* as_slice(Object* o) { return static_cast<SliceObject*>(o); }

constexpr ssize_t kMax = PTRDIFF_MAX;
constexpr ssize_t kMin = PTRDIFF_MIN;

// _PyEval_SliceIndex: an index clamped to ssize_t's range.
bool slice_index(Object* v, ssize_t* out) {
  if (int_check(v) && int_is_small(v)) {
    *out = int_small_value(v);
    return true;
  }
  if (!int_check(v) && (v->type->number == nullptr || v->type->number->index == nullptr)) {
    set_error(&kTypeErrorType,
              "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Ref<> idx = steal(number_index(v));
  if (!idx) return false;
  int64_t x;
  if (!int_to_i64(idx.get(), &x)) x = int_sign(idx.get()) < 0 ? kMin : kMax;
  *out = x;
  return true;
}

bool unpack(Object* o, ssize_t* start, ssize_t* stop, ssize_t* step) {
  SliceObject* s = as_slice(o);
  if (s->step == kNone) {
    *step = 1;
  } else {
    if (!slice_index(s->step, step)) return false;
    if (*step == 0) {
      set_error(&kValueErrorType, "slice step cannot be zero");
      return false;
    }
    if (*step < -kMax) *step = -kMax;  // so that -step cannot overflow
  }
  if (s->start == kNone) {
    *start = *step < 0 ? kMax : 0;
  } else if (!slice_index(s->start, start)) {
    return false;
  }
  if (s->stop == kNone) {
    *stop = *step < 0 ? kMin : kMax;
  } else if (!slice_index(s->stop, stop)) {
    return false;
  }
  return true;
}

ssize_t adjust_indices(ssize_t length, ssize_t* start, ssize_t* stop, ssize_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

void slice_dealloc(Object* o) {
  SliceObject* s = as_slice(o);
  clear_slot(&s->start);
  clear_slot(&s->stop);
  clear_slot(&s->step);
  generic_free(o);
}

int slice_traverse(Object* o, VisitFunc visit, void* arg) {
  SliceObject* s = as_slice(o);
  for (Object* p : {s->start, s->stop, s->step}) {
    if (int r = visit(p, arg)) return r;
  }
  return 0;
}

Object* slice_repr(Object* o) {
  SliceObject* s = as_slice(o);
  std::string out = "slice(";
  if (!append_repr(&out, s->start)) return nullptr;
  out += ", ";
  if (!append_repr(&out, s->stop)) return nullptr;
  out += ", ";
  if (!append_repr(&out, s->step)) return nullptr;
  out += ")";
  return str_from(out);
}

Object* slice_richcompare(Object* a, Object* b, CompareOp op) {
  if (!slice_check(a) || !slice_check(b)) return new_ref(not_implemented());
  if (a == b) {
    bool eq_ish = op == CompareOp::kEq || op == CompareOp::kLe || op == CompareOp::kGe;
    return new_bool(eq_ish);
  }
  SliceObject* x = as_slice(a);
  SliceObject* y = as_slice(b);
  Object* xa[3] = {x->start, x->stop, x->step};
  Object* ya[3] = {y->start, y->stop, y->step};
  return seq_richcompare(xa, 3, ya, 3, op);
}

Object* slice_type_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error(&kTypeErrorType, "slice() takes no keyword arguments");
    return nullptr;
  }
  if (nargs == 0) {
    set_error(&kTypeErrorType, "slice expected at least 1 argument, got 0");
    return nullptr;
  }
  if (nargs > 3) {
    set_error_fmt(&kTypeErrorType, "slice expected at most 3 arguments, got %d",
                  static_cast<int>(nargs));
    return nullptr;
  }
  if (nargs == 1) return slice_new(nullptr, args[0], nullptr);
  return slice_new(args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

Object* meth_indices(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!method_nargs("slice", "indices", nargs, 1, 1, kwnames)) return nullptr;
  ssize_t length = index_as_ssize(args[0]);
  if (length == -1 && has_error()) return nullptr;
  if (length < 0) {
    set_error(&kValueErrorType, "length should not be negative");
    return nullptr;
  }
  ssize_t start, stop, step, n;
  if (slice_indices(self, length, &start, &stop, &step, &n) < 0) return nullptr;
  Ref<> a = steal(int_from_i64(start));
  Ref<> b = steal(int_from_i64(stop));
  Ref<> c = steal(int_from_i64(step));
  if (!a || !b || !c) return nullptr;
  return tuple_pack({a.get(), b.get(), c.get()});
}

const MethodDef kSliceMethods[] = {
    {"indices", meth_indices, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* get_start(Object* self) { return new_ref(as_slice(self)->start); }
Object* get_stop(Object* self) { return new_ref(as_slice(self)->stop); }
Object* get_step(Object* self) { return new_ref(as_slice(self)->step); }

const GetSetDef kSliceGetSets[] = {
    {"start", get_start, nullptr, nullptr},
    {"stop", get_stop, nullptr, nullptr},
    {"step", get_step, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

Object* slice_new(Object* start, Object* stop, Object* step) {
  auto* s = static_cast<SliceObject*>(generic_alloc(&kSliceType));
  if (s == nullptr) return nullptr;
  s->start = new_ref(start != nullptr ? start : kNone);
  s->stop = new_ref(stop != nullptr ? stop : kNone);
  s->step = new_ref(step != nullptr ? step : kNone);
  return s;
}

int slice_indices(Object* slice, ssize_t length, ssize_t* start, ssize_t* stop, ssize_t* step,
                  ssize_t* slicelength) {
  if (!unpack(slice, start, stop, step)) return -1;
  *slicelength = adjust_indices(length, start, stop, *step);
  return 0;
}

void init_slice_types() {
  Type* t = &kSliceType;
  init_static_type(t, "slice", sizeof(SliceObject));
  t->flags |= kTypeHaveGC;
  t->doc = "slice(stop)\nslice(start, stop[, step])";
  t->methods = kSliceMethods;
  t->getsets = kSliceGetSets;
  t->dealloc = slice_dealloc;
  t->new_ = slice_type_new;
  t->repr = slice_repr;
  t->hash = hash_unhashable;
  t->richcompare = slice_richcompare;
  t->traverse = slice_traverse;
  type_ready(t);
}

}  // namespace conch::vm
