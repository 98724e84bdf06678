// The eval loop.  One function, eval_frame; the dispatch mechanism is in
// dispatch.h, the bytecode in vm/compile/opcodes.h.  Handlers that are long
// or rare call out-of-line helpers (eval_helpers.cc) so the loop's own C++
// frame stays small: Python recursion is C++ recursion here.
//
// Stack discipline: `sp` points one past the top; every slot is an owned
// reference or null (PUSH_NULL, the self-or-NULL call convention).  On error
// the handler leaves the stack consistent (everything it popped released)
// and jumps to `error`; unwinding walks the frame's block stack.
#include "vm/eval/eval.h"

#include <pthread.h>

#include <cstdint>
#include <string>

#include "gc/critical_section.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/eval/dispatch.h"
#include "vm/eval/eval_helpers.h"
#include "vm/eval/function.h"
#include "vm/eval/generator.h"
#include "vm/eval/inline_cache.h"
#include "vm/eval/match.h"
#include "vm/gc_support.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/types.h"
#include "vm/types/int.h"
#include "vm/types/list.h"
#include "vm/typeobject.h"

namespace conch::vm {

// ---------------------------------------------------------------------------
// Recursion guards.

namespace {

// The lowest safe stack address; UINTPTR_MAX until measured, so the first
// check lands on the slow path, which measures it.
constinit thread_local uintptr_t t_stack_limit = UINTPTR_MAX;

void init_stack_limit() {
  pthread_attr_t attr;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
  }
  uintptr_t here = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (addr == nullptr || size == 0 || size > (uintptr_t{1} << 32)) {
    // Unknown bounds: assume 1 MiB below the current point.
    size = 1 << 20;
    addr = reinterpret_cast<void*>(here - size);
  }
  // Keep a margin for the C++ code that runs between two checks (builtins,
  // error reporting): an eighth of the stack, between 64 KiB and 1 MiB.
  size_t margin = size / 8;
  if (margin < (64 << 10)) margin = 64 << 10;
  if (margin > (1 << 20)) margin = 1 << 20;
  t_stack_limit = reinterpret_cast<uintptr_t>(addr) + margin;
}

}  // namespace

bool c_stack_exhausted() {
  if (CONCH_UNLIKELY(t_stack_limit == UINTPTR_MAX)) init_stack_limit();
  return reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < t_stack_limit;
}

namespace {

CONCH_NOINLINE bool enter_python_call_slow(ThreadState* ts) {
  if (ts->recursion_depth > ts->recursion_limit || c_stack_exhausted()) {
    ts->recursion_depth--;
    set_error(&kRecursionErrorType, "maximum recursion depth exceeded");
    return false;
  }
  return true;
}

// enter_python_call, inline in eval_frame: every Python call runs it.  One
// compare covers the unmeasured stack too (t_stack_limit starts at the top).
// A local's address, not __builtin_frame_address: that would make the eval
// loop keep a frame pointer.
CONCH_ALWAYS_INLINE bool enter_python_call_fast(ThreadState* ts) {
  char here;
  if (CONCH_UNLIKELY(++ts->recursion_depth > ts->recursion_limit ||
                     reinterpret_cast<uintptr_t>(&here) < t_stack_limit)) {
    return enter_python_call_slow(ts);
  }
  return true;
}

}  // namespace

bool enter_python_call(ThreadState* ts) { return enter_python_call_fast(ts); }

namespace {
// Written once at start-up, before other threads exist; read by every thread.
EvalBreakerHook g_eval_breaker_hook = nullptr;
}  // namespace

void install_eval_breaker_hook(EvalBreakerHook hook) { g_eval_breaker_hook = hook; }

int handle_eval_breaker(ThreadState* ts) {
  // acquire: pairs with the release/acq_rel or that set a bit, so the hook
  // sees whatever the requesting thread wrote before asking.
  uint32_t bits = ts->eval_breaker.exchange(0, std::memory_order_acquire);
  if (bits & kBreakGcScheduled) {
    bits &= ~uint32_t{kBreakGcScheduled};
    gc_run_scheduled();
  }
  if (bits == 0 || g_eval_breaker_hook == nullptr) return 0;
  return g_eval_breaker_hook(ts, bits);
}

// ---------------------------------------------------------------------------
// CALL's fast path: frame_init/frame_clear (frame.cc) specialised for a
// function frame whose arguments fill its first locals, inline because
// every Python-to-Python call pays both.  The frame takes the caller's stack
// references to the arguments and to the callable (as f->func), so no
// reference changes hands twice; it has no locals mapping, and after
// eval_frame returns its value stack and block stack are empty.

namespace {

CONCH_ALWAYS_INLINE void init_call_frame(Frame* nf, CodeObject* co, FunctionObject* fn,
                                         Object* const* args, int nargs) {
  nf->back = nullptr;
  nf->code = co;
  incref(co);
  nf->func = fn;
  nf->globals = fn->globals;
  incref(fn->globals);
  nf->builtins = fn->builtins;
  nf->locals = nullptr;
  nf->lasti = -1;
  nf->stackdepth = 0;
  nf->blockdepth = 0;
  nf->is_generator = 0;
  nf->yielded_from = 0;
  Object** slots = nf->localsplus;
  int i = 0;
  for (; i < nargs; i++) slots[i] = args[i];
  for (int n = co->nlocals + co->ncells; i < n; i++) slots[i] = nullptr;
}

CONCH_ALWAYS_INLINE void clear_call_frame(Frame* nf) {
  CodeObject* co = nf->code;
  Object** slots = nf->localsplus;
  for (int i = 0, n = co->nlocals + co->ncells; i < n; i++) {
    if (slots[i] != nullptr) clear_slot(&slots[i]);
  }
  decref(nf->func);
  decref(nf->globals);
  decref(co);
}

}  // namespace

// ---------------------------------------------------------------------------
// The loop.

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define JUMPTO(target) (next_instr = first_instr + (target))
#define INSTR_INDEX() (static_cast<int>(next_instr - first_instr) - 1)
#define GOTO_ERROR_IF(cond) \
  do {                      \
    if (cond) goto error;   \
  } while (0)

CONCH_EVAL_LOOP_ATTRS Object* eval_frame(ThreadState* ts, Frame* f, bool throwing) {
  CONCH_DISPATCH_TABLE;
  if (!enter_python_call_fast(ts)) {
    if (f->is_generator) f->stackdepth = f->lasti >= 0 ? f->stackdepth : 0;
    return nullptr;
  }
  f->back = ts->frame;
  ts->frame = f;

  CodeObject* co = f->code;
  const Instr* const first_instr = co->instrs;
  const Instr* next_instr = first_instr + f->lasti + 1;
  Object** const fastlocals = f->localsplus;
  Object** const cells = f->cells();
  Object** const stack_base = f->stack_base();
  Object** sp = stack_base + f->stackdepth;
  Object* const* consts = tuple_items(co->consts);
  Object* const* names = tuple_items(co->names);
  Object* kwnames = nullptr;  // set by KW_NAMES for the next CALL (borrowed)
  Object* retval = nullptr;
  Instr word;
  int oparg;
  f->stackdepth = 0;

  if (throwing) goto error;

  DISPATCH_SWITCH_BEGIN

  TARGET(NOP) { DISPATCH(); }

  TARGET(RESUME) {
    if (CONCH_UNLIKELY(ts->eval_breaker.load(std::memory_order_relaxed) != 0)) {
      f->lasti = INSTR_INDEX();
      GOTO_ERROR_IF(handle_eval_breaker(ts) < 0);
    }
    DISPATCH();
  }

  TARGET(POP_TOP) {
    Object* v = POP();
    xdecref(v);
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(nullptr);
    DISPATCH();
  }

  TARGET(COPY) {
    Object* v = PEEK(oparg);
    xincref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(SWAP) {
    Object* top = TOP();
    SET_TOP(PEEK(oparg));
    PEEK(oparg) = top;
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    Object* v = consts[oparg];
    incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Object* v = fastlocals[oparg];
    if (CONCH_UNLIKELY(v == nullptr)) {
      raise_unbound_local(co, oparg);
      goto error;
    }
    incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_FAST) {
    set_slot(&fastlocals[oparg], POP());
    DISPATCH();
  }

  TARGET(DELETE_FAST) {
    if (fastlocals[oparg] == nullptr) {
      raise_unbound_local(co, oparg);
      goto error;
    }
    clear_slot(&fastlocals[oparg]);
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    Object* v = load_name(f, names[oparg]);
    GOTO_ERROR_IF(v == nullptr);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    Object* v = POP();
    int err = store_name(f, names[oparg], v);
    decref(v);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    GOTO_ERROR_IF(delete_name(f, names[oparg]) < 0);
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    // New references (the cache increfs under the dict's section): another
    // thread may rebind the global and free the old value.
    Object* name = names[oparg >> 1];
    InlineCache* c = &co->caches[INSTR_INDEX()];
    Object* v = load_global_cached(c, f->globals, f->builtins, name);
    if (CONCH_UNLIKELY(v == nullptr)) {
      v = load_global_fill(c, f->globals, f->builtins, name);
      GOTO_ERROR_IF(v == nullptr);
    }
    if (oparg & 1) PUSH(nullptr);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    Object* v = POP();
    int err = dict_set_item(f->globals, names[oparg], v);
    decref(v);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    Object* name = names[oparg];
    if (dict_get_item(f->globals, name) == nullptr) {
      if (!has_error()) raise_name_error(name);
      goto error;
    }
    GOTO_ERROR_IF(dict_del_item(f->globals, name) < 0);
    DISPATCH();
  }

  TARGET(MAKE_CELL) {
    Object* initial = nullptr;
    if (co->cell2arg != nullptr && oparg < co->ncellvars && co->cell2arg[oparg] >= 0) {
      initial = fastlocals[co->cell2arg[oparg]];
      fastlocals[co->cell2arg[oparg]] = nullptr;
    }
    Object* cell = cell_new(initial);
    xdecref(initial);
    GOTO_ERROR_IF(cell == nullptr);
    set_slot(&cells[oparg], cell);
    DISPATCH();
  }

  TARGET(COPY_FREE_VARS) {
    Object* closure = f->func != nullptr ? as_function(f->func)->closure : nullptr;
    if (CONCH_UNLIKELY(closure == nullptr || tuple_size(closure) < oparg)) {
      set_error(&kTypeErrorType, "code object may not contain free variables");
      goto error;
    }
    for (int i = 0; i < oparg; i++) {
      set_slot(&cells[co->ncellvars + i], new_ref(tuple_get(closure, i)));
    }
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    Object* cell = cells[oparg];
    incref(cell);
    PUSH(cell);
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    Object* v = cell_get_ref(cells[oparg]);
    if (CONCH_UNLIKELY(v == nullptr)) {
      raise_unbound_deref(co, oparg);
      goto error;
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_CLASSDEREF) {
    Object* v = load_classderef(f, oparg);
    GOTO_ERROR_IF(v == nullptr);
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    Object* v = POP();
    cell_set(cells[oparg], v);
    decref(v);
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    if (Ref<> had = steal(cell_get_ref(cells[oparg])); !had) {
      raise_unbound_deref(co, oparg);
      goto error;
    }
    cell_set(cells[oparg], nullptr);
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    Object* owner = TOP();
    InlineCache* c = &co->caches[INSTR_INDEX()];
    Object* v = load_attr_cached(c, owner, names[oparg]);
    if (CONCH_UNLIKELY(v == nullptr)) {
      v = load_attr_fill(c, owner, names[oparg]);
      GOTO_ERROR_IF(v == nullptr);
    }
    SET_TOP(v);
    decref(owner);
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    Object* owner = TOP();
    Object* v = SECOND();
    InlineCache* c = &co->caches[INSTR_INDEX()];
    int err = store_attr_cached(c, owner, names[oparg], v);
    if (CONCH_UNLIKELY(err > 0)) err = store_attr_fill(c, owner, names[oparg], v);
    GOTO_ERROR_IF(err < 0);
    sp -= 2;
    decref(owner);
    decref(v);
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    Object* owner = TOP();
    int err = delattr(owner, names[oparg]);
    GOTO_ERROR_IF(err < 0);
    sp--;
    decref(owner);
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    Object* owner = TOP();
    InlineCache* c = &co->caches[INSTR_INDEX()];
    bool is_method = false;
    Object* meth = load_method_cached(c, owner, names[oparg], &is_method);
    int found = is_method;
    if (CONCH_UNLIKELY(meth == nullptr)) {
      found = load_method_fill(c, owner, names[oparg], &meth);
      GOTO_ERROR_IF(found < 0);
    }
    if (found) {
      SET_TOP(meth);  // [meth, self]
      PUSH(owner);
    } else {
      SET_TOP(nullptr);  // [NULL, bound attribute]
      PUSH(meth);
      decref(owner);
    }
    DISPATCH();
  }

  TARGET(BINARY_OP) {
    Object* right = TOP();
    Object* left = SECOND();
    Object* res;
    if (int_check_exact(left) && int_check_exact(right) && int_is_small(left) &&
        int_is_small(right) && (res = int_binary_fast(left, right, oparg)) != nullptr) {
      // fast path taken
    } else if (int taken = float_binary_steal(left, right, oparg, &res); taken != 0) {
      GOTO_ERROR_IF(taken < 0);
      sp--;  // the operands' references were consumed
      SET_TOP(res);
      DISPATCH();
    } else {
      res = oparg < kInplaceOffset ? binary_op(left, right, static_cast<BinaryOp>(oparg))
                                   : inplace_op(left, right,
                                                static_cast<BinaryOp>(oparg - kInplaceOffset));
      GOTO_ERROR_IF(res == nullptr);
    }
    sp--;
    SET_TOP(res);
    decref(left);
    decref(right);
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    Object* right = TOP();
    Object* left = SECOND();
    Object* res;
    if (int_check_exact(left) && int_check_exact(right) && int_is_small(left) &&
        int_is_small(right)) {
      res = new_bool(compare_i64(int_small_value(left), int_small_value(right), oparg));
    } else if (int r = float_compare_fast(left, right, oparg); r >= 0) {
      res = new_bool(r != 0);
    } else {
      res = rich_compare(left, right, static_cast<CompareOp>(oparg));
      GOTO_ERROR_IF(res == nullptr);
    }
    sp--;
    SET_TOP(res);
    decref(left);
    decref(right);
    DISPATCH();
  }

  TARGET(IS_OP) {
    Object* right = POP();
    Object* left = TOP();
    bool r = (left == right) != (oparg != 0);
    SET_TOP(new_bool(r));
    decref(left);
    decref(right);
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    Object* right = TOP();
    Object* left = SECOND();
    int r = contains(right, left);
    GOTO_ERROR_IF(r < 0);
    sp--;
    SET_TOP(new_bool((r != 0) != (oparg != 0)));
    decref(left);
    decref(right);
    DISPATCH();
  }

  TARGET(UNARY_POSITIVE) {
    Object* v = TOP();
    Object* r = positive(v);
    GOTO_ERROR_IF(r == nullptr);
    SET_TOP(r);
    decref(v);
    DISPATCH();
  }

  TARGET(UNARY_NEGATIVE) {
    Object* v = TOP();
    Object* r = negative(v);
    GOTO_ERROR_IF(r == nullptr);
    SET_TOP(r);
    decref(v);
    DISPATCH();
  }

  TARGET(UNARY_INVERT) {
    Object* v = TOP();
    Object* r = invert(v);
    GOTO_ERROR_IF(r == nullptr);
    SET_TOP(r);
    decref(v);
    DISPATCH();
  }

  TARGET(UNARY_NOT) {
    Object* v = TOP();
    int t = is_true(v);
    GOTO_ERROR_IF(t < 0);
    SET_TOP(new_bool(t == 0));
    decref(v);
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    Object* key = TOP();
    Object* container = SECOND();
    Object* res = nullptr;
    if (list_check_exact(container) && int_check_exact(key) && int_is_small(key)) {
      // Lock-free read (vm/types/list.h); getitem below takes the locked
      // path when it gives up (out of range, item replaced, dying).
      res = list_try_get_ref(container, int_small_value(key));
    }
    if (res == nullptr) {
      res = getitem(container, key);
      GOTO_ERROR_IF(res == nullptr);
    }
    sp--;
    SET_TOP(res);
    decref(container);
    decref(key);
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    Object* key = TOP();
    Object* container = SECOND();
    Object* v = PEEK(3);
    if (list_check_exact(container) && int_check_exact(key) && int_is_small(key)) {
      // As list_setitem: swap under the list's section, release the old
      // item after it (its __del__ may run arbitrary code).
      Object* old = nullptr;
      bool stored = false;
      {
        gc::CriticalSection cs{container};
        int64_t i = int_small_value(key);
        ListObject* l = as_list(container);
        if (i < 0) i += l->size;
        if (i >= 0 && i < l->size) {
          old = l->items[i];
          gc::release_store(l->items[i], v);  // the stack's reference moves into the list
          stored = true;
        }
      }
      if (stored) {
        sp -= 3;
        decref(key);
        decref(container);
        xdecref(old);
        DISPATCH();
      }
    }
    int err = setitem(container, key, v);
    GOTO_ERROR_IF(err < 0);
    sp -= 3;
    decref(key);
    decref(container);
    decref(v);
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    Object* key = TOP();
    Object* container = SECOND();
    int err = delitem(container, key);
    GOTO_ERROR_IF(err < 0);
    sp -= 2;
    decref(key);
    decref(container);
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    Object* step = oparg == 3 ? POP() : nullptr;
    Object* stop = POP();
    Object* start = TOP();
    Object* s = slice_new(start, stop, step);
    decref(stop);
    xdecref(step);
    GOTO_ERROR_IF(s == nullptr);  // start stays on the stack; unwinding frees it
    SET_TOP(s);
    decref(start);
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    Object* t = tuple_new(oparg);
    GOTO_ERROR_IF(t == nullptr);
    for (int i = oparg - 1; i >= 0; i--) tuple_init_item(t, i, POP());
    PUSH(t);
    DISPATCH();
  }

  TARGET(BUILD_LIST) {
    Object* l = list_new(oparg);
    GOTO_ERROR_IF(l == nullptr);
    for (int i = oparg - 1; i >= 0; i--) list_init_item(l, i, POP());
    PUSH(l);
    DISPATCH();
  }

  TARGET(BUILD_SET) {
    Object* s = build_set(sp - oparg, oparg);
    for (int i = 0; i < oparg; i++) decref(POP());
    GOTO_ERROR_IF(s == nullptr);
    PUSH(s);
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    Object* d = build_map(sp - 2 * oparg, oparg);
    for (int i = 0; i < 2 * oparg; i++) decref(POP());
    GOTO_ERROR_IF(d == nullptr);
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_CONST_KEY_MAP) {
    Object* keys = TOP();
    Object* d = build_const_key_map(keys, sp - 1 - oparg, oparg);
    for (int i = 0; i < oparg + 1; i++) decref(POP());
    GOTO_ERROR_IF(d == nullptr);
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    Object* s = build_string(sp - oparg, oparg);
    for (int i = 0; i < oparg; i++) decref(POP());
    GOTO_ERROR_IF(s == nullptr);
    PUSH(s);
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Object* v = POP();
    int err = list_append(PEEK(oparg), v);
    decref(v);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(SET_ADD) {
    Object* v = POP();
    int err = set_add(PEEK(oparg), v);
    decref(v);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    Object* v = POP();
    Object* k = POP();
    int err = dict_set_item(PEEK(oparg), k, v);
    decref(k);
    decref(v);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    Object* it = POP();
    int err = list_extend_op(PEEK(oparg), it);
    decref(it);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    Object* it = POP();
    int err = set_update_op(PEEK(oparg), it);
    decref(it);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    Object* other = POP();
    int err = dict_update_op(PEEK(oparg), other);
    decref(other);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    Object* other = POP();
    // The callable sits below the kwargs dict: [NULL|meth, callable, args, kwargs].
    int err = dict_merge_op(PEEK(oparg), other, PEEK(oparg + 2));
    decref(other);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(LIST_TO_TUPLE) {
    Object* l = TOP();
    Object* t = list_as_tuple(l);
    GOTO_ERROR_IF(t == nullptr);
    SET_TOP(t);
    decref(l);
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    Object* seq = TOP();
    if (tuple_check_exact(seq) && tuple_size(seq) == oparg) {
      Object** items = tuple_items(seq);
      sp--;
      for (int i = oparg - 1; i >= 0; i--) PUSH(new_ref(items[i]));
    } else if (list_check_exact(seq) && unpack_list_fast(seq, oparg, sp - 1)) {
      sp += oparg - 1;
    } else {
      sp--;
      int err = unpack_iterable(seq, oparg, -1, sp);
      if (err < 0) {
        PUSH(seq);
        goto error;
      }
      sp += oparg;
    }
    decref(seq);
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    Object* seq = POP();
    int before = oparg & 0xFF;
    int after = oparg >> 8;
    int err = unpack_iterable(seq, before, after, sp);
    if (err < 0) {
      PUSH(seq);
      goto error;
    }
    sp += before + 1 + after;
    decref(seq);
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    Object* spec = (oparg & kFormatHaveSpec) ? POP() : nullptr;
    Object* v = TOP();
    Object* r = format_value(v, oparg & kFormatConvMask, spec);
    xdecref(spec);
    GOTO_ERROR_IF(r == nullptr);
    SET_TOP(r);
    decref(v);
    DISPATCH();
  }

  TARGET(GET_ITER) {
    Object* v = TOP();
    Object* it = get_iter(v);
    GOTO_ERROR_IF(it == nullptr);
    SET_TOP(it);
    decref(v);
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Object* it = TOP();
    Object* next = it->type->iternext != nullptr ? it->type->iternext(it) : iter_next(it);
    if (next != nullptr) {
      PUSH(next);
      DISPATCH();
    }
    if (has_error()) {
      GOTO_ERROR_IF(!error_matches(&kStopIterationType));
      clear_error();
    }
    sp--;
    decref(it);
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(JUMP_FORWARD) {
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(JUMP_BACKWARD) {
    JUMPTO(oparg);
    if (CONCH_UNLIKELY(ts->eval_breaker.load(std::memory_order_relaxed) != 0)) {
      f->lasti = INSTR_INDEX();
      GOTO_ERROR_IF(handle_eval_breaker(ts) < 0);
    }
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    Object* v = POP();
    if (v == kFalse || v == kNone) {
      JUMPTO(oparg);
    } else if (v != kTrue) {
      int t = is_true(v);
      if (t < 0) {
        decref(v);
        goto error;
      }
      if (t == 0) JUMPTO(oparg);
    }
    decref(v);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_TRUE) {
    Object* v = POP();
    if (v == kTrue) {
      JUMPTO(oparg);
    } else if (v != kFalse && v != kNone) {
      int t = is_true(v);
      if (t < 0) {
        decref(v);
        goto error;
      }
      if (t != 0) JUMPTO(oparg);
    }
    decref(v);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NONE) {
    Object* v = POP();
    if (v == kNone) JUMPTO(oparg);
    decref(v);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NOT_NONE) {
    Object* v = POP();
    if (v != kNone) JUMPTO(oparg);
    decref(v);
    DISPATCH();
  }

  TARGET(JUMP_IF_FALSE_OR_POP) {
    Object* v = TOP();
    int t = v == kTrue ? 1 : v == kFalse ? 0 : is_true(v);
    GOTO_ERROR_IF(t < 0);
    if (t == 0) {
      JUMPTO(oparg);
    } else {
      sp--;
      decref(v);
    }
    DISPATCH();
  }

  TARGET(JUMP_IF_TRUE_OR_POP) {
    Object* v = TOP();
    int t = v == kTrue ? 1 : v == kFalse ? 0 : is_true(v);
    GOTO_ERROR_IF(t < 0);
    if (t != 0) {
      JUMPTO(oparg);
    } else {
      sp--;
      decref(v);
    }
    DISPATCH();
  }

  TARGET(KW_NAMES) {
    kwnames = consts[oparg];
    DISPATCH();
  }

  TARGET(CALL) {
    // [NULL | method, callable | self, args...]
    int is_meth = PEEK(oparg + 2) != nullptr;
    int nargs = oparg + is_meth;
    Object* callable = PEEK(nargs + 1);
    Object** args = sp - nargs;
    f->lasti = INSTR_INDEX();
    if (function_check(callable) && kwnames == nullptr &&
        code_takes_exactly(as_code(as_function(callable)->code), static_cast<size_t>(nargs))) {
      // A Python function called with exactly its positional parameters:
      // the arguments move from this stack into the callee's locals.
      FunctionObject* fn = as_function(callable);
      CodeObject* callee = as_code(fn->code);
      Frame* nf = frame_stack_push(callee);
      GOTO_ERROR_IF(nf == nullptr);
      init_call_frame(nf, callee, fn, args, nargs);  // takes args and the callable
      sp -= nargs + 1;
      Object* res = eval_frame(ts, nf, false);
      clear_call_frame(nf);
      frame_stack_pop(nf);
      if (!is_meth) sp--;  // the NULL
      GOTO_ERROR_IF(res == nullptr);
      PUSH(res);
      DISPATCH();
    }
    size_t npos = static_cast<size_t>(nargs) - (kwnames != nullptr ? tuple_size(kwnames) : 0);
    Object* res = function_check(callable) ? function_call(callable, args, npos, kwnames)
                                           : call(callable, args, npos, kwnames);
    kwnames = nullptr;
    for (int i = 0; i < nargs; i++) decref(POP());
    decref(POP());  // the callable
    if (!is_meth) sp--;  // the NULL
    GOTO_ERROR_IF(res == nullptr);
    PUSH(res);
    DISPATCH();
  }

  TARGET(CALL_FUNCTION_EX) {
    Object* kwargs = (oparg & 1) ? POP() : nullptr;
    Object* callargs = POP();
    Object* func = TOP();
    f->lasti = INSTR_INDEX();
    Object* res = call_function_ex(func, callargs, kwargs);
    xdecref(kwargs);
    decref(callargs);
    decref(POP());
    xdecref(POP());  // the NULL (or method) slot
    GOTO_ERROR_IF(res == nullptr);
    PUSH(res);
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    Object* code = POP();
    Object* fn = function_new(code, f->globals);
    decref(code);
    if (fn == nullptr) {
      sp -= __builtin_popcount(oparg & 0xF);
      for (int i = 0; i < __builtin_popcount(oparg & 0xF); i++) decref(sp[i]);
      goto error;
    }
    FunctionObject* func = as_function(fn);
    if (oparg & kMakeFunctionClosure) func->closure = POP();
    if (oparg & kMakeFunctionAnnotations) func->annotations = POP();
    if (oparg & kMakeFunctionKwDefaults) func->kwdefaults = POP();
    if (oparg & kMakeFunctionDefaults) func->defaults = POP();
    PUSH(fn);
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    retval = POP();
    f->lasti = INSTR_INDEX();
    goto exit_frame;
  }

  TARGET(YIELD_VALUE) {
    retval = POP();
    f->lasti = INSTR_INDEX();
    f->yielded_from = f->lasti > 0 && instr_op(first_instr[f->lasti - 1]) == SEND;
    f->stackdepth = static_cast<int32_t>(sp - stack_base);
    ts->frame = f->back;
    leave_python_call(ts);
    return retval;
  }

  TARGET(GET_YIELD_FROM_ITER) {
    Object* v = TOP();
    if (!generator_check(v)) {
      Object* it = get_iter(v);
      GOTO_ERROR_IF(it == nullptr);
      SET_TOP(it);
      decref(v);
    }
    DISPATCH();
  }

  TARGET(SEND) {
    Object* v = TOP();
    Object* receiver = SECOND();
    Object* res = nullptr;
    int status = send_value(receiver, v, &res);
    sp--;
    decref(v);
    GOTO_ERROR_IF(status < 0);
    if (status == 0) {  // the subiterator returned: res is `yield from`'s value
      SET_TOP(res);
      decref(receiver);
      JUMPTO(oparg);
    } else {
      PUSH(res);
    }
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Object* fromlist = POP();
    Object* level = TOP();
    int64_t lv = 0;
    int_to_i64(level, &lv);
    f->lasti = INSTR_INDEX();
    Object* m = import_module_level(names[oparg], f->globals, fromlist, static_cast<int>(lv));
    decref(fromlist);
    GOTO_ERROR_IF(m == nullptr);
    SET_TOP(m);
    decref(level);
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    Object* v = import_name_from(TOP(), names[oparg]);  // vm/import.h
    GOTO_ERROR_IF(v == nullptr);
    PUSH(v);
    DISPATCH();
  }

  TARGET(IMPORT_STAR) {
    Object* m = POP();
    int err = import_star(f, m);
    decref(m);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(RAISE_VARARGS) {
    Object* cause = oparg == 2 ? POP() : nullptr;
    Object* exc = oparg >= 1 ? POP() : nullptr;
    bool reraise = do_raise(ts, exc, cause);  // steals both; always sets an error
    if (reraise) goto exception_unwind;
    goto error;
  }

  TARGET(RERAISE) {
    Object* exc = POP();
    restore_error(exc);
    f->lasti = INSTR_INDEX();
    goto exception_unwind;
  }

  TARGET(SETUP_FINALLY) {
    if (CONCH_UNLIKELY(f->blockdepth >= co->maxblocks)) {
      set_error(&kRuntimeErrorType, "block stack overflow");
      goto error;
    }
    Block* b = &f->blocks()[f->blockdepth++];
    b->kind = BlockKind::kSetupFinally;
    b->handler = oparg;
    b->level = static_cast<int32_t>(sp - stack_base);
    DISPATCH();
  }

  TARGET(SETUP_WITH) {
    if (CONCH_UNLIKELY(f->blockdepth >= co->maxblocks)) {
      set_error(&kRuntimeErrorType, "block stack overflow");
      goto error;
    }
    Block* b = &f->blocks()[f->blockdepth++];
    b->kind = BlockKind::kSetupFinally;
    b->handler = oparg;
    b->level = static_cast<int32_t>(sp - stack_base) - 1;
    DISPATCH();
  }

  TARGET(POP_BLOCK) {
    f->blockdepth--;
    DISPATCH();
  }

  TARGET(PUSH_EXC_INFO) {
    Object* exc = TOP();
    Object* prev = ts->handled_exception;
    SET_TOP(prev != nullptr ? prev : new_ref(kNone));
    ts->handled_exception = new_ref(exc);
    PUSH(exc);
    if (CONCH_UNLIKELY(f->blockdepth >= co->maxblocks)) {
      set_error(&kRuntimeErrorType, "block stack overflow");
      goto error;
    }
    Block* b = &f->blocks()[f->blockdepth++];
    b->kind = BlockKind::kExceptHandler;
    b->handler = -1;
    b->level = static_cast<int32_t>(sp - stack_base) - 2;
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    f->blockdepth--;
    Object* prev = POP();
    if (prev == kNone) {
      decref(prev);
      prev = nullptr;
    }
    set_slot(&ts->handled_exception, prev);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    Object* type = TOP();
    int r = check_exc_match(SECOND(), type);
    GOTO_ERROR_IF(r < 0);
    SET_TOP(new_bool(r != 0));
    decref(type);
    DISPATCH();
  }

  TARGET(BEFORE_WITH) {
    Object* mgr = TOP();
    Object* exit = nullptr;
    Object* res = enter_context(mgr, &exit);
    GOTO_ERROR_IF(res == nullptr);
    SET_TOP(exit);
    decref(mgr);
    PUSH(res);
    DISPATCH();
  }

  TARGET(WITH_EXCEPT_START) {
    // [exit, prev, exc]
    Object* res = call_exit_with_exception(PEEK(3), TOP());
    GOTO_ERROR_IF(res == nullptr);
    PUSH(res);
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Object* bc = dict_get_item_str_ref(f->builtins, "__build_class__");
    if (bc == nullptr) {
      set_error(&kNameErrorType, "__build_class__ not found");
      goto error;
    }
    PUSH(bc);
    DISPATCH();
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(new_ref(&kAssertionErrorType));
    DISPATCH();
  }

  TARGET(SETUP_ANNOTATIONS) {
    GOTO_ERROR_IF(setup_annotations(f) < 0);
    DISPATCH();
  }

  TARGET(PRINT_EXPR) {
    Object* v = POP();
    int err = print_expr(v);
    decref(v);
    GOTO_ERROR_IF(err < 0);
    DISPATCH();
  }

  TARGET(MATCH_PATTERN) {
    // [subject, descriptor, values...] -> captures tuple or None (match.h)
    Object** values = sp - oparg;
    Object* desc = values[-1];
    Object* subject = values[-2];
    f->lasti = INSTR_INDEX();
    Object* res = match_pattern(subject, desc, values, oparg);
    for (int i = 0; i < oparg + 2; i++) decref(POP());
    GOTO_ERROR_IF(res == nullptr);
    PUSH(res);
    DISPATCH();
  }

  TARGET(GET_AWAITABLE) {
    Object* v = TOP();
    f->lasti = INSTR_INDEX();
    Object* it = get_awaitable_for(v, oparg);
    GOTO_ERROR_IF(it == nullptr);
    SET_TOP(it);
    decref(v);
    DISPATCH();
  }

  TARGET(BEFORE_ASYNC_WITH) {
    Object* mgr = TOP();
    Object* exit = nullptr;
    f->lasti = INSTR_INDEX();
    Object* res = enter_async_context(mgr, &exit);
    GOTO_ERROR_IF(res == nullptr);
    SET_TOP(exit);
    decref(mgr);
    PUSH(res);
    DISPATCH();
  }

  TARGET(GET_AITER) {
    Object* v = TOP();
    f->lasti = INSTR_INDEX();
    Object* it = get_async_iter(v);
    GOTO_ERROR_IF(it == nullptr);
    SET_TOP(it);
    decref(v);
    DISPATCH();
  }

  TARGET(GET_ANEXT) {
    f->lasti = INSTR_INDEX();
    Object* awaitable = call_method(TOP(), "__anext__", {});
    GOTO_ERROR_IF(awaitable == nullptr);
    PUSH(awaitable);
    DISPATCH();
  }

  TARGET(END_ASYNC_FOR) {
    // [aiter, exc]: StopAsyncIteration ends the loop; anything else propagates.
    Object* exc = POP();
    if (exception_matches(exc, &kStopAsyncIterationType)) {
      decref(exc);
      decref(POP());
      DISPATCH();
    }
    restore_error(exc);
    f->lasti = INSTR_INDEX();
    goto exception_unwind;
  }

  DISPATCH_SWITCH_END

#if !CONCH_COMPUTED_GOTO
unknown_opcode:
  set_error(&kRuntimeErrorType, "unknown opcode");
  goto error;
#endif

error:
  f->lasti = INSTR_INDEX();
  kwnames = nullptr;
  on_new_exception(ts, co, f->lasti);

exception_unwind:
  while (f->blockdepth > 0) {
    Block* b = &f->blocks()[--f->blockdepth];
    Object** level = stack_base + b->level;
    if (b->kind == BlockKind::kExceptHandler) {
      while (sp > level + 1) xdecref(POP());
      Object* prev = POP();
      if (prev == kNone) {
        decref(prev);
        prev = nullptr;
      }
      set_slot(&ts->handled_exception, prev);
      continue;
    }
    while (sp > level) xdecref(POP());
    PUSH(fetch_error());
    JUMPTO(b->handler);
    DISPATCH();
  }
  while (sp > stack_base) xdecref(POP());
  retval = nullptr;

exit_frame:
  while (sp > stack_base) xdecref(POP());
  f->stackdepth = 0;
  f->blockdepth = 0;
  ts->frame = f->back;
  leave_python_call(ts);
  return retval;
}

// ---------------------------------------------------------------------------
// Module-level entry.

Object* eval_code(Object* code, Object* globals, Object* locals) {
  if (dict_get_item_str(globals, "__builtins__") == nullptr) {
    if (has_error()) return nullptr;
    if (dict_set_item_str(globals, "__builtins__", builtins_module()) < 0) return nullptr;
  }
  CodeObject* co = as_code(code);
  if (co->ncells > co->ncellvars) {
    set_error(&kTypeErrorType, "code object passed to exec() may not contain free variables");
    return nullptr;
  }
  Frame* f = frame_stack_push(co);
  if (f == nullptr) return nullptr;
  frame_init(f, co, nullptr, globals, locals != nullptr ? locals : globals);
  Object* result = eval_frame(current_thread(), f, false);
  frame_clear(f);
  frame_stack_pop(f);
  return result;
}

// ---------------------------------------------------------------------------
// Hooks for the class machinery (declared in vm/typeobject.h).

Object* eval_class_body(Object* func, Object* ns) { return function_call_with_locals(func, ns); }

int current_super_args(Object** type_out, Object** self_out) {
  Frame* f = current_thread()->frame;
  if (f == nullptr) {
    set_error(&kRuntimeErrorType, "super(): no current frame");
    return -1;
  }
  CodeObject* co = f->code;
  if (co->argcount == 0 && !(co->flags & kCoVarargs)) {
    set_error(&kRuntimeErrorType, "super(): no arguments");
    return -1;
  }
  Object* self = f->localsplus[0];
  if (self == nullptr && co->cell2arg != nullptr) {
    // The first argument was moved into a cell (it is captured).
    for (int i = 0; i < co->ncellvars; i++) {
      if (co->cell2arg[i] == 0 && f->cells()[i] != nullptr) self = cell_get(f->cells()[i]);
    }
  }
  if (self == nullptr) {
    set_error(&kRuntimeErrorType, "super(): arg[0] deleted");
    return -1;
  }
  for (int i = 0; i < co->ncells - co->ncellvars; i++) {
    if (!str_equal_cstr(tuple_get(co->freevars, i), "__class__")) continue;
    Object* cell = f->cells()[co->ncellvars + i];
    Object* type = cell != nullptr ? cell_get(cell) : nullptr;
    if (type == nullptr) {
      set_error(&kRuntimeErrorType, "super(): empty __class__ cell");
      return -1;
    }
    if (!is_instance_of(type, &kTypeType)) {
      set_error_fmt(&kRuntimeErrorType, "super(): __class__ is not a type (%s)", type_name(type));
      return -1;
    }
    *type_out = type;
    *self_out = self;
    return 0;
  }
  set_error(&kRuntimeErrorType, "super(): __class__ cell not found");
  return -1;
}

bool frame_super_args(Object** type, Object** obj) { return current_super_args(type, obj) == 0; }

void init_eval_types() {
  init_code_type();
  init_function_types();
  init_generator_type();
}

}  // namespace conch::vm
