// Argument parsing for builtins (vm/args.h), with CPython's messages.
#include "vm/args.h"

#include <string>

#include "absl/strings/str_format.h"
#include "vm/errors.h"
#include "vm/types.h"

namespace conch::vm {

namespace {

const char* plural(size_t n) { return n == 1 ? "" : "s"; }

// More arguments than names: CPython's Argument Clinic counts positional
// and keyword arguments together here ("int() takes at most 2 arguments
// (3 given)"), before it looks at positions.
bool too_many_arguments(const ArgSpec& spec, size_t nargs, size_t nkw) {
  size_t max = spec.names.size();
  set_error_fmt(&kTypeErrorType, "%s() takes at most %d %sargument%s (%d given)", spec.fname,
                static_cast<int>(max), nargs == 0 ? "keyword " : "", plural(max),
                static_cast<int>(nargs + nkw));
  return false;
}

bool too_many_positional(const ArgSpec& spec, size_t nargs) {
  if (spec.max_positional == 0) {
    set_error_fmt(&kTypeErrorType, "%s() takes no positional arguments", spec.fname);
  } else {
    set_error_fmt(&kTypeErrorType, "%s() takes %s %d positional argument%s (%d given)", spec.fname,
                  spec.min_args == spec.names.size() ? "exactly" : "at most",
                  static_cast<int>(spec.max_positional), plural(spec.max_positional),
                  static_cast<int>(nargs));
  }
  return false;
}

// Index of `name` among spec.names, or -1.
int find_name(const ArgSpec& spec, Object* name) {
  for (size_t i = 0; i < spec.names.size(); ++i) {
    if (str_equal_cstr(name, spec.names[i])) return static_cast<int>(i);
  }
  return -1;
}

bool place_keywords(const ArgSpec& spec, Object* const* kwvalues, Object* kwnames, Object** out) {
  ssize_t nkw = tuple_size(kwnames);
  for (ssize_t k = 0; k < nkw; ++k) {
    Object* name = tuple_get(kwnames, k);
    int i = find_name(spec, name);
    if (i < 0 || static_cast<size_t>(i) < spec.positional_only) {
      if (i >= 0) {
        set_error_fmt(&kTypeErrorType,
                      "%s() got some positional-only arguments passed as keyword arguments: '%s'",
                      spec.fname, str_view(name));
      } else {
        // CPython 3.11's builtins all word it so (Python functions say
        // "got an unexpected keyword argument": vm/eval/function.cc).
        set_error_fmt(&kTypeErrorType, "'%s' is an invalid keyword argument for %s()",
                      str_view(name), spec.fname);
      }
      return false;
    }
    if (out[i] != nullptr) {
      set_error_fmt(&kTypeErrorType, "argument for %s() given by name ('%s') and position (%d)",
                    spec.fname, spec.names[i], i + 1);
      return false;
    }
    out[i] = kwvalues[k];
  }
  return true;
}

}  // namespace

bool parse_args(const ArgSpec& spec, Object* const* args, size_t nargs, Object* kwnames,
                Object** out) {
  size_t n = spec.names.size();
  for (size_t i = 0; i < n; ++i) out[i] = nullptr;
  size_t nkw = kwnames != nullptr ? static_cast<size_t>(tuple_size(kwnames)) : 0;
  if (nargs + nkw > n) return too_many_arguments(spec, nargs, nkw);
  if (nargs > spec.max_positional) return too_many_positional(spec, nargs);
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames != nullptr && tuple_size(kwnames) > 0) {
    if (!place_keywords(spec, args + nargs, kwnames, out)) return false;
  }
  for (size_t i = 0; i < spec.min_args && i < n; ++i) {
    if (out[i] == nullptr) {
      set_error_fmt(&kTypeErrorType, "%s() missing required argument '%s' (pos %d)", spec.fname,
                    spec.names[i], static_cast<int>(i + 1));
      return false;
    }
  }
  return true;
}

bool check_no_kwargs(const char* fname, Object* kwnames) {
  if (kwnames == nullptr || tuple_size(kwnames) == 0) return true;
  set_error_fmt(&kTypeErrorType, "%s() takes no keyword arguments", fname);
  return false;
}

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max, Object* kwnames) {
  if (!check_no_kwargs(fname, kwnames)) return false;
  if (nargs >= min && nargs <= max) return true;
  if (max == 0) {
    set_error_fmt(&kTypeErrorType, "%s() takes no arguments (%d given)", fname,
                  static_cast<int>(nargs));
  } else if (min == 1 && max == 1) {
    set_error_fmt(&kTypeErrorType, "%s() takes exactly one argument (%d given)", fname,
                  static_cast<int>(nargs));
  } else {
    const char* prefix = min == max ? "" : nargs < min ? "at least " : "at most ";
    size_t bound = nargs < min ? min : max;
    set_error_fmt(&kTypeErrorType, "%s expected %s%d argument%s, got %d", fname, prefix,
                  static_cast<int>(bound), plural(bound), static_cast<int>(nargs));
  }
  return false;
}

}  // namespace conch::vm
