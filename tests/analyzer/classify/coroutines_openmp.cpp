// Known gaps closed: coroutines (boundwise::Task) are classified like any
// function, and OpenMP regions count their loops as the function's work.
// RUN: %boundwise classify --quiet %s -- -std=c++20 -fopenmp | FileCheck %s
#include <sys/socket.h>

#include <chrono>
#include <coroutine>
#include <vector>

// A stand-in for <boundwise/async.hpp>: enough for the coroutine machinery.
namespace boundwise {
template <typename T> struct Task {
  struct promise_type {
    T value{};
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(T v) { value = v; }
    void unhandled_exception() {}
  };
};
struct SleepAwaiter {
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  void await_resume() const noexcept {}
};
SleepAwaiter sleep_for(std::chrono::milliseconds d);
} // namespace boundwise

// CHECK-DAG: => already a coroutine: keep its waits as co_await
// CHECK-DAG: {{^}}poll_status {{.*}}coroutines_openmp.cpp:[[@LINE+1]] io {{.*}}boundwise::sleep_for [sleep]
boundwise::Task<int> poll_status(const bool &ready) {
  for (int i = 0; i < 20; ++i) {
    if (ready)
      co_return i;
    co_await boundwise::sleep_for(std::chrono::milliseconds(50));
  }
  co_return -1;
}

// CHECK-DAG: => a coroutine doing CPU work holds the async executor's thread
// CHECK-DAG: {{^}}checksum_async {{.*}}coroutines_openmp.cpp:[[@LINE+1]] cpu
boundwise::Task<long> checksum_async(const std::vector<long> &v) {
  long s = 0;
  for (int round = 0; round < 100; ++round)
    for (long x : v)
      s = s * 31 + x + round;
  co_return s;
}

// CHECK-DAG: {{^}}parallel_norm {{.*}}coroutines_openmp.cpp:[[@LINE+1]] cpu {{.*}}parallel_norm -> loop nest
double parallel_norm(const double *v, long n) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (long i = 0; i < n; ++i)
    s += v[i] * v[i];
  return s;
}

// CHECK-DAG: {{^}}parallel_fetch {{.*}}coroutines_openmp.cpp:[[@LINE+1]] io {{.*}}recv [network]
void parallel_fetch(const int *fds, int n, char (*bufs)[4096]) {
#pragma omp parallel for
  for (int i = 0; i < n; ++i)
    recv(fds[i], bufs[i], 4096, 0);
}
