// Generator objects.
//
// Calling a generator function binds the arguments into a heap frame
// (generator_frame_alloc) and wraps it in a generator without running it.
// Each next()/send()/throw() links the frame into the thread's frame chain,
// runs eval_frame until YIELD_VALUE or the end, and unlinks it.  The frame
// belongs to the generator (freed when it finishes or dies).
//
// State (only the thread running the generator touches it; `running` makes a
// re-entrant call fail with "generator already executing"):
//   frame == null          finished (returned, raised, or closed)
//   frame->lasti == -1     created, not started
//   otherwise              suspended at the YIELD_VALUE at frame->lasti
//
// The handled exception (sys.exc_info) inside a generator is its own: on
// suspension inside an except block it is saved in `exc_state` and the
// caller's is restored; on resumption the generator's is reinstated.
//
// Introspection (gi_frame, gi_code, gi_running, gi_suspended, gi_yieldfrom):
// gi_frame is a `frame` object made on first use and cached in `frame_obj`;
// it reads the live Frame, and when the generator finishes (or dies) it is
// detached with a snapshot of its last line and locals, as CPython's frame
// keeps them.  The frame object never owns the generator, so no cycle.
#pragma once

#include "vm/eval/frame.h"
#include "vm/object.h"

namespace conch::vm {

struct GeneratorObject : Object {
  Frame* frame;     // owned; null once finished
  Object* code;     // owned; gi_code outlives the frame
  Object* frame_obj;  // owned, nullable: the cached gi_frame, while frame lives
  Object* name;     // str
  Object* qualname; // str
  Object* exc_state;  // the generator's handled exception while suspended; nullable
  bool running;
};

enum class GenStatus { kYield, kReturn, kError };

Frame* generator_frame_alloc(CodeObject* co);  // nullptr + MemoryError
void generator_frame_free(Frame* f);           // clears and frees
// Wraps a bound, unstarted frame (taken over; freed on failure).
Object* generator_new(Frame* f);
// The same for an `async def` frame: a coroutine object.  Coroutines share
// the generator's layout and machinery (send/throw/close, `yield from`
// delegation, which `await` compiles to) but are not iterators: they are
// awaited (GET_AWAITABLE) or driven with send(); __await__ gives an iterator.
Object* coroutine_new(Frame* f);

// Generators and coroutines (the same layout and resumption machinery).
inline bool generator_check(const Object* o);
inline bool coroutine_check(const Object* o);

// A `frame` object that snapshots `f` (code, globals, current line) and,
// through f_back, its callers; f_locals of the innermost one when asked.
// sys._getframe and traceback.tb_frame give these (conch has no frame
// objects for ordinary calls: a snapshot does not follow later execution).
Object* frame_snapshot(Frame* f, bool with_locals);

// await's operand as an iterator to delegate to (CPython's
// _PyCoro_GetAwaitableIter): a coroutine itself, else __await__()'s result.
// New reference; nullptr with TypeError.
Object* get_awaitable_iter(Object* o);

// Resumes `gen` sending `value` (borrowed; null means None), or, when
// `throwing`, with the thread's current exception raised at the yield point.
// *result receives the yielded or returned value (new reference) or null on
// kError.
GenStatus generator_send(Object* gen, Object* value, bool throwing, Object** result);

void init_generator_type();  // called by init_eval_types()

}  // namespace conch::vm

#include "vm/interp.h"

namespace conch::vm {
inline bool generator_check(const Object* o) {
  return o->type == &kGeneratorType || o->type == &kCoroutineType;
}
inline bool coroutine_check(const Object* o) { return o->type == &kCoroutineType; }
}  // namespace conch::vm
