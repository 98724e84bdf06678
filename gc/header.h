// The object header and reference counting primitives.
//
// Every object starts with a gc::Header.  gc/ knows headers, counts and memory;
// it does not know types (vm/ puts the type pointer right after the header and
// runs the type's dealloc when release() says the count reached zero).
//
// Layout
//   GIL build            refcount (intptr_t, non-atomic; every access holds the GIL)
//   free-threaded build  PEP 703's layout:
//     owner_tid      uintptr_t  thread that allocated the object (written once)
//     mutex          uint8_t    the object's 1-byte lock (locking/)
//     gc_bits        uint8_t    collector state
//     local_refcount uint32_t   owner's count, non-atomic (owner writes only)
//     shared_refcount atomic    other threads' count; low 2 bits are flags
//
// Immortal objects (None, True, False, small ints, interned strings, static
// types, code constants) are never counted: kImmortal marks them and
// incref/release skip them, so they cause no writes at all.
//
// Issue 2 stage: the free-threaded build counts through shared_refcount with
// atomic read-modify-writes only; biased counting (owner fast path, merge and
// queue) replaces this inside these functions without touching any caller.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "base/config.h"
#include "base/macros.h"

namespace conch::gc {

#if CONCH_FREE_THREADED
struct Header {
  uintptr_t owner_tid;
  uint8_t mutex;
  uint8_t gc_bits;
  uint16_t flags;
  uint32_t local_refcount;
  std::atomic<intptr_t> shared_refcount;
};
inline constexpr uint32_t kImmortalLocal = 0xFFFFFFFFu;
#else
struct Header {
  intptr_t refcount;
};
// Any count at or above this value is immortal; it is far above anything a
// real program can reach and leaves headroom so a stray incref cannot wrap.
inline constexpr intptr_t kImmortal = intptr_t{1} << 60;
#endif

// Sets up a fresh header with one reference owned by the caller.
void init_header(Header* h);

#if CONCH_FREE_THREADED

CONCH_ALWAYS_INLINE bool is_immortal(const Header* h) {
  return h->local_refcount == kImmortalLocal;
}
CONCH_ALWAYS_INLINE void make_immortal(Header* h) {
  h->local_refcount = kImmortalLocal;
  h->shared_refcount.store(intptr_t{1} << 40, std::memory_order_relaxed);
}
CONCH_ALWAYS_INLINE void incref(Header* h) {
  if (is_immortal(h)) return;
  h->shared_refcount.fetch_add(1, std::memory_order_relaxed);
}
// Returns true when this was the last reference: the caller must free.
// acq_rel: the freeing thread must see every write made by threads that
// dropped their references before it.
CONCH_ALWAYS_INLINE bool release(Header* h) {
  if (is_immortal(h)) return false;
  return h->shared_refcount.fetch_sub(1, std::memory_order_acq_rel) == 1;
}
CONCH_ALWAYS_INLINE intptr_t refcount(const Header* h) {
  if (is_immortal(h)) return intptr_t{1} << 40;
  return h->shared_refcount.load(std::memory_order_relaxed);
}

#else

CONCH_ALWAYS_INLINE bool is_immortal(const Header* h) { return h->refcount >= kImmortal; }
CONCH_ALWAYS_INLINE void make_immortal(Header* h) { h->refcount = kImmortal + (kImmortal >> 1); }
CONCH_ALWAYS_INLINE void incref(Header* h) {
  if (is_immortal(h)) return;
  ++h->refcount;
}
CONCH_ALWAYS_INLINE bool release(Header* h) {
  if (is_immortal(h)) return false;
  return --h->refcount == 0;
}
CONCH_ALWAYS_INLINE intptr_t refcount(const Header* h) { return h->refcount; }

#endif

}  // namespace conch::gc
