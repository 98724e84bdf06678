// _random: the Mersenne Twister generator type under vm/lib/random.py, as
// CPython's Modules/_randommodule.c (same seeding, same bit extraction, so the
// same seed gives the same stream as CPython).
//
// Random objects are mutable state shared by whoever holds them: each method
// runs in the object's critical section, so in the free-threaded build two
// threads drawing from the module-level generator never tear its state (as
// the GIL guarantees in CPython).
#include <fcntl.h>
#include <gmp.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <vector>

#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/modules/mt19937.h"
#include "vm/modules/stdlib.h"
#include "vm/types.h"
#include "vm/types/int.h"

namespace conch::vm {

namespace {

Type kRandomType;

struct RandomObject : Object {
  MersenneTwister mt;
};

MersenneTwister& mt_of(Object* o) { return static_cast<RandomObject*>(o)->mt; }

// Seeds from the OS (CPython: random_seed_urandom), else time and pid.
void seed_from_os(MersenneTwister& mt) {
  uint32_t key[MersenneTwister::kN];
  size_t got = 0;
  int fd = ::open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    while (got < sizeof key) {
      ssize_t r = ::read(fd, reinterpret_cast<char*>(key) + got, sizeof key - got);
      if (r <= 0 && errno != EINTR) break;
      if (r > 0) got += static_cast<size_t>(r);
    }
    ::close(fd);
  }
  if (got == sizeof key) {
    mt.init_by_array(key, MersenneTwister::kN);
    return;
  }
  timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint32_t fallback[5] = {static_cast<uint32_t>(ts.tv_sec), static_cast<uint32_t>(ts.tv_sec >> 32),
                          static_cast<uint32_t>(ts.tv_nsec), static_cast<uint32_t>(getpid()), 0};
  mt.init_by_array(fallback, 4);
}

// Seeds from the absolute value of an int: its 32-bit words, least
// significant first (CPython: random_seed with an int).
void seed_from_int(MersenneTwister& mt, Object* n) {
  mpz_t z;
  mpz_init(z);
  int_to_mpz(n, z);
  mpz_abs(z, z);
  size_t words = (mpz_sizeinbase(z, 2) + 31) / 32;
  std::vector<uint32_t> key(words == 0 ? 1 : words, 0);
  size_t count = 0;
  mpz_export(key.data(), &count, -1, sizeof(uint32_t), 0, 0, z);
  mpz_clear(z);
  mt.init_by_array(key.data(), count == 0 ? 1 : count);
}

int seed_with(Object* self, Object* arg) {
  MersenneTwister& mt = mt_of(self);
  if (arg == nullptr || arg == kNone) {
    gc::CriticalSection cs{self};
    seed_from_os(mt);
    return 0;
  }
  Ref<> n;
  if (int_check(arg)) {
    n = borrow(arg);
  } else {
    hash_t h = hash(arg);
    if (h == -1 && has_error()) return -1;
    n = steal(int_from_u64(static_cast<uint64_t>(h)));  // (size_t)hash, as CPython
    if (!n) return -1;
  }
  gc::CriticalSection cs{self};
  seed_from_int(mt, n.get());
  return 0;
}

Object* random_new(Type* type, Object* const* args, size_t nargs, Object* kwnames) {
  if (type == &kRandomType && !check_no_kwargs("Random", kwnames)) return nullptr;
  if (nargs > 1) {
    set_error(&kTypeErrorType, "Random() requires 0 or 1 argument");
    return nullptr;
  }
  Ref<> self = steal(type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0));
  if (!self) return nullptr;
  new (&mt_of(self.get())) MersenneTwister();
  if (seed_with(self.get(), nargs == 1 ? args[0] : nullptr) < 0) return nullptr;
  return self.release();
}

void random_dealloc(Object* o) { generic_free(o); }

Object* m_random(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("random", nargs, 0, 0, kwnames)) return nullptr;
  double r;
  {
    gc::CriticalSection cs{self};
    r = mt_of(self).next_double();
  }
  return float_from(r);
}

Object* m_seed(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("seed", nargs, 0, 1, kwnames)) return nullptr;
  if (seed_with(self, nargs == 1 ? args[0] : nullptr) < 0) return nullptr;
  return new_none();
}

Object* m_getrandbits(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("getrandbits", nargs, 1, 1, kwnames)) return nullptr;
  ssize_t k = index_as_ssize(args[0]);
  if (k == -1 && has_error()) return nullptr;
  if (k < 0) {
    set_error(&kValueErrorType, "number of bits must be non-negative");
    return nullptr;
  }
  if (k == 0) return int_new_small(0);
  MersenneTwister& mt = mt_of(self);
  if (k <= 32) {
    gc::CriticalSection cs{self};
    return int_new_small(mt.next_u32() >> (32 - k));
  }
  // Fill 32-bit words from least to most significant; the last keeps its
  // top bits (CPython drops the low ones).
  size_t words = static_cast<size_t>((k - 1) / 32 + 1);
  std::vector<uint32_t> w(words);
  {
    gc::CriticalSection cs{self};
    for (size_t i = 0; i < words; ++i, k -= 32) {
      uint32_t r = mt.next_u32();
      if (k < 32) r >>= (32 - k);
      w[i] = r;
    }
  }
  mpz_t z;
  mpz_init(z);
  mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w.data());
  Object* result = int_from_mpz(z);
  mpz_clear(z);
  return result;
}

// random.py's _randbelow_with_getrandbits(n): getrandbits(n.bit_length())
// until the result is below n.  When type(self) keeps this type's
// getrandbits and n fits in 64 bits, the draws happen here without building
// an int per attempt; they consume exactly the words CPython's getrandbits
// would, so the stream is unchanged.  Otherwise self.getrandbits is called.
Object* m_randbelow(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("_randbelow_with_getrandbits", nargs, 1, 1, kwnames)) return nullptr;
  Object* n = args[0];
  int64_t v;
  Object* own = dict_get_item_str(kRandomType.dict, "getrandbits");
  if (int_check(n) && int_to_i64(n, &v) && v > 0 &&
      type_lookup(self->type, str_intern("getrandbits")) == own) {
    auto un = static_cast<uint64_t>(v);
    int k = 64 - __builtin_clzll(un);
    MersenneTwister& mt = mt_of(self);
    uint64_t r;
    gc::CriticalSection cs{self};
    do {
      if (k <= 32) {
        r = mt.next_u32() >> (32 - k);
      } else {
        uint64_t lo = mt.next_u32();
        uint64_t hi = mt.next_u32() >> (64 - k);
        r = lo | (hi << 32);
      }
    } while (r >= un);
    return int_from_u64(r);
  }
  Ref<> bits = steal(call_method(n, "bit_length", {}));
  if (!bits) return nullptr;
  for (;;) {
    Ref<> r = steal(call_method(self, "getrandbits", {bits.get()}));
    if (!r) return nullptr;
    int ge = rich_compare_bool(r.get(), n, CompareOp::kGe);
    if (ge < 0) return nullptr;
    if (!ge) return r.release();
  }
}

Object* m_getstate(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("getstate", nargs, 0, 0, kwnames)) return nullptr;
  MersenneTwister copy;
  {
    gc::CriticalSection cs{self};
    copy = mt_of(self);
  }
  constexpr int n = MersenneTwister::kN;
  Ref<> t = steal(tuple_new(n + 1));
  if (!t) return nullptr;
  for (int i = 0; i <= n; ++i) tuple_init_item(t.get(), i, nullptr);
  for (int i = 0; i < n; ++i) {
    Object* v = int_from_u64(copy.state[i]);
    if (v == nullptr) return nullptr;
    tuple_init_item(t.get(), i, v);
  }
  Object* idx = int_from_i64(copy.index > n ? n : copy.index);
  if (idx == nullptr) return nullptr;
  tuple_init_item(t.get(), n, idx);
  return t.release();
}

// PyLong_AsUnsignedLong, truncated to 32 bits as CPython's setstate does.
bool state_word(Object* v, uint64_t* out) {
  if (!int_check(v)) {
    set_error(&kTypeErrorType, "an integer is required");
    return false;
  }
  if (int_sign(v) < 0) {
    set_error(&kOverflowErrorType, "can't convert negative int to unsigned");
    return false;
  }
  int64_t x;
  if (!int_to_i64(v, &x)) {
    mpz_t z;
    mpz_init(z);
    int_to_mpz(v, z);
    bool fits = mpz_sizeinbase(z, 2) <= 64;
    *out = fits ? mpz_getlimbn(z, 0) : 0;
    mpz_clear(z);
    if (!fits) set_error(&kOverflowErrorType, "Python int too large to convert to C unsigned long");
    return fits;
  }
  *out = static_cast<uint64_t>(x);
  return true;
}

Object* m_setstate(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("setstate", nargs, 1, 1, kwnames)) return nullptr;
  Object* state = args[0];
  if (!tuple_check(state)) {
    set_error(&kTypeErrorType, "state vector must be a tuple");
    return nullptr;
  }
  constexpr int n = MersenneTwister::kN;
  if (tuple_size(state) != n + 1) {
    set_error(&kValueErrorType, "state vector is the wrong size");
    return nullptr;
  }
  MersenneTwister next;
  for (int i = 0; i < n; ++i) {
    uint64_t w;
    if (!state_word(tuple_get(state, i), &w)) return nullptr;
    next.state[i] = static_cast<uint32_t>(w);
  }
  ssize_t index = index_as_ssize(tuple_get(state, n));
  if (index == -1 && has_error()) return nullptr;
  if (index < 0 || index > n) {
    set_error(&kValueErrorType, "invalid state");
    return nullptr;
  }
  next.index = static_cast<int>(index);
  {
    gc::CriticalSection cs{self};
    mt_of(self) = next;
  }
  return new_none();
}

// _random._bytes_seed(b): int.from_bytes(b + sha512(b).digest(), 'big'), the
// int random.seed(str/bytes, version=2) seeds with.
Object* m_bytes_seed(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("_bytes_seed", nargs, 1, 1, kwnames)) return nullptr;
  if (!bytes_check(args[0])) {
    set_error(&kTypeErrorType, "_bytes_seed() argument must be bytes");
    return nullptr;
  }
  std::string_view b = bytes_view(args[0]);
  std::vector<unsigned char> buf(b.begin(), b.end());
  buf.resize(b.size() + 64);
  sha512_digest(reinterpret_cast<const unsigned char*>(b.data()), b.size(), buf.data() + b.size());
  mpz_t z;
  mpz_init(z);
  mpz_import(z, buf.size(), 1, 1, 0, 0, buf.data());
  Object* result = int_from_mpz(z);
  mpz_clear(z);
  return result;
}

Object* m_sha512(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("_sha512", nargs, 1, 1, kwnames)) return nullptr;
  if (!bytes_check(args[0])) {
    set_error(&kTypeErrorType, "_sha512() argument must be bytes");
    return nullptr;
  }
  std::string_view b = bytes_view(args[0]);
  unsigned char out[64];
  sha512_digest(reinterpret_cast<const unsigned char*>(b.data()), b.size(), out);
  return bytes_from(std::string_view(reinterpret_cast<const char*>(out), 64));
}

const MethodDef kRandomMethods[] = {
    {"random", m_random, kMethodDefault, "random() -> x in the interval [0, 1)."},
    {"seed", m_seed, kMethodDefault, "seed([n]) -> None."},
    {"getstate", m_getstate, kMethodDefault, "getstate() -> tuple containing the current state."},
    {"setstate", m_setstate, kMethodDefault, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", m_getrandbits, kMethodDefault,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"_randbelow_with_getrandbits", m_randbelow, kMethodDefault,
     "Return a random int in the range [0,n).  Defined for n > 0."},
    {nullptr, nullptr, 0, nullptr},
};

const MethodDef kModuleFunctions[] = {
    {"_bytes_seed", m_bytes_seed, kMethodDefault, nullptr},
    {"_sha512", m_sha512, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_random_type() {
  static bool done = false;
  if (done) return;
  done = true;
  Type* t = &kRandomType;
  init_static_type(t, "_random.Random", sizeof(RandomObject));
  t->flags |= kTypeBaseType;
  t->doc = "Random() -> create a random number generator with its own internal state.";
  t->methods = kRandomMethods;
  t->new_ = random_new;
  t->dealloc = random_dealloc;
  type_ready(t);
}

}  // namespace

Object* init_random_module() {
  init_random_type();
  Ref<> m = steal(module_new("_random"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kModuleFunctions) < 0) return nullptr;
  if (module_add_object(m.get(), "Random", &kRandomType) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
