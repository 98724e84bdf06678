// Raising and catching Python exceptions from C++.
//
// The current exception lives in the thread state (one per OS thread).  A
// failing function sets it and returns nullptr / -1; its caller either handles
// it (fetch/clear) or passes the failure up.  Exceptions are always normalised:
// the stored object is an instance of a BaseException subclass.
//
// Implemented in vm/exceptions.cc together with the exception types.
#pragma once

#include <string>
#include <string_view>

#include "absl/strings/str_format.h"
#include "vm/object.h"

namespace conch::vm {

// The built-in exception hierarchy (CPython's names).  exceptions.cc.
extern Type kBaseExceptionType;
extern Type kExceptionType;
extern Type kSystemExitType;
extern Type kKeyboardInterruptType;
extern Type kGeneratorExitType;
extern Type kStopIterationType;
extern Type kArithmeticErrorType;
extern Type kZeroDivisionErrorType;
extern Type kOverflowErrorType;
extern Type kFloatingPointErrorType;
extern Type kAssertionErrorType;
extern Type kAttributeErrorType;
extern Type kLookupErrorType;
extern Type kIndexErrorType;
extern Type kKeyErrorType;
extern Type kNameErrorType;
extern Type kUnboundLocalErrorType;
extern Type kTypeErrorType;
extern Type kValueErrorType;
extern Type kUnicodeErrorType;
extern Type kUnicodeDecodeErrorType;
extern Type kUnicodeEncodeErrorType;
extern Type kRuntimeErrorType;
extern Type kRecursionErrorType;
extern Type kNotImplementedErrorType;
extern Type kMemoryErrorType;
extern Type kSyntaxErrorType;
extern Type kIndentationErrorType;
extern Type kTabErrorType;
extern Type kImportErrorType;
extern Type kModuleNotFoundErrorType;
extern Type kOSErrorType;
extern Type kFileNotFoundErrorType;
extern Type kFileExistsErrorType;
extern Type kPermissionErrorType;
extern Type kIsADirectoryErrorType;
extern Type kEOFErrorType;
extern Type kBufferErrorType;
extern Type kStopAsyncIterationType;
extern Type kWarningType;
extern Type kDeprecationWarningType;
extern Type kRuntimeWarningType;
extern Type kUserWarningType;

// Raises `type(msg)`.
void set_error(Type* type, std::string_view msg);
// Raises `type(*args)` where args is a tuple (stolen), or `type()` when null.
void set_error_args(Type* type, Object* args);
// Raises an existing exception instance (or a class, instantiated with no
// arguments).  Takes a new reference.
void set_error_object(Object* exc);
template <typename... Args>
void set_error_fmt(Type* type, const absl::FormatSpec<Args...>& fmt, const Args&... args) {
  set_error(type, absl::StrFormat(fmt, args...));
}
// KeyError(key), keeping the key object (so str(e) is repr(key)).
void set_key_error(Object* key);
// OSError subclass from errno, as CPython's PyErr_SetFromErrnoWithFilename.
void set_error_from_errno(int err, const char* filename /*nullable*/);
// MemoryError; returns nullptr for `return no_memory();`.
Object* no_memory();

bool has_error();
// Is the current exception an instance of `type` (or of a class in a tuple)?
bool error_matches(Object* type_or_tuple);
inline bool error_matches(Type* t) { return error_matches(static_cast<Object*>(t)); }
// Takes the current exception (new reference) and clears it; nullptr if none.
Object* fetch_error();
// Makes `exc` (stolen, may be null) the current exception.
void restore_error(Object* exc);
void clear_error();

// Is `exc` an instance of `type_or_tuple`?
bool exception_matches(Object* exc, Object* type_or_tuple);

// `type(self).__name__` helper for messages: "'int' object is not callable".
const char* type_name(const Object* o);

// Exception instance fields (CPython's attributes).
Object* exception_args(Object* exc);       // borrowed tuple
Object* exception_traceback(Object* exc);  // borrowed, nullable
void exception_set_traceback(Object* exc, Object* tb);  // increfs
Object* exception_cause(Object* exc);      // borrowed, nullable
void exception_set_cause(Object* exc, Object* cause);   // increfs; sets suppress_context
Object* exception_context(Object* exc);    // borrowed, nullable
void exception_set_context(Object* exc, Object* ctx);   // increfs
Object* exception_value_of_stop_iteration(Object* exc);  // borrowed .value

// Traceback entries: a linked list of (filename, function name, line) that the
// eval loop prepends to as an exception passes out of each frame.
extern Type kTracebackType;
Object* traceback_new(Object* next, Object* code, int lineno);
// Adds an entry for the frame `code` at `lineno` to the current exception.
void traceback_add(Object* code, int lineno);
// Writes "Traceback (most recent call last): ..." for exc to stderr, with
// chained causes/contexts as CPython prints them.
void print_exception(Object* exc);
std::string format_exception(Object* exc);

}  // namespace conch::vm
