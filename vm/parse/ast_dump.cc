// ast_dump(): the text of CPython's ast.dump(node) with default arguments,
// the parser's test oracle.  Fields appear in CPython's _fields order;
// optional fields that are None are omitted (ast.dump omits a None value
// when the class default is None), lists always appear.  Constants print as
// Python's repr() would print them.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "vm/parse/parser.h"

namespace conch::vm::ast {

const char* name(Operator op) {
  static const char* const kNames[] = {"Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow",
                                       "LShift", "RShift", "BitOr", "BitXor", "BitAnd",
                                       "FloorDiv"};
  return kNames[static_cast<int>(op)];
}
const char* name(UnaryOperator op) {
  static const char* const kNames[] = {"Invert", "Not", "UAdd", "USub"};
  return kNames[static_cast<int>(op)];
}
const char* name(CmpOp op) {
  static const char* const kNames[] = {"Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot",
                                       "In", "NotIn"};
  return kNames[static_cast<int>(op)];
}
const char* name(BoolOperator op) { return op == BoolOperator::And ? "And" : "Or"; }
const char* name(ExprContext ctx) {
  return ctx == ExprContext::Load ? "Load" : ctx == ExprContext::Store ? "Store" : "Del";
}

namespace {

// Decodes one UTF-8 (or WTF-8 surrogate) sequence at s[i]; advances i.
uint32_t next_code_point(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  uint32_t cp = n == 0 ? c : n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
  (*i)++;
  for (int k = 0; k < n && *i < s.size(); k++, (*i)++)
    cp = (cp << 6) | (static_cast<unsigned char>(s[*i]) & 0x3F);
  return cp;
}

// str.isprintable() for the code points a program is likely to contain
// (no Unicode database: unassigned code points count as printable).
bool is_printable(uint32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xAD) return false;
  if (cp < 0x600) return true;
  if ((cp >= 0x600 && cp <= 0x605) || cp == 0x61C || cp == 0x6DD || cp == 0x70F ||
      cp == 0x1680 || cp == 0x180E)
    return false;
  if ((cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
      (cp >= 0x205F && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) || cp == 0x3000)
    return false;
  if ((cp >= 0xD800 && cp <= 0xF8FF) || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB) ||
      cp == 0xFFFE || cp == 0xFFFF)
    return false;
  if (cp >= 0xE0000 || cp == 0x110BD || (cp >= 0x1BCA0 && cp <= 0x1BCA3) ||
      (cp >= 0x1D173 && cp <= 0x1D17A))
    return false;
  return true;
}

void append_hex(std::string* out, const char* prefix, uint32_t v, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*x", digits, v);
  *out += prefix;
  *out += buf;
}

// Python's repr(str) / repr(bytes).
void repr_string(std::string* out, std::string_view s, bool bytes) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char q = has_single && !has_double ? '"' : '\'';
  if (bytes) out->push_back('b');
  out->push_back(q);
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    if (bytes) {
      cp = static_cast<unsigned char>(s[i++]);
    } else {
      cp = next_code_point(s, &i);
    }
    if (cp == static_cast<uint32_t>(q) || cp == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(cp));
    } else if (cp == '\t') {
      *out += "\\t";
    } else if (cp == '\n') {
      *out += "\\n";
    } else if (cp == '\r') {
      *out += "\\r";
    } else if (bytes ? (cp < 0x20 || cp >= 0x7F) : !is_printable(cp)) {
      if (cp < 0x100) append_hex(out, "\\x", cp, 2);
      else if (cp < 0x10000) append_hex(out, "\\u", cp, 4);
      else append_hex(out, "\\U", cp, 8);
    } else if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else {
      std::string tmp;
      // Re-encode the code point (it was valid UTF-8 in the input).
      if (cp < 0x800) {
        tmp += static_cast<char>(0xC0 | (cp >> 6));
        tmp += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        tmp += static_cast<char>(0xE0 | (cp >> 12));
        tmp += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        tmp += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        tmp += static_cast<char>(0xF0 | (cp >> 18));
        tmp += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        tmp += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        tmp += static_cast<char>(0x80 | (cp & 0x3F));
      }
      *out += tmp;
    }
  }
  out->push_back(q);
}

// Python's repr(float); add_dot_zero is false for the parts of a complex.
std::string repr_double(double d, bool add_dot_zero) {
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (std::isnan(d)) return "nan";
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string sci(buf, r.ptr);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  bool neg = !mant.empty() && mant[0] == '-';
  if (neg) mant.erase(0, 1);
  std::string digits;
  for (char c : mant)
    if (c != '.') digits += c;
  std::string out = neg ? "-" : "";
  if (exp < -4 || exp >= 16) {
    out += digits[0];
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return out + eb;
  }
  if (exp < 0) {
    out += "0." + std::string(-exp - 1, '0') + digits;
    return out;
  }
  if (static_cast<int>(digits.size()) <= exp + 1) {
    out += digits + std::string(exp + 1 - digits.size(), '0');
    if (add_dot_zero) out += ".0";
    return out;
  }
  out += digits.substr(0, exp + 1) + "." + digits.substr(exp + 1);
  return out;
}

// Decimal text of an integer literal in any base (arbitrary size).
std::string int_to_decimal(const ConstantValue& v) {
  if (v.int_fits) return std::to_string(v.int_value);
  std::vector<uint32_t> limbs;  // base 1e9, little-endian
  for (char c : v.text) {
    uint32_t d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    uint64_t carry = d;
    for (uint32_t& l : limbs) {
      uint64_t x = static_cast<uint64_t>(l) * v.base + carry;
      l = static_cast<uint32_t>(x % 1000000000);
      carry = x / 1000000000;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000));
      carry /= 1000000000;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
    out += buf;
  }
  return out;
}

class Dumper {
 public:
  std::string out;

  void dump(const mod* m);
  void dump(const stmt* s);
  void dump(const expr* e);

 private:
  // Node(field=value, ...): open/close and field separators.
  void open(const char* cls) {
    out += cls;
    out += '(';
    first_.push_back(true);
  }
  void close() {
    out += ')';
    first_.pop_back();
  }
  void key(const char* field) {
    if (!first_.back()) out += ", ";
    first_.back() = false;
    out += field;
    out += '=';
  }
  void f(const char* field, const expr* e) {
    if (!e) return;  // optional None: omitted
    key(field);
    dump(e);
  }
  void f_ident(const char* field, Identifier id, bool optional) {
    if (optional && id.empty()) return;
    key(field);
    repr_string(&out, id, false);
  }
  void f_int(const char* field, int v) {
    key(field);
    out += std::to_string(v);
  }
  void f_tag(const char* field, const char* cls) {
    key(field);
    out += cls;
    out += "()";
  }
  template <class T>
  void f_list(const char* field, Seq<T*> items) {
    key(field);
    out += '[';
    for (size_t i = 0; i < items.size(); i++) {
      if (i) out += ", ";
      if (items[i] == nullptr) out += "None";
      else dump_any(items[i]);
    }
    out += ']';
  }
  void f_stmts(const char* field, Seq<stmt*> body) { f_list(field, body); }
  void f_names(const char* field, Seq<Identifier> names) {
    key(field);
    out += '[';
    for (size_t i = 0; i < names.size(); i++) {
      if (i) out += ", ";
      repr_string(&out, names[i], false);
    }
    out += ']';
  }

  void dump_any(const stmt* s) { dump(s); }
  void dump_any(const expr* e) { dump(e); }
  void dump_any(const keyword* k);
  void dump_any(const alias* a);
  void dump_any(const withitem* w);
  void dump_any(const match_case* c);
  void dump_any(const pattern* p);
  void f_pattern(const char* field, const pattern* p) {
    if (!p) return;
    key(field);
    dump_any(p);
  }
  void dump_any(const comprehension* c);
  void dump_any(const ExceptHandler* h);
  void dump_any(const arg* a);
  void dump_arguments(const arguments* a);
  void dump_constant(const ConstantValue& v);

  std::vector<bool> first_;
};

void Dumper::dump_any(const keyword* k) {
  open("keyword");
  f_ident("arg", k->arg, true);
  f("value", k->value);
  close();
}
void Dumper::dump_any(const alias* a) {
  open("alias");
  f_ident("name", a->name, false);
  f_ident("asname", a->asname, true);
  close();
}
void Dumper::dump_any(const match_case* c) {
  open("match_case");
  f_pattern("pattern", c->pattern);
  f("guard", c->guard);
  f_stmts("body", c->body);
  close();
}

void Dumper::dump_any(const pattern* p) {
  switch (p->kind) {
    case PatternKind::MatchValue:
      open("MatchValue");
      f("value", cast<MatchValue>(p)->value);
      break;
    case PatternKind::MatchSingleton:
      open("MatchSingleton");
      key("value");
      dump_constant(cast<MatchSingleton>(p)->value);
      break;
    case PatternKind::MatchSequence:
      open("MatchSequence");
      f_list("patterns", cast<MatchSequence>(p)->patterns);
      break;
    case PatternKind::MatchMapping: {
      auto* m = cast<MatchMapping>(p);
      open("MatchMapping");
      f_list("keys", m->keys);
      f_list("patterns", m->patterns);
      f_ident("rest", m->rest, true);
      break;
    }
    case PatternKind::MatchClass: {
      auto* c = cast<MatchClass>(p);
      open("MatchClass");
      f("cls", c->cls);
      f_list("patterns", c->patterns);
      f_names("kwd_attrs", c->kwd_attrs);
      f_list("kwd_patterns", c->kwd_patterns);
      break;
    }
    case PatternKind::MatchStar:
      open("MatchStar");
      f_ident("name", cast<MatchStar>(p)->name, true);
      break;
    case PatternKind::MatchAs:
      open("MatchAs");
      f_pattern("pattern", cast<MatchAs>(p)->pattern);
      f_ident("name", cast<MatchAs>(p)->name, true);
      break;
    case PatternKind::MatchOr:
      open("MatchOr");
      f_list("patterns", cast<MatchOr>(p)->patterns);
      break;
  }
  close();
}

void Dumper::dump_any(const withitem* w) {
  open("withitem");
  f("context_expr", w->context_expr);
  f("optional_vars", w->optional_vars);
  close();
}
void Dumper::dump_any(const comprehension* c) {
  open("comprehension");
  f("target", c->target);
  f("iter", c->iter);
  f_list("ifs", c->ifs);
  f_int("is_async", c->is_async);
  close();
}
void Dumper::dump_any(const ExceptHandler* h) {
  open("ExceptHandler");
  f("type", h->type);
  f_ident("name", h->name, true);
  f_stmts("body", h->body);
  close();
}
void Dumper::dump_any(const arg* a) {
  open("arg");
  f_ident("arg", a->arg, false);
  f("annotation", a->annotation);
  close();
}
void Dumper::dump_arguments(const arguments* a) {
  open("arguments");
  f_list("posonlyargs", a->posonlyargs);
  f_list("args", a->args);
  if (a->vararg) {
    key("vararg");
    dump_any(a->vararg);
  }
  f_list("kwonlyargs", a->kwonlyargs);
  f_list("kw_defaults", a->kw_defaults);
  if (a->kwarg) {
    key("kwarg");
    dump_any(a->kwarg);
  }
  f_list("defaults", a->defaults);
  close();
}

void Dumper::dump_constant(const ConstantValue& v) {
  switch (v.kind) {
    case ConstantValue::Kind::None: out += "None"; break;
    case ConstantValue::Kind::True: out += "True"; break;
    case ConstantValue::Kind::False: out += "False"; break;
    case ConstantValue::Kind::Ellipsis: out += "Ellipsis"; break;
    case ConstantValue::Kind::Int: out += int_to_decimal(v); break;
    case ConstantValue::Kind::Float: out += repr_double(v.float_value, true); break;
    case ConstantValue::Kind::Complex: out += repr_double(v.float_value, false) + "j"; break;
    case ConstantValue::Kind::Str: repr_string(&out, v.text, false); break;
    case ConstantValue::Kind::Bytes: repr_string(&out, v.text, true); break;
  }
}

void Dumper::dump(const mod* m) {
  switch (m->kind) {
    case ModKind::Module:
      open("Module");
      f_stmts("body", cast<Module>(m)->body);
      key("type_ignores");
      out += "[]";
      close();
      break;
    case ModKind::Interactive:
      open("Interactive");
      f_stmts("body", cast<Interactive>(m)->body);
      close();
      break;
    case ModKind::Expression:
      open("Expression");
      f("body", cast<Expression>(m)->body);
      close();
      break;
  }
}

void Dumper::dump(const stmt* s) {
  switch (s->kind) {
    case StmtKind::FunctionDef: {
      auto* n = cast<FunctionDef>(s);
      open(n->is_async ? "AsyncFunctionDef" : "FunctionDef");
      f_ident("name", n->name, false);
      key("args");
      dump_arguments(n->args);
      f_stmts("body", n->body);
      f_list("decorator_list", n->decorator_list);
      f("returns", n->returns);
      break;
    }
    case StmtKind::ClassDef: {
      auto* n = cast<ClassDef>(s);
      open("ClassDef");
      f_ident("name", n->name, false);
      f_list("bases", n->bases);
      f_list("keywords", n->keywords);
      f_stmts("body", n->body);
      f_list("decorator_list", n->decorator_list);
      break;
    }
    case StmtKind::Return:
      open("Return");
      f("value", cast<Return>(s)->value);
      break;
    case StmtKind::Delete:
      open("Delete");
      f_list("targets", cast<Delete>(s)->targets);
      break;
    case StmtKind::Assign:
      open("Assign");
      f_list("targets", cast<Assign>(s)->targets);
      f("value", cast<Assign>(s)->value);
      break;
    case StmtKind::AugAssign: {
      auto* n = cast<AugAssign>(s);
      open("AugAssign");
      f("target", n->target);
      f_tag("op", name(n->op));
      f("value", n->value);
      break;
    }
    case StmtKind::AnnAssign: {
      auto* n = cast<AnnAssign>(s);
      open("AnnAssign");
      f("target", n->target);
      f("annotation", n->annotation);
      f("value", n->value);
      f_int("simple", n->simple);
      break;
    }
    case StmtKind::For: {
      auto* n = cast<For>(s);
      open(n->is_async ? "AsyncFor" : "For");
      f("target", n->target);
      f("iter", n->iter);
      f_stmts("body", n->body);
      f_stmts("orelse", n->orelse);
      break;
    }
    case StmtKind::While: {
      auto* n = cast<While>(s);
      open("While");
      f("test", n->test);
      f_stmts("body", n->body);
      f_stmts("orelse", n->orelse);
      break;
    }
    case StmtKind::If: {
      auto* n = cast<If>(s);
      open("If");
      f("test", n->test);
      f_stmts("body", n->body);
      f_stmts("orelse", n->orelse);
      break;
    }
    case StmtKind::With:
      open(cast<With>(s)->is_async ? "AsyncWith" : "With");
      f_list("items", cast<With>(s)->items);
      f_stmts("body", cast<With>(s)->body);
      break;
    case StmtKind::Raise:
      open("Raise");
      f("exc", cast<Raise>(s)->exc);
      f("cause", cast<Raise>(s)->cause);
      break;
    case StmtKind::Try: {
      auto* n = cast<Try>(s);
      open("Try");
      f_stmts("body", n->body);
      f_list("handlers", n->handlers);
      f_stmts("orelse", n->orelse);
      f_stmts("finalbody", n->finalbody);
      break;
    }
    case StmtKind::Assert:
      open("Assert");
      f("test", cast<Assert>(s)->test);
      f("msg", cast<Assert>(s)->msg);
      break;
    case StmtKind::Import:
      open("Import");
      f_list("names", cast<Import>(s)->names);
      break;
    case StmtKind::ImportFrom: {
      auto* n = cast<ImportFrom>(s);
      open("ImportFrom");
      f_ident("module", n->module, true);
      f_list("names", n->names);
      f_int("level", n->level);
      break;
    }
    case StmtKind::Global:
      open("Global");
      f_names("names", cast<Global>(s)->names);
      break;
    case StmtKind::Nonlocal:
      open("Nonlocal");
      f_names("names", cast<Nonlocal>(s)->names);
      break;
    case StmtKind::Expr:
      open("Expr");
      f("value", cast<Expr>(s)->value);
      break;
    case StmtKind::Pass: open("Pass"); break;
    case StmtKind::Break: open("Break"); break;
    case StmtKind::Continue: open("Continue"); break;
    case StmtKind::Match:
      open("Match");
      f("subject", cast<Match>(s)->subject);
      f_list("cases", cast<Match>(s)->cases);
      break;
  }
  close();
}

void Dumper::dump(const expr* e) {
  switch (e->kind) {
    case ExprKind::BoolOp:
      open("BoolOp");
      f_tag("op", name(cast<BoolOp>(e)->op));
      f_list("values", cast<BoolOp>(e)->values);
      break;
    case ExprKind::NamedExpr:
      open("NamedExpr");
      f("target", cast<NamedExpr>(e)->target);
      f("value", cast<NamedExpr>(e)->value);
      break;
    case ExprKind::BinOp: {
      auto* n = cast<BinOp>(e);
      open("BinOp");
      f("left", n->left);
      f_tag("op", name(n->op));
      f("right", n->right);
      break;
    }
    case ExprKind::UnaryOp:
      open("UnaryOp");
      f_tag("op", name(cast<UnaryOp>(e)->op));
      f("operand", cast<UnaryOp>(e)->operand);
      break;
    case ExprKind::Lambda:
      open("Lambda");
      key("args");
      dump_arguments(cast<Lambda>(e)->args);
      f("body", cast<Lambda>(e)->body);
      break;
    case ExprKind::IfExp: {
      auto* n = cast<IfExp>(e);
      open("IfExp");
      f("test", n->test);
      f("body", n->body);
      f("orelse", n->orelse);
      break;
    }
    case ExprKind::Dict:
      open("Dict");
      f_list("keys", cast<Dict>(e)->keys);
      f_list("values", cast<Dict>(e)->values);
      break;
    case ExprKind::Set:
      open("Set");
      f_list("elts", cast<Set>(e)->elts);
      break;
    case ExprKind::ListComp:
      open("ListComp");
      f("elt", cast<ListComp>(e)->elt);
      f_list("generators", cast<ListComp>(e)->generators);
      break;
    case ExprKind::SetComp:
      open("SetComp");
      f("elt", cast<SetComp>(e)->elt);
      f_list("generators", cast<SetComp>(e)->generators);
      break;
    case ExprKind::DictComp:
      open("DictComp");
      f("key", cast<DictComp>(e)->key);
      f("value", cast<DictComp>(e)->value);
      f_list("generators", cast<DictComp>(e)->generators);
      break;
    case ExprKind::GeneratorExp:
      open("GeneratorExp");
      f("elt", cast<GeneratorExp>(e)->elt);
      f_list("generators", cast<GeneratorExp>(e)->generators);
      break;
    case ExprKind::Yield:
      open("Yield");
      f("value", cast<Yield>(e)->value);
      break;
    case ExprKind::YieldFrom:
      open("YieldFrom");
      f("value", cast<YieldFrom>(e)->value);
      break;
    case ExprKind::Await:
      open("Await");
      f("value", cast<Await>(e)->value);
      break;
    case ExprKind::Compare: {
      auto* n = cast<Compare>(e);
      open("Compare");
      f("left", n->left);
      key("ops");
      out += '[';
      for (size_t i = 0; i < n->ops.size(); i++) {
        if (i) out += ", ";
        out += name(n->ops[i]);
        out += "()";
      }
      out += ']';
      f_list("comparators", n->comparators);
      break;
    }
    case ExprKind::Call: {
      auto* n = cast<Call>(e);
      open("Call");
      f("func", n->func);
      f_list("args", n->args);
      f_list("keywords", n->keywords);
      break;
    }
    case ExprKind::FormattedValue: {
      auto* n = cast<FormattedValue>(e);
      open("FormattedValue");
      f("value", n->value);
      f_int("conversion", n->conversion);
      f("format_spec", n->format_spec);
      break;
    }
    case ExprKind::JoinedStr:
      open("JoinedStr");
      f_list("values", cast<JoinedStr>(e)->values);
      break;
    case ExprKind::Constant:
      open("Constant");
      key("value");
      dump_constant(cast<Constant>(e)->value);
      if (cast<Constant>(e)->kind_u) {
        key("kind");
        out += "'u'";
      }
      break;
    case ExprKind::Attribute: {
      auto* n = cast<Attribute>(e);
      open("Attribute");
      f("value", n->value);
      f_ident("attr", n->attr, false);
      f_tag("ctx", name(n->ctx));
      break;
    }
    case ExprKind::Subscript: {
      auto* n = cast<Subscript>(e);
      open("Subscript");
      f("value", n->value);
      f("slice", n->slice);
      f_tag("ctx", name(n->ctx));
      break;
    }
    case ExprKind::Starred:
      open("Starred");
      f("value", cast<Starred>(e)->value);
      f_tag("ctx", name(cast<Starred>(e)->ctx));
      break;
    case ExprKind::Name:
      open("Name");
      f_ident("id", cast<Name>(e)->id, false);
      f_tag("ctx", name(cast<Name>(e)->ctx));
      break;
    case ExprKind::List:
      open("List");
      f_list("elts", cast<List>(e)->elts);
      f_tag("ctx", name(cast<List>(e)->ctx));
      break;
    case ExprKind::Tuple:
      open("Tuple");
      f_list("elts", cast<Tuple>(e)->elts);
      f_tag("ctx", name(cast<Tuple>(e)->ctx));
      break;
    case ExprKind::Slice: {
      auto* n = cast<Slice>(e);
      open("Slice");
      f("lower", n->lower);
      f("upper", n->upper);
      f("step", n->step);
      break;
    }
  }
  close();
}

}  // namespace

std::string ast_dump(const mod* node) {
  Dumper d;
  d.dump(node);
  return std::move(d.out);
}
std::string ast_dump(const stmt* node) {
  Dumper d;
  d.dump(node);
  return std::move(d.out);
}
std::string ast_dump(const expr* node) {
  Dumper d;
  d.dump(node);
  return std::move(d.out);
}

}  // namespace conch::vm::ast
