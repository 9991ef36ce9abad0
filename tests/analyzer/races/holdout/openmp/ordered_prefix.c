// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// A running prefix sum is carried from iteration to iteration only inside the ordered block.
#include <stdio.h>

#define N 300
int val[N], prefix[N];

int main(void) {
  int running = 0;
  for (int i = 0; i < N; i++)
    val[i] = i % 17;
#pragma omp parallel for ordered
  for (int i = 0; i < N; i++) {
    int sq = val[i] * val[i];
#pragma omp ordered
    {
      running += sq;
      prefix[i] = running;
    }
  }
  printf("%d\n", prefix[N - 1]);
  return 0;
}
