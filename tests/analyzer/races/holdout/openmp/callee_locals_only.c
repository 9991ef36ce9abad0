// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The function called in the loop keeps all its state in locals and a caller-supplied element.
#include <stdio.h>

#define N 512
double out[N];

static void smooth(double *dst, int i) {
  double acc = 0.0;
  int taps[3] = {1, 2, 1};
  for (int k = 0; k < 3; k++)
    acc += taps[k] * (i + k - 1);
  *dst = acc / 4.0;
}

int main(void) {
#pragma omp parallel for
  for (int i = 0; i < N; i++)
    smooth(&out[i], i);
  printf("%f\n", out[N / 2]);
  return 0;
}
