// The compiler (vm/compile/): symbol-table scopes, SyntaxErrors the compiler
// raises with CPython's wording, the disassembly of `counter += 1` as the
// seeds show it, stack depth and line tables.
#include <gtest/gtest.h>

#include <string>

#include "vm/abstract.h"
#include "vm/compile/code.h"
#include "vm/compile/dis.h"
#include "vm/compile/symtable.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/parse/parser.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::vm {

void ensure_runtime();  // tests/unit/str_test.cc

namespace {

// Builds the symbol table of `src`; the parse result must outlive it.
struct Table {
  ast::ParseResult parsed;
  Symtable st;
  bool ok = false;
  explicit Table(std::string_view src) {
    parsed = ast::parse(src, "<test>", ast::ParseMode::kExec);
    if (parsed.ok()) ok = st.build(parsed.root);
  }
  // The scope of the n-th child (depth-first path of indices).
  Scope* child(std::initializer_list<int> path) {
    Scope* s = st.top();
    for (int i : path) s = s->children[i].get();
    return s;
  }
};

// SyntaxError message of compiling src, or "" when it compiles.
std::string compile_error(std::string_view src) {
  ensure_runtime();
  Ref<> code = steal(compile_source(src, "<test>", CompileMode::kExec));
  if (code) return "";
  Ref<> exc = steal(fetch_error());
  if (!exc) return "<no exception>";
  Object* args = exception_args(exc.get());
  std::string out = type_name(exc.get());
  if (tuple_size(args) > 0 && str_check(tuple_get(args, 0))) {
    out += ": " + std::string(str_view(tuple_get(args, 0)));
  }
  return out;
}

Ref<> compile_ok(std::string_view src) {
  ensure_runtime();
  Ref<> code = steal(compile_source(src, "<test>", CompileMode::kExec));
  if (!code) {
    Ref<> exc = steal(fetch_error());
    ADD_FAILURE() << "compile failed: " << (exc ? type_name(exc.get()) : "?");
  }
  return code;
}

// The first nested code object among co_consts.
Object* first_code_const(Object* code) {
  Object* consts = as_code(code)->consts;
  for (ssize_t i = 0; i < tuple_size(consts); i++) {
    if (code_check(tuple_get(consts, i))) return tuple_get(consts, i);
  }
  return nullptr;
}

TEST(SymtableTest, FunctionLocalsGlobalsAndCells) {
  Table t(
      "g = 1\n"
      "def f(a):\n"
      "    b = a + g\n"
      "    def inner():\n"
      "        return b\n"
      "    return inner\n");
  ASSERT_TRUE(t.ok);
  Scope* f = t.child({0});
  EXPECT_EQ(f->kind, ScopeKind::kFunction);
  EXPECT_EQ(f->lookup("a"), NameScope::kLocal);
  EXPECT_EQ(f->lookup("b"), NameScope::kCell);
  EXPECT_EQ(f->lookup("g"), NameScope::kGlobalImplicit);
  Scope* inner = t.child({0, 0});
  EXPECT_EQ(inner->lookup("b"), NameScope::kFree);
  EXPECT_TRUE(inner->is_nested);
}

TEST(SymtableTest, GlobalAndNonlocalDeclarations) {
  Table t(
      "def f():\n"
      "    global x\n"
      "    x = 1\n"
      "    y = 2\n"
      "    def g():\n"
      "        nonlocal y\n"
      "        y = 3\n"
      "    return g\n");
  ASSERT_TRUE(t.ok);
  EXPECT_EQ(t.child({0})->lookup("x"), NameScope::kGlobalExplicit);
  EXPECT_EQ(t.child({0})->lookup("y"), NameScope::kCell);
  EXPECT_EQ(t.child({0, 0})->lookup("y"), NameScope::kFree);
}

TEST(SymtableTest, ComprehensionIsItsOwnScopeExceptFirstIterator) {
  Table t(
      "def f(xs):\n"
      "    return [x * k for x in xs for k in range(x)]\n");
  ASSERT_TRUE(t.ok);
  Scope* comp = t.child({0, 0});
  EXPECT_EQ(comp->kind, ScopeKind::kComprehension);
  EXPECT_EQ(comp->lookup("x"), NameScope::kLocal);
  EXPECT_EQ(comp->lookup("k"), NameScope::kLocal);
  EXPECT_EQ(comp->lookup(".0"), NameScope::kLocal);
  // xs is evaluated in f, so the comprehension does not capture it.
  EXPECT_EQ(t.child({0})->lookup("xs"), NameScope::kLocal);
  EXPECT_EQ(comp->flags.count("xs"), 0u);
}

TEST(SymtableTest, ClassScopeProvidesClassCellForSuper) {
  Table t(
      "class A(B):\n"
      "    x = 1\n"
      "    def m(self):\n"
      "        return super().m() + x\n");
  ASSERT_TRUE(t.ok);
  Scope* cls = t.child({0});
  EXPECT_TRUE(cls->needs_class_closure);
  EXPECT_EQ(cls->lookup("x"), NameScope::kLocal);
  Scope* m = t.child({0, 0});
  EXPECT_EQ(m->lookup("__class__"), NameScope::kFree);
  // Class attributes are not visible from methods.
  EXPECT_EQ(m->lookup("x"), NameScope::kGlobalImplicit);
}

TEST(SymtableTest, ErrorsUseCPythonWording) {
  Table t1("def f():\n    print(x)\n    global x\n");
  EXPECT_FALSE(t1.ok);
  EXPECT_EQ(t1.st.error().message, "name 'x' is used prior to global declaration");
  Table t2("def f():\n    def g():\n        nonlocal x\n");
  EXPECT_FALSE(t2.ok);
  EXPECT_EQ(t2.st.error().message, "no binding for nonlocal 'x' found");
  Table t3("def f(a, a):\n    pass\n");
  EXPECT_FALSE(t3.ok);
  EXPECT_EQ(t3.st.error().message, "duplicate argument 'a' in function definition");
}

TEST(CompilerTest, SyntaxErrorsFromTheCompiler) {
  EXPECT_EQ(compile_error("return 1\n"), "SyntaxError: 'return' outside function");
  EXPECT_EQ(compile_error("break\n"), "SyntaxError: 'break' outside loop");
  EXPECT_EQ(compile_error("continue\n"), "SyntaxError: 'continue' not properly in loop");
  EXPECT_EQ(compile_error("yield 1\n"), "SyntaxError: 'yield' outside function");
  EXPECT_EQ(compile_error("class A:\n    return 2\n"), "SyntaxError: 'return' outside function");
  EXPECT_EQ(compile_error("def f():\n    x = 1\n    global x\n"),
            "SyntaxError: name 'x' is assigned to before global declaration");
  EXPECT_EQ(compile_error("nonlocal x\n"),
            "SyntaxError: nonlocal declaration not allowed at module level");
  EXPECT_EQ(compile_error("for i in x:\n    def f():\n        break\n"),
            "SyntaxError: 'break' outside loop");
  EXPECT_EQ(compile_error("while 1:\n    pass\nelse:\n    continue\n"),
            "SyntaxError: 'continue' not properly in loop");
  EXPECT_EQ(compile_error("x = 1\n"), "");
}

TEST(CompilerTest, DisassemblyOfCounterIncrementMatchesCPython) {
  Ref<> code = compile_ok("counter += 1\n");
  ASSERT_TRUE(code);
  std::string dis = disassemble(code.get());
  EXPECT_EQ(dis,
            "  1           0 RESUME                   0\n"
            "              2 LOAD_NAME                0 (counter)\n"
            "              4 LOAD_CONST               0 (1)\n"
            "              6 BINARY_OP               13 (+=)\n"
            "              8 STORE_NAME               0 (counter)\n"
            "             10 LOAD_CONST               1 (None)\n"
            "             12 RETURN_VALUE\n");
}

TEST(CompilerTest, DisassemblyShowsJumpsCallsAndGlobals) {
  Ref<> code = compile_ok("def f(n):\n    while n:\n        n = g(n)\n    return n\n");
  ASSERT_TRUE(code);
  Object* f = first_code_const(code.get());
  ASSERT_NE(f, nullptr);
  std::string dis = disassemble(f);
  EXPECT_NE(dis.find("LOAD_GLOBAL              1 (NULL + g)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("LOAD_FAST                0 (n)"), std::string::npos) << dis;
  EXPECT_NE(dis.find("JUMP_BACKWARD"), std::string::npos) << dis;
  EXPECT_NE(dis.find(">>"), std::string::npos) << dis;
  EXPECT_NE(dis.find("\n  4 "), std::string::npos) << dis;  // line 4 starts a run
  std::string rec = disassemble(code.get(), true);
  EXPECT_NE(rec.find("Disassembly of <code object f at"), std::string::npos) << rec;
}

TEST(CompilerTest, StackDepth) {
  // f(a, b, c): NULL, f, a, b, c = 5.
  Ref<> code = compile_ok("f(a, b, c)\n");
  ASSERT_TRUE(code);
  EXPECT_EQ(as_code(code.get())->stacksize, 5 + 1);
  // a + (b * (c - d)): four operands live at once.
  Ref<> code2 = compile_ok("x = a + (b * (c - d))\n");
  ASSERT_TRUE(code2);
  EXPECT_EQ(as_code(code2.get())->stacksize, 4 + 1);
  // A for loop keeps its iterator on the stack under the body.
  Ref<> code3 = compile_ok("for i in r:\n    y = i + 1\n");
  ASSERT_TRUE(code3);
  EXPECT_EQ(as_code(code3.get())->stacksize, 3 + 1);
}

TEST(CompilerTest, CodeObjectFields) {
  Ref<> code = compile_ok(
      "def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n"
      "    '''doc'''\n"
      "    def g():\n"
      "        return a\n"
      "    yield g\n");
  ASSERT_TRUE(code);
  CodeObject* f = as_code(first_code_const(code.get()));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->argcount, 3);
  EXPECT_EQ(f->posonlyargcount, 2);
  EXPECT_EQ(f->kwonlyargcount, 2);
  EXPECT_TRUE(f->flags & kCoVarargs);
  EXPECT_TRUE(f->flags & kCoVarkeywords);
  EXPECT_TRUE(f->flags & kCoGenerator);
  EXPECT_EQ(str_view(f->name), "f");
  EXPECT_EQ(str_view(tuple_get(f->consts, 0)), "doc");
  EXPECT_EQ(tuple_size(f->cellvars), 1);
  EXPECT_EQ(str_view(tuple_get(f->cellvars, 0)), "a");
  CodeObject* g = as_code(first_code_const(f));
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(str_view(g->qualname), "f.<locals>.g");
  EXPECT_EQ(tuple_size(g->freevars), 1);
  EXPECT_TRUE(g->flags & kCoNested);
}

TEST(CompilerTest, LineTable) {
  Ref<> code = compile_ok("a = 1\n\nb = (2 +\n     3)\n");
  ASSERT_TRUE(code);
  CodeObject* co = as_code(code.get());
  EXPECT_EQ(code_line_for(co, 0), 1);
  int last_store = -1;
  for (int i = 0; i < co->ninstrs; i++) {
    if (instr_op(co->instrs[i]) == STORE_NAME) last_store = i;
  }
  ASSERT_GE(last_store, 0);
  EXPECT_EQ(code_line_for(co, last_store), 3);
}

TEST(CompilerTest, EvalModeAndConstantsAreShared) {
  ensure_runtime();
  Ref<> code = steal(compile_source("(1, 2, 'x') + (1, 2, 'x')", "<test>", CompileMode::kEval));
  ASSERT_TRUE(code);
  // The two equal tuple displays fold to one constant.
  EXPECT_EQ(tuple_size(as_code(code.get())->consts), 1);
}

}  // namespace
}  // namespace conch::vm
