// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// taskloop chunks each write distinct elements of out, read only in, and the implicit taskgroup ends before the read.
#include <stdio.h>

#define N 4000
float in[N], out[N];

int main(void) {
  for (int i = 0; i < N; i++)
    in[i] = (float)i;
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskloop num_tasks(8)
    for (int i = 0; i < N; i++)
      out[i] = in[i] * in[i];
    printf("%f\n", out[N - 1]);
  }
  return 0;
}
