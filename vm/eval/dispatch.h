// The eval loop's dispatch mechanism, kept apart so the loop body never
// changes (STYLE.md; Lua's ljumptab.h).
//
// The loop body is written as
//   DISPATCH();                       // fetch the next instruction and go
//   TARGET(LOAD_FAST) { ... DISPATCH(); }
// Under GCC/Clang each TARGET is a label and DISPATCH jumps through a table
// of label addresses (computed goto: one indirect branch per handler, which
// the branch predictor learns per opcode).  Elsewhere TARGET is a `case` and
// DISPATCH returns to one switch.  Both read `word`/`oparg` from `next_instr`.
#pragma once

#include "vm/compile/opcodes.h"

// Overridable (-DCONCH_COMPUTED_GOTO=0) to build and test the switch form.
#ifndef CONCH_COMPUTED_GOTO
#if defined(__GNUC__) || defined(__clang__)
#define CONCH_COMPUTED_GOTO 1
#else
#define CONCH_COMPUTED_GOTO 0
#endif
#endif

#define CONCH_FETCH()          \
  do {                         \
    word = *next_instr++;      \
    oparg = instr_arg(word);   \
  } while (0)

#if CONCH_COMPUTED_GOTO
#define CONCH_DISPATCH_TABLE                                       \
  static void* const kDispatchTable[] = {                          \
      CONCH_OPCODES(CONCH_LABEL_ADDR)};                            \
  static_assert(sizeof(kDispatchTable) / sizeof(void*) == kOpcodeCount)
#define CONCH_LABEL_ADDR(name, kind, effect) &&TARGET_##name,
#define TARGET(op) TARGET_##op:
#define DISPATCH()                                 \
  do {                                             \
    CONCH_FETCH();                                 \
    goto* kDispatchTable[instr_op(word)];          \
  } while (0)
#define DISPATCH_SWITCH_BEGIN DISPATCH();
#define DISPATCH_SWITCH_END
#else
#define CONCH_DISPATCH_TABLE static_assert(true)
#define TARGET(op) case op:
#define DISPATCH() goto dispatch_top
#define DISPATCH_SWITCH_BEGIN  \
  dispatch_top:                \
  CONCH_FETCH();               \
  switch (instr_op(word)) {
#define DISPATCH_SWITCH_END \
  default:                  \
    goto unknown_opcode;    \
    }
#endif

// Unoptimised (-O0) builds give every handler's locals a stack slot of their
// own: 4.5 KiB per eval_frame activation, which would cap Python recursion in
// debug builds far below CPython's default limit of 1000 (Python calls are
// C++ recursion here).  The loop is compiled with -Og there instead (192
// bytes, still debuggable).
#if defined(__GNUC__) && !defined(__clang__) && !defined(__OPTIMIZE__)
#define CONCH_EVAL_LOOP_ATTRS __attribute__((optimize("Og")))
#else
#define CONCH_EVAL_LOOP_ATTRS
#endif
