// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Every thread of a parallel region stores its id into one shared scalar and reads it back.
#include <omp.h>
#include <stdio.h>

int main(void) {
  int owner = -1;
  int seen[16] = {0};
#pragma omp parallel num_threads(4)
  {
    owner = omp_get_thread_num(); // RACE
    seen[omp_get_thread_num()] = owner; // RACE
  }
  printf("%d %d\n", owner, seen[0]);
  return 0;
}
