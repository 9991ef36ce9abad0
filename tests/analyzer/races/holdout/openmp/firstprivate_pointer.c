// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// firstprivate(p) copies only the pointer: every thread still increments the same int it points to.
#include <stdio.h>

int main(void) {
  int counter = 0;
  int *p = &counter;
#pragma omp parallel for firstprivate(p)
  for (int i = 0; i < 1000; i++)
    (*p)++; // RACE
  printf("%d\n", counter);
  return 0;
}
