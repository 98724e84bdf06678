// The math module (vm/modules/math.cc): CPython's mathmodule.c for floats
// and ints, with its special cases and its errors ("math domain error" as
// ValueError, "math range error" as OverflowError).
#pragma once

#include "vm/object.h"

namespace conch::vm {

// Creates the math module (new reference); registered as `math`.
Object* init_math_module();

}  // namespace conch::vm
