// Pattern syntax -> node tree, following CPython's sre_parse: the same
// grammar, the same error messages, the same error positions (the index of
// the construct's first character).  Errors unwind with a C++ exception
// internal to this file, caught in parse().
//
// Nesting depth is capped (kMaxNesting) so the recursive descent, the only
// recursion in the engine, is bounded by the pattern's shape, never by a
// subject.
#include <string>
#include <unordered_map>

#include "vm/modules/re_nodes.h"
#include "vm/types/unicode.h"

namespace conch::vm::re {

namespace {

constexpr uint32_t kNone = 0xFFFFFFFFu;

struct ParseFail {
  std::string message;
  ssize_t pos;
  int kind = 0;  // CompileError::kind
};

bool is_ascii_letter(uint32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(uint32_t c) { return c >= '0' && c <= '9'; }
bool is_oct_digit(uint32_t c) { return c >= '0' && c <= '7'; }
bool is_hex_digit(uint32_t c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
int hex_value(uint32_t c) {
  return is_ascii_digit(c) ? static_cast<int>(c - '0') : static_cast<int>((c | 0x20) - 'a' + 10);
}

uint32_t flag_of(uint32_t c) {
  switch (c) {
    case 'i': return kFlagIgnoreCase;
    case 'L': return kFlagLocale;
    case 'm': return kFlagMultiline;
    case 's': return kFlagDotAll;
    case 'x': return kFlagVerbose;
    case 'a': return kFlagAscii;
    case 't': return kFlagTemplate;
    case 'u': return kFlagUnicode;
    default: return 0;
  }
}

constexpr uint32_t kTypeFlags = kFlagAscii | kFlagLocale | kFlagUnicode;
constexpr uint32_t kGlobalFlags = kFlagDebug | kFlagTemplate;

std::string utf8_of(const std::vector<uint32_t>& p, size_t from, size_t to) {
  std::string s;
  for (size_t i = from; i < to && i < p.size(); ++i) unicode::utf8_append(&s, p[i]);
  return s;
}

std::string quoted(const std::string& s) {
  char q = s.find('\'') != std::string::npos && s.find('"') == std::string::npos ? '"' : '\'';
  return q + s + q;
}

bool is_identifier(const std::vector<uint32_t>& name) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    uint32_t c = name[i];
    bool ok = i == 0 ? (c == '_' || unicode::has(c, unicode::kPropXidStart))
                     : unicode::has(c, unicode::kPropXidContinue);
    if (!ok) return false;
  }
  return true;
}

class Parser {
 public:
  Parser(const std::vector<uint32_t>& p, bool is_bytes, uint32_t flags, ParseResult* out)
      : p_(p), bytes_(is_bytes), flags_(flags), out_(out) {}

  NodePtr run() {
    NodePtr root = parse_sub(flags_, 0);
    if (i_ < p_.size()) fail("unbalanced parenthesis", static_cast<ssize_t>(i_));
    for (const auto& [group, pos] : forward_refs_) {
      if (group >= groups_) fail("invalid group reference " + std::to_string(group), pos);
    }
    out_->groups = groups_ - 1;
    out_->flags = flags_;
    return root;
  }

 private:
  const std::vector<uint32_t>& p_;
  size_t i_ = 0;
  bool bytes_;
  uint32_t flags_;  // global flags, grown by (?x) at the start
  ParseResult* out_;
  int groups_ = 1;  // sre_parse's state.groups: next group number
  std::vector<bool> closed_{true};
  std::unordered_map<std::string, int> names_;
  int lookbehind_groups_ = -1;
  std::vector<std::pair<int, ssize_t>> forward_refs_;  // (?(n)...) before group n

  [[noreturn]] void fail(const std::string& msg, ssize_t pos) { throw ParseFail{msg, pos}; }
  uint32_t peek() const { return i_ < p_.size() ? p_[i_] : kNone; }
  uint32_t get() { return i_ < p_.size() ? p_[i_++] : kNone; }
  bool match(uint32_t c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  ssize_t tell() const { return static_cast<ssize_t>(i_); }
  std::string text(size_t from, size_t to) const { return utf8_of(p_, from, to); }

  static bool ascii_of(uint32_t fl, bool bytes) { return bytes || (fl & kFlagAscii) != 0; }

  NodePtr make(NodeKind k) { return std::make_unique<Node>(k); }

  // Alternation: branch ('|' branch)*.
  NodePtr parse_sub(uint32_t fl, int nested) {
    auto alt = make(NodeKind::kAlt);
    for (;;) {
      bool first = nested == 0 && alt->kids.empty();
      alt->kids.push_back(parse_branch(nested == 0 ? flags_ : fl, nested, first));
      if (!match('|')) break;
    }
    if (alt->kids.size() == 1) return std::move(alt->kids[0]);
    return alt;
  }

  // A sequence of items up to '|', ')' or the end.
  NodePtr parse_branch(uint32_t fl, int nested, bool first) {
    // CPython's parser recurses in Python and hits the recursion limit at a
    // depth of 400-500; so do we, before the C++ stack could suffer.
    if (nested > kMaxNesting) throw ParseFail{"maximum recursion depth exceeded", -1, 3};
    auto seq = make(NodeKind::kSeq);
    for (;;) {
      uint32_t c = peek();
      if (c == kNone || c == '|' || c == ')') break;
      size_t start = i_;
      get();
      if (fl & kFlagVerbose) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') continue;
        if (c == '#') {
          while (peek() != kNone && get() != '\n') {
          }
          continue;
        }
      }
      switch (c) {
        case '\\': seq->kids.push_back(parse_escape(fl, start)); break;
        case '[': seq->kids.push_back(parse_class(fl, start)); break;
        case '*': case '+': case '?': case '{':
          parse_repeat(seq.get(), c, start);
          break;
        case '.': {
          auto n = make(NodeKind::kAny);
          n->dotall = (fl & kFlagDotAll) != 0;
          seq->kids.push_back(std::move(n));
          break;
        }
        case '^': seq->kids.push_back(at((fl & kFlagMultiline) ? AtKind::kBeginLine : AtKind::kBeginString)); break;
        case '$': seq->kids.push_back(at((fl & kFlagMultiline) ? AtKind::kEndLine : AtKind::kEnd)); break;
        case '(': {
          NodePtr g = parse_group(&fl, nested, start, first && seq->kids.empty());
          if (g) seq->kids.push_back(std::move(g));
          break;
        }
        default: seq->kids.push_back(literal(c, fl)); break;
      }
    }
    return seq;
  }

  NodePtr at(AtKind k) {
    auto n = make(NodeKind::kAt);
    n->at = k;
    return n;
  }

  NodePtr literal(uint32_t c, uint32_t fl) {
    auto n = make(NodeKind::kChar);
    n->ch = c;
    n->icase = (fl & kFlagIgnoreCase) != 0;
    n->ascii = ascii_of(fl, bytes_);
    return n;
  }

  // ---- repeats ----------------------------------------------------------

  void parse_repeat(Node* seq, uint32_t c, size_t start) {
    uint32_t min = 0, max = kMaxRepeat;
    if (c == '?') max = 1;
    if (c == '+') min = 1;
    if (c == '{') {
      if (!parse_braces(&min, &max, start)) {
        seq->kids.push_back(literal('{', 0));  // not a repeat: a literal '{'
        i_ = start + 1;
        return;
      }
    }
    if (seq->kids.empty() || seq->kids.back()->kind == NodeKind::kAt) {
      fail("nothing to repeat", static_cast<ssize_t>(start));
    }
    if (seq->kids.back()->kind == NodeKind::kRepeat) fail("multiple repeat", static_cast<ssize_t>(start));
    auto rep = make(NodeKind::kRepeat);
    rep->min = min;
    rep->max = max;
    if (match('?')) {
      rep->mode = RepMode::kLazy;
    } else if (match('+')) {
      rep->mode = RepMode::kPossessive;
    }
    rep->kids.push_back(std::move(seq->kids.back()));
    seq->kids.back() = std::move(rep);
  }

  // {m,n} after the '{' at `start`; false when it is not a repeat (a literal '{').
  bool parse_braces(uint32_t* min, uint32_t* max, size_t start) {
    if (peek() == '}') return false;
    size_t lo_from = i_;
    while (is_ascii_digit(peek())) get();
    size_t lo_to = i_, hi_from = i_, hi_to = i_;
    bool comma = match(',');
    if (comma) {
      hi_from = i_;
      while (is_ascii_digit(peek())) get();
      hi_to = i_;
    }
    if (!match('}')) return false;
    auto number = [&](size_t a, size_t b) -> uint32_t {
      uint64_t v = 0;
      for (size_t k = a; k < b; ++k) {
        v = v * 10 + (p_[k] - '0');
        if (v >= kMaxRepeat) throw ParseFail{"the repetition number is too large", -1, 2};
      }
      return static_cast<uint32_t>(v);
    };
    if (lo_to > lo_from) *min = number(lo_from, lo_to);
    if (!comma) {
      *max = *min;
      if (lo_to == lo_from) return false;
    } else if (hi_to > hi_from) {
      *max = number(hi_from, hi_to);
      if (*max < *min) fail("min repeat greater than max repeat", static_cast<ssize_t>(start + 1));
    }
    return true;
  }

  // ---- escapes ------------------------------------------------------------

  // Reads exactly n hex digits of a \x \u \U escape starting at `start`.
  uint32_t hex_escape(size_t start, int n) {
    uint32_t v = 0;
    int got = 0;
    while (got < n && is_hex_digit(peek())) {
      v = v * 16 + static_cast<uint32_t>(hex_value(get()));
      ++got;
    }
    if (got != n) fail("incomplete escape " + text(start, i_), static_cast<ssize_t>(start));
    return v;
  }

  // The escapes classes and patterns share: \a \f \n \r \t \v \\ \x \u \U \0.
  // Returns kNone when `c` is not one of them.
  uint32_t common_escape(uint32_t c, size_t start) {
    switch (c) {
      case 'a': return 7;
      case 'f': return 12;
      case 'n': return 10;
      case 'r': return 13;
      case 't': return 9;
      case 'v': return 11;
      case '\\': return '\\';
      case 'x': return hex_escape(start, 2);
      case 'u':
        if (bytes_) return kNone;
        return hex_escape(start, 4);
      case 'U': {
        if (bytes_) return kNone;
        uint32_t v = hex_escape(start, 8);
        if (v > 0x10FFFF) fail("bad escape " + text(start, i_), static_cast<ssize_t>(start));
        return v;
      }
      case '0': {
        uint32_t v = 0;
        for (int k = 0; k < 2 && is_oct_digit(peek()); ++k) v = v * 8 + (get() - '0');
        return v;
      }
      default: return kNone;
    }
  }

  uint32_t escaped_char(size_t start) {
    uint32_t c = get();
    if (c == kNone) fail("bad escape (end of pattern)", static_cast<ssize_t>(start));
    return c;
  }

  NodePtr category_class(uint8_t cat, uint32_t fl) {
    CharClass cc;
    cc.categories = cat;
    cc.ascii = ascii_of(fl, bytes_);
    out_->classes.push_back(std::move(cc));
    auto n = make(NodeKind::kClass);
    n->cls = static_cast<int>(out_->classes.size()) - 1;
    return n;
  }

  NodePtr parse_escape(uint32_t fl, size_t start) {
    uint32_t c = escaped_char(start);
    bool ascii = ascii_of(fl, bytes_);
    switch (c) {
      case 'A': return at(AtKind::kBeginString);
      case 'Z': return at(AtKind::kEndString);
      case 'b': return at(ascii ? AtKind::kBoundaryAscii : AtKind::kBoundary);
      case 'B': return at(ascii ? AtKind::kNonBoundaryAscii : AtKind::kNonBoundary);
      case 'd': return category_class(kCatDigit, fl);
      case 'D': return category_class(kCatNotDigit, fl);
      case 's': return category_class(kCatSpace, fl);
      case 'S': return category_class(kCatNotSpace, fl);
      case 'w': return category_class(kCatWord, fl);
      case 'W': return category_class(kCatNotWord, fl);
      default: break;
    }
    uint32_t v = common_escape(c, start);
    if (v != kNone) return literal(v, fl);
    if (c >= '1' && c <= '9') return numeric_escape(c, fl, start);
    if (is_ascii_letter(c)) fail("bad escape " + text(start, i_), static_cast<ssize_t>(start));
    return literal(c, fl);
  }

  // \1..\99 (a group reference) or a three-digit octal escape.
  NodePtr numeric_escape(uint32_t c, uint32_t fl, size_t start) {
    uint32_t group = c - '0';
    if (is_ascii_digit(peek())) {
      uint32_t d = get();
      if (is_oct_digit(c) && is_oct_digit(d) && is_oct_digit(peek())) {
        uint32_t v = (c - '0') * 64 + (d - '0') * 8 + (get() - '0');
        if (v > 0377) {
          fail("octal escape value " + text(start, i_) + " outside of range 0-0o377",
               static_cast<ssize_t>(start));
        }
        return literal(v, fl);
      }
      group = group * 10 + (d - '0');
    }
    if (static_cast<int>(group) < groups_) {
      if (!closed_[group]) fail("cannot refer to an open group", static_cast<ssize_t>(start));
      check_lookbehind_group(static_cast<int>(group), start);
      return backref(static_cast<int>(group), fl);
    }
    fail("invalid group reference " + std::to_string(group), static_cast<ssize_t>(start + 1));
  }

  void check_lookbehind_group(int group, size_t start) {
    if (lookbehind_groups_ >= 0 && group >= lookbehind_groups_) {
      fail("cannot refer to group defined in the same lookbehind subpattern",
           static_cast<ssize_t>(start));
    }
  }

  NodePtr backref(int group, uint32_t fl) {
    auto n = make(NodeKind::kBackref);
    n->group = group;
    n->icase = (fl & kFlagIgnoreCase) != 0;
    n->ascii = ascii_of(fl, bytes_);
    return n;
  }

  // ---- character classes -------------------------------------------------

  // One class item: a literal (returns it) or a category (adds it to cc,
  // returns kNone).
  uint32_t class_item(uint32_t c, size_t start, CharClass* cc) {
    if (c != '\\') return c;
    c = escaped_char(start);
    switch (c) {
      case 'd': cc->categories |= kCatDigit; return kNone;
      case 'D': cc->categories |= kCatNotDigit; return kNone;
      case 's': cc->categories |= kCatSpace; return kNone;
      case 'S': cc->categories |= kCatNotSpace; return kNone;
      case 'w': cc->categories |= kCatWord; return kNone;
      case 'W': cc->categories |= kCatNotWord; return kNone;
      case 'b': return 8;
      default: break;
    }
    uint32_t v = common_escape(c, start);
    if (v != kNone) return v;
    if (is_oct_digit(c)) {
      v = c - '0';
      for (int k = 0; k < 2 && is_oct_digit(peek()); ++k) v = v * 8 + (get() - '0');
      if (v > 0377) {
        fail("octal escape value " + text(start, i_) + " outside of range 0-0o377",
             static_cast<ssize_t>(start));
      }
      return v;
    }
    if (is_ascii_letter(c) || is_ascii_digit(c)) {
      fail("bad escape " + text(start, i_), static_cast<ssize_t>(start));
    }
    return c;
  }

  NodePtr parse_class(uint32_t fl, size_t here) {
    CharClass cc;
    cc.negate = match('^');
    cc.ignore_case = (fl & kFlagIgnoreCase) != 0;
    cc.ascii = ascii_of(fl, bytes_);
    bool empty = true;
    for (;;) {
      size_t start1 = i_;
      uint32_t c = get();
      if (c == kNone) fail("unterminated character set", static_cast<ssize_t>(here));
      if (c == ']' && !empty) break;
      empty = false;
      uint8_t cats_before = cc.categories;
      uint32_t lo = class_item(c, start1, &cc);
      bool lo_is_cat = cc.categories != cats_before || lo == kNone;
      if (!match('-')) {
        if (lo != kNone) cc.ranges.emplace_back(lo, lo);
        continue;
      }
      size_t start2 = i_;
      uint32_t d = get();
      if (d == kNone) fail("unterminated character set", static_cast<ssize_t>(here));
      if (d == ']') {
        if (lo != kNone) cc.ranges.emplace_back(lo, lo);
        cc.ranges.emplace_back('-', '-');
        break;
      }
      uint8_t cats_mid = cc.categories;
      uint32_t hi = class_item(d, start2, &cc);
      bool hi_is_cat = cc.categories != cats_mid || hi == kNone;
      if (lo_is_cat || hi_is_cat || hi < lo) {
        fail("bad character range " + text(start1, start2 - 1) + "-" + text(start2, i_),
             static_cast<ssize_t>(start1));
      }
      cc.ranges.emplace_back(lo, hi);
    }
    // A one-character class is a literal (as sre_compile's optimizer does).
    if (!cc.negate && cc.categories == 0 && cc.ranges.size() == 1 &&
        cc.ranges[0].first == cc.ranges[0].second) {
      return literal(cc.ranges[0].first, fl);
    }
    out_->classes.push_back(std::move(cc));
    auto n = make(NodeKind::kClass);
    n->cls = static_cast<int>(out_->classes.size()) - 1;
    return n;
  }

  // ---- groups -------------------------------------------------------------

  // Reads a name up to `terminator` (sre_parse getuntil).
  std::vector<uint32_t> name_until(uint32_t terminator, const char* what) {
    std::vector<uint32_t> name;
    for (;;) {
      uint32_t c = get();
      if (c == kNone) {
        if (name.empty()) fail(std::string("missing ") + what, tell());
        fail(std::string("missing ") + static_cast<char>(terminator) + ", unterminated name",
             tell() - static_cast<ssize_t>(name.size()));
      }
      if (c == terminator) {
        if (name.empty()) fail(std::string("missing ") + what, tell() - 1);
        return name;
      }
      name.push_back(c);
    }
  }

  std::string name_text(const std::vector<uint32_t>& name) { return utf8_of(name, 0, name.size()); }

  void check_name(const std::vector<uint32_t>& name) {
    if (!is_identifier(name)) {
      fail("bad character in group name " + quoted(name_text(name)),
           tell() - static_cast<ssize_t>(name.size()) - 1);
    }
  }

  void missing_paren(size_t start) {
    if (!match(')')) fail("missing ), unterminated subpattern", static_cast<ssize_t>(start));
  }

  // After '(' at `start`.  Returns nullptr for a group that produces no
  // node (a comment, global flags).  *fl may change ((?x) at the start).
  NodePtr parse_group(uint32_t* fl, int nested, size_t start, bool first) {
    bool capture = true;
    bool atomic = false;
    std::vector<uint32_t> name;
    uint32_t add = 0, del = 0;
    if (match('?')) {
      uint32_t c = get();
      if (c == kNone) fail("unexpected end of pattern", tell());
      if (c == 'P') {
        if (match('<')) {
          name = name_until('>', "group name");
          check_name(name);
        } else if (match('=')) {
          name = name_until(')', "group name");
          check_name(name);
          auto it = names_.find(name_text(name));
          if (it == names_.end()) {
            fail("unknown group name " + quoted(name_text(name)),
                 tell() - static_cast<ssize_t>(name.size()) - 1);
          }
          if (!closed_[it->second]) {
            fail("cannot refer to an open group", tell() - static_cast<ssize_t>(name.size()) - 1);
          }
          check_lookbehind_group(it->second, start);
          return backref(it->second, *fl);
        } else {
          uint32_t d = get();
          if (d == kNone) fail("unexpected end of pattern", tell());
          fail("unknown extension ?P" + text(i_ - 1, i_), tell() - 3);
        }
      } else if (c == ':') {
        capture = false;
      } else if (c == '#') {
        for (;;) {
          if (peek() == kNone) fail("missing ), unterminated comment", static_cast<ssize_t>(start));
          if (get() == ')') return nullptr;
        }
      } else if (c == '=' || c == '!' || c == '<') {
        return parse_lookaround(c, *fl, nested, start);
      } else if (c == '(') {
        return parse_conditional(*fl, nested, start);
      } else if (c == '>') {
        capture = false;
        atomic = true;
      } else if (flag_of(c) != 0 || c == '-') {
        if (!parse_flags(c, &add, &del)) {
          if (!first) {
            fail("global flags not at the start of the expression", static_cast<ssize_t>(start));
          }
          flags_ |= add;
          *fl |= add;
          return nullptr;
        }
        capture = false;
      } else {
        fail("unknown extension ?" + text(i_ - 1, i_), tell() - 2);
      }
    }
    int group = -1;
    if (capture) group = open_group(name);
    uint32_t sub_fl = (*fl | add) & ~del;
    if (add & kFlagAscii) sub_fl &= ~kFlagUnicode;
    if (add & kFlagUnicode) sub_fl &= ~kFlagAscii;
    NodePtr body = parse_sub(sub_fl, nested + 1);
    missing_paren(start);
    NodePtr n;
    if (group >= 0) {
      closed_[group] = true;
      n = make(NodeKind::kGroup);
      n->group = group;
    } else if (atomic) {
      n = make(NodeKind::kSub);
      n->sub = SubKind::kAtomic;
    } else {
      n = make(NodeKind::kSeq);  // a non-capturing group: "(?:a*)*" is no multiple repeat
    }
    n->kids.push_back(std::move(body));
    return n;
  }

  int open_group(const std::vector<uint32_t>& name) {
    int gid = groups_++;
    closed_.push_back(false);
    if (!name.empty()) {
      std::string key = name_text(name);
      auto it = names_.find(key);
      if (it != names_.end()) {
        fail("redefinition of group name " + quoted(key) + " as group " + std::to_string(gid) +
                 "; was group " + std::to_string(it->second),
             tell() - static_cast<ssize_t>(name.size()) - 1);
      }
      names_.emplace(key, gid);
      out_->group_names.emplace_back(key, gid);
    }
    return gid;
  }

  NodePtr parse_lookaround(uint32_t c, uint32_t fl, int nested, size_t start) {
    bool behind = false;
    int saved_lookbehind = lookbehind_groups_;
    if (c == '<') {
      c = get();
      if (c == kNone) fail("unexpected end of pattern", tell());
      if (c != '=' && c != '!') fail("unknown extension ?<" + text(i_ - 1, i_), tell() - 3);
      behind = true;
      if (lookbehind_groups_ < 0) lookbehind_groups_ = groups_;
    }
    NodePtr body = parse_sub(fl, nested + 1);
    if (behind) lookbehind_groups_ = saved_lookbehind;
    missing_paren(start);
    auto n = make(NodeKind::kSub);
    if (behind) {
      if (fixed_width(*body) < 0) fail("look-behind requires fixed-width pattern", -1);
      n->sub = c == '=' ? SubKind::kBehind : SubKind::kNotBehind;
    } else {
      n->sub = c == '=' ? SubKind::kAhead : SubKind::kNotAhead;
    }
    n->kids.push_back(std::move(body));
    return n;
  }

  NodePtr parse_conditional(uint32_t fl, int nested, size_t start) {
    std::vector<uint32_t> name = name_until(')', "group name");
    ssize_t name_pos = tell() - static_cast<ssize_t>(name.size()) - 1;
    int group = 0;
    if (is_identifier(name)) {
      auto it = names_.find(name_text(name));
      if (it == names_.end()) fail("unknown group name " + quoted(name_text(name)), name_pos);
      group = it->second;
    } else {
      uint64_t v = 0;
      for (uint32_t d : name) {
        if (!is_ascii_digit(d)) fail("bad character in group name " + quoted(name_text(name)), name_pos);
        v = v * 10 + (d - '0');
        if (v > 1000000) break;
      }
      if (v == 0) fail("bad group number", name_pos);
      if (v >= 100) fail("invalid group reference " + std::to_string(v), name_pos);
      group = static_cast<int>(v);
      // A later group may be named: checked once the whole pattern is read.
      if (group >= groups_) forward_refs_.emplace_back(group, name_pos);
    }
    auto n = make(NodeKind::kIf);
    n->group = group;
    n->kids.push_back(parse_branch(fl, nested + 1, false));
    if (match('|')) {
      n->kids.push_back(parse_branch(fl, nested + 1, false));
      if (peek() == '|') fail("conditional backref with more than two branches", tell());
    } else {
      n->kids.push_back(make(NodeKind::kEmpty));
    }
    missing_paren(start);
    return n;
  }

  // sre_parse._parse_flags, with `c` the first flag character read.  Returns
  // false for global flags "(?imsx)", true for scoped "(?i-m:...)".
  bool parse_flags(uint32_t c, uint32_t* add, uint32_t* del) {
    if (c != '-') {
      for (;;) {
        uint32_t f = flag_of(c);
        if (!bytes_ && c == 'L') fail("bad inline flags: cannot use 'L' flag with a str pattern", tell());
        if (bytes_ && c == 'u') fail("bad inline flags: cannot use 'u' flag with a bytes pattern", tell());
        *add |= f;
        if ((f & kTypeFlags) && (*add & kTypeFlags) != f) {
          fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible", tell());
        }
        c = get();
        if (c == kNone) fail("missing -, : or )", tell());
        if (c == ')' || c == '-' || c == ':') break;
        if (flag_of(c) == 0) {
          bool alpha = unicode::has(c, unicode::kPropAlpha);
          fail(alpha ? "unknown flag" : "missing -, : or )", tell() - 1);
        }
      }
    }
    if (c == ')') return false;
    if (*add & kGlobalFlags) fail("bad inline flags: cannot turn on global flag", tell() - 1);
    if (c == '-') {
      c = get();
      if (c == kNone) fail("missing flag", tell());
      if (flag_of(c) == 0) {
        bool alpha = unicode::has(c, unicode::kPropAlpha);
        fail(alpha ? "unknown flag" : "missing flag", tell() - 1);
      }
      for (;;) {
        uint32_t f = flag_of(c);
        if (f & kTypeFlags) fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", tell());
        *del |= f;
        c = get();
        if (c == kNone) fail("missing :", tell());
        if (c == ':') break;
        if (flag_of(c) == 0) {
          bool alpha = unicode::has(c, unicode::kPropAlpha);
          fail(alpha ? "unknown flag" : "missing :", tell() - 1);
        }
      }
    }
    if (*del & kGlobalFlags) fail("bad inline flags: cannot turn off global flag", tell() - 1);
    if (*add & *del) fail("bad inline flags: flag turned on and off", tell() - 1);
    return true;
  }
};

// sre_parse.fix_flags: the type flag a pattern ends up with.
uint32_t fix_flags(uint32_t flags, bool is_bytes) {
  if (!is_bytes) {
    if (flags & kFlagLocale) throw ParseFail{"cannot use LOCALE flag with a str pattern", -1, 1};
    if (!(flags & kFlagAscii)) return flags | kFlagUnicode;
    if (flags & kFlagUnicode) throw ParseFail{"ASCII and UNICODE flags are incompatible", -1, 1};
    return flags;
  }
  if (flags & kFlagUnicode) throw ParseFail{"cannot use UNICODE flag with a bytes pattern", -1, 1};
  if ((flags & kFlagLocale) && (flags & kFlagAscii)) {
    throw ParseFail{"ASCII and LOCALE flags are incompatible", -1, 1};
  }
  return flags;
}

}  // namespace

ssize_t fixed_width(const Node& n) {
  switch (n.kind) {
    case NodeKind::kEmpty:
    case NodeKind::kAt:
    case NodeKind::kSub:
      return 0;
    case NodeKind::kChar:
    case NodeKind::kAny:
    case NodeKind::kClass:
      return 1;
    case NodeKind::kGroup:
      return fixed_width(*n.kids[0]);
    case NodeKind::kSeq: {
      ssize_t total = 0;
      for (const NodePtr& k : n.kids) {
        ssize_t w = fixed_width(*k);
        if (w < 0) return -1;
        total += w;
      }
      return total;
    }
    case NodeKind::kAlt:
    case NodeKind::kIf: {
      ssize_t w0 = -2;
      for (const NodePtr& k : n.kids) {
        ssize_t w = fixed_width(*k);
        if (w < 0 || (w0 != -2 && w != w0)) return -1;
        w0 = w;
      }
      return w0 < 0 ? 0 : w0;
    }
    case NodeKind::kRepeat: {
      if (n.min != n.max) return -1;
      ssize_t w = fixed_width(*n.kids[0]);
      return w < 0 ? -1 : w * static_cast<ssize_t>(n.min);
    }
    case NodeKind::kBackref:
      return -1;
  }
  return -1;
}

bool parse(const std::vector<uint32_t>& pattern, bool is_bytes, uint32_t flags,
           ParseResult* out, CompileError* err) {
  try {
    Parser parser(pattern, is_bytes, flags, out);
    out->root = parser.run();
    out->flags = fix_flags(out->flags, is_bytes);
    return true;
  } catch (const ParseFail& f) {
    err->message = f.message;
    err->pos = f.pos;
    err->kind = f.kind;
    return false;
  }
}

}  // namespace conch::vm::re
