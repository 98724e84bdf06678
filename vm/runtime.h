// Runtime start-up and shutdown, and the registry of built-in modules.
//
// runtime_init() runs every type's init function in dependency order
// (runtime.cc holds the one list), creates the builtins and sys modules and
// the main thread's state.  runtime_fini() clears modules and, in the debug
// preset, checks that the live-object count returned to baseline.
#pragma once

#include <string>
#include <vector>

#include "vm/object.h"

namespace conch::vm {

struct RuntimeConfig {
  std::vector<std::string> argv;  // sys.argv
  std::string script_dir;         // sys.path[0]; "" for -c
};

void runtime_init(const RuntimeConfig& cfg);
// Returns the process exit status a pending SystemExit asks for, if any.
void runtime_fini();

// A built-in module is created on first import by its init function, which
// returns a new module object (or nullptr with an error).
using ModuleInitFunc = Object* (*)();
struct BuiltinModule {
  const char* name;
  ModuleInitFunc init;
};
// The table is in vm/modules/registry.cc.
const BuiltinModule* find_builtin_module(std::string_view name);

// Modules every part of the VM may need.
Object* builtins_module();  // borrowed
Object* builtins_dict();    // borrowed
Object* sys_module();       // borrowed
Object* sys_modules();      // borrowed dict

// Type init functions, one per file that defines types; runtime_init calls
// them in this order.  Each fills its static types' fields (no allocation
// needed) and calls type_ready on them.  type_ready defers types readied
// before the core (object, type, str, tuple, dict) is usable and completes
// them once it is, so the order below only has to put those first.
void init_object_types();     // typeobject.cc: type, object
void init_singleton_types();  // singletons.cc
void init_int_types();        // types/int.cc: int, bool, small-int cache
void init_float_types();      // types/float.cc
void init_str_types();        // types/str.cc (and the intern table)
void init_bytes_types();      // types/bytes.cc
void init_bytearray_types();  // types/bytearray.cc
void init_tuple_types();      // types/tuple.cc
void init_list_types();       // types/list.cc
void init_dict_types();       // types/dict.cc
void init_set_types();        // types/set.cc
void init_range_types();      // types/range.cc
void init_slice_types();      // types/slice.cc
void init_iterator_types();   // types/iterators.cc
void init_descr_types();      // descr.cc
void init_module_types();     // module.cc
void init_exception_types();  // exceptions.cc
void init_eval_types();       // eval/: code, function, cell, frame, generator, method

}  // namespace conch::vm
