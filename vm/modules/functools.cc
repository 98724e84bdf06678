// _functools: the C++ half of vm/lib/functools.py.  reduce lives here
// because it is a loop over calls that benchmarks run hot; the rest of
// functools is Python.
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/modules/stdlib.h"
#include "vm/types.h"

namespace conch::vm {

namespace {

Object* functools_reduce(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_no_kwargs("reduce", kwnames)) return nullptr;
  if (nargs < 2 || nargs > 3) {
    set_error_fmt(&kTypeErrorType, "reduce expected at %s %d arguments, got %d",
                  nargs < 2 ? "least" : "most", nargs < 2 ? 2 : 3, static_cast<int>(nargs));
    return nullptr;
  }
  Object* func = args[0];
  Ref<> it = steal(get_iter(args[1]));
  if (!it) {
    if (error_matches(&kTypeErrorType)) {
      clear_error();
      set_error(&kTypeErrorType, "reduce() arg 2 must support iteration");
    }
    return nullptr;
  }
  Ref<> acc = nargs == 3 ? borrow(args[2]) : nullptr;
  for (;;) {
    Ref<> item = steal(iter_next(it.get()));
    if (!item) {
      if (has_error()) return nullptr;
      break;
    }
    if (!acc) {
      acc = std::move(item);
      continue;
    }
    Object* call_args[2] = {acc.get(), item.get()};
    Ref<> next = steal(call(func, call_args, 2));
    if (!next) return nullptr;
    acc = std::move(next);
  }
  if (!acc) {
    set_error(&kTypeErrorType, "reduce() of empty iterable with no initial value");
    return nullptr;
  }
  return acc.release();
}

const MethodDef kFunctions[] = {
    {"reduce", functools_reduce, kMethodDefault,
     "reduce(function, iterable[, initial]) -> value\n\n"
     "Apply a function of two arguments cumulatively to the items of a sequence."},
    {nullptr, nullptr, 0, nullptr},
};

}  // namespace

Object* init_functools_module() {
  Ref<> m = steal(module_new("_functools"));
  if (!m) return nullptr;
  if (module_add_functions(m.get(), kFunctions) < 0) return nullptr;
  return m.release();
}

}  // namespace conch::vm
