// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Threads fill their own cell, wait at a barrier, then read a neighbour's cell into their own output slot.
#include <omp.h>
#include <stdio.h>

#define T 4

int main(void) {
  int cell[T], sum[T];
#pragma omp parallel num_threads(T)
  {
    int id = omp_get_thread_num();
    cell[id] = id * 3;
#pragma omp barrier
    sum[id] = cell[id] + cell[(id + 1) % omp_get_num_threads()];
  }
  printf("%d\n", sum[0]);
  return 0;
}
