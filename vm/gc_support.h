// vm/'s side of the cycle collector (gc/collector.h): the type vtable gc/
// calls through, the safe point that runs scheduled collections, and the
// `gc` module.
//
// Automatic collection never runs inside allocation: when the allocation
// count crosses the threshold, gc/ calls our schedule hook, which sets
// kBreakGcScheduled on the allocating thread's eval breaker; the eval loop
// serves it at its next check (handle_eval_breaker), where no native code is
// mid-way through building an object or holding a borrowed pointer a
// finalizer could invalidate.  (CPython collects from inside allocation and
// lives with that hazard; conch's native code was not written for it.)
#pragma once

#include "vm/object.h"

namespace conch::vm {

// Start-up: registers the TypeOps and the schedule hook.  runtime_init.
void gc_support_init();
// The eval breaker's kBreakGcScheduled handler.
void gc_run_scheduled();
// A full collection (gc.collect(), runtime_fini); returns objects found.
int64_t gc_collect_now();

// heaptype.cc: runs an instance's __del__ once (PEP 442).
void finalize_instance(Object* o);

// The `gc` module (vm/modules/gc.cc).
Object* init_gc_module();

}  // namespace conch::vm
