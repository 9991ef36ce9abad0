// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// XFAIL: *
// Known miss of boundwise (2026-11-25): needs the rule that two schedule(static) loops of one size give an iteration to the same thread.
// VERDICT: no-race
// Two schedule(static) loops with the same iteration space: the spec gives iteration i to the same thread in both, so nowait is safe.
#include <stdio.h>

#define N 1000
double a[N], b[N];

int main(void) {
#pragma omp parallel
  {
#pragma omp for schedule(static) nowait
    for (int i = 0; i < N; i++)
      a[i] = i * 1.5;
#pragma omp for schedule(static)
    for (int i = 0; i < N; i++)
      b[i] = a[i] + 1.0;
  }
  printf("%f\n", b[N - 1]);
  return 0;
}
