// The builtins module: the functions every program sees, and the registration
// of the built-in types and exceptions under their names.
//
// Signatures, behaviour and error messages follow CPython 3.11's
// bltinmodule.c; where CPython words an argument error in its own way (print's
// "'x' is an invalid keyword argument for print()", "isinstance expected 2
// arguments, got 1"), the helpers in builtins_impl.h reproduce that wording.
// The iteration builtins live in builtins_iter.cc, the namespace and
// code-running ones (globals, dir, exec, eval ...) in builtins_code.cc.
#include <cstdint>
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/eval/frame.h"
#include "vm/interp.h"
#include "vm/io.h"
#include "vm/modules/builtins_impl.h"
#include "vm/modules/modules.h"
#include "vm/runtime.h"
#include "vm/typeobject.h"
#include "vm/types/complex.h"
#include "vm/types.h"
#include "vm/types/bytearray.h"

namespace conch::vm {

// ---------------------------------------------------------------------------
// Argument checks in CPython's words (builtins_impl.h).

namespace bltin {

bool no_kwargs(const char* name, Object* kwnames) {
  if (kwnames == nullptr || tuple_size(kwnames) == 0) return true;
  set_error_fmt(&kTypeErrorType, "%s() takes no keyword arguments", name);
  return false;
}

// METH_O: "len() takes exactly one argument (2 given)".
bool one_arg(const char* name, size_t nargs, Object* kwnames) {
  if (!no_kwargs(name, kwnames)) return false;
  if (nargs == 1) return true;
  set_error_fmt(&kTypeErrorType, "%s() takes exactly one argument (%d given)", name, nargs);
  return false;
}

// METH_NOARGS: "globals() takes no arguments (1 given)".
bool no_args(const char* name, size_t nargs, Object* kwnames) {
  if (!no_kwargs(name, kwnames)) return false;
  if (nargs == 0) return true;
  set_error_fmt(&kTypeErrorType, "%s() takes no arguments (%d given)", name, nargs);
  return false;
}

// _PyArg_CheckPositional: "divmod expected 2 arguments, got 1".
bool positional(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  bool few = nargs < min;
  size_t n = few ? min : max;
  set_error_fmt(&kTypeErrorType, "%s expected %s%d argument%s, got %d", name,
                min == max ? "" : few ? "at least " : "at most ", n, n == 1 ? "" : "s", nargs);
  return false;
}

bool positional_no_kw(const char* name, size_t nargs, size_t min, size_t max, Object* kwnames) {
  return no_kwargs(name, kwnames) && positional(name, nargs, min, max);
}

// Keyword arguments of functions that take *args plus a few keywords (print,
// min, max, sorted): each name must be one of `allowed`; values go to `out`
// in the order of `allowed`.  CPython: "'x' is an invalid keyword argument
// for print()".
bool parse_keywords(const char* fname, Object* const* args, size_t nargs, Object* kwnames,
                    std::initializer_list<const char*> allowed, Object** out) {
  for (size_t i = 0; i < allowed.size(); ++i) out[i] = nullptr;
  if (kwnames == nullptr) return true;
  for (ssize_t k = 0; k < tuple_size(kwnames); ++k) {
    Object* name = tuple_get(kwnames, k);
    size_t i = 0;
    for (const char* a : allowed) {
      if (str_equal_cstr(name, a)) break;
      ++i;
    }
    if (i == allowed.size()) {
      set_error_fmt(&kTypeErrorType, "'%s' is an invalid keyword argument for %s()",
                    str_view(name), fname);
      return false;
    }
    out[i] = args[nargs + k];
  }
  return true;
}

bool has_keyword(Object* kwnames, const char* name) {
  if (kwnames == nullptr) return false;
  for (ssize_t k = 0; k < tuple_size(kwnames); ++k) {
    if (str_equal_cstr(tuple_get(kwnames, k), name)) return true;
  }
  return false;
}

Object* sys_attr(const char* name) {  // borrowed, nullptr when missing
  Object* sys = sys_module();
  return sys != nullptr ? dict_get_item_str(module_dict(sys), name) : nullptr;
}

}  // namespace bltin

namespace {

using namespace bltin;

// ---------------------------------------------------------------------------
// print, input

int write_to(Object* file, Object* text) {
  Object* r = call_method(file, "write", {text});
  xdecref(r);
  return r != nullptr ? 0 : -1;
}

bool check_sep(const char* what, Object* o) {
  if (o == nullptr || o == kNone || str_check(o)) return true;
  set_error_fmt(&kTypeErrorType, "%s must be None or a string, not %s", what, type_name(o));
  return false;
}

// The general path: file.write() per piece, as CPython does.
int print_via_write(Object* file, Object* const* args, size_t nargs, Object* sep, Object* end) {
  for (size_t i = 0; i < nargs; ++i) {
    if (i > 0) {
      Ref<> s = sep != nullptr ? borrow(sep) : steal(str_from(" "));
      if (!s || write_to(file, s.get()) < 0) return -1;
    }
    Ref<> text = steal(str(args[i]));
    if (!text || write_to(file, text.get()) < 0) return -1;
  }
  Ref<> e = end != nullptr ? borrow(end) : steal(str_from("\n"));
  return e ? write_to(file, e.get()) : -1;
}

// The fast path for conch's own files: one buffer, one write.
int print_to_file(Object* file, Object* const* args, size_t nargs, Object* sep, Object* end) {
  std::string line;
  for (size_t i = 0; i < nargs; ++i) {
    if (i > 0) line += sep != nullptr ? str_view(sep) : std::string_view(" ");
    if (str_check_exact(args[i])) {
      line += str_view(args[i]);
      continue;
    }
    Ref<> text = steal(str(args[i]));
    if (!text) return -1;
    line += str_view(text.get());
  }
  line += end != nullptr ? str_view(end) : std::string_view("\n");
  return file_write_text(file, line);
}

Object* builtin_print(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  Object* kw[4];  // sep, end, file, flush
  if (!parse_keywords("print", args, nargs, kwnames, {"sep", "end", "file", "flush"}, kw)) {
    return nullptr;
  }
  if (!check_sep("sep", kw[0]) || !check_sep("end", kw[1])) return nullptr;
  Object* sep = kw[0] == kNone ? nullptr : kw[0];
  Object* end = kw[1] == kNone ? nullptr : kw[1];
  Object* file = kw[2] != nullptr && kw[2] != kNone ? kw[2] : sys_attr("stdout");
  if (file == nullptr) {
    set_error(&kRuntimeErrorType, "lost sys.stdout");
    return nullptr;
  }
  if (file == kNone) return new_none();
  Ref<> keep = borrow(file);  // a write may replace sys.stdout
  int rc = file_check(file) ? print_to_file(file, args, nargs, sep, end)
                            : print_via_write(file, args, nargs, sep, end);
  if (rc < 0) return nullptr;
  if (kw[3] != nullptr) {
    int flush = is_true(kw[3]);
    if (flush < 0) return nullptr;
    if (flush) {
      Object* r = call_method(file, "flush", {});
      if (r == nullptr) return nullptr;
      decref(r);
    }
  }
  return new_none();
}

Object* builtin_input(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("input", nargs, 0, 1, kwnames)) return nullptr;
  Object* out = sys_attr("stdout");
  Object* in = sys_attr("stdin");
  if (in == nullptr || in == kNone) {
    set_error(&kRuntimeErrorType, "input(): lost sys.stdin");
    return nullptr;
  }
  flush_std_streams();
  if (nargs == 1 && out != nullptr && out != kNone) {
    Ref<> prompt = steal(str(args[0]));
    if (!prompt || write_to(out, prompt.get()) < 0) return nullptr;
    flush_std_streams();
  }
  Ref<> line = steal(call_method(in, "readline", {}));
  if (!line) return nullptr;
  if (!str_check(line.get())) {
    set_error(&kTypeErrorType, "object.readline() returned non-string");
    return nullptr;
  }
  std::string_view v = str_view(line.get());
  if (v.empty()) {
    set_error(&kEOFErrorType, "EOF when reading a line");
    return nullptr;
  }
  if (v.back() == '\n') v.remove_suffix(1);
  return str_from(v);
}

// ---------------------------------------------------------------------------
// Simple one-argument functions.

Object* builtin_len(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!one_arg("len", nargs, kwnames)) return nullptr;
  ssize_t n = length(args[0]);
  return n < 0 ? nullptr : int_from_i64(n);
}

Object* builtin_abs(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return one_arg("abs", nargs, kwnames) ? absolute(args[0]) : nullptr;
}

Object* builtin_repr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return one_arg("repr", nargs, kwnames) ? repr(args[0]) : nullptr;
}

Object* builtin_ascii(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return one_arg("ascii", nargs, kwnames) ? ascii(args[0]) : nullptr;
}

Object* builtin_hash(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!one_arg("hash", nargs, kwnames)) return nullptr;
  hash_t h = hash(args[0]);
  return h == -1 ? nullptr : int_from_i64(h);
}

Object* builtin_id(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!one_arg("id", nargs, kwnames)) return nullptr;
  return int_from_u64(reinterpret_cast<uintptr_t>(args[0]));
}

Object* builtin_callable(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return one_arg("callable", nargs, kwnames) ? new_bool(is_callable(args[0])) : nullptr;
}

Object* base_string(const char* name, int base, Object* const* args, size_t nargs,
                    Object* kwnames) {
  if (!one_arg(name, nargs, kwnames)) return nullptr;
  Ref<> v = steal(number_index(args[0]));
  return v ? int_to_base_string(v.get(), base) : nullptr;
}

Object* builtin_bin(Object*, Object* const* args, size_t nargs, Object* kw) {
  return base_string("bin", 2, args, nargs, kw);
}
Object* builtin_oct(Object*, Object* const* args, size_t nargs, Object* kw) {
  return base_string("oct", 8, args, nargs, kw);
}
Object* builtin_hex(Object*, Object* const* args, size_t nargs, Object* kw) {
  return base_string("hex", 16, args, nargs, kw);
}

// The code point of a one-character str (str is UTF-8 inside).
uint32_t decode_single_char(std::string_view s) {
  auto* p = reinterpret_cast<const unsigned char*>(s.data());
  if (p[0] < 0x80) return p[0];
  int len = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : 2;
  uint32_t cp = p[0] & (0x7F >> len);
  for (int i = 1; i < len && i < static_cast<int>(s.size()); ++i) cp = (cp << 6) | (p[i] & 0x3F);
  return cp;
}

Object* builtin_ord(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!one_arg("ord", nargs, kwnames)) return nullptr;
  Object* c = args[0];
  if (str_check(c)) {
    ssize_t n = str_length(c);
    if (n == 1) return int_from_i64(decode_single_char(str_view(c)));
    set_error_fmt(&kTypeErrorType, "ord() expected a character, but string of length %d found",
                  n);
    return nullptr;
  }
  if (bytes_check(c)) {
    std::string_view b = bytes_view(c);
    if (b.size() == 1) return int_from_i64(static_cast<unsigned char>(b[0]));
    set_error_fmt(&kTypeErrorType, "ord() expected a character, but string of length %d found",
                  b.size());
    return nullptr;
  }
  set_error_fmt(&kTypeErrorType, "ord() expected string of length 1, but %s found", type_name(c));
  return nullptr;
}

Object* builtin_chr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!one_arg("chr", nargs, kwnames)) return nullptr;
  if (float_check(args[0])) {
    set_error(&kTypeErrorType, "'float' object cannot be interpreted as an integer");
    return nullptr;
  }
  ssize_t v = index_as_ssize(args[0]);
  if (v == -1 && has_error()) return nullptr;
  if (v < 0 || v > 0x10FFFF) {
    set_error(&kValueErrorType, "chr() arg not in range(0x110000)");
    return nullptr;
  }
  return str_from_codepoint(static_cast<uint32_t>(v));
}

Object* builtin_format(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("format", nargs, 1, 2, kwnames)) return nullptr;
  Object* spec = nargs > 1 ? args[1] : nullptr;
  if (spec != nullptr && !str_check(spec)) {
    set_error_fmt(&kTypeErrorType, "format() argument 2 must be str, not %s", type_name(spec));
    return nullptr;
  }
  return format(args[0], spec);
}

// ---------------------------------------------------------------------------
// Arithmetic helpers: divmod, pow, round.

Object* call_dunder(Object* obj, const char* name, Object* arg) {
  Object* f = type_lookup(obj->type, str_intern(name));
  if (f == nullptr) return new_ref(kNotImplemented);
  return call_method(obj, name, {arg});
}

Object* builtin_divmod(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("divmod", nargs, 2, 2, kwnames)) return nullptr;
  Object *a = args[0], *b = args[1];
  bool numbers = (int_check(a) || float_check(a)) && (int_check(b) || float_check(b));
  if (numbers && type_lookup(a->type, str_intern("__divmod__")) == nullptr) {
    Ref<> q = steal(binary_op(a, b, BinaryOp::kFloorDivide));
    if (!q) return nullptr;
    Ref<> r = steal(binary_op(a, b, BinaryOp::kRemainder));
    return r ? tuple_pack({q.get(), r.get()}) : nullptr;
  }
  bool b_first = b->type != a->type && is_subtype(b->type, a->type);
  for (int pass = 0; pass < 2; ++pass) {
    bool reflected = (pass == 0) == b_first;
    if (reflected && b->type == a->type) continue;
    Ref<> r = steal(reflected ? call_dunder(b, "__rdivmod__", a) : call_dunder(a, "__divmod__", b));
    if (!r) return nullptr;
    if (r.get() != kNotImplemented) return r.release();
  }
  set_error_fmt(&kTypeErrorType, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                type_name(a), type_name(b));
  return nullptr;
}

Object* builtin_pow(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"pow", {"base", "exp", "mod"}, 2, 3, 0};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  return power(a[0], a[1], a[2] != nullptr ? a[2] : kNone);
}

Object* builtin_round(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"round", {"number", "ndigits"}, 1, 2, 0};
  if (nargs == 0 && !has_keyword(kwnames, "number")) {
    set_error(&kTypeErrorType, "round() missing required argument 'number' (pos 1)");
    return nullptr;
  }
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (type_lookup(a[0]->type, str_intern("__round__")) == nullptr) {
    set_error_fmt(&kTypeErrorType, "type %s doesn't define __round__ method", type_name(a[0]));
    return nullptr;
  }
  if (a[1] == nullptr || a[1] == kNone) return call_method(a[0], "__round__", {});
  return call_method(a[0], "__round__", {a[1]});
}

// ---------------------------------------------------------------------------
// Types and attributes.

Object* builtin_isinstance(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("isinstance", nargs, 2, 2, kwnames)) return nullptr;
  int r = isinstance(args[0], args[1]);
  return r < 0 ? nullptr : new_bool(r != 0);
}

Object* builtin_issubclass(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("issubclass", nargs, 2, 2, kwnames)) return nullptr;
  int r = issubclass(args[0], args[1]);
  return r < 0 ? nullptr : new_bool(r != 0);
}

bool check_attr_name(Object* name) {
  if (str_check(name)) return true;
  set_error_fmt(&kTypeErrorType, "attribute name must be string, not '%s'", type_name(name));
  return false;
}

Object* builtin_getattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("getattr", nargs, 2, 3, kwnames) || !check_attr_name(args[1])) {
    return nullptr;
  }
  if (nargs == 2) return getattr(args[0], args[1]);
  Object* v = lookup_attr(args[0], args[1]);
  if (v != nullptr || has_error()) return v;
  return new_ref(args[2]);
}

Object* builtin_setattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("setattr", nargs, 3, 3, kwnames) || !check_attr_name(args[1])) {
    return nullptr;
  }
  return setattr(args[0], args[1], args[2]) < 0 ? nullptr : new_none();
}

Object* builtin_delattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("delattr", nargs, 2, 2, kwnames) || !check_attr_name(args[1])) {
    return nullptr;
  }
  return delattr(args[0], args[1]) < 0 ? nullptr : new_none();
}

Object* builtin_hasattr(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("hasattr", nargs, 2, 2, kwnames) || !check_attr_name(args[1])) {
    return nullptr;
  }
  Object* v = lookup_attr(args[0], args[1]);
  if (v == nullptr) return has_error() ? nullptr : new_bool(false);
  decref(v);
  return new_bool(true);
}

// exit() / quit(): what the site module gives interactive users; scripts
// call them too.
Object* builtin_exit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("exit", nargs, 0, 1, kwnames)) return nullptr;
  flush_std_streams();
  set_error_args(&kSystemExitType, nargs == 1 ? tuple_pack({args[0]}) : nullptr);
  return nullptr;
}

const MethodDef kBuiltinFunctions[] = {
    {"print", builtin_print, kMethodDefault, nullptr},
    {"input", builtin_input, kMethodDefault, nullptr},
    {"len", builtin_len, kMethodDefault, nullptr},
    {"abs", builtin_abs, kMethodDefault, nullptr},
    {"repr", builtin_repr, kMethodDefault, nullptr},
    {"ascii", builtin_ascii, kMethodDefault, nullptr},
    {"hash", builtin_hash, kMethodDefault, nullptr},
    {"id", builtin_id, kMethodDefault, nullptr},
    {"callable", builtin_callable, kMethodDefault, nullptr},
    {"bin", builtin_bin, kMethodDefault, nullptr},
    {"oct", builtin_oct, kMethodDefault, nullptr},
    {"hex", builtin_hex, kMethodDefault, nullptr},
    {"ord", builtin_ord, kMethodDefault, nullptr},
    {"chr", builtin_chr, kMethodDefault, nullptr},
    {"format", builtin_format, kMethodDefault, nullptr},
    {"divmod", builtin_divmod, kMethodDefault, nullptr},
    {"pow", builtin_pow, kMethodDefault, nullptr},
    {"round", builtin_round, kMethodDefault, nullptr},
    {"sum", builtin_sum, kMethodDefault, nullptr},
    {"min", builtin_min, kMethodDefault, nullptr},
    {"max", builtin_max, kMethodDefault, nullptr},
    {"any", builtin_any, kMethodDefault, nullptr},
    {"all", builtin_all, kMethodDefault, nullptr},
    {"sorted", builtin_sorted, kMethodDefault, nullptr},
    {"iter", builtin_iter, kMethodDefault, nullptr},
    {"next", builtin_next, kMethodDefault, nullptr},
    {"isinstance", builtin_isinstance, kMethodDefault, nullptr},
    {"issubclass", builtin_issubclass, kMethodDefault, nullptr},
    {"getattr", builtin_getattr, kMethodDefault, nullptr},
    {"setattr", builtin_setattr, kMethodDefault, nullptr},
    {"delattr", builtin_delattr, kMethodDefault, nullptr},
    {"hasattr", builtin_hasattr, kMethodDefault, nullptr},
    {"globals", builtin_globals, kMethodDefault, nullptr},
    {"locals", builtin_locals, kMethodDefault, nullptr},
    {"vars", builtin_vars, kMethodDefault, nullptr},
    {"dir", builtin_dir, kMethodDefault, nullptr},
    {"exec", builtin_exec, kMethodDefault, nullptr},
    {"eval", builtin_eval, kMethodDefault, nullptr},
    {"compile", builtin_compile, kMethodDefault, nullptr},
    {"__import__", builtin_import, kMethodDefault, nullptr},
    {"open", io_open, kMethodDefault, nullptr},
    {"exit", builtin_exit, kMethodDefault, nullptr},
    {"quit", builtin_exit, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------------------
// Registration of types and constants.

Type* const kBuiltinTypes[] = {
    &kObjectType, &kTypeType, &kIntType, &kBoolType, &kFloatType, &kComplexType, &kStrType, &kBytesType,
    &kByteArrayType, &kListType, &kTupleType, &kDictType, &kSetType, &kFrozenSetType, &kRangeType, &kSliceType,
    &kEnumerateType, &kZipType, &kMapType, &kFilterType, &kReversedType,
};

Type* const kExceptionTypes[] = {
    &kBaseExceptionType, &kExceptionType, &kSystemExitType, &kKeyboardInterruptType,
    &kGeneratorExitType, &kStopIterationType, &kArithmeticErrorType, &kZeroDivisionErrorType,
    &kOverflowErrorType, &kFloatingPointErrorType, &kAssertionErrorType, &kAttributeErrorType,
    &kLookupErrorType, &kIndexErrorType, &kKeyErrorType, &kNameErrorType,
    &kUnboundLocalErrorType, &kTypeErrorType, &kValueErrorType, &kUnicodeErrorType,
    &kUnicodeDecodeErrorType, &kUnicodeEncodeErrorType, &kRuntimeErrorType,
    &kRecursionErrorType, &kNotImplementedErrorType, &kMemoryErrorType, &kSyntaxErrorType,
    &kIndentationErrorType, &kTabErrorType, &kImportErrorType, &kModuleNotFoundErrorType,
    &kOSErrorType, &kFileNotFoundErrorType, &kFileExistsErrorType, &kPermissionErrorType,
    &kIsADirectoryErrorType, &kEOFErrorType, &kBufferErrorType, &kStopAsyncIterationType,
    &kWarningType, &kDeprecationWarningType, &kRuntimeWarningType, &kUserWarningType,
};

// "module.Name" types register under "Name".
std::string_view short_name(const Type* t) {
  std::string_view n = t->name;
  size_t dot = n.rfind('.');
  return dot == std::string_view::npos ? n : n.substr(dot + 1);
}

int add_types(Object* m) {
  for (Type* t : kBuiltinTypes) {
    if (module_add_object(m, short_name(t), t) < 0) return -1;
  }
  for (Type* t : kExceptionTypes) {
    if (module_add_object(m, short_name(t), t) < 0) return -1;
  }
  // CPython's aliases of OSError.
  for (const char* alias : {"IOError", "EnvironmentError"}) {
    if (module_add_object(m, alias, &kOSErrorType) < 0) return -1;
  }
  return 0;
}

int add_constants(Object* m) {
  const std::pair<const char*, Object*> constants[] = {
      {"None", kNone},   {"Ellipsis", kEllipsis}, {"NotImplemented", kNotImplemented},
      {"True", kTrue},   {"False", kFalse},       {"__debug__", kTrue},
  };
  for (const auto& [name, value] : constants) {
    if (module_add_object(m, name, value) < 0) return -1;
  }
  return 0;
}

}  // namespace

void init_builtin_module_types() {
  init_callable_iterator_type();
  init_namespace_type();
}

Object* init_builtins_module() {
  Ref<> m = steal(module_new("builtins"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kBuiltinFunctions) < 0) return nullptr;
  if (add_types(m.get()) < 0 || add_constants(m.get()) < 0) return nullptr;
  if (install_class_builtins(module_dict(m.get())) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
