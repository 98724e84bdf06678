// Out-of-line pieces of the eval loop's handlers: the rare, long or
// allocation-heavy parts, kept out of eval_frame so its C++ stack frame stays
// small (every Python call is a C++ recursion into eval_frame).  Internal to
// vm/eval/; conventions as vm/object.h (new references, nullptr/-1 + error).
#pragma once

#include <cstdint>

#include "base/macros.h"
#include "vm/compile/code.h"
#include "vm/eval/frame.h"
#include "vm/object.h"
#include "vm/thread_state.h"
#include "vm/types/float.h"
#include "vm/types/int.h"

namespace conch::vm {

// Errors with CPython 3.11's wording.
void raise_unbound_local(CodeObject* co, int index);
void raise_unbound_deref(CodeObject* co, int index);
void raise_name_error(Object* name);

// LOAD_NAME / STORE_NAME / DELETE_NAME against the frame's locals mapping.
Object* load_name(Frame* f, Object* name);
int store_name(Frame* f, Object* name, Object* v);
int delete_name(Frame* f, Object* name);
Object* load_classderef(Frame* f, int index);

// LOAD_METHOD: 1 and *meth = the unbound function (call with self) when the
// attribute is a plain method; 0 and *meth = the attribute otherwise; -1.
int lookup_method(Object* obj, Object* name, Object** meth);

// BINARY_OP on two small exact ints; nullptr (no error) when not handled.
// Inline: loop counters and indices make this the commonest BINARY_OP.
CONCH_ALWAYS_INLINE Object* int_binary_fast(Object* a, Object* b, int op) {
  int64_t x = int_small_value(a);
  int64_t y = int_small_value(b);
  if (op >= kInplaceOffset) op -= kInplaceOffset;
  switch (static_cast<BinaryOp>(op)) {
    case BinaryOp::kAdd: return int_add_small(x, y);
    case BinaryOp::kSubtract: return int_sub_small(x, y);
    case BinaryOp::kMultiply: return int_mul_small(x, y);
    case BinaryOp::kFloorDivide:
      if (y == 0) return nullptr;  // the slow path raises ZeroDivisionError
      return int_floordiv_small(x, y);
    case BinaryOp::kRemainder:
      if (y == 0) return nullptr;
      return int_mod_small(x, y);
    case BinaryOp::kAnd: return int_new_small(x & y);
    case BinaryOp::kOr: return int_new_small(x | y);
    case BinaryOp::kXor: return int_new_small(x ^ y);
    default: return nullptr;
  }
}

// An exact float's value, or a small exact int's converted as CPython's
// float slots convert an int operand (round to nearest); false otherwise.
CONCH_ALWAYS_INLINE bool number_as_double(const Object* o, double* out) {
  if (o->type == &kFloatType) {
    *out = float_value_fast(o);
    return true;
  }
  if (o->type == &kIntType && int_is_small(o)) {
    *out = static_cast<double>(int_small_value(o));
    return true;
  }
  return false;
}

// BINARY_OP + - * / (and their in-place forms) when one operand is an exact
// float and the other an exact float or small int: IEEE arithmetic is what
// float_add & co. compute.  0 when not handled (operands untouched),
// including division by zero (the slow path raises).  1 when handled: *res
// is the result and the caller's references to both operands were
// consumed: a float operand the stack held the only reference to becomes
// the result (no allocation), and dying float operands skip dealloc()'s
// dispatch (float_result_steal).  -1: MemoryError, nothing consumed.
CONCH_ALWAYS_INLINE int float_binary_steal(Object* a, Object* b, int op, Object** res) {
  if (a->type != &kFloatType && b->type != &kFloatType) return 0;
  double x, y;
  if (!number_as_double(a, &x) || !number_as_double(b, &y)) return 0;
  if (op >= kInplaceOffset) op -= kInplaceOffset;
  double r;
  switch (static_cast<BinaryOp>(op)) {
    case BinaryOp::kAdd: r = x + y; break;
    case BinaryOp::kSubtract: r = x - y; break;
    case BinaryOp::kMultiply: r = x * y; break;
    case BinaryOp::kTrueDivide:
      if (y == 0.0) return 0;
      r = x / y;
      break;
    default: return 0;
  }
  *res = float_result_steal(a, b, r);
  return *res != nullptr ? 1 : -1;
}

// COMPARE_OP on an exact float and an exact float or small int whose
// conversion is exact (|v| <= 2**53): -1 when not handled, else 0/1.
CONCH_ALWAYS_INLINE int float_compare_fast(const Object* a, const Object* b, int op) {
  if (a->type != &kFloatType && b->type != &kFloatType) return -1;
  double x, y;
  if (!number_as_double(a, &x) || !number_as_double(b, &y)) return -1;
  constexpr int64_t kExact = int64_t{1} << 53;
  if (a->type != &kFloatType && (int_small_value(a) > kExact || int_small_value(a) < -kExact)) {
    return -1;
  }
  if (b->type != &kFloatType && (int_small_value(b) > kExact || int_small_value(b) < -kExact)) {
    return -1;
  }
  switch (op) {  // NaN: every comparison false except !=, as C++ and Python agree
    case 0: return x < y;
    case 1: return x <= y;
    case 2: return x == y;
    case 3: return x != y;
    case 4: return x > y;
    default: return x >= y;
  }
}
CONCH_ALWAYS_INLINE bool compare_i64(int64_t a, int64_t b, int op) {
  switch (op) {
    case 0: return a < b;
    case 1: return a <= b;
    case 2: return a == b;
    case 3: return a != b;
    case 4: return a > b;
    default: return a >= b;
  }
}

// Builders over stack slices (items borrowed).
Object* build_set(Object* const* items, int n);
Object* build_map(Object* const* items, int npairs);
Object* build_const_key_map(Object* keys, Object* const* values, int n);
Object* build_string(Object* const* items, int n);
int list_extend_op(Object* list, Object* iterable);
int set_update_op(Object* set, Object* iterable);
int dict_update_op(Object* dict, Object* other);
int dict_merge_op(Object* dict, Object* other, Object* callable);

// Unpacks `seq` into out[] in stack order (out[0] is the last item).  after
// < 0: exactly `before` items; otherwise before + a list + after items.
int unpack_iterable(Object* seq, int before, int after, Object** out);
// Exact list of exactly n items: fills out[] in stack order (new
// references) and returns true; false (nothing written) otherwise.
bool unpack_list_fast(Object* list, int n, Object** out);

Object* format_value(Object* v, int conversion, Object* spec);
Object* call_function_ex(Object* func, Object* callargs, Object* kwargs);

// SEND: 1 and *res = yielded value; 0 and *res = return value; -1.
int send_value(Object* receiver, Object* v, Object** res);

int import_star(Frame* f, Object* module);

// RAISE_VARARGS: sets the exception (stealing exc and cause).  Returns true
// for a bare `raise` (re-raise: no new traceback entry).
bool do_raise(ThreadState* ts, Object* exc, Object* cause);
int check_exc_match(Object* exc, Object* type);
Object* enter_context(Object* mgr, Object** exit_out);
// type(o).name bound to o (CPython's _PyObject_LookupSpecial); nullptr
// without an exception when absent.
Object* lookup_special(Object* o, Object* name);
// async with: __aexit__ bound into *exit_out, and __aenter__()'s result.
Object* enter_async_context(Object* mgr, Object** exit_out);
// GET_AWAITABLE: get_awaitable_iter with CPython's messages for
// `async with` (where 1: __aenter__, 2: __aexit__) and the check that a
// coroutine is not awaited twice at once.
Object* get_awaitable_for(Object* o, int where);
// GET_AITER: o.__aiter__(), checked to have __anext__.
Object* get_async_iter(Object* o);
Object* call_exit_with_exception(Object* exit, Object* exc);
int setup_annotations(Frame* f);
int print_expr(Object* v);

// A new exception is leaving an instruction: traceback entry and __context__.
void on_new_exception(ThreadState* ts, CodeObject* co, int index);

}  // namespace conch::vm
