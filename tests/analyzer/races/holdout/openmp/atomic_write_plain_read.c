// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// One section publishes the status with atomic write, the other polls it with a plain read: only one side is atomic.
#include <stdio.h>

int status;

int main(void) {
  int seen = 0;
#pragma omp parallel sections num_threads(2)
  {
#pragma omp section
    {
      for (int k = 1; k <= 100; k++) {
#pragma omp atomic write
        status = k; // RACE
      }
    }
#pragma omp section
    {
      for (int k = 0; k < 100; k++)
        seen += status; // RACE
    }
  }
  printf("%d\n", seen);
  return 0;
}
