// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// One thread sets the shared factor in a single block; its implicit barrier orders it before the loop that reads it.
#include <stdio.h>

int main(void) {
  static double v[400];
  double factor = 0.0;
#pragma omp parallel
  {
#pragma omp single
    factor = 2.5;
#pragma omp for
    for (int i = 0; i < 400; ++i)
      v[i] = i * factor;
  }
  printf("%f\n", v[399]);
  return 0;
}
