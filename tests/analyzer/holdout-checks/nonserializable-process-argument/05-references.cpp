// CHECK: boundwise-nonserializable-process-argument
// Non-const reference parameters and std::ref: the worker changes its own
// copy and the caller never sees it. By value and const& are fine.
#include "holdout_process_pool.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

void normalize(std::vector<double> &v) {
  double m = *std::max_element(v.begin(), v.end());
  for (double &x : v) x /= m;
}

std::vector<double> normalized(std::vector<double> v) {
  double m = *std::max_element(v.begin(), v.end());
  for (double &x : v) x /= m;
  return v;
}

double total(const std::vector<double> &v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

void upcase(std::string &s) {
  for (char &c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
}

int main() {
  boundwise::ProcessPool pool{4};
  std::vector<double> samples{1.0, 2.0, 4.0};
  pool.submit(normalize, samples).get();  // WARN
  pool.submit(normalize, std::ref(samples)).get();  // WARN
  std::string name = "worker";
  pool.submit(upcase, std::ref(name)).get();  // WARN

  std::vector<double> fixed = pool.submit(normalized, samples).get();
  double t2 = pool.submit(total, samples).get();
  auto ts = pool.map(total, std::vector<std::vector<double>>{samples, fixed});
  return static_cast<int>(t2 + static_cast<double>(ts.size()));
}
