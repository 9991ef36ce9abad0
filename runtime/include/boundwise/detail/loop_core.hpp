// The event loop's building blocks: task nodes and cancel hooks, the intrusive timer heap, per-fd I/O state, cross-thread posting.
#pragma once

#include <atomic>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace boundwise {

class Loop;

namespace detail {

using Clock = std::chrono::steady_clock;

// A leaf suspension (timer, I/O, wait list, future, group) registers one of
// these on its task while suspended, so cancel() can abort exactly that wait.
// A plain function pointer, not a virtual: awaiters live in coroutine frames
// and stay trivially small.
struct CancelHook {
  void (*abort)(CancelHook*) noexcept = nullptr;
};

// One logical task: a spawned task, a gather child, or run()'s main task.
// Coroutines awaited inline (co_await other_task()) share their parent's node,
// so a cancel reaches whatever leaf the whole chain is suspended on.
// Loop-thread only: no atomics needed.
class AsyncNode {
 public:
  explicit AsyncNode(Loop* loop) noexcept : loop_(loop) {}
  AsyncNode(const AsyncNode&) = delete;
  AsyncNode& operator=(const AsyncNode&) = delete;
  virtual ~AsyncNode() = default;

  Loop* loop() const noexcept { return loop_; }
  bool finished() const noexcept { return finished_; }
  const bool& finished_ref() const noexcept { return finished_; }

  // Python: Task.cancel(). Marks the task; if it is suspended, aborts that
  // wait now so it resumes with CancelledError. A task that is running (or
  // queued to run) gets the CancelledError at its next suspension point.
  void cancel() noexcept {
    if (finished_) return;
    cancel_pending_ = true;
    if (hook_ != nullptr) {
      CancelHook* h = hook_;
      hook_ = nullptr;
      h->abort(h);
    }
  }
  bool cancel_pending() const noexcept { return cancel_pending_; }
  // A leaf consumes the request when it turns it into a CancelledError.
  void consume_cancel() noexcept { cancel_pending_ = false; }
  void set_hook(CancelHook* h) noexcept { hook_ = h; }
  void clear_hook() noexcept { hook_ = nullptr; }

  // Called once, on the loop thread, when the node's top coroutine finishes
  // (from its final suspend point: the frame may be destroyed in here).
  virtual void on_complete() noexcept = 0;

 protected:
  void mark_finished() noexcept { finished_ = true; }

 private:
  friend class boundwise::Loop;
  Loop* loop_;
  CancelHook* hook_ = nullptr;
  bool cancel_pending_ = false;
  bool finished_ = false;
  AsyncNode* prev_live_ = nullptr;  // the loop's list of spawned tasks (run() cancels leftovers)
  AsyncNode* next_live_ = nullptr;
  bool live_linked_ = false;
  bool teardown_cancelled_ = false;
};

// A timer owned by an awaiter: no allocation per sleep. `fire` runs on the
// loop thread when the deadline passes.
struct TimerNode {
  Clock::time_point when{};
  std::size_t heap_index = static_cast<std::size_t>(-1);
  std::uint64_t seq = 0;  // FIFO among equal deadlines
  void (*fire)(TimerNode*) noexcept = nullptr;
  bool armed() const noexcept { return heap_index != static_cast<std::size_t>(-1); }
};

// Binary min-heap of TimerNode pointers with back-indices, so cancelling a
// timer (the common case for timeouts) is O(log n) and leaves no tombstone.
class TimerHeap {
 public:
  bool empty() const noexcept { return heap_.empty(); }
  TimerNode* top() const noexcept { return heap_.front(); }
  void push(TimerNode* t) {
    t->seq = next_seq_++;
    t->heap_index = heap_.size();
    heap_.push_back(t);
    sift_up(t->heap_index);
  }
  void erase(TimerNode* t) noexcept {
    std::size_t i = t->heap_index;
    if (i == static_cast<std::size_t>(-1)) return;
    t->heap_index = static_cast<std::size_t>(-1);
    TimerNode* last = heap_.back();
    heap_.pop_back();
    if (i == heap_.size()) return;
    heap_[i] = last;
    last->heap_index = i;
    sift_down(i);
    sift_up(last->heap_index);
  }
  std::size_t size() const noexcept { return heap_.size(); }

 private:
  static bool less(const TimerNode* a, const TimerNode* b) noexcept {
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
  }
  void place(std::size_t i, TimerNode* t) noexcept {
    heap_[i] = t;
    t->heap_index = i;
  }
  void sift_up(std::size_t i) noexcept {
    TimerNode* t = heap_[i];
    while (i > 0) {
      std::size_t p = (i - 1) / 2;
      if (!less(t, heap_[p])) break;
      place(i, heap_[p]);
      i = p;
    }
    place(i, t);
  }
  void sift_down(std::size_t i) noexcept {
    TimerNode* t = heap_[i];
    const std::size_t n = heap_.size();
    for (;;) {
      std::size_t c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && less(heap_[c + 1], heap_[c])) ++c;
      if (!less(heap_[c], t)) break;
      place(i, heap_[c]);
      i = c;
    }
    place(i, t);
  }
  std::vector<TimerNode*> heap_;
  std::uint64_t next_seq_ = 0;
};

struct IoHandle;

// One in-flight read or write. The loop calls `attempt` when the fd becomes
// ready and resumes the waiter only once the operation completed, so a
// readiness edge never costs a coroutine switch that finds EAGAIN (the
// reactor-runs-the-syscall scheme Asio uses).
struct IoOp {
  bool (*attempt)(IoOp*) noexcept = nullptr;  // true: finished (success or error)
  std::coroutine_handle<> waiter;
  AsyncNode* node = nullptr;
  bool pending = false;  // parked in an IoHandle slot
  int error = 0;  // errno of a failed op (ECANCELED when its socket was closed under it)
};

// Per-socket state, registered once with the poller (edge-triggered, read
// and write interest together) so no syscall is spent re-arming per op.
// Heap-allocated: the poller holds its address.
struct IoHandle {
  int fd = -1;
  bool readable = true;  // optimistic until a syscall says EAGAIN
  bool writable = true;
  bool hup = false;  // sticky: the peer's FIN (or an error) was seen; no further edge will come
  IoOp* reader = nullptr;
  IoOp* writer = nullptr;
  Loop* loop = nullptr;
  bool registered = false;
  // Foreign fds (libcurl's) are watched level-triggered instead: the poller
  // hands their events to `watch` and touches nothing else.
  void (*watch)(IoHandle*, std::uint32_t events) noexcept = nullptr;
  void* user = nullptr;
  std::uint32_t poll_slot = static_cast<std::uint32_t>(-1);  // the io_uring poller's request id
};

// The part of a loop other threads may touch: a locked inbox and an eventfd.
// Shared-owned so a Future settling after the loop is gone posts into a dead
// inbox instead of freed memory.
struct LoopRemote {
  std::mutex mutex;
  std::vector<std::function<void()>> inbox;
  bool alive = true;
  int wake_fd = -1;
  std::atomic<bool> wake_pending{false};  // coalesces eventfd writes
};

}  // namespace detail
}  // namespace boundwise
