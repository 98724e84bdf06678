// int and bool: layout and the inline fast paths the eval loop uses.
//
// Representation.  An IntObject holds its value in one of two forms:
//   is_big == false   `small` is the value (any int64).  The common case.
//   is_big == true    `big` (a GMP mpz_t) is the value, and it does NOT fit
//                     in int64: every operation normalises its result back to
//                     the small form when it fits, so "small" <=> "fits".
// So two equal ints always have the same form, and code may compare small
// values directly.  Ints are immutable once published; no locks are needed.
//
// -5..1024 live in a static array of immortal objects (kSmallInts); every
// int in that range the runtime returns is one of them.  bool is a subclass
// of int with the same layout; kTrue/kFalse are immortal IntObjects of type
// bool (small = 1 / 0).  Instances of Python subclasses of int share the
// prefix layout (type->basicsize is larger).
//
// Fast paths: the eval loop may, after checking int_check_exact() on both
// operands and int_is_small() on both, call int_add_small & co.  They never
// allocate for results in the cache range and overflow into GMP otherwise.
#pragma once

#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/macros.h"
#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

struct IntObject : Object {
  int64_t small;        // the value, when !is_big
  bool is_big;          // the value is in `big` and does not fit in int64
  __mpz_struct big[1];  // valid only when is_big (mpz_clear'ed by dealloc)
};

inline constexpr int64_t kSmallIntMin = -5;
inline constexpr int64_t kSmallIntMax = 1024;
extern IntObject kSmallInts[kSmallIntMax - kSmallIntMin + 1];

// o must be an int (int_check).  A small int fits in int64.
CONCH_ALWAYS_INLINE bool int_is_small(const Object* o) {
  return !static_cast<const IntObject*>(o)->is_big;
}
CONCH_ALWAYS_INLINE int64_t int_small_value(const Object* o) {
  return static_cast<const IntObject*>(o)->small;
}

// Allocates a fresh int object for v (outside the cache, or not).
Object* int_alloc_small(int64_t v);

// int_from_i64 with the cache check inline: no call for cached values.
CONCH_ALWAYS_INLINE Object* int_new_small(int64_t v) {
  // Unsigned arithmetic: one compare, and no signed overflow near INT64_MAX.
  if (static_cast<uint64_t>(v) - static_cast<uint64_t>(kSmallIntMin) <=
      static_cast<uint64_t>(kSmallIntMax - kSmallIntMin))
    return &kSmallInts[v - kSmallIntMin];  // immortal: no reference to add
  return int_alloc_small(v);
}

// Slow paths of the fast functions below (128-bit result into GMP).
Object* int_from_i128(__int128 v);

// Arithmetic on two small values; new reference or nullptr (MemoryError).
CONCH_ALWAYS_INLINE Object* int_add_small(int64_t a, int64_t b) {
  int64_t r;
  if (CONCH_UNLIKELY(__builtin_add_overflow(a, b, &r)))
    return int_from_i128(static_cast<__int128>(a) + b);
  return int_new_small(r);
}
CONCH_ALWAYS_INLINE Object* int_sub_small(int64_t a, int64_t b) {
  int64_t r;
  if (CONCH_UNLIKELY(__builtin_sub_overflow(a, b, &r)))
    return int_from_i128(static_cast<__int128>(a) - b);
  return int_new_small(r);
}
CONCH_ALWAYS_INLINE Object* int_mul_small(int64_t a, int64_t b) {
  int64_t r;
  if (CONCH_UNLIKELY(__builtin_mul_overflow(a, b, &r)))
    return int_from_i128(static_cast<__int128>(a) * b);
  return int_new_small(r);
}
// Floor division and modulo with Python's signs; b == 0 raises
// ZeroDivisionError.  (INT64_MIN // -1 overflows into a big int.)
Object* int_floordiv_small(int64_t a, int64_t b);
Object* int_mod_small(int64_t a, int64_t b);
// Three-way comparison of two ints (any size): -1, 0, 1.  Never fails.
int int_compare(Object* a, Object* b);

// The number slots, callable directly when both operands are known ints
// (each also accepts one foreign operand and returns NotImplemented).
Object* int_add(Object* a, Object* b);
Object* int_sub(Object* a, Object* b);
Object* int_mul(Object* a, Object* b);
Object* int_floordiv(Object* a, Object* b);
Object* int_mod(Object* a, Object* b);
Object* int_truediv(Object* a, Object* b);
Object* int_pow(Object* a, Object* b, Object* mod);
Object* int_lshift(Object* a, Object* b);
Object* int_rshift(Object* a, Object* b);
Object* int_and(Object* a, Object* b);
Object* int_or(Object* a, Object* b);
Object* int_xor(Object* a, Object* b);
Object* int_divmod(Object* a, Object* b);  // divmod(a, b) for two ints
Object* int_neg(Object* a);
hash_t int_hash_value(Object* a);  // hash(a) for an int (never fails)

// An exact int with the value of an int subclass instance (e.g. True -> 1).
Object* int_exact_copy(Object* v);
// Copies v's value into a GMP integer (initialised by the caller).
void int_to_mpz(Object* v, mpz_ptr out);
// A new int from a GMP integer (normalised to the small form when it fits).
Object* int_from_mpz(mpz_srcptr z);

// Exact comparison of an int with a double, as CPython's float_richcompare:
// -1, 0, 1; `unordered` set (result 0) when d is NaN.
int int_compare_double(Object* v, double d, bool* unordered);

// format(v, spec) for ints: the format-spec mini-language (vm/types/numfmt.h).
Object* int_format_spec(Object* v, std::string_view spec);

// round(v, ndigits) for an int (ndigits an int); half-even like CPython.
Object* int_round(Object* v, Object* ndigits);

// CPython 3.11's limit on decimal int<->str conversion (sys.set_int_max_str_digits).
// 0 means unlimited.  Read and written by the sys module.
extern int g_int_max_str_digits;
inline constexpr int kIntDefaultMaxStrDigits = 4300;
inline constexpr int kIntMaxStrDigitsThreshold = 640;

}  // namespace conch::vm
