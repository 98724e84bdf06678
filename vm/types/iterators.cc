// The builtin iterator classes: enumerate, zip, map, filter, reversed, and
// the sequence iterator used for objects that only define __getitem__.
//
// Each holds its source iterators and produces one item per step; none of
// them locks anything (an iterator shared between threads is a data race in
// CPython too, but never a crash here: every step re-reads its fields).
// enumerate and zip reuse their result tuple when the consumer has dropped
// it (refcount 1), as CPython does, so `for i, x in enumerate(l)` allocates
// only the index ints.
#include <string>
#include <vector>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/container_util.h"
#include "vm/types/int.h"
#include "vm/types/tuple.h"

namespace conch::vm {

Type kEnumerateType;
Type kZipType;
Type kMapType;
Type kFilterType;
Type kReversedType;
Type kSeqIterType;

namespace {

Object* alloc_of(Type* type) {
  return type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
}

bool no_kwargs(const char* fname, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error_fmt(&kTypeErrorType, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

// Reuses `*cache` (a tuple of n items) when only we hold it.
Object* reuse_or_new_tuple(Object** cache, ssize_t n) {
  Object* r = *cache;
  if (r != nullptr && gc::refcount(r) == 1) {
    for (ssize_t i = 0; i < n; ++i) clear_slot(&tuple_items(r)[i]);
    return new_ref(r);
  }
  Object* t = tuple_new(n);
  if (t == nullptr) return nullptr;
  for (ssize_t i = 0; i < n; ++i) tuple_init_item(t, i, nullptr);
  if (r == nullptr) *cache = new_ref(t);
  return t;
}

// Ends iteration after an IndexError/StopIteration from __getitem__.
bool is_end_of_sequence() {
  if (error_matches(&kIndexErrorType) || error_matches(&kStopIterationType)) {
    clear_error();
    return true;
  }
  return false;
}

// --- enumerate --------------------------------------------------------------------

struct EnumerateObject : Object {
  Object* it;
  int64_t index;
  Object* long_index;  // non-null once the index left int64
  Object* result;
};

Object* enumerate_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  // Old-style (PyArg_ParseTupleAndKeywords) messages, as CPython 3.11.
  Object* a[2] = {nullptr, nullptr};
  size_t nk = kwnames != nullptr ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  if (nargs + nk > 2) {
    set_error_fmt(&kTypeErrorType, "enumerate() takes at most 2 arguments (%d given)",
                  static_cast<int>(nargs + nk));
    return nullptr;
  }
  for (size_t i = 0; i < nargs; ++i) a[i] = args[i];
  for (size_t i = 0; i < nk; ++i) {
    Object* name = tuple_get(kwnames, static_cast<ssize_t>(i));
    int slot = str_equal_cstr(name, "iterable") ? 0 : str_equal_cstr(name, "start") ? 1 : -1;
    if (slot < 0) {
      set_error_fmt(&kTypeErrorType, "'%s' is an invalid keyword argument for enumerate()",
                    std::string(str_view(name)));
      return nullptr;
    }
    if (a[slot] != nullptr) {
      set_error_fmt(&kTypeErrorType,
                    "argument for enumerate() given by name ('%s') and position (%d)",
                    std::string(str_view(name)), slot + 1);
      return nullptr;
    }
    a[slot] = args[nargs + i];
  }
  if (a[0] == nullptr) {
    set_error(&kTypeErrorType, "enumerate() missing required argument 'iterable'");
    return nullptr;
  }
  Ref<> start;
  if (a[1] != nullptr) {
    start = steal(number_index(a[1]));
    if (!start) return nullptr;
  }
  Ref<> it = steal(get_iter(a[0]));
  if (!it) return nullptr;
  auto* e = static_cast<EnumerateObject*>(alloc_of(type));
  if (e == nullptr) return nullptr;
  e->it = it.release();
  e->index = 0;
  if (start && !int_to_i64(start.get(), &e->index)) e->long_index = start.release();
  return e;
}

Object* enumerate_next(Object* o) {
  auto* e = static_cast<EnumerateObject*>(o);
  Ref<> item = steal(iter_next(e->it));
  if (!item) return nullptr;
  Ref<> idx;
  if (e->long_index == nullptr && e->index != INT64_MAX) {
    idx = steal(int_from_i64(e->index++));
  } else {
    if (e->long_index == nullptr) e->long_index = int_from_i64(e->index);
    if (e->long_index == nullptr) return nullptr;
    Ref<> one = steal(int_from_i64(1));
    Object* nx = binary_op(e->long_index, one.get(), BinaryOp::kAdd);
    if (nx == nullptr) return nullptr;
    idx = steal(e->long_index);
    e->long_index = nx;
  }
  if (!idx) return nullptr;
  Object* t = reuse_or_new_tuple(&e->result, 2);
  if (t == nullptr) return nullptr;
  tuple_init_item(t, 0, idx.release());
  tuple_init_item(t, 1, item.release());
  return t;
}

void enumerate_dealloc(Object* o) {
  auto* e = static_cast<EnumerateObject*>(o);
  clear_slot(&e->it);
  clear_slot(&e->long_index);
  clear_slot(&e->result);
  generic_free(o);
}

int enumerate_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* e = static_cast<EnumerateObject*>(o);
  for (Object* p : {e->it, e->long_index, e->result}) {
    if (p != nullptr) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

// --- zip -------------------------------------------------------------------------------

struct ZipObject : Object {
  Object* iters;  // tuple of iterators
  Object* result;
  bool strict;
};

Object* zip_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  bool strict = false;
  if (kwnames != nullptr) {
    ssize_t nk = tuple_size(kwnames);
    for (ssize_t i = 0; i < nk; ++i) {
      Object* name = tuple_get(kwnames, i);
      if (!str_equal_cstr(name, "strict")) {
        set_error_fmt(&kTypeErrorType, "'%s' is an invalid keyword argument for zip()",
                      std::string(str_view(name)));
        return nullptr;
      }
      int r = is_true(args[nargs + i]);
      if (r < 0) return nullptr;
      strict = r != 0;
    }
  }
  Ref<> iters = steal(tuple_new(static_cast<ssize_t>(nargs)));
  if (!iters) return nullptr;
  for (size_t i = 0; i < nargs; ++i) tuple_init_item(iters.get(), static_cast<ssize_t>(i), nullptr);
  for (size_t i = 0; i < nargs; ++i) {
    Object* it = get_iter(args[i]);
    if (it == nullptr) return nullptr;
    tuple_init_item(iters.get(), static_cast<ssize_t>(i), it);
  }
  auto* z = static_cast<ZipObject*>(alloc_of(type));
  if (z == nullptr) return nullptr;
  z->iters = iters.release();
  z->strict = strict;
  return z;
}

Object* zip_strict_error(ssize_t i, bool shorter) {
  const char* plural = i == 1 ? " " : "s 1-";
  set_error_fmt(&kValueErrorType, "zip() argument %d is %s than argument%s%d",
                static_cast<int64_t>(i + 1), shorter ? "shorter" : "longer", plural,
                static_cast<int64_t>(i));
  return nullptr;
}

Object* zip_next(Object* o) {
  auto* z = static_cast<ZipObject*>(o);
  ssize_t n = tuple_size(z->iters);
  if (n == 0) return nullptr;
  Ref<> items[8];
  std::vector<Ref<>> many;
  if (n > 8) many.resize(static_cast<size_t>(n));
  Ref<>* slots = n > 8 ? many.data() : items;
  for (ssize_t i = 0; i < n; ++i) {
    slots[i] = steal(iter_next(tuple_get(z->iters, i)));
    if (slots[i]) continue;
    if (has_error() || !z->strict) return nullptr;
    if (i > 0) return zip_strict_error(i, true);
    for (ssize_t j = 1; j < n; ++j) {
      Ref<> extra = steal(iter_next(tuple_get(z->iters, j)));
      if (extra) return zip_strict_error(j, false);
      if (has_error()) return nullptr;
    }
    return nullptr;
  }
  Object* t = reuse_or_new_tuple(&z->result, n);
  if (t == nullptr) return nullptr;
  for (ssize_t i = 0; i < n; ++i) tuple_init_item(t, i, slots[i].release());
  return t;
}

void zip_dealloc(Object* o) {
  auto* z = static_cast<ZipObject*>(o);
  clear_slot(&z->iters);
  clear_slot(&z->result);
  generic_free(o);
}

int zip_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* z = static_cast<ZipObject*>(o);
  for (Object* p : {z->iters, z->result}) {
    if (p != nullptr) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

// --- map -------------------------------------------------------------------------------

struct MapObject : Object {
  Object* func;
  Object* iters;  // tuple
};

Object* map_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &kMapType && !no_kwargs("map", kwnames)) return nullptr;
  if (nargs < 2) {
    set_error(&kTypeErrorType, "map() must have at least two arguments.");
    return nullptr;
  }
  ssize_t n = static_cast<ssize_t>(nargs) - 1;
  Ref<> iters = steal(tuple_new(n));
  if (!iters) return nullptr;
  for (ssize_t i = 0; i < n; ++i) tuple_init_item(iters.get(), i, nullptr);
  for (ssize_t i = 0; i < n; ++i) {
    Object* it = get_iter(args[i + 1]);
    if (it == nullptr) return nullptr;
    tuple_init_item(iters.get(), i, it);
  }
  auto* m = static_cast<MapObject*>(alloc_of(type));
  if (m == nullptr) return nullptr;
  m->func = new_ref(args[0]);
  m->iters = iters.release();
  return m;
}

Object* map_next(Object* o) {
  auto* m = static_cast<MapObject*>(o);
  ssize_t n = tuple_size(m->iters);
  std::vector<Object*> argv(static_cast<size_t>(n));
  ssize_t got = 0;
  Object* result = nullptr;
  for (; got < n; ++got) {
    argv[static_cast<size_t>(got)] = iter_next(tuple_get(m->iters, got));
    if (argv[static_cast<size_t>(got)] == nullptr) break;
  }
  if (got == n) result = call(m->func, argv.data(), static_cast<size_t>(n));
  for (ssize_t i = 0; i < got; ++i) decref(argv[static_cast<size_t>(i)]);
  return result;
}

void map_dealloc(Object* o) {
  auto* m = static_cast<MapObject*>(o);
  clear_slot(&m->func);
  clear_slot(&m->iters);
  generic_free(o);
}

int map_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* m = static_cast<MapObject*>(o);
  for (Object* p : {m->func, m->iters}) {
    if (p != nullptr) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

// --- filter ----------------------------------------------------------------------------

struct FilterObject : Object {
  Object* func;  // None: truthiness
  Object* it;
};

Object* filter_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &kFilterType && !no_kwargs("filter", kwnames)) return nullptr;
  if (nargs != 2) {
    set_error_fmt(&kTypeErrorType, "filter expected 2 arguments, got %d", static_cast<int>(nargs));
    return nullptr;
  }
  Ref<> it = steal(get_iter(args[1]));
  if (!it) return nullptr;
  auto* f = static_cast<FilterObject*>(alloc_of(type));
  if (f == nullptr) return nullptr;
  f->func = new_ref(args[0]);
  f->it = it.release();
  return f;
}

Object* filter_next(Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  bool truthiness = f->func == kNone || f->func == static_cast<Object*>(&kBoolType);
  for (;;) {
    Ref<> item = steal(iter_next(f->it));
    if (!item) return nullptr;
    int ok;
    if (truthiness) {
      ok = is_true(item.get());
    } else {
      Object* arg = item.get();
      Ref<> r = steal(call(f->func, &arg, 1));
      if (!r) return nullptr;
      ok = is_true(r.get());
    }
    if (ok < 0) return nullptr;
    if (ok > 0) return item.release();
  }
}

void filter_dealloc(Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  clear_slot(&f->func);
  clear_slot(&f->it);
  generic_free(o);
}

int filter_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* f = static_cast<FilterObject*>(o);
  for (Object* p : {f->func, f->it}) {
    if (p != nullptr) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

// --- reversed and the sequence iterator ----------------------------------------------

struct SeqIterObject : Object {
  Object* seq;  // null once exhausted
  ssize_t index;
};

Object* reversed_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &kReversedType && !no_kwargs("reversed", kwnames)) return nullptr;
  if (nargs != 1) {
    set_error_fmt(&kTypeErrorType, "reversed expected 1 argument, got %d", static_cast<int>(nargs));
    return nullptr;
  }
  Object* seq = args[0];
  Object* meth = type_lookup(seq->type, str_intern("__reversed__"));
  if (meth == kNone) {
    set_error_fmt(&kTypeErrorType, "'%s' object is not reversible", type_name(seq));
    return nullptr;
  }
  if (meth != nullptr) return call_args(meth, {seq});
  if (seq->type->getitem == nullptr || dict_check(seq)) {
    set_error_fmt(&kTypeErrorType, "'%s' object is not reversible", type_name(seq));
    return nullptr;
  }
  ssize_t n = length(seq);
  if (n < 0) return nullptr;
  auto* r = static_cast<SeqIterObject*>(alloc_of(type));
  if (r == nullptr) return nullptr;
  r->seq = new_ref(seq);
  r->index = n - 1;
  return r;
}

Object* reversed_next(Object* o) {
  auto* r = static_cast<SeqIterObject*>(o);
  if (r->seq == nullptr) return nullptr;
  if (r->index >= 0) {
    Ref<> idx = steal(int_from_i64(r->index));
    if (!idx) return nullptr;
    Object* item = getitem(r->seq, idx.get());
    if (item != nullptr) {
      r->index--;
      return item;
    }
    if (!is_end_of_sequence()) return nullptr;
  }
  r->index = -1;
  clear_slot(&r->seq);
  return nullptr;
}

Object* reversed_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs("reversed", "__length_hint__", nargs, 0, 0, kwnames)) return nullptr;
  auto* r = static_cast<SeqIterObject*>(self);
  if (r->seq == nullptr) return int_from_i64(0);
  ssize_t n = length(r->seq);
  if (n < 0) {
    clear_error();
    return int_from_i64(0);
  }
  return int_from_i64(r->index < n ? r->index + 1 : 0);
}

const MethodDef kReversedMethods[] = {
    {"__length_hint__", reversed_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* seqiter_next(Object* o) {
  auto* s = static_cast<SeqIterObject*>(o);
  if (s->seq == nullptr) return nullptr;
  Ref<> idx = steal(int_from_i64(s->index));
  if (!idx) return nullptr;
  Object* item = getitem(s->seq, idx.get());
  if (item != nullptr) {
    s->index++;
    return item;
  }
  if (is_end_of_sequence()) clear_slot(&s->seq);
  return nullptr;
}

void seqiter_dealloc(Object* o) {
  clear_slot(&static_cast<SeqIterObject*>(o)->seq);
  generic_free(o);
}

int seqiter_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* s = static_cast<SeqIterObject*>(o);
  return s->seq != nullptr ? visit(s->seq, arg) : 0;
}

void init_iter_type(Type* t, const char* name, ssize_t size, DeallocFunc dealloc,
                    TraverseFunc traverse, UnaryFunc next, NewFunc new_fn) {
  init_static_type(t, name, size);
  t->flags |= kTypeHaveGC | (new_fn != nullptr ? uint32_t{kTypeBaseType} : 0u);
  t->dealloc = dealloc;
  t->traverse = traverse;
  t->iter = iter_self;
  t->iternext = next;
  t->new_ = new_fn;
}

}  // namespace

Object* seq_iter_new(Object* seq) {
  auto* s = static_cast<SeqIterObject*>(generic_alloc(&kSeqIterType));
  if (s == nullptr) return nullptr;
  s->seq = new_ref(seq);
  s->index = 0;
  return s;
}

void init_iterator_types() {
  init_iter_type(&kEnumerateType, "enumerate", sizeof(EnumerateObject), enumerate_dealloc,
                 enumerate_traverse, enumerate_next, enumerate_new);
  kEnumerateType.doc = "Return an enumerate object.";
  type_ready(&kEnumerateType);

  init_iter_type(&kZipType, "zip", sizeof(ZipObject), zip_dealloc, zip_traverse, zip_next,
                 zip_new);
  type_ready(&kZipType);

  init_iter_type(&kMapType, "map", sizeof(MapObject), map_dealloc, map_traverse, map_next,
                 map_new);
  type_ready(&kMapType);

  init_iter_type(&kFilterType, "filter", sizeof(FilterObject), filter_dealloc, filter_traverse,
                 filter_next, filter_new);
  type_ready(&kFilterType);

  init_iter_type(&kReversedType, "reversed", sizeof(SeqIterObject), seqiter_dealloc,
                 seqiter_traverse, reversed_next, reversed_new);
  kReversedType.methods = kReversedMethods;
  type_ready(&kReversedType);

  init_iter_type(&kSeqIterType, "iterator", sizeof(SeqIterObject), seqiter_dealloc,
                 seqiter_traverse, seqiter_next, nullptr);
  type_ready(&kSeqIterType);
}

}  // namespace conch::vm
