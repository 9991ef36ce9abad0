// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Each histogram bucket is updated with omp atomic, so duplicate indexes are safe.
#include <stdio.h>

int main(void) {
  int data[1000];
  int hist[10] = {0};
  for (int i = 0; i < 1000; ++i)
    data[i] = (i * 7) % 10;
#pragma omp parallel for
  for (int i = 0; i < 1000; ++i) {
#pragma omp atomic
    hist[data[i]]++;
  }
  printf("%d\n", hist[3]);
  return 0;
}
