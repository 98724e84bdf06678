// Exception internals shared by exceptions.cc and traceback.cc, and the
// exception types beyond the vm/errors.h contract.
//
// Layout of every exception instance (BaseException and all subclasses; heap
// subclasses append their own words after it):
//   dict       owned, nullable  the instance __dict__; type-specific
//                               attributes (errno, filename, msg, lineno, ...)
//                               live here, read through getsets that default
//                               to None
//   args       owned            tuple, never null after __new__
//   traceback  owned, nullable  traceback object (newest frame first)
//   context    owned, nullable  __context__
//   cause      owned, nullable  __cause__
//   suppress_context            __suppress_context__
#pragma once

#include "vm/errors.h"
#include "vm/object.h"

namespace conch::vm {

struct ExceptionObject : Object {
  Object* dict;
  Object* args;
  Object* traceback;
  Object* context;
  Object* cause;
  bool suppress_context;
};

// Types CPython has that the contract does not list.
extern Type kSystemErrorType;
extern Type kReferenceErrorType;
extern Type kNotADirectoryErrorType;
extern Type kTimeoutErrorType;
extern Type kInterruptedErrorType;
extern Type kBlockingIOErrorType;
extern Type kChildProcessErrorType;
extern Type kProcessLookupErrorType;
extern Type kConnectionErrorType;
extern Type kBrokenPipeErrorType;
extern Type kConnectionAbortedErrorType;
extern Type kConnectionRefusedErrorType;
extern Type kConnectionResetErrorType;
extern Type kUnicodeTranslateErrorType;
extern Type kPendingDeprecationWarningType;
extern Type kSyntaxWarningType;
extern Type kFutureWarningType;
extern Type kImportWarningType;
extern Type kUnicodeWarningType;
extern Type kBytesWarningType;
extern Type kResourceWarningType;
extern Type kEncodingWarningType;

// Registers every exception class (and the aliases EnvironmentError,
// IOError) into the builtins dict.  Called by the builtins module's init.
int install_exception_builtins(Object* builtins_dict);

// The attribute `name` from the exception's dict (borrowed), or null.
Object* exception_dict_attr(Object* exc, const char* name);

// Reports an exception nothing can catch (raised by __del__), as CPython's
// PyErr_WriteUnraisable: "Exception ignored in: <repr of where>" and the
// traceback, on sys.stderr.  Consumes nothing; exc is borrowed.
void print_unraisable(Object* where, Object* exc);
// Writes a warning as the warnings module's default action shows it:
// "file:line: Category: message" for the running Python frame, its source
// line, then `extra` lines if any.  conch has no warnings filters.
void print_warning(Type* category, std::string_view message, std::string_view extra = {});

void init_traceback_types();  // traceback.cc; called by init_exception_types

}  // namespace conch::vm
