// int and bool unit tests: the C++ API of vm/types/int.h (small-int cache,
// overflow into GMP, hashing, parsing) and a table of Python expressions
// whose expected repr() / "Error: message" text was computed with CPython 3.11.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/runtime.h"
#include "vm/types.h"
#include "vm/types/int.h"
#include "vm/types/numfmt.h"

namespace conch::vm {

// Shared helpers (tests/unit/str_test.cc).
std::string eval_repr(std::string_view expr);
void ensure_runtime();

namespace {

struct ExprCase {
  const char* expr;
  const char* expected;
};

class IntTest : public ::testing::Test {
 protected:
  void SetUp() override { ensure_runtime(); }
};

std::string decimal(Object* o) {
  Ref<> r = steal(o);
  EXPECT_TRUE(r) << "unexpected exception";
  if (!r) {
    clear_error();
    return "<error>";
  }
  return int_to_decimal(r.get());
}

TEST_F(IntTest, SmallIntsAreCachedAndImmortal) {
  Object* a = int_from_i64(1024);
  Object* b = int_from_i64(1024);
  EXPECT_EQ(a, b);
  EXPECT_EQ(int_from_i64(-5), &kSmallInts[0]);
  Ref<> big = steal(int_from_i64(1025));
  Ref<> big2 = steal(int_from_i64(1025));
  EXPECT_NE(big.get(), big2.get());
  EXPECT_TRUE(int_is_small(big.get()));
  EXPECT_EQ(int_small_value(big.get()), 1025);
}

TEST_F(IntTest, AddOverflowsIntoBigAndNormalisesBack) {
  Ref<> max = steal(int_from_i64(INT64_MAX));
  Ref<> one = steal(int_from_i64(1));
  Ref<> sum = steal(int_add(max.get(), one.get()));
  ASSERT_TRUE(sum);
  EXPECT_FALSE(int_is_small(sum.get()));
  EXPECT_EQ(int_to_decimal(sum.get()), "9223372036854775808");
  Ref<> back = steal(int_sub(sum.get(), one.get()));
  ASSERT_TRUE(back);
  EXPECT_TRUE(int_is_small(back.get()));
  EXPECT_EQ(int_small_value(back.get()), INT64_MAX);
  EXPECT_EQ(decimal(int_mul_small(INT64_MIN, -1)), "9223372036854775808");
  EXPECT_EQ(decimal(int_sub_small(INT64_MIN, 1)), "-9223372036854775809");
  EXPECT_EQ(decimal(int_floordiv_small(INT64_MIN, -1)), "9223372036854775808");
  EXPECT_EQ(decimal(int_mod_small(INT64_MIN, -1)), "0");
}

TEST_F(IntTest, FloorDivisionAndModuloSigns) {
  EXPECT_EQ(decimal(int_floordiv_small(-7, 2)), "-4");
  EXPECT_EQ(decimal(int_floordiv_small(7, -2)), "-4");
  EXPECT_EQ(decimal(int_mod_small(-7, 2)), "1");
  EXPECT_EQ(decimal(int_mod_small(7, -2)), "-1");
  EXPECT_EQ(int_floordiv_small(1, 0), nullptr);
  EXPECT_TRUE(error_matches(&kZeroDivisionErrorType));
  clear_error();
}

TEST_F(IntTest, HashMatchesCPython) {
  struct {
    const char* text;
    hash_t hash;
  } cases[] = {
      {"-1", -2},
      {"2305843009213693951", 0},
      {"2305843009213693952", 1},
      {"1267650600228229401496703205376", 549755813888},
      {"-1267650600228229401496703205376", -549755813888},
      {"9223372036854775808", 4},
      {"-9223372036854775808", -4},
  };
  for (const auto& c : cases) {
    Ref<> v = steal(int_from_string(c.text, 10));
    ASSERT_TRUE(v) << c.text;
    EXPECT_EQ(int_hash_value(v.get()), c.hash) << c.text;
    EXPECT_EQ(hash(v.get()), c.hash) << c.text;
  }
}

TEST_F(IntTest, ParsesLiterals) {
  EXPECT_EQ(decimal(int_from_string(" -0x_ff ", 0)), "-255");
  EXPECT_EQ(decimal(int_from_string("1_000_000", 10)), "1000000");
  EXPECT_EQ(decimal(int_from_string("zz", 36)), "1295");
  EXPECT_EQ(decimal(int_from_string("123456789012345678901234567890", 10)),
            "123456789012345678901234567890");
  EXPECT_EQ(int_from_string("1__0", 10), nullptr);
  EXPECT_TRUE(error_matches(&kValueErrorType));
  clear_error();
  EXPECT_EQ(int_from_string("09", 0), nullptr);
  clear_error();
}

TEST_F(IntTest, ComparesExactlyWithDoubles) {
  Ref<> v = steal(int_from_string("9007199254740993", 10));  // 2**53 + 1
  bool unordered;
  EXPECT_EQ(int_compare_double(v.get(), 9007199254740992.0, &unordered), 1);
  EXPECT_FALSE(unordered);
  EXPECT_EQ(int_compare_double(v.get(), 1.0 / 0.0, &unordered), -1);
  int_compare_double(v.get(), 0.0 / 0.0, &unordered);
  EXPECT_TRUE(unordered);
}

TEST_F(IntTest, ConvertsToDoubleWithCorrectRounding) {
  Ref<> v = steal(int_from_string("9007199254740993", 10));
  EXPECT_EQ(int_to_double(v.get()), 9007199254740992.0);  // ties to even
  Ref<> w = steal(int_from_string("9007199254740995", 10));
  EXPECT_EQ(int_to_double(w.get()), 9007199254740996.0);
}

TEST_F(IntTest, PrintfConversions) {
  Ref<> v = steal(int_from_i64(255));
  std::string out;
  PrintfSpec s;
  s.conv = 'x';
  s.alt = true;
  s.zero = true;
  s.width = 8;
  ASSERT_TRUE(format_int_printf(v.get(), s, &out));
  EXPECT_EQ(out, "0x0000ff");
  Ref<> n = steal(int_from_i64(-42));
  PrintfSpec d;
  d.zero = true;
  d.width = 6;
  ASSERT_TRUE(format_int_printf(n.get(), d, &out));
  EXPECT_EQ(out, "-00042");
}

TEST_F(IntTest, GroupsDigitsLikeCPython) {
  EXPECT_EQ(group_digits("1234", ',', 3, 9), "0,001,234");
  EXPECT_EQ(group_digits("1234", ',', 3, 8), "0,001,234");
  EXPECT_EQ(group_digits("1234567", '_', 3, 0), "1_234_567");
  EXPECT_EQ(group_digits("12", 0, 0, 5), "00012");
}

const ExprCase kCases[] = {
    {"2**100", "1267650600228229401496703205376"},
    {"-(2**100)", "-1267650600228229401496703205376"},
    {"2**64 - 1", "18446744073709551615"},
    {"(2**63 - 1) + 1", "9223372036854775808"},
    {"-(2**63) - 1", "-9223372036854775809"},
    {"(-2**63) * -1", "9223372036854775808"},
    {"9223372036854775807 * 9223372036854775807", "85070591730234615847396907784232501249"},
    {"123456789 * 987654321 * 123456789", "15053411111487447638891241"},
    {"(2**200) // (2**100 + 7)", "1267650600228229401496703205369"},
    {"-7 // 2", "-4"},
    {"7 // -2", "-4"},
    {"-7 % 2", "1"},
    {"7 % -2", "-1"},
    {"-7 % -2", "-1"},
    {"(-2**63) // -1", "9223372036854775808"},
    {"(-2**63) % -1", "0"},
    {"-(10**30) // 7", "-142857142857142857142857142858"},
    {"-(10**30) % 7", "6"},
    {"10**30 % -7", "-6"},
    {"divmod(-7, 2)", "(-4, 1)"},
    {"divmod(10**25, -3)", "(-3333333333333333333333334, -2)"},
    {"1 // 0", "ZeroDivisionError: integer division or modulo by zero"},
    {"1 % 0", "ZeroDivisionError: integer modulo by zero"},
    {"divmod(1, 0)", "ZeroDivisionError: integer division or modulo by zero"},
    {"1 / 0", "ZeroDivisionError: division by zero"},
    {"7 / 2", "3.5"},
    {"-7 / 2", "-3.5"},
    {"1 / 3", "0.3333333333333333"},
    {"2**53 + 1", "9007199254740993"},
    {"(2**53 + 1) / 1", "9007199254740992.0"},
    {"10**400 / 10**399", "10.0"},
    {"10**400 / 3", "OverflowError: integer division result too large for a float"},
    {"1 / 10**400", "0.0"},
    {"(2**1024) / 1", "OverflowError: integer division result too large for a float"},
    {"(2**1024 - 2**970) / 1", "OverflowError: integer division result too large for a float"},
    {"(2**1024 - 2**969) / 1", "OverflowError: integer division result too large for a float"},
    {"10**30 / 10**10", "1e+20"},
    {"2**-1", "0.5"},
    {"(-2)**-3", "-0.125"},
    {"0**-1", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {"0**0", "1"},
    {"(-3)**3", "-27"},
    {"3**200", "265613988875874769338781322035779626829233452653394495974574961739092490901302182994384699044001"},
    {"pow(3, 200, 1000007)", "959082"},
    {"pow(2, -1, 7)", "4"},
    {"pow(2, -1, 4)", "ValueError: base is not invertible for the given modulus"},
    {"pow(3, 2, -5)", "-1"},
    {"pow(2, -1, -7)", "-3"},
    {"pow(5, 0, 1)", "0"},
    {"pow(2, 3, 0)", "ValueError: pow() 3rd argument cannot be 0"},
    {"1 << 100", "1267650600228229401496703205376"},
    {"-1 << 70", "-1180591620717411303424"},
    {"1 << -1", "ValueError: negative shift count"},
    {"(2**100) >> 90", "1024"},
    {"-(2**100) >> 99", "-2"},
    {"-1 >> 1000", "-1"},
    {"-5 >> 1", "-3"},
    {"(2**70) & -(2**65)", "1180591620717411303424"},
    {"-(2**70) | 12345", "-1180591620717411291079"},
    {"-(2**70) ^ -(2**68)", "885443715538058477568"},
    {"~(2**100)", "-1267650600228229401496703205377"},
    {"~-1", "0"},
    {"-12 & 0xff", "244"},
    {"abs(-(2**100))", "1267650600228229401496703205376"},
    {"abs(-5)", "5"},
    {"-(-2**63)", "9223372036854775808"},
    {"2**63 > 2**62", "True"},
    {"-(2**100) < 5", "True"},
    {"2**53 + 1 > 2.0**53", "True"},
    {"2**53 + 1 == 2.0**53", "False"},
    {"2**53 == 2.0**53", "True"},
    {"10**400 > 1e308", "True"},
    {"-10**400 < -1e308", "True"},
    {"1 == 1.0", "True"},
    {"3 < 3.5", "True"},
    {"hash(2**61 - 1)", "0"},
    {"hash(2**61)", "1"},
    {"hash(-1)", "-2"},
    {"hash(-2)", "-2"},
    {"hash(2**100)", "549755813888"},
    {"hash(-(2**100))", "-549755813888"},
    {"hash(10**40)", "1388497483929617590"},
    {"hash(2**63)", "4"},
    {"hash(-(2**63))", "-4"},
    {"hash(12345678901234567)", "12345678901234567"},
    {"int('  -12_345  ')", "-12345"},
    {"int('0x1f', 16)", "31"},
    {"int('0x1f', 0)", "31"},
    {"int('0b101', 0)", "5"},
    {"int('0o17', 0)", "15"},
    {"int('017', 0)", "ValueError: invalid literal for int() with base 0: '017'"},
    {"int('0', 0)", "0"},
    {"int('00', 0)", "0"},
    {"int('0_0', 0)", "0"},
    {"int('z', 36)", "35"},
    {"int('Z', 36)", "35"},
    {"int('1__0')", "ValueError: invalid literal for int() with base 10: '1__0'"},
    {"int('_1')", "ValueError: invalid literal for int() with base 10: '_1'"},
    {"int('1_')", "ValueError: invalid literal for int() with base 10: '1_'"},
    {"int('')", "ValueError: invalid literal for int() with base 10: ''"},
    {"int('  ')", "ValueError: invalid literal for int() with base 10: '  '"},
    {"int('0x', 16)", "ValueError: invalid literal for int() with base 16: '0x'"},
    {"int('12', 1)", "ValueError: int() base must be >= 2 and <= 36, or 0"},
    {"int('12', 37)", "ValueError: int() base must be >= 2 and <= 36, or 0"},
    {"int('+', 10)", "ValueError: invalid literal for int() with base 10: '+'"},
    {"int('-0')", "0"},
    {"int('123456789012345678901234567890')", "123456789012345678901234567890"},
    {"int('-ffffffffffffffffffffffff', 16)", "-79228162514264337593543950335"},
    {"int(3.99)", "3"},
    {"int(-3.99)", "-3"},
    {"int(1e30)", "1000000000000000019884624838656"},
    {"int(float('inf'))", "OverflowError: cannot convert float infinity to integer"},
    {"int(float('nan'))", "ValueError: cannot convert float NaN to integer"},
    {"int()", "0"},
    {"int(True)", "1"},
    {"int('1' * 5000)", "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"},
    {"int(None)", "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'"},
    {"int(1.5, 10)", "TypeError: int() can't convert non-string with explicit base"},
    {"int('10', base=2)", "2"},
    {"str(10**4300)[:5]", "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"},
    {"str(10**4300 - 1)[:5]", "'99999'"},
    {"bool(0)", "False"},
    {"bool(-(2**100))", "True"},
    {"True + True", "2"},
    {"True & False", "False"},
    {"True | False", "True"},
    {"True ^ True", "False"},
    {"True & 1", "1"},
    {"~True", "-2"},
    {"-True", "-1"},
    {"repr(True)", "'True'"},
    {"str(False)", "'False'"},
    {"(5).bit_length()", "3"},
    {"(-(2**100)).bit_length()", "101"},
    {"(0).bit_length()", "0"},
    {"(-255).bit_count()", "8"},
    {"(1024).to_bytes(2, 'big')", "b'\\x04\\x00'"},
    {"(1024).to_bytes(2, 'little')", "b'\\x00\\x04'"},
    {"(-1).to_bytes(2, 'big', signed=True)", "b'\\xff\\xff'"},
    {"(-129).to_bytes(2, 'little', signed=True)", "b'\\x7f\\xff'"},
    {"(256).to_bytes(1, 'big')", "OverflowError: int too big to convert"},
    {"(-1).to_bytes(1, 'big')", "OverflowError: can't convert negative int to unsigned"},
    {"(127).to_bytes(1, 'big', signed=True)", "b'\\x7f'"},
    {"(128).to_bytes(1, 'big', signed=True)", "OverflowError: int too big to convert"},
    {"(-128).to_bytes(1, 'big', signed=True)", "b'\\x80'"},
    {"(0).to_bytes(0, 'big')", "b''"},
    {"(5).to_bytes()", "b'\\x05'"},
    {"int.from_bytes(b'\\x04\\x00', 'big')", "1024"},
    {"int.from_bytes(b'\\x04\\x00', 'little')", "4"},
    {"int.from_bytes(b'\\xff\\xff', 'big', signed=True)", "-1"},
    {"int.from_bytes(b'', 'big')", "0"},
    {"int.from_bytes([1, 2, 3], 'big')", "66051"},
    {"(7).as_integer_ratio()", "(7, 1)"},
    {"(7).numerator", "7"},
    {"(7).denominator", "1"},
    {"(7).real", "7"},
    {"(7).imag", "0"},
    {"(7).conjugate()", "7"},
    {"round(1235, -1)", "1240"},
    {"round(1245, -1)", "1240"},
    {"round(-1250, -2)", "-1200"},
    {"round(15, -1)", "20"},
    {"round(25, -1)", "20"},
    {"round(123, 2)", "123"},
    {"round(123)", "123"},
    {"round(5, -10)", "0"},
    {"hex(255)", "'0xff'"},
    {"hex(-255)", "'-0xff'"},
    {"oct(8)", "'0o10'"},
    {"bin(-5)", "'-0b101'"},
    {"hex(2**100)", "'0x10000000000000000000000000'"},
    {"format(255, 'x')", "'ff'"},
    {"format(255, '#X')", "'0XFF'"},
    {"format(255, '#o')", "'0o377'"},
    {"format(-255, '#010x')", "'-0x00000ff'"},
    {"format(255, '_b')", "'1111_1111'"},
    {"format(123456789, ',')", "'123,456,789'"},
    {"format(123456789, '_')", "'123_456_789'"},
    {"format(-1234, '010,')", "'-0,001,234'"},
    {"format(1234, '09,')", "'0,001,234'"},
    {"format(1234, '08,')", "'0,001,234'"},
    {"format(42, '+d')", "'+42'"},
    {"format(42, ' d')", "' 42'"},
    {"format(-42, ' d')", "'-42'"},
    {"format(42, '*^9')", "'***42****'"},
    {"format(42, '<5')", "'42   '"},
    {"format(42, '=+6')", "'+   42'"},
    {"format(65, 'c')", "'A'"},
    {"format(65, '5c')", "'    A'"},
    {"format(1, '+c')", "ValueError: Sign not allowed with integer format specifier 'c'"},
    {"format(-1, 'c')", "OverflowError: %c arg not in range(0x110000)"},
    {"format(42, '.2f')", "'42.00'"},
    {"format(42, 'e')", "'4.200000e+01'"},
    {"format(42, '%')", "'4200.000000%'"},
    {"format(10**20, ',.2f')", "'100,000,000,000,000,000,000.00'"},
    {"format(42, 's')", "ValueError: Unknown format code 's' for object of type 'int'"},
    {"format(42, ',s')", "ValueError: Cannot specify ',' with 's'."},
    {"format(42, '.3')", "ValueError: Precision not allowed in integer format specifier"},
    {"format(42, 'z')", "ValueError: Negative zero coercion (z) not allowed in integer format specifier"},
    {"format(42, 'xx')", "ValueError: Invalid format specifier 'xx' for object of type 'int'"},
    {"format(42, ',_')", "ValueError: Cannot specify both ',' and '_'."},
    {"format(42, ',x')", "ValueError: Cannot specify ',' with 'x'."},
    {"format(42, '')", "'42'"},
    {"format(True, '')", "'True'"},
    {"format(True, 'd')", "'1'"},
    {"format(2**64, ',')", "'18,446,744,073,709,551,616'"},
    {"format(12345, 'n')", "'12345'"},
    {"'%d' % 42", "'42'"},
    {"'%5d|' % -42", "'  -42|'"},
    {"'%-5d|' % 42", "'42   |'"},
    {"'%05d' % -42", "'-0042'"},
    {"'%+d' % 42", "'+42'"},
    {"'% d' % 42", "' 42'"},
    {"'%x' % 255", "'ff'"},
    {"'%#x' % 255", "'0xff'"},
    {"'%#X' % 255", "'0XFF'"},
    {"'%#o' % 8", "'0o10'"},
    {"'%.3d' % 7", "'007'"},
    {"'%#.3x' % 5", "'0x005'"},
    {"'%d' % 2**100", "'1267650600228229401496703205376'"},
    {"'%i' % True", "'1'"},
};


const ExprCase kExtraCases[] = {
    {"int(b'x')", "ValueError: invalid literal for int() with base 10: b'x'"},
    {"int(b' 12 ')", "12"},
    {"int(b'ff', 16)", "255"},
    {"int('\xd9\xa1""\xd9\xa2""')", "12"},
    {"float('\xd9\xa1"".\xd9\xa5""')", "1.5"},
    {"int('\xd9\xa1""x')", "ValueError: invalid literal for int() with base 10: '\xd9\xa1""x'"},
    {"format(5, '\xe2\x82\xac""^7')", "'\xe2\x82\xac""\xe2\x82\xac""\xe2\x82\xac""5\xe2\x82\xac""\xe2\x82\xac""\xe2\x82\xac""'"},
    {"(1).bit_length(1)", "TypeError: int.bit_length() takes no arguments (1 given)"},
    {"(1.5).hex(1)", "TypeError: float.hex() takes no arguments (1 given)"},
    {"round(-25, -1)", "-20"},
    {"round(-35, -1)", "-40"},
    {"divmod(7, 2.5)", "(2.0, 2.0)"},
    {"divmod(-7.5, 2)", "(-4.0, 0.5)"},
    {"7 // 0.5", "14.0"},
    {"-7 % 0.3", "0.19999999999999973"},
    {"1e300 * 1e300", "inf"},
    {"sorted([3, 1.5, True, 2**65, -0.5, 0])", "[-0.5, 0, True, 1.5, 3, 36893488147419103232]"},
    {"2**64 + 1 == 2.0**64", "False"},
    {"10**400 < float('inf')", "True"},
    {"float(3 * 2**1022)", "1.348269851146737e+308"},
};

TEST_F(IntTest, ExpressionsMatchCPython) {
  for (const ExprCase& c : kCases) EXPECT_EQ(eval_repr(c.expr), c.expected) << c.expr;
  for (const ExprCase& c : kExtraCases) EXPECT_EQ(eval_repr(c.expr), c.expected) << c.expr;
}

}  // namespace
}  // namespace conch::vm
