// CHECK: boundwise-pool-in-loop
// A thread pool built per batch versus one pool reused for every batch.
#include <boundwise/thread_pool.hpp>

#include <vector>

int square(int x) { return x * x; }

long per_batch(const std::vector<std::vector<int>> &batches) {
  long total = 0;
  for (const auto &batch : batches) {
    boundwise::ThreadPool pool{8};  // WARN
    for (int v : pool.map(square, batch)) total += v;
  }
  return total;
}

long per_batch_default(const std::vector<std::vector<int>> &batches) {
  long total = 0;
  for (const auto &batch : batches) {
    boundwise::ThreadPool pool;  // WARN
    auto f = pool.submit([&batch] { return static_cast<long>(batch.size()); });
    total += f.get();
  }
  return total;
}

long hoisted(const std::vector<std::vector<int>> &batches) {
  boundwise::ThreadPool pool{8};
  long total = 0;
  for (const auto &batch : batches)
    for (int v : pool.map(square, batch)) total += v;
  return total;
}

long hoisted_block(const std::vector<std::vector<int>> &batches) {
  long total = 0;
  {
    boundwise::ThreadPool pool;
    for (const auto &batch : batches) total += static_cast<long>(pool.map(square, batch).size());
  }
  return total;
}

int main() {
  std::vector<std::vector<int>> batches{{1, 2}, {3, 4, 5}};
  return static_cast<int>(per_batch(batches) + per_batch_default(batches) + hoisted(batches) + hoisted_block(batches));
}
