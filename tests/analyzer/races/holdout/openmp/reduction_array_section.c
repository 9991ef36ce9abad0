// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// A histogram accumulated through an array-section reduction(+: hist[:BINS]): each thread has private bins.
#include <stdio.h>

#define BINS 8
#define N 10000
int data[N];

int main(void) {
  int hist[BINS] = {0};
  for (int i = 0; i < N; i++)
    data[i] = (i * 17) % 101;
#pragma omp parallel for reduction(+ : hist[:BINS])
  for (int i = 0; i < N; i++)
    hist[data[i] % BINS]++;
  for (int b = 0; b < BINS; b++)
    printf("%d ", hist[b]);
  printf("\n");
  return 0;
}
