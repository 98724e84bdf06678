// Traceback objects and CPython 3.11's text for an uncaught exception.
//
// A traceback is a linked list, newest frame FIRST as it is built: the eval
// loop prepends an entry (traceback_add) as the exception leaves each frame,
// so the head is the outermost frame and printing head-to-tail gives "most
// recent call last".  Code objects are read through the object protocol
// (co_filename, co_name) so this file does not depend on their layout.
//
// The last line carries CPython 3.11's "Did you mean" suggestion for an
// AttributeError or NameError (vm/suggestions.h).  For NameError it needs
// the scope the name was looked up in: the innermost entry of a NameError's
// traceback (the first one added) keeps that frame's globals and builtins.
#include <unistd.h>

#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/exceptions.h"
#include "vm/eval/frame.h"
#include "vm/runtime.h"
#include "vm/suggestions.h"
#include "vm/thread_state.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {

Type kTracebackType;

namespace {

struct Traceback : Object {
  Object* next;  // owned, nullable
  Object* code;  // owned
  Object* globals;   // owned, nullable: only a NameError's innermost entry
  Object* builtins;  // owned, nullable: likewise
  int lineno;
};

Traceback* as_tb(Object* o) { return static_cast<Traceback*>(o); }

void tb_dealloc(Object* o) {
  // Iterative, so a 10000-frame RecursionError traceback cannot overflow
  // the C++ stack while it is freed.
  while (o != nullptr) {
    Traceback* t = as_tb(o);
    Object* next = t->next;
    t->next = nullptr;
    clear_slot(&t->code);
    clear_slot(&t->globals);
    clear_slot(&t->builtins);
    generic_free(o);
    if (next == nullptr || !gc::release(next)) break;
    o = next;
  }
}

int tb_traverse(Object* o, VisitFunc visit, void* arg) {
  Traceback* t = as_tb(o);
  if (t->next != nullptr) {
    if (int r = visit(t->next, arg)) return r;
  }
  for (Object* o : {t->code, t->globals, t->builtins}) {
    if (o == nullptr) continue;
    if (int r = visit(o, arg)) return r;
  }
  return 0;
}

Object* tb_next_get(Object* o) {
  Object* n = as_tb(o)->next;
  return new_ref(n ? n : kNone);
}
int tb_next_set(Object* o, Object* v) {
  if (v == nullptr) {
    set_error(&kTypeErrorType, "can't delete tb_next attribute");
    return -1;
  }
  if (v != kNone && v->type != &kTracebackType) {
    set_error_fmt(&kTypeErrorType, "expected traceback object or None, got '%s'", type_name(v));
    return -1;
  }
  for (Object* c = v; c != kNone && c != nullptr; c = as_tb(c)->next) {
    if (c == o) {
      set_error(&kValueErrorType, "traceback loop detected");
      return -1;
    }
  }
  set_slot(&as_tb(o)->next, v == kNone ? nullptr : new_ref(v));
  return 0;
}
Object* tb_lineno_get(Object* o) { return int_from_i64(as_tb(o)->lineno); }
Object* tb_lasti_get(Object* o) { return int_from_i64(-1); }
Object* tb_code_get(Object* o) { return new_ref(as_tb(o)->code); }
Object* tb_frame_get(Object* o) { return new_none(); }

const GetSetDef kTbGetSets[] = {
    {"tb_next", tb_next_get, tb_next_set, nullptr},
    {"tb_lineno", tb_lineno_get, nullptr, nullptr},
    {"tb_lasti", tb_lasti_get, nullptr, nullptr},
    {"tb_code", tb_code_get, nullptr, nullptr},
    {"tb_frame", tb_frame_get, nullptr, nullptr},
    {nullptr},
};

// ---------------------------------------------------------------------------
// Formatting.

std::string attr_text(Object* o, const char* name, const char* fallback) {
  Ref<> v = steal(lookup_attr(o, str_intern(name)));
  if (!v || !str_check(v.get())) {
    clear_error();
    return fallback;
  }
  return std::string(str_view(v.get()));
}

std::string strip(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\f' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\f' || s[e - 1] == '\r' ||
                   s[e - 1] == '\n')) {
    --e;
  }
  return std::string(s.substr(b, e - b));
}

// Source lines, read once per file per formatting.
class SourceCache {
 public:
  // The line (1-based) without its newline; false when unavailable.
  bool line(const std::string& filename, int lineno, std::string* out) {
    auto it = files_.find(filename);
    if (it == files_.end()) {
      std::vector<std::string> lines;
      if (!filename.empty() && filename[0] != '<') {
        std::ifstream in(filename);
        std::string l;
        while (in && std::getline(in, l)) lines.push_back(l);
      }
      it = files_.emplace(filename, std::move(lines)).first;
    }
    if (lineno < 1 || static_cast<size_t>(lineno) > it->second.size()) return false;
    *out = it->second[lineno - 1];
    return true;
  }

 private:
  std::unordered_map<std::string, std::vector<std::string>> files_;
};

struct Entry {
  std::string filename, name;
  int lineno;
  bool operator==(const Entry& o) const {
    return lineno == o.lineno && filename == o.filename && name == o.name;
  }
};

void format_entry(const Entry& e, SourceCache* src, std::string* out) {
  *out += absl::StrFormat("  File \"%s\", line %d, in %s\n", e.filename, e.lineno, e.name);
  std::string line;
  if (src->line(e.filename, e.lineno, &line)) {
    std::string s = strip(line);
    if (!s.empty()) *out += absl::StrFormat("    %s\n", s);
  }
}

// CPython collapses runs of identical entries after the third.
constexpr int kRecursiveCutoff = 3;

void format_tb(Object* tb, SourceCache* src, std::string* out) {
  *out += "Traceback (most recent call last):\n";
  Entry last{"", "", -1};
  int count = 0;
  auto flush_repeats = [&]() {
    if (count > kRecursiveCutoff) {
      int more = count - kRecursiveCutoff;
      *out += absl::StrFormat("  [Previous line repeated %d more time%s]\n", more,
                              more > 1 ? "s" : "");
    }
  };
  for (Object* t = tb; t != nullptr; t = as_tb(t)->next) {
    Entry e{attr_text(as_tb(t)->code, "co_filename", "???"),
            attr_text(as_tb(t)->code, "co_name", "???"), as_tb(t)->lineno};
    if (e == last) {
      ++count;
    } else {
      flush_repeats();
      last = e;
      count = 1;
    }
    if (count <= kRecursiveCutoff) format_entry(e, src, out);
  }
  flush_repeats();
}

// The '  File "x.py", line 1' block of a SyntaxError, as traceback.py prints it.
void format_syntax_error(Object* exc, std::string* out) {
  Object* fn = exception_dict_attr(exc, "filename");
  Object* ln = exception_dict_attr(exc, "lineno");
  std::string file = fn && str_check(fn) ? std::string(str_view(fn)) : "<string>";
  int64_t lineno = 0;
  if (ln && int_check(ln)) int_to_i64(ln, &lineno);
  *out += absl::StrFormat("  File \"%s\", line %d\n", file, lineno);
  Object* text = exception_dict_attr(exc, "text");
  if (text == nullptr || !str_check(text)) return;
  std::string ltext(str_view(text));
  while (!ltext.empty() && ltext.back() == '\n') ltext.pop_back();
  size_t b = 0;
  while (b < ltext.size() && (ltext[b] == ' ' || ltext[b] == '\n' || ltext[b] == '\f')) ++b;
  std::string rtext = ltext.substr(b);
  *out += absl::StrFormat("    %s\n", rtext);
  Object* off = exception_dict_attr(exc, "offset");
  Object* eoff = exception_dict_attr(exc, "end_offset");
  int64_t offset, end_offset = 0;
  if (off == nullptr || !int_check(off) || !int_to_i64(off, &offset)) return;
  if (eoff == nullptr || !int_check(eoff) || !int_to_i64(eoff, &end_offset) || end_offset == 0) {
    end_offset = offset;
  }
  if (offset == end_offset || end_offset == -1) end_offset = offset + 1;
  // Offsets count code points; the text is UTF-8.
  int64_t spaces = static_cast<int64_t>(b);
  int64_t colno = offset - 1 - spaces;
  int64_t end_colno = end_offset - 1 - spaces;
  if (colno < 0) return;
  std::string carets = "    ";
  int64_t cp = 0;
  for (size_t i = 0; i < ltext.size() && cp < colno; ++i) {
    unsigned char c = ltext[i];
    if ((c & 0xC0) == 0x80) continue;
    carets += (c == ' ' || c == '\t' || c == '\f') ? static_cast<char>(c) : ' ';
    ++cp;
  }
  for (int64_t i = colno; i < end_colno; ++i) carets += '^';
  *out += carets + "\n";
}

// CPython 3.11's NameError suggestion: the innermost frame's local names,
// then its globals, then the builtins.
Object* name_error_suggestion(Object* exc) {
  Object* name = exception_dict_attr(exc, "name");
  Object* tb = exception_traceback(exc);
  if (name == nullptr || !str_check_exact(name) || tb == nullptr) return nullptr;
  while (as_tb(tb)->next != nullptr) tb = as_tb(tb)->next;
  Traceback* t = as_tb(tb);
  Ref<> varnames = steal(getattr_str(t->code, "co_varnames"));
  if (!varnames) return nullptr;
  if (Object* s = closest_name(name, varnames.get())) return s;
  for (Object* scope : {t->globals, t->builtins}) {
    if (scope == nullptr || !dict_check(scope)) continue;
    Ref<> keys = steal(dict_keys_list(scope));
    if (!keys) return nullptr;
    if (Object* s = closest_name(name, keys.get())) return s;
  }
  return nullptr;
}

// ". Did you mean: 'x'?" or "".
std::string suggestion_text(Object* exc) {
  Object* saved = fetch_error();
  Ref<> s;
  if (exc->type == &kAttributeErrorType) {
    s = steal(attribute_error_suggestion(exc));
  } else if (exc->type == &kNameErrorType) {
    s = steal(name_error_suggestion(exc));
  }
  Ref<> r = s ? steal(repr(s.get())) : Ref<>();
  clear_error();
  restore_error(saved);
  return r ? absl::StrFormat(". Did you mean: %s?", str_view(r.get())) : "";
}

std::string final_line(Object* exc) {
  Ref<> qn = steal(type_qualified_name(exc->type));
  std::string name = qn ? std::string(str_view(qn.get())) : exc->type->name;
  if (!qn) clear_error();
  Object* msg = nullptr;
  Ref<> s;
  if (is_instance_of(exc, &kSyntaxErrorType)) {
    msg = exception_dict_attr(exc, "msg");
    if (msg != nullptr) s = steal(str(msg));
  }
  if (!s) s = steal(str(exc));
  if (!s) {
    clear_error();
    return name + ": <exception str() failed>\n";
  }
  std::string hint = suggestion_text(exc);
  if (str_length(s.get()) == 0) return name + hint + "\n";
  return absl::StrFormat("%s: %s%s\n", name, str_view(s.get()), hint);
}

void format_notes(Object* exc, std::string* out) {
  Object* notes = exception_dict_attr(exc, "__notes__");
  if (notes == nullptr || !list_check(notes)) return;
  for (ssize_t i = 0; i < list_size(notes); ++i) {
    Object* n = list_items(notes)[i];
    if (str_check(n)) *out += absl::StrFormat("%s\n", str_view(n));
  }
}

void format_one(Object* exc, std::vector<Object*>* seen, SourceCache* src, std::string* out) {
  seen->push_back(exc);
  auto unseen = [&](Object* e) {
    for (Object* s : *seen) {
      if (s == e) return false;
    }
    return true;
  };
  Object* cause = exception_cause(exc);
  if (cause == none()) cause = nullptr;  // `raise X from None`: no cause to show
  Object* ctx = exception_context(exc);
  bool suppress = static_cast<ExceptionObject*>(exc)->suppress_context;
  if (cause != nullptr && unseen(cause)) {
    format_one(cause, seen, src, out);
    *out += "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (cause == nullptr && ctx != nullptr && !suppress && unseen(ctx)) {
    format_one(ctx, seen, src, out);
    *out += "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  Object* tb = exception_traceback(exc);
  if (tb != nullptr) format_tb(tb, src, out);
  if (is_instance_of(exc, &kSyntaxErrorType)) format_syntax_error(exc, out);
  *out += final_line(exc);
  format_notes(exc, out);
}

void write_fd2(const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::write(2, s.data() + off, s.size() - off);
    if (n <= 0) return;
    off += static_cast<size_t>(n);
  }
}

// Writes to sys.stderr when it exists and works, else to fd 2.
void write_stderr(const std::string& s) {
  Object* sys = sys_module();
  if (sys != nullptr) {
    Ref<> err = steal(lookup_attr(sys, str_intern("stderr")));
    if (err && err.get() != kNone) {
      Ref<> text = steal(str_from(s));
      Ref<> r = text ? steal(call_method(err.get(), "write", {text.get()})) : Ref<>();
      if (r) {
        Ref<> f = steal(call_method(err.get(), "flush", {}));
        clear_error();
        return;
      }
    }
    clear_error();
  }
  write_fd2(s);
}

}  // namespace

Object* traceback_new(Object* next, Object* code, int lineno) {
  auto* t = static_cast<Traceback*>(generic_alloc(&kTracebackType));
  if (t == nullptr) return nullptr;
  xincref(next);
  t->next = next;
  t->code = new_ref(code);
  t->globals = nullptr;
  t->builtins = nullptr;
  t->lineno = lineno;
  return t;
}

void traceback_add(Object* code, int lineno) {
  ThreadState* ts = current_thread();
  Object* exc = ts->current_exception;
  if (exc == nullptr) return;
  incref(exc);  // traceback_new's MemoryError would replace (and drop) it
  Object* tb = traceback_new(exception_traceback(exc), code, lineno);
  if (tb == nullptr) {
    restore_error(exc);  // keep the original exception, without this entry
    return;
  }
  Frame* f = current_frame();
  if (exc->type == &kNameErrorType && exception_traceback(exc) == nullptr && f != nullptr &&
      f->code == code) {
    as_tb(tb)->globals = new_ref(f->globals);  // the scope a suggestion searches
    if (f->builtins != nullptr) as_tb(tb)->builtins = new_ref(f->builtins);
  }
  exception_set_traceback(exc, tb);
  decref(tb);
  decref(exc);
}

std::string format_exception(Object* exc) {
  Object* saved = fetch_error();
  std::string out;
  std::vector<Object*> seen;
  SourceCache src;
  if (exc != nullptr && type_has_flag(exc->type, kTypeBaseExcSubclass)) {
    format_one(exc, &seen, &src, &out);
  }
  clear_error();
  restore_error(saved);
  return out;
}

void print_exception(Object* exc) {
  std::string text = format_exception(exc);
  Object* saved = fetch_error();
  write_stderr(text);
  restore_error(saved);
}

void print_unraisable(Object* where, Object* exc) {
  Object* saved = fetch_error();
  std::string text = "Exception ignored in: ";
  Ref<> r = where ? steal(repr(where)) : Ref<>();
  if (r) {
    text += std::string(str_view(r.get()));
  } else {
    clear_error();
    text += "<object repr() failed>";
  }
  text += "\n";
  text += format_exception(exc);
  write_stderr(text);
  restore_error(saved);
}

void print_warning(Type* category, std::string_view message, std::string_view extra) {
  std::string text;
  Frame* f = current_thread()->frame;
  std::string cat = category->name;
  if (f != nullptr) {
    std::string filename = str_cstr(f->code->filename);
    int line = code_line_for(f->code, f->lasti < 0 ? 0 : f->lasti);
    text = absl::StrFormat("%s:%d: %s: %s\n", filename, line, cat, message);
    SourceCache src;
    std::string l;
    if (src.line(filename, line, &l)) {
      std::string s = strip(l);
      if (!s.empty()) text += absl::StrFormat("  %s\n", s);
    }
  } else {
    text = absl::StrFormat("sys:1: %s: %s\n", cat, message);
  }
  text += extra;
  write_stderr(text);
}

void init_traceback_types() {
  if (kTracebackType.flags & kTypeReady) return;
  Type* t = &kTracebackType;
  init_static_type(t, "traceback", sizeof(Traceback));
  t->flags &= ~kTypeBaseType;
  t->flags |= kTypeHaveGC;
  t->dealloc = tb_dealloc;
  t->traverse = tb_traverse;
  t->getsets = kTbGetSets;
  type_ready(t);
}

}  // namespace conch::vm
