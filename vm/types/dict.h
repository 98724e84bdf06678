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
//   * Every operation that reads or writes the table runs in
//     gc::CriticalSection on the dict (gc::CriticalSection2 when a second
//     dict is read: update/merge/copy/==).  In the GIL build they are empty.
//   * Key __eq__/__hash__ may run arbitrary code while the section is held
//     (CPython does the same; a blocking wait inside suspends the section).
//     After each such call the lookup re-checks that the table and the entry
//     are unchanged, and restarts otherwise; loops over a table re-read it.
//   * Values leave the section as NEW references (dict_get_item_ref and the
//     other *_ref forms): a borrowed pointer can be freed by another thread
//     between the lookup and the caller's incref.  The borrowed forms remain
//     for dicts no other thread can write (fresh dicts, static type dicts).
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
  DictKeys* keys;
};

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
