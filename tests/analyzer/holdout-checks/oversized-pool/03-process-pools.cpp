// CHECK: boundwise-oversized-pool
// Process pools for CPU-bound work: one process per core is the limit.
#include <boundwise/process_pool.hpp>
#include <boundwise/thread_pool.hpp>

#include <string>
#include <thread>
#include <vector>

long collatz_steps(long n) {
  long steps = 0;
  while (n != 1) {
    n = (n % 2) ? 3 * n + 1 : n / 2;
    ++steps;
  }
  return steps;
}

int checksum(const std::string &s) {
  int h = 0;
  for (int r = 0; r < 64; ++r)
    for (char c : s) h = h * 33 + c + r;
  return h;
}

std::vector<long> many_processes(const std::vector<long> &xs) {
  boundwise::ProcessPool pool{32};  // WARN
  return pool.map(collatz_steps, xs);
}

std::vector<long> doubled(const std::vector<long> &xs) {
  boundwise::ProcessPool pool(boundwise::default_workers() * 2);  // WARN
  return pool.map(collatz_steps, xs);
}

int hc_times_three(const std::string &s) {
  boundwise::ProcessPool pool{std::thread::hardware_concurrency() * 3, 50};  // WARN
  return pool.submit(checksum, s).get();
}

std::vector<long> sixteen(const std::vector<long> &xs) {
  boundwise::ProcessPool pool{16};
  return pool.map(collatz_steps, xs);
}

std::vector<long> per_core(const std::vector<long> &xs) {
  boundwise::ProcessPool pool{boundwise::default_workers()};
  return pool.map(collatz_steps, xs);
}

int defaulted(const std::string &s) {
  boundwise::ProcessPool pool{0, 100};
  return pool.submit(checksum, s).get();
}

int few(const std::string &s) {
  boundwise::ProcessPool pool{4};
  return pool.submit(checksum, s).get();
}

int main() {
  std::vector<long> xs{27, 97, 871};
  return static_cast<int>(many_processes(xs).size() + doubled(xs).size() + sixteen(xs).size() + per_core(xs).size()) +
         hc_times_three("abc") + defaulted("x") + few("y");
}
