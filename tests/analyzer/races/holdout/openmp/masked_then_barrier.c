// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The masked block writes the step size and an explicit barrier orders that write before every thread's read.
#include <stdio.h>
#include <omp.h>

double step;
double out[64];

int main(void) {
#pragma omp parallel num_threads(4)
  {
#pragma omp masked
    step = 0.25;
#pragma omp barrier
    int t = omp_get_thread_num();
    out[t] = step * t;
  }
  printf("%f\n", out[3]);
  return 0;
}
