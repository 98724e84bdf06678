// Private to the builtins module (builtins.cc, builtins_iter.cc,
// builtins_code.cc): CPython-worded argument checks shared by the three
// files, and the functions the module table in builtins.cc lists.
#pragma once

#include <initializer_list>

#include "vm/object.h"

namespace conch::vm::bltin {

// "f() takes no keyword arguments".
bool no_kwargs(const char* name, Object* kwnames);
// METH_O: "len() takes exactly one argument (2 given)".
bool one_arg(const char* name, size_t nargs, Object* kwnames);
// METH_NOARGS: "globals() takes no arguments (1 given)".
bool no_args(const char* name, size_t nargs, Object* kwnames);
// _PyArg_CheckPositional: "divmod expected 2 arguments, got 1".
bool positional(const char* name, size_t nargs, size_t min, size_t max);
bool positional_no_kw(const char* name, size_t nargs, size_t min, size_t max, Object* kwnames);
// Keywords of *args functions: "'x' is an invalid keyword argument for print()".
bool parse_keywords(const char* fname, Object* const* args, size_t nargs, Object* kwnames,
                    std::initializer_list<const char*> allowed, Object** out);
bool has_keyword(Object* kwnames, const char* name);

#define CONCH_BUILTIN(name) \
  Object* builtin_##name(Object* self, Object* const* args, size_t nargs, Object* kwnames)

// builtins_iter.cc
CONCH_BUILTIN(sum);
CONCH_BUILTIN(min);
CONCH_BUILTIN(max);
CONCH_BUILTIN(any);
CONCH_BUILTIN(all);
CONCH_BUILTIN(sorted);
CONCH_BUILTIN(iter);
CONCH_BUILTIN(next);
void init_callable_iterator_type();

// builtins_code.cc
CONCH_BUILTIN(globals);
CONCH_BUILTIN(locals);
CONCH_BUILTIN(vars);
CONCH_BUILTIN(dir);
CONCH_BUILTIN(exec);
CONCH_BUILTIN(eval);
CONCH_BUILTIN(compile);
CONCH_BUILTIN(import);

#undef CONCH_BUILTIN

}  // namespace conch::vm::bltin
