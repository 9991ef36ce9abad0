// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The first loop has nowait, and the second loop reads elements of a that another thread may still be writing.
#include <stdio.h>

#define N 1000

int main(void) {
  static int a[N], b[N];
#pragma omp parallel
  {
#pragma omp for nowait
    for (int i = 0; i < N; ++i)
      a[i] = i * i; // RACE
#pragma omp for
    for (int i = 0; i < N; ++i)
      b[i] = a[N - 1 - i]; // RACE
  }
  printf("%d\n", b[0]);
  return 0;
}
