// set: entry points beyond vm/types.h for the eval loop and the compiler.
//
// SET_UPDATE must merge with set_update (not element by element through
// set_add): merging a set into an empty set of the same table size copies
// slots in place, which is what makes `{8, 16, 0, 24, 32}` (compiled, as
// CPython does, to BUILD_SET 0 + LOAD_CONST frozenset + SET_UPDATE) print in
// CPython's order.
#pragma once

#include "vm/object.h"

namespace conch::vm {

// s.update(iterable) for a set s: sets and dicts merge with their stored
// hashes, anything else is iterated.  0 or -1 with an exception set.
int set_update(Object* s, Object* iterable);

}  // namespace conch::vm
