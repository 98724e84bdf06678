// Internals of the parser (parser.h), shared by its .cc files:
//   parser.cc          parse(), errors, target checks, source decoding
//   parse_stmt.cc      simple statements and assignments
//   parse_compound.cc  blocks, compound statements, parameter lists
//   parse_match.cc     the match statement and its patterns
//   parse_expr.cc      operators, from lambda/ternary down to primary
//   parse_atom.cc      calls, subscripts, atoms, displays, comprehensions
//   parse_string.cc    string concatenation and f-strings
//
// A hand-written recursive-descent parser for Python 3.11 (minus
// async/await/except*).  The grammar follows CPython's
// Grammar/python.gram rule for rule, but without PEG backtracking: an
// expression statement is parsed once as an expression and, when `=`, `:` or
// an augmented operator follows, checked and converted into an assignment
// target (ctx Store).  CPython's second "invalid_*" pass is imitated at the
// points where a parse fails, producing the same messages for the common
// mistakes ("expected ':'", "cannot assign to ...", "Perhaps you forgot a
// comma?", ...).
//
// Errors: the first error wins, except that a tokenizer error met while
// reading tokens replaces a parser error (CPython raises tokenizer errors as
// soon as the token is fetched, and re-tokenizes the rest of the file after a
// parser error to prefer tokenizer errors).  Every parse function returns
// nullptr (or false) once an error is set, and callers propagate.
//
// Tokens are read on demand into toks_; p_ indexes the current one.  The
// few places that look ahead or backtrack (missing-comma and `=` checks,
// `with (...)`) save and restore p_ and last_.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vm/parse/literals.h"
#include "vm/parse/parser.h"
#include "vm/parse/tokenizer.h"

namespace conch::vm::ast::detail {

enum class Targets { kStar, kDel, kFor };

// An error as found (0-based byte columns); converted to SyntaxErrorInfo at
// the end.
struct PendingError {
  SyntaxErrorInfo::Kind kind = SyntaxErrorInfo::Kind::kSyntaxError;
  std::string message;
  int lineno = 0, col = 0, end_lineno = 0, end_col = -1;
  bool from_tokenizer = false;
  bool no_rescan = false;  // CPython does not re-tokenize after this error
  std::string text;        // SyntaxError.text when not the source line
};

// CPython's _PyPegen_get_expr_name ("function call", "literal", ...).
const char* expr_name(const expr* e);
// CPython's _PyPegen_get_invalid_target: the first sub-expression of `e`
// that cannot be a target of `type`, or nullptr.
expr* invalid_target(expr* e, Targets type);
// Sets ctx on a target and, for Tuple/List/Starred, on its elements.
void set_context(expr* e, ExprContext ctx);
// Expressions at CPython's `bitwise_or` level or tighter (what the
// "Maybe you meant '=='" rules accept as the left side).
bool is_bitwise_or_level(const expr* e);
// "'if' statement on line 3", for "expected an indented block after ...".
std::string on_line(const char* what, int line);

class Parser {
 public:
  Parser(std::string_view src, Arena& arena) : tz_(src), src_(src), arena_(arena) {}
  // Sub-parser for an f-string replacement field: source[begin, end).
  Parser(std::string_view src, Arena& arena, uint32_t begin, uint32_t end, int lineno, int col,
         int depth)
      : tz_(src, begin, end, lineno, col), src_(src), arena_(arena), depth_(depth),
        in_fstring_(true) {}

  mod* parse(ParseMode mode);
  expr* parse_fstring_field();
  int furthest_line() const { return toks_.empty() ? 0 : toks_.back().lineno; }
  std::optional<PendingError> err_;

 private:
  // --- tokens ------------------------------------------------------------
  const Token& peek(size_t k = 0) {
    while (toks_.size() <= p_ + k) {
      toks_.push_back(tz_.next());
      if (toks_.back().type == TokenType::kError) tokenizer_error();
    }
    return toks_[p_ + k];
  }
  const Token& cur() { return peek(0); }
  Token advance() {
    Token t = cur();
    if (t.type != TokenType::kEndMarker && t.type != TokenType::kError) p_++;
    if (t.type != TokenType::kNewline && t.type != TokenType::kIndent &&
        t.type != TokenType::kDedent)
      last_ = t;
    return t;
  }
  bool at(Op op) {
    const Token& t = cur();
    return t.type == TokenType::kOp && t.op == op;
  }
  bool at_kw(Keyword k) {
    const Token& t = cur();
    return t.type == TokenType::kName && t.kw == k;
  }
  bool at_type(TokenType type) { return cur().type == type; }
  bool at_name() { return cur().type == TokenType::kName && cur().kw == Keyword::kNone; }
  bool accept(Op op) {
    if (!at(op)) return false;
    advance();
    return true;
  }
  bool accept_kw(Keyword k) {
    if (!at_kw(k)) return false;
    advance();
    return true;
  }
  bool expect(Op op) {
    if (accept(op)) return true;
    invalid_syntax();
    return false;
  }
  // ':' after a compound statement header.  `forced`: CPython's &&':'.
  bool expect_colon(bool forced) {
    if (accept(Op::kColon)) return true;
    if (forced || at_type(TokenType::kNewline)) error_at(cur(), "expected ':'");
    else invalid_syntax();
    return false;
  }
  std::string_view text(const Token& t) const { return src_.substr(t.start, t.end - t.start); }
  Identifier name_of(const Token& t) { return arena_.copy(text(t)); }
  bool starts_expression(const Token& t) const;

  // --- errors ------------------------------------------------------------
  bool failed() const { return err_.has_value(); }
  void tokenizer_error();
  void set_error(PendingError e) {
    if (!err_) err_ = std::move(e);
  }
  void error_range(int l, int c, int el, int ec, std::string msg,
                   SyntaxErrorInfo::Kind kind = SyntaxErrorInfo::Kind::kSyntaxError) {
    PendingError e;
    e.kind = kind;
    e.message = std::move(msg);
    e.lineno = l, e.col = c, e.end_lineno = el, e.end_col = ec;
    set_error(std::move(e));
  }
  void error_at(const Token& t, std::string msg) {
    error_range(t.lineno, t.col, t.end_lineno, t.end_col, std::move(msg));
  }
  void error_node(const Node* n, std::string msg) {
    error_range(n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, std::move(msg));
  }
  void error_span(const Node* a, const Node* b, std::string msg) {
    error_range(a->lineno, a->col_offset, b->end_lineno, b->end_col_offset, std::move(msg));
  }
  void invalid_syntax();
  bool enter() {
    if (++depth_ <= kMaxDepth) return true;
    if (!err_) {
      PendingError e;
      e.kind = SyntaxErrorInfo::Kind::kRecursionError;
      e.message = "maximum recursion depth exceeded during compilation";
      e.lineno = cur().lineno;
      e.col = cur().col;
      err_ = std::move(e);
    }
    return false;
  }
  // One level per link of a left-associative chain (a.b.c, a+b+c), since
  // each link nests the tree one level deeper.
  struct ChainDepth {
    Parser* p;
    int links = 0;
    explicit ChainDepth(Parser* parser) : p(parser) {}
    bool add() {
      links++;
      return p->enter();
    }
    ~ChainDepth() { p->depth_ -= links; }
  };
  struct DepthScope {
    Parser* p;
    bool ok;
    explicit DepthScope(Parser* parser) : p(parser), ok(parser->enter()) {}
    ~DepthScope() { p->depth_--; }
  };

  // --- node construction -------------------------------------------------
  template <class T>
  T* node(int lineno, int col) {
    T* n = arena_.make<T>();
    if constexpr (requires { T::kKind; }) n->kind = T::kKind;
    n->lineno = lineno;
    n->col_offset = col;
    n->end_lineno = last_.end_lineno;
    n->end_col_offset = last_.end_col;
    return n;
  }
  template <class T>
  T* node(const Token& start) {
    return node<T>(start.lineno, start.col);
  }
  template <class T>
  T* node(const Node* start) {
    return node<T>(start->lineno, start->col_offset);
  }
  template <class T>
  Seq<T> seq(const std::vector<T>& v) {
    return arena_.copy(v);
  }
  Constant* constant(const Token& t, ConstantValue::Kind kind) {
    auto* c = node<Constant>(t);
    c->value.kind = kind;
    return c;
  }

  // --- statements ----------------------------------------------------------
  bool statements_until(TokenType end, std::vector<stmt*>* out);
  bool statement(std::vector<stmt*>* out);
  bool simple_stmts(std::vector<stmt*>* out);
  stmt* simple_stmt();
  stmt* expression_stmt();
  stmt* assignment(expr* first, const Token& start);
  stmt* ann_assign(expr* target, const Token& start);
  stmt* aug_assign(expr* target, const Token& start);
  bool check_targets(expr* e, Targets type);
  void assignment_target_error(expr* target, bool here_allowed);
  stmt* return_stmt();
  stmt* raise_stmt();
  stmt* global_stmt(bool nonlocal);
  stmt* del_stmt();
  stmt* assert_stmt();
  stmt* import_stmt();
  stmt* from_stmt();
  alias* dotted_alias(bool dotted);
  bool block(std::vector<stmt*>* out, const std::string& after);
  Seq<stmt*> block_seq(const std::string& after, bool* ok);
  stmt* compound_stmt();
  stmt* if_stmt(bool elif);
  stmt* while_stmt();
  stmt* for_stmt();
  stmt* try_stmt();
  ExceptHandler* except_block();
  stmt* with_stmt();
  withitem* with_item();
  stmt* funcdef(std::vector<expr*> decorators);
  stmt* classdef(std::vector<expr*> decorators);
  stmt* decorated();
  bool at_soft_keyword(std::string_view word);
  bool may_be_match_stmt();
  stmt* match_stmt(bool* not_match);
  stmt* async_stmt(std::vector<expr*> decorators);
  void missing_block(const char* what, int line);
  match_case* case_block();
  pattern* patterns();
  pattern* maybe_star_pattern();
  pattern* pattern_();
  pattern* or_pattern();
  pattern* closed_pattern();
  pattern* mapping_pattern();
  pattern* class_pattern(expr* cls, const Token& start);
  expr* literal_expr(bool* singleton);
  expr* name_or_attr();
  arguments* parameters(bool lambda, Op closer);
  arg* param(bool lambda, bool star_annotation);

  // --- expressions ---------------------------------------------------------
  expr* star_expressions();
  expr* star_expression();
  expr* star_named_expression();
  expr* named_expression(bool in_call = false);
  expr* expression();
  expr* yield_expr();
  expr* lambdef();
  expr* disjunction();
  expr* conjunction();
  expr* inversion();
  expr* comparison();
  expr* bitwise_or();
  expr* bitwise_xor();
  expr* bitwise_and();
  expr* shift_expr();
  expr* sum();
  expr* term();
  expr* factor();
  expr* power();
  expr* primary();
  expr* atom();
  expr* call(expr* func);
  expr* subscript(expr* value);
  expr* slice();
  expr* paren_atom();
  expr* list_atom();
  expr* brace_atom();
  expr* strings();
  expr* target_list();
  expr* for_target();
  bool comprehension_clauses(std::vector<comprehension*>* out);
  bool missing_comma(expr* a);
  bool check_named_eq(expr* a);
  expr* fstring(const Token& first, const Token& last, const StringParts& parts,
                uint32_t body_src, std::vector<expr*>* values, std::string* buf);
  bool fstring_body(const Token& first, const Token& last, std::string_view body,
                    uint32_t body_src, bool raw, int level, bool in_spec,
                    std::vector<expr*>* values, std::string* buf, size_t* consumed);
  void flush_literal(const Token& first, std::vector<expr*>* values, std::string* buf);
  void position_of(uint32_t offset, int* lineno, int* col);

  Tokenizer tz_;
  std::string_view src_;
  Arena& arena_;
  std::vector<Token> toks_;
  size_t p_ = 0;
  Token last_;
  struct {
    uint32_t offset = UINT32_MAX;
    int lineno = 0;
    uint32_t line_start = 0;
  } pos_cache_;
  int depth_ = 0;
  bool in_fstring_ = false;
  // Set when a line looked like `match subject` NEWLINE (parse_match.cc).
  std::optional<PendingError> missing_colon_;
};

}  // namespace conch::vm::ast::detail
