// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Every iteration writes an even element and reads the odd one after it: the written and read sets never meet.
#include <stdio.h>

#define N 2000
double a[N + 2];

int main(void) {
  for (int i = 0; i < N + 2; i++)
    a[i] = i * 0.5;
#pragma omp parallel for
  for (int i = 0; i < N / 2; i++)
    a[2 * i] = a[2 * i + 1] * 2.0;
  printf("%f %f\n", a[0], a[N - 2]);
  return 0;
}
