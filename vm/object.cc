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

// The nesting depth and whether anything is parked are plain constinit
// thread_locals, so the hot path reads them without the TLS guard that a
// thread_local with a destructor (the vector) costs on every access.
constinit thread_local int t_dealloc_depth = 0;
constinit thread_local bool t_have_parked = false;
thread_local std::vector<Object*> t_parked;

inline void run_dealloc(Object* o) {
  DeallocFunc f = o->type->dealloc;
  if (f != nullptr) {
    f(o);
  } else {
    generic_free(o);
  }
}

// The trashcan's rare halves, out of line so that dealloc itself (run for
// every dying temporary) stays a few instructions with no callee-saved
// registers to spill.
CONCH_NOINLINE void park(Object* o) {
  t_parked.push_back(o);
  t_have_parked = true;
}

CONCH_NOINLINE void drain_parked() {
  ++t_dealloc_depth;  // what the parked objects' deallocs drop parks again, drained here
  std::vector<Object*>& parked = t_parked;
  while (!parked.empty()) {
    Object* p = parked.back();
    parked.pop_back();
    run_dealloc(p);
  }
  t_have_parked = false;
  --t_dealloc_depth;
}

}  // namespace

void dealloc(Object* o) {
  if (CONCH_UNLIKELY(t_dealloc_depth >= kMaxDeallocDepth)) {
    park(o);
    return;
  }
  ++t_dealloc_depth;
  run_dealloc(o);
  if (CONCH_UNLIKELY(--t_dealloc_depth == 0 && t_have_parked)) drain_parked();
}

}  // namespace conch::vm
