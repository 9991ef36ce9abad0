// CHECK: boundwise-pool-in-loop
// Pools on the heap, created per iteration.
#include <boundwise/thread_pool.hpp>

#include <memory>
#include <vector>

double norm2(const std::vector<double> &v) {
  double s = 0;
  for (double x : v) s += x * x;
  return s;
}

double with_unique(const std::vector<std::vector<std::vector<double>>> &groups) {
  double acc = 0;
  for (const auto &g : groups) {
    auto pool = std::make_unique<boundwise::ThreadPool>(4);  // WARN
    for (double v : pool->map(norm2, g)) acc += v;
  }
  return acc;
}

double with_shared(const std::vector<std::vector<std::vector<double>>> &groups) {
  double acc = 0;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    std::shared_ptr<boundwise::ThreadPool> pool = std::make_shared<boundwise::ThreadPool>(2);  // WARN
    for (double v : pool->map(norm2, groups[i])) acc += v;
  }
  return acc;
}

double with_new(const std::vector<std::vector<std::vector<double>>> &groups) {
  double acc = 0;
  for (const auto &g : groups) {
    boundwise::ThreadPool *pool = new boundwise::ThreadPool(3);  // WARN
    for (double v : pool->map(norm2, g)) acc += v;
    delete pool;
  }
  return acc;
}

double with_reset(const std::vector<std::vector<std::vector<double>>> &groups) {
  std::unique_ptr<boundwise::ThreadPool> pool;
  double acc = 0;
  for (const auto &g : groups) {
    pool.reset(new boundwise::ThreadPool(2));  // WARN
    for (double v : pool->map(norm2, g)) acc += v;
  }
  return acc;
}

double hoisted_unique(const std::vector<std::vector<std::vector<double>>> &groups) {
  auto pool = std::make_unique<boundwise::ThreadPool>(4);
  double acc = 0;
  for (const auto &g : groups)
    for (double v : pool->map(norm2, g)) acc += v;
  return acc;
}

double lazily_once(const std::vector<std::vector<std::vector<double>>> &groups) {
  std::unique_ptr<boundwise::ThreadPool> pool;
  double acc = 0;
  if (!pool) pool = std::make_unique<boundwise::ThreadPool>(4);
  for (const auto &g : groups)
    for (double v : pool->map(norm2, g)) acc += v;
  return acc;
}

int main() {
  std::vector<std::vector<std::vector<double>>> groups{{{1, 2}}, {{3}, {4}}};
  return static_cast<int>(with_unique(groups) + with_shared(groups) + with_new(groups) + with_reset(groups) +
                          hoisted_unique(groups) + lazily_once(groups));
}
