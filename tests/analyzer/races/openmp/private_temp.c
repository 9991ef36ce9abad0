// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The temporary declared before the loop is listed in private(), so each thread has its own copy.
#include <stdio.h>

#define N 256

int main(void) {
  int in[N], out[N];
  int tmp;
  for (int i = 0; i < N; ++i)
    in[i] = i;
#pragma omp parallel for private(tmp)
  for (int i = 0; i < N; ++i) {
    tmp = in[i] * 2;
    out[i] = tmp + 1;
  }
  printf("%d\n", out[N - 1]);
  return 0;
}
