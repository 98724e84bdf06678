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

constexpr size_t kAlign = 16;
constexpr size_t kChunkSize = 256 * 1024;

size_t align_up(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

// A LIFO region of frames.  Chunks are chained; one emptied chunk is kept as
// a spare so a call that crosses a chunk boundary in a loop does not
// allocate every time.
struct Chunk {
  Chunk* prev;
  size_t size;
  size_t top;
  alignas(kAlign) char data[];
};

struct FrameArena {
  Chunk* current = nullptr;
  Chunk* spare = nullptr;
  ~FrameArena() {
    while (current != nullptr) {
      Chunk* p = current->prev;
      gc::free_raw(current);
      current = p;
    }
    gc::free_raw(spare);
  }
};

thread_local FrameArena t_arena;

Chunk* new_chunk(size_t need) {
  Chunk* c;
  if (t_arena.spare != nullptr && t_arena.spare->size >= need) {
    c = t_arena.spare;
    t_arena.spare = nullptr;
  } else {
    size_t size = need > kChunkSize ? need : kChunkSize;
    c = static_cast<Chunk*>(gc::allocate_raw(sizeof(Chunk) + size));
    if (c == nullptr) return nullptr;
    c->size = size;
  }
  c->top = 0;
  c->prev = t_arena.current;
  t_arena.current = c;
  return c;
}

}  // namespace

size_t frame_size(const CodeObject* co) {
  return sizeof(Frame) + sizeof(Object*) * (co->nlocals + co->ncells + co->stacksize) +
         sizeof(Block) * co->maxblocks;
}

Frame* frame_stack_push(CodeObject* co) {
  size_t need = align_up(frame_size(co));
  Chunk* c = t_arena.current;
  if (c == nullptr || c->top + need > c->size) {
    c = new_chunk(need);
    if (c == nullptr) {
      no_memory();
      return nullptr;
    }
  }
  Frame* f = reinterpret_cast<Frame*>(c->data + c->top);
  c->top += need;
  return f;
}

void frame_stack_pop(Frame* f) {
  Chunk* c = t_arena.current;
  c->top = static_cast<size_t>(reinterpret_cast<char*>(f) - c->data);
  if (c->top == 0 && c->prev != nullptr) {
    t_arena.current = c->prev;
    gc::free_raw(t_arena.spare);
    t_arena.spare = c;
  }
}

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
