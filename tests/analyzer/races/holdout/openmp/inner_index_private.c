// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Same nest as a shared inner counter, but j is listed in private(), so each thread has its own.
#include <stdio.h>

#define N 100
int m[N][N];

int main(void) {
  int i, j;
#pragma omp parallel for private(j)
  for (i = 0; i < N; i++)
    for (j = 0; j < N; j++)
      m[i][j] = i + j;
  printf("%d\n", m[7][9]);
  return 0;
}
