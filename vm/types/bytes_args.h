// Argument checking and byte classes shared by bytes.cc and
// bytes_methods.cc.  Messages are worded as CPython's.  Internal.
#pragma once

#include <string>
#include <string_view>

#include "vm/errors.h"
#include "vm/types.h"

namespace conch::vm::bytes_args {

inline bool is_bspace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}
inline bool is_blower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool is_bupper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_bdigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_balpha(unsigned char c) { return is_blower(c) || is_bupper(c); }

inline bool has_index(Object* o) {
  return int_check(o) || (o->type->number != nullptr && o->type->number->index != nullptr);
}

// A bytes-like argument's view (bytes only: bytearray/memoryview do not exist yet).
inline bool buffer_arg(Object* o, std::string_view* out) {
  if (bytes_check(o)) {
    *out = bytes_view(o);
    return true;
  }
  set_error_fmt(&kTypeErrorType, "a bytes-like object is required, not '%s'", type_name(o));
  return false;
}

inline bool index_arg(Object* o, ssize_t* out) {
  if (!has_index(o)) {
    set_error_fmt(&kTypeErrorType, "'%s' object cannot be interpreted as an integer",
                  type_name(o));
    return false;
  }
  *out = index_as_ssize(o);
  return !(*out == -1 && has_error());
}

inline bool no_kwargs(const char* name, Object* kw) {
  if (kw != nullptr && tuple_size(kw) > 0) {
    set_error_fmt(&kTypeErrorType, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

inline bool nargs_range(const char* name, size_t nargs, size_t min, size_t max, Object* kw) {
  if (!no_kwargs(name, kw)) return false;
  if (nargs < min || nargs > max) {
    set_error_fmt(&kTypeErrorType, "%s expected %s %d argument%s, got %d", name,
                  nargs < min ? "at least" : "at most", static_cast<int>(nargs < min ? min : max),
                  (nargs < min ? min : max) == 1 ? "" : "s", static_cast<int>(nargs));
    return false;
  }
  return true;
}

inline bool max_positional(const char* name, size_t nargs, size_t max) {
  if (nargs <= max) return true;
  set_error_fmt(&kTypeErrorType, "%s() takes at most %d argument%s (%d given)", name,
                static_cast<int>(max), max == 1 ? "" : "s", static_cast<int>(nargs));
  return false;
}

inline Object* new_bytes(const std::string& s) { return bytes_from(s); }

inline Object* self_or_copy(Object* self) {
  if (self->type == &kBytesType) return new_ref(self);
  return bytes_from(bytes_view(self));
}

}  // namespace conch::vm::bytes_args
