// list.sort's engine: a stable merge sort that tolerates failing
// comparisons.
//
// Why not std::stable_sort: its comparator cannot report an error except by
// throwing, and an exception unwinding through it leaves the range in an
// unspecified state (possibly with items duplicated or lost, which would
// corrupt reference counts).  Here every step keeps `keys`/`values` a
// permutation of the input, so an error simply stops the sort: binary
// insertion moves an item only after its position is known, and a merge
// that fails copies the rest of its buffered left run back into the gap.
//
// Shape: binary insertion sort on runs of kRun items, then bottom-up merges;
// a merge is skipped when its two runs are already in order, so sorted and
// nearly sorted input costs O(n) comparisons.  Comparators specialise the
// common homogeneous cases (all small ints, all floats, all str) as CPython's
// unsafe_*_compare do; anything else goes through rich comparison.
#include <algorithm>
#include <cstring>
#include <vector>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/types.h"
#include "vm/types/int.h"
#include "vm/types/list.h"

namespace conch::vm {
namespace {

constexpr ssize_t kRun = 32;

struct GenericLess {
  int operator()(Object* a, Object* b) const { return rich_compare_bool(a, b, CompareOp::kLt); }
};
struct IntLess {
  int operator()(Object* a, Object* b) const { return int_small_value(a) < int_small_value(b); }
};
struct FloatLess {
  int operator()(Object* a, Object* b) const { return float_value(a) < float_value(b); }
};
struct StrLess {
  int operator()(Object* a, Object* b) const {
    // UTF-8 byte order is code point order.
    return str_view(a) < str_view(b);
  }
};

// Equality of two tuple elements, with the machine paths CPython's
// unsafe_tuple_compare gets from its per-type comparators.
int element_eq(Object* a, Object* b) {
  if (a == b) return 1;
  if (a->type == b->type) {
    if (a->type == &kIntType && int_is_small(a) && int_is_small(b)) {
      return int_small_value(a) == int_small_value(b);
    }
    if (a->type == &kStrType) return str_equal(a, b);
    if (a->type == &kFloatType) return float_value(a) == float_value(b);
  }
  return rich_compare_bool(a, b, CompareOp::kEq);
}

// Tuples whose first elements all have one type: the first differing
// element decides; when it is the first one, `FirstLess` compares it.
template <class FirstLess>
struct TupleLess {
  int operator()(Object* a, Object* b) const {
    Object** x = tuple_items(a);
    Object** y = tuple_items(b);
    ssize_t nx = tuple_size(a), ny = tuple_size(b);
    ssize_t i = 0;
    for (; i < nx && i < ny; ++i) {
      int k = element_eq(x[i], y[i]);
      if (k < 0) return -1;
      if (k == 0) break;
    }
    if (i >= nx || i >= ny) return nx < ny;
    if (i == 0) return FirstLess()(x[0], y[0]);
    return rich_compare_bool(x[i], y[i], CompareOp::kLt);
  }
};

template <class Less, bool kHasValues>
class Sorter {
 public:
  Sorter(Object** keys, Object** values, ssize_t n) : keys_(keys), values_(values), n_(n) {}

  int run() {
    for (ssize_t lo = 0; lo < n_; lo += kRun) {
      if (insertion_sort(lo, std::min(lo + kRun, n_)) < 0) return -1;
    }
    for (ssize_t width = kRun; width < n_; width *= 2) {
      for (ssize_t lo = 0; lo + width < n_; lo += 2 * width) {
        ssize_t mid = lo + width;
        ssize_t hi = std::min(lo + 2 * width, n_);
        if (merge(lo, mid, hi) < 0) return -1;
      }
    }
    return 0;
  }

 private:
  void move(ssize_t dst, ssize_t src) {
    keys_[dst] = keys_[src];
    if (kHasValues) values_[dst] = values_[src];
  }

  int insertion_sort(ssize_t lo, ssize_t hi) {
    for (ssize_t i = lo + 1; i < hi; ++i) {
      Object* pivot = keys_[i];
      // Rightmost position where pivot goes (after equal keys: stable).
      ssize_t l = lo, r = i;
      while (l < r) {
        ssize_t m = l + (r - l) / 2;
        int c = less_(pivot, keys_[m]);
        if (c < 0) return -1;
        if (c) {
          r = m;
        } else {
          l = m + 1;
        }
      }
      if (l == i) continue;
      Object* pv = kHasValues ? values_[i] : nullptr;
      for (ssize_t k = i; k > l; --k) move(k, k - 1);
      keys_[l] = pivot;
      if (kHasValues) values_[l] = pv;
    }
    return 0;
  }

  int merge(ssize_t lo, ssize_t mid, ssize_t hi) {
    int c = less_(keys_[mid], keys_[mid - 1]);
    if (c <= 0) return c;  // already in order (or error)
    ssize_t nl = mid - lo;
    tmp_keys_.assign(keys_ + lo, keys_ + mid);
    if (kHasValues) tmp_values_.assign(values_ + lo, values_ + mid);
    ssize_t i = 0, j = mid, k = lo;
    int result = 0;
    while (i < nl && j < hi) {
      c = less_(keys_[j], tmp_keys_[i]);
      if (c < 0) {
        result = -1;
        break;
      }
      if (c) {
        move(k++, j++);
      } else {
        keys_[k] = tmp_keys_[i];
        if (kHasValues) values_[k] = tmp_values_[i];
        ++k;
        ++i;
      }
    }
    // The rest of the left run fills the gap [k, j): always a permutation.
    for (; i < nl; ++i, ++k) {
      keys_[k] = tmp_keys_[i];
      if (kHasValues) values_[k] = tmp_values_[i];
    }
    return result;
  }

  Object** keys_;
  Object** values_;
  ssize_t n_;
  Less less_;
  std::vector<Object*> tmp_keys_;
  std::vector<Object*> tmp_values_;
};

template <class Less>
int sort_with(Object** keys, Object** values, ssize_t n) {
  if (keys == values) return Sorter<Less, false>(keys, values, n).run();
  return Sorter<Less, true>(keys, values, n).run();
}

}  // namespace

int sort_slice(Object** keys, Object** values, ssize_t n) {
  if (n < 2) return 0;
  Type* t = keys[0]->type;
  bool same = true;
  bool small_ints = t == &kIntType;
  for (ssize_t i = 0; i < n && same; ++i) {
    same = keys[i]->type == t;
    if (small_ints && same) small_ints = int_is_small(keys[i]);
  }
  if (same && t == &kTupleType) {
    // Homogeneous first elements pick a machine comparator for them.
    Type* ft = nullptr;
    bool ok = true, fsmall = true;
    for (ssize_t i = 0; i < n && ok; ++i) {
      if (tuple_size(keys[i]) == 0) {
        ok = false;
        break;
      }
      Object* f = tuple_get(keys[i], 0);
      if (ft == nullptr) ft = f->type;
      ok = f->type == ft;
      if (ok && ft == &kIntType) fsmall = fsmall && int_is_small(f);
    }
    if (ok && ft == &kIntType && fsmall) return sort_with<TupleLess<IntLess>>(keys, values, n);
    if (ok && ft == &kStrType) return sort_with<TupleLess<StrLess>>(keys, values, n);
    if (ok && ft == &kFloatType) return sort_with<TupleLess<FloatLess>>(keys, values, n);
    if (ok) return sort_with<TupleLess<GenericLess>>(keys, values, n);
  }
  if (same && small_ints) return sort_with<IntLess>(keys, values, n);
  if (same && t == &kFloatType) return sort_with<FloatLess>(keys, values, n);
  if (same && t == &kStrType) return sort_with<StrLess>(keys, values, n);
  return sort_with<GenericLess>(keys, values, n);
}

}  // namespace conch::vm
