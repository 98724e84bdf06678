// Compiler helpers shared by every layer: branch hints and clang's
// thread-safety annotations (via Abseil's macros, so GCC sees nothing).
#pragma once

#include "absl/base/thread_annotations.h"

#if defined(__GNUC__) || defined(__clang__)
#define CONCH_LIKELY(x) __builtin_expect(!!(x), 1)
#define CONCH_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define CONCH_NOINLINE __attribute__((noinline))
#define CONCH_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define CONCH_LIKELY(x) (x)
#define CONCH_UNLIKELY(x) (x)
#define CONCH_NOINLINE
#define CONCH_ALWAYS_INLINE inline
#endif
