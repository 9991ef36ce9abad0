// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// x is meant to hold the last iteration's value but is not lastprivate: every iteration stores to the shared x.
#include <stdio.h>

int main(void) {
  int x = 0;
  int len = 10000;
#pragma omp parallel for
  for (int i = 0; i < len; i++)
    x = i; // RACE
  printf("x=%d\n", x);
  return 0;
}
