// RUN: %race_corpus %s -- -std=c11 -pthread -fopenmp
// VERDICT: race
// target teams distribute parallel for over a[i+1] = a[i] + 1: iterations in different teams/threads share elements.
#include <stdio.h>

#define N 1000
int a[N + 1];

int main(void) {
  for (int i = 0; i <= N; i++)
    a[i] = i;
#pragma omp target teams distribute parallel for map(tofrom : a[0 : N + 1])
  for (int i = 0; i < N; i++)
    a[i + 1] = a[i] + 1; // RACE
  printf("%d\n", a[N]);
  return 0;
}
