// The disassembler.  See dis.h.
#include "vm/compile/dis.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/compile/code.h"
#include "vm/compile/opcodes.h"
#include "vm/errors.h"
#include "vm/types.h"

namespace conch::vm {

namespace {

constexpr const char* kCompareSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
constexpr const char* kBinarySymbols[] = {"+", "&", "//", "<<", "@", "*", "%",
                                          "|", "**", ">>", "-", "/", "^"};

bool repr_of(Object* o, std::string* out) {
  Ref<> r = steal(repr(o));
  if (!r) return false;
  *out = std::string(str_view(r.get()));
  return true;
}

std::string name_at(Object* tuple, int i) {
  if (i < 0 || i >= tuple_size(tuple)) return "?";
  return std::string(str_view(tuple_get(tuple, i)));
}

// The "(meaning)" column.
bool arg_meaning(CodeObject* co, int op, int arg, std::string* out) {
  switch (kOpcodeArgKinds[op]) {
    case ArgKind::kConst:
      if (arg >= tuple_size(co->consts)) return true;
      return repr_of(tuple_get(co->consts, arg), out);
    case ArgKind::kName: *out = name_at(co->names, arg); return true;
    case ArgKind::kGlobal:
      *out = ((arg & 1) ? "NULL + " : "") + name_at(co->names, arg >> 1);
      return true;
    case ArgKind::kLocal: *out = name_at(co->varnames, arg); return true;
    case ArgKind::kFree:
      *out = arg < co->ncellvars ? name_at(co->cellvars, arg)
                                 : name_at(co->freevars, arg - co->ncellvars);
      return true;
    case ArgKind::kJump: *out = absl::StrCat("to ", arg * 2); return true;
    case ArgKind::kCompare:
      if (arg >= 0 && arg < 6) *out = kCompareSymbols[arg];
      return true;
    case ArgKind::kBinOp:
      if (arg >= 0 && arg < 2 * kBinaryOpCount) {
        *out = kBinarySymbols[arg % kBinaryOpCount];
        if (arg >= kInplaceOffset) *out += "=";
      }
      return true;
    default: break;
  }
  if (op == FORMAT_VALUE) {
    static const char* conv[] = {"", "str", "repr", "ascii"};
    *out = conv[arg & kFormatConvMask];
    if (arg & kFormatHaveSpec) *out += out->empty() ? "with format" : ", with format";
  } else if (op == MAKE_FUNCTION) {
    static const char* flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
    for (int i = 0; i < 4; i++) {
      if (arg & (1 << i)) *out += (out->empty() ? "" : ", ") + std::string(flags[i]);
    }
  }
  return true;
}

bool disassemble_one(CodeObject* co, std::string* out) {
  int maxline = 0;
  for (int i = 0; i < co->nlines; i++) maxline = std::max(maxline, co->lines[i].line);
  int lineno_width = maxline >= 1000 ? static_cast<int>(std::to_string(maxline).size()) : 3;
  int maxoffset = (co->ninstrs - 1) * 2;
  int offset_width = maxoffset >= 10000 ? static_cast<int>(std::to_string(maxoffset).size()) : 4;
  std::vector<bool> target(co->ninstrs, false);
  for (int i = 0; i < co->ninstrs; i++) {
    int op = instr_op(co->instrs[i]);
    int arg = instr_arg(co->instrs[i]);
    if (is_jump(op) && arg < co->ninstrs) target[arg] = true;
  }
  int prev_line = -1;
  for (int i = 0; i < co->ninstrs; i++) {
    int op = instr_op(co->instrs[i]);
    int arg = instr_arg(co->instrs[i]);
    int line = code_line_for(co, i);
    bool starts = line != prev_line;
    prev_line = line;
    if (starts && i > 0) *out += "\n";
    std::string fields;
    if (starts) fields = absl::StrFormat("%*d", lineno_width, line);
    else fields = std::string(lineno_width, ' ');
    fields += "     ";  // separator, the "current instruction" column, separator
    fields += target[i] ? ">>" : "  ";
    fields += " " + absl::StrFormat("%*d", offset_width, i * 2);
    fields += " " + absl::StrFormat("%-20s", kOpcodeNames[op]);
    if (kOpcodeArgKinds[op] != ArgKind::kNone) {
      fields += " " + absl::StrFormat("%5d", arg);
      std::string meaning;
      if (!arg_meaning(co, op, arg, &meaning)) return false;
      if (!meaning.empty()) fields += " (" + meaning + ")";
    }
    while (!fields.empty() && fields.back() == ' ') fields.pop_back();
    *out += fields + "\n";
  }
  return true;
}

}  // namespace

bool disassemble_arg_meaning(Object* code, int index, std::string* out) {
  CodeObject* co = as_code(code);
  int op = instr_op(co->instrs[index]);
  if (kOpcodeArgKinds[op] == ArgKind::kNone) return true;
  return arg_meaning(co, op, instr_arg(co->instrs[index]), out);
}

std::string disassemble(Object* code, bool recursive) {
  CodeObject* co = as_code(code);
  std::string out;
  if (!disassemble_one(co, &out)) return "";
  if (!recursive) return out;
  for (ssize_t i = 0; i < tuple_size(co->consts); i++) {
    Object* c = tuple_get(co->consts, i);
    if (!code_check(c)) continue;
    std::string r;
    if (!repr_of(c, &r)) return "";
    out += "\nDisassembly of " + r + ":\n";
    std::string inner = disassemble(c, true);
    if (inner.empty() && has_error()) return "";
    out += inner;
  }
  return out;
}

}  // namespace conch::vm
