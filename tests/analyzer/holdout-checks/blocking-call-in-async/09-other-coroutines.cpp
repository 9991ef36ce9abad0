// CHECK: boundwise-blocking-call-in-async
// Only coroutines that run on the event loop count: a generator that blocks
// runs on its consumer's thread, not on a loop.
#include <boundwise/async.hpp>

#include <chrono>
#include <coroutine>
#include <exception>
#include <thread>

using namespace std::chrono_literals;

template <class T>
struct Generator {
  struct promise_type {
    T current{};
    Generator get_return_object() { return Generator{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) {
      current = v;
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  explicit Generator(std::coroutine_handle<promise_type> h) : h_(h) {}
  Generator(Generator &&o) noexcept : h_(o.h_) { o.h_ = {}; }
  ~Generator() {
    if (h_) h_.destroy();
  }
  bool next() {
    h_.resume();
    return !h_.done();
  }
  T value() const { return h_.promise().current; }

 private:
  std::coroutine_handle<promise_type> h_;
};

Generator<int> ticks(int n) {
  for (int i = 0; i < n; ++i) {
    std::this_thread::sleep_for(1ms);
    co_yield i;
  }
}

boundwise::Task<int> count_ticks(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) total += i;
  std::this_thread::sleep_for(1ms);  // WARN
  co_return total;
}

int main() {
  int sync_total = 0;
  auto g = ticks(3);
  while (g.next()) sync_total += g.value();
  return sync_total + boundwise::run(count_ticks(3));
}
