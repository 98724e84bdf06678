// Function, cell and bound-method objects, and CPython's argument binding.
#include "vm/eval/function.h"

#include "gc/brc.h"

#include <cstddef>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/eval/eval.h"
#include "vm/eval/frame.h"
#include "vm/eval/generator.h"
#include "vm/instance_slots.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/types.h"

namespace conch::vm {

Type kFunctionType;
Type kCellType;
Type kMethodType;

// ---------------------------------------------------------------------------
// Argument binding (CPython's initialize_locals, same messages).

namespace {

std::string qualname_of(FunctionObject* fn) { return std::string(str_view(fn->qualname)); }

// "'a'", "'a' and 'b'", "'a', 'b', and 'c'"
std::string format_names(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); i++) {
    if (i > 0) {
      if (names.size() == 2) out += " and ";
      else if (i == names.size() - 1) out += ", and ";
      else out += ", ";
    }
    out += "'" + names[i] + "'";
  }
  return out;
}

void missing_arguments(FunctionObject* fn, CodeObject* co, Object** locals, ssize_t defcount,
                       bool positional) {
  ssize_t start, end;
  if (positional) {
    start = 0;
    end = co->argcount - defcount;
  } else {
    start = co->argcount;
    end = start + co->kwonlyargcount;
  }
  std::vector<std::string> names;
  for (ssize_t i = start; i < end; i++) {
    if (locals[i] == nullptr) names.emplace_back(str_view(tuple_get(co->varnames, i)));
  }
  set_error(&kTypeErrorType,
            absl::StrFormat("%s() missing %d required %s argument%s: %s", qualname_of(fn),
                            names.size(), positional ? "positional" : "keyword-only",
                            names.size() == 1 ? "" : "s", format_names(names)));
}

void too_many_positional(FunctionObject* fn, CodeObject* co, Object** locals, size_t given) {
  ssize_t kwonly_given = 0;
  for (ssize_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
    if (locals[i] != nullptr) kwonly_given++;
  }
  ssize_t defcount = fn->defaults != nullptr ? tuple_size(fn->defaults) : 0;
  std::string sig;
  bool plural;
  if (defcount > 0) {
    plural = true;
    sig = absl::StrFormat("from %d to %d", co->argcount - defcount, co->argcount);
  } else {
    plural = co->argcount != 1;
    sig = absl::StrFormat("%d", co->argcount);
  }
  std::string kwonly_sig;
  if (kwonly_given > 0) {
    kwonly_sig = absl::StrFormat(" positional argument%s (and %d keyword-only argument%s)",
                                 given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
  }
  set_error(&kTypeErrorType,
            absl::StrFormat("%s() takes %s positional argument%s but %d%s %s given",
                            qualname_of(fn), sig, plural ? "s" : "", given, kwonly_sig,
                            given == 1 && kwonly_given == 0 ? "was" : "were"));
}

bool positional_only_passed_as_keyword(FunctionObject* fn, CodeObject* co, Object* kwnames) {
  std::vector<std::string> names;
  for (ssize_t p = 0; p < co->posonlyargcount; p++) {
    Object* pname = tuple_get(co->varnames, p);
    for (ssize_t k = 0; k < tuple_size(kwnames); k++) {
      if (str_equal(pname, tuple_get(kwnames, k))) {
        names.emplace_back(str_view(pname));
        break;
      }
    }
  }
  if (names.empty()) return false;
  std::string joined;
  for (size_t i = 0; i < names.size(); i++) joined += (i ? ", " : "") + names[i];
  set_error(&kTypeErrorType,
            absl::StrFormat("%s() got some positional-only arguments passed as keyword "
                            "arguments: '%s'",
                            qualname_of(fn), joined));
  return true;
}

// Index of keyword `key` among the parameters that accept keywords, or -1.
ssize_t find_keyword(CodeObject* co, Object* key, ssize_t total_args) {
  Object** names = tuple_items(co->varnames);
  for (ssize_t j = co->posonlyargcount; j < total_args; j++) {
    if (names[j] == key) return j;
  }
  for (ssize_t j = co->posonlyargcount; j < total_args; j++) {
    if (str_equal(names[j], key)) return j;
  }
  return -1;
}

int bind_keywords(FunctionObject* fn, CodeObject* co, Object** locals, Object* const* kwvalues,
                  Object* kwnames, Object* kwdict, ssize_t total_args) {
  for (ssize_t i = 0; i < tuple_size(kwnames); i++) {
    Object* key = tuple_get(kwnames, i);
    Object* value = kwvalues[i];
    if (!str_check(key)) {
      set_error_fmt(&kTypeErrorType, "%s() keywords must be strings", qualname_of(fn));
      return -1;
    }
    ssize_t j = find_keyword(co, key, total_args);
    if (j < 0) {
      if (kwdict == nullptr) {
        if (co->posonlyargcount > 0 && positional_only_passed_as_keyword(fn, co, kwnames)) {
          return -1;
        }
        set_error_fmt(&kTypeErrorType, "%s() got an unexpected keyword argument '%s'",
                      qualname_of(fn), str_view(key));
        return -1;
      }
      if (dict_set_item(kwdict, key, value) < 0) return -1;
      continue;
    }
    if (locals[j] != nullptr) {
      set_error_fmt(&kTypeErrorType, "%s() got multiple values for argument '%s'",
                    qualname_of(fn), str_view(key));
      return -1;
    }
    locals[j] = new_ref(value);
  }
  return 0;
}

int fill_defaults(FunctionObject* fn, CodeObject* co, Object** locals, size_t argcount, size_t n) {
  if (argcount < static_cast<size_t>(co->argcount)) {
    ssize_t defcount = fn->defaults != nullptr ? tuple_size(fn->defaults) : 0;
    ssize_t m = co->argcount - defcount;
    ssize_t missing = 0;
    for (ssize_t i = static_cast<ssize_t>(argcount); i < m; i++) {
      if (locals[i] == nullptr) missing++;
    }
    if (missing > 0) {
      missing_arguments(fn, co, locals, defcount, true);
      return -1;
    }
    ssize_t i = static_cast<ssize_t>(n) > m ? static_cast<ssize_t>(n) - m : 0;
    for (; i < defcount; i++) {
      if (locals[m + i] == nullptr) locals[m + i] = new_ref(tuple_get(fn->defaults, i));
    }
  }
  if (co->kwonlyargcount > 0) {
    ssize_t missing = 0;
    for (ssize_t i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
      if (locals[i] != nullptr) continue;
      if (fn->kwdefaults != nullptr) {
        // New reference: __kwdefaults__ is a dict other threads may write.
        Object* def = dict_get_item_ref(fn->kwdefaults, tuple_get(co->varnames, i));
        if (def != nullptr) {
          locals[i] = def;
          continue;
        }
        if (has_error()) return -1;
      }
      missing++;
    }
    if (missing > 0) {
      missing_arguments(fn, co, locals, -1, false);
      return -1;
    }
  }
  return 0;
}

}  // namespace

// Binds (args, nargs, kwnames) into f's fast locals.  The references the
// frame takes are its own; on failure the frame still owns whatever was bound
// (frame_clear releases it).
int bind_arguments(FunctionObject* fn, Frame* f, Object* const* args, size_t nargs,
                   Object* kwnames) {
  CodeObject* co = as_code(fn->code);
  Object** locals = f->localsplus;
  size_t argcount = static_cast<size_t>(co->argcount);
  // Fast path: exactly the positional parameters, nothing else.
  if (kwnames == nullptr && nargs == argcount &&
      (co->flags & (kCoVarargs | kCoVarkeywords)) == 0 && co->kwonlyargcount == 0) {
    for (size_t i = 0; i < nargs; i++) locals[i] = new_ref(args[i]);
    return 0;
  }
  ssize_t total_args = co->argcount + co->kwonlyargcount;
  Object* kwdict = nullptr;
  if (co->flags & kCoVarkeywords) {
    kwdict = dict_new();
    if (kwdict == nullptr) return -1;
    ssize_t slot = total_args + ((co->flags & kCoVarargs) ? 1 : 0);
    locals[slot] = kwdict;
  }
  size_t n = nargs < argcount ? nargs : argcount;
  for (size_t i = 0; i < n; i++) locals[i] = new_ref(args[i]);
  if (co->flags & kCoVarargs) {
    Object* rest = tuple_from_array(args + n, static_cast<ssize_t>(nargs - n));
    if (rest == nullptr) return -1;
    locals[total_args] = rest;
  }
  if (kwnames != nullptr &&
      bind_keywords(fn, co, locals, args + nargs, kwnames, kwdict, total_args) < 0) {
    return -1;
  }
  if (nargs > argcount && !(co->flags & kCoVarargs)) {
    too_many_positional(fn, co, locals, nargs);
    return -1;
  }
  return fill_defaults(fn, co, locals, nargs, n);
}

// ---------------------------------------------------------------------------
// Calls.

Object* function_call(Object* func, Object* const* args, size_t nargs, Object* kwnames) {
  FunctionObject* fn = as_function(func);
  CodeObject* co = as_code(fn->code);
  if (co->flags & (kCoGenerator | kCoCoroutine)) {
    Frame* f = generator_frame_alloc(co);
    if (f == nullptr) return nullptr;
    frame_init(f, co, func, fn->globals, nullptr);
    if (bind_arguments(fn, f, args, nargs, kwnames) < 0) {
      generator_frame_free(f);
      return nullptr;
    }
    // Both take the frame and free it on failure.
    return (co->flags & kCoCoroutine) ? coroutine_new(f) : generator_new(f);
  }
  Frame* f = frame_stack_push(co);
  if (f == nullptr) return nullptr;
  frame_init(f, co, func, fn->globals, nullptr);
  Object* result = nullptr;
  if (bind_arguments(fn, f, args, nargs, kwnames) == 0) {
    result = eval_frame(current_thread(), f, false);
  }
  frame_clear(f);
  frame_stack_pop(f);
  return result;
}

Object* function_call_with_locals(Object* func, Object* locals) {
  FunctionObject* fn = as_function(func);
  CodeObject* co = as_code(fn->code);
  Frame* f = frame_stack_push(co);
  if (f == nullptr) return nullptr;
  frame_init(f, co, func, fn->globals, locals);
  Object* result = eval_frame(current_thread(), f, false);
  frame_clear(f);
  frame_stack_pop(f);
  return result;
}

// ---------------------------------------------------------------------------
// function type.

Object* function_new(Object* code, Object* globals) {
  Object* o = generic_alloc(&kFunctionType, 0);
  if (o == nullptr) return nullptr;
  FunctionObject* fn = as_function(o);
  CodeObject* co = as_code(code);
  fn->code = new_ref(code);
  fn->globals = new_ref(globals);
  fn->builtins = builtins_dict();
  fn->name = new_ref(co->name);
  fn->qualname = new_ref(co->qualname);
  // The docstring is the first constant of a function whose body starts
  // with a string literal; the compiler puts None there otherwise.
  Object* doc = tuple_size(co->consts) > 0 ? tuple_get(co->consts, 0) : kNone;
  fn->doc = new_ref(str_check(doc) ? doc : kNone);
  Object* module = dict_get_item_str_ref(globals, "__name__");  // globals may be shared
  fn->module = module != nullptr ? module : new_ref(kNone);
  // Functions of a module or class body are shared by design (gc/brc.h);
  // nested functions, lambdas and comprehensions are made and dropped at
  // run time, so they stay ordinary.
  if (!(co->flags & kCoNested) && str_cstr(co->name)[0] != '<') gc::mark_shared_by_design(o);
  return o;
}

namespace {

int function_traverse(Object* o, VisitFunc visit, void* arg) {
  FunctionObject* fn = as_function(o);
  for (Object* p : {fn->code, fn->globals, fn->name, fn->qualname, fn->doc, fn->module,
                    fn->defaults, fn->kwdefaults, fn->closure, fn->dict, fn->annotations}) {
    if (p != nullptr) {
      int r = visit(p, arg);
      if (r != 0) return r;
    }
  }
  return 0;
}

int function_clear(Object* o) {
  FunctionObject* fn = as_function(o);
  clear_slot(&fn->globals);
  clear_slot(&fn->doc);
  clear_slot(&fn->module);
  clear_slot(&fn->defaults);
  clear_slot(&fn->kwdefaults);
  clear_slot(&fn->closure);
  clear_slot(&fn->dict);
  clear_slot(&fn->annotations);
  return 0;
}

void function_dealloc(Object* o) {
  FunctionObject* fn = as_function(o);
  function_clear(o);
  clear_slot(&fn->code);
  clear_slot(&fn->name);
  clear_slot(&fn->qualname);
  generic_free(o);
}

Object* function_repr(Object* o) {
  return str_from(absl::StrFormat("<function %s at %p>", str_view(as_function(o)->qualname),
                                  static_cast<void*>(o)));
}

Object* function_descr_get(Object* descr, Object* obj, Object* type) {
  if (obj == nullptr || obj == kNone) return new_ref(descr);
  return method_new(descr, obj);
}

int set_str_field(Object** slot, Object* value, const char* what) {
  if (value == nullptr || !str_check(value)) {
    set_error_fmt(&kTypeErrorType, "%s must be set to a string object", what);
    return -1;
  }
  set_slot(slot, new_ref(value));
  return 0;
}

Object* or_none(Object* o) { return new_ref(o != nullptr ? o : kNone); }

Object* fn_get_name(Object* o) { return new_ref(as_function(o)->name); }
int fn_set_name(Object* o, Object* v) { return set_str_field(&as_function(o)->name, v, "__name__"); }
Object* fn_get_qualname(Object* o) { return new_ref(as_function(o)->qualname); }
int fn_set_qualname(Object* o, Object* v) {
  return set_str_field(&as_function(o)->qualname, v, "__qualname__");
}
Object* fn_get_doc(Object* o) { return or_none(as_function(o)->doc); }
int fn_set_doc(Object* o, Object* v) {
  set_slot(&as_function(o)->doc, new_ref(v != nullptr ? v : kNone));
  return 0;
}
Object* fn_get_module(Object* o) { return or_none(as_function(o)->module); }
int fn_set_module(Object* o, Object* v) {
  set_slot(&as_function(o)->module, new_ref(v != nullptr ? v : kNone));
  return 0;
}
Object* fn_get_defaults(Object* o) { return or_none(as_function(o)->defaults); }
int fn_set_defaults(Object* o, Object* v) {
  if (v == kNone) v = nullptr;
  if (v != nullptr && !tuple_check(v)) {
    set_error(&kTypeErrorType, "__defaults__ must be set to a tuple object");
    return -1;
  }
  xincref(v);
  set_slot(&as_function(o)->defaults, v);
  return 0;
}
Object* fn_get_kwdefaults(Object* o) { return or_none(as_function(o)->kwdefaults); }
int fn_set_kwdefaults(Object* o, Object* v) {
  if (v == kNone) v = nullptr;
  if (v != nullptr && !dict_check(v)) {
    set_error(&kTypeErrorType, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  xincref(v);
  set_slot(&as_function(o)->kwdefaults, v);
  return 0;
}
Object* fn_get_code(Object* o) { return new_ref(as_function(o)->code); }
Object* fn_get_globals(Object* o) { return new_ref(as_function(o)->globals); }
Object* fn_get_closure(Object* o) { return or_none(as_function(o)->closure); }
// Created lazily and replaceable while other threads read it (functions are
// shared by design): vm/instance_slots.h.
Object* fn_get_dict(Object* o) { return instance_dict_ref_or_create(o, &as_function(o)->dict); }
int fn_set_dict(Object* o, Object* v) {
  if (v == nullptr || !dict_check(v)) {
    set_error(&kTypeErrorType, "__dict__ must be set to a dictionary");
    return -1;
  }
  instance_dict_replace(o, &as_function(o)->dict, v);
  return 0;
}
Object* fn_get_annotations(Object* o) {
  FunctionObject* fn = as_function(o);
  if (fn->annotations == nullptr) {
    fn->annotations = dict_new();
    if (fn->annotations == nullptr) return nullptr;
  }
  return new_ref(fn->annotations);
}
int fn_set_annotations(Object* o, Object* v) {
  if (v == kNone) v = nullptr;
  if (v != nullptr && !dict_check(v)) {
    set_error(&kTypeErrorType, "__annotations__ must be set to a dict object");
    return -1;
  }
  xincref(v);
  set_slot(&as_function(o)->annotations, v);
  return 0;
}

const GetSetDef kFunctionGetSets[] = {
    {"__name__", fn_get_name, fn_set_name, nullptr},
    {"__qualname__", fn_get_qualname, fn_set_qualname, nullptr},
    {"__doc__", fn_get_doc, fn_set_doc, nullptr},
    {"__module__", fn_get_module, fn_set_module, nullptr},
    {"__defaults__", fn_get_defaults, fn_set_defaults, nullptr},
    {"__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults, nullptr},
    {"__code__", fn_get_code, nullptr, nullptr},
    {"__globals__", fn_get_globals, nullptr, nullptr},
    {"__closure__", fn_get_closure, nullptr, nullptr},
    {"__dict__", fn_get_dict, fn_set_dict, nullptr},
    {"__annotations__", fn_get_annotations, fn_set_annotations, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------
// cell type.

void cell_dealloc(Object* o) {
  clear_slot(&static_cast<CellObject*>(o)->ref);
  generic_free(o);
}
int cell_traverse(Object* o, VisitFunc visit, void* arg) {
  Object* r = static_cast<CellObject*>(o)->ref;
  return r != nullptr ? visit(r, arg) : 0;
}
int cell_clear(Object* o) {
  clear_slot(&static_cast<CellObject*>(o)->ref);
  return 0;
}
Object* cell_repr(Object* o) {
  Object* r = cell_get(o);
  if (r == nullptr) return str_from(absl::StrFormat("<cell at %p: empty>", static_cast<void*>(o)));
  return str_from(absl::StrFormat("<cell at %p: %s object at %p>", static_cast<void*>(o),
                                  type_name(r), static_cast<void*>(r)));
}
Object* cell_get_contents(Object* o) {
  Object* r = cell_get_ref(o);
  if (r == nullptr) {
    set_error(&kValueErrorType, "Cell is empty");
    return nullptr;
  }
  return r;
}
int cell_set_contents(Object* o, Object* v) {
  cell_set(o, v);
  return 0;
}
const GetSetDef kCellGetSets[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// ---------------------------------------------------------------------------
// method type (bound method of a Python function).

MethodObject* as_method(Object* o) { return static_cast<MethodObject*>(o); }

void method_dealloc(Object* o) {
  clear_slot(&as_method(o)->func);
  clear_slot(&as_method(o)->self);
  generic_free(o);
}
int method_traverse(Object* o, VisitFunc visit, void* arg) {
  int r = visit(as_method(o)->func, arg);
  return r != 0 ? r : visit(as_method(o)->self, arg);
}

// Prepends self to the arguments; small calls use a stack buffer.
Object* method_call(Object* m, Object* const* args, size_t nargs, Object* kwnames) {
  Object* func = as_method(m)->func;
  Object* self = as_method(m)->self;
  size_t total = nargs + (kwnames != nullptr ? static_cast<size_t>(tuple_size(kwnames)) : 0);
  Object* small[8];
  Object** buf = small;
  if (total + 1 > 8) {
    buf = static_cast<Object**>(gc::allocate_raw(sizeof(Object*) * (total + 1)));
    if (buf == nullptr) return no_memory();
  }
  buf[0] = self;
  for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
  Object* result = function_check(func) ? function_call(func, buf, nargs + 1, kwnames)
                                        : call(func, buf, nargs + 1, kwnames);
  if (buf != small) gc::free_raw(buf);
  return result;
}

Object* method_repr(Object* o) {
  Object* func = as_method(o)->func;
  Ref<> name = steal(lookup_attr(func, str_intern("__qualname__")));
  if (!name && has_error()) return nullptr;
  Ref<> self_repr = steal(repr(as_method(o)->self));
  if (!self_repr) return nullptr;
  std::string_view n = name && str_check(name.get()) ? str_view(name.get()) : "?";
  return str_from(absl::StrFormat("<bound method %s of %s>", n, str_view(self_repr.get())));
}

Object* method_getattr(Object* o, Object* name) {
  // Attributes of the method type itself first (__func__, __self__), then
  // the function's (__name__, __doc__, user attributes), as CPython.
  Object* descr = type_lookup(o->type, name);
  if (descr != nullptr) return generic_getattr(o, name);
  return getattr(as_method(o)->func, name);
}

Object* method_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || !method_check(a) || !method_check(b)) {
    return new_ref(kNotImplemented);
  }
  bool eq = as_method(a)->func == as_method(b)->func && as_method(a)->self == as_method(b)->self;
  if (op == CompareOp::kNe) eq = !eq;
  return new_bool(eq);
}

hash_t method_hash(Object* o) {
  hash_t a = hash(as_method(o)->func);
  if (a == -1) return -1;
  hash_t h = a ^ static_cast<hash_t>(reinterpret_cast<uintptr_t>(as_method(o)->self) >> 4);
  return h == -1 ? -2 : h;
}

Object* method_get_func(Object* o) { return new_ref(as_method(o)->func); }
Object* method_get_self(Object* o) { return new_ref(as_method(o)->self); }
Object* method_get_doc(Object* o) { return getattr_str(as_method(o)->func, "__doc__"); }
const GetSetDef kMethodGetSets[] = {
    {"__func__", method_get_func, nullptr, nullptr},
    {"__self__", method_get_self, nullptr, nullptr},
    {"__doc__", method_get_doc, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace

Object* cell_new(Object* value) {
  Object* o = generic_alloc(&kCellType, 0);
  if (o == nullptr) return nullptr;
  xincref(value);
  static_cast<CellObject*>(o)->ref = value;
  return o;
}

void cell_set(Object* cell, Object* value) {
  xincref(value);
  Object* old;
  {
    gc::CriticalSection cs{cell};
    old = static_cast<CellObject*>(cell)->ref;
    static_cast<CellObject*>(cell)->ref = value;
  }
  xdecref(old);  // outside: a __del__ may run
}

Object* method_new(Object* func, Object* self) {
  Object* o = generic_alloc(&kMethodType, 0);
  if (o == nullptr) return nullptr;
  as_method(o)->func = new_ref(func);
  as_method(o)->self = new_ref(self);
  return o;
}

void init_function_types() {
  Type* t = &kFunctionType;
  init_static_type(t, "function", sizeof(FunctionObject));
  t->flags |= kTypeHaveGC;
  t->dealloc = function_dealloc;
  t->repr = function_repr;
  t->call = function_call;
  t->descr_get = function_descr_get;
  t->getsets = kFunctionGetSets;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->dictoffset = offsetof(FunctionObject, dict);  // standard layout in practice
#pragma GCC diagnostic pop
  t->traverse = function_traverse;
  t->clear = function_clear;
  type_ready(t);

  t = &kCellType;
  init_static_type(t, "cell", sizeof(CellObject));
  t->flags |= kTypeHaveGC;
  t->dealloc = cell_dealloc;
  t->repr = cell_repr;
  t->getsets = kCellGetSets;
  t->traverse = cell_traverse;
  t->clear = cell_clear;
  type_ready(t);

  t = &kMethodType;
  init_static_type(t, "method", sizeof(MethodObject));
  t->flags |= kTypeHaveGC;
  t->dealloc = method_dealloc;
  t->repr = method_repr;
  t->call = method_call;
  t->getattr = method_getattr;
  t->richcompare = method_richcompare;
  t->hash = method_hash;
  t->getsets = kMethodGetSets;
  t->traverse = method_traverse;
  type_ready(t);
}

}  // namespace conch::vm
