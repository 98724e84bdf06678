// The type system's internals beyond vm/object.h: heap types (classes made by
// `class` statements and type(name, bases, ns)), the bootstrap of the core
// types, the attribute cache, the class-building builtins, and the
// descriptor constructors type_ready uses.
//
// Invariants
//   * Every ready type has `mro` (a tuple starting with the type itself),
//     `bases` (a tuple) and `dict`.  Static types are immortal and their dicts
//     never change after type_ready (kTypeImmutable).
//   * A heap type is a HeapType (the `type` type's basicsize).  It owns its
//     name, qualname, dict, mro, bases, base and its slot storage.  Its slots
//     are recomputed from its dict (fixup_slots) when it is created and when
//     a dunder attribute is set on it or on one of its bases.
//   * Type::version identifies the contents of a type's dict and of the dicts
//     along its MRO.  Any change to a heap type's dict gives that type and all
//     its subclasses fresh versions, so a cache keyed by (version, name) never
//     returns a stale entry.  version 0 means "not cacheable".
//   * Bootstrap: type_ready before the core types (object, type, str, tuple,
//     dict) can allocate fills the slots it can and queues the rest;
//     finish_type_bootstrap() completes the queue.  runtime_init calls it
//     after init_object_types/str/tuple/dict.
//
// Thread safety: type dicts of heap types are dicts (their own critical
// sections); the attribute cache is per thread, so it needs no lock, and
// owns its values when the GIL is off (typeobject.cc explains why).
// type_lookup's borrowed result stays valid until the calling thread's next
// type_lookup: take a reference before doing anything else.
#pragma once

#include <string_view>

#include "vm/object.h"

namespace conch::vm {

struct HeapType : Type {
  NumberMethods as_number;   // `number` points here
  Object* ht_name;           // str: __name__ (Type::name points into it)
  Object* ht_qualname;       // str: __qualname__
  Object* ht_slots;          // tuple of __slots__ names, or null
  // Direct subclasses (weak pointers), so version bumps and slot updates can
  // reach them.  Raw memory from gc::allocate_raw.
  Type** subclasses;
  ssize_t nsubclasses;
  ssize_t subclasses_cap;
  // Every live heap type is on one list (guarded by a mutex in heaptype.cc)
  // so shutdown can break the cycles classes sit in (clear_heap_types).
  HeapType* prev_heap;
  HeapType* next_heap;
};

// Shutdown helper: clears the dict of every live heap type, breaking the
// cycles a class is part of (class -> method -> __class__ cell -> class,
// class -> method -> globals -> class) so the classes and everything they
// hold are freed without a cycle collector.  runtime_fini calls it after
// the user modules' dicts are cleared.  No longer called: runtime_fini runs
// a final cycle collection (vm/gc_support.h) instead; kept for debugging.
void clear_heap_types();

// Completes the types readied before the core could allocate.  Called once by
// runtime_init after init_object_types, init_str_types, init_tuple_types and
// init_dict_types (and before any other init function is fine too).
void finish_type_bootstrap();

// Registers __build_class__, super, staticmethod, classmethod and property
// into the builtins dict.  Called by the builtins module's init.
int install_class_builtins(Object* builtins_dict);

// builtins.__build_class__(func, name, *bases, metaclass=None, **kwds).
Object* build_class(Object* self, Object* const* args, size_t nargs, Object* kwnames);

// The types this file defines besides type and object.
extern Type kSuperType;
extern Type kStaticMethodType;
extern Type kClassMethodType;
extern Type kPropertyType;
extern Type kMemberDescrType;   // __slots__ entries
extern Type kSlotWrapperType;   // wrapper_descriptor: int.__add__, object.__init__
extern Type kMethodWrapperType; // a slot wrapper bound to an instance
extern Type kMappingProxyType;  // C.__dict__: a read-only live view
Object* mappingproxy_new(Object* mapping);

// The name as a traceback's last line prints it (CPython's traceback.py):
// "ValueError", "MyError" for __main__, "mod.MyError" otherwise.  New
// reference (str).
Object* type_qualified_name(Type* t);
// __name__ / __module__ of any type (new references).
Object* type_get_name(Type* t);
Object* type_get_module(Type* t);

// Gives `t` and its subclasses new versions (and, when `slots`, recomputes
// their slots from the dunders); called after a change to t's dict.
void type_modified(Type* t, bool slots = true);

// Type versions, the attribute cache's key (typeobject.cc, "The attribute
// cache").  Written after the dict change they announce, with release;
// read with acquire.  A fresh version is unique for the life of the process
// (0: not cacheable).
uint32_t type_new_version();
inline uint32_t type_version(const Type* t) { return __atomic_load_n(&t->version, __ATOMIC_ACQUIRE); }
inline void type_set_version(Type* t, uint32_t v) { __atomic_store_n(&t->version, v, __ATOMIC_RELEASE); }
// heaptype.cc: fresh versions for t and every subclass, under the lock that
// guards the subclass lists.
void type_bump_versions(Type* t);
// Drops the calling thread's attribute cache and the references it owns.
// Called by a thread before it detaches and by runtime_fini, while the
// thread can still run destructors.
void type_cache_clear();

// Calls the type's __new__ / __init__ as type.__call__ does.
Object* type_call(Object* type, Object* const* args, size_t nargs, Object* kwnames);

// Descriptor constructors (descr.cc).
Object* method_descr_new(Type* owner, const MethodDef* def);
Object* classmethod_descr_new(Type* owner, const MethodDef* def);
Object* getset_descr_new(Type* owner, const GetSetDef* def);
Object* staticmethod_new(Object* callable);
Object* classmethod_new(Object* callable);

}  // namespace conch::vm
