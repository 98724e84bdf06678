// Generator objects: send/throw/close and the iterator protocol.
#include "vm/eval/generator.h"

#include <vector>

#include "absl/strings/str_format.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/exceptions.h"
#include "vm/eval/eval.h"
#include "vm/eval/eval_helpers.h"
#include "vm/eval/function.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/types.h"

namespace conch::vm {

Type kGeneratorType;
Type kCoroutineType;
Type kCoroutineWrapperType;

namespace {

GeneratorObject* as_gen(Object* o) { return static_cast<GeneratorObject*>(o); }

// ---------------------------------------------------------------------------
// gi_frame: a Python view of a generator's frame.

struct FrameObject : Object {
  GeneratorObject* gen;  // borrowed; null once detached (the generator finished)
  Object* code;          // owned
  Object* globals;       // owned
  Object* locals;        // owned, nullable: the snapshot taken when detached
  int lineno;            // likewise
  int lasti;             // likewise
  Object* back;          // owned, nullable: f_back of a snapshot (frame_snapshot)
};

Type kFrameType;

FrameObject* as_frame_obj(Object* o) { return static_cast<FrameObject*>(o); }

// The live frame behind a frame object, or null once detached.
Frame* live_frame(Object* o) {
  GeneratorObject* g = as_frame_obj(o)->gen;
  return g != nullptr ? g->frame : nullptr;
}

int live_line(Frame* f) { return f->lasti < 0 ? f->code->firstlineno : frame_line(f); }

Object* frame_object_new(GeneratorObject* g) {
  auto* fo = static_cast<FrameObject*>(generic_alloc(&kFrameType, 0));
  if (fo == nullptr) return nullptr;
  fo->gen = g;
  fo->code = new_ref(g->frame->code);
  fo->globals = new_ref(g->frame->globals);
  fo->locals = nullptr;
  fo->lineno = 0;
  fo->lasti = -1;
  fo->back = nullptr;
  return fo;
}

// Before the generator's frame goes: the frame object keeps what it showed.
void detach_frame_object(GeneratorObject* g) {
  if (g->frame_obj == nullptr) return;
  FrameObject* fo = as_frame_obj(g->frame_obj);
  Object* pending = fetch_error();
  fo->lineno = live_line(g->frame);
  fo->lasti = g->frame->lasti;
  fo->locals = frame_locals_dict(g->frame);
  if (fo->locals == nullptr) clear_error();  // shows {} instead
  restore_error(pending);
  fo->gen = nullptr;
  clear_slot(&g->frame_obj);
}

void finish(GeneratorObject* g) {
  if (g->frame != nullptr) detach_frame_object(g);
  Frame* f = g->frame;
  g->frame = nullptr;
  generator_frame_free(f);
}

// The outermost except-handler block of a suspended frame, or null.  Its
// stack slot holds the exception to restore when the handler ends.
Block* outer_handler(Frame* f) {
  Block* b = f->blocks();
  for (int i = 0; i < f->blockdepth; i++) {
    if (b[i].kind == BlockKind::kExceptHandler) return &b[i];
  }
  return nullptr;
}
bool suspended_in_handler(Frame* f) { return outer_handler(f) != nullptr; }

// A handler that spans a yield must restore, when it ends, the exception the
// *current* caller is handling (CPython chains generator exc_info to the
// caller's), not the one saved when the handler began.
void set_outer_handler_prev(Frame* f, Object* exc /*nullable, borrowed*/) {
  Block* b = outer_handler(f);
  if (b == nullptr || b->level >= f->stackdepth) return;
  set_slot(&f->stack_base()[b->level], new_ref(exc != nullptr ? exc : kNone));
}

// PEP 479: a StopIteration escaping the body becomes RuntimeError.
void convert_stop_iteration() {
  if (!error_matches(&kStopIterationType)) return;
  Object* exc = fetch_error();
  set_error(&kRuntimeErrorType, "generator raised StopIteration");
  Object* err = fetch_error();
  exception_set_cause(err, exc);
  exception_set_context(err, exc);
  decref(exc);
  restore_error(err);
}

}  // namespace

Frame* generator_frame_alloc(CodeObject* co) {
  Frame* f = static_cast<Frame*>(gc::allocate_raw(frame_size(co)));
  if (f == nullptr) {
    no_memory();
    return nullptr;
  }
  return f;
}

void generator_frame_free(Frame* f) {
  if (f == nullptr) return;
  frame_clear(f);
  gc::free_raw(f);
}

namespace {
Object* gen_or_coro_new(Type* type, Frame* f);
}  // namespace

Object* generator_new(Frame* f) { return gen_or_coro_new(&kGeneratorType, f); }
Object* coroutine_new(Frame* f) { return gen_or_coro_new(&kCoroutineType, f); }

namespace {
Object* gen_or_coro_new(Type* type, Frame* f) {
  Object* o = generic_alloc(type, 0);
  if (o == nullptr) {
    generator_frame_free(f);
    return nullptr;
  }
  GeneratorObject* g = as_gen(o);
  f->is_generator = 1;
  g->frame = f;
  g->code = new_ref(f->code);
  g->frame_obj = nullptr;
  g->exc_state = nullptr;
  g->running = false;
  Object* func = f->func;
  Object* name;
  Object* qualname;
  if (func == nullptr || function_check(func)) {
    // What fn_get_name/fn_get_qualname return, without an attribute lookup
    // per generator (every genexpr makes one).
    name = new_ref(func != nullptr ? as_function(func)->name : f->code->name);
    qualname = new_ref(func != nullptr ? as_function(func)->qualname : f->code->qualname);
  } else {
    name = getattr_str(func, "__name__");
    qualname = getattr_str(func, "__qualname__");
  }
  if (name == nullptr || qualname == nullptr) {
    xdecref(name);
    xdecref(qualname);
    decref(o);
    return nullptr;
  }
  g->name = name;
  g->qualname = qualname;
  return o;
}
}  // namespace

GenStatus generator_send(Object* gen, Object* value, bool throwing, Object** result) {
  GeneratorObject* g = as_gen(gen);
  *result = nullptr;
  // Claimed with one atomic exchange: two threads resuming the same
  // generator at once (they can, in parallel, in the ft build) must not both
  // get in; the loser sees CPython's ValueError.
  if (__atomic_exchange_n(&g->running, true, __ATOMIC_ACQUIRE)) {
    set_error(&kValueErrorType, "generator already executing");
    return GenStatus::kError;
  }
  Frame* f = g->frame;
  if (f == nullptr) {
    __atomic_store_n(&g->running, false, __ATOMIC_RELEASE);
    if (coroutine_check(gen) && !(throwing && error_matches(&kGeneratorExitType))) {
      set_error(&kRuntimeErrorType, "cannot reuse already awaited coroutine");
      return GenStatus::kError;
    }
    if (throwing) return GenStatus::kError;
    *result = new_none();
    return GenStatus::kReturn;
  }
  if (f->lasti < 0 && !throwing && value != nullptr && value != kNone) {
    __atomic_store_n(&g->running, false, __ATOMIC_RELEASE);
    set_error(&kTypeErrorType, "can't send non-None value to a just-started generator");
    return GenStatus::kError;
  }
  if (f->lasti >= 0 && !throwing) {
    f->stack_base()[f->stackdepth++] = new_ref(value != nullptr ? value : kNone);
  }
  ThreadState* ts = current_thread();
  Object* caller_exc = ts->handled_exception;
  if (f->lasti >= 0) set_outer_handler_prev(f, caller_exc);
  if (g->exc_state != nullptr) {
    ts->handled_exception = g->exc_state;
    g->exc_state = nullptr;
  } else {
    xincref(caller_exc);  // the generator runs with the caller's exception
  }
  Object* r = eval_frame(ts, f, throwing);
  __atomic_store_n(&g->running, false, __ATOMIC_RELEASE);
  bool yielded = r != nullptr && f->lasti >= 0 && instr_op(f->code->instrs[f->lasti]) == YIELD_VALUE;
  if (yielded && suspended_in_handler(f)) {
    g->exc_state = ts->handled_exception;
    set_outer_handler_prev(f, nullptr);  // do not keep the caller's alive
  } else {
    xdecref(ts->handled_exception);
  }
  ts->handled_exception = caller_exc;
  if (yielded) {
    *result = r;
    return GenStatus::kYield;
  }
  finish(g);
  if (r == nullptr) {
    convert_stop_iteration();
    return GenStatus::kError;
  }
  *result = r;
  return GenStatus::kReturn;
}

namespace {

// next(gen): the returned value travels in StopIteration.
Object* gen_iternext(Object* gen) {
  Object* r;
  GenStatus s = generator_send(gen, nullptr, false, &r);
  if (s == GenStatus::kYield) return r;
  if (s == GenStatus::kReturn) {
    if (r != kNone) set_error_args(&kStopIterationType, tuple_pack({r}));
    decref(r);
  }
  return nullptr;
}

Object* return_to_stop_iteration(GenStatus s, Object* r) {
  if (s == GenStatus::kYield) return r;
  if (s == GenStatus::kReturn) {
    if (r == kNone) set_error_args(&kStopIterationType, nullptr);
    else set_error_args(&kStopIterationType, tuple_pack({r}));
    decref(r);
  }
  return nullptr;
}

Object* gen_send(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("send", nargs, 1, 1, kwnames)) return nullptr;
  Object* r;
  GenStatus s = generator_send(self, args[0], false, &r);
  return return_to_stop_iteration(s, r);
}

Object* gen_next_method(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("__next__", nargs, 0, 0, kwnames)) return nullptr;
  Object* r = gen_iternext(self);
  if (r == nullptr && !has_error()) set_error_args(&kStopIterationType, nullptr);
  return r;
}

Object* gen_iter(Object* self) { return new_ref(self); }
Object* gen_iter_method(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  return new_ref(self);
}

Object* subiterator(GeneratorObject* g) {
  Frame* f = g->frame;
  if (f == nullptr || f->lasti < 0 || !f->yielded_from || f->stackdepth < 1) return nullptr;
  return f->stack_base()[f->stackdepth - 1];  // borrowed
}

// Closes a `yield from` subiterator: gen.close() or its close() method.
int close_iter(Object* sub) {
  Object* r;
  if (generator_check(sub)) {
    set_error_args(&kGeneratorExitType, nullptr);
    GenStatus s = generator_send(sub, nullptr, true, &r);
    if (s == GenStatus::kYield) {
      decref(r);
      set_error(&kRuntimeErrorType, "generator ignored GeneratorExit");
      return -1;
    }
    if (s == GenStatus::kReturn) {
      decref(r);
      return 0;
    }
    if (error_matches(&kStopIterationType) || error_matches(&kGeneratorExitType)) {
      clear_error();
      return 0;
    }
    return -1;
  }
  Ref<> meth = steal(lookup_attr(sub, str_intern("close")));
  if (!meth) return has_error() ? -1 : 0;
  Ref<> res = steal(call(meth.get(), nullptr, 0));
  return res ? 0 : -1;
}

// Pops the finished subiterator and resumes after the SEND loop, with the
// subiterator's result (its StopIteration value) or its exception.
Object* resume_after_yield_from(Object* gen) {
  GeneratorObject* g = as_gen(gen);
  Frame* f = g->frame;
  Object* sub = f->stack_base()[--f->stackdepth];
  decref(sub);
  int send_at = f->lasti - 1;  // YIELD_VALUE follows its SEND
  f->lasti = instr_arg(f->code->instrs[send_at]) - 1;
  f->yielded_from = 0;
  Object* r;
  GenStatus s;
  if (error_matches(&kStopIterationType)) {
    Object* exc = fetch_error();
    Object* v = exception_value_of_stop_iteration(exc);
    Ref<> value = borrow(v != nullptr ? v : kNone);
    decref(exc);
    s = generator_send(gen, value.get(), false, &r);
  } else {
    s = generator_send(gen, nullptr, true, &r);
  }
  return return_to_stop_iteration(s, r);
}

Object* gen_throw_exc(Object* gen, Object* exc /*stolen*/);

// Throws into the subiterator of a suspended `yield from`, as CPython's
// _gen_throw.
Object* throw_into_subiterator(Object* gen, Object* sub, Object* exc /*stolen*/) {
  GeneratorObject* g = as_gen(gen);
  g->running = true;
  Object* r = nullptr;
  if (generator_check(sub)) {
    incref(sub);
    g->running = true;
    r = gen_throw_exc(sub, exc);
    g->running = false;
    decref(sub);
  } else {
    Ref<> meth = steal(lookup_attr(sub, str_intern("throw")));
    if (!meth) {
      g->running = false;
      if (has_error()) {
        decref(exc);
        return nullptr;
      }
      restore_error(exc);
      Object* r2;
      GenStatus s = generator_send(gen, nullptr, true, &r2);
      return return_to_stop_iteration(s, r2);
    }
    Ref<> e = steal(exc);
    r = call(meth.get(), &exc, 1);
  }
  g->running = false;
  if (r != nullptr) return r;
  return resume_after_yield_from(gen);
}

Object* gen_throw_exc(Object* gen, Object* exc /*stolen*/) {
  GeneratorObject* g = as_gen(gen);
  Object* sub = subiterator(g);
  if (sub != nullptr && !g->running) {
    if (exception_matches(exc, &kGeneratorExitType)) {
      incref(sub);
      g->running = true;
      int err = close_iter(sub);
      g->running = false;
      decref(sub);
      if (err < 0) {
        decref(exc);
        Object* r;
        GenStatus s = generator_send(gen, nullptr, true, &r);
        return return_to_stop_iteration(s, r);
      }
    } else {
      return throw_into_subiterator(gen, sub, exc);
    }
  }
  restore_error(exc);
  Object* r;
  GenStatus s = generator_send(gen, nullptr, true, &r);
  return return_to_stop_iteration(s, r);
}

// Builds the exception instance for throw(type[, value[, tb]]).
Object* make_thrown(Object* typ, Object* val, Object* tb) {
  if (tb != nullptr && tb == kNone) tb = nullptr;
  if (tb != nullptr && tb->type != &kTracebackType) {
    set_error(&kTypeErrorType, "throw() third argument must be a traceback object");
    return nullptr;
  }
  Object* exc;
  if (typ->type == &kTypeType || is_instance_of(typ, &kTypeType)) {
    Type* t = static_cast<Type*>(typ);
    if (!type_has_flag(t, kTypeBaseExcSubclass)) goto bad;
    if (val != nullptr && val != kNone && is_instance_of(val, t)) {
      exc = new_ref(val);
    } else if (val == nullptr || val == kNone) {
      exc = call(typ, nullptr, 0);
    } else if (tuple_check(val)) {
      exc = call(typ, tuple_items(val), tuple_size(val));
    } else {
      exc = call(typ, &val, 1);
    }
    if (exc == nullptr) return nullptr;
  } else if (type_has_flag(typ->type, kTypeBaseExcSubclass)) {
    if (val != nullptr && val != kNone) {
      set_error(&kTypeErrorType, "instance exception may not have a separate value");
      return nullptr;
    }
    exc = new_ref(typ);
  } else {
    goto bad;
  }
  if (tb != nullptr) exception_set_traceback(exc, tb);
  return exc;
bad:
  set_error_fmt(&kTypeErrorType,
                "exceptions must be classes or instances deriving from BaseException, not %s",
                type_name(typ));
  return nullptr;
}

Object* gen_throw(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("throw", nargs, 1, 3, kwnames)) return nullptr;
  Object* exc = make_thrown(args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
  if (exc == nullptr) return nullptr;
  return gen_throw_exc(self, exc);
}

Object* gen_close_impl(Object* self) {
  GeneratorObject* g = as_gen(self);
  Frame* f = g->frame;
  if (f == nullptr) return new_none();
  if (f->lasti < 0) {
    finish(g);
    return new_none();
  }
  int err = 0;
  Object* sub = subiterator(g);
  if (sub != nullptr) {
    incref(sub);
    g->running = true;
    err = close_iter(sub);
    g->running = false;
    decref(sub);
  }
  if (err == 0) set_error_args(&kGeneratorExitType, nullptr);
  Object* r;
  GenStatus s = generator_send(self, nullptr, true, &r);
  if (s == GenStatus::kYield) {
    decref(r);
    set_error(&kRuntimeErrorType, "generator ignored GeneratorExit");
    return nullptr;
  }
  if (s == GenStatus::kReturn) {
    decref(r);
    return new_none();
  }
  if (error_matches(&kStopIterationType) || error_matches(&kGeneratorExitType)) {
    clear_error();
    return new_none();
  }
  return nullptr;
}

Object* gen_close(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("close", nargs, 0, 0, kwnames)) return nullptr;
  return gen_close_impl(self);
}

int gen_traverse(Object* o, VisitFunc visit, void* arg) {
  GeneratorObject* g = as_gen(o);
  for (Object* p : {g->exc_state, g->code, g->frame_obj}) {
    if (p == nullptr) continue;
    if (int r = visit(p, arg)) return r;
  }
  Frame* f = g->frame;
  if (f == nullptr) return 0;
  for (Object* p : {static_cast<Object*>(f->code), f->func, f->globals, f->locals}) {
    if (p != nullptr) {
      int r = visit(p, arg);
      if (r) return r;
    }
  }
  int n = f->code->nlocals + f->code->ncells + (f->lasti >= 0 ? f->stackdepth : 0);
  for (int i = 0; i < n; i++) {
    if (f->localsplus[i] != nullptr) {
      int r = visit(f->localsplus[i], arg);
      if (r) return r;
    }
  }
  return 0;
}

int gen_clear(Object* o) {
  GeneratorObject* g = as_gen(o);
  if (g->running) return 0;
  clear_slot(&g->exc_state);
  finish(g);
  return 0;
}

void gen_dealloc(Object* o) {
  GeneratorObject* g = as_gen(o);
  if (o->type == &kCoroutineType && g->frame != nullptr && g->frame->lasti < 0) {
    Object* pending = fetch_error();
    print_warning(&kRuntimeWarningType,
                  absl::StrFormat("coroutine '%s' was never awaited", str_view(g->qualname)),
                  "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    restore_error(pending);
  }
  if (g->frame != nullptr && g->frame->lasti >= 0) {
    // Run the generator's finally blocks (close()), keeping any exception
    // that is propagating right now.
    gc::incref(o);
    Object* pending = fetch_error();
    Object* r = gen_close_impl(o);
    if (r == nullptr) clear_error();  // CPython reports it as unraisable
    xdecref(r);
    restore_error(pending);
    if (!gc::release(o)) return;  // resurrected
  }
  finish(g);
  clear_slot(&g->exc_state);
  clear_slot(&g->name);
  clear_slot(&g->qualname);
  clear_slot(&g->code);
  generic_free(o);
}

Object* gen_repr(Object* o) {
  return str_from(absl::StrFormat("<generator object %s at %p>", str_view(as_gen(o)->qualname),
                                  static_cast<void*>(o)));
}

Object* gen_get_name(Object* o) { return new_ref(as_gen(o)->name); }
Object* gen_get_qualname(Object* o) { return new_ref(as_gen(o)->qualname); }
Object* gen_get_running(Object* o) { return new_bool(as_gen(o)->running); }
Object* gen_get_code(Object* o) { return new_ref(as_gen(o)->code); }
Object* gen_get_suspended(Object* o) {
  GeneratorObject* g = as_gen(o);
  return new_bool(g->frame != nullptr && !g->running && g->frame->lasti >= 0);
}
Object* gen_get_frame(Object* o) {
  GeneratorObject* g = as_gen(o);
  if (g->frame == nullptr) return new_none();
  if (g->frame_obj == nullptr) {
    g->frame_obj = frame_object_new(g);
    if (g->frame_obj == nullptr) return nullptr;
  }
  return new_ref(g->frame_obj);
}
Object* gen_get_yieldfrom(Object* o) {
  Object* sub = subiterator(as_gen(o));
  return new_ref(sub != nullptr ? sub : kNone);
}

const GetSetDef kGenGetSets[] = {
    {"__name__", gen_get_name, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, nullptr, nullptr},
    {"gi_running", gen_get_running, nullptr, nullptr},
    {"gi_code", gen_get_code, nullptr, nullptr},
    {"gi_frame", gen_get_frame, nullptr, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr, nullptr},
    {"gi_yieldfrom", gen_get_yieldfrom, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kGenMethods[] = {
    {"send", gen_send, kMethodDefault, nullptr},
    {"throw", gen_throw, kMethodDefault, nullptr},
    {"close", gen_close, kMethodDefault, nullptr},
    {"__next__", gen_next_method, kMethodDefault, nullptr},
    {"__iter__", gen_iter_method, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------------------
// Coroutines: the generator machinery under another type, without the
// iterator protocol; __await__ returns a wrapper that is an iterator.

struct CoroWrapperObject : Object {
  Object* coro;
};

Object* coro_repr(Object* o) {
  return str_from(absl::StrFormat("<coroutine object %s at %p>", str_view(as_gen(o)->qualname),
                                  static_cast<void*>(o)));
}

Object* coro_await(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("__await__", nargs, 0, 0, kwnames)) return nullptr;
  Object* w = generic_alloc(&kCoroutineWrapperType, 0);
  if (w == nullptr) return nullptr;
  static_cast<CoroWrapperObject*>(w)->coro = new_ref(self);
  return w;
}

const GetSetDef kCoroGetSets[] = {
    {"__name__", gen_get_name, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, nullptr, nullptr},
    {"cr_running", gen_get_running, nullptr, nullptr},
    {"cr_code", gen_get_code, nullptr, nullptr},
    {"cr_frame", gen_get_frame, nullptr, nullptr},
    {"cr_suspended", gen_get_suspended, nullptr, nullptr},
    {"cr_await", gen_get_yieldfrom, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const MethodDef kCoroMethods[] = {
    {"send", gen_send, kMethodDefault, nullptr},
    {"throw", gen_throw, kMethodDefault, nullptr},
    {"close", gen_close, kMethodDefault, nullptr},
    {"__await__", coro_await, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* wrapper_coro(Object* w) { return static_cast<CoroWrapperObject*>(w)->coro; }
Object* cw_iternext(Object* w) { return gen_iternext(wrapper_coro(w)); }
Object* cw_next(Object* w, Object* const* args, size_t nargs, Object* kwnames) {
  return gen_next_method(wrapper_coro(w), args, nargs, kwnames);
}
Object* cw_send(Object* w, Object* const* args, size_t nargs, Object* kwnames) {
  return gen_send(wrapper_coro(w), args, nargs, kwnames);
}
Object* cw_throw(Object* w, Object* const* args, size_t nargs, Object* kwnames) {
  return gen_throw(wrapper_coro(w), args, nargs, kwnames);
}
Object* cw_close(Object* w, Object* const* args, size_t nargs, Object* kwnames) {
  return gen_close(wrapper_coro(w), args, nargs, kwnames);
}
int cw_traverse(Object* w, VisitFunc visit, void* arg) {
  Object* c = wrapper_coro(w);
  return c != nullptr ? visit(c, arg) : 0;
}
int cw_clear(Object* w) {
  clear_slot(&static_cast<CoroWrapperObject*>(w)->coro);
  return 0;
}
void cw_dealloc(Object* w) {
  clear_slot(&static_cast<CoroWrapperObject*>(w)->coro);
  generic_free(w);
}

const MethodDef kCoroWrapperMethods[] = {
    {"__next__", cw_next, kMethodDefault, nullptr},
    {"__iter__", gen_iter_method, kMethodDefault, nullptr},
    {"send", cw_send, kMethodDefault, nullptr},
    {"throw", cw_throw, kMethodDefault, nullptr},
    {"close", cw_close, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// ---------------------------------------------------------------------------
// The frame type's slots.

void frame_obj_dealloc(Object* o) {
  FrameObject* fo = as_frame_obj(o);
  // A live generator owns its cached frame object, so reaching zero means
  // it was detached first.
  clear_slot(&fo->code);
  clear_slot(&fo->globals);
  clear_slot(&fo->locals);
  clear_slot(&fo->back);
  generic_free(o);
}

int frame_obj_traverse(Object* o, VisitFunc visit, void* arg) {
  FrameObject* fo = as_frame_obj(o);
  for (Object* p : {fo->code, fo->globals, fo->locals, fo->back}) {
    if (p == nullptr) continue;
    if (int r = visit(p, arg)) return r;
  }
  return 0;
}

int frame_obj_clear(Object* o) {
  clear_slot(&as_frame_obj(o)->locals);
  clear_slot(&as_frame_obj(o)->back);
  return 0;
}

int frame_obj_line(Object* o) {
  Frame* f = live_frame(o);
  return f != nullptr ? live_line(f) : as_frame_obj(o)->lineno;
}

Object* frame_obj_repr(Object* o) {
  CodeObject* co = static_cast<CodeObject*>(as_frame_obj(o)->code);
  return str_from(absl::StrFormat("<frame at %p, file '%s', line %d, code %s>",
                                  static_cast<void*>(o), str_view(co->filename),
                                  frame_obj_line(o), str_view(co->name)));
}

Object* frame_get_code(Object* o) { return new_ref(as_frame_obj(o)->code); }
Object* frame_get_globals(Object* o) { return new_ref(as_frame_obj(o)->globals); }
Object* frame_get_lineno(Object* o) { return int_from_i64(frame_obj_line(o)); }
// f_back: a snapshot's caller (frame_snapshot); a generator's frame has
// none (while it runs CPython shows the caller's frame).
Object* frame_get_back(Object* o) {
  Object* b = as_frame_obj(o)->back;
  return new_ref(b != nullptr ? b : kNone);
}
Object* frame_get_lasti(Object* o) {
  Frame* f = live_frame(o);
  int lasti = f != nullptr ? f->lasti : as_frame_obj(o)->lasti;
  return int_from_i64(lasti < 0 ? 0 : int64_t{lasti} * 2);  // dis offsets
}
Object* frame_get_locals(Object* o) {
  if (Frame* f = live_frame(o)) return frame_locals_dict(f);
  Object* snap = as_frame_obj(o)->locals;
  return snap != nullptr ? new_ref(snap) : dict_new();
}
Object* frame_get_builtins(Object*) { return new_ref(builtins_dict()); }

const GetSetDef kFrameGetSets[] = {
    {"f_code", frame_get_code, nullptr, nullptr},
    {"f_globals", frame_get_globals, nullptr, nullptr},
    {"f_builtins", frame_get_builtins, nullptr, nullptr},
    {"f_locals", frame_get_locals, nullptr, nullptr},
    {"f_lineno", frame_get_lineno, nullptr, nullptr},
    {"f_lasti", frame_get_lasti, nullptr, nullptr},
    {"f_back", frame_get_back, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

void init_frame_type() {
  Type* t = &kFrameType;
  init_static_type(t, "frame", sizeof(FrameObject));
  t->flags &= ~kTypeBaseType;
  t->flags |= kTypeHaveGC;
  t->dealloc = frame_obj_dealloc;
  t->traverse = frame_obj_traverse;
  t->clear = frame_obj_clear;
  t->repr = frame_obj_repr;
  t->getsets = kFrameGetSets;
  type_ready(t);
}

}  // namespace

Object* frame_snapshot(Frame* f, bool with_locals) {
  if (f == nullptr) return new_none();
  // Build from the outermost caller inwards so each f_back exists first.
  std::vector<Frame*> chain;
  for (Frame* p = f; p != nullptr; p = p->back) chain.push_back(p);
  Object* back = nullptr;
  for (size_t i = chain.size(); i-- > 0;) {
    Frame* p = chain[i];
    auto* fo = static_cast<FrameObject*>(generic_alloc(&kFrameType, 0));
    if (fo == nullptr) {
      xdecref(back);
      return nullptr;
    }
    fo->gen = nullptr;
    fo->code = new_ref(p->code);
    fo->globals = new_ref(p->globals);
    fo->locals = nullptr;
    fo->lineno = live_line(p);
    fo->lasti = p->lasti;
    fo->back = back;
    if (with_locals && i == 0) {
      fo->locals = frame_locals_dict(p);
      if (fo->locals == nullptr) {
        decref(fo);
        return nullptr;
      }
    }
    back = fo;
  }
  return back;
}

Object* get_awaitable_iter(Object* o) {
  if (coroutine_check(o)) return new_ref(o);
  static Object* const await_name = str_intern("__await__");
  Ref<> meth = steal(lookup_special(o, await_name));
  if (!meth) {
    if (!has_error()) {
      set_error_fmt(&kTypeErrorType, "object %s can't be used in 'await' expression",
                    type_name(o));
    }
    return nullptr;
  }
  Ref<> it = steal(call(meth.get(), nullptr, 0));
  if (!it) return nullptr;
  if (coroutine_check(it.get())) {
    set_error(&kTypeErrorType, "__await__() returned a coroutine");
    return nullptr;
  }
  if (it->type->iternext == nullptr && type_lookup(it->type, str_intern("__next__")) == nullptr) {
    set_error_fmt(&kTypeErrorType, "__await__() returned non-iterator of type '%s'",
                  type_name(it.get()));
    return nullptr;
  }
  return it.release();
}

void init_generator_type() {
  init_frame_type();
  {
    Type* c = &kCoroutineType;
    init_static_type(c, "coroutine", sizeof(GeneratorObject));
    c->flags &= ~kTypeBaseType;
    c->flags |= kTypeHaveGC;
    c->dealloc = gen_dealloc;
    c->repr = coro_repr;
    c->methods = kCoroMethods;
    c->getsets = kCoroGetSets;
    c->traverse = gen_traverse;
    c->clear = gen_clear;
    type_ready(c);
    Type* w = &kCoroutineWrapperType;
    init_static_type(w, "coroutine_wrapper", sizeof(CoroWrapperObject));
    w->flags &= ~kTypeBaseType;
    w->flags |= kTypeHaveGC;
    w->dealloc = cw_dealloc;
    w->iter = gen_iter;
    w->iternext = cw_iternext;
    w->methods = kCoroWrapperMethods;
    w->traverse = cw_traverse;
    w->clear = cw_clear;
    type_ready(w);
  }
  Type* t = &kGeneratorType;
  init_static_type(t, "generator", sizeof(GeneratorObject));
  t->flags |= kTypeHaveGC;
  t->dealloc = gen_dealloc;
  t->repr = gen_repr;
  t->iter = gen_iter;
  t->iternext = gen_iternext;
  t->methods = kGenMethods;
  t->getsets = kGenGetSets;
  t->traverse = gen_traverse;
  t->clear = gen_clear;
  type_ready(t);
}

}  // namespace conch::vm
