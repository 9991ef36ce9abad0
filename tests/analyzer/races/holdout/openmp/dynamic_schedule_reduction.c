// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Triangular work with schedule(dynamic, 4); the count and the sum are both reductions.
#include <stdio.h>

#define N 600

int main(void) {
  long pairs = 0;
  double s = 0.0;
#pragma omp parallel for schedule(dynamic, 4) reduction(+ : pairs, s)
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < i; j++) {
      pairs++;
      s += 1.0 / (1 + i + j);
    }
  }
  printf("%ld %f\n", pairs, s);
  return 0;
}
