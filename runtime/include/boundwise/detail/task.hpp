// Type-erased pool tasks: one allocation holds the future's state and the callable with its arguments.
#pragma once

#include <exception>
#include <functional>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>

#include "boundwise/detail/future_state.hpp"
#include "boundwise/detail/task_alloc.hpp"

namespace boundwise::detail {

// What a scheduler queues. A virtual call per task is cheaper than a
// std::function (no second allocation, no small-buffer copy), and the node
// lives inside the task object itself.
class TaskNode {
 public:
  // Runs the work (or skips it if cancelled) and drops the queue's reference.
  virtual void run() noexcept = 0;
  // Cancels without running (pool shutdown with cancel_pending) and drops the
  // queue's reference.
  virtual void discard() noexcept = 0;

 protected:
  ~TaskNode() = default;
};

// The task behind ThreadPool::submit. Starts with two references: the
// returned Future and the queue. The callable and arguments are destroyed
// right after the call, before the future settles, so resources captured by a
// task are released by the time get() returns.
template <class R, class Fn, class... Args>
class SubmitTask final : public SharedState<R>, public TaskNode, public CachedAllocation {
 public:
  using CachedAllocation::operator new;
  using CachedAllocation::operator delete;
  template <class F, class... A>
  explicit SubmitTask(F&& f, A&&... a)
      : SharedState<R>(2), work_(std::in_place, std::forward<F>(f), std::forward<A>(a)...) {}

  void run() noexcept override {
    if (this->set_running()) {
      try {
        if constexpr (std::is_void_v<R>) {
          std::apply(invoke_all, std::move(*work_));
          work_.reset();
          this->set_value_running();
        } else if constexpr (std::is_reference_v<R>) {
          R&& r = std::apply(invoke_all, std::move(*work_));
          work_.reset();
          this->set_value_running(r);
        } else {
          R r = std::apply(invoke_all, std::move(*work_));
          work_.reset();
          this->set_value_running(std::move(r));
        }
      } catch (...) {
        work_.reset();
        this->set_exception_running(std::current_exception());
      }
    } else {
      work_.reset();  // cancelled before it started
    }
    this->release();
  }

  void discard() noexcept override {
    this->try_cancel();
    work_.reset();
    this->release();
  }

 private:
  static constexpr auto invoke_all = [](auto&&... xs) -> decltype(auto) {
    return std::invoke(std::forward<decltype(xs)>(xs)...);
  };
  std::optional<std::tuple<Fn, Args...>> work_;
};

}  // namespace boundwise::detail
