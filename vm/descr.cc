// Builtin functions and the descriptors static types expose their C++
// methods and attributes through: builtin_function_or_method,
// method_descriptor, classmethod_descriptor, getset_descriptor, and the
// `__new__` builtin of static types.
//
// Binding: a method_descriptor found on the type binds to the instance on
// attribute access (a builtin_function_or_method whose self is the instance);
// called unbound (`list.append(l, x)`) it checks and strips the first argument.
// The eval loop may skip the bound object by calling the descriptor with self
// prepended, which is what call_with_self does.
#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/thread_state.h"
#include "vm/typeobject.h"
#include "vm/typeslots.h"
#include "vm/types.h"

namespace conch::vm {

Type kBuiltinFunctionType;
Type kMethodDescrType;
Type kClassMethodDescrType;
Type kGetSetDescrType;

namespace {

struct BuiltinFunction : Object {
  const MethodDef* def;
  Object* self;    // owned, nullable
  Object* module;  // owned, nullable: __module__
};

struct Descr : Object {
  Type* owner;  // static types only (immortal), or heap types that own the descriptor
  union {
    const MethodDef* method;
    const GetSetDef* getset;
  };
};

BuiltinFunction* as_bf(Object* o) { return static_cast<BuiltinFunction*>(o); }
Descr* as_descr(Object* o) { return static_cast<Descr*>(o); }

// ---------------------------------------------------------------------------
// builtin_function_or_method

// Builtin calls count toward the recursion limit, as CPython 3.11's
// cfunction_vectorcall_* do: C code calling back into Python (repr of a
// class whose __repr__ calls repr) must hit RecursionError, not the C stack.
inline Object* guarded_call(NativeFunc f, Object* self, Object* const* args, size_t nargs,
                            Object* kwnames) {
  if (!enter_recursive_call(" while calling a Python object")) return nullptr;
  Object* r = f(self, args, nargs, kwnames);
  leave_recursive_call();
  return r;
}

Object* bf_call(Object* f, Object* const* args, size_t nargs, Object* kwnames) {
  BuiltinFunction* b = as_bf(f);
  return guarded_call(b->def->func, b->self, args, nargs, kwnames);
}

void bf_dealloc(Object* o) {
  BuiltinFunction* b = as_bf(o);
  clear_slot(&b->self);
  clear_slot(&b->module);
  generic_free(o);
}

int bf_traverse(Object* o, VisitFunc visit, void* arg) {
  BuiltinFunction* b = as_bf(o);
  if (b->self != nullptr) {
    if (int r = visit(b->self, arg)) return r;
  }
  if (b->module != nullptr) return visit(b->module, arg);
  return 0;
}

bool bound_to_instance(BuiltinFunction* b) {
  return b->self != nullptr && !module_check(b->self);
}

Object* bf_repr(Object* o) {
  BuiltinFunction* b = as_bf(o);
  if (!bound_to_instance(b)) {
    return str_from(absl::StrFormat("<built-in function %s>", b->def->name));
  }
  return str_from(absl::StrFormat("<built-in method %s of %s object at %p>", b->def->name,
                                  type_name(b->self), static_cast<void*>(b->self)));
}

Object* bf_name_get(Object* o) { return str_from_cstr(as_bf(o)->def->name); }
Object* bf_qualname_get(Object* o) {
  BuiltinFunction* b = as_bf(o);
  if (!bound_to_instance(b)) return str_from_cstr(b->def->name);
  Type* t = is_instance_of(b->self, &kTypeType) ? static_cast<Type*>(b->self) : b->self->type;
  Ref<> tn = steal(type_get_name(t));
  if (!tn) return nullptr;
  return str_from(absl::StrFormat("%s.%s", str_view(tn.get()), b->def->name));
}
Object* bf_self_get(Object* o) {
  BuiltinFunction* b = as_bf(o);
  return new_ref(b->self ? b->self : kNone);
}
Object* bf_module_get(Object* o) {
  BuiltinFunction* b = as_bf(o);
  return new_ref(b->module ? b->module : kNone);
}
Object* doc_of(const char* doc) { return doc ? str_from_cstr(doc) : new_none(); }
Object* bf_doc_get(Object* o) { return doc_of(as_bf(o)->def->doc); }

const GetSetDef kBfGetSets[] = {
    {"__name__", bf_name_get, nullptr, nullptr},
    {"__qualname__", bf_qualname_get, nullptr, nullptr},
    {"__self__", bf_self_get, nullptr, nullptr},
    {"__module__", bf_module_get, nullptr, nullptr},
    {"__doc__", bf_doc_get, nullptr, nullptr},
    {nullptr},
};

// ---------------------------------------------------------------------------
// method_descriptor and classmethod_descriptor

bool descr_check(Descr* d, Object* obj) {
  if (is_instance_of(obj, d->owner)) return true;
  set_error_fmt(&kTypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                d->method->name, d->owner->name, type_name(obj));
  return false;
}

Object* method_call(Object* o, Object* const* args, size_t nargs, Object* kwnames) {
  Descr* d = as_descr(o);
  if (nargs < 1) {
    set_error_fmt(&kTypeErrorType, "unbound method %s.%s() needs an argument", d->owner->name,
                  d->method->name);
    return nullptr;
  }
  if (!descr_check(d, args[0])) return nullptr;
  return guarded_call(d->method->func, args[0], args + 1, nargs - 1, kwnames);
}

Object* method_get(Object* o, Object* obj, Object* type) {
  Descr* d = as_descr(o);
  if (obj == nullptr) return new_ref(o);
  if (!descr_check(d, obj)) return nullptr;
  return builtin_function_new(d->method, obj, nullptr);
}

Object* method_repr(Object* o) {
  Descr* d = as_descr(o);
  return str_from(
      absl::StrFormat("<method '%s' of '%s' objects>", d->method->name, d->owner->name));
}

bool classdescr_check(Descr* d, Object* type) {
  if (!is_instance_of(type, &kTypeType)) {
    set_error_fmt(&kTypeErrorType, "descriptor '%s' for type '%s' needs a type, not a '%s'",
                  d->method->name, d->owner->name, type_name(type));
    return false;
  }
  if (!is_subtype(static_cast<Type*>(type), d->owner)) {
    set_error_fmt(&kTypeErrorType,
                  "descriptor '%s' requires a subtype of '%s' but received '%s'",
                  d->method->name, d->owner->name, static_cast<Type*>(type)->name);
    return false;
  }
  return true;
}

Object* classmethod_descr_call(Object* o, Object* const* args, size_t nargs, Object* kwnames) {
  Descr* d = as_descr(o);
  if (nargs < 1) {
    set_error_fmt(&kTypeErrorType, "descriptor '%s' of '%s' object needs an argument",
                  d->method->name, d->owner->name);
    return nullptr;
  }
  if (!classdescr_check(d, args[0])) return nullptr;
  return d->method->func(args[0], args + 1, nargs - 1, kwnames);
}

Object* classmethod_descr_get(Object* o, Object* obj, Object* type) {
  Descr* d = as_descr(o);
  if (type == nullptr) type = obj->type;
  if (!classdescr_check(d, type)) return nullptr;
  return builtin_function_new(d->method, type, nullptr);
}

Object* descr_name_get(Object* o) { return str_from_cstr(as_descr(o)->method->name); }
Object* descr_qualname_get(Object* o) {
  Descr* d = as_descr(o);
  Ref<> tn = steal(type_get_name(d->owner));
  if (!tn) return nullptr;
  return str_from(absl::StrFormat("%s.%s", str_view(tn.get()), d->method->name));
}
Object* descr_objclass_get(Object* o) { return new_ref(as_descr(o)->owner); }
Object* descr_doc_get(Object* o) { return doc_of(as_descr(o)->method->doc); }

const GetSetDef kMethodDescrGetSets[] = {
    {"__name__", descr_name_get, nullptr, nullptr},
    {"__qualname__", descr_qualname_get, nullptr, nullptr},
    {"__objclass__", descr_objclass_get, nullptr, nullptr},
    {"__doc__", descr_doc_get, nullptr, nullptr},
    {nullptr},
};

// ---------------------------------------------------------------------------
// getset_descriptor

bool getset_check(Descr* d, Object* obj) {
  if (is_instance_of(obj, d->owner)) return true;
  set_error_fmt(&kTypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                d->getset->name, d->owner->name, type_name(obj));
  return false;
}

Object* getset_get(Object* o, Object* obj, Object* type) {
  Descr* d = as_descr(o);
  if (obj == nullptr) return new_ref(o);
  if (!getset_check(d, obj)) return nullptr;
  if (d->getset->get == nullptr) {
    set_error_fmt(&kAttributeErrorType, "attribute '%s' of '%s' objects is not readable",
                  d->getset->name, d->owner->name);
    return nullptr;
  }
  return d->getset->get(obj);
}

int getset_set(Object* o, Object* obj, Object* value) {
  Descr* d = as_descr(o);
  if (!getset_check(d, obj)) return -1;
  if (d->getset->set == nullptr) {
    set_error_fmt(&kAttributeErrorType, "attribute '%s' of '%s' objects is not writable",
                  d->getset->name, d->owner->name);
    return -1;
  }
  return d->getset->set(obj, value);
}

Object* getset_repr(Object* o) {
  Descr* d = as_descr(o);
  return str_from(
      absl::StrFormat("<attribute '%s' of '%s' objects>", d->getset->name, d->owner->name));
}

Object* getset_name_get(Object* o) { return str_from_cstr(as_descr(o)->getset->name); }
Object* getset_doc_get(Object* o) { return doc_of(as_descr(o)->getset->doc); }

const GetSetDef kGetSetDescrGetSets[] = {
    {"__name__", getset_name_get, nullptr, nullptr},
    {"__objclass__", descr_objclass_get, nullptr, nullptr},
    {"__doc__", getset_doc_get, nullptr, nullptr},
    {nullptr},
};

void descr_dealloc(Object* o) {
  Descr* d = as_descr(o);
  Type* owner = d->owner;
  generic_free(o);
  (void)owner;
}

Object* descr_new(Type* type, Type* owner) {
  auto* d = static_cast<Descr*>(generic_alloc(type));
  if (d == nullptr) return nullptr;
  d->owner = owner;
  return d;
}

// ---------------------------------------------------------------------------
// T.__new__(S, ...) for static types T.

Object* tp_new_wrapper(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  auto* type = static_cast<Type*>(self);
  if (nargs < 1) {
    set_error_fmt(&kTypeErrorType, "%s.__new__(): not enough arguments", type->name);
    return nullptr;
  }
  Object* arg0 = args[0];
  if (!is_instance_of(arg0, &kTypeType)) {
    set_error_fmt(&kTypeErrorType, "%s.__new__(X): X is not a type object (%s)", type->name,
                  type_name(arg0));
    return nullptr;
  }
  auto* subtype = static_cast<Type*>(arg0);
  if (!is_subtype(subtype, type)) {
    set_error_fmt(&kTypeErrorType, "%s.__new__(%s): %s is not a subtype of %s", type->name,
                  subtype->name, subtype->name, type->name);
    return nullptr;
  }
  Type* staticbase = subtype;
  while (staticbase != nullptr && (staticbase->flags & kTypeHeapType)) {
    staticbase = staticbase->base;
  }
  if (staticbase != nullptr && staticbase->new_ != type->new_) {
    set_error_fmt(&kTypeErrorType, "%s.__new__(%s) is not safe, use %s.__new__()", type->name,
                  subtype->name, staticbase->name);
    return nullptr;
  }
  return type->new_(subtype, args + 1, nargs - 1, kwnames);
}

void init_descr_type(Type* t, const char* name, ssize_t size) {
  init_static_type(t, name, size);
  t->flags &= ~kTypeBaseType;
  t->dealloc = descr_dealloc;
}

}  // namespace

const MethodDef kTpNewWrapperDef = {"__new__", tp_new_wrapper, kMethodDefault,
                                    "Create and return a new object."};

const MethodDef* builtin_function_def(Object* f) {
  if (f->type != &kBuiltinFunctionType) return nullptr;
  return as_bf(f)->def;
}

Object* builtin_function_self(Object* f) { return as_bf(f)->self; }

Object* builtin_function_new(const MethodDef* def, Object* self, Object* module_name) {
  auto* b = static_cast<BuiltinFunction*>(generic_alloc(&kBuiltinFunctionType));
  if (b == nullptr) return nullptr;
  b->def = def;
  b->self = self;
  xincref(self);
  b->module = module_name;
  xincref(module_name);
  return b;
}

Object* method_descr_new(Type* owner, const MethodDef* def) {
  Object* d = descr_new(&kMethodDescrType, owner);
  if (d != nullptr) as_descr(d)->method = def;
  return d;
}

Object* classmethod_descr_new(Type* owner, const MethodDef* def) {
  Object* d = descr_new(&kClassMethodDescrType, owner);
  if (d != nullptr) as_descr(d)->method = def;
  return d;
}

Object* getset_descr_new(Type* owner, const GetSetDef* def) {
  Object* d = descr_new(&kGetSetDescrType, owner);
  if (d != nullptr) as_descr(d)->getset = def;
  return d;
}

void init_descr_types() {
  if (kBuiltinFunctionType.flags & kTypeReady) return;
  Type* b = &kBuiltinFunctionType;
  init_static_type(b, "builtin_function_or_method", sizeof(BuiltinFunction));
  b->flags &= ~kTypeBaseType;
  b->flags |= kTypeHaveGC;
  b->dealloc = bf_dealloc;
  b->traverse = bf_traverse;
  b->call = bf_call;
  b->repr = bf_repr;
  b->getsets = kBfGetSets;
  type_ready(b);

  Type* m = &kMethodDescrType;
  init_descr_type(m, "method_descriptor", sizeof(Descr));
  m->call = method_call;
  m->descr_get = method_get;
  m->repr = method_repr;
  m->getsets = kMethodDescrGetSets;
  type_ready(m);

  Type* c = &kClassMethodDescrType;
  init_descr_type(c, "classmethod_descriptor", sizeof(Descr));
  c->call = classmethod_descr_call;
  c->descr_get = classmethod_descr_get;
  c->repr = method_repr;
  c->getsets = kMethodDescrGetSets;
  type_ready(c);

  Type* g = &kGetSetDescrType;
  init_descr_type(g, "getset_descriptor", sizeof(Descr));
  g->descr_get = getset_get;
  g->descr_set = getset_set;
  g->repr = getset_repr;
  g->getsets = kGetSetDescrGetSets;
  type_ready(g);
}

}  // namespace conch::vm
