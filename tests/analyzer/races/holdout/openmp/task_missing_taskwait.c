// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Two tasks compute halves of a sum, but the creating thread adds them up without a taskwait.
#include <stdio.h>

#define N 10000
int a[N];

static long range_sum(int lo, int hi) {
  long s = 0;
  for (int i = lo; i < hi; i++)
    s += a[i];
  return s;
}

int main(void) {
  long left = 0, right = 0, total = 0;
  for (int i = 0; i < N; i++)
    a[i] = i % 10;
#pragma omp parallel
#pragma omp single
  {
#pragma omp task shared(left)
    left = range_sum(0, N / 2); // RACE
#pragma omp task shared(right)
    right = range_sum(N / 2, N); // RACE
    total = left + right; // RACE
  }
  printf("%ld\n", total);
  return 0;
}
