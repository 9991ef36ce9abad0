// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// collapse(2) spreads the j loop over threads too, so a[i][j] = a[i][j-1] crosses iterations of different threads.
#include <stdio.h>

#define N 30
#define M 64
double a[N][M];

int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++)
      a[i][j] = i + j;
#pragma omp parallel for collapse(2)
  for (int i = 0; i < N; i++)
    for (int j = 1; j < M; j++)
      a[i][j] = a[i][j - 1] + 1.0; // RACE
  printf("%f\n", a[N / 2][M / 2]);
  return 0;
}
