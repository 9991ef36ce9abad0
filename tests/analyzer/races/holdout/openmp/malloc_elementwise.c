// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Two heap arrays from malloc: the loop writes c[i] from a[i] and b[i] only.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int n = 100000;
  double *a = malloc(n * sizeof *a);
  double *b = malloc(n * sizeof *b);
  double *c = malloc(n * sizeof *c);
  for (int i = 0; i < n; i++) {
    a[i] = i;
    b[i] = 2.0 * i;
  }
#pragma omp parallel for
  for (int i = 0; i < n; i++)
    c[i] = a[i] + b[i];
  printf("%f\n", c[n - 1]);
  free(a);
  free(b);
  free(c);
  return 0;
}
