// CHECK: boundwise-oversized-pool
// Pools created with new, std::make_unique and std::make_shared.
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <memory>
#include <vector>

long fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

long matmul_trace(int n) {
  std::vector<double> a(static_cast<std::size_t>(n * n), 1.0), b(a), c(a.size());
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double s = 0;
      for (int k = 0; k < n; ++k) s += a[static_cast<std::size_t>(i * n + k)] * b[static_cast<std::size_t>(k * n + j)];
      c[static_cast<std::size_t>(i * n + j)] = s;
    }
  double t = 0;
  for (int i = 0; i < n; ++i) t += c[static_cast<std::size_t>(i * n + i)];
  return static_cast<long>(t);
}

long unique_big() {
  auto pool = std::make_unique<boundwise::ThreadPool>(128);  // WARN
  return pool->submit(fib, 30L).get();
}

long shared_big() {
  auto pool = std::make_shared<boundwise::ProcessPool>(64);  // WARN
  return pool->submit(matmul_trace, 200).get();
}

long raw_big() {
  auto *pool = new boundwise::ThreadPool(100);  // WARN
  long r = pool->submit(matmul_trace, 100).get();
  delete pool;
  return r;
}

long unique_ok() {
  auto pool = std::make_unique<boundwise::ThreadPool>(24);
  return pool->submit(fib, 30L).get();
}

long shared_ok() {
  auto pool = std::make_shared<boundwise::ProcessPool>(8);
  return pool->submit(matmul_trace, 200).get();
}

long raw_ok() {
  auto *pool = new boundwise::ThreadPool(boundwise::default_workers());
  long r = pool->submit(fib, 25L).get();
  delete pool;
  return r;
}

int main() { return static_cast<int>(unique_big() + shared_big() + raw_big() + unique_ok() + shared_ok() + raw_ok()); }
