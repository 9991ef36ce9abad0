// RUN: %race_corpus %s %S/../Inputs/locked_counter.c
// VERDICT: no-race
// Threads call locked_add(), defined in another file, which takes the counter's mutex around the update.
#include <pthread.h>
#include <stdio.h>
#include "../Inputs/locked_counter.h"

static void *worker(void *arg) {
  long n = *(long *)arg;
  for (int i = 0; i < 1000; ++i)
    locked_add(n);
  return NULL;
}

int main(void) {
  pthread_t t[4];
  long n[4] = {1, 2, 3, 4};
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, worker, &n[i]);
  printf("so far %ld\n", locked_total());
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  printf("%ld\n", locked_total());
  return 0;
}
