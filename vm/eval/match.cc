// MATCH_PATTERN: see match.h for the descriptor and CPython's rules it follows.
#include "vm/eval/match.h"

#include <string>
#include <vector>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/bytearray.h"

namespace conch::vm {

namespace {

int64_t small_int(Object* o) {
  int64_t v = -1;
  int_to_i64(o, &v);
  return v;
}

// The state of one match: the captures so far (owned references).
class Matcher {
 public:
  Matcher(Object* const* values, int nvalues, size_t ncaptures)
      : values_(values), nvalues_(nvalues), caps_(ncaptures, nullptr) {}
  ~Matcher() {
    for (Object* c : caps_) xdecref(c);
  }

  // 1 matched, 0 not, -1 error.
  int match(Object* node, Object* subject);

  Object* captures_tuple() {
    Object* t = tuple_new(static_cast<ssize_t>(caps_.size()));
    if (t == nullptr) return nullptr;
    for (size_t i = 0; i < caps_.size(); i++) {
      Object* c = caps_[i] != nullptr ? caps_[i] : new_none();
      caps_[i] = nullptr;
      tuple_init_item(t, static_cast<ssize_t>(i), c);
    }
    return t;
  }

 private:
  Object* value(Object* index) {
    int64_t i = small_int(index);
    return i >= 0 && i < nvalues_ ? values_[i] : nullptr;
  }
  void bind(Object* capture, Object* v) {
    int64_t i = small_int(capture);
    if (i < 0 || static_cast<size_t>(i) >= caps_.size()) return;
    xdecref(caps_[i]);
    caps_[i] = new_ref(v);
  }
  // An or-pattern's failed alternative must not leave its captures behind.
  std::vector<Object*> snapshot() {
    std::vector<Object*> s = caps_;
    for (Object* c : s) xincref(c);
    return s;
  }
  void restore(std::vector<Object*>* s) {
    for (Object*& c : caps_) xdecref(c);
    caps_.swap(*s);
  }
  static void release(std::vector<Object*>* s) {
    for (Object* c : *s) xdecref(c);
  }

  int match_sequence(Object* node, Object* subject);
  int match_mapping(Object* node, Object* subject);
  int match_class(Object* node, Object* subject);

  Object* const* values_;
  int nvalues_;
  std::vector<Object*> caps_;
};

int Matcher::match(Object* node, Object* subject) {
  Object* const* n = tuple_items(node);
  switch (small_int(n[0])) {
    case kPatValue: {
      Object* v = value(n[1]);
      if (v == nullptr) return 0;
      return rich_compare_bool(subject, v, CompareOp::kEq) > 0 ? 1
             : has_error()                                   ? -1
                                                             : 0;
    }
    case kPatSingleton:
      return subject == n[1] ? 1 : 0;
    case kPatSequence:
      return match_sequence(node, subject);
    case kPatMapping:
      return match_mapping(node, subject);
    case kPatClass:
      return match_class(node, subject);
    case kPatStar:  // only reached inside match_sequence
      return 1;
    case kPatAs: {
      if (n[1] != kNone) {
        int r = match(n[1], subject);
        if (r <= 0) return r;
      }
      bind(n[2], subject);
      return 1;
    }
    case kPatOr: {
      Object* alts = n[1];
      for (ssize_t i = 0; i < tuple_size(alts); i++) {
        std::vector<Object*> saved = snapshot();
        int r = match(tuple_get(alts, i), subject);
        if (r != 0) {
          release(&saved);
          return r;
        }
        restore(&saved);
        release(&saved);
      }
      return 0;
    }
    default:
      set_error(&kRuntimeErrorType, "bad match pattern descriptor");
      return -1;
  }
}

int Matcher::match_sequence(Object* node, Object* subject) {
  if (!type_has_flag(subject->type, kTypeSequence)) return 0;
  Object* subs = tuple_get(node, 1);
  int64_t star = small_int(tuple_get(node, 2));
  ssize_t nsub = tuple_size(subs);
  ssize_t len = length(subject);
  if (len < 0) return -1;
  if (star < 0 ? len != nsub : len < nsub - 1) return 0;
  for (ssize_t i = 0; i < nsub; i++) {
    Object* sub = tuple_get(subs, i);
    if (i == star) {
      // The starred part is subject[star : len - (nsub - star - 1)].
      ssize_t stop = len - (nsub - static_cast<ssize_t>(star) - 1);
      Object* cap = tuple_get(sub, 1);
      if (small_int(cap) < 0) continue;  // `*_` takes nothing
      Ref<> lst = Ref<>::steal(list_new(0));
      if (!lst) return -1;
      for (ssize_t k = i; k < stop; k++) {
        Ref<> idx = Ref<>::steal(int_from_i64(k));
        Ref<> item = Ref<>::steal(idx ? getitem(subject, idx.get()) : nullptr);
        if (!item || list_append(lst.get(), item.get()) < 0) return -1;
      }
      bind(cap, lst.get());
      continue;
    }
    ssize_t at = star >= 0 && i > star ? len - (nsub - i) : i;
    Ref<> idx = Ref<>::steal(int_from_i64(at));
    if (!idx) return -1;
    Ref<> item = Ref<>::steal(getitem(subject, idx.get()));
    if (!item) return -1;
    int r = match(sub, item.get());
    if (r <= 0) return r;
  }
  return 1;
}

int Matcher::match_mapping(Object* node, Object* subject) {
  if (!type_has_flag(subject->type, kTypeMapping)) return 0;
  Object* keys = tuple_get(node, 1);
  Object* subs = tuple_get(node, 2);
  Object* rest = tuple_get(node, 3);
  ssize_t nkeys = tuple_size(keys);
  if (nkeys > 0) {
    ssize_t len = length(subject);
    if (len < 0) return -1;
    if (len < nkeys) return 0;
  }
  // CPython looks the keys up with the subject's own `get` (so __missing__
  // is not consulted) and rejects a key given twice.
  Ref<> get = nkeys > 0 ? Ref<>::steal(getattr_str(subject, "get")) : Ref<>();
  if (nkeys > 0 && !get) return -1;
  Ref<> seen = Ref<>::steal(set_new(nullptr));
  Ref<> dummy = Ref<>::steal(list_new(0));
  if (!seen || !dummy) return -1;
  for (ssize_t i = 0; i < nkeys; i++) {
    Object* key = value(tuple_get(keys, i));
    if (key == nullptr) return 0;
    int dup = set_contains(seen.get(), key);
    if (dup < 0) return -1;
    if (dup) {
      Ref<> r = Ref<>::steal(repr(key));
      if (!r) return -1;
      set_error_fmt(&kValueErrorType, "mapping pattern checks duplicate key (%s)",
                    std::string(str_view(r.get())));
      return -1;
    }
    if (set_add(seen.get(), key) < 0) return -1;
    Ref<> v = Ref<>::steal(call_args(get.get(), {key, dummy.get()}));
    if (!v) return -1;
    if (v.get() == dummy.get()) return 0;
    int r = match(tuple_get(subs, i), v.get());
    if (r <= 0) return r;
  }
  if (small_int(rest) >= 0) {
    Ref<> copy = Ref<>::steal(dict_new());
    if (!copy || dict_update(copy.get(), subject) < 0) return -1;
    for (ssize_t i = 0; i < nkeys; i++) {
      if (dict_del_item(copy.get(), value(tuple_get(keys, i))) < 0) return -1;
    }
    bind(rest, copy.get());
  }
  return 1;
}

// Types whose instances a single positional sub-pattern matches as a whole
// (`case int(x)`), as CPython's _Py_TPFLAGS_MATCH_SELF; subclasses too.
bool matches_self(Type* t) {
  static Type* const kSelf[] = {&kBoolType,      &kByteArrayType, &kBytesType, &kDictType,
                                &kFloatType,     &kFrozenSetType, &kIntType,   &kListType,
                                &kSetType,       &kStrType,       &kTupleType};
  for (Type* s : kSelf) {
    if (is_subtype(t, s)) return true;
  }
  return false;
}

int Matcher::match_class(Object* node, Object* subject) {
  Object* cls = value(tuple_get(node, 1));
  Object* pos = tuple_get(node, 2);
  Object* kw_names = tuple_get(node, 3);
  Object* kw_subs = tuple_get(node, 4);
  if (cls == nullptr) return 0;
  if (!is_instance_of(cls, &kTypeType)) {
    set_error(&kTypeErrorType, "called match pattern must be a type");
    return -1;
  }
  int inst = isinstance(subject, cls);
  if (inst <= 0) return inst;
  Type* type = static_cast<Type*>(cls);
  ssize_t npos = tuple_size(pos);
  bool match_self = false;
  Ref<> match_args;
  if (npos > 0) {
    match_args = Ref<>::steal(getattr_str(cls, "__match_args__"));
    if (match_args) {
      if (!tuple_check_exact(match_args.get())) {
        set_error_fmt(&kTypeErrorType, "%s.__match_args__ must be a tuple (got %s)", type->name,
                      type_name(match_args.get()));
        return -1;
      }
    } else if (error_matches(&kAttributeErrorType)) {
      clear_error();
      match_self = matches_self(type);
      match_args = Ref<>::steal(tuple_new(0));
      if (!match_args) return -1;
    } else {
      return -1;
    }
    ssize_t allowed = match_self ? 1 : tuple_size(match_args.get());
    if (allowed < npos) {
      set_error_fmt(&kTypeErrorType, "%s() accepts %d positional sub-pattern%s (%d given)",
                    type->name, allowed, allowed == 1 ? "" : "s", npos);
      return -1;
    }
  }
  // Attribute names in order: the positional ones from __match_args__, then
  // the keyword ones; none twice.
  std::vector<Object*> names;
  for (ssize_t i = 0; i < npos && !match_self; i++) {
    Object* a = tuple_get(match_args.get(), i);
    if (!str_check(a)) {
      set_error_fmt(&kTypeErrorType, "__match_args__ elements must be strings (got %s)",
                    type_name(a));
      return -1;
    }
    names.push_back(a);
  }
  for (ssize_t i = 0; i < tuple_size(kw_names); i++) names.push_back(tuple_get(kw_names, i));
  for (size_t i = 0; i < names.size(); i++) {
    for (size_t j = 0; j < i; j++) {
      int eq = rich_compare_bool(names[i], names[j], CompareOp::kEq);
      if (eq < 0) return -1;
      if (eq) {
        Ref<> r = Ref<>::steal(repr(names[i]));
        if (!r) return -1;
        set_error_fmt(&kTypeErrorType, "%s() got multiple sub-patterns for attribute %s",
                      type->name, std::string(str_view(r.get())));
        return -1;
      }
    }
  }
  if (match_self) {
    int r = match(tuple_get(pos, 0), subject);
    if (r <= 0) return r;
  }
  size_t k = 0;
  for (ssize_t i = match_self ? 1 : 0; i < npos; i++, k++) {
    Ref<> v = Ref<>::steal(lookup_attr(subject, names[k]));
    if (!v) return has_error() ? -1 : 0;
    int r = match(tuple_get(pos, i), v.get());
    if (r <= 0) return r;
  }
  for (ssize_t i = 0; i < tuple_size(kw_subs); i++, k++) {
    Ref<> v = Ref<>::steal(lookup_attr(subject, names[k]));
    if (!v) return has_error() ? -1 : 0;
    int r = match(tuple_get(kw_subs, i), v.get());
    if (r <= 0) return r;
  }
  return 1;
}

}  // namespace

Object* match_pattern(Object* subject, Object* desc, Object* const* values, int nvalues) {
  Matcher m(values, nvalues, static_cast<size_t>(small_int(tuple_get(desc, 0))));
  int r = m.match(tuple_get(desc, 1), subject);
  if (r < 0) return nullptr;
  if (r == 0) return new_none();
  return m.captures_tuple();
}

}  // namespace conch::vm
