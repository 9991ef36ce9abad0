// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Scatter through an index array that holds duplicates: two iterations update the same element.
#include <stdio.h>

#define N 100

int main(void) {
  int idx[N];
  double x[N], y[N];
  for (int i = 0; i < N; ++i) {
    idx[i] = i / 2;
    x[i] = 1.0;
    y[i] = 0.0;
  }
#pragma omp parallel for
  for (int i = 0; i < N; ++i)
    y[idx[i]] += x[i]; // RACE
  printf("%f\n", y[0]);
  return 0;
}
