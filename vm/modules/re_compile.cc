// Node tree -> Program (see re_engine.h for the instruction set), plus the
// character tests the matcher shares with the compiler (folding, \d \w \s,
// classes).
//
// Code shapes
//   alternation a|b|c   kSplit L2; a; kJmp End; L2: kSplit L3; b; kJmp End; L3: c; End:
//   group g             kSave 2g; body; kSave 2g+1
//   x* on one char      kSimple min max mode; <matcher>        (no per-char stack)
//   x? (general)        kSplit End; x; End:          (kSplitLazy for x??)
//   x{m,n} (general)    kRepInit r; L: kRepLoop r m n End lazy; kRepBody r; x; kRepNext r L; End:
//   lookaround/atomic   kSub kind width After; body; kSubEnd; After:
//   (?(g)yes|no)        kIfGroup g No; yes; kJmp End; No: no; End:
#include "vm/modules/re_nodes.h"
#include "vm/types/unicode.h"

namespace conch::vm::re {

// ---- character tests ------------------------------------------------------

namespace {

uint32_t simple_map(uint32_t c, int (*map)(uint32_t, uint32_t*)) {
  uint32_t out[3];
  return map(c, out) == 1 ? out[0] : c;
}

uint32_t lower_of(uint32_t c, bool ascii) {
  if (c < 128 || ascii) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return simple_map(c, unicode::to_lower);
}

uint32_t upper_of(uint32_t c, bool ascii) {
  if (c < 128 || ascii) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  return simple_map(c, unicode::to_upper);
}

bool in_ranges(const CharClass& cc, uint32_t c) {
  for (const auto& r : cc.ranges) {
    if (c >= r.first && c <= r.second) return true;
  }
  return false;
}

bool in_categories(uint8_t cats, uint32_t c, bool ascii) {
  if ((cats & kCatDigit) && is_digit(c, ascii)) return true;
  if ((cats & kCatNotDigit) && !is_digit(c, ascii)) return true;
  if ((cats & kCatWord) && is_word(c, ascii)) return true;
  if ((cats & kCatNotWord) && !is_word(c, ascii)) return true;
  if ((cats & kCatSpace) && is_space(c, ascii)) return true;
  if ((cats & kCatNotSpace) && !is_space(c, ascii)) return true;
  return false;
}

bool raw_contains(const CharClass& cc, uint32_t c) {
  return in_ranges(cc, c) || (cc.categories != 0 && in_categories(cc.categories, c, cc.ascii));
}

}  // namespace

uint32_t fold(uint32_t c, bool ascii) {
  if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (ascii) return c;
  return lower_of(upper_of(c, false), false);
}

bool is_word(uint32_t c, bool ascii) {
  if (c < 128) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  return !ascii && (unicode::has(c, unicode::kPropAlpha | unicode::kPropDecimal |
                                        unicode::kPropDigit | unicode::kPropNumeric));
}

bool is_digit(uint32_t c, bool ascii) {
  if (c < 128) return c >= '0' && c <= '9';
  return !ascii && unicode::is_decimal(c);
}

bool is_space(uint32_t c, bool ascii) {
  if (c < 128) return c == ' ' || (c >= 9 && c <= 13) || (!ascii && c >= 28 && c <= 31);
  return !ascii && unicode::is_space(c);
}

bool CharClass::contains(uint32_t c) const {
  bool hit = raw_contains(*this, c);
  if (!hit && ignore_case) {
    uint32_t lo = lower_of(c, ascii), up = upper_of(c, ascii);
    hit = (lo != c && raw_contains(*this, lo)) || (up != c && raw_contains(*this, up)) ||
          raw_contains(*this, fold(c, ascii));
  }
  return hit != negate;
}

// ---- code generation ------------------------------------------------------

namespace {

bool is_single_char(const Node& n) {
  return n.kind == NodeKind::kChar || n.kind == NodeKind::kAny || n.kind == NodeKind::kClass;
}

class Codegen {
 public:
  explicit Codegen(Program* prog) : prog_(prog) {}

  void emit_tree(const Node& n) { gen(n); }

 private:
  Program* prog_;

  int here() const { return static_cast<int>(prog_->code.size()); }
  int emit(Op op, int32_t a = 0, int32_t b = 0, int32_t c = 0, int32_t d = 0, uint8_t e = 0) {
    Inst in{op, e, a, b, c, d};
    prog_->code.push_back(in);
    return here() - 1;
  }
  Inst& at(int pc) { return prog_->code[static_cast<size_t>(pc)]; }

  void gen_single(const Node& n) {
    switch (n.kind) {
      case NodeKind::kChar:
        if (n.icase && (fold(n.ch, n.ascii) != n.ch || upper_of(n.ch, n.ascii) != n.ch)) {
          emit(Op::kCharIC, static_cast<int32_t>(fold(n.ch, n.ascii)), 0, 0, 0, n.ascii);
        } else {
          emit(Op::kChar, static_cast<int32_t>(n.ch));
        }
        break;
      case NodeKind::kAny: emit(n.dotall ? Op::kAnyAll : Op::kAny); break;
      case NodeKind::kClass: emit(Op::kClass, n.cls); break;
      default: break;
    }
  }

  void gen(const Node& n) {
    switch (n.kind) {
      case NodeKind::kEmpty: break;
      case NodeKind::kChar:
      case NodeKind::kAny:
      case NodeKind::kClass: gen_single(n); break;
      case NodeKind::kAt: emit(Op::kAt, static_cast<int32_t>(n.at)); break;
      case NodeKind::kSeq:
        for (const NodePtr& k : n.kids) gen(*k);
        break;
      case NodeKind::kGroup:
        emit(Op::kSave, 2 * n.group);
        gen(*n.kids[0]);
        emit(Op::kSave, 2 * n.group + 1);
        break;
      case NodeKind::kAlt: gen_alt(n); break;
      case NodeKind::kRepeat: gen_repeat(n); break;
      case NodeKind::kBackref: emit(Op::kBackref, n.group, n.icase, 0, 0, n.ascii); break;
      case NodeKind::kSub: gen_sub(n); break;
      case NodeKind::kIf: gen_if(n); break;
    }
  }

  void gen_alt(const Node& n) {
    std::vector<int> jumps;
    for (size_t i = 0; i < n.kids.size(); ++i) {
      bool last = i + 1 == n.kids.size();
      int split = last ? -1 : emit(Op::kSplit);
      gen(*n.kids[i]);
      if (!last) {
        jumps.push_back(emit(Op::kJmp));
        at(split).a = here();
      }
    }
    for (int j : jumps) at(j).a = here();
  }

  void gen_repeat(const Node& n) {
    const Node& body = *n.kids[0];
    if (is_single_char(body)) {
      emit(Op::kSimple, static_cast<int32_t>(n.min), static_cast<int32_t>(n.max),
           static_cast<int32_t>(n.mode));
      gen_single(body);
      return;
    }
    if (n.mode == RepMode::kPossessive) {
      Node greedy(NodeKind::kRepeat);
      greedy.min = n.min;
      greedy.max = n.max;
      int sub = emit(Op::kSub, static_cast<int32_t>(SubKind::kAtomic));
      gen_loop(greedy, body);
      emit(Op::kSubEnd);
      at(sub).c = here();
      return;
    }
    if (n.min == 0 && n.max == 1) {
      int split = emit(n.mode == RepMode::kLazy ? Op::kSplitLazy : Op::kSplit);
      gen(body);
      at(split).a = here();
      return;
    }
    gen_loop(n, body);
  }

  void gen_loop(const Node& n, const Node& body) {
    int reg = prog_->registers++;
    emit(Op::kRepInit, reg);
    int loop = emit(Op::kRepLoop, reg, static_cast<int32_t>(n.min), static_cast<int32_t>(n.max), 0,
                    n.mode == RepMode::kLazy);
    emit(Op::kRepBody, reg, static_cast<int32_t>(n.min));
    gen(body);
    emit(Op::kRepNext, reg, loop);
    at(loop).d = here();
  }

  void gen_sub(const Node& n) {
    ssize_t width = n.sub == SubKind::kBehind || n.sub == SubKind::kNotBehind ? fixed_width(*n.kids[0]) : 0;
    int sub = emit(Op::kSub, static_cast<int32_t>(n.sub), static_cast<int32_t>(width));
    gen(*n.kids[0]);
    emit(Op::kSubEnd);
    at(sub).c = here();
  }

  void gen_if(const Node& n) {
    int test = emit(Op::kIfGroup, n.group);
    gen(*n.kids[0]);
    int jump = emit(Op::kJmp);
    at(test).b = here();
    gen(*n.kids[1]);
    at(jump).a = here();
  }
};

// The first instruction a match must pass through that tests one character,
// skipping group saves (for the search prefilter); -1 when none is certain.
int find_first(const Program& prog) {
  for (size_t pc = 0; pc < prog.code.size(); ++pc) {
    const Inst& in = prog.code[pc];
    switch (in.op) {
      case Op::kSave: continue;
      case Op::kChar:
      case Op::kCharIC:
      case Op::kClass:
        return static_cast<int>(pc);
      case Op::kSimple:
        return in.a >= 1 ? static_cast<int>(pc + 1) : -1;
      default: return -1;
    }
  }
  return -1;
}

void fill_bitmaps(Program* prog) {
  for (CharClass& cc : prog->classes) {
    for (uint32_t c = 0; c < 256; ++c) {
      if (cc.contains(c)) cc.low[c >> 6] |= uint64_t{1} << (c & 63);
    }
  }
}

}  // namespace

std::unique_ptr<Program> compile(const std::vector<uint32_t>& pattern, bool is_bytes,
                                 uint32_t flags, CompileError* err) {
  ParseResult parsed;
  if (!parse(pattern, is_bytes, flags, &parsed, err)) return nullptr;
  auto prog = std::make_unique<Program>();
  prog->classes = std::move(parsed.classes);
  prog->groups = parsed.groups;
  prog->flags = parsed.flags;
  prog->is_bytes = is_bytes;
  prog->group_names = std::move(parsed.group_names);
  fill_bitmaps(prog.get());
  Codegen gen(prog.get());
  gen.emit_tree(*parsed.root);
  prog->code.push_back(Inst{Op::kMatch});
  prog->first = find_first(*prog);
  const Inst& head = prog->code[0];
  prog->anchored_start = head.op == Op::kAt && static_cast<AtKind>(head.a) == AtKind::kBeginString;
  return prog;
}

}  // namespace conch::vm::re
