// Loop: the per-thread event loop (ready queue, timer heap, poller, cross-thread inbox) that runs Tasks.
#pragma once

#include <coroutine>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>
#include <vector>

#include "boundwise/detail/async_task.hpp"
#include "boundwise/detail/future_state.hpp"
#include "boundwise/detail/loop_core.hpp"

namespace boundwise {

namespace detail {
class Poller;
// Posts fn to the loop behind `remote` from any thread; dropped if that loop
// is gone. The Future awaiter and Loop::post share it.
void post_remote(const std::shared_ptr<LoopRemote>& remote, std::function<void()> fn);
bool is_cancelled_error(const std::exception_ptr& e) noexcept;
}  // namespace detail

// Where a Loop learns that sockets are ready. `automatic` reads the
// environment variable BOUNDWISE_ASYNC_BACKEND (epoll, io_uring or auto);
// auto (and unset) means io_uring where the kernel allows it, else epoll.
// Naming a backend, in code or in the variable, makes it a requirement: the
// Loop constructor throws std::system_error if io_uring cannot be set up.
enum class LoopBackend { automatic, epoll, io_uring };

// Python: an asyncio event loop. One per thread at a time: run() installs it
// as the thread's current loop. Everything but post() is for the loop's own
// thread. backend() says which poller it got.
class Loop {
 public:
  Loop();
  explicit Loop(LoopBackend backend);
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;
  ~Loop();

  // The loop running on this thread, or nullptr.
  static Loop* current() noexcept;

  // Python: loop.run_until_complete(main) + asyncio.run's teardown: runs
  // until `main` finishes, then cancels the tasks still spawned and lets them
  // unwind, and returns main's value (or rethrows its exception).
  template <class T>
  T run(Task<T> main);

  // Python: loop.call_soon_threadsafe(fn). Any thread; fn runs on the loop.
  void post(std::function<void()> fn) { detail::post_remote(remote_, std::move(fn)); }

  // Python: loop.set_exception_handler. Called with the exception of a
  // detached task that failed (CancelledError excepted). Default: a line on
  // stderr. The handler must not throw.
  void set_exception_handler(std::function<void(std::exception_ptr)> handler) {
    handler_ = std::move(handler);
  }
  void report_unhandled(std::exception_ptr e) noexcept;

  // "io_uring" or "epoll".
  const char* backend() const noexcept;
  // Whether Loop(backend) would succeed here (io_uring: probed once per process).
  static bool backend_available(LoopBackend backend) noexcept;

  // ---- for awaiters (loop thread only) ----
  void schedule(std::coroutine_handle<> h) { ready_.push_back(h); }
  void add_timer(detail::TimerNode* t) { timers_.push(t); }
  void cancel_timer(detail::TimerNode* t) noexcept { timers_.erase(t); }
  // Registers a non-blocking fd (edge-triggered, read+write); throws std::system_error.
  void register_io(detail::IoHandle* h);
  // Before close(): stops events and fails any pending op with ECANCELED.
  void deregister_io(detail::IoHandle* h) noexcept;
  // Level-triggered interest for an fd someone else owns (h->watch set);
  // in/out both false removes it.
  void watch_fd(detail::IoHandle* h, bool in, bool out);
  // Runs fn(arg) right after the current poll batch, before any coroutine:
  // where a watch callback may do work that frees IoHandles.
  void defer(void (*fn)(void*) noexcept, void* arg) { deferred_.emplace_back(fn, arg); }
  // Completes a pending op from the poller: clears the slot and resumes it.
  void complete_io(detail::IoOp*& slot) noexcept;
  const std::shared_ptr<detail::LoopRemote>& remote() const noexcept { return remote_; }
  void link_live(detail::AsyncNode* n) noexcept;
  void unlink_live(detail::AsyncNode* n) noexcept;
  // Runs until `done` becomes true.
  void run_until(const bool& done);

 private:
  friend class detail::Poller;
  void poll(bool block);
  void run_timers();
  void drain_inbox();
  void cancel_leftovers();

  std::vector<std::coroutine_handle<>> ready_;
  std::vector<std::coroutine_handle<>> running_;
  detail::TimerHeap timers_;
  std::shared_ptr<detail::LoopRemote> remote_;
  std::unique_ptr<detail::Poller> poller_;
  detail::AsyncNode* live_head_ = nullptr;
  std::function<void(std::exception_ptr)> handler_;
  Loop* outer_ = nullptr;
  bool running_now_ = false;
  std::vector<std::function<void()>> inbox_batch_;
  std::vector<std::pair<void (*)(void*) noexcept, void*>> deferred_;
};

namespace detail {

// The node behind spawn(), TaskHandle and run(): owns the top coroutine.
// Shared by the handle and the running coroutine (plain count: loop thread).
template <class T>
class SpawnedTask final : public AsyncNode {
 public:
  SpawnedTask(Loop* loop, Task<T> task) : AsyncNode(loop), task_(std::move(task)) {}

  void start() {
    auto h = task_.handle();
    h.promise().node = this;
    ++refs_;  // the running coroutine's reference, dropped in on_complete
    loop()->link_live(this);
    loop()->schedule(h);
  }
  void on_complete() noexcept override {
    mark_finished();
    loop()->unlink_live(this);
    if (joiner_) {
      joiner_node_->clear_hook();
      loop()->schedule(std::exchange(joiner_, {}));
    }
    if (detached_) report_if_failed();
    release();
  }

  void add_ref() noexcept { ++refs_; }
  void release() noexcept {
    if (--refs_ == 0) delete this;
  }
  // The handle went away: from now on a failure has nobody to go to.
  void detach() noexcept {
    detached_ = true;
    if (finished()) report_if_failed();
    release();
  }
  void set_joiner(std::coroutine_handle<> h, AsyncNode* node) noexcept {
    joiner_ = h;
    joiner_node_ = node;
  }
  // The awaiter was cancelled: the outcome is nobody's to report.
  void mark_retrieved() noexcept { retrieved_ = true; }
  T take() {
    retrieved_ = true;
    return task_.handle().promise().take();
  }
  std::exception_ptr error() const noexcept { return task_.handle().promise().error(); }

 private:
  void report_if_failed() noexcept {
    if (retrieved_) return;
    retrieved_ = true;
    std::exception_ptr e = error();
    if (e && !is_cancelled_error(e)) loop()->report_unhandled(e);
  }
  Task<T> task_;
  std::coroutine_handle<> joiner_;
  AsyncNode* joiner_node_ = nullptr;
  int refs_ = 1;  // the creator's (handle's) reference
  bool detached_ = false;
  bool retrieved_ = false;
};

struct CurrentLoopScope;

}  // namespace detail

template <class T>
T Loop::run(Task<T> main) {
  if (!main.valid()) throw std::invalid_argument("boundwise: Loop::run on an empty Task");
  if (running_now_ || (current() != nullptr && current() != this))
    throw std::logic_error("boundwise: a loop is already running on this thread");
  auto* node = new detail::SpawnedTask<T>(this, std::move(main));
  struct Guard {
    Loop* loop;
    detail::SpawnedTask<T>* node;
    ~Guard() {
      loop->cancel_leftovers();
      node->release();
    }
  } guard{this, node};
  node->start();
  run_until(node->finished_ref());
  return node->take();
}

}  // namespace boundwise
