// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Manual block partition by omp_get_thread_num(): each thread writes only [tid*chunk, min(n, (tid+1)*chunk)).
#include <stdio.h>
#include <omp.h>

#define N 1000
int table[N];

int main(void) {
#pragma omp parallel
  {
    int tid = omp_get_thread_num();
    int nt = omp_get_num_threads();
    int chunk = (N + nt - 1) / nt;
    int lo = tid * chunk;
    int hi = lo + chunk < N ? lo + chunk : N;
    for (int i = lo; i < hi; i++)
      table[i] = i * 3;
  }
  printf("%d\n", table[N - 1]);
  return 0;
}
