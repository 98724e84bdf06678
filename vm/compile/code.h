// Code objects: the compiler's output and the eval loop's input.
//
// A code object is immutable after code_new() and may be shared by any number
// of function objects and threads.  Layout:
//   instrs      uint32_t[ninstrs]   opcode | arg << 8 (vm/compile/opcodes.h)
//   lines       LineRun[nlines]      run-length line table: instruction
//                                     `start` onwards is on `line` until the
//                                     next run; found by binary search
//   consts      tuple                 constants (LOAD_CONST, KW_NAMES)
//   names       tuple of str          global / attribute / import names
//   varnames    tuple of str          locals; arguments first
//   cellvars    tuple of str          locals captured by inner functions
//   freevars    tuple of str          captured from the enclosing function
//   cell2arg    int[ncellvars]        argument index a cell starts from, or -1
// Frame layout derived from it (vm/eval/frame.h): localsplus holds nlocals
// variables, then ncellvars + nfreevars cells, then stacksize stack slots;
// the block stack holds maxblocks entries.
//
// In the free-threaded build a code object is read by every thread that runs
// it; nothing in it is ever written after construction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/compile/opcodes.h"
#include "vm/object.h"

namespace conch::vm {

// co_flags bits, numbered as CPython's.
enum CodeFlags : uint32_t {
  kCoOptimized = 0x0001,
  kCoNewLocals = 0x0002,
  kCoVarargs = 0x0004,
  kCoVarkeywords = 0x0008,
  kCoNested = 0x0010,
  kCoGenerator = 0x0020,
  kCoNoFree = 0x0040,
  kCoCoroutine = 0x0080,  // async def: calling it makes a coroutine object
};

struct LineRun {
  int32_t start;  // first instruction index of the run
  int32_t line;   // source line (-1: none)
};

struct InlineCache;  // vm/eval/inline_cache.h

struct CodeObject : Object {
  Instr* instrs;
  InlineCache* caches;  // one per instruction, zeroed (vm/eval/inline_cache.h)
  int32_t ninstrs;
  int32_t nlines;
  LineRun* lines;
  int32_t* cell2arg;  // null when no cell is an argument
  Object* consts;
  Object* names;
  Object* varnames;
  Object* cellvars;
  Object* freevars;
  Object* name;
  Object* qualname;
  Object* filename;
  int32_t firstlineno;
  int32_t argcount;
  int32_t posonlyargcount;
  int32_t kwonlyargcount;
  int32_t nlocals;
  int32_t ncells;  // ncellvars + nfreevars
  int32_t ncellvars;
  int32_t stacksize;
  int32_t maxblocks;
  uint32_t flags;
};

// Everything the compiler hands over; code_new copies the arrays and takes
// new references to the objects.
struct CodeSpec {
  std::vector<Instr> instrs;
  std::vector<LineRun> lines;
  Object* consts = nullptr;    // tuple
  Object* names = nullptr;     // tuple
  Object* varnames = nullptr;  // tuple
  Object* cellvars = nullptr;  // tuple
  Object* freevars = nullptr;  // tuple
  Object* name = nullptr;
  Object* qualname = nullptr;
  Object* filename = nullptr;
  int firstlineno = 1;
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
  int stacksize = 0;
  int maxblocks = 0;
  uint32_t flags = 0;
};

Object* code_new(const CodeSpec& spec);

inline bool code_check(const Object* o);
inline CodeObject* as_code(Object* o) { return static_cast<CodeObject*>(o); }

// Source line of the instruction at `index` (binary search of the run table).
int code_line_for(const CodeObject* co, int index);

void init_code_type();  // called by init_eval_types()

}  // namespace conch::vm

#include "vm/interp.h"

namespace conch::vm {
inline bool code_check(const Object* o) { return o->type == &kCodeType; }
}  // namespace conch::vm
