// Runtime start-up and shutdown (vm/runtime.h).
//
// Start-up order
//   1. The main thread's state, so anything below may raise.
//   2. Every type init function, in the contract's order, then the object
//      core's deferred type_ready work (finish_type_bootstrap).
//   3. The runtime's own types (files, struct sequences, namespaces).
//   4. sys (around a fresh sys.modules dict), then builtins; both entered in
//      sys.modules.
//   5. The live-object baseline for the debug leak check.
//
// Shutdown (CPython-like finalisation)
//   1. Flush sys.stdout / sys.stderr.
//   2. Take sys.modules' entries (in import order) and empty sys.modules.
//   3. For every module but sys and builtins, newest first: set its globals
//      to None (names starting with one underscore first, as CPython does),
//      then clear its dict.  Cycles through module dicts (a function's
//      __globals__ is its module's dict) are broken, so destructors run
//      while sys and builtins still work.
//   4. Leak check (debug preset), then sys and builtins go.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "base/config.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/gil.h"
#include "vm/io.h"
#include "vm/modules/modules.h"
#include "vm/runtime.h"
#include "vm/types/complex.h"

#include "vm/gc_support.h"
#include "vm/runtime_internal.h"
#include "vm/thread_state.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

struct RuntimeState {
  Object* builtins = nullptr;       // owned
  Object* builtins_dict = nullptr;  // borrowed from builtins
  Object* sys = nullptr;            // owned
  Object* modules = nullptr;        // owned: sys.modules
  ThreadState* main_thread = nullptr;
  int64_t baseline_objects = 0;
  bool leak_detected = false;
};

RuntimeState g_runtime;

[[noreturn]] void fatal(const char* what) {
  std::fprintf(stderr, "Fatal Python error: %s\n", what);
  if (has_error()) {
    Ref<> exc = steal(fetch_error());
    Ref<> text = steal(str(exc.get()));
    if (text) std::fprintf(stderr, "%s: %s\n", type_name(exc.get()), str_cstr(text.get()));
  }
  std::fflush(stderr);
  std::_Exit(1);
}

void init_all_types() {
  init_object_types();
  init_singleton_types();
  init_int_types();
  init_float_types();
  init_complex_type();
  init_str_types();
  init_bytes_types();
  init_bytearray_types();
  init_tuple_types();
  init_list_types();
  init_dict_types();
  init_set_types();
  init_range_types();
  init_slice_types();
  init_iterator_types();
  init_descr_types();
  init_module_types();
  init_exception_types();
  init_eval_types();
  finish_type_bootstrap();
  init_io_types();
  init_builtin_module_types();
  if (has_error()) fatal("can't initialize types");
}

void create_main_thread() {
  auto* ts = new ThreadState;
  ts->thread_id = 1;
  ts->recursion_limit = default_recursion_limit();
  g_runtime.main_thread = ts;
  set_current_thread(ts);
}

void create_core_modules(const RuntimeConfig& cfg) {
  g_runtime.modules = dict_new();
  if (g_runtime.modules == nullptr) fatal("can't create sys.modules");
  g_runtime.sys = init_sys_module(cfg, g_runtime.modules);
  if (g_runtime.sys == nullptr) fatal("can't initialize sys module");
  g_runtime.builtins = init_builtins_module();
  if (g_runtime.builtins == nullptr) fatal("can't initialize builtins module");
  g_runtime.builtins_dict = module_dict(g_runtime.builtins);
  if (dict_set_item_str(g_runtime.modules, "sys", g_runtime.sys) < 0 ||
      dict_set_item_str(g_runtime.modules, "builtins", g_runtime.builtins) < 0) {
    fatal("can't register core modules");
  }
}

// Step 3 of shutdown for one module dict.
void clear_module_dict(Object* d) {
  for (int pass = 0; pass < 2; ++pass) {
    Ref<> keys = steal(dict_keys_list(d));
    if (!keys) {
      clear_error();
      break;
    }
    for (ssize_t i = 0; i < list_size(keys.get()); ++i) {
      Object* k = list_items(keys.get())[i];
      if (!str_check(k) || str_equal_cstr(k, "__builtins__")) continue;
      std::string_view name = str_view(k);
      bool private_name = name.size() >= 1 && name[0] == '_' && !(name.size() >= 2 && name[1] == '_');
      if ((pass == 0) != private_name) continue;
      if (dict_set_item(d, k, kNone) < 0) clear_error();
    }
  }
  dict_clear(d);
}

void finalize_user_modules() {
  std::vector<Ref<>> modules;
  ssize_t pos = 0;
  Object* v;
  // Locked steps: with the GIL off, daemon threads may still be importing.
  while (dict_next_ref(g_runtime.modules, &pos, nullptr, &v)) modules.push_back(steal(v));
  dict_clear(g_runtime.modules);
  for (auto it = modules.rbegin(); it != modules.rend(); ++it) {
    Object* m = it->get();
    if (m == g_runtime.sys || m == g_runtime.builtins || !module_check(m)) continue;
    clear_module_dict(module_dict(m));
    if (has_error()) clear_error();
  }
  modules.clear();
}

void check_leaks() {
  if constexpr (!kDebugObjects) return;
  // Daemon threads still parked at exit legitimately keep their frames and
  // everything those reference; the count cannot be judged then.
  if (thread_count() > 1) return;
  int64_t now = gc::live_objects() - gc::permanent_objects();
  int64_t delta = now - g_runtime.baseline_objects;
  if (delta == 0) return;
  std::fprintf(stderr,
               "conch: leak check: live-object count is %lld, %+lld from the baseline of %lld "
               "after start-up\n",
               static_cast<long long>(now), static_cast<long long>(delta),
               static_cast<long long>(g_runtime.baseline_objects));
  g_runtime.leak_detected = delta > 0;
}

void destroy_core_modules() {
  flush_std_streams();
  clear_module_dict(module_dict(g_runtime.sys));
  clear_module_dict(g_runtime.builtins_dict);
  clear_slot(&g_runtime.sys);
  clear_slot(&g_runtime.builtins);
  g_runtime.builtins_dict = nullptr;
  clear_slot(&g_runtime.modules);
}

}  // namespace

void runtime_init(const RuntimeConfig& cfg) {
  if (g_runtime.sys != nullptr) return;  // already running (test binaries share one runtime)
  create_main_thread();
  gil_runtime_init(g_runtime.main_thread);
  gc_support_init();
  init_all_types();
  create_core_modules(cfg);
  g_runtime.baseline_objects = gc::live_objects() - gc::permanent_objects();
}

void runtime_fini() {
  if (g_runtime.sys == nullptr) return;
  wait_for_threads();  // non-daemon threads first; then daemon threads park (vm/gil.h)
  gil_begin_finalization();
  gil_print_stats_if_asked();
  flush_std_streams();
  ThreadState* ts = current_thread();
  clear_slot(&ts->current_exception);
  clear_slot(&ts->handled_exception);
  finalize_user_modules();
  type_cache_clear();  // owned attribute-cache entries (GIL off) before the leak check
  // Cycles left by the program (classes through their __class__ cells,
  // self-referencing containers, frames and tracebacks) go now, with the
  // core modules still alive for their finalizers.
  gc_collect_now();
  flush_std_streams();
  type_cache_clear();  // again: finalizers may have looked types up
  check_leaks();
  destroy_core_modules();
}

bool runtime_leak_detected() { return g_runtime.leak_detected; }

void report_unraisable(const char* context) {
  Ref<> exc = steal(fetch_error());
  if (!exc) return;
  flush_std_streams();
  if (context != nullptr) std::fprintf(stderr, "%s\n", context);
  print_exception(exc.get());
  flush_std_streams();
}

Object* builtins_module() { return g_runtime.builtins; }
Object* builtins_dict() { return g_runtime.builtins_dict; }
Object* sys_module() { return g_runtime.sys; }
Object* sys_modules() { return g_runtime.modules; }

}  // namespace conch::vm
