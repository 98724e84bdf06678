// The GIL as vm/ uses it (vm/gil.h): policy, per-thread attach/detach, the
// eval-breaker hook, SIGINT, finalisation and the counters.
#include "vm/gil.h"

#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "base/config.h"
#include "vm/errors.h"
#include "vm/eval/eval.h"
#include "vm/modules/modules.h"
#include "vm/runtime_internal.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

// Never destroyed: daemon threads may still wait on it while the process
// exits (static destructors must not pull it from under them).
locking::Gil* const g_gil = new locking::Gil;

// Written once at start-up, before any other thread exists.
bool g_gil_on = true;
ThreadState* g_main_thread = nullptr;
std::atomic<bool> g_finalizing{false};
// Set by the SIGINT handler, cleared by the main thread when it raises.
std::atomic<bool> g_sigint_pending{false};

// The policy, in one place.  The free-threaded issue flips kFreeThreaded's
// default to "off" once objects are thread-safe there.
bool decide_gil_on() {
  if constexpr (!kFreeThreaded) return true;
  const char* env = std::getenv("CONCH_GIL");
  std::string choice = env != nullptr ? env : "";
  for (const auto& [name, value] : startup_options().xoptions) {
    if (name == "gil") choice = value;  // -X gil=N wins over the environment
  }
  if (choice == "0") return false;
  return true;  // default: on until the free-threaded issue makes objects safe
}

void on_sigint(int) {
  g_sigint_pending.store(true, std::memory_order_release);
  if (g_main_thread != nullptr) {
    g_main_thread->eval_breaker.fetch_or(kBreakPendingSignals, std::memory_order_release);
  }
}

void install_sigint_handler() {
  struct sigaction sa;
  std::memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocking sleep/read wakes with EINTR
  ::sigaction(SIGINT, &sa, nullptr);
}

int eval_breaker_hook(ThreadState* ts, uint32_t bits) {
  if ((bits & kBreakGilDropRequest) != 0 && g_gil_on) g_gil->yield_to_waiter(&ts->gil);
  if ((bits & kBreakPendingSignals) != 0) {
    if (ts != g_main_thread) {
      // Only the main thread raises KeyboardInterrupt; hand the bit back.
      if (g_main_thread != nullptr)
        g_main_thread->eval_breaker.fetch_or(kBreakPendingSignals, std::memory_order_release);
    } else if (gil_check_signals() < 0) {
      return -1;
    }
  }
  return 0;
}

[[noreturn]] void park_forever() {
  for (;;) ::pause();
}

void init_thread_ids(ThreadState* ts) {
  ts->ident = static_cast<uint64_t>(::pthread_self());
  ts->native_id = static_cast<uint64_t>(::syscall(SYS_gettid));
}

}  // namespace

void gil_runtime_init(ThreadState* main) {
  g_gil_on = decide_gil_on();
  g_main_thread = main;
  main->gil.eval_breaker = &main->eval_breaker;
  init_thread_ids(main);
  register_thread(main);
  g_gil->set_switch_interval(absl::Microseconds(static_cast<int64_t>(switch_interval() * 1e6)));
  if (g_gil_on) g_gil->take(&main->gil);
  install_eval_breaker_hook(eval_breaker_hook);
  install_sigint_handler();
}

bool gil_is_enabled() { return g_gil_on; }

void gil_acquire() {
  ThreadState* ts = current_thread();
  if (g_gil_on) g_gil->take(&ts->gil);
  if (g_finalizing.load(std::memory_order_acquire) && ts != g_main_thread) {
    if (g_gil_on) g_gil->drop(&ts->gil);
    park_forever();
  }
}

void gil_release() {
  if (g_gil_on) g_gil->drop(&current_thread()->gil);
}

ThreadState* gil_thread_attach() {
  // SIGINT is the main thread's business.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
  auto* ts = new ThreadState;
  ts->recursion_limit = default_recursion_limit();
  static std::atomic<uint64_t> next_id{1'000'000};
  ts->thread_id = next_id.fetch_add(1);
  init_thread_ids(ts);
  set_current_thread(ts);
  register_thread(ts);
  gil_acquire();
  return ts;
}

void gil_thread_detach(ThreadState* ts) {
  clear_slot(&ts->current_exception);
  clear_slot(&ts->handled_exception);
  unregister_thread(ts);
  if (g_gil_on) {
    g_gil->drop(&ts->gil);
    g_gil->retire(&ts->gil);
  }
  set_current_thread(nullptr);
  delete ts;
}

bool gil_signal_pending() { return g_sigint_pending.load(std::memory_order_acquire); }

bool is_main_thread() { return current_thread() == g_main_thread; }

int gil_check_signals() {
  if (!is_main_thread() || !g_sigint_pending.exchange(false, std::memory_order_acq_rel)) return 0;
  Ref<> args = steal(tuple_new(0));
  if (!args) return -1;
  set_error_args(&kKeyboardInterruptType, args.get());
  return -1;
}

void gil_interrupt_main() { on_sigint(SIGINT); }

void gil_begin_finalization() { g_finalizing.store(true, std::memory_order_release); }

void gil_set_switch_interval(double seconds) {
  g_gil->set_switch_interval(absl::Microseconds(static_cast<int64_t>(seconds * 1e6)));
}

locking::GilStats gil_stats(std::vector<GilThreadStats>* per_thread) {
  locking::GilStats total = g_gil->totals();
  for_each_thread([&](ThreadState* ts) {
    total += ts->gil.stats;
    if (per_thread != nullptr) per_thread->push_back({ts->ident, ts->gil.stats});
  });
  return total;
}

void gil_print_stats_if_asked() {
  const char* env = std::getenv("CONCH_GIL_STATS");
  if (env == nullptr || std::strcmp(env, "1") != 0) return;
  std::vector<GilThreadStats> threads;
  locking::GilStats t = gil_stats(&threads);
  std::fprintf(stderr,
               "GIL stats (%s): acquisitions=%llu drop_requests=%llu forced_switches=%llu "
               "hold=%.3fs wait=%.3fs\n",
               g_gil_on ? "on" : "off", static_cast<unsigned long long>(t.acquisitions),
               static_cast<unsigned long long>(t.drop_requests),
               static_cast<unsigned long long>(t.forced_switches), t.hold_ns / 1e9,
               t.wait_ns / 1e9);
}

}  // namespace conch::vm
