// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Anti-dependence on a variable-length array: iteration i reads v[i+1], which iteration i+1 overwrites.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1000;
  double v[n];
  for (int i = 0; i < n; i++)
    v[i] = i;
#pragma omp parallel for
  for (int i = 0; i < n - 1; i++)
    v[i] = v[i + 1] + 1.0; // RACE
  printf("%f\n", v[n / 2]);
  return 0;
}
