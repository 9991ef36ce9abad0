// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The dot product accumulates through reduction(+:dot), so each thread has a private partial sum.
#include <stdio.h>

#define N 1000

int main(void) {
  static double x[N], y[N];
  for (int i = 0; i < N; ++i) {
    x[i] = i;
    y[i] = 1.0 / (i + 1);
  }
  double dot = 0.0;
#pragma omp parallel for reduction(+ : dot)
  for (int i = 0; i < N; ++i)
    dot += x[i] * y[i];
  printf("%f\n", dot);
  return 0;
}
