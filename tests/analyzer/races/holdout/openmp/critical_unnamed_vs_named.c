// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// One update uses an unnamed critical and the other critical(audit): different names are different locks.
#include <stdio.h>
#include <omp.h>

int pending;

static void enqueue(void) {
#pragma omp critical
  pending++; // RACE
}

static void audit(void) {
#pragma omp critical(audit)
  pending--; // RACE
}

int main(void) {
#pragma omp parallel num_threads(2)
  {
    if (omp_get_thread_num() == 0)
      for (int i = 0; i < 1000; i++)
        enqueue();
    else
      for (int i = 0; i < 1000; i++)
        audit();
  }
  printf("pending=%d\n", pending);
  return 0;
}
