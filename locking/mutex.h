// Internal runtime locks (the intern table, the import lock, module tables,
// the GC's tracked list).
//
// A ByteMutex (locking/byte_mutex.h: one CAS to lock, one to unlock, parking
// when contended) behind clang's thread-safety annotations, so
// -Wthread-safety checks every guarded field.  lock() never detaches: an
// internal lock is held for a few instructions and never across Python code
// or a blocking wait (STYLE.md habit 7), so a waiter parks without giving up
// the GIL or its critical sections.
#pragma once

#include "base/macros.h"
#include "locking/byte_mutex.h"

namespace conch::locking {

class ABSL_LOCKABLE Mutex {
 public:
  constexpr Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  bool try_lock() ABSL_EXCLUSIVE_TRYLOCK_FUNCTION(true) { return mu_.try_lock(); }
  void unlock() ABSL_UNLOCK_FUNCTION() { mu_.unlock(); }
  bool is_locked() const { return mu_.is_locked(); }

 private:
  ByteMutex mu_;
};

class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) { mu_->lock(); }
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_->unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* mu_;
};

}  // namespace conch::locking
