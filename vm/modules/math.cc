// The math module.  Follows CPython's Modules/mathmodule.c: the same special
// cases for IEEE values, the same errno-style error classification
// (math_1/math_2/is_error), exact algorithms where CPython has them (fsum's
// Shewchuk partials, vector_norm for hypot/dist, log of huge ints).
#include "vm/modules/math.h"

#include <gmp.h>

#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/float.h"
#include "vm/types/int.h"

namespace conch::vm {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662497757;
constexpr double kTau = 6.283185307179586476925286766559005768394;

Object* domain_error() {
  set_error(&kValueErrorType, "math domain error");
  return nullptr;
}
Object* range_error() {
  set_error(&kOverflowErrorType, "math range error");
  return nullptr;
}

// CPython's is_error: errno set by a libm-style function; true when raised.
bool is_error(double r, int err) {
  if (err == EDOM) {
    domain_error();
    return true;
  }
  if (err == ERANGE) {
    if (std::fabs(r) < 1.5) return false;  // underflow: not an error
    range_error();
    return true;
  }
  return false;
}

bool to_double(Object* o, double* out) {
  *out = number_as_double(o);
  return !(*out == -1.0 && has_error());
}

bool positional(const char* name, size_t nargs, size_t n, Object* kw) {
  if (nargs == n && (kw == nullptr || tuple_size(kw) == 0)) return true;
  // CPython's one-argument (METH_O) functions name their module in the
  // message: "math.sqrt() takes exactly one argument (2 given)".
  std::string qualified = n == 1 ? absl::StrCat("math.", name) : std::string(name);
  return check_nargs(qualified.c_str(), nargs, n, n, kw);
}

// math_1: one float argument, libm function, CPython's error rules.
Object* math_1(Object* arg, double (*f)(double), bool can_overflow) {
  double x;
  if (!to_double(arg, &x)) return nullptr;
  double r = f(x);
  if (std::isnan(r) && !std::isnan(x)) return domain_error();
  if (std::isinf(r) && std::isfinite(x)) return can_overflow ? range_error() : domain_error();
  return float_from(r);
}

// math_2: two float arguments.
Object* math_2(Object* const* args, double (*f)(double, double)) {
  double x, y;
  if (!to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  double r = f(x, y);
  int err = 0;
  if (std::isnan(r)) err = (!std::isnan(x) && !std::isnan(y)) ? EDOM : 0;
  else if (std::isinf(r)) err = (std::isfinite(x) && std::isfinite(y)) ? ERANGE : 0;
  if (err && is_error(r, err)) return nullptr;
  return float_from(r);
}

#define CONCH_MATH_FUNC1(name, func, can_overflow)                                   \
  Object* m_##name(Object*, Object* const* args, size_t nargs, Object* kw) {        \
    if (!positional(#name, nargs, 1, kw)) return nullptr;                           \
    return math_1(args[0], [](double x) -> double { return func(x); }, can_overflow); \
  }

CONCH_MATH_FUNC1(acos, std::acos, false)
CONCH_MATH_FUNC1(acosh, std::acosh, false)
CONCH_MATH_FUNC1(asin, std::asin, false)
CONCH_MATH_FUNC1(asinh, std::asinh, false)
CONCH_MATH_FUNC1(atan, std::atan, false)
CONCH_MATH_FUNC1(atanh, std::atanh, false)
CONCH_MATH_FUNC1(cbrt, std::cbrt, false)
CONCH_MATH_FUNC1(cos, std::cos, false)
CONCH_MATH_FUNC1(cosh, std::cosh, true)
CONCH_MATH_FUNC1(erf, std::erf, false)
CONCH_MATH_FUNC1(erfc, std::erfc, false)
CONCH_MATH_FUNC1(exp, std::exp, true)
CONCH_MATH_FUNC1(exp2, std::exp2, true)
CONCH_MATH_FUNC1(expm1, std::expm1, true)
CONCH_MATH_FUNC1(fabs, std::fabs, false)
CONCH_MATH_FUNC1(log1p, std::log1p, false)
CONCH_MATH_FUNC1(sin, std::sin, false)
CONCH_MATH_FUNC1(sinh, std::sinh, true)
CONCH_MATH_FUNC1(sqrt, std::sqrt, false)
CONCH_MATH_FUNC1(tan, std::tan, false)
CONCH_MATH_FUNC1(tanh, std::tanh, false)
#undef CONCH_MATH_FUNC1

// Gamma and lgamma: CPython's own Lanczos approximation (m_tgamma,
// m_lgamma), not libm's, so results agree with CPython to the last bit.
constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kLanczosNum[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
constexpr double kLanczosDen[kLanczosN] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0,
    2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
constexpr double kGammaIntegral[23] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0,
    39916800.0, 479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0,
    20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
};
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kLanczosNum[i];
      den = den * x + kLanczosDen[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; i++) {
      num = num / x + kLanczosNum[i];
      den = den / x + kLanczosDen[i];
    }
  }
  return num / den;
}

double sinpi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  int n = static_cast<int>(std::round(2.0 * y));
  double r;
  switch (n) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

// errno-style: *err gets EDOM or ERANGE.
double tgamma_py(double x, int* err) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return x;
    *err = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    *err = EDOM;
    return std::copysign(HUGE_VAL, x);
  }
  if (x == std::floor(x)) {
    if (x < 0.0) {
      *err = EDOM;
      return NAN;
    }
    if (x <= 23) return kGammaIntegral[static_cast<int>(x) - 1];
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (std::isinf(r)) *err = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / sinpi(x);
    *err = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + kLanczosGMinusHalf;
  double z;
  if (absx > kLanczosGMinusHalf) {
    double q = y - absx;
    z = q - kLanczosGMinusHalf;
  } else {
    double q = y - kLanczosGMinusHalf;
    z = q - absx;
  }
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

double lgamma_py(double x, int* err) {
  if (!std::isfinite(x)) return std::isnan(x) ? x : HUGE_VAL;
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      *err = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return -std::log(absx);
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sinpi(absx))) - std::log(absx) - r;
  if (std::isinf(r)) *err = ERANGE;
  return r;
}

Object* math_1a(Object* const* args, size_t nargs, Object* kw, const char* name,
                double (*f)(double, int*)) {
  if (!positional(name, nargs, 1, kw)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  int err = 0;
  double r = f(x, &err);
  if (err && is_error(r, err)) return nullptr;
  return float_from(r);
}

Object* m_gamma(Object*, Object* const* args, size_t nargs, Object* kw) {
  return math_1a(args, nargs, kw, "gamma", tgamma_py);
}

Object* m_lgamma(Object*, Object* const* args, size_t nargs, Object* kw) {
  return math_1a(args, nargs, kw, "lgamma", lgamma_py);
}

// ---------------------------------------------------------------------------
// Logarithms (ints of any size accepted, as CPython's loghelper).

// Correctly rounded frexp of a positive int too big for a double.
double int_frexp(Object* v, long* e) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(v, z);
  long bits = static_cast<long>(mpz_sizeinbase(z, 2));
  long shift = bits - 60;
  bool sticky = mpz_scan1(z, 0) < static_cast<mp_bitcnt_t>(shift);
  mpz_tdiv_q_2exp(z, z, shift);
  uint64_t top = mpz_get_ui(z) | (sticky ? 1 : 0);
  mpz_clear(z);
  int e2;
  double m = std::frexp(static_cast<double>(top), &e2);
  *e = e2 + shift;
  return m;
}

// log of arg with the libm function f; nullptr with the error set.
bool loghelper(Object* arg, double (*f)(double), double* out) {
  if (int_check(arg)) {
    if (int_sign(arg) <= 0) {
      domain_error();
      return false;
    }
    double x = int_to_double(arg);
    if (x == -1.0 && has_error()) {
      if (!error_matches(&kOverflowErrorType)) return false;
      clear_error();
      long e;
      double m = int_frexp(arg, &e);
      *out = f(m) + f(2.0) * static_cast<double>(e);
      return true;
    }
    *out = f(x);
    return true;
  }
  double x;
  if (!to_double(arg, &x)) return false;
  double r = f(x);
  if ((std::isnan(r) && !std::isnan(x)) || (std::isinf(r) && std::isfinite(x))) {
    domain_error();
    return false;
  }
  *out = r;
  return true;
}

double log_e(double x) { return std::log(x); }
double log_2(double x) { return std::log2(x); }
double log_10(double x) { return std::log10(x); }

Object* m_log(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("log", nargs, 1, 2, kw)) return nullptr;
  double num;
  if (!loghelper(args[0], log_e, &num)) return nullptr;
  if (nargs == 1) return float_from(num);
  double den;
  if (!loghelper(args[1], log_e, &den)) return nullptr;
  if (den == 0.0) {
    set_error(&kZeroDivisionErrorType, "float division by zero");
    return nullptr;
  }
  return float_from(num / den);
}

Object* m_log2(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("log2", nargs, 1, kw)) return nullptr;
  double r;
  return loghelper(args[0], log_2, &r) ? float_from(r) : nullptr;
}

Object* m_log10(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("log10", nargs, 1, kw)) return nullptr;
  double r;
  return loghelper(args[0], log_10, &r) ? float_from(r) : nullptr;
}

// ---------------------------------------------------------------------------
// Two-argument float functions.

Object* m_pow(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("pow", nargs, 2, kw)) return nullptr;
  double x, y;
  if (!to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  double r = 0.0;
  int err = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) {
      r = y == 0.0 ? 1.0 : x;
    } else if (std::isnan(y)) {
      r = x == 1.0 ? 1.0 : y;
    } else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) r = odd_y ? x : std::fabs(x);
      else if (y == 0.0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else {  // y infinite
      if (std::fabs(x) == 1.0) r = 1.0;
      else if (y > 0.0 && std::fabs(x) > 1.0) r = y;
      else if (y < 0.0 && std::fabs(x) < 1.0) r = -y;
      else r = 0.0;
    }
  } else {
    r = std::pow(x, y);
    if (std::isnan(r)) err = EDOM;
    else if (std::isinf(r)) err = x == 0.0 ? EDOM : ERANGE;
  }
  if (err && is_error(r, err)) return nullptr;
  return float_from(r);
}

Object* m_atan2(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("atan2", nargs, 2, kw)) return nullptr;
  return math_2(args, [](double y, double x) { return std::atan2(y, x); });
}

Object* m_copysign(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("copysign", nargs, 2, kw)) return nullptr;
  return math_2(args, [](double x, double y) { return std::copysign(x, y); });
}

Object* m_remainder(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("remainder", nargs, 2, kw)) return nullptr;
  return math_2(args, [](double x, double y) { return std::remainder(x, y); });
}

Object* m_fmod(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("fmod", nargs, 2, kw)) return nullptr;
  double x, y;
  if (!to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return float_from(x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error();
  return float_from(r);
}

Object* m_nextafter(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("nextafter", nargs, 2, kw)) return nullptr;
  double x, y;
  if (!to_double(args[0], &x) || !to_double(args[1], &y)) return nullptr;
  return float_from(std::nextafter(x, y));
}

Object* m_ulp(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("ulp", nargs, 1, kw)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  if (std::isnan(x)) return float_from(x);
  x = std::fabs(x);
  if (std::isinf(x)) return float_from(x);
  double x2 = std::nextafter(x, HUGE_VAL);
  if (std::isinf(x2)) return float_from(x - std::nextafter(x, -HUGE_VAL));
  return float_from(x2 - x);
}

Object* pair_of(Object* a, Object* b) {  // steals both
  Ref<> ra = steal(a), rb = steal(b);
  if (!ra || !rb) return nullptr;
  Object* t = tuple_new(2);
  if (t == nullptr) return nullptr;
  tuple_init_item(t, 0, ra.release());
  tuple_init_item(t, 1, rb.release());
  return t;
}

Object* m_modf(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("modf", nargs, 1, kw)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  if (std::isinf(x)) return pair_of(float_from(std::copysign(0.0, x)), float_from(x));
  if (std::isnan(x)) return pair_of(float_from(x), float_from(x));
  double ip;
  double frac = std::modf(x, &ip);
  return pair_of(float_from(frac), float_from(ip));
}

Object* m_frexp(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("frexp", nargs, 1, kw)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  int e = 0;
  if (std::isfinite(x) && x != 0.0) x = std::frexp(x, &e);
  return pair_of(float_from(x), int_from_i64(e));
}

Object* m_ldexp(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("ldexp", nargs, 2, kw)) return nullptr;
  double x;
  if (!to_double(args[0], &x)) return nullptr;
  if (!int_check(args[1])) {
    set_error(&kTypeErrorType, "Expected an int as second argument to ldexp.");
    return nullptr;
  }
  int64_t exp;
  if (!int_to_i64(args[1], &exp)) exp = int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
  if (x == 0.0 || !std::isfinite(x)) return float_from(x);
  if (exp > INT_MAX) return range_error();
  if (exp < INT_MIN) return float_from(std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(exp));
  if (std::isinf(r)) return range_error();
  return float_from(r);
}

// ---------------------------------------------------------------------------
// Predicates and conversions.

Object* m_isfinite(Object*, Object* const* args, size_t nargs, Object* kw) {
  double x;
  if (!positional("isfinite", nargs, 1, kw) || !to_double(args[0], &x)) return nullptr;
  return new_bool(std::isfinite(x));
}
Object* m_isinf(Object*, Object* const* args, size_t nargs, Object* kw) {
  double x;
  if (!positional("isinf", nargs, 1, kw) || !to_double(args[0], &x)) return nullptr;
  return new_bool(std::isinf(x));
}
Object* m_isnan(Object*, Object* const* args, size_t nargs, Object* kw) {
  double x;
  if (!positional("isnan", nargs, 1, kw) || !to_double(args[0], &x)) return nullptr;
  return new_bool(std::isnan(x));
}
Object* m_degrees(Object*, Object* const* args, size_t nargs, Object* kw) {
  double x;
  if (!positional("degrees", nargs, 1, kw) || !to_double(args[0], &x)) return nullptr;
  return float_from(x * (180.0 / kPi));
}
Object* m_radians(Object*, Object* const* args, size_t nargs, Object* kw) {
  double x;
  if (!positional("radians", nargs, 1, kw) || !to_double(args[0], &x)) return nullptr;
  return float_from(x * (kPi / 180.0));
}

Object* m_isclose(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 2, 0};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  double x, y, rel = 1e-09, abs_tol = 0.0;
  if (!to_double(a[0], &x) || !to_double(a[1], &y)) return nullptr;
  if (a[2] != nullptr && !to_double(a[2], &rel)) return nullptr;
  if (a[3] != nullptr && !to_double(a[3], &abs_tol)) return nullptr;
  if (rel < 0.0 || abs_tol < 0.0) {
    set_error(&kValueErrorType, "tolerances must be non-negative");
    return nullptr;
  }
  if (x == y) return new_bool(true);
  if (std::isinf(x) || std::isinf(y)) return new_bool(false);
  double diff = std::fabs(y - x);
  return new_bool(diff <= std::fabs(rel * y) || diff <= std::fabs(rel * x) || diff <= abs_tol);
}

// floor/ceil: exact floats directly, else __floor__/__ceil__, else via float.
Object* round_to_int(Object* x, const char* method, double (*f)(double)) {
  if (x->type == &kFloatType) return int_from_double(f(float_value(x)));
  if (type_lookup(x->type, str_intern(method)) != nullptr) return call_method(x, method, {});
  if (has_error()) return nullptr;
  double d;
  if (!to_double(x, &d)) return nullptr;
  return int_from_double(f(d));
}

Object* m_floor(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("floor", nargs, 1, kw)) return nullptr;
  return round_to_int(args[0], "__floor__", [](double d) { return std::floor(d); });
}
Object* m_ceil(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("ceil", nargs, 1, kw)) return nullptr;
  return round_to_int(args[0], "__ceil__", [](double d) { return std::ceil(d); });
}
Object* m_trunc(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("trunc", nargs, 1, kw)) return nullptr;
  Object* x = args[0];
  if (x->type == &kFloatType) return int_from_double(std::trunc(float_value(x)));
  if (type_lookup(x->type, str_intern("__trunc__")) == nullptr) {
    set_error_fmt(&kTypeErrorType, "type %s doesn't define __trunc__ method", type_name(x));
    return nullptr;
  }
  return call_method(x, "__trunc__", {});
}

// ---------------------------------------------------------------------------
// Integer functions.

struct MpzHolder {
  mpz_t z;
  MpzHolder() { mpz_init(z); }
  ~MpzHolder() { mpz_clear(z); }
};

// __index__ of o into z; false with the error set.
bool index_mpz(Object* o, mpz_ptr z) {
  Ref<> i = steal(number_index(o));
  if (!i) return false;
  int_to_mpz(i.get(), z);
  return true;
}

Object* m_factorial(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("factorial", nargs, 1, kw)) return nullptr;
  MpzHolder n;
  if (!index_mpz(args[0], n.z)) return nullptr;
  if (mpz_sgn(n.z) < 0) {
    set_error(&kValueErrorType, "factorial() not defined for negative values");
    return nullptr;
  }
  if (!mpz_fits_slong_p(n.z)) {
    set_error_fmt(&kOverflowErrorType, "factorial() argument should not exceed %d", LONG_MAX);
    return nullptr;
  }
  long v = mpz_get_si(n.z);
  if (v > 50000000) return no_memory();
  mpz_fac_ui(n.z, static_cast<unsigned long>(v));
  return int_from_mpz(n.z);
}

Object* gcd_lcm(Object* const* args, size_t nargs, Object* kw, const char* name, bool lcm) {
  if (!check_no_kwargs(name, kw)) return nullptr;
  MpzHolder acc, x;
  mpz_set_ui(acc.z, lcm ? 1 : 0);
  for (size_t i = 0; i < nargs; ++i) {
    if (!index_mpz(args[i], x.z)) return nullptr;
    if (lcm) mpz_lcm(acc.z, acc.z, x.z);
    else mpz_gcd(acc.z, acc.z, x.z);
  }
  return int_from_mpz(acc.z);
}

Object* m_gcd(Object*, Object* const* args, size_t nargs, Object* kw) {
  return gcd_lcm(args, nargs, kw, "gcd", false);
}
Object* m_lcm(Object*, Object* const* args, size_t nargs, Object* kw) {
  return gcd_lcm(args, nargs, kw, "lcm", true);
}

bool comb_perm_args(Object* const* args, mpz_ptr n, mpz_ptr k) {
  if (!index_mpz(args[0], n) || !index_mpz(args[1], k)) return false;
  if (mpz_sgn(n) < 0) {
    set_error(&kValueErrorType, "n must be a non-negative integer");
    return false;
  }
  if (mpz_sgn(k) < 0) {
    set_error(&kValueErrorType, "k must be a non-negative integer");
    return false;
  }
  return true;
}

Object* m_comb(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("comb", nargs, 2, kw)) return nullptr;
  MpzHolder n, k;
  if (!comb_perm_args(args, n.z, k.z)) return nullptr;
  if (mpz_cmp(k.z, n.z) > 0) return int_from_i64(0);
  MpzHolder nk;
  mpz_sub(nk.z, n.z, k.z);
  if (mpz_cmp(nk.z, k.z) < 0) mpz_set(k.z, nk.z);
  if (!mpz_fits_ulong_p(k.z)) {
    set_error_fmt(&kOverflowErrorType, "min(n - k, k) must not exceed %d", LONG_MAX);
    return nullptr;
  }
  mpz_bin_ui(n.z, n.z, mpz_get_ui(k.z));
  return int_from_mpz(n.z);
}

Object* m_perm(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("perm", nargs, 1, 2, kw)) return nullptr;
  if (nargs == 1 || args[1] == kNone) return m_factorial(nullptr, args, 1, nullptr);
  MpzHolder n, k;
  if (!comb_perm_args(args, n.z, k.z)) return nullptr;
  if (mpz_cmp(k.z, n.z) > 0) return int_from_i64(0);
  if (!mpz_fits_ulong_p(k.z)) {
    set_error_fmt(&kOverflowErrorType, "k must not exceed %d", LONG_MAX);
    return nullptr;
  }
  unsigned long kk = mpz_get_ui(k.z);
  MpzHolder f;
  mpz_bin_ui(n.z, n.z, kk);
  mpz_fac_ui(f.z, kk);
  mpz_mul(n.z, n.z, f.z);
  return int_from_mpz(n.z);
}

Object* m_isqrt(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("isqrt", nargs, 1, kw)) return nullptr;
  MpzHolder n;
  if (!index_mpz(args[0], n.z)) return nullptr;
  if (mpz_sgn(n.z) < 0) {
    set_error(&kValueErrorType, "isqrt() argument must be nonnegative");
    return nullptr;
  }
  mpz_sqrt(n.z, n.z);
  return int_from_mpz(n.z);
}

Object* m_prod(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"prod", {"iterable", "start"}, 1, 1, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> result = a[1] != nullptr ? borrow(a[1]) : steal(int_from_i64(1));
  Ref<> it = steal(get_iter(a[0]));
  if (!it) return nullptr;
  while (Object* raw = iter_next(it.get())) {
    Ref<> item = steal(raw);
    result = steal(binary_op(result.get(), item.get(), BinaryOp::kMultiply));
    if (!result) return nullptr;
  }
  if (has_error()) return nullptr;
  return result.release();
}

// ---------------------------------------------------------------------------
// fsum (Shewchuk's exact partials, as CPython's math_fsum).

Object* m_fsum(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("fsum", nargs, 1, kw)) return nullptr;
  Ref<> it = steal(get_iter(args[0]));
  if (!it) return nullptr;
  std::vector<double> p;
  double special_sum = 0.0, inf_sum = 0.0;
  while (Object* raw = iter_next(it.get())) {
    Ref<> item = steal(raw);
    double x;
    if (!to_double(item.get(), &x)) return nullptr;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < p.size(); ++j) {
      double y = p[j];
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    p.resize(i);
    if (x != 0.0) {
      if (!std::isfinite(x)) {
        if (std::isfinite(xsave)) {
          set_error(&kOverflowErrorType, "intermediate overflow in fsum");
          return nullptr;
        }
        if (std::isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        p.clear();
      } else {
        p.push_back(x);
      }
    }
  }
  if (has_error()) return nullptr;
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) {
      set_error(&kValueErrorType, "-inf + inf in fsum");
      return nullptr;
    }
    return float_from(special_sum);
  }
  double hi = 0.0, lo = 0.0;
  size_t n = p.size();
  if (n > 0) {
    hi = p[--n];
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return float_from(hi);
}

// ---------------------------------------------------------------------------
// hypot and dist (CPython's vector_norm: scaled, compensated, corrected).

struct DoubleLength {
  double hi, lo;
};
DoubleLength dl_fast_sum(double a, double b) {
  double x = a + b;
  double z = x - a;
  return {x, b - z};
}
DoubleLength dl_mul(double x, double y) {
  double hi = x * y;
  return {hi, std::fma(x, y, -hi)};
}

double vector_norm(std::vector<double>& vec, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || vec.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    for (double& v : vec) v /= DBL_MIN;
    return DBL_MIN * vector_norm(vec, max / DBL_MIN, found_nan);
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : vec) {
    x *= scale;
    DoubleLength pr = dl_mul(x, x);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  DoubleLength pr = dl_mul(-h, h);
  DoubleLength sm = dl_fast_sum(csum, pr.hi);
  csum = sm.hi;
  frac1 += pr.lo;
  frac2 += sm.lo;
  double x = csum - 1.0 + (frac1 + frac2);
  h += x / (2.0 * h);
  return h / scale;
}

Object* m_hypot(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_no_kwargs("hypot", kw)) return nullptr;
  std::vector<double> v(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < nargs; ++i) {
    double x;
    if (!to_double(args[i], &x)) return nullptr;
    x = std::fabs(x);
    v[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from(vector_norm(v, max, found_nan));
}

Object* m_dist(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!positional("dist", nargs, 2, kw)) return nullptr;
  Ref<> p = steal(sequence_tuple(args[0]));
  if (!p) return nullptr;
  Ref<> q = steal(sequence_tuple(args[1]));
  if (!q) return nullptr;
  ssize_t n = tuple_size(p.get());
  if (n != tuple_size(q.get())) {
    set_error(&kValueErrorType, "both points must have the same number of dimensions");
    return nullptr;
  }
  std::vector<double> v(static_cast<size_t>(n));
  double max = 0.0;
  bool found_nan = false;
  for (ssize_t i = 0; i < n; ++i) {
    double px, qx;
    if (!to_double(tuple_get(p.get(), i), &px) || !to_double(tuple_get(q.get(), i), &qx))
      return nullptr;
    double x = std::fabs(px - qx);
    v[static_cast<size_t>(i)] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return float_from(vector_norm(v, max, found_nan));
}

const MethodDef kMathFunctions[] = {
    {"acos", m_acos, kMethodDefault, nullptr},
    {"acosh", m_acosh, kMethodDefault, nullptr},
    {"asin", m_asin, kMethodDefault, nullptr},
    {"asinh", m_asinh, kMethodDefault, nullptr},
    {"atan", m_atan, kMethodDefault, nullptr},
    {"atan2", m_atan2, kMethodDefault, nullptr},
    {"atanh", m_atanh, kMethodDefault, nullptr},
    {"cbrt", m_cbrt, kMethodDefault, nullptr},
    {"ceil", m_ceil, kMethodDefault, nullptr},
    {"comb", m_comb, kMethodDefault, nullptr},
    {"copysign", m_copysign, kMethodDefault, nullptr},
    {"cos", m_cos, kMethodDefault, nullptr},
    {"cosh", m_cosh, kMethodDefault, nullptr},
    {"degrees", m_degrees, kMethodDefault, nullptr},
    {"dist", m_dist, kMethodDefault, nullptr},
    {"erf", m_erf, kMethodDefault, nullptr},
    {"erfc", m_erfc, kMethodDefault, nullptr},
    {"exp", m_exp, kMethodDefault, nullptr},
    {"exp2", m_exp2, kMethodDefault, nullptr},
    {"expm1", m_expm1, kMethodDefault, nullptr},
    {"fabs", m_fabs, kMethodDefault, nullptr},
    {"factorial", m_factorial, kMethodDefault, nullptr},
    {"floor", m_floor, kMethodDefault, nullptr},
    {"fmod", m_fmod, kMethodDefault, nullptr},
    {"frexp", m_frexp, kMethodDefault, nullptr},
    {"fsum", m_fsum, kMethodDefault, nullptr},
    {"gamma", m_gamma, kMethodDefault, nullptr},
    {"gcd", m_gcd, kMethodDefault, nullptr},
    {"hypot", m_hypot, kMethodDefault, nullptr},
    {"isclose", m_isclose, kMethodDefault, nullptr},
    {"isfinite", m_isfinite, kMethodDefault, nullptr},
    {"isinf", m_isinf, kMethodDefault, nullptr},
    {"isnan", m_isnan, kMethodDefault, nullptr},
    {"isqrt", m_isqrt, kMethodDefault, nullptr},
    {"lcm", m_lcm, kMethodDefault, nullptr},
    {"ldexp", m_ldexp, kMethodDefault, nullptr},
    {"lgamma", m_lgamma, kMethodDefault, nullptr},
    {"log", m_log, kMethodDefault, nullptr},
    {"log10", m_log10, kMethodDefault, nullptr},
    {"log1p", m_log1p, kMethodDefault, nullptr},
    {"log2", m_log2, kMethodDefault, nullptr},
    {"modf", m_modf, kMethodDefault, nullptr},
    {"nextafter", m_nextafter, kMethodDefault, nullptr},
    {"perm", m_perm, kMethodDefault, nullptr},
    {"pow", m_pow, kMethodDefault, nullptr},
    {"prod", m_prod, kMethodDefault, nullptr},
    {"radians", m_radians, kMethodDefault, nullptr},
    {"remainder", m_remainder, kMethodDefault, nullptr},
    {"sin", m_sin, kMethodDefault, nullptr},
    {"sinh", m_sinh, kMethodDefault, nullptr},
    {"sqrt", m_sqrt, kMethodDefault, nullptr},
    {"tan", m_tan, kMethodDefault, nullptr},
    {"tanh", m_tanh, kMethodDefault, nullptr},
    {"trunc", m_trunc, kMethodDefault, nullptr},
    {"ulp", m_ulp, kMethodDefault, nullptr},
    {nullptr},
};

int add_float(Object* m, const char* name, double v) {
  Ref<> f = steal(float_from(v));
  if (!f) return -1;
  return module_add_object(m, name, f.get());
}

}  // namespace

Object* init_math_module() {
  Ref<> m = steal(module_new("math"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kMathFunctions) < 0) return nullptr;
  if (add_float(m.get(), "pi", kPi) < 0 || add_float(m.get(), "e", kE) < 0 ||
      add_float(m.get(), "tau", kTau) < 0 || add_float(m.get(), "inf", HUGE_VAL) < 0 ||
      add_float(m.get(), "nan", NAN) < 0)
    return nullptr;
  return m.release();
}

}  // namespace conch::vm
