// _json: the C++ half of vm/lib/json: the hot paths of encoding and decoding.
//
// encode_basic(obj, ensure_ascii, allow_nan, item_separator, key_separator)
// returns the JSON text of obj when obj is built only from exact dict, list,
// tuple, str, int, float, bool and None with str/int/float/bool/None keys,
// and None otherwise: the Python encoder (vm/lib/json/encoder.py) then
// redoes the work and handles everything else -- default(), skipkeys,
// circular references, NaN with allow_nan=False -- with CPython's messages.
// So this file never raises an encoding error of its own; it only has to
// produce CPython's bytes for the cases it accepts.
//
// decode_basic(s) parses a whole document the same way: (value,) or None,
// and on None the Python scanner re-parses and raises CPython's error.
//
// Thread safety: lists are snapshotted with list_as_tuple and dicts walked
// with dict_next_hashed_ref (both take the container's critical section in
// the free-threaded build), so another thread's mutation cannot tear a read.
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/modules/stdlib.h"
#include "vm/types.h"
#include "vm/types/dict.h"
#include "vm/types/float.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace conch::vm {

namespace {

// Nesting beyond this goes to the Python encoder, which detects cycles.
constexpr int kMaxDepth = 200;

enum class Status { kOk, kFallback, kError };

struct Encoder {
  bool ensure_ascii;
  bool allow_nan;
  std::string_view item_sep;
  std::string_view key_sep;
  std::string out;

  void hex4(uint32_t u) {
    static const char kHex[] = "0123456789abcdef";
    char buf[6] = {'\\', 'u', kHex[(u >> 12) & 15], kHex[(u >> 8) & 15], kHex[(u >> 4) & 15],
                   kHex[u & 15]};
    out.append(buf, 6);
  }

  // One code point that must be escaped as \uXXXX (a pair above U+FFFF).
  void escape_cp(uint32_t cp) {
    if (cp > 0xFFFF) {
      cp -= 0x10000;
      hex4(0xD800 | (cp >> 10));
      hex4(0xDC00 | (cp & 0x3FF));
    } else {
      hex4(cp);
    }
  }

  // Decodes the (generalised) UTF-8 sequence at s[i], advancing i.
  static uint32_t decode_utf8(std::string_view s, size_t* i) {
    unsigned char c = static_cast<unsigned char>(s[*i]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t cp = extra == 3 ? (c & 7u) : extra == 2 ? (c & 15u) : extra == 1 ? (c & 31u) : c;
    size_t j = *i + 1;
    for (int k = 0; k < extra && j < s.size(); ++k, ++j) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[j]) & 63u);
    }
    *i = j;
    return cp;
  }

  void string(Object* s) {
    std::string_view text(as_str(s)->data, static_cast<size_t>(as_str(s)->nbytes));
    out.push_back('"');
    size_t run = 0;  // start of the pending run copied verbatim
    size_t i = 0;
    while (i < text.size()) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      bool plain = c >= 0x20 && c != '"' && c != '\\' && (!ensure_ascii || c < 0x7F);
      if (plain) {
        ++i;
        continue;
      }
      out.append(text.substr(run, i - run));
      if (c >= 0x80) {
        escape_cp(decode_utf8(text, &i));
      } else {
        ++i;
        switch (c) {
          case '"': out.append("\\\""); break;
          case '\\': out.append("\\\\"); break;
          case '\n': out.append("\\n"); break;
          case '\r': out.append("\\r"); break;
          case '\t': out.append("\\t"); break;
          case '\b': out.append("\\b"); break;
          case '\f': out.append("\\f"); break;
          default: hex4(c); break;
        }
      }
      run = i;
    }
    out.append(text.substr(run));
    out.push_back('"');
  }

  Status integer(Object* o) {
    if (int_is_small(o)) {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, int_small_value(o));
      out.append(buf, r.ptr);
      return Status::kOk;
    }
    Ref<> text = steal(repr(o));
    if (!text) return Status::kError;
    out.append(as_str(text.get())->data, static_cast<size_t>(as_str(text.get())->nbytes));
    return Status::kOk;
  }

  Status floating(double v) {
    if (v != v || v == HUGE_VAL || v == -HUGE_VAL) {
      if (!allow_nan) return Status::kFallback;  // Python raises the ValueError
      out.append(v != v ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
      return Status::kOk;
    }
    out.append(double_to_string(v, 'r', 0, false, true));
    return Status::kOk;
  }

  // None, bools, exact int/float/str; kFallback for anything else.
  Status scalar(Object* o) {
    if (o == kNone) {
      out.append("null");
    } else if (bool_check(o)) {
      out.append(o == kTrue ? "true" : "false");
    } else if (str_check_exact(o)) {
      string(o);
    } else if (int_check_exact(o)) {
      return integer(o);
    } else if (o->type == &kFloatType) {
      return floating(float_value(o));
    } else {
      return Status::kFallback;
    }
    return Status::kOk;
  }

  Status key(Object* k) {
    if (str_check_exact(k)) {
      string(k);
      return Status::kOk;
    }
    out.push_back('"');
    Status s = scalar(k);
    out.push_back('"');
    return s;
  }

  Status sequence(Object* tuple, int depth) {
    ssize_t n = tuple_size_fast(tuple);
    if (n == 0) {
      out.append("[]");
      return Status::kOk;
    }
    out.push_back('[');
    for (ssize_t i = 0; i < n; ++i) {
      if (i > 0) out.append(item_sep);
      Status s = value(tuple_items_fast(tuple)[i], depth + 1);
      if (s != Status::kOk) return s;
    }
    out.push_back(']');
    return Status::kOk;
  }

  Status mapping(Object* d, int depth) {
    if (dict_used(d) == 0) {
      out.append("{}");
      return Status::kOk;
    }
    out.push_back('{');
    ssize_t pos = 0;
    Object* k;
    Object* v;
    hash_t h;
    bool first = true;
    while (dict_next_hashed_ref(d, &pos, &k, &v, &h)) {
      Ref<> key_ref = steal(k);
      Ref<> value_ref = steal(v);
      if (!first) out.append(item_sep);
      first = false;
      Status s = key(k);
      if (s != Status::kOk) return s;
      out.append(key_sep);
      s = value(v, depth + 1);
      if (s != Status::kOk) return s;
    }
    out.push_back('}');
    return Status::kOk;
  }

  Status value(Object* o, int depth) {
    if (depth > kMaxDepth) return Status::kFallback;
    if (dict_check_exact(o)) return mapping(o, depth);
    if (list_check_exact(o)) {
      Ref<> snapshot = steal(list_as_tuple(o));
      if (!snapshot) return Status::kError;
      return sequence(snapshot.get(), depth);
    }
    if (tuple_check_exact(o)) return sequence(o, depth);
    return scalar(o);
  }
};

// ---------------------------------------------------------------------------
// The decoder's fast path: a whole document with the default hooks.  Works
// on the UTF-8 bytes; any irregularity (bad syntax, control characters,
// deep nesting) returns kFallback and the Python scanner re-parses to raise
// the error CPython raises, at CPython's (code point) position.

struct Decoder {
  std::string_view s;
  size_t i = 0;
  std::string buf;  // scratch for strings with escapes

  void skip_ws() {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  }

  bool hex4(uint32_t* out) {
    if (i + 4 > s.size()) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s[i + k];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<uint32_t>(d);
    }
    i += 4;
    *out = v;
    return true;
  }

  void put_utf8(uint32_t cp) {
    if (cp < 0x80) {
      buf.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      buf.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      buf.push_back(static_cast<char>(0x80 | (cp & 63)));
    } else if (cp < 0x10000) {
      buf.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      buf.push_back(static_cast<char>(0x80 | ((cp >> 6) & 63)));
      buf.push_back(static_cast<char>(0x80 | (cp & 63)));
    } else {
      buf.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      buf.push_back(static_cast<char>(0x80 | ((cp >> 12) & 63)));
      buf.push_back(static_cast<char>(0x80 | ((cp >> 6) & 63)));
      buf.push_back(static_cast<char>(0x80 | (cp & 63)));
    }
  }

  // One escape after a backslash (s[i] is the character after it).
  bool escape() {
    char e = s[i++];
    switch (e) {
      case '"': buf.push_back('"'); return true;
      case '\\': buf.push_back('\\'); return true;
      case '/': buf.push_back('/'); return true;
      case 'b': buf.push_back('\b'); return true;
      case 'f': buf.push_back('\f'); return true;
      case 'n': buf.push_back('\n'); return true;
      case 'r': buf.push_back('\r'); return true;
      case 't': buf.push_back('\t'); return true;
      case 'u': break;
      default: return false;
    }
    uint32_t cp;
    if (!hex4(&cp)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u') {
      size_t save = i;
      i += 2;
      uint32_t low;
      if (!hex4(&low)) return false;
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + (((cp - 0xD800) << 10) | (low - 0xDC00));
      } else {
        i = save;
      }
    }
    put_utf8(cp);
    return true;
  }

  // s[i] is just past the opening quote.
  Object* string() {
    size_t start = i;
    while (i < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '"') {
        Object* r = str_from(s.substr(start, i - start));
        ++i;
        return r;
      }
      if (c == '\\' ) break;
      if (c < 0x20) return nullptr;
      ++i;
    }
    buf.assign(s.substr(start, i - start));
    while (i < s.size()) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '"') {
        ++i;
        return str_from(buf);
      }
      if (c < 0x20) return nullptr;
      if (c == '\\') {
        ++i;
        if (i >= s.size() || !escape()) return nullptr;
      } else {
        buf.push_back(static_cast<char>(c));
        ++i;
      }
    }
    return nullptr;
  }

  bool digit(size_t k) const { return k < s.size() && s[k] >= '0' && s[k] <= '9'; }

  Object* number() {
    size_t start = i;
    if (s[i] == '-') ++i;
    if (!digit(i)) return nullptr;
    if (s[i] == '0') {
      ++i;
    } else {
      while (digit(i)) ++i;
    }
    bool is_float = false;
    if (i + 1 < s.size() && s[i] == '.' && digit(i + 1)) {
      i += 2;
      while (digit(i)) ++i;
      is_float = true;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
      size_t j = i + 1;
      if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
      if (digit(j)) {
        while (digit(j)) ++j;
        i = j;
        is_float = true;
      }
    }
    std::string_view text = s.substr(start, i - start);
    if (is_float) {
      double v;
      if (!float_parse(text, &v)) return nullptr;
      return float_from(v);
    }
    if (text.size() <= 18) {
      int64_t v = 0;
      std::from_chars(text.data(), text.data() + text.size(), v);
      return int_from_i64(v);
    }
    return int_from_string(text, 10);
  }

  bool literal(std::string_view word) {
    if (s.substr(i, word.size()) != word) return false;
    i += word.size();
    return true;
  }

  Object* array(int depth) {
    Ref<> list = steal(list_new(0));
    if (!list) return nullptr;
    skip_ws();
    if (i < s.size() && s[i] == ']') {
      ++i;
      return list.release();
    }
    for (;;) {
      Ref<> item = steal(value(depth + 1));
      if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
      skip_ws();
      if (i >= s.size()) return nullptr;
      char c = s[i++];
      if (c == ']') return list.release();
      if (c != ',') return nullptr;
      skip_ws();
    }
  }

  Object* object(int depth) {
    Ref<> dict = steal(dict_new());
    if (!dict) return nullptr;
    skip_ws();
    if (i < s.size() && s[i] == '}') {
      ++i;
      return dict.release();
    }
    for (;;) {
      if (i >= s.size() || s[i] != '"') return nullptr;
      ++i;
      Ref<> key = steal(string());
      if (!key) return nullptr;
      skip_ws();
      if (i >= s.size() || s[i] != ':') return nullptr;
      ++i;
      skip_ws();
      Ref<> item = steal(value(depth + 1));
      if (!item) return nullptr;
      hash_t h = dict_key_hash(key.get());
      if (dict_set_item_hashed(dict.get(), key.get(), h, item.get()) < 0) return nullptr;
      skip_ws();
      if (i >= s.size()) return nullptr;
      char c = s[i++];
      if (c == '}') return dict.release();
      if (c != ',') return nullptr;
      skip_ws();
    }
  }

  // A value at s[i]; null means "let Python parse it" (or a real error:
  // the caller tells them apart with has_error()).
  Object* value(int depth) {
    if (i >= s.size() || depth > kMaxDepth) return nullptr;
    switch (s[i]) {
      case '"': ++i; return string();
      case '{': ++i; return object(depth);
      case '[': ++i; return array(depth);
      case 'n': return literal("null") ? new_none() : nullptr;
      case 't': return literal("true") ? new_ref(kTrue) : nullptr;
      case 'f': return literal("false") ? new_ref(kFalse) : nullptr;
      default: break;
    }
    if (s[i] == '-' || (s[i] >= '0' && s[i] <= '9')) return number();
    return nullptr;  // NaN, Infinity and errors: Python's scanner
  }
};

// decode_basic(s): (value,) for a whole well-formed document, else None.
Object* json_decode_basic(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("decode_basic", nargs, 1, 1, kwnames)) return nullptr;
  if (!str_check(args[0])) return new_none();
  Decoder dec;
  dec.s = std::string_view(as_str(args[0])->data, static_cast<size_t>(as_str(args[0])->nbytes));
  dec.skip_ws();
  Ref<> v = steal(dec.value(0));
  if (!v) {
    if (has_error()) return nullptr;
    return new_none();
  }
  dec.skip_ws();
  if (dec.i != dec.s.size()) return new_none();
  return tuple_pack({v.get()});
}

bool separator(Object* o, std::string_view* out) {
  if (!str_check(o)) return false;
  *out = std::string_view(as_str(o)->data, static_cast<size_t>(as_str(o)->nbytes));
  return true;
}

Object* json_encode_basic(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("encode_basic", nargs, 5, 5, kwnames)) return nullptr;
  Encoder enc;
  int ascii = is_true(args[1]);
  int nan = is_true(args[2]);
  if (ascii < 0 || nan < 0) return nullptr;
  enc.ensure_ascii = ascii != 0;
  enc.allow_nan = nan != 0;
  if (!separator(args[3], &enc.item_sep) || !separator(args[4], &enc.key_sep)) {
    return new_none();
  }
  switch (enc.value(args[0], 0)) {
    case Status::kOk: return str_from(enc.out);
    case Status::kFallback: return new_none();
    case Status::kError: break;
  }
  return nullptr;
}

const MethodDef kFunctions[] = {
    {"encode_basic", json_encode_basic, kMethodDefault,
     "encode_basic(obj, ensure_ascii, allow_nan, item_separator, key_separator)\n\n"
     "JSON text of obj, or None if obj needs the Python encoder."},
    {"decode_basic", json_decode_basic, kMethodDefault,
     "decode_basic(s)\n\n"
     "(value,) for a well-formed JSON document s, or None if it needs the Python scanner."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* init_json_module() {
  Ref<> m = steal(module_new("_json"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kFunctions) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
