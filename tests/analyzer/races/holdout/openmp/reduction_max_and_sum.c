// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Both accumulators of the loop appear in reduction clauses, so each thread updates private copies.
#include <stdio.h>

#define N 4096
int data[N];

int main(void) {
  for (int i = 0; i < N; i++)
    data[i] = (i * 31) % 977;
  int hi = 0;
  long total = 0;
#pragma omp parallel for reduction(max : hi) reduction(+ : total)
  for (int i = 0; i < N; i++) {
    if (data[i] > hi)
      hi = data[i];
    total += data[i];
  }
  printf("max=%d sum=%ld\n", hi, total);
  return 0;
}
