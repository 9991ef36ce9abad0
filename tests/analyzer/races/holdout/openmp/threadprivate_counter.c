// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The call counter is threadprivate: each thread increments its own copy, then the copies are combined atomically.
#include <stdio.h>

static int calls;
#pragma omp threadprivate(calls)
int total_calls;

static double work(int i) {
  calls++;
  return i * 0.5;
}

int main(void) {
  double s = 0;
#pragma omp parallel
  {
#pragma omp for reduction(+ : s)
    for (int i = 0; i < 1000; i++)
      s += work(i);
#pragma omp atomic
    total_calls += calls;
  }
  printf("%f %d\n", s, total_calls);
  return 0;
}
