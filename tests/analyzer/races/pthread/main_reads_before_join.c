// RUN: %race_corpus %s
// VERDICT: race
// main prints the worker's result before joining it, so the read races with the write.
#include <pthread.h>
#include <stdio.h>

static int result;

static void *compute(void *arg) {
  int n = *(int *)arg;
  int acc = 0;
  for (int i = 1; i <= n; ++i)
    acc += i;
  result = acc; // RACE
  return NULL;
}

int main(void) {
  pthread_t t;
  int n = 1000;
  pthread_create(&t, NULL, compute, &n);
  printf("partial: %d\n", result); // RACE
  pthread_join(t, NULL);
  printf("final: %d\n", result);
  return 0;
}
