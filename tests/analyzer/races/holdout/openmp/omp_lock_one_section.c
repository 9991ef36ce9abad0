// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The refill section updates the pool under an omp lock, but the drain section forgets to take it.
#include <stdio.h>
#include <omp.h>

int pool = 100;
omp_lock_t pool_lock;

int main(void) {
  omp_init_lock(&pool_lock);
#pragma omp parallel sections
  {
#pragma omp section
    for (int k = 0; k < 1000; k++) {
      omp_set_lock(&pool_lock);
      pool += 2; // RACE
      omp_unset_lock(&pool_lock);
    }
#pragma omp section
    for (int k = 0; k < 1000; k++)
      if (pool > 0) // RACE
        pool--; // RACE
  }
  omp_destroy_lock(&pool_lock);
  printf("%d\n", pool);
  return 0;
}
