// The _thread module: OS threads, locks, thread-local data — the C++ core
// under vm/lib/threading.py (as CPython's Modules/_threadmodule.c).
//
// Locks are a flag under a std::mutex with a condition variable.  The fast
// path (uncontended) never drops the GIL; a thread that must wait drops it
// (without_gil) and waits; the main thread waits in slices so a SIGINT
// turns into KeyboardInterrupt promptly.  Never hold a lock's mutex while
// taking the GIL (the waiter drops the GIL first, then takes the mutex).
//
// A thread's end is observable through its sentinel lock (_set_sentinel):
// acquired by threading at the thread's start, released when it has finished running
// Python code; threading.Thread.join waits on it.
//
// _local keeps one dict per (local object, thread state), in the local
// object; live locals are listed (g_locals, under g_locals_mu) so an
// exiting thread can drop its dicts from every one of them.  Each thread
// also remembers its dicts of the locals it used last in a small
// thread_local cache keyed by the local's serial number (never reused, so a
// dead local's entry is never hit), so that reading an attribute takes no
// process-wide lock: with the GIL off, g_locals_mu's cache line would
// otherwise bounce between every thread on every access.
#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <new>
#include <set>
#include <string>

#include "gc/brc.h"
#include "gc/critical_section.h"
#include "gc/qsbr.h"
#include "vm/abstract.h"
#include "vm/args.h"
#include "vm/errors.h"
#include "vm/gil.h"
#include "vm/modules/modules.h"
#include "vm/modules/stdlib.h"
#include "vm/runtime_internal.h"
#include "vm/typeobject.h"
#include "vm/types.h"

namespace conch::vm {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kTimeoutMax = 4294967.0;  // seconds, as CPython's on Linux
// How long the main thread waits before looking for a pending SIGINT.
constexpr auto kSignalSlice = std::chrono::milliseconds(20);

// ---------------------------------------------------------------------------
// Locks.

struct LockCore {
  std::mutex mu;
  std::condition_variable cv;
  bool locked = false;  // guarded by mu
};

struct LockObject : Object {
  LockCore* core;
  // RLock only.  Any thread reads owner (am I the owner?), so it is atomic;
  // count is read and written only by the owner, after that check.
  std::atomic<ThreadState*> owner;
  int64_t count;
};

Type kLockType;
Type kRLockType;

LockObject* as_lock(Object* o) { return static_cast<LockObject*>(o); }

enum class Wait { kAcquired, kTimedOut, kInterrupted };

bool try_lock(LockCore* c) {
  std::lock_guard<std::mutex> g(c->mu);
  if (c->locked) return false;
  c->locked = true;
  return true;
}

void unlock(LockCore* c) {
  {
    std::lock_guard<std::mutex> g(c->mu);
    c->locked = false;
  }
  c->cv.notify_one();
}

// Waits for the lock without the GIL.  timeout < 0: forever.
Wait wait_for_lock(LockCore* c, double timeout) {
  const bool main = is_main_thread();
  return without_gil([&] {
    const bool forever = timeout < 0;
    const auto deadline =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(forever ? 0 : timeout));
    std::unique_lock<std::mutex> g(c->mu);
    while (c->locked) {
      if (main && gil_signal_pending()) return Wait::kInterrupted;
      auto until = main ? Clock::now() + kSignalSlice : Clock::time_point::max();
      if (!forever) until = std::min(until, deadline);
      if (until == Clock::time_point::max()) {
        c->cv.wait(g);
      } else {
        c->cv.wait_until(g, until);
        if (!forever && c->locked && Clock::now() >= deadline) return Wait::kTimedOut;
      }
    }
    c->locked = true;
    return Wait::kAcquired;
  });
}

// Parses (blocking=True, timeout=-1) into a timeout: -1 forever, 0 try.
bool parse_acquire(const char* fname, Object* const* args, size_t nargs, Object* kwnames,
                   double* timeout) {
  ArgSpec spec{fname, {"blocking", "timeout"}, 0, 2};
  Object* a[2] = {nullptr, nullptr};
  if (!parse_args(spec, args, nargs, kwnames, a)) return false;
  int blocking = 1;
  if (a[0] != nullptr && (blocking = is_true(a[0])) < 0) return false;
  *timeout = -1;
  if (a[1] != nullptr) {
    *timeout = number_as_double(a[1]);
    if (*timeout == -1.0 && has_error()) return false;
  }
  if (!blocking && *timeout != -1) {
    set_error(&kValueErrorType, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (*timeout < 0 && *timeout != -1) {
    set_error(&kValueErrorType, "timeout value must be a non-negative number");
    return false;
  }
  if (*timeout > kTimeoutMax) {
    set_error(&kOverflowErrorType, "timeout value is too large");
    return false;
  }
  if (!blocking) *timeout = 0;
  return true;
}

// 1 acquired, 0 not, -1 error (KeyboardInterrupt).
int acquire_core(LockCore* c, double timeout) {
  if (try_lock(c)) return 1;
  if (timeout == 0) return 0;
  switch (wait_for_lock(c, timeout)) {
    case Wait::kAcquired: return 1;
    case Wait::kTimedOut: return 0;
    case Wait::kInterrupted: return gil_check_signals() < 0 ? -1 : acquire_core(c, timeout);
  }
  return 0;
}

Object* lock_new(Type* type, Object* const*, size_t, Object*) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  if (o == nullptr) return nullptr;
  LockObject* l = as_lock(o);
  l->core = new LockCore;
  l->owner = nullptr;
  l->count = 0;
  return o;
}

void lock_dealloc(Object* o) {
  delete as_lock(o)->core;
  generic_free(o);
}

Object* lock_acquire(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  double timeout;
  if (!parse_acquire("acquire", args, nargs, kwnames, &timeout)) return nullptr;
  int r = acquire_core(as_lock(self)->core, timeout);
  return r < 0 ? nullptr : new_bool(r == 1);
}

Object* lock_release(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("release", nargs, 0, 3, kwnames)) return nullptr;
  LockCore* c = as_lock(self)->core;
  {
    std::lock_guard<std::mutex> g(c->mu);
    if (!c->locked) {
      set_error(&kRuntimeErrorType, "release unlocked lock");
      return nullptr;
    }
  }
  unlock(c);
  return new_ref(kNone);
}

bool core_locked(LockCore* c) {
  std::lock_guard<std::mutex> g(c->mu);
  return c->locked;
}

Object* lock_locked(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("locked", nargs, 0, 0, kwnames)) return nullptr;
  return new_bool(core_locked(as_lock(self)->core));
}

Object* lock_at_fork_reinit(Object* self, Object* const*, size_t, Object*) {
  LockObject* l = as_lock(self);
  l->core->locked = false;
  l->owner = nullptr;
  l->count = 0;
  return new_ref(kNone);
}

Object* lock_repr(Object* self) {
  LockObject* l = as_lock(self);
  bool locked = core_locked(l->core);
  if (self->type == &kRLockType || is_instance_of(self, &kRLockType)) {
    ThreadState* owner = l->owner.load(std::memory_order_relaxed);
    return str_from(absl::StrFormat("<%s _thread.RLock object owner=%d count=%d at %p>",
                                    locked ? "locked" : "unlocked",
                                    owner != nullptr ? owner->ident : 0, l->count,
                                    static_cast<void*>(self)));
  }
  return str_from(absl::StrFormat("<%s _thread.lock object at %p>",
                                  locked ? "locked" : "unlocked", static_cast<void*>(self)));
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire, kMethodDefault, nullptr},
    {"acquire_lock", lock_acquire, kMethodDefault, nullptr},
    {"__enter__", lock_acquire, kMethodDefault, nullptr},
    {"release", lock_release, kMethodDefault, nullptr},
    {"release_lock", lock_release, kMethodDefault, nullptr},
    {"__exit__", lock_release, kMethodDefault, nullptr},
    {"locked", lock_locked, kMethodDefault, nullptr},
    {"locked_lock", lock_locked, kMethodDefault, nullptr},
    {"_at_fork_reinit", lock_at_fork_reinit, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

// RLock: owner thread + recursion count over a LockCore.

Object* rlock_acquire(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  double timeout;
  if (!parse_acquire("acquire", args, nargs, kwnames, &timeout)) return nullptr;
  LockObject* l = as_lock(self);
  ThreadState* me = current_thread();
  if (l->owner == me && l->count > 0) {
    ++l->count;
    return new_ref(kTrue);
  }
  int r = acquire_core(l->core, timeout);
  if (r < 0) return nullptr;
  if (r == 1) {
    l->owner = me;
    l->count = 1;
  }
  return new_bool(r == 1);
}

Object* rlock_release(Object* self, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("release", nargs, 0, 3, kwnames)) return nullptr;
  LockObject* l = as_lock(self);
  if (l->owner != current_thread() || l->count == 0) {
    set_error(&kRuntimeErrorType, "cannot release un-acquired lock");
    return nullptr;
  }
  if (--l->count == 0) {
    l->owner = nullptr;
    unlock(l->core);
  }
  return new_ref(kNone);
}

Object* rlock_is_owned(Object* self, Object* const*, size_t, Object*) {
  LockObject* l = as_lock(self);
  return new_bool(l->owner == current_thread() && l->count > 0);
}

// For Condition.wait: gives the lock up completely, returns (count, owner).
Object* rlock_release_save(Object* self, Object* const*, size_t, Object*) {
  LockObject* l = as_lock(self);
  if (l->owner != current_thread() || l->count == 0) {
    set_error(&kRuntimeErrorType, "cannot release un-acquired lock");
    return nullptr;
  }
  Ref<> count = steal(int_from_i64(l->count));
  Ref<> owner = steal(int_from_u64(current_thread()->ident));
  l->count = 0;
  l->owner = nullptr;
  unlock(l->core);
  if (!count || !owner) return nullptr;
  return tuple_pack({count.get(), owner.get()});
}

Object* rlock_acquire_restore(Object* self, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("_acquire_restore", nargs, 1, 1, kwnames)) return nullptr;
  Ref<> zero = steal(int_from_i64(0));
  Ref<> count = steal(zero ? getitem(args[0], zero.get()) : nullptr);
  if (!count) return nullptr;
  LockObject* l = as_lock(self);
  if (acquire_core(l->core, -1) < 0) return nullptr;
  l->owner = current_thread();
  l->count = int_as_ssize(count.get());
  return new_ref(kNone);
}

Object* rlock_recursion_count(Object* self, Object* const*, size_t, Object*) {
  LockObject* l = as_lock(self);
  return int_from_i64(l->owner == current_thread() ? l->count : 0);
}

const MethodDef kRLockMethods[] = {
    {"acquire", rlock_acquire, kMethodDefault, nullptr},
    {"__enter__", rlock_acquire, kMethodDefault, nullptr},
    {"release", rlock_release, kMethodDefault, nullptr},
    {"__exit__", rlock_release, kMethodDefault, nullptr},
    {"_is_owned", rlock_is_owned, kMethodDefault, nullptr},
    {"_release_save", rlock_release_save, kMethodDefault, nullptr},
    {"_acquire_restore", rlock_acquire_restore, kMethodDefault, nullptr},
    {"_recursion_count", rlock_recursion_count, kMethodDefault, nullptr},
    {"_at_fork_reinit", lock_at_fork_reinit, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

Object* new_lock() { return lock_new(&kLockType, nullptr, 0, nullptr); }

// ---------------------------------------------------------------------------
// Thread-local data.

struct LocalObject : Object {
  std::map<ThreadState*, Object*>* dicts;  // owned dict per thread
  uint64_t serial;                         // unique per local, for LocalCache
  Object* args;                            // construction args, re-run __init__ per thread
  Object* kwnames;
};

Type kLocalType;
std::mutex g_locals_mu;
std::set<LocalObject*>* g_locals = new std::set<LocalObject*>;

std::atomic<uint64_t> g_local_serial{1};

LocalObject* as_local(Object* o) { return static_cast<LocalObject*>(o); }

// The calling thread's dicts of the locals it used last (borrowed: the
// local's map owns them).  An entry stays valid while its local lives (only
// local_dealloc and locals_forget_thread remove a dict from the map) and
// this thread keeps its ThreadState; locals_forget_thread clears it.
struct LocalCacheEntry {
  uint64_t serial;  // 0: empty
  ThreadState* ts;
  Object* dict;
};
constexpr size_t kLocalCacheSize = 8;
thread_local LocalCacheEntry t_local_cache[kLocalCacheSize];

LocalCacheEntry& local_cache_slot(uint64_t serial) { return t_local_cache[serial % kLocalCacheSize]; }

Object* local_new(Type* type, Object* const* args, size_t nargs, Object*) {
  Object* o = type->alloc != nullptr ? type->alloc(type, 0) : generic_alloc(type, 0);
  if (o == nullptr) return nullptr;
  LocalObject* l = as_local(o);
  l->dicts = new std::map<ThreadState*, Object*>;
  l->serial = g_local_serial.fetch_add(1, std::memory_order_relaxed);
  l->args = tuple_new(static_cast<ssize_t>(nargs));
  if (l->args == nullptr) return nullptr;  // dealloc tolerates a null args
  for (size_t i = 0; i < nargs; ++i) tuple_init_item(l->args, static_cast<ssize_t>(i), new_ref(args[i]));
  Object* d = dict_new();
  if (d == nullptr) return nullptr;
  (*l->dicts)[current_thread()] = d;
  std::lock_guard<std::mutex> g(g_locals_mu);
  g_locals->insert(l);
  return o;
}

void local_dealloc(Object* o) {
  LocalObject* l = as_local(o);
  {
    std::lock_guard<std::mutex> g(g_locals_mu);
    g_locals->erase(l);
  }
  for (auto& [ts, d] : *l->dicts) decref(d);
  delete l->dicts;
  xdecref(l->args);
  generic_free(o);
}

// GC-tracked, as CPython's _thread._local: a thread's dict may refer back to
// the local (a cycle), and a tracked module-level local gets the
// free-threaded build's deferred counting when workers read it as a global
// (gc/deferred_rc.h).  The collector runs with the world stopped (ft) or
// under the GIL, never inside the g_locals_mu sections below.
int local_traverse(Object* o, VisitFunc visit, void* arg) {
  LocalObject* l = as_local(o);
  if (l->dicts != nullptr) {
    for (auto& [ts, d] : *l->dicts) {
      if (int r = visit(d, arg)) return r;
    }
  }
  return l->args != nullptr ? visit(l->args, arg) : 0;
}

// Breaks cycles through the per-thread dicts.  Threads' LocalCache entries
// for this local go stale harmlessly: serials are never reused.
int local_clear(Object* o) {
  LocalObject* l = as_local(o);
  std::map<ThreadState*, Object*> dicts;
  {
    std::lock_guard<std::mutex> g(g_locals_mu);
    if (l->dicts != nullptr) dicts.swap(*l->dicts);
  }
  for (auto& [ts, d] : dicts) decref(d);
  clear_slot(&l->args);
  return 0;
}

// `name` is "__dict__": identity with the interned name first (attribute
// names from code are interned), the text only for other strings.
bool is_dict_name(Object* name) {
  static Object* const dict_name = str_intern("__dict__");
  return name == dict_name || (str_length(name) == 8 && std::strcmp(str_cstr(name), "__dict__") == 0);
}

// The calling thread's dict (borrowed), created on first use.
// A subclass's __init__ runs again, with the construction arguments, the
// first time each other thread touches the object (as CPython's _local).
Object* local_dict(Object* self) {
  LocalObject* l = as_local(self);
  ThreadState* ts = current_thread();
  LocalCacheEntry& e = local_cache_slot(l->serial);
  if (e.serial == l->serial && e.ts == ts) return e.dict;
  Object* d = nullptr;
  {
    std::lock_guard<std::mutex> g(g_locals_mu);
    auto it = l->dicts->find(ts);
    if (it != l->dicts->end()) {
      e = LocalCacheEntry{l->serial, ts, it->second};
      return it->second;
    }
    d = dict_new();
    if (d == nullptr) return nullptr;
    (*l->dicts)[ts] = d;
    e = LocalCacheEntry{l->serial, ts, d};
  }
  if (self->type != &kLocalType && l->args != nullptr) {
    Ref<> init = steal(getattr_str(self, "__init__"));
    Ref<> r = steal(init ? call_tuple_dict(init.get(), l->args, nullptr) : nullptr);
    if (!r) return nullptr;
  }
  return d;
}

Object* local_getattr(Object* self, Object* name) {
  Object* d = local_dict(self);
  if (d == nullptr) return nullptr;
  if (is_dict_name(name)) return new_ref(d);
  if (type_lookup(self->type, name) == nullptr) {
    Object* v = dict_get_item(d, name);
    if (v != nullptr) return new_ref(v);
    if (has_error()) return nullptr;
  }
  Object* v = dict_get_item(d, name);
  if (v != nullptr && type_lookup(self->type, name) != nullptr) {
    Object* attr = type_lookup(self->type, name);
    if (attr->type->descr_set == nullptr) return new_ref(v);  // instance dict shadows
  }
  return generic_getattr(self, name);
}

int local_setattr(Object* self, Object* name, Object* value) {
  if (is_dict_name(name)) {
    set_error_fmt(&kAttributeErrorType, "'%s' object attribute '__dict__' is read-only",
                  type_name(self));
    return -1;
  }
  Object* attr = type_lookup(self->type, name);
  if (attr != nullptr && attr->type->descr_set != nullptr) return generic_setattr(self, name, value);
  Object* d = local_dict(self);
  if (d == nullptr) return -1;
  if (value == nullptr) {
    if (dict_del_item(d, name) < 0) {
      if (error_matches(&kKeyErrorType)) {
        clear_error();
        set_error_fmt(&kAttributeErrorType, "'%s' object has no attribute '%s'", type_name(self),
                      str_cstr(name));
      }
      return -1;
    }
    return 0;
  }
  return dict_set_item(d, name, value);
}

// Drops the exiting thread's dicts from every live local (GIL held).
void locals_forget_thread(ThreadState* ts) {
  std::vector<Object*> dead;
  if (ts == current_thread()) {
    for (LocalCacheEntry& e : t_local_cache) e = LocalCacheEntry{};
  }
  {
    std::lock_guard<std::mutex> g(g_locals_mu);
    for (LocalObject* l : *g_locals) {
      auto it = l->dicts->find(ts);
      if (it == l->dicts->end()) continue;
      dead.push_back(it->second);
      l->dicts->erase(it);
    }
  }
  for (Object* d : dead) decref(d);  // destructors run outside the lock (STYLE habit 7)
}

// ---------------------------------------------------------------------------
// Threads.

std::atomic<int> g_running_threads{0};
std::atomic<size_t> g_stack_size{0};  // 0: default; any thread may set it
thread_local Object* t_sentinel = nullptr;  // this thread's sentinel lock, owned

struct Boot {
  Object* func;
  Object* args;
  Object* kwargs;  // nullable
};

void run_boot(Boot* b) {
  Ref<> r = steal(call_tuple_dict(b->func, b->args, b->kwargs));
  if (!r && has_error()) {
    if (error_matches(&kSystemExitType)) {
      clear_error();
    } else {
      Ref<> fr = steal(repr(b->func));
      std::string ctx = "Exception ignored in thread started by: ";
      ctx += fr ? str_cstr(fr.get()) : "<function>";
      if (!fr) clear_error();
      report_unraisable(ctx.c_str());
    }
  }
  decref(b->func);
  decref(b->args);
  xdecref(b->kwargs);
}

void* thread_main(void* arg) {
  std::unique_ptr<Boot> boot(static_cast<Boot*>(arg));
  ThreadState* ts = gil_thread_attach();
  run_boot(boot.get());
  if (t_sentinel != nullptr) {
    LockCore* c = as_lock(t_sentinel)->core;
    if (core_locked(c)) unlock(c);
    clear_slot(&t_sentinel);
  }
  locals_forget_thread(ts);
  type_cache_clear();  // the references this thread's attribute cache owns
  g_running_threads.fetch_sub(1);
  gil_thread_detach(ts);
  return nullptr;
}

Object* thread_start_new_thread(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("start_new_thread", nargs, 2, 3, kwnames)) return nullptr;
  if (!is_callable(args[0])) {
    set_error(&kTypeErrorType, "first arg must be callable");
    return nullptr;
  }
  if (!tuple_check(args[1])) {
    set_error(&kTypeErrorType, "2nd arg must be a tuple");
    return nullptr;
  }
  Object* kw = nargs > 2 ? args[2] : nullptr;
  if (kw == kNone) kw = nullptr;
  if (kw != nullptr && !dict_check(kw)) {
    set_error(&kTypeErrorType, "optional 3rd arg must be a dictionary");
    return nullptr;
  }
  auto* b = new Boot{new_ref(args[0]), new_ref(args[1]), kw != nullptr ? new_ref(kw) : nullptr};
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  size_t stack = g_stack_size.load(std::memory_order_relaxed);
  pthread_attr_setstacksize(&attr, stack != 0 ? stack : 16u << 20);
  pthread_t tid;
  // The first thread: only this one has run Python so far, so it may turn
  // the shared-by-design objects immortal (gc/brc.h); later calls return.
  gc::immortalize_shared_by_design();
  gc::qsbr_enable_deferral();  // from now on lock-free readers may exist (gc/qsbr.h)
  gc::critical_sections_go_shared();  // from now on sections lock
  g_running_threads.fetch_add(1);
  int err = pthread_create(&tid, &attr, thread_main, b);
  pthread_attr_destroy(&attr);
  if (err != 0) {
    g_running_threads.fetch_sub(1);
    decref(b->func);
    decref(b->args);
    xdecref(b->kwargs);
    delete b;
    set_error(&kRuntimeErrorType, "can't start new thread");
    return nullptr;
  }
  return int_from_u64(static_cast<uint64_t>(tid));
}

Object* thread_allocate_lock(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("allocate_lock", nargs, 0, 0, kwnames)) return nullptr;
  return new_lock();
}

Object* thread_get_ident(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("get_ident", nargs, 0, 0, kwnames)) return nullptr;
  return int_from_u64(current_thread()->ident);
}

Object* thread_get_native_id(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("get_native_id", nargs, 0, 0, kwnames)) return nullptr;
  return int_from_u64(current_thread()->native_id);
}

Object* thread_count(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("_count", nargs, 0, 0, kwnames)) return nullptr;
  return int_from_i64(g_running_threads.load());
}

Object* thread_stack_size(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("stack_size", nargs, 0, 1, kwnames)) return nullptr;
  size_t old = g_stack_size.load(std::memory_order_relaxed);
  if (nargs == 1) {
    int64_t n = int_as_ssize(args[0]);
    if (n == -1 && has_error()) return nullptr;
    if (n != 0 && n < 32768) {
      set_error(&kValueErrorType, "size not valid: 32768 bytes");
      return nullptr;
    }
    g_stack_size.store(static_cast<size_t>(n), std::memory_order_relaxed);
  }
  return int_from_u64(old);
}

Object* thread_set_sentinel(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("_set_sentinel", nargs, 0, 0, kwnames)) return nullptr;
  Object* l = new_lock();
  if (l == nullptr) return nullptr;
  set_slot(&t_sentinel, new_ref(l));
  return l;
}

Object* thread_interrupt_main(Object*, Object* const*, size_t nargs, Object* kwnames) {
  if (!check_nargs("interrupt_main", nargs, 0, 1, kwnames)) return nullptr;
  gil_interrupt_main();
  return new_ref(kNone);
}

Object* thread_print_exception(Object*, Object* const* args, size_t nargs, Object* kwnames) {
  if (!check_nargs("_print_exception", nargs, 1, 1, kwnames)) return nullptr;
  print_exception(args[0]);
  return new_ref(kNone);
}

Object* thread_exit(Object*, Object* const*, size_t, Object*) {
  Ref<> empty = steal(tuple_new(0));
  if (empty) set_error_args(&kSystemExitType, empty.get());
  return nullptr;
}

Object* thread_is_main(Object*, Object* const*, size_t, Object*) {
  return new_bool(is_main_thread());
}

const MethodDef kThreadFunctions[] = {
    {"start_new_thread", thread_start_new_thread, kMethodDefault, nullptr},
    {"start_new", thread_start_new_thread, kMethodDefault, nullptr},
    {"allocate_lock", thread_allocate_lock, kMethodDefault, nullptr},
    {"allocate", thread_allocate_lock, kMethodDefault, nullptr},
    {"get_ident", thread_get_ident, kMethodDefault, nullptr},
    {"get_native_id", thread_get_native_id, kMethodDefault, nullptr},
    {"_count", thread_count, kMethodDefault, nullptr},
    {"stack_size", thread_stack_size, kMethodDefault, nullptr},
    {"_set_sentinel", thread_set_sentinel, kMethodDefault, nullptr},
    {"interrupt_main", thread_interrupt_main, kMethodDefault, nullptr},
    {"_print_exception", thread_print_exception, kMethodDefault, nullptr},
    {"_is_main_interpreter_thread", thread_is_main, kMethodDefault, nullptr},
    {"exit", thread_exit, kMethodDefault, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

void init_thread_types() {
  static bool ready = false;
  if (ready) return;
  ready = true;
  init_static_type(&kLockType, "_thread.lock", sizeof(LockObject));
  kLockType.methods = kLockMethods;
  kLockType.new_ = lock_new;
  kLockType.dealloc = lock_dealloc;
  kLockType.repr = lock_repr;
  type_ready(&kLockType);
  init_static_type(&kRLockType, "_thread.RLock", sizeof(LockObject));
  kRLockType.flags |= kTypeBaseType;
  kRLockType.methods = kRLockMethods;
  kRLockType.new_ = lock_new;
  kRLockType.dealloc = lock_dealloc;
  kRLockType.repr = lock_repr;
  type_ready(&kRLockType);
  init_static_type(&kLocalType, "_thread._local", sizeof(LocalObject));
  kLocalType.flags |= kTypeBaseType | kTypeHaveGC;
  kLocalType.new_ = local_new;
  kLocalType.dealloc = local_dealloc;
  kLocalType.traverse = local_traverse;
  kLocalType.clear = local_clear;
  kLocalType.getattr = local_getattr;
  kLocalType.setattr = local_setattr;
  type_ready(&kLocalType);
}

}  // namespace

Object* init_thread_module() {
  init_thread_types();
  Ref<> m = steal(module_new("_thread"));
  if (!m || module_add_functions(m.get(), kThreadFunctions) < 0) return nullptr;
  Ref<> tmax = steal(float_from(kTimeoutMax));
  if (!tmax) return nullptr;
  for (const auto& [name, value] :
       {std::pair{"LockType", static_cast<Object*>(&kLockType)}, std::pair{"lock", static_cast<Object*>(&kLockType)},
        std::pair{"RLock", static_cast<Object*>(&kRLockType)}, std::pair{"_local", static_cast<Object*>(&kLocalType)},
        std::pair{"error", static_cast<Object*>(&kRuntimeErrorType)}, std::pair{"TIMEOUT_MAX", tmax.get()}}) {
    if (module_add_object(m.get(), name, value) < 0) return nullptr;
  }
  return m.release();
}

// runtime_fini, before finalisation: threading._shutdown() when threading
// was imported (joins the non-daemon threads).
void wait_for_threads() {
  Object* threading = dict_get_item_str(sys_modules(), "threading");
  if (threading == nullptr) return;
  Ref<> r = steal(call_method(threading, "_shutdown", {}));
  if (!r) report_unraisable("Exception ignored on threading shutdown:");
  // The main thread's sentinel lock (threading's _MainThread asks for one)
  // is never released by a thread exit: drop it here, or it outlives the
  // runtime.
  clear_slot(&t_sentinel);
}

}  // namespace conch::vm
