// CHECK: boundwise-nonserializable-process-argument
// Capturing lambdas handed to a process pool: their captures live in this
// process. Capture-less lambdas and named functions are fine.
#include "holdout_process_pool.hpp"

#include <string>
#include <vector>

static long cube(long x) { return x * x * x; }

long weighted_sum(boundwise::ProcessPool &pool, const std::vector<long> &xs, long weight) {
  long base = 10;
  auto a = pool.submit([base](long x) { return x + base; }, 5L);  // WARN
  auto b = pool.submit([&weight](long x) { return x * weight; }, 7L);  // WARN
  auto c = pool.submit([=](long x) { return x * weight + base; }, 3L);  // WARN
  auto d = pool.submit([&](long x) { return x - base; }, 9L);  // WARN
  auto e = pool.submit([](long x) { return x * 2; }, 4L);
  auto f = pool.submit(cube, 3L);
  auto g = pool.submit([](long b2, long x) { return x + b2; }, base, 5L);
  auto h = pool.submit(+[](long x) { return x - 1; }, 8L);
  return a.get() + b.get() + c.get() + d.get() + e.get() + f.get() + g.get() + h.get() + static_cast<long>(xs.size());
}

std::vector<long> scaled(boundwise::ProcessPool &pool, const std::vector<long> &xs, long scale) {
  std::vector<long> out = pool.map([scale](long x) { return x * scale; }, xs);  // WARN
  std::vector<long> ok = pool.map([](long x) { return x * 3; }, xs);
  std::vector<long> ok2 = pool.map(cube, xs);
  out.insert(out.end(), ok.begin(), ok.end());
  out.insert(out.end(), ok2.begin(), ok2.end());
  return out;
}

int main() {
  boundwise::ProcessPool pool{4};
  std::vector<long> xs{1, 2, 3, 4};
  long s = weighted_sum(pool, xs, 3);
  auto v = scaled(pool, xs, 2);
  return static_cast<int>(s + static_cast<long>(v.size()));
}
