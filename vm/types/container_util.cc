#include "vm/types/container_util.h"

#include <vector>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/types.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/types/tuple.h"

namespace conch::vm {
namespace {

// The containers whose repr is running on this thread.  Short (nesting
// depth), so a linear scan beats any set.
thread_local std::vector<Object*> t_repr_stack;

bool has_index(Object* o) {
  return int_check(o) || (o->type->number != nullptr && o->type->number->index != nullptr);
}

}  // namespace

int repr_enter(Object* o) {
  for (Object* p : t_repr_stack) {
    if (p == o) return 1;
  }
  t_repr_stack.push_back(o);
  return 0;
}

void repr_leave(Object* o) {
  // Normally the top; search from the top in case of unbalanced use.
  for (size_t i = t_repr_stack.size(); i > 0; --i) {
    if (t_repr_stack[i - 1] == o) {
      t_repr_stack.erase(t_repr_stack.begin() + static_cast<ptrdiff_t>(i - 1));
      return;
    }
  }
}

bool method_nargs(const char* owner, const char* name, size_t nargs, size_t min, size_t max,
                  Object* kwnames) {
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    set_error_fmt(&kTypeErrorType, "%s.%s() takes no keyword arguments", owner, name);
    return false;
  }
  if (nargs >= min && nargs <= max) return true;
  int given = static_cast<int>(nargs);
  if (max == 0) {
    set_error_fmt(&kTypeErrorType, "%s.%s() takes no arguments (%d given)", owner, name, given);
  } else if (min == 1 && max == 1) {
    set_error_fmt(&kTypeErrorType, "%s.%s() takes exactly one argument (%d given)", owner, name,
                  given);
  } else {
    const char* prefix = min == max ? "" : nargs < min ? "at least " : "at most ";
    size_t bound = nargs < min ? min : max;
    set_error_fmt(&kTypeErrorType, "%s expected %s%d argument%s, got %d", name, prefix,
                  static_cast<int>(bound), bound == 1 ? "" : "s", given);
  }
  return false;
}

Object* class_getitem_self(Object* cls, Object* const* args, size_t nargs, Object* kwnames) {
  if (!method_nargs(static_cast<Type*>(cls)->name, "__class_getitem__", nargs, 1, 1, kwnames)) {
    return nullptr;
  }
  // types.GenericAlias lives in vm/lib/types.py (repr list[int], __origin__,
  // __args__, calling it makes the origin).
  Ref<> mod = steal(import_module("types"));
  if (!mod) return nullptr;
  Ref<> ga = steal(getattr_str(mod.get(), "GenericAlias"));
  if (!ga) return nullptr;
  Object* ga_args[2] = {cls, args[0]};
  return call(ga.get(), ga_args, 2);
}

hash_t hash_unhashable(Object* o) {
  set_error_fmt(&kTypeErrorType, "unhashable type: '%s'", type_name(o));
  return -1;
}

Object* iter_self(Object* o) { return new_ref(o); }

bool append_repr(std::string* out, Object* o) {
  Ref<> r = steal(repr(o));
  if (!r) return false;
  if (!str_check(r.get())) {
    set_error_fmt(&kTypeErrorType, "__repr__ returned non-string (type %s)", type_name(r.get()));
    return false;
  }
  out->append(str_view(r.get()));
  return true;
}

bool defers_to_other_operand(Object* other) {
  return type_has_flag(other->type, kTypeHeapType) && other->type->number != nullptr;
}

bool seq_index(Object* key, const char* what, ssize_t* out) {
  if (int_check(key) && int_is_small(key)) {
    *out = int_small_value(key);
    return true;
  }
  if (!has_index(key)) {
    set_error_fmt(&kTypeErrorType, "%s indices must be integers or slices, not %s", what,
                  type_name(key));
    return false;
  }
  Ref<> idx = steal(number_index(key));
  if (!idx) return false;
  int64_t v;
  if (!int_to_i64(idx.get(), &v)) {
    set_error_fmt(&kIndexErrorType, "cannot fit '%s' into an index-sized integer",
                  type_name(key));
    return false;
  }
  *out = v;
  return true;
}

bool clamp_index_arg(Object* v, ssize_t len, ssize_t* out) {
  if (!has_index(v)) {
    set_error(&kTypeErrorType,
              "slice indices must be integers or have an __index__ method");
    return false;
  }
  Ref<> idx = steal(number_index(v));
  if (!idx) return false;
  int64_t x;
  if (!int_to_i64(idx.get(), &x)) x = int_sign(idx.get()) < 0 ? INT64_MIN : INT64_MAX;
  if (x < 0) {
    x += len;
    if (x < 0) x = 0;
  }
  *out = x;
  return true;
}

Object* sequence_fast(Object* v, const char* msg) {
  if (list_check(v) || tuple_check(v)) return new_ref(v);
  Ref<> it = steal(get_iter(v));
  if (!it) {
    if (error_matches(&kTypeErrorType)) {
      clear_error();
      set_error(&kTypeErrorType, msg);
    }
    return nullptr;
  }
  return list_from_iterable(it.get());
}

Object** sequence_fast_items(Object* s) {
  return list_check(s) ? list_items_fast(s) : tuple_items_fast(s);
}

ssize_t sequence_fast_size(Object* s) {
  return list_check(s) ? list_size_fast(s) : tuple_size_fast(s);
}

int repeat_operands(Object* a, Object* b, bool (*is_seq)(const Object*), Object** seq,
                    ssize_t* count) {
  Object* other;
  if (is_seq(a)) {
    *seq = a;
    other = b;
  } else {
    *seq = b;
    other = a;
  }
  if (int_check(other) && int_is_small(other)) {
    *count = int_small_value(other);
    return 1;
  }
  if (!has_index(other)) {
    if (defers_to_other_operand(other)) return 0;
    set_error_fmt(&kTypeErrorType, "can't multiply sequence by non-int of type '%s'",
                  type_name(other));
    return -1;
  }
  Ref<> idx = steal(number_index(other));
  if (!idx) return -1;
  int64_t v;
  if (!int_to_i64(idx.get(), &v)) {
    set_error_fmt(&kOverflowErrorType, "cannot fit '%s' into an index-sized integer",
                  type_name(other));
    return -1;
  }
  *count = v;
  return 1;
}

int concat_operands(Object* a, Object* b, bool (*is_seq)(const Object*), const char* tname) {
  if (!is_seq(a)) return 0;
  if (is_seq(b)) return 1;
  if (defers_to_other_operand(b)) return 0;
  set_error_fmt(&kTypeErrorType, "can only concatenate %s (not \"%s\") to %s", tname,
                type_name(b), tname);
  return -1;
}

}  // namespace conch::vm
