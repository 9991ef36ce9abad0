// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// offset is firstprivate and last is lastprivate: every thread writes only its own copies.
#include <stdio.h>

int main(void) {
  int a[200];
  int offset = 10;
  int last = 0;
#pragma omp parallel for firstprivate(offset) lastprivate(last)
  for (int i = 0; i < 200; ++i) {
    offset += 1;
    a[i] = i + offset;
    last = a[i];
  }
  printf("%d %d\n", last, a[0]);
  return 0;
}
