// Struct sequences (see structseq.h).
#include "vm/modules/structseq.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/thread_state.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

// GetSetDef getters take no closure, so field i's getter is instantiated for
// each i.
template <int I>
Object* item_getter(Object* self) {
  if (I >= tuple_size(self)) {
    set_error(&kAttributeErrorType, "struct sequence field is missing");
    return nullptr;
  }
  return new_ref(tuple_get(self, I));
}

template <int... I>
constexpr auto make_getters(std::integer_sequence<int, I...>) {
  using Getter = Object* (*)(Object*);
  return std::array<Getter, sizeof...(I)>{item_getter<I>...};
}

constexpr auto kGetters = make_getters(std::make_integer_sequence<int, kStructSeqMaxFields>{});

// Field tables live as long as the process; one per struct sequence type.
constexpr int kMaxTypes = 16;
GetSetDef g_getsets[kMaxTypes][kStructSeqMaxFields + 1];
int g_ntypes = 0;

Object* structseq_repr(Object* self) {
  const GetSetDef* fields = self->type->getsets;
  if (!enter_recursive_call(" while getting the repr of an object")) return nullptr;
  std::string s = std::string(self->type->name) + "(";
  ssize_t n = tuple_size(self);
  bool ok = true;
  for (ssize_t i = 0; i < n && fields[i].name != nullptr; ++i) {
    Ref<> r = steal(repr(tuple_get(self, i)));
    if (!r) {
      ok = false;
      break;
    }
    if (i > 0) s += ", ";
    s += std::string(fields[i].name) + "=" + std::string(str_view(r.get()));
  }
  leave_recursive_call();
  if (!ok) return nullptr;
  return str_from(s + ")");
}

}  // namespace

void structseq_init_type(Type* t, const char* name, std::initializer_list<const char*> fields) {
  if (g_ntypes == kMaxTypes || fields.size() > kStructSeqMaxFields) {
    std::fprintf(stderr, "Fatal Python error: too many struct sequence types or fields (%s)\n",
                 name);
    std::abort();  // a build-time mistake, not a program error
  }
  GetSetDef* defs = g_getsets[g_ntypes++];
  int i = 0;
  for (const char* f : fields) {
    defs[i] = GetSetDef{f, kGetters[i], nullptr, nullptr};
    ++i;
  }
  defs[i] = GetSetDef{nullptr, nullptr, nullptr, nullptr};
  init_static_type(t, name, kTupleType.basicsize, &kTupleType);
  t->itemsize = kTupleType.itemsize;
  t->flags |= kTypeTupleSubclass;
  t->getsets = defs;
  t->repr = structseq_repr;
  t->dealloc = kTupleType.dealloc;
  t->alloc = kTupleType.alloc;
  type_ready(t);
}

Object* structseq_new(Type* t, std::initializer_list<Object*> items) {
  for (Object* o : items) {
    if (o == nullptr) return nullptr;  // a failed item constructor: error already set
  }
  Ref<> tuple = steal(tuple_pack(items));
  if (!tuple) return nullptr;
  Object* arg = tuple.get();
  return kTupleType.new_(t, &arg, 1, nullptr);
}

}  // namespace conch::vm
