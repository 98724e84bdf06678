// Inline caches for LOAD_ATTR, STORE_ATTR, LOAD_METHOD and LOAD_GLOBAL.
//
// Every code object owns one InlineCache per instruction (CodeObject::caches,
// zeroed at creation); only the four opcodes above use theirs.  A handler
// first tries the cached fast path (the inline functions below); on a miss it
// calls the *_fill function, which does the full lookup and records what it
// learnt for next time.
//
// What is cached is never a value, only *where* a value lives:
//   * attribute kinds are keyed on Type::version (unique across all types and
//     all time, bumped on any change to the type or a base; vm/typeobject.h),
//     and say "the instance's __slots__ slot at byte offset N", "entry N of
//     the instance __dict__", or "entry N of the dict of mro[P]";
//   * LOAD_GLOBAL says "entry N of the globals dict" or "entry N of the
//     builtins dict, and the globals dict at version V lacks the name"
//     (dict versions are unique across all dicts: vm/types/dict.cc).
// A dict entry hint is validated on every use by checking, under the dict's
// critical section, that the entry's key is still the name itself (keys are
// unique in a dict, so that entry *is* the binding).  The value is then
// increfed while the section is held, so no other thread can free it in
// between.  Static types' dicts never change after type_ready and hold their
// values for the life of the process, so they are read without a section.
//
// Word layout (one 64-bit word, read and written whole with relaxed atomics
// in the free-threaded build, so a reader never sees a torn kind/payload/
// version triple):
//   bits 0..3   kind (kEmpty = 0)
//   bits 4..31  payload: slot offset, or entry index, or (mro pos << 20 | ix)
//   bits 32..63 the type version the entry was made for (attribute kinds)
// LOAD_GLOBAL uses bits 4..63 for the entry index and way 1 for the globals
// version (builtins kind).  The two words of a LOAD_GLOBAL entry may be torn
// across two fills; each is validated on its own (the hint by its key, aux
// against the globals dict's version, which only builtins fills write), so a
// torn pair is still a correct pair.
//
// Racing fills just overwrite each other: every entry any thread writes is
// correct for the version it names.  A fill for a new type shifts the ways
// down (the oldest falls out); a reader may see a way twice or a mix of old
// and new ways, each still correct for its own version.
//
// The one caveat shared with the uncached paths (member_get, type_lookup):
// a __slots__ slot is read and increfed without a lock, as member_get does.
#pragma once

#include <cstdint>

#include "base/macros.h"
#include "gc/critical_section.h"
#include "gc/deferred_rc.h"
#include "vm/instance_slots.h"
#include "vm/object.h"
#include "vm/typeobject.h"
#include "vm/types.h"
#include "vm/types/dict.h"
#include "vm/types/str.h"

namespace conch::vm {

// Attribute sites keep up to kCacheWays entries (one per receiver type: a
// polymorphic site such as richards' task.fn() sees several classes);
// LOAD_GLOBAL uses way 0 (word) and way 1 (aux).
inline constexpr int kCacheWays = 4;
struct InlineCache {
  uint64_t ways[kCacheWays];
};

enum CacheKind : uint32_t {
  kCacheEmpty = 0,
  kCacheSlot = 1,          // LOAD_ATTR/LOAD_METHOD: __slots__ slot at offset
  kCacheInstanceDict = 2,  // LOAD_ATTR/LOAD_METHOD: instance __dict__ entry hint
  kCacheClassValue = 3,    // LOAD_ATTR: plain class attribute (mro pos, entry)
  kCacheMethod = 4,        // LOAD_METHOD: function/method descriptor (mro pos, entry)
  kCacheStoreDict = 5,     // STORE_ATTR: into the instance __dict__ (entry hint)
  kCacheStoreSlot = 6,     // STORE_ATTR: __slots__ slot at offset
  kCacheGlobal = 7,        // LOAD_GLOBAL: globals entry hint
  kCacheBuiltin = 8,       // LOAD_GLOBAL: builtins entry hint, globals version in aux
};

inline constexpr uint32_t kCachePayloadBits = 28;
inline constexpr uint32_t kCacheIxBits = 20;  // entry index within a (mro pos, ix) pair

CONCH_ALWAYS_INLINE uint64_t cache_word(uint32_t version, CacheKind kind, uint32_t payload) {
  return (uint64_t{version} << 32) | (uint64_t{payload} << 4) | kind;
}
CONCH_ALWAYS_INLINE CacheKind cache_kind(uint64_t w) { return static_cast<CacheKind>(w & 0xF); }
CONCH_ALWAYS_INLINE uint32_t cache_payload(uint64_t w) {
  return static_cast<uint32_t>(w >> 4) & ((1u << kCachePayloadBits) - 1);
}
CONCH_ALWAYS_INLINE uint32_t cache_version(uint64_t w) { return static_cast<uint32_t>(w >> 32); }

// ---------------------------------------------------------------------------
// Reading dicts by entry hint.

// New reference to the value of entry `ix` of dict `d` when that entry's key
// is `name` itself; null (no error) otherwise.  Unlocked: only for a dict
// that never changes (a static type's) or inside d's critical section.
CONCH_ALWAYS_INLINE Object* frozen_dict_hint_get(Object* d, uint64_t ix, Object* name) {
  DictKeys* k = as_dict(d)->keys;
  if (k == nullptr || ix >= static_cast<uint64_t>(k->nentries)) return nullptr;
  DictEntry& e = k->entries()[ix];
  if (e.key != name) return nullptr;
  Object* v = e.value;
  incref(v);
  return v;
}

// The same for any dict: lock-free in the free-threaded build, else under
// the section (vm/types/dict.h, dict_hint_get_ref).
CONCH_ALWAYS_INLINE Object* dict_hint_get(Object* d, uint64_t ix, Object* name) {
  return dict_hint_get_ref(d, ix, name);
}

// The instance __dict__ of o, borrowed (null: none yet or none possible).
// Only a presence test: another thread may replace o.__dict__ and free this
// dict at any moment, so to read it use instance_dict_ref_of.
CONCH_ALWAYS_INLINE Object* instance_dict_of(Object* o, Type* t) {
  if (t->dictoffset <= 0) return nullptr;
  auto** slot = reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + t->dictoffset);
  return __atomic_load_n(slot, __ATOMIC_ACQUIRE);
}

// The instance __dict__ of o as a new reference (null: none), taken inside
// o's critical section (vm/instance_slots.h).
CONCH_ALWAYS_INLINE Object* instance_dict_ref_of(Object* o, Type* t) {
  if (t->dictoffset <= 0) return nullptr;
  return instance_dict_ref(o, reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + t->dictoffset));
}

// True when o has no instance attribute `name` (an interned str), decided
// by probing the instance dict for the key by identity; false when present
// or when an equal-but-not-identical key makes identity inconclusive (the
// caller takes the slow path).  CPython's probe sequence (dict.h).
//
// The instance dict is borrowed where that is safe, saving an incref/decref
// pair per attribute access: replacing o.__dict__ stops the world
// (vm/instance_slots.h), so a dict loaded from the slot stays alive until
// this thread's next safe point.  The reads below reach none: in the GIL
// build nothing else runs and they run no Python code (and every object
// counts as this thread's: gc/header.h); in the free-threaded build only
// lock-free reads of a dict this thread owns (they neither block nor
// write).  Other dicts are held by a reference.
CONCH_ALWAYS_INLINE bool instance_lacks(Object* o, Type* t, Object* name) {
  Object* borrowed = instance_dict_of(o, t);
  if (borrowed == nullptr) return true;  // none yet: no section needed
  hash_t h = as_str(name)->hash.load(std::memory_order_relaxed);
  if (CONCH_UNLIKELY(h == -1)) return false;
  if (gc::is_owned_by_current_thread(borrowed)) return dict_lacks_hash(borrowed, h);
  Ref<> d = steal(instance_dict_ref_of(o, t));
  if (!d) return true;
  // An entry of hash h is the name, or an equal key: the slow path decides.
  return dict_lacks_hash(d.get(), h);
}

// New reference to entry (pos, ix) of t's MRO dicts, validated by key.
CONCH_ALWAYS_INLINE Object* mro_hint_get(Type* t, uint32_t payload, Object* name) {
  Object* mro = t->mro;
  uint32_t pos = payload >> kCacheIxBits;
  if (mro == nullptr || pos >= static_cast<uint64_t>(tuple_size(mro))) return nullptr;
  Type* b = static_cast<Type*>(tuple_items(mro)[pos]);
  uint32_t ix = payload & ((1u << kCacheIxBits) - 1);
  if (b->flags & kTypeHeapType) return dict_hint_get(b->dict, ix, name);
  return frozen_dict_hint_get(b->dict, ix, name);
}

// ---------------------------------------------------------------------------
// The fast paths.  Each returns null (no error) on a miss.

// The way made for type t's current version, or 0.
CONCH_ALWAYS_INLINE uint64_t cache_find(InlineCache* c, Type* t) {
  uint32_t version = type_version(t);
  for (int i = 0; i < kCacheWays; ++i) {
    uint64_t w = gc::relaxed_load(c->ways[i]);
    if (cache_version(w) == version) return version != 0 ? w : 0;
  }
  return 0;
}

CONCH_ALWAYS_INLINE Object* load_attr_way(uint64_t w, Type* t, Object* owner, Object* name) {
  switch (cache_kind(w)) {
    case kCacheSlot: {
      // Null (unset): the slow path raises.  Referenced inside owner's
      // section: a racing store may drop the old value (instance_slots.h).
      auto** slot = reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + cache_payload(w));
      return instance_slot_get_ref(owner, slot);
    }
    case kCacheInstanceDict: {
      // Borrowed while safe (instance_lacks explains); the locked fallback
      // may block, so it holds a reference.
      Object* borrowed = instance_dict_of(owner, t);
      if (borrowed == nullptr) return nullptr;
      if (gc::is_owned_by_current_thread(borrowed)) {  // always, in the GIL build
        Object* v;
        if (dict_hint_try_get_ref(borrowed, cache_payload(w), name, &v)) return v;
      }
      Ref<> d = steal(instance_dict_ref_of(owner, t));
      return d ? dict_hint_get(d.get(), cache_payload(w), name) : nullptr;
    }
    case kCacheClassValue:
      if (!instance_lacks(owner, t, name)) return nullptr;
      return mro_hint_get(t, cache_payload(w), name);
    default:
      return nullptr;
  }
}

CONCH_ALWAYS_INLINE Object* load_attr_cached(InlineCache* c, Object* owner, Object* name) {
  Type* t = owner->type;
  return load_attr_way(cache_find(c, t), t, owner, name);
}

// LOAD_METHOD: returns the method (then *is_method: call it with owner) or
// the attribute's value; null on a miss.
CONCH_ALWAYS_INLINE Object* load_method_cached(InlineCache* c, Object* owner, Object* name,
                                               bool* is_method) {
  Type* t = owner->type;
  uint64_t w = cache_find(c, t);
  if (cache_kind(w) == kCacheMethod) {
    if (!instance_lacks(owner, t, name)) return nullptr;
    *is_method = true;
    return mro_hint_get(t, cache_payload(w), name);
  }
  *is_method = false;
  return load_attr_way(w, t, owner, name);
}

// STORE_ATTR: 0 stored, -1 error, 1 miss (nothing done).
CONCH_ALWAYS_INLINE int store_attr_cached(InlineCache* c, Object* owner, Object* name,
                                          Object* v) {
  Type* t = owner->type;
  uint64_t w = cache_find(c, t);
  switch (cache_kind(w)) {
    case kCacheStoreSlot: {
      auto** slot = reinterpret_cast<Object**>(reinterpret_cast<char*>(owner) + cache_payload(w));
      // Swapped in owner's section: two racing stores must not both
      // release the same old value.
      xdecref(instance_slot_exchange(owner, slot, new_ref(v)));
      return 0;
    }
    case kCacheStoreDict: {
      Ref<> d = steal(instance_dict_ref_of(owner, t));
      if (!d) return 1;
      // The payload hints the entry holding the name (instances of a class
      // set their attributes in the same order); a stale hint costs one
      // compare before the full store.
      if (dict_hint_store(d.get(), cache_payload(w), name, v)) return 0;
      return dict_set_item(d.get(), name, v) < 0 ? -1 : 0;
    }
    default:
      return 1;
  }
}

// A global's value read by a thread that does not own it: once a second
// thread exists, a container or instance turns to deferred counting, so
// every thread's reads stop bouncing its shared count (gc/deferred_rc.h).
// Owners (every single-threaded program) leave at the first test.
CONCH_ALWAYS_INLINE void defer_shared_global(Object* v) {
  if (CONCH_LIKELY(gc::is_owned_by_current_thread(v))) return;
  if (v->type->flags & kTypeHaveGC) gc::defer_shared_read(v);
}

CONCH_ALWAYS_INLINE Object* load_global_cached(InlineCache* c, Object* globals, Object* builtins,
                                               Object* name) {
  uint64_t w = gc::relaxed_load(c->ways[0]);
  switch (cache_kind(w)) {
    case kCacheGlobal: {
      Object* v = dict_hint_get(globals, w >> 4, name);
      if (v != nullptr) defer_shared_global(v);
      return v;
    }
    case kCacheBuiltin:
      if (gc::relaxed_load(as_dict(globals)->version) != gc::relaxed_load(c->ways[1])) return nullptr;
      return dict_hint_get(builtins, w >> 4, name);
    default:
      return nullptr;
  }
}

// ---------------------------------------------------------------------------
// The slow paths (inline_cache.cc): the full operation, plus a cache fill.

// New reference or null with an exception set.
Object* load_attr_fill(InlineCache* c, Object* owner, Object* name);
// 1: *meth is an unbound method to call with owner; 0: *meth is the
// attribute; -1: error.
int load_method_fill(InlineCache* c, Object* owner, Object* name, Object** meth);
// 0 or -1 with an exception set.
int store_attr_fill(InlineCache* c, Object* owner, Object* name, Object* v);
// New reference, or null with NameError (or another error) set.
Object* load_global_fill(InlineCache* c, Object* globals, Object* builtins, Object* name);

}  // namespace conch::vm
