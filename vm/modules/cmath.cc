// The cmath module: CPython's Modules/cmathmodule.c formulas for finite
// arguments (so results agree to the last digit: sqrt with scaling, log via
// log1p near the unit circle, the trigonometric functions through the
// hyperbolic ones), the C library's for infinities and NaNs, and CPython's
// error classification: ValueError("math domain error") for EDOM,
// OverflowError("math range error") for ERANGE.
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <complex>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/modules/stdlib.h"
#include "vm/types.h"
#include "vm/types/complex.h"
#include "vm/types/float.h"

namespace conch::vm {

namespace {

using C = std::complex<double>;

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662497757;
constexpr double kTau = 6.283185307179586476925286766559005768394;
const double kLogLargeDouble = std::log(DBL_MAX / 4.0);  // CM_LOG_LARGE_DOUBLE
const double kSqrtLargeDouble = std::sqrt(DBL_MAX / 4.0);
constexpr double kLargeDouble = DBL_MAX / 4.0;  // CM_LARGE_DOUBLE
const double kSqrtDblMin = std::sqrt(DBL_MIN);
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;
constexpr int kScaleDown = -(kScaleUp + 1) / 2;

bool finite(C z) { return std::isfinite(z.real()) && std::isfinite(z.imag()); }

// Argument conversion: complex, float, int, or __complex__/__float__/__index__.
bool arg(Object* o, C* out) {
  int r = complex_operand(o, out);
  if (r < 0) return false;
  if (r > 0) return true;
  if (type_lookup(o->type, str_intern("__complex__")) != nullptr) {
    Ref<> c = steal(call_method(o, "__complex__", {}));
    if (!c) return false;
    if (!complex_check(c.get())) {
      set_error_fmt(&kTypeErrorType, "__complex__ returned non-complex (type %s)",
                    type_name(c.get()));
      return false;
    }
    *out = complex_value(c.get());
    return true;
  }
  NumberMethods* nm = o->type->number;
  if (nm != nullptr && (nm->to_float != nullptr || nm->index != nullptr)) {
    Object* a[1] = {o};
    Ref<> f = steal(call(&kFloatType, a, 1));
    if (!f) return false;
    *out = {float_value_fast(f.get()), 0.0};
    return true;
  }
  set_error_fmt(&kTypeErrorType, "must be real number, not %s", type_name(o));
  return false;
}

Object* result(C r) {
  if (errno == EDOM) {
    set_error(&kValueErrorType, "math domain error");
    return nullptr;
  }
  if (errno == ERANGE) {
    set_error(&kOverflowErrorType, "math range error");
    return nullptr;
  }
  return complex_from(r.real(), r.imag());
}

C c_sqrt(C z) {
  if (!finite(z)) return std::sqrt(z);
  if (z.real() == 0.0 && z.imag() == 0.0) return {0.0, z.imag()};
  double ax = std::fabs(z.real()), ay = std::fabs(z.imag()), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.0;
    s = 2.0 * std::sqrt(ax + std::hypot(ax, ay / 8.0));
  }
  double d = ay / (2.0 * s);
  if (z.real() >= 0.0) return {s, std::copysign(d, z.imag())};
  return {d, std::copysign(s, z.imag())};
}

C c_exp(C z) {
  if (!finite(z)) return std::exp(z);
  double l;
  C r;
  if (z.real() > kLogLargeDouble) {
    l = std::exp(z.real() - 1.0);
    r = {l * std::cos(z.imag()) * kE, l * std::sin(z.imag()) * kE};
  } else {
    l = std::exp(z.real());
    r = {l * std::cos(z.imag()), l * std::sin(z.imag())};
  }
  errno = std::isinf(r.real()) || std::isinf(r.imag()) ? ERANGE : 0;
  return r;
}

C c_log(C z) {
  if (!finite(z)) return std::log(z);
  double ax = std::fabs(z.real()), ay = std::fabs(z.imag()), re;
  errno = 0;
  if (ax > DBL_MAX / 4.0 || ay > DBL_MAX / 4.0) {
    re = std::log(std::hypot(ax / 2.0, ay / 2.0)) + M_LN2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax > 0.0 || ay > 0.0) {
      re = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) -
           DBL_MANT_DIG * M_LN2;
    } else {
      re = -HUGE_VAL;
      errno = EDOM;
    }
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      re = std::log1p((am - 1) * (am + 1) + an * an) / 2.0;
    } else {
      re = std::log(h);
    }
  }
  return {re, std::atan2(z.imag(), z.real())};
}

C c_cosh(C z) {
  if (!finite(z)) return std::cosh(z);
  C r;
  if (std::fabs(z.real()) > kLogLargeDouble) {
    double x = z.real() - std::copysign(1.0, z.real());
    r = {std::cos(z.imag()) * std::cosh(x) * kE, std::sin(z.imag()) * std::sinh(x) * kE};
  } else {
    r = {std::cos(z.imag()) * std::cosh(z.real()), std::sin(z.imag()) * std::sinh(z.real())};
  }
  errno = std::isinf(r.real()) || std::isinf(r.imag()) ? ERANGE : 0;
  return r;
}

C c_sinh(C z) {
  if (!finite(z)) return std::sinh(z);
  C r;
  if (std::fabs(z.real()) > kLogLargeDouble) {
    double x = z.real() - std::copysign(1.0, z.real());
    r = {std::cos(z.imag()) * std::sinh(x) * kE, std::sin(z.imag()) * std::cosh(x) * kE};
  } else {
    r = {std::cos(z.imag()) * std::sinh(z.real()), std::sin(z.imag()) * std::cosh(z.real())};
  }
  errno = std::isinf(r.real()) || std::isinf(r.imag()) ? ERANGE : 0;
  return r;
}

C c_tanh(C z) {
  if (!finite(z)) return std::tanh(z);
  errno = 0;
  if (std::fabs(z.real()) > kLogLargeDouble) {
    C r{std::copysign(1.0, z.real()),
        4.0 * std::sin(z.imag()) * std::cos(z.imag()) * std::exp(-2.0 * std::fabs(z.real()))};
    errno = 0;  // exp's underflow is no error
    return r;
  }
  double tx = std::tanh(z.real()), ty = std::tan(z.imag()), cx = 1.0 / std::cosh(z.real());
  double txty = tx * ty, denom = 1.0 + txty * txty;
  C r{tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx};
  errno = 0;
  return r;
}

// The circular functions through the hyperbolic ones: sin z = -i sinh(iz) ...
C times_i(C z) { return {-z.imag(), z.real()}; }
C times_minus_i(C z) { return {z.imag(), -z.real()}; }
C c_sin(C z) { return times_minus_i(c_sinh(times_i(z))); }
C c_cos(C z) { return c_cosh(times_i(z)); }
C c_tan(C z) { return times_minus_i(c_tanh(times_i(z))); }

// log(|z|) + 2 ln 2 without overflow, for the large-argument branches.
double log_large(C z) { return std::log(std::hypot(z.real() / 2.0, z.imag() / 2.0)) + M_LN2 * 2.0; }
bool large(C z) { return std::fabs(z.real()) > kLargeDouble || std::fabs(z.imag()) > kLargeDouble; }

C c_asinh(C z) {
  if (!finite(z)) return std::asinh(z);
  errno = 0;
  if (large(z)) {
    double re = z.imag() >= 0.0 ? std::copysign(log_large(z), z.real())
                                : -std::copysign(log_large(z), -z.real());
    return {re, std::atan2(z.imag(), std::fabs(z.real()))};
  }
  C s1 = c_sqrt({1.0 + z.imag(), -z.real()});
  C s2 = c_sqrt({1.0 - z.imag(), z.real()});
  errno = 0;
  return {std::asinh(s1.real() * s2.imag() - s2.real() * s1.imag()),
          std::atan2(z.imag(), s1.real() * s2.real() - s1.imag() * s2.imag())};
}

C c_asin(C z) { return times_minus_i(c_asinh(times_i(z))); }

C c_acos(C z) {
  if (!finite(z)) return std::acos(z);
  errno = 0;
  if (large(z)) {
    double im = z.real() < 0.0 ? -std::copysign(log_large(z), z.imag())
                               : std::copysign(log_large(z), -z.imag());
    return {std::atan2(std::fabs(z.imag()), z.real()), im};
  }
  C s1 = c_sqrt({1.0 - z.real(), -z.imag()});
  C s2 = c_sqrt({1.0 + z.real(), z.imag()});
  errno = 0;
  return {2.0 * std::atan2(s1.real(), s2.real()),
          std::asinh(s2.real() * s1.imag() - s2.imag() * s1.real())};
}

C c_acosh(C z) {
  if (!finite(z)) return std::acosh(z);
  errno = 0;
  if (large(z)) return {log_large(z), std::atan2(z.imag(), z.real())};
  C s1 = c_sqrt({z.real() - 1.0, z.imag()});
  C s2 = c_sqrt({z.real() + 1.0, z.imag()});
  errno = 0;
  return {std::asinh(s1.real() * s2.real() + s1.imag() * s2.imag()),
          2.0 * std::atan2(s1.imag(), s2.real())};
}

C c_atanh(C z) {
  if (!finite(z)) return std::atanh(z);
  if (z.real() < 0.0) return -c_atanh(-z);
  double ay = std::fabs(z.imag());
  errno = 0;
  if (z.real() > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    double h = std::hypot(z.real() / 2.0, z.imag() / 2.0);
    return {z.real() / 4.0 / h / h, -std::copysign(kPi / 2.0, -z.imag())};
  }
  if (z.real() == 1.0 && ay < kSqrtDblMin) {
    if (ay == 0.0) {
      errno = EDOM;
      return {HUGE_VAL, z.imag()};
    }
    return {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.0))),
            std::copysign(std::atan2(2.0, -ay) / 2.0, z.imag())};
  }
  return {std::log1p(4.0 * z.real() / ((1 - z.real()) * (1 - z.real()) + ay * ay)) / 4.0,
          -std::atan2(-2.0 * z.imag(), (1 - z.real()) * (1 + z.real()) - ay * ay) / 2.0};
}

C c_atan(C z) { return times_minus_i(c_atanh(times_i(z))); }

template <C (*F)(C)>
Object* unary(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("cmath function", nargs, 1, 1, kw)) return nullptr;
  C z;
  if (!arg(args[0], &z)) return nullptr;
  errno = 0;
  C r = F(z);
  return result(r);
}

Object* m_log(Object*, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"log", {"x", "base"}, 1, 2, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  C z;
  if (!arg(a[0], &z)) return nullptr;
  errno = 0;
  C r = c_log(z);
  if (a[1] != nullptr) {
    C b;
    if (!arg(a[1], &b)) return nullptr;
    int saved = errno;
    C lb = c_log(b);
    if (errno == 0) errno = saved;
    C q;
    // CPython divides with _Py_c_quot.
    double abs_br = std::fabs(lb.real()), abs_bi = std::fabs(lb.imag());
    if (abs_br == 0.0 && abs_bi == 0.0) {
      set_error(&kZeroDivisionErrorType, "complex division by zero");
      return nullptr;
    }
    if (abs_br >= abs_bi) {
      double ratio = lb.imag() / lb.real(), denom = lb.real() + lb.imag() * ratio;
      q = {(r.real() + r.imag() * ratio) / denom, (r.imag() - r.real() * ratio) / denom};
    } else {
      double ratio = lb.real() / lb.imag(), denom = lb.real() * ratio + lb.imag();
      q = {(r.real() * ratio + r.imag()) / denom, (r.imag() * ratio - r.real()) / denom};
    }
    r = q;
  }
  return result(r);
}

Object* m_log10(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("log10", nargs, 1, 1, kw)) return nullptr;
  C z;
  if (!arg(args[0], &z)) return nullptr;
  errno = 0;
  C r = c_log(z);
  return result({r.real() / M_LN10, r.imag() / M_LN10});
}

Object* m_phase(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("phase", nargs, 1, 1, kw)) return nullptr;
  C z;
  if (!arg(args[0], &z)) return nullptr;
  return float_from(std::atan2(z.imag(), z.real()));
}

Object* m_polar(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("polar", nargs, 1, 1, kw)) return nullptr;
  C z;
  if (!arg(args[0], &z)) return nullptr;
  double r = std::hypot(z.real(), z.imag());
  if (std::isinf(r) && finite(z)) {
    set_error(&kOverflowErrorType, "math range error");
    return nullptr;
  }
  Ref<> a = steal(float_from(r));
  Ref<> p = steal(float_from(std::atan2(z.imag(), z.real())));
  if (!a || !p) return nullptr;
  return tuple_pack({a.get(), p.get()});
}

Object* m_rect(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("rect", nargs, 2, 2, kw)) return nullptr;
  double r = 0, phi = 0;
  for (int i = 0; i < 2; i++) {
    Ref<> v = steal(call(&kFloatType, &args[i], 1));
    if (!v) return nullptr;
    (i == 0 ? r : phi) = float_value_fast(v.get());
  }
  if (std::isfinite(r) && std::isfinite(phi)) {
    if (phi == 0.0) return complex_from(r, r * phi);
    return complex_from(r * std::cos(phi), r * std::sin(phi));
  }
  if (std::isinf(r) && std::isfinite(phi) && phi != 0.0) {
    if (r > 0) return complex_from(std::copysign(HUGE_VAL, std::cos(phi)), std::copysign(HUGE_VAL, std::sin(phi)));
    return complex_from(-std::copysign(HUGE_VAL, std::cos(phi)), -std::copysign(HUGE_VAL, std::sin(phi)));
  }
  if (std::isinf(phi) && std::isfinite(r) && r != 0.0) {
    set_error(&kValueErrorType, "math domain error");
    return nullptr;
  }
  C z = std::polar(r, phi);
  return complex_from(z.real(), z.imag());
}

Object* predicate(Object* const* args, size_t nargs, Object* kw, const char* name, int which) {
  if (!check_nargs(name, nargs, 1, 1, kw)) return nullptr;
  C z;
  if (!arg(args[0], &z)) return nullptr;
  bool r;
  if (which == 0) r = finite(z);
  else if (which == 1) r = std::isinf(z.real()) || std::isinf(z.imag());
  else r = std::isnan(z.real()) || std::isnan(z.imag());
  return new_ref(new_bool(r));
}

Object* m_isfinite(Object*, Object* const* a, size_t n, Object* kw) { return predicate(a, n, kw, "isfinite", 0); }
Object* m_isinf(Object*, Object* const* a, size_t n, Object* kw) { return predicate(a, n, kw, "isinf", 1); }
Object* m_isnan(Object*, Object* const* a, size_t n, Object* kw) { return predicate(a, n, kw, "isnan", 2); }

Object* m_isclose(Object*, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"isclose", {"a", "b", "rel_tol", "abs_tol"}, 2, 2, 0};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  C x, y;
  if (!arg(a[0], &x) || !arg(a[1], &y)) return nullptr;
  double rel = 1e-09, abs_tol = 0.0;
  for (int i = 2; i < 4; i++) {
    if (a[i] == nullptr) continue;
    Ref<> v = steal(call(&kFloatType, &a[i], 1));
    if (!v) return nullptr;
    (i == 2 ? rel : abs_tol) = float_value_fast(v.get());
  }
  if (rel < 0.0 || abs_tol < 0.0) {
    set_error(&kValueErrorType, "tolerances must be non-negative");
    return nullptr;
  }
  if (x == y) return new_ref(kTrue);
  if (std::isinf(x.real()) || std::isinf(x.imag()) || std::isinf(y.real()) || std::isinf(y.imag()))
    return new_ref(kFalse);
  double diff = std::hypot(x.real() - y.real(), x.imag() - y.imag());
  bool close = (diff <= rel * std::hypot(y.real(), y.imag())) ||
               (diff <= rel * std::hypot(x.real(), x.imag())) || diff <= abs_tol;
  return new_ref(new_bool(close));
}

const MethodDef kCmathFunctions[] = {
    {"sqrt", unary<c_sqrt>, kMethodDefault, "Return the square root of z."},
    {"exp", unary<c_exp>, kMethodDefault, "Return the exponential value e**z."},
    {"log", m_log, kMethodDefault, "log(z[, base]) -> the logarithm of z to the given base."},
    {"log10", m_log10, kMethodDefault, "Return the base-10 logarithm of z."},
    {"sin", unary<c_sin>, kMethodDefault, "Return the sine of z."},
    {"cos", unary<c_cos>, kMethodDefault, "Return the cosine of z."},
    {"tan", unary<c_tan>, kMethodDefault, "Return the tangent of z."},
    {"asin", unary<c_asin>, kMethodDefault, "Return the arc sine of z."},
    {"acos", unary<c_acos>, kMethodDefault, "Return the arc cosine of z."},
    {"atan", unary<c_atan>, kMethodDefault, "Return the arc tangent of z."},
    {"sinh", unary<c_sinh>, kMethodDefault, "Return the hyperbolic sine of z."},
    {"cosh", unary<c_cosh>, kMethodDefault, "Return the hyperbolic cosine of z."},
    {"tanh", unary<c_tanh>, kMethodDefault, "Return the hyperbolic tangent of z."},
    {"asinh", unary<c_asinh>, kMethodDefault, "Return the inverse hyperbolic sine of z."},
    {"acosh", unary<c_acosh>, kMethodDefault, "Return the inverse hyperbolic cosine of z."},
    {"atanh", unary<c_atanh>, kMethodDefault, "Return the inverse hyperbolic tangent of z."},
    {"phase", m_phase, kMethodDefault, "Return argument, also known as the phase angle, of a complex."},
    {"polar", m_polar, kMethodDefault, "Convert a complex from rectangular coordinates to polar coordinates."},
    {"rect", m_rect, kMethodDefault, "Convert from polar coordinates to rectangular coordinates."},
    {"isfinite", m_isfinite, kMethodDefault, "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isinf", m_isinf, kMethodDefault, "Checks if the real or imaginary part of z is infinite."},
    {"isnan", m_isnan, kMethodDefault, "Checks if the real or imaginary part of z not a number (NaN)."},
    {"isclose", m_isclose, kMethodDefault, "Determine whether two complex numbers are close in value."},
    {nullptr},
};

int add(Object* m, const char* name, Object* v /*stolen*/) {
  Ref<> r = steal(v);
  if (!r) return -1;
  return module_add_object(m, name, r.get());
}

}  // namespace

Object* init_cmath_module() {
  Ref<> m = steal(module_new("cmath"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kCmathFunctions) < 0) return nullptr;
  if (add(m.get(), "pi", float_from(kPi)) < 0 || add(m.get(), "e", float_from(kE)) < 0 ||
      add(m.get(), "tau", float_from(kTau)) < 0 || add(m.get(), "inf", float_from(HUGE_VAL)) < 0 ||
      add(m.get(), "nan", float_from(NAN)) < 0 ||
      add(m.get(), "infj", complex_from(0.0, HUGE_VAL)) < 0 ||
      add(m.get(), "nanj", complex_from(0.0, NAN)) < 0)
    return nullptr;
  return m.release();
}

}  // namespace conch::vm
