// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// A histogram with one omp_lock_t per bin: each bin is only updated while its own lock is held.
#include <stdio.h>
#include <omp.h>

#define BINS 16
#define N 20000
int bins[BINS];
omp_lock_t bin_lock[BINS];

int main(void) {
  for (int b = 0; b < BINS; b++)
    omp_init_lock(&bin_lock[b]);
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    int b = (i * 2654435761u) % BINS;
    omp_set_lock(&bin_lock[b]);
    bins[b]++;
    omp_unset_lock(&bin_lock[b]);
  }
  for (int b = 0; b < BINS; b++)
    omp_destroy_lock(&bin_lock[b]);
  printf("%d\n", bins[0]);
  return 0;
}
