// CHECK: boundwise-pool-in-loop
// static and thread_local pools are built once, even when the code that
// declares them runs in a loop.
#include <boundwise/thread_pool.hpp>

#include <vector>

int cube(int x) { return x * x * x; }

boundwise::ThreadPool &shared_pool() {
  static boundwise::ThreadPool pool{4};
  return pool;
}

std::vector<int> cubes(const std::vector<int> &xs) {
  static boundwise::ThreadPool pool{4};
  return pool.map(cube, xs);
}

std::vector<int> cubes_per_thread(const std::vector<int> &xs) {
  thread_local boundwise::ThreadPool pool{2};
  return pool.map(cube, xs);
}

std::vector<int> cubes_fresh(const std::vector<int> &xs) {
  boundwise::ThreadPool pool{2};  // WARN
  return pool.map(cube, xs);
}

long run(const std::vector<std::vector<int>> &rows) {
  long total = 0;
  for (const auto &r : rows) {
    static boundwise::ThreadPool local_static{4};
    for (int v : local_static.map(cube, r)) total += v;
    for (int v : cubes(r)) total += v;
    for (int v : cubes_per_thread(r)) total += v;
    for (int v : shared_pool().map(cube, r)) total += v;
    for (int v : cubes_fresh(r)) total += v;
  }
  return total;
}

int main() {
  std::vector<std::vector<int>> rows{{1, 2}, {3}};
  return static_cast<int>(run(rows));
}
