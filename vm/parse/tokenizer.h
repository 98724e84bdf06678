// Python 3.11 tokenizer: one pass over UTF-8 bytes, producing tokens on
// demand for the parser (vm/parse/parser.cc).
//
// It follows CPython's Parser/tokenizer.c: INDENT/DEDENT from a stack of
// indentation columns (tabs advance to the next multiple of 8; a second
// "alternate" column with tabs counted as 1 detects inconsistent tabs, a
// TabError), NEWLINE only outside brackets and not for blank or comment-only
// lines, backslash continuation, an implicit NEWLINE before ENDMARKER when the
// last line lacks one, and at most kMaxParenLevel open brackets and
// kMaxIndent indentation levels (so no input can make the parser recurse
// without bound through brackets).
//
// Tokens carry byte offsets into the source and CPython-style positions
// (1-based lines, 0-based byte columns).  String tokens are not decoded here;
// the token spans the prefix and quotes, and literals.h decodes it.  Keywords
// are NAME tokens with `kw` set.
//
// After an error, next() returns kError tokens forever and error() describes
// the first error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace conch::vm::ast {

enum class TokenType : uint8_t { kEndMarker, kName, kNumber, kString, kNewline, kIndent, kDedent, kOp, kError };

// Operators and delimiters.  kUnknown: a character no rule accepts ($ ? `),
// which the parser reports as "invalid syntax", as CPython does.
enum class Op : uint8_t {
  kNone, kLPar, kRPar, kLSqb, kRSqb, kLBrace, kRBrace, kColon, kComma, kSemi, kPlus, kMinus,
  kStar, kSlash, kVBar, kAmper, kLess, kGreater, kEqual, kDot, kPercent, kEqEqual, kNotEqual,
  kLessEqual, kGreaterEqual, kTilde, kCircumflex, kLeftShift, kRightShift, kDoubleStar,
  kPlusEqual, kMinEqual, kStarEqual, kSlashEqual, kPercentEqual, kAmperEqual, kVBarEqual,
  kCircumflexEqual, kLeftShiftEqual, kRightShiftEqual, kDoubleStarEqual, kDoubleSlash,
  kDoubleSlashEqual, kAt, kAtEqual, kRArrow, kEllipsis, kColonEqual, kExclamation, kUnknown
};

enum class Keyword : uint8_t {
  kNone, kFalse, kNoneKw, kTrue, kAnd, kAs, kAssert, kAsync, kAwait, kBreak, kClass, kContinue,
  kDef, kDel, kElif, kElse, kExcept, kFinally, kFor, kFrom, kGlobal, kIf, kImport, kIn, kIs,
  kLambda, kNonlocal, kNot, kOr, kPass, kRaise, kReturn, kTry, kWhile, kWith, kYield
};

struct Token {
  TokenType type = TokenType::kEndMarker;
  Op op = Op::kNone;
  Keyword kw = Keyword::kNone;
  uint32_t start = 0;  // byte offsets into the source
  uint32_t end = 0;
  int lineno = 0;  // 1-based
  int col = 0;     // 0-based byte column
  int end_lineno = 0;
  int end_col = 0;
  int level = 0;  // open brackets after this token (f-string fields count 1)
};

// A tokenizer error, positioned as CPython positions it (columns are 0-based
// bytes here; the parser converts to 1-based characters).
struct TokenError {
  enum class Kind { kSyntax, kIndentation, kTab };
  Kind kind = Kind::kSyntax;
  std::string message;
  int lineno = 0;
  int col = 0;
  int end_lineno = 0;
  int end_col = -1;  // -1: none (CPython's -1 end offset)
};

inline constexpr int kMaxParenLevel = 200;
inline constexpr int kMaxIndent = 100;

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view source);
  // A tokenizer over source[begin, end) that starts at the given position
  // inside one bracket level (f-string replacement fields: implicit line
  // joining, no INDENT/NEWLINE).  Positions stay those of the whole source.
  Tokenizer(std::string_view source, uint32_t begin, uint32_t end, int lineno, int col);

  Token next();
  bool failed() const { return failed_; }
  const TokenError& error() const { return error_; }
  // For "'(' was never closed" after the parser fails elsewhere.
  int paren_level() const { return static_cast<int>(parens_.size()); }

  std::string_view source() const { return src_; }

 private:
  struct Paren {
    char ch;
    int lineno;
    int col;
  };

  int peekc(size_t ahead = 0) const {
    size_t p = pos_ + ahead;
    return p < end_ ? static_cast<unsigned char>(src_[p]) : -1;
  }
  int col_of(size_t p) const { return static_cast<int>(p - line_start_); }
  void newline_at(size_t p);  // pos p is just after '\n'

  Token make(TokenType type, size_t start, int lineno, int col);
  Token fail(TokenError::Kind kind, std::string message, int lineno, int col, int end_col = -1);
  Token error_token();
  Token eof_token(TokenType type);
  void eof_position(int* lineno, int* col) const;

  bool handle_indentation(Token* out);  // true: *out is a token to return
  Token scan_name(size_t start);
  Token scan_number(size_t start);
  Token scan_string(size_t start, size_t quote_pos);
  Token scan_operator(size_t start);
  bool verify_end_of_number(const char* kind, Token* out);
  bool scan_digits(int base, Token* out);

  std::string_view src_;
  size_t pos_ = 0;
  size_t end_ = 0;
  size_t line_start_ = 0;
  int lineno_ = 1;
  bool at_bol_ = true;
  bool fstring_mode_ = false;
  bool last_was_newline_ = true;  // for the implicit NEWLINE at EOF
  bool emitted_eof_newline_ = false;
  int pending_ = 0;  // >0: INDENTs to emit, <0: DEDENTs
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<Paren> parens_;
  bool failed_ = false;
  TokenError error_;
};

// Line `lineno` (1-based) of `source`, including its '\n' if present.
std::string_view source_line(std::string_view source, int lineno);
// Number of UTF-8 code points in line[0, byte_col).
int char_column(std::string_view line, int byte_col);

}  // namespace conch::vm::ast
