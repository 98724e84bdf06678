// Expressions from lambda and the ternary down to primary; see
// parser_internal.h.
#include "vm/parse/parser_internal.h"

namespace conch::vm::ast::detail {

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
    // await_primary: 'await' primary
    Token start = advance();
    expr* value = primary();
    if (!value) return nullptr;
    auto* a = node<Await>(start);
    a->value = value;
    return a;
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

}  // namespace conch::vm::ast::detail
