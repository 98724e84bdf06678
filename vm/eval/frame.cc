// Frames and the per-thread frame stack.  See frame.h.
#include "vm/eval/frame.h"

#include <cstring>

#include "vm/errors.h"
#include "vm/eval/function.h"
#include "vm/runtime.h"
#include "vm/thread_state.h"
#include "vm/types.h"

namespace conch::vm {

namespace {

constexpr size_t kChunkSize = 256 * 1024;

constinit thread_local FrameChunk* t_spare = nullptr;

// Frees the thread's chunks when it exits.  Touched only when a chunk is
// allocated (the slow path), so the fast paths never pay a TLS init check.
struct ChunkReaper {
  bool armed = false;
  ~ChunkReaper() {
    FrameChunk* c = frame_detail::t_frame_chunk;
    while (c != nullptr) {
      FrameChunk* p = c->prev;
      gc::free_raw(c);
      c = p;
    }
    frame_detail::t_frame_chunk = nullptr;
    gc::free_raw(t_spare);
    t_spare = nullptr;
  }
};
thread_local ChunkReaper t_reaper;

}  // namespace

namespace frame_detail {

constinit thread_local FrameChunk* t_frame_chunk = nullptr;

Frame* push_slow(size_t need) {
  FrameChunk* c;
  if (t_spare != nullptr && t_spare->size >= need) {
    c = t_spare;
    t_spare = nullptr;
  } else {
    t_reaper.armed = true;  // first use registers the thread-exit cleanup
    size_t size = need > kChunkSize ? need : kChunkSize;
    c = static_cast<FrameChunk*>(gc::allocate_raw(sizeof(FrameChunk) + size));
    if (c == nullptr) {
      no_memory();
      return nullptr;
    }
    c->size = size;
  }
  c->top = need;
  c->prev = t_frame_chunk;
  t_frame_chunk = c;
  return reinterpret_cast<Frame*>(c->data);
}

// c, the current chunk, became empty: its predecessor is current again and
// c is kept as the spare.
void pop_chunk(FrameChunk* c) {
  t_frame_chunk = c->prev;
  gc::free_raw(t_spare);
  t_spare = c;
}

}  // namespace frame_detail

void frame_init(Frame* f, CodeObject* co, Object* func, Object* globals, Object* locals) {
  f->back = nullptr;
  f->code = co;
  incref(co);
  f->func = func;
  xincref(func);
  f->globals = globals;
  incref(globals);
  f->builtins = builtins_dict();
  f->locals = locals;
  xincref(locals);
  f->lasti = -1;
  f->stackdepth = 0;
  f->blockdepth = 0;
  f->is_generator = 0;
  f->yielded_from = 0;
  std::memset(f->localsplus, 0, sizeof(Object*) * (co->nlocals + co->ncells));
}

void frame_clear(Frame* f) {
  int n = f->code->nlocals + f->code->ncells;
  for (int i = 0; i < n; i++) clear_slot(&f->localsplus[i]);
  Object** stack = f->stack_base();
  while (f->stackdepth > 0) {
    f->stackdepth--;
    clear_slot(&stack[f->stackdepth]);
  }
  clear_slot(&f->func);
  clear_slot(&f->globals);
  clear_slot(&f->locals);
  Object* co = f->code;
  f->code = nullptr;
  decref(co);
}

int frame_line(const Frame* f) { return code_line_for(f->code, f->lasti < 0 ? 0 : f->lasti); }

Frame* current_frame() { return current_thread()->frame; }

Object* current_globals() {
  Frame* f = current_frame();
  return f != nullptr ? f->globals : nullptr;
}

Object* frame_locals_dict(Frame* f) {
  if (f->locals != nullptr) return new_ref(f->locals);
  Ref<> d = steal(dict_new());
  if (!d) return nullptr;
  CodeObject* co = f->code;
  for (int i = 0; i < co->nlocals; i++) {
    Object* v = f->localsplus[i];
    if (v != nullptr && dict_set_item(d.get(), tuple_get(co->varnames, i), v) < 0) return nullptr;
  }
  for (int i = 0; i < co->ncells; i++) {
    Object* cell = f->cells()[i];
    Ref<> v = steal(cell != nullptr ? cell_get_ref(cell) : nullptr);
    if (!v) continue;
    Object* name = i < co->ncellvars ? tuple_get(co->cellvars, i)
                                     : tuple_get(co->freevars, i - co->ncellvars);
    if (dict_set_item(d.get(), name, v.get()) < 0) return nullptr;
  }
  return d.release();
}

}  // namespace conch::vm
