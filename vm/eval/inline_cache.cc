// The slow paths of the inline caches: the full lookup, then a cache fill
// (the protocol is in inline_cache.h).
#include "vm/eval/inline_cache.h"

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/eval/eval_helpers.h"
#include "vm/eval/function.h"
#include "vm/typeobject.h"

namespace conch::vm {

ssize_t member_descr_offset(Object* descr);  // classdescr.cc

namespace {

constexpr int64_t kNotCacheable = -2;

// Entry index of the key `name` itself in dict d; -1 when the name is
// absent; kNotCacheable when an equal-hash key that is not `name` sits on
// the probe path (identity cannot decide) or the index does not fit.
int64_t dict_identity_index(Object* d, Object* name) {
  hash_t h = as_str(name)->hash.load(std::memory_order_relaxed);
  if (h == -1) return kNotCacheable;
  gc::CriticalSection cs{d};
  DictKeys* k = as_dict(d)->keys;
  if (k == nullptr) return -1;
  size_t mask = static_cast<size_t>(k->size()) - 1;
  size_t perturb = static_cast<size_t>(h);
  size_t i = static_cast<size_t>(h) & mask;
  for (;;) {
    int32_t ix = k->indices()[i];
    if (ix == -1) return -1;
    if (ix >= 0) {
      DictEntry& e = k->entries()[ix];
      if (e.key == name) return ix < (1 << kCachePayloadBits) ? ix : kNotCacheable;
      if (e.hash == h) return kNotCacheable;
    }
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}

// (mro position << 20 | entry index) of the first dict along t's MRO that
// holds `name`; false when there is none or it cannot be encoded.
bool mro_position(Type* t, Object* name, uint32_t* payload) {
  Object* mro = t->mro;
  if (mro == nullptr) return false;
  ssize_t n = tuple_size(mro);
  for (ssize_t pos = 0; pos < n && pos < 256; ++pos) {
    auto* b = static_cast<Type*>(tuple_items(mro)[pos]);
    if (b->dict == nullptr) continue;
    int64_t ix = dict_identity_index(b->dict, name);
    if (ix == -1) continue;
    if (ix < 0 || ix >= (1 << kCacheIxBits)) return false;
    *payload = static_cast<uint32_t>(pos << kCacheIxBits) | static_cast<uint32_t>(ix);
    return true;
  }
  return false;
}

bool cacheable_name(Object* name) { return str_check_exact(name); }

// Records attribute way w (0: nothing): replaces the way of the same
// version, else pushes the others down one and puts w first.
void cache_insert(InlineCache* c, uint64_t w) {
  if (w == 0) return;
  int i = 0;
  while (i < kCacheWays - 1 && cache_version(gc::relaxed_load(c->ways[i])) != cache_version(w)) ++i;
  for (; i > 0; --i) gc::relaxed_store(c->ways[i], gc::relaxed_load(c->ways[i - 1]));
  gc::relaxed_store(c->ways[0], w);
}

// The entry for reading attribute `name` of `owner` whose type t was at
// `version` when `descr` (borrowed, nullable) was looked up; 0: none.
// for_method: a function or method descriptor becomes kCacheMethod.
uint64_t read_entry(Type* t, uint32_t version, Object* owner, Object* name, Object* descr,
                    bool for_method) {
  if (descr != nullptr && descr->type == &kMemberDescrType) {
    ssize_t off = member_descr_offset(descr);
    if (off <= 0 || off >= (1 << kCachePayloadBits)) return 0;
    return cache_word(version, kCacheSlot, static_cast<uint32_t>(off));
  }
  if (descr != nullptr && descr->type->descr_set != nullptr) return 0;  // data descriptor
  int64_t ix = -1;
  if (Ref<> d = steal(instance_dict_ref_of(owner, t)); d) ix = dict_identity_index(d.get(), name);
  if (ix >= 0) return cache_word(version, kCacheInstanceDict, static_cast<uint32_t>(ix));
  if (ix != -1 || descr == nullptr) return 0;
  uint32_t payload;
  if (for_method && (descr->type == &kFunctionType || descr->type == &kMethodDescrType)) {
    return mro_position(t, name, &payload) ? cache_word(version, kCacheMethod, payload) : 0;
  }
  // A plain class attribute.  Only values of static types: their types can
  // never gain a __get__ later, which the owner's version would not see.
  if (descr->type->descr_get == nullptr && !(descr->type->flags & kTypeHeapType)) {
    return mro_position(t, name, &payload) ? cache_word(version, kCacheClassValue, payload) : 0;
  }
  return 0;
}

// Fills c for a read of `name` on `owner` (before the real lookup runs).
// Returns -1 when type_lookup raised.
int fill_read(InlineCache* c, Object* owner, Object* name, bool for_method) {
  Type* t = owner->type;
  uint32_t version = type_version(t);  // before the lookup: a later change misses
  // An exact module reads as generic_getattr does (module_getattr only adds
  // the module's __getattr__ hook for names found nowhere, never cached):
  // `math.sqrt` is an entry of the module's __dict__ (its dictoffset).
  bool generic = t->getattr == generic_getattr || t == &kModuleType;
  if (version == 0 || !generic || !cacheable_name(name)) return 0;
  Object* descr = type_lookup(t, name);
  if (descr == nullptr && has_error()) return -1;
  Ref<> keep = borrow(descr);
  uint64_t w = read_entry(t, version, owner, name, descr, for_method);
  cache_insert(c, w);
  return 0;
}

}  // namespace

Object* load_attr_fill(InlineCache* c, Object* owner, Object* name) {
  if (fill_read(c, owner, name, false) < 0) return nullptr;
  return getattr(owner, name);
}

int load_method_fill(InlineCache* c, Object* owner, Object* name, Object** meth) {
  if (fill_read(c, owner, name, true) < 0) return -1;
  return lookup_method(owner, name, meth);
}

int store_attr_fill(InlineCache* c, Object* owner, Object* name, Object* v) {
  Type* t = owner->type;
  uint32_t version = type_version(t);
  if (version != 0 && t->setattr == generic_setattr && cacheable_name(name)) {
    Object* descr = type_lookup(t, name);
    if (descr == nullptr && has_error()) return -1;
    Ref<> keep = borrow(descr);
    uint64_t w = 0;
    if (descr != nullptr && descr->type == &kMemberDescrType) {
      ssize_t off = member_descr_offset(descr);
      if (off > 0 && off < (1 << kCachePayloadBits)) {
        w = cache_word(version, kCacheStoreSlot, static_cast<uint32_t>(off));
      }
    } else if ((descr == nullptr || descr->type->descr_set == nullptr) && t->dictoffset > 0) {
      // Stored first, so the hint names the entry the store used.
      if (setattr(owner, name, v) < 0) return -1;
      int64_t ix = -1;
      if (Ref<> d = steal(instance_dict_ref_of(owner, t)); d) ix = dict_identity_index(d.get(), name);
      cache_insert(c, cache_word(version, kCacheStoreDict, ix >= 0 ? static_cast<uint32_t>(ix) : 0));
      return 0;
    }
    cache_insert(c, w);
  }
  return setattr(owner, name, v);
}

Object* load_global_fill(InlineCache* c, Object* globals, Object* builtins, Object* name) {
  // Read before the lookup: a store to globals after it changes the version.
  uint64_t gv = dict_version(globals);
  Object* v = dict_get_item_ref(globals, name);
  if (v != nullptr) {
    if (cacheable_name(name)) {
      int64_t ix = dict_identity_index(globals, name);
      if (ix >= 0) gc::relaxed_store(c->ways[0], (static_cast<uint64_t>(ix) << 4) | kCacheGlobal);
    }
    return v;
  }
  if (has_error()) return nullptr;
  v = dict_get_item_ref(builtins, name);
  if (v == nullptr) {
    if (!has_error()) raise_name_error(name);
    return nullptr;
  }
  if (gv != 0 && cacheable_name(name)) {
    int64_t ix = dict_identity_index(builtins, name);
    if (ix >= 0) {
      gc::relaxed_store(c->ways[1], gv);
      gc::relaxed_store(c->ways[0], (static_cast<uint64_t>(ix) << 4) | kCacheBuiltin);
    }
  }
  return v;
}

}  // namespace conch::vm
