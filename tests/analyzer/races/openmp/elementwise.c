// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// a[i] = a[i] + 1 in a parallel for: each iteration touches only its own element.
#include <stdio.h>

#define N 1000

int main(void) {
  int a[N];
  for (int i = 0; i < N; ++i)
    a[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    a[i] = a[i] + 1;
  printf("%d\n", a[N - 1]);
  return 0;
}
