// CHECK: boundwise-oversized-pool
// FLAGS: -fopenmp
// omp_set_num_threads(n) before CPU-bound parallel regions.
#include <omp.h>

#include <cmath>
#include <thread>
#include <vector>

double integrate(long steps) {
  double sum = 0;
  const double h = 1.0 / static_cast<double>(steps);
#pragma omp parallel for reduction(+ : sum)
  for (long i = 0; i < steps; ++i) {
    double x = (static_cast<double>(i) + 0.5) * h;
    sum += 4.0 / (1.0 + x * x);
  }
  return sum * h;
}

double pi_128(long steps) {
  omp_set_num_threads(128);  // WARN
  double sum = 0;
  const double h = 1.0 / static_cast<double>(steps);
#pragma omp parallel for reduction(+ : sum)
  for (long i = 0; i < steps; ++i) {
    double x = (static_cast<double>(i) + 0.5) * h;
    sum += 4.0 / (1.0 + x * x);
  }
  return sum * h;
}

void normalize_hc(std::vector<double> &v) {
  omp_set_num_threads(static_cast<int>(std::thread::hardware_concurrency() * 16));  // WARN
  const long n = static_cast<long>(v.size());
#pragma omp parallel for
  for (long i = 0; i < n; ++i) v[i] = std::sqrt(v[i]) / (1.0 + v[i]);
}

void configure_only() {
  omp_set_num_threads(100);  // WARN
}

double pi_16(long steps) {
  omp_set_num_threads(16);
  double sum = 0;
  const double h = 1.0 / static_cast<double>(steps);
#pragma omp parallel for reduction(+ : sum)
  for (long i = 0; i < steps; ++i) {
    double x = (static_cast<double>(i) + 0.5) * h;
    sum += 4.0 / (1.0 + x * x);
  }
  return sum * h;
}

void normalize_procs2(std::vector<double> &v) {
  omp_set_num_threads(omp_get_num_procs() * 2);
  const long n = static_cast<long>(v.size());
#pragma omp parallel for
  for (long i = 0; i < n; ++i) v[i] = std::sqrt(v[i]);
}

void configure_from(int n) { omp_set_num_threads(n); }

int main(int argc, char **) {
  std::vector<double> v(100, 2.0);
  configure_only();
  configure_from(argc * 4);
  normalize_hc(v);
  normalize_procs2(v);
  return static_cast<int>(integrate(1000) + pi_128(1000) + pi_16(1000));
}
