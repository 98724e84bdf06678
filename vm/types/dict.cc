// dict: compact insertion-ordered hash table (layout in vm/types/dict.h).
#include "vm/types/dict.h"

#include <atomic>
#include <cstring>
#include <string>
#include <vector>

#include "gc/critical_section.h"
#include "gc/qsbr.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/container_util.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/str.h"
#include "vm/types/tuple.h"

namespace conch::vm {

Type kDictType;

namespace {

constexpr int32_t kIxEmpty = -1;
constexpr int32_t kIxDummy = -2;
constexpr ssize_t kNotFound = -1;
constexpr ssize_t kLookupError = -3;
constexpr int kLog2MinSize = 3;
constexpr int kLog2MaxSize = 30;  // int32 indices

ssize_t usable_fraction(ssize_t size) { return (size << 1) / 3; }

// Writers of the two lock-free-readable counters (dict.h, "Thread safety");
// callers hold the section.
void set_used(DictObject* d, ssize_t n) { gc::relaxed_store(d->used, n); }
// Versions are unique across all dicts, not only increasing per dict: the
// eval loop's LOAD_GLOBAL cache (vm/eval/inline_cache.h, added by the speed
// helper) keys "this globals dict lacks the name" on a version alone.  Each
// thread takes blocks of 4096 from one counter, so a bump stays a plain
// thread-local increment.  Never 0 (0: a dict never written).
std::atomic<uint64_t> g_dict_version_blocks{1};
constinit thread_local uint64_t t_dict_version_next = 0;
constinit thread_local uint64_t t_dict_version_end = 0;
uint64_t next_dict_version() {
  if (CONCH_UNLIKELY(t_dict_version_next == t_dict_version_end)) {
    uint64_t block = g_dict_version_blocks.fetch_add(1, std::memory_order_relaxed);
    t_dict_version_next = block << 12;
    t_dict_version_end = (block + 1) << 12;
  }
  return t_dict_version_next++;
}
void bump_version(DictObject* d) { gc::relaxed_store(d->version, next_dict_version()); }

int log2_for(ssize_t minsize) {
  int l = kLog2MinSize;
  while (l < 62 && (ssize_t{1} << l) < minsize) ++l;
  return l;
}

DictKeys* keys_alloc(int log2) {
  if (log2 > kLog2MaxSize) return nullptr;
  ssize_t size = ssize_t{1} << log2;
  ssize_t usable = usable_fraction(size);
  size_t bytes = sizeof(DictKeys) + static_cast<size_t>(size) * sizeof(int32_t) +
                 static_cast<size_t>(usable) * sizeof(DictEntry);
  auto* k = static_cast<DictKeys*>(gc::allocate_raw(bytes));
  if (k == nullptr) return nullptr;
  k->log2_size = log2;
  k->usable = usable;
  k->nentries = 0;
  std::memset(k->indices(), 0xff, static_cast<size_t>(size) * sizeof(int32_t));
  return k;
}

size_t find_empty_slot(DictKeys* k, hash_t hash) {
  size_t mask = static_cast<size_t>(k->size()) - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  int32_t* idx = k->indices();
  while (idx[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  return i;
}

// Frees table k, which is no longer d->keys (the caller holds the section,
// or d is dying).  A lock-free reader may still be probing it when a thread
// other than d's owner has read d, or when this writer is not the owner
// (the owner may be reading): then only after every thread has quiesced.
void free_keys(DictObject* d, DictKeys* k) {
  if (k == nullptr) return;
  if (kLockFreeDictReads &&
      (gc::relaxed_load(d->shared_reads) || !gc::is_owned_by_current_thread(d))) {
    gc::qsbr_free(k, gc::free_raw);
  } else {
    gc::free_raw(k);
  }
}

// Appends entry n = {hash, key, value} to k and makes it reachable from
// index slot `slot`.  Release: a lock-free reader that loads the slot (or
// nentries) with acquire sees the entry and the objects it points to.
void publish_entry(DictKeys* k, ssize_t n, size_t slot, hash_t hash, Object* key, Object* value) {
  DictEntry* ep = &k->entries()[n];
  gc::relaxed_store(ep->hash, hash);
  gc::release_store(ep->key, key);
  gc::release_store(ep->value, value);
  gc::release_store(k->nentries, n + 1);
  gc::release_store(k->indices()[slot], static_cast<int32_t>(n));
}

// Rebuilds the table at 2^log2 slots, compacting entries in order.  The new
// table is filled before it is published; the old one is never written
// again (readers probing it see the dict as of now).
int dict_resize(DictObject* d, int log2) {
  DictKeys* nk = keys_alloc(log2);
  if (nk == nullptr) {
    no_memory();
    return -1;
  }
  DictKeys* old = d->keys;
  if (old != nullptr) {
    DictEntry* src = old->entries();
    DictEntry* dst = nk->entries();
    int32_t* idx = nk->indices();
    ssize_t n = 0;
    for (ssize_t i = 0; i < old->nentries; ++i) {
      if (src[i].value == nullptr) continue;
      dst[n] = src[i];
      idx[find_empty_slot(nk, src[i].hash)] = static_cast<int32_t>(n);
      ++n;
    }
    nk->nentries = n;
    nk->usable -= n;
  }
  gc::release_store(d->keys, nk);
  free_keys(d, old);
  return 0;
}

int grow(DictObject* d) {
  if (d->keys == nullptr) return dict_resize(d, kLog2MinSize);
  return dict_resize(d, log2_for(d->used * 3));
}

// Key pairs whose equality needs no Python code: both exact str, or both
// exact machine-word ints.  Sets *eq.
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

// Entry index of key (>= 0, with *slot its index position), kNotFound or
// kLookupError.
ssize_t lookup(DictObject* d, Object* key, hash_t hash, size_t* slot) {
restart:
  DictKeys* k = d->keys;
  if (k == nullptr) return kNotFound;
  size_t mask = static_cast<size_t>(k->size()) - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int32_t ix = k->indices()[i];
    if (ix == kIxEmpty) return kNotFound;
    if (ix >= 0) {
      DictEntry* ep = &k->entries()[ix];
      if (ep->key == key) {
        *slot = i;
        return ix;
      }
      if (ep->hash == hash) {
        Object* startkey = ep->key;
        bool eq;
        if (fast_key_eq(startkey, key, &eq)) {
          if (eq) {
            *slot = i;
            return ix;
          }
        } else {
          incref(startkey);
          int cmp = rich_compare_bool(startkey, key, CompareOp::kEq);
          decref(startkey);
          if (cmp < 0) return kLookupError;
          if (k != d->keys || ep->key != startkey) goto restart;
          if (cmp > 0) {
            *slot = i;
            return ix;
          }
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Inserts or replaces; steals key and value.
int insert(DictObject* d, Object* key, hash_t hash, Object* value) {
  size_t slot;
  ssize_t ix = lookup(d, key, hash, &slot);
  if (ix == kLookupError) {
    decref(key);
    decref(value);
    return -1;
  }
  bump_version(d);
  if (ix >= 0) {
    DictEntry* ep = &d->keys->entries()[ix];
    Object* old = ep->value;
    gc::release_store(ep->value, value);
    decref(key);
    decref(old);
    return 0;
  }
  if (d->keys == nullptr || d->keys->usable <= 0) {
    if (grow(d) < 0) {
      decref(key);
      decref(value);
      return -1;
    }
  }
  DictKeys* k = d->keys;
  publish_entry(k, k->nentries, find_empty_slot(k, hash), hash, key, value);
  k->usable--;
  set_used(d, d->used + 1);
  return 0;
}

// Removes the entry at (ix, slot); returns its key and value (owned).
void remove_entry(DictObject* d, ssize_t ix, size_t slot, Object** key, Object** value) {
  DictEntry* ep = &d->keys->entries()[ix];
  gc::relaxed_store(d->keys->indices()[slot], kIxDummy);
  *key = ep->key;
  *value = ep->value;
  // A reader that still reaches the entry finds no key (or no value) and
  // moves on or retries.
  gc::relaxed_store(ep->key, static_cast<Object*>(nullptr));
  gc::relaxed_store(ep->value, static_cast<Object*>(nullptr));
  set_used(d, d->used - 1);
  bump_version(d);
}

// Borrowed value or null (check has_error()).  Caller holds the section.
Object* lookup_value(Object* o, Object* key, hash_t hash) {
  DictObject* d = as_dict(o);
  size_t slot;
  ssize_t ix = lookup(d, key, hash, &slot);
  if (ix < 0) return nullptr;
  return d->keys->entries()[ix].value;
}

// --- lock-free reads (dict.h, "Thread safety") --------------------------------

enum class Probe { kFound, kAbsent, kLocked };  // kLocked: take the locked path
enum class Match { kYes, kNo, kUnsure };

// A writer's store interleaved with a reader's loads makes it retry; after
// this many it takes the lock (which always decides).
constexpr int kReadAttempts = 4;

// Probes table k (acquire loads throughout) for an entry whose key `match`
// accepts; sets *ix and *ekey (the key pointer compared).
template <class MatchFn>
Probe probe_unlocked(DictKeys* k, hash_t hash, MatchFn match, ssize_t* ix, Object** ekey) {
  size_t mask = static_cast<size_t>(k->size()) - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  int32_t* indices = k->indices();
  DictEntry* entries = k->entries();
  for (;;) {
    int32_t e = gc::acquire_load(indices[i]);
    if (e == kIxEmpty) return Probe::kAbsent;
    if (e >= 0) {
      Object* key = gc::acquire_load(entries[e].key);
      if (key != nullptr) {
        Match m = match(key, gc::relaxed_load(entries[e].hash));
        if (m == Match::kUnsure) return Probe::kLocked;
        if (m == Match::kYes) {
          *ix = e;
          *ekey = key;
          return Probe::kFound;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// Key equality a reader can decide without running Python code.  `ekey`
// may have died since it was loaded: its memory is kept (gc/qsbr.h) and
// exact str / int contents never change, and the caller re-checks the entry.
auto key_matcher(Object* key, hash_t hash) {
  return [key, hash](Object* ekey, hash_t ehash) {
    if (ekey == key) return Match::kYes;
    if (ehash != hash) return Match::kNo;
    bool eq;
    if (!fast_key_eq(ekey, key, &eq)) return Match::kUnsure;
    return eq ? Match::kYes : Match::kNo;
  };
}
// A str key given as text (dict_get_item_str*): other key types decide
// nothing.
auto text_matcher(std::string_view text, hash_t hash) {
  return [text, hash](Object* ekey, hash_t ehash) {
    if (ehash != hash) return Match::kNo;
    if (!str_check_exact(ekey)) return Match::kUnsure;
    return str_view(ekey) == text ? Match::kYes : Match::kNo;
  };
}

// The lock-free lookup: on kFound, *value is a new reference to a value
// that d held for the key (checked after the incref).
template <class MatchFn>
Probe get_unlocked(DictObject* d, hash_t hash, MatchFn match, Object** value) {
  dict_ensure_shared_on_read(d);
  for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
    DictKeys* k = gc::acquire_load(d->keys);
    if (k == nullptr) return Probe::kAbsent;
    ssize_t ix;
    Object* ekey;
    Probe p = probe_unlocked(k, hash, match, &ix, &ekey);
    if (p != Probe::kFound) return p;
    DictEntry* ep = &k->entries()[ix];
    Object* v = gc::acquire_load(ep->value);
    if (v == nullptr || !gc::try_incref(v)) continue;  // deleted or replaced meanwhile
    if (gc::acquire_load(ep->value) == v && gc::acquire_load(ep->key) == ekey &&
        gc::acquire_load(d->keys) == k) {
      *value = v;
      return Probe::kFound;
    }
    decref(v);
  }
  return Probe::kLocked;
}

// Presence only: no value to take, but the entry must still hold the key
// that matched (a dead key's bytes were compared).
Probe contains_unlocked(DictObject* d, Object* key, hash_t hash) {
  dict_ensure_shared_on_read(d);
  for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
    DictKeys* k = gc::acquire_load(d->keys);
    if (k == nullptr) return Probe::kAbsent;
    ssize_t ix;
    Object* ekey;
    Probe p = probe_unlocked(k, hash, key_matcher(key, hash), &ix, &ekey);
    if (p != Probe::kFound || ekey == key) return p;
    if (gc::acquire_load(k->entries()[ix].key) == ekey) return p;
  }
  return Probe::kLocked;
}

DictObject* alloc_dict(Type* type) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  return static_cast<DictObject*>(o);
}

// --- slots ------------------------------------------------------------------

// Drops the references of table k (already unpublished from d) and frees it.
void release_keys(DictObject* d, DictKeys* k) {
  if (k == nullptr) return;
  DictEntry* e = k->entries();
  for (ssize_t i = 0; i < k->nentries; ++i) {
    xdecref(e[i].key);
    xdecref(e[i].value);
  }
  free_keys(d, k);
}

void dict_dealloc(Object* o) {
  DictObject* d = as_dict(o);
  DictKeys* k = d->keys;
  // A reader holding a borrowed pointer to d (an instance __dict__ just
  // replaced) may still load d->keys: unpublish first, free via free_keys.
  gc::release_store(d->keys, static_cast<DictKeys*>(nullptr));
  release_keys(d, k);
  generic_free(o);
}

int dict_traverse(Object* o, VisitFunc visit, void* arg) {
  DictKeys* k = as_dict(o)->keys;
  if (k == nullptr) return 0;
  DictEntry* e = k->entries();
  for (ssize_t i = 0; i < k->nentries; ++i) {
    if (e[i].value == nullptr) continue;
    if (int r = visit(e[i].key, arg)) return r;
    if (int r = visit(e[i].value, arg)) return r;
  }
  return 0;
}

int dict_clear_slot(Object* o) {
  dict_clear(o);
  return 0;
}

Object* dict_repr(Object* o) {
  DictObject* d = as_dict(o);
  if (dict_used(o) == 0) return str_from("{}");
  ReprGuard guard{o};
  if (guard.recursive()) return str_from("{...}");
  gc::CriticalSection cs{o};
  std::string out = "{";
  bool first = true;
  for (ssize_t i = 0; d->keys != nullptr && i < d->keys->nentries; ++i) {
    DictEntry* ep = &d->keys->entries()[i];
    if (ep->value == nullptr) continue;
    Ref<> key = borrow(ep->key);
    Ref<> value = borrow(ep->value);
    if (!first) out += ", ";
    first = false;
    if (!append_repr(&out, key.get())) return nullptr;
    out += ": ";
    if (!append_repr(&out, value.get())) return nullptr;
  }
  out += "}";
  return str_from(out);
}

// 1 equal, 0 not, -1 error.
int dict_equal(Object* a, Object* b) {
  gc::CriticalSection2 cs{a, b};
  DictObject* da = as_dict(a);
  DictObject* db = as_dict(b);
  if (da->used != db->used) return 0;
  for (ssize_t i = 0; da->keys != nullptr && i < da->keys->nentries; ++i) {
    DictEntry* ep = &da->keys->entries()[i];
    if (ep->value == nullptr) continue;
    Ref<> key = borrow(ep->key);
    Ref<> aval = borrow(ep->value);
    hash_t h = ep->hash;
    size_t slot;
    ssize_t ix = lookup(db, key.get(), h, &slot);
    if (ix == kLookupError) return -1;
    if (ix == kNotFound) return 0;
    Ref<> bval = borrow(db->keys->entries()[ix].value);
    int cmp = rich_compare_bool(aval.get(), bval.get(), CompareOp::kEq);
    if (cmp <= 0) return cmp;
  }
  return 1;
}

Object* dict_richcompare(Object* a, Object* b, CompareOp op) {
  if (!dict_check(a) || !dict_check(b) || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return new_ref(not_implemented());
  }
  int r = dict_equal(a, b);
  if (r < 0) return nullptr;
  return new_bool((r == 1) == (op == CompareOp::kEq));
}

ssize_t dict_length(Object* o) { return dict_used(o); }

int dict_contains_slot(Object* o, Object* key) { return dict_contains(o, key); }

Object* dict_subscript(Object* o, Object* key) {
  hash_t h = dict_key_hash(key);
  if (h == -1) return nullptr;
  Object* v = dict_get_item_hashed_ref(o, key, h);
  if (v != nullptr) return v;
  if (has_error()) return nullptr;
  if (!dict_check_exact(o)) {
    Object* missing = type_lookup(o->type, str_intern("__missing__"));
    if (missing != nullptr) return call_args(missing, {o, key});
  }
  set_key_error(key);
  return nullptr;
}

int dict_ass_sub(Object* o, Object* key, Object* value) {
  if (value == nullptr) return dict_del_item(o, key);
  return dict_set_item(o, key, value);
}

Object* dict_iter(Object* o) { return dict_iter_new(o, &kDictKeyIterType); }

// d | other, d |= other (3.9).
Object* dict_or(Object* a, Object* b) {
  if (!dict_check(a) || !dict_check(b)) return new_ref(not_implemented());
  Ref<> out = steal(dict_copy(a));
  if (!out || dict_update(out.get(), b) < 0) return nullptr;
  return out.release();
}

int update_arg(Object* d, Object* arg);

Object* dict_ior(Object* a, Object* b) {
  if (!dict_check(a)) return new_ref(not_implemented());
  if (update_arg(a, b) < 0) return nullptr;
  return new_ref(a);
}

// dict(seq2): items are pairs.
int merge_from_seq2(Object* d, Object* seq2) {
  Ref<> it = steal(get_iter(seq2));
  if (!it) return -1;
  for (ssize_t i = 0;; ++i) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) break;
    Ref<> fast = steal(sequence_fast(item.get(), ""));
    if (!fast) {
      if (error_matches(&kTypeErrorType)) {
        clear_error();
        set_error_fmt(&kTypeErrorType,
                      "cannot convert dictionary update sequence element #%d to a sequence",
                      static_cast<int64_t>(i));
      }
      return -1;
    }
    ssize_t n = sequence_fast_size(fast.get());
    if (n != 2) {
      set_error_fmt(&kValueErrorType,
                    "dictionary update sequence element #%d has length %d; 2 is required",
                    static_cast<int64_t>(i), static_cast<int64_t>(n));
      return -1;
    }
    Object** kv = sequence_fast_items(fast.get());
    Ref<> key = borrow(kv[0]);
    Ref<> value = borrow(kv[1]);
    if (dict_set_item(d, key.get(), value.get()) < 0) return -1;
  }
  return has_error() ? -1 : 0;
}

int update_arg(Object* d, Object* arg) {
  if (dict_check_exact(arg)) return dict_merge(d, arg, true);
  Ref<> keys = steal(lookup_attr(arg, str_intern("keys")));
  if (!keys) {
    if (has_error()) return -1;
    return merge_from_seq2(d, arg);
  }
  return dict_merge(d, arg, true);
}

// Shared by dict.__init__ and dict.update: (arg?, **kwargs).
int update_common(Object* self, Object* const* args, size_t nargs, Object* kwnames,
                  const char* fname) {
  if (nargs > 1) {
    set_error_fmt(&kTypeErrorType, "%s expected at most 1 argument, got %d", fname,
                  static_cast<int>(nargs));
    return -1;
  }
  if (nargs == 1 && update_arg(self, args[0]) < 0) return -1;
  if (kwnames != nullptr) {
    ssize_t nk = tuple_size(kwnames);
    for (ssize_t i = 0; i < nk; ++i) {
      if (dict_set_item(self, tuple_get(kwnames, i), args[nargs + i]) < 0) return -1;
    }
  }
  return 0;
}

int dict_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return update_common(self, args, nargs, kwnames, "dict");
}

Object* dict_type_new(Type* type, Object* const*, size_t, Object*) { return alloc_dict(type); }

// --- methods ----------------------------------------------------------------

#define DICT_METHOD(name) \
  Object* name(Object* self, Object* const* args, size_t nargs, Object* kwnames)

DICT_METHOD(meth_get) {
  if (!method_nargs("dict", "get", nargs, 1, 2, kwnames)) return nullptr;
  Object* v = dict_get_item_ref(self, args[0]);
  if (v != nullptr || has_error()) return v;
  return new_ref(nargs > 1 ? args[1] : kNone);
}

DICT_METHOD(meth_setdefault) {
  if (!method_nargs("dict", "setdefault", nargs, 1, 2, kwnames)) return nullptr;
  Object* dflt = nargs > 1 ? args[1] : kNone;
  hash_t h = dict_key_hash(args[0]);
  if (h == -1) return nullptr;
  gc::CriticalSection cs{self};
  Object* v = lookup_value(self, args[0], h);
  if (v != nullptr) return new_ref(v);
  if (has_error()) return nullptr;
  if (insert(as_dict(self), new_ref(args[0]), h, new_ref(dflt)) < 0) return nullptr;
  return new_ref(dflt);
}

DICT_METHOD(meth_pop) {
  if (!method_nargs("dict", "pop", nargs, 1, 2, kwnames)) return nullptr;
  Object* v = dict_pop_item(self, args[0], nargs == 1);
  if (v != nullptr || has_error()) return v;
  return new_ref(args[1]);
}

DICT_METHOD(meth_popitem) {
  if (!method_nargs("dict", "popitem", nargs, 0, 0, kwnames)) return nullptr;
  Object *key, *value;
  {
    gc::CriticalSection cs{self};
    DictObject* d = as_dict(self);
    if (d->used == 0) {
      set_error(&kKeyErrorType, "popitem(): dictionary is empty");
      return nullptr;
    }
    DictKeys* k = d->keys;
    ssize_t i = k->nentries - 1;
    while (i >= 0 && k->entries()[i].value == nullptr) --i;
    DictEntry* ep = &k->entries()[i];
    size_t slot;
    // The entry's index slot: follow its probe sequence to the index i.
    size_t mask = static_cast<size_t>(k->size()) - 1;
    size_t perturb = static_cast<size_t>(ep->hash);
    slot = static_cast<size_t>(ep->hash) & mask;
    while (k->indices()[slot] != i) {
      perturb >>= 5;
      slot = (slot * 5 + perturb + 1) & mask;
    }
    remove_entry(d, i, slot, &key, &value);
    gc::relaxed_store(k->nentries, i);
  }
  Object* t = tuple_new(2);
  if (t == nullptr) {
    decref(key);
    decref(value);
    return nullptr;
  }
  tuple_init_item(t, 0, key);
  tuple_init_item(t, 1, value);
  return t;
}

DICT_METHOD(meth_keys) {
  if (!method_nargs("dict", "keys", nargs, 0, 0, kwnames)) return nullptr;
  return dict_view_new(self, &kDictKeysType);
}
DICT_METHOD(meth_values) {
  if (!method_nargs("dict", "values", nargs, 0, 0, kwnames)) return nullptr;
  return dict_view_new(self, &kDictValuesType);
}
DICT_METHOD(meth_items) {
  if (!method_nargs("dict", "items", nargs, 0, 0, kwnames)) return nullptr;
  return dict_view_new(self, &kDictItemsType);
}

DICT_METHOD(meth_update) {
  if (update_common(self, args, nargs, kwnames, "update") < 0) return nullptr;
  return new_none();
}


DICT_METHOD(meth_copy) {
  if (!method_nargs("dict", "copy", nargs, 0, 0, kwnames)) return nullptr;
  return dict_copy(self);
}

DICT_METHOD(meth_clear) {
  if (!method_nargs("dict", "clear", nargs, 0, 0, kwnames)) return nullptr;
  dict_clear(self);
  return new_none();
}

// dict.fromkeys(iterable, value=None): self is the class.
DICT_METHOD(meth_fromkeys) {
  if (!method_nargs("dict", "fromkeys", nargs, 1, 2, kwnames)) return nullptr;
  Object* value = nargs > 1 ? args[1] : kNone;
  Ref<> d = steal(call(self, nullptr, 0));
  if (!d) return nullptr;
  Ref<> it = steal(get_iter(args[0]));
  if (!it) return nullptr;
  bool exact = dict_check_exact(d.get());
  for (;;) {
    Ref<> key = steal(iter_next(it.get()));
    if (!key) break;
    int r = exact ? dict_set_item(d.get(), key.get(), value) : setitem(d.get(), key.get(), value);
    if (r < 0) return nullptr;
  }
  if (has_error()) return nullptr;
  return d.release();
}







DICT_METHOD(meth_reversed) {
  if (!method_nargs("dict", "__reversed__", nargs, 0, 0, kwnames)) return nullptr;
  return dict_iter_new(self, &kDictRevKeyIterType);
}

const MethodDef kDictMethods[] = {
    {"get", meth_get, kMethodDefault, nullptr},
    {"setdefault", meth_setdefault, kMethodDefault, nullptr},
    {"pop", meth_pop, kMethodDefault, nullptr},
    {"popitem", meth_popitem, kMethodDefault, nullptr},
    {"keys", meth_keys, kMethodDefault, nullptr},
    {"values", meth_values, kMethodDefault, nullptr},
    {"items", meth_items, kMethodDefault, nullptr},
    {"update", meth_update, kMethodDefault, nullptr},
    {"copy", meth_copy, kMethodDefault, nullptr},
    {"clear", meth_clear, kMethodDefault, nullptr},
    {"fromkeys", meth_fromkeys, kMethodClass, nullptr},
    {"__reversed__", meth_reversed, kMethodDefault, nullptr},
    {"__class_getitem__", class_getitem_self, kMethodClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

NumberMethods g_dict_number;

}  // namespace

// --- the contract -------------------------------------------------------------

hash_t dict_key_hash(Object* key) {
  if (str_check_exact(key)) {
    hash_t h = as_str(key)->hash.load(std::memory_order_relaxed);
    if (h != -1) return h;
    return str_hash(key);
  }
  return hash(key);
}

Object* dict_new() {
  DictObject* d = alloc_dict(&kDictType);
  return d;
}

Object* dict_get_item_hashed(Object* o, Object* key, hash_t hash) {
  gc::CriticalSection cs{o};
  return lookup_value(o, key, hash);
}

void dict_mark_shared_reads(DictObject* d) {
  gc::CriticalSection cs{d};
  gc::relaxed_store(d->shared_reads, true);
}

Object* dict_get_item_hashed_ref(Object* o, Object* key, hash_t hash) {
  if constexpr (kLockFreeDictReads) {
    Object* v = nullptr;
    Probe p = get_unlocked(as_dict(o), hash, key_matcher(key, hash), &v);
    if (p != Probe::kLocked) return v;
  }
  gc::CriticalSection cs{o};
  Object* v = lookup_value(o, key, hash);
  return v != nullptr ? new_ref(v) : nullptr;
}

Object* dict_get_item(Object* d, Object* key) {
  hash_t h = dict_key_hash(key);
  if (h == -1) return nullptr;
  return dict_get_item_hashed(d, key, h);
}

Object* dict_get_item_ref(Object* o, Object* key) {
  hash_t h = dict_key_hash(key);
  if (h == -1) return nullptr;
  return dict_get_item_hashed_ref(o, key, h);
}

// Probes for a str key given as text, without creating a str.  Returns
// true when the probe was conclusive (*value set, null if absent); false
// when a key of another type with the same hash needs a real comparison.
static bool lookup_text(DictObject* d, std::string_view text, hash_t hash, Object** value) {
  *value = nullptr;
  DictKeys* k = d->keys;
  if (k == nullptr) return true;
  size_t mask = static_cast<size_t>(k->size()) - 1;
  size_t perturb = static_cast<size_t>(hash);
  size_t i = static_cast<size_t>(hash) & mask;
  for (;;) {
    int32_t ix = k->indices()[i];
    if (ix == kIxEmpty) return true;
    if (ix >= 0) {
      DictEntry* ep = &k->entries()[ix];
      if (ep->hash == hash) {
        if (!str_check_exact(ep->key)) return false;
        if (str_view(ep->key) == text) {
          *value = ep->value;
          return true;
        }
      }
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

Object* dict_get_item_str(Object* d, std::string_view key) {
  {
    gc::CriticalSection cs{d};
    Object* v;
    if (lookup_text(as_dict(d), key, hash_bytes(key), &v)) return v;
  }
  Object* k = str_intern(key);
  if (k == nullptr) {
    clear_error();
    return nullptr;
  }
  Object* v = dict_get_item(d, k);
  if (v == nullptr && has_error()) clear_error();
  return v;
}

Object* dict_get_item_str_ref(Object* d, std::string_view key) {
  if constexpr (kLockFreeDictReads) {
    hash_t h = hash_bytes(key);
    Object* v = nullptr;
    Probe p = get_unlocked(as_dict(d), h, text_matcher(key, h), &v);
    if (p != Probe::kLocked) return v;
  }
  {
    gc::CriticalSection cs{d};
    Object* v;
    if (lookup_text(as_dict(d), key, hash_bytes(key), &v)) return v != nullptr ? new_ref(v) : v;
  }
  Object* k = str_intern(key);
  if (k == nullptr) {
    clear_error();
    return nullptr;
  }
  Object* v = dict_get_item_ref(d, k);
  if (v == nullptr && has_error()) clear_error();
  return v;
}

int dict_set_item_hashed(Object* d, Object* key, hash_t hash, Object* value) {
  gc::CriticalSection cs{d};
  return insert(as_dict(d), new_ref(key), hash, new_ref(value));
}

int dict_set_item(Object* d, Object* key, Object* value) {
  hash_t h = dict_key_hash(key);
  if (h == -1) return -1;
  return dict_set_item_hashed(d, key, h, value);
}

int dict_hint_store(Object* o, uint64_t ix, Object* key, Object* value) {
  Object* old;
  {
    gc::CriticalSection cs{o};
    DictObject* d = as_dict(o);
    DictKeys* k = d->keys;
    if (k == nullptr || ix >= static_cast<uint64_t>(k->nentries)) return 0;
    DictEntry* ep = &k->entries()[ix];
    if (ep->key != key) return 0;
    bump_version(d);  // as insert(): a replaced value is a mutation too
    old = ep->value;
    gc::release_store(ep->value, new_ref(value));
  }
  decref(old);  // outside the section: a __del__ may touch the dict
  return 1;
}

int dict_set_item_str(Object* d, std::string_view key, Object* value) {
  Object* k = str_intern(key);
  if (k == nullptr) return -1;
  return dict_set_item(d, k, value);
}

Object* dict_pop_item(Object* o, Object* key, bool raise_missing) {
  hash_t h = dict_key_hash(key);
  if (h == -1) return nullptr;
  Object *k, *v;
  {
    gc::CriticalSection cs{o};
    DictObject* d = as_dict(o);
    size_t slot;
    ssize_t ix = lookup(d, key, h, &slot);
    if (ix == kLookupError) return nullptr;
    if (ix == kNotFound) {
      if (raise_missing) set_key_error(key);
      return nullptr;
    }
    remove_entry(d, ix, slot, &k, &v);
  }
  decref(k);
  return v;
}

int dict_del_item(Object* d, Object* key) {
  Object* v = dict_pop_item(d, key, true);
  if (v == nullptr) return -1;
  decref(v);
  return 0;
}

int dict_contains_hashed(Object* o, Object* key, hash_t hash) {
  if constexpr (kLockFreeDictReads) {
    Probe p = contains_unlocked(as_dict(o), key, hash);
    if (p != Probe::kLocked) return p == Probe::kFound ? 1 : 0;
  }
  gc::CriticalSection cs{o};
  size_t slot;
  ssize_t ix = lookup(as_dict(o), key, hash, &slot);
  if (ix == kLookupError) return -1;
  return ix >= 0 ? 1 : 0;
}

int dict_contains(Object* d, Object* key) {
  hash_t h = dict_key_hash(key);
  if (h == -1) return -1;
  return dict_contains_hashed(d, key, h);
}

ssize_t dict_size(const Object* d) { return dict_used(d); }

bool dict_next_hashed(Object* o, ssize_t* pos, Object** key, Object** value, hash_t* hash) {
  DictKeys* k = as_dict(o)->keys;
  if (k == nullptr) return false;
  ssize_t i = *pos;
  DictEntry* e = k->entries();
  while (i < k->nentries && e[i].value == nullptr) ++i;
  if (i >= k->nentries) return false;
  *pos = i + 1;
  if (key != nullptr) *key = e[i].key;
  if (value != nullptr) *value = e[i].value;
  if (hash != nullptr) *hash = e[i].hash;
  return true;
}

bool dict_next(Object* d, ssize_t* pos, Object** key, Object** value) {
  return dict_next_hashed(d, pos, key, value, nullptr);
}

bool dict_next_hashed_ref(Object* d, ssize_t* pos, Object** key, Object** value, hash_t* hash) {
  gc::CriticalSection cs{d};
  Object *k, *v;
  if (!dict_next_hashed(d, pos, &k, &v, hash)) return false;
  if (key != nullptr) *key = new_ref(k);
  if (value != nullptr) *value = new_ref(v);
  return true;
}

bool dict_next_ref(Object* d, ssize_t* pos, Object** key, Object** value) {
  return dict_next_hashed_ref(d, pos, key, value, nullptr);
}

int dict_merge(Object* a, Object* b, bool override) {
  if (dict_check(b) && b->type->iter == kDictType.iter) {
    if (a == b) return 0;
    gc::CriticalSection2 cs{a, b};
    DictObject* db = as_dict(b);
    DictObject* da = as_dict(a);
    if (db->used == 0) return 0;
    // One resize up front when the target would have to grow.
    ssize_t need = da->used + db->used;
    if (da->keys == nullptr || da->keys->usable < db->used) {
      if (dict_resize(da, log2_for(need * 3 / 2 + 1)) < 0) return -1;
    }
    DictKeys* kb = db->keys;
    ssize_t n = kb->nentries;
    for (ssize_t i = 0; i < n; ++i) {
      DictEntry* ep = &kb->entries()[i];
      if (ep->value == nullptr) continue;
      Ref<> key = borrow(ep->key);
      Ref<> value = borrow(ep->value);
      hash_t h = ep->hash;
      bool present = false;
      if (!override) {
        present = lookup_value(a, key.get(), h) != nullptr;
        if (!present && has_error()) return -1;
      }
      if (!present && insert(da, key.release(), h, value.release()) < 0) return -1;
      // A key's __eq__ may have mutated b (and freed kb): re-check first.
      if (db->keys != kb || kb->nentries != n) {
        set_error(&kRuntimeErrorType, "dict mutated during update");
        return -1;
      }
    }
    return 0;
  }
  // A generic mapping: keys() then b[key].
  Ref<> keys = steal(call_method(b, "keys", {}));
  if (!keys) return -1;
  Ref<> it = steal(get_iter(keys.get()));
  if (!it) return -1;
  for (;;) {
    Ref<> key = steal(iter_next(it.get()));
    if (!key) break;
    if (!override) {
      int r = dict_contains(a, key.get());
      if (r < 0) return -1;
      if (r > 0) continue;
    }
    Ref<> value = steal(getitem(b, key.get()));
    if (!value || dict_set_item(a, key.get(), value.get()) < 0) return -1;
  }
  return has_error() ? -1 : 0;
}

int dict_update(Object* d, Object* other) { return update_arg(d, other); }

Object* dict_copy(Object* o) {
  Ref<> out = steal(dict_new());
  if (!out || dict_merge(out.get(), o, true) < 0) return nullptr;
  return out.release();
}

namespace {
Object* dict_to_list(Object* o, int which) {
  gc::CriticalSection cs{o};
  DictObject* d = as_dict(o);
  Object* l = list_new(d->used);
  if (l == nullptr) return nullptr;
  ssize_t pos = 0, j = 0;
  Object *k, *v;
  while (dict_next(o, &pos, &k, &v)) {
    Object* item;
    if (which == 0) {
      item = new_ref(k);
    } else if (which == 1) {
      item = new_ref(v);
    } else {
      item = tuple_pack({k, v});
      if (item == nullptr) {
        decref(l);
        return nullptr;
      }
    }
    list_init_item(l, j++, item);
  }
  return l;
}
}  // namespace

Object* dict_keys_list(Object* d) { return dict_to_list(d, 0); }
Object* dict_values_list(Object* d) { return dict_to_list(d, 1); }
Object* dict_items_list(Object* d) { return dict_to_list(d, 2); }

void dict_clear(Object* o) {
  DictKeys* k;
  {
    gc::CriticalSection cs{o};
    DictObject* d = as_dict(o);
    k = d->keys;
    gc::release_store(d->keys, static_cast<DictKeys*>(nullptr));
    set_used(d, 0);
    bump_version(d);
  }
  release_keys(as_dict(o), k);
}

void init_dict_types() {
  g_dict_number.or_ = dict_or;
  g_dict_number.inplace_or = dict_ior;

  Type* t = &kDictType;
  init_static_type(t, "dict", sizeof(DictObject));
  t->flags |= kTypeBaseType | kTypeDictSubclass | kTypeHaveGC;
  t->doc = "Built-in mapping type.";
  t->methods = kDictMethods;
  t->dealloc = dict_dealloc;
  t->new_ = dict_type_new;
  t->init = dict_init;
  t->repr = dict_repr;
  t->hash = hash_unhashable;
  t->richcompare = dict_richcompare;
  t->iter = dict_iter;
  t->length = dict_length;
  t->getitem = dict_subscript;
  t->setitem = dict_ass_sub;
  t->contains = dict_contains_slot;
  t->number = &g_dict_number;
  t->traverse = dict_traverse;
  t->clear = dict_clear_slot;
  type_ready(t);
  init_dict_view_types();
}

}  // namespace conch::vm
