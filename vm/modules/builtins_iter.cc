// builtins: the functions that consume iterables (sum, min, max, any, all,
// sorted, iter, next) and the callable_iterator type of iter(f, sentinel).
#include <cstdint>
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/modules/builtins_impl.h"
#include "vm/modules/modules.h"
#include "vm/types.h"

namespace conch::vm {

Type kCallableIteratorType;

namespace bltin {
// Iteration: sum, min, max, any, all, sorted, iter, next.

// sum()'s exact-int fast path; falls out with *acc holding a boxed result
// when an item is not a small int or the sum overflows.
static Object* sum_ints(Object* it, int64_t total, Ref<>* pending) {
  for (;;) {
    Ref<> item = steal(iter_next(it));
    if (!item) return has_error() ? nullptr : int_from_i64(total);
    int64_t v;
    if ((int_check_exact(item.get()) || bool_check(item.get())) &&
        int_to_i64(item.get(), &v) && !__builtin_add_overflow(total, v, &v)) {
      total = v;
      continue;
    }
    *pending = std::move(item);
    return int_from_i64(total);
  }
}

static Object* sum_floats(Object* it, double total, Ref<>* pending) {
  for (;;) {
    Ref<> item = steal(iter_next(it));
    if (!item) return has_error() ? nullptr : float_from(total);
    if (item->type == &kFloatType) {
      total += float_value(item.get());
      continue;
    }
    int64_t v;
    if (int_check_exact(item.get()) && int_to_i64(item.get(), &v) &&
        v > -(int64_t{1} << 53) && v < (int64_t{1} << 53)) {
      total += static_cast<double>(v);
      continue;
    }
    *pending = std::move(item);
    return float_from(total);
  }
}

static bool sum_rejects_start(Object* start) {
  if (str_check(start)) {
    set_error(&kTypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
    return true;
  }
  if (bytes_check(start)) {
    set_error(&kTypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]");
    return true;
  }
  return false;
}

Object* builtin_sum(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"sum", {"iterable", "start"}, 1, 2, 1};
  size_t total = nargs + (kwnames != nullptr ? tuple_size(kwnames) : 0);
  if (nargs == 0 || total > 2) {
    // Two calls, not a ternary: clang checks absl formats only when constant.
    if (nargs == 0) {
      set_error_fmt(&kTypeErrorType, "sum() takes at least 1 positional argument (%d given)", nargs);
    } else {
      set_error_fmt(&kTypeErrorType, "sum() takes at most 2 arguments (%d given)", total);
    }
    return nullptr;
  }
  Object* a[2];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> result = a[1] != nullptr ? borrow(a[1]) : steal(int_from_i64(0));
  if (!result || sum_rejects_start(result.get())) return nullptr;
  Ref<> it = steal(get_iter(a[0]));
  if (!it) return nullptr;
  Ref<> pending;
  int64_t start;
  if (int_check_exact(result.get()) && int_to_i64(result.get(), &start)) {
    result = steal(sum_ints(it.get(), start, &pending));
    if (!result || !pending) return result.release();
  }
  if (result->type == &kFloatType && !pending) {
    result = steal(sum_floats(it.get(), float_value(result.get()), &pending));
    if (!result || !pending) return result.release();
  }
  for (;;) {
    Ref<> item = pending ? std::move(pending) : steal(iter_next(it.get()));
    if (!item) return has_error() ? nullptr : result.release();
    result = steal(binary_op(result.get(), item.get(), BinaryOp::kAdd));
    if (!result) return nullptr;
  }
}

// min() and max(): `op` is kLt for min, kGt for max.
static Object* min_max(const char* name, CompareOp op, Object* const* args, size_t nargs,
                Object* kwnames) {
  Object* kw[2];  // key, default
  if (!parse_keywords(name, args, nargs, kwnames, {"key", "default"}, kw)) return nullptr;
  if (nargs == 0) {
    set_error_fmt(&kTypeErrorType, "%s expected at least 1 argument, got 0", name);
    return nullptr;
  }
  if (nargs > 1 && kw[1] != nullptr) {
    set_error_fmt(&kTypeErrorType,
                  "Cannot specify a default for %s() with multiple positional arguments", name);
    return nullptr;
  }
  Object* key = kw[0] == kNone ? nullptr : kw[0];
  Ref<> it = nargs == 1 ? steal(get_iter(args[0])) : Ref<>();
  if (nargs == 1 && !it) return nullptr;
  Ref<> best, best_key;
  for (size_t i = 0;; ++i) {
    Ref<> item = nargs == 1 ? steal(iter_next(it.get())) : i < nargs ? borrow(args[i]) : Ref<>();
    if (!item) break;
    Ref<> k = key != nullptr ? steal(call_args(key, {item.get()})) : item;
    if (!k) return nullptr;
    if (!best) {
      best = std::move(item);
      best_key = std::move(k);
      continue;
    }
    int better = rich_compare_bool(k.get(), best_key.get(), op);
    if (better < 0) return nullptr;
    if (better) {
      best = std::move(item);
      best_key = std::move(k);
    }
  }
  if (has_error()) return nullptr;
  if (best) return best.release();
  if (kw[1] != nullptr) return new_ref(kw[1]);
  set_error_fmt(&kValueErrorType, "%s() arg is an empty sequence", name);
  return nullptr;
}

Object* builtin_min(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return min_max("min", CompareOp::kLt, args, nargs, kwnames);
}
Object* builtin_max(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  return min_max("max", CompareOp::kGt, args, nargs, kwnames);
}

// any() and all(): stop at the first item whose truth equals `stop_on`.
static Object* any_all(const char* name, bool stop_on, Object* const* args, size_t nargs,
                Object* kwnames) {
  if (!one_arg(name, nargs, kwnames)) return nullptr;
  Ref<> it = steal(get_iter(args[0]));
  if (!it) return nullptr;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) return has_error() ? nullptr : new_bool(!stop_on);
    int t = is_true(item.get());
    if (t < 0) return nullptr;
    if ((t != 0) == stop_on) return new_bool(stop_on);
  }
}

Object* builtin_any(Object*, Object* const* args, size_t nargs, Object* kw) {
  return any_all("any", true, args, nargs, kw);
}
Object* builtin_all(Object*, Object* const* args, size_t nargs, Object* kw) {
  return any_all("all", false, args, nargs, kw);
}

Object* builtin_sorted(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional("sorted", nargs, 1, 1)) return nullptr;
  Object* kw[2];  // key, reverse
  if (!parse_keywords("sort", args, nargs, kwnames, {"key", "reverse"}, kw)) return nullptr;
  bool reverse = false;
  if (kw[1] != nullptr) {
    if (float_check(kw[1])) {
      set_error(&kTypeErrorType, "'float' object cannot be interpreted as an integer");
      return nullptr;
    }
    ssize_t r = index_as_ssize(kw[1]);
    if (r == -1 && has_error()) return nullptr;
    reverse = r != 0;
  }
  Ref<> list = steal(list_from_iterable(args[0]));
  if (!list) return nullptr;
  Object* key = kw[0] == kNone ? nullptr : kw[0];
  if (list_sort(list.get(), key, reverse) < 0) return nullptr;
  return list.release();
}

// callable_iterator: iter(callable, sentinel).
struct CallIter : Object {
  Object* callable;  // null once exhausted
  Object* sentinel;
};

static Object* calliter_next(Object* self) {
  auto* ci = static_cast<CallIter*>(self);
  if (ci->callable == nullptr) return nullptr;
  Ref<> v = steal(call(ci->callable, nullptr, 0));
  if (!v) {
    if (error_matches(&kStopIterationType)) {
      clear_error();
      clear_slot(&ci->callable);
    }
    return nullptr;
  }
  int eq = rich_compare_bool(v.get(), ci->sentinel, CompareOp::kEq);
  if (eq < 0) return nullptr;
  if (eq == 0) return v.release();
  clear_slot(&ci->callable);
  return nullptr;
}

static Object* self_iter(Object* self) { return new_ref(self); }

static void calliter_dealloc(Object* self) {
  auto* ci = static_cast<CallIter*>(self);
  clear_slot(&ci->callable);
  clear_slot(&ci->sentinel);
  generic_free(self);
}

static int calliter_traverse(Object* self, VisitFunc visit, void* arg) {
  auto* ci = static_cast<CallIter*>(self);
  for (Object* o : {ci->callable, ci->sentinel}) {
    if (o != nullptr) {
      if (int r = visit(o, arg)) return r;
    }
  }
  return 0;
}

static int calliter_clear(Object* self) {
  auto* ci = static_cast<CallIter*>(self);
  clear_slot(&ci->callable);
  clear_slot(&ci->sentinel);
  return 0;
}

Object* builtin_iter(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("iter", nargs, 1, 2, kwnames)) return nullptr;
  if (nargs == 1) return get_iter(args[0]);
  if (!is_callable(args[0])) {
    set_error(&kTypeErrorType, "iter(v, w): v must be callable");
    return nullptr;
  }
  auto* ci = static_cast<CallIter*>(generic_alloc(&kCallableIteratorType, 0));
  if (ci == nullptr) return nullptr;
  ci->callable = new_ref(args[0]);
  ci->sentinel = new_ref(args[1]);
  return ci;
}

Object* builtin_next(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("next", nargs, 1, 2, kwnames)) return nullptr;
  Object* it = args[0];
  if (it->type->iternext == nullptr) {
    set_error_fmt(&kTypeErrorType, "'%s' object is not an iterator", type_name(it));
    return nullptr;
  }
  Object* v = it->type->iternext(it);
  if (v != nullptr) return v;
  if (has_error()) {
    if (nargs < 2 || !error_matches(&kStopIterationType)) return nullptr;
    clear_error();
  }
  if (nargs == 2) return new_ref(args[1]);
  set_error_args(&kStopIterationType, nullptr);
  return nullptr;
}


void init_callable_iterator_type() {
  Type* t = &kCallableIteratorType;
  init_static_type(t, "callable_iterator", sizeof(CallIter), &kObjectType);
  t->flags |= kTypeHaveGC;
  t->dealloc = calliter_dealloc;
  t->traverse = calliter_traverse;
  t->clear = calliter_clear;
  t->iter = self_iter;
  t->iternext = calliter_next;
  type_ready(t);
}

}  // namespace bltin
}  // namespace conch::vm
