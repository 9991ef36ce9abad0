// CHECK: boundwise-pool-in-loop
// Other libraries' pools and arenas (declared here in miniature). A
// tbb::task_group is not a pool: it borrows the shared arena.
#include <cstddef>
#include <functional>
#include <vector>

namespace BS {
class thread_pool {
 public:
  explicit thread_pool(std::size_t n = 0) : n_(n) {}
  void detach_task(std::function<void()> f) { f(); }
  void wait() {}
  std::size_t n_;
};
}  // namespace BS

namespace tbb {
class task_arena {
 public:
  explicit task_arena(int max_concurrency = -1) : n_(max_concurrency) {}
  template <class F>
  void execute(F &&f) { f(); }
  int n_;
};
class task_group {
 public:
  template <class F>
  void run(F &&f) { f(); }
  void wait() {}
};
}  // namespace tbb

namespace folly {
class CPUThreadPoolExecutor {
 public:
  explicit CPUThreadPoolExecutor(std::size_t n) : n_(n) {}
  void add(std::function<void()> f) { f(); }
  std::size_t n_;
};
}  // namespace folly

double work(double x) { return x * x + 1; }

double with_bs(const std::vector<std::vector<double>> &batches) {
  double acc = 0;
  for (const auto &b : batches) {
    BS::thread_pool pool{4};  // WARN
    for (double x : b) pool.detach_task([&acc, x] { acc += work(x); });
    pool.wait();
  }
  return acc;
}

double with_arena(const std::vector<std::vector<double>> &batches) {
  double acc = 0;
  for (const auto &b : batches) {
    tbb::task_arena arena(4);  // WARN
    arena.execute([&] { for (double x : b) acc += work(x); });
  }
  return acc;
}

double with_folly(const std::vector<std::vector<double>> &batches) {
  double acc = 0;
  for (const auto &b : batches) {
    folly::CPUThreadPoolExecutor ex(4);  // WARN
    for (double x : b) ex.add([&acc, x] { acc += work(x); });
  }
  return acc;
}

double with_task_group(const std::vector<std::vector<double>> &batches) {
  double acc = 0;
  for (const auto &b : batches) {
    tbb::task_group g;
    for (double x : b) g.run([&acc, x] { acc += work(x); });
    g.wait();
  }
  return acc;
}

double with_bs_hoisted(const std::vector<std::vector<double>> &batches) {
  BS::thread_pool pool{4};
  double acc = 0;
  for (const auto &b : batches) {
    for (double x : b) pool.detach_task([&acc, x] { acc += work(x); });
    pool.wait();
  }
  return acc;
}

int main() {
  std::vector<std::vector<double>> batches{{1, 2}, {3}};
  return static_cast<int>(with_bs(batches) + with_arena(batches) + with_folly(batches) + with_task_group(batches) +
                          with_bs_hoisted(batches));
}
