// CHECK: boundwise-pool-in-loop
// Nested loops: hoisting out of the inner loop is not enough when the pool is
// still inside the outer one.
#include <boundwise/thread_pool.hpp>

#include <vector>

using Matrix = std::vector<std::vector<double>>;

double row_sum(const std::vector<double> &r) {
  double s = 0;
  for (double x : r) s += x;
  return s;
}

double epochs(const std::vector<Matrix> &frames, int n_epochs) {
  double acc = 0;
  for (int e = 0; e < n_epochs; ++e) {
    for (const Matrix &m : frames) {
      boundwise::ThreadPool pool{4};  // WARN
      for (double s : pool.map(row_sum, m)) acc += s;
    }
  }
  return acc;
}

double epochs_half_hoisted(const std::vector<Matrix> &frames, int n_epochs) {
  double acc = 0;
  for (int e = 0; e < n_epochs; ++e) {
    boundwise::ThreadPool pool{4};  // WARN
    for (const Matrix &m : frames)
      for (double s : pool.map(row_sum, m)) acc += s;
  }
  return acc;
}

double epochs_hoisted(const std::vector<Matrix> &frames, int n_epochs) {
  boundwise::ThreadPool pool{4};
  double acc = 0;
  for (int e = 0; e < n_epochs; ++e)
    for (const Matrix &m : frames)
      for (double s : pool.map(row_sum, m)) acc += s;
  return acc;
}

int main() {
  std::vector<Matrix> frames{{{1, 2}, {3}}, {{4}}};
  return static_cast<int>(epochs(frames, 2) + epochs_half_hoisted(frames, 2) + epochs_hoisted(frames, 2));
}
