// The Python `dis` module (vm/lib/dis.py over the `_dis` built-in module):
// its listings are conch's own bytecode, so they are checked here rather than
// against CPython in tests/lang.
#include <gtest/gtest.h>

#include <string>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::vm {

void ensure_runtime();  // tests/unit/str_test.cc

namespace {

// Runs `source` in a fresh namespace and returns str() of its global `r`,
// or "!TypeName: message" when it raises.
std::string run_for(const std::string& source) {
  ensure_runtime();
  Ref<> globals = steal(dict_new());
  if (!globals || dict_set_item_str(globals.get(), "__builtins__", builtins_module()) < 0) {
    return "!setup";
  }
  Ref<> code = steal(compile_source(source, "<test>", CompileMode::kExec));
  Ref<> result;
  if (code) result = steal(eval_code(code.get(), globals.get(), globals.get()));
  if (!result) {
    Ref<> exc = steal(fetch_error());
    Ref<> msg = exc ? steal(str(exc.get())) : Ref<>();
    clear_error();
    return std::string("!") + (exc ? type_name(exc.get()) : "?") + ": " +
           (msg ? std::string(str_view(msg.get())) : "");
  }
  Object* r = dict_get_item_str(globals.get(), "r");
  if (r == nullptr) return "<unset>";
  Ref<> text = steal(str(r));
  return text ? std::string(str_view(text.get())) : "!str failed";
}

TEST(DisModuleTest, CounterIncrementListingIsTheSeeds) {
  std::string out = run_for("import dis\nr = dis.Bytecode('counter += 1').dis()\n");
  EXPECT_EQ(out,
            "  1           0 RESUME                   0\n"
            "              2 LOAD_NAME                0 (counter)\n"
            "              4 LOAD_CONST               0 (1)\n"
            "              6 BINARY_OP               13 (+=)\n"
            "              8 STORE_NAME               0 (counter)\n"
            "             10 LOAD_CONST               1 (None)\n"
            "             12 RETURN_VALUE\n");
}

TEST(DisModuleTest, DisPrintsFunctionsClassesAndNestedCode) {
  std::string out = run_for(
      "import dis\n"
      "class Buf:\n"
      "    def __init__(self):\n"
      "        self.parts = []\n"
      "    def write(self, s):\n"
      "        self.parts.append(s)\n"
      "buf = Buf()\n"
      "def f(n):\n"
      "    while n:\n"
      "        n = n - 1\n"
      "    return lambda: n\n"
      "class K:\n"
      "    def m(self):\n"
      "        return self.x\n"
      "    @staticmethod\n"
      "    def s():\n"
      "        return 1\n"
      "dis.dis(f, file=buf)\n"
      "dis.dis(K, file=buf)\n"
      "dis.dis(f.__code__, file=buf)\n"
      "r = ''.join(buf.parts)\n");
  ASSERT_EQ(out.rfind("!", 0), std::string::npos) << out;
  EXPECT_NE(out.find("Disassembly of <code object <lambda> at 0x"), std::string::npos) << out;
  EXPECT_NE(out.find(", file \"<test>\", line 11>:"), std::string::npos) << out;
  EXPECT_NE(out.find("Disassembly of m:\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Disassembly of s:\n"), std::string::npos) << out;
  EXPECT_NE(out.find("LOAD_ATTR                0 (x)"), std::string::npos) << out;
  EXPECT_NE(out.find("JUMP_BACKWARD"), std::string::npos) << out;
  EXPECT_NE(out.find(">>"), std::string::npos) << out;
  EXPECT_NE(out.find("BINARY_OP               10 (-)"), std::string::npos) << out;
}

TEST(DisModuleTest, GetInstructionsResolvesArguments) {
  std::string out = run_for(
      "import dis\n"
      "def f(a):\n"
      "    if a > 1:\n"
      "        return g(a)\n"
      "    return 'k'\n"
      "ins = list(dis.get_instructions(f))\n"
      "by = {i.opname: i for i in ins}\n"
      "j = by['POP_JUMP_IF_FALSE']\n"
      "target = [i for i in ins if i.offset == j.argval][0]\n"
      "r = (by['LOAD_GLOBAL'].argval, by['LOAD_GLOBAL'].argrepr, by['COMPARE_OP'].argval,\n"
      "     by['LOAD_FAST'].argval, ins[0].starts_line, target.is_jump_target,\n"
      "     'k' in [i.argval for i in ins if i.opname == 'LOAD_CONST'],\n"
      "     dis.opname[by['CALL'].opcode], dis.opmap['CALL'] == by['CALL'].opcode)\n");
  EXPECT_EQ(out, "('g', 'NULL + g', '>', 'a', 2, True, True, 'CALL', True)");
}

TEST(DisModuleTest, CodeInfoAndErrors) {
  std::string info = run_for(
      "import dis\n"
      "def f(a, b=1, *, c):\n"
      "    x = a\n"
      "    return x\n"
      "r = dis.code_info(f)\n");
  EXPECT_NE(info.find("Name:              f\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Argument count:    2\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Kw-only arguments: 1\n"), std::string::npos) << info;
  EXPECT_NE(info.find("Variable names:\n   0: a\n   1: b\n   2: c\n   3: x"), std::string::npos)
      << info;
  EXPECT_EQ(run_for("import dis\ndis.dis(3)\n"),
            "!TypeError: don't know how to disassemble int objects");
  EXPECT_EQ(run_for("import _dis\n_dis.instructions(1)\n"),
            "!TypeError: instructions() argument must be a code object, not 'int'");
}

}  // namespace
}  // namespace conch::vm
