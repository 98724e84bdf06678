// "Did you mean" suggestions (see suggestions.h).  The distance is CPython
// 3.11's Python/suggestions.c, rewritten: same costs, same cut-offs, same
// tie-breaking (the first candidate at the smallest distance wins), so the
// suggestion is the one CPython prints.
#include "vm/suggestions.h"

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/exceptions.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/types.h"

namespace conch::vm {

namespace {

constexpr ssize_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;  // not equal, not a case flip
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
  if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
  return a == b ? kCaseCost : kMoveCost;
}

// Edit distance of a and b, or any value above max_cost once it is certain
// to exceed it.  One row of the matrix, updated in place.
size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);  // the row is the shorter string
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t row[kMaxStringSize];
  for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t ai = 0; ai < a.size(); ++ai) {
      size_t substitute = distance + substitution_cost(b[bi], a[ai]);
      distance = row[ai];
      result = std::min(std::min(result, distance) + kMoveCost, substitute);
      row[ai] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;  // the whole row is too far
  }
  return result;
}

bool has_context(Object* exc, const char* attr) {
  Object* v = exception_dict_attr(exc, attr);
  return v != nullptr && v != kNone;
}

}  // namespace

void attribute_error_add_context(Object* obj, Object* name) {
  Object* exc = current_thread()->current_exception;
  if (exc == nullptr || !is_instance_of(exc, &kAttributeErrorType)) return;
  if (has_context(exc, "name") || has_context(exc, "obj")) return;
  Object* saved = fetch_error();
  if (setattr(saved, str_intern("name"), name) < 0 || setattr(saved, str_intern("obj"), obj) < 0) {
    clear_error();
  }
  restore_error(saved);
}

void raise_name_error_with_context(Object* name) {
  set_error_fmt(&kNameErrorType, "name '%s' is not defined", str_view(name));
  Object* exc = fetch_error();
  if (setattr(exc, str_intern("name"), name) < 0) clear_error();
  restore_error(exc);
}

Object* closest_name(Object* name, Object* names) {
  bool is_list = list_check(names);
  if (!is_list && !tuple_check(names)) return nullptr;
  ssize_t n = is_list ? list_size(names) : tuple_size(names);
  if (n >= kMaxCandidates || !str_check(name)) return nullptr;
  Object* const* items = is_list ? list_items(names) : tuple_items(names);
  std::string_view wanted = str_view(name);
  Object* best = nullptr;
  size_t best_distance = SIZE_MAX;
  for (ssize_t i = 0; i < n; ++i) {
    if (!str_check(items[i])) continue;
    std::string_view item = str_view(items[i]);
    if (item == wanted) continue;
    // No more than a third of the characters may change, and a candidate
    // must beat the best so far.
    size_t max_distance = (wanted.size() + item.size() + 3) * kMoveCost / 6;
    max_distance = std::min(max_distance, best_distance - 1);
    size_t d = levenshtein(wanted, item, max_distance);
    if (d > max_distance) continue;
    if (best == nullptr || d < best_distance) {
      best = items[i];
      best_distance = d;
    }
  }
  return best != nullptr ? new_ref(best) : nullptr;
}

Object* attribute_error_suggestion(Object* exc) {
  Object* name = exception_dict_attr(exc, "name");
  Object* obj = exception_dict_attr(exc, "obj");
  if (name == nullptr || obj == nullptr || obj == kNone || !str_check_exact(name)) return nullptr;
  Object* saved = fetch_error();
  Ref<> keep_name = borrow(name), keep_obj = borrow(obj);  // dir() may run user code
  Ref<> dir = steal(getattr_str(builtins_module(), "dir"));
  Ref<> names = dir ? steal(call(dir.get(), &obj, 1)) : Ref<>();
  Object* r = names ? closest_name(name, names.get()) : nullptr;
  clear_error();
  restore_error(saved);
  return r;
}

}  // namespace conch::vm
