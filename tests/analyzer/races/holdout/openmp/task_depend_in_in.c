// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Both tasks declare only depend(in: x), which does not order them, yet the first one writes x.
#include <stdio.h>

int main(void) {
  int x = 1, y = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task depend(in : x) shared(x)
    x = 42; // RACE
#pragma omp task depend(in : x) shared(x, y)
    y = x; // RACE
#pragma omp taskwait
  }
  printf("%d %d\n", x, y);
  return 0;
}
