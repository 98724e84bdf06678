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
#include <utility>

#include "base/config.h"
#include "gc/collector.h"
#include "gc/brc.h"
#include "gc/critical_section.h"
#include "gc/qsbr.h"
#include "locking/byte_mutex.h"
#include "locking/stop_the_world.h"
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

// The policy, in one place: the GIL build always has the GIL; the
// free-threaded build runs without it unless CONCH_GIL=1 or -X gil=1 asks
// for it (the matrix's "ft-gil" configuration: the locking share of the
// single-thread regression).
bool decide_gil_on() {
  if constexpr (!kFreeThreaded) return true;
  const char* env = std::getenv("CONCH_GIL");
  std::string choice = env != nullptr ? env : "";
  for (const auto& [name, value] : startup_options().xoptions) {
    if (name == "gil") choice = value;  // -X gil=N wins over the environment
  }
  return choice == "1";
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

// The seam's two halves: what a thread does when it stops running Python
// code for a while (a blocking wait, parking in a lock, a stop-the-world
// pause) and when it comes back.  The GIL itself is taken / dropped around
// these by the callers (attach after taking, detach before dropping: only
// the GIL holder is ever attached while the GIL is on).
void detach_thread(ThreadState* ts) {
  gc::suspend_critical_sections();  // a thread never waits holding a section
  gc::tracked_list_detach();  // its tracked list takes the lock again (gc/link.h)
  locking::world().detach(&ts->stw);
  gc::qsbr_offline();  // a detached thread never delays reclamation
}

void attach_thread(ThreadState* ts) {
  locking::world().attach(&ts->stw);  // waits while a stop-the-world is in force
  gc::tracked_list_attach();  // links/unlinks its own objects lock-free (gc/link.h)
  gc::qsbr_online();
  gc::resume_critical_sections();  // the innermost one; outer ones as they end
}

// The blocking hooks (locking::set_blocking_hooks): ByteMutex::lock_detaching
// calls them around parking.  Only a thread that is attached gives anything
// up, so nested blocking (a hook that itself parks) and waits on threads
// that are already detached stay balanced.
thread_local bool t_hook_released = false;

void before_block_hook() {
  ThreadState* ts = current_thread();
  if (!locking::world().is_attached(&ts->stw)) return;
  t_hook_released = true;
  gil_release();
}

void after_block_hook() {
  if (!std::exchange(t_hook_released, false)) return;
  gil_acquire();
}

int eval_breaker_hook(ThreadState* ts, uint32_t bits) {
  if ((bits & kBreakGilDropRequest) != 0 && g_gil_on) {
    // Handing the GIL over is a blocking wait like any other: the thread that
    // gets it may stop the world while we wait to take it back.
    detach_thread(ts);
    g_gil->yield_to_waiter(&ts->gil);
    attach_thread(ts);
  }
  if ((bits & kBreakStopTheWorld) != 0 && locking::world().stop_requested()) {
    detach_thread(ts);  // parks in attach_thread until the world starts again
    attach_thread(ts);
  }
  // Objects other threads queued to us (gc/brc.h): merge their counts.
  if ((bits & kBreakMergeRefcounts) != 0) gc::brc_merge_pending();
  // Someone waits for us to pass a quiescent state (gc/qsbr.h).
  if ((bits & kBreakQsbrReport) != 0) gc::qsbr_quiescent();
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

// Frees an object whose count reached zero in a biased-refcount merge.
void brc_dealloc(gc::Header* h) { dealloc(static_cast<Object*>(h)); }

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
  locking::bind_current_thread(&main->stw);
  gc::brc_set_dealloc(brc_dealloc);
  gc::brc_attach_thread(&main->eval_breaker, kBreakMergeRefcounts);
  gc::qsbr_attach_thread(&main->eval_breaker, kBreakQsbrReport);
  g_gil->set_switch_interval(absl::Microseconds(static_cast<int64_t>(switch_interval() * 1e6)));
  if (g_gil_on) g_gil->take(&main->gil);
  attach_thread(main);
  install_eval_breaker_hook(eval_breaker_hook);
  locking::set_blocking_hooks(before_block_hook, after_block_hook);
  install_sigint_handler();
}

bool gil_is_enabled() { return g_gil_on; }

void gil_acquire() {
  ThreadState* ts = current_thread();
  if (g_gil_on) g_gil->take(&ts->gil);
  if (g_finalizing.load(std::memory_order_acquire) && ts != g_main_thread) {
    if (g_gil_on) g_gil->drop(&ts->gil);
    park_forever();  // still detached: a stop-the-world does not wait for us
  }
  attach_thread(ts);
}

void gil_release() {
  ThreadState* ts = current_thread();
  detach_thread(ts);
  if (g_gil_on) g_gil->drop(&ts->gil);
}

ThreadState* gil_thread_attach() {
  // SIGINT is the main thread's business.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // A second thread that attaches (the thread module, a C++ embedder or test)
  // may read containers without locks from now on: object memory must wait
  // for QSBR before reuse (gc/qsbr.h).  The thread module turns it on before
  // pthread_create already; threads attached by other means get it here.
  gc::qsbr_enable_deferral();
  if (gc::critical_sections_elided()) {
    // Only a program that starts every thread through the thread module may
    // elide sections while alone (vm/main.cc); this thread came another way.
    std::fputs("conch: a thread attached while critical sections were elided\n", stderr);
    std::abort();
  }
  auto* ts = new ThreadState;
  ts->recursion_limit = default_recursion_limit();
  static std::atomic<uint64_t> next_id{1'000'000};
  ts->thread_id = next_id.fetch_add(1);
  init_thread_ids(ts);
  set_current_thread(ts);
  register_thread(ts);
  locking::bind_current_thread(&ts->stw);
  gc::brc_attach_thread(&ts->eval_breaker, kBreakMergeRefcounts);
  gc::qsbr_attach_thread(&ts->eval_breaker, kBreakQsbrReport);
  gil_acquire();
  return ts;
}

void gil_thread_detach(ThreadState* ts) {
  clear_slot(&ts->current_exception);
  clear_slot(&ts->handled_exception);
  // Last refcount work as an owner: merge what is queued to us, leave the
  // table; from here on this thread owns nothing (gc/brc.h).
  gc::brc_detach_thread();
  gc::on_thread_exit();  // tracked objects to the orphan list, while still attached
  gc::qsbr_detach_thread();  // deferred frees it still holds go to the orphans
  unregister_thread(ts);
  locking::unbind_current_thread();  // detaches; a pending stop counts us out
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

void gil_begin_finalization() {
  g_finalizing.store(true, std::memory_order_release);
  // Objects that finished threads queued to us must not read as leaks.
  gc::brc_merge_pending();
}

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
