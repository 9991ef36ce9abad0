// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// A shared accumulator is summed in a parallel for without a reduction clause.
#include <stdio.h>

int main(void) {
  double x[500];
  for (int i = 0; i < 500; ++i)
    x[i] = i * 0.25;
  double sum = 0.0;
#pragma omp parallel for
  for (int i = 0; i < 500; ++i)
    sum += x[i]; // RACE
  printf("%f\n", sum);
  return 0;
}
