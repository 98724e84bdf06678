// Argument parsing for builtin functions and methods (vectorcall shape).
//
//   static const ArgSpec spec{"sorted", {"iterable", "key", "reverse"},
//                             /*min_args=*/1, /*max_positional=*/1};
//   Object* a[3];
//   if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
//
// out[i] receives a borrowed pointer or nullptr when the argument was not
// given.  Errors are TypeErrors worded as CPython words them:
//   "sorted() takes at most 1 positional argument (2 given)"
//   "'x' is an invalid keyword argument for sorted()"
//   "sorted() missing required argument 'iterable' (pos 1)"
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include "vm/object.h"

namespace conch::vm {

struct ArgSpec {
  const char* fname;
  std::vector<const char*> names;
  size_t min_args = 0;         // required, counted from the front
  size_t max_positional = 0;   // arguments after this are keyword-only
  size_t positional_only = 0;  // leading arguments that cannot be keywords
};

bool parse_args(const ArgSpec& spec, Object* const* args, size_t nargs, Object* kwnames,
                Object** out);

// Quick checks for functions without keywords.
bool check_no_kwargs(const char* fname, Object* kwnames);
// "f() takes exactly one argument (2 given)" style checks; include kwargs check.
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max, Object* kwnames);

}  // namespace conch::vm
