// The object model: Object, Type and its slots, references.
//
// Conventions (the same as CPython's C API, so extension authors and readers
// of CPython find nothing surprising):
//   * A function returning Object* returns a NEW reference, or nullptr with an
//     exception set in the current thread (vm/errors.h).  Functions documented
//     "borrowed" return a reference the caller does not own.
//   * A function returning int returns 0 (or a non-negative result) on
//     success and -1 with an exception set on failure.
//   * Binary number slots are called as slot(a, b) where a OR b has the slot's
//     type (so a slot must check both); a slot that does not handle the pair
//     returns a new reference to NotImplemented.
//   * Calls are "vectorcall" shaped: args[0..nargs) are positional, and when
//     kwnames (a tuple of str) is non-null, args[nargs..nargs+len(kwnames))
//     are the keyword values in the same order.
//   * Ref<T> owns one reference; raw Object* is borrowed unless stated.
//
// Types are static objects (immortal) set up by an init function that fills
// the fields and then calls type_ready(), which builds the type dict from
// `methods`/`getsets`/`members` and computes the MRO.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include "gc/alloc.h"
#include "gc/header.h"

namespace conch::vm {

struct Type;

struct Object : gc::Header {
  Type* type;
};

using ssize_t = std::ptrdiff_t;
using hash_t = int64_t;  // as Py_hash_t; -1 means error

// ---------------------------------------------------------------------------
// Reference counting.

void dealloc(Object* o);  // runs o->type->dealloc; never call directly

CONCH_ALWAYS_INLINE void incref(Object* o) { gc::incref(o); }
CONCH_ALWAYS_INLINE void xincref(Object* o) {
  if (o != nullptr) gc::incref(o);
}
CONCH_ALWAYS_INLINE void decref(Object* o) {
  if (gc::release(o)) dealloc(o);
}
CONCH_ALWAYS_INLINE void xdecref(Object* o) {
  if (o != nullptr) decref(o);
}
// Returns o after adding a reference: `return new_ref(kNone);`
CONCH_ALWAYS_INLINE Object* new_ref(Object* o) {
  incref(o);
  return o;
}
// Replaces *slot with v (stealing v), dropping the old value after the store
// so a destructor never sees a half-updated slot.
CONCH_ALWAYS_INLINE void set_slot(Object** slot, Object* v) {
  Object* old = *slot;
  *slot = v;
  xdecref(old);
}
CONCH_ALWAYS_INLINE void clear_slot(Object** slot) { set_slot(slot, nullptr); }

// Owns one reference (or none when null).
template <class T = Object>
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}
  Ref(const Ref& r) : p_(r.p_) { xincref(p_); }
  Ref(Ref&& r) noexcept : p_(r.p_) { r.p_ = nullptr; }
  template <class U>
  Ref(Ref<U>&& r) noexcept : p_(r.release()) {}
  ~Ref() { xdecref(p_); }
  Ref& operator=(Ref r) noexcept {
    std::swap(p_, r.p_);
    return *this;
  }
  // Takes ownership of a new reference (typically a call's result).
  static Ref steal(T* p) { return Ref(p, 0); }
  // Adds a reference to a borrowed pointer.
  static Ref borrow(T* p) {
    xincref(p);
    return Ref(p, 0);
  }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }
  // Gives up ownership: the caller now owns the reference.
  T* release() {
    T* p = p_;
    p_ = nullptr;
    return p;
  }
  void reset(T* steal_p = nullptr) {
    T* old = p_;
    p_ = steal_p;
    xdecref(old);
  }

 private:
  Ref(T* p, int) : p_(p) {}
  T* p_ = nullptr;
};

inline Ref<> steal(Object* o) { return Ref<>::steal(o); }
inline Ref<> borrow(Object* o) { return Ref<>::borrow(o); }

// ---------------------------------------------------------------------------
// Slot signatures.

enum class CompareOp : int { kLt = 0, kLe = 1, kEq = 2, kNe = 3, kGt = 4, kGe = 5 };

// BINARY_OP's argument, numbered as CPython 3.11 numbers NB_* so dis output
// matches.  In-place forms are the binary form + kInplaceOffset.
enum class BinaryOp : int {
  kAdd = 0, kAnd = 1, kFloorDivide = 2, kLshift = 3, kMatrixMultiply = 4,
  kMultiply = 5, kRemainder = 6, kOr = 7, kPower = 8, kRshift = 9,
  kSubtract = 10, kTrueDivide = 11, kXor = 12,
};
inline constexpr int kBinaryOpCount = 13;
inline constexpr int kInplaceOffset = 13;

using UnaryFunc = Object* (*)(Object*);
using BinaryFunc = Object* (*)(Object*, Object*);
using TernaryFunc = Object* (*)(Object*, Object*, Object*);
using InquiryFunc = int (*)(Object*);                      // -1 error
using LenFunc = ssize_t (*)(Object*);                      // -1 error
using HashFunc = hash_t (*)(Object*);                      // -1 error
using RichCompareFunc = Object* (*)(Object*, Object*, CompareOp);
using GetAttrFunc = Object* (*)(Object* self, Object* name);
using SetAttrFunc = int (*)(Object* self, Object* name, Object* value);  // value null: delete
using SetItemFunc = int (*)(Object* self, Object* key, Object* value);   // value null: delete
using ContainsFunc = int (*)(Object* self, Object* item);               // 1, 0, -1
using VectorCallFunc = Object* (*)(Object* callable, Object* const* args, size_t nargs,
                                   Object* kwnames);
using NewFunc = Object* (*)(Type* type, Object* const* args, size_t nargs, Object* kwnames);
using InitFunc = int (*)(Object* self, Object* const* args, size_t nargs, Object* kwnames);
using DescrGetFunc = Object* (*)(Object* descr, Object* obj /*null: via type*/, Object* type);
using DescrSetFunc = int (*)(Object* descr, Object* obj, Object* value /*null: delete*/);
using VisitFunc = int (*)(Object*, void* arg);
using TraverseFunc = int (*)(Object* self, VisitFunc visit, void* arg);
using DeallocFunc = void (*)(Object*);

// Builtin functions and methods.  `self` is the bound object for methods, the
// module for module functions, the type for kClassMethod.
using NativeFunc = Object* (*)(Object* self, Object* const* args, size_t nargs, Object* kwnames);

enum MethodFlags : uint32_t {
  kMethodDefault = 0,
  kMethodStatic = 1 << 0,  // no self
  kMethodClass = 1 << 1,   // self is the type
};

struct MethodDef {
  const char* name;
  NativeFunc func;
  uint32_t flags;
  const char* doc;
};

struct GetSetDef {
  const char* name;
  Object* (*get)(Object* self);
  int (*set)(Object* self, Object* value);  // null: read-only; value null: delete
  const char* doc;
};

struct NumberMethods {
  BinaryFunc add, subtract, multiply, remainder, floor_divide, true_divide;
  BinaryFunc lshift, rshift, and_, or_, xor_, matrix_multiply;
  TernaryFunc power;  // third argument is the modulus or None
  // In-place forms; null means fall back to the binary form.
  BinaryFunc inplace_add, inplace_subtract, inplace_multiply, inplace_remainder;
  BinaryFunc inplace_floor_divide, inplace_true_divide, inplace_lshift, inplace_rshift;
  BinaryFunc inplace_and, inplace_or, inplace_xor, inplace_matrix_multiply;
  TernaryFunc inplace_power;
  UnaryFunc negative, positive, absolute, invert;
  InquiryFunc boolean;  // truth value: 1, 0, -1
  UnaryFunc to_int, to_float, index;
};

enum TypeFlags : uint32_t {
  kTypeBaseType = 1 << 0,   // may be subclassed
  kTypeHeapType = 1 << 1,   // created by a class statement (refcounted)
  kTypeHaveGC = 1 << 2,     // instances may be part of cycles; traverse/clear set
  kTypeReady = 1 << 3,      // type_ready() has run
  kTypeImmutable = 1 << 4,  // attributes cannot be set on the type
  // Fast subclass checks, as CPython's Py_TPFLAGS_*_SUBCLASS.
  kTypeIntSubclass = 1 << 8,
  kTypeTupleSubclass = 1 << 9,
  kTypeListSubclass = 1 << 10,
  kTypeStrSubclass = 1 << 11,
  kTypeDictSubclass = 1 << 12,
  kTypeBytesSubclass = 1 << 13,
  kTypeBaseExcSubclass = 1 << 14,
  kTypeTypeSubclass = 1 << 15,
  // What a match statement's sequence and mapping patterns accept, as
  // CPython's Py_TPFLAGS_SEQUENCE / Py_TPFLAGS_MAPPING: inherited from the
  // base, set by the builtins (list, tuple, range, deque; dict) and by a class
  // body's `__abc_tpflags__` (collections.abc uses CPython's values).
  kTypeSequence = 1 << 16,
  kTypeMapping = 1 << 17,
};

struct Type : Object {
  const char* name = nullptr;  // "list", or "module.Name" for module types
  ssize_t basicsize = 0;
  ssize_t itemsize = 0;
  uint32_t flags = 0;
  ssize_t dictoffset = 0;  // offset of the instance __dict__ pointer, 0: none
  const char* doc = nullptr;

  Type* base = nullptr;
  Object* bases = nullptr;  // tuple, set by type_ready
  Object* mro = nullptr;    // tuple, set by type_ready
  Object* dict = nullptr;   // dict, set by type_ready

  const MethodDef* methods = nullptr;  // terminated by {nullptr}
  const GetSetDef* getsets = nullptr;  // terminated by {nullptr}

  DeallocFunc dealloc = nullptr;
  NewFunc new_ = nullptr;
  InitFunc init = nullptr;
  // Instance allocator, for new_ implementations; defaults to generic_alloc.
  Object* (*alloc)(Type* type, ssize_t nitems) = nullptr;

  UnaryFunc repr = nullptr;
  UnaryFunc str = nullptr;
  HashFunc hash = nullptr;
  RichCompareFunc richcompare = nullptr;
  GetAttrFunc getattr = nullptr;
  SetAttrFunc setattr = nullptr;
  VectorCallFunc call = nullptr;
  UnaryFunc iter = nullptr;
  UnaryFunc iternext = nullptr;  // nullptr result without an error: exhausted
  DescrGetFunc descr_get = nullptr;
  DescrSetFunc descr_set = nullptr;

  // Container protocol (mapping and sequence are one protocol here).
  LenFunc length = nullptr;
  BinaryFunc getitem = nullptr;
  SetItemFunc setitem = nullptr;
  ContainsFunc contains = nullptr;

  NumberMethods* number = nullptr;

  TraverseFunc traverse = nullptr;
  InquiryFunc clear = nullptr;

  // Version tag for attribute caches; bumped on any change to the type's dict
  // or its bases' dicts.  0 means "do not cache".
  uint32_t version = 0;
};

// ---------------------------------------------------------------------------
// Type helpers.

// Completes a static type: immortalises it, fills defaults from its base,
// builds dict/mro/bases.  Returns -1 with an exception set on failure.
int type_ready(Type* t);

// Sets the fields every static type shares (type pointer, immortal header).
// Call at the start of an init function, before filling slots.
void init_static_type(Type* t, const char* name, ssize_t basicsize, Type* base = nullptr);

inline Type* type_of(const Object* o) { return o->type; }
inline bool type_has_flag(const Type* t, uint32_t f) { return (t->flags & f) != 0; }
bool is_subtype(const Type* a, const Type* b);  // walks a's MRO
inline bool is_instance_of(const Object* o, const Type* t) {
  return o->type == t || is_subtype(o->type, t);
}

// Allocates an instance of `type` (basicsize + nitems*itemsize, zeroed, one
// reference, type pointer set; the type itself incref'd when it is a heap
// type).  nullptr + MemoryError on failure.
Object* generic_alloc(Type* type, ssize_t nitems = 0);
// Frees the memory of an instance whose dealloc has already cleared its fields.
void generic_free(Object* o);

// Makes an object immortal (never counted, never freed).
inline void make_immortal(Object* o) { gc::make_immortal(o); }

}  // namespace conch::vm
