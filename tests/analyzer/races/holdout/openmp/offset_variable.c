// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// a[i+k] = a[i] with a run-time offset k: iteration i+k reads what iteration i writes.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int len = 1000;
  int k = argc > 1 ? atoi(argv[1]) : 3;
  int a[1000];
  for (int i = 0; i < len; i++)
    a[i] = i;
#pragma omp parallel for
  for (int i = 0; i < len - k; i++)
    a[i + k] = a[i] + 1; // RACE
  printf("a[%d]=%d\n", len / 2, a[len / 2]);
  return 0;
}
