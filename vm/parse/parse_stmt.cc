// Statements: simple statements, assignments, imports; see parser_internal.h.
#include "vm/parse/parser_internal.h"

namespace conch::vm::ast::detail {

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
  if (mode == ParseMode::kSingle) {
    // One (possibly compound or ;-separated) statement, as the REPL reads.
    if (at_type(TokenType::kEndMarker)) {
      invalid_syntax();
      return nullptr;
    }
    if (!statement(&body)) return nullptr;
    Token end = toks_[p_ > 0 ? p_ - 1 : 0];
    if (!at_type(TokenType::kEndMarker)) {
      if (!failed())
        error_at(end, "multiple statements found while compiling a single statement");
      return nullptr;
    }
    auto* m = arena_.make<Interactive>();
    m->kind = ModKind::Interactive;
    m->body = seq(body);
    return m;
  }
  if (!statements_until(TokenType::kEndMarker, &body)) return nullptr;
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
                    t.kw == Keyword::kClass || t.kw == Keyword::kAsync));
  if (!compound && may_be_match_stmt()) {
    bool not_match = false;
    stmt* s = match_stmt(&not_match);
    if (s) {
      out->push_back(s);
      return true;
    }
    if (!not_match) return false;
    if (missing_colon_) {
      std::optional<PendingError> colon = std::move(missing_colon_);
      missing_colon_.reset();
      if (simple_stmts(out)) return true;
      if (!(err_ && err_->from_tokenizer)) err_ = std::move(colon);
      return false;
    }
  }
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
  // CPython's error pass tries to read an expression here, which fetches
  // the tokens that follow; a tokenizer error among them wins.
  if (!failed() && starts_expression(cur())) {
    Token bad = cur();
    size_t save = p_;
    Token save_last = last_;
    expr* junk = expression();
    if (err_ && err_->from_tokenizer) return false;
    if (!junk && !failed()) return false;
    err_.reset();
    p_ = save;
    last_ = save_last;
    error_at(bad, "invalid syntax");
    return false;
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

// Each target is checked when the '=' after it is seen, before the rest
// is parsed, as CPython's invalid_assignment rule reports a bad target even
// when the right-hand side is bad too.
stmt* Parser::assignment(expr* first, const Token& start) {
  bool first_is_yield = first->kind == ExprKind::Yield || first->kind == ExprKind::YieldFrom;
  if (!first_is_yield && invalid_target(first, Targets::kStar)) {
    assignment_target_error(first, true);
    return nullptr;
  }
  std::vector<expr*> targets{first};
  if (first_is_yield) {
    assignment_target_error(first, false);
    return nullptr;
  }
  expr* value = nullptr;
  while (accept(Op::kEqual)) {
    value = at_kw(Keyword::kYield) ? yield_expr() : star_expressions();
    if (!value) return nullptr;
    if (!at(Op::kEqual)) break;
    bool is_yield = value->kind == ExprKind::Yield || value->kind == ExprKind::YieldFrom;
    if (is_yield || invalid_target(value, Targets::kStar)) {
      assignment_target_error(value, false);
      return nullptr;
    }
    targets.push_back(value);
  }
  for (expr* t : targets) set_context(t, ExprContext::Store);
  auto* s = node<Assign>(start);
  s->targets = seq(targets);
  s->value = value;
  return s;
}

stmt* Parser::ann_assign(expr* target, const Token& start) {
  // CPython's rules need the annotation to parse before they judge the
  // target (otherwise: plain "invalid syntax" at the annotation).
  Token colon = advance();
  bool valid_target = target->kind == ExprKind::Name || target->kind == ExprKind::Attribute ||
                      target->kind == ExprKind::Subscript;
  expr* annotation = expression();
  if (!annotation) {
    // With a bad target CPython's first pass never got past the ':'.
    if (!valid_target && err_ && !err_->from_tokenizer) {
      err_.reset();
      error_at(colon, "invalid syntax");
    }
    return nullptr;
  }
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

}  // namespace conch::vm::ast::detail
