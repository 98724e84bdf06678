#include "vm/gc_support.h"

#include "gc/collector.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/thread_state.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

Object* as_obj(gc::Header* h) { return static_cast<Object*>(h); }

bool ops_is_tracked(gc::Header* h) {
  return (as_obj(h)->type->flags & kTypeHaveGC) != 0 && !gc::is_immortal(h) && gc::is_tracked(h);
}

struct VisitAdapter {
  gc::Visit visit;
  void* arg;
};

int adapt_visit(Object* o, void* arg) {
  auto* a = static_cast<VisitAdapter*>(arg);
  return a->visit(o, a->arg);
}

int ops_traverse(gc::Header* h, gc::Visit visit, void* arg) {
  Object* o = as_obj(h);
  TraverseFunc t = o->type->traverse;
  if (t == nullptr) return 0;
  VisitAdapter a{visit, arg};
  return t(o, adapt_visit, &a);
}

void ops_clear(gc::Header* h) {
  Object* o = as_obj(h);
  InquiryFunc c = o->type->clear;
  if (c == nullptr) return;
  Object* saved = fetch_error();
  if (c(o) < 0) clear_error();
  restore_error(saved);
}

bool ops_has_finalizer(gc::Header* h) {
  Object* o = as_obj(h);
  if (!(o->type->flags & kTypeHeapType) || gc::is_finalized(h)) return false;
  return type_lookup(o->type, str_intern("__del__")) != nullptr;
}

void ops_finalize(gc::Header* h) { finalize_instance(as_obj(h)); }

void ops_decref(gc::Header* h) { decref(as_obj(h)); }

void schedule_hook() {
  ThreadState* ts = current_thread();
  if (ts != nullptr) ts->eval_breaker.fetch_or(kBreakGcScheduled, std::memory_order_relaxed);
}

}  // namespace

void gc_support_init() {
  gc::set_type_ops({ops_is_tracked, ops_traverse, ops_clear, ops_has_finalizer, ops_finalize,
                    ops_decref});
  gc::set_schedule_hook(schedule_hook);
}

void gc_run_scheduled() {
  if (!gc::collection_due()) return;
  // A collection must not disturb an exception being handled or raised.
  Object* saved = fetch_error();
  gc::collect(gc::CollectMode::kIfIdle);  // another thread collecting serves us too
  restore_error(saved);
}

int64_t gc_collect_now() {
  Object* saved = fetch_error();
  int64_t n = gc::collect();
  restore_error(saved);
  return n;
}

}  // namespace conch::vm
