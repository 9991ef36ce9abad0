// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// A plain simd loop runs on one thread; its distance-8 dependence is longer than safelen(4), and there are no other threads.
#include <stdio.h>

#define N 1024
float a[N + 8];

int main(void) {
  for (int i = 0; i < N + 8; i++)
    a[i] = (float)i;
#pragma omp simd safelen(4)
  for (int i = 0; i < N; i++)
    a[i + 8] = a[i] * 0.5f;
  printf("%f\n", a[N]);
  return 0;
}
