// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The loop records the last index it saw in a shared variable instead of using lastprivate.
#include <stdio.h>

int main(void) {
  int data[300];
  int last = -1;
#pragma omp parallel for
  for (int i = 0; i < 300; ++i) {
    data[i] = i % 7;
    last = i; // RACE
  }
  printf("%d %d\n", last, data[299]);
  return 0;
}
