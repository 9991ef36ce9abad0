// A minimal stand-in for <boundwise/process_pool.hpp> and run_in_process:
// the names the checks look for, without the runtime's compile-time refusals.
#pragma once
#include <cstddef>
#include <vector>

namespace boundwise {
template <class T> struct Future {
  T get() { return T{}; }
};
class ProcessPool {
public:
  explicit ProcessPool(std::size_t workers = 0) : workers_(workers) {}
  template <class F, class... Args> auto submit(F &&f, Args &&...args) { return Future<int>{}; }
  template <class F, class Items> auto map(F &&f, const Items &items, std::size_t chunksize = 0) {
    return std::vector<int>{};
  }

private:
  std::size_t workers_;
};
template <class F, class... A> Future<int> run_in_process(F f, A... args) { return {}; }
} // namespace boundwise
