// Argument checking, byte classes and bytes-like access shared by bytes.cc,
// bytes_methods.cc and bytearray.cc.  Messages are worded as CPython's.
// Internal.
//
// The methods in bytes_methods.cc serve both bytes and bytearray: they read
// self and their bytes-like arguments through BytesView (a bytes object is
// borrowed, a bytearray copied under its critical section, since another
// thread -- or an __index__ the method calls -- may resize it) and build
// results with like_self (bytes for bytes, bytearray for bytearray).
#pragma once

#include <string>
#include <string_view>

#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/bytearray.h"

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

inline bool bytes_like_check(const Object* o) { return bytes_check(o) || bytearray_check(o); }

// The contents of a bytes-like object (bytes or bytearray; no memoryview
// yet) for the length of one operation: a bytes object's buffer is
// borrowed (immutable), a bytearray's is copied under its critical section.
// Not copyable: the view may point into the object's own copy.
class BytesView {
 public:
  BytesView() = default;
  explicit BytesView(Object* o) { assign(o); }
  BytesView(const BytesView&) = delete;
  BytesView& operator=(const BytesView&) = delete;
  // False (no exception) when o is not bytes-like.
  bool assign(Object* o) {
    if (bytes_check(o)) {
      view_ = bytes_view(o);
      return true;
    }
    if (!bytearray_check(o)) return false;
    bytearray_snapshot(o, &copy_);
    view_ = copy_;
    return true;
  }
  std::string_view get() const { return view_; }

 private:
  std::string copy_;
  std::string_view view_;
};

// A bytes-like argument's contents, or TypeError.
inline bool buffer_arg(Object* o, BytesView* out) {
  if (out->assign(o)) return true;
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

// A result of self's flavour: bytes for bytes (and its subclasses, as
// CPython), a new bytearray for bytearray.
inline Object* like_self(Object* self, std::string_view v) {
  return bytearray_check(self) ? bytearray_from(v) : bytes_from(v);
}

// self unchanged: exact bytes is returned itself, anything else copied.
inline Object* self_or_copy(Object* self, std::string_view v) {
  if (self->type == &kBytesType) return new_ref(self);
  return like_self(self, v);
}

// repr() of bytes with contents v: b'...' with CPython's quoting;
// escape_single for bytearray's variant.  bytes.cc.
std::string repr_text(std::string_view v, bool escape_single = false);

// Appends the ints of iterable src (each in range(256), else ValueError
// range_msg) to out.  bytes(iterable) and bytearray(iterable).  bytes.cc.
bool ints_to_bytes(Object* src, const char* range_msg, std::string* out);

}  // namespace conch::vm::bytes_args
