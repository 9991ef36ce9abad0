// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// One section fills the array while a sibling section sums it; sections run concurrently with no ordering.
#include <stdio.h>

#define N 1000
double a[N];

int main(void) {
  double s = 0.0;
#pragma omp parallel sections
  {
#pragma omp section
    for (int i = 0; i < N; i++)
      a[i] = i * 0.5; // RACE
#pragma omp section
    for (int i = 0; i < N; i++)
      s += a[i]; // RACE
  }
  printf("%f\n", s);
  return 0;
}
