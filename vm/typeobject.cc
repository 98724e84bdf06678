// `type` and `object`, type_ready, the MRO, type_lookup and its cache, and
// the bootstrap of the core types.  Heap type creation (class statements)
// lives in heaptype.cc; slot wrappers and dispatchers in typeslots.cc.
#include "vm/typeobject.h"

#include "gc/collector.h"

#include <atomic>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/gil.h"
#include "vm/interp.h"
#include "vm/instance_slots.h"
#include "vm/runtime.h"
#include "vm/typeslots.h"
#include "vm/types.h"

namespace conch::vm {

Type kTypeType;
Type kObjectType;
DunderNames g_names;

namespace {

// ---------------------------------------------------------------------------
// Bootstrap: types readied before the core can allocate wait here.

struct Pending {
  Type* type;
  uint64_t own_mask;
};
bool g_core_ready = false;
std::vector<Pending>& pending_types() {
  static std::vector<Pending> v;
  return v;
}

// Versions are unique across all types and all time (a cache entry is
// keyed by version alone), so the counter is atomic: classes are created and
// modified on any thread in the free-threaded build.  Relaxed suffices: the
// value only has to be unique, it publishes nothing.
std::atomic<uint32_t> g_next_version{1};

uint32_t next_version() {
  uint32_t v = g_next_version.fetch_add(1, std::memory_order_relaxed);
  if (v == 0 || v == UINT32_MAX) {  // exhausted: stop caching
    g_next_version.store(UINT32_MAX, std::memory_order_relaxed);
    return 0;
  }
  return v;
}

// ---------------------------------------------------------------------------
// The attribute cache: per thread, keyed by (version, name); names must be
// immortal so a pointer is never reused for a different string.  Being per
// thread, an entry is only ever read and written by one thread: no reader
// can see a torn (version, value) pair, and no lock or seqlock is needed.
//
// Versions: a class change stores its dict first, then fresh versions with
// release (type_set_version); type_lookup loads the version with acquire, so
// a reader that sees the new version also sees the new dict contents.  Stale
// entries are never hit again (versions are never reused).
//
// Lifetime of a cached value.  With the GIL on, the entry borrows the value
// from a dict along the MRO: nothing can free it while this thread runs.
// With the GIL off, another thread may replace the class attribute and free
// the old value between this thread's cache hit and its incref; so then the
// entry OWNS a reference (`owned`), taken by a locked lookup
// (dict_get_item_ref), and a hit is always alive.  Evicted owned values are
// released at the start of the thread's next type_lookup (never within the
// call that returns them: a destructor could re-enter).  Hence the contract:
// type_lookup's result is valid until the calling thread's next type_lookup,
// and callers incref it first thing.  The price: a replaced class attribute
// may live until its entry is overwritten, the thread exits or the runtime
// ends (type_cache_clear).

struct CacheEntry {
  uint32_t version;
  bool owned;     // holds a reference to value (filled with the GIL off)
  Object* name;
  Object* value;  // may be null (absent)
};
constexpr size_t kCacheSize = 4096;
thread_local CacheEntry t_cache[kCacheSize];
// Owned values waiting to be released (see above), and the owned result of
// the last lookup that bypassed the cache.
// t_npending counts both the array and the (rare) overflow list, so the hot
// path tests one thread-local int.
constexpr int kMaxPending = 16;
thread_local Object* t_pending[kMaxPending];
thread_local std::vector<Object*>* t_pending_overflow = nullptr;  // never freed: a few words
thread_local int t_npending = 0;
thread_local Object* t_uncached = nullptr;

inline size_t cache_index(uint32_t version, Object* name) {
  auto p = reinterpret_cast<uintptr_t>(name);
  return ((p >> 4) ^ (static_cast<uintptr_t>(version) * 2654435761u)) & (kCacheSize - 1);
}

// True when a lookup must own what it caches: other threads run bytecode
// at the same time as this one.
bool cache_owns_values() { return kFreeThreaded && !gil_is_enabled(); }

// Destructors run here may look types up (and defer more): the loop takes
// one value at a time until none is left.
void release_pending() {
  while (t_npending > 0) {
    Object* o;
    if (t_npending > kMaxPending) {
      o = t_pending_overflow->back();
      t_pending_overflow->pop_back();
    } else {
      o = t_pending[t_npending - 1];
    }
    --t_npending;
    decref(o);
  }
}

// Never releases anything itself: a value handed out by the current
// type_lookup must outlive it.
void defer_release(Object* o) {
  if (o == nullptr) return;
  if (t_npending < kMaxPending) {
    t_pending[t_npending++] = o;
    return;
  }
  if (t_pending_overflow == nullptr) t_pending_overflow = new std::vector<Object*>;
  t_pending_overflow->push_back(o);
  ++t_npending;
}

// The first match along the MRO: a new reference when `own`, else borrowed.
Object* find_in_dict(Object* dict, Object* name, bool own) {
  return own ? dict_get_item_ref(dict, name) : dict_get_item(dict, name);
}

Object* lookup_uncached(Type* t, Object* name, bool own) {
  Object* mro = t->mro;
  if (mro == nullptr) {
    for (Type* b = t; b != nullptr; b = b->base) {
      if (b->dict == nullptr) continue;
      Object* v = find_in_dict(b->dict, name, own);
      if (v != nullptr || has_error()) return v;
    }
    return nullptr;
  }
  Ref<> keep_mro = own ? borrow(mro) : Ref<>();
  ssize_t n = tuple_size(mro);
  for (ssize_t i = 0; i < n; ++i) {
    auto* b = static_cast<Type*>(tuple_get(mro, i));
    if (b == nullptr || b->dict == nullptr) continue;
    Object* v = find_in_dict(b->dict, name, own);
    if (v != nullptr || has_error()) return v;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Slot inheritance, as CPython's inherit_slots.

template <class F>
void inherit(F& mine, F theirs) {
  if (mine == nullptr) mine = theirs;
}

void inherit_number(NumberMethods* n, const NumberMethods* b) {
  inherit(n->add, b->add);
  inherit(n->subtract, b->subtract);
  inherit(n->multiply, b->multiply);
  inherit(n->remainder, b->remainder);
  inherit(n->floor_divide, b->floor_divide);
  inherit(n->true_divide, b->true_divide);
  inherit(n->lshift, b->lshift);
  inherit(n->rshift, b->rshift);
  inherit(n->and_, b->and_);
  inherit(n->or_, b->or_);
  inherit(n->xor_, b->xor_);
  inherit(n->matrix_multiply, b->matrix_multiply);
  inherit(n->power, b->power);
  inherit(n->inplace_add, b->inplace_add);
  inherit(n->inplace_subtract, b->inplace_subtract);
  inherit(n->inplace_multiply, b->inplace_multiply);
  inherit(n->inplace_remainder, b->inplace_remainder);
  inherit(n->inplace_floor_divide, b->inplace_floor_divide);
  inherit(n->inplace_true_divide, b->inplace_true_divide);
  inherit(n->inplace_lshift, b->inplace_lshift);
  inherit(n->inplace_rshift, b->inplace_rshift);
  inherit(n->inplace_and, b->inplace_and);
  inherit(n->inplace_or, b->inplace_or);
  inherit(n->inplace_xor, b->inplace_xor);
  inherit(n->inplace_matrix_multiply, b->inplace_matrix_multiply);
  inherit(n->inplace_power, b->inplace_power);
  inherit(n->negative, b->negative);
  inherit(n->positive, b->positive);
  inherit(n->absolute, b->absolute);
  inherit(n->invert, b->invert);
  inherit(n->boolean, b->boolean);
  inherit(n->to_int, b->to_int);
  inherit(n->to_float, b->to_float);
  inherit(n->index, b->index);
}

constexpr uint32_t kSubclassFlags = kTypeIntSubclass | kTypeTupleSubclass | kTypeListSubclass |
                                    kTypeStrSubclass | kTypeDictSubclass | kTypeBytesSubclass |
                                    kTypeBaseExcSubclass | kTypeTypeSubclass | kTypeSequence |
                                    kTypeMapping;

}  // namespace

void inherit_slots(Type* t, Type* b) {
  t->flags |= b->flags & kSubclassFlags;
  if (b->flags & kTypeHaveGC) {
    inherit(t->traverse, b->traverse);
    inherit(t->clear, b->clear);
  }
  if (t->basicsize == 0) t->basicsize = b->basicsize;
  if (t->itemsize == 0) t->itemsize = b->itemsize;
  if (t->dictoffset == 0) t->dictoffset = b->dictoffset;
  inherit(t->dealloc, b->dealloc);
  inherit(t->alloc, b->alloc);
  inherit(t->init, b->init);
  inherit(t->repr, b->repr);
  inherit(t->str, b->str);
  if (t->richcompare == nullptr && t->hash == nullptr) {
    t->richcompare = b->richcompare;
    t->hash = b->hash;
  }
  inherit(t->getattr, b->getattr);
  inherit(t->setattr, b->setattr);
  inherit(t->call, b->call);
  inherit(t->iter, b->iter);
  inherit(t->iternext, b->iternext);
  inherit(t->descr_get, b->descr_get);
  inherit(t->descr_set, b->descr_set);
  inherit(t->length, b->length);
  inherit(t->getitem, b->getitem);
  inherit(t->setitem, b->setitem);
  inherit(t->contains, b->contains);
  if (b->number != nullptr) {
    if (t->number == nullptr) {
      t->number = b->number;
    } else if (t->number != b->number) {
      inherit_number(t->number, b->number);
    }
  }
}

namespace {

void set_builtin_subclass_flag(Type* t) {
  if (t == &kIntType) t->flags |= kTypeIntSubclass;
  if (t == &kTupleType) t->flags |= kTypeTupleSubclass;
  if (t == &kListType) t->flags |= kTypeListSubclass;
  if (t == &kStrType) t->flags |= kTypeStrSubclass;
  if (t == &kDictType) t->flags |= kTypeDictSubclass;
  if (t == &kBytesType) t->flags |= kTypeBytesSubclass;
  if (t == &kTypeType) t->flags |= kTypeTypeSubclass;
  if (t == &kListType || t == &kTupleType || t == &kRangeType) t->flags |= kTypeSequence;
  if (t == &kDictType) t->flags |= kTypeMapping;
}

// The part of type_ready that needs no allocation.
void ready_slots(Type* t) {
  set_builtin_subclass_flag(t);
  Type* b = t->base;
  if (b == nullptr) return;
  bool no_new = t->new_ == nullptr && b == &kObjectType;
  inherit_slots(t, b);
  if (!no_new) inherit(t->new_, b->new_);
}

int add_methods(Type* t) {
  for (const MethodDef* m = t->methods; m != nullptr && m->name != nullptr; ++m) {
    if (dict_get_item_str(t->dict, m->name) != nullptr) continue;
    Object* d;
    if (m->flags & kMethodClass) {
      d = classmethod_descr_new(t, m);
    } else if (m->flags & kMethodStatic) {
      Ref<> f = steal(builtin_function_new(m, nullptr, nullptr));
      if (!f) return -1;
      make_immortal(f.get());  // permanent, like the descriptor (ready_dict_contents)
      d = staticmethod_new(f.get());
    } else {
      d = method_descr_new(t, m);
    }
    if (d == nullptr) return -1;
    int r = dict_set_item(t->dict, str_intern(m->name), d);
    decref(d);
    if (r < 0) return -1;
  }
  return 0;
}

int add_getsets(Type* t) {
  for (const GetSetDef* g = t->getsets; g != nullptr && g->name != nullptr; ++g) {
    if (dict_get_item_str(t->dict, g->name) != nullptr) continue;
    Ref<> d = steal(getset_descr_new(t, g));
    if (!d || dict_set_item(t->dict, str_intern(g->name), d.get()) < 0) return -1;
  }
  return 0;
}

int add_new_and_doc(Type* t, uint64_t own_mask) {
  constexpr uint64_t kOwnNew = uint64_t{1} << 63;
  if ((own_mask & kOwnNew) && t->new_ != nullptr &&
      dict_get_item(t->dict, g_names.new_) == nullptr) {
    Ref<> f = steal(builtin_function_new(&kTpNewWrapperDef, t, nullptr));
    if (!f || dict_set_item(t->dict, g_names.new_, f.get()) < 0) return -1;
  }
  if (dict_get_item(t->dict, g_names.doc) == nullptr) {
    Ref<> doc = t->doc ? steal(str_from_cstr(t->doc)) : borrow(kNone);
    if (!doc || dict_set_item(t->dict, g_names.doc, doc.get()) < 0) return -1;
  }
  // A type that compares but cannot hash says so in its dict, so heap
  // subclasses see __hash__ = None (CPython's PyObject_HashNotImplemented).
  if (t->hash == nullptr && dict_get_item(t->dict, g_names.hash) == nullptr) {
    if (dict_set_item(t->dict, g_names.hash, kNone) < 0) return -1;
  }
  return 0;
}

// mro = (t,) + base.mro for single inheritance; heap types use C3.
int static_mro(Type* t) {
  Object* base_mro = t->base ? t->base->mro : nullptr;
  ssize_t n = base_mro ? tuple_size(base_mro) : 0;
  Object* mro = tuple_new(n + 1);
  if (mro == nullptr) return -1;
  tuple_init_item(mro, 0, new_ref(t));
  for (ssize_t i = 0; i < n; ++i) tuple_init_item(mro, i + 1, new_ref(tuple_get(base_mro, i)));
  t->mro = mro;
  if (t->bases == nullptr) {
    t->bases = t->base ? tuple_pack({t->base}) : tuple_new(0);
    if (t->bases == nullptr) return -1;
  }
  return 0;
}

int ready_dict_contents(Type* t, uint64_t own_mask);

// A static type's dict, mro and descriptors live as long as the type (the
// process): tell the leak accounting they are permanent.
int ready_dict(Type* t, uint64_t own_mask) {
  // The base first, outside the measurement, so nothing is counted twice.
  if (t->base != nullptr && !(t->base->flags & kTypeReady)) {
    if (type_ready(t->base) < 0) return -1;
  }
  const int64_t before = gc::live_objects();
  const int rc = ready_dict_contents(t, own_mask);
  gc::note_permanent_objects(gc::live_objects() - before);
  return rc;
}

// A static type's descriptors (list.append, str.join, __new__ ...) live as
// long as the type, which is immutable, and every thread reaches them on
// every method call: immortal, so calls do no reference counting on them
// (a count shared by threads bounces its cache line between cores).
// add_methods does the same for a staticmethod's function.
void make_dict_values_immortal(Object* d) {
  ssize_t pos = 0;
  Object *k, *v;
  while (dict_next(d, &pos, &k, &v)) make_immortal(v);
}

int ready_dict_contents(Type* t, uint64_t own_mask) {
  if (t->base != nullptr && !(t->base->flags & kTypeReady)) {
    if (type_ready(t->base) < 0) return -1;
  }
  if (t->mro == nullptr && static_mro(t) < 0) return -1;
  if (t->dict == nullptr) {
    t->dict = dict_new();
    if (t->dict == nullptr) return -1;
  }
  if (add_methods(t) < 0 || add_getsets(t) < 0) return -1;
  if (add_slot_wrappers(t, own_mask) < 0) return -1;
  if (add_new_and_doc(t, own_mask) < 0) return -1;
  make_immortal(t->dict);
  make_dict_values_immortal(t->dict);
  make_immortal(t->mro);
  make_immortal(t->bases);
  type_set_version(t, next_version());
  return 0;
}

void init_names() {
  auto& n = g_names;
  n.init = str_intern("__init__");
  n.new_ = str_intern("__new__");
  n.repr = str_intern("__repr__");
  n.str = str_intern("__str__");
  n.hash = str_intern("__hash__");
  n.eq = str_intern("__eq__");
  n.call = str_intern("__call__");
  n.getattr = str_intern("__getattr__");
  n.getattribute = str_intern("__getattribute__");
  n.setattr = str_intern("__setattr__");
  n.delattr = str_intern("__delattr__");
  n.dict = str_intern("__dict__");
  n.module = str_intern("__module__");
  n.name = str_intern("__name__");
  n.qualname = str_intern("__qualname__");
  n.doc = str_intern("__doc__");
  n.slots = str_intern("__slots__");
  n.classcell = str_intern("__classcell__");
  n.init_subclass = str_intern("__init_subclass__");
  n.set_name = str_intern("__set_name__");
  n.class_getitem = str_intern("__class_getitem__");
  n.format = str_intern("__format__");
  n.class_ = str_intern("__class__");
  n.mro = str_intern("mro");
  n.prepare = str_intern("__prepare__");
  n.bool_ = str_intern("__bool__");
  n.len = str_intern("__len__");
  n.index = str_intern("__index__");
  n.iter = str_intern("__iter__");
  n.next = str_intern("__next__");
  n.enter = str_intern("__enter__");
  n.exit = str_intern("__exit__");
  n.get = str_intern("__get__");
  n.set = str_intern("__set__");
  n.delete_ = str_intern("__delete__");
  n.contains = str_intern("__contains__");
  n.getitem = str_intern("__getitem__");
  n.weakref = str_intern("__weakref__");
  n.del = str_intern("__del__");
  n.empty = str_intern("");
}

}  // namespace

// ---------------------------------------------------------------------------
// Public type helpers.

void init_static_type(Type* t, const char* name, ssize_t basicsize, Type* base) {
  t->type = &kTypeType;
  make_immortal(t);
  t->name = name;
  t->basicsize = basicsize;
  t->base = base;
  t->flags |= kTypeImmutable;  // subclassable types add kTypeBaseType themselves
}

int type_ready(Type* t) {
  if (t->flags & kTypeReady) return 0;
  if (t->base == nullptr && t != &kObjectType) t->base = &kObjectType;
  if (t->type == nullptr) t->type = &kTypeType;
  make_immortal(t);
  t->flags |= kTypeImmutable;
  if (t->base != nullptr && !(t->base->flags & kTypeReady)) {
    if (type_ready(t->base) < 0) return -1;
  }
  uint64_t own_mask = own_slot_mask(t);
  ready_slots(t);
  if (t->alloc == nullptr) t->alloc = generic_alloc;
  t->flags |= kTypeReady;
  if (!g_core_ready) {
    pending_types().push_back({t, own_mask});
    return 0;
  }
  return ready_dict(t, own_mask);
}

void finish_type_bootstrap() {
  if (g_core_ready) return;
  // The descriptor types must exist before any dict is filled.
  init_descr_types();
  init_slot_wrapper_types();
  init_class_descr_types();
  g_core_ready = true;
  init_names();
  std::vector<Pending> todo;
  todo.swap(pending_types());
  for (const Pending& p : todo) {
    if (ready_dict(p.type, p.own_mask) < 0) {
      // Only MemoryError can get here, at start-up: nothing sensible to do.
      clear_error();
    }
  }
}

bool is_subtype(const Type* a, const Type* b) {
  if (a == b) return true;
  Object* mro = a->mro;
  if (mro != nullptr) {
    ssize_t n = tuple_size(mro);
    Object** items = tuple_items(mro);
    for (ssize_t i = 0; i < n; ++i) {
      if (items[i] == b) return true;
    }
    return false;
  }
  for (const Type* t = a; t != nullptr; t = t->base) {
    if (t == b) return true;
  }
  return false;
}

Object* generic_alloc(Type* type, ssize_t nitems) {
  size_t size = static_cast<size_t>(type->basicsize + nitems * type->itemsize);
  // Containers sit on the collector's tracked list (gc/collector.h).
  gc::Header* h = (type->flags & kTypeHaveGC) ? gc::allocate_tracked(size) : gc::allocate_object(size);
  if (h == nullptr) return no_memory();
  auto* o = static_cast<Object*>(h);
  o->type = type;
  if (type->flags & kTypeHeapType) incref(type);
  return o;
}

void generic_free(Object* o) {
  // The type decides, as in generic_alloc: an instance's type outlives it.
  if (o->type->flags & kTypeHaveGC) {
    gc::free_tracked(o);
  } else {
    gc::free_object(o);
  }
}

Object* type_lookup(Type* t, Object* name) {
  if (CONCH_UNLIKELY(t_npending != 0)) release_pending();
  uint32_t version = type_version(t);
  if (version != 0 && gc::is_immortal(name)) {
    CacheEntry& e = t_cache[cache_index(version, name)];
    if (e.version == version && e.name == name) return e.value;
    bool own = cache_owns_values();
    Object* v = lookup_uncached(t, name, own);
    if (v == nullptr && has_error()) return nullptr;
    CacheEntry old = e;
    e = CacheEntry{version, own, name, v};
    if (old.owned) defer_release(old.value);
    return v;
  }
  bool own = cache_owns_values();
  Object* v = lookup_uncached(t, name, own);
  if (own) {
    defer_release(t_uncached);
    t_uncached = v;
  }
  return v;
}

void type_cache_clear() {
  for (CacheEntry& e : t_cache) {
    CacheEntry old = e;
    e = CacheEntry{};
    if (old.owned) defer_release(old.value);
  }
  defer_release(t_uncached);
  t_uncached = nullptr;
  release_pending();
}

uint32_t type_new_version() { return next_version(); }

namespace {
void fixup_slots_tree(Type* t) {
  fixup_slots(t);
  auto* ht = static_cast<HeapType*>(t);
  for (ssize_t i = 0; i < ht->nsubclasses; ++i) fixup_slots_tree(ht->subclasses[i]);
}
}  // namespace

void type_modified(Type* t, bool slots) {
  if (!(t->flags & kTypeHeapType)) return;
  type_bump_versions(t);  // heaptype.cc: under the lock of the subclass lists
  // Slots: the subclass lists are walked without that lock (fixup_slots
  // reads dicts, which may block); a dunder assigned on a class while a
  // subclass of it is being created on another thread is not supported.
  if (slots) fixup_slots_tree(t);
}

namespace {
bool is_dunder(Object* name) {
  std::string_view n = str_view(name);
  return n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__";
}
}  // namespace

// ---------------------------------------------------------------------------
// Names.

Object* type_get_name(Type* t) {
  if (t->flags & kTypeHeapType) return new_ref(static_cast<HeapType*>(t)->ht_name);
  const char* dot = std::strrchr(t->name, '.');
  return str_from_cstr(dot ? dot + 1 : t->name);
}

Object* type_get_module(Type* t) {
  if (t->flags & kTypeHeapType) {
    Object* m = dict_get_item_ref(t->dict, g_names.module);
    if (m != nullptr) return m;
    return str_from("builtins");
  }
  const char* dot = std::strrchr(t->name, '.');
  if (dot == nullptr) return new_ref(str_intern("builtins"));
  return str_from(std::string_view(t->name, dot - t->name));
}

static Object* type_get_qualname_obj(Type* t) {
  if (t->flags & kTypeHeapType) return new_ref(static_cast<HeapType*>(t)->ht_qualname);
  return type_get_name(t);
}

Object* type_qualified_name(Type* t) {
  Ref<> mod = steal(type_get_module(t));
  Ref<> qual = steal(type_get_qualname_obj(t));
  if (!mod || !qual) return nullptr;
  if (!str_check(mod.get()) || str_equal_cstr(mod.get(), "builtins") ||
      str_equal_cstr(mod.get(), "__main__")) {
    return qual.release();
  }
  std::string s(str_view(mod.get()));
  s += ".";
  s += str_view(qual.get());
  return str_from(s);
}

// ---------------------------------------------------------------------------
// `type`.

namespace {

Object* type_repr(Object* o) {
  auto* t = static_cast<Type*>(o);
  Ref<> mod = steal(type_get_module(t));
  Ref<> qual = steal(type_get_qualname_obj(t));
  if (!mod || !qual) return nullptr;
  if (str_check(mod.get()) && !str_equal_cstr(mod.get(), "builtins")) {
    return str_from(absl::StrFormat("<class '%s.%s'>", str_view(mod.get()), str_view(qual.get())));
  }
  return str_from(absl::StrFormat("<class '%s'>", str_view(qual.get())));
}

bool is_data_descr(Object* d) { return d->type->descr_set != nullptr; }

Object* type_getattr(Object* o, Object* name) {
  auto* t = static_cast<Type*>(o);
  Type* meta = o->type;
  Object* meta_attr = type_lookup(meta, name);
  if (meta_attr == nullptr && has_error()) return nullptr;
  Ref<> keep_meta = borrow(meta_attr);
  if (meta_attr != nullptr && meta_attr->type->descr_get != nullptr && is_data_descr(meta_attr)) {
    return meta_attr->type->descr_get(meta_attr, o, meta);
  }
  Object* attr = type_lookup(t, name);
  if (attr == nullptr && has_error()) return nullptr;
  if (attr != nullptr) {
    Ref<> keep = borrow(attr);
    if (attr->type->descr_get != nullptr) return attr->type->descr_get(attr, nullptr, o);
    return keep.release();
  }
  if (meta_attr != nullptr) {
    if (meta_attr->type->descr_get != nullptr) return meta_attr->type->descr_get(meta_attr, o, meta);
    return keep_meta.release();
  }
  Object* ga = type_lookup(meta, g_names.getattr);
  if (ga != nullptr) {
    Ref<> keep_ga = borrow(ga);
    Object* args[1] = {name};
    return call_with_self(ga, o, args, 1, nullptr);
  }
  set_error_fmt(&kAttributeErrorType, "type object '%s' has no attribute '%s'", t->name,
                str_view(name));
  return nullptr;
}

int type_setattr(Object* o, Object* name, Object* value) {
  auto* t = static_cast<Type*>(o);
  if (!(t->flags & kTypeHeapType)) {
    set_error_fmt(&kTypeErrorType, "cannot set '%s' attribute of immutable type '%s'",
                  str_view(name), t->name);
    return -1;
  }
  Object* meta_attr = type_lookup(o->type, name);
  if (meta_attr != nullptr && meta_attr->type->descr_set != nullptr) {
    Ref<> keep = borrow(meta_attr);
    return meta_attr->type->descr_set(meta_attr, o, value);
  }
  int r;
  if (value == nullptr) {
    r = dict_del_item(t->dict, name);
    if (r < 0 && error_matches(&kKeyErrorType)) {
      clear_error();
      set_error_fmt(&kAttributeErrorType, "type object '%s' has no attribute '%s'", t->name,
                    str_view(name));
    }
  } else {
    r = dict_set_item(t->dict, name, value);
  }
  // Only a dunder can change a slot; `Counter.count += 1` just needs new
  // versions so attribute caches drop their entries.
  type_modified(t, is_dunder(name));
  return r;
}

int type_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* t = static_cast<Type*>(o);
  if (!(t->flags & kTypeHeapType)) return 0;
  Object* fields[] = {t->dict, t->bases, t->base, o->type};
  for (Object* f : fields) {
    if (f != nullptr) {
      if (int r = visit(f, arg)) return r;
    }
  }
  if (t->mro != nullptr) {
    // mro[0] is the type itself, held without a reference (see heaptype.cc).
    ssize_t n = tuple_size(t->mro);
    for (ssize_t i = 1; i < n; ++i) {
      if (int r = visit(tuple_get(t->mro, i), arg)) return r;
    }
  }
  return 0;
}

int type_clear(Object* o) {
  auto* t = static_cast<Type*>(o);
  if (!(t->flags & kTypeHeapType)) return 0;
  if (t->dict != nullptr) dict_clear(t->dict);
  return 0;
}

Object* type_vcall(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  return type_call(callable, args, nargs, kwnames);
}

int type_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs != 1 && nargs != 3) {
    set_error(&kTypeErrorType, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

// getsets

Object* type_name_get(Object* o) { return type_get_name(static_cast<Type*>(o)); }
int type_name_set(Object* o, Object* v) {
  auto* t = static_cast<Type*>(o);
  if (!(t->flags & kTypeHeapType)) {
    set_error_fmt(&kTypeErrorType, "cannot set '__name__' attribute of immutable type '%s'",
                  t->name);
    return -1;
  }
  if (v == nullptr || !str_check(v)) {
    set_error_fmt(&kTypeErrorType, "can only assign string to %s.__name__, not '%s'", t->name,
                  v ? type_name(v) : "NoneType");
    return -1;
  }
  auto* ht = static_cast<HeapType*>(t);
  set_slot(&ht->ht_name, new_ref(v));
  t->name = str_cstr(v);
  return 0;
}
Object* type_qualname_get(Object* o) { return type_get_qualname_obj(static_cast<Type*>(o)); }
int type_qualname_set(Object* o, Object* v) {
  auto* t = static_cast<Type*>(o);
  if (!(t->flags & kTypeHeapType) || v == nullptr || !str_check(v)) {
    set_error_fmt(&kTypeErrorType, "can only assign string to %s.__qualname__, not '%s'", t->name,
                  v ? type_name(v) : "NoneType");
    return -1;
  }
  set_slot(&static_cast<HeapType*>(t)->ht_qualname, new_ref(v));
  return 0;
}
Object* type_module_get(Object* o) { return type_get_module(static_cast<Type*>(o)); }
int type_module_set(Object* o, Object* v) {
  auto* t = static_cast<Type*>(o);
  if (!(t->flags & kTypeHeapType)) {
    set_error_fmt(&kTypeErrorType, "cannot set '__module__' attribute of immutable type '%s'",
                  t->name);
    return -1;
  }
  if (v == nullptr) return dict_del_item(t->dict, g_names.module);
  int r = dict_set_item(t->dict, g_names.module, v);
  type_modified(t, false);
  return r;
}
Object* type_mro_get(Object* o) {
  auto* t = static_cast<Type*>(o);
  if (t->mro == nullptr) return new_none();
  if (!(t->flags & kTypeHeapType)) return new_ref(t->mro);
  // Heap types hold mro[0] without a reference; hand out a proper tuple.
  return tuple_from_array(tuple_items(t->mro), tuple_size(t->mro));
}
Object* type_bases_get(Object* o) {
  auto* t = static_cast<Type*>(o);
  return new_ref(t->bases ? t->bases : kNone);
}
Object* type_base_get(Object* o) {
  auto* t = static_cast<Type*>(o);
  return new_ref(t->base ? static_cast<Object*>(t->base) : kNone);
}
Object* type_dict_get(Object* o) {
  auto* t = static_cast<Type*>(o);
  return mappingproxy_new(t->dict);
}
Object* type_doc_get(Object* o) {
  auto* t = static_cast<Type*>(o);
  Object* d = dict_get_item_ref(t->dict, g_names.doc);  // class dicts are shared
  if (d == nullptr) return has_error() ? nullptr : new_none();
  Ref<> keep = steal(d);
  if (d->type->descr_get != nullptr) return d->type->descr_get(d, nullptr, o);
  return keep.release();
}
int type_doc_set(Object* o, Object* v) {
  auto* t = static_cast<Type*>(o);
  if (!(t->flags & kTypeHeapType)) {
    set_error_fmt(&kTypeErrorType, "cannot set '__doc__' attribute of immutable type '%s'",
                  t->name);
    return -1;
  }
  int r = dict_set_item(t->dict, g_names.doc, v ? v : kNone);
  type_modified(t, false);
  return r;
}

const GetSetDef kTypeGetSets[] = {
    {"__name__", type_name_get, type_name_set, nullptr},
    {"__qualname__", type_qualname_get, type_qualname_set, nullptr},
    {"__module__", type_module_get, type_module_set, nullptr},
    {"__mro__", type_mro_get, nullptr, nullptr},
    {"__bases__", type_bases_get, nullptr, nullptr},
    {"__base__", type_base_get, nullptr, nullptr},
    {"__dict__", type_dict_get, nullptr, nullptr},
    {"__doc__", type_doc_get, type_doc_set, nullptr},
    {nullptr},
};

Object* type_mro_method(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("mro", nargs, 0, 0, kwnames)) return nullptr;
  Ref<> t = steal(type_mro_get(self));
  if (!t) return nullptr;
  return list_from_iterable(t.get());
}

Object* type_subclasses(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__subclasses__", nargs, 0, 0, kwnames)) return nullptr;
  auto* t = static_cast<Type*>(self);
  Ref<> list = steal(list_new(0));
  if (!list) return nullptr;
  if (t->flags & kTypeHeapType) {
    auto* ht = static_cast<HeapType*>(t);
    for (ssize_t i = 0; i < ht->nsubclasses; ++i) {
      if (list_append(list.get(), ht->subclasses[i]) < 0) return nullptr;
    }
  }
  return list.release();
}

Object* type_instancecheck(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__instancecheck__", nargs, 1, 1, kwnames)) return nullptr;
  return new_bool(is_instance_of(args[0], static_cast<Type*>(self)));
}

Object* type_subclasscheck(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__subclasscheck__", nargs, 1, 1, kwnames)) return nullptr;
  // The built-in rule only: issubclass() would call a metaclass's hook, which
  // may be what called us (abc.ABCMeta falls back to type.__subclasscheck__).
  if (!is_instance_of(args[0], &kTypeType)) {
    set_error(&kTypeErrorType, "issubclass() arg 1 must be a class");
    return nullptr;
  }
  return new_bool(is_subtype(static_cast<Type*>(args[0]), static_cast<Type*>(self)));
}

Object* type_prepare(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return dict_new();
}

Object* type_dir(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__dir__", nargs, 0, 0, kwnames)) return nullptr;
  auto* t = static_cast<Type*>(self);
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  ssize_t n = tuple_size(t->mro);
  for (ssize_t i = n - 1; i >= 0; --i) {
    auto* b = static_cast<Type*>(tuple_get(t->mro, i));
    if (dict_merge(d.get(), b->dict, true) < 0) return nullptr;
  }
  return dict_keys_list(d.get());
}

// `int | None` and `None | int` (PEP 604): a types.UnionType.  The union's
// rules (flattening, repr, ==, isinstance) are Python, in vm/lib/types.py;
// _type_or returns NotImplemented for operands that are not types.
Object* type_or(Object* a, Object* b) {
  Ref<> mod = steal(import_module("types"));
  if (!mod) return nullptr;
  Ref<> f = steal(getattr_str(mod.get(), "_type_or"));
  if (!f) return nullptr;
  Object* args[2] = {a, b};
  return call(f.get(), args, 2);
}

NumberMethods kTypeAsNumber = {};  // or_ only, set in init_object_types

const MethodDef kTypeMethods[] = {
    {"mro", type_mro_method, kMethodDefault, nullptr},
    {"__subclasses__", type_subclasses, kMethodDefault, nullptr},
    {"__instancecheck__", type_instancecheck, kMethodDefault, nullptr},
    {"__subclasscheck__", type_subclasscheck, kMethodDefault, nullptr},
    {"__prepare__", type_prepare, kMethodClass, nullptr},
    {"__dir__", type_dir, kMethodDefault, nullptr},
    {nullptr},
};

// ---------------------------------------------------------------------------
// `object`.

void object_dealloc(Object* o) { generic_free(o); }

Object* object_repr(Object* o) {
  Type* t = o->type;
  Ref<> mod = steal(type_get_module(t));
  Ref<> qual = steal(type_get_qualname_obj(t));
  if (!mod || !qual) return nullptr;
  if (str_check(mod.get()) && !str_equal_cstr(mod.get(), "builtins")) {
    return str_from(absl::StrFormat("<%s.%s object at %p>", str_view(mod.get()),
                                    str_view(qual.get()), static_cast<void*>(o)));
  }
  return str_from(
      absl::StrFormat("<%s object at %p>", str_view(qual.get()), static_cast<void*>(o)));
}

Object* object_str(Object* o) {
  UnaryFunc f = o->type->repr;
  if (f == nullptr) return object_repr(o);
  return repr(o);
}

hash_t object_hash(Object* o) {
  auto p = reinterpret_cast<uintptr_t>(o);
  auto h = static_cast<hash_t>((p >> 4) | (p << (8 * sizeof(uintptr_t) - 4)));
  return h == -1 ? -2 : h;
}

Object* object_richcompare(Object* a, Object* b, CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return new_ref(a == b ? kTrue : kNotImplemented);
    case CompareOp::kNe: {
      RichCompareFunc f = a->type->richcompare;
      if (f == nullptr) return new_ref(kNotImplemented);
      Object* r = f(a, b, CompareOp::kEq);
      if (r == nullptr || r == kNotImplemented) return r;
      int t = is_true(r);
      decref(r);
      if (t < 0) return nullptr;
      return new_bool(!t);
    }
    default:
      return new_ref(kNotImplemented);
  }
}

bool excess_args(size_t nargs, Object* kwnames) {
  return nargs > 0 || (kwnames != nullptr && tuple_size(kwnames) > 0);
}

int object_init(Object* self, Object* const* args, size_t nargs, Object* kwnames);

Object* object_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->new_ != object_new) {
      set_error(&kTypeErrorType,
                "object.__new__() takes exactly one argument (the type to instantiate)");
      return nullptr;
    }
    if (type->init == object_init) {
      set_error_fmt(&kTypeErrorType, "%s() takes no arguments", type->name);
      return nullptr;
    }
  }
  return type->alloc(type, 0);
}

int object_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (excess_args(nargs, kwnames)) {
    Type* type = self->type;
    if (type->init != object_init) {
      set_error(&kTypeErrorType,
                "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->new_ == object_new) {
      set_error_fmt(&kTypeErrorType, "%s() takes no arguments", type->name);
      return -1;
    }
  }
  return 0;
}

Object* object_format(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__format__", nargs, 1, 1, kwnames)) return nullptr;
  if (!str_check(args[0])) {
    set_error_fmt(&kTypeErrorType, "__format__() argument must be str, not %s",
                  type_name(args[0]));
    return nullptr;
  }
  if (str_length(args[0]) > 0) {
    set_error_fmt(&kTypeErrorType, "unsupported format string passed to %s.__format__",
                  self->type->name);
    return nullptr;
  }
  return str(self);
}

Object* object_dir(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__dir__", nargs, 0, 0, kwnames)) return nullptr;
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  Type* t = self->type;
  if (t->dictoffset != 0) {
    Ref<> inst = steal(instance_dict_ref(
        self, reinterpret_cast<Object**>(reinterpret_cast<char*>(self) + t->dictoffset)));
    if (inst && dict_update(d.get(), inst.get()) < 0) return nullptr;
  }
  ssize_t n = tuple_size(t->mro);
  for (ssize_t i = 0; i < n; ++i) {
    auto* b = static_cast<Type*>(tuple_get(t->mro, i));
    if (dict_merge(d.get(), b->dict, false) < 0) return nullptr;
  }
  return dict_keys_list(d.get());
}

Object* object_init_subclass(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error_fmt(&kTypeErrorType, "%s.__init_subclass__() takes no keyword arguments",
                  static_cast<Type*>(self)->name);
    return nullptr;
  }
  if (nargs > 0) {
    set_error_fmt(&kTypeErrorType,
                  "%s.__init_subclass__() takes no positional arguments", 
                  static_cast<Type*>(self)->name);
    return nullptr;
  }
  return new_none();
}

Object* object_sizeof(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__sizeof__", nargs, 0, 0, kwnames)) return nullptr;
  return int_from_i64(self->type->basicsize);
}

Object* object_class_get(Object* o) { return new_ref(o->type); }

const GetSetDef kObjectGetSets[] = {
    {"__class__", object_class_get, nullptr, nullptr},
    {nullptr},
};

const MethodDef kObjectMethods[] = {
    {"__format__", object_format, kMethodDefault, nullptr},
    {"__dir__", object_dir, kMethodDefault, nullptr},
    {"__init_subclass__", object_init_subclass, kMethodClass, nullptr},
    {"__sizeof__", object_sizeof, kMethodDefault, nullptr},
    {nullptr},
};

}  // namespace

Object* type_new_impl(Type* metatype, Object* const* args, size_t nargs, Object* kwnames);

Object* type_call(Object* callable, Object* const* args, size_t nargs, Object* kwnames) {
  auto* t = static_cast<Type*>(callable);
  bool no_kw = kwnames == nullptr || tuple_size(kwnames) == 0;
  if (t == &kTypeType && nargs == 1 && no_kw) return new_ref(args[0]->type);
  if (t->new_ == nullptr) {
    set_error_fmt(&kTypeErrorType, "cannot create '%s' instances", t->name);
    return nullptr;
  }
  Object* obj = t->new_(t, args, nargs, kwnames);
  if (obj == nullptr) return nullptr;
  if (!is_instance_of(obj, t)) return obj;
  InitFunc init = obj->type->init;
  if (init != nullptr && init(obj, args, nargs, kwnames) < 0) {
    decref(obj);
    return nullptr;
  }
  return obj;
}

void init_object_types() {
  Type* o = &kObjectType;
  init_static_type(o, "object", sizeof(Object), nullptr);
  o->flags |= kTypeBaseType;
  o->doc = "The base class of the class hierarchy.";
  o->dealloc = object_dealloc;
  o->new_ = object_new;
  o->init = object_init;
  o->alloc = generic_alloc;
  o->repr = object_repr;
  o->str = object_str;
  o->hash = object_hash;
  o->richcompare = object_richcompare;
  o->getattr = generic_getattr;
  o->setattr = generic_setattr;
  o->methods = kObjectMethods;
  o->getsets = kObjectGetSets;

  Type* t = &kTypeType;
  init_static_type(t, "type", sizeof(HeapType), &kObjectType);
  t->doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  t->flags |= kTypeBaseType | kTypeHaveGC | kTypeTypeSubclass;
  t->dealloc = heap_type_dealloc;
  t->new_ = type_new_impl;
  t->init = type_init;
  t->repr = type_repr;
  t->getattr = type_getattr;
  t->setattr = type_setattr;
  t->call = type_vcall;
  t->traverse = type_traverse;
  t->clear = type_clear;
  t->methods = kTypeMethods;
  t->getsets = kTypeGetSets;
  kTypeAsNumber.or_ = type_or;
  t->number = &kTypeAsNumber;
  type_ready(o);
  type_ready(t);
}

}  // namespace conch::vm
