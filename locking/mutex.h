// Internal runtime locks (the intern table, the import lock, module tables).
//
// Issue-2 stage: a thin annotated wrapper over absl::Mutex, so clang's
// -Wthread-safety checks every guarded field from the start.  The 1-byte
// mutex with a parking lot (PEP 703) replaces the implementation here.
#pragma once

#include "absl/synchronization/mutex.h"
#include "base/macros.h"

namespace conch::locking {

class ABSL_LOCKABLE Mutex {
 public:
  void lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { mu_.Lock(); }
  void unlock() ABSL_UNLOCK_FUNCTION() { mu_.Unlock(); }

 private:
  absl::Mutex mu_;
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
