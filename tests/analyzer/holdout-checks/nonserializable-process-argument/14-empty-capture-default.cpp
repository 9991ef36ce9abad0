// CHECK: boundwise-nonserializable-process-argument
// [=] and [&] lambdas that capture nothing have no conversion to a function
// pointer: the runtime refuses them like capturing lambdas. [] is fine.
#include "holdout_process_pool.hpp"

#include <cmath>
#include <string>
#include <vector>

double rms(const std::vector<double> &v) {
  double s = 0;
  for (double x : v) s += x * x;
  return std::sqrt(s / static_cast<double>(v.size()));
}

int main() {
  boundwise::ProcessPool pool;
  std::vector<std::vector<double>> series{{1, 2}, {3, 4, 5}};
  auto a = pool.submit([=](int x) { return x * 2; }, 21);  // WARN
  auto b = pool.submit([&](const std::string &s) { return s.size(); }, std::string("abc"));  // WARN
  auto c = pool.map([=](const std::vector<double> &v) { return rms(v); }, series);  // WARN

  auto d = pool.submit([](int x) { return x * 2; }, 21);
  auto e = pool.submit([](const std::string &s) { return s.size(); }, std::string("abc"));
  auto f = pool.map([](const std::vector<double> &v) { return rms(v); }, series);
  auto g = pool.map(rms, series);
  return a.get() + static_cast<int>(b.get() + c.size() + static_cast<std::size_t>(d.get()) + e.get() + f.size() + g.size());
}
