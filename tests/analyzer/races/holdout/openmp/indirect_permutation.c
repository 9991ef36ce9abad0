// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// XFAIL: *
// Known miss of boundwise (2026-11-25): the index array is a permutation; boundwise cannot prove it and reports the scatter.
// VERDICT: no-race
// Scatter through an index array that is a permutation of 0..N-1, so no two iterations write the same element.
#include <stdio.h>

#define N 1000
int perm[N];
double src[N], dst[N];

int main(void) {
  for (int i = 0; i < N; i++) {
    perm[i] = (i * 7) % N; /* 7 and 1000 are coprime: a permutation */
    src[i] = i;
  }
#pragma omp parallel for
  for (int i = 0; i < N; i++)
    dst[perm[i]] = src[i] * 2.0;
  printf("%f\n", dst[7]);
  return 0;
}
