// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The running minimum is compared and updated by every thread with no reduction(min:) and no critical.
#include <stdio.h>
#include <float.h>

#define N 4096
double data[N];

int main(void) {
  for (int i = 0; i < N; i++)
    data[i] = (i * 7919) % 1000 - 500.0;
  double lo = DBL_MAX;
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    if (data[i] < lo) // RACE
      lo = data[i]; // RACE
  }
  printf("min=%f\n", lo);
  return 0;
}
