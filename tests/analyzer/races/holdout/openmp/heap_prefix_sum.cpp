// RUN: %race_corpus %s -- -std=c++20 -pthread -fopenmp
// VERDICT: race
// An in-place prefix sum over a new[]-allocated array, parallelised naively: p[i] reads p[i-1] as it is written.
#include <cstdio>

int main() {
  const int n = 5000;
  long *p = new long[n];
  for (int i = 0; i < n; i++)
    p[i] = 1;
#pragma omp parallel for
  for (int i = 1; i < n; i++)
    p[i] += p[i - 1]; // RACE
  std::printf("%ld\n", p[n - 1]);
  delete[] p;
  return 0;
}
