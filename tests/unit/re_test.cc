// The regular-expression engine (vm/modules/re_engine.h) on its own, no
// interpreter: compile errors and positions, matching semantics, and the
// pathological inputs that must not crash (deep nesting, long subjects whose
// backtracking would overflow a recursive matcher's C stack).
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "vm/modules/re_engine.h"

namespace conch::vm::re {
namespace {

std::vector<uint32_t> cps(const std::string& s) {
  std::vector<uint32_t> out;
  for (unsigned char c : s) out.push_back(c);
  return out;
}

std::unique_ptr<Program> must_compile(const std::string& pattern, uint32_t flags = 0) {
  CompileError err;
  auto prog = compile(cps(pattern), false, flags, &err);
  EXPECT_NE(prog, nullptr) << pattern << ": " << err.message;
  return prog;
}

// Search result as "start,end" of the whole match, "none", or "memory".
std::string search(const Program& prog, const std::string& subject, MatchMode mode = MatchMode::kSearch) {
  Subject s;
  s.narrow = reinterpret_cast<const uint8_t*>(subject.data());
  s.length = static_cast<ssize_t>(subject.size());
  std::vector<ssize_t> marks;
  int lastindex = -1;
  int r = run(prog, s, 0, s.length, mode, false, &marks, &lastindex);
  if (r < 0) return "memory";
  if (r == 0) return "none";
  return std::to_string(marks[0]) + "," + std::to_string(marks[1]);
}

std::string error_of(const std::string& pattern) {
  CompileError err;
  auto prog = compile(cps(pattern), false, 0, &err);
  if (prog) return "compiled";
  return err.message + " @" + std::to_string(err.pos);
}

TEST(ReEngine, CompileErrorsAsCPythonWordsThem) {
  EXPECT_EQ(error_of("a("), "missing ), unterminated subpattern @1");
  EXPECT_EQ(error_of("a)"), "unbalanced parenthesis @1");
  EXPECT_EQ(error_of("*a"), "nothing to repeat @0");
  EXPECT_EQ(error_of("a**"), "multiple repeat @2");
  EXPECT_EQ(error_of("\\q"), "bad escape \\q @0");
  EXPECT_EQ(error_of("x[a-"), "unterminated character set @1");
  EXPECT_EQ(error_of("[z-a]"), "bad character range z-a @1");
  EXPECT_EQ(error_of("(?P<a>x)(?P=b)"), "unknown group name 'b' @12");
  EXPECT_EQ(error_of("(a)\\2"), "invalid group reference 2 @4");
  EXPECT_EQ(error_of("a{3,1}"), "min repeat greater than max repeat @2");
  EXPECT_EQ(error_of("(?<=a+)b"), "look-behind requires fixed-width pattern @-1");
  EXPECT_EQ(error_of("a{,}b"), "compiled");
}

TEST(ReEngine, MatchesAndSearches) {
  EXPECT_EQ(search(*must_compile("b+"), "aabbbc"), "2,5");
  EXPECT_EQ(search(*must_compile("^b"), "ab"), "none");
  EXPECT_EQ(search(*must_compile("a|ab"), "ab", MatchMode::kFullMatch), "0,2");
  EXPECT_EQ(search(*must_compile("a|ab"), "ab", MatchMode::kMatch), "0,1");
  EXPECT_EQ(search(*must_compile("(?<=a)b(?!c)"), "abcab"), "4,5");
  EXPECT_EQ(search(*must_compile("(\\w+) \\1"), "xy the the"), "3,10");
  EXPECT_EQ(search(*must_compile("(?i)ABC"), "xaBc"), "1,4");
  EXPECT_EQ(search(*must_compile("(?>a+)a"), "aaa"), "none");
  EXPECT_EQ(search(*must_compile("(a?)*b"), "aab"), "0,3");
}

TEST(ReEngine, CapturesAndLastIndex) {
  auto prog = must_compile("(a)(b)?(c)");
  std::string subject = "xac";
  Subject s{reinterpret_cast<const uint8_t*>(subject.data()), nullptr, 3};
  std::vector<ssize_t> marks;
  int lastindex = -1;
  ASSERT_EQ(run(*prog, s, 0, 3, MatchMode::kSearch, false, &marks, &lastindex), 1);
  EXPECT_EQ(marks, (std::vector<ssize_t>{1, 3, 1, 2, -1, -1, 2, 3}));
  EXPECT_EQ(lastindex, 3);
}

TEST(ReEngine, MustAdvanceRejectsAnEmptyMatchAtTheStart) {
  auto prog = must_compile("x*");
  std::string subject = "ab";
  Subject s{reinterpret_cast<const uint8_t*>(subject.data()), nullptr, 2};
  std::vector<ssize_t> marks;
  int lastindex = -1;
  ASSERT_EQ(run(*prog, s, 0, 2, MatchMode::kSearch, true, &marks, &lastindex), 1);
  EXPECT_EQ(marks[0], 1);
  EXPECT_EQ(marks[1], 1);
}

TEST(ReEngine, WideSubjectsAndUnicodeCategories) {
  auto prog = must_compile("\\w+");
  std::vector<uint32_t> text = {' ', 0x6771, 0x4EAC, 0xE9, ' '};  // " 東京é "
  Subject s{nullptr, text.data(), 5};
  std::vector<ssize_t> marks;
  int lastindex = -1;
  ASSERT_EQ(run(*prog, s, 0, 5, MatchMode::kSearch, false, &marks, &lastindex), 1);
  EXPECT_EQ(marks[0], 1);
  EXPECT_EQ(marks[1], 4);
}

// A recursive backtracker would need a C++ frame per character here (each
// iteration of (a|b)* leaves a choice point): 500k characters overflow an
// 8 MB stack many times over.  The explicit stack only grows the heap.
TEST(ReEngine, LongSubjectDoesNotOverflowTheStack) {
  std::string subject(500'000, 'a');
  subject += 'c';
  EXPECT_EQ(search(*must_compile("(a|b)*c"), subject, MatchMode::kMatch), "0,500001");
  EXPECT_EQ(search(*must_compile("(?:a|b)*d"), subject, MatchMode::kMatch), "none");
  EXPECT_EQ(search(*must_compile("(?:(?=a)a)*c"), subject, MatchMode::kMatch), "0,500001");
  EXPECT_EQ(search(*must_compile(".*?c"), subject, MatchMode::kMatch), "0,500001");
}

TEST(ReEngine, DeepNestingIsBoundedNotACrash) {
  std::string ok = std::string(300, '(') + "a" + std::string(300, ')');
  EXPECT_EQ(search(*must_compile(ok), "a"), "0,1");
  std::string deep = std::string(100000, '(') + "a" + std::string(100000, ')');
  EXPECT_EQ(error_of(deep), "maximum recursion depth exceeded @-1");
  std::string loops;
  for (int i = 0; i < 150; ++i) loops += "(?:";
  loops += "a";
  for (int i = 0; i < 150; ++i) loops += ")*";
  EXPECT_EQ(search(*must_compile(loops), std::string(1000, 'a')), "0,1000");
}

// Programs are immutable and match state is per call: one Program, many
// threads, same answers.
TEST(ReEngine, OneProgramManyThreads) {
  auto prog = must_compile("(\\d+)-(\\d+)");
  std::string subject = std::string(5000, 'x') + "12-345";
  std::vector<std::thread> threads;
  std::vector<std::string> got(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) got[t] = search(*prog, subject);
    });
  }
  for (auto& th : threads) th.join();
  for (const auto& g : got) EXPECT_EQ(g, "5000,5006");
}

}  // namespace
}  // namespace conch::vm::re
