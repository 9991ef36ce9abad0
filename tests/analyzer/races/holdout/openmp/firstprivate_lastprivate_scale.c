// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// scale is firstprivate and last is lastprivate; each thread works on its copies and the array elements are disjoint.
#include <stdio.h>

#define N 500
double v[N];

int main(void) {
  double scale = 1.5;
  int last = -1;
#pragma omp parallel for firstprivate(scale) lastprivate(last)
  for (int i = 0; i < N; i++) {
    scale += 0.0;
    v[i] = scale * i;
    last = i;
  }
  printf("last=%d v=%f\n", last, v[N - 1]);
  return 0;
}
