// The sys module, and types.SimpleNamespace (sys.implementation, sys.flags,
// sys.float_info are namespaces until struct sequences exist).
#include <float.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <cmath>
#include <cstddef>
#include <string>

#include "base/config.h"
#include "vm/gil.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/eval/generator.h"
#include "vm/interp.h"
#include "vm/io.h"
#include "vm/modules/modules.h"
#include "vm/runtime.h"
#include "vm/modules/structseq.h"
#include "vm/thread_state.h"
#include "vm/types.h"
#include "vm/types/int.h"  // g_int_max_str_digits

namespace conch::vm {

Type kNamespaceType;

namespace {

// Settings that outlive start-up.  g_startup is written once before any
// thread starts; the other two may be set by one thread while others read
// them (with the GIL off, nothing orders them), so they are relaxed atomics:
// a reader sees the old or the new value, never a torn one.
StartupOptions g_startup;
std::atomic<double> g_switch_interval{0.005};
std::atomic<int> g_recursion_limit{1000};

constexpr const char* kVersion = "3.11.0";
constexpr int64_t kHexVersion = 0x030B00F0;

// ---------------------------------------------------------------------------
// types.SimpleNamespace

struct NamespaceObject : Object {
  Object* dict;
  const char* repr_name;  // "namespace", or "sys.flags" for struct-sequence look-alikes
};

Object* namespace_repr(Object* self) {
  auto* ns = static_cast<NamespaceObject*>(self);
  if (!enter_recursive_call(" while getting the repr of an object")) return nullptr;
  std::string s = std::string(ns->repr_name ? ns->repr_name : "namespace") + "(";
  ssize_t pos = 0;
  Object *k, *v;
  bool first = true, ok = true;
  while (ok && dict_next(ns->dict, &pos, &k, &v)) {
    Ref<> r = steal(repr(v));
    if (!r) {
      ok = false;
      break;
    }
    if (!first) s += ", ";
    first = false;
    s += std::string(str_view(k)) + "=" + std::string(str_view(r.get()));
  }
  leave_recursive_call();
  if (!ok) return nullptr;
  return str_from(s + ")");
}

void namespace_dealloc(Object* self) {
  clear_slot(&static_cast<NamespaceObject*>(self)->dict);
  generic_free(self);
}

int namespace_traverse(Object* self, VisitFunc visit, void* arg) {
  Object* d = static_cast<NamespaceObject*>(self)->dict;
  return d != nullptr ? visit(d, arg) : 0;
}

int namespace_clear(Object* self) {
  clear_slot(&static_cast<NamespaceObject*>(self)->dict);
  return 0;
}

Object* make_namespace(const char* repr_name,
                       std::initializer_list<std::pair<const char*, Object*>> attrs) {
  Ref<> o = steal(generic_alloc(&kNamespaceType, 0));
  if (!o) return nullptr;
  auto* ns = static_cast<NamespaceObject*>(o.get());
  ns->repr_name = repr_name;
  ns->dict = dict_new();
  if (ns->dict == nullptr) return nullptr;
  for (const auto& [name, value] : attrs) {
    if (value == nullptr || dict_set_item_str(ns->dict, name, value) < 0) return nullptr;
  }
  return o.release();
}

// ---------------------------------------------------------------------------
// Functions.

Object* sys_exit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("exit", kwnames)) return nullptr;
  if (nargs > 1) {
    set_error_fmt(&kTypeErrorType, "exit expected at most 1 argument, got %d", nargs);
    return nullptr;
  }
  flush_std_streams();
  set_error_args(&kSystemExitType, nargs == 1 ? tuple_pack({args[0]}) : nullptr);
  return nullptr;
}

Object* sys_getrecursionlimit(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("getrecursionlimit", nargs, 0, 0, kwnames)) return nullptr;
  return int_from_i64(current_thread()->recursion_limit);
}

Object* sys_setrecursionlimit(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("setrecursionlimit", nargs, 1, 1, kwnames)) return nullptr;
  if (float_check(args[0])) {
    set_error(&kTypeErrorType, "'float' object cannot be interpreted as an integer");
    return nullptr;
  }
  ssize_t limit = index_as_ssize(args[0]);
  if (limit == -1 && has_error()) return nullptr;
  if (limit < 1 || limit > INT_MAX) {
    set_error(limit < 1 ? &kValueErrorType : &kOverflowErrorType,
              limit < 1 ? "recursion limit must be greater or equal than 1"
                        : "Python int too large to convert to C int");
    return nullptr;
  }
  ThreadState* ts = current_thread();
  if (limit <= ts->recursion_depth) {
    set_error_fmt(&kRecursionErrorType,
                  "cannot set the recursion limit to %d at the recursion depth %d: the limit "
                  "is too low",
                  limit, ts->recursion_depth);
    return nullptr;
  }
  ts->recursion_limit = static_cast<int>(limit);
  g_recursion_limit.store(static_cast<int>(limit), std::memory_order_relaxed);
  return new_none();
}

Object* sys_getswitchinterval(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("getswitchinterval", nargs, 0, 0, kwnames)) return nullptr;
  return float_from(g_switch_interval.load(std::memory_order_relaxed));
}

Object* sys_setswitchinterval(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("setswitchinterval", nargs, 1, 1, kwnames)) return nullptr;
  if (!float_check(args[0]) && !int_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "must be real number, not %s", type_name(args[0]));
    return nullptr;
  }
  double v = number_as_double(args[0]);
  if (v == -1.0 && has_error()) return nullptr;
  if (!(v > 0.0)) {
    set_error(&kValueErrorType, "switch interval must be strictly positive");
    return nullptr;
  }
  // CPython keeps whole microseconds (at least one).
  double interval = std::max(1.0, std::floor(v * 1e6)) / 1e6;
  g_switch_interval.store(interval, std::memory_order_relaxed);
  gil_set_switch_interval(interval);
  return new_none();
}

// sys._conch_gil_stats() (conch's own): the GIL's counters as a dict
//   {"enabled": bool, "acquisitions", "drop_requests", "forced_switches",
//    "hold_ns", "wait_ns" (totals over live and exited threads),
//    "threads": [{"ident", ...the same five counters}, ...] (live threads)}.
Object* gil_stats_dict(const locking::GilStats& s, uint64_t ident, bool with_ident) {
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  std::pair<const char*, int64_t> fields[] = {
      {"acquisitions", static_cast<int64_t>(s.acquisitions)},
      {"drop_requests", static_cast<int64_t>(s.drop_requests)},
      {"forced_switches", static_cast<int64_t>(s.forced_switches)},
      {"hold_ns", s.hold_ns},
      {"wait_ns", s.wait_ns}};
  if (with_ident) {
    Ref<> v = steal(int_from_u64(ident));
    if (!v || dict_set_item_str(d.get(), "ident", v.get()) < 0) return nullptr;
  }
  for (const auto& [name, value] : fields) {
    Ref<> v = steal(int_from_i64(value));
    if (!v || dict_set_item_str(d.get(), name, v.get()) < 0) return nullptr;
  }
  return d.release();
}

Object* sys_conch_gil_stats(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("_conch_gil_stats", nargs, 0, 0, kwnames)) return nullptr;
  std::vector<GilThreadStats> threads;
  locking::GilStats total = gil_stats(&threads);
  Ref<> d = steal(gil_stats_dict(total, 0, false));
  Ref<> list = steal(list_new(0));
  if (!d || !list) return nullptr;
  for (const GilThreadStats& t : threads) {
    Ref<> td = steal(gil_stats_dict(t.stats, t.ident, true));
    if (!td || list_append(list.get(), td.get()) < 0) return nullptr;
  }
  if (dict_set_item_str(d.get(), "threads", list.get()) < 0) return nullptr;
  if (dict_set_item_str(d.get(), "enabled", new_bool(gil_is_enabled())) < 0) return nullptr;
  return d.release();
}

Object* exc_info_tuple(Object* exc) {
  if (exc == nullptr || exc == kNone) return tuple_pack({kNone, kNone, kNone});
  Object* tb = exception_traceback(exc);
  return tuple_pack({exc->type, exc, tb != nullptr ? tb : kNone});
}

Object* sys_exc_info(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("exc_info", nargs, 0, 0, kwnames)) return nullptr;
  return exc_info_tuple(current_thread()->handled_exception);
}

// sys._getframe([depth]): a snapshot of the caller's frame (generator.h).
Object* sys_getframe(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("_getframe", nargs, 0, 1, kwnames)) return nullptr;
  int64_t depth = 0;
  if (nargs == 1) {
    depth = int_as_ssize(args[0]);
    if (depth == -1 && has_error()) return nullptr;
  }
  Frame* f = current_thread()->frame;
  for (int64_t i = 0; i < depth && f != nullptr; i++) f = f->back;
  if (f == nullptr) {
    set_error(&kValueErrorType, "call stack is not deep enough");
    return nullptr;
  }
  return frame_snapshot(f, true);
}

Object* sys_exception(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("exception", nargs, 0, 0, kwnames)) return nullptr;
  Object* exc = current_thread()->handled_exception;
  return new_ref(exc != nullptr ? exc : kNone);
}

Object* sys_getrefcount(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("getrefcount", nargs, 1, 1, kwnames)) return nullptr;
  return int_from_i64(gc::refcount(args[0]));
}

Object* sys_getsizeof(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"getsizeof", {"object", "default"}, 1, 2, 0};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* method = type_lookup(a[0]->type, str_intern("__sizeof__"));
  if (method != nullptr && method->type != &kMethodDescrType) {
    return call_method(a[0], "__sizeof__", {});
  }
  Type* t = a[0]->type;
  ssize_t size = t->basicsize;
  if (t->itemsize != 0 && t->length != nullptr) {
    ssize_t n = t->length(a[0]);
    if (n < 0) clear_error();
    else size += n * t->itemsize;
  }
  if (type_has_flag(t, kTypeHaveGC)) size += 16;  // CPython counts its GC header
  return int_from_i64(size);
}

Object* sys_intern(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("intern", nargs, 1, 1, kwnames)) return nullptr;
  if (!str_check_exact(args[0])) {
    set_error_fmt(&kTypeErrorType, "intern() argument must be str, not %s", type_name(args[0]));
    return nullptr;
  }
  return new_ref(str_intern(str_view(args[0])));
}

Object* sys_is_gil_enabled(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("_is_gil_enabled", nargs, 0, 0, kwnames)) return nullptr;
  return new_bool(gil_enabled());
}

Object* sys_conch_build(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("_conch_build", nargs, 0, 0, kwnames)) return nullptr;
  return str_from(kFreeThreaded ? "free-threaded" : "gil");
}

Object* sys_getdefaultencoding(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("getdefaultencoding", nargs, 0, 0, kwnames)) return nullptr;
  return str_from("utf-8");
}

Object* sys_get_int_max_str_digits(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("get_int_max_str_digits", nargs, 0, 0, kwnames)) return nullptr;
  return int_from_i64(g_int_max_str_digits);
}

Object* sys_set_int_max_str_digits(Object*, Object* const* args, size_t nargs,
                                   Object* kwnames) {
  static const ArgSpec spec{"set_int_max_str_digits", {"maxdigits"}, 1, 1, 0};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize_t v = index_as_ssize(a[0]);
  if (v == -1 && has_error()) return nullptr;
  if (v != 0 && (v < 640 || v > INT_MAX)) {
    set_error(&kValueErrorType, "maxdigits must be 0 or larger than 640");
    return nullptr;
  }
  g_int_max_str_digits = static_cast<int>(v);
  return new_none();
}

// sys.displayhook(value): what the interactive loop calls for an expression
// statement.  Prints repr(value) and keeps it in builtins._.
Object* sys_displayhook(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("displayhook", nargs, 1, 1, kwnames)) return nullptr;
  Object* v = args[0];
  if (v == kNone) return new_none();
  if (dict_set_item_str(builtins_dict(), "_", kNone) < 0) return nullptr;
  Ref<> text = steal(repr(v));
  if (!text) return nullptr;
  Object* out = dict_get_item_str(module_dict(sys_module()), "stdout");
  if (out == nullptr || out == kNone) {
    set_error(&kRuntimeErrorType, "lost sys.stdout");
    return nullptr;
  }
  std::string line = std::string(str_view(text.get())) + "\n";
  if (file_check(out)) {
    if (file_write_text(out, line) < 0) return nullptr;
  } else {
    Ref<> s = steal(str_from(line));
    Ref<> r = s ? steal(call_method(out, "write", {s.get()})) : Ref<>();
    if (!r) return nullptr;
  }
  if (dict_set_item_str(builtins_dict(), "_", v) < 0) return nullptr;
  return new_none();
}

const MethodDef kSysFunctions[] = {
    {"displayhook", sys_displayhook, kMethodDefault, nullptr},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, kMethodDefault, nullptr},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, kMethodDefault, nullptr},
    {"exit", sys_exit, kMethodDefault, nullptr},
    {"getrecursionlimit", sys_getrecursionlimit, kMethodDefault, nullptr},
    {"setrecursionlimit", sys_setrecursionlimit, kMethodDefault, nullptr},
    {"getswitchinterval", sys_getswitchinterval, kMethodDefault, nullptr},
    {"setswitchinterval", sys_setswitchinterval, kMethodDefault, nullptr},
    {"exc_info", sys_exc_info, kMethodDefault, nullptr},
    {"_getframe", sys_getframe, kMethodDefault, nullptr},
    {"exception", sys_exception, kMethodDefault, nullptr},
    {"getrefcount", sys_getrefcount, kMethodDefault, nullptr},
    {"getsizeof", sys_getsizeof, kMethodDefault, nullptr},
    {"intern", sys_intern, kMethodDefault, nullptr},
    {"_is_gil_enabled", sys_is_gil_enabled, kMethodDefault, nullptr},
    {"_conch_gil_stats", sys_conch_gil_stats, kMethodDefault, nullptr},
    {"_conch_build", sys_conch_build, kMethodDefault, nullptr},
    {"getdefaultencoding", sys_getdefaultencoding, kMethodDefault, nullptr},
    {"getfilesystemencoding", sys_getdefaultencoding, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------------------
// Attributes.

Object* str_list(const std::vector<std::string>& items) {
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  for (const std::string& s : items) {
    Ref<> item = steal(str_from(s));
    if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
  }
  return list.release();
}

std::string executable_path() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  return n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
}

std::string version_string() {
  return std::string(kVersion) + " (conch 0.1, " + kBuildName + " build, " +
         gc::allocator_name() + ") [GCC " + __VERSION__ + "]";
}

// Owns the temporaries an attribute table needs and frees them after.
struct Attr {
  const char* name;
  Object* value;  // new reference (null: error)
};

int add_attrs(Object* m, std::initializer_list<Attr> attrs) {
  int rc = 0;
  for (const Attr& a : attrs) {
    if (rc == 0 && (a.value == nullptr || module_add_object(m, a.name, a.value) < 0)) rc = -1;
    xdecref(a.value);
  }
  return rc;
}

Object* i64(int64_t v) { return int_from_i64(v); }
Object* s(const char* v) { return str_from_cstr(v); }

Type kVersionInfoType;
Type kFlagsType;
Type kFloatInfoType;
Type kIntInfoType;

void init_sys_types() {
  structseq_init_type(&kVersionInfoType, "sys.version_info",
                      {"major", "minor", "micro", "releaselevel", "serial"});
  structseq_init_type(&kFlagsType, "sys.flags",
                      {"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
                       "no_user_site", "no_site", "ignore_environment", "verbose",
                       "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
                       "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"});
  structseq_init_type(&kFloatInfoType, "sys.float_info",
                      {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                       "mant_dig", "epsilon", "radix", "rounds"});
  structseq_init_type(&kIntInfoType, "sys.int_info",
                      {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                       "str_digits_check_threshold"});
}

Object* version_info() {
  Ref<> final_s = steal(s("final"));
  Ref<> a = steal(i64(3)), b = steal(i64(11)), c = steal(i64(0)), d = steal(i64(0));
  return structseq_new(&kVersionInfoType, {a.get(), b.get(), c.get(), final_s.get(), d.get()});
}

Object* implementation() {
  Ref<> name = steal(s("conch")), build = steal(s(kFreeThreaded ? "free-threaded" : "gil"));
  Ref<> alpha = steal(s("alpha")), multiarch = steal(s("x86_64-linux-gnu"));
  Ref<> zero = steal(i64(0)), one = steal(i64(1)), hex = steal(i64(0x000100A0));
  if (!name || !build || !alpha || !multiarch || !hex) return nullptr;
  Ref<> version = steal(
      structseq_new(&kVersionInfoType, {zero.get(), one.get(), zero.get(), alpha.get(), zero.get()}));
  return make_namespace(nullptr, {{"name", name.get()},
                                  {"cache_tag", kNone},
                                  {"version", version.get()},
                                  {"hexversion", hex.get()},
                                  {"_multiarch", multiarch.get()},
                                  {"_build", build.get()}});
}

Object* flags() {
  Ref<> zero = steal(i64(0)), one = steal(i64(1)), unlimited = steal(i64(-1));
  Object* z = zero.get();
  return structseq_new(&kFlagsType, {z, z, z, z, one.get(), z, z, z, z, z, z, one.get(), z,
                                     kFalse, z, z, kFalse, unlimited.get()});
}

Object* float_info() {
  Ref<> max = steal(float_from(DBL_MAX)), min = steal(float_from(DBL_MIN));
  Ref<> eps = steal(float_from(DBL_EPSILON));
  Ref<> max_exp = steal(i64(DBL_MAX_EXP)), max_10 = steal(i64(DBL_MAX_10_EXP));
  Ref<> min_exp = steal(i64(DBL_MIN_EXP)), min_10 = steal(i64(DBL_MIN_10_EXP));
  Ref<> dig = steal(i64(DBL_DIG)), mant = steal(i64(DBL_MANT_DIG));
  Ref<> radix = steal(i64(FLT_RADIX)), rounds = steal(i64(1));
  return structseq_new(&kFloatInfoType,
                       {max.get(), max_exp.get(), max_10.get(), min.get(), min_exp.get(),
                        min_10.get(), dig.get(), mant.get(), eps.get(), radix.get(),
                        rounds.get()});
}

Object* int_info() {
  Ref<> bits = steal(i64(30)), size = steal(i64(4)), digits = steal(i64(4300));
  Ref<> threshold = steal(i64(640));
  return structseq_new(&kIntInfoType, {bits.get(), size.get(), digits.get(), threshold.get()});
}

Object* xoptions_dict() {
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  for (const auto& [name, value] : g_startup.xoptions) {
    Ref<> key = steal(str_from(name));
    Ref<> v = value.empty() ? borrow(kTrue) : steal(str_from(value));
    if (!key || !v || dict_set_item(d.get(), key.get(), v.get()) < 0) return nullptr;
  }
  return d.release();
}

Object* builtin_module_names() {
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  for (const BuiltinModule* b = builtin_module_table(); b->name != nullptr; ++b) {
    Ref<> item = steal(s(b->name));
    if (!item || list_append(list.get(), item.get()) < 0) return nullptr;
  }
  if (list_sort(list.get(), nullptr, false) < 0) return nullptr;
  return list_as_tuple(list.get());
}

StdBuffering stdout_buffering(int fd) {
  if (g_startup.unbuffered) return StdBuffering::kUnbuffered;
  return ::isatty(fd) ? StdBuffering::kLine : StdBuffering::kBlock;
}

int add_std_streams(Object* m) {
  Ref<> in = steal(file_from_std_fd(0, "<stdin>", "r", StdBuffering::kBlock));
  Ref<> out = steal(file_from_std_fd(1, "<stdout>", "w", stdout_buffering(1)));
  // stderr writes through (after flushing stdout) so messages are never lost
  // and interleave with stdout in program order.
  Ref<> err = steal(file_from_std_fd(2, "<stderr>", "w", StdBuffering::kUnbuffered));
  if (!in || !out || !err) return -1;
  file_set_flushes_stdout(err.get());
  for (const auto& [name, f] : {std::pair{"stdin", in.get()}, std::pair{"stdout", out.get()},
                                std::pair{"stderr", err.get()}, std::pair{"__stdin__", in.get()},
                                std::pair{"__stdout__", out.get()},
                                std::pair{"__stderr__", err.get()}}) {
    if (module_add_object(m, name, f) < 0) return -1;
  }
  return 0;
}

int add_sys_attributes(Object* m, const RuntimeConfig& cfg) {
  std::vector<std::string> path = {cfg.script_dir, lib_dir()};
  std::string exe = executable_path();
  return add_attrs(m, {{"argv", str_list(cfg.argv)},
                       {"orig_argv", str_list(cfg.argv)},
                       {"path", str_list(path)},
                       {"version", str_from(version_string())},
                       {"version_info", version_info()},
                       {"hexversion", i64(kHexVersion)},
                       {"api_version", i64(1013)},
                       {"implementation", implementation()},
                       {"platform", s("linux")},
                       {"byteorder", s("little")},
                       {"maxsize", i64(INT64_MAX)},
                       {"maxunicode", i64(0x10FFFF)},
                       {"executable", str_from(exe)},
                       {"prefix", s("/usr/local")},
                       {"exec_prefix", s("/usr/local")},
                       {"flags", flags()},
                       {"float_info", float_info()},
                       {"int_info", int_info()},
                       {"_xoptions", xoptions_dict()},
                       {"warnoptions", list_new(0)},
                       {"builtin_module_names", builtin_module_names()},
                       {"dont_write_bytecode", new_ref(kTrue)}});
}

}  // namespace

// ---------------------------------------------------------------------------
// Public API (modules.h).

void set_startup_options(const StartupOptions& opts) { g_startup = opts; }
const StartupOptions& startup_options() { return g_startup; }
double switch_interval() { return g_switch_interval.load(std::memory_order_relaxed); }
int default_recursion_limit() { return g_recursion_limit.load(std::memory_order_relaxed); }
bool gil_enabled() { return gil_is_enabled(); }

#ifndef CONCH_LIB_DIR
#define CONCH_LIB_DIR "vm/lib"  // CMake defines the absolute path
#endif
const char* lib_dir() { return CONCH_LIB_DIR; }

Object* namespace_new(std::initializer_list<std::pair<const char*, Object*>> attrs) {
  return make_namespace(nullptr, attrs);
}

void init_namespace_type() {
  Type* t = &kNamespaceType;
  init_static_type(t, "types.SimpleNamespace", sizeof(NamespaceObject), &kObjectType);
  t->flags |= kTypeBaseType | kTypeHaveGC;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->dictoffset = offsetof(NamespaceObject, dict);  // standard layout in practice
#pragma GCC diagnostic pop
  t->dealloc = namespace_dealloc;
  t->traverse = namespace_traverse;
  t->clear = namespace_clear;
  t->repr = namespace_repr;
  t->getattr = generic_getattr;
  t->setattr = generic_setattr;
  type_ready(t);
}

Object* init_sys_module(const RuntimeConfig& cfg, Object* modules_dict) {
  static bool types_ready = false;
  if (!types_ready) {
    init_sys_types();
    types_ready = true;
  }
  Ref<> m = steal(module_new("sys"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kSysFunctions) < 0) return nullptr;
  if (module_add_object(m.get(), "modules", modules_dict) < 0) return nullptr;
  if (add_sys_attributes(m.get(), cfg) < 0) return nullptr;
  if (add_std_streams(m.get()) < 0) return nullptr;
  Object* hook = dict_get_item_str(module_dict(m.get()), "displayhook");
  if (hook == nullptr || module_add_object(m.get(), "__displayhook__", hook) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
