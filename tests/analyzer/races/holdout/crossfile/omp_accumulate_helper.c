// RUN: %race_corpus %s %S/../../Inputs/holdout_accum.c -- -std=c11 -pthread -fopenmp
// VERDICT: race
// A parallel loop calls accumulate(), defined in another file, which adds to a plain global there.
#include <stdio.h>
#include "../../Inputs/holdout_accum.h"

int main(void) {
#pragma omp parallel for
  for (int i = 0; i < 10000; i++)
    accumulate(i * 0.001);
  printf("%f\n", accumulated());
  return 0;
}
