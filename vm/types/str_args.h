// Argument checking and UTF-8 walking shared by the str method files
// (str_methods.cc, str_case.cc).  Messages are worded as CPython's.
// Internal to vm/types/str*.cc.
#pragma once

#include <cstddef>
#include <string_view>

#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/unicode.h"

namespace conch::vm::str_args {

// ---------------------------------------------------------------------------
// Argument helpers, worded as CPython's.

inline bool no_kwargs(const char* name, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error_fmt(&kTypeErrorType, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

inline bool no_args(const char* name, size_t nargs, Object* kwnames) {
  if (!no_kwargs(name, kwnames)) return false;
  if (nargs != 0) {
    set_error_fmt(&kTypeErrorType, "str.%s() takes no arguments (%d given)", name,
                  static_cast<int>(nargs));
    return false;
  }
  return true;
}

// Argument Clinic style: "strip expected at most 1 argument, got 2".
inline bool nargs_range(const char* name, size_t nargs, size_t min, size_t max, Object* kwnames) {
  if (!no_kwargs(name, kwnames)) return false;
  if (nargs < min) {
    set_error_fmt(&kTypeErrorType, "%s expected at least %d argument%s, got %d", name,
                  static_cast<int>(min), min == 1 ? "" : "s", static_cast<int>(nargs));
    return false;
  }
  if (nargs > max) {
    set_error_fmt(&kTypeErrorType, "%s expected at most %d argument%s, got %d", name,
                  static_cast<int>(max), max == 1 ? "" : "s", static_cast<int>(nargs));
    return false;
  }
  return true;
}

// For methods whose arguments may be keywords: CPython's getargs wording.
inline bool max_positional(const char* name, size_t nargs, size_t max) {
  if (nargs <= max) return true;
  set_error_fmt(&kTypeErrorType, "%s() takes at most %d argument%s (%d given)", name,
                static_cast<int>(max), max == 1 ? "" : "s", static_cast<int>(nargs));
  return false;
}

inline bool one_arg(const char* qualname, size_t nargs, Object* kwnames) {
  if (!no_kwargs(qualname, kwnames)) return false;
  if (nargs != 1) {
    set_error_fmt(&kTypeErrorType, "%s() takes exactly one argument (%d given)", qualname,
                  static_cast<int>(nargs));
    return false;
  }
  return true;
}

inline bool index_arg(Object* o, ssize_t* out) {
  if (!int_check(o) && (o->type->number == nullptr || o->type->number->index == nullptr)) {
    set_error_fmt(&kTypeErrorType, "'%s' object cannot be interpreted as an integer",
                  type_name(o));
    return false;
  }
  *out = index_as_ssize(o);
  return !(*out == -1 && has_error());
}


// Decodes the code point starting at byte i (or ending before byte i).
inline uint32_t cp_at(std::string_view v, ssize_t i, int* n) { return unicode::utf8_decode(v.data() + i, n); }
inline uint32_t cp_before(std::string_view v, ssize_t i, int* n) {
  ssize_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(v[j]) & 0xC0) == 0x80) --j;
  return unicode::utf8_decode(v.data() + j, n);
}

}  // namespace conch::vm::str_args
