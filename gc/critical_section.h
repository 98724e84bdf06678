// Critical sections: the lock every mutable container takes around each
// operation in the free-threaded build (PEP 703).  Call sites write
//
//   gc::CriticalSection cs{list};          // one object
//   gc::CriticalSection2 cs{list, other};  // two, e.g. a.extend(b)
//
// and never test the build mode: in the GIL build these are empty structs the
// compiler removes.
//
// Free-threaded build (the algorithm of CPython's Python/critical_section.c):
//
//   * A section locks the object's header mutex (gc::Header::mutex, a
//     locking::ByteMutex).  CriticalSection2 locks two, lower address first,
//     so two threads locking {A, B} and {B, A} agree on the order; the same
//     object twice is locked once.
//   * Each thread keeps a stack of its sections: a thread_local pointer to
//     the innermost one (gc/critical_section.cc), linked through prev_ in
//     the section objects themselves (they live on the C++ stack).
//   * Invariant: the sections that are *active* (their mutexes held) form a
//     prefix of the stack starting at the innermost one; the rest are
//     *suspended* (unlocked, suspended_ set) and still remember their
//     mutexes.
//   * suspend_critical_sections() unlocks every active section.  It is called
//     whenever the thread blocks: vm/gil.cc's gil_release() (around every
//     blocking wait) and the blocking hooks that ByteMutex::lock_detaching()
//     calls before it parks.  So a thread never waits while holding a
//     section: nesting in any order cannot deadlock, and a thread may even
//     re-enter a section an outer one of its own holds (it parks, which
//     suspends the outer one, and then gets the lock).
//   * resume_critical_sections() (gil_acquire(), the after-block hook)
//     relocks only the innermost section; outer ones are relocked lazily,
//     when the section above them ends.  The code running is always the
//     innermost section's, so it always runs locked.
//   * Entering a section whose innermost active section already holds the
//     same mutex skips locking (recursion on one object is common: list
//     methods that call each other).
//
// Consequence for callers (as in CPython): a section is only guaranteed
// continuous up to the next call that may block, which includes any call
// back into Python (__eq__, __hash__, __repr__, key functions).  After such
// a call, re-read sizes and pointers; never keep a raw item pointer across
// it without a reference.
//
// Who writes what: prev_/mutex_/mutex2_/suspended_ are written only by the
// owning thread (the one whose stack holds the section).  The mutexes
// themselves are the lock state that other threads contend on.
#pragma once

#include <atomic>
#include <cstdlib>
#include <utility>

#include "base/config.h"
#include "base/macros.h"
#include "gc/header.h"
#include "locking/byte_mutex.h"

namespace conch::gc {

// Debug builds (no NDEBUG) check assert_critical_section_held().
#ifdef NDEBUG
inline constexpr bool kCheckCriticalSections = false;
#else
inline constexpr bool kCheckCriticalSections = kFreeThreaded;
#endif

// An exhausted iterator may drop its reference to the sequence at once only
// when no other thread can be inside next() on the same iterator reading the
// pointer (the GIL build).  In the free-threaded build the reference stays
// until the iterator dies (as CPython 3.14t's list and tuple iterators do).
inline constexpr bool kIteratorsReleaseExhausted = !kFreeThreaded;

// Fields that are read without the object's critical section (len(list),
// an iterator's __length_hint__) are written with relaxed_store and read with
// relaxed_load.  Relaxed: the reader needs an untorn value, not ordering
// (CPython's FT_ATOMIC_LOAD_SSIZE_RELAXED).  Plain accesses in the GIL build.
template <class T>
CONCH_ALWAYS_INLINE T relaxed_load(const T& field) {
  if constexpr (kFreeThreaded) {
    return __atomic_load_n(&field, __ATOMIC_RELAXED);
  } else {
    return field;
  }
}
template <class T>
CONCH_ALWAYS_INLINE void relaxed_store(T& field, T value) {
  if constexpr (kFreeThreaded) {
    __atomic_store_n(&field, value, __ATOMIC_RELAXED);
  } else {
    field = value;
  }
}
// Publication for lock-free readers (vm/types/dict.h): a writer fills
// memory, then stores the pointer/index that makes it reachable with
// release_store; a reader that loads it with acquire_load sees the filled
// memory.  Plain accesses in the GIL build.
template <class T>
CONCH_ALWAYS_INLINE T acquire_load(const T& field) {
  if constexpr (kFreeThreaded) {
    return __atomic_load_n(&field, __ATOMIC_ACQUIRE);
  } else {
    return field;
  }
}
template <class T>
CONCH_ALWAYS_INLINE void release_store(T& field, T value) {
  if constexpr (kFreeThreaded) {
    __atomic_store_n(&field, value, __ATOMIC_RELEASE);
  } else {
    field = value;
  }
}

#if CONCH_FREE_THREADED

class CriticalSection;
namespace detail {
// The calling thread's innermost section (null: none).  constinit: no
// dynamic initialisation, so the inline fast path reads it directly.
extern constinit thread_local CriticalSection* t_innermost_section;
// True while the process may elide locking (critical_sections_elide_while_alone).
extern std::atomic<bool> g_elide;
}  // namespace detail

// Single-thread elision.  While one thread is the only one that can take
// sections (the conch executable before its first thread starts), a section
// is pushed on the thread's stack as usual but its mutexes are not locked
// (elided_): no CAS, no unlock.  critical_sections_go_shared() ends it for
// good, before a second thread can exist: it locks the calling thread's
// active elided sections (innermost first; a mutex an inner one already
// holds makes that section and every outer one suspended, to be relocked at
// pop as usual), and from then on every section locks.  Sections suspended
// or entered while elided relock for real once elision is over.  Opt-in:
// only a program that routes every thread creation through
// critical_sections_go_shared() may call critical_sections_elide_while_alone()
// (vm/main.cc does; the thread module goes shared before pthread_create).
void critical_sections_elide_while_alone();
void critical_sections_go_shared();
CONCH_ALWAYS_INLINE bool critical_sections_elided() {
  return detail::g_elide.load(std::memory_order_relaxed);
}

class CriticalSection {
 public:
  explicit CriticalSection(Header* h) : CriticalSection(&h->mutex) {}
  explicit CriticalSection(locking::ByteMutex* m) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (critical_sections_elided()) {
      begin_elided(m, nullptr);
    } else if (CONCH_LIKELY(m->try_lock())) {
      mutex_ = m;
      push();
    } else {
      begin_slow(m);
    }
  }
  ~CriticalSection() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (mutex_ == nullptr) return;  // skipped: an enclosing section holds the mutex
    if (!elided_) mutex_->unlock();
    pop();
  }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;

 protected:
  CriticalSection() = default;  // CriticalSection2 fills the fields itself
// GCC warns that a stack object's address escapes into a thread_local; that
// is the design (the destructor unlinks it before the object dies).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdangling-pointer"
#endif
  CONCH_ALWAYS_INLINE void push() {
    prev_ = detail::t_innermost_section;
    detail::t_innermost_section = this;
  }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
  CONCH_ALWAYS_INLINE void pop() {
    detail::t_innermost_section = prev_;
    if (prev_ != nullptr && CONCH_UNLIKELY(prev_->suspended_)) prev_->relock();
  }
  void begin_slow(locking::ByteMutex* m);
  void begin2_slow(locking::ByteMutex* m1, locking::ByteMutex* m2, bool m1_locked);
  void begin_elided(locking::ByteMutex* m1, locking::ByteMutex* m2);

  CriticalSection* prev_ = nullptr;         // enclosing section of this thread
  locking::ByteMutex* mutex_ = nullptr;     // lower (or only) mutex; null: not held
  locking::ByteMutex* mutex2_ = nullptr;    // CriticalSection2's higher mutex
  bool suspended_ = false;                  // unlocked while the thread blocked
  bool elided_ = false;                     // entered alone: mutexes not locked

 private:
  friend void suspend_critical_sections();
  friend void resume_critical_sections();
  friend void critical_sections_go_shared();
  friend bool critical_section_held(const Header* h);
  friend int critical_section_depth();
  void relock();
  static bool holds(const CriticalSection* c, const locking::ByteMutex* m);
};

class CriticalSection2 : public CriticalSection {
 public:
  CriticalSection2(Header* a, Header* b) : CriticalSection2(&a->mutex, &b->mutex) {}
  CriticalSection2(locking::ByteMutex* m1, locking::ByteMutex* m2) ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (critical_sections_elided()) {
      if (m2 < m1) std::swap(m1, m2);
      begin_elided(m1, m1 == m2 ? nullptr : m2);
      return;
    }
    if (m1 == m2) {
      if (CONCH_LIKELY(m1->try_lock())) {
        mutex_ = m1;
        push();
      } else {
        begin_slow(m1);
      }
      return;
    }
    if (m2 < m1) std::swap(m1, m2);
    if (CONCH_LIKELY(m1->try_lock())) {
      if (CONCH_LIKELY(m2->try_lock())) {
        mutex_ = m1;
        mutex2_ = m2;
        push();
      } else {
        begin2_slow(m1, m2, true);
      }
    } else {
      begin2_slow(m1, m2, false);
    }
  }
  // Runs before ~CriticalSection, which unlocks the lower mutex and pops.
  ~CriticalSection2() ABSL_NO_THREAD_SAFETY_ANALYSIS {
    if (mutex2_ != nullptr && !elided_) mutex2_->unlock();
  }
};

// Unlocks every active section of the calling thread (it is about to block).
// Idempotent; cheap when the thread holds none.
void suspend_critical_sections();
// Relocks the calling thread's innermost section if it is suspended (the
// thread has stopped blocking).  May itself block (and then suspend again).
void resume_critical_sections();
// True when an active section of the calling thread holds h's mutex.
bool critical_section_held(const Header* h);
// Number of sections on the calling thread's stack (tests).
int critical_section_depth();

#else  // GIL build: the GIL is the only lock.

class CriticalSection {
 public:
  explicit CriticalSection(Header* h) { (void)h; }
  explicit CriticalSection(locking::ByteMutex* m) { (void)m; }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;
};

class CriticalSection2 {
 public:
  CriticalSection2(Header* a, Header* b) {
    (void)a;
    (void)b;
  }
  CriticalSection2(locking::ByteMutex* a, locking::ByteMutex* b) {
    (void)a;
    (void)b;
  }
  CriticalSection2(const CriticalSection2&) = delete;
  CriticalSection2& operator=(const CriticalSection2&) = delete;
};

inline void suspend_critical_sections() {}
inline void resume_critical_sections() {}
inline void critical_sections_elide_while_alone() {}
inline void critical_sections_go_shared() {}
inline bool critical_sections_elided() { return false; }
inline bool critical_section_held(const Header*) { return true; }
inline int critical_section_depth() { return 0; }

#endif

// Debug builds: aborts unless the calling thread holds h's section, or h has
// a single reference (an object no other thread can see yet, e.g. a list
// being built).  Use it in helpers whose contract is "caller holds the
// section" and that hand out borrowed pointers.
CONCH_ALWAYS_INLINE void assert_critical_section_held(const Header* h) {
  if constexpr (kCheckCriticalSections) {
    if (!critical_section_held(h) && refcount(h) != 1) std::abort();
  }
}

}  // namespace conch::gc
