// The descriptor types classes are built from: super, staticmethod,
// classmethod, property, and member descriptors for __slots__; plus the
// builtins registration for them and __build_class__.
#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/exceptions.h"
#include "vm/instance_slots.h"
#include "vm/eval/eval.h"
#include "vm/eval/function.h"
#include "vm/interp.h"
#include "vm/typeobject.h"
#include "vm/typeslots.h"
#include "vm/types.h"

namespace conch::vm {

Type kSuperType;
Type kStaticMethodType;
Type kClassMethodType;
Type kPropertyType;
Type kMemberDescrType;
Type kMappingProxyType;

namespace {

// A new reference to a nullable object.
Object* xnew(Object* o) {
  xincref(o);
  return o;
}

// ---------------------------------------------------------------------------
// super

struct Super : Object {
  Type* type;       // owned, nullable before __init__
  Object* obj;      // owned, nullable (unbound super)
  Type* obj_type;   // owned, nullable
};

Super* as_super(Object* o) { return static_cast<Super*>(o); }

void super_dealloc(Object* o) {
  Super* s = as_super(o);
  xdecref(s->type);
  xdecref(s->obj);
  xdecref(s->obj_type);
  generic_free(o);
}

int super_traverse(Object* o, VisitFunc visit, void* arg) {
  Super* s = as_super(o);
  for (Object* f : {static_cast<Object*>(s->type), s->obj, static_cast<Object*>(s->obj_type)}) {
    if (f != nullptr) {
      if (int r = visit(f, arg)) return r;
    }
  }
  return 0;
}

Type* supercheck(Type* type, Object* obj) {
  if (is_instance_of(obj, &kTypeType) && is_subtype(static_cast<Type*>(obj), type)) {
    return static_cast<Type*>(obj);
  }
  if (is_subtype(obj->type, type)) return obj->type;
  set_error(&kTypeErrorType, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

int super_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("super", kwnames)) return -1;
  if (nargs > 2) {
    set_error_fmt(&kTypeErrorType, "super() takes at most 2 arguments (%d given)",
                  static_cast<int>(nargs));
    return -1;
  }
  Object* type = nargs > 0 ? args[0] : nullptr;
  Object* obj = nargs > 1 ? args[1] : nullptr;
  if (nargs == 0) {
    if (current_super_args(&type, &obj) < 0) return -1;
  }
  if (!is_instance_of(type, &kTypeType)) {
    set_error_fmt(&kTypeErrorType, "super() argument 1 must be a type, not %s", type_name(type));
    return -1;
  }
  if (obj == kNone) obj = nullptr;
  Type* obj_type = nullptr;
  if (obj != nullptr) {
    obj_type = supercheck(static_cast<Type*>(type), obj);
    if (obj_type == nullptr) return -1;
  }
  Super* s = as_super(self);
  set_slot(reinterpret_cast<Object**>(&s->type), new_ref(type));
  set_slot(&s->obj, obj ? new_ref(obj) : nullptr);
  set_slot(reinterpret_cast<Object**>(&s->obj_type), obj_type ? new_ref(obj_type) : nullptr);
  return 0;
}

Object* super_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return type->alloc(type, 0);
}

Object* super_getattr(Object* self, Object* name) {
  Super* s = as_super(self);
  if (s->obj_type == nullptr || str_equal_cstr(name, "__class__")) {
    return generic_getattr(self, name);
  }
  Object* mro = s->obj_type->mro;
  ssize_t n = tuple_size(mro);
  ssize_t i = 0;
  while (i < n && tuple_get(mro, i) != s->type) ++i;
  for (++i; i < n; ++i) {
    auto* b = static_cast<Type*>(tuple_get(mro, i));
    // New reference: another thread may replace the class attribute.
    Object* res = dict_get_item_ref(b->dict, name);
    if (res == nullptr) {
      if (has_error()) return nullptr;
      continue;
    }
    Ref<> keep = steal(res);
    DescrGetFunc f = res->type->descr_get;
    if (f == nullptr) return keep.release();
    Object* obj = s->obj == s->obj_type ? nullptr : s->obj;
    return f(res, obj, s->obj_type);
  }
  return generic_getattr(self, name);
}

Object* super_repr(Object* self) {
  Super* s = as_super(self);
  const char* tn = s->type ? s->type->name : "NULL";
  if (s->obj_type != nullptr) {
    return str_from(absl::StrFormat("<super: <class '%s'>, <%s object>>", tn, s->obj_type->name));
  }
  return str_from(absl::StrFormat("<super: <class '%s'>, NULL>", tn));
}

Object* super_thisclass_get(Object* o) {
  Super* s = as_super(o);
  return new_ref(s->type ? static_cast<Object*>(s->type) : kNone);
}
Object* super_self_get(Object* o) {
  Super* s = as_super(o);
  return new_ref(s->obj ? s->obj : kNone);
}
Object* super_self_class_get(Object* o) {
  Super* s = as_super(o);
  return new_ref(s->obj_type ? static_cast<Object*>(s->obj_type) : kNone);
}

const GetSetDef kSuperGetSets[] = {
    {"__thisclass__", super_thisclass_get, nullptr, nullptr},
    {"__self__", super_self_get, nullptr, nullptr},
    {"__self_class__", super_self_class_get, nullptr, nullptr},
    {nullptr},
};

// ---------------------------------------------------------------------------
// staticmethod and classmethod: one layout.

struct Wrapped : Object {
  Object* callable;
  Object* dict;
};

Wrapped* as_wrapped(Object* o) { return static_cast<Wrapped*>(o); }

void wrapped_dealloc(Object* o) {
  clear_slot(&as_wrapped(o)->callable);
  clear_slot(&as_wrapped(o)->dict);
  generic_free(o);
}

int wrapped_traverse(Object* o, VisitFunc visit, void* arg) {
  for (Object* f : {as_wrapped(o)->callable, as_wrapped(o)->dict}) {
    if (f != nullptr) {
      if (int r = visit(f, arg)) return r;
    }
  }
  return 0;
}

int wrapped_clear(Object* o) {
  clear_slot(&as_wrapped(o)->callable);
  clear_slot(&as_wrapped(o)->dict);
  return 0;
}

Object* wrapped_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return type->alloc(type, 0);
}

int wrapped_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  const char* fname = self->type == &kClassMethodType ? "classmethod" : "staticmethod";
  if (!check_nargs(fname, nargs, 1, 1, kwnames)) return -1;
  set_slot(&as_wrapped(self)->callable, new_ref(args[0]));
  return 0;
}

Object* wrapped_func_get(Object* o) {
  Object* c = as_wrapped(o)->callable;
  return new_ref(c ? c : kNone);
}

Object* wrapped_isabstract_get(Object* o) {
  Object* c = as_wrapped(o)->callable;
  if (c == nullptr) return new_ref(kFalse);
  Object* r = lookup_attr(c, str_intern("__isabstractmethod__"));
  if (r == nullptr) return has_error() ? nullptr : new_ref(kFalse);
  return r;
}

const GetSetDef kWrappedGetSets[] = {
    {"__func__", wrapped_func_get, nullptr, nullptr},
    {"__wrapped__", wrapped_func_get, nullptr, nullptr},
    {"__isabstractmethod__", wrapped_isabstract_get, nullptr, nullptr},
    {nullptr},
};

Object* wrapped_repr(Object* o) {
  Object* c = as_wrapped(o)->callable;
  Ref<> r = steal(repr(c ? c : kNone));
  if (!r) return nullptr;
  return str_from(absl::StrFormat("<%s(%s)>", o->type->name, str_view(r.get())));
}

Object* staticmethod_get(Object* self, Object* obj, Object* type) {
  Object* c = as_wrapped(self)->callable;
  if (c == nullptr) {
    set_error(&kRuntimeErrorType, "uninitialized staticmethod object");
    return nullptr;
  }
  return new_ref(c);
}

Object* staticmethod_call(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return call(as_wrapped(self)->callable, args, nargs, kwnames);
}

Object* classmethod_get(Object* self, Object* obj, Object* type) {
  Object* c = as_wrapped(self)->callable;
  if (c == nullptr) {
    set_error(&kRuntimeErrorType, "uninitialized classmethod object");
    return nullptr;
  }
  if (type == nullptr) type = obj->type;
  if (c->type->descr_get != nullptr) return c->type->descr_get(c, type, type->type);
  return method_new(c, type);
}

// ---------------------------------------------------------------------------
// property

struct Property : Object {
  Object *fget, *fset, *fdel, *doc, *name;
};

Property* as_prop(Object* o) { return static_cast<Property*>(o); }

void property_dealloc(Object* o) {
  Property* p = as_prop(o);
  for (Object** f : {&p->fget, &p->fset, &p->fdel, &p->doc, &p->name}) clear_slot(f);
  generic_free(o);
}

int property_traverse(Object* o, VisitFunc visit, void* arg) {
  Property* p = as_prop(o);
  for (Object* f : {p->fget, p->fset, p->fdel, p->doc, p->name}) {
    if (f != nullptr) {
      if (int r = visit(f, arg)) return r;
    }
  }
  return 0;
}

Object* property_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return type->alloc(type, 0);
}

Object* null_if_none(Object* o) { return o == kNone ? nullptr : o; }

int property_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"property", {"fget", "fset", "fdel", "doc"}, 0, 4};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  Property* p = as_prop(self);
  set_slot(&p->fget, xnew(null_if_none(a[0])));
  set_slot(&p->fset, xnew(null_if_none(a[1])));
  set_slot(&p->fdel, xnew(null_if_none(a[2])));
  Object* doc = null_if_none(a[3]);
  if (doc == nullptr && p->fget != nullptr) {
    doc = lookup_attr(p->fget, g_names.doc);
    if (doc == nullptr && has_error()) return -1;
    if (doc == kNone) clear_slot(&doc);
    set_slot(&p->doc, doc);
  } else {
    set_slot(&p->doc, xnew(doc));
  }
  return 0;
}

const char* prop_name(Property* p, std::string* buf) {
  if (p->name != nullptr && str_check(p->name)) {
    *buf = std::string(str_view(p->name));
    return buf->c_str();
  }
  return nullptr;
}

int property_error(Property* p, Object* obj, const char* what) {
  std::string buf;
  const char* n = prop_name(p, &buf);
  if (n != nullptr) {
    set_error_fmt(&kAttributeErrorType, "property '%s' of '%s' object has no %s", n,
                  type_name(obj), what);
  } else {
    set_error_fmt(&kAttributeErrorType, "property of '%s' object has no %s", type_name(obj),
                  what);
  }
  return -1;
}

Object* property_get(Object* self, Object* obj, Object* type) {
  Property* p = as_prop(self);
  if (obj == nullptr || obj == kNone) return new_ref(self);
  if (p->fget == nullptr) {
    property_error(p, obj, "getter");
    return nullptr;
  }
  Object* a[1] = {obj};
  return call(p->fget, a, 1, nullptr);
}

int property_set(Object* self, Object* obj, Object* value) {
  Property* p = as_prop(self);
  Object* f = value ? p->fset : p->fdel;
  if (f == nullptr) return property_error(p, obj, value ? "setter" : "deleter");
  Object* a[2] = {obj, value};
  Ref<> r = steal(call(f, a, value ? 2 : 1, nullptr));
  return r ? 0 : -1;
}

Object* property_copy(Object* self, Object* fget, Object* fset, Object* fdel) {
  Property* p = as_prop(self);
  Object* args[4] = {fget ? fget : kNone, fset ? fset : kNone, fdel ? fdel : kNone,
                     p->doc ? p->doc : kNone};
  Ref<> np = steal(call(self->type, args, 4, nullptr));
  if (!np) return nullptr;
  if (is_instance_of(np.get(), &kPropertyType)) {
    set_slot(&as_prop(np.get())->name, xnew(p->name));
  }
  return np.release();
}

Object* property_getter(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("getter", nargs, 1, 1, kwnames)) return nullptr;
  Property* p = as_prop(self);
  return property_copy(self, args[0], p->fset, p->fdel);
}
Object* property_setter(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("setter", nargs, 1, 1, kwnames)) return nullptr;
  Property* p = as_prop(self);
  return property_copy(self, p->fget, args[0], p->fdel);
}
Object* property_deleter(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("deleter", nargs, 1, 1, kwnames)) return nullptr;
  Property* p = as_prop(self);
  return property_copy(self, p->fget, p->fset, args[0]);
}
Object* property_set_name(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__set_name__", nargs, 2, 2, kwnames)) return nullptr;
  set_slot(&as_prop(self)->name, new_ref(args[1]));
  return new_none();
}

const MethodDef kPropertyMethods[] = {
    {"getter", property_getter, kMethodDefault, nullptr},
    {"setter", property_setter, kMethodDefault, nullptr},
    {"deleter", property_deleter, kMethodDefault, nullptr},
    {"__set_name__", property_set_name, kMethodDefault, nullptr},
    {nullptr},
};

Object* prop_field(Object* f) { return new_ref(f ? f : kNone); }
Object* property_fget_get(Object* o) { return prop_field(as_prop(o)->fget); }
Object* property_fset_get(Object* o) { return prop_field(as_prop(o)->fset); }
Object* property_fdel_get(Object* o) { return prop_field(as_prop(o)->fdel); }
Object* property_doc_get(Object* o) { return prop_field(as_prop(o)->doc); }
int property_doc_set(Object* o, Object* v) {
  set_slot(&as_prop(o)->doc, xnew(v));
  return 0;
}

const GetSetDef kPropertyGetSets[] = {
    {"fget", property_fget_get, nullptr, nullptr},
    {"fset", property_fset_get, nullptr, nullptr},
    {"fdel", property_fdel_get, nullptr, nullptr},
    {"__doc__", property_doc_get, property_doc_set, nullptr},
    {nullptr},
};

// ---------------------------------------------------------------------------
// member descriptors (__slots__)

struct Member : Object {
  Type* owner;  // borrowed: the owner's dict holds the descriptor
  Object* name;
  ssize_t offset;
};

Member* as_member(Object* o) { return static_cast<Member*>(o); }

void member_dealloc(Object* o) {
  clear_slot(&as_member(o)->name);
  generic_free(o);
}

Object** member_slot(Member* m, Object* obj) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + m->offset);
}

bool member_check(Member* m, Object* obj) {
  if (is_instance_of(obj, m->owner)) return true;
  set_error_fmt(&kTypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                str_view(m->name), m->owner->name, type_name(obj));
  return false;
}

Object* member_get(Object* self, Object* obj, Object* type) {
  Member* m = as_member(self);
  if (obj == nullptr) return new_ref(self);
  if (!member_check(m, obj)) return nullptr;
  // Referenced inside obj's section: a racing set or del may drop the old
  // value right after (vm/instance_slots.h).
  Object* v = instance_slot_get_ref(obj, member_slot(m, obj));
  if (v == nullptr) {
    set_error_fmt(&kAttributeErrorType, "'%s' object has no attribute '%s'", type_name(obj),
                  str_view(m->name));
    return nullptr;
  }
  return v;
}

int member_set(Object* self, Object* obj, Object* value) {
  Member* m = as_member(self);
  if (!member_check(m, obj)) return -1;
  // Swapped inside obj's section, the old value released after it.  A del
  // of an empty slot swaps null for null and reports it.
  Object* old = instance_slot_exchange(obj, member_slot(m, obj), xnew(value));
  if (value == nullptr && old == nullptr) {
    set_error_fmt(&kAttributeErrorType, "'%s' object has no attribute '%s'", type_name(obj),
                  str_view(m->name));
    return -1;
  }
  xdecref(old);
  return 0;
}

Object* member_repr(Object* o) {
  Member* m = as_member(o);
  return str_from(
      absl::StrFormat("<member '%s' of '%s' objects>", str_view(m->name), m->owner->name));
}

Object* member_name_get(Object* o) { return new_ref(as_member(o)->name); }

const GetSetDef kMemberGetSets[] = {
    {"__name__", member_name_get, nullptr, nullptr},
    {nullptr},
};

// ---------------------------------------------------------------------------
// mappingproxy: the read-only, live view `C.__dict__` returns.

struct MappingProxy : Object {
  Object* mapping;  // owned
};

Object* mp(Object* o) { return static_cast<MappingProxy*>(o)->mapping; }

void proxy_dealloc(Object* o) {
  clear_slot(&static_cast<MappingProxy*>(o)->mapping);
  generic_free(o);
}
int proxy_traverse(Object* o, VisitFunc visit, void* arg) { return visit(mp(o), arg); }
Object* proxy_getitem(Object* o, Object* key) { return getitem(mp(o), key); }
ssize_t proxy_len(Object* o) { return length(mp(o)); }
int proxy_contains(Object* o, Object* key) { return contains(mp(o), key); }
Object* proxy_iter(Object* o) { return get_iter(mp(o)); }
Object* proxy_str(Object* o) { return str(mp(o)); }
Object* proxy_repr(Object* o) {
  Ref<> r = steal(repr(mp(o)));
  if (!r) return nullptr;
  return str_from(absl::StrFormat("mappingproxy(%s)", str_view(r.get())));
}
Object* proxy_richcompare(Object* a, Object* b, CompareOp op) {
  return rich_compare(mp(a), b, op);
}

Object* proxy_forward(Object* self, const char* name, Object* const* args, size_t nargs,
                      Object* kwnames) {
  Ref<> m = steal(getattr_str(mp(self), name));
  if (!m) return nullptr;
  return call(m.get(), args, nargs, kwnames);
}
Object* proxy_get(Object* self, Object* const* a, size_t n, Object* kw) {
  return proxy_forward(self, "get", a, n, kw);
}
Object* proxy_keys(Object* self, Object* const* a, size_t n, Object* kw) {
  return proxy_forward(self, "keys", a, n, kw);
}
Object* proxy_values(Object* self, Object* const* a, size_t n, Object* kw) {
  return proxy_forward(self, "values", a, n, kw);
}
Object* proxy_items(Object* self, Object* const* a, size_t n, Object* kw) {
  return proxy_forward(self, "items", a, n, kw);
}
Object* proxy_copy(Object* self, Object* const* a, size_t n, Object* kw) {
  return proxy_forward(self, "copy", a, n, kw);
}

const MethodDef kProxyMethods[] = {
    {"get", proxy_get, kMethodDefault, nullptr},
    {"keys", proxy_keys, kMethodDefault, nullptr},
    {"values", proxy_values, kMethodDefault, nullptr},
    {"items", proxy_items, kMethodDefault, nullptr},
    {"copy", proxy_copy, kMethodDefault, nullptr},
    {nullptr},
};

void init_wrapped_type(Type* t, const char* name, DescrGetFunc get) {
  init_static_type(t, name, sizeof(Wrapped));
  t->flags |= kTypeBaseType | kTypeHaveGC;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  t->dictoffset = offsetof(Wrapped, dict);  // GCC lays Object's bases out as a standard layout
#pragma GCC diagnostic pop
  t->dealloc = wrapped_dealloc;
  t->traverse = wrapped_traverse;
  t->clear = wrapped_clear;
  t->new_ = wrapped_new;
  t->init = wrapped_init;
  t->repr = wrapped_repr;
  t->descr_get = get;
  t->getsets = kWrappedGetSets;
}

}  // namespace

Object* mappingproxy_new(Object* mapping) {
  auto* p = static_cast<MappingProxy*>(generic_alloc(&kMappingProxyType));
  if (p == nullptr) return nullptr;
  p->mapping = new_ref(mapping);
  return p;
}

Object* member_descr_new(Type* owner, Object* name, ssize_t offset) {
  auto* m = static_cast<Member*>(generic_alloc(&kMemberDescrType));
  if (m == nullptr) return nullptr;
  m->owner = owner;
  m->name = new_ref(name);
  m->offset = offset;
  return m;
}

// For the eval loop's attribute caches (vm/eval/inline_cache.cc).
ssize_t member_descr_offset(Object* descr) { return as_member(descr)->offset; }

Object* staticmethod_new(Object* callable) {
  auto* w = static_cast<Wrapped*>(generic_alloc(&kStaticMethodType));
  if (w == nullptr) return nullptr;
  w->callable = new_ref(callable);
  return w;
}

Object* classmethod_new(Object* callable) {
  auto* w = static_cast<Wrapped*>(generic_alloc(&kClassMethodType));
  if (w == nullptr) return nullptr;
  w->callable = new_ref(callable);
  return w;
}

void init_class_descr_types() {
  if (kSuperType.flags & kTypeReady) return;
  Type* s = &kSuperType;
  init_static_type(s, "super", sizeof(Super));
  s->flags |= kTypeBaseType | kTypeHaveGC;
  s->dealloc = super_dealloc;
  s->traverse = super_traverse;
  s->new_ = super_new;
  s->init = super_init;
  s->getattr = super_getattr;
  s->repr = super_repr;
  s->getsets = kSuperGetSets;
  type_ready(s);

  init_wrapped_type(&kStaticMethodType, "staticmethod", staticmethod_get);
  kStaticMethodType.call = staticmethod_call;
  type_ready(&kStaticMethodType);
  init_wrapped_type(&kClassMethodType, "classmethod", classmethod_get);
  type_ready(&kClassMethodType);

  Type* p = &kPropertyType;
  init_static_type(p, "property", sizeof(Property));
  p->flags |= kTypeBaseType | kTypeHaveGC;
  p->dealloc = property_dealloc;
  p->traverse = property_traverse;
  p->new_ = property_new;
  p->init = property_init;
  p->descr_get = property_get;
  p->descr_set = property_set;
  p->methods = kPropertyMethods;
  p->getsets = kPropertyGetSets;
  type_ready(p);

  Type* m = &kMemberDescrType;
  init_static_type(m, "member_descriptor", sizeof(Member));
  m->flags &= ~kTypeBaseType;
  m->dealloc = member_dealloc;
  m->descr_get = member_get;
  m->descr_set = member_set;
  m->repr = member_repr;
  m->getsets = kMemberGetSets;
  type_ready(m);

  Type* x = &kMappingProxyType;
  init_static_type(x, "mappingproxy", sizeof(MappingProxy));
  x->flags |= kTypeHaveGC;
  x->dealloc = proxy_dealloc;
  x->traverse = proxy_traverse;
  x->getitem = proxy_getitem;
  x->length = proxy_len;
  x->contains = proxy_contains;
  x->iter = proxy_iter;
  x->str = proxy_str;
  x->repr = proxy_repr;
  x->richcompare = proxy_richcompare;
  x->methods = kProxyMethods;
  type_ready(x);
}

int install_class_builtins(Object* d) {
  static const MethodDef kBuildClassDef = {"__build_class__", build_class, kMethodDefault,
                                           "Internal helper function used by the class statement."};
  Ref<> bc = steal(builtin_function_new(&kBuildClassDef, nullptr, str_intern("builtins")));
  if (!bc || dict_set_item_str(d, "__build_class__", bc.get()) < 0) return -1;
  struct {
    const char* name;
    Type* type;
  } types[] = {{"super", &kSuperType},       {"staticmethod", &kStaticMethodType},
               {"classmethod", &kClassMethodType}, {"property", &kPropertyType},
               {"object", &kObjectType},     {"type", &kTypeType}};
  for (auto& e : types) {
    if (dict_get_item_str(d, e.name) != nullptr) continue;
    if (dict_set_item_str(d, e.name, e.type) < 0) return -1;
  }
  // Every exception class, including those beyond the errors.h contract.
  return install_exception_builtins(d);
}

}  // namespace conch::vm
