// int methods and attributes: bit_length, to_bytes/from_bytes, __round__
// (half-even), __format__, real/imag/numerator/denominator ...
#include <algorithm>
#include <cstring>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/int.h"
#include "vm/types/int_internal.h"

namespace conch::vm {

using namespace int_detail;

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
  return int_pair(int_exact_copy(self), int_new_small(1));
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

}  // namespace

const MethodDef int_detail::kIntMethods[] = {
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

const GetSetDef int_detail::kIntGetSets[] = {
    {"real", g_real, nullptr, "the real part of a complex number"},
    {"imag", g_imag, nullptr, "the imaginary part of a complex number"},
    {"numerator", g_real, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", g_denominator, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr},
};

}  // namespace conch::vm
