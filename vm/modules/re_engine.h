// The regular-expression engine under the `re` module (vm/lib/re.py over the
// `_conch_sre` core in re_module.cc).  Pure C++: no Python objects here, so
// the engine is unit-testable on its own (tests/unit/re_test.cc).
//
// Pipeline
//   1. re_parse.cc: Python's pattern syntax (sre_parse semantics: escapes,
//      classes, groups, inline flags, VERBOSE, error messages and positions
//      as CPython words them) -> a node tree, in which every flag is already
//      resolved per node (a literal knows whether it ignores case, a `.`
//      whether it matches newline), because scoped flags `(?i:...)` exist.
//   2. re_compile.cc: node tree -> Program, a flat instruction list for a
//      backtracking VM, with a prefilter for the first character.
//   3. re_match.cc: the VM.  Backtracking uses an explicit stack (a
//      std::vector of choice points and undo records), never C++ recursion,
//      so the input size bounds heap use, not C stack depth.  A deep or long
//      subject cannot overflow the C stack; pattern nesting is bounded by
//      the parser (kMaxNesting).
//
// Subjects are code point arrays: bytes patterns and ASCII-only str run on
// the bytes (uint8_t), other str on decoded UTF-32 (uint32_t).  Positions
// are code point indices.
//
// Thread safety: a Program is immutable after compile(); all match state
// (marks, registers, backtrack stack) lives in a per-call MatchState, so any
// number of threads may match one Program at once (the ft build shares
// compiled patterns through re.py's cache).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace conch::vm::re {

using ssize_t = std::ptrdiff_t;

// CPython's flag values (re.I ...).
enum Flag : uint32_t {
  kFlagTemplate = 1,
  kFlagIgnoreCase = 2,
  kFlagLocale = 4,
  kFlagMultiline = 8,
  kFlagDotAll = 16,
  kFlagUnicode = 32,
  kFlagVerbose = 64,
  kFlagDebug = 128,
  kFlagAscii = 256,
};

inline constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;  // "no upper bound"
inline constexpr int kMaxNesting = 450;              // parenthesis depth (RecursionError)

enum class Op : uint8_t {
  // Single-character matchers (`one()` tests them).
  kChar,     // a: code point
  kCharIC,   // a: case-folded code point
  kAny,      // any but '\n'
  kAnyAll,   // any (DOTALL)
  kClass,    // a: index into Program::classes
  // Zero-width.
  kAt,       // a: AtKind
  // Control.
  kSplit,    // try pc+1 first, push a as the alternative
  kSplitLazy,  // try a first, push pc+1
  kJmp,      // a: target
  kSave,     // a: mark slot (2*group, 2*group+1)
  kBackref,  // a: group, b: ignore case
  kRepInit,  // a: register
  kRepLoop,  // a: register, b: min, c: max, d: exit pc, e: lazy
  kRepBody,  // a: register, b: min (an optional iteration records where it began)
  kRepNext,  // a: register, b: pc of its kRepLoop
  kSimple,   // a: min, b: max, c: RepMode; the matcher is pc+1, continue at pc+2
  kSub,      // a: SubKind, b: lookbehind width, c: pc after the kSubEnd
  kSubEnd,
  kIfGroup,  // a: group, b: pc of the "no" branch
  kMatch,
};

enum class AtKind : uint8_t {
  kBeginString,  // \A, ^
  kBeginLine,    // ^ with MULTILINE
  kEnd,          // $: end, or before a final '\n'
  kEndLine,      // $ with MULTILINE
  kEndString,    // \Z
  kBoundary,     // \b
  kNonBoundary,  // \B
  kBoundaryAscii,
  kNonBoundaryAscii,
};

enum class RepMode : uint8_t { kGreedy, kLazy, kPossessive };
enum class SubKind : uint8_t { kAhead, kNotAhead, kBehind, kNotBehind, kAtomic };

struct Inst {
  Op op;
  uint8_t e = 0;
  int32_t a = 0, b = 0, c = 0, d = 0;
};

// Category bits of a class (\d \w \s and their negations).
enum Category : uint8_t {
  kCatDigit = 1,
  kCatNotDigit = 2,
  kCatWord = 4,
  kCatNotWord = 8,
  kCatSpace = 16,
  kCatNotSpace = 32,
};

struct CharClass {
  std::vector<std::pair<uint32_t, uint32_t>> ranges;  // inclusive
  uint8_t categories = 0;
  bool negate = false;
  bool ignore_case = false;
  bool ascii = false;      // categories and case folding ASCII-only
  uint64_t low[4] = {};    // the answer for code points < 256, precomputed
  bool contains(uint32_t c) const;   // the full test (no bitmap)
  bool test(uint32_t c) const {
    return c < 256 ? ((low[c >> 6] >> (c & 63)) & 1) != 0 : contains(c);
  }
};

struct Program {
  std::vector<Inst> code;
  std::vector<CharClass> classes;
  int groups = 0;                 // capturing groups (group 0 not counted)
  int registers = 0;              // kRep* loop registers
  uint32_t flags = 0;             // final flags, inline ones included
  bool is_bytes = false;
  std::vector<std::pair<std::string, int>> group_names;  // UTF-8 name, index
  // Search prefilter: the program matches only at the string's start, or
  // only where `first` (a single-character matcher) matches.
  bool anchored_start = false;
  int first = -1;                 // index of an instruction in `code`, or -1
};

struct CompileError {
  std::string message;  // CPython's text, without " at position N"
  ssize_t pos = -1;     // -1: no position
  int kind = 0;  // 0 re.error, 1 ValueError (flags), 2 OverflowError, 3 RecursionError
};

// Compiles `pattern` (code points; bytes patterns pass bytes). Returns
// nullptr and fills *err on a malformed pattern.
std::unique_ptr<Program> compile(const std::vector<uint32_t>& pattern, bool is_bytes,
                                 uint32_t flags, CompileError* err);

enum class MatchMode { kMatch, kFullMatch, kSearch };

// A subject: exactly one of narrow/wide is non-null; [0, length).
struct Subject {
  const uint8_t* narrow = nullptr;
  const uint32_t* wide = nullptr;
  ssize_t length = 0;
};

// Runs the program over subject[0, endpos) from pos (0 <= pos, endpos <=
// length; pos > endpos finds nothing).  Returns 1 on a match and fills marks (2*(groups+1) entries, -1 for unset; marks[0..1] the
// whole match) and *lastindex (-1: none).  must_advance rejects an empty
// match at pos (the rule for successive searches after an empty match).
// Returns 0 for no match, -1 when the backtrack stack outgrew memory.
int run(const Program& prog, const Subject& s, ssize_t pos, ssize_t endpos, MatchMode mode,
         bool must_advance, std::vector<ssize_t>* marks, int* lastindex);

// Case folding and character categories as the matcher uses them.
uint32_t fold(uint32_t c, bool ascii);
bool is_word(uint32_t c, bool ascii);
bool is_digit(uint32_t c, bool ascii);
bool is_space(uint32_t c, bool ascii);

}  // namespace conch::vm::re
