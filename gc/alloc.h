// Object memory.  Every object is allocated and freed here, so the allocator is
// one knob (system malloc or mimalloc, base/config.h) and debug builds can
// count live objects.
//
// mimalloc configuration (the free-threaded build's default; CONCH_USE_MIMALLOC
// turns it on or off in either build): every thread allocates from heaps of
// its own, so allocation never contends.  Untracked objects and raw memory
// come from the thread's default mimalloc heap; objects the cycle collector
// tracks from a second per-thread heap (mi_heap_new), so containers share
// pages with containers only.  A block freed by another thread goes back to
// its owning heap through mimalloc's cross-thread free (a push on the page's
// lock-free list), and blocks of exited threads are adopted by mimalloc.
// The collector does not walk these heaps (gc/collector.h says why); it
// keeps per-thread lists.
//
// Live-object counts are per thread and exact: each thread adds to its own
// counter (no atomic read-modify-write on the hot path), live_objects() sums
// them, and an exiting thread folds its count into a global one.
#pragma once

#include <cstddef>
#include <cstdint>

#include "gc/header.h"

namespace conch::gc {

// Returns zeroed memory for an object of `size` bytes with its header
// initialised (one reference).  Returns nullptr when memory is exhausted; the
// caller raises MemoryError.  Objects of a kTypeHaveGC type must come from
// allocate_tracked (gc/collector.h) instead: the collector reads the Link in
// front of every such object.
Header* allocate_object(size_t size);

// Frees memory obtained from allocate_object.
void free_object(Header* h);

// Makes an object from allocate_object immortal.  It will never be freed, so
// it leaves the live count (interned strings made after start-up would
// otherwise read as leaks).  For static objects use gc::make_immortal.
void immortalize_allocated(Header* h);

// Static types readied after start-up (a module's types, at import) create
// their dicts and descriptors then; those live as long as the process, like
// the type.  The code that makes them reports how many objects it created so
// the leak check does not count them.  Approximate if other threads allocate
// at the same moment; it only feeds the debug accounting.
void note_permanent_objects(int64_t n);
int64_t permanent_objects();

// Raw memory for object internals (item arrays, hash tables, string bytes).
void* allocate_raw(size_t size);
void* reallocate_raw(void* p, size_t size);
void free_raw(void* p);

// Objects allocated and not yet freed.  Counted in every build (one relaxed
// atomic add per allocation); the debug preset asserts it returns to baseline.
int64_t live_objects();

// The allocator in use, for --version and the matrix report: "mimalloc X.Y.Z,
// per-thread heaps" (the version of the library actually loaded) or
// "system malloc".
const char* allocator_name();

}  // namespace conch::gc
