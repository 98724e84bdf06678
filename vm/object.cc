// dealloc(): the one place an object's last reference ends up.
//
// Freeing a deeply nested structure (a list of a list of ... a million
// deep) recurses through the containers' deallocs: each one drops its items,
// whose deallocs drop theirs.  As CPython's "trashcan", once the nesting
// passes kMaxDeallocDepth the object is parked on a per-thread list instead,
// and the outermost dealloc frees the parked objects iteratively.  A parked
// object has no references left, so nothing can observe the delay.
#include "vm/object.h"

#include <vector>

namespace conch::vm {

namespace {

constexpr int kMaxDeallocDepth = 200;

struct DeallocState {
  int depth = 0;
  std::vector<Object*> parked;
};
thread_local DeallocState t_dealloc;

inline void run_dealloc(Object* o) {
  DeallocFunc f = o->type->dealloc;
  if (f != nullptr) {
    f(o);
  } else {
    generic_free(o);
  }
}

}  // namespace

void dealloc(Object* o) {
  DeallocState& s = t_dealloc;
  if (CONCH_UNLIKELY(s.depth >= kMaxDeallocDepth)) {
    s.parked.push_back(o);
    return;
  }
  ++s.depth;
  run_dealloc(o);
  if (CONCH_UNLIKELY(s.depth == 1 && !s.parked.empty())) {
    while (!s.parked.empty()) {
      Object* p = s.parked.back();
      s.parked.pop_back();
      run_dealloc(p);
    }
  }
  --s.depth;
}

}  // namespace conch::vm
