// complex; see complex.h.  Arithmetic follows CPython's formulas exactly
// (plain products, Smith's division, CPython's power algorithm) rather than
// std::complex's operators, so results agree bit for bit.
#include "vm/types/complex.h"

#include <cerrno>
#include <cmath>
#include <string>
#include <string_view>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/float.h"

namespace conch::vm {

Type kComplexType;

namespace {

using C = std::complex<double>;

Object* alloc_complex(Type* type, double re, double im) {
  Object* o = generic_alloc(type);
  if (o == nullptr) return nullptr;
  auto* c = static_cast<ComplexObject*>(o);
  c->real = re;
  c->imag = im;
  return o;
}

C prod(C a, C b) {
  return {a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real()};
}

// CPython's _Py_c_quot: Smith's algorithm.  *zero set on division by zero.
C quot(C a, C b, bool* zero) {
  *zero = false;
  double abs_br = std::fabs(b.real()), abs_bi = std::fabs(b.imag());
  if (abs_br >= abs_bi) {
    if (abs_br == 0.0) {
      *zero = true;
      return {0.0, 0.0};
    }
    double ratio = b.imag() / b.real();
    double denom = b.real() + b.imag() * ratio;
    return {(a.real() + a.imag() * ratio) / denom, (a.imag() - a.real() * ratio) / denom};
  }
  if (abs_bi >= abs_br) {
    double ratio = b.real() / b.imag();
    double denom = b.real() * ratio + b.imag();
    return {(a.real() * ratio + a.imag()) / denom, (a.imag() * ratio - a.real()) / denom};
  }
  return {NAN, NAN};  // at least one of b's parts is a NaN
}

C powu(C x, long n) {
  C r{1.0, 0.0}, p = x;
  long mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = prod(r, p);
    mask <<= 1;
    p = prod(p, p);
  }
  return r;
}

Object* binary(Object* a, Object* b, int op) {
  C x, y;
  int ca = complex_operand(a, &x);
  if (ca <= 0) return ca < 0 ? nullptr : not_implemented();
  int cb = complex_operand(b, &y);
  if (cb <= 0) return cb < 0 ? nullptr : not_implemented();
  switch (op) {
    case 0: return complex_from(x.real() + y.real(), x.imag() + y.imag());
    case 1: return complex_from(x.real() - y.real(), x.imag() - y.imag());
    case 2: {
      C r = prod(x, y);
      return complex_from(r.real(), r.imag());
    }
    default: {
      bool zero;
      C r = quot(x, y, &zero);
      if (zero) {
        set_error(&kZeroDivisionErrorType, "complex division by zero");
        return nullptr;
      }
      return complex_from(r.real(), r.imag());
    }
  }
}

Object* c_add(Object* a, Object* b) { return binary(a, b, 0); }
Object* c_sub(Object* a, Object* b) { return binary(a, b, 1); }
Object* c_mul(Object* a, Object* b) { return binary(a, b, 2); }
Object* c_div(Object* a, Object* b) { return binary(a, b, 3); }

Object* c_pow(Object* a, Object* b, Object* mod) {
  C x, y;
  int ca = complex_operand(a, &x);
  if (ca <= 0) return ca < 0 ? nullptr : not_implemented();
  int cb = complex_operand(b, &y);
  if (cb <= 0) return cb < 0 ? nullptr : not_implemented();
  if (mod != nullptr && mod != kNone) {
    set_error(&kValueErrorType, "complex modulo");
    return nullptr;
  }
  return complex_power(x, y);
}

const ComplexObject* self_of(Object* o) { return static_cast<const ComplexObject*>(o); }

Object* c_neg(Object* o) { return complex_from(-self_of(o)->real, -self_of(o)->imag); }
Object* c_pos(Object* o) {
  if (o->type == &kComplexType) return new_ref(o);
  return complex_from(self_of(o)->real, self_of(o)->imag);
}

Object* c_abs(Object* o) {
  double re = self_of(o)->real, im = self_of(o)->imag;
  if (std::isinf(re) || std::isinf(im)) return float_from(HUGE_VAL);
  if (std::isnan(re) || std::isnan(im)) return float_from(NAN);
  double r = std::hypot(re, im);
  if (std::isinf(r)) {
    set_error(&kOverflowErrorType, "absolute value too large");
    return nullptr;
  }
  return float_from(r);
}

int c_bool(Object* o) { return self_of(o)->real != 0.0 || self_of(o)->imag != 0.0; }

std::string complex_repr_text(double re, double im) {
  if (re == 0.0 && std::copysign(1.0, re) == 1.0) return double_to_string(im, 'r', 0) + "j";
  return "(" + double_to_string(re, 'r', 0) + double_to_string(im, 'r', 0, false, false, true) +
         "j)";
}

Object* c_repr(Object* o) { return str_from(complex_repr_text(self_of(o)->real, self_of(o)->imag)); }

hash_t c_hash(Object* o) {
  double re = self_of(o)->real, im = self_of(o)->imag;
  auto part = [o](double v) -> uint64_t {
    if (std::isnan(v)) return static_cast<uint64_t>(reinterpret_cast<uintptr_t>(o) >> 4);
    return static_cast<uint64_t>(hash_double(v));
  };
  uint64_t combined = part(re) + 1000003u * part(im);
  auto h = static_cast<hash_t>(combined);
  return h == -1 ? -2 : h;
}

Object* c_richcompare(Object* a, Object* b, CompareOp op) {
  if (op != CompareOp::kEq && op != CompareOp::kNe) return not_implemented();
  C x = complex_value(a);
  bool eq;
  if (complex_check(b)) {
    C y = complex_value(b);
    eq = x.real() == y.real() && x.imag() == y.imag();
  } else if (float_check(b)) {
    eq = x.imag() == 0.0 && x.real() == float_value_fast(b);
  } else if (int_check(b)) {
    if (x.imag() != 0.0) {
      eq = false;
    } else {
      // Exact comparison of the real part with the int, as float == int.
      Ref<> re = steal(float_from(x.real()));
      if (!re) return nullptr;
      int r = rich_compare_bool(re.get(), b, CompareOp::kEq);
      if (r < 0) return nullptr;
      eq = r == 1;
    }
  } else {
    return not_implemented();
  }
  return new_ref(new_bool(op == CompareOp::kEq ? eq : !eq));
}

// ---------------------------------------------------------------------------
// Construction.

bool skip_digits(std::string_view s, size_t* i) {
  size_t start = *i;
  while (*i < s.size() && ((s[*i] >= '0' && s[*i] <= '9') || s[*i] == '_')) ++*i;
  return *i > start;
}

// The longest float literal at s[i..] (sign included): digits, '.', an
// exponent, or inf/infinity/nan.  Returns its length (0 if none).
size_t float_token(std::string_view s, size_t i) {
  size_t j = i;
  if (j < s.size() && (s[j] == '+' || s[j] == '-')) j++;
  auto word = [&](std::string_view w) {
    if (s.size() - j < w.size()) return false;
    for (size_t k = 0; k < w.size(); k++) {
      if (std::tolower(static_cast<unsigned char>(s[j + k])) != w[k]) return false;
    }
    return true;
  };
  if (word("infinity")) return j + 8 - i;
  if (word("inf")) return j + 3 - i;
  if (word("nan")) return j + 3 - i;
  bool digits = skip_digits(s, &j);
  if (j < s.size() && s[j] == '.') {
    j++;
    digits = skip_digits(s, &j) || digits;
  }
  if (!digits) return 0;
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    size_t k = j + 1;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) k++;
    if (skip_digits(s, &k)) j = k;
  }
  return j - i;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// CPython's complex_from_string_inner.
bool parse_complex(std::string_view s, double* re, double* im) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  if (!s.empty() && s.front() == '(') {
    if (s.back() != ')') return false;
    s = s.substr(1, s.size() - 2);
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  }
  if (s.empty()) return false;
  auto number = [](std::string_view t, double* out) { return float_parse(t, out); };
  auto is_j = [&](size_t i) { return i < s.size() && (s[i] == 'j' || s[i] == 'J'); };
  size_t n = float_token(s, 0);
  *re = 0.0;
  *im = 0.0;
  if (n > 0) {
    double x;
    if (!number(s.substr(0, n), &x)) return false;
    if (is_j(n)) {
      *im = x;
      return n + 1 == s.size();
    }
    if (n < s.size() && (s[n] == '+' || s[n] == '-')) {
      *re = x;
      size_t m = float_token(s, n);
      if (m == 0) {  // "1+j", "1-j"
        if (!is_j(n + 1) || n + 2 != s.size()) return false;
        *im = s[n] == '-' ? -1.0 : 1.0;
        return true;
      }
      double y;
      if (!number(s.substr(n, m), &y) || !is_j(n + m) || n + m + 1 != s.size()) return false;
      *im = y;
      return true;
    }
    *re = x;
    return n == s.size();
  }
  // "j", "+j", "-j"
  size_t i = 0;
  double sign = 1.0;
  if (s[0] == '+' || s[0] == '-') {
    sign = s[0] == '-' ? -1.0 : 1.0;
    i = 1;
  }
  if (!is_j(i) || i + 1 != s.size()) return false;
  *im = sign;
  return true;
}

// float(x) for the constructor's real-number arguments.
bool to_double(Object* x, double* out) {
  Ref<> f;
  if (float_check(x)) {
    *out = float_value_fast(x);
    return true;
  }
  if (int_check(x)) {
    *out = int_to_double(x);
    return !(*out == -1.0 && has_error());
  }
  NumberMethods* nm = x->type->number;
  if (nm != nullptr && nm->to_float != nullptr) {
    f = steal(nm->to_float(x));
    if (!f) return false;
    if (!float_check(f.get())) {
      set_error_fmt(&kTypeErrorType, "%s.__float__ returned non-float (type %s)", type_name(x),
                    type_name(f.get()));
      return false;
    }
    *out = float_value_fast(f.get());
    return true;
  }
  Ref<> i = steal(number_index(x));
  if (!i) return false;
  *out = int_to_double(i.get());
  return !(*out == -1.0 && has_error());
}

bool is_number(Object* x) {
  NumberMethods* nm = x->type->number;
  return complex_check(x) || float_check(x) || int_check(x) ||
         (nm != nullptr && (nm->to_float != nullptr || nm->index != nullptr));
}

// x.__complex__() if the type defines it: 1 (out set), 0 absent, -1 error.
int special_complex(Object* x, Object** out) {
  Object* meth = type_lookup(x->type, str_intern("__complex__"));
  if (meth == nullptr) return 0;
  Ref<> r = steal(call_method(x, "__complex__", {}));
  if (!r) return -1;
  if (!complex_check(r.get())) {
    set_error_fmt(&kTypeErrorType, "__complex__ returned non-complex (type %s)",
                  type_name(r.get()));
    return -1;
  }
  *out = r.release();
  return 1;
}

Object* complex_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"complex", {"real", "imag"}, 0, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* r = a[0];
  Object* i = a[1];
  if (r == nullptr) r = kFalse;  // complex() == 0j
  if (str_check(r)) {
    if (i != nullptr) {
      set_error(&kTypeErrorType, "complex() can't take second arg if first is a string");
      return nullptr;
    }
    double re, im;
    if (!parse_complex(str_view(r), &re, &im)) {
      set_error(&kValueErrorType, "complex() arg is a malformed string");
      return nullptr;
    }
    return alloc_complex(type, re, im);
  }
  if (i != nullptr && str_check(i)) {
    set_error(&kTypeErrorType, "complex() second arg can't be a string");
    return nullptr;
  }
  Ref<> special;
  {
    Object* s = nullptr;
    int got = special_complex(r, &s);
    if (got < 0) return nullptr;
    if (got > 0) {
      special = steal(s);
      r = s;
    }
  }
  if (i == nullptr && type == &kComplexType && r->type == &kComplexType) return new_ref(r);
  if (!is_number(r)) {
    set_error_fmt(&kTypeErrorType,
                  "complex() first argument must be a string or a number, not '%s'",
                  type_name(r));
    return nullptr;
  }
  if (i != nullptr && !is_number(i)) {
    set_error_fmt(&kTypeErrorType, "complex() second argument must be a number, not '%s'",
                  type_name(i));
    return nullptr;
  }
  double cr_re, cr_im = 0.0, ci_re = 0.0, ci_im = 0.0;
  bool cr_complex = complex_check(r), ci_complex = false;
  if (cr_complex) {
    cr_re = self_of(r)->real;
    cr_im = self_of(r)->imag;
  } else if (!to_double(r, &cr_re)) {
    return nullptr;
  }
  if (i == nullptr) {
    ci_re = cr_im;
    cr_im = 0.0;
    if (cr_complex) return alloc_complex(type, cr_re, ci_re);
  } else if (complex_check(i)) {
    ci_re = self_of(i)->real;
    ci_im = self_of(i)->imag;
    ci_complex = true;
  } else if (!to_double(i, &ci_re)) {
    return nullptr;
  }
  if (ci_complex) cr_re -= ci_im;
  if (cr_complex && i != nullptr) ci_re += cr_im;
  return alloc_complex(type, cr_re, ci_re);
}

void complex_dealloc(Object* o) { generic_free(o); }

// ---------------------------------------------------------------------------
// Methods.

Object* m_conjugate(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("complex.conjugate", nargs, 0, 0, kw)) return nullptr;
  return complex_from(self_of(self)->real, -self_of(self)->imag);
}

Object* m_complex(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("complex.__complex__", nargs, 0, 0, kw)) return nullptr;
  return c_pos(self);
}

Object* m_getnewargs(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("complex.__getnewargs__", nargs, 0, 0, kw)) return nullptr;
  Ref<> re = steal(float_from(self_of(self)->real));
  Ref<> im = steal(float_from(self_of(self)->imag));
  if (!re || !im) return nullptr;
  return tuple_pack({re.get(), im.get()});
}

// format(z, spec): [[fill]align][sign][width][,][.precision][type], type one
// of e E f F g G or none.  Without a type (and with a spec) the parts use
// repr's digits, or 'g' with a precision, and the result is parenthesised
// when the real part is shown, as CPython's complex.__format__.
Object* m_format(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("complex.__format__", nargs, 1, 1, kw)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "__format__() argument must be str, not %s",
                  type_name(args[0]));
    return nullptr;
  }
  std::string_view spec = str_view(args[0]);
  if (spec.empty()) return c_repr(self);
  size_t i = 0;
  char fill = ' ', align = '>';
  auto is_align = [](char c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (spec.size() >= 2 && is_align(spec[1])) {
    fill = spec[0];
    align = spec[1];
    i = 2;
  } else if (!spec.empty() && is_align(spec[0])) {
    align = spec[0];
    i = 1;
  }
  if (align == '=') {
    set_error(&kValueErrorType, "'=' alignment flag is not allowed in complex format specifier");
    return nullptr;
  }
  char sign = '-';
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) sign = spec[i++];
  size_t width = 0;
  while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') width = width * 10 + (spec[i++] - '0');
  int precision = -1;
  if (i < spec.size() && spec[i] == '.') {
    i++;
    precision = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9') precision = precision * 10 + (spec[i++] - '0');
  }
  char type = 0;
  if (i < spec.size()) type = spec[i++];
  if (i != spec.size() || (type != 0 && std::string_view("eEfFgGn").find(type) == std::string_view::npos)) {
    set_error_fmt(&kValueErrorType, "Unknown format code '%c' for object of type 'complex'",
                  type != 0 ? type : spec.back());
    return nullptr;
  }
  double re = self_of(self)->real, im = self_of(self)->imag;
  bool skip_re = false, parens = false;
  char code = type == 'n' ? 'g' : type;
  if (code == 0) {
    if (re == 0.0 && std::copysign(1.0, re) == 1.0) skip_re = true;
    else parens = true;
    code = precision >= 0 ? 'g' : 'r';
  }
  if (precision < 0) precision = 6;
  std::string body;
  if (!skip_re) {
    body += double_to_string(re, code, precision, false, false, sign == '+');
    if (sign == ' ' && !std::signbit(re)) body = " " + body;
  }
  body += double_to_string(im, code, precision, false, false, !skip_re || sign == '+');
  if (skip_re && sign == ' ' && !std::signbit(im)) body = " " + body;
  body += "j";
  if (parens) body = "(" + body + ")";
  if (body.size() < width) {
    size_t pad = width - body.size();
    if (align == '<') body += std::string(pad, fill);
    else if (align == '^') body = std::string(pad / 2, fill) + body + std::string(pad - pad / 2, fill);
    else body = std::string(pad, fill) + body;
  }
  return str_from(body);
}

Object* g_real(Object* self) { return float_from(self_of(self)->real); }
Object* g_imag(Object* self) { return float_from(self_of(self)->imag); }

const MethodDef kComplexMethods[] = {
    {"conjugate", m_conjugate, kMethodDefault, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__complex__", m_complex, kMethodDefault, "Convert this value to exact type complex."},
    {"__getnewargs__", m_getnewargs, kMethodDefault, nullptr},
    {"__format__", m_format, kMethodDefault, "Convert to a string according to format_spec."},
    {nullptr},
};

const GetSetDef kComplexGetSets[] = {
    {"real", g_real, nullptr, "the real part of a complex number"},
    {"imag", g_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr},
};

NumberMethods complex_number = [] {
  NumberMethods n{};
  n.add = c_add;
  n.subtract = c_sub;
  n.multiply = c_mul;
  n.true_divide = c_div;
  n.power = c_pow;
  n.negative = c_neg;
  n.positive = c_pos;
  n.absolute = c_abs;
  n.boolean = c_bool;
  return n;
}();

}  // namespace

Object* complex_from(double real, double imag) { return alloc_complex(&kComplexType, real, imag); }

int complex_operand(Object* o, C* out) {
  if (complex_check(o)) {
    *out = complex_value(o);
    return 1;
  }
  if (float_check(o)) {
    *out = {float_value_fast(o), 0.0};
    return 1;
  }
  if (int_check(o)) {
    double d = int_to_double(o);
    if (d == -1.0 && has_error()) return -1;
    *out = {d, 0.0};
    return 1;
  }
  return 0;
}

// CPython's complex_pow: small integral exponents by repeated squaring,
// everything else through polar form.
Object* complex_power(C a, C b) {
  C r;
  errno = 0;
  if (b.imag() == 0.0 && b.real() == std::floor(b.real()) && std::fabs(b.real()) <= 100.0) {
    long n = static_cast<long>(b.real());
    if (n >= 0) {
      r = powu(a, n);
    } else {
      bool zero;
      r = quot({1.0, 0.0}, powu(a, -n), &zero);
      if (zero) errno = EDOM;
    }
  } else if (b.real() == 0.0 && b.imag() == 0.0) {
    r = {1.0, 0.0};
  } else if (a.real() == 0.0 && a.imag() == 0.0) {
    if (b.imag() != 0.0 || b.real() < 0.0) errno = EDOM;
    r = {0.0, 0.0};
  } else {
    double vabs = std::hypot(a.real(), a.imag());
    double len = std::pow(vabs, b.real());
    double at = std::atan2(a.imag(), a.real());
    double phase = at * b.real();
    if (b.imag() != 0.0) {
      len /= std::exp(at * b.imag());
      phase += b.imag() * std::log(vabs);
    }
    r = {len * std::cos(phase), len * std::sin(phase)};
    errno = 0;
  }
  // _Py_ADJUST_ERANGE2: an infinite part is an overflow.
  if (std::isinf(r.real()) || std::isinf(r.imag())) {
    if (errno == 0) errno = ERANGE;
  } else if (errno == ERANGE) {
    errno = 0;
  }
  if (errno == EDOM) {
    set_error(&kZeroDivisionErrorType, "0.0 to a negative or complex power");
    return nullptr;
  }
  if (errno == ERANGE) {
    set_error(&kOverflowErrorType, "complex exponentiation");
    return nullptr;
  }
  return complex_from(r.real(), r.imag());
}

void init_complex_type() {
  init_static_type(&kComplexType, "complex", sizeof(ComplexObject), &kObjectType);
  kComplexType.flags |= kTypeBaseType | kTypeImmutable;
  kComplexType.doc =
      "Create a complex number from a real part and an optional imaginary part.\n\n"
      "This is equivalent to (real + imag*1j) where imag defaults to 0.";
  kComplexType.dealloc = complex_dealloc;
  kComplexType.new_ = complex_new;
  kComplexType.repr = c_repr;
  kComplexType.hash = c_hash;
  kComplexType.richcompare = c_richcompare;
  kComplexType.number = &complex_number;
  kComplexType.methods = kComplexMethods;
  kComplexType.getsets = kComplexGetSets;
  type_ready(&kComplexType);
}

}  // namespace conch::vm
