// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// A helper called from the parallel loop counts its calls in a plain global, the same pattern without threadprivate.
#include <stdio.h>

static int calls;

static double work(int i) {
  calls++; // RACE
  return i * 0.5;
}

int main(void) {
  double s = 0;
#pragma omp parallel for reduction(+ : s)
  for (int i = 0; i < 1000; i++)
    s += work(i);
  printf("%f %d\n", s, calls);
  return 0;
}
