// Critical sections: the lock every mutable container takes around each
// operation in the free-threaded build (PEP 703).  Call sites write
//
//   gc::CriticalSection cs{list};          // one object
//   gc::CriticalSection2 cs{list, other};  // two, e.g. a.extend(b)
//
// and never test the build mode: in the GIL build these are empty structs the
// compiler removes.  The free-threaded implementation (the object's 1-byte
// mutex, suspension when the thread blocks so nesting cannot deadlock) lives
// in gc/critical_section_ft.cc.
//
// Issue-2 stage: both builds compile these as no-ops; the free-threaded
// locking arrives with the free-threaded issue, without touching call sites.
#pragma once

#include "gc/header.h"

namespace conch::gc {

class CriticalSection {
 public:
  explicit CriticalSection(Header* h) { (void)h; }
  CriticalSection(const CriticalSection&) = delete;
  CriticalSection& operator=(const CriticalSection&) = delete;
};

class CriticalSection2 {
 public:
  CriticalSection2(Header* a, Header* b) {
    (void)a;
    (void)b;
  }
  CriticalSection2(const CriticalSection2&) = delete;
  CriticalSection2& operator=(const CriticalSection2&) = delete;
};

}  // namespace conch::gc
