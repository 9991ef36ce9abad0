// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Scatter-add through an index array that repeats every 100 entries: iterations i and i+100 update the same element.
#include <stdio.h>

#define N 1000
#define M 100
int target[N];
double x[N], y[M];

int main(void) {
  for (int i = 0; i < N; i++) {
    target[i] = i % M;
    x[i] = 1.0;
  }
#pragma omp parallel for
  for (int i = 0; i < N; i++)
    y[target[i]] += x[i]; // RACE
  printf("%f\n", y[0]);
  return 0;
}
