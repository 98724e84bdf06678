// Object core unit tests: type_ready and the MRO, descriptors, heap types
// (class statements), exceptions and their messages, argument parsing.
// Expected texts were computed with CPython 3.11.
#include <gtest/gtest.h>

#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/exceptions.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {

void ensure_runtime();  // tests/unit/str_test.cc

// Runs `src` as a module and returns repr(result) — the module's `result`
// variable — or "ExcType: message" when it raised.  Shared with
// abstract_test.cc.
std::string run_module(std::string_view src) {
  ensure_runtime();
  Ref<> code = steal(compile_source(src, "<objtest>", CompileMode::kExec));
  Ref<> out;
  if (code) {
    Ref<> globals = steal(dict_new());
    dict_set_item_str(globals.get(), "__builtins__", builtins_module());
    dict_set_item_str(globals.get(), "__name__", str_intern("__main__"));
    Ref<> r = steal(eval_code(code.get(), globals.get(), globals.get()));
    if (r) {
      Object* v = dict_get_item_str(globals.get(), "result");
      if (v == nullptr) return "<no result>";
      out = steal(repr(v));
    }
  }
  if (!out) {
    Ref<> exc = steal(fetch_error());
    if (!exc) return "<no exception set>";
    Ref<> msg = steal(str(exc.get()));
    std::string text = std::string(type_name(exc.get())) + ": ";
    if (msg) text += std::string(str_view(msg.get()));
    clear_error();
    return text;
  }
  return std::string(str_view(out.get()));
}

// The message of the pending exception ("Type: msg"), clearing it.
std::string take_error() {
  Ref<> exc = steal(fetch_error());
  if (!exc) return "<none>";
  Ref<> msg = steal(str(exc.get()));
  std::string text = std::string(type_name(exc.get())) + ": ";
  if (msg) text += std::string(str_view(msg.get()));
  clear_error();
  return text;
}

namespace {

class ObjectTest : public ::testing::Test {
 protected:
  void SetUp() override { ensure_runtime(); }
};

TEST_F(ObjectTest, CoreTypesAreReady) {
  EXPECT_TRUE(type_has_flag(&kObjectType, kTypeReady));
  EXPECT_TRUE(type_has_flag(&kTypeType, kTypeReady));
  EXPECT_EQ(kTypeType.type, &kTypeType);
  EXPECT_EQ(kObjectType.base, nullptr);
  EXPECT_EQ(tuple_size(kObjectType.mro), 1);
  EXPECT_TRUE(is_subtype(&kBoolType, &kIntType));
  EXPECT_TRUE(is_subtype(&kBoolType, &kObjectType));
  EXPECT_FALSE(is_subtype(&kIntType, &kBoolType));
  EXPECT_TRUE(gc::is_immortal(&kListType));
}

TEST_F(ObjectTest, TypeDictHasMethodAndSlotDescriptors) {
  Object* append = dict_get_item_str(kListType.dict, "append");
  ASSERT_NE(append, nullptr);
  EXPECT_EQ(append->type, &kMethodDescrType);
  Object* init = dict_get_item_str(kObjectType.dict, "__init__");
  ASSERT_NE(init, nullptr);
  EXPECT_EQ(init->type, &kSlotWrapperType);
  // A class that compares but does not hash says so in its dict.
  EXPECT_EQ(run_module("class C:\n def __eq__(self, o): return True\nresult = C.__hash__"),
            "None");
}

TEST_F(ObjectTest, Reprs) {
  EXPECT_EQ(run_module("result = repr(list.append)"), "\"<method 'append' of 'list' objects>\"");
  EXPECT_EQ(run_module("result = repr(len)"), "'<built-in function len>'");
  EXPECT_EQ(run_module("result = repr(object.__init__)"),
            "\"<slot wrapper '__init__' of 'object' objects>\"");
  EXPECT_EQ(run_module("result = repr(int)"), "\"<class 'int'>\"");
  EXPECT_EQ(run_module("class C: pass\nresult = repr(C)"), "\"<class '__main__.C'>\"");
  EXPECT_EQ(run_module("result = repr([].append)[:32]"), "'<built-in method append of list '");
}

TEST_F(ObjectTest, Mro) {
  EXPECT_EQ(run_module("class A: pass\nclass B(A): pass\nclass C(A): pass\n"
                       "class D(B, C): pass\nresult = [k.__name__ for k in D.__mro__]"),
            "['D', 'B', 'C', 'A', 'object']");
  EXPECT_EQ(run_module("class A: pass\nclass B: pass\nclass C(A, B): pass\n"
                       "class D(B, A): pass\nclass E(C, D): pass\n"),
            "TypeError: Cannot create a consistent method resolution\n"
            "order (MRO) for bases A, B");
  EXPECT_EQ(run_module("class A: pass\nclass B(A, A): pass"), "TypeError: duplicate base class A");
  EXPECT_EQ(run_module("class B(bool): pass"),
            "TypeError: type 'bool' is not an acceptable base type");
  EXPECT_EQ(run_module("class B(int, str): pass"),
            "TypeError: multiple bases have instance lay-out conflict");
}

TEST_F(ObjectTest, Descriptors) {
  EXPECT_EQ(run_module("l = []\nlist.append(l, 3)\nresult = l"), "[3]");
  EXPECT_EQ(run_module("list.append(1, 2)"),
            "TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
  EXPECT_EQ(run_module("int.__add__('a', 1)"),
            "TypeError: descriptor '__add__' requires a 'int' object but received a 'str'");
  EXPECT_EQ(run_module("result = int.__add__(2, 3)"), "5");
  EXPECT_EQ(run_module("(1).real = 2"),
            "AttributeError: attribute 'real' of 'int' objects is not writable");
  EXPECT_EQ(run_module("result = dict.fromkeys('ab')"), "{'a': None, 'b': None}");
}

TEST_F(ObjectTest, ClassesAndSuper) {
  EXPECT_EQ(run_module("class A:\n def f(self): return 'A'\n"
                       "class B(A):\n def f(self): return 'B' + super().f()\n"
                       "class C(B):\n def f(self): return 'C' + super(B, self).f()\n"
                       "result = (B().f(), C().f())"),
            "('BA', 'CA')");
  EXPECT_EQ(run_module("class P:\n @property\n def x(self): return 7\n"
                       "p = P()\np.x = 1"),
            "AttributeError: property 'x' of 'P' object has no setter");
  EXPECT_EQ(run_module("class C: pass\nC(1)"), "TypeError: C() takes no arguments");
  EXPECT_EQ(run_module("class C:\n def __eq__(self, o): return True\nhash(C())"),
            "TypeError: unhashable type: 'C'");
  EXPECT_EQ(run_module("class S:\n __slots__ = ('a',)\ns = S()\ns.b = 1"),
            "AttributeError: 'S' object has no attribute 'b'");
  EXPECT_EQ(run_module("class L(list):\n def total(self): return sum(self)\n"
                       "l = L([1, 2])\nl.append(3)\nresult = (l.total(), len(l), l)"),
            "(6, 3, [1, 2, 3])");
}

TEST_F(ObjectTest, TypeVersionChangesWithClassDict) {
  EXPECT_EQ(run_module("class A:\n def f(self): return 1\nclass B(A): pass\nb = B()\n"
                       "x = b.f()\nA.f = lambda self: 2\nresult = (x, b.f())"),
            "(1, 2)");
  EXPECT_EQ(run_module("class A: pass\na = A()\nA.__repr__ = lambda self: 'A!'\nresult = repr(a)"),
            "'A!'");
}

TEST_F(ObjectTest, ExceptionBasics) {
  set_error(&kValueErrorType, "bad value");
  ASSERT_TRUE(has_error());
  EXPECT_TRUE(error_matches(&kExceptionType));
  EXPECT_FALSE(error_matches(&kTypeErrorType));
  EXPECT_EQ(take_error(), "ValueError: bad value");
  EXPECT_FALSE(has_error());

  Ref<> key = steal(str_from("k"));
  set_key_error(key.get());
  EXPECT_EQ(take_error(), "KeyError: 'k'");

  set_error_from_errno(2, "x");
  Ref<> exc = steal(fetch_error());
  ASSERT_TRUE(exc);
  EXPECT_EQ(exc->type, &kFileNotFoundErrorType);
  Ref<> s = steal(str(exc.get()));
  EXPECT_EQ(str_view(s.get()), "[Errno 2] No such file or directory: 'x'");
}

TEST_F(ObjectTest, ExceptionHierarchy) {
  EXPECT_TRUE(is_subtype(&kZeroDivisionErrorType, &kArithmeticErrorType));
  EXPECT_TRUE(is_subtype(&kKeyErrorType, &kLookupErrorType));
  EXPECT_TRUE(is_subtype(&kUnboundLocalErrorType, &kNameErrorType));
  EXPECT_TRUE(is_subtype(&kRecursionErrorType, &kRuntimeErrorType));
  EXPECT_TRUE(is_subtype(&kModuleNotFoundErrorType, &kImportErrorType));
  EXPECT_TRUE(is_subtype(&kTabErrorType, &kSyntaxErrorType));
  EXPECT_FALSE(is_subtype(&kSystemExitType, &kExceptionType));
}

TEST_F(ObjectTest, ExceptionStrAndRepr) {
  EXPECT_EQ(run_module("result = (str(ValueError()), str(ValueError(1)), str(ValueError(1, 2)))"),
            "('', '1', '(1, 2)')");
  EXPECT_EQ(run_module("result = (repr(ValueError('x')), repr(ValueError()), repr(KeyError(1, 2)))"),
            "(\"ValueError('x')\", 'ValueError()', 'KeyError(1, 2)')");
  EXPECT_EQ(run_module("result = str(SyntaxError('invalid syntax', ('x.py', 3, 4, 'a b', 3, 5)))"),
            "'invalid syntax (x.py, line 3)'");
  EXPECT_EQ(run_module("result = (StopIteration(4).value, SystemExit().code)"), "(4, None)");
  EXPECT_EQ(run_module("e = OSError(2, 'nf', 'f')\nresult = (type(e).__name__, e.args, str(e))"),
            "('FileNotFoundError', (2, 'nf'), \"[Errno 2] nf: 'f'\")");
  EXPECT_EQ(run_module("class E(Exception):\n def __init__(self, a, b):\n"
                       "  super().__init__(a)\n  self.b = b\n"
                       "try:\n raise E('m', 2)\nexcept Exception as e:\n result = (str(e), e.b)"),
            "('m', 2)");
}

TEST_F(ObjectTest, FormatException) {
  Ref<> e = steal(call_args(&kValueErrorType, {str_intern("boom")}));
  ASSERT_TRUE(e);
  EXPECT_EQ(format_exception(e.get()), "ValueError: boom\n");
  Ref<> cause = steal(call_args(&kKeyErrorType, {str_intern("k")}));
  exception_set_cause(e.get(), cause.get());
  EXPECT_EQ(format_exception(e.get()),
            "KeyError: 'k'\n\nThe above exception was the direct cause of the following "
            "exception:\n\nValueError: boom\n");
}

TEST_F(ObjectTest, ArgParsing) {
  static const ArgSpec spec{"sorted", {"iterable", "key", "reverse"}, 1, 1};
  Object* out[3];
  Object* args[3] = {kNone, kNone, kNone};
  EXPECT_FALSE(parse_args(spec, args, 2, nullptr, out));
  EXPECT_EQ(take_error(), "TypeError: sorted() takes at most 1 positional argument (2 given)");
  EXPECT_FALSE(parse_args(spec, args, 0, nullptr, out));
  EXPECT_EQ(take_error(), "TypeError: sorted() missing required argument 'iterable' (pos 1)");
  Ref<> kw = steal(tuple_pack({str_intern("x")}));
  EXPECT_FALSE(parse_args(spec, args, 1, kw.get(), out));
  EXPECT_EQ(take_error(), "TypeError: 'x' is an invalid keyword argument for sorted()");
  Ref<> kw2 = steal(tuple_pack({str_intern("reverse")}));
  ASSERT_TRUE(parse_args(spec, args, 1, kw2.get(), out));
  EXPECT_EQ(out[0], kNone);
  EXPECT_EQ(out[1], nullptr);
  EXPECT_EQ(out[2], kNone);
  EXPECT_FALSE(check_nargs("len", 2, 1, 1, nullptr));
  EXPECT_EQ(take_error(), "TypeError: len() takes exactly one argument (2 given)");
  EXPECT_FALSE(check_nargs("getattr", 1, 2, 3, nullptr));
  EXPECT_EQ(take_error(), "TypeError: getattr expected at least 2 arguments, got 1");
  EXPECT_FALSE(check_no_kwargs("f", kw.get()));
  EXPECT_EQ(take_error(), "TypeError: f() takes no keyword arguments");
}

TEST_F(ObjectTest, RecursionGuard) {
  ThreadState* ts = current_thread();
  int saved = ts->recursion_depth;
  ts->recursion_depth = ts->recursion_limit;
  EXPECT_FALSE(enter_recursive_call(" while getting the repr of an object"));
  ts->recursion_depth = saved;
  EXPECT_EQ(take_error(),
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object");
  ts->recursion_depth = saved;
  EXPECT_TRUE(enter_recursive_call(""));
  leave_recursive_call();
  EXPECT_EQ(ts->recursion_depth, saved);
}

TEST_F(ObjectTest, ClassesAreFreedAfterClearHeapTypes) {
  const char* prog =
      "class A:\n def f(self): return 1\n"
      "class B(A):\n def f(self): return super().f() + 1\n"
      "class E(Exception): pass\n"
      "try:\n raise E(B().f())\nexcept E as e:\n result = e.args\n";
  EXPECT_EQ(run_module(prog), "(2,)");  // warm-up: interns names, fills caches
  clear_heap_types();
  int64_t before = gc::live_objects();
  EXPECT_EQ(run_module(prog), "(2,)");
  clear_heap_types();
  EXPECT_EQ(gc::live_objects(), before);
}

TEST_F(ObjectTest, ModuleReprAndGetattr) {
  Ref<> m = steal(module_new("m"));
  ASSERT_TRUE(m);
  Ref<> r = steal(repr(m.get()));
  EXPECT_EQ(str_view(r.get()), "<module 'm' (built-in)>");
  EXPECT_EQ(getattr_str(m.get(), "nope"), nullptr);
  EXPECT_EQ(take_error(), "AttributeError: module 'm' has no attribute 'nope'");
  Ref<> one = steal(int_from_i64(1));
  ASSERT_EQ(module_add_object(m.get(), "one", one.get()), 0);
  Ref<> got = steal(getattr_str(m.get(), "one"));
  EXPECT_EQ(got.get(), one.get());
}

}  // namespace
}  // namespace conch::vm
