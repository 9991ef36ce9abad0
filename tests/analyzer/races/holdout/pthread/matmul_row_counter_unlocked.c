// RUN: %race_corpus %s
// VERDICT: race
// Matrix multiply where workers claim rows from a shared next_row counter that is read and bumped without a lock.
#include <pthread.h>
#include <stdio.h>

#define N 96
#define NT 4
static double A[N][N], B[N][N], C[N][N];
static int next_row;

static int claim_row(void) {
  int r = next_row; // RACE
  next_row = r + 1; // RACE
  return r;
}

static void *multiply(void *arg) {
  (void)arg;
  for (;;) {
    int i = claim_row();
    if (i >= N)
      break;
    for (int j = 0; j < N; j++) {
      double s = 0.0;
      for (int k = 0; k < N; k++)
        s += A[i][k] * B[k][j];
      C[i][j] = s; // RACE
    }
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
  for (int t = 0; t < NT; t++)
    pthread_create(&th[t], NULL, multiply, NULL);
  for (int t = 0; t < NT; t++)
    pthread_join(th[t], NULL);
  printf("%f\n", C[N - 1][N - 1]);
  return 0;
}
