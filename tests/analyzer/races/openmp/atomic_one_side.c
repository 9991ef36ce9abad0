// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The counter is incremented with omp atomic, but the threshold test reads it with a plain load.
#include <stdio.h>

int main(void) {
  int hits = 0;
  int overflowed = 0;
#pragma omp parallel for
  for (int i = 0; i < 1000; ++i) {
#pragma omp atomic
    hits++; // RACE
    if (hits > 900) // RACE
      overflowed = 1; // RACE
  }
  printf("%d %d\n", hits, overflowed);
  return 0;
}
