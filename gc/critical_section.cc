// Critical sections, free-threaded build: the slow paths, suspension and
// resumption (design and invariants in gc/critical_section.h).  The GIL
// build compiles nothing here.
#include "gc/critical_section.h"

#if CONCH_FREE_THREADED

namespace conch::gc {

namespace detail {
constinit thread_local CriticalSection* t_innermost_section = nullptr;
std::atomic<bool> g_elide{false};
}  // namespace detail

using detail::t_innermost_section;

bool CriticalSection::holds(const CriticalSection* c, const locking::ByteMutex* m) {
  return c->mutex_ == m || c->mutex2_ == m;
}

void CriticalSection::begin_slow(locking::ByteMutex* m) {
  CriticalSection* top = t_innermost_section;
  if (top != nullptr && !top->suspended_ && holds(top, m)) {
    return;  // mutex_ stays null: the destructor does nothing
  }
  // Push first, unlocked: if lock_detaching() parks, its hook suspends the
  // sections below (this one has nothing to unlock yet) and resumes this
  // one, which has nothing to relock.
  mutex_ = nullptr;
  mutex2_ = nullptr;
  suspended_ = false;
  push();
  m->lock_detaching();
  mutex_ = m;
}

void CriticalSection::begin2_slow(locking::ByteMutex* m1, locking::ByteMutex* m2,
                                  bool m1_locked) {
  // Recursion on the same pair (an operation on {a, b} calling another on
  // {b, a}): skip when the innermost section already holds both.  Holding
  // only one of them is not enough: parking for the other then suspends it.
  CriticalSection* top = t_innermost_section;
  if (!m1_locked && top != nullptr && !top->suspended_ && holds(top, m1) && holds(top, m2)) {
    return;  // mutex_ stays null: the destructors do nothing
  }
  mutex_ = nullptr;
  mutex2_ = nullptr;
  suspended_ = false;
  push();
  // Parking on m2 while holding m1 is safe: m1 < m2, and every thread that
  // waits suspends whatever its sections hold, so no wait-for cycle forms.
  if (!m1_locked) m1->lock_detaching();
  m2->lock_detaching();
  mutex_ = m1;
  mutex2_ = m2;
}

void CriticalSection::begin_elided(locking::ByteMutex* m1, locking::ByteMutex* m2) {
  CriticalSection* top = t_innermost_section;
  // Recursion on the innermost section's object(s): skip, as when locking.
  if (top != nullptr && !top->suspended_ && holds(top, m1) && (m2 == nullptr || holds(top, m2))) {
    mutex_ = nullptr;
    mutex2_ = nullptr;
    return;
  }
  mutex_ = m1;
  mutex2_ = m2;
  suspended_ = false;
  elided_ = true;
  push();
}

void critical_sections_elide_while_alone() { detail::g_elide.store(true, std::memory_order_relaxed); }

void critical_sections_go_shared() {
  if (!detail::g_elide.load(std::memory_order_relaxed)) return;
  // The calling thread is the only one that takes sections (the contract
  // of critical_sections_elide_while_alone), so every try_lock succeeds
  // unless an inner section of its own holds the mutex already.
  bool suspend_rest = false;
  for (CriticalSection* c = t_innermost_section; c != nullptr; c = c->prev_) {
    if (c->suspended_) break;  // the rest is suspended already
    if (!suspend_rest && c->elided_) {
      bool ok1 = c->mutex_->try_lock();
      bool ok2 = ok1 && (c->mutex2_ == nullptr || c->mutex2_->try_lock());
      if (ok1 && ok2) {
        c->elided_ = false;
        continue;
      }
      if (ok1) c->mutex_->unlock();
      suspend_rest = true;
    }
    if (suspend_rest) {
      // Unlocked from here outwards; relocked when the section above ends.
      if (!c->elided_) {
        if (c->mutex2_ != nullptr) c->mutex2_->unlock();
        c->mutex_->unlock();
      }
      c->elided_ = false;
      c->suspended_ = true;
    }
  }
  // Ordered before the new thread exists by its creation (pthread_create).
  detail::g_elide.store(false, std::memory_order_release);
}

// Relocks a suspended section.  The fields are cleared while locking: if a
// lock parks, the nested suspend/resume (the blocking hooks) must neither
// unlock a mutex not yet taken nor lock one twice.  suspended_ stays set
// until the end, so a nested suspend stops at this section.
void CriticalSection::relock() {
  if (critical_sections_elided()) {  // still alone: nothing to take
    elided_ = true;
    suspended_ = false;
    return;
  }
  elided_ = false;
  locking::ByteMutex* m1 = mutex_;
  locking::ByteMutex* m2 = mutex2_;
  mutex_ = nullptr;
  mutex2_ = nullptr;
  if (m1 != nullptr) m1->lock_detaching();
  if (m2 != nullptr) m2->lock_detaching();
  mutex_ = m1;
  mutex2_ = m2;
  suspended_ = false;
}

void suspend_critical_sections() {
  for (CriticalSection* c = t_innermost_section; c != nullptr && !c->suspended_; c = c->prev_) {
    if (!c->elided_) {
      if (c->mutex2_ != nullptr) c->mutex2_->unlock();
      if (c->mutex_ != nullptr) c->mutex_->unlock();
    }
    c->elided_ = false;  // relock() decides again
    c->suspended_ = true;
  }
}

void resume_critical_sections() {
  CriticalSection* c = t_innermost_section;
  if (c != nullptr && c->suspended_) c->relock();
}

bool critical_section_held(const Header* h) {
  const locking::ByteMutex* m = &h->mutex;
  for (const CriticalSection* c = t_innermost_section; c != nullptr && !c->suspended_;
       c = c->prev_) {
    if (c->mutex_ == m || c->mutex2_ == m) return c->elided_ || m->is_locked();
  }
  return false;
}

int critical_section_depth() {
  int n = 0;
  for (const CriticalSection* c = t_innermost_section; c != nullptr; c = c->prev_) ++n;
  return n;
}

}  // namespace conch::gc

#endif  // CONCH_FREE_THREADED
