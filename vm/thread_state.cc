// The per-thread interpreter state (vm/thread_state.h).
//
// Each OS thread has one current ThreadState pointer.  The runtime installs
// the main thread's (set_current_thread, vm/runtime_internal.h) and thread
// start-up installs each new thread's; a thread that reaches current_thread()
// without one (a C++ test thread, say) gets a state created on first use,
// owned by a thread_local holder and freed when the thread exits.
#include "vm/thread_state.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "locking/mutex.h"
#include "vm/errors.h"
#include "vm/runtime_internal.h"

namespace conch::vm {

namespace {

std::atomic<uint64_t> g_next_thread_id{1000};

thread_local std::unique_ptr<ThreadState> t_owned;

// locking::Mutex, not absl::Mutex: Debian's libabsl is not built for
// ThreadSanitizer, which then cannot see its synchronisation (ft-tsan).
locking::Mutex g_threads_mu;
std::vector<ThreadState*>* g_threads ABSL_GUARDED_BY(g_threads_mu) = new std::vector<ThreadState*>;

}  // namespace

void register_thread(ThreadState* ts) {
  locking::MutexLock lock(&g_threads_mu);
  g_threads->push_back(ts);
}

void unregister_thread(ThreadState* ts) {
  locking::MutexLock lock(&g_threads_mu);
  std::erase(*g_threads, ts);
}

void for_each_thread(const std::function<void(ThreadState*)>& fn) {
  locking::MutexLock lock(&g_threads_mu);
  for (ThreadState* ts : *g_threads) fn(ts);
}

int thread_count() {
  locking::MutexLock lock(&g_threads_mu);
  return static_cast<int>(g_threads->size());
}

namespace thread_state_detail {

constinit thread_local ThreadState* t_current = nullptr;

CONCH_NOINLINE ThreadState* create_current() {
  t_owned = std::make_unique<ThreadState>();
  t_owned->thread_id = g_next_thread_id.fetch_add(1);
  t_current = t_owned.get();
  return t_current;
}

// enter_recursive_call found the limit passed (its increment is undone here).
CONCH_NOINLINE bool recursion_error(ThreadState* ts, const char* where) {
  --ts->recursion_depth;
  std::string msg = "maximum recursion depth exceeded";
  if (where != nullptr && *where != '\0') {
    if (*where != ' ') msg += ' ';
    msg += where;
  }
  set_error(&kRecursionErrorType, msg);
  return false;
}

}  // namespace thread_state_detail

void set_current_thread(ThreadState* ts) { thread_state_detail::t_current = ts; }

}  // namespace conch::vm
