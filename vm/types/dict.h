// dict: the compact, insertion-ordered hash table of CPython 3.6+, with its
// layout exposed for the dict views/iterators (dict_views.cc) and the eval
// loop's global-lookup caches.
//
// Layout
//   DictObject  used     live entries (len(d))
//               version  bumped on every mutation (caches compare it)
//               keys     DictKeys*, or null for a dict that never held an
//                        item (no allocation for empty dicts)
//   DictKeys    one raw allocation: header | int32 indices[size] |
//               DictEntry entries[usable_fraction(size)]
//     indices[i] is kIxEmpty, kIxDummy (deleted) or an index into entries.
//     entries[0..nentries) are in insertion order; a deleted entry has
//     key == value == null and stays until the next resize compacts.
//
// Probing is CPython's: i = hash & mask, then i = (i*5 + perturb + 1) & mask
// with perturb >>= 5.  A table of size 2^k holds at most 2^(k+1)/3 entries
// (usable fraction); a full table is rebuilt at the smallest power of two
// >= 3 * used, so deletions followed by insertions never grow unboundedly.
//
// Invariants: size is a power of two >= 8; used <= nentries <= capacity;
// every live entry's key is reachable from its hash's probe sequence.
//
// Thread safety (free-threaded build)
//   * Every operation that writes the table runs in gc::CriticalSection on
//     the dict (gc::CriticalSection2 when a second dict is read: update/
//     merge/copy/==), and so do iteration, views, repr and the other
//     multi-entry reads.  In the GIL build the sections are empty.
//   * Single-key reads take no lock (kLockFreeDictReads; CPython 3.13t's
//     _Py_dict_lookup_threadsafe): d[k], k in d, d.get, the *_ref lookups
//     (LOAD_GLOBAL/LOAD_NAME slow paths, attribute lookups, kwargs) and the
//     inline caches' entry hints (dict_hint_get_ref).  The reader
//       1. loads d->keys with acquire, probes indices/entries with acquire
//          loads, compares keys by identity, or by content when both are
//          exact str / machine-word int (no Python code can run); any other
//          equal-hash key sends it to the locked lookup;
//       2. takes the value with gc::try_incref (fails on an object already
//          dead) and then re-checks that the entry still holds that key and
//          value and that d->keys is unchanged; else retries a few times,
//          then takes the locked path.
//     Writers, inside the section, publish with release stores: an entry's
//     hash/key/value first, then nentries, then the index slot; a new table
//     is filled before the release store of d->keys.  A table is never
//     written after it stops being d->keys, so a reader probing a stale
//     table sees the dict as it was when the table was replaced.
//   * Memory a reader may still be probing: a replaced table is freed via
//     gc::qsbr_free when a lock-free reader other than d's owner may hold
//     it (d->shared_reads, set under the section by the first non-owner
//     reader, as CPython's ensure_shared_on_read) or when the writer is not
//     the owner (the owner may be reading); otherwise at once (thread-
//     private dicts pay nothing).  Keys and values a reader loaded may die
//     meanwhile: object memory is kept from reuse by gc/qsbr.h once a second
//     thread has started, so reading a dead str's bytes or try_incref on a
//     dead value is safe; the re-check rejects what it found.
//   * Key __eq__/__hash__ may run arbitrary code while the section is held
//     (CPython does the same; a blocking wait inside suspends the section).
//     After each such call the lookup re-checks that the table and the entry
//     are unchanged, and restarts otherwise; loops over a table re-read it.
//   * Values leave as NEW references (dict_get_item_ref and the other *_ref
//     forms): a borrowed pointer can be freed by another thread between the
//     lookup and the caller's incref.  The borrowed forms remain (locked) for
//     dicts no other thread can write (fresh dicts, static type dicts).
//   * `used` and `version` are also read without the section (len(d), the
//     eval loop's caches): writers store them with relaxed atomics under the
//     section, lock-free readers load them relaxed (dict_used/dict_version,
//     gc::relaxed_load), which says "benign race" to TSan; plain accesses in
//     the GIL build.
//   * An iterator's state is guarded by its dict's section (dict_views.cc).
#pragma once

#include <cstdint>

#include "gc/critical_section.h"
#include "vm/object.h"
#include "vm/types.h"

namespace conch::vm {

struct DictEntry {
  hash_t hash;
  Object* key;    // null: deleted
  Object* value;  // null: deleted
};

struct DictKeys {
  int log2_size;
  ssize_t usable;    // insertions left before a resize
  ssize_t nentries;  // entries used, deleted ones included
  int32_t* indices() { return reinterpret_cast<int32_t*>(this + 1); }
  ssize_t size() const { return ssize_t{1} << log2_size; }
  DictEntry* entries() { return reinterpret_cast<DictEntry*>(indices() + size()); }
};

struct DictObject : Object {
  ssize_t used;
  uint64_t version;
  DictKeys* keys;     // written with release under the section
  bool shared_reads;  // a non-owner has read without the lock (set once)
};

// Single-key reads without the lock (see "Thread safety").  The GIL build
// keeps the plain locked code: its sections are empty, so nothing is saved.
inline constexpr bool kLockFreeDictReads = kFreeThreaded;

inline DictObject* as_dict(Object* o) { return static_cast<DictObject*>(o); }
inline const DictObject* as_dict(const Object* o) { return static_cast<const DictObject*>(o); }
// Lock-free reads of the two counters (see "Thread safety" above).
inline uint64_t dict_version(const Object* d) { return gc::relaxed_load(as_dict(d)->version); }
inline ssize_t dict_used(const Object* d) { return gc::relaxed_load(as_dict(d)->used); }

// The key's hash with the str fast path (cached hash read inline).
hash_t dict_key_hash(Object* key);

// Lookup with a precomputed hash: borrowed value, or null (check has_error()).
Object* dict_get_item_hashed(Object* d, Object* key, hash_t hash);
// The same, new reference.
Object* dict_get_item_hashed_ref(Object* d, Object* key, hash_t hash);
int dict_set_item_hashed(Object* d, Object* key, hash_t hash, Object* value);
// 1 present, 0 absent, -1 error.
int dict_contains(Object* d, Object* key);
int dict_contains_hashed(Object* d, Object* key, hash_t hash);
// As dict_next, also giving the stored hash (borrowed; caller holds the
// section or owns the dict), and its locked new-reference form.
bool dict_next_hashed(Object* d, ssize_t* pos, Object** key, Object** value, hash_t* hash);
bool dict_next_hashed_ref(Object* d, ssize_t* pos, Object** key, Object** value, hash_t* hash);
// d.pop(key) without default: new reference, or null (KeyError only if
// raise_missing; otherwise null without error when absent).
Object* dict_pop_item(Object* d, Object* key, bool raise_missing);

// --- lock-free single-key reads (inline: the eval loop's caches) ----------

// The first lock-free read of d by a thread that does not own it marks d
// (under the section, so a writer that decided to free a table at once has
// finished first): from then on replaced tables go through QSBR.
void dict_mark_shared_reads(DictObject* d);
CONCH_ALWAYS_INLINE void dict_ensure_shared_on_read(DictObject* d) {
  if (!gc::is_owned_by_current_thread(d) && !gc::relaxed_load(d->shared_reads)) {
    dict_mark_shared_reads(d);
  }
}

// New reference to the value of entry `ix` of d when that entry's key is
// `key` itself; null (no error) otherwise.  Unlocked: caller holds d's
// section, or d never changes (a static type's dict).
CONCH_ALWAYS_INLINE Object* dict_hint_get_held(Object* d, uint64_t ix, Object* key) {
  DictKeys* k = as_dict(d)->keys;
  if (k == nullptr || ix >= static_cast<uint64_t>(k->nentries)) return nullptr;
  DictEntry& e = k->entries()[ix];
  if (e.key != key) return nullptr;
  Object* v = e.value;
  incref(v);
  return v;
}

// STORE_ATTR's entry hint: when entry `ix` of d holds `key` itself, replaces
// its value with `value` (increfed) and returns 1; else 0, nothing done (the
// caller does the full store).  Under d's section.
int dict_hint_store(Object* d, uint64_t ix, Object* key, Object* value);

// The same for any dict (the inline caches' entry hints).  Free-threaded
// build: without the lock when no writer interferes ("Thread safety");
// otherwise, and in the GIL build, under the section.
//
// dict_hint_try_get_ref is its lock-free half: true when it decided (*out is
// the new reference, or null for a miss), false when a writer got in between
// and the caller must decide under the lock.  It never blocks; for a reader
// that owns the dict it writes nothing either (dict_ensure_shared_on_read),
// so it reaches no safe point.
// In the GIL build it is the plain read (nothing else runs).
CONCH_ALWAYS_INLINE bool dict_hint_try_get_ref(Object* o, uint64_t ix, Object* key, Object** out) {
  if constexpr (!kLockFreeDictReads) {
    *out = dict_hint_get_held(o, ix, key);
    return true;
  }
  *out = nullptr;
  DictObject* d = as_dict(o);
  dict_ensure_shared_on_read(d);
  DictKeys* k = gc::acquire_load(d->keys);
  if (k == nullptr || ix >= static_cast<uint64_t>(gc::acquire_load(k->nentries))) return true;
  DictEntry* ep = &k->entries()[ix];
  if (gc::acquire_load(ep->key) != key) return true;
  Object* v = gc::acquire_load(ep->value);
  if (v != nullptr && gc::try_incref(v)) {
    // Still the binding, in the current table: v was alive and in d.
    if (CONCH_LIKELY(gc::acquire_load(ep->value) == v && gc::acquire_load(ep->key) == key &&
                     gc::acquire_load(d->keys) == k)) {
      *out = v;
      return true;
    }
    decref(v);
  }
  return false;
}
CONCH_ALWAYS_INLINE Object* dict_hint_get_ref(Object* o, uint64_t ix, Object* key) {
  if constexpr (kLockFreeDictReads) {
    Object* v;
    if (dict_hint_try_get_ref(o, ix, key, &v)) return v;
    // A writer got in between: decide under the lock.
  }
  gc::CriticalSection cs{o};
  return dict_hint_get_held(o, ix, key);
}

// True when no entry of table k has hash h (so d holds no key equal to one
// with that hash); false when one does, or may.  Indices and hashes only:
// never touches a key or value.
CONCH_ALWAYS_INLINE bool dict_keys_lack_hash(DictKeys* k, hash_t h) {
  if (k == nullptr) return true;
  size_t mask = static_cast<size_t>(k->size()) - 1;
  size_t perturb = static_cast<size_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  for (;;) {
    int32_t ix = gc::acquire_load(k->indices()[i]);
    if (ix == -1) return true;  // empty slot: end of the probe sequence
    if (ix >= 0 && gc::relaxed_load(k->entries()[ix].hash) == h) return false;
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}
// dict_keys_lack_hash on d's current table: unlocked in the free-threaded
// build (a probe that ends on a slot a writer is filling just answers for
// the moment before the write), under the section in the GIL build.
CONCH_ALWAYS_INLINE bool dict_lacks_hash(Object* o, hash_t h) {
  DictObject* d = as_dict(o);
  if constexpr (kLockFreeDictReads) {
    dict_ensure_shared_on_read(d);
    return dict_keys_lack_hash(gc::acquire_load(d->keys), h);
  } else {
    gc::CriticalSection cs{o};
    return dict_keys_lack_hash(d->keys, h);
  }
}

// View and iterator types (dict_views.cc).
extern Type kDictKeysType;
extern Type kDictValuesType;
extern Type kDictItemsType;
extern Type kDictKeyIterType;
extern Type kDictValueIterType;
extern Type kDictItemIterType;
extern Type kDictRevKeyIterType;
extern Type kDictRevValueIterType;
extern Type kDictRevItemIterType;
Object* dict_view_new(Object* d, Type* view_type);
// For list(x) / l.extend(x): when x is a dict (not a subclass) or one of its
// keys/values/items views, a new list of what it holds, taken in one critical
// section (so another thread's insertion cannot fail the copy with "changed
// size during iteration", as it cannot in CPython).  Otherwise nullptr with
// no error set.
Object* dict_snapshot_list(Object* x);
Object* dict_iter_new(Object* d, Type* iter_type);
void init_dict_view_types();  // called by init_dict_types

}  // namespace conch::vm
