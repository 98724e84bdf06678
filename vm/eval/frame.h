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
// Ordinary frames come from a per-thread frame stack (FrameArena, LIFO
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
size_t frame_size(const CodeObject* co);

// Initialises the header and clears localsplus.  Takes new references to
// code, func, globals and locals.
void frame_init(Frame* f, CodeObject* co, Object* func, Object* globals, Object* locals);
// Drops every reference the frame holds (locals, cells, stack, header).
void frame_clear(Frame* f);

// The per-thread frame stack.  push returns nullptr (MemoryError set) when
// memory runs out.
Frame* frame_stack_push(CodeObject* co);
void frame_stack_pop(Frame* f);

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
