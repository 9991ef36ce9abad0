// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The first loop has nowait, but an explicit barrier separates it from the loop that reads b in reverse.
#include <stdio.h>

#define N 2000
int a[N], b[N], c[N];

int main(void) {
  for (int i = 0; i < N; i++)
    a[i] = i;
#pragma omp parallel
  {
#pragma omp for nowait
    for (int i = 0; i < N; i++)
      b[i] = a[i] * 2;
#pragma omp barrier
#pragma omp for nowait
    for (int i = 0; i < N; i++)
      c[i] = b[N - 1 - i] + 1;
  }
  printf("%d\n", c[0]);
  return 0;
}
