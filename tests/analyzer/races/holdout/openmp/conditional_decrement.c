// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Counting leaf nodes by decrementing a shared counter inside a conditional of a parallel loop.
#include <stdio.h>

#define N 100
int kind[N];

int main(void) {
  int remaining = N;
  for (int i = 0; i < N; i++)
    kind[i] = i % 3 == 0 ? -1 : i;
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    if (kind[i] <= 0)
      remaining--; // RACE
  }
  printf("%d\n", remaining);
  return 0;
}
