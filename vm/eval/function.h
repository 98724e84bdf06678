// Function objects, cells and bound methods of Python functions.
//
// FunctionObject: what `def` and `lambda` build (MAKE_FUNCTION).  Every field
// but dict/doc/name/qualname/defaults/kwdefaults/annotations is fixed at
// creation.  Calling one binds the arguments into a new frame exactly as
// CPython does (same TypeError wording) and runs it (vm/eval/eval.h), or
// creates a generator when the code has kCoGenerator.
//
// CellObject: one captured variable (a closure slot); `ref` is null while the
// variable is unbound.
//
// MethodObject: a function bound to `self` (function.__get__).  LOAD_METHOD /
// CALL avoid creating one for ordinary method calls.
#pragma once

#include "gc/critical_section.h"

#include "vm/compile/code.h"
#include "vm/interp.h"
#include "vm/object.h"

namespace conch::vm {

struct FunctionObject : Object {
  Object* code;         // code object
  Object* globals;      // dict
  Object* builtins;     // borrowed: builtins dict
  Object* name;         // str
  Object* qualname;     // str
  Object* doc;          // any; None when absent
  Object* module;       // globals['__name__'] at creation, or None
  Object* defaults;     // tuple or null
  Object* kwdefaults;   // dict or null
  Object* closure;      // tuple of cells or null
  Object* dict;         // function attributes; null until first set
  Object* annotations;  // dict or null
};

struct CellObject : Object {
  Object* ref;  // null: empty
};

struct MethodObject : Object {
  Object* func;
  Object* self;
};

inline FunctionObject* as_function(Object* o) { return static_cast<FunctionObject*>(o); }
inline bool function_check(const Object* o) { return o->type == &kFunctionType; }
inline bool cell_check(const Object* o) { return o->type == &kCellType; }
inline bool method_check(const Object* o) { return o->type == &kMethodType; }

// True when a call of code `co` with exactly `nargs` positional arguments
// and no keywords binds them to the first nargs locals and nothing else (no
// defaults, *args, **kwargs, keyword-only parameters) and runs the body at
// once (not a generator): the eval loop's CALL then moves the arguments
// from its stack into the new frame instead of copying them.
inline bool code_takes_exactly(const CodeObject* co, size_t nargs) {
  return static_cast<size_t>(co->argcount) == nargs && co->kwonlyargcount == 0 &&
         (co->flags & (kCoVarargs | kCoVarkeywords | kCoGenerator | kCoCoroutine)) == 0;
}

// A function for `code` in `globals`; qualname from code.co_qualname.
Object* function_new(Object* code, Object* globals);

Object* cell_new(Object* value /*nullable; increfs*/);
// Borrowed: only for a cell no other thread can reach yet, or inside the
// cell's critical section.  A closure's cell may be shared by threads (the
// ft build runs them in parallel): readers use cell_get_ref, which takes the
// value's reference under the cell's section so a concurrent cell_set cannot
// free it in between; cell_set swaps under it.
inline Object* cell_get(Object* cell) { return static_cast<CellObject*>(cell)->ref; }
inline Object* cell_get_ref(Object* cell) {  // new reference; nullptr when empty (no error)
  gc::CriticalSection cs{cell};
  Object* v = static_cast<CellObject*>(cell)->ref;
  xincref(v);
  return v;
}
void cell_set(Object* cell, Object* value /*nullable; increfs*/);

Object* method_new(Object* func, Object* self);  // increfs both
inline Object* method_function(Object* m) { return static_cast<MethodObject*>(m)->func; }
inline Object* method_self(Object* m) { return static_cast<MethodObject*>(m)->self; }

// The function type's call slot (vectorcall shape).
Object* function_call(Object* func, Object* const* args, size_t nargs, Object* kwnames);

// Runs `func`'s code with `locals` as its locals mapping and no arguments:
// what builtins.__build_class__ does with a class body.  Returns the body's
// result (the __classcell__ cell, or None).
Object* function_call_with_locals(Object* func, Object* locals);

void init_function_types();  // function, cell, method; called by init_eval_types()

}  // namespace conch::vm
