// Helpers shared by the container types (tuple, list, dict, set, range,
// slice, the iterator types): the repr recursion guard, the "unhashable"
// hash slot, identity __iter__, and the operand checks that word sequence
// arithmetic errors as CPython does.
//
// The repr guard is CPython's Py_ReprEnter/Py_ReprLeave: a per-thread stack
// of the containers whose repr is in progress, so `l = []; l.append(l)`
// prints "[[...]]" instead of recursing.  It is per thread, so it needs no
// lock in either build.
#pragma once

#include <string>

#include "vm/object.h"

namespace conch::vm {

// 0: entered (call repr_leave later); 1: o is already being repr'd (print
// the "..." form, do not call repr_leave).
int repr_enter(Object* o);
void repr_leave(Object* o);

// RAII form: `ReprGuard g{o}; if (g.recursive()) return "[...]";`
class ReprGuard {
 public:
  explicit ReprGuard(Object* o) : o_(o), recursive_(repr_enter(o) != 0) {}
  ~ReprGuard() {
    if (!recursive_) repr_leave(o_);
  }
  bool recursive() const { return recursive_; }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;

 private:
  Object* o_;
  bool recursive_;
};

// `__class_getitem__` (kMethodClass) for list[int], dict[str, int] ...:
// a types.GenericAlias (vm/lib/types.py), as CPython.
Object* class_getitem_self(Object* cls, Object* const* args, size_t nargs, Object* kwnames);

// Argument-count check for builtin methods, worded as CPython words each
// case: "list.append() takes exactly one argument (0 given)", "list.copy()
// takes no arguments (1 given)", "pop expected at most 1 argument, got 2",
// "dict.get() takes no keyword arguments".  `owner` is the defining type's
// name.
bool method_nargs(const char* owner, const char* name, size_t nargs, size_t min, size_t max,
                  Object* kwnames);

// Hash slot of mutable containers: TypeError "unhashable type: 'list'".
hash_t hash_unhashable(Object* o);
// iter slot of iterators: returns self.
Object* iter_self(Object* o);

// Appends repr(o) to out; false with an exception set on failure.
bool append_repr(std::string* out, Object* o);

// A heap type with its own reflected number slot may still handle an
// operation a built-in sequence rejects (e.g. `[] + Foo()` with
// Foo.__radd__): such operands get NotImplemented, everything else the
// CPython TypeError.
bool defers_to_other_operand(Object* other);

// Sequence index conversion: int (or __index__) to ssize_t, with CPython's
// "<what> indices must be integers or slices, not str" TypeError.  Big
// values become IndexError "cannot fit 'int' into an index-sized integer".
bool seq_index(Object* key, const char* what, ssize_t* out);

// Clamps an index given to list.index()/tuple.index() start/stop
// (PyNumber_AsSsize_t with clamping, then negative adjustment).
bool clamp_index_arg(Object* v, ssize_t len, ssize_t* out);

// PySequence_Fast: v itself when it is a list or tuple, else a new list of
// its items; TypeError(msg) when v is not iterable.  New reference.
Object* sequence_fast(Object* v, const char* msg);
Object** sequence_fast_items(Object* s);
ssize_t sequence_fast_size(Object* s);

// Operands of a repetition slot (seq * n or n * seq) for sequences that
// satisfy `is_seq`.  1: *seq and *count set (count may be negative);
// 0: return NotImplemented; -1: error ("can't multiply sequence by non-int
// of type 'float'", or OverflowError for a huge count).
int repeat_operands(Object* a, Object* b, bool (*is_seq)(const Object*), Object** seq,
                    ssize_t* count);
// Operands of a concatenation slot.  1: both are sequences; 0: return
// NotImplemented; -1: TypeError 'can only concatenate list (not "tuple") to list'.
int concat_operands(Object* a, Object* b, bool (*is_seq)(const Object*), const char* tname);

}  // namespace conch::vm
