// Runtime internals shared by runtime.cc, thread_state.cc and the CLI, beyond
// the vm/runtime.h contract.
//
// Lifetime: runtime_init creates the main thread's ThreadState and installs
// it with set_current_thread before anything can raise (raising needs a
// thread state); runtime_fini leaves it installed (the process is exiting)
// but drops every object it refers to.
#pragma once

#include "vm/thread_state.h"

namespace conch::vm {

// Installs `ts` as the calling thread's state (thread_state.cc).
void set_current_thread(ThreadState* ts);

// Exit status for the debug leak check: runtime_fini returns normally but
// records here whether the live-object count failed to return to baseline
// (kDebugObjects builds only).  The CLI turns a failure into exit status 70.
bool runtime_leak_detected();

// Writes the current exception to stderr (traceback) and clears it; used
// for errors no Python code can catch (start-up, finalisation).
void report_unraisable(const char* context);

}  // namespace conch::vm
