// conch build configuration: the one header that owns every build flag.
//
// Each flag arrives from CMake as a 0/1 macro and is exposed here as a
// constexpr value; code tests the value (`if constexpr (kFreeThreaded)`) rather
// than the macro, and only the primitives in locking/ and gc/ are allowed to
// differ by mode (STYLE.md, habit 3).  Derived flags are computed here, and
// impossible combinations fail to compile.
#pragma once

#ifndef CONCH_FREE_THREADED
#define CONCH_FREE_THREADED 0
#endif
#ifndef CONCH_USE_MIMALLOC
#define CONCH_USE_MIMALLOC CONCH_FREE_THREADED
#endif
#ifndef CONCH_DEBUG_OBJECTS
#define CONCH_DEBUG_OBJECTS 0
#endif

namespace conch {

// Free-threaded build: biased reference counting, a lock in every mutable
// container, no GIL unless asked for at start-up.  Off: one GIL, plain counts.
inline constexpr bool kFreeThreaded = CONCH_FREE_THREADED != 0;

// Allocator knob.  The free-threaded build wants mimalloc's per-thread heaps;
// the GIL build may use it to separate the allocator's share of the
// single-thread regression from the refcounting and locking shares.
inline constexpr bool kUseMimalloc = CONCH_USE_MIMALLOC != 0;

// Debug builds count live objects so a test can assert nothing leaked.
inline constexpr bool kDebugObjects = CONCH_DEBUG_OBJECTS != 0;

inline constexpr const char* kBuildName = kFreeThreaded ? "free-threaded" : "GIL";

}  // namespace conch
