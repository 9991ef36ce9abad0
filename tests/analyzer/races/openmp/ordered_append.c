// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Appends to the shared output buffer happen in an ordered block, one iteration at a time in order.
#include <stdio.h>

int main(void) {
  int out[100];
  int n = 0;
#pragma omp parallel for ordered
  for (int i = 0; i < 100; ++i) {
    int sq = i * i;
#pragma omp ordered
    out[n++] = sq;
  }
  printf("%d %d\n", n, out[99]);
  return 0;
}
