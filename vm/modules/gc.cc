// The `gc` module: the Python face of gc/collector.h (see vm/gc_support.h).
// gc.garbage stays an empty list: with PEP 442 finalizers nothing is ever
// uncollectable.
#include <algorithm>
#include <vector>

#include "gc/collector.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/gc_support.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

Object* gc_collect(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"collect", {"generation"}, 0, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (a[0] != nullptr) {
    ssize_t g = index_as_ssize(a[0]);
    if (g == -1 && has_error()) return nullptr;
    if (g < 0 || g > 2) {
      set_error(&kValueErrorType, "invalid generation");
      return nullptr;
    }
  }
  return int_from_i64(gc_collect_now());
}

Object* gc_enable(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("enable", nargs, 0, 0, kwnames)) return nullptr;
  gc::set_enabled(true);
  return new_ref(kNone);
}

Object* gc_disable(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("disable", nargs, 0, 0, kwnames)) return nullptr;
  gc::set_enabled(false);
  return new_ref(kNone);
}

Object* gc_isenabled(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("isenabled", nargs, 0, 0, kwnames)) return nullptr;
  return new_bool(gc::is_enabled());
}

Object* gc_get_count(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("get_count", nargs, 0, 0, kwnames)) return nullptr;
  Ref<> c = steal(int_from_i64(std::max<int64_t>(gc::allocation_count(), 0)));
  Ref<> z = steal(int_from_i64(0));
  if (!c || !z) return nullptr;
  return tuple_pack({c.get(), z.get(), z.get()});
}

Object* gc_get_threshold(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("get_threshold", nargs, 0, 0, kwnames)) return nullptr;
  int64_t t[3];
  gc::get_threshold(t);
  Ref<> a = steal(int_from_i64(t[0])), b = steal(int_from_i64(t[1])), c = steal(int_from_i64(t[2]));
  if (!a || !b || !c) return nullptr;
  return tuple_pack({a.get(), b.get(), c.get()});
}

Object* gc_set_threshold(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("set_threshold", nargs, 1, 3, kwnames)) return nullptr;
  int64_t t[3];
  gc::get_threshold(t);
  for (size_t i = 0; i < nargs; ++i) {
    ssize_t v = int_as_ssize(args[i]);
    if (v == -1 && has_error()) return nullptr;
    t[i] = v;
  }
  gc::set_threshold(t[0], t[1], t[2]);
  return new_ref(kNone);
}

Object* gc_is_tracked(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("is_tracked", nargs, 1, 1, kwnames)) return nullptr;
  Object* o = args[0];
  return new_bool((o->type->flags & kTypeHaveGC) != 0 && !gc::is_immortal(o) && gc::is_tracked(o));
}

// Runs with the world stopped (gc/collector.h): only takes references.
// Skips objects mid-dealloc (refcount 0): handing them out would resurrect them.
void add_object(gc::Header* h, void* arg) {
  if (gc::refcount(h) <= 0 || gc::is_immortal(h)) return;
  auto* v = static_cast<std::vector<Object*>*>(arg);
  if (v->size() == v->capacity()) return;  // no allocation while stopped
  incref(static_cast<Object*>(h));
  v->push_back(static_cast<Object*>(h));
}

Object* gc_get_objects(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"get_objects", {"generation"}, 0, 1};
  Object* a[1];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  // Room for every object plus those other threads make before the world
  // stops; objects beyond that are left out (a snapshot is a snapshot).
  std::vector<Object*> objs;
  objs.reserve(static_cast<size_t>(gc::tracked_count()) * 2 + 1024);
  gc::for_each_tracked(add_object, &objs);
  Ref<> list = steal(list_new(0));
  bool ok = static_cast<bool>(list);
  for (Object* o : objs) {
    if (ok && list_append(list.get(), o) < 0) ok = false;
    decref(o);
  }
  return ok ? list.release() : nullptr;
}

const MethodDef kGcFunctions[] = {
    {"collect", gc_collect, kMethodDefault, "Run the garbage collector."},
    {"enable", gc_enable, kMethodDefault, "Enable automatic garbage collection."},
    {"disable", gc_disable, kMethodDefault, "Disable automatic garbage collection."},
    {"isenabled", gc_isenabled, kMethodDefault, "Returns true if automatic gc is enabled."},
    {"get_count", gc_get_count, kMethodDefault, "Return the current collection counts."},
    {"get_threshold", gc_get_threshold, kMethodDefault, "Return the current thresholds."},
    {"set_threshold", gc_set_threshold, kMethodDefault, "Set the collection thresholds."},
    {"is_tracked", gc_is_tracked, kMethodDefault, "Returns true if the object is tracked."},
    {"get_objects", gc_get_objects, kMethodDefault, "Return a list of tracked objects."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* init_gc_module() {
  Ref<> m = steal(module_new("gc"));
  if (!m || module_add_functions(m.get(), kGcFunctions) < 0) return nullptr;
  Ref<> garbage = steal(list_new(0));
  Ref<> callbacks = steal(list_new(0));
  if (!garbage || !callbacks) return nullptr;
  if (module_add_object(m.get(), "garbage", garbage.get()) < 0) return nullptr;
  if (module_add_object(m.get(), "callbacks", callbacks.get()) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
