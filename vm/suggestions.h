// "Did you mean" suggestions for AttributeError and NameError, as CPython
// 3.11 prints them (Python/suggestions.c): not part of str(exc), only of
// the traceback's last line, computed when the traceback is printed.
//
// Two halves:
//   * Context, recorded where the error is raised.  A failed attribute
//     lookup (vm/abstract.cc getattr, the eval loop's LOAD_METHOD) stores
//     the object and the name as the AttributeError's `obj` and `name`
//     unless the exception already has them (so an AttributeError raised by
//     a __getattr__ is augmented too, as CPython's PyObject_GetAttr does).
//     A failed name lookup stores `name` on the NameError; the innermost
//     traceback entry keeps the frame's globals and builtins (traceback.cc).
//   * The suggestion, at print time: the closest candidate by CPython's
//     Levenshtein distance (case flips cost 1, other edits 2; at most a
//     third of the characters may change; lists of 750 names or more are
//     not searched).  Candidates: dir(obj) for AttributeError; for NameError
//     the innermost frame's local variable names, then its globals, then
//     the builtins, stopping at the first list with a match.
//
// Only exact AttributeError / NameError instances get suggestions (not
// subclasses such as UnboundLocalError), as in CPython 3.11.
#pragma once

#include "vm/object.h"

namespace conch::vm {

// After a failed lookup of `name` on `obj`: if the pending exception is an
// AttributeError without name/obj, records them.  Never raises.
void attribute_error_add_context(Object* obj, Object* name);

// Raises NameError "name 'x' is not defined" with `name` recorded.
void raise_name_error_with_context(Object* name);

// The candidate in `names` (a list or tuple of str) closest to `name`, as a
// new reference, or null (no exception) when none is close enough.
Object* closest_name(Object* name, Object* names);

// The suggested name for an AttributeError (dir of its `obj`), or null.
// Never leaves an exception set.
Object* attribute_error_suggestion(Object* exc);

}  // namespace conch::vm
