// Calls, subscripts, atoms, displays and comprehensions; see
// parser_internal.h.
#include "vm/parse/parser_internal.h"

namespace conch::vm::ast::detail {

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
    expr* target = for_target();
    if (!target) return false;
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

// The target of `for` and of a comprehension's for clause, and the 'in'
// after it.
expr* Parser::for_target() {
  size_t begin = p_;
  Token begin_last = last_;
  expr* target = target_list();
  if (target && at_kw(Keyword::kIn)) {
    advance();
    return check_targets(target, Targets::kFor) ? target : nullptr;
  }
  if (err_ && err_->from_tokenizer) return nullptr;
  // CPython's invalid_for_target: read the text again as star_expressions
  // and name the first bad target ("cannot assign to function call").
  Token stop = cur();
  std::optional<PendingError> first_error = std::move(err_);
  err_.reset();
  p_ = begin;
  last_ = begin_last;
  expr* e = star_expressions();
  if (err_ && err_->from_tokenizer) return nullptr;
  err_.reset();
  if (expr* bad = e ? invalid_target(e, Targets::kFor) : nullptr) {
    error_node(bad, std::string("cannot assign to ") + expr_name(bad));
    return nullptr;
  }
  if (first_error) err_ = std::move(first_error);
  else error_at(stop, "invalid syntax");
  return nullptr;
}

// CPython's star_targets (before 'in'): primaries, starred, tuples.
expr* Parser::target_list() {
  Token start = cur();
  std::vector<expr*> elts;
  bool comma = false;
  for (;;) {
    expr* e;
    if (at(Op::kStar)) {
      Token s = advance();
      expr* v = primary();
      if (!v) return nullptr;
      auto* st = node<Starred>(s);
      st->value = v;
      st->ctx = ExprContext::Load;
      e = st;
    } else {
      e = primary();
    }
    if (!e) return nullptr;
    elts.push_back(e);
    if (!at(Op::kComma)) {
      if (!at_kw(Keyword::kIn) && missing_comma(e)) return nullptr;
      break;
    }
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
      if (at(Op::kComma) || at(Op::kRBrace)) {
        error_at(last_, "expression expected after dictionary key and ':'");
        return nullptr;
      }
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

}  // namespace conch::vm::ast::detail
