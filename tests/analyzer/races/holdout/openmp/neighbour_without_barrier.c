// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Each thread writes its own cell and immediately reads its neighbour's, with no barrier between the phases.
#include <stdio.h>
#include <omp.h>

int cell[64];
int diff[64];

int main(void) {
#pragma omp parallel num_threads(4)
  {
    int t = omp_get_thread_num();
    int nt = omp_get_num_threads();
    cell[t] = (t + 1) * 10; // RACE
    diff[t] = cell[(t + 1) % nt] - cell[t]; // RACE
  }
  printf("%d\n", diff[0]);
  return 0;
}
