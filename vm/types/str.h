// str: the object layout and helpers shared by the str and bytes files.
// Other parts of the VM use vm/types.h.
//
// Files: str.cc (allocation, singletons, interning, hash, indexing, slots,
// iterators, the type), str_methods.cc (search/split/join/strip/replace),
// str_case.cc (case mapping, classification, padding, translate),
// str_format.cc (repr, __format__, % and str.format), str_codec.cc
// (utf-8/ascii/latin-1), unicode.cc (character database, generated from
// CPython by unicode_gen.py), bytes.cc / bytes_methods.cc (bytes).
//
// Layout (one allocation for exact str):
//   StrObject header | data bytes (UTF-8) | NUL
// `data` points just past the header for exact str; for instances of str
// subclasses it points to a separate raw buffer, so a subclass may put its
// __dict__ at basicsize like any fixed-size type.
//
// Invariants
//   * data holds valid (generalised: lone surrogates allowed) UTF-8, nbytes
//     long, followed by a NUL; it never changes after construction.
//   * length is the number of code points; ascii == (length == nbytes).
//   * hash is -1 until first computed; written with relaxed atomics (every
//     thread computes the same value, so a race only repeats work).
//   * Code point access for non-ASCII strings goes through `index`, built
//     lazily on first random access: the byte offset of every kIndexStride-th
//     code point (an 8-byte entry per 32 code points).  s[i] then scans at
//     most 31 code points.  Built once, published by compare-exchange, freed
//     with the string.  Iteration never needs it (iterators keep a byte
//     offset).
//   * The empty string and the 256 one-code-point strings U+0000..U+00FF are
//     immortal singletons; the interned table maps text to immortal strings.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

struct StrObject : Object {
  ssize_t nbytes;
  ssize_t length;  // code points
  std::atomic<hash_t> hash;
  std::atomic<ssize_t*> index;  // non-ASCII only, lazily built
  char* data;
  bool ascii;
  bool interned;
};

inline constexpr ssize_t kIndexStride = 32;

inline StrObject* as_str(Object* o) { return static_cast<StrObject*>(o); }
inline const StrObject* as_str(const Object* o) { return static_cast<const StrObject*>(o); }

// Allocates an exact str of `nbytes` bytes (contents uninitialised, NUL
// written) whose code point count will be `length`.  Fill data, then use.
Object* str_alloc(ssize_t nbytes, ssize_t length);
// As str_from, with the code point count already known (skips counting).
Object* str_from_known(std::string_view utf8, ssize_t length);
// std::string to str, counting code points.
inline Object* str_from_string(const std::string& s) { return str_from(s); }
// Allocates an instance of `type` (a str subclass) holding a copy of `s`.
Object* str_subtype_new(Type* type, Object* s);
// The immortal empty string / one-character string (cp < 256), borrowed.
Object* str_empty();
Object* str_latin1_char(uint32_t cp);

// Byte offset of code point i (0 <= i <= length).
ssize_t str_byte_offset(Object* s, ssize_t i);
// Code point at index i (0 <= i < length).
uint32_t str_char_at(Object* s, ssize_t i);
// The substring of code points [start, stop) as a new str (shares nothing).
Object* str_substr(Object* s, ssize_t start, ssize_t stop);
// Code point index of a byte offset.
ssize_t str_cp_index(Object* s, ssize_t byte_offset);

// repr() text of a str: CPython quoting.
std::string str_repr_text(std::string_view utf8, bool ascii_only);

// Encoding and decoding (utf-8, ascii, latin-1; aliases as CPython).
// Returns nullptr with LookupError "unknown encoding: x" or the
// UnicodeError the codec raises.
Object* str_encode(Object* s, std::string_view encoding, std::string_view errors);
Object* str_decode(std::string_view data, std::string_view encoding, std::string_view errors);

// bytes % args (PEP 461), sharing str's %-engine (str_format.cc).
Object* bytes_mod_format(Object* fmt, Object* args);
// str.format(*args, **kwargs) and str.format_map(mapping) (str_format.cc).
Object* str_method_format(Object* fmt, Object* const* args, size_t nargs, Object* kwnames);
Object* str_method_format_map(Object* fmt, Object* mapping);

// The keyed hash (SipHash-1-3, per-process key) over raw bytes; bytes uses it.
hash_t hash_bytes(std::string_view data);

// The interned name "__bytes__" (looked up by bytes() and b'%s').
inline Object* bytes_dunder_name() {
  static Object* const name = str_intern("__bytes__");
  return name;
}

// Method tables defined in str_methods.cc and str_case.cc; init_str_types
// installs their concatenation.
extern const MethodDef kStrMethods[];
extern const MethodDef kStrCaseMethods[];

// bytes internals used by str (bytes.cc).
extern Type kBytesIterType;
Object* bytes_alloc(ssize_t n, char** data);  // contents uninitialised
extern const MethodDef kBytesMethods[];       // bytes_methods.cc

}  // namespace conch::vm
