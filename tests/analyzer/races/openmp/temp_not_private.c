// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// A temporary declared before the parallel loop is shared by default and written by every iteration.
#include <stdio.h>

#define N 256

int main(void) {
  int in[N], out[N];
  int tmp;
  for (int i = 0; i < N; ++i)
    in[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; ++i) {
    tmp = in[i] * 2; // RACE
    out[i] = tmp + 1; // RACE
  }
  printf("%d\n", out[N - 1]);
  return 0;
}
