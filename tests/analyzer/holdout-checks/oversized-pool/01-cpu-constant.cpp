// CHECK: boundwise-oversized-pool
// CPU-bound work on thread pools with constant sizes (16 cores assumed,
// 2 threads per core allowed).
#include <boundwise/thread_pool.hpp>

#include <cmath>
#include <vector>

double crunch(const std::vector<double> &data) {
  double acc = 0;
  for (int round = 0; round < 100; ++round)
    for (double v : data) acc += std::sqrt(v * v + round);
  return acc;
}

long count_primes(long limit) {
  long n = 0;
  for (long i = 2; i < limit; ++i) {
    bool prime = true;
    for (long d = 2; d * d <= i; ++d)
      if (i % d == 0) { prime = false; break; }
    n += prime;
  }
  return n;
}

double big_pool(const std::vector<double> &data) {
  boundwise::ThreadPool pool{64};  // WARN
  return pool.submit(crunch, data).get();
}

long huge_pool(long limit) {
  boundwise::ThreadPool pool(1000);  // WARN
  std::vector<long> limits{limit, limit / 2, limit / 4};
  long total = 0;
  for (long v : pool.map(count_primes, limits)) total += v;
  return total;
}

double at_limit(const std::vector<double> &data) {
  boundwise::ThreadPool pool{32};
  return pool.submit(crunch, data).get();
}

long small_pool(long limit) {
  boundwise::ThreadPool pool{8};
  return pool.submit(count_primes, limit).get();
}

long medium_pool(long limit) {
  boundwise::ThreadPool pool{16};
  auto a = pool.submit(count_primes, limit);
  auto b = pool.submit([](long l) { return count_primes(l / 2); }, limit);
  return a.get() + b.get();
}

int main() {
  std::vector<double> data(1000, 1.5);
  return static_cast<int>(big_pool(data) + huge_pool(10000) + at_limit(data) + small_pool(1000) + medium_pool(1000));
}
