// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Each task captures the loop counter firstprivate and writes its own element; the sum is read after taskwait.
#include <stdio.h>

#define N 64
int a[N];

int main(void) {
  long sum = 0;
#pragma omp parallel
#pragma omp single
  {
    for (int i = 0; i < N; i++) {
#pragma omp task firstprivate(i)
      a[i] = i * i;
    }
#pragma omp taskwait
    for (int i = 0; i < N; i++)
      sum += a[i];
  }
  printf("%ld\n", sum);
  return 0;
}
