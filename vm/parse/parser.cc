// Recursive-descent parser for Python 3.11 (minus async/await/match/except*);
// see parser.h.
//
// The grammar follows CPython's Grammar/python.gram rule for rule, but
// without PEG backtracking: an expression statement is parsed once as an
// expression and, when `=`, `:` or an augmented operator follows, checked
// and converted into an assignment target (ctx Store).  CPython's second
// "invalid_*" pass is imitated at the points where a parse fails, producing
// the same messages for the common mistakes ("expected ':'", "cannot assign
// to ...", "Perhaps you forgot a comma?", ...).
//
// Errors: the first error wins, except that a tokenizer error met while
// reading tokens replaces a parser error (CPython raises tokenizer errors as
// soon as the token is fetched, and re-tokenizes the rest of the file after a
// parser error to prefer tokenizer errors).  Every parse function returns
// nullptr once an error is set, and callers propagate.
#include "vm/parse/parser.h"

#include <string>
#include <vector>

#include "vm/parse/literals.h"
#include "vm/parse/tokenizer.h"

namespace conch::vm::ast {

const char* SyntaxErrorInfo::type_name() const {
  switch (kind) {
    case Kind::kIndentationError: return "IndentationError";
    case Kind::kTabError: return "TabError";
    case Kind::kRecursionError: return "RecursionError";
    default: return "SyntaxError";
  }
}

namespace {

enum class Targets { kStar, kDel, kFor };

// An error as found (0-based byte columns); converted to SyntaxErrorInfo at
// the end.
struct PendingError {
  SyntaxErrorInfo::Kind kind = SyntaxErrorInfo::Kind::kSyntaxError;
  std::string message;
  int lineno = 0, col = 0, end_lineno = 0, end_col = -1;
  bool from_tokenizer = false;
  bool no_rescan = false;  // CPython does not re-tokenize after this error
};

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
  stmt* funcdef(std::vector<expr*> decorators, const Token& start);
  stmt* classdef(std::vector<expr*> decorators, const Token& start);
  stmt* decorated();
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
  int depth_ = 0;
  bool in_fstring_ = false;
};

// ---------------------------------------------------------------------------
// Errors

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
  if (failed() || !starts_expression(cur())) return false;
  if (a->kind == ExprKind::IfExp || a->kind == ExprKind::Lambda ||
      a->kind == ExprKind::NamedExpr || a->kind == ExprKind::Starred)
    return false;
  size_t save = p_;
  Token save_last = last_;
  expr* b = expression();
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

// ---------------------------------------------------------------------------
// Statements

mod* Parser::parse(ParseMode mode) {
  if (mode == ParseMode::kEval) {
    while (at_type(TokenType::kNewline)) advance();
    std::vector<expr*> elts;
    Token start = cur();
    expr* e = expression();
    if (!e) return nullptr;
    if (at(Op::kComma)) {
      elts.push_back(e);
      while (accept(Op::kComma)) {
        if (at_type(TokenType::kNewline) || at_type(TokenType::kEndMarker)) break;
        expr* x = expression();
        if (!x) return nullptr;
        elts.push_back(x);
      }
      auto* t = node<Tuple>(start);
      t->elts = seq(elts);
      t->ctx = ExprContext::Load;
      e = t;
    }
    while (at_type(TokenType::kNewline)) advance();
    if (!at_type(TokenType::kEndMarker)) {
      if (!missing_comma(e)) invalid_syntax();
      return nullptr;
    }
    auto* m = arena_.make<Expression>();
    m->kind = ModKind::Expression;
    m->body = e;
    return m;
  }
  std::vector<stmt*> body;
  if (!statements_until(TokenType::kEndMarker, &body)) return nullptr;
  if (mode == ParseMode::kSingle) {
    auto* m = arena_.make<Interactive>();
    m->kind = ModKind::Interactive;
    m->body = seq(body);
    return m;
  }
  auto* m = arena_.make<Module>();
  m->kind = ModKind::Module;
  m->body = seq(body);
  return m;
}

bool Parser::statements_until(TokenType end, std::vector<stmt*>* out) {
  while (!at_type(end)) {
    if (failed()) return false;
    if (at_type(TokenType::kError)) return false;
    if (!statement(out)) return false;
  }
  return !failed();
}

bool Parser::statement(std::vector<stmt*>* out) {
  DepthScope depth(this);
  if (!depth.ok) return false;
  const Token& t = cur();
  if (t.type == TokenType::kIndent || t.type == TokenType::kDedent) {
    invalid_syntax();
    return false;
  }
  if (t.type == TokenType::kNewline) {  // only possible at the start of eval-like input
    advance();
    return true;
  }
  bool compound = (t.type == TokenType::kOp && t.op == Op::kAt) ||
                  (t.type == TokenType::kName &&
                   (t.kw == Keyword::kIf || t.kw == Keyword::kWhile || t.kw == Keyword::kFor ||
                    t.kw == Keyword::kTry || t.kw == Keyword::kWith || t.kw == Keyword::kDef ||
                    t.kw == Keyword::kClass));
  if (compound) {
    stmt* s = compound_stmt();
    if (!s) return false;
    out->push_back(s);
    return true;
  }
  return simple_stmts(out);
}

bool Parser::simple_stmts(std::vector<stmt*>* out) {
  for (;;) {
    stmt* s = simple_stmt();
    if (!s) return false;
    out->push_back(s);
    if (!accept(Op::kSemi)) break;
    if (at_type(TokenType::kNewline)) break;
  }
  if (at_type(TokenType::kNewline)) {
    advance();
    return true;
  }
  // A statement followed by junk.  `print x` gets CPython's legacy hint.
  stmt* s = out->back();
  if (s->kind == StmtKind::Expr && starts_expression(cur()) && !failed()) {
    expr* v = cast<Expr>(s)->value;
    if (v->kind == ExprKind::Name &&
        (cast<Name>(v)->id == "print" || cast<Name>(v)->id == "exec")) {
      std::string id(cast<Name>(v)->id);
      expr* rest = star_expressions();
      if (rest) {
        error_span(v, rest, "Missing parentheses in call to '" + id + "'. Did you mean " + id +
                                "(...)?");
      }
      return false;
    }
  }
  invalid_syntax();
  return false;
}

stmt* Parser::simple_stmt() {
  Token t = cur();
  if (t.type == TokenType::kName) {
    switch (t.kw) {
      case Keyword::kPass: advance(); return node<Pass>(t);
      case Keyword::kBreak: advance(); return node<Break>(t);
      case Keyword::kContinue: advance(); return node<Continue>(t);
      case Keyword::kReturn: return return_stmt();
      case Keyword::kRaise: return raise_stmt();
      case Keyword::kGlobal: return global_stmt(false);
      case Keyword::kNonlocal: return global_stmt(true);
      case Keyword::kDel: return del_stmt();
      case Keyword::kAssert: return assert_stmt();
      case Keyword::kImport: return import_stmt();
      case Keyword::kFrom: return from_stmt();
      default: break;
    }
  }
  return expression_stmt();
}

stmt* Parser::expression_stmt() {
  Token start = cur();
  expr* e = at_kw(Keyword::kYield) ? yield_expr() : star_expressions();
  if (!e) return nullptr;
  if (at(Op::kEqual)) return assignment(e, start);
  if (at(Op::kColon)) return ann_assign(e, start);
  if (cur().type == TokenType::kOp) {
    switch (cur().op) {
      case Op::kPlusEqual: case Op::kMinEqual: case Op::kStarEqual: case Op::kAtEqual:
      case Op::kSlashEqual: case Op::kPercentEqual: case Op::kAmperEqual: case Op::kVBarEqual:
      case Op::kCircumflexEqual: case Op::kLeftShiftEqual: case Op::kRightShiftEqual:
      case Op::kDoubleStarEqual: case Op::kDoubleSlashEqual:
        return aug_assign(e, start);
      default: break;
    }
  }
  auto* s = node<Expr>(start);
  s->value = e;
  return s;
}

// Reports the CPython error for an invalid assignment target.
void Parser::assignment_target_error(expr* target, bool here_allowed) {
  if (target->kind == ExprKind::Yield || target->kind == ExprKind::YieldFrom) {
    error_node(target, "assignment to yield expression not possible");
    return;
  }
  if (here_allowed) {
    // CPython's invalid_named_expression, tried on the last element before
    // the first '=' (earlier elements are followed by ',').
    expr* last = target;
    if (target->kind == ExprKind::Tuple && !cast<Tuple>(target)->elts.empty()) {
      auto* t = cast<Tuple>(target);
      expr* l = t->elts[t->elts.size() - 1];
      bool parenthesized = l->end_lineno != t->end_lineno || l->end_col_offset != t->end_col_offset;
      if (!parenthesized) last = l;
    }
    if (check_named_eq(last)) return;
  }
  expr* bad = invalid_target(target, Targets::kStar);
  if (bad) error_node(bad, std::string("cannot assign to ") + expr_name(bad));
  else invalid_syntax();
}

stmt* Parser::assignment(expr* first, const Token& start) {
  size_t first_eq = p_;  // the '=' after the first target
  std::vector<expr*> targets{first};
  expr* value = nullptr;
  while (accept(Op::kEqual)) {
    value = at_kw(Keyword::kYield) ? yield_expr() : star_expressions();
    if (!value) return nullptr;
    if (at(Op::kEqual)) targets.push_back(value);
  }
  for (size_t i = 0; i < targets.size(); i++) {
    expr* t = targets[i];
    bool is_yield = t->kind == ExprKind::Yield || t->kind == ExprKind::YieldFrom;
    if (!is_yield && !invalid_target(t, Targets::kStar)) continue;
    if (i == 0 && !is_yield) {
      p_ = first_eq;  // CPython's rule looks at what follows this '='
      assignment_target_error(t, true);
      return nullptr;
    }
    assignment_target_error(t, false);
    return nullptr;
  }
  for (expr* t : targets) set_context(t, ExprContext::Store);
  auto* s = node<Assign>(start);
  s->targets = seq(targets);
  s->value = value;
  return s;
}

stmt* Parser::ann_assign(expr* target, const Token& start) {
  bool parenthesized = start.type == TokenType::kOp && start.op == Op::kLPar;
  if (target->kind == ExprKind::Tuple && !parenthesized) {
    auto* t = cast<Tuple>(target);
    error_node(t->elts.empty() ? target : t->elts[0],
               "only single target (not tuple) can be annotated");
    return nullptr;
  }
  if (target->kind == ExprKind::Tuple || target->kind == ExprKind::List) {
    error_node(target, std::string("only single target (not ") + expr_name(target) +
                           ") can be annotated");
    return nullptr;
  }
  if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute &&
      target->kind != ExprKind::Subscript) {
    error_node(target, "illegal target for annotation");
    return nullptr;
  }
  advance();  // ':'
  expr* annotation = expression();
  if (!annotation) return nullptr;
  expr* value = nullptr;
  if (accept(Op::kEqual)) {
    value = at_kw(Keyword::kYield) ? yield_expr() : star_expressions();
    if (!value) return nullptr;
  }
  set_context(target, ExprContext::Store);
  auto* s = node<AnnAssign>(start);
  s->target = target;
  s->annotation = annotation;
  s->value = value;
  s->simple = target->kind == ExprKind::Name && !parenthesized ? 1 : 0;
  return s;
}

stmt* Parser::aug_assign(expr* target, const Token& start) {
  if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute &&
      target->kind != ExprKind::Subscript) {
    error_node(target, std::string("'") + expr_name(target) +
                           "' is an illegal expression for augmented assignment");
    return nullptr;
  }
  Operator op;
  switch (advance().op) {
    case Op::kPlusEqual: op = Operator::Add; break;
    case Op::kMinEqual: op = Operator::Sub; break;
    case Op::kStarEqual: op = Operator::Mult; break;
    case Op::kAtEqual: op = Operator::MatMult; break;
    case Op::kSlashEqual: op = Operator::Div; break;
    case Op::kPercentEqual: op = Operator::Mod; break;
    case Op::kAmperEqual: op = Operator::BitAnd; break;
    case Op::kVBarEqual: op = Operator::BitOr; break;
    case Op::kCircumflexEqual: op = Operator::BitXor; break;
    case Op::kLeftShiftEqual: op = Operator::LShift; break;
    case Op::kRightShiftEqual: op = Operator::RShift; break;
    case Op::kDoubleStarEqual: op = Operator::Pow; break;
    default: op = Operator::FloorDiv; break;
  }
  expr* value = at_kw(Keyword::kYield) ? yield_expr() : star_expressions();
  if (!value) return nullptr;
  set_context(target, ExprContext::Store);
  auto* s = node<AugAssign>(start);
  s->target = target;
  s->op = op;
  s->value = value;
  return s;
}

// Validates `e` as a target of `type` and sets its context; reports
// "cannot assign to X" / "cannot delete X" otherwise.
bool Parser::check_targets(expr* e, Targets type) {
  if (expr* bad = invalid_target(e, type)) {
    error_node(bad, std::string(type == Targets::kDel ? "cannot delete " : "cannot assign to ") +
                        expr_name(bad));
    return false;
  }
  set_context(e, type == Targets::kDel ? ExprContext::Del : ExprContext::Store);
  return true;
}

stmt* Parser::return_stmt() {
  Token start = advance();
  expr* value = nullptr;
  if (!at_type(TokenType::kNewline) && !at(Op::kSemi)) {
    value = star_expressions();
    if (!value) return nullptr;
  }
  auto* s = node<Return>(start);
  s->value = value;
  return s;
}

stmt* Parser::raise_stmt() {
  Token start = advance();
  expr* exc = nullptr;
  expr* cause = nullptr;
  if (!at_type(TokenType::kNewline) && !at(Op::kSemi)) {
    if (!(exc = expression())) return nullptr;
    if (accept_kw(Keyword::kFrom) && !(cause = expression())) return nullptr;
  }
  auto* s = node<Raise>(start);
  s->exc = exc;
  s->cause = cause;
  return s;
}

stmt* Parser::global_stmt(bool nonlocal) {
  Token start = advance();
  std::vector<Identifier> names;
  do {
    if (!at_name()) {
      invalid_syntax();
      return nullptr;
    }
    names.push_back(name_of(advance()));
  } while (accept(Op::kComma));
  if (nonlocal) {
    auto* s = node<Nonlocal>(start);
    s->names = seq(names);
    return s;
  }
  auto* s = node<Global>(start);
  s->names = seq(names);
  return s;
}

stmt* Parser::del_stmt() {
  Token start = advance();
  std::vector<expr*> targets;
  for (;;) {
    expr* e = star_expression();
    if (!e) return nullptr;
    targets.push_back(e);
    if (!accept(Op::kComma)) break;
    if (at_type(TokenType::kNewline) || at(Op::kSemi)) break;
  }
  for (expr* e : targets) {
    if (!check_targets(e, Targets::kDel)) return nullptr;
  }
  auto* s = node<Delete>(start);
  s->targets = seq(targets);
  return s;
}

stmt* Parser::assert_stmt() {
  Token start = advance();
  expr* test = expression();
  if (!test) return nullptr;
  expr* msg = nullptr;
  if (accept(Op::kComma) && !(msg = expression())) return nullptr;
  auto* s = node<Assert>(start);
  s->test = test;
  s->msg = msg;
  return s;
}

// dotted_name ['as' NAME] (dotted) or NAME ['as' NAME].
alias* Parser::dotted_alias(bool dotted) {
  Token start = cur();
  if (!at_name()) {
    invalid_syntax();
    return nullptr;
  }
  advance();
  std::string_view name = text(start);
  if (dotted && at(Op::kDot)) {
    std::string full(name);
    while (accept(Op::kDot)) {
      if (!at_name()) {
        invalid_syntax();
        return nullptr;
      }
      full += '.';
      full += text(advance());
    }
    name = arena_.copy(full);
  } else {
    name = arena_.copy(name);
  }
  Identifier asname;
  if (accept_kw(Keyword::kAs)) {
    if (!at_name()) {
      invalid_syntax();
      return nullptr;
    }
    asname = name_of(advance());
  }
  auto* a = node<alias>(start);
  a->name = name;
  a->asname = asname;
  return a;
}

stmt* Parser::import_stmt() {
  Token start = advance();
  std::vector<alias*> names;
  do {
    alias* a = dotted_alias(true);
    if (!a) return nullptr;
    names.push_back(a);
  } while (accept(Op::kComma));
  auto* s = node<Import>(start);
  s->names = seq(names);
  return s;
}

stmt* Parser::from_stmt() {
  Token start = advance();
  int level = 0;
  for (;;) {
    if (accept(Op::kDot)) level += 1;
    else if (accept(Op::kEllipsis)) level += 3;
    else break;
  }
  Identifier module;
  if (!at_kw(Keyword::kImport)) {
    alias* m = dotted_alias(true);
    if (!m) return nullptr;
    if (!m->asname.empty()) {
      error_at(last_, "invalid syntax");
      return nullptr;
    }
    module = m->name;
  }
  if (!accept_kw(Keyword::kImport)) {
    invalid_syntax();
    return nullptr;
  }
  std::vector<alias*> names;
  if (at(Op::kStar)) {
    Token star = advance();
    auto* a = node<alias>(star);
    a->name = arena_.copy("*");
    names.push_back(a);
  } else {
    bool paren = accept(Op::kLPar);
    for (;;) {
      alias* a = dotted_alias(false);
      if (!a) return nullptr;
      names.push_back(a);
      if (!at(Op::kComma)) break;
      Token comma = advance();
      if (paren && at(Op::kRPar)) break;
      if (!paren && (at_type(TokenType::kNewline) || at(Op::kSemi))) {
        error_range(comma.lineno, comma.end_col, comma.lineno, comma.end_col,
                    "trailing comma not allowed without surrounding parentheses");
        return nullptr;
      }
    }
    if (paren && !expect(Op::kRPar)) return nullptr;
  }
  auto* s = node<ImportFrom>(start);
  s->module = module;
  s->names = seq(names);
  s->level = level;
  return s;
}

// `after`: "'if' statement on line 3" for the IndentationError.
bool Parser::block(std::vector<stmt*>* out, const std::string& after) {
  if (!at_type(TokenType::kNewline)) return simple_stmts(out);
  advance();
  if (!at_type(TokenType::kIndent)) {
    if (failed()) return false;
    const Token& t = cur();
    error_range(t.lineno, t.col, t.end_lineno, t.end_col,
                "expected an indented block after " + after,
                SyntaxErrorInfo::Kind::kIndentationError);
    return false;
  }
  advance();
  if (!statements_until(TokenType::kDedent, out)) return false;
  advance();  // DEDENT
  return true;
}

Seq<stmt*> Parser::block_seq(const std::string& after, bool* ok) {
  std::vector<stmt*> body;
  *ok = block(&body, after);
  return seq(body);
}

stmt* Parser::compound_stmt() {
  const Token& t = cur();
  if (t.type == TokenType::kOp) return decorated();
  switch (t.kw) {
    case Keyword::kIf: return if_stmt(false);
    case Keyword::kWhile: return while_stmt();
    case Keyword::kFor: return for_stmt();
    case Keyword::kTry: return try_stmt();
    case Keyword::kWith: return with_stmt();
    case Keyword::kDef: {
      Token start = cur();
      return funcdef({}, start);
    }
    default: {
      Token start = cur();
      return classdef({}, start);
    }
  }
}

static std::string on_line(const char* what, int line) {
  return std::string(what) + " on line " + std::to_string(line);
}

stmt* Parser::if_stmt(bool elif) {
  Token start = advance();
  expr* test = named_expression();
  if (!test || !expect_colon(false)) return nullptr;
  bool ok;
  Seq<stmt*> body = block_seq(on_line(elif ? "'elif' statement" : "'if' statement", start.lineno), &ok);
  if (!ok) return nullptr;
  std::vector<stmt*> orelse;
  if (at_kw(Keyword::kElif)) {
    stmt* s = if_stmt(true);
    if (!s) return nullptr;
    orelse.push_back(s);
  } else if (at_kw(Keyword::kElse)) {
    Token e = advance();
    if (!expect_colon(true) || !block(&orelse, on_line("'else' statement", e.lineno)))
      return nullptr;
  }
  auto* s = node<If>(start);
  s->test = test;
  s->body = body;
  s->orelse = seq(orelse);
  return s;
}

stmt* Parser::while_stmt() {
  Token start = advance();
  expr* test = named_expression();
  if (!test || !expect_colon(false)) return nullptr;
  bool ok;
  Seq<stmt*> body = block_seq(on_line("'while' statement", start.lineno), &ok);
  if (!ok) return nullptr;
  std::vector<stmt*> orelse;
  if (at_kw(Keyword::kElse)) {
    Token e = advance();
    if (!expect_colon(true) || !block(&orelse, on_line("'else' statement", e.lineno)))
      return nullptr;
  }
  auto* s = node<While>(start);
  s->test = test;
  s->body = body;
  s->orelse = seq(orelse);
  return s;
}

stmt* Parser::for_stmt() {
  Token start = advance();
  expr* target = target_list();
  if (!target) return nullptr;
  if (!accept_kw(Keyword::kIn)) {
    invalid_syntax();
    return nullptr;
  }
  if (!check_targets(target, Targets::kFor)) return nullptr;
  expr* iter = star_expressions();
  if (!iter || !expect_colon(false)) return nullptr;
  bool ok;
  Seq<stmt*> body = block_seq(on_line("'for' statement", start.lineno), &ok);
  if (!ok) return nullptr;
  std::vector<stmt*> orelse;
  if (at_kw(Keyword::kElse)) {
    Token e = advance();
    if (!expect_colon(true) || !block(&orelse, on_line("'else' statement", e.lineno)))
      return nullptr;
  }
  auto* s = node<For>(start);
  s->target = target;
  s->iter = iter;
  s->body = body;
  s->orelse = seq(orelse);
  return s;
}

stmt* Parser::try_stmt() {
  Token start = advance();
  if (!expect_colon(true)) return nullptr;
  bool ok;
  Seq<stmt*> body = block_seq(on_line("'try' statement", start.lineno), &ok);
  if (!ok) return nullptr;
  std::vector<ExceptHandler*> handlers;
  while (at_kw(Keyword::kExcept)) {
    ExceptHandler* h = except_block();
    if (!h) return nullptr;
    handlers.push_back(h);
  }
  std::vector<stmt*> orelse, finalbody;
  if (!handlers.empty() && at_kw(Keyword::kElse)) {
    Token e = advance();
    if (!expect_colon(true) || !block(&orelse, on_line("'else' statement", e.lineno)))
      return nullptr;
  }
  if (at_kw(Keyword::kFinally)) {
    Token f = advance();
    if (!expect_colon(true) || !block(&finalbody, on_line("'finally' statement", f.lineno)))
      return nullptr;
  }
  if (handlers.empty() && finalbody.empty()) {
    if (!failed()) error_at(cur(), "expected 'except' or 'finally' block");
    return nullptr;
  }
  auto* s = node<Try>(start);
  s->body = body;
  s->handlers = seq(handlers);
  s->orelse = seq(orelse);
  s->finalbody = seq(finalbody);
  return s;
}

ExceptHandler* Parser::except_block() {
  Token start = advance();
  expr* type = nullptr;
  Identifier name;
  if (at(Op::kStar)) {
    error_at(cur(), "except* is not supported");
    return nullptr;
  }
  if (!at(Op::kColon)) {
    if (!(type = expression())) return nullptr;
    if (at(Op::kComma)) {
      // except A, B:  (Python 2 style)
      size_t save = p_;
      Token save_last = last_;
      advance();
      expr* rest = expression();
      if (rest && (at(Op::kColon) || at_kw(Keyword::kAs))) {
        err_.reset();
        error_span(type, rest, "multiple exception types must be parenthesized");
        return nullptr;
      }
      if (err_ && !err_->from_tokenizer) err_.reset();
      p_ = save;
      last_ = save_last;
    }
    if (accept_kw(Keyword::kAs)) {
      if (!at_name()) {
        invalid_syntax();
        return nullptr;
      }
      name = name_of(advance());
    }
  }
  if (!expect_colon(false)) return nullptr;
  bool ok;
  Seq<stmt*> body = block_seq(on_line("'except' statement", start.lineno), &ok);
  if (!ok) return nullptr;
  auto* h = node<ExceptHandler>(start);
  h->type = type;
  h->name = name;
  h->body = body;
  return h;
}

withitem* Parser::with_item() {
  expr* e = expression();
  if (!e) return nullptr;
  expr* vars = nullptr;
  if (accept_kw(Keyword::kAs)) {
    if (!(vars = star_expression())) return nullptr;
    if (!at(Op::kComma) && !at(Op::kRPar) && !at(Op::kColon)) {
      invalid_syntax();
      return nullptr;
    }
    if (!check_targets(vars, Targets::kStar)) return nullptr;
  }
  auto* w = arena_.make<withitem>();
  w->context_expr = e;
  w->optional_vars = vars;
  return w;
}

stmt* Parser::with_stmt() {
  Token start = advance();
  std::vector<withitem*> items;
  // `with (a as b, c):` -- parenthesised items, when the matching ')' is
  // followed by ':' (CPython tries that alternative first).
  bool paren_form = false;
  if (at(Op::kLPar)) {
    int level = 0;
    for (size_t k = 0;; k++) {
      const Token& t = peek(k);
      if (t.type == TokenType::kEndMarker || t.type == TokenType::kError ||
          t.type == TokenType::kNewline)
        break;
      if (t.type != TokenType::kOp) continue;
      if (t.op == Op::kLPar || t.op == Op::kLSqb || t.op == Op::kLBrace) level++;
      if (t.op == Op::kRPar || t.op == Op::kRSqb || t.op == Op::kRBrace) {
        if (--level == 0) {
          const Token& n = peek(k + 1);
          paren_form = n.type == TokenType::kOp && n.op == Op::kColon;
          break;
        }
      }
    }
    if (failed()) return nullptr;
  }
  if (paren_form) {
    // Backtrack to the plain form when the parenthesised one fails, e.g.
    // `with (yield):`, as CPython's PEG parser does.
    size_t save = p_;
    Token save_last = last_;
    advance();
    do {
      if (at(Op::kRPar)) break;
      withitem* w = with_item();
      if (!w) break;
      items.push_back(w);
    } while (accept(Op::kComma));
    if (!failed() && accept(Op::kRPar) && at(Op::kColon)) goto header_done;
    if (err_ && err_->from_tokenizer) return nullptr;
    err_.reset();
    items.clear();
    p_ = save;
    last_ = save_last;
  }
  do {
    withitem* w = with_item();
    if (!w) return nullptr;
    items.push_back(w);
  } while (accept(Op::kComma));
header_done:
  if (!expect_colon(false)) return nullptr;
  bool ok;
  Seq<stmt*> body = block_seq(on_line("'with' statement", start.lineno), &ok);
  if (!ok) return nullptr;
  auto* s = node<With>(start);
  s->items = seq(items);
  s->body = body;
  return s;
}

stmt* Parser::decorated() {
  Token start = cur();
  std::vector<expr*> decorators;
  while (accept(Op::kAt)) {
    expr* d = named_expression();
    if (!d) return nullptr;
    if (!at_type(TokenType::kNewline)) {
      invalid_syntax();
      return nullptr;
    }
    advance();
    decorators.push_back(d);
  }
  if (at_kw(Keyword::kDef)) return funcdef(std::move(decorators), start);
  if (at_kw(Keyword::kClass)) return classdef(std::move(decorators), start);
  invalid_syntax();
  return nullptr;
}

stmt* Parser::funcdef(std::vector<expr*> decorators, const Token& start) {
  Token def = advance();
  if (!at_name()) {
    invalid_syntax();
    return nullptr;
  }
  Identifier name = name_of(advance());
  if (!expect(Op::kLPar)) return nullptr;
  arguments* args = parameters(false, Op::kRPar);
  if (!args || !expect(Op::kRPar)) return nullptr;
  expr* returns = nullptr;
  if (accept(Op::kRArrow) && !(returns = expression())) return nullptr;
  if (!expect_colon(true)) return nullptr;
  bool ok;
  Seq<stmt*> body = block_seq(on_line("function definition", def.lineno), &ok);
  if (!ok) return nullptr;
  // CPython positions a decorated def at the 'def' keyword.
  auto* s = node<FunctionDef>(def);
  (void)start;
  s->name = name;
  s->args = args;
  s->body = body;
  s->decorator_list = seq(decorators);
  s->returns = returns;
  return s;
}

stmt* Parser::classdef(std::vector<expr*> decorators, const Token& start) {
  Token cls = advance();
  if (!at_name()) {
    invalid_syntax();
    return nullptr;
  }
  Identifier name = name_of(advance());
  Seq<expr*> bases;
  Seq<keyword*> keywords;
  if (at(Op::kLPar)) {
    auto* c = call(nullptr);
    if (!c) return nullptr;
    bases = cast<Call>(c)->args;
    keywords = cast<Call>(c)->keywords;
  }
  if (!expect_colon(false)) return nullptr;
  bool ok;
  Seq<stmt*> body = block_seq(on_line("class definition", cls.lineno), &ok);
  if (!ok) return nullptr;
  auto* s = node<ClassDef>(cls);
  (void)start;
  s->name = name;
  s->bases = bases;
  s->keywords = keywords;
  s->body = body;
  s->decorator_list = seq(decorators);
  return s;
}

arg* Parser::param(bool lambda, bool star_annotation) {
  if (!at_name()) {
    invalid_syntax();
    return nullptr;
  }
  Token t = advance();
  expr* annotation = nullptr;
  if (!lambda && accept(Op::kColon)) {
    annotation = star_annotation ? star_expression() : expression();
    if (!annotation) return nullptr;
  }
  auto* a = node<arg>(t);
  a->arg = name_of(t);
  a->annotation = annotation;
  return a;
}

// Parameter list up to (not including) `closer` (')' for def, ':' for
// lambda), with CPython's checks and messages.
arguments* Parser::parameters(bool lambda, Op closer) {
  std::vector<arg*> posonly, args, kwonly;
  std::vector<expr*> defaults, kw_defaults;
  arg* vararg = nullptr;
  arg* kwarg = nullptr;
  bool star_seen = false;  // '*' or '*args'
  bool slash_seen = false;
  Token bare_star;
  bool bare = false;
  while (!at(closer)) {
    Token t = cur();
    if (kwarg) {
      error_at(t, "arguments cannot follow var-keyword argument");
      return nullptr;
    }
    if (accept(Op::kSlash)) {
      if (slash_seen) { error_at(t, "/ may appear only once"); return nullptr; }
      if (star_seen) { error_at(t, "/ must be ahead of *"); return nullptr; }
      if (args.empty()) { error_at(t, "at least one argument must precede /"); return nullptr; }
      slash_seen = true;
      posonly = std::move(args);
      args.clear();
    } else if (accept(Op::kStar)) {
      if (star_seen) { error_at(t, "* argument may appear only once"); return nullptr; }
      star_seen = true;
      if (at(Op::kComma) || at(closer)) {
        bare = true;
        bare_star = t;
      } else {
        if (!(vararg = param(lambda, true))) return nullptr;
        if (at(Op::kEqual)) {
          error_at(cur(), "var-positional argument cannot have default value");
          return nullptr;
        }
      }
    } else if (accept(Op::kDoubleStar)) {
      if (!(kwarg = param(lambda, false))) return nullptr;
      if (at(Op::kEqual)) {
        error_at(cur(), "var-keyword argument cannot have default value");
        return nullptr;
      }
    } else {
      arg* a = param(lambda, false);
      if (!a) return nullptr;
      expr* def = nullptr;
      if (accept(Op::kEqual) && !(def = expression())) return nullptr;
      if (star_seen) {
        kwonly.push_back(a);
        kw_defaults.push_back(def);
      } else {
        if (!def && !defaults.empty()) {
          error_node(a, "non-default argument follows default argument");
          return nullptr;
        }
        args.push_back(a);
        if (def) defaults.push_back(def);
      }
    }
    if (!accept(Op::kComma)) break;
  }
  if (!at(closer)) {
    invalid_syntax();
    return nullptr;
  }
  if (bare && kwonly.empty()) {
    if (lambda) bare_star = peek(0);
    error_at(bare_star, "named arguments must follow bare *");
    return nullptr;
  }
  auto* a = arena_.make<arguments>();
  a->posonlyargs = seq(posonly);
  a->args = seq(args);
  a->vararg = vararg;
  a->kwonlyargs = seq(kwonly);
  a->kw_defaults = seq(kw_defaults);
  a->kwarg = kwarg;
  a->defaults = seq(defaults);
  return a;
}

// ---------------------------------------------------------------------------
// Expressions

expr* Parser::star_expressions() {
  Token start = cur();
  expr* e = star_expression();
  if (!e || !at(Op::kComma)) return e;
  std::vector<expr*> elts{e};
  while (accept(Op::kComma)) {
    const Token& t = cur();
    if (!starts_expression(t) && !(t.type == TokenType::kOp && t.op == Op::kStar)) break;
    expr* x = star_expression();
    if (!x) return nullptr;
    elts.push_back(x);
  }
  auto* tup = node<Tuple>(start);
  tup->elts = seq(elts);
  tup->ctx = ExprContext::Load;
  return tup;
}

expr* Parser::star_expression() {
  if (at(Op::kStar)) {
    Token start = advance();
    expr* v = bitwise_or();
    if (!v) return nullptr;
    auto* s = node<Starred>(start);
    s->value = v;
    s->ctx = ExprContext::Load;
    return s;
  }
  return expression();
}

expr* Parser::star_named_expression() {
  if (at(Op::kStar)) return star_expression();
  return named_expression();
}

expr* Parser::named_expression(bool in_call) {
  Token start = cur();
  if (at_name() && peek(1).type == TokenType::kOp && peek(1).op == Op::kColonEqual) {
    advance();
    auto* target = node<Name>(start);
    target->id = name_of(start);
    target->ctx = ExprContext::Store;
    advance();
    expr* value = expression();
    if (!value) return nullptr;
    auto* n = node<NamedExpr>(start);
    n->target = target;
    n->value = value;
    return n;
  }
  expr* e = expression();
  if (!e) return nullptr;
  if (at(Op::kColonEqual)) {
    error_node(e, std::string("cannot use assignment expressions with ") + expr_name(e));
    return nullptr;
  }
  if (at(Op::kEqual) && !in_call && check_named_eq(e)) return nullptr;
  return e;
}

expr* Parser::expression() {
  DepthScope depth(this);
  if (!depth.ok) return nullptr;
  if (at_kw(Keyword::kLambda)) return lambdef();
  Token start = cur();
  expr* body = disjunction();
  if (!body || !at_kw(Keyword::kIf)) return body;
  advance();
  expr* test = disjunction();
  if (!test) return nullptr;
  if (!accept_kw(Keyword::kElse)) {
    if (!at(Op::kColon)) error_span(body, test, "expected 'else' after 'if' expression");
    else invalid_syntax();
    return nullptr;
  }
  expr* orelse = expression();
  if (!orelse) return nullptr;
  auto* e = node<IfExp>(start);
  e->test = test;
  e->body = body;
  e->orelse = orelse;
  return e;
}

expr* Parser::yield_expr() {
  Token start = advance();
  if (accept_kw(Keyword::kFrom)) {
    expr* v = expression();
    if (!v) return nullptr;
    auto* y = node<YieldFrom>(start);
    y->value = v;
    return y;
  }
  expr* v = nullptr;
  const Token& t = cur();
  if (starts_expression(t) || (t.type == TokenType::kOp && t.op == Op::kStar)) {
    if (!(v = star_expressions())) return nullptr;
  }
  auto* y = node<Yield>(start);
  y->value = v;
  return y;
}

expr* Parser::lambdef() {
  Token start = advance();
  arguments* args = parameters(true, Op::kColon);
  if (!args || !expect(Op::kColon)) return nullptr;
  expr* body = expression();
  if (!body) return nullptr;
  auto* l = node<Lambda>(start);
  l->args = args;
  l->body = body;
  return l;
}

expr* Parser::disjunction() {
  expr* first = conjunction();
  if (!first || !at_kw(Keyword::kOr)) return first;
  std::vector<expr*> values{first};
  while (accept_kw(Keyword::kOr)) {
    expr* e = conjunction();
    if (!e) return nullptr;
    values.push_back(e);
  }
  auto* b = node<BoolOp>(first);
  b->op = BoolOperator::Or;
  b->values = seq(values);
  return b;
}

expr* Parser::conjunction() {
  expr* first = inversion();
  if (!first || !at_kw(Keyword::kAnd)) return first;
  std::vector<expr*> values{first};
  while (accept_kw(Keyword::kAnd)) {
    expr* e = inversion();
    if (!e) return nullptr;
    values.push_back(e);
  }
  auto* b = node<BoolOp>(first);
  b->op = BoolOperator::And;
  b->values = seq(values);
  return b;
}

expr* Parser::inversion() {
  if (!at_kw(Keyword::kNot)) return comparison();
  DepthScope depth(this);
  if (!depth.ok) return nullptr;
  Token start = advance();
  expr* operand = inversion();
  if (!operand) return nullptr;
  auto* u = node<UnaryOp>(start);
  u->op = UnaryOperator::Not;
  u->operand = operand;
  return u;
}

expr* Parser::comparison() {
  expr* left = bitwise_or();
  if (!left) return nullptr;
  std::vector<CmpOp> ops;
  std::vector<expr*> comparators;
  for (;;) {
    const Token& t = cur();
    CmpOp op;
    if (t.type == TokenType::kOp) {
      switch (t.op) {
        case Op::kEqEqual: op = CmpOp::Eq; break;
        case Op::kNotEqual: op = CmpOp::NotEq; break;
        case Op::kLess: op = CmpOp::Lt; break;
        case Op::kLessEqual: op = CmpOp::LtE; break;
        case Op::kGreater: op = CmpOp::Gt; break;
        case Op::kGreaterEqual: op = CmpOp::GtE; break;
        default: goto done;
      }
      advance();
    } else if (t.type == TokenType::kName && t.kw == Keyword::kIn) {
      op = CmpOp::In;
      advance();
    } else if (t.type == TokenType::kName && t.kw == Keyword::kIs) {
      advance();
      op = accept_kw(Keyword::kNot) ? CmpOp::IsNot : CmpOp::Is;
    } else if (t.type == TokenType::kName && t.kw == Keyword::kNot &&
               peek(1).type == TokenType::kName && peek(1).kw == Keyword::kIn) {
      advance();
      advance();
      op = CmpOp::NotIn;
    } else {
      break;
    }
    expr* right = bitwise_or();
    if (!right) return nullptr;
    ops.push_back(op);
    comparators.push_back(right);
  }
done:
  if (ops.empty()) return left;
  auto* c = node<Compare>(left);
  c->left = left;
  c->ops = seq(ops);
  c->comparators = seq(comparators);
  return c;
}

// Left-associative binary levels share one shape.
#define CONCH_BINARY_LEVEL(fn, next, ...)                   \
  expr* Parser::fn() {                                      \
    expr* left = next();                                    \
    ChainDepth chain(this);                                 \
    while (left && cur().type == TokenType::kOp) {          \
      Operator op;                                          \
      switch (cur().op) {                                   \
        __VA_ARGS__                                         \
        default: return left;                               \
      }                                                     \
      if (!chain.add()) return nullptr;                     \
      advance();                                            \
      expr* right = next();                                 \
      if (!right) return nullptr;                           \
      auto* b = node<BinOp>(left);                          \
      b->left = left;                                       \
      b->op = op;                                           \
      b->right = right;                                     \
      left = b;                                             \
    }                                                       \
    return left;                                            \
  }

CONCH_BINARY_LEVEL(bitwise_or, bitwise_xor, case Op::kVBar: op = Operator::BitOr; break;)
CONCH_BINARY_LEVEL(bitwise_xor, bitwise_and, case Op::kCircumflex: op = Operator::BitXor; break;)
CONCH_BINARY_LEVEL(bitwise_and, shift_expr, case Op::kAmper: op = Operator::BitAnd; break;)
CONCH_BINARY_LEVEL(shift_expr, sum, case Op::kLeftShift: op = Operator::LShift; break;
                   case Op::kRightShift: op = Operator::RShift; break;)
CONCH_BINARY_LEVEL(sum, term, case Op::kPlus: op = Operator::Add; break;
                   case Op::kMinus: op = Operator::Sub; break;)
CONCH_BINARY_LEVEL(term, factor, case Op::kStar: op = Operator::Mult; break;
                   case Op::kSlash: op = Operator::Div; break;
                   case Op::kDoubleSlash: op = Operator::FloorDiv; break;
                   case Op::kPercent: op = Operator::Mod; break;
                   case Op::kAt: op = Operator::MatMult; break;)
#undef CONCH_BINARY_LEVEL

expr* Parser::factor() {
  const Token& t = cur();
  if (t.type != TokenType::kOp || (t.op != Op::kPlus && t.op != Op::kMinus && t.op != Op::kTilde))
    return power();
  DepthScope depth(this);
  if (!depth.ok) return nullptr;
  Token start = advance();
  expr* operand = factor();
  if (!operand) return nullptr;
  auto* u = node<UnaryOp>(start);
  u->op = start.op == Op::kPlus ? UnaryOperator::UAdd
          : start.op == Op::kMinus ? UnaryOperator::USub : UnaryOperator::Invert;
  u->operand = operand;
  return u;
}

expr* Parser::power() {
  expr* left = primary();
  if (!left || !at(Op::kDoubleStar)) return left;
  DepthScope depth(this);
  if (!depth.ok) return nullptr;
  advance();
  expr* right = factor();
  if (!right) return nullptr;
  auto* b = node<BinOp>(left);
  b->left = left;
  b->op = Operator::Pow;
  b->right = right;
  return b;
}

expr* Parser::primary() {
  if (at_kw(Keyword::kAwait)) {
    error_at(cur(), "'await' is not supported");
    return nullptr;
  }
  expr* e = atom();
  ChainDepth chain(this);
  while (e) {
    const Token& t = cur();
    if (t.type != TokenType::kOp) break;
    if ((t.op == Op::kDot || t.op == Op::kLPar || t.op == Op::kLSqb) && !chain.add())
      return nullptr;
    if (t.op == Op::kDot) {
      advance();
      if (cur().type != TokenType::kName || cur().kw != Keyword::kNone) {
        invalid_syntax();
        return nullptr;
      }
      Token n = advance();
      auto* a = node<Attribute>(e);
      a->value = e;
      a->attr = name_of(n);
      a->ctx = ExprContext::Load;
      e = a;
    } else if (t.op == Op::kLPar) {
      e = call(e);
    } else if (t.op == Op::kLSqb) {
      e = subscript(e);
    } else {
      break;
    }
  }
  return e;
}

// '(' arguments ')' after `func`; func == nullptr parses a class's bases
// (the result is still a Call, for its args/keywords).
expr* Parser::call(expr* func) {
  Token open = advance();
  std::vector<expr*> args;
  std::vector<keyword*> keywords;
  bool seen_keyword = false, seen_double_star = false;
  expr* last_value = nullptr;
  while (!at(Op::kRPar)) {
    Token t = cur();
    if (t.type == TokenType::kOp && t.op == Op::kStar) {
      advance();
      expr* v = expression();
      if (!v) return nullptr;
      auto* s = node<Starred>(t);
      s->value = v;
      s->ctx = ExprContext::Load;
      if (seen_double_star) {
        error_node(s, "iterable argument unpacking follows keyword argument unpacking");
        return nullptr;
      }
      if (at_kw(Keyword::kFor)) {
        error_node(s, "iterable unpacking cannot be used in comprehension");
        return nullptr;
      }
      args.push_back(s);
    } else if (t.type == TokenType::kOp && t.op == Op::kDoubleStar) {
      advance();
      expr* v = expression();
      if (!v) return nullptr;
      auto* k = node<keyword>(t);
      k->value = v;
      keywords.push_back(k);
      seen_double_star = true;
    } else if (t.type == TokenType::kName && t.kw == Keyword::kNone &&
               peek(1).type == TokenType::kOp && peek(1).op == Op::kEqual) {
      advance();
      advance();
      expr* v = expression();
      if (!v) return nullptr;
      auto* k = node<keyword>(t);
      k->arg = name_of(t);
      k->value = v;
      keywords.push_back(k);
      seen_keyword = true;
    } else {
      expr* e = named_expression(/*in_call=*/true);
      if (!e) return nullptr;
      if (at_kw(Keyword::kFor) && !func) {
        invalid_syntax();
        return nullptr;
      }
      if (at_kw(Keyword::kFor)) {
        std::vector<comprehension*> gens;
        if (!comprehension_clauses(&gens)) return nullptr;
        bool alone = args.empty() && keywords.empty() && at(Op::kRPar);
        auto* g = alone ? node<GeneratorExp>(open) : node<GeneratorExp>(e);
        if (alone) {
          g->end_lineno = cur().end_lineno;
          g->end_col_offset = cur().end_col;
        }
        g->elt = e;
        g->generators = seq(gens);
        if (!alone) {
          error_span(e, g, "Generator expression must be parenthesized");
          return nullptr;
        }
        if (e->kind == ExprKind::Starred) {
          error_node(e, "iterable unpacking cannot be used in comprehension");
          return nullptr;
        }
        e = g;
      } else if (at(Op::kEqual)) {
        Token eq = cur();
        error_range(e->lineno, e->col_offset, eq.end_lineno, eq.end_col,
                    "expression cannot contain assignment, perhaps you meant \"==\"?");
        return nullptr;
      }
      if (seen_double_star || seen_keyword) {
        error_at(cur(), seen_double_star ? "positional argument follows keyword argument unpacking"
                                         : "positional argument follows keyword argument");
        return nullptr;
      }
      args.push_back(e);
    }
    last_value = !keywords.empty() && keywords.back()->lineno == t.lineno &&
                         keywords.back()->col_offset == t.col
                     ? keywords.back()->value
                     : args.back();
    if (!accept(Op::kComma)) {
      if (!at(Op::kRPar)) {
        if (!missing_comma(last_value)) invalid_syntax();
        return nullptr;
      }
    }
  }
  advance();  // ')'
  auto* c = func ? node<Call>(func) : node<Call>(open);
  c->func = func;
  c->args = seq(args);
  c->keywords = seq(keywords);
  return c;
}

expr* Parser::slice() {
  Token start = cur();
  expr* lower = nullptr;
  if (!at(Op::kColon)) {
    if (at(Op::kStar)) return star_expression();
    lower = named_expression();
    if (!lower || !at(Op::kColon)) return lower;
  }
  advance();  // ':'
  expr* upper = nullptr;
  expr* step = nullptr;
  if (!at(Op::kColon) && !at(Op::kComma) && !at(Op::kRSqb) && !(upper = expression()))
    return nullptr;
  if (accept(Op::kColon)) {
    if (!at(Op::kComma) && !at(Op::kRSqb) && !(step = expression())) return nullptr;
  }
  auto* s = node<Slice>(start);
  s->lower = lower;
  s->upper = upper;
  s->step = step;
  return s;
}

expr* Parser::subscript(expr* value) {
  advance();  // '['
  Token start = cur();
  expr* first = slice();
  if (!first) return nullptr;
  expr* index = first;
  if (at(Op::kComma)) {
    std::vector<expr*> elts{first};
    while (accept(Op::kComma)) {
      if (at(Op::kRSqb)) break;
      expr* e = slice();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    auto* t = node<Tuple>(start);
    t->elts = seq(elts);
    t->ctx = ExprContext::Load;
    index = t;
  } else if (first->kind == ExprKind::Starred) {
    // a[*b] is a one-element tuple in 3.11.
    auto* t = node<Tuple>(start);
    t->elts = seq(std::vector<expr*>{first});
    t->ctx = ExprContext::Load;
    index = t;
  }
  if (!at(Op::kRSqb)) {
    if (!missing_comma(first)) invalid_syntax();
    return nullptr;
  }
  advance();
  auto* s = node<Subscript>(value);
  s->value = value;
  s->slice = index;
  s->ctx = ExprContext::Load;
  return s;
}

expr* Parser::atom() {
  Token t = cur();
  switch (t.type) {
    case TokenType::kName:
      switch (t.kw) {
        case Keyword::kNone: {
          advance();
          auto* n = node<Name>(t);
          n->id = name_of(t);
          n->ctx = ExprContext::Load;
          return n;
        }
        case Keyword::kNoneKw: advance(); return constant(t, ConstantValue::Kind::None);
        case Keyword::kTrue: advance(); return constant(t, ConstantValue::Kind::True);
        case Keyword::kFalse: advance(); return constant(t, ConstantValue::Kind::False);
        default: invalid_syntax(); return nullptr;
      }
    case TokenType::kNumber: {
      advance();
      auto* c = node<Constant>(t);
      decode_number(text(t), arena_, &c->value);
      return c;
    }
    case TokenType::kString: return strings();
    case TokenType::kOp:
      switch (t.op) {
        case Op::kLPar: return paren_atom();
        case Op::kLSqb: return list_atom();
        case Op::kLBrace: return brace_atom();
        case Op::kEllipsis: advance(); return constant(t, ConstantValue::Kind::Ellipsis);
        default: break;
      }
      [[fallthrough]];
    default:
      invalid_syntax();
      return nullptr;
  }
}

// for_if_clauses; cur() is 'for'.
bool Parser::comprehension_clauses(std::vector<comprehension*>* out) {
  while (at_kw(Keyword::kFor)) {
    advance();
    expr* target = target_list();
    if (!target) return false;
    if (!accept_kw(Keyword::kIn)) {
      invalid_syntax();
      return false;
    }
    if (!check_targets(target, Targets::kFor)) return false;
    expr* iter = disjunction();
    if (!iter) return false;
    std::vector<expr*> ifs;
    while (accept_kw(Keyword::kIf)) {
      expr* cond = disjunction();
      if (!cond) return false;
      ifs.push_back(cond);
    }
    auto* c = arena_.make<comprehension>();
    c->target = target;
    c->iter = iter;
    c->ifs = seq(ifs);
    c->is_async = 0;
    out->push_back(c);
  }
  if (at_kw(Keyword::kAsync)) {
    error_at(cur(), "asynchronous comprehensions are not supported");
    return false;
  }
  return true;
}

// star_targets for `for` and comprehensions: stops before 'in'.
expr* Parser::target_list() {
  Token start = cur();
  std::vector<expr*> elts;
  bool comma = false;
  for (;;) {
    expr* e;
    if (at(Op::kStar)) {
      Token s = advance();
      expr* v = bitwise_or();
      if (!v) return nullptr;
      auto* st = node<Starred>(s);
      st->value = v;
      st->ctx = ExprContext::Load;
      e = st;
    } else {
      e = bitwise_or();
    }
    if (!e) return nullptr;
    elts.push_back(e);
    if (!at(Op::kComma)) break;
    advance();
    comma = true;
    if (at_kw(Keyword::kIn)) break;
  }
  if (!comma) return elts[0];
  auto* t = node<Tuple>(start);
  t->elts = seq(elts);
  t->ctx = ExprContext::Load;
  return t;
}

expr* Parser::paren_atom() {
  Token open = advance();
  if (at(Op::kRPar)) {
    advance();
    auto* t = node<Tuple>(open);
    t->ctx = ExprContext::Load;
    return t;
  }
  if (at_kw(Keyword::kYield)) {
    expr* y = yield_expr();
    if (!y || !expect(Op::kRPar)) return nullptr;
    return y;
  }
  expr* first = star_named_expression();
  if (!first) return nullptr;
  if (at_kw(Keyword::kFor)) {
    if (first->kind == ExprKind::Starred) {
      error_node(first, "iterable unpacking cannot be used in comprehension");
      return nullptr;
    }
    std::vector<comprehension*> gens;
    if (!comprehension_clauses(&gens)) return nullptr;
    if (!at(Op::kRPar)) {
      invalid_syntax();
      return nullptr;
    }
    advance();
    auto* g = node<GeneratorExp>(open);
    g->elt = first;
    g->generators = seq(gens);
    return g;
  }
  if (at(Op::kRPar)) {
    advance();
    if (first->kind == ExprKind::Starred) {
      error_node(first, "cannot use starred expression here");
      return nullptr;
    }
    return first;
  }
  std::vector<expr*> elts{first};
  while (accept(Op::kComma)) {
    if (at(Op::kRPar)) break;
    expr* e = star_named_expression();
    if (!e) return nullptr;
    elts.push_back(e);
  }
  if (!at(Op::kRPar)) {
    if (!missing_comma(elts.back())) invalid_syntax();
    return nullptr;
  }
  advance();
  auto* t = node<Tuple>(open);
  t->elts = seq(elts);
  t->ctx = ExprContext::Load;
  return t;
}

expr* Parser::list_atom() {
  Token open = advance();
  std::vector<expr*> elts;
  if (!at(Op::kRSqb)) {
    expr* first = star_named_expression();
    if (!first) return nullptr;
    if (at_kw(Keyword::kFor)) {
      if (first->kind == ExprKind::Starred) {
        error_node(first, "iterable unpacking cannot be used in comprehension");
        return nullptr;
      }
      std::vector<comprehension*> gens;
      if (!comprehension_clauses(&gens)) return nullptr;
      if (!expect(Op::kRSqb)) return nullptr;
      auto* l = node<ListComp>(open);
      l->elt = first;
      l->generators = seq(gens);
      return l;
    }
    elts.push_back(first);
    while (accept(Op::kComma)) {
      if (at(Op::kRSqb)) break;
      expr* e = star_named_expression();
      if (!e) return nullptr;
      elts.push_back(e);
    }
    if (!at(Op::kRSqb)) {
      if (!missing_comma(elts.back())) invalid_syntax();
      return nullptr;
    }
  }
  advance();
  auto* l = node<List>(open);
  l->elts = seq(elts);
  l->ctx = ExprContext::Load;
  return l;
}

expr* Parser::brace_atom() {
  Token open = advance();
  if (at(Op::kRBrace)) {
    advance();
    return node<Dict>(open);
  }
  std::vector<expr*> keys, values;
  bool is_dict;
  // First element decides dict vs set.
  if (at(Op::kDoubleStar)) {
    Token ds = advance();
    expr* v = bitwise_or();
    if (!v) return nullptr;
    if (at_kw(Keyword::kFor)) {
      error_range(ds.lineno, ds.col, v->end_lineno, v->end_col_offset,
                  "dict unpacking cannot be used in dict comprehension");
      return nullptr;
    }
    keys.push_back(nullptr);
    values.push_back(v);
    is_dict = true;
  } else {
    expr* first = star_named_expression();
    if (!first) return nullptr;
    if (at(Op::kColon) && first->kind != ExprKind::Starred) {
      advance();
      expr* v = expression();
      if (!v) return nullptr;
      if (at_kw(Keyword::kFor)) {
        std::vector<comprehension*> gens;
        if (!comprehension_clauses(&gens) || !expect(Op::kRBrace)) return nullptr;
        auto* d = node<DictComp>(open);
        d->key = first;
        d->value = v;
        d->generators = seq(gens);
        return d;
      }
      keys.push_back(first);
      values.push_back(v);
      is_dict = true;
    } else {
      if (at_kw(Keyword::kFor)) {
        if (first->kind == ExprKind::Starred) {
          error_node(first, "iterable unpacking cannot be used in comprehension");
          return nullptr;
        }
        std::vector<comprehension*> gens;
        if (!comprehension_clauses(&gens) || !expect(Op::kRBrace)) return nullptr;
        auto* s = node<SetComp>(open);
        s->elt = first;
        s->generators = seq(gens);
        return s;
      }
      values.push_back(first);
      is_dict = false;
    }
  }
  while (accept(Op::kComma)) {
    if (at(Op::kRBrace)) break;
    if (is_dict) {
      if (accept(Op::kDoubleStar)) {
        expr* v = bitwise_or();
        if (!v) return nullptr;
        keys.push_back(nullptr);
        values.push_back(v);
        continue;
      }
      expr* k = expression();
      if (!k) return nullptr;
      if (!at(Op::kColon)) {
        if (!missing_comma(k)) {
          if (at(Op::kComma) || at(Op::kRBrace)) {
            error_range(k->lineno, k->end_col_offset - 1, k->end_lineno, -1,
                        "':' expected after dictionary key");
          } else {
            invalid_syntax();
          }
        }
        return nullptr;
      }
      advance();
      if (at(Op::kComma) || at(Op::kRBrace)) {
        error_at(last_, "expression expected after dictionary key and ':'");
        return nullptr;
      }
      expr* v = expression();
      if (!v) return nullptr;
      keys.push_back(k);
      values.push_back(v);
    } else {
      expr* e = star_named_expression();
      if (!e) return nullptr;
      values.push_back(e);
    }
  }
  if (!at(Op::kRBrace)) {
    if (!missing_comma(values.back())) invalid_syntax();
    return nullptr;
  }
  advance();
  if (is_dict) {
    auto* d = node<Dict>(open);
    d->keys = seq(keys);
    d->values = seq(values);
    return d;
  }
  auto* s = node<Set>(open);
  s->elts = seq(values);
  return s;
}

// ---------------------------------------------------------------------------
// String literals

void Parser::position_of(uint32_t offset, int* lineno, int* col) {
  // Find the token containing `offset`; walk from its start.
  int line = 0;
  uint32_t line_start = 0;
  for (size_t i = toks_.size(); i-- > 0;) {
    if (toks_[i].start <= offset && toks_[i].type == TokenType::kString) {
      line = toks_[i].lineno;
      line_start = toks_[i].start - toks_[i].col;
      for (uint32_t p = toks_[i].start; p < offset; p++) {
        if (src_[p] == '\n') {
          line++;
          line_start = p + 1;
        }
      }
      break;
    }
  }
  *lineno = line;
  *col = static_cast<int>(offset - line_start);
}

void Parser::flush_literal(const Token& first, std::vector<expr*>* values, std::string* buf) {
  if (buf->empty()) return;
  auto* c = node<Constant>(first);
  c->value.kind = ConstantValue::Kind::Str;
  c->value.text = arena_.copy(*buf);
  buf->clear();
  values->push_back(c);
}

expr* Parser::strings() {
  Token first = cur();
  std::vector<Token> toks;
  while (at_type(TokenType::kString)) toks.push_back(advance());
  Token last = toks.back();
  bool any_f = false, any_bytes = false, any_str = false;
  for (const Token& t : toks) {
    StringParts p = split_string_token(text(t));
    any_f |= p.fstring;
    (p.bytes ? any_bytes : any_str) = true;
  }
  if (any_bytes && any_str) {
    error_range(last.end_lineno, last.end_col, last.end_lineno, last.end_col,
                "cannot mix bytes and nonbytes literals");
    return nullptr;
  }
  std::string buf;
  std::vector<expr*> values;
  for (const Token& t : toks) {
    StringParts p = split_string_token(text(t));
    if (p.bytes) {
      for (char ch : p.body) {
        if (static_cast<unsigned char>(ch) >= 0x80) {
          error_range(t.lineno, t.col, t.end_lineno, t.end_col,
                      "bytes can only contain ASCII literal characters");
          return nullptr;
        }
      }
    }
    if (p.fstring) {
      size_t consumed = 0;
      if (!fstring_body(first, last, p.body, t.start + p.body_offset, p.raw, 0, false, &values,
                        &buf, &consumed))
        return nullptr;
      continue;
    }
    std::string error;
    if (p.raw) {
      buf.append(p.body);
    } else if (!decode_escapes(p.body, p.bytes, &buf, &error)) {
      error_range(t.lineno, t.col, t.end_lineno, t.end_col, error);
      // CPython positions these at the end of the literal.
      err_->col = err_->end_col = t.end_col;
      return nullptr;
    }
  }
  if (any_f) {
    flush_literal(first, &values, &buf);
    auto* j = node<JoinedStr>(first);
    j->values = seq(values);
    return j;
  }
  auto* c = node<Constant>(first);
  c->value.kind = any_bytes ? ConstantValue::Kind::Bytes : ConstantValue::Kind::Str;
  c->value.text = arena_.copy(buf);
  c->kind_u = text(first)[0] == 'u';  // CPython: only a lowercase prefix
  return c;
}

// Parses an f-string body (or, with in_spec, a format spec up to its closing
// '}'), appending Constant/FormattedValue nodes to *values; literal text
// accumulates in *buf.  *consumed: bytes of `body` used.
bool Parser::fstring_body(const Token& first, const Token& last, std::string_view body,
                          uint32_t body_src, bool raw, int level, bool in_spec,
                          std::vector<expr*>* values, std::string* buf, size_t* consumed) {
  auto fail = [&](const std::string& msg) {
    error_range(last.end_lineno, last.end_col, last.end_lineno, last.end_col, msg);
    return false;
  };
  size_t i = 0, lit = 0;
  auto flush_raw = [&](size_t end) {
    std::string_view chunk = body.substr(lit, end - lit);
    if (raw) {
      buf->append(chunk);
      return true;
    }
    std::string error;
    if (!decode_escapes(chunk, false, buf, &error)) return fail(error);
    return true;
  };
  while (i < body.size()) {
    char c = body[i];
    if (!raw && c == '\\' && i + 1 < body.size()) {
      if (body[i + 1] == 'N' && i + 2 < body.size() && body[i + 2] == '{') {
        size_t close = body.find('}', i);
        i = close == std::string_view::npos ? body.size() : close + 1;
      } else {
        i += 2;
      }
      continue;
    }
    if (c == '}') {
      if (in_spec) break;
      if (i + 1 < body.size() && body[i + 1] == '}') {
        if (!flush_raw(i + 1)) return false;
        i += 2;
        lit = i;
        continue;
      }
      return fail("f-string: single '}' is not allowed");
    }
    if (c != '{') {
      i++;
      continue;
    }
    if (!in_spec && i + 1 < body.size() && body[i + 1] == '{') {
      if (!flush_raw(i + 1)) return false;
      i += 2;
      lit = i;
      continue;
    }
    if (!flush_raw(i)) return false;
    if (level >= 2) return fail("f-string: expressions nested too deeply");
    // The expression: up to a top-level '}', '!', ':' or '='.
    size_t start = i + 1, j = start;
    std::vector<char> nest;
    char quote = 0;
    bool triple = false;
    for (; j < body.size(); j++) {
      char ch = body[j];
      if (ch == '\\') return fail("f-string expression part cannot include a backslash");
      if (quote) {
        if (ch == quote && (!triple || (j + 2 < body.size() && body[j + 1] == quote &&
                                        body[j + 2] == quote))) {
          if (triple) j += 2;
          quote = 0;
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        quote = ch;
        triple = j + 2 < body.size() && body[j + 1] == ch && body[j + 2] == ch;
        if (triple) j += 2;
        continue;
      }
      if (ch == '[' || ch == '(' || ch == '{') {
        nest.push_back(ch);
        continue;
      }
      if (ch == '#') return fail("f-string expression part cannot include '#'");
      if (!nest.empty() && (ch == ']' || ch == ')' || ch == '}')) {
        char open = nest.back();
        if ((open == '(' && ch != ')') || (open == '[' && ch != ']') ||
            (open == '{' && ch != '}'))
          return fail(std::string("f-string: closing parenthesis '") + ch +
                      "' does not match opening parenthesis '" + open + "'");
        nest.pop_back();
        continue;
      }
      if (nest.empty()) {
        char next = j + 1 < body.size() ? body[j + 1] : 0;
        if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
          j++;
          continue;
        }
        if (ch == '<' || ch == '>') continue;
        if (ch == '!' || ch == ':' || ch == '}' || ch == '=') break;
      }
      if (ch == ']' || ch == ')') {
        return fail(std::string("f-string: unmatched '") + ch + "'");
      }
    }
    if (quote) return fail("f-string: unterminated string");
    if (j >= body.size()) {
      if (!nest.empty()) return fail("f-string: expecting '}'");
      return fail("f-string: expecting '}'");
    }
    std::string_view expr_text = body.substr(start, j - start);
    if (expr_text.find_first_not_of(" \t\n\r\f") == std::string_view::npos) {
      return fail(body[j] == '!' ? "f-string: expression required before '!'"
                  : body[j] == ':' ? "f-string: expression required before ':'"
                  : body[j] == '=' ? "f-string: expression required before '='"
                                   : "f-string: empty expression not allowed");
    }
    int line, col;
    position_of(body_src + static_cast<uint32_t>(start), &line, &col);
    Parser sub(src_, arena_, body_src + static_cast<uint32_t>(start),
               body_src + static_cast<uint32_t>(j), line, col, depth_);
    expr* value = sub.parse_fstring_field();
    if (!value) {
      if (sub.err_) {
        PendingError e = *sub.err_;
        if (e.message.rfind("f-string", 0) != 0) e.message = "f-string: " + e.message;
        set_error(std::move(e));
      }
      return false;
    }
    int conversion = -1;
    if (body[j] == '=') {
      // Self-documenting: the text through '=' (and following spaces).
      j++;
      size_t k = j;
      while (k < body.size() && (body[k] == ' ' || body[k] == '\t')) k++;
      buf->append(body.substr(start, k - start));
      j = k;
      if (j < body.size() && body[j] != '!' && body[j] != ':') conversion = 'r';
    }
    if (j < body.size() && body[j] == '!') {
      j++;
      char conv = j < body.size() ? body[j] : 0;
      if (conv != 's' && conv != 'r' && conv != 'a')
        return fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      conversion = conv;
      j++;
      if (j >= body.size() || (body[j] != ':' && body[j] != '}'))
        return fail("f-string: expecting '}'");
    }
    expr* spec = nullptr;
    if (j < body.size() && body[j] == ':') {
      j++;
      std::vector<expr*> spec_values;
      std::string spec_buf;
      size_t used = 0;
      if (!fstring_body(first, last, body.substr(j), body_src + static_cast<uint32_t>(j), raw,
                        level + 1, true, &spec_values, &spec_buf, &used))
        return false;
      flush_literal(first, &spec_values, &spec_buf);
      auto* js = node<JoinedStr>(first.lineno, first.col);
      js->end_lineno = last.end_lineno;
      js->end_col_offset = last.end_col;
      js->values = seq(spec_values);
      spec = js;
      j += used;
    }
    if (j >= body.size() || body[j] != '}') return fail("f-string: expecting '}'");
    flush_literal(first, values, buf);
    auto* fv = node<FormattedValue>(first.lineno, first.col);
    fv->end_lineno = last.end_lineno;
    fv->end_col_offset = last.end_col;
    fv->value = value;
    fv->conversion = conversion;
    fv->format_spec = spec;
    values->push_back(fv);
    i = j + 1;
    lit = i;
  }
  if (!flush_raw(i)) return false;
  *consumed = i;
  if (in_spec && i >= body.size()) return fail("f-string: expecting '}'");
  // Literal pieces take the whole string's position.
  for (expr* v : *values) {
    if (v->kind == ExprKind::Constant) {
      v->end_lineno = last.end_lineno;
      v->end_col_offset = last.end_col;
    }
  }
  return true;
}

// An f-string replacement field's expression, parsed as CPython 3.11 does:
// as if parenthesised.
expr* Parser::parse_fstring_field() {
  expr* e = at_kw(Keyword::kYield) ? yield_expr() : star_expressions();
  if (!e) return nullptr;
  if (e->kind == ExprKind::Starred) {
    error_node(e, "cannot use starred expression here");
    return nullptr;
  }
  if (!at_type(TokenType::kEndMarker)) {
    if (!missing_comma(e)) invalid_syntax();
    return nullptr;
  }
  return e;
}

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
    // Indentation errors are only found by the parser proper in CPython's
    // check (it raises them too), so keep them.
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
  std::string_view line = source_line(source, e.lineno);
  info.text = std::string(line);
  if (!info.text.empty() && info.text.back() != '\n') info.text += '\n';
  info.offset = e.lineno > 0 ? char_column(line, e.col) + 1 : 0;
  if (e.end_col < 0) {
    info.end_offset = -1;
  } else {
    std::string_view end_line =
        info.end_lineno == e.lineno ? line : source_line(source, info.end_lineno);
    info.end_offset = char_column(end_line, e.end_col) + 1;
  }
  if (e.kind == SyntaxErrorInfo::Kind::kRecursionError) info.text.clear();
  return info;
}

}  // namespace

ParseResult parse(std::string_view source, std::string_view filename, ParseMode mode) {
  (void)filename;
  ParseResult result;
  result.arena = std::make_unique<Arena>();
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
