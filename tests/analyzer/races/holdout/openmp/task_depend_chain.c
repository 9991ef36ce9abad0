// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Three tasks touch x in a chain ordered by depend(out), depend(inout) and depend(in).
#include <stdio.h>

int main(void) {
  int x = 0, y = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task depend(out : x) shared(x)
    x = 10;
#pragma omp task depend(inout : x) shared(x)
    x *= 3;
#pragma omp task depend(in : x) shared(x, y)
    y = x + 1;
#pragma omp taskwait
    printf("%d %d\n", x, y);
  }
  return 0;
}
