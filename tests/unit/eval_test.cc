// The eval loop (vm/eval/): closures, generators (send/throw/close, yield
// from, PEP 479), try/finally with return/break/continue, with statements,
// argument binding and its TypeErrors, recursion limits (including the C
// stack guard), exceptions' context, bound methods and function attributes.
// Each test runs a small program and checks the repr of its `result`.
#include <gtest/gtest.h>

#include <string>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/eval/function.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/types.h"

namespace conch::vm {

void ensure_runtime();  // tests/unit/str_test.cc

namespace {

// repr(result) after running src as __main__, or "Type: message" when it
// raises.
std::string run(std::string_view src) {
  ensure_runtime();
  Ref<> code = steal(compile_source(src, "<evaltest>", CompileMode::kExec));
  Ref<> out;
  if (code) {
    Ref<> globals = steal(dict_new());
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
    if (!exc) return "<no exception>";
    Ref<> msg = steal(str(exc.get()));
    std::string text = std::string(type_name(exc.get())) + ": ";
    if (msg) text += std::string(str_view(msg.get()));
    clear_error();
    return text;
  }
  return std::string(str_view(out.get()));
}

TEST(EvalTest, Closures) {
  EXPECT_EQ(run("def counter():\n"
                "    n = 0\n"
                "    def inc():\n"
                "        nonlocal n\n"
                "        n += 1\n"
                "        return n\n"
                "    return inc\n"
                "c = counter()\n"
                "result = (c(), c(), c())\n"),
            "(1, 2, 3)");
  EXPECT_EQ(run("fs = [lambda: i for i in range(3)]\nresult = [f() for f in fs]\n"), "[2, 2, 2]");
  EXPECT_EQ(run("def f(a):\n    def g():\n        return a * 2\n    return g\nresult = f(21)()\n"),
            "42");
}

TEST(EvalTest, GeneratorsSendThrowClose) {
  EXPECT_EQ(run("def g():\n"
                "    x = yield 1\n"
                "    y = yield x + 1\n"
                "    return y\n"
                "it = g()\n"
                "a = next(it)\n"
                "b = it.send(10)\n"
                "try:\n"
                "    it.send(5)\n"
                "except StopIteration as e:\n"
                "    c = e.value\n"
                "result = (a, b, c)\n"),
            "(1, 11, 5)");
  EXPECT_EQ(run("log = []\n"
                "def g():\n"
                "    try:\n"
                "        yield 1\n"
                "    except KeyError:\n"
                "        yield 'caught'\n"
                "    finally:\n"
                "        log.append('fin')\n"
                "it = g()\n"
                "next(it)\n"
                "r = it.throw(KeyError)\n"
                "it.close()\n"
                "result = (r, log)\n"),
            "('caught', ['fin'])");
  EXPECT_EQ(run("def inner():\n"
                "    x = yield 1\n"
                "    return x * 2\n"
                "def outer():\n"
                "    r = yield from inner()\n"
                "    yield r\n"
                "it = outer()\n"
                "result = (next(it), it.send(4))\n"),
            "(1, 8)");
  EXPECT_EQ(run("def g():\n    yield 1\n    raise StopIteration\nresult = list(g())\n"),
            "RuntimeError: generator raised StopIteration");
  EXPECT_EQ(run("def g():\n    yield next(it)\nit = g()\nresult = next(it)\n"),
            "ValueError: generator already executing");
  EXPECT_EQ(run("result = sum(i * i for i in range(10))\n"), "285");
}

TEST(EvalTest, TryFinallyWithReturnBreakContinue) {
  EXPECT_EQ(run("def f():\n"
                "    try:\n"
                "        return 'try'\n"
                "    finally:\n"
                "        return 'finally'\n"
                "result = f()\n"),
            "'finally'");
  EXPECT_EQ(run("log = []\n"
                "for i in range(4):\n"
                "    try:\n"
                "        if i == 1:\n"
                "            continue\n"
                "        if i == 2:\n"
                "            break\n"
                "    finally:\n"
                "        log.append(i)\n"
                "result = log\n"),
            "[0, 1, 2]");
  EXPECT_EQ(run("def f():\n"
                "    for i in range(3):\n"
                "        try:\n"
                "            raise ValueError(i)\n"
                "        except ValueError as e:\n"
                "            if i == 1:\n"
                "                return e.args\n"
                "result = f()\n"),
            "(1,)");
}

TEST(EvalTest, WithStatement) {
  EXPECT_EQ(run("log = []\n"
                "class CM:\n"
                "    def __enter__(self):\n"
                "        log.append('enter')\n"
                "        return 7\n"
                "    def __exit__(self, t, v, tb):\n"
                "        log.append(t.__name__ if t else None)\n"
                "        return True\n"
                "with CM() as x:\n"
                "    log.append(x)\n"
                "with CM():\n"
                "    1 / 0\n"
                "result = log\n"),
            "['enter', 7, None, 'enter', 'ZeroDivisionError']");
  EXPECT_EQ(run("with 1:\n    pass\n"),
            "TypeError: 'int' object does not support the context manager protocol");
}

TEST(EvalTest, ArgumentBindingErrors) {
  EXPECT_EQ(run("def f(x): pass\nf()\n"),
            "TypeError: f() missing 1 required positional argument: 'x'");
  EXPECT_EQ(run("def f(a, b): pass\nf()\n"),
            "TypeError: f() missing 2 required positional arguments: 'a' and 'b'");
  EXPECT_EQ(run("def f(a, b): pass\nf(1, 2, 3)\n"),
            "TypeError: f() takes 2 positional arguments but 3 were given");
  EXPECT_EQ(run("def f(a, b=1): pass\nf(1, 2, 3)\n"),
            "TypeError: f() takes from 1 to 2 positional arguments but 3 were given");
  EXPECT_EQ(run("def f(a): pass\nf(1, z=2)\n"),
            "TypeError: f() got an unexpected keyword argument 'z'");
  EXPECT_EQ(run("def f(x): pass\nf(1, x=2)\n"),
            "TypeError: f() got multiple values for argument 'x'");
  EXPECT_EQ(run("def f(*, k): pass\nf()\n"),
            "TypeError: f() missing 1 required keyword-only argument: 'k'");
  EXPECT_EQ(run("def f(a, /): pass\nf(a=1)\n"),
            "TypeError: f() got some positional-only arguments passed as keyword arguments: 'a'");
  EXPECT_EQ(run("class A:\n    def m(self, x): pass\nA().m()\n"),
            "TypeError: A.m() missing 1 required positional argument: 'x'");
  EXPECT_EQ(run("def f(a, *args, k=3, **kw):\n    return (a, args, k, kw)\n"
                "result = f(1, 2, 3, k=4, z=5)\n"),
            "(1, (2, 3), 4, {'z': 5})");
}

TEST(EvalTest, NameErrors) {
  EXPECT_EQ(run("x\n"), "NameError: name 'x' is not defined");
  EXPECT_EQ(run("def f():\n    print(y)\n    y = 1\nf()\n"),
            "UnboundLocalError: cannot access local variable 'y' where it is not associated "
            "with a value");
}

TEST(EvalTest, RecursionLimitAndCStackGuard) {
  EXPECT_EQ(run("def f(): return f()\nf()\n"), "RecursionError: maximum recursion depth exceeded");
  // A huge limit must still end in RecursionError, not a crash.
  EXPECT_EQ(run("import sys\n"
                "old = sys.getrecursionlimit()\n"
                "sys.setrecursionlimit(10**6)\n"
                "def f(n): return f(n + 1)\n"
                "try:\n"
                "    f(0)\n"
                "finally:\n"
                "    sys.setrecursionlimit(old)\n"),
            "RecursionError: maximum recursion depth exceeded");
  EXPECT_EQ(current_thread()->recursion_depth, 0);
  EXPECT_EQ(run("def d(n): return 0 if n == 0 else 1 + d(n - 1)\nresult = d(900)\n"), "900");
}

TEST(EvalTest, ExceptionContextAndCause) {
  EXPECT_EQ(run("try:\n"
                "    try:\n"
                "        raise ValueError('a')\n"
                "    except ValueError:\n"
                "        raise TypeError('b')\n"
                "except TypeError as e:\n"
                "    result = (repr(e.__context__), e.__cause__)\n"),
            "(\"ValueError('a')\", None)");
  EXPECT_EQ(run("try:\n"
                "    raise KeyError(1) from ValueError(2)\n"
                "except KeyError as e:\n"
                "    result = repr(e.__cause__)\n"),
            "'ValueError(2)'");
  EXPECT_EQ(run("raise\n"), "RuntimeError: No active exception to reraise");
  EXPECT_EQ(run("raise 1\n"), "TypeError: exceptions must derive from BaseException");
}

TEST(EvalTest, FunctionsAndMethods) {
  EXPECT_EQ(run("def f(a, b=2, *, c=3):\n    'doc'\n"
                "f.attr = 5\n"
                "result = (f.__name__, f.__qualname__, f.__doc__, f.__defaults__,\n"
                "          f.__kwdefaults__, f.attr, f.__module__)\n"),
            "('f', 'f', 'doc', (2,), {'c': 3}, 5, '__main__')");
  EXPECT_EQ(run("class A:\n"
                "    def m(self):\n"
                "        return self\n"
                "a = A()\n"
                "bm = a.m\n"
                "result = (bm() is a, bm.__self__ is a, bm.__func__ is A.m, a.m == a.m)\n"),
            "(True, True, True, True)");
  EXPECT_EQ(run("class B:\n    def f(self): return 'B'\n"
                "class C(B):\n    def f(self): return 'C' + super().f()\n"
                "result = C().f()\n"),
            "'CB'");
}

TEST(EvalTest, UnpackingAndComprehensions) {
  EXPECT_EQ(run("a, *b, c = range(5)\nresult = (a, b, c)\n"), "(0, [1, 2, 3], 4)");
  EXPECT_EQ(run("a, b = 1, 2, 3\n"), "ValueError: too many values to unpack (expected 2)");
  EXPECT_EQ(run("a, b, c = [1, 2]\n"),
            "ValueError: not enough values to unpack (expected 3, got 2)");
  EXPECT_EQ(run("a, b = 1\n"), "TypeError: cannot unpack non-iterable int object");
  EXPECT_EQ(run("result = {k: v for k, v in zip('ab', (1, 2))}, [x for x in range(6) if x % 2]\n"),
            "({'a': 1, 'b': 2}, [1, 3, 5])");
  EXPECT_EQ(run("x = 5\nresult = f'{x!r:>4}|{x * 2}|{\"s\"}'\n"), "'   5|10|s'");
}

}  // namespace
}  // namespace conch::vm
