// The built-in modules implemented in vm/modules/ and the runtime settings
// they expose.
//
// builtins and sys are created once by runtime_init (vm/runtime.cc) and live
// until runtime_fini; every other built-in module is created on first import
// through the table in registry.cc.
//
// Start-up options (-u, -X name=value) are set by the CLI before
// runtime_init and read once while sys is built; runtime settings that
// outlive start-up (switch interval, recursion limit for new threads) are
// process-wide values read through the accessors below, so the GIL and
// thread code can use them without knowing about the sys module.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "vm/object.h"
#include "vm/runtime.h"

namespace conch::vm {

// CLI options that RuntimeConfig does not carry (yet).
struct StartupOptions {
  bool unbuffered = false;  // -u: stdout and stderr write through
  // -X options in command-line order; value "" for a bare `-X name`.
  std::vector<std::pair<std::string, std::string>> xoptions;
};
void set_startup_options(const StartupOptions& opts);
const StartupOptions& startup_options();

// registry.cc: every built-in module, terminated by {nullptr, nullptr}.
const BuiltinModule* builtin_module_table();

// builtins.cc.  Creates the builtins module (new reference).
Object* init_builtins_module();
// sys.cc.  Creates the sys module (new reference) around the given
// sys.modules dict.
Object* init_sys_module(const RuntimeConfig& cfg, Object* modules_dict);
// time.cc.
Object* init_time_module();
// posix.cc: the primitives under vm/lib/os.py.
Object* init_posix_module();

// sys.getswitchinterval() in seconds (default 0.005): the GIL's hand-off
// interval.
double switch_interval();
// The recursion limit sys.setrecursionlimit last set; new thread states start
// with it.
int default_recursion_limit();
// sys._is_gil_enabled(): true in the GIL build.
bool gil_enabled();
// The directory of modules written in Python (vm/lib), the last sys.path entry.
const char* lib_dir();

// The types the builtins module defines for itself.
extern Type kCallableIteratorType;  // iter(callable, sentinel)
extern Type kNamespaceType;         // sys.cc: types.SimpleNamespace (sys.implementation ...)

// A namespace object with the given attributes (values borrowed; increfs).
Object* namespace_new(std::initializer_list<std::pair<const char*, Object*>> attrs);
void init_namespace_type();         // sys.cc
void init_builtin_module_types();   // builtins.cc: readies both types above

}  // namespace conch::vm
