// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The tasks take the loop counter as shared(i): they read i while the generating thread keeps incrementing it.
#include <stdio.h>

#define N 64
int a[N];

int main(void) {
  int i;
#pragma omp parallel
#pragma omp single
  {
    for (i = 0; i < N; i++) { // RACE
#pragma omp task shared(i)
      a[i % N] = 1; // RACE
    }
#pragma omp taskwait
  }
  printf("%d\n", a[3]);
  return 0;
}
