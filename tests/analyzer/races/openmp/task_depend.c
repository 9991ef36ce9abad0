// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// A producer task and a consumer task share a variable, ordered by depend(out) and depend(in).
#include <stdio.h>

int main(void) {
  int value = 0;
  int doubled = 0;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task shared(value) depend(out : value)
    value = 21;
#pragma omp task shared(value, doubled) depend(in : value)
    doubled = value * 2;
  }
  printf("%d\n", doubled);
  return 0;
}
