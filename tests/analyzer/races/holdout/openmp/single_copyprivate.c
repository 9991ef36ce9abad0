// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// One thread reads the seed inside single and copyprivate broadcasts it to every thread's private copy.
#include <stdio.h>
#include <omp.h>

int out[64];

int main(void) {
#pragma omp parallel num_threads(4)
  {
    int seed;
#pragma omp single copyprivate(seed)
    seed = 1234;
    int t = omp_get_thread_num();
    out[t] = seed + t;
  }
  printf("%d %d\n", out[0], out[3]);
  return 0;
}
