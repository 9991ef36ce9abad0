// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Iteration i writes a[2*i] while iteration 2*i reads it: the write index doubles the read index.
#include <stdio.h>

#define N 1000
int a[2 * N];

int main(void) {
  for (int i = 0; i < 2 * N; i++)
    a[i] = i;
#pragma omp parallel for
  for (int i = 1; i < N; i++)
    a[2 * i] = a[i] + 1; // RACE
  printf("a[500]=%d\n", a[500]);
  return 0;
}
