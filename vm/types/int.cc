// int and bool: objects, arithmetic, comparison, hashing, conversions to
// and from C++ numbers, the type objects.  See int.h for the representation
// invariant (small <=> fits in int64); text and parsing live in
// int_text.cc, methods in int_methods.cc (shared internals: int_internal.h).
//
// Every operation has a small-small fast path on int64 with overflow checks
// and a GMP slow path; GMP results go through int_from_mpz, which restores
// the invariant.  Operands of the slow path are viewed as mpz without
// allocation (BigView, mpz_roinit_n over a stack limb).
#include "vm/types/int.h"

#include <algorithm>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstring>

#include "base/config.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/runtime.h"
#include "vm/types/float.h"
#include "vm/types/int_internal.h"
#include "vm/types/numfmt.h"

namespace conch::vm {

Type kIntType;
Type kBoolType;
IntObject kSmallInts[kSmallIntMax - kSmallIntMin + 1];
static IntObject true_object;
static IntObject false_object;
Object* const kTrue = &true_object;
Object* const kFalse = &false_object;
int g_int_max_str_digits = kIntDefaultMaxStrDigits;

using namespace int_detail;

namespace {

// Per-thread cache of dead exact ints, as CPython keeps freelists for
// floats and tuples: an int result then costs no malloc/free and no update
// of the allocator's live-object counter.  Thread-local, so it needs no lock
// in the free-threaded build; an int freed by a thread other than its
// allocator joins the freeing thread's cache (init_header re-stamps the
// owner on reuse).  Disabled in the debug-objects preset, whose leak check
// must see every object freed.
struct IntFreeList {
  static constexpr int kCapacity = 256;
  int count = 0;
  Object* items[kCapacity];
  ~IntFreeList() {
    while (count > 0) generic_free(items[--count]);
  }
};
thread_local IntFreeList t_int_free;

// A fresh exact int object; the caller sets `small` (is_big is false).
Object* new_exact_int() {
  if constexpr (!kDebugObjects) {
    IntFreeList& fl = t_int_free;
    if (fl.count > 0) {
      Object* o = fl.items[--fl.count];
      gc::init_header(o);
      return o;
    }
  }
  return generic_alloc(&kIntType);
}



void int_dealloc(Object* o) {
  IntObject* io = as_int(o);
  if (io->is_big) {
    mpz_clear(io->big);
    io->is_big = false;
  }
  if constexpr (!kDebugObjects) {
    IntFreeList& fl = t_int_free;
    if (o->type == &kIntType && fl.count < IntFreeList::kCapacity) {
      fl.items[fl.count++] = o;
      return;
    }
  }
  generic_free(o);
}

bool both_ints(Object* a, Object* b) { return int_check(a) && int_check(b); }

using MpzBinary = void (*)(mpz_ptr, mpz_srcptr, mpz_srcptr);
Object* big_binary(Object* a, Object* b, MpzBinary f) {
  Mpz r;
  f(r, BigView(a), BigView(b));
  return int_from_mpz_steal(r);
}

Object* zero_division(const char* msg) {
  set_error(&kZeroDivisionErrorType, msg);
  return nullptr;
}

}  // namespace

namespace int_detail {

Object* alloc_int_object(Type* type) {
  if (type == &kIntType) return new_exact_int();
  return type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type);
}

// Steals z's value (z is left 0).
Object* int_from_mpz_steal(mpz_ptr z) {
  if (mpz_fits_slong_p(z)) return int_new_small(mpz_get_si(z));
  Object* o = alloc_int_object(&kIntType);
  if (o == nullptr) return nullptr;
  IntObject* io = as_int(o);
  io->is_big = true;
  mpz_init(io->big);
  mpz_swap(io->big, z);
  return o;
}

}  // namespace int_detail

// ---------------------------------------------------------------------------
// Construction and conversion.

Object* int_alloc_small(int64_t v) {
  Object* o = new_exact_int();
  if (o == nullptr) return nullptr;
  as_int(o)->small = v;
  return o;
}

Object* int_from_i64(int64_t v) { return int_new_small(v); }

Object* int_from_u64(uint64_t v) {
  if (v <= static_cast<uint64_t>(INT64_MAX)) return int_new_small(static_cast<int64_t>(v));
  Mpz z;
  mpz_set_ui(z, v);
  return int_from_mpz_steal(z);
}

Object* int_from_i128(__int128 v) {
  if (v >= INT64_MIN && v <= INT64_MAX) return int_new_small(static_cast<int64_t>(v));
  unsigned __int128 mag = v < 0 ? -static_cast<unsigned __int128>(v) : v;
  Mpz z;
  mpz_set_ui(z, static_cast<uint64_t>(mag >> 64));
  mpz_mul_2exp(z, z, 64);
  mpz_add_ui(z, z, static_cast<uint64_t>(mag));
  if (v < 0) mpz_neg(z, z);
  return int_from_mpz_steal(z);
}

Object* int_from_mpz(mpz_srcptr z) {
  if (mpz_fits_slong_p(z)) return int_new_small(mpz_get_si(z));
  Mpz copy;
  mpz_set(copy, z);
  return int_from_mpz_steal(copy);
}

void int_to_mpz(Object* v, mpz_ptr out) { mpz_set(out, BigView(v)); }

Object* int_from_double(double d) {
  if (std::isinf(d)) {
    set_error(&kOverflowErrorType, "cannot convert float infinity to integer");
    return nullptr;
  }
  if (std::isnan(d)) {
    set_error(&kValueErrorType, "cannot convert float NaN to integer");
    return nullptr;
  }
  double t = std::trunc(d);
  if (t >= -9223372036854775808.0 && t < 9223372036854775808.0)
    return int_new_small(static_cast<int64_t>(t));
  Mpz z;
  mpz_set_d(z, t);
  return int_from_mpz_steal(z);
}

Object* int_exact_copy(Object* v) {
  if (int_check_exact(v)) return new_ref(v);
  if (int_is_small(v)) return int_new_small(int_small_value(v));
  return int_from_mpz(as_int(v)->big);
}

bool int_to_i64(Object* v, int64_t* out) {
  if (!int_is_small(v)) return false;
  *out = int_small_value(v);
  return true;
}

ssize_t int_as_ssize(Object* v) {
  int64_t r;
  if (int_to_i64(v, &r)) return r;
  set_error(&kOverflowErrorType, "Python int too large to convert to C ssize_t");
  return -1;
}

int int_sign(Object* v) {
  if (int_is_small(v)) {
    int64_t x = int_small_value(v);
    return (x > 0) - (x < 0);
  }
  return mpz_sgn(as_int(v)->big);
}

// Correctly rounded (half-even) conversion of an integer to double; returns
// false on overflow.
static bool mpz_to_double(mpz_srcptr z, double* out) {
  size_t bits = mpz_sizeinbase(z, 2);
  if (bits <= 63) {
    *out = static_cast<double>(mpz_get_si(z));
    return true;
  }
  if (bits > DBL_MAX_EXP) return false;
  Mpz top;
  mpz_abs(top, z);
  size_t shift = bits - 64;
  bool sticky = mpz_scan1(top, 0) < shift;
  mpz_tdiv_q_2exp(top, top, shift);
  uint64_t t = mpz_get_ui(top) | (sticky ? 1 : 0);
  double d = std::ldexp(static_cast<double>(t), static_cast<int>(shift));
  if (std::isinf(d)) return false;
  *out = mpz_sgn(z) < 0 ? -d : d;
  return true;
}

double int_to_double(Object* v) {
  if (int_is_small(v)) return static_cast<double>(int_small_value(v));
  double d;
  if (!mpz_to_double(as_int(v)->big, &d)) {
    set_error(&kOverflowErrorType, "int too large to convert to float");
    return -1.0;
  }
  return d;
}

Object* number_index(Object* o) {
  if (int_check(o)) return new_ref(o);
  Type* t = type_of(o);
  if (t->number == nullptr || t->number->index == nullptr) {
    set_error_fmt(&kTypeErrorType, "'%s' object cannot be interpreted as an integer",
                  type_name(o));
    return nullptr;
  }
  Object* r = t->number->index(o);
  if (r != nullptr && !int_check(r)) {
    set_error_fmt(&kTypeErrorType, "__index__ returned non-int (type %s)", type_name(r));
    decref(r);
    return nullptr;
  }
  return r;
}

ssize_t index_as_ssize(Object* o) {
  if (int_check(o) && int_is_small(o)) return int_small_value(o);
  Ref<> i = steal(number_index(o));
  if (!i) return -1;
  return int_as_ssize(i.get());
}

// ---------------------------------------------------------------------------
// Comparison and hashing.

int int_compare(Object* a, Object* b) {
  if (int_is_small(a) && int_is_small(b)) {
    int64_t x = int_small_value(a), y = int_small_value(b);
    return (x > y) - (x < y);
  }
  int c = mpz_cmp(BigView(a), BigView(b));
  return (c > 0) - (c < 0);
}

int int_compare_double(Object* v, double d, bool* unordered) {
  *unordered = false;
  if (std::isnan(d)) {
    *unordered = true;
    return 0;
  }
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  constexpr int64_t kExact = int64_t{1} << DBL_MANT_DIG;
  if (int_is_small(v) && int_small_value(v) >= -kExact && int_small_value(v) <= kExact) {
    double x = static_cast<double>(int_small_value(v));  // exact
    return (x > d) - (x < d);
  }
  // Compare v with floor(d) exactly, then use the fractional part.
  double fl = std::floor(d);
  Mpz f;
  mpz_set_d(f, fl);
  int c = mpz_cmp(BigView(v), f);
  if (c != 0) return c > 0 ? 1 : -1;
  return fl == d ? 0 : -1;  // v == floor(d) < d
}

static Object* int_richcompare(Object* a, Object* b, CompareOp op) {
  if (!both_ints(a, b)) return not_implemented();
  int c = int_compare(a, b);
  bool r = false;
  switch (op) {
    case CompareOp::kLt: r = c < 0; break;
    case CompareOp::kLe: r = c <= 0; break;
    case CompareOp::kEq: r = c == 0; break;
    case CompareOp::kNe: r = c != 0; break;
    case CompareOp::kGt: r = c > 0; break;
    case CompareOp::kGe: r = c >= 0; break;
  }
  return new_bool(r);
}

hash_t int_hash_value(Object* a) {
  hash_t h;
  if (int_is_small(a)) {
    int64_t v = int_small_value(a);
    uint64_t mag = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    h = static_cast<hash_t>(mag % static_cast<uint64_t>(kHashModulus));
    if (v < 0) h = -h;
  } else {
    Mpz r;
    mpz_tdiv_r_ui(r, as_int(a)->big, static_cast<unsigned long>(kHashModulus));
    h = mpz_get_si(r);  // takes the sign of the dividend
  }
  return h == -1 ? -2 : h;
}

static hash_t int_hash(Object* a) { return int_hash_value(a); }

// ---------------------------------------------------------------------------
// Arithmetic.

Object* int_add(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_is_small(a) && int_is_small(b))
    return int_add_small(int_small_value(a), int_small_value(b));
  return big_binary(a, b, mpz_add);
}

Object* int_sub(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_is_small(a) && int_is_small(b))
    return int_sub_small(int_small_value(a), int_small_value(b));
  return big_binary(a, b, mpz_sub);
}

Object* int_mul(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_is_small(a) && int_is_small(b))
    return int_mul_small(int_small_value(a), int_small_value(b));
  return big_binary(a, b, mpz_mul);
}

Object* int_floordiv_small(int64_t a, int64_t b) {
  if (b == 0) return zero_division("integer division or modulo by zero");
  if (b == -1) return int_from_i128(-static_cast<__int128>(a));
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return int_new_small(q);
}

Object* int_mod_small(int64_t a, int64_t b) {
  if (b == 0) return zero_division("integer modulo by zero");
  if (b == -1) return int_new_small(0);
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return int_new_small(r);
}

Object* int_floordiv(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_is_small(a) && int_is_small(b))
    return int_floordiv_small(int_small_value(a), int_small_value(b));
  if (int_sign(b) == 0) return zero_division("integer division or modulo by zero");
  return big_binary(a, b, mpz_fdiv_q);
}

Object* int_mod(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_is_small(a) && int_is_small(b))
    return int_mod_small(int_small_value(a), int_small_value(b));
  if (int_sign(b) == 0) return zero_division("integer modulo by zero");
  return big_binary(a, b, mpz_fdiv_r);
}

Object* int_detail::int_pair(Object* x, Object* y) {  // steals both
  Ref<> rx = steal(x), ry = steal(y);
  if (!rx || !ry) return nullptr;
  Object* t = tuple_new(2);
  if (t == nullptr) return nullptr;
  tuple_init_item(t, 0, rx.release());
  tuple_init_item(t, 1, ry.release());
  return t;
}

Object* int_divmod(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_sign(b) == 0) return zero_division("integer division or modulo by zero");
  if (int_is_small(a) && int_is_small(b)) {
    int64_t x = int_small_value(a), y = int_small_value(b);
    return int_pair(int_floordiv_small(x, y), int_mod_small(x, y));
  }
  Mpz q, r;
  mpz_fdiv_qr(q, r, BigView(a), BigView(b));
  return int_pair(int_from_mpz_steal(q), int_from_mpz_steal(r));
}

// CPython's long_true_divide: a/b correctly rounded, for any sizes.
static Object* true_divide_big(mpz_srcptr a0, mpz_srcptr b0) {
  bool negate = (mpz_sgn(a0) < 0) != (mpz_sgn(b0) < 0);
  Mpz a, b;
  mpz_abs(a, a0);
  mpz_abs(b, b0);
  if (mpz_sgn(a) == 0) return float_from(negate ? -0.0 : 0.0);
  long a_bits = static_cast<long>(mpz_sizeinbase(a, 2));
  long b_bits = static_cast<long>(mpz_sizeinbase(b, 2));
  long diff = a_bits - b_bits;
  if (diff > DBL_MAX_EXP) {
    set_error(&kOverflowErrorType, "integer division result too large for a float");
    return nullptr;
  }
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return float_from(negate ? -0.0 : 0.0);
  long shift = std::max(diff, static_cast<long>(DBL_MIN_EXP)) - DBL_MANT_DIG - 2;
  bool inexact = false;
  Mpz x;
  if (shift <= 0) {
    mpz_mul_2exp(x, a, static_cast<mp_bitcnt_t>(-shift));
  } else {
    inexact = mpz_scan1(a, 0) < static_cast<mp_bitcnt_t>(shift);
    mpz_tdiv_q_2exp(x, a, static_cast<mp_bitcnt_t>(shift));
  }
  Mpz r;
  mpz_tdiv_qr(x, r, x, b);
  if (mpz_sgn(r) != 0) inexact = true;
  long x_bits = static_cast<long>(mpz_sizeinbase(x, 2));
  uint64_t q = mpz_get_ui(x);  // at most DBL_MANT_DIG + 2 bits
  long extra_bits = std::max(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  uint64_t mask = uint64_t{1} << (extra_bits - 1);
  uint64_t low = q | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) q += mask;
  q &= ~(2 * mask - 1);
  double dx = static_cast<double>(q);
  if (shift + x_bits >= DBL_MAX_EXP &&
      (shift + x_bits > DBL_MAX_EXP || dx == std::ldexp(1.0, static_cast<int>(x_bits)))) {
    set_error(&kOverflowErrorType, "integer division result too large for a float");
    return nullptr;
  }
  double result = std::ldexp(dx, static_cast<int>(shift));
  return float_from(negate ? -result : result);
}

Object* int_truediv(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_sign(b) == 0) return zero_division("division by zero");
  constexpr int64_t kExact = int64_t{1} << DBL_MANT_DIG;
  if (int_is_small(a) && int_is_small(b)) {
    int64_t x = int_small_value(a), y = int_small_value(b);
    if (x >= -kExact && x <= kExact && y >= -kExact && y <= kExact)
      return float_from(static_cast<double>(x) / static_cast<double>(y));
  }
  return true_divide_big(BigView(a), BigView(b));
}

// ---------------------------------------------------------------------------
// Powers.

static Object* pow_small(int64_t base, uint64_t exp) {
  int64_t result = 1, b = base;
  uint64_t e = exp;
  while (true) {
    if ((e & 1) && __builtin_mul_overflow(result, b, &result)) break;
    e >>= 1;
    if (e == 0) return int_new_small(result);
    if (__builtin_mul_overflow(b, b, &b)) break;
  }
  Mpz z;
  mpz_set_si(z, base);
  mpz_pow_ui(z, z, exp);
  return int_from_mpz_steal(z);
}

static Object* pow_modular(Object* a, Object* b, Object* m) {
  if (int_sign(m) == 0) {
    set_error(&kValueErrorType, "pow() 3rd argument cannot be 0");
    return nullptr;
  }
  Mpz mod, base, r;
  mpz_abs(mod, BigView(m));
  if (mpz_cmp_ui(mod, 1) == 0) return int_new_small(0);
  mpz_mod(base, BigView(a), mod);
  Mpz exp;
  mpz_set(exp, BigView(b));
  if (mpz_sgn(exp) < 0) {
    if (mpz_invert(base, base, mod) == 0) {
      set_error(&kValueErrorType, "base is not invertible for the given modulus");
      return nullptr;
    }
    mpz_neg(exp, exp);
  }
  mpz_powm(r, base, exp, mod);
  if (int_sign(m) < 0 && mpz_sgn(r) != 0) mpz_add(r, r, BigView(m));
  return int_from_mpz_steal(r);
}

Object* int_pow(Object* a, Object* b, Object* mod) {
  if (!both_ints(a, b)) return not_implemented();
  if (mod != nullptr && mod != kNone) {
    if (!int_check(mod)) return not_implemented();
    return pow_modular(a, b, mod);
  }
  if (int_sign(b) < 0) return float_pow(a, b, kNone);
  if (!int_is_small(b)) {
    // Only 0, 1 and -1 have representable results for huge exponents.
    if (int_is_small(a) && int_small_value(a) >= -1 && int_small_value(a) <= 1) {
      int64_t x = int_small_value(a);
      bool odd = mpz_odd_p(as_int(b)->big);
      return int_new_small(x == -1 ? (odd ? -1 : 1) : x);
    }
    return no_memory();
  }
  uint64_t e = static_cast<uint64_t>(int_small_value(b));
  if (int_is_small(a)) {
    int64_t x = int_small_value(a);
    if (x >= -1 && x <= 1) return int_new_small(x == -1 ? ((e & 1) ? -1 : 1) : (e == 0 ? 1 : x));
    if (64 * static_cast<double>(e) > 1e11) return no_memory();
    return pow_small(x, e);
  }
  if (static_cast<double>(mpz_sizeinbase(as_int(a)->big, 2)) * static_cast<double>(e) > 1e11)
    return no_memory();
  Mpz z;
  mpz_pow_ui(z, as_int(a)->big, e);
  return int_from_mpz_steal(z);
}

// ---------------------------------------------------------------------------
// Shifts and bitwise operations (two's complement semantics, as GMP's).

static bool shift_count(Object* b, int64_t* out) {
  if (int_sign(b) < 0) {
    set_error(&kValueErrorType, "negative shift count");
    return false;
  }
  if (!int_to_i64(b, out)) *out = INT64_MAX;
  return true;
}

Object* int_lshift(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  int64_t n;
  if (!shift_count(b, &n)) return nullptr;
  if (int_sign(a) == 0) return int_new_small(0);
  if (int_is_small(a) && n < 63) {
    int64_t x = int_small_value(a);
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << n);
    if ((r >> n) == x) return int_new_small(r);
  }
  if (n > (int64_t{1} << 40)) return no_memory();
  Mpz z;
  mpz_mul_2exp(z, BigView(a), static_cast<mp_bitcnt_t>(n));
  return int_from_mpz_steal(z);
}

Object* int_rshift(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  int64_t n;
  if (!shift_count(b, &n)) return nullptr;
  if (int_is_small(a)) {
    int64_t x = int_small_value(a);
    return int_new_small(n >= 64 ? (x < 0 ? -1 : 0) : (x >> n));
  }
  Mpz z;
  mpz_fdiv_q_2exp(z, as_int(a)->big, static_cast<mp_bitcnt_t>(std::min<int64_t>(n, INT64_MAX)));
  return int_from_mpz_steal(z);
}

Object* int_and(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_is_small(a) && int_is_small(b))
    return int_new_small(int_small_value(a) & int_small_value(b));
  return big_binary(a, b, mpz_and);
}

Object* int_or(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_is_small(a) && int_is_small(b))
    return int_new_small(int_small_value(a) | int_small_value(b));
  return big_binary(a, b, mpz_ior);
}

Object* int_xor(Object* a, Object* b) {
  if (!both_ints(a, b)) return not_implemented();
  if (int_is_small(a) && int_is_small(b))
    return int_new_small(int_small_value(a) ^ int_small_value(b));
  return big_binary(a, b, mpz_xor);
}

// ---------------------------------------------------------------------------
// Unary operations.

Object* int_neg(Object* a) {
  if (int_is_small(a)) return int_sub_small(0, int_small_value(a));
  Mpz z;
  mpz_neg(z, as_int(a)->big);
  return int_from_mpz_steal(z);
}

static Object* int_pos(Object* a) { return int_exact_copy(a); }

static Object* int_abs(Object* a) { return int_sign(a) < 0 ? int_neg(a) : int_exact_copy(a); }

static Object* int_invert(Object* a) {
  if (int_is_small(a)) return int_new_small(~int_small_value(a));
  Mpz z;
  mpz_com(z, as_int(a)->big);
  return int_from_mpz_steal(z);
}

static int int_bool(Object* a) { return int_sign(a) != 0; }

static Object* int_float(Object* a) {
  double d = int_to_double(a);
  if (d == -1.0 && has_error()) return nullptr;
  return float_from(d);
}

// ---------------------------------------------------------------------------
// bool's own operators: & | ^ of two bools stay bools.

static Object* bool_and(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return new_bool((a == kTrue) && (b == kTrue));
  return int_and(a, b);
}
static Object* bool_or(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return new_bool((a == kTrue) || (b == kTrue));
  return int_or(a, b);
}
static Object* bool_xor(Object* a, Object* b) {
  if (bool_check(a) && bool_check(b)) return new_bool((a == kTrue) != (b == kTrue));
  return int_xor(a, b);
}

namespace {

NumberMethods int_number = [] {
  NumberMethods n{};
  n.add = int_add;
  n.subtract = int_sub;
  n.multiply = int_mul;
  n.remainder = int_mod;
  n.floor_divide = int_floordiv;
  n.true_divide = int_truediv;
  n.lshift = int_lshift;
  n.rshift = int_rshift;
  n.and_ = int_and;
  n.or_ = int_or;
  n.xor_ = int_xor;
  n.power = int_pow;
  n.negative = int_neg;
  n.positive = int_pos;
  n.absolute = int_abs;
  n.invert = int_invert;
  n.boolean = int_bool;
  n.to_int = int_pos;
  n.to_float = int_float;
  n.index = int_pos;
  return n;
}();

NumberMethods bool_number = [] {
  NumberMethods n = int_number;
  n.and_ = bool_and;
  n.or_ = bool_or;
  n.xor_ = bool_xor;
  return n;
}();

void init_small(IntObject* o, Type* type, int64_t v) {
  o->type = type;
  o->small = v;
  o->is_big = false;
  make_immortal(o);
}

}  // namespace

void init_int_types() {
  init_static_type(&kIntType, "int", sizeof(IntObject), &kObjectType);
  kIntType.flags |= kTypeBaseType | kTypeIntSubclass | kTypeImmutable;
  kIntType.doc = "int([x]) -> integer\nint(x, base=10) -> integer";
  kIntType.dealloc = int_dealloc;
  kIntType.new_ = int_new;
  kIntType.repr = int_repr;
  kIntType.hash = int_hash;
  kIntType.richcompare = int_richcompare;
  kIntType.number = &int_number;
  kIntType.methods = kIntMethods;
  kIntType.getsets = kIntGetSets;

  init_static_type(&kBoolType, "bool", sizeof(IntObject), &kIntType);
  kBoolType.flags |= kTypeIntSubclass | kTypeImmutable;
  kBoolType.doc = "bool(x) -> bool";
  kBoolType.dealloc = int_dealloc;
  kBoolType.new_ = bool_new;
  kBoolType.repr = bool_repr;
  kBoolType.hash = int_hash;
  kBoolType.richcompare = int_richcompare;
  kBoolType.number = &bool_number;

  for (int64_t v = kSmallIntMin; v <= kSmallIntMax; ++v)
    init_small(&kSmallInts[v - kSmallIntMin], &kIntType, v);
  init_small(&true_object, &kBoolType, 1);
  init_small(&false_object, &kBoolType, 0);

  type_ready(&kIntType);
  type_ready(&kBoolType);
}

}  // namespace conch::vm
