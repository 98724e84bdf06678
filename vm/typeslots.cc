// Slots <-> dunder methods.  See typeslots.h.
//
// A "group" is one slot field (or one NumberMethods field) and the dunder
// names that feed it: nb add <- __add__, __radd__; richcompare <- the six
// comparison names; setattr <- __setattr__, __delattr__.  A SlotDef is one
// dunder name of a group, with the calling convention its wrapper uses.
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/typeobject.h"
#include "vm/typeslots.h"
#include "vm/types.h"
#include "vm/types/container_util.h"

namespace conch::vm {

bool is_generic_getattribute(Object* f);

Type kSlotWrapperType;
Type kMethodWrapperType;

namespace {

using NM = NumberMethods;

enum Group : int {
  G_REPR, G_STR, G_HASH, G_CALL, G_ITER, G_NEXT, G_GETATTR, G_SETATTR, G_INIT, G_GET, G_SET,
  G_LEN, G_GETITEM, G_SETITEM, G_CONTAINS, G_RICHCMP,
  G_BIN0,                    // 12 binary number groups, kBin order
  G_POW = G_BIN0 + 12,
  G_INPLACE0,                // 12 in-place groups, kBin order
  G_IPOW = G_INPLACE0 + 12,
  G_UNARY0,                  // 7 unary number groups, kUnary order
  G_BOOL = G_UNARY0 + 7,
  G_COUNT
};
static_assert(G_COUNT < 63, "bit 63 of the own-slot mask is new_");

struct BinSlot {
  const char *op, *rop, *iop;
  BinaryFunc NM::*slot;
  BinaryFunc NM::*islot;
};
const BinSlot kBin[12] = {
    {"__add__", "__radd__", "__iadd__", &NM::add, &NM::inplace_add},
    {"__sub__", "__rsub__", "__isub__", &NM::subtract, &NM::inplace_subtract},
    {"__mul__", "__rmul__", "__imul__", &NM::multiply, &NM::inplace_multiply},
    {"__mod__", "__rmod__", "__imod__", &NM::remainder, &NM::inplace_remainder},
    {"__floordiv__", "__rfloordiv__", "__ifloordiv__", &NM::floor_divide,
     &NM::inplace_floor_divide},
    {"__truediv__", "__rtruediv__", "__itruediv__", &NM::true_divide, &NM::inplace_true_divide},
    {"__lshift__", "__rlshift__", "__ilshift__", &NM::lshift, &NM::inplace_lshift},
    {"__rshift__", "__rrshift__", "__irshift__", &NM::rshift, &NM::inplace_rshift},
    {"__and__", "__rand__", "__iand__", &NM::and_, &NM::inplace_and},
    {"__or__", "__ror__", "__ior__", &NM::or_, &NM::inplace_or},
    {"__xor__", "__rxor__", "__ixor__", &NM::xor_, &NM::inplace_xor},
    {"__matmul__", "__rmatmul__", "__imatmul__", &NM::matrix_multiply,
     &NM::inplace_matrix_multiply},
};
struct UnarySlot {
  const char* name;
  UnaryFunc NM::*slot;
};
const UnarySlot kUnary[7] = {
    {"__neg__", &NM::negative}, {"__pos__", &NM::positive}, {"__abs__", &NM::absolute},
    {"__invert__", &NM::invert}, {"__int__", &NM::to_int},  {"__float__", &NM::to_float},
    {"__index__", &NM::index},
};
const char* const kCmpNames[6] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};

enum Kind {
  K_UNARY, K_NEXT, K_HASH, K_CALL, K_GETATTRIBUTE, K_GETATTR, K_SETATTR, K_DELATTR, K_INIT,
  K_GET, K_SET, K_DELETE, K_LEN, K_GETITEM, K_SETITEM, K_DELITEM, K_CONTAINS, K_RICH,
  K_NB_L, K_NB_R, K_POW, K_RPOW, K_NB_I, K_IPOW, K_NB_UNARY, K_BOOL,
};

struct SlotDef {
  const char* name;
  int group;
  Kind kind;
  int arg;  // comparison op, or index into kBin / kUnary
};

std::vector<SlotDef> build_slotdefs() {
  std::vector<SlotDef> v = {
      {"__repr__", G_REPR, K_UNARY, 0},
      {"__str__", G_STR, K_UNARY, 0},
      {"__hash__", G_HASH, K_HASH, 0},
      {"__call__", G_CALL, K_CALL, 0},
      {"__iter__", G_ITER, K_UNARY, 0},
      {"__next__", G_NEXT, K_NEXT, 0},
      {"__getattribute__", G_GETATTR, K_GETATTRIBUTE, 0},
      {"__getattr__", G_GETATTR, K_GETATTR, 0},
      {"__setattr__", G_SETATTR, K_SETATTR, 0},
      {"__delattr__", G_SETATTR, K_DELATTR, 0},
      {"__init__", G_INIT, K_INIT, 0},
      {"__get__", G_GET, K_GET, 0},
      {"__set__", G_SET, K_SET, 0},
      {"__delete__", G_SET, K_DELETE, 0},
      {"__len__", G_LEN, K_LEN, 0},
      {"__getitem__", G_GETITEM, K_GETITEM, 0},
      {"__setitem__", G_SETITEM, K_SETITEM, 0},
      {"__delitem__", G_SETITEM, K_DELITEM, 0},
      {"__contains__", G_CONTAINS, K_CONTAINS, 0},
  };
  for (int i = 0; i < 6; ++i) v.push_back({kCmpNames[i], G_RICHCMP, K_RICH, i});
  for (int i = 0; i < 12; ++i) {
    v.push_back({kBin[i].op, G_BIN0 + i, K_NB_L, i});
    v.push_back({kBin[i].rop, G_BIN0 + i, K_NB_R, i});
  }
  v.push_back({"__pow__", G_POW, K_POW, 0});
  v.push_back({"__rpow__", G_POW, K_RPOW, 0});
  for (int i = 0; i < 12; ++i) v.push_back({kBin[i].iop, G_INPLACE0 + i, K_NB_I, i});
  v.push_back({"__ipow__", G_IPOW, K_IPOW, 0});
  for (int i = 0; i < 7; ++i) v.push_back({kUnary[i].name, G_UNARY0 + i, K_NB_UNARY, i});
  v.push_back({"__bool__", G_BOOL, K_BOOL, 0});
  return v;
}

const std::vector<SlotDef>& slotdefs() {
  static const std::vector<SlotDef> v = build_slotdefs();
  return v;
}

// Interned names, one per slotdef, built on first use (after str is ready).
Object* slot_name(size_t i) {
  // A function-local static's initialiser runs once even when two threads
  // create their first classes at the same moment.
  static const std::vector<Object*> names = [] {
    std::vector<Object*> v;
    for (const SlotDef& d : slotdefs()) v.push_back(str_intern(d.name));
    return v;
  }();
  return names[i];
}

// Interned dunder names for the dispatchers, built once (str_intern takes
// the intern table's lock, too slow for every operator call).
struct Names {
  Object *op[12], *rop[12], *iop[12], *unary[7], *cmp[6];
  Object *pow, *rpow, *ipow, *setitem, *delitem;
};

Names make_names() {
  Names n;
  for (int i = 0; i < 12; ++i) {
    n.op[i] = str_intern(kBin[i].op);
    n.rop[i] = str_intern(kBin[i].rop);
    n.iop[i] = str_intern(kBin[i].iop);
  }
  for (int i = 0; i < 7; ++i) n.unary[i] = str_intern(kUnary[i].name);
  for (int i = 0; i < 6; ++i) n.cmp[i] = str_intern(kCmpNames[i]);
  n.pow = str_intern("__pow__");
  n.rpow = str_intern("__rpow__");
  n.ipow = str_intern("__ipow__");
  n.setitem = str_intern("__setitem__");
  n.delitem = str_intern("__delitem__");
  return n;
}

const Names& names() {
  static const Names n = make_names();
  return n;
}

// ---------------------------------------------------------------------------
// Calling dunders.

// Runs f with up to kInline arguments on the stack, more on the heap.
template <class F>
Object* with_prepended(Object* self, Object* const* args, size_t n, F f) {
  constexpr size_t kInline = 8;
  Object* buf[kInline];
  std::vector<Object*> heap;
  Object** p = buf;
  if (n + 1 > kInline) {
    heap.resize(n + 1);
    p = heap.data();
  }
  p[0] = self;
  for (size_t i = 0; i < n; ++i) p[i + 1] = args[i];
  return f(p);
}

Object* call1(Object* self, Object* name, Object* arg, bool* found) {
  Object* a[1] = {arg};
  return call_special(self, name, a, 1, found);
}

Object* call0(Object* self, Object* name, bool* found) {
  return call_special(self, name, nullptr, 0, found);
}

Object* missing(Object* self, Object* name) {
  set_error_fmt(&kAttributeErrorType, "'%s' object has no attribute '%s'", type_name(self),
                str_view(name));
  return nullptr;
}

Object* call0_or_raise(Object* self, Object* name) {
  bool found;
  Object* r = call0(self, name, &found);
  if (!found && !has_error()) return missing(self, name);
  return r;
}

// ---------------------------------------------------------------------------
// Dispatchers: the slots of heap types whose dunders are written in Python.

Object* slot_repr(Object* self) { return call0_or_raise(self, g_names.repr); }
Object* slot_str(Object* self) { return call0_or_raise(self, g_names.str); }
Object* slot_iter(Object* self) { return call0_or_raise(self, g_names.iter); }

Object* slot_next(Object* self) {
  Object* r = call0_or_raise(self, g_names.next);
  if (r == nullptr && error_matches(&kStopIterationType)) clear_error();
  return r;
}

hash_t slot_hash(Object* self) {
  Ref<> r = steal(call0_or_raise(self, g_names.hash));
  if (!r) return -1;
  if (!int_check(r.get())) {
    set_error(&kTypeErrorType, "__hash__ method should return an integer");
    return -1;
  }
  int64_t h;
  if (int_to_i64(r.get(), &h)) return h == -1 ? -2 : h;
  return hash(r.get());
}

Object* slot_call(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* f = type_lookup(self->type, g_names.call);
  if (f == nullptr) return missing(self, g_names.call);
  return call_with_self(f, self, args, nargs, kwnames);
}


Object* slot_getattr_hook(Object* self, Object* name) {
  Object* ga = type_lookup(self->type, g_names.getattribute);
  Object* gattr = type_lookup(self->type, g_names.getattr);
  Ref<> keep = borrow(gattr);
  Object* r;
  if (ga == nullptr || is_generic_getattribute(ga)) {
    r = generic_getattr(self, name);
  } else {
    Object* a[1] = {name};
    r = call_with_self(ga, self, a, 1, nullptr);
  }
  if (r == nullptr && gattr != nullptr && error_matches(&kAttributeErrorType)) {
    clear_error();
    Object* a[1] = {name};
    r = call_with_self(gattr, self, a, 1, nullptr);
  }
  return r;
}

int slot_setattr(Object* self, Object* name, Object* value) {
  bool found;
  Object* r;
  if (value == nullptr) {
    r = call1(self, g_names.delattr, name, &found);
  } else {
    Object* a[2] = {name, value};
    r = call_special(self, g_names.setattr, a, 2, &found);
  }
  if (r == nullptr) return -1;
  decref(r);
  return 0;
}

int slot_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  Object* f = type_lookup(self->type, g_names.init);
  if (f == nullptr) return 0;
  Ref<> r = steal(call_with_self(f, self, args, nargs, kwnames));
  if (!r) return -1;
  if (r.get() != kNone) {
    set_error_fmt(&kTypeErrorType, "__init__() should return None, not '%s'", type_name(r.get()));
    return -1;
  }
  return 0;
}

Object* slot_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* f = type_lookup(type, g_names.new_);
  if (f == nullptr) return missing(type, g_names.new_);
  Ref<> fn = borrow(f);
  if (f->type->descr_get != nullptr) {
    fn = steal(f->type->descr_get(f, nullptr, type));
    if (!fn) return nullptr;
  }
  size_t total = nargs + (kwnames ? tuple_size(kwnames) : 0);
  return with_prepended(type, args, total,
                        [&](Object** p) { return call(fn.get(), p, nargs + 1, kwnames); });
}

Object* none_if_null(Object* o) { return o ? o : kNone; }

Object* slot_descr_get(Object* self, Object* obj, Object* type) {
  bool found;
  Object* a[2] = {none_if_null(obj), none_if_null(type)};
  Object* r = call_special(self, g_names.get, a, 2, &found);
  if (!found && !has_error()) return new_ref(self);
  return r;
}

int slot_descr_set(Object* self, Object* obj, Object* value) {
  bool found;
  Object* r;
  if (value == nullptr) {
    r = call1(self, g_names.delete_, obj, &found);
  } else {
    Object* a[2] = {obj, value};
    r = call_special(self, g_names.set, a, 2, &found);
  }
  if (!found && !has_error()) {
    set_error(&kAttributeErrorType, value ? "__set__" : "__delete__");
    return -1;
  }
  if (r == nullptr) return -1;
  decref(r);
  return 0;
}

ssize_t slot_len(Object* self) {
  Ref<> r = steal(call0_or_raise(self, g_names.len));
  if (!r) return -1;
  ssize_t n = index_as_ssize(r.get());
  if (n == -1 && has_error()) return -1;
  if (n < 0) {
    set_error(&kValueErrorType, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

Object* slot_getitem(Object* self, Object* key) {
  bool found;
  Object* r = call1(self, g_names.getitem, key, &found);
  if (!found && !has_error()) return missing(self, g_names.getitem);
  return r;
}

int slot_setitem(Object* self, Object* key, Object* value) {
  bool found;
  Object* r;
  if (value == nullptr) {
    r = call1(self, names().delitem, key, &found);
    if (!found && !has_error()) {
      set_error_fmt(&kAttributeErrorType, "__delitem__");
    }
  } else {
    Object* a[2] = {key, value};
    r = call_special(self, names().setitem, a, 2, &found);
    if (!found && !has_error()) set_error_fmt(&kAttributeErrorType, "__setitem__");
  }
  if (r == nullptr) return -1;
  decref(r);
  return 0;
}

int slot_contains(Object* self, Object* item) {
  bool found;
  Ref<> r = steal(call1(self, g_names.contains, item, &found));
  if (!r) {
    if (!found && !has_error()) missing(self, g_names.contains);
    return -1;
  }
  return is_true(r.get());
}

Object* slot_richcompare(Object* self, Object* other, CompareOp op) {
  bool found;
  Object* r = call1(self, names().cmp[static_cast<int>(op)], other, &found);
  if (!found && !has_error()) return new_ref(kNotImplemented);
  return r;
}

Object* binary_dispatch(Object* a, Object* b, Object* op, Object* rop, BinaryFunc self_fn,
                        BinaryFunc NM::*field) {
  Type* ta = a->type;
  Type* tb = b->type;
  auto slot_of = [&](Type* t) -> BinaryFunc { return t->number ? t->number->*field : nullptr; };
  bool do_other = ta != tb && slot_of(tb) == self_fn;
  bool found;
  if (slot_of(ta) == self_fn) {
    if (do_other && is_subtype(tb, ta) && type_lookup(tb, rop) != type_lookup(ta, rop)) {
      Object* r = call1(b, rop, a, &found);
      if (r == nullptr && (found || has_error())) return nullptr;
      if (r != nullptr && r != kNotImplemented) return r;
      xdecref(r);
      do_other = false;
    }
    Object* r = call1(a, op, b, &found);
    if (r == nullptr && (found || has_error())) return nullptr;
    if (r != nullptr && (r != kNotImplemented || ta == tb)) return r;
    xdecref(r);
    if (ta == tb) return new_ref(kNotImplemented);
  }
  if (do_other) {
    Object* r = call1(b, rop, a, &found);
    if (r == nullptr && !found && !has_error()) return new_ref(kNotImplemented);
    return r;
  }
  return new_ref(kNotImplemented);
}

template <int I>
Object* slot_binary(Object* a, Object* b) {
  return binary_dispatch(a, b, names().op[I], names().rop[I], &slot_binary<I>,
                         kBin[I].slot);
}

template <int I>
Object* slot_inplace(Object* a, Object* b) {
  bool found;
  Object* r = call1(a, names().iop[I], b, &found);
  if (r == nullptr && !found && !has_error()) return new_ref(kNotImplemented);
  return r;
}

template <int I>
Object* slot_unary(Object* a) {
  return call0_or_raise(a, names().unary[I]);
}

Object* slot_pow(Object* a, Object* b, Object* mod);

Object* slot_pow_binary(Object* a, Object* b) {
  // Reuses the binary dispatch by looking at the ternary slot's identity.
  Type* ta = a->type;
  Type* tb = b->type;
  auto is_mine = [](Type* t) { return t->number && t->number->power == slot_pow; };
  Object* op = names().pow;
  Object* rop = names().rpow;
  bool do_other = ta != tb && is_mine(tb);
  bool found;
  if (is_mine(ta)) {
    if (do_other && is_subtype(tb, ta) && type_lookup(tb, rop) != type_lookup(ta, rop)) {
      Object* r = call1(b, rop, a, &found);
      if (r == nullptr && (found || has_error())) return nullptr;
      if (r != nullptr && r != kNotImplemented) return r;
      xdecref(r);
      do_other = false;
    }
    Object* r = call1(a, op, b, &found);
    if (r == nullptr && (found || has_error())) return nullptr;
    if (r != nullptr && (r != kNotImplemented || ta == tb)) return r;
    xdecref(r);
    if (ta == tb) return new_ref(kNotImplemented);
  }
  if (do_other) {
    Object* r = call1(b, rop, a, &found);
    if (r == nullptr && !found && !has_error()) return new_ref(kNotImplemented);
    return r;
  }
  return new_ref(kNotImplemented);
}

Object* slot_pow(Object* a, Object* b, Object* mod) {
  if (mod == nullptr || mod == kNone) return slot_pow_binary(a, b);
  if (!(a->type->number && a->type->number->power == slot_pow)) return new_ref(kNotImplemented);
  bool found;
  Object* args[2] = {b, mod};
  Object* r = call_special(a, names().pow, args, 2, &found);
  if (r == nullptr && !found && !has_error()) return new_ref(kNotImplemented);
  return r;
}

Object* slot_ipow(Object* a, Object* b, Object* mod) {
  bool found;
  Object* r = call1(a, names().ipow, b, &found);
  if (r == nullptr && !found && !has_error()) return new_ref(kNotImplemented);
  return r;
}

int slot_bool(Object* self) {
  Ref<> r = steal(call0_or_raise(self, g_names.bool_));
  if (!r) return -1;
  if (!bool_check(r.get())) {
    set_error_fmt(&kTypeErrorType, "__bool__ should return bool, returned %s", type_name(r.get()));
    return -1;
  }
  return r.get() == kTrue ? 1 : 0;
}

template <int... I>
struct Tables {
  static constexpr BinaryFunc bin[] = {&slot_binary<I>...};
  static constexpr BinaryFunc inplace[] = {&slot_inplace<I>...};
};
using BinTables = Tables<0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11>;
constexpr UnaryFunc kUnaryDispatch[7] = {slot_unary<0>, slot_unary<1>, slot_unary<2>,
                                         slot_unary<3>, slot_unary<4>, slot_unary<5>,
                                         slot_unary<6>};

// ---------------------------------------------------------------------------
// Per-group access to a type's slot: is it set, copy it, dispatch, clear.

NM* num(Type* t) { return t->number; }

bool group_is_set(const Type* t, int g) {
  const NM* n = t->number;
  switch (g) {
    case G_REPR: return t->repr != nullptr;
    case G_STR: return t->str != nullptr;
    case G_HASH: return t->hash != nullptr;
    case G_CALL: return t->call != nullptr;
    case G_ITER: return t->iter != nullptr;
    case G_NEXT: return t->iternext != nullptr;
    case G_GETATTR: return t->getattr != nullptr;
    case G_SETATTR: return t->setattr != nullptr;
    case G_INIT: return t->init != nullptr;
    case G_GET: return t->descr_get != nullptr;
    case G_SET: return t->descr_set != nullptr;
    case G_LEN: return t->length != nullptr;
    case G_GETITEM: return t->getitem != nullptr;
    case G_SETITEM: return t->setitem != nullptr;
    case G_CONTAINS: return t->contains != nullptr;
    case G_RICHCMP: return t->richcompare != nullptr;
    default: break;
  }
  if (n == nullptr) return false;
  if (g >= G_BIN0 && g < G_BIN0 + 12) return n->*kBin[g - G_BIN0].slot != nullptr;
  if (g == G_POW) return n->power != nullptr;
  if (g >= G_INPLACE0 && g < G_INPLACE0 + 12) return n->*kBin[g - G_INPLACE0].islot != nullptr;
  if (g == G_IPOW) return n->inplace_power != nullptr;
  if (g >= G_UNARY0 && g < G_UNARY0 + 7) return n->*kUnary[g - G_UNARY0].slot != nullptr;
  if (g == G_BOOL) return n->boolean != nullptr;
  return false;
}

// mode: 0 = copy from `src`, 1 = install the dispatcher, 2 = clear.
void group_assign(Type* t, int g, int mode, const Type* src) {
  auto pick = [&](auto& field, auto src_field, auto dispatch) {
    using F = std::remove_reference_t<decltype(field)>;
    if (mode == 0) field = src_field;
    else if (mode == 1) field = static_cast<F>(dispatch);
    else field = nullptr;
  };
  const NM* sn = src ? src->number : nullptr;
  NM* n = num(t);
  switch (g) {
    case G_REPR: return pick(t->repr, src ? src->repr : nullptr, slot_repr);
    case G_STR: return pick(t->str, src ? src->str : nullptr, slot_str);
    case G_HASH: return pick(t->hash, src ? src->hash : nullptr, slot_hash);
    case G_CALL: return pick(t->call, src ? src->call : nullptr, slot_call);
    case G_ITER: return pick(t->iter, src ? src->iter : nullptr, slot_iter);
    case G_NEXT: return pick(t->iternext, src ? src->iternext : nullptr, slot_next);
    case G_GETATTR: return pick(t->getattr, src ? src->getattr : nullptr, slot_getattr_hook);
    case G_SETATTR: return pick(t->setattr, src ? src->setattr : nullptr, slot_setattr);
    case G_INIT: return pick(t->init, src ? src->init : nullptr, slot_init);
    case G_GET: return pick(t->descr_get, src ? src->descr_get : nullptr, slot_descr_get);
    case G_SET: return pick(t->descr_set, src ? src->descr_set : nullptr, slot_descr_set);
    case G_LEN: return pick(t->length, src ? src->length : nullptr, slot_len);
    case G_GETITEM: return pick(t->getitem, src ? src->getitem : nullptr, slot_getitem);
    case G_SETITEM: return pick(t->setitem, src ? src->setitem : nullptr, slot_setitem);
    case G_CONTAINS: return pick(t->contains, src ? src->contains : nullptr, slot_contains);
    case G_RICHCMP:
      return pick(t->richcompare, src ? src->richcompare : nullptr, slot_richcompare);
    default: break;
  }
  if (n == nullptr) return;
  if (g >= G_BIN0 && g < G_BIN0 + 12) {
    int i = g - G_BIN0;
    return pick(n->*kBin[i].slot, sn ? sn->*kBin[i].slot : nullptr, BinTables::bin[i]);
  }
  if (g == G_POW) return pick(n->power, sn ? sn->power : nullptr, slot_pow);
  if (g >= G_INPLACE0 && g < G_INPLACE0 + 12) {
    int i = g - G_INPLACE0;
    return pick(n->*kBin[i].islot, sn ? sn->*kBin[i].islot : nullptr, BinTables::inplace[i]);
  }
  if (g == G_IPOW) return pick(n->inplace_power, sn ? sn->inplace_power : nullptr, slot_ipow);
  if (g >= G_UNARY0 && g < G_UNARY0 + 7) {
    int i = g - G_UNARY0;
    return pick(n->*kUnary[i].slot, sn ? sn->*kUnary[i].slot : nullptr, kUnaryDispatch[i]);
  }
  if (g == G_BOOL) return pick(n->boolean, sn ? sn->boolean : nullptr, slot_bool);
}

// ---------------------------------------------------------------------------
// Slot wrappers: `int.__add__`, `object.__init__`.

struct SlotWrapper : Object {
  Type* owner;
  const SlotDef* def;
};
struct MethodWrapper : Object {
  SlotWrapper* descr;
  Object* self;
};

bool check_count(const SlotDef* d, size_t nargs, size_t want, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error_fmt(&kTypeErrorType, "wrapper %s() takes no keyword arguments", d->name);
    return false;
  }
  if (nargs != want) {
    set_error_fmt(&kTypeErrorType, "expected %d argument%s, got %d", static_cast<int>(want),
                  want == 1 ? "" : "s", static_cast<int>(nargs));
    return false;
  }
  return true;
}

Object* int_result(int r) {
  if (r < 0) return nullptr;
  return new_none();
}

Object* wrapper_invoke(const SlotDef* d, Type* o, Object* self, Object* const* a, size_t n,
                       Object* kw) {
  const NM* nm = o->number;
  switch (d->kind) {
    case K_CALL:
      return o->call(self, a, n, kw);
    case K_INIT:
      return int_result(o->init(self, a, n, kw));
    default:
      break;
  }
  size_t want = 0;
  switch (d->kind) {
    case K_GETATTRIBUTE: case K_GETATTR: case K_DELATTR: case K_GETITEM: case K_DELITEM:
    case K_CONTAINS: case K_RICH: case K_NB_L: case K_NB_R: case K_NB_I: case K_DELETE:
      want = 1; break;
    case K_SETATTR: case K_SETITEM: case K_SET:
      want = 2; break;
    case K_GET: case K_POW: case K_RPOW: case K_IPOW:
      if (n == 1 || n == 2) want = n;
      else want = 2;
      break;
    default:
      want = 0;
  }
  if (!check_count(d, n, want, kw)) return nullptr;
  switch (d->kind) {
    case K_UNARY: {
      UnaryFunc f = d->group == G_REPR ? o->repr : d->group == G_STR ? o->str : o->iter;
      return f(self);
    }
    case K_NEXT: {
      Object* r = o->iternext(self);
      if (r == nullptr && !has_error()) set_error_args(&kStopIterationType, nullptr);
      return r;
    }
    case K_HASH: {
      hash_t h = o->hash(self);
      if (h == -1 && has_error()) return nullptr;
      return int_from_i64(h);
    }
    case K_GETATTRIBUTE: case K_GETATTR:
      if (!str_check(a[0])) {
        set_error_fmt(&kTypeErrorType, "attribute name must be string, not '%s'", type_name(a[0]));
        return nullptr;
      }
      return o->getattr(self, a[0]);
    case K_SETATTR: case K_DELATTR:
      if (!str_check(a[0])) {
        set_error_fmt(&kTypeErrorType, "attribute name must be string, not '%s'", type_name(a[0]));
        return nullptr;
      }
      return int_result(o->setattr(self, a[0], d->kind == K_SETATTR ? a[1] : nullptr));
    case K_GET: {
      Object* obj = a[0] == kNone ? nullptr : a[0];
      Object* type = n > 1 && a[1] != kNone ? a[1] : nullptr;
      if (obj == nullptr && type == nullptr) {
        set_error(&kTypeErrorType, "__get__(None, None) is invalid");
        return nullptr;
      }
      return o->descr_get(self, obj, type);
    }
    case K_SET: return int_result(o->descr_set(self, a[0], a[1]));
    case K_DELETE: return int_result(o->descr_set(self, a[0], nullptr));
    case K_LEN: {
      ssize_t r = o->length(self);
      if (r < 0) return nullptr;
      return int_from_i64(r);
    }
    case K_GETITEM: return o->getitem(self, a[0]);
    case K_SETITEM: return int_result(o->setitem(self, a[0], a[1]));
    case K_DELITEM: return int_result(o->setitem(self, a[0], nullptr));
    case K_CONTAINS: {
      int r = o->contains(self, a[0]);
      if (r < 0) return nullptr;
      return new_bool(r);
    }
    case K_RICH: return o->richcompare(self, a[0], static_cast<CompareOp>(d->arg));
    case K_NB_L: return (nm->*kBin[d->arg].slot)(self, a[0]);
    case K_NB_R: return (nm->*kBin[d->arg].slot)(a[0], self);
    case K_NB_I: return (nm->*kBin[d->arg].islot)(self, a[0]);
    case K_POW: return nm->power(self, a[0], n > 1 ? a[1] : kNone);
    case K_RPOW: return nm->power(a[0], self, n > 1 ? a[1] : kNone);
    case K_IPOW: return nm->inplace_power(self, a[0], n > 1 ? a[1] : kNone);
    case K_NB_UNARY: return (nm->*kUnary[d->arg].slot)(self);
    case K_BOOL: {
      int r = nm->boolean(self);
      if (r < 0) return nullptr;
      return new_bool(r);
    }
    default:
      set_error(&kRuntimeErrorType, "bad slot wrapper");
      return nullptr;
  }
}


SlotWrapper* as_wrapper(Object* o) { return static_cast<SlotWrapper*>(o); }

bool wrapper_check_self(SlotWrapper* w, Object* self) {
  if (is_instance_of(self, w->owner)) return true;
  set_error_fmt(&kTypeErrorType, "descriptor '%s' requires a '%s' object but received a '%s'",
                w->def->name, w->owner->name, type_name(self));
  return false;
}

Object* wrapper_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  SlotWrapper* w = as_wrapper(callable);
  if (nargs < 1) {
    set_error_fmt(&kTypeErrorType, "descriptor '%s' of '%s' object needs an argument",
                  w->def->name, w->owner->name);
    return nullptr;
  }
  if (!wrapper_check_self(w, args[0])) return nullptr;
  return wrapper_invoke(w->def, w->owner, args[0], args + 1, nargs - 1, kwnames);
}

Object* wrapper_get(Object* descr, Object* obj, Object* type) {
  if (obj == nullptr) return new_ref(descr);
  SlotWrapper* w = as_wrapper(descr);
  if (!wrapper_check_self(w, obj)) return nullptr;
  auto* m = static_cast<MethodWrapper*>(generic_alloc(&kMethodWrapperType));
  if (m == nullptr) return nullptr;
  m->descr = static_cast<SlotWrapper*>(new_ref(descr));
  m->self = new_ref(obj);
  return m;
}

Object* wrapper_repr(Object* o) {
  SlotWrapper* w = as_wrapper(o);
  return str_from(absl::StrFormat("<slot wrapper '%s' of '%s' objects>", w->def->name,
                                  w->owner->name));
}

void wrapper_dealloc(Object* o) { generic_free(o); }

Object* wrapper_name_get(Object* o) { return str_from_cstr(as_wrapper(o)->def->name); }
Object* wrapper_objclass_get(Object* o) { return new_ref(as_wrapper(o)->owner); }
Object* wrapper_qualname_get(Object* o) {
  SlotWrapper* w = as_wrapper(o);
  return str_from(absl::StrCat(w->owner->name, ".", w->def->name));
}

const GetSetDef kWrapperGetSets[] = {
    {"__name__", wrapper_name_get, nullptr, nullptr},
    {"__qualname__", wrapper_qualname_get, nullptr, nullptr},
    {"__objclass__", wrapper_objclass_get, nullptr, nullptr},
    {nullptr},
};

Object* mwrapper_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* m = static_cast<MethodWrapper*>(callable);
  return wrapper_invoke(m->descr->def, m->descr->owner, m->self, args, nargs, kwnames);
}

Object* mwrapper_repr(Object* o) {
  auto* m = static_cast<MethodWrapper*>(o);
  return str_from(absl::StrFormat("<method-wrapper '%s' of %s object at %p>", m->descr->def->name,
                                  type_name(m->self), static_cast<void*>(m->self)));
}

void mwrapper_dealloc(Object* o) {
  auto* m = static_cast<MethodWrapper*>(o);
  decref(m->descr);
  decref(m->self);
  generic_free(o);
}

int mwrapper_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* m = static_cast<MethodWrapper*>(o);
  if (int r = visit(m->descr, arg)) return r;
  return visit(m->self, arg);
}

Object* mwrapper_self_get(Object* o) { return new_ref(static_cast<MethodWrapper*>(o)->self); }
Object* mwrapper_name_get(Object* o) {
  return str_from_cstr(static_cast<MethodWrapper*>(o)->descr->def->name);
}

const GetSetDef kMethodWrapperGetSets[] = {
    {"__self__", mwrapper_self_get, nullptr, nullptr},
    {"__name__", mwrapper_name_get, nullptr, nullptr},
    {nullptr},
};

Object* wrapper_new(Type* owner, const SlotDef* def) {
  auto* w = static_cast<SlotWrapper*>(generic_alloc(&kSlotWrapperType));
  if (w == nullptr) return nullptr;
  w->owner = owner;
  w->def = def;
  return w;
}

}  // namespace

bool is_generic_getattribute(Object* f) {
  if (f->type != &kSlotWrapperType) return false;
  return as_wrapper(f)->owner->getattr == generic_getattr;
}

uint64_t own_slot_mask(const Type* t) {
  uint64_t mask = 0;
  for (int g = 0; g < G_COUNT; ++g) {
    if (group_is_set(t, g)) mask |= uint64_t{1} << g;
  }
  if (t->new_ != nullptr) mask |= uint64_t{1} << 63;
  return mask;
}

int add_slot_wrappers(Type* t, uint64_t own_mask) {
  const auto& defs = slotdefs();
  for (size_t i = 0; i < defs.size(); ++i) {
    const SlotDef& d = defs[i];
    if (!(own_mask & (uint64_t{1} << d.group)) || d.kind == K_GETATTR) continue;
    Object* name = slot_name(i);
    if (dict_get_item(t->dict, name) != nullptr) continue;
    // Unhashable built-ins (list, dict, set ...) say so as CPython does:
    // list.__hash__ is None (dataclasses and abc.Hashable test for that).
    if (d.group == G_HASH && (t->hash == hash_unhashable || t->hash == hash_not_implemented)) {
      if (dict_set_item(t->dict, name, kNone) < 0) return -1;
      continue;
    }
    Ref<> w = steal(wrapper_new(t, &d));
    if (!w || dict_set_item(t->dict, name, w.get()) < 0) return -1;
  }
  return 0;
}

hash_t hash_not_implemented(Object* o) {
  set_error_fmt(&kTypeErrorType, "unhashable type: '%s'", type_name(o));
  return -1;
}

// For each group: the dunders found along the MRO decide the slot.
void fixup_slots(Type* t) {
  const auto& defs = slotdefs();
  size_t i = 0;
  while (i < defs.size()) {
    int g = defs[i].group;
    bool any = false, python = false, all_none = true;
    const Type* owner = nullptr;
    for (; i < defs.size() && defs[i].group == g; ++i) {
      Object* v = type_lookup(t, slot_name(i));
      if (v == nullptr) {
        if (has_error()) clear_error();
        continue;
      }
      any = true;
      if (v == kNone) continue;
      all_none = false;
      if (v->type == &kSlotWrapperType && as_wrapper(v)->def->group == g &&
          (owner == nullptr || owner == as_wrapper(v)->owner)) {
        owner = as_wrapper(v)->owner;
      } else {
        python = true;
      }
    }
    if (!any) continue;
    if (all_none) {
      group_assign(t, g, 2, nullptr);
    } else if (python) {
      group_assign(t, g, 1, nullptr);
    } else {
      group_assign(t, g, 0, owner);
    }
  }
  // __new__: a builtin tp_new wrapper means that type's new_; anything else
  // is Python code.
  Object* nw = type_lookup(t, g_names.new_);
  if (nw != nullptr) {
    if (builtin_function_def(nw) == &kTpNewWrapperDef) {
      t->new_ = static_cast<Type*>(builtin_function_self(nw))->new_;
    } else {
      t->new_ = slot_new;
    }
  } else if (has_error()) {
    clear_error();
  }
}

Object* call_with_self(Object* f, Object* self, Object* const* args, size_t nargs,
                       Object* kwnames) {
  Ref<> keep = borrow(f);
  Type* ft = f->type;
  if (ft == &kFunctionType || ft == &kMethodDescrType || ft == &kSlotWrapperType) {
    size_t total = nargs + (kwnames ? tuple_size(kwnames) : 0);
    return with_prepended(self, args, total,
                          [&](Object** p) { return call(f, p, nargs + 1, kwnames); });
  }
  if (ft->descr_get != nullptr) {
    Ref<> bound = steal(ft->descr_get(f, self, self->type));
    if (!bound) return nullptr;
    return call(bound.get(), args, nargs, kwnames);
  }
  return call(f, args, nargs, kwnames);
}

Object* call_special(Object* self, Object* name, Object* const* args, size_t nargs, bool* found) {
  Object* f = type_lookup(self->type, name);
  if (f == nullptr) {
    *found = false;
    return nullptr;
  }
  *found = true;
  return call_with_self(f, self, args, nargs, nullptr);
}

void init_slot_wrapper_types() {
  if (kSlotWrapperType.flags & kTypeReady) return;
  Type* w = &kSlotWrapperType;
  init_static_type(w, "wrapper_descriptor", sizeof(SlotWrapper));
  w->flags &= ~kTypeBaseType;
  w->dealloc = wrapper_dealloc;
  w->call = wrapper_call;
  w->descr_get = wrapper_get;
  w->repr = wrapper_repr;
  w->getsets = kWrapperGetSets;
  type_ready(w);

  Type* m = &kMethodWrapperType;
  init_static_type(m, "method-wrapper", sizeof(MethodWrapper));
  m->flags &= ~kTypeBaseType;
  m->flags |= kTypeHaveGC;
  m->dealloc = mwrapper_dealloc;
  m->traverse = mwrapper_traverse;
  m->call = mwrapper_call;
  m->repr = mwrapper_repr;
  m->getsets = kMethodWrapperGetSets;
  type_ready(m);
}

}  // namespace conch::vm
