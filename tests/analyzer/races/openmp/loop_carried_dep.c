// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// A parallel for whose body reads a[i] and writes a[i+1]: iterations on different threads touch the same element.
#include <stdio.h>

#define N 1000

int main(void) {
  int a[N + 1];
  for (int i = 0; i <= N; ++i)
    a[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    a[i + 1] = a[i] + 1; // RACE
  printf("%d\n", a[N]);
  return 0;
}
