// Unicode tables lookups and UTF-8 coding.  See unicode.h.
#include "vm/types/unicode.h"

#include <algorithm>
#include <iterator>

namespace conch::vm::unicode {
namespace {

struct CaseRun {
  uint32_t first, last;
  int32_t stride;  // 0: single code point
  int32_t delta;
};
struct CaseSpecial {
  uint32_t cp;
  uint32_t out[3];
};

#include "vm/types/unicode_tables.inc"

// ASCII properties computed once from the big table (constant afterwards).
struct AsciiProps {
  uint16_t p[128];
  AsciiProps() {
    for (uint32_t c = 0; c < 128; ++c) {
      auto it = std::upper_bound(std::begin(kPropStarts), std::end(kPropStarts), c);
      p[c] = kPropFlags[it - std::begin(kPropStarts) - 1];
    }
  }
};
const AsciiProps kAscii;

// Finds cp in a run table; returns true and the mapped code point.
bool find_run(const CaseRun* begin, const CaseRun* end, uint32_t cp, uint32_t* out) {
  auto it = std::upper_bound(begin, end, cp,
                             [](uint32_t c, const CaseRun& r) { return c < r.first; });
  if (it == begin) return false;
  const CaseRun& r = *(it - 1);
  if (cp > r.last) return false;
  if (r.stride > 1 && (cp - r.first) % r.stride != 0) return false;
  *out = static_cast<uint32_t>(static_cast<int32_t>(cp) + r.delta);
  return true;
}

int find_special(const CaseSpecial* table, uint32_t cp, uint32_t out[3]) {
  for (const CaseSpecial* s = table; s->cp <= cp; ++s) {
    if (s->cp != cp) continue;
    int n = 0;
    while (n < 3 && s->out[n] != 0) {
      out[n] = s->out[n];
      ++n;
    }
    return n;
  }
  return 0;
}

template <size_t N, size_t M>
int map_case(const CaseRun (&runs)[N], const CaseSpecial (&special)[M], uint32_t cp,
             uint32_t out[3]) {
  if (find_run(runs, runs + N, cp, out)) return 1;
  return find_special(special, cp, out);
}

}  // namespace

uint16_t properties(uint32_t cp) {
  if (cp < 128) return kAscii.p[cp];
  auto it = std::upper_bound(std::begin(kPropStarts), std::end(kPropStarts), cp);
  return kPropFlags[it - std::begin(kPropStarts) - 1];
}

bool is_linebreak(uint32_t cp) {
  return (cp >= 0x0A && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1E) || cp == 0x85 ||
         cp == 0x2028 || cp == 0x2029;
}

int decimal_value(uint32_t cp) {
  if (cp < 128) return (cp >= '0' && cp <= '9') ? static_cast<int>(cp - '0') : -1;
  if (!is_decimal(cp)) return -1;
  auto it = std::upper_bound(std::begin(kDecimalZeros), std::end(kDecimalZeros), cp);
  if (it == std::begin(kDecimalZeros)) return -1;
  uint32_t zero = *(it - 1);
  return cp - zero <= 9 ? static_cast<int>(cp - zero) : -1;
}

int to_upper(uint32_t cp, uint32_t out[3]) {
  if (cp < 128) {
    out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
    return 1;
  }
  if (int n = map_case(kCase_upper, kSpecial_upper, cp, out)) return n;
  out[0] = cp;
  return 1;
}

int to_lower(uint32_t cp, uint32_t out[3]) {
  if (cp < 128) {
    out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return 1;
  }
  if (int n = map_case(kCase_lower, kSpecial_lower, cp, out)) return n;
  out[0] = cp;
  return 1;
}

int to_title(uint32_t cp, uint32_t out[3]) {
  if (int n = map_case(kCase_title, kSpecial_title, cp, out)) return n;
  return to_upper(cp, out);
}

int to_fold(uint32_t cp, uint32_t out[3]) {
  if (cp >= 128) {
    if (int n = map_case(kCase_fold, kSpecial_fold, cp, out)) return n;
  }
  return to_lower(cp, out);
}

int utf8_encode(uint32_t cp, char* out) {
  auto o = reinterpret_cast<unsigned char*>(out);
  if (cp < 0x80) {
    o[0] = static_cast<unsigned char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    o[0] = static_cast<unsigned char>(0xC0 | (cp >> 6));
    o[1] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = static_cast<unsigned char>(0xE0 | (cp >> 12));
    o[1] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
    o[2] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = static_cast<unsigned char>(0xF0 | (cp >> 18));
  o[1] = static_cast<unsigned char>(0x80 | ((cp >> 12) & 0x3F));
  o[2] = static_cast<unsigned char>(0x80 | ((cp >> 6) & 0x3F));
  o[3] = static_cast<unsigned char>(0x80 | (cp & 0x3F));
  return 4;
}

size_t utf8_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Mirrors CPython's decoder (Objects/stringlib/codecs.h): the reported
// length covers the valid prefix of a truncated or broken sequence.
size_t utf8_find_invalid(std::string_view s, size_t* bad_len, const char** reason) {
  auto b = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  auto cont = [&](size_t i) { return i < n && (b[i] & 0xC0) == 0x80; };
  for (size_t i = 0; i < n;) {
    unsigned char c = b[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      *bad_len = 1;
      *reason = "invalid start byte";
      return i;
    }
    // Second byte has the restricted range; the rest any continuation byte.
    size_t j = i + 1;
    for (int k = 0; k < need; ++k, ++j) {
      bool ok = j < n && (k == 0 ? (b[j] >= lo && b[j] <= hi) : cont(j));
      if (!ok) {
        *bad_len = j - i;
        *reason = j >= n ? "unexpected end of data" : "invalid continuation byte";
        return i;
      }
    }
    i = j;
  }
  return std::string_view::npos;
}

}  // namespace conch::vm::unicode
