// RUN: %race_corpus %s %S/../../Inputs/holdout_accum.c -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// A parallel loop calls scale_into(), defined in another file, which writes only out[i] of the iteration it is given.
#include <stdio.h>
#include "../../Inputs/holdout_accum.h"

#define N 10000
double in[N], out[N];

int main(void) {
  for (int i = 0; i < N; i++)
    in[i] = i;
#pragma omp parallel for
  for (int i = 0; i < N; i++)
    scale_into(out, in, i, 0.5);
  accumulate(out[N - 1]);
  printf("%f\n", accumulated());
  return 0;
}
