// The regular-expression node tree: what re_parse.cc produces and
// re_compile.cc turns into a Program.  Internal to the engine.
//
// Every flag is resolved per node while parsing (scoped flags `(?i:...)`
// change them mid-pattern): a kChar knows whether it ignores case, a kAny
// whether it matches '\n', a kAt which line rule it follows.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "vm/modules/re_engine.h"

namespace conch::vm::re {

enum class NodeKind : uint8_t {
  kEmpty,
  kChar,     // ch, icase, ascii
  kAny,      // dotall
  kClass,    // cls
  kAt,       // at
  kGroup,    // group, kids[0]
  kSeq,      // kids
  kAlt,      // kids
  kRepeat,   // min, max, mode, kids[0]
  kBackref,  // group, icase, ascii
  kSub,      // sub, kids[0]
  kIf,       // group, kids[0] yes, kids[1] no
};

struct Node {
  explicit Node(NodeKind k) : kind(k) {}
  NodeKind kind;
  bool icase = false;
  bool ascii = false;
  bool dotall = false;
  AtKind at = AtKind::kBeginString;
  RepMode mode = RepMode::kGreedy;
  SubKind sub = SubKind::kAhead;
  uint32_t ch = 0;
  int cls = -1;
  int group = 0;
  uint32_t min = 0, max = 0;
  std::vector<std::unique_ptr<Node>> kids;
};

using NodePtr = std::unique_ptr<Node>;

// The parse result: the tree plus what the compiler needs to know.
struct ParseResult {
  NodePtr root;
  std::vector<CharClass> classes;
  int groups = 0;
  uint32_t flags = 0;
  std::vector<std::pair<std::string, int>> group_names;
};

// re_parse.cc.  Returns false and fills *err on a malformed pattern.
bool parse(const std::vector<uint32_t>& pattern, bool is_bytes, uint32_t flags,
           ParseResult* out, CompileError* err);

// Fixed width of a subtree in characters, or -1 when it varies.
ssize_t fixed_width(const Node& n);

}  // namespace conch::vm::re
