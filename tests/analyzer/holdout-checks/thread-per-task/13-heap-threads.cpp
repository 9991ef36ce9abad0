// CHECK: boundwise-thread-per-task
// Threads allocated with new or held by unique_ptr per element; a pool's
// submit per element is the fix, not a finding.
#include <boundwise/thread_pool.hpp>

#include <memory>
#include <thread>
#include <vector>

double simulate(int seed) {
  double x = seed;
  for (int i = 0; i < 100000; ++i) x = x * 0.999 + 1.0;
  return x;
}

void with_new(const std::vector<int> &seeds) {
  std::vector<std::thread *> ts;
  for (int s : seeds) ts.push_back(new std::thread(simulate, s));  // WARN
  for (auto *t : ts) {
    t->join();
    delete t;
  }
}

void with_unique(const std::vector<int> &seeds) {
  std::vector<std::unique_ptr<std::thread>> ts;
  for (int s : seeds) ts.push_back(std::make_unique<std::thread>(simulate, s));  // WARN
  for (auto &t : ts) t->join();
}

double with_pool(const std::vector<int> &seeds) {
  boundwise::ThreadPool pool;
  std::vector<boundwise::Future<double>> fs;
  for (int s : seeds) fs.push_back(pool.submit(simulate, s));
  double total = 0;
  for (auto &f : fs) total += f.get();
  return total;
}

double with_map(const std::vector<int> &seeds) {
  boundwise::ThreadPool pool;
  double total = 0;
  for (double v : pool.map(simulate, seeds)) total += v;
  return total;
}

int main() {
  std::vector<int> seeds{1, 2, 3};
  with_new(seeds);
  with_unique(seeds);
  return static_cast<int>(with_pool(seeds) + with_map(seeds));
}
