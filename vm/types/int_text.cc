// int text: decimal and base-2/8/16 strings (with CPython 3.11's digit
// limit), parsing int(str, base), and the int() and bool() constructors.
#include <algorithm>
#include <charconv>
#include <cstring>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/int.h"
#include "vm/types/int_internal.h"
#include "vm/types/numfmt.h"

namespace conch::vm {

using namespace int_detail;

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

Object* int_detail::int_repr(Object* v) {
  std::string s;
  if (!int_decimal_checked(v, &s)) return nullptr;
  return str_from(s);
}

Object* int_detail::bool_repr(Object* v) {
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

Object* int_detail::int_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"int", {"", "base"}, 0, 2, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> v = steal(int_value_from_args(a[0], a[1]));
  if (!v || type == &kIntType) return v.release();
  return int_subtype_new(type, v.get());
}

Object* int_detail::bool_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
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

}  // namespace conch::vm
