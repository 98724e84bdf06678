// The bytecode: the one opcode table, included by the compiler (stack depth),
// the eval loop (dispatch table) and the disassembler (names, argument kinds).
//
// Instruction format
//   One uint32_t per instruction: bits 0..7 the opcode, bits 8..31 the
//   argument (0..16M; the compiler raises SystemError beyond that, so there is
//   no EXTENDED_ARG).  Code is an array of these, never allocated per
//   instruction.  Jump arguments are ABSOLUTE instruction indices; `dis`
//   shows offsets as index*2 so listings read like CPython 3.11's (2-byte
//   code units): "to 24" is instruction 12.
//
// Exception handling: a 3.10-style block stack (SETUP_FINALLY / POP_BLOCK),
// not 3.11's exception table.  Why: the block stack needs no control-flow
// analysis in the compiler (the table must know, for every instruction, the
// handler and stack depth along every path), it is easy to get right under a
// deadline, and its run-time cost is a store per `try` entry.  The rest of
// the exception protocol is 3.11's: a handler is entered with the exception
// pushed, PUSH_EXC_INFO / POP_EXCEPT / CHECK_EXC_MATCH / RERAISE do what they
// do in CPython.  PUSH_EXC_INFO also pushes an "except handler" block so that
// an exception escaping a handler restores the previously handled exception.
// The frame's block stack is sized per code object (co_maxblocks), so frames
// of code without `try` carry none.  SETUP_WITH is SETUP_FINALLY whose
// handler level excludes the __enter__ result on top of the stack (it is
// stored or popped before the body runs).
//
// Calls follow 3.11: [NULL | method, callable | self, args...] CALL n, with
// KW_NAMES before CALL when there are keyword arguments; LOAD_METHOD pushes
// (method, self) or (NULL, bound attribute), LOAD_GLOBAL's low argument bit
// pushes a NULL first.
//
// X(name, argument kind, stack effect) -- the effect is an expression in
// `arg` and `jump` (true: the effect when the jump is taken).
#pragma once

#include <cstdint>

namespace conch::vm {

enum class ArgKind : uint8_t {
  kNone,     // argument unused
  kConst,    // index into co_consts
  kName,     // index into co_names
  kGlobal,   // (index into co_names) << 1 | push-NULL bit
  kLocal,    // index into co_varnames
  kFree,     // index into co_cellvars + co_freevars
  kJump,     // absolute instruction index
  kCompare,  // CompareOp
  kBinOp,    // BinaryOp (+13: in-place)
  kCount,    // a count or a flag word
};

#define CONCH_OPCODES(X)                                              \
  X(NOP, kNone, 0)                                                    \
  X(RESUME, kCount, 0)                                                \
  X(POP_TOP, kNone, -1)                                               \
  X(PUSH_NULL, kNone, 1)                                              \
  X(COPY, kCount, 1)                                                  \
  X(SWAP, kCount, 0)                                                  \
  X(LOAD_CONST, kConst, 1)                                            \
  X(LOAD_NAME, kName, 1)                                              \
  X(STORE_NAME, kName, -1)                                            \
  X(DELETE_NAME, kName, 0)                                            \
  X(LOAD_FAST, kLocal, 1)                                             \
  X(STORE_FAST, kLocal, -1)                                           \
  X(DELETE_FAST, kLocal, 0)                                           \
  X(LOAD_GLOBAL, kGlobal, 1 + (arg & 1))                              \
  X(STORE_GLOBAL, kName, -1)                                          \
  X(DELETE_GLOBAL, kName, 0)                                          \
  X(MAKE_CELL, kFree, 0)                                              \
  X(COPY_FREE_VARS, kCount, 0)                                        \
  X(LOAD_CLOSURE, kFree, 1)                                           \
  X(LOAD_DEREF, kFree, 1)                                             \
  X(LOAD_CLASSDEREF, kFree, 1)                                        \
  X(STORE_DEREF, kFree, -1)                                           \
  X(DELETE_DEREF, kFree, 0)                                           \
  X(LOAD_ATTR, kName, 0)                                              \
  X(STORE_ATTR, kName, -2)                                            \
  X(DELETE_ATTR, kName, -1)                                           \
  X(LOAD_METHOD, kName, 1)                                            \
  X(BINARY_OP, kBinOp, -1)                                            \
  X(COMPARE_OP, kCompare, -1)                                         \
  X(IS_OP, kCount, -1)                                                \
  X(CONTAINS_OP, kCount, -1)                                          \
  X(UNARY_POSITIVE, kNone, 0)                                         \
  X(UNARY_NEGATIVE, kNone, 0)                                         \
  X(UNARY_NOT, kNone, 0)                                              \
  X(UNARY_INVERT, kNone, 0)                                           \
  X(BINARY_SUBSCR, kNone, -1)                                         \
  X(STORE_SUBSCR, kNone, -3)                                          \
  X(DELETE_SUBSCR, kNone, -2)                                         \
  X(BUILD_SLICE, kCount, 1 - arg)                                     \
  X(BUILD_TUPLE, kCount, 1 - arg)                                     \
  X(BUILD_LIST, kCount, 1 - arg)                                      \
  X(BUILD_SET, kCount, 1 - arg)                                       \
  X(BUILD_MAP, kCount, 1 - 2 * arg)                                   \
  X(BUILD_CONST_KEY_MAP, kCount, -arg)                                \
  X(BUILD_STRING, kCount, 1 - arg)                                    \
  X(LIST_APPEND, kCount, -1)                                          \
  X(SET_ADD, kCount, -1)                                              \
  X(MAP_ADD, kCount, -2)                                              \
  X(LIST_EXTEND, kCount, -1)                                          \
  X(SET_UPDATE, kCount, -1)                                           \
  X(DICT_UPDATE, kCount, -1)                                          \
  X(DICT_MERGE, kCount, -1)                                           \
  X(LIST_TO_TUPLE, kNone, 0)                                          \
  X(UNPACK_SEQUENCE, kCount, arg - 1)                                 \
  X(UNPACK_EX, kCount, (arg & 0xFF) + (arg >> 8))                     \
  X(FORMAT_VALUE, kCount, (arg & 4) ? -1 : 0)                         \
  X(GET_ITER, kNone, 0)                                               \
  X(FOR_ITER, kJump, jump ? -1 : 1)                                   \
  X(JUMP_FORWARD, kJump, 0)                                           \
  X(JUMP_BACKWARD, kJump, 0)                                          \
  X(POP_JUMP_IF_FALSE, kJump, -1)                                     \
  X(POP_JUMP_IF_TRUE, kJump, -1)                                      \
  X(POP_JUMP_IF_NONE, kJump, -1)                                      \
  X(POP_JUMP_IF_NOT_NONE, kJump, -1)                                  \
  X(JUMP_IF_FALSE_OR_POP, kJump, jump ? 0 : -1)                       \
  X(JUMP_IF_TRUE_OR_POP, kJump, jump ? 0 : -1)                        \
  X(CALL, kCount, -(arg + 1))                                         \
  X(KW_NAMES, kConst, 0)                                              \
  X(CALL_FUNCTION_EX, kCount, -(2 + (arg & 1)))                       \
  X(MAKE_FUNCTION, kCount, -__builtin_popcount(arg & 0xF))            \
  X(RETURN_VALUE, kNone, -1)                                          \
  X(YIELD_VALUE, kNone, 0)                                            \
  X(GET_YIELD_FROM_ITER, kNone, 0)                                    \
  X(SEND, kJump, jump ? -1 : 0)                                       \
  X(IMPORT_NAME, kName, -1)                                           \
  X(IMPORT_FROM, kName, 1)                                            \
  X(IMPORT_STAR, kNone, -1)                                           \
  X(RAISE_VARARGS, kCount, -arg)                                      \
  X(RERAISE, kCount, -1)                                              \
  X(SETUP_FINALLY, kJump, jump ? 1 : 0)                               \
  X(SETUP_WITH, kJump, 0)                                             \
  X(POP_BLOCK, kNone, 0)                                              \
  X(PUSH_EXC_INFO, kNone, 1)                                          \
  X(POP_EXCEPT, kNone, -1)                                            \
  X(CHECK_EXC_MATCH, kNone, 0)                                        \
  X(BEFORE_WITH, kNone, 1)                                            \
  X(WITH_EXCEPT_START, kNone, 1)                                      \
  X(LOAD_BUILD_CLASS, kNone, 1)                                       \
  X(LOAD_ASSERTION_ERROR, kNone, 1)                                   \
  X(SETUP_ANNOTATIONS, kNone, 0)                                      \
  X(PRINT_EXPR, kNone, -1)                                            \
  X(MATCH_PATTERN, kCount, -(arg + 1))                                \
  X(GET_AWAITABLE, kCount, 0)                                         \
  X(BEFORE_ASYNC_WITH, kNone, 1)                                      \
  X(GET_AITER, kNone, 0)                                              \
  X(GET_ANEXT, kNone, 1)                                              \
  X(END_ASYNC_FOR, kNone, -2)

enum Opcode : uint8_t {
#define CONCH_OP_ENUM(name, kind, effect) name,
  CONCH_OPCODES(CONCH_OP_ENUM)
#undef CONCH_OP_ENUM
  kOpcodeCount
};

static_assert(kOpcodeCount <= 256, "opcodes must fit the 8-bit opcode field");

inline constexpr int kMaxOparg = (1 << 24) - 1;

// One instruction word.
using Instr = uint32_t;
constexpr Instr make_instr(int op, int arg) {
  return static_cast<Instr>(op) | (static_cast<Instr>(arg) << 8);
}
constexpr int instr_op(Instr i) { return static_cast<int>(i & 0xFF); }
constexpr int instr_arg(Instr i) { return static_cast<int>(i >> 8); }

inline constexpr const char* kOpcodeNames[] = {
#define CONCH_OP_NAME(name, kind, effect) #name,
    CONCH_OPCODES(CONCH_OP_NAME)
#undef CONCH_OP_NAME
};

inline constexpr ArgKind kOpcodeArgKinds[] = {
#define CONCH_OP_KIND(name, kind, effect) ArgKind::kind,
    CONCH_OPCODES(CONCH_OP_KIND)
#undef CONCH_OP_KIND
};

// The stack effect of (op, arg); `jump` selects the branch-taken effect.
constexpr int stack_effect(int op, int arg, bool jump) {
  switch (op) {
#define CONCH_OP_EFFECT(name, kind, effect) \
  case name:                                \
    return (effect);
    CONCH_OPCODES(CONCH_OP_EFFECT)
#undef CONCH_OP_EFFECT
    default:
      return 0;
  }
}

constexpr bool is_jump(int op) { return kOpcodeArgKinds[op] == ArgKind::kJump; }
// Instructions after which control never falls through.
constexpr bool is_terminator(int op) {
  return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE || op == JUMP_FORWARD ||
         op == JUMP_BACKWARD;
}

// FORMAT_VALUE argument bits (as CPython).
inline constexpr int kFormatConvMask = 0x3;  // 0 none, 1 str, 2 repr, 3 ascii
inline constexpr int kFormatHaveSpec = 0x4;

// MAKE_FUNCTION argument bits (as CPython).
inline constexpr int kMakeFunctionDefaults = 0x01;
inline constexpr int kMakeFunctionKwDefaults = 0x02;
inline constexpr int kMakeFunctionAnnotations = 0x04;

// MATCH_PATTERN's descriptor node tags (the format: vm/eval/match.h).
enum PatternNode : int {
  kPatValue = 0,
  kPatSingleton = 1,
  kPatSequence = 2,
  kPatMapping = 3,
  kPatClass = 4,
  kPatStar = 5,
  kPatAs = 6,
  kPatOr = 7,
};
inline constexpr int kMakeFunctionClosure = 0x08;

}  // namespace conch::vm
