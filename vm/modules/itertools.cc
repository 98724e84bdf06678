// itertools: CPython's Modules/itertoolsmodule.c, one iterator type per
// function, each a C++ `iternext` so loops over them stay in C++.
//
// Layout convention: every iterator struct lists the Object* fields it owns
// first, right after the Object header, and says how many (kRefs); one
// templated dealloc/traverse pair then serves every type.
//
// Thread safety: count's next is one critical section (DESIGN.md: programs
// rely on `next(itertools.count())` being atomic).  The other iterators,
// like the builtin ones (vm/types/iterators.cc), do not lock: sharing one
// between threads is a race in CPython too, and each step re-reads fields.
//
// The combinatoric generators follow CPython's index algorithms exactly, so
// they yield the same tuples in the same order.
#include <string>
#include <vector>

#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/modules/stdlib.h"
#include "vm/types.h"
#include "vm/types/container_util.h"
#include "vm/types/int.h"

namespace conch::vm {

namespace {

// --- shared helpers --------------------------------------------------------------

template <class T>
Object** owned_refs(T* o) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + sizeof(Object));
}

template <class T>
void it_dealloc(Object* o) {
  auto* self = static_cast<T*>(o);
  Object** refs = owned_refs(self);
  for (int i = 0; i < T::kRefs; ++i) clear_slot(&refs[i]);
  self->~T();
  generic_free(o);
}

// The collector's clear(): drops every owned reference (breaks cycles).
template <class T>
int it_clear(Object* o) {
  Object** refs = owned_refs(static_cast<T*>(o));
  for (int i = 0; i < T::kRefs; ++i) clear_slot(&refs[i]);
  return 0;
}

template <class T>
int it_traverse(Object* o, VisitFunc visit, void* arg) {
  Object** refs = owned_refs(static_cast<T*>(o));
  for (int i = 0; i < T::kRefs; ++i) {
    if (refs[i] != nullptr) {
      if (int r = visit(refs[i], arg)) return r;
    }
  }
  return 0;
}

// Allocates a zeroed instance.  No constructor runs (it would overwrite the
// header), so the member initializers in the structs below are documentation
// only: every field starts as zero/null and new_ sets the others.  The
// std::vector members are constructed in place by their new_ functions.
template <class T>
T* alloc_it(Type* type) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  return static_cast<T*>(o);
}

bool no_kwargs(const char* fname, Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error_fmt(&kTypeErrorType, "%s() takes no keyword arguments", fname);
    return false;
  }
  return true;
}

// "name expected at least 2 arguments, got 1" (CPython's _PyArg_CheckPositional).
bool positional_count(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs < min) {
    if (min == max) {
      set_error_fmt(&kTypeErrorType, "%s expected %d argument%s, got %d", fname,
                    static_cast<int>(min), min == 1 ? "" : "s", static_cast<int>(nargs));
    } else {
      set_error_fmt(&kTypeErrorType, "%s expected at least %d argument%s, got %d", fname,
                    static_cast<int>(min), min == 1 ? "" : "s", static_cast<int>(nargs));
    }
    return false;
  }
  if (nargs > max) {
    set_error_fmt(&kTypeErrorType, "%s expected at most %d argument%s, got %d", fname,
                  static_cast<int>(max), max == 1 ? "" : "s", static_cast<int>(nargs));
    return false;
  }
  return true;
}

// A tuple of the items at `indices` of `pool` (a tuple).
Object* tuple_at(Object* pool, const std::vector<ssize_t>& indices, ssize_t r) {
  Object* t = tuple_new(r);
  if (t == nullptr) return nullptr;
  for (ssize_t i = 0; i < r; ++i) tuple_init_item(t, i, new_ref(tuple_get(pool, indices[i])));
  return t;
}

void init_iter_type(Type* t, const char* name, ssize_t size, DeallocFunc dealloc,
                    TraverseFunc traverse, InquiryFunc clear, NewFunc new_, UnaryFunc next,
                    const char* doc) {
  init_static_type(t, name, size);
  t->clear = clear;
  t->flags |= kTypeBaseType | kTypeHaveGC;
  t->doc = doc;
  t->dealloc = dealloc;
  t->traverse = traverse;
  t->new_ = new_;
  t->iter = iter_self;
  t->iternext = next;
}

// next() of an itertools object runs in the object's critical section:
// threads sharing one iterator (common: workers pulling from one shared
// iterator) take turns instead of corrupting its state, and count() stays
// atomic.  CPython 3.14t locks these the same way.  What next() calls (the
// inner iterator, user functions) may block, which suspends the section,
// exactly as the GIL is dropped around such calls in the GIL build.
template <UnaryFunc Next>
Object* locked_next(Object* o) {
  gc::CriticalSection cs{o};
  return Next(o);
}

#define ITER_TYPE(T, name, new_fn, next_fn, doc)                                                \
  init_iter_type(&T##Type, name, sizeof(T), it_dealloc<T>, it_traverse<T>, it_clear<T>, new_fn, \
                 locked_next<next_fn>, doc)

// --- count ------------------------------------------------------------------------

Type CountType;

// Fast mode: `long_cnt` null, the count is `cnt` and the step `step_small`
// (both fit in int64).  Slow mode (floats, big ints, overflow): long_cnt.
struct Count : Object {
  static constexpr int kRefs = 2;
  Object* long_cnt = nullptr;
  Object* step = nullptr;
  int64_t cnt = 0;
  int64_t step_small = 1;
  bool fast = false;
};

bool is_number(Object* o) {
  if (int_check(o) || float_check(o)) return true;
  NumberMethods* nb = o->type->number;
  return nb != nullptr && (nb->index != nullptr || nb->to_int != nullptr ||
                           nb->to_float != nullptr);  // PyNumber_Check
}

Object* count_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"count", {"start", "step"}, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Object* start = a[0] != nullptr ? a[0] : int_new_small(0);
  Object* step = a[1] != nullptr ? a[1] : int_new_small(1);
  if (!is_number(start) || !is_number(step)) {
    set_error(&kTypeErrorType, "a number is required");
    return nullptr;
  }
  auto* c = alloc_it<Count>(type);
  if (c == nullptr) return nullptr;
  c->step = new_ref(step);
  int64_t s, st;
  if (int_check_exact(start) && int_check_exact(step) && int_to_i64(start, &s) &&
      int_to_i64(step, &st)) {
    c->fast = true;
    c->cnt = s;
    c->step_small = st;
  } else {
    c->long_cnt = new_ref(start);
  }
  return c;
}

// Runs in the count's critical section (locked_next): one next() is atomic.
Object* count_next(Object* o) {
  auto* c = static_cast<Count*>(o);
  if (c->fast) {
    int64_t r = c->cnt, nx;
    if (!__builtin_add_overflow(r, c->step_small, &nx)) {
      c->cnt = nx;
      return int_new_small(r);
    }
    c->long_cnt = int_from_i64(r);
    if (c->long_cnt == nullptr) return nullptr;
    c->fast = false;
  }
  Object* next = binary_op(c->long_cnt, c->step, BinaryOp::kAdd);
  if (next == nullptr) return nullptr;
  Object* result = c->long_cnt;
  c->long_cnt = next;
  return result;
}

Object* count_repr(Object* o) {
  auto* c = static_cast<Count*>(o);
  Ref<> cnt;
  {
    gc::CriticalSection cs{o};
    cnt = c->fast ? steal(int_from_i64(c->cnt)) : borrow(c->long_cnt);
  }
  if (!cnt) return nullptr;
  Ref<> r = steal(repr(cnt.get()));
  if (!r) return nullptr;
  std::string_view name = o->type->name;
  name = name.substr(name.rfind('.') + 1);  // _PyType_Name: after the last dot
  std::string out = std::string(name) + "(" + std::string(str_view(r.get()));
  int64_t st;
  if (!(int_check(c->step) && int_to_i64(c->step, &st) && st == 1)) {
    Ref<> sr = steal(repr(c->step));
    if (!sr) return nullptr;
    out += ", ";
    out += str_view(sr.get());
  }
  out += ")";
  return str_from(out);
}

// --- repeat -----------------------------------------------------------------------

Type RepeatType;

struct Repeat : Object {
  static constexpr int kRefs = 1;
  Object* element = nullptr;
  ssize_t cnt = -1;  // -1: forever
};

Object* repeat_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"repeat", {"object", "times"}, 1, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  ssize_t cnt = -1;
  if (a[1] != nullptr) {
    cnt = index_as_ssize(a[1]);
    if (cnt == -1 && has_error()) return nullptr;
    if (cnt < 0) cnt = 0;
  }
  auto* r = alloc_it<Repeat>(type);
  if (r == nullptr) return nullptr;
  r->element = new_ref(a[0]);
  r->cnt = cnt;
  return r;
}

Object* repeat_next(Object* o) {
  auto* r = static_cast<Repeat*>(o);
  if (r->cnt == 0) return nullptr;
  if (r->cnt > 0) r->cnt--;
  return new_ref(r->element);
}

Object* repeat_repr(Object* o) {
  auto* r = static_cast<Repeat*>(o);
  Ref<> er = steal(repr(r->element));
  if (!er) return nullptr;
  std::string out = "repeat(" + std::string(str_view(er.get()));
  if (r->cnt >= 0) out += ", " + std::to_string(r->cnt);
  out += ")";
  return str_from(out);
}

Object* repeat_length_hint(Object* o, Object* const*, size_t, Object*) {
  auto* r = static_cast<Repeat*>(o);
  if (r->cnt == -1) {
    set_error(&kTypeErrorType, "len() of unsized object");
    return nullptr;
  }
  return int_from_i64(r->cnt);
}

const MethodDef kRepeatMethods[] = {
    {"__length_hint__", repeat_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- chain ------------------------------------------------------------------------

Type ChainType;

struct Chain : Object {
  static constexpr int kRefs = 2;
  Object* source = nullptr;  // iterator over the iterables
  Object* active = nullptr;  // iterator over the current one
};

Object* chain_make(Type* type, Object* source) {
  auto* c = alloc_it<Chain>(type);
  if (c == nullptr) return nullptr;
  c->source = source;  // stolen
  return c;
}

Object* chain_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &ChainType && !no_kwargs("chain", kwnames)) return nullptr;
  Ref<> t = steal(tuple_from_array(args, static_cast<ssize_t>(nargs)));
  if (!t) return nullptr;
  Object* source = get_iter(t.get());
  if (source == nullptr) return nullptr;
  return chain_make(type, source);
}

Object* chain_from_iterable(Object* cls, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("from_iterable", nargs, 1, 1, kwnames)) return nullptr;
  Object* source = get_iter(args[0]);
  if (source == nullptr) return nullptr;
  return chain_make(static_cast<Type*>(cls), source);
}

Object* chain_next(Object* o) {
  auto* c = static_cast<Chain*>(o);
  while (c->source != nullptr) {
    if (c->active == nullptr) {
      Ref<> iterable = steal(iter_next(c->source));
      if (!iterable) {
        clear_slot(&c->source);
        return nullptr;
      }
      Object* it = get_iter(iterable.get());
      if (it == nullptr) return nullptr;
      set_slot(&c->active, it);
    }
    Object* item = iter_next(c->active);
    if (item != nullptr) return item;
    if (has_error()) return nullptr;
    clear_slot(&c->active);
  }
  return nullptr;
}

const MethodDef kChainMethods[] = {
    {"from_iterable", chain_from_iterable, kMethodClass,
     "Alternative chain() constructor taking a single iterable argument."},
    {"__class_getitem__", class_getitem_self, kMethodClass, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// --- islice -----------------------------------------------------------------------

Type IsliceType;

struct Islice : Object {
  static constexpr int kRefs = 1;
  Object* it = nullptr;
  ssize_t next = 0;
  ssize_t stop = -1;  // -1: no limit
  ssize_t step = 1;
  ssize_t cnt = 0;
};

// None -> dflt; an int 0 <= x <= maxsize; else ValueError `msg`.
bool islice_arg(Object* a, ssize_t dflt, const char* msg, ssize_t* out) {
  if (a == kNone) {
    *out = dflt;
    return true;
  }
  if (a->type->number == nullptr || a->type->number->index == nullptr) {
    if (!int_check(a)) {
      set_error(&kValueErrorType, msg);
      return false;
    }
  }
  Ref<> i = steal(number_index(a));
  if (!i) return false;
  int64_t v;
  if (!int_to_i64(i.get(), &v)) v = int_sign(i.get()) < 0 ? -1 : INT64_MAX;
  if (v < 0) {
    set_error(&kValueErrorType, msg);
    return false;
  }
  *out = v;
  return true;
}

Object* islice_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &IsliceType && !no_kwargs("islice", kwnames)) return nullptr;
  if (!positional_count("islice", nargs, 2, 4)) return nullptr;
  ssize_t start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    if (!islice_arg(args[1], -1,
                    "Stop argument for islice() must be None or an integer: 0 <= x <= "
                    "sys.maxsize.",
                    &stop))
      return nullptr;
  } else {
    const char* msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    if (!islice_arg(args[1], 0, msg, &start) || !islice_arg(args[2], -1, msg, &stop))
      return nullptr;
    if (nargs == 4) {
      if (args[3] != kNone) {
        if (!islice_arg(args[3], 1, "Step for islice() must be a positive integer or None.", &step))
          return nullptr;
        if (step == 0) {
          set_error(&kValueErrorType, "Step for islice() must be a positive integer or None.");
          return nullptr;
        }
      }
    }
  }
  Object* it = get_iter(args[0]);
  if (it == nullptr) return nullptr;
  auto* s = alloc_it<Islice>(type);
  if (s == nullptr) {
    decref(it);
    return nullptr;
  }
  s->it = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return s;
}

Object* islice_next(Object* o) {
  auto* s = static_cast<Islice*>(o);
  if (s->it == nullptr) return nullptr;
  while (s->cnt < s->next) {
    Object* item = iter_next(s->it);
    if (item == nullptr) {
      if (!has_error()) clear_slot(&s->it);
      return nullptr;
    }
    decref(item);
    s->cnt++;
  }
  if (s->stop != -1 && s->cnt >= s->stop) {
    clear_slot(&s->it);
    return nullptr;
  }
  Object* item = iter_next(s->it);
  if (item == nullptr) {
    if (!has_error()) clear_slot(&s->it);
    return nullptr;
  }
  s->cnt++;
  ssize_t old = s->next;
  s->next += s->step;
  if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
  return item;
}

// --- product ----------------------------------------------------------------------

Type ProductType;

struct Product : Object {
  static constexpr int kRefs = 2;
  Object* pools = nullptr;   // tuple of tuples
  Object* result = nullptr;  // last tuple yielded, or null before the first
  std::vector<ssize_t> indices;
  bool stopped = false;
};

Object* product_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  ssize_t repeat = 1;
  if (kwnames != nullptr) {
    for (ssize_t i = 0; i < tuple_size(kwnames); ++i) {
      Object* name = tuple_get(kwnames, i);
      if (!str_equal_cstr(name, "repeat")) {
        set_error_fmt(&kTypeErrorType, "product() got an unexpected keyword argument '%s'",
                      std::string(str_view(name)));
        return nullptr;
      }
      repeat = index_as_ssize(args[nargs + i]);
      if (repeat == -1 && has_error()) return nullptr;
      if (repeat < 0) {
        set_error(&kValueErrorType, "repeat argument cannot be negative");
        return nullptr;
      }
    }
  }
  // Each argument becomes a tuple once (even with repeat=0, so a
  // non-iterable still raises), then the pools repeat those tuples.
  std::vector<Ref<>> bases;
  for (size_t i = 0; i < nargs; ++i) {
    bases.push_back(steal(sequence_tuple(args[i])));
    if (!bases.back()) return nullptr;
  }
  ssize_t npools = static_cast<ssize_t>(nargs) * repeat;
  Ref<> pools = steal(tuple_new(npools));
  if (!pools) return nullptr;
  for (ssize_t i = 0; i < npools; ++i) {
    tuple_init_item(pools.get(), i, new_ref(bases[static_cast<size_t>(i) % nargs].get()));
  }
  auto* p = alloc_it<Product>(type);
  if (p == nullptr) return nullptr;
  new (&p->indices) std::vector<ssize_t>();
  p->pools = pools.release();
  p->indices.assign(static_cast<size_t>(npools), 0);
  return p;
}

Object* product_next(Object* o) {
  auto* p = static_cast<Product*>(o);
  if (p->stopped) return nullptr;
  ssize_t n = tuple_size(p->pools);
  if (p->result == nullptr) {
    for (ssize_t i = 0; i < n; ++i) {
      if (tuple_size(tuple_get(p->pools, i)) == 0) {
        p->stopped = true;
        return nullptr;
      }
    }
  } else {
    // Advance the rightmost index that can move; reset those after it.
    ssize_t i = n - 1;
    for (; i >= 0; --i) {
      size_t k = static_cast<size_t>(i);
      if (++p->indices[k] < tuple_size(tuple_get(p->pools, i))) break;
      p->indices[k] = 0;
    }
    if (i < 0) {
      p->stopped = true;
      return nullptr;
    }
  }
  Object* t = tuple_new(n);
  if (t == nullptr) return nullptr;
  for (ssize_t i = 0; i < n; ++i) {
    Object* pool = tuple_get(p->pools, i);
    tuple_init_item(t, i, new_ref(tuple_get(pool, p->indices[static_cast<size_t>(i)])));
  }
  set_slot(&p->result, new_ref(t));
  return t;
}

// --- combinations, combinations_with_replacement, permutations -------------------

Type CombinationsType;
Type CwrType;
Type PermutationsType;

struct Combinatoric : Object {
  static constexpr int kRefs = 1;
  Object* pool = nullptr;  // tuple
  std::vector<ssize_t> indices;
  std::vector<ssize_t> cycles;  // permutations only
  ssize_t r = 0;
  bool started = false;
  bool stopped = false;
};

Object* combinatoric_new(Type* type, const char* fname, Object* const* args, size_t nargs,
                         Object* kwnames, bool r_optional) {
  ArgSpec spec{fname, {"iterable", "r"}, r_optional ? size_t{1} : size_t{2}, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> pool = steal(sequence_tuple(a[0]));
  if (!pool) return nullptr;
  ssize_t n = tuple_size(pool.get());
  ssize_t r = n;
  if (a[1] != nullptr && a[1] != kNone) {
    r = index_as_ssize(a[1]);
    if (r == -1 && has_error()) return nullptr;
  } else if (!r_optional) {
    set_error(&kTypeErrorType, "Expected int as r");
    return nullptr;
  }
  if (r < 0) {
    set_error(&kValueErrorType, "r must be non-negative");
    return nullptr;
  }
  auto* c = alloc_it<Combinatoric>(type);
  if (c == nullptr) return nullptr;
  new (&c->indices) std::vector<ssize_t>();
  new (&c->cycles) std::vector<ssize_t>();
  c->pool = pool.release();
  c->r = r;
  return c;
}

Object* combinations_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  auto* c = static_cast<Combinatoric*>(
      combinatoric_new(type, "combinations", args, nargs, kwnames, false));
  if (c == nullptr) return nullptr;
  c->stopped = c->r > tuple_size(c->pool);
  for (ssize_t i = 0; i < c->r && !c->stopped; ++i) c->indices.push_back(i);
  return c;
}

Object* combinations_next(Object* o) {
  auto* c = static_cast<Combinatoric*>(o);
  if (c->stopped) return nullptr;
  ssize_t n = tuple_size(c->pool), r = c->r;
  auto& idx = c->indices;
  if (c->started) {
    ssize_t i = r - 1;
    while (i >= 0 && idx[static_cast<size_t>(i)] == i + n - r) --i;
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
    idx[static_cast<size_t>(i)]++;
    for (ssize_t j = i + 1; j < r; ++j)
      idx[static_cast<size_t>(j)] = idx[static_cast<size_t>(j - 1)] + 1;
  }
  c->started = true;
  return tuple_at(c->pool, idx, r);
}

Object* cwr_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  auto* c = static_cast<Combinatoric*>(
      combinatoric_new(type, "combinations_with_replacement", args, nargs, kwnames, false));
  if (c == nullptr) return nullptr;
  c->stopped = tuple_size(c->pool) == 0 && c->r > 0;
  c->indices.assign(static_cast<size_t>(c->stopped ? 0 : c->r), 0);
  return c;
}

Object* cwr_next(Object* o) {
  auto* c = static_cast<Combinatoric*>(o);
  if (c->stopped) return nullptr;
  ssize_t n = tuple_size(c->pool), r = c->r;
  auto& idx = c->indices;
  if (c->started) {
    ssize_t i = r - 1;
    while (i >= 0 && idx[static_cast<size_t>(i)] == n - 1) --i;
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
    ssize_t v = idx[static_cast<size_t>(i)] + 1;
    for (ssize_t j = i; j < r; ++j) idx[static_cast<size_t>(j)] = v;
  }
  c->started = true;
  return tuple_at(c->pool, idx, r);
}

Object* permutations_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  auto* c = static_cast<Combinatoric*>(
      combinatoric_new(type, "permutations", args, nargs, kwnames, true));
  if (c == nullptr) return nullptr;
  ssize_t n = tuple_size(c->pool);
  c->stopped = c->r > n;
  if (!c->stopped) {
    for (ssize_t i = 0; i < n; ++i) c->indices.push_back(i);
    for (ssize_t i = 0; i < c->r; ++i) c->cycles.push_back(n - i);
  }
  return c;
}

Object* permutations_next(Object* o) {
  auto* c = static_cast<Combinatoric*>(o);
  if (c->stopped) return nullptr;
  ssize_t n = tuple_size(c->pool), r = c->r;
  auto& idx = c->indices;
  auto& cyc = c->cycles;
  if (c->started) {
    if (n == 0) {
      c->stopped = true;
      return nullptr;
    }
    ssize_t i = r - 1;
    for (; i >= 0; --i) {
      size_t k = static_cast<size_t>(i);
      if (--cyc[k] == 0) {
        // Rotate indices[i:] left by one.
        ssize_t first = idx[k];
        for (ssize_t j = i; j < n - 1; ++j)
          idx[static_cast<size_t>(j)] = idx[static_cast<size_t>(j + 1)];
        idx[static_cast<size_t>(n - 1)] = first;
        cyc[k] = n - i;
      } else {
        ssize_t j = cyc[k];
        std::swap(idx[k], idx[static_cast<size_t>(n - j)]);
        break;
      }
    }
    if (i < 0) {
      c->stopped = true;
      return nullptr;
    }
  }
  c->started = true;
  return tuple_at(c->pool, idx, r);
}

// --- cycle ------------------------------------------------------------------------

Type CycleType;

struct Cycle : Object {
  static constexpr int kRefs = 2;
  Object* it = nullptr;
  Object* saved = nullptr;  // list
  ssize_t index = 0;
};

Object* cycle_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &CycleType && !no_kwargs("cycle", kwnames)) return nullptr;
  if (!positional_count("cycle", nargs, 1, 1)) return nullptr;
  Ref<> it = steal(get_iter(args[0]));
  if (!it) return nullptr;
  Ref<> saved = steal(list_new(0));
  if (!saved) return nullptr;
  auto* c = alloc_it<Cycle>(type);
  if (c == nullptr) return nullptr;
  c->it = it.release();
  c->saved = saved.release();
  return c;
}

Object* cycle_next(Object* o) {
  auto* c = static_cast<Cycle*>(o);
  if (c->it != nullptr) {
    Object* item = iter_next(c->it);
    if (item != nullptr) {
      if (list_append(c->saved, item) < 0) {
        decref(item);
        return nullptr;
      }
      return item;
    }
    if (has_error()) return nullptr;
    clear_slot(&c->it);
  }
  ssize_t n = list_size(c->saved);
  if (n == 0) return nullptr;
  if (c->index >= n) c->index = 0;
  Object* item = list_get_ref(c->saved, c->index);
  if (++c->index >= n) c->index = 0;
  return item;
}

// --- accumulate -------------------------------------------------------------------

Type AccumulateType;

struct Accumulate : Object {
  static constexpr int kRefs = 4;
  Object* it = nullptr;
  Object* func = nullptr;  // null: addition
  Object* total = nullptr;
  Object* initial = nullptr;  // yielded first, then cleared
};

Object* accumulate_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"accumulate", {"iterable", "func", "initial"}, 1, 2};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> it = steal(get_iter(a[0]));
  if (!it) return nullptr;
  auto* acc = alloc_it<Accumulate>(type);
  if (acc == nullptr) return nullptr;
  acc->it = it.release();
  if (a[1] != nullptr && a[1] != kNone) acc->func = new_ref(a[1]);
  if (a[2] != nullptr && a[2] != kNone) acc->initial = new_ref(a[2]);
  return acc;
}

Object* accumulate_next(Object* o) {
  auto* acc = static_cast<Accumulate*>(o);
  if (acc->initial != nullptr) {
    Object* init = acc->initial;
    acc->initial = nullptr;
    set_slot(&acc->total, new_ref(init));
    return init;
  }
  Ref<> val = steal(iter_next(acc->it));
  if (!val) return nullptr;
  if (acc->total == nullptr) {
    acc->total = new_ref(val.get());
    return val.release();
  }
  Object* nt;
  if (acc->func == nullptr) {
    nt = binary_op(acc->total, val.get(), BinaryOp::kAdd);
  } else {
    Object* call_args[2] = {acc->total, val.get()};
    nt = call(acc->func, call_args, 2);
  }
  if (nt == nullptr) return nullptr;
  set_slot(&acc->total, nt);
  return new_ref(nt);
}

// --- zip_longest ------------------------------------------------------------------

Type ZipLongestType;

struct ZipLongest : Object {
  static constexpr int kRefs = 2;
  Object* iters = nullptr;  // list of iterators; exhausted ones become None
  Object* fillvalue = nullptr;
  ssize_t numactive = 0;
};

Object* zip_longest_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  Object* fill = kNone;
  if (kwnames != nullptr) {
    for (ssize_t i = 0; i < tuple_size(kwnames); ++i) {
      Object* name = tuple_get(kwnames, i);
      if (!str_equal_cstr(name, "fillvalue")) {
        set_error(&kTypeErrorType, "zip_longest() got an unexpected keyword argument");
        return nullptr;
      }
      fill = args[nargs + i];
    }
  }
  Ref<> iters = steal(list_new(0));
  if (!iters) return nullptr;
  for (size_t i = 0; i < nargs; ++i) {
    Ref<> it = steal(get_iter(args[i]));
    if (!it || list_append(iters.get(), it.get()) < 0) return nullptr;
  }
  auto* z = alloc_it<ZipLongest>(type);
  if (z == nullptr) return nullptr;
  z->iters = iters.release();
  z->fillvalue = new_ref(fill);
  z->numactive = static_cast<ssize_t>(nargs);
  return z;
}

Object* zip_longest_next(Object* o) {
  auto* z = static_cast<ZipLongest*>(o);
  ssize_t n = list_size(z->iters);
  if (n == 0 || z->numactive == 0) return nullptr;
  Ref<> result = steal(tuple_new(n));
  if (!result) return nullptr;
  for (ssize_t i = 0; i < n; ++i) tuple_init_item(result.get(), i, nullptr);
  for (ssize_t i = 0; i < n; ++i) {
    Ref<> it = steal(list_get_ref(z->iters, i));
    if (!it) return nullptr;
    Object* item = nullptr;
    if (it.get() != kNone) {
      item = iter_next(it.get());
      if (item == nullptr) {
        if (has_error()) return nullptr;
        if (--z->numactive == 0) return nullptr;
        Ref<> index = steal(int_from_i64(i));
        if (!index || setitem(z->iters, index.get(), kNone) < 0) return nullptr;
      }
    }
    tuple_init_item(result.get(), i, item != nullptr ? item : new_ref(z->fillvalue));
  }
  return result.release();
}

// --- starmap, takewhile, dropwhile, filterfalse, compress, pairwise ---------------

Type StarmapType;
Type TakewhileType;
Type DropwhileType;
Type FilterfalseType;
Type CompressType;
Type PairwiseType;

// (func-or-pred, iterator) pairs share one layout.
struct FuncIter : Object {
  static constexpr int kRefs = 3;
  Object* func = nullptr;
  Object* it = nullptr;
  Object* extra = nullptr;  // compress: selectors; pairwise: the previous item
  bool flag = false;        // takewhile: stopped; dropwhile: done dropping
};

Object* func_iter_new(Type* type, const char* fname, Object* const* args, size_t nargs,
                      Object* kwnames) {
  if (type->flags & kTypeHeapType ? false : !no_kwargs(fname, kwnames)) return nullptr;
  if (!positional_count(fname, nargs, 2, 2)) return nullptr;
  Ref<> it = steal(get_iter(args[1]));
  if (!it) return nullptr;
  auto* f = alloc_it<FuncIter>(type);
  if (f == nullptr) return nullptr;
  f->func = new_ref(args[0]);
  f->it = it.release();
  return f;
}

Object* starmap_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return func_iter_new(type, "starmap", args, nargs, kwnames);
}

Object* starmap_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  Ref<> item = steal(iter_next(f->it));
  if (!item) return nullptr;
  Ref<> t = tuple_check(item.get()) ? item : steal(sequence_tuple(item.get()));
  if (!t) return nullptr;
  return call(f->func, tuple_items(t.get()), static_cast<size_t>(tuple_size(t.get())));
}

// pred(item) as 1/0/-1.
int predicate(Object* pred, Object* item) {
  if (pred == kNone) return is_true(item);
  Ref<> r = steal(call(pred, &item, 1));
  if (!r) return -1;
  return is_true(r.get());
}

Object* takewhile_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return func_iter_new(type, "takewhile", args, nargs, kwnames);
}

Object* takewhile_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  if (f->flag) return nullptr;
  Ref<> item = steal(iter_next(f->it));
  if (!item) return nullptr;
  Object* call_arg = item.get();
  Ref<> r = steal(call(f->func, &call_arg, 1));
  if (!r) return nullptr;
  int ok = is_true(r.get());
  if (ok < 0) return nullptr;
  if (ok) return item.release();
  f->flag = true;
  return nullptr;
}

Object* dropwhile_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return func_iter_new(type, "dropwhile", args, nargs, kwnames);
}

Object* dropwhile_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  for (;;) {
    Ref<> item = steal(iter_next(f->it));
    if (!item) return nullptr;
    if (f->flag) return item.release();
    Object* call_arg = item.get();
    Ref<> r = steal(call(f->func, &call_arg, 1));
    if (!r) return nullptr;
    int ok = is_true(r.get());
    if (ok < 0) return nullptr;
    if (!ok) {
      f->flag = true;
      return item.release();
    }
  }
}

Object* filterfalse_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  return func_iter_new(type, "filterfalse", args, nargs, kwnames);
}

Object* filterfalse_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  for (;;) {
    Ref<> item = steal(iter_next(f->it));
    if (!item) return nullptr;
    int ok = predicate(f->func, item.get());
    if (ok < 0) return nullptr;
    if (!ok) return item.release();
  }
}

Object* compress_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"compress", {"data", "selectors"}, 2, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> data = steal(get_iter(a[0]));
  if (!data) return nullptr;
  Ref<> sel = steal(get_iter(a[1]));
  if (!sel) return nullptr;
  auto* f = alloc_it<FuncIter>(type);
  if (f == nullptr) return nullptr;
  f->it = data.release();
  f->extra = sel.release();
  return f;
}

Object* compress_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  for (;;) {
    Ref<> datum = steal(iter_next(f->it));
    if (!datum) return nullptr;
    Ref<> selector = steal(iter_next(f->extra));
    if (!selector) return nullptr;
    int ok = is_true(selector.get());
    if (ok < 0) return nullptr;
    if (ok) return datum.release();
  }
}

Object* pairwise_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &PairwiseType && !no_kwargs("pairwise", kwnames)) return nullptr;
  if (!positional_count("pairwise", nargs, 1, 1)) return nullptr;
  Ref<> it = steal(get_iter(args[0]));
  if (!it) return nullptr;
  auto* f = alloc_it<FuncIter>(type);
  if (f == nullptr) return nullptr;
  f->it = it.release();
  return f;
}

Object* pairwise_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  if (f->it == nullptr) return nullptr;
  if (f->extra == nullptr) {
    f->extra = iter_next(f->it);
    if (f->extra == nullptr) {
      if (!has_error()) clear_slot(&f->it);
      return nullptr;
    }
  }
  Object* next = iter_next(f->it);
  if (next == nullptr) {
    if (!has_error()) {
      clear_slot(&f->it);
      clear_slot(&f->extra);
    }
    return nullptr;
  }
  Object* result = tuple_pack({f->extra, next});
  set_slot(&f->extra, next);
  return result;
}

// --- groupby ----------------------------------------------------------------------

Type GroupbyType;
Type GrouperType;

struct Groupby : Object {
  static constexpr int kRefs = 5;
  Object* it = nullptr;
  Object* keyfunc = nullptr;  // None: identity
  Object* tgtkey = nullptr;
  Object* currkey = nullptr;
  Object* currvalue = nullptr;
  Object* currgrouper = nullptr;  // NOT owned: identity of the live _grouper
};

struct Grouper : Object {
  static constexpr int kRefs = 2;
  Object* parent = nullptr;
  Object* tgtkey = nullptr;
};

Object* groupby_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"groupby", {"iterable", "key"}, 1, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> it = steal(get_iter(a[0]));
  if (!it) return nullptr;
  auto* g = alloc_it<Groupby>(type);
  if (g == nullptr) return nullptr;
  g->it = it.release();
  g->keyfunc = new_ref(a[1] != nullptr ? a[1] : kNone);
  return g;
}

int groupby_step(Groupby* g) {
  Ref<> value = steal(iter_next(g->it));
  if (!value) return -1;
  Ref<> key;
  if (g->keyfunc == kNone) {
    key = value;
  } else {
    Object* arg = value.get();
    key = steal(call(g->keyfunc, &arg, 1));
    if (!key) return -1;
  }
  set_slot(&g->currvalue, value.release());
  set_slot(&g->currkey, key.release());
  return 0;
}

Object* groupby_next(Object* o) {
  auto* g = static_cast<Groupby*>(o);
  g->currgrouper = nullptr;
  for (;;) {
    if (g->currkey != nullptr) {
      if (g->tgtkey == nullptr) break;
      int eq = rich_compare_bool(g->tgtkey, g->currkey, CompareOp::kEq);
      if (eq < 0) return nullptr;
      if (eq == 0) break;
    }
    if (groupby_step(g) < 0) return nullptr;
  }
  set_slot(&g->tgtkey, new_ref(g->currkey));
  auto* gr = alloc_it<Grouper>(&GrouperType);
  if (gr == nullptr) return nullptr;
  gr->parent = new_ref(g);
  gr->tgtkey = new_ref(g->tgtkey);
  g->currgrouper = gr;
  Object* r = tuple_pack({g->currkey, gr});
  decref(gr);
  return r;
}

// The state lives in the parent groupby: its section (as groupby_next's).
Object* grouper_next(Object* o) {
  auto* gr = static_cast<Grouper*>(o);
  auto* g = static_cast<Groupby*>(gr->parent);  // set at creation, never changed
  gc::CriticalSection cs{g};
  if (g->currgrouper != gr) return nullptr;
  if (g->currvalue == nullptr && groupby_step(g) < 0) return nullptr;
  int eq = rich_compare_bool(gr->tgtkey, g->currkey, CompareOp::kEq);
  if (eq <= 0) return nullptr;
  Object* r = g->currvalue;
  g->currvalue = nullptr;
  clear_slot(&g->currkey);
  return r;
}

// --- tee --------------------------------------------------------------------------
// As CPython: the source's items sit in a chain of fixed-size blocks; each tee
// iterator holds the block it reads and an index into it, so blocks every
// iterator has passed are freed by reference counting.

Type TeeDataType;
Type TeeType;

constexpr int kTeeBlock = 57;

struct TeeData : Object {
  static constexpr int kRefs = 2;
  Object* it = nullptr;
  Object* next = nullptr;
  int numread = 0;
  bool running = false;
  Object* values[kTeeBlock] = {};
};

// Thread safety: a tee's own fields are guarded by its section; the blocks
// a family of tees share (values, numread, next, running) by the section of
// their source iterator, which every block of the family holds as `it` and
// every tee as `source` (set at creation, never changed).  tee_next takes
// both at once.
struct Tee : Object {
  static constexpr int kRefs = 2;
  Object* data = nullptr;
  Object* source = nullptr;
  int index = 0;
};

void teedata_dealloc(Object* o) {
  auto* d = static_cast<TeeData*>(o);
  for (int i = 0; i < d->numread; ++i) clear_slot(&d->values[i]);
  clear_slot(&d->it);
  // Free the rest of the chain iteratively: a long chain must not recurse.
  Object* next = d->next;
  d->next = nullptr;
  while (next != nullptr && gc::refcount(next) == 1) {
    auto* nd = static_cast<TeeData*>(next);
    Object* after = nd->next;
    nd->next = nullptr;
    decref(next);
    next = after;
  }
  xdecref(next);
  generic_free(o);
}

int teedata_traverse(Object* o, VisitFunc visit, void* arg) {
  auto* d = static_cast<TeeData*>(o);
  for (int i = 0; i < d->numread; ++i) {
    if (int r = visit(d->values[i], arg)) return r;
  }
  return it_traverse<TeeData>(o, visit, arg);
}

int teedata_clear(Object* o) {
  auto* d = static_cast<TeeData*>(o);
  int n = d->numread;
  d->numread = 0;
  for (int i = 0; i < n; ++i) clear_slot(&d->values[i]);
  return it_clear<TeeData>(o);
}

Object* teedata_new_block(Object* it) {
  auto* d = alloc_it<TeeData>(&TeeDataType);
  if (d == nullptr) return nullptr;
  d->it = new_ref(it);
  return d;
}

Object* tee_make(Object* data, int index) {
  auto* t = alloc_it<Tee>(&TeeType);
  if (t == nullptr) return nullptr;
  t->data = new_ref(data);
  t->source = new_ref(static_cast<TeeData*>(data)->it);
  t->index = index;
  return t;
}

Object* tee_from_iterable(Object* iterable) {
  Ref<> it = steal(get_iter(iterable));
  if (!it) return nullptr;
  if (it->type == &TeeType) {
    auto* src = static_cast<Tee*>(it.get());
    gc::CriticalSection cs{src};
    return tee_make(src->data, src->index);
  }
  Ref<> data = steal(teedata_new_block(it.get()));
  if (!data) return nullptr;
  return tee_make(data.get(), 0);
}

Object* tee_type_new(Type*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!no_kwargs("_tee", kwnames) || !positional_count("_tee", nargs, 1, 1)) return nullptr;
  return tee_from_iterable(args[0]);
}

Object* tee_next(Object* o) {
  auto* t = static_cast<Tee*>(o);
  if (t->source == nullptr) return nullptr;  // cleared by the collector
  gc::CriticalSection2 cs{o, t->source};
  auto* d = static_cast<TeeData*>(t->data);
  if (t->index >= kTeeBlock) {
    if (d->next == nullptr) {
      d->next = teedata_new_block(d->it);
      if (d->next == nullptr) return nullptr;
    }
    set_slot(&t->data, new_ref(d->next));
    t->index = 0;
    d = static_cast<TeeData*>(t->data);
  }
  if (t->index < d->numread) return new_ref(d->values[t->index++]);
  if (d->running) {
    set_error(&kRuntimeErrorType, "cannot re-enter the tee iterator");
    return nullptr;
  }
  d->running = true;
  Object* value = iter_next(d->it);
  d->running = false;
  if (value == nullptr) return nullptr;
  d->values[d->numread++] = value;
  t->index++;
  return new_ref(value);
}

Object* tee_copy(Object* o, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("__copy__", nargs, 0, 0, kwnames)) return nullptr;
  auto* t = static_cast<Tee*>(o);
  gc::CriticalSection cs{o};
  return tee_make(t->data, t->index);
}

const MethodDef kTeeMethods[] = {
    {"__copy__", tee_copy, kMethodDefault, "Returns an independent iterator."},
    {nullptr, nullptr, 0, nullptr},
};

Object* itertools_tee(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!no_kwargs("tee", kwnames) || !positional_count("tee", nargs, 1, 2)) return nullptr;
  ssize_t n = 2;
  if (nargs == 2) {
    n = index_as_ssize(args[1]);
    if (n == -1 && has_error()) return nullptr;
  }
  if (n < 0) {
    set_error(&kValueErrorType, "n must be >= 0");
    return nullptr;
  }
  Ref<> result = steal(tuple_new(n));
  if (!result) return nullptr;
  for (ssize_t i = 0; i < n; ++i) tuple_init_item(result.get(), i, nullptr);
  if (n == 0) {
    Ref<> it = steal(get_iter(args[0]));  // still validates the argument
    if (!it) return nullptr;
    return result.release();
  }
  Object* first = tee_from_iterable(args[0]);
  if (first == nullptr) return nullptr;
  tuple_init_item(result.get(), 0, first);
  auto* t = static_cast<Tee*>(first);
  for (ssize_t i = 1; i < n; ++i) {
    Object* copy = tee_make(t->data, t->index);
    if (copy == nullptr) return nullptr;
    tuple_init_item(result.get(), i, copy);
  }
  return result.release();
}

const MethodDef kModuleFunctions[] = {
    {"tee", itertools_tee, kMethodDefault,
     "tee(iterable, n=2) --> tuple of n independent iterators."},
    {nullptr, nullptr, 0, nullptr},
};

// --- module -----------------------------------------------------------------------

void init_itertools_types() {
  static bool done = false;
  if (done) return;
  done = true;
  ITER_TYPE(Count, "itertools.count", count_new, count_next,
            "Return a count object whose .__next__() method returns consecutive values.");
  CountType.repr = count_repr;
  ITER_TYPE(Repeat, "itertools.repeat", repeat_new, repeat_next,
            "repeat(object [,times]) -> create an iterator which returns the object\n"
            "for the specified number of times.  If not specified, returns the object\n"
            "endlessly.");
  RepeatType.repr = repeat_repr;
  RepeatType.methods = kRepeatMethods;
  ITER_TYPE(Chain, "itertools.chain", chain_new, chain_next,
            "Return a chain object whose .__next__() method returns elements from the\n"
            "first iterable until it is exhausted, then elements from the next\n"
            "iterable, until all of the iterables are exhausted.");
  ChainType.methods = kChainMethods;
  ITER_TYPE(Islice, "itertools.islice", islice_new, islice_next,
            "islice(iterable, stop) --> islice object\n"
            "islice(iterable, start, stop[, step]) --> islice object");
  ITER_TYPE(Product, "itertools.product", product_new, product_next,
            "Cartesian product of input iterables.  Equivalent to nested for-loops.");
  // The three combinatoric types share a layout.
  init_iter_type(&CombinationsType, "itertools.combinations", sizeof(Combinatoric),
                 it_dealloc<Combinatoric>, it_traverse<Combinatoric>, it_clear<Combinatoric>,
                 combinations_new, locked_next<combinations_next>,
                 "Return successive r-length combinations of elements in the iterable.");
  init_iter_type(&CwrType, "itertools.combinations_with_replacement", sizeof(Combinatoric),
                 it_dealloc<Combinatoric>, it_traverse<Combinatoric>, it_clear<Combinatoric>,
                 cwr_new, locked_next<cwr_next>,
                 "Return successive r-length combinations of elements in the iterable\n"
                 "allowing individual elements to have successive repeats.");
  init_iter_type(&PermutationsType, "itertools.permutations", sizeof(Combinatoric),
                 it_dealloc<Combinatoric>, it_traverse<Combinatoric>, it_clear<Combinatoric>,
                 permutations_new, locked_next<permutations_next>,
                 "Return successive r-length permutations of elements in the iterable.");
  ITER_TYPE(Cycle, "itertools.cycle", cycle_new, cycle_next,
            "Return elements from the iterable until it is exhausted. Then repeat the "
            "sequence indefinitely.");
  ITER_TYPE(Accumulate, "itertools.accumulate", accumulate_new, accumulate_next,
            "Return series of accumulated sums (or other binary function results).");
  ITER_TYPE(ZipLongest, "itertools.zip_longest", zip_longest_new, zip_longest_next,
            "Return a zip_longest object whose .__next__() method returns a tuple.");
  struct {
    Type* t;
    const char* name;
    NewFunc new_;
    UnaryFunc next;
    const char* doc;
  } func_iters[] = {
      {&StarmapType, "itertools.starmap", starmap_new, locked_next<starmap_next>,
       "Return an iterator whose values are returned from the function evaluated with an "
       "argument tuple taken from the given sequence."},
      {&TakewhileType, "itertools.takewhile", takewhile_new, locked_next<takewhile_next>,
       "Return successive entries from an iterable as long as the predicate evaluates to "
       "true for each entry."},
      {&DropwhileType, "itertools.dropwhile", dropwhile_new, locked_next<dropwhile_next>,
       "Drop items from the iterable while predicate(item) is true."},
      {&FilterfalseType, "itertools.filterfalse", filterfalse_new, locked_next<filterfalse_next>,
       "Return those items of iterable for which function(item) is false."},
      {&CompressType, "itertools.compress", compress_new, locked_next<compress_next>,
       "Return data elements corresponding to true selector elements."},
      {&PairwiseType, "itertools.pairwise", pairwise_new, locked_next<pairwise_next>,
       "Return an iterator of overlapping pairs taken from the input iterator."},
  };
  for (auto& f : func_iters) {
    init_iter_type(f.t, f.name, sizeof(FuncIter), it_dealloc<FuncIter>, it_traverse<FuncIter>,
                   it_clear<FuncIter>, f.new_, f.next, f.doc);
  }
  ITER_TYPE(Groupby, "itertools.groupby", groupby_new, groupby_next,
            "make an iterator that returns consecutive keys and groups from the iterable");
  init_iter_type(&GrouperType, "itertools._grouper", sizeof(Grouper), it_dealloc<Grouper>,
                 it_traverse<Grouper>, it_clear<Grouper>, nullptr, grouper_next, nullptr);
  GrouperType.flags &= ~kTypeBaseType;
  init_iter_type(&TeeDataType, "itertools._tee_dataobject", sizeof(TeeData), teedata_dealloc,
                 teedata_traverse, teedata_clear, nullptr, nullptr, nullptr);
  TeeDataType.flags &= ~kTypeBaseType;
  TeeDataType.iter = nullptr;
  init_iter_type(&TeeType, "itertools._tee", sizeof(Tee), it_dealloc<Tee>, it_traverse<Tee>,
                 it_clear<Tee>, tee_type_new, tee_next, "Iterator wrapped to make it copyable.");
  TeeType.flags &= ~kTypeBaseType;
  TeeType.methods = kTeeMethods;

  for (Type* t :
       {&CountType,        &RepeatType,   &ChainType,        &IsliceType,    &ProductType,
        &CombinationsType, &CwrType,      &PermutationsType, &CycleType,     &AccumulateType,
        &ZipLongestType,   &StarmapType,  &TakewhileType,    &DropwhileType, &FilterfalseType,
        &CompressType,     &PairwiseType, &GroupbyType,      &GrouperType,   &TeeDataType,
        &TeeType}) {
    type_ready(t);
  }
}

}  // namespace

Object* init_itertools_module() {
  init_itertools_types();
  Ref<> m = steal(module_new("itertools"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kModuleFunctions) < 0) return nullptr;
  struct {
    const char* name;
    Type* t;
  } exported[] = {
      {"count", &CountType},
      {"repeat", &RepeatType},
      {"chain", &ChainType},
      {"islice", &IsliceType},
      {"product", &ProductType},
      {"combinations", &CombinationsType},
      {"combinations_with_replacement", &CwrType},
      {"permutations", &PermutationsType},
      {"cycle", &CycleType},
      {"accumulate", &AccumulateType},
      {"zip_longest", &ZipLongestType},
      {"starmap", &StarmapType},
      {"takewhile", &TakewhileType},
      {"dropwhile", &DropwhileType},
      {"filterfalse", &FilterfalseType},
      {"compress", &CompressType},
      {"pairwise", &PairwiseType},
      {"groupby", &GroupbyType},
      {"_grouper", &GrouperType},
      {"_tee", &TeeType},
      {"_tee_dataobject", &TeeDataType},
  };
  for (auto& e : exported) {
    if (module_add_object(m.get(), e.name, e.t) < 0) return nullptr;
  }
  return m.release();
}

}  // namespace conch::vm
