// str: allocation, singletons, interning, hashing, indexing, slots and the
// type object.  Methods live in str_methods.cc, formatting in str_format.cc,
// codecs in str_codec.cc.  Layout and invariants: vm/types/str.h.
#include "vm/types/str.h"

#include <cstring>
#include <random>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "gc/alloc.h"
#include "locking/mutex.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/types/bytearray.h"
#include "vm/types/unicode.h"

namespace conch::vm {

Type kStrType;
Type kStrIterType;       // str_iterator (non-ASCII)
Type kStrAsciiIterType;  // str_ascii_iterator

namespace {

Object* g_empty = nullptr;
Object* g_latin1[256];

// ---------------------------------------------------------------------------
// SipHash-1-3 (as CPython's default str hash), keyed once per process.

// Seeded on first use (a str may be hashed before init_str_types runs, e.g.
// by the type bootstrap), so no hash is ever computed with another key.
struct SipKey {
  uint64_t k0, k1;
  SipKey() {
    std::random_device rd;
    k0 = (static_cast<uint64_t>(rd()) << 32) ^ rd();
    k1 = (static_cast<uint64_t>(rd()) << 32) ^ rd();
  }
};
const SipKey& sip_key() {
  static const SipKey key;
  return key;
}

inline uint64_t rotl(uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define SIPROUND(v0, v1, v2, v3) \
  do {                           \
    v0 += v1;                    \
    v1 = rotl(v1, 13);           \
    v1 ^= v0;                    \
    v0 = rotl(v0, 32);           \
    v2 += v3;                    \
    v3 = rotl(v3, 16);           \
    v3 ^= v2;                    \
    v0 += v3;                    \
    v3 = rotl(v3, 21);           \
    v3 ^= v0;                    \
    v2 += v1;                    \
    v1 = rotl(v1, 17);           \
    v1 ^= v2;                    \
    v2 = rotl(v2, 32);           \
  } while (0)

uint64_t siphash13(const void* src, size_t len) {
  const uint64_t k0 = sip_key().k0, k1 = sip_key().k1;
  uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
  uint64_t v3 = k1 ^ 0x7465646279746573ULL;
  auto in = static_cast<const uint8_t*>(src);
  uint64_t b = static_cast<uint64_t>(len) << 56;
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t m;
    std::memcpy(&m, in + i, 8);
    v3 ^= m;
    SIPROUND(v0, v1, v2, v3);
    v0 ^= m;
  }
  uint64_t t = 0;
  for (size_t j = 0; i + j < len; ++j) t |= static_cast<uint64_t>(in[i + j]) << (8 * j);
  b |= t;
  v3 ^= b;
  SIPROUND(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  SIPROUND(v0, v1, v2, v3);
  SIPROUND(v0, v1, v2, v3);
  SIPROUND(v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

// ---------------------------------------------------------------------------
// The intern table.  Keys view the immortal strings' own bytes.

struct InternTable {
  locking::Mutex mu;
  absl::flat_hash_map<std::string_view, Object*> map ABSL_GUARDED_BY(mu);
};
InternTable& intern_table() {
  static InternTable* t = new InternTable;  // never destroyed: strings are immortal
  return *t;
}

Object* make_exact(std::string_view utf8, ssize_t length) {
  Object* o = str_alloc(static_cast<ssize_t>(utf8.size()), length);
  if (o == nullptr) return nullptr;
  if (!utf8.empty()) std::memcpy(as_str(o)->data, utf8.data(), utf8.size());
  return o;
}

}  // namespace

// ---------------------------------------------------------------------------
// Construction.

Object* str_alloc(ssize_t nbytes, ssize_t length) {
  if (nbytes < 0 || static_cast<size_t>(nbytes) > (size_t{1} << 47)) return no_memory();
  auto* h = gc::allocate_object(sizeof(StrObject) + static_cast<size_t>(nbytes) + 1);
  if (h == nullptr) return no_memory();
  auto* s = static_cast<StrObject*>(static_cast<Object*>(h));
  s->type = &kStrType;
  s->nbytes = nbytes;
  s->length = length;
  new (&s->hash) std::atomic<hash_t>(-1);
  new (&s->index) std::atomic<ssize_t*>(nullptr);
  s->data = reinterpret_cast<char*>(s + 1);
  s->data[nbytes] = '\0';
  s->ascii = nbytes == length;
  s->interned = false;
  return s;
}

Object* str_empty() { return g_empty; }
Object* str_latin1_char(uint32_t cp) { return g_latin1[cp]; }

Object* str_from_known(std::string_view utf8, ssize_t length) {
  if (length <= 1 && g_empty != nullptr) {
    if (length == 0) return g_empty;
    int n;
    uint32_t cp = unicode::utf8_decode(utf8.data(), &n);
    if (cp < 256) return g_latin1[cp];
  }
  return make_exact(utf8, length);
}

Object* str_from(std::string_view utf8) {
  return str_from_known(utf8, static_cast<ssize_t>(unicode::utf8_count(utf8)));
}

Object* str_from_cstr(const char* utf8) { return str_from(std::string_view(utf8)); }

Object* str_from_codepoint(uint32_t cp) {
  if (cp < 256 && g_empty != nullptr) return g_latin1[cp];
  char buf[4];
  return make_exact(std::string_view(buf, unicode::utf8_encode(cp, buf)), 1);
}

Object* str_subtype_new(Type* type, Object* src) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  if (o == nullptr) return nullptr;
  auto* s = as_str(o);
  const auto* from = as_str(src);
  s->data = static_cast<char*>(gc::allocate_raw(static_cast<size_t>(from->nbytes) + 1));
  if (s->data == nullptr) {
    decref(o);
    return no_memory();
  }
  std::memcpy(s->data, from->data, static_cast<size_t>(from->nbytes) + 1);
  s->nbytes = from->nbytes;
  s->length = from->length;
  new (&s->hash) std::atomic<hash_t>(-1);
  new (&s->index) std::atomic<ssize_t*>(nullptr);
  s->ascii = from->ascii;
  s->interned = false;
  return o;
}

Object* str_intern(std::string_view utf8) {
  InternTable& t = intern_table();
  locking::MutexLock lock(&t.mu);
  auto it = t.map.find(utf8);
  if (it != t.map.end()) return it->second;
  Object* o = str_from(utf8);
  if (o == nullptr) return nullptr;
  gc::immortalize_allocated(o);
  as_str(o)->interned = true;
  t.map.emplace(str_view(o), o);
  return o;
}

// ---------------------------------------------------------------------------
// Accessors.

std::string_view str_view(const Object* s) {
  const auto* p = as_str(s);
  return {p->data, static_cast<size_t>(p->nbytes)};
}
const char* str_cstr(const Object* s) { return as_str(s)->data; }
ssize_t str_length(const Object* s) { return as_str(s)->length; }
bool str_is_ascii(const Object* s) { return as_str(s)->ascii; }

bool str_equal(const Object* a, const Object* b) {
  if (a == b) return true;
  const auto* x = as_str(a);
  const auto* y = as_str(b);
  if (x->nbytes != y->nbytes) return false;
  hash_t hx = x->hash.load(std::memory_order_relaxed);
  hash_t hy = y->hash.load(std::memory_order_relaxed);
  if (hx != -1 && hy != -1 && hx != hy) return false;
  return std::memcmp(x->data, y->data, static_cast<size_t>(x->nbytes)) == 0;
}

bool str_equal_cstr(const Object* s, std::string_view text) { return str_view(s) == text; }

hash_t str_hash(Object* s) {
  auto* p = as_str(s);
  hash_t h = p->hash.load(std::memory_order_relaxed);
  if (h != -1) return h;
  if (p->nbytes == 0) {
    h = 0;  // as CPython: hash('') == 0
  } else {
    h = static_cast<hash_t>(siphash13(p->data, static_cast<size_t>(p->nbytes)));
    if (h == -1) h = -2;
  }
  p->hash.store(h, std::memory_order_relaxed);
  return h;
}

// Used by bytes: the same keyed hash over raw bytes.
hash_t hash_bytes(std::string_view data) {
  if (data.empty()) return 0;
  auto h = static_cast<hash_t>(siphash13(data.data(), data.size()));
  return h == -1 ? -2 : h;
}

// ---------------------------------------------------------------------------
// Code point indexing.

namespace {

ssize_t* build_index(StrObject* s) {
  ssize_t entries = s->length / kIndexStride + 1;
  auto* idx = static_cast<ssize_t*>(gc::allocate_raw(sizeof(ssize_t) * entries));
  if (idx == nullptr) return nullptr;
  ssize_t cp = 0, k = 0;
  const auto* b = reinterpret_cast<const unsigned char*>(s->data);
  for (ssize_t i = 0; i < s->nbytes; ++i) {
    if ((b[i] & 0xC0) == 0x80) continue;
    if (cp % kIndexStride == 0) idx[k++] = i;
    ++cp;
  }
  if (k < entries) idx[k] = s->nbytes;  // length is a multiple of the stride
  ssize_t* expected = nullptr;
  if (!s->index.compare_exchange_strong(expected, idx, std::memory_order_acq_rel)) {
    gc::free_raw(idx);  // another thread published first
    return expected;
  }
  return idx;
}

}  // namespace

ssize_t str_byte_offset(Object* o, ssize_t i) {
  auto* s = as_str(o);
  if (s->ascii || i == 0) return i;
  if (i >= s->length) return s->nbytes;
  ssize_t* idx = s->index.load(std::memory_order_acquire);
  if (idx == nullptr) {
    idx = build_index(s);
    if (idx == nullptr) {  // out of memory: scan from the start instead
      ssize_t pos = 0;
      for (ssize_t k = 0; k < i; ++k)
        pos += unicode::utf8_seq_len(static_cast<unsigned char>(s->data[pos]));
      return pos;
    }
  }
  ssize_t pos = idx[i / kIndexStride];
  for (ssize_t k = i % kIndexStride; k > 0; --k)
    pos += unicode::utf8_seq_len(static_cast<unsigned char>(s->data[pos]));
  return pos;
}

uint32_t str_char_at(Object* s, ssize_t i) {
  auto* p = as_str(s);
  if (p->ascii) return static_cast<unsigned char>(p->data[i]);
  int n;
  return unicode::utf8_decode(p->data + str_byte_offset(s, i), &n);
}

ssize_t str_cp_index(Object* s, ssize_t byte_offset) {
  auto* p = as_str(s);
  if (p->ascii) return byte_offset;
  return static_cast<ssize_t>(
      unicode::utf8_count(std::string_view(p->data, static_cast<size_t>(byte_offset))));
}

Object* str_substr(Object* s, ssize_t start, ssize_t stop) {
  auto* p = as_str(s);
  if (start >= stop) return g_empty;
  if (start == 0 && stop == p->length && str_check_exact(s)) return new_ref(s);
  ssize_t b0 = str_byte_offset(s, start);
  ssize_t b1 = p->ascii ? stop : b0;
  if (!p->ascii) {
    if (stop - start > kIndexStride) {
      b1 = str_byte_offset(s, stop);
    } else {
      for (ssize_t k = start; k < stop; ++k)
        b1 += unicode::utf8_seq_len(static_cast<unsigned char>(p->data[b1]));
    }
  }
  return str_from_known(std::string_view(p->data + b0, static_cast<size_t>(b1 - b0)),
                        stop - start);
}

// ---------------------------------------------------------------------------
// Operations.

Object* str_concat(Object* a, Object* b) {
  auto* x = as_str(a);
  auto* y = as_str(b);
  if (y->nbytes == 0 && str_check_exact(a)) return new_ref(a);
  if (x->nbytes == 0 && str_check_exact(b)) return new_ref(b);
  Object* r = str_alloc(x->nbytes + y->nbytes, x->length + y->length);
  if (r == nullptr) return nullptr;
  std::memcpy(as_str(r)->data, x->data, static_cast<size_t>(x->nbytes));
  std::memcpy(as_str(r)->data + x->nbytes, y->data, static_cast<size_t>(y->nbytes));
  return r;
}

namespace {

Object* str_repeat(Object* s, ssize_t n) {
  auto* p = as_str(s);
  if (n <= 0 || p->nbytes == 0) return g_empty;
  if (n == 1 && str_check_exact(s)) return new_ref(s);
  if (p->nbytes > PTRDIFF_MAX / n) {
    set_error(&kOverflowErrorType, "repeated string is too long");
    return nullptr;
  }
  Object* r = str_alloc(p->nbytes * n, p->length * n);
  if (r == nullptr) return nullptr;
  char* d = as_str(r)->data;
  if (p->nbytes == 1) {
    std::memset(d, p->data[0], static_cast<size_t>(n));
    return r;
  }
  // Doubling copies: log(n) memcpy calls.
  ssize_t total = p->nbytes * n, done = p->nbytes;
  std::memcpy(d, p->data, static_cast<size_t>(p->nbytes));
  while (done < total) {
    ssize_t chunk = std::min(done, total - done);
    std::memcpy(d + done, d, static_cast<size_t>(chunk));
    done += chunk;
  }
  return r;
}

bool has_index(Object* o) {
  return int_check(o) || (o->type->number != nullptr && o->type->number->index != nullptr);
}

Object* repeat_by(Object* s, Object* count) {
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
  return str_repeat(s, n);
}

// Gives a foreign right operand's reflected slot its turn before str raises,
// as CPython's binary_op1 does before falling back to sq_concat/sq_repeat.
Object* try_reflected(Object* a, Object* b, BinaryFunc mine, size_t slot_offset) {
  NumberMethods* nb = b->type->number;
  if (nb == nullptr) return not_implemented();
  BinaryFunc f = *reinterpret_cast<BinaryFunc*>(reinterpret_cast<char*>(nb) + slot_offset);
  if (f == nullptr || f == mine) return not_implemented();
  return f(a, b);
}

Object* str_nb_add(Object* a, Object* b) {
  if (!str_check(a)) return not_implemented();
  if (str_check(b)) return str_concat(a, b);
  Object* r = try_reflected(a, b, str_nb_add, offsetof(NumberMethods, add));
  if (r != not_implemented()) return r;
  set_error_fmt(&kTypeErrorType, "can only concatenate str (not \"%s\") to str", type_name(b));
  return nullptr;
}

Object* str_nb_mul(Object* a, Object* b) {
  if (str_check(a)) {
    if (!str_check(b)) {
      Object* r = try_reflected(a, b, str_nb_mul, offsetof(NumberMethods, multiply));
      if (r != not_implemented()) return r;
    }
    return repeat_by(a, b);
  }
  return repeat_by(b, a);  // int * str: the int's own slot already declined
}

Object* str_nb_mod(Object* a, Object* b) {
  if (!str_check(a)) return not_implemented();
  return str_mod_format(a, b);
}

NumberMethods kStrNumber = {
    .add = str_nb_add,
    .multiply = str_nb_mul,
    .remainder = str_nb_mod,
};

// ---------------------------------------------------------------------------
// Slots.

void str_dealloc(Object* o) {
  auto* s = as_str(o);
  if (ssize_t* idx = s->index.load(std::memory_order_relaxed)) gc::free_raw(idx);
  if (o->type == &kStrType) {
    gc::free_object(o);
    return;
  }
  if (s->data != nullptr) gc::free_raw(s->data);  // subclass instance: external bytes
  generic_free(o);
}

Object* str_slot_repr(Object* o) {
  std::string r = str_repr_text(str_view(o), false);
  return str_from(r);
}

Object* str_slot_str(Object* o) {
  if (str_check_exact(o)) return new_ref(o);
  return str_from_known(str_view(o), str_length(o));
}

hash_t str_slot_hash(Object* o) { return str_hash(o); }

Object* str_richcompare(Object* a, Object* b, CompareOp op) {
  if (!str_check(a) || !str_check(b)) return not_implemented();
  if (op == CompareOp::kEq) return new_bool(str_equal(a, b));
  if (op == CompareOp::kNe) return new_bool(!str_equal(a, b));
  int c = str_view(a).compare(str_view(b));
  bool r = false;
  switch (op) {
    case CompareOp::kLt: r = c < 0; break;
    case CompareOp::kLe: r = c <= 0; break;
    case CompareOp::kGt: r = c > 0; break;
    case CompareOp::kGe: r = c >= 0; break;
    default: break;
  }
  return new_bool(r);
}

ssize_t str_slot_length(Object* o) { return str_length(o); }

int str_slot_contains(Object* self, Object* item) {
  if (!str_check(item)) {
    set_error_fmt(&kTypeErrorType, "'in <string>' requires string as left operand, not %s",
                  type_name(item));
    return -1;
  }
  return str_view(self).find(str_view(item)) != std::string_view::npos;
}

Object* str_slice(Object* s, Object* slice) {
  ssize_t start, stop, step, n;
  if (slice_indices(slice, str_length(s), &start, &stop, &step, &n) < 0) return nullptr;
  if (n <= 0) return g_empty;
  if (step == 1) return str_substr(s, start, start + n);
  std::string out;
  auto* p = as_str(s);
  if (p->ascii) {
    out.resize(static_cast<size_t>(n));
    for (ssize_t i = 0; i < n; ++i) out[i] = p->data[start + i * step];
    return str_from_known(out, n);
  }
  for (ssize_t i = 0; i < n; ++i) unicode::utf8_append(&out, str_char_at(s, start + i * step));
  return str_from_known(out, n);
}

Object* str_getitem(Object* s, Object* key) {
  if (has_index(key)) {
    ssize_t i = index_as_ssize(key);
    if (i == -1 && has_error()) return nullptr;
    ssize_t n = str_length(s);
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
      set_error(&kIndexErrorType, "string index out of range");
      return nullptr;
    }
    return str_from_codepoint(str_char_at(s, i));
  }
  if (slice_check(key)) return str_slice(s, key);
  set_error_fmt(&kTypeErrorType, "string indices must be integers, not '%s'", type_name(key));
  return nullptr;
}

// ---------------------------------------------------------------------------
// Iterators: keep a byte offset, so iteration is O(1) per item even for
// non-ASCII text.

struct StrIterObject : Object {
  Object* str;  // null once exhausted
  ssize_t pos;  // byte offset
};

Object* str_iter(Object* s) {
  Type* t = str_is_ascii(s) ? &kStrAsciiIterType : &kStrIterType;
  Object* o = generic_alloc(t, 0);
  if (o == nullptr) return nullptr;
  auto* it = static_cast<StrIterObject*>(o);
  it->str = new_ref(s);
  it->pos = 0;
  return o;
}

Object* str_iternext(Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  if (it->str == nullptr) return nullptr;
  auto* s = as_str(it->str);
  if (it->pos >= s->nbytes) {
    clear_slot(&it->str);
    return nullptr;
  }
  int n;
  uint32_t cp = unicode::utf8_decode(s->data + it->pos, &n);
  it->pos += n;
  return str_from_codepoint(cp);
}

void str_iter_dealloc(Object* o) {
  clear_slot(&static_cast<StrIterObject*>(o)->str);
  generic_free(o);
}

Object* iter_self(Object* o) { return new_ref(o); }

Object* str_iter_length_hint(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  auto* it = static_cast<StrIterObject*>(self);
  if (it->str == nullptr) return int_from_i64(0);
  auto* s = as_str(it->str);
  ssize_t left = s->ascii ? s->nbytes - it->pos
                          : static_cast<ssize_t>(unicode::utf8_count(std::string_view(
                                s->data + it->pos, static_cast<size_t>(s->nbytes - it->pos))));
  return int_from_i64(left);
}

const MethodDef kStrIterMethods[] = {
    {"__length_hint__", str_iter_length_hint, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_iter_type(Type* t, const char* name) {
  init_static_type(t, name, sizeof(StrIterObject));
  t->dealloc = str_iter_dealloc;
  t->iter = iter_self;
  t->iternext = str_iternext;
  t->methods = kStrIterMethods;
  type_ready(t);
}

// ---------------------------------------------------------------------------
// str(object='', encoding='utf-8', errors='strict').

Object* str_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"str", {"object", "encoding", "errors"}, 0, 3};
  Object* a[3] = {nullptr, nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> result;
  if (a[1] != nullptr || a[2] != nullptr) {
    for (int i = 1; i < 3; ++i) {
      if (a[i] != nullptr && !str_check(a[i])) {
        set_error_fmt(&kTypeErrorType, "str() argument '%s' must be str, not %s",
                      i == 1 ? "encoding" : "errors", type_name(a[i]));
        return nullptr;
      }
    }
    Object* obj = a[0] != nullptr ? a[0] : g_empty;
    if (a[0] == nullptr) {
      result = steal(new_ref(g_empty));
    } else if (str_check(obj)) {
      set_error(&kTypeErrorType, "decoding str is not supported");
      return nullptr;
    } else if (bytearray_check(obj)) {  // decoded from a copy: it may change meanwhile
      std::string copy;
      bytearray_snapshot(obj, &copy);
      result = steal(str_decode(copy, a[1] ? str_view(a[1]) : "utf-8",
                                a[2] ? str_view(a[2]) : "strict"));
    } else if (!bytes_check(obj)) {
      set_error_fmt(&kTypeErrorType, "decoding to str: need a bytes-like object, %s found",
                    type_name(obj));
      return nullptr;
    } else {
      result = steal(str_decode(bytes_view(obj), a[1] ? str_view(a[1]) : "utf-8",
                                a[2] ? str_view(a[2]) : "strict"));
    }
  } else {
    result = steal(a[0] == nullptr ? new_ref(g_empty) : str(a[0]));
  }
  if (!result) return nullptr;
  if (type == &kStrType) return result.release();
  return str_subtype_new(type, result.get());
}

// The two method tables as one (built once, never freed: the type is static).
const MethodDef* all_str_methods() {
  static std::vector<MethodDef>* table = [] {
    auto* v = new std::vector<MethodDef>;
    for (const MethodDef* d = kStrMethods; d->name != nullptr; ++d) v->push_back(*d);
    for (const MethodDef* d = kStrCaseMethods; d->name != nullptr; ++d) v->push_back(*d);
    v->push_back({nullptr, nullptr, 0, nullptr});
    return v;
  }();
  return table->data();
}

}  // namespace

// ---------------------------------------------------------------------------
// Type set-up.

void init_str_types() {
  Type* t = &kStrType;
  init_static_type(t, "str", sizeof(StrObject));
  t->flags |= kTypeBaseType | kTypeStrSubclass;
  t->doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str";
  t->dealloc = str_dealloc;
  t->new_ = str_new;
  t->repr = str_slot_repr;
  t->str = str_slot_str;
  t->hash = str_slot_hash;
  t->richcompare = str_richcompare;
  t->iter = str_iter;
  t->length = str_slot_length;
  t->getitem = str_getitem;
  t->contains = str_slot_contains;
  t->number = &kStrNumber;
  t->methods = all_str_methods();

  // Singletons before type_ready: the type dict's keys are strings.  A text
  // interned earlier (during the type bootstrap) is adopted as the singleton.
  {
    InternTable& it = intern_table();
    locking::MutexLock lock(&it.mu);
    auto singleton = [&](std::string_view text, ssize_t length) {
      auto found = it.map.find(text);
      if (found != it.map.end()) return found->second;
      Object* o = make_exact(text, length);
      gc::immortalize_allocated(o);
      as_str(o)->interned = true;
      it.map.emplace(str_view(o), o);
      return o;
    };
    Object* empty = singleton("", 0);
    for (uint32_t cp = 0; cp < 256; ++cp) {
      char buf[2];
      int n = unicode::utf8_encode(cp, buf);
      g_latin1[cp] = singleton(std::string_view(buf, n), 1);
    }
    g_empty = empty;  // last: enables the singleton fast paths
  }
  type_ready(t);
  init_iter_type(&kStrIterType, "str_iterator");
  init_iter_type(&kStrAsciiIterType, "str_ascii_iterator");
}

}  // namespace conch::vm
