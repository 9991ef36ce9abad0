// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// Two pointers 12 apart into one base array, indexed through idx: idx[i]+12 equals idx[j] for some i != j.
#include <stdio.h>
#include <stdlib.h>

#define N 180
int idx[N];

int main(void) {
  double *base = calloc(2800, sizeof(double));
  double *xa1 = base;
  double *xa2 = base + 12;
  for (int i = 0; i < N; i++)
    idx[i] = 521 + 12 * i; /* 521, 533, 545, ...: xa2[idx[i]] == xa1[idx[i+1]] */
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    int k = idx[i];
    xa1[k] += 1.0; // RACE
    xa2[k] += 3.0; // RACE
  }
  printf("%f\n", base[533]);
  free(base);
  return 0;
}
