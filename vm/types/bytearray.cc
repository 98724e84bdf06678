// bytearray: mutable byte strings (layout and locking rules in
// vm/types/bytearray.h).  The methods that do not mutate are bytes's own
// (bytes_methods.cc), installed here too; this file has the storage, the
// slots and the mutating methods.
#include "vm/types/bytearray.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gc/alloc.h"
#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/bytes_args.h"
#include "vm/types/container_util.h"
#include "vm/types/str.h"

namespace conch::vm {

Type kByteArrayType;
Type kByteArrayIterType;

namespace {

using namespace bytes_args;  // NOLINT: shared helpers

struct ByteArrayObject : Object {
  ssize_t size;       // written under the section with store_size; read unlocked by len()
  ssize_t allocated;  // capacity of data (0: data is null)
  char* data;
};

ByteArrayObject* as_ba(Object* o) { return static_cast<ByteArrayObject*>(o); }

CONCH_ALWAYS_INLINE void store_size(ByteArrayObject* b, ssize_t n) { gc::relaxed_store(b->size, n); }
CONCH_ALWAYS_INLINE ssize_t unlocked_size(Object* o) { return gc::relaxed_load(as_ba(o)->size); }

// The contents.  Caller holds the section (or o is bytes, which is immutable).
std::string_view locked_view(Object* o) {
  if (bytes_check(o)) return bytes_view(o);
  gc::assert_critical_section_held(o);
  auto* b = as_ba(o);
  return {b->data != nullptr ? b->data : "", static_cast<size_t>(b->size)};
}

// The object whose section guards x's contents in a two-operand operation
// where `other` is the other operand and one of them is a bytearray: x
// itself, or (x is immutable bytes) other, so no bytes object's mutex is
// ever taken (CriticalSection2 locks the same mutex once).
Object* section_of(Object* x, Object* other) { return bytearray_check(x) ? x : other; }

// True for what CPython's PyNumber_Check accepts (ints, floats, anything
// with __index__/__int__/__float__).
bool number_like(const Object* o) {
  const NumberMethods* nb = o->type->number;
  return nb != nullptr && (nb->index != nullptr || nb->to_int != nullptr || nb->to_float != nullptr);
}

constexpr const char kByteRange[] = "byte must be in range(0, 256)";

// Sets the size to n (contents up to min(old, n) kept, the rest
// uninitialised), over-allocating on growth as CPython does so repeated
// appends are amortised O(1).  Caller holds the section.  -1: MemoryError.
int resize(ByteArrayObject* b, ssize_t n) {
  if (n < 0 || static_cast<size_t>(n) > (size_t{1} << 47)) {
    no_memory();
    return -1;
  }
  if (n + 1 > b->allocated || n + 1 < b->allocated / 2) {
    ssize_t cap = n + 1;
    if (n > b->size) cap += n >> 3 < 8 ? 8 : n >> 3;  // growing: leave room
    void* p = gc::reallocate_raw(b->data, static_cast<size_t>(cap));
    if (p == nullptr) {
      no_memory();
      return -1;
    }
    b->data = static_cast<char*>(p);
    b->allocated = cap;
  }
  store_size(b, n);
  b->data[n] = '\0';
  return 0;
}

// Replaces b[lo:hi] (0 <= lo <= hi <= size) by v.  v must not point into
// b's own buffer.  Caller holds the section.
int splice(ByteArrayObject* b, ssize_t lo, ssize_t hi, std::string_view v) {
  ssize_t n = static_cast<ssize_t>(v.size()), old = b->size;
  ssize_t d = n - (hi - lo);
  if (d < 0) {
    std::memmove(b->data + hi + d, b->data + hi, static_cast<size_t>(old - hi));
    if (resize(b, old + d) < 0) return -1;
  } else if (d > 0) {
    if (resize(b, old + d) < 0) return -1;
    std::memmove(b->data + hi + d, b->data + hi, static_cast<size_t>(old - hi));
  }
  if (n > 0) std::memcpy(b->data + lo, v.data(), v.size());
  return 0;
}

ByteArrayObject* alloc_empty(Type* type) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  if (o == nullptr) return nullptr;
  auto* b = as_ba(o);
  b->size = 0;
  b->allocated = 0;
  b->data = nullptr;
  return b;
}

// An int argument in range(256) (ValueError/TypeError otherwise).  Runs
// __index__, so never call it inside the section.
bool byte_arg(Object* o, int* out) {
  ssize_t v;
  if (!index_arg(o, &v)) return false;
  if (v < 0 || v > 255) {
    set_error(&kValueErrorType, kByteRange);
    return false;
  }
  *out = static_cast<int>(v);
  return true;
}

// Resolves a slice against the current size inside the section.  The
// slice's __index__ methods may run Python code that resizes b, so resolve
// until the size held still (as list.cc's resolve_slice).
bool resolve_slice(ByteArrayObject* b, Object* key, ssize_t* start, ssize_t* stop, ssize_t* step,
                   ssize_t* n) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    ssize_t len = b->size;
    if (slice_indices(key, len, start, stop, step, n) < 0) return false;
    if (b->size == len) return true;
  }
  set_error(&kRuntimeErrorType, "bytearray changed size while its slice was resolved");
  return false;
}

// An __index__ value as ssize_t with CPython's OverflowError wording for
// counts ("cannot fit 'int' into an index-sized integer").
bool repeat_count_raw(Object* count, ssize_t* n) {
  *n = index_as_ssize(count);
  if (*n != -1 || !has_error()) return true;
  if (error_matches(&kOverflowErrorType)) {
    clear_error();
    set_error_fmt(&kOverflowErrorType, "cannot fit '%s' into an index-sized integer",
                  type_name(count));
  }
  return false;
}

// ---------------------------------------------------------------------------
// Construction.

// The contents bytearray(source, encoding, errors) starts with.  -1: error.
int init_contents(Object* src, Object* encoding, Object* errors, std::string* out) {
  if (src == nullptr) {
    if (encoding != nullptr || errors != nullptr) {
      set_error(&kTypeErrorType, encoding ? "encoding without a string argument"
                                          : "errors without a string argument");
      return -1;
    }
    return 0;
  }
  if (str_check(src)) {
    if (encoding == nullptr) {
      set_error(&kTypeErrorType, "string argument without an encoding");
      return -1;
    }
    Ref<> b = steal(str_encode(src, str_view(encoding), errors ? str_view(errors) : "strict"));
    if (!b) return -1;
    out->assign(bytes_view(b.get()));
    return 0;
  }
  if (encoding != nullptr || errors != nullptr) {
    set_error(&kTypeErrorType, encoding ? "encoding without a string argument"
                                        : "errors without a string argument");
    return -1;
  }
  if (has_index(src)) {
    ssize_t n;
    if (!repeat_count_raw(src, &n)) return -1;
    if (n < 0) {
      set_error(&kValueErrorType, "negative count");
      return -1;
    }
    if (static_cast<size_t>(n) > (size_t{1} << 47)) {
      no_memory();
      return -1;
    }
    out->assign(static_cast<size_t>(n), '\0');
    return 0;
  }
  BytesView v;
  if (v.assign(src)) {
    out->assign(v.get());
    return 0;
  }
  if (src->type->iter == nullptr && src->type->getitem == nullptr) {
    set_error_fmt(&kTypeErrorType, "cannot convert '%s' object to bytearray", type_name(src));
    return -1;
  }
  return ints_to_bytes(src, kByteRange, out) ? 0 : -1;
}

Object* ba_new(Type* type, Object* const*, size_t, Object*) { return alloc_empty(type); }

int ba_init(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"bytearray", {"source", "encoding", "errors"}, 0, 3};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return -1;
  for (int i = 1; i < 3; ++i) {
    if (a[i] != nullptr && !str_check(a[i])) {
      set_error_fmt(&kTypeErrorType, "bytearray() argument '%s' must be str, not %s",
                    i == 1 ? "encoding" : "errors", type_name(a[i]));
      return -1;
    }
  }
  std::string contents;
  if (init_contents(a[0], a[1], a[2], &contents) < 0) return -1;
  gc::CriticalSection cs{self};
  auto* b = as_ba(self);
  return splice(b, 0, b->size, contents);
}

// ---------------------------------------------------------------------------
// Slots.

void ba_dealloc(Object* o) {
  if (as_ba(o)->data != nullptr) gc::free_raw(as_ba(o)->data);
  generic_free(o);
}

Object* ba_repr(Object* o) {
  std::string text;
  bytearray_snapshot(o, &text);
  const char* name = o->type->name;
  if (const char* dot = std::strrchr(name, '.')) name = dot + 1;
  return str_from(std::string(name) + "(" + repr_text(text, true) + ")");
}

ssize_t ba_length(Object* o) { return unlocked_size(o); }

// Compares two bytes-like objects, at least one a bytearray, in one
// section over both (the bytes operand's own mutex is harmless to take).
Object* ba_richcompare(Object* a, Object* b, CompareOp op) {
  if (!bytes_like_check(a) || !bytes_like_check(b)) return not_implemented();
  gc::CriticalSection2 cs{section_of(a, b), section_of(b, a)};
  std::string_view x = locked_view(a), y = locked_view(b);
  int c = x.compare(y);
  bool r = false;
  switch (op) {
    case CompareOp::kEq: r = x == y; break;
    case CompareOp::kNe: r = x != y; break;
    case CompareOp::kLt: r = c < 0; break;
    case CompareOp::kLe: r = c <= 0; break;
    case CompareOp::kGt: r = c > 0; break;
    case CompareOp::kGe: r = c >= 0; break;
  }
  return new_bool(r);
}

int ba_contains(Object* self, Object* item) {
  if (has_index(item)) {
    int v;
    if (!byte_arg(item, &v)) return -1;
    gc::CriticalSection cs{self};
    return locked_view(self).find(static_cast<char>(v)) != std::string_view::npos;
  }
  BytesView sub;
  if (!buffer_arg(item, &sub)) return -1;
  gc::CriticalSection cs{self};
  return locked_view(self).find(sub.get()) != std::string_view::npos;
}

Object* ba_getitem(Object* self, Object* key) {
  auto* b = as_ba(self);
  if (slice_check(key)) {
    gc::CriticalSection cs{self};
    ssize_t start, stop, step, n;
    if (!resolve_slice(b, key, &start, &stop, &step, &n)) return nullptr;
    if (step == 1) return bytearray_from(std::string_view(b->data + start, n));
    std::string out(static_cast<size_t>(std::max<ssize_t>(n, 0)), '\0');
    for (ssize_t i = 0; i < n; ++i) out[i] = b->data[start + i * step];
    return bytearray_from(out);
  }
  ssize_t i;
  if (!seq_index(key, "bytearray", &i)) return nullptr;
  gc::CriticalSection cs{self};
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) {
    set_error(&kIndexErrorType, "bytearray index out of range");
    return nullptr;
  }
  return int_from_i64(static_cast<unsigned char>(b->data[i]));
}

// del b[slice] for step != 1 (n > 0 items from start by step).
void delete_extended(ByteArrayObject* b, ssize_t start, ssize_t step, ssize_t n) {
  if (step < 0) {
    start += step * (n - 1);
    step = -step;
  }
  ssize_t w = start, next_del = start, deleted = 0;
  for (ssize_t r = start; r < b->size; ++r) {
    if (r == next_del && deleted < n) {
      ++deleted;
      next_del += step;
    } else {
      b->data[w++] = b->data[r];
    }
  }
  resize(b, b->size - n);  // shrinking: cannot fail
}

// b[key] = v (v: the new bytes, already converted) or del b[key] (v null),
// key a slice.  Caller holds the section, over b and the source if that is
// a bytearray.
int assign_slice_locked(ByteArrayObject* b, Object* key, const std::string_view* v) {
  ssize_t start, stop, step, n;
  if (!resolve_slice(b, key, &start, &stop, &step, &n)) return -1;
  if (step == 1) {
    if (stop < start) stop = start;
    return splice(b, start, stop, v != nullptr ? *v : std::string_view());
  }
  if (v == nullptr) {
    if (n > 0) delete_extended(b, start, step, n);
    return 0;
  }
  if (static_cast<ssize_t>(v->size()) != n) {
    set_error_fmt(&kValueErrorType,
                  "attempt to assign bytes of size %d to extended slice of size %d",
                  static_cast<int64_t>(v->size()), static_cast<int64_t>(n));
    return -1;
  }
  for (ssize_t i = 0, cur = start; i < n; ++i, cur += step) b->data[cur] = (*v)[i];
  return 0;
}

int ba_setitem_slice(Object* self, Object* key, Object* value) {
  auto* b = as_ba(self);
  if (value == nullptr) {
    gc::CriticalSection cs{self};
    return assign_slice_locked(b, key, nullptr);
  }
  if (bytearray_check(value) && value != self) {
    // b[:] = other: both sections at once, reading other's buffer directly.
    gc::CriticalSection2 cs{self, value};
    std::string_view v = locked_view(value);
    return assign_slice_locked(b, key, &v);
  }
  std::string converted;
  BytesView bytes;
  std::string_view v;
  if (bytes.assign(value)) {  // bytes, or self (copied: b[1:] = b)
    v = bytes.get();
  } else {
    if (number_like(value) || str_check(value)) {
      set_error(&kTypeErrorType,
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    if (init_contents(value, nullptr, nullptr, &converted) < 0) return -1;
    v = converted;
  }
  gc::CriticalSection cs{self};
  return assign_slice_locked(b, key, &v);
}

int ba_setitem(Object* self, Object* key, Object* value) {
  if (slice_check(key)) return ba_setitem_slice(self, key, value);
  ssize_t i;
  if (!seq_index(key, "bytearray", &i)) return -1;
  int byte = 0;
  if (value != nullptr && !byte_arg(value, &byte)) return -1;
  gc::CriticalSection cs{self};
  auto* b = as_ba(self);
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) {
    set_error(&kIndexErrorType, "bytearray index out of range");
    return -1;
  }
  if (value == nullptr) return splice(b, i, i + 1, {});
  b->data[i] = static_cast<char>(byte);
  return 0;
}

// ---------------------------------------------------------------------------
// Arithmetic: + * % and the in-place forms.

// "can't concat int to bytearray", or NotImplemented for a heap type that
// may handle the reflected operation.
Object* concat_error(Object* other) {
  if (defers_to_other_operand(other)) return not_implemented();
  set_error_fmt(&kTypeErrorType, "can't concat %s to bytearray", type_name(other));
  return nullptr;
}

// Appends the contents of bytes-like `other` to b (other may be b).
int append_bytes_like(Object* self, Object* other) {
  auto* b = as_ba(self);
  if (bytearray_check(other)) {
    gc::CriticalSection2 cs{self, other};
    ssize_t old = b->size, n = as_ba(other)->size;
    if (resize(b, old + n) < 0) return -1;
    // After the resize: when other is self its data moved with it.
    if (n > 0) std::memcpy(b->data + old, as_ba(other)->data, static_cast<size_t>(n));
    return 0;
  }
  std::string_view v = bytes_view(other);
  gc::CriticalSection cs{self};
  return splice(b, b->size, b->size, v);
}

Object* ba_add(Object* a, Object* b) {
  if (!bytearray_check(a)) return not_implemented();  // bytes + bytearray: bytes's slot
  if (!bytes_like_check(b)) return concat_error(b);
  std::string out;
  {
    gc::CriticalSection2 cs{section_of(a, b), section_of(b, a)};
    std::string_view x = locked_view(a), y = locked_view(b);
    out.reserve(x.size() + y.size());
    out.append(x);
    out.append(y);
  }
  return bytearray_from(out);
}

Object* ba_inplace_add(Object* a, Object* b) {
  if (!bytes_like_check(b)) return concat_error(b);
  if (append_bytes_like(a, b) < 0) return nullptr;
  return new_ref(a);
}

// The repeat count of `ba * count`, or false with CPython's errors.
bool repeat_count(Object* count, ssize_t* n) {
  if (!has_index(count)) {
    set_error_fmt(&kTypeErrorType, "can't multiply sequence by non-int of type '%s'",
                  type_name(count));
    return false;
  }
  if (!repeat_count_raw(count, n)) return false;
  if (*n < 0) *n = 0;
  return true;
}

// b's contents repeated n times, into out.  Caller holds the section.
bool repeat_locked(Object* self, ssize_t n, std::string* out) {
  std::string_view v = locked_view(self);
  if (n > 0 && static_cast<ssize_t>(v.size()) > (ssize_t{1} << 47) / n) {
    no_memory();
    return false;
  }
  out->reserve(v.size() * static_cast<size_t>(n));
  for (ssize_t i = 0; i < n; ++i) out->append(v);
  return true;
}

Object* ba_mul(Object* a, Object* b) {
  Object* self = bytearray_check(a) ? a : b;
  Object* count = self == a ? b : a;
  if (self == a && !has_index(b) && defers_to_other_operand(b)) return not_implemented();
  ssize_t n;
  if (!repeat_count(count, &n)) return nullptr;
  std::string out;
  {
    gc::CriticalSection cs{self};
    if (!repeat_locked(self, n, &out)) return nullptr;
  }
  return bytearray_from(out);
}

Object* ba_inplace_mul(Object* a, Object* b) {
  ssize_t n;
  if (!repeat_count(b, &n)) return nullptr;
  gc::CriticalSection cs{a};
  std::string out;
  if (!repeat_locked(a, n, &out)) return nullptr;
  if (splice(as_ba(a), 0, as_ba(a)->size, out) < 0) return nullptr;
  return new_ref(a);
}

// ba % args: bytes's %-formatting over a copy, the result a bytearray.
Object* ba_mod(Object* a, Object* b) {
  if (!bytearray_check(a)) return not_implemented();
  Ref<> fmt = steal(bytes_from(BytesView(a).get()));
  if (!fmt) return nullptr;
  Ref<> r = steal(bytes_mod_format(fmt.get(), b));
  if (!r) return nullptr;
  return bytearray_from(bytes_view(r.get()));
}

NumberMethods g_ba_number;

// ---------------------------------------------------------------------------
// Iterator: the bytearray and a position, both read under the bytearray's
// section (so two threads calling next() on one iterator do not tear pos).

struct ByteArrayIter : Object {
  Object* seq;  // null once exhausted (GIL build only, gc::kIteratorsReleaseExhausted)
  ssize_t pos;
};

Object* ba_iter(Object* self) {
  Object* o = generic_alloc(&kByteArrayIterType, 0);
  if (o == nullptr) return nullptr;
  auto* it = static_cast<ByteArrayIter*>(o);
  it->seq = new_ref(self);
  it->pos = 0;
  return o;
}

Object* ba_iter_next(Object* o) {
  auto* it = static_cast<ByteArrayIter*>(o);
  Object* seq = it->seq;
  if (seq == nullptr) return nullptr;
  {
    gc::CriticalSection cs{seq};
    auto* b = as_ba(seq);
    if (it->pos < b->size) return int_from_i64(static_cast<unsigned char>(b->data[it->pos++]));
    it->pos = PTRDIFF_MAX;  // exhausted for good, even if seq grows later (CPython)
  }
  if constexpr (gc::kIteratorsReleaseExhausted) clear_slot(&it->seq);
  return nullptr;
}

void ba_iter_dealloc(Object* o) {
  clear_slot(&static_cast<ByteArrayIter*>(o)->seq);
  generic_free(o);
}

Object* ba_iter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!method_nargs("bytearray_iterator", "__length_hint__", nargs, 0, 0, kwnames)) return nullptr;
  auto* it = static_cast<ByteArrayIter*>(self);
  Object* seq = it->seq;
  if (seq == nullptr) return int_from_i64(0);
  gc::CriticalSection cs{seq};
  return int_from_i64(std::max<ssize_t>(as_ba(seq)->size - std::min(it->pos, as_ba(seq)->size), 0));
}

const MethodDef kByteArrayIterMethods[] = {
    {"__length_hint__", ba_iter_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------------------
// Mutating methods.  Each converts its arguments first (that may run
// Python code), then does the whole change in one section.

#define BA_METHOD(name) \
  Object* name(Object* self, Object* const* args, size_t nargs, Object* kwnames)

BA_METHOD(m_append) {
  if (!method_nargs("bytearray", "append", nargs, 1, 1, kwnames)) return nullptr;
  int v;
  if (!byte_arg(args[0], &v)) return nullptr;
  gc::CriticalSection cs{self};
  auto* b = as_ba(self);
  ssize_t n = b->size;
  if (resize(b, n + 1) < 0) return nullptr;
  b->data[n] = static_cast<char>(v);
  return new_none();
}

BA_METHOD(m_extend) {
  if (!method_nargs("bytearray", "extend", nargs, 1, 1, kwnames)) return nullptr;
  Object* src = args[0];
  if (bytes_like_check(src)) {
    if (append_bytes_like(self, src) < 0) return nullptr;
    return new_none();
  }
  if (src->type->iter == nullptr && src->type->getitem == nullptr) {
    set_error_fmt(&kTypeErrorType, "can't extend bytearray with %s", type_name(src));
    return nullptr;
  }
  std::string more;
  if (!ints_to_bytes(src, kByteRange, &more)) return nullptr;
  gc::CriticalSection cs{self};
  auto* b = as_ba(self);
  if (splice(b, b->size, b->size, more) < 0) return nullptr;
  return new_none();
}

BA_METHOD(m_insert) {
  if (!method_nargs("bytearray", "insert", nargs, 2, 2, kwnames)) return nullptr;
  ssize_t i;
  int v;
  if (!index_arg(args[0], &i) || !byte_arg(args[1], &v)) return nullptr;
  gc::CriticalSection cs{self};
  auto* b = as_ba(self);
  ssize_t n = b->size;
  if (i < 0) i = std::max<ssize_t>(i + n, 0);
  if (i > n) i = n;
  char c = static_cast<char>(v);
  if (splice(b, i, i, std::string_view(&c, 1)) < 0) return nullptr;
  return new_none();
}

BA_METHOD(m_pop) {
  if (!method_nargs("bytearray", "pop", nargs, 0, 1, kwnames)) return nullptr;
  ssize_t i = -1;
  if (nargs > 0 && !index_arg(args[0], &i)) return nullptr;
  gc::CriticalSection cs{self};
  auto* b = as_ba(self);
  if (b->size == 0) {
    set_error(&kIndexErrorType, "pop from empty bytearray");
    return nullptr;
  }
  if (i < 0) i += b->size;
  if (i < 0 || i >= b->size) {
    set_error(&kIndexErrorType, "pop index out of range");
    return nullptr;
  }
  int v = static_cast<unsigned char>(b->data[i]);
  if (splice(b, i, i + 1, {}) < 0) return nullptr;
  return int_from_i64(v);
}

BA_METHOD(m_remove) {
  if (!method_nargs("bytearray", "remove", nargs, 1, 1, kwnames)) return nullptr;
  int v;
  if (!byte_arg(args[0], &v)) return nullptr;
  gc::CriticalSection cs{self};
  auto* b = as_ba(self);
  size_t p = locked_view(self).find(static_cast<char>(v));
  if (p == std::string_view::npos) {
    set_error(&kValueErrorType, "value not found in bytearray");
    return nullptr;
  }
  auto i = static_cast<ssize_t>(p);
  if (splice(b, i, i + 1, {}) < 0) return nullptr;
  return new_none();
}

BA_METHOD(m_clear) {
  if (!method_nargs("bytearray", "clear", nargs, 0, 0, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  if (splice(as_ba(self), 0, as_ba(self)->size, {}) < 0) return nullptr;
  return new_none();
}

BA_METHOD(m_copy) {
  if (!method_nargs("bytearray", "copy", nargs, 0, 0, kwnames)) return nullptr;
  return bytearray_from(BytesView(self).get());
}

BA_METHOD(m_reverse) {
  if (!method_nargs("bytearray", "reverse", nargs, 0, 0, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  auto* b = as_ba(self);
  if (b->size > 0) std::reverse(b->data, b->data + b->size);
  return new_none();
}

BA_METHOD(m_alloc) {
  if (!method_nargs("bytearray", "__alloc__", nargs, 0, 0, kwnames)) return nullptr;
  gc::CriticalSection cs{self};
  return int_from_i64(as_ba(self)->allocated);
}

const MethodDef kByteArrayOwnMethods[] = {
    {"append", m_append, kMethodDefault, nullptr},
    {"extend", m_extend, kMethodDefault, nullptr},
    {"insert", m_insert, kMethodDefault, nullptr},
    {"pop", m_pop, kMethodDefault, nullptr},
    {"remove", m_remove, kMethodDefault, nullptr},
    {"clear", m_clear, kMethodDefault, nullptr},
    {"copy", m_copy, kMethodDefault, nullptr},
    {"reverse", m_reverse, kMethodDefault, nullptr},
    {"__alloc__", m_alloc, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// bytes's non-mutating methods (they build results of self's flavour)
// followed by bytearray's own; built once, never freed (the type is static).
const MethodDef* all_methods() {
  static std::vector<MethodDef>* table = [] {
    auto* v = new std::vector<MethodDef>;
    for (const MethodDef* d = kBytesMethods; d->name != nullptr; ++d) {
      if (std::strcmp(d->name, "__getnewargs__") != 0) v->push_back(*d);
    }
    for (const MethodDef* d = kByteArrayOwnMethods; d->name != nullptr; ++d) v->push_back(*d);
    v->push_back({nullptr, nullptr, 0, nullptr});
    return v;
  }();
  return table->data();
}

}  // namespace

Object* bytearray_from(std::string_view v) {
  ByteArrayObject* b = alloc_empty(&kByteArrayType);
  if (b == nullptr) return nullptr;
  // Not yet visible to any other thread: no section needed.
  if (splice(b, 0, 0, v) < 0) {
    decref(b);
    return nullptr;
  }
  return b;
}

void bytearray_snapshot(Object* o, std::string* out) {
  gc::CriticalSection cs{o};
  out->assign(locked_view(o));
}

void init_bytearray_types() {
  g_ba_number.add = ba_add;
  g_ba_number.multiply = ba_mul;
  g_ba_number.remainder = ba_mod;
  g_ba_number.inplace_add = ba_inplace_add;
  g_ba_number.inplace_multiply = ba_inplace_mul;

  Type* t = &kByteArrayType;
  init_static_type(t, "bytearray", sizeof(ByteArrayObject));
  t->flags |= kTypeBaseType;
  t->doc =
      "bytearray(iterable_of_ints) -> bytearray\n"
      "bytearray(string, encoding[, errors]) -> bytearray";
  t->dealloc = ba_dealloc;
  t->new_ = ba_new;
  t->init = ba_init;
  t->repr = ba_repr;
  t->str = ba_repr;
  t->hash = hash_unhashable;
  t->richcompare = ba_richcompare;
  t->iter = ba_iter;
  t->length = ba_length;
  t->getitem = ba_getitem;
  t->setitem = ba_setitem;
  t->contains = ba_contains;
  t->number = &g_ba_number;
  t->methods = all_methods();
  type_ready(t);

  Type* it = &kByteArrayIterType;
  init_static_type(it, "bytearray_iterator", sizeof(ByteArrayIter));
  it->methods = kByteArrayIterMethods;
  it->dealloc = ba_iter_dealloc;
  it->iter = iter_self;
  it->iternext = ba_iter_next;
  type_ready(it);
}

}  // namespace conch::vm
