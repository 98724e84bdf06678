// The disassembler: a code object as text in CPython 3.11's `dis` layout,
//
//     1           0 RESUME                   0
//
//     2           2 LOAD_NAME                0 (counter)
//                 4 LOAD_CONST               0 (1)
//                 6 BINARY_OP               13 (+=)
//                 8 STORE_NAME               0 (counter)
//
// columns: line number (where a line starts), jump-target marker ">>",
// offset (instruction index * 2, CPython's code units), opname, argument and
// its meaning.  Opcode names and argument kinds come from opcodes.h.  The
// Python `dis` module is built on this.
#pragma once

#include <string>

#include "vm/object.h"

namespace conch::vm {

// The listing of one code object; with `recursive`, followed by
// "Disassembly of <code object ...>:" sections for nested code constants, as
// dis.dis() prints them.  Returns "" with an exception set if a constant's
// repr() fails.
std::string disassemble(Object* code, bool recursive = false);

// The "(meaning)" column of instruction `index` of `code` ("" when there is
// none).  Returns false with an exception set if a constant's repr() fails.
// The `_dis` module (vm/modules/dis_module.cc) builds dis.Instruction on it.
bool disassemble_arg_meaning(Object* code, int index, std::string* out);

}  // namespace conch::vm
