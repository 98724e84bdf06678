// The match statement and its patterns (PEP 634); see parser_internal.h.
//
// `match` and `case` are soft keywords: ordinary names everywhere except at
// the start of a statement that parses as a match statement.  statement()
// calls match_stmt() only when the line starts with the name `match` and the
// tokens after it are not an obvious expression statement; match_stmt()
// parses the subject speculatively and, unless `:` NEWLINE INDENT follows,
// backs out (restoring position and error state) so the line is parsed as an
// expression or assignment, as CPython's PEG parser does by backtracking.
#include "vm/parse/parser_internal.h"

namespace conch::vm::ast::detail {

namespace {

bool is_soft(const Token& t, std::string_view src, std::string_view word) {
  return t.type == TokenType::kName && t.kw == Keyword::kNone &&
         src.substr(t.start, t.end - t.start) == word;
}

}  // namespace

bool Parser::at_soft_keyword(std::string_view word) { return is_soft(cur(), src_, word); }

// statement() asks first: could this line be a match statement?  The
// subject must start an expression and `match` must not be used as a name
// (`match = 1`, `match.x`, `match[0]`, `match, b = ...` are assignments or
// expressions).
bool Parser::may_be_match_stmt() {
  if (!at_soft_keyword("match")) return false;
  const Token& n = peek(1);
  if (n.type == TokenType::kOp) {
    switch (n.op) {
      case Op::kLPar: case Op::kLSqb: case Op::kLBrace: case Op::kMinus: case Op::kPlus:
      case Op::kTilde: case Op::kStar: case Op::kEllipsis:
        return true;
      default:
        return false;
    }
  }
  return n.type == TokenType::kName || n.type == TokenType::kNumber ||
         n.type == TokenType::kString;
}

// Returns nullptr with no error set when the line is not a match statement
// after all (the caller then parses it as a simple statement).
stmt* Parser::match_stmt(bool* not_match) {
  *not_match = false;
  size_t saved_p = p_;
  Token saved_last = last_;
  std::optional<PendingError> saved_err = err_;
  Token start = advance();
  expr* subject = nullptr;
  {
    expr* first = star_named_expression();
    if (first != nullptr && at(Op::kComma)) {
      std::vector<expr*> elts{first};
      while (accept(Op::kComma)) {
        if (at(Op::kColon)) break;
        expr* e = star_named_expression();
        if (!e) break;
        elts.push_back(e);
      }
      if (!failed()) {
        auto* t = node<Tuple>(first);
        t->elts = seq(elts);
        t->ctx = ExprContext::Load;
        subject = t;
      }
    } else {
      subject = first;
    }
  }
  bool header = subject != nullptr && !failed() && at(Op::kColon) &&
                peek(1).type == TokenType::kNewline;
  if (!header) {
    bool tokenizer_error = err_.has_value() && err_->from_tokenizer;
    if (subject != nullptr && !failed() && at_type(TokenType::kNewline)) {
      // `match x` NEWLINE: if the line is no simple statement either, the
      // caller reports CPython's "expected ':'" here.
      missing_colon_ = PendingError();
      missing_colon_->message = "expected ':'";
      missing_colon_->lineno = missing_colon_->end_lineno = cur().lineno;
      missing_colon_->col = cur().col;
      missing_colon_->end_col = cur().col + 1;
    }
    if (!tokenizer_error) {
      p_ = saved_p;
      last_ = saved_last;
      err_ = saved_err;
      *not_match = true;
    }
    return nullptr;
  }
  advance();  // ':'
  advance();  // NEWLINE
  if (!at_type(TokenType::kIndent)) {
    missing_block("'match' statement", start.lineno);
    return nullptr;
  }
  advance();
  std::vector<match_case*> cases;
  while (at_soft_keyword("case")) {
    match_case* c = case_block();
    if (!c) return nullptr;
    cases.push_back(c);
  }
  if (cases.empty() || !at_type(TokenType::kDedent)) {
    invalid_syntax();
    return nullptr;
  }
  advance();  // DEDENT
  auto* s = node<Match>(start);
  s->subject = subject;
  s->cases = seq(cases);
  return s;
}

// CPython marks one column for these (its IndentationError rules for match
// and case point at the token, not its whole range).
void Parser::missing_block(const char* what, int line) {
  if (failed()) return;
  const Token& t = cur();
  error_range(t.lineno, t.col, t.lineno, t.col + 1,
              "expected an indented block after " + on_line(what, line),
              SyntaxErrorInfo::Kind::kIndentationError);
}

match_case* Parser::case_block() {
  Token start = advance();  // 'case'
  pattern* pat = patterns();
  if (!pat) return nullptr;
  expr* guard = nullptr;
  if (accept_kw(Keyword::kIf)) {
    guard = named_expression();
    if (!guard) return nullptr;
  }
  if (!expect_colon(false)) return nullptr;
  if (at_type(TokenType::kNewline) && peek(1).type != TokenType::kIndent) {
    advance();
    missing_block("'case' statement", start.lineno);
    return nullptr;
  }
  bool ok;
  Seq<stmt*> body = block_seq(on_line("'case' statement", start.lineno), &ok);
  if (!ok) return nullptr;
  auto* c = arena_.make<match_case>();
  c->pattern = pat;
  c->guard = guard;
  c->body = body;
  return c;
}

// patterns: open_sequence_pattern | pattern
pattern* Parser::patterns() {
  Token start = cur();
  pattern* first = maybe_star_pattern();
  if (!first) return nullptr;
  if (!at(Op::kComma)) {
    if (first->kind == PatternKind::MatchStar) {
      auto* s = node<MatchSequence>(start);
      s->patterns = seq(std::vector<pattern*>{first});
      return s;
    }
    return first;
  }
  std::vector<pattern*> items{first};
  while (accept(Op::kComma)) {
    if (at(Op::kColon) || at_kw(Keyword::kIf)) break;
    pattern* p = maybe_star_pattern();
    if (!p) return nullptr;
    items.push_back(p);
  }
  auto* s = node<MatchSequence>(start);
  s->patterns = seq(items);
  return s;
}

pattern* Parser::maybe_star_pattern() {
  if (!at(Op::kStar)) return pattern_();
  Token start = advance();
  if (!at_name()) {
    invalid_syntax();
    return nullptr;
  }
  Token n = advance();
  auto* s = node<MatchStar>(start);
  std::string_view id = text(n);
  s->name = id == "_" ? Identifier() : name_of(n);
  return s;
}

// pattern: or_pattern ['as' NAME]
pattern* Parser::pattern_() {
  DepthScope depth(this);
  if (!depth.ok) return nullptr;
  Token start = cur();
  pattern* p = or_pattern();
  if (!p) return nullptr;
  while (accept_kw(Keyword::kAs)) {
    if (!at_name()) {
      invalid_syntax();
      return nullptr;
    }
    Token n = advance();
    if (text(n) == "_") {
      error_at(n, "cannot use '_' as a target");
      return nullptr;
    }
    auto* a = node<MatchAs>(start);
    a->pattern = p;
    a->name = name_of(n);
    p = a;
  }
  return p;
}

pattern* Parser::or_pattern() {
  Token start = cur();
  pattern* first = closed_pattern();
  if (!first) return nullptr;
  if (!at(Op::kVBar)) return first;
  std::vector<pattern*> alts{first};
  while (accept(Op::kVBar)) {
    pattern* p = closed_pattern();
    if (!p) return nullptr;
    alts.push_back(p);
  }
  auto* o = node<MatchOr>(start);
  o->patterns = seq(alts);
  return o;
}

// A literal usable in a pattern: a signed number (or `a + bj` forms, which
// the compiler rejects while complex numbers are unsupported), strings,
// None/True/False.  Returns the expression; *singleton set for None/True/False.
expr* Parser::literal_expr(bool* singleton) {
  *singleton = false;
  Token t = cur();
  if (t.type == TokenType::kName &&
      (t.kw == Keyword::kNoneKw || t.kw == Keyword::kTrue || t.kw == Keyword::kFalse)) {
    *singleton = true;
    return atom();
  }
  if (t.type == TokenType::kString) return strings();
  expr* e = nullptr;
  if (at(Op::kMinus)) {
    advance();
    if (!at_type(TokenType::kNumber)) {
      invalid_syntax();
      return nullptr;
    }
    expr* num = atom();
    if (!num) return nullptr;
    auto* u = node<UnaryOp>(t);
    u->op = UnaryOperator::USub;
    u->operand = num;
    e = u;
  } else if (at_type(TokenType::kNumber)) {
    e = atom();
  } else {
    invalid_syntax();
    return nullptr;
  }
  if (e && (at(Op::kPlus) || at(Op::kMinus))) {
    Token op = advance();
    if (!at_type(TokenType::kNumber)) {
      invalid_syntax();
      return nullptr;
    }
    expr* rhs = atom();
    if (!rhs) return nullptr;
    auto* c = ast::dyn_cast<Constant>(rhs);
    if (c == nullptr || c->value.kind != ConstantValue::Kind::Complex) {
      error_node(rhs, "imaginary number required in complex literal");
      return nullptr;
    }
    auto* b = node<BinOp>(t);
    b->left = e;
    b->op = op.op == Op::kPlus ? Operator::Add : Operator::Sub;
    b->right = rhs;
    e = b;
  }
  return e;
}

// name_or_attr: NAME ('.' NAME)*
expr* Parser::name_or_attr() {
  Token t = advance();
  auto* n = node<Name>(t);
  n->id = name_of(t);
  n->ctx = ExprContext::Load;
  expr* e = n;
  while (accept(Op::kDot)) {
    if (!at_name()) {
      invalid_syntax();
      return nullptr;
    }
    Token a = advance();
    auto* at = node<Attribute>(t);
    at->value = e;
    at->attr = name_of(a);
    at->ctx = ExprContext::Load;
    e = at;
  }
  return e;
}

pattern* Parser::closed_pattern() {
  DepthScope depth(this);
  if (!depth.ok) return nullptr;
  Token t = cur();
  if (t.type == TokenType::kNumber || t.type == TokenType::kString || at(Op::kMinus) ||
      (t.type == TokenType::kName &&
       (t.kw == Keyword::kNoneKw || t.kw == Keyword::kTrue || t.kw == Keyword::kFalse))) {
    bool singleton;
    expr* e = literal_expr(&singleton);
    if (!e) return nullptr;
    if (singleton) {
      auto* s = node<MatchSingleton>(t);
      s->value = cast<Constant>(e)->value;
      return s;
    }
    auto* v = node<MatchValue>(t);
    v->value = e;
    return v;
  }
  if (at_name()) {
    expr* e = name_or_attr();
    if (!e) return nullptr;
    if (at(Op::kLPar)) return class_pattern(e, t);
    if (auto* n = ast::dyn_cast<Name>(e)) {
      auto* a = node<MatchAs>(t);
      a->pattern = nullptr;
      a->name = n->id == "_" ? Identifier() : n->id;
      return a;
    }
    auto* v = node<MatchValue>(t);
    v->value = e;
    return v;
  }
  if (at(Op::kLPar) || at(Op::kLSqb)) {
    Op close = at(Op::kLPar) ? Op::kRPar : Op::kRSqb;
    bool paren = close == Op::kRPar;
    advance();
    std::vector<pattern*> items;
    bool comma = false;
    while (!at(close)) {
      pattern* p = maybe_star_pattern();
      if (!p) return nullptr;
      items.push_back(p);
      if (!accept(Op::kComma)) break;
      comma = true;
    }
    if (!expect(close)) return nullptr;
    if (paren && items.size() == 1 && !comma && items[0]->kind != PatternKind::MatchStar) {
      // A group pattern: its position is the inner pattern's, as in CPython.
      return items[0];
    }
    auto* s = node<MatchSequence>(t);
    s->patterns = seq(items);
    return s;
  }
  if (at(Op::kLBrace)) return mapping_pattern();
  invalid_syntax();
  return nullptr;
}

pattern* Parser::mapping_pattern() {
  Token start = advance();  // '{'
  std::vector<expr*> keys;
  std::vector<pattern*> values;
  Identifier rest;
  while (!at(Op::kRBrace)) {
    if (at(Op::kDoubleStar)) {
      advance();
      if (!at_name() || text(cur()) == "_") {
        invalid_syntax();
        return nullptr;
      }
      rest = name_of(advance());
      accept(Op::kComma);
      break;
    }
    expr* key = nullptr;
    if (at_name()) {
      key = name_or_attr();
      if (key && key->kind == ExprKind::Name) {
        error_node(key, "invalid syntax");
        return nullptr;
      }
    } else {
      bool singleton;
      key = literal_expr(&singleton);
    }
    if (!key || !expect(Op::kColon)) return nullptr;
    pattern* v = pattern_();
    if (!v) return nullptr;
    keys.push_back(key);
    values.push_back(v);
    if (!accept(Op::kComma)) break;
  }
  if (!expect(Op::kRBrace)) return nullptr;
  auto* m = node<MatchMapping>(start);
  m->keys = seq(keys);
  m->patterns = seq(values);
  m->rest = rest;
  return m;
}

pattern* Parser::class_pattern(expr* cls, const Token& start) {
  advance();  // '('
  std::vector<pattern*> positional;
  std::vector<Identifier> kw_names;
  std::vector<pattern*> kw_patterns;
  while (!at(Op::kRPar)) {
    if (at_name() && peek(1).type == TokenType::kOp && peek(1).op == Op::kEqual) {
      Token n = advance();
      advance();  // '='
      pattern* p = pattern_();
      if (!p) return nullptr;
      kw_names.push_back(name_of(n));
      kw_patterns.push_back(p);
    } else {
      pattern* p = pattern_();
      if (!p) return nullptr;
      if (!kw_patterns.empty()) {
        error_node(p, "positional patterns follow keyword patterns");
        return nullptr;
      }
      positional.push_back(p);
    }
    if (!accept(Op::kComma)) break;
  }
  if (!expect(Op::kRPar)) return nullptr;
  auto* c = node<MatchClass>(start);
  c->cls = cls;
  c->patterns = seq(positional);
  c->kwd_attrs = seq(kw_names);
  c->kwd_patterns = seq(kw_patterns);
  return c;
}

}  // namespace conch::vm::ast::detail
