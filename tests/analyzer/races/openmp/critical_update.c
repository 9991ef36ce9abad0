// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Updates of the shared maximum and its index happen inside one critical section.
#include <stdio.h>

int main(void) {
  int v[500];
  for (int i = 0; i < 500; ++i)
    v[i] = (i * 97) % 503;
  int best = -1, best_at = -1;
#pragma omp parallel for
  for (int i = 0; i < 500; ++i) {
#pragma omp critical
    {
      if (v[i] > best) {
        best = v[i];
        best_at = i;
      }
    }
  }
  printf("%d at %d\n", best, best_at);
  return 0;
}
