// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// parallel for simd splits the loop across threads, and a[i+1] = a[i] + b[i] carries a dependence between iterations.
#include <stdio.h>

#define N 1000
int a[N + 1], b[N];

int main(void) {
  for (int i = 0; i < N; i++) {
    a[i] = i;
    b[i] = 1;
  }
#pragma omp parallel for simd
  for (int i = 0; i < N; i++)
    a[i + 1] = a[i] + b[i]; // RACE
  printf("%d\n", a[N / 2]);
  return 0;
}
