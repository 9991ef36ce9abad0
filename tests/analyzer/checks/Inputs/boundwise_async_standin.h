// A minimal stand-in for <boundwise/async.hpp>: the names the checks look
// for, without the runtime's implementation.
#pragma once
#include <chrono>
#include <coroutine>
#include <type_traits>

namespace boundwise {
template <class T> struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T) {}
    void unhandled_exception() {}
  };
  bool await_ready() { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  T await_resume() { return T{}; }
};
template <> struct Task<void> {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
struct SleepAwaiter {
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
template <class Rep, class Period> SleepAwaiter sleep_for(std::chrono::duration<Rep, Period> d);
template <class F, class... A> auto to_thread(F f, A... args) -> Task<std::invoke_result_t<F &, A &...>> {
  return {};
}
template <class F, class... A> auto run_in_process(F f, A... args) -> Task<std::invoke_result_t<F &, A &...>> {
  return {};
}
template <class T> T run(Task<T> main);
} // namespace boundwise
