// builtins: the functions that look at namespaces and run code (globals,
// locals, vars, dir, exec, eval, compile, __import__).
#include <cstdint>
#include <string>

#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/eval/frame.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/modules/builtins_impl.h"
#include "vm/modules/modules.h"
#include "vm/types.h"

namespace conch::vm::bltin {

static Object* caller_locals() {
  Frame* f = current_frame();
  if (f == nullptr) return dict_new();
  return frame_locals_dict(f);
}

Object* builtin_globals(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("globals", nargs, kwnames)) return nullptr;
  Object* g = current_globals();
  return g != nullptr ? new_ref(g) : dict_new();
}

Object* builtin_locals(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!no_args("locals", nargs, kwnames)) return nullptr;
  return caller_locals();
}

Object* builtin_vars(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("vars", nargs, 0, 1, kwnames)) return nullptr;
  if (nargs == 0) return caller_locals();
  Object* d = lookup_attr(args[0], str_intern("__dict__"));
  if (d == nullptr && !has_error()) {
    set_error(&kTypeErrorType, "vars() argument must have __dict__ attribute");
  }
  return d;
}

// dir(obj) when the type has no __dir__: the instance dict's keys and every
// class along the MRO (for a type: its own MRO).
static int collect_dir_names(Object* obj, Object* names) {
  Ref<> d = steal(lookup_attr(obj, str_intern("__dict__")));
  if (!d && has_error()) return -1;
  if (d && dict_check(d.get()) && dict_update(names, d.get()) < 0) return -1;
  Type* t = is_instance_of(obj, &kTypeType) ? static_cast<Type*>(obj) : obj->type;
  if (t->mro == nullptr) return 0;
  for (ssize_t i = 0; i < tuple_size(t->mro); ++i) {
    Object* tdict = static_cast<Type*>(tuple_get(t->mro, i))->dict;
    if (tdict != nullptr && dict_update(names, tdict) < 0) return -1;
  }
  return 0;
}

static Object* sorted_keys(Object* mapping_or_iterable) {
  Ref<> list = steal(dict_check(mapping_or_iterable) ? dict_keys_list(mapping_or_iterable)
                                                     : list_from_iterable(mapping_or_iterable));
  if (!list || list_sort(list.get(), nullptr, false) < 0) return nullptr;
  return list.release();
}

Object* builtin_dir(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!positional_no_kw("dir", nargs, 0, 1, kwnames)) return nullptr;
  if (nargs == 0) {
    Ref<> locals = steal(caller_locals());
    return locals ? sorted_keys(locals.get()) : nullptr;
  }
  Object* obj = args[0];
  if (type_lookup(obj->type, str_intern("__dir__")) != nullptr) {
    Ref<> names = steal(call_method(obj, "__dir__", {}));
    return names ? sorted_keys(names.get()) : nullptr;
  }
  Ref<> names = steal(dict_new());
  if (!names || collect_dir_names(obj, names.get()) < 0) return nullptr;
  return sorted_keys(names.get());
}

// ---------------------------------------------------------------------------
// exec, eval, compile, __import__.

// Source text of exec/eval/compile's first argument; false with TypeError.
static bool source_text(const char* fname, Object* src, std::string* out) {
  if (str_check(src)) {
    *out = std::string(str_view(src));
  } else if (bytes_check(src)) {
    *out = std::string(bytes_view(src));
  } else {
    set_error_fmt(&kTypeErrorType, "%s() arg 1 must be a string, bytes or code object", fname);
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    set_error(&kValueErrorType, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

static Object* code_for(const char* fname, Object* src, CompileMode mode) {
  if (src->type == &kCodeType) return new_ref(src);
  std::string text;
  if (!source_text(fname, src, &text)) return nullptr;
  if (mode == CompileMode::kEval) {
    size_t start = text.find_first_not_of(" \t");
    text.erase(0, start == std::string::npos ? text.size() : start);
  }
  return compile_source(text, "<string>", mode);
}

// Resolves exec/eval's globals and locals (new references in *g, *l).
static bool namespaces(const char* fname, Object* globals, Object* locals, Ref<>* g, Ref<>* l) {
  if (globals == kNone) globals = nullptr;
  if (locals == kNone) locals = nullptr;
  if (globals != nullptr && !dict_check(globals)) {
    if (std::string_view(fname) == "exec") {
      set_error_fmt(&kTypeErrorType, "exec() globals must be a dict, not %s", type_name(globals));
    } else {
      set_error(&kTypeErrorType, "globals must be a real dict; try eval(expr, {}, mapping)");
    }
    return false;
  }
  if (globals == nullptr) {
    Object* cur = current_globals();
    *g = cur != nullptr ? borrow(cur) : steal(dict_new());
    *l = locals != nullptr ? borrow(locals) : steal(caller_locals());
  } else {
    *g = borrow(globals);
    *l = borrow(locals != nullptr ? locals : globals);
  }
  if (!*g || !*l) return false;
  if (dict_get_item_str(g->get(), "__builtins__") == nullptr) {
    if (has_error() || dict_set_item_str(g->get(), "__builtins__", builtins_dict()) < 0) {
      return false;
    }
  }
  return true;
}

Object* builtin_exec(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"exec", {"source", "globals", "locals", "closure"}, 1, 3, 3};
  Object* a[4];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> g, l;
  if (!namespaces("exec", a[1], a[2], &g, &l)) return nullptr;
  Ref<> code = steal(code_for("exec", a[0], CompileMode::kExec));
  if (!code) return nullptr;
  Ref<> r = steal(eval_code(code.get(), g.get(), l.get()));
  return r ? new_none() : nullptr;
}

Object* builtin_eval(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"eval", {"source", "globals", "locals"}, 1, 3, 3};
  Object* a[3];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  Ref<> g, l;
  if (!namespaces("eval", a[1], a[2], &g, &l)) return nullptr;
  Ref<> code = steal(code_for("eval", a[0], CompileMode::kEval));
  if (!code) return nullptr;
  return eval_code(code.get(), g.get(), l.get());
}

Object* builtin_compile(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{
      "compile",
      {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"},
      3, 6, 0};
  Object* a[7];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[2])) {
    set_error_fmt(&kTypeErrorType, "compile() argument 'mode' must be str, not %s",
                  type_name(a[2]));
    return nullptr;
  }
  std::string_view m = str_view(a[2]);
  CompileMode mode = m == "exec" ? CompileMode::kExec
                     : m == "eval" ? CompileMode::kEval
                                   : CompileMode::kSingle;
  if (m != "exec" && m != "eval" && m != "single") {
    set_error(&kValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'");
    return nullptr;
  }
  if (a[0]->type == &kCodeType) return new_ref(a[0]);
  Ref<> filename = steal(str(a[1]));
  std::string text;
  if (!filename || !source_text("compile", a[0], &text)) return nullptr;
  return compile_source(text, str_view(filename.get()), mode);
}

Object* builtin_import(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  static const ArgSpec spec{"__import__", {"name", "globals", "locals", "fromlist", "level"},
                            1, 5, 0};
  Object* a[5];
  if (!parse_args(spec, args, nargs, kwnames, a)) return nullptr;
  if (!str_check(a[0])) {
    set_error_fmt(&kTypeErrorType, "__import__() argument 1 must be str, not %s",
                  type_name(a[0]));
    return nullptr;
  }
  ssize_t level = 0;
  if (a[4] != nullptr) {
    level = index_as_ssize(a[4]);
    if (level == -1 && has_error()) return nullptr;
    if (level < 0) {
      set_error(&kValueErrorType, "level must be >= 0");
      return nullptr;
    }
  }
  Object* globals = a[1] == kNone ? nullptr : a[1];
  Object* fromlist = a[3] == kNone ? nullptr : a[3];
  return import_module_level(a[0], globals, fromlist, static_cast<int>(level));
}

}  // namespace conch::vm::bltin
