// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Two functions update the same statistics, both inside critical(stats), which is one lock.
#include <stdio.h>

long hits, misses;

static void record_hit(void) {
#pragma omp critical(stats)
  hits++;
}

static void record_miss(void) {
#pragma omp critical(stats)
  {
    misses++;
    hits += 0;
  }
}

int main(void) {
#pragma omp parallel for
  for (int i = 0; i < 5000; i++) {
    if ((i * 13) % 7 < 3)
      record_miss();
    else
      record_hit();
  }
  printf("%ld %ld\n", hits, misses);
  return 0;
}
