// Parser entry point, error reporting and target checks; the grammar lives
// in the parse_*.cc files (see parser_internal.h).
#include "vm/parse/parser.h"

#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "vm/parse/parser_internal.h"

namespace conch::vm::ast {

const char* SyntaxErrorInfo::type_name() const {
  switch (kind) {
    case Kind::kIndentationError: return "IndentationError";
    case Kind::kTabError: return "TabError";
    case Kind::kRecursionError: return "RecursionError";
    default: return "SyntaxError";
  }
}

namespace detail {

// CPython's _PyPegen_get_expr_name.
const char* expr_name(const expr* e) {
  switch (e->kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
    case ExprKind::Constant: {
      switch (cast<Constant>(e)->value.kind) {
        case ConstantValue::Kind::None: return "None";
        case ConstantValue::Kind::True: return "True";
        case ConstantValue::Kind::False: return "False";
        case ConstantValue::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    default: return "expression";
  }
}

// CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot
// be a target, or nullptr.
expr* invalid_target(expr* e, Targets type) {
  switch (e->kind) {
    case ExprKind::List:
      for (expr* x : cast<List>(e)->elts)
        if (expr* bad = invalid_target(x, type)) return bad;
      return nullptr;
    case ExprKind::Tuple:
      for (expr* x : cast<Tuple>(e)->elts)
        if (expr* bad = invalid_target(x, type)) return bad;
      return nullptr;
    case ExprKind::Starred:
      if (type == Targets::kDel) return e;
      return invalid_target(cast<Starred>(e)->value, type);
    case ExprKind::Compare:
      if (type == Targets::kFor) {
        auto* c = cast<Compare>(e);
        if (c->ops[0] == CmpOp::In) return invalid_target(c->left, type);
        return nullptr;
      }
      return e;
    case ExprKind::Name:
    case ExprKind::Subscript:
    case ExprKind::Attribute:
      return nullptr;
    default:
      return e;
  }
}

void set_context(expr* e, ExprContext ctx) {
  switch (e->kind) {
    case ExprKind::Name: cast<Name>(e)->ctx = ctx; break;
    case ExprKind::Attribute: cast<Attribute>(e)->ctx = ctx; break;
    case ExprKind::Subscript: cast<Subscript>(e)->ctx = ctx; break;
    case ExprKind::Starred:
      cast<Starred>(e)->ctx = ctx;
      set_context(cast<Starred>(e)->value, ctx);
      break;
    case ExprKind::List:
      cast<List>(e)->ctx = ctx;
      for (expr* x : cast<List>(e)->elts) set_context(x, ctx);
      break;
    case ExprKind::Tuple:
      cast<Tuple>(e)->ctx = ctx;
      for (expr* x : cast<Tuple>(e)->elts) set_context(x, ctx);
      break;
    default: break;
  }
}

// Expressions at CPython's `bitwise_or` level or tighter (what the
// "Maybe you meant '=='" rules accept as the left side).
bool is_bitwise_or_level(const expr* e) {
  switch (e->kind) {
    case ExprKind::BoolOp: case ExprKind::Compare: case ExprKind::IfExp: case ExprKind::Lambda:
    case ExprKind::NamedExpr: case ExprKind::Starred: case ExprKind::Yield:
    case ExprKind::YieldFrom:
      return false;
    case ExprKind::UnaryOp:
      return cast<UnaryOp>(e)->op != UnaryOperator::Not;
    default:
      return true;
  }
}

void Parser::tokenizer_error() {
  if (err_ && err_->from_tokenizer) return;
  const TokenError& te = tz_.error();
  PendingError e;
  e.kind = te.kind == TokenError::Kind::kTab           ? SyntaxErrorInfo::Kind::kTabError
           : te.kind == TokenError::Kind::kIndentation ? SyntaxErrorInfo::Kind::kIndentationError
                                                       : SyntaxErrorInfo::Kind::kSyntaxError;
  e.message = te.message;
  e.lineno = te.lineno;
  e.col = te.col;
  e.end_lineno = te.end_lineno;
  e.end_col = te.end_col;
  e.from_tokenizer = true;
  err_ = std::move(e);
}

void Parser::invalid_syntax() {
  if (err_) return;
  const Token& t = cur();
  if (t.type == TokenType::kIndent) {
    error_range(t.lineno, t.col > 0 ? t.col - 1 : 0, t.lineno, -1, "unexpected indent",
                SyntaxErrorInfo::Kind::kIndentationError);
    err_->no_rescan = true;
  } else if (t.type == TokenType::kDedent) {
    error_range(t.lineno, t.col, t.lineno, -1, "unexpected unindent",
                SyntaxErrorInfo::Kind::kIndentationError);
    err_->no_rescan = true;
  } else {
    error_at(t, "invalid syntax");
  }
}

bool Parser::starts_expression(const Token& t) const {
  switch (t.type) {
    case TokenType::kName:
      switch (t.kw) {
        case Keyword::kNone: case Keyword::kNoneKw: case Keyword::kTrue: case Keyword::kFalse:
        case Keyword::kNot: case Keyword::kLambda: case Keyword::kAwait:
          return true;
        default:
          return false;
      }
    case TokenType::kNumber: case TokenType::kString: return true;
    case TokenType::kOp:
      switch (t.op) {
        case Op::kLPar: case Op::kLSqb: case Op::kLBrace: case Op::kMinus: case Op::kPlus:
        case Op::kTilde: case Op::kEllipsis:
          return true;
        default:
          return false;
      }
    default: return false;
  }
}

// CPython's invalid_expression "Perhaps you forgot a comma?": inside
// brackets, an expression directly followed by another one.  Returns true
// (error set) when it applies.
bool Parser::missing_comma(expr* a) {
  if (failed() || cur().level == 0 || !starts_expression(cur())) return false;
  // CPython excludes `NAME STRING` (print "x"-like) here.
  if (a->kind == ExprKind::Name && cur().type == TokenType::kString) return false;
  if (a->kind == ExprKind::IfExp || a->kind == ExprKind::Lambda ||
      a->kind == ExprKind::NamedExpr || a->kind == ExprKind::Starred)
    return false;
  size_t save = p_;
  Token save_last = last_;
  // CPython's expression_without_invalid: a ternary if complete, else the
  // disjunction alone.
  expr* b = at_kw(Keyword::kLambda) ? lambdef() : disjunction();
  if (b && at_kw(Keyword::kIf)) {
    size_t mid = p_;
    Token mid_last = last_;
    advance();
    if (disjunction() && accept_kw(Keyword::kElse) && expression()) {
      b = nullptr;  // the ternary's end is last_
      Token end = last_;
      err_.reset();
      p_ = save;
      last_ = save_last;
      error_range(a->lineno, a->col_offset, end.end_lineno, end.end_col,
                  "invalid syntax. Perhaps you forgot a comma?");
      return true;
    }
    if (err_ && err_->from_tokenizer) return true;
    err_.reset();
    p_ = mid;
    last_ = mid_last;
  }
  if (err_ && err_->from_tokenizer) return true;
  err_.reset();
  p_ = save;
  last_ = save_last;
  if (!b) return false;
  error_span(a, b, "invalid syntax. Perhaps you forgot a comma?");
  return true;
}

// CPython's invalid_named_expression: `a = b` where an expression (not an
// assignment) is expected.  Returns true (error set) when it applies.
bool Parser::check_named_eq(expr* a) {
  if (failed() || !at(Op::kEqual)) return false;
  if (!is_bitwise_or_level(a)) return false;
  size_t save = p_;
  Token save_last = last_;
  advance();
  expr* b = bitwise_or();
  bool applies = b != nullptr && !at(Op::kEqual) && !at(Op::kColonEqual);
  if (err_ && err_->from_tokenizer) return true;
  err_.reset();
  p_ = save;
  last_ = save_last;
  if (!applies) return false;
  if (a->kind == ExprKind::Name) {
    error_span(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return true;
  }
  bool excluded = a->kind == ExprKind::List || a->kind == ExprKind::Tuple ||
                  a->kind == ExprKind::GeneratorExp;
  if (a->kind == ExprKind::Constant) {
    auto k = cast<Constant>(a)->value.kind;
    excluded = k == ConstantValue::Kind::None || k == ConstantValue::Kind::True ||
               k == ConstantValue::Kind::False;
  }
  if (excluded) return false;
  error_node(a, std::string("cannot assign to ") + expr_name(a) +
                    " here. Maybe you meant '==' instead of '='?");
  return true;
}

}  // namespace detail

namespace {

using detail::Parser;
using detail::PendingError;

// CPython re-tokenizes the rest of the source after a parser error and
// prefers a tokenizer error found there.
std::optional<PendingError> scan_for_tokenizer_error(std::string_view source, int err_line) {
  Tokenizer tz(source);
  for (;;) {
    Token t = tz.next();
    if (t.type == TokenType::kEndMarker) return std::nullopt;
    if (t.type != TokenType::kError) continue;
    const TokenError& te = tz.error();
    bool unclosed = te.message.find("was never closed") != std::string::npos;
    if (unclosed && te.lineno >= err_line) return std::nullopt;
    // CPython's tokenizer reports these by status code, not by raising, and
    // its re-scan ignores them.
    if (te.kind != TokenError::Kind::kSyntax ||
        te.message.rfind("unexpected character after line continuation", 0) == 0 ||
        te.message.rfind("unexpected EOF", 0) == 0)
      return std::nullopt;
    PendingError e;
    e.kind = te.kind == TokenError::Kind::kTab           ? SyntaxErrorInfo::Kind::kTabError
             : te.kind == TokenError::Kind::kIndentation ? SyntaxErrorInfo::Kind::kIndentationError
                                                         : SyntaxErrorInfo::Kind::kSyntaxError;
    e.message = te.message;
    e.lineno = te.lineno;
    e.col = te.col;
    e.end_lineno = te.end_lineno;
    e.end_col = te.end_col;
    e.from_tokenizer = true;
    return e;
  }
}

SyntaxErrorInfo to_info(std::string_view source, const PendingError& e) {
  SyntaxErrorInfo info;
  info.kind = e.kind;
  info.message = e.message;
  info.lineno = e.lineno;
  info.end_lineno = e.end_lineno ? e.end_lineno : e.lineno;
  std::string_view line = e.text.empty() ? source_line(source, e.lineno) : e.text;
  info.text = std::string(line);
  if (!info.text.empty() && info.text.back() != '\n') info.text += '\n';
  info.offset = e.lineno > 0 ? char_column(line, e.col) + 1 : 0;
  if (e.end_col < 0) {
    info.end_offset = -1;
  } else {
    std::string_view end_line = info.end_lineno == e.lineno || !e.text.empty()
                                    ? line
                                    : source_line(source, info.end_lineno);
    info.end_offset = char_column(end_line, e.end_col) + 1;
  }
  if (e.kind == SyntaxErrorInfo::Kind::kRecursionError) info.text.clear();
  return info;
}

// PEP 263: the encoding named by a `coding[:=]name` comment on line 1 or 2
// (line 2 only when line 1 is a comment or blank).  Empty when absent.
std::string coding_cookie(std::string_view src) {
  for (int line = 0; line < 2; line++) {
    size_t nl = src.find('\n');
    std::string_view l = src.substr(0, nl);
    size_t p = l.find_first_not_of(" \t\f");
    if (p == std::string_view::npos || l[p] != '#') {
      if (p != std::string_view::npos) return "";
      if (nl == std::string_view::npos) return "";
      src.remove_prefix(nl + 1);
      continue;
    }
    size_t c = l.find("coding", p);
    if (c != std::string_view::npos && c + 6 < l.size() && (l[c + 6] == ':' || l[c + 6] == '=')) {
      size_t b = c + 7;
      while (b < l.size() && (l[b] == ' ' || l[b] == '\t')) b++;
      size_t e = b;
      while (e < l.size() && (isalnum(static_cast<unsigned char>(l[e])) || l[e] == '-' ||
                              l[e] == '_' || l[e] == '.'))
        e++;
      std::string name(l.substr(b, e - b));
      for (char& ch : name) ch = ch == '_' ? '-' : static_cast<char>(tolower(ch));
      return name;
    }
    if (nl == std::string_view::npos) return "";
    src.remove_prefix(nl + 1);
  }
  return "";
}

// Offset of the first byte that is not valid UTF-8, or npos.
size_t invalid_utf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      i++;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || c == 0xC0 || c == 0xC1 || c > 0xF4 || i + len > n) return i;
    for (int k = 1; k < len; k++)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    i += len;
  }
  return std::string_view::npos;
}

// The source as UTF-8: decoded per its coding cookie (latin-1 is
// transcoded into the arena) and validated.  False with *err set otherwise.
bool source_as_utf8(std::string_view source, std::string_view filename, Arena& arena,
                    std::string_view* out, PendingError* err) {
  std::string enc = coding_cookie(source);
  bool latin1 = enc == "latin-1" || enc == "iso-8859-1" || enc == "iso-latin-1" ||
                enc == "latin1" || enc == "l1" || enc == "iso8859-1" || enc == "cp819" ||
                enc.rfind("latin-1-", 0) == 0 || enc.rfind("iso-8859-1-", 0) == 0;
  bool utf8 = enc.empty() || enc.rfind("utf-8", 0) == 0 || enc == "utf8" || enc == "ascii" ||
              enc == "us-ascii";
  if (!latin1 && !utf8) {
    err->message = "encoding problem: " + enc;
    return false;
  }
  if (latin1) {
    std::string converted;
    converted.reserve(source.size());
    for (char c : source) append_utf8(&converted, static_cast<unsigned char>(c));
    *out = arena.copy(converted);
    return true;
  }
  size_t bad = invalid_utf8(source);
  if (bad != std::string_view::npos) {
    int line = 1;
    for (size_t i = 0; i < bad; i++) line += source[i] == '\n';
    char hex[8];
    std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(source[bad]));
    err->message = std::string("Non-UTF-8 code starting with '") + hex + "' in file " +
                   std::string(filename) + " on line " + std::to_string(line) +
                   ", but no encoding declared; see https://peps.python.org/pep-0263/ for "
                   "details";
    return false;
  }
  *out = source;
  return true;
}

}  // namespace

ParseResult parse(std::string_view raw_source, std::string_view filename, ParseMode mode) {
  ParseResult result;
  result.arena = std::make_unique<Arena>();
  std::string_view source;
  PendingError encoding_error;
  if (!source_as_utf8(raw_source, filename, *result.arena, &source, &encoding_error)) {
    result.error = to_info(raw_source, encoding_error);
    return result;
  }
  Parser parser(source, *result.arena);
  mod* root = parser.parse(mode);
  if (root && !parser.err_) {
    result.root = root;
    return result;
  }
  PendingError e = parser.err_ ? *parser.err_ : PendingError{};
  if (!parser.err_) e.message = "invalid syntax";
  if (!e.from_tokenizer && !e.no_rescan && e.kind != SyntaxErrorInfo::Kind::kRecursionError) {
    if (auto te = scan_for_tokenizer_error(source, parser.furthest_line())) e = *te;
  }
  result.error = to_info(source, e);
  return result;
}

}  // namespace conch::vm::ast
