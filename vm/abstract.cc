// The object protocol (vm/abstract.h): generic operations dispatching through
// type slots with CPython's rules.
//
// Binary operators follow CPython's binary_op1: a's slot, then b's, except
// that b's goes first when type(b) is a proper subclass of type(a) with a
// different slot; a slot returning NotImplemented passes the turn.  Rich
// comparison is the same dance with the reflected operator (a < b <-> b > a).
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/instance_slots.h"
#include "vm/thread_state.h"
#include "vm/suggestions.h"
#include "vm/typeobject.h"
#include "vm/typeslots.h"
#include "vm/types.h"
#include "vm/types/container_util.h"

namespace conch::vm {

namespace {

Object* check_str_result(Object* r, const char* what) {
  if (r == nullptr || str_check(r)) return r;
  set_error_fmt(&kTypeErrorType, "%s returned non-string (type %s)", what, type_name(r));
  decref(r);
  return nullptr;
}

void append_utf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes one code point of valid UTF-8 at s[*i], advancing *i.
uint32_t next_codepoint(std::string_view s, size_t* i) {
  auto c = static_cast<unsigned char>(s[*i]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && *i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  }
  *i += len;
  return cp;
}

// ---------------------------------------------------------------------------
// Number dispatch.

using NM = NumberMethods;

BinaryFunc NM::*binary_field(int op) {
  switch (static_cast<BinaryOp>(op)) {
    case BinaryOp::kAdd: return &NM::add;
    case BinaryOp::kAnd: return &NM::and_;
    case BinaryOp::kFloorDivide: return &NM::floor_divide;
    case BinaryOp::kLshift: return &NM::lshift;
    case BinaryOp::kMatrixMultiply: return &NM::matrix_multiply;
    case BinaryOp::kMultiply: return &NM::multiply;
    case BinaryOp::kRemainder: return &NM::remainder;
    case BinaryOp::kOr: return &NM::or_;
    case BinaryOp::kRshift: return &NM::rshift;
    case BinaryOp::kSubtract: return &NM::subtract;
    case BinaryOp::kTrueDivide: return &NM::true_divide;
    case BinaryOp::kXor: return &NM::xor_;
    default: return nullptr;
  }
}

BinaryFunc NM::*inplace_field(int op) {
  switch (static_cast<BinaryOp>(op)) {
    case BinaryOp::kAdd: return &NM::inplace_add;
    case BinaryOp::kAnd: return &NM::inplace_and;
    case BinaryOp::kFloorDivide: return &NM::inplace_floor_divide;
    case BinaryOp::kLshift: return &NM::inplace_lshift;
    case BinaryOp::kMatrixMultiply: return &NM::inplace_matrix_multiply;
    case BinaryOp::kMultiply: return &NM::inplace_multiply;
    case BinaryOp::kRemainder: return &NM::inplace_remainder;
    case BinaryOp::kOr: return &NM::inplace_or;
    case BinaryOp::kRshift: return &NM::inplace_rshift;
    case BinaryOp::kSubtract: return &NM::inplace_subtract;
    case BinaryOp::kTrueDivide: return &NM::inplace_true_divide;
    case BinaryOp::kXor: return &NM::inplace_xor;
    default: return nullptr;
  }
}

// CPython's binary_op1: a new reference, NotImplemented, or nullptr.
Object* binary_op1(Object* a, Object* b, BinaryFunc NM::*field) {
  Type* ta = a->type;
  Type* tb = b->type;
  BinaryFunc slotv = ta->number ? ta->number->*field : nullptr;
  BinaryFunc slotw = nullptr;
  if (tb != ta && tb->number != nullptr) {
    slotw = tb->number->*field;
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv != nullptr) {
    if (slotw != nullptr && is_subtype(tb, ta)) {
      Object* x = slotw(a, b);
      if (x != kNotImplemented) return x;
      decref(x);
      slotw = nullptr;
    }
    Object* x = slotv(a, b);
    if (x != kNotImplemented) return x;
    decref(x);
  }
  if (slotw != nullptr) return slotw(a, b);
  return new_ref(kNotImplemented);
}

Object* ternary_op1(Object* a, Object* b, Object* c) {
  Type* ta = a->type;
  Type* tb = b->type;
  TernaryFunc slotv = ta->number ? ta->number->power : nullptr;
  TernaryFunc slotw = nullptr;
  if (tb != ta && tb->number != nullptr) {
    slotw = tb->number->power;
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv != nullptr) {
    if (slotw != nullptr && is_subtype(tb, ta)) {
      Object* x = slotw(a, b, c);
      if (x != kNotImplemented) return x;
      decref(x);
      slotw = nullptr;
    }
    Object* x = slotv(a, b, c);
    if (x != kNotImplemented) return x;
    decref(x);
  }
  if (slotw != nullptr) {
    Object* x = slotw(a, b, c);
    if (x != kNotImplemented) return x;
    decref(x);
  }
  if (c != kNone && c->type->number != nullptr) {
    TernaryFunc slotz = c->type->number->power;
    if (slotz != nullptr && slotz != slotv && slotz != slotw) return slotz(a, b, c);
  }
  return new_ref(kNotImplemented);
}

Object* binop_type_error(Object* a, Object* b, const char* sym) {
  set_error_fmt(&kTypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                type_name(a), type_name(b));
  return nullptr;
}

Object* unary_error(const char* what, Object* o) {
  set_error_fmt(&kTypeErrorType, "bad operand type for %s: '%s'", what, type_name(o));
  return nullptr;
}

Object* unary(Object* o, UnaryFunc NM::*field, const char* what) {
  NM* n = o->type->number;
  if (n != nullptr && n->*field != nullptr) return (n->*field)(o);
  return unary_error(what, o);
}

CompareOp swapped(CompareOp op) {
  static const CompareOp kSwap[] = {CompareOp::kGt, CompareOp::kGe, CompareOp::kEq,
                                    CompareOp::kNe, CompareOp::kLt, CompareOp::kLe};
  return kSwap[static_cast<int>(op)];
}

const char* const kCmpSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

Object* do_richcompare(Object* a, Object* b, CompareOp op) {
  Type* ta = a->type;
  Type* tb = b->type;
  bool checked_reverse = false;
  if (ta != tb && tb->richcompare != nullptr && is_subtype(tb, ta)) {
    checked_reverse = true;
    Object* r = tb->richcompare(b, a, swapped(op));
    if (r != kNotImplemented) return r;
    decref(r);
  }
  if (ta->richcompare != nullptr) {
    Object* r = ta->richcompare(a, b, op);
    if (r != kNotImplemented) return r;
    decref(r);
  }
  if (!checked_reverse && tb->richcompare != nullptr) {
    Object* r = tb->richcompare(b, a, swapped(op));
    if (r != kNotImplemented) return r;
    decref(r);
  }
  switch (op) {
    case CompareOp::kEq: return new_bool(a == b);
    case CompareOp::kNe: return new_bool(a != b);
    default:
      set_error_fmt(&kTypeErrorType, "'%s' not supported between instances of '%s' and '%s'",
                    kCmpSymbols[static_cast<int>(op)], type_name(a), type_name(b));
      return nullptr;
  }
}

Object** instance_dict_slot(Object* o) {
  ssize_t off = o->type->dictoffset;
  if (off == 0) return nullptr;
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + off);
}

// The instance dict is created lazily, possibly by two threads at once, and
// replaced by `o.__dict__ = d`: readers that use the dict take a reference
// (vm/instance_slots.h); this bare acquire load only tests for presence.
Object* instance_dict_load(Object** slot) { return __atomic_load_n(slot, __ATOMIC_ACQUIRE); }


Object* no_attribute(Object* o, Object* name) {
  set_error_fmt(&kAttributeErrorType, "'%s' object has no attribute '%s'", type_name(o),
                str_view(name));
  return nullptr;
}

Object* generic_getattr_impl(Object* o, Object* name, bool suppress);

bool check_attr_name(Object* name) {
  if (str_check(name)) return true;
  set_error_fmt(&kTypeErrorType, "attribute name must be string, not '%s'", type_name(name));
  return false;
}

}  // namespace

// ---------------------------------------------------------------------------
// repr, str, hash, truth.

Object* repr(Object* o) {
  UnaryFunc f = o->type->repr;
  if (f == nullptr) return str_from(absl::StrFormat("<%s object at %p>", type_name(o),
                                                    static_cast<void*>(o)));
  if (!enter_recursive_call(" while getting the repr of an object")) return nullptr;
  Object* r = f(o);
  leave_recursive_call();
  return check_str_result(r, "__repr__");
}

Object* str(Object* o) {
  if (str_check_exact(o)) return new_ref(o);
  UnaryFunc f = o->type->str;
  if (f == nullptr) return repr(o);
  if (!enter_recursive_call(" while getting the str of an object")) return nullptr;
  Object* r = f(o);
  leave_recursive_call();
  return check_str_result(r, "__str__");
}

Object* ascii(Object* o) {
  Ref<> r = steal(repr(o));
  if (!r) return nullptr;
  if (str_is_ascii(r.get())) return r.release();
  std::string_view s = str_view(r.get());
  std::string out;
  out.reserve(s.size() + 16);
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = next_codepoint(s, &i);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x100) {
      out += absl::StrFormat("\\x%02x", cp);
    } else if (cp < 0x10000) {
      out += absl::StrFormat("\\u%04x", cp);
    } else {
      out += absl::StrFormat("\\U%08x", cp);
    }
  }
  return str_from(out);
}

hash_t hash(Object* o) {
  HashFunc f = o->type->hash;
  if (f == nullptr) return hash_not_implemented(o);
  return f(o);
}

int is_true(Object* o) {
  if (o == kTrue) return 1;
  if (o == kFalse || o == kNone) return 0;
  Type* t = o->type;
  if (t->number != nullptr && t->number->boolean != nullptr) return t->number->boolean(o);
  if (t->length != nullptr) {
    ssize_t n = t->length(o);
    if (n < 0) return -1;
    return n > 0 ? 1 : 0;
  }
  return 1;
}

int is_not(Object* o) {
  int r = is_true(o);
  return r < 0 ? r : !r;
}

// ---------------------------------------------------------------------------
// Comparison.

Object* rich_compare(Object* a, Object* b, CompareOp op) {
  if (!enter_recursive_call(" in comparison")) return nullptr;
  Object* r = do_richcompare(a, b, op);
  leave_recursive_call();
  return r;
}

int rich_compare_bool(Object* a, Object* b, CompareOp op) {
  if (a == b) {
    if (op == CompareOp::kEq) return 1;
    if (op == CompareOp::kNe) return 0;
  }
  Object* r = rich_compare(a, b, op);
  if (r == nullptr) return -1;
  int t = r == kTrue ? 1 : r == kFalse ? 0 : is_true(r);
  decref(r);
  return t;
}

// ---------------------------------------------------------------------------
// Arithmetic.

const char* binary_op_symbol(int op) {
  static const char* const kSymbols[] = {
      "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
      "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
  if (op < 0 || op >= 2 * kBinaryOpCount) return "?";
  return kSymbols[op];
}

Object* binary_op(Object* a, Object* b, BinaryOp op) {
  if (op == BinaryOp::kPower) return power(a, b, nullptr);
  Object* r = binary_op1(a, b, binary_field(static_cast<int>(op)));
  if (r != kNotImplemented) return r;
  decref(r);
  return binop_type_error(a, b, binary_op_symbol(static_cast<int>(op)));
}

Object* inplace_op(Object* a, Object* b, BinaryOp op) {
  int o = static_cast<int>(op);
  NM* n = a->type->number;
  if (op == BinaryOp::kPower) {
    if (n != nullptr && n->inplace_power != nullptr) {
      Object* r = n->inplace_power(a, b, kNone);
      if (r != kNotImplemented) return r;
      decref(r);
    }
    Object* r = ternary_op1(a, b, kNone);
    if (r != kNotImplemented) return r;
    decref(r);
    return binop_type_error(a, b, "**=");
  }
  if (n != nullptr) {
    BinaryFunc f = n->*inplace_field(o);
    if (f != nullptr) {
      Object* r = f(a, b);
      if (r != kNotImplemented) return r;
      decref(r);
    }
  }
  Object* r = binary_op1(a, b, binary_field(o));
  if (r != kNotImplemented) return r;
  decref(r);
  return binop_type_error(a, b, binary_op_symbol(o + kInplaceOffset));
}

Object* power(Object* a, Object* b, Object* mod) {
  if (mod == nullptr) mod = kNone;
  Object* r = ternary_op1(a, b, mod);
  if (r != kNotImplemented) return r;
  decref(r);
  if (mod == kNone) return binop_type_error(a, b, "** or pow()");
  set_error_fmt(&kTypeErrorType, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                type_name(a), type_name(b), type_name(mod));
  return nullptr;
}

Object* negative(Object* o) { return unary(o, &NM::negative, "unary -"); }
Object* positive(Object* o) { return unary(o, &NM::positive, "unary +"); }
Object* invert(Object* o) { return unary(o, &NM::invert, "unary ~"); }
Object* absolute(Object* o) { return unary(o, &NM::absolute, "abs()"); }

// ---------------------------------------------------------------------------
// Attributes.

namespace {
Object* getattr_no_context(Object* o, Object* name) {
  if (!check_attr_name(name)) return nullptr;
  GetAttrFunc f = o->type->getattr;
  if (f == nullptr) return generic_getattr(o, name);
  return f(o, name);
}
}  // namespace

Object* getattr(Object* o, Object* name) {
  Object* r = getattr_no_context(o, name);
  if (r == nullptr) attribute_error_add_context(o, name);  // "Did you mean" (suggestions.h)
  return r;
}

// A per-thread cache in front of str_intern (which takes the intern table's
// lock) for names C++ code passes as text.  Entries are immortal interned
// strings; a hit is confirmed by comparing the text, so a reused buffer
// address cannot return the wrong name.
Object* intern_cached(std::string_view name) {
  struct Entry {
    const char* data;
    size_t size;
    Object* str;
  };
  constexpr size_t kSize = 64;
  thread_local Entry cache[kSize];
  size_t h = ((reinterpret_cast<uintptr_t>(name.data()) >> 3) ^ name.size()) & (kSize - 1);
  Entry& e = cache[h];
  if (e.data == name.data() && e.size == name.size() && e.str != nullptr &&
      str_view(e.str) == name) {
    return e.str;
  }
  Object* s = str_intern(name);
  e = {name.data(), name.size(), s};
  return s;
}

Object* getattr_str(Object* o, std::string_view name) { return getattr(o, intern_cached(name)); }

Object* lookup_attr(Object* o, Object* name) {
  if (o->type->getattr == generic_getattr && str_check(name)) {
    Object* r = generic_getattr_impl(o, name, true);
    if (r == nullptr && error_matches(&kAttributeErrorType)) clear_error();
    return r;
  }
  Object* r = getattr_no_context(o, name);
  if (r == nullptr && error_matches(&kAttributeErrorType)) clear_error();
  return r;
}

int setattr(Object* o, Object* name, Object* value) {
  if (!check_attr_name(name)) return -1;
  SetAttrFunc f = o->type->setattr;
  if (f == nullptr) {
    set_error_fmt(&kTypeErrorType, "'%s' object has no attributes (%s .%s)", type_name(o),
                  value ? "assign to" : "del", str_view(name));
    return -1;
  }
  return f(o, name, value);
}

int delattr(Object* o, Object* name) { return setattr(o, name, nullptr); }

int hasattr(Object* o, Object* name) {
  Object* r = lookup_attr(o, name);
  if (r == nullptr) return has_error() ? -1 : 0;
  decref(r);
  return 1;
}

namespace {

// The default lookup; when `suppress`, a missing attribute returns nullptr
// with no exception (lookup_attr's fast path: no AttributeError is built
// just to be thrown away).
Object* generic_getattr_impl(Object* o, Object* name, bool suppress) {
  Type* t = o->type;
  Object* descr = type_lookup(t, name);
  if (descr == nullptr && has_error()) return nullptr;
  Ref<> keep = borrow(descr);
  DescrGetFunc get = nullptr;
  if (descr != nullptr) {
    get = descr->type->descr_get;
    if (get != nullptr && descr->type->descr_set != nullptr) return get(descr, o, t);
  }
  Object** slot = instance_dict_slot(o);
  // A reference, not the borrowed pointer: `o.__dict__ = x` in another
  // thread may drop the dict meanwhile (vm/instance_slots.h).
  if (Ref<> d = steal(slot != nullptr ? instance_dict_ref(o, slot) : nullptr); d) {
    Object* v = dict_get_item_ref(d.get(), name);
    if (v != nullptr) return v;
    if (has_error()) return nullptr;
  }
  if (get != nullptr) return get(descr, o, t);
  if (descr != nullptr) return keep.release();
  if (suppress) return nullptr;
  return no_attribute(o, name);
}

}  // namespace

Object* generic_getattr(Object* o, Object* name) { return generic_getattr_impl(o, name, false); }

int generic_setattr(Object* o, Object* name, Object* value) {
  Type* t = o->type;
  Object* descr = type_lookup(t, name);
  if (descr == nullptr && has_error()) return -1;
  Ref<> keep = borrow(descr);
  if (descr != nullptr && descr->type->descr_set != nullptr) {
    return descr->type->descr_set(descr, o, value);
  }
  Object** slot = instance_dict_slot(o);
  if (slot == nullptr) {
    if (descr != nullptr) {
      set_error_fmt(&kAttributeErrorType, "'%s' object attribute '%s' is read-only", type_name(o),
                    str_view(name));
      return -1;
    }
    no_attribute(o, name);
    return -1;
  }
  if (value == nullptr) {
    Ref<> d = steal(instance_dict_ref(o, slot));
    if (!d || dict_del_item(d.get(), name) < 0) {
      if (has_error() && !error_matches(&kKeyErrorType)) return -1;
      clear_error();
      no_attribute(o, name);
      return -1;
    }
    return 0;
  }
  Ref<> d = steal(instance_dict_ref_or_create(o, slot));
  if (!d) return -1;
  return dict_set_item(d.get(), name, value);
}

// ---------------------------------------------------------------------------
// Calls.

Object* call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  VectorCallFunc f = callable->type->call;
  if (f == nullptr) {
    set_error_fmt(&kTypeErrorType, "'%s' object is not callable", type_name(callable));
    return nullptr;
  }
  return f(callable, args, nargs, kwnames);
}

Object* call_args(Object* callable, std::initializer_list<Object*> args) {
  return call(callable, args.begin(), args.size(), nullptr);
}

Object* call_tuple_dict(Object* callable, Object* args_tuple, Object* kwargs) {
  ssize_t n = args_tuple ? tuple_size(args_tuple) : 0;
  if (kwargs == nullptr || dict_size(kwargs) == 0) {
    return call(callable, n ? tuple_items(args_tuple) : nullptr, static_cast<size_t>(n), nullptr);
  }
  std::vector<Object*> all;
  std::vector<Ref<>> values;  // kwargs may be shared: own what we pass
  Ref<> names;
  {
    // One section for the whole walk: the size and entries stay consistent
    // while another thread may be writing the dict.  Nothing here calls out.
    gc::CriticalSection cs{kwargs};
    ssize_t nk = dict_size(kwargs);
    all.reserve(n + nk);
    values.reserve(nk);
    for (ssize_t i = 0; i < n; ++i) all.push_back(tuple_get(args_tuple, i));
    names = steal(tuple_new(nk));
    if (!names) return nullptr;
    ssize_t pos = 0, i = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v)) {
      if (!str_check(k)) {
        set_error(&kTypeErrorType, "keywords must be strings");
        return nullptr;
      }
      tuple_init_item(names.get(), i++, new_ref(k));
      values.push_back(borrow(v));
      all.push_back(v);
    }
  }
  return call(callable, all.data(), static_cast<size_t>(n), names.get());
}

Object* call_method(Object* obj, std::string_view name, std::initializer_list<Object*> args) {
  Object* n = intern_cached(name);
  Object* f = type_lookup(obj->type, n);
  if (f != nullptr && f->type == &kMethodDescrType) {
    Object** slot = instance_dict_slot(obj);
    if (slot == nullptr || instance_dict_load(slot) == nullptr) {
      Ref<> keep = borrow(f);  // the class may be changed during the call
      return call_with_self(f, obj, args.begin(), args.size(), nullptr);
    }
  }
  Ref<> m = steal(getattr(obj, n));
  if (!m) return nullptr;
  return call(m.get(), args.begin(), args.size(), nullptr);
}

bool is_callable(Object* o) { return o->type->call != nullptr; }

// ---------------------------------------------------------------------------
// Iteration and containers.

Object* get_iter(Object* o) {
  Type* t = o->type;
  if (t->iter == nullptr) {
    if (t->getitem != nullptr && !dict_check(o)) return seq_iter_new(o);
    set_error_fmt(&kTypeErrorType, "'%s' object is not iterable", type_name(o));
    return nullptr;
  }
  Object* it = t->iter(o);
  if (it != nullptr && it->type->iternext == nullptr) {
    set_error_fmt(&kTypeErrorType, "iter() returned non-iterator of type '%s'", type_name(it));
    decref(it);
    return nullptr;
  }
  return it;
}

Object* iter_next(Object* it) {
  UnaryFunc f = it->type->iternext;
  if (f == nullptr) {
    set_error_fmt(&kTypeErrorType, "'%s' object is not an iterator", type_name(it));
    return nullptr;
  }
  Object* r = f(it);
  if (r == nullptr && has_error() && error_matches(&kStopIterationType)) clear_error();
  return r;
}

Object* getitem(Object* o, Object* key) {
  BinaryFunc f = o->type->getitem;
  if (f != nullptr) return f(o, key);
  if (o == &kTypeType) return class_getitem_self(o, &key, 1, nullptr);  // type[int]
  if (is_instance_of(o, &kTypeType)) {
    Ref<> cg = steal(lookup_attr(o, g_names.class_getitem));
    if (cg) return call_args(cg.get(), {key});
    if (has_error()) return nullptr;
    set_error_fmt(&kTypeErrorType, "type '%s' is not subscriptable", static_cast<Type*>(o)->name);
    return nullptr;
  }
  set_error_fmt(&kTypeErrorType, "'%s' object is not subscriptable", type_name(o));
  return nullptr;
}

int setitem(Object* o, Object* key, Object* value) {
  SetItemFunc f = o->type->setitem;
  if (f == nullptr) {
    set_error_fmt(&kTypeErrorType, "'%s' object does not support item assignment", type_name(o));
    return -1;
  }
  return f(o, key, value);
}

int delitem(Object* o, Object* key) {
  SetItemFunc f = o->type->setitem;
  if (f == nullptr) {
    set_error_fmt(&kTypeErrorType, "'%s' object doesn't support item deletion", type_name(o));
    return -1;
  }
  return f(o, key, nullptr);
}

ssize_t length(Object* o) {
  LenFunc f = o->type->length;
  if (f == nullptr) {
    set_error_fmt(&kTypeErrorType, "object of type '%s' has no len()", type_name(o));
    return -1;
  }
  return f(o);
}

int contains(Object* container, Object* item) {
  ContainsFunc f = container->type->contains;
  if (f != nullptr) return f(container, item);
  Type* t = container->type;
  if (t->iter == nullptr && t->getitem == nullptr) {
    set_error_fmt(&kTypeErrorType, "argument of type '%s' is not iterable", type_name(container));
    return -1;
  }
  Ref<> it = steal(get_iter(container));
  if (!it) return -1;
  for (;;) {
    Ref<> x = steal(iter_next(it.get()));
    if (!x) return has_error() ? -1 : 0;
    int r = rich_compare_bool(x.get(), item, CompareOp::kEq);
    if (r != 0) return r;
  }
}

// ---------------------------------------------------------------------------
// format, isinstance, sequences.

Object* format(Object* value, Object* spec) {
  if (spec == nullptr) spec = g_names.empty;
  if (str_length(spec) == 0) {
    if (str_check_exact(value)) return new_ref(value);
  }
  Object* f = type_lookup(value->type, g_names.format);
  if (f == nullptr) {
    if (has_error()) return nullptr;
    set_error_fmt(&kTypeErrorType, "Type %s doesn't define __format__", type_name(value));
    return nullptr;
  }
  Object* args[1] = {spec};
  Object* r = call_with_self(f, value, args, 1, nullptr);
  if (r != nullptr && !str_check(r)) {
    set_error_fmt(&kTypeErrorType, "__format__ must return a str, not %s", type_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

// A metaclass's __instancecheck__ / __subclasscheck__ (abc.ABCMeta, typing's
// aliases, types.UnionType): the hook's truth value, or -2 when `cls` has none
// (then the built-in rule applies).  type's own hooks are skipped: they are
// the built-in rule.
static int call_check_hook(Object* cls, const char* name, Object* arg) {
  if (cls->type == &kTypeType || tuple_check(cls)) return -2;
  Object* key = str_intern(name);
  Object* h = type_lookup(cls->type, key);
  if (h == nullptr) return has_error() ? -1 : -2;
  Ref<> hook = borrow(h);
  if (hook.get() == type_lookup(&kTypeType, key)) return -2;  // type's own: the built-in rule
  bool inst = name[2] == 'i';
  if (!enter_recursive_call(inst ? " in __instancecheck__" : " in __subclasscheck__")) return -1;
  Object* args[1] = {arg};
  Ref<> r = steal(call_with_self(hook.get(), cls, args, 1, nullptr));
  leave_recursive_call();
  if (!r) return -1;
  return is_true(r.get());
}

int isinstance(Object* o, Object* cls) {
  if (o->type == cls) return 1;
  if (int r = call_check_hook(cls, "__instancecheck__", o); r != -2) return r;
  if (is_instance_of(cls, &kTypeType)) {
    if (is_subtype(o->type, static_cast<Type*>(cls))) return 1;
    // A __class__ that differs from type(o) (proxies) counts too, as CPython.
    return 0;
  }
  if (tuple_check(cls)) {
    if (!enter_recursive_call(" in __instancecheck__")) return -1;
    ssize_t n = tuple_size(cls);
    int r = 0;
    for (ssize_t i = 0; i < n && r == 0; ++i) r = isinstance(o, tuple_get(cls, i));
    leave_recursive_call();
    return r;
  }
  set_error(&kTypeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return -1;
}

int issubclass(Object* cls, Object* cls_or_tuple) {
  if (int r = call_check_hook(cls_or_tuple, "__subclasscheck__", cls); r != -2) return r;
  if (is_instance_of(cls_or_tuple, &kTypeType)) {
    if (!is_instance_of(cls, &kTypeType)) {
      set_error(&kTypeErrorType, "issubclass() arg 1 must be a class");
      return -1;
    }
    return is_subtype(static_cast<Type*>(cls), static_cast<Type*>(cls_or_tuple)) ? 1 : 0;
  }
  if (tuple_check(cls_or_tuple)) {
    if (!enter_recursive_call(" in __subclasscheck__")) return -1;
    ssize_t n = tuple_size(cls_or_tuple);
    int r = 0;
    for (ssize_t i = 0; i < n && r == 0; ++i) r = issubclass(cls, tuple_get(cls_or_tuple, i));
    leave_recursive_call();
    return r;
  }
  set_error(&kTypeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return -1;
}

Object* sequence_list(Object* iterable) {
  // A list other threads may be resizing: copy it inside its section.
  if (list_check(iterable)) return list_copy(iterable);
  if (tuple_check(iterable)) {
    bool is_list = list_check(iterable);
    ssize_t n = is_list ? list_size(iterable) : tuple_size(iterable);
    Object** items = is_list ? list_items(iterable) : tuple_items(iterable);
    Object* l = list_new(n);
    if (l == nullptr) return nullptr;
    for (ssize_t i = 0; i < n; ++i) list_init_item(l, i, new_ref(items[i]));
    return l;
  }
  Ref<> it = steal(get_iter(iterable));
  if (!it) return nullptr;
  Ref<> l = steal(list_new(0));
  if (!l) return nullptr;
  for (;;) {
    Ref<> x = steal(iter_next(it.get()));
    if (!x) return has_error() ? nullptr : l.release();
    if (list_append(l.get(), x.get()) < 0) return nullptr;
  }
}

Object* sequence_tuple(Object* iterable) {
  if (tuple_check_exact(iterable)) return new_ref(iterable);
  Ref<> l = steal(sequence_list(iterable));
  if (!l) return nullptr;
  return tuple_from_array(list_items(l.get()), list_size(l.get()));
}

}  // namespace conch::vm
