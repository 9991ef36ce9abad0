// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Two tasks created by one thread both increment a shared variable; there is no taskwait or depend between them.
#include <stdio.h>

int main(void) {
  int visits = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task shared(visits)
    visits++; // RACE
#pragma omp task shared(visits)
    visits += 2; // RACE
  }
  printf("%d\n", visits);
  return 0;
}
