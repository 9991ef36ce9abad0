// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// The loop has the ordered clause, but the append to the shared buffer sits outside the ordered block.
#include <stdio.h>

#define N 400
int buf[N];
int pos;

int main(void) {
#pragma omp parallel for ordered schedule(dynamic)
  for (int i = 0; i < N; i++) {
    int v = i * i;
    buf[pos] = v; // RACE
    pos++; // RACE
#pragma omp ordered
    {
      if (i == N - 1)
        printf("done\n");
    }
  }
  printf("pos=%d\n", pos);
  return 0;
}
