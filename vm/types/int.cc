// int and bool: objects, arithmetic, conversions, methods.  See int.h for
// the representation invariant (small <=> fits in int64).
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

namespace {

IntObject* as_int(Object* o) { return static_cast<IntObject*>(o); }

// RAII mpz for results and temporaries.
struct Mpz {
  mpz_t z;
  Mpz() { mpz_init(z); }
  ~Mpz() { mpz_clear(z); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  operator mpz_ptr() { return z; }
  __mpz_struct* operator->() { return z; }  // for GMP's macros (mpz_sgn ...)
};

// Read-only mpz view of any int object, without allocating.
class BigView {
 public:
  explicit BigView(Object* o) {
    IntObject* io = as_int(o);
    if (io->is_big) {
      p_ = io->big;
    } else {
      int64_t v = io->small;
      limb_ = v < 0 ? static_cast<mp_limb_t>(0) - static_cast<mp_limb_t>(v)
                    : static_cast<mp_limb_t>(v);
      p_ = mpz_roinit_n(tmp_, &limb_, v < 0 ? -1 : (v == 0 ? 0 : 1));
    }
  }
  operator mpz_srcptr() const { return p_; }
  const __mpz_struct* operator->() const { return p_; }

 private:
  mp_limb_t limb_ = 0;
  mpz_t tmp_;
  mpz_srcptr p_;
};

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

static Object* pair(Object* x, Object* y) {  // steals both
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
    return pair(int_floordiv_small(x, y), int_mod_small(x, y));
  }
  Mpz q, r;
  mpz_fdiv_qr(q, r, BigView(a), BigView(b));
  return pair(int_from_mpz_steal(q), int_from_mpz_steal(r));
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
// Text.

std::string int_to_decimal(Object* v) {
  if (int_is_small(v)) {
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, int_small_value(v));
    return std::string(buf, res.ptr);
  }
  std::string s(mpz_sizeinbase(as_int(v)->big, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, as_int(v)->big);
  s.resize(std::strlen(s.c_str()));
  return s;
}

static void digit_limit_error() {
  set_error_fmt(&kValueErrorType,
                "Exceeds the limit (%d digits) for integer string conversion; use "
                "sys.set_int_max_str_digits() to increase the limit",
                g_int_max_str_digits);
}

// Decimal text with CPython's digit limit; false with ValueError set.
static bool int_decimal_checked(Object* v, std::string* out) {
  int limit = g_int_max_str_digits;
  if (!int_is_small(v) && limit > 0 &&
      mpz_sizeinbase(as_int(v)->big, 10) > static_cast<size_t>(limit) + 1) {
    digit_limit_error();
    return false;
  }
  *out = int_to_decimal(v);
  size_t digits = out->size() - (out->front() == '-' ? 1 : 0);
  if (limit > 0 && digits > static_cast<size_t>(limit)) {
    digit_limit_error();
    return false;
  }
  return true;
}

static Object* int_repr(Object* v) {
  std::string s;
  if (!int_decimal_checked(v, &s)) return nullptr;
  return str_from(s);
}

static Object* bool_repr(Object* v) {
  return str_from(int_sign(v) != 0 ? "True" : "False");
}

Object* int_to_base_string(Object* v, int base) {
  const char* prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
  Mpz z;
  mpz_abs(z, BigView(v));
  std::string digits(mpz_sizeinbase(z, base) + 2, '\0');
  mpz_get_str(digits.data(), base, z);
  digits.resize(std::strlen(digits.c_str()));
  std::string s = int_sign(v) < 0 ? "-" : "";
  s += prefix;
  s += digits;
  return str_from(s);
}

// Parsing ------------------------------------------------------------------

namespace {

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r') || c == '\x1c' || c == '\x1d' || c == '\x1e' || c == '\x1f'; }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

// The error shows repr() of at most 200 characters of the input (bytes
// input shows as b'...').
void invalid_literal(std::string_view s, int base, bool is_bytes) {
  std::string_view shown = s.substr(0, std::min<size_t>(s.size(), 200));
  Ref<> so = steal(is_bytes ? bytes_from(shown) : str_from(shown));
  if (!so) return;
  Ref<> r = steal(repr(so.get()));
  if (!r) return;
  set_error_fmt(&kValueErrorType, "invalid literal for int() with base %d: %s", base,
                std::string(str_view(r.get())));
}

// Strips whitespace (ASCII and the common Unicode spaces CPython accepts).
std::string_view strip_spaces(std::string_view s) {
  auto lead = [](std::string_view t) -> size_t {
    if (!t.empty() && is_space(t[0])) return 1;
    if (t.size() >= 2 && static_cast<unsigned char>(t[0]) == 0xC2 &&
        (static_cast<unsigned char>(t[1]) == 0xA0 || static_cast<unsigned char>(t[1]) == 0x85))
      return 2;
    return 0;
  };
  auto trail = [](std::string_view t) -> size_t {
    if (!t.empty() && is_space(t.back())) return 1;
    size_t n = t.size();
    if (n >= 2 && static_cast<unsigned char>(t[n - 2]) == 0xC2 &&
        (static_cast<unsigned char>(t[n - 1]) == 0xA0 || static_cast<unsigned char>(t[n - 1]) == 0x85))
      return 2;
    return 0;
  };
  for (size_t k; (k = lead(s)) != 0;) s.remove_prefix(k);
  for (size_t k; (k = trail(s)) != 0;) s.remove_suffix(k);
  return s;
}

// Validates digits with single underscores between them and collects them.
bool collect_digits(std::string_view s, int base, bool underscore_first_ok, std::string* out) {
  bool prev_underscore = !underscore_first_ok;  // a leading '_' needs a prefix before it
  bool any = false;
  for (char c : s) {
    if (c == '_') {
      if (prev_underscore) return false;
      prev_underscore = true;
      continue;
    }
    if (digit_value(c) >= base) return false;
    out->push_back(c);
    prev_underscore = false;
    any = true;
  }
  return any && !prev_underscore;
}

}  // namespace

static Object* parse_int_text(std::string_view text, std::string_view orig, int base,
                              bool is_bytes);

// int(b"...", base): ASCII only, errors show the bytes repr.
static Object* int_from_bytes_text(std::string_view data, int base) {
  if ((base != 0 && base < 2) || base > 36) {
    set_error(&kValueErrorType, "int() base must be >= 2 and <= 36, or 0");
    return nullptr;
  }
  return parse_int_text(data, data, base, true);
}

Object* int_from_string(std::string_view orig, int base) {
  if ((base != 0 && base < 2) || base > 36) {
    set_error(&kValueErrorType, "int() base must be >= 2 and <= 36, or 0");
    return nullptr;
  }
  for (char c : orig) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      std::string ascii = ascii_digits_and_spaces(orig);
      return parse_int_text(ascii, orig, base, false);
    }
  }
  return parse_int_text(orig, orig, base, false);
}

// Parses ASCII `text`; errors show `orig`, the caller's string.
static Object* parse_int_text(std::string_view text, std::string_view orig, int base,
                              bool is_bytes) {
  std::string_view s = strip_spaces(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int given_base = base;
  bool prefixed = false;
  if (s.size() >= 2 && s[0] == '0') {
    char p = static_cast<char>(s[1] | 0x20);
    int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
    if (pb != 0 && (base == 0 || base == pb)) {
      base = pb;
      prefixed = true;
      s.remove_prefix(2);
    }
  }
  bool base0_decimal = base == 0;
  if (base == 0) base = 10;
  std::string digits;
  if (!collect_digits(s, base, prefixed, &digits)) {
    invalid_literal(orig, given_base, is_bytes);
    return nullptr;
  }
  if (base0_decimal && digits.size() > 1 && digits[0] == '0' &&
      digits.find_first_not_of('0') != std::string::npos) {
    invalid_literal(orig, given_base, is_bytes);
    return nullptr;
  }
  bool pow2 = (base & (base - 1)) == 0;
  if (!pow2 && g_int_max_str_digits > 0 &&
      digits.size() > static_cast<size_t>(g_int_max_str_digits)) {
    set_error_fmt(&kValueErrorType,
                  "Exceeds the limit (%d digits) for integer string conversion: value has %d "
                  "digits; use sys.set_int_max_str_digits() to increase the limit",
                  g_int_max_str_digits, static_cast<int>(digits.size()));
    return nullptr;
  }
  if (digits.size() <= 12) {  // 36**12 < 2**63
    int64_t v = 0;
    for (char c : digits) v = v * base + digit_value(c);
    return int_new_small(negative ? -v : v);
  }
  Mpz z;
  mpz_set_str(z, digits.c_str(), base);
  if (negative) mpz_neg(z, z);
  return int_from_mpz_steal(z);
}

// ---------------------------------------------------------------------------
// The int() and bool() constructors.

static Object* int_from_object(Object* x) {
  if (int_check(x)) return int_exact_copy(x);
  if (str_check(x)) return int_from_string(str_view(x), 10);
  if (bytes_check(x)) return int_from_bytes_text(bytes_view(x), 10);
  Type* t = type_of(x);
  NumberMethods* nm = t->number;
  UnaryFunc conv = nm != nullptr && nm->to_int != nullptr ? nm->to_int
                   : nm != nullptr && nm->index != nullptr ? nm->index : nullptr;
  if (conv != nullptr) {
    Ref<> r = steal(conv(x));
    if (!r) return nullptr;
    if (!int_check(r.get())) {
      set_error_fmt(&kTypeErrorType, "__%s__ returned non-int (type %s)",
                    conv == nm->to_int ? "int" : "index", type_name(r.get()));
      return nullptr;
    }
    return int_exact_copy(r.get());
  }
  Object* trunc = type_lookup(t, str_intern("__trunc__"));
  if (trunc != nullptr) {
    Ref<> r = steal(call_method(x, "__trunc__", {}));
    if (!r) return nullptr;
    if (int_check(r.get())) return int_exact_copy(r.get());
    Ref<> idx = steal(number_index(r.get()));
    if (!idx) {
      clear_error();
      set_error_fmt(&kTypeErrorType, "__trunc__ returned non-Integral (type %s)",
                    type_name(r.get()));
      return nullptr;
    }
    return int_exact_copy(idx.get());
  }
  set_error_fmt(&kTypeErrorType,
                "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                type_name(x));
  return nullptr;
}

static Object* int_value_from_args(Object* x, Object* base_obj) {
  if (x == nullptr) return int_new_small(0);
  if (base_obj == nullptr) return int_from_object(x);
  ssize_t base = index_as_ssize(base_obj);
  if (base == -1 && has_error()) return nullptr;
  if (str_check(x)) return int_from_string(str_view(x), static_cast<int>(base));
  if (bytes_check(x)) return int_from_bytes_text(bytes_view(x), static_cast<int>(base));
  set_error(&kTypeErrorType, "int() can't convert non-string with explicit base");
  return nullptr;
}

// An instance of the int subclass `type` with the value of the exact int v.
static Object* int_subtype_new(Type* type, Object* v) {
  Object* o = alloc_int_object(type);
  if (o == nullptr) return nullptr;
  IntObject* io = as_int(o);
  if (int_is_small(v)) {
    io->small = int_small_value(v);
  } else {
    io->is_big = true;
    mpz_init_set(io->big, as_int(v)->big);
  }
  return o;
}

static Object* int_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"int", {"", "base"}, 0, 2, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> v = steal(int_value_from_args(a[0], a[1]));
  if (!v || type == &kIntType) return v.release();
  return int_subtype_new(type, v.get());
}

static Object* bool_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error(&kTypeErrorType, "bool() takes no keyword arguments");
    return nullptr;
  }
  if (nargs > 1) {
    set_error_fmt(&kTypeErrorType, "bool expected at most 1 argument, got %d",
                  static_cast<int>(nargs));
    return nullptr;
  }
  if (nargs == 0) return kFalse;
  int t = is_true(args[0]);
  if (t < 0) return nullptr;
  return new_bool(t != 0);
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

// ---------------------------------------------------------------------------
// Methods.

namespace {

Object* m_bit_length(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("int.bit_length", nargs, 0, 0, kw)) return nullptr;
  if (int_sign(self) == 0) return int_new_small(0);
  return int_from_u64(mpz_sizeinbase(BigView(self), 2));
}

Object* m_bit_count(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("int.bit_count", nargs, 0, 0, kw)) return nullptr;
  Mpz z;
  mpz_abs(z, BigView(self));
  return int_from_u64(mpz_popcount(z));
}

Object* m_conjugate(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("int.conjugate", nargs, 0, 0, kw)) return nullptr;
  return int_exact_copy(self);
}

Object* m_self_int(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("int.__int__", nargs, 0, 0, kw)) return nullptr;
  return int_exact_copy(self);
}

Object* m_as_integer_ratio(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("int.as_integer_ratio", nargs, 0, 0, kw)) return nullptr;
  return pair(int_exact_copy(self), int_new_small(1));
}

Object* m_round(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("int.__round__", nargs, 0, 1, kw)) return nullptr;
  if (nargs == 0 || args[0] == kNone) return int_exact_copy(self);
  return int_round(self, args[0]);
}

Object* m_format(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("int.__format__", nargs, 1, 1, kw)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "__format__() argument must be str, not %s",
                  type_name(args[0]));
    return nullptr;
  }
  return int_format_spec(self, str_view(args[0]));
}

Object* m_getnewargs(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("int.__getnewargs__", nargs, 0, 0, kw)) return nullptr;
  Object* v = int_exact_copy(self);
  if (v == nullptr) return nullptr;
  Object* t = tuple_new(1);
  if (t == nullptr) {
    decref(v);
    return nullptr;
  }
  tuple_init_item(t, 0, v);
  return t;
}

Object* m_sizeof(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("int.__sizeof__", nargs, 0, 0, kw)) return nullptr;
  size_t digits = int_sign(self) == 0 ? 0 : (mpz_sizeinbase(BigView(self), 2) + 29) / 30;
  return int_from_u64(24 + 4 * std::max<size_t>(digits, int_sign(self) == 0 ? 0 : 1));
}

// byteorder argument: true for "little".
bool parse_byteorder(Object* o, bool* little) {
  if (o == nullptr) {
    *little = false;
    return true;
  }
  if (!str_check(o)) {
    set_error_fmt(&kTypeErrorType, "to_bytes() argument 'byteorder' must be str, not %s",
                  type_name(o));
    return false;
  }
  std::string_view s = str_view(o);
  if (s != "little" && s != "big") {
    set_error(&kValueErrorType, "byteorder must be either 'little' or 'big'");
    return false;
  }
  *little = s == "little";
  return true;
}

Object* m_to_bytes(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"to_bytes", {"length", "byteorder", "signed"}, 0, 2};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize_t length = 1;
  if (a[0] != nullptr && (length = index_as_ssize(a[0])) == -1 && has_error()) return nullptr;
  if (length < 0) {
    set_error(&kValueErrorType, "length argument must be non-negative");
    return nullptr;
  }
  bool little, is_signed = false;
  if (!parse_byteorder(a[1], &little)) return nullptr;
  if (a[2] != nullptr) {
    int t = is_true(a[2]);
    if (t < 0) return nullptr;
    is_signed = t != 0;
  }
  BigView v(self);
  if (!is_signed && mpz_sgn(v) < 0) {
    set_error(&kOverflowErrorType, "can't convert negative int to unsigned");
    return nullptr;
  }
  // Two's complement within 8*length bits.
  Mpz z, limit;
  mpz_set(z, v);
  mpz_ui_pow_ui(limit, 2, 8 * static_cast<unsigned long>(length) - (is_signed && length > 0 ? 1 : 0));
  bool fits = is_signed ? (mpz_cmp(z, limit) < 0 && mpz_cmpabs(z, limit) <= 0) || mpz_sgn(z) == 0
                        : mpz_cmp(z, limit) < 0;
  if (length == 0) fits = mpz_sgn(z) == 0;
  if (!fits) {
    set_error(&kOverflowErrorType, "int too big to convert");
    return nullptr;
  }
  if (mpz_sgn(z) < 0) {
    Mpz full;
    mpz_ui_pow_ui(full, 2, 8 * static_cast<unsigned long>(length));
    mpz_add(z, z, full);
  }
  std::string buf(static_cast<size_t>(length), '\0');
  size_t count = 0;
  size_t needed = (mpz_sizeinbase(z, 2) + 7) / 8;
  std::string tmp(needed + 1, '\0');
  mpz_export(tmp.data(), &count, 1, 1, 1, 0, z);  // big-endian
  if (mpz_sgn(z) == 0) count = 0;
  std::memcpy(buf.data() + (length - count), tmp.data(), count);
  if (little) std::reverse(buf.begin(), buf.end());
  return bytes_from(buf);
}

bool bytes_of(Object* o, std::string* out) {
  if (bytes_check(o)) {
    *out = std::string(bytes_view(o));
    return true;
  }
  if (str_check(o)) {
    set_error(&kTypeErrorType, "cannot convert 'str' object to bytes");
    return false;
  }
  Ref<> it = steal(get_iter(o));
  if (!it) return false;
  while (Object* raw = iter_next(it.get())) {
    Ref<> item = steal(raw);
    ssize_t b = index_as_ssize(item.get());
    if (b == -1 && has_error()) return false;
    if (b < 0 || b > 255) {
      set_error(&kValueErrorType, "bytes must be in range(0, 256)");
      return false;
    }
    out->push_back(static_cast<char>(b));
  }
  return !has_error();
}

Object* m_from_bytes(Object* cls, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"from_bytes", {"bytes", "byteorder", "signed"}, 1, 2};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  bool little, is_signed = false;
  if (!parse_byteorder(a[1], &little)) return nullptr;
  if (a[2] != nullptr) {
    int t = is_true(a[2]);
    if (t < 0) return nullptr;
    is_signed = t != 0;
  }
  std::string data;
  if (!bytes_of(a[0], &data)) return nullptr;
  if (little) std::reverse(data.begin(), data.end());
  Mpz z;
  if (!data.empty()) mpz_import(z, data.size(), 1, 1, 1, 0, data.data());
  if (is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
    Mpz full;
    mpz_ui_pow_ui(full, 2, 8 * data.size());
    mpz_sub(z, z, full);
  }
  Ref<> v = steal(int_from_mpz_steal(z));
  if (!v || cls == &kIntType) return v.release();
  Object* argv[1] = {v.get()};
  return call(cls, argv, 1);
}

Object* g_real(Object* self) { return int_exact_copy(self); }
Object* g_imag(Object*) { return int_new_small(0); }
Object* g_denominator(Object*) { return int_new_small(1); }

Object* m_divmod(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("int.__divmod__", nargs, 1, 1, kw)) return nullptr;
  return int_divmod(self, args[0]);
}

Object* m_rdivmod(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("int.__rdivmod__", nargs, 1, 1, kw)) return nullptr;
  return int_divmod(args[0], self);
}

const MethodDef kIntMethods[] = {
    {"__divmod__", m_divmod, kMethodDefault, "Return divmod(self, value)."},
    {"__rdivmod__", m_rdivmod, kMethodDefault, "Return divmod(value, self)."},
    {"bit_length", m_bit_length, kMethodDefault, "Number of bits necessary to represent self in binary."},
    {"bit_count", m_bit_count, kMethodDefault, "Number of ones in the binary representation of abs(self)."},
    {"to_bytes", m_to_bytes, kMethodDefault, "Return an array of bytes representing an integer."},
    {"from_bytes", m_from_bytes, kMethodClass, "Return the integer represented by the given array of bytes."},
    {"conjugate", m_conjugate, kMethodDefault, "Returns self, the complex conjugate of any int."},
    {"as_integer_ratio", m_as_integer_ratio, kMethodDefault, "Return integer ratio."},
    {"__trunc__", m_self_int, kMethodDefault, "Truncating an Integral returns itself."},
    {"__floor__", m_self_int, kMethodDefault, "Flooring an Integral returns itself."},
    {"__ceil__", m_self_int, kMethodDefault, "Ceiling of an Integral returns itself."},
    {"__round__", m_round, kMethodDefault, "Rounding an Integral returns itself."},
    {"__format__", m_format, kMethodDefault, "Convert to a string according to format_spec."},
    {"__getnewargs__", m_getnewargs, kMethodDefault, nullptr},
    {"__sizeof__", m_sizeof, kMethodDefault, "Returns size in memory, in bytes."},
    {nullptr},
};

const GetSetDef kIntGetSets[] = {
    {"real", g_real, nullptr, "the real part of a complex number"},
    {"imag", g_imag, nullptr, "the imaginary part of a complex number"},
    {"numerator", g_real, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", g_denominator, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr},
};

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

// round(v, ndigits) with half-even, as CPython's long_round.
Object* int_round(Object* v, Object* ndigits) {
  Ref<> nd = steal(number_index(ndigits));
  if (!nd) return nullptr;
  if (int_sign(nd.get()) >= 0) return int_exact_copy(v);
  if (!int_is_small(nd.get()) || int_small_value(nd.get()) < -(int64_t{1} << 30))
    return int_new_small(0);
  unsigned long k = static_cast<unsigned long>(-int_small_value(nd.get()));
  Mpz p, q, r;
  mpz_ui_pow_ui(p, 10, k);
  mpz_fdiv_qr(q, r, BigView(v), p);
  // Round half to even: compare 2r with p.
  Mpz twice;
  mpz_mul_2exp(twice, r, 1);
  int c = mpz_cmp(twice, p);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  mpz_mul(q, q, p);
  return int_from_mpz_steal(q);
}

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
