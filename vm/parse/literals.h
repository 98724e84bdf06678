// Decoding of literal tokens: numbers to ConstantValue, string bodies (escape
// sequences) to UTF-8 or bytes.  Used by the parser; no Python objects.
//
// Error messages are CPython 3.11's, e.g. "(unicode error) 'unicodeescape'
// codec can't decode bytes in position 0-2: truncated \xXX escape".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vm/parse/ast.h"

namespace conch::vm::ast {

// The parts of a STRING token: prefix flags and the body between the quotes.
struct StringParts {
  bool raw = false;
  bool bytes = false;
  bool fstring = false;
  bool u = false;
  bool triple = false;
  char quote = '"';
  std::string_view body;  // a view into the token text
  uint32_t body_offset = 0;  // byte offset of body within the token text
};
StringParts split_string_token(std::string_view token_text);

// Appends the decoded value of a (non-raw) string/bytes body.  Returns false
// with *error set (CPython's message) on a bad escape.
bool decode_escapes(std::string_view body, bool bytes, std::string* out, std::string* error);

// Number token text to a constant (Int, Float or Complex); strings are
// copied into the arena.
void decode_number(std::string_view text, Arena& arena, ConstantValue* out);

// UTF-8 encoding of a code point (surrogates encoded as 3 bytes).
void append_utf8(std::string* out, uint32_t cp);

// Code point for a Unicode character name (case-insensitive), or -1.
int32_t lookup_unicode_name(std::string_view name);

}  // namespace conch::vm::ast
