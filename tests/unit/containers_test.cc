// Container unit tests: tuple, list, dict, set/frozenset, range, slice and
// the iterator builtins.  Two parts: the C++ API (vm/types.h and the layout
// headers), and a table of small programs run by conch whose expected
// repr(r) / "ExcType: message" text was computed with CPython 3.11 (hashes,
// set iteration orders, dict order after deletes, sort stability, slice
// assignment edge cases, error wording).
#include <gtest/gtest.h>

#include <string>

#include "gc/alloc.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/types.h"
#include "vm/types/dict.h"
#include "vm/types/list.h"
#include "vm/types/tuple.h"

namespace conch::vm {

void ensure_runtime();  // tests/unit/str_test.cc

namespace {

class ContainersTest : public ::testing::Test {
 protected:
  void SetUp() override { ensure_runtime(); }
};

// Runs `program` (which sets `r`) and returns repr(r), or "ExcType: msg".
std::string run_repr(const char* program) {
  Ref<> code = steal(compile_source(program, "<test>", CompileMode::kExec));
  Ref<> globals = steal(dict_new());
  dict_set_item_str(globals.get(), "__builtins__", builtins_module());
  Ref<> result;
  if (code) result = steal(eval_code(code.get(), globals.get(), globals.get()));
  if (result) {
    Object* r = dict_get_item_str(globals.get(), "r");
    if (r == nullptr) return "<r not set>";
    Ref<> text = steal(repr(r));
    if (!text) {
      clear_error();
      return "<repr failed>";
    }
    return std::string(str_view(text.get()));
  }
  Ref<> exc = steal(fetch_error());
  if (!exc) return "<no exception set>";
  Ref<> msg = steal(str(exc.get()));
  std::string text = std::string(type_name(exc.get())) + ": ";
  if (msg) {
    text += std::string(str_view(msg.get()));
  } else {
    clear_error();
  }
  return text;
}

std::string repr_of(Object* o) {
  Ref<> r = steal(repr(o));
  if (!r) {
    clear_error();
    return "<error>";
  }
  return std::string(str_view(r.get()));
}

Ref<> ints(std::initializer_list<int64_t> vs) {
  Ref<> l = steal(list_new(0));
  for (int64_t v : vs) {
    Ref<> i = steal(int_from_i64(v));
    list_append(l.get(), i.get());
  }
  return l;
}

TEST_F(ContainersTest, EmptyTupleIsShared) {
  Ref<> a = steal(tuple_new(0));
  Ref<> b = steal(tuple_from_array(nullptr, 0));
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(tuple_size(a.get()), 0);
  EXPECT_EQ(repr_of(a.get()), "()");
}

TEST_F(ContainersTest, TupleHashMatchesCPython) {
  Ref<> one = steal(int_from_i64(1));
  Ref<> two = steal(int_from_i64(2));
  Ref<> t = steal(tuple_pack({one.get(), two.get()}));
  EXPECT_EQ(hash(t.get()), -3550055125485641917LL);
  EXPECT_EQ(tuple_items_fast(t.get())[1], two.get());
  EXPECT_EQ(tuple_size_fast(t.get()), 2);
}

TEST_F(ContainersTest, ListGrowthFollowsCPython) {
  Ref<> l = steal(list_new(0));
  std::vector<ssize_t> caps;
  for (int i = 0; i < 17; ++i) {
    list_append(l.get(), kNone);
    caps.push_back(as_list(l.get())->allocated);
  }
  // CPython 3.11: 4, 8, 16, 24 as the list grows to 17.
  EXPECT_EQ(caps[0], 4);
  EXPECT_EQ(caps[4], 8);
  EXPECT_EQ(caps[8], 16);
  EXPECT_EQ(caps[16], 24);
  EXPECT_EQ(list_size_fast(l.get()), 17);
}

TEST_F(ContainersTest, ListSortIsStableAndReportsErrors) {
  Ref<> l = ints({5, 3, 9, 1, 3});
  ASSERT_EQ(list_sort(l.get(), nullptr, false), 0);
  EXPECT_EQ(repr_of(l.get()), "[1, 3, 3, 5, 9]");
  ASSERT_EQ(list_sort(l.get(), nullptr, true), 0);
  EXPECT_EQ(repr_of(l.get()), "[9, 5, 3, 3, 1]");
  Ref<> s = steal(str_from("x"));
  list_append(l.get(), s.get());
  EXPECT_EQ(list_sort(l.get(), nullptr, false), -1);
  EXPECT_TRUE(error_matches(&kTypeErrorType));
  clear_error();
  EXPECT_EQ(list_size(l.get()), 6);  // still a permutation of the input
}

TEST_F(ContainersTest, LargeSortMatchesOrder) {
  Ref<> l = steal(list_new(0));
  for (int64_t i = 0; i < 1000; ++i) {
    Ref<> v = steal(int_from_i64((i * 7919) % 1000));
    list_append(l.get(), v.get());
  }
  ASSERT_EQ(list_sort(l.get(), nullptr, false), 0);
  for (int64_t i = 0; i < 1000; ++i) {
    int64_t v;
    ASSERT_TRUE(int_to_i64(list_items(l.get())[i], &v));
    ASSERT_EQ(v, i);
  }
}

TEST_F(ContainersTest, DictKeepsInsertionOrderAcrossDeletes) {
  Ref<> d = steal(dict_new());
  for (int64_t i = 0; i < 50; ++i) {
    Ref<> k = steal(int_from_i64(i));
    ASSERT_EQ(dict_set_item(d.get(), k.get(), k.get()), 0);
  }
  for (int64_t i = 0; i < 50; i += 2) {
    Ref<> k = steal(int_from_i64(i));
    ASSERT_EQ(dict_del_item(d.get(), k.get()), 0);
  }
  Ref<> zero = steal(int_from_i64(0));
  dict_set_item(d.get(), zero.get(), kNone);
  EXPECT_EQ(dict_size(d.get()), 26);
  ssize_t pos = 0;
  Object *k, *v;
  ASSERT_TRUE(dict_next(d.get(), &pos, &k, &v));
  EXPECT_EQ(repr_of(k), "1");
  Object* last = nullptr;
  while (dict_next(d.get(), &pos, &k, &v)) last = k;
  EXPECT_EQ(repr_of(last), "0");
  EXPECT_EQ(dict_del_item(d.get(), k), 0);
  Ref<> missing = steal(int_from_i64(1000));
  EXPECT_EQ(dict_del_item(d.get(), missing.get()), -1);
  EXPECT_TRUE(error_matches(&kKeyErrorType));
  clear_error();
}

TEST_F(ContainersTest, DictStrLookup) {
  Ref<> d = steal(dict_new());
  Ref<> v = steal(int_from_i64(42));
  ASSERT_EQ(dict_set_item_str(d.get(), "answer", v.get()), 0);
  EXPECT_EQ(dict_get_item_str(d.get(), "answer"), v.get());
  EXPECT_EQ(dict_get_item_str(d.get(), "other"), nullptr);
  EXPECT_FALSE(has_error());
  Ref<> key = steal(str_from("answer"));  // a different, equal str object
  EXPECT_EQ(dict_get_item(d.get(), key.get()), v.get());
}

TEST_F(ContainersTest, SetOfSmallIntsIteratesInCPythonOrder) {
  Ref<> s = steal(set_new(nullptr));
  for (int64_t v : {100, 17, 3, 64, 9, 33}) {
    Ref<> i = steal(int_from_i64(v));
    ASSERT_EQ(set_add(s.get(), i.get()), 0);
  }
  EXPECT_EQ(repr_of(s.get()), "{64, 33, 3, 100, 9, 17}");
  Ref<> three = steal(int_from_i64(3));
  EXPECT_EQ(set_contains(s.get(), three.get()), 1);
  EXPECT_EQ(set_discard(s.get(), three.get()), 1);
  EXPECT_EQ(set_discard(s.get(), three.get()), 0);
  EXPECT_EQ(set_size(s.get()), 5);
}

TEST_F(ContainersTest, SliceIndicesAsCPython) {
  Ref<> m1 = steal(int_from_i64(-1));
  Ref<> sl = steal(slice_new(nullptr, nullptr, m1.get()));
  ssize_t start, stop, step, n;
  ASSERT_EQ(slice_indices(sl.get(), 10, &start, &stop, &step, &n), 0);
  EXPECT_EQ(start, 9);
  EXPECT_EQ(stop, -1);
  EXPECT_EQ(step, -1);
  EXPECT_EQ(n, 10);
  Ref<> zero = steal(int_from_i64(0));
  Ref<> bad = steal(slice_new(nullptr, nullptr, zero.get()));
  EXPECT_EQ(slice_indices(bad.get(), 10, &start, &stop, &step, &n), -1);
  EXPECT_TRUE(error_matches(&kValueErrorType));
  clear_error();
}

TEST_F(ContainersTest, NoLeaksFromContainerChurn) {
  int64_t before = gc::live_objects();
  {
    Ref<> l = ints({1, 2, 3});
    Ref<> t = steal(list_as_tuple(l.get()));
    Ref<> d = steal(dict_new());
    dict_set_item(d.get(), t.get(), l.get());
    Ref<> s = steal(set_new(l.get()));
    Ref<> r = steal(range_new(nullptr, t.get() == nullptr ? nullptr : list_items(l.get())[2], nullptr));
    Ref<> c = steal(dict_copy(d.get()));
  }
  EXPECT_EQ(gc::live_objects(), before);
}

struct Case {
  const char* program;
  const char* expected;
};

const Case kCases[] = {
    {"r = hash((1, 2))",
     "-3550055125485641917"},
    {"r = hash(())",
     "5740354900026072187"},
    {"r = hash((1, (2, 3), 'a' * 0, None is None))",
     "-1659123734100876238"},
    {"r = hash((-1,))",
     "8078679518589016365"},
    {"r = (1,)",
     "(1,)"},
    {"r = ()",
     "()"},
    {"r = (1, 2) + (3,)",
     "(1, 2, 3)"},
    {"r = (1, 2) * 3",
     "(1, 2, 1, 2, 1, 2)"},
    {"r = 2 * (1,)",
     "(1, 1)"},
    {"r = (1, 2, 3)[::-1]",
     "(3, 2, 1)"},
    {"r = (1, 2, 3)[5:1:-1]",
     "(3,)"},
    {"r = (1, 2) < (1, 2, 0)",
     "True"},
    {"r = (1, 3) > (1, 2, 9)",
     "True"},
    {"r = (1, 2) == (1, 2)",
     "True"},
    {"r = (1, 2, 3, 2).index(2)",
     "1"},
    {"r = (1, 2, 3, 2).count(2)",
     "2"},
    {"r = (1, 2, 3).index(4)",
     "ValueError: tuple.index(x): x not in tuple"},
    {"r = (1, 2)[2]",
     "IndexError: tuple index out of range"},
    {"r = (1, 2)['a']",
     "TypeError: tuple indices must be integers or slices, not str"},
    {"r = (1,) + [2]",
     "TypeError: can only concatenate tuple (not \"list\") to tuple"},
    {"r = (1,) * 2.0",
     "TypeError: can't multiply sequence by non-int of type 'float'"},
    {"r = tuple([1, 2]) ",
     "(1, 2)"},
    {"r = tuple('abc')",
     "('a', 'b', 'c')"},
    {"r = tuple(range(3), 1)",
     "TypeError: tuple expected at most 1 argument, got 2"},
    {"r = {(1, 2), (3, 4), (5, 6), (0, 0), (-1, -1)}",
     "{(1, 2), (-1, -1), (3, 4), (0, 0), (5, 6)}"},
    {"r = {(i, i * i) for i in range(12)}",
     "{(7, 49), (2, 4), (4, 16), (0, 0), (1, 1), (8, 64), (6, 36), (10, 100), (3, 9), (11, 121), (5, 25), (9, 81)}"},
    {"r = {1, 2, 3, 100, 17, 33, 64, 9, -1}",
     "{64, 1, 2, 3, 100, 33, 9, 17, -1}"},
    {"r = {'a'} == {'a'}",
     "True"},
    {"r = set(range(20)) - {3, 4, 5}",
     "{0, 1, 2, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}"},
    {"r = list({x * 7 % 31 for x in range(40)})",
     "[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]"},
    {"r = set()",
     "set()"},
    {"r = frozenset()",
     "frozenset()"},
    {"r = frozenset({1, 2})",
     "frozenset({1, 2})"},
    {"r = hash(frozenset({1, 2, 3}))",
     "-272375401224217160"},
    {"r = hash(frozenset())",
     "133146708735736"},
    {"r = hash(frozenset({(1, 2), 'x' * 0}))",
     "-8636068477419413726"},
    {"r = {1, 2} | {3}",
     "{1, 2, 3}"},
    {"r = {1, 2} & {2, 3}",
     "{2}"},
    {"r = {1, 2} ^ {2, 3}",
     "{1, 3}"},
    {"r = {1, 2} - {2, 3}",
     "{1}"},
    {"r = {1, 2} | [3]",
     "TypeError: unsupported operand type(s) for |: 'set' and 'list'"},
    {"r = {1, 2}.union([3], (4, 5))",
     "{1, 2, 3, 4, 5}"},
    {"r = {1, 2, 3}.intersection([2, 3, 4], {3})",
     "{3}"},
    {"r = {1, 2, 3}.difference([2], [3])",
     "{1}"},
    {"r = {1, 2, 3}.symmetric_difference([3, 4])",
     "{1, 2, 4}"},
    {"r = {1, 2} <= {1, 2, 3}",
     "True"},
    {"r = {1, 2} < {1, 2}",
     "False"},
    {"r = {1, 2} >= {1}",
     "True"},
    {"r = {1, 2}.issubset([1, 2, 3])",
     "True"},
    {"r = {1, 2}.issuperset([1])",
     "True"},
    {"r = {1, 2}.isdisjoint([3])",
     "True"},
    {"r = {1}.remove(2)",
     "KeyError: 2"},
    {"r = set().pop()",
     "KeyError: 'pop from an empty set'"},
    {"r = hash({1})",
     "TypeError: unhashable type: 'set'"},
    {"r = {frozenset({1}), 2}",
     "{frozenset({1}), 2}"},
    {"r = frozenset({1}) in {frozenset({1})}",
     "True"},
    {"r = {1} in {frozenset({1})}",
     "True"},
    {"s = {1, 2, 3}; s.discard(2); s.add(4); r = s",
     "{1, 3, 4}"},
    {"s = set(range(100)); [s.discard(i) for i in range(0, 100, 3)]; r = list(s)[:10]",
     "[1, 2, 4, 5, 7, 8, 10, 11, 13, 14]"},
    {"s = {5, 6, 7}; r = s.pop(), s.pop(), s",
     "(5, 6, {7})"},
    {"s = {1, 2}; s |= {3}; s &= {2, 3}; s -= {2}; s ^= {9}; r = s",
     "{9, 3}"},
    {"s = {1}; s |= [2]",
     "TypeError: unsupported operand type(s) for |=: 'set' and 'list'"},
    {"r = list(set([3, 1, 2, 1 << 40, -7, 1 << 62]))",
     "[1099511627776, 1, 2, 3, 4611686018427387904, -7]"},
    {"r = {'x': 1, 'y': 2}",
     "{'x': 1, 'y': 2}"},
    {"r = dict(a=1, b=2)",
     "{'a': 1, 'b': 2}"},
    {"r = dict([(1, 2), (3, 4)], z=5)",
     "{1: 2, 3: 4, 'z': 5}"},
    {"r = dict(['ab'])",
     "{'a': 'b'}"},
    {"r = dict([1])",
     "TypeError: cannot convert dictionary update sequence element #0 to a sequence"},
    {"r = dict([(1, 2, 3)])",
     "ValueError: dictionary update sequence element #0 has length 3; 2 is required"},
    {"r = {}",
     "{}"},
    {"d = {}; d['a'] = 1; d['b'] = 2; del d['a']; d['a'] = 3; r = d",
     "{'b': 2, 'a': 3}"},
    {"d = dict.fromkeys(range(10)); [d.pop(i) for i in range(0, 10, 2)]; d[0] = 'z'; r = list(d)",
     "[1, 3, 5, 7, 9, 0]"},
    {"d = {1: 2}; r = d[3]",
     "KeyError: 3"},
    {"d = {1: 2}; r = d.pop(3)",
     "KeyError: 3"},
    {"d = {1: 2}; r = d.pop(3, 'dflt'), d.get(1), d.get(9), d.setdefault(5, 6), d",
     "('dflt', 2, None, 6, {1: 2, 5: 6})"},
    {"d = {}; r = d.popitem()",
     "KeyError: 'popitem(): dictionary is empty'"},
    {"d = {1: 1, 2: 2}; r = d.popitem(), d",
     "((2, 2), {1: 1})"},
    {"r = {1: 2} | {3: 4}",
     "{1: 2, 3: 4}"},
    {"d = {1: 2}; d |= [(5, 6)]; r = d",
     "{1: 2, 5: 6}"},
    {"r = {1: 2} == {1: 2.0}",
     "True"},
    {"r = {1: 2, 3: 4} == {3: 4, 1: 2}",
     "True"},
    {"r = {1: 2} != {1: 3}",
     "True"},
    {"r = {1: 2}.keys()",
     "dict_keys([1])"},
    {"r = {1: 2}.values()",
     "dict_values([2])"},
    {"r = {1: 2}.items()",
     "dict_items([(1, 2)])"},
    {"r = {1: 2, 3: 4}.keys() & {3, 5}",
     "{3}"},
    {"r = {1: 2, 3: 4}.keys() | [7]",
     "{1, 3, 7}"},
    {"r = {1: 2, 3: 4}.keys() - {1}",
     "{3}"},
    {"r = {1: 2, 3: 4}.keys() ^ {1, 9}",
     "{9, 3}"},
    {"r = {1: 2, 3: 4}.items() ^ {3: 4, 5: 6}.items()",
     "{(1, 2), (5, 6)}"},
    {"r = {1: 2}.keys() == {1}",
     "True"},
    {"r = (1, 2) in {1: 2}.items()",
     "True"},
    {"r = 2 in {1: 2}.values()",
     "True"},
    {"r = list(reversed({1: 2, 3: 4}))",
     "[3, 1]"},
    {"r = list(reversed({1: 2, 3: 4}.items()))",
     "[(3, 4), (1, 2)]"},
    {"r = hash({})",
     "TypeError: unhashable type: 'dict'"},
    {"d = {1: 2}; r = [d.update({i: i}) for i in d]",
     "[None]"},
    {"d = {1: 2, 3: 4}; r = [(d.pop(k), d.__setitem__(k + 10, 0)) for k in d]",
     "RuntimeError: dictionary keys changed during iteration"},
    {"r = dict.fromkeys('ab', 0)",
     "{'a': 0, 'b': 0}"},
    {"d = {}; d[d] = 1",
     "TypeError: unhashable type: 'dict'"},
    {"d = {}; d['k'] = d; r = d",
     "{'k': {...}}"},
    {"l = [1]; l.append(l); r = l",
     "[1, [...]]"},
    {"r = {1: 2}.update(1)",
     "TypeError: 'int' object is not iterable"},
    {"r = [3, 1, 2]",
     "[3, 1, 2]"},
    {"l = [5, 3, 1]; l.sort(); r = l",
     "[1, 3, 5]"},
    {"l = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]; l.sort(key=lambda t: t[0]); r = l",
     "[(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]"},
    {"l = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]; l.sort(key=lambda t: t[0], reverse=True); r = l",
     "[(1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')]"},
    {"l = list(range(100, 0, -3)); l.sort(); r = l[:5] + l[-3:]",
     "[1, 4, 7, 10, 13, 94, 97, 100]"},
    {"l = ['b', 'a', 'c', '\303\251', 'B']; l.sort(); r = l",
     "['B', 'a', 'b', 'c', '\303\251']"},
    {"l = [2.5, -1.0, 3.0, 0.5]; l.sort(reverse=True); r = l",
     "[3.0, 2.5, 0.5, -1.0]"},
    {"l = [1, 'a', 2]; l.sort()",
     "TypeError: '<' not supported between instances of 'str' and 'int'"},
    {"l = [3, 1, 2]; r = sorted(l, key=lambda x: -x)",
     "[3, 2, 1]"},
    {"l = [1 << 70, 3, -(1 << 65), 0]; l.sort(); r = l",
     "[-36893488147419103232, 0, 3, 1180591620717411303424]"},
    {"l = [3, 1, 2]; l.sort(1)",
     "TypeError: sort() takes no positional arguments"},
    {"l = [1, 2, 3]; l[1:2] = [7, 8, 9]; r = l",
     "[1, 7, 8, 9, 3]"},
    {"l = [1, 2, 3, 4, 5]; l[::2] = 'abc'; r = l",
     "['a', 2, 'b', 4, 'c']"},
    {"l = [1, 2, 3, 4, 5]; l[::2] = 'ab'",
     "ValueError: attempt to assign sequence of size 2 to extended slice of size 3"},
    {"l = [1, 2, 3, 4, 5]; del l[::2]; r = l",
     "[2, 4]"},
    {"l = [1, 2, 3, 4, 5, 6]; del l[::-2]; r = l",
     "[1, 3, 5]"},
    {"l = [1, 2, 3, 4, 5]; l[::-1] = l; r = l",
     "[5, 4, 3, 2, 1]"},
    {"l = [1, 2, 3]; l[1:1] = l; r = l",
     "[1, 1, 2, 3, 2, 3]"},
    {"l = [1, 2, 3]; l[5:] = [9]; r = l",
     "[1, 2, 3, 9]"},
    {"l = [1, 2, 3]; l[1:2] = 5",
     "TypeError: can only assign an iterable"},
    {"l = [0] * 10; l[8:2:-2] = [1, 2, 3]; r = l",
     "[0, 0, 0, 0, 3, 0, 2, 0, 1, 0]"},
    {"l = list(range(10)); r = l[-3:], l[:-7:-2], l[100:], l[::3]",
     "([7, 8, 9], [9, 7, 5], [], [0, 3, 6, 9])"},
    {"r = [1, 2, 3][3]",
     "IndexError: list index out of range"},
    {"r = [1, 2, 3]['a']",
     "TypeError: list indices must be integers or slices, not str"},
    {"r = [1, 2, 3][-4]",
     "IndexError: list index out of range"},
    {"l = [1]; l[5] = 1",
     "IndexError: list assignment index out of range"},
    {"r = [1] + (2,)",
     "TypeError: can only concatenate list (not \"tuple\") to list"},
    {"r = [1, 2] * 2, 2 * [3], [1] * -1",
     "([1, 2, 1, 2], [3, 3], [])"},
    {"l = [1]; l *= 3; r = l",
     "[1, 1, 1]"},
    {"l = [1]; l += (2, 3); r = l",
     "[1, 2, 3]"},
    {"l = [1]; l += 3",
     "TypeError: 'int' object is not iterable"},
    {"r = [].pop()",
     "IndexError: pop from empty list"},
    {"r = [1].pop(5)",
     "IndexError: pop index out of range"},
    {"l = [1, 2, 3]; r = l.pop(0), l.pop(), l",
     "(1, 3, [2])"},
    {"r = [1, 2].remove(3)",
     "ValueError: list.remove(x): x not in list"},
    {"r = [1, 2, 3].index(3)",
     "2"},
    {"r = [1, 2, 3].index(4)",
     "ValueError: 4 is not in list"},
    {"r = [1, 2, 3, 1].index(1, 1)",
     "3"},
    {"r = [1, 2, 3, 1].count(1)",
     "2"},
    {"l = [1, 2]; l.insert(-10, 0); l.insert(10, 9); l.insert(1, 5); r = l",
     "[0, 5, 1, 2, 9]"},
    {"l = [1, 2, 3]; l.reverse(); r = l",
     "[3, 2, 1]"},
    {"r = [1, 2] < [1, 2, 3], [2] > [1, 9], [1, 2] == [1, 2], [] == []",
     "(True, True, True, True)"},
    {"r = list(reversed([1, 2, 3]))",
     "[3, 2, 1]"},
    {"r = [1, 2].__getitem__(0)",
     "1"},
    {"r = hash([])",
     "TypeError: unhashable type: 'list'"},
    {"l = [1, 2, 3]; it = iter(l); next(it); l.append(4); r = list(it)",
     "[2, 3, 4]"},
    {"r = list(range(5)), list(range(10, 0, -3)), list(range(3, 3))",
     "([0, 1, 2, 3, 4], [10, 7, 4, 1], [])"},
    {"r = range(10), range(0, 10, 2), range(5)[1:3], range(10)[::-1]",
     "(range(0, 10), range(0, 10, 2), range(1, 3), range(9, -1, -1))"},
    {"r = len(range(0, 10, 3)), len(range(10, 0)), range(10)[-1]",
     "(4, 0, 9)"},
    {"r = len(range(10 ** 20))",
     "OverflowError: Python int too large to convert to C ssize_t"},
    {"r = range(10 ** 20)[-1]",
     "99999999999999999999"},
    {"r = list(range(10 ** 20, 10 ** 20 + 3))",
     "[100000000000000000000, 100000000000000000001, 100000000000000000002]"},
    {"r = 10 ** 19 in range(0, 10 ** 20, 10), 5 in range(0, 10, 2), 4 in range(0, 10, 2)",
     "(True, False, True)"},
    {"r = range(0, 10, 0)",
     "ValueError: range() arg 3 must not be zero"},
    {"r = range(1.5)",
     "TypeError: 'float' object cannot be interpreted as an integer"},
    {"r = range(0, 10, 3).index(6), range(0, 10, 3).count(6)",
     "(2, 1)"},
    {"r = range(0, 10, 3).index(5)",
     "ValueError: 5 is not in range"},
    {"r = range(0, 3) == range(0, 4, 3) , range(0) == range(5, 2), hash(range(0, 3)) == hash(range(0, 3, 1))",
     "(False, True, True)"},
    {"r = range(1, 10, 2).start, range(1, 10, 2).stop, range(1, 10, 2).step",
     "(1, 10, 2)"},
    {"r = bool(range(0)), bool(range(1))",
     "(False, True)"},
    {"r = list(reversed(range(1, 10, 3)))",
     "[7, 4, 1]"},
    {"r = range(5)[10]",
     "IndexError: range object index out of range"},
    {"r = slice(1, 2), slice(3), slice(1, 2, 3)",
     "(slice(1, 2, None), slice(None, 3, None), slice(1, 2, 3))"},
    {"r = slice(1, 10, 2).indices(5), slice(None, None, -1).indices(10), slice(-100, 100).indices(7)",
     "((1, 5, 2), (9, -1, -1), (0, 7, 1))"},
    {"r = slice(1, 2, 0).indices(5)",
     "ValueError: slice step cannot be zero"},
    {"r = [1, 2, 3][1.5:]",
     "TypeError: slice indices must be integers or None or have an __index__ method"},
    {"r = slice(1) == slice(1), slice(1, 2) < slice(1, 3)",
     "(True, True)"},
    {"r = hash(slice(1))",
     "TypeError: unhashable type: 'slice'"},
    {"r = list(enumerate('abc')), list(enumerate('ab', 10)), list(enumerate('a', start=2 ** 70))",
     "([(0, 'a'), (1, 'b'), (2, 'c')], [(10, 'a'), (11, 'b')], [(1180591620717411303424, 'a')])"},
    {"r = list(zip('abc', range(5))), list(zip()), list(zip([1], [2], [3]))",
     "([('a', 0), ('b', 1), ('c', 2)], [], [(1, 2, 3)])"},
    {"r = list(zip('ab', 'abc', strict=True))",
     "ValueError: zip() argument 2 is longer than argument 1"},
    {"r = list(zip('abc', 'ab', strict=True))",
     "ValueError: zip() argument 2 is shorter than argument 1"},
    {"r = list(zip('ab', 'ab', 'a', strict=True))",
     "ValueError: zip() argument 3 is shorter than arguments 1-2"},
    {"r = list(map(lambda x, y: x + y, [1, 2, 3], [10, 20]))",
     "[11, 22]"},
    {"r = map(len)",
     "TypeError: map() must have at least two arguments."},
    {"r = list(filter(None, [0, 1, '', 'a'])), list(filter(lambda x: x > 1, [1, 2, 3]))",
     "([1, 'a'], [2, 3])"},
    {"r = reversed(5)",
     "TypeError: 'int' object is not reversible"},
    {"r = list(reversed('abc')), list(reversed((1, 2)))",
     "(['c', 'b', 'a'], [2, 1])"},
    {"class S:\n  def __getitem__(self, i):\n    if i >= 3: raise IndexError\n    return i * 10\n  def __len__(self): return 3\nr = list(S()), list(reversed(S())), 20 in S()",
     "([0, 10, 20], [20, 10, 0], True)"},
    {"r = repr(enumerate([]))[:20]",
     "'<enumerate object at'"},
    {"s = set(); [s.add(i * r) for r in range(30) for i in range(100)]; [s.discard(i * r) for r in range(30) for i in range(0, 100, 2)]; r = list(s)[:12]",
     "[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23]"},
    {"d = {}; [d.__setitem__(i * k, k) for k in range(20) for i in range(50)]; [d.pop(i * k, None) for k in range(20) for i in range(0, 50, 3)]; r = list(d.items())[:6], len(d)",
     "([(1, 1), (2, 2), (4, 4), (5, 5), (7, 7), (8, 8)], 289)"},
    {"f = frozenset((-1, -2, 5, 7)); s = set(); s.update(frozenset(tuple(f))); r = s",
     "{-2, 5, -1, 7}"},
    {"f = frozenset((8, 16, 0, 24, 32)); s = set(); s.update(frozenset(tuple(f))); r = s, f",
     "({32, 0, 16, 8, 24}, frozenset({32, 0, 8, 16, 24}))"},
    {"r = range(0, 10 ** 30, 3)[10 ** 25], range(0, 10 ** 30, 3)[-1]",
     "(30000000000000000000000000, 999999999999999999999999999999)"},
    {"r = set([2 ** 64, 1, 2 ** 64 + 1]), {(1, 2): 3}.keys() | {(3, 4)}",
     "({18446744073709551616, 1, 18446744073709551617}, {(1, 2), (3, 4)})"},
    {"s = {1, 2, 3}; s.intersection_update({2, 3, 4}, [3]); r = s",
     "{3}"},
    {"s = set(range(10)); s.difference_update(range(0, 10, 2)); r = s, s.copy()",
     "({1, 3, 5, 7, 9}, {1, 3, 5, 7, 9})"},
    {"l = list(range(20)); l[3:17:4] = 'abcd'; del l[-1:-15:-3]; r = l",
     "[0, 1, 2, 'a', 4, 5, 6, 8, 9, 'c', 12, 14, 'd', 17, 18]"},
};

TEST_F(ContainersTest, ProgramsMatchCPython) {
  for (const Case& c : kCases) {
    EXPECT_EQ(run_repr(c.program), c.expected) << "program: " << c.program;
  }
}

}  // namespace
}  // namespace conch::vm
