// Code objects.  See code.h for the layout.
#include "vm/compile/code.h"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_format.h"
#include "gc/brc.h"
#include "vm/errors.h"
#include "vm/eval/inline_cache.h"
#include "vm/types.h"

namespace conch::vm {

Type kCodeType;

namespace {

template <class T>
T* copy_array(const std::vector<T>& v) {
  if (v.empty()) return nullptr;
  T* p = static_cast<T*>(gc::allocate_raw(sizeof(T) * v.size()));
  if (p != nullptr) std::memcpy(p, v.data(), sizeof(T) * v.size());
  return p;
}

// For each cell variable that is also an argument, the argument's index.
int32_t* compute_cell2arg(CodeObject* co) {
  ssize_t nargs = co->argcount + co->kwonlyargcount + ((co->flags & kCoVarargs) ? 1 : 0) +
                  ((co->flags & kCoVarkeywords) ? 1 : 0);
  bool any = false;
  std::vector<int32_t> map(co->ncellvars, -1);
  for (int i = 0; i < co->ncellvars; i++) {
    Object* cname = tuple_get(co->cellvars, i);
    for (ssize_t a = 0; a < nargs; a++) {
      if (str_equal(cname, tuple_get(co->varnames, a))) {
        map[i] = static_cast<int32_t>(a);
        any = true;
        break;
      }
    }
  }
  return any ? copy_array(map) : nullptr;
}

// The inline caches, zeroed (kCacheEmpty); null for an empty code object.
InlineCache* alloc_caches(int32_t n) {
  if (n == 0) return nullptr;
  size_t bytes = sizeof(InlineCache) * static_cast<size_t>(n);
  auto* c = static_cast<InlineCache*>(gc::allocate_raw(bytes));
  if (c != nullptr) std::memset(c, 0, bytes);
  return c;
}

// Code objects are not tracked by the collector (they cannot be part of a
// cycle: nothing they hold refers back), so the collector never calls this.
// It exists for walks of everything an object keeps alive, e.g. the debug
// accounting of what immortalized shared-by-design objects hold (gc/brc.h).
int code_traverse(Object* o, VisitFunc visit, void* arg) {
  CodeObject* co = as_code(o);
  for (Object* x : {co->consts, co->names, co->varnames, co->cellvars, co->freevars, co->name,
                    co->qualname, co->filename}) {
    if (x != nullptr) {
      if (int r = visit(x, arg)) return r;
    }
  }
  return 0;
}

void code_dealloc(Object* o) {
  CodeObject* co = as_code(o);
  gc::free_raw(co->instrs);
  gc::free_raw(co->caches);
  gc::free_raw(co->lines);
  gc::free_raw(co->cell2arg);
  clear_slot(&co->consts);
  clear_slot(&co->names);
  clear_slot(&co->varnames);
  clear_slot(&co->cellvars);
  clear_slot(&co->freevars);
  clear_slot(&co->name);
  clear_slot(&co->qualname);
  clear_slot(&co->filename);
  generic_free(o);
}

Object* code_repr(Object* o) {
  CodeObject* co = as_code(o);
  return str_from(absl::StrFormat("<code object %s at %p, file \"%s\", line %d>",
                                  str_view(co->name), static_cast<void*>(o),
                                  str_view(co->filename), co->firstlineno));
}

Object* get_name(Object* o) { return new_ref(as_code(o)->name); }
Object* get_qualname(Object* o) { return new_ref(as_code(o)->qualname); }
Object* get_filename(Object* o) { return new_ref(as_code(o)->filename); }
Object* get_consts(Object* o) { return new_ref(as_code(o)->consts); }
Object* get_names(Object* o) { return new_ref(as_code(o)->names); }
Object* get_varnames(Object* o) { return new_ref(as_code(o)->varnames); }
Object* get_cellvars(Object* o) { return new_ref(as_code(o)->cellvars); }
Object* get_freevars(Object* o) { return new_ref(as_code(o)->freevars); }
Object* get_firstlineno(Object* o) { return int_from_i64(as_code(o)->firstlineno); }
Object* get_argcount(Object* o) { return int_from_i64(as_code(o)->argcount); }
Object* get_posonlyargcount(Object* o) { return int_from_i64(as_code(o)->posonlyargcount); }
Object* get_kwonlyargcount(Object* o) { return int_from_i64(as_code(o)->kwonlyargcount); }
Object* get_nlocals(Object* o) { return int_from_i64(as_code(o)->nlocals); }
Object* get_stacksize(Object* o) { return int_from_i64(as_code(o)->stacksize); }
Object* get_flags(Object* o) { return int_from_i64(as_code(o)->flags); }
Object* get_code(Object* o) {
  CodeObject* co = as_code(o);
  return bytes_from(std::string_view(reinterpret_cast<const char*>(co->instrs),
                                     sizeof(Instr) * static_cast<size_t>(co->ninstrs)));
}

const GetSetDef kCodeGetSets[] = {
    {"co_name", get_name, nullptr, nullptr},
    {"co_qualname", get_qualname, nullptr, nullptr},
    {"co_filename", get_filename, nullptr, nullptr},
    {"co_consts", get_consts, nullptr, nullptr},
    {"co_names", get_names, nullptr, nullptr},
    {"co_varnames", get_varnames, nullptr, nullptr},
    {"co_cellvars", get_cellvars, nullptr, nullptr},
    {"co_freevars", get_freevars, nullptr, nullptr},
    {"co_firstlineno", get_firstlineno, nullptr, nullptr},
    {"co_argcount", get_argcount, nullptr, nullptr},
    {"co_posonlyargcount", get_posonlyargcount, nullptr, nullptr},
    {"co_kwonlyargcount", get_kwonlyargcount, nullptr, nullptr},
    {"co_nlocals", get_nlocals, nullptr, nullptr},
    {"co_stacksize", get_stacksize, nullptr, nullptr},
    {"co_flags", get_flags, nullptr, nullptr},
    {"co_code", get_code, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

// LOAD_CONST increfs a constant on every execution: a float or big-int
// constant in a loop that several threads run would make its shared count
// the hottest cache line in the process.  Constants are immutable and live
// as long as their code object, which is itself shared by design, so they
// take the same fate (gc/brc.h): immortal once a second thread exists.
// Nested code objects flag themselves; tuples of constants are walked.
void mark_constants_shared(Object* consts) {
  if (consts == nullptr || !tuple_check_exact(consts)) return;
  gc::mark_shared_by_design(consts);
  for (ssize_t i = 0, n = tuple_size(consts); i < n; ++i) {
    Object* c = tuple_get(consts, i);
    if (c == nullptr || code_check(c)) continue;
    if (tuple_check_exact(c)) {
      mark_constants_shared(c);
    } else {
      gc::mark_shared_by_design(c);
    }
  }
}

}  // namespace

Object* code_new(const CodeSpec& spec) {
  Object* o = generic_alloc(&kCodeType, 0);
  if (o == nullptr) return nullptr;
  CodeObject* co = as_code(o);
  co->ninstrs = static_cast<int32_t>(spec.instrs.size());
  co->instrs = copy_array(spec.instrs);
  co->caches = alloc_caches(co->ninstrs);
  co->nlines = static_cast<int32_t>(spec.lines.size());
  co->lines = copy_array(spec.lines);
  co->consts = new_ref(spec.consts);
  co->names = new_ref(spec.names);
  co->varnames = new_ref(spec.varnames);
  co->cellvars = new_ref(spec.cellvars);
  co->freevars = new_ref(spec.freevars);
  co->name = new_ref(spec.name);
  co->qualname = new_ref(spec.qualname);
  co->filename = new_ref(spec.filename);
  co->firstlineno = spec.firstlineno;
  co->argcount = spec.argcount;
  co->posonlyargcount = spec.posonlyargcount;
  co->kwonlyargcount = spec.kwonlyargcount;
  co->nlocals = static_cast<int32_t>(tuple_size(spec.varnames));
  co->ncellvars = static_cast<int32_t>(tuple_size(spec.cellvars));
  co->ncells = co->ncellvars + static_cast<int32_t>(tuple_size(spec.freevars));
  co->stacksize = spec.stacksize;
  co->maxblocks = spec.maxblocks;
  co->flags = spec.flags;
  if (co->ncells == 0) co->flags |= kCoNoFree;
  co->cell2arg = compute_cell2arg(co);
  if ((co->instrs == nullptr && co->ninstrs > 0) || (co->caches == nullptr && co->ninstrs > 0) || (co->lines == nullptr && co->nlines > 0)) {
    decref(o);
    return no_memory();
  }
  // Every call of its functions touches it, from any thread (gc/brc.h).
  // So does every function made from it: MAKE_FUNCTION copies its name and
  // qualname (a closure made by several threads would bounce their counts).
  gc::mark_shared_by_design(o);
  mark_constants_shared(co->consts);
  for (Object* s : {co->name, co->qualname, co->filename}) {
    if (s != nullptr) gc::mark_shared_by_design(s);
  }
  return o;
}

int code_line_for(const CodeObject* co, int index) {
  // The last run starting at or before `index`.
  const LineRun* begin = co->lines;
  const LineRun* end = co->lines + co->nlines;
  const LineRun* it = std::upper_bound(begin, end, index,
                                       [](int i, const LineRun& r) { return i < r.start; });
  if (it == begin) return co->firstlineno;
  return (it - 1)->line;
}

void init_code_type() {
  Type* t = &kCodeType;
  init_static_type(t, "code", sizeof(CodeObject));
  t->dealloc = code_dealloc;
  t->traverse = code_traverse;
  t->repr = code_repr;
  t->getsets = kCodeGetSets;
  t->flags |= kTypeImmutable;
  type_ready(t);
}

}  // namespace conch::vm
