// AST to bytecode.  See compiler.h for the design.
#include "vm/compile/compiler.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "vm/compile/code.h"
#include "vm/compile/opcodes.h"
#include "vm/compile/symtable.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/parse/parser.h"
#include "vm/types.h"
#include "vm/types/complex.h"

namespace conch::vm {

namespace {

using ast::ExprContext;

// Frame blocks: what `return`/`break`/`continue` must undo on the way out
// (CPython's fblockinfo).
enum class FBlockKind {
  kWhileLoop,
  kForLoop,
  kTryExcept,         // inside `try:` with handlers (a SETUP_FINALLY block)
  kFinallyTry,        // inside `try:` with `finally:` (block + finalbody)
  kFinallyEnd,        // inside the exceptional `finally:` copy: [prev, exc]
  kWith,              // inside `with`: [exit] + block
  kHandlerCleanup,    // inside an except clause body: [prev] (+ cleanup block if named)
  kPopValue,          // a value to drop (return through a finally body)
  kExceptionHandler,  // matching except clauses: [prev, exc]
};

struct FBlock {
  FBlockKind kind;
  int start = -1;  // loop: `continue` target
  int exit = -1;   // loop: `break` target
  const ast::Seq<ast::stmt*>* finalbody = nullptr;
  std::string_view name;  // kHandlerCleanup: the `as` name, may be empty
};

// One code object under construction.
struct CodeUnit {
  Scope* scope = nullptr;
  std::vector<Instr> instrs;
  std::vector<int> lines;
  std::vector<int> labels;
  std::vector<Object*> consts;  // owned
  std::unordered_map<std::string, int> const_index;
  std::vector<std::string> names;
  std::unordered_map<std::string, int> name_index;
  std::vector<std::string_view> varnames;
  std::unordered_map<std::string_view, int> varname_index;
  std::vector<std::string_view> cellvars;
  std::vector<std::string_view> freevars;
  std::vector<FBlock> fblocks;
  std::string name;
  std::string qualname;
  std::string private_name;  // enclosing class name, for mangling `__x`
  int firstlineno = 1;
  int cur_line = 1;
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  uint32_t flags = 0;

  ~CodeUnit() {
    for (Object* o : consts) decref(o);
  }

  int cell_index(std::string_view n) const {
    for (size_t i = 0; i < cellvars.size(); i++) {
      if (cellvars[i] == n) return static_cast<int>(i);
    }
    for (size_t i = 0; i < freevars.size(); i++) {
      if (freevars[i] == n) return static_cast<int>(cellvars.size() + i);
    }
    return -1;
  }
};

BinaryOp to_binary_op(ast::Operator op) {
  switch (op) {
    case ast::Operator::Add: return BinaryOp::kAdd;
    case ast::Operator::Sub: return BinaryOp::kSubtract;
    case ast::Operator::Mult: return BinaryOp::kMultiply;
    case ast::Operator::MatMult: return BinaryOp::kMatrixMultiply;
    case ast::Operator::Div: return BinaryOp::kTrueDivide;
    case ast::Operator::Mod: return BinaryOp::kRemainder;
    case ast::Operator::Pow: return BinaryOp::kPower;
    case ast::Operator::LShift: return BinaryOp::kLshift;
    case ast::Operator::RShift: return BinaryOp::kRshift;
    case ast::Operator::BitOr: return BinaryOp::kOr;
    case ast::Operator::BitXor: return BinaryOp::kXor;
    case ast::Operator::BitAnd: return BinaryOp::kAnd;
    case ast::Operator::FloorDiv: return BinaryOp::kFloorDivide;
  }
  return BinaryOp::kAdd;
}

bool is_identifier_like(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  }
  return true;
}

bool is_docstring(const ast::Seq<ast::stmt*>& body) {
  if (body.empty()) return false;
  auto* e = ast::dyn_cast<ast::Expr>(body[0]);
  if (e == nullptr) return false;
  auto* c = ast::dyn_cast<ast::Constant>(e->value);
  return c != nullptr && c->value.kind == ast::ConstantValue::Kind::Str;
}

std::string_view line_text(std::string_view source, int lineno) {
  if (lineno < 1) return {};
  size_t pos = 0;
  for (int i = 1; i < lineno; i++) {
    size_t nl = source.find('\n', pos);
    if (nl == std::string_view::npos) return {};
    pos = nl + 1;
  }
  size_t end = source.find('\n', pos);
  return source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1);
}

class Compiler {
 public:
  Compiler(std::string_view filename, std::string_view source, CompileMode mode)
      : filename_(filename), source_(source), mode_(mode) {}

  Object* compile(const ast::mod* root) {
    if (!symtable_.build(root)) {
      const SymtableError& e = symtable_.error();
      raise_syntax_error(&kSyntaxErrorType, e.message, filename_, source_, e.lineno,
                         e.col_offset + 1, e.end_lineno, e.end_col_offset + 1);
      return nullptr;
    }
    filename_obj_ = steal(str_from(filename_));
    if (!filename_obj_) return nullptr;
    enter_unit(symtable_.top(), "<module>", "<module>", 1);
    switch (root->kind) {
      case ast::ModKind::Module: {
        auto* m = ast::cast<ast::Module>(root);
        if (!m->body.empty()) u()->firstlineno = 1;
        future_annotations_ = has_future_annotations(m->body);
        compile_body(m->body, true);
        emit_return_none();
        break;
      }
      case ast::ModKind::Interactive:
        compile_body(ast::cast<ast::Interactive>(root)->body, false);
        emit_return_none();
        break;
      case ast::ModKind::Expression: {
        auto* e = ast::cast<ast::Expression>(root);
        u()->cur_line = e->body->lineno;
        visit_expr(e->body);
        emit(RETURN_VALUE);
        break;
      }
    }
    Object* code = assemble();
    units_.pop_back();
    return code;
  }

 private:
  CodeUnit* u() { return units_.back().get(); }

  // ---- errors ----

  template <class N>
  void error(const N* node, std::string_view msg) {
    if (failed_) return;
    failed_ = true;
    raise_syntax_error(&kSyntaxErrorType, msg, filename_, source_, node->lineno,
                       node->col_offset + 1, node->end_lineno, node->end_col_offset + 1);
  }
  void fail_pending() { failed_ = true; }

  // ---- units ----

  void enter_unit(Scope* scope, std::string name, std::string qualname, int firstlineno) {
    auto unit = std::make_unique<CodeUnit>();
    unit->scope = scope;
    unit->name = std::move(name);
    unit->qualname = std::move(qualname);
    unit->firstlineno = firstlineno;
    unit->cur_line = firstlineno;
    if (!units_.empty()) unit->private_name = u()->private_name;
    if (scope->is_function_like()) {
      for (std::string_view p : scope->params) add_varname(unit.get(), p);
      for (std::string_view n : scope->names) {
        if (scope->lookup(n) == NameScope::kLocal) add_varname(unit.get(), n);
      }
    }
    for (std::string_view n : scope->names) {
      NameScope k = scope->lookup(n);
      if (k == NameScope::kCell) unit->cellvars.push_back(n);
      bool free_class = scope->kind == ScopeKind::kClass &&
                        (scope->flags.count(n) && (scope->flags.at(n) & kDefFreeClass));
      if (k == NameScope::kFree || free_class) unit->freevars.push_back(n);
    }
    if (scope->needs_class_closure &&
        std::find(unit->cellvars.begin(), unit->cellvars.end(), "__class__") ==
            unit->cellvars.end()) {
      unit->cellvars.push_back("__class__");
    }
    std::sort(unit->cellvars.begin(), unit->cellvars.end());
    std::sort(unit->freevars.begin(), unit->freevars.end());
    units_.push_back(std::move(unit));
    // Prologue, as CPython 3.11: cells and free variables, then RESUME.
    if (!u()->freevars.empty()) emit(COPY_FREE_VARS, static_cast<int>(u()->freevars.size()));
    for (size_t i = 0; i < u()->cellvars.size(); i++) emit(MAKE_CELL, static_cast<int>(i));
    emit(RESUME, 0);
  }

  static void add_varname(CodeUnit* unit, std::string_view n) {
    if (unit->varname_index.count(n)) return;
    unit->varname_index[n] = static_cast<int>(unit->varnames.size());
    unit->varnames.push_back(n);
  }

  std::string child_qualname(std::string_view name) {
    CodeUnit* parent = u();
    if (parent->scope->kind == ScopeKind::kModule) return std::string(name);
    // A name declared global in the parent gets a plain qualname.
    if (parent->scope->lookup(name) == NameScope::kGlobalExplicit) return std::string(name);
    if (parent->scope->is_function_like()) return parent->qualname + ".<locals>." + std::string(name);
    return parent->qualname + "." + std::string(name);
  }

  // ---- emission ----

  int emit(int op, int arg = 0) {
    if (arg > kMaxOparg || arg < 0) {
      if (!failed_) {
        failed_ = true;
        set_error(&kOverflowErrorType, "bytecode argument too large");
      }
      arg = 0;
    }
    u()->instrs.push_back(make_instr(op, arg));
    u()->lines.push_back(u()->cur_line);
    return static_cast<int>(u()->instrs.size()) - 1;
  }
  int new_label() {
    u()->labels.push_back(-1);
    return static_cast<int>(u()->labels.size()) - 1;
  }
  void bind(int label) { u()->labels[label] = static_cast<int>(u()->instrs.size()); }
  void emit_jump(int op, int label) { emit(op, label); }

  void emit_return_none() {
    emit_const_none();
    emit(RETURN_VALUE);
  }

  // ---- constants and names ----

  int add_const(std::string key, Object* obj /*stolen*/) {
    if (obj == nullptr) {
      fail_pending();
      return 0;
    }
    auto it = u()->const_index.find(key);
    if (it != u()->const_index.end()) {
      decref(obj);
      return it->second;
    }
    int idx = static_cast<int>(u()->consts.size());
    u()->consts.push_back(obj);
    u()->const_index.emplace(std::move(key), idx);
    return idx;
  }
  int const_none() { return add_const("N", new_none()); }
  void emit_const_none() { emit(LOAD_CONST, const_none()); }
  int const_str(std::string_view s) {
    Object* o = is_identifier_like(s) ? new_ref(str_intern(s)) : str_from(s);
    return add_const("s" + std::string(s), o);
  }
  int const_int(int64_t v) { return add_const("i" + std::to_string(v), int_from_i64(v)); }
  int const_object_unique(Object* o /*stolen*/) {
    char key[32];
    std::snprintf(key, sizeof key, "o%p", static_cast<void*>(o));
    return add_const(key, o);
  }

  // The key and object for an AST constant; false (error set) when the
  // literal cannot be represented.
  bool constant_object(const ast::Constant* c, std::string* key, Object** out) {
    using K = ast::ConstantValue::Kind;
    const ast::ConstantValue& v = c->value;
    switch (v.kind) {
      case K::None: *key = "N"; *out = new_none(); return true;
      case K::True: *key = "T"; *out = new_ref(kTrue); return true;
      case K::False: *key = "F"; *out = new_ref(kFalse); return true;
      case K::Ellipsis: *key = "E"; *out = new_ref(kEllipsis); return true;
      case K::Int:
        if (v.int_fits) {
          *key = "i" + std::to_string(v.int_value);
          *out = int_from_i64(v.int_value);
        } else {
          *out = int_from_string(v.text, v.base);
          if (*out == nullptr) {
            fail_pending();
            return false;
          }
          *key = "i" + int_to_decimal(*out);
        }
        return *out != nullptr;
      case K::Float: {
        char buf[40];
        uint64_t bits;
        std::memcpy(&bits, &v.float_value, sizeof bits);
        std::snprintf(buf, sizeof buf, "f%llx", static_cast<unsigned long long>(bits));
        *key = buf;
        *out = float_from(v.float_value);
        return *out != nullptr;
      }
      case K::Complex: {
        char buf[40];
        uint64_t bits;
        std::memcpy(&bits, &v.float_value, sizeof bits);
        std::snprintf(buf, sizeof buf, "c%llx", static_cast<unsigned long long>(bits));
        *key = buf;
        *out = complex_from(0.0, v.float_value);
        return *out != nullptr;
      }
      case K::Str:
        *key = "s" + std::string(v.text);
        *out = is_identifier_like(v.text) ? new_ref(str_intern(v.text)) : str_from(v.text);
        return *out != nullptr;
      case K::Bytes:
        *key = "b" + std::string(v.text);
        *out = bytes_from(v.text);
        return *out != nullptr;
    }
    return false;
  }

  int name_index(std::string_view n) {
    std::string key(n);
    auto it = u()->name_index.find(key);
    if (it != u()->name_index.end()) return it->second;
    int idx = static_cast<int>(u()->names.size());
    u()->names.push_back(key);
    u()->name_index.emplace(std::move(key), idx);
    return idx;
  }

  // ---- names ----

  enum class NameOp { kFast, kGlobal, kDeref, kName };

  // The name as the symbol table knows it (`__x` mangled inside a class).
  std::string mangled(std::string_view n) { return mangle(u()->private_name, n); }
  int attr_index(std::string_view attr) { return name_index(mangled(attr)); }

  NameOp resolve(std::string_view raw, int* index) {
    std::string m = mangled(raw);
    std::string_view n = m;
    Scope* s = u()->scope;
    NameScope k = s->lookup(n);
    bool free_class = s->kind == ScopeKind::kClass && s->flags.count(n) &&
                      (s->flags.at(n) & kDefFreeClass) && k == NameScope::kLocal;
    if (!free_class && (k == NameScope::kFree || k == NameScope::kCell)) {
      *index = u()->cell_index(n);
      if (*index >= 0) return NameOp::kDeref;
    }
    if (k == NameScope::kLocal && s->is_function_like()) {
      auto it = u()->varname_index.find(n);
      if (it != u()->varname_index.end()) {
        *index = it->second;
        return NameOp::kFast;
      }
    }
    if (k == NameScope::kGlobalExplicit || (k == NameScope::kGlobalImplicit && s->is_function_like())) {
      *index = name_index(n);
      return NameOp::kGlobal;
    }
    *index = name_index(n);
    return NameOp::kName;
  }

  void name_op(std::string_view n, ExprContext ctx) {
    int idx;
    NameOp op = resolve(n, &idx);
    int load, store, del;
    switch (op) {
      case NameOp::kFast: load = LOAD_FAST; store = STORE_FAST; del = DELETE_FAST; break;
      case NameOp::kGlobal:
        if (ctx == ExprContext::Load) {
          emit(LOAD_GLOBAL, idx << 1);
          return;
        }
        load = LOAD_GLOBAL; store = STORE_GLOBAL; del = DELETE_GLOBAL;
        break;
      case NameOp::kDeref:
        load = u()->scope->kind == ScopeKind::kClass ? LOAD_CLASSDEREF : LOAD_DEREF;
        store = STORE_DEREF;
        del = DELETE_DEREF;
        break;
      default: load = LOAD_NAME; store = STORE_NAME; del = DELETE_NAME; break;
    }
    emit(ctx == ExprContext::Load ? load : ctx == ExprContext::Store ? store : del, idx);
  }

  // ---- statements ----

  void compile_body(const ast::Seq<ast::stmt*>& body, bool module_level) {
    size_t start = 0;
    if (module_level || u()->scope->kind == ScopeKind::kClass) {
      if (has_annotations(body)) emit(SETUP_ANNOTATIONS);
      if (is_docstring(body)) {
        auto* c = ast::cast<ast::Constant>(ast::cast<ast::Expr>(body[0])->value);
        u()->cur_line = body[0]->lineno;
        emit(LOAD_CONST, const_str(c->value.text));
        name_op("__doc__", ExprContext::Store);
        start = 1;
      }
    }
    for (size_t i = start; i < body.size(); i++) visit_stmt(body[i]);
  }

  // `from __future__ import annotations` among the module's leading
  // statements (after the docstring and other __future__ imports): PEP 563.
  static bool has_future_annotations(const ast::Seq<ast::stmt*>& body) {
    size_t i = is_docstring(body) ? 1 : 0;
    for (; i < body.size() && body[i]->kind == ast::StmtKind::ImportFrom; i++) {
      auto* f = ast::cast<ast::ImportFrom>(body[i]);
      if (f->module != "__future__" || f->level != 0) break;
      for (ast::alias* a : f->names) {
        if (a->name == "annotations") return true;
      }
    }
    return false;
  }

  // An annotation: evaluated, or under PEP 563 its source text as a str
  // (runs of whitespace with a newline fold to one space; CPython unparses
  // the AST, which differs from the source only in spacing).
  void visit_annotation(ast::expr* e) {
    if (!future_annotations_) {
      visit_expr(e);
      return;
    }
    std::string text;
    for (int line = e->lineno; line <= e->end_lineno; line++) {
      std::string_view lt = line_text(source_, line);
      size_t from = line == e->lineno ? static_cast<size_t>(e->col_offset) : 0;
      size_t to = line == e->end_lineno ? static_cast<size_t>(e->end_col_offset) : lt.size();
      if (from > lt.size()) from = lt.size();
      if (to > lt.size()) to = lt.size();
      if (to < from) to = from;
      std::string_view piece = lt.substr(from, to - from);
      if (line != e->lineno) {
        while (!piece.empty() && (piece.front() == ' ' || piece.front() == '\t')) {
          piece.remove_prefix(1);
        }
      }
      while (!piece.empty() && (piece.back() == '\n' || piece.back() == '\r' ||
                                piece.back() == '\\' || (line != e->end_lineno && piece.back() == ' '))) {
        piece.remove_suffix(1);
      }
      if (!text.empty() && line != e->lineno && text.back() != '(' && text.back() != '[' &&
          !piece.empty() && piece.front() != ')' && piece.front() != ']') {
        text += ' ';
      }
      text += piece;
    }
    emit(LOAD_CONST, const_str(text));
  }

  static bool has_annotations(const ast::Seq<ast::stmt*>& body) {
    for (ast::stmt* s : body) {
      if (s->kind == ast::StmtKind::AnnAssign) return true;
    }
    return false;
  }

  void visit_body(const ast::Seq<ast::stmt*>& body) {
    for (ast::stmt* s : body) visit_stmt(s);
  }

  void visit_stmt(ast::stmt* s) {
    if (failed_) return;
    u()->cur_line = s->lineno;
    using K = ast::StmtKind;
    switch (s->kind) {
      case K::FunctionDef: compile_function_def(ast::cast<ast::FunctionDef>(s)); break;
      case K::ClassDef: compile_class(ast::cast<ast::ClassDef>(s)); break;
      case K::Return: compile_return(ast::cast<ast::Return>(s)); break;
      case K::Delete:
        for (ast::expr* t : ast::cast<ast::Delete>(s)->targets) compile_delete(t);
        break;
      case K::Assign: {
        auto* a = ast::cast<ast::Assign>(s);
        if (compile_swap_assign(a)) break;
        visit_expr(a->value);
        for (size_t i = 0; i < a->targets.size(); i++) {
          if (i + 1 < a->targets.size()) emit(COPY, 1);
          compile_store(a->targets[i]);
        }
        break;
      }
      case K::AugAssign: compile_augassign(ast::cast<ast::AugAssign>(s)); break;
      case K::AnnAssign: compile_annassign(ast::cast<ast::AnnAssign>(s)); break;
      case K::For: compile_for(ast::cast<ast::For>(s)); break;
      case K::While: compile_while(ast::cast<ast::While>(s)); break;
      case K::If: compile_if(ast::cast<ast::If>(s)); break;
      case K::With: compile_with(ast::cast<ast::With>(s), 0); break;
      case K::Match: compile_match(ast::cast<ast::Match>(s)); break;
      case K::Raise: {
        auto* r = ast::cast<ast::Raise>(s);
        int n = 0;
        if (r->exc != nullptr) {
          visit_expr(r->exc);
          n++;
          if (r->cause != nullptr) {
            visit_expr(r->cause);
            n++;
          }
        }
        emit(RAISE_VARARGS, n);
        break;
      }
      case K::Try: compile_try(ast::cast<ast::Try>(s)); break;
      case K::Assert: compile_assert(ast::cast<ast::Assert>(s)); break;
      case K::Import: compile_import(ast::cast<ast::Import>(s)); break;
      case K::ImportFrom: compile_import_from(ast::cast<ast::ImportFrom>(s)); break;
      case K::Global:
      case K::Nonlocal:
      case K::Pass:
        break;
      case K::Expr: {
        ast::expr* v = ast::cast<ast::Expr>(s)->value;
        if (mode_ == CompileMode::kSingle && units_.size() == 1) {
          visit_expr(v);
          emit(PRINT_EXPR);
        } else if (v->kind == ast::ExprKind::Constant) {
          // A bare constant (a docstring elsewhere, `...`) does nothing.
          emit(NOP);
        } else {
          visit_expr(v);
          emit(POP_TOP);
        }
        break;
      }
      case K::Break: compile_break(s); break;
      case K::Continue: compile_continue(s); break;
    }
  }

  // -- functions and classes --

  int compile_defaults(const ast::arguments* args) {
    int flags = 0;
    if (!args->defaults.empty()) {
      for (ast::expr* d : args->defaults) visit_expr(d);
      emit(BUILD_TUPLE, static_cast<int>(args->defaults.size()));
      flags |= kMakeFunctionDefaults;
    }
    int nkw = 0;
    for (size_t i = 0; i < args->kwonlyargs.size(); i++) {
      ast::expr* d = i < args->kw_defaults.size() ? args->kw_defaults[i] : nullptr;
      if (d == nullptr) continue;
      emit(LOAD_CONST, const_str(mangled(args->kwonlyargs[i]->arg)));
      visit_expr(d);
      nkw++;
    }
    if (nkw > 0) {
      emit(BUILD_MAP, nkw);
      flags |= kMakeFunctionKwDefaults;
    }
    return flags;
  }

  int compile_annotations(const ast::arguments* args, const ast::expr* returns) {
    int n = 0;
    auto one = [&](const ast::arg* a) {
      if (a != nullptr && a->annotation != nullptr) {
        emit(LOAD_CONST, const_str(a->arg));
        visit_annotation(a->annotation);
        n++;
      }
    };
    for (ast::arg* a : args->posonlyargs) one(a);
    for (ast::arg* a : args->args) one(a);
    one(args->vararg);
    for (ast::arg* a : args->kwonlyargs) one(a);
    one(args->kwarg);
    if (returns != nullptr) {
      emit(LOAD_CONST, const_str("return"));
      visit_annotation(const_cast<ast::expr*>(returns));
      n++;
    }
    if (n == 0) return 0;
    emit(BUILD_MAP, n);
    return kMakeFunctionAnnotations;
  }

  void set_arg_counts(const ast::arguments* args) {
    u()->posonlyargcount = static_cast<int>(args->posonlyargs.size());
    u()->argcount = static_cast<int>(args->posonlyargs.size() + args->args.size());
    u()->kwonlyargcount = static_cast<int>(args->kwonlyargs.size());
    uint32_t flags = kCoOptimized | kCoNewLocals;
    if (args->vararg != nullptr) flags |= kCoVarargs;
    if (args->kwarg != nullptr) flags |= kCoVarkeywords;
    if (u()->scope->is_generator) flags |= kCoGenerator;
    if (u()->scope->is_coroutine) flags |= kCoCoroutine;
    if (u()->scope->is_nested) flags |= kCoNested;
    u()->flags = flags;
  }

  // Emits the closure tuple and MAKE_FUNCTION for `code` (stolen) made in
  // a child unit whose free variables are `freevars`.
  void make_closure(Object* code, const std::vector<std::string_view>& freevars, int flags) {
    if (!freevars.empty()) {
      for (std::string_view n : freevars) {
        int idx = u()->cell_index(n);
        if (idx < 0) {
          if (!failed_) {
            failed_ = true;
            set_error_fmt(&kRuntimeErrorType, "compiler: free variable '%s' not found",
                          std::string(n));
          }
          idx = 0;
        }
        emit(LOAD_CLOSURE, idx);
      }
      emit(BUILD_TUPLE, static_cast<int>(freevars.size()));
      flags |= kMakeFunctionClosure;
    }
    emit(LOAD_CONST, const_object_unique(code));
    emit(MAKE_FUNCTION, flags);
  }

  // Compiles the child unit of a def/lambda/comprehension and returns its
  // code (or null), leaving the unit's free variables in *freevars.
  Object* finish_unit(std::vector<std::string_view>* freevars) {
    *freevars = u()->freevars;
    Object* code = failed_ ? nullptr : assemble();
    units_.pop_back();
    if (code == nullptr) fail_pending();
    return code;
  }

  void compile_function_def(ast::FunctionDef* d) {
    for (ast::expr* deco : d->decorator_list) visit_expr(deco);
    int firstlineno = d->decorator_list.empty() ? d->lineno : d->decorator_list[0]->lineno;
    u()->cur_line = d->lineno;
    int flags = compile_defaults(d->args);
    flags |= compile_annotations(d->args, d->returns);
    Scope* scope = symtable_.scope_for(d);
    std::string qualname = child_qualname(d->name);
    enter_unit(scope, std::string(d->name), qualname, firstlineno);
    set_arg_counts(d->args);
    // co_consts[0] is the docstring or None (function.__doc__ reads it).
    if (is_docstring(d->body)) {
      const_str(ast::cast<ast::Constant>(ast::cast<ast::Expr>(d->body[0])->value)->value.text);
    } else {
      const_none();
    }
    size_t start = is_docstring(d->body) ? 1 : 0;
    for (size_t i = start; i < d->body.size(); i++) visit_stmt(d->body[i]);
    emit_return_none();
    std::vector<std::string_view> freevars;
    Object* code = finish_unit(&freevars);
    if (code == nullptr) return;
    u()->cur_line = d->lineno;
    make_closure(code, freevars, flags);
    for (size_t i = 0; i < d->decorator_list.size(); i++) emit(CALL, 0);
    name_op(d->name, ExprContext::Store);
  }

  void compile_lambda(ast::Lambda* l) {
    int flags = compile_defaults(l->args);
    Scope* scope = symtable_.scope_for(l);
    enter_unit(scope, "<lambda>", child_qualname("<lambda>"), l->lineno);
    set_arg_counts(l->args);
    const_none();  // lambdas have no docstring
    u()->cur_line = l->body->lineno;
    visit_expr(l->body);
    emit(RETURN_VALUE);
    std::vector<std::string_view> freevars;
    Object* code = finish_unit(&freevars);
    if (code == nullptr) return;
    make_closure(code, freevars, flags);
  }

  void compile_class(ast::ClassDef* d) {
    for (ast::expr* deco : d->decorator_list) visit_expr(deco);
    int firstlineno = d->decorator_list.empty() ? d->lineno : d->decorator_list[0]->lineno;
    u()->cur_line = d->lineno;
    Scope* scope = symtable_.scope_for(d);
    std::string qualname = child_qualname(d->name);
    enter_unit(scope, std::string(d->name), qualname, firstlineno);
    u()->private_name = std::string(d->name);
    u()->cur_line = d->lineno;
    name_op("__name__", ExprContext::Load);
    name_op("__module__", ExprContext::Store);
    emit(LOAD_CONST, const_str(qualname));
    name_op("__qualname__", ExprContext::Store);
    compile_body(d->body, false);
    if (scope->needs_class_closure) {
      emit(LOAD_CLOSURE, u()->cell_index("__class__"));
      emit(COPY, 1);
      name_op("__classcell__", ExprContext::Store);
      emit(RETURN_VALUE);
    } else {
      emit_return_none();
    }
    std::vector<std::string_view> freevars;
    Object* code = finish_unit(&freevars);
    if (code == nullptr) return;
    u()->cur_line = d->lineno;
    emit(PUSH_NULL);
    emit(LOAD_BUILD_CLASS);
    make_closure(code, freevars, 0);
    emit(LOAD_CONST, const_str(d->name));
    compile_call_args(d->bases, d->keywords, 2, d);
    for (size_t i = 0; i < d->decorator_list.size(); i++) emit(CALL, 0);
    name_op(d->name, ExprContext::Store);
  }

  // -- control flow --

  void compile_return(ast::Return* r) {
    if (u()->scope->kind == ScopeKind::kModule || u()->scope->kind == ScopeKind::kClass) {
      error(r, "'return' outside function");
      return;
    }
    bool preserve = r->value != nullptr;
    if (preserve) visit_expr(r->value);
    unwind_fblock_stack(preserve, nullptr);
    u()->cur_line = r->lineno;
    if (!preserve) emit_const_none();
    emit(RETURN_VALUE);
  }

  void compile_break(ast::stmt* s) {
    FBlock* loop = nullptr;
    unwind_fblock_stack(false, &loop);
    if (loop == nullptr) {
      error(s, "'break' outside loop");
      return;
    }
    FBlock copy = *loop;
    unwind_fblock(copy, false);
    emit_jump(JUMP_FORWARD, copy.exit);
  }

  void compile_continue(ast::stmt* s) {
    FBlock* loop = nullptr;
    unwind_fblock_stack(false, &loop);
    if (loop == nullptr) {
      error(s, "'continue' not properly in loop");
      return;
    }
    emit_jump(JUMP_BACKWARD, loop->start);
  }

  // Undoes one frame block on the way out (CPython's compiler_unwind_fblock).
  void unwind_fblock(const FBlock& fb, bool preserve_tos) {
    switch (fb.kind) {
      case FBlockKind::kWhileLoop:
      case FBlockKind::kExceptionHandler:
        break;
      case FBlockKind::kForLoop:
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_TOP);
        break;
      case FBlockKind::kTryExcept:
        emit(POP_BLOCK);
        break;
      case FBlockKind::kFinallyTry:
        emit(POP_BLOCK);
        if (preserve_tos) push_fblock({FBlockKind::kPopValue});
        visit_body(*fb.finalbody);
        if (preserve_tos) u()->fblocks.pop_back();
        break;
      case FBlockKind::kFinallyEnd:
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_TOP);  // the exception
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_EXCEPT);
        break;
      case FBlockKind::kWith:
        emit(POP_BLOCK);
        if (preserve_tos) emit(SWAP, 2);
        emit_const_none();
        emit_const_none();
        emit_const_none();
        emit(CALL, 2);
        emit(POP_TOP);
        break;
      case FBlockKind::kHandlerCleanup:
        if (!fb.name.empty()) emit(POP_BLOCK);
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_EXCEPT);
        if (!fb.name.empty()) {
          emit_const_none();
          name_op(fb.name, ExprContext::Store);
          name_op(fb.name, ExprContext::Del);
        }
        break;
      case FBlockKind::kPopValue:
        if (preserve_tos) emit(SWAP, 2);
        emit(POP_TOP);
        break;
    }
  }

  // Unwinds every block down to (not including) the innermost loop when
  // `loop` is non-null (reported through *loop), or all of them.
  void unwind_fblock_stack(bool preserve_tos, FBlock** loop) {
    std::vector<FBlock>& stack = u()->fblocks;
    if (stack.empty()) return;
    FBlock& top = stack.back();
    if (loop != nullptr &&
        (top.kind == FBlockKind::kWhileLoop || top.kind == FBlockKind::kForLoop)) {
      *loop = &top;
      return;
    }
    FBlock copy = top;
    stack.pop_back();
    unwind_fblock(copy, preserve_tos);
    unwind_fblock_stack(preserve_tos, loop);
    u()->fblocks.push_back(copy);
    if (loop != nullptr && *loop != nullptr) {
      // The vector may have reallocated; find the loop again.
      for (auto it = u()->fblocks.rbegin(); it != u()->fblocks.rend(); ++it) {
        if (it->kind == FBlockKind::kWhileLoop || it->kind == FBlockKind::kForLoop) {
          *loop = &*it;
          break;
        }
      }
    }
  }

  void push_fblock(FBlock fb) { u()->fblocks.push_back(fb); }

  void compile_if(ast::If* s) {
    int end = new_label();
    int next = s->orelse.empty() ? end : new_label();
    jump_if(s->test, next, false);
    visit_body(s->body);
    if (!s->orelse.empty()) {
      emit_jump(JUMP_FORWARD, end);
      bind(next);
      visit_body(s->orelse);
    }
    bind(end);
  }

  // ---- match statements (descriptor format: vm/eval/match.h) ----

  // What one case's pattern needs: capture names in index order, the
  // expressions to evaluate before MATCH_PATTERN, and for or-patterns the
  // names the first alternative bound (later ones must bind the same).
  struct PatternCtx {
    std::vector<std::string_view> captures;
    std::vector<ast::expr*> values;
    struct OrAlt {
      std::vector<std::string_view> allowed;  // the first alternative's names
      std::vector<std::string_view> bound;
    };
    std::vector<OrAlt*> alts;  // innermost last; null entry: a first alternative
  };

  Object* small(int64_t v) { return int_from_i64(v); }

  // Capture index for `name`, or -1 after a SyntaxError.
  int pattern_capture(PatternCtx* pc, std::string_view name, const ast::pattern* node) {
    if (!pc->alts.empty() && pc->alts.back() != nullptr) {
      PatternCtx::OrAlt* alt = pc->alts.back();
      for (std::string_view b : alt->bound) {
        if (b == name) {
          error(node, "multiple assignments to name '" + std::string(name) + "' in pattern");
          return -1;
        }
      }
      for (size_t i = 0; i < pc->captures.size(); i++) {
        if (pc->captures[i] != name) continue;
        for (std::string_view a : alt->allowed) {
          if (a == name) {
            alt->bound.push_back(name);
            return static_cast<int>(i);
          }
        }
      }
      error(node, "alternative patterns bind different names");
      return -1;
    }
    for (std::string_view c : pc->captures) {
      if (c == name) {
        error(node, "multiple assignments to name '" + std::string(name) + "' in pattern");
        return -1;
      }
    }
    pc->captures.push_back(name);
    return static_cast<int>(pc->captures.size()) - 1;
  }

  int pattern_value(PatternCtx* pc, ast::expr* e) {
    pc->values.push_back(e);
    return static_cast<int>(pc->values.size()) - 1;
  }

  Object* pattern_tuple(std::initializer_list<Object*> items /*stolen*/) {
    Object* t = tuple_new(static_cast<ssize_t>(items.size()));
    ssize_t i = 0;
    bool bad = t == nullptr;
    for (Object* o : items) {
      if (o == nullptr) bad = true;
      if (t != nullptr && o != nullptr) tuple_init_item(t, i, o);
      else xdecref(o);
      i++;
    }
    if (bad) {
      if (t != nullptr) {
        for (ssize_t k = 0; k < tuple_size(t); k++) {
          if (tuple_get(t, k) == nullptr) tuple_init_item(t, k, new_none());
        }
      }
      xdecref(t);
      fail_pending();
      return nullptr;
    }
    return t;
  }

  Object* pattern_list(const ast::Seq<ast::pattern*>& ps, PatternCtx* pc) {
    Object* t = tuple_new(static_cast<ssize_t>(ps.size()));
    if (t == nullptr) {
      fail_pending();
      return nullptr;
    }
    for (size_t i = 0; i < ps.size(); i++) tuple_init_item(t, static_cast<ssize_t>(i), new_none());
    for (size_t i = 0; i < ps.size(); i++) {
      Object* d = pattern_desc(ps[i], pc);
      if (d == nullptr) {
        decref(t);
        return nullptr;
      }
      Object** items = tuple_items(t);
      decref(items[i]);
      items[i] = d;
    }
    return t;
  }

  // The descriptor of one pattern node (new reference), or nullptr after an
  // error.  Collects captures and values into `pc` in evaluation order.
  Object* pattern_desc(ast::pattern* p, PatternCtx* pc) {
    using P = ast::PatternKind;
    if (failed_) return nullptr;
    switch (p->kind) {
      case P::MatchValue: {
        auto* v = ast::cast<ast::MatchValue>(p);
        return pattern_tuple({small(kPatValue), small(pattern_value(pc, v->value))});
      }
      case P::MatchSingleton: {
        auto* v = ast::cast<ast::MatchSingleton>(p);
        using K = ast::ConstantValue::Kind;
        Object* o = v->value.kind == K::True    ? new_ref(kTrue)
                    : v->value.kind == K::False ? new_ref(kFalse)
                                                : new_none();
        return pattern_tuple({small(kPatSingleton), o});
      }
      case P::MatchSequence: {
        auto* q = ast::cast<ast::MatchSequence>(p);
        int star = -1;
        for (size_t i = 0; i < q->patterns.size(); i++) {
          if (q->patterns[i]->kind != P::MatchStar) continue;
          if (star >= 0) {
            error(p, "multiple starred names in sequence pattern");
            return nullptr;
          }
          star = static_cast<int>(i);
        }
        Object* subs = pattern_list(q->patterns, pc);
        if (subs == nullptr) return nullptr;
        return pattern_tuple({small(kPatSequence), subs, small(star)});
      }
      case P::MatchMapping: {
        auto* m = ast::cast<ast::MatchMapping>(p);
        Object* keys = tuple_new(static_cast<ssize_t>(m->keys.size()));
        if (keys == nullptr) {
          fail_pending();
          return nullptr;
        }
        std::vector<std::string> seen;
        for (size_t i = 0; i < m->keys.size(); i++) {
          if (auto* c = ast::dyn_cast<ast::Constant>(m->keys[i])) {
            std::string key;
            Object* obj = nullptr;
            if (constant_object(c, &key, &obj)) {
              bool dup = false;
              for (const std::string& k : seen) dup = dup || k == key;
              if (dup) {
                Ref<> r = Ref<>::steal(vm::repr(obj));
                decref(obj);
                for (size_t k = i; k < m->keys.size(); k++)
                  tuple_init_item(keys, static_cast<ssize_t>(k), new_none());
                decref(keys);
                if (!r) {
                  fail_pending();
                  return nullptr;
                }
                error(p, "mapping pattern checks duplicate key (" +
                                       std::string(str_view(r.get())) + ")");
                return nullptr;
              }
              seen.push_back(std::move(key));
              decref(obj);
            }
          }
          tuple_init_item(keys, static_cast<ssize_t>(i), small(pattern_value(pc, m->keys[i])));
        }
        Object* subs = pattern_list(m->patterns, pc);
        if (subs == nullptr) {
          decref(keys);
          return nullptr;
        }
        int rest = m->rest.empty() ? -1 : pattern_capture(pc, m->rest, p);
        if (failed_) {
          decref(keys);
          decref(subs);
          return nullptr;
        }
        return pattern_tuple({small(kPatMapping), keys, subs, small(rest)});
      }
      case P::MatchClass: {
        auto* c = ast::cast<ast::MatchClass>(p);
        int cls = pattern_value(pc, c->cls);
        Object* pos = pattern_list(c->patterns, pc);
        if (pos == nullptr) return nullptr;
        Object* names = tuple_new(static_cast<ssize_t>(c->kwd_attrs.size()));
        if (names == nullptr) {
          decref(pos);
          fail_pending();
          return nullptr;
        }
        for (size_t i = 0; i < c->kwd_attrs.size(); i++)
          tuple_init_item(names, static_cast<ssize_t>(i), new_ref(str_intern(c->kwd_attrs[i])));
        Object* kws = pattern_list(c->kwd_patterns, pc);
        if (kws == nullptr) {
          decref(pos);
          decref(names);
          return nullptr;
        }
        return pattern_tuple({small(kPatClass), small(cls), pos, names, kws});
      }
      case P::MatchStar: {
        auto* st = ast::cast<ast::MatchStar>(p);
        int cap = st->name.empty() ? -1 : pattern_capture(pc, st->name, p);
        if (failed_) return nullptr;
        return pattern_tuple({small(kPatStar), small(cap)});
      }
      case P::MatchAs: {
        auto* a = ast::cast<ast::MatchAs>(p);
        Object* sub = a->pattern != nullptr ? pattern_desc(a->pattern, pc) : new_none();
        if (sub == nullptr) return nullptr;
        int cap = a->name.empty() ? -1 : pattern_capture(pc, a->name, p);
        if (failed_) {
          decref(sub);
          return nullptr;
        }
        return pattern_tuple({small(kPatAs), sub, small(cap)});
      }
      case P::MatchOr: {
        auto* o = ast::cast<ast::MatchOr>(p);
        Object* alts = tuple_new(static_cast<ssize_t>(o->patterns.size()));
        if (alts == nullptr) {
          fail_pending();
          return nullptr;
        }
        for (size_t i = 0; i < o->patterns.size(); i++)
          tuple_init_item(alts, static_cast<ssize_t>(i), new_none());
        size_t before = pc->captures.size();
        PatternCtx::OrAlt alt;
        for (size_t i = 0; i < o->patterns.size(); i++) {
          ast::pattern* q = o->patterns[i];
          if (i + 1 < o->patterns.size() && pattern_irrefutable(q)) {
            decref(alts);
            error(q, "wildcard makes remaining patterns unreachable");
            return nullptr;
          }
          pc->alts.push_back(i == 0 ? nullptr : &alt);
          alt.bound.clear();
          Object* d = pattern_desc(q, pc);
          pc->alts.pop_back();
          if (d == nullptr) {
            decref(alts);
            return nullptr;
          }
          Object** items = tuple_items(alts);
          decref(items[i]);
          items[i] = d;
          if (i == 0) {
            alt.allowed.assign(pc->captures.begin() + static_cast<ptrdiff_t>(before),
                               pc->captures.end());
          } else if (alt.bound.size() != alt.allowed.size()) {
            decref(alts);
            error(q, "alternative patterns bind different names");
            return nullptr;
          }
        }
        return pattern_tuple({small(kPatOr), alts});
      }
    }
    return nullptr;
  }

  static bool pattern_irrefutable(const ast::pattern* p) {
    if (auto* a = ast::dyn_cast<ast::MatchAs>(const_cast<ast::pattern*>(p)))
      return a->pattern == nullptr || pattern_irrefutable(a->pattern);
    if (auto* o = ast::dyn_cast<ast::MatchOr>(const_cast<ast::pattern*>(p))) {
      for (ast::pattern* q : o->patterns) {
        if (pattern_irrefutable(q)) return true;
      }
    }
    return false;
  }

  // subject; per case: COPY 1, descriptor, values, MATCH_PATTERN n ->
  // captures tuple or None; store the captures, test the guard, pop the
  // subject, run the body.  A failed case leaves the subject for the next.
  void compile_match(ast::Match* s) {
    visit_expr(s->subject);
    int end = new_label();
    size_t ncases = s->cases.size();
    for (size_t i = 0; i < ncases && !failed_; i++) {
      ast::match_case* c = s->cases[i];
      ast::pattern* pat = c->pattern;
      if (i + 1 < ncases && c->guard == nullptr && pattern_irrefutable(pat)) {
        auto* a = ast::dyn_cast<ast::MatchAs>(pat);
        if (a != nullptr && a->pattern == nullptr && !a->name.empty()) {
          error(pat, "name capture '" + std::string(a->name) +
                         "' makes remaining patterns unreachable");
        } else {
          error(pat, "wildcard makes remaining patterns unreachable");
        }
        return;
      }
      PatternCtx pc;
      Object* node = pattern_desc(pat, &pc);
      if (node == nullptr) {
        fail_pending();
        return;
      }
      Object* desc = pattern_tuple({small(static_cast<int64_t>(pc.captures.size())), node});
      if (desc == nullptr) return;
      u()->cur_line = pat->lineno;
      int fail = new_label();
      int next = new_label();
      emit(COPY, 1);
      emit(LOAD_CONST, const_object_unique(desc));
      for (ast::expr* v : pc.values) visit_expr(v);
      u()->cur_line = pat->lineno;
      emit(MATCH_PATTERN, static_cast<int>(pc.values.size()));
      emit(COPY, 1);
      emit_jump(POP_JUMP_IF_NONE, fail);
      if (pc.captures.empty()) {
        emit(POP_TOP);
      } else {
        emit(UNPACK_SEQUENCE, static_cast<int>(pc.captures.size()));
        for (std::string_view name : pc.captures) name_op(name, ExprContext::Store);
      }
      if (c->guard != nullptr) jump_if(c->guard, next, false);
      emit(POP_TOP);  // the subject
      visit_body(c->body);
      emit_jump(JUMP_FORWARD, end);
      bind(fail);
      emit(POP_TOP);  // None
      bind(next);
    }
    emit(POP_TOP);  // the subject: no case matched
    bind(end);
  }

  void compile_while(ast::While* s) {
    int loop = new_label();
    int body = new_label();
    int anchor = new_label();
    int end = new_label();
    bind(loop);
    push_fblock({FBlockKind::kWhileLoop, loop, end});
    jump_if(s->test, anchor, false);
    bind(body);
    visit_body(s->body);
    u()->cur_line = s->lineno;
    emit_jump(JUMP_BACKWARD, loop);
    u()->fblocks.pop_back();
    bind(anchor);
    visit_body(s->orelse);
    bind(end);
  }

  // async for: [aiter]; each round SETUP_FINALLY, GET_ANEXT, await,
  // POP_BLOCK; StopAsyncIteration from __anext__ lands in END_ASYNC_FOR,
  // which ends the loop (other exceptions propagate).
  void compile_async_for(ast::For* s) {
    int start = new_label();
    int handler = new_label();
    int end = new_label();
    visit_expr(s->iter);
    u()->cur_line = s->lineno;
    emit(GET_AITER);
    bind(start);
    emit_jump(SETUP_FINALLY, handler);
    emit(GET_ANEXT);  // [aiter, awaitable]
    compile_await(0);
    emit(POP_BLOCK);
    push_fblock({FBlockKind::kForLoop, start, end});
    compile_store(s->target);
    visit_body(s->body);
    u()->cur_line = s->lineno;
    emit_jump(JUMP_BACKWARD, start);
    u()->fblocks.pop_back();
    bind(handler);  // [aiter, exc]
    u()->cur_line = s->lineno;
    emit(END_ASYNC_FOR);
    visit_body(s->orelse);
    bind(end);
  }

  void compile_for(ast::For* s) {
    if (s->is_async) {
      compile_async_for(s);
      return;
    }
    int start = new_label();
    int cleanup = new_label();
    int end = new_label();
    visit_expr(s->iter);
    u()->cur_line = s->lineno;
    emit(GET_ITER);
    bind(start);
    push_fblock({FBlockKind::kForLoop, start, end});
    emit_jump(FOR_ITER, cleanup);
    compile_store(s->target);
    visit_body(s->body);
    u()->cur_line = s->lineno;
    emit_jump(JUMP_BACKWARD, start);
    u()->fblocks.pop_back();
    bind(cleanup);
    visit_body(s->orelse);
    bind(end);
  }

  // try/except/else and try/finally (nested when both).
  void compile_try(ast::Try* t) {
    if (!t->finalbody.empty()) {
      compile_try_finally(t);
    } else {
      compile_try_except(t);
    }
  }

  void compile_try_finally(ast::Try* t) {
    int handler = new_label();
    int end = new_label();
    emit_jump(SETUP_FINALLY, handler);
    push_fblock({FBlockKind::kFinallyTry, -1, -1, &t->finalbody});
    if (!t->handlers.empty()) {
      compile_try_except(t);
    } else {
      visit_body(t->body);
    }
    u()->fblocks.pop_back();
    emit(POP_BLOCK);
    visit_body(t->finalbody);
    emit_jump(JUMP_FORWARD, end);
    // The exceptional path: [exc] -> [prev, exc], run finally, re-raise.
    bind(handler);
    emit(PUSH_EXC_INFO);
    push_fblock({FBlockKind::kFinallyEnd});
    visit_body(t->finalbody);
    u()->fblocks.pop_back();
    emit(RERAISE, 0);
    bind(end);
  }

  void compile_try_except(ast::Try* t) {
    int except = new_label();
    int orelse = new_label();
    int end = new_label();
    emit_jump(SETUP_FINALLY, except);
    push_fblock({FBlockKind::kTryExcept});
    visit_body(t->body);
    u()->fblocks.pop_back();
    emit(POP_BLOCK);
    emit_jump(JUMP_FORWARD, orelse);
    bind(except);
    u()->cur_line = t->handlers.empty() ? t->lineno : t->handlers[0]->lineno;
    emit(PUSH_EXC_INFO);  // [prev, exc]
    push_fblock({FBlockKind::kExceptionHandler});
    for (size_t i = 0; i < t->handlers.size(); i++) {
      ast::ExceptHandler* h = t->handlers[i];
      u()->cur_line = h->lineno;
      if (h->type == nullptr && i + 1 < t->handlers.size()) {
        error(h, "default 'except:' must be last");
        return;
      }
      int next = new_label();
      if (h->type != nullptr) {
        visit_expr(h->type);
        emit(CHECK_EXC_MATCH);  // [prev, exc, type] -> [prev, exc, bool]
        emit_jump(POP_JUMP_IF_FALSE, next);
      }
      if (!h->name.empty()) {
        int cleanup_end = new_label();
        name_op(h->name, ExprContext::Store);  // [prev]
        emit_jump(SETUP_FINALLY, cleanup_end);
        push_fblock({FBlockKind::kHandlerCleanup, -1, -1, nullptr, h->name});
        visit_body(h->body);
        u()->fblocks.pop_back();
        emit(POP_BLOCK);
        emit(POP_EXCEPT);
        emit_const_none();
        name_op(h->name, ExprContext::Store);
        name_op(h->name, ExprContext::Del);
        emit_jump(JUMP_FORWARD, end);
        // An exception inside the clause: clear the name, re-raise.
        bind(cleanup_end);  // [prev, exc2]
        emit_const_none();
        name_op(h->name, ExprContext::Store);
        name_op(h->name, ExprContext::Del);
        emit(RERAISE, 1);
      } else {
        emit(POP_TOP);  // [prev]
        push_fblock({FBlockKind::kHandlerCleanup});
        visit_body(h->body);
        u()->fblocks.pop_back();
        emit(POP_EXCEPT);
        emit_jump(JUMP_FORWARD, end);
      }
      bind(next);
    }
    u()->fblocks.pop_back();
    emit(RERAISE, 0);  // no clause matched: [prev, exc]
    bind(orelse);
    visit_body(t->orelse);
    bind(end);
  }

  void compile_with(ast::With* w, size_t pos) {
    ast::withitem* item = w->items[pos];
    int handler = new_label();
    int suppress = new_label();
    int end = new_label();
    visit_expr(item->context_expr);
    u()->cur_line = w->lineno;
    if (w->is_async) {
      emit(BEFORE_ASYNC_WITH);  // [aexit, aenter()]
      compile_await(1);         // [aexit, value]
    } else {
      emit(BEFORE_WITH);  // [exit, value]
    }
    emit_jump(SETUP_WITH, handler);
    push_fblock({FBlockKind::kWith});
    if (item->optional_vars != nullptr) {
      compile_store(item->optional_vars);
    } else {
      emit(POP_TOP);
    }
    if (pos + 1 < w->items.size()) {
      compile_with(w, pos + 1);
    } else {
      visit_body(w->body);
    }
    u()->fblocks.pop_back();
    u()->cur_line = w->lineno;
    emit(POP_BLOCK);
    emit_const_none();
    emit_const_none();
    emit_const_none();
    emit(CALL, 2);  // exit(None, None, None) via the self slot
    if (w->is_async) compile_await(2);
    emit(POP_TOP);
    emit_jump(JUMP_FORWARD, end);
    bind(handler);  // [exit, exc]
    emit(PUSH_EXC_INFO);  // [exit, prev, exc]
    emit(WITH_EXCEPT_START);  // [exit, prev, exc, res]
    if (w->is_async) compile_await(2);
    emit_jump(POP_JUMP_IF_TRUE, suppress);
    emit(RERAISE, 2);
    bind(suppress);
    emit(POP_TOP);     // [exit, prev]
    emit(POP_EXCEPT);  // [exit]
    emit(POP_TOP);
    bind(end);
  }

  void compile_assert(ast::Assert* a) {
    int end = new_label();
    jump_if(a->test, end, true);
    u()->cur_line = a->lineno;
    emit(LOAD_ASSERTION_ERROR);
    if (a->msg != nullptr) {
      visit_expr(a->msg);
      emit(CALL, 0);
    }
    emit(RAISE_VARARGS, 1);
    bind(end);
  }

  void compile_import(ast::Import* s) {
    for (ast::alias* a : s->names) {
      emit(LOAD_CONST, const_int(0));
      emit_const_none();
      emit(IMPORT_NAME, name_index(a->name));
      if (a->asname.empty()) {
        name_op(a->name.substr(0, a->name.find('.')), ExprContext::Store);
        continue;
      }
      // import a.b.c as d: walk to the leaf.
      size_t dot = a->name.find('.');
      while (dot != std::string_view::npos) {
        size_t next = a->name.find('.', dot + 1);
        std::string_view part = a->name.substr(dot + 1, next == std::string_view::npos
                                                            ? std::string_view::npos
                                                            : next - dot - 1);
        emit(IMPORT_FROM, name_index(part));
        emit(SWAP, 2);
        emit(POP_TOP);
        dot = next;
      }
      name_op(a->asname, ExprContext::Store);
    }
  }

  void compile_import_from(ast::ImportFrom* s) {
    emit(LOAD_CONST, const_int(s->level));
    // The fromlist is a tuple constant of the imported names.
    Object* names = tuple_new(static_cast<ssize_t>(s->names.size()));
    if (names == nullptr) {
      fail_pending();
      return;
    }
    std::string key = "t(from";
    for (size_t i = 0; i < s->names.size(); i++) {
      tuple_init_item(names, static_cast<ssize_t>(i), new_ref(str_intern(s->names[i]->name)));
      key += "," + std::string(s->names[i]->name);
    }
    emit(LOAD_CONST, add_const(key + ")", names));
    emit(IMPORT_NAME, name_index(s->module));
    if (s->names.size() == 1 && s->names[0]->name == "*") {
      emit(IMPORT_STAR);
      return;
    }
    for (ast::alias* a : s->names) {
      emit(IMPORT_FROM, name_index(a->name));
      name_op(a->asname.empty() ? a->name : a->asname, ExprContext::Store);
    }
    emit(POP_TOP);
  }

  // -- assignment --

  void compile_store(ast::expr* t) {
    u()->cur_line = t->lineno;
    using K = ast::ExprKind;
    switch (t->kind) {
      case K::Name: name_op(ast::cast<ast::Name>(t)->id, ExprContext::Store); break;
      case K::Attribute: {
        auto* a = ast::cast<ast::Attribute>(t);
        visit_expr(a->value);
        u()->cur_line = t->lineno;
        emit(STORE_ATTR, attr_index(a->attr));
        break;
      }
      case K::Subscript: {
        auto* s = ast::cast<ast::Subscript>(t);
        visit_expr(s->value);
        visit_expr(s->slice);
        u()->cur_line = t->lineno;
        emit(STORE_SUBSCR);
        break;
      }
      case K::Tuple: compile_unpack(ast::cast<ast::Tuple>(t)->elts, t); break;
      case K::List: compile_unpack(ast::cast<ast::List>(t)->elts, t); break;
      case K::Starred:
        error(t, "starred assignment target must be in a list or tuple");
        break;
      default:
        error(t, "cannot assign to expression");
        break;
    }
  }

  // `a, b = b, a` (2 or 3 names or items, no starred): as CPython, the
  // values are pushed and reordered with SWAP instead of building a tuple
  // and unpacking it.  False: not that shape, nothing emitted.
  bool compile_swap_assign(ast::Assign* a) {
    if (a->targets.size() != 1 || a->value->kind != ast::ExprKind::Tuple) return false;
    ast::expr* t = a->targets[0];
    const ast::Seq<ast::expr*>* telts;
    if (t->kind == ast::ExprKind::Tuple) {
      telts = &ast::cast<ast::Tuple>(t)->elts;
    } else if (t->kind == ast::ExprKind::List) {
      telts = &ast::cast<ast::List>(t)->elts;
    } else {
      return false;
    }
    const auto& velts = ast::cast<ast::Tuple>(a->value)->elts;
    size_t n = velts.size();
    if (n < 2 || n > 3 || telts->size() != n) return false;
    for (size_t i = 0; i < n; i++) {
      if (velts[i]->kind == ast::ExprKind::Starred || (*telts)[i]->kind == ast::ExprKind::Starred) {
        return false;
      }
    }
    for (ast::expr* e : velts) visit_expr(e);
    emit(SWAP, static_cast<int>(n));
    for (ast::expr* e : *telts) compile_store(e);
    return true;
  }

  void compile_unpack(const ast::Seq<ast::expr*>& elts, ast::expr* node) {
    int star = -1;
    for (size_t i = 0; i < elts.size(); i++) {
      if (elts[i]->kind == ast::ExprKind::Starred) {
        if (star >= 0) {
          error(node, "multiple starred expressions in assignment");
          return;
        }
        star = static_cast<int>(i);
      }
    }
    if (star >= 0) {
      int after = static_cast<int>(elts.size()) - star - 1;
      if (star >= 256 || after >= (1 << 16)) {
        error(node, "too many expressions in star-unpacking assignment");
        return;
      }
      emit(UNPACK_EX, star | (after << 8));
    } else {
      emit(UNPACK_SEQUENCE, static_cast<int>(elts.size()));
    }
    for (ast::expr* e : elts) {
      if (e->kind == ast::ExprKind::Starred) {
        compile_store(ast::cast<ast::Starred>(e)->value);
      } else {
        compile_store(e);
      }
    }
  }

  void compile_delete(ast::expr* t) {
    u()->cur_line = t->lineno;
    using K = ast::ExprKind;
    switch (t->kind) {
      case K::Name: name_op(ast::cast<ast::Name>(t)->id, ExprContext::Del); break;
      case K::Attribute: {
        auto* a = ast::cast<ast::Attribute>(t);
        visit_expr(a->value);
        u()->cur_line = t->lineno;
        emit(DELETE_ATTR, attr_index(a->attr));
        break;
      }
      case K::Subscript: {
        auto* s = ast::cast<ast::Subscript>(t);
        visit_expr(s->value);
        visit_expr(s->slice);
        u()->cur_line = t->lineno;
        emit(DELETE_SUBSCR);
        break;
      }
      case K::Tuple:
        for (ast::expr* e : ast::cast<ast::Tuple>(t)->elts) compile_delete(e);
        break;
      case K::List:
        for (ast::expr* e : ast::cast<ast::List>(t)->elts) compile_delete(e);
        break;
      default:
        error(t, "cannot delete expression");
        break;
    }
  }

  void compile_augassign(ast::AugAssign* s) {
    int op = static_cast<int>(to_binary_op(s->op)) + kInplaceOffset;
    ast::expr* t = s->target;
    switch (t->kind) {
      case ast::ExprKind::Name: {
        auto* n = ast::cast<ast::Name>(t);
        name_op(n->id, ExprContext::Load);
        visit_expr(s->value);
        u()->cur_line = s->lineno;
        emit(BINARY_OP, op);
        name_op(n->id, ExprContext::Store);
        break;
      }
      case ast::ExprKind::Attribute: {
        auto* a = ast::cast<ast::Attribute>(t);
        visit_expr(a->value);
        u()->cur_line = t->lineno;
        emit(COPY, 1);
        emit(LOAD_ATTR, attr_index(a->attr));
        visit_expr(s->value);
        u()->cur_line = s->lineno;
        emit(BINARY_OP, op);
        emit(SWAP, 2);
        emit(STORE_ATTR, attr_index(a->attr));
        break;
      }
      case ast::ExprKind::Subscript: {
        auto* sub = ast::cast<ast::Subscript>(t);
        visit_expr(sub->value);
        visit_expr(sub->slice);
        u()->cur_line = t->lineno;
        emit(COPY, 2);
        emit(COPY, 2);
        emit(BINARY_SUBSCR);
        visit_expr(s->value);
        u()->cur_line = s->lineno;
        emit(BINARY_OP, op);
        emit(SWAP, 3);
        emit(SWAP, 2);
        emit(STORE_SUBSCR);
        break;
      }
      default:
        error(t, "'expression' is an illegal expression for augmented assignment");
        break;
    }
  }

  void compile_annassign(ast::AnnAssign* s) {
    if (s->value != nullptr) {
      visit_expr(s->value);
      compile_store(s->target);
    }
    auto* n = ast::dyn_cast<ast::Name>(s->target);
    if (n != nullptr && s->simple && !u()->scope->is_function_like()) {
      u()->cur_line = s->lineno;
      visit_annotation(s->annotation);
      name_op("__annotations__", ExprContext::Load);
      emit(LOAD_CONST, const_str(n->id));
      emit(STORE_SUBSCR);
    } else if (n == nullptr && !u()->scope->is_function_like() && !future_annotations_) {
      visit_expr(s->annotation);
      emit(POP_TOP);
    }
  }

  // ---- expressions ----

  // Jumps to `label` when the truth of e equals `cond`.
  void jump_if(ast::expr* e, int label, bool cond) {
    u()->cur_line = e->lineno;
    if (auto* un = ast::dyn_cast<ast::UnaryOp>(e); un != nullptr && un->op == ast::UnaryOperator::Not) {
      jump_if(un->operand, label, !cond);
      return;
    }
    if (auto* b = ast::dyn_cast<ast::BoolOp>(e)) {
      bool is_or = b->op == ast::BoolOperator::Or;
      int next2 = label;
      if (is_or != cond) next2 = new_label();
      for (size_t i = 0; i + 1 < b->values.size(); i++) jump_if(b->values[i], next2, is_or);
      jump_if(b->values[b->values.size() - 1], label, cond);
      if (next2 != label) bind(next2);
      return;
    }
    visit_expr(e);
    emit_jump(cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, label);
  }

  void visit_exprs(const ast::Seq<ast::expr*>& es) {
    for (ast::expr* e : es) visit_expr(e);
  }

  void visit_expr(ast::expr* e) {
    if (failed_) return;
    int saved_line = u()->cur_line;
    u()->cur_line = e->lineno;
    visit_expr_inner(e);
    u()->cur_line = saved_line;
  }

  void visit_expr_inner(ast::expr* e) {
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::BoolOp: {
        auto* b = ast::cast<ast::BoolOp>(e);
        int end = new_label();
        int op = b->op == ast::BoolOperator::And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
        for (size_t i = 0; i + 1 < b->values.size(); i++) {
          visit_expr(b->values[i]);
          emit_jump(op, end);
        }
        visit_expr(b->values[b->values.size() - 1]);
        bind(end);
        break;
      }
      case K::NamedExpr: {
        auto* n = ast::cast<ast::NamedExpr>(e);
        visit_expr(n->value);
        emit(COPY, 1);
        compile_store(n->target);
        break;
      }
      case K::BinOp: {
        auto* b = ast::cast<ast::BinOp>(e);
        visit_expr(b->left);
        visit_expr(b->right);
        emit(BINARY_OP, static_cast<int>(to_binary_op(b->op)));
        break;
      }
      case K::UnaryOp: compile_unary(ast::cast<ast::UnaryOp>(e)); break;
      case K::Lambda: compile_lambda(ast::cast<ast::Lambda>(e)); break;
      case K::IfExp: {
        auto* i = ast::cast<ast::IfExp>(e);
        int orelse = new_label();
        int end = new_label();
        jump_if(i->test, orelse, false);
        visit_expr(i->body);
        emit_jump(JUMP_FORWARD, end);
        bind(orelse);
        visit_expr(i->orelse);
        bind(end);
        break;
      }
      case K::Dict: compile_dict(ast::cast<ast::Dict>(e)); break;
      case K::Set:
        if (!try_constant_set(ast::cast<ast::Set>(e)->elts)) {
          compile_sequence(ast::cast<ast::Set>(e)->elts, BUILD_SET, e);
        }
        break;
      case K::ListComp: {
        auto* c = ast::cast<ast::ListComp>(e);
        compile_comprehension(e, "<listcomp>", c->generators, c->elt, nullptr, BUILD_LIST);
        break;
      }
      case K::SetComp: {
        auto* c = ast::cast<ast::SetComp>(e);
        compile_comprehension(e, "<setcomp>", c->generators, c->elt, nullptr, BUILD_SET);
        break;
      }
      case K::DictComp: {
        auto* c = ast::cast<ast::DictComp>(e);
        compile_comprehension(e, "<dictcomp>", c->generators, c->key, c->value, BUILD_MAP);
        break;
      }
      case K::GeneratorExp: {
        auto* c = ast::cast<ast::GeneratorExp>(e);
        compile_comprehension(e, "<genexpr>", c->generators, c->elt, nullptr, -1);
        break;
      }
      case K::Yield: {
        auto* y = ast::cast<ast::Yield>(e);
        if (y->value != nullptr) visit_expr(y->value);
        else emit_const_none();
        emit(YIELD_VALUE);
        break;
      }
      case K::YieldFrom: {
        visit_expr(ast::cast<ast::YieldFrom>(e)->value);
        emit(GET_YIELD_FROM_ITER);
        emit_const_none();
        compile_yield_from_loop();
        break;
      }
      case K::Await:
        visit_expr(ast::cast<ast::Await>(e)->value);
        compile_await(0);
        break;
      case K::Compare: compile_compare(ast::cast<ast::Compare>(e)); break;
      case K::Call: compile_call(ast::cast<ast::Call>(e)); break;
      case K::FormattedValue: compile_formatted_value(ast::cast<ast::FormattedValue>(e)); break;
      case K::JoinedStr: {
        auto* j = ast::cast<ast::JoinedStr>(e);
        if (j->values.empty()) {
          emit(LOAD_CONST, const_str(""));
          break;
        }
        for (ast::expr* v : j->values) visit_expr(v);
        if (j->values.size() > 1 || j->values[0]->kind != ast::ExprKind::Constant) {
          emit(BUILD_STRING, static_cast<int>(j->values.size()));
        }
        break;
      }
      case K::Constant: {
        std::string key;
        Object* obj = nullptr;
        if (constant_object(ast::cast<ast::Constant>(e), &key, &obj)) {
          emit(LOAD_CONST, add_const(std::move(key), obj));
        }
        break;
      }
      case K::Attribute: {
        auto* a = ast::cast<ast::Attribute>(e);
        if (a->ctx != ExprContext::Load) {
          error(e, "invalid attribute context");
          break;
        }
        visit_expr(a->value);
        u()->cur_line = a->end_lineno > 0 ? a->end_lineno : a->lineno;
        emit(LOAD_ATTR, attr_index(a->attr));
        break;
      }
      case K::Subscript: {
        auto* s = ast::cast<ast::Subscript>(e);
        visit_expr(s->value);
        visit_expr(s->slice);
        emit(BINARY_SUBSCR);
        break;
      }
      case K::Starred:
        error(e, "can't use starred expression here");
        break;
      case K::Name: name_op(ast::cast<ast::Name>(e)->id, ExprContext::Load); break;
      case K::List: compile_sequence(ast::cast<ast::List>(e)->elts, BUILD_LIST, e); break;
      case K::Tuple: compile_tuple(ast::cast<ast::Tuple>(e)); break;
      case K::Slice: {
        auto* s = ast::cast<ast::Slice>(e);
        if (s->lower != nullptr) visit_expr(s->lower);
        else emit_const_none();
        if (s->upper != nullptr) visit_expr(s->upper);
        else emit_const_none();
        if (s->step != nullptr) visit_expr(s->step);
        emit(BUILD_SLICE, s->step != nullptr ? 3 : 2);
        break;
      }
    }
  }

  // [awaitable] -> [result]: GET_AWAITABLE, then the `yield from` loop.
  // `where` is GET_AWAITABLE's argument, as CPython's: 0 await, 1 after
  // __aenter__, 2 after __aexit__ (only the error messages differ).
  void compile_await(int where) {
    emit(GET_AWAITABLE, where);
    emit_const_none();
    compile_yield_from_loop();
  }

  void compile_yield_from_loop() {
    // [iter, value] SEND end / YIELD_VALUE / JUMP_BACKWARD to SEND
    int send = new_label();
    int end = new_label();
    bind(send);
    emit_jump(SEND, end);
    emit(YIELD_VALUE);
    emit_jump(JUMP_BACKWARD, send);
    bind(end);
  }

  void compile_unary(ast::UnaryOp* un) {
    // Fold -<number literal> (as CPython's AST optimizer does).
    if (un->op == ast::UnaryOperator::USub) {
      if (auto* c = ast::dyn_cast<ast::Constant>(un->operand)) {
        const ast::ConstantValue& v = c->value;
        if (v.kind == ast::ConstantValue::Kind::Int && v.int_fits && v.int_value > INT64_MIN) {
          emit(LOAD_CONST, const_int(-v.int_value));
          return;
        }
        if (v.kind == ast::ConstantValue::Kind::Float) {
          double d = -v.float_value;
          char buf[40];
          uint64_t bits;
          std::memcpy(&bits, &d, sizeof bits);
          std::snprintf(buf, sizeof buf, "f%llx", static_cast<unsigned long long>(bits));
          emit(LOAD_CONST, add_const(buf, float_from(d)));
          return;
        }
      }
    }
    visit_expr(un->operand);
    switch (un->op) {
      case ast::UnaryOperator::Invert: emit(UNARY_INVERT); break;
      case ast::UnaryOperator::Not: emit(UNARY_NOT); break;
      case ast::UnaryOperator::UAdd: emit(UNARY_POSITIVE); break;
      case ast::UnaryOperator::USub: emit(UNARY_NEGATIVE); break;
    }
  }

  void emit_compare(ast::CmpOp op) {
    switch (op) {
      case ast::CmpOp::Eq: emit(COMPARE_OP, static_cast<int>(CompareOp::kEq)); break;
      case ast::CmpOp::NotEq: emit(COMPARE_OP, static_cast<int>(CompareOp::kNe)); break;
      case ast::CmpOp::Lt: emit(COMPARE_OP, static_cast<int>(CompareOp::kLt)); break;
      case ast::CmpOp::LtE: emit(COMPARE_OP, static_cast<int>(CompareOp::kLe)); break;
      case ast::CmpOp::Gt: emit(COMPARE_OP, static_cast<int>(CompareOp::kGt)); break;
      case ast::CmpOp::GtE: emit(COMPARE_OP, static_cast<int>(CompareOp::kGe)); break;
      case ast::CmpOp::Is: emit(IS_OP, 0); break;
      case ast::CmpOp::IsNot: emit(IS_OP, 1); break;
      case ast::CmpOp::In: emit(CONTAINS_OP, 0); break;
      case ast::CmpOp::NotIn: emit(CONTAINS_OP, 1); break;
    }
  }

  void compile_compare(ast::Compare* c) {
    visit_expr(c->left);
    size_t n = c->ops.size();
    if (n == 1) {
      visit_expr(c->comparators[0]);
      emit_compare(c->ops[0]);
      return;
    }
    int cleanup = new_label();
    int end = new_label();
    for (size_t i = 0; i + 1 < n; i++) {
      visit_expr(c->comparators[i]);
      emit(SWAP, 2);
      emit(COPY, 2);
      emit_compare(c->ops[i]);
      emit_jump(JUMP_IF_FALSE_OR_POP, cleanup);
    }
    visit_expr(c->comparators[n - 1]);
    emit_compare(c->ops[n - 1]);
    emit_jump(JUMP_FORWARD, end);
    bind(cleanup);
    emit(SWAP, 2);
    emit(POP_TOP);
    bind(end);
  }

  static bool has_starred(const ast::Seq<ast::expr*>& elts) {
    for (ast::expr* e : elts) {
      if (e->kind == ast::ExprKind::Starred) return true;
    }
    return false;
  }

  // A tuple constant for an all-constant tuple display (folded as CPython).
  bool try_constant_tuple(const ast::Seq<ast::expr*>& elts) {
    if (elts.empty() || elts.size() > 256) return false;
    for (ast::expr* e : elts) {
      if (e->kind != ast::ExprKind::Constant) return false;
      auto k = ast::cast<ast::Constant>(e)->value.kind;
      if (k == ast::ConstantValue::Kind::Complex) return false;
    }
    Object* t = tuple_new(static_cast<ssize_t>(elts.size()));
    if (t == nullptr) {
      fail_pending();
      return true;
    }
    std::string key = "t(";
    for (size_t i = 0; i < elts.size(); i++) {
      std::string k;
      Object* o = nullptr;
      if (!constant_object(ast::cast<ast::Constant>(elts[i]), &k, &o)) {
        decref(t);
        return true;
      }
      tuple_init_item(t, static_cast<ssize_t>(i), o);
      key += std::to_string(k.size()) + ":" + k;
    }
    emit(LOAD_CONST, add_const(key + ")", t));
    return true;
  }

  // {c1, c2, c3, ...} with three or more constants compiles as CPython 3.11
  // does: BUILD_SET 0, LOAD_CONST frozenset, SET_UPDATE 1.  The frozenset is
  // built twice (from the literal's order, then from its own iteration order,
  // as CPython's constant merging rebuilds it) because the printed order of
  // the resulting set depends on exactly that sequence of insertions.
  // A constant, or a sign applied to a numeric constant (-1, +2.5, ~3):
  // CPython's AST optimiser folds those before the compiler sees them.
  static const ast::Constant* foldable_constant(ast::expr* e, ast::UnaryOperator* op) {
    *op = ast::UnaryOperator::Not;  // "none"
    if (auto* u = ast::dyn_cast<ast::UnaryOp>(e)) {
      if (u->op == ast::UnaryOperator::Not) return nullptr;
      *op = u->op;
      e = u->operand;
    }
    auto* c = ast::dyn_cast<ast::Constant>(e);
    if (c == nullptr) return nullptr;
    using K = ast::ConstantValue::Kind;
    K k = c->value.kind;
    if (k == K::Complex) return nullptr;
    if (*op != ast::UnaryOperator::Not && k != K::Int && k != K::Float) return nullptr;
    if (*op == ast::UnaryOperator::Invert && k != K::Int) return nullptr;
    return c;
  }

  bool folded_constant(ast::expr* e, std::string* key, Object** out) {
    ast::UnaryOperator op;
    const ast::Constant* c = foldable_constant(e, &op);
    if (!constant_object(c, key, out)) return false;
    if (op == ast::UnaryOperator::Not) return true;
    Ref<> operand = steal(*out);
    *out = op == ast::UnaryOperator::USub   ? negative(operand.get())
           : op == ast::UnaryOperator::UAdd ? positive(operand.get())
                                            : invert(operand.get());
    if (*out == nullptr) {
      fail_pending();
      return false;
    }
    *key = std::string(op == ast::UnaryOperator::USub ? "-" : op == ast::UnaryOperator::UAdd ? "+" : "~") + *key;
    return true;
  }

  bool try_constant_set(const ast::Seq<ast::expr*>& elts) {
    if (elts.size() < 3 || has_starred(elts)) return false;
    for (ast::expr* e : elts) {
      ast::UnaryOperator op;
      if (foldable_constant(e, &op) == nullptr) return false;
    }
    Ref<> items = steal(tuple_new(static_cast<ssize_t>(elts.size())));
    if (!items) {
      fail_pending();
      return true;
    }
    std::string key = "f(";
    for (size_t i = 0; i < elts.size(); i++) {
      std::string k;
      Object* o = nullptr;
      if (!folded_constant(elts[i], &k, &o)) return true;
      tuple_init_item(items.get(), static_cast<ssize_t>(i), o);
      key += std::to_string(k.size()) + ":" + k;
    }
    Ref<> first = steal(frozenset_new(items.get()));
    Ref<> reordered = first ? steal(sequence_tuple(first.get())) : Ref<>();
    Object* folded = reordered ? frozenset_new(reordered.get()) : nullptr;
    if (folded == nullptr) {
      fail_pending();
      return true;
    }
    emit(BUILD_SET, 0);
    emit(LOAD_CONST, add_const(key + ")", folded));
    emit(SET_UPDATE, 1);
    return true;
  }

  void compile_tuple(ast::Tuple* t) {
    if (t->ctx != ExprContext::Load) {
      error(t, "invalid tuple context");
      return;
    }
    if (!has_starred(t->elts) && try_constant_tuple(t->elts)) return;
    compile_sequence(t->elts, BUILD_TUPLE, t);
  }

  // List/tuple/set displays, with starred items and long displays built
  // incrementally (bounded stack depth).
  void compile_sequence(const ast::Seq<ast::expr*>& elts, int build_op, ast::expr* node) {
    bool starred = has_starred(elts);
    if (!starred && elts.size() <= 30) {
      visit_exprs(elts);
      emit(build_op, static_cast<int>(elts.size()));
      return;
    }
    int collect = build_op == BUILD_SET ? BUILD_SET : BUILD_LIST;
    int add = collect == BUILD_SET ? SET_ADD : LIST_APPEND;
    int extend = collect == BUILD_SET ? SET_UPDATE : LIST_EXTEND;
    emit(collect, 0);
    for (ast::expr* e : elts) {
      if (auto* s = ast::dyn_cast<ast::Starred>(e)) {
        visit_expr(s->value);
        emit(extend, 1);
      } else {
        visit_expr(e);
        emit(add, 1);
      }
    }
    if (build_op == BUILD_TUPLE) emit(LIST_TO_TUPLE);
  }

  void compile_dict(ast::Dict* d) {
    size_t n = d->keys.size();
    bool built = false;
    size_t run = 0;  // pending key/value pairs on the stack
    auto flush = [&]() {
      if (run == 0) return;
      emit(BUILD_MAP, static_cast<int>(run));
      if (built) emit(DICT_UPDATE, 1);
      built = true;
      run = 0;
    };
    for (size_t i = 0; i < n; i++) {
      if (d->keys[i] == nullptr) {
        flush();
        if (!built) {
          emit(BUILD_MAP, 0);
          built = true;
        }
        visit_expr(d->values[i]);
        emit(DICT_UPDATE, 1);
        continue;
      }
      if (built && run == 0) {
        // Past the first chunk: add pairs one at a time.
        visit_expr(d->keys[i]);
        visit_expr(d->values[i]);
        emit(MAP_ADD, 1);
        continue;
      }
      visit_expr(d->keys[i]);
      visit_expr(d->values[i]);
      run++;
      if (run == 16) flush();
    }
    flush();
    if (!built) emit(BUILD_MAP, 0);
  }

  void compile_formatted_value(ast::FormattedValue* f) {
    visit_expr(f->value);
    int flags = 0;
    switch (f->conversion) {
      case 's': flags = 1; break;
      case 'r': flags = 2; break;
      case 'a': flags = 3; break;
      default: flags = 0; break;
    }
    if (f->format_spec != nullptr) {
      visit_expr(f->format_spec);
      flags |= kFormatHaveSpec;
    }
    emit(FORMAT_VALUE, flags);
  }

  // -- calls --

  static bool call_needs_ex(const ast::Seq<ast::expr*>& args, const ast::Seq<ast::keyword*>& kws) {
    if (has_starred(args)) return true;
    for (ast::keyword* k : kws) {
      if (k->arg.empty()) return true;
    }
    return false;
  }

  template <class N>
  void check_keywords(const ast::Seq<ast::keyword*>& kws, const N* node) {
    for (size_t i = 0; i < kws.size(); i++) {
      if (kws[i]->arg.empty()) continue;
      for (size_t j = i + 1; j < kws.size(); j++) {
        if (kws[i]->arg == kws[j]->arg) {
          error(kws[j], "keyword argument repeated: " + std::string(kws[j]->arg));
          return;
        }
      }
    }
  }

  void compile_call(ast::Call* c) {
    check_keywords(c->keywords, c);
    auto* attr = ast::dyn_cast<ast::Attribute>(c->func);
    if (attr != nullptr && attr->ctx == ExprContext::Load && !call_needs_ex(c->args, c->keywords)) {
      // obj.meth(args): LOAD_METHOD / CALL without a bound method.
      visit_expr(attr->value);
      u()->cur_line = attr->end_lineno > 0 ? attr->end_lineno : c->lineno;
      emit(LOAD_METHOD, attr_index(attr->attr));
      compile_call_args(c->args, c->keywords, 0, c);
      return;
    }
    if (auto* n = ast::dyn_cast<ast::Name>(c->func)) {
      int idx;
      if (resolve(n->id, &idx) == NameOp::kGlobal) {
        emit(LOAD_GLOBAL, (idx << 1) | 1);
        compile_call_args(c->args, c->keywords, 0, c);
        return;
      }
    }
    emit(PUSH_NULL);
    visit_expr(c->func);
    compile_call_args(c->args, c->keywords, 0, c);
  }

  // Arguments and the CALL (or CALL_FUNCTION_EX) for a callable already on
  // the stack; `extra` positional arguments are already pushed.
  template <class N>
  void compile_call_args(const ast::Seq<ast::expr*>& args, const ast::Seq<ast::keyword*>& kws,
                         int extra, const N* node) {
    int saved_line = u()->cur_line;
    if (call_needs_ex(args, kws)) {
      compile_call_ex(args, kws, extra);
      u()->cur_line = saved_line;
      emit(CALL_FUNCTION_EX, kws.empty() ? 0 : 1);
      return;
    }
    visit_exprs(args);
    for (ast::keyword* k : kws) visit_expr(k->value);
    u()->cur_line = saved_line;
    if (!kws.empty()) {
      Object* names = tuple_new(static_cast<ssize_t>(kws.size()));
      if (names == nullptr) {
        fail_pending();
        return;
      }
      std::string key = "k(";
      for (size_t i = 0; i < kws.size(); i++) {
        tuple_init_item(names, static_cast<ssize_t>(i), new_ref(str_intern(kws[i]->arg)));
        key += std::string(kws[i]->arg) + ",";
      }
      emit(KW_NAMES, add_const(key + ")", names));
    }
    emit(CALL, extra + static_cast<int>(args.size() + kws.size()));
  }

  void compile_call_ex(const ast::Seq<ast::expr*>& args, const ast::Seq<ast::keyword*>& kws,
                       int extra) {
    // Positional: a tuple (extra items already on the stack come first).
    if (extra == 0 && args.size() == 1 && args[0]->kind == ast::ExprKind::Starred) {
      visit_expr(ast::cast<ast::Starred>(args[0])->value);
    } else {
      emit(BUILD_LIST, extra);
      for (ast::expr* a : args) {
        if (auto* s = ast::dyn_cast<ast::Starred>(a)) {
          visit_expr(s->value);
          emit(LIST_EXTEND, 1);
        } else {
          visit_expr(a);
          emit(LIST_APPEND, 1);
        }
      }
      emit(LIST_TO_TUPLE);
    }
    if (kws.empty()) return;
    emit(BUILD_MAP, 0);
    size_t i = 0;
    while (i < kws.size()) {
      if (kws[i]->arg.empty()) {
        visit_expr(kws[i]->value);
        emit(DICT_MERGE, 1);
        i++;
        continue;
      }
      int n = 0;
      while (i < kws.size() && !kws[i]->arg.empty()) {
        emit(LOAD_CONST, const_str(kws[i]->arg));
        visit_expr(kws[i]->value);
        n++;
        i++;
      }
      emit(BUILD_MAP, n);
      emit(DICT_MERGE, 1);
    }
  }

  // -- comprehensions --

  void compile_comprehension(ast::expr* e, const char* name,
                             const ast::Seq<ast::comprehension*>& gens, ast::expr* elt,
                             ast::expr* value, int build_op) {
    Scope* scope = symtable_.scope_for(e);
    enter_unit(scope, name, child_qualname(name), e->lineno);
    u()->argcount = 1;
    uint32_t flags = kCoOptimized | kCoNewLocals;
    if (scope->is_generator) flags |= kCoGenerator;
    if (scope->is_nested) flags |= kCoNested;
    u()->flags = flags;
    const_none();
    u()->cur_line = e->lineno;
    if (build_op >= 0) emit(build_op, 0);
    compile_comprehension_generator(gens, 0, elt, value, build_op);
    if (build_op < 0) emit_const_none();
    emit(RETURN_VALUE);
    std::vector<std::string_view> freevars;
    Object* code = finish_unit(&freevars);
    if (code == nullptr) return;
    make_closure(code, freevars, 0);
    visit_expr(gens[0]->iter);
    emit(GET_ITER);
    emit(CALL, 0);  // func(iter) via the self slot
  }

  void compile_comprehension_generator(const ast::Seq<ast::comprehension*>& gens, size_t i,
                                       ast::expr* elt, ast::expr* value, int build_op) {
    ast::comprehension* g = gens[i];
    int start = new_label();
    int anchor = new_label();
    if (i == 0) {
      emit(LOAD_FAST, 0);  // .0
    } else {
      visit_expr(g->iter);
      emit(GET_ITER);
    }
    bind(start);
    emit_jump(FOR_ITER, anchor);
    compile_store(g->target);
    for (ast::expr* cond : g->ifs) jump_if(cond, start, false);
    if (i + 1 < gens.size()) {
      compile_comprehension_generator(gens, i + 1, elt, value, build_op);
    } else {
      int depth = static_cast<int>(gens.size()) + 1;
      switch (build_op) {
        case BUILD_LIST:
          visit_expr(elt);
          emit(LIST_APPEND, depth);
          break;
        case BUILD_SET:
          visit_expr(elt);
          emit(SET_ADD, depth);
          break;
        case BUILD_MAP:
          visit_expr(elt);
          visit_expr(value);
          emit(MAP_ADD, depth);
          break;
        default:  // generator expression
          visit_expr(elt);
          emit(YIELD_VALUE);
          emit(POP_TOP);
          break;
      }
    }
    emit_jump(JUMP_BACKWARD, start);
    bind(anchor);
  }

  // ---- assembly ----

  // The maximum stack depth over every path (CPython's stackdepth()).  Each
  // instruction must be reached with one depth; a mismatch is a compiler bug,
  // reported as an error rather than a frame that could overflow.
  int compute_stack_depth(const std::vector<Instr>& code) {
    int n = static_cast<int>(code.size());
    std::vector<int> depth(code.size(), -1);
    std::vector<int> work;
    int maxdepth = 0;
    int bad = -1;
    auto reach = [&](int target, int d) -> bool {  // true: walk on from target
      if (target < 0 || target >= n) return false;
      if (depth[target] == -1) {
        depth[target] = d;
        return true;
      }
      if (depth[target] != d && bad < 0) bad = target;
      return false;
    };
    if (reach(0, 0)) work.push_back(0);
    while (!work.empty() && bad < 0) {
      int i = work.back();
      work.pop_back();
      int d = depth[i];
      for (;;) {
        int op = instr_op(code[i]);
        int arg = instr_arg(code[i]);
        maxdepth = std::max(maxdepth, d);
        if (is_jump(op)) {
          int jd = d + stack_effect(op, arg, true);
          maxdepth = std::max(maxdepth, jd);
          if (jd < 0 && bad < 0) bad = i;
          if (reach(arg, jd)) work.push_back(arg);
        }
        if (is_terminator(op)) break;
        d += stack_effect(op, arg, false);
        if (d < 0 && bad < 0) bad = i;
        maxdepth = std::max(maxdepth, d);
        if (!reach(i + 1, d)) break;
        i++;
      }
    }
    if (bad >= 0 && !failed_) {
      failed_ = true;
      set_error_fmt(&kRuntimeErrorType, "compiler: inconsistent stack depth at %d in %s", bad,
                    u()->qualname);
    }
    return maxdepth;
  }

  Object* make_name_tuple(const std::vector<std::string_view>& v) {
    Object* t = tuple_new(static_cast<ssize_t>(v.size()));
    if (t == nullptr) return nullptr;
    for (size_t i = 0; i < v.size(); i++) {
      tuple_init_item(t, static_cast<ssize_t>(i), new_ref(str_intern(v[i])));
    }
    return t;
  }

  Object* assemble() {
    if (failed_) return nullptr;
    CodeUnit* unit = u();
    CodeSpec spec;
    spec.instrs = unit->instrs;
    int blocks = 0;
    for (Instr& in : spec.instrs) {
      int op = instr_op(in);
      if (is_jump(op)) in = make_instr(op, unit->labels[instr_arg(in)]);
      if (op == SETUP_FINALLY || op == SETUP_WITH || op == PUSH_EXC_INFO) blocks++;
    }
    for (size_t i = 0; i < unit->lines.size(); i++) {
      if (spec.lines.empty() || spec.lines.back().line != unit->lines[i]) {
        spec.lines.push_back({static_cast<int32_t>(i), unit->lines[i]});
      }
    }
    Ref<> consts = steal(tuple_new(static_cast<ssize_t>(unit->consts.size())));
    if (!consts) return nullptr;
    for (size_t i = 0; i < unit->consts.size(); i++) {
      tuple_init_item(consts.get(), static_cast<ssize_t>(i), new_ref(unit->consts[i]));
    }
    std::vector<std::string_view> names(unit->names.begin(), unit->names.end());
    Ref<> names_t = steal(make_name_tuple(names));
    Ref<> varnames = steal(make_name_tuple(unit->varnames));
    Ref<> cellvars = steal(make_name_tuple(unit->cellvars));
    Ref<> freevars = steal(make_name_tuple(unit->freevars));
    Ref<> name = steal(str_from(unit->name));
    Ref<> qualname = steal(str_from(unit->qualname));
    if (!names_t || !varnames || !cellvars || !freevars || !name || !qualname) return nullptr;
    spec.consts = consts.get();
    spec.names = names_t.get();
    spec.varnames = varnames.get();
    spec.cellvars = cellvars.get();
    spec.freevars = freevars.get();
    spec.name = name.get();
    spec.qualname = qualname.get();
    spec.filename = filename_obj_.get();
    spec.firstlineno = unit->firstlineno;
    spec.argcount = unit->argcount;
    spec.posonlyargcount = unit->posonlyargcount;
    spec.kwonlyargcount = unit->kwonlyargcount;
    spec.flags = unit->flags;
    spec.stacksize = compute_stack_depth(spec.instrs) + 1;
    if (failed_) return nullptr;
    spec.maxblocks = blocks;
    return code_new(spec);
  }

  std::string_view filename_;
  std::string_view source_;
  CompileMode mode_;
  Ref<> filename_obj_;
  Symtable symtable_;
  std::vector<std::unique_ptr<CodeUnit>> units_;
  bool failed_ = false;
  bool future_annotations_ = false;  // PEP 563: annotations compile to strings
};

}  // namespace

void raise_syntax_error(Type* type, std::string_view msg, std::string_view filename,
                        std::string_view source, int lineno, int offset, int end_lineno,
                        int end_offset) {
  std::string_view text = line_text(source, lineno);
  Ref<> fn = steal(str_from(filename));
  Ref<> text_obj = text.empty() ? borrow(kNone) : steal(str_from(text));
  Ref<> ln = steal(int_from_i64(lineno));
  Ref<> off = steal(int_from_i64(offset));
  Ref<> eln = steal(int_from_i64(end_lineno));
  Ref<> eoff = steal(int_from_i64(end_offset));
  Ref<> m = steal(str_from(msg));
  if (!fn || !text_obj || !ln || !off || !eln || !eoff || !m) return;
  Ref<> details = steal(
      tuple_pack({fn.get(), ln.get(), off.get(), text_obj.get(), eln.get(), eoff.get()}));
  if (!details) return;
  set_error_args(type, tuple_pack({m.get(), details.get()}));
}

Object* compile_ast(const ast::mod* root, std::string_view filename, std::string_view source,
                    CompileMode mode) {
  Compiler c(filename, source, mode);
  return c.compile(root);
}

Object* compile_source(std::string_view source, std::string_view filename, CompileMode mode) {
  ast::ParseMode pm = mode == CompileMode::kEval     ? ast::ParseMode::kEval
                      : mode == CompileMode::kSingle ? ast::ParseMode::kSingle
                                                     : ast::ParseMode::kExec;
  ast::ParseResult r = ast::parse(source, filename, pm);
  if (!r.ok()) {
    const ast::SyntaxErrorInfo& e = *r.error;
    Type* type = e.kind == ast::SyntaxErrorInfo::Kind::kIndentationError ? &kIndentationErrorType
                 : e.kind == ast::SyntaxErrorInfo::Kind::kTabError      ? &kTabErrorType
                                                                         : &kSyntaxErrorType;
    Ref<> fn = steal(str_from(filename));
    Ref<> text = e.text.empty() ? borrow(kNone) : steal(str_from(e.text));
    Ref<> ln = steal(int_from_i64(e.lineno));
    Ref<> off = steal(int_from_i64(e.offset));
    Ref<> eln = steal(int_from_i64(e.end_lineno));
    Ref<> eoff = steal(int_from_i64(e.end_offset));
    Ref<> m = steal(str_from(e.message));
    if (!fn || !text || !ln || !off || !eln || !eoff || !m) return nullptr;
    Ref<> details = steal(
        tuple_pack({fn.get(), ln.get(), off.get(), text.get(), eln.get(), eoff.get()}));
    if (!details) return nullptr;
    set_error_args(type, tuple_pack({m.get(), details.get()}));
    return nullptr;
  }
  return compile_ast(r.root, filename, source, mode);
}

}  // namespace conch::vm
