// Unicode character properties, case mapping and UTF-8 coding for str.
//
// The tables (unicode_tables.inc) are generated from CPython 3.11's own
// character database by unicode_gen.py, so every property below agrees with
// the corresponding CPython str method on a one-character string (Unicode
// 14.0).  They are not approximations, with one exception: CASE_IGNORABLE,
// used only for the final-sigma rule of lower(), is derived from general
// categories (Mn Me Cf Lm Sk plus the word-break MidLetter set).
//
// Layout: properties are runs [start, next start) of identical flag sets,
// found by binary search (~4k runs, 12 probes); ASCII has a direct table.
// Case mappings are runs of (first, last, stride, delta) plus a short list
// of one-to-many mappings (ß -> SS).  Pure functions, no state: any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace conch::vm::unicode {

enum Prop : uint16_t {
  kPropSpace = 1u << 0,
  kPropAlpha = 1u << 1,
  kPropDecimal = 1u << 2,
  kPropDigit = 1u << 3,
  kPropNumeric = 1u << 4,
  kPropUpper = 1u << 5,
  kPropLower = 1u << 6,
  kPropTitle = 1u << 7,
  kPropCased = 1u << 8,
  kPropPrintable = 1u << 9,
  kPropXidStart = 1u << 10,
  kPropXidContinue = 1u << 11,
  kPropCaseIgnorable = 1u << 12,
};

uint16_t properties(uint32_t cp);
inline bool has(uint32_t cp, uint16_t p) { return (properties(cp) & p) != 0; }
inline bool is_space(uint32_t cp) { return has(cp, kPropSpace); }
inline bool is_alpha(uint32_t cp) { return has(cp, kPropAlpha); }
inline bool is_decimal(uint32_t cp) { return has(cp, kPropDecimal); }
inline bool is_digit(uint32_t cp) { return has(cp, kPropDigit); }
inline bool is_numeric(uint32_t cp) { return has(cp, kPropNumeric); }
inline bool is_alnum(uint32_t cp) {
  return has(cp, kPropAlpha | kPropDecimal | kPropDigit | kPropNumeric);
}
inline bool is_upper(uint32_t cp) { return has(cp, kPropUpper); }
inline bool is_lower(uint32_t cp) { return has(cp, kPropLower); }
inline bool is_title(uint32_t cp) { return has(cp, kPropTitle); }
inline bool is_cased(uint32_t cp) { return has(cp, kPropCased); }
inline bool is_printable(uint32_t cp) { return has(cp, kPropPrintable); }
// str.splitlines boundaries: \n \r \v \f \x1c-\x1e \x85 \u2028 \u2029.
bool is_linebreak(uint32_t cp);
// 0..9 for a decimal digit (any script), -1 otherwise: int('٣') needs it.
int decimal_value(uint32_t cp);

// Case mappings: write 1..3 code points to out and return the count.
int to_upper(uint32_t cp, uint32_t out[3]);
int to_lower(uint32_t cp, uint32_t out[3]);
int to_title(uint32_t cp, uint32_t out[3]);
int to_fold(uint32_t cp, uint32_t out[3]);

// ---------------------------------------------------------------------------
// UTF-8.  Decoders assume valid input (str objects always hold valid UTF-8).

inline int utf8_seq_len(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}
inline uint32_t utf8_decode(const char* p, int* len) {
  auto b = reinterpret_cast<const unsigned char*>(p);
  if (b[0] < 0x80) {
    *len = 1;
    return b[0];
  }
  if (b[0] < 0xE0) {
    *len = 2;
    return ((b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
  }
  if (b[0] < 0xF0) {
    *len = 3;
    return ((b[0] & 0x0Fu) << 12) | ((b[1] & 0x3Fu) << 6) | (b[2] & 0x3Fu);
  }
  *len = 4;
  return ((b[0] & 0x07u) << 18) | ((b[1] & 0x3Fu) << 12) | ((b[2] & 0x3Fu) << 6) |
         (b[3] & 0x3Fu);
}
// Writes cp (any value below 0x110000, surrogates included, as CPython's
// "surrogatepass" would) and returns the byte count.
int utf8_encode(uint32_t cp, char* out);
inline void utf8_append(std::string* s, uint32_t cp) {
  char buf[4];
  s->append(buf, utf8_encode(cp, buf));
}
// Counts code points of valid UTF-8.
size_t utf8_count(std::string_view s);

// Strict validation as CPython's utf-8 decoder: returns the byte offset of
// the first bad sequence (and its length in *bad_len and the reason) or npos.
// Surrogates (ED A0..BF) are invalid.
size_t utf8_find_invalid(std::string_view s, size_t* bad_len, const char** reason);

}  // namespace conch::vm::unicode
