// str unit tests: the C++ API (construction, singletons, interning, hashing,
// code point indexing) and a table of Python expressions evaluated by conch
// whose expected repr() / error text was computed with CPython 3.11.
#include <gtest/gtest.h>

#include <string>

#include "gc/alloc.h"
#include "vm/abstract.h"
#include "vm/errors.h"
#include "vm/interp.h"
#include "vm/runtime.h"
#include "vm/types.h"
#include "vm/types/str.h"
#include "vm/types/unicode.h"

namespace conch::vm {

// Evaluates `expr` and returns repr(result), or "ExcType: message" when it
// raised.  Shared with bytes_test.cc.
std::string eval_repr(std::string_view expr);
void ensure_runtime();

namespace {

class StringsEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { ensure_runtime(); }
};
const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new StringsEnvironment);

}  // namespace

void ensure_runtime() {
  // Another suite may have initialised the runtime already.
  if (builtins_module() != nullptr) return;
  RuntimeConfig cfg;
  cfg.argv = {"conch_unit_tests"};
  runtime_init(cfg);
}

std::string eval_repr(std::string_view expr) {
  ensure_runtime();
  Ref<> code = steal(compile_source(expr, "<test>", CompileMode::kEval));
  Ref<> result;
  if (code) {
    Ref<> globals = steal(dict_new());
    dict_set_item_str(globals.get(), "__builtins__", builtins_module());
    result = steal(eval_code(code.get(), globals.get(), globals.get()));
  }
  if (!result) {
    Ref<> exc = steal(fetch_error());
    if (!exc) return "<no exception set>";
    Ref<> msg = steal(str(exc.get()));
    std::string text = std::string(type_name(exc.get())) + ": ";
    if (msg) text += std::string(str_view(msg.get()));
    else clear_error();
    return text;
  }
  Ref<> r = steal(repr(result.get()));
  if (!r) {
    clear_error();
    return "<repr failed>";
  }
  return std::string(str_view(r.get()));
}

namespace {

struct Case {
  const char* expr;
  const char* expected;
};

const Case kCases[] = {
    {"'abc' + 'def'", "'abcdef'"},
    {"'\303\251' * 3", "'\303\251\303\251\303\251'"},
    {"'' in 'abc'", "True"},
    {"'x' in 'abc'", "False"},
    {"'\303\251' in 'caf\303\251'", "True"},
    {"'abc' < 'abd'", "True"},
    {"'a' < '\303\251'", "True"},
    {"'\303\251' < '\342\202\254'", "True"},
    {"'\342\202\254' < '\360\237\230\200'", "True"},
    {"'abc'[1]", "'b'"},
    {"'abc'[-1]", "'c'"},
    {"'h\303\251llo'[1]", "'\303\251'"},
    {"'h\303\251llo'[-2]", "'l'"},
    {"'h\303\251llo w\303\266rld'[::2]", "'hlowrd'"},
    {"'h\303\251llo w\303\266rld'[::-1]", "'dlr\303\266w oll\303\251h'"},
    {"'abcdef'[1:4]", "'bcd'"},
    {"'abcdef'[::-2]", "'fdb'"},
    {"'abcdef'[10:]", "''"},
    {"'abcdef'[-100:2]", "'ab'"},
    {"'\346\227\245\346\234\254\350\252\236\343\203\206\343\202\255\343\202\271\343\203\210'[2:5]", "'\350\252\236\343\203\206\343\202\255'"},
    {"('x' * 100 + '\303\251' + 'y' * 100)[150]", "'y'"},
    {"('\303\251' * 70)[65:68]", "'\303\251\303\251\303\251'"},
    {"len('h\303\251llo')", "5"},
    {"len('')", "0"},
    {"len('\360\237\230\200\360\237\230\200')", "2"},
    {"list('a\303\251\360\237\230\200')", "['a', '\303\251', '\360\237\230\200']"},
    {"repr('abc')", "\"'abc'\""},
    {"repr(\"it's\")", "'\"it\\'s\"'"},
    {"repr('say \"hi\"')", "'\\'say \"hi\"\\''"},
    {"repr('both \\' and \"')", "'\\'both \\\\\\' and \"\\''"},
    {"repr('tab\\there\\nnew\\\\line\\r')", "\"'tab\\\\there\\\\nnew\\\\\\\\line\\\\r'\""},
    {"repr('\\x00\\x1f\\x7f\\x80\\xa0\\xad\\xff')", "\"'\\\\x00\\\\x1f\\\\x7f\\\\x80\\\\xa0\\\\xad\303\277'\""},
    {"repr('\303\251\342\202\254\360\237\230\200')", "\"'\303\251\342\202\254\360\237\230\200'\""},
    {"repr('\\u200b\\u2028\\ufeff\\U000e0001')", "\"'\\\\u200b\\\\u2028\\\\ufeff\\\\U000e0001'\""},
    {"repr('\\ud800')", "\"'\\\\ud800'\""},
    {"ascii('\303\251\342\202\254\360\237\230\200\\n')", "\"'\\\\xe9\\\\u20ac\\\\U0001f600\\\\n'\""},
    {"str(123)", "'123'"},
    {"str()", "''"},
    {"'a,b,,c'.split(',')", "['a', 'b', '', 'c']"},
    {"'a,b,,c'.split(',', 1)", "['a', 'b,,c']"},
    {"'  a  b \\t c\\n '.split()", "['a', 'b', 'c']"},
    {"'  a  b \\t c\\n '.split(None, 1)", "['a', 'b \\t c\\n ']"},
    {"'  a  b \\t c\\n '.rsplit(None, 1)", "['  a  b', 'c']"},
    {"'a,b,c'.rsplit(',', 1)", "['a,b', 'c']"},
    {"''.split()", "[]"},
    {"''.split(',')", "['']"},
    {"'abc'.split('abc')", "['', '']"},
    {"'a\\x1cb\\x85c\\u3000d'.split()", "['a', 'b', 'c', 'd']"},
    {"'one\\ntwo\\r\\nthree\\rfour\\x0bfive\\x1cx\\u2028y'.splitlines()", "['one', 'two', 'three', 'four', 'five', 'x', 'y']"},
    {"'one\\ntwo\\r\\nthree\\n'.splitlines(True)", "['one\\n', 'two\\r\\n', 'three\\n']"},
    {"''.join([])", "''"},
    {"', '.join(('x',))", "'x'"},
    {"'\303\251'.join('abc')", "'a\303\251b\303\251c'"},
    {"'  hi  '.strip()", "'hi'"},
    {"'xxhixx'.strip('x')", "'hi'"},
    {"'  hi  '.lstrip()", "'hi  '"},
    {"'  hi  '.rstrip()", "'  hi'"},
    {"'\303\251\303\251a\303\251\303\251'.strip('\303\251')", "'a'"},
    {"'\\u3000hi\\u3000'.strip()", "'hi'"},
    {"'abc'.replace('', '-')", "'-a-b-c-'"},
    {"'abc'.replace('', '-', 2)", "'-a-bc'"},
    {"'h\303\251llo'.replace('l', 'L')", "'h\303\251LLo'"},
    {"'abcabc'.find('c')", "2"},
    {"'abcabc'.rfind('c')", "5"},
    {"'abcabc'.find('c', 3)", "5"},
    {"'abcabc'.find('c', 3, 5)", "-1"},
    {"'abcabc'.find('', 6)", "6"},
    {"'abcabc'.find('', 7)", "-1"},
    {"'h\303\251llo w\303\266rld'.find('\303\266')", "7"},
    {"'h\303\251llo w\303\266rld'.rfind('l')", "9"},
    {"'h\303\251llo'.index('l')", "2"},
    {"'aaaa'.count('aa')", "2"},
    {"'aaaa'.count('')", "5"},
    {"'h\303\251\303\251'.count('\303\251')", "2"},
    {"'abc'.count('', 1)", "3"},
    {"'hello'.startswith('he')", "True"},
    {"'hello'.startswith(('x', 'he'))", "True"},
    {"'hello'.startswith('l', 2)", "True"},
    {"'hello'.endswith('lo')", "True"},
    {"'hello'.endswith('l', 0, 4)", "True"},
    {"'h\303\251llo w\303\266rld'.upper()", "'H\303\211LLO W\303\226RLD'"},
    {"'H\303\211LLO'.lower()", "'h\303\251llo'"},
    {"'hello world'.title()", "'Hello World'"},
    {"\"they're bill's friends\".title()", "\"They'Re Bill'S Friends\""},
    {"'hELLO'.capitalize()", "'Hello'"},
    {"'\303\251COLE'.capitalize()", "'\303\211cole'"},
    {"'Hello World'.swapcase()", "'hELLO wORLD'"},
    {"'stra\303\237e'.upper()", "'STRASSE'"},
    {"'stra\303\237e'.casefold()", "'strasse'"},
    {"'\316\243\316\221\316\243 \316\237\316\224\316\237\316\243'.lower()", "'\317\203\316\261\317\202 \316\277\316\264\316\277\317\202'"},
    {"'\316\243'.lower()", "'\317\203'"},
    {"'\307\206emal'.title()", "'\307\205emal'"},
    {"'\307\205'.lower()", "'\307\206'"},
    {"'\304\260'.lower()", "'i\314\207'"},
    {"'\357\254\201'.upper()", "'FI'"},
    {"'\320\237\320\240\320\230\320\222\320\225\320\242 \320\274\320\270\321\200'.swapcase()", "'\320\277\321\200\320\270\320\262\320\265\321\202 \320\234\320\230\320\240'"},
    {"'123'.isdigit()", "True"},
    {"'\302\262'.isdigit()", "True"},
    {"'\302\262'.isdecimal()", "False"},
    {"'\302\275'.isnumeric()", "True"},
    {"'abc'.isalpha()", "True"},
    {"'abc\303\251'.isalpha()", "True"},
    {"'abc1'.isalnum()", "True"},
    {"' \\t\\n'.isspace()", "True"},
    {"''.isspace()", "False"},
    {"'ABC'.isupper()", "True"},
    {"'AbC'.isupper()", "False"},
    {"'abc'.islower()", "True"},
    {"'Hello World'.istitle()", "True"},
    {"'Hello world'.istitle()", "False"},
    {"'_abc1'.isidentifier()", "True"},
    {"'1abc'.isidentifier()", "False"},
    {"'h\303\251llo'.isidentifier()", "True"},
    {"'abc\\n'.isprintable()", "False"},
    {"''.isprintable()", "True"},
    {"'abc'.isascii()", "True"},
    {"'\303\251'.isascii()", "False"},
    {"'abc'.center(9)", "'   abc   '"},
    {"'abc'.center(8, '*')", "'**abc***'"},
    {"'abc'.center(2)", "'abc'"},
    {"'abc'.ljust(6, '-')", "'abc---'"},
    {"'abc'.rjust(6)", "'   abc'"},
    {"'42'.zfill(5)", "'00042'"},
    {"'-42'.zfill(6)", "'-00042'"},
    {"'+42'.zfill(2)", "'+42'"},
    {"'a,b,c'.partition(',')", "('a', ',', 'b,c')"},
    {"'a,b,c'.rpartition(',')", "('a,b', ',', 'c')"},
    {"'abc'.partition('x')", "('abc', '', '')"},
    {"'abc'.rpartition('x')", "('', '', 'abc')"},
    {"'a\\tb\\tc'.expandtabs()", "'a       b       c'"},
    {"'a\\tbc\\td'.expandtabs(4)", "'a   bc  d'"},
    {"'ab\\n\\tc'.expandtabs(4)", "'ab\\n    c'"},
    {"'abc'.encode()", "b'abc'"},
    {"'caf\303\251'.encode('utf-8')", "b'caf\\xc3\\xa9'"},
    {"'caf\303\251'.encode('latin-1')", "b'caf\\xe9'"},
    {"'caf\303\251'.encode('ascii', 'replace')", "b'caf?'"},
    {"'caf\303\251'.encode('ascii', 'ignore')", "b'caf'"},
    {"'caf\303\251'.encode('ascii', 'backslashreplace')", "b'caf\\\\xe9'"},
    {"'caf\303\251\342\202\254'.encode('ascii', 'xmlcharrefreplace')", "b'caf&#233;&#8364;'"},
    {"'abc'.translate({97: 'X', 98: None, 99: 100})", "'Xd'"},
    {"str.maketrans({'a': 1, 98: 'x'})", "{97: 1, 98: 'x'}"},
    {"'prefix-body'.removeprefix('prefix-')", "'body'"},
    {"'body-suffix'.removesuffix('-suffix')", "'body'"},
    {"'abc'.removeprefix('x')", "'abc'"},
    {"'{} {}'.format(1, 'a')", "'1 a'"},
    {"'{x}-{y}'.format(x=1, y=2)", "'1-2'"},
    {"'{0.real} {0.imag}'.format(3)", "'3 0'"},
    {"'{0[1]} {1[k]}'.format([5, 6], {'k': 'v'})", "'6 v'"},
    {"'{!r} {!s} {!a}'.format('\303\251', '\303\251', '\303\251')", "\"'\303\251' \303\251 '\\\\xe9'\""},
    {"'{:*^9}'.format('mid')", "'***mid***'"},
    {"'{:.2}'.format('abcdef')", "'ab'"},
    {"'{:10.3}|'.format('abcdef')", "'abc       |'"},
    {"'{:5d}|{:<5d}|{:05d}'.format(42, 42, 42)", "'   42|42   |00042'"},
    {"'{:.3f} {:e} {:g}'.format(3.14159, 12345.678, 0.0001)", "'3.142 1.234568e+04 0.0001'"},
    {"'{:,} {:_x} {:#b}'.format(1234567, 65535, 5)", "'1,234,567 ffff 0b101'"},
    {"'{:{w}.{p}f}'.format(3.14159, w=10, p=2)", "'      3.14'"},
    {"'{:{}}'.format('a', 4)", "'a   '"},
    {"'{{}} {{{}}}'.format(7)", "'{} {7}'"},
    {"'{:%}'.format(0.25)", "'25.000000%'"},
    {"'{:+d} {: d}'.format(5, 5)", "'+5  5'"},
    {"'{a}'.format_map({'a': 1})", "'1'"},
    {"format('abc', '>6')", "'   abc'"},
    {"format('abc', '')", "'abc'"},
    {"format('\303\251', '^5')", "'  \303\251  '"},
    {"format('abc', '05')", "'abc00'"},
    {"'%s %r %a' % ('\303\251', '\303\251', '\303\251')", "\"\303\251 '\303\251' '\\\\xe9'\""},
    {"'%d %i %u' % (1, -2, 3)", "'1 -2 3'"},
    {"'%5d|%-5d|%05d|%+d|% d' % (42, 42, 42, 42, 42)", "'   42|42   |00042|+42| 42'"},
    {"'%x %X %o %#x %#o %#X' % (255, 255, 8, 255, 8, 255)", "'ff FF 10 0xff 0o10 0XFF'"},
    {"'%f %.2f %e %.3E %g %G' % (3.14159, 3.14159, 12345.678, 12345.678, 0.00001, 1e20)", "'3.141590 3.14 1.234568e+04 1.235E+04 1e-05 1E+20'"},
    {"'%10.3f|%-10.3f|%010.3f' % (3.14159, 3.14159, -3.14159)", "'     3.142|3.142     |-00003.142'"},
    {"'%%' % ()", "'%'"},
    {"'%s' % 'single'", "'single'"},
    {"'%s' % ((1, 2),)", "'(1, 2)'"},
    {"'%s' % [1, 2]", "'[1, 2]'"},
    {"'%*d|%-*d|%.*f' % (5, 1, 5, 2, 2, 3.14159)", "'    1|2    |3.14'"},
    {"'%.3s|%5.2s|' % ('abcdef', 'xyz')", "'abc|   xy|'"},
    {"'%d' % 3.99", "'3'"},
    {"'%d' % True", "'1'"},
    {"'%s' % None", "'None'"},
    {"'%r' % 'q\\'q'", "'\"q\\'q\"'"},
    {"'%5s|%-5s|' % ('\303\251', '\303\251')", "'    \303\251|\303\251    |'"},
    {"'%.0f %.1f %.0f' % (0.5, 0.25, 1.5)", "'0 0.2 2'"},
    {"'%i' % 2**70", "'1180591620717411303424'"},
    {"'%x' % -255", "'-ff'"},
    {"'%e' % 0.0", "'0.000000e+00'"},
    {"'%g' % 123456789.0", "'1.23457e+08'"},
    {"'%.3g' % 0.00012345", "'0.000123'"},
    {"hash('') == 0", "True"},
    {"'a'.__getnewargs__()", "('a',)"},
    {"str(object='x')", "'x'"},
    {"''.join(map(str, range(5)))", "'01234'"},
    {"max('hello')", "'o'"},
    {"'x'.__format__('>3')", "'  x'"},
    {"str.__name__", "'str'"},
    {"type(iter('abc')).__name__", "'str_ascii_iterator'"},
    {"type(iter('\303\251')).__name__", "'str_iterator'"},
    {"[c for c in 'h\303\251llo']", "['h', '\303\251', 'l', 'l', 'o']"},
    {"'abc'.find('c', -1)", "2"},
    {"'abc'.find('a', -10, -2)", "0"},
    {"'x'.join(['a', '\303\251', '\360\237\230\200'])", "'ax\303\251x\360\237\230\200'"},
    {"'ab\360\237\230\200cd'.find('c')", "3"},
    {"'ab\360\237\230\200cd\360\237\230\200'.rfind('\360\237\230\200')", "5"},
    {"'%6.2f' % -1.005", "' -1.00'"},
    {"'{:>{}}'.format('x', 3)", "'  x'"},
    {"'{0:{1}{2}}'.format('x', '>', 4)", "'   x'"},
    {"'ab\\u0300c'.upper()", "'AB\314\200C'"},
    {"'\303\237'.title()", "'Ss'"},
    {"'\305\211'.upper()", "'\312\274N'"},
    {"'\316\220'.upper()", "'\316\231\314\210\314\201'"},
    {"'\303\251'.encode('utf-8', 'surrogatepass')", "b'\\xc3\\xa9'"},
    {"'\\udcff'.encode('utf-8', 'surrogateescape')", "b'\\xff'"},
    {"'A' * 3 + '\303\251' * 2", "'AAA\303\251\303\251'"},
    {"'abc'[1:1]", "''"},
    {"'abc'[2:1]", "''"},
    {"'abc'[::1]", "'abc'"},
    {"'\303\251'[0]", "'\303\251'"},
    {"'x'.join([])", "''"},
    {"' a b '.split(' ')", "['', 'a', 'b', '']"},
    {"'a b c d'.split(maxsplit=2)", "['a', 'b', 'c d']"},
    {"'a b c d'.rsplit(maxsplit=2)", "['a b', 'c', 'd']"},
    {"'a,b,c'.split(sep=',', maxsplit=1)", "['a', 'b,c']"},
    {"'abc'.splitlines(keepends=True)", "['abc']"},
    {"'abc'.encode(encoding='ascii')", "b'abc'"},
    {"'%s-%s' % (1, 2)", "'1-2'"},
    {"'%(x)s%(x)s' % {'x': 'y'}", "'yy'"},
    {"'%c' % 0x1F600", "'\360\237\230\200'"},
    {"'%3c|' % 'a'", "'  a|'"},
    {"'%-3c|' % 'a'", "'a  |'"},
    {"'%#.3g' % 1.0", "'1.00'"},
    {"'%+.1e' % 1234.5", "'+1.2e+03'"},
    {"'%o' % 8", "'10'"},
    {"'%X' % 3054", "'BEE'"},
    {"'%5.1f%%' % 99.44", "' 99.4%'"},
    {"'{:}'.format('x')", "'x'"},
    {"'{!r:^7}'.format('x')", "\"  'x'  \""},
    {"'{0!s:>4}'.format(12)", "'  12'"},
    {"'{:=+8.2f}'.format(3.14159)", "'+   3.14'"},
    {"'{:<08}'.format(3)", "'30000000'"},
    {"'{:n}'.format(1234)", "'1234'"},
    {"'{:c}'.format(65)", "'A'"},
    {"'{:o} {:X} {:b}'.format(8, 255, 5)", "'10 FF 101'"},
    {"'{:.0%}'.format(0.125)", "'12%'"},
    {"'{:08.3f}'.format(-3.14159)", "'-003.142'"},
    {"'{:e}'.format(0)", "'0.000000e+00'"},
    {"'{}'.format(1.5)", "'1.5'"},
    {"'{}'.format(1e100)", "'1e+100'"},
    {"'{}'.format([1, 'a'])", "\"[1, 'a']\""},
    {"'{}'.format(None)", "'None'"},
    {"'{0[0]}'.format('abc')", "'a'"},
    {"'{0[-1]}'.format({'-1': 'neg'})", "'neg'"},
    {"' a b c '.split(None, 0)", "['a b c ']"},
    {"' a b c '.rsplit(None, 0)", "[' a b c']"},
    {"'a b c'.split(None, 1)", "['a', 'b c']"},
    {"'a  b  c  '.rsplit(None, 1)", "['a  b', 'c']"},
    {"'   '.split()", "[]"},
    {"'   '.split(None, 0)", "[]"},
    {"'a,b,c'.split(',', 0)", "['a,b,c']"},
    {"'a,b,c'.rsplit(',', 0)", "['a,b,c']"},
    {"',a,'.split(',')", "['', 'a', '']"},
    {"',a,'.rsplit(',', 1)", "[',a', '']"},
    {"'aXbXc'.split('X', -1)", "['a', 'b', 'c']"},
    {"'a--b--c'.split('--')", "['a', 'b', 'c']"},
    {"'a--b--c'.rsplit('--', 1)", "['a--b', 'c']"},
    {"'\303\251x\303\251y\303\251'.split('\303\251')", "['', 'x', 'y', '']"},
    {"'%.2s' % '\303\251\303\250\303\252'", "'\303\251\303\250'"},
    {"'{:.2}'.format('\303\251\303\250\303\252')", "'\303\251\303\250'"},
    {"'{:\303\251<5}'.format('x')", "'x\303\251\303\251\303\251\303\251'"},
    {"'abc'.upper().lower()", "'abc'"},
    {"'x'.center(4)", "' x  '"},
    {"'x'.center(5)", "'  x  '"},
    {"'%-+5d|' % 3", "'+3   |'"},
    {"'%+05d' % 3", "'+0003'"},
    {"'% 5d' % 3", "'    3'"},
    {"'%#5x' % 255", "' 0xff'"},
    {"'%-#8o|' % 8", "'0o10    |'"},
    {"'%.3d' % 5", "'005'"},
    {"'%5.3d' % -5", "' -005'"},
    {"'%.10s' % None", "'None'"},
    {"'{:.3s}'.format('abcdef')", "'abc'"},
    {"'{0!a}'.format('\303\274')", "\"'\\\\xfc'\""},
    {"'a{}b{}c'.format(1, 2)", "'a1b2c'"},
    {"'{}'.format('{}')", "'{}'"},
    {"str(str)", "\"<class 'str'>\""},
    {"'a\303\251' + '\303\274'", "'a\303\251\303\274'"},
    {"('\303\251' * 40 + 'x')[-1]", "'x'"},
    {"('\303\251' * 40 + 'x')[39]", "'\303\251'"},
    {"'abc' != 'abd'", "True"},
    {"'abc' == 'abc'", "True"},
    {"'abc' >= 'abc'", "True"},
    {"'\303\251' > 'z'", "True"},
    {"'ABC'.casefold()", "'abc'"},
    {"'\357\254\200'.casefold()", "'ff'"},
    {"'\316\243\316\221\316\243'.title()", "'\316\243\316\261\317\202'"},
    {"'hello'.replace('l', '', 1)", "'helo'"},
    {"''.replace('', 'x')", "'x'"},
    {"''.replace('', 'x', 0)", "''"},
    {"'xyz'.index('z', -1)", "2"},
    {"'abc'.rfind('')", "3"},
    {"'abc'.rfind('', 1, 2)", "2"},
    {"'abc'.count('', 10)", "0"},
    {"'hello'.startswith('')", "True"},
    {"'hello'.startswith('', 6)", "False"},
    {"'hello'.endswith('', 5)", "True"},
    {"'hello'.startswith('h', -10)", "True"},
    {"'Title Case'.istitle()", "True"},
    {"'\307\205'.istitle()", "True"},
    {"'a1'.isupper()", "False"},
    {"'A1'.isupper()", "True"},
    {"'\331\243'.isdecimal()", "True"},
    {"'\342\205\247'.isnumeric()", "True"},
    {"'\342\205\247'.isalpha()", "False"},
    {"'\\x85'.isspace()", "True"},
    {"'\\u2028'.isprintable()", "False"},
    {"' '.isprintable()", "True"},
    {"'\\xa0'.isprintable()", "False"},
    {"'\\xad'.isprintable()", "False"},
    {"'\\u0378'.isprintable()", "False"},
    {"'\342\205\247'.lower()", "'\342\205\267'"},
    {"'\342\223\220'.upper()", "'\342\222\266'"},
    {"'\357\275\201'.upper()", "'\357\274\241'"},
    {"'\302\265'.upper()", "'\316\234'"},
    {"'\303\277'.upper()", "'\305\270'"},
    {"'\304\261'.upper()", "'I'"},
    {"'\305\277'.upper()", "'S'"},
    {"'\307\210'.swapcase()", "'\307\210'"},
    {"repr('\342\223\220\\u0301\\u00a0\\u3000')", "\"'\342\223\220\314\201\\\\xa0\\\\u3000'\""},
    {"repr('\\U0001F600\\U000F0000')", "\"'\360\237\230\200\\\\U000f0000'\""},
    {"repr('\\x7f\\x9f')", "\"'\\\\x7f\\\\x9f'\""},
    {"'%a' % '\\x80'", "\"'\\\\x80'\""},
    {"'%c' % 0", "'\\x00'"},
    {"'{:^}'.format('x')", "'x'"},
    {"'{:3}'.format('\303\251')", "'\303\251  '"},
    {"'\\n'.splitlines()", "['']"},
    {"'x\\n'.split('\\n')", "['x', '']"},
    {"'a'.zfill(0)", "'a'"},
    {"'-'.zfill(3)", "'-00'"},
    {"''.zfill(3)", "'000'"},
    {"'12'.rjust(5, '0')", "'00012'"},
    {"'\\t'.expandtabs(1)", "' '"},
    {"'abc'.partition('abc')", "('', 'abc', '')"},
    {"'abc'.translate({})", "'abc'"},
    {"'abc'.translate('xyz')", "'abc'"},
    {"str.maketrans('', '', 'a')", "{97: None}"},
    {"'%\\x00' % 1 if False else 'skip'", "'skip'"},
    {"'a'.endswith(('a', 1))", "True"},
};

const Case kErrorCases[] = {
    {"'%s' % ()", "TypeError: not enough arguments for format string"},
    {"'a'['x']", "TypeError: string indices must be integers, not 'str'"},
    {"'a'[5]", "IndexError: string index out of range"},
    {"1 in 'a'", "TypeError: 'in <string>' requires string as left operand, not int"},
    {"'a' + 1", "TypeError: can only concatenate str (not \"int\") to str"},
    {"1 + 'a'", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"},
    {"'a' * 2.0", "TypeError: can't multiply sequence by non-int of type 'float'"},
    {"'a' < 1", "TypeError: '<' not supported between instances of 'str' and 'int'"},
    {"str(1, 'utf-8')", "TypeError: decoding to str: need a bytes-like object, int found"},
    {"str('a', 'utf-8')", "TypeError: decoding str is not supported"},
    {"'a'.join([1])", "TypeError: sequence item 0: expected str instance, int found"},
    {"'a'.join(1)", "TypeError: can only join an iterable"},
    {"'a'.strip(1)", "TypeError: strip arg must be None or str"},
    {"'a'.split('')", "ValueError: empty separator"},
    {"'a'.startswith(1)", "TypeError: startswith first arg must be str or a tuple of str, not int"},
    {"'a'.encode('foo')", "LookupError: unknown encoding: foo"},
    {"'\303\251'.encode('ascii')", "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"},
    {"'\303\251\303\251'.encode('ascii')", "UnicodeEncodeError: 'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)"},
    {"'a\303\251\303\251'.encode('latin-1', 'strict') + 'a\342\202\254'.encode('latin-1')", "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 1: ordinal not in range(256)"},
    {"'\\ud800'.encode()", "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 0: surrogates not allowed"},
    {"'{'.format()", "ValueError: Single '{' encountered in format string"},
    {"'}'.format()", "ValueError: Single '}' encountered in format string"},
    {"'{0}{}'.format(1, 2)", "ValueError: cannot switch from manual field specification to automatic field numbering"},
    {"'{}{0}'.format(1, 2)", "ValueError: cannot switch from automatic field numbering to manual field specification"},
    {"'{1}'.format(1)", "IndexError: Replacement index 1 out of range for positional args tuple"},
    {"'{a}'.format()", "KeyError: 'a'"},
    {"'{:d}'.format('a')", "ValueError: Unknown format code 'd' for object of type 'str'"},
    {"'{!x}'.format(1)", "ValueError: Unknown conversion specifier x"},
    {"'%d' % 'a'", "TypeError: %d format: a real number is required, not str"},
    {"'%y' % 1", "ValueError: unsupported format character 'y' (0x79) at index 1"},
    {"'%d %d' % (1,)", "TypeError: not enough arguments for format string"},
    {"'%d' % (1, 2)", "TypeError: not all arguments converted during string formatting"},
    {"'%x' % 1.5", "TypeError: %x format: an integer is required, not float"},
    {"'%c' % 1114112", "OverflowError: %c arg not in range(0x110000)"},
    {"'%(a)s' % 1", "TypeError: format requires a mapping"},
    {"'%(a)s' % {}", "KeyError: 'a'"},
    {"'%' % ()", "ValueError: incomplete format"},
    {"'%(a' % {}", "ValueError: incomplete format key"},
    {"'{:{:{}}}'.format(1, 2, 3)", "ValueError: Max string recursion exceeded"},
    {"format('a', '=5')", "ValueError: '=' alignment not allowed in string format specifier"},
    {"format('a', '+')", "ValueError: Sign not allowed in string format specifier"},
    {"format('a', ',')", "ValueError: Cannot specify ',' with 's'."},
    {"format('a', '#')", "ValueError: Alternate form (#) not allowed in string format specifier"},
    {"format('a', 'ss')", "ValueError: Invalid format specifier 'ss' for object of type 'str'"},
    {"format('a', '.')", "ValueError: Format specifier missing precision"},
    {"'a'.removeprefix(1)", "TypeError: removeprefix() argument must be str, not int"},
    {"'%f' % 'a'", "TypeError: must be real number, not str"},
    {"'%*d' % ('a', 1)", "TypeError: * wants int"},
    {"'a'.replace('a')", "TypeError: replace expected at least 2 arguments, got 1"},
    {"'{0.x}'.format(1)", "AttributeError: 'int' object has no attribute 'x'"},
    {"'{0[5]}'.format([])", "IndexError: list index out of range"},
    {"'\303\251'.encode('ascii', 'foo')", "LookupError: unknown error handler name 'foo'"},
    {"'a'.split(maxsplit='x')", "TypeError: 'str' object cannot be interpreted as an integer"},
    {"'{0'.format(1)", "ValueError: expected '}' before end of string"},
    {"'{0.}'.format(1)", "ValueError: Empty attribute in format string"},
    {"'{0]}'.format(1)", "KeyError: '0]'"},
    {"'{0!rr}'.format(1)", "ValueError: expected ':' after conversion specifier"},
    {"'a'.zfill()", "TypeError: str.zfill() takes exactly one argument (0 given)"},
    {"'a'.count()", "TypeError: count() takes at least 1 argument (0 given)"},
    {"'abc'[1.0]", "TypeError: string indices must be integers, not 'float'"},
    {"str.maketrans(1)", "TypeError: if you give only one argument to maketrans it must be a dict"},
    {"'abc'.translate({97: 1.5})", "TypeError: character mapping must return integer, None or str"},
    {"'a'.center('a')", "TypeError: 'str' object cannot be interpreted as an integer"},
    {"'a'.isdigit(1)", "TypeError: str.isdigit() takes no arguments (1 given)"},
    {"'a'[::0]", "ValueError: slice step cannot be zero"},
    {"'abc'.encode(1)", "TypeError: encode() argument 'encoding' must be str, not int"},
    {"'%s %s' % 'a'", "TypeError: not enough arguments for format string"},
    {"'%s' % (1, 2)", "TypeError: not all arguments converted during string formatting"},
    {"'{0.__class__.x}'.format(1)", "AttributeError: type object 'int' has no attribute 'x'"},
    {"'{:x}'.format('a')", "ValueError: Unknown format code 'x' for object of type 'str'"},
    {"'{:s}'.format(1)", "ValueError: Unknown format code 's' for object of type 'int'"},
    {"'{:,}'.format('a')", "ValueError: Cannot specify ',' with 's'."},
    {"'a'.ljust()", "TypeError: ljust expected at least 1 argument, got 0"},
    {"'a'.ljust(1, 2)", "TypeError: The fill character must be a unicode character, not int"},
    {"'a'.splitlines(1, 2)", "TypeError: splitlines() takes at most 1 argument (2 given)"},
    {"'a'.expandtabs(1.5)", "TypeError: 'float' object cannot be interpreted as an integer"},
    {"'a'.count(1)", "TypeError: must be str, not int"},
    {"'a'.find(1)", "TypeError: must be str, not int"},
    {"'a'.partition(1)", "TypeError: must be str, not int"},
    {"'a'.partition('')", "ValueError: empty separator"},
    {"'abc'.translate({97: 2**40})", "ValueError: character mapping must be in range(0x110000)"},
    {"str.maketrans('a', 'bc')", "ValueError: the first two maketrans arguments must have equal length"},
    {"'{'.format_map({})", "ValueError: Single '{' encountered in format string"},
    {"'{x}'.format_map({})", "KeyError: 'x'"},
    {"'{0}'.format_map({})", "ValueError: Format string contains positional fields"},
    {"'%\\x00' % 1", "ValueError: unsupported format character '?' (0x0) at index 1"},
};

TEST(StrApi, SingletonsAndInterning) {
  ensure_runtime();
  Ref<> a = steal(str_from("a"));
  Ref<> b = steal(str_from("a"));
  EXPECT_EQ(a.get(), b.get());  // one-character strings are singletons
  EXPECT_EQ(str_from(""), str_from(""));
  Object* i1 = str_intern("some_identifier");
  Object* i2 = str_intern("some_identifier");
  EXPECT_EQ(i1, i2);
  EXPECT_TRUE(str_equal_cstr(i1, "some_identifier"));
  Ref<> e = steal(str_from("\xc3\xa9"));  // é: latin-1 singleton
  EXPECT_EQ(e.get(), str_from_codepoint(0xE9));
}

TEST(StrApi, LengthsAndAscii) {
  ensure_runtime();
  Ref<> s = steal(str_from("h\xc3\xa9llo \xf0\x9f\x98\x80"));
  EXPECT_EQ(str_length(s.get()), 7);
  EXPECT_FALSE(str_is_ascii(s.get()));
  EXPECT_EQ(str_char_at(s.get(), 1), 0xE9u);
  EXPECT_EQ(str_char_at(s.get(), 6), 0x1F600u);
  EXPECT_EQ(std::string(str_cstr(s.get())), "h\xc3\xa9llo \xf0\x9f\x98\x80");
  Ref<> t = steal(str_from("plain"));
  EXPECT_TRUE(str_is_ascii(t.get()));
  EXPECT_EQ(str_length(t.get()), 5);
}

TEST(StrApi, IndexOnLongNonAscii) {
  ensure_runtime();
  std::string text;
  for (int i = 0; i < 1000; ++i) text += (i % 3 == 0) ? "\xc3\xa9" : (i % 3 == 1 ? "a" : "\xe2\x82\xac");
  Ref<> s = steal(str_from(text));
  ASSERT_EQ(str_length(s.get()), 1000);
  for (int i = 0; i < 1000; i += 37) {
    uint32_t want = (i % 3 == 0) ? 0xE9 : (i % 3 == 1 ? 'a' : 0x20AC);
    EXPECT_EQ(str_char_at(s.get(), i), want) << i;
  }
  Ref<> sub = steal(str_substr(s.get(), 998, 1000));
  EXPECT_EQ(str_view(sub.get()), "\xe2\x82\xac\xc3\xa9");  // 998: euro, 999: e-acute
}

TEST(StrApi, HashCachedAndConsistent) {
  ensure_runtime();
  Ref<> a = steal(str_from("hello world"));
  Ref<> b = steal(str_from("hello world"));
  EXPECT_NE(a.get(), b.get());
  EXPECT_EQ(str_hash(a.get()), str_hash(b.get()));
  EXPECT_EQ(str_hash(a.get()), str_hash(a.get()));
  EXPECT_NE(str_hash(a.get()), -1);
  EXPECT_TRUE(str_equal(a.get(), b.get()));
  Ref<> e = steal(str_from(""));
  EXPECT_EQ(str_hash(e.get()), 0);
}

TEST(StrApi, ConcatJoinRepr) {
  ensure_runtime();
  Ref<> a = steal(str_from("ab"));
  Ref<> b = steal(str_from("\xc3\xa9"));
  Ref<> c = steal(str_concat(a.get(), b.get()));
  EXPECT_EQ(str_view(c.get()), "ab\xc3\xa9");
  EXPECT_EQ(str_length(c.get()), 3);
  EXPECT_EQ(str_repr_text("it's", false), "\"it's\"");
  EXPECT_EQ(str_repr_text("\n\xc3\xa9", true), "'\\n\\xe9'");
}

TEST(Unicode, Properties) {
  EXPECT_TRUE(unicode::is_space(0x3000));
  EXPECT_TRUE(unicode::is_alpha(0x4E2D));
  EXPECT_TRUE(unicode::is_decimal(0x663));
  EXPECT_EQ(unicode::decimal_value(0x663), 3);
  EXPECT_TRUE(unicode::is_digit(0xB2));
  EXPECT_FALSE(unicode::is_decimal(0xB2));
  EXPECT_FALSE(unicode::is_printable(0x200B));
  uint32_t out[3];
  EXPECT_EQ(unicode::to_upper(0xDF, out), 2);  // ß -> SS
  EXPECT_EQ(out[0], 'S');
  EXPECT_EQ(unicode::to_lower(0x410, out), 1);  // А -> а
  EXPECT_EQ(out[0], 0x430u);
}

TEST(Unicode, Utf8Validation) {
  size_t len;
  const char* reason;
  EXPECT_EQ(unicode::utf8_find_invalid("abc", &len, &reason), std::string_view::npos);
  EXPECT_EQ(unicode::utf8_find_invalid("a\xff", &len, &reason), 1u);
  EXPECT_STREQ(reason, "invalid start byte");
  EXPECT_EQ(unicode::utf8_find_invalid("a\xe0\xa0", &len, &reason), 1u);
  EXPECT_EQ(len, 2u);
  EXPECT_STREQ(reason, "unexpected end of data");
  EXPECT_EQ(unicode::utf8_find_invalid("\xed\xa0\x80", &len, &reason), 0u);  // surrogate
}

TEST(StrEval, MatchesCPython) {
  for (const Case& c : kCases) EXPECT_EQ(eval_repr(c.expr), c.expected) << c.expr;
}

// Every case run twice (the first run creates interned names and caches);
// the second must leave the live-object count where it found it.
TEST(StrEval, NoLeaks) {
  for (const Case& c : kCases) eval_repr(c.expr);
  for (const Case& c : kErrorCases) eval_repr(c.expr);
  int64_t before = gc::live_objects();
  for (const Case& c : kCases) eval_repr(c.expr);
  for (const Case& c : kErrorCases) eval_repr(c.expr);
  EXPECT_EQ(gc::live_objects(), before);
}

TEST(StrEval, ErrorsMatchCPython) {
  for (const Case& c : kErrorCases) EXPECT_EQ(eval_repr(c.expr), c.expected) << c.expr;
}

}  // namespace
}  // namespace conch::vm
