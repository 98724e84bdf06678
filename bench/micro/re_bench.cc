// Microbenchmarks of the regular-expression engine alone (no interpreter):
// a literal-prefix search (memchr prefilter), a class-led search, a
// backtracking-heavy alternation loop, and compile.  The Python-level cost
// of `re` is measured by tests/lang/re_bench_v8_like.py under callgrind.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "vm/modules/re_engine.h"

namespace {

namespace re = conch::vm::re;

std::vector<uint32_t> cps(const std::string& s) { return {s.begin(), s.end()}; }

std::unique_ptr<re::Program> compile(const std::string& p) {
  re::CompileError err;
  return re::compile(cps(p), false, 0, &err);
}

void search_loop(benchmark::State& state, const std::string& pattern, const std::string& subject) {
  auto prog = compile(pattern);
  re::Subject s{reinterpret_cast<const uint8_t*>(subject.data()), nullptr,
                static_cast<re::ssize_t>(subject.size())};
  std::vector<re::ssize_t> marks;
  int lastindex = -1;
  for (auto _ : state) {
    int r = re::run(*prog, s, 0, s.length, re::MatchMode::kSearch, false, &marks, &lastindex);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(subject.size()));
}

void BM_ReLiteralSearch(benchmark::State& state) {
  search_loop(state, "needle", std::string(4000, 'x') + "needle");
}

void BM_ReClassSearch(benchmark::State& state) {
  search_loop(state, "\\d+-\\d+", std::string(4000, 'x') + "12-34");
}

void BM_ReAlternationLoop(benchmark::State& state) {
  search_loop(state, "(?:ab|a|b)*c", std::string(2000, 'a') + std::string(2000, 'b') + "c");
}

void BM_ReCompile(benchmark::State& state) {
  for (auto _ : state) {
    auto prog = compile("(?P<ip>\\d{1,3}(?:\\.\\d{1,3}){3}) - (\\S+) \\[([^\\]]+)\\] \"(\\w+) (\\S+)\"");
    benchmark::DoNotOptimize(prog.get());
  }
}

BENCHMARK(BM_ReLiteralSearch);
BENCHMARK(BM_ReClassSearch);
BENCHMARK(BM_ReAlternationLoop);
BENCHMARK(BM_ReCompile);

}  // namespace
