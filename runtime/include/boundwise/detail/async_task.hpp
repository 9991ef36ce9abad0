// Task<T>: the lazy, move-only coroutine type of the async executor, and its promise.
#pragma once

#include <coroutine>
#include <exception>
#include <type_traits>
#include <utility>
#include <variant>

#include "boundwise/detail/loop_core.hpp"

namespace boundwise {

template <class T = void>
class Task;

namespace detail {

// What every boundwise coroutine promise carries: who to resume when done
// (the awaiting coroutine) and the logical task it runs under.
struct TaskPromiseBase {
  std::coroutine_handle<> continuation;
  AsyncNode* node = nullptr;

  std::suspend_always initial_suspend() noexcept { return {}; }  // lazy: runs when awaited or spawned

  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> h) noexcept {
      TaskPromiseBase& p = h.promise();
      // Symmetric transfer: resuming the awaiter here costs no stack depth,
      // so long co_await chains cannot overflow.
      if (p.continuation) return p.continuation;
      p.node->on_complete();  // top of a node: may destroy this frame
      return std::noop_coroutine();
    }
    void await_resume() noexcept {}
  };
  FinalAwaiter final_suspend() noexcept { return {}; }
};

template <class T>
struct TaskPromise : TaskPromiseBase {
  std::variant<std::monostate, T, std::exception_ptr> result;

  Task<T> get_return_object() noexcept;
  template <class U>
  void return_value(U&& v) {
    result.template emplace<1>(std::forward<U>(v));
  }
  void unhandled_exception() noexcept { result.template emplace<2>(std::current_exception()); }
  T take() {
    if (result.index() == 2) std::rethrow_exception(std::get<2>(result));
    return std::move(std::get<1>(result));
  }
  std::exception_ptr error() const noexcept {
    return result.index() == 2 ? std::get<2>(result) : std::exception_ptr();
  }
};

template <>
struct TaskPromise<void> : TaskPromiseBase {
  std::exception_ptr exception;
  Task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void unhandled_exception() noexcept { exception = std::current_exception(); }
  void take() {
    if (exception) std::rethrow_exception(exception);
  }
  std::exception_ptr error() const noexcept { return exception; }
};

}  // namespace detail

// Python: a coroutine object from `async def`. Lazy (nothing runs until it is
// awaited, spawned, gathered or run), move-only, and awaitable once; the
// awaiter gets the value or the exception the body threw. Destroying a Task
// that never started just frees it.
template <class T>
class [[nodiscard]] Task {
 public:
  using promise_type = detail::TaskPromise<T>;
  using value_type = T;

  Task() noexcept = default;
  Task(Task&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  Task& operator=(Task&& o) noexcept {
    if (this != &o) {
      destroy();
      h_ = std::exchange(o.h_, {});
    }
    return *this;
  }
  Task(const Task&) = delete;
  Task& operator=(const Task&) = delete;
  ~Task() { destroy(); }

  bool valid() const noexcept { return static_cast<bool>(h_); }

  struct Awaiter {
    std::coroutine_handle<promise_type> child;
    bool await_ready() const noexcept { return false; }
    template <class P>
    std::coroutine_handle<> await_suspend(std::coroutine_handle<P> parent) noexcept {
      child.promise().continuation = parent;
      child.promise().node = parent.promise().node;  // same logical task
      return child;
    }
    T await_resume() { return child.promise().take(); }
  };
  Awaiter operator co_await() && noexcept { return Awaiter{h_}; }
  Awaiter operator co_await() & noexcept { return Awaiter{h_}; }

  // For the executor: the frame, to start as the top of a node.
  std::coroutine_handle<promise_type> handle() const noexcept { return h_; }

 private:
  friend struct detail::TaskPromise<T>;
  explicit Task(std::coroutine_handle<promise_type> h) noexcept : h_(h) {}
  void destroy() noexcept {
    if (h_) std::exchange(h_, {}).destroy();
  }
  std::coroutine_handle<promise_type> h_;
};

namespace detail {
template <class T>
Task<T> TaskPromise<T>::get_return_object() noexcept {
  return Task<T>(std::coroutine_handle<TaskPromise<T>>::from_promise(*this));
}
inline Task<void> TaskPromise<void>::get_return_object() noexcept {
  return Task<void>(std::coroutine_handle<TaskPromise<void>>::from_promise(*this));
}

template <class T>
struct IsTask : std::false_type {};
template <class T>
struct IsTask<Task<T>> : std::true_type {};

// gather() returns std::monostate for Task<void> members of a tuple.
template <class T>
using GatherValue = std::conditional_t<std::is_void_v<T>, std::monostate, T>;
}  // namespace detail

}  // namespace boundwise
