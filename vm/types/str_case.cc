// str case mapping (upper, lower, casefold, swapcase, title, capitalize),
// classification (isdigit & co), padding (center, ljust, rjust, zfill,
// expandtabs) and translation (maketrans, translate).  ASCII strings take
// byte-loop fast paths; the rest use the generated Unicode tables.
#include <algorithm>
#include <string>
#include <vector>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/str.h"
#include "vm/types/str_args.h"
#include "vm/types/unicode.h"

namespace conch::vm {
namespace {

using namespace str_args;  // NOLINT: this file's helpers

// ---------------------------------------------------------------------------
// Case mapping.

bool ascii_only(Object* s) { return str_is_ascii(s); }

template <class F>
Object* map_ascii(Object* self, F f) {
  auto* p = as_str(self);
  Object* r = str_alloc(p->nbytes, p->length);
  if (r == nullptr) return nullptr;
  char* d = as_str(r)->data;
  bool changed = false;
  bool prev_cased = false;
  for (ssize_t i = 0; i < p->nbytes; ++i) {
    d[i] = f(p->data[i], i, &prev_cased);
    changed |= d[i] != p->data[i];
  }
  if (!changed && str_check_exact(self)) {
    decref(r);
    return new_ref(self);
  }
  if (p->length == 1) {  // one-character results are the singletons
    Object* one = str_latin1_char(static_cast<unsigned char>(d[0]));
    decref(r);
    return one;
  }
  return r;
}

inline char a_upper(char c) { return (c >= 'a' && c <= 'z') ? c - 32 : c; }
inline char a_lower(char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }
inline bool a_isupper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool a_islower(char c) { return c >= 'a' && c <= 'z'; }

// Final sigma (CPython's handle_capital_sigma): Σ lowers to ς at the end of
// a word, σ elsewhere.
uint32_t lower_sigma(const std::vector<uint32_t>& cps, size_t i) {
  size_t j = i;
  bool before = false;
  while (j > 0) {
    uint32_t c = cps[--j];
    if (unicode::has(c, unicode::kPropCaseIgnorable)) continue;
    before = unicode::is_cased(c);
    break;
  }
  if (!before) return 0x3C3;
  bool after = false;
  for (j = i + 1; j < cps.size(); ++j) {
    uint32_t c = cps[j];
    if (unicode::has(c, unicode::kPropCaseIgnorable)) continue;
    after = unicode::is_cased(c);
    break;
  }
  return after ? 0x3C3 : 0x3C2;
}

std::vector<uint32_t> code_points(Object* s) {
  std::vector<uint32_t> out;
  out.reserve(static_cast<size_t>(str_length(s)));
  std::string_view v = str_view(s);
  int len;
  for (size_t i = 0; i < v.size(); i += len) out.push_back(cp_at(v, i, &len));
  return out;
}

enum class CaseOp { kUpper, kLower, kFold, kSwap, kTitle, kCapitalize };

void append_lower(std::string* out, const std::vector<uint32_t>& cps, size_t i) {
  if (cps[i] == 0x3A3) {
    unicode::utf8_append(out, lower_sigma(cps, i));
    return;
  }
  uint32_t m[3];
  int n = unicode::to_lower(cps[i], m);
  for (int k = 0; k < n; ++k) unicode::utf8_append(out, m[k]);
}

void append_mapped(std::string* out, int (*f)(uint32_t, uint32_t*), uint32_t cp) {
  uint32_t m[3];
  int n = f(cp, m);
  for (int k = 0; k < n; ++k) unicode::utf8_append(out, m[k]);
}

Object* case_general(Object* self, CaseOp op) {
  std::vector<uint32_t> cps = code_points(self);
  std::string out;
  out.reserve(str_view(self).size());
  bool prev_cased = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    uint32_t c = cps[i];
    switch (op) {
      case CaseOp::kUpper: append_mapped(&out, unicode::to_upper, c); break;
      case CaseOp::kLower: append_lower(&out, cps, i); break;
      case CaseOp::kFold: append_mapped(&out, unicode::to_fold, c); break;
      case CaseOp::kSwap:
        if (unicode::is_upper(c)) {
          append_lower(&out, cps, i);
        } else if (unicode::is_lower(c)) {
          append_mapped(&out, unicode::to_upper, c);
        } else {
          unicode::utf8_append(&out, c);
        }
        break;
      case CaseOp::kTitle:
        if (prev_cased) {
          append_lower(&out, cps, i);
        } else {
          append_mapped(&out, unicode::to_title, c);
        }
        prev_cased = unicode::is_cased(c);
        break;
      case CaseOp::kCapitalize:
        if (i == 0) {
          append_mapped(&out, unicode::to_title, c);
        } else {
          append_lower(&out, cps, i);
        }
        break;
    }
  }
  return str_from(out);
}

Object* case_ascii(Object* self, CaseOp op) {
  switch (op) {
    case CaseOp::kUpper:
      return map_ascii(self, [](char c, ssize_t, bool*) { return a_upper(c); });
    case CaseOp::kLower:
    case CaseOp::kFold:
      return map_ascii(self, [](char c, ssize_t, bool*) { return a_lower(c); });
    case CaseOp::kSwap:
      return map_ascii(self, [](char c, ssize_t, bool*) {
        return a_isupper(c) ? a_lower(c) : a_upper(c);
      });
    case CaseOp::kTitle:
      return map_ascii(self, [](char c, ssize_t, bool* prev) {
        char r = *prev ? a_lower(c) : a_upper(c);
        *prev = a_isupper(c) || a_islower(c);
        return r;
      });
    case CaseOp::kCapitalize:
      return map_ascii(self,
                       [](char c, ssize_t i, bool*) { return i == 0 ? a_upper(c) : a_lower(c); });
  }
  return nullptr;
}

Object* case_method(const char* name, Object* self, size_t nargs, Object* kw, CaseOp op) {
  if (!no_args(name, nargs, kw)) return nullptr;
  if (str_length(self) == 0) return new_ref(str_empty());
  return ascii_only(self) ? case_ascii(self, op) : case_general(self, op);
}
Object* m_upper(Object* self, Object* const*, size_t nargs, Object* kw) {
  return case_method("upper", self, nargs, kw, CaseOp::kUpper);
}
Object* m_lower(Object* self, Object* const*, size_t nargs, Object* kw) {
  return case_method("lower", self, nargs, kw, CaseOp::kLower);
}
Object* m_casefold(Object* self, Object* const*, size_t nargs, Object* kw) {
  return case_method("casefold", self, nargs, kw, CaseOp::kFold);
}
Object* m_swapcase(Object* self, Object* const*, size_t nargs, Object* kw) {
  return case_method("swapcase", self, nargs, kw, CaseOp::kSwap);
}
Object* m_title(Object* self, Object* const*, size_t nargs, Object* kw) {
  return case_method("title", self, nargs, kw, CaseOp::kTitle);
}
Object* m_capitalize(Object* self, Object* const*, size_t nargs, Object* kw) {
  return case_method("capitalize", self, nargs, kw, CaseOp::kCapitalize);
}

// ---------------------------------------------------------------------------
// Classification.

template <class F>
Object* all_chars(const char* name, Object* self, size_t nargs, Object* kw, bool empty_result,
                  F pred) {
  if (!no_args(name, nargs, kw)) return nullptr;
  std::string_view v = str_view(self);
  if (v.empty()) return new_bool(empty_result);
  int len;
  for (size_t i = 0; i < v.size(); i += len)
    if (!pred(cp_at(v, i, &len))) return new_bool(false);
  return new_bool(true);
}

#define CLASSIFY(fn, name, empty, pred)                                  \
  Object* fn(Object* self, Object* const*, size_t nargs, Object* kw) {   \
    return all_chars(name, self, nargs, kw, empty, pred);                \
  }
CLASSIFY(m_isdigit, "isdigit", false, unicode::is_digit)
CLASSIFY(m_isdecimal, "isdecimal", false, unicode::is_decimal)
CLASSIFY(m_isnumeric, "isnumeric", false, unicode::is_numeric)
CLASSIFY(m_isalpha, "isalpha", false, unicode::is_alpha)
CLASSIFY(m_isalnum, "isalnum", false, unicode::is_alnum)
CLASSIFY(m_isspace, "isspace", false, unicode::is_space)
CLASSIFY(m_isprintable, "isprintable", true, unicode::is_printable)
#undef CLASSIFY

Object* m_isascii(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!no_args("isascii", nargs, kw)) return nullptr;
  return new_bool(str_is_ascii(self));
}

Object* m_isupper(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!no_args("isupper", nargs, kw)) return nullptr;
  std::vector<uint32_t> cps = code_points(self);
  bool cased = false;
  for (uint32_t c : cps) {
    if (unicode::is_lower(c) || unicode::is_title(c)) return new_bool(false);
    if (unicode::is_upper(c)) cased = true;
  }
  return new_bool(cased);
}

Object* m_islower(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!no_args("islower", nargs, kw)) return nullptr;
  std::vector<uint32_t> cps = code_points(self);
  bool cased = false;
  for (uint32_t c : cps) {
    if (unicode::is_upper(c) || unicode::is_title(c)) return new_bool(false);
    if (unicode::is_lower(c)) cased = true;
  }
  return new_bool(cased);
}

Object* m_istitle(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!no_args("istitle", nargs, kw)) return nullptr;
  std::vector<uint32_t> cps = code_points(self);
  bool cased = false, prev_cased = false;
  for (uint32_t c : cps) {
    if (unicode::is_upper(c) || unicode::is_title(c)) {
      if (prev_cased) return new_bool(false);
      prev_cased = cased = true;
    } else if (unicode::is_lower(c)) {
      if (!prev_cased) return new_bool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return new_bool(cased);
}

Object* m_isidentifier(Object* self, Object* const*, size_t nargs, Object* kw) {
  if (!no_args("isidentifier", nargs, kw)) return nullptr;
  std::vector<uint32_t> cps = code_points(self);
  if (cps.empty() || !unicode::has(cps[0], unicode::kPropXidStart)) return new_bool(false);
  for (size_t i = 1; i < cps.size(); ++i)
    if (!unicode::has(cps[i], unicode::kPropXidContinue)) return new_bool(false);
  return new_bool(true);
}

// ---------------------------------------------------------------------------
// Padding.

bool fill_arg(Object* o, uint32_t* fill) {
  if (!str_check(o)) {
    set_error_fmt(&kTypeErrorType,
                  "The fill character must be a unicode character, not %s", type_name(o));
    return false;
  }
  if (str_length(o) != 1) {
    set_error(&kTypeErrorType, "The fill character must be exactly one character long");
    return false;
  }
  *fill = str_char_at(o, 0);
  return true;
}

Object* pad(Object* self, ssize_t left, ssize_t right, uint32_t fill) {
  if (left <= 0 && right <= 0 && str_check_exact(self)) return new_ref(self);
  left = std::max<ssize_t>(left, 0);
  right = std::max<ssize_t>(right, 0);
  char buf[4];
  int flen = unicode::utf8_encode(fill, buf);
  std::string out;
  out.reserve(static_cast<size_t>((left + right) * flen) + str_view(self).size());
  for (ssize_t i = 0; i < left; ++i) out.append(buf, flen);
  out.append(str_view(self));
  for (ssize_t i = 0; i < right; ++i) out.append(buf, flen);
  return str_from_known(out, str_length(self) + left + right);
}

Object* justify(const char* name, Object* self, Object* const* args, size_t nargs, Object* kw,
                char how) {
  if (!nargs_range(name, nargs, 1, 2, kw)) return nullptr;
  ssize_t width;
  if (!index_arg(args[0], &width)) return nullptr;
  uint32_t fill = ' ';
  if (nargs > 1 && !fill_arg(args[1], &fill)) return nullptr;
  ssize_t marg = width - str_length(self);
  if (marg <= 0) return pad(self, 0, 0, fill);
  if (how == '<') return pad(self, 0, marg, fill);
  if (how == '>') return pad(self, marg, 0, fill);
  ssize_t left = marg / 2 + (marg & width & 1);
  return pad(self, left, marg - left, fill);
}
Object* m_center(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return justify("center", self, args, nargs, kw, '^');
}
Object* m_ljust(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return justify("ljust", self, args, nargs, kw, '<');
}
Object* m_rjust(Object* self, Object* const* args, size_t nargs, Object* kw) {
  return justify("rjust", self, args, nargs, kw, '>');
}

Object* m_zfill(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!one_arg("str.zfill", nargs, kw)) return nullptr;
  ssize_t width;
  if (!index_arg(args[0], &width)) return nullptr;
  ssize_t fill = width - str_length(self);
  if (fill <= 0) return pad(self, 0, 0, ' ');
  std::string_view v = str_view(self);
  std::string out;
  size_t start = 0;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out.push_back(v[0]);
    start = 1;
  }
  out.append(static_cast<size_t>(fill), '0');
  out.append(v.substr(start));
  return str_from_known(out, width);
}

Object* m_expandtabs(Object* self, Object* const* args, size_t nargs, Object* kw) {
  static const ArgSpec spec{"expandtabs", {"tabsize"}, 0, 1};
  Object* a[1] = {nullptr};
  if (!max_positional("expandtabs", nargs, 1)) return nullptr;
  if (!parse_args(spec, args, nargs, kw, a)) return nullptr;
  ssize_t tab = 8;
  if (a[0] != nullptr && !index_arg(a[0], &tab)) return nullptr;
  std::string_view v = str_view(self);
  if (v.find('\t') == std::string_view::npos && str_check_exact(self)) return new_ref(self);
  std::string out;
  ssize_t col = 0;
  int len;
  for (size_t i = 0; i < v.size(); i += len) {
    uint32_t c = cp_at(v, i, &len);
    if (c == '\t') {
      if (tab > 0) {
        ssize_t n = tab - col % tab;
        out.append(static_cast<size_t>(n), ' ');
        col += n;
      }
    } else {
      out.append(v.substr(i, len));
      col = (c == '\n' || c == '\r') ? 0 : col + 1;
    }
  }
  return str_from(out);
}

// ---------------------------------------------------------------------------
// maketrans / translate.

Object* m_maketrans(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!nargs_range("maketrans", nargs, 1, 3, kw)) return nullptr;
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  if (nargs == 1) {
    if (!dict_check(args[0])) {
      set_error(&kTypeErrorType,
                "if you give only one argument to maketrans it must be a dict");
      return nullptr;
    }
    ssize_t pos = 0;
    Object *k, *v;
    while (dict_next(args[0], &pos, &k, &v)) {
      Ref<> key;
      if (str_check(k)) {
        if (str_length(k) != 1) {
          set_error(&kValueErrorType, "string keys in translate table must be of length 1");
          return nullptr;
        }
        key = steal(int_from_i64(str_char_at(k, 0)));
      } else if (int_check(k)) {
        key = borrow(k);
      } else {
        set_error(&kTypeErrorType, "keys in translate table must be strings or integers");
        return nullptr;
      }
      if (!key || dict_set_item(d.get(), key.get(), v) < 0) return nullptr;
    }
    return d.release();
  }
  if (!str_check(args[0]) || !str_check(args[1])) {
    set_error(&kTypeErrorType, "maketrans() argument must be str");
    return nullptr;
  }
  if (str_length(args[0]) != str_length(args[1])) {
    set_error(&kValueErrorType, "the first two maketrans arguments must have equal length");
    return nullptr;
  }
  std::vector<uint32_t> x = code_points(args[0]), y = code_points(args[1]);
  for (size_t i = 0; i < x.size(); ++i) {
    Ref<> k = steal(int_from_i64(x[i]));
    Ref<> v = steal(int_from_i64(y[i]));
    if (!k || !v || dict_set_item(d.get(), k.get(), v.get()) < 0) return nullptr;
  }
  if (nargs == 3) {
    if (!str_check(args[2])) {
      set_error_fmt(&kTypeErrorType, "maketrans() argument 3 must be str, not %s",
                    type_name(args[2]));
      return nullptr;
    }
    for (uint32_t c : code_points(args[2])) {
      Ref<> k = steal(int_from_i64(c));
      if (!k || dict_set_item(d.get(), k.get(), kNone) < 0) return nullptr;
    }
  }
  return d.release();
}

Object* m_translate(Object* self, Object* const* args, size_t nargs, Object* kw) {
  if (!one_arg("str.translate", nargs, kw)) return nullptr;
  Object* table = args[0];
  std::string out;
  std::string_view v = str_view(self);
  int len;
  for (size_t i = 0; i < v.size(); i += len) {
    uint32_t c = cp_at(v, i, &len);
    Ref<> key = steal(int_from_i64(c));
    if (!key) return nullptr;
    Ref<> m = steal(getitem(table, key.get()));
    if (!m) {
      if (!error_matches(&kLookupErrorType)) return nullptr;
      clear_error();
      out.append(v.substr(i, len));
      continue;
    }
    if (m.get() == kNone) continue;
    if (int_check(m.get())) {
      int64_t cp;
      if (!int_to_i64(m.get(), &cp) || cp < 0 || cp > 0x10FFFF) {
        set_error(&kValueErrorType, "character mapping must be in range(0x110000)");
        return nullptr;
      }
      unicode::utf8_append(&out, static_cast<uint32_t>(cp));
    } else if (str_check(m.get())) {
      out.append(str_view(m.get()));
    } else {
      set_error(&kTypeErrorType, "character mapping must return integer, None or str");
      return nullptr;
    }
  }
  return str_from(out);
}

}  // namespace

const MethodDef kStrCaseMethods[] = {
    {"capitalize", m_capitalize, kMethodDefault, nullptr},
    {"casefold", m_casefold, kMethodDefault, nullptr},
    {"title", m_title, kMethodDefault, nullptr},
    {"center", m_center, kMethodDefault, nullptr},
    {"expandtabs", m_expandtabs, kMethodDefault, nullptr},
    {"ljust", m_ljust, kMethodDefault, nullptr},
    {"lower", m_lower, kMethodDefault, nullptr},
    {"rjust", m_rjust, kMethodDefault, nullptr},
    {"swapcase", m_swapcase, kMethodDefault, nullptr},
    {"translate", m_translate, kMethodDefault, nullptr},
    {"upper", m_upper, kMethodDefault, nullptr},
    {"isascii", m_isascii, kMethodDefault, nullptr},
    {"islower", m_islower, kMethodDefault, nullptr},
    {"isupper", m_isupper, kMethodDefault, nullptr},
    {"istitle", m_istitle, kMethodDefault, nullptr},
    {"isspace", m_isspace, kMethodDefault, nullptr},
    {"isdecimal", m_isdecimal, kMethodDefault, nullptr},
    {"isdigit", m_isdigit, kMethodDefault, nullptr},
    {"isnumeric", m_isnumeric, kMethodDefault, nullptr},
    {"isalpha", m_isalpha, kMethodDefault, nullptr},
    {"isalnum", m_isalnum, kMethodDefault, nullptr},
    {"isidentifier", m_isidentifier, kMethodDefault, nullptr},
    {"isprintable", m_isprintable, kMethodDefault, nullptr},
    {"zfill", m_zfill, kMethodDefault, nullptr},
    {"maketrans", m_maketrans, kMethodStatic, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace conch::vm
