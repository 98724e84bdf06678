// Text formatting for str: repr quoting, the str format-spec (__format__),
// printf-style `fmt % args`, and str.format / format_map.  Numbers are
// rendered by the numbers engineer's helpers (vm/types/numfmt.h); this file
// only parses, fetches arguments and pads.
#include <cstring>
#include <string>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/thread_state.h"
#include "vm/types/bytearray.h"
#include "vm/types/numfmt.h"
#include "vm/types/str.h"
#include "vm/types/unicode.h"

namespace conch::vm {

// ---------------------------------------------------------------------------
// repr.

namespace {

const char kHex[] = "0123456789abcdef";

void append_escape(std::string* out, char kind, uint32_t cp, int digits) {
  out->push_back('\\');
  out->push_back(kind);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out->push_back(kHex[(cp >> shift) & 0xF]);
}

}  // namespace

std::string str_repr_text(std::string_view v, bool ascii_only) {
  bool has_single = v.find('\'') != std::string_view::npos;
  bool has_double = v.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out;
  out.reserve(v.size() + 2);
  out.push_back(quote);
  int len;
  for (size_t i = 0; i < v.size(); i += len) {
    uint32_t c = unicode::utf8_decode(v.data() + i, &len);
    if (c == static_cast<uint32_t>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c == 0x7F) {
      append_escape(&out, 'x', c, 2);
    } else if (c < 0x7F) {
      out.push_back(static_cast<char>(c));
    } else if (!ascii_only && unicode::is_printable(c)) {
      out.append(v.substr(i, len));
    } else if (c <= 0xFF) {
      append_escape(&out, 'x', c, 2);
    } else if (c <= 0xFFFF) {
      append_escape(&out, 'u', c, 4);
    } else {
      append_escape(&out, 'U', c, 8);
    }
  }
  out.push_back(quote);
  return out;
}

// ---------------------------------------------------------------------------
// format(str, spec).

namespace {

struct StrSpec {
  uint32_t fill = ' ';
  char align = '<';
  ssize_t width = -1;
  ssize_t precision = -1;
};

bool parse_decimal(std::string_view s, size_t* i, ssize_t* out) {
  ssize_t v = 0;
  size_t start = *i;
  while (*i < s.size() && s[*i] >= '0' && s[*i] <= '9') {
    if (v > (PTRDIFF_MAX - 9) / 10) {
      set_error(&kValueErrorType, "Too many decimal digits in format string");
      return false;
    }
    v = v * 10 + (s[*i] - '0');
    ++*i;
  }
  *out = *i > start ? v : -1;
  return true;
}

bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

bool parse_str_spec(std::string_view spec, Object* spec_obj, StrSpec* out) {
  size_t i = 0;
  int len0 = 0;
  uint32_t first = spec.empty() ? 0 : unicode::utf8_decode(spec.data(), &len0);
  bool align_given = false, fill_given = false;
  if (spec.size() > static_cast<size_t>(len0) && is_align(static_cast<unsigned char>(spec[len0]))) {
    out->fill = first;
    out->align = spec[len0];
    i = len0 + 1;
    align_given = fill_given = true;
  } else if (!spec.empty() && is_align(first)) {
    out->align = static_cast<char>(first);
    i = 1;
    align_given = true;
  }
  char sign = 0;
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) sign = spec[i++];
  bool z = false, alt = false;
  if (i < spec.size() && spec[i] == 'z') z = true, ++i;
  if (i < spec.size() && spec[i] == '#') alt = true, ++i;
  if (i < spec.size() && spec[i] == '0') {
    if (!fill_given) out->fill = '0';
    ++i;
  }
  if (!parse_decimal(spec, &i, &out->width)) return false;
  char grouping = 0;
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) grouping = spec[i++];
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    if (!parse_decimal(spec, &i, &out->precision)) return false;
    if (out->precision < 0) {
      set_error(&kValueErrorType, "Format specifier missing precision");
      return false;
    }
  }
  if (spec.size() - i > 1) {
    set_error_fmt(&kValueErrorType, "Invalid format specifier '%s' for object of type 'str'",
                  std::string(spec));
    return false;
  }
  if (i < spec.size() && spec[i] != 's') {
    set_error_fmt(&kValueErrorType, "Unknown format code '%c' for object of type 'str'",
                  spec[i]);
    return false;
  }
  (void)spec_obj;
  (void)align_given;
  if (sign == ' ') {
    set_error(&kValueErrorType, "Space not allowed in string format specifier");
    return false;
  }
  if (sign != 0) {
    set_error(&kValueErrorType, "Sign not allowed in string format specifier");
    return false;
  }
  if (z) {
    set_error(&kValueErrorType,
              "Negative zero coercion (z) not allowed in string format specifier");
    return false;
  }
  if (alt) {
    set_error(&kValueErrorType, "Alternate form (#) not allowed in string format specifier");
    return false;
  }
  if (out->align == '=') {
    set_error(&kValueErrorType, "'=' alignment not allowed in string format specifier");
    return false;
  }
  if (grouping != 0) {
    set_error_fmt(&kValueErrorType, "Cannot specify '%c' with 's'.", grouping);
    return false;
  }
  return true;
}

// Pads text (of `length` code points) to width with fill/align.
std::string pad_text(std::string_view text, ssize_t length, ssize_t width, char align,
                     uint32_t fill) {
  if (width <= length) return std::string(text);
  ssize_t total = width - length, left = 0;
  if (align == '>') left = total;
  if (align == '^') left = total / 2;
  char buf[4];
  int flen = unicode::utf8_encode(fill, buf);
  std::string out;
  for (ssize_t k = 0; k < left; ++k) out.append(buf, flen);
  out.append(text);
  for (ssize_t k = left; k < total; ++k) out.append(buf, flen);
  return out;
}

}  // namespace

Object* str_format_spec(Object* s, Object* spec_obj) {
  std::string_view spec = str_view(spec_obj);
  if (spec.empty()) return str_check_exact(s) ? new_ref(s) : str_from(str_view(s));
  StrSpec spec_v;
  if (!parse_str_spec(spec, spec_obj, &spec_v)) return nullptr;
  ssize_t length = str_length(s);
  std::string_view text = str_view(s);
  if (spec_v.precision >= 0 && spec_v.precision < length) {
    text = text.substr(0, str_byte_offset(s, spec_v.precision));
    length = spec_v.precision;
  }
  if (spec_v.width <= length && text.size() == str_view(s).size() && str_check_exact(s))
    return new_ref(s);
  std::string out = pad_text(text, length, spec_v.width, spec_v.align, spec_v.fill);
  return str_from(out);
}

// ---------------------------------------------------------------------------
// printf-style formatting: fmt % args.

namespace {

struct ModState {
  Object* args;       // the current argument source
  ssize_t arglen;     // tuple length, or -1 for a single object
  ssize_t argidx;
  Object* dict;       // mapping for %(key)s, or null
  Ref<> key_value;    // keeps a %(key) value alive
  bool bytes_mode = false;
};

Object* next_arg(ModState* st) {
  if (st->argidx < st->arglen) {
    ssize_t i = st->argidx++;
    return st->arglen < 0 ? st->args : tuple_get(st->args, i);
  }
  set_error(&kTypeErrorType, "not enough arguments for format string");
  return nullptr;
}

bool has_slot_index(Object* o) {
  return int_check(o) || (o->type->number != nullptr && o->type->number->index != nullptr);
}

bool star_arg(ModState* st, long* out) {
  Object* v = next_arg(st);
  if (v == nullptr) return false;
  if (!int_check(v)) {
    set_error(&kTypeErrorType, "* wants int");
    return false;
  }
  int64_t x;
  if (!int_to_i64(v, &x) || x > INT32_MAX || x < INT32_MIN) {
    set_error(&kOverflowErrorType, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<long>(x);
  return true;
}

// %d %i %u: any real number, converted with int().
Object* int_for_d(Object* v, char conv) {
  if (int_check(v)) return new_ref(v);
  if (conv == 'x' || conv == 'X' || conv == 'o') {
    if (!has_slot_index(v)) {
      set_error_fmt(&kTypeErrorType, "%%%c format: an integer is required, not %s", conv,
                    type_name(v));
      return nullptr;
    }
    return number_index(v);
  }
  if (float_check(v)) return int_from_double(float_value(v));
  NumberMethods* nb = v->type->number;
  if (nb != nullptr && nb->index != nullptr) return number_index(v);
  if (nb != nullptr && nb->to_int != nullptr) return nb->to_int(v);
  if (nb != nullptr && nb->to_float != nullptr) {
    double d = number_as_double(v);
    if (d == -1.0 && has_error()) return nullptr;
    return int_from_double(d);
  }
  set_error_fmt(&kTypeErrorType, "%%%c format: a real number is required, not %s", conv,
                type_name(v));
  return nullptr;
}

bool is_real(Object* v) {
  if (int_check(v) || float_check(v)) return true;
  NumberMethods* nb = v->type->number;
  return nb != nullptr && (nb->to_float != nullptr || nb->index != nullptr);
}

// bytes % args: %s/%b take bytes (or __bytes__), %r/%a give ascii(), %c a
// byte.  Numbers are shared with str.
bool format_one_bytes(Object* v, PrintfSpec& ps, std::string* out) {
  std::string text;
  char c = ps.conv;
  if (c == 's' || c == 'b') {
    Ref<> b;
    if (bytes_check(v)) {
      b = borrow(v);
    } else if (bytearray_check(v)) {  // a copy: the bytearray may change meanwhile
      std::string copy;
      bytearray_snapshot(v, &copy);
      b = steal(bytes_from(copy));
      if (!b) return false;
    } else if (Object* m = type_lookup(v->type, bytes_dunder_name())) {
      b = steal(call_args(m, {v}));
      if (!b) return false;
      if (!bytes_check(b.get())) {
        set_error_fmt(&kTypeErrorType, "__bytes__ returned non-bytes (type %s)",
                      type_name(b.get()));
        return false;
      }
    } else {
      set_error_fmt(&kTypeErrorType,
                    "%%b requires a bytes-like object, or an object that implements "
                    "__bytes__, not '%s'",
                    type_name(v));
      return false;
    }
    text = std::string(bytes_view(b.get()));
  } else if (c == 'r' || c == 'a') {
    Ref<> r = steal(ascii(v));
    if (!r) return false;
    text = std::string(str_view(r.get()));
  } else {  // 'c'
    if (bytes_check(v) && bytes_view(v).size() == 1) {
      text = std::string(bytes_view(v));
    } else if (has_slot_index(v)) {
      ssize_t x = index_as_ssize(v);
      if (x == -1 && has_error()) return false;
      if (x < 0 || x > 255) {
        set_error(&kOverflowErrorType, "%c arg not in range(256)");
        return false;
      }
      text.assign(1, static_cast<char>(x));
    } else {
      set_error(&kTypeErrorType, "%c requires an integer in range(256) or a single byte");
      return false;
    }
  }
  if (ps.precision >= 0 && c != 'c' && static_cast<size_t>(ps.precision) < text.size())
    text.resize(static_cast<size_t>(ps.precision));
  ssize_t len = static_cast<ssize_t>(text.size());
  out->append(pad_text(text, len, ps.width, ps.left ? '<' : '>', ' '));
  return true;
}

bool format_one(ModState* st, Object* v, PrintfSpec& ps, std::string* out) {
  char c = ps.conv;
  if (st->bytes_mode && (c == 's' || c == 'b' || c == 'r' || c == 'a' || c == 'c'))
    return format_one_bytes(v, ps, out);
  switch (c) {
    case 's':
    case 'r':
    case 'a': {
      Ref<> text = steal(c == 's' ? str(v) : c == 'r' ? repr(v) : ascii(v));
      if (!text) return false;
      ssize_t len = str_length(text.get());
      std::string_view t = str_view(text.get());
      if (ps.precision >= 0 && ps.precision < len) {
        t = t.substr(0, str_byte_offset(text.get(), ps.precision));
        len = ps.precision;
      }
      out->append(pad_text(t, len, ps.width, ps.left ? '<' : '>', ' '));
      return true;
    }
    case 'c': {
      uint32_t cp;
      if (str_check(v)) {
        if (str_length(v) != 1) {
          set_error(&kTypeErrorType, "%c requires int or char");
          return false;
        }
        cp = str_char_at(v, 0);
      } else if (has_slot_index(v)) {
        ssize_t x = index_as_ssize(v);
        if (x == -1 && has_error()) {
          if (!error_matches(&kOverflowErrorType)) return false;
          clear_error();
          x = -1;
        }
        if (x < 0 || x > 0x10FFFF) {
          set_error(&kOverflowErrorType, "%c arg not in range(0x110000)");
          return false;
        }
        cp = static_cast<uint32_t>(x);
      } else {
        set_error(&kTypeErrorType, "%c requires int or char");
        return false;
      }
      std::string one;
      unicode::utf8_append(&one, cp);
      out->append(pad_text(one, 1, ps.width, ps.left ? '<' : '>', ' '));
      return true;
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      Ref<> iv = steal(int_for_d(v, c));
      if (!iv) return false;
      if (c == 'i' || c == 'u') ps.conv = 'd';
      std::string s;
      if (!format_int_printf(iv.get(), ps, &s)) return false;
      out->append(s);
      return true;
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      if (!is_real(v)) {
        set_error_fmt(&kTypeErrorType, "must be real number, not %s", type_name(v));
        return false;
      }
      double d = float_check(v) ? float_value(v) : number_as_double(v);
      if (d == -1.0 && has_error()) return false;
      std::string s;
      if (!format_float_printf(d, ps, &s)) return false;
      out->append(s);
      return true;
    }
  }
  return false;
}

}  // namespace

namespace {

// The shared % engine; fmt is UTF-8 text (str) or raw bytes (bytes_mode).
bool mod_format(std::string_view fmt, Object* fmt_obj, Object* args, bool bytes_mode,
                std::string* result) {
  std::string& out = *result;
  ModState st;
  st.bytes_mode = bytes_mode;
  st.args = args;
  if (tuple_check(args)) {
    st.arglen = tuple_size(args);
    st.argidx = 0;
  } else {
    st.arglen = -1;
    st.argidx = -2;
  }
  st.dict = nullptr;
  if (!tuple_check(args) && !str_check(args) && !bytes_check(args) &&
      args->type->getitem != nullptr)
    st.dict = args;
  out.reserve(fmt.size() + 16);
  size_t i = 0, n = fmt.size();
  while (i < n) {
    size_t pct = fmt.find('%', i);
    if (pct == std::string_view::npos) {
      out.append(fmt.substr(i));
      break;
    }
    out.append(fmt.substr(i, pct - i));
    i = pct + 1;
    if (i < n && fmt[i] == '%') {
      out.push_back('%');
      ++i;
      continue;
    }
    Object* value = nullptr;
    if (i < n && fmt[i] == '(') {
      if (st.dict == nullptr) {
        set_error(&kTypeErrorType, "format requires a mapping");
        return false;
      }
      int depth = 1;
      size_t kstart = ++i;
      while (i < n && depth > 0) {
        if (fmt[i] == '(') ++depth;
        if (fmt[i] == ')') --depth;
        ++i;
      }
      if (depth > 0) {
        set_error(&kValueErrorType, "incomplete format key");
        return false;
      }
      std::string_view ktext = fmt.substr(kstart, i - 1 - kstart);
      Ref<> key = steal(bytes_mode ? bytes_from(ktext) : str_from(ktext));
      if (!key) return false;
      st.key_value = steal(getitem(st.dict, key.get()));
      if (!st.key_value) return false;
      st.args = st.key_value.get();
      st.arglen = -1;
      st.argidx = -2;
    }
    PrintfSpec ps;
    for (; i < n; ++i) {
      char f = fmt[i];
      if (f == '-') ps.left = true;
      else if (f == '+') ps.plus = true;
      else if (f == ' ') ps.space = true;
      else if (f == '#') ps.alt = true;
      else if (f == '0') ps.zero = true;
      else break;
    }
    if (i < n && fmt[i] == '*') {
      if (!star_arg(&st, &ps.width)) return false;
      if (ps.width < 0) {
        ps.left = true;
        ps.width = -ps.width;
      }
      ++i;
    } else {
      ssize_t w;
      if (!parse_decimal(fmt, &i, &w)) return false;
      ps.width = static_cast<long>(w);
    }
    if (i < n && fmt[i] == '.') {
      ++i;
      if (i < n && fmt[i] == '*') {
        if (!star_arg(&st, &ps.precision)) return false;
        if (ps.precision < 0) ps.precision = 0;
        ++i;
      } else {
        ssize_t p;
        if (!parse_decimal(fmt, &i, &p)) return false;
        if (p > INT32_MAX) {
          set_error(&kValueErrorType, "precision too big");
          return false;
        }
        ps.precision = p < 0 ? 0 : static_cast<long>(p);
      }
    }
    while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= n) {
      set_error(&kValueErrorType, "incomplete format");
      return false;
    }
    char conv = fmt[i];
    int clen = 1;
    uint32_t cp = bytes_mode ? static_cast<unsigned char>(conv)
                             : unicode::utf8_decode(fmt.data() + i, &clen);
    if (conv == '%') {
      out.push_back('%');
      ++i;
      continue;
    }
    const char* known = bytes_mode ? "sbradiuxXoeEfFgGc" : "sradiuxXoeEfFgGc";
    if (conv == '\0' || std::strchr(known, conv) == nullptr || cp >= 0x80) {
      ssize_t index = bytes_mode ? static_cast<ssize_t>(i)
                                 : str_cp_index(fmt_obj, static_cast<ssize_t>(i));
      set_error_fmt(&kValueErrorType, "unsupported format character '%c' (0x%x) at index %d",
                    cp >= 32 && cp < 127 ? static_cast<char>(cp) : '?', cp,
                    static_cast<int>(index));
      return false;
    }
    ++i;
    ps.conv = conv;
    value = next_arg(&st);
    if (value == nullptr) return false;
    if (!format_one(&st, value, ps, &out)) return false;
  }
  if (st.argidx < st.arglen && st.dict == nullptr) {
    set_error_fmt(&kTypeErrorType, "not all arguments converted during %s formatting",
                  bytes_mode ? "bytes" : "string");
    return false;
  }
  return true;
}

}  // namespace

Object* str_mod_format(Object* fmt, Object* args) {
  std::string out;
  if (!mod_format(str_view(fmt), fmt, args, false, &out)) return nullptr;
  return str_from(out);
}

Object* bytes_mod_format(Object* fmt, Object* args) {
  std::string out;
  if (!mod_format(bytes_view(fmt), fmt, args, true, &out)) return nullptr;
  return bytes_from(out);
}

// ---------------------------------------------------------------------------
// str.format and format_map.

namespace {

struct FormatArgs {
  Object* const* args = nullptr;
  size_t nargs = 0;
  Object* kwnames = nullptr;  // keyword values follow args[nargs..]
  Object* mapping = nullptr;  // format_map
  int auto_state = 0;         // 0 unknown, 1 automatic, 2 manual
  ssize_t auto_index = 0;
};

// Looks up the first part of a field name: a positional index or a keyword.
Object* lookup_first(FormatArgs* fa, std::string_view name) {
  bool numeric = !name.empty();
  for (char c : name) numeric &= c >= '0' && c <= '9';
  ssize_t index = -1;
  if (name.empty()) {
    if (fa->auto_state == 2) {
      set_error(&kValueErrorType,
                "cannot switch from manual field specification to automatic field numbering");
      return nullptr;
    }
    fa->auto_state = 1;
    index = fa->auto_index++;
  } else if (numeric) {
    if (fa->auto_state == 1) {
      set_error(&kValueErrorType,
                "cannot switch from automatic field numbering to manual field specification");
      return nullptr;
    }
    fa->auto_state = 2;
    size_t i = 0;
    if (!parse_decimal(name, &i, &index)) return nullptr;
  }
  if (index >= 0) {
    if (fa->mapping != nullptr) {
      set_error(&kValueErrorType, "Format string contains positional fields");
      return nullptr;
    }
    if (static_cast<size_t>(index) >= fa->nargs) {
      set_error_fmt(&kIndexErrorType,
                    "Replacement index %d out of range for positional args tuple",
                    static_cast<int>(index));
      return nullptr;
    }
    return new_ref(fa->args[index]);
  }
  if (fa->mapping != nullptr) {
    Ref<> key = steal(str_from(name));
    if (!key) return nullptr;
    return getitem(fa->mapping, key.get());
  }
  if (fa->kwnames != nullptr) {
    for (ssize_t k = 0; k < tuple_size(fa->kwnames); ++k)
      if (str_view(tuple_get(fa->kwnames, k)) == name) return new_ref(fa->args[fa->nargs + k]);
  }
  Ref<> key = steal(str_from(name));
  if (key) set_key_error(key.get());
  return nullptr;
}

// Resolves "name.attr[key]..." to an object.
Object* resolve_field(FormatArgs* fa, std::string_view field) {
  size_t i = 0;
  while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
  Ref<> obj = steal(lookup_first(fa, field.substr(0, i)));
  if (!obj) return nullptr;
  while (i < field.size()) {
    if (field[i] == '.') {
      size_t s = ++i;
      while (i < field.size() && field[i] != '.' && field[i] != '[') ++i;
      if (i == s) {
        set_error(&kValueErrorType, "Empty attribute in format string");
        return nullptr;
      }
      obj = steal(getattr_str(obj.get(), field.substr(s, i - s)));
    } else if (field[i] == '[') {
      size_t s = ++i;
      while (i < field.size() && field[i] != ']') ++i;
      if (i >= field.size()) {
        set_error(&kValueErrorType, "Missing ']' in format string");
        return nullptr;
      }
      std::string_view key = field.substr(s, i - s);
      ++i;
      if (key.empty()) {
        set_error(&kValueErrorType, "Empty attribute in format string");
        return nullptr;
      }
      if (i < field.size() && field[i] != '.' && field[i] != '[') {
        set_error(&kValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
        return nullptr;
      }
      bool numeric = true;
      for (char c : key) numeric &= c >= '0' && c <= '9';
      Ref<> k = steal(numeric ? int_from_string(key, 10) : str_from(key));
      if (!k) return nullptr;
      obj = steal(getitem(obj.get(), k.get()));
    } else {
      set_error(&kValueErrorType, "Only '.' or '[' may follow ']' in format field specifier");
      return nullptr;
    }
    if (!obj) return nullptr;
  }
  return obj.release();
}

bool render(FormatArgs* fa, std::string_view fmt, int depth, std::string* out);

// One replacement field's contents (between the braces).
bool render_field(FormatArgs* fa, std::string_view field, int depth, std::string* out) {
  size_t i = 0;
  while (i < field.size() && field[i] != '!' && field[i] != ':') {
    if (field[i] == '[') {
      while (i < field.size() && field[i] != ']') ++i;
      if (i >= field.size()) break;
    }
    ++i;
  }
  std::string_view name = field.substr(0, i);
  char conv = 0;
  if (i < field.size() && field[i] == '!') {
    if (i + 1 >= field.size()) {
      set_error(&kValueErrorType, "end of string while looking for conversion specifier");
      return false;
    }
    conv = field[i + 1];
    i += 2;
    if (i < field.size() && field[i] != ':') {
      set_error(&kValueErrorType, "expected ':' after conversion specifier");
      return false;
    }
  }
  std::string_view spec;
  if (i < field.size()) spec = field.substr(i + 1);
  Ref<> obj = steal(resolve_field(fa, name));
  if (!obj) return false;
  if (conv != 0) {
    if (conv == 'r') obj = steal(repr(obj.get()));
    else if (conv == 's') obj = steal(str(obj.get()));
    else if (conv == 'a') obj = steal(ascii(obj.get()));
    else {
      set_error_fmt(&kValueErrorType, "Unknown conversion specifier %c", conv);
      return false;
    }
    if (!obj) return false;
  }
  std::string spec_text;
  if (spec.find('{') != std::string_view::npos) {
    if (depth <= 1) {
      set_error(&kValueErrorType, "Max string recursion exceeded");
      return false;
    }
    if (!render(fa, spec, depth - 1, &spec_text)) return false;
    spec = spec_text;
  }
  Ref<> spec_obj = steal(str_from(spec));
  if (!spec_obj) return false;
  Ref<> text = steal(format(obj.get(), spec_obj.get()));
  if (!text) return false;
  out->append(str_view(text.get()));
  return true;
}

bool render(FormatArgs* fa, std::string_view fmt, int depth, std::string* out) {
  size_t i = 0, n = fmt.size();
  while (i < n) {
    char c = fmt[i];
    if (c == '}') {
      if (i + 1 < n && fmt[i + 1] == '}') {
        out->push_back('}');
        i += 2;
        continue;
      }
      set_error(&kValueErrorType, "Single '}' encountered in format string");
      return false;
    }
    if (c != '{') {
      size_t j = i;
      while (j < n && fmt[j] != '{' && fmt[j] != '}') ++j;
      out->append(fmt.substr(i, j - i));
      i = j;
      continue;
    }
    if (i + 1 < n && fmt[i + 1] == '{') {
      out->push_back('{');
      i += 2;
      continue;
    }
    if (i + 1 >= n) {
      set_error(&kValueErrorType, "Single '{' encountered in format string");
      return false;
    }
    // Find the matching '}', skipping [...] in the field name.
    size_t j = i + 1;
    int level = 1;
    bool in_name = true;
    while (j < n) {
      char d = fmt[j];
      if (in_name && d == '[') {
        while (j < n && fmt[j] != ']') ++j;
        if (j < n) ++j;
        continue;
      }
      if (d == ':' || d == '!') in_name = false;
      if (d == '{') ++level;
      if (d == '}' && --level == 0) break;
      ++j;
    }
    if (j >= n) {
      set_error(&kValueErrorType, "expected '}' before end of string");
      return false;
    }
    if (!render_field(fa, fmt.substr(i + 1, j - i - 1), depth, out)) return false;
    i = j + 1;
  }
  return true;
}

}  // namespace

Object* str_method_format(Object* fmt, Object* const* args, size_t nargs, Object* kwnames) {
  FormatArgs fa;
  fa.args = args;
  fa.nargs = nargs;
  fa.kwnames = kwnames != nullptr && tuple_size(kwnames) > 0 ? kwnames : nullptr;
  std::string out;
  if (!render(&fa, str_view(fmt), 2, &out)) return nullptr;
  return str_from(out);
}

Object* str_method_format_map(Object* fmt, Object* mapping) {
  FormatArgs fa;
  fa.mapping = mapping;
  std::string out;
  if (!render(&fa, str_view(fmt), 2, &out)) return nullptr;
  return str_from(out);
}

}  // namespace conch::vm
