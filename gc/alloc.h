// Object memory.  Every object is allocated and freed here, so the allocator is
// one knob (system malloc or mimalloc, base/config.h) and debug builds can
// count live objects.
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

// Name of the allocator compiled in, for --version and the matrix report.
const char* allocator_name();

}  // namespace conch::gc
