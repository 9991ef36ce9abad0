// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Each section computes into its own variable; they are combined after the construct.
#include <stdio.h>

int main(void) {
  long evens = 0, odds = 0;
#pragma omp parallel sections
  {
#pragma omp section
    for (int i = 0; i < 100; i += 2)
      evens += i;
#pragma omp section
    for (int i = 1; i < 100; i += 2)
      odds += i;
  }
  printf("%ld %ld\n", evens, odds);
  return 0;
}
