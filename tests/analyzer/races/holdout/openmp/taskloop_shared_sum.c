// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// A taskloop accumulates into a shared sum with no reduction: chunks run as concurrent tasks.
#include <stdio.h>

#define N 4000
int v[N];

int main(void) {
  long sum = 0;
  for (int i = 0; i < N; i++)
    v[i] = i & 7;
#pragma omp parallel
#pragma omp single
  {
#pragma omp taskloop grainsize(100) shared(sum)
    for (int i = 0; i < N; i++)
      sum += v[i]; // RACE
  }
  printf("%ld\n", sum);
  return 0;
}
