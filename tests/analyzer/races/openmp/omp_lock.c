// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// A shared queue tail is advanced while holding an omp_lock_t.
#include <omp.h>
#include <stdio.h>

int main(void) {
  int queue[1000];
  int tail = 0;
  omp_lock_t lock;
  omp_init_lock(&lock);
#pragma omp parallel for
  for (int i = 0; i < 1000; ++i) {
    if (i % 3 == 0) {
      omp_set_lock(&lock);
      queue[tail++] = i;
      omp_unset_lock(&lock);
    }
  }
  omp_destroy_lock(&lock);
  printf("%d\n", tail);
  return 0;
}
