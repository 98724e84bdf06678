// The abstract syntax tree: plain C++ structs mirroring CPython 3.11's `ast`
// module (same class names, same field names, same field order), with no
// Python objects in it.  The parser (vm/parse/parser.h) builds it; the
// compiler (vm/compile/) walks it; ast_dump() prints it as ast.dump() does.
//
// Ownership.  Every node, every sequence and every string in a tree lives in
// one Arena (a bump allocator) owned by the ParseResult that produced it; they
// are freed together when the ParseResult dies.  Nothing in a tree is freed
// individually, so every node type is trivially destructible: children are raw
// pointers, sequences are Seq<T> (pointer + length into the arena), strings
// are std::string_view into the arena (never into the caller's source text).
//
// Optional fields (`expr?` in CPython's ASDL) are nullptr when absent;
// optional identifiers (ImportFrom.module, alias.asname, keyword.arg,
// ExceptHandler.name) are empty string_views when absent (a real identifier is
// never empty).  Dict.keys[i] is nullptr for `**d`; arguments.kw_defaults[i]
// is nullptr for a keyword-only argument without default, as in CPython.
//
// Walking.  A node's abstract class (mod, stmt, expr) carries a `kind` tag;
// switch on it and downcast with ast::cast<T>, which checks the tag in debug
// builds:
//
//   switch (e->kind) {
//     case ast::ExprKind::BinOp: {
//       auto* b = ast::cast<ast::BinOp>(e);
//       visit(b->left); visit(b->right); emit(b->op); break;
//     }
//     ...
//   }
//   for (ast::stmt* s : module->body) ...
//
// Positions (every node has them, as CPython's attributes): lineno and
// end_lineno are 1-based; col_offset and end_col_offset are 0-based UTF-8
// byte offsets into the line, exactly as CPython reports them.  Nodes that
// CPython gives no attributes (arguments, comprehension, withitem) carry
// zeros.
//
// AsyncFunctionDef, AsyncFor and AsyncWith are FunctionDef, For and With
// with is_async set (ast_dump prints CPython's class names).  Not supported
// (the parser reports a SyntaxError): asynchronous comprehensions, except*
// (TryStar).  `match` and `case` are soft keywords: a
// statement is a match statement only when it parses as one.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace conch::vm::ast {

// ---------------------------------------------------------------------------
// Storage

// A read-only array in the arena.  Range-for, size(), operator[].
template <class T>
struct Seq {
  T* items = nullptr;
  uint32_t count = 0;

  T* begin() const { return items; }
  T* end() const { return items + count; }
  size_t size() const { return count; }
  bool empty() const { return count == 0; }
  T& operator[](size_t i) const { return items[i]; }
};

// Bump allocator; everything it returns dies with it.  Not thread-safe (a
// tree is built by one thread; afterwards it is only read).
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(size_t size, size_t align) {
    size_t p = (used_ + align - 1) & ~(align - 1);
    if (block_ == nullptr || p + size > cap_) return allocate_slow(size, align);
    used_ = p + size;
    return block_ + p;
  }

  // Constructs a node; node types are trivially destructible by design.
  template <class T, class... A>
  T* make(A&&... a) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (allocate(sizeof(T), alignof(T))) T{std::forward<A>(a)...};
  }

  std::string_view copy(std::string_view s) {
    if (s.empty()) return std::string_view("", 0);
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return std::string_view(p, s.size());
  }

  template <class T>
  Seq<T> copy(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    Seq<T> s;
    if (v.empty()) return s;
    s.items = static_cast<T*>(allocate(sizeof(T) * v.size(), alignof(T)));
    std::memcpy(static_cast<void*>(s.items), v.data(), sizeof(T) * v.size());
    s.count = static_cast<uint32_t>(v.size());
    return s;
  }

 private:
  void* allocate_slow(size_t size, size_t align) {
    size_t want = size + align > kBlockSize ? size + align : kBlockSize;
    blocks_.push_back(std::make_unique<char[]>(want));
    block_ = blocks_.back().get();
    cap_ = want;
    size_t p = (reinterpret_cast<uintptr_t>(block_) + align - 1) / align * align -
               reinterpret_cast<uintptr_t>(block_);
    used_ = p + size;
    return block_ + p;
  }

  static constexpr size_t kBlockSize = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* block_ = nullptr;
  size_t used_ = 0;
  size_t cap_ = 0;
};

// ---------------------------------------------------------------------------
// Enumerations (ast.operator, ast.unaryop, ast.cmpop, ast.boolop,
// ast.expr_context), in CPython's order.

enum class Operator : uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class BoolOperator : uint8_t { And, Or };
enum class ExprContext : uint8_t { Load, Store, Del };

// CPython's class names ("Add", "USub", "NotIn", "Store", ...).
const char* name(Operator op);
const char* name(UnaryOperator op);
const char* name(CmpOp op);
const char* name(BoolOperator op);
const char* name(ExprContext ctx);

// ---------------------------------------------------------------------------
// Node kinds

enum class ModKind : uint8_t { Module, Interactive, Expression };

enum class StmtKind : uint8_t {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, With,
  Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue, Match
};

enum class PatternKind : uint8_t {
  MatchValue, MatchSingleton, MatchSequence, MatchMapping, MatchClass, MatchStar, MatchAs,
  MatchOr
};

enum class ExprKind : uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
  Attribute, Subscript, Starred, Name, List, Tuple, Slice, Await
};

// Position attributes shared by every node.
struct Node {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

struct mod : Node { ModKind kind; };
struct stmt : Node { StmtKind kind; };
struct expr : Node { ExprKind kind; };
struct pattern : Node { PatternKind kind; };

// Checked downcast: T::kKind must match the node's tag.
template <class T, class B>
T* cast(B* node) {
  assert(node != nullptr && node->kind == T::kKind);
  return static_cast<T*>(node);
}
template <class T, class B>
const T* cast(const B* node) {
  assert(node != nullptr && node->kind == T::kKind);
  return static_cast<const T*>(node);
}
// nullptr unless the node has kind T::kKind.
template <class T, class B>
T* dyn_cast(B* node) {
  return node != nullptr && node->kind == T::kKind ? static_cast<T*>(node) : nullptr;
}

using Identifier = std::string_view;
struct arguments;
struct arg;
struct keyword;
struct alias;
struct withitem;
struct match_case;
struct comprehension;
struct ExceptHandler;

// ---------------------------------------------------------------------------
// mod

struct Module : mod {
  static constexpr ModKind kKind = ModKind::Module;
  Seq<stmt*> body;  // type_ignores is always empty (dumped as [])
};
struct Interactive : mod {
  static constexpr ModKind kKind = ModKind::Interactive;
  Seq<stmt*> body;
};
struct Expression : mod {
  static constexpr ModKind kKind = ModKind::Expression;
  expr* body;
};

// ---------------------------------------------------------------------------
// stmt

struct FunctionDef : stmt {
  static constexpr StmtKind kKind = StmtKind::FunctionDef;
  Identifier name;
  arguments* args;
  Seq<stmt*> body;
  Seq<expr*> decorator_list;
  expr* returns;  // optional
  bool is_async;  // AsyncFunctionDef
};
struct ClassDef : stmt {
  static constexpr StmtKind kKind = StmtKind::ClassDef;
  Identifier name;
  Seq<expr*> bases;
  Seq<keyword*> keywords;
  Seq<stmt*> body;
  Seq<expr*> decorator_list;
};
struct Return : stmt {
  static constexpr StmtKind kKind = StmtKind::Return;
  expr* value;  // optional
};
struct Delete : stmt {
  static constexpr StmtKind kKind = StmtKind::Delete;
  Seq<expr*> targets;
};
struct Assign : stmt {
  static constexpr StmtKind kKind = StmtKind::Assign;
  Seq<expr*> targets;  // `a = b = 1`: targets [a, b]
  expr* value;
};
struct AugAssign : stmt {
  static constexpr StmtKind kKind = StmtKind::AugAssign;
  expr* target;
  Operator op;
  expr* value;
};
struct AnnAssign : stmt {
  static constexpr StmtKind kKind = StmtKind::AnnAssign;
  expr* target;
  expr* annotation;
  expr* value;  // optional
  int simple;   // 1 for a bare (unparenthesised) Name target
};
struct For : stmt {
  static constexpr StmtKind kKind = StmtKind::For;
  expr* target;
  expr* iter;
  Seq<stmt*> body;
  Seq<stmt*> orelse;
  bool is_async;  // AsyncFor
};
struct While : stmt {
  static constexpr StmtKind kKind = StmtKind::While;
  expr* test;
  Seq<stmt*> body;
  Seq<stmt*> orelse;
};
struct If : stmt {
  static constexpr StmtKind kKind = StmtKind::If;
  expr* test;
  Seq<stmt*> body;
  Seq<stmt*> orelse;  // `elif` is a nested If as the only orelse statement
};
struct With : stmt {
  static constexpr StmtKind kKind = StmtKind::With;
  Seq<withitem*> items;
  Seq<stmt*> body;
  bool is_async;  // AsyncWith
};
struct Raise : stmt {
  static constexpr StmtKind kKind = StmtKind::Raise;
  expr* exc;    // optional
  expr* cause;  // optional
};
struct Try : stmt {
  static constexpr StmtKind kKind = StmtKind::Try;
  Seq<stmt*> body;
  Seq<ExceptHandler*> handlers;
  Seq<stmt*> orelse;
  Seq<stmt*> finalbody;
};
struct Assert : stmt {
  static constexpr StmtKind kKind = StmtKind::Assert;
  expr* test;
  expr* msg;  // optional
};
struct Import : stmt {
  static constexpr StmtKind kKind = StmtKind::Import;
  Seq<alias*> names;
};
struct ImportFrom : stmt {
  static constexpr StmtKind kKind = StmtKind::ImportFrom;
  Identifier module;  // optional: empty for `from . import x`
  Seq<alias*> names;  // `from m import *`: one alias named "*"
  int level;          // number of leading dots
};
struct Global : stmt {
  static constexpr StmtKind kKind = StmtKind::Global;
  Seq<Identifier> names;
};
struct Nonlocal : stmt {
  static constexpr StmtKind kKind = StmtKind::Nonlocal;
  Seq<Identifier> names;
};
struct Expr : stmt {
  static constexpr StmtKind kKind = StmtKind::Expr;
  expr* value;
};
struct Pass : stmt { static constexpr StmtKind kKind = StmtKind::Pass; };
struct Break : stmt { static constexpr StmtKind kKind = StmtKind::Break; };
struct Continue : stmt { static constexpr StmtKind kKind = StmtKind::Continue; };
struct Match : stmt {
  static constexpr StmtKind kKind = StmtKind::Match;
  expr* subject;
  Seq<match_case*> cases;
};

// ---------------------------------------------------------------------------
// expr

struct BoolOp : expr {
  static constexpr ExprKind kKind = ExprKind::BoolOp;
  BoolOperator op;
  Seq<expr*> values;  // `a or b or c` is one BoolOp with three values
};
struct NamedExpr : expr {
  static constexpr ExprKind kKind = ExprKind::NamedExpr;
  expr* target;  // a Name in Store context
  expr* value;
};
struct BinOp : expr {
  static constexpr ExprKind kKind = ExprKind::BinOp;
  expr* left;
  Operator op;
  expr* right;
};
struct UnaryOp : expr {
  static constexpr ExprKind kKind = ExprKind::UnaryOp;
  UnaryOperator op;
  expr* operand;
};
struct Lambda : expr {
  static constexpr ExprKind kKind = ExprKind::Lambda;
  arguments* args;
  expr* body;
};
struct IfExp : expr {
  static constexpr ExprKind kKind = ExprKind::IfExp;
  expr* test;
  expr* body;
  expr* orelse;
};
struct Dict : expr {
  static constexpr ExprKind kKind = ExprKind::Dict;
  Seq<expr*> keys;  // nullptr entry: `**values[i]`
  Seq<expr*> values;
};
struct Set : expr {
  static constexpr ExprKind kKind = ExprKind::Set;
  Seq<expr*> elts;
};
struct ListComp : expr {
  static constexpr ExprKind kKind = ExprKind::ListComp;
  expr* elt;
  Seq<comprehension*> generators;
};
struct SetComp : expr {
  static constexpr ExprKind kKind = ExprKind::SetComp;
  expr* elt;
  Seq<comprehension*> generators;
};
struct DictComp : expr {
  static constexpr ExprKind kKind = ExprKind::DictComp;
  expr* key;
  expr* value;
  Seq<comprehension*> generators;
};
struct GeneratorExp : expr {
  static constexpr ExprKind kKind = ExprKind::GeneratorExp;
  expr* elt;
  Seq<comprehension*> generators;
};
struct Yield : expr {
  static constexpr ExprKind kKind = ExprKind::Yield;
  expr* value;  // optional
};
struct YieldFrom : expr {
  static constexpr ExprKind kKind = ExprKind::YieldFrom;
  expr* value;
};
struct Await : expr {
  static constexpr ExprKind kKind = ExprKind::Await;
  expr* value;
};
struct Compare : expr {
  static constexpr ExprKind kKind = ExprKind::Compare;
  expr* left;
  Seq<CmpOp> ops;           // `a < b < c`: ops [Lt, Lt]
  Seq<expr*> comparators;   // same length as ops
};
struct Call : expr {
  static constexpr ExprKind kKind = ExprKind::Call;
  expr* func;
  Seq<expr*> args;          // may contain Starred (`*a`)
  Seq<keyword*> keywords;   // keyword.arg empty: `**k`
};
struct FormattedValue : expr {
  static constexpr ExprKind kKind = ExprKind::FormattedValue;
  expr* value;
  int conversion;     // -1 none, 's' (115), 'r' (114), 'a' (97)
  expr* format_spec;  // optional; a JoinedStr
};
struct JoinedStr : expr {
  static constexpr ExprKind kKind = ExprKind::JoinedStr;
  Seq<expr*> values;  // Constant(str) and FormattedValue nodes
};

// The value of a Constant, without Python objects.
struct ConstantValue {
  enum class Kind : uint8_t { None, True, False, Ellipsis, Int, Float, Complex, Str, Bytes };
  Kind kind = Kind::None;
  // Int: true when int_value holds the exact value (else build a big int
  // from text/base).
  bool int_fits = false;
  // Int: 10, 16, 8 or 2.
  uint8_t base = 10;
  int64_t int_value = 0;
  // Float: the value.  Complex: the imaginary part (the literal is `<x>j`).
  double float_value = 0;
  // Int: the digits without base prefix or underscores, case preserved:
  // 0xF_f -> text "Ff", base 16; 1_000 -> "1000", base 10; 0 -> "0".
  // Str: the decoded value as UTF-8 (lone surrogates from \ud800 escapes are
  // encoded WTF-8 style, 3 bytes).  Bytes: the raw bytes.
  std::string_view text;
};

struct Constant : expr {
  static constexpr ExprKind kKind = ExprKind::Constant;
  ConstantValue value;
  bool kind_u;  // the `kind` field: 'u' for a u-prefixed string, else None
};
struct Attribute : expr {
  static constexpr ExprKind kKind = ExprKind::Attribute;
  expr* value;
  Identifier attr;
  ExprContext ctx;
};
struct Subscript : expr {
  static constexpr ExprKind kKind = ExprKind::Subscript;
  expr* value;
  expr* slice;  // a Slice, a Tuple (possibly of Slices), or any expression
  ExprContext ctx;
};
struct Starred : expr {
  static constexpr ExprKind kKind = ExprKind::Starred;
  expr* value;
  ExprContext ctx;
};
struct Name : expr {
  static constexpr ExprKind kKind = ExprKind::Name;
  Identifier id;
  ExprContext ctx;
};
struct List : expr {
  static constexpr ExprKind kKind = ExprKind::List;
  Seq<expr*> elts;
  ExprContext ctx;
};
struct Tuple : expr {
  static constexpr ExprKind kKind = ExprKind::Tuple;
  Seq<expr*> elts;
  ExprContext ctx;
};
struct Slice : expr {
  static constexpr ExprKind kKind = ExprKind::Slice;
  expr* lower;  // optional
  expr* upper;  // optional
  expr* step;   // optional
};

// ---------------------------------------------------------------------------
// Helper nodes

struct comprehension : Node {
  expr* target;
  expr* iter;
  Seq<expr*> ifs;
  int is_async;  // always 0
};
struct ExceptHandler : Node {
  expr* type;       // optional
  Identifier name;  // optional
  Seq<stmt*> body;
};
struct arguments : Node {
  Seq<arg*> posonlyargs;
  Seq<arg*> args;
  arg* vararg;  // optional
  Seq<arg*> kwonlyargs;
  Seq<expr*> kw_defaults;  // one per kwonlyarg; nullptr = no default
  arg* kwarg;              // optional
  Seq<expr*> defaults;     // for the last len(defaults) of posonlyargs+args
};
struct arg : Node {
  Identifier arg;
  expr* annotation;  // optional
};
struct keyword : Node {
  Identifier arg;  // optional: empty for `**value`
  expr* value;
};
struct alias : Node {
  Identifier name;    // dotted for `import a.b`
  Identifier asname;  // optional
};
struct withitem : Node {
  expr* context_expr;
  expr* optional_vars;  // optional; Store context
};

// ---------------------------------------------------------------------------
// match statements (PEP 634)

struct match_case : Node {  // no position attributes, as in CPython
  ast::pattern* pattern;
  expr* guard;  // optional
  Seq<stmt*> body;
};
struct MatchValue : pattern {
  static constexpr PatternKind kKind = PatternKind::MatchValue;
  expr* value;  // a literal, a signed number, a complex literal or a dotted name
};
struct MatchSingleton : pattern {
  static constexpr PatternKind kKind = PatternKind::MatchSingleton;
  ConstantValue value;  // None, True or False
};
struct MatchSequence : pattern {
  static constexpr PatternKind kKind = PatternKind::MatchSequence;
  Seq<pattern*> patterns;  // at most one MatchStar
};
struct MatchMapping : pattern {
  static constexpr PatternKind kKind = PatternKind::MatchMapping;
  Seq<expr*> keys;
  Seq<pattern*> patterns;
  Identifier rest;  // optional: `**rest`
};
struct MatchClass : pattern {
  static constexpr PatternKind kKind = PatternKind::MatchClass;
  expr* cls;
  Seq<pattern*> patterns;
  Seq<Identifier> kwd_attrs;
  Seq<pattern*> kwd_patterns;
};
struct MatchStar : pattern {
  static constexpr PatternKind kKind = PatternKind::MatchStar;
  Identifier name;  // optional: empty for `*_`
};
struct MatchAs : pattern {
  static constexpr PatternKind kKind = PatternKind::MatchAs;
  ast::pattern* pattern;  // optional: a capture pattern (or `_` without name)
  Identifier name;   // optional: empty for `_`
};
struct MatchOr : pattern {
  static constexpr PatternKind kKind = PatternKind::MatchOr;
  Seq<pattern*> patterns;
};

}  // namespace conch::vm::ast
