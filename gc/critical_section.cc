// Critical sections, free-threaded build: the slow paths, suspension and
// resumption (design and invariants in gc/critical_section.h).  The GIL
// build compiles nothing here.
#include "gc/critical_section.h"

#if CONCH_FREE_THREADED

namespace conch::gc {

namespace detail {
constinit thread_local CriticalSection* t_innermost_section = nullptr;
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

// Relocks a suspended section.  The fields are cleared while locking: if a
// lock parks, the nested suspend/resume (the blocking hooks) must neither
// unlock a mutex not yet taken nor lock one twice.  suspended_ stays set
// until the end, so a nested suspend stops at this section.
void CriticalSection::relock() {
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
    if (c->mutex2_ != nullptr) c->mutex2_->unlock();
    if (c->mutex_ != nullptr) c->mutex_->unlock();
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
    if (c->mutex_ == m || c->mutex2_ == m) return m->is_locked();
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
