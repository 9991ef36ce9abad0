// CHECK: boundwise-oversized-pool
// FLAGS: -fopenmp
// OpenMP teams sized with num_threads(...) around arithmetic loops.
#include <omp.h>

#include <thread>
#include <vector>

void saxpy_64(std::vector<float> &y, const std::vector<float> &x, float a) {
  const long n = static_cast<long>(y.size());
#pragma omp parallel for num_threads(64)  // WARN
  for (long i = 0; i < n; ++i) y[i] = a * x[i] + y[i];
}

void saxpy_procs4(std::vector<float> &y, const std::vector<float> &x, float a) {
  const long n = static_cast<long>(y.size());
#pragma omp parallel for num_threads(omp_get_num_procs() * 4)  // WARN
  for (long i = 0; i < n; ++i) y[i] = a * x[i] + y[i];
}

double sum_hc8(const std::vector<double> &v) {
  double s = 0;
  const long n = static_cast<long>(v.size());
#pragma omp parallel for reduction(+ : s) num_threads(std::thread::hardware_concurrency() * 8)  // WARN
  for (long i = 0; i < n; ++i) s += v[i] * v[i];
  return s;
}

void saxpy_32(std::vector<float> &y, const std::vector<float> &x, float a) {
  const long n = static_cast<long>(y.size());
#pragma omp parallel for num_threads(32)
  for (long i = 0; i < n; ++i) y[i] = a * x[i] + y[i];
}

void saxpy_procs(std::vector<float> &y, const std::vector<float> &x, float a) {
  const long n = static_cast<long>(y.size());
#pragma omp parallel for num_threads(omp_get_num_procs())
  for (long i = 0; i < n; ++i) y[i] = a * x[i] + y[i];
}

double sum_4(const std::vector<double> &v) {
  double s = 0;
  const long n = static_cast<long>(v.size());
#pragma omp parallel for reduction(+ : s) num_threads(4)
  for (long i = 0; i < n; ++i) s += v[i];
  return s;
}

double sum_default(const std::vector<double> &v) {
  double s = 0;
  const long n = static_cast<long>(v.size());
#pragma omp parallel for reduction(+ : s)
  for (long i = 0; i < n; ++i) s += v[i];
  return s;
}

int main() {
  std::vector<float> y(1000, 1.0f), x(1000, 2.0f);
  std::vector<double> v(1000, 0.5);
  saxpy_64(y, x, 2.0f);
  saxpy_procs4(y, x, 2.0f);
  saxpy_32(y, x, 2.0f);
  saxpy_procs(y, x, 2.0f);
  return static_cast<int>(sum_hc8(v) + sum_4(v) + sum_default(v));
}
