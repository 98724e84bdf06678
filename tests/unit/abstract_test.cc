// The object protocol (vm/abstract.h): operator dispatch with reflection
// and subclass priority, comparisons, attribute lookup, calls, iteration,
// containers, format and isinstance; messages as CPython 3.11 words them.
#include <gtest/gtest.h>

#include <string>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/runtime.h"
#include "vm/types.h"

namespace conch::vm {

void ensure_runtime();                        // tests/unit/str_test.cc
std::string run_module(std::string_view src);  // tests/unit/object_test.cc
std::string take_error();                      // tests/unit/object_test.cc

namespace {

class AbstractTest : public ::testing::Test {
 protected:
  void SetUp() override { ensure_runtime(); }
};

TEST_F(AbstractTest, BinaryOpErrors) {
  Ref<> one = steal(int_from_i64(1));
  Ref<> s = steal(str_from("a"));
  EXPECT_EQ(binary_op(one.get(), s.get(), BinaryOp::kAdd), nullptr);
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for +: 'int' and 'str'");
  EXPECT_EQ(inplace_op(one.get(), s.get(), BinaryOp::kPower), nullptr);
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for **=: 'int' and 'str'");
  EXPECT_EQ(power(one.get(), s.get(), nullptr), nullptr);
  EXPECT_EQ(take_error(), "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'");
  EXPECT_EQ(negative(s.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: bad operand type for unary -: 'str'");
  EXPECT_EQ(absolute(s.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: bad operand type for abs(): 'str'");
  EXPECT_STREQ(binary_op_symbol(static_cast<int>(BinaryOp::kFloorDivide)), "//");
  EXPECT_STREQ(binary_op_symbol(static_cast<int>(BinaryOp::kLshift) + kInplaceOffset), "<<=");
}

TEST_F(AbstractTest, ReflectedAndSubclassPriority) {
  EXPECT_EQ(run_module("class A:\n def __add__(self, o): return 'A.add'\n"
                       " def __radd__(self, o): return 'A.radd'\n"
                       "class B(A):\n def __radd__(self, o): return 'B.radd'\n"
                       "result = (A() + B(), 1 + A(), A() + 1)"),
            "('B.radd', 'A.radd', 'A.add')");
  EXPECT_EQ(run_module("class A:\n def __lt__(self, o): return 'A.lt'\n"
                       "class B(A):\n def __gt__(self, o): return 'B.gt'\n"
                       "result = (A() < B(), 1 > A())"),
            "('B.gt', 'A.lt')");
}

TEST_F(AbstractTest, Comparisons) {
  Ref<> one = steal(int_from_i64(1));
  Ref<> s = steal(str_from("a"));
  EXPECT_EQ(rich_compare(one.get(), s.get(), CompareOp::kLt), nullptr);
  EXPECT_EQ(take_error(), "TypeError: '<' not supported between instances of 'int' and 'str'");
  EXPECT_EQ(rich_compare_bool(one.get(), s.get(), CompareOp::kEq), 0);
  EXPECT_EQ(rich_compare_bool(one.get(), s.get(), CompareOp::kNe), 1);
  Ref<> l = steal(list_new(0));
  EXPECT_EQ(rich_compare_bool(l.get(), l.get(), CompareOp::kEq), 1);
  EXPECT_EQ(run_module("class C:\n def __eq__(self, o): return True\nresult = (C() != 1, C() == 2)"),
            "(False, True)");
}

TEST_F(AbstractTest, HashAndTruth) {
  Ref<> l = steal(list_new(0));
  EXPECT_EQ(hash(l.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: unhashable type: 'list'");
  EXPECT_EQ(is_true(kNone), 0);
  EXPECT_EQ(is_true(l.get()), 0);
  Ref<> o = steal(call(&kObjectType, nullptr, 0));
  EXPECT_EQ(is_true(o.get()), 1);
  EXPECT_EQ(hash(o.get()), hash(o.get()));
  EXPECT_EQ(run_module("class L:\n def __len__(self): return -1\nbool(L())"),
            "ValueError: __len__() should return >= 0");
  EXPECT_EQ(run_module("class B:\n def __bool__(self): return 1\nbool(B())"),
            "TypeError: __bool__ should return bool, returned int");
}

TEST_F(AbstractTest, Attributes) {
  Ref<> one = steal(int_from_i64(1));
  EXPECT_EQ(getattr_str(one.get(), "x"), nullptr);
  EXPECT_EQ(take_error(), "AttributeError: 'int' object has no attribute 'x'");
  EXPECT_EQ(lookup_attr(one.get(), str_intern("x")), nullptr);
  EXPECT_FALSE(has_error());
  EXPECT_EQ(getattr(one.get(), one.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: attribute name must be string, not 'int'");
  EXPECT_EQ(getattr_str(&kIntType, "x"), nullptr);
  EXPECT_EQ(take_error(), "AttributeError: type object 'int' has no attribute 'x'");
  EXPECT_EQ(setattr(&kIntType, str_intern("x"), one.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: cannot set 'x' attribute of immutable type 'int'");
  EXPECT_EQ(run_module("class G:\n def __getattr__(self, n): return n * 2\nresult = G().ab"),
            "'abab'");
}

TEST_F(AbstractTest, CallsIterationContainers) {
  Ref<> one = steal(int_from_i64(1));
  EXPECT_EQ(call(one.get(), nullptr, 0), nullptr);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not callable");
  EXPECT_EQ(get_iter(one.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not iterable");
  EXPECT_EQ(iter_next(one.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not an iterator");
  EXPECT_EQ(getitem(one.get(), one.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: 'int' object is not subscriptable");
  Ref<> s = steal(str_from("abc"));
  EXPECT_EQ(setitem(s.get(), one.get(), one.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: 'str' object does not support item assignment");
  EXPECT_EQ(delitem(s.get(), one.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: 'str' object doesn't support item deletion");
  EXPECT_EQ(length(one.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: object of type 'int' has no len()");
  EXPECT_EQ(contains(one.get(), one.get()), -1);
  EXPECT_EQ(take_error(), "TypeError: argument of type 'int' is not iterable");
  EXPECT_EQ(run_module("class S:\n def __getitem__(self, i):\n  if i < 3: return i\n"
                       "  raise IndexError\nresult = (list(S()), 2 in S(), 5 in S())"),
            "([0, 1, 2], True, False)");
  Ref<> t = steal(tuple_pack({one.get(), s.get()}));
  Ref<> l = steal(sequence_list(t.get()));
  ASSERT_TRUE(l);
  EXPECT_EQ(list_size(l.get()), 2);
  Ref<> t2 = steal(sequence_tuple(l.get()));
  EXPECT_EQ(tuple_size(t2.get()), 2);
}

TEST_F(AbstractTest, FormatAndIsinstance) {
  Ref<> o = steal(call(&kObjectType, nullptr, 0));
  Ref<> spec = steal(str_from("x"));
  EXPECT_EQ(format(o.get(), spec.get()), nullptr);
  EXPECT_EQ(take_error(), "TypeError: unsupported format string passed to object.__format__");
  Ref<> one = steal(int_from_i64(1));
  EXPECT_EQ(isinstance(one.get(), one.get()), -1);
  EXPECT_EQ(take_error(),
            "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  Ref<> tup = steal(tuple_pack({&kStrType, &kIntType}));
  EXPECT_EQ(isinstance(kTrue, tup.get()), 1);
  EXPECT_EQ(issubclass(one.get(), &kIntType), -1);
  EXPECT_EQ(take_error(), "TypeError: issubclass() arg 1 must be a class");
  EXPECT_EQ(issubclass(&kBoolType, tup.get()), 1);
}

TEST_F(AbstractTest, Ascii) {
  Ref<> s = steal(str_from("h\xc3\xa9\xe1\x88\xb4\xf0\x9f\x98\x80"));
  Ref<> a = steal(ascii(s.get()));
  ASSERT_TRUE(a);
  EXPECT_EQ(str_view(a.get()), "'h\\xe9\\u1234\\U0001f600'");
}

}  // namespace
}  // namespace conch::vm
