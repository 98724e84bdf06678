// None, NotImplemented and Ellipsis: immortal statics, and their types.
#include "absl/strings/str_format.h"
#include "vm/errors.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {

Type kNoneType;
Type kNotImplementedType;
Type kEllipsisType;

namespace {

Object g_none;
Object g_not_implemented;
Object g_ellipsis;

Object* none_repr(Object*) { return str_from("None"); }
Object* notimpl_repr(Object*) { return str_from("NotImplemented"); }
Object* ellipsis_repr(Object*) { return str_from("Ellipsis"); }

int none_bool(Object*) { return 0; }
int true_bool(Object*) { return 1; }

NumberMethods g_none_number;
NumberMethods g_notimpl_number;

// NoneType() returns None; any argument is an error.
template <Object* Singleton>
Object* singleton_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs > 0 || (kwnames != nullptr && tuple_size(kwnames) > 0)) {
    set_error_fmt(&kTypeErrorType, "%s takes no arguments", type->name);
    return nullptr;
  }
  return new_ref(Singleton);
}

Object* reduce_name(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return str_from(self == kNotImplemented ? "NotImplemented" : "Ellipsis");
}

const MethodDef kSingletonMethods[] = {
    {"__reduce__", reduce_name, kMethodDefault, nullptr},
    {nullptr},
};

void init_singleton(Object* o, Type* t) {
  gc::init_header(o);
  o->type = t;
  make_immortal(o);
}

void init_type(Type* t, const char* name, UnaryFunc repr) {
  init_static_type(t, name, sizeof(Object));
  t->flags &= ~kTypeBaseType;
  t->repr = repr;
}

}  // namespace

Object* const kNone = &g_none;
Object* const kNotImplemented = &g_not_implemented;
Object* const kEllipsis = &g_ellipsis;

void init_singleton_types() {
  if (kNoneType.flags & kTypeReady) return;
  init_type(&kNoneType, "NoneType", none_repr);
  g_none_number.boolean = none_bool;
  kNoneType.number = &g_none_number;
  kNoneType.new_ = singleton_new<&g_none>;
  init_type(&kNotImplementedType, "NotImplementedType", notimpl_repr);
  g_notimpl_number.boolean = true_bool;
  kNotImplementedType.number = &g_notimpl_number;
  kNotImplementedType.new_ = singleton_new<&g_not_implemented>;
  kNotImplementedType.methods = kSingletonMethods;
  init_type(&kEllipsisType, "ellipsis", ellipsis_repr);
  kEllipsisType.new_ = singleton_new<&g_ellipsis>;
  kEllipsisType.methods = kSingletonMethods;
  init_singleton(&g_none, &kNoneType);
  init_singleton(&g_not_implemented, &kNotImplementedType);
  init_singleton(&g_ellipsis, &kEllipsisType);
  type_ready(&kNoneType);
  type_ready(&kNotImplementedType);
  type_ready(&kEllipsisType);
}

}  // namespace conch::vm
