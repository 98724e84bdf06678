// The pre-header of tracked objects (gc/collector.h explains the list).
// Internal to gc/: alloc.cc links and unlinks, collector.cc walks.
#pragma once

#include <cstdint>

#include "gc/header.h"
#include "locking/mutex.h"

namespace conch::gc {

struct Link {
  Link* prev;
  Link* next;
  intptr_t gc_refs;  // valid only inside collect()
  uint32_t flags;
  uint32_t unused;
};
static_assert(sizeof(Link) % 16 == 0, "objects after a Link keep malloc's alignment");

enum LinkFlags : uint32_t {
  kCollecting = 1u << 0,  // in the set the running collection examines
  kReachable = 1u << 1,   // found reachable in this collection
  kFinalized = 1u << 2,   // __del__ has run (PEP 442: at most once)
};

inline Link* link_of(Header* h) { return reinterpret_cast<Link*>(h) - 1; }
inline Header* header_of(Link* l) { return reinterpret_cast<Header*>(l + 1); }

// The list head (a sentinel: an empty list points at itself) and its lock.
Link* tracked_list();
#if CONCH_FREE_THREADED
locking::Mutex& tracked_list_mutex();
#endif

// Allocation accounting for automatic collection (collector.cc).
void note_tracked_alloc();
void note_tracked_free();

}  // namespace conch::gc
