// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// collapse(2) over an element-wise scale: every (i, j) pair writes only its own element of b.
#include <stdio.h>

#define N 100
#define M 80
float a[N][M], b[N][M];

int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++)
      a[i][j] = (float)(i * j);
#pragma omp parallel for collapse(2) schedule(static)
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++)
      b[i][j] = 0.5f * a[i][j];
  printf("%f\n", b[10][10]);
  return 0;
}
