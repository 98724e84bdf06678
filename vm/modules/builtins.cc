// The builtins module: the functions every program sees, and the registration
// of the built-in types and exceptions under their names.
//
// Signatures, behaviour and error messages follow CPython 3.11's
// bltinmodule.c; where CPython words an argument error in its own way (print's
// "'x' is an invalid keyword argument for print()", "isinstance expected 2
// arguments, got 1"), the helpers below reproduce that wording.
#include <cstdint>
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/eval/frame.h"
#include "vm/interp.h"
#include "vm/io.h"
#include "vm/modules/modules.h"
#include "vm/runtime.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {

Type kCallableIteratorType;

namespace {

// ---------------------------------------------------------------------------
// Argument checks in CPython's words.

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

Object* sys_attr(const char* name) {  // borrowed, nullptr when missing
  Object* sys = sys_module();
  return sys != nullptr ? dict_get_item_str(module_dict(sys), name) : nullptr;
}

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
// Iteration: sum, min, max, any, all, sorted, iter, next.

// sum()'s exact-int fast path; falls out with *acc holding a boxed result
// when an item is not a small int or the sum overflows.
Object* sum_ints(Object* it, int64_t total, Ref<>* pending) {
  for (;;) {
    Ref<> item = steal(iter_next(it));
    if (!item) return has_error() ? nullptr : int_from_i64(total);
    int64_t v;
    if ((int_check_exact(item.get()) || bool_check(item.get())) &&
        int_to_i64(item.get(), &v) && !__builtin_add_overflow(total, v, &v)) {
      total = v;
      continue;
    }
    *pending = std::move(item);
    return int_from_i64(total);
  }
}

Object* sum_floats(Object* it, double total, Ref<>* pending) {
  for (;;) {
    Ref<> item = steal(iter_next(it));
    if (!item) return has_error() ? nullptr : float_from(total);
    if (item->type == &kFloatType) {
      total += float_value(item.get());
      continue;
    }
    int64_t v;
    if (int_check_exact(item.get()) && int_to_i64(item.get(), &v) &&
        v > -(int64_t{1} << 53) && v < (int64_t{1} << 53)) {
      total += static_cast<double>(v);
      continue;
    }
    *pending = std::move(item);
    return float_from(total);
  }
}

bool sum_rejects_start(Object* start) {
  if (str_check(start)) {
    set_error(&kTypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
    return true;
  }
  if (bytes_check(start)) {
    set_error(&kTypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]");
    return true;
  }
  return false;
}

Object* builtin_sum(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"sum", {"iterable", "start"}, 1, 2, 1};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> result = a[1] != nullptr ? borrow(a[1]) : steal(int_from_i64(0));
  if (!result || sum_rejects_start(result.get())) return nullptr;
  Ref<> it = steal(get_iter(a[0]));
  if (!it) return nullptr;
  Ref<> pending;
  int64_t start;
  if (int_check_exact(result.get()) && int_to_i64(result.get(), &start)) {
    result = steal(sum_ints(it.get(), start, &pending));
    if (!result || !pending) return result.release();
  }
  if (result->type == &kFloatType && !pending) {
    result = steal(sum_floats(it.get(), float_value(result.get()), &pending));
    if (!result || !pending) return result.release();
  }
  for (;;) {
    Ref<> item = pending ? std::move(pending) : steal(iter_next(it.get()));
    if (!item) return has_error() ? nullptr : result.release();
    result = steal(binary_op(result.get(), item.get(), BinaryOp::kAdd));
    if (!result) return nullptr;
  }
}

// min() and max(): `op` is kLt for min, kGt for max.
Object* min_max(const char* name, CompareOp op, Object* const* args, size_t nargs,
                Object* kwnames) {
  Object* kw[2];  // key, default
  if (!parse_keywords(name, args, nargs, kwnames, {"key", "default"}, kw)) return nullptr;
  if (nargs == 0) {
    set_error_fmt(&kTypeErrorType, "%s expected at least 1 argument, got 0", name);
    return nullptr;
  }
  if (nargs > 1 && kw[1] != nullptr) {
    set_error_fmt(&kTypeErrorType,
                  "Cannot specify a default for %s() with multiple positional arguments", name);
    return nullptr;
  }
  Object* key = kw[0] == kNone ? nullptr : kw[0];
  Ref<> it = nargs == 1 ? steal(get_iter(args[0])) : Ref<>();
  if (nargs == 1 && !it) return nullptr;
  Ref<> best, best_key;
  for (size_t i = 0;; ++i) {
    Ref<> item = nargs == 1 ? steal(iter_next(it.get())) : i < nargs ? borrow(args[i]) : Ref<>();
    if (!item) break;
    Ref<> k = key != nullptr ? steal(call_args(key, {item.get()})) : item;
    if (!k) return nullptr;
    if (!best) {
      best = std::move(item);
      best_key = std::move(k);
      continue;
    }
    int better = rich_compare_bool(k.get(), best_key.get(), op);
    if (better < 0) return nullptr;
    if (better) {
      best = std::move(item);
      best_key = std::move(k);
    }
  }
  if (has_error()) return nullptr;
  if (best) return best.release();
  if (kw[1] != nullptr) return new_ref(kw[1]);
  set_error_fmt(&kValueErrorType, "%s() arg is an empty sequence", name);
  return nullptr;
}

Object* builtin_min(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return min_max("min", CompareOp::kLt, args, nargs, kwnames);
}
Object* builtin_max(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return min_max("max", CompareOp::kGt, args, nargs, kwnames);
}

// any() and all(): stop at the first item whose truth equals `stop_on`.
Object* any_all(const char* name, bool stop_on, Object* const* args, size_t nargs,
                Object* kwnames) {
  if (!one_arg(name, nargs, kwnames)) return nullptr;
  Ref<> it = steal(get_iter(args[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) return has_error() ? nullptr : new_bool(!stop_on);
    int t = is_true(item.get());
    if (t < 0) return nullptr;
    if ((t != 0) == stop_on) return new_bool(stop_on);
  }
}

Object* builtin_any(Object*, Object* const* args, size_t nargs, Object* kw) {
  return any_all("any", true, args, nargs, kw);
}
Object* builtin_all(Object*, Object* const* args, size_t nargs, Object* kw) {
  return any_all("all", false, args, nargs, kw);
}

Object* builtin_sorted(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional("sorted", nargs, 1, 1)) return nullptr;
  Object* kw[2];  // key, reverse
  if (!parse_keywords("sort", args, nargs, kwnames, {"key", "reverse"}, kw)) return nullptr;
  bool reverse = false;
  if (kw[1] != nullptr) {
    if (float_check(kw[1])) {
      set_error(&kTypeErrorType, "'float' object cannot be interpreted as an integer");
      return nullptr;
    }
    ssize_t r = index_as_ssize(kw[1]);
    if (r == -1 && has_error()) return nullptr;
    reverse = r != 0;
  }
  Ref<> list = steal(list_from_iterable(args[0]));
  if (!list) return nullptr;
  Object* key = kw[0] == kNone ? nullptr : kw[0];
  if (list_sort(list.get(), key, reverse) < 0) return nullptr;
  return list.release();
}

// callable_iterator: iter(callable, sentinel).
struct CallIter : Object {
  Object* callable;  // null once exhausted
  Object* sentinel;
};

Object* calliter_next(Object* self) {
  auto* ci = static_cast<CallIter*>(self);
  if (ci->callable == nullptr) return nullptr;
  Ref<> v = steal(call(ci->callable, nullptr, 0));
  if (!v) {
    if (error_matches(&kStopIterationType)) {
      clear_error();
      clear_slot(&ci->callable);
    }
    return nullptr;
  }
  int eq = rich_compare_bool(v.get(), ci->sentinel, CompareOp::kEq);
  if (eq < 0) return nullptr;
  if (eq == 0) return v.release();
  clear_slot(&ci->callable);
  return nullptr;
}

Object* self_iter(Object* self) { return new_ref(self); }

void calliter_dealloc(Object* self) {
  auto* ci = static_cast<CallIter*>(self);
  clear_slot(&ci->callable);
  clear_slot(&ci->sentinel);
  generic_free(self);
}

int calliter_traverse(Object* self, VisitFunc visit, void* arg) {
  auto* ci = static_cast<CallIter*>(self);
  for (Object* o : {ci->callable, ci->sentinel}) {
    if (o != nullptr) {
      if (int r = visit(o, arg)) return r;
    }
  }
  return 0;
}

int calliter_clear(Object* self) {
  auto* ci = static_cast<CallIter*>(self);
  clear_slot(&ci->callable);
  clear_slot(&ci->sentinel);
  return 0;
}

Object* builtin_iter(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("iter", nargs, 1, 2, kwnames)) return nullptr;
  if (nargs == 1) return get_iter(args[0]);
  if (!is_callable(args[0])) {
    set_error(&kTypeErrorType, "iter(v, w): v must be callable");
    return nullptr;
  }
  auto* ci = static_cast<CallIter*>(generic_alloc(&kCallableIteratorType, 0));
  if (ci == nullptr) return nullptr;
  ci->callable = new_ref(args[0]);
  ci->sentinel = new_ref(args[1]);
  return ci;
}

Object* builtin_next(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("next", nargs, 1, 2, kwnames)) return nullptr;
  Object* it = args[0];
  if (it->type->iternext == nullptr) {
    set_error_fmt(&kTypeErrorType, "'%s' object is not an iterator", type_name(it));
    return nullptr;
  }
  Object* v = it->type->iternext(it);
  if (v != nullptr) return v;
  if (has_error()) {
    if (nargs < 2 || !error_matches(&kStopIterationType)) return nullptr;
    clear_error();
  }
  if (nargs == 2) return new_ref(args[1]);
  set_error_args(&kStopIterationType, nullptr);
  return nullptr;
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

Object* caller_locals() {
  Frame* f = current_frame();
  if (f == nullptr) return dict_new();
  return frame_locals_dict(f);
}

Object* builtin_globals(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("globals", nargs, kwnames)) return nullptr;
  Object* g = current_globals();
  return g != nullptr ? new_ref(g) : dict_new();
}

Object* builtin_locals(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("locals", nargs, kwnames)) return nullptr;
  return caller_locals();
}

Object* builtin_vars(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("vars", nargs, 0, 1, kwnames)) return nullptr;
  if (nargs == 0) return caller_locals();
  Object* d = lookup_attr(args[0], str_intern("__dict__"));
  if (d == nullptr && !has_error()) {
    set_error(&kTypeErrorType, "vars() argument must have __dict__ attribute");
  }
  return d;
}

// dir(obj) when the type has no __dir__: the instance dict's keys and every
// class along the MRO (for a type: its own MRO).
int collect_dir_names(Object* obj, Object* names) {
  Ref<> d = steal(lookup_attr(obj, str_intern("__dict__")));
  if (!d && has_error()) return -1;
  if (d && dict_check(d.get()) && dict_update(names, d.get()) < 0) return -1;
  Type* t = is_instance_of(obj, &kTypeType) ? static_cast<Type*>(obj) : obj->type;
  if (t->mro == nullptr) return 0;
  for (ssize_t i = 0; i < tuple_size(t->mro); ++i) {
    Object* tdict = static_cast<Type*>(tuple_get(t->mro, i))->dict;
    if (tdict != nullptr && dict_update(names, tdict) < 0) return -1;
  }
  return 0;
}

Object* sorted_keys(Object* mapping_or_iterable) {
  Ref<> list = steal(dict_check(mapping_or_iterable) ? dict_keys_list(mapping_or_iterable)
                                                     : list_from_iterable(mapping_or_iterable));
  if (!list || list_sort(list.get(), nullptr, false) < 0) return nullptr;
  return list.release();
}

Object* builtin_dir(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("dir", nargs, 0, 1, kwnames)) return nullptr;
  if (nargs == 0) {
    Ref<> locals = steal(caller_locals());
    return locals ? sorted_keys(locals.get()) : nullptr;
  }
  Object* obj = args[0];
  if (type_lookup(obj->type, str_intern("__dir__")) != nullptr) {
    Ref<> names = steal(call_method(obj, "__dir__", {}));
    return names ? sorted_keys(names.get()) : nullptr;
  }
  Ref<> names = steal(dict_new());
  if (!names || collect_dir_names(obj, names.get()) < 0) return nullptr;
  return sorted_keys(names.get());
}

// ---------------------------------------------------------------------------
// exec, eval, compile, __import__.

// Source text of exec/eval/compile's first argument; false with TypeError.
bool source_text(const char* fname, Object* src, std::string* out) {
  if (str_check(src)) {
    *out = std::string(str_view(src));
  } else if (bytes_check(src)) {
    *out = std::string(bytes_view(src));
  } else {
    set_error_fmt(&kTypeErrorType, "%s() arg 1 must be a string, bytes or code object", fname);
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    set_error(&kValueErrorType, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

Object* code_for(const char* fname, Object* src, CompileMode mode) {
  if (src->type == &kCodeType) return new_ref(src);
  std::string text;
  if (!source_text(fname, src, &text)) return nullptr;
  if (mode == CompileMode::kEval) {
    size_t start = text.find_first_not_of(" \t");
    text.erase(0, start == std::string::npos ? text.size() : start);
  }
  return compile_source(text, "<string>", mode);
}

// Resolves exec/eval's globals and locals (new references in *g, *l).
bool namespaces(const char* fname, Object* globals, Object* locals, Ref<>* g, Ref<>* l) {
  if (globals == kNone) globals = nullptr;
  if (locals == kNone) locals = nullptr;
  if (globals != nullptr && !dict_check(globals)) {
    if (std::string_view(fname) == "exec") {
      set_error_fmt(&kTypeErrorType, "exec() globals must be a dict, not %s", type_name(globals));
    } else {
      set_error(&kTypeErrorType, "globals must be a real dict; try eval(expr, {}, mapping)");
    }
    return false;
  }
  if (globals == nullptr) {
    Object* cur = current_globals();
    *g = cur != nullptr ? borrow(cur) : steal(dict_new());
    *l = locals != nullptr ? borrow(locals) : steal(caller_locals());
  } else {
    *g = borrow(globals);
    *l = borrow(locals != nullptr ? locals : globals);
  }
  if (!*g || !*l) return false;
  if (dict_get_item_str(g->get(), "__builtins__") == nullptr) {
    if (has_error() || dict_set_item_str(g->get(), "__builtins__", builtins_dict()) < 0) {
      return false;
    }
  }
  return true;
}

Object* builtin_exec(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"exec", {"source", "globals", "locals", "closure"}, 1, 3, 3};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> g, l;
  if (!namespaces("exec", a[1], a[2], &g, &l)) return nullptr;
  Ref<> code = steal(code_for("exec", a[0], CompileMode::kExec));
  if (!code) return nullptr;
  Ref<> r = steal(eval_code(code.get(), g.get(), l.get()));
  return r ? new_none() : nullptr;
}

Object* builtin_eval(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"eval", {"source", "globals", "locals"}, 1, 3, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> g, l;
  if (!namespaces("eval", a[1], a[2], &g, &l)) return nullptr;
  Ref<> code = steal(code_for("eval", a[0], CompileMode::kEval));
  if (!code) return nullptr;
  return eval_code(code.get(), g.get(), l.get());
}

Object* builtin_compile(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{
      "compile",
      {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"},
      3, 6, 0};
  Object* a[7];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[2])) {
    set_error_fmt(&kTypeErrorType, "compile() argument 'mode' must be str, not %s",
                  type_name(a[2]));
    return nullptr;
  }
  std::string_view m = str_view(a[2]);
  CompileMode mode = m == "exec" ? CompileMode::kExec
                     : m == "eval" ? CompileMode::kEval
                                   : CompileMode::kSingle;
  if (m != "exec" && m != "eval" && m != "single") {
    set_error(&kValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'");
    return nullptr;
  }
  if (a[0]->type == &kCodeType) return new_ref(a[0]);
  Ref<> filename = steal(str(a[1]));
  std::string text;
  if (!filename || !source_text("compile", a[0], &text)) return nullptr;
  return compile_source(text, str_view(filename.get()), mode);
}

Object* builtin_import(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"__import__", {"name", "globals", "locals", "fromlist", "level"},
                            1, 5, 0};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[0])) {
    set_error_fmt(&kTypeErrorType, "__import__() argument 1 must be str, not %s",
                  type_name(a[0]));
    return nullptr;
  }
  ssize_t level = 0;
  if (a[4] != nullptr) {
    level = index_as_ssize(a[4]);
    if (level == -1 && has_error()) return nullptr;
    if (level < 0) {
      set_error(&kValueErrorType, "level must be >= 0");
      return nullptr;
    }
  }
  Object* globals = a[1] == kNone ? nullptr : a[1];
  Object* fromlist = a[3] == kNone ? nullptr : a[3];
  return import_module_level(a[0], globals, fromlist, static_cast<int>(level));
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
    &kObjectType, &kTypeType, &kIntType, &kBoolType, &kFloatType, &kStrType, &kBytesType,
    &kListType, &kTupleType, &kDictType, &kSetType, &kFrozenSetType, &kRangeType, &kSliceType,
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
  Type* t = &kCallableIteratorType;
  init_static_type(t, "callable_iterator", sizeof(CallIter), &kObjectType);
  t->flags |= kTypeHaveGC;
  t->dealloc = calliter_dealloc;
  t->traverse = calliter_traverse;
  t->clear = calliter_clear;
  t->iter = self_iter;
  t->iternext = calliter_next;
  type_ready(t);
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
