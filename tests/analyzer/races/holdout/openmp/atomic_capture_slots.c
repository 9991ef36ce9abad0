// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Each match claims a distinct output slot through atomic capture; the counter itself is only touched atomically.
#include <stdio.h>

#define N 10000
int in[N], out[N];
int count;

int main(void) {
  for (int i = 0; i < N; i++)
    in[i] = (i * 37) % 101;
#pragma omp parallel for
  for (int i = 0; i < N; i++) {
    if (in[i] > 50) {
      int slot;
#pragma omp atomic capture
      slot = count++;
      out[slot] = in[i];
    }
  }
  printf("%d matches\n", count);
  return 0;
}
