// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The producer section uses atomic write and the poller uses atomic read, so every access to status is atomic.
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
        status = k;
      }
    }
#pragma omp section
    {
      for (int k = 0; k < 100; k++) {
        int s;
#pragma omp atomic read
        s = status;
        seen += s;
      }
    }
  }
  printf("%d\n", seen);
  return 0;
}
