// dict views (keys/values/items) and dict iterators.
//
// A view holds a reference to its dict and reads it live.  An iterator
// remembers the dict's size when it started (`used`) and how many items it
// has left to give (`len`), so it detects, as CPython does, both "dictionary
// changed size during iteration" and a same-size mutation that replaced keys
// ("dictionary keys changed during iteration").  The items iterator reuses
// its result tuple when the consumer dropped it (refcount 1), as CPython.
//
// Thread safety: an iterator's mutable fields (pos, len, used, result) are
// guarded by its DICT's critical section, so two threads calling next() on
// one iterator are serialised by the dict's lock, and a step produces the
// key/value as new references before leaving it.  The dict pointer itself
// is read without a lock, so in the free-threaded build it never changes
// until the iterator dies (gc::kIteratorsReleaseExhausted): exhaustion is
// recorded as pos == kExhausted instead.  The GIL build drops the dict at
// once, as CPython does.
#include <cstdint>
#include <string>

#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/container_util.h"
#include "vm/types/dict.h"
#include "vm/types/list.h"
#include "vm/types/tuple.h"

namespace conch::vm {

Type kDictKeysType;
Type kDictValuesType;
Type kDictItemsType;
Type kDictKeyIterType;
Type kDictValueIterType;
Type kDictItemIterType;
Type kDictRevKeyIterType;
Type kDictRevValueIterType;
Type kDictRevItemIterType;

namespace {

struct DictView : Object {
  Object* dict;
};

constexpr ssize_t kExhausted = PTRDIFF_MIN;  // DictIter::pos once done

struct DictIter : Object {
  Object* dict;  // null once exhausted (GIL build only)
  ssize_t used;  // dict size at creation; -1 after a size error (sticky)
  ssize_t pos;
  ssize_t len;   // items left
  Object* result;  // reusable (key, value) tuple, items iterators only
};

enum class Kind { kKeys, kValues, kItems };

Kind iter_kind(const Type* t) {
  if (t == &kDictKeyIterType || t == &kDictRevKeyIterType) return Kind::kKeys;
  if (t == &kDictValueIterType || t == &kDictRevValueIterType) return Kind::kValues;
  return Kind::kItems;
}

bool is_set_view(const Object* o) {
  return o->type == &kDictKeysType || o->type == &kDictItemsType;
}

Object* view_dict(Object* v) { return static_cast<DictView*>(v)->dict; }

// --- iterators ------------------------------------------------------------------

Object* make_item(DictIter* it, Object* key, Object* value) {
  Object* r = it->result;
  // Only when no other thread can see the tuple (free-threaded: the
  // consumer may have handed it to another thread that still holds it).
  if (r != nullptr && gc::is_uniquely_referenced(r)) {
    Object* ok = tuple_get(r, 0);
    Object* ov = tuple_get(r, 1);
    tuple_init_item(r, 0, new_ref(key));
    tuple_init_item(r, 1, new_ref(value));
    decref(ok);
    decref(ov);
    return new_ref(r);
  }
  return tuple_pack({key, value});
}

Object* iter_produce(DictIter* it, Object* key, Object* value) {
  switch (iter_kind(it->type)) {
    case Kind::kKeys: return new_ref(key);
    case Kind::kValues: return new_ref(value);
    case Kind::kItems: return make_item(it, key, value);
  }
  return nullptr;
}

// One step; *exhausted set when the iterator should drop its dict.
Object* iter_step(DictIter* it, bool reverse, bool* exhausted) {
  Object* d = it->dict;
  gc::CriticalSection cs{d};
  DictObject* dict = as_dict(d);
  if (it->pos == kExhausted) {
    *exhausted = true;
    return nullptr;
  }
  if (it->used != dict->used) {
    set_error(&kRuntimeErrorType, "dictionary changed size during iteration");
    it->used = -1;
    return nullptr;
  }
  DictKeys* k = dict->keys;
  ssize_t n = k != nullptr ? k->nentries : 0;
  ssize_t i = it->pos;
  if (reverse) {
    if (i >= n) i = n - 1;
    while (i >= 0 && k->entries()[i].value == nullptr) --i;
    if (i < 0) {
      *exhausted = true;
      it->pos = kExhausted;
      return nullptr;
    }
  } else {
    while (i < n && k->entries()[i].value == nullptr) ++i;
    if (i >= n) {
      *exhausted = true;
      it->pos = kExhausted;
      return nullptr;
    }
  }
  if (it->len == 0) {
    set_error(&kRuntimeErrorType, "dictionary keys changed during iteration");
    *exhausted = true;
    it->pos = kExhausted;
    return nullptr;
  }
  it->pos = reverse ? i - 1 : i + 1;
  it->len--;
  DictEntry* ep = &k->entries()[i];
  return iter_produce(it, ep->key, ep->value);
}

Object* iter_next_impl(Object* o, bool reverse) {
  auto* it = static_cast<DictIter*>(o);
  if (it->dict == nullptr) return nullptr;
  bool exhausted = false;
  Object* r = iter_step(it, reverse, &exhausted);
  if (exhausted && gc::kIteratorsReleaseExhausted) clear_slot(&it->dict);
  return r;
}

Object* iter_next_fwd(Object* o) { return iter_next_impl(o, false); }
Object* iter_next_rev(Object* o) { return iter_next_impl(o, true); }

void iter_dealloc(Object* o) {
  auto* it = static_cast<DictIter*>(o);
  clear_slot(&it->dict);
  clear_slot(&it->result);
  generic_free(o);
}

int iter_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* it = static_cast<DictIter*>(o);
  if (it->dict != nullptr) {
    if (int r = visit(it->dict, arg)) return r;
  }
  return it->result != nullptr ? visit(it->result, arg) : 0;
}

Object* iter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs(self->type->name, "__length_hint__", nargs, 0, 0, kwnames)) return nullptr;
  auto* it = static_cast<DictIter*>(self);
  ssize_t n = 0;
  if (Object* d = it->dict; d != nullptr) {
    gc::CriticalSection cs{d};
    if (it->pos != kExhausted && it->used == as_dict(d)->used) n = it->len;
  }
  return int_from_i64(n);
}

const MethodDef kIterMethods[] = {
    {"__length_hint__", iter_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- views -----------------------------------------------------------------------

void view_dealloc(Object* o) {
  clear_slot(&static_cast<DictView*>(o)->dict);
  generic_free(o);
}

int view_traverse(Object* o, VisitFunc visit, void* arg) {
  return visit(view_dict(o), arg);
}

ssize_t view_len(Object* o) { return dict_size(view_dict(o)); }

Type* forward_iter_type(const Type* view) {
  if (view == &kDictKeysType) return &kDictKeyIterType;
  if (view == &kDictValuesType) return &kDictValueIterType;
  return &kDictItemIterType;
}

Type* reverse_iter_type(const Type* view) {
  if (view == &kDictKeysType) return &kDictRevKeyIterType;
  if (view == &kDictValuesType) return &kDictRevValueIterType;
  return &kDictRevItemIterType;
}

Object* view_iter(Object* o) { return dict_iter_new(view_dict(o), forward_iter_type(o->type)); }

int keys_contains(Object* o, Object* key) { return dict_contains(view_dict(o), key); }

int items_contains(Object* o, Object* item) {
  if (!tuple_check(item) || tuple_size(item) != 2) return 0;
  Object* found = dict_get_item_ref(view_dict(o), tuple_get(item, 0));
  if (found == nullptr) return has_error() ? -1 : 0;
  Ref<> f = steal(found);
  return rich_compare_bool(f.get(), tuple_get(item, 1), CompareOp::kEq);
}

int values_contains(Object* o, Object* value) {
  Ref<> it = steal(view_iter(o));
  if (!it) return -1;
  for (;;) {
    Ref<> v = steal(iter_next(it.get()));
    if (!v) break;
    int r = rich_compare_bool(v.get(), value, CompareOp::kEq);
    if (r != 0) return r;
  }
  return has_error() ? -1 : 0;
}

Object* view_repr(Object* o) {
  ReprGuard guard{o};
  if (guard.recursive()) return str_from("...");
  Ref<> list = steal(list_from_iterable(o));
  if (!list) return nullptr;
  std::string out = o->type->name;
  out += "(";
  if (!append_repr(&out, list.get())) return nullptr;
  out += ")";
  return str_from(out);
}

// 1 if every item of a is in b, 0 if not, -1 on error.
int all_contained_in(Object* a, Object* b) {
  Ref<> it = steal(get_iter(a));
  if (!it) return -1;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) break;
    int r = contains(b, item.get());
    if (r <= 0) return r;
  }
  return has_error() ? -1 : 1;
}

Object* view_richcompare(Object* self, Object* other, CompareOp op) {
  if (!is_set_view(self) || (!set_check(other) && !is_set_view(other))) {
    return new_ref(not_implemented());
  }
  ssize_t ls = length(self);
  if (ls < 0) return nullptr;
  ssize_t lo = length(other);
  if (lo < 0) return nullptr;
  int ok = 0;
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNe:
      if (ls == lo) ok = all_contained_in(self, other);
      if (op == CompareOp::kNe && ok >= 0) ok = !ok;
      break;
    case CompareOp::kLt:
      if (ls < lo) ok = all_contained_in(self, other);
      break;
    case CompareOp::kLe:
      if (ls <= lo) ok = all_contained_in(self, other);
      break;
    case CompareOp::kGt:
      if (ls > lo) ok = all_contained_in(other, self);
      break;
    case CompareOp::kGe:
      if (ls >= lo) ok = all_contained_in(other, self);
      break;
  }
  if (ok < 0) return nullptr;
  return new_bool(ok != 0);
}

// A set of the view's items (for a keys view, built from the dict directly).
Object* view_to_set(Object* o) {
  if (o->type == &kDictKeysType) return set_new(view_dict(o));
  return set_new(o);
}

Object* with_method(Object* a, const char* method, Object* b) {
  Ref<> result = steal(view_to_set(a));
  if (!result) return nullptr;
  Ref<> r = steal(call_method(result.get(), method, {b}));
  if (!r) return nullptr;
  return result.release();
}

Object* view_or(Object* a, Object* b) { return with_method(a, "update", b); }
Object* view_sub(Object* a, Object* b) { return with_method(a, "difference_update", b); }

Object* items_xor(Object* self, Object* other) {
  Ref<> temp = steal(dict_copy(view_dict(self)));
  if (!temp) return nullptr;
  Ref<> result = steal(set_new(nullptr));
  if (!result) return nullptr;
  Object* d2 = view_dict(other);
  ssize_t pos = 0;
  Object *k, *v;
  hash_t h;
  while (dict_next_hashed_ref(d2, &pos, &k, &v, &h)) {
    Ref<> key = steal(k);
    Ref<> val2 = steal(v);
    Object* v1 = dict_get_item_hashed_ref(temp.get(), key.get(), h);
    int to_delete = 0;
    if (v1 == nullptr) {
      if (has_error()) return nullptr;
    } else {
      Ref<> val1 = steal(v1);
      to_delete = rich_compare_bool(val1.get(), val2.get(), CompareOp::kEq);
      if (to_delete < 0) return nullptr;
    }
    if (to_delete) {
      if (dict_del_item(temp.get(), key.get()) < 0) return nullptr;
    } else {
      Ref<> pair = steal(tuple_pack({key.get(), val2.get()}));
      if (!pair || set_add(result.get(), pair.get()) < 0) return nullptr;
    }
  }
  Ref<> rest = steal(dict_view_new(temp.get(), &kDictItemsType));
  if (!rest) return nullptr;
  Ref<> r = steal(call_method(result.get(), "update", {rest.get()}));
  if (!r) return nullptr;
  return result.release();
}

Object* view_xor(Object* a, Object* b) {
  if (a->type == &kDictItemsType && b->type == &kDictItemsType) return items_xor(a, b);
  return with_method(a, "symmetric_difference_update", b);
}

Object* view_and(Object* a, Object* b) {
  Object* self = a;
  Object* other = b;
  if (!is_set_view(self)) std::swap(self, other);
  ssize_t len_self = view_len(self);
  if (set_check(other) && other->type == &kSetType) {
    ssize_t lo = length(other);
    if (lo < 0) return nullptr;
    if (len_self <= lo) return call_method(other, "intersection", {self});
  }
  if (is_set_view(other) && view_len(other) > len_self) std::swap(self, other);
  Ref<> result = steal(set_new(nullptr));
  if (!result) return nullptr;
  Ref<> it = steal(get_iter(other));
  if (!it) return nullptr;
  bool keys = self->type == &kDictKeysType;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) break;
    int r = keys ? keys_contains(self, item.get()) : items_contains(self, item.get());
    if (r < 0) return nullptr;
    if (r > 0 && set_add(result.get(), item.get()) < 0) return nullptr;
  }
  if (has_error()) return nullptr;
  return result.release();
}

Object* meth_isdisjoint(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!method_nargs(self->type->name, "isdisjoint", nargs, 1, 1, kwnames)) return nullptr;
  Object* other = args[0];
  if (self == other) return new_bool(view_len(self) == 0);
  Object* a = self;
  if (set_check(other) || is_set_view(other)) {
    ssize_t lo = length(other);
    if (lo < 0) return nullptr;
    if (lo > view_len(self)) std::swap(a, other);
  }
  Ref<> it = steal(get_iter(other));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) break;
    int r = contains(a, item.get());
    if (r < 0) return nullptr;
    if (r > 0) return new_bool(false);
  }
  if (has_error()) return nullptr;
  return new_bool(true);
}

Object* meth_reversed(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs(self->type->name, "__reversed__", nargs, 0, 0, kwnames)) return nullptr;
  return dict_iter_new(view_dict(self), reverse_iter_type(self->type));
}

const MethodDef kSetViewMethods[] = {
    {"isdisjoint", meth_isdisjoint, kMethodDefault, nullptr},
    {"__reversed__", meth_reversed, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};
const MethodDef kValuesViewMethods[] = {
    {"__reversed__", meth_reversed, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

NumberMethods g_view_number;

void init_view(Type* t, const char* name, ContainsFunc contains_fn, bool set_like) {
  init_static_type(t, name, sizeof(DictView));
  t->flags |= kTypeHaveGC;
  t->methods = set_like ? kSetViewMethods : kValuesViewMethods;
  t->dealloc = view_dealloc;
  t->traverse = view_traverse;
  t->repr = view_repr;
  t->iter = view_iter;
  t->length = view_len;
  t->contains = contains_fn;
  if (set_like) {
    t->richcompare = view_richcompare;
    t->number = &g_view_number;
    t->hash = hash_unhashable;
  }
  type_ready(t);
}

void init_iter(Type* t, const char* name, bool reverse) {
  init_static_type(t, name, sizeof(DictIter));
  t->flags |= kTypeHaveGC;
  t->methods = kIterMethods;
  t->dealloc = iter_dealloc;
  t->traverse = iter_traverse;
  t->iter = iter_self;
  t->iternext = reverse ? iter_next_rev : iter_next_fwd;
  type_ready(t);
}

}  // namespace

Object* dict_view_new(Object* d, Type* view_type) {
  auto* v = static_cast<DictView*>(generic_alloc(view_type));
  if (v == nullptr) return nullptr;
  v->dict = new_ref(d);
  return v;
}

Object* dict_iter_new(Object* d, Type* iter_type) {
  auto* it = static_cast<DictIter*>(generic_alloc(iter_type));
  if (it == nullptr) return nullptr;
  gc::CriticalSection cs{d};
  it->dict = new_ref(d);
  it->used = as_dict(d)->used;
  it->len = it->used;
  bool reverse = iter_type == &kDictRevKeyIterType || iter_type == &kDictRevValueIterType ||
                 iter_type == &kDictRevItemIterType;
  DictKeys* k = as_dict(d)->keys;
  it->pos = reverse ? (k != nullptr ? k->nentries - 1 : -1) : 0;
  it->result = nullptr;
  if (iter_kind(iter_type) == Kind::kItems) {
    // Pre-built so the first step can reuse it once the consumer lets go.
    it->result = tuple_pack({kNone, kNone});
    if (it->result == nullptr) {
      decref(it);
      return nullptr;
    }
  }
  return it;
}

void init_dict_view_types() {
  g_view_number.and_ = view_and;
  g_view_number.or_ = view_or;
  g_view_number.subtract = view_sub;
  g_view_number.xor_ = view_xor;
  init_view(&kDictKeysType, "dict_keys", keys_contains, true);
  init_view(&kDictItemsType, "dict_items", items_contains, true);
  init_view(&kDictValuesType, "dict_values", values_contains, false);
  init_iter(&kDictKeyIterType, "dict_keyiterator", false);
  init_iter(&kDictValueIterType, "dict_valueiterator", false);
  init_iter(&kDictItemIterType, "dict_itemiterator", false);
  init_iter(&kDictRevKeyIterType, "dict_reversekeyiterator", true);
  init_iter(&kDictRevValueIterType, "dict_reversevalueiterator", true);
  init_iter(&kDictRevItemIterType, "dict_reverseitemiterator", true);
}

Object* dict_snapshot_list(Object* x) {
  Type* t = x->type;
  if (t == &kDictType) return dict_keys_list(x);
  if (t != &kDictKeysType && t != &kDictValuesType && t != &kDictItemsType) return nullptr;
  Object* d = static_cast<DictView*>(x)->dict;
  if (d->type != &kDictType) return nullptr;  // a subclass may override iteration
  if (t == &kDictKeysType) return dict_keys_list(d);
  return t == &kDictValuesType ? dict_values_list(d) : dict_items_list(d);
}

}  // namespace conch::vm
