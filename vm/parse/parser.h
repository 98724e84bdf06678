// Source text to AST (vm/parse/ast.h): a hand-written recursive-descent
// parser for Python 3.11 minus async/await/match/except*, over the token
// stream of vm/parse/tokenizer.h.
//
// The API never throws and never crashes on bad input: parse() returns a
// ParseResult that holds either the tree or a SyntaxErrorInfo worded as
// CPython 3.11 words it.  Deep nesting is bounded (the tokenizer refuses more
// than 200 open brackets, the parser more than kMaxDepth nested constructs),
// so no input overflows the C++ stack.
//
// Usage:
//   ast::ParseResult r = ast::parse(src, "<string>", ast::ParseMode::kExec);
//   if (!r.ok()) { raise SyntaxError from *r.error; }
//   ast::Module* m = ast::cast<ast::Module>(r.root);
// The tree lives in r.arena and dies with r (ParseResult is move-only).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "vm/parse/ast.h"

namespace conch::vm::ast {

// exec: a Module; eval: an Expression; single: an Interactive (REPL line).
enum class ParseMode { kExec, kEval, kSingle };

// What Python's SyntaxError carries.  offset/end_offset are 1-based
// character (code point) columns, as CPython reports them; text is the
// offending source line including its trailing newline when it has one
// (CPython's SyntaxError.text).  lineno 0 / offset 0 mean "unknown";
// end_offset -1 means "no range" (CPython prints a single caret).
struct SyntaxErrorInfo {
  // kRecursionError: nesting too deep for the parser (raise RecursionError
  // with `message`, as CPython does for such input).
  enum class Kind { kSyntaxError, kIndentationError, kTabError, kRecursionError };
  Kind kind = Kind::kSyntaxError;
  std::string message;
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;

  // "SyntaxError", "IndentationError", "TabError" or "RecursionError".
  const char* type_name() const;
};

struct ParseResult {
  std::unique_ptr<Arena> arena;
  mod* root = nullptr;  // Module, Expression or Interactive per ParseMode
  std::optional<SyntaxErrorInfo> error;

  bool ok() const { return root != nullptr; }
};

// Parses `source`: UTF-8 (a leading BOM is skipped), or latin-1 when a PEP
// 263 `coding:` comment says so; other bytes give CPython's "Non-UTF-8 code
// starting with ..." error.  `filename` is only for messages.  Never throws.
// The tree does not point into `source`.
ParseResult parse(std::string_view source, std::string_view filename, ParseMode mode);

// The text of CPython's ast.dump(node) with default arguments
// (annotate_fields=True, include_attributes=False, indent=None).
// vm/parse/ast_dump.cc.
std::string ast_dump(const mod* node);
std::string ast_dump(const stmt* node);
std::string ast_dump(const expr* node);

// Nesting limit: no tree is deeper than about kMaxDepth expression levels
// (plus at most 100 levels of statement nesting, the tokenizer's indentation
// limit), so a recursive walk over a tree -- the compiler's -- needs bounded
// stack.  Deeper input gives a kRecursionError ("maximum recursion depth
// exceeded during compilation"), as CPython does somewhere between 1000 and
// 3000 levels.
inline constexpr int kMaxDepth = 2000;

}  // namespace conch::vm::ast
