// _conch_sre: the C++ core under vm/lib/re.py.
//
// Why the split: the engine (parse, compile, match: re_parse/compile/match.cc)
// is where the time goes and lives in C++; the API surface (Pattern and
// Match objects, sub/split/findall semantics, the cache, re.error) is large,
// fussy and cold, and reads best as Python, as CPython's own Lib/re does.
// The boundary is two calls that each cost one subject conversion:
//   Program.match(string, pos, endpos, mode, must_advance) -> marks | None
//   Program.scan(string, pos, endpos, limit) -> [marks, ...]
// where marks = (lastindex, start0, end0, start1, end1, ...), -1 for unset,
// so split/finditer make one call per string, not per match; findall and
// sub with a string template go further (Program.findall, Program.subn)
// and build their result here, with no Python code per match.
//
// compile(pattern, flags) returns a Program, or a tuple (message, position,
// kind) that re.py raises as re.error / ValueError / OverflowError.
//
// Thread safety: a Program is immutable (fields written once in compile,
// before the object is published); match state is per call.  Subjects are
// str/bytes (immutable) or a bytearray snapshot copied first.
#include <string>
#include <vector>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/modules/re_engine.h"
#include "vm/modules/stdlib.h"
#include "vm/types.h"
#include "vm/types/bytearray.h"
#include "vm/types/str.h"
#include "vm/types/unicode.h"

namespace conch::vm {

namespace {

Type kProgramType;

struct ProgramObject : Object {
  re::Program* prog;
};

const re::Program& prog_of(Object* o) { return *static_cast<ProgramObject*>(o)->prog; }

void program_dealloc(Object* o) {
  delete static_cast<ProgramObject*>(o)->prog;
  generic_free(o);
}

// Code points of a str (UTF-8 decoded) or bytes-like object.
bool code_points(Object* o, bool* is_bytes, std::vector<uint32_t>* out) {
  if (str_check(o)) {
    *is_bytes = false;
    std::string_view v = str_view(o);
    out->reserve(v.size());
    for (size_t i = 0; i < v.size();) {
      int len = 1;
      out->push_back(unicode::utf8_decode(v.data() + i, &len));
      i += static_cast<size_t>(len);
    }
    return true;
  }
  std::string snap;
  if (bytes_check(o)) {
    snap = std::string(bytes_view(o));
  } else if (bytearray_check(o)) {
    bytearray_snapshot(o, &snap);
  } else {
    return false;
  }
  *is_bytes = true;
  for (unsigned char c : snap) out->push_back(c);
  return true;
}

Object* error_tuple(const re::CompileError& err) {
  Ref<> msg = steal(str_from(err.message));
  if (!msg) return nullptr;
  Ref<> pos = steal(err.pos >= 0 ? int_from_i64(err.pos) : new_none());
  if (!pos) return nullptr;
  Ref<> t = steal(tuple_new(3));
  if (!t) return nullptr;
  tuple_init_item(t.get(), 0, msg.release());
  tuple_init_item(t.get(), 1, pos.release());
  tuple_init_item(t.get(), 2, int_from_i64(err.kind));
  return t.release();
}

Object* sre_compile(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("compile", nargs, 2, 2, kwnames)) return nullptr;
  bool is_bytes = false;
  std::vector<uint32_t> pattern;
  if (!code_points(args[0], &is_bytes, &pattern)) {
    set_error(&kTypeErrorType, "first argument must be string or compiled pattern");
    return nullptr;
  }
  ssize_t flags = index_as_ssize(args[1]);
  if (flags == -1 && has_error()) return nullptr;
  re::CompileError err;
  std::unique_ptr<re::Program> prog = re::compile(pattern, is_bytes, static_cast<uint32_t>(flags), &err);
  if (!prog) return error_tuple(err);
  Ref<> self = steal(generic_alloc(&kProgramType, 0));
  if (!self) return nullptr;
  static_cast<ProgramObject*>(self.get())->prog = prog.release();
  return self.release();
}

// A subject prepared for the engine: narrow bytes, or decoded code points.
struct PreparedSubject {
  re::Subject subject;
  std::vector<uint32_t> wide;
  std::string bytes;  // bytearray snapshot
};

bool prepare(const re::Program& prog, Object* o, PreparedSubject* out) {
  static const uint8_t kEmpty = 0;
  if (str_check(o)) {
    if (prog.is_bytes) {
      set_error(&kTypeErrorType, "cannot use a bytes pattern on a string-like object");
      return false;
    }
    const StrObject* s = as_str(o);
    out->subject.length = s->length;
    if (s->ascii) {
      out->subject.narrow = s->nbytes == 0 ? &kEmpty : reinterpret_cast<const uint8_t*>(s->data);
      return true;
    }
    bool unused = false;
    code_points(o, &unused, &out->wide);
    out->subject.wide = out->wide.data();
    return true;
  }
  if (bytes_check(o) || bytearray_check(o)) {
    if (!prog.is_bytes) {
      set_error(&kTypeErrorType, "cannot use a string pattern on a bytes-like object");
      return false;
    }
    if (bytes_check(o)) {
      std::string_view v = bytes_view(o);
      out->subject.narrow = v.empty() ? &kEmpty : reinterpret_cast<const uint8_t*>(v.data());
      out->subject.length = static_cast<ssize_t>(v.size());
    } else {
      bytearray_snapshot(o, &out->bytes);
      out->subject.narrow = out->bytes.empty() ? &kEmpty : reinterpret_cast<const uint8_t*>(out->bytes.data());
      out->subject.length = static_cast<ssize_t>(out->bytes.size());
    }
    return true;
  }
  set_error_fmt(&kTypeErrorType, "expected string or bytes-like object, got '%s'", o->type->name);
  return false;
}

bool clamp_arg(Object* o, ssize_t length, ssize_t* out) {
  ssize_t v = index_as_ssize(o);
  if (v == -1 && has_error()) return false;
  *out = v < 0 ? 0 : v > length ? length : v;
  return true;
}

Object* marks_tuple(const std::vector<re::ssize_t>& marks, int lastindex) {
  Ref<> t = steal(tuple_new(static_cast<ssize_t>(marks.size()) + 1));
  if (!t) return nullptr;
  for (ssize_t i = 0; i <= static_cast<ssize_t>(marks.size()); ++i) tuple_init_item(t.get(), i, nullptr);
  Object* li = int_from_i64(lastindex);
  if (li == nullptr) return nullptr;
  tuple_init_item(t.get(), 0, li);
  for (size_t i = 0; i < marks.size(); ++i) {
    Object* v = int_from_i64(marks[i]);
    if (v == nullptr) return nullptr;
    tuple_init_item(t.get(), static_cast<ssize_t>(i) + 1, v);
  }
  return t.release();
}

void memory_error() { set_error(&kMemoryErrorType, "regular expression backtracking stack exhausted"); }

Object* program_match(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("match", nargs, 5, 5, kwnames)) return nullptr;
  const re::Program& prog = prog_of(self);
  PreparedSubject ps;
  if (!prepare(prog, args[0], &ps)) return nullptr;
  ssize_t pos = 0, endpos = 0, mode = 0;
  if (!clamp_arg(args[1], ps.subject.length, &pos)) return nullptr;
  if (!clamp_arg(args[2], ps.subject.length, &endpos)) return nullptr;
  if (!clamp_arg(args[3], 2, &mode)) return nullptr;
  int must_advance = is_true(args[4]);
  if (must_advance < 0) return nullptr;
  std::vector<re::ssize_t> marks;
  int lastindex = -1;
  int r = re::run(prog, ps.subject, pos, endpos, static_cast<re::MatchMode>(mode), must_advance != 0,
                  &marks, &lastindex);
  if (r < 0) {
    memory_error();
    return nullptr;
  }
  if (r == 0) return new_none();
  return marks_tuple(marks, lastindex);
}

Object* program_scan(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("scan", nargs, 4, 4, kwnames)) return nullptr;
  const re::Program& prog = prog_of(self);
  PreparedSubject ps;
  if (!prepare(prog, args[0], &ps)) return nullptr;
  ssize_t pos = 0, endpos = 0;
  if (!clamp_arg(args[1], ps.subject.length, &pos)) return nullptr;
  if (!clamp_arg(args[2], ps.subject.length, &endpos)) return nullptr;
  ssize_t limit = index_as_ssize(args[3]);
  if (limit == -1 && has_error()) return nullptr;
  Ref<> out = steal(list_new(0));
  if (!out) return nullptr;
  std::vector<re::ssize_t> marks;
  bool must_advance = false;
  for (ssize_t n = 0; pos <= endpos && (limit <= 0 || n < limit); ++n) {
    int lastindex = -1;
    int r = re::run(prog, ps.subject, pos, endpos, re::MatchMode::kSearch, must_advance, &marks, &lastindex);
    if (r < 0) {
      memory_error();
      return nullptr;
    }
    if (r == 0) break;
    Ref<> t = steal(marks_tuple(marks, lastindex));
    if (!t || list_append(out.get(), t.get()) < 0) return nullptr;
    must_advance = marks[1] == marks[0];
    pos = marks[1];
  }
  return out.release();
}

// A slice [s, e) of a str or bytes subject by code point index; the empty
// str/bytes for an unset group.
Object* subject_slice(Object* subject, ssize_t s, ssize_t e) {
  bool is_str = str_check(subject);
  if (s < 0 || e < 0 || e <= s) return is_str ? new_ref(str_empty()) : bytes_from("");
  if (is_str) return str_substr(subject, s, e);
  return bytes_from(bytes_view(subject).substr(static_cast<size_t>(s), static_cast<size_t>(e - s)));
}

// Successive non-overlapping searches (CPython's rule: after an empty match
// the next one may not be empty at the same place), calling on_match(marks,
// lastindex) for each until it returns false or `limit` matches (<= 0: no
// limit).  Returns the count, or -1 with MemoryError set.
template <class F>
ssize_t for_each_match(const re::Program& prog, const re::Subject& subject, ssize_t pos, ssize_t endpos,
                       ssize_t limit, F on_match) {
  std::vector<re::ssize_t> marks;
  bool must_advance = false;
  ssize_t n = 0;
  while (pos <= endpos && (limit <= 0 || n < limit)) {
    int lastindex = -1;
    int r = re::run(prog, subject, pos, endpos, re::MatchMode::kSearch, must_advance, &marks, &lastindex);
    if (r < 0) {
      memory_error();
      return -1;
    }
    if (r == 0) break;
    ++n;
    if (!on_match(marks, lastindex)) return -1;
    must_advance = marks[1] == marks[0];
    pos = marks[1];
  }
  return n;
}

// findall(string, pos, endpos): CPython's findall result, built here so the
// per-match work is not Python code.  The subject must be str or bytes.
Object* program_findall(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("findall", nargs, 3, 3, kwnames)) return nullptr;
  const re::Program& prog = prog_of(self);
  PreparedSubject ps;
  if (!prepare(prog, args[0], &ps)) return nullptr;
  ssize_t pos = 0, endpos = 0;
  if (!clamp_arg(args[1], ps.subject.length, &pos)) return nullptr;
  if (!clamp_arg(args[2], ps.subject.length, &endpos)) return nullptr;
  Ref<> out = steal(list_new(0));
  if (!out) return nullptr;
  Object* subject = args[0];
  int groups = prog.groups;
  auto add = [&](const std::vector<re::ssize_t>& m, int) -> bool {
    Ref<> item;
    if (groups <= 1) {
      int g = groups;
      item = steal(subject_slice(subject, m[2 * g], m[2 * g + 1]));
    } else {
      item = steal(tuple_new(groups));
      if (!item) return false;
      for (int g = 1; g <= groups; ++g) tuple_init_item(item.get(), g - 1, nullptr);
      for (int g = 1; g <= groups; ++g) {
        Object* v = subject_slice(subject, m[2 * g], m[2 * g + 1]);
        if (v == nullptr) return false;
        tuple_init_item(item.get(), g - 1, v);
      }
    }
    return item && list_append(out.get(), item.get()) == 0;
  };
  if (for_each_match(prog, ps.subject, pos, endpos, 0, add) < 0) return nullptr;
  return out.release();
}

// The UTF-8 (str) or raw (bytes) text of subject[s, e).
std::string_view subject_text(Object* subject, ssize_t s, ssize_t e) {
  if (str_check(subject)) {
    const StrObject* so = as_str(subject);
    std::string_view all = str_view(subject);
    if (so->ascii) return all.substr(static_cast<size_t>(s), static_cast<size_t>(e - s));
    ssize_t b = str_byte_offset(subject, s), c = str_byte_offset(subject, e);
    return all.substr(static_cast<size_t>(b), static_cast<size_t>(c - b));
  }
  return bytes_view(subject).substr(static_cast<size_t>(s), static_cast<size_t>(e - s));
}

// subn(template, string, count) -> (result, n) for a parsed replacement
// template: a tuple of literal pieces (str/bytes) and group numbers (int).
Object* program_subn(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("subn", nargs, 3, 3, kwnames)) return nullptr;
  const re::Program& prog = prog_of(self);
  Object* tmpl = args[0];
  Object* subject = args[1];
  if (!tuple_check(tmpl)) {
    set_error(&kTypeErrorType, "subn() template must be a tuple");
    return nullptr;
  }
  PreparedSubject ps;
  if (!prepare(prog, subject, &ps)) return nullptr;
  ssize_t count = index_as_ssize(args[2]);
  if (count == -1 && has_error()) return nullptr;
  bool is_str = str_check(subject);
  std::string out;
  ssize_t last = 0;
  ssize_t items = tuple_size(tmpl);
  auto add = [&](const std::vector<re::ssize_t>& m, int) -> bool {
    out.append(subject_text(subject, last, m[0]));
    for (ssize_t i = 0; i < items; ++i) {
      Object* piece = tuple_get(tmpl, i);
      if (int_check(piece)) {
        int64_t g = 0;
        if (!int_to_i64(piece, &g) || g < 0 || g > prog.groups) {
          set_error(&kIndexErrorType, "no such group");
          return false;
        }
        ssize_t s = m[static_cast<size_t>(2 * g)], e = m[static_cast<size_t>(2 * g + 1)];
        if (s >= 0 && e > s) out.append(subject_text(subject, s, e));
      } else if (is_str ? str_check(piece) : bytes_check(piece)) {
        out.append(is_str ? str_view(piece) : bytes_view(piece));
      } else {
        set_error(&kTypeErrorType, "subn() template piece has the wrong type");
        return false;
      }
    }
    last = m[1];
    return true;
  };
  ssize_t n = for_each_match(prog, ps.subject, 0, ps.subject.length, count, add);
  if (n < 0) return nullptr;
  out.append(subject_text(subject, last, ps.subject.length));
  Ref<> result = steal(is_str ? str_from(out) : bytes_from(out));
  Ref<> num = steal(int_from_i64(n));
  if (!result || !num) return nullptr;
  Ref<> t = steal(tuple_new(2));
  if (!t) return nullptr;
  tuple_init_item(t.get(), 0, result.release());
  tuple_init_item(t.get(), 1, num.release());
  return t.release();
}

Object* program_groups(Object* self) { return int_from_i64(prog_of(self).groups); }
Object* program_flags(Object* self) { return int_from_i64(prog_of(self).flags); }

Object* program_groupnames(Object* self) {
  const auto& names = prog_of(self).group_names;
  Ref<> t = steal(tuple_new(static_cast<ssize_t>(names.size())));
  if (!t) return nullptr;
  for (size_t i = 0; i < names.size(); ++i) tuple_init_item(t.get(), static_cast<ssize_t>(i), nullptr);
  for (size_t i = 0; i < names.size(); ++i) {
    Ref<> name = steal(str_from(names[i].first));
    Ref<> idx = steal(int_from_i64(names[i].second));
    if (!name || !idx) return nullptr;
    Ref<> pair = steal(tuple_new(2));
    if (!pair) return nullptr;
    tuple_init_item(pair.get(), 0, name.release());
    tuple_init_item(pair.get(), 1, idx.release());
    tuple_init_item(t.get(), static_cast<ssize_t>(i), pair.release());
  }
  return t.release();
}

const MethodDef kProgramMethods[] = {
    {"match", program_match, kMethodDefault,
     "match(string, pos, endpos, mode, must_advance) -> marks tuple or None"},
    {"findall", program_findall, kMethodDefault,
     "findall(string, pos, endpos) -> list, as Pattern.findall (str or bytes subject)"},
    {"subn", program_subn, kMethodDefault,
     "subn(template, string, count) -> (new_string, n); template: tuple of pieces and group numbers"},
    {"scan", program_scan, kMethodDefault,
     "scan(string, pos, endpos, limit) -> list of marks tuples of successive searches"},
    {nullptr, nullptr, 0, nullptr},
};

const GetSetDef kProgramGetSets[] = {
    {"groups", program_groups, nullptr, "number of capturing groups"},
    {"flags", program_flags, nullptr, "final flags, inline flags included"},
    {"groupnames", program_groupnames, nullptr, "((name, index), ...)"},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kFunctions[] = {
    {"compile", sre_compile, kMethodDefault,
     "compile(pattern, flags) -> Program, or (message, position, kind)"},
    {nullptr, nullptr, 0, nullptr},
};

void init_program_type() {
  static bool done = false;
  if (done) return;
  done = true;
  Type* t = &kProgramType;
  init_static_type(t, "_conch_sre.Program", sizeof(ProgramObject));
  t->doc = "A compiled regular expression program (immutable).";
  t->methods = kProgramMethods;
  t->getsets = kProgramGetSets;
  t->dealloc = program_dealloc;
  type_ready(t);
}

}  // namespace

Object* init_conch_sre_module() {
  init_program_type();
  Ref<> m = steal(module_new("_conch_sre"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kFunctions) < 0) return nullptr;
  if (module_add_object(m.get(), "Program", &kProgramType) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
