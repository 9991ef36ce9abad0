// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// A parallel region limited to num_threads(1) updates a shared sum without a reduction: only one thread runs it.
#include <stdio.h>

int main(void) {
  long sum = 0;
#pragma omp parallel for num_threads(1)
  for (int i = 0; i < 100; ++i)
    sum += i;
  printf("%ld\n", sum);
  return 0;
}
