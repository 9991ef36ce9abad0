// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// The shifted read comes from a different array than the write, so the offset k creates no dependence.
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  int len = 1000;
  int k = argc > 1 ? atoi(argv[1]) : 5;
  int in[1000], out[1000];
  for (int i = 0; i < len; i++)
    in[i] = 3 * i;
#pragma omp parallel for shared(in, out) firstprivate(k)
  for (int i = 0; i < len - k; i++)
    out[i] = in[i + k] - in[i];
  printf("out[10]=%d\n", out[10]);
  return 0;
}
