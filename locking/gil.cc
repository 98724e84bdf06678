#include "locking/gil.h"

#include <time.h>

namespace conch::locking {

int64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

GilStats& GilStats::operator+=(const GilStats& o) {
  acquisitions += o.acquisitions;
  drop_requests += o.drop_requests;
  forced_switches += o.forced_switches;
  hold_ns += o.hold_ns;
  wait_ns += o.wait_ns;
  return *this;
}

void Gil::take_locked(GilClient* c) {
  const int64_t start = monotonic_ns();
  if (locked_) {
    ++waiters_;
    while (locked_) {
      const uint64_t seen = switch_number_;
      const bool timed_out = cond_.WaitWithTimeout(&mu_, interval_);
      // Step 2: a whole interval passed with no switch: ask the holder.
      if (timed_out && locked_ && switch_number_ == seen && holder_ != nullptr) {
        holder_->eval_breaker->fetch_or(kGilDropRequestBit, std::memory_order_relaxed);
        ++c->stats.drop_requests;
      }
    }
    --waiters_;
  }
  locked_ = true;
  holder_ = c;
  ++switch_number_;
  c->holds = true;
  const int64_t now = monotonic_ns();
  c->stats.wait_ns += now - start;
  c->taken_at_ns = now;
  ++c->stats.acquisitions;
  // A request aimed at our previous holding is stale now.
  c->eval_breaker->fetch_and(~kGilDropRequestBit, std::memory_order_relaxed);
  switch_cond_.SignalAll();
}

void Gil::drop_locked(GilClient* c) {
  c->stats.hold_ns += monotonic_ns() - c->taken_at_ns;
  c->holds = false;
  locked_ = false;
  holder_ = nullptr;
  cond_.Signal();
}

void Gil::take(GilClient* c) {
  absl::MutexLock lock(&mu_);
  take_locked(c);
}

void Gil::drop(GilClient* c) {
  absl::MutexLock lock(&mu_);
  const uint64_t seen = switch_number_;
  const bool asked = (c->eval_breaker->fetch_and(~kGilDropRequestBit, std::memory_order_relaxed) &
                      kGilDropRequestBit) != 0;
  drop_locked(c);
  // A waiter asked us to drop (step 2) and we are dropping for a blocking
  // call: let it in before we can come back, as CPython's drop_gil does, or
  // a thread that drops and re-takes in a loop would starve it.
  if (asked) {
    while (switch_number_ == seen && waiters_ > 0) switch_cond_.Wait(&mu_);
  }
}

void Gil::yield_to_waiter(GilClient* c) {
  absl::MutexLock lock(&mu_);
  c->eval_breaker->fetch_and(~kGilDropRequestBit, std::memory_order_relaxed);
  if (waiters_ == 0) return;  // the requester gave up (e.g. it timed out elsewhere)
  ++c->stats.forced_switches;
  const uint64_t seen = switch_number_;
  drop_locked(c);
  // Step 3: forced switching — wait until someone else has taken it.
  while (switch_number_ == seen && waiters_ > 0) switch_cond_.Wait(&mu_);
  take_locked(c);
}

void Gil::retire(GilClient* c) {
  absl::MutexLock lock(&mu_);
  retired_ += c->stats;
  c->stats = GilStats{};
}

void Gil::set_switch_interval(absl::Duration d) {
  absl::MutexLock lock(&mu_);
  interval_ = d;
}

absl::Duration Gil::switch_interval() const {
  absl::MutexLock lock(&mu_);
  return interval_;
}

GilStats Gil::totals() const {
  absl::MutexLock lock(&mu_);
  return retired_;
}

int Gil::waiters() const {
  absl::MutexLock lock(&mu_);
  return waiters_;
}

}  // namespace conch::locking
