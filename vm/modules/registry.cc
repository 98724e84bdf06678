// The table of built-in modules: the one list an `import name` consults
// before searching sys.path (as CPython's BuiltinImporter comes first).
//
// builtins and sys exist from runtime_init on and are always found in
// sys.modules first; their entries here only make find_builtin_module (and
// sys.builtin_module_names) complete.
#include <string_view>

#include "vm/gc_support.h"
#include "vm/gil.h"
#include "vm/io.h"
#include "vm/modules/math.h"
#include "vm/modules/modules.h"
#include "vm/modules/stdlib.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::vm {

namespace {

Object* existing_builtins() { return new_ref(builtins_module()); }
Object* existing_sys() { return new_ref(sys_module()); }

const BuiltinModule kBuiltinModules[] = {
    {"builtins", existing_builtins},
    {"sys", existing_sys},
    {"time", init_time_module},
    {"math", init_math_module},
    {"cmath", init_cmath_module},
    {"_io", init_io_module},  // `io` is vm/lib/io.py: _io plus StringIO/BytesIO
    {"posix", init_posix_module},
    {"_random", init_random_module},
    {"itertools", init_itertools_module},
    {"_functools", init_functools_module},
    {"_json", init_json_module},
    {"_collections", init_collections_module},
    {"_thread", init_thread_module},
    {"_dis", init_dis_module},
    {"_conch_sre", init_conch_sre_module},
    {"gc", init_gc_module},
    {nullptr, nullptr},
};

}  // namespace

const BuiltinModule* builtin_module_table() { return kBuiltinModules; }

const BuiltinModule* find_builtin_module(std::string_view name) {
  for (const BuiltinModule* m = kBuiltinModules; m->name != nullptr; ++m) {
    if (name == m->name) return m;
  }
  return nullptr;
}

}  // namespace conch::vm
