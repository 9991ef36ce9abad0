// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The master thread sets the step, and an explicit barrier follows before the other threads read it.
#include <omp.h>
#include <stdio.h>

int main(void) {
  double step = 0.0;
  double local[64] = {0};
#pragma omp parallel num_threads(4)
  {
#pragma omp master
    step = 1.0 / 64;
#pragma omp barrier
    int id = omp_get_thread_num();
    local[id] = step * id;
  }
  printf("%f\n", local[1]);
  return 0;
}
