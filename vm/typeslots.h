// Slots and dunder methods, both directions (internal to the type system).
//
//   * Static types written in C++ fill slots; type_ready exposes each slot the
//     type itself defines as a slot wrapper in its dict (`int.__add__`,
//     `object.__init__`), so Python code can call them (super().__init__()).
//   * Heap types define dunders in Python; fixup_slots points each slot at a
//     dispatcher that looks the dunder up on the instance's type and calls it,
//     or at a base's C++ slot when the dunder found is that base's wrapper.
//
// Only typeobject.cc and typeslots.cc include this header.
#pragma once

#include "vm/object.h"

namespace conch::vm {

// Which slot groups `t` defines itself, before inheritance (bit 63: new_).
uint64_t own_slot_mask(const Type* t);
// Adds slot wrappers for the groups in own_mask to t->dict, without
// replacing entries its methods already put there.
int add_slot_wrappers(Type* t, uint64_t own_mask);
// Fills t's null slots from b (CPython's inherit_slots).
void inherit_slots(Type* t, Type* b);
// Static types of the type machinery; idempotent, called by
// finish_type_bootstrap so they exist before the pending types are completed.
void init_slot_wrapper_types();   // typeslots.cc
void init_class_descr_types();    // classdescr.cc: super, staticmethod, property ...
// heaptype.cc: type.__new__ and the dealloc of heap types.
Object* type_new_impl(Type* metatype, Object* const* args, size_t nargs, Object* kwnames);
void heap_type_dealloc(Object* o);
// Recomputes every slot of heap type `t` from the dunders along its MRO.
void fixup_slots(Type* t);
// The hash slot for types whose __hash__ is None.
hash_t hash_not_implemented(Object* o);
// Calls `callable(self, *args)` without building a bound method.
Object* call_with_self(Object* callable, Object* self, Object* const* args, size_t nargs,
                       Object* kwnames);
// Looks `name` up on type(self) and calls it unbound with self prepended.
// Returns nullptr without an error set when the type has no such attribute
// (*found = false).
Object* call_special(Object* self, Object* name, Object* const* args, size_t nargs, bool* found);

// Interned dunder names, valid after finish_type_bootstrap.
struct DunderNames {
  Object *init, *new_, *repr, *str, *hash, *eq, *call, *getattr, *getattribute, *setattr,
      *delattr, *dict, *module, *name, *qualname, *doc, *slots, *classcell, *init_subclass,
      *set_name, *class_getitem, *format, *class_, *mro, *prepare, *bool_, *len, *index,
      *iter, *next, *enter, *exit, *get, *set, *delete_, *contains, *getitem, *weakref, *del, *empty;
};
extern DunderNames g_names;

// The static-type `__new__` builtin (self = the type), and its MethodDef, so
// fixup_slots can tell a builtin __new__ from a Python one.
extern const MethodDef kTpNewWrapperDef;
const MethodDef* builtin_function_def(Object* f);  // descr.cc; null if not builtin
Object* builtin_function_self(Object* f);         // descr.cc; borrowed

}  // namespace conch::vm
