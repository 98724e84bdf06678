// The seam between the front end / eval loop (vm/parse, vm/compile, vm/eval)
// and the rest of the runtime (builtins, import, CLI).
#pragma once

#include <string_view>

#include "vm/object.h"

namespace conch::vm {

enum class CompileMode { kExec, kEval, kSingle };

// Source text to a code object; SyntaxError (with filename, lineno, offset,
// text) set on failure.  vm/compile/.
Object* compile_source(std::string_view source, std::string_view filename, CompileMode mode);

// Runs a module-level code object.  locals may be the same dict as globals.
// vm/eval/.
Object* eval_code(Object* code, Object* globals, Object* locals);

// IMPORT_NAME: __import__(name, globals, locals, fromlist, level).
// vm/import.cc.  Returns the top-level package for `import a.b` without
// fromlist, the leaf module otherwise.
Object* import_module_level(Object* name, Object* globals, Object* fromlist, int level);
// Imports a module by dotted name and returns the leaf module.
Object* import_module(std::string_view name);

// Types defined by the eval layer that others test for.  vm/eval/.
extern Type kCodeType;
extern Type kFunctionType;
extern Type kCellType;
extern Type kMethodType;     // bound method of a Python function
extern Type kGeneratorType;
extern Type kCoroutineType;         // generator.cc: `async def` results
extern Type kCoroutineWrapperType;  // generator.cc: coroutine.__await__()

}  // namespace conch::vm
