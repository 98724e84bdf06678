// String literals: concatenation, escapes and f-strings (replacement fields
// parsed by a sub-parser over the source, as CPython 3.11 does); see
// parser_internal.h.
#include "vm/parse/parser_internal.h"

namespace conch::vm::ast::detail {

// Line and column of a byte offset inside a string token just read.  The
// walk resumes from the previous answer when it lies in the same token, so
// the fields of one long f-string cost linear time in total.
void Parser::position_of(uint32_t offset, int* lineno, int* col) {
  const Token* tok = nullptr;
  for (size_t i = toks_.size(); i-- > 0;) {
    if (toks_[i].start <= offset && toks_[i].type == TokenType::kString) {
      tok = &toks_[i];
      break;
    }
  }
  if (!tok) {
    *lineno = *col = 0;
    return;
  }
  uint32_t p = tok->start;
  int line = tok->lineno;
  uint32_t line_start = tok->start - tok->col;
  if (pos_cache_.offset >= tok->start && pos_cache_.offset <= offset &&
      pos_cache_.offset < tok->end) {
    p = pos_cache_.offset;
    line = pos_cache_.lineno;
    line_start = pos_cache_.line_start;
  }
  for (; p < offset; p++) {
    if (src_[p] == '\n') {
      line++;
      line_start = p + 1;
    }
  }
  pos_cache_ = {offset, line, line_start};
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
        // CPython 3.11 compiles the field as "(" + text + ")" on its own and
        // reports positions within that text (on the field's line).
        PendingError e = *sub.err_;
        if (e.message.rfind("f-string", 0) != 0) e.message = "f-string: " + e.message;
        if (!e.from_tokenizer) {
          if (e.lineno == line) e.col = e.col - col + 1;
          if (e.end_lineno == line && e.end_col >= 0) e.end_col = e.end_col - col + 1;
          e.text = "(" + std::string(expr_text) + ")\n";
        }
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

}  // namespace conch::vm::ast::detail
