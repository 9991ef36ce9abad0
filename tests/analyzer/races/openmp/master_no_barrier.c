// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The master thread sets the step size, and the other threads read it with no barrier after the master block.
#include <omp.h>
#include <stdio.h>

int main(void) {
  double step = 0.0;
  double local[64] = {0};
#pragma omp parallel num_threads(4)
  {
#pragma omp master
    step = 1.0 / 64; // RACE
    int id = omp_get_thread_num();
    local[id] = step * id; // RACE
  }
  printf("%f\n", local[1]);
  return 0;
}
