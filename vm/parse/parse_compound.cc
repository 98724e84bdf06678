// Blocks, compound statements and parameter lists; see parser_internal.h.
#include "vm/parse/parser_internal.h"

namespace conch::vm::ast::detail {

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
    case Keyword::kDef: return funcdef({});
    case Keyword::kAsync: return async_stmt({});
    default: return classdef({});
  }
}

std::string on_line(const char* what, int line) {
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
  expr* target = for_target();
  if (!target) return nullptr;
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
  if (at_kw(Keyword::kDef)) return funcdef(std::move(decorators));
  if (at_kw(Keyword::kClass)) return classdef(std::move(decorators));
  if (at_kw(Keyword::kAsync) && peek(1).type == TokenType::kName && peek(1).kw == Keyword::kDef)
    return async_stmt(std::move(decorators));
  invalid_syntax();
  return nullptr;
}

// `async def`, `async for`, `async with`: the statement with is_async set,
// positioned at `async` as CPython positions AsyncFunctionDef & co.  (A
// decorated `async def` keeps the position of `async`, too.)
stmt* Parser::async_stmt(std::vector<expr*> decorators) {
  Token start = advance();  // 'async'
  stmt* s = nullptr;
  if (at_kw(Keyword::kDef)) {
    s = funcdef(std::move(decorators));
    if (s) cast<FunctionDef>(s)->is_async = true;
  } else if (decorators.empty() && at_kw(Keyword::kFor)) {
    s = for_stmt();
    if (s) cast<For>(s)->is_async = true;
  } else if (decorators.empty() && at_kw(Keyword::kWith)) {
    s = with_stmt();
    if (s) cast<With>(s)->is_async = true;
  } else {
    invalid_syntax();
    return nullptr;
  }
  if (s) {
    s->lineno = start.lineno;
    s->col_offset = start.col;
  }
  return s;
}

stmt* Parser::funcdef(std::vector<expr*> decorators) {
  Token def = advance();
  if (!at_name()) {
    invalid_syntax();
    return nullptr;
  }
  Identifier name = name_of(advance());
  if (!accept(Op::kLPar)) {
    error_at(cur(), "expected '('");
    return nullptr;
  }
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
  s->name = name;
  s->args = args;
  s->body = body;
  s->decorator_list = seq(decorators);
  s->returns = returns;
  return s;
}

stmt* Parser::classdef(std::vector<expr*> decorators) {
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
          // Only a complete parameter (followed by ',' or the closer).
          if (at(Op::kComma) || at(closer)) error_node(a, "non-default argument follows default argument");
          else invalid_syntax();
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

}  // namespace conch::vm::ast::detail
