// Stop-the-world (locking/stop_the_world.h): the slot registry and the
// stop / start protocol.
#include "locking/stop_the_world.h"

#include <algorithm>

#include "locking/parking_lot.h"

namespace conch::locking {

void World::register_slot(ThreadSlot* s) {
  MutexLock lock(&mu_);
  if (s->registered) return;
  // A stop in force did not count this slot: hold it until start().
  if (requested_.load(std::memory_order_relaxed)) {
    s->state.store(kSuspended, std::memory_order_relaxed);
  }
  s->registered = true;
  slots_.push_back(s);
}

void World::unregister_slot(ThreadSlot* s) {
  detach(s);  // counted as parked by a pending stop, if any
  MutexLock lock(&mu_);
  if (!s->registered) return;
  s->registered = false;
  slots_.erase(std::find(slots_.begin(), slots_.end(), s));
  s->state.store(kDetached, std::memory_order_relaxed);
}

void World::attach(ThreadSlot* s) {
  uint8_t st = s->state.load(std::memory_order_relaxed);
  for (;;) {
    if (st == kAttached) return;
    // acquire: pairs with start()'s release (and a stopper's writes before it).
    if (st == kDetached &&
        s->state.compare_exchange_weak(st, kAttached, std::memory_order_acquire,
                                       std::memory_order_relaxed)) {
      return;
    }
    if (st == kSuspended) {
      park_while_equal(reinterpret_cast<const uint8_t*>(&s->state), uint8_t{kSuspended});
      st = s->state.load(std::memory_order_relaxed);
    }
  }
}

void World::detach(ThreadSlot* s) {
  if (s->state.load(std::memory_order_relaxed) != kAttached) return;
  // seq_cst store then seq_cst load: the Dekker pair with stop() (header).
  s->state.store(kDetached, std::memory_order_seq_cst);
  if (requested_.load(std::memory_order_seq_cst)) suspend_self(s);
}

void World::suspend_self(ThreadSlot* s) {
  MutexLock lock(&mu_);
  if (!requested_.load(std::memory_order_relaxed) || s == requester_ || !s->registered) return;
  uint8_t expected = kDetached;
  if (s->state.compare_exchange_strong(expected, kSuspended, std::memory_order_seq_cst)) {
    count_down();
  }
}

void World::count_down() {
  if (--countdown_ > 0) return;
  all_parked_.store(1, std::memory_order_release);
  unpark_all(&all_parked_);
}

void World::park_if_requested(ThreadSlot* s) {
  if (!stop_requested()) return;
  detach(s);
  attach(s);
}

void World::stop(ThreadSlot* requester) {
  // Step 1: one stopper at a time; a waiting one must not hold up the stop.
  if (!stopper_.try_lock()) {
    if (requester != nullptr) detach(requester);
    stopper_.lock();
    if (requester != nullptr) attach(requester);
  }
  {
    // Step 2.
    MutexLock lock(&mu_);
    requester_ = requester;
    all_parked_.store(0, std::memory_order_relaxed);
    countdown_ = 1;  // our own token, dropped below: the event fires once
    requested_.store(true, std::memory_order_seq_cst);
    for (ThreadSlot* s : slots_) {
      if (s == requester) continue;
      ++countdown_;
      uint8_t st = kDetached;
      if (s->state.compare_exchange_strong(st, kSuspended, std::memory_order_seq_cst) ||
          st == kSuspended) {
        --countdown_;
      } else {
        s->eval_breaker->fetch_or(kStopTheWorldBit, std::memory_order_release);
      }
    }
    count_down();
  }
  wait_all_parked();
}

void World::wait_all_parked() {
  // acquire: pairs with count_down()'s release, after the last thread parked.
  while (all_parked_.load(std::memory_order_acquire) == 0) {
    park_while_equal(reinterpret_cast<const uint8_t*>(&all_parked_), uint8_t{0});
  }
}

void World::start() {
  {
    MutexLock lock(&mu_);
    requested_.store(false, std::memory_order_seq_cst);
    for (ThreadSlot* s : slots_) {
      if (s == requester_ || s->state.load(std::memory_order_relaxed) != kSuspended) continue;
      // release: the thread re-attaching (acquire) sees the stopper's writes.
      s->state.store(kDetached, std::memory_order_release);
      unpark_all(&s->state);
    }
    requester_ = nullptr;
  }
  stopper_.unlock();
}

int World::registered_count() const {
  MutexLock lock(&mu_);
  return static_cast<int>(slots_.size());
}

namespace {
thread_local ThreadSlot* t_slot = nullptr;
}  // namespace

World& world() {
  static World* const w = new World;
  return *w;
}

void bind_current_thread(ThreadSlot* s) {
  t_slot = s;
  world().register_slot(s);
}

void unbind_current_thread() {
  if (t_slot == nullptr) return;
  world().unregister_slot(t_slot);
  t_slot = nullptr;
}

ThreadSlot* current_slot() { return t_slot; }

void stop_the_world() { world().stop(t_slot); }
void start_the_world() { world().start(); }

}  // namespace conch::locking
