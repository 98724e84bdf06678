// The exception hierarchy, exception instances, and the per-thread error
// state (vm/errors.h).  Tracebacks and printing live in traceback.cc.
#include "vm/exceptions.h"

#include "gc/collector.h"

#include <cerrno>
#include <cstring>
#include <string>

#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/thread_state.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {

#define CONCH_EXC_TYPES(X)                                          \
  X(BaseException, "BaseException", nullptr)                       \
  X(Exception, "Exception", &kBaseExceptionType)                    \
  X(SystemExit, "SystemExit", &kBaseExceptionType)                  \
  X(KeyboardInterrupt, "KeyboardInterrupt", &kBaseExceptionType)    \
  X(GeneratorExit, "GeneratorExit", &kBaseExceptionType)            \
  X(StopIteration, "StopIteration", &kExceptionType)                \
  X(StopAsyncIteration, "StopAsyncIteration", &kExceptionType)      \
  X(ArithmeticError, "ArithmeticError", &kExceptionType)            \
  X(ZeroDivisionError, "ZeroDivisionError", &kArithmeticErrorType)  \
  X(OverflowError, "OverflowError", &kArithmeticErrorType)          \
  X(FloatingPointError, "FloatingPointError", &kArithmeticErrorType) \
  X(AssertionError, "AssertionError", &kExceptionType)              \
  X(AttributeError, "AttributeError", &kExceptionType)              \
  X(BufferError, "BufferError", &kExceptionType)                    \
  X(EOFError, "EOFError", &kExceptionType)                          \
  X(ImportError, "ImportError", &kExceptionType)                    \
  X(ModuleNotFoundError, "ModuleNotFoundError", &kImportErrorType)  \
  X(LookupError, "LookupError", &kExceptionType)                    \
  X(IndexError, "IndexError", &kLookupErrorType)                    \
  X(KeyError, "KeyError", &kLookupErrorType)                        \
  X(MemoryError, "MemoryError", &kExceptionType)                    \
  X(NameError, "NameError", &kExceptionType)                        \
  X(UnboundLocalError, "UnboundLocalError", &kNameErrorType)        \
  X(OSError, "OSError", &kExceptionType)                            \
  X(FileNotFoundError, "FileNotFoundError", &kOSErrorType)          \
  X(FileExistsError, "FileExistsError", &kOSErrorType)              \
  X(PermissionError, "PermissionError", &kOSErrorType)              \
  X(IsADirectoryError, "IsADirectoryError", &kOSErrorType)          \
  X(NotADirectoryError, "NotADirectoryError", &kOSErrorType)        \
  X(TimeoutError, "TimeoutError", &kOSErrorType)                    \
  X(InterruptedError, "InterruptedError", &kOSErrorType)            \
  X(BlockingIOError, "BlockingIOError", &kOSErrorType)              \
  X(ChildProcessError, "ChildProcessError", &kOSErrorType)          \
  X(ProcessLookupError, "ProcessLookupError", &kOSErrorType)        \
  X(ConnectionError, "ConnectionError", &kOSErrorType)              \
  X(BrokenPipeError, "BrokenPipeError", &kConnectionErrorType)      \
  X(ConnectionAbortedError, "ConnectionAbortedError", &kConnectionErrorType) \
  X(ConnectionRefusedError, "ConnectionRefusedError", &kConnectionErrorType) \
  X(ConnectionResetError, "ConnectionResetError", &kConnectionErrorType)     \
  X(ReferenceError, "ReferenceError", &kExceptionType)              \
  X(RuntimeError, "RuntimeError", &kExceptionType)                  \
  X(NotImplementedError, "NotImplementedError", &kRuntimeErrorType) \
  X(RecursionError, "RecursionError", &kRuntimeErrorType)           \
  X(SyntaxError, "SyntaxError", &kExceptionType)                    \
  X(IndentationError, "IndentationError", &kSyntaxErrorType)        \
  X(TabError, "TabError", &kIndentationErrorType)                   \
  X(SystemError, "SystemError", &kExceptionType)                    \
  X(TypeError, "TypeError", &kExceptionType)                        \
  X(ValueError, "ValueError", &kExceptionType)                      \
  X(UnicodeError, "UnicodeError", &kValueErrorType)                 \
  X(UnicodeDecodeError, "UnicodeDecodeError", &kUnicodeErrorType)   \
  X(UnicodeEncodeError, "UnicodeEncodeError", &kUnicodeErrorType)   \
  X(UnicodeTranslateError, "UnicodeTranslateError", &kUnicodeErrorType) \
  X(Warning, "Warning", &kExceptionType)                            \
  X(DeprecationWarning, "DeprecationWarning", &kWarningType)        \
  X(PendingDeprecationWarning, "PendingDeprecationWarning", &kWarningType) \
  X(RuntimeWarning, "RuntimeWarning", &kWarningType)                \
  X(SyntaxWarning, "SyntaxWarning", &kWarningType)                  \
  X(UserWarning, "UserWarning", &kWarningType)                      \
  X(FutureWarning, "FutureWarning", &kWarningType)                  \
  X(ImportWarning, "ImportWarning", &kWarningType)                  \
  X(UnicodeWarning, "UnicodeWarning", &kWarningType)                \
  X(BytesWarning, "BytesWarning", &kWarningType)                    \
  X(ResourceWarning, "ResourceWarning", &kWarningType)              \
  X(EncodingWarning, "EncodingWarning", &kWarningType)

#define CONCH_DEFINE_TYPE(id, name, base) Type k##id##Type;
CONCH_EXC_TYPES(CONCH_DEFINE_TYPE)
#undef CONCH_DEFINE_TYPE

namespace {

ExceptionObject* as_exc(Object* o) { return static_cast<ExceptionObject*>(o); }

bool is_exception(const Object* o) { return type_has_flag(o->type, kTypeBaseExcSubclass); }

// ---------------------------------------------------------------------------
// Dict-held attributes (default None).

Object* dict_attr_get(Object* o, const char* name) {
  Object* v = exception_dict_attr(o, name);
  return new_ref(v ? v : kNone);
}

int dict_attr_set(Object* o, const char* name, Object* v) {
  ExceptionObject* e = as_exc(o);
  if (e->dict == nullptr) {
    e->dict = dict_new();
    if (e->dict == nullptr) return -1;
  }
  if (v == nullptr) {
    if (dict_get_item_str(e->dict, name) == nullptr) return 0;
    return dict_del_item(e->dict, str_intern(name));
  }
  return dict_set_item_str(e->dict, name, v);
}

#define DICT_ATTR(field)                                                  \
  Object* get_##field(Object* o) { return dict_attr_get(o, #field); }     \
  int set_##field(Object* o, Object* v) { return dict_attr_set(o, #field, v); }
DICT_ATTR(errno)
DICT_ATTR(strerror)
DICT_ATTR(filename)
DICT_ATTR(filename2)
DICT_ATTR(msg)
DICT_ATTR(lineno)
DICT_ATTR(offset)
DICT_ATTR(text)
DICT_ATTR(end_lineno)
DICT_ATTR(end_offset)
DICT_ATTR(print_file_and_line)
DICT_ATTR(name)
DICT_ATTR(path)
DICT_ATTR(obj)
DICT_ATTR(encoding)
DICT_ATTR(object)
DICT_ATTR(start)
DICT_ATTR(end)
DICT_ATTR(reason)
#undef DICT_ATTR
#define GS(field) {#field, get_##field, set_##field, nullptr}

// ---------------------------------------------------------------------------
// BaseException.

Object* base_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  auto* e = static_cast<ExceptionObject*>(type->alloc(type, 0));
  if (e == nullptr) return nullptr;
  e->args = tuple_from_array(args, static_cast<ssize_t>(nargs));
  if (e->args == nullptr) {
    decref(e);
    return nullptr;
  }
  return e;
}

int base_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(self->type->name, kwnames)) return -1;
  Object* t = tuple_from_array(args, static_cast<ssize_t>(nargs));
  if (t == nullptr) return -1;
  set_slot(&as_exc(self)->args, t);
  return 0;
}

void base_clear_fields(ExceptionObject* e) {
  clear_slot(&e->dict);
  clear_slot(&e->args);
  clear_slot(&e->traceback);
  clear_slot(&e->context);
  clear_slot(&e->cause);
}

void base_dealloc(Object* o) {
  base_clear_fields(as_exc(o));
  generic_free(o);
}

int base_traverse(Object* o, VisitFunc visit, void* arg) {
  ExceptionObject* e = as_exc(o);
  for (Object* f : {e->dict, e->args, e->traceback, e->context, e->cause}) {
    if (f != nullptr) {
      if (int r = visit(f, arg)) return r;
    }
  }
  return 0;
}

int base_clear(Object* o) {
  ExceptionObject* e = as_exc(o);
  // args may close a cycle (e.args = (e,)); an empty tuple, not null, so
  // code reading args after a collection's clear still finds a tuple.
  if (e->args != nullptr && tuple_size(e->args) > 0) set_slot(&e->args, tuple_new(0));
  clear_slot(&e->dict);
  clear_slot(&e->traceback);
  clear_slot(&e->context);
  clear_slot(&e->cause);
  return 0;
}

Object* base_str(Object* o) {
  Object* a = as_exc(o)->args;
  ssize_t n = a ? tuple_size(a) : 0;
  if (n == 0) return str_from("");
  if (n == 1) return str(tuple_get(a, 0));
  return str(a);
}

Object* base_repr(Object* o) {
  Object* a = as_exc(o)->args;
  Ref<> name = steal(type_get_name(o->type));
  if (!name) return nullptr;
  ssize_t n = a ? tuple_size(a) : 0;
  Ref<> r = steal(n == 1 ? repr(tuple_get(a, 0)) : n == 0 ? str_from("()") : repr(a));
  if (!r) return nullptr;
  if (n == 1) return str_from(absl::StrFormat("%s(%s)", str_view(name.get()), str_view(r.get())));
  return str_from(absl::StrFormat("%s%s", str_view(name.get()), str_view(r.get())));
}

Object* get_args(Object* o) {
  Object* a = as_exc(o)->args;
  return a ? new_ref(a) : tuple_new(0);
}
int set_args(Object* o, Object* v) {
  if (v == nullptr) {
    set_error(&kTypeErrorType, "args may not be deleted");
    return -1;
  }
  Object* t = sequence_tuple(v);
  if (t == nullptr) return -1;
  set_slot(&as_exc(o)->args, t);
  return 0;
}
Object* get_tb(Object* o) {
  Object* t = as_exc(o)->traceback;
  return new_ref(t ? t : kNone);
}
int set_tb(Object* o, Object* v) {
  if (v == nullptr) {
    set_error(&kTypeErrorType, "__traceback__ may not be deleted");
    return -1;
  }
  if (v != kNone && v->type != &kTracebackType) {
    set_error(&kTypeErrorType, "__traceback__ must be a traceback or None");
    return -1;
  }
  exception_set_traceback(o, v == kNone ? nullptr : v);
  return 0;
}
Object* get_context(Object* o) {
  Object* c = as_exc(o)->context;
  return new_ref(c ? c : kNone);
}
int set_context(Object* o, Object* v) {
  if (v == nullptr) {
    set_error(&kTypeErrorType, "__context__ may not be deleted");
    return -1;
  }
  if (v != kNone && !is_exception(v)) {
    set_error(&kTypeErrorType, "exception context must be None or derive from BaseException");
    return -1;
  }
  exception_set_context(o, v == kNone ? nullptr : v);
  return 0;
}
Object* get_cause(Object* o) {
  Object* c = as_exc(o)->cause;
  return new_ref(c ? c : kNone);
}
int set_cause(Object* o, Object* v) {
  if (v == nullptr) {
    set_error(&kTypeErrorType, "__cause__ may not be deleted");
    return -1;
  }
  if (v != kNone && !is_exception(v)) {
    set_error(&kTypeErrorType, "exception cause must be None or derive from BaseException");
    return -1;
  }
  exception_set_cause(o, v == kNone ? nullptr : v);
  return 0;
}
Object* get_suppress(Object* o) { return new_bool(as_exc(o)->suppress_context); }
int set_suppress(Object* o, Object* v) {
  int t = v ? is_true(v) : 0;
  if (t < 0) return -1;
  as_exc(o)->suppress_context = t;
  return 0;
}
Object* get_exc_dict(Object* o) {
  ExceptionObject* e = as_exc(o);
  if (e->dict == nullptr) {
    e->dict = dict_new();
    if (e->dict == nullptr) return nullptr;
  }
  return new_ref(e->dict);
}

const GetSetDef kBaseGetSets[] = {
    {"args", get_args, set_args, nullptr},
    {"__traceback__", get_tb, set_tb, nullptr},
    {"__context__", get_context, set_context, nullptr},
    {"__cause__", get_cause, set_cause, nullptr},
    {"__suppress_context__", get_suppress, set_suppress, nullptr},
    {"__dict__", get_exc_dict, nullptr, nullptr},
    {nullptr},
};

Object* with_traceback(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("with_traceback", nargs, 1, 1, kwnames)) return nullptr;
  if (set_tb(self, args[0]) < 0) return nullptr;
  return new_ref(self);
}

Object* add_note(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("add_note", nargs, 1, 1, kwnames)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "note must be a str, not '%s'", type_name(args[0]));
    return nullptr;
  }
  Object* notes = exception_dict_attr(self, "__notes__");
  if (notes == nullptr) {
    Ref<> l = steal(list_new(0));
    if (!l || dict_attr_set(self, "__notes__", l.get()) < 0) return nullptr;
    notes = l.get();
  }
  if (!list_check(notes)) {
    set_error(&kTypeErrorType, "Cannot add note: __notes__ is not a list");
    return nullptr;
  }
  if (list_append(notes, args[0]) < 0) return nullptr;
  return new_none();
}

const MethodDef kBaseMethods[] = {
    {"with_traceback", with_traceback, kMethodDefault, nullptr},
    {"add_note", add_note, kMethodDefault, nullptr},
    {nullptr},
};

// ---------------------------------------------------------------------------
// StopIteration, SystemExit: value/code derived from args unless set.

Object* first_arg_or_none(Object* o) {
  Object* a = as_exc(o)->args;
  if (a != nullptr && tuple_size(a) > 0) return tuple_get(a, 0);
  return kNone;
}

Object* get_value(Object* o) {
  Object* v = exception_dict_attr(o, "value");
  return new_ref(v ? v : first_arg_or_none(o));
}
int set_value(Object* o, Object* v) { return dict_attr_set(o, "value", v ? v : kNone); }

Object* get_code(Object* o) {
  Object* v = exception_dict_attr(o, "code");
  if (v != nullptr) return new_ref(v);
  Object* a = as_exc(o)->args;
  ssize_t n = a ? tuple_size(a) : 0;
  if (n == 0) return new_none();
  if (n == 1) return new_ref(tuple_get(a, 0));
  return new_ref(a);
}
int set_code(Object* o, Object* v) { return dict_attr_set(o, "code", v ? v : kNone); }

const GetSetDef kStopIterationGetSets[] = {{"value", get_value, set_value, nullptr}, {nullptr}};
const GetSetDef kSystemExitGetSets[] = {{"code", get_code, set_code, nullptr}, {nullptr}};

// ---------------------------------------------------------------------------
// KeyError

Object* keyerror_str(Object* o) {
  Object* a = as_exc(o)->args;
  if (a != nullptr && tuple_size(a) == 1) return repr(tuple_get(a, 0));
  return base_str(o);
}

// ---------------------------------------------------------------------------
// Keyword-taking inits: ImportError(name=, path=), NameError(name=),
// AttributeError(name=, obj=).

int kw_init(Object* self, Object* const* args, size_t nargs, Object* kwnames,
            std::initializer_list<const char*> allowed) {
  Object* t = tuple_from_array(args, static_cast<ssize_t>(nargs));
  if (t == nullptr) return -1;
  set_slot(&as_exc(self)->args, t);
  ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (const char* a : allowed) {
    if (dict_attr_set(self, a, kNone) < 0) return -1;
  }
  for (ssize_t i = 0; i < nkw; ++i) {
    Object* k = tuple_get(kwnames, i);
    bool ok = false;
    for (const char* a : allowed) ok |= str_equal_cstr(k, a);
    if (!ok) {
      set_error_fmt(&kTypeErrorType, "'%s' is an invalid keyword argument for %s()", str_view(k),
                    self->type->name);
      return -1;
    }
    if (dict_attr_set(self, str_cstr(k), args[nargs + i]) < 0) return -1;
  }
  return 0;
}

int import_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (kw_init(self, args, nargs, kwnames, {"name", "path"}) < 0) return -1;
  return dict_attr_set(self, "msg", nargs == 1 ? args[0] : kNone);
}

Object* import_str(Object* o) {
  Object* msg = exception_dict_attr(o, "msg");
  if (msg != nullptr && msg != kNone) return str(msg);
  return base_str(o);
}

int name_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return kw_init(self, args, nargs, kwnames, {"name"});
}

int attribute_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return kw_init(self, args, nargs, kwnames, {"name", "obj"});
}

const GetSetDef kImportGetSets[] = {GS(msg), GS(name), GS(path), {nullptr}};
const GetSetDef kNameGetSets[] = {GS(name), {nullptr}};
const GetSetDef kAttributeGetSets[] = {GS(name), GS(obj), {nullptr}};

// ---------------------------------------------------------------------------
// OSError

Type* errno_subclass(int err) {
  switch (err) {
    case ENOENT: return &kFileNotFoundErrorType;
    case EEXIST: return &kFileExistsErrorType;
    case EACCES: case EPERM: return &kPermissionErrorType;
    case EISDIR: return &kIsADirectoryErrorType;
    case ENOTDIR: return &kNotADirectoryErrorType;
    case ETIMEDOUT: return &kTimeoutErrorType;
    case EINTR: return &kInterruptedErrorType;
    case EAGAIN: case EALREADY: case EINPROGRESS: return &kBlockingIOErrorType;
    case ECHILD: return &kChildProcessErrorType;
    case ESRCH: return &kProcessLookupErrorType;
    case EPIPE: case ESHUTDOWN: return &kBrokenPipeErrorType;
    case ECONNABORTED: return &kConnectionAbortedErrorType;
    case ECONNREFUSED: return &kConnectionRefusedErrorType;
    case ECONNRESET: return &kConnectionResetErrorType;
    default: return nullptr;
  }
}

Object* oserror_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &kOSErrorType && nargs >= 2 && int_check(args[0])) {
    int64_t err;
    if (int_to_i64(args[0], &err)) {
      if (Type* sub = errno_subclass(static_cast<int>(err))) type = sub;
    }
  }
  return base_new(type, args, nargs, kwnames);
}

int oserror_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(self->type->name, kwnames)) return -1;
  for (const char* f : {"errno", "strerror", "filename", "filename2"}) {
    if (dict_attr_set(self, f, kNone) < 0) return -1;
  }
  ssize_t keep = static_cast<ssize_t>(nargs);
  if (nargs >= 2 && nargs <= 5) {
    if (dict_attr_set(self, "errno", args[0]) < 0 ||
        dict_attr_set(self, "strerror", args[1]) < 0) {
      return -1;
    }
    if (nargs >= 3) {
      if (dict_attr_set(self, "filename", args[2]) < 0) return -1;
      if (nargs == 5 && dict_attr_set(self, "filename2", args[4]) < 0) return -1;
      keep = 2;
    }
  }
  Object* t = tuple_from_array(args, keep);
  if (t == nullptr) return -1;
  set_slot(&as_exc(self)->args, t);
  return 0;
}

Object* oserror_str(Object* o) {
  Object* err = exception_dict_attr(o, "errno");
  Object* se = exception_dict_attr(o, "strerror");
  Object* fn = exception_dict_attr(o, "filename");
  Object* fn2 = exception_dict_attr(o, "filename2");
  auto nn = [](Object* x) { return x != nullptr && x != kNone; };
  if (nn(err) && nn(se)) {
    Ref<> es = steal(str(err)), ss = steal(str(se));
    if (!es || !ss) return nullptr;
    std::string s = absl::StrFormat("[Errno %s] %s", str_view(es.get()), str_view(ss.get()));
    if (nn(fn)) {
      Ref<> fr = steal(repr(fn));
      if (!fr) return nullptr;
      s += absl::StrFormat(": %s", str_view(fr.get()));
      if (nn(fn2)) {
        Ref<> fr2 = steal(repr(fn2));
        if (!fr2) return nullptr;
        s += absl::StrFormat(" -> %s", str_view(fr2.get()));
      }
    }
    return str_from(s);
  }
  return base_str(o);
}

const GetSetDef kOSErrorGetSets[] = {GS(errno), GS(strerror), GS(filename), GS(filename2),
                                     {nullptr}};

// ---------------------------------------------------------------------------
// SyntaxError

int syntax_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs(self->type->name, kwnames)) return -1;
  Object* t = tuple_from_array(args, static_cast<ssize_t>(nargs));
  if (t == nullptr) return -1;
  set_slot(&as_exc(self)->args, t);
  static const char* const kFields[] = {"filename", "lineno",     "offset",
                                        "text",     "end_lineno", "end_offset"};
  for (const char* f : kFields) {
    if (dict_attr_set(self, f, kNone) < 0) return -1;
  }
  if (dict_attr_set(self, "print_file_and_line", kNone) < 0) return -1;
  if (nargs >= 1 && dict_attr_set(self, "msg", args[0]) < 0) return -1;
  if (nargs == 2) {
    Ref<> info = steal(sequence_tuple(args[1]));
    if (!info) return -1;
    ssize_t n = tuple_size(info.get());
    if (n < 4 || n > 6) {
      set_error(&kIndexErrorType, "tuple index out of range");
      return -1;
    }
    for (ssize_t i = 0; i < n; ++i) {
      if (dict_attr_set(self, kFields[i], tuple_get(info.get(), i)) < 0) return -1;
    }
  }
  return 0;
}

Object* syntax_str(Object* o) {
  Object* msg = exception_dict_attr(o, "msg");
  Object* fn = exception_dict_attr(o, "filename");
  Object* ln = exception_dict_attr(o, "lineno");
  Ref<> ms = steal(msg ? str(msg) : str_from(""));
  if (!ms) return nullptr;
  bool have_fn = fn != nullptr && str_check(fn);
  bool have_ln = ln != nullptr && int_check(ln);
  std::string base;
  if (have_fn) {
    std::string_view f = str_view(fn);
    size_t slash = f.rfind('/');
    base = std::string(slash == std::string_view::npos ? f : f.substr(slash + 1));
  }
  if (have_fn && have_ln) {
    return str_from(absl::StrFormat("%s (%s, line %s)", str_view(ms.get()), base,
                                    int_to_decimal(ln)));
  }
  if (have_fn) return str_from(absl::StrFormat("%s (%s)", str_view(ms.get()), base));
  if (have_ln) {
    return str_from(absl::StrFormat("%s (line %s)", str_view(ms.get()), int_to_decimal(ln)));
  }
  return ms.release();
}

const GetSetDef kSyntaxGetSets[] = {GS(msg),        GS(filename),   GS(lineno),
                                    GS(offset),     GS(text),       GS(end_lineno),
                                    GS(end_offset), GS(print_file_and_line), {nullptr}};

// ---------------------------------------------------------------------------
// UnicodeDecodeError / UnicodeEncodeError (encoding, object, start, end, reason)

int unicode_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (base_init(self, args, nargs, kwnames) < 0) return -1;
  if (nargs != 5) {
    set_error_fmt(&kTypeErrorType, "function takes exactly 5 arguments (%d given)",
                  static_cast<int>(nargs));
    return -1;
  }
  static const char* const kFields[] = {"encoding", "object", "start", "end", "reason"};
  for (int i = 0; i < 5; ++i) {
    if (dict_attr_set(self, kFields[i], args[i]) < 0) return -1;
  }
  return 0;
}

Object* unicode_str(Object* o) {
  Object* enc = exception_dict_attr(o, "encoding");
  Object* obj = exception_dict_attr(o, "object");
  Object* st = exception_dict_attr(o, "start");
  Object* en = exception_dict_attr(o, "end");
  Object* rs = exception_dict_attr(o, "reason");
  int64_t start, end;
  if (!enc || !obj || !st || !en || !rs || !int_to_i64(st, &start) || !int_to_i64(en, &end)) {
    return base_str(o);
  }
  Ref<> er = steal(repr(enc)), rr = steal(str(rs));
  if (!er || !rr) return nullptr;
  bool decode = o->type == &kUnicodeDecodeErrorType;
  std::string what;
  if (end == start + 1) {
    if (decode && bytes_check(obj) && start < static_cast<int64_t>(bytes_view(obj).size())) {
      what = absl::StrFormat("byte 0x%02x", static_cast<unsigned char>(bytes_view(obj)[start]));
    } else if (!decode && str_check(obj)) {
      Ref<> idx = steal(int_from_i64(start));
      Ref<> ch = steal(idx ? getitem(obj, idx.get()) : nullptr);
      if (!ch) return nullptr;
      Ref<> chr = steal(ascii(ch.get()));
      if (!chr) return nullptr;
      what = absl::StrFormat("character %s", str_view(chr.get()));
    } else {
      what = "byte";
    }
    return str_from(absl::StrFormat("%s codec can't %s %s in position %d: %s", str_view(er.get()),
                                    decode ? "decode" : "encode", what, start,
                                    str_view(rr.get())));
  }
  return str_from(absl::StrFormat("%s codec can't %s %s in position %d-%d: %s",
                                  str_view(er.get()), decode ? "decode" : "encode",
                                  decode ? "bytes" : "characters", start, end - 1,
                                  str_view(rr.get())));
}

const GetSetDef kUnicodeGetSets[] = {GS(encoding), GS(object), GS(start), GS(end), GS(reason),
                                     {nullptr}};

#undef GS

// ---------------------------------------------------------------------------
// Error state.

ThreadState* ts() { return current_thread(); }

// Makes exc (stolen) current, chaining the exception being handled as its
// __context__ (CPython's _PyErr_SetObject), without creating a cycle.
void set_current(Object* exc) {
  ThreadState* t = ts();
  Object* handled = t->handled_exception;
  if (handled != nullptr && handled != exc && is_exception(handled) && is_exception(exc)) {
    for (Object* o = handled;;) {
      Object* ctx = as_exc(o)->context;
      if (ctx == nullptr) break;
      if (ctx == exc) {
        clear_slot(&as_exc(o)->context);
        break;
      }
      o = ctx;
    }
    exception_set_context(exc, handled);
  }
  set_slot(&t->current_exception, exc);
}

Object* g_memory_error = nullptr;  // preallocated, immortal

// Creates type(*args) (args stolen, may be null).
Object* create_exception(Type* type, Object* args) {
  Ref<> a = args ? steal(args) : steal(tuple_new(0));
  if (!a) return nullptr;
  if (type->new_ == base_new && type->init == base_init) {
    auto* e = static_cast<ExceptionObject*>(type->alloc(type, 0));
    if (e == nullptr) return nullptr;
    e->args = a.release();
    return e;
  }
  return call_tuple_dict(type, a.get(), nullptr);
}

void raise_created(Object* exc) {
  if (exc == nullptr) {
    if (!has_error()) no_memory();
    return;
  }
  if (!is_exception(exc)) {
    decref(exc);
    set_error(&kTypeErrorType, "exceptions must derive from BaseException");
    return;
  }
  set_current(exc);
}

void set_type_slots(Type* t) {
  t->flags |= kTypeBaseType | kTypeHaveGC | kTypeBaseExcSubclass;
  if (t == &kBaseExceptionType) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
    t->dictoffset = offsetof(ExceptionObject, dict);
#pragma GCC diagnostic pop
    t->new_ = base_new;
    t->init = base_init;
    t->dealloc = base_dealloc;
    t->traverse = base_traverse;
    t->clear = base_clear;
    t->str = base_str;
    t->repr = base_repr;
    t->getsets = kBaseGetSets;
    t->methods = kBaseMethods;
  } else if (t == &kStopIterationType) {
    t->getsets = kStopIterationGetSets;
  } else if (t == &kSystemExitType) {
    t->getsets = kSystemExitGetSets;
  } else if (t == &kKeyErrorType) {
    t->str = keyerror_str;
  } else if (t == &kImportErrorType) {
    t->init = import_init;
    t->str = import_str;
    t->getsets = kImportGetSets;
  } else if (t == &kNameErrorType) {
    t->init = name_init;
    t->getsets = kNameGetSets;
  } else if (t == &kAttributeErrorType) {
    t->init = attribute_init;
    t->getsets = kAttributeGetSets;
  } else if (t == &kOSErrorType) {
    t->new_ = oserror_new;
    t->init = oserror_init;
    t->str = oserror_str;
    t->getsets = kOSErrorGetSets;
  } else if (t == &kSyntaxErrorType) {
    t->init = syntax_init;
    t->str = syntax_str;
    t->getsets = kSyntaxGetSets;
  } else if (t == &kUnicodeDecodeErrorType || t == &kUnicodeEncodeErrorType) {
    t->init = unicode_init;
    t->str = unicode_str;
    t->getsets = kUnicodeGetSets;
  }
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API.

Object* exception_dict_attr(Object* exc, const char* name) {
  Object* d = as_exc(exc)->dict;
  if (d == nullptr) return nullptr;
  return dict_get_item_str(d, name);
}

void set_error(Type* type, std::string_view msg) {
  Object* s = str_from(msg);
  if (s == nullptr) return;
  Object* args = tuple_new(1);
  if (args == nullptr) {
    decref(s);
    return;
  }
  tuple_init_item(args, 0, s);
  raise_created(create_exception(type, args));
}

void set_error_args(Type* type, Object* args) { raise_created(create_exception(type, args)); }

void set_error_object(Object* exc) {
  if (is_instance_of(exc, &kTypeType)) {
    auto* t = static_cast<Type*>(exc);
    if (!type_has_flag(t, kTypeBaseExcSubclass)) {
      set_error(&kTypeErrorType, "exceptions must derive from BaseException");
      return;
    }
    raise_created(call(exc, nullptr, 0, nullptr));
    return;
  }
  raise_created(new_ref(exc));
}

void set_key_error(Object* key) {
  Object* args = tuple_pack({key});
  if (args == nullptr) return;
  raise_created(create_exception(&kKeyErrorType, args));
}

void set_error_from_errno(int err, const char* filename) {
  Type* type = errno_subclass(err);
  if (type == nullptr) type = &kOSErrorType;
  Ref<> e = steal(int_from_i64(err));
  Ref<> msg = steal(str_from_cstr(std::strerror(err)));
  if (!e || !msg) return;
  Ref<> fn = filename ? steal(str_from_cstr(filename)) : Ref<>();
  Object* args = filename ? tuple_pack({e.get(), msg.get(), fn.get()}) : tuple_pack({e.get(), msg.get()});
  if (args == nullptr) return;
  raise_created(create_exception(type, args));
}

Object* no_memory() {
  Object* args = tuple_new(0);
  Object* e = nullptr;
  if (args != nullptr) {
    // Not generic_alloc: its failure path would come back here.
    auto* x = static_cast<ExceptionObject*>(
        static_cast<Object*>(gc::allocate_tracked(sizeof(ExceptionObject))));  // exceptions are kTypeHaveGC
    if (x != nullptr) {
      x->type = &kMemoryErrorType;
      x->args = args;
      e = x;
    } else {
      decref(args);
    }
  }
  if (e == nullptr) e = new_ref(g_memory_error);
  set_slot(&ts()->current_exception, e);
  return nullptr;
}

bool has_error() { return ts()->current_exception != nullptr; }

bool error_matches(Object* type_or_tuple) {
  Object* e = ts()->current_exception;
  return e != nullptr && exception_matches(e, type_or_tuple);
}

Object* fetch_error() {
  ThreadState* t = ts();
  Object* e = t->current_exception;
  t->current_exception = nullptr;
  return e;
}

void restore_error(Object* exc) { set_slot(&ts()->current_exception, exc); }

void clear_error() { clear_slot(&ts()->current_exception); }

bool exception_matches(Object* exc, Object* type_or_tuple) {
  if (tuple_check(type_or_tuple)) {
    ssize_t n = tuple_size(type_or_tuple);
    for (ssize_t i = 0; i < n; ++i) {
      if (exception_matches(exc, tuple_get(type_or_tuple, i))) return true;
    }
    return false;
  }
  if (!is_instance_of(type_or_tuple, &kTypeType)) return false;
  auto* t = static_cast<Type*>(type_or_tuple);
  if (is_instance_of(exc, &kTypeType)) return is_subtype(static_cast<Type*>(exc), t);
  return is_instance_of(exc, t);
}

const char* type_name(const Object* o) { return o->type->name; }

Object* exception_args(Object* exc) { return as_exc(exc)->args; }
Object* exception_traceback(Object* exc) { return as_exc(exc)->traceback; }
void exception_set_traceback(Object* exc, Object* tb) {
  xincref(tb);
  set_slot(&as_exc(exc)->traceback, tb);
}
Object* exception_cause(Object* exc) { return as_exc(exc)->cause; }
void exception_set_cause(Object* exc, Object* cause) {
  xincref(cause);
  set_slot(&as_exc(exc)->cause, cause);
  as_exc(exc)->suppress_context = true;
}
Object* exception_context(Object* exc) { return as_exc(exc)->context; }
void exception_set_context(Object* exc, Object* ctx) {
  if (ctx == exc) return;
  xincref(ctx);
  set_slot(&as_exc(exc)->context, ctx);
}
Object* exception_value_of_stop_iteration(Object* exc) {
  Object* v = exception_dict_attr(exc, "value");
  return v ? v : first_arg_or_none(exc);
}

void init_exception_types() {
#define CONCH_INIT_TYPE(id, name, base)                                       \
  init_static_type(&k##id##Type, name, sizeof(ExceptionObject), base);    \
  set_type_slots(&k##id##Type);
  CONCH_EXC_TYPES(CONCH_INIT_TYPE)
#undef CONCH_INIT_TYPE
#define CONCH_READY_TYPE(id, name, base) type_ready(&k##id##Type);
  CONCH_EXC_TYPES(CONCH_READY_TYPE)
#undef CONCH_READY_TYPE
  init_traceback_types();
  if (g_memory_error == nullptr) {
    auto* e = static_cast<ExceptionObject*>(generic_alloc(&kMemoryErrorType));
    if (e != nullptr) {
      e->args = tuple_new(0);
      make_immortal(e);
      g_memory_error = e;
    }
  }
}

int install_exception_builtins(Object* d) {
#define CONCH_INSTALL(id, name, base) \
  if (dict_set_item_str(d, name, &k##id##Type) < 0) return -1;
  CONCH_EXC_TYPES(CONCH_INSTALL)
#undef CONCH_INSTALL
  if (dict_set_item_str(d, "EnvironmentError", &kOSErrorType) < 0) return -1;
  if (dict_set_item_str(d, "IOError", &kOSErrorType) < 0) return -1;
  return 0;
}

}  // namespace conch::vm
