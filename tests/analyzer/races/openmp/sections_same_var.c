// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Two sections run on different threads and both assign the same shared variable.
#include <stdio.h>

int main(void) {
  int status = 0;
#pragma omp parallel sections
  {
#pragma omp section
    status = 1; // RACE
#pragma omp section
    status = 2; // RACE
  }
  printf("%d\n", status);
  return 0;
}
