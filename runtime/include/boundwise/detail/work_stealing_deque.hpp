// Chase-Lev work-stealing deque: the owner pushes/pops at the bottom, thieves steal from the top.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace boundwise::detail {

// After Lê, Pop, Cohen, Zappa Nardelli, "Correct and Efficient Work-Stealing
// for Weak Memory Models" (PPoPP'13), with the two seq_cst fences replaced by
// seq_cst accesses on `bottom_`/`top_`: that costs one xchg in pop() on x86
// and is something ThreadSanitizer can check (it ignores fences).
//
// Elements are pointers. Slots are relaxed atomics because a thief may read a
// slot that the owner is overwriting; its CAS on `top_` then fails and the
// stale value is dropped. Outgrown rings stay alive until the deque dies,
// since a thief may still be reading one (memory is bounded by 2x the peak).
template <class T>
class WorkStealingDeque {
 public:
  explicit WorkStealingDeque(std::int64_t capacity = 256) {
    auto ring = std::make_unique<Ring>(capacity);
    ring_.store(ring.get(), std::memory_order_relaxed);
    rings_.push_back(std::move(ring));
  }
  WorkStealingDeque(const WorkStealingDeque&) = delete;
  WorkStealingDeque& operator=(const WorkStealingDeque&) = delete;

  // Owner only.
  void push(T* item) {
    const std::int64_t b = bottom_.load(std::memory_order_relaxed);
    Ring* ring = ring_.load(std::memory_order_relaxed);
    // top_ only grows, so a stale copy overstates the size: re-read the
    // shared (thief-written, usually remote) line only when the ring looks
    // full. Saves a cache miss on most pushes.
    if (b - top_seen_ > ring->capacity - 1) {
      top_seen_ = top_.load(std::memory_order_acquire);
      if (b - top_seen_ > ring->capacity - 1) ring = grow(ring, top_seen_, b);
    }
    ring->put(b, item);
    bottom_.store(b + 1, std::memory_order_release);
  }

  // Owner only; LIFO. nullptr if empty.
  T* pop() {
    const std::int64_t b = bottom_.load(std::memory_order_relaxed) - 1;
    Ring* ring = ring_.load(std::memory_order_relaxed);
    bottom_.store(b, std::memory_order_seq_cst);
    std::int64_t t = top_.load(std::memory_order_seq_cst);
    if (t > b) {  // empty
      bottom_.store(b + 1, std::memory_order_relaxed);
      return nullptr;
    }
    T* item = ring->get(b);
    if (t == b) {  // last element: race thieves for it
      if (!top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst,
                                        std::memory_order_relaxed))
        item = nullptr;
      bottom_.store(b + 1, std::memory_order_relaxed);
    }
    return item;
  }

  enum class StealResult { Empty, Lost, Taken };
  // Any thread; FIFO. `Lost` means another thread won the race: retry later.
  StealResult steal(T*& out) {
    std::int64_t t = top_.load(std::memory_order_seq_cst);
    const std::int64_t b = bottom_.load(std::memory_order_seq_cst);
    if (t >= b) return StealResult::Empty;
    Ring* ring = ring_.load(std::memory_order_acquire);
    T* item = ring->get(t);
    if (!top_.compare_exchange_strong(t, t + 1, std::memory_order_seq_cst,
                                      std::memory_order_relaxed))
      return StealResult::Lost;
    out = item;
    return StealResult::Taken;
  }

  // A racy hint, good enough to decide whether to go to sleep.
  bool maybe_empty() const {
    return top_.load(std::memory_order_seq_cst) >= bottom_.load(std::memory_order_seq_cst);
  }
  std::int64_t approx_size() const {
    const auto n = bottom_.load(std::memory_order_relaxed) - top_.load(std::memory_order_relaxed);
    return n < 0 ? 0 : n;
  }

 private:
  struct Ring {
    explicit Ring(std::int64_t cap)
        : capacity(cap), mask(cap - 1), slots(new std::atomic<T*>[static_cast<std::size_t>(cap)]) {}
    void put(std::int64_t i, T* v) { slots[i & mask].store(v, std::memory_order_relaxed); }
    T* get(std::int64_t i) const { return slots[i & mask].load(std::memory_order_relaxed); }
    std::int64_t capacity, mask;
    std::unique_ptr<std::atomic<T*>[]> slots;
  };

  Ring* grow(Ring* old, std::int64_t t, std::int64_t b) {
    auto bigger = std::make_unique<Ring>(old->capacity * 2);
    for (std::int64_t i = t; i < b; ++i) bigger->put(i, old->get(i));
    Ring* raw = bigger.get();
    rings_.push_back(std::move(bigger));
    ring_.store(raw, std::memory_order_release);
    return raw;
  }

  alignas(64) std::atomic<std::int64_t> top_{0};
  alignas(64) std::atomic<std::int64_t> bottom_{0};
  alignas(64) std::atomic<Ring*> ring_{nullptr};
  std::vector<std::unique_ptr<Ring>> rings_;  // owner only
  std::int64_t top_seen_ = 0;                 // owner only: a lower bound of top_
};

}  // namespace boundwise::detail
