// The import system: `import`, `from ... import`, __import__, -m.
//
// Finders, in CPython's order: sys.modules (the cache), the built-in module
// table (vm/modules/registry.cc), then .py files and packages along sys.path
// (for a submodule: along its parent package's __path__).  Within one
// directory a package (name/__init__.py) wins over a module (name.py); a
// directory without __init__.py becomes a namespace package when nothing
// else matches.
//
// State and invariants
//   * sys.modules is the only cache.  A module is entered there before its
//     body runs, so a circular import finds the partially initialised module
//     and gets it as-is; a body that raises removes its own entry again.
//   * Threads: a module imports once.  Per-module import locks (as CPython
//     3.3+; import.cc explains the protocol and its deadlock detection):
//     a thread importing a name another thread is importing waits (GIL
//     released) and then gets the finished module.  Module bodies run with
//     their own module lock held but never with the internal mutex that
//     guards the lock table (STYLE.md habit 7).
//   * A module whose lock is owned is "initializing": IMPORT_FROM words the
//     circular-import error as CPython does.
//   * sys.modules is a dict (its own critical section); lookups take new
//     references, since another thread may replace an entry.
#pragma once

#include <string>
#include <string_view>

#include "vm/object.h"

namespace conch::vm {

// IMPORT_FROM: `from module import name`.  (Named import_name_from because
// vm/eval/eval_helpers.cc defines an import_from of its own; the eval loop can
// switch to this one for the circular-import wording.)  The attribute, or the submodule
// sys.modules["module.name"]; otherwise ImportError "cannot import name 'x'
// from 'm' (/path/m.py)" (or "... from partially initialized module ...").
Object* import_name_from(Object* module, Object* name);

// For `conch -m name`: finds the source of `name` (importing its parent
// packages), following pkg/__main__.py for packages.  Returns false with
// ModuleNotFoundError / ImportError set.
bool find_module_source(std::string_view name, std::string* path);

// Runs the file at `path` in `module`'s dict (compile + eval).  Returns the
// eval result (new reference) or nullptr with the exception set (OSError if
// the file cannot be read, SyntaxError, whatever the body raises).
Object* exec_source_file(Object* module, const std::string& path);

// Reads a whole file; false (errno set) when it cannot.
bool read_file(const std::string& path, std::string* out);

// True while `name`'s module body is running.
bool module_is_initializing(std::string_view name);

}  // namespace conch::vm
