// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The sum is a reduction variable, but the loop also counts negatives in a second shared variable that is not.
#include <stdio.h>

int main(void) {
  double v[600];
  for (int i = 0; i < 600; ++i)
    v[i] = (i % 5) - 2.0;
  double sum = 0.0;
  int negatives = 0;
#pragma omp parallel for reduction(+ : sum)
  for (int i = 0; i < 600; ++i) {
    sum += v[i];
    if (v[i] < 0)
      negatives++; // RACE
  }
  printf("%f %d\n", sum, negatives);
  return 0;
}
