// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// A parallel region without a worksharing for: every thread runs the whole loop and writes every element.
#include <stdio.h>

#define N 256
int table[N];

int main(void) {
#pragma omp parallel
  {
    for (int i = 0; i < N; i++)
      table[i] = i * 3; // RACE
  }
  printf("%d\n", table[N - 1]);
  return 0;
}
