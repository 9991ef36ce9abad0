// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Two worksharing loops with nowait write different arrays and read only the input.
#include <stdio.h>

#define N 500

int main(void) {
  static double in[N], sq[N], half[N];
  for (int i = 0; i < N; ++i)
    in[i] = i;
#pragma omp parallel
  {
#pragma omp for nowait
    for (int i = 0; i < N; ++i)
      sq[i] = in[i] * in[i];
#pragma omp for nowait
    for (int i = 0; i < N; ++i)
      half[i] = in[i] / 2;
  }
  printf("%f %f\n", sq[N - 1], half[N - 1]);
  return 0;
}
