// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: no-race
// Each section normalises its own half of the vector and writes its own result variable.
#include <cstdio>
#include <vector>

int main() {
  const int n = 1000;
  std::vector<double> v(n, 2.0);
  double lo_sum = 0, hi_sum = 0;
#pragma omp parallel sections
  {
#pragma omp section
    {
      for (int i = 0; i < n / 2; i++) {
        v[i] /= 2.0;
        lo_sum += v[i];
      }
    }
#pragma omp section
    {
      for (int i = n / 2; i < n; i++) {
        v[i] /= 4.0;
        hi_sum += v[i];
      }
    }
  }
  std::printf("%f %f\n", lo_sum, hi_sum);
  return 0;
}
