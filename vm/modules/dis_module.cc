// The `_dis` module: what vm/lib/dis.py needs from the bytecode, so that the
// Python `dis` module never has to know conch's instruction encoding.
//
//   _dis.opnames         list of opcode names, indexed by opcode
//   _dis.argkinds        list of argument kinds ("none", "const", "name",
//                        "global", "local", "free", "jump", "compare",
//                        "binop", "count"), indexed by opcode
//   _dis.instructions(code)
//                        list of tuples (opname, opcode, arg, argval, argrepr,
//                        offset, starts_line, is_jump_target, line) -- the
//                        fields of dis.Instruction plus the instruction's line
//   _dis.disassemble(code, recursive=False)
//                        the listing as the C++ disassembler prints it
//                        (vm/compile/dis.h), so dis.dis and the CLI agree.
//
// Offsets are instruction index * 2 (CPython's code units), as in dis.h.
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/compile/code.h"
#include "vm/compile/dis.h"
#include "vm/compile/opcodes.h"
#include "vm/errors.h"
#include "vm/modules/stdlib.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

constexpr const char* kArgKindNames[] = {"none", "const", "name",    "global", "local",
                                         "free", "jump",  "compare", "binop",  "count"};
constexpr const char* kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};

bool require_code(const char* fname, Object* o) {
  if (code_check(o)) return true;
  set_error_fmt(&kTypeErrorType, "%s() argument must be a code object, not '%s'", fname,
                o->type->name);
  return false;
}

Object* name_or_none(Object* names, int i) {
  if (i < 0 || i >= tuple_size(names)) return new_none();
  return new_ref(tuple_get(names, i));
}

// dis.Instruction.argval: the argument resolved (constant, name, jump target
// offset, comparison symbol) or the raw argument.
Object* arg_value(CodeObject* co, int op, int arg) {
  switch (kOpcodeArgKinds[op]) {
    case ArgKind::kNone: return new_none();
    case ArgKind::kConst: return name_or_none(co->consts, arg);
    case ArgKind::kName: return name_or_none(co->names, arg);
    case ArgKind::kGlobal: return name_or_none(co->names, arg >> 1);
    case ArgKind::kLocal: return name_or_none(co->varnames, arg);
    case ArgKind::kFree:
      return arg < co->ncellvars ? name_or_none(co->cellvars, arg)
                                 : name_or_none(co->freevars, arg - co->ncellvars);
    case ArgKind::kJump: return int_from_i64(static_cast<int64_t>(arg) * 2);
    case ArgKind::kCompare:
      if (arg >= 0 && arg < 6) return str_from_cstr(kCompareSymbols[arg]);
      return int_from_i64(arg);
    default: return int_from_i64(arg);
  }
}

Object* one_instruction(CodeObject* co, int i, int prev_line, bool target) {
  int op = instr_op(co->instrs[i]);
  int arg = instr_arg(co->instrs[i]);
  int line = code_line_for(co, i);
  bool has_arg = kOpcodeArgKinds[op] != ArgKind::kNone;
  std::string meaning;
  if (!disassemble_arg_meaning(co, i, &meaning)) return nullptr;
  Ref<> name = steal(str_from_cstr(kOpcodeNames[op]));
  Ref<> opcode = steal(int_from_i64(op));
  Ref<> a = steal(has_arg ? int_from_i64(arg) : new_none());
  Ref<> val = steal(arg_value(co, op, arg));
  Ref<> rep = steal(str_from(meaning));
  Ref<> off = steal(int_from_i64(static_cast<int64_t>(i) * 2));
  Ref<> starts = steal(line != prev_line && line >= 0 ? int_from_i64(line) : new_none());
  Ref<> ln = steal(line >= 0 ? int_from_i64(line) : new_none());
  if (!name || !opcode || !a || !val || !rep || !off || !starts || !ln) return nullptr;
  return tuple_pack({name.get(), opcode.get(), a.get(), val.get(), rep.get(), off.get(),
                     starts.get(), new_bool(target), ln.get()});
}

Object* dis_instructions(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("instructions", nargs, 1, 1, kw)) return nullptr;
  if (!require_code("instructions", args[0])) return nullptr;
  CodeObject* co = as_code(args[0]);
  std::vector<bool> target(co->ninstrs, false);
  for (int i = 0; i < co->ninstrs; i++) {
    int op = instr_op(co->instrs[i]);
    int arg = instr_arg(co->instrs[i]);
    if (is_jump(op) && arg < co->ninstrs) target[arg] = true;
  }
  Ref<> out = steal(list_new(0));
  if (!out) return nullptr;
  int prev_line = -1;
  for (int i = 0; i < co->ninstrs; i++) {
    Ref<> ins = steal(one_instruction(co, i, prev_line, target[i]));
    prev_line = code_line_for(co, i);
    if (!ins || list_append(out.get(), ins.get()) < 0) return nullptr;
  }
  return out.release();
}

Object* dis_disassemble(Object*, Object* const* args, size_t nargs, Object* kw) {
  if (!check_nargs("disassemble", nargs, 1, 2, kw)) return nullptr;
  if (!require_code("disassemble", args[0])) return nullptr;
  bool recursive = false;
  if (nargs == 2) {
    int t = is_true(args[1]);
    if (t < 0) return nullptr;
    recursive = t != 0;
  }
  std::string text = disassemble(args[0], recursive);
  if (text.empty() && has_error()) return nullptr;
  return str_from(text);
}

const MethodDef kDisFunctions[] = {
    {"instructions", dis_instructions, kMethodDefault,
     "instructions(code) -> list of instruction tuples"},
    {"disassemble", dis_disassemble, kMethodDefault,
     "disassemble(code, recursive=False) -> the dis listing as a str"},
    {nullptr, nullptr, 0, nullptr},
};

Object* string_list(const char* const* items, int n) {
  Ref<> l = steal(list_new(0));
  if (!l) return nullptr;
  for (int i = 0; i < n; i++) {
    Ref<> s = steal(str_from_cstr(items[i]));
    if (!s || list_append(l.get(), s.get()) < 0) return nullptr;
  }
  return l.release();
}

}  // namespace

Object* init_dis_module() {
  Ref<> m = steal(module_new("_dis"));
  if (!m || module_add_functions(m.get(), kDisFunctions) < 0) return nullptr;
  Ref<> names = steal(string_list(kOpcodeNames, kOpcodeCount));
  if (!names || module_add_object(m.get(), "opnames", names.get()) < 0) return nullptr;
  const char* kinds[kOpcodeCount];
  for (int i = 0; i < kOpcodeCount; i++) {
    kinds[i] = kArgKindNames[static_cast<int>(kOpcodeArgKinds[i])];
  }
  Ref<> k = steal(string_list(kinds, kOpcodeCount));
  if (!k || module_add_object(m.get(), "argkinds", k.get()) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
