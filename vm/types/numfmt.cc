// The format-spec mini-language for int and float, and %-style number
// conversions.  Mirrors CPython's Python/formatter_unicode.c (spec parsing,
// calc_number_widths, fill_number) and unicode_format_arg_output.
#include "vm/types/numfmt.h"

#include <climits>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/types/float.h"
#include "vm/types/int.h"
#include "vm/types/unicode.h"

namespace conch::vm {

namespace {

size_t utf8_len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  return 4;
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

bool is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// Reads decimal digits at *pos; -1 on overflow (ValueError set), else the
// number of digits consumed.
int read_integer(std::string_view s, size_t* pos, long* out) {
  long v = 0;
  int n = 0;
  while (*pos < s.size() && s[*pos] >= '0' && s[*pos] <= '9') {
    int d = s[*pos] - '0';
    if (v > (LONG_MAX - d) / 10) {
      set_error(&kValueErrorType, "Too many decimal digits in format string");
      return -1;
    }
    v = v * 10 + d;
    ++*pos;
    ++n;
  }
  *out = v;
  return n;
}

void comma_and_underscore() {
  set_error(&kValueErrorType, "Cannot specify both ',' and '_'.");
}

std::string type_char_text(uint32_t cp) {
  if (cp > 32 && cp < 128) return std::string(1, static_cast<char>(cp));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", cp);
  return buf;
}

void unknown_code(const FormatSpec& f, const char* type_name) {
  set_error_fmt(&kValueErrorType, "Unknown format code '%s' for object of type '%s'",
                type_char_text(f.type_cp), type_name);
}

}  // namespace

bool parse_format_spec(std::string_view spec, const char* type_name, char default_type,
                       FormatSpec* f) {
  *f = FormatSpec{};
  f->align = '>';
  f->type = default_type;
  size_t pos = 0;
  bool fill_given = false, align_given = false;
  size_t first = spec.empty() ? 0 : utf8_len(static_cast<unsigned char>(spec[0]));
  if (spec.size() >= first + 1 && first > 0 && is_align(spec[first])) {
    f->fill = std::string(spec.substr(0, first));
    f->align = spec[first];
    fill_given = align_given = true;
    pos = first + 1;
  } else if (!spec.empty() && is_align(spec[0])) {
    f->align = spec[0];
    align_given = true;
    pos = 1;
  }
  if (pos < spec.size() && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' '))
    f->sign = spec[pos++];
  if (pos < spec.size() && spec[pos] == 'z') {
    f->no_neg_zero = true;
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == '#') {
    f->alternate = true;
    ++pos;
  }
  if (!fill_given && pos < spec.size() && spec[pos] == '0') {
    f->fill = "0";
    if (!align_given) f->align = '=';
    ++pos;
  }
  f->fill_given = fill_given;
  int consumed = read_integer(spec, &pos, &f->width);
  if (consumed < 0) return false;
  if (consumed == 0) f->width = -1;
  if (pos < spec.size() && spec[pos] == ',') {
    f->grouping = ',';
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == '_') {
    if (f->grouping != 0) {
      comma_and_underscore();
      return false;
    }
    f->grouping = '_';
    ++pos;
  }
  if (pos < spec.size() && spec[pos] == ',' && f->grouping == '_') {
    comma_and_underscore();
    return false;
  }
  if (pos < spec.size() && spec[pos] == '.') {
    ++pos;
    consumed = read_integer(spec, &pos, &f->precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      set_error(&kValueErrorType, "Format specifier missing precision");
      return false;
    }
  }
  std::string_view rest = spec.substr(pos);
  if (count_code_points(rest) > 1) {
    set_error_fmt(&kValueErrorType, "Invalid format specifier '%s' for object of type '%s'",
                  std::string(spec), type_name);
    return false;
  }
  if (!rest.empty()) {
    int len = 1;
    f->type_cp = unicode::utf8_decode(rest.data(), &len);
    f->type = f->type_cp < 0x80 ? rest[0] : '\x01';
  } else {
    f->type_cp = static_cast<unsigned char>(f->type);
  }
  if (f->grouping != 0) {
    switch (f->type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f->grouping == '_') break;
        [[fallthrough]];
      default:
        set_error_fmt(&kValueErrorType, "Cannot specify '%c' with '%s'.", f->grouping,
                      type_char_text(f->type_cp));
        return false;
    }
  }
  return true;
}

std::string group_digits(std::string_view digits, char sep, int interval, long min_width) {
  // Built right to left, then reversed.
  std::string out;
  long remaining = static_cast<long>(digits.size());
  size_t src = digits.size();
  auto emit = [&](long n_zeros, long n_chars, bool separator) {
    if (separator) out.push_back(sep);
    for (long i = 0; i < n_chars; ++i) out.push_back(digits[--src]);
    out.append(static_cast<size_t>(n_zeros), '0');
  };
  bool use_sep = false;
  bool broken = false;
  if (interval > 0) {
    while (true) {
      long l = std::min<long>(interval, std::max<long>(std::max(remaining, min_width), 1));
      long n_zeros = std::max<long>(0, l - remaining);
      long n_chars = std::max<long>(0, std::min(remaining, l));
      emit(n_zeros, n_chars, use_sep);
      use_sep = true;
      remaining -= n_chars;
      min_width -= l;
      if (remaining <= 0 && min_width <= 0) {
        broken = true;
        break;
      }
      min_width -= 1;
    }
  }
  if (!broken) {
    long l = std::max<long>(std::max(remaining, min_width), 1);
    long n_zeros = std::max<long>(0, l - remaining);
    long n_chars = std::max<long>(0, std::min(remaining, l));
    emit(n_zeros, n_chars, use_sep);
  }
  return std::string(out.rbegin(), out.rend());
}

namespace {

// A number split as CPython's calc_number_widths sees it.
struct NumberParts {
  char sign_char = 0;       // '-' when negative
  std::string prefix;       // "0x" ...
  std::string digits;       // integer digits (ungrouped)
  bool has_decimal = false;
  std::string remainder;    // after the decimal point: fraction, exponent, '%', or 'c' text
};

std::string render(const NumberParts& p, const FormatSpec& f, int interval, bool upper) {
  char sign = 0;
  if (f.sign == '+') sign = p.sign_char == '-' ? '-' : '+';
  else if (f.sign == ' ') sign = p.sign_char == '-' ? '-' : ' ';
  else if (p.sign_char == '-') sign = '-';
  long n_remainder = static_cast<long>(count_code_points(p.remainder));
  long non_digit = (sign ? 1 : 0) + static_cast<long>(p.prefix.size()) + (p.has_decimal ? 1 : 0) +
                   n_remainder;
  long min_width = (f.fill == "0" && f.align == '=') ? f.width - non_digit : 0;
  std::string grouped;
  if (!p.digits.empty())
    grouped = group_digits(p.digits, f.grouping, f.grouping ? interval : 0, min_width);
  long n_padding = f.width - (non_digit + static_cast<long>(grouped.size()));
  long lpad = 0, spad = 0, rpad = 0;
  if (n_padding > 0) {
    switch (f.align) {
      case '<': rpad = n_padding; break;
      case '^': lpad = n_padding / 2; rpad = n_padding - lpad; break;
      case '=': spad = n_padding; break;
      default: lpad = n_padding; break;
    }
  }
  std::string out;
  for (long i = 0; i < lpad; ++i) out += f.fill;
  if (sign) out.push_back(sign);
  out += p.prefix;
  for (long i = 0; i < spad; ++i) out += f.fill;
  out += grouped;
  if (p.has_decimal) out.push_back('.');
  out += p.remainder;
  for (long i = 0; i < rpad; ++i) out += f.fill;
  if (upper) {
    // Only the digits and prefix are uppercased ('X'); fill stays as given.
    size_t start = static_cast<size_t>(lpad) * f.fill.size();
    size_t end = out.size() - static_cast<size_t>(rpad) * f.fill.size();
    for (size_t i = start; i < end; ++i)
      if (out[i] >= 'a' && out[i] <= 'z') out[i] = static_cast<char>(out[i] - 32);
  }
  return out;
}

std::string utf8_encode(uint32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    s.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
  return s;
}

// Digits of |v| in base 2, 8, 10 or 16 (lowercase); false on the decimal
// digit limit (ValueError set).
bool magnitude_digits(Object* v, int base, std::string* out) {
  Ref<> text;
  if (base == 10) {
    text = steal(repr(v->type == &kIntType ? v : Ref<>::steal(int_exact_copy(v)).get()));
    if (!text) return false;
    std::string_view s = str_view(text.get());
    if (!s.empty() && s[0] == '-') s.remove_prefix(1);
    *out = std::string(s);
    return true;
  }
  text = steal(int_to_base_string(v, base));
  if (!text) return false;
  std::string_view s = str_view(text.get());
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  *out = std::string(s.substr(2));
  return true;
}

Object* format_int_with(Object* v, const FormatSpec& f) {
  if (f.precision != -1) {
    set_error(&kValueErrorType, "Precision not allowed in integer format specifier");
    return nullptr;
  }
  if (f.no_neg_zero) {
    set_error(&kValueErrorType,
              "Negative zero coercion (z) not allowed in integer format specifier");
    return nullptr;
  }
  NumberParts p;
  if (f.type == 'c') {
    if (f.sign != 0) {
      set_error(&kValueErrorType, "Sign not allowed with integer format specifier 'c'");
      return nullptr;
    }
    if (f.alternate) {
      set_error(&kValueErrorType,
                "Alternate form (#) not allowed with integer format specifier 'c'");
      return nullptr;
    }
    int64_t x;
    if (!int_to_i64(v, &x)) {
      set_error(&kOverflowErrorType, "Python int too large to convert to C long");
      return nullptr;
    }
    if (x < 0 || x > 0x10ffff) {
      set_error(&kOverflowErrorType, "%c arg not in range(0x110000)");
      return nullptr;
    }
    p.remainder = utf8_encode(static_cast<uint32_t>(x));
    return str_from(render(p, f, 3, false));
  }
  int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
  if (f.alternate && base != 10) p.prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  if (int_sign(v) < 0) p.sign_char = '-';
  if (!magnitude_digits(v, base, &p.digits)) return nullptr;
  return str_from(render(p, f, base == 10 ? 3 : 4, f.type == 'X'));
}

Object* format_float_with(double val, const FormatSpec& f) {
  if (f.precision > INT_MAX) {
    set_error(&kValueErrorType, "precision too big");
    return nullptr;
  }
  char type = f.type;
  int precision = static_cast<int>(f.precision);
  int default_precision = 6;
  bool add_dot_0 = false, add_pct = false;
  if (type == 0) {
    add_dot_0 = true;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  if (type == '%') {
    type = 'f';
    val *= 100;
    add_pct = true;
  }
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string buf =
      double_to_string(val, type, precision, f.alternate, add_dot_0, false, f.no_neg_zero);
  if (add_pct) buf.push_back('%');
  NumberParts p;
  size_t i = 0;
  if (!buf.empty() && buf[0] == '-') {
    p.sign_char = '-';
    i = 1;
  }
  size_t d = i;
  while (d < buf.size() && buf[d] >= '0' && buf[d] <= '9') ++d;
  p.digits = buf.substr(i, d - i);
  if (d < buf.size() && buf[d] == '.') {
    p.has_decimal = true;
    ++d;
  }
  p.remainder = buf.substr(d);
  return str_from(render(p, f, 3, false));
}

}  // namespace

Object* int_format_spec(Object* v, std::string_view spec) {
  if (spec.empty()) return str(v);
  FormatSpec f;
  if (!parse_format_spec(spec, type_name(v), 'd', &f)) return nullptr;
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_int_with(v, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d = int_to_double(v);
      if (d == -1.0 && has_error()) return nullptr;
      return format_float_with(d, f);
    }
    default:
      unknown_code(f, type_name(v));
      return nullptr;
  }
}

Object* float_format_spec(double v, std::string_view spec) {
  if (spec.empty()) return str_from(float_repr(v));
  FormatSpec f;
  if (!parse_format_spec(spec, "float", 0, &f)) return nullptr;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_with(v, f);
    default:
      unknown_code(f, "float");
      return nullptr;
  }
}

std::string ascii_digits_and_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    int len = 1;
    uint32_t cp = unicode::utf8_decode(s.data() + i, &len);
    if (len <= 0) len = 1;
    i += static_cast<size_t>(len);
    int d = unicode::decimal_value(cp);
    if (unicode::is_space(cp)) out.push_back(' ');
    else if (d >= 0) out.push_back(static_cast<char>('0' + d));
    else out.push_back('?');
  }
  return out;
}

// ---------------------------------------------------------------------------
// %-formatting (CPython's unicode_format_arg_output).

namespace {

// body: the converted number, starting with '-' when negative; `alt_prefix`
// says it carries a two-character 0x/0X/0o prefix after the sign.
std::string printf_output(std::string body, const PrintfSpec& s, bool alt_prefix) {
  char fill = s.zero ? '0' : ' ';
  char signchar = 0;
  size_t idx = 0;
  if (!body.empty() && (body[0] == '-' || body[0] == '+')) {
    signchar = body[0];
    idx = 1;
  } else if (s.plus) {
    signchar = '+';
  } else if (s.space) {
    signchar = ' ';
  }
  long len = static_cast<long>(body.size() - idx);  // without the sign
  long width = std::max(s.width, len);
  std::string out;
  if (signchar) {
    if (fill != ' ') out.push_back(signchar);
    if (width > len) --width;
  }
  if (alt_prefix) {
    if (fill != ' ') out.append(body, idx, 2);
    width = std::max<long>(width - 2, 0);
    len -= 2;
  }
  if (width > len && !s.left) {
    out.append(static_cast<size_t>(width - len), fill);
    width = len;
  }
  if (fill == ' ') {
    if (signchar) out.push_back(signchar);
    if (alt_prefix) out.append(body, idx, 2);
  }
  out.append(body, idx + (alt_prefix ? 2 : 0), std::string::npos);
  if (width > len) out.append(static_cast<size_t>(width - len), ' ');
  return out;
}

}  // namespace

bool format_int_printf(Object* v, const PrintfSpec& s, std::string* out) {
  int base = (s.conv == 'x' || s.conv == 'X') ? 16 : s.conv == 'o' ? 8 : 10;
  std::string digits;
  if (!magnitude_digits(v, base, &digits)) return false;
  if (s.precision > static_cast<long>(digits.size()))
    digits.insert(0, static_cast<size_t>(s.precision) - digits.size(), '0');
  bool alt_prefix = s.alt && base != 10;
  std::string body = int_sign(v) < 0 ? "-" : "";
  if (alt_prefix) body += base == 16 ? "0x" : "0o";
  body += digits;
  if (s.conv == 'X')
    for (char& c : body)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  *out = printf_output(body, s, alt_prefix);
  return true;
}

bool format_float_printf(double v, const PrintfSpec& s, std::string* out) {
  int precision = s.precision < 0 ? 6 : static_cast<int>(std::min<long>(s.precision, INT_MAX));
  std::string body = double_to_string(v, s.conv, precision, s.alt);
  *out = printf_output(body, s, false);
  return true;
}

}  // namespace conch::vm
