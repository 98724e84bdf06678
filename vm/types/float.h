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
