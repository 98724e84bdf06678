// Init functions of the standard-library modules written in C++ that the
// pure-Python modules in vm/lib/ build on (random.py on _random, the
// collections package on _collections ...).  Registered in registry.cc.
#pragma once

#include "vm/object.h"

namespace conch::vm {

Object* init_random_module();       // random.cc: _random
Object* init_itertools_module();    // itertools.cc: itertools
Object* init_collections_module();  // collections.cc: _collections
Object* init_functools_module();    // functools.cc: _functools
Object* init_json_module();         // json.cc: _json (under vm/lib/json)
Object* init_cmath_module();        // cmath.cc: cmath
Object* init_dis_module();          // dis_module.cc: _dis (under vm/lib/dis.py)
Object* init_conch_sre_module();    // re_module.cc: _conch_sre (under vm/lib/re.py)

}  // namespace conch::vm
