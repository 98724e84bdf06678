// The symbol table: which scope each name of a module belongs to.
//
// Built in two passes over the AST, as CPython's symtable.c:
//   1. collect: one Scope per module / class / function / lambda /
//      comprehension, recording for each name how it is used (assigned,
//      parameter, imported, declared global/nonlocal, read);
//   2. analyze: top-down with the set of names bound in enclosing function
//      scopes, bottom-up with the free names of children, giving each name its
//      final kind (local, cell, free, global explicit/implicit).
// Comprehensions are function scopes of their own (as in 3.11), except that
// the first iterator is evaluated in the enclosing scope.  A class scope
// binds `__class__` for its methods (zero-argument super()).
//
// Errors are SyntaxErrors with CPython's wording ("name 'x' is used prior to
// global declaration", "no binding for nonlocal 'x' found", ...), reported
// through SymtableError (message + position), not Python exceptions, so the
// table can be built and tested without a runtime.
//
// Names are string_views into the AST arena (or static literals, or the
// table's own store of mangled names): the table must not outlive the parse
// result.  Private names (`__x` inside a class) are mangled to `_Class__x`
// here and in the compiler, as CPython's _Py_Mangle.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vm/parse/ast.h"

namespace conch::vm {

enum class ScopeKind { kModule, kClass, kFunction, kLambda, kComprehension };

enum class NameScope { kLocal, kCell, kFree, kGlobalExplicit, kGlobalImplicit };

// Usage flags collected in pass 1 (CPython's DEF_* bits).
enum SymbolFlags : uint32_t {
  kDefGlobal = 1 << 0,    // `global x`
  kDefLocal = 1 << 1,     // assigned
  kDefParam = 1 << 2,     // parameter
  kDefNonlocal = 1 << 3,  // `nonlocal x`
  kUse = 1 << 4,          // read
  kDefFree = 1 << 5,      // free in this scope (from a child)
  kDefFreeClass = 1 << 6, // free in a child of a class that also binds it
  kDefImport = 1 << 7,    // bound by import
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

struct Scope {
  ScopeKind kind;
  std::string_view name;
  int lineno = 0;
  const void* node = nullptr;  // the AST node that opened the scope
  Scope* parent = nullptr;
  std::vector<std::unique_ptr<Scope>> children;

  std::vector<std::string_view> names;  // first-seen order
  std::unordered_map<std::string_view, uint32_t> flags;
  std::unordered_map<std::string_view, NameScope> resolved;
  std::vector<std::string_view> params;  // in co_varnames order

  bool is_generator = false;
  bool is_coroutine = false;  // async def
  bool has_varargs = false;
  bool has_varkeywords = false;
  bool needs_class_closure = false;  // class scope: methods use __class__
  bool is_nested = false;            // inside a function scope

  // Final kind of `name` here (kGlobalImplicit when never seen).
  NameScope lookup(std::string_view name) const;
  bool is_function_like() const { return kind != ScopeKind::kModule && kind != ScopeKind::kClass; }
};

// `_Class__x` for a private name `__x` inside class `Class` (private_name),
// else name unchanged.  Dunder names and dotted names are never mangled.
std::string mangle(std::string_view private_name, std::string_view name);

struct SymtableError {
  std::string message;
  int lineno = 0;
  int col_offset = 0;  // 0-based
  int end_lineno = 0;
  int end_col_offset = 0;
};

class Symtable {
 public:
  // Builds the table for a module / expression / interactive tree.
  // Returns false and fills error() on a SyntaxError.
  bool build(const ast::mod* root);
  const SymtableError& error() const { return error_; }

  Scope* top() const { return top_.get(); }
  // The scope opened by a FunctionDef / ClassDef / Lambda / comprehension.
  Scope* scope_for(const void* node) const;

 private:
  friend class SymtableBuilder;
  std::unique_ptr<Scope> top_;
  std::unordered_map<const void*, Scope*> by_node_;
  std::deque<std::string> mangled_;  // storage for mangled names (stable addresses)
  SymtableError error_;
};

}  // namespace conch::vm
