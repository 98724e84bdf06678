// Python tokenizer; see tokenizer.h.  Structure and error wording follow
// CPython 3.11's Parser/tokenizer.c (tok_get), so that positions and
// messages of tokenizer errors match.
#include "vm/parse/tokenizer.h"

#include <cstdio>
#include <cstring>

namespace conch::vm::ast {

namespace {

bool is_ident_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
bool is_ident_char(int c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }
bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

struct KeywordEntry {
  const char* text;
  Keyword kw;
};
constexpr KeywordEntry kKeywords[] = {
    {"False", Keyword::kFalse},     {"None", Keyword::kNoneKw},     {"True", Keyword::kTrue},
    {"and", Keyword::kAnd},         {"as", Keyword::kAs},           {"assert", Keyword::kAssert},
    {"async", Keyword::kAsync},     {"await", Keyword::kAwait},     {"break", Keyword::kBreak},
    {"class", Keyword::kClass},     {"continue", Keyword::kContinue}, {"def", Keyword::kDef},
    {"del", Keyword::kDel},         {"elif", Keyword::kElif},       {"else", Keyword::kElse},
    {"except", Keyword::kExcept},   {"finally", Keyword::kFinally}, {"for", Keyword::kFor},
    {"from", Keyword::kFrom},       {"global", Keyword::kGlobal},   {"if", Keyword::kIf},
    {"import", Keyword::kImport},   {"in", Keyword::kIn},           {"is", Keyword::kIs},
    {"lambda", Keyword::kLambda},   {"nonlocal", Keyword::kNonlocal}, {"not", Keyword::kNot},
    {"or", Keyword::kOr},           {"pass", Keyword::kPass},       {"raise", Keyword::kRaise},
    {"return", Keyword::kReturn},   {"try", Keyword::kTry},         {"while", Keyword::kWhile},
    {"with", Keyword::kWith},       {"yield", Keyword::kYield},
};

Keyword lookup_keyword(std::string_view s) {
  if (s.size() < 2 || s.size() > 8) return Keyword::kNone;
  for (const KeywordEntry& e : kKeywords) {
    if (e.text[0] == s[0] && s == e.text) return e.kw;
  }
  return Keyword::kNone;
}

bool is_string_prefix(std::string_view p) {
  if (p.size() > 2) return false;
  bool r = false, b = false, f = false, u = false;
  for (char c : p) {
    switch (c | 0x20) {
      case 'r': if (r) return false; r = true; break;
      case 'b': if (b) return false; b = true; break;
      case 'f': if (f) return false; f = true; break;
      case 'u': if (u) return false; u = true; break;
      default: return false;
    }
  }
  if (u) return p.size() == 1;
  return !(b && f);
}

struct OpEntry {
  const char* text;
  Op op;
};
// Longest first, so the first match wins.
constexpr OpEntry kOps3[] = {
    {"**=", Op::kDoubleStarEqual}, {"//=", Op::kDoubleSlashEqual}, {">>=", Op::kRightShiftEqual},
    {"<<=", Op::kLeftShiftEqual},  {"...", Op::kEllipsis},
};
constexpr OpEntry kOps2[] = {
    {"==", Op::kEqEqual},      {"!=", Op::kNotEqual},    {"<=", Op::kLessEqual},
    {">=", Op::kGreaterEqual}, {"<<", Op::kLeftShift},   {">>", Op::kRightShift},
    {"**", Op::kDoubleStar},   {"+=", Op::kPlusEqual},   {"-=", Op::kMinEqual},
    {"*=", Op::kStarEqual},    {"/=", Op::kSlashEqual},  {"%=", Op::kPercentEqual},
    {"&=", Op::kAmperEqual},   {"|=", Op::kVBarEqual},   {"^=", Op::kCircumflexEqual},
    {"//", Op::kDoubleSlash},  {"@=", Op::kAtEqual},     {"->", Op::kRArrow},
    {":=", Op::kColonEqual},   {"<>", Op::kUnknown},
};

Op single_char_op(int c) {
  switch (c) {
    case '(': return Op::kLPar;
    case ')': return Op::kRPar;
    case '[': return Op::kLSqb;
    case ']': return Op::kRSqb;
    case '{': return Op::kLBrace;
    case '}': return Op::kRBrace;
    case ':': return Op::kColon;
    case ',': return Op::kComma;
    case ';': return Op::kSemi;
    case '+': return Op::kPlus;
    case '-': return Op::kMinus;
    case '*': return Op::kStar;
    case '/': return Op::kSlash;
    case '|': return Op::kVBar;
    case '&': return Op::kAmper;
    case '<': return Op::kLess;
    case '>': return Op::kGreater;
    case '=': return Op::kEqual;
    case '.': return Op::kDot;
    case '%': return Op::kPercent;
    case '~': return Op::kTilde;
    case '^': return Op::kCircumflex;
    case '@': return Op::kAt;
    case '!': return Op::kExclamation;
    default: return Op::kUnknown;
  }
}

// Decodes the UTF-8 sequence at s[p] (no validation beyond lengths).
uint32_t decode_utf8(std::string_view s, size_t p, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[p]);
  int n = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  uint32_t cp = n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
  size_t k = 1;
  for (; k <= static_cast<size_t>(n) && p + k < s.size(); k++)
    cp = (cp << 6) | (static_cast<unsigned char>(s[p + k]) & 0x3F);
  *len = k;
  return cp;
}

bool in(uint32_t cp, uint32_t lo, uint32_t hi) { return cp >= lo && cp <= hi; }

// Code points CPython's identifier check rejects that programs contain by
// accident (no-break spaces, smart quotes, symbols, emoji).  Without the
// Unicode database the XID tables are not reproduced; other code points are
// accepted as identifier characters.
bool is_nonprintable(uint32_t cp) {
  return in(cp, 0x80, 0xA0) || cp == 0xAD || cp == 0x1680 || cp == 0x180E ||
         in(cp, 0x2000, 0x200F) || in(cp, 0x2028, 0x202F) || in(cp, 0x205F, 0x206F) ||
         cp == 0x3000 || in(cp, 0xD800, 0xF8FF) || cp == 0xFEFF || in(cp, 0xFFF9, 0xFFFB);
}
bool is_invalid_symbol(uint32_t cp) {
  if (in(cp, 0xA1, 0xBF)) return cp != 0xAA && cp != 0xB5 && cp != 0xB7 && cp != 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (in(cp, 0x2010, 0x205E)) return cp != 0x203F && cp != 0x2040 && cp != 0x2054;
  return in(cp, 0x20A0, 0x20CF) || in(cp, 0x2190, 0x245F) || in(cp, 0x2500, 0x2BFF) ||
         in(cp, 0x3001, 0x3004) || in(cp, 0x3008, 0x3020) || in(cp, 0xFF01, 0xFF0F) ||
         in(cp, 0x1F000, 0x1FAFF);
}

std::string hex_cp(uint32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", cp);
  return buf;
}

char closing_for(char open) { return open == '(' ? ')' : open == '[' ? ']' : '}'; }

}  // namespace

Tokenizer::Tokenizer(std::string_view source) : src_(source), end_(source.size()) {
  if (src_.size() >= 3 && src_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = line_start_ = 3;
}

Tokenizer::Tokenizer(std::string_view source, uint32_t begin, uint32_t end, int lineno, int col)
    : src_(source), pos_(begin), end_(end), line_start_(begin - col), lineno_(lineno),
      at_bol_(false), fstring_mode_(true), last_was_newline_(false) {}

void Tokenizer::newline_at(size_t p) {
  line_start_ = p;
  lineno_++;
}

Token Tokenizer::make(TokenType type, size_t start, int lineno, int col) {
  Token t;
  t.type = type;
  t.start = static_cast<uint32_t>(start);
  t.end = static_cast<uint32_t>(pos_);
  t.lineno = lineno;
  t.col = col;
  t.end_lineno = lineno_;
  t.end_col = col_of(pos_);
  t.level = static_cast<int>(parens_.size()) + (fstring_mode_ ? 1 : 0);
  if (type != TokenType::kNewline && type != TokenType::kIndent && type != TokenType::kDedent)
    last_was_newline_ = false;
  return t;
}

// CPython positions tokens at end of input on the last line, after its
// text, rather than on a line of its own.
void Tokenizer::eof_position(int* lineno, int* col) const {
  *lineno = lineno_;
  *col = col_of(pos_);
  if (pos_ == line_start_ && lineno_ > 1 && pos_ > 0 && !fstring_mode_) {
    size_t e = pos_ - 1;  // the final '\n'
    if (e > 0 && src_[e - 1] == '\r') e--;
    size_t b = e;
    while (b > 0 && src_[b - 1] != '\n' && src_[b - 1] != '\r') b--;
    *lineno = lineno_ - 1;
    *col = static_cast<int>(e - b);
  }
}

Token Tokenizer::eof_token(TokenType type) {
  Token t = make(type, pos_, lineno_, col_of(pos_));
  eof_position(&t.lineno, &t.col);
  t.end_lineno = t.lineno;
  t.end_col = t.col;
  return t;
}

Token Tokenizer::error_token() {
  Token t;
  t.type = TokenType::kError;
  t.start = t.end = static_cast<uint32_t>(pos_);
  t.lineno = t.end_lineno = lineno_;
  t.col = t.end_col = col_of(pos_);
  return t;
}

Token Tokenizer::fail(TokenError::Kind kind, std::string message, int lineno, int col,
                      int end_col) {
  if (!failed_) {
    failed_ = true;
    error_.kind = kind;
    error_.message = std::move(message);
    error_.lineno = error_.end_lineno = lineno;
    error_.col = col;
    error_.end_col = end_col;
  }
  return error_token();
}

// CPython's indentation algorithm at the start of a logical line.  Returns
// true with *out set when it fails.
bool Tokenizer::handle_indentation(Token* out) {
  at_bol_ = false;
  int col = 0, alt = 0;
  for (;; pos_++) {
    int c = peekc();
    if (c == ' ') {
      col++, alt++;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
      alt++;
    } else if (c == '\014') {
      col = alt = 0;
    } else {
      break;
    }
  }
  int c = peekc();
  if (c == '#' || c == '\n' || c == '\r' || !parens_.empty()) return false;
  if (c == '\\') return false;  // continuation line: CPython treats it like text
  if (c == -1) col = alt = 0;
  auto tab_error = [&] {
    *out = fail(TokenError::Kind::kTab, "inconsistent use of tabs and spaces in indentation",
                lineno_, 0, -1);
    return true;
  };
  if (col == indents_.back()) {
    if (alt != alt_indents_.back()) return tab_error();
  } else if (col > indents_.back()) {
    if (static_cast<int>(indents_.size()) > kMaxIndent) {
      *out = fail(TokenError::Kind::kIndentation, "too many levels of indentation", lineno_, 0,
                  -1);
      return true;
    }
    if (alt <= alt_indents_.back()) return tab_error();
    indents_.push_back(col);
    alt_indents_.push_back(alt);
    pending_++;
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      pending_--;
      indents_.pop_back();
      alt_indents_.pop_back();
    }
    if (col != indents_.back()) {
      size_t e = pos_;
      while (e < end_ && src_[e] != '\n' && src_[e] != '\r') e++;
      *out = fail(TokenError::Kind::kIndentation,
                  "unindent does not match any outer indentation level", lineno_,
                  col_of(e), -1);
      return true;
    }
    if (alt != alt_indents_.back()) return tab_error();
  }
  return false;
}

Token Tokenizer::next() {
  if (failed_) return error_token();
  for (;;) {
    if (at_bol_) {
      Token t;
      if (handle_indentation(&t)) return t;
    }
    if (pending_ != 0) {
      TokenType type = pending_ < 0 ? TokenType::kDedent : TokenType::kIndent;
      pending_ += pending_ < 0 ? 1 : -1;
      if (pos_ >= end_) return eof_token(type);
      return make(type, pos_, lineno_, col_of(pos_));
    }
    int c = peekc();
    while (c == ' ' || c == '\t' || c == '\014') {
      pos_++;
      c = peekc();
    }
    size_t start = pos_;
    if (c == '#') {
      while (pos_ < end_ && src_[pos_] != '\n' && src_[pos_] != '\r') pos_++;
      c = peekc();
    }
    if (c == -1) {
      if (fstring_mode_) return make(TokenType::kEndMarker, pos_, lineno_, col_of(pos_));
      if (!parens_.empty()) {
        const Paren& p = parens_.back();
        return fail(TokenError::Kind::kSyntax,
                    std::string("'") + p.ch + "' was never closed", p.lineno, p.col, -1);
      }
      if (!last_was_newline_) {
        last_was_newline_ = true;
        Token t = make(TokenType::kNewline, pos_, lineno_, col_of(pos_));
        t.end_col = t.col + 1;
        return t;
      }
      if (indents_.size() > 1) {
        indents_.pop_back();
        alt_indents_.pop_back();
        return eof_token(TokenType::kDedent);
      }
      return eof_token(TokenType::kEndMarker);
    }
    if (c == '\n' || c == '\r') {
      int col = col_of(start);  // CPython: a NEWLINE starts at the comment
      pos_ += (c == '\r' && peekc(1) == '\n') ? 2 : 1;
      bool emit = parens_.empty() && !last_was_newline_ && !fstring_mode_;
      int lineno = lineno_;
      newline_at(pos_);
      if (!emit) {
        if (parens_.empty() && !fstring_mode_) at_bol_ = true;
        continue;
      }
      at_bol_ = true;
      last_was_newline_ = true;
      Token t;
      t.type = TokenType::kNewline;
      t.start = static_cast<uint32_t>(start);
      t.end = static_cast<uint32_t>(pos_);
      t.lineno = t.end_lineno = lineno;
      t.col = col;
      t.end_col = col + 1;
      return t;
    }
    if (c == '\\') {
      int n = peekc(1);
      if (n == '\n' || n == '\r') {
        int col = col_of(pos_);
        pos_ += (n == '\r' && peekc(2) == '\n') ? 3 : 2;
        newline_at(pos_);
        if (pos_ >= end_ && !fstring_mode_)
          return fail(TokenError::Kind::kSyntax, "unexpected EOF while parsing", lineno_ - 1,
                      col + 1, -1);
        continue;
      }
      if (n == -1)
        return fail(TokenError::Kind::kSyntax, "unexpected EOF while parsing", lineno_,
                    col_of(pos_) + 1, -1);
      return fail(TokenError::Kind::kSyntax,
                  "unexpected character after line continuation character", lineno_,
                  col_of(pos_) + 1, -1);
    }
    if (is_ident_start(c)) return scan_name(start);
    if (is_digit(c) || (c == '.' && is_digit(peekc(1)))) return scan_number(start);
    if (c == '\'' || c == '"') return scan_string(start, start);
    return scan_operator(start);
  }
}

Token Tokenizer::scan_name(size_t start) {
  while (pos_ < end_ && is_ident_char(static_cast<unsigned char>(src_[pos_]))) {
    if (static_cast<unsigned char>(src_[pos_]) < 0x80) {
      pos_++;
      continue;
    }
    size_t len;
    uint32_t cp = decode_utf8(src_, pos_, &len);
    if (is_nonprintable(cp))
      return fail(TokenError::Kind::kSyntax, "invalid non-printable character " + hex_cp(cp),
                  lineno_, col_of(pos_), -1);
    if (is_invalid_symbol(cp))
      return fail(TokenError::Kind::kSyntax,
                  "invalid character '" + std::string(src_.substr(pos_, len)) + "' (" +
                      hex_cp(cp) + ")",
                  lineno_, col_of(pos_), -1);
    pos_ += len;
  }
  std::string_view text = src_.substr(start, pos_ - start);
  int q = peekc();
  if ((q == '\'' || q == '"') && is_string_prefix(text)) return scan_string(start, pos_);
  Token t = make(TokenType::kName, start, lineno_, col_of(start));
  t.kw = lookup_keyword(text);
  return t;
}

// After a number: a keyword that may legally follow (`1if x else y`) is
// accepted; any other identifier character is an error.
bool Tokenizer::verify_end_of_number(const char* kind, Token* out) {
  int c = peekc();
  auto ahead = [&](const char* s) {
    return src_.substr(pos_, std::strlen(s)) == std::string_view(s);
  };
  bool r = false;
  if (c == 'a') r = ahead("and");
  else if (c == 'e') r = ahead("else");
  else if (c == 'f') r = ahead("for");
  else if (c == 'i') r = ahead("if") || ahead("in") || ahead("is");
  else if (c == 'o') r = ahead("or");
  else if (c == 'n') r = ahead("not");
  if (r) return true;
  if (c != -1 && c < 0x80 && is_ident_char(c)) {
    *out = fail(TokenError::Kind::kSyntax, std::string("invalid ") + kind + " literal", lineno_,
                col_of(pos_) - 1, -1);
    return false;
  }
  return true;
}

// Digits of `base` with single underscores between them (CPython's
// tok_decimal_tail and its hex/octal/binary loops).  pos_ is at the first
// digit (or '_').  Fails on a missing digit after '_'.
bool Tokenizer::scan_digits(int base, Token* out) {
  auto ok = [base](int c) {
    return base == 16 ? is_xdigit(c) : base == 10 ? is_digit(c) : c >= '0' && c < '0' + base;
  };
  const char* kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : base == 2 ? "binary"
                                                                              : "decimal";
  for (;;) {
    while (ok(peekc())) pos_++;
    if (peekc() != '_') break;
    pos_++;
    if (!ok(peekc())) {
      int c = peekc();
      if (base != 10 && base != 16 && is_digit(c)) {
        pos_++;
        *out = fail(TokenError::Kind::kSyntax,
                    std::string("invalid digit '") + char(c) + "' in " + kind + " literal",
                    lineno_, col_of(pos_) - 1, -1);
      } else {
        *out = fail(TokenError::Kind::kSyntax, std::string("invalid ") + kind + " literal",
                    lineno_, col_of(pos_) - 1, -1);
      }
      return false;
    }
  }
  return true;
}

Token Tokenizer::scan_number(size_t start) {
  Token err;
  int col = col_of(start);
  auto done = [&](const char* kind) {
    if (!verify_end_of_number(kind, &err)) return err;
    return make(TokenType::kNumber, start, lineno_, col);
  };
  int c = peekc();
  if (c == '0') {
    int n = peekc(1) | 0x20;
    if (n == 'x' || n == 'o' || n == 'b') {
      int base = n == 'x' ? 16 : n == 'o' ? 8 : 2;
      const char* kind = base == 16 ? "hexadecimal" : base == 8 ? "octal" : "binary";
      pos_ += 2;
      if (peekc() == '_') pos_++;
      int d = peekc();
      bool ok = base == 16 ? is_xdigit(d) : d >= '0' && d < '0' + base;
      if (!ok) {
        if (is_digit(d)) {
          pos_++;
          return fail(TokenError::Kind::kSyntax,
                      std::string("invalid digit '") + char(d) + "' in " + kind + " literal",
                      lineno_, col_of(pos_) - 1, -1);
        }
        return fail(TokenError::Kind::kSyntax, std::string("invalid ") + kind + " literal",
                    lineno_, col_of(pos_) - 1, -1);
      }
      if (!scan_digits(base, &err)) return err;
      if (base != 16 && is_digit(peekc())) {
        int d2 = peekc();
        pos_++;
        return fail(TokenError::Kind::kSyntax,
                    std::string("invalid digit '") + char(d2) + "' in " + kind + " literal",
                    lineno_, col_of(pos_) - 1, -1);
      }
      return done(kind);
    }
    // Zeros, then maybe an (illegal) old-style octal or a float.
    bool nonzero = false;
    for (;;) {
      if (peekc() == '_') {
        pos_++;
        if (!is_digit(peekc()))
          return fail(TokenError::Kind::kSyntax, "invalid decimal literal", lineno_,
                      col_of(pos_) - 1, -1);
      }
      if (peekc() != '0') break;
      pos_++;
    }
    size_t zeros_end = pos_;
    if (is_digit(peekc())) {
      nonzero = true;
      if (!scan_digits(10, &err)) return err;
    }
    c = peekc();
    if (c != '.' && (c | 0x20) != 'e' && (c | 0x20) != 'j' && nonzero) {
      return fail(TokenError::Kind::kSyntax,
                  "leading zeros in decimal integer literals are not permitted; use an 0o "
                  "prefix for octal integers",
                  lineno_, col, col_of(zeros_end) + 1);
    }
  } else if (c != '.') {
    if (!scan_digits(10, &err)) return err;
  }
  c = peekc();
  if (c == '.') {
    pos_++;
    if (is_digit(peekc()) && !scan_digits(10, &err)) return err;
    c = peekc();
  }
  if ((c | 0x20) == 'e') {
    int e = peekc(1);
    size_t save = pos_;
    if (e == '+' || e == '-') {
      pos_ += 2;
      if (!is_digit(peekc()))
        return fail(TokenError::Kind::kSyntax, "invalid decimal literal", lineno_,
                    col_of(pos_) - 1, -1);
    } else if (!is_digit(e)) {
      if (!verify_end_of_number("decimal", &err)) return err;
      pos_ = save;
      return make(TokenType::kNumber, start, lineno_, col);
    } else {
      pos_++;
    }
    if (!scan_digits(10, &err)) return err;
    c = peekc();
  }
  if ((c | 0x20) == 'j') {
    pos_++;
    return done("imaginary");
  }
  return done("decimal");
}

Token Tokenizer::scan_string(size_t start, size_t quote_pos) {
  int lineno = lineno_;
  int col = col_of(start);
  pos_ = quote_pos;
  char q = src_[pos_];
  bool triple = peekc(1) == q && peekc(2) == q;
  pos_ += triple ? 3 : 1;
  for (;;) {
    int c = peekc();
    if (c == -1 || (!triple && (c == '\n' || c == '\r'))) {
      int detected = lineno_;
      if (c == -1 && pos_ > 0 && src_[pos_ - 1] == '\n' && triple) detected--;
      std::string msg = triple ? "unterminated triple-quoted string literal (detected at line "
                               : "unterminated string literal (detected at line ";
      msg += std::to_string(detected) + ")";
      return fail(TokenError::Kind::kSyntax, std::move(msg), lineno, col, -1);
    }
    pos_++;
    if (c == '\\') {
      int n = peekc();
      if (n == -1) continue;
      pos_++;
      if (n == '\r' && peekc() == '\n') pos_++;
      if (n == '\n' || n == '\r') newline_at(pos_);
      continue;
    }
    if (c == '\n' || (c == '\r' && peekc() != '\n')) {
      newline_at(pos_);
      continue;
    }
    if (c == q) {
      if (!triple) break;
      if (peekc() == q && peekc(1) == q) {
        pos_ += 2;
        break;
      }
    }
  }
  return make(TokenType::kString, start, lineno, col);
}

Token Tokenizer::scan_operator(size_t start) {
  int col = col_of(start);
  std::string_view rest = src_.substr(pos_, end_ - pos_);
  Op op = Op::kNone;
  for (const OpEntry& e : kOps3) {
    if (rest.substr(0, 3) == e.text) {
      op = e.op;
      pos_ += 3;
      break;
    }
  }
  if (op == Op::kNone) {
    for (const OpEntry& e : kOps2) {
      if (rest.substr(0, 2) == e.text) {
        op = e.op;
        pos_ += 2;
        break;
      }
    }
  }
  if (op == Op::kNone) {
    char c = src_[pos_];
    op = single_char_op(static_cast<unsigned char>(c));
    pos_++;
    if (c == '(' || c == '[' || c == '{') {
      if (static_cast<int>(parens_.size()) >= kMaxParenLevel)
        return fail(TokenError::Kind::kSyntax, "too many nested parentheses", lineno_, col, -1);
      parens_.push_back({c, lineno_, col});
    } else if (c == ')' || c == ']' || c == '}') {
      if (parens_.empty()) {
        if (!fstring_mode_)
          return fail(TokenError::Kind::kSyntax, std::string("unmatched '") + c + "'", lineno_,
                      col, -1);
      } else {
        Paren p = parens_.back();
        if (closing_for(p.ch) != c) {
          std::string msg = std::string("closing parenthesis '") + c +
                            "' does not match opening parenthesis '" + p.ch + "'";
          if (p.lineno != lineno_) msg += " on line " + std::to_string(p.lineno);
          return fail(TokenError::Kind::kSyntax, std::move(msg), lineno_, col, -1);
        }
        parens_.pop_back();
      }
    }
  }
  Token t = make(TokenType::kOp, start, lineno_, col);
  t.op = op;
  return t;
}

std::string_view source_line(std::string_view source, int lineno) {
  size_t p = 0;
  for (int i = 1; i < lineno; i++) {
    size_t nl = source.find('\n', p);
    if (nl == std::string_view::npos) return {};
    p = nl + 1;
  }
  if (p > source.size()) return {};
  size_t nl = source.find('\n', p);
  return source.substr(p, nl == std::string_view::npos ? std::string_view::npos : nl + 1 - p);
}

int char_column(std::string_view line, int byte_col) {
  int n = 0;
  for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); i++) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) n++;
  }
  if (byte_col > static_cast<int>(line.size())) n += byte_col - static_cast<int>(line.size());
  return n;
}

}  // namespace conch::vm::ast
