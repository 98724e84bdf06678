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

thread_local ThreadState* t_current = nullptr;
thread_local std::unique_ptr<ThreadState> t_owned;

CONCH_NOINLINE ThreadState* create_thread_state() {
  t_owned = std::make_unique<ThreadState>();
  t_owned->thread_id = g_next_thread_id.fetch_add(1);
  t_current = t_owned.get();
  return t_current;
}

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

ThreadState* current_thread() {
  ThreadState* ts = t_current;
  if (CONCH_LIKELY(ts != nullptr)) return ts;
  return create_thread_state();
}

void set_current_thread(ThreadState* ts) { t_current = ts; }

bool enter_recursive_call(const char* where) {
  ThreadState* ts = current_thread();
  if (++ts->recursion_depth <= ts->recursion_limit) return true;
  --ts->recursion_depth;
  std::string msg = "maximum recursion depth exceeded";
  if (where != nullptr && *where != '\0') {
    if (*where != ' ') msg += ' ';
    msg += where;
  }
  set_error(&kRecursionErrorType, msg);
  return false;
}

void leave_recursive_call() { --current_thread()->recursion_depth; }

}  // namespace conch::vm
