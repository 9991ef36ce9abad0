// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The master thread sets the tile size, but master has no implied barrier and the other threads read it right away.
#include <stdio.h>
#include <omp.h>

int tile;
int used[64];

int main(void) {
  tile = 0;
#pragma omp parallel num_threads(4)
  {
#pragma omp master
    tile = 16; // RACE
    int t = omp_get_thread_num();
    used[t] = tile * (t + 1); // RACE
  }
  printf("%d %d\n", used[0], used[1]);
  return 0;
}
