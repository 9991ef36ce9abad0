// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: race
// The first loop has nowait, and the second reads b in reverse order, so it can read elements another thread is still writing.
#include <cstdio>
#include <vector>

int main() {
  const int n = 2000;
  std::vector<int> a(n), b(n), c(n);
  for (int i = 0; i < n; i++)
    a[i] = i;
#pragma omp parallel
  {
#pragma omp for nowait
    for (int i = 0; i < n; i++)
      b[i] = a[i] * 2; // RACE
#pragma omp for
    for (int i = 0; i < n; i++)
      c[i] = b[n - 1 - i] + 1; // RACE
  }
  std::printf("%d\n", c[0]);
  return 0;
}
