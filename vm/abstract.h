// The object protocol: the generic operations the eval loop, builtins and the
// types use on objects of any type, dispatching through the type slots with
// CPython's rules (reflected operands, NotImplemented, subclass priority).
//
// Implemented in vm/abstract.cc.  Conventions as in vm/object.h.
#pragma once

#include <initializer_list>
#include <string_view>

#include "vm/object.h"

namespace conch::vm {

Object* repr(Object* o);
Object* str(Object* o);
Object* ascii(Object* o);
hash_t hash(Object* o);  // TypeError "unhashable type: 'list'"
int is_true(Object* o);  // 1, 0, -1
int is_not(Object* o);

Object* rich_compare(Object* a, Object* b, CompareOp op);
// 1, 0, -1.  For kEq/kNe, identity implies equality (as CPython's containers).
int rich_compare_bool(Object* a, Object* b, CompareOp op);

Object* binary_op(Object* a, Object* b, BinaryOp op);
Object* inplace_op(Object* a, Object* b, BinaryOp op);
Object* power(Object* a, Object* b, Object* mod /*None or null*/);
Object* negative(Object* o);
Object* positive(Object* o);
Object* invert(Object* o);
Object* absolute(Object* o);
// "+", "-=", ... as dis and error messages show them.
const char* binary_op_symbol(int op_with_inplace);

Object* getattr(Object* o, Object* name);  // name: str
Object* getattr_str(Object* o, std::string_view name);
// As getattr but returns nullptr without an exception when absent
// (AttributeError swallowed); other errors stay set.
Object* lookup_attr(Object* o, Object* name);
int setattr(Object* o, Object* name, Object* value);
int delattr(Object* o, Object* name);
int hasattr(Object* o, Object* name);
// The default attribute lookup: data descriptors on the type, the instance
// __dict__, other descriptors and class attributes, then AttributeError.
Object* generic_getattr(Object* o, Object* name);
int generic_setattr(Object* o, Object* name, Object* value);
// Finds `name` along the type's MRO; borrowed, nullptr if absent (no error).
Object* type_lookup(Type* t, Object* name);

Object* call(Object* callable, Object* const* args, size_t nargs, Object* kwnames = nullptr);
Object* call_args(Object* callable, std::initializer_list<Object*> args);
Object* call_tuple_dict(Object* callable, Object* args_tuple, Object* kwargs_dict /*nullable*/);
// obj.name(*args)
Object* call_method(Object* obj, std::string_view name, std::initializer_list<Object*> args);
bool is_callable(Object* o);

Object* get_iter(Object* o);  // TypeError "'int' object is not iterable"
// Next item (new reference); nullptr without exception when exhausted.
Object* iter_next(Object* it);

Object* getitem(Object* o, Object* key);
int setitem(Object* o, Object* key, Object* value);
int delitem(Object* o, Object* key);
ssize_t length(Object* o);  // TypeError "object of type 'int' has no len()"
int contains(Object* container, Object* item);  // `item in container`: 1, 0, -1

Object* format(Object* value, Object* spec /*str or null*/);
// Both honour a metaclass's __instancecheck__ / __subclasscheck__ (abc,
// typing, types.UnionType) as CPython does.
int isinstance(Object* o, Object* cls_or_tuple);   // 1, 0, -1
int issubclass(Object* cls, Object* cls_or_tuple);  // 1, 0, -1

// Fills a list from any iterable.
Object* sequence_list(Object* iterable);
Object* sequence_tuple(Object* iterable);

}  // namespace conch::vm
