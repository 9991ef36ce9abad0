// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: no-race
// Recursive Fibonacci with tasks: x and y are written by child tasks and read only after taskwait.
#include <stdio.h>

static long fib(int n) {
  if (n < 2)
    return n;
  long x, y;
#pragma omp task shared(x)
  x = fib(n - 1);
#pragma omp task shared(y)
  y = fib(n - 2);
#pragma omp taskwait
  return x + y;
}

int main(void) {
  long r = 0;
#pragma omp parallel
#pragma omp single
  r = fib(20);
  printf("%ld\n", r);
  return 0;
}
