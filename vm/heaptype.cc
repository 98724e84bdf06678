// Heap types: type(name, bases, ns), the class statement's __build_class__,
// C3 linearisation, instance layout (__dict__ or __slots__), and the
// dealloc/traverse of heap types and of their instances.
//
// Instance layout of a heap type T whose nearest static base is S:
//   [ S's layout (S->basicsize bytes) | __slots__ members ... | __dict__ ]
// Every word past S->basicsize is an owned Object* (nullable), so dealloc
// and traverse treat that region uniformly.
//
// mro[0] of a heap type is the type itself held WITHOUT a reference, so a
// class is not kept alive by its own MRO (type_mro_get hands out a copy).
#include <cstring>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gc/brc.h"
#include "gc/collector.h"
#include "locking/mutex.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/eval/function.h"
#include "vm/exceptions.h"
#include "vm/instance_slots.h"
#include "vm/interp.h"
#include "vm/typeobject.h"
#include "vm/typeslots.h"
#include "vm/types.h"

namespace conch::vm {

Object* member_descr_new(Type* owner, Object* name, ssize_t offset);  // classdescr.cc

namespace {

locking::Mutex g_heap_types_mu;
HeapType* g_heap_types ABSL_GUARDED_BY(g_heap_types_mu) = nullptr;

void register_heap_type(HeapType* ht) {
  locking::MutexLock lock(&g_heap_types_mu);
  ht->prev_heap = nullptr;
  ht->next_heap = g_heap_types;
  if (g_heap_types != nullptr) g_heap_types->prev_heap = ht;
  g_heap_types = ht;
}

void unregister_heap_type(HeapType* ht) {
  locking::MutexLock lock(&g_heap_types_mu);
  if (ht->prev_heap != nullptr) {
    ht->prev_heap->next_heap = ht->next_heap;
  } else if (g_heap_types == ht) {
    g_heap_types = ht->next_heap;
  }
  if (ht->next_heap != nullptr) ht->next_heap->prev_heap = ht->prev_heap;
  ht->prev_heap = ht->next_heap = nullptr;
}

template <class F>
void inherit(F& mine, F theirs) {
  if (mine == nullptr) mine = theirs;
}

Type* static_base(Type* t) {
  while (t->flags & kTypeHeapType) t = t->base;
  return t;
}

Object** instance_words(Object* o, ssize_t from, ssize_t to, ssize_t* n) {
  *n = (to - from) / static_cast<ssize_t>(sizeof(Object*));
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + from);
}

// ---------------------------------------------------------------------------
// Instances.

void call_del(Object* o) {
  Object* del = type_lookup(o->type, g_names.del);
  if (del == nullptr) return;
  // PEP 442: __del__ runs at most once (the collector may have run it).
  if (gc::is_immortal(o) || gc::is_finalized(o)) return;
  gc::mark_finalized(o);
  Object* saved = fetch_error();
  incref(o);  // resurrect for the call
  Ref<> keep = borrow(del);
  Object* r = call_with_self(del, o, nullptr, 0, nullptr);
  if (r == nullptr) {
    Ref<> exc = steal(fetch_error());
    if (exc) print_unraisable(del, exc.get());
  }
  xdecref(r);
  restore_error(saved);
  // Drop the temporary reference without re-entering dealloc.
  gc::release(o);
}

void subtype_dealloc(Object* o) {
  Type* t = o->type;
  call_del(o);
  if (gc::refcount(o) > 0) return;  // __del__ resurrected it
  Type* sb = static_base(t);
  ssize_t n;
  Object** words = instance_words(o, sb->basicsize, t->basicsize, &n);
  for (ssize_t i = 0; i < n; ++i) clear_slot(&words[i]);
  sb->dealloc(o);
  decref(t);
}

int subtype_traverse(Object* o, VisitFunc visit, void* arg) {
  Type* t = o->type;
  Type* sb = static_base(t);
  ssize_t n;
  Object** words = instance_words(o, sb->basicsize, t->basicsize, &n);
  for (ssize_t i = 0; i < n; ++i) {
    if (words[i] != nullptr) {
      if (int r = visit(words[i], arg)) return r;
    }
  }
  if (int r = visit(t, arg)) return r;
  if (sb->traverse != nullptr) return sb->traverse(o, visit, arg);
  return 0;
}

int subtype_clear(Object* o) {
  Type* t = o->type;
  Type* sb = static_base(t);
  ssize_t n;
  Object** words = instance_words(o, sb->basicsize, t->basicsize, &n);
  for (ssize_t i = 0; i < n; ++i) clear_slot(&words[i]);
  if (sb->clear != nullptr) return sb->clear(o);
  return 0;
}

Object** dict_slot(Object* o) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + o->type->dictoffset);
}

// The dict is created lazily, possibly by two threads at once, and replaced
// by `o.__dict__ = d` while other threads read it: vm/instance_slots.h.
Object* subtype_dict_get(Object* o) { return instance_dict_ref_or_create(o, dict_slot(o)); }

int subtype_dict_set(Object* o, Object* v) {
  if (v == nullptr || !dict_check(v)) {
    set_error_fmt(&kTypeErrorType, "__dict__ must be set to a dictionary, not a '%s'",
                  v ? type_name(v) : "NoneType");
    return -1;
  }
  instance_dict_replace(o, dict_slot(o), v);
  return 0;
}

const GetSetDef kSubtypeDictGetSet = {"__dict__", subtype_dict_get, subtype_dict_set, nullptr};

// ---------------------------------------------------------------------------
// MRO.

Object* names_of(const std::vector<std::vector<Type*>>& seqs) {
  std::string s;
  std::vector<Type*> seen;
  for (const auto& seq : seqs) {
    if (seq.empty()) continue;
    Type* head = seq.front();
    bool dup = false;
    for (Type* x : seen) dup |= x == head;
    if (dup) continue;
    seen.push_back(head);
    if (!s.empty()) s += ", ";
    s += head->name;
  }
  return str_from(s);
}

bool in_tail(const std::vector<std::vector<Type*>>& seqs, Type* c) {
  for (const auto& seq : seqs) {
    for (size_t i = 1; i < seq.size(); ++i) {
      if (seq[i] == c) return true;
    }
  }
  return false;
}

// C3 over the bases' MROs and the bases list.  Returns a new tuple whose
// item 0 (the type) is not referenced.
Object* compute_mro(Type* t) {
  Object* bases = t->bases;
  ssize_t nb = tuple_size(bases);
  std::vector<std::vector<Type*>> seqs;
  for (ssize_t i = 0; i < nb; ++i) {
    auto* b = static_cast<Type*>(tuple_get(bases, i));
    std::vector<Type*> s;
    ssize_t n = tuple_size(b->mro);
    for (ssize_t j = 0; j < n; ++j) s.push_back(static_cast<Type*>(tuple_get(b->mro, j)));
    seqs.push_back(std::move(s));
  }
  std::vector<Type*> bl;
  for (ssize_t i = 0; i < nb; ++i) bl.push_back(static_cast<Type*>(tuple_get(bases, i)));
  seqs.push_back(bl);
  std::vector<Type*> result{t};
  for (;;) {
    bool empty = true;
    Type* pick = nullptr;
    for (const auto& seq : seqs) {
      if (seq.empty()) continue;
      empty = false;
      if (!in_tail(seqs, seq.front())) {
        pick = seq.front();
        break;
      }
    }
    if (empty) break;
    if (pick == nullptr) {
      Ref<> names = steal(names_of(seqs));
      if (!names) return nullptr;
      set_error_fmt(&kTypeErrorType,
                    "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                    str_view(names.get()));
      return nullptr;
    }
    result.push_back(pick);
    for (auto& seq : seqs) {
      if (!seq.empty() && seq.front() == pick) seq.erase(seq.begin());
    }
  }
  Object* mro = tuple_new(static_cast<ssize_t>(result.size()));
  if (mro == nullptr) return nullptr;
  tuple_init_item(mro, 0, t);  // not referenced: see the file comment
  // So the collector must not traverse this tuple (it would subtract a
  // reference nobody holds); type_traverse visits items 1.. instead.
  gc::untrack(mro);
  for (size_t i = 1; i < result.size(); ++i) {
    tuple_init_item(mro, static_cast<ssize_t>(i), new_ref(result[i]));
  }
  return mro;
}

// ---------------------------------------------------------------------------
// Choosing the base and the metaclass.

bool extra_ivars(Type* t, Type* b) {
  ssize_t ts = t->basicsize;
  if ((t->flags & kTypeHeapType) && static_cast<HeapType*>(t)->ht_slots == nullptr &&
      t->dictoffset != 0 && b->dictoffset == 0) {
    ts -= sizeof(Object*);
  }
  return ts != b->basicsize;
}

Type* solid_base(Type* t) {
  Type* base = t->base ? solid_base(t->base) : &kObjectType;
  return extra_ivars(t, base) ? t : base;
}

Type* best_base(Object* bases) {
  Type* winner = nullptr;
  Type* best = nullptr;
  ssize_t n = tuple_size(bases);
  for (ssize_t i = 0; i < n; ++i) {
    Object* bo = tuple_get(bases, i);
    if (!is_instance_of(bo, &kTypeType)) {
      set_error(&kTypeErrorType, "bases must be types");
      return nullptr;
    }
    auto* b = static_cast<Type*>(bo);
    if (!(b->flags & kTypeBaseType)) {
      set_error_fmt(&kTypeErrorType, "type '%s' is not an acceptable base type", b->name);
      return nullptr;
    }
    Type* cand = solid_base(b);
    if (winner == nullptr) {
      winner = cand;
      best = b;
    } else if (is_subtype(winner, cand)) {
      // keep
    } else if (is_subtype(cand, winner)) {
      winner = cand;
      best = b;
    } else {
      set_error(&kTypeErrorType, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return best;
}

Type* calculate_metaclass(Type* meta, Object* bases) {
  Type* winner = meta;
  ssize_t n = tuple_size(bases);
  for (ssize_t i = 0; i < n; ++i) {
    Type* tmp = tuple_get(bases, i)->type;
    if (is_subtype(winner, tmp)) continue;
    if (is_subtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    set_error(&kTypeErrorType,
              "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
              "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

// ---------------------------------------------------------------------------
// type.__new__ steps.

// Subclass lists change under the heap-type registry's lock, so classes
// created and freed on different threads (free-threaded build) keep them
// consistent.  type_bump_versions walks them under it; type_modified's slot
// fixup walks them without it (see typeobject.cc).
int add_subclass(Type* base, Type* sub) {
  if (!(base->flags & kTypeHeapType)) return 0;
  locking::MutexLock lock(&g_heap_types_mu);
  auto* h = static_cast<HeapType*>(base);
  if (h->nsubclasses == h->subclasses_cap) {
    ssize_t cap = h->subclasses_cap ? h->subclasses_cap * 2 : 4;
    void* p = gc::reallocate_raw(h->subclasses, cap * sizeof(Type*));
    if (p == nullptr) {
      no_memory();
      return -1;
    }
    h->subclasses = static_cast<Type**>(p);
    h->subclasses_cap = cap;
  }
  h->subclasses[h->nsubclasses++] = sub;
  return 0;
}

void remove_subclass(Type* base, Type* sub) {
  if (!(base->flags & kTypeHeapType)) return;
  locking::MutexLock lock(&g_heap_types_mu);
  auto* h = static_cast<HeapType*>(base);
  for (ssize_t i = 0; i < h->nsubclasses; ++i) {
    if (h->subclasses[i] == sub) {
      h->subclasses[i] = h->subclasses[--h->nsubclasses];
      return;
    }
  }
}

void bump_versions_locked(Type* t) ABSL_EXCLUSIVE_LOCKS_REQUIRED(g_heap_types_mu) {
  type_set_version(t, type_new_version());
  auto* ht = static_cast<HeapType*>(t);
  for (ssize_t i = 0; i < ht->nsubclasses; ++i) bump_versions_locked(ht->subclasses[i]);
}

bool is_plain_function(Object* v) { return v->type == &kFunctionType; }

// __new__ becomes a staticmethod; __init_subclass__ and __class_getitem__
// classmethods (as CPython's type_new does implicitly).
int wrap_special_methods(Object* dict) {
  Object* v = dict_get_item(dict, g_names.new_);
  if (v != nullptr && is_plain_function(v)) {
    Ref<> sm = steal(staticmethod_new(v));
    if (!sm || dict_set_item(dict, g_names.new_, sm.get()) < 0) return -1;
  }
  for (Object* name : {g_names.init_subclass, g_names.class_getitem}) {
    v = dict_get_item(dict, name);
    if (v != nullptr && is_plain_function(v)) {
      Ref<> cm = steal(classmethod_new(v));
      if (!cm || dict_set_item(dict, name, cm.get()) < 0) return -1;
    }
  }
  return 0;
}

Object* slots_tuple(Object* slots) {
  if (str_check(slots)) return tuple_pack({slots});
  return sequence_tuple(slots);
}

// Lays out members and the __dict__; adds member descriptors.
int layout_instances(HeapType* ht, Type* base) {
  Type* t = ht;
  Object* dict = t->dict;
  Object* slots = dict_get_item(dict, g_names.slots);
  // A metaclass's instances are classes: their namespace is Type::dict, and
  // type's own __dict__ (the mappingproxy) must not be shadowed.
  bool add_dict = base->dictoffset == 0 && !is_subtype(base, &kTypeType);
  t->basicsize = base->basicsize;
  t->itemsize = base->itemsize;
  t->dictoffset = base->dictoffset;
  if (slots != nullptr) {
    Ref<> names = steal(slots_tuple(slots));
    if (!names) return -1;
    add_dict = false;
    ssize_t n = tuple_size(names.get());
    std::vector<Object*> members;
    for (ssize_t i = 0; i < n; ++i) {
      Object* s = tuple_get(names.get(), i);
      if (!str_check(s)) {
        set_error_fmt(&kTypeErrorType, "__slots__ items must be strings, not '%s'", type_name(s));
        return -1;
      }
      if (str_equal_cstr(s, "__dict__")) {
        add_dict = base->dictoffset == 0;
        continue;
      }
      if (str_equal_cstr(s, "__weakref__")) continue;
      if (dict_get_item(dict, s) != nullptr) {
        set_error_fmt(&kValueErrorType, "'%s' in __slots__ conflicts with class variable",
                      str_view(s));
        return -1;
      }
      members.push_back(s);
    }
    if (!members.empty() && base->itemsize != 0) {
      set_error_fmt(&kTypeErrorType, "nonempty __slots__ not supported for subtype of '%s'",
                    base->name);
      return -1;
    }
    for (Object* s : members) {
      Ref<> d = steal(member_descr_new(t, s, t->basicsize));
      if (!d || dict_set_item(dict, s, d.get()) < 0) return -1;
      t->basicsize += sizeof(Object*);
    }
    ht->ht_slots = names.release();
  }
  // A var-sized base must place its items after type->basicsize for a
  // fixed-offset __dict__ to fit; tuple does (its items pointer is computed
  // from the instance's type), others are not known to.
  if (add_dict && (base->itemsize == 0 || is_subtype(base, &kTupleType))) {
    t->dictoffset = t->basicsize;
    t->basicsize += sizeof(Object*);
    if (dict_get_item(dict, g_names.dict) == nullptr) {
      Ref<> d = steal(getset_descr_new(t, &kSubtypeDictGetSet));
      if (!d || dict_set_item(dict, g_names.dict, d.get()) < 0) return -1;
    }
  }
  return 0;
}

int set_names_and_qualname(HeapType* ht, Object* name) {
  Type* t = ht;
  ht->ht_name = new_ref(name);
  t->name = str_cstr(name);
  Object* q = dict_get_item(t->dict, g_names.qualname);
  if (q != nullptr) {
    if (!str_check(q)) {
      set_error_fmt(&kTypeErrorType, "type __qualname__ must be a str, not %s", type_name(q));
      return -1;
    }
    ht->ht_qualname = new_ref(q);
    if (dict_del_item(t->dict, g_names.qualname) < 0) return -1;
  } else {
    ht->ht_qualname = new_ref(name);
  }
  // collections.abc's Sequence and Mapping say what match statements accept
  // as CPython's do: `__abc_tpflags__` holds Py_TPFLAGS_SEQUENCE (1 << 5) or
  // Py_TPFLAGS_MAPPING (1 << 6); the key is removed from the class dict.
  if (Object* f = dict_get_item_str(t->dict, "__abc_tpflags__"); f != nullptr) {
    int64_t bits = 0;
    if (int_to_i64(f, &bits)) {
      if (bits & (1 << 5)) t->flags |= kTypeSequence;
      if (bits & (1 << 6)) t->flags |= kTypeMapping;
    }
    Ref<> key = Ref<>::steal(str_from("__abc_tpflags__"));
    if (!key || dict_del_item(t->dict, key.get()) < 0) return -1;
  }
  if (dict_get_item(t->dict, g_names.doc) == nullptr) {
    if (dict_set_item(t->dict, g_names.doc, kNone) < 0) return -1;
  }
  // A class that defines __eq__ without __hash__ is unhashable.
  if (dict_get_item(t->dict, g_names.eq) != nullptr &&
      dict_get_item(t->dict, g_names.hash) == nullptr) {
    if (dict_set_item(t->dict, g_names.hash, kNone) < 0) return -1;
  }
  return 0;
}

void inherit_from_mro(HeapType* ht) {
  Type* t = ht;
  ssize_t n = tuple_size(t->mro);
  for (ssize_t i = 1; i < n; ++i) inherit_slots(t, static_cast<Type*>(tuple_get(t->mro, i)));
  inherit(t->new_, t->base->new_);
  t->dealloc = subtype_dealloc;
  t->traverse = subtype_traverse;
  t->clear = subtype_clear;
  if (t->alloc == nullptr) t->alloc = generic_alloc;
}

int set_class_cell(Type* t) {
  Object* cell = dict_get_item(t->dict, g_names.classcell);
  if (cell == nullptr) return 0;
  Ref<> keep = borrow(cell);
  if (cell->type != &kCellType) {
    set_error_fmt(&kTypeErrorType, "__classcell__ must be a nonlocal cell, not %s",
                  type_name(cell));
    return -1;
  }
  cell_set(cell, t);
  return dict_del_item(t->dict, g_names.classcell);
}

int call_set_names(Type* t) {
  Ref<> items = steal(dict_items_list(t->dict));
  if (!items) return -1;
  ssize_t n = list_size(items.get());
  for (ssize_t i = 0; i < n; ++i) {
    Object* pair = list_items(items.get())[i];
    Object* key = tuple_get(pair, 0);
    Object* value = tuple_get(pair, 1);
    Object* f = type_lookup(value->type, g_names.set_name);
    if (f == nullptr) continue;
    Object* args[2] = {t, key};
    Ref<> r = steal(call_with_self(f, value, args, 2, nullptr));
    if (!r) return -1;
  }
  return 0;
}

// super(t, t).__init_subclass__(**kwds)
int call_init_subclass(Type* t, Object* const* kwvalues, Object* kwnames) {
  Object* mro = t->mro;
  ssize_t n = tuple_size(mro);
  for (ssize_t i = 1; i < n; ++i) {
    auto* b = static_cast<Type*>(tuple_get(mro, i));
    Object* f = dict_get_item(b->dict, g_names.init_subclass);
    if (f == nullptr) continue;
    Ref<> bound = borrow(f);
    if (f->type->descr_get != nullptr) {
      bound = steal(f->type->descr_get(f, nullptr, t));
      if (!bound) return -1;
    }
    Ref<> r = steal(call(bound.get(), kwvalues, 0, kwnames));
    return r ? 0 : -1;
  }
  return 0;
}

bool parse_type_new_args(Object* const* args, size_t nargs, Object** name, Object** bases,
                         Object** dict) {
  if (nargs != 3) {
    set_error(&kTypeErrorType, nargs == 1 ? "type.__new__() takes exactly 3 arguments (1 given)"
                                          : "type() takes 1 or 3 arguments");
    return false;
  }
  *name = args[0];
  *bases = args[1];
  *dict = args[2];
  if (!str_check(*name)) {
    set_error_fmt(&kTypeErrorType, "type.__new__() argument 1 must be str, not %s",
                  type_name(*name));
    return false;
  }
  if (!tuple_check(*bases)) {
    set_error_fmt(&kTypeErrorType, "type.__new__() argument 2 must be tuple, not %s",
                  type_name(*bases));
    return false;
  }
  if (!dict_check(*dict)) {
    set_error_fmt(&kTypeErrorType, "type.__new__() argument 3 must be dict, not %s",
                  type_name(*dict));
    return false;
  }
  return true;
}

Object* type_new_body(Type* metatype, Object* name, Object* bases_in, Object* ns,
                      Object* const* kwvalues, Object* kwnames) {
  Ref<> bases = borrow(bases_in);
  if (tuple_size(bases.get()) == 0) {
    bases = steal(tuple_pack({&kObjectType}));
    if (!bases) return nullptr;
  }
  Type* base = best_base(bases.get());
  if (base == nullptr) return nullptr;
  auto* ht = static_cast<HeapType*>(metatype->alloc(metatype, 0));
  if (ht == nullptr) return nullptr;
  Ref<> owner = steal(ht);
  register_heap_type(ht);
  Type* t = ht;
  t->flags = kTypeHeapType | kTypeBaseType | kTypeHaveGC | kTypeReady;
  t->base = static_cast<Type*>(new_ref(base));
  t->bases = bases.release();
  t->number = &ht->as_number;
  t->dict = dict_copy(ns);
  if (t->dict == nullptr) return nullptr;
  if (set_names_and_qualname(ht, name) < 0) return nullptr;
  if (wrap_special_methods(t->dict) < 0) return nullptr;
  if (layout_instances(ht, base) < 0) return nullptr;
  t->mro = compute_mro(t);
  if (t->mro == nullptr) return nullptr;
  inherit_from_mro(ht);
  ssize_t nb = tuple_size(t->bases);
  for (ssize_t i = 0; i < nb; ++i) {
    if (add_subclass(static_cast<Type*>(tuple_get(t->bases, i)), t) < 0) return nullptr;
  }
  type_modified(t);  // version + slots from the dunders
  if (set_class_cell(t) < 0) return nullptr;
  if (call_set_names(t) < 0) return nullptr;
  if (call_init_subclass(t, kwvalues, kwnames) < 0) return nullptr;
  // Every instantiation increfs its class (gc/brc.h: shared by design).
  gc::mark_shared_by_design(t);
  gc::mark_shared_by_design(t->dict);
  return owner.release();
}

}  // namespace

void finalize_instance(Object* o) { call_del(o); }

Object* type_new_impl(Type* metatype, Object* const* args, size_t nargs, Object* kwnames) {
  bool no_kw = kwnames == nullptr || tuple_size(kwnames) == 0;
  if (metatype == &kTypeType && nargs == 1 && no_kw) return new_ref(args[0]->type);
  Object *name, *bases, *dict;
  if (!parse_type_new_args(args, nargs, &name, &bases, &dict)) return nullptr;
  Type* winner = calculate_metaclass(metatype, bases);
  if (winner == nullptr) return nullptr;
  if (winner != metatype && winner->new_ != type_new_impl) {
    return winner->new_(winner, args, nargs, kwnames);
  }
  ssize_t dups = tuple_size(bases);
  for (ssize_t i = 0; i < dups; ++i) {
    for (ssize_t j = i + 1; j < dups; ++j) {
      if (tuple_get(bases, i) == tuple_get(bases, j)) {
        set_error_fmt(&kTypeErrorType, "duplicate base class %s",
                      static_cast<Type*>(tuple_get(bases, i))->name);
        return nullptr;
      }
    }
  }
  return type_new_body(winner, name, bases, dict, args + nargs, kwnames);
}

void type_bump_versions(Type* t) {
  locking::MutexLock lock(&g_heap_types_mu);
  bump_versions_locked(t);
}

void heap_type_dealloc(Object* o) {
  auto* t = static_cast<Type*>(o);
  auto* ht = static_cast<HeapType*>(t);
  unregister_heap_type(ht);
  if (t->bases != nullptr) {
    ssize_t n = tuple_size(t->bases);
    for (ssize_t i = 0; i < n; ++i) remove_subclass(static_cast<Type*>(tuple_get(t->bases, i)), t);
  }
  if (t->mro != nullptr && tuple_size(t->mro) > 0) {
    tuple_init_item(t->mro, 0, new_ref(kNone));  // item 0 was never referenced
  }
  gc::free_raw(ht->subclasses);
  clear_slot(&t->mro);
  clear_slot(&t->dict);
  clear_slot(&t->bases);
  clear_slot(&ht->ht_slots);
  Object* base = t->base;
  t->base = nullptr;
  xdecref(base);
  clear_slot(&ht->ht_name);
  clear_slot(&ht->ht_qualname);
  // The metatype's reference is dropped by subtype_dealloc when the
  // metatype is a heap type (it is this function's caller then).
  generic_free(o);
}

void clear_heap_types() {
  // Snapshot with strong references: clearing one class may free others.
  std::vector<Ref<>> types;
  {
    locking::MutexLock lock(&g_heap_types_mu);
    for (HeapType* h = g_heap_types; h != nullptr; h = h->next_heap) types.push_back(borrow(h));
  }
  for (Ref<>& t : types) {
    Object* d = static_cast<Type*>(t.get())->dict;
    if (d != nullptr) dict_clear(d);
    type_set_version(static_cast<Type*>(t.get()), 0);
  }
  types.clear();
  type_cache_clear();  // entries own what they cache when the GIL is off
  if (has_error()) clear_error();
}

// ---------------------------------------------------------------------------
// __build_class__

namespace {

Object* run_class_body(Object* func, Object* ns) { return function_call_with_locals(func, ns); }

// The compiler's class body stores __module__ itself; this covers a body
// that does not, so reprs and tracebacks name the right module.
int set_default_module(Object* func, Object* ns) {
  if (!dict_check(ns) || dict_get_item(ns, g_names.module) != nullptr) return 0;
  Ref<> globals = steal(lookup_attr(func, str_intern("__globals__")));
  if (!globals) return has_error() ? -1 : 0;
  if (!dict_check(globals.get())) return 0;
  Object* name = dict_get_item(globals.get(), g_names.name);
  if (name == nullptr) return 0;
  return dict_set_item(ns, g_names.module, name);
}

// Splits kwnames into metaclass= and the rest.
bool split_kwargs(Object* const* kwvalues, Object* kwnames, Object** meta,
                  std::vector<Object*>* rest_values, Ref<>* rest_names) {
  *meta = nullptr;
  if (kwnames == nullptr) return true;
  ssize_t n = tuple_size(kwnames);
  std::vector<Object*> names;
  for (ssize_t i = 0; i < n; ++i) {
    Object* k = tuple_get(kwnames, i);
    if (str_equal_cstr(k, "metaclass")) {
      *meta = kwvalues[i];
    } else {
      names.push_back(k);
      rest_values->push_back(kwvalues[i]);
    }
  }
  if (!names.empty()) {
    *rest_names = steal(tuple_from_array(names.data(), static_cast<ssize_t>(names.size())));
    if (!*rest_names) return false;
  }
  return true;
}

// PEP 560: a base that is not a class but has __mro_entries__ (typing's
// Generic[T], NamedTuple) is replaced by what that returns.  A new reference
// to the resolved bases (`bases` itself when nothing changed).
Object* update_bases(Object* bases) {
  ssize_t n = tuple_size(bases);
  std::vector<Ref<>> out;
  bool changed = false;
  for (ssize_t i = 0; i < n; ++i) {
    Object* b = tuple_get(bases, i);
    Ref<> entries;
    if (!is_instance_of(b, &kTypeType)) {
      Ref<> meth = steal(lookup_attr(b, str_intern("__mro_entries__")));
      if (!meth && has_error()) return nullptr;
      if (meth) {
        Object* a[1] = {bases};
        entries = steal(call(meth.get(), a, 1));
        if (!entries) return nullptr;
        if (!tuple_check(entries.get())) {
          set_error(&kTypeErrorType, "__mro_entries__ must return a tuple");
          return nullptr;
        }
      }
    }
    if (!entries) {
      out.push_back(borrow(b));
      continue;
    }
    changed = true;
    for (ssize_t j = 0; j < tuple_size(entries.get()); ++j) {
      out.push_back(borrow(tuple_get(entries.get(), j)));
    }
  }
  if (!changed) return new_ref(bases);
  std::vector<Object*> raw;
  for (auto& r : out) raw.push_back(r.get());
  return tuple_from_array(raw.data(), static_cast<ssize_t>(raw.size()));
}

}  // namespace

Object* build_class(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (nargs < 2) {
    set_error(&kTypeErrorType, "__build_class__: not enough arguments");
    return nullptr;
  }
  Object* func = args[0];
  Object* name = args[1];
  if (func->type != &kFunctionType) {
    set_error(&kTypeErrorType, "__build_class__: func must be a function");
    return nullptr;
  }
  if (!str_check(name)) {
    set_error(&kTypeErrorType, "__build_class__: name is not a string");
    return nullptr;
  }
  Ref<> orig_bases = steal(tuple_from_array(args + 2, static_cast<ssize_t>(nargs - 2)));
  if (!orig_bases) return nullptr;
  Ref<> bases = steal(update_bases(orig_bases.get()));
  if (!bases) return nullptr;
  Object* meta;
  std::vector<Object*> kw;
  Ref<> kwn;
  if (!split_kwargs(args + nargs, kwnames, &meta, &kw, &kwn)) return nullptr;
  Ref<> metaclass;
  if (meta != nullptr) {
    metaclass = borrow(meta);
  } else if (tuple_size(bases.get()) > 0) {
    metaclass = borrow(tuple_get(bases.get(), 0)->type);
  } else {
    metaclass = borrow(&kTypeType);
  }
  if (is_instance_of(metaclass.get(), &kTypeType)) {
    Type* w = calculate_metaclass(static_cast<Type*>(metaclass.get()), bases.get());
    if (w == nullptr) return nullptr;
    metaclass = borrow(w);
  }
  Ref<> ns;
  Ref<> prep = steal(lookup_attr(metaclass.get(), g_names.prepare));
  if (!prep && has_error()) return nullptr;
  if (prep) {
    Object* pa[2] = {name, bases.get()};
    std::vector<Object*> all(pa, pa + 2);
    all.insert(all.end(), kw.begin(), kw.end());
    ns = steal(call(prep.get(), all.data(), 2, kwn.get()));
  } else {
    ns = steal(dict_new());
  }
  if (!ns) return nullptr;
  if (set_default_module(func, ns.get()) < 0) return nullptr;
  Ref<> cell = steal(run_class_body(func, ns.get()));
  if (!cell) return nullptr;
  if (bases.get() != orig_bases.get() &&
      setitem(ns.get(), str_intern("__orig_bases__"), orig_bases.get()) < 0) {
    return nullptr;
  }
  std::vector<Object*> margs = {name, bases.get(), ns.get()};
  margs.insert(margs.end(), kw.begin(), kw.end());
  return call(metaclass.get(), margs.data(), 3, kwn.get());
}

}  // namespace conch::vm
