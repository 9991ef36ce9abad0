// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The inner loop counter j is declared outside the parallel loop, so in C it is shared by all threads.
#include <stdio.h>

#define N 100
int m[N][N];

int main(void) {
  int i, j;
#pragma omp parallel for
  for (i = 0; i < N; i++)
    for (j = 0; j < N; j++) // RACE
      m[i][j] = i * j; // RACE
  printf("%d\n", m[7][9]);
  return 0;
}
