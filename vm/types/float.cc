// float: objects, arithmetic with CPython's special cases, exact comparison
// with ints, CPython's hash, text conversions (repr, parsing, hex).
//
// Text output follows CPython's PyOS_double_to_string / format_float_short:
// the digits come from std::to_chars (shortest round-trip, or correctly
// rounded to a precision, as David Gay's dtoa gives them to CPython) and are
// then laid out with CPython's rules for each presentation type.
#include "vm/types/float.h"
#include "vm/types/complex.h"

#include <gmp.h>

#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "base/config.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/runtime.h"
#include "vm/types/int.h"
#include "vm/types/numfmt.h"

namespace conch::vm {

Type kFloatType;

namespace {

// The per-thread cache of dead exact floats (float.h).  Disabled in the
// debug-objects preset so its leak check sees every object.  The cache
// itself is plain data (float.h reaches it inline); what a thread leaves in
// it is freed at the thread's exit by FloatFreeListDrain, which the slow
// path registers before the first float enters the cache (the inline push
// only ever adds to a non-empty cache).
struct FloatFreeListDrain {
  CONCH_NOINLINE void touch() {}
  ~FloatFreeListDrain() {
    FloatFreeList& fl = t_float_free_list;
    while (fl.count > 0) generic_free(fl.items[--fl.count]);
  }
};
thread_local FloatFreeListDrain t_float_drain;

Object* alloc_float(Type* type, double v) {
  Object* o = nullptr;
  if (type == &kFloatType) {
    if constexpr (!kDebugObjects) {
      FloatFreeList& fl = t_float_free_list;
      if (fl.count > 0) {
        o = fl.items[--fl.count];
        gc::init_header(o);
      }
    }
    if (o == nullptr) o = generic_alloc(type);
  } else {
    o = type->alloc == nullptr ? generic_alloc(type) : type->alloc(type, 0);
  }
  if (o == nullptr) return nullptr;
  static_cast<FloatObject*>(o)->value = v;
  return o;
}

void float_dealloc(Object* o) {
  if (o->type == &kFloatType) {
    float_free_inline(o);
  } else {
    generic_free(o);
  }
}

}  // namespace

constinit thread_local FloatFreeList t_float_free_list{};

Object* float_alloc_slow(double v) { return alloc_float(&kFloatType, v); }

void float_free_slow(Object* o) {
  if constexpr (!kDebugObjects) {
    FloatFreeList& fl = t_float_free_list;
    if (fl.count < FloatFreeList::kCapacity) {
      // The drain's first use registers its destructor for this thread.
      if (fl.count == 0) t_float_drain.touch();
      fl.items[fl.count++] = o;
      return;
    }
  }
  generic_free(o);
}

CONCH_ALWAYS_INLINE Object* new_float(double v) { return float_new_inline(v); }

Object* float_from(double v) { return new_float(v); }

double float_value(const Object* o) { return float_value_fast(o); }

// ---------------------------------------------------------------------------
// Text output.

namespace {

// Digits and decimal point position as dtoa returns them: value =
// 0.DIGITS * 10**decpt, no trailing zeros (zero is "0", decpt 1).
struct Digits {
  std::string digits;
  int decpt = 0;
  bool negative = false;
};

// precision < 0: shortest round-trip; else that many significant digits.
Digits scientific_digits(double v, int significant) {
  char buf[800];
  std::to_chars_result res =
      significant < 0 ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific)
                      : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific,
                                      significant - 1);
  Digits d;
  const char* p = buf;
  if (*p == '-') {
    d.negative = true;
    ++p;
  }
  for (; p < res.ptr && *p != 'e'; ++p)
    if (*p != '.') d.digits.push_back(*p);
  int exp = 0;
  if (p < res.ptr) std::from_chars(p + 1 + (p[1] == '+'), res.ptr, exp);
  d.decpt = exp + 1;
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
  return d;
}

// CPython's format_float_short for the modes that use digit strings
// ('e', 'g', 'r'); 'f' is laid out directly by to_chars.
std::string layout_digits(const Digits& d, char code, int precision, bool add_dot_0, bool alt) {
  int digits_len = static_cast<int>(d.digits.size());
  int decpt = d.decpt;
  int vdigits_end = digits_len;
  bool use_exp = false;
  switch (code) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:  // 'r'
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  int vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vdigits_end = std::max(vdigits_end, decpt + 1);
  else
    vdigits_end = std::max(vdigits_end, decpt);
  std::string out;
  if (decpt <= 0) {
    out.append(decpt - vdigits_start, '0');
    out.push_back('.');
    out.append(-decpt, '0');
  } else {
    out.append(-vdigits_start, '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(d.digits, 0, decpt);
    out.push_back('.');
    out.append(d.digits, decpt, std::string::npos);
  } else {
    out.append(d.digits);
  }
  if (digits_len < decpt) {
    out.append(decpt - digits_len, '0');
    out.push_back('.');
    out.append(vdigits_end - decpt, '0');
  } else {
    out.append(vdigits_end - digits_len, '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%+.02d", exp);
    out += buf;
  }
  return out;
}

bool all_zero_digits(std::string_view s) {
  for (char c : s) {
    if (c == 'e') break;
    if (c >= '1' && c <= '9') return false;
  }
  return true;
}

}  // namespace

std::string double_to_string(double v, char code, int precision, bool alt, bool add_dot_0,
                             bool sign, bool no_neg_0) {
  bool upper = code == 'E' || code == 'F' || code == 'G';
  char lc = upper ? static_cast<char>(code + 32) : code;
  std::string out;
  if (!std::isfinite(v)) {
    bool neg = std::isinf(v) && v < 0;
    if (neg) out = "-";
    else if (sign) out = "+";
    out += std::isinf(v) ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
    return out;
  }
  std::string body;
  if (lc == 'f') {
    char buf[1200];
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::fixed,
                             precision);
    if (res.ec != std::errc()) {  // absurd precision: fall back to snprintf
      std::vector<char> big(static_cast<size_t>(precision) + 400);
      int n = std::snprintf(big.data(), big.size(), "%.*f", precision, std::fabs(v));
      body.assign(big.data(), n);
    } else {
      body.assign(buf, res.ptr);
    }
    if (alt && body.find('.') == std::string::npos) body.push_back('.');
  } else {
    int significant = lc == 'e' ? precision + 1 : lc == 'g' ? std::max(precision, 1) : -1;
    Digits d = scientific_digits(std::fabs(v), significant);
    body = layout_digits(d, lc, significant, add_dot_0, alt);
  }
  bool negative = std::signbit(v);
  if (negative && no_neg_0 && all_zero_digits(body)) negative = false;
  if (negative) out = "-";
  else if (sign) out = "+";
  if (upper)
    for (char& c : body)
      if (c == 'e') c = 'E';
  out += body;
  return out;
}

std::string float_repr(double v) { return double_to_string(v, 'r', 0, false, true); }

static Object* float_repr_slot(Object* o) { return str_from(float_repr(float_value_fast(o))); }

// ---------------------------------------------------------------------------
// Hashing: CPython's _Py_HashDouble (NaN hashes by identity, in the slot).

hash_t hash_double(double v) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    return 0;
  }
  constexpr int kBits = 61;
  constexpr uint64_t kMod = static_cast<uint64_t>(kHashModulus);
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m != 0.0) {
    x = ((x << 28) & kMod) | x >> (kBits - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kMod) x -= kMod;
  }
  e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = ((x << e) & kMod) | x >> (kBits - e);
  hash_t h = static_cast<hash_t>(x) * sign;
  return h == -1 ? -2 : h;
}

static hash_t float_hash(Object* o) {
  double v = float_value_fast(o);
  if (std::isnan(v)) {
    uintptr_t y = reinterpret_cast<uintptr_t>(o);
    y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
    hash_t h = static_cast<hash_t>(y);
    return h == -1 ? -2 : h;
  }
  return hash_double(v);
}

// ---------------------------------------------------------------------------
// Operand conversion for the binary slots.

namespace {

// 1: converted; 0: not a float or int (NotImplemented); -1: error.
CONCH_ALWAYS_INLINE int operand(Object* o, double* out) {
  if (CONCH_LIKELY(o->type == &kFloatType)) {
    *out = float_value_fast(o);
    return 1;
  }
  if (int_check(o)) {  // a flag test; float_check below walks the MRO
    if (int_is_small(o)) {
      *out = static_cast<double>(int_small_value(o));
      return 1;
    }
    *out = int_to_double(o);
    return (*out == -1.0 && has_error()) ? -1 : 1;
  }
  if (float_check(o)) {
    *out = float_value_fast(o);
    return 1;
  }
  return 0;
}

}  // namespace

// Evaluates to the NotImplemented / error return when an operand is foreign.
// Two exact floats (the common case) take the first branch only.
#define CONCH_FLOAT_OPERANDS(a, b, x, y)      \
  double x, y;                                \
  if (CONCH_LIKELY(a->type == &kFloatType && b->type == &kFloatType)) { \
    x = float_value_fast(a);                  \
    y = float_value_fast(b);                  \
  } else {                                    \
    int ca = operand(a, &x);                  \
    if (ca <= 0) return ca < 0 ? nullptr : not_implemented(); \
    int cb = operand(b, &y);                  \
    if (cb <= 0) return cb < 0 ? nullptr : not_implemented(); \
  }

Object* float_add(Object* a, Object* b) {
  CONCH_FLOAT_OPERANDS(a, b, x, y);
  return new_float(x + y);
}

Object* float_sub(Object* a, Object* b) {
  CONCH_FLOAT_OPERANDS(a, b, x, y);
  return new_float(x - y);
}

Object* float_mul(Object* a, Object* b) {
  CONCH_FLOAT_OPERANDS(a, b, x, y);
  return new_float(x * y);
}

Object* float_truediv(Object* a, Object* b) {
  CONCH_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) {
    set_error(&kZeroDivisionErrorType, "float division by zero");
    return nullptr;
  }
  return new_float(x / y);
}

// CPython's float_divmod core; y != 0.
static void divmod_core(double vx, double wx, double* floordiv, double* mod) {
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m != 0.0) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double fd;
  if (div != 0.0) {
    fd = std::floor(div);
    if (div - fd > 0.5) fd += 1.0;
  } else {
    fd = std::copysign(0.0, vx / wx);
  }
  *floordiv = fd;
  *mod = m;
}

Object* float_floordiv(Object* a, Object* b) {
  CONCH_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) {
    set_error(&kZeroDivisionErrorType, "float floor division by zero");
    return nullptr;
  }
  double fd, m;
  divmod_core(x, y, &fd, &m);
  return float_from(fd);
}

Object* float_mod(Object* a, Object* b) {
  CONCH_FLOAT_OPERANDS(a, b, x, y);
  if (y == 0.0) {
    set_error(&kZeroDivisionErrorType, "float modulo");
    return nullptr;
  }
  double m = std::fmod(x, y);
  if (m != 0.0) {
    if ((y < 0) != (m < 0)) m += y;
  } else {
    m = std::copysign(0.0, y);
  }
  return float_from(m);
}

Object* float_divmod_values(double x, double y) {
  if (y == 0.0) {
    set_error(&kZeroDivisionErrorType, "float divmod()");
    return nullptr;
  }
  double fd, m;
  divmod_core(x, y, &fd, &m);
  Object* q = float_from(fd);
  if (q == nullptr) return nullptr;
  Object* r = float_from(m);
  if (r == nullptr) {
    decref(q);
    return nullptr;
  }
  Object* t = tuple_new(2);
  if (t == nullptr) {
    decref(q);
    decref(r);
    return nullptr;
  }
  tuple_init_item(t, 0, q);
  tuple_init_item(t, 1, r);
  return t;
}

static bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

static void range_error_errno() {
  Object* code = int_from_i64(ERANGE);
  Object* msg = str_from(std::strerror(ERANGE));
  if (code == nullptr || msg == nullptr) {
    xdecref(code);
    xdecref(msg);
    return;
  }
  Object* args = tuple_new(2);
  if (args == nullptr) {
    decref(code);
    decref(msg);
    return;
  }
  tuple_init_item(args, 0, code);
  tuple_init_item(args, 1, msg);
  set_error_args(&kOverflowErrorType, args);
}

// CPython's float_pow special cases, then libm's pow.
static Object* pow_values(double iv, double iw) {
  if (iw == 0) return float_from(1.0);
  if (std::isnan(iv)) return float_from(iv);
  if (std::isnan(iw)) return float_from(iv == 1.0 ? 1.0 : iw);
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return float_from(1.0);
    if ((iw > 0.0) == (iv > 1.0)) return float_from(std::fabs(iw));
    return float_from(0.0);
  }
  if (std::isinf(iv)) {
    bool odd = is_odd_integer(iw);
    if (iw > 0.0) return float_from(odd ? iv : std::fabs(iv));
    return float_from(odd ? std::copysign(0.0, iv) : 0.0);
  }
  if (iv == 0.0) {
    if (iw < 0.0) {
      set_error(&kZeroDivisionErrorType, "0.0 cannot be raised to a negative power");
      return nullptr;
    }
    return float_from(is_odd_integer(iw) ? iv : 0.0);
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw)) {
      // Negative numbers raised to fractional powers become complex.
      return complex_power({iv, 0.0}, {iw, 0.0});
    }
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return float_from(negate ? -1.0 : 1.0);
  errno = 0;
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) {
    range_error_errno();
    return nullptr;
  }
  return float_from(negate ? -ix : ix);
}

Object* float_pow(Object* a, Object* b, Object* mod) {
  if (mod != nullptr && mod != kNone) {
    if (!(float_check(a) || int_check(a)) || !(float_check(b) || int_check(b)))
      return not_implemented();
    set_error(&kTypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
    return nullptr;
  }
  CONCH_FLOAT_OPERANDS(a, b, x, y);
  return pow_values(x, y);
}

#undef CONCH_FLOAT_OPERANDS

static Object* float_neg(Object* a) { return float_from(-float_value_fast(a)); }
static Object* float_pos(Object* a) {
  if (a->type == &kFloatType) return new_ref(a);
  return float_from(float_value_fast(a));
}
static Object* float_abs(Object* a) { return float_from(std::fabs(float_value_fast(a))); }
static int float_bool(Object* a) { return float_value_fast(a) != 0.0; }
static Object* float_int(Object* a) { return int_from_double(float_value_fast(a)); }

static Object* float_divmod_slot(Object* a, Object* b) {
  double x, y;
  int ca = operand(a, &x);
  if (ca <= 0) return ca < 0 ? nullptr : not_implemented();
  int cb = operand(b, &y);
  if (cb <= 0) return cb < 0 ? nullptr : not_implemented();
  return float_divmod_values(x, y);
}

// ---------------------------------------------------------------------------
// Comparison (exact against ints, as CPython's float_richcompare).

static bool compare_result(int c, CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return c < 0;
    case CompareOp::kLe: return c <= 0;
    case CompareOp::kEq: return c == 0;
    case CompareOp::kNe: return c != 0;
    case CompareOp::kGt: return c > 0;
    case CompareOp::kGe: return c >= 0;
  }
  return false;
}

Object* float_richcompare(Object* a, Object* b, CompareOp op) {
  // Exact type and int flag tests first: float_check walks the MRO.
  bool a_float = a->type == &kFloatType || (!int_check(a) && float_check(a));
  bool b_float = b->type == &kFloatType || (!int_check(b) && float_check(b));
  if (a_float && b_float) {
    double x = float_value_fast(a), y = float_value_fast(b);
    switch (op) {
      case CompareOp::kLt: return new_bool(x < y);
      case CompareOp::kLe: return new_bool(x <= y);
      case CompareOp::kEq: return new_bool(x == y);
      case CompareOp::kNe: return new_bool(x != y);
      case CompareOp::kGt: return new_bool(x > y);
      case CompareOp::kGe: return new_bool(x >= y);
    }
  }
  bool unordered;
  int c;
  if (a_float && int_check(b))
    c = -int_compare_double(b, float_value_fast(a), &unordered);
  else if (int_check(a) && b_float)
    c = int_compare_double(a, float_value_fast(b), &unordered);
  else
    return not_implemented();
  if (unordered) return new_bool(op == CompareOp::kNe);
  return new_bool(compare_result(c, op));
}

// ---------------------------------------------------------------------------
// Parsing.

static bool is_space_char(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

static std::string_view strip(std::string_view s) {
  while (!s.empty() && is_space_char(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space_char(s.back())) s.remove_suffix(1);
  return s;
}

static bool equals_nocase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if ((a[i] | 0x20) != b[i]) return false;
  return true;
}

// Copies a run of digits with single underscores between digits.
static bool scan_digits(std::string_view s, size_t* pos, std::string* out, bool* any) {
  size_t i = *pos;
  bool prev_digit = false;
  while (i < s.size()) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      out->push_back(c);
      prev_digit = true;
      *any = true;
    } else if (c == '_') {
      if (!prev_digit || i + 1 >= s.size() || s[i + 1] < '0' || s[i + 1] > '9') return false;
      prev_digit = false;
    } else {
      break;
    }
    ++i;
  }
  *pos = i;
  return true;
}

bool float_parse(std::string_view text, double* out) {
  std::string_view s = strip(text);
  std::string buf;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) buf.push_back(s[i++]);
  std::string_view rest = s.substr(i);
  if (equals_nocase(rest, "inf") || equals_nocase(rest, "infinity")) {
    *out = buf == "-" ? -HUGE_VAL : HUGE_VAL;
    return true;
  }
  if (equals_nocase(rest, "nan")) {
    *out = buf == "-" ? -NAN : NAN;
    return true;
  }
  bool any = false;
  if (!scan_digits(s, &i, &buf, &any)) return false;
  if (i < s.size() && s[i] == '.') {
    buf.push_back('.');
    ++i;
    if (!scan_digits(s, &i, &buf, &any)) return false;
  }
  if (!any) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    buf.push_back('e');
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) buf.push_back(s[i++]);
    bool exp_any = false;
    if (!scan_digits(s, &i, &buf, &exp_any) || !exp_any) return false;
  }
  if (i != s.size()) return false;
  *out = std::strtod(buf.c_str(), nullptr);
  return true;
}

static Object* float_from_text(std::string_view s, Object* orig) {
  double v;
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii ? float_parse(s, &v) : float_parse(ascii_digits_and_spaces(s), &v))
    return float_from(v);
  Ref<> r = steal(repr(orig));
  if (!r) return nullptr;
  set_error_fmt(&kValueErrorType, "could not convert string to float: %s",
                std::string(str_view(r.get())));
  return nullptr;
}

// float(x) for non-float x: __float__, __index__, str, bytes.
static Object* float_of(Object* x, bool constructor) {
  if (float_check(x) && x->type == &kFloatType) return new_ref(x);
  NumberMethods* nm = x->type->number;
  if (nm != nullptr && nm->to_float != nullptr) {
    Ref<> r = steal(nm->to_float(x));
    if (!r) return nullptr;
    if (!float_check(r.get())) {
      set_error_fmt(&kTypeErrorType, "%s.__float__ returned non-float (type %s)", type_name(x),
                    type_name(r.get()));
      return nullptr;
    }
    return float_from(float_value_fast(r.get()));
  }
  if (nm != nullptr && nm->index != nullptr) {
    Ref<> i = steal(number_index(x));
    if (!i) return nullptr;
    double d = int_to_double(i.get());
    if (d == -1.0 && has_error()) return nullptr;
    return float_from(d);
  }
  if (float_check(x)) return float_from(float_value_fast(x));
  if (constructor && str_check(x)) return float_from_text(str_view(x), x);
  if (constructor && bytes_check(x)) return float_from_text(bytes_view(x), x);
  if (constructor)
    set_error_fmt(&kTypeErrorType, "float() argument must be a string or a real number, not '%s'",
                  type_name(x));
  else
    set_error_fmt(&kTypeErrorType, "must be real number, not %s", type_name(x));
  return nullptr;
}

double number_as_double(Object* o) {
  if (o->type == &kFloatType) return float_value_fast(o);
  if (int_check(o)) return int_to_double(o);
  Ref<> f = steal(float_of(o, false));
  if (!f) return -1.0;
  return float_value_fast(f.get());
}

static Object* float_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error(&kTypeErrorType, "float() takes no keyword arguments");
    return nullptr;
  }
  if (nargs > 1) {
    set_error_fmt(&kTypeErrorType, "float expected at most 1 argument, got %d",
                  static_cast<int>(nargs));
    return nullptr;
  }
  Ref<> v = nargs == 0 ? steal(float_from(0.0)) : steal(float_of(args[0], true));
  if (!v || type == &kFloatType) return v.release();
  return alloc_float(type, float_value_fast(v.get()));
}

// ---------------------------------------------------------------------------
// Rounding.

Object* float_round(double x, Object* ndigits) {
  if (ndigits == nullptr || ndigits == kNone) {
    double r = std::round(x);
    if (std::fabs(x - r) == 0.5) r = 2.0 * std::round(x / 2.0);
    return int_from_double(r);
  }
  Ref<> nd_obj = steal(number_index(ndigits));
  if (!nd_obj) return nullptr;
  int64_t nd;
  if (!int_to_i64(nd_obj.get(), &nd)) nd = int_sign(nd_obj.get()) < 0 ? INT64_MIN : INT64_MAX;
  if (!std::isfinite(x) || x == 0.0) return float_from(x);
  constexpr int kMax = static_cast<int>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  constexpr int kMin = -static_cast<int>((DBL_MAX_EXP + 1) * 0.30103);
  if (nd > kMax) return float_from(x);
  if (nd < kMin) return float_from(0.0 * x);
  // Exact: N = round_half_even(x * 10**nd), then N * 10**-nd correctly rounded.
  int e;
  double m = std::frexp(std::fabs(x), &e);
  mpz_t num, den, q, r;
  mpz_inits(num, den, q, r, nullptr);
  mpz_set_d(num, std::ldexp(m, DBL_MANT_DIG));
  mpz_set_ui(den, 1);
  long e2 = e - DBL_MANT_DIG;
  if (e2 >= 0) mpz_mul_2exp(num, num, e2);
  else mpz_mul_2exp(den, den, -e2);
  mpz_t p;
  mpz_init(p);
  mpz_ui_pow_ui(p, 10, static_cast<unsigned long>(nd >= 0 ? nd : -nd));
  if (nd >= 0) mpz_mul(num, num, p);
  else mpz_mul(den, den, p);
  mpz_fdiv_qr(q, r, num, den);
  mpz_mul_2exp(r, r, 1);
  int c = mpz_cmp(r, den);
  if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
  std::string text(mpz_sizeinbase(q, 10) + 2, '\0');
  mpz_get_str(text.data(), 10, q);
  text.resize(std::strlen(text.c_str()));
  mpz_clears(num, den, q, r, p, nullptr);
  text = (x < 0 ? "-" : "") + text + "e" + std::to_string(-nd);
  errno = 0;
  double rounded = std::strtod(text.c_str(), nullptr);
  if (errno == ERANGE && std::fabs(rounded) >= 1.0) {
    set_error(&kOverflowErrorType, "rounded value too large to represent");
    return nullptr;
  }
  return float_from(rounded);
}

// ---------------------------------------------------------------------------
// Methods.

namespace {

double self_value(Object* self) { return float_value_fast(self); }

Object* m_is_integer(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("float.is_integer", nargs, 0, 0, kw)) return nullptr;
  double x = self_value(self);
  return new_bool(std::isfinite(x) && std::floor(x) == x);
}

Object* m_as_integer_ratio(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("float.as_integer_ratio", nargs, 0, 0, kw)) return nullptr;
  double x = self_value(self);
  if (std::isinf(x)) {
    set_error(&kOverflowErrorType, "cannot convert Infinity to integer ratio");
    return nullptr;
  }
  if (std::isnan(x)) {
    set_error(&kValueErrorType, "cannot convert NaN to integer ratio");
    return nullptr;
  }
  int e;
  double m = std::frexp(x, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --e;
  }
  Ref<> num = steal(int_from_double(m));
  Ref<> den = steal(int_from_i64(1));
  if (!num || !den) return nullptr;
  Ref<> shift = steal(int_from_i64(e > 0 ? e : -e));
  if (!shift) return nullptr;
  if (e > 0) num = steal(int_lshift(num.get(), shift.get()));
  else den = steal(int_lshift(den.get(), shift.get()));
  if (!num || !den) return nullptr;
  Object* t = tuple_new(2);
  if (t == nullptr) return nullptr;
  tuple_init_item(t, 0, num.release());
  tuple_init_item(t, 1, den.release());
  return t;
}

Object* m_hex(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("float.hex", nargs, 0, 0, kw)) return nullptr;
  double x = self_value(self);
  if (!std::isfinite(x)) return str_from(float_repr(x));
  if (x == 0.0) return str_from(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  static const char kHex[] = "0123456789abcdef";
  std::string s;
  s.push_back(kHex[static_cast<int>(m)]);
  m -= static_cast<int>(m);
  s.push_back('.');
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    m *= 16.0;
    s.push_back(kHex[static_cast<int>(m)]);
    m -= static_cast<int>(m);
  }
  char tail[16];
  std::snprintf(tail, sizeof tail, "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  return str_from((x < 0 ? "-0x" : "0x") + s + tail);
}

bool is_hex_digit(char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

Object* m_fromhex(Object* cls, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("float.fromhex", nargs, 1, 1, kw)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "fromhex() argument must be str, not %s", type_name(args[0]));
    return nullptr;
  }
  std::string_view s = strip(str_view(args[0]));
  std::string buf;
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) buf.push_back(s[i++]);
  std::string_view rest = s.substr(i);
  double v = 0;
  bool ok = true;
  if (equals_nocase(rest, "inf") || equals_nocase(rest, "infinity") || equals_nocase(rest, "nan")) {
    ok = float_parse(s, &v);
  } else {
    if (rest.size() >= 2 && rest[0] == '0' && (rest[1] | 0x20) == 'x') i += 2;
    buf += "0x";
    size_t digits = 0;
    while (i < s.size() && is_hex_digit(s[i])) buf.push_back(s[i++]), ++digits;
    if (i < s.size() && s[i] == '.') {
      buf.push_back(s[i++]);
      while (i < s.size() && is_hex_digit(s[i])) buf.push_back(s[i++]), ++digits;
    }
    if (digits == 0) ok = false;
    if (ok && i < s.size() && (s[i] | 0x20) == 'p') {
      buf.push_back(s[i++]);
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) buf.push_back(s[i++]);
      size_t exp_digits = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') buf.push_back(s[i++]), ++exp_digits;
      if (exp_digits == 0) ok = false;
    }
    if (i != s.size()) ok = false;
    if (ok) {
      v = std::strtod(buf.c_str(), nullptr);
      if (std::isinf(v)) {
        set_error(&kOverflowErrorType, "hexadecimal value too large to represent as a float");
        return nullptr;
      }
    }
  }
  if (!ok) {
    set_error(&kValueErrorType, "invalid hexadecimal floating-point string");
    return nullptr;
  }
  Type* type = static_cast<Type*>(cls);
  if (type == &kFloatType) return float_from(v);
  Ref<> f = steal(float_from(v));
  if (!f) return nullptr;
  Object* argv[1] = {f.get()};
  return call(cls, argv, 1);
}

Object* m_conjugate(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("float.conjugate", nargs, 0, 0, kw)) return nullptr;
  return float_pos(self);
}

Object* m_trunc(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("float.__trunc__", nargs, 0, 0, kw)) return nullptr;
  return int_from_double(self_value(self));
}

Object* m_floor(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("float.__floor__", nargs, 0, 0, kw)) return nullptr;
  return int_from_double(std::floor(self_value(self)));
}

Object* m_ceil(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("float.__ceil__", nargs, 0, 0, kw)) return nullptr;
  return int_from_double(std::ceil(self_value(self)));
}

Object* m_round(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("float.__round__", nargs, 0, 1, kw)) return nullptr;
  return float_round(self_value(self), nargs == 0 ? nullptr : args[0]);
}

Object* m_format(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("float.__format__", nargs, 1, 1, kw)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "__format__() argument must be str, not %s",
                  type_name(args[0]));
    return nullptr;
  }
  if (str_length(args[0]) == 0) return str(self);
  return float_format_spec(self_value(self), str_view(args[0]));
}

Object* m_getnewargs(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!check_nargs("float.__getnewargs__", nargs, 0, 0, kw)) return nullptr;
  Object* v = float_from(self_value(self));
  if (v == nullptr) return nullptr;
  Object* t = tuple_new(1);
  if (t == nullptr) {
    decref(v);
    return nullptr;
  }
  tuple_init_item(t, 0, v);
  return t;
}

Object* g_real(Object* self) { return float_pos(self); }
Object* g_imag(Object*) { return float_from(0.0); }

Object* m_divmod(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("float.__divmod__", nargs, 1, 1, kw)) return nullptr;
  return float_divmod(self, args[0]);
}

Object* m_rdivmod(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("float.__rdivmod__", nargs, 1, 1, kw)) return nullptr;
  return float_divmod(args[0], self);
}

const MethodDef kFloatMethods[] = {
    {"__divmod__", m_divmod, kMethodDefault, "Return divmod(self, value)."},
    {"__rdivmod__", m_rdivmod, kMethodDefault, "Return divmod(value, self)."},
    {"is_integer", m_is_integer, kMethodDefault, "Return True if the float is an integer."},
    {"as_integer_ratio", m_as_integer_ratio, kMethodDefault, "Return integer ratio."},
    {"hex", m_hex, kMethodDefault, "Return a hexadecimal representation of a floating-point number."},
    {"fromhex", m_fromhex, kMethodClass, "Create a floating-point number from a hexadecimal string."},
    {"conjugate", m_conjugate, kMethodDefault, "Return self, the complex conjugate of any float."},
    {"__trunc__", m_trunc, kMethodDefault, "Return the Integral closest to x between 0 and x."},
    {"__floor__", m_floor, kMethodDefault, "Return the floor as an Integral."},
    {"__ceil__", m_ceil, kMethodDefault, "Return the ceiling as an Integral."},
    {"__round__", m_round, kMethodDefault, "Return the Integral closest to x, rounding half toward even."},
    {"__format__", m_format, kMethodDefault, "Formats the float according to format_spec."},
    {"__getnewargs__", m_getnewargs, kMethodDefault, nullptr},
    {nullptr},
};

const GetSetDef kFloatGetSets[] = {
    {"real", g_real, nullptr, "the real part of a complex number"},
    {"imag", g_imag, nullptr, "the imaginary part of a complex number"},
    {nullptr},
};

NumberMethods float_number = [] {
  NumberMethods n{};
  n.add = float_add;
  n.subtract = float_sub;
  n.multiply = float_mul;
  n.remainder = float_mod;
  n.floor_divide = float_floordiv;
  n.true_divide = float_truediv;
  n.power = float_pow;
  n.negative = float_neg;
  n.positive = float_pos;
  n.absolute = float_abs;
  n.boolean = float_bool;
  n.to_int = float_int;
  n.to_float = float_pos;
  return n;
}();

}  // namespace

// divmod(float, x) is reached through the builtins' divmod, which calls
// floor_divide and remainder or this helper; exposed for them.
Object* float_divmod(Object* a, Object* b) { return float_divmod_slot(a, b); }

void init_float_types() {
  init_static_type(&kFloatType, "float", sizeof(FloatObject), &kObjectType);
  kFloatType.flags |= kTypeBaseType | kTypeImmutable;
  kFloatType.doc = "Convert a string or number to a floating point number, if possible.";
  kFloatType.dealloc = float_dealloc;
  kFloatType.new_ = float_new;
  kFloatType.repr = float_repr_slot;
  kFloatType.hash = float_hash;
  kFloatType.richcompare = float_richcompare;
  kFloatType.number = &float_number;
  kFloatType.methods = kFloatMethods;
  kFloatType.getsets = kFloatGetSets;
  type_ready(&kFloatType);
}

}  // namespace conch::vm
