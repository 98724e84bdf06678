// float: layout, inline accessors, and the text conversions other parts use.
//
// A FloatObject holds one IEEE double, immutable once published.  Instances
// of Python subclasses of float share the prefix layout.  repr follows
// CPython's 'r' mode (shortest round-trip digits, exponent form when the
// decimal exponent is < -4 or >= 16); hashing is CPython's _Py_HashDouble so
// hash(1.0) == hash(1) and set/dict order agree with CPython.
#pragma once

#include <string>
#include <string_view>

#include "base/config.h"
#include "base/macros.h"
#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

struct FloatObject : Object {
  double value;
};

CONCH_ALWAYS_INLINE double float_value_fast(const Object* o) {
  return static_cast<const FloatObject*>(o)->value;
}

// The number slots, callable directly (each also handles int operands and
// returns NotImplemented for foreign types).
Object* float_add(Object* a, Object* b);
Object* float_sub(Object* a, Object* b);
Object* float_mul(Object* a, Object* b);
Object* float_truediv(Object* a, Object* b);
Object* float_floordiv(Object* a, Object* b);
Object* float_mod(Object* a, Object* b);
Object* float_pow(Object* a, Object* b, Object* mod);
Object* float_divmod_values(double a, double b);  // divmod() as a tuple
// divmod(a, b) when a or b is a float (the other a float or int); NotImplemented otherwise.
// NumberMethods has no divmod slot: builtins' divmod calls int_divmod/float_divmod.
Object* float_divmod(Object* a, Object* b);
Object* float_richcompare(Object* a, Object* b, CompareOp op);

// ---------------------------------------------------------------------------
// Allocation.  Dead exact floats wait in a per-thread cache (CPython's float
// freelist; see IntFreeList in int.cc for the free-threaded argument), used
// by the inline paths below so that the eval loop's float arithmetic makes
// no calls.  Plain data, constant-initialised: reading a thread_local with
// a destructor would go through a TLS wrapper call.  float.cc frees what is
// left at thread exit (the slow push registers that before the first entry).
struct FloatFreeList {
  static constexpr int kCapacity = 256;
  int count;
  Object* items[kCapacity];
};
extern constinit thread_local FloatFreeList t_float_free_list;

Object* float_alloc_slow(double v);  // a new exact float (cache empty)
void float_free_slow(Object* o);     // frees a dead exact float (cache empty or full)

// A new exact float: float_from, inline.
CONCH_ALWAYS_INLINE Object* float_new_inline(double v) {
  if constexpr (!kDebugObjects) {
    FloatFreeList& fl = t_float_free_list;
    if (CONCH_LIKELY(fl.count > 0)) {
      Object* o = fl.items[--fl.count];
      gc::init_header(o);
      static_cast<FloatObject*>(o)->value = v;
      return o;
    }
  }
  return float_alloc_slow(v);
}

// Frees an exact float whose last reference is gone (it owns no references,
// so vm/object.cc's trashcan has nothing to guard).
CONCH_ALWAYS_INLINE void float_free_inline(Object* o) {
  if constexpr (!kDebugObjects) {
    FloatFreeList& fl = t_float_free_list;
    if (CONCH_LIKELY(fl.count > 0 && fl.count < FloatFreeList::kCapacity)) {
      fl.items[fl.count++] = o;
      return;
    }
  }
  float_free_slow(o);
}

// Drops a reference to an arithmetic operand, freeing a dead exact float
// without dealloc()'s dispatch.
CONCH_ALWAYS_INLINE void float_release_operand(Object* o) {
  if (!gc::release(o)) return;
  if (o->type == &kFloatType) {
    float_free_inline(o);
  } else {
    dealloc(o);
  }
}

// The eval loop's float arithmetic result (CPython 3.11's BINARY_OP_*_FLOAT
// specialisations): consumes the caller's references to operands a and b
// (each an exact float or int) and returns a new reference to a float
// holding r.  A float operand the caller held the only reference to becomes
// the result (no allocation).  Null with MemoryError when memory is
// exhausted: then nothing was consumed.
CONCH_ALWAYS_INLINE Object* float_result_steal(Object* a, Object* b, double r) {
  Object* res;
  if (a->type == &kFloatType && gc::is_uniquely_referenced(a)) {
    res = a;  // the caller's reference becomes the result's
    float_release_operand(b);
  } else if (b->type == &kFloatType && gc::is_uniquely_referenced(b)) {
    res = b;
    float_release_operand(a);
  } else {
    res = float_new_inline(r);
    if (res == nullptr) return nullptr;
    float_release_operand(a);
    float_release_operand(b);
    return res;
  }
  static_cast<FloatObject*>(res)->value = r;
  return res;
}

// Parses float(s) text: whitespace, sign, inf/nan, PEP 515 underscores.
// Returns false (no exception) when s is not a valid float literal.
bool float_parse(std::string_view s, double* out);

// format(v, spec) for floats: the format-spec mini-language (vm/types/numfmt.h).
Object* float_format_spec(double v, std::string_view spec);

// CPython's PyOS_double_to_string: code is one of 'e' 'E' 'f' 'F' 'g' 'G' 'r';
// precision is ignored for 'r'.  `alt` is '#', `add_dot_0` makes integral
// values end in ".0" (repr/str), `sign` forces a '+' on non-negatives.
std::string double_to_string(double v, char code, int precision, bool alt = false,
                             bool add_dot_0 = false, bool sign = false, bool no_neg_0 = false);

// round(x, ndigits) as CPython's double_round (correctly rounded).
Object* float_round(double x, Object* ndigits /*nullable*/);

}  // namespace conch::vm
