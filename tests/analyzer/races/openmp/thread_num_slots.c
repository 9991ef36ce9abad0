// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Each thread accumulates into partial[omp_get_thread_num()]; the master combines after the region.
#include <omp.h>
#include <stdio.h>

#define MAXT 64

int main(void) {
  double partial[MAXT] = {0};
  int nthreads = 1;
#pragma omp parallel num_threads(4)
  {
    int id = omp_get_thread_num();
    int nt = omp_get_num_threads();
    if (id == 0)
      nthreads = nt;
    for (int i = id; i < 1000; i += nt)
      partial[id] += 1.0 / (i + 1);
  }
  double s = 0;
  for (int t = 0; t < nthreads; ++t)
    s += partial[t];
  printf("%f\n", s);
  return 0;
}
