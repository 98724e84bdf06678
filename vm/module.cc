// Module objects: a namespace dict with a name.
//
// Attribute lookup is generic (the dict is the instance __dict__) with two
// module-specific twists, as CPython: a module-level __getattr__ (PEP 562)
// is the fallback, and the error reads "module 'm' has no attribute 'x'".
#include "absl/strings/str_format.h"
#include "gc/brc.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {

Type kModuleType;

namespace {

struct Module : Object {
  Object* dict;  // owned; never null after module_new / __init__
};

Module* as_module(Object* o) { return static_cast<Module*>(o); }

int init_dict(Object* m, Object* name, Object* doc) {
  Module* mod = as_module(m);
  if (mod->dict == nullptr) {
    mod->dict = dict_new();
    if (mod->dict == nullptr) return -1;
  }
  Object* d = mod->dict;
  // Interned (immortal), as CPython interns module names: every function
  // made in the module copies __name__ into its __module__, so a counted
  // str would be one counter that threads creating closures all bounce.
  if (str_check_exact(name)) {
    name = str_intern(str_view(name));
    if (name == nullptr) return -1;
  }
  if (dict_set_item_str(d, "__name__", name) < 0 || dict_set_item_str(d, "__doc__", doc) < 0 ||
      dict_set_item_str(d, "__package__", kNone) < 0 ||
      dict_set_item_str(d, "__loader__", kNone) < 0 ||
      dict_set_item_str(d, "__spec__", kNone) < 0) {
    return -1;
  }
  return 0;
}

Object* module_type_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* m = type->alloc(type, 0);
  if (m == nullptr) return nullptr;
  as_module(m)->dict = dict_new();
  if (as_module(m)->dict == nullptr) {
    decref(m);
    return nullptr;
  }
  return m;
}

int module_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"module", {"name", "doc"}, 1, 2};
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  if (!str_check(a[0])) {
    set_error_fmt(&kTypeErrorType, "module.__init__() argument 'name' must be str, not %s",
                  type_name(a[0]));
    return -1;
  }
  return init_dict(self, a[0], a[1] ? a[1] : kNone);
}

void module_dealloc(Object* o) {
  clear_slot(&as_module(o)->dict);
  generic_free(o);
}

int module_traverse(Object* o, VisitFunc visit, void* arg) {
  Object* d = as_module(o)->dict;
  return d ? visit(d, arg) : 0;
}

int module_clear(Object* o) {
  clear_slot(&as_module(o)->dict);
  return 0;
}

Object* module_name_obj(Object* m) {
  Object* d = as_module(m)->dict;
  Object* n = d ? dict_get_item_str(d, "__name__") : nullptr;
  return n != nullptr && str_check(n) ? n : nullptr;
}

Object* module_repr(Object* o) {
  Object* name = module_name_obj(o);
  std::string n = name ? std::string(str_view(name)) : "?";
  Object* d = as_module(o)->dict;
  Object* file = d ? dict_get_item_str(d, "__file__") : nullptr;
  if (file != nullptr && str_check(file)) {
    return str_from(absl::StrFormat("<module '%s' from '%s'>", n, str_view(file)));
  }
  return str_from(absl::StrFormat("<module '%s' (built-in)>", n));
}

Object* module_getattr(Object* o, Object* name) {
  Object* r = generic_getattr(o, name);
  if (r != nullptr || !error_matches(&kAttributeErrorType)) return r;
  Object* d = as_module(o)->dict;
  // New reference: another thread may rebind the module's __getattr__.
  Ref<> hook = steal(d ? dict_get_item_str_ref(d, "__getattr__") : nullptr);
  if (hook) {
    clear_error();
    return call_args(hook.get(), {name});
  }
  clear_error();
  Object* mname = module_name_obj(o);
  if (mname != nullptr) {
    set_error_fmt(&kAttributeErrorType, "module '%s' has no attribute '%s'", str_view(mname),
                  str_view(name));
  } else {
    set_error_fmt(&kAttributeErrorType, "module has no attribute '%s'", str_view(name));
  }
  return nullptr;
}

Object* module_dict_get(Object* o) {
  Object* d = as_module(o)->dict;
  return new_ref(d ? d : kNone);
}

const GetSetDef kModuleGetSets[] = {
    {"__dict__", module_dict_get, nullptr, nullptr},
    {nullptr},
};

Object* module_dir(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__dir__", nargs, 0, 0, kwnames)) return nullptr;
  Object* d = as_module(self)->dict;
  Ref<> hook = steal(d ? dict_get_item_str_ref(d, "__dir__") : nullptr);
  if (hook) return call(hook.get(), nullptr, 0, nullptr);
  return d ? dict_keys_list(d) : list_new(0);
}

const MethodDef kModuleMethods[] = {
    {"__dir__", module_dir, kMethodDefault, nullptr},
    {nullptr},
};

}  // namespace

Object* module_new(std::string_view name) {
  Ref<> m = steal(module_type_new(&kModuleType, nullptr, 0, nullptr));
  if (!m) return nullptr;
  Ref<> n = steal(str_from(name));
  if (!n || init_dict(m.get(), n.get(), kNone) < 0) return nullptr;
  // Every thread reads modules and their globals (gc/brc.h).
  gc::mark_shared_by_design(m.get());
  gc::mark_shared_by_design(as_module(m.get())->dict);
  return m.release();
}

Object* module_dict(Object* m) { return as_module(m)->dict; }

int module_add_functions(Object* m, const MethodDef* defs) {
  Object* name = module_name_obj(m);
  for (const MethodDef* d = defs; d != nullptr && d->name != nullptr; ++d) {
    Ref<> f = steal(builtin_function_new(d, m, name));
    // Every thread calls a module's functions (len, math.cos): gc/brc.h.
    if (f) gc::mark_shared_by_design(f.get());
    if (!f || dict_set_item_str(as_module(m)->dict, d->name, f.get()) < 0) return -1;
  }
  return 0;
}

int module_add_object(Object* m, std::string_view name, Object* value) {
  return dict_set_item_str(as_module(m)->dict, name, value);
}

void init_module_types() {
  if (kModuleType.flags & kTypeReady) return;
  Type* t = &kModuleType;
  init_static_type(t, "module", sizeof(Module));
  t->flags |= kTypeBaseType | kTypeHaveGC;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->dictoffset = offsetof(Module, dict);
#pragma GCC diagnostic pop
  t->new_ = module_type_new;
  t->init = module_init;
  t->dealloc = module_dealloc;
  t->traverse = module_traverse;
  t->clear = module_clear;
  t->repr = module_repr;
  t->getattr = module_getattr;
  t->getsets = kModuleGetSets;
  t->methods = kModuleMethods;
  type_ready(t);
}

}  // namespace conch::vm
