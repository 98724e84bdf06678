// Out-of-line parts of the eval loop's handlers.  See eval_helpers.h.
#include "vm/eval/eval_helpers.h"
#include "vm/types/set.h"

#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/eval/function.h"
#include "vm/eval/generator.h"
#include "vm/instance_slots.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/suggestions.h"
#include "vm/types.h"
#include "vm/types/dict.h"
#include "vm/types/list.h"

namespace conch::vm {

// ---------------------------------------------------------------------------
// Name errors.

void raise_unbound_local(CodeObject* co, int index) {
  set_error_fmt(&kUnboundLocalErrorType,
                "cannot access local variable '%s' where it is not associated with a value",
                str_view(tuple_get(co->varnames, index)));
}

void raise_unbound_deref(CodeObject* co, int index) {
  if (index < co->ncellvars) {
    set_error_fmt(&kUnboundLocalErrorType,
                  "cannot access local variable '%s' where it is not associated with a value",
                  str_view(tuple_get(co->cellvars, index)));
  } else {
    set_error_fmt(&kNameErrorType,
                  "cannot access free variable '%s' where it is not associated with a value in "
                  "enclosing scope",
                  str_view(tuple_get(co->freevars, index - co->ncellvars)));
  }
}

void raise_name_error(Object* name) { raise_name_error_with_context(name); }

// ---------------------------------------------------------------------------
// Names in module and class bodies.

namespace {

// Looks `name` up in a locals mapping: borrowed-style result as a new
// reference, nullptr without error when absent.
Object* mapping_lookup(Object* mapping, Object* name) {
  if (dict_check_exact(mapping)) return dict_get_item_ref(mapping, name);
  Object* v = getitem(mapping, name);
  if (v == nullptr && error_matches(&kKeyErrorType)) clear_error();
  return v;
}

Object* no_locals(const char* what, Object* name) {
  set_error_fmt(&kRuntimeErrorType, "no locals when %s '%s'", what, str_view(name));
  return nullptr;
}

}  // namespace

Object* load_name(Frame* f, Object* name) {
  if (f->locals == nullptr) return no_locals("loading", name);
  Object* v = mapping_lookup(f->locals, name);
  if (v != nullptr || has_error()) return v;
  // New references: other threads may rebind globals concurrently.
  v = dict_get_item_ref(f->globals, name);
  if (v == nullptr) {
    if (has_error()) return nullptr;
    v = dict_get_item_ref(f->builtins, name);
    if (v == nullptr && !has_error()) raise_name_error(name);
  }
  return v;
}

int store_name(Frame* f, Object* name, Object* v) {
  if (f->locals == nullptr) {
    no_locals("storing", name);
    return -1;
  }
  if (dict_check_exact(f->locals)) return dict_set_item(f->locals, name, v);
  return setitem(f->locals, name, v);
}

int delete_name(Frame* f, Object* name) {
  if (f->locals == nullptr) {
    no_locals("deleting", name);
    return -1;
  }
  int err = delitem(f->locals, name);
  if (err < 0 && error_matches(&kKeyErrorType)) {
    clear_error();
    raise_name_error(name);
  }
  return err;
}

Object* load_classderef(Frame* f, int index) {
  CodeObject* co = f->code;
  Object* name = index < co->ncellvars ? tuple_get(co->cellvars, index)
                                       : tuple_get(co->freevars, index - co->ncellvars);
  if (f->locals != nullptr) {
    Object* v = mapping_lookup(f->locals, name);
    if (v != nullptr || has_error()) return v;
  }
  Object* v = cell_get_ref(f->cells()[index]);
  if (v == nullptr) raise_unbound_deref(co, index);
  return v;
}

// ---------------------------------------------------------------------------
// Attributes.

int lookup_method(Object* obj, Object* name, Object** meth) {
  Type* tp = obj->type;
  if (tp->getattr == generic_getattr) {
    Object* descr = type_lookup(tp, name);
    if (descr != nullptr &&
        (descr->type == &kFunctionType || descr->type == &kMethodDescrType)) {
      Ref<> keep = borrow(descr);  // before anything else can look types up
      bool shadowed = false;
      if (tp->dictoffset > 0) {
        // A reference: another thread may replace obj.__dict__ meanwhile.
        Ref<> d = steal(instance_dict_ref(
            obj, reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + tp->dictoffset)));
        if (d) {
          if (dict_get_item(d.get(), name) != nullptr) shadowed = true;  // presence only
          else if (has_error()) return -1;
        }
      }
      if (!shadowed) {
        *meth = keep.release();
        return 1;
      }
    }
  }
  *meth = getattr(obj, name);
  return *meth == nullptr ? -1 : 0;
}

// ---------------------------------------------------------------------------
// Builders.

Object* build_set(Object* const* items, int n) {
  Ref<> s = steal(set_new(nullptr));
  if (!s) return nullptr;
  for (int i = 0; i < n; i++) {
    if (set_add(s.get(), items[i]) < 0) return nullptr;
  }
  return s.release();
}

Object* build_map(Object* const* items, int npairs) {
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  for (int i = 0; i < npairs; i++) {
    if (dict_set_item(d.get(), items[2 * i], items[2 * i + 1]) < 0) return nullptr;
  }
  return d.release();
}

Object* build_const_key_map(Object* keys, Object* const* values, int n) {
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  for (int i = 0; i < n; i++) {
    if (dict_set_item(d.get(), tuple_get(keys, i), values[i]) < 0) return nullptr;
  }
  return d.release();
}

Object* build_string(Object* const* items, int n) {
  if (n == 1) return new_ref(items[0]);
  std::string out;
  for (int i = 0; i < n; i++) out += str_view(items[i]);
  return str_from(out);
}

int list_extend_op(Object* list, Object* iterable) {
  if (list_extend(list, iterable) == 0) return 0;
  if (error_matches(&kTypeErrorType) && iterable->type->iter == nullptr &&
      iterable->type->getitem == nullptr) {
    clear_error();
    set_error_fmt(&kTypeErrorType, "Value after * must be an iterable, not %s",
                  type_name(iterable));
  }
  return -1;
}

// Merges as set.update does (table copy for sets), which CPython's order of
// `{8, 16, 0, 24, 32}` depends on.
int set_update_op(Object* set, Object* iterable) { return set_update(set, iterable); }

namespace {

bool is_mapping(Object* o) {
  if (dict_check(o)) return true;
  Object* keys = lookup_attr(o, str_intern("keys"));
  if (keys == nullptr) return false;
  decref(keys);
  return true;
}

// CPython's _PyObject_FunctionStr: "mod.qualname()" or "qualname()".
std::string function_str(Object* func) {
  Ref<> qual = steal(lookup_attr(func, str_intern("__qualname__")));
  if (!qual || !str_check(qual.get())) {
    clear_error();
    Ref<> r = steal(str(func));
    if (!r) {
      clear_error();
      return "?";
    }
    return std::string(str_view(r.get()));
  }
  Ref<> mod = steal(lookup_attr(func, str_intern("__module__")));
  clear_error();
  std::string q(str_view(qual.get()));
  if (mod && str_check(mod.get()) && !str_equal_cstr(mod.get(), "builtins")) {
    return std::string(str_view(mod.get())) + "." + q + "()";
  }
  return q + "()";
}

}  // namespace

int dict_update_op(Object* dict, Object* other) {
  if (has_error()) return -1;
  if (!is_mapping(other)) {
    if (has_error()) return -1;
    set_error_fmt(&kTypeErrorType, "'%s' object is not a mapping", type_name(other));
    return -1;
  }
  return dict_merge(dict, other, true);
}

int dict_merge_op(Object* dict, Object* other, Object* callable) {
  if (!is_mapping(other)) {
    if (has_error()) return -1;
    set_error_fmt(&kTypeErrorType, "%s argument after ** must be a mapping, not %s",
                  function_str(callable), type_name(other));
    return -1;
  }
  // A dict is read through one snapshot, taken in its critical section: with
  // threads running in parallel, a key listed first and looked up after could
  // be gone by then (CPython merges under the dict's lock too).
  Ref<> snapshot;
  if (dict_check(other)) {
    snapshot = steal(dict_copy(other));
    if (!snapshot) return -1;
    other = snapshot.get();
  }
  Ref<> keys = steal(dict_check(other) ? dict_keys_list(other) : call_method(other, "keys", {}));
  if (!keys) return -1;
  Ref<> it = steal(get_iter(keys.get()));
  if (!it) return -1;
  for (;;) {
    Ref<> key = steal(iter_next(it.get()));
    if (!key) return has_error() ? -1 : 0;
    if (dict_get_item(dict, key.get()) != nullptr) {
      if (str_check(key.get())) {
        set_error_fmt(&kTypeErrorType, "%s got multiple values for keyword argument '%s'",
                      function_str(callable), str_view(key.get()));
      } else {
        set_error_fmt(&kTypeErrorType, "%s keywords must be strings", function_str(callable));
      }
      return -1;
    }
    if (has_error()) return -1;
    Ref<> value = steal(getitem(other, key.get()));
    if (!value) return -1;
    if (dict_set_item(dict, key.get(), value.get()) < 0) return -1;
  }
}

// ---------------------------------------------------------------------------
// Unpacking.

bool unpack_list_fast(Object* list, int n, Object** out) {
  gc::CriticalSection cs{list};  // free-threaded: size and items stay consistent
  if (list_size_fast(list) != n) return false;
  Object** items = list_items_fast(list);
  for (int i = 0; i < n; i++) out[n - 1 - i] = new_ref(items[i]);
  return true;
}

int unpack_iterable(Object* seq, int before, int after, Object** out) {
  Ref<> it = steal(get_iter(seq));
  if (!it) {
    if (error_matches(&kTypeErrorType) && seq->type->iter == nullptr &&
        seq->type->getitem == nullptr) {
      clear_error();
      set_error_fmt(&kTypeErrorType, "cannot unpack non-iterable %s object", type_name(seq));
    }
    return -1;
  }
  std::vector<Object*> got;
  auto fail = [&]() {
    for (Object* o : got) decref(o);
    return -1;
  };
  for (int i = 0; i < before; i++) {
    Object* item = iter_next(it.get());
    if (item == nullptr) {
      if (has_error()) return fail();
      if (after < 0) {
        set_error_fmt(&kValueErrorType, "not enough values to unpack (expected %d, got %d)",
                      before, i);
      } else {
        set_error_fmt(&kValueErrorType,
                      "not enough values to unpack (expected at least %d, got %d)",
                      before + after, i);
      }
      return fail();
    }
    got.push_back(item);
  }
  if (after < 0) {
    Object* extra = iter_next(it.get());
    if (extra != nullptr) {
      decref(extra);
      set_error_fmt(&kValueErrorType, "too many values to unpack (expected %d)", before);
      return fail();
    }
    if (has_error()) return fail();
    for (int i = 0; i < before; i++) out[before - 1 - i] = got[i];
    return 0;
  }
  Object* rest = sequence_list(it.get());
  if (rest == nullptr) return fail();
  ssize_t n = list_size(rest);
  if (n < after) {
    set_error_fmt(&kValueErrorType, "not enough values to unpack (expected at least %d, got %d)",
                  before + after, static_cast<int>(before + n));
    decref(rest);
    return fail();
  }
  // Layout (bottom to top): after items reversed, the list, before reversed.
  int total = before + 1 + after;
  for (int i = 0; i < before; i++) out[total - 1 - i] = got[i];
  Object** items = list_items(rest);
  for (int j = 0; j < after; j++) {
    // the j-th trailing item goes `after - 1 - j` slots from the bottom
    out[after - 1 - j] = items[n - after + j];
  }
  // Shrink the list by moving the trailing items' references out.
  Ref<> slice_start = steal(int_from_i64(n - after));
  if (after > 0) {
    for (int j = 0; j < after; j++) incref(out[after - 1 - j]);
    Ref<> sl = steal(slice_new(slice_start.get(), nullptr, nullptr));
    if (!sl || delitem(rest, sl.get()) < 0) {
      for (int j = 0; j < after; j++) decref(out[j]);
      decref(rest);
      return fail();
    }
  }
  out[after] = rest;
  return 0;
}

// ---------------------------------------------------------------------------
// f-strings and calls.

Object* format_value(Object* v, int conversion, Object* spec) {
  Ref<> conv;
  switch (conversion) {
    case 1: conv = steal(str(v)); break;
    case 2: conv = steal(repr(v)); break;
    case 3: conv = steal(ascii(v)); break;
    default: conv = borrow(v); break;
  }
  if (!conv) return nullptr;
  if (spec == nullptr && str_check_exact(conv.get())) return conv.release();
  return format(conv.get(), spec);
}

Object* call_function_ex(Object* func, Object* callargs, Object* kwargs) {
  Ref<> args;
  if (tuple_check_exact(callargs)) {
    args = borrow(callargs);
  } else {
    args = steal(sequence_tuple(callargs));
    if (!args) {
      if (error_matches(&kTypeErrorType) && callargs->type->iter == nullptr &&
          callargs->type->getitem == nullptr) {
        clear_error();
        set_error_fmt(&kTypeErrorType, "%s argument after * must be an iterable, not %s",
                      function_str(func), type_name(callargs));
      }
      return nullptr;
    }
  }
  if (kwargs != nullptr && dict_check(kwargs) && dict_size(kwargs) == 0) kwargs = nullptr;
  if (kwargs == nullptr && function_check(func)) {
    return function_call(func, tuple_items(args.get()), tuple_size(args.get()), nullptr);
  }
  return call_tuple_dict(func, args.get(), kwargs);
}

// ---------------------------------------------------------------------------
// yield from.

namespace {

// A subiterator's StopIteration carries `yield from`'s value.
int take_stop_iteration_value(Object** res) {
  if (has_error()) {
    if (!error_matches(&kStopIterationType)) return -1;
    Object* exc = fetch_error();
    Object* v = exception_value_of_stop_iteration(exc);
    *res = new_ref(v != nullptr ? v : kNone);
    decref(exc);
    return 0;
  }
  *res = new_none();
  return 0;
}

}  // namespace

int send_value(Object* receiver, Object* v, Object** res) {
  if (generator_check(receiver)) {
    GenStatus s = generator_send(receiver, v, false, res);
    if (s == GenStatus::kError) return -1;
    return s == GenStatus::kYield ? 1 : 0;
  }
  Object* r;
  if (v == kNone && receiver->type->iternext != nullptr) {
    r = receiver->type->iternext(receiver);
  } else {
    r = call_method(receiver, "send", {v});
  }
  if (r != nullptr) {
    *res = r;
    return 1;
  }
  return take_stop_iteration_value(res);
}

// ---------------------------------------------------------------------------
// Imports.

int import_star(Frame* f, Object* module) {
  if (f->locals == nullptr) {
    set_error(&kRuntimeErrorType, "no locals found during 'import *'");
    return -1;
  }
  Ref<> all = steal(lookup_attr(module, str_intern("__all__")));
  if (!all && has_error()) return -1;
  bool skip_private = !all;
  if (!all) {
    Ref<> d = steal(lookup_attr(module, str_intern("__dict__")));
    if (!d) {
      if (!has_error()) {
        set_error(&kImportErrorType, "from-import-* object has no __dict__ and no __all__");
      }
      return -1;
    }
    all = steal(dict_check(d.get()) ? dict_keys_list(d.get()) : call_method(d.get(), "keys", {}));
    if (!all) return -1;
  }
  Ref<> it = steal(get_iter(all.get()));
  if (!it) return -1;
  for (;;) {
    Ref<> name = steal(iter_next(it.get()));
    if (!name) return has_error() ? -1 : 0;
    if (skip_private && str_check(name.get()) && str_view(name.get()).substr(0, 1) == "_") continue;
    Ref<> value = steal(getattr(module, name.get()));
    if (!value) return -1;
    if (store_name(f, name.get(), value.get()) < 0) return -1;
  }
}

// ---------------------------------------------------------------------------
// Exceptions.

namespace {

bool is_exception_class(Object* o) {
  return is_instance_of(o, &kTypeType) &&
         type_has_flag(static_cast<Type*>(o), kTypeBaseExcSubclass);
}

bool is_exception_instance(Object* o) { return type_has_flag(o->type, kTypeBaseExcSubclass); }

// Instantiates an exception class; keeps an instance.
Object* make_exception(Object* o, const char* what) {
  if (is_exception_class(o)) {
    Object* inst = call(o, nullptr, 0);
    if (inst == nullptr) return nullptr;
    if (!is_exception_instance(inst)) {
      Ref<> r = steal(repr(o));
      if (!r) {
        decref(inst);
        return nullptr;
      }
      set_error_fmt(&kTypeErrorType,
                    "calling %s should have returned an instance of BaseException, not %s",
                    str_view(r.get()), type_name(inst));
      decref(inst);
      return nullptr;
    }
    return inst;
  }
  if (is_exception_instance(o)) return new_ref(o);
  set_error(&kTypeErrorType, what);
  return nullptr;
}

}  // namespace

bool do_raise(ThreadState* ts, Object* exc, Object* cause) {
  Ref<> e = steal(exc);
  Ref<> c = steal(cause);
  if (!e) {
    Object* handled = ts->handled_exception;
    if (handled == nullptr) {
      set_error(&kRuntimeErrorType, "No active exception to reraise");
      return false;
    }
    set_error_object(handled);
    return true;
  }
  Ref<> value = steal(make_exception(e.get(), "exceptions must derive from BaseException"));
  if (!value) return false;
  if (c) {
    Ref<> cause_value;
    if (c.get() == kNone) {
      cause_value = borrow(kNone);
    } else {
      cause_value = steal(make_exception(c.get(), "exception causes must derive from BaseException"));
      if (!cause_value) return false;
    }
    exception_set_cause(value.get(), cause_value.get());
  }
  set_error_object(value.get());
  return false;
}

int check_exc_match(Object* exc, Object* type) {
  if (tuple_check(type)) {
    for (ssize_t i = 0; i < tuple_size(type); i++) {
      if (!is_exception_class(tuple_get(type, i))) goto bad;
    }
  } else if (!is_exception_class(type)) {
    goto bad;
  }
  return exception_matches(exc, type) ? 1 : 0;
bad:
  set_error(&kTypeErrorType,
            "catching classes that do not inherit from BaseException is not allowed");
  return -1;
}

// type(o).name bound to o, as CPython's _PyObject_LookupSpecial; nullptr
// without error when absent.
Object* lookup_special(Object* o, Object* name) {
  Object* descr = type_lookup(o->type, name);
  if (descr == nullptr) return nullptr;
  if (descr->type->descr_get != nullptr) return descr->type->descr_get(descr, o, o->type);
  return new_ref(descr);
}

Object* enter_context(Object* mgr, Object** exit_out) {
  // Interned once: str_intern takes the intern table's lock every call.
  static Object* const enter_name = str_intern("__enter__");
  static Object* const exit_name = str_intern("__exit__");
  Ref<> enter = steal(lookup_special(mgr, enter_name));
  if (!enter) {
    if (!has_error()) {
      set_error_fmt(&kTypeErrorType,
                    "'%s' object does not support the context manager protocol", type_name(mgr));
    }
    return nullptr;
  }
  Ref<> exit = steal(lookup_special(mgr, exit_name));
  if (!exit) {
    if (!has_error()) {
      set_error_fmt(&kTypeErrorType,
                    "'%s' object does not support the context manager protocol (missed "
                    "__exit__ method)",
                    type_name(mgr));
    }
    return nullptr;
  }
  Object* res = call(enter.get(), nullptr, 0);
  if (res == nullptr) return nullptr;
  *exit_out = exit.release();
  return res;
}

Object* enter_async_context(Object* mgr, Object** exit_out) {
  static Object* const aenter_name = str_intern("__aenter__");
  static Object* const aexit_name = str_intern("__aexit__");
  Ref<> enter = steal(lookup_special(mgr, aenter_name));
  if (!enter) {
    if (!has_error()) {
      set_error_fmt(&kTypeErrorType,
                    "'%s' object does not support the asynchronous context manager protocol",
                    type_name(mgr));
    }
    return nullptr;
  }
  Ref<> exit = steal(lookup_special(mgr, aexit_name));
  if (!exit) {
    if (!has_error()) {
      set_error_fmt(&kTypeErrorType,
                    "'%s' object does not support the asynchronous context manager protocol "
                    "(missed __aexit__ method)",
                    type_name(mgr));
    }
    return nullptr;
  }
  Object* res = call(enter.get(), nullptr, 0);
  if (res == nullptr) return nullptr;
  *exit_out = exit.release();
  return res;
}

Object* get_awaitable_for(Object* o, int where) {
  Object* it = get_awaitable_iter(o);
  if (it == nullptr) {
    if (where != 0 && error_matches(&kTypeErrorType) && o->type->iternext == nullptr &&
        !coroutine_check(o)) {
      clear_error();
      set_error_fmt(&kTypeErrorType,
                    "'async with' received an object from %s that does not implement __await__: %s",
                    where == 1 ? "__aenter__" : "__aexit__", type_name(o));
    }
    return nullptr;
  }
  if (coroutine_check(it)) {
    // Suspended inside its own await: someone else is awaiting it.
    Frame* fr = static_cast<GeneratorObject*>(it)->frame;
    if (fr != nullptr && fr->lasti >= 0 && fr->yielded_from) {
      decref(it);
      set_error(&kRuntimeErrorType, "coroutine is being awaited already");
      return nullptr;
    }
  }
  return it;
}

Object* get_async_iter(Object* o) {
  static Object* const aiter_name = str_intern("__aiter__");
  static Object* const anext_name = str_intern("__anext__");
  Ref<> meth = steal(lookup_special(o, aiter_name));
  if (!meth) {
    if (!has_error()) {
      set_error_fmt(&kTypeErrorType, "'async for' requires an object with __aiter__ method, got %s",
                    type_name(o));
    }
    return nullptr;
  }
  Ref<> it = steal(call(meth.get(), nullptr, 0));
  if (!it) return nullptr;
  if (type_lookup(it->type, anext_name) == nullptr) {
    set_error_fmt(&kTypeErrorType,
                  "'async for' received an object from __aiter__ that does not implement "
                  "__anext__: %s",
                  type_name(it.get()));
    return nullptr;
  }
  return it.release();
}

Object* call_exit_with_exception(Object* exit, Object* exc) {
  Object* tb = exception_traceback(exc);
  Object* args[3] = {exc->type, exc, tb != nullptr ? tb : kNone};
  return call(exit, args, 3);
}

int setup_annotations(Frame* f) {
  if (f->locals == nullptr) {
    set_error(&kRuntimeErrorType, "no locals found when setting up annotations");
    return -1;
  }
  Object* name = str_intern("__annotations__");
  Ref<> existing = steal(mapping_lookup(f->locals, name));
  if (existing) return 0;
  if (has_error()) return -1;
  Ref<> d = steal(dict_new());
  if (!d) return -1;
  return store_name(f, name, d.get());
}

int print_expr(Object* v) {
  Ref<> hook = steal(lookup_attr(sys_module(), str_intern("displayhook")));
  if (!hook) {
    if (!has_error()) set_error(&kRuntimeErrorType, "lost sys.displayhook");
    return -1;
  }
  Ref<> r = steal(call(hook.get(), &v, 1));
  return r ? 0 : -1;
}

void on_new_exception(ThreadState* ts, CodeObject* co, int index) {
  if (!has_error()) set_error(&kRuntimeErrorType, "error return without exception set");
  traceback_add(co, code_line_for(co, index < 0 ? 0 : index));
  Object* exc = ts->current_exception;
  Object* handled = ts->handled_exception;
  if (exc == nullptr || handled == nullptr || exc == handled) return;
  if (exception_context(exc) != nullptr) return;
  // Never create a cycle: skip when exc is already in handled's chain.
  Object* o = handled;
  for (int depth = 0; o != nullptr && depth < 1000; depth++) {
    if (o == exc) return;
    o = exception_context(o);
  }
  exception_set_context(exc, handled);
}

}  // namespace conch::vm
