// bytes: immutable byte strings.
//
// Layout: BytesObject header | data | NUL, one allocation for exact bytes;
// `data` points past the header, or (instances of subclasses) to a raw
// buffer, as for str (vm/types/str.h).  The empty bytes and the 256
// one-byte values are immortal singletons.  The hash is the same keyed
// SipHash as str's, cached.  Immutable once built: no locks.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gc/alloc.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/bytes_args.h"
#include "vm/types/str.h"

namespace conch::vm {

Type kBytesType;
Type kBytesIterType;

namespace {

struct BytesObject : Object {
  ssize_t size;
  std::atomic<hash_t> hash;
  char* data;
};

BytesObject* as_bytes(Object* o) { return static_cast<BytesObject*>(o); }
const BytesObject* as_bytes(const Object* o) { return static_cast<const BytesObject*>(o); }

Object* g_empty_bytes = nullptr;
Object* g_byte_chars[256];

}  // namespace

Object* bytes_alloc(ssize_t n, char** data) {
  if (n < 0 || static_cast<size_t>(n) > (size_t{1} << 47)) return no_memory();
  auto* h = gc::allocate_object(sizeof(BytesObject) + static_cast<size_t>(n) + 1);
  if (h == nullptr) return no_memory();
  auto* b = static_cast<BytesObject*>(static_cast<Object*>(h));
  b->type = &kBytesType;
  b->size = n;
  new (&b->hash) std::atomic<hash_t>(-1);
  b->data = reinterpret_cast<char*>(b + 1);
  b->data[n] = '\0';
  *data = b->data;
  return b;
}

Object* bytes_from(std::string_view v) {
  if (v.size() <= 1 && g_empty_bytes != nullptr) {
    return v.empty() ? g_empty_bytes : g_byte_chars[static_cast<unsigned char>(v[0])];
  }
  char* d;
  Object* o = bytes_alloc(static_cast<ssize_t>(v.size()), &d);
  if (o != nullptr && !v.empty()) std::memcpy(d, v.data(), v.size());
  return o;
}

std::string_view bytes_view(const Object* b) {
  return {as_bytes(b)->data, static_cast<size_t>(as_bytes(b)->size)};
}

namespace {

using namespace bytes_args;  // NOLINT: shared helpers

// ---------------------------------------------------------------------------
// Slots.

void bytes_dealloc(Object* o) {
  auto* b = as_bytes(o);
  if (o->type == &kBytesType) {
    gc::free_object(o);
    return;
  }
  if (b->data != nullptr) gc::free_raw(b->data);
  generic_free(o);
}

// escape_single: also escape ' inside "..." (bytearray's repr does, as
// CPython 3.11's: bytearray(b"it\'s")).
std::string bytes_repr_text(std::string_view v, bool escape_single = false) {
  bool sq = v.find('\'') != std::string_view::npos;
  bool dq = v.find('"') != std::string_view::npos;
  char quote = sq && !dq ? '"' : '\'';
  std::string out = "b";
  out.push_back(quote);
  static const char hex[] = "0123456789abcdef";
  for (unsigned char c : v) {
    if (c == static_cast<unsigned char>(quote) || c == '\\' || (escape_single && c == '\'')) {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7F) {
      out += "\\x";
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  out.push_back(quote);
  return out;
}

Object* bytes_repr(Object* o) { return str_from(bytes_repr_text(bytes_view(o))); }

hash_t bytes_hash(Object* o) {
  auto* b = as_bytes(o);
  hash_t h = b->hash.load(std::memory_order_relaxed);
  if (h == -1) {
    h = hash_bytes(bytes_view(o));
    b->hash.store(h, std::memory_order_relaxed);
  }
  return h;
}

Object* bytes_richcompare(Object* a, Object* b, CompareOp op) {
  if (!bytes_check(a) || !bytes_check(b)) return not_implemented();
  std::string_view x = bytes_view(a), y = bytes_view(b);
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

ssize_t bytes_length(Object* o) { return as_bytes(o)->size; }

// `x in b`: an int in range(256) or a bytes-like subsequence.
int bytes_contains(Object* self, Object* item) {
  if (has_index(item)) {
    ssize_t v = index_as_ssize(item);
    if (v == -1 && has_error()) return -1;
    if (v < 0 || v > 255) {
      set_error(&kValueErrorType, "byte must be in range(0, 256)");
      return -1;
    }
    return bytes_view(self).find(static_cast<char>(v)) != std::string_view::npos;
  }
  BytesView sub;
  if (!buffer_arg(item, &sub)) return -1;
  return bytes_view(self).find(sub.get()) != std::string_view::npos;
}

Object* bytes_getitem(Object* self, Object* key) {
  std::string_view v = bytes_view(self);
  if (has_index(key)) {
    ssize_t i = index_as_ssize(key);
    if (i == -1 && has_error()) return nullptr;
    if (i < 0) i += static_cast<ssize_t>(v.size());
    if (i < 0 || i >= static_cast<ssize_t>(v.size())) {
      set_error(&kIndexErrorType, "index out of range");
      return nullptr;
    }
    return int_from_i64(static_cast<unsigned char>(v[i]));
  }
  if (slice_check(key)) {
    ssize_t start, stop, step, n;
    if (slice_indices(key, static_cast<ssize_t>(v.size()), &start, &stop, &step, &n) < 0)
      return nullptr;
    if (step == 1) return bytes_from(v.substr(start, n));
    std::string out(static_cast<size_t>(std::max<ssize_t>(n, 0)), '\0');
    for (ssize_t i = 0; i < n; ++i) out[i] = v[start + i * step];
    return bytes_from(out);
  }
  set_error_fmt(&kTypeErrorType, "byte indices must be integers or slices, not %s",
                type_name(key));
  return nullptr;
}

Object* bytes_repeat(Object* self, Object* count) {
  if (!has_index(count)) {
    set_error_fmt(&kTypeErrorType, "can't multiply sequence by non-int of type '%s'",
                  type_name(count));
    return nullptr;
  }
  ssize_t n = index_as_ssize(count);
  if (n == -1 && has_error()) {
    if (error_matches(&kOverflowErrorType)) {
      clear_error();
      set_error_fmt(&kOverflowErrorType, "cannot fit '%s' into an index-sized integer",
                    type_name(count));
    }
    return nullptr;
  }
  std::string_view v = bytes_view(self);
  if (n <= 0 || v.empty()) return bytes_from("");
  if (n == 1 && self->type == &kBytesType) return new_ref(self);
  if (static_cast<ssize_t>(v.size()) > PTRDIFF_MAX / n) {
    set_error(&kOverflowErrorType, "repeated bytes are too long");
    return nullptr;
  }
  char* d;
  Object* r = bytes_alloc(static_cast<ssize_t>(v.size()) * n, &d);
  if (r == nullptr) return nullptr;
  for (ssize_t i = 0; i < n; ++i) std::memcpy(d + i * v.size(), v.data(), v.size());
  return r;
}

Object* try_reflected(Object* a, Object* b, BinaryFunc mine, size_t offset) {
  NumberMethods* nb = b->type->number;
  if (nb == nullptr) return not_implemented();
  BinaryFunc f = *reinterpret_cast<BinaryFunc*>(reinterpret_cast<char*>(nb) + offset);
  if (f == nullptr || f == mine) return not_implemented();
  return f(a, b);
}

Object* bytes_nb_add(Object* a, Object* b) {
  if (!bytes_check(a)) return not_implemented();
  if (bytes_like_check(b)) {  // b'' + bytearray(b'x') is bytes, as CPython
    BytesView y_bytes{b};
    std::string_view x = bytes_view(a), y = y_bytes.get();
    if (y.empty() && a->type == &kBytesType) return new_ref(a);
    if (x.empty() && b->type == &kBytesType) return new_ref(b);
    char* d;
    Object* r = bytes_alloc(static_cast<ssize_t>(x.size() + y.size()), &d);
    if (r == nullptr) return nullptr;
    std::memcpy(d, x.data(), x.size());
    std::memcpy(d + x.size(), y.data(), y.size());
    return r;
  }
  Object* r = try_reflected(a, b, bytes_nb_add, offsetof(NumberMethods, add));
  if (r != not_implemented()) return r;
  set_error_fmt(&kTypeErrorType, "can't concat %s to bytes", type_name(b));
  return nullptr;
}

Object* bytes_nb_mul(Object* a, Object* b) {
  if (bytes_check(a)) {
    if (!bytes_check(b)) {
      Object* r = try_reflected(a, b, bytes_nb_mul, offsetof(NumberMethods, multiply));
      if (r != not_implemented()) return r;
    }
    return bytes_repeat(a, b);
  }
  return bytes_repeat(b, a);
}

Object* bytes_nb_mod(Object* a, Object* b) {
  if (!bytes_check(a)) return not_implemented();
  return bytes_mod_format(a, b);
}

NumberMethods kBytesNumber = {
    .add = bytes_nb_add,
    .multiply = bytes_nb_mul,
    .remainder = bytes_nb_mod,
};

// ---------------------------------------------------------------------------
// Iterator.

struct BytesIterObject : Object {
  Object* bytes;
  ssize_t pos;
};

Object* bytes_iter(Object* self) {
  Object* o = generic_alloc(&kBytesIterType, 0);
  if (o == nullptr) return nullptr;
  auto* it = static_cast<BytesIterObject*>(o);
  it->bytes = new_ref(self);
  it->pos = 0;
  return o;
}

Object* bytes_iternext(Object* o) {
  auto* it = static_cast<BytesIterObject*>(o);
  if (it->bytes == nullptr) return nullptr;
  std::string_view v = bytes_view(it->bytes);
  if (it->pos >= static_cast<ssize_t>(v.size())) {
    clear_slot(&it->bytes);
    return nullptr;
  }
  return int_from_i64(static_cast<unsigned char>(v[it->pos++]));
}

void bytes_iter_dealloc(Object* o) {
  clear_slot(&static_cast<BytesIterObject*>(o)->bytes);
  generic_free(o);
}

Object* iter_self(Object* o) { return new_ref(o); }

// ---------------------------------------------------------------------------
// Constructor.

Object* bytes_from_iterable(Object* src) {
  std::string out;
  if (!ints_to_bytes(src, "bytes must be in range(0, 256)", &out)) return nullptr;
  return new_bytes(out);
}

Object* bytes_make(Object* src, Object* encoding, Object* errors) {
  if (src == nullptr) {
    if (encoding != nullptr || errors != nullptr) {
      set_error(&kTypeErrorType,
                encoding ? "encoding without a string argument" : "errors without a string argument");
      return nullptr;
    }
    return bytes_from("");
  }
  if (str_check(src)) {
    if (encoding == nullptr) {
      set_error(&kTypeErrorType, "string argument without an encoding");
      return nullptr;
    }
    return str_encode(src, str_view(encoding), errors ? str_view(errors) : "strict");
  }
  if (encoding != nullptr || errors != nullptr) {
    set_error(&kTypeErrorType,
              encoding ? "encoding without a string argument" : "errors without a string argument");
    return nullptr;
  }
  if (bytes_check(src)) return self_or_copy(src, bytes_view(src));
  if (bytearray_check(src)) return bytes_from(BytesView(src).get());
  if (Object* m = type_lookup(src->type, bytes_dunder_name())) {
    Ref<> r = steal(call_args(m, {src}));
    if (!r) return nullptr;
    if (!bytes_check(r.get())) {
      set_error_fmt(&kTypeErrorType, "__bytes__ returned non-bytes (type %s)",
                    type_name(r.get()));
      return nullptr;
    }
    return r.release();
  }
  if (has_index(src)) {
    ssize_t n = index_as_ssize(src);
    if (n == -1 && has_error()) return nullptr;
    if (n < 0) {
      set_error(&kValueErrorType, "negative count");
      return nullptr;
    }
    char* d;
    Object* r = bytes_alloc(n, &d);
    if (r != nullptr) std::memset(d, 0, static_cast<size_t>(n));
    return r;
  }
  if (src->type->iter == nullptr && src->type->getitem == nullptr) {
    set_error_fmt(&kTypeErrorType, "cannot convert '%s' object to bytes", type_name(src));
    return nullptr;
  }
  return bytes_from_iterable(src);
}

Object* bytes_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"bytes", {"source", "encoding", "errors"}, 0, 3};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  for (int i = 1; i < 3; ++i) {
    if (a[i] != nullptr && !str_check(a[i])) {
      set_error_fmt(&kTypeErrorType, "bytes() argument '%s' must be str, not %s",
                    i == 1 ? "encoding" : "errors", type_name(a[i]));
      return nullptr;
    }
  }
  Ref<> r = steal(bytes_make(a[0], a[1], a[2]));
  if (!r || type == &kBytesType) return r.release();
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  if (o == nullptr) return nullptr;
  auto* b = as_bytes(o);
  std::string_view v = bytes_view(r.get());
  b->data = static_cast<char*>(gc::allocate_raw(v.size() + 1));
  if (b->data == nullptr) {
    decref(o);
    return no_memory();
  }
  std::memcpy(b->data, v.data(), v.size());
  b->data[v.size()] = '\0';
  b->size = static_cast<ssize_t>(v.size());
  new (&b->hash) std::atomic<hash_t>(-1);
  return o;
}

}  // namespace

std::string bytes_args::repr_text(std::string_view v, bool escape_single) {
  return bytes_repr_text(v, escape_single);
}

bool bytes_args::ints_to_bytes(Object* src, const char* range_msg, std::string* out) {
  Ref<> it = steal(get_iter(src));
  if (!it) return false;
  while (true) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) return !has_error();
    ssize_t v;
    if (!index_arg(item.get(), &v)) return false;
    if (v < 0 || v > 255) {
      set_error(&kValueErrorType, range_msg);
      return false;
    }
    out->push_back(static_cast<char>(v));
  }
}

void init_bytes_types() {
  Type* t = &kBytesType;
  init_static_type(t, "bytes", sizeof(BytesObject));
  t->flags |= kTypeBaseType | kTypeBytesSubclass;
  t->doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes";
  t->dealloc = bytes_dealloc;
  t->new_ = bytes_new;
  t->repr = bytes_repr;
  t->str = bytes_repr;
  t->hash = bytes_hash;
  t->richcompare = bytes_richcompare;
  t->iter = bytes_iter;
  t->length = bytes_length;
  t->getitem = bytes_getitem;
  t->contains = bytes_contains;
  t->number = &kBytesNumber;
  t->methods = kBytesMethods;
  char* d;
  g_empty_bytes = bytes_alloc(0, &d);
  make_immortal(g_empty_bytes);
  for (int c = 0; c < 256; ++c) {
    g_byte_chars[c] = bytes_alloc(1, &d);
    d[0] = static_cast<char>(c);
    make_immortal(g_byte_chars[c]);
  }
  type_ready(t);

  Type* it = &kBytesIterType;
  init_static_type(it, "bytes_iterator", sizeof(BytesIterObject));
  it->dealloc = bytes_iter_dealloc;
  it->iter = iter_self;
  it->iternext = bytes_iternext;
  type_ready(it);
}

}  // namespace conch::vm
