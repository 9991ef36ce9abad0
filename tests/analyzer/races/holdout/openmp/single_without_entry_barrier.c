// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// single has an implied barrier at its end but not at its start: the thread that runs it may sum partials others are still writing.
#include <stdio.h>
#include <omp.h>

long partial[64];
long total;

int main(void) {
#pragma omp parallel num_threads(4)
  {
    int t = omp_get_thread_num();
    long s = 0;
    for (long k = 0; k < 100000L * (t + 1); k++)
      s += k % 7;
    partial[t] = s; // RACE
#pragma omp single
    {
      for (int k = 0; k < omp_get_num_threads(); k++)
        total += partial[k]; // RACE
    }
  }
  printf("%ld\n", total);
  return 0;
}
