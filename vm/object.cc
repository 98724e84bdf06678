// dealloc(): the one place an object's last reference ends up.
#include "vm/object.h"

namespace conch::vm {

void dealloc(Object* o) {
  DeallocFunc f = o->type->dealloc;
  if (f != nullptr) {
    f(o);
  } else {
    generic_free(o);
  }
}

}  // namespace conch::vm
