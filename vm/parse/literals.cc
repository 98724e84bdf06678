// Literal decoding; see literals.h.
#include "vm/parse/literals.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace conch::vm::ast {

namespace {

struct NameEntry {
  const char* name;
  uint32_t cp;
};
constexpr NameEntry kUnicodeNames[] = {
#include "vm/parse/unicode_names.inc"
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string unicode_error(size_t from, size_t to, const char* what) {
  return "(unicode error) 'unicodeescape' codec can't decode bytes in position " +
         std::to_string(from) + "-" + std::to_string(to) + ": " + what;
}

// \x, \u, \U: exactly `n` hex digits at body[i].  Returns -1 when truncated.
int64_t read_hex(std::string_view body, size_t i, int n) {
  int64_t v = 0;
  for (int k = 0; k < n; k++) {
    if (i + k >= body.size()) return -1;
    int d = hex_value(body[i + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

}  // namespace

void append_utf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

int32_t lookup_unicode_name(std::string_view name) {
  std::string up(name);
  for (char& c : up) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  static constexpr std::string_view kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (up.size() > kCjk.size() && up.compare(0, kCjk.size(), kCjk) == 0) {
    int64_t v = read_hex(up, kCjk.size(), static_cast<int>(up.size() - kCjk.size()));
    if (v >= 0x3400 && v <= 0x3134A && up.size() - kCjk.size() >= 4) return static_cast<int32_t>(v);
    return -1;
  }
  const NameEntry* b = std::begin(kUnicodeNames);
  const NameEntry* e = std::end(kUnicodeNames);
  const NameEntry* it = std::lower_bound(
      b, e, up, [](const NameEntry& x, const std::string& key) { return key.compare(x.name) > 0; });
  if (it != e && up == it->name) return static_cast<int32_t>(it->cp);
  return -1;
}

StringParts split_string_token(std::string_view text) {
  StringParts p;
  size_t i = 0;
  for (; i < text.size() && text[i] != '\'' && text[i] != '"'; i++) {
    switch (text[i] | 0x20) {
      case 'r': p.raw = true; break;
      case 'b': p.bytes = true; break;
      case 'f': p.fstring = true; break;
      case 'u': p.u = true; break;
    }
  }
  p.quote = text[i];
  p.triple = text.size() >= i + 6 && text[i + 1] == p.quote && text[i + 2] == p.quote;
  size_t q = p.triple ? 3 : 1;
  p.body_offset = static_cast<uint32_t>(i + q);
  p.body = text.substr(i + q, text.size() - i - 2 * q);
  return p;
}

bool decode_escapes(std::string_view body, bool bytes, std::string* out, std::string* error) {
  out->reserve(out->size() + body.size());
  size_t i = 0;
  while (i < body.size()) {
    size_t run = body.find('\\', i);
    if (run == std::string_view::npos) run = body.size();
    out->append(body.data() + i, run - i);
    i = run;
    if (i >= body.size()) break;
    size_t start = i;
    i++;  // the backslash
    if (i >= body.size()) {
      out->push_back('\\');
      break;
    }
    char c = body[i++];
    switch (c) {
      case '\n': break;
      case '\r': if (i < body.size() && body[i] == '\n') i++; break;
      case '\\': out->push_back('\\'); break;
      case '\'': out->push_back('\''); break;
      case '"': out->push_back('"'); break;
      case 'a': out->push_back('\a'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'v': out->push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = c - '0';
        for (int k = 0; k < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; k++)
          v = v * 8 + (body[i++] - '0');
        if (bytes) out->push_back(static_cast<char>(v & 0xFF));
        else append_utf8(out, v);
        break;
      }
      case 'x': {
        int64_t v = read_hex(body, i, 2);
        if (v < 0) {
          size_t valid = i < body.size() && hex_value(body[i]) >= 0 ? 1 : 0;
          *error = bytes ? "(value error) invalid \\x escape at position " + std::to_string(start)
                         : unicode_error(start, i - 1 + valid, "truncated \\xXX escape");
          return false;
        }
        i += 2;
        if (bytes) out->push_back(static_cast<char>(v));
        else append_utf8(out, static_cast<uint32_t>(v));
        break;
      }
      case 'u': case 'U': {
        if (bytes) {
          out->push_back('\\');
          out->push_back(c);
          break;
        }
        int n = c == 'u' ? 4 : 8;
        int64_t v = read_hex(body, i, n);
        if (v < 0) {
          size_t e = i;
          while (e < body.size() && e < i + n && hex_value(body[e]) >= 0) e++;
          *error = unicode_error(start, e - 1,
                                 c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
          return false;
        }
        if (v > 0x10FFFF) {
          *error = unicode_error(start, i + n - 1, "illegal Unicode character");
          return false;
        }
        i += n;
        append_utf8(out, static_cast<uint32_t>(v));
        break;
      }
      case 'N': {
        if (bytes) {
          out->push_back('\\');
          out->push_back('N');
          break;
        }
        bool brace = i < body.size() && body[i] == '{';
        size_t close = brace ? body.find('}', i) : std::string_view::npos;
        if (close == std::string_view::npos || close == i + 1) {
          *error = unicode_error(start, brace ? i : i - 1, "malformed \\N character escape");
          return false;
        }
        int32_t cp = lookup_unicode_name(body.substr(i + 1, close - i - 1));
        if (cp < 0) {
          *error = unicode_error(start, close, "unknown Unicode character name");
          return false;
        }
        i = close + 1;
        append_utf8(out, static_cast<uint32_t>(cp));
        break;
      }
      default:
        // Unknown escapes keep the backslash (a DeprecationWarning in CPython).
        out->push_back('\\');
        out->push_back(c);
        break;
    }
  }
  return true;
}

void decode_number(std::string_view text, Arena& arena, ConstantValue* out) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    if (c != '_') clean.push_back(c);
  }
  char last = clean.back() | 0x20;
  bool prefixed = clean.size() > 1 && clean[0] == '0' &&
                  ((clean[1] | 0x20) == 'x' || (clean[1] | 0x20) == 'o' || (clean[1] | 0x20) == 'b');
  if (last == 'j') {
    out->kind = ConstantValue::Kind::Complex;
    clean.pop_back();
    out->float_value = std::strtod(clean.c_str(), nullptr);
    return;
  }
  if (!prefixed && clean.find_first_of(".eE") != std::string::npos) {
    out->kind = ConstantValue::Kind::Float;
    out->float_value = std::strtod(clean.c_str(), nullptr);
    return;
  }
  out->kind = ConstantValue::Kind::Int;
  std::string_view digits = clean;
  out->base = 10;
  if (prefixed) {
    char p = clean[1] | 0x20;
    out->base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
    digits.remove_prefix(2);
  }
  // Leading zeros carry no value (0o007, 000).
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  out->text = arena.copy(digits);
  uint64_t v = 0;
  bool fits = true;
  for (char c : digits) {
    uint64_t d = static_cast<uint64_t>(hex_value(c));
    if (v > (static_cast<uint64_t>(INT64_MAX) - d) / out->base) {
      fits = false;
      break;
    }
    v = v * out->base + d;
  }
  out->int_fits = fits;
  out->int_value = fits ? static_cast<int64_t>(v) : 0;
}

}  // namespace conch::vm::ast

// unicode_names.inc was produced by:
//   import unicodedata
//   ranges = [(0x0, 0x24F), (0x250, 0x2FF), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF),
//             (0x5D0, 0x5EA), (0x2000, 0x2BFF), (0x3000, 0x303F), (0xFE00, 0xFE0F),
//             (0xFF01, 0xFF5E), (0x1F300, 0x1FAFF)]
//   ents = sorted((unicodedata.name(chr(c)), c) for a, b in ranges
//                 for c in range(a, b + 1) if unicodedata.name(chr(c), None))
//   for n, c in ents: print('{"%s", 0x%X},' % (n, c))
//   plus the control-character aliases unicodedata.lookup() accepts (NULL,
//   LINE FEED, ESC, NBSP, BOM, ...) and U+FEFF, U+FFFC, U+FFFD.
