// RUN: %race_corpus %s
// VERDICT: no-race
// Matrix multiply split into disjoint row blocks, one per thread; A and B are only read while the threads run.
#include <pthread.h>
#include <stdio.h>

#define N 96
#define NT 4
static double A[N][N], B[N][N], C[N][N];

struct block {
  int row_lo, row_hi;
};

static void *multiply(void *arg) {
  const struct block *b = arg;
  for (int i = b->row_lo; i < b->row_hi; i++)
    for (int j = 0; j < N; j++) {
      double s = 0.0;
      for (int k = 0; k < N; k++)
        s += A[i][k] * B[k][j];
      C[i][j] = s;
    }
  return NULL;
}

int main(void) {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      A[i][j] = i + j;
      B[i][j] = i == j ? 1.0 : 0.0;
    }
  pthread_t th[NT];
  struct block blocks[NT];
  for (int t = 0; t < NT; t++) {
    blocks[t].row_lo = t * N / NT;
    blocks[t].row_hi = (t + 1) * N / NT;
    pthread_create(&th[t], NULL, multiply, &blocks[t]);
  }
  for (int t = 0; t < NT; t++)
    pthread_join(th[t], NULL);
  printf("%f\n", C[N - 1][N - 1]);
  return 0;
}
