// set and frozenset: CPython's setobject.c table, algorithm for algorithm,
// so that iteration order (and so printed output) matches python3.
//
// Layout: an open-addressing table of (key, hash) entries, `mask + 1` slots
// (a power of two >= 8; the first 8 live inline in `smalltable`).  A slot is
// unused (key null, hash 0), active, or a dummy left by a deletion (key ==
// kDummy, hash -1).  Probing: up to kLinearProbes adjacent slots, then
// CPython's perturbed jump (i*5 + 1 + perturb).  `fill` counts active and
// dummy slots, `used` active ones; the table is rebuilt when fill*5 >=
// mask*3, at the smallest power of two > used*4 (used*2 beyond 50000).
// Merging into an empty set of the same size copies slots in place, so
// copies keep their order, exactly as CPython.
//
// Thread safety (free-threaded build): the table functions below the
// "locked" line (lookkey ... merge) require the caller to hold the set's
// critical section; every operation above them takes its sections itself,
// CriticalSection2 when it reads a second set or dict while touching the
// first, and no operation holds a section while calling another that
// locks a different pair (a nested section on another object may suspend
// the outer one while it waits).  Key __eq__ may run arbitrary code, which
// may block and so let other threads in: lookups re-check the table after it
// and restart if it changed, loops re-read the mask, and iteration raises
// "Set changed size during iteration".  `used` (len()) and the frozenset
// hash cache are also read without the section: relaxed atomics
// (gc::relaxed_load/store).
#include <cstring>
#include <string>

#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/container_util.h"
#include "vm/types/dict.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/set.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace conch::vm {

Type kSetType;
Type kFrozenSetType;
Type kSetIterType;

namespace {

constexpr ssize_t kSetMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

struct SetEntry {
  Object* key;
  hash_t hash;
};

struct SetObject : Object {
  ssize_t fill;
  ssize_t used;
  ssize_t mask;
  SetEntry* table;
  hash_t hash;  // frozenset hash cache; -1 until computed
  ssize_t finger;
  SetEntry smalltable[kSetMinSize];
};

Object g_dummy_storage;
Object* const kDummy = &g_dummy_storage;

SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }
const SetObject* as_set(const Object* o) { return static_cast<const SetObject*>(o); }

// `used` is written under the section and read without it by len().
void store_used(SetObject* so, ssize_t n) { gc::relaxed_store(so->used, n); }
ssize_t unlocked_used(const Object* o) { return gc::relaxed_load(as_set(o)->used); }
void store_hash(SetObject* so, hash_t h) { gc::relaxed_store(so->hash, h); }
hash_t cached_hash(const SetObject* so) { return gc::relaxed_load(so->hash); }

bool is_frozen_type(const Type* t) { return t == &kFrozenSetType || is_subtype(t, &kFrozenSetType); }

// The defining type's name for method error messages.
const char* set_owner(const Object* self) {
  return is_frozen_type(self->type) ? "frozenset" : "set";
}

hash_t key_hash(Object* key) { return dict_key_hash(key); }

// Key pairs whose equality needs no Python code (exact str, or exact
// machine-word ints): true with *eq set.
bool fast_key_eq(Object* a, Object* b, bool* eq) {
  if (str_check_exact(a) && str_check_exact(b)) {
    *eq = str_equal(a, b);
    return true;
  }
  if (int_check_exact(a) && int_check_exact(b) && int_is_small(a) && int_is_small(b)) {
    *eq = int_small_value(a) == int_small_value(b);
    return true;
  }
  return false;
}

// --- the table (the caller holds the set's critical section) ---------------------

// The slot holding key, or the unused slot where probing stopped (key null);
// nullptr on error.
SetEntry* lookkey(SetObject* so, Object* key, hash_t hash) {
  gc::assert_critical_section_held(so);
restart:
  size_t perturb = static_cast<size_t>(hash);
  size_t mask = static_cast<size_t>(so->mask);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) return entry;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        bool eq = startkey == key;
        if (eq || fast_key_eq(startkey, key, &eq)) {
          if (eq) return entry;
        } else {
          SetEntry* table = so->table;
          incref(startkey);
          int cmp = rich_compare_bool(startkey, key, CompareOp::kEq);
          decref(startkey);
          if (cmp < 0) return nullptr;
          if (table != so->table || entry->key != startkey) goto restart;
          if (cmp > 0) return entry;
          mask = static_cast<size_t>(so->mask);
        }
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

void insert_clean(SetEntry* table, size_t mask, Object* key, hash_t hash) {
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    SetEntry* entry = &table[i];
    if (entry->key == nullptr) goto found;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 0; j < kLinearProbes; j++) {
        entry++;
        if (entry->key == nullptr) goto found;
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    entry->key = key;
    entry->hash = hash;
    return;
  }
}

int table_resize(SetObject* so, ssize_t minused) {
  size_t newsize = kSetMinSize;
  while (newsize <= static_cast<size_t>(minused)) newsize <<= 1;
  SetEntry* oldtable = so->table;
  ssize_t oldmask = so->mask;
  SetEntry small_copy[kSetMinSize];
  bool old_is_small = oldtable == so->smalltable;
  SetEntry* newtable;
  if (newsize == static_cast<size_t>(kSetMinSize)) {
    newtable = so->smalltable;
    if (newtable == oldtable) {
      if (so->fill == so->used) return 0;  // nothing to gain
      std::memcpy(small_copy, oldtable, sizeof(small_copy));
      oldtable = small_copy;
    }
  } else {
    if (newsize > static_cast<size_t>(PTRDIFF_MAX) / sizeof(SetEntry)) {
      no_memory();
      return -1;
    }
    newtable = static_cast<SetEntry*>(gc::allocate_raw(newsize * sizeof(SetEntry)));
    if (newtable == nullptr) {
      no_memory();
      return -1;
    }
  }
  std::memset(newtable, 0, newsize * sizeof(SetEntry));
  so->mask = static_cast<ssize_t>(newsize - 1);
  so->table = newtable;
  size_t newmask = newsize - 1;
  if (so->fill == so->used) {
    for (ssize_t i = 0; i <= oldmask; ++i) {
      if (oldtable[i].key != nullptr) insert_clean(newtable, newmask, oldtable[i].key, oldtable[i].hash);
    }
  } else {
    so->fill = so->used;
    for (ssize_t i = 0; i <= oldmask; ++i) {
      Object* k = oldtable[i].key;
      if (k != nullptr && k != kDummy) insert_clean(newtable, newmask, k, oldtable[i].hash);
    }
  }
  if (!old_is_small && oldtable != small_copy) gc::free_raw(oldtable);
  return 0;
}

ssize_t grow_target(SetObject* so) { return so->used > 50000 ? so->used * 2 : so->used * 4; }

int add_entry(SetObject* so, Object* key, hash_t hash) {
  gc::assert_critical_section_held(so);
  incref(key);
restart:
  size_t mask = static_cast<size_t>(so->mask);
  size_t i = static_cast<size_t>(hash) & mask;
  SetEntry* freeslot = nullptr;
  size_t perturb = static_cast<size_t>(hash);
  SetEntry* entry;
  for (;;) {
    entry = &so->table[i];
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    do {
      if (entry->hash == 0 && entry->key == nullptr) goto found_unused_or_dummy;
      if (entry->hash == hash) {
        Object* startkey = entry->key;
        bool eq = startkey == key;
        if (eq || fast_key_eq(startkey, key, &eq)) {
          if (eq) goto found_active;
        } else {
          SetEntry* table = so->table;
          incref(startkey);
          int cmp = rich_compare_bool(startkey, key, CompareOp::kEq);
          decref(startkey);
          if (cmp > 0) goto found_active;
          if (cmp < 0) {
            decref(key);
            return -1;
          }
          if (table != so->table || entry->key != startkey) goto restart;
          mask = static_cast<size_t>(so->mask);
        }
      } else if (entry->hash == -1) {
        if (freeslot == nullptr) freeslot = entry;
      }
      entry++;
    } while (probes--);
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
found_unused_or_dummy:
  if (freeslot != nullptr) {
    store_used(so, so->used + 1);
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
  }
  so->fill++;
  store_used(so, so->used + 1);
  entry->key = key;
  entry->hash = hash;
  if (static_cast<size_t>(so->fill) * 5 < mask * 3) return 0;
  return table_resize(so, grow_target(so));
found_active:
  decref(key);
  return 0;
}

int add_key(SetObject* so, Object* key) {
  hash_t h = key_hash(key);
  if (h == -1) return -1;
  return add_entry(so, key, h);
}

// 1 present, 0 absent, -1 error.
int contains_entry(SetObject* so, Object* key, hash_t hash) {
  SetEntry* e = lookkey(so, key, hash);
  if (e == nullptr) return -1;
  return e->key != nullptr ? 1 : 0;
}

int contains_key(SetObject* so, Object* key) {
  hash_t h = key_hash(key);
  if (h == -1) return -1;
  return contains_entry(so, key, h);
}

// 1 found and removed, 0 not found, -1 error.
int discard_entry(SetObject* so, Object* key, hash_t hash) {
  SetEntry* e = lookkey(so, key, hash);
  if (e == nullptr) return -1;
  if (e->key == nullptr) return 0;
  Object* old = e->key;
  e->key = kDummy;
  e->hash = -1;
  store_used(so, so->used - 1);
  decref(old);
  return 1;
}

int discard_key(SetObject* so, Object* key) {
  hash_t h = key_hash(key);
  if (h == -1) return -1;
  return discard_entry(so, key, h);
}

bool next_entry(SetObject* so, ssize_t* pos, SetEntry** out) {
  ssize_t i = *pos;
  while (i <= so->mask) {
    SetEntry* e = &so->table[i];
    ++i;
    if (e->key != nullptr && e->key != kDummy) {
      *pos = i;
      *out = e;
      return true;
    }
  }
  *pos = i;
  return false;
}

void clear_internal(SetObject* so) {
  SetEntry* table = so->table;
  ssize_t mask = so->mask;
  ssize_t fill = so->fill;
  bool small = table == so->smalltable;
  SetEntry small_copy[kSetMinSize];
  if (small) {
    std::memcpy(small_copy, table, sizeof(small_copy));
    table = small_copy;
  }
  std::memset(so->smalltable, 0, sizeof(so->smalltable));
  so->table = so->smalltable;
  so->mask = kSetMinSize - 1;
  so->fill = 0;
  store_used(so, 0);
  store_hash(so, -1);
  for (ssize_t i = 0; fill > 0 && i <= mask; ++i) {
    if (table[i].key != nullptr) {
      --fill;
      if (table[i].key != kDummy) decref(table[i].key);
    }
  }
  if (!small) gc::free_raw(table);
}

int merge(SetObject* so, SetObject* other) {
  if (other == so || other->used == 0) return 0;
  if ((so->fill + other->used) * 5 >= so->mask * 3) {
    if (table_resize(so, (so->used + other->used) * 2) != 0) return -1;
  }
  SetEntry* so_entry = so->table;
  SetEntry* other_entry = other->table;
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    for (ssize_t i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
      Object* key = other_entry->key;
      if (key != nullptr) {
        so_entry->key = new_ref(key);
        so_entry->hash = other_entry->hash;
      }
    }
    so->fill = other->fill;
    store_used(so, other->used);
    return 0;
  }
  if (so->fill == 0) {
    so->fill = other->used;
    store_used(so, other->used);
    for (ssize_t i = other->mask + 1; i > 0; i--, other_entry++) {
      Object* key = other_entry->key;
      if (key != nullptr && key != kDummy) {
        insert_clean(so->table, static_cast<size_t>(so->mask), new_ref(key), other_entry->hash);
      }
    }
    return 0;
  }
  for (ssize_t i = 0; i <= other->mask; i++) {
    other_entry = &other->table[i];
    Object* key = other_entry->key;
    if (key != nullptr && key != kDummy) {
      Ref<> k = borrow(key);
      if (add_entry(so, k.get(), other_entry->hash) != 0) return -1;
    }
  }
  return 0;
}

// --- operations (each takes its own sections) ------------------------------------

// so |= other.  Sets and dicts merge under both sections (their stored
// hashes, no __hash__ calls); other iterables are iterated under so's.
int update_internal(SetObject* so, Object* other) {
  if (set_check(other)) {
    gc::CriticalSection2 cs{so, other};
    return merge(so, as_set(other));
  }
  if (dict_check_exact(other)) {
    gc::CriticalSection2 cs{so, other};
    ssize_t dictsize = dict_size(other);
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
      if (table_resize(so, (so->used + dictsize) * 2) != 0) return -1;
    }
    ssize_t pos = 0;
    Object *key, *value;
    hash_t h;
    while (dict_next_hashed(other, &pos, &key, &value, &h)) {
      Ref<> k = borrow(key);
      if (add_entry(so, k.get(), h) != 0) return -1;
    }
    return 0;
  }
  Ref<> it = steal(get_iter(other));
  if (!it) return -1;
  gc::CriticalSection cs{so};
  for (;;) {
    Ref<> key = steal(iter_next(it.get()));
    if (!key) break;
    if (add_key(so, key.get()) != 0) return -1;
  }
  return has_error() ? -1 : 0;
}

SetObject* alloc_set(Type* type) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  if (o == nullptr) return nullptr;
  SetObject* so = as_set(o);
  so->fill = 0;
  so->used = 0;
  so->mask = kSetMinSize - 1;
  so->table = so->smalltable;
  so->hash = -1;
  so->finger = 0;
  return so;
}

Object* make_new_set(Type* type, Object* iterable) {
  SetObject* so = alloc_set(type);
  if (so == nullptr) return nullptr;
  if (iterable != nullptr && update_internal(so, iterable) != 0) {
    decref(so);
    return nullptr;
  }
  return so;
}

Object* make_new_set_basetype(Type* type, Object* iterable) {
  return make_new_set(is_frozen_type(type) ? &kFrozenSetType : &kSetType, iterable);
}

Object* copy_set(Object* so) { return make_new_set_basetype(so->type, so); }

// Exchanges the contents of two sets (intersection_update).
void swap_bodies(SetObject* a, SetObject* b) {
  std::swap(a->fill, b->fill);
  ssize_t a_used = a->used;
  store_used(a, b->used);
  store_used(b, a_used);
  std::swap(a->mask, b->mask);
  bool a_small = a->table == a->smalltable;
  bool b_small = b->table == b->smalltable;
  SetEntry* at = a->table;
  SetEntry* bt = b->table;
  SetEntry tmp[kSetMinSize];
  std::memcpy(tmp, a->smalltable, sizeof(tmp));
  std::memcpy(a->smalltable, b->smalltable, sizeof(tmp));
  std::memcpy(b->smalltable, tmp, sizeof(tmp));
  a->table = b_small ? a->smalltable : bt;
  b->table = a_small ? b->smalltable : at;
  store_hash(a, -1);
  store_hash(b, -1);
}

// --- set algebra --------------------------------------------------------------

// A new set (of so's base type) of so's keys that are in other.
Object* intersection(Object* so_obj, Object* other) {
  if (so_obj == other) return copy_set(so_obj);
  Ref<> result = steal(make_new_set_basetype(so_obj->type, nullptr));
  if (!result) return nullptr;
  SetObject* res = as_set(result.get());  // private to this thread until returned
  if (set_check(other)) {
    gc::CriticalSection2 cs{so_obj, other};
    SetObject* so = as_set(so_obj);
    SetObject* ot = as_set(other);
    if (ot->used > so->used) std::swap(so, ot);
    ssize_t pos = 0;
    SetEntry* entry;
    while (next_entry(ot, &pos, &entry)) {
      Ref<> key = borrow(entry->key);
      hash_t h = entry->hash;
      int rv = contains_entry(so, key.get(), h);
      if (rv < 0) return nullptr;
      if (rv && add_entry(res, key.get(), h) != 0) return nullptr;
    }
    return result.release();
  }
  SetObject* so = as_set(so_obj);
  Ref<> it = steal(get_iter(other));
  if (!it) return nullptr;
  gc::CriticalSection cs{so_obj};
  for (;;) {
    Ref<> key = steal(iter_next(it.get()));
    if (!key) break;
    hash_t h = key_hash(key.get());
    if (h == -1) return nullptr;
    int rv = contains_entry(so, key.get(), h);
    if (rv < 0) return nullptr;
    if (rv) {
      if (add_entry(res, key.get(), h) != 0) return nullptr;
      if (res->used >= so->used) break;
    }
  }
  if (has_error()) return nullptr;
  return result.release();
}

// After many deletions: rebuild without the dummies.  Caller holds so.
int shrink_after_deletes(SetObject* so) {
  if (static_cast<size_t>(so->fill - so->used) <= static_cast<size_t>(so->mask) / 4) return 0;
  return table_resize(so, grow_target(so));
}

// so -= other.
int difference_update_internal(SetObject* so, Object* other) {
  if (so == other) {
    gc::CriticalSection cs{so};
    clear_internal(so);
    return 0;
  }
  if (set_check(other)) {
    Ref<> o;
    if ((unlocked_used(other) >> 3) > unlocked_used(so)) {
      o = steal(intersection(so, other));  // a private set: iterate the smaller one
      if (!o) return -1;
    } else {
      o = borrow(other);
    }
    gc::CriticalSection2 cs{so, o.get()};
    ssize_t pos = 0;
    SetEntry* entry;
    while (next_entry(as_set(o.get()), &pos, &entry)) {
      Ref<> key = borrow(entry->key);
      if (discard_entry(so, key.get(), entry->hash) < 0) return -1;
    }
    return shrink_after_deletes(so);
  }
  Ref<> it = steal(get_iter(other));
  if (!it) return -1;
  gc::CriticalSection cs{so};
  for (;;) {
    Ref<> key = steal(iter_next(it.get()));
    if (!key) break;
    if (discard_key(so, key.get()) < 0) return -1;
  }
  if (has_error()) return -1;
  return shrink_after_deletes(so);
}

Object* copy_and_difference(Object* so, Object* other) {
  Ref<> result = steal(copy_set(so));
  if (!result || difference_update_internal(as_set(result.get()), other) != 0) return nullptr;
  return result.release();
}

// A new set of so's keys not in other.
Object* difference(Object* so_obj, Object* other) {
  SetObject* so = as_set(so_obj);
  ssize_t other_size;
  if (set_check(other)) {
    other_size = unlocked_used(other);
  } else if (dict_check_exact(other)) {
    other_size = dict_size(other);
  } else {
    return copy_and_difference(so_obj, other);
  }
  // A heuristic only: the sizes may change before the sections are taken.
  if ((unlocked_used(so) >> 2) > other_size) return copy_and_difference(so_obj, other);
  Ref<> result = steal(make_new_set_basetype(so_obj->type, nullptr));
  if (!result) return nullptr;
  SetObject* res = as_set(result.get());
  gc::CriticalSection2 cs{so_obj, other};
  ssize_t pos = 0;
  SetEntry* entry;
  bool is_dict = dict_check_exact(other);
  while (next_entry(so, &pos, &entry)) {
    Ref<> key = borrow(entry->key);
    hash_t h = entry->hash;
    int rv = is_dict ? dict_contains_hashed(other, key.get(), h)
                     : contains_entry(as_set(other), key.get(), h);
    if (rv < 0) return nullptr;
    if (!rv && add_entry(res, key.get(), h) != 0) return nullptr;
  }
  return result.release();
}

// so ^= other.
int symmetric_difference_update(SetObject* so, Object* other) {
  if (so == other) {
    gc::CriticalSection cs{so};
    clear_internal(so);
    return 0;
  }
  if (dict_check_exact(other)) {
    gc::CriticalSection2 cs{so, other};
    ssize_t pos = 0;
    Object *k, *v;
    hash_t h;
    while (dict_next_hashed(other, &pos, &k, &v, &h)) {
      Ref<> key = borrow(k);
      int rv = discard_entry(so, key.get(), h);
      if (rv < 0) return -1;
      if (rv == 0 && add_entry(so, key.get(), h) != 0) return -1;
    }
    return 0;
  }
  Ref<> otherset;
  if (set_check(other)) {
    otherset = borrow(other);
  } else {
    otherset = steal(make_new_set_basetype(so->type, other));
    if (!otherset) return -1;
  }
  gc::CriticalSection2 cs{so, otherset.get()};
  ssize_t pos = 0;
  SetEntry* entry;
  while (next_entry(as_set(otherset.get()), &pos, &entry)) {
    Ref<> key = borrow(entry->key);
    hash_t h = entry->hash;
    int rv = discard_entry(so, key.get(), h);
    if (rv < 0) return -1;
    if (rv == 0 && add_entry(so, key.get(), h) != 0) return -1;
  }
  return 0;
}

Object* symmetric_difference(Object* so, Object* other) {
  Ref<> otherset = steal(make_new_set_basetype(so->type, other));
  if (!otherset) return nullptr;
  if (symmetric_difference_update(as_set(otherset.get()), so) != 0) return nullptr;
  return otherset.release();
}

// 1 / 0 / -1.
int issubset(Object* so, Object* other) {
  if (!set_check(other)) {
    Ref<> tmp = steal(intersection(so, other));
    if (!tmp) return -1;
    return unlocked_used(tmp.get()) == unlocked_used(so) ? 1 : 0;
  }
  gc::CriticalSection2 cs{so, other};
  if (as_set(so)->used > as_set(other)->used) return 0;
  ssize_t pos = 0;
  SetEntry* entry;
  while (next_entry(as_set(so), &pos, &entry)) {
    Ref<> key = borrow(entry->key);
    int rv = contains_entry(as_set(other), key.get(), entry->hash);
    if (rv <= 0) return rv;
  }
  return 1;
}

int issuperset(Object* so, Object* other) {
  if (set_check(other)) return issubset(other, so);
  Ref<> it = steal(get_iter(other));
  if (!it) return -1;
  for (;;) {
    Ref<> key = steal(iter_next(it.get()));
    if (!key) break;
    gc::CriticalSection cs{so};
    int rv = contains_key(as_set(so), key.get());
    if (rv <= 0) return rv;
  }
  return has_error() ? -1 : 1;
}

int isdisjoint(Object* so, Object* other) {
  if (so == other) return unlocked_used(so) == 0 ? 1 : 0;
  if (anyset_check_exact(other)) {
    gc::CriticalSection2 cs{so, other};
    Object* a = so;
    Object* b = other;
    if (as_set(b)->used > as_set(a)->used) std::swap(a, b);
    ssize_t pos = 0;
    SetEntry* entry;
    while (next_entry(as_set(b), &pos, &entry)) {
      Ref<> key = borrow(entry->key);
      int rv = contains_entry(as_set(a), key.get(), entry->hash);
      if (rv < 0) return -1;
      if (rv) return 0;
    }
    return 1;
  }
  Ref<> it = steal(get_iter(other));
  if (!it) return -1;
  for (;;) {
    Ref<> key = steal(iter_next(it.get()));
    if (!key) break;
    gc::CriticalSection cs{so};
    int rv = contains_key(as_set(so), key.get());
    if (rv < 0) return -1;
    if (rv) return 0;
  }
  return has_error() ? -1 : 1;
}

// --- slots -------------------------------------------------------------------------

void set_dealloc(Object* o) {
  SetObject* so = as_set(o);
  for (ssize_t i = 0; so->table != nullptr && i <= so->mask; ++i) {
    Object* k = so->table[i].key;
    if (k != nullptr && k != kDummy) decref(k);
  }
  if (so->table != so->smalltable) gc::free_raw(so->table);
  generic_free(o);
}

int set_traverse(Object* o, VisitFunc visit, void* arg) {
  ssize_t pos = 0;
  SetEntry* entry;
  while (next_entry(as_set(o), &pos, &entry)) {
    if (int r = visit(entry->key, arg)) return r;
  }
  return 0;
}

int set_clear_slot(Object* o) {
  gc::CriticalSection cs{o};
  clear_internal(as_set(o));
  return 0;
}

Object* set_repr(Object* o) {
  std::string name = o->type->name;
  if (unlocked_used(o) == 0) return str_from(name + "()");
  ReprGuard guard{o};
  if (guard.recursive()) return str_from(name + "(...)");
  Ref<> keys;
  {
    // One snapshot: iterating unlocked could see another thread's add as
    // "Set changed size during iteration".
    gc::CriticalSection cs{o};
    keys = steal(list_from_iterable(o));
  }
  if (!keys) return nullptr;
  std::string lr;
  if (!append_repr(&lr, keys.get())) return nullptr;
  std::string out = "{" + lr.substr(1, lr.size() - 2) + "}";
  if (o->type != &kSetType) out = name + "(" + out + ")";
  return str_from(out);
}

uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; }

// A frozenset's table never changes once it is built (and shared), so the
// hash reads it without a section; threads racing to fill the cache store
// the same value.
hash_t frozenset_hash(Object* o) {
  SetObject* so = as_set(o);
  if (hash_t cached = cached_hash(so); cached != -1) return cached;
  uint64_t hash = 0;
  for (ssize_t i = 0; i <= so->mask; ++i) hash ^= shuffle_bits(static_cast<uint64_t>(so->table[i].hash));
  if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
  if ((so->fill - so->used) & 1) hash ^= shuffle_bits(static_cast<uint64_t>(-1));
  hash ^= (static_cast<uint64_t>(so->used) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
  store_hash(so, static_cast<hash_t>(hash));
  return static_cast<hash_t>(hash);
}

Object* set_richcompare(Object* v, Object* w, CompareOp op) {
  if (!set_check(v) || !set_check(w)) return new_ref(not_implemented());
  SetObject* a = as_set(v);
  SetObject* b = as_set(w);
  int r = 0;
  gc::CriticalSection2 cs{v, w};
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      if (a->used != b->used) {
        r = 0;
      } else if (cached_hash(a) != -1 && cached_hash(b) != -1 &&
                 cached_hash(a) != cached_hash(b)) {
        r = 0;
      } else {
        r = issubset(v, w);
      }
      if (r >= 0 && op == CompareOp::kNe) r = !r;
      break;
    case CompareOp::kLe: r = issubset(v, w); break;
    case CompareOp::kGe: r = issuperset(v, w); break;
    case CompareOp::kLt: r = a->used >= b->used ? 0 : issubset(v, w); break;
    case CompareOp::kGt: r = a->used <= b->used ? 0 : issuperset(v, w); break;
  }
  if (r < 0) return nullptr;
  return new_bool(r != 0);
}

ssize_t set_len(Object* o) { return unlocked_used(o); }

// An unhashable set key is looked up (or discarded) as a frozenset of its
// keys: true with *out set when `key` needs that retry (error cleared).
bool frozen_retry_key(Object* key, Ref<>* out) {
  if (!set_check(key) || !error_matches(&kTypeErrorType)) return false;
  clear_error();
  *out = steal(make_new_set(&kFrozenSetType, key));
  return true;
}

// `key in s`.  The frozenset is built outside s's section (it locks `key`).
int set_contains_slot(Object* o, Object* key) {
  int rv;
  {
    gc::CriticalSection cs{o};
    rv = contains_key(as_set(o), key);
  }
  Ref<> tmp;
  if (rv < 0 && frozen_retry_key(key, &tmp)) {
    if (!tmp) return -1;
    gc::CriticalSection cs{o};
    rv = contains_key(as_set(o), tmp.get());
  }
  return rv;
}

// Binary operators: both operands must be sets (else NotImplemented).
Object* set_or(Object* a, Object* b) {
  if (!set_check(a) || !set_check(b)) return new_ref(not_implemented());
  Ref<> result = steal(copy_set(a));
  if (!result) return nullptr;
  if (a == b) return result.release();
  if (update_internal(as_set(result.get()), b) != 0) return nullptr;
  return result.release();
}

Object* set_and(Object* a, Object* b) {
  if (!set_check(a) || !set_check(b)) return new_ref(not_implemented());
  return intersection(a, b);
}

Object* set_sub(Object* a, Object* b) {
  if (!set_check(a) || !set_check(b)) return new_ref(not_implemented());
  return difference(a, b);
}

Object* set_xor(Object* a, Object* b) {
  if (!set_check(a) || !set_check(b)) return new_ref(not_implemented());
  return symmetric_difference(a, b);
}

Object* set_ior(Object* a, Object* b) {
  if (!set_check(b) || !set_check(a)) return new_ref(not_implemented());
  if (update_internal(as_set(a), b) != 0) return nullptr;
  return new_ref(a);
}

// so &= other: the intersection is computed into a new set, then swapped in
// (the old contents die with tmp, outside the section).
int intersection_update(Object* so, Object* other) {
  Ref<> tmp = steal(intersection(so, other));
  if (!tmp) return -1;
  if (tmp.get() == so) return 0;
  gc::CriticalSection cs{so};
  swap_bodies(as_set(so), as_set(tmp.get()));
  return 0;
}

Object* set_iand(Object* a, Object* b) {
  if (!set_check(b) || !set_check(a)) return new_ref(not_implemented());
  if (intersection_update(a, b) != 0) return nullptr;
  return new_ref(a);
}

Object* set_isub(Object* a, Object* b) {
  if (!set_check(b) || !set_check(a)) return new_ref(not_implemented());
  if (difference_update_internal(as_set(a), b) != 0) return nullptr;
  return new_ref(a);
}

Object* set_ixor(Object* a, Object* b) {
  if (!set_check(b) || !set_check(a)) return new_ref(not_implemented());
  if (symmetric_difference_update(as_set(a), b) != 0) return nullptr;
  return new_ref(a);
}

// --- iterator ------------------------------------------------------------------

// used/pos/len are written under the set's section (threads sharing the
// iterator serialise on it); len is read without it by __length_hint__.
// pos == -1: exhausted.  `set` is dropped at exhaustion only in the GIL build
// (gc::kIteratorsReleaseExhausted; list.cc's iterator says why).
struct SetIter : Object {
  Object* set;
  ssize_t used;
  ssize_t pos;
  ssize_t len;
};

Object* set_iter(Object* o) {
  auto* it = static_cast<SetIter*>(generic_alloc(&kSetIterType));
  if (it == nullptr) return nullptr;
  gc::CriticalSection cs{o};
  it->set = new_ref(o);
  it->used = as_set(o)->used;
  it->pos = 0;
  it->len = it->used;
  return it;
}

Object* set_iter_next(Object* o) {
  auto* it = static_cast<SetIter*>(o);
  if (it->set == nullptr) return nullptr;
  {
    gc::CriticalSection cs{it->set};
    SetObject* so = as_set(it->set);
    if (it->pos < 0) return nullptr;
    if (it->used != so->used) {
      set_error(&kRuntimeErrorType, "Set changed size during iteration");
      it->used = -1;
      return nullptr;
    }
    SetEntry* entry;
    ssize_t pos = it->pos;
    if (next_entry(so, &pos, &entry)) {
      it->pos = pos;
      gc::relaxed_store(it->len, it->len - 1);
      return new_ref(entry->key);
    }
    it->pos = -1;
    gc::relaxed_store(it->len, ssize_t{0});
  }
  if constexpr (gc::kIteratorsReleaseExhausted) clear_slot(&it->set);
  return nullptr;
}

void set_iter_dealloc(Object* o) {
  clear_slot(&static_cast<SetIter*>(o)->set);
  generic_free(o);
}

int set_iter_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* it = static_cast<SetIter*>(o);
  return it->set != nullptr ? visit(it->set, arg) : 0;
}

Object* set_iter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs(self->type->name, "__length_hint__", nargs, 0, 0, kwnames)) return nullptr;
  auto* it = static_cast<SetIter*>(self);
  Object* set = it->set;
  ssize_t n = 0;
  if (set != nullptr) {
    gc::CriticalSection cs{set};
    if (it->used == as_set(set)->used) n = it->len;
  }
  return int_from_i64(n);
}

const MethodDef kSetIterMethods[] = {
    {"__length_hint__", set_iter_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- methods ---------------------------------------------------------------------

#define SET_METHOD(name) \
  Object* name(Object* self, Object* const* args, size_t nargs, Object* kwnames)

SET_METHOD(meth_add) {
  if (!method_nargs(set_owner(self), "add", nargs, 1, 1, kwnames)) return nullptr;
  if (set_add(self, args[0]) < 0) return nullptr;
  return new_none();
}

SET_METHOD(meth_clear) {
  if (!method_nargs(set_owner(self), "clear", nargs, 0, 0, kwnames)) return nullptr;
  set_clear_slot(self);
  return new_none();
}

SET_METHOD(meth_copy) {
  if (!method_nargs(set_owner(self), "copy", nargs, 0, 0, kwnames)) return nullptr;
  if (self->type == &kFrozenSetType) return new_ref(self);
  return copy_set(self);
}

// discard/remove: an unhashable set argument is looked up as a frozenset
// (built outside self's section).  1 removed, 0 absent, -1 error.
int discard_with_frozen_retry(Object* self, Object* key) {
  int rv;
  {
    gc::CriticalSection cs{self};
    rv = discard_key(as_set(self), key);
  }
  Ref<> tmp;
  if (rv < 0 && frozen_retry_key(key, &tmp)) {
    if (!tmp) return -1;
    gc::CriticalSection cs{self};
    rv = discard_key(as_set(self), tmp.get());
  }
  return rv;
}

SET_METHOD(meth_discard) {
  if (!method_nargs(set_owner(self), "discard", nargs, 1, 1, kwnames)) return nullptr;
  if (discard_with_frozen_retry(self, args[0]) < 0) return nullptr;
  return new_none();
}

SET_METHOD(meth_remove) {
  if (!method_nargs(set_owner(self), "remove", nargs, 1, 1, kwnames)) return nullptr;
  int rv = discard_with_frozen_retry(self, args[0]);
  if (rv < 0) return nullptr;
  if (rv == 0) {
    set_key_error(args[0]);
    return nullptr;
  }
  return new_none();
}

SET_METHOD(meth_pop) {
  if (!method_nargs(set_owner(self), "pop", nargs, 0, 0, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  SetObject* so = as_set(self);
  if (so->used == 0) {
    set_error(&kKeyErrorType, "pop from an empty set");
    return nullptr;
  }
  SetEntry* entry = so->table + (so->finger & so->mask);
  SetEntry* limit = so->table + so->mask;
  while (entry->key == nullptr || entry->key == kDummy) {
    entry++;
    if (entry > limit) entry = so->table;
  }
  Object* key = entry->key;
  entry->key = kDummy;
  entry->hash = -1;
  store_used(so, so->used - 1);
  so->finger = entry - so->table + 1;
  return key;
}

SET_METHOD(meth_union) {
  if (!method_nargs(set_owner(self), "union", nargs, 0, SIZE_MAX, kwnames)) return nullptr;
  Ref<> result = steal(copy_set(self));
  if (!result) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    if (args[i] == self) continue;
    if (update_internal(as_set(result.get()), args[i]) != 0) return nullptr;
  }
  return result.release();
}

SET_METHOD(meth_update) {
  if (!method_nargs(set_owner(self), "update", nargs, 0, SIZE_MAX, kwnames)) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    if (update_internal(as_set(self), args[i]) != 0) return nullptr;
  }
  return new_none();
}

SET_METHOD(meth_intersection) {
  if (!method_nargs(set_owner(self), "intersection", nargs, 0, SIZE_MAX, kwnames)) return nullptr;
  if (nargs == 0) return copy_set(self);
  Ref<> result = borrow(self);
  for (size_t i = 0; i < nargs; ++i) {
    Ref<> next = steal(intersection(result.get(), args[i]));
    if (!next) return nullptr;
    result = std::move(next);
  }
  return result.release();
}

SET_METHOD(meth_intersection_update) {
  if (!method_nargs(set_owner(self), "intersection_update", nargs, 0, SIZE_MAX, kwnames)) return nullptr;
  Ref<> tmp = steal(meth_intersection(self, args, nargs, kwnames));
  if (!tmp) return nullptr;
  if (tmp.get() != self) {
    gc::CriticalSection cs{self};
    swap_bodies(as_set(self), as_set(tmp.get()));
  }
  return new_none();
}

SET_METHOD(meth_difference) {
  if (!method_nargs(set_owner(self), "difference", nargs, 0, SIZE_MAX, kwnames)) return nullptr;
  if (nargs == 0) return copy_set(self);
  Ref<> result = steal(difference(self, args[0]));
  if (!result) return nullptr;
  for (size_t i = 1; i < nargs; ++i) {
    if (difference_update_internal(as_set(result.get()), args[i]) != 0) return nullptr;
  }
  return result.release();
}

SET_METHOD(meth_difference_update) {
  if (!method_nargs(set_owner(self), "difference_update", nargs, 0, SIZE_MAX, kwnames)) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    if (difference_update_internal(as_set(self), args[i]) != 0) return nullptr;
  }
  return new_none();
}

SET_METHOD(meth_symmetric_difference) {
  if (!method_nargs(set_owner(self), "symmetric_difference", nargs, 1, 1, kwnames)) return nullptr;
  return symmetric_difference(self, args[0]);
}

SET_METHOD(meth_symmetric_difference_update) {
  if (!method_nargs(set_owner(self), "symmetric_difference_update", nargs, 1, 1, kwnames)) return nullptr;
  if (symmetric_difference_update(as_set(self), args[0]) != 0) return nullptr;
  return new_none();
}

Object* bool_result(int r) { return r < 0 ? nullptr : new_bool(r != 0); }

SET_METHOD(meth_issubset) {
  if (!method_nargs(set_owner(self), "issubset", nargs, 1, 1, kwnames)) return nullptr;
  return bool_result(issubset(self, args[0]));
}

SET_METHOD(meth_issuperset) {
  if (!method_nargs(set_owner(self), "issuperset", nargs, 1, 1, kwnames)) return nullptr;
  return bool_result(issuperset(self, args[0]));
}

SET_METHOD(meth_isdisjoint) {
  if (!method_nargs(set_owner(self), "isdisjoint", nargs, 1, 1, kwnames)) return nullptr;
  return bool_result(isdisjoint(self, args[0]));
}




int set_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error(&kTypeErrorType, "set() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    set_error_fmt(&kTypeErrorType, "set expected at most 1 argument, got %d",
                  static_cast<int>(nargs));
    return -1;
  }
  {
    gc::CriticalSection cs{self};
    if (as_set(self)->fill != 0) clear_internal(as_set(self));
  }
  if (nargs == 1) return update_internal(as_set(self), args[0]);
  return 0;
}


Object* set_type_new(Type* type, Object* const*, size_t, Object*) { return alloc_set(type); }

Object* frozenset_type_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &kFrozenSetType && kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error(&kTypeErrorType, "frozenset() takes no keyword arguments");
    return nullptr;
  }
  if (nargs > 1) {
    set_error_fmt(&kTypeErrorType, "frozenset expected at most 1 argument, got %d",
                  static_cast<int>(nargs));
    return nullptr;
  }
  Object* iterable = nargs == 1 ? args[0] : nullptr;
  if (type == &kFrozenSetType && iterable != nullptr && iterable->type == &kFrozenSetType) {
    return new_ref(iterable);
  }
  return make_new_set(type, iterable);
}

const MethodDef kSetMethods[] = {
    {"add", meth_add, kMethodDefault, nullptr},
    {"clear", meth_clear, kMethodDefault, nullptr},
    {"copy", meth_copy, kMethodDefault, nullptr},
    {"discard", meth_discard, kMethodDefault, nullptr},
    {"remove", meth_remove, kMethodDefault, nullptr},
    {"pop", meth_pop, kMethodDefault, nullptr},
    {"union", meth_union, kMethodDefault, nullptr},
    {"update", meth_update, kMethodDefault, nullptr},
    {"intersection", meth_intersection, kMethodDefault, nullptr},
    {"intersection_update", meth_intersection_update, kMethodDefault, nullptr},
    {"difference", meth_difference, kMethodDefault, nullptr},
    {"difference_update", meth_difference_update, kMethodDefault, nullptr},
    {"symmetric_difference", meth_symmetric_difference, kMethodDefault, nullptr},
    {"symmetric_difference_update", meth_symmetric_difference_update, kMethodDefault, nullptr},
    {"issubset", meth_issubset, kMethodDefault, nullptr},
    {"issuperset", meth_issuperset, kMethodDefault, nullptr},
    {"isdisjoint", meth_isdisjoint, kMethodDefault, nullptr},
    {"__class_getitem__", class_getitem_self, kMethodClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kFrozenSetMethods[] = {
    {"copy", meth_copy, kMethodDefault, nullptr},
    {"union", meth_union, kMethodDefault, nullptr},
    {"intersection", meth_intersection, kMethodDefault, nullptr},
    {"difference", meth_difference, kMethodDefault, nullptr},
    {"symmetric_difference", meth_symmetric_difference, kMethodDefault, nullptr},
    {"issubset", meth_issubset, kMethodDefault, nullptr},
    {"issuperset", meth_issuperset, kMethodDefault, nullptr},
    {"isdisjoint", meth_isdisjoint, kMethodDefault, nullptr},
    {"__class_getitem__", class_getitem_self, kMethodClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

NumberMethods g_set_number;
NumberMethods g_frozenset_number;

void init_common(Type* t, const char* name) {
  init_static_type(t, name, sizeof(SetObject));
  t->flags |= kTypeBaseType | kTypeHaveGC;
  t->dealloc = set_dealloc;
  t->repr = set_repr;
  t->richcompare = set_richcompare;
  t->iter = set_iter;
  t->length = set_len;
  t->contains = set_contains_slot;
  t->traverse = set_traverse;
}

}  // namespace

bool set_check(const Object* o) {
  return o->type == &kSetType || o->type == &kFrozenSetType || is_subtype(o->type, &kSetType) ||
         is_subtype(o->type, &kFrozenSetType);
}

bool anyset_check_exact(const Object* o) {
  return o->type == &kSetType || o->type == &kFrozenSetType;
}

Object* set_new(Object* iterable) { return make_new_set(&kSetType, iterable); }

Object* frozenset_new(Object* iterable) {
  if (iterable != nullptr && iterable->type == &kFrozenSetType) return new_ref(iterable);
  return make_new_set(&kFrozenSetType, iterable);
}

int set_add(Object* s, Object* key) {
  gc::CriticalSection cs{s};
  return add_key(as_set(s), key);
}

int set_update(Object* s, Object* iterable) { return update_internal(as_set(s), iterable); }

int set_contains(Object* s, Object* key) { return set_contains_slot(s, key); }

int set_discard(Object* s, Object* key) { return discard_with_frozen_retry(s, key); }

ssize_t set_size(const Object* s) { return unlocked_used(s); }

// Borrowed keys: the caller holds s's critical section (or s is private).
bool set_next(Object* s, ssize_t* pos, Object** key) {
  gc::assert_critical_section_held(s);
  SetEntry* entry;
  if (!next_entry(as_set(s), pos, &entry)) return false;
  *key = entry->key;
  return true;
}

void init_set_types() {
  gc::make_immortal(kDummy);
  for (NumberMethods* n : {&g_set_number, &g_frozenset_number}) {
    n->or_ = set_or;
    n->and_ = set_and;
    n->subtract = set_sub;
    n->xor_ = set_xor;
  }
  g_set_number.inplace_or = set_ior;
  g_set_number.inplace_and = set_iand;
  g_set_number.inplace_subtract = set_isub;
  g_set_number.inplace_xor = set_ixor;

  Type* s = &kSetType;
  init_common(s, "set");
  s->doc = "Build an unordered collection of unique elements.";
  s->methods = kSetMethods;
  s->new_ = set_type_new;
  s->init = set_init;
  s->hash = hash_unhashable;
  s->number = &g_set_number;
  s->clear = set_clear_slot;
  type_ready(s);

  Type* f = &kFrozenSetType;
  init_common(f, "frozenset");
  f->doc = "Build an immutable unordered collection of unique elements.";
  f->methods = kFrozenSetMethods;
  f->new_ = frozenset_type_new;
  f->hash = frozenset_hash;
  f->number = &g_frozenset_number;
  type_ready(f);

  Type* it = &kSetIterType;
  init_static_type(it, "set_iterator", sizeof(SetIter));
  it->flags |= kTypeHaveGC;
  it->methods = kSetIterMethods;
  it->dealloc = set_iter_dealloc;
  it->iter = iter_self;
  it->iternext = set_iter_next;
  it->traverse = set_iter_traverse;
  type_ready(it);
}

}  // namespace conch::vm
