// Frames: the activation record of one running code object.
//
// Layout (one contiguous slab, never a malloc per call):
//
//   Frame header | localsplus[nlocals] | cells[ncells] | stack[stacksize] | blocks[maxblocks]
//
// localsplus holds the fast locals (arguments first), then the cell objects
// (co_cellvars, then co_freevars, as LOAD_DEREF indexes them), then the value
// stack.  Every slot is an owned reference or null.
//
// Ordinary frames come from a per-thread frame stack (FrameChunk, LIFO
// chunks); they live exactly as long as the C++ call to eval_frame.  A
// generator's frame is allocated by the generator (gc::allocate_raw) and
// owned by it; it is linked into the thread's frame chain (`back`) only while
// the generator runs.
//
// Who writes what: only the thread running the frame touches it.  The block
// stack is the 3.10-style exception-handler stack (vm/compile/opcodes.h).
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/macros.h"
#include "vm/compile/code.h"
#include "vm/object.h"

namespace conch::vm {

enum class BlockKind : int32_t {
  kSetupFinally,   // handler = jump target; level = stack depth to restore
  kExceptHandler,  // inside an except/finally handler; stack[level] = previous
                   // handled exception, restored when the handler is left
};

struct Block {
  BlockKind kind;
  int32_t handler;
  int32_t level;
};

struct Frame {
  Frame* back;        // caller's frame (the thread's chain)
  CodeObject* code;   // owned
  Object* func;       // owned; null for module/exec frames
  Object* globals;    // owned
  Object* builtins;   // borrowed (the builtins dict lives for the runtime)
  Object* locals;     // owned mapping for module/class bodies; null in functions
  int32_t lasti;      // index of the instruction executing (or last executed)
  int32_t stackdepth; // saved stack depth while suspended (generators)
  int32_t blockdepth; // entries used in blocks()
  uint8_t is_generator;  // frame owned by a generator object
  uint8_t yielded_from;  // suspended inside a `yield from` (SEND loop)
  Object* localsplus[];  // see above

  Object** cells() { return localsplus + code->nlocals; }
  Object** stack_base() { return localsplus + code->nlocals + code->ncells; }
  Block* blocks() {
    return reinterpret_cast<Block*>(localsplus + code->nlocals + code->ncells + code->stacksize);
  }
};

// Bytes a frame for `co` needs.
inline size_t frame_size(const CodeObject* co) {
  return sizeof(Frame) + sizeof(Object*) * (co->nlocals + co->ncells + co->stacksize) +
         sizeof(Block) * co->maxblocks;
}

// Initialises the header and clears localsplus.  Takes new references to
// code, func, globals and locals.
void frame_init(Frame* f, CodeObject* co, Object* func, Object* globals, Object* locals);
// Drops every reference the frame holds (locals, cells, stack, header).
void frame_clear(Frame* f);

// The per-thread frame stack.  push returns nullptr (MemoryError set) when
// memory runs out.  The common case (room in the current chunk) is inline:
// every Python call pays it twice.
//
// A LIFO region of frames.  Chunks are chained; one emptied chunk is kept as
// a spare so a call that crosses a chunk boundary in a loop does not
// allocate every time.
struct FrameChunk {
  FrameChunk* prev;
  size_t size;
  size_t top;
  alignas(16) char data[];
};

namespace frame_detail {
// The thread's current chunk (null before its first frame).  constinit on
// this declaration too: the compiler then reads it directly instead of
// through a TLS init wrapper (frame.cc registers the thread-exit cleanup on
// the slow path).
extern constinit thread_local FrameChunk* t_frame_chunk;
Frame* push_slow(size_t need);
void pop_chunk(FrameChunk* c);
CONCH_ALWAYS_INLINE size_t aligned_frame_size(const CodeObject* co) {
  return (frame_size(co) + 15) & ~size_t{15};
}
}  // namespace frame_detail

CONCH_ALWAYS_INLINE Frame* frame_stack_push(CodeObject* co) {
  size_t need = frame_detail::aligned_frame_size(co);
  FrameChunk* c = frame_detail::t_frame_chunk;
  if (CONCH_LIKELY(c != nullptr && c->top + need <= c->size)) {
    Frame* f = reinterpret_cast<Frame*>(c->data + c->top);
    c->top += need;
    return f;
  }
  return frame_detail::push_slow(need);
}

CONCH_ALWAYS_INLINE void frame_stack_pop(Frame* f) {
  FrameChunk* c = frame_detail::t_frame_chunk;
  c->top = static_cast<size_t>(reinterpret_cast<char*>(f) - c->data);
  if (CONCH_UNLIKELY(c->top == 0 && c->prev != nullptr)) frame_detail::pop_chunk(c);
}

// The current source line of a frame.
int frame_line(const Frame* f);

// Frame introspection for builtins (globals(), locals(), super()).
// The innermost Python frame of this thread, or null.
Frame* current_frame();
// Borrowed; null when no Python code is running.
Object* current_globals();
// New reference: the locals mapping (module/class frames) or a fresh dict of
// the fast locals and cells (function frames).
Object* frame_locals_dict(Frame* f);

}  // namespace conch::vm
