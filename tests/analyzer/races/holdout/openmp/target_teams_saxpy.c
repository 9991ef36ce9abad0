// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// saxpy offloaded with target teams distribute parallel for: y[i] depends only on x[i] and y[i].
#include <stdio.h>

#define N 4096
float x[N], y[N];

int main(void) {
  float alpha = 2.0f;
  for (int i = 0; i < N; i++) {
    x[i] = (float)i;
    y[i] = 1.0f;
  }
#pragma omp target teams distribute parallel for map(to : x[0 : N]) map(tofrom : y[0 : N])
  for (int i = 0; i < N; i++)
    y[i] = alpha * x[i] + y[i];
  printf("%f\n", y[N - 1]);
  return 0;
}
