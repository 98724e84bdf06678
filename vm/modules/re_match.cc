// The backtracking matcher: one loop over the Program, with an explicit
// stack instead of recursion.
//
// Stack entries (Entry::kind)
//   kChoice        resume at pc a, position b
//   kUndoMark      marks[a] = b when backtracked over (captures)
//   kUndoLastIndex lastindex = b
//   kUndoCount     counts[a] = b          (loop registers)
//   kUndoLastPos   lastpos[a] = b
//   kGreedy        x* on one char: start b, c chars taken now; give one back
//   kLazy          x*? on one char: start b, c chars taken now; take one more
//   kBarrier       a lookaround/atomic group in progress: kSub at pc a,
//                  position b, c = index of the enclosing barrier
// Failing pops entries, applying undo records, until a choice resumes.  A
// sub-pattern (lookaround, atomic group) that succeeds drops the choices
// above its barrier but keeps their undo records (captures set inside a
// positive lookahead stay set, and are undone if we later backtrack past
// it); one that fails pops down to its barrier.
//
// Loop registers (x{m,n} over a non-trivial x): counts[r] = iterations
// done, lastpos[r] = where the current iteration began; an iteration that
// consumed nothing ends the loop (no infinite loops on (a?)*).
#include <algorithm>
#include <cstring>
#include <new>

#include "vm/modules/re_engine.h"

namespace conch::vm::re {

namespace {

enum EntryKind : uint8_t {
  kChoice,
  kUndoMark,
  kUndoLastIndex,
  kUndoCount,
  kUndoLastPos,
  kGreedy,
  kLazy,
  kBarrier,
};

struct Entry {
  EntryKind kind;
  int32_t a;
  ssize_t b;
  ssize_t c;
};

bool is_undo(EntryKind k) { return k >= kUndoMark && k <= kUndoLastPos; }

// Beyond this many entries (24 bytes each: 800 MB) the match gives up with
// MemoryError rather than exhaust a shared machine; (a|b)* takes about 7 per
// character, so subjects of millions of characters still match.
constexpr size_t kMaxStack = size_t{1} << 25;

// The matcher's buffers, kept per thread so a match allocates nothing once
// warm (a run never re-enters the engine: it calls no Python code).  A
// stack a pathological match grew past kKeepStack entries is released.
struct Scratch {
  std::vector<ssize_t> marks;
  std::vector<ssize_t> counts;
  std::vector<ssize_t> lastpos;
  std::vector<Entry> stack;
};
constexpr size_t kKeepStack = size_t{1} << 16;
thread_local Scratch t_scratch;

template <class C>
class Vm {
 public:
  Vm(const Program& prog, const C* s, ssize_t end, Scratch& scratch)
      : prog_(prog), code_(prog.code.data()), s_(s), end_(end), marks_(scratch.marks),
        counts_(scratch.counts), lastpos_(scratch.lastpos), stack_(scratch.stack) {
    marks_.assign(static_cast<size_t>(2 * (prog.groups + 1)), -1);
    counts_.assign(static_cast<size_t>(prog.registers), 0);
    lastpos_.assign(static_cast<size_t>(prog.registers), -1);
  }
  ~Vm() {
    if (stack_.capacity() > kKeepStack) std::vector<Entry>().swap(stack_);
  }

  // Tries one start position.  1 matched (match_end_ set), 0 not, -1 memory.
  int exec(ssize_t start, bool full, bool must_advance) {
    start_ = start;
    full_ = full;
    must_advance_ = must_advance;
    std::fill(marks_.begin(), marks_.end(), -1);
    lastindex_ = -1;
    stack_.clear();
    barrier_ = -1;
    return loop(start);
  }

  const std::vector<ssize_t>& marks() const { return marks_; }
  int lastindex() const { return lastindex_; }
  ssize_t match_start() const { return start_; }
  ssize_t match_end() const { return match_end_; }

  bool one(const Inst& m, uint32_t ch) const {
    switch (m.op) {
      case Op::kChar: return ch == static_cast<uint32_t>(m.a);
      case Op::kCharIC: return fold(ch, m.e != 0) == static_cast<uint32_t>(m.a);
      case Op::kAny: return ch != '\n';
      case Op::kAnyAll: return true;
      case Op::kClass: return prog_.classes[static_cast<size_t>(m.a)].test(ch);
      default: return false;
    }
  }

 private:
  const Program& prog_;
  const Inst* code_;
  const C* s_;
  ssize_t end_;
  ssize_t start_ = 0;
  bool full_ = false;
  bool must_advance_ = false;
  std::vector<ssize_t>& marks_;
  std::vector<ssize_t>& counts_;
  std::vector<ssize_t>& lastpos_;
  std::vector<Entry>& stack_;
  ssize_t barrier_ = -1;
  int lastindex_ = -1;
  ssize_t match_end_ = -1;

  uint32_t ch(ssize_t i) const { return static_cast<uint32_t>(s_[i]); }

  void push(EntryKind k, int32_t a, ssize_t b, ssize_t c = 0) { stack_.push_back(Entry{k, a, b, c}); }

  void undo(const Entry& e) {
    switch (e.kind) {
      case kUndoMark: marks_[static_cast<size_t>(e.a)] = e.b; break;
      case kUndoLastIndex: lastindex_ = static_cast<int>(e.b); break;
      case kUndoCount: counts_[static_cast<size_t>(e.a)] = e.b; break;
      case kUndoLastPos: lastpos_[static_cast<size_t>(e.a)] = e.b; break;
      default: break;
    }
  }

  bool at(AtKind k, ssize_t pos) const {
    switch (k) {
      case AtKind::kBeginString: return pos == 0;
      case AtKind::kBeginLine: return pos == 0 || ch(pos - 1) == '\n';
      case AtKind::kEnd: return pos == end_ || (pos == end_ - 1 && ch(pos) == '\n');
      case AtKind::kEndLine: return pos == end_ || ch(pos) == '\n';
      case AtKind::kEndString: return pos == end_;
      case AtKind::kBoundary:
      case AtKind::kNonBoundary:
      case AtKind::kBoundaryAscii:
      case AtKind::kNonBoundaryAscii: {
        if (end_ == 0) return false;
        bool ascii = k == AtKind::kBoundaryAscii || k == AtKind::kNonBoundaryAscii;
        bool before = pos > 0 && is_word(ch(pos - 1), ascii);
        bool after = pos < end_ && is_word(ch(pos), ascii);
        bool boundary = before != after;
        return (k == AtKind::kBoundary || k == AtKind::kBoundaryAscii) ? boundary : !boundary;
      }
    }
    return false;
  }

  void save(int slot, ssize_t pos) {
    push(kUndoMark, slot, marks_[static_cast<size_t>(slot)]);
    marks_[static_cast<size_t>(slot)] = pos;
    if (slot & 1) {
      push(kUndoLastIndex, 0, lastindex_);
      lastindex_ = slot / 2;
    }
  }

  // How many of the next chars (at most `limit`) the matcher accepts.
  ssize_t count(const Inst& m, ssize_t pos, ssize_t limit) const {
    if (m.op == Op::kAnyAll) return limit;
    ssize_t n = 0;
    if (m.op == Op::kChar) {
      auto c = static_cast<uint32_t>(m.a);
      while (n < limit && ch(pos + n) == c) ++n;
      return n;
    }
    while (n < limit && one(m, ch(pos + n))) ++n;
    return n;
  }

  bool backref(const Inst& in, ssize_t* pos) const {
    ssize_t b = marks_[static_cast<size_t>(2 * in.a)], e = marks_[static_cast<size_t>(2 * in.a + 1)];
    if (b < 0 || e < 0 || e < b) return false;
    ssize_t len = e - b;
    if (end_ - *pos < len) return false;
    bool ascii = in.e != 0;
    for (ssize_t i = 0; i < len; ++i) {
      uint32_t x = ch(b + i), y = ch(*pos + i);
      if (x != y && !(in.b && fold(x, ascii) == fold(y, ascii))) return false;
    }
    *pos += len;
    return true;
  }

  // kSimple: x{min,max} over a one-char matcher at pc+1.
  bool simple(int pc, ssize_t* pos) {
    const Inst& in = code_[pc];
    const Inst& m = code_[pc + 1];
    auto min = static_cast<ssize_t>(static_cast<uint32_t>(in.a));
    uint32_t max32 = static_cast<uint32_t>(in.b);
    ssize_t room = end_ - *pos;
    ssize_t limit = max32 == kMaxRepeat ? room : std::min<ssize_t>(room, max32);
    if (static_cast<RepMode>(in.c) == RepMode::kLazy) {
      if (min > limit || count(m, *pos, min) < min) return false;
      if (min < limit) push(kLazy, pc, *pos, min);
      *pos += min;
      return true;
    }
    ssize_t n = count(m, *pos, limit);
    if (n < min) return false;
    if (n > min && static_cast<RepMode>(in.c) == RepMode::kGreedy) push(kGreedy, pc, *pos, n);
    *pos += n;
    return true;
  }

  // Backtracking into a kGreedy entry (on top of the stack): give one char
  // back, skipping counts after which a following literal cannot match.
  bool retry_greedy(int* pc, ssize_t* pos) {
    Entry& e = stack_.back();
    const Inst& in = code_[e.a];
    auto min = static_cast<ssize_t>(static_cast<uint32_t>(in.a));
    ssize_t n = e.c - 1;
    const Inst& next = code_[e.a + 2];
    if (next.op == Op::kChar) {
      auto lit = static_cast<uint32_t>(next.a);
      while (n >= min && (e.b + n >= end_ || ch(e.b + n) != lit)) --n;
    }
    if (n < min) {
      stack_.pop_back();
      return false;
    }
    *pos = e.b + n;
    *pc = e.a + 2;
    if (n > min) {
      e.c = n;
    } else {
      stack_.pop_back();
    }
    return true;
  }

  bool retry_lazy(int* pc, ssize_t* pos) {
    Entry& e = stack_.back();
    const Inst& in = code_[e.a];
    uint32_t max32 = static_cast<uint32_t>(in.b);
    ssize_t p = e.b + e.c;
    if (p >= end_ || !one(code_[e.a + 1], ch(p))) {
      stack_.pop_back();
      return false;
    }
    ssize_t n = e.c + 1;
    *pos = p + 1;
    *pc = e.a + 2;
    if (max32 != kMaxRepeat && n >= static_cast<ssize_t>(max32)) {
      stack_.pop_back();
    } else {
      e.c = n;
    }
    return true;
  }

  // Pops until a choice resumes (true) or the stack is empty (false).
  bool backtrack(int* pc, ssize_t* pos) {
    while (!stack_.empty()) {
      Entry& e = stack_.back();
      switch (e.kind) {
        case kChoice:
          *pc = e.a;
          *pos = e.b;
          stack_.pop_back();
          return true;
        case kGreedy:
          if (retry_greedy(pc, pos)) return true;
          break;
        case kLazy:
          if (retry_lazy(pc, pos)) return true;
          break;
        case kBarrier: {
          Entry b = e;
          stack_.pop_back();
          barrier_ = b.c;
          auto kind = static_cast<SubKind>(code_[b.a].a);
          if (kind == SubKind::kNotAhead || kind == SubKind::kNotBehind) {
            *pc = code_[b.a].c;
            *pos = b.b;
            return true;
          }
          break;
        }
        default:
          undo(e);
          stack_.pop_back();
          break;
      }
    }
    return false;
  }

  // kSub: enter a lookaround or atomic group.  Returns false to fail now.
  bool enter_sub(int* pc, ssize_t* pos) {
    const Inst& in = code_[*pc];
    auto kind = static_cast<SubKind>(in.a);
    ssize_t width = in.b;
    bool behind = kind == SubKind::kBehind || kind == SubKind::kNotBehind;
    if (behind && *pos < width) {
      if (kind == SubKind::kBehind) return false;
      *pc = in.c;
      return true;
    }
    push(kBarrier, *pc, *pos, barrier_);
    barrier_ = static_cast<ssize_t>(stack_.size()) - 1;
    if (behind) *pos -= width;
    ++*pc;
    return true;
  }

  // kSubEnd: the sub-pattern matched.  Returns false to fail now.
  bool leave_sub(int* pc, ssize_t* pos) {
    Entry b = stack_[static_cast<size_t>(barrier_)];
    const Inst& in = code_[b.a];
    auto kind = static_cast<SubKind>(in.a);
    auto bottom = static_cast<size_t>(barrier_);
    if (kind == SubKind::kNotAhead || kind == SubKind::kNotBehind) {
      while (stack_.size() > bottom + 1) {
        undo(stack_.back());
        stack_.pop_back();
      }
      stack_.pop_back();
      barrier_ = b.c;
      return false;
    }
    size_t w = bottom;
    for (size_t i = bottom + 1; i < stack_.size(); ++i) {
      if (is_undo(stack_[i].kind)) stack_[w++] = stack_[i];
    }
    stack_.resize(w);
    barrier_ = b.c;
    if (kind != SubKind::kAtomic) *pos = b.b;
    *pc = in.c;
    return true;
  }

  bool rep_loop(int* pc, ssize_t pos) {
    const Inst& in = code_[*pc];
    auto r = static_cast<size_t>(in.a);
    ssize_t n = counts_[r];
    auto min = static_cast<ssize_t>(static_cast<uint32_t>(in.b));
    uint32_t max32 = static_cast<uint32_t>(in.c);
    if (n < min) {
      ++*pc;
      return true;
    }
    if ((max32 != kMaxRepeat && n >= static_cast<ssize_t>(max32)) || pos == lastpos_[r]) {
      *pc = in.d;
      return true;
    }
    if (in.e) {
      push(kChoice, *pc + 1, pos);
      *pc = in.d;
    } else {
      push(kChoice, in.d, pos);
      ++*pc;
    }
    return true;
  }

  bool accept(ssize_t pos) const {
    if (full_ && pos != end_) return false;
    if (must_advance_ && pos == start_) return false;
    return true;
  }

  int loop(ssize_t pos) {
    int pc = 0;
    for (;;) {
      if (stack_.size() > kMaxStack) return -1;
      const Inst& in = code_[pc];
      bool ok = true;
      switch (in.op) {
        case Op::kChar:
        case Op::kCharIC:
        case Op::kAny:
        case Op::kAnyAll:
        case Op::kClass:
          ok = pos < end_ && one(in, ch(pos));
          if (ok) {
            ++pos;
            ++pc;
          }
          break;
        case Op::kAt:
          ok = at(static_cast<AtKind>(in.a), pos);
          ++pc;
          break;
        case Op::kSplit:
          push(kChoice, in.a, pos);
          ++pc;
          break;
        case Op::kSplitLazy:
          push(kChoice, pc + 1, pos);
          pc = in.a;
          break;
        case Op::kJmp: pc = in.a; break;
        case Op::kSave:
          save(in.a, pos);
          ++pc;
          break;
        case Op::kBackref:
          ok = backref(in, &pos);
          ++pc;
          break;
        case Op::kRepInit: {
          auto r = static_cast<size_t>(in.a);
          push(kUndoCount, in.a, counts_[r]);
          push(kUndoLastPos, in.a, lastpos_[r]);
          counts_[r] = 0;
          lastpos_[r] = -1;
          ++pc;
          break;
        }
        case Op::kRepLoop: ok = rep_loop(&pc, pos); break;
        case Op::kRepBody: {
          // Only optional iterations record where they began (CPython's
          // last_ptr): a forced one may match empty and still be followed.
          auto r = static_cast<size_t>(in.a);
          if (counts_[r] >= static_cast<ssize_t>(static_cast<uint32_t>(in.b))) {
            push(kUndoLastPos, in.a, lastpos_[r]);
            lastpos_[r] = pos;
          }
          ++pc;
          break;
        }
        case Op::kRepNext: {
          auto r = static_cast<size_t>(in.a);
          push(kUndoCount, in.a, counts_[r]);
          ++counts_[r];
          pc = in.b;
          break;
        }
        case Op::kSimple:
          ok = simple(pc, &pos);
          pc += 2;
          break;
        case Op::kSub: ok = enter_sub(&pc, &pos); break;
        case Op::kSubEnd: ok = leave_sub(&pc, &pos); break;
        case Op::kIfGroup: {
          bool set = marks_[static_cast<size_t>(2 * in.a)] >= 0 && marks_[static_cast<size_t>(2 * in.a + 1)] >= 0;
          pc = set ? pc + 1 : in.b;
          break;
        }
        case Op::kMatch:
          ok = accept(pos);
          if (ok) {
            match_end_ = pos;
            return 1;
          }
          break;
      }
      if (!ok && !backtrack(&pc, &pos)) return 0;
    }
  }
};

// Next start position >= from where the first-character prefilter passes.
template <class C>
ssize_t next_candidate(const Vm<C>& vm, const Program& prog, const C* s, ssize_t from, ssize_t end) {
  const Inst& f = prog.code[static_cast<size_t>(prog.first)];
  if constexpr (sizeof(C) == 1) {
    if (f.op == Op::kChar) {
      if (f.a > 255 || from >= end) return -1;
      const void* hit = std::memchr(s + from, f.a, static_cast<size_t>(end - from));
      return hit == nullptr ? -1 : static_cast<const C*>(hit) - s;
    }
  }
  for (ssize_t i = from; i < end; ++i) {
    if (vm.one(f, static_cast<uint32_t>(s[i]))) return i;
  }
  return -1;
}

template <class C>
int run_on(const Program& prog, const C* s, ssize_t pos, ssize_t endpos, MatchMode mode,
           bool must_advance, std::vector<ssize_t>* marks, int* lastindex) {
  if (pos > endpos) return 0;
  Vm<C> vm(prog, s, endpos, t_scratch);
  int r = 0;
  if (mode != MatchMode::kSearch) {
    r = vm.exec(pos, mode == MatchMode::kFullMatch, must_advance);
  } else {
    for (ssize_t start = pos; start <= endpos; ++start) {
      if (prog.anchored_start && start > 0) break;
      if (prog.first >= 0) {
        start = next_candidate(vm, prog, s, start, endpos);
        if (start < 0) break;
      }
      r = vm.exec(start, false, must_advance && start == pos);
      if (r != 0) break;
    }
  }
  if (r != 1) return r;
  *marks = vm.marks();
  (*marks)[0] = vm.match_start();
  (*marks)[1] = vm.match_end();
  *lastindex = vm.lastindex();
  return 1;
}

}  // namespace

int run(const Program& prog, const Subject& s, ssize_t pos, ssize_t endpos, MatchMode mode,
        bool must_advance, std::vector<ssize_t>* marks, int* lastindex) {
  try {
    int r = s.narrow != nullptr ? run_on(prog, s.narrow, pos, endpos, mode, must_advance, marks, lastindex)
                                : run_on(prog, s.wide, pos, endpos, mode, must_advance, marks, lastindex);
    return r;
  } catch (const std::bad_alloc&) {
    return -1;
  }
}

}  // namespace conch::vm::re
