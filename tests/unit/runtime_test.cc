// The runtime, builtins, sys, time, io and import, driven through
// compile_source/eval_code the way the CLI drives them.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

class RuntimeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    static bool initialised = false;
    if (!initialised) {
      RuntimeConfig cfg;
      cfg.argv = {"runtime_test"};
      cfg.script_dir = ::testing::TempDir();
      runtime_init(cfg);
      initialised = true;
    }
  }

  void SetUp() override {
    globals_ = steal(dict_new());
    ASSERT_TRUE(globals_);
    ASSERT_EQ(dict_set_item_str(globals_.get(), "__builtins__", builtins_module()), 0);
    Ref<> name = steal(str_from("__test__"));
    ASSERT_EQ(dict_set_item_str(globals_.get(), "__name__", name.get()), 0);
  }

  // Runs `source`; on an exception returns "!TypeName: message".
  std::string run(const std::string& source) {
    Ref<> code = steal(compile_source(source, "<test>", CompileMode::kExec));
    if (!code) return error_text();
    Ref<> r = steal(eval_code(code.get(), globals_.get(), globals_.get()));
    return r ? "" : error_text();
  }

  // repr() of global `name` after running `source`, or the error.
  std::string eval_repr(const std::string& source, const char* name = "r") {
    std::string err = run(source);
    if (!err.empty()) return err;
    Object* v = dict_get_item_str(globals_.get(), name);
    if (v == nullptr) return "<unset>";
    Ref<> text = steal(repr(v));
    return text ? std::string(str_view(text.get())) : error_text();
  }

  static std::string error_text() {
    Ref<> exc = steal(fetch_error());
    if (!exc) return "!<no exception>";
    Ref<> msg = steal(str(exc.get()));
    std::string m = msg ? std::string(str_view(msg.get())) : "<unprintable>";
    clear_error();
    return std::string("!") + type_name(exc.get()) + ": " + m;
  }

  Ref<> globals_;
};

TEST_F(RuntimeTest, CoreModulesAreRegistered) {
  ASSERT_NE(builtins_module(), nullptr);
  ASSERT_NE(sys_module(), nullptr);
  EXPECT_EQ(dict_get_item_str(sys_modules(), "sys"), sys_module());
  EXPECT_EQ(dict_get_item_str(sys_modules(), "builtins"), builtins_module());
  EXPECT_NE(find_builtin_module("time"), nullptr);
  EXPECT_NE(find_builtin_module("math"), nullptr);
  EXPECT_EQ(find_builtin_module("nosuch"), nullptr);
}

TEST_F(RuntimeTest, BuiltinTypesAndConstantsHaveTheirNames) {
  EXPECT_EQ(eval_repr("r = [int, str, list, dict, ValueError, None, True, Ellipsis]"),
            "[<class 'int'>, <class 'str'>, <class 'list'>, <class 'dict'>, "
            "<class 'ValueError'>, None, True, Ellipsis]");
}

TEST_F(RuntimeTest, SortedMinMaxWithKeys) {
  EXPECT_EQ(eval_repr("r = sorted([3, 1, 2], reverse=True)"), "[3, 2, 1]");
  EXPECT_EQ(eval_repr("r = sorted(['bb', 'a', 'ccc'], key=len)"), "['a', 'bb', 'ccc']");
  EXPECT_EQ(eval_repr("r = (min(4, 2, 8), max([1, 5, 3]), max('ab', 'c', key=len))"),
            "(2, 5, 'ab')");
  EXPECT_EQ(eval_repr("r = max([], default=7)"), "7");
  EXPECT_EQ(run("max([])"), "!ValueError: max() arg is an empty sequence");
  EXPECT_EQ(run("max()"), "!TypeError: max expected at least 1 argument, got 0");
  EXPECT_EQ(run("min(1, 2, default=0)"),
            "!TypeError: Cannot specify a default for min() with multiple positional arguments");
}

TEST_F(RuntimeTest, SumFastPathsAndErrors) {
  EXPECT_EQ(eval_repr("r = sum(range(101))"), "5050");
  EXPECT_EQ(eval_repr("r = sum([0.5, 1, 2.5])"), "4.0");
  EXPECT_EQ(eval_repr("r = sum([2**62, 2**62, 2**62])"), "13835058055282163712");
  EXPECT_EQ(eval_repr("r = sum([[1], [2]], [])"), "[1, 2]");
  EXPECT_EQ(run("sum(['a'], '')"), "!TypeError: sum() can't sum strings [use ''.join(seq) instead]");
}

TEST_F(RuntimeTest, SmallBuiltins) {
  EXPECT_EQ(eval_repr("r = (abs(-3), divmod(-7, 2), pow(2, 10), pow(3, 4, 5), round(2.5))"),
            "(3, (-4, 1), 1024, 1, 2)");
  EXPECT_EQ(eval_repr("r = (ord('a'), chr(955), hex(255), oct(8), bin(5))"),
            "(97, 'λ', '0xff', '0o10', '0b101')");
  EXPECT_EQ(eval_repr("r = (any([0, 1]), all([]), all([1, 0]), callable(len))"),
            "(True, True, False, True)");
  EXPECT_EQ(eval_repr("r = (isinstance(1, (str, int)), issubclass(bool, int))"), "(True, True)");
  EXPECT_EQ(run("ord('ab')"), "!TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(run("len(1, 2)"), "!TypeError: len() takes exactly one argument (2 given)");
}

TEST_F(RuntimeTest, IterNextAndCallableIterator) {
  EXPECT_EQ(eval_repr("it = iter([1, 2])\nr = (next(it), next(it), next(it, 'done'))"),
            "(1, 2, 'done')");
  EXPECT_EQ(eval_repr("c = iter([1, 2, 0, 3]).__next__\nr = list(iter(c, 0))"), "[1, 2]");
  EXPECT_EQ(run("next(1)"), "!TypeError: 'int' object is not an iterator");
}

TEST_F(RuntimeTest, AttributeBuiltins) {
  EXPECT_EQ(eval_repr("r = (getattr(1, 'real'), getattr(1, 'nope', 'd'), hasattr(1, 'nope'))"),
            "(1, 'd', False)");
  EXPECT_EQ(run("getattr(1, 2)"), "!TypeError: attribute name must be string, not 'int'");
}

TEST_F(RuntimeTest, ExecEvalCompile) {
  EXPECT_EQ(eval_repr("r = eval('1 + 2 * 3')"), "7");
  EXPECT_EQ(eval_repr("ns = {}\nexec('x = 5', ns)\nr = ns['x']"), "5");
  EXPECT_EQ(eval_repr("r = eval(compile('40 + 2', 'f', 'eval'))"), "42");
  EXPECT_EQ(run("compile('1', 'f', 'bad')"),
            "!ValueError: compile() mode must be 'exec', 'eval' or 'single'");
}

TEST_F(RuntimeTest, SysAttributes) {
  // Another suite may have started the runtime first, so argv is not ours.
  EXPECT_EQ(eval_repr("import sys\nr = (type(sys.argv), sys.maxsize, sys.byteorder)"),
            "(<class 'list'>, 9223372036854775807, 'little')");
  EXPECT_EQ(eval_repr("import sys\nr = sys.implementation.name"), "'conch'");
  EXPECT_EQ(eval_repr("import sys\nr = sys.version_info[:2] == (3, 11) and sys.version_info.major"),
            "3");
  // The GIL build always has the GIL; the free-threaded build may run with
  // it on (CONCH_GIL=1, or by default until objects are thread-safe).
  EXPECT_EQ(eval_repr("import sys\nr = type(sys._is_gil_enabled()) is bool and "
                      "(sys._is_gil_enabled() or sys._conch_build() == 'free-threaded')"),
            "True");
  EXPECT_EQ(eval_repr("import sys\nold = sys.getrecursionlimit()\nsys.setrecursionlimit(500)\n"
                      "r = sys.getrecursionlimit()\nsys.setrecursionlimit(old)"),
            "500");
  EXPECT_EQ(run("import sys\nsys.setrecursionlimit(0)"),
            "!ValueError: recursion limit must be greater or equal than 1");
  EXPECT_EQ(run("import sys\nsys.exit(3)"), "!SystemExit: 3");
}

TEST_F(RuntimeTest, TimeModule) {
  EXPECT_EQ(eval_repr("import time\nt0 = time.perf_counter()\ntime.sleep(0.01)\n"
                      "r = time.perf_counter() - t0 >= 0.009"),
            "True");
  EXPECT_EQ(eval_repr("import time\nr = time.gmtime(0)[:3]"), "(1970, 1, 1)");
  EXPECT_EQ(run("import time\ntime.sleep(-1)"), "!ValueError: sleep length must be non-negative");
}

TEST_F(RuntimeTest, FilesRoundTrip) {
  std::string path = ::testing::TempDir() + "conch_runtime_test.txt";
  Ref<> p = steal(str_from(path));
  ASSERT_EQ(dict_set_item_str(globals_.get(), "path", p.get()), 0);
  EXPECT_EQ(eval_repr("with open(path, 'w') as f:\n    n = f.write('a\\r\\nb\\nc')\n"
                      "r = (n, f.closed)"),
            "(6, True)");
  EXPECT_EQ(eval_repr("with open(path) as f:\n    r = [line for line in f]"),
            "['a\\n', 'b\\n', 'c']");
  EXPECT_EQ(eval_repr("with open(path, 'rb') as f:\n    r = (f.read(2), f.readline(), f.read())"),
            "(b'a\\r', b'\\n', b'b\\nc')");
  EXPECT_EQ(eval_repr("f = open(path)\nr = (f.read(1), f.tell(), f.readline(), f.readlines())\n"
                      "f.close()"),
            "('a', 1, '\\n', ['b\\n', 'c'])");
  EXPECT_EQ(run("f = open(path)\nf.close()\nf.read()"),
            "!ValueError: I/O operation on closed file.");
  EXPECT_EQ(run("open(path).write('x')"), "!io.UnsupportedOperation: not writable");
  ::unlink(path.c_str());
  EXPECT_EQ(run("open(path)"),
            "!FileNotFoundError: [Errno 2] No such file or directory: '" + path + "'");
}

TEST_F(RuntimeTest, ImportsAModuleFromSysPath) {
  std::string dir = ::testing::TempDir();
  {
    std::ofstream(dir + "conch_rt_mod.py") << "value = 41 + 1\ndef f():\n    return 'f'\n";
  }
  Ref<> d = steal(str_from(dir));
  ASSERT_EQ(dict_set_item_str(globals_.get(), "tmpdir", d.get()), 0);
  ASSERT_EQ(run("import sys\nif tmpdir not in sys.path: sys.path.insert(0, tmpdir)"), "");
  EXPECT_EQ(eval_repr("import conch_rt_mod\nr = (conch_rt_mod.value, conch_rt_mod.f())"),
            "(42, 'f')");
  EXPECT_EQ(eval_repr("import conch_rt_mod as a, conch_rt_mod as b\nr = a is b"), "True");
  EXPECT_EQ(run("import conch_rt_nosuch"), "!ModuleNotFoundError: No module named 'conch_rt_nosuch'");
  ::unlink((dir + "conch_rt_mod.py").c_str());
}

}  // namespace
}  // namespace conch::vm
